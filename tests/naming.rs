//! Naming people as UN reports do, on a meeting that is not the seed: officials by title
//! (a logged name notwithstanding) and by short title later, names in the minutes,
//! pronouns in templates, the lead-ins that use them, merged statements going on with
//! "She ...", and notes that print as their own sentence without naming who spoke.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use rapporteur::core::Session;
use rapporteur::core::import::import_log_csv;
use rapporteur::core::meeting::{Meeting, ReportKind};
use rapporteur::report::edit::{Op, apply};
use rapporteur::report::{Options, assemble};

const LOG: &str = "\
segment,role,honorific,name,family_name,title,short_title,title_only,pronoun,delegation,kind,on_behalf_of,group_members,status,start,text
Opening statements,opening,Mr.,Volker Türk,,United Nations High Commissioner for Human Rights,the High Commissioner,yes,,,,,,,10:00,stressed prevention.
,opening,Ms.,Nada Lind,,Special Envoy on Water,,yes,,,,,,,10:05,recalled the plan.
Panel discussion,moderator,Ms.,Mira Sol,,Journalist,,,,,,,,,10:10,opened the panel.
,panellist,Ms.,Ana Pérez Soto,Pérez Soto,Minister of Water of Chile,,,,,,,,,10:11,described the reform.
,panellist,Mr.,Ben Okafor,,Professor of Hydrology,,,,,,,,,10:15,presented findings.
,panellist,,Sam Lee,,Director of the Rain Institute,,,they,,,,,,10:20,spoke of rain.
,panellist,Ms.,Ana Pérez Soto,Pérez Soto,,,,,,,,,,10:30,answered the questions.
,panellist,Mr.,Ben Okafor,,,,,,,,,,,10:34,stressed funding.
,panellist,,Sam Lee,,,,,,,,,,,10:38,thanked the panel.
Interactive dialogue,floor,,,,,,,,Peru,,,,,10:40,“Water” was key; the delegation said.
,floor,,,,,,,,Chile,,,,,10:42,Chile supported the reform.
Concluding remarks,opening,Mr.,Volker Türk,,,,,,,,,,,10:50,considered the panel useful.
";

fn session(kind: ReportKind) -> Session {
    let meeting = Meeting {
        title: "Panel on water".into(),
        mandate: "resolution 1/1".into(),
        symbol: "A/HRC/99/1".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
        report_kind: kind,
        ..Meeting::default()
    };
    import_log_csv(LOG, meeting, "water").unwrap()
}

