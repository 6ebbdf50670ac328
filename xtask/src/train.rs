//! `cargo xtask train`: fits the sentence models and writes their weights. Deterministic:
//! the same data gives the same bytes.
//!
//! Both are logistic regressions over the same hashed sentence features
//! (`newslens::opinion::features`), fitted, calibrated and thresholded by one procedure
//! ([`fit_model`]): regularisation, Platt calibration and the label threshold are chosen
//! by 5-fold cross-validation on the training data; the dev files `newslens eval` scores
//! are never read here. Auxiliary data (see [`auxiliary`]) is added to every training
//! fold, never scored.
//!
//! - `opinion` (`src/opinion/weights.bin`): NewsSD-ENG train + val (CC BY 4.0; the same
//!   sentences as the CheckThat! 2023–25 English train set), threshold for macro-F1.
//! - `claim` (`src/claim/weights.bin`): CheckThat! 2024 Task 1 English train, threshold
//!   for the F1 of the check-worthy class, in [`CLAIM_DIMS`] buckets.

use std::path::{Path, PathBuf};

use newslens::eval::{macro_f1, Scores};
use newslens::opinion::{features, is_model_size, sigmoid, Features, Model, DIMS};

use serde_json::Value;

use crate::cmd::Result;

const FOLDS: usize = 5;
const EPOCHS: usize = 300;
const LEARNING_RATE: f32 = 0.05;
const LAMBDAS: &[f32] = &[1e-4, 3e-4, 1e-3, 3e-3, 1e-2];
/// The claim data is 20 times larger than the opinion data and wants less regularisation
/// (1e-4 was the best of [`LAMBDAS`], the smallest).
const CLAIM_LAMBDAS: &[f32] = &[3e-5, 1e-4, 3e-4];

/// Buckets of the claim model: the features folded to a quarter of their space keep the
/// shipped wasm inside its size budget (see the README's size table).
const CLAIM_DIMS: usize = DIMS / 32;

/// Which model to train.
pub enum Which<'a> {
    /// The opinion model, with the teacher's soft labels if a file is given.
    Opinion {
        teacher: Option<&'a str>,
    },
    Claim,
}

pub fn run(root: &Path, which: Which) -> Result {
    let data = root.join("../shared/data");
    let task = match which {
        Which::Opinion { teacher } => Task {
            name: "opinion",
            gold: gold(
                &data,
                &["newssd_eng/train.jsonl", "newssd_eng/val.jsonl"],
                "opinion",
                DIMS,
            )?,
            auxiliary: auxiliary(root, teacher)?,
            dims: DIMS,
            lambdas: LAMBDAS,
            metric: macro_f1,
            out: root.join("src/opinion/weights.bin"),
        },
        Which::Claim => Task {
            name: "check-worthy",
            gold: gold(
                &data,
                &["checkworthiness_en/train.jsonl"],
                "check-worthy",
                CLAIM_DIMS,
            )?,
            auxiliary: Vec::new(),
            dims: CLAIM_DIMS,
            lambdas: CLAIM_LAMBDAS,
            metric: positive_f1,
            out: root.join("src/claim/weights.bin"),
        },
    };
    let model = fit_model(&task);
    std::fs::write(&task.out, model.to_bytes())
        .map_err(|e| format!("cannot write {}: {e}", task.out.display()))?;
    eprintln!("wrote {}", task.out.display());
    Ok(())
}

/// A model to fit: labelled sentences, the metric its label threshold maximises, and
/// where its weights go.
struct Task {
    /// The positive class, as the data names it.
    name: &'static str,
    gold: Vec<Example>,
    auxiliary: Vec<Example>,
    /// Buckets of the model (features are folded into them).
    dims: usize,
    /// The L2 regularisation strengths cross-validation chooses from.
    lambdas: &'static [f32],
    metric: fn(&[bool], &[bool]) -> f32,
    out: PathBuf,
}

