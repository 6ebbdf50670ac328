//! The learned tier's refinement of an instant analysis (issue 20).
//!
//! The instant tier (word lists and linear models, [`crate::pipeline`]) marks a page at
//! once; a small transformer then reads each article sentence with the one before it and
//! scores it (the `newslens-learned` crate, natively or in its own wasm module: never in
//! this core, which takes plain scores). A [`Refiner`] holds what the instant analysis
//! found in each article block and turns the scores of some of its sentences into the
//! blocks' findings as the reader should now see them:
//!
//! - a word the model scores at or above its loaded threshold that no opinion mark covers
//!   is added (outside quotations, which are the speaker's words, as for the instant
//!   tier) when it is a word that can judge at all ([`judging_word`]); an instant
//!   loaded-word mark is kept whatever the model says, with its score on the card: the threshold is set for precision (recall 0.23 on PTC's held-out articles),
//!   so a low score is no evidence a word is not loaded — removing them took "wily",
//!   "weak" and "recklessness" off the seed column, words a careful reader marks;
//! - the model's claim probability replaces the instant check-worthiness in deciding
//!   which unsourced sentences are underlined (and is the figure the card gives),
//!   weighed for narration (a game's play, a product's specification) as the instant
//!   probability is (`claim::narration::weighed`);
//! - every finding of a scored sentence carries the sentence's learned opinion and claim
//!   probabilities and which tier made it ([`Learned`]).
//!
//! Sentences are scored in any order and any number at a time (the extension scores the
//! ones in the viewport first): each call returns the whole finding list of every block it
//! touched, so the DOM layer replaces a block's marks without tracking changes itself.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::catalogue::{Category, Subtype};
use crate::claim;
use crate::finding::{ClaimLabel, Finding, Learned, LearnedVerdict, Mark, OpinionLabel, Tier};
use crate::json::{self, FromJson, Reader};
use crate::options::{Options, Silenced};
use crate::text::offsets::{SegmentMap, SegmentRange};
use crate::text::Tags;

/// What the refinement needs of one article block, gathered by the pipeline as it
/// analyses the block (see `pipeline::analyze_learned`).
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) index: u32,
    pub(crate) text: String,
    pub(crate) map: SegmentMap,
    /// The block's quoted spans (bytes): the speaker's words, where the learned tier adds
    /// no loaded mark, as the instant tier marks none.
    pub(crate) quoted: Vec<Range<usize>>,
    pub(crate) sentences: Vec<Sentence>,
    /// The block's findings as the reader sees them, with their byte ranges.
    pub(crate) findings: Vec<Placed>,
}

/// A sentence of a block, and the sourcing mark the detectors found for it when the
/// reader's options would show it on a check-worthy claim (whether it is shown then
/// depends on the claim probability, which the learned tier replaces).
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub(crate) range: Range<usize>,
    pub(crate) sourcing: Option<Mark>,
    /// The narration the sentence is in its article (a game's play, a product's
    /// specification), whose claim probability counts less in either tier.
    pub(crate) narration: Option<claim::Narration>,
}

/// A finding with its byte range in its block's text.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub(crate) finding: Finding,
    pub(crate) range: Range<usize>,
}

/// The model's input for one sentence (see docs/learned.md: the sentence, and the
/// sentence before it in the article as its context, "" for the first).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Input<'a> {
    pub sentence: &'a str,
    pub context: &'a str,
}

/// The model's scores for one sentence, as its wasm module returns them: the sentence's
/// opinion and claim probabilities, and each word's loaded probability as
/// `[start, end, p]` offsets into the sentence (in the [`Units`] the caller says).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub opinion: f32,
    pub claim: f32,
    pub loaded: Vec<(usize, usize, f32)>,
}

/// What the offsets of [`Scores::loaded`] count: Unicode scalar values (the native API)
/// or UTF-16 code units (the wasm module's, as the page counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    Chars,
    Utf16,
}

/// The model's decision thresholds (its `config.json`), before the reader's sensitivity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub opinion: f32,
    pub claim: f32,
    pub loaded: f32,
}

impl FromJson for Scores {
    fn read(r: &mut Reader<'_>) -> Result<Scores, json::Error> {
        let (opinion, claim, loaded) = read_heads(r)?;
        Ok(Scores {
            opinion,
            claim,
            loaded,
        })
    }
}

