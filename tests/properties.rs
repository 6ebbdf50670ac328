//! Properties of the analysis on random input: findings do not depend on how the page
//! splits text into DOM text nodes, nor on the batches a page's blocks arrive in; offsets
//! never split a character and a finding's ranges are one span; marks of one layer
//! (word-level markers, claims) never overlap.

use newslens::model::{Block, Element, Page};
use newslens::session::{Batch, Session};
use newslens::{analyze, Analysis, Category, Options, Subtype};
use proptest::prelude::*;

/// News-like text written for the tests: sourced and unsourced claims, markers, a bio.
const ARTICLE: &str = "tests/fixtures/report.txt";

fn page_of(paragraphs: &[Vec<String>]) -> Page {
    let mut elements = vec![Element {
        tag: "article".into(),
        ..Element::default()
    }];
    let mut blocks = Vec::new();
    for segments in paragraphs {
        blocks.push(Block {
            element: elements.len() as u32,
            segments: segments.clone(),
            ..Block::default()
        });
        elements.push(Element {
            tag: "p".into(),
            parent: Some(0),
            ..Element::default()
        });
    }
    Page {
        elements,
        blocks,
        ..Page::default()
    }
}

/// Each finding as (block, subtype, cue, UTF-16 start and end within the whole block).
fn absolute(page: &Page, analysis: &Analysis) -> Vec<(u32, Subtype, String, u32, u32)> {
    analysis
        .findings
        .iter()
        .map(|f| {
            let block = &page.blocks[f.block as usize];
            let offset = |seg: u32| -> u32 {
                block.segments[..seg as usize]
                    .iter()
                    .map(|s| s.encode_utf16().count() as u32)
                    .sum()
            };
            let first = f.ranges.first().expect("findings cover text");
            let last = f.ranges.last().expect("findings cover text");
            (
                f.block,
                f.subtype,
                f.cue.clone(),
                offset(first.segment) + first.start,
                offset(last.segment) + last.end,
            )
        })
        .collect()
}

