//! The root's view: the header with the save state, the screen on show, the notice, and
//! the start, help and backups panels.

use iced::widget::{Column, button, center, column, container, opaque, row, space, stack, text};
use iced::{Element, Fill};

use super::{App, BackupsPanel, Message, Screen};
use crate::ui::shortcuts::{self, Command};
use crate::ui::style;

impl App {
    /// The window's title; "(saving…)" while a change is on its way to disk, so that the
    /// taskbar says it too.
    pub fn title(&self) -> String {
        let title = self.plain_title();
        if self.saving_now() {
            format!("{title} (saving…)")
        } else {
            title
        }
    }

    pub(super) fn plain_title(&self) -> String {
        match &self.open {
            Some(open) => match &open.team {
                Some(team) => format!(
                    "Rapporteur - {} (team, {})",
                    open.session.name,
                    team.device().name
                ),
                None => format!("Rapporteur - {}", open.session.name),
            },
            None => "Rapporteur".into(),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let body: Element<'_, Message> = match &self.open {
            None => self.start_view(),
            Some(open) => match self.screen {
                Screen::Capture => open.capture.view(&open.session).map(Message::Capture),
                Screen::Meeting => open.meeting.view(&open.session).map(Message::Meeting),
                Screen::Editor => open.editor.view(&open.session).map(Message::Editor),
                Screen::Preview => open.preview.view().map(Message::Preview),
            },
        };
        let page = Column::new()
            .spacing(style::gap::M)
            .padding(style::gap::XL)
            .push(self.header());
        // The same layers whatever is shown, so that the page keeps its widgets' state
        // (the focused box, the cursor, scroll positions) when a notice or a dialog comes
        // or goes: a notice that appeared or went while someone typed used to take the
        // focus from the box and lose the next keystrokes.
        let toast: Element<'_, Message> = match self.toast() {
            // Over the page, bottom right: it never moves what is under the pointer.
            Some(toast) => container(toast)
                .width(Fill)
                .height(Fill)
                .align_x(iced::alignment::Horizontal::Right)
                .align_y(iced::alignment::Vertical::Bottom)
                .padding(style::gap::XL)
                .into(),
            None => space().into(),
        };
        let overlay: Element<'_, Message> = if self.help {
            opaque(
                center(
                    container(self.help_view())
                        .max_height(660)
                        .style(container::bordered_box),
                )
                .padding(style::gap::M),
            )
        } else if let Some(prompt) = &self.path_prompt {
            opaque(center(prompt.view().map(Message::Prompt)).padding(style::gap::M))
        } else if let Some(panel) = &self.backups {
            opaque(center(backups_view(panel)))
        } else {
            space().into()
        };
        stack![page.push(body), toast, overlay].into()
    }

    /// The notice, as a toast.
    pub(super) fn toast(&self) -> Option<Element<'_, Message>> {
        let notice = self.notice.as_ref()?;
        let actions: Element<'_, Message> = if self.pending_export.is_some() {
            row![
                button(text("Replace").size(style::size::LABEL)).on_press(Message::ReplaceExport),
                button(text("Cancel").size(style::size::LABEL))
                    .style(button::secondary)
                    .on_press(Message::CancelExport),
            ]
            .spacing(style::gap::S)
            .into()
        } else {
            let ok = button(text("OK").size(style::size::LABEL))
                .style(button::secondary)
                .on_press(Message::DismissNotice);
            match &notice.folder {
                Some(folder) => row![
                    button(text("Open folder").size(style::size::LABEL))
                        .on_press(Message::OpenFolder(folder.clone())),
                    ok
                ]
                .spacing(style::gap::S)
                .into(),
                None => ok.into(),
            }
        };
        Some(
            container(
                row![
                    text(&notice.text).size(style::size::BODY).width(Fill),
                    actions
                ]
                .spacing(style::gap::M)
                .align_y(iced::Center),
            )
            .padding([6, 10])
            .max_width(620)
            .style(style::notice(notice.error))
            .into(),
        )
    }

    pub(super) fn header(&self) -> Element<'_, Message> {
        let mut bar = row![
            text("Rapporteur")
                .size(style::size::TITLE)
                .color(style::ACCENT)
        ]
        .spacing(style::gap::L)
        .align_y(iced::Center);
        if let Some(open) = &self.open {
            // The name takes the room the buttons leave, cut at its edge: a long name
            // never pushes them (or "Saved") out of the window.
            bar = bar.push(
                container(
                    text(crate::ui::widget::ellipsis(&open.session.name, 60))
                        .size(style::size::HEADING)
                        .wrapping(text::Wrapping::None),
                )
                .width(Fill)
                .clip(true),
            );
            // The segment matters while capturing; the other screens have no use for it.
            if self.screen == Screen::Capture
                && let Some(segment) = open.session.segment(open.session.current_segment)
            {
                bar = bar.push(
                    text(format!(
                        "Segment: {}",
                        crate::ui::widget::ellipsis(&segment.title, 28)
                    ))
                    .size(style::size::INPUT)
                    .color(style::ACCENT)
                    .wrapping(text::Wrapping::None),
                );
            }
            let saved = match (&open.store.error, open.store.last_saved) {
                (Some(_), _) => text("NOT SAVED: see message").color(style::ALERT),
                _ if self.saving.failing() => text("NOT SAVED: see message").color(style::ALERT),
                _ if self.saving_now() => text("Saving…").color(style::MUTED),
                // In the meeting's time zone, named, as every time the app shows.
                (None, Some(at)) => text(format!(
                    "Saved {}",
                    at.with_timezone(&open.session.meeting.zone())
                        .format("%H:%M:%S %Z")
                ))
                .color(style::OK),
                (None, None) => text("No changes yet").color(style::MUTED),
            };
            bar = bar.push(saved.size(style::size::BODY));
            if let Some(team) = &open.team {
                bar = bar.push(
                    text(crate::ui::team::status(team, &open.session))
                        .size(style::size::BODY)
                        .color(style::ACCENT)
                        .wrapping(text::Wrapping::None),
                );
            }
            let tab = |label: &'static str, screen: Screen, command: Command| {
                button(text(label).size(style::size::LABEL))
                    .style(if self.screen == screen {
                        button::primary
                    } else {
                        button::secondary
                    })
                    .on_press(Message::Command(command))
            };
            bar = bar.push(tab("Capture", Screen::Capture, Command::ShowCapture));
            bar = bar.push(tab("Editor", Screen::Editor, Command::ShowEditor));
            bar = bar.push(tab("Report", Screen::Preview, Command::ShowPreview));
            bar = bar.push(tab("Meeting", Screen::Meeting, Command::ShowMeeting));
        } else {
            bar = bar.push(space::horizontal());
        }
        bar.push(
            button(
                text("Help  F1")
                    .size(style::size::LABEL)
                    .wrapping(text::Wrapping::None),
            )
            .style(button::secondary)
            .on_press(Message::Command(Command::Help)),
        )
        .into()
    }

    pub(super) fn start_view(&self) -> Element<'_, Message> {
        center(
            column![
                text("No session open").size(style::size::DISPLAY),
                text("Start a new session for a meeting, open one, or explore the sample meeting.")
                    .size(style::size::READ)
                    .color(style::MUTED),
                row![
                    button(text("New session…  Ctrl+N")).on_press(Message::Command(Command::New)),
                    button(text("Open…  Ctrl+O"))
                        .style(button::secondary)
                        .on_press(Message::Command(Command::Open)),
                    button(text("Open the sample meeting"))
                        .style(button::secondary)
                        .on_press(Message::Demo),
                ]
                .spacing(style::gap::L),
            ]
            .spacing(style::gap::XXL)
            .align_x(iced::Center),
        )
        .into()
    }

    pub(super) fn help_view(&self) -> Element<'_, Message> {
        let mut rows = Column::new()
            .spacing(style::gap::XS)
            .push(text("Keyboard shortcuts").size(style::size::TITLE))
            .push(
                text(format!("Rapporteur {}", crate::VERSION))
                    .size(style::size::READ)
                    .color(style::MUTED),
            );
        for (keys, description) in shortcuts::help_rows() {
            rows = rows.push(
                row![
                    text(keys)
                        .size(style::size::READ)
                        .width(160)
                        .color(style::ACCENT),
                    text(description).size(style::size::READ)
                ]
                .spacing(style::gap::L),
            );
        }
        // The list is longer than a laptop screen: it scrolls, the Close button stays.
        column![
            iced::widget::scrollable(rows.padding([0, style::gap::M as u16]))
                .spacing(style::gap::S)
                .height(Fill),
            button(text("Close (Esc or F1)")).on_press(Message::Command(Command::Help)),
        ]
        .spacing(style::gap::M)
        .padding(style::gap::PAGE)
        .max_width(760)
        .into()
    }
}

