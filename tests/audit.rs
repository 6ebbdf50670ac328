//! The reader audit (every `.tsv` file in `tests/audit/`: `cases.tsv` for loaded words and
//! quotations, `claims.tsv` for the check-worthy claims, `markers.tsv` for the other marks
//! and the vague and anonymous sources): what a careful reader accepts and rejects among the
//! marks on saved real pages in `../shared/data`, read with `newslens page`.
//! Asserts the settled cases (`must`, `must-not`) and prints each kind's precision on the
//! audited pages, with the open cases (`reject`, `want`) a later change should settle.

mod shared;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

/// One line of a case file.
struct Case<'a> {
    file: &'a str,
    page: &'a str,
    context: &'a str,
    cue: &'a str,
    kind: &'a str,
    expect: Expect,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Expect {
    Must,
    MustNot,
    Reject,
    Want,
}

impl Expect {
    /// Whether a reader accepts the mark the case is about.
    fn accepted(self) -> bool {
        matches!(self, Expect::Must | Expect::Want)
    }
}

/// The case files, by name: every `.tsv` in `tests/audit/`.
fn case_files() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/audit");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} reads: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .map(|p| {
            let text = std::fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("{} reads: {e}", p.display()));
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, text)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case file in {}", dir.display());
    files
}

fn cases<'a>(file: &'a str, text: &'a str) -> Vec<Case<'a>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 5, "{file}: a case has five fields: {line:?}");
            let expect = match f[4] {
                "must" => Expect::Must,
                "must-not" => Expect::MustNot,
                "reject" => Expect::Reject,
                "want" => Expect::Want,
                other => panic!("{file}: unknown expectation {other:?} in {line:?}"),
            };
            Case {
                file,
                page: f[0],
                context: f[1],
                cue: f[2],
                kind: f[3],
                expect,
            }
        })
        .collect()
}

/// The saved page a case names, if `../shared` is there.
fn page_file(page: &str) -> Option<PathBuf> {
    let readability = format!("data/readability_test_pages/{page}/source.html");
    if page.contains('-') || !page.chars().all(|c| c.is_ascii_hexdigit()) {
        return shared::require(&readability);
    }
    let dir = shared::require("data/zyte_article_extraction/html")?;
    let found = std::fs::read_dir(&dir)
        .expect("the Zyte pages' folder reads")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(page))
        });
    Some(found.unwrap_or_else(|| panic!("no Zyte page starts with {page}")))
}

/// The page's sentences as `newslens page` prints them.
fn sentences(file: &PathBuf) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .arg("page")
        .arg(file)
        .output()
        .expect("newslens runs");
    assert!(out.status.success(), "newslens page {}", file.display());
    let page: Value = serde_json::from_slice(&out.stdout).expect("page prints JSON");
    page["sentences"].as_array().cloned().unwrap_or_default()
}

fn normalised(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `sentence` carries what `case` is about: a mark of its kind on its cue, or
/// its sourcing or claim label.
fn carries(sentence: &Value, case: &Case) -> bool {
    if case.cue == "-" {
        return sentence["sourcing"] == case.kind || sentence["claim_label"] == case.kind;
    }
    marks(sentence).any(|(kind, cue)| kind == case.kind && cue == case.cue)
}

/// The sentence's markers as (kind, cue), the cue's whitespace collapsed as in the case
/// files (a question's cue is its whole sentence, line breaks and all).
fn marks(sentence: &Value) -> impl Iterator<Item = (&str, String)> {
    sentence["markers"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            (
                m["subtype"].as_str().unwrap_or_default(),
                normalised(m["cue"].as_str().unwrap_or_default()),
            )
        })
}

/// Counts of one kind on the audited pages.
#[derive(Default)]
struct Tally {
    accepted: usize,
    rejected: usize,
    unjudged: Vec<String>,
    open: Vec<String>,
    /// Sentences the sourcing cases are about, and how many still carry that sourcing.
    sentences: usize,
    still: usize,
}

