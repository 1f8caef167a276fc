//! A team session as a CRDT document (Loro): every device holds a copy, changes travel
//! as Loro updates, and all copies that have seen the same updates hold the same
//! session, whatever order the updates came in.
//!
//! The session stays the plain model the rest of the program works on: `write` turns
//! the difference between the session and what the document last held into Loro
//! operations, `read` builds the session back from the document.
//!
//! What merges how:
//! - the statements' texts and the editor's paragraph texts are Loro texts: concurrent
//!   edits of one text merge character by character;
//! - the order of the log, of the paragraphs and of each list (participants,
//!   delegations, groups, segments, the list of speakers) is a movable list of keys:
//!   concurrent moves end in one place, concurrent insertions are all kept;
//! - every other field is a value in a map (the last writer wins, field by field for
//!   the meeting and the report's settings, record by record elsewhere).
//!
//! Records are keyed by their ids, which a team session hands out per device
//! (`core::ids::Band`), so two devices never create one key at the same moment.

use std::collections::{HashMap, HashSet};

use loro::{
    Container, ContainerID, ContainerTrait, ExportMode, ID, LoroDoc, LoroMap, LoroMovableList,
    LoroText, LoroValue, UpdateOptions, ValueOrContainer, VersionVector,
};
use serde_json::{Map, Value};

use crate::core::ids::{Band, MAX_BAND};
use crate::core::intervention::{Intervention, InterventionId};
use crate::core::layout::{ChapterKey, ParagraphId};
use crate::core::session::Session;
use crate::core::shared::Shared;

/// The plain lists kept record by record, by the field that names each record.
const LISTS: [&str; 5] = [
    "participants",
    "delegations",
    "groups",
    "segments",
    "inscriptions",
];

pub struct TeamDoc {
    doc: LoroDoc,
    /// The session the document held after the last `write` or `read`: what the next
    /// write is compared with (statements and paragraphs by pointer).
    last: Option<Session>,
    /// Everything up to here is in a frame already (ours written, others' read).
    exported: VersionVector,
    /// The last operation this device made on each statement, and the statement's
    /// containers: a change from elsewhere that touches them without having seen it is
    /// concurrent.
    local_edits: HashMap<String, (ID, [ContainerID; 2])>,
    /// Each statement's containers (its map and its text), by key, as last read or
    /// written: a statement none of whose containers an import touched is not read again.
    containers: HashMap<String, [ContainerID; 2]>,
    /// Containers imports touched since the last read.
    dirty: HashSet<ContainerID>,
    /// Paragraphs the last read found both deleted and in place: deleted on one device
    /// while another moved them (the move wins).
    restored: Vec<ParagraphId>,
}

/// A statement or a paragraph changed on two devices at once, and the other device's
/// peer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concurrent {
    pub touched: Touched,
    pub peer: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Touched {
    Statement(InterventionId),
    /// A paragraph of the editor's layout (its text or its place).
    Paragraph(ParagraphId),
}

/// `local_edits` keys: a statement's id, or "p" and a paragraph's id.
fn touched(key: &str) -> Option<Touched> {
    match key.strip_prefix('p') {
        Some(id) => id.parse().ok().map(Touched::Paragraph),
        None => key.parse().ok().map(Touched::Statement),
    }
}

fn err(e: impl std::fmt::Display) -> String {
    format!("team document: {e}")
}

impl TeamDoc {
    /// An empty document written to as `peer` (a new id every run of the app).
    pub fn new(peer: u64) -> Result<TeamDoc, String> {
        let doc = LoroDoc::new();
        doc.set_peer_id(peer).map_err(err)?;
        Ok(TeamDoc {
            doc,
            last: None,
            exported: VersionVector::default(),
            local_edits: HashMap::new(),
            containers: HashMap::new(),
            dirty: HashSet::new(),
            restored: Vec::new(),
        })
    }

    pub fn peer(&self) -> u64 {
        self.doc.peer_id()
    }

    /// Paragraphs the last read brought back (see `restored`).
    pub fn restored(&self) -> &[ParagraphId] {
        &self.restored
    }