impl FromJson for Thresholds {
    fn read(r: &mut Reader<'_>) -> Result<Thresholds, json::Error> {
        let (opinion, claim, loaded) = read_heads(r)?;
        Ok(Thresholds {
            opinion,
            claim,
            loaded,
        })
    }
}

/// The model's three heads, as both its scores and its thresholds name them: `opinion`
/// and `claim` (numbers) and `loaded` (a number, or each word's scores). All three are
/// required; unknown fields are skipped.
fn read_heads<L: FromJson>(r: &mut Reader<'_>) -> Result<(f32, f32, L), json::Error> {
    let (mut opinion, mut claim, mut loaded) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "opinion" => opinion = Some(r.read()?),
            "claim" => claim = Some(r.read()?),
            "loaded" => loaded = Some(r.read()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok((
        r.required(opinion, "opinion")?,
        r.required(claim, "claim")?,
        r.required(loaded, "loaded")?,
    ))
}

/// What the learned model said of one sentence, as the reader sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// The sentence's id (see [`Refiner::order`]).
    pub id: usize,
    pub block: u32,
    #[serde(
        rename = "span",
        serialize_with = "crate::text::offsets::serialize_span"
    )]
    pub ranges: Vec<SegmentRange>,
    pub learned: LearnedVerdict,
}

/// The findings of one block after a refinement: all of them, in text order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefinedBlock {
    pub block: u32,
    pub findings: Vec<Finding>,
}

/// What one call of [`Refiner::refine`] changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Refinement {
    /// Every block one of the scored sentences is in, with its findings now.
    pub blocks: Vec<RefinedBlock>,
    /// The scored sentences' learned verdicts.
    pub sentences: Vec<Verdict>,
    /// The explanation of each kind of finding the refinement added.
    pub explanations: BTreeMap<Subtype, String>,
    /// Marks removed and added by this call.
    pub removed: u32,
    pub added: u32,
    /// Sourcing findings the default view now leaves out on the whole page (see
    /// [`crate::Analysis::sourcing_left_out`]).
    pub sourcing_left_out: u32,
}

/// At most this many sentences of a page are scored by the learned tier. A long feature
/// has a few hundred; at 20–40 ms a sentence in the browser's background, a page of a
/// megabyte (ten thousand sentences) would keep a core busy for minutes. The rest keep
/// their instant marks, and their cards say so.
pub const MAX_REFINED: usize = 500;

/// The order to score a page's sentences in: `ids`, of which the `first` are those the
/// reader sees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Order {
    pub ids: Vec<usize>,
    pub first: usize,
}

/// An instant analysis's article sentences, waiting for (and taking) the learned
/// tier's scores.
#[derive(Debug)]
pub struct Refiner {
    blocks: Vec<Block>,
    /// (block in `blocks`, sentence in that block) of each sentence id, in document order.
    ids: Vec<(usize, usize)>,
    options: Options,
    silenced: Silenced,
    sourcing_left_out: u32,
}

impl Refiner {
    pub(crate) fn new(
        blocks: Vec<Block>,
        options: &Options,
        silenced: Silenced,
        sourcing_left_out: u32,
    ) -> Refiner {
        let ids = blocks
            .iter()
            .enumerate()
            .flat_map(|(b, block)| (0..block.sentences.len()).map(move |s| (b, s)))
            .collect();
        Refiner {
            blocks,
            ids,
            options: options.clone(),
            silenced,
            sourcing_left_out,
        }
    }

