//! Small text helpers shared by the detectors: word characters and word tokens.

use std::ops::Range;

/// Letters and digits are word characters; apostrophes and hyphens join words only
/// between letters (see [`words`]).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A word of the text and where it is (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    /// Starts with an upper-case letter ("Biden", "NATO", "U.S.").
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Equal to `other` (lower case, straight apostrophes) ignoring ASCII case and
    /// apostrophe style. Allocation-free: it runs for every word against word lists.
    pub fn is(&self, other: &str) -> bool {
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

    /// Lower case with straight apostrophes, for set lookups.
    pub fn normalised(&self) -> String {
        self.text.replace('’', "'").to_lowercase()
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The words of `text`: runs of letters and digits, joined across inner apostrophes,
/// hyphens and dots ("don’t", "break-away", "U.S").
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                end = i + c.len_utf8();
                chars.next();
            } else if matches!(c, '\'' | '’' | '-' | '.')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
            {
                chars.next();
            } else {
                break;
            }
        }
        out.push(Word {
            text: &text[start..end],
            start,
            end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_contractions_hyphens_and_abbreviations_whole() {
        let text = "Putin’s break-away U.S. plan, isn't it?";
        let found: Vec<_> = words(text).iter().map(|w| w.text).collect();
        assert_eq!(
            found,
            ["Putin’s", "break-away", "U.S", "plan", "isn't", "it"]
        );
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
