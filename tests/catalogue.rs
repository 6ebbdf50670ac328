//! The catalogue of kinds is the one source of each kind's facts, so every entry must be
//! complete: the extension's `kinds.js` and `dom/highlights.css` are generated from it at
//! build time, and a gap here would be a card without a label, a mark without a style or a
//! kind the settings cannot switch. And a kind of marker is added in three places only —
//! its rule file, its word list if any, its case file — so each rule has its case file and
//! each kind a rule finds is marked by a case.

use std::path::Path;

use newslens::catalogue::{Category, CATEGORIES, KINDS, PALETTES};

/// The rule files (one detector each) and the data-driven cases (one file per rule).
const RULES: &str = "src/detect/rules";
const CASES: &str = "tests/cases";

/// Fails, naming `what`, when `text` is blank.
fn assert_written(text: &str, what: std::fmt::Arguments) {
    assert!(!text.trim().is_empty(), "{what} is missing");
}

#[test]
fn every_kind_has_a_label_an_explanation_a_settings_entry_and_a_style_in_every_palette() {
    for kind in KINDS {
        assert_written(kind.label, format_args!("{}'s label", kind.id));
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
            assert_written(
                colours.line,
                format_args!(
                    "{}'s underline colour in the {:?} palette",
                    kind.id, palette.prefix
                ),
            );
        }
    }
    for category in CATEGORIES {
        assert_written(category.label, format_args!("{}'s label", category.id));
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

/// The names of the files in `dir` that end in `.{ext}`, without it.
fn stems(dir: &str, ext: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn every_rule_has_its_case_file() {
    let rules = stems(RULES, "rs");
    assert!(!rules.is_empty(), "no rule files in {RULES}");
    for rule in rules {
        let cases = Path::new(CASES).join(format!("{rule}.txt"));
        assert!(
            cases.exists(),
            "{RULES}/{rule}.rs has no cases: write {}",
            cases.display()
        );
    }
}

/// Disclosures are found from the roles of blocks, not by a rule: the page tests cover them.
#[test]
fn every_kind_a_rule_finds_is_marked_by_a_case() {
    let cases: Vec<String> = stems(CASES, "txt")
        .iter()
        .map(|stem| std::fs::read_to_string(format!("{CASES}/{stem}.txt")).expect("a case file"))
        .collect();
    for kind in KINDS.iter().filter(|k| k.category != Category::Disclosure) {
        let mark = format!("mark: {} \"", kind.id);
        assert!(
            cases
                .iter()
                .flat_map(|c| c.lines())
                .any(|l| l.starts_with(&mark)),
            "no case in {CASES} marks {}",
            kind.id
        );
    }
}
