//! Markdown and plain-text writers: pure functions of the report.

use super::model::{Block, Inline, Report, plain};
use crate::core::text::clean;

fn inline_md(content: &[Inline], footnote: &mut usize) -> String {
    let mut out = String::new();
    let mut items = super::model::Items::default();
    for i in content {
        // After a line break, a piece stands at the start of a line.
        let at_line_start = out.ends_with('\n');
        match i {
            Inline::Text(t) if at_line_start => out.push_str(&escape_line(t)),
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Bold(t) => out.push_str(&format!("**{}**", escape(t))),
            Inline::Italic(t) => out.push_str(&format!("*{}*", escape(t))),
            Inline::LineBreak => out.push_str("\\\n"),
            // Indented under the paragraph, as the UN sets sub-paragraphs.
            Inline::Item(level) => out.push_str(&format!(
                "\\\n{}{} ",
                "&emsp;".repeat(usize::from(*level)),
                items.next(*level)
            )),
            Inline::Footnote(_) => {
                *footnote += 1;
                out.push_str(&format!("[^{footnote}]"));
            }
        }
    }
    out
}

/// Escapes what Markdown would read as markup inside text, and after every line break
/// what would begin a block (a list, a rule, a heading, a quote, a table, a code block), so
/// that a statement can never change the document's structure. Control characters, which
/// would reach a terminal as escape sequences, are dropped.
fn escape(text: &str) -> String {
    let text = clean(text);
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        let line = if n > 0 {
            out.push('\n');
            let body = line.trim_start();
            if starts_block(body) {
                out.push('\\');
            }
            body
        } else {
            line
        };
        for c in line.chars() {
            if matches!(c, '*' | '_' | '[' | ']' | '\\' | '`' | '<' | '#') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Text that stands at the start of a line in the output: its first line gets the same
/// guard as the others.
fn escape_line(text: &str) -> String {
    guard(escape(text.trim_start()))
}

fn guard(line: String) -> String {
    if starts_block(&line) {
        format!("\\{line}")
    } else {
        line
    }
}

fn starts_block(line: &str) -> bool {
    line.starts_with(['-', '+', '=', '>', '|', '~'])
        || line.starts_with("* ")
        || ordered_marker(line)
}

/// "1." or "12)" at the start of a line begins an ordered list.
fn ordered_marker(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && line
            .get(digits..)
            .is_some_and(|rest| rest.starts_with(['.', ')']))
}

pub fn to_markdown(report: &Report) -> String {
    let mut out = String::new();
    for line in &report.masthead {
        out.push_str(&format!("{}  \n", escape_line(line)));
    }
    if !report.masthead.is_empty() {
        out.push('\n');
    }
    out.push_str(&format!("# {}\n\n", escape(&report.title)));
    if !report.subtitle.is_empty() {
        out.push_str(&format!("*{}*\n\n", escape(&report.subtitle)));
    }
    if !report.summary.is_empty() {
        // The box of UN reports as a block quote.
        out.push_str("> **Summary**\n");
        for p in &report.summary {
            out.push_str(&format!(">\n> {}\n", escape_line(p)));
        }
        out.push('\n');
    }
    let mut footnote = 0;
    for block in &report.blocks {
        match block {
            Block::Chapter { numeral, title } => match numeral {
                Some(n) => out.push_str(&format!("## {n} {}\n\n", escape(title))),
                None => out.push_str(&format!("## {}\n\n", escape(title))),
            },
            Block::Heading { text } => out.push_str(&format!("### {}\n\n", escape(text))),
            Block::Subheading {
                letter, content, ..
            } => out.push_str(&format!(
                "### {letter} {}\n\n",
                inline_md(content, &mut footnote)
            )),
            Block::Paragraph {
                number, content, ..
            } => {
                let text = inline_md(content, &mut footnote);
                match number {
                    Some(n) => out.push_str(&format!("{n}\\. {text}\n\n")),
                    None => out.push_str(&format!("{}\n\n", guard(text))),
                }
            }
            Block::Bullet { level, content, .. } => {
                out.push_str(&format!(
                    "{}- {}\n",
                    "  ".repeat(*level as usize),
                    inline_md(content, &mut footnote)
                ));
            }
            Block::Plain { content } => {
                out.push_str(&format!("{}\n\n", guard(inline_md(content, &mut footnote))))
            }
        }
    }
    let notes = report.footnotes();
    if !notes.is_empty() {
        out.push('\n');
        for (n, note) in notes.iter().enumerate() {
            out.push_str(&format!("[^{}]: {}\n", n + 1, escape(note)));
        }
    }
    out
}

pub fn to_text(report: &Report) -> String {
    let mut out = String::new();
    for line in &report.masthead {
        out.push_str(&format!("{line}\n"));
    }
    out.push_str(&format!("\n{}\n", report.title));
    if !report.subtitle.is_empty() {
        out.push_str(&format!("{}\n", report.subtitle));
    }
    if !report.summary.is_empty() {
        out.push_str("\nSummary\n\n");
        for p in &report.summary {
            out.push_str(&format!("{p}\n\n"));
        }
    }
    let mut footnote = 0;
    let mut with_marks = |content: &[Inline]| {
        let mut s = String::new();
        let mut items = super::model::Items::default();
        for i in content {
            match i {
                Inline::Footnote(_) => {
                    footnote += 1;
                    s.push_str(&format!("[{footnote}]"));
                }
                Inline::Item(level) => s.push_str(&format!(
                    "\n{}{} ",
                    "    ".repeat(usize::from(*level)),
                    items.next(*level)
                )),
                other => s.push_str(&plain(std::slice::from_ref(other))),
            }
        }
        s
    };
    for block in &report.blocks {
        match block {
            Block::Chapter { numeral, title } => out.push_str(&format!(
                "\n{}{title}\n\n",
                numeral
                    .as_ref()
                    .map(|n| format!("{n} "))
                    .unwrap_or_default()
            )),
            Block::Heading { text } => out.push_str(&format!("\n{text}\n\n")),
            Block::Subheading {
                letter, content, ..
            } => out.push_str(&format!("\n{letter} {}\n\n", with_marks(content))),
            Block::Paragraph {
                number: Some(n),
                content,
                ..
            } => out.push_str(&format!("{n}. {}\n\n", with_marks(content))),
            Block::Paragraph {
                number: None,
                content,
                ..
            }
            | Block::Plain { content } => out.push_str(&format!("{}\n\n", with_marks(content))),
            Block::Bullet { level, content, .. } => out.push_str(&format!(
                "{}- {}\n",
                "  ".repeat(*level as usize),
                with_marks(content)
            )),
        }
    }
    let notes = report.footnotes();
    if !notes.is_empty() {
        out.push_str("\n__________\n");
        for (n, note) in notes.iter().enumerate() {
            out.push_str(&format!("[{}] {note}\n", n + 1));
        }
    }
    // Plain text goes to terminals (`-o -`): no control character gets through.
    clean(&out)
}
