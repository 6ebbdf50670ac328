//! Word lists as data, compiled once into one Aho-Corasick automaton per use.
//!
//! Each list is a text file beside this module: one entry per line, `#` comments, and a
//! small alternation syntax so a list stays readable: `{i|we} {think|believe}` expands to
//! four phrases, and a group followed by `?` may also be left out. Matching ignores ASCII
//! case and treats the typographic apostrophe `’` like `'`, so "don’t" matches "don't".

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::noncontiguous::{self, NFA};
use aho_corasick::{Input, MatchKind};
use rustc_hash::FxHasher;

use crate::text::is_word_char;

pub const HEDGES: &str = include_str!("hedges.txt");
pub const BOOSTERS: &str = include_str!("boosters.txt");
pub const STANCE: &str = include_str!("stance.txt");
pub const LOADED: &str = include_str!("loaded.txt");
pub const EVALUATIVE: &str = include_str!("evaluative.txt");
pub const CONDUCT_NOUNS: &str = include_str!("conduct_nouns.txt");
pub const INNER_STATES: &str = include_str!("inner_states.txt");
pub const REPORTING_VERBS: &str = include_str!("reporting_verbs.txt");
pub const VAGUE_SOURCES: &str = include_str!("vague_sources.txt");
pub const ANONYMOUS_SOURCES: &str = include_str!("anonymous_sources.txt");

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
fn expand(line: &str) -> Vec<String> {
    let Some(open) = line.find('{') else {
        return vec![line.split_whitespace().collect::<Vec<_>>().join(" ")];
    };
    let close = open + line[open..].find('}').unwrap_or(line.len() - open - 1);
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

/// A set of single words from a list (lower case, straight apostrophes), looked up with
/// a word's [`crate::text::Word::normalised`] form.
pub struct WordSet(HashSet<String, BuildHasherDefault<FxHasher>>);

impl WordSet {
    pub fn new(source: &str) -> WordSet {
        WordSet(entries(source).into_iter().collect())
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// A phrase found in text: byte range and the tag of the list it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<T> {
    pub start: usize,
    pub end: usize,
    pub tag: T,
}

/// Finds whole-word phrases from several tagged lists in one pass.
pub struct PhraseMatcher<T> {
    automaton: NFA,
    tags: Vec<T>,
}

impl<T: Copy> PhraseMatcher<T> {
    /// Builds a matcher over `(tag, list source)` pairs. On overlap the longest phrase wins,
    /// so "very likely" is one hedge rather than "likely" alone.
    pub fn new(lists: &[(T, &str)]) -> PhraseMatcher<T> {
        let mut patterns = Vec::new();
        let mut tags = Vec::new();
        for &(tag, source) in lists {
            for phrase in entries(source) {
                if phrase.contains('\'') {
                    patterns.push(phrase.replace('\'', "’"));
                    tags.push(tag);
                }
                patterns.push(phrase);
                tags.push(tag);
            }
        }
        // A noncontiguous NFA builds fastest (the lists are compiled while the first page
        // loads). Used directly rather than through `AhoCorasick`, which would also ship
        // the DFA and contiguous-NFA code in the wasm.
        let automaton = noncontiguous::Builder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("lexicon phrases form a valid automaton");
        PhraseMatcher { automaton, tags }
    }

    /// All non-overlapping whole-word matches in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch<T>> {
        self.automaton
            .try_find_iter(Input::new(text))
            .expect("an unanchored leftmost search is supported by every NFA")
            .filter(|m| is_whole_word(text, m.start(), m.end()))
            .map(|m| PhraseMatch {
                start: m.start(),
                end: m.end(),
                tag: self.tags[m.pattern().as_usize()],
            })
            .collect()
    }
}

/// True when `start..end` is not glued to a letter or digit on either side.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for list in [
            HEDGES,
            BOOSTERS,
            STANCE,
            LOADED,
            EVALUATIVE,
            CONDUCT_NOUNS,
            INNER_STATES,
            REPORTING_VERBS,
            VAGUE_SOURCES,
            ANONYMOUS_SOURCES,
        ] {
            let phrases = entries(list);
            assert!(!phrases.is_empty());
            for p in phrases {
                assert!(
                    !p.is_empty() && !p.contains(['{', '}', '|']),
                    "bad phrase {p:?}"
                );
            }
        }
    }

    #[test]
    fn matches_whole_words_longest_first_with_either_apostrophe() {
        let m = PhraseMatcher::new(&[(1, "likely\nvery likely"), (2, "don't know")]);
        let text = "It is Very likely, I don’t know; unlikely.";
        let found: Vec<_> = m
            .find(text)
            .iter()
            .map(|p| (&text[p.start..p.end], p.tag))
            .collect();
        assert_eq!(found, [("Very likely", 1), ("don’t know", 2)]);
    }
}
