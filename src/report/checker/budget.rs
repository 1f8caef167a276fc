//! The word budget: the report's words as the UN counts them (body, footnotes and
//! headings), against the limit of its kind: 8,500 words for reports of the Secretariat
//! (an OHCHR summary report), 10,700 for reports of intergovernmental bodies.

use crate::core::meeting::ReportKind;

use super::super::model::{Block, Inline, Report, plain};

/// The report's word limit: the meeting's own, else that of its kind.
pub fn word_limit(session: &crate::core::session::Session, kind: ReportKind) -> Option<u32> {
    session
        .report
        .check
        .word_limit
        .or_else(|| default_limit(kind))
}

/// The limit of a kind of report, unless the meeting sets its own.
pub fn default_limit(kind: ReportKind) -> Option<u32> {
    match kind {
        ReportKind::PanelSummary => Some(8_500),
        ReportKind::Minutes | ReportKind::SummaryRecord => None,
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordCount {
    pub total: usize,
    /// Per chapter (its title) in printed order; words before the first chapter count
    /// under "".
    pub chapters: Vec<(String, usize)>,
}

fn count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn count_inlines(content: &[Inline]) -> usize {
    count(&plain(content))
        + content
            .iter()
            .map(|i| match i {
                Inline::Footnote(note) => count(note),
                _ => 0,
            })
            .sum::<usize>()
}

pub fn word_count(report: &Report) -> WordCount {
    word_count_memo(report, &mut WordMemo::default())
}

/// The words of each of the report's shared runs, kept with the runs (see
/// [`word_count_memo`]).
#[derive(Default)]
pub struct WordMemo {
    known: rustc_hash::FxHashMap<usize, (super::super::model::Content, usize)>,
}

/// [`word_count`], counting again only the runs the assembly did not reuse.
pub fn word_count_memo(report: &Report, memo: &mut WordMemo) -> WordCount {
    let mut seen: rustc_hash::FxHashSet<usize> = Default::default();
    let mut runs = |content: &super::super::model::Content| -> usize {
        let at = std::sync::Arc::as_ptr(content).cast::<u8>() as usize;
        seen.insert(at);
        memo.known
            .entry(at)
            .or_insert_with(|| (content.clone(), count_inlines(content)))
            .1
    };
    let mut chapters: Vec<(String, usize)> = vec![(String::new(), 0)];
    let add = |chapters: &mut Vec<(String, usize)>, n: usize| {
        if let Some(last) = chapters.last_mut() {
            last.1 += n;
        }
    };
    add(
        &mut chapters,
        count(&report.title) + count(&report.subtitle),
    );
    for s in &report.summary {
        add(&mut chapters, count(s));
    }
    for block in &report.blocks {
        match block {
            Block::Chapter { numeral, title } => {
                let heading = match numeral {
                    Some(n) => format!("{n} {title}"),
                    None => title.clone(),
                };
                chapters.push((heading, count(title)));
            }
            Block::Heading { text } => add(&mut chapters, count(text)),
            Block::Subheading { content, .. }
            | Block::Paragraph { content, .. }
            | Block::Bullet { content, .. }
            | Block::Plain { content } => add(&mut chapters, runs(content)),
        }
    }
    memo.known.retain(|at, _| seen.contains(at));
    chapters.retain(|(title, n)| !title.is_empty() || *n > 0);
    WordCount {
        total: chapters.iter().map(|(_, n)| n).sum(),
        chapters,
    }
}

/// "8,500" as the UN writes numbers.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(8500), "8,500");
        assert_eq!(thousands(10700), "10,700");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
