//! Which earlier marks cover or overlap a range, by binary search: a rule that asked every
//! mark found before for each of its own marks or words cost quadratic time on a long
//! paragraph full of markers.

use std::ops::Range;

use crate::finding::Mark;

/// Marks by start, with the furthest end that the marks up to each one reach.
pub struct Reach {
    starts: Vec<usize>,
    furthest: Vec<usize>,
}

impl Reach {
    pub fn new(marks: &[Mark]) -> Reach {
        let mut ranges: Vec<Range<usize>> = marks.iter().map(|m| m.range.clone()).collect();
        crate::sort::by_key(&mut ranges, |r| (r.start, r.end));
        let furthest = ranges
            .iter()
            .scan(0, |end, r| {
                *end = r.end.max(*end);
                Some(*end)
            })
            .collect();
        Reach {
            starts: ranges.iter().map(|r| r.start).collect(),
            furthest,
        }
    }

    /// True when one mark holds all of `range`.
    pub fn covers(&self, range: &Range<usize>) -> bool {
        self.furthest_end(range.start + 1) >= Some(range.end)
    }

    /// True when a mark shares part of `range`.
    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        self.furthest_end(range.end) > Some(range.start)
    }

    /// The furthest end of the marks that start before `before`, if any do.
    fn furthest_end(&self, before: usize) -> Option<usize> {
        let n = self.starts.partition_point(|&s| s < before);
        n.checked_sub(1).map(|i| self.furthest[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Subtype;

    #[test]
    fn agrees_with_asking_every_mark() {
        let text = "a".repeat(12);
        let marks: Vec<Mark> = [5..9, 0..2, 1..7, 10..10]
            .into_iter()
            .map(|r| Mark::new(&text, r, Subtype::Hedge))
            .collect();
        let reach = Reach::new(&marks);
        for start in 0..=12 {
            for end in start..=12 {
                let r = start..end;
                let covers = marks
                    .iter()
                    .any(|m| m.range.start <= start && end <= m.range.end);
                let overlaps = marks
                    .iter()
                    .any(|m| m.range.start < end && start < m.range.end);
                assert_eq!(reach.covers(&r), covers, "covers {r:?}");
                assert_eq!(reach.overlaps(&r), overlaps, "overlaps {r:?}");
            }
        }
    }
}
