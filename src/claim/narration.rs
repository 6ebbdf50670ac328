//! Narration: sentences that tell what happened or what a thing is like, which a reader
//! does not need flagged as claims — a game's plays and statistics, a product's
//! specifications.
//!
//! The claim model learned check-worthiness from political debates, where a number or a
//! past-tense act is nearly always a claim; in news the same shapes tell a game or list a
//! car's features. These classes are the kinds of text, by their vocabulary and their
//! shapes (a score "45-17", a game clock "7:14", a number with a unit "82 kWh"), not
//! words from any page. Money and percentages keep a sentence a claim: a price, a fee or a
//! share is what a reader checks even in a review or a match report.

use std::sync::OnceLock;

use crate::text::lexicon::FxSet;
use crate::text::{words, Normal, Word};

/// A kind of narration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Narration {
    /// A game's plays, scores and statistics.
    Play,
    /// A product's specifications: sizes, power, capacity, features.
    Specification,
}

impl Narration {
    /// The narration as the card says it.
    pub fn words(self) -> &'static str {
        match self {
            Narration::Play => "narration of a game",
            Narration::Specification => "a product's specifications",
        }
    }
}

/// How much a narration sentence's claim probability counts: the model's probability
/// times this. A quarter takes the model's surest narration (0.99) below the shipped
/// threshold (0.32) while a narration sentence is still ranked by the model.
pub const WEIGHT: f32 = 0.25;

/// A word list looked up by hash: narration is read for every sentence of every page.
struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxSet<&'static str>>,
}

