//! The BERT encoder (post-layer-norm blocks, exact GELU, absolute positions: what
//! `train/learned/bert.py` trains), written over candle's tensor operations.
//!
//! Written out rather than taken from candle-transformers' `BertModel` so that it does only
//! the work the heads read, which is the learned tier's time budget: the query, key and
//! value projections are one matrix product; every matrix is stored `[in, out]` once at
//! load, so no product reads a transposed view; the softmax is candle's fused last-axis
//! kernel; GELU runs in place with a vectorisable erf (`gelu`); and the last layer computes its outputs only at the positions the heads read
//! (`[CLS]` and the sentence: the context is read by attention, never scored).

use candle_core::{Result, Tensor};
use candle_nn::{LayerNorm, Module, VarBuilder};

use crate::weights::{Layout, Rows};

/// The stored name of the word embeddings, which the encoder keeps as [`Rows`].
pub const WORD_EMBEDDINGS: &str = "embeddings.word_embeddings.weight";

/// The shape of the encoder (config.json's BERT keys).
#[derive(Debug)]
pub struct Shape {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f64,
}

pub struct Encoder {
    /// Kept as stored: a batch reads a few dozen of its rows (the vocabulary's).
    word: Rows,
    position: Tensor,
    token_type: Tensor,
    norm: LayerNorm,
    layers: Vec<Layer>,
}

/// One block: self-attention, then the feed-forward part, each followed by a residual
/// sum and a layer norm.
struct Layer {
    /// Query, key and value in one `[hidden, 3 × hidden]` product.
    qkv: Linear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    up: Linear,
    down: Linear,
    output_norm: LayerNorm,
    heads: usize,
}

/// `x · weight + bias`, the weight stored `[in, out]`.
struct Linear {
    weight: Tensor,
    bias: Tensor,
}

impl Encoder {
    /// How the encoder keeps the stored matrix `name` (for
    /// [`weights::read`](crate::weights::read)): the word embeddings as stored, the
    /// matrices of its layers transposed (`[in, out]`: what its products read), the rest
    /// as stored.
    pub fn layout(name: &str) -> Layout {
        if name == WORD_EMBEDDINGS {
            Layout::Rows
        } else if name.starts_with("encoder.layer.") {
            Layout::Transposed
        } else {
            Layout::Widened
        }
    }

    /// Reads the weights under the Hugging Face / candle BERT names (no `bert.` prefix);
    /// `word`: the word embeddings ([`WORD_EMBEDDINGS`]).
    pub fn load(vb: VarBuilder, word: Rows, shape: &Shape) -> Result<Self> {
        let h = shape.hidden_size;
        if word.shape() != (shape.vocab_size, h) {
            candle_core::bail!(
                "{WORD_EMBEDDINGS} is {:?}; config.json wants [{}, {h}]",
                word.shape(),
                shape.vocab_size
            );
        }
        let e = vb.pp("embeddings");
        let layers = (0..shape.num_hidden_layers)
            .map(|i| Layer::load(vb.pp(format!("encoder.layer.{i}")), shape))
            .collect::<Result<_>>()?;
        Ok(Self {
            word,
            position: e.get(
                (shape.max_position_embeddings, h),
                "position_embeddings.weight",
            )?,
            token_type: e.get((shape.type_vocab_size, h), "token_type_embeddings.weight")?,
            norm: layer_norm(h, shape.layer_norm_eps, e.pp("LayerNorm"))?,
            layers,
        })
    }

    /// The final hidden states `[batch, keep, hidden]` at the first `keep` positions of
    /// each input. `ids` and `types` are `[batch, tokens]` (u32); `mask` is `[batch,
    /// tokens]` f32, 1 for a token, 0 for padding, which no position attends to.
    pub fn forward(
        &self,
        ids: &Tensor,
        types: &Tensor,
        mask: &Tensor,
        keep: usize,
    ) -> Result<Tensor> {
        let (batch, tokens) = ids.dims2()?;
        let h = self.word.shape().1;
        let word = self.word.lookup(&ids.flatten_all()?.to_vec1::<u32>()?)?;
        let token_type = self.token_type.index_select(&types.flatten_all()?, 0)?;
        let x = (word + token_type)?
            .reshape((batch, tokens, h))?
            .broadcast_add(&self.position.narrow(0, 0, tokens)?)?;
        let mut x = self.norm.forward(&x)?.reshape((batch * tokens, h))?;
        // Padding's keys are biased by f32::MIN, as bert.py does.
        let bias = ((1.0 - mask)? * f64::from(f32::MIN))?.reshape((batch, 1, 1, tokens))?;
        let last = self.layers.len().saturating_sub(1);
        for (i, layer) in self.layers.iter().enumerate() {
            let rows = if i == last { keep.min(tokens) } else { tokens };
            x = layer.forward(&x, batch, tokens, rows, &bias)?;
        }
        x.reshape((batch, keep.min(tokens), h))
    }
}

