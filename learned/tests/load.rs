//! Broken model files give errors that say which file, which tensor and what is wrong.

mod common;

use std::collections::HashMap;

use newslens_learned::{Model, ModelFile};
use safetensors::tensor::TensorView;
use safetensors::SafeTensors;

/// The load error's message, for files that must not load.
fn error(config: &[u8], weights: &[u8], tokenizer: &[u8]) -> (ModelFile, String) {
    match Model::load(config, weights, tokenizer) {
        Ok(_) => panic!("the broken files loaded"),
        Err(e) => (e.file(), e.to_string()),
    }
}

/// The committed weights with `name` replaced by `replacement` (bytes, dtype, shape),
/// or removed when it is `None`.
fn with_tensor(
    weights: &[u8],
    name: &str,
    replacement: Option<(Vec<u8>, safetensors::Dtype, Vec<usize>)>,
) -> Vec<u8> {
    let file = SafeTensors::deserialize(weights).expect("the committed weights parse");
    let mut views: HashMap<String, TensorView> = file.tensors().into_iter().collect();
    assert!(views.remove(name).is_some(), "no tensor {name}");
    if let Some((bytes, dtype, shape)) = &replacement {
        let view = TensorView::new(*dtype, shape.clone(), bytes).expect("a valid view");
        views.insert(name.to_string(), view);
    }
    safetensors::serialize(views, None).expect("serialises")
}

#[test]
fn truncated_weights() {
    let [config, weights, tokenizer] = common::files();
    let (file, message) = error(&config, &weights[..weights.len() / 2], &tokenizer);
    assert_eq!(file, ModelFile::Weights);
    assert!(message.starts_with("model.safetensors: "), "{message}");
    assert!(message.contains("truncated"), "{message}");
}

#[test]
fn a_tensor_of_the_wrong_shape() {
    let [config, weights, tokenizer] = common::files();
    let name = "encoder.layer.0.attention.self.query.bias";
    let file = SafeTensors::deserialize(&weights).unwrap();
    let view = file.tensor(name).unwrap();
    let (dtype, size) = (view.dtype(), view.data().len());
    // The same values, one fewer.
    let short = view.data()[..size - dtype.bitsize() / 8].to_vec();
    let rows = view.shape()[0] - 1;
    let broken = with_tensor(&weights, name, Some((short, dtype, vec![rows])));
    let (_, message) = error(&config, &broken, &tokenizer);
    assert!(message.contains(name), "{message}");
    assert!(message.contains(&format!("[{rows}]")), "{message}");
}

#[test]
fn a_missing_head() {
    let [config, weights, tokenizer] = common::files();
    let broken = with_tensor(&weights, "heads.claim.weight", None);
    let (_, message) = error(&config, &broken, &tokenizer);
    assert!(message.contains("heads.claim.weight"), "{message}");
}

#[test]
fn weights_stored_otherwise_than_the_config_says() {
    let [config, weights, tokenizer] = common::files();
    let name = "heads.opinion.bias";
    let broken = with_tensor(
        &weights,
        name,
        Some((
            1f32.to_le_bytes().to_vec(),
            safetensors::Dtype::F32,
            vec![1],
        )),
    );
    let (_, message) = error(&config, &broken, &tokenizer);
    assert!(
        message.contains(name) && message.contains("F32"),
        "{message}"
    );
}

#[test]
fn a_config_of_another_format() {
    let [config, weights, tokenizer] = common::files();
    let mut json: serde_json::Value = serde_json::from_slice(&config).unwrap();
    json["newslens"]["format"] = 99.into();
    let (file, message) = error(&serde_json::to_vec(&json).unwrap(), &weights, &tokenizer);
    assert_eq!(file, ModelFile::Config);
    assert!(message.contains("format is 99"), "{message}");
}

#[test]
fn a_tokenizer_that_is_not_json() {
    let [config, weights, _] = common::files();
    let (file, message) = error(&config, &weights, b"{\"model\": ");
    assert_eq!(file, ModelFile::Tokenizer);
    assert!(message.starts_with("tokenizer.json: "), "{message}");
}
