//! Sentence-level reports: what `newslens sentences` prints for each input line, and what
//! a page analysis says about each of its sentences.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Category, Subtype};
use crate::claim;
use crate::detect::{self, context::BlockText};
pub use crate::finding::{
    ClaimLabel, Learned, LearnedVerdict, OpinionLabel, SentenceFinding, SourcingLabel, Tier,
};
use crate::opinion::Model;
use crate::page::model::Block;
use crate::page::model::Page;
use crate::pipeline::Analysis;
use crate::text::offsets::{BlockUnits, UnitIndex};
use crate::text::words;

/// A marker inside a sentence, with offsets in Unicode code points of the sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkerReport {
    pub category: Category,
    pub subtype: Subtype,
    pub cue: String,
    pub explanation: String,
    pub start: usize,
    pub end: usize,
    /// What the learned tier said of it, once it has read its sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learned: Option<Learned>,
}

/// Everything newslens says about one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceReport {
    pub text: String,
    pub opinion: f32,
    pub opinion_label: OpinionLabel,
    pub claim: f32,
    pub claim_label: ClaimLabel,
    /// What in the sentence a reader could check, in words ([`claim::reasons`]).
    pub claim_reasons: Vec<String>,
    pub sourcing: SourcingLabel,
    pub markers: Vec<MarkerReport>,
    /// The learned tier's verdicts, once it has read the sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learned: Option<LearnedVerdict>,
}

/// [`claim::reasons::of`] in words.
fn claim_reasons(sentence: &str) -> Vec<String> {
    claim::reasons::of(sentence)
        .into_iter()
        .map(|r| r.words().to_string())
        .collect()
}

/// Analyses `text` as one sentence, with no surrounding context.
pub fn sentence_report(text: &str) -> SentenceReport {
    let words = words(text);
    let block = BlockText::sentence(text, &words);
    let found = detect::block(&block, &mut None);
    let (model, claims) = (Model::shipped(), claim::model());
    let [opinion, claim] = Model::score([model, claims], &block, &found.sentences)
        .first()
        .copied()
        .unwrap_or_default();
    let claim = claim::in_context(claim, claim::Reading::of(text, &words), None);
    let sourcing = found.sentences.first().and_then(|s| s.facts.sourcing);
    let index = UnitIndex::new(text.chars());
    let code_points = |byte| index.floor(index.units_at(byte)).1;
    let markers: Vec<MarkerReport> = found
        .marks
        .into_iter()
        .filter(|m| m.subtype.category() == Category::Opinion)
        .map(|m| MarkerReport {
            category: Category::Opinion,
            subtype: m.subtype,
            explanation: m.subtype.explanation().to_string(),
            start: code_points(m.range.start),
            end: code_points(m.range.end),
            cue: m.cue,
            learned: None,
        })
        .collect();
    SentenceReport {
        text: text.to_string(),
        opinion,
        opinion_label: OpinionLabel::at(opinion, model.threshold),
        claim,
        claim_label: ClaimLabel::at(claim, claims.threshold),
        claim_reasons: claim_reasons(text),
        sourcing: sourcing.into(),
        markers,
        learned: None,
    }
}

/// Every analysed sentence of a page with its markers, offsets in code points of the
/// sentence (the `page` command's output).
pub fn page_sentences(page: &Page, analysis: &Analysis) -> Vec<SentenceReport> {
    let mut reports = Vec::with_capacity(analysis.sentences.len());
    // Sentences come block by block: each block's text and markers are indexed once.
    let mut current: Option<(u32, BlockMarkers)> = None;
    for s in &analysis.sentences {
        let Some(block) = page.blocks.get(s.block as usize) else {
            continue;
        };
        if current.as_ref().is_none_or(|(index, _)| *index != s.block) {
            current = Some((s.block, BlockMarkers::new(block, s.block, analysis)));
        }
        let (_, markers) = current.as_ref().expect("the sentence's block is indexed");
        reports.extend(markers.report(s));
    }
    reports
}

/// One block's text and opinion markers, ready to report sentence by sentence.
struct BlockMarkers<'a> {
    text: String,
    units: BlockUnits,
    index: UnitIndex,
    /// The block's opinion markers as (start, end) UTF-16 offsets in the block, sorted.
    markers: Vec<(u32, u32, &'a crate::Finding)>,
}

impl<'a> BlockMarkers<'a> {
    fn new(block: &Block, index: u32, analysis: &'a Analysis) -> Self {
        let text = block.text();
        let units = BlockUnits::new(&block.segments);
        // Findings come block by block in document order: this block's are a slice.
        let findings = &analysis.findings;
        let first = findings.partition_point(|f| f.block < index);
        let last = findings.partition_point(|f| f.block <= index);
        let mut markers: Vec<_> = findings[first..last]
            .iter()
            .filter(|f| f.category == Category::Opinion)
            .filter_map(|f| {
                let start = units.absolute(f.ranges.first()?, true);
                Some((start, units.absolute(f.ranges.last()?, false), f))
            })
            .collect();
        markers.sort_by_key(|&(start, end, _)| (start, end));
        BlockMarkers {
            index: UnitIndex::new(text.chars()),
            text,
            units,
            markers,
        }
    }

    /// The report of sentence `s` of this block, with the markers inside it.
    fn report(&self, s: &SentenceFinding) -> Option<SentenceReport> {
        let (start, end) = (
            self.units.absolute(s.ranges.first()?, true),
            self.units.absolute(s.ranges.last()?, false),
        );
        let (start_byte, start_chars) = self.index.floor(start);
        let chars = |units: u32| self.index.floor(units).1 - start_chars;
        let first = self
            .markers
            .partition_point(|&(m_start, ..)| m_start < start);
        let markers = self.markers[first..]
            .iter()
            .take_while(|&&(m_start, ..)| m_start <= end)
            .filter(|&&(_, m_end, _)| m_end <= end)
            .map(|&(m_start, m_end, f)| MarkerReport {
                category: f.category,
                subtype: f.subtype,
                cue: f.cue.clone(),
                explanation: f.subtype.explanation().to_string(),
                start: chars(m_start),
                end: chars(m_end),
                learned: f.learned,
            })
            .collect();
        let text = &self.text[start_byte..self.index.floor(end).0];
        Some(SentenceReport {
            text: text.to_string(),
            opinion: s.opinion,
            opinion_label: s.opinion_label,
            claim: s.claim,
            claim_label: s.claim_label,
            claim_reasons: claim_reasons(text),
            sourcing: s.sourcing,
            markers,
            learned: s.learned,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_markers_in_code_points() {
        let report = sentence_report("I don’t know if it’s probably true.");
        let cues: Vec<_> = report
            .markers
            .iter()
            .map(|m| (m.cue.as_str(), m.start, m.end))
            .collect();
        assert_eq!(cues, [("I don’t know if", 0, 15), ("probably", 21, 29)]);
        assert_eq!(report.sourcing, SourcingLabel::Unattributed);
    }

    #[test]
    fn questions_make_no_claim() {
        let report = sentence_report("What was he thinking when he offered that?");
        assert_eq!(report.sourcing, SourcingLabel::None);
        assert!(report
            .markers
            .iter()
            .any(|m| m.subtype == Subtype::RhetoricalQuestion));
    }
}
