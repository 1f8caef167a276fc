//! The editor screen (Ctrl+2): the report's paragraphs as they will print, numbered, to
//! reorder, merge, split, group and rewrite; the selected paragraph's text, footnotes
//! and provenance beside them. Every change is an [`Op`] on the session's layout
//! (`report::edit`), so the screen holds only what is on screen and the undo history.

mod cursor;
mod findings;
mod list;
mod rows;
mod side;

pub use rows::{ChapterChoice, ParagraphRow, Row};

use std::sync::Arc;

use iced::widget::{column, operation, row, scrollable, text_editor};
use iced::{Element, Fill, Task};

use crate::core::intervention::InterventionId;
use crate::core::layout::{Layout, Paragraph as LayoutParagraph, ParagraphId};
use crate::core::session::Session;
use crate::core::shared::Shared;
use crate::report::assemble::paragraph_template;
use crate::report::assemble::{Memo, assemble_summary};
use crate::report::edit::{History, Op};
use crate::report::template::{Keys, THEME};
use crate::report::{Options, Report};

/// A report assembled ahead, off the window's thread (see `Editor::ahead`).
pub struct Ahead {
    revision: Revision,
    layout: Shared<Layout>,
    keys: Keys,
    report: Arc<Report>,
    words: crate::report::checker::WordCount,
    memo: Memo,
    word_memo: crate::report::checker::WordMemo,
}

/// The options of the panel summary report as the editor, the preview and the export
/// build it: one report for all three.
pub fn summary_options() -> Options {
    Options {
        kind: Some(crate::core::meeting::ReportKind::PanelSummary),
        issue_date: Some(chrono::Local::now().date_naive()),
    }
}

use super::effect::{Notice, Request, Save};
use super::revision::{Revision, Stamp};
use super::shortcuts::Command;
use super::virtual_list::{self, VirtualList};

use crate::ui::style;

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
    /// Take an inscription's written statement into the report.
    UseWritten(u32),
    Restore(ParagraphId),
    Freeze,
    Regenerate,
    /// The keyboard's modifiers changed.
    Modifiers(iced::keyboard::Modifiers),
    /// The list reported a size or a scroll (see `ui::virtual_list`).
    List(virtual_list::Event),
    /// A finding of the checker clicked in its panel.
    GoToFinding(usize),
}

pub type Effect = super::effect::Effect<Message>;

/// What changed the session since the editor last built its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Since {
    /// One of the editor's operations: only the layout changed, and it is resolved; the
    /// names are still good.
    Edit,
    /// Undo or redo: only the layout changed, but to one resolved earlier (statements
    /// may have been logged since).
    Undo,
    /// Anything else (a statement logged, a name corrected): the names afresh.
    Elsewhere,
}

