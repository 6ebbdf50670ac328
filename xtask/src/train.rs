//! `cargo xtask train`: fits the sentence opinion model and writes
//! `src/opinion/weights.bin`. Deterministic: the same data gives the same bytes.
//!
//! Data: NewsSD-ENG train + val (CC BY 4.0; the same sentences as the CheckThat! 2023–25
//! English train set). Regularisation, calibration and the label threshold are all chosen
//! by 5-fold cross-validation on that data; the CheckThat! dev file is never read here.
//! Auxiliary data (see [`auxiliary`]) is added to every training fold, never scored.

use std::path::Path;

use newslens::opinion::{features, sigmoid, Features, Model, DIMS};

use serde_json::Value;

use crate::cmd::Result;

const FOLDS: usize = 5;
const EPOCHS: usize = 300;
const LEARNING_RATE: f32 = 0.05;
const LAMBDAS: &[f32] = &[1e-4, 3e-4, 1e-3, 3e-3, 1e-2];

pub fn run(root: &Path, teacher: Option<&str>) -> Result {
    let data = root.join("../shared/data");
    let mut gold = Vec::new();
    for file in ["newssd_eng/train.jsonl", "newssd_eng/val.jsonl"] {
        for (text, label) in load(&data.join(file))? {
            gold.push(Example {
                x: features(&text),
                y: f32::from(u8::from(label)),
                weight: 1.0,
            });
        }
    }
    let ys: Vec<bool> = gold.iter().map(|e| e.y > 0.5).collect();
    let auxiliary = auxiliary(root, teacher)?;
    eprintln!(
        "training on {} sentences ({} opinion) and {} auxiliary examples",
        gold.len(),
        ys.iter().filter(|y| **y).count(),
        auxiliary.len()
    );

    let mut best: Option<(f32, f32, Vec<f32>)> = None;
    for &lambda in LAMBDAS {
        let scores = out_of_fold(&gold, &auxiliary, lambda);
        let (f1, threshold) =
            best_macro_f1(&scores.iter().map(|&s| sigmoid(s)).collect::<Vec<_>>(), &ys);
        eprintln!(
            "  lambda {lambda:<7} cross-validated macro-F1 {f1:.3} (raw threshold {threshold:.2})"
        );
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
    let (f1, threshold) = best_macro_f1(&calibrated, &ys);
    eprintln!("chose lambda {lambda}; calibrated threshold {threshold:.2}, cross-validated macro-F1 {f1:.3}");

    let all: Vec<&Example> = gold.iter().chain(&auxiliary).collect();
    let (weights, bias) = fit(&all, lambda);
    let model = Model {
        weights,
        bias,
        platt_a,
        platt_b,
        threshold,
    };
    let out = root.join("src/opinion/weights.bin");
    std::fs::write(&out, model.to_bytes())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

fn load(path: &Path) -> Result<Vec<(String, bool)>> {
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
            Ok((text.to_string(), row["label"] == "opinion"))
        })
        .collect()
}

/// Scores of every gold sentence from a model trained on the other folds (plus all of
/// the auxiliary examples, which are never scored).
fn out_of_fold(gold: &[Example], auxiliary: &[Example], lambda: f32) -> Vec<f32> {
    let mut scores = vec![0.0; gold.len()];
    for fold in 0..FOLDS {
        let train: Vec<&Example> = gold
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, e)| e)
            .chain(auxiliary)
            .collect();
        let (w, b) = fit(&train, lambda);
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

/// L2-regularised logistic regression by full-batch Adam; returns weights and bias.
fn fit(examples: &[&Example], lambda: f32) -> (Vec<f32>, f32) {
    let (mut w, mut b) = (vec![0f32; DIMS], 0f32);
    let (mut m, mut v) = (vec![0f32; DIMS + 1], vec![0f32; DIMS + 1]);
    let mut grad = vec![0f32; DIMS + 1];
    let n: f32 = examples.iter().map(|e| e.weight).sum();
    for epoch in 1..=EPOCHS {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for e in examples {
            let z = b + e.x.iter().map(|&(j, x)| w[j as usize] * x).sum::<f32>();
            let err = e.weight * (sigmoid(z) - e.y) / n;
            for &(j, x) in &e.x {
                grad[j as usize] += err * x;
            }
            grad[DIMS] += err;
        }
        let (b1, b2) = (0.9f32, 0.999f32);
        let (c1, c2) = (1.0 - b1.powi(epoch as i32), 1.0 - b2.powi(epoch as i32));
        for j in 0..=DIMS {
            let g = if j < DIMS {
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
            if j < DIMS {
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

/// The best macro-F1 over thresholds 0.05–0.95 and the threshold that gives it.
pub fn best_macro_f1(probabilities: &[f32], ys: &[bool]) -> (f32, f32) {
    (5..=95)
        .map(|t| t as f32 / 100.0)
        .map(|t| {
            let predicted: Vec<bool> = probabilities.iter().map(|&p| p >= t).collect();
            (newslens::eval::macro_f1(&predicted, ys), t)
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
    let mut out: Vec<Example> = load(&root.join("../shared/data/pang_lee_subjectivity/all.jsonl"))?
        .into_iter()
        .map(|(text, label)| Example {
            x: features(&text),
            y: f32::from(u8::from(label)),
            weight: PANG_LEE_WEIGHT,
        })
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
        out.push(Example {
            x: features(row["text"].as_str().unwrap_or_default()),
            y: p as f32,
            weight: TEACHER_WEIGHT,
        });
    }
    Ok(out)
}
