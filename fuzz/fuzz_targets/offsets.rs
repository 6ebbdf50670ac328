//! Byte ↔ UTF-16 offsets round-trip: any char-aligned byte range of a block, split into
//! per-segment UTF-16 ranges, reads back as exactly the same text.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use newslens::offsets::{text_of, utf16_len, utf16_to_chars, BlockUnits, SegmentMap};

#[derive(Arbitrary, Debug)]
struct Input {
    segments: Vec<String>,
    start: usize,
    end: usize,
}

/// The nearest char boundary at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fuzz_target!(|input: Input| {
    let text = input.segments.concat();
    let a = floor_boundary(&text, input.start % (text.len() + 1));
    let b = floor_boundary(&text, input.end % (text.len() + 1));
    let (start, end) = (a.min(b), a.max(b));
    let map = SegmentMap::new(&input.segments);
    let ranges = map.to_segment_ranges(start, end);
    assert_eq!(text_of(&input.segments, &ranges), &text[start..end]);

    // Block-relative UTF-16 offsets agree with counting the text before them.
    let units = BlockUnits::new(&input.segments);
    if let (Some(first), Some(last)) = (ranges.first(), ranges.last()) {
        assert_eq!(units.absolute(first, true), utf16_len(&text[..start]));
        assert_eq!(units.absolute(last, false), utf16_len(&text[..end]));
        let chars = utf16_to_chars(&text, units.absolute(first, true));
        assert_eq!(chars, text[..start].chars().count());
    }
});
