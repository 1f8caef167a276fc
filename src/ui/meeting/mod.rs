//! Meeting screen: the data of the masthead and introduction, segments, groups and the
//! list of speakers. `mod.rs` holds the state and what each change does; `fields.rs` the
//! one-line fields; `view.rs` the screen as drawn.

mod fields;
mod view;

pub use fields::Field;

use iced::Task;
use iced::widget::text_editor;

use crate::core::meeting::{ReportKind, SegmentKind};
use crate::core::session::Session;
use crate::core::settings::{FirstMention, NgoOrder};
use crate::core::speakers::InscriptionStatus;

use super::choices::{KindChoice, Labelled};
use super::effect::Request;
use super::person_form::{self, PersonForm};
use super::shortcuts::Command;
use fields::apply;

#[derive(Debug, Clone)]
pub enum Message {
    Edit(Field, String),
    LongText(LongText, text_editor::Action),
    NgoOrder(NgoOrderChoice),
    FirstMention(FirstMentionChoice),
    Reintroduce(bool),
    Kind(KindChoice),
    Chair(ChairChoice),
    NewSegment(String),
    AddSegment,
    GroupName(String),
    GroupMembers(String),
    AddGroup,
    /// A segment's title, a group's name or membership, edited in place.
    ListEdit(ListField, String),
    MoveSegment(u32, i32),
    /// Minutes: a person presents the agenda item (its heading names them).
    AddPresenter(u32, ChairChoice),
    RemovePresenter(u32, u32),
    RemoveSegment(u32),
    RemoveGroup(u32),
    Status(u32, InscriptionStatus),
    EditPerson(u32),
    AddPerson,
    Person(person_form::Message),
    ImportSpeakers,
    Back,
}

/// A field of the segments' and groups' lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListField {
    Segment(u32),
    GroupName(u32),
    GroupMembers(u32),
}

/// The participant who chairs the meeting, or none.
pub type ChairChoice = Labelled<Option<u32>>;
pub type NgoOrderChoice = Labelled<NgoOrder>;
pub type FirstMentionChoice = Labelled<FirstMention>;
pub type StatusChoice = Labelled<InscriptionStatus>;

/// Raw text of the fields as typed, so that half-typed dates are not lost.
#[derive(Default)]
pub struct MeetingScreen {
    /// The report's Summary, written by the editor (multi-line).
    summary: text_editor::Content,
    decisions: text_editor::Content,
    conclusions: text_editor::Content,
    raw: Vec<(Field, String)>,
    errors: Vec<(Field, String)>,
    /// The same for the segments' and groups' fields.
    list_raw: Vec<(ListField, String)>,
    list_errors: Vec<(ListField, String)>,
    new_segment: String,
    group_name: String,
    group_members: String,
    person: Option<PersonForm>,
}

pub type Effect = super::effect::Effect<Message>;

/// The multi-line texts of the report kept on this screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongText {
    Summary,
    Decisions,
    Conclusions,
}

impl MeetingScreen {
    pub fn new(session: &Session) -> Self {
        MeetingScreen {
            summary: text_editor::Content::with_text(&session.report.summary),
            decisions: text_editor::Content::with_text(&session.report.decisions),
            conclusions: text_editor::Content::with_text(&session.report.conclusions),
            ..MeetingScreen::default()
        }
    }

    /// The session changed elsewhere (another device of a team session): a field shows
    /// what was typed here only while that is still what the session holds, or while it
    /// could not be applied yet; the long texts follow the session.
    pub fn merged(&mut self, session: &Session) {
        let errors = &self.errors;
        self.raw.retain(|(field, raw)| {
            if errors.iter().any(|(f, _)| f == field) {
                return true;
            }
            let mut typed = session.clone();
            apply(&mut typed, *field, raw).is_ok()
                && fields::value(&typed, *field) == fields::value(session, *field)
        });
        for (content, stored) in [
            (&mut self.summary, &session.report.summary),
            (&mut self.decisions, &session.report.decisions),
            (&mut self.conclusions, &session.report.conclusions),
        ] {
            if crate::core::text::clean(&content.text()) != *stored {
                *content = text_editor::Content::with_text(stored);
            }
        }
    }

