//! The editor's operations on the report model: numbers stay continuous, first mentions
//! and footnotes follow the printed order, grouping writes the thematic opening, and
//! undo brings back exactly what was there. Property tests: random edits, then undo all;
//! reassembly reusing unchanged paragraphs equals a fresh assembly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;

use rapporteur::core::demo::demo_session;
use rapporteur::core::layout::{ChapterKey, ParagraphId};
use rapporteur::core::meeting::ReportKind;
use rapporteur::core::session::Session;
use rapporteur::report::assemble::{Memo, assemble_summary};
use rapporteur::report::edit::{History, Op, apply};
use rapporteur::report::template::Keys;
use rapporteur::report::{Block, Options, Report, assemble};
use rapporteur::storage::file::{parse, to_bytes};

fn report(s: &Session) -> Report {
    assemble(s, &Options::default())
}

/// Layout id and number of the paragraph whose text contains `needle`.
fn find(s: &Session, needle: &str) -> (ParagraphId, u32) {
    report(s)
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph {
                number: Some(n),
                content,
                item: Some(id),
                ..
            } if rapporteur::report::model::plain(content).contains(needle) => Some((*id, *n)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no paragraph contains {needle:?}"))
}

fn text_of(s: &Session, number: u32) -> String {
    report(s)
        .numbered()
        .into_iter()
        .find(|(n, _)| *n == number)
        .map(|(_, t)| t)
        .unwrap()
}

fn assert_continuous(s: &Session) {
    let numbers: Vec<u32> = report(s).numbered().iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
}

#[test]
fn moving_a_statement_above_the_panel_paragraph_moves_the_first_mention() {
    let mut s = demo_session();
    let (panel, panel_number) = find(&s, "The panel discussion was moderated by");
    let (statement, _) = find(
        &s,
        "highlighted the role of national human rights institutions",
    );
    assert!(text_of(&s, panel_number).contains("Morocco, Amina Bouayach"));
    apply(
        &mut s,
        &Op::MoveBefore {
            id: statement,
            target: panel,
        },
    )
    .unwrap();
    assert_continuous(&s);
    assert_eq!(
        text_of(&s, panel_number),
        "The Chair of the National Human Rights Council of Morocco, Amina Bouayach, highlighted the role of national human rights institutions in detecting early signs of atrocities through monitoring activities, reporting and follow-up of cases of violations with national authorities."
    );
    let panel_text = text_of(&s, panel_number + 1);
    assert!(
        panel_text.starts_with("The panel discussion"),
        "{panel_text}"
    );
    assert!(
        panel_text.contains("participation of Ms. Bouayach, the Rapporteur"),
        "{panel_text}"
    );
}

#[test]
fn moves_cross_chapter_boundaries_at_the_ends() {
    let mut s = demo_session();
    let (first_dialogue, n) = find(&s, "There were 112 participants");
    apply(&mut s, &Op::MoveUp(first_dialogue)).unwrap();
    // Now the last paragraph of chapter III, still number n.
    let r = report(&s);
    let position = r
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph { number: Some(m), .. } if *m == n))
        .unwrap();
    assert!(
        matches!(&r.blocks[position + 1], Block::Chapter { title, .. } if title == "Interactive dialogue")
    );
    apply(&mut s, &Op::MoveDown(first_dialogue)).unwrap();
    assert_eq!(report(&s), report(&demo_session()));
    let (last, _) = find(&s, "valuable opportunity");
    assert!(apply(&mut s, &Op::MoveDown(last)).is_err());
    apply(
        &mut s,
        &Op::MoveToChapter {
            id: last,
            chapter: ChapterKey::Introduction,
        },
    )
    .unwrap();
    assert_eq!(find(&s, "valuable opportunity").1, 3);
    assert_continuous(&s);
}

