//! Word tokens: word characters, the words of a text and their normal form.

use std::ops::Range;

/// The lists a word is in, as bits (looked up by [`crate::text::lexicon::tags::of`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tags(u16);

impl Tags {
    /// Words that carry the writer's judgement wherever they stand ([`LOADED`](crate::text::lexicon::LOADED)).
    pub const LOADED: Tags = Tags(1);
    /// Words that judge only what someone did ([`EVALUATIVE`](crate::text::lexicon::EVALUATIVE)): "weak", "foolish".
    pub const EVALUATIVE: Tags = Tags(1 << 1);
    /// What someone did: "decision", "response" ([`CONDUCT_NOUNS`](crate::text::lexicon::CONDUCT_NOUNS)).
    pub const CONDUCT_NOUN: Tags = Tags(1 << 2);
    /// "said", "told", "reported" ([`REPORTING_VERBS`](crate::text::lexicon::REPORTING_VERBS)).
    pub const REPORTING_VERB: Tags = Tags(1 << 3);
    /// the lexicon's `QUANTIFIERS`.
    pub const QUANTIFIER: Tags = Tags(1 << 4);
    /// the lexicon's `SOURCE_GROUPS`.
    pub const SOURCE_GROUP: Tags = Tags(1 << 5);
    /// The first word of a phrase in the lexicon's `PHRASE_LISTS`.
    pub const PHRASE_START: Tags = Tags(1 << 6);
    /// the lexicon's `FIRST_PERSON`.
    pub const FIRST_PERSON: Tags = Tags(1 << 7);
    /// the lexicon's `SECOND_PERSON`.
    pub const SECOND_PERSON: Tags = Tags(1 << 8);
    /// What a report is about in a literal field: "cancer", "shares", "pipes"
    /// ([`SUBJECT_MATTER`](crate::text::lexicon::SUBJECT_MATTER)).
    pub const SUBJECT_MATTER: Tags = Tags(1 << 9);
    /// Positive words that judge only what someone did, as [`Tags::EVALUATIVE`] ones do,
    /// and that the opinion model reads as subjective wherever they stand
    /// ([`PRAISE`](crate::text::lexicon::PRAISE)): "brilliant", "noble".
    pub const PRAISE: Tags = Tags(1 << 10);
    /// Negative words the labelled news data has too little evidence on to mark wherever
    /// they stand: they judge only what someone did, as [`Tags::EVALUATIVE`] ones do, and
    /// the opinion model reads them as subjective, as it was trained to
    /// ([`UNPROVEN`](crate::text::lexicon::UNPROVEN)): "tepid", "fraught".
    pub const UNPROVEN: Tags = Tags(1 << 11);
    /// Feelings and attitudes a writer can only guess at in someone else: "shocked",
    /// "furious" ([`INNER_STATES`](crate::text::lexicon::INNER_STATES)).
    pub const INNER_STATE: Tags = Tags(1 << 12);

    /// Whether any of the bits of `other` is set.
    pub fn has(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }

    /// The tags of `self` that are also in `other`.
    pub const fn only(self, other: Tags) -> Tags {
        Tags(self.0 & other.0)
    }

    /// These tags and those of `other`.
    pub const fn with(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
    }
}

/// Letters and digits are word characters; apostrophes and hyphens join words only
/// between letters (see [`crate::text::words`]).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// A word of the text, where it is (byte offsets) and the word lists it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub tags: Tags,
}

