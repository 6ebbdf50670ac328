//! The runner shared by the data-driven case tests (`tests/cases.rs` for the detectors,
//! `tests/refine.rs` for the learned tier's merge rules): every `.txt` file of a folder,
//! parsed into cases and checked, with one report of all the failures.

use std::path::{Path, PathBuf};

/// Checks every case of every case file in `dir`; `label` names a case in the report.
pub fn check_every_case<C>(
    dir: &str,
    parse: impl Fn(&Path) -> Vec<C>,
    check: impl Fn(&C) -> Result<(), String>,
    label: impl Fn(&C) -> String,
) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("a case file").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case files in {dir}");
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        for case in parse(file) {
            count += 1;
            if let Err(why) = check(&case) {
                failures.push(format!("{}\n  {why}", label(&case)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
