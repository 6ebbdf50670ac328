//! The detectors, run over the text of one block at a time.

pub mod markers;
pub mod quotes;
pub mod sourcing;

use std::ops::Range;

use crate::claim;
use crate::finding::{Mark, Subtype};
use crate::opinion::{Model, SentenceFacts};
use crate::segment;
use crate::text::{within, words};
use sourcing::{SentenceContext, Sourcing};

/// Scare quotes are short: a word or a phrase of up to this many words.
const SCARE_QUOTE_MAX_WORDS: usize = 3;

/// One sentence of a block: where it is, how it is sourced, how likely it is opinion and
/// a check-worthy claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// `None` when the sentence makes no claim (a question, a fragment).
    pub sourcing: Option<Subtype>,
    /// Calibrated probability that the sentence is the writer's opinion (out of context).
    pub opinion: f32,
    /// Calibrated probability that the sentence is a check-worthy factual claim.
    pub claim: f32,
    /// The writer asks a question (not a quoted one).
    pub question: bool,
    /// The writer hedges or speculates (outside quotes).
    pub speculative: bool,
    /// The writer's own voice: a hedge, booster, stance, speculation or question.
    pub writer_voice: bool,
}

/// What the detectors find in one block of article text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockFindings {
    pub marks: Vec<Mark>,
    pub sentences: Vec<Sentence>,
}

/// Runs every detector on one block of article text.
///
/// `previous` carries the last sentence's sourcing across blocks, so "He added that…" at
/// the start of a paragraph continues the speaker of the paragraph before.
pub fn block(text: &str, links: &[Range<usize>], previous: &mut Option<Sourcing>) -> BlockFindings {
    let words = words(text);
    let quoted = quotes::quoted_spans(text);
    let markers = markers::find(text, &words, &quoted);
    let mut found = BlockFindings::default();
    for range in segment::sentences(text) {
        let cx = SentenceContext {
            text,
            words: within(&words, &range),
            range,
            quoted: &quoted,
            links,
            previous: previous.as_ref(),
        };
        *previous = sentence(&cx, &markers, &mut found);
    }
    // Markers first, so a sentence mark with the same range sorts after them.
    let sentence_marks = std::mem::replace(&mut found.marks, markers);
    found.marks.extend(sentence_marks);
    found.marks.sort_by_key(|m| (m.range.start, m.range.end));
    found
}

/// The sentence-level detectors: rhetorical question, scare quotes, sourcing, opinion
/// and claim probabilities. `markers` are the block's opinion markers ([`markers::find`], in text
/// order). Adds to `found` and returns the sentence's sourcing for the next one.
pub fn sentence(
    cx: &SentenceContext,
    markers: &[Mark],
    found: &mut BlockFindings,
) -> Option<Sourcing> {
    let (text, range) = (cx.text, cx.range.clone());
    let sourcing = sourcing::classify(cx);
    let question = is_question(text, &range, cx.quoted);
    if question {
        let mark = Mark::new(text, range.clone(), Subtype::RhetoricalQuestion);
        found.marks.push(mark);
    }
    let subtype = sourcing.as_ref().map(|s| s.subtype);
    let attributed = matches!(
        subtype,
        Some(Subtype::AttributedNamed | Subtype::AttributedAnonymous)
    );
    if !attributed {
        found.marks.extend(scare_quotes(text, &range, cx.quoted));
    }
    if let Some(s) = &sourcing {
        found.marks.push(Mark {
            range: range.clone(),
            subtype: s.subtype,
            cue: s
                .cue
                .clone()
                .map(|c| text[c].to_string())
                .unwrap_or_default(),
        });
    }
    let inside = |r: &Range<usize>| range.start <= r.start && r.end <= range.end;
    let first = markers.partition_point(|m| m.range.start < range.start);
    let mine: Vec<&Mark> = markers[first..]
        .iter()
        .take_while(|m| m.range.start < range.end)
        .filter(|m| inside(&m.range))
        .collect();
    let quoted: Vec<&Range<usize>> = cx.quoted.iter().filter(|q| inside(q)).collect();
    let facts = SentenceFacts {
        sourcing: subtype,
        markers: mine.iter().map(|m| m.subtype).collect(),
        quoted_bytes: quoted.iter().map(|q| q.len()).sum(),
        has_quote: !quoted.is_empty(),
    };
    let has = |kinds: &[Subtype]| mine.iter().any(|m| kinds.contains(&m.subtype));
    let speculative = has(&[Subtype::Hedge, Subtype::Speculation]);
    let [opinion, claim] = Model::probabilities(
        [Model::shipped(), claim::model()],
        &text[range.clone()],
        cx.words,
        &facts,
    );
    found.sentences.push(Sentence {
        opinion,
        claim,
        sourcing: subtype,
        question,
        speculative,
        writer_voice: question || speculative || has(&[Subtype::Booster, Subtype::Stance]),
        range,
    });
    sourcing
}

/// A sentence of the writer's that ends in a question mark (not a quoted question).
fn is_question(text: &str, sentence: &Range<usize>, quoted: &[Range<usize>]) -> bool {
    let body = text[sentence.clone()].trim_end_matches(['"', '”', '’', ')']);
    let mark = sentence.start + body.len();
    body.ends_with('?') && !quotes::is_inside(quoted, &(mark - 1..mark))
}

/// Short quoted words in the writer's own voice: "concerns", "accommodations".
/// A quote that starts with a capital or holds a whole clause is taken for real speech.
fn scare_quotes(text: &str, sentence: &Range<usize>, quoted: &[Range<usize>]) -> Vec<Mark> {
    quoted
        .iter()
        .filter(|q| sentence.start <= q.start && q.end <= sentence.end)
        .filter(|q| {
            let inner = &text[quotes::inner(text, q)];
            let n = words(inner).len();
            (1..=SCARE_QUOTE_MAX_WORDS).contains(&n)
                && inner.chars().next().is_some_and(char::is_lowercase)
                && !inner.contains(['.', '!', '?', ','])
        })
        .map(|q| Mark::new(text, q.clone(), Subtype::ScareQuote))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subtypes(text: &str) -> Vec<(String, Subtype)> {
        block(text, &[], &mut None)
            .marks
            .into_iter()
            .map(|m| (text[m.range].to_string(), m.subtype))
            .collect()
    }

    #[test]
    fn a_question_in_the_writers_voice_is_rhetorical() {
        let found = subtypes("Who could believe that? He asked “why?” of nobody in particular.");
        assert!(found.contains(&(
            "Who could believe that?".into(),
            Subtype::RhetoricalQuestion
        )));
        assert_eq!(
            found
                .iter()
                .filter(|f| f.1 == Subtype::RhetoricalQuestion)
                .count(),
            1
        );
    }

    #[test]
    fn short_unattributed_quotes_are_scare_quotes() {
        let found = subtypes("The regime calls this a “peace mission” to its neighbours.");
        assert!(found.contains(&("“peace mission”".into(), Subtype::ScareQuote)));
        let attributed = subtypes("The minister said it was a “peace mission” to its neighbours.");
        assert!(!attributed.iter().any(|f| f.1 == Subtype::ScareQuote));
    }

    #[test]
    fn attribution_carries_into_the_next_paragraph() {
        let mut previous = None;
        block(
            "According to Reuters, the talks collapsed on Friday night.",
            &[],
            &mut previous,
        );
        let next = block(
            "He added that the talks could resume next week.",
            &[],
            &mut previous,
        );
        assert_eq!(next.sentences[0].sourcing, Some(Subtype::AttributedNamed));
    }
}
