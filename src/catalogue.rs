//! The catalogue of kinds: every kind of finding newslens shows, with everything the rest
//! of the project needs to know about it — its wire id, category, the label and
//! explanation a reader sees, whether it is on by default, how far it is trusted and how
//! it is drawn.
//!
//! This table is the one source of those facts. The serialised ids come from it (there is
//! no serde `rename` to keep in step), the reader-facing text comes from it, and the
//! extension's `kinds.js` and `dom/highlights.css` are generated from it into the build
//! output (see [`export`]); `tests/catalogue.rs` fails when an entry lacks a label,
//! explanation or style.
//!
//! Why the entries live with their detectors: a kind is added where it is found. Each
//! kind is a constant declared in the file that finds it (`pub const HEDGE: Kind = Kind {`
//! at the start of a line, in `src/detect/rules/phrases.rs`; the disclosure kinds, found
//! from block roles rather than by a rule, in `src/page/disclosure.rs`). `build.rs` finds
//! those lines and generates [`Subtype`] (a variant per constant: `HEDGE` → `Hedge`) and
//! the list of entries; this module sorts the entries into [`KINDS`] at compile time by
//! category, then by each kind's [`Kind::order`]. No hand-kept list names them again.

#[cfg(not(target_arch = "wasm32"))]
pub mod export;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The three things newslens shows a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// A word, phrase or sentence that expresses the writer's opinion.
    Opinion,
    /// A sentence that asserts something, with how (or whether) it is sourced.
    Claim,
    /// A section about the author: bio, affiliations, interests.
    Disclosure,
}

include!(concat!(env!("OUT_DIR"), "/kinds.rs"));

/// A category's entry: its wire id and the heading a reader sees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CategoryInfo {
    pub category: Category,
    pub id: &'static str,
    pub label: &'static str,
}

/// A kind's entry in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kind {
    /// The wire id (kebab-case): in the JSON, the settings and the highlight names.
    pub id: &'static str,
    pub category: Category,
    /// Where the kind stands among its category's kinds: in the settings, the legend, the
    /// highlight rules and the order of [`Subtype`]. Two kinds of a category never share
    /// one (the build fails); steps of ten leave room for a kind in between.
    pub order: u8,
    /// The name a reader sees on a card and in the wrapper marks' descriptions.
    pub label: &'static str,
    /// The one-line explanation a reader sees for this kind of finding.
    pub explanation: &'static str,
    /// Shown to a reader who has not turned it off.
    pub default_on: bool,
    /// How often a finding of this kind is right, roughly: compared with the reader's
    /// sensitivity (a finding shows when `confidence >= 1 - sensitivity`). The order
    /// follows the precision measured by `newslens eval`: fixed first-person and
    /// speculation phrases are almost always opinion, single loaded words often are not.
    pub confidence: f32,
    pub style: Style,
}

/// How a kind is drawn: an underline style (the same in every palette, so no kind relies
/// on colour alone) and the colours of each palette, in [`PALETTES`] order; and, in the
/// CLI's reading view, its terminal style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub line: Line,
    pub colours: [Colours; 4],
    pub terminal: Terminal,
}

/// A kind in the CLI's coloured reading view, as an ANSI SGR code: opinion markers and
/// disclosures colour their words, claims underline their sentence (so the markers inside
/// it keep their colour), and a well-sourced claim is left plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Terminal {
    Colour(&'static str),
    Underline(&'static str),
    Plain,
}

/// The CSS `text-decoration-style` of a kind's underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Solid,
    Double,
    Dotted,
    Dashed,
    Wavy,
}

impl Line {
    pub fn css(self) -> &'static str {
        match self {
            Line::Solid => "solid",
            Line::Double => "double",
            Line::Dotted => "dotted",
            Line::Dashed => "dashed",
            Line::Wavy => "wavy",
        }
    }
}

/// One palette's colours for a kind: a background tint (claims have none, so the markers
/// inside their sentences stay readable) and the underline's colour, as CSS colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colours {
    pub background: Option<&'static str>,
    pub line: &'static str,
}

/// A set of colours for every kind: the extension picks one from the reader's palette
/// setting and the page's background (`dom/render.js`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Inserted after `newslens-` in a highlight's name.
    pub prefix: &'static str,
    /// Why the palette exists and when it is used (a comment in the generated CSS).
    pub note: &'static str,
}

pub const PALETTES: [Palette; 4] = [
    Palette {
        prefix: "",
        note: "The default palette, on light pages.",
    },
    Palette {
        prefix: "dark-",
        note: "The dark palette, used on pages whose text sits on a dark background (render.js decides\n   from the page's own colours): lighter tints, same underline styles.",
    },
    Palette {
        prefix: "cb-",
        note: "The colour-blind-safe palette (a setting): Okabe–Ito hues, distinguishable with every\n   common colour-vision deficiency, on the same underline styles; light pages.",
    },
    Palette {
        prefix: "cb-dark-",
        note: "The colour-blind-safe palette on dark pages.",
    },
];

