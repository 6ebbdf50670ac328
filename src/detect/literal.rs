//! When a judging word is not the writer's judgement: part of a name or a handle, the
//! literal subject of the report, a feeling, reaction or event the report names (someone
//! else's feeling, too), or a neutral idiom.
//!
//! The loaded and evaluative lists come from a review-sentiment lexicon, so they hold words
//! that news uses literally ("diagnosed with cancer", "chronic inflammation", "shares fell
//! sharply"), names that are also words (Rich, Hope, "Operation Patriot") and idioms with
//! no judgement in them ("the answer lies in"). A mark needs evidence that the writer is
//! judging; these are the kinds of evidence against it, read from the word's neighbours.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use crate::text::lexicon;
use crate::text::phrases::PhraseMatcher;
use crate::text::{Tags, Word};

fn idioms() -> &'static PhraseMatcher<()> {
    static IDIOMS: OnceLock<PhraseMatcher<()>> = OnceLock::new();
    IDIOMS.get_or_init(|| PhraseMatcher::new(&[((), lexicon::NEUTRAL_IDIOMS)]))
}

/// The feelings, reactions and events a report names ([`lexicon::REPORTED_EVENTS`]).
fn reported_events() -> &'static HashSet<String> {
    static EVENTS: OnceLock<HashSet<String>> = OnceLock::new();
    EVENTS.get_or_init(|| {
        lexicon::entries(lexicon::REPORTED_EVENTS)
            .into_iter()
            .collect()
    })
}

/// Subjects that make a feeling someone else's ("she's shocked").
const THIRD_PERSON: &[&str] = &["he", "she", "they", "it"];

/// Words between a verb and its object ("depressing the economy").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];

/// Punctuation that ends the clause a feeling's subject is looked for in.
const CLAUSE_BREAKS: [char; 5] = [',', ';', ':', '—', '('];

/// The judging words of one block and what stands around them.
pub struct Judging<'a> {
    text: &'a str,
    words: &'a [Word<'a>],
    /// The block's neutral idioms ([`lexicon::NEUTRAL_IDIOMS`]).
    idioms: Vec<Range<usize>>,
}

