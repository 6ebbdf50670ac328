//! Running commands with errors that say which command failed.

use std::path::Path;
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// Runs `program args…` in `dir`, inheriting stdio; fails with the command line.
pub fn run(dir: &Path, program: &str, args: &[&str]) -> Result {
    run_with(dir, program, args, &[])
}

/// [`run`] with extra environment variables for that one command.
pub fn run_with(dir: &Path, program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result {
    eprintln!("+ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(dir)
        .status()
        .map_err(|e| format!("could not start `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// Runs a command and returns its standard output, or `None` if it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