    /// Takes in updates or snapshots (from this device's earlier runs or from others);
    /// returns the statements this device changed that a concurrent change elsewhere
    /// touched too. A blob Loro cannot read is an error naming nothing lost: the others
    /// are imported all the same.
    pub fn import(&mut self, blobs: &[Vec<u8>]) -> Result<Vec<Concurrent>, String> {
        if blobs.is_empty() {
            return Ok(Vec::new());
        }
        let before = self.doc.oplog_vv();
        let status = self.doc.import_batch(blobs);
        let after = self.doc.oplog_vv();
        // What came in was written by its device: ours need not go out again.
        self.exported.merge(&after);
        let concurrent = self.scan_imported(&before, &after);
        status.map(|_| concurrent).map_err(err)
    }

    /// Notes the containers imported changes touched (for `read`), and returns the
    /// statements of `local_edits` they touched without having seen this device's last
    /// edit of them.
    fn scan_imported(&mut self, before: &VersionVector, after: &VersionVector) -> Vec<Concurrent> {
        let mut out = Vec::new();
        let me = self.doc.peer_id();
        for (&peer, &end) in after.iter() {
            let start = before.get(&peer).copied().unwrap_or(0);
            if peer == me || end <= start {
                continue;
            }
            let mut counter = start;
            while counter < end {
                let Some(change) = self.doc.get_change(ID::new(peer, counter)) else {
                    break;
                };
                let len = i32::try_from(change.len).unwrap_or(i32::MAX).max(1);
                let touched = self.doc.get_changed_containers_in(change.id, change.len);
                let seen = if self.local_edits.is_empty() {
                    VersionVector::default()
                } else {
                    self.doc.frontiers_to_vv(&change.deps).unwrap_or_default()
                };
                for (key, (last, containers)) in &self.local_edits {
                    if containers.iter().any(|c| touched.contains(c))
                        && !seen.includes_id(*last)
                        && let Some(what) = self::touched(key)
                    {
                        let c = Concurrent {
                            touched: what,
                            peer,
                        };
                        if !out.contains(&c) {
                            out.push(c);
                        }
                    }
                }
                self.dirty.extend(touched);
                counter = change.id.counter.saturating_add(len);
            }
        }
        out.sort_by_key(|c| (c.touched, c.peer));
        out
    }

    /// This device's changes not yet in a frame, as one update to append to its log,
    /// with the version to give `exported` once the frame is on disk; None when there
    /// are none. (A frame that failed to be written leaves them pending: the next
    /// update carries them.)
    pub fn pending_update(&self) -> Result<Option<(Vec<u8>, VersionVector)>, String> {
        let now = self.doc.oplog_vv();
        if now == self.exported {
            return Ok(None);
        }
        let bytes = self
            .doc
            .export(ExportMode::updates(&self.exported))
            .map_err(err)?;
        Ok(Some((bytes, now)))
    }

    /// Everything up to `version` is in a frame on disk.
    pub fn exported(&mut self, version: VersionVector) {
        self.exported.merge(&version);
    }

    /// Whether the document has ever held this statement (one deleted since included):
    /// a statement it never held was logged here but never reached the team folder.
    pub fn knows(&self, id: InterventionId) -> bool {
        self.doc
            .get_map("interventions")
            .get(&id.to_string())
            .is_some()
    }

    /// The whole document, for opening fast.
    pub fn snapshot(&self) -> Result<Vec<u8>, String> {
        self.doc.export(ExportMode::Snapshot).map_err(err)
    }

    /// The bands runs of the app have taken, by peer.
    fn claims(&self) -> Vec<(String, Band)> {
        let map = self.doc.get_map("bands");
        map.keys()
            .filter_map(|peer| match map.get(&peer) {
                Some(ValueOrContainer::Value(LoroValue::I64(b))) => {
                    Some((peer.to_string(), Band::try_from(b).ok()?))
                }
                _ => None,
            })
            .collect()
    }

    /// The bands other runs of the app have taken.
    pub fn bands(&self) -> HashSet<Band> {
        let me = format!("{:016x}", self.doc.peer_id());
        self.claims()
            .into_iter()
            .filter(|(peer, _)| *peer != me)
            .map(|(_, b)| b)
            .collect()
    }

    /// Another run took a band sharing ids with `band` while neither had seen the
    /// other's claim (a chance of one in 4,095 for the small ids).
    pub fn band_clash(&self, band: Band) -> bool {
        self.bands().iter().any(|b| b & 0xFFF == band & 0xFFF)
    }

