//! Reading a team session's document back into the plain session.

use std::collections::{HashMap, HashSet};

use loro::{Container, ContainerTrait, LoroMap, ValueOrContainer};
use serde_json::{Map, Value};

use super::{LISTS, TeamDoc, err, keys_of, string_at};
use crate::core::intervention::{Intervention, InterventionId};
use crate::core::layout::{ChapterKey, ParagraphId};
use crate::core::session::Session;
use crate::core::shared::Shared;

impl TeamDoc {
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

    /// A statement as the document holds it, in the log or not (a statement deleted
    /// from the log keeps its record).
    pub fn statement(&self, id: InterventionId) -> Option<Intervention> {
        let items = self.doc.get_map("interventions");
        item_value(&items, &id.to_string(), "text")
            .and_then(|v| serde_json::from_value::<Intervention>(v).ok())
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
