//! Hedges, boosters and first-person stance: phrases from the word lists
//! (`hedges.txt`, `boosters.txt`, `stance.txt`). On overlap the longest phrase wins, so
//! "very likely" is one hedge rather than "likely" alone.

use std::sync::OnceLock;

use crate::catalogue::kind::{tint, Category, Kind, Line, Style, Subtype, Terminal};
use crate::detect::context::BlockText;
use crate::detect::reach::Reach;
use crate::detect::rule::{Find, Rule};
use crate::finding::Mark;
use crate::text::lexicon;
use crate::text::phrases::PhraseMatcher;

pub const RULE: Rule = Rule {
    find: Find::Words(rule),
    order: 20,
};

pub const HEDGE: Kind = Kind {
    id: "hedge",
    category: Category::Opinion,
    order: 10,
    label: "Hedge",
    explanation: "Hedge: the writer signals uncertainty rather than stating a fact.",
    default_on: true,
    confidence: 0.75,
    style: Style {
        line: Line::Dotted,
        colours: [
            tint("rgba(255, 213, 79, 0.45)", "#9a7400"),
            tint("rgba(255, 224, 130, 0.3)", "#ffe082"),
            tint("rgba(86,180,233, 0.3)", "#0072b2"),
            tint("rgba(86,180,233, 0.25)", "#56b4e9"),
        ],
        terminal: Terminal::Colour("33"),
    },
};

pub const BOOSTER: Kind = Kind {
    id: "booster",
    category: Category::Opinion,
    order: 20,
    label: "Booster",
    explanation: "Booster: the writer presents a view as certain or beyond question.",
    default_on: true,
    confidence: 0.75,
    style: Style {
        line: Line::Solid,
        colours: [
            tint("rgba(255, 152, 0, 0.35)", "#a65c00"),
            tint("rgba(255, 183, 77, 0.3)", "#ffb74d"),
            tint("rgba(230,159,0, 0.3)", "#a66f00"),
            tint("rgba(230,159,0, 0.25)", "#e69f00"),
        ],
        terminal: Terminal::Colour("35"),
    },
};

pub const STANCE: Kind = Kind {
    id: "stance",
    category: Category::Opinion,
    order: 30,
    label: "First-person stance",
    explanation: "First-person stance: the writer states their own view.",
    default_on: true,
    confidence: 0.9,
    style: Style {
        line: Line::Double,
        colours: [
            tint("rgba(186, 104, 200, 0.3)", "#7b1fa2"),
            tint("rgba(206, 147, 216, 0.3)", "#ce93d8"),
            tint("rgba(204,121,167, 0.3)", "#8e3f6c"),
            tint("rgba(204,121,167, 0.25)", "#cc79a7"),
        ],
        terminal: Terminal::Colour("36"),
    },
};

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
