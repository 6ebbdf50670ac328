//! Sentence-level reports: what `newslens sentences` prints for each input line, and what
//! a page analysis says about each of its sentences.

use serde::{Deserialize, Serialize};

use crate::analyze::{self, markers, quotes, sourcing::SentenceContext, BlockFindings};
use crate::finding::{Category, Subtype};
use crate::offsets::{code_points_before, utf16_to_chars, BlockUnits, SegmentRange};
use crate::opinion::Model;
use crate::text::words;

/// How a sentence is sourced, as named in every output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourcingLabel {
    AttributedNamed,
    AttributedAnonymous,
    Vague,
    Unattributed,
    /// The sentence makes no claim (a question, a fragment, a bio, boilerplate).
    None,
}

impl From<Option<Subtype>> for SourcingLabel {
    fn from(subtype: Option<Subtype>) -> SourcingLabel {
        match subtype {
            Some(Subtype::AttributedNamed) => SourcingLabel::AttributedNamed,
            Some(Subtype::AttributedAnonymous) => SourcingLabel::AttributedAnonymous,
            Some(Subtype::Vague) => SourcingLabel::Vague,
            Some(Subtype::Unattributed) => SourcingLabel::Unattributed,
            _ => SourcingLabel::None,
        }
    }
}

/// The sentence verdict at the shipped threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpinionLabel {
    Opinion,
    Fact,
}

impl OpinionLabel {
    /// The label at the shipped threshold.
    pub fn of(probability: f32) -> OpinionLabel {
        OpinionLabel::at(probability, Model::shipped().threshold)
    }

    pub fn at(probability: f32, threshold: f32) -> OpinionLabel {
        if probability >= threshold {
            OpinionLabel::Opinion
        } else {
            OpinionLabel::Fact
        }
    }
}

/// Whether a sentence is a factual claim worth checking, at the claim model's threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimLabel {
    CheckWorthy,
    Not,
}

impl ClaimLabel {
    /// The label at the shipped threshold.
    pub fn of(probability: f32) -> ClaimLabel {
        ClaimLabel::at(probability, crate::claim::model().threshold)
    }

    pub fn at(probability: f32, threshold: f32) -> ClaimLabel {
        if probability >= threshold {
            ClaimLabel::CheckWorthy
        } else {
            ClaimLabel::Not
        }
    }
}

/// A marker inside a sentence, with offsets in Unicode code points of the sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkerReport {
    pub category: Category,
    pub subtype: Subtype,
    pub cue: String,
    pub explanation: String,
    pub start: usize,
    pub end: usize,
}

/// Everything newslens says about one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceReport {
    pub text: String,
    pub opinion: f32,
    pub opinion_label: OpinionLabel,
    pub claim: f32,
    pub claim_label: ClaimLabel,
    pub sourcing: SourcingLabel,
    pub markers: Vec<MarkerReport>,
}

/// Analyses `text` as one sentence, with no surrounding context.
pub fn sentence_report(text: &str) -> SentenceReport {
    let quoted = quotes::quoted_spans(text);
    let words = words(text);
    let markers = markers::find(text, &words, &quoted);
    let mut found = BlockFindings {
        marks: markers.clone(),
        sentences: Vec::new(),
    };
    let cx = SentenceContext::whole(text, &words, &quoted);
    let sourcing = analyze::sentence(&cx, &markers, &mut found).map(|s| s.subtype);
    let (opinion, claim) = found
        .sentences
        .first()
        .map_or((0.0, 0.0), |s| (s.opinion, s.claim));
    let mut markers: Vec<MarkerReport> = found
        .marks
        .into_iter()
        .filter(|m| m.subtype.category() == Category::Opinion)
        .map(|m| MarkerReport {
            category: Category::Opinion,
            subtype: m.subtype,
            explanation: m.subtype.explanation().to_string(),
            start: code_points_before(text, m.range.start),
            end: code_points_before(text, m.range.end),
            cue: m.cue,
        })
        .collect();
    markers.sort_by_key(|m| (m.start, m.end));
    SentenceReport {
        text: text.to_string(),
        opinion,
        opinion_label: OpinionLabel::of(opinion),
        claim,
        claim_label: ClaimLabel::of(claim),
        sourcing: sourcing.into(),
        markers,
    }
}

/// A sentence of an analysed page: where it is and the sentence-level verdicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceFinding {
    pub block: u32,
    pub ranges: Vec<SegmentRange>,
    pub opinion: f32,
    pub opinion_label: OpinionLabel,
    pub claim: f32,
    pub claim_label: ClaimLabel,
    pub sourcing: SourcingLabel,
}

impl SentenceFinding {
    /// The sentence's text in `block` (the block it was found in).
    pub fn text_in(&self, block: &crate::model::Block) -> String {
        crate::offsets::text_of(&block.segments, &self.ranges)
    }
}

/// Every analysed sentence of a page with its markers, offsets in code points of the
/// sentence (the `page` command's output).
pub fn page_sentences(
    page: &crate::model::Page,
    analysis: &crate::Analysis,
) -> Vec<SentenceReport> {
    analysis
        .sentences
        .iter()
        .filter_map(|s| {
            let block = page.blocks.get(s.block as usize)?;
            let text = block.text();
            let units = BlockUnits::new(&block.segments);
            let (start, end) = (
                units.absolute(s.ranges.first()?, true),
                units.absolute(s.ranges.last()?, false),
            );
            // Findings come block by block in document order: this block's are a slice.
            let findings = &analysis.findings;
            let first = findings.partition_point(|f| f.block < s.block);
            let last = findings.partition_point(|f| f.block <= s.block);
            let markers = findings[first..last]
                .iter()
                .filter(|f| f.category == Category::Opinion)
                .filter_map(|f| {
                    let (m_start, m_end) = (
                        units.absolute(f.ranges.first()?, true),
                        units.absolute(f.ranges.last()?, false),
                    );
                    (start <= m_start && m_end <= end).then(|| MarkerReport {
                        category: f.category,
                        subtype: f.subtype,
                        cue: f.cue.clone(),
                        explanation: f.subtype.explanation().to_string(),
                        start: utf16_to_chars(&text, m_start) - utf16_to_chars(&text, start),
                        end: utf16_to_chars(&text, m_end) - utf16_to_chars(&text, start),
                    })
                })
                .collect();
            Some(SentenceReport {
                text: s.text_in(block),
                opinion: s.opinion,
                opinion_label: s.opinion_label,
                claim: s.claim,
                claim_label: s.claim_label,
                sourcing: s.sourcing,
                markers,
            })
        })
        .collect()
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
