//! The one place where offsets change units.
//!
//! The core works on UTF-8 byte offsets into a block's concatenated text. The DOM wants
//! UTF-16 code units relative to each text node (segment); the `sentences` command
//! reports Unicode code points. Everything converts here, and nowhere else.

use serde::{Deserialize, Serialize};

/// A range inside one segment of a block, in UTF-16 code units.
///
/// In JSON it is the array `[segment, start, end]`: a long page has a hundred thousand
/// of them, and with named fields they made up four fifths of the analysis sent back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(u32, u32, u32)", into = "(u32, u32, u32)")]
pub struct SegmentRange {
    pub segment: u32,
    pub start: u32,
    pub end: u32,
}

impl From<(u32, u32, u32)> for SegmentRange {
    fn from((segment, start, end): (u32, u32, u32)) -> SegmentRange {
        SegmentRange {
            segment,
            start,
            end,
        }
    }
}

impl From<SegmentRange> for (u32, u32, u32) {
    fn from(r: SegmentRange) -> (u32, u32, u32) {
        (r.segment, r.start, r.end)
    }
}

/// Maps byte ranges of a block's text onto its segments.
#[derive(Debug, Clone)]
pub struct SegmentMap {
    /// Byte offset at which each segment starts in the block text, plus the total length.
    starts: Vec<usize>,
    /// Whether each segment is ASCII, where byte and UTF-16 offsets are the same.
    ascii: Vec<bool>,
    /// UTF-16 offsets in the block text, when a segment is not ASCII.
    units: Option<UnitIndex>,
}

impl SegmentMap {
    pub fn new<S: AsRef<str>>(segments: &[S]) -> SegmentMap {
        let mut starts = Vec::with_capacity(segments.len() + 1);
        let mut at = 0;
        for segment in segments {
            starts.push(at);
            at += segment.as_ref().len();
        }
        starts.push(at);
        let ascii: Vec<bool> = segments.iter().map(|s| s.as_ref().is_ascii()).collect();
        let units = ascii
            .contains(&false)
            .then(|| UnitIndex::new(segments.iter().flat_map(|s| s.as_ref().chars())));
        SegmentMap {
            starts,
            ascii,
            units,
        }
    }

    /// The byte range of the block text covered by segments `start..end`, if they exist.
    pub fn byte_range(&self, start: u32, end: u32) -> Option<std::ops::Range<usize>> {
        let (start, end) = (start as usize, end as usize);
        (start < end && end < self.starts.len()).then(|| self.starts[start]..self.starts[end])
    }

    /// Splits the byte range `start..end` of the block text (the concatenated segments)
    /// into per-segment UTF-16 ranges, skipping empty pieces.
    ///
    /// `start` and `end` must lie on char boundaries of the block text.
    pub fn to_segment_ranges(&self, start: usize, end: usize) -> Vec<SegmentRange> {
        let mut out = Vec::new();
        // From the segment holding `start` (segments are sorted) until one starts at `end`.
        let first = self
            .starts
            .partition_point(|&s| s <= start)
            .saturating_sub(1);
        for (index, bounds) in self.starts.windows(2).enumerate().skip(first) {
            let (seg_start, seg_end) = (bounds[0], bounds[1]);
            if seg_start >= end {
                break;
            }
            let (lo, hi) = (start.max(seg_start), end.min(seg_end));
            if lo >= hi {
                continue;
            }
            // Offsets within the segment: bytes are UTF-16 units in ASCII text.
            let units = |at: usize| match &self.units {
                Some(units) if !self.ascii[index] => units.units_at(at) - units.units_at(seg_start),
                _ => (at - seg_start) as u32,
            };
            out.push(SegmentRange {
                segment: index as u32,
                start: units(lo),
                end: units(hi),
            });
        }
        out
    }
}

/// A finding's `ranges` (from [`SegmentMap::to_segment_ranges`]) as one span in JSON:
/// `[first segment, start, last segment, end]`, or `[]` when there are none. Lossless:
/// the segments between the first and the last are covered whole (empty ones have no
/// range), so the DOM layer rebuilds the ranges from its Text nodes' lengths.
pub fn serialize_span<S: serde::Serializer>(
    ranges: &[SegmentRange],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match (ranges.first(), ranges.last()) {
        (Some(first), Some(last)) => {
            [first.segment, first.start, last.segment, last.end].serialize(serializer)
        }
        _ => [0u32; 0].serialize(serializer),
    }
}

