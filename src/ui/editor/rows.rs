//! The editor's list as data: one row per chapter heading and per paragraph, in printed
//! order, with the numbers and text the assembled report gave them. Built once per
//! change of the session, never while drawing.

use crate::core::layout::{ChapterKey, Layout, ParagraphId, Place};
use crate::core::session::Session;
use crate::report::{Block, Inline, Report};
use crate::ui::choices::Labelled;
use crate::ui::style;
use crate::ui::virtual_list::RowSize;

/// A chapter heading as listed, and as offered by "to the end of".
pub type ChapterChoice = Labelled<ChapterKey>;

#[derive(Debug, Clone)]
pub enum Row {
    Chapter(ChapterChoice),
    Paragraph(ParagraphRow),
}

#[derive(Debug, Clone)]
pub struct ParagraphRow {
    pub id: ParagraphId,
    /// Where the layout holds it: chapter, index in the chapter.
    pub place: Place,
    pub number: Option<u32>,
    /// "A.", "B.": it prints as a subheading.
    pub letter: Option<String>,
    /// Where the report prints it (`report.blocks`), if it prints.
    pub block: Option<usize>,
    pub generated: bool,
    pub edited: bool,
    /// Changed on two devices at once (a team session), not yet looked at.
    pub conflict: bool,
    pub sources: usize,
    /// Footnotes printed before this paragraph: its own are numbered from here.
    pub footnotes_before: usize,
    /// For its height until it is measured.
    pub text: TextSize,
}

impl ParagraphRow {
    /// What the paragraph prints (nothing if it does not print).
    pub fn content<'a>(&self, report: &'a Report) -> &'a [Inline] {
        match self.block.and_then(|b| report.blocks.get(b)) {
            Some(Block::Paragraph { content, .. } | Block::Subheading { content, .. }) => content,
            _ => &[],
        }
    }
}

/// The rows of `layout` as `report` (assembled from it) prints them. The report prints
/// the layout's paragraphs in the layout's order, so one walk of both pairs them up.
pub fn build(session: &Session, layout: &Layout, report: &Report) -> Vec<Row> {
    let mut printed = report
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(b, block)| match block {
            Block::Paragraph {
                number: Some(n),
                content,
                generated,
                item: Some(id),
                ..
            } => Some((*id, Some(*n), None, b, content, *generated)),
            Block::Subheading {
                letter,
                content,
                item: Some(id),
            } => Some((*id, None, Some(letter.clone()), b, content, false)),
            _ => None,
        })
        .peekable();
    let mut rows = Vec::with_capacity(report.blocks.len() + layout.chapters.len());
    let mut numeral = 0;
    let mut footnotes = 0;
    for (c, chapter) in layout.chapters.iter().enumerate() {
        let heading = rows.len();
        rows.push(Row::Chapter(Labelled::new(chapter.key, String::new())));
        let mut prints = false;
        for (i, p) in chapter.paragraphs.iter().enumerate() {
            let footnotes_before = footnotes;
            let mut text = TextSize::default();
            let (number, letter, block, generated) = match printed.next_if(|next| next.0 == p.id) {
                Some((_, n, letter, b, content, generated)) => {
                    prints = true;
                    text = TextSize::of(content);
                    footnotes += text.footnotes;
                    (n, letter, Some(b), generated)
                }
                None => (None, None, None, p.generated.is_some() && p.text.is_none()),
            };
            rows.push(Row::Paragraph(ParagraphRow {
                id: p.id,
                place: (c, i),
                number,
                letter,
                block,
                generated,
                edited: p.text.is_some(),
                conflict: !p.conflict.is_empty(),
                sources: p.sources.len(),
                footnotes_before,
                text,
            }));
        }
        let title = chapter.key.title(session);
        let label = if prints {
            numeral += 1;
            format!("{}. {title}", crate::report::words::roman(numeral))
        } else {
            format!("{title} (empty, not printed)")
        };
        if let Some(Row::Chapter(choice)) = rows.get_mut(heading) {
            choice.label = label;
        }
    }
    rows
}

/// What a paragraph's height is estimated from, counted once when the rows are built.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextSize {
    /// Bytes of the lines before the last forced line break, and of the last line.
    before: u32,
    last: u32,
    /// Forced line breaks.
    breaks: u32,
    footnotes: usize,
}

