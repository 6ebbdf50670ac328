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

/// The features of one sentence, given the sourcing the rules assigned to it.
pub fn sentence_features(sentence: &str, sourcing: Option<Subtype>) -> Features {
    let mut grams: Vec<String> = Vec::new();
    let tokens: Vec<String> = words(sentence)
        .iter()
        .map(|w| w.text.replace('’', "'").to_lowercase())
        .collect();
    for (i, t) in tokens.iter().enumerate() {
        grams.push(format!("w:{t}"));
        let next = tokens.get(i + 1).map_or("</s>", String::as_str);
        grams.push(format!("b:{t} {next}"));
        let padded: Vec<char> = format!(" {t} ").chars().collect();
        for n in 3..=5 {
            for window in padded.windows(n) {
                grams.push(format!("c:{}", window.iter().collect::<String>()));
            }
        }
    }
    if let Some(first) = tokens.first() {
        grams.push(format!("b:<s> {first}"));
    }
    grams.sort_unstable();
    grams.dedup();
    // Binary n-gram presence, scaled to unit length so long sentences do not dominate.
    let scale = 1.0 / (grams.len().max(1) as f32).sqrt();
    let mut out: Features = grams.iter().map(|g| (bucket(g), scale)).collect();

    let quoted = quotes::quoted_spans(sentence);
    for m in markers::find(sentence, &quoted) {
        out.push((bucket(&format!("m:{:?}", m.subtype)), 0.5));
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
    let quoted_len: usize = quoted.iter().map(|q| q.len()).sum();
    flag("f:mostly-quoted", quoted_len * 2 > sentence.len());
    flag("f:has-quote", !quoted.is_empty());
    flag("f:short", tokens.len() < 8);
    flag("f:long", tokens.len() > 30);
    let source = match sourcing {
        Some(s) => format!("s:{s:?}"),
        None => "s:none".to_string(),
    };
    out.push((bucket(&source), 0.5));
    out
}

/// The features of a standalone sentence (sourcing decided without context).
pub fn features(sentence: &str) -> Features {
    let quoted = quotes::quoted_spans(sentence);
    let cx = sourcing::SentenceContext {
        text: sentence,
        range: 0..sentence.len(),
        quoted: &quoted,
        links: &[],
        previous: None,
    };
    sentence_features(sentence, sourcing::classify(&cx).map(|s| s.subtype))
}

/// FNV-1a, so buckets are stable across platforms and releases.
fn bucket(feature: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in feature.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash & (DIMS as u32 - 1)
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
