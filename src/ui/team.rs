//! The window on a team session: where its local working copy lives, and what the
//! status bar and the log say of the team.

use std::path::{Path, PathBuf};

use crate::core::layout::ParagraphId;
use crate::core::session::Session;
use crate::storage::places;
use crate::storage::team::clash::FieldClash;
use crate::storage::team::worker::TeamWorker;

/// The local copy of a team session the window keeps beside the team folder (its lock,
/// the statement being typed, a plain copy): in the app's own folder, never in the
/// shared one, one per team folder and device name (a second window under the same
/// name is refused by its lock).
pub fn working_copy(folder: &Path, device: &str) -> PathBuf {
    let absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    // A checksum that never changes between builds (the standard library's hasher may),
    // so the next run finds the copy again.
    let key = (
        crc32fast::hash(absolute.as_os_str().as_encoded_bytes()),
        crc32fast::hash(device.as_bytes()),
    );
    let name: String = absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(40)
        .collect();
    places::home()
        .join("team")
        .join(format!("{name}-{:08x}{:08x}.json", key.0, key.1))
}

/// "Team: AB, with CD, EF": who this window is and who else wrote; in a relay, "Team:
/// AB · CD's turn since 10:32" instead (the status bar of a 1366-pixel screen has room
/// for one of the two beside the meeting's title).
pub fn status(team: &TeamWorker, session: &Session) -> String {
    let me = &team.device().name;
    if let Some(turn) = &session.turn {
        let since = turn
            .since
            .with_timezone(&session.meeting.zone())
            .format("%H:%M");
        return if turn.device == *me {
            format!("Team: {me} · your turn since {since}")
        } else {
            format!("Team: {me} · {}'s turn since {since}", turn.device)
        };
    }
    let mut others: Vec<String> = team
        .device_names()
        .iter()
        .filter(|n| *n != me && !n.is_empty())
        .cloned()
        .collect();
    others.sort();
    others.dedup();
    if others.is_empty() {
        format!("Team: {me}")
    } else {
        format!("Team: {me}, with {}", others.join(", "))
    }
}

/// What a merge says of the editor's paragraphs: one rewritten or moved here and on
/// another device at once (both merged), one deleted here that a move elsewhere brought
/// back. None when it says nothing.
pub fn paragraph_notice(
    session: &Session,
    changed: &[(ParagraphId, String)],
    restored: &[ParagraphId],
) -> Option<String> {
    let words = |id: ParagraphId| -> String {
        let text = session
            .layout
            .paragraph(id)
            .and_then(|p| p.text.clone())
            .or_else(|| {
                session
                    .layout
                    .paragraph(id)
                    .and_then(|p| p.sources.first().copied())
                    .and_then(|s| session.intervention(s))
                    .map(|i| i.text.clone())
            })
            .unwrap_or_default();
        let mut first: String = text
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        if first.is_empty() {
            first = "(an empty paragraph)".into();
        }
        format!("“{first}…”")
    };
    let mut lines = Vec::new();
    for (id, device) in changed {
        lines.push(format!(
            "The paragraph {} was also changed on {device} at the same time: both changes are merged; read it in the editor.",
            words(*id)
        ));
    }
    for id in restored {
        lines.push(format!(
            "The paragraph {} was deleted while another device moved it: the move won and it is back; delete it again if it should go.",
            words(*id)
        ));
    }
    (!lines.is_empty()).then(|| lines.join(" "))
}

/// What a merge that met concurrent edits says.
pub fn concurrent_notice(count: usize) -> String {
    if count == 1 {
        "A statement was changed here and on another device at the same time: both changes are kept and it is marked in the log; look at it in the correction panel (Enter).".into()
    } else {
        format!(
            "{count} statements were changed here and on another device at the same time: both changes are kept and they are marked in the log; look at each in the correction panel (Enter)."
        )
    }
}

/// Fields and records set here and on another device at once: which value was kept.
pub fn clash_notice(clashes: &[FieldClash]) -> Option<String> {
    let lines: Vec<String> = clashes
        .iter()
        .map(|c| {
            let mut what = c.what.clone();
            if let Some(first) = what.get(..1) {
                what = first.to_uppercase() + what.get(1..).unwrap_or_default();
            }
            if c.mine_kept {
                format!(
                    "{what} was also changed on {} at the same time: the value set here is kept.",
                    c.device
                )
            } else {
                format!(
                    "{what} was also changed on {} at the same time: theirs is kept, the value set here is replaced (set it again if it should stay).",
                    c.device
                )
            }
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join(" "))
}

/// Statements corrected here that another device deleted at the same time: kept.
pub fn kept_notice(kept: &[(crate::core::intervention::InterventionId, String)]) -> Option<String> {
    let mut named: Vec<&str> = kept.iter().map(|(_, d)| d.as_str()).collect();
    named.sort_unstable();
    named.dedup();
    match kept.len() {
        0 => None,
        1 => Some(format!(
            "A statement corrected here was deleted on {} at the same time: it is kept, with the correction, and marked in the log. Delete it again if it should go.",
            named.join(" and ")
        )),
        n => Some(format!(
            "{n} statements corrected here were deleted on {} at the same time: they are kept, with the corrections, and marked in the log. Delete them again if they should go.",
            named.join(" and ")
        )),
    }
}

/// The mark a statement or a paragraph changed on two devices at once carries until
/// someone looks at it: "⚠ Changed on AB and CD at the same time: " and what to do.
pub fn changed_at_once<'a, M: 'a>(devices: &[String], then: &str) -> iced::Element<'a, M> {
    iced::widget::text(format!(
        "⚠ Changed on {} at the same time: {then}",
        devices.join(" and ")
    ))
    .size(super::style::size::LABEL)
    .color(super::style::ALERT)
    .into()
}
