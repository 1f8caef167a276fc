//! The session: everything captured about one meeting, saved as one JSON file.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::delegation::{Delegation, DelegationKind};
use super::intervention::{Intervention, InterventionId, Provenance, Speaker};
use super::layout::Layout;
use super::meeting::{Meeting, ReportKind, Segment, SegmentKind};
use super::participant::{Participant, ParticipantId, Role};
use super::proceedings::EntryKind;
use super::settings::ReportSettings;
use super::shared::Shared;
use super::speakers::{Inscription, InscriptionStatus};
use super::text::{clean, clean_line, fold};

/// Version written into every file. Same major: readable (unknown fields tolerated and
/// kept); newer major: refused with a clear message.
pub const FORMAT_VERSION: &str = "1.0";
pub const FORMAT_MAJOR: u32 = 1;

/// A group on whose behalf a delegation speaks; its membership becomes a footnote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: u32,
    pub name: String,
    #[serde(default)]
    pub members: String,
}

impl Group {
    /// "on behalf of the Group of Friends of ...", "on behalf of two other NGOs": the
    /// article is left out before a count.
    pub fn behalf_phrase(&self) -> String {
        let name = self.name.trim_start_matches("the ");
        let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
        let counted = first.chars().all(|c| c.is_ascii_digit())
            || [
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "other",
                "several", "some", "all",
            ]
            .contains(&first.as_str());
        if counted {
            format!("on behalf of {name}")
        } else {
            format!("on behalf of the {name}")
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format_version: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub meeting: Meeting,
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Every delegation the session refers to, copied from the catalogue when first used
    /// so that later changes to the catalogue never rename a past meeting.
    #[serde(default)]
    pub delegations: Vec<Delegation>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default = "Segment::panel_defaults")]
    pub segments: Vec<Segment>,
    #[serde(default)]
    pub current_segment: u32,
    #[serde(default)]
    pub inscriptions: Vec<Inscription>,
    /// Shared with the copies taken for saving and undo until changed (see `shared`).
    #[serde(default)]
    pub interventions: Shared<Vec<Shared<Intervention>>>,
    #[serde(default)]
    pub report: ReportSettings,
    /// The editor's paragraph layout of the report (empty until the editor changes it).
    #[serde(default, skip_serializing_if = "Layout::is_unused")]
    pub layout: Shared<Layout>,
    /// In a team session, whose turn it is to log (relays).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<super::relay::Turn>,
    /// Turns taken and handed over, oldest first (markers in the log).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relays: Vec<super::relay::RelayMark>,
    /// Fields written by a newer minor version: kept as they are and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// In a team session, the range of ids this run of the app hands out (0: a session
    /// kept by one person). Not saved: every run gets its own.
    #[serde(skip)]
    pub id_band: super::ids::Band,
    /// In a team session, the name of the device logging and editing (the note-taker's
    /// initials): written on what it logs and changes. Not saved.
    #[serde(skip)]
    pub device: Option<String>,
    /// The paragraph the editor's last operation moved: tells a team session which of
    /// two swapped paragraphs moved (so that it is the one a concurrent deletion meets).
    /// Not saved, and no part of what the session is (never makes two sessions differ).
    #[serde(skip)]
    pub moved: MovedHint,
}

/// See `Session::moved`.
#[derive(Debug, Clone, Default)]
pub struct MovedHint(pub Option<super::layout::ParagraphId>);

impl PartialEq for MovedHint {
    fn eq(&self, _: &MovedHint) -> bool {
        true
    }
}

/// What the capture screen hands over when the note-taker commits.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIntervention {
    pub speaker: Speaker,
    pub on_behalf_of: Option<u32>,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub text: String,
}

