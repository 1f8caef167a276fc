//! The editor screen (Ctrl+2): the report's paragraphs as they will print, numbered, to
//! reorder, merge, split, group and rewrite; the selected paragraph's text, footnotes
//! and provenance beside them. Every change is an [`Op`] on the session's layout
//! (`report::edit`), so the screen holds only what is on screen and the undo history.

use std::collections::HashMap;

use iced::widget::text_editor;
use iced::widget::{
    Column, Id, button, column, container, mouse_area, operation, pick_list, row, scrollable,
    space, text, text_input,
};
use iced::{Element, Fill, Task};

use crate::core::intervention::InterventionId;
use crate::core::layout::{
    ChapterKey, Generated, Layout, Paragraph as LayoutParagraph, ParagraphId,
};
use crate::core::session::Session;
use crate::report::assemble::assemble_summary;
use crate::report::assemble::paragraph_template;
use crate::report::edit::{History, Op};
use crate::report::template::{Keys, THEME};
use crate::report::{Block, Inline, Options, Report};

use super::effect::{Notice, Request, Save};
use super::preview::rich;
use super::revision::{Revision, Stamp};
use super::shortcuts::Command;
use super::style;
use super::widget;

pub const TEXT: &str = "paragraph-text";
pub const GOTO: &str = "goto";
pub const FOOTNOTE: &str = "footnote";
pub const LIST: &str = "paragraphs";

#[derive(Debug, Clone)]
pub enum Message {
    /// Mouse down on a paragraph: select it (Ctrl: mark it) and pick it up for a drag.
    Press(ParagraphId),
    /// Mouse up over a paragraph: drop what was picked up there.
    Release(ParagraphId),
    Hover(ParagraphId),
    Edit(text_editor::Action),
    Shortcut(Command),
    GotoInput(String),
    GotoSubmit,
    Chapter(ChapterChoice),
    FootnoteInput(String),
    AddFootnote,
    RemoveFootnote(usize),
    Exclude(InterventionId),
    Include(InterventionId),
    Restore(ParagraphId),
    Freeze,
    Regenerate,
}

pub type Effect = super::effect::Effect<Message>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterChoice {
    pub key: ChapterKey,
    pub label: String,
}

impl std::fmt::Display for ChapterChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// One line of the list, built when the session changes rather than at every frame.
#[derive(Debug, Clone)]
pub enum Row {
    Chapter(ChapterChoice),
    Paragraph(ParagraphRow),
}

#[derive(Debug, Clone)]
pub struct ParagraphRow {
    pub id: ParagraphId,
    pub number: Option<u32>,
    pub content: Vec<Inline>,
    pub generated: bool,
    pub edited: bool,
    pub sources: usize,
}

pub struct Editor {
    pub history: History,
    pub report: Report,
    pub rows: Vec<Row>,
    pub selected: Option<ParagraphId>,
    pub marked: Vec<ParagraphId>,
    pub content: text_editor::Content,
    content_for: Option<ParagraphId>,
    pub goto: Option<String>,
    pub footnote: String,
    pub dragging: Option<ParagraphId>,
    pub hover: Option<ParagraphId>,
    /// Ctrl is held (Ctrl+click marks), kept by the root.
    pub ctrl_held: bool,
    /// The selected paragraph as the layout holds it (kept here so drawing never resolves).
    current: Option<LayoutParagraph>,
    /// The session's layout, resolved once per change, and the names of the session.
    layout: Layout,
    keys: Option<Keys>,
    /// The session revision the report, rows and layout above were built from.
    stamp: Stamp,
}

impl Default for Editor {
    fn default() -> Self {
        Editor::new()
    }
}

impl Editor {
    /// An editor with nothing built yet: the report is assembled when it is first shown.
    pub fn new() -> Self {
        Editor {
            history: History::default(),
            report: Report::default(),
            rows: Vec::new(),
            selected: None,
            marked: Vec::new(),
            content: text_editor::Content::new(),
            content_for: None,
            goto: None,
            footnote: String::new(),
            dragging: None,
            hover: None,
            ctrl_held: false,
            current: None,
            layout: Layout::default(),
            keys: None,
            stamp: Stamp::Never,
        }
    }

    /// Brings the report and rows up to the session's revision, if they are behind.
    pub fn sync(&mut self, session: &Session, revision: Revision) {
        if self.stamp.behind(revision) {
            self.refresh(session);
        }
        self.stamp = Stamp::At(revision);
    }

