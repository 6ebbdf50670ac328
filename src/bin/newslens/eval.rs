//! `newslens eval`: quality figures on the labelled data in `../shared/data` and the seed
//! column's expectations. Prints a table; asserts nothing (the tests do that).

use std::path::Path;

use newslens::article_type::ArticleKind;
use newslens::document::Format;
use newslens::eval::{macro_f1, roc_auc, Scores};
use newslens::report::{sentence_report, ClaimLabel, OpinionLabel, SentenceReport, SourcingLabel};
use newslens::{Category, Options, Subtype};
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
    extraction(data)?;
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
    let held_out = |id: &Value| {
        id.as_str()
            .unwrap_or_default()
            .bytes()
            .map(usize::from)
            .sum::<usize>()
            % 2
            == 1
    };
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

/// How many of the sentences of news reports carry a sourcing underline, in the default
/// view and with every sentence's sourcing shown: the default should leave most plain
/// narration unmarked.
#[derive(Default)]
struct Underlines {
    pages: usize,
    sentences: usize,
    by_default: usize,
    /// Of those, named sources (the extension draws them quieter).
    named_by_default: usize,
    all: usize,
}

impl Underlines {
    /// Counts a page's underlines if the analysis (with default options) types it news.
    fn add(&mut self, page: &newslens::model::Page, analysis: &newslens::Analysis) {
        if analysis.article_type.kind != ArticleKind::News {
            return;
        }
        let underlined = |a: &newslens::Analysis| {
            a.findings
                .iter()
                .filter(|f| f.category == Category::Claim)
                .count()
        };
        let named = analysis
            .findings
            .iter()
            .filter(|f| f.subtype == Subtype::AttributedNamed)
            .count();
        let every = Options {
            all_sourcing: true,
            ..Options::default()
        };
        self.pages += 1;
        self.sentences += analysis.sentences.len();
        self.by_default += underlined(analysis);
        self.named_by_default += named;
        self.all += underlined(&newslens::analyze_with(page, &every));
    }

    fn print(&self, name: &str) {
        let share = |n: usize| 100.0 * n as f64 / self.sentences.max(1) as f64;
        crate::emit(&format!(
            "{name:<58} {:>6}  sentences with a sourcing underline: {:.0}% by default ({:.0}% named sources, drawn quieter), {:.0}% with every sentence's sourcing ({} sentences)",
            self.pages,
            share(self.by_default),
            share(self.named_by_default),
            share(self.all),
            self.sentences
        ));
    }
}

/// Article-body extraction (Zyte benchmark pages, Readability's test pages), bylines,
/// the author bios the Readability pages are known to carry, and the sourcing underlines
/// of the pages typed news.
fn extraction(data: &Path) -> Result<(), String> {
    let mut underlines = Underlines::default();
    let zyte_dir = data.join("zyte_article_extraction");
    let mut zyte = Extraction::default();
    for r in jsonl(&zyte_dir.join("ground_truth.jsonl"))? {
        let page = crate::page::load(
            &zyte_dir.join(r["html"].as_str().unwrap_or_default()),
            Format::Html,
            r["url"].as_str().unwrap_or(""),
        )?;
        let analysis = newslens::analyze(&page);
        zyte.add(&analysis.body_text(&page), text(&r));
        underlines.add(&page, &analysis);
    }
    zyte.print("Zyte article extraction: body text (4-token shingles)");

    let dir = data.join("readability_test_pages");
    let mut body = Extraction::default();
    let (mut bylines, mut exact, mut loose, mut names) = (0, 0, 0, 0);
    let mut bios = Vec::new();
    let normalise = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let loosen = |s: &str| {
        normalise(&s.to_lowercase())
            .trim_start_matches("by ")
            .to_string()
    };
    for r in jsonl(&dir.join("index.jsonl"))? {
        let id = r["id"].as_str().unwrap_or_default();
        let page = crate::page::load(
            &dir.join(id).join("source.html"),
            Format::Html,
            r["url"].as_str().unwrap_or(""),
        )?;
        let analysis = newslens::analyze(&page);
        underlines.add(&page, &analysis);
        let expected = crate::page::load(&dir.join(id).join("expected.html"), Format::Html, "")?;
        let gold: Vec<String> = expected.blocks.iter().map(|b| b.text()).collect();
        body.add(&analysis.body_text(&page), &gold.join("\n\n"));
        if let Some(gold) = r["byline"].as_str().filter(|b| !b.trim().is_empty()) {
            bylines += 1;
            let ours = analysis.byline.clone().unwrap_or_default();
            exact += usize::from(normalise(&ours) == normalise(gold));
            loose += usize::from(loosen(&ours) == loosen(gold));
            // The name itself: the gold cleaned of "By", dates and counters as ours is.
            let gold_name = newslens::byline::clean(gold).unwrap_or_default();
            names += usize::from(loosen(&ours) == loosen(&gold_name));
        }
        if ["breitbart", "citylab-1", "iab-1"].contains(&id) {
            bios.push(format!(
                "{id}: {}",
                if analysis.disclosures.is_empty() {
                    "missed"
                } else {
                    "found"
                }
            ));
        }
    }
    body.print("Readability test pages: body text (4-token shingles)");
    crate::emit(&format!(
        "{:<58} {bylines:>6}  exact {exact} ({:.0}%), ignoring case and \"By\" {loose} ({:.0}%), the name after stripping dates and counters from the gold too {names} ({:.0}%)",
        "Readability test pages: byline match",
        100.0 * exact as f64 / bylines.max(1) as f64,
        100.0 * loose as f64 / bylines.max(1) as f64,
        100.0 * names as f64 / bylines.max(1) as f64
    ));
    crate::emit(&format!(
        "{:<58} {:>6}  {}",
        "Readability test pages: author bios",
        bios.len(),
        bios.join(", ")
    ));
    underlines.print("Zyte and Readability pages typed news: sourcing underlines");
    Ok(())
}
