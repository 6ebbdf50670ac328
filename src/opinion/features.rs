//! Sentence features for the opinion model: hashed word and character n-grams, plus what
//! the rule-based detectors saw (markers, question, quotes, first person, numbers).
//!
//! Training (`cargo xtask train`) and inference call this same function, so the shipped
//! weights always meet the features they were trained on.

use crate::analyze::{markers, quotes, sourcing};
use crate::finding::Subtype;
use crate::text::words;

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

/// The features of one sentence, given what the detectors saw in it.
///
/// N-grams are hashed as they are read, without building strings: this runs for every
/// sentence of every page.
pub fn sentence_features(sentence: &str, facts: &SentenceFacts) -> Features {
    let tokens: Vec<String> = words(sentence).iter().map(|w| w.normalised()).collect();
    let mut grams: Vec<u32> = Vec::with_capacity(tokens.len() * 14);
    for (i, t) in tokens.iter().enumerate() {
        grams.push(bucket_of(&[b"w:", t.as_bytes()]));
        let next = tokens.get(i + 1).map_or("</s>", String::as_str);
        grams.push(bucket_of(&[b"b:", t.as_bytes(), b" ", next.as_bytes()]));
        // Character 3- to 5-grams of " token ", on char boundaries.
        let padded = format!(" {t} ");
        let bounds: Vec<usize> = padded
            .char_indices()
            .map(|(i, _)| i)
            .chain([padded.len()])
            .collect();
        for n in 3..=5 {
            for w in bounds.windows(n + 1) {
                grams.push(bucket_of(&[b"c:", &padded.as_bytes()[w[0]..w[n]]]));
            }
        }
    }
    if let Some(first) = tokens.first() {
        grams.push(bucket_of(&[b"b:<s> ", first.as_bytes()]));
    }
    grams.sort_unstable();
    grams.dedup();
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
        tokens.iter().any(|t| FIRST_PERSON.contains(&t.as_str())),
    );
    flag(
        "f:second-person",
        tokens.iter().any(|t| SECOND_PERSON.contains(&t.as_str())),
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
    let cx = sourcing::SentenceContext::whole(sentence, &quoted);
    let facts = SentenceFacts {
        sourcing: sourcing::classify(&cx).map(|s| s.subtype),
        markers: markers::find(sentence, &quoted)
            .iter()
            .map(|m| m.subtype)
            .collect(),
        quoted_bytes: quoted.iter().map(|q| q.len()).sum(),
        has_quote: !quoted.is_empty(),
    };
    sentence_features(sentence, &facts)
}

/// FNV-1a over the concatenation of `parts`.
fn bucket_of(parts: &[&[u8]]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        hash ^= u32::from(*byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash & (DIMS as u32 - 1)
}

/// FNV-1a, so buckets are stable across platforms and releases.
fn bucket(feature: &str) -> u32 {
    bucket_of(&[feature.as_bytes()])
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