fn texts(s: &Session) -> Vec<String> {
    assemble(s, &Options::default())
        .numbered()
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

fn has(texts: &[String], wanted: &str) {
    assert!(
        texts.iter().any(|t| t == wanted),
        "no {wanted:?} in {texts:#?}"
    );
}

#[test]
fn officials_logged_with_a_name_go_by_title_then_short_title() {
    let t = texts(&session(ReportKind::PanelSummary));
    has(
        &t,
        "The United Nations High Commissioner for Human Rights and the Special Envoy on Water delivered opening statements.",
    );
    has(&t, "The High Commissioner stressed prevention.");
    assert!(!t.iter().any(|p| p.contains("Türk")), "{t:#?}");
    // No short title: the full title again, and a warning saying so.
    has(&t, "The Special Envoy on Water recalled the plan.");
    let warnings = assemble(&session(ReportKind::PanelSummary), &Options::default()).warnings;
    assert!(
        warnings.iter().any(|w| w
            == "The Special Envoy on Water: named by title only, with no short title; later mentions repeat the full title (person form, Short title)."),
        "{warnings:#?}"
    );
}

#[test]
fn the_minutes_name_officials_with_their_title_at_first_mention() {
    let report = assemble(&session(ReportKind::Minutes), &Options::default());
    let bold: Vec<String> = report
        .blocks
        .iter()
        .filter_map(|b| match b {
            rapporteur::report::Block::Bullet { content, .. } => match content.first() {
                Some(rapporteur::report::Inline::Bold(name)) => Some(name.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(
        bold.first().unwrap(),
        "Volker Türk (United Nations High Commissioner for Human Rights)"
    );
    assert_eq!(bold.last().unwrap(), "Volker Türk");
}

#[test]
fn lead_ins_use_the_speaker_s_pronoun() {
    let t = texts(&session(ReportKind::PanelSummary));
    // The model report, para. 41.
    has(
        &t,
        "In his concluding remarks, the High Commissioner considered the panel useful.",
    );
    // The model report, para. 26: the second panellist answering in the same round, and the
    // third; the first of the round opens plainly.
    has(&t, "Ms. Pérez Soto answered the questions.");
    has(&t, "For his part, Mr. Okafor stressed funding.");
    has(&t, "For their part, Sam Lee thanked the panel.");
    // The first round has no lead-ins.
    has(&t, "Mr. Okafor presented findings.");
}

/// The paragraph holding the statement with this note.
fn paragraph_of(s: &Session, note: &str) -> rapporteur::core::layout::ParagraphId {
    let id = s.interventions.iter().find(|i| i.text == note).unwrap().id;
    s.layout
        .resolve(s)
        .paragraphs()
        .find(|p| p.sources.contains(&id))
        .unwrap()
        .id
}

#[test]
fn a_merged_statement_of_the_same_speaker_goes_on_with_the_pronoun() {
    let mut s = session(ReportKind::PanelSummary);
    let describe = paragraph_of(&s, "described the reform.");
    // Move the answer next to the first statement, then merge.
    let (answer, findings) = (
        paragraph_of(&s, "answered the questions."),
        paragraph_of(&s, "presented findings."),
    );
    apply(
        &mut s,
        &Op::MoveBefore {
            id: answer,
            target: findings,
        },
    )
    .unwrap();
    apply(&mut s, &Op::MergeWithNext(describe)).unwrap();
    let t = texts(&s);
    has(
        &t,
        "Ms. Pérez Soto described the reform. She answered the questions.",
    );
}

#[test]
fn templates_print_pronouns_in_every_form() {
    let mut s = session(ReportKind::PanelSummary);
    let first = s.layout.resolve(&s).paragraphs().next().unwrap().id;
    support::write_after(
        &mut s,
        first,
        "{Okafor:he} thanked {Pérez Soto:her} team and {Lee:them}; {Lee:they} thanked {Okafor:him}. The choice was {Pérez Soto:hers}, {Okafor:his} and {Peru:its}. {Lee:themselves} agreed. {Nobody:she} left.",
    );
    let report = assemble(&s, &Options::default());
    let text = &report.numbered()[1].1;
    assert_eq!(
        text,
        "He thanked her team and them; they thanked him. The choice was hers, his and its. Themselves agreed. {Nobody:she} left."
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.starts_with("Paragraph 2: {Nobody} names no participant")),
        "{:#?}",
        report.warnings
    );
}

#[test]
fn a_note_that_names_nobody_keeps_its_speaker_in_the_sources_and_warns() {
    let s = session(ReportKind::PanelSummary);
    let report = assemble(&s, &Options::default());
    let t: Vec<(u32, String)> = report.numbered();
    let (n, _) = t
        .iter()
        .find(|(_, p)| p == "“Water” was key; the delegation said.")
        .unwrap();
    assert!(
        report.warnings.iter().any(|w| w
            == &format!("Paragraph {n}: the statement of Peru opens with its own sentence and names no speaker; say who spoke.")),
        "{:#?}",
        report.warnings
    );
    // Naming the speaker in the sentence is enough.
    has(&texts(&s), "Chile supported the reform.");
    assert!(
        !report
            .warnings
            .iter()
            .any(|w| w.contains("statement of Chile"))
    );
}

#[test]
fn the_house_style_of_seed_000_names_first_and_officials_too() {
    let mut s = session(ReportKind::PanelSummary);
    s.report.first_mention = rapporteur::core::settings::FirstMention::NameFirst;
    let t = texts(&s);
    has(
        &t,
        "Mr. Volker Türk, United Nations High Commissioner for Human Rights, and Ms. Nada Lind, Special Envoy on Water, delivered opening statements.",
    );
    has(&t, "The High Commissioner stressed prevention.");
    has(
        &t,
        "The panel discussion was moderated by Ms. Mira Sol, Journalist, with the participation of Ms. Ana Pérez Soto, Minister of Water of Chile, Mr. Ben Okafor, Professor of Hydrology, and Sam Lee, Director of the Rain Institute.",
    );
}

#[test]
fn speakers_can_be_named_in_full_again_where_their_own_statements_begin() {
    let mut s = session(ReportKind::PanelSummary);
    s.report.reintroduce = true;
    let t = texts(&s);
    // The model report, paras 9, 12 and 41: the full title again at the speaker's own paragraph.
    has(
        &t,
        "The United Nations High Commissioner for Human Rights stressed prevention.",
    );
    has(
        &t,
        "The Minister of Water of Chile, Ana Pérez Soto, described the reform.",
    );
    // Once per chapter: the second turn is a later mention.
    has(&t, "Ms. Pérez Soto answered the questions.");
    has(
        &t,
        "In his concluding remarks, the United Nations High Commissioner for Human Rights considered the panel useful.",
    );
}

#[test]
fn a_statement_moved_between_two_turns_takes_the_lead_in_away_and_the_memo_follows() {
    use rapporteur::report::assemble::{Memo, assemble_summary};
    use rapporteur::report::template::Keys;
    let mut s = session(ReportKind::PanelSummary);
    let options = Options::default();
    let mut memo = Memo::default();
    let print = |s: &Session, memo: &mut Memo| {
        assemble_summary(s, &s.layout.resolve(s), &Keys::new(s), &options, memo)
    };
    let before: Vec<String> = print(&s, &mut memo)
        .numbered()
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    has(&before, "For his part, Mr. Okafor stressed funding.");
    // The moderator's time corrected: she spoke between the two answers, so Mr. Okafor
    // now answers her. Only a statement changed: the memo is kept and must notice.
    let at = s
        .interventions
        .iter()
        .find(|i| i.text == "stressed funding.")
        .unwrap()
        .started_at
        - chrono::Duration::minutes(1);
    let n = s
        .interventions
        .iter()
        .position(|i| i.text == "opened the panel.")
        .unwrap();
    s.interventions[n].started_at = at;
    let after = print(&s, &mut memo);
    assert!(memo.reused() > 0, "the memo was used");
    assert_eq!(after, assemble(&s, &options));
    has(&texts(&s), "Mr. Okafor stressed funding.");
}
