//! The seed column against `../shared/golden/seed-expectations.jsonl`: every expectation in
//! that file is checked (fields that are absent mean "either is fine"). Skipped, saying so,
//! without `../shared` (see `shared/mod.rs`).

mod shared;

use newslens::model::Page;
use newslens::page::BlockRole;
use newslens::report::OpinionLabel;
use newslens::{analyze_with, Analysis, Category, Options, Subtype};
use serde_json::Value;

fn normalise(s: &str) -> String {
    s.replace('’', "'").to_lowercase()
}

/// The seed column, its analysis and its expectations; `None` without `../shared`.
///
/// Analysed with every sentence's sourcing: the expectations say how each sentence is
/// sourced, whether or not the default view underlines it (it leaves out unsourced
/// sentences that are not check-worthy claims; see tests/options.rs).
fn load() -> Option<(Page, Analysis, Vec<Value>)> {
    let article = shared::require("golden/seed-article.txt")?;
    let expectations = shared::require("golden/seed-expectations.jsonl")?;
    let text = std::fs::read_to_string(article).expect("seed article readable");
    let page = Page::from_text(&text);
    let every_sentence = Options {
        all_sourcing: true,
        ..Options::default()
    };
    let analysis = analyze_with(&page, &every_sentence);
    let expectations = std::fs::read_to_string(expectations)
        .expect("seed expectations readable")
        .lines()
        .map(|l| serde_json::from_str(l).expect("expectation is JSON"))
        .collect();
    Some((page, analysis, expectations))
}

/// Findings of `block` whose text lies inside `sentence`, with their text.
fn findings_in<'a>(
    page: &Page,
    analysis: &'a Analysis,
    block: usize,
    sentence: &str,
) -> Vec<(&'a newslens::Finding, String)> {
    analysis
        .findings
        .iter()
        .filter(|f| f.block as usize == block)
        .map(|f| (f, f.text_in(&page.blocks[block])))
        .filter(|(_, text)| sentence.contains(text.as_str()))
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_seed_expectation_holds() {
    let Some((page, analysis, expectations)) = load() else {
        return;
    };
    let mut failures = Vec::new();
    for exp in &expectations {
        let id = exp["id"].as_str().unwrap();
        let sentence = exp["text"].as_str().unwrap();
        let block = exp["paragraph"].as_u64().unwrap() as usize;
        let found = findings_in(&page, &analysis, block, sentence);

        for cue in strings(&exp["markers"]) {
            let marked = found.iter().any(|(f, text)| {
                f.category == Category::Opinion && normalise(text).contains(&normalise(&cue))
            });
            if !marked {
                failures.push(format!("{id}: marker {cue:?} not found"));
            }
        }

        if let Some(classes) = exp.get("claim").and_then(Value::as_array) {
            let claims: Vec<Subtype> = found
                .iter()
                .filter(|(f, text)| f.category == Category::Claim && text == sentence)
                .map(|(f, _)| f.subtype)
                .collect();
            let accepted = |s: &Subtype| {
                classes.iter().any(|c| match c.as_str() {
                    Some("attributed") => {
                        matches!(s, Subtype::AttributedNamed | Subtype::AttributedAnonymous)
                    }
                    Some("weasel") => *s == Subtype::Vague,
                    Some("unattributed") => *s == Subtype::Unattributed,
                    _ => false,
                })
            };
            let ok = if classes.is_empty() {
                claims.is_empty()
            } else {
                claims.len() == 1 && accepted(&claims[0])
            };
            if !ok {
                failures.push(format!(
                    "{id}: sourcing {claims:?}, expected one of {classes:?}"
                ));
            }
        }

        if let Some(expected) = exp.get("opinion").and_then(Value::as_bool) {
            let verdict = analysis
                .sentences
                .iter()
                .filter(|s| s.block as usize == block && s.text_in(&page.blocks[block]) == sentence)
                .map(|s| (s.opinion_label == OpinionLabel::Opinion, s.opinion))
                .next();
            let not_analysed = matches!(
                analysis.roles[block],
                BlockRole::Disclosure | BlockRole::Boilerplate
            );
            match verdict {
                Some((label, _)) if label == expected => {}
                None if !expected && not_analysed => {}
                other => failures.push(format!(
                    "{id}: opinion verdict {other:?}, expected {expected}"
                )),
            }
        }

        match exp.get("section").and_then(Value::as_str) {
            Some("author_disclosure") => {
                if analysis.roles[block] != BlockRole::Disclosure {
                    failures.push(format!("{id}: role {:?}", analysis.roles[block]));
                }
                let Some(facts) = analysis
                    .disclosures
                    .iter()
                    .find(|d| d.block as usize == block)
                else {
                    failures.push(format!("{id}: no disclosure facts"));
                    continue;
                };
                if facts.person.as_deref() != exp["person"].as_str() {
                    failures.push(format!("{id}: person {:?}", facts.person));
                }
                if facts.current_roles != strings(&exp["current_roles"]) {
                    failures.push(format!("{id}: current roles {:?}", facts.current_roles));
                }
                if facts.past_roles != strings(&exp["past_roles"]) {
                    failures.push(format!("{id}: past roles {:?}", facts.past_roles));
                }
            }
            Some("boilerplate") if analysis.roles[block] != BlockRole::Boilerplate => {
                failures.push(format!("{id}: role {:?}", analysis.roles[block]));
            }
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "seed expectations failed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn disclosure_and_footer_are_never_opinion_or_claims() {
    let Some((page, analysis, _)) = load() else {
        return;
    };
    let last = page.blocks.len() - 1;
    for f in &analysis.findings {
        let block = f.block as usize;
        if block >= last - 1 {
            assert_eq!(f.category, Category::Disclosure, "{f:?}");
        }
    }
}
