//! Word- and phrase-level opinion markers: hedges, boosters, first-person stance, loaded
//! words, and speculation about someone's inner state.
//!
//! Phrase lists and single-word lists (the 6,000 loaded words) are hash lookups on the
//! block's words, which build in a fraction of the time an automaton takes on the first
//! page a tab analyses. A marker inside quotation marks is the quoted speaker's voice and
//! is not reported as the writer's.

use std::ops::Range;
use std::sync::OnceLock;

use crate::catalogue::Subtype;
use crate::detect::literal::Judging;
use crate::detect::{quotes, speakers};
use crate::finding::Mark;
use crate::text::lexicon;
use crate::text::phrases::PhraseMatcher;
use crate::text::Tags;
use crate::text::Word;

fn matcher() -> &'static PhraseMatcher<Subtype> {
    static MATCHER: OnceLock<PhraseMatcher<Subtype>> = OnceLock::new();
    MATCHER.get_or_init(|| {
        PhraseMatcher::new(&[
            (Subtype::Stance, lexicon::STANCE),
            (Subtype::Booster, lexicon::BOOSTERS),
            (Subtype::Hedge, lexicon::HEDGES),
            (Subtype::Loaded, lexicon::LOADED_PHRASES),
        ])
    })
}

fn inner_states() -> &'static [String] {
    static STATES: OnceLock<Vec<String>> = OnceLock::new();
    STATES.get_or_init(|| lexicon::entries(lexicon::INNER_STATES))
}

/// Opinion markers in `text` outside the `quoted` spans, in text order.
pub fn find(text: &str, words: &[Word], quoted: &[Range<usize>]) -> Vec<Mark> {
    let speculation = speculation(text, words);
    let mut marks: Vec<Mark> = matcher()
        .find(text, words)
        .into_iter()
        .map(|m| Mark::new(text, m.start..m.end, m.tag))
        .filter(|m| !speculation.iter().any(|s| covers(&s.range, &m.range)))
        .collect();
    let taken: Vec<Range<usize>> = marks
        .iter()
        .chain(&speculation)
        .map(|m| m.range.clone())
        .collect();
    let judging = Judging::new(text, words);
    marks.extend(
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| !taken.iter().any(|t| t.start < w.end && w.start < t.end))
            .filter(|&(i, w)| w.tags.has(Tags::LOADED) && judging.judges(i))
            .map(|(_, w)| Mark::new(text, w.range(), Subtype::Loaded)),
    );
    marks.extend(speculation);
    marks.extend(judged_conduct(text, words, &judging));
    marks.retain(|m| !quotes::is_inside(quoted, &m.range));
    // A judgement in reported speech is the speaker's, as one in quotation marks is.
    if marks.iter().any(|m| m.subtype == Subtype::Loaded) {
        let reported = speakers::reported_speech(text, words, quoted);
        marks.retain(|m| m.subtype != Subtype::Loaded || !quotes::is_inside(&reported, &m.range));
    }
    marks.sort_by_key(|m| m.range.start);
    marks
}

fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// "must have been ecstatic", "must be extremely pleased": a modal of inference followed
/// (within two words) by an emotion or attitude the writer cannot observe.
fn speculation(text: &str, words: &[Word]) -> Vec<Mark> {
    const LEADS: &[&[&str]] = &[
        &["must", "have", "been"],
        &["must", "have", "felt"],
        &["must", "be", "feeling"],
        &["must", "be"],
        &["must", "feel"],
        &["surely", "feels"],
    ];
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

/// "the weak reaction", "a foolish decision": a word that news often uses neutrally is
/// loaded when it judges what someone did (one of the conduct nouns, at most one word on).
fn judged_conduct(text: &str, words: &[Word], judging: &Judging) -> Vec<Mark> {
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| w.tags.has(Tags::EVALUATIVE) && judging.judges(i))
        .filter(|&(i, w)| {
            words[i + 1..]
                .iter()
                .take(2)
                .take_while(|next| {
                    !text[w.end..next.start].contains([',', ';', ':', '.', '—', '(', ')', '"', '“'])
                })
                .any(|next| next.tags.has(Tags::CONDUCT_NOUN))
        })
        .map(|(_, w)| Mark::new(text, w.range(), Subtype::Loaded))
        .collect()
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
    use crate::text::words;

    fn found(text: &str) -> Vec<(&str, Subtype)> {
        let quoted = quotes::quoted_spans(text);
        find(text, &words(text), &quoted)
            .into_iter()
            .map(|m| (&text[m.range], m.subtype))
            .collect()
    }

    #[test]
    fn finds_each_kind_of_marker() {
        assert_eq!(
            found("In my view it will probably pass, which obviously is a reckless gamble."),
            [
                ("In my view", Subtype::Stance),
                ("probably", Subtype::Hedge),
                ("obviously", Subtype::Booster),
                ("reckless", Subtype::Loaded),
            ]
        );
    }

    #[test]
    fn context_dependent_words_are_loaded_when_they_judge_conduct() {
        assert_eq!(
            found("It was a weak response to the crisis."),
            [("weak", Subtype::Loaded)]
        );
        assert!(found("Demand stayed weak in March.").is_empty());
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
