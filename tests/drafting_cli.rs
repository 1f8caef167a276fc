//! Issue-by-issue drafting rules end to end: a meeting that is not the seed, imported from
//! a CSV log with `rapporteur import`, exported with `rapporteur export`, read as a UN
//! editor would read the draft.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

/// The Markdown draft and the warnings printed while exporting it.
fn draft(log: &str, meeting: &str) -> (String, String) {
    draft_edited(log, meeting, |_| {})
}

const WATER_LOG: &str = "\
segment,role,honorific,name,family_name,title,short_title,delegation,kind,on_behalf_of,group_members,status,start,text
Opening statements,opening,Ms.,Ana Pérez Soto,,Minister of Water of Chile,,Chile,,,,,10:00,opened the panel.
Interactive dialogue,floor,,,,,,Peru,,,,,10:10,supported the plan.
";

#[test]
fn a_meeting_without_title_mandate_or_body_gets_placeholders_rewordings_and_warnings() {
    let (md, warnings) = draft(
        WATER_LOG,
        r#"{"report_kind": "panel_summary", "date": "2026-03-02", "body": ""}"#,
    );
    assert!(md.contains("[Title of the panel]"), "{md}");
    assert!(
        md.contains("1. On 2 March 2026 a panel discussion was held."),
        "{md}"
    );
    assert!(
        md.contains("2. The present report summarizes the discussions held during the meeting."),
        "{md}"
    );
    assert!(!md.contains("As requested"), "{md}");
    for missing in ["no title", "no body", "no mandate", "no document symbol"] {
        assert!(
            warnings.contains(&format!("warning: Meeting: {missing}")),
            "{missing}: {warnings}"
        );
    }
    assert!(!warnings.contains("no date"), "{warnings}");
}

#[test]
fn a_fresh_meeting_names_officials_organizations_and_pronouns_as_the_un_does() {
    let log = "\
segment,role,honorific,name,title,short_title,title_only,pronoun,delegation,kind,status,start,text
Opening statements,opening,Mr.,Volker Türk,United Nations High Commissioner for Human Rights,the High Commissioner,yes,,,,,10:00,stressed prevention.
Panel discussion,panellist,,Sam Lee,Director of the Rain Institute,,,they,,,,10:05,spoke of rain.
Interactive dialogue,floor,,,,,,,Peru,,,10:10,“Water” was key; the delegation said
,floor,,,,,,,the Andean Community,regional,,10:12,supported the plan.
,floor,,,,,,,International Service for Human Rights,ngo,,10:14,asked for funding.
,floor,,,,,,,Belgium,,not_delivered,,
Concluding remarks,opening,Mr.,Volker Türk,,,,,,,,10:50,considered the panel useful.
";
    let meeting = r#"{"title": "Panel on water", "mandate": "decision 1/101", "date": "2026-03-02", "symbol": "A/HRC/99/1", "report_kind": "panel_summary"}"#;
    let (md, warnings) = draft(log, meeting);
    for wanted in [
        "3. The United Nations High Commissioner for Human Rights delivered an opening statement.",
        "4. The High Commissioner stressed prevention.",
        "5. The panellist was the Director of the Rain Institute, Sam Lee.",
        "7. Representatives of one State and one regional organization took the floor: Peru, as well as the Andean Community. The delegation of Belgium was also inscribed on the list of speakers, but was not able to deliver its statement owing to time constraints. Its views however are reflected in the present report.",
        "8. A delegate of the following non-governmental organization (NGO) also took the floor: International Service for Human Rights.",
        "9. “Water” was key; the delegation said.",
        "11. The representative of the International Service for Human Rights asked for funding.",
        "12. In his concluding remarks, the High Commissioner considered the panel useful.",
        "As requested in the decision, the present report",
    ] {
        assert!(md.contains(wanted), "no {wanted:?} in {md}");
    }
    assert!(!md.contains("Türk"), "{md}");
    assert!(
        warnings.contains("warning: Paragraph 9: the statement of Peru opens with its own sentence and names no speaker"),
        "{warnings}"
    );
}

