//! DOCX writer: a pure function of the report, returning the bytes of a .docx file.
//!
//! docx-rs does most of the work; what it gets wrong is mended in the built parts before
//! packing: every part's elements are put in schema order and the footnote marks
//! (`w:footnoteRef`) added (`order.rs`), the language tag and real document properties
//! written. The language patch asserts its anchor, so an upgrade of docx-rs that moves
//! things fails loudly in the tests.

mod order;
mod pack;

use docx_rs::{
    AbstractNumbering, BorderType, BreakType, Docx, Footer, Footnote, Header, IndentLevel, Level,
    LevelJc, LevelText, LineSpacing, NumberFormat, NumberingId, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
    Start, Style, StyleType, Tab, TabValueType, VertAlignType,
};

use crate::core::meeting::ReportKind;
use crate::core::text::clean;
use crate::report::model::{Block, FirstPage, Inline, Report};

#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("packing the file failed: {0}")]
    Pack(String),
    #[error(
        "docx-rs wrote an unexpected {part}: anchor {anchor:?} not found (was docx-rs upgraded?)"
    )]
    Anchor {
        part: &'static str,
        anchor: &'static str,
    },
    #[error("docx-rs wrote a part that is not well-formed XML ({0})")]
    Xml(String),
}

const FONT: &str = "Times New Roman";
// docx-rs always writes a numbering of its own with id 1: ours take 2 and 3, so no id
// is defined twice (LibreOffice used docx-rs's indents for ours).
const PARAGRAPH_NUMBERING: usize = 2;
const BULLETS: usize = 3;

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, level: usize, size: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .bold()
            .size(size)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(120))
    };
    // Body text breathes: 6 pt after each paragraph, as in UN documents.
    let spaced = LineSpacing::new().after(120);
    let mut footnote_reference =
        Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
    footnote_reference.run_property = footnote_reference
        .run_property
        .vert_align(VertAlignType::SuperScript);
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .bold()
            .size(34)
            .line_spacing(LineSpacing::new().before(480).after(240)),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .bold()
            .size(24)
            .line_spacing(LineSpacing::new().after(360)),
    )
    .add_style(heading("Heading1", "heading 1", 0, 24).indent(
        Some(1134),
        Some(SpecialIndentType::Hanging(567)),
        None,
        None,
    ))
    .add_style(heading("Heading2", "heading 2", 1, 20).indent(
        Some(1134),
        Some(SpecialIndentType::Hanging(567)),
        None,
        None,
    ))
    .add_style(
        Style::new("Masthead", StyleType::Paragraph)
            .name("Masthead")
            .based_on("Normal"),
    )
    .add_style(
        Style::new("NumberedParagraph", StyleType::Paragraph)
            .name("Numbered paragraph")
            .based_on("Normal")
            .line_spacing(spaced.clone())
            .align(docx_rs::AlignmentType::Both)
            .indent(
                Some(1134),
                Some(SpecialIndentType::Hanging(567)),
                Some(1134),
                None,
            ),
    )
    .add_style(
        Style::new("BodyText", StyleType::Paragraph)
            .line_spacing(spaced)
            .name("Body Text")
            .based_on("Normal")
            .align(docx_rs::AlignmentType::Both),
    )
    .add_style(summary_box(
        Style::new("SummaryHeading", StyleType::Paragraph)
            .name("Summary heading")
            .based_on("Normal")
            .bold()
            .size(24)
            .align(docx_rs::AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(120).after(120)),
    ))
    .add_style(summary_box(
        Style::new("SummaryText", StyleType::Paragraph)
            .name("Summary text")
            .based_on("Normal")
            .align(docx_rs::AlignmentType::Both)
            .line_spacing(LineSpacing::new().after(120)),
    ))
    .add_style(
        Style::new("FootnoteText", StyleType::Paragraph)
            .name("footnote text")
            .based_on("Normal")
            .size(18),
    )
    .add_style(footnote_reference)
}

/// A list level: its format ("decimal", "bullet"), text ("%1.", "•") and hanging indent.
fn level(n: usize, format: &str, text: &str, left: i32, hanging: i32) -> Level {
    Level::new(
        n,
        Start::new(1),
        NumberFormat::new(format),
        LevelText::new(text),
        LevelJc::new("left"),
    )
    .indent(
        Some(left),
        Some(SpecialIndentType::Hanging(hanging)),
        None,
        None,
    )
}

