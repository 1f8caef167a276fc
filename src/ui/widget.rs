//! Pieces every screen builds its views from.

use iced::widget::text_editor::{Binding, KeyPress};

use super::shortcuts::{self, Command};

/// The key binding of every multi-line text box: the shortcuts that make sense while
/// typing (Ctrl+Enter, Esc, Ctrl+Z, ...) become the screen's shortcut message; every other
/// key edits the text as usual.
pub fn typing_keys<M>(shortcut: fn(Command) -> M) -> impl Fn(KeyPress) -> Option<Binding<M>> {
    move |press| match shortcuts::command_in_text(&press.key, press.modifiers) {
        Some(command) => Some(Binding::Custom(shortcut(command))),
        None => Binding::from_key_press(press),
    }
}
