//! The steps of the proceedings logged from the capture screen: a decision, a
//! commitment or a next step, a change of Chair, a suspension and its resumption, and
//! the list items and positions typed into a statement.

use super::*;

impl Capture {
    /// Ctrl+D / Ctrl+Shift+A: the box's text logged as a decision of this agenda item (the
    /// speaker picked presented it, else the Chair) or as a next step (the speaker
    /// picked owns it), as one undo step.
    pub(super) fn log_step(&mut self, session: &mut Session, kind: EntryKind) -> Effect {
        if self.question.is_some() {
            return Effect::none();
        }
        let what = if kind == EntryKind::Decision {
            "decision"
        } else {
            "next step"
        };
        let text = self.statement_text().trim().to_string();
        if text.is_empty() {
            return Effect {
                task: operation::focus(STATEMENT),
                ..Effect::notice(format!("Type the {what} in the statement box first."))
            };
        }
        let chair = session.chairs().first().map(|p| Speaker::Participant(p.id));
        let speaker = match (&self.picked, kind, chair) {
            (Some(p), _, _) => p.speaker.clone(),
            (None, EntryKind::Decision, Some(chair)) => chair,
            (None, EntryKind::Decision, None) => {
                return Effect {
                    task: operation::focus(PICKER),
                    ..Effect::notice(
                        "Pick who presents the decision (Ctrl+L), or set the Chair on the Meeting screen.",
                    )
                };
            }
            (None, _, _) => {
                return Effect {
                    task: operation::focus(PICKER),
                    ..Effect::notice("Pick who owns the next step (Ctrl+L), then Ctrl+Shift+A.")
                };
            }
        };
        let before = self.snapshot(session);
        let label = format!("logging the {what}");
        session.commit_entry(
            NewIntervention {
                on_behalf_of: None,
                started_at: self.started_at.unwrap_or(self.now),
                ended_at: Utc::now().max(self.started_at.unwrap_or(self.now)),
                text,
                speaker,
            },
            kind,
        );
        self.logged(label, before, session)
    }

    /// Ctrl+Shift+C: the person picked takes the Chair. What is in the statement box
    /// stays, for the new presiding officer's own words.
    pub(super) fn take_chair(&mut self, session: &mut Session) -> Effect {
        let Some(Picked {
            speaker: speaker @ Speaker::Participant(_),
            ..
        }) = self.picked.clone()
        else {
            return Effect {
                task: operation::focus(PICKER),
                ..Effect::notice("Pick the person who takes the Chair (Ctrl+L), then Ctrl+Shift+C.")
            };
        };
        let before = self.snapshot(session);
        let label = format!("{} taking the Chair", session.speaker_label(&speaker));
        session.commit_entry(
            NewIntervention {
                speaker,
                on_behalf_of: None,
                started_at: self.now,
                ended_at: self.now,
                text: String::new(),
            },
            EntryKind::ChairTaken,
        );
        self.people_unchanged();
        self.record(label, before, session);
        Effect::changed(operation::focus(STATEMENT))
    }

    /// Ctrl+P: the meeting is suspended now; pressed again, it resumes (the open
    /// suspension gets its end). The statement box is left as it is.
    pub(super) fn suspend_or_resume(&mut self, session: &mut Session) -> Effect {
        let now = Utc::now().max(self.now);
        let open = session
            .interventions
            .iter()
            .rev()
            .find(|i| i.kind == EntryKind::Suspension)
            .filter(|i| i.ended_at == i.started_at)
            .map(|i| (**i).clone());
        let before = self.snapshot(session);
        let label = if let Some(mut suspension) = open {
            suspension.ended_at = now.max(suspension.started_at + chrono::Duration::seconds(1));
            session.update_intervention(suspension);
            "resuming the meeting"
        } else {
            let chair = session.chairs().first().map(|p| Speaker::Participant(p.id));
            let Some(speaker) = chair.or_else(|| self.picked.as_ref().map(|p| p.speaker.clone()))
            else {
                return Effect::notice(
                    "Set the Chair on the Meeting screen (or pick who suspends the meeting), then Ctrl+P.",
                );
            };
            session.commit_entry(
                NewIntervention {
                    speaker,
                    on_behalf_of: None,
                    started_at: now,
                    ended_at: now,
                    text: String::new(),
                },
                EntryKind::Suspension,
            );
            "suspending the meeting"
        };
        self.people_unchanged();
        self.record(label, before, session);
        Effect::changed(Task::none())
    }

    /// Ctrl+Shift+L: a new list item in the statement box: "- " at the start of the
    /// line, on a new line when the cursor's line has text.
    pub(super) fn list_item(&mut self) {
        self.new_line_with("- ");
    }

    /// Ctrl+Shift+P: the speaker's position on the latest decision, "- Commitment 3: ",
    /// which the minutes print under that decision.
    pub(super) fn position(&mut self, session: &Session) -> Effect {
        let decisions = session
            .interventions
            .iter()
            .filter(|i| i.kind == EntryKind::Decision)
            .count();
        if decisions == 0 {
            return Effect::notice("No decision logged yet: Ctrl+D logs one.");
        }
        let label = session.report.decisions_label();
        self.new_line_with(&format!("- {label} {decisions}: "));
        Effect::task(operation::focus(STATEMENT))
    }

    /// Types `start` at the start of the cursor's line, or of a new line after it when
    /// it has text.
    pub(super) fn new_line_with(&mut self, start: &str) {
        let line = self.statement.cursor().position.line;
        let current = self
            .statement
            .line(line)
            .map(|l| l.text.to_string())
            .unwrap_or_default();
        let insert = if current.trim().is_empty() {
            start.to_string()
        } else {
            format!("\n{start}")
        };
        if !current.trim().is_empty() {
            self.statement
                .perform(text_editor::Action::Move(text_editor::Motion::End));
        }
        for c in insert.chars() {
            let edit = if c == '\n' {
                text_editor::Edit::Enter
            } else {
                text_editor::Edit::Insert(c)
            };
            self.statement.perform(text_editor::Action::Edit(edit));
        }
        self.draft_dirty = true;
    }
}
