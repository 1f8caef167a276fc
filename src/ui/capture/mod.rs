//! Capture screen: pick who speaks, type what is said, log it with Ctrl+Enter.
//!
//! `mod.rs` holds the state and what each key and click does; `panels.rs` the picker,
//! statement box and clock, `speakers.rs` the list of speakers and `log.rs` the log.

mod behalf;
pub mod correction;
mod history;
mod log;
mod panels;
mod proceedings;
mod question;
mod speakers;

pub use behalf::BEHALF;
pub use log::LOG;
pub use question::{Answer, Question};
pub use speakers::SPEAKERS;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use iced::widget::text_editor;
use iced::widget::{column, container, operation, row, text};
use iced::{Element, Task};

use crate::core::intervention::{InterventionId, Speaker};
use crate::core::picker::PickerIndex;
use crate::core::proceedings::EntryKind;
use crate::core::session::{NewIntervention, Session};
use crate::core::text::clean;
use crate::storage::draft::Draft;

use super::choices::{GroupChoice, SegmentChoice};
use super::effect::{Request, Save};
use super::person_form::{self, PersonForm};
use super::picker::{Choice, PickerState};
use super::revision::{Revision, Stamp};
use super::shortcuts::Command;
use super::virtual_list::{self, VirtualList};
pub use correction::Correction;
use history::{History, Snapshot};

use crate::ui::style;

pub const PICKER: &str = "picker";
pub const STATEMENT: &str = "statement";

#[derive(Debug, Clone, PartialEq)]
pub struct Picked {
    pub speaker: Speaker,
    pub on_behalf_of: Option<u32>,
}

pub struct Capture {
    pub index: PickerIndex,
    /// The session revision `index` was built from.
    stamp: Stamp,
    pub picker: PickerState,
    pub picked: Option<Picked>,
    pub started_at: Option<DateTime<Utc>>,
    pub statement: text_editor::Content,
    /// The draft changed since it was last written to its side file.
    pub draft_dirty: bool,
    /// The log and the list of speakers, windowed; their rows follow the session's
    /// revision (`lists`), also after a statement logged here.
    pub log: VirtualList,
    /// What each row of the log is (statements and relay markers), newest first.
    log_rows: Vec<log::LogRow>,
    /// Statements that may be one statement logged on two devices, with what the log
    /// says of each (`turns::possible_duplicates`), at the lists' revision.
    duplicates: std::collections::HashMap<crate::core::intervention::InterventionId, String>,
    /// Another device's turn this note-taker chose to log in anyway: asked once a turn.
    turn_accepted: Option<(String, DateTime<Utc>)>,
    pub speakers: VirtualList,
    lists: Stamp,
    pub correction: Option<Correction>,
    pub new_person: Option<PersonForm>,
    pub now: DateTime<Utc>,
    /// Ctrl is held: the picker's text box takes Enter with any modifier, so Ctrl+Enter
    /// typed there must still log rather than pick someone else.
    ctrl_held: bool,
    /// Ctrl+Z / Ctrl+Shift+Z on this screen.
    history: History,
    /// What the last undo or redo did, shown over the log until the next step.
    pub undone: Option<String>,
    /// A question that must be answered before anything else is logged or picked.
    pub question: Option<Question>,
    /// Ctrl+B: the group filter shown in place of the picker.
    pub behalf: Option<behalf::BehalfFilter>,
}

#[derive(Debug, Clone)]
pub enum Message {
    PickerInput(String),
    PickerSubmit,
    Choose(usize),
    PickInscription(u32),
    Behalf(GroupChoice),
    Statement(text_editor::Action),
    Shortcut(Command),
    Commit,
    Segment(SegmentChoice),
    /// The keyboard's modifiers changed.
    Modifiers(iced::keyboard::Modifiers),
    /// The log or the list of speakers reported a size or a scroll.
    Log(virtual_list::Event),
    Speakers(virtual_list::Event),
    Open(InterventionId),
    Correction(correction::Message),
    NewPerson(person_form::Message),
    Answer(Answer),
    BehalfInput(String),
    BehalfSubmit,
    BehalfChoose(Option<u32>),
}

/// What the root must do after an update.
pub type Effect = super::effect::Effect<Message>;