    /// Paragraph ids in printed order.
    pub fn order(&self) -> Vec<ParagraphId> {
        self.rows
            .iter()
            .filter_map(|r| match r {
                Row::Paragraph(p) => Some(p.id),
                Row::Chapter(_) => None,
            })
            .collect()
    }

    pub fn number_of(&self, id: ParagraphId) -> Option<u32> {
        self.rows.iter().find_map(|r| match r {
            Row::Paragraph(p) if p.id == id => p.number,
            _ => None,
        })
    }

    /// Rebuilds the report and the list from the session as it is now. Called inside
    /// `update` when the next selection needs the new numbering; `sync` otherwise.
    fn refresh(&mut self, session: &Session) {
        self.stamp = Stamp::Current;
        self.layout = session.layout.resolve(session);
        let keys = Keys::new(session);
        self.report = assemble_summary(
            session,
            &self.layout,
            &keys,
            &Options {
                kind: Some(crate::core::meeting::ReportKind::PanelSummary),
                issue_date: None,
            },
        );
        self.keys = Some(keys);
        let mut printed: HashMap<ParagraphId, (u32, &Vec<Inline>, bool)> = HashMap::new();
        for block in &self.report.blocks {
            if let Block::Paragraph {
                number: Some(n),
                content,
                generated,
                item: Some(id),
                ..
            } = block
            {
                printed.insert(*id, (*n, content, *generated));
            }
        }
        let mut rows = Vec::new();
        let mut numeral = 0;
        for chapter in &self.layout.chapters {
            let title = chapter.key.title(session);
            let label = if chapter
                .paragraphs
                .iter()
                .any(|p| printed.contains_key(&p.id))
            {
                numeral += 1;
                format!("{}. {title}", crate::report::words::roman(numeral))
            } else {
                format!("{title} (empty, not printed)")
            };
            rows.push(Row::Chapter(ChapterChoice {
                key: chapter.key,
                label,
            }));
            for p in &chapter.paragraphs {
                let (number, content, generated) = match printed.get(&p.id) {
                    Some((n, content, generated)) => (Some(*n), (*content).clone(), *generated),
                    None => (None, Vec::new(), p.generated.is_some() && p.text.is_none()),
                };
                rows.push(Row::Paragraph(ParagraphRow {
                    id: p.id,
                    number,
                    content,
                    generated,
                    edited: p.text.is_some(),
                    sources: p.sources.len(),
                }));
            }
        }
        self.rows = rows;
        let order = self.order();
        self.marked.retain(|id| order.contains(id));
        if self.selected.is_none_or(|id| !order.contains(&id)) {
            self.selected = order.first().copied();
        }
        self.load_text(session, false);
    }

    /// Puts the selected paragraph's template into the text box (unless it is already
    /// there and `force` is false: typing must not be reset under the cursor).
    fn load_text(&mut self, session: &Session, force: bool) {
        self.current = self
            .selected
            .and_then(|id| self.layout.paragraph(id))
            .cloned();
        if !force && self.content_for == self.selected {
            // Same paragraph: keep the text box (and the cursor) as they are.
            return;
        }
        self.content_for = self.selected;
        let text = match (&self.current, &self.keys) {
            (Some(p), Some(keys)) => paragraph_template(session, keys, p),
            _ => String::new(),
        };
        self.content = text_editor::Content::with_text(&text);
    }

    fn select(&mut self, session: &Session, id: ParagraphId) -> Task<Message> {
        self.selected = Some(id);
        self.history.break_typing();
        self.load_text(session, true);
        let order = self.order();
        match order.iter().position(|p| *p == id) {
            Some(i) if order.len() > 1 => operation::snap_to(
                LIST,
                operation::RelativeOffset {
                    x: 0.0,
                    y: i as f32 / (order.len() - 1) as f32,
                },
            ),
            _ => Task::none(),
        }
    }

    /// Applies an operation; the list, the report and the text box follow.
    fn run(&mut self, session: &mut Session, op: Op) -> Effect {
        match self.history.apply(session, &op) {
            Ok(selected) => {
                if selected != 0 {
                    self.selected = Some(selected);
                }
                self.content_for = None; // the text may have changed: reload it
                self.refresh(session);
                Effect {
                    save: Save::Now,
                    ..Effect::default()
                }
            }
            Err(message) => Effect::error(message),
        }
    }

    fn with_selected(
        &mut self,
        session: &mut Session,
        op: impl FnOnce(ParagraphId) -> Op,
    ) -> Effect {
        match self.selected {
            Some(id) => self.run(session, op(id)),
            None => Effect::error("Select a paragraph first (Up/Down or a click)."),
        }
    }