#[test]
fn marks_on_real_pages_are_what_a_reader_accepts() {
    let files = case_files();
    let cases: Vec<Case> = files
        .iter()
        .flat_map(|(name, text)| cases(name, text))
        .collect();
    let mut by_page: BTreeMap<&str, Vec<&Case>> = BTreeMap::new();
    for case in &cases {
        by_page.entry(case.page).or_default().push(case);
    }
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    for (page, cases) in by_page {
        let Some(file) = page_file(page) else {
            return; // skipped, and said so
        };
        let sentences = sentences(&file);
        let texts: Vec<String> = sentences
            .iter()
            .map(|s| normalised(s["text"].as_str().unwrap_or_default()))
            .collect();
        // A sentence no longer analysed (the page's furniture is better told apart) has
        // no marks: a `must` about it fails, a `must-not` holds.
        let about = |case: &Case| -> Vec<&Value> {
            (0..sentences.len())
                .filter(|&i| texts[i].contains(case.context))
                .map(|i| &sentences[i])
                .collect()
        };
        for case in &cases {
            let there = about(case).iter().any(|s| carries(s, case));
            let line = format!(
                "{}: {page} {:?} {} {}",
                case.file, case.context, case.cue, case.kind
            );
            if case.cue == "-" {
                // The sentences a reader judged: precision over those still labelled, and
                // how many of the rejected ones still are.
                let tally = tallies.entry(case.kind).or_default();
                match (case.expect.accepted(), there) {
                    (true, true) => tally.accepted += 1,
                    (false, true) => tally.rejected += 1,
                    _ => {}
                }
                if !case.expect.accepted() {
                    tally.sentences += 1;
                    tally.still += usize::from(there);
                }
            }
            match (case.expect, there) {
                (Expect::Must, false) => failures.push(format!("missing: {line}")),
                (Expect::MustNot, true) => failures.push(format!("back again: {line}")),
                (Expect::Reject, true) => tallies
                    .entry(case.kind)
                    .or_default()
                    .open
                    .push(format!("reject {line}")),
                (Expect::Want, false) => tallies
                    .entry(case.kind)
                    .or_default()
                    .open
                    .push(format!("want {line}")),
                _ => {}
            }
        }
        // Precision of the marks: every mark of an audited kind on the page, judged by
        // the case whose sentence and cue it has.
        for (i, sentence) in sentences.iter().enumerate() {
            for (kind, cue) in marks(sentence) {
                // Only kinds the cases judge marks of (by the case's own name for it).
                let Some(audited) = cases
                    .iter()
                    .find(|c| c.kind == kind && c.cue != "-")
                    .map(|c| c.kind)
                else {
                    continue;
                };
                let tally = tallies.entry(audited).or_default();
                let verdict = cases
                    .iter()
                    .find(|c| c.kind == kind && c.cue == cue && texts[i].contains(c.context));
                match verdict {
                    Some(c) if c.expect.accepted() => tally.accepted += 1,
                    Some(_) => tally.rejected += 1,
                    None => tally
                        .unjudged
                        .push(format!("{page} {cue:?} in {:?}", texts[i])),
                }
            }
        }
    }
    let mut err = std::io::stderr();
    for (kind, t) in &tallies {
        let judged = t.accepted + t.rejected;
        if judged > 0 {
            let _ = writeln!(
                err,
                "audit {kind}: precision {:.2} ({} of {judged} judged marks accepted), {} unjudged",
                t.accepted as f64 / judged as f64,
                t.accepted,
                t.unjudged.len()
            );
        }
        if t.sentences > 0 {
            let _ = writeln!(
                err,
                "audit {kind}: {} of {} sentences a reader says are not {kind} still are",
                t.still, t.sentences
            );
        }
        // Marks no case judges yet: a change added them, and a reader should judge them.
        for line in &t.unjudged {
            let _ = writeln!(err, "  unjudged {line}");
        }
        if !t.open.is_empty() {
            let _ = writeln!(
                err,
                "  {} open cases (`reject` still marked, `want` not marked)",
                t.open.len()
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