/// Chooses the regularisation by cross-validation, calibrates the out-of-fold scores,
/// picks the threshold, and fits the model on all the data.
fn fit_model(task: &Task) -> Model {
    let ys: Vec<bool> = task.gold.iter().map(|e| e.y > 0.5).collect();
    eprintln!(
        "training on {} sentences ({} {}) and {} auxiliary examples, {} buckets",
        task.gold.len(),
        ys.iter().filter(|y| **y).count(),
        task.name,
        task.auxiliary.len(),
        task.dims
    );
    let mut best: Option<(f32, f32, Vec<f32>)> = None;
    for &lambda in task.lambdas {
        let scores = out_of_fold(task, lambda);
        let probabilities: Vec<f32> = scores.iter().map(|&s| sigmoid(s)).collect();
        let (f1, threshold) = best_threshold(&probabilities, &ys, task.metric);
        eprintln!("  lambda {lambda:<7} cross-validated F1 {f1:.3} (raw threshold {threshold:.2})");
        if best.as_ref().is_none_or(|(b, _, _)| f1 > *b) {
            best = Some((f1, lambda, scores));
        }
    }
    let (_, lambda, scores) = best.expect("at least one lambda");
    let (platt_a, platt_b) = platt(&scores, &ys);
    let calibrated: Vec<f32> = scores
        .iter()
        .map(|&s| sigmoid(platt_a * s + platt_b))
        .collect();
    let (f1, threshold) = best_threshold(&calibrated, &ys, task.metric);
    eprintln!(
        "chose lambda {lambda}; calibrated threshold {threshold:.2}, cross-validated F1 {f1:.3}"
    );

    let all: Vec<&Example> = task.gold.iter().chain(&task.auxiliary).collect();
    let (weights, bias) = fit(&all, task.dims, lambda);
    Model {
        weights,
        bias,
        platt_a,
        platt_b,
        threshold,
    }
}

/// The F1 of the positive class (the CheckThat! check-worthiness metric).
fn positive_f1(predicted: &[bool], gold: &[bool]) -> f32 {
    Scores::of_class(predicted, gold, true).f1 as f32
}

/// The labelled sentences of `files`, positive where the label is `positive`, with their
/// features folded into `dims` buckets.
fn gold(data: &Path, files: &[&str], positive: &str, dims: usize) -> Result<Vec<Example>> {
    let mut out = Vec::new();
    for file in files {
        for (text, label) in load(&data.join(file), positive)? {
            out.push(Example::new(&text, f32::from(u8::from(label)), 1.0, dims));
        }
    }
    Ok(out)
}

/// The text of each row of a JSON Lines file, and whether its label is `positive`.
fn load(path: &Path, positive: &str) -> Result<Vec<(String, bool)>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let row: Value =
                serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
            let text = row["text"]
                .as_str()
                .ok_or_else(|| format!("{}: row without text", path.display()))?;
            Ok((text.to_string(), row["label"] == positive))
        })
        .collect()
}

/// Scores of every gold sentence from a model trained on the other folds (plus all of
/// the auxiliary examples, which are never scored).
fn out_of_fold(task: &Task, lambda: f32) -> Vec<f32> {
    let gold = &task.gold;
    let mut scores = vec![0.0; gold.len()];
    for fold in 0..FOLDS {
        let train: Vec<&Example> = gold
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, e)| e)
            .chain(&task.auxiliary)
            .collect();
        let (w, b) = fit(&train, task.dims, lambda);
        for (i, e) in gold.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            scores[i] = b + e.x.iter().map(|&(j, v)| w[j as usize] * v).sum::<f32>();
        }
    }
    scores
}

/// A training example: features, target probability (1/0 for gold labels, soft for
/// teacher labels) and weight.
struct Example {
    x: Features,
    y: f32,
    weight: f32,
}

impl Example {
    /// The example of a sentence, its features folded into `dims` buckets as
    /// [`Model::fold`] folds them at inference.
    fn new(text: &str, y: f32, weight: f32, dims: usize) -> Example {
        debug_assert!(is_model_size(dims));
        let mut x = features(text);
        for (bucket, _) in &mut x {
            *bucket &= dims as u32 - 1;
        }
        Example { x, y, weight }
    }
}

