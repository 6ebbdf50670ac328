//! `newslens eval`: quality figures on the labelled data in `../shared/data` and the seed
//! column's expectations. Prints a table; asserts nothing (the tests do that).

use std::path::Path;

use newslens::article_type::ArticleKind;
use newslens::document::Format;
use newslens::eval::{macro_f1, roc_auc, Scores};
use newslens::report::{sentence_report, ClaimLabel, OpinionLabel, SentenceReport, SourcingLabel};
use newslens::{Category, Subtype};
use serde_json::Value;

pub fn run(data: &Path, golden: &Path) -> Result<(), String> {
    crate::emit(&format!(
        "{:<58} {:>6} {:>9} {:>7} {:>7}",
        "dataset / task", "n", "precision", "recall", "F1"
    ));
    opinion(data)?;
    claims(data)?;
    weasel(data)?;
    loaded(data)?;
    seed(golden)?;
    pages(data)?;
    Ok(())
}

fn jsonl(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

fn row(name: &str, n: usize, s: Scores) {
    crate::emit(&format!(
        "{name:<58} {n:>6} {:>9.3} {:>7.3} {:>7.3}",
        s.precision, s.recall, s.f1
    ));
}

fn text(v: &Value) -> &str {
    v["text"].as_str().unwrap_or_default()
}

/// Sentence opinion model on CheckThat! dev (never used in training), macro-F1.
fn opinion(data: &Path) -> Result<(), String> {
    let rows = jsonl(&data.join("checkthat_subjectivity_en/dev.jsonl"))?;
    let reports: Vec<SentenceReport> = rows.iter().map(|r| sentence_report(text(r))).collect();
    let gold: Vec<bool> = rows.iter().map(|r| r["label"] == "opinion").collect();
    for (name, split) in [
        ("all", None),
        ("2023 dev", Some("dev")),
        ("2023 test", Some("test")),
    ] {
        let keep: Vec<usize> = (0..rows.len())
            .filter(|&i| split.is_none_or(|s| rows[i]["ct2023_split"] == s))
            .collect();
        let g: Vec<bool> = keep.iter().map(|&i| gold[i]).collect();
        let at = |threshold: Option<f32>| -> Vec<bool> {
            keep.iter()
                .map(|&i| match threshold {
                    Some(t) => reports[i].opinion >= t,
                    None => reports[i].opinion_label == OpinionLabel::Opinion,
                })
                .collect()
        };
        let shipped = at(None);
        let share = shipped.iter().filter(|p| **p).count() as f64 / shipped.len().max(1) as f64;
        let s = Scores::of_class(&shipped, &g, true);
        crate::emit(&format!(
            "{:<58} {:>6} {:>9.3} {:>7.3} {:>7.3}  macro-F1 {:.3} (at 0.5: {:.3}; predicted opinion share {:.0}%)",
            format!("CheckThat! dev {name}: opinion sentences"),
            g.len(),
            s.precision,
            s.recall,
            s.f1,
            macro_f1(&shipped, &g),
            macro_f1(&at(Some(0.5)), &g),
            share * 100.0
        ));
    }
    Ok(())
}

/// Claim model on CheckThat! 2024 Task 1 English dev (never used in training): F1 of the
/// check-worthy class (the task's metric) and ROC-AUC of the probability.
fn claims(data: &Path) -> Result<(), String> {
    let rows = jsonl(&data.join("checkworthiness_en/dev.jsonl"))?;
    let reports: Vec<SentenceReport> = rows.iter().map(|r| sentence_report(text(r))).collect();
    let gold: Vec<bool> = rows.iter().map(|r| r["label"] == "check-worthy").collect();
    let predicted: Vec<bool> = reports
        .iter()
        .map(|r| r.claim_label == ClaimLabel::CheckWorthy)
        .collect();
    let probabilities: Vec<f32> = reports.iter().map(|r| r.claim).collect();
    let s = Scores::of_class(&predicted, &gold, true);
    crate::emit(&format!(
        "{:<58} {:>6} {:>9.3} {:>7.3} {:>7.3}  ROC-AUC {:.3}",
        "CheckThat! 2024 check-worthiness dev: check-worthy",
        rows.len(),
        s.precision,
        s.recall,
        s.f1,
        roc_auc(&probabilities, &gold)
    ));
    Ok(())
}

/// Undoes the Penn Treebank escapes of the CoNLL-2010 text.
fn untokenise(s: &str) -> String {
    s.replace("-LRB-", "(")
        .replace("-RRB-", ")")
        .replace("``", "\"")
        .replace("''", "\"")
}

/// Vague-attribution + hedge detector against CoNLL-2010 weasel labels, F1 of `weasel`.
fn weasel(data: &Path) -> Result<(), String> {
    for file in ["train.jsonl", "pattern_sample.jsonl"] {
        let rows = jsonl(&data.join("conll2010_wiki_weasel").join(file))?;
        let gold: Vec<bool> = rows.iter().map(|r| r["label"] == "weasel").collect();
        let predicted: Vec<bool> = rows
            .iter()
            .map(|r| {
                let report = sentence_report(&untokenise(text(r)));
                matches!(
                    report.sourcing,
                    SourcingLabel::Vague | SourcingLabel::AttributedAnonymous
                ) || report.markers.iter().any(|m| m.subtype == Subtype::Hedge)
            })
            .collect();
        row(
            &format!("CoNLL-2010 weasel {file}: vague source or hedge"),
            rows.len(),
            Scores::of_class(&predicted, &gold, true),
        );
    }
    Ok(())
}

/// A dataset of sentences with gold loaded-language spans.
struct SpanData {
    name: &'static str,
    file: &'static str,
    /// The field naming the article (for the held-out split).
    article: &'static str,
    /// The field holding the spans, and the technique they must have (if any).
    spans: &'static str,
    technique: Option<&'static str>,
}

const SPAN_DATA: &[SpanData] = &[
    SpanData {
        name: "BASIL lexical spans",
        file: "basil/sentences.jsonl",
        article: "article",
        spans: "lexical_spans",
        technique: None,
    },
    SpanData {
        name: "SemEval-2020 T11 Loaded_Language",
        file: "semeval2020_task11_ptc/sentences.jsonl",
        article: "article_id",
        spans: "spans",
        technique: Some("Loaded_Language"),
    },
];

/// Loaded-language markers against gold spans: span-overlap precision (share of marks
/// touching a gold span) and recall (share of gold spans touched). "held-out half" is the
/// half of the articles that `train/loaded_lexicon.py` did not read.
fn loaded(data: &Path) -> Result<(), String> {
    let held_out = |id: &Value| odd_half(id.as_str().unwrap_or_default());
    for set in SPAN_DATA {
        let rows = jsonl(&data.join(set.file))?;
        for (half, only_held_out) in [("all", false), ("held-out half", true)] {
            let rows: Vec<&Value> = rows
                .iter()
                .filter(|r| !only_held_out || held_out(&r[set.article]))
                .collect();
            let (mut marks_hit, mut marks, mut gold_hit, mut golds) = (0.0, 0.0, 0.0, 0.0);
            for r in &rows {
                let gold: Vec<(usize, usize)> = r[set.spans]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|s| set.technique.is_none_or(|t| s["technique"] == t))
                    .filter_map(|s| {
                        Some((s["start"].as_u64()? as usize, s["end"].as_u64()? as usize))
                    })
                    .collect();
                let predicted: Vec<(usize, usize)> = sentence_report(text(r))
                    .markers
                    .iter()
                    .filter(|m| m.subtype == Subtype::Loaded)
                    .map(|m| (m.start, m.end))
                    .collect();
                let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
                marks += predicted.len() as f64;
                marks_hit += predicted
                    .iter()
                    .filter(|p| gold.iter().any(|g| overlaps(p, g)))
                    .count() as f64;
                golds += gold.len() as f64;
                gold_hit += gold
                    .iter()
                    .filter(|g| predicted.iter().any(|p| overlaps(p, g)))
                    .count() as f64;
            }
            let precision = if marks > 0.0 { marks_hit / marks } else { 0.0 };
            let recall = if golds > 0.0 { gold_hit / golds } else { 0.0 };
            let f1 = if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            };
            row(
                &format!("{}, {half}: loaded words", set.name),
                rows.len(),
                Scores {
                    precision,
                    recall,
                    f1,
                },
            );
        }
    }
    Ok(())
}

