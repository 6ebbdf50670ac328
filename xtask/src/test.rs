//! `cargo xtask test`: every check, in the order that fails fastest.

use std::path::Path;

use crate::cmd::{self, Result};
use crate::{bench, build, conventions, fuzz, setup, shared};

/// Seconds per fuzz target in the test command (seven targets: 70 s in all).
const FUZZ_SMOKE_SECONDS: u64 = 10;

pub fn run(root: &Path) -> Result {
    // cargo fmt finds files by their `mod` lines, and the rule files' are generated
    // (build.rs): they are named to it.
    let rules = rule_files(root)?;
    let mut fmt = vec!["fmt", "--all", "--check", "--"];
    fmt.extend(rules.iter().map(String::as_str));
    cmd::run(root, "cargo", &fmt)?;
    cmd::run(
        root,
        "cargo",
        &["fmt", "--manifest-path", "fuzz/Cargo.toml", "--check"],
    )?;
    conventions::run(root)?;
    cmd::run(
        root,
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    cmd::run(root, "cargo", &["test", "--workspace"])?;
    setup::npm_packages(root)?;
    cmd::run(root, "npx", &["--no-install", "eslint", "."])?;
    // The wasm build check: the bindings compile (and lint) only for wasm32.
    build::run(root)?;
    // After the build: tests/js/learned.test.mjs loads the learned module it built.
    cmd::run(root, "node", &["--test", "tests/js/"])?;
    cmd::run(
        root,
        "cargo",
        &[
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "newslens",
            "--lib",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    // The quick benchmarks: fail only when a budget is exceeded twice over.
    bench::quick(root, true)?;
    // A short fuzz run of every target; `cargo xtask fuzz` runs them for ten minutes.
    fuzz::run(root, FUZZ_SMOKE_SECONDS, fuzz::Depth::Smoke)?;
    // The browser suites load the seed page, saved pages and dataset text from ../shared.
    if shared::available(root, "the end-to-end tests", &["golden", "data"])? {
        setup::browsers(root)?;
        cmd::run(root, "node", &["tests/e2e/run.mjs"])?;
    }
    cmd::run(
        root,
        "npx",
        &[
            "--no-install",
            "web-ext",
            "lint",
            "--source-dir",
            "target/dist/firefox",
            "--no-config-discovery",
        ],
    )
}

/// The rule files, `src/detect/rules/*.rs`, relative to the repository root.
fn rule_files(root: &Path) -> Result<Vec<String>> {
    const RULES: &str = "src/detect/rules";
    let entries =
        std::fs::read_dir(root.join(RULES)).map_err(|e| format!("cannot read {RULES}: {e}"))?;
    let mut files = Vec::new();
    for entry in entries {
        let name = entry
            .map_err(|e| format!("cannot read {RULES}: {e}"))?
            .file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".rs") {
            files.push(format!("{RULES}/{name}"));
        }
    }
    files.sort();
    Ok(files)
}
