//! Claim sourcing: does a sentence say where its claim comes from?
//!
//! Checked from the most to the least specific evidence: an anonymous-source phrase
//! ("a senior official"), "according to X", a vague many ("critics say", "Most NATO
//! states realize"), a reporting verb with its subject ("Biden said", "said the
//! ministry"), a hyperlink, and finally a continuation of the previous sentence's
//! speaker ("He added that…"). Evidence inside quotation marks is the quoted speaker's.

use std::ops::Range;
use std::sync::OnceLock;

use crate::catalogue::kind::{underline, Category, Kind, Line, Style, Subtype, Terminal};
use crate::detect::context::{SentenceContext, Sourcing};
use crate::detect::quotes;
use crate::detect::rule::Rule;
use crate::finding::Mark;
use crate::text::lexicon;
use crate::text::phrases::PhraseMatcher;
use crate::text::Tags;
use crate::text::Word;

pub const ATTRIBUTED_NAMED: Kind = Kind {
    id: "attributed-named",
    category: Category::Claim,
    order: 10,
    label: "Named source",
    explanation: "Sourced claim: a named source is given.",
    default_on: true,
    confidence: 0.9,
    // Drawn quieter than the other claim kinds (half-transparent colours): a named
    // source is the reassuring case, and at full strength its lines would fill a news
    // report and hide the anonymous, vague and missing sources among them.
    style: Style {
        line: Line::Solid,
        colours: [
            underline("rgba(46, 125, 50, 0.35)"),
            underline("rgba(165, 214, 167, 0.4)"),
            underline("rgba(0, 158, 115, 0.4)"),
            underline("rgba(79, 209, 168, 0.45)"),
        ],
        terminal: Terminal::Plain,
    },
};

pub const ATTRIBUTED_ANONYMOUS: Kind = Kind {
    id: "attributed-anonymous",
    category: Category::Claim,
    order: 20,
    label: "Anonymous source",
    explanation: "Anonymously sourced claim: the source is specific but unnamed.",
    default_on: true,
    confidence: 0.85,
    style: Style {
        line: Line::Dashed,
        colours: [
            underline("#00796b"),
            underline("#80cbc4"),
            underline("#0072b2"),
            underline("#56b4e9"),
        ],
        terminal: Terminal::Plain,
    },
};

pub const VAGUE: Kind = Kind {
    id: "vague",
    category: Category::Claim,
    order: 30,
    label: "Vague source",
    explanation: "Vaguely sourced claim: an unnamed many stands in for a source.",
    default_on: true,
    confidence: 0.7,
    style: Style {
        line: Line::Wavy,
        colours: [
            underline("#ef6c00"),
            underline("#ffcc80"),
            underline("#b07d00"),
            underline("#f0e442"),
        ],
        terminal: Terminal::Underline("4;2"),
    },
};

pub const UNATTRIBUTED: Kind = Kind {
    id: "unattributed",
    category: Category::Claim,
    order: 40,
    label: "No source",
    explanation: "Unsourced claim: no source, quote or link backs this statement.",
    default_on: true,
    confidence: 0.6,
    style: Style {
        line: Line::Dotted,
        colours: [
            underline("rgba(183, 28, 28, 0.55)"),
            underline("rgba(239, 154, 154, 0.8)"),
            underline("#d55e00"),
            underline("#ff9e57"),
        ],
        terminal: Terminal::Underline("4"),
    },
};

#[derive(Clone, Copy)]
enum SourceList {
    Anonymous,
    Vague,
}

fn source_phrases() -> &'static PhraseMatcher<SourceList> {
    static MATCHER: OnceLock<PhraseMatcher<SourceList>> = OnceLock::new();
    MATCHER.get_or_init(|| {
        PhraseMatcher::new(&[
            (SourceList::Anonymous, lexicon::ANONYMOUS_SOURCES),
            (SourceList::Vague, lexicon::VAGUE_SOURCES),
        ])
    })
}

