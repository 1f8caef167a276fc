//! The middle and right of the capture screen: the segment, the speaker picker, the
//! statement box, and the speaking-time clock.

use iced::widget::{column, container, pick_list, row, text, text_editor as editor};
use iced::{Element, Fill, Font};

use crate::core::session::Session;

use super::super::choices::{group_choice, group_choices, segment_choice, segment_choices};
use super::super::shortcuts::Command;
use super::super::{style, widget};
use super::{Capture, Message, PICKER, STATEMENT};

impl Capture {
    pub(super) fn center<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let speaking: Element<'a, Message> = match &self.picked {
            Some(picked) => {
                let mut line = row![
                    text("Speaking:")
                        .size(style::size::BODY)
                        .color(style::MUTED),
                    // Fill: a long title wraps instead of squeezing the group list.
                    text(session.speaker_label(&picked.speaker))
                        .size(style::size::HEADING)
                        .width(Fill)
                        .font(Font {
                            weight: iced::font::Weight::Bold,
                            ..Font::DEFAULT
                        }),
                ]
                .spacing(style::gap::M)
                .align_y(iced::Center);
                if !session.groups.is_empty() {
                    line = line.push(
                        pick_list(
                            group_choices(session),
                            group_choice(session, picked.on_behalf_of),
                            Message::Behalf,
                        )
                        .text_size(style::size::LABEL)
                        .width(340),
                    );
                }
                line.into()
            }
            None => text("No speaker picked: Ctrl+L, type, Enter. Ctrl+B: on behalf of.")
                .size(style::size::BODY)
                .color(style::MUTED)
                .into(),
        };
        let chooser: Element<'a, Message> = match (&self.behalf, &self.new_person) {
            (Some(filter), _) => self.behalf_view(filter, session),
            (None, Some(form)) => form.view(false).map(Message::NewPerson),
            (None, None) => self.picker.view(
                self.picked.is_some(),
                PICKER,
                session,
                Message::PickerInput,
                Message::PickerSubmit,
                Message::Choose,
            ),
        };
        let statement = editor(&self.statement)
            .id(STATEMENT)
            .placeholder("What the speaker said…")
            .on_action(Message::Statement)
            // Ctrl+Enter here logs this statement, even with a correction open below.
            .key_binding(widget::typing_keys(|command| match command {
                Command::Commit => Message::Commit,
                other => Message::Shortcut(other),
            }))
            // What is left once the picker and the speaker are shown: at 1366x768, at
            // least five lines with the picker's list open.
            .height(Fill)
            .size(style::size::INPUT)
            .padding(style::gap::M);
        let segment = row![
            text("Segment").size(style::size::LABEL).color(style::MUTED),
            pick_list(
                segment_choices(session),
                segment_choice(session, session.current_segment),
                Message::Segment
            )
            .text_size(style::size::BODY),
            text("Ctrl+PageUp / Ctrl+PageDown")
                .size(style::size::HINT)
                .color(style::MUTED),
        ]
        .spacing(style::gap::M)
        .align_y(iced::Center);
        column![
            segment,
            chooser,
            speaking,
            widget::clipped(statement).height(Fill),
            match &self.question {
                Some(question) => self.question_view(question, session),
                None =>
                    text("Ctrl+Enter log  ·  Ctrl+Z undo  ·  Ctrl+L speaker  ·  F1 all shortcuts")
                        .size(style::size::HINT)
                        .color(style::MUTED)
                        .into(),
            },
        ]
        .spacing(style::gap::S)
        .width(Fill)
        .into()
    }

    pub(super) fn timer<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let (elapsed, limit) = match (&self.picked, self.started_at) {
            (Some(picked), Some(start)) => (
                (self.now - start).num_seconds().max(0) as u32,
                Some(session.speaking_limit(&picked.speaker)),
            ),
            _ => (0, None),
        };
        let over = limit.is_some_and(|l| elapsed > l);
        let clock = |s: u32| format!("{:02}:{:02}", s / 60, s % 60);
        let content = column![
            text("TIMER").size(style::size::LABEL),
            text(clock(elapsed)).size(style::size::CLOCK),
            text(match limit {
                Some(l) => format!("of {}:{:02}", l / 60, l % 60),
                None => "no speaker".into(),
            })
            .size(style::size::READ),
            text(if over { "OVER TIME" } else { "" }).size(style::size::BODY),
        ]
        .spacing(style::gap::XS)
        .align_x(iced::Center);
        container(content)
            .width(170)
            .padding(style::gap::XL)
            .style(style::timer(over))
            .into()
    }
}
