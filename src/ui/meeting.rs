//! Meeting screen: the data of the masthead and introduction, segments, groups and the
//! list of speakers.

use chrono::{NaiveDate, NaiveTime};
use iced::widget::{
    Column, button, column, container, pick_list, row, scrollable, text, text_editor, text_input,
};
use iced::{Element, Fill, Task};

use crate::core::meeting::{ReportKind, SegmentKind};
use crate::core::session::Session;
use crate::core::settings::NgoOrder;
use crate::core::speakers::InscriptionStatus;

use super::choices::{KindChoice, Labelled, fixed, report_kinds, selected};
use super::effect::Request;
use super::person_form::{self, PersonForm};
use super::shortcuts::Command;
use super::style;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Title,
    Body,
    SessionName,
    Mandate,
    Date,
    Start,
    End,
    Zone,
    SecondZone,
    Venue,
    Symbol,
    JobNumber,
    AgendaNumber,
    AgendaTitle,
    Participants,
    CouncilLimit,
    ObserverLimit,
    PanelLimit,
    Subtitle,
    Purpose,
    StatesCount,
    DecisionLabel,
    CouncilMembers,
}

const FIELDS: &[(Field, &str, &str)] = &[
    (Field::Name, "Session name", "shown in the window title"),
    (
        Field::Title,
        "Title of the meeting",
        "Intersessional panel discussion on …",
    ),
    (Field::Body, "Body", "Human Rights Council"),
    (
        Field::SessionName,
        "Session",
        "Forty-eighth session, or intersessional",
    ),
    (Field::Mandate, "Mandate", "resolution 44/14"),
    (Field::Date, "Date", "YYYY-MM-DD"),
    (Field::Start, "Start time", "HH:MM (meeting's zone)"),
    (Field::End, "End time", "HH:MM"),
    (Field::Zone, "Time zone", "IANA name, e.g. Europe/Zurich"),
    (
        Field::SecondZone,
        "Second zone for display",
        "e.g. America/New_York (optional)",
    ),
    (
        Field::Venue,
        "Venue or platform",
        "Palais des Nations / MS Teams",
    ),
    (Field::Symbol, "Document symbol", "A/HRC/48/xx"),
    (Field::JobNumber, "Job number", "GE.22-29477"),
    (Field::AgendaNumber, "Agenda item number", "3"),
    (Field::AgendaTitle, "Agenda item title", ""),
    (
        Field::Participants,
        "Number of participants",
        "e.g. 112 (optional)",
    ),
    (
        Field::CouncilLimit,
        "Speaking limit, Council members (s)",
        "180",
    ),
    (Field::ObserverLimit, "Speaking limit, observers (s)", "120"),
    (Field::PanelLimit, "Speaking limit, panellists (s)", "420"),
    (
        Field::Subtitle,
        "Report subtitle",
        "Summary report of the Office of ...",
    ),
    (
        Field::Purpose,
        "Purpose (introduction)",
        "in order to share best practices ...",
    ),
    (
        Field::StatesCount,
        "Figure for “representatives of N States”",
        "empty: counted",
    ),
    (
        Field::DecisionLabel,
        "Label of decisions (minutes)",
        "Decision, Commitment",
    ),
    (
        Field::CouncilMembers,
        "Council members (longer speaking limit)",
        "UN names, separated by semicolons",
    ),
];

#[derive(Debug, Clone)]
pub enum Message {
    Edit(Field, String),
    LongText(LongText, text_editor::Action),
    NgoOrder(NgoOrderChoice),
    Kind(KindChoice),
    Chair(ChairChoice),
    NewSegment(String),
    AddSegment,
    GroupName(String),
    GroupMembers(String),
    AddGroup,
    Status(u32, InscriptionStatus),
    EditPerson(u32),
    AddPerson,
    Person(person_form::Message),
    ImportSpeakers,
    Back,
}

/// The participant who chairs the meeting, or none.
pub type ChairChoice = Labelled<Option<u32>>;
pub type NgoOrderChoice = Labelled<NgoOrder>;
pub type StatusChoice = Labelled<InscriptionStatus>;

fn statuses() -> Vec<StatusChoice> {
    fixed(&InscriptionStatus::ALL, |s| s.label())
}

