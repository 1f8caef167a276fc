//! The capture screen's log: every intervention, newest first, one click from its
//! correction. Only the rows around the viewport are built (see `ui::virtual_list`), so
//! a long meeting costs the screen nothing while the note-taker types.

use std::collections::HashMap;

use crate::core::intervention::InterventionId;
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

/// A row of the log: a statement, or in a team session a relay's marker ("CD's turn").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogRow {
    /// Index into the session's interventions.
    Statement(usize),
    /// Index into the session's relay marks.
    Relay(usize),
}

/// The log's rows, newest first: the statements in the log's order, each relay marker
/// right above the statement that was last in the log when the turn changed (a marker
/// made before any statement, or after one deleted since, goes by its time).
pub fn rows(session: &Session) -> Vec<LogRow> {
    if session.relays.is_empty() {
        return (0..session.interventions.len())
            .rev()
            .map(LogRow::Statement)
            .collect();
    }
    let ids: std::collections::HashSet<u64> = session.interventions.iter().map(|i| i.id).collect();
    let mut anchored: std::collections::HashMap<u64, Vec<usize>> = Default::default();
    let mut by_time: Vec<usize> = Vec::new();
    for (m, mark) in session.relays.iter().enumerate() {
        match mark.after.filter(|id| ids.contains(id)) {
            Some(id) => anchored.entry(id).or_default().push(m),
            None => by_time.push(m),
        }
    }
    // Newest first; the same moment in the order they were made.
    let newest_first = |m: &usize| std::cmp::Reverse((session.relays.get(*m).map(|r| r.at), *m));
    by_time.sort_by_key(newest_first);
    let mut by_time = by_time.into_iter().peekable();
    let mut out = Vec::with_capacity(session.interventions.len() + session.relays.len());
    for (n, i) in session.interventions.iter().enumerate().rev() {
        if let Some(mut marks) = anchored.remove(&i.id) {
            marks.sort_by_key(newest_first);
            out.extend(marks.into_iter().map(LogRow::Relay));
        }
        while let Some(m) =
            by_time.next_if(|&m| session.relays.get(m).is_some_and(|r| r.at >= i.started_at))
        {
            out.push(LogRow::Relay(m));
        }
        out.push(LogRow::Statement(n));
    }
    out.extend(by_time.map(LogRow::Relay));
    out
}

/// The rows' sizes, keyed so that measured heights follow them: a statement by its id,
/// a marker by its key (the top bit set, apart from statements' ids in practice).
pub fn sizes<'a>(session: &'a Session, rows: &'a [LogRow]) -> impl Iterator<Item = RowSize> + 'a {
    rows.iter().map(|row| RowSize {
        key: match row {
            LogRow::Statement(n) => session.interventions.get(*n).map_or(0, |i| i.id),
            LogRow::Relay(m) => {
                let key = session.relays.get(*m).map(|r| r.key()).unwrap_or_default();
                (1 << 63)
                    | (u64::from(crc32fast::hash(key.as_bytes())) << 20)
                    | (*m as u64 & 0xF_FFFF)
            }
        },
        estimate: ROW,
    })
}

/// What the log says of statements that may be one statement logged on two devices:
/// "possibly also logged by CD at 10:33".
pub fn duplicates(session: &Session) -> HashMap<InterventionId, String> {
    let zone = session.meeting.zone();
    let mut out: HashMap<InterventionId, String> = HashMap::new();
    for (a, b) in crate::core::turns::possible_duplicates(session) {
        for (one, other) in [(a, b), (b, a)] {
            let Some(other) = session.intervention(other) else {
                continue;
            };
            let said = format!(
                "{} at {}",
                other.provenance.logged_by,
                other.started_at.with_timezone(&zone).format("%H:%M")
            );
            out.entry(one)
                .and_modify(|s| {
                    s.push_str(", ");
                    s.push_str(&said);
                })
                .or_insert_with(|| format!("⚠ possibly also logged by {said} — "));
        }
    }
    out
}

pub fn new_list() -> VirtualList {
    VirtualList::new(LOG)
}

impl Capture {
    pub(super) fn log<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let zone = session.meeting.zone();
        let count = session.interventions.len();
        let rows = &self.log_rows;
        let list = self.log.view(
            move |i| {
                let at = |t: chrono::DateTime<chrono::Utc>| {
                    t.with_timezone(&zone).format("%H:%M").to_string()
                };
                let intervention = match rows.get(i) {
                    Some(LogRow::Statement(n)) => session.interventions.get(*n),
                    Some(LogRow::Relay(m)) => {
                        return match session.relays.get(*m) {
                            Some(mark) => relay_row(at(mark.at), mark.describe()),
                            None => space().into(),
                        };
                    }
                    None => None,
                };
                let Some(intervention) = intervention else {
                    return space().into();
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
                let mut marks = if who.conflict.is_empty() {
                    String::new()
                } else {
                    format!("⚠ changed at once on {} — ", who.conflict.join(" and "))
                };
                if let Some(twice) = self.duplicates.get(&intervention.id) {
                    marks.push_str(twice);
                }
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

/// A relay's marker: a line across the log, not a statement (nothing to correct).
fn relay_row<'a>(time: String, what: String) -> Element<'a, Message> {
    row![
        text(time)
            .size(style::size::LABEL)
            .color(style::MUTED)
            .width(44),
        text(format!("──── {what} ────"))
            .size(style::size::LABEL)
            .color(style::ACCENT),
    ]
    .spacing(style::gap::M)
    .padding([3, 6])
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;
    use crate::core::relay::RelayMark;

    #[test]
    fn a_marker_sits_above_the_statements_logged_before_it() {
        let mut s = demo_session();
        let times: Vec<_> = s.interventions.iter().map(|i| i.started_at).collect();
        let (Some(first), Some(third)) = (times.first().copied(), times.get(2).copied()) else {
            panic!("the demo has statements");
        };
        let mark = |at, device: &str| RelayMark {
            device: device.into(),
            at,
            took: true,
            from: None,
            after: None,
        };
        // One at the third statement's start, one before everything.
        s.relays = vec![
            mark(third, "CD"),
            mark(first - chrono::Duration::minutes(1), "AB"),
        ];
        let rows = rows(&s);
        let n = s.interventions.len();
        assert_eq!(rows.len(), n + 2);
        assert_eq!(
            rows.last(),
            Some(&LogRow::Relay(1)),
            "the oldest at the bottom"
        );
        let at = rows.iter().position(|r| *r == LogRow::Relay(0));
        let third_row = rows.iter().position(|r| *r == LogRow::Statement(2));
        assert_eq!(
            at.map(|a| a + 1),
            third_row,
            "right above the third statement"
        );
        let keys: std::collections::HashSet<u64> = sizes(&s, &rows).map(|r| r.key).collect();
        assert_eq!(keys.len(), rows.len(), "every row its own key");

        // A marker made when the second statement was the last: right above it,
        // whatever the times say.
        let second = s.interventions.get(1).map(|i| i.id);
        s.relays.push(RelayMark {
            after: second,
            ..mark(first - chrono::Duration::hours(1), "EF")
        });
        let again = super::rows(&s);
        let at = again.iter().position(|r| *r == LogRow::Relay(2));
        let second_row = again.iter().position(|r| *r == LogRow::Statement(1));
        assert_eq!(at.map(|a| a + 1), second_row);
    }
}
