//! The import graph of the core's modules: one module per file under `src/` (the
//! command-line tool in `src/bin` is a crate of its own), with an edge from a file to
//! each module it names through `crate::`, `super::`, `self::` or one of its own
//! submodules, outside comments and its `#[cfg(test)]` tests. A cycle means two parts of
//! the pipeline know each other, so the tiers no longer read one way; the crate root is a
//! module like any other, so code inside the crate that names items through the root's
//! re-exports (`crate::Analysis`) closes a cycle too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::cmd::Result;

/// A module as its path from the crate root (empty for the root).
type Module = Vec<String>;
type Graph = BTreeMap<Module, BTreeSet<Module>>;

/// One problem per group of modules that depend on one another in a cycle.
pub fn cycles(src: &Path, files: &[PathBuf]) -> Result<Vec<String>> {
    let mut sources = BTreeMap::new();
    for file in files {
        let relative = file
            .strip_prefix(src)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        if relative.starts_with("bin") {
            continue;
        }
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        sources.insert(module_of(relative), text);
    }
    let modules: BTreeSet<Module> = sources.keys().cloned().collect();
    let graph: Graph = sources
        .iter()
        .map(|(module, text)| (module.clone(), edges(module, text, &modules)))
        .collect();
    Ok(strongly_connected(&graph)
        .into_iter()
        .filter(|group| group.len() > 1)
        .map(|group| {
            let names: Vec<String> = group.iter().map(name).collect();
            format!(
                "src/: these modules import one another in a cycle: {}",
                names.join(", ")
            )
        })
        .collect())
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "crate".to_string()
    } else {
        module.join("::")
    }
}

/// `text/lexicon/mod.rs` → `text::lexicon`; `lib.rs` → the root.
fn module_of(relative: &Path) -> Module {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.last().map(String::as_str);
    if last == Some("mod") || (parts.len() == 1 && last == Some("lib")) {
        parts.pop();
    }
    parts
}

/// The modules `module` (whose source is `text`) names, itself aside.
fn edges(module: &Module, text: &str, modules: &BTreeSet<Module>) -> BTreeSet<Module> {
    let code = code(text);
    let bytes = code.as_bytes();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_path = is_ident(bytes[i])
            && (i == 0
                || !(is_ident(bytes[i - 1]) || bytes[i - 1] == b':' || bytes[i - 1] == b'.'));
        if !starts_path {
            i += 1;
            continue;
        }
        for path in read_path(bytes, &mut i) {
            if let Some(target) = resolve(module, &path, modules) {
                if &target != module {
                    out.insert(target);
                }
            }
        }
    }
    out
}

/// The file's code without its tests, comments (doc links name modules without depending
/// on them) and submodule declarations (a module holds its submodules; it depends on
/// them only where it uses them).
fn code(text: &str) -> String {
    let body = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    body.lines()
        .map(|line| line.split("//").next().unwrap_or(line))
        .filter(|line| {
            let line = line.trim_start();
            let line = line
                .strip_prefix("pub(crate) ")
                .or_else(|| line.strip_prefix("pub "))
                .unwrap_or(line);
            !(line.starts_with("mod ") && line.ends_with(';'))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The paths that start at `bytes[*i]`: `a::b::c`, or each path of a group
/// `a::{b, c::{d, e}}`. Leaves `*i` after them.
fn read_path(bytes: &[u8], i: &mut usize) -> Vec<Vec<String>> {
    let mut segments = Vec::new();
    loop {
        let start = *i;
        while *i < bytes.len() && is_ident(bytes[*i]) {
            *i += 1;
        }
        segments.push(String::from_utf8_lossy(&bytes[start..*i]).into_owned());
        if !bytes[*i..].starts_with(b"::") {
            return vec![segments];
        }
        *i += 2;
        if bytes.get(*i) == Some(&b'{') {
            *i += 1;
            let mut out = Vec::new();
            while *i < bytes.len() && bytes[*i] != b'}' {
                if is_ident(bytes[*i]) {
                    for rest in read_path(bytes, i) {
                        out.push(segments.iter().cloned().chain(rest).collect());
                    }
                } else {
                    *i += 1;
                }
            }
            *i += 1;
            return out;
        }
        if !bytes.get(*i).copied().is_some_and(is_ident) {
            return vec![segments];
        }
    }
}

/// The deepest module that `path`, written in `module`, names, if it names one.
fn resolve(module: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    // `pub(crate)`, `pub(super)`: visibility, not a path.
    if path.len() == 1 {
        return None;
    }
    let (mut base, rest) = match path.first()?.as_str() {
        "crate" => (Vec::new(), &path[1..]),
        "self" => (module.clone(), &path[1..]),
        "super" => {
            let supers = path.iter().take_while(|s| *s == "super").count();
            let keep = module.len().checked_sub(supers)?;
            (module[..keep].to_vec(), &path[supers..])
        }
        first => {
            let mut child = module.clone();
            child.push(first.to_string());
            if !modules.contains(&child) {
                return None;
            }
            (module.clone(), path)
        }
    };
    let mut found = modules.contains(&base).then(|| base.clone());
    for segment in rest {
        base.push(segment.clone());
        if modules.contains(&base) {
            found = Some(base.clone());
        }
    }
    found
}

/// Tarjan's strongly connected components of `graph`.
fn strongly_connected(graph: &Graph) -> Vec<Vec<Module>> {
    struct State<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g Module, usize>,
        low: BTreeMap<&'g Module, usize>,
        stack: Vec<&'g Module>,
        on_stack: BTreeSet<&'g Module>,
        groups: Vec<Vec<Module>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g Module) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.clone());
                if w == v {
                    break;
                }
            }
            group.sort();
            s.groups.push(group);
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v) {
            visit(&mut state, v);
        }
    }
    state.groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph_of(files: &[(&str, &str)]) -> Vec<String> {
        let modules: BTreeSet<Module> =
            files.iter().map(|(f, _)| module_of(Path::new(f))).collect();
        let graph: Graph = files
            .iter()
            .map(|(f, text)| {
                let module = module_of(Path::new(f));
                (module.clone(), edges(&module, text, &modules))
            })
            .collect();
        strongly_connected(&graph)
            .into_iter()
            .filter(|g| g.len() > 1)
            .map(|g| g.iter().map(name).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn finds_a_cycle_through_groups_super_and_the_root() {
        let files = [
            ("lib.rs", "mod a;\nmod b;\npub use a::Thing;"),
            ("a/mod.rs", "mod inner;\nuse crate::{b::{self, Other}};"),
            ("a/inner.rs", "fn f() { super::super::b::g() }"),
            (
                "b.rs",
                "// crate::a is only named in a comment\nuse crate::Thing;",
            ),
        ];
        assert_eq!(graph_of(&files), ["crate a b"]);
    }

    #[test]
    fn one_way_imports_comments_and_tests_make_no_cycle() {
        let files = [
            ("lib.rs", "mod a;\nmod b;\npub use b::Thing;"),
            (
                "a.rs",
                "/// See [`crate::b`].\nfn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::b;\n}",
            ),
            ("b.rs", "use crate::a::f;"),
        ];
        assert!(graph_of(&files).is_empty());
    }

    /// The check itself, on the core (also part of `cargo xtask test`'s conventions).
    #[test]
    fn the_core_has_no_module_cycles() {
        let src = crate::root().join("src");
        let files = super::super::files(&src, "rs").unwrap();
        let problems = cycles(&src, &files).unwrap();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