impl Session {
    pub fn new(name: &str, kind: ReportKind) -> Self {
        let segments = match kind {
            ReportKind::PanelSummary => Segment::panel_defaults(),
            ReportKind::Minutes | ReportKind::SummaryRecord => vec![Segment {
                id: 1,
                title: "Opening and introduction".into(),
                kind: SegmentKind::AgendaItem,
                presenters: Vec::new(),
            }],
        };
        Self {
            format_version: FORMAT_VERSION.into(),
            name: clean_line(name),
            meeting: Meeting {
                title: clean_line(name),
                report_kind: kind,
                ..Meeting::default()
            },
            participants: Vec::new(),
            delegations: Vec::new(),
            groups: Vec::new(),
            current_segment: segments.first().map(|s| s.id).unwrap_or(1),
            segments,
            inscriptions: Vec::new(),
            interventions: Shared::default(),
            report: ReportSettings::default(),
            layout: Shared::default(),
            turn: None,
            relays: Vec::new(),
            extra: serde_json::Map::new(),
            id_band: 0,
            device: None,
            moved: MovedHint::default(),
        }
    }

    // ----- look-ups -----

    /// Who chaired: the meeting's chair first, then every other participant whose role
    /// is chair (co-chairs: "Meeting co-chaired by Ilze Brands Kehris and Gabriela
    /// Ramos", the model minutes).
    pub fn chairs(&self) -> Vec<&Participant> {
        let first = self.meeting.chair.and_then(|c| self.participant(c));
        first
            .into_iter()
            .chain(
                self.participants
                    .iter()
                    .filter(|p| p.role == Role::Chair && Some(p.id) != self.meeting.chair),
            )
            .collect()
    }

    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    pub fn delegation(&self, id: &str) -> Option<&Delegation> {
        self.delegations.iter().find(|d| d.id == id)
    }

    pub fn group(&self, id: u32) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn segment(&self, id: u32) -> Option<&Segment> {
        self.segments.iter().find(|s| s.id == id)
    }

    pub fn intervention(&self, id: InterventionId) -> Option<&Intervention> {
        self.interventions.iter().find(|i| i.id == id).map(|i| &**i)
    }

    /// The delegation a speaker speaks for, if any.
    pub fn speaker_delegation(&self, speaker: &Speaker) -> Option<&Delegation> {
        match speaker {
            Speaker::Delegation(id) => self.delegation(id),
            Speaker::Participant(id) => self
                .participant(*id)?
                .delegation
                .as_deref()
                .and_then(|d| self.delegation(d)),
        }
    }

    /// A short label for lists: "Ms. Bouayach (Morocco)", "the Netherlands".
    pub fn speaker_label(&self, speaker: &Speaker) -> String {
        match speaker {
            Speaker::Delegation(id) => match self.delegation(id) {
                Some(d) => d.running_name(),
                None => format!("unknown delegation {id}"),
            },
            Speaker::Participant(id) => match self.participant(*id) {
                Some(p) => {
                    let name = p.display_name();
                    match self.speaker_delegation(speaker) {
                        Some(d) => format!("{name} ({})", d.name),
                        None if p.role != Role::Floor => format!("{name} ({})", p.role.label()),
                        None => name,
                    }
                }
                None => format!("unknown participant {id}"),
            },
        }
    }

    /// "the Netherlands on behalf of the Group of Friends ..." for the log.
    pub fn intervention_label(&self, intervention: &Intervention) -> String {
        let who = self.speaker_label(&intervention.speaker);
        match intervention.on_behalf_of.and_then(|g| self.group(g)) {
            Some(group) => format!("{who} {}", group.behalf_phrase()),
            None => who,
        }
    }

    /// Speaking limit in seconds for this speaker's category.
    pub fn speaking_limit(&self, speaker: &Speaker) -> u32 {
        let limits = self.meeting.limits;
        if let Speaker::Participant(id) = speaker
            && self.participant(*id).is_some_and(|p| p.role != Role::Floor)
        {
            return limits.panel;
        }
        match self.speaker_delegation(speaker) {
            Some(d)
                if d.kind == DelegationKind::MemberState
                    && self.meeting.council_members.contains(&d.id) =>
            {
                limits.council_member
            }
            _ => limits.observer,
        }
    }

