//! Sentence-level reports: what `newslens sentences` prints for each input line, and what
//! a page analysis says about each of its sentences.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Category, Subtype};
use crate::claim;
use crate::detect::{self, context::BlockText};
pub use crate::finding::{ClaimLabel, OpinionLabel, SentenceFinding, SourcingLabel};
use crate::opinion::Model;
use crate::page::model::Page;
use crate::pipeline::Analysis;
use crate::text::offsets::{code_points_before, utf16_to_chars, BlockUnits};
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
    let words = words(text);
    let block = BlockText::sentence(text, &words);
    let found = detect::block(&block, &mut None);
    let (model, claims) = (Model::shipped(), claim::model());
    let [opinion, claim] = Model::score([model, claims], &block, &found.sentences)
        .first()
        .copied()
        .unwrap_or_default();
    let sourcing = found.sentences.first().and_then(|s| s.facts.sourcing);
    let markers: Vec<MarkerReport> = found
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
    SentenceReport {
        text: text.to_string(),
        opinion,
        opinion_label: OpinionLabel::at(opinion, model.threshold),
        claim,
        claim_label: ClaimLabel::at(claim, claims.threshold),
        sourcing: sourcing.into(),
        markers,
    }
}

/// Every analysed sentence of a page with its markers, offsets in code points of the
/// sentence (the `page` command's output).
pub fn page_sentences(page: &Page, analysis: &Analysis) -> Vec<SentenceReport> {
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
