//! The detectors' cases: one file per family of rules in `tests/cases/`, each case a
//! paragraph of article text with the marks it must have and those it must not.
//!
//! ```text
//! # A comment.
//! text: It will probably pass.
//! mark: hedge "probably"
//! not: booster "pass"
//! ```
//!
//! A case may run over several paragraphs: `then:` lines follow its `text:` with the
//! next paragraphs, one each (a quotation's speaker may be named in the next paragraph).
//! Cases are separated by blank lines. A mark is a kind's id (see `src/catalogue.rs`) and
//! its cue: the marked words for opinion markers and rhetorical questions, the source's
//! words for claims ("" for an unsourced one). `mark:` lines must all be found, in any
//! order, and `not:` lines must not; marks a case does not name are allowed. The paragraph
//! is analysed as a one-paragraph page, through the same path as any page, with every
//! sentence's sourcing shown (the detectors' verdicts, not the default view's choice of
//! which to underline). On failure the test prints the paragraph with every mark
//! bracketed ⟦…⟧.

mod case_files;

use std::path::Path;

use newslens::model::Page;
use newslens::page::BlockRole;
use newslens::{analyze_with, Options, Subtype};

const CASES: &str = "tests/cases";

/// One case: its file and line, text, the marks it must have and those it must not.
struct Case {
    place: String,
    text: String,
    marks: Vec<(Subtype, String)>,
    not: Vec<(Subtype, String)>,
}

fn parse(file: &Path) -> Vec<Case> {
    let source =
        std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut cases: Vec<Case> = Vec::new();
    let mut open = false;
    for (n, line) in source.lines().enumerate() {
        let place = format!("{}:{}", file.display(), n + 1);
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{place}: expected `text:`, `mark:` or `not:`"));
        let value = value.trim();
        if key == "text" {
            assert!(
                !open,
                "{place}: a case has one text (a blank line starts the next)"
            );
            open = true;
            cases.push(Case {
                place,
                text: value.to_string(),
                marks: Vec::new(),
                not: Vec::new(),
            });
            continue;
        }
        let case = match cases.last_mut() {
            Some(case) if open => case,
            _ => panic!("{place}: `{key}:` before the case's `text:`"),
        };
        if key == "then" {
            case.text.push('\n');
            case.text.push_str(value);
            continue;
        }
        let mark = parse_mark(value, &place);
        match key {
            "mark" => case.marks.push(mark),
            "not" => case.not.push(mark),
            _ => panic!("{place}: unknown key `{key}`"),
        }
    }
    cases
}

/// `hedge "probably"` → (Hedge, "probably").
fn parse_mark(value: &str, place: &str) -> (Subtype, String) {
    let (id, cue) = value
        .split_once(' ')
        .unwrap_or_else(|| panic!("{place}: expected `KIND \"CUE\"`"));
    let kind = Subtype::from_id(id).unwrap_or_else(|| panic!("{place}: no kind `{id}`"));
    let cue = cue
        .trim()
        .strip_prefix('"')
        .and_then(|c| c.strip_suffix('"'))
        .unwrap_or_else(|| panic!("{place}: the cue goes in double quotes"));
    (kind, cue.to_string())
}

/// The paragraph with every mark bracketed: `⟦probably⟧hedge`.
fn reading_view(text: &str, marks: &[(Subtype, usize, usize)]) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        for _ in marks.iter().filter(|m| m.1 == i) {
            out.push('⟦');
        }
        out.push(c);
        for &(kind, _, _) in marks.iter().filter(|m| m.2 == i + 1) {
            out.push_str(&format!("⟧{}", kind.id()));
        }
    }
    out
}

fn check(case: &Case) -> Result<(), String> {
    let page = Page::from_text(&case.text);
    let every_sentence = Options {
        all_sourcing: true,
        ..Options::default()
    };
    let analysis = analyze_with(&page, &every_sentence);
    if analysis.roles.iter().any(|r| *r != BlockRole::Body) {
        return Err(format!(
            "the text is read as {:?}, not article text",
            analysis.roles
        ));
    }
    let found: Vec<(Subtype, String)> = analysis
        .findings
        .iter()
        .map(|f| (f.subtype, f.cue.clone()))
        .collect();
    let mut problems = Vec::new();
    for mark in &case.marks {
        if !found.contains(mark) {
            problems.push(format!("missing {} {:?}", mark.0.id(), mark.1));
        }
    }
    for mark in &case.not {
        if found.contains(mark) {
            problems.push(format!("unwanted {} {:?}", mark.0.id(), mark.1));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let paragraphs: Vec<String> = page
        .blocks
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let text = block.text();
            let chars_before = |units: u32| newslens::offsets::utf16_to_chars(&text, units);
            let located: Vec<(Subtype, usize, usize)> = analysis
                .findings
                .iter()
                .filter(|f| f.block as usize == index)
                .filter_map(|f| {
                    let (first, last) = (f.ranges.first()?, f.ranges.last()?);
                    Some((f.subtype, chars_before(first.start), chars_before(last.end)))
                })
                .collect();
            reading_view(&text, &located)
        })
        .collect();
    let cues: Vec<String> = found
        .iter()
        .map(|(kind, cue)| format!("{} {cue:?}", kind.id()))
        .collect();
    Err(format!(
        "{}\n  found: {}\n  cues: {}",
        problems.join(", "),
        paragraphs.join(" ¶ "),
        cues.join(", ")
    ))
}

#[test]
fn every_case_of_every_detector() {
    case_files::check_every_case(CASES, parse, check, |c| format!("{}: {}", c.place, c.text));
}
