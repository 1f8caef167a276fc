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
//!   delegations, groups, segments, the list of speakers, the relays' markers) is a
//!   movable list of keys: concurrent moves end in one place, concurrent insertions are
//!   all kept;
//! - every other field is a value in a map (the last writer wins, field by field for
//!   the meeting and the report's settings, record by record elsewhere).
//!
//! Records are keyed by their ids, which a team session hands out per device
//! (`core::ids::Band`), so two devices never create one key at the same moment.

use std::collections::{HashMap, HashSet};

use loro::{
    ContainerID, ContainerTrait, ExportMode, ID, LoroDoc, LoroMap, LoroText, LoroValue,
    UpdateOptions, ValueOrContainer, VersionVector,
};
use serde_json::{Map, Value};

mod order;
mod read;
mod sets;

use order::keys_of;
pub use order::{sync_order, sync_order_moving};
pub use sets::Clash;
use sets::{LocalSets, Set};

use crate::core::ids::{Band, Id, MAX_BAND, SMALL_BANDS};
use crate::core::intervention::{Intervention, InterventionId};
use crate::core::layout::{ChapterKey, ParagraphId};
use crate::core::session::Session;
use crate::core::shared::Shared;

/// The plain lists kept record by record, by the field that names each record.
const LISTS: [&str; 6] = [
    "participants",
    "delegations",
    "groups",
    "segments",
    "inscriptions",
    "relays",
];

