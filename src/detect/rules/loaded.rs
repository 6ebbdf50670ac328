//! Loaded words: words that carry the writer's judgement (`loaded.txt`, 1,800 words with
//! evidence from labelled news, looked up once per word as [`Tags::LOADED`]), unproven
//! words the writer turns up with an intensifier (`unproven.txt`, [`Tags::UNPROVEN`]: "so
//! cheaply"), and figurative phrases that judge as a whole (`loaded_phrases.txt`: "witch
//! hunt", "nail in the coffin"). A word is marked only where it reads as the writer's
//! judgement ([`Judging`]): not in a name, not the literal subject of the report, not in a
//! neutral idiom.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::catalogue::kind::{tint, Category, Kind, Line, Style, Subtype, Terminal};
use crate::detect::context::BlockText;
use crate::detect::literal::Judging;
use crate::detect::reach::Reach;
use crate::detect::rule::Rule;
use crate::finding::Mark;
use crate::text::lexicon;
use crate::text::phrases::PhraseMatcher;
use crate::text::{Tags, Word};

pub const LOADED: Kind = Kind {
    id: "loaded",
    category: Category::Opinion,
    order: 40,
    label: "Loaded word",
    explanation: "Loaded word: evaluative language that carries a judgement.",
    default_on: true,
    confidence: 0.55,
    style: Style {
        line: Line::Wavy,
        colours: [
            tint("rgba(239, 83, 80, 0.28)", "#c62828"),
            tint("rgba(239, 154, 154, 0.28)", "#ef9a9a"),
            tint("rgba(213,94,0, 0.3)", "#a04600"),
            tint("rgba(213,94,0, 0.25)", "#ff9e57"),
        ],
        terminal: Terminal::Colour("31"),
    },
};

fn phrases() -> &'static PhraseMatcher<()> {
    static PHRASES: OnceLock<PhraseMatcher<()>> = OnceLock::new();
    PHRASES.get_or_init(|| PhraseMatcher::new(&[((), lexicon::LOADED_PHRASES)]))
}

/// Degree words ([`lexicon::INTENSIFIERS`]): "so", "utterly".
fn intensifiers() -> &'static HashSet<String> {
    static INTENSIFIERS: OnceLock<HashSet<String>> = OnceLock::new();
    INTENSIFIERS.get_or_init(|| {
        lexicon::entries(lexicon::INTENSIFIERS)
            .into_iter()
            .collect()
    })
}

/// Whether `words[i]` is loaded here: a listed word anywhere, an unproven one (too
/// rarely seen in labelled news to mark alone) when the writer turns it up with an
/// intensifier just before it ("so cheaply", "utterly inadequate").
fn loaded_here(text: &str, words: &[Word], i: usize) -> bool {
    let word = &words[i];
    word.tags.has(Tags::LOADED)
        || (word.tags.has(Tags::UNPROVEN)
            && i.checked_sub(1).is_some_and(|p| {
                text[words[p].end..word.start].trim().is_empty()
                    && intensifiers().contains(&*words[p].normalised())
            }))
}

/// A word rule after the phrases: a hedge or a speculation already explains its words.
pub const RULE: Rule = Rule::words(rule, 30);

/// The loaded phrases and words of the block that no mark found before overlaps (a hedge
/// or a speculation already explains its words).
pub fn rule(block: &BlockText, before: &[Mark]) -> Vec<Mark> {
    let before = Reach::new(before);
    let mut marks: Vec<Mark> = phrases()
        .find(block.text, block.words)
        .into_iter()
        .filter(|m| !before.overlaps(&(m.start..m.end)))
        .map(|m| Mark::new(block.text, m.start..m.end, Subtype::Loaded))
        .collect();
    let in_phrase = Reach::new(&marks);
    let judging = Judging::new(block.text, block.words);
    let words: Vec<Mark> = block
        .words
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            loaded_here(block.text, block.words, i)
                && !before.overlaps(&w.range())
                && !in_phrase.overlaps(&w.range())
                && judging.judges(i)
        })
        .map(|(_, w)| Mark::new(block.text, w.range(), Subtype::Loaded))
        .collect();
    marks.extend(words);
    marks
}
