//! Sentence features for the opinion model: hashed word and character n-grams, plus what
//! the rule-based detectors saw (markers, question, quotes, first person, numbers).
//!
//! Training (`cargo xtask train`, through [`features`]) and inference
//! (`Model::score`) both write them with [`write_features`], so the shipped
//! weights always meet the features they were trained on.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use rustc_hash::FxHasher;

use crate::catalogue::Subtype;
use crate::detect::context::BlockText;
use crate::detect::{self, SentenceFacts};
use crate::text::{words, Normal, Tags, Word};

/// Number of hash buckets (a power of two).
pub const DIMS: usize = 1 << 17;

/// A sparse feature vector: (bucket, value) pairs, buckets may repeat.
pub type Features = Vec<(u32, f32)>;

/// Where a sentence's features go, in order: collected ([`Features`], for training and
/// tests) or weighed as they come (the model's score, without a vector per sentence).
pub trait FeatureSink {
    fn feature(&mut self, bucket: u32, value: f32);
}

impl FeatureSink for Features {
    fn feature(&mut self, bucket: u32, value: f32) {
        self.push((bucket, value));
    }
}

/// The features of one sentence, given its words and what the detectors saw in it, into
/// `sink`.
///
/// N-grams are hashed as they are read, without building strings: this runs for every
/// sentence of every page.
pub fn write_features(
    sentence: &str,
    words: &[Word],
    facts: &SentenceFacts,
    sink: &mut impl FeatureSink,
) {
    let tokens: Vec<Normal> = words.iter().map(Word::normalised).collect();
    SCRATCH.with_borrow_mut(|scratch| {
        let Scratch { grams, cache } = scratch;
        grams.all.clear();
        for (i, t) in tokens.iter().enumerate() {
            // The word, the bigram it starts, then its character n-grams.
            let own = cache.word_grams(t);
            let next = tokens.get(i + 1).map_or("</s>", |n| n);
            let bigram = BIGRAM.eat(t.as_bytes()).eat(b" ").eat(next.as_bytes());
            grams.all.push(own[0]);
            grams.all.push(bigram.bucket());
            grams.all.extend_from_slice(&own[1..]);
        }
        if let Some(first) = tokens.first() {
            grams
                .all
                .push(SENTENCE_START.eat(first.as_bytes()).bucket());
        }
        let distinct = grams.distinct();
        // Binary n-gram presence, scaled to unit length so long sentences do not dominate.
        let scale = 1.0 / (distinct.len().max(1) as f32).sqrt();
        for &g in distinct {
            sink.feature(g, scale);
        }
    });
    detector_features(sentence, words, facts, sink);
}

/// The features from what the detectors saw and from the sentence's shape.
fn detector_features(
    sentence: &str,
    words: &[Word],
    facts: &SentenceFacts,
    out: &mut impl FeatureSink,
) {
    for m in &facts.markers {
        out.feature(named(b"m:", m), 0.5);
    }
    // Praise and unproven words are marked only where they judge conduct, but they are
    // as subjective as the loaded words the model was trained to read them as
    // (train/loaded_lexicon.py).
    for _ in words
        .iter()
        .filter(|w| w.tags.has(Tags::PRAISE.with(Tags::UNPROVEN)))
    {
        out.feature(named(b"m:", &Subtype::Loaded), 0.5);
    }
    // A size word that states a size is not marked, but the model was trained reading it
    // as a booster (detect::rules::phrases::states_a_size).
    for _ in (0..words.len()).filter(|&i| detect::rules::phrases::states_a_size(words, i)) {
        out.feature(named(b"m:", &Subtype::Booster), 0.5);
    }
    let mut flag = |name: &str, on: bool| {
        if on {
            out.feature(bucket(name), 0.5);
        }
    };
    let trimmed = sentence.trim_end_matches(['"', '”', '’', ')']);
    flag("f:question", trimmed.ends_with('?'));
    flag("f:exclamation", trimmed.ends_with('!'));
    flag(
        "f:first-person",
        words.iter().any(|w| w.tags.has(Tags::FIRST_PERSON)),
    );
    flag(
        "f:second-person",
        words.iter().any(|w| w.tags.has(Tags::SECOND_PERSON)),
    );
    flag("f:number", sentence.chars().any(|c| c.is_ascii_digit()));
    flag("f:mostly-quoted", facts.quoted_bytes * 2 > sentence.len());
    flag("f:has-quote", facts.has_quote);
    flag("f:short", words.len() < 8);
    flag("f:long", words.len() > 30);
    let source = match &facts.sourcing {
        Some(s) => named(b"s:", s),
        None => bucket("s:none"),
    };
    out.feature(source, 0.5);
}

