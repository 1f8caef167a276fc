//! Capture screen: pick who speaks, type what is said, log it with Ctrl+Enter.
//!
//! `mod.rs` holds the state and what each key and click does; `panels.rs` the picker,
//! statement box and clock, `speakers.rs` the list of speakers and `log.rs` the log.

mod log;
mod panels;
mod speakers;

pub use log::LOG;
pub use speakers::SPEAKERS;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use iced::widget::text_editor;
use iced::widget::{column, container, operation, row, text};
use iced::{Element, Task};

use crate::core::intervention::{InterventionId, Speaker};
use crate::core::picker::PickerIndex;
use crate::core::session::{NewIntervention, Session};
use crate::core::text::clean;
use crate::storage::draft::Draft;

use super::choices::{GroupChoice, SegmentChoice};
use super::correction::{self, Correction};
use super::effect::{Request, Save};
use super::person_form::{self, PersonForm};
use super::picker::{Choice, PickerState};
use super::revision::{Revision, Stamp};
use super::shortcuts::Command;
use super::virtual_list::{self, VirtualList};

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
    pub speakers: VirtualList,
    lists: Stamp,
    pub correction: Option<Correction>,
    pub new_person: Option<PersonForm>,
    pub now: DateTime<Utc>,
    /// Ctrl is held: the picker's text box takes Enter with any modifier, so Ctrl+Enter
    /// typed there must still log rather than pick someone else.
    ctrl_held: bool,
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
        capture.log.set_rows(log::rows(session));
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
        Draft {
            speaker: self.picked.as_ref().map(|p| p.speaker.clone()),
            on_behalf_of: self.picked.as_ref().and_then(|p| p.on_behalf_of),
            started_at: self.started_at,
            text: self.statement_text(),
        }
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
            self.log.set_rows(log::rows(session));
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
            Message::PickerSubmit if self.ctrl_held && self.picked.is_some() => {
                self.commit(session)
            }
            Message::PickerSubmit => self.choose(self.picker.selected, session),
            Message::Choose(i) => self.choose(i, session),
            Message::PickInscription(id) => {
                let Some(inscription) = session.inscriptions.iter().find(|i| i.id == id).cloned()
                else {
                    return Effect::none();
                };
                self.pick(Picked {
                    speaker: inscription.speaker,
                    on_behalf_of: inscription.on_behalf_of,
                });
                Effect::task(operation::focus(STATEMENT))
            }
            Message::Behalf(choice) => {
                if let Some(picked) = &mut self.picked {
                    picked.on_behalf_of = choice.value;
                    self.draft_dirty = true;
                }
                Effect::none()
            }
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
                    self.draft_dirty = true;
                    if self.started_at.is_none() {
                        self.started_at = Some(self.now);
                    }
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
                let Some(open) = &mut self.correction else {
                    return Effect::none();
                };
                let mut effect = open
                    .update(message, session, &self.index)
                    .map(Message::Correction);
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
                match form.done {
                    None => {
                        self.new_person = None;
                        Effect::task(operation::focus(PICKER))
                    }
                    Some(id) => {
                        self.new_person = None;
                        self.index = PickerIndex::build(session);
                        self.stamp = Stamp::Current;
                        self.picker.clear(session, &self.index);
                        self.pick(Picked {
                            speaker: Speaker::Participant(id),
                            on_behalf_of: None,
                        });
                        Effect::changed(operation::focus(STATEMENT))
                    }
                }
            }
        }
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
                match &mut self.correction {
                    Some(open) => open.picker.step(delta),
                    None => self.picker.step(delta),
                }
                Effect::none()
            }
            Command::Pick => match &self.correction {
                Some(_) => self.update(
                    Message::Correction(correction::Message::PickerSubmit),
                    session,
                ),
                None => self.choose(self.picker.selected, session),
            },
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

    fn pick(&mut self, picked: Picked) {
        // Changing the speaker mid-statement keeps the text; the clock restarts.
        self.picked = Some(picked);
        self.started_at = Some(self.now);
        self.draft_dirty = true;
    }

    fn choose(&mut self, index: usize, session: &mut Session) -> Effect {
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
                self.pick(Picked {
                    speaker,
                    on_behalf_of,
                });
                self.picker.clear(session, &self.index);
                let mut effect = Effect::task(operation::focus(STATEMENT));
                if session.delegations.len() != known {
                    effect.save = Save::Now;
                }
                effect
            }
            Choice::NewPerson(name) => {
                self.new_person = Some(PersonForm::new(&name));
                Effect::task(operation::focus(person_form::NAME))
            }
        }
    }

    fn commit(&mut self, session: &mut Session) -> Effect {
        let Some(picked) = self.picked.clone() else {
            return Effect {
                task: operation::focus(PICKER),
                ..Effect::notice("Pick a speaker first (Ctrl+L), then log with Ctrl+Enter.")
            };
        };
        session.commit(NewIntervention {
            speaker: picked.speaker,
            on_behalf_of: picked.on_behalf_of,
            started_at: self.started_at.unwrap_or(self.now),
            ended_at: Utc::now().max(self.started_at.unwrap_or(self.now)),
            text: self.statement_text(),
        });
        self.picked = None;
        self.started_at = None;
        self.statement = text_editor::Content::new();
        self.draft_dirty = true;
        self.picker.clear(session, &self.index);
        self.people_unchanged();
        Effect::changed(operation::focus(PICKER))
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
        .height(iced::Length::FillPortion(3));
        let bottom: Element<'a, Message> = match &self.correction {
            Some(open) => open.view(session).map(Message::Correction),
            None => self.log(session),
        };
        // A correction gets more room than the log.
        let bottom_share = if self.correction.is_some() { 3 } else { 2 };
        column![
            main,
            container(bottom).height(iced::Length::FillPortion(bottom_share))
        ]
        .spacing(style::gap::XL)
        .into()
    }
}