/// Raw text of the fields as typed, so that half-typed dates are not lost.
#[derive(Default)]
pub struct MeetingScreen {
    /// The report's Summary, written by the editor (multi-line).
    summary: text_editor::Content,
    decisions: text_editor::Content,
    conclusions: text_editor::Content,
    raw: Vec<(Field, String)>,
    errors: Vec<(Field, String)>,
    new_segment: String,
    group_name: String,
    group_members: String,
    person: Option<PersonForm>,
}

pub type Effect = super::effect::Effect<Message>;

fn value(session: &Session, field: Field) -> String {
    let m = &session.meeting;
    let opt = |v: Option<String>| v.unwrap_or_default();
    match field {
        Field::Name => session.name.clone(),
        Field::Title => m.title.clone(),
        Field::Body => m.body.clone(),
        Field::SessionName => m.session.clone(),
        Field::Mandate => m.mandate.clone(),
        Field::Date => opt(m.date.map(|d| d.to_string())),
        Field::Start => opt(m.start_time.map(|t| t.format("%H:%M").to_string())),
        Field::End => opt(m.end_time.map(|t| t.format("%H:%M").to_string())),
        Field::Zone => m.time_zone.clone(),
        Field::SecondZone => opt(m.second_time_zone.clone()),
        Field::Venue => m.venue.clone(),
        Field::Symbol => m.symbol.clone(),
        Field::JobNumber => m.job_number.clone(),
        Field::AgendaNumber => m.agenda_item_number.clone(),
        Field::AgendaTitle => m.agenda_item_title.clone(),
        Field::Participants => opt(m.participants_count.map(|n| n.to_string())),
        Field::CouncilLimit => m.limits.council_member.to_string(),
        Field::ObserverLimit => m.limits.observer.to_string(),
        Field::PanelLimit => m.limits.panel.to_string(),
        Field::Subtitle => session.report.subtitle.clone(),
        Field::Purpose => session.report.purpose.clone(),
        Field::DecisionLabel => session.report.decision_label.clone(),
        Field::CouncilMembers => m
            .council_members
            .iter()
            .map(|id| {
                session
                    .delegation(id)
                    .map(|d| d.name.clone())
                    .unwrap_or_else(|| id.clone())
            })
            .collect::<Vec<_>>()
            .join("; "),
        Field::StatesCount => opt(session.report.states_count.map(|n| n.to_string())),
    }
}

/// Applies a typed value; Err names what is wrong (the raw text is kept on screen).
fn apply(session: &mut Session, field: Field, raw: &str) -> Result<(), String> {
    let v = crate::core::text::clean_line(raw);
    let m = &mut session.meeting;
    let number = |v: &str| v.parse::<u32>().map_err(|_| "a whole number".to_string());
    match field {
        Field::Name => session.name = v,
        Field::Title => m.title = v,
        Field::Body => m.body = v,
        Field::SessionName => m.session = v,
        Field::Mandate => m.mandate = v,
        Field::Date if v.is_empty() => m.date = None,
        Field::Date => {
            m.date = Some(
                NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| "a date as YYYY-MM-DD".to_string())?,
            )
        }
        Field::Start | Field::End => {
            let t = if v.is_empty() {
                None
            } else {
                Some(
                    NaiveTime::parse_from_str(&v, "%H:%M")
                        .map_err(|_| "a time as HH:MM".to_string())?,
                )
            };
            if field == Field::Start {
                m.start_time = t
            } else {
                m.end_time = t
            }
        }
        Field::Zone => {
            v.parse::<chrono_tz::Tz>()
                .map_err(|_| "an IANA zone such as Europe/Zurich".to_string())?;
            m.time_zone = v;
        }
        Field::SecondZone if v.is_empty() => m.second_time_zone = None,
        Field::SecondZone => {
            v.parse::<chrono_tz::Tz>()
                .map_err(|_| "an IANA zone such as America/New_York".to_string())?;
            m.second_time_zone = Some(v);
        }
        Field::Venue => m.venue = v,
        Field::Symbol => m.symbol = v,
        Field::JobNumber => m.job_number = v,
        Field::AgendaNumber => m.agenda_item_number = v,
        Field::AgendaTitle => m.agenda_item_title = v,
        Field::Participants if v.is_empty() => m.participants_count = None,
        Field::Participants => m.participants_count = Some(number(&v)?),
        Field::CouncilLimit => m.limits.council_member = number(&v)?,
        Field::ObserverLimit => m.limits.observer = number(&v)?,
        Field::PanelLimit => m.limits.panel = number(&v)?,
        Field::Subtitle => session.report.subtitle = v,
        Field::Purpose => session.report.purpose = v,
        Field::DecisionLabel => session.report.decision_label = v,
        Field::CouncilMembers => {
            let mut ids = Vec::new();
            let mut unknown = Vec::new();
            for name in v.split(';').map(str::trim).filter(|n| !n.is_empty()) {
                let known = session
                    .delegations
                    .iter()
                    .find(|d| d.is_named(name))
                    .cloned();
                match known.or_else(|| crate::core::delegation::find_builtin(name).cloned()) {
                    Some(d) if d.kind.is_state() => ids.push(session.ensure_delegation(&d)),
                    _ => unknown.push(name.to_string()),
                }
            }
            if !unknown.is_empty() {
                return Err(format!(
                    "UN names of States; not known: {}",
                    unknown.join(", ")
                ));
            }
            session.meeting.council_members = ids;
        }
        Field::StatesCount if v.is_empty() => session.report.states_count = None,
        Field::StatesCount => session.report.states_count = Some(number(&v)?),
    }
    Ok(())
}

