//! The capture screen's log: every intervention, newest first, one click from its
//! correction. Only the rows around the viewport are built (see `ui::virtual_list`), so
//! a long meeting costs the screen nothing while the note-taker types.

use iced::widget::{button, row, space, text};

use crate::core::proceedings::EntryKind;
use iced::{Element, Fill};

use crate::core::session::Session;

use super::super::style;
use super::super::virtual_list::{RowSize, VirtualList};
use super::{Capture, Message, listed};

pub const LOG: &str = "log";

/// A log row's height before it is measured: one line of 14-pixel text with its padding.
const ROW: f32 = style::size::BODY * 1.3 + 2.0 * 3.0;

/// The log's rows, newest first, keyed by intervention so measured heights follow them.
pub fn rows(session: &Session) -> impl Iterator<Item = RowSize> + '_ {
    session.interventions.iter().rev().map(|i| RowSize {
        key: i.id,
        estimate: ROW,
    })
}

pub fn new_list() -> VirtualList {
    VirtualList::new(LOG)
}

impl Capture {
    pub(super) fn log<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let zone = session.meeting.zone();
        let count = session.interventions.len();
        let list = self.log.view(
            move |i| {
                let Some(intervention) = count
                    .checked_sub(i + 1)
                    .and_then(|n| session.interventions.get(n))
                else {
                    return space().into();
                };
                let at = |t: chrono::DateTime<chrono::Utc>| {
                    t.with_timezone(&zone).format("%H:%M").to_string()
                };
                let time = at(intervention.started_at);
                let segment = session
                    .segment(intervention.segment)
                    .map(|s| s.title.as_str())
                    .unwrap_or("?");
                let mut preview: String = intervention.text.chars().take(140).collect();
                if preview.len() < intervention.text.len() {
                    preview.push('…');
                }
                // Steps of the proceedings say what they are.
                preview = match intervention.kind {
                    EntryKind::Statement => preview,
                    EntryKind::Suspension if intervention.ended_at > intervention.started_at => {
                        format!(
                            "SUSPENDED {} – resumed {}",
                            at(intervention.started_at),
                            at(intervention.ended_at)
                        )
                    }
                    EntryKind::Suspension => "SUSPENDED (Ctrl+P when it resumes)".into(),
                    EntryKind::ChairTaken => "TOOK THE CHAIR".into(),
                    kind => format!(
                        "{}: {preview}",
                        kind.tag().unwrap_or_default().to_uppercase()
                    ),
                };
                // A team session: who logged it, and a mark where two devices changed
                // it at once.
                let who = &intervention.provenance;
                let marks = if who.conflict.is_empty() {
                    String::new()
                } else {
                    format!("⚠ changed at once on {} — ", who.conflict.join(" and "))
                };
                preview = format!("{marks}{preview}");
                let line = row![
                    text(time)
                        .size(style::size::LABEL)
                        .color(style::MUTED)
                        .width(44),
                    text(who.logged_by.clone())
                        .size(style::size::HINT)
                        .color(style::MUTED)
                        // A column of its own in a team session, none otherwise.
                        .width(if session.device.is_some() { 28 } else { 0 }),
                    text(segment)
                        .size(style::size::HINT)
                        .color(style::ACCENT)
                        .width(130),
                    text(session.intervention_label(intervention))
                        .size(style::size::BODY)
                        .width(iced::Length::FillPortion(2)),
                    text(preview.replace('\n', " "))
                        .size(style::size::LABEL)
                        .width(iced::Length::FillPortion(5)),
                ]
                .spacing(style::gap::M);
                button(line)
                    .width(Fill)
                    .padding([3, 6])
                    .style(style::plain_row)
                    .on_press(Message::Open(intervention.id))
                    .into()
            },
            Message::Log,
        );
        let title = match &self.undone {
            Some(undone) => format!("LOG: {undone}"),
            None => format!(
                "LOG ({}, newest first, times in {}; click to correct)",
                super::super::widget::counted(count, "intervention", "interventions"),
                // The zone's name when the meeting took place (summer time or not).
                session
                    .interventions
                    .last()
                    .map_or_else(chrono::Utc::now, |i| i.started_at)
                    .with_timezone(&zone)
                    .format("%Z"),
            ),
        };
        listed(title, list, (count == 0).then_some("Nothing logged yet.")).into()
    }
}