/// The text that `ranges` cover in `segments` (for tests, reports and the CLI).
pub fn text_of<S: AsRef<str>>(segments: &[S], ranges: &[SegmentRange]) -> String {
    ranges
        .iter()
        .filter_map(|r| {
            let units: Vec<u16> = segments
                .get(r.segment as usize)?
                .as_ref()
                .encode_utf16()
                .collect();
            let piece = units.get(r.start as usize..r.end as usize)?;
            Some(String::from_utf16_lossy(piece))
        })
        .collect()
}

/// UTF-16 offsets of each segment's start within its block.
pub struct BlockUnits(Vec<u32>);

impl BlockUnits {
    pub fn new(segments: &[String]) -> BlockUnits {
        let mut at = 0;
        BlockUnits(
            segments
                .iter()
                .map(|s| {
                    let start = at;
                    at += utf16_len(s);
                    start
                })
                .collect(),
        )
    }

    /// A range's start (or end) as a UTF-16 offset in the whole block.
    pub fn absolute(&self, r: &SegmentRange, start: bool) -> u32 {
        self.0.get(r.segment as usize).copied().unwrap_or(0) + if start { r.start } else { r.end }
    }
}

/// A text's UTF-16 offsets as byte offsets and code points, each found by binary search.
///
/// Reports convert every sentence and marker of a block: counting from the block's start
/// each time (as [`utf16_to_chars`] does) made one long paragraph cost quadratic time.
/// Only the chars that are not ASCII are recorded, so ASCII text costs nothing.
#[derive(Debug, Clone, Default)]
pub struct UnitIndex {
    /// For each char that is not ASCII, in order: where it ends in UTF-16 units, how many
    /// bytes more than units the text holds up to there, and how many surrogate pairs.
    wide: Vec<Wide>,
    /// The text's length in UTF-16 units.
    units: u32,
}

#[derive(Debug, Clone, Copy)]
struct Wide {
    end: u32,
    extra_bytes: u32,
    pairs: u32,
}

impl UnitIndex {
    /// The index of the text made of `chars`.
    pub fn new(chars: impl IntoIterator<Item = char>) -> UnitIndex {
        let (mut wide, mut units, mut extra_bytes, mut pairs) = (Vec::new(), 0, 0, 0);
        for c in chars {
            let n = c.len_utf16() as u32;
            units += n;
            if !c.is_ascii() {
                extra_bytes += c.len_utf8() as u32 - n;
                pairs += n - 1;
                wide.push(Wide {
                    end: units,
                    extra_bytes,
                    pairs,
                });
            }
        }
        UnitIndex { wide, units }
    }

    /// The char boundary at or before UTF-16 offset `units` (clamped to the text), as
    /// (byte offset, code points before it). The code points agree with
    /// [`utf16_to_chars`]: half a surrogate pair does not count.
    pub fn floor(&self, units: u32) -> (usize, usize) {
        let units = units.min(self.units);
        let before = self.wide.partition_point(|w| w.end <= units);
        let (extra, pairs) = match before.checked_sub(1).map(|i| self.wide[i]) {
            Some(w) => (w.extra_bytes, w.pairs),
            None => (0, 0),
        };
        // Inside a surrogate pair: the pair's char starts one unit back.
        let inside_pair = self
            .wide
            .get(before)
            .is_some_and(|w| w.pairs > pairs && w.end == units + 1);
        let at = units - u32::from(inside_pair);
        ((at + extra) as usize, (at - pairs) as usize)
    }

    /// The UTF-16 offset of byte offset `byte`, a char boundary of the text.
    pub fn units_at(&self, byte: usize) -> u32 {
        let before = self
            .wide
            .partition_point(|w| (w.end + w.extra_bytes) as usize <= byte);
        let extra = before
            .checked_sub(1)
            .map_or(0, |i| self.wide[i].extra_bytes);
        byte as u32 - extra
    }
}

