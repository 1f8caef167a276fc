//! The check every session goes through after it is read: whatever a file holds (written
//! by an older version, edited by hand, damaged in transit), the session the app works
//! on has unique ids, references that lead somewhere and clean text. What is repaired is
//! said, by name and place, and nothing is dropped: a statement whose speaker is missing
//! keeps its words under a visible placeholder the editor can correct.

use std::collections::{HashMap, HashSet};

use super::delegation::{Delegation, DelegationKind, find_builtin_id, fresh_key};
use super::ids::Allocator;
use super::intervention::{InterventionId, Speaker};
use super::layout::ParagraphId;
use super::meeting::{ReportKind, Segment, SegmentKind};
use super::participant::{Participant, ParticipantId};
use super::session::{Group, Session};
use super::text::{clean, clean_line, is_clean};
use super::timezone;

/// Brings `session` in line with the rules above. Returns one line per repair or problem
/// left for the person to decide (an unknown time zone), empty when all was well.
pub fn repair(session: &mut Session) -> Vec<String> {
    let mut notes = Vec::new();
    clean_texts(session, &mut notes);
    unique_delegations(session, &mut notes);
    unique_ids(session, &mut notes);
    segments(session, &mut notes);
    references(session, &mut notes);
    layout(session, &mut notes);
    for (field, zone) in [
        ("time zone", Some(&session.meeting.time_zone)),
        (
            "second time zone",
            session.meeting.second_time_zone.as_ref(),
        ),
    ] {
        if let Some(zone) = zone
            && let Err(e) = timezone::check(zone)
        {
            notes.push(format!(
                "meeting {field}: {e}; times are shown in UTC until it is corrected on the Meeting screen"
            ));
        }
    }
    notes
}

fn clean_field(text: &mut String, line: bool) -> bool {
    if is_clean(text) && (!line || !text.contains(['\n', '\t'])) {
        return false;
    }
    let cleaned = if line { clean_line(text) } else { clean(text) };
    let changed = cleaned != *text;
    *text = cleaned;
    changed
}

fn clean_texts(s: &mut Session, notes: &mut Vec<String>) {
    let mut n = 0;
    let mut line = |t: &mut String| n += usize::from(clean_field(t, true));
    line(&mut s.name);
    let m = &mut s.meeting;
    for t in [
        &mut m.title,
        &mut m.body,
        &mut m.session,
        &mut m.mandate,
        &mut m.time_zone,
        &mut m.venue,
        &mut m.symbol,
        &mut m.job_number,
        &mut m.agenda_item_number,
        &mut m.agenda_item_title,
    ] {
        line(t);
    }
    for p in &mut s.participants {
        for t in [
            &mut p.given_names,
            &mut p.family_name,
            &mut p.title,
            &mut p.short_title,
        ] {
            line(t);
        }
    }
    for d in &mut s.delegations {
        line(&mut d.name);
        d.aliases.iter_mut().for_each(&mut line);
    }
    for g in &mut s.groups {
        line(&mut g.name);
        line(&mut g.members);
    }
    for seg in &mut s.segments {
        line(&mut seg.title);
    }
    let mut block = |t: &mut String| n += usize::from(clean_field(t, false));
    for i in s.interventions.iter_mut() {
        block(&mut i.text);
        i.footnotes.iter_mut().for_each(&mut block);
    }
    let r = &mut s.report;
    for t in [
        &mut r.subtitle,
        &mut r.summary,
        &mut r.purpose,
        &mut r.decisions,
        &mut r.decision_label,
        &mut r.conclusions,
    ] {
        block(t);
    }
    for p in s
        .layout
        .chapters
        .iter_mut()
        .flat_map(|c| c.paragraphs.iter_mut())
    {
        if let Some(t) = &mut p.text {
            block(t);
        }
        p.footnotes.iter_mut().for_each(&mut block);
    }
    if n > 0 {
        notes.push(format!(
            "removed control characters (which no document can hold) from {n} {}",
            if n == 1 { "text" } else { "texts" }
        ));
    }
}

