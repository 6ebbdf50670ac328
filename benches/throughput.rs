//! Core throughput: how fast `analyze` runs natively on the seed column and on about a
//! megabyte of real article text from `../shared/data`. Prints figures. With `--check`
//! (the test command's quick part) it times only the seed and fails only when its budget
//! is exceeded twice over, so noise cannot make it flaky.
//!
//! `cargo bench --bench throughput [-- --check]`. Each text is read in place from
//! `../shared`; without it that row is skipped, saying so (see `tests/shared/mod.rs`).

#[path = "../tests/shared/mod.rs"]
mod shared;

use std::time::{Duration, Instant};

use newslens::model::Page;

/// The browser goal for the whole seed page is 15 ms; the core must take well under it.
const SEED_BUDGET: Duration = Duration::from_millis(15);
/// The long page's goal is 300 ms in the browser for ≥ 1 MB.
const MEGABYTE_BUDGET: Duration = Duration::from_millis(300);

/// About a megabyte of real article text; empty without `../shared`.
fn corpus() -> String {
    let mut text = String::new();
    let (Some(zyte), Some(ptc)) = (
        shared::require("data/zyte_article_extraction/ground_truth.jsonl"),
        shared::require("data/semeval2020_task11_ptc/sentences.jsonl"),
    ) else {
        return text;
    };
    let zyte = std::fs::read_to_string(zyte).expect("the Zyte benchmark's gold texts are readable");
    let ptc =
        std::fs::read_to_string(ptc).expect("the SemEval-2020 Task 11 sentences are readable");
    for line in zyte.lines().chain(ptc.lines()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        text.push_str(row["text"].as_str().unwrap_or_default());
        text.push('\n');
        if text.len() >= 1 << 20 {
            break;
        }
    }
    text
}

/// Median time of `analyze` over runs lasting at least `at_least` in total.
fn time(page: &Page, at_least: Duration) -> Duration {
    let mut runs = Vec::new();
    let started = Instant::now();
    while runs.len() < 5 || started.elapsed() < at_least {
        let t = Instant::now();
        std::hint::black_box(newslens::analyze(std::hint::black_box(page)));
        runs.push(t.elapsed());
    }
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let seed = shared::require("golden/seed-article.txt")
        .map(|path| std::fs::read_to_string(path).expect("seed article readable"))
        .unwrap_or_default();
    let big = if check { String::new() } else { corpus() };
    let mut over = Vec::new();
    println!(
        "{:<44} {:>10} {:>12} {:>10} {:>10}",
        "core throughput (native, median)", "bytes", "time", "MB/s", "budget"
    );
    let cases = [
        ("seed column", &seed, SEED_BUDGET),
        ("~1 MB of article text", &big, MEGABYTE_BUDGET),
    ];
    for (name, text, budget) in cases.into_iter().filter(|(_, text, _)| !text.is_empty()) {
        let page = Page::from_text(text);
        let t = time(&page, Duration::from_secs(2));
        let mbps = text.len() as f64 / t.as_secs_f64() / 1e6;
        println!(
            "{name:<44} {:>10} {:>9.2} ms {mbps:>10.1} {:>7} ms",
            text.len(),
            t.as_secs_f64() * 1e3,
            budget.as_millis()
        );
        summary_row(
            &format!("core, native: {name}"),
            &format!("{:.2} ms, {mbps:.1} MB/s", t.as_secs_f64() * 1e3),
        );
        if t > budget * 2 {
            over.push(format!(
                "{name}: {:.1} ms is over twice the {} ms budget",
                t.as_secs_f64() * 1e3,
                budget.as_millis()
            ));
        }
    }
    if check && !over.is_empty() {
        eprintln!("{}", over.join("\n"));
        std::process::exit(1);
    }
}

/// A row for the summary table `cargo xtask bench` prints (see tests/bench/summary.mjs):
/// appended to the file NEWSLENS_BENCH_SUMMARY names, if it does. These figures have no
/// goal of their own (the browser timings do).
fn summary_row(measure: &str, figure: &str) {
    let Ok(file) = std::env::var("NEWSLENS_BENCH_SUMMARY") else {
        return;
    };
    let row = format!("{measure}\t{figure}\t—\t\n");
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&file)
        .and_then(|mut f| std::io::Write::write_all(&mut f, row.as_bytes()));
    if let Err(e) = appended {
        eprintln!("cannot write the summary row to {file}: {e}");
    }
}
