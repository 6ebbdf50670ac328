//! Scare quotes: short quoted words in the writer's own voice ("concerns",
//! "accommodations"). A quote that starts with a capital or holds a whole clause is taken
//! for real speech, and so is any quote in a sentence attributed to a source.

use crate::catalogue::Subtype;
use crate::detect::context::{SentenceContext, Sourcing};
use crate::detect::quotes;
use crate::finding::Mark;
use crate::text::words;

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