pub struct TeamDoc {
    doc: LoroDoc,
    /// The session the document held after the last `write` or `read`: what the next
    /// write is compared with (statements and paragraphs by pointer).
    last: Option<Session>,
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
    /// Fields and records this device set (see `sets`), and those the last import found
    /// set elsewhere at the same time.
    local_sets: LocalSets,
    clashes: Vec<Clash>,
    /// Statements this device changed that the last import may have taken out of the log
    /// without having seen the change (deleted on another device at the same time), with
    /// that device's peer.
    edited_and_dropped: Vec<(InterventionId, u64)>,
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

/// The peer of a share's first changes (see `TeamDoc::origin`); runs of the app draw
/// theirs at random from the other 2^64 - 1.
const ORIGIN_PEER: u64 = 1;

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
            local_edits: HashMap::new(),
            containers: HashMap::new(),
            dirty: HashSet::new(),
            restored: Vec::new(),
            local_sets: LocalSets::default(),
            clashes: Vec::new(),
            edited_and_dropped: Vec::new(),
        })
    }

    pub fn peer(&self) -> u64 {
        self.doc.peer_id()
    }

    /// Paragraphs the last read brought back (see `restored`).
    pub fn restored(&self) -> &[ParagraphId] {
        &self.restored
    }

    /// Fields and records the last import found set here and elsewhere at once.
    pub fn clashes(&self) -> &[Clash] {
        &self.clashes
    }

    /// Statements changed here that a change imported last may have deleted without
    /// having seen that (see `edited_and_dropped`); whether it did, the log says.
    pub fn edited_and_dropped(&self) -> &[(InterventionId, u64)] {
        &self.edited_and_dropped
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
        let concurrent = self.scan_imported(&before, &after);
        status.map(|_| concurrent).map_err(err)
    }

    /// Notes the containers imported changes touched (for `read`), and returns the
    /// statements of `local_edits` they touched without having seen this device's last
    /// edit of them.
    fn scan_imported(&mut self, before: &VersionVector, after: &VersionVector) -> Vec<Concurrent> {
        let mut out = Vec::new();
        let mut keys = Vec::new();
        let mut dropped = Vec::new();
        let log_order = self.doc.get_movable_list("interventions/order").id();
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
                let seen = if self.local_edits.is_empty() && self.local_sets.is_empty() {
                    VersionVector::default()
                } else {
                    self.doc.frontiers_to_vv(&change.deps).unwrap_or_default()
                };
                self.local_sets
                    .clashes_in(&self.doc, (change.id, len), &seen, &touched, &mut keys);
                for (key, (last, containers)) in &self.local_edits {
                    // The log's order changed without this device's last change of a
                    // statement still in its log: perhaps that statement deleted there.
                    if touched.contains(&log_order)
                        && !seen.includes_id(*last)
                        && let Some(Touched::Statement(id)) = self::touched(key)
                        && self
                            .last
                            .as_ref()
                            .is_some_and(|l| l.intervention(id).is_some())
                        && !dropped.contains(&(id, peer))
                    {
                        dropped.push((id, peer));
                    }
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
        self.edited_and_dropped = dropped;
        self.clashes = keys
            .into_iter()
            .map(|(map, key, peer)| {
                let mine_kept = self.doc.get_map(map.as_str()).get_last_editor(&key) == Some(me);
                Clash {
                    map,
                    key,
                    peer,
                    mine_kept,
                }
            })
            .collect();
        out
    }

    /// The document's version: every change it holds (none that waits).
    pub fn version(&self) -> VersionVector {
        self.doc.oplog_vv()
    }

    /// Whether this device changed the document after `version`.
    pub fn changed_here_since(&self, version: &VersionVector) -> bool {
        let me = self.doc.peer_id();
        self.doc.oplog_vv().get(&me).copied().unwrap_or(0) > version.get(&me).copied().unwrap_or(0)
    }

    /// Every change the document holds past `base` (this device's and those merged from
    /// others), as one update, with the version it reaches.
    pub fn update_since(&self, base: &VersionVector) -> Result<(Vec<u8>, VersionVector), String> {
        let now = self.doc.oplog_vv();
        let bytes = self.doc.export(ExportMode::updates(base)).map_err(err)?;
        Ok((bytes, now))
    }

    /// Whether changes were imported that wait for earlier ones not yet imported.
    pub fn has_pending(&self) -> bool {
        matches!(self.doc.export_pending_updates(), Ok(Some(_)))
    }

    /// A document holding `session` as its first changes, made the same way on every
    /// machine (one fixed peer, no timestamps): two shares of one session hold the very
    /// same changes, which merge as one. Returns it, written to as `peer` from now on,
    /// and the hash of those changes (the team's origin).
    pub fn origin(session: &Session, peer: u64) -> Result<(TeamDoc, u64), String> {
        let mut doc = TeamDoc::new(ORIGIN_PEER)?;
        doc.write(session)?;
        let first = doc.doc.export(ExportMode::all_updates()).map_err(err)?;
        let origin = super::frame::stable_hash(&first).max(1);
        doc.doc.set_peer_id(peer).map_err(err)?;
        doc.local_edits.clear();
        doc.local_sets = LocalSets::default();
        Ok((doc, origin))
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
        self.bands()
            .iter()
            .any(|&b| u32::band_part(b) == u32::band_part(band))
    }

    /// Takes a band for this run, recorded in the document: drawn from the peer id
    /// (random), so that two devices opening the folder at the same moment, neither
    /// seeing the other's claim yet, still take different bands (statements' ids carry
    /// 24 bits of it, the other records' 12); among those seen taken, a free one.
    pub fn claim_band(&mut self) -> Result<Band, String> {
        let taken = self.bands();
        let small = u32::band_part;
        let taken_small: HashSet<Band> = taken.iter().map(|&b| small(b)).collect();
        let drawn = u32::try_from((self.doc.peer_id() >> 8) & u64::from(MAX_BAND)).unwrap_or(1);
        let mut band = drawn;
        for step in 0..=SMALL_BANDS {
            let candidate = (drawn & !SMALL_BANDS) | small(drawn.wrapping_add(step));
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

    /// The next `write` takes what changed since `base` rather than since the last
    /// write or read (see `TeamSession::rebase`).
    pub fn rebase(&mut self, base: &Session) {
        self.last = Some(base.clone());
    }

    /// Writes what changed in `session` since the last write or read. True when
    /// anything did.
    pub fn write(&mut self, session: &Session) -> Result<bool, String> {
        let before = self.doc.oplog_vv();
        let mut edited: Vec<(String, [ContainerID; 2])> = Vec::new();
        // What equals the last session written or read is in the document already: not
        // serialized again (a write comes with every statement and every tick).
        let last = self.last.as_ref();
        let mut set = Vec::new();
        if last.is_none_or(|l| !same_top(l, session)) {
            set.extend(self.write_fields("session", &top_fields(session)?)?);
        }
        if last.is_none_or(|l| l.meeting != session.meeting) {
            set.extend(self.write_fields("meeting", &object(&session.meeting)?)?);
        }
        if last.is_none_or(|l| l.report != session.report) {
            set.extend(self.write_fields("report", &object(&session.report)?)?);
        }
        for name in LISTS {
            if last.is_none_or(|l| !same_list(l, session, name)) {
                set.extend(self.write_list(name, &records(session, name)?)?);
            }
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
            // A first write (sharing, opening) sets everything: no one's edit.
            if self.last.is_some() {
                self.local_sets.record(set, last);
            }
        }
        self.last = Some(session.clone());
        Ok(changed)
    }

    /// A map of fields, each a JSON value (the last writer wins field by field).
    /// Returns the keys set or deleted.
    fn write_fields(&self, root: &str, fields: &Map<String, Value>) -> Result<Vec<Set>, String> {
        let map = self.doc.get_map(root);
        let mut set = Vec::new();
        for (key, value) in fields {
            let text = value.to_string();
            if string_at(&map, key).as_deref() != Some(text.as_str()) {
                map.insert(key, text.as_str()).map_err(err)?;
                set.push((root.to_string(), key.clone(), Some(text)));
            }
        }
        let gone: Vec<String> = map
            .keys()
            .map(|k| k.to_string())
            .filter(|k| !fields.contains_key(k))
            .collect();
        for key in gone {
            map.delete(&key).map_err(err)?;
            set.push((root.to_string(), key, None));
        }
        Ok(set)
    }

    /// A list of records: their order a movable list of keys, each record a JSON value
    /// under its key.
    /// Returns the records set.
    fn write_list(&self, name: &str, records: &[(String, String)]) -> Result<Vec<Set>, String> {
        let map = self.doc.get_map(name);
        let mut set = Vec::new();
        for (key, text) in records {
            if string_at(&map, key).as_deref() != Some(text.as_str()) {
                map.insert(key, text.as_str()).map_err(err)?;
                set.push((name.to_string(), key.clone(), Some(text.clone())));
            }
        }
        let order: Vec<String> = records.iter().map(|(k, _)| k.clone()).collect();
        sync_order(&self.doc.get_movable_list(format!("{name}/order")), &order)?;
        Ok(set)
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

/// Whether two sessions' own fields (`top_fields`) are the same.
fn same_top(a: &Session, b: &Session) -> bool {
    a.format_version == b.format_version
        && a.name == b.name
        && a.current_segment == b.current_segment
        && a.turn == b.turn
        && a.extra == b.extra
}

/// Whether two sessions hold the same plain list `name`.
fn same_list(a: &Session, b: &Session, name: &str) -> bool {
    match name {
        "participants" => a.participants == b.participants,
        "delegations" => a.delegations == b.delegations,
        "groups" => a.groups == b.groups,
        "segments" => a.segments == b.segments,
        "inscriptions" => a.inscriptions == b.inscriptions,
        "relays" => a.relays == b.relays,
        _ => false,
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
        "relays" => keyed(&session.relays, |m| m.key()),
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

/// The id of every paragraph and deleted paragraph.
pub fn paragraph_ids(session: &Session) -> impl Iterator<Item = u32> + Clone + '_ {
    session
        .layout
        .chapters
        .iter()
        .flat_map(|c| c.paragraphs.iter().map(|p| p.id))
        .chain(session.layout.deleted.iter().map(|d| d.paragraph.id))
}
