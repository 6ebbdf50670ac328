//! The learned tier of newslens: a small BERT encoder, fine-tuned to say of each sentence,
//! read with the sentence before it, whether it is an opinion, whether it is a
//! check-worthy claim, and which of its words are loaded language.
//!
//! The model is three files in `models/learned/` (see docs/learned.md):
//! `config.json`, `model.safetensors` and `tokenizer.json`. This crate is pure Rust
//! (candle's tensor operations for the encoder, `tokenizers` for the word pieces): the CLI uses it natively
//! and `learned/web` wraps it for the browser, in its own wasm module so the instant
//! tier stays small.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use newslens_learned::{Input, Model};
//! let read = |f: &str| std::fs::read(format!("models/learned/{f}"));
//! let model = Model::load(&read("config.json")?, &read("model.safetensors")?, &read("tokenizer.json")?)?;
//! let scores = model.score(&[Input { sentence: "Critics called it a reckless giveaway.", context: "" }])?;
//! if scores[0].opinion >= model.thresholds().opinion {
//!     println!("an opinion");
//! }
//! # Ok(()) }
//! ```

mod config;
mod encoder;
mod error;
mod gelu;
mod input;
mod model;
mod weights;

pub use error::{LoadError, ModelFile, ScoreError};
pub use model::Model;

/// One sentence to score, with the sentence before it (of the same block, or of the
/// previous block when it opens one; empty when there is none).
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub sentence: &'a str,
    pub context: &'a str,
}

/// What the model says of one sentence. Probabilities are in [0, 1].
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// The sentence is subjective (NewsSD / CheckThat! sense).
    pub opinion: f32,
    /// The sentence is a check-worthy factual claim (CheckThat! 2024 Task 1 sense).
    pub claim: f32,
    /// Every word of the sentence with the probability that it is loaded language.
    pub loaded: Vec<WordScore>,
}

/// A word of the sentence, by char (Unicode scalar) offsets into it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordScore {
    pub start: usize,
    pub end: usize,
    pub p: f32,
}

/// The probabilities at and above which the training chose to call each finding.
#[derive(Clone, Copy, Debug, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct Thresholds {
    pub opinion: f32,
    pub claim: f32,
    pub loaded: f32,
}