/// A panel of the capture screen: a muted title over a list, or over what to say when
/// the list has nothing yet.
fn listed<'a>(
    title: String,
    list: impl Into<Element<'a, Message>>,
    empty: Option<&'static str>,
) -> container::Container<'a, Message> {
    let body: Element<'a, Message> = match empty {
        Some(message) => text(message)
            .size(style::size::LABEL)
            .color(style::MUTED)
            .into(),
        None => list.into(),
    };
    container(
        column![
            text(title).size(style::size::LABEL).color(style::MUTED),
            body
        ]
        .spacing(style::gap::S),
    )
    .height(iced::Fill)
    .padding(style::gap::M)
    .style(style::panel)
}

impl Capture {
    pub fn new(session: &Session, draft: Option<Draft>) -> Self {
        let index = PickerIndex::build(session);
        let mut picker = PickerState::default();
        picker.refresh(session, &index);
        let mut capture = Capture {
            log_rows: Vec::new(),
            duplicates: Default::default(),
            turn_accepted: None,
            index,
            picker,
            picked: None,
            started_at: None,
            statement: text_editor::Content::new(),
            draft_dirty: false,
            log: log::new_list(),
            speakers: speakers::new_list(),
            lists: Stamp::Never,
            correction: None,
            new_person: None,
            now: Utc::now(),
            ctrl_held: false,
            history: History::default(),
            undone: None,
            question: None,
            behalf: None,
            // Built just above, from the session as opened (revision 0).
            stamp: Stamp::At(Revision::default()),
        };
        if let Some(draft) = draft {
            capture.picked = draft.speaker.map(|speaker| Picked {
                speaker,
                on_behalf_of: draft.on_behalf_of,
            });
            capture.started_at = draft.started_at;
            capture.statement = text_editor::Content::with_text(&draft.text);
        }
        capture.log_rows = log::rows(session);
        capture.duplicates = log::duplicates(session);
        capture.log.set_rows(log::sizes(session, &capture.log_rows));
        capture.speakers.set_rows(speakers::rows(session));
        capture.lists = Stamp::At(Revision::default());
        capture
    }

    /// Focus for a fresh start: the statement if a recovered draft has a speaker.
    pub fn initial_focus(&self) -> Task<Message> {
        if self.picked.is_some() {
            operation::focus(STATEMENT)
        } else {
            operation::focus(PICKER)
        }
    }

    pub fn draft(&self) -> Draft {
        draft_of(&self.picked, self.started_at, &self.statement)
    }

    /// The state a step can change, as it is now.
    fn snapshot(&self, session: &Session) -> Snapshot {
        Snapshot::new(session, self.draft())
    }

    /// Puts a statement box back as a step left it: speaker, group, timer and text.
    fn restore(&mut self, draft: Draft) {
        self.picked = draft.speaker.map(|speaker| Picked {
            speaker,
            on_behalf_of: draft.on_behalf_of,
        });
        self.started_at = draft.started_at;
        self.statement = text_editor::Content::with_text(&draft.text);
        self.draft_dirty = true;
    }

    /// Keeps `label` as an undo step from `before` to the state now.
    fn record(&mut self, label: impl Into<String>, before: Snapshot, session: &Session) {
        let after = self.snapshot(session);
        self.history.push(label, before, after);
        self.undone = None;
    }

    fn undo_redo(&mut self, session: &mut Session, redo: bool) -> Effect {
        let done = if redo {
            self.history.redo(session)
        } else {
            let now = self.draft();
            self.history.undo(session, now)
        };
        let Some((draft, label)) = done else {
            return Effect::notice(if redo {
                "Nothing to redo on this screen."
            } else {
                "Nothing to undo on this screen."
            });
        };
        self.restore(draft);
        self.question = None;
        self.correction = None;
        self.picker.refresh(session, &self.index);
        let what = if redo {
            format!("Redid: {label} (Ctrl+Z takes it back).")
        } else {
            format!("Undid: {label} (Ctrl+Shift+Z does it again).")
        };
        self.undone = Some(what.clone());
        self.people_unchanged();
        let focus = if self.picked.is_some() {
            operation::focus(STATEMENT)
        } else {
            operation::focus(PICKER)
        };
        Effect {
            save: Save::Now,
            ..Effect::changed(focus)
        }
    }

    /// The answer a key gives to the question asked, if any (the root asks before it
    /// treats the key as a shortcut).
    pub fn answer_for(
        &self,
        key: &iced::keyboard::Key,
        modifiers: iced::keyboard::Modifiers,
    ) -> Option<Answer> {
        self.question.as_ref()?.answer_for(key, modifiers)
    }

