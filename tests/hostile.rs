//! Crafted inputs that once cost quadratic time: each must cost time linear in its size.
//!
//! A test builds an input of size n and of 4n and compares the two times: linear work
//! takes about 4 times as long, quadratic work 16 times. The bound (8, plus a little for
//! timer noise on a busy machine) fails the quadratic paths by a wide margin and holds
//! for linear ones; each time is the best of a few runs. Sizes are chosen to keep the
//! debug build well under a second per test.

use std::time::{Duration, Instant};

use newslens::html::page_from_html;
use newslens::model::Page;

/// How much more the input of 4n may cost than the input of n.
const MAX_RATIO: f64 = 8.0;
/// Runs of each size; the fastest counts (the machine is shared).
const RUNS: usize = 3;

fn best_time(run: &dyn Fn()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .min()
        .expect("at least one run")
}

/// Asserts that `run` on `make(4n)` costs at most [`MAX_RATIO`] times `run` on `make(n)`.
fn scales_linearly<T>(what: &str, n: usize, make: impl Fn(usize) -> T, run: impl Fn(&T)) {
    let (small, large) = (make(n), make(4 * n));
    let t_small = best_time(&|| run(&small));
    let t_large = best_time(&|| run(&large));
    let ratio = t_large.as_secs_f64() / (t_small + Duration::from_millis(5)).as_secs_f64();
    assert!(
        ratio <= MAX_RATIO,
        "{what}: 4× the input took {ratio:.1}× the time ({t_small:?} → {t_large:?})"
    );
}

/// One paragraph of `n` varied sentences, some with opinion markers.
fn paragraph(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "Item {i} will probably pass, officials said, though critics called it reckless. "
            )
        })
        .collect()
}

#[test]
fn nested_inline_elements_cost_linear_time() {
    // Every text node once climbed all its inline ancestors to find its block.
    scales_linearly(
        "nested spans",
        500,
        |n| {
            let open: String = (0..n).map(|i| format!("<span class=c{i}>w{i} ")).collect();
            format!("<p>{open}{}</p>", "</span>".repeat(n))
        },
        |html| {
            let page = page_from_html(html, "");
            assert_eq!(page.blocks.len(), 1);
        },
    );
}

#[test]
fn nested_blocks_cost_linear_time() {
    // The parser's scope checks scan every open element at each tag: nesting is capped.
    scales_linearly(
        "nested divs",
        1_000,
        |n| {
            let open: String = (0..n).map(|i| format!("<div>w{i} ")).collect();
            format!("<body>{open}{}</body>", "</div>".repeat(n))
        },
        |html| {
            page_from_html(html, "");
        },
    );
}

#[test]
fn one_long_paragraph_is_reported_in_linear_time() {
    // Each sentence's report once re-encoded the whole block, and scanned all its markers.
    scales_linearly(
        "page report of one paragraph",
        400,
        |n| Page::from_text(&paragraph(n)),
        |page| {
            let analysis = newslens::analyze(page);
            let report = newslens::report::page_sentences(page, &analysis);
            assert!(report.len() >= analysis.sentences.len());
        },
    );
}

#[test]
fn a_paragraph_of_short_quotes_costs_linear_time() {
    // Each sentence and word once scanned every quote of its block.
    scales_linearly(
        "short quoted sentences",
        1_000,
        |n| Page::from_text(&"“Yes.” He said “no.” ".repeat(n)),
        |page| {
            newslens::analyze(page);
        },
    );
}

#[test]
fn json_page_models_read_in_linear_time() {
    // The page model crosses into the wasm as JSON: long arrays of blocks, long strings and
    // runs of escapes.
    scales_linearly(
        "a page model of many blocks with escaped text",
        2_000,
        |n| {
            let block = r#"{"element":1,"segments":["caf\u00e9 \"quoted\"\n","plain text "]}"#;
            let blocks = vec![block; n].join(",");
            format!(
                r#"{{"elements":[{{"tag":"article"}},{{"tag":"p","parent":0}}],"blocks":[{blocks}]}}"#
            )
        },
        |json| {
            let page: Page = newslens::json::from_str(json).expect("a page model");
            assert!(!page.blocks.is_empty());
        },
    );
    scales_linearly(
        "a JSON string of escapes",
        20_000,
        |n| format!("\"{}\"", "\\u00e9\\n".repeat(n)),
        |json| {
            newslens::json::from_str::<String>(json).expect("a string");
        },
    );
}
