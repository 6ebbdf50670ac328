//! `cargo xtask fuzz [--seconds N]`: every cargo-fuzz target in `fuzz/`, one after the
//! other, with a table of executions and crashes. Every target fails an input that takes
//! more CPU time than its size allows (`fuzz/src/lib.rs`): slowness is a finding.
//!
//! The machine has only the stable toolchain, so the targets build with
//! `RUSTC_BOOTSTRAP=1` and without a sanitizer (the core is safe Rust: what the fuzzers
//! look for is panics, bad offsets and runaway time or memory).

use std::path::Path;
use std::process::Command;

use crate::cmd::{run_with, Result};
use crate::{setup, shared};

/// The project's own fixtures, a seed for every target that reads text or HTML.
const FIXTURES: &str = "tests/fixtures";
/// Seeds from the reference material beside the repository (read in place, never copied
/// into it); left out, saying so, when it is absent.
const SHARED_SEEDS: [&str; 2] = ["../shared/golden", "../shared/data/readability_test_pages"];

/// The targets, each with the inputs it starts from.
const TARGETS: [(&str, &[&str]); 7] = [
    ("analyze_text", &[FIXTURES, SHARED_SEEDS[0]]),
    (
        "analyze_bytes",
        &[FIXTURES, SHARED_SEEDS[0], SHARED_SEEDS[1]],
    ),
    ("html_model", &[FIXTURES, SHARED_SEEDS[1]]),
    ("offsets", &[]),
    // The extension's session API: random batches and options.
    ("session", &[]),
    // The CLI's reading view and annotated copy.
    (
        "reading_view",
        &[FIXTURES, SHARED_SEEDS[0], SHARED_SEEDS[1]],
    ),
    // JSON Lines input of `sentences` and `batch`.
    ("jsonl", &[FIXTURES, SHARED_SEEDS[0]]),
];

/// libFuzzer options common to every run: inputs up to 64 KB, and an input that takes
/// more than 10 s counts as a hang.
const OPTIONS: [&str; 2] = ["-max_len=65536", "-timeout=10"];

const BOOTSTRAP: [(&str, &str); 1] = [("RUSTC_BOOTSTRAP", "1")];
/// How the targets are built, for `cargo fuzz build` and `cargo fuzz run` alike (the same
/// flags, or `run` rebuilds).
const BUILD: [&str; 4] = ["--sanitizer", "none", "--release", "--debug-assertions"];

/// How long, and from what.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// The test command's short run: a scratch corpus seeded only from the small fixtures
    /// and golden files, so loading seeds does not eat the time budget.
    Smoke,
    /// `cargo xtask fuzz`: the kept corpus in `fuzz/corpus/` and every seed.
    Full,
}

/// Builds the targets and runs each for `seconds`; fails on the first crash.
pub fn run(root: &Path, seconds: u64, depth: Depth) -> Result {
    setup::fuzz_tools(root)?;
    run_with(
        root,
        "cargo",
        &[&["fuzz", "build"][..], &BUILD].concat(),
        &BOOTSTRAP,
    )?;
    let with_shared = shared::available(
        root,
        "the fuzz seeds from ../shared",
        &["golden", "data/readability_test_pages"],
    )?;
    let mut rows = Vec::new();
    for (target, seeds) in TARGETS {
        let seeds: Vec<&str> = match (depth, target) {
            (Depth::Full, _) => seeds.to_vec(),
            (Depth::Smoke, _) if seeds.is_empty() => Vec::new(),
            (Depth::Smoke, _) => vec![FIXTURES, SHARED_SEEDS[0]],
        };
        let seeds: Vec<&str> = seeds
            .into_iter()
            .filter(|s| with_shared || !SHARED_SEEDS.contains(s))
            .collect();
        rows.push(run_target(root, target, &seeds, seconds, depth)?);
    }
    println!(
        "\n{:<14} {:>10} {:>8} {:>9}",
        "target", "runs", "seconds", "runs/s"
    );
    for (target, runs, secs) in rows {
        let rate = runs / secs.max(1);
        println!("{target:<14} {runs:>10} {secs:>8} {rate:>9}");
    }
    println!("no crashes, hangs or out-of-memory inputs");
    Ok(())
}

/// One target for `seconds`: returns (target, executions, seconds) or the crash.
fn run_target(
    root: &Path,
    target: &'static str,
    seeds: &[&str],
    seconds: u64,
    depth: Depth,
) -> Result<(&'static str, u64, u64)> {
    let corpus = match depth {
        Depth::Full => root.join("fuzz/corpus").join(target),
        Depth::Smoke => root.join("target/fuzz-smoke").join(target),
    };
    if depth == Depth::Smoke {
        // Start empty each time, so the smoke run takes the same time on every machine.
        let _ = std::fs::remove_dir_all(&corpus);
    }
    let artifacts = root.join("fuzz/artifacts").join(target);
    for dir in [&corpus, &artifacts] {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut dirs = vec![corpus.display().to_string()];
    dirs.extend(seeds.iter().map(|s| s.to_string()));
    let mut args: Vec<String> = ["fuzz", "run"]
        .iter()
        .chain(&BUILD)
        .map(|a| a.to_string())
        .collect();
    args.push(target.into());
    args.extend(dirs);
    args.push("--".into());
    args.extend(OPTIONS.iter().map(|o| o.to_string()));
    args.push(format!("-max_total_time={seconds}"));
    args.push(format!("-artifact_prefix={}/", artifacts.display()));
    eprintln!("+ cargo {}", args.join(" "));
    let out = Command::new("cargo")
        .args(&args)
        .envs(BOOTSTRAP)
        .current_dir(root)
        .output()
        .map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    let log = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "fuzz target {target} failed ({}); the input is in {}\n{}",
            out.status,
            artifacts.display(),
            tail.join("\n")
        ));
    }
    let (runs, secs) = done_line(&log)
        .ok_or_else(|| format!("fuzz target {target}: no \"Done\" line in libFuzzer's output"))?;
    Ok((target, runs, secs))
}

/// Parses libFuzzer's closing "Done 4295 runs in 21 second(s)".
fn done_line(log: &str) -> Option<(u64, u64)> {
    let line = log.lines().rev().find(|l| l.starts_with("Done "))?;
    let words: Vec<&str> = line.split_whitespace().collect();
    Some((words.get(1)?.parse().ok()?, words.get(4)?.parse().ok()?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_done_line() {
        let log = "#4096 pulse\nDone 4295 runs in 21 second(s)\n";
        assert_eq!(super::done_line(log), Some((4295, 21)));
        assert_eq!(super::done_line("crashed"), None);
    }
}