    fn statement_text(&self) -> String {
        self.statement.text().trim_end_matches('\n').to_string()
    }

    /// Brings the picker's index up to the session's revision, if it is behind (people
    /// or delegations may have changed on another screen or by an import), and the log
    /// and list of speakers whenever the session moved.
    pub fn sync(&mut self, session: &Session, revision: Revision) {
        if self.stamp.behind(revision) {
            self.index = PickerIndex::build(session);
            self.picker.refresh(session, &self.index);
        }
        self.stamp = Stamp::At(revision);
        if self.lists.behind(revision) {
            self.log_rows = log::rows(session);
            self.duplicates = log::duplicates(session);
            self.log.set_rows(log::sizes(session, &self.log_rows));
            self.speakers.set_rows(speakers::rows(session));
        }
        self.lists = Stamp::At(revision);
    }

    pub fn update(&mut self, message: Message, session: &mut Session) -> Effect {
        match message {
            Message::PickerInput(query) => {
                self.picker.set_query(query, session, &self.index);
                Effect::none()
            }
            // Ctrl+Enter typed in the picker logs; it never picks someone.
            Message::PickerSubmit if self.ctrl_held => self.commit(session),
            Message::PickerSubmit => self.submit_picker(session),
            Message::Choose(i) => self.choose(i, session),
            Message::PickInscription(id) => {
                let Some(inscription) = session.inscriptions.iter().find(|i| i.id == id).cloned()
                else {
                    return Effect::none();
                };
                self.pick_or_ask(
                    Picked {
                        speaker: inscription.speaker,
                        on_behalf_of: inscription.on_behalf_of,
                    },
                    session,
                )
            }
            Message::Behalf(choice) => self.speaks_for(choice.value, session),
            Message::Statement(action) => {
                let action = match action {
                    // Pasted text often carries characters a report cannot hold.
                    text_editor::Action::Edit(text_editor::Edit::Paste(pasted)) => {
                        text_editor::Action::Edit(text_editor::Edit::Paste(Arc::new(clean(
                            &pasted,
                        ))))
                    }
                    other => other,
                };
                if action.is_edit() {
                    let inserted = match &action {
                        text_editor::Action::Edit(text_editor::Edit::Insert(c)) => Some(*c),
                        text_editor::Action::Edit(text_editor::Edit::Enter) => Some('\n'),
                        _ => None,
                    };
                    let (picked, started_at, statement) =
                        (&self.picked, self.started_at, &self.statement);
                    self.history.typed(
                        || Snapshot::new(session, draft_of(picked, started_at, statement)),
                        inserted,
                    );
                    self.undone = None;
                    self.draft_dirty = true;
                    if self.started_at.is_none() {
                        self.started_at = Some(self.now);
                    }
                } else if matches!(
                    action,
                    text_editor::Action::Click(_) | text_editor::Action::Move(_)
                ) {
                    // The cursor went elsewhere: the next word is a step of its own.
                    self.history.break_typing();
                }
                self.statement.perform(action);
                Effect::none()
            }
            Message::Shortcut(command) => self.command(command, session),
            Message::Commit => self.commit(session),
            Message::Segment(choice) => {
                session.current_segment = choice.value;
                self.people_unchanged();
                Effect::changed(Task::none())
            }
            Message::Modifiers(modifiers) => {
                self.ctrl_held = modifiers.command();
                Effect::none()
            }
            Message::Log(event) => {
                self.log.update(event);
                Effect::none()
            }
            Message::Speakers(event) => {
                self.speakers.update(event);
                Effect::none()
            }
            Message::Open(id) => match session.intervention(id) {
                Some(intervention) => {
                    self.correction = Some(Correction::new(intervention, session, &self.index));
                    Effect::task(operation::focus(correction::TEXT))
                }
                None => Effect::notice("That intervention was deleted."),
            },
            Message::Correction(message) => {
                // Only saving and deleting change the log: the state before is taken for
                // them alone, not for every keystroke in the correction's text.
                let changes_log = matches!(
                    message,
                    correction::Message::Save
                        | correction::Message::ConfirmDelete(true)
                        | correction::Message::Shortcut(Command::Commit)
                );
                let before = changes_log.then(|| self.snapshot(session));
                let Some(open) = &mut self.correction else {
                    return Effect::none();
                };
                let label = match message {
                    correction::Message::ConfirmDelete(true) => {
                        format!("deleting intervention #{}", open.id)
                    }
                    _ => format!("correcting intervention #{}", open.id),
                };
                let mut effect = open
                    .update(message, session, &self.index)
                    .map(Message::Correction);
                if effect.save != Save::No
                    && let Some(before) = before
                {
                    self.record(label, before, session);
                    self.people_unchanged();
                }
                if effect.closes() {
                    self.correction = None;
                    effect.request = None;
                    effect.task = operation::focus(PICKER);
                }
                effect
            }
            Message::NewPerson(message) => {
                let Some(form) = &mut self.new_person else {
                    return Effect::none();
                };
                let effect = form.update(message, session).map(Message::NewPerson);
                if !effect.closes() {
                    return effect;
                }
                match form.done.take() {
                    None => {
                        self.new_person = None;
                        Effect::task(operation::focus(PICKER))
                    }
                    Some(speaker) => {
                        self.new_person = None;
                        self.index = PickerIndex::build(session);
                        self.stamp = Stamp::Current;
                        self.picker.clear(session, &self.index);
                        let picked = Picked {
                            speaker,
                            on_behalf_of: None,
                        };
                        self.pick_or_ask(picked, session).with_save(Save::Now)
                    }
                }
            }
            Message::Answer(answer) => self.answer(answer, session),
            Message::BehalfInput(query) => {
                if let Some(filter) = &mut self.behalf {
                    filter.query = query.chars().filter(|c| !c.is_control()).collect();
                    filter.selected = 0;
                }
                Effect::none()
            }
            Message::BehalfSubmit => match self.behalf.as_ref().and_then(|f| f.chosen(session)) {
                Some(group) => self.speaks_for(group, session),
                None => Effect::none(),
            },
            Message::BehalfChoose(group) => self.speaks_for(group, session),
        }
    }

