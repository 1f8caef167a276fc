//! The panel beside the list: the selected paragraph's number and kind, where to move
//! it, its text and footnotes, the statements it was drawn from, and what was left out
//! or deleted (to put back).

use iced::Fill;
use iced::widget::{Column, button, column, container, pick_list, row, text, text_input};

use crate::core::layout::{Generated, Paragraph as LayoutParagraph};
use crate::core::session::Session;
use crate::report::assemble::paragraph_template;

use super::rows::{ChapterChoice, Row};
use super::{Editor, FOOTNOTE, GOTO, Message, TEXT};
use crate::ui::{style, widget};

impl Editor {
    pub(super) fn side<'a>(&'a self, session: &'a Session) -> Column<'a, Message> {
        let mut side = Column::new().spacing(style::gap::L);
        let Some(id) = self.selected else {
            return side.push(text("No paragraph selected.").color(style::MUTED));
        };
        let Some(paragraph) = &self.current else {
            return side;
        };
        let row = self.row_of(id).map(|(_, row)| row);
        let title = match (
            row.and_then(|r| r.number),
            row.and_then(|r| r.letter.as_ref()),
        ) {
            (Some(n), _) => format!("Paragraph {n}"),
            (None, Some(letter)) => format!("Subheading {letter} (Ctrl+H: a paragraph again)"),
            (None, None) => "Paragraph (not printed)".into(),
        };
        let kind = match (paragraph.generated, &paragraph.text) {
            (Some(g), None) => format!("generated: {}", generated_label(g)),
            (Some(g), Some(_)) => format!("frozen from the generated {}", generated_label(g)),
            (None, None) => "written from the notes".into(),
            (None, Some(_)) if paragraph.sources.is_empty() => "written by hand".into(),
            (None, Some(_)) => "rewritten".into(),
        };
        // The title, and a team session's mark under it, in one element: the text box
        // below keeps its place among the panel's children (and with it its focus)
        // when a mark comes or goes while someone types.
        let mut heading = Column::new().spacing(style::gap::XS).push(
            row![
                text(title).size(style::size::HEADING),
                text(kind).size(style::size::LABEL).color(style::MUTED)
            ]
            .spacing(style::gap::L)
            .align_y(iced::Center),
        );
        if !paragraph.conflict.is_empty() {
            heading = heading.push(crate::ui::team::changed_at_once(
                &paragraph.conflict,
                "both changes are merged in the text below. Read it; working on it (typing, moving) clears the mark.",
            ));
        }
        side = side.push(heading);

        // Where to move it.
        let chapters: Vec<ChapterChoice> = self
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Chapter(c) => Some(c.clone()),
                Row::Paragraph(_) => None,
            })
            .collect();
        let goto = text_input("number", self.goto.as_deref().unwrap_or(""))
            .id(GOTO)
            .on_input(Message::GotoInput)
            .on_submit(Message::GotoSubmit)
            .width(90)
            .size(style::size::BODY);
        side = side.push(
            row![
                text("Move before no.")
                    .size(style::size::LABEL)
                    .color(style::MUTED),
                goto,
                text("Ctrl+G").size(style::size::HINT).color(style::MUTED),
                text("to the end of")
                    .size(style::size::LABEL)
                    .color(style::MUTED),
                pick_list(chapters, None::<ChapterChoice>, Message::Chapter)
                    .placeholder("a chapter…")
                    .text_size(style::size::LABEL),
            ]
            .spacing(style::gap::S)
            .align_y(iced::Center),
        );

        // The text.
        let editor = iced::widget::text_editor(&self.content)
            .id(TEXT)
            .placeholder("The paragraph's text…")
            .on_action(Message::Edit)
            .key_binding(widget::typing_keys(Message::Shortcut))
            .height(200)
            .size(style::size::READ)
            .padding(style::gap::M)
            .style({
                let repaint = self.repaint;
                move |theme, status| {
                    let mut look = iced::widget::text_editor::default(theme, status);
                    if repaint {
                        look.border.color.a *= 0.99;
                    }
                    look
                }
            });
        side = side.push(widget::clipped(editor));
        side = side.push(
            text("{Name} prints a person or delegation as the rules want at that place (full title at first mention); {Name:she}, {Name:her} their pronoun; {delegations} is the opening of a thematic paragraph; {note:…} puts a footnote there.")
                .size(style::size::HINT)
                .color(style::MUTED),
        );
        let mut actions = row![].spacing(style::gap::S);
        if paragraph.generated.is_some() && paragraph.text.is_none() {
            actions = actions.push(
                button(text("Freeze into editable text").size(style::size::LABEL))
                    .style(button::secondary)
                    .on_press(Message::Freeze),
            );
        }
        if paragraph.text.is_some()
            && (paragraph.generated.is_some() || !paragraph.sources.is_empty())
        {
            let label = if paragraph.generated.is_some() {
                "Regenerate"
            } else {
                "Back to the notes"
            };
            actions = actions.push(
                button(text(label).size(style::size::LABEL))
                    .style(button::secondary)
                    .on_press(Message::Regenerate),
            );
        }
        side = side.push(actions);
        // This paragraph's warnings, then the report's own (the meeting data, the
        // Summary) and how many other paragraphs have some: each is shown where it is.
        for warning in self.report.flags(paragraph.id) {
            side = side.push(text(warning).size(style::size::LABEL).color(style::ALERT));
        }
        for warning in self.report.general_warnings() {
            side = side.push(text(warning).size(style::size::LABEL).color(style::MUTED));
        }
        let elsewhere = self
            .report
            .flagged
            .iter()
            .filter(|(id, _)| *id != paragraph.id)
            .map(|(id, _)| *id)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        if elsewhere > 0 {
            side = side.push(
                text(format!(
                    "{} with warnings: see the red tags in the list.",
                    widget::counted(elsewhere, "other paragraph", "other paragraphs")
                ))
                .size(style::size::LABEL)
                .color(style::ALERT),
            );
        }

        side = side.push(self.footnotes(paragraph));

        side = side.push(provenance(session, paragraph));

        if let Some(written) = written_statements(session, paragraph) {
            side = side.push(written);
        }

        if let Some(list) = left_out(session) {
            side = side.push(list);
        }
        if let Some(list) = self.deleted(session) {
            side = side.push(list);
        }
        side
    }

    /// The paragraph's footnotes, each with Remove, and the box for a new one.
    fn footnotes<'a>(&'a self, paragraph: &'a LayoutParagraph) -> Column<'a, Message> {
        let mut notes = Column::new()
            .spacing(style::gap::XS)
            .push(text("Footnotes").size(style::size::READ));
        for (n, note) in paragraph.footnotes.iter().enumerate() {
            notes = notes.push(
                row![
                    text(note).size(style::size::LABEL).width(Fill),
                    button(text("Remove").size(style::size::HINT))
                        .style(button::secondary)
                        .on_press(Message::RemoveFootnote(n)),
                ]
                .spacing(style::gap::S)
                .align_y(iced::Center),
            );
        }
        notes = notes.push(
            row![
                text_input("Document symbol, address or text", &self.footnote)
                    .id(FOOTNOTE)
                    .on_input(Message::FootnoteInput)
                    .on_submit(Message::AddFootnote)
                    .size(style::size::LABEL),
                button(text("Add footnote").size(style::size::LABEL))
                    .on_press(Message::AddFootnote),
            ]
            .spacing(style::gap::S),
        );
        notes
    }

    /// The paragraphs deleted, newest first, each with Restore.
    fn deleted<'a>(&'a self, session: &'a Session) -> Option<Column<'a, Message>> {
        let layout = &session.layout;
        if let (false, Some(keys)) = (layout.deleted.is_empty(), &self.keys) {
            let mut list = Column::new()
                .spacing(style::gap::XS)
                .push(text("Deleted paragraphs").size(style::size::READ));
            for d in layout.deleted.iter().rev() {
                let template = paragraph_template(session, keys, &d.paragraph);
                let mut preview: String = template.chars().take(70).collect();
                if preview.len() < template.len() {
                    preview.push('…');
                }
                list = list.push(
                    row![
                        text(preview).size(style::size::HINT).width(Fill),
                        button(text("Restore").size(style::size::HINT))
                            .style(button::secondary)
                            .on_press(Message::Restore(d.paragraph.id)),
                    ]
                    .spacing(style::gap::S),
                );
            }
            return Some(list);
        }
        None
    }
}

