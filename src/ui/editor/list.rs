//! The editor's list of paragraphs and its toolbar. Only the rows around the viewport
//! are built (see `ui::virtual_list`), so drawing costs the same for 100 or 10,000
//! paragraphs.

use iced::widget::{Column, button, column, container, mouse_area, row, space, text};
use iced::{Element, Fill};

use super::rows::{ParagraphRow, Row, TEXT_SIZE};
use super::{Editor, Message};
use crate::ui::preview::rich;
use crate::ui::shortcuts::Command;
use crate::ui::style;
use crate::ui::widget;

impl Editor {
    pub(super) fn toolbar(&self) -> Element<'_, Message> {
        let b = |label: &'static str, command: Command| {
            button(text(label).size(style::size::LABEL))
                .style(button::secondary)
                .on_press(Message::Shortcut(command))
        };
        let mut bar = row![
            b("Up  Alt+Up", Command::MoveUp),
            b("Down  Alt+Down", Command::MoveDown),
            b("Merge with next  Ctrl+M", Command::Merge),
            b("Split at cursor  Alt+Enter", Command::Split),
            b("New paragraph  Ctrl+I", Command::Insert),
            b("Delete  Ctrl+Del", Command::Delete),
        ]
        .spacing(style::gap::S)
        .align_y(iced::Center);
        let undo = button(text("Undo  Ctrl+Z").size(style::size::LABEL)).style(button::secondary);
        let redo = button(text("Redo  Ctrl+Y").size(style::size::LABEL)).style(button::secondary);
        bar = bar.push(space::horizontal());
        bar = bar.push(if self.history.can_undo() {
            undo.on_press(Message::Shortcut(Command::Undo))
        } else {
            undo
        });
        bar = bar.push(if self.history.can_redo() {
            redo.on_press(Message::Shortcut(Command::Redo))
        } else {
            redo
        });
        let mut second = row![
            text(widget::counted(
                self.report.numbered_count(),
                "numbered paragraph",
                "numbered paragraphs",
            ))
            .size(style::size::LABEL)
            .color(style::MUTED),
            widget::word_budget(self.words.total, self.limit),
            button(
                text(format!(
                    "{}{}  Ctrl+K",
                    widget::counted(self.findings.len(), "finding", "findings"),
                    if self.findings_stale {
                        " (checking…)"
                    } else {
                        ""
                    }
                ))
                .size(style::size::LABEL)
                .color(if self.findings.is_empty() {
                    style::MUTED
                } else {
                    style::ALERT
                }),
            )
            .padding([1, 4])
            .style(style::plain_row)
            .on_press(Message::Shortcut(Command::Findings)),
            space::horizontal(),
        ]
        .spacing(style::gap::M)
        .align_y(iced::Center);
        if !self.marked.is_empty() {
            second = second.push(
                text(format!("{} marked", self.marked.len()))
                    .size(style::size::LABEL)
                    .color(style::ACCENT),
            );
        }
        second = second.push(
            button(text("Group marked as one theme  Ctrl+T").size(style::size::LABEL))
                .style(button::secondary)
                .on_press(Message::Shortcut(Command::Group)),
        );
        second = second.push(
            button(text("Mark  Space").size(style::size::LABEL))
                .style(button::secondary)
                .on_press(Message::Shortcut(Command::Mark)),
        );
        column![bar, second].spacing(style::gap::S).into()
    }

    pub(super) fn list(&self) -> Element<'_, Message> {
        let list = self.list.view(
            |i| match self.rows.get(i) {
                Some(Row::Chapter(c)) => container(
                    text(&c.label)
                        .size(style::size::HEADING)
                        .color(style::ACCENT),
                )
                .padding([2, 8])
                .into(),
                Some(Row::Paragraph(p)) => self.paragraph_row(p),
                None => space().into(),
            },
            Message::List,
        );
        container(list)
            .style(style::panel)
            .width(iced::FillPortion(3))
            .height(Fill)
            .into()
    }

    fn paragraph_row<'a>(&'a self, p: &'a ParagraphRow) -> Element<'a, Message> {
        let selected = self.selected == Some(p.id);
        let marked = self.marked.contains(&p.id);
        let drop_target = self.dragging.is_some_and(|d| d != p.id) && self.hover == Some(p.id);
        let number = match (p.number, &p.letter) {
            (Some(n), _) => format!("{n}."),
            (None, Some(letter)) => letter.clone(),
            (None, None) => "–".into(),
        };
        let content = p.content(&self.report);
        let body: Element<'a, Message> = if content.is_empty() {
            text(if p.edited {
                "(empty: type its text, or delete it)"
            } else {
                "(nothing to generate here yet)"
            })
            .size(style::size::BODY)
            .color(style::MUTED)
            .into()
        } else if p.letter.is_some() {
            // A subheading reads as one: bold, as it prints.
            text(crate::report::model::plain(content))
                .size(TEXT_SIZE)
                .font(iced::Font {
                    weight: iced::font::Weight::Bold,
                    ..iced::Font::DEFAULT
                })
                .into()
        } else {
            rich(content, &mut p.footnotes_before.clone())
        };
        let mut tags = Column::new().spacing(style::gap::XXS).width(92);
        if p.generated {
            tags = tags.push(
                text("generated")
                    .size(style::size::TAG)
                    .color(style::ACCENT),
            );
        }
        if p.edited {
            tags = tags.push(text("edited").size(style::size::TAG).color(style::OK));
        }
        if p.sources > 1 {
            tags = tags.push(
                text(widget::counted(p.sources, "statement", "statements"))
                    .size(style::size::TAG)
                    .color(style::MUTED),
            );
        }
        let flags = self.report.flags(p.id).count();
        if flags > 0 {
            // What it is stands in the side panel when the paragraph is selected.
            tags = tags.push(
                text(widget::counted(flags, "warning", "warnings"))
                    .size(style::size::TAG)
                    .color(style::ALERT),
            );
        }
        if marked {
            tags = tags.push(text("marked").size(style::size::TAG).color(style::ALERT));
        }
        if p.conflict {
            tags = tags.push(
                text("⚠ changed at once")
                    .size(style::size::TAG)
                    .color(style::ALERT),
            );
        }
        let line = row![
            text("⠿")
                .size(style::size::INPUT)
                .color(style::MUTED)
                .width(14),
            text(number).size(TEXT_SIZE).width(36),
            body,
            tags
        ]
        .spacing(style::gap::S);
        let line = mouse_area(
            container(line)
                .padding([4, 6])
                .width(Fill)
                .style(style::paragraph_row(selected, marked, drop_target)),
        )
        .on_press(Message::Press(p.id))
        .on_release(Message::Release(p.id))
        .on_enter(Message::Hover(p.id))
        .interaction(iced::mouse::Interaction::Grab);
        container(line).padding([2, 8]).into()
    }
}
