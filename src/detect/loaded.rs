//! Loaded words: words that carry the writer's judgement wherever they stand
//! (`loaded.txt`, 6,000 words, looked up once per word as [`Tags::LOADED`]).

use crate::catalogue::Subtype;
use crate::detect::context::BlockText;
use crate::detect::reach::Reach;
use crate::finding::Mark;
use crate::text::Tags;

/// The loaded words of the block that no mark found before overlaps (a hedge or a
/// speculation already explains its words).
pub fn rule(block: &BlockText, before: &[Mark]) -> Vec<Mark> {
    let before = Reach::new(before);
    block
        .words
        .iter()
        .filter(|w| !before.overlaps(&w.range()))
        .filter(|w| w.tags.has(Tags::LOADED))
        .map(|w| Mark::new(block.text, w.range(), Subtype::Loaded))
        .collect()
}
