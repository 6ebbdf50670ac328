//! The two errors of the crate: loading the model files, and scoring sentences.
//!
//! Both are opaque structs with a message that names what failed (which file, which
//! tensor, which shape): the extension shows the load message in its panel and falls
//! back to the instant tier, so it must say enough to act on without a debugger.

use std::fmt;

/// One of the three files [`crate::Model::load`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelFile {
    Config,
    Weights,
    Tokenizer,
}

impl ModelFile {
    /// The file's name in `models/learned/`.
    pub fn name(self) -> &'static str {
        match self {
            ModelFile::Config => "config.json",
            ModelFile::Weights => "model.safetensors",
            ModelFile::Tokenizer => "tokenizer.json",
        }
    }
}

/// The model files could not be turned into a model.
#[derive(Debug)]
pub struct LoadError {
    file: ModelFile,
    message: String,
}

impl LoadError {
    pub(crate) fn new(file: ModelFile, message: impl Into<String>) -> Self {
        Self {
            file,
            message: message.into(),
        }
    }

    /// Which file was at fault.
    pub fn file(&self) -> ModelFile {
        self.file
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.name(), self.message)
    }
}

impl std::error::Error for LoadError {}

/// Scoring failed: a sentence the tokenizer rejected, or a tensor operation that failed
/// (which a loaded model should never see; the message says which step).
#[derive(Debug)]
pub struct ScoreError {
    message: String,
}

impl ScoreError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ScoreError {}

/// A candle error's message without the backtrace candle attaches to it when
/// RUST_BACKTRACE is set: these messages are for the panel and the CLI, not a debugger.
pub(crate) fn candle_message(error: &candle_core::Error) -> String {
    match error {
        candle_core::Error::WithBacktrace { inner, .. } => candle_message(inner),
        other => other.to_string(),
    }
}
