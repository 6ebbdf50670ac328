//! Rhetorical questions: a sentence of the writer's that ends in a question mark (a
//! quoted question is the speaker's).

use crate::catalogue::Subtype;
use crate::detect::context::{SentenceContext, Sourcing};
use crate::detect::quotes;
use crate::finding::Mark;

pub fn rule(cx: &SentenceContext, _sourcing: Option<&Sourcing>) -> Vec<Mark> {
    let (text, sentence) = (cx.text, &cx.range);
    let body = text[sentence.clone()].trim_end_matches(['"', '”', '’', ')']);
    let mark = sentence.start + body.len();
    if body.ends_with('?') && !quotes::is_inside(cx.quoted, &(mark - 1..mark)) {
        vec![Mark::new(
            text,
            sentence.clone(),
            Subtype::RhetoricalQuestion,
        )]
    } else {
        Vec::new()
    }
}
