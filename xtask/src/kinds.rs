//! The extension's files generated from the catalogue of kinds (`src/catalogue.rs`):
//! `cargo xtask build` writes them into each built extension and the demo page, and
//! `cargo xtask kinds` into `target/generated/` for the Node tests (`tests/js/generated.mjs`
//! runs it when that copy is missing or older than the catalogue).

use std::path::Path;

use newslens::catalogue::export;

use crate::cmd::Result;

/// Where `cargo xtask kinds` writes, under the repository root.
const GENERATED: &str = "target/generated";

pub fn run(root: &Path) -> Result {
    let dir = root.join(GENERATED);
    write(&dir)?;
    eprintln!("kinds: wrote {}", dir.display());
    Ok(())
}

/// Writes every generated file under `dir`, at its path inside the built extension. Each
/// file is written beside its place and renamed into it, so a reader (the Node tests run in
/// parallel, and may regenerate at the same time) never sees half a file.
pub fn write(dir: &Path) -> Result {
    for (path, text) in export::files() {
        let target = dir.join(path);
        let parent = target.parent().expect("generated paths name a file");
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        let partial = target.with_extension(format!("partial-{}", std::process::id()));
        std::fs::write(&partial, text)
            .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
        std::fs::rename(&partial, &target)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    Ok(())
}
