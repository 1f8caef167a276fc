//! The checker on hostile text, by the thousand: any text a person can type or paste
//! (control characters, accents, right-to-left text, lone marks, huge words, every
//! figure and capital) gives findings without a panic, each at a place that exists and
//! flagging words that stand in the text it names.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use proptest::prelude::*;

use rapporteur::core::demo::demo_session;
use rapporteur::core::meeting::ReportKind;
use rapporteur::report::checker::{self, Rule, Settings};
use rapporteur::report::model::plain;
use rapporteur::report::{Block, Inline, Report};
use support::hostile::{Rng, statement};

/// Text with the pieces the rules look for, mixed with anything.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "UN",
        "Secretary General",
        "Covid",
        "5%",
        "May 11, 2021",
        "05/11/2021",
        "Resolution 4/1",
        "stresses",
        "Notes that",
        "is",
        "will",
        "that",
        "the the",
        "  ",
        "{x}",
        ";",
        "3",
        "six commitments:",
        "Commitment 1:",
        "(ABC)",
        "ABC",
        "Kheris",
        "Izsak",
        "Ä",
        "\u{202e}",
        "\u{0301}",
        "\u{0}",
        "\t",
        "\n",
        "-",
        "/",
        ".",
        "é",
        "𝔘𝔑",
        "Ⅳ",
        "١٢٣",
    ]);
    (
        prop::collection::vec(pieces, 0..30),
        prop::collection::vec(any::<char>(), 0..20),
    )
        .prop_map(|(pieces, chars)| {
            let mut out = pieces.join(" ");
            out.extend(chars);
            out
        })
}

fn report_of(texts: &[String]) -> Report {
    let mut blocks = Vec::new();
    for (n, t) in texts.iter().enumerate() {
        blocks.push(match n % 3 {
            0 => Block::Paragraph {
                number: Some(n as u32 + 1),
                content: vec![Inline::Text(t.clone()), Inline::Footnote(t.clone())].into(),
                generated: false,
                sources: Vec::new().into(),
                item: None,
            },
            1 => Block::Bullet {
                level: (n % 2) as u8,
                content: vec![
                    Inline::Italic(t.clone()),
                    Inline::Item(1),
                    Inline::Text(t.clone()),
                ]
                .into(),
                sources: Vec::new().into(),
            },
            _ => Block::Heading { text: t.clone() },
        });
    }
    Report {
        kind: ReportKind::Minutes,
        summary: texts.first().cloned().into_iter().collect(),
        blocks,
        ..Report::default()
    }
}

fn settings() -> Settings<'static> {
    Settings {
        off: &[],
        spellings: "colour -> color\n->\n x -> \n",
        ignored: &[],
        word_limit: Some(50),
    }
}

/// Every piece of text of the report, as the checker names places.
fn texts(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = report.summary.clone();
    for b in &report.blocks {
        match b {
            Block::Heading { text } => out.push(text.clone()),
            Block::Paragraph { content, .. } | Block::Bullet { content, .. } => {
                out.push(plain(content));
                for i in content.iter() {
                    if let Inline::Footnote(f) = i {
                        out.push(f.clone());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn sound(report: &Report) {
    let session = demo_session();
    let findings = checker::check_with(&session, report, &settings());
    let all = texts(report);
    for f in &findings {
        if f.rule == Rule::Length || f.excerpt.is_empty() {
            continue;
        }
        if f.rule == Rule::Count {
            // "six commitments": the count and its noun stand in the text.
            let noun = f.excerpt.split_whitespace().last().unwrap();
            assert!(all.iter().any(|t| t.contains(noun)), "{f:?}");
            continue;
        }
        assert!(
            all.iter().any(|t| t.contains(&f.excerpt)),
            "{:?} not in the text: {all:?}",
            f
        );
        if let Some(n) = f.place.paragraph {
            assert!(
                report
                    .blocks
                    .iter()
                    .any(|b| matches!(b, Block::Paragraph { number: Some(m), .. } if *m == n)),
                "{f:?}"
            );
        }
    }
    // Checked again with the memo: the same findings.
    let mut memo = checker::Memo::default();
    let first = checker::check_memo(&session, report, &settings(), &mut memo);
    let again = checker::check_memo(&session, report, &settings(), &mut memo);
    assert_eq!(first, again);
    assert_eq!(first, findings);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]
    #[test]
    fn any_text_is_checked_without_a_panic_and_findings_point_at_real_words(
        texts in prop::collection::vec(hostile(), 1..6)
    ) {
        sound(&report_of(&texts));
    }
}

#[test]
fn generated_statements_and_a_huge_paste_are_checked() {
    let mut rng = Rng::new(14);
    for case in 0..1000 {
        let texts: Vec<String> = (0..1 + rng.below(5))
            .map(|row| statement(&mut rng, &format!("mk{case}x{row}q")))
            .collect();
        sound(&report_of(&texts));
    }
    // A whole transcript pasted into one statement.
    let huge = "The UN stresses that 5 delegations is ready. ".repeat(20_000);
    let report = report_of(&[huge]);
    let findings = checker::check_with(&demo_session(), &report, &settings());
    assert!(findings.len() > 20_000 * 3, "{}", findings.len());
}