/// The number of code points in the first `units` UTF-16 units of `text`.
pub fn utf16_to_chars(text: &str, units: u32) -> usize {
    let mut seen = 0;
    text.chars()
        .take_while(|c| {
            seen += c.len_utf16() as u32;
            seen <= units
        })
        .count()
}

/// Length of `s` in UTF-16 code units, counted on bytes: every char but a UTF-8
/// continuation byte starts one unit, and a four-byte char (lead byte ≥ 0xF0) is a
/// surrogate pair.
pub fn utf16_len(s: &str) -> u32 {
    s.bytes()
        .map(|b| u32::from((b & 0xC0) != 0x80) + u32::from(b >= 0xF0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_range_across_segments_in_utf16_units() {
        // "Biden’s " has a 3-byte apostrophe (1 UTF-16 unit); the emoji is 4 bytes (2 units).
        let segments = ["Biden’s ", "big 😀 ", "day"];
        let text = segments.concat();
        let map = SegmentMap::new(&segments);
        let start = text.find("s big").unwrap();
        let end = text.find("day").unwrap() + 2;
        assert_eq!(
            map.to_segment_ranges(start, end),
            vec![
                SegmentRange {
                    segment: 0,
                    start: 6,
                    end: 8
                },
                SegmentRange {
                    segment: 1,
                    start: 0,
                    end: 7
                },
                SegmentRange {
                    segment: 2,
                    start: 0,
                    end: 2
                },
            ]
        );
    }

    #[test]
    fn empty_segments_and_ranges_produce_nothing() {
        let segments = ["", "abc", ""];
        let map = SegmentMap::new(&segments);
        assert!(map.to_segment_ranges(1, 1).is_empty());
        assert_eq!(map.byte_range(1, 3), Some(0..3));
        assert_eq!(map.byte_range(1, 4), None);
        assert_eq!(
            map.to_segment_ranges(0, 3),
            vec![SegmentRange {
                segment: 1,
                start: 0,
                end: 3
            }]
        );
    }

    #[test]
    fn text_of_reads_ranges_back() {
        let segments = ["Biden’s ", "big 😀 ", "day"];
        let ranges = [
            SegmentRange {
                segment: 1,
                start: 4,
                end: 7,
            },
            SegmentRange {
                segment: 2,
                start: 0,
                end: 3,
            },
            SegmentRange {
                segment: 9,
                start: 0,
                end: 1,
            },
        ];
        assert_eq!(text_of(&segments, &ranges), "😀 day");
    }

    #[test]
    fn utf16_lengths_count_surrogate_pairs_twice() {
        assert_eq!(utf16_len("a’😀é\u{301}"), 1 + 1 + 2 + 1 + 1);
    }

    #[test]
    fn block_offsets_and_code_points_from_utf16() {
        let segments = ["a😀".to_string(), "bc".to_string()];
        let units = BlockUnits::new(&segments);
        let r = SegmentRange {
            segment: 1,
            start: 1,
            end: 2,
        };
        assert_eq!(
            (units.absolute(&r, true), units.absolute(&r, false)),
            (4, 5)
        );
        assert_eq!(utf16_to_chars("a😀bc", 4), 3);
    }

    #[test]
    fn unit_index_agrees_with_counting_from_the_start() {
        let text = "a’😀é\u{301}b😀😀c";
        let index = UnitIndex::new(text.chars());
        for units in 0..=utf16_len(text) + 2 {
            let (byte, chars) = index.floor(units);
            assert_eq!(chars, utf16_to_chars(text, units), "at {units}");
            assert!(text.is_char_boundary(byte), "at {units}");
            assert_eq!(text[..byte].chars().count(), chars, "at {units}");
        }
        for (byte, _) in text.char_indices() {
            assert_eq!(index.units_at(byte), utf16_len(&text[..byte]), "at {byte}");
        }
        assert_eq!(index.units_at(text.len()), utf16_len(text));
        assert_eq!(UnitIndex::new("abc".chars()).floor(2), (2, 2));
    }
}