    /// How many sentences there are to score (ids `0..len`).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The model's input for sentence `id`, `None` if there is no such sentence.
    pub fn input(&self, id: usize) -> Option<Input<'_>> {
        let text = |id: usize| {
            let (b, s) = self.ids[id];
            let block = &self.blocks[b];
            &block.text[block.sentences[s].range.clone()]
        };
        (id < self.ids.len()).then(|| Input {
            sentence: text(id),
            context: id.checked_sub(1).map_or("", text),
        })
    }

    /// The sentence ids to score, at most [`MAX_REFINED`]: those in the blocks `first`
    /// (the ones the reader sees), then those after them (where the reader goes on), then
    /// those before, each group in document order.
    pub fn order(&self, first: &[u32]) -> Order {
        let seen = |id: &usize| first.contains(&self.blocks[self.ids[*id].0].index);
        let (mut ids, rest): (Vec<usize>, Vec<usize>) = (0..self.ids.len()).partition(seen);
        let first = ids.len().min(MAX_REFINED);
        let last_seen = ids.last().copied();
        let (after, before): (Vec<usize>, Vec<usize>) = rest
            .into_iter()
            .partition(|&id| last_seen.is_some_and(|l| id > l));
        ids.extend(after);
        ids.extend(before);
        ids.truncate(MAX_REFINED);
        Order { ids, first }
    }

    /// Applies the model's `scores` of the sentences `ids` (same order) at `thresholds`,
    /// loaded-word offsets counted in `units`. Ids out of range are skipped.
    pub fn refine(
        &mut self,
        ids: &[usize],
        scores: &[Scores],
        thresholds: Thresholds,
        units: Units,
    ) -> Refinement {
        let mut out = Refinement::default();
        let mut touched = Vec::new();
        for (&id, scores) in ids.iter().zip(scores) {
            let Some(&(b, s)) = self.ids.get(id) else {
                continue;
            };
            let verdict = self.refine_sentence(b, s, scores, thresholds, units, &mut out);
            out.sentences.push(Verdict { id, ..verdict });
            if !touched.contains(&b) {
                touched.push(b);
            }
        }
        crate::sort::by_key(&mut touched, |&b| (b, 0));
        out.blocks = touched
            .into_iter()
            .map(|b| {
                let block = &self.blocks[b];
                RefinedBlock {
                    block: block.index,
                    findings: block.findings.iter().map(|p| p.finding.clone()).collect(),
                }
            })
            .collect();
        out.sourcing_left_out = self.sourcing_left_out;
        out
    }

    /// Refines sentence `s` of block `b` (see the module's rules), counting what changed
    /// in `out`; returns its verdict (id 0: the caller knows it).
    fn refine_sentence(
        &mut self,
        b: usize,
        s: usize,
        scores: &Scores,
        thresholds: Thresholds,
        units: Units,
        out: &mut Refinement,
    ) -> Verdict {
        let claim_threshold = self.options.claim_threshold(thresholds.claim);
        let block = &mut self.blocks[b];
        let sentence = block.sentences[s].clone();
        // The learned claim probability, weighed for narration as the instant one is.
        let claim_p = claim::narration::weighed(scores.claim, sentence.narration);
        let check_worthy = claim_p >= claim_threshold;
        // The card's claim line of the sentence's sourcing, now from the learned probability.
        let claim_reason = Some(claim::explain(
            claim_p,
            claim_threshold,
            &block.text[sentence.range.clone()],
            sentence.narration,
        ));
        let words = words_in(&block.text, &sentence.range, &scores.loaded, units);
        let learned = |tier, p| Learned {
            tier,
            p,
            opinion: scores.opinion,
            claim: claim_p,
        };
        let inside =
            |r: &Range<usize>| sentence.range.start <= r.start && r.end <= sentence.range.end;
        let before = block.findings.len();
        let (mut had_sourcing, mut dropped_sourcing) = (false, false);
        let options = &self.options;
        block.findings.retain_mut(|placed| {
            if !inside(&placed.range) {
                return true;
            }
            let f = &mut placed.finding;
            // The tier that made the mark stays; a rescored sentence's learned mark stays learned.
            let tier = f.learned.map_or(Tier::Instant, |l| l.tier);
            if f.category == Category::Claim {
                had_sourcing = true;
                f.claim = Some(claim_p);
                f.claim_reason.clone_from(&claim_reason);
                f.learned = Some(learned(tier, Some(claim_p)));
                let shown = options.shows_sourcing(f.subtype, check_worthy);
                dropped_sourcing |= !shown;
                return shown;
            }
            if f.subtype != Subtype::Loaded {
                f.learned = Some(learned(tier, None));
                return true;
            }
            let p = words
                .iter()
                .filter(|w| overlap(&w.range, &placed.range))
                .map(|w| w.p)
                .reduce(f32::max);
            f.learned = Some(learned(tier, p));
            true
        });
        let removed = (before - block.findings.len()) as u32;
        self.sourcing_left_out += u32::from(dropped_sourcing);
        let mut added = Vec::new();
        // The sourcing the instant tier left out, now underlined on a check-worthy claim.
        if let Some(mark) = sentence.sourcing.as_ref().filter(|_| !had_sourcing) {
            if options.shows_sourcing(mark.subtype, check_worthy) {
                let mut finding = finding(block, mark, learned(Tier::Learned, Some(claim_p)));
                finding.claim = Some(claim_p);
                finding.claim_reason = claim_reason;
                added.push(Placed {
                    finding,
                    range: mark.range.clone(),
                });
                self.sourcing_left_out = self.sourcing_left_out.saturating_sub(1);
            }
        }
        // Loaded words the word lists missed.
        let shows_loaded = options.shows(Subtype::Loaded, Subtype::Loaded.confidence());
        for word in words
            .iter()
            .filter(|w| shows_loaded && w.p >= thresholds.loaded)
        {
            let overlaps = |r: &Range<usize>| overlap(r, &word.range);
            let marked = block
                .findings
                .iter()
                .any(|p| p.finding.category == Category::Opinion && overlaps(&p.range));
            let Some(range) = judging_word(&block.text, &word.range) else {
                continue;
            };
            if marked
                || block.quoted.iter().any(overlaps)
                || self.silenced.contains(&block.text[range.clone()])
            {
                continue;
            }
            let mark = Mark::new(&block.text, range.clone(), Subtype::Loaded);
            out.explanations
                .entry(Subtype::Loaded)
                .or_insert_with(|| Subtype::Loaded.explanation().to_string());
            added.push(Placed {
                finding: finding(block, &mark, learned(Tier::Learned, Some(word.p))),
                range,
            });
        }
        out.removed += removed;
        out.added += added.len() as u32;
        if !added.is_empty() {
            block.findings.extend(added);
            crate::sort::by_key(&mut block.findings, |p| (p.range.start, p.range.end));
        }
        let opinion_threshold = self.options.opinion_threshold(thresholds.opinion);
        Verdict {
            id: 0,
            block: block.index,
            ranges: block
                .map
                .to_segment_ranges(sentence.range.start, sentence.range.end),
            learned: LearnedVerdict {
                opinion: scores.opinion,
                opinion_label: OpinionLabel::at(scores.opinion, opinion_threshold),
                claim: claim_p,
                claim_label: ClaimLabel::at(claim_p, claim_threshold),
            },
        }
    }
}

