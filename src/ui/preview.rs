//! Report preview (read-only): the assembled report as it will print, with its numbers,
//! and export. The report is rebuilt when the screen opens behind the session or the
//! kind changes, not on every frame; only the lines around the viewport are built.

use iced::widget::{button, column, container, pick_list, rich_text, row, space, span, text};
use iced::{Element, Fill, Font};

use crate::core::meeting::ReportKind;
use crate::core::session::Session;
use crate::report::assemble::{Memo, assemble_with};
use crate::report::{Block, Inline, Options, Report};
use std::sync::Arc;

use super::choices::{KindChoice, Labelled, report_kinds, selected};
use super::effect::Request;
use super::revision::{Revision, Stamp};
use super::shortcuts::Command;
use super::style;
use super::virtual_list::{self, RowSize, VirtualList};
use super::widget;

/// The scrollable page's id.
pub const PAGE: &str = "report-page";

#[derive(Debug, Clone)]
pub enum Message {
    Kind(KindChoice),
    Export,
    Backups,
    /// The page reported a size or a scroll (see `ui::virtual_list`).
    List(virtual_list::Event),
}

pub struct Preview {
    pub kind: ReportKind,
    pub report: Arc<Report>,
    pub last_export: Option<String>,
    /// The page as lines, the report's footnotes, and which lines are in view.
    lines: Vec<Line>,
    notes: Vec<String>,
    list: VirtualList,
    /// The session revision `report` was assembled from.
    stamp: Stamp,
    /// Paragraphs as printed last time, reused where they would print the same.
    memo: Memo,
    /// The report's words and its limit, counted when it is built.
    words: usize,
    limit: Option<u32>,
    /// The words of the runs counted before, reused with the memo's paragraphs.
    word_memo: crate::report::checker::WordMemo,
}

pub type Effect = super::effect::Effect<Message>;

impl Preview {
    pub fn new(session: &Session) -> Self {
        let kind = session.meeting.report_kind;
        // Assembled when first shown (see `sync`), not when the session opens.
        Preview {
            kind,
            report: Arc::default(),
            last_export: None,
            lines: Vec::new(),
            notes: Vec::new(),
            list: VirtualList::new(PAGE),
            stamp: Stamp::Never,
            memo: Memo::default(),
            words: 0,
            limit: None,
            word_memo: Default::default(),
        }
    }

    /// Assembles the report of the chosen kind and lays it out as lines.
    fn build(&mut self, session: &Session) {
        let options = Options {
            kind: Some(self.kind),
            issue_date: Some(chrono::Local::now().date_naive()),
        };
        // Reusing what it printed last time the preview was shown (see `report::memo`).
        let report = Arc::new(assemble_with(session, &options, &mut self.memo));
        let words = crate::report::checker::word_count_memo(&report, &mut self.word_memo).total;
        self.show(session, report, words);
    }

    /// Lays out a report built for the session as it is now, of `words` words.
    fn show(&mut self, session: &Session, report: Arc<Report>, words: usize) {
        self.report = report;
        self.words = words;
        self.limit = crate::report::checker::word_limit(session, self.kind);
        self.notes = self
            .report
            .footnotes()
            .into_iter()
            .map(str::to_owned)
            .collect();
        let lines = lines(&self.report, &self.notes);
        self.list
            .set_rows(lines.iter().enumerate().map(|(i, (_, estimate))| RowSize {
                key: i as u64,
                estimate: *estimate,
            }));
        self.lines = lines.into_iter().map(|(line, _)| line).collect();
    }

    /// The kind of report on show.
    pub fn kind(&self) -> ReportKind {
        self.kind
    }

    /// Brings the preview up to the session's revision with a report already built for
    /// it (the editor's panel summary report, of `words` words): nothing is assembled or
    /// counted twice.
    pub fn sync_with(
        &mut self,
        session: &Session,
        revision: Revision,
        report: &Arc<Report>,
        words: usize,
    ) {
        if self.stamp.behind(revision) || !Arc::ptr_eq(&self.report, report) {
            self.show(session, Arc::clone(report), words);
        }
        self.stamp = Stamp::At(revision);
    }

    /// Brings the report up to the session's revision, if it is behind.
    pub fn sync(&mut self, session: &Session, revision: Revision) {
        if self.stamp.behind(revision) {
            self.build(session);
        }
        self.stamp = Stamp::At(revision);
    }

