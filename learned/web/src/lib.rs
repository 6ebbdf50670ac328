//! The learned tier for JavaScript: `LearnedModel.load`, `score` and `thresholds` over
//! [`newslens_learned::Model`], built by `cargo xtask build` into its own wasm module
//! (`learned/newslens_learned.js`, global `newslensLearned`) so the instant tier's module
//! stays small and starts at once.
//!
//! One call per batch crosses the boundary, with JSON in and out; word offsets leave as
//! UTF-16 code units (what the DOM counts), converted in [`utf16`].

mod utf16;

use newslens_learned::{Input, Model};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct LearnedModel {
    model: Model,
}

/// One sentence of `score`'s input.
#[derive(Deserialize)]
struct Sentence {
    sentence: String,
    #[serde(default)]
    context: String,
}

/// One sentence's scores, as `score` returns them.
#[derive(Serialize)]
struct Scored {
    opinion: f32,
    claim: f32,
    /// `[start, end, p]` per word, UTF-16 offsets into the sentence.
    loaded: Vec<(usize, usize, f32)>,
}

#[wasm_bindgen]
impl LearnedModel {
    /// Builds the model from the bytes of `config.json`, `model.safetensors` and
    /// `tokenizer.json`; throws an Error whose message names the file at fault.
    pub fn load(config: &[u8], weights: &[u8], tokenizer: &[u8]) -> Result<LearnedModel, JsError> {
        let model =
            Model::load(config, weights, tokenizer).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(LearnedModel { model })
    }

    /// `items`: JSON `[{sentence, context}, …]`. Returns JSON
    /// `[{opinion, claim, loaded: [[start, end, p], …]}, …]` in the same order.
    pub fn score(&self, items: &str) -> Result<String, JsError> {
        let items: Vec<Sentence> = serde_json::from_str(items).map_err(|e| {
            JsError::new(&format!(
                "score: the input is not [{{sentence, context}}]: {e}"
            ))
        })?;
        let inputs: Vec<Input> = items
            .iter()
            .map(|s| Input {
                sentence: &s.sentence,
                context: &s.context,
            })
            .collect();
        let scores = self
            .model
            .score(&inputs)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let scored: Vec<Scored> = items
            .iter()
            .zip(scores)
            .map(|(item, s)| {
                let units = utf16::Units::of(&item.sentence);
                Scored {
                    opinion: s.opinion,
                    claim: s.claim,
                    loaded: s
                        .loaded
                        .iter()
                        .map(|w| (units.at(w.start), units.at(w.end), w.p))
                        .collect(),
                }
            })
            .collect();
        Ok(serde_json::to_string(&scored).expect("scores serialise"))
    }

    /// JSON `{opinion, claim, loaded}`: the thresholds from `config.json`.
    pub fn thresholds(&self) -> String {
        serde_json::to_string(&self.model.thresholds()).expect("thresholds serialise")
    }
}
