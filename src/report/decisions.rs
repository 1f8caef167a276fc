//! The steps of the proceedings as the minutes print them inside their agenda item:
//! decisions numbered with the meeting's label and each entity's position under them
//! (the model minutes, item 4), next steps with their owner and deadline, suspensions and changes
//! of the presiding officer.

use std::collections::HashMap;

use chrono::TimeZone;

use crate::core::intervention::{Intervention, InterventionId, Speaker};
use crate::core::meeting::Meeting;
use crate::core::proceedings::{self, EntryKind};
use crate::core::session::Session;
use crate::core::text::capitalize_first;

use super::model::{Block, Inline};
use super::times::un_time;
use super::words::end_sentence;

/// One entity's position on a decision, as the minutes print it.
#[derive(Debug, Clone)]
struct Stance {
    entity: String,
    text: String,
    source: InterventionId,
}

/// What the minutes know of the steps before printing any: each decision's number, the
/// positions taken on it, and the slips to warn of.
pub(super) struct Steps {
    /// Decision entry -> its number, 1..N in speaking order.
    pub numbers: HashMap<InterventionId, u32>,
    stances: HashMap<u32, Vec<Stance>>,
    pub warnings: Vec<String>,
}

/// How positions and owners name an entity: its acronym or short name ("OSAPG"), a
/// person by name.
pub fn entity_name(session: &Session, speaker: &Speaker) -> String {
    if let Speaker::Participant(id) = speaker
        && let Some(p) = session.participant(*id)
        && p.delegation.is_none()
    {
        return capitalize_first(&p.display_name());
    }
    match session.speaker_delegation(speaker) {
        Some(d) => d
            .acronym
            .clone()
            .unwrap_or_else(|| capitalize_first(&d.running_name())),
        None => session.speaker_label(speaker),
    }
}

/// A statement's note less its positions on decisions that exist; a position on a number
/// no decision has stays in the note, where the editor sees it.
pub(super) fn positions_of(
    i: &Intervention,
    label: &str,
    numbers: &HashMap<InterventionId, u32>,
) -> (String, Vec<proceedings::Position>) {
    let (note, found) = proceedings::positions(i.text.trim(), label);
    if found
        .iter()
        .all(|p| numbers.values().any(|n| *n == p.decision))
    {
        (note, found)
    } else {
        (i.text.trim().to_string(), Vec::new())
    }
}

impl Steps {
    pub(super) fn of(session: &Session, printed: &[&Intervention], label: &str) -> Steps {
        let mut numbers = HashMap::new();
        for i in printed.iter().filter(|i| i.kind == EntryKind::Decision) {
            let next = u32::try_from(numbers.len())
                .unwrap_or(u32::MAX)
                .saturating_add(1);
            numbers.insert(i.id, next);
        }
        let mut stances: HashMap<u32, Vec<Stance>> = HashMap::new();
        let mut warnings = Vec::new();
        for i in printed.iter().filter(|i| i.is_statement()) {
            // A statement gives its positions to the decisions only when every number it
            // names is one of them; otherwise it prints whole, and the editor is told.
            let (_, found) = positions_of(i, label, &numbers);
            let (_, asked) = proceedings::positions(i.text.trim(), label);
            for position in asked
                .iter()
                .filter(|p| !numbers.values().any(|n| *n == p.decision))
            {
                warnings.push(format!(
                    "The statement of {} takes a position on {label} {}, which the minutes do not have; the statement prints as written.",
                    session.speaker_label(&i.speaker),
                    position.decision
                ));
            }
            for position in found {
                stances.entry(position.decision).or_default().push(Stance {
                    entity: entity_name(session, &i.speaker),
                    text: position.text,
                    source: i.id,
                });
            }
        }
        for i in printed.iter().filter(|i| i.kind == EntryKind::NextStep) {
            if proceedings::deadline(&i.text).is_none() {
                warnings.push(format!(
                    "The next step \"{}\" has no deadline (write it in the text: \"by 21 December 2021\").",
                    i.text.trim()
                ));
            }
        }
        Steps {
            numbers,
            stances,
            warnings,
        }
    }

