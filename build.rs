//! Assembles three tables from the files that declare their entries, so that adding an
//! entry touches its own file and nothing else (no list to keep in step by hand):
//!
//! - `rules.rs`: every file in `src/detect/rules/` is a detector, a module with a `RULE`
//!   (a [`Rule`]); it gets its `mod` line and its place in the rule table.
//! - `subtype.rs` and `kinds.rs`: every line under `src/` (but `src/bin/`) that reads
//!   `pub const NAME: Kind = Kind {` declares a kind of finding; it gets its variant of
//!   `Subtype` (`HEDGE` → `Hedge`) and its place in the catalogue. Its `category:` and
//!   `order:` are read here too (literals, each on its own line, as rustfmt writes them):
//!   they number the variants in `src/catalogue/kind.rs`, which must not name the files
//!   that declare kinds (they name it).
//! - `lexicon.rs`: every `src/text/lexicon/*.txt` is a word list, a `&str` constant named
//!   after its file (`inner_states.txt` → `INNER_STATES`).
//!
//! The order of the tables is not decided here: files are read in name order, and the
//! catalogue and the rule table are sorted at compile time by the `order` each entry
//! declares. Each generated file is `include!`d by the module that owns the table.
//!
//! [`Rule`]: src/detect/mod.rs

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What starts the line that declares a kind, and what follows its name.
const KIND_START: &str = "pub const ";
const KIND_END: &str = ": Kind = Kind {";

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let src = root.join("src");
    println!("cargo:rerun-if-changed=src");
    write(&out.join("rules.rs"), &rules(&src.join("detect/rules")));
    let declared = declared_kinds(&src);
    write(&out.join("subtype.rs"), &subtype(&declared));
    write(&out.join("kinds.rs"), &kinds(&declared));
    write(&out.join("lexicon.rs"), &lexicon(&src.join("text/lexicon")));
}

/// The `mod` lines of the rule files and their rules, in file-name order.
fn rules(dir: &Path) -> String {
    let mut code = String::from(GENERATED);
    let mut names = Vec::new();
    for file in files(dir, "rs") {
        let name = stem(&file);
        writeln!(
            code,
            "#[path = {:?}]\npub(crate) mod {name};",
            file.display()
        )
        .unwrap();
        names.push(format!("{name}::RULE"));
    }
    writeln!(
        code,
        "\n/// Every rule, in file-name order: [`crate::detect::RULES`] puts them in run order.\n\
         pub(crate) const DECLARED: [crate::detect::rule::Rule; {}] = [{}];",
        names.len(),
        names.join(", ")
    )
    .unwrap();
    code
}

/// A declared kind: its constant, the module and file that declare it, and its category and
/// order as written in the declaration.
struct Declared {
    name: String,
    module: String,
    file: String,
    category: String,
    order: String,
}

/// Every kind declared under `src`, in the order they were found (file path, then line).
fn declared_kinds(src: &Path) -> Vec<Declared> {
    let mut found = Vec::new();
    for file in rust_files(src) {
        let text = read(&file);
        let relative = file.strip_prefix(src).expect("found under src");
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let Some(name) = line
                .strip_prefix(KIND_START)
                .and_then(|rest| rest.strip_suffix(KIND_END))
            else {
                continue;
            };
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "};").collect();
            let field = |key: &str| {
                let values: Vec<&str> = body
                    .iter()
                    .filter_map(|l| l.strip_prefix(key)?.strip_suffix(','))
                    .collect();
                match values[..] {
                    [value] if !value.is_empty() => value.to_string(),
                    _ => panic!(
                        "src/{}: kind {name}: write `{}` once, on its own line, as a literal",
                        relative.display(),
                        key.trim()
                    ),
                }
            };
            found.push(Declared {
                name: name.to_string(),
                module: module_path(relative),
                file: relative.display().to_string(),
                category: field("    category: "),
                order: field("    order: "),
            });
        }
    }
    assert!(
        !found.is_empty(),
        "no kinds declared under {}",
        src.display()
    );
    found
}

