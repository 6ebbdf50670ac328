//! What every fuzz target checks of an analysis, beyond "it did not panic": offsets that
//! point at real text, and a time that grows linearly with the input.

use std::time::Duration;

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

/// The CPU time any input may take, whatever its size (page set-up, first use of the word
/// lists).
const BASE_BUDGET: Duration = Duration::from_millis(250);
/// The CPU time an input may take per byte: twenty times what the analysis needs in a
/// fuzz build (about 1 µs a byte), and far less than a quadratic path takes on the
/// longest inputs (64 KB: 1.3 s at most).
const BUDGET_PER_BYTE: Duration = Duration::from_micros(20);

/// Runs `work` on an input of `size` bytes and fails if it took more CPU time than a
/// linear cost allows: the audit's quadratic paths never crashed, they were only slow.
pub fn within_budget<T>(size: usize, work: impl FnOnce() -> T) -> T {
    let started = thread_cpu_time();
    let out = work();
    let took = thread_cpu_time().saturating_sub(started);
    let budget = BASE_BUDGET + BUDGET_PER_BYTE * u32::try_from(size).unwrap_or(u32::MAX);
    assert!(
        took <= budget,
        "{size} bytes took {took:?} of CPU time, over the {budget:?} a linear cost allows"
    );
    out
}

/// The CPU time this thread has used: unlike wall time, not lengthened by other
/// processes on a busy machine.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec to write to, and the clock exists on Linux.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "no thread CPU clock");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}