fn numbering(docx: Docx) -> Docx {
    // One numbering for every body paragraph: 1, 2, 3 ... across all chapters.
    // Sub-paragraphs (a), (b) and (i), (ii) are its next levels.
    let numbered = AbstractNumbering::new(PARAGRAPH_NUMBERING)
        .add_level(level(0, "decimal", "%1.", 1134, 567))
        .add_level(level(1, "lowerLetter", "(%2)", 1701, 567))
        .add_level(level(2, "lowerRoman", "(%3)", 2268, 567));
    let bullets = AbstractNumbering::new(BULLETS)
        .add_level(level(0, "bullet", "•", 720, 360))
        .add_level(level(1, "bullet", "–", 1440, 360));
    docx.add_abstract_numbering(numbered)
        .add_numbering(docx_rs::Numbering::new(
            PARAGRAPH_NUMBERING,
            PARAGRAPH_NUMBERING,
        ))
        .add_abstract_numbering(bullets)
        .add_numbering(docx_rs::Numbering::new(BULLETS, BULLETS))
}

/// Adds text as runs, one per line with a break between (docx-rs drops `\n`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Face {
    Plain,
    Bold,
    Italic,
}

fn styled_runs(mut p: Paragraph, text: &str, face: Face) -> Paragraph {
    for (n, line) in clean(text).split('\n').enumerate() {
        let mut run = Run::new();
        if n > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
        p = p.add_run(match face {
            Face::Plain => run,
            Face::Bold => run.bold(),
            Face::Italic => run.italic(),
        });
    }
    p
}

fn text_runs(p: Paragraph, text: &str) -> Paragraph {
    styled_runs(p, text, Face::Plain)
}

fn inline(mut p: Paragraph, content: &[Inline]) -> Paragraph {
    for i in content {
        p = match i {
            Inline::Text(t) => text_runs(p, t),
            Inline::Bold(t) => styled_runs(p, t, Face::Bold),
            Inline::Italic(t) => styled_runs(p, t, Face::Italic),
            // Sub-paragraphs are split off before (`with_items`); elsewhere a new line.
            Inline::LineBreak | Inline::Item(_) => {
                p.add_run(Run::new().add_break(BreakType::TextWrapping))
            }
            Inline::Footnote(note) => {
                let body = text_runs(
                    Paragraph::new().style("FootnoteText"),
                    &format!(" {}", note.trim()),
                );
                p.add_run(
                    Run::new()
                        .style("FootnoteReference")
                        .add_footnote_reference(Footnote::new().add_content(body)),
                )
            }
        };
    }
    p
}

/// The text width of an A4 page with the margins set below, in twentieths of a point.
const TEXT_WIDTH: usize = 9638;
/// Where the right column of the masthead starts ("Distr.: General", the date).
const MASTHEAD_COLUMN: usize = 6804;

/// A rule under a paragraph: `eighths` of a point thick.
fn ruled(mut p: Paragraph, eighths: usize) -> Paragraph {
    // Only the bottom: docx-rs's default set draws a box.
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(eighths)
                .space(1),
        ),
    );
    p
}

fn sized(text: &str, half_points: usize, bold: bool) -> Run {
    let run = Run::new().add_text(clean(text)).size(half_points);
    if bold { run.bold() } else { run }
}

/// The UN first page: "United Nations" and the symbol over a rule; the organ in large
/// bold beside "Distr.", the date of issue and the original language, over a thick
/// rule; then the body, session and agenda item, the item's title in bold.
fn first_page(first: &FirstPage) -> Vec<Paragraph> {
    let right_column =
        |p: Paragraph| p.add_tab(Tab::new().val(TabValueType::Left).pos(MASTHEAD_COLUMN));
    let mut out = vec![ruled(
        Paragraph::new()
            .style("Masthead")
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
            .add_run(sized("United Nations", 20, false))
            .add_run(Run::new().add_tab())
            .add_run(sized(&first.symbol, 40, false)),
        8,
    )];
    let mut column = vec![format!("Distr.: {}", first.distribution)];
    column.extend(first.issued.clone());
    column.push(format!("Original: {}", first.original));
    let last = column.len().saturating_sub(1);
    for (n, line) in column.iter().enumerate() {
        let mut p = right_column(Paragraph::new().style("Masthead"));
        if n == 0 {
            p = p.add_run(sized(&first.organ, 56, true));
        }
        p = p
            .add_run(Run::new().add_tab())
            .add_run(sized(line, 20, false));
        out.push(if n == last { ruled(p, 24) } else { p });
    }
    for line in &first.body_lines {
        let bold = !line.starts_with("Agenda item");
        out.push(
            Paragraph::new()
                .style("Masthead")
                .add_run(sized(line, 20, bold)),
        );
    }
    if !first.item_title.trim().is_empty() {
        out.push(styled_runs(
            Paragraph::new().style("Masthead"),
            &first.item_title,
            Face::Bold,
        ));
    }
    out
}