#[test]
fn grouping_four_statements_proposes_the_opening_and_lists_them() {
    let mut s = demo_session();
    let ids: Vec<ParagraphId> = [
        "reported that a report",
        "mentioned a new law",
        "national media",
        "finalizing a manual",
    ]
    .iter()
    .map(|t| find(&s, t).0)
    .collect();
    let group = apply(&mut s, &Op::Group(ids)).unwrap();
    apply(
        &mut s,
        &Op::SetText {
            id: group,
            text: "{delegations} shared national measures to prevent atrocity crimes.".into(),
        },
    )
    .unwrap();
    let (_, n) = find(&s, "shared national measures");
    assert_eq!(
        text_of(&s, n),
        "Many delegations, including Germany, Liechtenstein, Peru and Switzerland, shared national measures to prevent atrocity crimes."
    );
    let r = report(&s);
    let sources = r
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph {
                number: Some(m),
                sources,
                ..
            } if *m == n => Some(sources.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(sources.len(), 4);
    // Four statements became one paragraph.
    assert_eq!(
        r.numbered().len(),
        report(&demo_session()).numbered().len() - 3
    );
    assert_continuous(&s);
    // Moved to the top of the interactive dialogue.
    let (netherlands, top) = find(&s, "welcomed resolution 44/14");
    apply(
        &mut s,
        &Op::MoveBefore {
            id: group,
            target: netherlands,
        },
    )
    .unwrap();
    assert!(text_of(&s, top).starts_with("Many delegations, including Germany"));
}

#[test]
fn merge_split_and_undo() {
    let mut s = demo_session();
    let original = s.clone();
    let mut history = History::default();
    let (bouayach, n) = find(&s, "highlighted the role");
    let before = report(&s).numbered().len();
    history.apply(&mut s, &Op::MergeWithNext(bouayach)).unwrap();
    let merged = text_of(&s, n);
    assert!(merged.starts_with("Ms. Bouayach highlighted"), "{merged}");
    assert!(merged.contains(" Ms. Izsák-Ndiaye noted"), "{merged}");
    assert_eq!(report(&s).numbered().len(), before - 1);
    assert_continuous(&s);
    assert_eq!(history.undo(&mut s), Some("merge"));
    assert_eq!(s, original);
    history.redo(&mut s).unwrap();
    assert_eq!(text_of(&s, n), merged);

    // Split the merged paragraph where the second statement begins.
    let template = rapporteur::report::assemble::paragraph_template(
        &s,
        &rapporteur::report::template::Keys::new(&s),
        s.layout.paragraph(bouayach).unwrap(),
    );
    let at = template.find("{Izsák-Ndiaye}").unwrap();
    let at = template[..at].chars().count();
    history
        .apply(&mut s, &Op::Split { id: bouayach, at })
        .unwrap();
    assert_eq!(report(&s).numbered().len(), before);
    assert_eq!(text_of(&s, n + 1), text_of(&original, n + 1));
    assert_continuous(&s);
    while history.undo(&mut s).is_some() {}
    assert_eq!(s, original);
}

#[test]
fn footnotes_renumber_with_the_paragraphs() {
    let mut s = demo_session();
    let (last, _) = find(&s, "valuable opportunity");
    apply(
        &mut s,
        &Op::AddFootnote {
            id: last,
            text: "A/HRC/47/1.".into(),
        },
    )
    .unwrap();
    let notes: Vec<String> = report(&s)
        .footnotes()
        .iter()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(notes.len(), 3);
    assert_eq!(notes[2], "A/HRC/47/1.");
    let (intro, _) = find(&s, "Pursuant to");
    apply(
        &mut s,
        &Op::MoveBefore {
            id: last,
            target: intro,
        },
    )
    .unwrap();
    let notes: Vec<String> = report(&s)
        .footnotes()
        .iter()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(notes[0], "A/HRC/47/1.");
    apply(&mut s, &Op::RemoveFootnote { id: last, index: 0 }).unwrap();
    assert_eq!(report(&s).footnotes().len(), 2);
    assert!(
        apply(
            &mut s,
            &Op::AddFootnote {
                id: last,
                text: " \u{7}".into()
            }
        )
        .is_err()
    );
}

#[test]
fn exclude_delete_restore_freeze_and_regenerate() {
    let mut s = demo_session();
    let count = report(&s).numbered().len();
    let peru = s
        .interventions
        .iter()
        .find(|i| i.text.starts_with("reported that"))
        .unwrap()
        .id;
    apply(&mut s, &Op::Exclude(peru)).unwrap();
    assert_eq!(report(&s).numbered().len(), count - 1);
    assert!(s.intervention(peru).is_some(), "still in the log");
    apply(&mut s, &Op::Include(peru)).unwrap();
    assert_eq!(report(&s).numbered().len(), count);

    let (germany, n) = find(&s, "mentioned a new law");
    apply(&mut s, &Op::Delete(germany)).unwrap();
    assert_eq!(report(&s).numbered().len(), count - 1);
    assert_continuous(&s);
    apply(&mut s, &Op::Restore(germany)).unwrap();
    assert_eq!(find(&s, "mentioned a new law").1, n);

    let (intro, _) = find(&s, "Pursuant to");
    apply(&mut s, &Op::Freeze(intro)).unwrap();
    let frozen = s.layout.paragraph(intro).unwrap().text.clone().unwrap();
    assert!(
        frozen.starts_with("Pursuant to resolution 44/14"),
        "{frozen}"
    );
    apply(
        &mut s,
        &Op::SetText {
            id: intro,
            text: frozen.replace("Pursuant to", "In accordance with"),
        },
    )
    .unwrap();
    assert!(text_of(&s, 1).starts_with("In accordance with resolution 44/14"));
    let generated = |s: &Session| {
        report(s).blocks.iter().any(|b| {
            matches!(
                b,
                Block::Paragraph {
                    number: Some(1),
                    generated: true,
                    ..
                }
            )
        })
    };
    assert!(!generated(&s));
    apply(&mut s, &Op::Regenerate(intro)).unwrap();
    assert!(text_of(&s, 1).starts_with("Pursuant to"));
    assert!(generated(&s));

    let free = apply(&mut s, &Op::InsertAfter(intro)).unwrap();
    assert_eq!(
        report(&s).numbered().len(),
        count,
        "an empty paragraph is not printed"
    );
    apply(
        &mut s,
        &Op::SetText {
            id: free,
            text: "The {note:A/HRC/RES/44/14.}resolution was adopted without a vote.\u{0B}".into(),
        },
    )
    .unwrap();
    assert_eq!(
        text_of(&s, 2),
        "The resolution was adopted without a vote.\n"
    );
    assert_eq!(report(&s).footnotes()[0], "A/HRC/RES/44/14.");
    assert!(apply(&mut s, &Op::Regenerate(free)).is_err());
}

#[test]
fn an_unknown_name_is_printed_as_typed_and_reported() {
    let mut s = demo_session();
    let (intro, _) = find(&s, "Pursuant to");
    apply(
        &mut s,
        &Op::SetText {
            id: intro,
            text: "{Nobody} opened the meeting.".into(),
        },
    )
    .unwrap();
    let r = report(&s);
    assert_eq!(r.numbered()[0].1, "{Nobody} opened the meeting.");
    assert_eq!(r.warnings.len(), 1);
    assert!(r.warnings[0].contains("{Nobody}"), "{:?}", r.warnings);
}

/// An operation on whichever paragraphs exist when it is applied.
#[derive(Debug, Clone)]
enum Pick {
    Up(usize),
    Down(usize),
    Before(usize, usize),
    Drop(usize, usize),
    Chapter(usize, usize),
    Merge(usize),
    Split(usize, usize),
    Delete(usize),
    Restore(usize),
    Insert(usize),
    Text(usize, String),
    Freeze(usize),
    Regenerate(usize),
    Exclude(usize),
    Include(usize),
    Group(usize, usize),
    Footnote(usize, String),
    Unfootnote(usize),
    Heading(usize),
}

fn pick() -> impl Strategy<Value = Pick> {
    let n = 0..40usize;
    let text = prop_oneof![
        Just("{delegations} agreed.".to_string()),
        Just("{Bouayach} {{braces}} \u{0B}said".to_string()),
        Just("{note:A/1}".to_string()),
        "[a-z {}]{0,12}",
    ];
    prop_oneof![
        n.clone().prop_map(Pick::Up),
        n.clone().prop_map(Pick::Down),
        (n.clone(), n.clone()).prop_map(|(a, b)| Pick::Before(a, b)),
        (n.clone(), n.clone()).prop_map(|(a, b)| Pick::Drop(a, b)),
        (n.clone(), 0..6usize).prop_map(|(a, b)| Pick::Chapter(a, b)),
        n.clone().prop_map(Pick::Merge),
        (n.clone(), 0..300usize).prop_map(|(a, b)| Pick::Split(a, b)),
        n.clone().prop_map(Pick::Delete),
        n.clone().prop_map(Pick::Restore),
        n.clone().prop_map(Pick::Insert),
        (n.clone(), text.clone()).prop_map(|(a, t)| Pick::Text(a, t)),
        n.clone().prop_map(Pick::Freeze),
        n.clone().prop_map(Pick::Regenerate),
        n.clone().prop_map(Pick::Exclude),
        n.clone().prop_map(Pick::Include),
        (n.clone(), n.clone()).prop_map(|(a, b)| Pick::Group(a, b)),
        (n.clone(), text).prop_map(|(a, t)| Pick::Footnote(a, t)),
        n.clone().prop_map(Pick::Unfootnote),
        // Twice, so that inserted paragraphs (the only ones that can be) often become
        // subheadings.
        n.clone().prop_map(Pick::Heading),
        n.prop_map(Pick::Heading),
    ]
}

fn to_op(s: &Session, pick: &Pick) -> Option<Op> {
    let layout = s.layout.resolve(s);
    let ids: Vec<ParagraphId> = layout.paragraphs().map(|p| p.id).collect();
    let id = |n: usize| ids.get(n % ids.len().max(1)).copied();
    let intervention = |n: usize| s.interventions.get(n % s.interventions.len()).map(|i| i.id);
    Some(match pick {
        Pick::Up(a) => Op::MoveUp(id(*a)?),
        Pick::Down(a) => Op::MoveDown(id(*a)?),
        Pick::Before(a, b) => Op::MoveBefore {
            id: id(*a)?,
            target: id(*b)?,
        },
        Pick::Drop(a, b) => Op::DropOn {
            id: id(*a)?,
            target: id(*b)?,
        },
        Pick::Chapter(a, c) => Op::MoveToChapter {
            id: id(*a)?,
            chapter: layout.chapters[c % layout.chapters.len()].key,
        },
        Pick::Merge(a) => Op::MergeWithNext(id(*a)?),
        Pick::Split(a, at) => Op::Split {
            id: id(*a)?,
            at: *at,
        },
        Pick::Delete(a) => Op::Delete(id(*a)?),
        Pick::Restore(a) => {
            let d = layout.deleted.get(a % layout.deleted.len().max(1))?;
            Op::Restore(d.paragraph.id)
        }
        Pick::Insert(a) => Op::InsertAfter(id(*a)?),
        Pick::Text(a, t) => Op::SetText {
            id: id(*a)?,
            text: t.clone(),
        },
        Pick::Freeze(a) => Op::Freeze(id(*a)?),
        Pick::Regenerate(a) => Op::Regenerate(id(*a)?),
        Pick::Exclude(a) => Op::Exclude(intervention(*a)?),
        Pick::Include(a) => Op::Include(intervention(*a)?),
        Pick::Group(a, b) => Op::Group(vec![id(*a)?, id(*b)?]),
        Pick::Footnote(a, t) => Op::AddFootnote {
            id: id(*a)?,
            text: t.clone(),
        },
        Pick::Unfootnote(a) => Op::RemoveFootnote {
            id: id(*a)?,
            index: 0,
        },
        // Among the paragraphs written here when there are some (the only ones that can
        // be subheadings), so that subheadings come often.
        Pick::Heading(a) => {
            let written: Vec<ParagraphId> = layout
                .paragraphs()
                .filter(|p| p.sources.is_empty() && p.generated.is_none())
                .map(|p| p.id)
                .collect();
            match written.get(a % written.len().max(1)) {
                Some(id) => Op::ToggleHeading(*id),
                None => Op::ToggleHeading(id(*a)?),
            }
        }
    })
}

/// The kinds of generated paragraph the layout knows, in place or deleted.
fn generated_kinds(
    layout: &rapporteur::core::layout::Layout,
) -> Vec<rapporteur::core::layout::Generated> {
    layout
        .paragraphs()
        .chain(layout.deleted.iter().map(|d| &d.paragraph))
        .filter_map(|p| p.generated)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_undone_give_the_original_session_and_reload_to_the_same_report(
        picks in prop::collection::vec(pick(), 1..25)
    ) {
        let original = demo_session();
        let mut s = original.clone();
        let mut history = History::default();
        for p in &picks {
            let known = generated_kinds(&s.layout.resolve(&s));
            if let Some(op) = to_op(&s, p) {
                let before = s.clone();
                if history.apply(&mut s, &op).is_err() {
                    prop_assert_eq!(&s, &before, "a refused operation changes nothing");
                } else {
                    // A paragraph the report generates, merged, split or grouped, is
                    // still known as such (in place or among the deleted): else the
                    // report would generate it again and print its text twice.
                    let after = generated_kinds(&s.layout);
                    prop_assert!(known.iter().all(|k| after.contains(k)), "{:?}: {:?} then {:?}", op, known, after);
                }
            }
            let r = report(&s);
            let numbers: Vec<u32> = r.numbered().iter().map(|(n, _)| *n).collect();
            prop_assert_eq!(numbers.clone(), (1..=numbers.len() as u32).collect::<Vec<_>>());
            let reloaded = parse(&to_bytes(&s), Path::new("x.json")).unwrap();
            prop_assert_eq!(report(&reloaded), r);
        }
        while history.undo(&mut s).is_some() {}
        prop_assert_eq!(s, original);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The editor reassembles after each edit reusing the paragraphs it printed last
    /// time; whatever the edits (moves that change first mentions, exclusions that
    /// change thematic openings, undo), the report is the one a fresh assembly gives.
    #[test]
    fn reassembly_that_reuses_unchanged_paragraphs_gives_the_fresh_report(
        picks in prop::collection::vec(pick(), 1..30),
        undo_every in 2..6usize,
        name_first in any::<bool>(),
        reintroduce in any::<bool>(),
    ) {
        let mut s = demo_session();
        // Both house styles, and speakers named anew where their statements begin.
        if name_first {
            s.report.first_mention = rapporteur::core::settings::FirstMention::NameFirst;
        }
        s.report.reintroduce = reintroduce;
        let mut history = History::default();
        let keys = Keys::new(&s);
        let mut memo = Memo::default();
        let options = Options { kind: Some(ReportKind::PanelSummary), issue_date: None };
        for (n, p) in picks.iter().enumerate() {
            if n % undo_every == undo_every - 1 {
                let _ = history.undo(&mut s);
            } else if let Some(op) = to_op(&s, p) {
                let _ = history.apply(&mut s, &op);
            }
            let layout = s.layout.resolve(&s);
            let reused = assemble_summary(&s, &layout, &keys, &options, &mut memo);
            prop_assert_eq!(&reused, &assemble(&s, &options));
        }
    }
}

#[test]
fn a_move_reprints_only_the_paragraphs_whose_first_mentions_changed() {
    let mut s = demo_session();
    let keys = Keys::new(&s);
    let mut memo = Memo::default();
    let options = Options {
        kind: Some(ReportKind::PanelSummary),
        issue_date: None,
    };
    let first = assemble_summary(&s, &s.layout.resolve(&s), &keys, &options, &mut memo);
    assert_eq!(memo.reused(), 0, "nothing to reuse the first time");
    let paragraphs = first.numbered().len();
    // The last statement up one place: no one's first mention moves.
    let (last, _) = find(&s, "selectivity");
    apply(&mut s, &Op::MoveUp(last)).unwrap();
    let again = assemble_summary(&s, &s.layout.resolve(&s), &keys, &options, &mut memo);
    assert_eq!(again, assemble(&s, &options));
    assert_eq!(
        memo.reused(),
        paragraphs,
        "every paragraph prints as before"
    );
    // Ms. Bouayach's statement above the panel paragraph: both change wording.
    let (bouayach, _) = find(&s, "national human rights institutions");
    let (panel, _) = find(&s, "moderated by");
    apply(
        &mut s,
        &Op::MoveBefore {
            id: bouayach,
            target: panel,
        },
    )
    .unwrap();
    let moved = assemble_summary(&s, &s.layout.resolve(&s), &keys, &options, &mut memo);
    assert_eq!(moved, assemble(&s, &options));
    assert!(
        memo.reused() < paragraphs && memo.reused() >= paragraphs - 3,
        "{} of {paragraphs} reused",
        memo.reused()
    );
}

/// A change made outside the editor while it keeps its memo.
#[derive(Debug, Clone)]
enum Elsewhere {
    /// A statement logged for the speaker of statement `n`.
    Log(usize, String),
    /// Statement `n`'s notes corrected.
    Correct(usize, String),
    Delete(usize),
    /// Participant `n` gets a new family name (every mention of them changes).
    Rename(usize, String),
    /// A group renamed (statements on its behalf change).
    Group(String),
    /// Inscription `n` marked as not delivered (the participation paragraph changes).
    NotHeard(usize),
}

fn elsewhere() -> impl Strategy<Value = Elsewhere> {
    let words = prop_oneof![
        Just("stressed the need for early warning".to_string()),
        Just("Welcomed the report.".to_string()),
        Just(String::new()),
        "[a-z ]{1,30}",
    ];
    prop_oneof![
        (any::<usize>(), words.clone()).prop_map(|(n, t)| Elsewhere::Log(n, t)),
        (any::<usize>(), words).prop_map(|(n, t)| Elsewhere::Correct(n, t)),
        any::<usize>().prop_map(Elsewhere::Delete),
        (any::<usize>(), "[A-Z][a-z]{2,8}").prop_map(|(n, t)| Elsewhere::Rename(n, t)),
        "[A-Z][a-z]{2,8}".prop_map(Elsewhere::Group),
        any::<usize>().prop_map(Elsewhere::NotHeard),
    ]
}

fn change_elsewhere(s: &mut Session, change: &Elsewhere) {
    let count = s.interventions.len().max(1);
    match change {
        Elsewhere::Log(n, text) => {
            if let Some(i) = s.interventions.get(n % count).map(|i| (**i).clone()) {
                s.commit(rapporteur::core::session::NewIntervention {
                    speaker: i.speaker,
                    on_behalf_of: i.on_behalf_of,
                    started_at: i.started_at,
                    ended_at: i.ended_at,
                    text: text.clone(),
                });
            }
        }
        Elsewhere::Correct(n, text) => {
            if let Some(i) = s.interventions.get_mut(n % count) {
                i.text = text.clone();
            }
        }
        Elsewhere::Delete(n) => {
            if let Some(id) = s.interventions.get(n % count).map(|i| i.id) {
                s.delete_intervention(id);
            }
        }
        Elsewhere::Rename(n, name) => {
            let people = s.participants.len().max(1);
            if let Some(p) = s.participants.get_mut(n % people) {
                p.family_name = name.clone();
            }
        }
        Elsewhere::Group(name) => {
            if let Some(g) = s.groups.first_mut() {
                g.name = name.clone();
            }
        }
        Elsewhere::NotHeard(n) => {
            let listed = s.inscriptions.len().max(1);
            if let Some(i) = s.inscriptions.get_mut(n % listed) {
                i.status = rapporteur::core::InscriptionStatus::NotDelivered;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The memo also outlives changes made elsewhere (statements logged, corrected or
    /// deleted, names, groups, the list of speakers), checking for itself what it can
    /// reuse: after any mix of those and edits, the report is the fresh one.
    #[test]
    fn reassembly_after_changes_made_elsewhere_gives_the_fresh_report(
        steps in prop::collection::vec(
            prop_oneof![pick().prop_map(Ok), elsewhere().prop_map(Err)],
            1..30,
        ),
    ) {
        let mut s = demo_session();
        let mut history = History::default();
        let mut memo = Memo::default();
        let options = Options { kind: Some(ReportKind::PanelSummary), issue_date: None };
        for step in &steps {
            match step {
                Ok(p) => {
                    if let Some(op) = to_op(&s, p) {
                        let _ = history.apply(&mut s, &op);
                    }
                }
                Err(change) => change_elsewhere(&mut s, change),
            }
            let keys = Keys::new(&s);
            let layout = s.layout.resolve(&s);
            let reused = assemble_summary(&s, &layout, &keys, &options, &mut memo);
            prop_assert_eq!(&reused, &assemble(&s, &options));
        }
    }
}

#[test]
fn a_statement_logged_elsewhere_reprints_only_what_reads_the_whole_log() {
    let mut s = demo_session();
    let options = Options {
        kind: Some(ReportKind::PanelSummary),
        issue_date: None,
    };
    let mut memo = Memo::default();
    let first = assemble_summary(
        &s,
        &s.layout.resolve(&s),
        &Keys::new(&s),
        &options,
        &mut memo,
    );
    let paragraphs = first.numbered().len();
    let last = (**s.interventions.last().unwrap()).clone();
    s.commit(rapporteur::core::session::NewIntervention {
        speaker: last.speaker,
        on_behalf_of: None,
        started_at: last.ended_at,
        ended_at: last.ended_at,
        text: "thanked the panellists.".into(),
    });
    let again = assemble_summary(
        &s,
        &s.layout.resolve(&s),
        &Keys::new(&s),
        &options,
        &mut memo,
    );
    assert_eq!(again, assemble(&s, &options));
    assert_eq!(again.numbered().len(), paragraphs + 1);
    let generated = first
        .blocks
        .iter()
        .filter(|b| {
            matches!(
                b,
                Block::Paragraph {
                    generated: true,
                    ..
                }
            )
        })
        .count();
    // Statements of the panel and the concluding remarks take lead-ins from their
    // segment's speaking order ("For her part, ..."): printed again too.
    let with_lead_ins = first
        .blocks
        .iter()
        .filter(|b| match b {
            Block::Paragraph {
                generated: false,
                sources,
                ..
            } => sources.iter().any(|id| {
                s.interventions
                    .iter()
                    .find(|i| i.id == *id)
                    .and_then(|i| s.segment(i.segment))
                    .is_some_and(|seg| {
                        matches!(
                            seg.kind,
                            rapporteur::core::meeting::SegmentKind::Panel
                                | rapporteur::core::meeting::SegmentKind::Concluding
                        )
                    })
            }),
            _ => false,
        })
        .count();
    assert!(with_lead_ins > 0);
    assert!(
        memo.reused() >= paragraphs - generated - with_lead_ins,
        "{} of {paragraphs} reused; {generated} generated ones and {with_lead_ins} with lead-ins are printed again",
        memo.reused()
    );
    // A participant renamed: everything afresh.
    s.participants[0].family_name = "Renamed".into();
    let renamed = assemble_summary(
        &s,
        &s.layout.resolve(&s),
        &Keys::new(&s),
        &options,
        &mut memo,
    );
    assert_eq!(renamed, assemble(&s, &options));
    assert_eq!(memo.reused(), 0);
}

/// The id of the numbered paragraph `n`.
fn numbered(s: &Session, n: u32) -> ParagraphId {
    assemble(s, &Options::default())
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph {
                number: Some(m),
                item: Some(id),
                ..
            } if *m == n => Some(*id),
            _ => None,
        })
        .unwrap()
}

/// A paragraph written after `after`, titled, made a subheading.
fn subheading(s: &mut Session, after: ParagraphId, title: &str) -> ParagraphId {
    let id = apply(s, &Op::InsertAfter(after)).unwrap();
    apply(
        s,
        &Op::SetText {
            id,
            text: title.into(),
        },
    )
    .unwrap();
    apply(s, &Op::ToggleHeading(id)).unwrap();
    id
}

#[test]
fn subheadings_are_lettered_unnumbered_and_printed_by_every_writer() {
    let mut s = demo_session();
    let before = assemble(&s, &Options::default()).numbered().len();
    // A statement's paragraph cannot be one: nothing logged may vanish into a title.
    let statement = numbered(&s, 13);
    assert!(apply(&mut s, &Op::ToggleHeading(statement)).is_err());

    let after = numbered(&s, 12);
    let first = subheading(&mut s, after, "National measures");
    let report = assemble(&s, &Options::default());
    assert_eq!(
        report.numbered().len(),
        before,
        "a subheading takes no number"
    );
    assert!(
        report.warnings.iter().any(|w| w.contains("needs a B.")),
        "{:?}",
        report.warnings
    );
    let after = numbered(&s, 16);
    subheading(&mut s, after, "Accountability");
    let report = assemble(&s, &Options::default());
    let letters: Vec<(String, String)> = report
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Subheading {
                letter, content, ..
            } => Some((letter.clone(), rapporteur::report::model::plain(content))),
            _ => None,
        })
        .collect();
    assert_eq!(
        letters,
        [
            ("A.".to_string(), "National measures".to_string()),
            ("B.".to_string(), "Accountability".to_string())
        ]
    );
    assert!(!report.warnings.iter().any(|w| w.contains("needs a B.")));
    // Moved below the second, the first is lettered anew.
    apply(&mut s, &Op::MoveDown(first)).unwrap();
    let md = rapporteur::report::markdown::to_markdown(&assemble(&s, &Options::default()));
    assert!(md.contains("### A. National measures") || md.contains("### B. National measures"));
    let md = rapporteur::report::markdown::to_markdown(&report);
    assert!(
        md.contains("### A. National measures\n") && md.contains("### B. Accountability\n"),
        "{md}"
    );
    let text = rapporteur::report::markdown::to_text(&report);
    assert!(text.contains("\nA. National measures\n"), "{text}");
    // Back to a paragraph: numbered again.
    apply(&mut s, &Op::ToggleHeading(first)).unwrap();
    assert_eq!(
        assemble(&s, &Options::default()).numbered().len(),
        before + 1
    );
}

#[test]
fn lines_starting_with_a_dash_become_lettered_sub_paragraphs_in_every_writer() {
    let mut s = demo_session();
    let after = numbered(&s, 12);
    let id = apply(&mut s, &Op::InsertAfter(after)).unwrap();
    apply(
        &mut s,
        &Op::SetText {
            id,
            text: "Participants recommended:\n- that States appoint focal points;\n- that they assess risks:\n-- nationally;\n-- regionally;\n- that the Council follow up.".into(),
        },
    )
    .unwrap();
    let report = assemble(&s, &Options::default());
    let (n, text) = report
        .numbered()
        .into_iter()
        .find(|(_, t)| t.starts_with("Participants recommended"))
        .unwrap();
    assert_eq!(
        text,
        "Participants recommended:\n(a) that States appoint focal points;\n(b) that they assess risks:\n(i) nationally;\n(ii) regionally;\n(c) that the Council follow up."
    );
    let plain_text = rapporteur::report::markdown::to_text(&report);
    assert!(
        plain_text.contains(&format!(
            "{n}. Participants recommended:\n    (a) that States appoint"
        )),
        "{plain_text}"
    );
    assert!(
        plain_text.contains("\n        (ii) regionally;\n    (c) that the Council"),
        "{plain_text}"
    );
    let md = rapporteur::report::markdown::to_markdown(&report);
    assert!(
        md.contains("\\\n&emsp;(a) that States") && md.contains("&emsp;&emsp;(i) nationally"),
        "{md}"
    );
    // The text of the paragraph is still what was typed (the editor shows it back).
    let layout = s.layout.resolve(&s);
    let p = layout.paragraphs().find(|p| p.id == id).unwrap();
    assert!(p.text.as_deref().unwrap().contains("\n-- nationally;"));
}

/// Paragraphs whose content a step changed, added or removed (of the layouts as the
/// report reads them).
fn touched(before: &Session, after: &Session) -> BTreeSet<ParagraphId> {
    let a = before.layout.resolve(before);
    let b = after.layout.resolve(after);
    let mut out = BTreeSet::new();
    for p in a.paragraphs() {
        if b.paragraph(p.id) != Some(p) {
            out.insert(p.id);
        }
    }
    for p in b.paragraphs() {
        if a.paragraph(p.id).is_none() {
            out.insert(p.id);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Two editors on one report (a team session merges the other's work in at any
    /// moment): when A takes back its steps one by one, every paragraph only B changed is
    /// still there with B's content; through undo and redo no paragraph is there twice
    /// and numbering stays continuous.
    #[test]
    fn undo_takes_back_only_my_steps_when_another_editor_worked_in_between(
        steps in prop::collection::vec((any::<bool>(), pick()), 1..30),
    ) {
        let mut s = demo_session();
        let mut mine = History::default();
        let mut theirs = History::default();
        let mut by_me = BTreeSet::new();
        let mut by_them = BTreeSet::new();
        for (me, p) in &steps {
            let Some(op) = to_op(&s, p) else { continue };
            let before = s.clone();
            let history = if *me { &mut mine } else { &mut theirs };
            if history.apply(&mut s, &op).is_ok() {
                let changed = touched(&before, &s);
                if *me { by_me.extend(changed) } else { by_them.extend(changed) }
            }
        }
        // Paragraphs the stored layout holds (the report makes a generated paragraph an
        // edit removed anew, under a new number each time it is shown).
        let only_theirs: Vec<ParagraphId> = by_them
            .difference(&by_me)
            .copied()
            .filter(|id| s.layout.paragraph(*id).is_some())
            .collect();
        let theirs_now = s.layout.resolve(&s);
        let check = |s: &Session, undoing: bool| -> Result<(), TestCaseError> {
            let layout = s.layout.resolve(s);
            // (A redo may take a decision again over B's: an exclusion B undid.)
            for id in only_theirs.iter().filter(|_| undoing) {
                let wanted = theirs_now.paragraph(*id);
                match wanted.filter(|p| p.is_automatic()) {
                    // An automatic paragraph may come back under another number (the
                    // undone step brings back the one it had removed in its place): a
                    // generated one is there once, a statement's is in some paragraph.
                    Some(auto) => match auto.generated {
                        Some(kind) => prop_assert_eq!(
                            layout.paragraphs().filter(|p| p.generated == Some(kind)).count(),
                            1,
                            "{:?}",
                            kind
                        ),
                        None => prop_assert!(
                            auto.sources.iter().all(|s| layout.paragraphs().any(|p| p.sources.contains(s))),
                            "{:?}",
                            auto
                        ),
                    },
                    None => prop_assert_eq!(layout.paragraph(*id), wanted, "paragraph {}", id),
                }
            }
            let mut ids: Vec<ParagraphId> = layout.paragraphs().map(|p| p.id).collect();
            let count = ids.len();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), count, "a paragraph twice");
            let numbers: Vec<u32> = report(s).numbered().iter().map(|(n, _)| *n).collect();
            prop_assert_eq!(numbers.clone(), (1..=numbers.len() as u32).collect::<Vec<_>>());
            Ok(())
        };
        while mine.undo(&mut s).is_some() {
            check(&s, true)?;
        }
        while mine.redo(&mut s).is_some() {
            check(&s, false)?;
        }
    }
}

/// A paragraph the report generates, merged into another or split, is printed once: the
/// report does not generate it again beside the merged text.
#[test]
fn a_generated_paragraph_merged_or_split_is_printed_once() {
    let mut s = demo_session();
    let count = |s: &Session, needle: &str| {
        report(s)
            .numbered()
            .iter()
            .filter(|(_, t)| t.contains(needle))
            .count()
    };
    let request = "the present report summarizes";
    assert_eq!(count(&s, request), 1);
    let layout = s.layout.resolve(&s);
    let intro = layout.paragraphs().next().unwrap().id;
    apply(&mut s, &Op::MergeWithNext(intro)).unwrap();
    assert_eq!(count(&s, request), 1, "{:?}", report(&s).numbered());
    assert_continuous(&s);
    // The merged-away paragraph is among the deleted ones, to restore if wanted.
    assert_eq!(s.layout.deleted.len(), 1);
    let (panel, _) = find(&s, "was moderated by");
    apply(&mut s, &Op::Split { id: panel, at: 20 }).unwrap();
    assert_eq!(
        count(&s, "was moderated by"),
        1,
        "{:?}",
        report(&s).numbered()
    );
    assert_continuous(&s);
}