    // ----- changes -----

    /// Makes a delegation part of the session (copying it from the catalogue) and returns
    /// its id. A different delegation that happens to have the same key ("Peru!" made by
    /// hand, Peru from the catalogue) is never merged with it: the newcomer gets a key of
    /// its own.
    pub fn ensure_delegation(&mut self, delegation: &Delegation) -> String {
        match self.delegation(&delegation.id) {
            None => {
                self.delegations.push(delegation.clone());
                delegation.id.clone()
            }
            Some(existing)
                if existing.name == delegation.name && existing.kind == delegation.kind =>
            {
                delegation.id.clone()
            }
            Some(_) => {
                let id = super::delegation::fresh_key(&delegation.id, |id| {
                    self.delegation(id).is_some()
                });
                self.delegations.push(Delegation {
                    id: id.clone(),
                    ..delegation.clone()
                });
                id
            }
        }
    }

    pub fn add_participant(&mut self, mut participant: Participant) -> ParticipantId {
        participant.id = super::ids::next_in(self.id_band, self.participants.iter().map(|p| p.id));
        participant.given_names = clean_line(&participant.given_names);
        participant.family_name = clean_line(&participant.family_name);
        participant.title = clean_line(&participant.title);
        participant.short_title = clean_line(&participant.short_title);
        let id = participant.id;
        self.participants.push(participant);
        id
    }

    /// Finds a group by name (ignoring case, accents and a leading "the") or creates it.
    pub fn ensure_group(&mut self, name: &str, members: &str) -> u32 {
        let wanted = fold(clean_line(name).trim_start_matches("the "));
        if let Some(group) = self.groups.iter_mut().find(|g| fold(&g.name) == wanted) {
            if group.members.is_empty() && !members.trim().is_empty() {
                group.members = clean_line(members);
            }
            return group.id;
        }
        let id = super::ids::next_in(self.id_band, self.groups.iter().map(|g| g.id));
        self.groups.push(Group {
            id,
            name: clean_line(name),
            members: clean_line(members),
        });
        id
    }

    /// Logs an intervention in the current segment and marks the speaker's pending
    /// inscription as spoken.
    pub fn commit(&mut self, new: NewIntervention) -> InterventionId {
        self.commit_entry(new, EntryKind::Statement)
    }

    /// Logs an entry of any kind in the current segment; only a statement ticks the
    /// speaker's inscription (presenting a decision or owning a next step is not taking
    /// the floor from the list).
    pub fn commit_entry(&mut self, new: NewIntervention, kind: EntryKind) -> InterventionId {
        let id = super::ids::next_in(self.id_band, self.interventions.iter().map(|i| i.id));
        let ended_at = new.ended_at.max(new.started_at);
        if kind.is_statement() {
            self.tick_inscription(&new.speaker);
        }
        self.interventions.push(Shared::new(Intervention {
            id,
            speaker: new.speaker,
            on_behalf_of: new.on_behalf_of,
            segment: self.current_segment,
            started_at: new.started_at,
            ended_at,
            text: clean(&new.text),
            footnotes: Vec::new(),
            written: false,
            kind,
            provenance: Provenance::logged_by(self.device.as_deref()),
        }));
        id
    }

    /// Takes an inscription's written statement into the report, as a statement of the
    /// interactive dialogue after the last one heard there (the list of speakers is left
    /// as it is: it was not delivered). Its id; None when the inscription has no written
    /// text, and the one already taken when it was taken before.
    pub fn use_written_statement(&mut self, inscription: u32) -> Option<InterventionId> {
        let ins = self
            .inscriptions
            .iter()
            .find(|i| i.id == inscription && i.is_written_statement())?
            .clone();
        if let Some(taken) = self.written_statement_taken(&ins) {
            return Some(taken);
        }
        let segment = self
            .segments
            .iter()
            .find(|s| s.kind == SegmentKind::Dialogue)
            .map(|s| s.id)
            .unwrap_or(self.current_segment);
        let at = self
            .interventions
            .iter()
            .filter(|i| i.segment == segment)
            .map(|i| i.started_at)
            .max()
            .or_else(|| self.interventions.iter().map(|i| i.ended_at).max())
            .unwrap_or_default();
        let id = super::ids::next_in(self.id_band, self.interventions.iter().map(|i| i.id));
        self.interventions.push(Shared::new(Intervention {
            id,
            speaker: ins.speaker,
            on_behalf_of: ins.on_behalf_of,
            segment,
            started_at: at,
            ended_at: at,
            text: clean(&ins.text),
            footnotes: Vec::new(),
            written: true,
            kind: EntryKind::Statement,
            provenance: Provenance::logged_by(self.device.as_deref()),
        }));
        Some(id)
    }

