//! Pieces every screen builds its views from.

use iced::widget::text_editor::{Binding, KeyPress, Status};

use super::shortcuts::{self, Command};

/// The key binding of every multi-line text box: the shortcuts that make sense while
/// typing (Ctrl+Enter, Esc, Ctrl+Z, ...) become the screen's shortcut message; every other
/// key edits the text as usual.
///
/// Only the box with the cursor binds anything. Iced offers every key to every text box
/// on screen, so a box without the focus that took Ctrl+Enter would act for the one that
/// has it (a correction saved instead of a statement logged), and one that took a key
/// out of turn would run it before the keys still queued for the window.
pub fn typing_keys<M>(shortcut: fn(Command) -> M) -> impl Fn(KeyPress) -> Option<Binding<M>> {
    move |press| {
        if !matches!(press.status, Status::Focused { .. }) {
            return None;
        }
        match shortcuts::command_in_text(&press.key, press.modifiers) {
            Some(command) => Some(Binding::Custom(shortcut(command))),
            None => Binding::from_key_press(press),
        }
    }
}

/// A row of a pick list that follows the keyboard (the speaker picker, the group
/// filter): the label, an optional muted detail, "›" and a highlight when selected. A
/// long label or detail is cut at the list's edge, never painted over what is beside.
pub fn choice_row<'a, M: Clone + 'a>(
    label: String,
    detail: String,
    selected: bool,
    on_press: M,
) -> iced::widget::Button<'a, M> {
    use iced::widget::{button, container, row, text};
    let label = if selected {
        format!("› {label}")
    } else {
        label
    };
    let line = row![
        text(label)
            .size(super::style::size::READ)
            .wrapping(text::Wrapping::None),
        text(detail)
            .size(super::style::size::LABEL)
            .color(super::style::MUTED)
            .wrapping(text::Wrapping::None),
    ]
    .spacing(super::style::gap::XS);
    button(container(line).width(iced::Fill).clip(true))
        .width(iced::Fill)
        .padding([3, 8])
        .style(if selected {
            super::style::selected_row
        } else {
            super::style::plain_row
        })
        .on_press(on_press)
}

/// A multi-line text box in a clipping layer: the software renderer does not clip a
/// text box's own lines to it, and drew a long text past the box's bottom edge over
/// what lies below. (A box that gets another text is also repainted whole: see the
/// editor's `repaint`.)
pub fn clipped<'a, M: 'a>(
    text_box: impl Into<iced::Element<'a, M>>,
) -> iced::widget::Container<'a, M> {
    iced::widget::container(text_box).clip(true)
}

/// "1 paragraph", "2 paragraphs": a count with its noun in the right number.
/// The report's words against its limit ("2,345 of 8,500 words"), red when over: shown
/// in the editor and the preview at all times.
pub fn word_budget<'a, M: 'a>(words: usize, limit: Option<u32>) -> iced::Element<'a, M> {
    use crate::report::checker::thousands;
    let over = limit.is_some_and(|l| words > l as usize);
    let label = match limit {
        Some(l) => format!(
            "{} of {} words{}",
            thousands(words),
            thousands(l as usize),
            if over { ": over the limit" } else { "" }
        ),
        None => format!("{} words", thousands(words)),
    };
    iced::widget::text(label)
        .size(super::style::size::LABEL)
        .color(if over {
            super::style::ALERT
        } else {
            super::style::MUTED
        })
        .into()
}

pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` cut to at most `max` characters, ending with "…" when cut (a long session
/// name or title must not push the buttons beside it out of the window).
pub fn ellipsis(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::keyboard::{Key, Modifiers, key::Named, key::NativeCode, key::Physical};

    fn press(key: Key, modifiers: Modifiers, status: Status) -> KeyPress {
        KeyPress {
            modified_key: key.clone(),
            key,
            physical_key: Physical::Unidentified(NativeCode::Unidentified),
            modifiers,
            text: None,
            status,
        }
    }

    #[test]
    fn only_the_box_with_the_cursor_takes_a_shortcut() {
        let bind = typing_keys(|command| command);
        let ctrl_enter = |status| press(Key::Named(Named::Enter), Modifiers::CTRL, status);
        assert!(matches!(
            bind(ctrl_enter(Status::Focused { is_hovered: false })),
            Some(Binding::Custom(Command::Commit))
        ));
        for status in [Status::Active, Status::Hovered, Status::Disabled] {
            assert!(bind(ctrl_enter(status)).is_none());
            assert!(bind(press(Key::Named(Named::Escape), Modifiers::empty(), status)).is_none());
        }
    }

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(counted(0, "paragraph", "paragraphs"), "0 paragraphs");
        assert_eq!(counted(1, "paragraph", "paragraphs"), "1 paragraph");
        assert_eq!(counted(2, "statement", "statements"), "2 statements");
    }

    #[test]
    fn long_text_ends_with_an_ellipsis_within_its_limit() {
        assert_eq!(ellipsis("Panel", 10), "Panel");
        assert_eq!(ellipsis("Panel on the responsibility", 10), "Panel on…");
        assert_eq!(ellipsis("Ülkü Çağrı Ōsaka", 6), "Ülkü…");
        assert!(ellipsis(&"x".repeat(500), 40).chars().count() <= 40);
        assert_eq!(ellipsis("abc", 0), "…");
    }
}
