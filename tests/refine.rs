//! The learned tier's merge rules (src/refine.rs): one file per family in `tests/refine/`,
//! each case a paragraph, the scores a made-up model gives it, and the marks the reader
//! must then see, each with the tier that made it, and those they must not.
//!
//! ```text
//! # A comment.
//! text: The council approved a reckless scheme.
//! scores: opinion 0.7 claim 0.2
//! word: "reckless" 0.1
//! word: "scheme" 0.8
//! not: loaded "reckless"
//! mark: loaded "scheme" learned
//! ```
//!
//! `scores:` gives every sentence of the paragraph the same opinion and claim
//! probabilities (0 when absent); each `word:` scores every occurrence of that word (one
//! model word) at p, and words not listed are not scored at all (as a model that did not
//! read them). `options:` is the reader's options as JSON (the defaults when absent).
//! Thresholds are 0.5 for all three heads. A mark is a kind's id, its cue in double
//! quotes and the tier (`instant` or `learned`); `mark:` lines must all be found after the
//! refinement, `not:` lines (kind and cue) must not.

mod case_files;

use std::path::Path;

use newslens::refine::{Scores, Thresholds, Units};
use newslens::{analyze_learned, Options, Subtype};

const CASES: &str = "tests/refine";

const THRESHOLDS: Thresholds = Thresholds {
    opinion: 0.5,
    claim: 0.5,
    loaded: 0.5,
};

#[derive(Default)]
struct Case {
    place: String,
    text: String,
    opinion: f32,
    claim: f32,
    words: Vec<(String, f32)>,
    options: Options,
    marks: Vec<(Subtype, String, String)>,
    not: Vec<(Subtype, String)>,
}

fn parse(file: &Path) -> Vec<Case> {
    let source =
        std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut cases: Vec<Case> = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let place = format!("{}:{}", file.display(), n + 1);
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{place}: expected `KEY: VALUE`"));
        let value = value.trim();
        if key == "text" {
            cases.push(Case {
                place,
                text: value.to_string(),
                ..Case::default()
            });
            continue;
        }
        let case = cases
            .last_mut()
            .unwrap_or_else(|| panic!("{place}: `{key}:` before a `text:`"));
        match key {
            "scores" => {
                let fields: Vec<&str> = value.split_whitespace().collect();
                for pair in fields.chunks(2) {
                    let p = number(pair.get(1).copied(), &place);
                    match pair[0] {
                        "opinion" => case.opinion = p,
                        "claim" => case.claim = p,
                        other => panic!("{place}: no score `{other}`"),
                    }
                }
            }
            "word" => {
                let (cue, p) = quoted(value, &place);
                case.words.push((cue, number(Some(p.trim()), &place)));
            }
            "options" => {
                case.options = newslens::json::from_str(value)
                    .unwrap_or_else(|e| panic!("{place}: the options: {e}"))
            }
            "mark" => {
                let (kind, rest) = kind(value, &place);
                let (cue, tier) = quoted(rest, &place);
                case.marks.push((kind, cue, tier.trim().to_string()));
            }
            "not" => {
                let (kind, rest) = kind(value, &place);
                case.not.push((kind, quoted(rest, &place).0));
            }
            _ => panic!("{place}: unknown key `{key}`"),
        }
    }
    cases
}

fn number(value: Option<&str>, place: &str) -> f32 {
    value
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{place}: expected a probability"))
}

/// `loaded "x" learned` → (Loaded, `"x" learned`).
fn kind<'a>(value: &'a str, place: &str) -> (Subtype, &'a str) {
    let (id, rest) = value
        .split_once(' ')
        .unwrap_or_else(|| panic!("{place}: expected `KIND \"CUE\"`"));
    let kind = Subtype::from_id(id).unwrap_or_else(|| panic!("{place}: no kind `{id}`"));
    (kind, rest)
}

/// `"cue" rest` → ("cue", " rest").
fn quoted<'a>(value: &'a str, place: &str) -> (String, &'a str) {
    let (cue, rest) = value
        .trim()
        .strip_prefix('"')
        .and_then(|v| v.split_once('"'))
        .unwrap_or_else(|| panic!("{place}: the cue goes in double quotes"));
    (cue.to_string(), rest)
}

/// The scores the case's made-up model gives `sentence`: each listed word wherever it
/// stands as a whole word, in chars of the sentence.
fn scores(case: &Case, sentence: &str) -> Scores {
    let mut loaded = Vec::new();
    for (word, p) in &case.words {
        for (byte, _) in sentence.match_indices(word.as_str()) {
            let alone = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            if alone(sentence[..byte].chars().next_back())
                && alone(sentence[byte + word.len()..].chars().next())
            {
                let start = sentence[..byte].chars().count();
                loaded.push((start, start + word.chars().count(), *p));
            }
        }
    }
    Scores {
        opinion: case.opinion,
        claim: case.claim,
        loaded,
    }
}

fn check(case: &Case) -> Result<(), String> {
    let page = newslens::model::Page::from_text(&case.text);
    let (mut analysis, mut refiner) = analyze_learned(&page, &case.options);
    let ids = refiner.order(&[]).ids;
    if ids.is_empty() {
        return Err("no article sentence to score".into());
    }
    let scored: Vec<Scores> = ids
        .iter()
        .map(|&id| scores(case, refiner.input(id).expect("an id from order").sentence))
        .collect();
    analysis.refine(refiner.refine(&ids, &scored, THRESHOLDS, Units::Chars));
    let findings = &analysis.findings;
    let found: Vec<(Subtype, String, String)> = findings
        .iter()
        .map(|f| {
            let tier = f.learned.map_or("unscored".into(), |l| {
                serde_json::to_value(l.tier).expect("a tier")
            });
            (
                f.subtype,
                f.cue.clone(),
                tier.as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let mut problems = Vec::new();
    for mark in &case.marks {
        if !found.contains(mark) {
            problems.push(format!("missing {} {:?} {}", mark.0.id(), mark.1, mark.2));
        }
    }
    for (kind, cue) in &case.not {
        if found.iter().any(|(k, c, _)| k == kind && c == cue) {
            problems.push(format!("unwanted {} {cue:?}", kind.id()));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let found: Vec<String> = found
        .iter()
        .map(|(kind, cue, tier)| format!("{} {cue:?} {tier}", kind.id()))
        .collect();
    Err(format!(
        "{}\n  found: {}",
        problems.join(", "),
        found.join(", ")
    ))
}

#[test]
fn every_merge_rule_case() {
    case_files::check_every_case(CASES, parse, check, |c| format!("{}: {}", c.place, c.text));
}
