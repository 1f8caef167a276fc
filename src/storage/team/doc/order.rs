//! A movable list of keys brought to the order a session has, by as few moves as can
//! be: a moved paragraph is one move, which merges with another editor's moves.

use std::collections::{HashMap, HashSet};

use loro::{LoroMovableList, LoroValue};

use super::err;
use crate::core::order::longest_increasing;

/// A movable list's keys, each once (the first place wins).
pub(super) fn keys_of(list: &LoroMovableList) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    if let LoroValue::List(values) = list.get_value() {
        for v in values.iter() {
            if let LoroValue::String(s) = v {
                let k = s.to_string();
                if seen.insert(k.clone()) {
                    out.push(k);
                }
            }
        }
    }
    out
}

/// Makes a movable list of keys read `wanted`: removes what went, moves only the keys
/// outside the longest run already in order (so a paragraph the editor moved is one
/// move, which merges with another editor's moves), inserts what is new after the key
/// before it.
pub fn sync_order(list: &LoroMovableList, wanted: &[String]) -> Result<(), String> {
    sync_order_moving(list, wanted, &[])
}

/// [`sync_order`], moving the keys of `moving` rather than their neighbours when either
/// would do (the editor moved that paragraph one place: it is the one that moved).
pub fn sync_order_moving(
    list: &LoroMovableList,
    wanted: &[String],
    moving: &[String],
) -> Result<(), String> {
    let want: HashSet<&str> = wanted.iter().map(String::as_str).collect();
    let mut current: Vec<String> = Vec::new();
    if let LoroValue::List(values) = list.get_value() {
        for v in values.iter() {
            current.push(match v {
                LoroValue::String(s) => s.to_string(),
                _ => String::new(),
            });
        }
    }
    // Gone (or doubled, or not a key): removed from the end back.
    let mut kept = HashSet::new();
    for i in (0..current.len()).rev() {
        let key = current.get(i).cloned().unwrap_or_default();
        let first = current.iter().position(|k| *k == key) == Some(i);
        if !want.contains(key.as_str()) || !first || !kept.insert(key) {
            list.delete(i, 1).map_err(err)?;
            current.remove(i);
        }
    }
    if current.as_slice() == wanted {
        return Ok(());
    }
    let position: HashMap<&str, usize> = current
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let sequence: Vec<Option<usize>> = wanted
        .iter()
        .map(|k| {
            if moving.contains(k) {
                None
            } else {
                position.get(k.as_str()).copied()
            }
        })
        .collect();
    let stay = longest_increasing(&sequence);
    for (n, key) in wanted.iter().enumerate() {
        if stay.contains(&n) {
            continue;
        }
        // Right after the key before it (at the start for the first).
        let after = n
            .checked_sub(1)
            .and_then(|p| wanted.get(p))
            .and_then(|prev| current.iter().position(|k| k == prev));
        let target = after.map_or(0, |p| p + 1);
        match current.iter().position(|k| k == key) {
            Some(from) => {
                let to = if from < target { target - 1 } else { target };
                if from != to {
                    list.mov(from, to).map_err(err)?;
                    let k = current.remove(from);
                    current.insert(to, k);
                }
            }
            None => {
                list.insert(target, key.as_str()).map_err(err)?;
                current.insert(target, key.clone());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use loro::LoroDoc;
    use proptest::prelude::*;

    fn list_of(keys: &[&str]) -> (LoroDoc, LoroMovableList) {
        let doc = LoroDoc::new();
        let list = doc.get_movable_list("l");
        for k in keys {
            list.push(*k).unwrap();
        }
        doc.commit();
        (doc, list)
    }

    fn strings(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn one_paragraph_moved_is_one_move_of_that_paragraph() {
        let (doc, list) = list_of(&["a", "b", "c", "d", "e"]);
        let before = doc.len_ops();
        // "b" moved one place down: "c" could as well have moved up; the hint decides.
        sync_order_moving(
            &list,
            &strings(&["a", "c", "b", "d", "e"]),
            &strings(&["b"]),
        )
        .unwrap();
        doc.commit();
        assert_eq!(keys_of(&list), strings(&["a", "c", "b", "d", "e"]));
        assert_eq!(doc.len_ops() - before, 1, "one move");
        // "e" to the top: one move whatever the hint.
        let before = doc.len_ops();
        sync_order(&list, &strings(&["e", "a", "c", "b", "d"])).unwrap();
        doc.commit();
        assert_eq!(keys_of(&list), strings(&["e", "a", "c", "b", "d"]));
        assert_eq!(doc.len_ops() - before, 1);
    }

    proptest! {
        /// Whatever the list held and whatever order is wanted (keys gone, new, moved),
        /// the list ends in that order.
        #[test]
        fn any_order_is_reached(
            start in prop::collection::vec(0u8..40, 0..30),
            wanted in prop::collection::vec(0u8..40, 0..30),
            hint in prop::collection::vec(0u8..40, 0..3),
        ) {
            let start: Vec<String> = start.iter().map(|n| n.to_string()).collect();
            let mut seen = HashSet::new();
            let wanted: Vec<String> = wanted
                .iter()
                .map(|n| n.to_string())
                .filter(|k| seen.insert(k.clone()))
                .collect();
            let hint: Vec<String> = hint.iter().map(|n| n.to_string()).collect();
            let doc = LoroDoc::new();
            let list = doc.get_movable_list("l");
            for k in &start {
                list.push(k.as_str()).unwrap();
            }
            sync_order_moving(&list, &wanted, &hint).unwrap();
            doc.commit();
            prop_assert_eq!(keys_of(&list), wanted.clone());
            // Nothing doubled left behind in the list itself.
            prop_assert_eq!(list.len(), wanted.len());
        }
    }
}
