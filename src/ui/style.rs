//! Calm colours and a few styles, so state is visible at a glance.

use iced::widget::{button, container};
use iced::{Background, Border, Color, Theme};

pub const MUTED: Color = Color::from_rgb(0.42, 0.45, 0.50);
pub const ALERT: Color = Color::from_rgb(0.78, 0.12, 0.12);
pub const OK: Color = Color::from_rgb(0.13, 0.50, 0.25);
pub const ACCENT: Color = Color::from_rgb(0.0, 0.36, 0.62);
const SELECTED: Color = Color::from_rgb(0.85, 0.91, 0.97);
const PANEL: Color = Color::from_rgb(0.965, 0.97, 0.975);
const LINE: Color = Color::from_rgb(0.84, 0.86, 0.89);

/// Text sizes, one scale for every screen, smallest to largest.
pub mod size {
    /// Tags beside a paragraph ("generated", "edited").
    pub const TAG: f32 = 11.0;
    /// Hints and shortcut reminders.
    pub const HINT: f32 = 12.0;
    /// Field and section labels, secondary text.
    pub const LABEL: f32 = 13.0;
    /// Lists, fields and buttons.
    pub const BODY: f32 = 14.0;
    /// Report paragraphs, read as they will print.
    pub const READ: f32 = 15.0;
    /// What the note-taker types; subheadings.
    pub const INPUT: f32 = 16.0;
    /// Headings of chapters, panels and the session.
    pub const HEADING: f32 = 18.0;
    /// Titles of screens and dialogs.
    pub const TITLE: f32 = 20.0;
    /// The report's title and the empty window.
    pub const DISPLAY: f32 = 24.0;
    /// The speaking-time clock, read from across the table.
    pub const CLOCK: f32 = 40.0;
}

/// Room between and around things, one scale for every screen.
pub mod gap {
    pub const XXS: f32 = 2.0;
    pub const XS: f32 = 4.0;
    pub const S: f32 = 6.0;
    pub const M: f32 = 8.0;
    pub const L: f32 = 10.0;
    pub const XL: f32 = 12.0;
    pub const XXL: f32 = 16.0;
    pub const PAGE: f32 = 20.0;
}

pub fn selected_row(_theme: &Theme, _status: button::Status) -> button::Style {
    button::Style {
        background: Some(Background::Color(SELECTED)),
        text_color: Color::BLACK,
        border: Border {
            color: ACCENT,
            width: 1.0,
            radius: 3.0.into(),
        },
        ..button::Style::default()
    }
}

pub fn plain_row(_theme: &Theme, status: button::Status) -> button::Style {
    let background = match status {
        button::Status::Hovered => Some(Background::Color(PANEL)),
        _ => None,
    };
    button::Style {
        background,
        text_color: Color::BLACK,
        border: Border::default().rounded(3.0),
        ..button::Style::default()
    }
}

pub fn panel(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(PANEL)),
        border: Border {
            color: LINE,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// The Summary's box in the preview: one white block on the grey page over its rows
/// (each row is drawn on its own, so a border would box every paragraph).
pub fn summary_box(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        ..container::Style::default()
    }
}

pub fn timer(over: bool) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        background: Some(Background::Color(if over { ALERT } else { PANEL })),
        text_color: Some(if over { Color::WHITE } else { Color::BLACK }),
        border: Border {
            color: if over { ALERT } else { LINE },
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

pub fn notice(error: bool) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        background: Some(Background::Color(if error {
            Color::from_rgb(0.99, 0.92, 0.92)
        } else {
            Color::from_rgb(0.92, 0.97, 0.93)
        })),
        text_color: Some(if error { ALERT } else { OK }),
        border: Border {
            color: if error { ALERT } else { OK },
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// A question that holds up logging until it is answered: amber, so it is not taken
/// for a notice.
pub fn question(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::from_rgb(1.0, 0.96, 0.84))),
        text_color: Some(Color::BLACK),
        border: Border {
            color: Color::from_rgb(0.85, 0.60, 0.10),
            width: 2.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// A paragraph in the editor's list: selected, marked for a group, or under a drag.
pub fn paragraph_row(
    selected: bool,
    marked: bool,
    drop_target: bool,
) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        background: Some(Background::Color(if marked {
            Color::from_rgb(0.99, 0.96, 0.86)
        } else if selected {
            SELECTED
        } else {
            Color::WHITE
        })),
        border: Border {
            color: if drop_target {
                OK
            } else if selected {
                ACCENT
            } else {
                LINE
            },
            width: if drop_target { 3.0 } else { 1.0 },
            radius: 3.0.into(),
        },
        ..container::Style::default()
    }
}
