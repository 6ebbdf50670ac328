//! The catalogue of kinds is the one source of each kind's facts, so every entry must be
//! complete: the extension's `kinds.js` and `dom/highlights.css` are generated from it at
//! build time, and a gap here would be a card without a label, a mark without a style or a
//! kind the settings cannot switch.

use newslens::catalogue::{CATEGORIES, KINDS, PALETTES};

#[test]
fn every_kind_has_a_label_an_explanation_a_settings_entry_and_a_style_in_every_palette() {
    for kind in KINDS {
        assert!(!kind.label.trim().is_empty(), "{} has no label", kind.id);
        assert!(
            kind.explanation.len() > kind.label.len(),
            "{} has no explanation",
            kind.id
        );
        assert!(
            (0.0..=1.0).contains(&kind.confidence),
            "{} confidence",
            kind.id
        );
        // The settings list kinds under their category's switch.
        assert!(
            CATEGORIES.iter().any(|c| c.category == kind.category),
            "{} has a category the settings do not list",
            kind.id
        );
        for (colours, palette) in kind.style.colours.iter().zip(PALETTES) {
            assert!(
                !colours.line.trim().is_empty(),
                "{} has no underline colour in the {:?} palette",
                kind.id,
                palette.prefix
            );
        }
    }
    for category in CATEGORIES {
        assert!(
            !category.label.trim().is_empty(),
            "{} has no label",
            category.id
        );
        assert!(
            KINDS.iter().any(|k| k.category == category.category),
            "{} has no kinds",
            category.id
        );
    }
}

#[test]
fn ids_and_labels_are_unique() {
    for (i, a) in KINDS.iter().enumerate() {
        for b in &KINDS[i + 1..] {
            assert_ne!(a.id, b.id);
            assert_ne!(a.label, b.label);
        }
    }
}
