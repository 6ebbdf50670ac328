//! Text → model input: `[CLS] sentence [SEP] context [SEP]`, and the sentence's words
//! with their char offsets.
//!
//! The ids are assembled here rather than by the tokenizer's post-processor, so the
//! layout, the token types and the truncation rule (context first, then the sentence)
//! are docs/learned.md's, whatever `tokenizer.json` carries. The context keeps at most its
//! last `context_pieces` pieces (config.json): they are the words next to the sentence,
//! and every token costs time in every layer.

use tokenizers::Tokenizer;

use crate::error::{LoadError, ModelFile, ScoreError};
use crate::Input;

pub struct Pieces {
    tokenizer: Tokenizer,
    cls: u32,
    sep: u32,
    max_tokens: usize,
    context_pieces: usize,
}

/// One input, ready for the encoder.
pub struct Encoded {
    /// Token ids, `[CLS] sentence [SEP] context [SEP]`.
    pub ids: Vec<u32>,
    /// Token types: 0 up to the first `[SEP]`, 1 after it.
    pub types: Vec<u32>,
    /// How many sentence pieces there are (at positions `1..=pieces`).
    pub pieces: usize,
    /// The sentence's words (at most `pieces` of them).
    pub words: Vec<Word>,
}

/// A word of the sentence: a maximal run of pieces whose char offsets touch (each
/// starts where the one before ended), so "giveaway." and "so-called" are one word each.
pub struct Word {
    /// Char offsets of the word in the sentence.
    pub start: usize,
    pub end: usize,
    /// The index (among the sentence's pieces) of its first piece, whose score it gets.
    pub first_piece: usize,
}

impl Pieces {
    pub fn new(bytes: &[u8], max_tokens: usize, context_pieces: usize) -> Result<Self, LoadError> {
        let err = |m: String| LoadError::new(ModelFile::Tokenizer, m);
        let mut tokenizer = Tokenizer::from_bytes(bytes).map_err(|e| err(e.to_string()))?;
        // Truncation and padding are ours (see the module doc).
        tokenizer
            .with_truncation(None)
            .map_err(|e| err(e.to_string()))?;
        tokenizer.with_padding(None);
        let id = |token: &str| {
            tokenizer
                .token_to_id(token)
                .ok_or_else(|| err(format!("the vocabulary has no {token}")))
        };
        Ok(Self {
            cls: id("[CLS]")?,
            sep: id("[SEP]")?,
            tokenizer,
            max_tokens,
            context_pieces,
        })
    }

    pub fn encode(&self, input: &Input<'_>) -> Result<Encoded, ScoreError> {
        let encode = |text: &str, what: &str| {
            self.tokenizer
                .encode_char_offsets(text, false)
                .map_err(|e| ScoreError::new(format!("cannot tokenize the {what} {text:?}: {e}")))
        };
        let sentence = encode(input.sentence, "sentence")?;
        let context = encode(input.context, "context")?;
        let room = self.max_tokens - 3; // [CLS], [SEP], [SEP]
        let pieces = sentence.get_ids().len().min(room);
        let context = context.get_ids();
        let kept = context.len().min(self.context_pieces).min(room - pieces);
        let mut ids = Vec::with_capacity(pieces + kept + 3);
        ids.push(self.cls);
        ids.extend_from_slice(&sentence.get_ids()[..pieces]);
        ids.push(self.sep);
        ids.extend_from_slice(&context[context.len() - kept..]);
        ids.push(self.sep);
        let mut types = vec![0; pieces + 2];
        types.resize(ids.len(), 1);
        Ok(Encoded {
            ids,
            types,
            pieces,
            words: words(&sentence.get_offsets()[..pieces]),
        })
    }
}

/// Groups the pieces (by their char offsets) into words.
fn words(offsets: &[(usize, usize)]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for (piece, &(start, end)) in offsets.iter().enumerate() {
        match words.last_mut() {
            Some(word) if word.end == start => word.end = end,
            _ => words.push(Word {
                start,
                end,
                first_piece: piece,
            }),
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_a_run_of_touching_pieces() {
        // "unbelievably, so-so" → un ##bel ##ievably , | so - so
        let offsets = [
            (0, 2),
            (2, 5),
            (5, 12),
            (12, 13),
            (14, 16),
            (16, 17),
            (17, 19),
        ];
        let spans: Vec<_> = words(&offsets)
            .iter()
            .map(|w| (w.start, w.end, w.first_piece))
            .collect();
        assert_eq!(spans, [(0, 13, 0), (14, 19, 4)]);
    }
}
