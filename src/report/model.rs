//! The report as a format-neutral document: what the writers (DOCX, Markdown, text) and
//! the preview all render. Built by [`super::assemble`], never edited by hand.

use std::sync::Arc;

use crate::core::intervention::InterventionId;
use crate::core::layout::ParagraphId;
use crate::core::meeting::ReportKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Bold(String),
    /// A label in italics: "*Commitment 1:*" (the model minutes), a chair change in a record.
    Italic(String),
    /// A footnote anchored here; numbered by order of appearance.
    Footnote(String),
    LineBreak,
    /// A sub-paragraph of the paragraph starts here: level 1 is lettered (a), (b) ...,
    /// level 2 (i), (ii) ... under the last (a). Written in the text as a line that
    /// starts with "- " or "-- ".
    Item(u8),
}

/// The labels of a paragraph's sub-paragraphs, in order: (a), (b) ... and (i), (ii) ...
/// under each, as the UN numbers them (and Word's list levels 2 and 3 do).
#[derive(Debug, Default)]
pub struct Items {
    letter: usize,
    roman: usize,
}

impl Items {
    pub fn next(&mut self, level: u8) -> String {
        if level <= 1 {
            self.letter += 1;
            self.roman = 0;
            let letter = char::from(b'a' + u8::try_from((self.letter - 1) % 26).unwrap_or(0));
            format!("({letter})")
        } else {
            self.roman += 1;
            let n = u32::try_from(self.roman).unwrap_or(u32::MAX);
            format!("({})", super::words::roman(n).to_lowercase())
        }
    }
}

/// A block's runs, shared: a paragraph the editor did not touch is the same allocation
/// in the report before and after an edit (see `assemble::Memo`), so neither building
/// nor dropping a report copies its text.
pub type Content = Arc<[Inline]>;

/// The statements a block was written from (its provenance), shared the same way.
pub type Sources = Arc<[InterventionId]>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// "I." + "Introduction" (numeral None for unnumbered headings such as "Summary").
    Chapter {
        numeral: Option<String>,
        title: String,
    },
    /// A lower heading ("1. Opening and introduction" in minutes).
    Heading { text: String },
    /// A subheading under a chapter: "A." and its title.
    Subheading {
        letter: String,
        content: Content,
        /// The editor's paragraph it prints.
        item: Option<u32>,
    },
    /// A body paragraph; `number` is the continuous paragraph number of reports.
    Paragraph {
        number: Option<u32>,
        content: Content,
        generated: bool,
        sources: Sources,
        /// The editor's paragraph it prints (see `core::layout`).
        item: Option<u32>,
    },
    Bullet {
        level: u8,
        content: Content,
        sources: Sources,
    },
    /// Unnumbered lines: minutes header, labels.
    Plain { content: Content },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub kind: ReportKind,
    /// Masthead lines, top to bottom (symbol, distribution, date, original language, body...).
    pub masthead: Vec<String>,
    pub title: String,
    pub subtitle: String,
    /// Unnumbered front matter written by the editor.
    pub summary: Vec<String>,
    pub blocks: Vec<Block>,
    /// Running header (the document symbol) and footer (the job number).
    pub header: String,
    pub footer: String,
    pub language: String,
    /// Date of issue (document properties, masthead).
    pub issued: Option<chrono::NaiveDate>,
    /// What the editor should fix (a name in a template that names nobody), each
    /// saying where ("Paragraph 12: ...", "Meeting: ...").
    pub warnings: Vec<String>,
    /// The warnings about one paragraph, by the layout paragraph they are about (in
    /// printed order, without the "Paragraph N:" the list above gives them), for the
    /// editor and the preview to show next to it.
    pub flagged: Vec<(ParagraphId, String)>,
    /// The UN first page's masthead, when the report has one (a summary report).
    pub first_page: Option<FirstPage>,
}

/// The masthead of a UN document's first page, as the published documents set it:
/// "United Nations" and the symbol; the parent organ beside "Distr.", the date of issue
/// and the original language; then the body, session and agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FirstPage {
    pub symbol: String,
    /// "General Assembly" for A/ documents (the Human Rights Council's among them).
    pub organ: String,
    pub distribution: String,
    pub issued: Option<String>,
    pub original: String,
    /// Body, session, "Agenda item 3": one line each.
    pub body_lines: Vec<String>,
    /// The agenda item's title, bold under them.
    pub item_title: String,
}

impl FirstPage {
    /// The organ a symbol's first element names (ST/SG/ documents have none here).
    pub fn organ_of(symbol: &str) -> &'static str {
        match symbol.split('/').next().unwrap_or("") {
            "A" => "General Assembly",
            "S" => "Security Council",
            "E" => "Economic and Social Council",
            _ => "",
        }
    }
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text(s.into())
    }
}

impl Report {
    /// Footnote texts in order of appearance (number = index + 1).
    pub fn footnotes(&self) -> Vec<&str> {
        self.blocks
            .iter()
            .flat_map(|b| match b {
                Block::Paragraph { content, .. }
                | Block::Bullet { content, .. }
                | Block::Plain { content } => &content[..],
                _ => &[],
            })
            .filter_map(|i| match i {
                Inline::Footnote(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The numbered paragraphs as plain text, for tests and previews.
    /// How many numbered paragraphs the report has (without building their text).
    pub fn numbered_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| {
                matches!(
                    b,
                    Block::Paragraph {
                        number: Some(_),
                        ..
                    }
                )
            })
            .count()
    }

    /// The warnings about the report as a whole (the meeting data, the Summary, a
    /// chapter), not about one paragraph.
    pub fn general_warnings(&self) -> impl Iterator<Item = &str> {
        self.warnings
            .iter()
            .filter(|w| !w.starts_with("Paragraph "))
            .map(String::as_str)
    }

    /// The warnings about this paragraph.
    pub fn flags(&self, id: ParagraphId) -> impl Iterator<Item = &str> {
        self.flagged
            .iter()
            .filter(move |(p, _)| *p == id)
            .map(|(_, w)| w.as_str())
    }

    pub fn numbered(&self) -> Vec<(u32, String)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph {
                    number: Some(n),
                    content,
                    ..
                } => Some((*n, plain(content))),
                _ => None,
            })
            .collect()
    }
}

/// Inline content as plain text, footnotes left out.
pub fn plain(content: &[Inline]) -> String {
    let mut out = String::new();
    let mut items = Items::default();
    for inline in content {
        match inline {
            Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) => out.push_str(t),
            Inline::LineBreak => out.push('\n'),
            Inline::Item(level) => out.push_str(&format!("\n{} ", items.next(*level))),
            Inline::Footnote(_) => {}
        }
    }
    out
}
