//! Third-party reference material in `../shared`, beside the repository and not part of
//! it: the seed column and its expectations, saved real pages, labelled datasets. They are
//! not ours to publish, so the few tests that need them ask for them here by name, and are
//! skipped, saying so on stderr, in a clone that has no `../shared` beside it. `.ci/run`
//! sets `NEWSLENS_REQUIRE_SHARED=1`, under which a missing file fails the test instead: CI
//! must never pass by skipping.
//!
//! Every other test reads only the repository, its own fixtures in `tests/fixtures/`.

use std::io::Write;
use std::path::PathBuf;

/// Set to `1` (by `.ci/run`) to make missing reference material a failure.
const REQUIRE: &str = "NEWSLENS_REQUIRE_SHARED";

/// `path` (relative to `../shared`) if it is there. If not, `None` after telling the
/// reader which test is skipped and why, or a panic under `NEWSLENS_REQUIRE_SHARED=1`.
pub fn require(path: &str) -> Option<PathBuf> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(path);
    if full.exists() {
        return Some(full);
    }
    if std::env::var_os(REQUIRE).is_some_and(|v| v == "1") {
        panic!("needs ../shared/{path}, which is missing ({REQUIRE}=1)");
    }
    // The harness names each test's thread after the test; a bench runs on `main`.
    let test = match std::thread::current().name() {
        Some(name) if name != "main" => format!(" {name}"),
        _ => String::new(),
    };
    // Straight to stderr: the test harness captures `eprintln!` of passing tests.
    let _ = writeln!(std::io::stderr(), "skipped{test}: needs ../shared/{path}");
    None
}
