//! The Meeting screen as drawn: the fields, the report's settings and long texts,
//! segments, groups, participants and the list of speakers.

use iced::widget::{
    Column, button, checkbox, column, container, pick_list, row, scrollable, text, text_editor,
    text_input,
};
use iced::{Element, Fill};

use crate::core::meeting::ReportKind;
use crate::core::session::Session;
use crate::core::settings::{FirstMention, NgoOrder};
use crate::core::speakers::InscriptionStatus;

use super::super::choices::{Labelled, fixed, report_kinds, selected};
use super::super::style;
use super::fields::{FIELDS, value};
use super::{ChairChoice, ListField, LongText, MeetingScreen, Message, StatusChoice};

/// Room for the labels in front of the fields: the rest is the field's.
const LABEL: f32 = 170.0;

/// A field under its error, if it has one: the field is never replaced by its message.
fn with_error<'a>(field: Element<'a, Message>, error: Option<&'a str>) -> Element<'a, Message> {
    match error {
        Some(error) => column![
            field,
            text(error).size(style::size::HINT).color(style::ALERT)
        ]
        .spacing(style::gap::XXS)
        .into(),
        None => field,
    }
}

fn statuses() -> Vec<StatusChoice> {
    fixed(&InscriptionStatus::ALL, |s| s.label())
}

fn long_text(content: &text_editor::Content, which: LongText, height: u32) -> Element<'_, Message> {
    super::super::widget::clipped(
        text_editor(content)
            .on_action(move |action| Message::LongText(which, action))
            .height(height as f32)
            .padding(style::gap::S),
    )
    .into()
}

impl MeetingScreen {
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let form = self.form(session);
        let segments = self.segments(session);
        let groups = self.groups(session);
        let speakers = self.speakers(session);
        let people = self.people(session);
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

