//! The editor's list as data: one row per chapter heading and per paragraph, in printed
//! order, with the numbers and text the assembled report gave them. Built once per
//! change of the session, never while drawing.

use std::collections::HashMap;

use crate::core::layout::{ChapterKey, Layout, ParagraphId};
use crate::core::session::Session;
use crate::report::{Block, Inline, Report};
use crate::ui::virtual_list::RowSize;

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

#[derive(Debug, Clone)]
pub enum Row {
    Chapter(ChapterChoice),
    Paragraph(ParagraphRow),
}

#[derive(Debug, Clone)]
pub struct ParagraphRow {
    pub id: ParagraphId,
    pub number: Option<u32>,
    /// Where the report prints it (`report.blocks`), if it prints.
    pub block: Option<usize>,
    pub generated: bool,
    pub edited: bool,
    pub sources: usize,
    /// Footnotes printed before this paragraph: its own are numbered from here.
    pub footnotes_before: usize,
}

impl ParagraphRow {
    /// What the paragraph prints (nothing if it does not print).
    pub fn content<'a>(&self, report: &'a Report) -> &'a [Inline] {
        match self.block.and_then(|b| report.blocks.get(b)) {
            Some(Block::Paragraph { content, .. }) => content,
            _ => &[],
        }
    }
}

/// The rows of `layout` as `report` (assembled from it) prints them.
pub fn build(session: &Session, layout: &Layout, report: &Report) -> Vec<Row> {
    let mut printed: HashMap<ParagraphId, (u32, usize, &Vec<Inline>, bool)> = HashMap::new();
    for (b, block) in report.blocks.iter().enumerate() {
        if let Block::Paragraph {
            number: Some(n),
            content,
            generated,
            item: Some(id),
            ..
        } = block
        {
            printed.insert(*id, (*n, b, content, *generated));
        }
    }
    let mut rows = Vec::new();
    let mut numeral = 0;
    let mut footnotes = 0;
    for chapter in &layout.chapters {
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
            let footnotes_before = footnotes;
            let (number, block, generated) = match printed.get(&p.id) {
                Some((n, b, content, generated)) => {
                    footnotes += content
                        .iter()
                        .filter(|i| matches!(i, Inline::Footnote(_)))
                        .count();
                    (Some(*n), Some(*b), *generated)
                }
                None => (None, None, p.generated.is_some() && p.text.is_none()),
            };
            rows.push(Row::Paragraph(ParagraphRow {
                id: p.id,
                number,
                block,
                generated,
                edited: p.text.is_some(),
                sources: p.sources.len(),
                footnotes_before,
            }));
        }
    }
    rows
}

/// Chapter headings are keyed above every paragraph id, by their place in the list.
const CHAPTER_KEYS: u64 = 1 << 32;

/// Width assumed for the list before a row has been measured (1366 px window).
const FIRST_WIDTH: f32 = 720.0;

/// Text size of a paragraph in the list (see `list.rs`), its line height and the
/// average advance of a character in DejaVu Sans at that size.
pub const TEXT_SIZE: f32 = 15.0;
const LINE: f32 = TEXT_SIZE * 1.3;
const ADVANCE: f32 = TEXT_SIZE * 0.55;
/// What a row adds around its text: the drag handle, number and tags columns with their
/// spacing, and the paddings (see `list.rs`).
const BESIDE_TEXT: f32 = 14.0 + 36.0 + 92.0 + 3.0 * 6.0 + 2.0 * 6.0 + 2.0 * 8.0;
const ABOVE_AND_BELOW: f32 = 2.0 * 4.0 + 2.0 * 2.0;
const TAG: f32 = 15.0;
const CHAPTER: f32 = 17.0 * 1.3 + 2.0 * 2.0 + 8.0;

/// Each row's key and a height to assume until it is measured on screen, for a list
/// `width` pixels wide (0: not known yet).
pub fn sizes<'a>(
    rows: &'a [Row],
    report: &'a Report,
    width: f32,
) -> impl Iterator<Item = RowSize> + 'a {
    let width = if width > 0.0 { width } else { FIRST_WIDTH };
    let per_line = ((width - BESIDE_TEXT).max(ADVANCE * 10.0) / ADVANCE).floor();
    rows.iter().enumerate().map(move |(i, row)| match row {
        Row::Chapter(_) => RowSize {
            key: CHAPTER_KEYS + i as u64,
            estimate: CHAPTER,
        },
        Row::Paragraph(p) => {
            let mut lines = 0.0_f32;
            let mut run = 0usize;
            let close = |run: &mut usize, lines: &mut f32| {
                *lines += (*run as f32 / per_line).ceil().max(1.0);
                *run = 0;
            };
            for inline in p.content(report) {
                match inline {
                    // Bytes, not characters: as good for an estimate, and no scan.
                    Inline::Text(t) | Inline::Bold(t) => run += t.len(),
                    Inline::Footnote(_) => run += 3,
                    Inline::LineBreak => close(&mut run, &mut lines),
                }
            }
            close(&mut run, &mut lines);
            let tags = [p.generated, p.edited, p.sources > 1]
                .iter()
                .filter(|t| **t)
                .count() as f32;
            RowSize {
                key: u64::from(p.id),
                estimate: (lines * LINE).max(tags * TAG) + ABOVE_AND_BELOW,
            }
        }
    })
}
