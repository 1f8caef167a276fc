//! The questions the capture screen asks before something that is rarely meant:
//! logging a statement with nothing typed, picking the next speaker while the box still
//! holds text not logged for the current one, and logging in another device's turn. Answered from the keyboard (the
//! keys are on the buttons) or with the mouse.

use iced::keyboard::{Key, Modifiers, key::Named};
use iced::widget::{button, column, container, row, text};
use iced::{Element, Fill};

use crate::core::session::Session;

use super::super::style;
use super::{Capture, Message, Picked};

#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Ctrl+Enter with nothing typed.
    Empty,
    /// This speaker was picked while the box holds text not yet logged.
    Switch(Picked),
    /// Ctrl+Enter during this device's turn (a team session's relay).
    NotYourTurn(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Log the empty statement: "took the floor".
    LogAnyway,
    /// Nothing happens; back to the statement box, text and speaker as they were.
    Back,
    /// Log the text for the current speaker, then pick the new one.
    LogFirst,
    /// The text was the new speaker's: it goes with them, timer kept.
    MoveText,
    /// Drop the text (Ctrl+Z brings it back) and pick the new speaker.
    Discard,
}

impl Question {
    /// The answer a key gives, if it is one of this question's keys. Plain keys only: a
    /// second Ctrl+Enter never answers for the note-taker.
    pub fn answer_for(&self, key: &Key, modifiers: Modifiers) -> Option<Answer> {
        if modifiers.command() || modifiers.alt() {
            return None;
        }
        let named = |n: Named| matches!(key, Key::Named(k) if *k == n);
        let letter = |c: &str| matches!(key, Key::Character(k) if k.eq_ignore_ascii_case(c));
        if named(Named::Escape) {
            return Some(Answer::Back);
        }
        match self {
            Question::Empty | Question::NotYourTurn(_) => {
                named(Named::Enter).then_some(Answer::LogAnyway)
            }
            Question::Switch(_) => {
                if named(Named::Enter) {
                    Some(Answer::LogFirst)
                } else if letter("m") {
                    Some(Answer::MoveText)
                } else if letter("d") || named(Named::Delete) {
                    Some(Answer::Discard)
                } else {
                    None
                }
            }
        }
    }
}

impl Capture {
    pub(super) fn question_view<'a>(
        &'a self,
        question: &'a Question,
        session: &'a Session,
    ) -> Element<'a, Message> {
        let current = self
            .picked
            .as_ref()
            .map(|p| session.speaker_label(&p.speaker))
            .unwrap_or_else(|| "the speaker".into());
        let choice = |label: String, answer: Answer| {
            button(text(label).size(style::size::BODY))
                .padding([style::gap::XS, style::gap::M])
                .style(if matches!(answer, Answer::LogAnyway | Answer::LogFirst) {
                    button::primary
                } else {
                    button::secondary
                })
                .on_press(Message::Answer(answer))
        };
        let (asked, answers) = match question {
            Question::Empty => (
                format!("Nothing is typed for {current}. Log that they took the floor?"),
                row![
                    choice("Enter: log “took the floor”".into(), Answer::LogAnyway),
                    choice("Esc: back to the statement".into(), Answer::Back),
                ],
            ),
            Question::NotYourTurn(device) => (
                format!("It is {device}'s turn – log here anyway?"),
                row![
                    choice("Enter: log here anyway".into(), Answer::LogAnyway),
                    choice("Esc: back to the statement".into(), Answer::Back),
                ],
            ),
            Question::Switch(next) => {
                let next = session.speaker_label(&next.speaker);
                (
                    format!("The box holds text not logged for {current}. Pick {next} and:"),
                    row![
                        choice(
                            format!("Enter: log it for {current} first"),
                            Answer::LogFirst
                        ),
                        choice(format!("M: move it to {next}"), Answer::MoveText),
                        choice("D: discard it".into(), Answer::Discard),
                        choice("Esc: stay with the text".into(), Answer::Back),
                    ],
                )
            }
        };
        container(
            column![
                text(asked).size(style::size::READ),
                answers.spacing(style::gap::S).wrap(),
            ]
            .spacing(style::gap::S),
        )
        .width(Fill)
        .padding(style::gap::M)
        .style(style::question)
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::intervention::Speaker;

    #[test]
    fn plain_keys_answer_and_ctrl_enter_never_does() {
        let enter = Key::Named(Named::Enter);
        let none = Modifiers::empty();
        assert_eq!(
            Question::Empty.answer_for(&enter, none),
            Some(Answer::LogAnyway)
        );
        assert_eq!(Question::Empty.answer_for(&enter, Modifiers::CTRL), None);
        assert_eq!(
            Question::Empty.answer_for(&Key::Named(Named::Escape), none),
            Some(Answer::Back)
        );
        assert_eq!(
            Question::Empty.answer_for(&Key::Character("m".into()), none),
            None
        );
        let switch = Question::Switch(Picked {
            speaker: Speaker::Delegation("peru".into()),
            on_behalf_of: None,
        });
        assert_eq!(switch.answer_for(&enter, none), Some(Answer::LogFirst));
        assert_eq!(
            switch.answer_for(&Key::Character("M".into()), none),
            Some(Answer::MoveText)
        );
        assert_eq!(
            switch.answer_for(&Key::Character("d".into()), none),
            Some(Answer::Discard)
        );
        assert_eq!(switch.answer_for(&Key::Character("x".into()), none), None);
    }
}