    /// Takes a band for this run, recorded in the document: drawn from the peer id
    /// (random), so that two devices opening the folder at the same moment, neither
    /// seeing the other's claim yet, still take different bands (statements' ids carry
    /// 24 bits of it, the other records' 12); among those seen taken, a free one.
    pub fn claim_band(&mut self) -> Result<Band, String> {
        let taken = self.bands();
        let small = |b: Band| b & 0xFFF;
        let taken_small: HashSet<Band> = taken.iter().map(|&b| small(b)).collect();
        let drawn = u32::try_from((self.doc.peer_id() >> 8) & u64::from(MAX_BAND)).unwrap_or(1);
        let mut band = drawn;
        for step in 0..=0xFFF_u32 {
            let candidate = (drawn & !0xFFF) | small(drawn.wrapping_add(step));
            if small(candidate) != 0 && !taken_small.contains(&small(candidate)) {
                band = candidate;
                break;
            }
        }
        if small(band) == 0 {
            band |= 1;
        }
        self.doc
            .get_map("bands")
            .insert(&format!("{:016x}", self.doc.peer_id()), i64::from(band))
            .map_err(err)?;
        self.doc.commit();
        Ok(band)
    }

    /// Writes what changed in `session` since the last write or read. True when
    /// anything did.
    pub fn write(&mut self, session: &Session) -> Result<bool, String> {
        let before = self.doc.oplog_vv();
        let mut edited: Vec<(String, [ContainerID; 2])> = Vec::new();
        self.write_fields("session", &top_fields(session)?)?;
        self.write_fields("meeting", &object(&session.meeting)?)?;
        self.write_fields("report", &object(&session.report)?)?;
        for name in LISTS {
            self.write_list(name, &records(session, name)?)?;
        }
        self.write_interventions(session, &mut edited)?;
        self.write_layout(session, &mut edited)?;
        self.doc.commit();
        let after = self.doc.oplog_vv();
        let me = self.doc.peer_id();
        let changed = after != before;
        if changed && let Some(&end) = after.get(&me) {
            let last = ID::new(me, end.saturating_sub(1));
            for (key, containers) in edited {
                self.local_edits.insert(key, (last, containers));
            }
        }
        self.last = Some(session.clone());
        Ok(changed)
    }

    /// A map of fields, each a JSON value (the last writer wins field by field).
    fn write_fields(&self, root: &str, fields: &Map<String, Value>) -> Result<(), String> {
        let map = self.doc.get_map(root);
        for (key, value) in fields {
            let text = value.to_string();
            if string_at(&map, key).as_deref() != Some(text.as_str()) {
                map.insert(key, text).map_err(err)?;
            }
        }
        let gone: Vec<String> = map
            .keys()
            .map(|k| k.to_string())
            .filter(|k| !fields.contains_key(k))
            .collect();
        for key in gone {
            map.delete(&key).map_err(err)?;
        }
        Ok(())
    }

    /// A list of records: their order a movable list of keys, each record a JSON value
    /// under its key.
    fn write_list(&self, name: &str, records: &[(String, String)]) -> Result<(), String> {
        let map = self.doc.get_map(name);
        for (key, text) in records {
            if string_at(&map, key).as_deref() != Some(text.as_str()) {
                map.insert(key, text.as_str()).map_err(err)?;
            }
        }
        let order: Vec<String> = records.iter().map(|(k, _)| k.clone()).collect();
        sync_order(&self.doc.get_movable_list(format!("{name}/order")), &order)
    }

    fn write_interventions(
        &mut self,
        session: &Session,
        edited: &mut Vec<(String, [ContainerID; 2])>,
    ) -> Result<(), String> {
        let items = self.doc.get_map("interventions");
        let before: HashMap<InterventionId, &Shared<Intervention>> = match &self.last {
            Some(last) => last.interventions.iter().map(|i| (i.id, i)).collect(),
            None => HashMap::new(),
        };
        for i in session.interventions.iter() {
            if before
                .get(&i.id)
                .is_some_and(|b| Shared::same(b, i) || ***b == **i)
            {
                continue;
            }
            let key = i.id.to_string();
            let item = items.ensure_mergeable_map(&key).map_err(err)?;
            let mut meta = serde_json::to_value(&**i).map_err(err)?;
            if let Value::Object(fields) = &mut meta {
                fields.remove("text");
            }
            let changed_meta = set_string(&item, "meta", &meta.to_string())?;
            let text = item.ensure_mergeable_text("text").map_err(err)?;
            let changed_text = set_text(&text, &i.text)?;
            let ids = [item.id(), text.id()];
            if (changed_meta || changed_text) && before.contains_key(&i.id) {
                edited.push((key.clone(), ids.clone()));
            }
            self.containers.insert(key, ids);
        }
        // The usual change: statements logged after the others (the list is what the
        // document held at the last write or read, so they go at its end).
        let appended = self.last.as_ref().and_then(|last| {
            let old = last.interventions.len();
            (old <= session.interventions.len()
                && last
                    .interventions
                    .iter()
                    .zip(session.interventions.iter())
                    .all(|(a, b)| a.id == b.id))
            .then_some(old)
        });
        if let Some(old) = appended {
            let list = self.doc.get_movable_list("interventions/order");
            for i in session.interventions.iter().skip(old) {
                list.push(i.id.to_string()).map_err(err)?;
            }
        } else {
            let order: Vec<String> = session
                .interventions
                .iter()
                .map(|i| i.id.to_string())
                .collect();
            sync_order(&self.doc.get_movable_list("interventions/order"), &order)?;
        }
        Ok(())
    }

