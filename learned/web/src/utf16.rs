//! Char (Unicode scalar) offsets, which the Rust crate returns, to UTF-16 code units,
//! which the page counts in: the one place the learned tier converts.

/// The UTF-16 offset of every char boundary of a string.
pub struct Units(Vec<usize>);

impl Units {
    pub fn of(text: &str) -> Self {
        let mut at = Vec::with_capacity(text.len() + 1);
        let mut units = 0;
        at.push(0);
        for c in text.chars() {
            units += c.len_utf16();
            at.push(units);
        }
        Self(at)
    }

    /// The UTF-16 offset of char offset `chars`. Offsets come from the tokenizer over
    /// this very text; one past its end maps to the end rather than trapping the module.
    pub fn at(&self, chars: usize) -> usize {
        self.0[chars.min(self.0.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_chars_count_two_units() {
        // "é" is one unit, "😟" two (a surrogate pair).
        let units = Units::of("é 😟 ok");
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 6].map(|c| units.at(c)),
            [0, 1, 2, 4, 5, 6, 7]
        );
    }
}
