//! Word lists as data: the lists the detectors and the page roles read, and the tags
//! ([`tags`]) that say which lists each word is in. Phrase lists are matched by
//! [`crate::text::phrases`].
//!
//! Each list is a text file beside this module: one entry per line, `#` comments, and a
//! small alternation syntax so a list stays readable: `{i|we} {think|believe}` expands to
//! four phrases, and a group followed by `?` may also be left out. Each file is a constant
//! of this module, named after it (`inner_states.txt` → [`INNER_STATES`]); `build.rs`
//! finds the files, so adding a list touches nothing else.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

pub mod tags;

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A set with the fast hasher (rustc-hash's own alias needs its `std` feature, which the
/// wasm build leaves off).
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// The entries of a list file, expanded and lower-cased, in file order without repeats.
pub fn entries(source: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for line in source.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        for phrase in expand(&line.to_lowercase()) {
            if seen.insert(phrase.clone()) {
                out.push(phrase);
            }
        }
    }
    out
}

/// Expands `{a|b}` groups (and optional `{a|b}?` groups) into every phrase they denote.
/// A `{` without its `}` (a reader's own word, typed or imported) is taken as written.
fn expand(line: &str) -> Vec<String> {
    let group = line
        .find('{')
        .and_then(|open| Some((open, open + line[open..].find('}')?)));
    let Some((open, close)) = group else {
        return vec![line.split_whitespace().collect::<Vec<_>>().join(" ")];
    };
    let (head, group) = (&line[..open], &line[open + 1..close]);
    let mut tail = line.get(close + 1..).unwrap_or("");
    let mut alternatives: Vec<&str> = group.split('|').collect();
    if let Some(rest) = tail.strip_prefix('?') {
        alternatives.push("");
        tail = rest;
    }
    alternatives
        .into_iter()
        .flat_map(|alt| expand(&format!("{head}{alt}{tail}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_group_is_taken_as_written() {
        // Found by the session fuzz target: a reader's word "{" panicked on slicing.
        assert_eq!(expand("{"), vec!["{".to_string()]);
        assert_eq!(expand("so {very"), vec!["so {very".to_string()]);
        assert_eq!(expand("} {a|b"), vec!["} {a|b".to_string()]);
    }

    #[test]
    fn expands_groups_and_optional_groups() {
        assert_eq!(
            entries("# comment\n{I|we} {think|believe}\n\n{a|the}? source"),
            [
                "i think",
                "i believe",
                "we think",
                "we believe",
                "a source",
                "the source",
                "source"
            ]
        );
    }

    #[test]
    fn every_shipped_list_parses_to_non_empty_phrases() {
        for (file, list) in LISTS {
            let phrases = entries(list);
            assert!(!phrases.is_empty(), "{file} is empty");
            for p in phrases {
                assert!(
                    !p.is_empty() && !p.contains(['{', '}', '|']),
                    "{file}: bad phrase {p:?}"
                );
            }
        }
    }
}