    fn undo_redo(&mut self, session: &mut Session, redo: bool) -> Effect {
        let done = if redo {
            self.history.redo(session)
        } else {
            self.history.undo(session)
        };
        match done {
            Some(label) => {
                self.content_for = None;
                self.refresh(session);
                Effect {
                    save: Save::Now,
                    notice: Some(Notice::info(format!(
                        "{} {label}.",
                        if redo { "Redid:" } else { "Undid:" }
                    ))),
                    ..Effect::default()
                }
            }
            None => Effect::notice(format!(
                "Nothing to {}.",
                if redo { "redo" } else { "undo" }
            )),
        }
    }

    /// The text cursor as a character index into the template.
    fn cursor_index(&self) -> usize {
        let cursor = self.content.cursor();
        let text = self.content.text();
        let byte: usize = text
            .split('\n')
            .take(cursor.position.line)
            .map(|l| l.len() + 1)
            .sum::<usize>()
            + cursor.position.column;
        let byte = byte.min(text.len());
        text.get(..byte).map(|t| t.chars().count()).unwrap_or(0)
    }

    pub fn update(&mut self, message: Message, session: &mut Session) -> Effect {
        match message {
            Message::Press(id) => {
                if self.ctrl_held {
                    self.toggle_mark(id);
                    return Effect::default();
                }
                self.dragging = Some(id);
                self.hover = None;
                Effect {
                    task: self.select(session, id),
                    ..Effect::default()
                }
            }
            Message::Hover(id) => {
                if self.dragging.is_some() {
                    self.hover = Some(id);
                }
                Effect::default()
            }
            Message::Release(target) => {
                self.hover = None;
                match self.dragging.take() {
                    Some(id) if id != target => self.run(session, Op::DropOn { id, target }),
                    _ => Effect::default(),
                }
            }
            Message::Edit(action) => {
                let edit = action.is_edit();
                self.content.perform(action);
                let Some(id) = self.selected.filter(|_| edit) else {
                    return Effect::default();
                };
                let text = self.content.text();
                match self.history.apply(session, &Op::SetText { id, text }) {
                    Ok(_) => {
                        self.refresh(session);
                        Effect {
                            save: Save::Soon,
                            ..Effect::default()
                        }
                    }
                    Err(message) => Effect::error(message),
                }
            }
            Message::Shortcut(command) => self.shortcut(command, session),
            Message::GotoInput(value) => {
                self.goto = Some(value.chars().filter(char::is_ascii_digit).collect());
                Effect::default()
            }
            Message::GotoSubmit => {
                let wanted = self.goto.take().unwrap_or_default();
                let Ok(number) = wanted.parse::<u32>() else {
                    return Effect::error("Type the number of the paragraph to move before.");
                };
                let target = self.rows.iter().find_map(|r| match r {
                    Row::Paragraph(p) if p.number == Some(number) => Some(p.id),
                    _ => None,
                });
                let last = self.report.numbered().len() as u32;
                match target {
                    Some(target) => self.with_selected(session, |id| Op::MoveBefore { id, target }),
                    None if number == last + 1 => {
                        let chapter = self.rows.iter().rev().find_map(|r| match r {
                            Row::Chapter(c) => Some(c.key),
                            Row::Paragraph(_) => None,
                        });
                        match chapter {
                            Some(chapter) => {
                                self.with_selected(session, |id| Op::MoveToChapter { id, chapter })
                            }
                            None => Effect::default(),
                        }
                    }
                    None => Effect::error(format!(
                        "There is no paragraph {number}: the report has paragraphs 1 to {last} ({} moves to the very end).",
                        last + 1
                    )),
                }
            }
            Message::Chapter(choice) => self.with_selected(session, |id| Op::MoveToChapter {
                id,
                chapter: choice.key,
            }),
            Message::FootnoteInput(value) => {
                self.footnote = value;
                Effect::default()
            }
            Message::AddFootnote => {
                let text = std::mem::take(&mut self.footnote);
                let effect = self.with_selected(session, |id| Op::AddFootnote {
                    id,
                    text: text.clone(),
                });
                if effect.notice.is_some() {
                    self.footnote = text;
                }
                effect
            }
            Message::RemoveFootnote(index) => {
                self.with_selected(session, |id| Op::RemoveFootnote { id, index })
            }
            Message::Exclude(intervention) => self.run(session, Op::Exclude(intervention)),
            Message::Include(intervention) => self.run(session, Op::Include(intervention)),
            Message::Restore(id) => self.run(session, Op::Restore(id)),
            Message::Freeze => self.with_selected(session, Op::Freeze),
            Message::Regenerate => self.with_selected(session, Op::Regenerate),
        }
    }

