//! Hedges, boosters and first-person stance: phrases from the word lists
//! (`hedges.txt`, `boosters.txt`, `stance.txt`). On overlap the longest phrase wins, so
//! "very likely" is one hedge rather than "likely" alone. A hedge in a clause that reports
//! someone else's words or thoughts is theirs ([`reported`]), and a phrase right after "if"
//! or "unless" states a condition, not the writer's view ("if you don't need…").

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::catalogue::kind::{tint, Category, Kind, Line, Style, Subtype, Terminal};
use crate::detect::context::BlockText;
use crate::detect::reach::Reach;
use crate::detect::rule::Rule;
use crate::finding::Mark;
use crate::text::lexicon;
use crate::text::phrases::PhraseMatcher;
use crate::text::{Tags, Word};

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

/// The three lists, built into one matcher when first used.
static MATCHER: LazyLock<PhraseMatcher<Subtype>> = LazyLock::new(|| {
    PhraseMatcher::new(&[
        (Subtype::Stance, lexicon::STANCE),
        (Subtype::Booster, lexicon::BOOSTERS),
        (Subtype::Hedge, lexicon::HEDGES),
    ])
});

/// `thought_verbs.txt`: verbs that report what someone thinks ("wondered", "speculates").
static THOUGHT_VERBS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    lexicon::entries(lexicon::THOUGHT_VERBS)
        .into_iter()
        .collect()
});

/// Words that open the clause a verb of saying or thinking reports.
const COMPLEMENTISERS: &[&str] = &["that", "whether", "if"];

/// Words before the verb that make a reported clause the writer's own ("I suspect that it
/// might…", "it's worth noting that it will likely…").
const WRITERS_OWN: &[&str] = &["i", "we", "worth"];

/// Words that, after a comma, start a clause of the writer's own ("…, and apparently…").
const COORDINATORS: &[&str] = &["and", "but", "yet", "so"];

/// Pronouns that open a reported clause with no "that" ("Microsoft says you might…").
const CLAUSE_SUBJECTS: &[&str] = &["you", "he", "she", "it", "they"];

/// Punctuation that ends the clause a hedge could belong to.
const CLAUSE_ENDS: [char; 6] = ['.', '!', '?', ';', ':', '—'];

/// Words that make the phrase after them a condition ("if you don't need…").
const CONDITIONS: &[&str] = &["if", "unless"];

/// A word rule after speculation, whose words it leaves alone.
pub const RULE: Rule = Rule::words(rule, 20);

/// The phrases of the block, but those inside a mark found before (speculation: "must be
/// surely furious" is one finding, not a booster inside it).
pub fn rule(block: &BlockText, before: &[Mark]) -> Vec<Mark> {
    let before = Reach::new(before);
    let marks: Vec<Mark> = MATCHER
        .find(block.text, block.words)
        .into_iter()
        .map(|m| Mark::new(block.text, m.start..m.end, m.tag))
        .filter(|m| !before.covers(&m.range))
        .filter(|m| !conditional(block.words, m))
        .filter(|m| {
            !(m.subtype == Subtype::Booster
                && (compared(block.words, m) || a_size_stated(block.words, m)))
        })
        .filter(|m| !(m.subtype == Subtype::Hedge && suggestion(block.words, m)))
        .collect();
    // A verb inside the writer's own stance ("This writer believes it is very likely…")
    // reports the writer's thought: the hedge after it stays the writer's.
    let stances: Vec<Range<usize>> = marks
        .iter()
        .filter(|m| m.subtype == Subtype::Stance)
        .map(|m| m.range.clone())
        .collect();
    marks
        .into_iter()
        .filter(|m| !(m.subtype == Subtype::Hedge && reported(block, m, &stances)))
        .collect()
}

/// The index of the first word of `mark` in `words`.
fn first_word(words: &[Word], mark: &Mark) -> usize {
    words.partition_point(|w| w.start < mark.range.start)
}

/// Whether `mark` comes right after "if" or "unless": a condition, not a view.
fn conditional(words: &[Word], mark: &Mark) -> bool {
    let i = first_word(words, mark);
    i > 0 && CONDITIONS.iter().any(|c| words[i - 1].is(c))
}

