//! The editorial checker's speed: checking a whole report, and checking it again after
//! one paragraph changed, on a small meeting (300 statements, the size the target
//! names) and large ones (3,000 and 10,000). Run: `cargo bench --bench checker`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod common;

use std::time::Duration;

use rapporteur::report::assemble::{Memo, assemble_with};
use rapporteur::report::checker;
use rapporteur::report::edit::{History, Op};
use rapporteur::report::{Block, Options};

fn main() {
    for statements in [300, 3_000, 10_000] {
        let mut s = common::demo_with(statements);
        // As the editor assembles: a paragraph that did not change keeps its runs.
        let mut report_memo = Memo::default();
        let report = assemble_with(&s, &Options::default(), &mut report_memo);
        let paragraphs = report.numbered_count();
        let words = checker::word_count(&report).total;
        common::measure(
            &format!("check {paragraphs} paragraphs ({words} words)"),
            Duration::from_millis(50),
            60,
            || {
                std::hint::black_box(checker::check(&s, &report));
            },
        );
        // One paragraph rewritten in the editor (one undo step), the report assembled
        // again as the editor does (not counted), then checked with what the check
        // before found (the memo) reused. Measured as the edit and its undo: two
        // re-checks of one changed paragraph each.
        let item = report
            .blocks
            .iter()
            .rev()
            .find_map(|b| match b {
                Block::Paragraph {
                    item: Some(item),
                    generated: false,
                    ..
                } => Some(*item),
                _ => None,
            })
            .unwrap();
        let mut history = History::default();
        history
            .apply(
                &mut s,
                &Op::SetText {
                    id: item,
                    text: "{Peru} stresses that prevention is the best protection.".into(),
                },
            )
            .unwrap();
        let edited = assemble_with(&s, &Options::default(), &mut report_memo);
        let mut memo = checker::Memo::default();
        let settings = checker::Settings::of(&s, report.kind);
        checker::check_memo(&s, &report, &settings, &mut memo);
        common::measure(
            &format!("check again, nothing changed ({paragraphs})"),
            Duration::from_millis(5),
            60,
            || {
                std::hint::black_box(checker::check_memo(&s, &report, &settings, &mut memo));
            },
        );
        common::measure(
            &format!("check again: edit + undo, two re-checks ({paragraphs})"),
            Duration::from_millis(10),
            60,
            || {
                std::hint::black_box(checker::check_memo(&s, &edited, &settings, &mut memo));
                std::hint::black_box(checker::check_memo(&s, &report, &settings, &mut memo));
            },
        );
        common::measure(
            &format!("word count ({paragraphs} paragraphs)"),
            Duration::from_millis(5),
            60,
            || {
                std::hint::black_box(checker::word_count(&edited));
            },
        );
    }
}