impl TextSize {
    fn of(content: &[Inline]) -> TextSize {
        let mut size = TextSize::default();
        let mut run = 0u32;
        for inline in content {
            match inline {
                // Bytes, not characters: as good for an estimate, and no scan.
                Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) => {
                    run = run.saturating_add(u32::try_from(t.len()).unwrap_or(u32::MAX));
                }
                Inline::Footnote(_) => {
                    size.footnotes += 1;
                    run = run.saturating_add(3);
                }
                Inline::LineBreak | Inline::Item(_) => {
                    size.breaks += 1;
                    size.before = size.before.saturating_add(run);
                    run = 0;
                }
            }
        }
        size.last = run;
        size
    }

    /// Lines on screen at `per_line` characters a line. The lines before the last are
    /// counted together, each wrapped line's last part as half a line on average.
    fn lines(self, per_line: f32) -> f32 {
        let wrap = |bytes: u32| (bytes as f32 / per_line).ceil().max(1.0);
        let breaks = self.breaks as f32;
        let before = if self.breaks == 0 {
            0.0
        } else {
            (self.before as f32 / per_line + breaks * 0.5)
                .round()
                .max(breaks)
        };
        before + wrap(self.last)
    }
}

/// Chapter headings are keyed above every paragraph id, by their place in the list.
const CHAPTER_KEYS: u64 = 1 << 32;

/// Width assumed for the list before a row has been measured (1366 px window).
const FIRST_WIDTH: f32 = 720.0;

/// Text size of a paragraph in the list (see `list.rs`), its line height and the
/// average advance of a character in DejaVu Sans at that size.
pub const TEXT_SIZE: f32 = style::size::READ;
const LINE: f32 = TEXT_SIZE * 1.3;
const ADVANCE: f32 = TEXT_SIZE * 0.55;
/// What a row adds around its text: the drag handle, number and tags columns with their
/// spacing, and the paddings (see `list.rs`).
const BESIDE_TEXT: f32 = 14.0 + 36.0 + 92.0 + 3.0 * 6.0 + 2.0 * 6.0 + 2.0 * 8.0;
const ABOVE_AND_BELOW: f32 = 2.0 * 4.0 + 2.0 * 2.0;
const TAG: f32 = style::size::TAG * 1.3 + 1.0;
const CHAPTER: f32 = style::size::HEADING * 1.3 + 2.0 * 2.0 + 8.0;

/// Each row's key and a height to assume until it is measured on screen, for a list
/// `width` pixels wide (0: not known yet).
pub fn sizes(rows: &[Row], width: f32) -> impl Iterator<Item = RowSize> + '_ {
    let width = if width > 0.0 { width } else { FIRST_WIDTH };
    let per_line = ((width - BESIDE_TEXT).max(ADVANCE * 10.0) / ADVANCE).floor();
    rows.iter().enumerate().map(move |(i, row)| match row {
        Row::Chapter(_) => RowSize {
            key: CHAPTER_KEYS + i as u64,
            estimate: CHAPTER,
        },
        Row::Paragraph(p) => {
            let lines = p.text.lines(per_line);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn size(content: &[Inline]) -> TextSize {
        TextSize::of(content)
    }

    #[test]
    fn a_line_wraps_at_the_width_and_forced_breaks_add_lines() {
        let short = [Inline::text("The representative of Chile took the floor.")];
        assert_eq!(size(&short).lines(80.0), 1.0);
        let long = [Inline::text("x".repeat(200))];
        assert_eq!(size(&long).lines(80.0), 3.0);
        let notes = [
            Inline::text("first"),
            Inline::LineBreak,
            Inline::text("second"),
            Inline::LineBreak,
            Inline::text("third"),
        ];
        assert_eq!(size(&notes).lines(80.0), 3.0);
        // A long line before a break wraps too.
        let wrapped = [
            Inline::text("y".repeat(400)),
            Inline::LineBreak,
            Inline::text("z"),
        ];
        assert_eq!(size(&wrapped).lines(80.0), 6.0 + 1.0);
    }

    #[test]
    fn footnotes_are_counted_for_the_numbering_of_the_next_paragraphs() {
        let content = [
            Inline::text("See"),
            Inline::Footnote("A/HRC/58/1.".into()),
            Inline::Footnote("A/HRC/58/2.".into()),
        ];
        assert_eq!(size(&content).footnotes, 2);
        assert_eq!(
            size(&[]).lines(80.0),
            1.0,
            "an empty paragraph is one line high"
        );
    }
}
