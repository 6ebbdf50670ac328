//! Which word lists each word is in, found with one lookup per word of the text.
//!
//! The detectors ask of every word whether it is loaded, a reporting verb, a vague
//! quantifier, the start of a listed phrase… Normalising the word and hashing it once per
//! list showed in profiles of long pages; [`words`](crate::text::words) looks each word up
//! once in one table, and the detectors read the answer as bits of [`Tags`].

use std::sync::OnceLock;

use super::{entries, FxMap};
use crate::text::tokens::{raw_words, Tags};

/// The tags of a normalised word ([`crate::text::Word::normalised`]). A word no list
/// spells out takes the judging and subject tags of its base form, so "squandering" is
/// loaded as "squander" is.
pub fn of(normalised: &str) -> Tags {
    let table = table();
    match table.get(normalised) {
        Some(tags) => *tags,
        None => base_forms(normalised)
            .find_map(|base| table.get(&base))
            .map(|&tags| inflected(tags))
            .unwrap_or_default(),
    }
}

/// The tags an inflected form takes from its base. A form of a loaded word is only
/// evaluative (marked where it judges conduct): the lexicon lists the forms it found
/// opinionated, and on the labelled news data the forms it left out are half as often
/// loaded as the listed ones (SemEval-2020 Task 11, both halves). The other lists spell
/// out the forms they mean ("says", "said"), and a guessed base could turn a name into a
/// verb.
fn inflected(base: Tags) -> Tags {
    let judging = if base.has(Tags::LOADED.with(Tags::EVALUATIVE)) {
        Tags::EVALUATIVE
    } else {
        Tags::default()
    };
    base.only(Tags::SUBJECT_MATTER).with(judging)
}

/// `stem` without its doubled last letter ("stopp" → "stop", "bigg" → "big"), if it has one.
/// Only an ASCII letter doubles: the last two bytes of a wider character can be equal too
/// (the session fuzz target found "𗗗ed" slicing inside a character).
pub fn undoubled(stem: &str) -> Option<&str> {
    let bytes = stem.as_bytes();
    let (&last, rest) = bytes.split_last()?;
    (last.is_ascii_alphabetic() && rest.last() == Some(&last)).then(|| &stem[..stem.len() - 1])
}

/// Candidate base forms of an inflected word, most likely first: "squandering" →
/// "squander"; "bullied" → "bully"; "stopped" → "stop"; "pipes" → "pipe". Words of
/// fewer than three letters before the suffix, and "-ss" words ("press"), have none.
fn base_forms(word: &str) -> impl Iterator<Item = String> + '_ {
    const SUFFIXES: &[(&str, &str)] = &[
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
    ];
    let inflected = !word.ends_with("ss");
    SUFFIXES
        .iter()
        .filter(move |_| inflected)
        .filter_map(move |&(suffix, restore)| {
            let stem = word.strip_suffix(suffix).filter(|s| s.len() >= 3)?;
            Some((stem, restore))
        })
        .flat_map(|(stem, restore)| {
            // "stopped" → "stop": a doubled last consonant is undone as well.
            let undoubled = restore.is_empty().then(|| undoubled(stem)).flatten();
            [Some(stem), undoubled]
                .into_iter()
                .flatten()
                .map(move |s| format!("{s}{restore}"))
        })
}

/// Quantifiers that make a vague many when followed by a verb of knowing or saying.
const QUANTIFIERS: &[&str] = &["most", "many", "some", "several", "numerous", "countless"];
/// Groups of people that, unnamed and counted vaguely, stand in for a source
/// ("many historians", "some critics").
const SOURCE_GROUPS: &[&str] = &[
    "people",
    "critics",
    "experts",
    "scholars",
    "historians",
    "observers",
    "analysts",
    "commentators",
    "scientists",
    "researchers",
    "economists",
    "officials",
    "sources",
    "fans",
    "others",
    "americans",
    "voters",
    "residents",
    "reviewers",
    "writers",
    "authors",
    "theorists",
    "academics",
    "specialists",
    "insiders",
    "pundits",
    "activists",
    "politicians",
    "leaders",
];
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

/// The phrase lists the detectors match: their first words are tagged
/// [`Tags::PHRASE_START`], so matching skips every other word without a lookup.
const PHRASE_LISTS: &[&str] = &[
    super::STANCE,
    super::BOOSTERS,
    super::HEDGES,
    super::ANONYMOUS_SOURCES,
    super::VAGUE_SOURCES,
    super::LOADED_PHRASES,
    super::NEUTRAL_IDIOMS,
];

fn table() -> &'static FxMap<String, Tags> {
    static TABLE: OnceLock<FxMap<String, Tags>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxMap<String, Tags> = FxMap::default();
        let mut tag = |word: String, tags: Tags| {
            let entry = table.entry(word).or_default();
            *entry = entry.with(tags);
        };
        for (list, tags) in [
            (super::LOADED, Tags::LOADED),
            (super::EVALUATIVE, Tags::EVALUATIVE),
            (super::PRAISE, Tags::PRAISE.with(Tags::EVALUATIVE)),
            (super::UNPROVEN, Tags::UNPROVEN.with(Tags::EVALUATIVE)),
            (super::CONDUCT_NOUNS, Tags::CONDUCT_NOUN),
            (super::REPORTING_VERBS, Tags::REPORTING_VERB),
            (super::SUBJECT_MATTER, Tags::SUBJECT_MATTER),
            (super::INNER_STATES, Tags::INNER_STATE),
        ] {
            for word in entries(list) {
                tag(word, tags);
            }
        }
        for (list, tags) in [
            (QUANTIFIERS, Tags::QUANTIFIER),
            (SOURCE_GROUPS, Tags::SOURCE_GROUP),
            (FIRST_PERSON, Tags::FIRST_PERSON),
            (SECOND_PERSON, Tags::SECOND_PERSON),
        ] {
            for word in list {
                tag(word.to_string(), tags);
            }
        }
        for list in PHRASE_LISTS {
            for phrase in entries(list) {
                // Untagged words: this table is what tagging reads.
                if let Some(first) = raw_words(&phrase).next() {
                    tag(first.normalised().to_string(), Tags::PHRASE_START);
                }
            }
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    #[test]
    fn words_carry_the_lists_they_are_in() {
        let found = words("Most critics said the RECKLESS decision was weak, I think, in March");
        let has = |i: usize, t: Tags| found[i].tags.has(t);
        assert!(has(0, Tags::QUANTIFIER) && has(1, Tags::SOURCE_GROUP));
        assert!(has(2, Tags::REPORTING_VERB) && has(4, Tags::LOADED));
        assert!(has(5, Tags::CONDUCT_NOUN) && has(7, Tags::EVALUATIVE));
        assert!(has(8, Tags::FIRST_PERSON) && has(8, Tags::PHRASE_START));
        assert_eq!(found[11].tags, Tags::default());
    }

    #[test]
    fn base_forms_never_cut_inside_a_character() {
        let forms: Vec<String> = base_forms("\u{175d7}\u{175d7}ed").collect();
        assert!(
            forms.contains(&"\u{175d7}\u{175d7}".to_string()),
            "{forms:?}"
        );
        assert!(base_forms("stopped").any(|f| f == "stop"));
    }
}
