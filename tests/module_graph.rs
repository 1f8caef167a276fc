//! The house stays acyclic: no file of `src/` reaches, through the paths it names
//! (`crate::`, `super::`, `self::`, `rapporteur::`), a file that reaches back to it; and
//! the domain (`src/core/`) names nothing outside itself, so that it compiles and is
//! tested without storage, report or window.
//!
//! Read from the sources, outside `#[cfg(test)]` modules and comments. A folder's
//! `mod.rs` owns the files in it: its own uses of them (declaring and re-exporting
//! them) are the folder's shape, not an import; theirs of it are.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module by its path from its crate's root: `["ui", "app", "saving"]`; `[]` is the
/// root. Each crate (the library, the binary) is its own namespace.
type Module = Vec<String>;
type Graph = BTreeMap<String, BTreeSet<String>>;

/// A file's code without its test module and comments (tests may use any module;
/// comments may name any).
fn code(source: &str) -> String {
    let body = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut out = String::new();
    let mut in_block = false;
    for line in body.lines() {
        let mut line = line;
        if in_block {
            match line.find("*/") {
                Some(end) => {
                    line = &line[end + 2..];
                    in_block = false;
                }
                None => continue,
            }
        }
        if let Some(start) = line.find("/*") {
            in_block = !line[start..].contains("*/");
            line = &line[..start];
        }
        let kept = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        out.push_str(kept);
        out.push('\n');
    }
    out
}

fn ident_at(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The paths a use tree names from `rest` on (after a root such as `crate::`): `a::b`,
/// `{a, b::{c, d}}`; each path as its segments.
fn tree(rest: &str, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let bytes = rest.as_bytes();
    let mut at = 0;
    let skip = |at: &mut usize| {
        while *at < bytes.len() && (bytes[*at] as char).is_whitespace() {
            *at += 1;
        }
    };
    skip(&mut at);
    if rest[at..].starts_with('{') {
        at += 1;
        loop {
            skip(&mut at);
            if at >= bytes.len() {
                return at;
            }
            if rest[at..].starts_with('}') {
                return at + 1;
            }
            if rest[at..].starts_with(',') {
                at += 1;
                continue;
            }
            let used = tree(&rest[at..], prefix, out);
            if used == 0 {
                at += 1;
            } else {
                at += used;
            }
        }
    }
    let name = ident_at(&rest[at..]);
    if name.is_empty() {
        out.push(prefix.to_vec());
        return at;
    }
    let mut path = prefix.to_vec();
    path.push(name.to_string());
    at += name.len();
    if rest[at..].starts_with("::") {
        at += 2;
        at + tree(&rest[at..], &path, out)
    } else {
        out.push(path);
        at
    }
}

/// Every path `code` names from a root, resolved against `me`: (crate, absolute path).
fn named(code: &str, me: &Module, in_binary: bool) -> Vec<(bool, Vec<String>)> {
    let mut out = Vec::new();
    let starts: Vec<usize> = code.match_indices("::").map(|(i, _)| i).collect();
    for colon in starts {
        // The word before "::", standing alone.
        let before = &code[..colon];
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if word_start > 0 && before[..word_start].ends_with("::") {
            continue; // inside a longer path, read from its root
        }
        let word = &before[word_start..];
        let mut base: Vec<String> = match word {
            "crate" => Vec::new(),
            "self" => me.clone(),
            "super" => me[..me.len().saturating_sub(1)].to_vec(),
            "rapporteur" => Vec::new(),
            _ => continue,
        };
        let lib = word == "rapporteur" || !in_binary;
        let mut rest = &code[colon + 2..];
        // super::super::x
        while word == "super" && rest.starts_with("super::") {
            base.pop();
            rest = &rest["super::".len()..];
        }
        let mut paths = Vec::new();
        tree(rest, &base, &mut paths);
        out.extend(paths.into_iter().map(|p| (lib, p)));
    }
    out
}

struct Source {
    name: String,
    module: Module,
    in_binary: bool,
    code: String,
}

fn module_of(relative: &Path) -> Module {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs").to_string();
        if stem != "mod" && stem != "lib" && stem != "main" {
            parts.push(stem);
        }
    }
    parts
}

fn sources(src: &Path) -> Vec<Source> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(src, &mut files);
    files.sort();
    // The binary: main.rs and the modules it declares; src/bin/ are programs of their own.
    let binary = |r: &Path| {
        r == Path::new("main.rs") || r == Path::new("console.rs") || r.starts_with("cli")
    };
    files
        .into_iter()
        .filter(|p| !p.starts_with(src.join("bin")))
        .map(|path| {
            let relative = path.strip_prefix(src).unwrap().to_path_buf();
            let in_binary = binary(&relative);
            Source {
                name: relative.to_string_lossy().into_owned(),
                module: module_of(&relative),
                in_binary,
                code: code(&std::fs::read_to_string(&path).unwrap()),
            }
        })
        .collect()
}