/// The backups of one session, newest first, each with a Restore button.
fn backups_view(panel: &BackupsPanel) -> Element<'_, Message> {
    let mut rows = Column::new()
        .spacing(style::gap::S)
        .push(text("Backups").size(style::size::TITLE))
        .push(
            text(format!(
                "Copies of {} kept by Rapporteur. Restoring one keeps the current file among the backups.",
                panel.session.display()
            ))
            .size(style::size::BODY)
            .color(style::MUTED),
        );
    if panel.list.is_empty() {
        rows = rows.push(text("No backup has been kept yet.").size(style::size::READ));
    }
    for b in panel.list.iter().take(24) {
        rows = rows.push(
            row![
                text(b.describe()).size(style::size::READ).width(Fill),
                button(text("Restore").size(style::size::LABEL))
                    .on_press(Message::Restore(b.path.clone())),
            ]
            .spacing(style::gap::L)
            .align_y(iced::Center),
        );
    }
    rows = rows.push(
        button(text("Close"))
            .style(button::secondary)
            .on_press(Message::CloseBackups),
    );
    container(iced::widget::scrollable(rows.padding(style::gap::XS)))
        .padding(style::gap::PAGE)
        .max_width(760)
        .max_height(600)
        .style(container::bordered_box)
        .into()
}
