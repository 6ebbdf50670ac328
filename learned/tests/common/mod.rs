//! The committed model, read by the integration tests.

use std::path::PathBuf;

/// `models/learned/` at the repository root.
pub fn model_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/learned")
}

/// The bytes of one model file; a missing one is a failure, not a skip: the model is
/// committed with the code that reads it.
pub fn read(name: &str) -> Vec<u8> {
    let path = model_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The three files `Model::load` takes, in its argument order.
pub fn files() -> [Vec<u8>; 3] {
    ["config.json", "model.safetensors", "tokenizer.json"].map(read)
}
