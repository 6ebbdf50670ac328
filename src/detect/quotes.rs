//! Quotation spans: text in quotation marks is someone else's voice, not the writer's.
//!
//! Curly double quotes nest (“ … ” ), and straight double quotes open or close depending
//! on what precedes them. Curly single quotes count only when `‘` opens after a space or
//! an opening double quote, so apostrophes ("Putin’s") are never taken for quotes.

use std::ops::Range;

use crate::text::char_at;

/// The outermost quoted spans of `text`, each including its quotation marks. An unclosed
/// quote runs to the end of the text (a quoted paragraph often continues in the next one).
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Vec<(usize, char)> = Vec::new();
    // Only `"` and the three-byte marks starting 0xE2 (“ ” ‘ ’) can be quotes: skip the
    // rest without decoding.
    let candidates = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'"' || b == 0xE2)
        .map(|(i, _)| i);
    for i in candidates {
        let c = char_at(text, i).0;
        let prev = text[..i].chars().next_back().unwrap_or(' ');
        let opens = match c {
            '“' => Some(true),
            '”' => Some(false),
            // A straight quote opens after a space or an opening mark; one attached to the
            // text before it closes whatever quote is open, so a curly quote closed by a
            // straight one ("“…investments,\" Menear said") does not run to the end.
            '"' => Some(match open.last() {
                Some(&(_, q)) => q != '"' && is_opening_context(prev),
                None => !prev.is_alphanumeric(),
            }),
            '‘' if prev.is_whitespace() || matches!(prev, '“' | '"' | '(') => Some(true),
            '’' if open.last().is_some_and(|&(_, q)| q == '‘') => {
                let next = text[i + c.len_utf8()..].chars().next();
                (!next.is_some_and(char::is_alphanumeric)).then_some(false)
            }
            _ => None,
        };
        match opens {
            Some(true) => open.push((i, c)),
            Some(false) => {
                if let Some((start, _)) = open.pop() {
                    if open.is_empty() {
                        spans.push(start..i + c.len_utf8());
                    }
                }
            }
            None => {}
        }
    }
    if let Some(&(start, _)) = open.first() {
        spans.push(start..text.len());
    }
    spans
}

/// Whether a quotation mark after `prev` opens rather than closes a quote: after a space, the
/// start of the text, or an opening bracket, dash or quote.
fn is_opening_context(prev: char) -> bool {
    prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '“' | '‘')
}

/// True when `range` lies entirely inside one of `spans`.
///
/// `spans` are [`quoted_spans`]: sorted and disjoint, so the only candidate is the last
/// span starting at or before `range`, found by binary search. Every word and marker of
/// a block asks this: a scan of all the block's quotes made a paragraph of many short
/// quotes cost quadratic time.
pub fn is_inside(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let after = spans.partition_point(|s| s.start <= range.start);
    after > 0 && range.end <= spans[after - 1].end
}

/// True when `range` shares text with one of `spans` (sorted and disjoint, as
/// [`quoted_spans`] returns them): the first span ending after `range` starts, found by
/// binary search, is the only candidate. Each sentence of a block asks whether it quotes.
pub fn overlaps(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let first = spans.partition_point(|s| s.end <= range.start);
    spans.get(first).is_some_and(|s| s.start < range.end)
}

/// The spans of `spans` (sorted and disjoint, as [`quoted_spans`] returns them) that lie
/// entirely inside `range`, found by binary search rather than a scan.
pub fn within<'a>(spans: &'a [Range<usize>], range: &Range<usize>) -> &'a [Range<usize>] {
    let first = spans.partition_point(|s| s.start < range.start);
    let last = first + spans[first..].partition_point(|s| s.end <= range.end);
    &spans[first..last]
}

/// The text between the quotation marks of a span found by [`quoted_spans`].
pub fn inner(text: &str, span: &Range<usize>) -> Range<usize> {
    let quoted = &text[span.clone()];
    let open = quoted.chars().next().map_or(0, char::len_utf8);
    let close = quoted
        .chars()
        .next_back()
        .filter(|c| matches!(c, '"' | '”' | '’'))
        .map_or(0, char::len_utf8);
    (span.start + open)..(span.end - close).max(span.start + open)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        quoted_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_straight_and_curly_quotes_but_not_apostrophes() {
        assert_eq!(
            quotes("Putin’s \"concerns\" and “at least four” allies"),
            ["\"concerns\"", "“at least four”"]
        );
    }

    #[test]
    fn nested_quotes_form_one_outer_span() {
        assert_eq!(
            quotes("He said “they called it ‘a ruse’ today” and left."),
            ["“they called it ‘a ruse’ today”"]
        );
    }

    #[test]
    fn a_straight_quote_after_a_word_closes_a_curly_one() {
        assert_eq!(
            quotes("“Sales were below plan,\" the chief executive said. Shares fell."),
            ["“Sales were below plan,\""]
        );
        assert_eq!(
            quotes("He said “they called it \"a ruse\" today” and left."),
            ["“they called it \"a ruse\" today”"]
        );
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        assert_eq!(quotes("He said \"we will go on"), ["\"we will go on"]);
    }

    #[test]
    fn inner_strips_the_marks() {
        let text = "a “word” b";
        let span = quoted_spans(text)[0].clone();
        assert_eq!(&text[inner(text, &span)], "word");
        assert!(is_inside(std::slice::from_ref(&span), &inner(text, &span)));
    }

    #[test]
    fn inside_within_and_overlaps_agree_with_a_scan() {
        let text = "“a” b “c d” e \"f\" “g";
        let spans = quoted_spans(text);
        assert_eq!(spans.len(), 4);
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let range = start..end;
                let scan = spans.iter().any(|s| s.start <= start && end <= s.end);
                assert_eq!(is_inside(&spans, &range), scan, "{range:?}");
                let scanned: Vec<_> = spans
                    .iter()
                    .filter(|s| start <= s.start && s.end <= end)
                    .cloned()
                    .collect();
                assert_eq!(within(&spans, &range), scanned, "{range:?}");
                let shared = spans.iter().any(|s| s.start < end && start < s.end);
                assert_eq!(overlaps(&spans, &range), shared, "{range:?}");
            }
        }
    }
}