/// `Subtype`, for `src/catalogue/kind.rs`: a variant per kind, whose discriminant is its
/// place in the catalogue, worked out at compile time from the (category, order) of every
/// kind.
fn subtype(kinds: &[Declared]) -> String {
    let mut code = String::from(GENERATED);
    let ranks: Vec<String> = kinds
        .iter()
        .map(|k| format!("({}, {})", k.category, k.order))
        .collect();
    writeln!(
        code,
        "/// Each declared kind's category and order, as build.rs read them.\n\
         const RANKS: [(Category, u8); {}] = [{}];\n",
        kinds.len(),
        ranks.join(", ")
    )
    .unwrap();
    code.push_str(
        "/// What kind of opinion marker, sourcing or disclosure a finding is: one variant per\n\
         /// kind declared under `src/` (`pub const NAME: Kind`). A variant's value is its place\n\
         /// in the catalogue (by category, then order), whatever its place here: its facts are\n\
         /// its entry in [`crate::catalogue::KINDS`], at that index, and variants compare in\n\
         /// that order.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]\n\
         pub enum Subtype {\n",
    );
    for (i, kind) in kinds.iter().enumerate() {
        writeln!(
            code,
            "    /// Declared as `{}` in `src/{}`.\n    {} = place(RANKS, {i}),",
            kind.name,
            kind.file,
            variant(&kind.name)
        )
        .unwrap();
    }
    code.push_str("}\n");
    code
}

/// The declared entries, for `src/catalogue.rs`, in the order they were found, with their
/// variants.
fn kinds(kinds: &[Declared]) -> String {
    let n = kinds.len();
    let entries: Vec<String> = kinds
        .iter()
        .map(|k| format!("{}::{}", k.module, k.name))
        .collect();
    let variants: Vec<String> = kinds
        .iter()
        .map(|k| format!("Subtype::{}", variant(&k.name)))
        .collect();
    format!(
        "{GENERATED}/// Every kind's entry, in the order build.rs found them.\n\
         const DECLARED: [Kind; {n}] = [{}];\n\n\
         /// Every variant, in the same order as [`DECLARED`].\n\
         const VARIANTS: [Subtype; {n}] = [{}];\n",
        entries.join(", "),
        variants.join(", ")
    )
}

/// A constant for each word list, documented with the list's first comment line, and
/// (for the tests) every list by file name.
fn lexicon(dir: &Path) -> String {
    let mut code = String::from(GENERATED);
    let mut all = Vec::new();
    for file in files(dir, "txt") {
        let name = stem(&file).to_uppercase();
        let text = read(&file);
        let summary = text
            .lines()
            .next()
            .and_then(|line| line.strip_prefix('#'))
            .map(str::trim)
            .unwrap_or("A word list.");
        let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
        writeln!(
            code,
            "#[doc = {:?}]\n#[doc = \"\"]\n#[doc = \"The list `{file_name}`.\"]\n\
             pub const {name}: &str = include_str!({:?});",
            summary,
            file.display()
        )
        .unwrap();
        all.push(format!("({file_name:?}, {name})"));
    }
    writeln!(
        code,
        "\n/// Every list, with its file name.\n#[cfg(test)]\n\
         pub const LISTS: [(&str, &str); {}] = [{}];",
        all.len(),
        all.join(", ")
    )
    .unwrap();
    code
}

const GENERATED: &str =
    "// Generated by build.rs from the files that declare these entries; do not edit.\n\n";

/// The files in `dir` (not below it) ending in `.{ext}`, in name order.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

/// Every `.rs` file below `src`, in path order, but the command-line tool's (`src/bin/`),
/// which is not part of the library.
fn rust_files(src: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        {
            let path = entry.expect("a readable directory entry").path();
            if path.is_dir() {
                if path != src.join("bin") {
                    dirs.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The module a library file is: `detect/rules/phrases.rs` → `crate::detect::rules::phrases`,
/// `page/mod.rs` → `crate::page`, `lib.rs` → `crate`.
fn module_path(relative: &Path) -> String {
    let mut parts = vec!["crate".to_string()];
    if relative != Path::new("lib.rs") {
        let module = relative.with_extension("");
        let module = match module.ends_with("mod") {
            true => module.parent().expect("mod.rs sits in its module's folder"),
            false => &module,
        };
        parts.extend(
            module
                .iter()
                .map(|part| part.to_string_lossy().into_owned()),
        );
    }
    parts.join("::")
}

/// A kind's variant, from the name of its constant: `RHETORICAL_QUESTION` →
/// `RhetoricalQuestion`.
fn variant(constant: &str) -> String {
    constant
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first
                .into_iter()
                .chain(chars.map(|c| c.to_ascii_lowercase()))
                .collect::<String>()
        })
        .collect()
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

fn read(file: &Path) -> String {
    std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
