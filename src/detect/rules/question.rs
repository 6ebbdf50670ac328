//! Rhetorical questions: a sentence of the writer's that ends in a question mark (a
//! quoted question is the speaker's; one set in capitals alone in its block, "WHO IS THE
//! FRONT-RUNNER?", is a subhead the page's markup did not tell apart, while capitals
//! among other sentences are the writer shouting).

use crate::catalogue::kind::{underline, Category, Kind, Line, Style, Subtype, Terminal};
use crate::detect::context::{SentenceContext, Sourcing};
use crate::detect::quotes;
use crate::detect::rule::Rule;
use crate::finding::Mark;

pub const RHETORICAL_QUESTION: Kind = Kind {
    id: "rhetorical-question",
    category: Category::Opinion,
    order: 60,
    label: "Rhetorical question",
    explanation: "Rhetorical question: a question asked to make a point, not to get an answer.",
    default_on: true,
    confidence: 0.7,
    style: Style {
        line: Line::Dashed,
        colours: [
            underline("#8e24aa"),
            underline("#e1bee7"),
            underline("#0072b2"),
            underline("#56b4e9"),
        ],
        terminal: Terminal::Colour("3;35"),
    },
};

/// The first sentence rule: its mark comes before the others on the same sentence.
pub const RULE: Rule = Rule::sentence(rule, 50);

pub fn rule(cx: &SentenceContext, _sourcing: Option<&Sourcing>) -> Vec<Mark> {
    let (text, sentence) = (cx.text, &cx.range);
    let body = text[sentence.clone()].trim_end_matches(['"', '”', '’', ')']);
    let mark = sentence.start + body.len();
    if body.ends_with('?')
        && !quotes::is_inside(cx.quoted, &(mark - 1..mark))
        && !(in_capitals(body) && text.trim() == text[sentence.clone()].trim())
    {
        vec![Mark::new(
            text,
            sentence.clone(),
            Subtype::RhetoricalQuestion,
        )]
    } else {
        Vec::new()
    }
}

/// A line with letters and none in lower case: a heading set in capitals.
fn in_capitals(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}