/// The seed column: share of expectations met (markers, opinion verdicts, sourcing).
fn seed(golden: &Path) -> Result<(), String> {
    let rows = jsonl(&golden.join("seed-expectations.jsonl"))?;
    let (mut markers, mut markers_ok, mut opinions, mut opinions_ok) = (0, 0, 0, 0);
    for r in rows.iter().filter(|r| r.get("section").is_none()) {
        let report = sentence_report(text(r));
        let norm = |s: &str| s.replace('’', "'").to_lowercase();
        for cue in r["markers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            markers += 1;
            markers_ok += usize::from(
                report
                    .markers
                    .iter()
                    .any(|m| norm(&m.cue).contains(&norm(cue))),
            );
        }
        if let Some(expected) = r["opinion"].as_bool() {
            opinions += 1;
            opinions_ok += usize::from((report.opinion_label == OpinionLabel::Opinion) == expected);
        }
    }
    crate::emit(&format!(
        "{:<58} {:>6}  required markers found {markers_ok}/{markers}, opinion verdicts right {opinions_ok}/{opinions}",
        "seed column (sentences alone, no context)",
        rows.len()
    ));
    Ok(())
}

/// `\w+` tokens (Unicode letters, digits and underscore).
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Per-page true/false positives and false negatives over 4-token shingles (multisets),
/// each normalised by their sum, as in the article-extraction benchmark.
fn shingle_counts(predicted: &str, gold: &str) -> (f64, f64, f64) {
    use std::collections::HashMap;
    fn shingles(text: &str) -> (HashMap<Vec<&str>, i64>, i64) {
        let t = tokens(text);
        let mut counts: HashMap<Vec<&str>, i64> = HashMap::new();
        for w in t.windows(4) {
            *counts.entry(w.to_vec()).or_default() += 1;
        }
        (counts, t.len().saturating_sub(3) as i64)
    }
    let ((p, np), (g, ng)) = (shingles(predicted), shingles(gold));
    let tp: i64 = p
        .iter()
        .map(|(k, v)| (*v).min(*g.get(k).unwrap_or(&0)))
        .sum();
    let (fp, fn_) = (np - tp, ng - tp);
    let total = (tp + fp + fn_).max(1) as f64;
    (tp as f64 / total, fp as f64 / total, fn_ as f64 / total)
}

