//! Phrases from the word lists found in a text's words: whole words, ignoring case and
//! treating the typographic apostrophe `’` like `'`, so "don’t" matches "don't".

use std::collections::HashMap;

use crate::text::lexicon::{entries, tags, FxMap};
use crate::text::tokens::{Tags, Word};
use crate::text::words;

/// A phrase found in text: byte range and the tag of the list it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<T> {
    pub start: usize,
    pub end: usize,
    pub tag: T,
}

/// Finds whole-word phrases from several tagged lists in a text's words.
///
/// Phrases are looked up by their first word and then, for longer phrases, by their
/// second (common first words such as "a" or "is" start a hundred phrases or more), and
/// compared word by word, so matching ignores case and apostrophe style as
/// [`Word::normalised`] does. Between two words of a phrase the text must have what the
/// phrase has, up to whitespace: "I think" matches "I  think" but not "I, think"; "U.S.
/// official" needs the ". ".
pub struct PhraseMatcher<T> {
    phrases: Phrases,
    /// Each list's tag, by the list's index (what the phrases carry).
    tags: Vec<T>,
}

/// The phrases of every list, tagged with the list's index: the matching itself is not
/// generic, so each kind of tag does not ship its own copy of it in the wasm.
struct Phrases {
    by_first: FxMap<String, Starts>,
    /// Every first word is tagged [`Tags::PHRASE_START`] (the shipped lists are; a
    /// reader's own words may not be), so words without the tag need no lookup.
    starts_tagged: bool,
}

/// The phrases that start with one word.
struct Starts {
    /// The one-word phrase's list, if the word is one on its own (the first list wins).
    alone: Option<usize>,
    /// Longer phrases by their second word, longest first.
    by_second: FxMap<String, Vec<Phrase>>,
}

struct Phrase {
    /// The normalised words after the first.
    rest: Vec<String>,
    /// What separates each word from the next, whitespace collapsed to one space.
    gaps: Vec<String>,
    list: usize,
}

impl<T: Copy> PhraseMatcher<T> {
    /// Builds a matcher over `(tag, list source)` pairs. On overlap the longest phrase wins,
    /// so "very likely" is one hedge rather than "likely" alone.
    pub fn new(lists: &[(T, &str)]) -> PhraseMatcher<T> {
        let sources: Vec<&str> = lists.iter().map(|&(_, source)| source).collect();
        PhraseMatcher {
            phrases: Phrases::new(&sources),
            tags: lists.iter().map(|&(tag, _)| tag).collect(),
        }
    }

    /// All non-overlapping phrases among `words` (the words of `text`), in order.
    pub fn find(&self, text: &str, words: &[Word]) -> Vec<PhraseMatch<T>> {
        self.phrases
            .find(text, words)
            .into_iter()
            .map(|m| PhraseMatch {
                start: m.start,
                end: m.end,
                tag: self.tags[m.tag],
            })
            .collect()
    }
}

impl Phrases {
    fn new(lists: &[&str]) -> Phrases {
        let mut by_first: FxMap<String, Starts> = HashMap::default();
        for (list, source) in lists.iter().enumerate() {
            for phrase in entries(source) {
                let words = words(&phrase);
                let Some(first) = words.first() else {
                    continue; // no word characters: nothing to match
                };
                let starts = by_first
                    .entry(first.normalised().to_string())
                    .or_insert_with(|| Starts {
                        alone: None,
                        by_second: HashMap::default(),
                    });
                let Some(second) = words.get(1) else {
                    starts.alone = starts.alone.or(Some(list));
                    continue;
                };
                starts
                    .by_second
                    .entry(second.normalised().to_string())
                    .or_default()
                    .push(Phrase {
                        rest: words[1..]
                            .iter()
                            .map(|w| w.normalised().to_string())
                            .collect(),
                        gaps: words
                            .windows(2)
                            .map(|w| gap(&phrase, &w[0], &w[1]).collect())
                            .collect(),
                        list,
                    });
            }
        }
        for phrases in by_first.values_mut().flat_map(|s| s.by_second.values_mut()) {
            // Stable: among phrases of one length the first list given wins.
            crate::sort::by_key(phrases, |p| (usize::MAX - p.rest.len(), 0));
        }
        let starts_tagged = by_first.keys().all(|w| tags::of(w).has(Tags::PHRASE_START));
        Phrases {
            by_first,
            starts_tagged,
        }
    }

    /// As [`PhraseMatcher::find`], tagged with the list's index.
    fn find(&self, text: &str, words: &[Word]) -> Vec<PhraseMatch<usize>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if self.starts_tagged && !words[i].tags.has(Tags::PHRASE_START) {
                i += 1;
                continue;
            }
            let Some(starts) = self.by_first.get(&*words[i].normalised()) else {
                i += 1;
                continue;
            };
            let longer = words
                .get(i + 1)
                .and_then(|second| starts.by_second.get(&*second.normalised()))
                .and_then(|phrases| phrases.iter().find(|p| p.starts(text, &words[i..])));
            let (tag, len) = match (longer, starts.alone) {
                (Some(phrase), _) => (phrase.list, phrase.rest.len() + 1),
                (None, Some(list)) => (list, 1),
                (None, None) => {
                    i += 1;
                    continue;
                }
            };
            out.push(PhraseMatch {
                start: words[i].start,
                end: words[i + len - 1].end,
                tag,
            });
            i += len;
        }
        out
    }
}

impl Phrase {
    /// Whether `words` (whose first word is this phrase's first) start with the phrase.
    fn starts(&self, text: &str, words: &[Word]) -> bool {
        words.len() > self.rest.len()
            && self
                .rest
                .iter()
                .zip(&self.gaps)
                .enumerate()
                .all(|(k, (word, between))| {
                    *words[k + 1].normalised() == **word
                        && gap(text, &words[k], &words[k + 1]).eq(between.chars())
                })
    }
}

/// The text between two words, each run of whitespace as one space. An iterator, so
/// matching compares it with a phrase's gap without building a string.
fn gap<'t>(text: &'t str, before: &Word, after: &Word) -> impl Iterator<Item = char> + 't {
    let mut in_space = false;
    text[before.end..after.start].chars().filter_map(move |c| {
        let space = c.is_whitespace();
        let repeat = space && in_space;
        in_space = space;
        (!repeat).then_some(if space { ' ' } else { c })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_longest_first_with_either_apostrophe() {
        let m = PhraseMatcher::new(&[(1, "likely\nvery likely"), (2, "don't know")]);
        let text = "It is Very likely, I don’t know; unlikely.";
        let found: Vec<_> = m
            .find(text, &words(text))
            .iter()
            .map(|p| (&text[p.start..p.end], p.tag))
            .collect();
        assert_eq!(found, [("Very likely", 1), ("don’t know", 2)]);
    }

    #[test]
    fn the_text_between_words_must_be_the_phrases_up_to_whitespace() {
        let m = PhraseMatcher::new(&[(1, "i think"), (2, "a u.s. official")]);
        let tags =
            |text: &str| -> Vec<i32> { m.find(text, &words(text)).iter().map(|p| p.tag).collect() };
        assert_eq!(tags("I  think\nso, said a U.S. official."), [1, 2]);
        assert!(tags("I, think so; a U.S official").is_empty());
    }
}
