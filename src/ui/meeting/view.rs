//! The Meeting screen as drawn: the fields, the report's settings and long texts,
//! segments, groups, participants and the list of speakers.

use iced::widget::{
    Column, button, column, container, pick_list, row, scrollable, text, text_editor, text_input,
};
use iced::{Element, Fill};

use crate::core::session::Session;
use crate::core::settings::NgoOrder;
use crate::core::speakers::InscriptionStatus;

use super::super::choices::{Labelled, fixed, report_kinds, selected};
use super::super::style;
use super::fields::{FIELDS, value};
use super::{ChairChoice, LongText, MeetingScreen, Message, StatusChoice};

fn statuses() -> Vec<StatusChoice> {
    fixed(&InscriptionStatus::ALL, |s| s.label())
}

fn long_text(content: &text_editor::Content, which: LongText, height: u32) -> Element<'_, Message> {
    text_editor(content)
        .on_action(move |action| Message::LongText(which, action))
        .height(height as f32)
        .padding(style::gap::S)
        .into()
}

impl MeetingScreen {
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
