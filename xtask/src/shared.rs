//! The reference material in `../shared` (the seed column, saved real pages, labelled
//! datasets) that some steps of the test command read in place. It is beside the
//! repository, not in it: without it a step that needs it is skipped, saying so, unless
//! `NEWSLENS_REQUIRE_SHARED=1` (set by `.ci/run`), where its absence is an error. The
//! Rust and JS tests follow the same rule (`tests/shared/mod.rs`, `tests/e2e/shared.mjs`).

use std::path::Path;

use crate::cmd::Result;

const REQUIRE: &str = "NEWSLENS_REQUIRE_SHARED";

/// Whether every one of `paths` (relative to `../shared`) is there: when one is missing,
/// `false` after printing that `step` is skipped, or an error under
/// `NEWSLENS_REQUIRE_SHARED=1`.
pub fn available(root: &Path, step: &str, paths: &[&str]) -> Result<bool> {
    let shared = root.join("../shared");
    let Some(missing) = paths.iter().find(|p| !shared.join(p).exists()) else {
        return Ok(true);
    };
    if std::env::var_os(REQUIRE).is_some_and(|v| v == "1") {
        return Err(format!(
            "{step} needs ../shared/{missing}, which is missing ({REQUIRE}=1)"
        ));
    }
    eprintln!("skipped {step}: needs ../shared/{missing}");
    Ok(false)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// `tests/fixtures` as the root, so that `../shared` is the repository's own
    /// `tests/shared/`: a folder known to be there, whatever the machine has beside it.
    fn root() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures"))
    }

    #[test]
    fn present_paths_are_available() {
        assert_eq!(super::available(root(), "a step", &["mod.rs"]), Ok(true));
    }

    #[test]
    fn a_missing_path_skips_the_step_or_fails_it_when_required() {
        let found = super::available(root(), "a step", &["mod.rs", "no-such-file"]);
        if std::env::var_os(super::REQUIRE).is_some_and(|v| v == "1") {
            let error = found.expect_err("required material is missing");
            assert!(
                error.contains("a step needs ../shared/no-such-file"),
                "{error}"
            );
        } else {
            assert_eq!(found, Ok(false));
        }
    }
}