/// Delegation ids are keys: a second delegation with the same key would be merged with
/// the first by every look-up, so it gets a key of its own.
fn unique_delegations(s: &mut Session, notes: &mut Vec<String>) {
    let mut seen: HashSet<String> = HashSet::new();
    for (index, d) in s.delegations.iter_mut().enumerate() {
        if d.name.is_empty() {
            d.name = format!("[unnamed delegation {}]", index + 1);
            notes.push(format!(
                "delegation {} ({:?}) had no name; it is shown as {:?}",
                index + 1,
                d.id,
                d.name
            ));
        }
        if d.id.is_empty() || !seen.insert(d.id.clone()) {
            let base = if d.id.is_empty() {
                super::text::slug(&d.name)
            } else {
                d.id.clone()
            };
            let fresh = fresh_key(&base, |id| seen.contains(id));
            notes.push(format!(
                "delegation {} ({}) had the key {:?} of another one; it now has {fresh:?}",
                index + 1,
                d.name,
                d.id
            ));
            d.id = fresh.clone();
            seen.insert(fresh);
        }
    }
}

/// A second record with the id of an earlier one gets a fresh id; references keep
/// pointing to the first (they were written for it).
fn renumber<T, I: super::ids::Id + std::fmt::Display>(
    items: &mut [T],
    id: impl Fn(&mut T) -> &mut I,
    what: &str,
    describe: impl Fn(&T) -> String,
    notes: &mut Vec<String>,
) {
    let mut ids = Allocator::new(
        items
            .iter_mut()
            .map(|t| *id(t))
            .collect::<Vec<_>>()
            .into_iter(),
    );
    let mut seen = HashSet::new();
    for (index, item) in items.iter_mut().enumerate() {
        let old = *id(item);
        if !seen.insert(old) {
            let fresh = ids.take();
            seen.insert(fresh);
            *id(item) = fresh;
            notes.push(format!(
                "{what} {} ({}) had the id {old} of an earlier one; it now has the id {fresh}",
                index + 1,
                describe(item)
            ));
        }
    }
}

fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    format!("{out:?}")
}

fn unique_ids(s: &mut Session, notes: &mut Vec<String>) {
    renumber(
        &mut s.participants,
        |p| &mut p.id,
        "participant",
        |p: &Participant| p.display_name(),
        notes,
    );
    renumber(
        &mut s.groups,
        |g| &mut g.id,
        "group",
        |g: &Group| g.name.clone(),
        notes,
    );
    renumber(
        &mut s.segments,
        |g| &mut g.id,
        "segment",
        |g: &Segment| g.title.clone(),
        notes,
    );
    renumber(
        &mut s.inscriptions,
        |i| &mut i.id,
        "inscription on the list of speakers",
        |_| "its speaker is kept".into(),
        notes,
    );
    renumber(
        &mut s.interventions,
        |i| &mut i.id,
        "statement",
        |i| excerpt(&i.text),
        notes,
    );
}

fn segments(s: &mut Session, notes: &mut Vec<String>) {
    if s.segments.is_empty() {
        s.segments = match s.meeting.report_kind {
            ReportKind::PanelSummary => Segment::panel_defaults(),
            ReportKind::Minutes | ReportKind::SummaryRecord => vec![Segment {
                id: 1,
                title: "Opening and introduction".into(),
                kind: SegmentKind::AgendaItem,
                presenters: Vec::new(),
            }],
        };
        if s.interventions.is_empty() {
            // A new file with no parts yet: nothing to tell.
        } else {
            notes.push("the session had no segments; the usual ones were added".into());
        }
    }
    for seg in &mut s.segments {
        if seg.title.is_empty() {
            seg.title = format!("[Segment {}]", seg.id);
        }
    }
    if s.segment(s.current_segment).is_none()
        && let Some(first) = s.segments.first()
    {
        s.current_segment = first.id;
    }
}

/// Placeholders for what a record refers to but the session lacks.
struct Placeholders {
    participants: HashSet<ParticipantId>,
    delegations: HashSet<String>,
    groups: HashSet<u32>,
    segments: HashSet<u32>,
}