    /// The meeting's fields and the report's settings.
    fn form<'a>(&'a self, session: &'a Session) -> Column<'a, Message> {
        let mut form = Column::new().spacing(style::gap::XS);
        for &(field, label, hint) in FIELDS {
            let shown = self
                .raw
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| value(session, field));
            let error = self
                .errors
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, e)| e.as_str());
            let input = text_input(hint, &shown)
                .on_input(move |v| Message::Edit(field, v))
                .padding(style::gap::XS)
                .size(style::size::BODY)
                .width(Fill);
            form = form.push(
                row![
                    text(label).size(style::size::BODY).width(LABEL),
                    with_error(input.into(), error),
                ]
                .spacing(style::gap::M)
                .align_y(iced::Center),
            );
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
                    text("Report kind").size(style::size::BODY).width(LABEL),
                    pick_list(kinds, kind, Message::Kind)
                ]
                .spacing(style::gap::M),
            )
            .push(
                row![
                    text("Chair").size(style::size::BODY).width(LABEL),
                    pick_list(chairs, chair, Message::Chair)
                ]
                .spacing(style::gap::M),
            );
        let orders = fixed(&[NgoOrder::Speaking, NgoOrder::Alphabetical], |o| match o {
            NgoOrder::Speaking => "NGOs in speaking order",
            NgoOrder::Alphabetical => "NGOs in alphabetical order",
        });
        let order = selected(&orders, &session.report.ngo_order);
        let styles = fixed(
            &[FirstMention::TitleFirst, FirstMention::NameFirst],
            |f| match f {
                FirstMention::TitleFirst => "the Chair of …, A. Bouayach,",
                FirstMention::NameFirst => "Ms. A. Bouayach, Chair of …,",
            },
        );
        let first_mention = selected(&styles, &session.report.first_mention);
        form = form
            .push(
                row![
                    text("NGO list").size(style::size::BODY).width(LABEL),
                    pick_list(orders, order, Message::NgoOrder)
                ]
                .spacing(style::gap::M),
            )
            .push(
                row![
                    text("First mention").size(style::size::BODY).width(LABEL),
                    pick_list(styles, first_mention, Message::FirstMention)
                ]
                .spacing(style::gap::M),
            )
            .push(
                checkbox(session.report.reintroduce)
                    .label("Name each speaker in full again where their own statements begin in a chapter")
                    .on_toggle(Message::Reintroduce)
                    .text_size(style::size::BODY),
            )
            .push(
                text("Summary: the main themes, paragraphs separated by a blank line (the mandate sentence is drafted before them)")
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
        form
    }

    /// The segments or agenda items, each with its presenters in minutes.
    fn segments<'a>(&'a self, session: &'a Session) -> Column<'a, Message> {
        let mut segments = Column::new().spacing(style::gap::XXS).push(
            text("SEGMENTS / AGENDA ITEMS")
                .size(style::size::LABEL)
                .color(style::MUTED),
        );
        let last = session.segments.len().saturating_sub(1);
        for (n, s) in session.segments.iter().enumerate() {
            let id = s.id;
            let field = ListField::Segment(id);
            let small = |label: &'static str| {
                button(text(label).size(style::size::LABEL))
                    .padding([2, 6])
                    .style(button::secondary)
            };
            let input = text_input("Title", self.list_value(field, &s.title))
                .on_input(move |v| Message::ListEdit(field, v))
                .padding(style::gap::XXS)
                .size(style::size::BODY)
                .width(Fill);
            // Minutes name an item's presenters in its heading (the model minutes).
            let mut presenters = None;
            if session.meeting.report_kind == ReportKind::Minutes {
                let mut line = row![
                    text("Presented by")
                        .size(style::size::LABEL)
                        .color(style::MUTED)
                ]
                .spacing(style::gap::XS)
                .align_y(iced::Center)
                .padding(iced::Padding::ZERO.left(24));
                for person in &s.presenters {
                    let name = session
                        .participant(*person)
                        .map(|p| p.display_name())
                        .unwrap_or_default();
                    line = line.push(
                        button(text(format!("{name} ×")).size(style::size::LABEL))
                            .padding([2, 6])
                            .style(button::secondary)
                            .on_press(Message::RemovePresenter(id, *person)),
                    );
                }
                let others: Vec<ChairChoice> = session
                    .participants
                    .iter()
                    .filter(|p| !s.presenters.contains(&p.id))
                    .map(|p| Labelled::new(Some(p.id), p.display_name()))
                    .collect();
                line = line.push(
                    pick_list(others, None::<ChairChoice>, move |c| {
                        Message::AddPresenter(id, c)
                    })
                    .placeholder("add…")
                    .text_size(style::size::LABEL)
                    .padding([2, 6]),
                );
                // Wraps in the narrow column of a laptop screen rather than running off.
                presenters = Some(line.wrap().vertical_spacing(style::gap::XXS));
            }
            segments = segments.push(with_error(
                row![
                    text(format!("{}.", n + 1))
                        .size(style::size::BODY)
                        .width(24),
                    input,
                    small("↑").on_press_maybe((n > 0).then_some(Message::MoveSegment(id, -1))),
                    small("↓").on_press_maybe((n < last).then_some(Message::MoveSegment(id, 1))),
                    small("Remove").on_press(Message::RemoveSegment(id)),
                ]
                .spacing(style::gap::XS)
                .align_y(iced::Center)
                .into(),
                self.list_error(field),
            ));
            if let Some(line) = presenters {
                segments = segments.push(line);
            }
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
        segments
    }

    /// The groups spoken for, each with its membership (the footnote).
    fn groups<'a>(&'a self, session: &'a Session) -> Column<'a, Message> {
        let mut groups = Column::new().spacing(style::gap::XXS).push(
            text("GROUPS (“on behalf of”)")
                .size(style::size::LABEL)
                .color(style::MUTED),
        );
        for g in &session.groups {
            let (name, members) = (ListField::GroupName(g.id), ListField::GroupMembers(g.id));
            groups = groups.push(
                column![
                    with_error(
                        row![
                            text_input("Group name", self.list_value(name, &g.name))
                                .on_input(move |v| Message::ListEdit(name, v))
                                .padding(style::gap::XXS)
                                .size(style::size::LABEL)
                                .width(Fill),
                            button(text("Remove").size(style::size::LABEL))
                                .padding([2, 6])
                                .style(button::secondary)
                                .on_press(Message::RemoveGroup(g.id)),
                        ]
                        .spacing(style::gap::XS)
                        .align_y(iced::Center)
                        .into(),
                        self.list_error(name),
                    ),
                    text_input(
                        "Membership (the footnote)",
                        self.list_value(members, &g.members)
                    )
                    .on_input(move |v| Message::ListEdit(members, v))
                    .padding(style::gap::XXS)
                    .size(style::size::HINT)
                    .width(Fill),
                ]
                .spacing(style::gap::XXS),
            );
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
        groups
    }

    /// The list of speakers, each with its status.
    fn speakers<'a>(&'a self, session: &'a Session) -> Column<'a, Message> {
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
        speakers
    }

    /// The participants, each opening its form.
    fn people<'a>(&'a self, session: &'a Session) -> Column<'a, Message> {
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
        people
    }
}

impl MeetingScreen {
    /// What a list field shows: as typed if it could not be applied, else the session's.
    fn list_value<'a>(&'a self, field: ListField, stored: &'a str) -> &'a str {
        self.list_raw
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(stored, |(_, v)| v.as_str())
    }

    fn list_error(&self, field: ListField) -> Option<&str> {
        self.list_errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e.as_str())
    }
}