impl WordSet {
    const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` (lower case) is in the list.
    fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// Words of a game only: one is enough ("touchdown", "halftime").
static PLAY_WORDS: WordSet = WordSet::new(&[
    "touchdown",
    "touchdowns",
    "halftime",
    "quarterback",
    "shutout",
    "rebound",
    "rebounds",
    "inning",
    "innings",
    "interception",
    "interceptions",
    "fumble",
    "fumbled",
    "triple-double",
    "triple-doubles",
    "double-double",
    "hat-trick",
    "homer",
    "homers",
    "strikeout",
    "strikeouts",
    "goalie",
    "goalkeeper",
    "defenseman",
    "winger",
    "striker",
    "midfielder",
    "playoff",
    "playoffs",
    "power-play",
    "3-pointer",
    "three-pointer",
    "free-throw",
    "dunk",
    "dunked",
    "birdie",
    "bogey",
    "wicket",
    "wickets",
    "penalty-kick",
    "touchback",
    "redshirt",
]);
/// Words of a game that have other senses ("goal", "season", "team"): two different ones
/// make a game, and so does one with a score or a game clock. Words as common in politics
/// ("won", "title", "conference", "quarter") are left out.
static GAME_WORDS: WordSet = WordSet::new(&[
    "scored",
    "scores",
    "scoring",
    "goal",
    "goals",
    "assist",
    "assists",
    "yards",
    "carries",
    "game",
    "games",
    "season",
    "team",
    "teams",
    "coach",
    "league",
    "victory",
    "player",
    "players",
    "streak",
    "opponent",
    "tournament",
    "championship",
    "bowl",
    "overtime",
    "roster",
    "passing",
    "fouled",
]);
/// Units a product's specifications are given in, after a number ("82 kWh", "22-inch").
static SPEC_UNITS: WordSet = WordSet::new(&[
    "horsepower",
    "hp",
    "kw",
    "kwh",
    "mah",
    "wh",
    "lb-ft",
    "nm",
    "inch",
    "inches",
    "cu.ft",
    "cubic",
    "mm",
    "gb",
    "tb",
    "mb",
    "mhz",
    "ghz",
    "megapixel",
    "megapixels",
    "mp",
    "fps",
    "hz",
    "rpm",
    "mpg",
    "watts",
    "volts",
    "colors",
    "colours",
    "ports",
    "cores",
    "speakers",
    "sensors",
    "cameras",
]);

/// The narration `sentence` is, if it is one. A sentence with money or a percentage in it
/// is never narration.
pub fn of(sentence: &str) -> Option<Narration> {
    Reading::of(sentence, &words(sentence)).own
}

/// What the narration rules read of one sentence, from the words the detectors read: the
/// narration it is, and whether it names money or a share (which keeps it a claim even in
/// a game report or a product description).
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading {
    own: Option<Narration>,
    money: bool,
}

impl Reading {
    pub fn of(sentence: &str, words: &[Word]) -> Reading {
        let words: Vec<Normal> = words.iter().map(Word::normalised).collect();
        let money = names_money(sentence, &words);
        let own = if money {
            None
        } else if is_play(sentence, &words) {
            Some(Narration::Play)
        } else {
            is_specification(&words).then_some(Narration::Specification)
        };
        Reading { own, money }
    }

    /// The narration the sentence is in its `article` ([`of_article`]): the article's,
    /// unless the sentence names money or a share, or its own.
    pub fn in_article(self, article: Option<Narration>) -> Option<Narration> {
        article.filter(|_| !self.money).or(self.own)
    }
}

/// The claim probability of a sentence in its article: the model's, counted at [`WEIGHT`]
/// when the sentence is narration, or when the article is (a game report, a product
/// description) and the sentence names no money or share.
pub fn in_context(probability: f32, sentence: Reading, article: Option<Narration>) -> f32 {
    weighed(probability, sentence.in_article(article))
}

/// The claim probability of a sentence that is `narration` in its article (from
/// [`Reading::in_article`]), or is not: any tier's probability, the instant model's or the
/// learned one's, counts at [`WEIGHT`] when it is.
pub fn weighed(probability: f32, narration: Option<Narration>) -> f32 {
    match narration {
        Some(_) => probability * WEIGHT,
        None => probability,
    }
}

/// Paragraphs of narration an article needs to be narration: at least this many, and at
/// least [`ARTICLE_SHARE`] of the paragraphs read.
const ARTICLE_PARAGRAPHS: usize = 3;
const ARTICLE_SHARE: f32 = 0.2;
/// Paragraphs read for the article's kind: a game report or a product description shows
/// what it is from its start, and a long page is not read twice before its first marks.
const ARTICLE_READ: usize = 40;

/// The narration an article is, from its body paragraphs: a game report when enough of
/// them tell plays, a product description when enough give specifications. In such an
/// article the sentences around the plays and the figures tell the same story ("He tipped
/// the rebound in later"), with fewer of the words that show it.
pub fn of_article<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Option<Narration> {
    let (mut all, mut plays, mut specifications) = (0, 0, 0);
    for paragraph in paragraphs.take(ARTICLE_READ) {
        all += 1;
        match of(paragraph) {
            Some(Narration::Play) => plays += 1,
            Some(Narration::Specification) => specifications += 1,
            None => {}
        }
    }
    let enough = |n: usize| n >= ARTICLE_PARAGRAPHS && n as f32 >= ARTICLE_SHARE * all as f32;
    // The kind with more paragraphs, when it has enough.
    [
        (plays, Narration::Play),
        (specifications, Narration::Specification),
    ]
    .into_iter()
    .filter(|&(n, _)| enough(n))
    .max_by_key(|&(n, _)| n)
    .map(|(_, kind)| kind)
}

/// Money or a share: what a reader checks even in a game report or a review.
fn names_money(sentence: &str, words: &[Normal]) -> bool {
    sentence.contains(['$', '£', '€', '%'])
        || words
            .iter()
            .any(|w| matches!(&**w, "percent" | "cents" | "euros" | "dollars"))
}

/// A game's play: a word of a game only, or two different game words, or one with a score
/// ("45-17") or a game clock ("at 7:14").
fn is_play(sentence: &str, words: &[Normal]) -> bool {
    if words.iter().any(|w| PLAY_WORDS.contains(w)) {
        return true;
    }
    // Each word and its hyphenated parts ("first-period"): how many different game words,
    // counted up to two, which is all the test needs. (Sorting them to count them all
    // compiled a 9 KB sort of strings into the wasm.)
    let mut game = words
        .iter()
        .flat_map(|w| w.split('-').chain([&**w]))
        .filter(|part| GAME_WORDS.contains(part));
    let different = match game.next() {
        None => 0,
        Some(first) => 1 + usize::from(game.any(|part| part != first)),
    };
    let shapes = usize::from(words.iter().any(|w| is_score(w)) || has_clock(sentence));
    different + shapes >= 2
}

/// A score or a record: numbers joined by hyphens ("45-17", "6-5", "20-of-24").
fn is_score(word: &str) -> bool {
    let number = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() >= 2 && parts.first().is_some_and(number) && parts.last().is_some_and(number)
}

/// A game clock: digits, a colon, two digits ("7:14", "17:46"), not a time of day
/// ("9:59 p.m.": the time of a shooting is no play).
fn has_clock(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    let time_of_day = |after: &str| {
        let after = after.trim_start().as_bytes();
        ["a.m", "p.m", "am", "pm"].iter().any(|m| {
            after
                .get(..m.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(m.as_bytes()))
        })
    };
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            // After two ASCII digits: a char boundary.
            && !time_of_day(&sentence[i + 3..])
    })
}

/// A product's specification: a number followed by a unit ("82 kWh", "406 lb-ft") or
/// joined to it ("22-inch").
fn is_specification(words: &[Normal]) -> bool {
    let number = |text: &str| text.starts_with(|c: char| c.is_ascii_digit());
    words
        .windows(2)
        .any(|p| number(&p[0]) && SPEC_UNITS.contains(&p[1]))
        || words.iter().any(|w| {
            w.split_once('-')
                .is_some_and(|(n, unit)| number(n) && SPEC_UNITS.contains(unit))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_game_is_narration() {
        assert_eq!(
            of("The Eagles led 14-7 at halftime before pulling away."),
            Some(Narration::Play)
        );
        assert_eq!(
            of("Smith scored his second goal of the night at 12:31 of the second period."),
            Some(Narration::Play)
        );
        // One word of a game with another sense is not enough, nor is a time of day.
        assert_eq!(of("Our goal is to cut taxes by 2030."), None);
        assert_eq!(of("The guard was shot at 9:59 p.m., the team said."), None);
    }

    #[test]
    fn specifications_are_narration_but_prices_are_not() {
        assert_eq!(
            of("The coupe has a 12-inch screen and a 90 kWh battery."),
            Some(Narration::Specification)
        );
        assert_eq!(
            of("The coupe will cost $60,000 with a 90 kWh battery."),
            None
        );
    }

    #[test]
    fn other_sentences_are_not_narration() {
        // Nothing to check is the model's to weigh: debates state facts as plainly.
        assert_eq!(of("The room is quiet and the light is soft."), None);
        assert_eq!(of("Unemployment rose because the plant closed."), None);
    }

    #[test]
    fn narration_counts_a_quarter() {
        assert_eq!(
            in_context(0.8, read("He scored in overtime."), None),
            0.8 * WEIGHT
        );
        assert_eq!(in_context(0.8, read("Prices will rise."), None), 0.8);
    }

    fn read(sentence: &str) -> Reading {
        Reading::of(sentence, &words(sentence))
    }

    #[test]
    fn in_a_game_report_every_sentence_but_money_is_narration() {
        let report = [
            "The Eagles led 14-7 at halftime.",
            "Smith scored two goals in overtime.",
            "Jones rushed for 101 yards and a touchdown.",
            "The crowd was loud.",
        ];
        let article = of_article(report.into_iter());
        assert_eq!(article, Some(Narration::Play));
        let tipped = read("He tipped it in later.");
        assert_eq!(in_context(0.8, tipped, article), 0.8 * WEIGHT);
        assert_eq!(in_context(0.8, tipped, None), 0.8);
        assert_eq!(in_context(0.8, read("Tickets cost $90."), article), 0.8);
        // Two plays in a long article do not make it a game report.
        let long = report[..2].iter().copied().chain(["The council met."; 8]);
        assert_eq!(of_article(long), None);
    }
}