/// Verb stems of knowing, believing and saying ("realize", "realizes", "realized").
const COGNITION_STEMS: &[&str] = &[
    "realiz",
    "realis",
    "believ",
    "think",
    "thought",
    "say",
    "said",
    "agree",
    "know",
    "knew",
    "feel",
    "felt",
    "argu",
    "fear",
    "suspect",
    "understand",
    "understood",
    "recogni",
    "worr",
    "expect",
    "claim",
    "contend",
    "insist",
    "acknowledg",
    "admit",
    "accept",
    "conced",
];
/// Capitalised words that start sentences without naming anyone.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "it", "this", "that", "these", "those", "there", "he", "she", "they", "we",
    "i", "you", "but", "and", "or", "so", "yet", "when", "while", "as", "if", "however",
];
/// Words that may sit between a subject and its reporting verb ("Biden also said").
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "later",
    "previously",
    "recently",
    "then",
    "publicly",
    "repeatedly",
    "once",
    "again",
    "reportedly",
    "first",
    "further",
];
const PRONOUNS: &[&str] = &["he", "she", "they"];
/// Words that follow a person source but never a noun it modifies (see [`modifies_a_noun`]).
const AFTER_A_PERSON: &[&str] = &[
    "who", "with", "from", "at", "in", "for", "of", "on", "to", "and", "or", "but", "familiar",
    "close", "speaking", "involved", "has", "had", "have", "is", "was", "were", "are", "would",
    "will", "could", "may", "might", "also", "later", "then", "did", "does",
];
/// Words that open a supposition, whose subject reports nothing ("If scientists found…").
const SUPPOSITIONS: &[&str] = &["if", "unless", "suppose", "imagine"];
/// The shortest noun an agent suffix makes a person ("artist", "lawman"; not "list").
const MIN_AGENT_NOUN_LEN: usize = 6;
/// People an unnamed source is, beyond the source groups and their singulars (see
/// [`is_person_noun`]): "an aide told", "a witness said".
const PERSON_HEADS: &[&str] = &[
    "aide",
    "spokesperson",
    "diplomat",
    "witness",
    "officer",
    "lawyer",
    "attorney",
    "prosecutor",
    "investigator",
    "executive",
    "employee",
    "worker",
    "member",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "manager",
    "owner",
    "person",
    "senator",
    "minister",
    "adviser",
    "advisor",
];
/// Lower-case words a line without a closing stop needs to read as a sentence rather than a
/// label or a headline (see [`is_claim_like`]).
const MIN_FRAGMENT_PROSE_WORDS: usize = 3;
/// How far after an inverted reporting verb its speaker's name may come ("said
/// 43-year-old retired teacher Martin Taylor").
const INVERTED_SPEAKER_WORDS: usize = 5;
/// Words that open an unnamed speaker after an inverted reporting verb.
const INDEFINITES: &[&str] = &["a", "an", "one", "another", "some", "two", "several"];
/// Documents and bodies a reader can look up: "according to court records", "according to
/// the state-run news agency".
const RECORDS: &[&str] = &[
    "records",
    "documents",
    "filings",
    "filing",
    "data",
    "figures",
    "statistics",
    "report",
    "survey",
    "poll",
    "study",
    "statement",
    "transcript",
    "transcripts",
    "census",
    "estimates",
    "agency",
    "ministry",
    "department",
    "police",
    "court",
    "government",
    "company",
    "indictment",
    "complaint",
    "lawsuit",
    "analysis",
    "website",
];

/// The last sentence rule: its mark over the sentence comes after the others on it.
pub const RULE: Rule = Rule::sentence(rule, 70);

/// The sentence's sourcing as a mark over the whole sentence, its cue the words that show
/// it (a sentence rule: see [`crate::detect::RULES`]).
pub fn rule(cx: &SentenceContext, sourcing: Option<&Sourcing>) -> Vec<Mark> {
    sourcing
        .map(|s| Mark {
            range: cx.range.clone(),
            subtype: s.subtype,
            cue: s
                .cue
                .clone()
                .map(|c| cx.text[c].to_string())
                .unwrap_or_default(),
        })
        .into_iter()
        .collect()
}