    /// The group the picked speaker speaks for, as one undo step.
    fn speaks_for(&mut self, group: Option<u32>, session: &Session) -> Effect {
        self.behalf = None;
        let before = self.snapshot(session);
        if let Some(picked) = &mut self.picked {
            picked.on_behalf_of = group;
            self.draft_dirty = true;
        }
        self.record("choosing the group", before, session);
        Effect::task(operation::focus(STATEMENT))
    }

    fn command(&mut self, command: Command, session: &mut Session) -> Effect {
        match command {
            Command::FocusPicker => {
                self.new_person = None;
                Effect::task(operation::focus(PICKER))
            }
            Command::Commit => match &mut self.correction {
                Some(_) => self.update(Message::Correction(correction::Message::Save), session),
                None => self.commit(session),
            },
            Command::PreviousSegment | Command::NextSegment => {
                session.step_segment(if command == Command::NextSegment {
                    1
                } else {
                    -1
                });
                self.people_unchanged();
                Effect::changed(Task::none())
            }
            Command::SelectUp | Command::SelectDown => {
                let delta = if command == Command::SelectUp { -1 } else { 1 };
                match (&mut self.behalf, &mut self.correction) {
                    (Some(filter), _) => filter.step(delta, session),
                    (None, Some(open)) => open.picker.step(delta),
                    (None, None) => self.picker.step(delta),
                }
                Effect::none()
            }
            Command::Behalf => {
                if self.picked.is_none() {
                    return Effect::notice(
                        "Pick the speaker first (Ctrl+L), then Ctrl+B for the group they speak for.",
                    );
                }
                self.new_person = None;
                self.behalf = Some(behalf::BehalfFilter::default());
                Effect::task(operation::focus(behalf::BEHALF))
            }
            Command::Cancel if self.behalf.is_some() => {
                self.behalf = None;
                Effect::task(operation::focus(STATEMENT))
            }
            Command::Pick => match &self.correction {
                Some(_) => self.update(
                    Message::Correction(correction::Message::PickerSubmit),
                    session,
                ),
                None => self.submit_picker(session),
            },
            Command::Undo => self.undo_redo(session, false),
            Command::Redo => self.undo_redo(session, true),
            Command::LogDecision => self.log_step(session, EntryKind::Decision),
            Command::LogNextStep => self.log_step(session, EntryKind::NextStep),
            Command::TakeChair => self.take_chair(session),
            Command::Suspend => self.suspend_or_resume(session),
            Command::Position => self.position(session),
            Command::ListItem => {
                self.list_item();
                Effect::task(operation::focus(STATEMENT))
            }
            Command::Cancel if self.new_person.is_some() => {
                self.new_person = None;
                Effect::task(operation::focus(PICKER))
            }
            Command::Cancel if self.correction.is_some() => {
                self.correction = None;
                Effect::task(operation::focus(PICKER))
            }
            other => Effect::request(Request::Command(other)),
        }
    }

