//! Fields and records set on two devices at once: a value in a map, so the last writer
//! wins, but neither device should be left unaware. This device remembers what it set
//! (map and key, with its last operation); an imported change that set the same key
//! without having seen that operation set it at the same time.

use std::collections::HashMap;

use loro::json::{JsonOpContent, MapOp};
use loro::{ContainerID, ID, IdSpan, LoroDoc, LoroValue, VersionVector};

/// The maps whose keys are watched: the session's, meeting's and report's fields, and
/// the plain lists record by record (the log and the layout have their own marks).
pub const WATCHED: [&str; 8] = [
    "session",
    "meeting",
    "report",
    "participants",
    "delegations",
    "groups",
    "segments",
    "inscriptions",
];

/// A key set here and on another device at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub map: String,
    pub key: String,
    /// The other device's peer.
    pub peer: u64,
    /// Whether this device's value is the one kept.
    pub mine_kept: bool,
}

/// A key set here: its map and key, and the value (None: deleted).
pub type Set = (String, String, Option<String>);

#[derive(Debug, Default)]
pub struct LocalSets {
    /// By map and key: this device's last operation on it and the value it set.
    last: HashMap<(String, String), (ID, Option<String>)>,
}

fn root_name(container: &ContainerID) -> Option<&str> {
    match container {
        ContainerID::Root { name, .. } => Some(name.as_str()),
        ContainerID::Normal { .. } => None,
    }
}

impl LocalSets {
    pub fn is_empty(&self) -> bool {
        self.last.is_empty()
    }

    /// Keys this device just set, its last operation being `last`.
    pub fn record(&mut self, sets: Vec<Set>, last: ID) {
        for (map, key, value) in sets {
            self.last.insert((map, key), (last, value));
        }
    }

    /// The watched keys of this device that an imported change (`id`, `len` operations,
    /// having seen `seen`, touching `touched`) set to another value without having seen
    /// this device's setting of them (the same value set twice is no clash). Read from
    /// the change's operations only when it touched a map this device set something in
    /// that it had not seen.
    pub fn clashes_in<'a>(
        &self,
        doc: &LoroDoc,
        (id, len): (ID, i32),
        seen: &VersionVector,
        touched: impl IntoIterator<Item = &'a ContainerID>,
        out: &mut Vec<(String, String, u64)>,
    ) {
        if self.last.is_empty() {
            return;
        }
        let unseen = |map: &str, key: &str, value: Option<&str>| {
            self.last
                .get(&(map.to_string(), key.to_string()))
                .is_some_and(|(mine, set)| !seen.includes_id(*mine) && set.as_deref() != value)
        };
        let suspect = touched.into_iter().filter_map(root_name).any(|map| {
            WATCHED.contains(&map)
                && self
                    .last
                    .iter()
                    .any(|((m, _), (mine, _))| m == map && !seen.includes_id(*mine))
        });
        if !suspect {
            return;
        }
        let span = IdSpan::new(id.peer, id.counter, id.counter.saturating_add(len));
        for change in doc.export_json_in_id_span(span) {
            for op in &change.ops {
                let Some(map) = root_name(&op.container) else {
                    continue;
                };
                let (key, value) = match &op.content {
                    JsonOpContent::Map(MapOp::Insert { key, value }) => match value {
                        LoroValue::String(text) => (key, Some(text.as_str())),
                        _ => (key, Some("")),
                    },
                    JsonOpContent::Map(MapOp::Delete { key }) => (key, None),
                    _ => continue,
                };
                if unseen(map, key, value) {
                    let clash = (map.to_string(), key.clone(), id.peer);
                    if !out.contains(&clash) {
                        out.push(clash);
                    }
                }
            }
        }
    }
}
