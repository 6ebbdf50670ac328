//! What the analysis says about a page: findings, each of a kind from [`crate::catalogue`].

use std::ops::Range;

use serde::Serialize;

use crate::catalogue::{Category, Subtype};

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
}

impl Finding {
    /// The text this finding covers in `block` (the block it was found in).
    pub fn text_in(&self, block: &Block) -> String {
        crate::text::offsets::text_of(&block.segments, &self.ranges)
    }
}
