//! Speculation about someone's inner state: "must have been ecstatic", "must be extremely
//! pleased" — a modal of inference followed (within two words) by an emotion or attitude
//! the writer cannot observe (`inner_states.txt`).

use crate::catalogue::kind::{tint, Category, Kind, Line, Style, Subtype, Terminal};
use crate::detect::context::BlockText;
use crate::detect::rule::Rule;
use crate::finding::Mark;
use crate::text::{Tags, Word};

pub const SPECULATION: Kind = Kind {
    id: "speculation",
    category: Category::Opinion,
    order: 50,
    label: "Speculation",
    explanation: "Speculation: the writer guesses at what someone else feels or thinks.",
    default_on: true,
    confidence: 0.85,
    style: Style {
        line: Line::Dashed,
        colours: [
            tint("rgba(171, 71, 188, 0.28)", "#6a1b9a"),
            tint("rgba(186, 104, 200, 0.3)", "#e1bee7"),
            tint("rgba(204,121,167, 0.3)", "#8e3f6c"),
            tint("rgba(204,121,167, 0.25)", "#e3a9c9"),
        ],
        terminal: Terminal::Colour("35"),
    },
};

/// The modals of inference that lead a speculation, as words.
const LEADS: &[&[&str]] = &[
    &["must", "have", "been"],
    &["must", "have", "felt"],
    &["must", "be", "feeling"],
    &["must", "be"],
    &["must", "feel"],
    &["surely", "feels"],
];

/// The first word rule: what a speculation holds ("must be surely furious") is part of it.
pub const RULE: Rule = Rule::words(rule, 10);

/// Every speculation in the block (the first word rule: nothing is found before it).
pub fn rule(block: &BlockText, _before: &[Mark]) -> Vec<Mark> {
    let words = block.words;
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        // Most words start no lead: one comparison rules them out.
        if !(word.is("must") || word.is("surely")) {
            continue;
        }
        let Some(lead) = LEADS.iter().find(|lead| starts_with(&words[i..], lead)) else {
            continue;
        };
        let after = &words[i + lead.len()..];
        if let Some(state) = after.iter().take(3).find(|w| w.tags.has(Tags::INNER_STATE)) {
            out.push(Mark::new(
                block.text,
                words[i].start..state.end,
                Subtype::Speculation,
            ));
        }
    }
    out
}

fn starts_with(words: &[Word], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && words.iter().zip(phrase).all(|(w, p)| w.is(p))
}
