//! `config.json`: the encoder's shape (Hugging Face's BERT keys) and the `"newslens"`
//! object that says how the model was trained and stored (see docs/learned.md).

use serde::Deserialize;

use crate::encoder::Shape;
use crate::error::{LoadError, ModelFile};
use crate::Thresholds;

/// How the weights are stored in `model.safetensors`; both are widened to f32 at load,
/// since candle's f32 matmul is faster than its quantised one, in wasm too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Storage {
    /// Every tensor F16.
    F16,
    /// Each 2-D matrix `X` as I8 plus F32 `X.scale` (one per row), or F16 where int8
    /// cost accuracy; 1-D tensors F16.
    Int8,
}

/// The parsed configuration.
#[derive(Debug)]
pub struct Config {
    pub shape: Shape,
    pub max_tokens: usize,
    /// At most this many of the context's pieces are read: its last ones, next to the
    /// sentence (docs/learned.md, "Input").
    pub context_pieces: usize,
    pub storage: Storage,
    pub thresholds: Thresholds,
}

/// The BERT keys the encoder needs (Hugging Face writes more; they are ignored).
#[derive(Deserialize)]
struct BertKeys {
    vocab_size: usize,
    hidden_size: usize,
    num_hidden_layers: usize,
    num_attention_heads: usize,
    intermediate_size: usize,
    hidden_act: String,
    max_position_embeddings: usize,
    type_vocab_size: usize,
    layer_norm_eps: f64,
    newslens: Newslens,
}

/// The `"newslens"` object; its provenance keys (`teacher`, `data`) are for people.
#[derive(Deserialize)]
struct Newslens {
    format: u32,
    max_tokens: usize,
    context: String,
    context_pieces: usize,
    pooling: String,
    storage: Storage,
    thresholds: Thresholds,
}

/// The export format this crate reads; a newer file needs a newer loader.
const FORMAT: u32 = 1;

pub fn parse(bytes: &[u8]) -> Result<Config, LoadError> {
    let err = |m: String| LoadError::new(ModelFile::Config, m);
    let keys: BertKeys = serde_json::from_slice(bytes).map_err(|e| err(e.to_string()))?;
    let n = &keys.newslens;
    if n.format != FORMAT {
        return Err(err(format!(
            "newslens.format is {}, this loader reads format {FORMAT}",
            n.format
        )));
    }
    // The input layout and pooling are fixed in code; a model trained otherwise would
    // load and give wrong answers, so refuse it.
    if n.context != "previous" || n.pooling != "mean_a" {
        return Err(err(format!(
            "newslens.context {:?} / pooling {:?}: this loader implements \"previous\" / \"mean_a\"",
            n.context, n.pooling
        )));
    }
    if n.max_tokens < 4 || n.max_tokens > keys.max_position_embeddings {
        return Err(err(format!(
            "newslens.max_tokens {} must be between 4 and max_position_embeddings ({})",
            n.max_tokens, keys.max_position_embeddings
        )));
    }
    if keys.num_attention_heads == 0 || !keys.hidden_size.is_multiple_of(keys.num_attention_heads) {
        return Err(err(format!(
            "hidden_size {} is not a multiple of num_attention_heads {}",
            keys.hidden_size, keys.num_attention_heads
        )));
    }
    if keys.hidden_act != "gelu" {
        return Err(err(format!(
            "hidden_act {:?}: the encoder implements \"gelu\" (exact, erf)",
            keys.hidden_act
        )));
    }
    let shape = Shape {
        vocab_size: keys.vocab_size,
        hidden_size: keys.hidden_size,
        num_hidden_layers: keys.num_hidden_layers,
        num_attention_heads: keys.num_attention_heads,
        intermediate_size: keys.intermediate_size,
        max_position_embeddings: keys.max_position_embeddings,
        type_vocab_size: keys.type_vocab_size,
        layer_norm_eps: keys.layer_norm_eps,
    };
    Ok(Config {
        shape,
        max_tokens: n.max_tokens,
        context_pieces: n.context_pieces,
        storage: n.storage,
        thresholds: n.thresholds,
    })
}