fn generated_label(g: Generated) -> &'static str {
    match g {
        Generated::Introduction => "introduction",
        Generated::Request => "mandate sentence",
        Generated::Opening(_) => "list of opening speakers",
        Generated::Panel(_) => "list of moderator and panellists",
        Generated::Participation(_) => "list of delegations that took the floor",
        Generated::Ngos(_) => "list of NGOs",
    }
}

/// The statements the paragraph was drawn from, each with its speaker, time and notes.
fn provenance<'a>(session: &'a Session, paragraph: &'a LayoutParagraph) -> Column<'a, Message> {
    let zone = session.meeting.zone();
    let mut sources = Column::new().spacing(style::gap::S).push(
        text(if paragraph.sources.is_empty() {
            "From the log: nothing (generated or written here)"
        } else {
            "From the log"
        })
        .size(style::size::READ),
    );
    for source in &paragraph.sources {
        let Some(i) = session.intervention(*source) else {
            continue;
        };
        let segment = session
            .segment(i.segment)
            .map(|s| s.title.as_str())
            .unwrap_or("?");
        sources = sources.push(
            container(
                column![
                    row![
                        text(session.intervention_label(i))
                            .size(style::size::LABEL)
                            .width(Fill),
                        text(format!(
                            "{}–{}, {segment}",
                            i.started_at.with_timezone(&zone).format("%H:%M"),
                            i.ended_at.with_timezone(&zone).format("%H:%M"),
                        ))
                        .size(style::size::HINT)
                        .color(style::MUTED),
                    ]
                    .spacing(style::gap::S),
                    text(&i.text).size(style::size::LABEL),
                    button(text("Leave out of the report").size(style::size::HINT))
                        .style(button::secondary)
                        .on_press(Message::Exclude(i.id)),
                ]
                .spacing(style::gap::XS),
            )
            .padding(style::gap::S)
            .width(Fill)
            .style(style::panel),
        );
    }
    sources
}