/// A finding of `mark` in `block`, as the learned tier makes it.
fn finding(block: &Block, mark: &Mark, learned: Learned) -> Finding {
    Finding {
        block: block.index,
        category: mark.subtype.category(),
        subtype: mark.subtype,
        cue: mark.cue.clone(),
        ranges: block
            .map
            .to_segment_ranges(mark.range.start, mark.range.end),
        claim: None,
        claim_reason: None,
        learned: Some(learned),
    }
}

/// The word of `text[range]` (a word as the model groups pieces: "terrifying," with its
/// comma) that a sentiment list knows can carry a judgement (the loaded, evaluative,
/// unproven or praise words: Hu & Liu's lexicon), as a range of `text` without the
/// punctuation. The model was taught phrases (PTC marks "hurling rocks through windows"),
/// so it also scores high the words around the one that judges: "in", "windows",
/// "carvings" on the pages read; whether the listed word judges here is the model's call.
fn judging_word(text: &str, range: &Range<usize>) -> Option<Range<usize>> {
    const JUDGING: Tags = Tags::LOADED
        .with(Tags::EVALUATIVE)
        .with(Tags::UNPROVEN)
        .with(Tags::PRAISE);
    crate::text::words(&text[range.clone()])
        .into_iter()
        .find(|w| w.tags.has(JUDGING))
        .map(|w| range.start + w.start..range.start + w.end)
}

/// Whether two byte ranges share a byte.
fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A scored word, as a byte range of its block's text.
struct Word {
    range: Range<usize>,
    p: f32,
}

