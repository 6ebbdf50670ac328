//! The sentence opinion model: a calibrated probability that a sentence expresses the
//! writer's opinion (the CheckThat!/NewsSD sense of "subjective").
//!
//! A logistic regression over [`features`], trained offline by `cargo xtask train` on
//! NewsSD-ENG train + val (CC BY 4.0), quantised to one signed byte per non-zero bucket and
//! embedded in the crate. The probability is Platt-calibrated on cross-validated scores,
//! and the label threshold was chosen by cross-validation on the training data, whose
//! opinion share (36 %) is close to that of real news.
//!
//! [`Model`] and the features are not opinion-specific: the claim model
//! ([`crate::claim`]) is the same kind of model over the same features, and both are
//! scored from one pass over a sentence's features ([`Model::score`]).

pub mod features;

use std::sync::OnceLock;

pub use features::{features, Features, DIMS};
use features::{write_features, FeatureSink};

use crate::detect::context::BlockText;
use crate::detect::Sentence;
use crate::text::within;

const MAGIC: &[u8; 4] = b"NLW2";
const HEADER: usize = 4 + 4 * 7;

/// Weights and calibration of the opinion model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub weights: Vec<f32>,
    pub bias: f32,
    /// Platt calibration: p = σ(a·score + b).
    pub platt_a: f32,
    pub platt_b: f32,
    /// Calibrated probability at or above which a sentence is labelled opinion.
    pub threshold: f32,
}

impl Model {
    /// The model shipped in the crate.
    pub fn shipped() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(include_bytes!("weights.bin")).expect(
                "the shipped opinion weights are valid (regenerate with `cargo xtask train`)",
            )
        })
    }

    /// The scoring stage, after detection: the calibrated probabilities of each of
    /// `models` for each of a block's sentences, as the detectors found them in `block`
    /// (whose words they read; read here again). A sentence's features, as
    /// [`write_features`] gives them (the ones training sees), are written once and weighed
    /// by every model as they come rather than collected in a vector per sentence.
    pub fn score<const N: usize>(
        models: [&Model; N],
        block: &BlockText,
        sentences: &[Sentence],
    ) -> Vec<[f32; N]> {
        sentences
            .iter()
            .map(|s| {
                let range = s.range.clone();
                let mut sums = WeightedSums {
                    models,
                    sums: [0.0; N],
                };
                let words = within(block.words, &range);
                write_features(&block.text[range], words, &s.facts, &mut sums);
                std::array::from_fn(|i| {
                    let m = models[i];
                    sigmoid(m.platt_a * (m.bias + sums.sums[i]) + m.platt_b)
                })
            })
            .collect()
    }

    /// The bucket of this model's weights that feature bucket `bucket` falls in: a model
    /// with fewer buckets than [`DIMS`] folds the feature space (the low bits, as the
    /// features themselves are hashed), which keeps its weights small.
    pub fn fold(&self, bucket: u32) -> usize {
        bucket as usize & (self.weights.len() - 1)
    }

    /// Serialises to the embedded format: magic, header (the bucket count, five f32s and
    /// the count of non-zero buckets), then the non-zero buckets, quantised to one signed
    /// byte each: first each one's distance from the one before (the first's from bucket
    /// 0) as LEB128, then their values.
    ///
    /// Weights within one quantisation step of zero are stored as zero: they are at the
    /// level of the rounding error, and dropping them made the gzipped wasm 19 KB smaller
    /// (the model 47 → 28 KB) with CheckThat! dev macro-F1 unchanged (0.669 → 0.670).
    /// Five buckets in six are then zero: storing only the others, distances apart from
    /// values, made the gzipped wasm 0.65 KB smaller than storing every bucket (the weights
    /// 131 → 44 KB raw; the claim model, mostly non-zero, grows 4 → 8 KB raw, the same
    /// zipped).
    pub fn to_bytes(&self) -> Vec<u8> {
        let scale = self.weights.iter().fold(0f32, |m, w| m.max(w.abs())) / 127.0;
        let scale = if scale > 0.0 { scale } else { 1.0 };
        let quantised: Vec<(usize, i8)> = self
            .weights
            .iter()
            .map(|w| (w / scale).round())
            .enumerate()
            .filter(|(_, q)| q.abs() > 1.0)
            .map(|(i, q)| (i, q as i8))
            .collect();
        let mut out = Vec::with_capacity(HEADER + 3 * quantised.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        for v in [scale, self.bias, self.platt_a, self.platt_b, self.threshold] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(quantised.len() as u32).to_le_bytes());
        let mut previous = 0;
        for &(i, _) in &quantised {
            let mut gap = i - previous;
            previous = i;
            while gap >= 0x80 {
                out.push(gap as u8 | 0x80);
                gap >>= 7;
            }
            out.push(gap as u8);
        }
        out.extend(quantised.iter().map(|&(_, q)| q as u8));
        out
    }

    /// Parses the embedded format; `None` if it is not a model for this feature space or
    /// is cut short.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let header = bytes.get(..HEADER)?;
        if &header[..4] != MAGIC {
            return None;
        }
        let word = |i: usize| <[u8; 4]>::try_from(&header[4 + 4 * i..8 + 4 * i]).ok();
        let dims = u32::from_le_bytes(word(0)?) as usize;
        let float = |i| word(i).map(f32::from_le_bytes);
        let (scale, bias, platt_a, platt_b, threshold) =
            (float(1)?, float(2)?, float(3)?, float(4)?, float(5)?);
        let nonzero = u32::from_le_bytes(word(6)?) as usize;
        if !is_model_size(dims) {
            return None;
        }
        let body = bytes.get(HEADER..)?;
        let values = body.get(body.len().checked_sub(nonzero)?..)?;
        let mut gaps = body[..body.len() - nonzero].iter();
        let mut weights = vec![0.0; dims];
        let mut bucket = 0usize;
        for &value in values {
            let mut gap = 0usize;
            for shift in (0..).step_by(7) {
                let byte = *gaps.next()?;
                gap |= usize::from(byte & 0x7F).checked_shl(shift)?;
                if byte < 0x80 {
                    break;
                }
            }
            bucket = bucket.checked_add(gap)?;
            *weights.get_mut(bucket)? = f32::from(value as i8) * scale;
        }
        if gaps.next().is_some() {
            return None;
        }
        Some(Model {
            weights,
            bias,
            platt_a,
            platt_b,
            threshold,
        })
    }
}