/// Accumulates shingle counts over pages and prints precision, recall and F1.
#[derive(Default)]
struct Extraction {
    tp: f64,
    fp: f64,
    fn_: f64,
    pages: usize,
}

impl Extraction {
    fn add(&mut self, predicted: &str, gold: &str) {
        let (tp, fp, fn_) = shingle_counts(predicted, gold);
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
        self.pages += 1;
    }

    fn print(&self, name: &str) {
        row(
            name,
            self.pages,
            Scores::from_counts(self.tp, self.fp, self.fn_),
        );
    }
}

/// A labelled page of `../shared/data`, analysed once for every page-level figure.
struct LabelledPage {
    /// `zyte` or `readability`.
    set: &'static str,
    id: String,
    /// The half of the Zyte pages it falls in ("A" or "B"), by [`odd_half`].
    half: &'static str,
    body: String,
    gold_body: String,
    /// The byline Readability's metadata gives, if any.
    gold_byline: Option<String>,
    analysis: newslens::Analysis,
}

/// Halves of a labelled set by id, deterministic and independent of the ids' order: the
/// parity of the sum of the id's bytes.
fn odd_half(id: &str) -> bool {
    id.bytes().map(usize::from).sum::<usize>() % 2 == 1
}

/// The Zyte benchmark pages and Readability's test pages, analysed.
fn labelled_pages(data: &Path) -> Result<Vec<LabelledPage>, String> {
    let mut pages = Vec::new();
    let zyte = data.join("zyte_article_extraction");
    for r in jsonl(&zyte.join("ground_truth.jsonl"))? {
        let page = crate::page::load(
            &zyte.join(r["html"].as_str().unwrap_or_default()),
            Format::Html,
            r["url"].as_str().unwrap_or(""),
        )?;
        let analysis = newslens::analyze(&page);
        let id = r["id"].as_str().unwrap_or_default().to_string();
        pages.push(LabelledPage {
            set: "zyte",
            half: if odd_half(&id) { "B" } else { "A" },
            id,
            body: analysis.body_text(&page),
            gold_body: text(&r).to_string(),
            gold_byline: None,
            analysis,
        });
    }
    let readability = data.join("readability_test_pages");
    for r in jsonl(&readability.join("index.jsonl"))? {
        let id = r["id"].as_str().unwrap_or_default();
        let dir = readability.join(id);
        let page = crate::page::load(
            &dir.join("source.html"),
            Format::Html,
            r["url"].as_str().unwrap_or(""),
        )?;
        let analysis = newslens::analyze(&page);
        let expected = crate::page::load(&dir.join("expected.html"), Format::Html, "")?;
        let gold: Vec<String> = expected.blocks.iter().map(|b| b.text()).collect();
        pages.push(LabelledPage {
            set: "readability",
            id: id.to_string(),
            half: "",
            body: analysis.body_text(&page),
            gold_body: gold.join("\n\n"),
            gold_byline: r["byline"]
                .as_str()
                .filter(|b| !b.trim().is_empty())
                .map(str::to_string),
            analysis,
        });
    }
    Ok(pages)
}

