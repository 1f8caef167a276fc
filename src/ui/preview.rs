//! Report preview (read-only): the assembled report as it will print, with its numbers,
//! and export. The report is rebuilt when the screen opens or the kind changes, not on
//! every frame.

use iced::widget::{
    Column, button, column, container, pick_list, rich_text, row, scrollable, span, text,
};
use iced::{Element, Fill, Font};

use crate::core::meeting::ReportKind;
use crate::core::session::Session;
use crate::report::{Block, Inline, Options, Report, assemble};

use super::effect::Request;
use super::meeting::KindChoice;
use super::revision::{Revision, Stamp};
use super::shortcuts::Command;
use super::style;

#[derive(Debug, Clone)]
pub enum Message {
    Kind(KindChoice),
    Export,
    Backups,
}

pub struct Preview {
    pub kind: ReportKind,
    pub report: Report,
    pub last_export: Option<String>,
    /// The session revision `report` was assembled from.
    stamp: Stamp,
}

pub type Effect = super::effect::Effect<Message>;

impl Preview {
    pub fn new(session: &Session) -> Self {
        let kind = session.meeting.report_kind;
        // Assembled when first shown (see `sync`), not when the session opens.
        Preview {
            kind,
            report: Report::default(),
            last_export: None,
            stamp: Stamp::Never,
        }
    }

    fn build(session: &Session, kind: ReportKind) -> Report {
        assemble(
            session,
            &Options {
                kind: Some(kind),
                issue_date: Some(chrono::Local::now().date_naive()),
            },
        )
    }

    /// Brings the report up to the session's revision, if it is behind.
    pub fn sync(&mut self, session: &Session, revision: Revision) {
        if self.stamp.behind(revision) {
            self.report = Self::build(session, self.kind);
        }
        self.stamp = Stamp::At(revision);
    }

    pub fn update(&mut self, message: Message, session: &Session) -> Effect {
        match message {
            Message::Kind(KindChoice(kind)) => {
                self.kind = kind;
                self.report = Self::build(session, kind);
                self.stamp = Stamp::Current;
                Effect::none()
            }
            Message::Export => Effect::request(Request::Command(Command::Export)),
            Message::Backups => Effect::request(Request::ShowBackups),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let r = &self.report;
        let bold = Font {
            weight: iced::font::Weight::Bold,
            ..Font::DEFAULT
        };
        let mut page = Column::new().spacing(8).padding(24).max_width(820);
        for line in &r.masthead {
            page = page.push(text(line).size(13).color(style::MUTED));
        }
        page = page.push(text(&r.title).size(24).font(bold));
        if !r.subtitle.is_empty() {
            page = page.push(text(&r.subtitle).size(16).font(bold));
        }
        if !r.summary.is_empty() {
            page = page.push(text("Summary").size(18).font(bold));
            for p in &r.summary {
                page = page.push(text(p).size(15));
            }
        }
        let mut footnote = 0;
        for block in &r.blocks {
            match block {
                Block::Chapter { numeral, title } => {
                    let heading = match numeral {
                        Some(n) => format!("{n}  {title}"),
                        None => title.clone(),
                    };
                    page = page.push(text(heading).size(18).font(bold));
                }
                Block::Heading { text: heading } => {
                    page = page.push(text(heading).size(16).font(bold))
                }
                Block::Paragraph {
                    number,
                    content,
                    generated,
                    ..
                } => {
                    let mut line = row![
                        text(number.map(|n| format!("{n}.")).unwrap_or_default())
                            .size(15)
                            .width(44),
                        rich(content, &mut footnote),
                    ]
                    .spacing(6);
                    if *generated {
                        line = line.push(text("generated").size(11).color(style::ACCENT));
                    }
                    page = page.push(line);
                }
                Block::Bullet { level, content, .. } => {
                    page = page.push(
                        row![
                            text("•").size(15).width(16 + 20 * u32::from(*level)),
                            rich(content, &mut footnote)
                        ]
                        .spacing(6),
                    );
                }
                Block::Plain { content } => page = page.push(rich(content, &mut footnote)),
            }
        }
        let notes = r.footnotes();
        if !notes.is_empty() {
            page = page.push(text("__________").color(style::MUTED));
            for (n, note) in notes.iter().enumerate() {
                page = page.push(text(format!("{}  {note}", n + 1)).size(13));
            }
        }
        let kinds = [
            KindChoice(ReportKind::PanelSummary),
            KindChoice(ReportKind::Minutes),
        ];
        let mut bar = row![
            text("Report kind").size(14).color(style::MUTED),
            pick_list(kinds, Some(KindChoice(self.kind)), Message::Kind).text_size(14),
            button(text("Export DOCX…  Ctrl+E")).on_press(Message::Export),
            button(text("Backups…"))
                .style(button::secondary)
                .on_press(Message::Backups),
            text(format!(
                "{} numbered paragraphs, {} footnotes",
                r.numbered().len(),
                notes.len()
            ))
            .size(13)
            .color(style::MUTED),
        ]
        .spacing(10)
        .align_y(iced::Center);
        if let Some(path) = &self.last_export {
            bar = bar.push(
                text(format!("Last export: {path}"))
                    .size(13)
                    .color(style::OK),
            );
        }
        column![
            bar,
            container(scrollable(container(page).width(Fill)).height(Fill)).style(style::panel)
        ]
        .spacing(8)
        .into()
    }
}

/// Paragraph content with bold runs and footnote numbers.
pub fn rich<'a, M: 'a>(content: &[Inline], footnote: &mut usize) -> Element<'a, M> {
    let bold = Font {
        weight: iced::font::Weight::Bold,
        ..Font::DEFAULT
    };
    let spans: Vec<iced::widget::text::Span<'a, (), Font>> = content
        .iter()
        .map(|inline| match inline {
            Inline::Text(t) => span(t.clone()),
            Inline::Bold(t) => span(t.clone()).font(bold),
            Inline::LineBreak => span("\n"),
            Inline::Footnote(_) => {
                *footnote += 1;
                span(format!("[{footnote}]")).color(style::ACCENT)
            }
        })
        .collect();
    rich_text(spans).size(15).width(Fill).into()
}