impl Placeholders {
    fn of(s: &Session) -> Self {
        Placeholders {
            participants: s.participants.iter().map(|p| p.id).collect(),
            delegations: s.delegations.iter().map(|d| d.id.clone()).collect(),
            groups: s.groups.iter().map(|g| g.id).collect(),
            segments: s.segments.iter().map(|g| g.id).collect(),
        }
    }

    /// Makes sure the delegation `id` exists: from the catalogue if it is a UN name,
    /// else as a visible placeholder. Returns a note when one was made.
    fn delegation(&mut self, s: &mut Session, id: &str, place: &str) -> Option<String> {
        if self.delegations.contains(id) {
            return None;
        }
        self.delegations.insert(id.to_string());
        match find_builtin_id(id) {
            Some(d) => {
                s.delegations.push(d.clone());
                Some(format!(
                    "{place} names the delegation {id:?}, missing from the session; it was taken from the UN list ({})",
                    d.name
                ))
            }
            None => {
                let mut d = Delegation::new(
                    DelegationKind::Other,
                    &format!("[unknown delegation {id}]"),
                    false,
                );
                d.id = id.to_string();
                s.delegations.push(d);
                Some(format!(
                    "{place} names the delegation {id:?}, which is not in the session; it is shown as \"[unknown delegation {id}]\" until corrected"
                ))
            }
        }
    }

    fn speaker(&mut self, s: &mut Session, speaker: &Speaker, place: &str) -> Option<String> {
        match speaker {
            Speaker::Delegation(id) => self.delegation(s, id, place),
            Speaker::Participant(id) => {
                if !self.participants.insert(*id) {
                    return None;
                }
                let name = format!("[unknown speaker {id}]");
                s.participants.push(Participant {
                    id: *id,
                    family_name: name.clone(),
                    ..Participant::default()
                });
                Some(format!(
                    "{place} names participant {id}, who is not in the session; the statement is kept and its speaker shown as {name:?} until corrected"
                ))
            }
        }
    }

    fn group(&mut self, s: &mut Session, id: u32, place: &str) -> Option<String> {
        if !self.groups.insert(id) {
            return None;
        }
        let name = format!("[unknown group {id}]");
        s.groups.push(Group {
            id,
            name: name.clone(),
            members: String::new(),
        });
        Some(format!(
            "{place} speaks on behalf of group {id}, which is not in the session; it is shown as {name:?} until corrected"
        ))
    }

    fn segment(&mut self, s: &mut Session, id: u32, place: &str) -> Option<String> {
        if !self.segments.insert(id) {
            return None;
        }
        let title = format!("[Segment {id}]");
        s.segments.push(Segment {
            id,
            title: title.clone(),
            kind: SegmentKind::Custom,
            presenters: Vec::new(),
        });
        Some(format!(
            "{place} belongs to segment {id}, which is not in the session; a segment {title:?} was added"
        ))
    }
}

fn references(s: &mut Session, notes: &mut Vec<String>) {
    let mut have = Placeholders::of(s);
    let mut found = Vec::new();
    for index in 0..s.interventions.len() {
        let Some(i) = s.interventions.get_mut(index) else {
            break;
        };
        if i.ended_at < i.started_at {
            i.ended_at = i.started_at;
        }
        let (speaker, group, segment) = (i.speaker.clone(), i.on_behalf_of, i.segment);
        let place = format!("statement {} ({})", i.id, excerpt(&i.text));
        found.extend(have.speaker(s, &speaker, &place));
        if let Some(g) = group {
            found.extend(have.group(s, g, &place));
        }
        found.extend(have.segment(s, segment, &place));
    }
    for index in 0..s.inscriptions.len() {
        let Some(i) = s.inscriptions.get(index) else {
            break;
        };
        let (speaker, group) = (i.speaker.clone(), i.on_behalf_of);
        let place = format!("inscription {} on the list of speakers", i.id);
        found.extend(have.speaker(s, &speaker, &place));
        if let Some(g) = group {
            found.extend(have.group(s, g, &place));
        }
    }
    for index in 0..s.participants.len() {
        let Some(p) = s.participants.get(index) else {
            break;
        };
        if let Some(d) = p.delegation.clone() {
            let place = format!("participant {} ({})", p.id, p.display_name());
            found.extend(have.delegation(s, &d, &place));
        }
    }
    if let Some(chair) = s.meeting.chair
        && s.participant(chair).is_none()
    {
        s.meeting.chair = None;
        found.push(format!(
            "the meeting's chair was participant {chair}, who is not in the session; choose the chair again on the Meeting screen"
        ));
    }
    notes.extend(found);
}