/// Page understanding on the Zyte and Readability pages: body text, bylines, article
/// types and disclosures (the last two against this repository's labels in `tests/labels`).
fn pages(data: &Path) -> Result<(), String> {
    let pages = labelled_pages(data)?;
    extraction(&pages);
    bylines(&pages);
    article_types(&pages)?;
    disclosures(&pages)?;
    underlines(&pages);
    Ok(())
}

/// How many of the sentences of the pages typed news carry a sourcing underline, in the
/// default view (by kind) and with every sentence's sourcing shown (the default's findings
/// and those it left out): the default should leave named sources and plain narration
/// unmarked, and underline at most about a third of a news report.
fn underlines(pages: &[LabelledPage]) {
    let (mut n, mut sentences, mut all) = (0, 0, 0);
    let mut shown: Vec<(Subtype, usize)> = Vec::new();
    for a in pages
        .iter()
        .map(|p| &p.analysis)
        .filter(|a| a.article_type.kind == ArticleKind::News)
    {
        n += 1;
        sentences += a.sentences.len();
        all += a.sourcing_left_out as usize;
        for f in a.findings.iter().filter(|f| f.category == Category::Claim) {
            all += 1;
            match shown.iter_mut().find(|(s, _)| *s == f.subtype) {
                Some((_, k)) => *k += 1,
                None => shown.push((f.subtype, 1)),
            }
        }
    }
    shown.sort_by_key(|&(_, k)| std::cmp::Reverse(k));
    let share = |k: usize| 100.0 * k as f64 / sentences.max(1) as f64;
    let by_kind: Vec<String> = shown
        .iter()
        .map(|&(s, k)| format!("{:.0}% {}", share(k), s.id()))
        .collect();
    crate::emit(&format!(
        "{:<58} {n:>6}  sentences with a sourcing underline: {:.0}% by default ({}), {:.0}% with every sentence's sourcing ({sentences} sentences)",
        "Zyte and Readability pages typed news: sourcing underlines",
        share(shown.iter().map(|(_, k)| k).sum()),
        by_kind.join(", "),
        share(all),
    ));
}

/// Article-body extraction: the Zyte pages, each of their halves, Readability's pages.
fn extraction(pages: &[LabelledPage]) {
    for (name, set, half) in [
        (
            "Zyte article extraction: body text (4-token shingles)",
            "zyte",
            None,
        ),
        ("Zyte half A: body text", "zyte", Some("A")),
        ("Zyte half B: body text", "zyte", Some("B")),
        (
            "Readability test pages: body text (4-token shingles)",
            "readability",
            None,
        ),
    ] {
        let mut scores = Extraction::default();
        for p in pages
            .iter()
            .filter(|p| p.set == set && half.is_none_or(|h| p.half == h))
        {
            scores.add(&p.body, &p.gold_body);
        }
        scores.print(name);
    }
}

/// Bylines against Readability's metadata: exact, loosely, and the name alone.
fn bylines(pages: &[LabelledPage]) {
    let (mut bylines, mut exact, mut loose, mut names) = (0, 0, 0, 0);
    let normalise = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let loosen = |s: &str| {
        normalise(&s.to_lowercase())
            .trim_start_matches("by ")
            .to_string()
    };
    for p in pages {
        let Some(gold) = &p.gold_byline else { continue };
        bylines += 1;
        let ours = p.analysis.byline.clone().unwrap_or_default();
        exact += usize::from(normalise(&ours) == normalise(gold));
        loose += usize::from(loosen(&ours) == loosen(gold));
        // The name itself: the gold cleaned of "By", dates and counters as ours is.
        let gold_name = newslens::byline::clean(gold).unwrap_or_default();
        names += usize::from(loosen(&ours) == loosen(&gold_name));
    }
    crate::emit(&format!(
        "{:<58} {bylines:>6}  exact {exact} ({:.0}%), ignoring case and \"By\" {loose} ({:.0}%), the name after stripping dates and counters from the gold too {names} ({:.0}%)",
        "Readability test pages: byline match",
        100.0 * exact as f64 / bylines.max(1) as f64,
        100.0 * loose as f64 / bylines.max(1) as f64,
        100.0 * names as f64 / bylines.max(1) as f64
    ));
}

/// The label files, built by reading the pages (ids and labels only, no page text).
const ARTICLE_TYPE_LABELS: &str = include_str!("../../../tests/labels/article_types.jsonl");
const DISCLOSURE_LABELS: &str = include_str!("../../../tests/labels/disclosures.jsonl");

fn labels(text: &str) -> Result<Vec<Value>, String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("label file: {e}")))
        .collect()
}