/// A numbered paragraph and its sub-paragraphs, each a paragraph of its own on the
/// same list's next levels (`level(1)`: (a), `level(2)`: (i)), so Word numbers them and
/// restarts them under each new paragraph.
fn with_items(content: &[Inline], numbered: impl Fn(usize) -> Paragraph) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut level = 0;
    let mut start = 0;
    for (n, i) in content.iter().enumerate() {
        if let Inline::Item(next) = i {
            out.push(inline(
                numbered(level),
                content.get(start..n).unwrap_or_default(),
            ));
            level = usize::from(*next).min(2);
            start = n + 1;
        }
    }
    out.push(inline(
        numbered(level),
        content.get(start..).unwrap_or_default(),
    ));
    out
}

/// The box around the Summary, as UN reports print it: the same border and indents on
/// every paragraph, so Word and LibreOffice draw one box around them all.
fn summary_box(mut style: Style) -> Style {
    let side = |position| {
        docx_rs::ParagraphBorder::new(position)
            .size(4)
            .space(6)
            .color("000000")
    };
    style.paragraph_property = style.paragraph_property.set_borders(
        docx_rs::ParagraphBorders::with_empty()
            .set(side(docx_rs::ParagraphBorderPosition::Top))
            .set(side(docx_rs::ParagraphBorderPosition::Left))
            .set(side(docx_rs::ParagraphBorderPosition::Bottom))
            .set(side(docx_rs::ParagraphBorderPosition::Right)),
    );
    style.indent(Some(284), None, Some(284), None)
}

fn simple(style: &str, text: &str) -> Paragraph {
    text_runs(Paragraph::new().style(style), text)
}

