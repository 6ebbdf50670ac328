//! Which word lists each word is in, found with one lookup per word of the text.
//!
//! The detectors ask of every word whether it is loaded, a reporting verb, a vague
//! quantifier, the start of a listed phrase… Normalising the word and hashing it once per
//! list showed in profiles of long pages; [`words`](crate::text::words) looks each word up
//! once in one table, and the detectors read the answer as bits of [`Tags`].

use std::sync::OnceLock;

use super::{entries, FxMap};
use crate::text::tokens::{raw_words, Tags};

/// The tags of a normalised word ([`crate::text::Word::normalised`]).
pub fn of(normalised: &str) -> Tags {
    table().get(normalised).copied().unwrap_or_default()
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
            (super::CONDUCT_NOUNS, Tags::CONDUCT_NOUN),
            (super::REPORTING_VERBS, Tags::REPORTING_VERB),
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
}