    /// The editor's layout: one movable list of all paragraphs (a paragraph's chapter is
    /// a field of it, so a move between chapters is one move, never a copy).
    fn write_layout(
        &self,
        session: &Session,
        edited: &mut Vec<(String, [ContainerID; 2])>,
    ) -> Result<(), String> {
        let layout = &*session.layout;
        if let Some(last) = &self.last
            && Shared::same(&last.layout, &session.layout)
        {
            return Ok(());
        }
        let before: HashSet<ParagraphId> = match &self.last {
            Some(last) => last.layout.paragraphs().map(|p| p.id).collect(),
            None => HashSet::new(),
        };
        let mut fields = Map::new();
        let chapters: Vec<ChapterKey> = layout.chapters.iter().map(|c| c.key).collect();
        fields.insert(
            "chapters".into(),
            serde_json::to_value(&chapters).map_err(err)?,
        );
        fields.insert(
            "excluded".into(),
            serde_json::to_value(&layout.excluded).map_err(err)?,
        );
        fields.insert(
            "deleted".into(),
            serde_json::to_value(&layout.deleted).map_err(err)?,
        );
        self.write_fields("layout", &fields)?;
        let items = self.doc.get_map("paragraphs");
        let mut order = Vec::new();
        for chapter in &layout.chapters {
            for p in &chapter.paragraphs {
                let key = p.id.to_string();
                let item = items.ensure_mergeable_map(&key).map_err(err)?;
                let mut meta = serde_json::to_value(&**p).map_err(err)?;
                if let Value::Object(fields) = &mut meta {
                    fields.remove("text");
                    fields.insert("has_text".into(), Value::Bool(p.text.is_some()));
                    fields.insert(
                        "chapter".into(),
                        serde_json::to_value(chapter.key).map_err(err)?,
                    );
                }
                let changed_meta = set_string(&item, "meta", &meta.to_string())?;
                let text = item.ensure_mergeable_text("text").map_err(err)?;
                let changed_text = set_text(&text, p.text.as_deref().unwrap_or(""))?;
                if (changed_meta || changed_text) && before.contains(&p.id) {
                    edited.push((format!("p{key}"), [item.id(), text.id()]));
                }
                order.push(key);
            }
        }
        let moved: Vec<String> = session.moved.0.iter().map(u32::to_string).collect();
        sync_order_moving(
            &self.doc.get_movable_list("paragraphs/order"),
            &order,
            &moved,
        )
    }

    /// The session the document holds. Runs of the app that saw the same updates read
    /// the same session.
    pub fn read(&mut self) -> Result<Session, String> {
        let mut top = fields_of(&self.doc.get_map("session"));
        top.insert(
            "meeting".into(),
            Value::Object(fields_of(&self.doc.get_map("meeting"))),
        );
        top.insert(
            "report".into(),
            Value::Object(fields_of(&self.doc.get_map("report"))),
        );
        for name in LISTS {
            let map = self.doc.get_map(name);
            let list: Vec<Value> = keys_of(&self.doc.get_movable_list(format!("{name}/order")))
                .iter()
                .filter_map(|k| string_at(&map, k))
                .filter_map(|t| serde_json::from_str(&t).ok())
                .collect();
            top.insert(name.into(), Value::Array(list));
        }
        top.insert("layout".into(), self.read_layout());
        let mut session: Session = serde_json::from_value(Value::Object(top)).map_err(err)?;
        session.interventions = Shared::new(self.read_interventions());
        self.dirty.clear();
        self.last = Some(session.clone());
        Ok(session)
    }

