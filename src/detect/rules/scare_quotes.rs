//! Scare quotes: short quoted words in the writer's own voice ("concerns",
//! "accommodations"). A quote that starts with a capital or holds a whole clause is taken
//! for real speech, and so is any quote in a sentence attributed to a source. Quotation
//! marks that set off a name or a word being talked about ("the “simplify” tool", "a step
//! called “triage”", "the word “literally”") cast no doubt: [`names_a_term`].

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::catalogue::kind::{tint, Category, Kind, Line, Style, Subtype, Terminal};
use crate::detect::context::{SentenceContext, Sourcing};
use crate::detect::quotes;
use crate::detect::rule::Rule;
use crate::finding::Mark;
use crate::text::{lexicon, words, Word};

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

/// Words that, just before a quote, say it is a name or a word being talked about.
const NAMING: &[&str] = &[
    "called",
    "named",
    "dubbed",
    "termed",
    "titled",
    "labelled",
    "labeled",
    "word",
    "words",
    "term",
    "phrase",
    "expression",
];

/// `name_heads.txt`: nouns that, just after a quote, say what it names.
static NAME_HEADS: LazyLock<HashSet<String>> =
    LazyLock::new(|| lexicon::entries(lexicon::NAME_HEADS).into_iter().collect());

/// A sentence rule, after the question.
pub const RULE: Rule = Rule::sentence(rule, 60);

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
                && !names_a_term(cx.words, q)
        })
        .map(|q| Mark::new(text, q.clone(), Subtype::ScareQuote))
        .collect()
}

/// Whether the quote at `quote` is a name or a word talked about, by the words either side
/// of it: "called “X”", "called a “X”", "the word “X”", "known as “X”" before it; "“X” tool", "“X” setting"
/// (a [`NAME_HEADS`] noun) right after it.
fn names_a_term(words: &[Word], quote: &Range<usize>) -> bool {
    let before: Vec<&Word> = words.iter().filter(|w| w.end <= quote.start).collect();
    let named_before = match before.as_slice() {
        [.., known, as_] if known.is("known") && as_.is("as") => true,
        // "Called a “violent rhythm game” by its creators": an article may come between.
        [.., naming, article]
            if ["a", "an", "the"].iter().any(|a| article.is(a))
                && NAMING.iter().any(|n| naming.is(n)) =>
        {
            true
        }
        [.., last] => NAMING.iter().any(|n| last.is(n)),
        [] => false,
    };
    let head_after = words
        .iter()
        .find(|w| w.start >= quote.end)
        .is_some_and(|w| NAME_HEADS.contains(&*w.normalised()));
    named_before || head_after
}
