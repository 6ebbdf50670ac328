//! Sentence features for the opinion model: hashed word and character n-grams, plus what
//! the rule-based detectors saw (markers, question, quotes, first person, numbers).
//!
//! Training (`cargo xtask train`) and inference call this same function, so the shipped
//! weights always meet the features they were trained on.

use crate::analyze::{markers, quotes, sourcing};
use crate::finding::Subtype;
use crate::text::{words, Normal, Word};

/// Number of hash buckets (a power of two).
pub const DIMS: usize = 1 << 17;

/// A sparse feature vector: (bucket, value) pairs, buckets may repeat.
pub type Features = Vec<(u32, f32)>;

const FIRST_PERSON: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "we",
    "us",
    "our",
    "ours",
    "myself",
    "ourselves",
];
const SECOND_PERSON: &[&str] = &["you", "your", "yours", "yourself"];

/// What the rule-based detectors saw in a sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceFacts {
    /// The sentence's sourcing; `None` when it makes no claim.
    pub sourcing: Option<Subtype>,
    /// The kinds of opinion marker in the sentence (outside quotes), with repeats.
    pub markers: Vec<Subtype>,
    /// Bytes of the sentence inside quotation marks.
    pub quoted_bytes: usize,
    pub has_quote: bool,
}

/// The features of one sentence, given its words and what the detectors saw in it.
///
/// N-grams are hashed as they are read, without building strings: this runs for every
/// sentence of every page.
pub fn sentence_features(sentence: &str, words: &[Word], facts: &SentenceFacts) -> Features {
    let tokens: Vec<Normal> = words.iter().map(Word::normalised).collect();
    let mut grams: Vec<u32> = Vec::with_capacity(tokens.len() * 14 + 1);
    // " token " and its char boundaries, reused from token to token.
    let mut padded = String::new();
    let mut bounds: Vec<usize> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let word = WORD.eat(t.as_bytes());
        grams.push(word.bucket());
        let next = tokens.get(i + 1).map_or("</s>", |n| n);
        grams.push(
            BIGRAM
                .eat(t.as_bytes())
                .eat(b" ")
                .eat(next.as_bytes())
                .bucket(),
        );
        // Character 3- to 5-grams of " token ", on char boundaries: each start's hash is
        // extended one char at a time rather than rehashed per length.
        padded.clear();
        padded.extend([" ", t, " "]);
        bounds.clear();
        bounds.extend(padded.char_indices().map(|(i, _)| i));
        bounds.push(padded.len());
        for start in 0..bounds.len() {
            let mut gram = CHARS;
            for (n, piece) in bounds[start..].windows(2).take(5).enumerate() {
                gram = gram.eat(&padded.as_bytes()[piece[0]..piece[1]]);
                if n >= 2 {
                    grams.push(gram.bucket());
                }
            }
        }
    }
    if let Some(first) = tokens.first() {
        grams.push(SENTENCE_START.eat(first.as_bytes()).bucket());
    }
    let grams = distinct(grams);
    // Binary n-gram presence, scaled to unit length so long sentences do not dominate.
    let scale = 1.0 / (grams.len().max(1) as f32).sqrt();
    let mut out: Features = grams.iter().map(|&g| (g, scale)).collect();

    for m in &facts.markers {
        out.push((bucket(&format!("m:{m:?}")), 0.5));
    }
    let mut flag = |name: &str, on: bool| {
        if on {
            out.push((bucket(name), 0.5));
        }
    };
    let trimmed = sentence.trim_end_matches(['"', '”', '’', ')']);
    flag("f:question", trimmed.ends_with('?'));
    flag("f:exclamation", trimmed.ends_with('!'));
    flag(
        "f:first-person",
        tokens.iter().any(|t| FIRST_PERSON.contains(&&**t)),
    );
    flag(
        "f:second-person",
        tokens.iter().any(|t| SECOND_PERSON.contains(&&**t)),
    );
    flag("f:number", sentence.chars().any(|c| c.is_ascii_digit()));
    flag("f:mostly-quoted", facts.quoted_bytes * 2 > sentence.len());
    flag("f:has-quote", facts.has_quote);
    flag("f:short", tokens.len() < 8);
    flag("f:long", tokens.len() > 30);
    let source = match facts.sourcing {
        Some(s) => format!("s:{s:?}"),
        None => "s:none".to_string(),
    };
    out.push((bucket(&source), 0.5));
    out
}

/// The features of a standalone sentence (the detectors run on it alone).
pub fn features(sentence: &str) -> Features {
    let quoted = quotes::quoted_spans(sentence);
    let words = words(sentence);
    let cx = sourcing::SentenceContext::whole(sentence, &words, &quoted);
    let facts = SentenceFacts {
        sourcing: sourcing::classify(&cx).map(|s| s.subtype),
        markers: markers::find(sentence, &words, &quoted)
            .iter()
            .map(|m| m.subtype)
            .collect(),
        quoted_bytes: quoted.iter().map(|q| q.len()).sum(),
        has_quote: !quoted.is_empty(),
    };
    sentence_features(sentence, &words, &facts)
}

/// The distinct buckets of `grams`, in first-seen order. An open-addressing set sized to
/// the input: cheaper than sorting, which showed in profiles of long pages.
fn distinct(grams: Vec<u32>) -> Vec<u32> {
    const EMPTY: u32 = u32::MAX;
    let slots = (grams.len() * 2).next_power_of_two().max(16);
    let mut table = vec![EMPTY; slots];
    let mut out = Vec::with_capacity(grams.len());
    for g in grams {
        // Buckets are already hashes: their low bits spread well.
        let mut at = g as usize & (slots - 1);
        loop {
            match table[at] {
                EMPTY => {
                    table[at] = g;
                    out.push(g);
                    break;
                }
                seen if seen == g => break,
                _ => at = (at + 1) & (slots - 1),
            }
        }
    }
    out
}

/// An FNV-1a hash state: a feature's prefix is hashed once and then extended.
#[derive(Clone, Copy)]
struct Fnv(u32);

const WORD: Fnv = Fnv::new().eat(b"w:");
const BIGRAM: Fnv = Fnv::new().eat(b"b:");
const SENTENCE_START: Fnv = Fnv::new().eat(b"b:<s> ");
const CHARS: Fnv = Fnv::new().eat(b"c:");

impl Fnv {
    const fn new() -> Fnv {
        Fnv(0x811c_9dc5)
    }

    const fn eat(self, bytes: &[u8]) -> Fnv {
        let mut hash = self.0;
        let mut i = 0;
        while i < bytes.len() {
            hash ^= bytes[i] as u32;
            hash = hash.wrapping_mul(0x0100_0193);
            i += 1;
        }
        Fnv(hash)
    }

    fn bucket(self) -> u32 {
        self.0 & (DIMS as u32 - 1)
    }
}

/// FNV-1a, so buckets are stable across platforms and releases.
fn bucket(feature: &str) -> u32 {
    Fnv::new().eat(feature.as_bytes()).bucket()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_deterministic_and_in_range() {
        let a = features("I think this is obviously wrong, isn’t it?");
        assert_eq!(a, features("I think this is obviously wrong, isn’t it?"));
        assert!(a.iter().all(|&(b, v)| (b as usize) < DIMS && v > 0.0));
    }

    #[test]
    fn apostrophe_style_does_not_change_features() {
        assert_eq!(features("We don’t know."), features("We don't know."));
    }
}