    /// Makes `picked` the speaker. Text typed before anyone was picked stays with its
    /// clock; otherwise the clock starts now.
    fn pick(&mut self, picked: Picked) {
        if self.picked.is_some() || self.statement_text().trim().is_empty() {
            self.started_at = Some(self.now);
        }
        self.picked = Some(picked);
        self.draft_dirty = true;
    }

    /// Picks `picked` as one undo step, or asks first when the box holds text not
    /// logged for the speaker picked before.
    fn pick_or_ask(&mut self, picked: Picked, session: &mut Session) -> Effect {
        if self.question.is_some() {
            return Effect::none();
        }
        if self.picked.as_ref() == Some(&picked) {
            // The speaker already picked: their text and clock stay as they are.
            return Effect::task(operation::focus(STATEMENT));
        }
        let unlogged = !self.statement_text().trim().is_empty();
        if unlogged && self.picked.is_some() {
            self.question = Some(Question::Switch(picked));
            return Effect::task(unfocus());
        }
        let before = self.snapshot(session);
        let label = format!("picking {}", session.speaker_label(&picked.speaker));
        self.pick(picked);
        self.record(label, before, session);
        Effect::task(operation::focus(STATEMENT))
    }

    /// Enter in the picker: picks what is selected, unless the box is empty and the
    /// selection is only the top of the list (a stray Enter must not pick a State).
    fn submit_picker(&mut self, session: &mut Session) -> Effect {
        if self.picker.meant() {
            self.choose(self.picker.selected, session)
        } else {
            Effect::none()
        }
    }

    fn choose(&mut self, index: usize, session: &mut Session) -> Effect {
        if self.question.is_some() {
            return Effect::none();
        }
        let Some(choice) = self.picker.choices.get(index).cloned() else {
            return Effect::notice("Nothing matches: type part of a name, or pick “New person”.");
        };
        match choice {
            Choice::Existing {
                candidate,
                on_behalf_of,
                ..
            } => {
                let known = session.delegations.len();
                let speaker = candidate.speaker(session);
                self.picker.clear(session, &self.index);
                let effect = self.pick_or_ask(
                    Picked {
                        speaker,
                        on_behalf_of,
                    },
                    session,
                );
                if session.delegations.len() != known {
                    effect.with_save(Save::Now)
                } else {
                    effect
                }
            }
            Choice::NewPerson(name) => {
                self.new_person = Some(PersonForm::new(&name));
                Effect::task(operation::focus(person_form::NAME))
            }
            Choice::NewOrganization(name) => {
                self.new_person = Some(PersonForm::organization(&name));
                Effect::task(operation::focus(person_form::NAME))
            }
        }
    }

    /// Ctrl+Enter: logs the statement, or asks first when nothing is typed.
    fn commit(&mut self, session: &mut Session) -> Effect {
        if self.question.is_some() {
            return Effect::none();
        }
        if self.picked.is_none() {
            return Effect {
                task: operation::focus(PICKER),
                ..Effect::notice("Pick a speaker first (Ctrl+L), then log with Ctrl+Enter.")
            };
        }
        // In a relay, logging during another's turn is asked once a turn: the same
        // statement logged on two devices is the slip relays are there to prevent.
        if let Some(turn) = session.others_turn()
            && self.turn_accepted.as_ref() != Some(&(turn.device.clone(), turn.since))
        {
            self.question = Some(Question::NotYourTurn(turn.device.clone()));
            return Effect::task(unfocus());
        }
        if self.statement_text().trim().is_empty() {
            self.question = Some(Question::Empty);
            return Effect::task(unfocus());
        }
        self.log_statement(session)
    }

