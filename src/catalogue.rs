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
//! those lines and generates [`Subtype`] (a variant per constant: `HEDGE` → `Hedge`,
//! numbered by category, then by each kind's [`Kind::order`]) and the list of entries, which
//! this module puts in that order as [`KINDS`]. No hand-kept list names them again.
//!
//! The types of an entry and [`Subtype`] are in [`kind`], which names no detector: the
//! detectors and the findings use it, and this module (which names every declaring file)
//! sits above them.

#[cfg(not(target_arch = "wasm32"))]
pub mod export;

pub mod kind;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use kind::{
    Category, CategoryInfo, Colours, Kind, Line, Palette, Style, Subtype, Terminal, CATEGORIES,
    PALETTES,
};

include!(concat!(env!("OUT_DIR"), "/kinds.rs"));

/// Every kind, in [`Subtype`] order: opinion markers first, then claims, then disclosures,
/// each category's kinds by their [`Kind::order`].
pub const KINDS: [Kind; DECLARED.len()] = placed(DECLARED);

/// The declared `items`, one per kind, each moved to the place of its kind's variant.
const fn placed<T: Copy>(items: [T; DECLARED.len()]) -> [T; DECLARED.len()] {
    let mut out = items;
    let mut i = 0;
    while i < items.len() {
        out[VARIANTS[i] as usize] = items[i];
        i += 1;
    }
    out
}

impl Subtype {
    /// Every subtype, opinion markers first, then claims, then disclosures.
    pub const ALL: [Subtype; KINDS.len()] = placed(VARIANTS);

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

/// Ids on the wire: a kind or a category serialises as its catalogue id (`$type::id`) and is
/// read back from it (`$type::from_id`); `$what` names it in the error for an unknown id.
macro_rules! wire_id {
    ($type:ty, $what:literal) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        impl $crate::json::FromJson for $type {
            fn read(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::Error> {
                let id: String = r.read()?;
                <$type>::from_id(&id)
                    .ok_or_else(|| r.error(format!(concat!("a ", $what, ", not `{}`,"), id)))
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let id = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                <$type>::from_id(&id).ok_or_else(|| {
                    serde::de::Error::custom(format!(concat!("unknown ", $what, " `{}`"), id))
                })
            }
        }
    };
}

wire_id!(Subtype, "kind of finding");
wire_id!(Category, "category");

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