/// Whether the one-word `mark` stands in an "as … as" comparison ("I could see it just as
/// clearly as…", "as massive as the last one"): it says how, or how much, which a reader
/// can check, not how sure the writer is.
fn compared(words: &[Word], mark: &Mark) -> bool {
    let i = first_word(words, mark);
    i > 0
        && words.get(i).is_some_and(|w| w.end == mark.range.end)
        && words[i - 1].is("as")
        && words.get(i + 1).is_some_and(|w| w.is("as"))
}

/// Boosters that are words of size.
const SIZE_WORDS: &[&str] = &["huge", "enormous", "massive", "tremendous"];

/// Verbs that make the word after them a predicate ("will be huge", "is tremendous").
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "seems", "seemed", "become", "became",
];

/// Whether the booster `mark` is a size word that states a size ([`states_a_size`]).
fn a_size_stated(words: &[Word], mark: &Mark) -> bool {
    let i = first_word(words, mark);
    words.get(i).is_some_and(|w| w.end == mark.range.end) && states_a_size(words, i)
}

/// Whether `words[i]` is a size word before a noun ("a huge, salty ocean", "under enormous
/// pressure", "causes tremendous CPU load"): it states how big something is, which a reader
/// weighs as a description, and is not marked as a booster; as a predicate ("it is going
/// to be huge", "the chance is tremendous") or of what someone did ("a huge concession", a
/// conduct noun) it is the writer's emphatic verdict, and is. The opinion model reads
/// either as a booster, as it was trained to.
pub(crate) fn states_a_size(words: &[Word], i: usize) -> bool {
    let is_size = SIZE_WORDS.iter().any(|s| words[i].is(s));
    let predicate = i > 0 && COPULAS.iter().any(|c| words[i - 1].is(c));
    let judges_conduct = words
        .get(i + 1)
        .is_some_and(|next| next.tags.has(Tags::CONDUCT_NOUN));
    is_size && !predicate && !judges_conduct
}

/// Whether the hedge `mark` is "you might want to…", "you may wish to…": advice to the
/// reader, said politely, not doubt about a fact.
fn suggestion(words: &[Word], mark: &Mark) -> bool {
    let i = first_word(words, mark);
    i > 0
        && words[i - 1].is("you")
        && words.get(i).is_some_and(|w| w.end == mark.range.end)
        && words
            .get(i + 1)
            .is_some_and(|w| w.is("want") || w.is("wish"))
}

/// Whether the hedge `mark` is in a clause reporting someone else's words or thoughts:
/// after a verb of saying or thinking and "that", "whether" or "if" ("Vaughan speculates
/// that it might…", "Howitt wondered whether the cells might…"), or a pronoun subject
/// ("Microsoft says you might…"), in the same clause (not after ", and"), the verb's
/// subject not the writer ("I", "we", "it's worth noting") and the verb not inside one of
/// the writer's `stances`.
fn reported(block: &BlockText, mark: &Mark, stances: &[Range<usize>]) -> bool {
    let (text, words) = (block.text, block.words);
    let reports =
        |w: &Word| w.tags.has(Tags::REPORTING_VERB) || THOUGHT_VERBS.contains(&*w.normalised());
    let mut j = first_word(words, mark);
    while j > 1 {
        let gap = &text[words[j - 1].end..words[j].start];
        let coordinated = COORDINATORS.iter().any(|c| words[j].is(c)) && gap.contains(',');
        if gap.contains(CLAUSE_ENDS) || coordinated {
            return false;
        }
        j -= 1;
        let (opener, verb) = (&words[j], &words[j - 1]);
        let opens = COMPLEMENTISERS.iter().any(|c| opener.is(c))
            || CLAUSE_SUBJECTS.iter().any(|c| opener.is(c));
        if opens && reports(verb) && !text[verb.end..opener.start].contains(CLAUSE_ENDS) {
            let subject = j.checked_sub(2).map(|s| &words[s]);
            let writers = subject.is_some_and(|s| WRITERS_OWN.iter().any(|p| s.is(p)))
                || stances
                    .iter()
                    .any(|r| r.start <= verb.start && verb.end <= r.end);
            return !writers;
        }
    }
    false
}
