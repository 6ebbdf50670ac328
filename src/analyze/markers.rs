//! Word- and phrase-level opinion markers: hedges, boosters, first-person stance, loaded
//! words, and speculation about someone's inner state.
//!
//! All lists are matched in one pass over the block text; a marker inside quotation marks
//! is the quoted speaker's voice and is not reported as the writer's.

use std::ops::Range;
use std::sync::OnceLock;

use crate::analyze::quotes;
use crate::finding::{Mark, Subtype};
use crate::lexicon::{self, PhraseMatcher};
use crate::text::{words, Word};

fn matcher() -> &'static PhraseMatcher<Subtype> {
    static MATCHER: OnceLock<PhraseMatcher<Subtype>> = OnceLock::new();
    MATCHER.get_or_init(|| {
        PhraseMatcher::new(&[
            (Subtype::Stance, lexicon::STANCE),
            (Subtype::Booster, lexicon::BOOSTERS),
            (Subtype::Hedge, lexicon::HEDGES),
            (Subtype::Loaded, lexicon::LOADED),
        ])
    })
}

fn inner_states() -> &'static [String] {
    static STATES: OnceLock<Vec<String>> = OnceLock::new();
    STATES.get_or_init(|| lexicon::entries(lexicon::INNER_STATES))
}

/// Opinion markers in `text` outside the `quoted` spans, in text order.
pub fn find(text: &str, quoted: &[Range<usize>]) -> Vec<Mark> {
    let speculation = speculation(text);
    let mut marks: Vec<Mark> = matcher()
        .find(text)
        .into_iter()
        .map(|m| Mark::new(text, m.start..m.end, m.tag))
        .filter(|m| !speculation.iter().any(|s| covers(&s.range, &m.range)))
        .collect();
    marks.extend(speculation);
    marks.retain(|m| !quotes::is_inside(quoted, &m.range));
    marks.sort_by_key(|m| m.range.start);
    marks
}

fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// "must have been ecstatic", "must be extremely pleased": a modal of inference followed
/// (within two words) by an emotion or attitude the writer cannot observe.
fn speculation(text: &str) -> Vec<Mark> {
    const LEADS: &[&[&str]] = &[
        &["must", "have", "been"],
        &["must", "have", "felt"],
        &["must", "be", "feeling"],
        &["must", "be"],
        &["must", "feel"],
        &["surely", "feels"],
    ];
    let words = words(text);
    let mut out = Vec::new();
    for (i, _) in words.iter().enumerate() {
        let Some(lead) = LEADS.iter().find(|lead| starts_with(&words[i..], lead)) else {
            continue;
        };
        let after = &words[i + lead.len()..];
        if let Some(state) = after.iter().take(3).find(|w| is_inner_state(w)) {
            out.push(Mark::new(
                text,
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

fn is_inner_state(word: &Word) -> bool {
    inner_states().iter().any(|s| word.is(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Subtype)> {
        let quoted = quotes::quoted_spans(text);
        find(text, &quoted)
            .into_iter()
            .map(|m| (&text[m.range], m.subtype))
            .collect()
    }

    #[test]
    fn finds_each_kind_of_marker() {
        assert_eq!(
            found("In my view it will probably fail, which obviously is a reckless gamble."),
            [
                ("In my view", Subtype::Stance),
                ("probably", Subtype::Hedge),
                ("obviously", Subtype::Booster),
                ("reckless", Subtype::Loaded),
            ]
        );
    }

    #[test]
    fn speculation_about_feelings_covers_its_intensifier() {
        assert_eq!(
            found("The senator must be extremely relieved tonight."),
            [("must be extremely relieved", Subtype::Speculation)]
        );
        assert!(found("The plan must be approved by the board.").is_empty());
    }

    #[test]
    fn markers_inside_quotes_belong_to_the_speaker() {
        assert_eq!(
            found("She called it “obviously reckless” and probably meant it."),
            [("probably", Subtype::Hedge)]
        );
    }
}