/// The sourcing of one sentence, or `None` when it makes no claim (a question, a
/// fragment). Sentences with no evidence of a source are [`Subtype::Unattributed`].
pub fn classify(cx: &SentenceContext) -> Option<Sourcing> {
    let sentence = &cx.text[cx.range.clone()];
    if !is_claim_like(sentence, cx.words) {
        return None;
    }
    let words: Vec<Word> = cx
        .words
        .iter()
        .filter(|w| !quotes::is_inside(cx.quoted, &w.range()))
        .copied()
        .collect();
    let found = |subtype, cue: Range<usize>| {
        Some(Sourcing {
            subtype,
            cue: Some(cue),
        })
    };

    for m in source_phrases().find(cx.text, cx.words) {
        let range = m.start..m.end;
        if quotes::is_inside(cx.quoted, &range) {
            continue;
        }
        let subtype = match m.tag {
            // "An official change log", "an insider trading case": an adjective.
            SourceList::Anonymous if modifies_a_noun(cx.text, m.end, cx.words) => continue,
            SourceList::Anonymous => Subtype::AttributedAnonymous,
            SourceList::Vague => Subtype::Vague,
        };
        return found(subtype, range);
    }
    if let Some(s) = according_to(cx.text, &words) {
        return Some(s);
    }
    if let Some(cue) = vague_many(cx.text, &words) {
        return found(Subtype::Vague, cue);
    }
    if let Some(s) = reporting_verb(cx, &words) {
        return Some(s);
    }
    if let Some(link) = cx
        .links
        .iter()
        .find(|l| l.start < cx.range.end && cx.range.start < l.end)
    {
        return found(Subtype::AttributedNamed, link.clone());
    }
    Some(Sourcing {
        subtype: Subtype::Unattributed,
        cue: None,
    })
}

/// Whether a source phrase ending at `end` on a person noun ("official", "insider") uses
/// it as an adjective before a noun: the next word follows with no punctuation and is
/// neither a verb (a reporting verb or a past form in "-ed") nor a word that opens what a
/// person source does or is ("an official who…", "a source familiar with…", "an aide has…").
fn modifies_a_noun(text: &str, end: usize, words: &[Word]) -> bool {
    let Some(at) = words.iter().position(|w| w.end == end) else {
        return false;
    };
    let Some(next) = words.get(at + 1) else {
        return false;
    };
    let lower = next.normalised();
    is_person_noun(&words[at])
        && text[end..next.start].trim().is_empty()
        && !next.is_capitalized()
        && !next.tags.has(Tags::REPORTING_VERB)
        && !lower.ends_with("ed")
        && !AFTER_A_PERSON.contains(&&*lower)
}

/// Declarative sentences of five words or more make claims; questions do not, nor do
/// fragments: a line with no closing stop and fewer than [`MIN_FRAGMENT_PROSE_WORDS`]
/// lower-case words is a dateline, a label or a headline ("November 20, 2019 - 11:28 AMT",
/// "Germany (Group C): 13th appearance", "2/50 Star Wars boosts economy"), not prose.
fn is_claim_like(sentence: &str, words: &[Word]) -> bool {
    let end = sentence.trim_end_matches(['"', '”', '’', '\'', ')', ' ', '\n']);
    let prose = end.ends_with(['.', '!', ';'])
        || words
            .iter()
            .filter(|w| w.text.starts_with(|c: char| c.is_lowercase()))
            .count()
            >= MIN_FRAGMENT_PROSE_WORDS;
    !end.ends_with('?') && words.len() >= 5 && prose
}

/// "according to the Financial Times" (named), "according to officials" (anonymous),
/// "according to experts" (vague).
fn according_to(text: &str, words: &[Word]) -> Option<Sourcing> {
    let at = words
        .windows(2)
        .position(|w| w[0].is("according") && w[1].is("to"))?;
    let source = &words[at + 2..];
    let first = source
        .iter()
        .find(|w| !w.is("the") && !w.is("a") && !w.is("an"))?;
    // "priced according to how expensive they were": a measure, not a source.
    if ["how", "what", "whether", "which", "when", "where", "why"]
        .iter()
        .any(|q| first.is(q))
    {
        return None;
    }
    let mut named_end = None;
    let mut by_name = false;
    for (i, w) in source.iter().enumerate().take(6) {
        if w.is_capitalized() {
            named_end = Some(w.end);
            by_name |= i > 0 && source[i - 1].is("by");
        }
        if text[w.end..].starts_with([',', ';', '.']) {
            break;
        }
    }
    let (subtype, end) = match named_end {
        // "according to the Financial Times", "according to research by Bloomberg".
        Some(end) if first.is_capitalized() || by_name => (Subtype::AttributedNamed, end),
        _ if [
            "official",
            "officials",
            "sources",
            "source",
            "aides",
            "people",
        ]
        .iter()
        .any(|s| first.is(s)) =>
        {
            (Subtype::AttributedAnonymous, first.end)
        }
        _ if first.is("him") || first.is("her") || first.is("them") => {
            (Subtype::AttributedNamed, first.end)
        }
        // "court records", "the state-run news agency": a document or a body a reader
        // can look up is named, though not by a capitalised name.
        _ if source
            .iter()
            .skip_while(|w| w.start < first.start)
            .take(4)
            .take_while(|w| !text[first.start..w.start].contains([',', ';', '.']))
            .any(|w| RECORDS.iter().any(|r| w.is(r))) =>
        {
            (Subtype::AttributedNamed, first.end)
        }
        // "according to a computer programmer who…", "according to one analyst": one
        // person, unnamed, is an anonymous source (as after an inverted "said one legal
        // expert"), not a vague many.
        _ if ["a", "an", "one"].iter().any(|a| words[at + 2].is(a)) => {
            (Subtype::AttributedAnonymous, first.end)
        }
        _ => (Subtype::Vague, first.end),
    };
    Some(Sourcing {
        subtype,
        cue: Some(words[at].start..end),
    })
}

