//! `cargo xtask bench`: sizes, core throughput, wasm vs write-good in Node, and timings
//! in real browsers, printed as tables. `--quick` runs only sizes and core throughput
//! (the part the test command runs, with `--check`: fail only beyond twice a budget).
//! `--sizes` also rebuilds the wasm with other settings to show what each one buys.

use std::io::Write;
use std::path::Path;

use crate::cmd::{self, Result};
use crate::{build, setup, shared};

/// Shipped wasm + JS, gzipped: the goal is 250 KB.
const SIZE_BUDGET_GZIP: u64 = 250 * 1024;
/// What the learned tier may add to each store zip: 15 MB.
const LEARNED_ZIP_BUDGET: u64 = 15_000_000;

/// Where the benchmarks append their summary rows (tests/bench/summary.mjs).
const SUMMARY: &str = "target/bench-summary.tsv";

pub fn run(root: &Path, args: &[String]) -> Result {
    let flag = |f: &str| args.iter().any(|a| a == f);
    build::run(root)?;
    let summary = root.join(SUMMARY).to_string_lossy().into_owned();
    quick_with(root, flag("--check"), Some(&summary))?;
    let env = [("NEWSLENS_BENCH_SUMMARY", summary.as_str())];
    if !flag("--quick") {
        if flag("--sizes") {
            size_variants(root)?;
        }
        // The learned tier natively (one core) on the seed column, or the parity sentences.
        cmd::run_with(
            root,
            "cargo",
            &[
                "bench",
                "--quiet",
                "-p",
                "newslens-learned",
                "--bench",
                "speed",
            ],
            &env,
        )?;
        // Both time real article text and the seed page, read from ../shared.
        if shared::available(root, "the Node and browser benchmarks", &["golden", "data"])? {
            cmd::run_with(root, "node", &["tests/bench/node.mjs"], &env)?;
            cmd::run_with(root, "node", &["tests/bench/learned.mjs"], &env)?;
            setup::browsers(root)?;
            cmd::run_with(root, "node", &["tests/bench/browser.mjs"], &env)?;
        }
    }
    print_summary(Path::new(&summary))
}

/// The one table: every figure the benchmarks above printed in detail, with its goal.
fn print_summary(file: &Path) -> Result {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {SUMMARY}: {e}"))?;
    let rows: Vec<Vec<&str>> = text.lines().map(|r| r.split('\t').collect()).collect();
    let width = |i: usize, title: &str| {
        rows.iter()
            .filter_map(|r| r.get(i))
            .chain([&title])
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0)
    };
    let (w0, w1, w2) = (width(0, "summary"), width(1, "figure"), width(2, "goal"));
    println!(
        "\n{:<w0$}  {:<w1$}  {:<w2$}  verdict",
        "summary", "figure", "goal"
    );
    for row in &rows {
        if let [measure, figure, goal, verdict] = row[..] {
            println!("{measure:<w0$}  {figure:<w1$}  {goal:<w2$}  {verdict}");
        }
    }
    Ok(())
}

/// Sizes of the built extension and core throughput on the seed; with `check`, fails
/// only when a budget is exceeded twice over. Expects `cargo xtask build` to have run.
pub fn quick(root: &Path, check: bool) -> Result {
    quick_with(root, check, None)
}

/// [`quick`]; with `summary` (a file path), starts that file with the size row, and the
/// throughput bench adds its rows.
fn quick_with(root: &Path, check: bool, summary: Option<&str>) -> Result {
    let total = size_table(root)?;
    let mut env = Vec::new();
    if let Some(file) = summary {
        let row = format!(
            "shipped wasm + JS, gzip -9\t{total} bytes ({:.1} KiB)\t≤ {} KiB\t{}\n",
            total as f64 / 1024.0,
            SIZE_BUDGET_GZIP / 1024,
            if total <= SIZE_BUDGET_GZIP {
                "met"
            } else {
                "not met"
            }
        );
        std::fs::write(file, row).map_err(|e| format!("cannot write {SUMMARY}: {e}"))?;
        env.push(("NEWSLENS_BENCH_SUMMARY", file));
    }
    if check && total > SIZE_BUDGET_GZIP * 2 {
        return Err(format!(
            "shipped code is {} KiB gzipped, over twice the {} KiB budget",
            total / 1024,
            SIZE_BUDGET_GZIP / 1024
        ));
    }
    let zip_added = learned_sizes(root, summary)?;
    if check && zip_added > LEARNED_ZIP_BUDGET * 2 {
        return Err(format!(
            "the learned tier adds {zip_added} bytes to a store zip, over twice the {LEARNED_ZIP_BUDGET} budget"
        ));
    }
    let mut throughput = vec!["bench", "--quiet", "--bench", "throughput", "--"];
    if check {
        throughput.push("--check");
    }
    cmd::run_with(root, "cargo", &throughput, &env)
}

