//! The detectors: rules, each family of marks in its own file, registered in [`RULES`]
//! and run over the text of one block at a time by [`block`], the one entry point (the
//! page analysis, the session, the sentence reports and the opinion model's training
//! features all read its result).
//!
//! A new kind of marker is one rule file in `rules/` (the rule and the kinds it finds,
//! found there by `build.rs`: see [`crate::catalogue`]), its word list if any
//! (`src/text/lexicon/`) and a case file in `tests/cases/`.

pub mod citation;
pub mod context;
mod literal;
mod quotes;
mod reach;
pub mod rule;
mod speakers;

/// The rule files, `src/detect/rules/*.rs`: each one a [`Rule`] named `RULE`, with the kinds
/// it finds declared beside it. `build.rs` writes their `mod` lines and `DECLARED`, so
/// `cargo fmt` does not find them by itself: `cargo fmt -- src/detect/rules/*.rs` (which
/// `cargo xtask test` checks).
pub(crate) mod rules {
    include!(concat!(env!("OUT_DIR"), "/rules.rs"));
}
use rules::sourcing;

use std::ops::Range;

use crate::catalogue::Subtype;
use crate::finding::Mark;
use crate::text::{segment, within};
use context::{BlockText, SentenceContext, Sentences, Sourcing};

pub use quotes::{is_inside as is_quoted, quoted_spans};
use rule::{Find, Rule};

/// Every rule, in the order they run.
pub const RULES: [Rule; rules::DECLARED.len()] = {
    let mut rules = rules::DECLARED;
    // An insertion sort: the table is short, and this runs at compile time.
    let mut i = 1;
    while i < rules.len() {
        let mut j = i;
        while j > 0 && rules[j - 1].order >= rules[j].order {
            if rules[j - 1].order == rules[j].order {
                panic!("two rules have the same order");
            }
            let earlier = rules[j];
            rules[j] = rules[j - 1];
            rules[j - 1] = earlier;
            j -= 1;
        }
        i += 1;
    }
    rules
};

/// What the detectors saw in a sentence: what the opinion model reads besides its words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceFacts {
    /// The sentence's sourcing; `None` when it makes no claim.
    pub sourcing: Option<Subtype>,
    /// The kinds of opinion marker in the sentence (outside quotes), with repeats.
    pub markers: Vec<Subtype>,
    /// Bytes of the sentence inside quotation marks.
    pub quoted_bytes: usize,
    pub has_quote: bool,
}

/// One sentence of a block: where it is and what the detectors saw in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub facts: SentenceFacts,
    /// The writer asks a question (not a quoted one).
    pub question: bool,
    /// The writer hedges or speculates (outside quotes).
    pub speculative: bool,
    /// The writer's own voice: a hedge, booster, stance, speculation or question.
    pub writer_voice: bool,
}

/// What the detectors find in one block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockFindings {
    /// In text order (by start, then end).
    pub marks: Vec<Mark>,
    pub sentences: Vec<Sentence>,
    /// The block ends in a quotation it names no speaker for (the next paragraph may:
    /// [`block_before`]).
    pub quotation_open: bool,
    /// The speaker the block names as it opens ([`speakers::opening_speaker`]), for a
    /// quotation the block before left open.
    pub opening_speaker: Option<Sourcing>,
}

/// Runs every rule on one block.
///
/// `previous` carries the sourcing in scope across blocks (the last sentence's, as
/// [`speakers::carried`] passes it on), so "He added that…" at the start of a paragraph
/// continues the speaker of the paragraph before.
pub fn block(block: &BlockText, previous: &mut Option<Sourcing>) -> BlockFindings {
    block_before(block, previous, None)
}

