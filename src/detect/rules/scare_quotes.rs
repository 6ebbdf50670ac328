//! Scare quotes: short quoted words in the writer's own voice ("concerns",
//! "accommodations"). A quote that starts with a capital or holds a whole clause is taken
//! for real speech, and so is any quote in a sentence attributed to a source.

use crate::catalogue::kind::{tint, Category, Kind, Line, Style, Subtype, Terminal};
use crate::detect::context::{SentenceContext, Sourcing};
use crate::detect::quotes;
use crate::detect::rule::{Find, Rule};
use crate::finding::Mark;
use crate::text::words;

pub const RULE: Rule = Rule {
    find: Find::Sentence(rule),
    order: 60,
};

pub const SCARE_QUOTE: Kind = Kind {
    id: "scare-quote",
    category: Category::Opinion,
    order: 70,
    label: "Scare quotes",
    explanation:
        "Scare quotes: quotation marks around a word to cast doubt on it, not to quote anyone.",
    default_on: true,
    confidence: 0.6,
    style: Style {
        line: Line::Dotted,
        colours: [
            tint("rgba(255, 112, 67, 0.3)", "#bf360c"),
            tint("rgba(255, 171, 145, 0.3)", "#ffab91"),
            tint("rgba(230,159,0, 0.3)", "#a66f00"),
            tint("rgba(230,159,0, 0.25)", "#f5c55c"),
        ],
        terminal: Terminal::Colour("31"),
    },
};

/// Scare quotes are short: a word or a phrase of up to this many words.
const MAX_WORDS: usize = 3;

pub fn rule(cx: &SentenceContext, sourcing: Option<&Sourcing>) -> Vec<Mark> {
    let attributed = matches!(
        sourcing.map(|s| s.subtype),
        Some(Subtype::AttributedNamed | Subtype::AttributedAnonymous)
    );
    if attributed {
        return Vec::new();
    }
    let (text, sentence) = (cx.text, &cx.range);
    quotes::within(cx.quoted, sentence)
        .iter()
        .filter(|q| {
            let inner = &text[quotes::inner(text, q)];
            let n = words(inner).len();
            (1..=MAX_WORDS).contains(&n)
                && inner.chars().next().is_some_and(char::is_lowercase)
                && !inner.contains(['.', '!', '?', ','])
        })
        .map(|q| Mark::new(text, q.clone(), Subtype::ScareQuote))
        .collect()
}