    pub fn update(&mut self, message: Message, session: &mut Session) -> Effect {
        match message {
            Message::Edit(field, raw) => {
                self.errors.retain(|(f, _)| *f != field);
                if let Err(e) = apply(session, field, &raw) {
                    self.errors
                        .push((field, format!("Expected {e}; not applied yet.")));
                }
                self.raw.retain(|(f, _)| *f != field);
                self.raw.push((field, raw));
                Effect::touched()
            }
            Message::LongText(which, action) => {
                let edit = action.is_edit();
                let (content, target) = match which {
                    LongText::Summary => (&mut self.summary, &mut session.report.summary),
                    LongText::Decisions => (&mut self.decisions, &mut session.report.decisions),
                    LongText::Conclusions => {
                        (&mut self.conclusions, &mut session.report.conclusions)
                    }
                };
                content.perform(action);
                if !edit {
                    return Effect::none();
                }
                *target = crate::core::text::clean(&content.text());
                Effect::touched()
            }
            Message::NgoOrder(Labelled { value: order, .. }) => {
                session.report.ngo_order = order;
                Effect::changed(Task::none())
            }
            Message::FirstMention(Labelled { value, .. }) => {
                session.report.first_mention = value;
                Effect::changed(Task::none())
            }
            Message::Reintroduce(value) => {
                session.report.reintroduce = value;
                Effect::changed(Task::none())
            }
            Message::Kind(Labelled { value: kind, .. }) => {
                session.meeting.report_kind = kind;
                Effect::changed(Task::none())
            }
            Message::Chair(Labelled { value: id, .. }) => {
                session.meeting.chair = id;
                Effect::changed(Task::none())
            }
            Message::NewSegment(v) => {
                self.new_segment = v;
                Effect::none()
            }
            Message::AddSegment => {
                let title = crate::core::text::clean_line(&self.new_segment);
                if title.is_empty() {
                    return Effect::none();
                }
                let kind = match session.meeting.report_kind {
                    ReportKind::Minutes | ReportKind::SummaryRecord => SegmentKind::AgendaItem,
                    ReportKind::PanelSummary => SegmentKind::Custom,
                };
                session.add_segment(&title, kind);
                self.new_segment.clear();
                Effect::changed(Task::none())
            }
            Message::GroupName(v) => {
                self.group_name = v;
                Effect::none()
            }
            Message::GroupMembers(v) => {
                self.group_members = v;
                Effect::none()
            }
            Message::AddGroup => {
                if self.group_name.trim().is_empty() {
                    return Effect::none();
                }
                session.ensure_group(&self.group_name, &self.group_members);
                self.group_name.clear();
                self.group_members.clear();
                Effect::changed(Task::none())
            }
            Message::ListEdit(field, raw) => {
                let applied = match field {
                    ListField::Segment(id) => session.rename_segment(id, &raw),
                    ListField::GroupName(id) => {
                        let members = session.group(id).map(|g| g.members.clone());
                        session.edit_group(id, &raw, &members.unwrap_or_default())
                    }
                    ListField::GroupMembers(id) => {
                        let name = session.group(id).map(|g| g.name.clone());
                        session.edit_group(id, &name.unwrap_or_default(), &raw)
                    }
                };
                self.list_errors.retain(|(f, _)| *f != field);
                self.list_raw.retain(|(f, _)| *f != field);
                match applied {
                    Ok(()) => Effect::touched(),
                    Err(message) => {
                        // Kept as typed, with the reason under it, until it can be applied.
                        self.list_errors.push((field, message));
                        self.list_raw.push((field, raw));
                        Effect::none()
                    }
                }
            }
            Message::AddPresenter(segment, Labelled { value, .. }) => {
                match (value, session.segments.iter_mut().find(|s| s.id == segment)) {
                    (Some(person), Some(s)) if !s.presenters.contains(&person) => {
                        s.presenters.push(person);
                        Effect::changed(Task::none())
                    }
                    _ => Effect::none(),
                }
            }
            Message::RemovePresenter(segment, person) => {
                match session.segments.iter_mut().find(|s| s.id == segment) {
                    Some(s) => {
                        s.presenters.retain(|p| *p != person);
                        Effect::changed(Task::none())
                    }
                    None => Effect::none(),
                }
            }
            Message::MoveSegment(id, step) => {
                session.move_segment(id, step);
                Effect::changed(Task::none())
            }
            Message::RemoveSegment(id) => match session.remove_segment(id) {
                Ok(()) => Effect::changed(Task::none()),
                Err(message) => Effect::error(message),
            },
            Message::RemoveGroup(id) => match session.remove_group(id) {
                Ok(()) => Effect::changed(Task::none()),
                Err(message) => Effect::error(message),
            },
            Message::Status(id, status) => {
                if let Some(i) = session.inscriptions.iter_mut().find(|i| i.id == id) {
                    i.status = status;
                }
                Effect::changed(Task::none())
            }
            Message::EditPerson(id) => {
                self.person = session
                    .participant(id)
                    .map(|p| PersonForm::edit(p, session));
                Effect::none()
            }
            Message::AddPerson => {
                self.person = Some(PersonForm::new(""));
                Effect::none()
            }
            Message::Person(message) => {
                let Some(form) = &mut self.person else {
                    return Effect::none();
                };
                let effect = form.update(message, session).map(Message::Person);
                if effect.closes() {
                    self.person = None;
                    return Effect {
                        request: None,
                        ..effect
                    };
                }
                effect
            }
            Message::ImportSpeakers => Effect::request(Request::ImportSpeakers),
            Message::Back => Effect::request(Request::Command(Command::ShowCapture)),
        }
    }
}