impl<'a> Word<'a> {
    /// Starts with an upper-case letter ("Biden", "NATO", "U.S.").
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Equal to `other` (lower case, straight apostrophes) ignoring ASCII case and
    /// apostrophe style. Allocation-free: it runs for every word against word lists.
    pub fn is(&self, other: &str) -> bool {
        // An ASCII word has no typographic apostrophe: bytes compare as they are.
        if self.text.is_ascii() {
            return self.text.eq_ignore_ascii_case(other);
        }
        let mut mine = self.text.chars().map(|c| {
            if c == '’' {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        });
        let mut theirs = other.chars().map(|c| c.to_ascii_lowercase());
        loop {
            match (mine.next(), theirs.next()) {
                (None, None) => return true,
                (Some(a), Some(b)) if a == b => {}
                _ => return false,
            }
        }
    }

    /// Lower case with straight apostrophes, for set lookups. Runs for every word of
    /// every page, so it allocates only for the rare word that needs it (see [`Normal`]).
    pub fn normalised(&self) -> Normal<'a> {
        let text = self.text;
        if !text
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            return Normal::Borrowed(text);
        }
        if text.is_ascii() && text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            bytes[..text.len()].make_ascii_lowercase();
            return Normal::Inline(bytes, text.len() as u8);
        }
        Normal::Owned(text.replace('’', "'").to_lowercase())
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Longest ASCII word [`Normal`] keeps on the stack.
const INLINE: usize = 23;

/// A word's normalised form ([`Word::normalised`]): the word itself when it is already
/// lower case, a lower-cased copy on the stack for short ASCII words, a `String` otherwise.
pub enum Normal<'a> {
    Borrowed(&'a str),
    Inline([u8; INLINE], u8),
    Owned(String),
}

impl std::ops::Deref for Normal<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Normal::Borrowed(s) => s,
            // Only ASCII bytes are ever stored inline.
            Normal::Inline(bytes, len) => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Normal::Owned(s) => s,
        }
    }
}

/// Whether `text` has more than `n` words, reading no further than word `n + 1`.
pub fn more_words_than(text: &str, n: usize) -> bool {
    raw_words(text).nth(n).is_some()
}

/// The words of `text` as [`crate::text::words`] finds them, without their tags (empty): for counting,
/// and for building the tag table itself.
pub fn raw_words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// The iterator behind [`crate::text::words`]. Reads bytes and decodes only non-ASCII characters: this
/// runs over every block.
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let text = self.text;
        let mut i = self.at;
        while i < text.len() {
            let (c, len) = char_at(text, i);
            i += len;
            if !is_word_char(c) {
                continue;
            }
            let start = i - len;
            let mut end = i;
            while i < text.len() {
                let (c, len) = char_at(text, i);
                if is_word_char(c) {
                    i += len;
                    end = i;
                } else if matches!(c, '\'' | '’' | '-' | '.')
                    && i + len < text.len()
                    && is_word_char(char_at(text, i + len).0)
                {
                    i += len;
                } else {
                    break;
                }
            }
            self.at = i;
            return Some(Word {
                text: &text[start..end],
                start,
                end,
                tags: Tags::default(),
            });
        }
        self.at = i;
        None
    }
}

/// The character at byte `i` (a char boundary) of `text` and its length in bytes.
#[inline]
pub fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// The words of `all` (sorted, as [`crate::text::words`] returns them) that start inside `range`.
pub fn within<'w, 'a>(all: &'w [Word<'a>], range: &Range<usize>) -> &'w [Word<'a>] {
    let first = all.partition_point(|w| w.start < range.start);
    let end = first + all[first..].partition_point(|w| w.start < range.end);
    &all[first..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    #[test]
    fn words_keep_contractions_hyphens_and_abbreviations_whole() {
        let text = "Putin’s break-away U.S. plan, isn't it?";
        let found: Vec<_> = words(text).iter().map(|w| w.text).collect();
        assert_eq!(
            found,
            ["Putin’s", "break-away", "U.S", "plan", "isn't", "it"]
        );
        assert!(more_words_than(text, 5));
        assert!(!more_words_than(text, 6));
    }

    #[test]
    fn word_comparison_ignores_case_and_apostrophe_style() {
        let text = "Don’t";
        let w = words(text)[0];
        assert!(w.is("don't"));
        assert!(w.is_capitalized());
        assert_eq!(w.range(), 0..text.len());
    }
}