fn gzip_len(bytes: &[u8]) -> u64 {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("writing to memory");
    gz.finish().expect("writing to memory").len() as u64
}

/// Raw and gzipped size of every shipped code file of the Chrome build; returns the
/// gzipped total.
fn size_table(root: &Path) -> Result<u64> {
    let dist = root.join("target/dist/chrome");
    let files = shipped_files(&dist)?;
    println!(
        "{:<44} {:>10} {:>10}",
        "shipped code (Chrome build)", "bytes", "gzip -9"
    );
    let (mut raw, mut gz) = (0, 0);
    for file in &files {
        let bytes =
            std::fs::read(dist.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        let g = gzip_len(&bytes);
        println!("{file:<44} {:>10} {:>10}", bytes.len(), g);
        raw += bytes.len() as u64;
        gz += g;
    }
    println!(
        "{:<44} {raw:>10} {gz:>10}   (goal: ≤ {} KiB gzipped)",
        "total",
        SIZE_BUDGET_GZIP / 1024
    );
    Ok(gz)
}

/// The learned tier's files as shipped (`dist/chrome/learned/`), raw and gzipped, and
/// what they add to each store zip (their compressed entries); returns the larger
/// addition. With `summary`, appends the rows for the summary table.
fn learned_sizes(root: &Path, summary: Option<&str>) -> Result<u64> {
    let dir = root.join("target/dist/chrome/learned");
    println!(
        "\n{:<44} {:>10} {:>10}",
        "learned tier (Chrome build)", "bytes", "gzip -9"
    );
    let mut rows = Vec::new();
    for file in ["newslens_learned_bg.wasm", "newslens_learned.js"]
        .iter()
        .chain(build::LEARNED_MODEL)
    {
        let bytes = std::fs::read(dir.join(file))
            .map_err(|e| format!("cannot read learned/{file}: {e}"))?;
        let gz = gzip_len(&bytes);
        println!("{file:<44} {:>10} {gz:>10}", bytes.len());
        rows.push((*file, bytes.len() as u64, gz));
    }
    let mut added = 0;
    for browser in ["chrome", "firefox"] {
        let zip_path = root.join(format!("target/dist/newslens-{browser}.zip"));
        let bytes = zip_entries_size(&zip_path, "learned/")?;
        println!(
            "{:<44} {bytes:>10}",
            format!("added to newslens-{browser}.zip")
        );
        added = added.max(bytes);
    }
    if let Some(file) = summary {
        let row = |name: &str| rows.iter().find(|r| r.0 == name).expect("listed above");
        let (wasm, weights) = (row("newslens_learned_bg.wasm"), row("model.safetensors"));
        let mb = |b: u64| format!("{:.2} MB", b as f64 / 1e6);
        let text = [
            format!(
                "learned: wasm raw / gzip -9\t{} / {}\t—\t\n",
                mb(wasm.1),
                mb(wasm.2)
            ),
            format!(
                "learned: weights raw / gzip -9\t{} / {}\t—\t\n",
                mb(weights.1),
                mb(weights.2)
            ),
            format!(
                "learned: added to each store zip\t{}\t≤ 15 MB\t{}\n",
                mb(added),
                if added <= LEARNED_ZIP_BUDGET {
                    "met"
                } else {
                    "not met"
                }
            ),
        ]
        .concat();
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(file)
            .map_err(|e| format!("cannot write {SUMMARY}: {e}"))?;
        f.write_all(text.as_bytes())
            .map_err(|e| format!("cannot write {SUMMARY}: {e}"))?;
    }
    Ok(added)
}

/// The compressed size of the entries of `zip_path` under `prefix`.
fn zip_entries_size(zip_path: &Path, prefix: &str) -> Result<u64> {
    let file = std::fs::File::open(zip_path)
        .map_err(|e| format!("cannot open {}: {e}", zip_path.display()))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| format!("{}: {e}", zip_path.display()))?;
    let mut total = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| format!("{}: {e}", zip_path.display()))?;
        if entry.name().starts_with(prefix) {
            total += entry.compressed_size();
        }
    }
    Ok(total)
}

