//! What the analysis says about a page: categories, subtypes and findings.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::model::Block;
use crate::offsets::SegmentRange;

/// The three things newslens shows a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A word, phrase or sentence that expresses the writer's opinion.
    Opinion,
    /// A sentence that asserts something, with how (or whether) it is sourced.
    Claim,
    /// A section about the author: bio, affiliations, interests.
    Disclosure,
}

/// What kind of opinion marker, sourcing or disclosure a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Subtype {
    Hedge,
    Booster,
    Stance,
    Loaded,
    Speculation,
    RhetoricalQuestion,
    ScareQuote,
    AttributedNamed,
    AttributedAnonymous,
    Vague,
    Unattributed,
    AuthorBio,
    DisclosureStatement,
    Sponsorship,
}

impl Subtype {
    /// Every subtype, opinion markers first, then claims, then disclosures.
    pub const ALL: [Subtype; 14] = [
        Subtype::Hedge,
        Subtype::Booster,
        Subtype::Stance,
        Subtype::Loaded,
        Subtype::Speculation,
        Subtype::RhetoricalQuestion,
        Subtype::ScareQuote,
        Subtype::AttributedNamed,
        Subtype::AttributedAnonymous,
        Subtype::Vague,
        Subtype::Unattributed,
        Subtype::AuthorBio,
        Subtype::DisclosureStatement,
        Subtype::Sponsorship,
    ];

    pub fn category(self) -> Category {
        use Subtype::*;
        match self {
            Hedge | Booster | Stance | Loaded | Speculation | RhetoricalQuestion | ScareQuote => {
                Category::Opinion
            }
            AttributedNamed | AttributedAnonymous | Vague | Unattributed => Category::Claim,
            AuthorBio | DisclosureStatement | Sponsorship => Category::Disclosure,
        }
    }

    /// How often a finding of this kind is right, roughly: compared with the reader's
    /// sensitivity (a finding shows when `confidence >= 1 - sensitivity`). The order
    /// follows the precision measured by `newslens eval`: fixed first-person and
    /// speculation phrases are almost always opinion, single loaded words often are not.
    pub fn confidence(self) -> f32 {
        use Subtype::*;
        match self {
            Stance | AttributedNamed | AuthorBio | DisclosureStatement | Sponsorship => 0.9,
            Speculation | AttributedAnonymous => 0.85,
            Booster | Hedge => 0.75,
            RhetoricalQuestion | Vague => 0.7,
            ScareQuote | Unattributed => 0.6,
            Loaded => 0.55,
        }
    }

    /// The one-line explanation a reader sees for this kind of finding.
    pub fn explanation(self) -> &'static str {
        use Subtype::*;
        match self {
            Hedge => "Hedge: the writer signals uncertainty rather than stating a fact.",
            Booster => "Booster: the writer presents a view as certain or beyond question.",
            Stance => "First-person stance: the writer states their own view.",
            Loaded => "Loaded word: evaluative language that carries a judgement.",
            Speculation => "Speculation: the writer guesses at what someone else feels or thinks.",
            RhetoricalQuestion => "Rhetorical question: a question asked to make a point, not to get an answer.",
            ScareQuote => "Scare quotes: quotation marks around a word to cast doubt on it, not to quote anyone.",
            AttributedNamed => "Sourced claim: a named source is given.",
            AttributedAnonymous => "Anonymously sourced claim: the source is specific but unnamed.",
            Vague => "Vaguely sourced claim: an unnamed many stands in for a source.",
            Unattributed => "Unsourced claim: no source, quote or link backs this statement.",
            AuthorBio => "Author disclosure: who the writer is and whom they work for.",
            DisclosureStatement => "Disclosure statement: the writer's interests or the standing of their views.",
            Sponsorship => "Sponsorship note: someone paid for or partnered on this content.",
        }
    }
}

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
/// In JSON the ranges are one `span` (see [`crate::offsets::serialize_span`]): a sentence
/// over a dozen links is four numbers rather than a dozen ranges (a long page's analysis
/// 2 MB → 1.1 MB to send and read).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub block: u32,
    pub category: Category,
    pub subtype: Subtype,
    pub cue: String,
    #[serde(rename = "span", serialize_with = "crate::offsets::serialize_span")]
    pub ranges: Vec<SegmentRange>,
    /// For a sourcing finding, the probability that its sentence is a check-worthy claim
    /// (what the reader's card says of it); absent on other findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<f32>,
}

impl Finding {
    /// The text this finding covers in `block` (the block it was found in).
    pub fn text_in(&self, block: &Block) -> String {
        crate::offsets::text_of(&block.segments, &self.ranges)
    }
}
