//! Why a sentence counts as a claim, in words a reader understands: the kinds of checkable
//! statement the claim model is about (a number, what someone did, said or intends, a
//! prediction, a comparison or superlative, a cause), read from the sentence's words.
//!
//! The model decides; these say what in the sentence a reader could check. They are
//! grammar (function words, verb endings), not topic lists, so they hold on any subject.

use serde::Serialize;

use crate::detect::{is_quoted, quoted_spans};
use crate::text::{words, Tags, Word};

/// A kind of checkable statement found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    Number,
    SaysWhatSomeoneDid,
    Prediction,
    Comparison,
    Cause,
}

impl Reason {
    /// The reason as the card and the CLI say it.
    pub fn words(self) -> &'static str {
        match self {
            Reason::Number => "states a number",
            Reason::SaysWhatSomeoneDid => "says what someone did, said or intends",
            Reason::Prediction => "a prediction",
            Reason::Comparison => "a comparison or superlative",
            Reason::Cause => "a cause",
        }
    }
}

/// Amounts spelled out: "two million", "a dozen", "40 percent".
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "percent",
    "half",
    "twice",
    "double",
    "tripled",
    "doubled",
    "halved",
];
/// What someone intends or undertakes ("plans to", "vowed", "agreed").
const INTENT_WORDS: &[&str] = &[
    "plans",
    "planned",
    "plan",
    "intends",
    "intended",
    "wants",
    "wanted",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "agreed",
    "agrees",
    "decided",
    "aims",
    "seeks",
    "sought",
    "threatened",
    "threatens",
    "refused",
    "refuses",
    "announced",
    "announces",
];
/// Irregular past tenses of acts ("took", "won"): what someone did.
const PAST_ACTS: &[&str] = &[
    "took", "made", "won", "lost", "gave", "sent", "sold", "bought", "met", "led", "left", "paid",
    "hit", "struck", "fell", "rose", "ran", "began", "became", "brought", "built", "cut", "drove",
    "found", "got", "held", "kept", "put", "set", "shot", "spent", "threw", "broke", "chose",
    "drew", "grew", "spoke", "stole", "swore", "tore", "wrote", "sank", "fled", "fought", "caught",
    "beat", "killed",
];
/// Words before a verb form that make it an adjective or a noun ("the reported deal").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "its", "his", "her", "their",
];
/// What the future holds: "will", "is expected to", "forecast".
const FUTURE_WORDS: &[&str] = &[
    "will",
    "won't",
    "'ll",
    "expected",
    "expects",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "projected",
    "likely",
    "unlikely",
    "soon",
    "upcoming",
];
/// Comparison words; a superlative ending in "-est" is found by its ending.
const COMPARISON_WORDS: &[&str] = &[
    "than", "most", "least", "more", "fewer", "less", "best", "worst", "record", "largest",
    "biggest", "highest", "lowest",
];
/// Words ending in "-est" that are not superlatives.
const NOT_SUPERLATIVES: &[&str] = &[
    "interest",
    "interests",
    "forest",
    "honest",
    "west",
    "protest",
    "request",
    "test",
    "rest",
    "suggest",
    "guest",
    "nest",
    "quest",
    "arrest",
    "contest",
    "harvest",
    "invest",
    "digest",
    "modest",
    "manifest",
    "chest",
    "earnest",
    "priest",
    "latest",
    "crest",
    "conquest",
    "inquest",
    "behest",
    "unrest",
    "attest",
    "detest",
    "pest",
    "vest",
    "zest",
    "jest",
    "lest",
    "midwest",
    "northwest",
    "southwest",
    "wrest",
];
/// A cause and its effect: "because", "led to", "blamed".
const CAUSE_WORDS: &[&str] = &[
    "because",
    "caused",
    "causes",
    "cause",
    "blamed",
    "blames",
    "triggered",
    "sparked",
    "fuelled",
    "fueled",
    "resulted",
    "thanks",
    "owing",
    "due",
];

/// The reasons `sentence` counts as a claim, in a fixed order, each at most once. Words
/// inside quotation marks count for what they state (a quoted number is still a number to
/// check), but an act named inside them is the speaker's wording, not the report's.
pub fn of(sentence: &str) -> Vec<Reason> {
    let (text, words, quoted) = (sentence, words(sentence), quoted_spans(sentence));
    let mut found = Vec::new();
    let any = |list: &[&str]| words.iter().any(|w| list.iter().any(|l| w.is(l)));
    let number = words
        .iter()
        .any(|w| w.text.bytes().any(|b| b.is_ascii_digit()))
        || any(NUMBER_WORDS)
        || text.contains(['%', '$', '£', '€']);
    if number {
        found.push(Reason::Number);
    }
    let did = words.iter().enumerate().any(|(i, w)| {
        let after_determiner = i > 0 && DETERMINERS.iter().any(|d| words[i - 1].is(d));
        let outside = !is_quoted(&quoted, &w.range());
        outside
            && !after_determiner
            && !w.is_capitalized()
            && (w.tags.has(Tags::REPORTING_VERB)
                || INTENT_WORDS.iter().any(|l| w.is(l))
                || PAST_ACTS.iter().any(|l| w.is(l))
                || is_regular_past(w))
    });
    if did {
        found.push(Reason::SaysWhatSomeoneDid);
    }
    if any(FUTURE_WORDS) || words.windows(2).any(|p| p[0].is("going") && p[1].is("to")) {
        found.push(Reason::Prediction);
    }
    let superlative = words.iter().any(|w| {
        let lower = w.normalised();
        lower.len() > 5
            && lower.ends_with("est")
            && !w.is_capitalized()
            && !NOT_SUPERLATIVES.contains(&&*lower)
    });
    if superlative || any(COMPARISON_WORDS) {
        found.push(Reason::Comparison);
    }
    let led_to = words
        .windows(2)
        .any(|p| (p[0].is("led") || p[0].is("leads")) && p[1].is("to"));
    if led_to || any(CAUSE_WORDS) {
        found.push(Reason::Cause);
    }
    found
}

/// A regular past tense or participle of an act ("closed", "arrested"), four letters
/// before "-ed" at least (not "need", "red", "bed").
fn is_regular_past(w: &Word) -> bool {
    let t = w.text;
    t.len() >= 6 && t.ends_with("ed") && t.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(text: &str) -> Vec<Reason> {
        of(text)
    }

    #[test]
    fn each_kind_of_checkable_statement_is_named() {
        use Reason::*;
        assert_eq!(
            reasons("The firm raised $460m last year."),
            [Number, SaysWhatSomeoneDid]
        );
        assert_eq!(reasons("Prices will rise next spring."), [Prediction]);
        assert_eq!(reasons("It is the tallest tower in Asia."), [Comparison]);
        assert_eq!(reasons("The road shut because of the snow."), [Cause]);
        assert_eq!(
            reasons("The mayor plans to sell the bridge."),
            [SaysWhatSomeoneDid]
        );
    }

    #[test]
    fn plain_description_has_no_reason() {
        assert!(reasons("The room is quiet and the light is soft.").is_empty());
        // An adjective after an article is not an act; "interest" is not a superlative.
        assert!(reasons("The reported interest is a matter for the board.").is_empty());
    }
}
