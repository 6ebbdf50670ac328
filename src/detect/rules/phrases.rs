//! Hedges, boosters and first-person stance: phrases from the word lists
//! (`hedges.txt`, `boosters.txt`, `stance.txt`). On overlap the longest phrase wins, so
//! "very likely" is one hedge rather than "likely" alone.

use std::sync::OnceLock;

use crate::catalogue::Subtype;
use crate::detect::context::BlockText;
use crate::detect::reach::Reach;
use crate::finding::Mark;
use crate::text::lexicon;
use crate::text::phrases::PhraseMatcher;

fn matcher() -> &'static PhraseMatcher<Subtype> {
    static MATCHER: OnceLock<PhraseMatcher<Subtype>> = OnceLock::new();
    MATCHER.get_or_init(|| {
        PhraseMatcher::new(&[
            (Subtype::Stance, lexicon::STANCE),
            (Subtype::Booster, lexicon::BOOSTERS),
            (Subtype::Hedge, lexicon::HEDGES),
        ])
    })
}

/// The phrases of the block, but those inside a mark found before (speculation: "must be
/// surely furious" is one finding, not a booster inside it).
pub fn rule(block: &BlockText, before: &[Mark]) -> Vec<Mark> {
    let before = Reach::new(before);
    matcher()
        .find(block.text, block.words)
        .into_iter()
        .map(|m| Mark::new(block.text, m.start..m.end, m.tag))
        .filter(|m| !before.covers(&m.range))
        .collect()
}