/// L2-regularised logistic regression over `dims` buckets by full-batch Adam; returns
/// weights and bias.
fn fit(examples: &[&Example], dims: usize, lambda: f32) -> (Vec<f32>, f32) {
    let (mut w, mut b) = (vec![0f32; dims], 0f32);
    let (mut m, mut v) = (vec![0f32; dims + 1], vec![0f32; dims + 1]);
    let mut grad = vec![0f32; dims + 1];
    let n: f32 = examples.iter().map(|e| e.weight).sum();
    for epoch in 1..=EPOCHS {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for e in examples {
            let z = b + e.x.iter().map(|&(j, x)| w[j as usize] * x).sum::<f32>();
            let err = e.weight * (sigmoid(z) - e.y) / n;
            for &(j, x) in &e.x {
                grad[j as usize] += err * x;
            }
            grad[dims] += err;
        }
        let (b1, b2) = (0.9f32, 0.999f32);
        let (c1, c2) = (1.0 - b1.powi(epoch as i32), 1.0 - b2.powi(epoch as i32));
        for j in 0..=dims {
            let g = if j < dims {
                grad[j] + lambda * w[j]
            } else {
                grad[j]
            };
            if g == 0.0 && m[j] == 0.0 {
                continue;
            }
            m[j] = b1 * m[j] + (1.0 - b1) * g;
            v[j] = b2 * v[j] + (1.0 - b2) * g * g;
            let step = LEARNING_RATE * (m[j] / c1) / ((v[j] / c2).sqrt() + 1e-8);
            if j < dims {
                w[j] -= step;
            } else {
                b -= step;
            }
        }
    }
    (w, b)
}

/// Platt scaling: fits p = σ(a·score + b) to the labels by gradient descent.
fn platt(scores: &[f32], ys: &[bool]) -> (f32, f32) {
    let (mut a, mut b) = (1f32, 0f32);
    let n = scores.len() as f32;
    for _ in 0..5000 {
        let (mut ga, mut gb) = (0f32, 0f32);
        for (&s, &y) in scores.iter().zip(ys) {
            let err = sigmoid(a * s + b) - f32::from(u8::from(y));
            ga += err * s / n;
            gb += err / n;
        }
        a -= 0.5 * ga;
        b -= 0.5 * gb;
    }
    (a, b)
}

/// The best `metric` over thresholds 0.05–0.95 and the threshold that gives it.
fn best_threshold(
    probabilities: &[f32],
    ys: &[bool],
    metric: fn(&[bool], &[bool]) -> f32,
) -> (f32, f32) {
    (5..=95)
        .map(|t| t as f32 / 100.0)
        .map(|t| {
            let predicted: Vec<bool> = probabilities.iter().map(|&p| p >= t).collect();
            (metric(&predicted, ys), t)
        })
        .fold((0.0, 0.5), |best, x| if x.0 > best.0 { x } else { best })
}

/// Out-of-domain gold labels (movie-review snippets vs plot summaries): more examples of
/// subjective wording than NewsSD alone has, down-weighted because their domain differs.
const PANG_LEE_WEIGHT: f32 = 0.2;
/// Soft labels from the fine-tuned MiniLM teacher on unlabelled news sentences.
const TEACHER_WEIGHT: f32 = 0.5;

/// The auxiliary examples: Pang & Lee subjectivity data, plus teacher labels when
/// `--teacher FILE` is given (JSON Lines of `text` and `p`, from `train/teacher.py`).
fn auxiliary(root: &Path, teacher: Option<&str>) -> Result<Vec<Example>> {
    let pang_lee = root.join("../shared/data/pang_lee_subjectivity/all.jsonl");
    let mut out: Vec<Example> = load(&pang_lee, "opinion")?
        .into_iter()
        .map(|(text, label)| Example::new(&text, f32::from(u8::from(label)), PANG_LEE_WEIGHT, DIMS))
        .collect();
    let Some(file) = teacher else {
        return Ok(out);
    };
    let path = root.join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        let p = row["p"]
            .as_f64()
            .ok_or_else(|| format!("{}: row without p", path.display()))?;
        let text = row["text"].as_str().unwrap_or_default();
        out.push(Example::new(text, p as f32, TEACHER_WEIGHT, DIMS));
    }
    Ok(out)
}