    /// Logs the statement in the box for the speaker picked, as one undo step.
    fn log_statement(&mut self, session: &mut Session) -> Effect {
        let Some(picked) = self.picked.clone() else {
            return Effect::none();
        };
        let before = self.snapshot(session);
        let label = format!(
            "logging the statement of {}",
            session.speaker_label(&picked.speaker)
        );
        session.commit(NewIntervention {
            speaker: picked.speaker,
            on_behalf_of: picked.on_behalf_of,
            started_at: self.started_at.unwrap_or(self.now),
            ended_at: Utc::now().max(self.started_at.unwrap_or(self.now)),
            text: self.statement_text().trim().to_string(),
        });
        self.logged(label, before, session)
    }

    /// After an entry was logged from the box: the box, the speaker and the clock are
    /// cleared for the next one, and the step is one undo step.
    fn logged(&mut self, label: String, before: Snapshot, session: &Session) -> Effect {
        self.picked = None;
        self.started_at = None;
        self.statement = text_editor::Content::new();
        self.draft_dirty = true;
        self.picker.clear(session, &self.index);
        self.people_unchanged();
        self.record(label, before, session);
        Effect::changed(operation::focus(PICKER))
    }

    fn answer(&mut self, answer: Answer, session: &mut Session) -> Effect {
        let Some(question) = self.question.take() else {
            return Effect::none();
        };
        match (question, answer) {
            (_, Answer::Back) => Effect::task(operation::focus(STATEMENT)),
            (Question::Empty, Answer::LogAnyway) => self.log_statement(session),
            (Question::NotYourTurn(_), Answer::LogAnyway) => {
                self.turn_accepted = session.others_turn().map(|t| (t.device.clone(), t.since));
                self.commit(session)
            }
            (Question::Switch(next), Answer::LogFirst) => {
                let logged = self.log_statement(session);
                let picked = self.pick_or_ask(next, session);
                Effect {
                    task: picked.task,
                    ..logged
                }
            }
            (Question::Switch(next), Answer::MoveText) => {
                let before = self.snapshot(session);
                let label = format!(
                    "moving the statement to {}",
                    session.speaker_label(&next.speaker)
                );
                // The statement began when its text did: the clock is kept.
                self.picked = Some(next);
                self.draft_dirty = true;
                self.record(label, before, session);
                Effect::task(operation::focus(STATEMENT))
            }
            (Question::Switch(next), Answer::Discard) => {
                let before = self.snapshot(session);
                let label = format!(
                    "discarding the text and picking {}",
                    session.speaker_label(&next.speaker)
                );
                self.statement = text_editor::Content::new();
                self.picked = Some(next);
                self.started_at = Some(self.now);
                self.draft_dirty = true;
                self.record(label, before, session);
                Effect::task(operation::focus(STATEMENT))
            }
            (question, _) => {
                // An answer that belongs to the other question: still asked.
                self.question = Some(question);
                Effect::none()
            }
        }
    }

    /// For a change that leaves people and delegations as they were (a statement logged,
    /// a segment stepped): the picker's index still matches the session, so the revision
    /// this change gets need not rebuild it on the hot path of logging.
    fn people_unchanged(&mut self) {
        self.stamp = Stamp::Current;
    }

    // ----- view -----

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let main = row![
            self.speakers_list(session),
            self.center(session),
            self.timer(session),
        ]
        .spacing(style::gap::XL)
        .height(iced::Length::FillPortion(2));
        let bottom: Element<'a, Message> = match &self.correction {
            Some(open) => open.view(session).map(Message::Correction),
            None => self.log(session),
        };
        // A correction gets as much room as the statement; the log a third.
        let bottom_share = if self.correction.is_some() { 2 } else { 1 };
        column![
            main,
            container(bottom).height(iced::Length::FillPortion(bottom_share))
        ]
        .spacing(style::gap::XL)
        .into()
    }
}

/// The statement box as a draft: speaker, group, clock and text.
fn draft_of(
    picked: &Option<Picked>,
    started_at: Option<DateTime<Utc>>,
    statement: &text_editor::Content,
) -> Draft {
    Draft {
        speaker: picked.as_ref().map(|p| p.speaker.clone()),
        on_behalf_of: picked.as_ref().and_then(|p| p.on_behalf_of),
        started_at,
        text: statement.text().trim_end_matches('\n').to_string(),
    }
}

/// Takes the keyboard from every text box, so a question's Enter is not a new line.
fn unfocus<T: Send + 'static>() -> Task<T> {
    iced::advanced::widget::operate(iced::advanced::widget::operation::focusable::unfocus())
}