/// "Most NATO states realize", "many people think", "some historians": a quantifier,
/// then within the same clause either an unnamed group of people (next two words) or a
/// verb of knowing or saying (up to three words on).
fn vague_many(text: &str, words: &[Word]) -> Option<Range<usize>> {
    for (i, w) in words.iter().enumerate() {
        if !w.tags.has(Tags::QUANTIFIER) {
            continue;
        }
        // "the most", "at least some": a superlative, not a vague many.
        if i > 0 && (words[i - 1].is("the") || words[i - 1].is("at")) {
            continue;
        }
        if let Some(g) =
            (i + 1..words.len().min(i + 3)).find(|&g| words[g].tags.has(Tags::SOURCE_GROUP))
        {
            // "many people were diagnosed": a count of people something happened to.
            let counted = words
                .get(g + 1)
                .is_some_and(|w| w.is("were") || w.is("was"));
            if !counted {
                return Some(w.start..words[g].end);
            }
        }
        for verb in words.iter().skip(i + 2).take(3) {
            if text[w.end..verb.start].contains([',', ';', ':', '—', '(']) {
                break;
            }
            let lower = verb.text.to_lowercase();
            if COGNITION_STEMS.iter().any(|s| lower.starts_with(s)) {
                return Some(w.start..verb.end);
            }
        }
    }
    None
}

/// A reporting verb and who it reports: "Biden said", "the ministry said", "said Biden",
/// "He added" (the previous sentence's speaker). Each reporting verb is tried in turn; one
/// whose subject is no speaker ("a shape called", "A look at … reveals", "It is fair to
/// say", "As we've said") reports nobody, and the next is tried.
fn reporting_verb(cx: &SentenceContext, words: &[Word]) -> Option<Sourcing> {
    // A capitalised "States" or "Reports" is a name, not a verb.
    // "an estimated 25 million", "the reported deal": after an article the word is an
    // adjective, not a verb with a speaker. "fair to say", "needless to say": an
    // infinitive reports nobody.
    (0..words.len())
        .filter(|&i| {
            let w = &words[i];
            w.tags.has(Tags::REPORTING_VERB)
                && !w.is_capitalized()
                && !(i > 0 && ["a", "an", "the", "to"].iter().any(|a| words[i - 1].is(a)))
        })
        .find_map(|v| speaker_of(cx, words, v))
}