/// [`block`], given the speaker the next block names as it opens (`after`: its
/// [`BlockFindings::opening_speaker`]), for a quotation this block leaves open.
pub fn block_before(
    block: &BlockText,
    previous: &mut Option<Sourcing>,
    after: Option<&Sourcing>,
) -> BlockFindings {
    let quoted = quotes::quoted_spans(block.text);
    let ranges = match block.sentences {
        Sentences::Split => segment::sentences(block.text),
        Sentences::Whole => std::iter::once(0..block.text.len()).collect(),
    };
    let mut markers: Vec<Mark> = Vec::new();
    for rule in RULES {
        if let Find::Words(find) = rule.find {
            let found = find(block, &markers);
            markers.extend(found);
        }
    }
    markers.retain(|m| !quotes::is_inside(&quoted, &m.range));
    // A judgement in reported speech is the speaker's, as one in quotation marks is.
    if markers.iter().any(|m| m.subtype == Subtype::Loaded) {
        let reported = speakers::reported_speech(block.text, block.words, &quoted, &ranges);
        markers.retain(|m| m.subtype != Subtype::Loaded || !quotes::is_inside(&reported, &m.range));
    }
    crate::sort::by_key(&mut markers, |m| (m.range.start, 0));

    let mut found = BlockFindings::default();
    let context = |range: &Range<usize>| SentenceContext {
        text: block.text,
        words: within(block.words, range),
        range: range.clone(),
        quoted: &quoted,
        links: block.links,
        previous: None,
    };
    // Each sentence's own sourcing first, then the quotations' speakers, who may be
    // named in a later sentence.
    let before = previous.clone();
    let mut sourcing: Vec<Option<Sourcing>> = Vec::with_capacity(ranges.len());
    for range in &ranges {
        let own = sourcing::classify(&SentenceContext {
            previous: previous.as_ref(),
            ..context(range)
        });
        *previous = own.clone();
        sourcing.push(own);
    }
    let around = speakers::Around {
        before: before.as_ref(),
        after,
    };
    found.quotation_open = speakers::attribute_quotations(
        block.text,
        &ranges,
        block.words,
        &quoted,
        &mut sourcing,
        around,
    );
    found.opening_speaker = speakers::opening_speaker(&ranges, block.words, &quoted, &sourcing);
    let mut in_scope = before;
    for (range, sourcing) in ranges.iter().zip(sourcing) {
        let own = sentence(&context(range), sourcing, &markers, &mut found);
        let words = within(block.words, range);
        in_scope = speakers::carried(block.text, range, words, &quoted, own, in_scope.as_ref());
    }
    *previous = in_scope;
    // Markers first, so a sentence mark with the same range sorts after them.
    let sentence_marks = std::mem::replace(&mut found.marks, markers);
    found.marks.extend(sentence_marks);
    crate::sort::by_key(&mut found.marks, |m| (m.range.start, m.range.end));
    found
}

/// The sentence rules on one sentence, given its sourcing ([`sourcing::classify`], or its
/// quotation's speaker's: [`speakers::attribute_quotations`]) and the block's opinion
/// markers (`markers`, in text order). Adds to `found` and returns the sentence's sourcing
/// for the next one.
fn sentence(
    cx: &SentenceContext,
    sourcing: Option<Sourcing>,
    markers: &[Mark],
    found: &mut BlockFindings,
) -> Option<Sourcing> {
    let first_mark = found.marks.len();
    for rule in RULES {
        if let Find::Sentence(find) = rule.find {
            found.marks.extend(find(cx, sourcing.as_ref()));
        }
    }
    let question = found.marks[first_mark..]
        .iter()
        .any(|m| m.subtype == Subtype::RhetoricalQuestion);
    let range = cx.range.clone();
    let inside = |r: &Range<usize>| range.start <= r.start && r.end <= range.end;
    let first = markers.partition_point(|m| m.range.start < range.start);
    let mine: Vec<&Mark> = markers[first..]
        .iter()
        .take_while(|m| m.range.start < range.end)
        .filter(|m| inside(&m.range))
        .collect();
    let quoted = quotes::within(cx.quoted, &range);
    let has = |kinds: &[Subtype]| mine.iter().any(|m| kinds.contains(&m.subtype));
    let speculative = has(&[Subtype::Hedge, Subtype::Speculation]);
    found.sentences.push(Sentence {
        facts: SentenceFacts {
            sourcing: sourcing.as_ref().map(|s| s.subtype),
            markers: mine.iter().map(|m| m.subtype).collect(),
            quoted_bytes: quoted.iter().map(|q| q.len()).sum(),
            has_quote: !quoted.is_empty(),
        },
        question,
        speculative,
        writer_voice: question || speculative || has(&[Subtype::Booster, Subtype::Stance]),
        range,
    });
    sourcing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn block_of(text: &str, previous: &mut Option<Sourcing>) -> BlockFindings {
        let words = words(text);
        let input = BlockText {
            text,
            words: &words,
            links: &[],
            sentences: Sentences::Split,
        };
        block(&input, previous)
    }

    #[test]
    fn attribution_carries_into_the_next_paragraph() {
        let mut previous = None;
        block_of(
            "According to Reuters, the talks collapsed on Friday night.",
            &mut previous,
        );
        let next = block_of(
            "He added that the talks could resume next week.",
            &mut previous,
        );
        assert_eq!(
            next.sentences[0].facts.sourcing,
            Some(Subtype::AttributedNamed)
        );
    }
}