    /// The bullets of one step of the proceedings.
    pub(super) fn print(
        &self,
        session: &Session,
        i: &Intervention,
        label: &str,
        blocks: &mut Vec<Block>,
    ) {
        let text = i.text.trim();
        let content = match i.kind {
            EntryKind::Statement => return,
            EntryKind::Decision => {
                let n = self.numbers.get(&i.id).copied().unwrap_or_default();
                vec![
                    Inline::Italic(format!("{label} {n}:")),
                    Inline::Text(format!(" {}", end_sentence(&capitalize_first(text)))),
                ]
            }
            EntryKind::NextStep => {
                // The deadline is in the text ("by 21 December 2021"); the owner follows.
                let said = end_sentence(&capitalize_first(text));
                let said = said.strip_suffix('.').unwrap_or(&said);
                vec![
                    Inline::Italic("Next step:".into()),
                    Inline::Text(format!(" {said} (owner: ")),
                    Inline::Bold(entity_name(session, &i.speaker)),
                    Inline::Text(").".into()),
                ]
            }
            EntryKind::Suspension => {
                vec![Inline::Italic(with_note(
                    suspension(&session.meeting, i),
                    text,
                ))]
            }
            EntryKind::ChairTaken => vec![Inline::Italic(with_note(
                format!("{} took the Chair.", entity_or_person(session, &i.speaker)),
                text,
            ))],
        };
        blocks.push(Block::Bullet {
            level: 0,
            content: content.into(),
            sources: [i.id].into(),
        });
        if i.kind != EntryKind::Decision {
            return;
        }
        let n = self.numbers.get(&i.id).copied().unwrap_or_default();
        for stance in self.stances.get(&n).map(Vec::as_slice).unwrap_or_default() {
            blocks.push(Block::Bullet {
                level: 1,
                content: vec![
                    Inline::Bold(format!("{}:", stance.entity)),
                    Inline::Text(format!(" {}", end_sentence(&stance.text))),
                ]
                .into(),
                sources: [stance.source].into(),
            });
        }
    }
}

/// A person by name (the minutes' way), a delegation by its running name.
fn entity_or_person(session: &Session, speaker: &Speaker) -> String {
    match speaker {
        Speaker::Participant(id) => session
            .participant(*id)
            .map(|p| capitalize_first(&p.display_name()))
            .unwrap_or_else(|| "A participant".into()),
        Speaker::Delegation(_) => capitalize_first(&entity_name(session, speaker)),
    }
}

/// "The meeting was suspended at 11.15 a.m. and resumed at 11.30 a.m." (UN times in the
/// meeting's zone); only "suspended at" while it has not resumed.
pub fn suspension(m: &Meeting, i: &Intervention) -> String {
    let at = |t: chrono::DateTime<chrono::Utc>| {
        un_time(m.zone().from_utc_datetime(&t.naive_utc()).time())
    };
    let mut s = format!("The meeting was suspended at {}", at(i.started_at));
    if i.ended_at > i.started_at {
        s.push_str(&format!(" and resumed at {}", at(i.ended_at)));
    }
    stop(s)
}

/// A narrative line and the note logged with it, if any ("The meeting was suspended at
/// 11.15 a.m. Informal consultations were held."): nothing typed is left out.
pub fn with_note(sentence: String, note: &str) -> String {
    let note = note.trim();
    if note.is_empty() {
        sentence
    } else {
        format!("{sentence} {}", end_sentence(&capitalize_first(note)))
    }
}

/// A sentence closed by its full stop, which a time ending in "a.m." already gives.
pub fn stop(mut sentence: String) -> String {
    if !sentence.ends_with('.') {
        sentence.push('.');
    }
    sentence
}