/// Splits `text` at the given fractions of its length (snapped to char boundaries).
fn split(text: &str, cuts: &[f64]) -> Vec<String> {
    let mut points: Vec<usize> = cuts
        .iter()
        .map(|c| {
            let mut at = (c * text.len() as f64) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        })
        .collect();
    points.sort_unstable();
    let mut out = Vec::new();
    let mut from = 0;
    for p in points.into_iter().chain([text.len()]) {
        out.push(text[from..p].to_string());
        from = p;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn findings_are_stable_under_resegmentation(cuts in prop::collection::vec(prop::collection::vec(0.0f64..1.0, 0..6), 20)) {
        let text = std::fs::read_to_string(ARTICLE).expect("fixture article readable");
        let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let whole = page_of(&paragraphs.iter().map(|p| vec![p.to_string()]).collect::<Vec<_>>());
        let pieces = page_of(&paragraphs.iter().zip(cuts.iter().cycle()).map(|(p, c)| split(p, c)).collect::<Vec<_>>());
        prop_assert_eq!(absolute(&whole, &analyze(&whole)), absolute(&pieces, &analyze(&pieces)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    #[test]
    fn a_page_analysed_as_its_blocks_arrive_is_the_page_analysed_at_once(
        picks in prop::collection::vec((0usize..1000, 0usize..4, awkward_text()), 1..24),
        sizes in prop::collection::vec(0usize..6, 1..8),
    ) {
        // Paragraphs of the fixture article and of awkward text, in random order, as article
        // paragraphs, headings, navigation links and blocks of an aside: blocks the
        // session reads ahead as article text that turn out not to be.
        let article = std::fs::read_to_string(ARTICLE).expect("fixture article readable");
        let article: Vec<&str> = article.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut elements = vec![
            Element { tag: "body".into(), ..Element::default() },
            Element { tag: "article".into(), parent: Some(0), ..Element::default() },
            Element { tag: "nav".into(), parent: Some(0), ..Element::default() },
            Element { tag: "aside".into(), parent: Some(0), ..Element::default() },
        ];
        let mut blocks = Vec::new();
        for (i, kind, awkward) in &picks {
            let text = if i % 3 == 0 { awkward.clone() } else { article[i % article.len()].to_string() };
            let (tag, parent) = [("p", 1), ("h2", 1), ("li", 2), ("p", 3)][*kind];
            blocks.push(Block { element: elements.len() as u32, segments: vec![text], ..Block::default() });
            elements.push(Element { tag: tag.into(), parent: Some(parent), ..Element::default() });
        }
        let page = Page { elements, blocks, ..Page::default() };
        let mut session = Session::new(Options::default());
        let mut blocks = page.blocks.iter().cloned();
        session.push(Batch { elements: page.elements.clone(), blocks: Vec::new() });
        for size in &sizes {
            session.push(Batch { elements: Vec::new(), blocks: blocks.by_ref().take(*size).collect() });
        }
        let rest = Page { elements: Vec::new(), blocks: blocks.collect(), ..page.clone() };
        prop_assert_eq!(session.finish(rest), analyze(&page));
    }
}

/// Word-level marker kinds (every opinion marker but the rhetorical question, which is a
/// sentence): these never overlap one another.
fn word_level(kind: Subtype) -> bool {
    kind.category() == Category::Opinion && kind != Subtype::RhetoricalQuestion
}

/// Claim kinds: one per sentence, so they never overlap one another either.
fn claim(kind: Subtype) -> bool {
    kind.category() == Category::Claim
}

/// Text made of news-like pieces and awkward Unicode: emoji (surrogate pairs in
/// UTF-16), combining marks, RTL text, NBSP, soft hyphens, curly quotes; and a sentence
/// whose sourcing continues the one before it.
fn awkward_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "The mayor must have been thrilled, however.",
        " 😀🇺🇦 ",
        "e\u{301}\u{302} ",
        " שלום עולם ",
        "\u{a0}\u{ad}",
        "“likely” ‘so’ ",
        "I don’t know if it’s probably a bluff. ",
        "Most residents understand this. ",
        "What now? ",
        "\"",
        "According to the Ledger, ",
        "People familiar with the plan said so. ",
        "He added that the talks could resume. ",
    ]);
    prop::collection::vec(pieces, 1..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn offsets_fall_on_characters_and_layers_do_not_overlap(text in awkward_text(), cuts in prop::collection::vec(0.0f64..1.0, 0..6)) {
        let page = page_of(&[split(&text, &cuts)]);
        let analysis = analyze(&page);
        for f in &analysis.findings {
            let block = &page.blocks[f.block as usize];
            for r in &f.ranges {
                let units: Vec<u16> = block.segments[r.segment as usize].encode_utf16().collect();
                prop_assert!(r.start < r.end && r.end as usize <= units.len());
                for at in [r.start as usize, r.end as usize] {
                    // Never between the two halves of a surrogate pair.
                    let low = units.get(at).is_some_and(|u| (0xDC00..0xE000).contains(u));
                    prop_assert!(!low, "offset {} splits a character in {:?}", at, block.segments[r.segment as usize]);
                }
            }
            // One span, as the JSON sends it: between its first and last range every
            // segment is covered whole, and only empty ones have no range.
            let len = |s: u32| block.segments[s as usize].encode_utf16().count() as u32;
            for pair in f.ranges.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                prop_assert!(a.end == len(a.segment) && b.start == 0, "a gap inside {:?}", f.ranges);
                prop_assert!((a.segment + 1..b.segment).all(|s| len(s) == 0), "a segment skipped in {:?}", f.ranges);
            }
        }
        for layer in [word_level, claim] {
            let mut spans: Vec<(u32, u32)> = absolute(&page, &analysis)
                .into_iter()
                .filter(|(_, subtype, _, _, _)| layer(*subtype))
                .map(|(_, _, _, start, end)| (start, end))
                .collect();
            spans.sort();
            for pair in spans.windows(2) {
                prop_assert!(pair[0].1 <= pair[1].0, "overlapping {:?} in {:?}", pair, text);
            }
        }
    }
}
