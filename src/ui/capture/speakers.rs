//! The list of speakers beside the picker: who is inscribed, who is next, who spoke.
//! Windowed like the log, so a long list costs nothing while the note-taker types.

use iced::widget::{button, row, space, text};
use iced::{Element, Fill};

use crate::core::session::Session;
use crate::core::speakers::InscriptionStatus;

use super::super::style;
use super::super::virtual_list::{RowSize, VirtualList};
use super::{Capture, Message, listed};

pub const SPEAKERS: &str = "speakers";

/// A row's height before it is measured: one line of 14-pixel text with its padding.
const ROW: f32 = style::size::BODY * 1.3 + 2.0 * 2.0;

pub fn rows(session: &Session) -> impl Iterator<Item = RowSize> + '_ {
    session.inscriptions.iter().map(|i| RowSize {
        key: u64::from(i.id),
        estimate: ROW,
    })
}

pub fn new_list() -> VirtualList {
    VirtualList::new(SPEAKERS)
}

impl Capture {
    pub(super) fn speakers_list<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let next = session.next_pending().map(|i| i.id);
        let list = self.speakers.view(
            move |i| {
                let Some(inscription) = session.inscriptions.get(i) else {
                    return space().into();
                };
                let is_next = Some(inscription.id) == next;
                let mark = match inscription.status {
                    _ if is_next => "›",
                    InscriptionStatus::Pending => "·",
                    InscriptionStatus::Spoke => "✓",
                    InscriptionStatus::NotDelivered => "✗",
                    InscriptionStatus::WrittenOnly => "✎",
                    InscriptionStatus::Withdrew => "–",
                };
                let mut label = session.speaker_label(&inscription.speaker);
                if inscription.on_behalf_of.is_some() {
                    label.push_str(" (group)");
                }
                let status = match inscription.status {
                    _ if is_next => "next",
                    InscriptionStatus::Pending | InscriptionStatus::Spoke => "",
                    other => other.label(),
                };
                let faded = inscription.status != InscriptionStatus::Pending;
                let line = row![
                    text(mark).width(14),
                    text(label)
                        .size(style::size::BODY)
                        .color_maybe(faded.then_some(style::MUTED)),
                    text(status).size(style::size::HINT).color(style::ACCENT),
                ]
                .spacing(style::gap::XS);
                button(line)
                    .padding([2, 4])
                    .width(Fill)
                    .style(if is_next {
                        style::selected_row
                    } else {
                        style::plain_row
                    })
                    .on_press(Message::PickInscription(inscription.id))
                    .into()
            },
            Message::Speakers,
        );
        listed(
            "LIST OF SPEAKERS".into(),
            list,
            session
                .inscriptions
                .is_empty()
                .then_some("No list of speakers yet. Import one from the Meeting screen (Ctrl+4)."),
        )
        .width(260)
        .into()
    }
}