    pub fn update(&mut self, message: Message, session: &Session) -> Effect {
        match message {
            Message::Kind(Labelled { value: kind, .. }) => {
                self.kind = kind;
                self.build(session);
                self.stamp = Stamp::Current;
                Effect::none()
            }
            Message::List(event) => {
                self.list.update(event);
                Effect::none()
            }
            Message::Export => Effect::request(Request::Command(Command::Export)),
            Message::Backups => Effect::request(Request::ShowBackups),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let r = &self.report;
        let kinds = report_kinds();
        let kind = selected(&kinds, &self.kind);
        let mut bar = row![
            text("Report kind")
                .size(style::size::BODY)
                .color(style::MUTED),
            pick_list(kinds, kind, Message::Kind).text_size(style::size::BODY),
            button(text("Export DOCX…  Ctrl+E")).on_press(Message::Export),
            button(text("Backups…"))
                .style(button::secondary)
                .on_press(Message::Backups),
            text(format!(
                "{}, {}",
                widget::counted(
                    r.numbered_count(),
                    "numbered paragraph",
                    "numbered paragraphs"
                ),
                widget::counted(self.notes.len(), "footnote", "footnotes")
            ))
            .size(style::size::LABEL)
            .color(style::MUTED),
            widget::word_budget(self.words, self.limit),
        ]
        .spacing(style::gap::L)
        .align_y(iced::Center);
        if let Some(path) = &self.last_export {
            bar = bar.push(
                text(format!("Last export: {path}"))
                    .size(style::size::LABEL)
                    .color(style::OK),
            );
        }
        let page = self.list.view(
            |i| match self.lines.get(i) {
                // The page in the middle of a wide window, as a word processor shows it:
                // every line as wide as the page, so lines keep one left edge.
                Some(line) => container(
                    container(self.line(line))
                        .padding([4, 24])
                        .width(Fill)
                        .max_width(PAGE_WIDTH),
                )
                .center_x(Fill)
                .into(),
                None => space().into(),
            },
            Message::List,
        );
        // The report's own warnings above the page; a paragraph's stand under it.
        let mut top = iced::widget::Column::new().push(bar);
        for warning in r.general_warnings() {
            top = top.push(text(warning).size(style::size::LABEL).color(style::ALERT));
        }
        column![
            top.spacing(style::gap::XS),
            container(page).style(style::panel)
        ]
        .spacing(style::gap::M)
        .into()
    }

    fn line<'a>(&'a self, line: &Line) -> Element<'a, Message> {
        let r = &self.report;
        let bold = Font {
            weight: iced::font::Weight::Bold,
            ..Font::DEFAULT
        };
        let missing = || text("").into();
        match *line {
            Line::Masthead(i) => match r.masthead.get(i) {
                Some(m) => text(m).size(style::size::LABEL).color(style::MUTED).into(),
                None => missing(),
            },
            Line::Title => text(&r.title).size(style::size::DISPLAY).font(bold).into(),
            Line::Subtitle => text(&r.subtitle).size(style::size::INPUT).font(bold).into(),
            Line::SummaryHeading => boxed(
                text("Summary")
                    .size(style::size::HEADING)
                    .font(bold)
                    .width(Fill)
                    .align_x(iced::alignment::Horizontal::Center),
            ),
            Line::Summary(i) => match r.summary.get(i) {
                Some(p) => boxed(text(p).size(BODY)),
                None => missing(),
            },
            Line::Block(i, footnotes_before) => {
                let mut footnote = footnotes_before;
                match r.blocks.get(i) {
                    Some(Block::Chapter { numeral, title }) => {
                        let heading = match numeral {
                            Some(n) => format!("{n}  {title}"),
                            None => title.clone(),
                        };
                        text(heading).size(style::size::HEADING).font(bold).into()
                    }
                    Some(Block::Heading { text: heading }) => {
                        text(heading).size(style::size::INPUT).font(bold).into()
                    }
                    Some(Block::Subheading {
                        letter, content, ..
                    }) => row![
                        text(letter.clone())
                            .size(style::size::INPUT)
                            .font(bold)
                            .width(44),
                        text(crate::report::model::plain(content))
                            .size(style::size::INPUT)
                            .font(bold),
                    ]
                    .spacing(style::gap::S)
                    .into(),
                    Some(Block::Paragraph {
                        number,
                        content,
                        generated,
                        item,
                        ..
                    }) => {
                        // What the editor should fix stands under the words it is about.
                        let mut body =
                            iced::widget::Column::new().push(rich(content, &mut footnote));
                        for warning in item.iter().flat_map(|id| r.flags(*id)) {
                            body = body
                                .push(text(warning).size(style::size::LABEL).color(style::ALERT));
                        }
                        let mut line = row![
                            text(number.map(|n| format!("{n}.")).unwrap_or_default())
                                .size(BODY)
                                .width(44),
                            body,
                        ]
                        .spacing(style::gap::S);
                        if *generated {
                            line = line.push(
                                text("generated")
                                    .size(style::size::TAG)
                                    .color(style::ACCENT),
                            );
                        }
                        line.into()
                    }
                    // A nested bullet is indented with its mark, as the DOCX sets it.
                    Some(Block::Bullet { level, content, .. }) => row![
                        iced::widget::space().width(20 * u32::from(*level)),
                        text(if *level == 0 { "•" } else { "–" })
                            .size(BODY)
                            .width(16),
                        rich(content, &mut footnote)
                    ]
                    .spacing(style::gap::S)
                    .into(),
                    Some(Block::Plain { content }) => rich(content, &mut footnote),
                    None => missing(),
                }
            }
            Line::Rule => text("__________").color(style::MUTED).into(),
            Line::Note(i) => match self.notes.get(i) {
                Some(note) => text(format!("{}  {note}", i + 1))
                    .size(style::size::LABEL)
                    .into(),
                None => missing(),
            },
        }
    }
}