/// The file-to-file graph of `sources`: each path named goes to the file of its longest
/// prefix that is a module (the crate's root file aside).
fn graph(sources: &[Source]) -> Graph {
    let files: BTreeMap<(bool, Module), String> = sources
        .iter()
        .map(|s| ((!s.in_binary, s.module.clone()), s.name.clone()))
        .collect();
    let mut g = Graph::new();
    for s in sources {
        let mut to = BTreeSet::new();
        for (lib, path) in named(&s.code, &s.module, s.in_binary) {
            let target = (1..=path.len())
                .rev()
                .find_map(|n| files.get(&(lib, path[..n].to_vec())));
            let Some(target) = target else { continue };
            let owned = s.name.ends_with("mod.rs")
                && lib != s.in_binary
                && path.len() > s.module.len()
                && path.starts_with(&s.module);
            if *target != s.name && !owned {
                to.insert(target.clone());
            }
        }
        g.insert(s.name.clone(), to);
    }
    g
}

/// A cycle of `g`, if it has one: the files on it, the first again at the end.
fn cycle(g: &Graph) -> Option<Vec<String>> {
    fn visit(
        g: &Graph,
        m: &str,
        state: &mut BTreeMap<String, bool>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(m.to_string(), false);
        path.push(m.to_string());
        for next in g.get(m).into_iter().flatten() {
            match state.get(next) {
                Some(false) => {
                    let from = path.iter().position(|p| p == next).unwrap();
                    let mut found = path[from..].to_vec();
                    found.push(next.clone());
                    return Some(found);
                }
                Some(true) => {}
                None => {
                    if let Some(found) = visit(g, next, state, path) {
                        return Some(found);
                    }
                }
            }
        }
        path.pop();
        state.insert(m.to_string(), true);
        None
    }
    let mut state = BTreeMap::new();
    for m in g.keys() {
        if !state.contains_key(m)
            && let Some(found) = visit(g, m, &mut state, &mut Vec::new())
        {
            return Some(found);
        }
    }
    None
}

fn house() -> Graph {
    graph(&sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src")))
}

#[test]
fn no_file_of_src_reaches_back_to_itself() {
    let g = house();
    let edges: usize = g.values().map(BTreeSet::len).sum();
    assert!(g.len() > 100 && edges > 300, "the sources were read: {g:?}");
    // Uses of every form are found: a sibling, a grouped use, a path across the crate,
    // the binary's use of the library.
    for (from, to) in [
        ("core/turns.rs", "core/session.rs"),
        ("ui/app/saving.rs", "storage/team/worker.rs"),
        ("storage/team/worker.rs", "storage/team/session.rs"),
        ("cli/team.rs", "storage/team/session.rs"),
    ] {
        assert!(g[from].contains(to), "{from} -> {to} found: {:?}", g[from]);
    }
    assert_eq!(cycle(&g), None, "an import cycle");
}

#[test]
fn the_domain_names_nothing_outside_itself() {
    let g = house();
    let outside: Vec<(String, String)> = g
        .iter()
        .filter(|(from, _)| from.starts_with("core/"))
        .flat_map(|(from, to)| {
            to.iter()
                .filter(|t| !t.starts_with("core/"))
                .map(move |t| (from.clone(), t.clone()))
        })
        .collect();
    assert!(g.keys().filter(|k| k.starts_with("core/")).count() > 20);
    assert_eq!(outside, Vec::new(), "core/ uses these from outside core/");
}

#[test]
fn a_cycle_is_found_and_tests_comments_and_owned_children_do_not_count() {
    let mut g = Graph::new();
    for (m, deps) in [("a", &["b"][..]), ("b", &["c"]), ("c", &["a"]), ("d", &[])] {
        g.insert(m.into(), deps.iter().map(|d| d.to_string()).collect());
    }
    assert_eq!(
        cycle(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    g.get_mut("c").unwrap().clear();
    assert_eq!(cycle(&g), None);

    let source = |name: &str, text: &str| Source {
        name: name.into(),
        module: module_of(Path::new(name)),
        in_binary: false,
        code: code(text),
    };
    let files = [
        source("lib.rs", "pub mod core;\npub mod ui;\n"),
        source(
            "core/mod.rs",
            "pub mod relay;\npub mod session;\npub use session::Session;\n",
        ),
        source(
            "core/relay.rs",
            "use super::{session::{Session, Other}, text};\n// crate::ui::app\n/* crate::ui */\n",
        ),
        source(
            "core/session.rs",
            "fn f() -> crate::core::relay::Turn { todo!() }\n",
        ),
        source(
            "core/text.rs",
            "#[cfg(test)]\nmod tests {\n    use crate::core::relay;\n}\n",
        ),
        source("ui/mod.rs", "pub mod app;\n"),
        source("ui/app/mod.rs", "mod saving;\nuse saving::Saving;\n"),
        source(
            "ui/app/saving.rs",
            "use super::super::super::core::text::clean;\nuse super::App;\n",
        ),
    ];
    let g = graph(&files);
    assert_eq!(
        g["core/relay.rs"],
        BTreeSet::from(["core/session.rs".to_string(), "core/text.rs".to_string()])
    );
    assert!(g["core/text.rs"].is_empty(), "tests do not count");
    assert!(
        g["ui/app/mod.rs"].is_empty(),
        "a folder's own files are its shape"
    );
    assert_eq!(
        g["ui/app/saving.rs"],
        BTreeSet::from(["core/text.rs".to_string(), "ui/app/mod.rs".to_string()])
    );
    assert_eq!(
        cycle(&g),
        Some(vec![
            "core/relay.rs".to_string(),
            "core/session.rs".to_string(),
            "core/relay.rs".to_string()
        ])
    );
}
