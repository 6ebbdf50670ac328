//! `--learned`: the learned tier natively (issue 20), the same model and weights as the
//! extension's, run through the same refinement (`newslens::refine`).
//!
//! The model's files are embedded in the binary (`include_bytes!` of `models/learned/`)
//! rather than read at run time: the `newslens` binary then works from any directory and
//! when installed alone, and the weights it uses are always those its code was built and
//! tested with. It costs the binary their size (a few MB) and a rebuild when they change.
//! Only this binary links the learned crate: the core and its wasm module never do.

use newslens::model::Page;
use newslens::refine::{self, Thresholds, Units};
use newslens::report::{ClaimLabel, LearnedVerdict, OpinionLabel};
use newslens::{Analysis, Options};
use newslens_learned::{Input, Model};
use serde::Serialize;

const CONFIG: &[u8] = include_bytes!("../../../models/learned/config.json");
const WEIGHTS: &[u8] = include_bytes!("../../../models/learned/model.safetensors");
const TOKENIZER: &[u8] = include_bytes!("../../../models/learned/tokenizer.json");

/// Sentences per forward pass (and lines of `sentences --learned` read before they are
/// scored together): large enough to keep the matrix kernels busy, small enough
/// that padding to the longest sentence of a batch costs little.
pub const BATCH: usize = 16;

/// The learned model, loaded from the embedded files.
pub struct Learned {
    model: Model,
    thresholds: Thresholds,
}

/// A loaded word the model found in a sentence (`sentences --learned`), offsets in code
/// points of the sentence.
#[derive(Serialize)]
pub struct LoadedWord {
    pub cue: String,
    pub start: usize,
    pub end: usize,
    pub p: f32,
}

/// What the learned tier says of one sentence read alone (`sentences --learned`).
#[derive(Serialize)]
pub struct SentenceLearned {
    #[serde(flatten)]
    pub verdict: LearnedVerdict,
    pub loaded: Vec<LoadedWord>,
}

impl Learned {
    pub fn load() -> Result<Learned, String> {
        let model = Model::load(CONFIG, WEIGHTS, TOKENIZER)
            .map_err(|e| format!("cannot load the learned model: {e}"))?;
        let t = model.thresholds();
        Ok(Learned {
            thresholds: Thresholds {
                opinion: t.opinion,
                claim: t.claim,
                loaded: t.loaded,
            },
            model,
        })
    }

    /// The model's scores of `inputs`, in their order. Scored BATCH at a time, in order
    /// of length: a batch is padded to its longest input, so sentences of like length
    /// together waste least.
    fn score(&self, inputs: &[refine::Input<'_>]) -> Result<Vec<refine::Scores>, String> {
        let mut order: Vec<usize> = (0..inputs.len()).collect();
        order.sort_by_key(|&i| inputs[i].sentence.len() + inputs[i].context.len());
        let mut out = vec![refine::Scores::default(); inputs.len()];
        for chunk in order.chunks(BATCH) {
            let items: Vec<Input<'_>> = chunk
                .iter()
                .map(|&i| Input {
                    sentence: inputs[i].sentence,
                    context: inputs[i].context,
                })
                .collect();
            let scores = self
                .model
                .score(&items)
                .map_err(|e| format!("the learned model could not score a sentence: {e}"))?;
            for (&i, s) in chunk.iter().zip(scores) {
                out[i] = refine::Scores {
                    opinion: s.opinion,
                    claim: s.claim,
                    loaded: s.loaded.iter().map(|w| (w.start, w.end, w.p)).collect(),
                };
            }
        }
        Ok(out)
    }

    /// The analysis of `page` with `options`, refined by the learned tier on every article
    /// sentence.
    pub fn analyze(&self, page: &Page, options: &Options) -> Result<Analysis, String> {
        let (mut analysis, mut refiner) = newslens::analyze_learned(page, options);
        let ids: Vec<usize> = (0..refiner.len()).collect();
        let inputs: Vec<_> = ids.iter().filter_map(|&id| refiner.input(id)).collect();
        let scores = self.score(&inputs)?;
        analysis.refine(refiner.refine(&ids, &scores, self.thresholds, Units::Chars));
        Ok(analysis)
    }

    /// What the learned tier says of each of `texts`, each read as one sentence with no
    /// context, at the default options' thresholds: its verdicts and the words it finds
    /// loaded. Scored BATCH at a time, as a page's sentences are.
    pub fn sentences(&self, texts: &[&str]) -> Result<Vec<SentenceLearned>, String> {
        let inputs: Vec<_> = texts
            .iter()
            .map(|&sentence| refine::Input {
                sentence,
                context: "",
            })
            .collect();
        let options = Options::default();
        let (opinion, claim) = (
            options.opinion_threshold(self.thresholds.opinion),
            options.claim_threshold(self.thresholds.claim),
        );
        let scores = self.score(&inputs)?;
        Ok(texts
            .iter()
            .zip(scores)
            .map(|(text, scores)| SentenceLearned {
                verdict: LearnedVerdict {
                    opinion: scores.opinion,
                    opinion_label: OpinionLabel::at(scores.opinion, opinion),
                    claim: scores.claim,
                    claim_label: ClaimLabel::at(scores.claim, claim),
                },
                loaded: scores
                    .loaded
                    .iter()
                    .filter(|&&(_, _, p)| p >= self.thresholds.loaded)
                    .map(|&(start, end, p)| LoadedWord {
                        cue: text.chars().skip(start).take(end - start).collect(),
                        start,
                        end,
                        p,
                    })
                    .collect(),
            })
            .collect())
    }
}