/// Whether a model can have `dims` buckets: a power of two up to the features' [`DIMS`],
/// so that folding a feature bucket into it is a mask.
pub fn is_model_size(dims: usize) -> bool {
    dims.is_power_of_two() && dims <= DIMS
}

/// Each model's weighted sum over features, as they are written.
struct WeightedSums<'a, const N: usize> {
    models: [&'a Model; N],
    sums: [f32; N],
}

impl<const N: usize> FeatureSink for WeightedSums<'_, N> {
    fn feature(&mut self, bucket: u32, value: f32) {
        for (sum, model) in self.sums.iter_mut().zip(self.models) {
            *sum += model.weights[model.fold(bucket)] * value;
        }
    }
}

/// In an opinion article the prior moves from the training data's 36 % opinion share to
/// this share, as a shift of the log-odds.
const OPINION_ARTICLE_SHARE: f32 = 0.6;
const TRAINING_SHARE: f32 = 0.36;
/// The least probability given to the writer's own rhetorical questions and unsourced
/// speculation in an opinion article: NewsSD's guidelines (SUBJ 1) count both as opinion.
const GUIDELINE_FLOOR: f32 = 0.75;

/// A sentence's opinion probability in its article: `p` is the model's out-of-context
/// probability. Outside opinion articles nothing changes.
pub fn in_context(p: f32, sentence: &Sentence, opinion_article: bool) -> f32 {
    use crate::catalogue::Subtype;
    if !opinion_article {
        return p;
    }
    let shifted = sigmoid(logit(p) + logit(OPINION_ARTICLE_SHARE) - logit(TRAINING_SHARE));
    let own_claim = matches!(sentence.facts.sourcing, None | Some(Subtype::Unattributed));
    if sentence.question || (sentence.speculative && own_claim) {
        shifted.max(GUIDELINE_FLOOR)
    } else {
        shifted
    }
}

fn logit(p: f32) -> f32 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_loads_and_gives_probabilities() {
        let model = Model::shipped();
        let text = "It is hard to overstate how reckless this is.";
        let words = crate::text::words(text);
        let block = BlockText::sentence(text, &words);
        let found = crate::detect::block(&block, &mut None);
        let [[opinion, claim]] =
            Model::score([model, crate::claim::model()], &block, &found.sentences)[..]
        else {
            panic!("one sentence")
        };
        assert!((0.0..=1.0).contains(&opinion) && (0.0..=1.0).contains(&claim));
        assert!((0.0..1.0).contains(&model.threshold));
    }

    #[test]
    fn the_shipped_weights_are_stored_as_to_bytes_writes_them() {
        for (bytes, model) in [
            (&include_bytes!("weights.bin")[..], Model::shipped()),
            (
                &include_bytes!("../claim/weights.bin")[..],
                crate::claim::model(),
            ),
        ] {
            assert_eq!(model.to_bytes(), bytes);
            let nonzero = u32::from_le_bytes(bytes[HEADER - 4..HEADER].try_into().unwrap());
            let values = &bytes[bytes.len() - nonzero as usize..];
            assert!(values.len() > 1000 && !values.iter().any(|&b| matches!(b, 0 | 1 | 0xFF)));
        }
    }

    #[test]
    fn serialisation_round_trips_within_quantisation_error() {
        let mut weights = vec![0.0; DIMS];
        weights[7] = 1.27;
        weights[9] = -0.5;
        let mut model = Model {
            weights,
            bias: 0.1,
            platt_a: 1.5,
            platt_b: -0.2,
            threshold: 0.4,
        };
        model.weights[11] = 0.012; // one step is 0.01
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        assert!((back.weights[7] - 1.27).abs() < 0.01 && (back.weights[9] + 0.5).abs() < 0.01);
        assert_eq!(back.weights[11], 0.0);
        assert_eq!((back.bias, back.threshold), (0.1, 0.4));
        assert!(Model::from_bytes(b"NLW1").is_none());
        let bytes = model.to_bytes();
        assert!(
            Model::from_bytes(&bytes[..bytes.len() - 1]).is_none(),
            "cut short"
        );
    }
}
