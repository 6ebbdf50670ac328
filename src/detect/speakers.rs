//! Who speaks each part of a block: the writer, or someone the writer reports.
//!
//! Text in quotation marks is the quoted speaker's ([`super::quotes`]). So is reported
//! speech without quotation marks ("He called the process a sham", "…, the minister said"):
//! a loaded word there is the speaker's, not the writer's. And every sentence of a
//! quotation belongs to its speaker, though only one of them names the speaker: "“…,” said
//! Mr. Reeves. “These guys are the worst.”" is Mr. Reeves's twice.

use std::ops::Range;

use super::context::Sourcing;
use super::quotes;
use crate::catalogue::kind::Subtype;
use crate::text::{within, Tags, Word};

/// At least this many words must follow a speech verb for them to be what was said
/// ("He called the process a sham"); fewer, and the words before it are ("…, he said").
const MIN_REPORTED_WORDS: usize = 3;
/// "…, the foreign minister said": at most this many words between the comma or closing
/// quote that ends the reported words and the speech verb.
const MAX_SPEAKER_WORDS: usize = 4;
/// The reporting verbs whose object is what someone said. Others report findings or
/// acts ("found", "showed", "described the scene"), which the writer words.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "called",
    "calls",
    "calling",
    "dubbed",
    "accused",
    "accuses",
    "accusing",
    "alleges",
    "claimed",
    "claims",
    "claiming",
    "argued",
    "argues",
    "arguing",
    "insisted",
    "insists",
    "insisting",
    "warned",
    "warns",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "declared",
    "declares",
    "added",
    "adds",
    "adding",
    "stated",
    "complained",
    "complains",
    "urged",
    "urges",
    "vowed",
    "vows",
];
/// Where the writer takes the sentence back from the speaker: "Uber claims that …, but
/// that's an unproven assumption". So does a participle after a comma ("…, referring to
/// the weak reaction").
const CLAUSE_ENDS: &[&str] = &[
    ", but ",
    ", yet ",
    ", while ",
    ", although ",
    ", though ",
    "; ",
    " — ",
    " – ",
];

/// The parts of `text` that report someone else's words without quoting them, one per
/// sentence at most: the clause after a speech verb ("called the process a sham"), the
/// words before an inverted one ("The plan is dead, the minister said"), or the clause
/// after "according to", in the block's `sentences`. The writer reporting themselves ("I
/// said") is not one.
pub fn reported_speech(
    text: &str,
    words: &[Word],
    quoted: &[Range<usize>],
    sentences: &[Range<usize>],
) -> Vec<Range<usize>> {
    sentences
        .iter()
        .filter_map(|sentence| reported_in(text, within(words, sentence), quoted, sentence))
        .collect()
}

fn reported_in(
    text: &str,
    words: &[Word],
    quoted: &[Range<usize>],
    sentence: &Range<usize>,
) -> Option<Range<usize>> {
    let outside = |w: &Word| !quotes::is_inside(quoted, &w.range());
    let clause_from = |start: usize| {
        let rest = &text[start..sentence.end];
        // A comma (inside a closing quote or not), then a word ending in "-ing".
        let participle = rest.match_indices(',').map(|(i, _)| i).find(|&i| {
            rest[i + 1..]
                .trim_start_matches(['”', '"', '’'])
                .strip_prefix(' ')
                .and_then(|after| after.split(|c: char| !c.is_alphanumeric()).next())
                .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
        });
        let end = CLAUSE_ENDS
            .iter()
            .filter_map(|c| rest.find(c))
            .chain(participle)
            .min()
            .map_or(sentence.end, |i| start + i);
        start..end
    };
    if let Some(at) = words
        .windows(2)
        .position(|w| w[0].is("according") && w[1].is("to") && outside(&w[0]))
    {
        return Some(clause_from(words[at].start));
    }
    let v = words.iter().position(|w| {
        w.tags.has(Tags::REPORTING_VERB)
            && !w.is_capitalized()
            && outside(w)
            && SPEECH_VERBS.iter().any(|s| w.is(s))
    })?;
    if v > 0 && words[v - 1].tags.has(Tags::FIRST_PERSON) {
        return None;
    }
    // "said Mr. Reeves, a senior fellow": the speaker follows, and what they said is before.
    let inverted = words.get(v + 1).is_some_and(Word::is_capitalized);
    if !inverted && words.len() - v > MIN_REPORTED_WORDS {
        return Some(clause_from(words[v].end));
    }
    // The reported words end at a comma or a closing quote just before the speaker.
    (v.saturating_sub(MAX_SPEAKER_WORDS).max(1)..=v)
        .rev()
        .find(|&j| text[words[j - 1].end..words[j].start].contains([',', '”', '"']))
        .map(|j| sentence.start..words[j - 1].end)
}