/// The multi-line texts of the report kept on this screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongText {
    Summary,
    Decisions,
    Conclusions,
}

fn long_text(content: &text_editor::Content, which: LongText, height: u32) -> Element<'_, Message> {
    text_editor(content)
        .on_action(move |action| Message::LongText(which, action))
        .height(height as f32)
        .padding(style::gap::S)
        .into()
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
                    ReportKind::Minutes => SegmentKind::AgendaItem,
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

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let mut form = Column::new().spacing(style::gap::XS);
        for &(field, label, hint) in FIELDS {
            let shown = self
                .raw
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| value(session, field));
            let mut line = row![
                text(label).size(style::size::BODY).width(260),
                text_input(hint, &shown)
                    .on_input(move |v| Message::Edit(field, v))
                    .padding(style::gap::XS)
                    .size(style::size::BODY),
            ]
            .spacing(style::gap::M)
            .align_y(iced::Center);
            if let Some((_, e)) = self.errors.iter().find(|(f, _)| *f == field) {
                line = line.push(text(e).size(style::size::HINT).color(style::ALERT));
            }
            form = form.push(line);
        }
        let kinds = report_kinds();
        let kind = selected(&kinds, &session.meeting.report_kind);
        let chairs: Vec<ChairChoice> = std::iter::once(Labelled::new(None, "(none)"))
            .chain(
                session
                    .participants
                    .iter()
                    .map(|p| Labelled::new(Some(p.id), p.display_name())),
            )
            .collect();
        let chair = selected(&chairs, &session.meeting.chair);
        form = form
            .push(
                row![
                    text("Report kind").size(style::size::BODY).width(260),
                    pick_list(kinds, kind, Message::Kind)
                ]
                .spacing(style::gap::M),
            )
            .push(
                row![
                    text("Chair").size(style::size::BODY).width(260),
                    pick_list(chairs, chair, Message::Chair)
                ]
                .spacing(style::gap::M),
            );
        let orders = fixed(&[NgoOrder::Speaking, NgoOrder::Alphabetical], |o| match o {
            NgoOrder::Speaking => "NGOs in speaking order",
            NgoOrder::Alphabetical => "NGOs in alphabetical order",
        });
        let order = selected(&orders, &session.report.ngo_order);
        form = form
            .push(
                row![
                    text("NGO list").size(style::size::BODY).width(260),
                    pick_list(orders, order, Message::NgoOrder)
                ]
                .spacing(style::gap::M),
            )
            .push(
                text("Summary of the report (paragraphs separated by a blank line)")
                    .size(style::size::BODY),
            )
            .push(long_text(&self.summary, LongText::Summary, 140))
            .push(text("Minutes: decisions or commitments, one per line").size(style::size::BODY))
            .push(long_text(&self.decisions, LongText::Decisions, 90))
            .push(text("Minutes: conclusions and next steps, one per line").size(style::size::BODY))
            .push(long_text(&self.conclusions, LongText::Conclusions, 90));
        if let Some(times) = session.meeting.time_range_text() {
            form = form.push(
                text(format!(
                    "Shown as: {} {}",
                    session.meeting.date_text().unwrap_or_default(),
                    times
                ))
                .size(style::size::LABEL)
                .color(style::MUTED),
            );
        }

        let mut segments = Column::new().spacing(style::gap::XXS).push(
            text("SEGMENTS / AGENDA ITEMS")
                .size(style::size::LABEL)
                .color(style::MUTED),
        );
        for s in &session.segments {
            segments =
                segments.push(text(format!("{}. {}", s.id, s.title)).size(style::size::BODY));
        }
        segments = segments.push(
            row![
                text_input("New segment or agenda item", &self.new_segment)
                    .on_input(Message::NewSegment)
                    .on_submit(Message::AddSegment)
                    .padding(style::gap::XS),
                button(text("Add")).on_press(Message::AddSegment),
            ]
            .spacing(style::gap::S),
        );

        let mut groups = Column::new().spacing(style::gap::XXS).push(
            text("GROUPS (“on behalf of”)")
                .size(style::size::LABEL)
                .color(style::MUTED),
        );
        for g in &session.groups {
            groups =
                groups.push(text(format!("{} — {}", g.name, g.members)).size(style::size::LABEL));
        }
        groups = groups.push(
            column![
                text_input("Group name", &self.group_name)
                    .on_input(Message::GroupName)
                    .padding(style::gap::XS),
                text_input("Membership (becomes the footnote)", &self.group_members)
                    .on_input(Message::GroupMembers)
                    .on_submit(Message::AddGroup)
                    .padding(style::gap::XS),
                button(text("Add group")).on_press(Message::AddGroup),
            ]
            .spacing(style::gap::XS),
        );

        let mut speakers = Column::new().spacing(style::gap::XXS).push(
            row![
                text(format!("LIST OF SPEAKERS ({})", session.inscriptions.len()))
                    .size(style::size::LABEL)
                    .color(style::MUTED),
                button(text("Import CSV…").size(style::size::LABEL))
                    .style(button::secondary)
                    .on_press(Message::ImportSpeakers),
            ]
            .spacing(style::gap::M)
            .align_y(iced::Center),
        );
        for i in &session.inscriptions {
            let id = i.id;
            speakers = speakers.push(
                row![
                    text(session.speaker_label(&i.speaker))
                        .size(style::size::LABEL)
                        .width(Fill),
                    pick_list(statuses(), selected(&statuses(), &i.status), move |s| {
                        Message::Status(id, s.value)
                    })
                    .text_size(style::size::HINT),
                ]
                .spacing(style::gap::S)
                .align_y(iced::Center),
            );
        }

        let mut people = Column::new().spacing(style::gap::XXS).push(
            row![
                text(format!("PARTICIPANTS ({})", session.participants.len()))
                    .size(style::size::LABEL)
                    .color(style::MUTED),
                button(text("Add…").size(style::size::LABEL))
                    .style(button::secondary)
                    .on_press(Message::AddPerson),
            ]
            .spacing(style::gap::M)
            .align_y(iced::Center),
        );
        if let Some(form) = &self.person {
            people = people.push(
                container(form.view(true).map(Message::Person))
                    .padding(style::gap::M)
                    .style(style::panel),
            );
        }
        for p in &session.participants {
            let delegation = p
                .delegation
                .as_deref()
                .and_then(|d| session.delegation(d))
                .map(|d| d.name.as_str())
                .unwrap_or("");
            people = people.push(
                button(
                    column![
                        row![
                            text(p.display_name()).size(style::size::BODY),
                            text(p.role.label())
                                .size(style::size::HINT)
                                .color(style::ACCENT)
                        ]
                        .spacing(style::gap::M),
                        text(if delegation.is_empty() {
                            p.title.clone()
                        } else {
                            format!("{} ({delegation})", p.title)
                        })
                        .size(style::size::HINT)
                        .color(style::MUTED),
                    ]
                    .spacing(style::gap::XXS),
                )
                .width(Fill)
                .padding([2, 4])
                .style(style::plain_row)
                .on_press(Message::EditPerson(p.id)),
            );
        }

        let left = column![
            text("MEETING").size(style::size::LABEL).color(style::MUTED),
            form
        ]
        .spacing(style::gap::XXL)
        .width(iced::Length::FillPortion(5));
        let middle = column![people].width(iced::Length::FillPortion(4));
        let right = column![speakers, segments, groups]
            .spacing(style::gap::XXL)
            .width(iced::Length::FillPortion(3));
        column![
            row![
                button(text("← Back to capture (Ctrl+1)"))
                    .style(button::secondary)
                    .on_press(Message::Back)
            ],
            scrollable(
                row![left, middle, right]
                    .spacing(style::gap::XXL)
                    .padding(style::gap::XS)
            )
            .height(Fill),
        ]
        .spacing(style::gap::M)
        .into()
    }
}