/// The page's width in the preview, about that of an A4 text block on screen.
const PAGE_WIDTH: f32 = 820.0;
/// Body text size in the preview: as report paragraphs read everywhere.
const BODY: f32 = style::size::READ;

/// One line of the page as the list builds it: a part of the report by its place.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Line {
    Masthead(usize),
    Title,
    Subtitle,
    SummaryHeading,
    Summary(usize),
    /// A block of the report and the footnotes printed before it.
    Block(usize, usize),
    Rule,
    Note(usize),
}

/// The lines of `report`, in order, with a height to assume for each until it is shown.
fn lines(report: &Report, notes: &[String]) -> Vec<(Line, f32)> {
    // Characters per line of body text on the page, and line heights by text size.
    let per_line = ((PAGE_WIDTH - 48.0 - 50.0) / (BODY * 0.55)).floor();
    let height = |chars: usize, size: f32| {
        (chars as f32 / per_line * BODY / size).ceil().max(1.0) * size * 1.3 + 8.0
    };
    let mut lines = Vec::new();
    for (i, m) in report.masthead.iter().enumerate() {
        lines.push((Line::Masthead(i), height(m.len(), style::size::LABEL)));
    }
    lines.push((
        Line::Title,
        height(report.title.len(), style::size::DISPLAY),
    ));
    if !report.subtitle.is_empty() {
        lines.push((
            Line::Subtitle,
            height(report.subtitle.len(), style::size::INPUT),
        ));
    }
    if !report.summary.is_empty() {
        lines.push((Line::SummaryHeading, height(7, style::size::HEADING)));
        for (i, p) in report.summary.iter().enumerate() {
            lines.push((Line::Summary(i), height(p.chars().count(), BODY)));
        }
    }
    let mut footnotes = 0;
    for (i, block) in report.blocks.iter().enumerate() {
        let chars = |content: &[Inline]| -> usize {
            content
                .iter()
                .map(|inline| match inline {
                    // Bytes, not characters: as good for an estimate, and no scan.
                    Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) => t.len(),
                    Inline::Footnote(_) => 3,
                    Inline::LineBreak | Inline::Item(_) => per_line as usize,
                })
                .sum()
        };
        let (estimate, notes_here) = match block {
            Block::Chapter { title, .. } => (height(title.len() + 4, style::size::HEADING), 0),
            Block::Heading { text } => (height(text.len(), style::size::INPUT), 0),
            Block::Subheading { content, .. } => {
                (height(chars(content) + 4, style::size::INPUT), 0)
            }
            Block::Paragraph { content, .. }
            | Block::Bullet { content, .. }
            | Block::Plain { content } => (
                height(chars(content), BODY),
                content
                    .iter()
                    .filter(|i| matches!(i, Inline::Footnote(_)))
                    .count(),
            ),
        };
        lines.push((Line::Block(i, footnotes), estimate));
        footnotes += notes_here;
    }
    if !notes.is_empty() {
        lines.push((Line::Rule, height(10, BODY)));
        for (i, note) in notes.iter().enumerate() {
            lines.push((
                Line::Note(i),
                height(note.chars().count() + 3, style::size::LABEL),
            ));
        }
    }
    lines
}

/// Paragraph content with bold runs and footnote numbers.
pub fn rich<'a, M: 'a>(content: &[Inline], footnote: &mut usize) -> Element<'a, M> {
    let bold = Font {
        weight: iced::font::Weight::Bold,
        ..Font::DEFAULT
    };
    let mut items = crate::report::model::Items::default();
    let spans: Vec<iced::widget::text::Span<'a, (), Font>> = content
        .iter()
        .map(|inline| match inline {
            Inline::Text(t) => span(t.clone()),
            Inline::Bold(t) => span(t.clone()).font(bold),
            Inline::Italic(t) => span(t.clone()).font(Font {
                style: iced::font::Style::Italic,
                ..Font::DEFAULT
            }),
            Inline::LineBreak => span("\n"),
            Inline::Item(level) => span(format!(
                "\n{}{}  ",
                "    ".repeat(usize::from(*level)),
                items.next(*level)
            )),
            Inline::Footnote(_) => {
                *footnote += 1;
                span(format!("[{footnote}]")).color(style::ACCENT)
            }
        })
        .collect();
    rich_text(spans).size(style::size::READ).width(Fill).into()
}

/// A row of the Summary, inside its box.
fn boxed<'a>(content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(content)
        .width(Fill)
        .padding([style::gap::XS, style::gap::XL])
        .style(style::summary_box)
        .into()
}
