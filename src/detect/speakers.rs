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
/// quotes or introduces them ("He said:"). `around` are the speakers the paragraphs
/// before and after name (a quotation often runs on from the paragraph before, or opens
/// a paragraph and names its speaker only in the next: [`Around`]). Returns whether the
/// block ends in a quotation still without a speaker, for the next paragraph to name.
pub fn attribute_quotations(
    text: &str,
    sentences: &[Range<usize>],
    words: &[Word],
    quoted: &[Range<usize>],
    sourcing: &mut [Option<Sourcing>],
    around: Around,
) -> bool {
    let uncued = |s: &Sourcing| Sourcing {
        subtype: s.subtype,
        cue: None,
    };
    let mut ends_open = false;
    let bare = |j: usize| bare_attribution(within(words, &sentences[j]), quoted);
    // "“…,” Mayer said." and "“Amazing,” Davis said." name their own speaker: they close a
    // run, they are not in one.
    let speech_only: Vec<bool> = sentences
        .iter()
        .zip(sourcing.iter())
        .enumerate()
        .map(|(j, (s, own))| {
            is_speech_only(within(words, s), quoted, s)
                && !own.as_ref().is_some_and(is_attributed)
                && bare(j).is_none()
        })
        .collect();
    let quotes_in = |s: &Range<usize>| quotes::overlaps(quoted, s);
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
            .and_then(|_| sourcing[end].clone().filter(is_attributed))
            .or_else(|| (end < sentences.len()).then(|| bare(end)).flatten());
        let opening = match i.checked_sub(1) {
            // The sentence before quotes, introduces ("He said:") or reports the speaker
            // ("The tuft cell, Herbert said, is…"); or it is narration about them ("And
            // yet he couldn't find her.").
            Some(p) => {
                let own = sourcing[p].clone().filter(is_attributed);
                let introduces = quotes_in(&sentences[p])
                    || text[sentences[p].clone()].trim_end().ends_with(':')
                    || own.as_ref().is_some_and(|s| reports_speech(text, s));
                // The source it passes on may be named in the paragraph before.
                let narrated = || {
                    let before = p
                        .checked_sub(1)
                        .map_or(around.before, |b| sourcing[b].as_ref());
                    let sentence = within(words, &sentences[p]);
                    carried(
                        text,
                        &sentences[p],
                        sentence,
                        quoted,
                        sourcing[p].clone(),
                        before,
                    )
                    .filter(|s| own.is_none() && is_attributed(s))
                    .map(|s| uncued(&s))
                };
                own.clone()
                    .filter(|_| introduces)
                    .or_else(|| bare(p))
                    .or_else(narrated)
            }
            // The cue is in the paragraph before: its words are not this block's.
            None => around.before.filter(|s| is_attributed(s)).map(uncued),
        };
        // The last run, left without a speaker here, is the next paragraph's speaker's.
        let next = (end == sentences.len())
            .then(|| around.after.filter(|s| is_attributed(s)).map(uncued))
            .flatten();
        match closing.or(opening).or(next) {
            Some(speaker) => {
                for s in &mut sourcing[i..end] {
                    if s.as_ref()
                        .is_some_and(|s| s.subtype == Subtype::Unattributed)
                    {
                        *s = Some(speaker.clone());
                    }
                }
            }
            None => ends_open = end == sentences.len(),
        }
        i = end;
    }
    ends_open
}

/// The speakers named around a block: `before` is the source of the sentence before it
/// (see [`carried`]), `after` the speaker the next paragraph names as it opens
/// ([`opening_speaker`]), for a quotation this block leaves without one.
#[derive(Clone, Copy, Default)]
pub struct Around<'a> {
    pub before: Option<&'a Sourcing>,
    pub after: Option<&'a Sourcing>,
}

/// The speaker a block names as it opens, for a quotation the paragraph before left
/// without one (news style: "“…” ¶ “…,” said X." or "“…” ¶ X said."): the source of its
/// first sentence, when that sentence quotes or only says who spoke. `sourcing` is the
/// block's, after [`attribute_quotations`].
pub fn opening_speaker(
    sentences: &[Range<usize>],
    words: &[Word],
    quoted: &[Range<usize>],
    sourcing: &[Option<Sourcing>],
) -> Option<Sourcing> {
    let first = sentences.first()?;
    let speaks =
        quotes::overlaps(quoted, first) || bare_attribution(within(words, first), quoted).is_some();
    sourcing
        .first()?
        .clone()
        .filter(|s| speaks && is_attributed(s))
        .map(|s| Sourcing {
            subtype: s.subtype,
            cue: None,
        })
}

