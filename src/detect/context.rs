//! What the detectors read: a block's text and words, and each of its sentences in
//! context. Shared by the rules, apart from the runner that registers them (so no rule
//! depends on the table that lists it).

use std::ops::Range;

use crate::catalogue::kind::Subtype;
use crate::text::Word;

/// One block's text as the detectors read it.
pub struct BlockText<'a> {
    pub text: &'a str,
    /// The words of `text` ([`crate::text::words`]): read once, by the detectors and by
    /// the opinion model after them.
    pub words: &'a [Word<'a>],
    /// Byte ranges of the block's hyperlinks.
    pub links: &'a [Range<usize>],
    /// How the block splits into sentences.
    pub sentences: Sentences,
}

/// How a block's text splits into sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentences {
    /// At sentence boundaries ([`crate::text::segment::sentences`]): article text.
    Split,
    /// Not at all: the text is one sentence on its own (the `sentences` command, training).
    Whole,
}

impl<'a> BlockText<'a> {
    /// `text` read as one sentence on its own, with no links.
    pub fn sentence(text: &'a str, words: &'a [Word<'a>]) -> BlockText<'a> {
        BlockText {
            text,
            words,
            links: &[],
            sentences: Sentences::Whole,
        }
    }
}

/// A sentence's sourcing and the words that show it (byte range of the block text).
#[derive(Debug, Clone, PartialEq)]
pub struct Sourcing {
    pub subtype: Subtype,
    pub cue: Option<Range<usize>>,
}

/// What a sentence rule reads: one sentence of a block, in context.
pub struct SentenceContext<'a> {
    /// The whole block text; `range` selects the sentence.
    pub text: &'a str,
    pub range: Range<usize>,
    /// The sentence's words (offsets in the block text).
    pub words: &'a [Word<'a>],
    pub quoted: &'a [Range<usize>],
    /// Byte ranges of hyperlinks in the block.
    pub links: &'a [Range<usize>],
    /// The sourcing of the sentence before, in reading order.
    pub previous: Option<&'a Sourcing>,
}