/// The `loaded` word scores of the sentence at `sentence` in `text` as byte ranges of
/// `text`; offsets past the sentence's end are clamped to it, empty words dropped.
fn words_in(
    text: &str,
    sentence: &Range<usize>,
    loaded: &[(usize, usize, f32)],
    units: Units,
) -> Vec<Word> {
    let s = &text[sentence.clone()];
    // The byte offset of each count of `units` that starts a char, and the end.
    let mut bytes: Vec<(usize, usize)> = Vec::with_capacity(s.len() + 1);
    let mut at = 0;
    for (byte, c) in s.char_indices() {
        bytes.push((at, byte));
        at += match units {
            Units::Chars => 1,
            Units::Utf16 => c.len_utf16(),
        };
    }
    bytes.push((at, s.len()));
    // The byte offset of the char boundary at or before `offset`.
    let byte_at = |offset: usize| {
        let i = bytes.partition_point(|&(o, _)| o <= offset);
        bytes[i.saturating_sub(1)].1
    };
    loaded
        .iter()
        .map(|&(start, end, p)| Word {
            range: sentence.start + byte_at(start)..sentence.start + byte_at(end),
            p,
        })
        .filter(|w| w.range.start < w.range.end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::model::Page;

    /// The learned module's output as it comes (JS numbers, unknown fields skipped), read
    /// into every field (literals without `..`: a new field must be added here).
    #[test]
    fn reads_scores_and_thresholds() {
        let scores: Vec<Scores> = json::from_str(
            r#"[{"opinion": 0.25, "claim": 0.5, "loaded": [[0, 4, 0.75], [5, 9, 1e-3]], "extra": 1}]"#,
        )
        .unwrap();
        let expected = Scores {
            opinion: 0.25,
            claim: 0.5,
            loaded: vec![(0, 4, 0.75), (5, 9, 0.001)],
        };
        assert_eq!(scores, [expected]);
        let thresholds: Thresholds =
            json::from_str(r#"{"opinion": 0.5, "claim": 0.625, "loaded": 0.875}"#).unwrap();
        let expected = Thresholds {
            opinion: 0.5,
            claim: 0.625,
            loaded: 0.875,
        };
        assert_eq!(thresholds, expected);
        let error = json::from_str::<Thresholds>(r#"{"opinion": 0.5}"#).unwrap_err();
        assert_eq!(error.to_string(), "expected field `claim` at byte 16");
    }

    fn page(texts: &[&str]) -> Page {
        Page::of_paragraphs(texts)
    }

    #[test]
    fn the_blocks_the_reader_sees_come_first_and_each_sentence_has_the_one_before_as_context() {
        let page = page(&[
            "The council met on Tuesday. It approved the budget.",
            "The mayor spoke on Wednesday.",
            "The library closes on Friday.",
        ]);
        let (_, refiner) = crate::analyze_learned(&page, &Options::default());
        assert_eq!(refiner.len(), 4);
        let order = refiner.order(&[2, 1]);
        assert_eq!((order.ids, order.first), (vec![2, 3, 0, 1], 2));
        // The sentences after the ones in view come before those above them.
        let order = refiner.order(&[1]);
        assert_eq!((order.ids, order.first), (vec![2, 3, 0, 1], 1));
        let input = refiner.input(2).expect("sentence 2");
        assert_eq!(input.sentence, "The mayor spoke on Wednesday.");
        assert_eq!(input.context, "It approved the budget.");
        assert_eq!(refiner.input(0).expect("sentence 0").context, "");
        assert_eq!(refiner.input(4), None);
    }

    #[test]
    fn a_page_longer_than_the_cap_is_scored_from_what_the_reader_sees_on() {
        let paragraphs: Vec<String> = (0..MAX_REFINED + 100)
            .map(|i| format!("The council met on day {i} of the session."))
            .collect();
        let texts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let (_, refiner) = crate::analyze_learned(&page(&texts), &Options::default());
        assert_eq!(refiner.len(), MAX_REFINED + 100);
        let order = refiner.order(&[200]);
        assert_eq!(order.ids.len(), MAX_REFINED);
        assert_eq!(order.first, 1);
        // The sentence in view, then the rest of the page below it, then the top.
        assert_eq!(order.ids[..3], [200, 201, 202]);
        let below = MAX_REFINED + 100 - 200;
        assert_eq!(order.ids[below - 1], MAX_REFINED + 99);
        assert_eq!(
            order.ids[below..],
            (0..MAX_REFINED - below).collect::<Vec<_>>()[..]
        );
    }

    #[test]
    fn word_offsets_in_utf16_units_and_in_chars_land_on_the_same_bytes() {
        let text = "Émigrés 😀 rallied";
        let sentence = 0..text.len();
        // "rallied": chars 10..17, UTF-16 units 11..18 (the emoji is a surrogate pair).
        let chars = words_in(text, &sentence, &[(10, 17, 0.9)], Units::Chars);
        let units = words_in(text, &sentence, &[(11, 18, 0.9)], Units::Utf16);
        assert_eq!(&text[chars[0].range.clone()], "rallied");
        assert_eq!(chars[0].range, units[0].range);
    }
}