    fn toggle_mark(&mut self, id: ParagraphId) {
        if let Some(i) = self.marked.iter().position(|m| *m == id) {
            self.marked.remove(i);
        } else {
            self.marked.push(id);
        }
    }

    fn shortcut(&mut self, command: Command, session: &mut Session) -> Effect {
        match command {
            Command::SelectUp | Command::SelectDown => {
                let order = self.order();
                let at = self
                    .selected
                    .and_then(|id| order.iter().position(|p| *p == id));
                let next = match (at, command) {
                    (None, _) => order.first(),
                    (Some(i), Command::SelectUp) => order.get(i.saturating_sub(1)),
                    (Some(i), _) => order.get((i + 1).min(order.len().saturating_sub(1))),
                };
                match next.copied() {
                    Some(id) => Effect {
                        task: self.select(session, id),
                        ..Effect::default()
                    },
                    None => Effect::default(),
                }
            }
            Command::Pick => Effect {
                task: operation::focus(TEXT),
                ..Effect::default()
            },
            Command::Cancel => {
                self.goto = None;
                self.dragging = None;
                self.history.break_typing();
                Effect {
                    task: iced::advanced::widget::operate(
                        iced::advanced::widget::operation::focusable::unfocus(),
                    ),
                    ..Effect::default()
                }
            }
            Command::MoveUp => self.with_selected(session, Op::MoveUp),
            Command::MoveDown => self.with_selected(session, Op::MoveDown),
            Command::Merge => self.with_selected(session, Op::MergeWithNext),
            Command::Split => {
                let at = self.cursor_index();
                self.with_selected(session, |id| Op::Split { id, at })
            }
            Command::Insert => {
                let mut effect = self.with_selected(session, Op::InsertAfter);
                if effect.save == Save::Now {
                    effect.task = operation::focus(TEXT);
                }
                effect
            }
            Command::Delete => {
                let mut effect = self.with_selected(session, Op::Delete);
                if effect.save == Save::Now {
                    effect.notice = Some(Notice::info(
                        "Paragraph deleted; restore it from the list of deleted paragraphs, or undo (Ctrl+Z).",
                    ));
                }
                effect
            }
            Command::Mark => {
                if let Some(id) = self.selected {
                    self.toggle_mark(id);
                }
                Effect::default()
            }
            Command::Group => {
                let ids = std::mem::take(&mut self.marked);
                let mut effect = self.run(session, Op::Group(ids.clone()));
                if effect.save == Save::Now {
                    // Ready to write the rest after the proposed opening.
                    self.content
                        .perform(text_editor::Action::Move(text_editor::Motion::DocumentEnd));
                    effect.task = operation::focus(TEXT);
                    effect.notice = Some(Notice::info(format!(
                        "Grouped {} paragraphs. {THEME} prints the opening; write the rest after it.",
                        ids.len()
                    )));
                } else {
                    self.marked = ids;
                }
                effect
            }
            Command::GoTo => {
                self.goto = Some(String::new());
                Effect {
                    task: operation::focus(GOTO),
                    ..Effect::default()
                }
            }
            Command::Undo => self.undo_redo(session, false),
            Command::Redo => self.undo_redo(session, true),
            other => Effect {
                request: Some(Request::Command(other)),
                ..Effect::default()
            },
        }
    }