/// Who the reporting verb `words[v]` reports, if anyone.
fn speaker_of(cx: &SentenceContext, words: &[Word], v: usize) -> Option<Sourcing> {
    let mut s = v;
    while s > 0 && BETWEEN_SUBJECT_AND_VERB.iter().any(|b| words[s - 1].is(b)) {
        s -= 1;
    }
    let verb = &words[v];
    if s == 0 {
        return inverted(cx.text, verb, &words[v + 1..]);
    }
    // "This system, says Richard Locksley, an immunologist…": a verb set off by a comma is
    // inverted, and a speaker after it wins over the word before the comma ("The minister,
    // who spoke on Monday, said that…" has none after it).
    if cx.text[words[s - 1].end..verb.start].contains([',', '—']) {
        if let Some(found) = inverted(cx.text, verb, &words[v + 1..]) {
            return Some(found);
        }
    }
    let named = |start: usize| {
        Some(Sourcing {
            subtype: Subtype::AttributedNamed,
            cue: Some(start..verb.end),
        })
    };
    let subject = &words[s - 1];
    // "If scientists found signs of…": a supposition reports nobody.
    let supposed = words[..s - 1]
        .iter()
        .rev()
        .take_while(|w| !cx.text[w.end..subject.start].contains([',', ';', ':', '—']))
        .any(|w| SUPPOSITIONS.iter().any(|c| w.is(c)));
    if supposed {
        return None;
    }
    if PRONOUNS.iter().any(|p| subject.is(p)) {
        return Some(continued(cx.previous, subject.start..verb.end));
    }
    // "As we've said", "You can say": the writer's or the reader's own voice.
    if is_writer_or_reader(subject) {
        return None;
    }
    let sentence_start = subject.start == words[0].start;
    if subject.is_capitalized() && !(sentence_start && is_function_word(subject)) {
        return named(subject.start);
    }
    // "the Kremlin spokesman said", "his office said": a definite source.
    let noun_phrase = &words[s.saturating_sub(4)..s];
    if let Some(cap) = noun_phrase
        .iter()
        .find(|w| w.is_capitalized() && !is_function_word(w))
    {
        return named(cap.start);
    }
    if noun_phrase.iter().any(|w| {
        ["the", "his", "her", "its", "their"]
            .iter()
            .any(|d| w.is(d))
    }) {
        return named(noun_phrase[0].start);
    }
    // An unnamed source is a person ("a spokesman said", "officials said") or a document
    // ("a new study reports"); any other thing ("a flurry of work shows", "cells called")
    // reports nobody.
    let record = RECORDS.iter().any(|r| subject.is(r));
    (record || is_person_noun(subject)).then_some(Sourcing {
        subtype: Subtype::AttributedAnonymous,
        cue: Some(subject.start..verb.end),
    })
}

/// The speaker after an inverted reporting verb ("…,” said Biden"), in its noun phrase (up
/// to [`INVERTED_SPEAKER_WORDS`] words, to the first punctuation): named when the phrase
/// holds a name or starts with "the" ("said planetary geologist Rosaly Lopes", "wrote
/// 43-year-old Martin Taylor", "said the minister"), anonymous when it starts with an
/// indefinite ("said one legal expert", "said a spokesman").
fn inverted(text: &str, verb: &Word, after: &[Word]) -> Option<Sourcing> {
    let first = after.first()?;
    let phrase: Vec<&Word> = after
        .iter()
        .take(INVERTED_SPEAKER_WORDS)
        .take_while(|w| !text[verb.end..w.start].contains([',', ';', '.', '(', '—', ':']))
        .collect();
    let source = |subtype, last: &Word| {
        Some(Sourcing {
            subtype,
            cue: Some(verb.start..last.end),
        })
    };
    if first.is_capitalized() {
        return source(Subtype::AttributedNamed, first);
    }
    if first.is("the") {
        return source(
            Subtype::AttributedNamed,
            phrase.get(1).copied().unwrap_or(first),
        );
    }
    if INDEFINITES.iter().any(|d| first.is(d)) {
        let last = phrase
            .get(1..3)
            .and_then(|p| p.last())
            .copied()
            .unwrap_or(first);
        return source(Subtype::AttributedAnonymous, last);
    }
    // A title before the name: "said planetary geologist Rosaly Lopes".
    let name = phrase.iter().skip(1).find(|w| w.is_capitalized())?;
    source(Subtype::AttributedNamed, name)
}

/// A pronoun speaker continues the previous sentence's source when it had one.
fn continued(previous: Option<&Sourcing>, cue: Range<usize>) -> Sourcing {
    let subtype = match previous.map(|p| p.subtype) {
        Some(Subtype::AttributedAnonymous) => Subtype::AttributedAnonymous,
        _ => Subtype::AttributedNamed,
    };
    Sourcing {
        subtype,
        cue: Some(cue),
    }
}

fn is_function_word(word: &Word) -> bool {
    FUNCTION_WORDS.iter().any(|f| word.is(f))
}

/// "I", "we", "you" and their contractions ("we've", "you'd").
fn is_writer_or_reader(word: &Word) -> bool {
    let normal = word.normalised();
    let stem = normal.split('\'').next().unwrap_or_default();
    ["i", "we", "you"].contains(&stem)
}