impl Layer {
    fn load(vb: VarBuilder, shape: &Shape) -> Result<Self> {
        let (h, ffn) = (shape.hidden_size, shape.intermediate_size);
        let eps = shape.layer_norm_eps;
        let attention = vb.pp("attention");
        let qkv =
            ["query", "key", "value"].map(|name| Linear::load(attention.pp("self").pp(name), h, h));
        let [q, k, v] = qkv;
        let (q, k, v) = (q?, k?, v?);
        Ok(Self {
            qkv: Linear {
                weight: Tensor::cat(&[q.weight, k.weight, v.weight], 1)?.contiguous()?,
                bias: Tensor::cat(&[q.bias, k.bias, v.bias], 0)?,
            },
            attention_out: Linear::load(attention.pp("output.dense"), h, h)?,
            attention_norm: layer_norm(h, eps, attention.pp("output.LayerNorm"))?,
            up: Linear::load(vb.pp("intermediate.dense"), h, ffn)?,
            down: Linear::load(vb.pp("output.dense"), ffn, h)?,
            output_norm: layer_norm(h, eps, vb.pp("output.LayerNorm"))?,
            heads: shape.num_attention_heads,
        })
    }

    /// `x` is `[batch × tokens, hidden]`; the result `[batch × rows, hidden]` holds the
    /// first `rows` positions of each input (all of them but in the last layer).
    fn forward(
        &self,
        x: &Tensor,
        batch: usize,
        tokens: usize,
        rows: usize,
        bias: &Tensor,
    ) -> Result<Tensor> {
        let h = x.dim(1)?;
        let d = h / self.heads;
        let qkv = self
            .qkv
            .forward(x)?
            .reshape((batch, tokens, 3, self.heads, d))?;
        // [batch, heads, tokens, d] for part 0 (queries), 1 (keys) and 2 (values).
        let part = |i: usize, n: usize| {
            qkv.narrow(1, 0, n)?
                .narrow(2, i, 1)?
                .squeeze(2)?
                .transpose(1, 2)?
                .contiguous()
        };
        let (q, k, v) = (part(0, rows)?, part(1, tokens)?, part(2, tokens)?);
        let scores = (q.matmul(&k.t()?)? / (d as f64).sqrt())?.broadcast_add(bias)?;
        let context = candle_nn::ops::softmax_last_dim(&scores)?
            .matmul(&v)?
            .transpose(1, 2)?
            .reshape((batch * rows, h))?;
        let residual = if rows == tokens {
            x.clone()
        } else {
            x.reshape((batch, tokens, h))?
                .narrow(1, 0, rows)?
                .reshape((batch * rows, h))?
        };
        let attended = self
            .attention_norm
            .forward(&(self.attention_out.forward(&context)? + residual)?)?;
        let up = self.up.forward(&attended)?;
        crate::gelu::gelu(&up)?;
        let fed = self.down.forward(&up)?;
        self.output_norm.forward(&(fed + attended)?)
    }
}

impl Linear {
    /// Reads the weight `[in, out]` (stored `[out, in]`, transposed as it was widened:
    /// [`Encoder::keeps_transposed`]).
    fn load(vb: VarBuilder, inputs: usize, outputs: usize) -> Result<Self> {
        Ok(Self {
            weight: vb.get((inputs, outputs), "weight")?,
            bias: vb.get(outputs, "bias")?,
        })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        x.matmul(&self.weight)?.broadcast_add(&self.bias)
    }
}

fn layer_norm(size: usize, eps: f64, vb: VarBuilder) -> Result<LayerNorm> {
    Ok(LayerNorm::new(
        vb.get(size, "weight")?,
        vb.get(size, "bias")?,
        eps,
    ))
}
