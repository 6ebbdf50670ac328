//! What a detector is: a [`Rule`], declared as `RULE` in its file in `rules/` (where
//! `build.rs` finds it) and run by [`crate::detect::block`] with the others, in order.

use crate::detect::context::{BlockText, SentenceContext, Sourcing};
use crate::finding::Mark;

/// A detector: how it reads the text and when it runs. The kinds it finds are declared
/// in its file, beside it (or in the file whose rule first found them: `conduct.rs` finds
/// loaded words too).
#[derive(Clone, Copy)]
pub struct Rule {
    pub find: Find,
    /// Rules run in ascending order (two never share one): it matters among word rules
    /// (see [`Find::Words`]), and among sentence rules it is the order of their marks on
    /// the same words.
    pub order: u8,
}

/// How a rule reads the text.
#[derive(Clone, Copy)]
pub enum Find {
    /// Reads the block's words, seeing the marks of the word rules that ran before it (a
    /// longer finding explains the words it covers). What it finds inside quotation marks
    /// is the quoted speaker's voice and is dropped.
    Words(fn(&BlockText, &[Mark]) -> Vec<Mark>),
    /// Reads one sentence in context, given the sentence's sourcing.
    Sentence(fn(&SentenceContext, Option<&Sourcing>) -> Vec<Mark>),
}