pub struct Editor {
    pub history: History,
    pub report: Arc<Report>,
    pub rows: Vec<Row>,
    /// The list's scroll position and row heights: which rows to build.
    pub list: VirtualList,
    pub selected: Option<ParagraphId>,
    pub marked: Vec<ParagraphId>,
    pub content: text_editor::Content,
    content_for: Option<ParagraphId>,
    pub goto: Option<String>,
    pub footnote: String,
    pub dragging: Option<ParagraphId>,
    pub hover: Option<ParagraphId>,
    /// Ctrl is held (Ctrl+click marks).
    ctrl_held: bool,
    /// The selected paragraph as the layout holds it (kept here so drawing never resolves).
    current: Option<Shared<LayoutParagraph>>,
    /// The session's layout, resolved once per change, and the names of the session.
    layout: Shared<Layout>,
    keys: Option<Keys>,
    /// Paragraphs as printed last time, reused by the next assembly where unchanged.
    memo: Memo,
    /// The session revision the rows (and the report under them) were built from.
    stamp: Stamp,
    /// The revision the report alone was built from (for the preview, see `report_at`).
    report_stamp: Stamp,
    /// The memos are lent to an assembly made ahead off the window's thread.
    lent: bool,
    /// Flips whenever the text box gets another paragraph's text: its border changes by
    /// an invisible hair, so the software renderer repaints the whole box (it repainted
    /// only the new text's lines and left the last line of a longer paragraph on screen;
    /// any hover over the box cleared it).
    pub(super) repaint: bool,
    /// The report's words and its limit, counted when it is built.
    pub(super) words: crate::report::checker::WordCount,
    pub(super) limit: Option<u32>,
    /// The editorial checker's findings on the report, the memo that keeps a re-check to
    /// what changed, whether the panel is open and the finding gone to last.
    pub findings: Vec<crate::report::checker::Finding>,
    checker: crate::report::checker::Memo,
    pub show_findings: bool,
    pub finding: Option<usize>,
    /// A large report is checked when typing pauses (see `findings::tick`): the
    /// findings shown are those of the report before the last change until then.
    pub findings_stale: bool,
    changed_at: Option<std::time::Instant>,
    word_memo: crate::report::checker::WordMemo,
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
            report: Arc::default(),
            rows: Vec::new(),
            list: VirtualList::new(LIST),
            selected: None,
            marked: Vec::new(),
            content: text_editor::Content::new(),
            content_for: None,
            words: Default::default(),
            limit: None,
            findings: Vec::new(),
            checker: crate::report::checker::Memo::default(),
            show_findings: false,
            finding: None,
            findings_stale: false,
            changed_at: None,
            word_memo: Default::default(),
            goto: None,
            footnote: String::new(),
            dragging: None,
            hover: None,
            ctrl_held: false,
            current: None,
            layout: Shared::default(),
            keys: None,
            memo: Memo::default(),
            stamp: Stamp::Never,
            report_stamp: Stamp::Never,
            lent: false,
            repaint: false,
        }
    }

    /// Brings the report and rows up to the session's revision, if they are behind.
    pub fn sync(&mut self, session: &Session, revision: Revision) {
        if self.stamp.behind(revision) {
            if self.report_stamp.behind(revision) {
                self.refresh(session, Since::Elsewhere);
            } else {
                // The report was built for the preview already: only the list is due.
                self.stamp = Stamp::Current;
                self.list_from_report(session, Since::Elsewhere);
            }
        }
        self.stamp = Stamp::At(revision);
        self.report_stamp = Stamp::At(revision);
    }

    /// Whether the report is behind `revision` and could be made ahead (see `ahead`).
    pub fn can_make_ahead(&self, revision: Revision) -> bool {
        self.report_stamp.behind(revision) && !self.lent
    }

    /// The assembly of the report at `revision`, to run on another thread while the
    /// note-taker is on another screen: opening the editor or the preview then finds it
    /// built. The memos go with it and come back in what it makes.
    pub fn ahead(
        &mut self,
        session: &Session,
        revision: Revision,
    ) -> impl FnOnce() -> Ahead + Send + 'static {
        self.lent = true;
        let mut memo = std::mem::take(&mut self.memo);
        let mut word_memo = std::mem::take(&mut self.word_memo);
        let session = session.clone();
        move || {
            let layout: Shared<Layout> = session.layout.resolve(&session).into();
            let keys = Keys::new(&session);
            let report = Arc::new(assemble_summary(
                &session,
                &layout,
                &keys,
                &summary_options(),
                &mut memo,
            ));
            let words = crate::report::checker::word_count_memo(&report, &mut word_memo);
            Ahead {
                revision,
                layout,
                keys,
                report,
                words,
                memo,
                word_memo,
            }
        }
    }

    /// The assembly made ahead stopped: its memos are lost.
    pub fn lost_ahead(&mut self) {
        self.lent = false;
    }

    /// What was made ahead: taken if the report is still behind at that revision; else
    /// only its memos are kept, if the editor did not assemble meanwhile.
    pub fn made_ahead(&mut self, ahead: Ahead, session: &Session, revision: Revision) {
        self.lent = false;
        if !self.report_stamp.behind(revision) {
            return;
        }
        self.memo = ahead.memo;
        self.word_memo = ahead.word_memo;
        if ahead.revision == revision {
            self.layout = ahead.layout;
            self.keys = Some(ahead.keys);
            self.report = ahead.report;
            self.words = ahead.words;
            self.limit = crate::report::checker::word_limit(
                session,
                crate::core::meeting::ReportKind::PanelSummary,
            );
            self.report_stamp = Stamp::At(revision);
        }
    }

    /// The panel summary report at the session's revision, without the editor's list:
    /// what the preview shows and the export writes, built once per revision.
    pub fn report_at(&mut self, session: &Session, revision: Revision) -> &Arc<Report> {
        if self.report_stamp.behind(revision) {
            self.derive(session, Since::Elsewhere);
            self.report_stamp = Stamp::At(revision);
        }
        &self.report
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

    /// What the paragraph's text box holds.
    pub fn text_box(&self) -> String {
        self.content.text()
    }

    pub fn number_of(&self, id: ParagraphId) -> Option<u32> {
        self.row_of(id)?.1.number
    }

    /// Rebuilds the report and the list from the session as it is now. Called inside
    /// `update` when the next selection needs the new numbering; `sync` otherwise.
    fn refresh(&mut self, session: &Session, since: Since) {
        self.stamp = Stamp::Current;
        self.report_stamp = Stamp::Current;
        self.derive(session, since);
        self.list_from_report(session, since);
    }

    /// The report from the session as it is now (reusing what the memo can).
    fn derive(&mut self, session: &Session, since: Since) {
        self.layout = match since {
            // `apply_resolved` leaves the session's layout resolved.
            Since::Edit => session.layout.clone(),
            Since::Undo | Since::Elsewhere => session.layout.resolve(session).into(),
        };
        // The names are built again after a change elsewhere; the memo checks for
        // itself what it can still reuse (`report::memo`).
        let keys = match self.keys.take() {
            Some(keys) if since != Since::Elsewhere => keys,
            _ => Keys::new(session),
        };
        // The very report the preview shows and the export writes (same options), built
        // once per revision and shared by reference.
        self.report = Arc::new(assemble_summary(
            session,
            &self.layout,
            &keys,
            &summary_options(),
            &mut self.memo,
        ));
        self.keys = Some(keys);
        // Counted once per report: the preview shows this count too.
        self.words = crate::report::checker::word_count_memo(&self.report, &mut self.word_memo);
        self.limit = crate::report::checker::word_limit(
            session,
            crate::core::meeting::ReportKind::PanelSummary,
        );
    }

    /// The words of the report `report_at` last built.
    pub fn word_total(&self) -> usize {
        self.words.total
    }

    /// The list and the checker's findings from the report just built.
    fn list_from_report(&mut self, session: &Session, since: Since) {
        self.rows = rows::build(session, &self.layout, &self.report);
        self.check_or_defer(session);
        self.list
            .set_rows(rows::sizes(&self.rows, self.list.width()));
        let marked = std::mem::take(&mut self.marked);
        self.marked = marked
            .into_iter()
            .filter(|id| self.row_of(*id).is_some())
            .collect();
        if self.selected.and_then(|id| self.row_of(id)).is_none() {
            self.selected = self.rows.iter().find_map(|r| match r {
                Row::Paragraph(p) => Some(p.id),
                Row::Chapter(_) => None,
            });
        }
        // A change on another screen (a name, a title, a statement) can change the
        // selected paragraph's text: the box shows it, not what it held before.
        let stale = since == Since::Elsewhere && self.text_box_stale(session);
        self.load_text(session, stale);
    }

    /// Whether the text box no longer holds the selected paragraph's text.
    fn text_box_stale(&self, session: &Session) -> bool {
        let Some(id) = self.selected else {
            return false;
        };
        let (Some(p), Some(keys)) = (self.layout_paragraph(id), &self.keys) else {
            return false;
        };
        paragraph_template(session, keys, p) != self.content.text().trim_end_matches('\n')
    }

    /// Puts the selected paragraph's template into the text box (unless it is already
    /// there and `force` is false: typing must not be reset under the cursor).
    fn load_text(&mut self, session: &Session, force: bool) {
        self.current = self
            .selected
            .and_then(|id| self.layout_paragraph(id))
            .cloned();
        let same = self.content_for == self.selected;
        if !force && same {
            // Same paragraph: keep the text box (and the cursor) as they are.
            return;
        }
        self.content_for = self.selected;
        let text = match (&self.current, &self.keys) {
            (Some(p), Some(keys)) => paragraph_template(session, keys, p),
            _ => String::new(),
        };
        if same {
            // Its text changed under the cursor (another editor's change merged in):
            // the cursor stays by its words.
            cursor::reload(&mut self.content, &text);
        } else {
            self.content = text_editor::Content::with_text(&text);
        }
        self.repaint = !self.repaint;
    }

    /// The paragraph's row: its place in the list and what the list knows of it.
    fn row_of(&self, id: ParagraphId) -> Option<(usize, &ParagraphRow)> {
        self.rows.iter().enumerate().find_map(|(n, r)| match r {
            Row::Paragraph(p) if p.id == id => Some((n, p)),
            _ => None,
        })
    }

    /// A paragraph of the layout, found through its row (no search of the layout).
    fn layout_paragraph(&self, id: ParagraphId) -> Option<&Shared<LayoutParagraph>> {
        let (c, i) = self.row_of(id)?.1.place;
        self.layout.chapters.get(c)?.paragraphs.get(i)
    }

    fn select(&mut self, session: &Session, id: ParagraphId) -> Task<Message> {
        self.selected = Some(id);
        self.history.break_typing();
        self.load_text(session, true);
        self.reveal_selected()
    }

    /// Scrolls the list so the selected paragraph is in view (if it is not).
    fn reveal_selected(&mut self) -> Task<Message> {
        match self.selected.and_then(|id| self.row_of(id)) {
            Some((n, _)) => self.list.reveal(n),
            None => Task::none(),
        }
    }

    /// Applies an operation to the layout this screen holds resolved (it is up to date:
    /// `update` syncs first); the list, the report and the text box follow.
    fn run(&mut self, session: &mut Session, op: Op) -> Effect {
        let resolved = (*self.layout).clone();
        match self.history.apply_resolved(session, resolved, &op) {
            Ok(selected) => {
                if selected != 0 {
                    self.selected = Some(selected);
                }
                self.content_for = None; // the text may have changed: reload it
                self.refresh(session, Since::Edit);
                Effect {
                    save: Save::Now,
                    task: self.reveal_selected(),
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
                self.refresh(session, Since::Undo);
                Effect {
                    save: Save::Now,
                    task: self.reveal_selected(),
                    notice: Some(Notice::info(format!(
                        "{} {label}.{}",
                        if redo { "Redid:" } else { "Undid:" },
                        kept_since(self.history.kept())
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

    /// `revision`: the session's, so that every operation starts from a layout resolved
    /// against the session as it is.
    pub fn update(
        &mut self,
        message: Message,
        session: &mut Session,
        revision: Revision,
    ) -> Effect {
        // A modifier pressed on another screen must not build this one.
        if !matches!(message, Message::Modifiers(_)) {
            self.sync(session, revision);
        }
        match message {
            Message::Modifiers(modifiers) => {
                self.ctrl_held = modifiers.command();
                Effect::default()
            }
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
                let resolved = (*self.layout).clone();
                match self
                    .history
                    .apply_resolved(session, resolved, &Op::SetText { id, text })
                {
                    Ok(_) => {
                        self.refresh(session, Since::Edit);
                        Effect {
                            save: Save::Soon,
                            ..Effect::default()
                        }
                    }
                    Err(message) => Effect::error(message),
                }
            }
            Message::Shortcut(command) => self.shortcut(command, session),
            Message::GoToFinding(n) => self.go_to_finding(session, n),
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
                let last = self.report.numbered_count() as u32;
                match target {
                    Some(target) => self.with_selected(session, |id| Op::MoveBefore { id, target }),
                    None if number == last + 1 => {
                        let chapter = self.rows.iter().rev().find_map(|r| match r {
                            Row::Chapter(c) => Some(c.value),
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
                chapter: choice.value,
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
            Message::UseWritten(inscription) => {
                let Some(taken) = session.use_written_statement(inscription) else {
                    return Effect::error("That inscription has no written statement.");
                };
                // A statement added to the log: the report and its names afresh, then
                // the paragraph that holds it selected for the editor to place.
                self.refresh(session, Since::Elsewhere);
                let holder = self
                    .layout
                    .paragraphs()
                    .find(|p| p.sources.contains(&taken))
                    .map(|p| p.id);
                let task = match holder {
                    Some(id) => self.select(session, id),
                    None => Task::none(),
                };
                Effect {
                    save: Save::Now,
                    task,
                    ..Effect::default()
                }
            }
            Message::Restore(id) => self.run(session, Op::Restore(id)),
            Message::Freeze => self.with_selected(session, Op::Freeze),
            Message::Regenerate => self.with_selected(session, Op::Regenerate),
            Message::List(event) => {
                self.list.update(event);
                Effect::none()
            }
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
            Command::Heading => self.with_selected(session, Op::ToggleHeading),
            Command::Split => {
                let at = self.cursor_index();
                self.with_selected(session, |id| Op::Split { id, at })
            }
            Command::Insert => {
                let mut effect = self.with_selected(session, Op::InsertAfter);
                if effect.save == Save::Now {
                    effect.task = effect.task.chain(operation::focus(TEXT));
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
                    effect.task = effect.task.chain(operation::focus(TEXT));
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
            Command::Findings => {
                self.show_findings = !self.show_findings;
                Effect::default()
            }
            Command::NextFinding => self.step_finding(session, true),
            Command::PreviousFinding => self.step_finding(session, false),
            Command::FixFinding => self.fix_finding(session),
            Command::IgnoreFinding => self.ignore_finding(session),
            other => Effect {
                request: Some(Request::Command(other)),
                ..Effect::default()
            },
        }
    }

    // ----- view -----

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let mut side = self.side(session);
        if self.show_findings {
            side = iced::widget::Column::new()
                .spacing(style::gap::L)
                .push(self.findings_panel())
                .push(side);
        }
        let side = scrollable(side.padding([0, 12]))
            .height(Fill)
            .width(iced::FillPortion(2));
        column![
            self.toolbar(),
            row![self.list(), side].spacing(style::gap::L).height(Fill)
        ]
        .spacing(style::gap::M)
        .into()
    }
}

/// What an undo or redo left alone because another editor changed it since (a team
/// session merges their work in while this one edits).
fn kept_since(kept: &crate::core::layout_carry::Kept) -> String {
    let count = kept.paragraphs.len() + kept.fields.len();
    match count {
        0 => String::new(),
        1 => " One paragraph changed since by another editor is left as they made it.".into(),
        n => format!(" {n} paragraphs changed since by another editor are left as they made them."),
    }
}