fn labelled<'a>(pages: &'a [LabelledPage], label: &Value) -> Option<&'a LabelledPage> {
    pages
        .iter()
        .find(|p| label["set"] == p.set && label["id"] == p.id.as_str())
}

/// Article type: share of labelled pages whose kind is one of the kinds a reader would
/// accept, overall and on the opinion pages (columns, op-eds, editorials) alone.
fn article_types(pages: &[LabelledPage]) -> Result<(), String> {
    let (mut n, mut right, mut opinion, mut opinion_right) = (0, 0, 0, 0);
    // Right and labelled, on each half of the pages by id (rules were made on half A).
    let mut halves = [(0, 0), (0, 0)];
    let mut wrong = Vec::new();
    for label in labels(ARTICLE_TYPE_LABELS)? {
        let Some(page) = labelled(pages, &label) else {
            continue;
        };
        let kinds: Vec<&str> = label["kinds"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let ours =
            serde_json::to_value(page.analysis.article_type.kind).map_err(|e| e.to_string())?;
        let ours = ours.as_str().unwrap_or_default();
        let ok = kinds.contains(&ours);
        n += 1;
        right += usize::from(ok);
        let half = &mut halves[usize::from(odd_half(&page.id))];
        half.0 += usize::from(ok);
        half.1 += 1;
        if matches!(kinds.first(), Some(&"opinion" | &"editorial")) {
            opinion += 1;
            opinion_right += usize::from(ok);
        }
        if !ok {
            wrong.push(format!(
                "{} {ours} (want {})",
                short(&page.id),
                kinds.join("|")
            ));
        }
    }
    crate::emit(&format!(
        "{:<58} {n:>6}  right {right} ({:.0}%; half A {}/{}, half B {}/{}), opinion and editorials right {opinion_right}/{opinion}; wrong: {}",
        "Zyte + Readability pages: article type",
        100.0 * right as f64 / n.max(1) as f64,
        halves[0].0,
        halves[0].1,
        halves[1].0,
        halves[1].1,
        wrong.join(", ")
    ));
    Ok(())
}

/// A page id short enough for a report line (Zyte ids are hashes).
fn short(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

/// Disclosures against the labels: a found disclosure is right when it matches an
/// expected one not matched yet (a bio naming the expected person, or a statement or
/// sponsorship note where one is expected); one that matches an optional label (a
/// site-wide notice, a byline's role) counts neither way. Precision over what was found,
/// recall over what was expected.
fn disclosures(pages: &[LabelledPage]) -> Result<(), String> {
    use newslens::disclosure::{Disclosure, DisclosureKind};
    let matches = |found: &Disclosure, want: &Value| {
        let is_bio = found.kind == DisclosureKind::AuthorBio;
        match want["person"].as_str() {
            Some(person) => {
                let surname = person.split_whitespace().last().unwrap_or(person);
                let named = |s: &str| s.contains(surname);
                is_bio && (found.person.as_deref().is_some_and(named) || named(&found.text))
            }
            None => !is_bio,
        }
    };
    let (mut found_n, mut found_right, mut expected_n, mut expected_found) = (0, 0, 0, 0);
    let (mut junk, mut missed) = (Vec::new(), Vec::new());
    for label in labels(DISCLOSURE_LABELS)? {
        let Some(page) = labelled(pages, &label) else {
            continue;
        };
        let expected: Vec<&Value> = label["expected"].as_array().into_iter().flatten().collect();
        let optional: Vec<&Value> = label["optional"].as_array().into_iter().flatten().collect();
        let mut taken = vec![false; expected.len()];
        expected_n += expected.len();
        for found in &page.analysis.disclosures {
            if let Some(i) = (0..expected.len()).find(|&i| !taken[i] && matches(found, expected[i]))
            {
                taken[i] = true;
                found_n += 1;
                found_right += 1;
            } else if !optional.iter().any(|o| matches(found, o)) {
                found_n += 1;
                junk.push(short(&page.id).to_string());
            }
        }
        expected_found += taken.iter().filter(|t| **t).count();
        missed.extend(
            taken
                .iter()
                .filter(|t| !**t)
                .map(|_| short(&page.id).to_string()),
        );
    }
    let s = Scores::from_counts(
        found_right as f64,
        (found_n - found_right) as f64,
        (expected_n - expected_found) as f64,
    );
    crate::emit(&format!(
        "{:<58} {expected_n:>6} {:>9.3} {:>7.3} {:>7.3}  found {found_n}; junk on {}; missed on {}",
        "Zyte + Readability pages: author disclosures",
        s.precision,
        s.recall,
        s.f1,
        junk.join(" "),
        missed.join(" ")
    ));
    Ok(())
}