/// The texts behind "Written statements were submitted by ...", beside the
/// participation paragraph.
fn written_statements<'a>(
    session: &'a Session,
    paragraph: &'a LayoutParagraph,
) -> Option<Column<'a, Message>> {
    // The texts behind "Written statements were submitted by ...", for the editor to
    // draw on; they are not statements of the meeting and have no paragraph.
    let handed_in: Vec<_> = match paragraph.generated {
        Some(Generated::Participation(_)) => session
            .inscriptions
            .iter()
            .filter(|i| i.is_written_statement())
            .collect(),
        _ => Vec::new(),
    };
    if !handed_in.is_empty() {
        let mut written = Column::new()
            .spacing(style::gap::S)
            .push(text("Written statements").size(style::size::READ));
        for inscription in handed_in {
            // Taken in, it is a statement like the others: moved, merged, grouped
            // under a theme, left out.
            let taken = session.written_statement_taken(inscription);
            let action: iced::Element<'_, Message> = match taken {
                Some(_) => text("in the report")
                    .size(style::size::HINT)
                    .color(style::OK)
                    .into(),
                None => button(text("Use in the report").size(style::size::HINT))
                    .style(button::secondary)
                    .on_press(Message::UseWritten(inscription.id))
                    .into(),
            };
            written = written.push(
                container(
                    column![
                        row![
                            text(session.speaker_label(&inscription.speaker))
                                .size(style::size::LABEL)
                                .width(Fill),
                            text(inscription.status.label())
                                .size(style::size::HINT)
                                .color(style::MUTED),
                            action,
                        ]
                        .spacing(style::gap::S)
                        .align_y(iced::Center),
                        text(&inscription.text).size(style::size::LABEL),
                    ]
                    .spacing(style::gap::XS),
                )
                .padding(style::gap::S)
                .width(Fill)
                .style(style::panel),
            );
        }
        return Some(written);
    }
    None
}

/// The statements left out of the report, each with Put back.
fn left_out(session: &Session) -> Option<Column<'_, Message>> {
    let layout = &session.layout;
    if !layout.excluded.is_empty() {
        let mut list = Column::new()
            .spacing(style::gap::XS)
            .push(text("Left out of the report").size(style::size::READ));
        for id in &layout.excluded {
            let Some(i) = session.intervention(*id) else {
                continue;
            };
            let mut preview: String = i.text.chars().take(60).collect();
            if preview.len() < i.text.len() {
                preview.push('…');
            }
            list = list.push(
                row![
                    text(format!("{}: {preview}", session.intervention_label(i)))
                        .size(style::size::HINT)
                        .width(Fill),
                    button(text("Put back").size(style::size::HINT))
                        .style(button::secondary)
                        .on_press(Message::Include(i.id)),
                ]
                .spacing(style::gap::S),
            );
        }
        return Some(list);
    }
    None
}
