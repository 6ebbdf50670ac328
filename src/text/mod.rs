//! Text primitives the detectors and the page roles share: word tokens and the word lists
//! they are in, phrase matching, sentences, and offsets between the core's bytes and the
//! DOM's UTF-16 units. Nothing here knows about findings or pages.
//!
//! One way down: [`tokens`] and the lists in [`lexicon`] stand alone, the lexicon's tags
//! read the tokens, [`words`] joins the two, and [`phrases`] and [`segment`] read words.

pub mod lexicon;
pub mod offsets;
pub mod phrases;
pub mod segment;
pub mod tokens;

pub use tokens::{char_at, more_words_than, raw_words, within, Normal, Tags, Word};

/// The words of `text`: runs of letters and digits, joined across inner apostrophes,
/// hyphens and dots ("don’t", "break-away", "U.S").
/// Each word carries its [`Tags`]: one lookup here instead of one per list in every
/// detector.
pub fn words(text: &str) -> Vec<Word<'_>> {
    raw_words(text)
        .map(|w| Word {
            tags: lexicon::tags::of(&w.normalised()),
            ..w
        })
        .collect()
}
