//! `cargo xtask kinds`: writes the extension's files generated from the catalogue of kinds
//! (`src/catalogue.rs`). `tests/catalogue.rs` fails until they are written again after a
//! change to the catalogue.

use std::path::Path;

use newslens::catalogue::export;

use crate::cmd::Result;

pub fn run(root: &Path) -> Result {
    for (path, text) in [
        (export::KINDS_JS, export::kinds_js()),
        (export::HIGHLIGHTS_CSS, export::highlights_css()),
    ] {
        std::fs::write(root.join(path), text).map_err(|e| format!("cannot write {path}: {e}"))?;
        eprintln!("kinds: wrote {path}");
    }
    Ok(())
}