    /// The log in order: a statement no import touched since the last read is the one
    /// read then (shared, not parsed again); the others are read from the document. One
    /// that cannot be read is passed over here and stays in the document.
    fn read_interventions(&mut self) -> Vec<Shared<Intervention>> {
        let cached: HashMap<InterventionId, &Shared<Intervention>> = match &self.last {
            Some(last) => last.interventions.iter().map(|i| (i.id, i)).collect(),
            None => HashMap::new(),
        };
        let items = self.doc.get_map("interventions");
        let mut out = Vec::new();
        for key in keys_of(&self.doc.get_movable_list("interventions/order")) {
            let unchanged = self
                .containers
                .get(&key)
                .is_some_and(|ids| ids.iter().all(|c| !self.dirty.contains(c)));
            let id = key.parse::<InterventionId>().ok();
            if unchanged && let Some(i) = id.and_then(|id| cached.get(&id)) {
                out.push((*i).clone());
                continue;
            }
            let Some(ValueOrContainer::Container(Container::Map(item))) = items.get(&key) else {
                continue;
            };
            if let Some(ValueOrContainer::Container(Container::Text(text))) = item.get("text") {
                self.containers.insert(key.clone(), [item.id(), text.id()]);
            }
            if let Some(i) = item_value(&items, &key, "text")
                .and_then(|v| serde_json::from_value::<Intervention>(v).ok())
            {
                out.push(Shared::new(i));
            }
        }
        out
    }

    fn read_layout(&mut self) -> Value {
        let fields = fields_of(&self.doc.get_map("layout"));
        let mut chapters: Vec<ChapterKey> = fields
            .get("chapters")
            .cloned()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        let items = self.doc.get_map("paragraphs");
        let mut by_chapter: HashMap<ChapterKey, Vec<Value>> = HashMap::new();
        let mut present = HashSet::new();
        for key in keys_of(&self.doc.get_movable_list("paragraphs/order")) {
            let Some(Value::Object(mut p)) = item_value(&items, &key, "text") else {
                continue;
            };
            let Some(chapter) = p
                .remove("chapter")
                .and_then(|c| serde_json::from_value::<ChapterKey>(c).ok())
            else {
                continue;
            };
            if p.remove("has_text") != Some(Value::Bool(true)) {
                p.remove("text");
            }
            if !chapters.contains(&chapter) {
                // A paragraph moved into a chapter another editor had not yet made.
                chapters.push(chapter);
            }
            if let Some(id) = p.get("id").and_then(Value::as_u64) {
                present.insert(id);
            }
            by_chapter
                .entry(chapter)
                .or_default()
                .push(Value::Object(p));
        }
        let chapters: Vec<Value> = chapters
            .into_iter()
            .map(|key| {
                serde_json::json!({
                    "key": key,
                    "paragraphs": by_chapter.remove(&key).unwrap_or_default(),
                })
            })
            .collect();
        // A paragraph deleted on one device and moved on another at the same moment is
        // back (the move won): it is no longer among the deleted.
        let mut deleted = Vec::new();
        self.restored.clear();
        if let Some(Value::Array(list)) = fields.get("deleted") {
            for d in list {
                match d.pointer("/paragraph/id").and_then(Value::as_u64) {
                    Some(id) if present.contains(&id) => {
                        self.restored.extend(ParagraphId::try_from(id).ok());
                    }
                    _ => deleted.push(d.clone()),
                }
            }
        }
        serde_json::json!({
            "chapters": chapters,
            "excluded": fields.get("excluded").cloned().unwrap_or(Value::Array(Vec::new())),
            "deleted": deleted,
            "next_id": 0,
        })
    }
}

/// The session's own fields (not its lists, meeting or settings), as JSON.
fn top_fields(session: &Session) -> Result<Map<String, Value>, String> {
    let mut fields = session.extra.clone();
    fields.insert(
        "format_version".into(),
        Value::from(session.format_version.clone()),
    );
    fields.insert("name".into(), Value::from(session.name.clone()));
    fields.insert(
        "current_segment".into(),
        Value::from(session.current_segment),
    );
    fields.insert(
        "turn".into(),
        serde_json::to_value(&session.turn).map_err(err)?,
    );
    Ok(fields)
}

fn object<T: serde::Serialize>(value: &T) -> Result<Map<String, Value>, String> {
    match serde_json::to_value(value).map_err(err)? {
        Value::Object(m) => Ok(m),
        other => Err(err(format!("expected an object, got {other}"))),
    }
}