    /// The statement an inscription's written text became, if it was taken in.
    pub fn written_statement_taken(&self, ins: &Inscription) -> Option<InterventionId> {
        let text = clean(&ins.text);
        self.interventions
            .iter()
            .find(|i| i.written && i.speaker == ins.speaker && i.text == text)
            .map(|i| i.id)
    }

    /// Replaces an intervention (correction or re-attribution). Returns false if it is gone.
    /// A re-attribution moves the tick on the list of speakers with the statement.
    pub fn update_intervention(&mut self, mut changed: Intervention) -> bool {
        changed.text = clean(&changed.text);
        let Some(slot) = self.interventions.iter_mut().find(|i| i.id == changed.id) else {
            return false;
        };
        let (before, was) = (slot.speaker.clone(), slot.is_statement());
        let (after, is) = (changed.speaker.clone(), changed.is_statement());
        // Who changed it (a team session); the change is the look a conflict asked for.
        changed.provenance = slot.provenance.clone();
        changed.provenance.edited(self.device.as_deref());
        *slot = Shared::new(changed);
        // Re-attributed, or turned into a statement or out of one (a key pressed for
        // another): the ticks on the list of speakers follow.
        if before != after || was != is {
            self.settle_inscriptions(&before);
            if is {
                self.tick_inscription(&after);
            }
        }
        true
    }

    /// Puts back a statement that is no longer in the log (deleted on another device of
    /// a team session while it was being corrected here): in time order, ticking the
    /// list of speakers as a logged statement does; its provenance as given. False if it
    /// is there already.
    pub fn bring_back(&mut self, mut back: Intervention) -> bool {
        if self.intervention(back.id).is_some() {
            return false;
        }
        back.text = clean(&back.text);
        let at = self
            .interventions
            .iter()
            .position(|i| i.started_at > back.started_at)
            .unwrap_or(self.interventions.len());
        let (speaker, statement) = (back.speaker.clone(), back.is_statement());
        self.interventions.insert(at, Shared::new(back));
        if statement {
            self.tick_inscription(&speaker);
        }
        true
    }

    /// Removes an intervention; an inscription it ticked as spoken is pending again.
    pub fn delete_intervention(&mut self, id: InterventionId) -> Option<Intervention> {
        let index = self.interventions.iter().position(|i| i.id == id)?;
        let gone = self.interventions.remove(index).into_inner();
        self.settle_inscriptions(&gone.speaker);
        Some(gone)
    }

    /// After a statement of `speaker` was deleted or re-attributed to someone else: no
    /// more "spoke" ticks on the list of speakers than statements logged (the last ticks
    /// go back to pending).
    fn settle_inscriptions(&mut self, speaker: &Speaker) {
        let logged = self
            .interventions
            .iter()
            .filter(|i| i.speaker == *speaker && i.is_statement())
            .count();
        let mut extra = self
            .inscriptions
            .iter()
            .filter(|i| i.speaker == *speaker && i.status == InscriptionStatus::Spoke)
            .count()
            .saturating_sub(logged);
        for inscription in self.inscriptions.iter_mut().rev() {
            if extra == 0 {
                break;
            }
            if inscription.speaker == *speaker && inscription.status == InscriptionStatus::Spoke {
                inscription.status = InscriptionStatus::Pending;
                extra -= 1;
            }
        }
    }

