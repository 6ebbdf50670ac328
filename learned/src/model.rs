//! The encoder and its three heads, run on batches of sentences.

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;

use crate::encoder::{self, Encoder};
use crate::error::{candle_message, LoadError, ModelFile, ScoreError};
use crate::input::{Encoded, Pieces};
use crate::{config, weights, Input, Scores, Thresholds, WordScore};

/// The heads, in the column order of [`Model::heads`].
const HEADS: [&str; 3] = ["opinion", "claim", "loaded"];

/// Sentences run through the encoder at once. Inputs are sorted by length first, so
/// a batch pads little; larger batches gained nothing measurable and cost memory
/// (attention is batch × heads × length² floats).
const BATCH: usize = 16;

/// A loaded model: encoder weights, heads and tokenizer.
pub struct Model {
    encoder: Encoder,
    /// The three heads as one `[hidden, 3]` matrix: opinion, claim, loaded.
    heads: Tensor,
    bias: [f32; 3],
    input: Pieces,
    thresholds: Thresholds,
}

impl Model {
    /// Builds the model from the bytes of `config.json`, `model.safetensors` and
    /// `tokenizer.json`. The error names the file and what in it is wrong.
    pub fn load(config: &[u8], weights: &[u8], tokenizer: &[u8]) -> Result<Model, LoadError> {
        let config = config::parse(config)?;
        let mut weights = weights::read(weights, config.storage, Encoder::layout)?;
        let err = |e: candle_core::Error| LoadError::new(ModelFile::Weights, candle_message(&e));
        let word = weights
            .rows
            .remove(encoder::WORD_EMBEDDINGS)
            .ok_or_else(|| {
                LoadError::new(
                    ModelFile::Weights,
                    format!("no {}", encoder::WORD_EMBEDDINGS),
                )
            })?;
        let vb = VarBuilder::from_tensors(weights.tensors, DType::F32, &Device::Cpu);
        let encoder = Encoder::load(vb.clone(), word, &config.shape).map_err(err)?;
        let hidden = config.shape.hidden_size;
        let mut columns = Vec::new();
        let mut bias = [0.0; 3];
        for (head, b) in HEADS.iter().zip(&mut bias) {
            let vb = vb.pp("heads").pp(head);
            columns.push(vb.get((1, hidden), "weight").map_err(err)?);
            *b = vb
                .get(1, "bias")
                .and_then(|t| t.to_vec1::<f32>())
                .map_err(err)?[0];
        }
        let heads = Tensor::cat(&columns, 0)
            .and_then(|t| t.t())
            .and_then(|t| t.contiguous())
            .map_err(err)?;
        Ok(Model {
            encoder,
            heads,
            bias,
            input: Pieces::new(tokenizer, config.max_tokens, config.context_pieces)?,
            thresholds: config.thresholds,
        })
    }

    /// Scores each input; the result is in the order of `items`.
    pub fn score(&self, items: &[Input<'_>]) -> Result<Vec<Scores>, ScoreError> {
        let encoded = items
            .iter()
            .map(|item| self.input.encode(item))
            .collect::<Result<Vec<_>, _>>()?;
        let mut order: Vec<usize> = (0..items.len())
            .filter(|&i| encoded[i].pieces > 0)
            .collect();
        order.sort_by_key(|&i| encoded[i].ids.len());
        // A sentence with no word pieces (blank) has nothing to judge.
        let mut scores: Vec<Scores> = vec![
            Scores {
                opinion: 0.0,
                claim: 0.0,
                loaded: Vec::new()
            };
            items.len()
        ];
        for batch in order.chunks(BATCH) {
            let inputs: Vec<&Encoded> = batch.iter().map(|&i| &encoded[i]).collect();
            let logits = self.logits(&inputs).map_err(|e| {
                ScoreError::new(format!("running the encoder: {}", candle_message(&e)))
            })?;
            for (&i, token_logits) in batch.iter().zip(logits) {
                scores[i] = self.read_heads(&encoded[i], &token_logits);
            }
        }
        Ok(scores)
    }

    /// The thresholds the training chose (from `config.json`).
    pub fn thresholds(&self) -> Thresholds {
        self.thresholds
    }

    /// Runs the encoder on one batch (padded to its longest input, padding masked out)
    /// and returns, for each input, the three heads' logits (without bias) at each of its
    /// sentence pieces, in order.
    fn logits(&self, batch: &[&Encoded]) -> candle_core::Result<Vec<Vec<[f32; 3]>>> {
        let len = batch.iter().map(|e| e.ids.len()).max().unwrap_or(0);
        let padded = |row: &dyn Fn(&Encoded) -> Vec<u32>| -> Vec<u32> {
            batch
                .iter()
                .flat_map(|e| {
                    let mut r = row(e);
                    r.resize(len, 0);
                    r
                })
                .collect()
        };
        let shape = (batch.len(), len);
        let ids = Tensor::from_vec(padded(&|e| e.ids.clone()), shape, &Device::Cpu)?;
        let types = Tensor::from_vec(padded(&|e| e.types.clone()), shape, &Device::Cpu)?;
        let mask = Tensor::from_vec(padded(&|e| vec![1; e.ids.len()]), shape, &Device::Cpu)?
            .to_dtype(DType::F32)?;
        // The heads read [CLS] and the sentence's pieces only.
        let keep = 1 + batch.iter().map(|e| e.pieces).max().unwrap_or(0);
        let hidden = self.encoder.forward(&ids, &types, &mask, keep)?;
        // The heads are linear, so a mean of per-piece logits is the logit of the mean
        // of the pieces' states (the pooling docs/learned.md gives): one matmul serves all three.
        let (b, t, h) = hidden.dims3()?;
        let logits = hidden
            .reshape((b * t, h))?
            .matmul(&self.heads)?
            .to_vec2::<f32>()?;
        Ok(batch
            .iter()
            .enumerate()
            .map(|(row, e)| {
                logits[row * t + 1..=row * t + e.pieces]
                    .iter()
                    .map(|l| [l[0], l[1], l[2]])
                    .collect()
            })
            .collect())
    }

    /// Pools one input's piece logits into its scores.
    fn read_heads(&self, encoded: &Encoded, pieces: &[[f32; 3]]) -> Scores {
        let mean = |head: usize| pieces.iter().map(|l| l[head]).sum::<f32>() / pieces.len() as f32;
        Scores {
            opinion: sigmoid(mean(0) + self.bias[0]),
            claim: sigmoid(mean(1) + self.bias[1]),
            loaded: encoded
                .words
                .iter()
                .map(|w| WordScore {
                    start: w.start,
                    end: w.end,
                    p: sigmoid(pieces[w.first_piece][2] + self.bias[2]),
                })
                .collect(),
        }
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}