    // ----- view -----

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let mut list = Column::new().spacing(4).padding(8);
        let mut footnote = 0;
        for r in &self.rows {
            match r {
                Row::Chapter(c) => {
                    list = list.push(text(&c.label).size(17).color(style::ACCENT));
                }
                Row::Paragraph(p) => list = list.push(self.paragraph_row(p, &mut footnote)),
            }
        }
        let list = container(scrollable(list).id(Id::new(LIST)).height(Fill).width(Fill))
            .style(style::panel)
            .width(iced::FillPortion(3))
            .height(Fill);
        let side = scrollable(self.side(session).padding([0, 12]))
            .height(Fill)
            .width(iced::FillPortion(2));
        column![self.toolbar(), row![list, side].spacing(10).height(Fill)]
            .spacing(8)
            .into()
    }

    fn toolbar(&self) -> Element<'_, Message> {
        let b = |label: &'static str, command: Command| {
            button(text(label).size(13))
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
        .spacing(6)
        .align_y(iced::Center);
        let undo = button(text("Undo  Ctrl+Z").size(13)).style(button::secondary);
        let redo = button(text("Redo  Ctrl+Y").size(13)).style(button::secondary);
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
            text(format!(
                "{} numbered paragraphs",
                self.report.numbered().len()
            ))
            .size(13)
            .color(style::MUTED),
            space::horizontal(),
        ]
        .spacing(8)
        .align_y(iced::Center);
        if !self.marked.is_empty() {
            second = second.push(
                text(format!("{} marked", self.marked.len()))
                    .size(13)
                    .color(style::ACCENT),
            );
        }
        second = second.push(
            button(text("Group marked as one theme  Ctrl+T").size(13))
                .style(button::secondary)
                .on_press(Message::Shortcut(Command::Group)),
        );
        second = second.push(
            button(text("Mark  Space").size(13))
                .style(button::secondary)
                .on_press(Message::Shortcut(Command::Mark)),
        );
        column![bar, second].spacing(6).into()
    }

    fn paragraph_row<'a>(
        &'a self,
        p: &'a ParagraphRow,
        footnote: &mut usize,
    ) -> Element<'a, Message> {
        let selected = self.selected == Some(p.id);
        let marked = self.marked.contains(&p.id);
        let drop_target = self.dragging.is_some_and(|d| d != p.id) && self.hover == Some(p.id);
        let number = match p.number {
            Some(n) => format!("{n}."),
            None => "–".into(),
        };
        let body: Element<'a, Message> = if p.content.is_empty() {
            text(if p.edited {
                "(empty: type its text, or delete it)"
            } else {
                "(nothing to generate here yet)"
            })
            .size(14)
            .color(style::MUTED)
            .into()
        } else {
            rich(&p.content, footnote)
        };
        let mut tags = Column::new().spacing(2).width(92);
        if p.generated {
            tags = tags.push(text("generated").size(11).color(style::ACCENT));
        }
        if p.edited {
            tags = tags.push(text("edited").size(11).color(style::OK));
        }
        if p.sources > 1 {
            tags = tags.push(
                text(format!("{} statements", p.sources))
                    .size(11)
                    .color(style::MUTED),
            );
        }
        if marked {
            tags = tags.push(text("marked").size(11).color(style::ALERT));
        }
        let line = row![
            text("⠿").size(16).color(style::MUTED).width(14),
            text(number).size(15).width(36),
            body,
            tags
        ]
        .spacing(6);
        mouse_area(
            container(line)
                .padding([4, 6])
                .width(Fill)
                .style(style::paragraph_row(selected, marked, drop_target)),
        )
        .on_press(Message::Press(p.id))
        .on_release(Message::Release(p.id))
        .on_enter(Message::Hover(p.id))
        .interaction(iced::mouse::Interaction::Grab)
        .into()
    }

    fn side<'a>(&'a self, session: &'a Session) -> Column<'a, Message> {
        let mut side = Column::new().spacing(10);
        let layout = &session.layout;
        let Some(id) = self.selected else {
            return side.push(text("No paragraph selected.").color(style::MUTED));
        };
        let Some(paragraph) = &self.current else {
            return side;
        };
        let title = match self.number_of(id) {
            Some(n) => format!("Paragraph {n}"),
            None => "Paragraph (not printed)".into(),
        };
        let kind = match (paragraph.generated, &paragraph.text) {
            (Some(g), None) => format!("generated: {}", generated_label(g)),
            (Some(g), Some(_)) => format!("frozen from the generated {}", generated_label(g)),
            (None, None) => "written from the notes".into(),
            (None, Some(_)) if paragraph.sources.is_empty() => "written by hand".into(),
            (None, Some(_)) => "rewritten".into(),
        };
        side = side.push(
            row![
                text(title).size(18),
                text(kind).size(13).color(style::MUTED)
            ]
            .spacing(10)
            .align_y(iced::Center),
        );

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
            .size(14);
        side = side.push(
            row![
                text("Move before no.").size(13).color(style::MUTED),
                goto,
                text("Ctrl+G").size(12).color(style::MUTED),
                text("to the end of").size(13).color(style::MUTED),
                pick_list(chapters, None::<ChapterChoice>, Message::Chapter)
                    .placeholder("a chapter…")
                    .text_size(13),
            ]
            .spacing(6)
            .align_y(iced::Center),
        );

        // The text.
        let editor = iced::widget::text_editor(&self.content)
            .id(TEXT)
            .placeholder("The paragraph's text…")
            .on_action(Message::Edit)
            .key_binding(widget::typing_keys(Message::Shortcut))
            .height(200)
            .size(15)
            .padding(8);
        side = side.push(editor);
        side = side.push(
            text("{Name} prints a person or delegation as the rules want at that place (full title at first mention); {delegations} is the opening of a thematic paragraph; {note:…} puts a footnote there.")
                .size(12)
                .color(style::MUTED),
        );
        let mut actions = row![].spacing(6);
        if paragraph.generated.is_some() && paragraph.text.is_none() {
            actions = actions.push(
                button(text("Freeze into editable text").size(13))
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
                button(text(label).size(13))
                    .style(button::secondary)
                    .on_press(Message::Regenerate),
            );
        }
        side = side.push(actions);
        for warning in &self.report.warnings {
            side = side.push(text(warning).size(13).color(style::ALERT));
        }

        // Footnotes.
        let mut notes = Column::new().spacing(4).push(text("Footnotes").size(15));
        for (n, note) in paragraph.footnotes.iter().enumerate() {
            notes = notes.push(
                row![
                    text(note).size(13).width(Fill),
                    button(text("Remove").size(12))
                        .style(button::secondary)
                        .on_press(Message::RemoveFootnote(n)),
                ]
                .spacing(6)
                .align_y(iced::Center),
            );
        }
        notes = notes.push(
            row![
                text_input("Document symbol, address or text", &self.footnote)
                    .id(FOOTNOTE)
                    .on_input(Message::FootnoteInput)
                    .on_submit(Message::AddFootnote)
                    .size(13),
                button(text("Add footnote").size(13)).on_press(Message::AddFootnote),
            ]
            .spacing(6),
        );
        side = side.push(notes);

        // Provenance.
        let zone = session.meeting.zone();
        let mut sources = Column::new().spacing(6).push(
            text(if paragraph.sources.is_empty() {
                "From the log: nothing (generated or written here)"
            } else {
                "From the log"
            })
            .size(15),
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
                            text(session.intervention_label(i)).size(13).width(Fill),
                            text(format!(
                                "{}–{}, {segment}",
                                i.started_at.with_timezone(&zone).format("%H:%M"),
                                i.ended_at.with_timezone(&zone).format("%H:%M"),
                            ))
                            .size(12)
                            .color(style::MUTED),
                        ]
                        .spacing(6),
                        text(&i.text).size(13),
                        button(text("Leave out of the report").size(12))
                            .style(button::secondary)
                            .on_press(Message::Exclude(i.id)),
                    ]
                    .spacing(4),
                )
                .padding(6)
                .width(Fill)
                .style(style::panel),
            );
        }
        side = side.push(sources);

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
                .spacing(6)
                .push(text("Written statements").size(15));
            for inscription in handed_in {
                written = written.push(
                    container(
                        column![
                            row![
                                text(session.speaker_label(&inscription.speaker))
                                    .size(13)
                                    .width(Fill),
                                text(inscription.status.label())
                                    .size(12)
                                    .color(style::MUTED),
                            ]
                            .spacing(6),
                            text(&inscription.text).size(13),
                        ]
                        .spacing(4),
                    )
                    .padding(6)
                    .width(Fill)
                    .style(style::panel),
                );
            }
            side = side.push(written);
        }

        if !layout.excluded.is_empty() {
            let mut list = Column::new()
                .spacing(4)
                .push(text("Left out of the report").size(15));
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
                            .size(12)
                            .width(Fill),
                        button(text("Put back").size(12))
                            .style(button::secondary)
                            .on_press(Message::Include(i.id)),
                    ]
                    .spacing(6),
                );
            }
            side = side.push(list);
        }
        if let (false, Some(keys)) = (layout.deleted.is_empty(), &self.keys) {
            let mut list = Column::new()
                .spacing(4)
                .push(text("Deleted paragraphs").size(15));
            for d in layout.deleted.iter().rev() {
                let template = paragraph_template(session, keys, &d.paragraph);
                let mut preview: String = template.chars().take(70).collect();
                if preview.len() < template.len() {
                    preview.push('…');
                }
                list = list.push(
                    row![
                        text(preview).size(12).width(Fill),
                        button(text("Restore").size(12))
                            .style(button::secondary)
                            .on_press(Message::Restore(d.paragraph.id)),
                    ]
                    .spacing(6),
                );
            }
            side = side.push(list);
        }
        side
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