/// A statement is printed from its notes at most once; paragraph ids are unique.
/// A layout listing one statement thousands of times (a damaged or hostile file) would
/// otherwise print it thousands of times.
fn layout(s: &mut Session, notes: &mut Vec<String>) {
    let layout = &mut s.layout;
    // Chapters with the same key: one chapter.
    let mut first_of: HashMap<super::layout::ChapterKey, usize> = HashMap::new();
    let mut merged = 0;
    let mut chapters: Vec<super::layout::Chapter> = Vec::new();
    for chapter in std::mem::take(&mut layout.chapters) {
        match first_of
            .get(&chapter.key)
            .and_then(|i| chapters.get_mut(*i))
        {
            Some(existing) => {
                existing.paragraphs.extend(chapter.paragraphs);
                merged += 1;
            }
            None => {
                first_of.insert(chapter.key, chapters.len());
                chapters.push(chapter);
            }
        }
    }
    layout.chapters = chapters;
    if merged > 0 {
        notes.push(format!(
            "the report's layout had {merged} repeated {}; their paragraphs were joined",
            if merged == 1 { "chapter" } else { "chapters" }
        ));
    }

    let mut placed: HashSet<InterventionId> = HashSet::new();
    let mut repeated = 0usize;
    let mut ids: Allocator<ParagraphId> = Allocator::new(
        layout
            .paragraphs()
            .map(|p| p.id)
            .collect::<Vec<_>>()
            .into_iter(),
    );
    let mut seen_ids: HashSet<ParagraphId> = HashSet::new();
    let mut renumbered = 0usize;
    let mut generated_seen = HashSet::new();
    let mut generated_repeated = 0usize;
    for chapter in &mut layout.chapters {
        chapter.paragraphs.retain_mut(|p| {
            if let Some(g) = p.generated
                && !generated_seen.insert(g)
            {
                generated_repeated += 1;
                // The editor's own words are kept, as a free paragraph.
                if p.text.is_none() {
                    return false;
                }
                p.generated = None;
            }
            // Within a paragraph a statement counts once. Across paragraphs, one written
            // from the notes prints them, so a statement feeds only one such paragraph;
            // a rewritten one (the halves of a split) may share its sources.
            let before = p.sources.len();
            let mut own = HashSet::new();
            let automatic = p.text.is_none();
            p.sources
                .retain(|id| own.insert(*id) && (!automatic || placed.insert(*id)));
            repeated += before - p.sources.len();
            if !seen_ids.insert(p.id) {
                p.id = ids.take();
                seen_ids.insert(p.id);
                renumbered += 1;
            }
            // A statement paragraph left with no statement and no text of its own has
            // nothing to print.
            !(before > 0 && p.sources.is_empty() && p.text.is_none() && p.generated.is_none())
        });
    }
    for d in &mut layout.deleted {
        let before = d.paragraph.sources.len();
        let mut own = HashSet::new();
        d.paragraph.sources.retain(|id| own.insert(*id));
        repeated += before - d.paragraph.sources.len();
    }
    let before = layout.excluded.len();
    let mut excluded = HashSet::new();
    layout.excluded.retain(|id| excluded.insert(*id));
    repeated += before - layout.excluded.len();
    if let Some(max) = seen_ids.iter().copied().max()
        && layout.next_id <= max
    {
        layout.next_id = max.saturating_add(1);
    }
    if repeated > 0 {
        notes.push(format!(
            "the report's layout listed statements more than once ({repeated} repeated {}); each is printed once",
            if repeated == 1 { "entry" } else { "entries" }
        ));
    }
    if renumbered > 0 {
        notes.push(format!(
            "{renumbered} paragraphs of the report's layout shared an id; they were given new ones"
        ));
    }
    if generated_repeated > 0 {
        notes.push(format!(
            "{generated_repeated} generated paragraphs appeared twice in the report's layout; each is printed once"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;

    #[test]
    fn a_sound_session_needs_no_repair() {
        let mut s = demo_session();
        let before = s.clone();
        assert_eq!(repair(&mut s), Vec::<String>::new());
        assert_eq!(s, before);
    }

    #[test]
    fn duplicate_statement_ids_keep_both_statements() {
        let mut s = demo_session();
        let first = s.interventions[0].clone();
        s.interventions[1].id = first.id;
        let second_text = s.interventions[1].text.clone();
        let notes = repair(&mut s);
        assert!(notes[0].contains("had the id"), "{notes:?}");
        let ids: HashSet<_> = s.interventions.iter().map(|i| i.id).collect();
        assert_eq!(ids.len(), s.interventions.len());
        assert_eq!(s.intervention(first.id).unwrap().text, first.text);
        assert!(s.interventions.iter().any(|i| i.text == second_text));
    }

    #[test]
    fn dangling_references_get_visible_placeholders() {
        let mut s = demo_session();
        s.interventions[0].speaker = Speaker::Participant(999);
        s.interventions[1].on_behalf_of = Some(77);
        s.interventions[2].segment = 42;
        s.interventions[3].speaker = Speaker::Delegation("fiji".into());
        s.interventions[4].speaker = Speaker::Delegation("narnia".into());
        s.meeting.chair = Some(555);
        let notes = repair(&mut s).join("\n");
        for wanted in [
            "[unknown speaker 999]",
            "[unknown group 77]",
            "[Segment 42]",
            "taken from the UN list (Fiji)",
            "[unknown delegation narnia]",
            "choose the chair again",
        ] {
            assert!(notes.contains(wanted), "{wanted} in {notes}");
        }
        assert!(s.participant(999).is_some() && s.group(77).is_some());
        assert!(s.segment(42).is_some() && s.delegation("narnia").is_some());
        assert_eq!(
            repair(&mut s),
            Vec::<String>::new(),
            "a repaired session is sound"
        );
    }

    #[test]
    fn control_characters_and_twins_are_cleaned() {
        let mut s = demo_session();
        s.delegations[0].name = "\u{1b}[31m\u{7}".into();
        let twin = s.delegations[1].clone();
        s.delegations.push(Delegation {
            name: format!("{}!", twin.name),
            ..twin.clone()
        });
        s.meeting.time_zone = "Europe/Geneva".into();
        let notes = repair(&mut s).join("\n");
        assert!(notes.contains("control characters"), "{notes}");
        assert!(notes.contains("Europe/Zurich"), "{notes}");
        assert_eq!(s.delegations[0].name, "[31m");
        assert_ne!(s.delegations.last().unwrap().id, twin.id);
    }

    #[test]
    fn a_layout_repeating_one_statement_prints_it_once() {
        let mut s = demo_session();
        let mut layout = crate::core::layout::Layout::default().resolve(&s);
        let id = s.interventions[0].id;
        let chapter = layout.chapters.last_mut().unwrap();
        for _ in 0..1000 {
            let p = chapter.paragraphs[0].clone();
            chapter.paragraphs.push(
                crate::core::layout::Paragraph {
                    sources: vec![id; 10],
                    ..p.into_inner()
                }
                .into(),
            );
        }
        s.layout = layout.into();
        let notes = repair(&mut s).join("\n");
        assert!(notes.contains("more than once"), "{notes}");
        let count = s
            .layout
            .paragraphs()
            .flat_map(|p| &p.sources)
            .filter(|x| **x == id)
            .count();
        assert_eq!(count, 1);
    }
}