impl<'a> Judging<'a> {
    pub fn new(text: &'a str, words: &'a [Word<'a>]) -> Judging<'a> {
        let judging = Tags::LOADED.with(Tags::EVALUATIVE);
        // Most blocks have a judging word, but a caption or a dateline may not.
        let idioms = if words.iter().any(|w| w.tags.has(judging)) {
            idioms()
                .find(text, words)
                .into_iter()
                .map(|m| m.start..m.end)
                .collect()
        } else {
            Vec::new()
        };
        Judging {
            text,
            words,
            idioms,
        }
    }

    /// Whether the judging word `words[i]` reads as the writer's judgement: not in a
    /// name or a handle, not about literal subject matter, not a feeling, reaction or
    /// event the report names, not in a neutral idiom.
    pub fn judges(&self, i: usize) -> bool {
        let word = &self.words[i];
        !self.in_name(i)
            && !self.in_handle(word)
            && !self.someone_elses_feeling(i)
            && !is_comparison(word)
            && !word.tags.has(Tags::SUBJECT_MATTER)
            && !reported_events().contains(&*word.normalised())
            && !self.beside_subject_matter(i)
            && !self
                .idioms
                .iter()
                .any(|r| r.start <= word.start && word.end <= r.end)
    }

    /// A capitalised word inside a sentence is a name or a title ("Rich", "Operation
    /// Patriot", "Center on Poverty"); at a sentence's start it is one when the next word
    /// is capitalised too (a title-case heading or name).
    fn in_name(&self, i: usize) -> bool {
        let word = &self.words[i];
        if !word.is_capitalized() {
            return false;
        }
        if !self.starts_sentence(i) {
            return true;
        }
        self.words
            .get(i + 1)
            .is_some_and(|next| next.is_capitalized() && self.joined(word, next))
    }

    /// "@Angry_Drunk", "#SadDay", "bad_actor": a word of an account name, a hashtag or an
    /// identifier names something; it says nothing of the writer's view.
    fn in_handle(&self, word: &Word) -> bool {
        let before = self.text[..word.start].chars().next_back();
        let after = self.text[word.end..].chars().next();
        matches!(before, Some('@' | '#' | '_')) || after == Some('_')
    }

    /// "she's understandably shocked", "some people are outraged": a feeling the writer
    /// names in someone else reports it (the writer can only guess at it); the writer's own
    /// ("I'm too outraged to…", "I'd be shocked if…") is the writer's voice. It is the
    /// writer's when, going back through its clause, a first-person word comes before any
    /// other subject (a third-person pronoun or a noun before its verb is not needed: the
    /// clause's start ends the search).
    fn someone_elses_feeling(&self, i: usize) -> bool {
        if !self.words[i].tags.has(Tags::INNER_STATE) {
            return false;
        }
        // "I'm", "she'd": the pronoun before the apostrophe.
        let pronoun = |w: &Word| w.normalised().split('\'').next().map(str::to_string);
        let mut j = i;
        while j > 0 && !self.starts_sentence(j) {
            if self.text[self.words[j - 1].end..self.words[j].start].contains(CLAUSE_BREAKS) {
                break;
            }
            j -= 1;
            let Some(p) = pronoun(&self.words[j]) else {
                continue;
            };
            if lexicon::tags::of(&p).has(Tags::FIRST_PERSON) {
                return false;
            }
            if THIRD_PERSON.contains(&p.as_str()) {
                return true;
            }
        }
        true
    }

    /// The first word of the block, or the first after a sentence's end, a colon, an
    /// opening quote or bracket, a dash or a line break.
    fn starts_sentence(&self, i: usize) -> bool {
        i == 0
            || self.text[self.words[i - 1].end..self.words[i].start].contains([
                '.', '!', '?', ':', ';', '"', '“', '‘', '(', '[', '—', '–', '•', '\n', '|',
            ])
    }

    /// "chronic inflammation", "lean meat", "fell sharply", "depressing the economy": a
    /// judging word is literal next to a word of a literal field (only a space or hyphen
    /// between them), or before one with a determiner between (a verb and its object).
    fn beside_subject_matter(&self, i: usize) -> bool {
        let word = &self.words[i];
        let next = self.words.get(i + 1).filter(|n| self.joined(word, n));
        let object = next
            .filter(|n| DETERMINERS.iter().any(|d| n.is(d)))
            .and_then(|d| self.words.get(i + 2).filter(|o| self.joined(d, o)));
        let next = next.into_iter().chain(object);
        let previous = i
            .checked_sub(1)
            .map(|p| &self.words[p])
            .filter(|p| self.joined(p, word));
        next.chain(previous)
            .any(|w| w.tags.has(Tags::SUBJECT_MATTER))
    }

    /// Only spaces or hyphens between `a` and the word after it, `b`.
    fn joined(&self, a: &Word, b: &Word) -> bool {
        self.text[a.end..b.start]
            .chars()
            .all(|c| c == ' ' || c == '-' || c == '\u{a0}')
    }
}

/// "the poorest country", "thicker pipes": a comparative or superlative of a judging word
/// compares, which a reader can check, rather than judges (on the labelled news data none
/// of the fourteen such forms in the loaded list falls in a loaded span).
fn is_comparison(word: &Word) -> bool {
    let judging = Tags::LOADED.with(Tags::EVALUATIVE);
    let normal = word.normalised();
    let Some(stem) = ["est", "er"].iter().find_map(|s| normal.strip_suffix(s)) else {
        return false;
    };
    if stem.len() < 3 {
        return false;
    }
    // "poorest" → "poor", "finer" → "fine", "angrier" → "angry", "bigger" → "big".
    let mut bases = vec![stem.to_string(), format!("{stem}e")];
    bases.extend(stem.strip_suffix('i').map(|s| format!("{s}y")));
    bases.extend(lexicon::tags::undoubled(stem).map(str::to_string));
    bases.iter().any(|b| lexicon::tags::of(b).has(judging))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    /// The words of `text` that are tagged as judging and that judge.
    fn judging(text: &str) -> Vec<&str> {
        let words = words(text);
        let j = Judging::new(text, &words);
        (0..words.len())
            .filter(|&i| words[i].tags.has(Tags::LOADED) && j.judges(i))
            .map(|i| words[i].text)
            .collect()
    }

    #[test]
    fn a_capitalised_word_inside_a_sentence_is_a_name() {
        assert_eq!(
            judging("She thanked Hope and the brutal regime."),
            ["brutal"]
        );
        assert_eq!(judging("Brutal tactics were used."), ["Brutal"]);
        assert!(judging("Brutal Tactics Of The Regime").is_empty());
    }

    #[test]
    fn literal_subject_matter_is_not_judged() {
        assert!(judging("The firm reported leaks in its pipes.").is_empty());
        assert_eq!(
            judging("A brutal winter brought chronic inflammation."),
            ["brutal"]
        );
        assert!(judging("Higher rates are depressing the economy.").is_empty());
        assert_eq!(judging("It was a depressing speech."), ["depressing"]);
    }

    #[test]
    fn a_comparison_is_not_a_judgement() {
        assert!(judging("Sudan is among the poorest and angriest places.").is_empty());
        assert!(!judging("The regime was brutal.").is_empty());
    }

    #[test]
    fn a_reported_feeling_reaction_or_event_is_not_a_judgement() {
        assert!(judging("The minister condemned the brutal raid.") == ["brutal"]);
        assert!(judging("Their anger grew after the collapse.").is_empty());
    }

    #[test]
    fn a_word_of_a_handle_or_hashtag_is_not_a_judgement() {
        assert!(judging("Thanks to @angry_drunk and #evil_twin for this.").is_empty());
        assert_eq!(
            judging("An angry_crowd_id field and an evil plan."),
            ["evil"]
        );
    }

    #[test]
    fn a_feeling_named_in_someone_else_is_reported_the_writers_own_is_not() {
        assert!(judging("She was shocked by it, and some people are outraged.").is_empty());
        assert_eq!(judging("I was shocked. They were outraged."), ["shocked"]);
        assert_eq!(judging("Honestly, I’m too outraged to cuss."), ["outraged"]);
        assert!(
            judging("From what I can tell, she’s shocked, and I think they’re outraged.")
                .is_empty()
        );
    }

    #[test]
    fn a_neutral_idiom_carries_no_judgement() {
        assert!(judging("The answer lies in the data.").is_empty());
        assert_eq!(judging("He lies to voters."), ["lies"]);
    }
}