/// Gives each sentence that is only quotation, and found no source of its own, the
/// source of its quotation's speaker: the sentence that closes the quotation and names
/// them ("…,” said Mr. Reeves), or else the attributed sentence just before it that
/// quotes or introduces them ("He said:"). `before` is the source of the sentence before
/// the block (a quotation often runs on from the paragraph before).
pub fn attribute_quotations(
    text: &str,
    sentences: &[Range<usize>],
    words: &[Word],
    quoted: &[Range<usize>],
    sourcing: &mut [Option<Sourcing>],
    before: Option<&Sourcing>,
) {
    // "“…,” Mayer said." names its own speaker: it closes a run, it is not in one.
    let speech_only: Vec<bool> = sentences
        .iter()
        .zip(sourcing.iter())
        .map(|(s, own)| {
            is_speech_only(within(words, s), quoted, s) && !own.as_ref().is_some_and(is_attributed)
        })
        .collect();
    let quotes_in = |s: &Range<usize>| quoted.iter().any(|q| q.start < s.end && s.start < q.end);
    let mut i = 0;
    while i < sentences.len() {
        if !speech_only[i] {
            i += 1;
            continue;
        }
        // A run of sentences that are only quotation: i..end.
        let end = (i..sentences.len())
            .find(|&j| !speech_only[j])
            .unwrap_or(sentences.len());
        let closing = sentences
            .get(end)
            .filter(|s| quotes_in(s))
            .and_then(|_| sourcing[end].as_ref().filter(|s| is_attributed(s)));
        let opening = match i.checked_sub(1) {
            Some(p) => {
                let introduces = quotes_in(&sentences[p])
                    || text[sentences[p].clone()].trim_end().ends_with(':');
                sourcing[p]
                    .clone()
                    .filter(|s| introduces && is_attributed(s))
            }
            // The cue is in the paragraph before: its words are not this block's.
            None => before.filter(|s| is_attributed(s)).map(|s| Sourcing {
                subtype: s.subtype,
                cue: None,
            }),
        };
        if let Some(speaker) = closing.cloned().or(opening) {
            for s in &mut sourcing[i..end] {
                if s.as_ref()
                    .is_some_and(|s| s.subtype == Subtype::Unattributed)
                {
                    *s = Some(speaker.clone());
                }
            }
        }
        i = end;
    }
}

/// A source that names or describes who speaks.
fn is_attributed(s: &Sourcing) -> bool {
    matches!(
        s.subtype,
        Subtype::AttributedNamed | Subtype::AttributedAnonymous
    )
}

/// A sentence in quotation marks but for at most a word or two ("“We will go on.”",
/// "…leave.” Then:").
fn is_speech_only(words: &[Word], quoted: &[Range<usize>], s: &Range<usize>) -> bool {
    quoted.iter().any(|q| q.start < s.end && s.start < q.end)
        && words
            .iter()
            .filter(|w| !quotes::is_inside(quoted, &w.range()))
            .count()
            <= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{segment, words};

    fn reported(text: &str) -> Vec<&str> {
        let quoted = quotes::quoted_spans(text);
        reported_speech(text, &words(text), &quoted, &segment::sentences(text))
            .into_iter()
            .map(|r| text[r].trim())
            .collect()
    }

    #[test]
    fn words_after_a_reporting_verb_are_reported() {
        assert_eq!(
            reported("He called the process a sham on Monday."),
            ["the process a sham on Monday."]
        );
        assert_eq!(
            reported("The plan is a disaster, the minister said."),
            ["The plan is a disaster"]
        );
        assert!(reported("I said the plan was a disaster from the start.").is_empty());
        assert_eq!(
            reported("Uber claims its rating works, but that is an unproven idea."),
            ["its rating works"]
        );
        assert!(reported("The brutal regime fell in March.").is_empty());
    }
}
