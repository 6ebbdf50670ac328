//! Judged conduct: "the weak reaction", "a foolish decision". A word that news often uses
//! neutrally (`evaluative.txt`) is loaded when it judges what someone did: one of the
//! conduct nouns (`conduct_nouns.txt`), at most one word on, and reads as the writer's
//! judgement ([`Judging`]). Praise (`praise.txt`) is marked the same way.

use crate::catalogue::kind::Subtype;
use crate::detect::context::BlockText;
use crate::detect::literal::Judging;
use crate::detect::rule::Rule;
use crate::finding::Mark;
use crate::text::{Tags, Word};

/// Punctuation that ends the phrase an evaluative word can judge.
const PHRASE_BREAKS: [char; 9] = [',', ';', ':', '.', '—', '(', ')', '"', '“'];

/// The last word rule (it reads no earlier marks).
pub const RULE: Rule = Rule::words(rule, 40);

pub fn rule(block: &BlockText, _before: &[Mark]) -> Vec<Mark> {
    let (text, words) = (block.text, block.words);
    let judging = Judging::new(text, words);
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| w.tags.has(Tags::EVALUATIVE) && judging.judges(i))
        .filter(|&(i, _)| !grades_an_adjective(words, i))
        .filter(|&(i, w)| {
            words[i + 1..]
                .iter()
                .take(2)
                .take_while(|next| !text[w.end..next.start].contains(PHRASE_BREAKS))
                .any(|next| next.tags.has(Tags::CONDUCT_NOUN))
        })
        .map(|(_, w)| Mark::new(text, w.range(), Subtype::Loaded))
        .collect()
}

/// "a fairly unique position": an -ly adverb before an adjective grades the adjective; it
/// judges the conduct only through a participle ("a poorly handled response") or next to
/// the noun itself.
fn grades_an_adjective(words: &[Word], i: usize) -> bool {
    words[i].normalised().ends_with("ly")
        && words.get(i + 1).is_some_and(|next| {
            let next_word = next.normalised();
            !next.tags.has(Tags::CONDUCT_NOUN)
                && !next_word.ends_with("ed")
                && !next_word.ends_with("en")
        })
}