/// A plain list's records as (key, JSON text), in order.
fn records(session: &Session, name: &str) -> Result<Vec<(String, String)>, String> {
    fn keyed<T: serde::Serialize>(
        list: &[T],
        key: impl Fn(&T) -> String,
    ) -> Result<Vec<(String, String)>, String> {
        list.iter()
            .map(|r| Ok((key(r), serde_json::to_string(r).map_err(err)?)))
            .collect()
    }
    match name {
        "participants" => keyed(&session.participants, |p| p.id.to_string()),
        "delegations" => keyed(&session.delegations, |d| d.id.clone()),
        "groups" => keyed(&session.groups, |g| g.id.to_string()),
        "segments" => keyed(&session.segments, |s| s.id.to_string()),
        "inscriptions" => keyed(&session.inscriptions, |i| i.id.to_string()),
        _ => Ok(Vec::new()),
    }
}

fn string_at(map: &LoroMap, key: &str) -> Option<String> {
    match map.get(key)? {
        ValueOrContainer::Value(LoroValue::String(s)) => Some(s.to_string()),
        _ => None,
    }
}

/// Sets a string field; true when it changed.
fn set_string(map: &LoroMap, key: &str, text: &str) -> Result<bool, String> {
    if string_at(map, key).as_deref() == Some(text) {
        return Ok(false);
    }
    map.insert(key, text).map_err(err)?;
    Ok(true)
}

/// Brings a text to `wanted` by the smallest edit (so that concurrent edits merge by
/// character); true when it changed.
fn set_text(text: &LoroText, wanted: &str) -> Result<bool, String> {
    if text.to_string() == wanted {
        return Ok(false);
    }
    if text.update(wanted, UpdateOptions::default()).is_err() {
        // The diff gave up (a huge paste): replace the whole text.
        text.delete(0, text.len_unicode()).map_err(err)?;
        text.insert(0, wanted).map_err(err)?;
    }
    Ok(true)
}

/// A map of JSON-text fields, parsed (a field that is not JSON is passed over).
fn fields_of(map: &LoroMap) -> Map<String, Value> {
    let mut out = Map::new();
    for key in map.keys() {
        if let Some(value) = string_at(map, &key).and_then(|t| serde_json::from_str(&t).ok()) {
            out.insert(key.to_string(), value);
        }
    }
    out
}

/// A record kept as a map with a "meta" JSON object and a Loro text: the object with the
/// text under `text_field`.
fn item_value(items: &LoroMap, key: &str, text_field: &str) -> Option<Value> {
    let ValueOrContainer::Container(Container::Map(item)) = items.get(key)? else {
        return None;
    };
    let mut meta: Map<String, Value> =
        string_at(&item, "meta").and_then(|t| serde_json::from_str(&t).ok())?;
    let text = match item.get("text") {
        Some(ValueOrContainer::Container(Container::Text(t))) => t.to_string(),
        _ => String::new(),
    };
    meta.insert(text_field.into(), Value::String(text));
    Some(Value::Object(meta))
}

/// A movable list's keys, each once (the first place wins).
fn keys_of(list: &LoroMovableList) -> Vec<String> {
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

/// The indexes (into `sequence`) of a longest strictly increasing run of its values.
fn longest_increasing(sequence: &[Option<usize>]) -> HashSet<usize> {
    // Patience sorting: tails[k] is the index ending the best run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; sequence.len()];
    let value = |i: usize| sequence.get(i).copied().flatten().unwrap_or(0);
    for (i, v) in sequence.iter().enumerate() {
        let Some(v) = *v else { continue };
        let k = tails.partition_point(|&t| value(t) < v);
        if let Some(b) = before.get_mut(i) {
            *b = k.checked_sub(1).and_then(|p| tails.get(p).copied());
        }
        if k == tails.len() {
            tails.push(i);
        } else if let Some(t) = tails.get_mut(k) {
            *t = i;
        }
    }
    let mut out = HashSet::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        out.insert(i);
        at = before.get(i).copied().flatten();
    }
    out
}

/// The id of every paragraph and deleted paragraph.
pub fn paragraph_ids(session: &Session) -> impl Iterator<Item = u32> + Clone + '_ {
    session
        .layout
        .chapters
        .iter()
        .flat_map(|c| c.paragraphs.iter().map(|p| p.id))
        .chain(session.layout.deleted.iter().map(|d| d.paragraph.id))
}