/// The source the next block's sentences continue, given this block's last sentence
/// (`last`, its words and its `sourcing`) and the source before it (`before`). Usually
/// the last sentence's own, but two kinds of line pass the speaker on:
/// - narration about the person just quoted or named, by a pronoun subject ("However, he
///   defended his decision."): a quotation that follows with no speaker of its own is
///   that person's;
/// - a line with no closing stop and no quotation (a caption between paragraphs, "Hori
///   Parata at his farm"): it says nothing about who speaks next.
pub fn carried(
    text: &str,
    last: &Range<usize>,
    words: &[Word],
    quoted: &[Range<usize>],
    sourcing: Option<Sourcing>,
    before: Option<&Sourcing>,
) -> Option<Sourcing> {
    let unattributed = sourcing
        .as_ref()
        .is_none_or(|s| s.subtype == Subtype::Unattributed);
    let quotes = quotes::overlaps(quoted, last);
    if !unattributed || quotes {
        return sourcing;
    }
    let closed = text[last.clone()]
        .trim_end_matches(['"', '”', '’', '\'', ')', ' ', '\n'])
        .ends_with(['.', '!', '?', ';']);
    if !closed {
        return before.cloned();
    }
    if pronoun_subject(text, words) {
        let subtype = match before.map(|b| b.subtype) {
            Some(Subtype::AttributedAnonymous) => Subtype::AttributedAnonymous,
            _ => Subtype::AttributedNamed,
        };
        return Some(Sourcing { subtype, cue: None });
    }
    sourcing
}

/// Whether a sentence's subject is "he" or "she" (a person the text already named): its
/// first word after any connectives ("And yet he…"), or the first after an opening phrase
/// set off by a comma ("However, he…", "On Friday, she…").
fn pronoun_subject(text: &str, words: &[Word]) -> bool {
    let person = |w: &Word| w.is("he") || w.is("she");
    let first = words
        .iter()
        .find(|w| !LEADING_CONNECTIVES.iter().any(|c| w.is(c)));
    let opening = words
        .windows(2)
        .take(MAX_OPENING_PHRASE_WORDS)
        .find(|w| text[w[0].end..w[1].start].contains(','))
        .map(|w| &w[1]);
    first.is_some_and(person) || opening.is_some_and(person)
}

/// Words that may open a sentence before its subject without a comma ("And yet he…").
const LEADING_CONNECTIVES: &[&str] = &["and", "but", "yet", "so", "then", "still", "now"];

/// "However, he…", "On Friday night, she…": at most this many words open a sentence
/// before its subject.
const MAX_OPENING_PHRASE_WORDS: usize = 4;

/// At most this many words make a sentence that only says who spoke ("Holmes testified.",
/// "the minister added.").
const MAX_BARE_ATTRIBUTION_WORDS: usize = 4;

/// A sentence whose words outside quotation marks only say who spoke: one left alone
/// when a quotation ending in "?" or "!" closes the sentence before it ("“…investigation?”
/// Holmes testified. “…”"), or a quotation too short to make a claim ("“Amazing,” Davis
/// said."). It attributes the quotations on both sides of it.
fn bare_attribution(words: &[Word], quoted: &[Range<usize>]) -> Option<Sourcing> {
    let words: Vec<Word> = words
        .iter()
        .filter(|w| !quotes::is_inside(quoted, &w.range()))
        .copied()
        .collect();
    if words.is_empty() || words.len() > MAX_BARE_ATTRIBUTION_WORDS {
        return None;
    }
    let verb = words
        .iter()
        .position(|w| w.tags.has(Tags::REPORTING_VERB) && !w.is_capitalized())?;
    let speaker = if verb > 0 { &words[0] } else { words.get(1)? };
    let names =
        speaker.is_capitalized() || ["the", "he", "she", "they"].iter().any(|p| speaker.is(p));
    names.then(|| Sourcing {
        subtype: Subtype::AttributedNamed,
        cue: Some(words[0].start..words[words.len() - 1].end),
    })
}

/// A source given by a speech verb ("Herbert said", "said Lopes"), not by a document or a
/// link: the speaker of a quotation that follows.
fn reports_speech(text: &str, s: &Sourcing) -> bool {
    s.cue.clone().is_some_and(|cue| {
        text[cue]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| SPEECH_VERBS.contains(&w))
    })
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
    quotes::overlaps(quoted, s)
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

    fn sourcing_of_block(text: &str) -> Vec<Option<Subtype>> {
        let words = words(text);
        let input = crate::detect::context::BlockText {
            text,
            words: &words,
            links: &[],
            sentences: crate::detect::context::Sentences::Split,
        };
        crate::detect::block(&input, &mut None)
            .sentences
            .iter()
            .map(|s| s.facts.sourcing)
            .collect()
    }

    #[test]
    fn a_sentence_that_only_names_the_speaker_attributes_the_quotations_around_it() {
        let found = sourcing_of_block(
            "“Did the harbour master know about the leak?” Jensen testified. “He knew it in March, and he told the board nothing about the cracks.”",
        );
        assert_eq!(found.last(), Some(&Some(Subtype::AttributedNamed)));
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