pub const CATEGORIES: [CategoryInfo; 3] = [
    CategoryInfo {
        category: Category::Opinion,
        id: "opinion",
        label: "Opinion markers",
    },
    CategoryInfo {
        category: Category::Claim,
        id: "claim",
        label: "Claims",
    },
    CategoryInfo {
        category: Category::Disclosure,
        id: "disclosure",
        label: "Disclosures",
    },
];

/// A palette's colours with a background tint.
pub const fn tint(background: &'static str, line: &'static str) -> Colours {
    Colours {
        background: Some(background),
        line,
    }
}

/// A palette's colours with an underline only.
pub const fn underline(line: &'static str) -> Colours {
    Colours {
        background: None,
        line,
    }
}

/// Every kind, in [`Subtype`] order: opinion markers first, then claims, then disclosures,
/// each category's kinds by their [`Kind::order`].
pub const KINDS: [Kind; DECLARED.len()] = placed(DECLARED, PLACES);

/// Each declared kind's index in [`KINDS`] (and its variant's discriminant): how many kinds
/// come before it, by category, then by order.
const PLACES: [isize; DECLARED.len()] = {
    const fn rank(kind: &Kind) -> usize {
        (kind.category as usize) << 8 | kind.order as usize
    }
    let mut places = [0; DECLARED.len()];
    let mut i = 0;
    while i < DECLARED.len() {
        let mut j = 0;
        while j < DECLARED.len() {
            if i != j && rank(&DECLARED[i]) == rank(&DECLARED[j]) {
                panic!("two kinds of one category have the same order");
            }
            if rank(&DECLARED[j]) < rank(&DECLARED[i]) {
                places[i] += 1;
            }
            j += 1;
        }
        i += 1;
    }
    places
};

/// `items` with each one moved to its place.
const fn placed<T: Copy, const N: usize>(items: [T; N], places: [isize; N]) -> [T; N] {
    let mut out = items;
    let mut i = 0;
    while i < N {
        out[places[i] as usize] = items[i];
        i += 1;
    }
    out
}

impl Subtype {
    /// Every subtype, opinion markers first, then claims, then disclosures.
    pub const ALL: [Subtype; KINDS.len()] = placed(VARIANTS, PLACES);

    /// This subtype's catalogue entry.
    pub fn kind(self) -> &'static Kind {
        &KINDS[self as usize]
    }

    /// The subtype with this wire id.
    pub fn from_id(id: &str) -> Option<Subtype> {
        let index = KINDS.iter().position(|k| k.id == id)?;
        Some(Subtype::ALL[index])
    }

    pub fn id(self) -> &'static str {
        self.kind().id
    }

    pub fn category(self) -> Category {
        self.kind().category
    }

    /// See [`Kind::confidence`].
    pub fn confidence(self) -> f32 {
        self.kind().confidence
    }

    /// The one-line explanation a reader sees for this kind of finding.
    pub fn explanation(self) -> &'static str {
        self.kind().explanation
    }
}

impl Category {
    /// This category's catalogue entry.
    pub fn info(self) -> &'static CategoryInfo {
        &CATEGORIES[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    fn from_id(id: &str) -> Option<Category> {
        CATEGORIES.iter().find(|c| c.id == id).map(|c| c.category)
    }
}

/// Ids on the wire: a kind serialises as its catalogue id.
impl Serialize for Subtype {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Subtype {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        from_wire(deserializer, Subtype::from_id, "kind of finding")
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        from_wire(deserializer, Category::from_id, "category")
    }
}

/// A wire id read and looked up by `lookup`; `what` names what it should be in the error.
fn from_wire<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    lookup: fn(&str) -> Option<T>,
    what: &str,
) -> Result<T, D::Error> {
    let id = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    lookup(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown {what} `{id}`")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_entry_sits_at_the_index_of_its_variant_in_category_then_order() {
        for (i, subtype) in Subtype::ALL.into_iter().enumerate() {
            assert_eq!(subtype as usize, i, "{subtype:?} is out of place");
            assert_eq!(subtype.kind(), &KINDS[i]);
        }
        for pair in KINDS.windows(2) {
            let rank = |k: &Kind| (k.category as usize, k.order);
            assert!(
                rank(&pair[0]) < rank(&pair[1]),
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for (i, info) in CATEGORIES.iter().enumerate() {
            assert_eq!(info.category as usize, i, "{} is out of place", info.id);
        }
    }

    #[test]
    fn ids_go_to_the_wire_and_back() {
        for (kind, subtype) in KINDS.iter().zip(Subtype::ALL) {
            let json = serde_json::to_string(&subtype).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.id));
            assert_eq!(serde_json::from_str::<Subtype>(&json).unwrap(), subtype);
        }
        assert!(serde_json::from_str::<Subtype>("\"no-such-kind\"").is_err());
        let json = serde_json::to_string(&Category::Claim).unwrap();
        assert_eq!(json, "\"claim\"");
        assert_eq!(
            serde_json::from_str::<Category>(&json).unwrap(),
            Category::Claim
        );
    }
}
