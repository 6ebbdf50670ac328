//! Sentence segmentation for news text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
//! when whitespace follows and the next sentence starts like one: an upper-case letter, a
//! digit or an opening quote. Abbreviations ("Mr.", "Jan.", "U.S.") and initials ("J.")
//! do not end a sentence.

use std::ops::Range;

use crate::text::char_at;

/// Abbreviations that are followed by a period but rarely end a sentence (lower case,
/// without the final period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st",
    "jr", "sr", "rev", "hon", "pres", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g",
    "i.e", "a.m", "p.m", "d.c", "ft", "mt", "approx", "dept", "est", "fig",
];

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»'];

/// The byte ranges of the sentences of `text`, trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let (c, len) = char_at(text, i);
        i += len;
        if !is_terminal(c) {
            continue;
        }
        let at = i - len;
        while i < text.len() {
            let (c, len) = char_at(text, i);
            if !is_terminal(c) && !CLOSERS.contains(&c) {
                break;
            }
            i += len;
        }
        if c == '.' && i == at + 1 && is_abbreviation(&text[..at]) {
            continue;
        }
        if starts_new_sentence(&text[i..]) {
            push_trimmed(&mut out, text, start..i);
            start = i;
        }
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// True when the word just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    let mut letters = word.chars();
    let is_initial =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    // The list is ASCII: compared without lower-casing a copy (this runs at every period).
    is_initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// True when `rest` is whitespace and then what looks like the start of a sentence.
fn starts_new_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return false;
    }
    match trimmed.chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[')
        }
    }
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.start + piece.trim_end().len();
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_followed_by_a_capital() {
        assert_eq!(
            split("We don’t need this. However, it helps! Does it? Yes."),
            [
                "We don’t need this.",
                "However, it helps!",
                "Does it?",
                "Yes."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside_sentences() {
        assert_eq!(
            split("Mr. Smith met Dr. J. Doe in the U.S. on Jan. 5 at 3 p.m. in Washington. Then he left."),
            [
                "Mr. Smith met Dr. J. Doe in the U.S. on Jan. 5 at 3 p.m. in Washington.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn quotes_and_ellipses_close_the_sentence_they_end() {
        assert_eq!(
            split("He said “no.” Then “why?” she asked. Wait… What now?"),
            [
                "He said “no.”",
                "Then “why?” she asked.",
                "Wait…",
                "What now?"
            ]
        );
    }

    #[test]
    fn a_headline_without_a_period_is_one_sentence() {
        assert_eq!(
            split("  Biden’s NATO Talks Offer Hands Putin a Win "),
            ["Biden’s NATO Talks Offer Hands Putin a Win"]
        );
        assert!(split("   ").is_empty());
    }

    #[test]
    fn lower_case_after_a_question_mark_continues_the_sentence() {
        assert_eq!(
            split("\"Why?\" he asked, and left."),
            ["\"Why?\" he asked, and left."]
        );
    }
}
