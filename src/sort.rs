//! The crate's one sort: items ordered by a pair of positions, stably.
//!
//! Every `sort_by_key` call compiles to its own copy of the standard library's sort (one
//! per element type and key closure, 3–7 KB of wasm each; seven of them were 36 KB of the
//! instant tier's wasm). Here the items' keys, each with the item's index, are sorted as
//! one concrete type, then the items are moved into that order: a single copy of the sort
//! serves every caller. The index breaks ties, so the order is the stable one
//! `sort_by_key` gives.

/// Sorts `items` by `key` (compared as a pair, first element first), keeping items with
/// equal keys in the order they had, as `sort_by_key` does.
pub fn by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize)) {
    let mut order: Vec<(usize, usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (a, b) = key(item);
            (a, b, i)
        })
        .collect();
    if order.is_sorted() {
        return;
    }
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .map(|&(_, _, i)| slots[i].take().expect("each index is in the order once")),
    );
}

/// A key for [`by_key`] that orders floats from the largest down, in the order of
/// `f32::total_cmp` reversed.
pub fn descending(x: f32) -> usize {
    // `total_cmp`'s own trick: flip the magnitude bits of negatives so the bits order as
    // signed integers, then the sign bit so they order as unsigned ones.
    let bits = x.to_bits() as i32;
    let ordered = (bits ^ (((bits >> 31) as u32) >> 1) as i32) as u32 ^ 0x8000_0000;
    (u32::MAX - ordered) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_key_and_keeps_ties_in_their_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (3, 'f')];
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        by_key(&mut items, |&(k, _)| (k, 0));
        assert_eq!(items, expected);
    }

    #[test]
    fn the_second_element_orders_items_with_the_same_first() {
        let mut items = vec![(2, 9), (2, 3), (1, 5)];
        by_key(&mut items, |&p| p);
        assert_eq!(items, [(1, 5), (2, 3), (2, 9)]);
    }

    #[test]
    fn descending_orders_floats_as_total_cmp_reversed() {
        let mut floats = vec![0.5, -1.0, 3.0, 0.0, -0.0, f32::INFINITY, -2.5, 0.25];
        let mut expected = floats.clone();
        expected.sort_by(|a: &f32, b| b.total_cmp(a));
        by_key(&mut floats, |&x| (descending(x), 0));
        assert_eq!(
            floats.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            expected.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }
}
