//! What every fuzz target checks of an analysis, beyond "it did not panic".

use newslens::model::Page;
use newslens::offsets::{utf16_len, SegmentRange};
use newslens::Analysis;

/// Analyses `page` and checks that everything handed back to the DOM layer points at
/// real text: a bad offset there would throw in the page (or mark the wrong words).
pub fn analyze_and_check(page: &Page) {
    let analysis = newslens::analyze(page);
    check(page, &analysis);
    // The CLI's reports walk the same offsets again.
    let _ = analysis.body_text(page);
    let _ = newslens::report::page_sentences(page, &analysis);
}

fn check(page: &Page, analysis: &Analysis) {
    assert_eq!(analysis.roles.len(), page.blocks.len());
    for finding in &analysis.findings {
        assert!(!finding.ranges.is_empty(), "a finding covers no text");
        check_ranges(page, finding.block, &finding.ranges);
    }
    for sentence in &analysis.sentences {
        check_ranges(page, sentence.block, &sentence.ranges);
        assert!((0.0..=1.0).contains(&sentence.opinion));
    }
}

fn check_ranges(page: &Page, block: u32, ranges: &[SegmentRange]) {
    let block = &page.blocks[block as usize];
    for range in ranges {
        let segment = &block.segments[range.segment as usize];
        assert!(range.start < range.end, "empty range {range:?}");
        assert!(
            range.end <= utf16_len(segment),
            "range {range:?} past its text"
        );
        // Never the middle of a surrogate pair: the DOM would split a character.
        let units: Vec<u16> = segment.encode_utf16().collect();
        for at in [range.start, range.end] {
            if let Some(&unit) = units.get(at as usize) {
                assert!(!(0xDC00..0xE000).contains(&unit), "{range:?} splits a pair");
            }
        }
    }
}