/// A noun naming a person or a group of people: a source group ("experts", "officials"),
/// its singular, a listed head ("spokesman", "aide") or an agent suffix ("physicist",
/// "historian", "lawmaker", "chairwoman").
fn is_person_noun(word: &Word) -> bool {
    let normal = word.normalised();
    let lower: &str = &normal;
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    word.tags.has(Tags::SOURCE_GROUP)
        || lexicon::tags::of(&format!("{singular}s")).has(Tags::SOURCE_GROUP)
        || PERSON_HEADS.contains(&lower)
        || PERSON_HEADS.contains(&singular)
        // Not short words that only end like an agent ("list", "twist", "omen").
        || (singular.len() >= MIN_AGENT_NOUN_LEN
            && ["ist", "ian", "man", "men", "woman", "women", "person", "maker"]
                .iter()
                .any(|suffix| singular.ends_with(suffix)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sourcing_of(text: &str) -> Option<(Subtype, Option<&str>)> {
        let quoted = quotes::quoted_spans(text);
        let words = crate::text::words(text);
        let cx = SentenceContext {
            text,
            range: 0..text.len(),
            words: &words,
            quoted: &quoted,
            links: &[],
            previous: None,
        };
        classify(&cx).map(|s| (s.subtype, s.cue.map(|c| &text[c])))
    }

    #[test]
    fn named_sources() {
        use Subtype::AttributedNamed as N;
        assert_eq!(
            sourcing_of("According to the Financial Times, the plan was dropped last week."),
            Some((N, Some("According to the Financial Times")))
        );
        assert_eq!(
            sourcing_of("Yesterday, Merkel said that talks would resume in March."),
            Some((N, Some("Merkel said")))
        );
        assert_eq!(
            sourcing_of("“We will not move,” said the foreign minister on Monday."),
            Some((N, Some("said the foreign")))
        );
        assert_eq!(
            sourcing_of("The Kremlin spokesman told reporters the troops were on exercise."),
            Some((N, Some("Kremlin spokesman told")))
        );
    }

    #[test]
    fn anonymous_and_vague_sources() {
        assert_eq!(
            sourcing_of("A senior official warned that the sanctions would be delayed.")
                .map(|s| s.0),
            Some(Subtype::AttributedAnonymous)
        );
        assert_eq!(
            sourcing_of("Critics say the policy has already failed badly.").map(|s| s.0),
            Some(Subtype::Vague)
        );
        assert_eq!(
            sourcing_of("Most European governments understand this perfectly well."),
            Some((Subtype::Vague, Some("Most European governments understand")))
        );
        assert_eq!(
            sourcing_of("Many historians regard the treaty as a failure of nerve."),
            Some((Subtype::Vague, Some("Many historians")))
        );
        assert_eq!(
            sourcing_of("The bridge is widely considered the finest in Europe.").map(|s| s.0),
            Some(Subtype::Vague)
        );
        assert_eq!(
            sourcing_of("It is the most important vote of the year for the union.").map(|s| s.0),
            Some(Subtype::Unattributed)
        );
    }

    #[test]
    fn a_capitalised_verb_form_is_a_name() {
        assert_eq!(
            sourcing_of("The plan is meant to pressure the United States and Europe.").map(|s| s.0),
            Some(Subtype::Unattributed)
        );
    }

    #[test]
    fn questions_and_fragments_make_no_claim() {
        assert_eq!(
            sourcing_of("What was the minister thinking when he agreed?"),
            None
        );
        assert_eq!(sourcing_of("Not now."), None);
    }

    #[test]
    fn a_reporting_verb_inside_a_quote_is_not_a_source() {
        assert_eq!(
            sourcing_of("The deal is “what everyone said it would be” and worse.").map(|s| s.0),
            Some(Subtype::Unattributed)
        );
    }

    #[test]
    fn a_link_counts_as_a_citation() {
        let text = "The budget grew by a third in two years.";
        let link = 4..10;
        let words = crate::text::words(text);
        let cx = SentenceContext {
            text,
            range: 0..text.len(),
            words: &words,
            quoted: &[],
            links: std::slice::from_ref(&link),
            previous: None,
        };
        assert_eq!(
            classify(&cx).map(|s| s.subtype),
            Some(Subtype::AttributedNamed)
        );
    }

    #[test]
    fn a_pronoun_speaker_continues_the_previous_source() {
        let text = "He added that any compromise would be cut at the root.";
        let previous = Sourcing {
            subtype: Subtype::AttributedAnonymous,
            cue: None,
        };
        let words = crate::text::words(text);
        let cx = SentenceContext {
            text,
            range: 0..text.len(),
            words: &words,
            quoted: &[],
            links: &[],
            previous: Some(&previous),
        };
        assert_eq!(
            classify(&cx).map(|s| s.subtype),
            Some(Subtype::AttributedAnonymous)
        );
    }
}
