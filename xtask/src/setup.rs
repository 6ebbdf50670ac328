//! Installs the tools the build and the tests need, only when they are missing.
//! Versions are those verified together in `../shared/TOOLCHAIN.md`.

use std::path::Path;

use crate::cmd::{output, run, Result};

/// Must equal the `wasm-bindgen` crate version pinned in Cargo.toml: a mismatch is a
/// hard "schema version" error at build time.
const WASM_BINDGEN_VERSION: &str = "0.2.130";
const GECKODRIVER_VERSION: &str = "0.37.1";
const CARGO_FUZZ_VERSION: &str = "0.13.2";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The wasm32 target, the pinned wasm-bindgen CLI and the npm packages.
pub fn build_tools(root: &Path) -> Result {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == WASM_TARGET) {
        run(root, "rustup", &["target", "add", WASM_TARGET])?;
    }
    let version = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if version.split_whitespace().nth(1) != Some(WASM_BINDGEN_VERSION) {
        // Not `--locked`: this registry lacks one locked transitive version (TOOLCHAIN.md).
        run(
            root,
            "cargo",
            &[
                "install",
                "wasm-bindgen-cli",
                "--version",
                WASM_BINDGEN_VERSION,
            ],
        )?;
    }
    npm_packages(root)
}

/// The npm packages of `package-lock.json` (test tooling, the JS linter, the minifier,
/// wasm-opt),
/// installed again whenever the lock file changed.
pub fn npm_packages(root: &Path) -> Result {
    let installed = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    if !installed.exists() || modified(&lock) > modified(&installed) {
        run(root, "npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

/// Debian's Chromium, ChromeDriver and Firefox ESR, and geckodriver: installed when
/// missing, and Firefox upgraded when older than the manifest allows.
pub fn browsers(root: &Path) -> Result {
    // An older Firefox ESR left on the machine (installed from stale package lists)
    // refuses the add-on: it must be at least the manifest's `strict_min_version`.
    let minimum = firefox_minimum(root)?;
    let firefox_too_old = || {
        let version = output("/usr/bin/firefox-esr", &["--version"]).unwrap_or_default();
        firefox_major(&version).is_some_and(|major| major < minimum)
    };
    let missing: Vec<&str> = [
        ("chromium", "/usr/bin/chromium"),
        ("chromium-driver", "/usr/bin/chromedriver"),
        ("firefox-esr", "/usr/bin/firefox-esr"),
    ]
    .into_iter()
    .filter(|(package, path)| {
        !Path::new(path).exists() || (*package == "firefox-esr" && firefox_too_old())
    })
    .map(|(package, _)| package)
    .collect();
    if !missing.is_empty() {
        // apt must not stop to ask questions in CI.
        std::env::set_var("DEBIAN_FRONTEND", "noninteractive");
        let sudo = output("id", &["-u"]).is_some_and(|uid| uid.trim() != "0");
        let apt = |args: &[&str]| {
            if sudo {
                let mut all = vec!["apt-get"];
                all.extend_from_slice(args);
                run(root, "sudo", &all)
            } else {
                run(root, "apt-get", args)
            }
        };
        apt(&["update", "-q"])?;
        let mut install = vec!["install", "-y", "-q"];
        install.extend(missing);
        apt(&install)?;
    }
    let version = output("geckodriver", &["--version"]).unwrap_or_default();
    if !version.starts_with(&format!("geckodriver {GECKODRIVER_VERSION}")) {
        run(
            root,
            "cargo",
            &[
                "install",
                "geckodriver",
                "--version",
                GECKODRIVER_VERSION,
                "--locked",
            ],
        )?;
    }
    Ok(())
}

/// cargo-fuzz, for the fuzz smoke run and `cargo xtask fuzz`.
pub fn fuzz_tools(root: &Path) -> Result {
    let version = output("cargo", &["fuzz", "--version"]).unwrap_or_default();
    if !version.contains(CARGO_FUZZ_VERSION) {
        run(
            root,
            "cargo",
            &[
                "install",
                "cargo-fuzz",
                "--version",
                CARGO_FUZZ_VERSION,
                "--locked",
            ],
        )?;
    }
    Ok(())
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    path.metadata().and_then(|m| m.modified()).ok()
}

/// The major version of the manifest's `browser_specific_settings.gecko.strict_min_version`.
fn firefox_minimum(root: &Path) -> Result<u32> {
    let path = root.join("extension/manifest.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
    manifest["browser_specific_settings"]["gecko"]["strict_min_version"]
        .as_str()
        .and_then(|v| v.split('.').next()?.parse().ok())
        .ok_or_else(|| format!("{} has no gecko strict_min_version", path.display()))
}

/// The major version in `firefox --version` output ("Mozilla Firefox 153.8.0esr").
fn firefox_major(version: &str) -> Option<u32> {
    version
        .split_whitespace()
        .last()?
        .split('.')
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::firefox_major;

    #[test]
    fn reads_firefoxs_major_version() {
        assert_eq!(firefox_major("Mozilla Firefox 153.8.0esr"), Some(153));
        assert_eq!(firefox_major("Mozilla Firefox 140.10.2esr\n"), Some(140));
        assert_eq!(firefox_major(""), None);
    }
}
