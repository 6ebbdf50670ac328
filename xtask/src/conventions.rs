//! Checks the repository's own rules, so they hold without anyone remembering them:
//! the core never names the browser bindings, its modules depend on one another one way
//! only (no cycles), and the extension's and demo's scripts never build HTML from
//! strings, evaluate code or reach for remote resources.

mod modules;

use std::path::{Path, PathBuf};

use crate::cmd::Result;

/// Constructs that would let page-derived text become markup or code, or load code from
/// elsewhere (store reviewers reject them too).
const FORBIDDEN_IN_SCRIPTS: &[&str] = &[
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "document.write",
    "eval(",
    "new Function",
    "import(",
    "http://",
    "https://",
];
/// Only `src/web.rs` may use the browser bindings: the rest of the core is plain Rust.
const BINDINGS: &[&str] = &["wasm_bindgen", "js_sys", "web_sys"];

pub fn run(root: &Path) -> Result {
    let mut problems = Vec::new();
    for file in files(&root.join("extension"), "js")?
        .into_iter()
        .chain(files(&root.join("www"), "js")?)
    {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for (n, line) in text.lines().enumerate() {
            for bad in FORBIDDEN_IN_SCRIPTS.iter().filter(|b| line.contains(*b)) {
                problems.push(format!(
                    "{}:{}: `{bad}` is not allowed in extension or demo scripts",
                    file.display(),
                    n + 1
                ));
            }
        }
    }
    for file in files(&root.join("src"), "rs")? {
        if file.ends_with("src/web.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for bad in BINDINGS.iter().filter(|b| text.contains(*b)) {
            problems.push(format!(
                "{}: the pure core names `{bad}` (only src/web.rs may)",
                file.display()
            ));
        }
    }
    problems.extend(modules::cycles(
        &root.join("src"),
        &files(&root.join("src"), "rs")?,
    )?);
    if problems.is_empty() {
        eprintln!("conventions: ok");
        Ok(())
    } else {
        Err(format!("conventions broken:\n{}", problems.join("\n")))
    }
}

fn files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            out.extend(files(&path, ext)?);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    Ok(out)
}
