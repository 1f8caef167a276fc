//! The domain's modules (`src/core/`) import each other without a cycle, as the README
//! says: read from the sources, each module's `super::x` and `crate::core::x` uses
//! outside its tests, then a depth-first search for a way back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// A module's source without its `#[cfg(test)]` module (tests may use any module).
fn without_tests(source: &str) -> &str {
    match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    }
}

/// The sibling modules `source` names, by `super::x` or `crate::core::x`.
fn uses(source: &str, siblings: &BTreeSet<String>, me: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for prefix in ["super::", "crate::core::"] {
        for (at, _) in source.match_indices(prefix) {
            let name: String = source[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            if name != me && siblings.contains(&name) {
                out.insert(name);
            }
        }
    }
    out
}

fn graph(dir: &Path) -> Graph {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    let siblings: BTreeSet<String> = files
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|m| m != "mod")
        .collect();
    let mut g = Graph::new();
    for path in &files {
        let me = path.file_stem().unwrap().to_string_lossy().into_owned();
        if me == "mod" {
            continue;
        }
        let source = std::fs::read_to_string(path).unwrap();
        g.insert(me.clone(), uses(without_tests(&source), &siblings, &me));
    }
    g
}

/// A cycle of `g`, if it has one: the modules on it, the first again at the end.
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

#[test]
fn the_domain_has_no_import_cycle() {
    let g = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"));
    let edges: usize = g.values().map(BTreeSet::len).sum();
    assert!(g.len() > 20 && edges > 20, "the sources were read: {g:?}");
    assert!(
        g["session"].contains("relay") && g["turns"].contains("session"),
        "uses are found: {g:?}"
    );
    assert_eq!(cycle(&g), None);
}

#[test]
fn a_cycle_is_found_and_tests_do_not_count() {
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
    let siblings: BTreeSet<String> = ["session", "demo"].map(String::from).into();
    let source =
        "use super::session::Session;\n#[cfg(test)]\nmod tests {\n    use crate::core::demo;\n}\n";
    assert_eq!(
        uses(without_tests(source), &siblings, "relay"),
        BTreeSet::from(["session".to_string()])
    );
}