    /// Ticks the first pending inscription of `speaker`, as logging a statement does.
    fn tick_inscription(&mut self, speaker: &Speaker) {
        if let Some(inscription) = self
            .inscriptions
            .iter_mut()
            .find(|i| i.status == InscriptionStatus::Pending && i.speaker == *speaker)
        {
            inscription.status = InscriptionStatus::Spoke;
        }
    }

    /// Moves the current segment by `step` (wrapping), returns the new segment (none
    /// when the session has no segments at all).
    pub fn step_segment(&mut self, step: i32) -> Option<&Segment> {
        let len = i64::try_from(self.segments.len()).unwrap_or(i64::MAX);
        let current = self
            .segments
            .iter()
            .position(|s| s.id == self.current_segment)
            .and_then(|p| i64::try_from(p).ok())
            .unwrap_or(0);
        let next = usize::try_from((current + i64::from(step)).rem_euclid(len.max(1))).ok()?;
        let segment = self.segments.get(next)?;
        self.current_segment = segment.id;
        Some(segment)
    }

    pub fn add_segment(&mut self, title: &str, kind: SegmentKind) -> u32 {
        let id = super::ids::next_in(self.id_band, self.segments.iter().map(|s| s.id));
        self.segments.push(Segment {
            id,
            title: clean_line(title),
            kind,
            presenters: Vec::new(),
        });
        id
    }

    /// The pending inscription that logging a statement of `speaker` would tick.
    pub fn next_pending_of(&self, speaker: &Speaker) -> Option<&Inscription> {
        self.inscriptions
            .iter()
            .find(|i| i.status == InscriptionStatus::Pending && i.speaker == *speaker)
    }

    /// The next speaker on the list who has not spoken yet.
    pub fn next_pending(&self) -> Option<&Inscription> {
        self.inscriptions
            .iter()
            .find(|i| i.status == InscriptionStatus::Pending)
    }
}