/// Imports `log`, lets `change` edit the session file as the app would, exports Markdown
/// (Markdown's escapes, a backslash before "." or "[", left out: the words are read).
fn draft_edited(
    log: &str,
    meeting: &str,
    change: impl FnOnce(&mut rapporteur::core::Session),
) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let session = support::import(dir.path(), log, meeting);
    let mut s = rapporteur::storage::load(&session).unwrap();
    change(&mut s);
    std::fs::write(&session, rapporteur::storage::file::to_bytes(&s)).unwrap();
    let out = support::rapporteur([
        "export",
        session.to_str().unwrap(),
        "-o",
        "-",
        "--format",
        "md",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap().replace('\\', ""),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const PANEL_LOG: &str = "\
segment,role,honorific,name,title,short_title,title_only,pronoun,delegation,kind,status,start,text
Opening statements,opening,Ms.,Ilze Brands Kehris,Assistant Secretary-General for Human Rights,the Assistant Secretary-General,yes,,,,,10:00,noted the need for early warning.
Panel discussion,panellist,Ms.,Ana Pérez,Minister of Water of Chile,,,,,,,10:05,described the reform.
,panellist,Ms.,Ana Pérez,,,,,,,,10:07,added a figure.
Interactive dialogue,floor,,,,,,,Belgium,,not_delivered,,stressed water rights.
,floor,,,,,,,Peru,,,10:20,supported the plan.
";

const PANEL_MEETING: &str = r#"{"title": "Panel on water", "body": "Human Rights Council", "mandate": "resolution 1/1", "date": "2026-03-02", "symbol": "A/HRC/99/1", "report_kind": "panel_summary"}"#;

#[test]
fn the_house_style_of_seed_000_and_speakers_named_anew_come_out_of_the_command_line() {
    let (md, _) = draft_edited(PANEL_LOG, PANEL_MEETING, |s| {
        s.report.first_mention = rapporteur::core::settings::FirstMention::NameFirst;
    });
    assert!(
        md.contains("3. Ms. Ilze Brands Kehris, Assistant Secretary-General for Human Rights, delivered an opening statement."),
        "{md}"
    );
    assert!(
        md.contains("4. The Assistant Secretary-General noted the need for early warning."),
        "{md}"
    );
    let (md, _) = draft_edited(PANEL_LOG, PANEL_MEETING, |s| s.report.reintroduce = true);
    assert!(
        md.contains(
            "4. The Assistant Secretary-General for Human Rights noted the need for early warning."
        ),
        "{md}"
    );
}

#[test]
fn pronouns_merges_the_summary_and_a_written_statement_come_out_of_the_command_line() {
    use rapporteur::report::edit::{Op, apply};
    let (md, warnings) = draft_edited(PANEL_LOG, PANEL_MEETING, |s| {
        // The two statements of the panellist merged; a paragraph using her pronoun.
        let first = s
            .interventions
            .iter()
            .find(|i| i.text == "described the reform.")
            .unwrap()
            .id;
        let holder = s
            .layout
            .resolve(s)
            .paragraphs()
            .find(|p| p.sources.contains(&first))
            .unwrap()
            .id;
        apply(s, &Op::MergeWithNext(holder)).unwrap();
        support::write_after(s, holder, "{Pérez:she} thanked {Peru:its} delegation.");
        let belgium = s
            .inscriptions
            .iter()
            .find(|i| i.is_written_statement())
            .unwrap()
            .id;
        s.use_written_statement(belgium).unwrap();
        s.report.summary = "Participants stressed water rights.".into();
    });
    for wanted in [
        "> **Summary**",
        "> Pursuant to resolution 1/1, the Human Rights Council convened on 2 March 2026 a panel on water.",
        "> Participants stressed water rights.",
        "Ms. Pérez described the reform. She added a figure.",
        "She thanked its delegation.",
        "In a written statement, the delegation of Belgium stressed water rights.",
        "The representative of Peru took the floor. The delegation of Belgium was also inscribed",
    ] {
        assert!(md.contains(wanted), "no {wanted:?} in {md}");
    }
    assert!(!warnings.contains("Summary"), "{warnings}");
}
