//! `cargo xtask bench`: sizes, core throughput, wasm vs write-good in Node, and timings
//! in real browsers, printed as tables. `--quick` runs only sizes and core throughput
//! (the part the test command runs, with `--check`: fail only beyond twice a budget).
//! `--sizes` also rebuilds the wasm with other settings to show what each one buys.

use std::io::Write;
use std::path::Path;

use crate::cmd::{self, Result};
use crate::{build, setup};

/// Shipped wasm + JS, gzipped: the goal is 250 KB.
const SIZE_BUDGET_GZIP: u64 = 250 * 1024;

pub fn run(root: &Path, args: &[String]) -> Result {
    let flag = |f: &str| args.iter().any(|a| a == f);
    build::run(root)?;
    quick(root, flag("--check"))?;
    if flag("--quick") {
        return Ok(());
    }
    if flag("--sizes") {
        size_variants(root)?;
    }
    cmd::run(root, "node", &["tests/bench/node.mjs"])?;
    setup::browsers(root)?;
    cmd::run(root, "node", &["tests/bench/browser.mjs"])
}

/// Sizes of the built extension and core throughput on the seed; with `check`, fails
/// only when a budget is exceeded twice over. Expects `cargo xtask build` to have run.
pub fn quick(root: &Path, check: bool) -> Result {
    let total = size_table(root)?;
    if check && total > SIZE_BUDGET_GZIP * 2 {
        return Err(format!(
            "shipped code is {} KB gzipped, over twice the {} KB budget",
            total / 1024,
            SIZE_BUDGET_GZIP / 1024
        ));
    }
    let mut throughput = vec!["bench", "--quiet", "--bench", "throughput", "--"];
    if check {
        throughput.push("--check");
    }
    cmd::run(root, "cargo", &throughput)
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
        "{:<44} {raw:>10} {gz:>10}   (goal: ≤ {} KB gzipped)",
        "total",
        SIZE_BUDGET_GZIP / 1024
    );
    Ok(gz)
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
const OPT_3: &str = "profile.release.opt-level=3";

/// Rebuilds the wasm with other release settings into its own target folder and prints
/// the size of the wasm-bindgen output for each; then wasm-opt on the shipped one.
fn size_variants(root: &Path) -> Result {
    // `--config` overrides of Cargo.toml's release profile (the core's own package has
    // its own opt-level there, so each variant sets both).
    let variants: &[(&str, &[&str])] = &[
        ("shipped: s, the core at 3, LTO, 1 codegen unit", &[]),
        ("everything at opt-level z", &[OPT_Z, CORE_Z]),
        ("everything at opt-level s", &[CORE_S]),
        ("everything at opt-level 3", &[OPT_3]),
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
        let bytes =
            std::fs::read(out.join("newslens_bg.wasm")).map_err(|e| format!("{name}: {e}"))?;
        println!("{name:<44} {:>10} {:>10}", bytes.len(), gzip_len(&bytes));
    }
    let shipped = root.join("target/pkg/newslens_bg.wasm");
    let optimised = root.join("target/size/wasm-opt.wasm");
    cmd::run(
        root,
        "npx",
        &[
            "--no-install",
            "wasm-opt",
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            &shipped.to_string_lossy(),
            "-o",
            &optimised.to_string_lossy(),
        ],
    )?;
    let bytes = std::fs::read(&optimised).map_err(|e| format!("wasm-opt output: {e}"))?;
    println!(
        "{:<44} {:>10} {:>10}",
        "shipped + wasm-opt -Oz (binaryen, npm)",
        bytes.len(),
        gzip_len(&bytes)
    );
    Ok(())
}
