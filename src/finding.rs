//! What the analysis says about a page: findings, each of a kind from [`crate::catalogue`],
//! and each sentence's verdicts.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::catalogue::kind::{Category, Subtype};

use crate::page::model::Block;
use crate::text::offsets::SegmentRange;

/// A finding inside one block, in byte offsets of the block text (core-internal).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub range: Range<usize>,
    pub subtype: Subtype,
    /// The words that triggered the finding (for claims: the source, if any).
    pub cue: String,
}

impl Mark {
    pub fn new(text: &str, range: Range<usize>, subtype: Subtype) -> Mark {
        Mark {
            cue: text[range.clone()].to_string(),
            range,
            subtype,
        }
    }
}

/// A finding as the DOM layer receives it: block, segment ranges in UTF-16 units. Its
/// explanation is [`Subtype::explanation`], sent once per kind in
/// [`crate::Analysis::explanations`] rather than with each of a long page's findings.
///
/// In JSON the ranges are one `span` (see [`crate::text::offsets::serialize_span`]): a sentence
/// over a dozen links is four numbers rather than a dozen ranges (a long page's analysis
/// 2 MB → 1.1 MB to send and read).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub block: u32,
    pub category: Category,
    pub subtype: Subtype,
    pub cue: String,
    #[serde(
        rename = "span",
        serialize_with = "crate::text::offsets::serialize_span"
    )]
    pub ranges: Vec<SegmentRange>,
    /// For a sourcing finding, the probability that its sentence is a check-worthy claim
    /// (what the reader's card says of it); absent on other findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<f32>,
    /// For a sourcing finding, why its sentence counts as a claim or not, in words: the
    /// verdict against the threshold and what a reader could check
    /// ([`crate::claim::explain`]); the card shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim_reason: Option<String>,
    /// What the learned tier said of the finding's sentence, once it has read it (see
    /// [`crate::refine`]); absent from an instant analysis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learned: Option<Learned>,
}

/// Which analysis tier made a mark: the instant one (word lists and linear models) or the
/// learned model (see [`crate::refine`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Instant,
    Learned,
}

/// The learned tier's word on a finding, so a reader's card can say which tier said what.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Learned {
    /// The tier that made the mark.
    pub tier: Tier,
    /// The learned model's probability for the mark itself: that a loaded word is loaded,
    /// that a sourcing mark's sentence is a check-worthy claim; absent on other marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<f32>,
    /// The learned probabilities that the finding's sentence is opinion, and a
    /// check-worthy claim.
    pub opinion: f32,
    pub claim: f32,
}

impl Finding {
    /// The text this finding covers in `block` (the block it was found in).
    pub fn text_in(&self, block: &Block) -> String {
        crate::text::offsets::text_of(&block.segments, &self.ranges)
    }
}

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
    pub fn at(probability: f32, threshold: f32) -> ClaimLabel {
        if probability >= threshold {
            ClaimLabel::CheckWorthy
        } else {
            ClaimLabel::Not
        }
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
    /// The learned tier's verdicts, once it has read the sentence (see [`crate::refine`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learned: Option<LearnedVerdict>,
}

/// The learned model's verdicts on a sentence, at its thresholds after the reader's
/// sensitivity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LearnedVerdict {
    pub opinion: f32,
    pub opinion_label: OpinionLabel,
    pub claim: f32,
    pub claim_label: ClaimLabel,
}

impl SentenceFinding {
    /// The sentence's text in `block` (the block it was found in).
    pub fn text_in(&self, block: &Block) -> String {
        crate::text::offsets::text_of(&block.segments, &self.ranges)
    }
}