/// The wasm, its glue and every script the Chrome manifest loads (content scripts,
/// background).
fn shipped_files(dist: &Path) -> Result<Vec<String>> {
    let manifest = std::fs::read_to_string(dist.join("manifest.json"))
        .map_err(|e| format!("cannot read the built manifest: {e}"))?;
    let manifest: serde_json::Value =
        serde_json::from_str(&manifest).map_err(|e| format!("manifest.json: {e}"))?;
    // The wasm and its glue (which the background loads itself, so the Chrome manifest
    // does not list it).
    let mut files = vec![
        "pkg/newslens_bg.wasm".to_string(),
        "pkg/newslens.js".to_string(),
    ];
    let scripts = manifest["content_scripts"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["js"].as_array().into_iter().flatten())
        .chain(std::iter::once(&manifest["background"]["service_worker"]));
    for script in scripts.filter_map(|s| s.as_str()) {
        if !files.iter().any(|f| f == script) {
            files.push(script.to_string());
        }
    }
    Ok(files)
}

const OPT_Z: &str = "profile.release.opt-level=\"z\"";
const CORE_Z: &str = "profile.release.package.newslens.opt-level=\"z\"";
const CORE_S: &str = "profile.release.package.newslens.opt-level=\"s\"";
const CORE_3: &str = "profile.release.package.newslens.opt-level=3";
const OPT_3: &str = "profile.release.opt-level=3";

/// Rebuilds the wasm with other release settings into its own target folder and prints
/// the size of each as it would ship (wasm-bindgen, then wasm-opt: [`build::shrink`]).
fn size_variants(root: &Path) -> Result {
    // `--config` overrides of Cargo.toml's release profile (the core's own package has
    // its own opt-level there, so each variant sets both).
    let variants: &[(&str, &[&str])] = &[
        ("shipped: s, the core at 2, LTO, 1 codegen unit", &[]),
        ("the core at opt-level 3", &[CORE_3]),
        ("everything at opt-level z", &[OPT_Z, CORE_Z]),
        ("everything at opt-level s", &[CORE_S]),
        ("everything at opt-level 3", &[OPT_3, CORE_3]),
        ("no LTO", &["profile.release.lto=false"]),
        ("panic = abort", &["profile.release.panic=\"abort\""]),
    ];
    println!(
        "{:<44} {:>10} {:>10}",
        "wasm build settings", "bytes", "gzip -9"
    );
    for (name, overrides) in variants {
        let dir = root.join("target/size").join(
            name.split(':')
                .next()
                .unwrap_or(name)
                .replace([' ', '='], "-"),
        );
        let mut command = std::process::Command::new("cargo");
        command
            .args(build::WASM_BUILD)
            .arg("--quiet")
            .arg("--target-dir")
            .arg(&dir)
            .current_dir(root);
        for config in *overrides {
            command.args(["--config", config]);
        }
        let status = command
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("building the {name} variant failed"));
        }
        let wasm = dir.join("wasm32-unknown-unknown/release/newslens.wasm");
        let out = dir.join("pkg");
        build::bindgen(root, &wasm, &out)?;
        build::shrink(root, &out.join("newslens_bg.wasm"))?;
        let bytes =
            std::fs::read(out.join("newslens_bg.wasm")).map_err(|e| format!("{name}: {e}"))?;
        println!("{name:<44} {:>10} {:>10}", bytes.len(), gzip_len(&bytes));
    }
    Ok(())
}