/// Finds a speaker by a participant's full name or a delegation's name (the session's
/// own first, then the built-in UN names).
pub fn resolve_speaker(session: &mut Session, name: &str) -> Result<Speaker, String> {
    let wanted = fold(&clean_line(name));
    if let Some(p) = session
        .participants
        .iter()
        .find(|p| fold(&p.full_name()) == wanted)
    {
        return Ok(Speaker::Participant(p.id));
    }
    if let Some(d) = session.delegations.iter().find(|d| d.is_named(name)) {
        return Ok(Speaker::Delegation(d.id.clone()));
    }
    match super::delegation::find_builtin(name) {
        Some(d) => Ok(Speaker::Delegation(session.ensure_delegation(d))),
        None => Err(format!(
            "{:?} is neither a participant of this session nor a UN delegation name",
            clean_line(name)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::delegation::find_builtin;

    fn at(minute: u32) -> DateTime<Utc> {
        DateTime::from_timestamp(1_620_720_000 + i64::from(minute) * 60, 0).unwrap()
    }

    #[test]
    fn a_statement_brought_back_returns_to_its_time_and_its_tick() {
        let mut s = crate::core::demo::demo_session();
        let order: Vec<InterventionId> = s.interventions.iter().map(|i| i.id).collect();
        let spoke = |s: &Session| {
            s.inscriptions
                .iter()
                .filter(|i| i.status == InscriptionStatus::Spoke)
                .count()
        };
        let ticks = spoke(&s);
        // A statement whose speaker is on the list of speakers.
        let listed = s
            .interventions
            .iter()
            .find(|i| s.inscriptions.iter().any(|ins| ins.speaker == i.speaker))
            .unwrap()
            .id;
        let mut gone = s.delete_intervention(listed).unwrap();
        assert_eq!(spoke(&s), ticks - 1, "deleting took its tick");
        gone.text = "corrected meanwhile.".into();
        assert!(s.bring_back(gone.clone()));
        assert!(!s.bring_back(gone), "once");
        let now: Vec<InterventionId> = s.interventions.iter().map(|i| i.id).collect();
        assert_eq!(now, order, "in its place by time");
        assert_eq!(s.intervention(listed).unwrap().text, "corrected meanwhile.");
        assert_eq!(spoke(&s), ticks, "its tick on the list of speakers is back");
    }

    #[test]
    fn commit_cleans_text_uses_current_segment_and_marks_inscription() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        let peru = s.ensure_delegation(find_builtin("Peru").unwrap());
        s.inscriptions.push(Inscription {
            id: 1,
            speaker: Speaker::Delegation(peru.clone()),
            on_behalf_of: None,
            status: InscriptionStatus::Pending,
            text: String::new(),
        });
        s.step_segment(2);
        let id = s.commit(NewIntervention {
            speaker: Speaker::Delegation(peru),
            on_behalf_of: None,
            started_at: at(1),
            ended_at: at(3),
            text: "reported\u{0007} that\u{000B}a report".into(),
        });
        let logged = s.intervention(id).unwrap();
        assert_eq!(logged.text, "reported that\na report");
        assert_eq!(
            s.segment(logged.segment).unwrap().title,
            "Interactive dialogue"
        );
        assert_eq!(s.inscriptions[0].status, InscriptionStatus::Spoke);
        assert!(s.next_pending().is_none());
    }

    #[test]
    fn deleting_or_reattributing_a_statement_moves_its_tick_on_the_list() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        let peru = Speaker::Delegation(s.ensure_delegation(find_builtin("Peru").unwrap()));
        let chile = Speaker::Delegation(s.ensure_delegation(find_builtin("Chile").unwrap()));
        for (id, speaker) in [(1, &peru), (2, &chile), (3, &peru)] {
            s.inscriptions.push(Inscription {
                id,
                speaker: speaker.clone(),
                on_behalf_of: None,
                status: InscriptionStatus::Pending,
                text: String::new(),
            });
        }
        let log = |s: &mut Session, speaker: &Speaker| {
            s.commit(NewIntervention {
                speaker: speaker.clone(),
                on_behalf_of: None,
                started_at: at(1),
                ended_at: at(2),
                text: "spoke.".into(),
            })
        };
        let statuses = |s: &Session| s.inscriptions.iter().map(|i| i.status).collect::<Vec<_>>();
        use InscriptionStatus::{Pending, Spoke};
        let first = log(&mut s, &peru);
        let second = log(&mut s, &peru);
        assert_eq!(statuses(&s), [Spoke, Pending, Spoke]);
        // Deleting one of Peru's two statements: the later tick goes back.
        assert!(s.delete_intervention(second).is_some());
        assert_eq!(statuses(&s), [Spoke, Pending, Pending]);
        // Peru's remaining statement was in fact Chile's.
        let mut changed = s.intervention(first).unwrap().clone();
        changed.speaker = chile.clone();
        assert!(s.update_intervention(changed));
        assert_eq!(statuses(&s), [Pending, Spoke, Pending]);
        // A correction of the text alone leaves the list as it is.
        let mut changed = s.intervention(first).unwrap().clone();
        changed.text = "said more.".into();
        assert!(s.update_intervention(changed));
        assert_eq!(statuses(&s), [Pending, Spoke, Pending]);
        // A deleted statement of someone not on the list touches nobody's tick.
        let other = Speaker::Delegation(s.ensure_delegation(find_builtin("Fiji").unwrap()));
        let fiji = log(&mut s, &other);
        assert!(s.delete_intervention(fiji).is_some());
        assert_eq!(statuses(&s), [Pending, Spoke, Pending]);
        // Chile's statement was in fact a decision it presented (Ctrl+D meant): its
        // tick goes back; a statement again, it returns.
        let mut changed = s.intervention(first).unwrap().clone();
        changed.kind = EntryKind::Decision;
        assert!(s.update_intervention(changed.clone()));
        assert_eq!(statuses(&s), [Pending, Pending, Pending]);
        changed.kind = EntryKind::Statement;
        assert!(s.update_intervention(changed));
        assert_eq!(statuses(&s), [Pending, Spoke, Pending]);
        // A step of the proceedings ticks nobody.
        s.commit_entry(
            NewIntervention {
                speaker: peru.clone(),
                on_behalf_of: None,
                started_at: at(3),
                ended_at: at(3),
                text: "A decision.".into(),
            },
            EntryKind::Decision,
        );
        assert_eq!(statuses(&s), [Pending, Spoke, Pending]);
    }

    #[test]
    fn speakers_resolve_by_person_or_delegation() {
        let mut s = crate::core::demo::demo_session();
        assert!(matches!(
            resolve_speaker(&mut s, "amina bouayach"),
            Ok(Speaker::Participant(_))
        ));
        assert_eq!(
            resolve_speaker(&mut s, "Holland"),
            Ok(Speaker::Delegation("netherlands".into()))
        );
        assert_eq!(
            resolve_speaker(&mut s, "Fiji"),
            Ok(Speaker::Delegation("fiji".into()))
        );
        assert!(s.delegation("fiji").is_some());
        assert!(
            resolve_speaker(&mut s, "Narnia")
                .unwrap_err()
                .contains("Narnia")
        );
    }

    #[test]
    fn segments_wrap_both_ways() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        assert_eq!(s.step_segment(-1).unwrap().title, "Concluding remarks");
        assert_eq!(s.step_segment(1).unwrap().title, "Opening statements");
        s.segments.clear();
        assert!(s.step_segment(1).is_none(), "no segment, no panic");
    }

    #[test]
    fn speaking_limits_by_category() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        let peru = s.ensure_delegation(find_builtin("Peru").unwrap());
        let cuba = s.ensure_delegation(find_builtin("Cuba").unwrap());
        s.meeting.council_members.push(peru.clone());
        let panellist = s.add_participant(Participant {
            role: Role::Panellist,
            ..Default::default()
        });
        assert_eq!(s.speaking_limit(&Speaker::Delegation(peru)), 180);
        assert_eq!(s.speaking_limit(&Speaker::Delegation(cuba)), 120);
        assert_eq!(s.speaking_limit(&Speaker::Participant(panellist)), 420);
    }

    #[test]
    fn behalf_phrases() {
        let group = |name: &str| Group {
            id: 1,
            name: name.into(),
            members: String::new(),
        };
        assert_eq!(
            group("Group of Friends").behalf_phrase(),
            "on behalf of the Group of Friends"
        );
        assert_eq!(
            group("the steering group").behalf_phrase(),
            "on behalf of the steering group"
        );
        assert_eq!(
            group("two other NGOs").behalf_phrase(),
            "on behalf of two other NGOs"
        );
    }

    #[test]
    fn groups_are_found_by_name() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        let a = s.ensure_group("Group of Friends of the Responsibility to Protect", "");
        let b = s.ensure_group(
            "group of friends of the responsibility to protect",
            "53 Member States",
        );
        assert_eq!(a, b);
        assert_eq!(s.group(a).unwrap().members, "53 Member States");
    }

    #[test]
    fn update_and_delete() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        let peru = s.ensure_delegation(find_builtin("Peru").unwrap());
        let id = s.commit(NewIntervention {
            speaker: Speaker::Delegation(peru),
            on_behalf_of: None,
            started_at: at(1),
            ended_at: at(0),
            text: "x".into(),
        });
        assert_eq!(
            s.intervention(id).unwrap().ended_at,
            at(1),
            "end never precedes start"
        );
        let mut changed = s.intervention(id).unwrap().clone();
        changed.text = "corrected\u{0000}".into();
        assert!(s.update_intervention(changed));
        assert_eq!(s.intervention(id).unwrap().text, "corrected");
        assert!(s.delete_intervention(id).is_some());
        assert!(s.delete_intervention(id).is_none());
    }
}
