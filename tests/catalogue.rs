//! The catalogue of kinds is the one source of each kind's facts: every entry is complete,
//! and the extension's files generated from it are the ones committed (`cargo xtask kinds`
//! writes them again).

use newslens::catalogue::{export, CATEGORIES, KINDS, PALETTES};

#[test]
fn every_kind_has_a_label_an_explanation_and_a_style_in_every_palette() {
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

/// The generated file at `path` is what the catalogue generates now.
fn assert_generated(path: &str, generated: String) {
    let committed = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(
        committed == generated,
        "{path} is not what src/catalogue.rs generates: run `cargo xtask kinds`"
    );
}

#[test]
fn the_extensions_kinds_script_is_generated_from_the_catalogue() {
    assert_generated(export::KINDS_JS, export::kinds_js());
}

#[test]
fn the_highlight_styles_are_generated_from_the_catalogue() {
    assert_generated(export::HIGHLIGHTS_CSS, export::highlights_css());
}