pub fn to_docx(report: &Report) -> Result<Vec<u8>, DocxError> {
    let mut docx = Docx::new()
        .page_size(11906, 16838) // A4
        .page_margin(PageMargin {
            top: 1701,
            left: 1134,
            bottom: 1701,
            right: 1134,
            header: 851,
            footer: 851,
            gutter: 0,
        })
        .default_fonts(fonts())
        .default_size(20);
    docx = numbering(styles(docx));

    if !report.header.is_empty() && report.first_page.is_none() {
        // Bold runs: a bold paragraph mark would leave the text itself regular.
        let header = styled_runs(
            Paragraph::new().style("Masthead"),
            &report.header,
            Face::Bold,
        );
        docx = docx.header(Header::new().add_paragraph(header));
    }
    let page_number = Paragraph::new()
        .style("Masthead")
        .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
        .add_run(Run::new().add_tab())
        .add_page_num(PageNum::new());
    match &report.first_page {
        Some(first) => {
            // Page 1 has the masthead and no running header; its footer carries the
            // job number. Later pages carry the symbol and the page number on the
            // outer side: right on odd pages, left on even ones, as the UN prints.
            let symbol = |align| {
                styled_runs(
                    Paragraph::new().style("Masthead"),
                    &report.header,
                    Face::Bold,
                )
                .align(align)
            };
            let even_page_number = Paragraph::new()
                .style("Masthead")
                .add_page_num(PageNum::new());
            docx = docx
                .title_pg()
                .first_header(Header::new().add_paragraph(Paragraph::new().style("Masthead")))
                .first_footer(Footer::new().add_paragraph(simple("Masthead", &report.footer)))
                .header(Header::new().add_paragraph(symbol(docx_rs::AlignmentType::Right)))
                .even_header(Header::new().add_paragraph(symbol(docx_rs::AlignmentType::Left)))
                .footer(Footer::new().add_paragraph(page_number))
                .even_footer(Footer::new().add_paragraph(even_page_number));
            for paragraph in first_page(first) {
                docx = docx.add_paragraph(paragraph);
            }
        }
        None => {
            let footer = text_runs(Paragraph::new().style("Masthead"), &report.footer)
                .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
                .add_run(Run::new().add_tab())
                .add_page_num(PageNum::new());
            docx = docx.footer(Footer::new().add_paragraph(footer));
            for line in &report.masthead {
                docx = docx.add_paragraph(simple("Masthead", line));
            }
        }
    }
    if !report.title.is_empty() {
        docx = docx.add_paragraph(simple("Title", &report.title));
    }
    if !report.subtitle.is_empty() {
        docx = docx.add_paragraph(simple("Subtitle", &report.subtitle));
    }
    if !report.summary.is_empty() {
        docx = docx.add_paragraph(simple("SummaryHeading", "Summary").keep_next(true));
        for p in &report.summary {
            docx = docx.add_paragraph(simple("SummaryText", p));
        }
    }
    for block in &report.blocks {
        let paragraphs = match block {
            Block::Chapter { numeral, title } => {
                let text = match numeral {
                    Some(n) => format!("{n}\t{title}"),
                    None => title.clone(),
                };
                let style = if report.kind == ReportKind::Minutes {
                    "Title"
                } else {
                    "Heading1"
                };
                vec![simple(style, &text).keep_next(true)]
            }
            Block::Heading { text } => vec![simple("Heading2", text).keep_next(true)],
            Block::Subheading {
                letter, content, ..
            } => vec![
                inline(
                    text_runs(Paragraph::new().style("Heading2"), &format!("{letter}\t")),
                    content,
                )
                .keep_next(true),
            ],
            Block::Paragraph {
                number: Some(_),
                content,
                ..
            } => with_items(content, |level| {
                Paragraph::new().style("NumberedParagraph").numbering(
                    NumberingId::new(PARAGRAPH_NUMBERING),
                    IndentLevel::new(level),
                )
            }),
            Block::Paragraph {
                number: None,
                content,
                ..
            }
            | Block::Plain { content } => {
                vec![inline(Paragraph::new().style("BodyText"), content)]
            }
            Block::Bullet { level, content, .. } => vec![inline(
                Paragraph::new()
                    .style("BodyText")
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(*level as usize)),
                content,
            )],
        };
        for paragraph in paragraphs {
            docx = docx.add_paragraph(paragraph);
        }
    }

    let mut xml = docx.build();
    let (document, footnotes) =
        order::document_and_footnotes(&xml.document, &xml.footnotes).map_err(DocxError::Xml)?;
    xml.document = document;
    xml.footnotes = footnotes;
    patch(
        &mut xml.styles,
        "styles",
        "</w:rPr></w:rPrDefault>",
        |anchor| format!(r#"<w:lang w:val="{}" />{anchor}"#, escape(&report.language)),
        1,
    )?;
    xml.doc_props.core = core_properties(report).into_bytes();
    for part in [&mut xml.styles, &mut xml.numberings, &mut xml.settings]
        .into_iter()
        .chain(xml.headers.iter_mut())
        .chain(xml.footers.iter_mut())
    {
        *part = order::order(part).map_err(DocxError::Xml)?;
    }

    pack::pack(xml).map_err(DocxError::Pack)
}

/// Replaces every occurrence of `anchor` in a part; at least `expected` must exist.
fn patch(
    part: &mut Vec<u8>,
    name: &'static str,
    anchor: &'static str,
    with: impl Fn(&str) -> String,
    expected: usize,
) -> Result<(), DocxError> {
    let text = String::from_utf8_lossy(part).into_owned();
    let found = text.matches(anchor).count();
    if found < expected {
        return Err(DocxError::Anchor { part: name, anchor });
    }
    if found > 0 {
        *part = text.replace(anchor, &with(anchor)).into_bytes();
    }
    Ok(())
}

fn escape(text: &str) -> String {
    clean(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn core_properties(report: &Report) -> String {
    let date = report
        .issued
        .map(|d| format!("{}T00:00:00Z", d.format("%Y-%m-%d")))
        .unwrap_or_else(|| "2000-01-01T00:00:00Z".into());
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>Rapporteur</dc:creator><cp:lastModifiedBy>Rapporteur</cp:lastModifiedBy><dc:language>{}</dc:language><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#,
        escape(&report.title),
        escape(&report.header),
        escape(&report.language),
    )
}