/// The bucket of `prefix` followed by `value`'s `Debug` name ("m:Hedge"), hashed as it is
/// written instead of formatted into a string first.
fn named(prefix: &[u8], value: &impl std::fmt::Debug) -> u32 {
    let mut hash = Fnv::new().eat(prefix);
    // Writing into a hash cannot fail.
    let _ = write!(hash, "{value:?}");
    hash.bucket()
}

/// The features of a standalone sentence (the detectors read it alone, as one sentence).
pub fn features(sentence: &str) -> Features {
    let words = words(sentence);
    let found = detect::block(&BlockText::sentence(sentence, &words), &mut None);
    let facts = found
        .sentences
        .into_iter()
        .next()
        .map(|s| s.facts)
        .unwrap_or_default();
    let mut out = Features::new();
    write_features(sentence, &words, &facts, &mut out);
    out
}

thread_local! {
    /// Buffers and the word cache reused from sentence to sentence (and page to page in
    /// the extension's background): features run for every sentence of every page.
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

#[derive(Default)]
struct Scratch {
    grams: Grams,
    cache: WordGrams,
}

/// A sentence's n-gram buckets, with repeats, and a bit per bucket to drop them.
struct Grams {
    all: Vec<u32>,
    seen: Vec<u64>,
    distinct: Vec<u32>,
}

impl Default for Grams {
    fn default() -> Self {
        Grams {
            all: Vec::new(),
            seen: vec![0; DIMS / 64],
            distinct: Vec::new(),
        }
    }
}

impl Grams {
    /// The distinct buckets, in first-seen order. A bit per bucket, cleared again after
    /// use: cheaper than sorting or hashing, which both showed in profiles of long pages.
    fn distinct(&mut self) -> &[u32] {
        self.distinct.clear();
        for &g in &self.all {
            let (word, bit) = (g as usize / 64, 1u64 << (g % 64));
            if self.seen[word] & bit == 0 {
                self.seen[word] |= bit;
                self.distinct.push(g);
            }
        }
        for &g in &self.distinct {
            self.seen[g as usize / 64] = 0;
        }
        &self.distinct
    }
}

/// Each distinct word's own buckets (the word, its character 3- to 5-grams), computed
/// once: in news text most words are repeats. Emptied when it holds
/// [`WordGrams::MAX_GRAMS`], so a long-lived background keeps a bounded cache.
#[derive(Default)]
struct WordGrams {
    spans: HashMap<Box<str>, Range<u32>, BuildHasherDefault<FxHasher>>,
    grams: Vec<u32>,
    /// " token " and its char boundaries, reused from word to word.
    padded: String,
    bounds: Vec<usize>,
}

impl WordGrams {
    const MAX_GRAMS: usize = 1 << 18;

    fn word_grams(&mut self, token: &str) -> &[u32] {
        if let Some(span) = self.spans.get(token) {
            return &self.grams[span.start as usize..span.end as usize];
        }
        if self.grams.len() >= Self::MAX_GRAMS {
            self.grams.clear();
            self.spans.clear();
        }
        let start = self.grams.len();
        self.grams.push(WORD.eat(token.as_bytes()).bucket());
        // Character 3- to 5-grams of " token ", on char boundaries: each start's hash is
        // extended one char at a time rather than rehashed per length.
        self.padded.clear();
        self.padded.extend([" ", token, " "]);
        self.bounds.clear();
        self.bounds
            .extend(self.padded.char_indices().map(|(i, _)| i));
        self.bounds.push(self.padded.len());
        for start in 0..self.bounds.len() {
            let mut gram = CHARS;
            for (n, piece) in self.bounds[start..].windows(2).take(5).enumerate() {
                gram = gram.eat(&self.padded.as_bytes()[piece[0]..piece[1]]);
                if n >= 2 {
                    self.grams.push(gram.bucket());
                }
            }
        }
        let span = start as u32..self.grams.len() as u32;
        self.spans.insert(token.into(), span.clone());
        &self.grams[span.start as usize..span.end as usize]
    }
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

impl std::fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        *self = self.eat(s.as_bytes());
        Ok(())
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
    fn the_word_cache_empties_when_full_and_features_stay_the_same() {
        let sentence = "Critics say the reckless plan will probably fail.";
        let before = features(sentence);
        // Enough distinct made-up words to fill the cache past its bound.
        let filler: Vec<String> = (0..WordGrams::MAX_GRAMS / 8)
            .map(|i| format!("zq{i}x"))
            .collect();
        for chunk in filler.chunks(500) {
            features(&chunk.join(" "));
        }
        let held = SCRATCH.with_borrow(|s| s.cache.grams.len());
        assert!(
            held < WordGrams::MAX_GRAMS + 500 * 16,
            "{held} grams cached"
        );
        assert_eq!(features(sentence), before);
    }

    #[test]
    fn apostrophe_style_does_not_change_features() {
        assert_eq!(features("We don’t know."), features("We don't know."));
    }
}
