//! A page analysed as it is collected (`Session`: blocks pushed in batches, the detectors
//! run ahead of the roles) gives exactly the analysis of the whole page in one call,
//! however the blocks come: on the fixture column, and on real pages (the seed page and
//! Readability's saved pages) when `../shared` is there.

mod shared;

use newslens::html::page_from_html;
use newslens::model::Page;
use newslens::session::{Batch, Session};
use newslens::{analyze_with, Options};

/// The analysis of `page` with its blocks pushed `size` at a time, each with the elements
/// up to its last block's (a walk finds them in that order), the last few with `finish`.
fn in_batches(page: &Page, options: &Options, size: usize) -> newslens::Analysis {
    let mut session = Session::new(options.clone());
    let kept = page.blocks.len().min(2);
    let (pushed, last) = page.blocks.split_at(page.blocks.len() - kept);
    let mut elements = 0;
    for blocks in pushed.chunks(size) {
        let upto = blocks
            .iter()
            .map(|b| b.element as usize + 1)
            .max()
            .unwrap_or(0)
            .max(elements);
        session.push(Batch {
            elements: page.elements[elements..upto].to_vec(),
            blocks: blocks.to_vec(),
        });
        elements = upto;
    }
    session.finish(Page {
        elements: page.elements[elements..].to_vec(),
        blocks: last.to_vec(),
        ..page.clone()
    })
}

/// The fixture column, an opinion page with the usual furniture.
fn column() -> Page {
    page_from_html(
        &std::fs::read_to_string("tests/fixtures/column.html").expect("fixture page readable"),
        "https://ledger.example/opinion/2026/bridge",
    )
}

/// The seed page and Readability's saved pages; `None` without `../shared`.
fn real_pages() -> Option<Vec<(String, Page)>> {
    let seed = shared::require("golden/seed-page.html")?;
    let dir = shared::require("data/readability_test_pages")?;
    let mut pages = vec![(
        "seed page".to_string(),
        page_from_html(
            &std::fs::read_to_string(seed).expect("seed page readable"),
            "https://www.newsmax.com/fredfleitz/opinion/2024/",
        ),
    )];
    let mut ids: Vec<_> = std::fs::read_dir(&dir)
        .expect("Readability's test pages are readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    for id in ids {
        let html = std::fs::read_to_string(dir.join(&id).join("source.html"))
            .expect("saved page readable");
        pages.push((id, page_from_html(&html, "https://example.com/article")));
    }
    assert!(pages.len() > 40, "the saved pages are there");
    Some(pages)
}

/// Each page pushed one, seven and 500 blocks at a time gives the one-call analysis.
fn assert_batches_make_no_difference(pages: &[(String, Page)]) {
    let lean = Options {
        skip_sentences: true,
        ..Options::default()
    };
    for (name, page) in pages {
        for (batch, options) in [
            (1, Options::default()),
            (7, lean.clone()),
            (500, lean.clone()),
        ] {
            assert!(
                in_batches(page, &options, batch) == analyze_with(page, &options),
                "{name}: pushed {batch} blocks at a time"
            );
        }
    }
}

#[test]
fn pushed_in_batches_is_the_same_as_one_call() {
    assert_batches_make_no_difference(&[("fixture column".to_string(), column())]);
}

#[test]
fn real_pages_pushed_in_batches_are_the_same_as_one_call() {
    if let Some(pages) = real_pages() {
        assert_batches_make_no_difference(&pages);
    }
}

#[test]
fn blocks_left_out_by_the_options_break_the_chain_as_in_one_call() {
    let page = column();
    let some: Vec<u32> = (0..page.blocks.len() as u32)
        .filter(|i| i % 3 != 1)
        .collect();
    let options = Options {
        only_blocks: Some(some),
        ..Options::default()
    };
    assert!(in_batches(&page, &options, 4) == analyze_with(&page, &options));
}
