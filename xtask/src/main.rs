//! Build and test commands for newslens: `cargo xtask build` and `cargo xtask test`.
//!
//! Both install what they need when it is missing (the wasm32 target, the pinned
//! wasm-bindgen CLI, npm packages, and for tests the browsers and geckodriver), so a
//! fresh machine needs nothing but Rust, Node.js and apt.

mod bench;
mod build;
mod cmd;
mod conventions;
mod fuzz;
mod kinds;
mod setup;
mod shared;
mod test;
mod train;
mod train_learned;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <build|test|bench|fuzz|kinds|train|train-learned>
  build   install missing tools, build the wasm package, assemble target/dist/{chrome,firefox,www} and zips
  bench [--quick] [--check] [--sizes]
          sizes, core throughput, wasm vs write-good in Node, timings in Chromium and Firefox
  fuzz [--seconds N]
          run every cargo-fuzz target for N seconds each (default 600)
  kinds   write kinds.js and dom/highlights.css from src/catalogue.rs into target/generated/
          (the build writes them into target/dist/ itself)
  test    fmt, clippy, cargo test, Node tests, build, quick benchmarks, fuzz smoke run,
          browser end-to-end tests (Chromium + Firefox), web-ext lint
  train [opinion] [--teacher FILE] | train claim
          fit the sentence opinion model (src/opinion/weights.bin) or the claim model
          (src/claim/weights.bin) on ../shared/data
  train-learned [ARGS]
          train the learned tier's teacher, then its model into models/learned/ (Python
          venv in target/, CPU, ~1 h; ARGS go to train/learned/train.py, see docs/learned.md)";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("build") => build::run(&root()),
        Some("bench") => bench::run(&root(), &std::env::args().skip(2).collect::<Vec<_>>()),
        Some("kinds") => kinds::run(&root()),
        Some("test") => test::run(&root()),
        Some("fuzz") => {
            let args = std::env::args().skip(2).collect::<Vec<_>>();
            match args.as_slice() {
                [] => fuzz::run(&root(), 600, fuzz::Depth::Full),
                [flag, n] if flag == "--seconds" => n
                    .parse()
                    .map_err(|e| format!("--seconds {n}: {e}"))
                    .and_then(|n| fuzz::run(&root(), n, fuzz::Depth::Full)),
                _ => Err(format!("unexpected arguments {args:?}\n{USAGE}")),
            }
        }
        Some("train") => {
            let args = std::env::args().skip(2).collect::<Vec<_>>();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let opinion = |teacher| train::Which::Opinion { teacher };
            match args.as_slice() {
                [] | ["opinion"] => train::run(&root(), opinion(None)),
                ["--teacher", file] | ["opinion", "--teacher", file] => {
                    train::run(&root(), opinion(Some(file)))
                }
                ["claim"] => train::run(&root(), train::Which::Claim),
                _ => Err(format!("unexpected arguments {args:?}\n{USAGE}")),
            }
        }
        Some("train-learned") => {
            train_learned::run(&root(), &std::env::args().skip(2).collect::<Vec<_>>())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of this crate's directory).
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the repository")
        .to_path_buf()
}
