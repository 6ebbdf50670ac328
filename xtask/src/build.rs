//! `cargo xtask build`: the wasm packages (the instant tier's, and the learned tier's in a
//! module of its own), then the Chrome and Firefox extensions and the demo page under
//! `target/dist/`, each with a zip beside it.
//!
//! Quick when nothing changed: cargo builds incrementally and the rest is copying.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cmd::{self, Result};
use crate::{kinds, setup};

/// The browsers we ship to; each gets its own manifest from `extension/manifest.json`.
#[derive(Clone, Copy)]
enum Browser {
    Chrome,
    Firefox,
}

impl Browser {
    fn name(self) -> &'static str {
        match self {
            Browser::Chrome => "chrome",
            Browser::Firefox => "firefox",
        }
    }

    /// Keeps only this browser's keys: Chromium runs the background as a service worker,
    /// Firefox as event-page scripts and wants `browser_specific_settings`. One source with
    /// both loads in both, but each browser then warns about the other's key.
    fn manifest(self, source: &Value) -> Value {
        let mut manifest = source.clone();
        let background = &mut manifest["background"];
        match self {
            Browser::Chrome => {
                background.as_object_mut().map(|b| b.remove("scripts"));
                manifest
                    .as_object_mut()
                    .map(|m| m.remove("browser_specific_settings"));
            }
            Browser::Firefox => {
                background
                    .as_object_mut()
                    .map(|b| b.remove("service_worker"));
            }
        }
        manifest
    }
}

pub fn run(root: &Path) -> Result {
    setup::build_tools(root)?;
    let pkg = wasm_package(root)?;
    let learned = learned_package(root)?;
    let dist = root.join("target/dist");
    for browser in [Browser::Chrome, Browser::Firefox] {
        let out = dist.join(browser.name());
        extension(root, &pkg, browser, &out)?;
        copy_learned(root, &learned, &out)?;
        zip_dir(&out, &dist.join(format!("newslens-{}.zip", browser.name())))?;
    }
    let www = dist.join("www");
    demo(root, &pkg, &www)?;
    copy_learned(root, &learned, &www)?;
    eprintln!("built {}", dist.display());
    Ok(())
}

/// The cargo arguments that compile the crate to wasm (the bench adds its own target
/// folder and settings to compare builds).
pub const WASM_BUILD: &[&str] = &[
    "build",
    "--release",
    "--target",
    "wasm32-unknown-unknown",
    "--package",
    "newslens",
    "--lib",
];

/// Compiles the crate to wasm and generates the JS glue into `target/pkg`.
fn wasm_package(root: &Path) -> Result<PathBuf> {
    cmd::run(root, "cargo", WASM_BUILD)?;
    let pkg = root.join("target/pkg");
    bindgen(
        root,
        &root.join("target/wasm32-unknown-unknown/release/newslens.wasm"),
        &pkg,
    )?;
    shrink(root, &pkg.join("newslens_bg.wasm"))?;
    Ok(pkg)
}

/// Runs binaryen's `wasm-opt -Oz` (npm dev dependency) on the wasm-bindgen output in
/// place: 1 KB smaller gzipped. Its memory-packing pass is skipped: it splits the data
/// segment at every run of zeros, which once made the zipped wasm 14 KB *larger* (each
/// piece's offset is a number that does not compress) and still costs 0.3 KB.
/// `--low-memory-unused` lets it fold a constant added to an address into the access's
/// offset (0.9 KB): the two differ only when the addition wraps past 4 GiB into the first
/// KB, which Rust's in-bounds pointer arithmetic never does. `-Oz` is not a fixed point:
/// a second run shrinks the zipped wasm by another 0.6 KB (a third by nothing), and the
/// `target_features` section, for linkers only, is dropped (0.1 KB).
pub fn shrink(root: &Path, wasm: &Path) -> Result {
    let wasm = wasm.to_string_lossy();
    for _ in 0..2 {
        wasm_opt_z(root, &wasm)?;
    }
    Ok(())
}

fn wasm_opt_z(root: &Path, wasm: &str) -> Result {
    cmd::run(
        root,
        "npx",
        &[
            "--no-install",
            "wasm-opt",
            "-Oz",
            "--skip-pass=memory-packing",
            "--low-memory-unused",
            "--strip-target-features",
            // The features rustc's wasm32 target enables by default.
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            wasm,
            "-o",
            wasm,
        ],
    )
}

/// Generates the JS glue for `wasm` into `out`. `no-modules` glue is a classic script:
/// the content script, the Chromium service worker (importScripts) and the Firefox
/// background can all load it without dynamic `import()`, which web-ext lint flags.
pub fn bindgen(root: &Path, wasm: &Path, out: &Path) -> Result {
    bindgen_named(root, wasm, out, &[])
}

/// [`bindgen`] with extra naming arguments (the learned module's global and file names).
fn bindgen_named(root: &Path, wasm: &Path, out: &Path, naming: &[&str]) -> Result {
    let (wasm, out) = (wasm.to_string_lossy(), out.to_string_lossy());
    let mut args = vec![
        "--target",
        "no-modules",
        "--no-typescript",
        "--remove-name-section",
        "--remove-producers-section",
        "--out-dir",
        &out,
    ];
    args.extend_from_slice(naming);
    args.push(&wasm);
    cmd::run(root, "wasm-bindgen", &args)
}

/// The learned tier's wasm build: its own crate, target folder and flags, so the instant
/// tier's module neither links candle nor is rebuilt with other flags. The encoder needs
/// simd128: its time is gemm's f32 matmul, whose wasm kernel is simd128.
pub const LEARNED_BUILD: &[&str] = &[
    "build",
    "--release",
    "--target",
    "wasm32-unknown-unknown",
    "--package",
    "newslens-learned-web",
    "--lib",
    "--target-dir",
    "target/learned",
];
pub const LEARNED_RUSTFLAGS: (&str, &str) = ("RUSTFLAGS", "-C target-feature=+simd128");

/// The files of the learned tier's model that ship, from `models/learned/`.
pub const LEARNED_MODEL: &[&str] = &["config.json", "model.safetensors", "tokenizer.json"];

/// Compiles the learned tier's bindings to wasm and generates their glue into
/// `target/learned-pkg` as `newslens_learned.js` (global `newslensLearned`, beside the
/// instant tier's `wasm_bindgen`) and `newslens_learned_bg.wasm`.
fn learned_package(root: &Path) -> Result<PathBuf> {
    cmd::run_with(root, "cargo", LEARNED_BUILD, &[LEARNED_RUSTFLAGS])?;
    let pkg = root.join("target/learned-pkg");
    bindgen_named(
        root,
        &root.join("target/learned/wasm32-unknown-unknown/release/newslens_learned_web.wasm"),
        &pkg,
        &[
            "--no-modules-global",
            "newslensLearned",
            "--out-name",
            "newslens_learned",
        ],
    )?;
    Ok(pkg)
}

/// `out/learned/`: the learned tier's module and the model it loads.
fn copy_learned(root: &Path, pkg: &Path, out: &Path) -> Result {
    let dir = out.join("learned");
    copy_tree(pkg, &dir, &|_| true)?;
    for name in LEARNED_MODEL {
        let from = root.join("models/learned").join(name);
        fs::copy(&from, dir.join(name))
            .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    Ok(())
}

fn extension(root: &Path, pkg: &Path, browser: Browser, out: &Path) -> Result {
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    let source = root.join("extension");
    copy_tree(&source, out, &|p| {
        p.file_name().is_some_and(|n| n != "manifest.json")
    })?;
    copy_tree(pkg, &out.join("pkg"), &|_| true)?;
    kinds::write(out)?;
    let manifest_path = source.join("manifest.json");
    let manifest: Value = serde_json::from_str(&read(&manifest_path)?)
        .map_err(|e| format!("{} is not valid JSON: {e}", manifest_path.display()))?;
    let text = serde_json::to_string_pretty(&browser.manifest(&manifest)).expect("JSON serialises");
    write(&out.join("manifest.json"), text.as_bytes())?;
    minify(root, out)
}

/// Minifies the built extension's scripts in place, each with a source map beside it
/// (`xtask/minify.mjs`, with terser from the npm dev dependencies): the shipped code is
/// counted against a size budget (`cargo xtask bench`). The demo page keeps its scripts
/// as written.
fn minify(root: &Path, out: &Path) -> Result {
    cmd::run(root, "node", &["xtask/minify.mjs", &out.to_string_lossy()])
}

/// The extension's scripts outside `dom/` that the demo page loads too.
const SHARED_WITH_DEMO: &[&str] = &["protocol.js", "learned.js"];

/// The demo page: `www/`, plus the extension's DOM layer, the scripts it needs
/// (SHARED_WITH_DEMO), the files generated from the catalogue and the wasm package.
fn demo(root: &Path, pkg: &Path, out: &Path) -> Result {
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    copy_tree(&root.join("www"), out, &|_| true)?;
    copy_tree(&root.join("extension/dom"), &out.join("dom"), &|_| true)?;
    for name in SHARED_WITH_DEMO {
        let from = root.join("extension").join(name);
        fs::copy(&from, out.join(name))
            .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    kinds::write(out)?;
    copy_tree(pkg, &out.join("pkg"), &|_| true)?;
    // The bundled sample: the seed column when ../shared is beside the repository (copied
    // in at build time, never committed), else the column written for the tests.
    let sample = [
        root.join("../shared/golden/seed-article.txt"),
        root.join("tests/fixtures/column.html"),
    ]
    .into_iter()
    .find(|p| p.exists())
    .ok_or("no sample for the demo page: tests/fixtures/column.html is missing")?;
    fs::copy(&sample, out.join("sample.txt"))
        .map_err(|e| format!("cannot copy {}: {e}", sample.display()))?;
    Ok(())
}

fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", from.display()))?
            .path();
        let target = to.join(path.file_name().expect("directory entries have names"));
        if path.is_dir() {
            copy_tree(&path, &target, keep)?;
        } else if keep(&path) {
            fs::copy(&path, &target).map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn zip_dir(dir: &Path, zip_path: &Path) -> Result {
    let file = fs::File::create(zip_path)
        .map_err(|e| format!("cannot create {}: {e}", zip_path.display()))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    let mut files = Vec::new();
    list_files(dir, &mut files)?;
    files.sort();
    for path in files {
        let name = path
            .strip_prefix(dir)
            .expect("listed under dir")
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        zip.start_file(name, options)
            .map_err(|e| format!("zip {}: {e}", zip_path.display()))?;
        zip.write_all(&bytes)
            .map_err(|e| format!("zip {}: {e}", zip_path.display()))?;
    }
    zip.finish()
        .map_err(|e| format!("zip {}: {e}", zip_path.display()))?;
    Ok(())
}

fn list_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    for entry in fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))? {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            list_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
