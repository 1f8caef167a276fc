//! The report assembled from a log that reconstructs the meeting of the model report (the 2021
//! HRC panel on the responsibility to protect), and the drafting rules one by one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

use chrono::Duration;

use rapporteur::core::import::import_log_csv;
use rapporteur::core::meeting::{Meeting, ReportKind};
use rapporteur::core::participant::{Honorific, Participant, Role};
use rapporteur::core::session::{NewIntervention, Session};
use rapporteur::core::{Speaker, settings::NgoOrder};
use rapporteur::report::model::plain;
use rapporteur::report::{Block, Options, assemble};

const LOG: &str = include_str!("fixtures/r2p-panel.csv");
const MEETING: &str = include_str!("fixtures/r2p-meeting.json");

fn r2p() -> Session {
    let meeting: Meeting = serde_json::from_str(MEETING).unwrap();
    import_log_csv(LOG, meeting, "r2p").unwrap()
}

fn chapters(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chapter {
                numeral: Some(n),
                title,
            } => Some(format!("{n} {title}")),
            _ => None,
        })
        .collect()
}

fn paragraph_starting<'a>(numbered: &'a [(u32, String)], start: &str) -> &'a str {
    &numbered
        .iter()
        .find(|(_, t)| t.starts_with(start))
        .unwrap_or_else(|| panic!("no paragraph starts with {start:?}"))
        .1
}

#[test]
fn the_seed_meeting_gives_the_structure_of_the_seed_report() {
    let report = assemble(&r2p(), &Options::default());
    assert_eq!(
        chapters(&report.blocks),
        [
            "I. Introduction",
            "II. Opening statements",
            "III. Panel discussion",
            "IV. Interactive dialogue",
            "V. Concluding remarks"
        ]
    );
    let numbered = report.numbered();
    let numbers: Vec<u32> = numbered.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        numbers,
        (1..=numbers.len() as u32).collect::<Vec<_>>(),
        "continuous numbering across chapters"
    );
    assert_eq!(report.masthead[0], "A/HRC/48/xx");
    assert_eq!(
        report.subtitle,
        "Summary report of the Office of the United Nations High Commissioner for Human Rights"
    );
    assert_eq!(report.footer, "GE.22-29477");

    assert_eq!(
        paragraph_starting(&numbered, "Pursuant"),
        "Pursuant to resolution 44/14, on 11 May 2021 the Human Rights Council convened an intersessional panel discussion to mark the fifteenth anniversary of the responsibility to protect. The meeting was chaired by the Permanent Representative of the Bahamas and Vice-President of the Human Rights Council."
    );
    assert_eq!(
        numbered[1].1,
        "As requested in the resolution, the present report summarizes the discussions held during the meeting."
    );
    assert_eq!(
        paragraph_starting(&numbered, "The United Nations High Commissioner"),
        "The United Nations High Commissioner for Human Rights, the Special Envoy of the Foreign Minister of Qatar for counter-terrorism and mediation of conflict and national focal point for the responsibility to protect, Mutlaq bin Majed Al-Qahtani, and the Special Adviser to the Secretary-General on the Responsibility to Protect delivered opening statements."
    );
    assert_eq!(
        paragraph_starting(&numbered, "The High Commissioner"),
        "The High Commissioner stressed that the best form of protection was prevention."
    );
    assert_eq!(
        paragraph_starting(&numbered, "The panel discussion"),
        "The panel discussion was moderated by the Deputy Executive Director of the Global Centre for the Responsibility to Protect, Savita Pawnday, with the participation of the Chair of the National Human Rights Council of Morocco, Amina Bouayach, the Rapporteur of the Committee on the Elimination of Racial Discrimination and former Special Rapporteur on minority issues, Rita Izsák-Ndiaye, and the Director of the Coordinadora Regional de Investigaciones Económicas y Sociales, Andrei Serbin Pont."
    );
    assert!(
        numbered
            .iter()
            .any(|(_, t)| t.starts_with("Ms. Bouayach highlighted the role"))
    );
    assert!(
        numbered.iter().any(
            |(_, t)| t.starts_with("In her concluding remarks, the Special Adviser considered")
        )
    );
}

#[test]
fn paragraphs_27_and_28_of_the_seed_come_out_exactly() {
    let report = assemble(&r2p(), &Options::default());
    let numbered = report.numbered();
    // Seed paragraph 27, with the figure counted as documented (22 distinct States; the
    // seed says 23, counting the Netherlands twice).
    assert_eq!(
        paragraph_starting(&numbered, "There were"),
        "There were 112 participants at the panel discussion. Among them, representatives of 22 States and one regional organization took the floor, including the Netherlands on behalf of the Group of Friends of the Responsibility to Protect, Denmark on behalf of the steering group of the Global Network of the Responsibility to Protect Focal Points, followed by Argentina, Australia, Cameroon, China, Cuba, Germany, Ghana, Guatemala, Indonesia, Ireland, Liechtenstein, Mexico, Montenegro, the Netherlands, Peru, Slovenia, Switzerland, the Syrian Arab Republic, Ukraine, the United States of America and Uruguay, as well as the European Union. The delegations of Belgium, Croatia, Iran (Islamic Republic of), Italy, Luxembourg, Poland, the Russian Federation and Venezuela (Bolivarian Republic of), as well as a representative of the United Nations Entity for Gender Equality and the Empowerment of Women, were also inscribed on the list of speakers, but were not able to deliver statements owing to time constraints. Their views however are reflected in the present report."
    );
    assert_eq!(
        paragraph_starting(&numbered, "Delegates of"),
        "Delegates of the following non-governmental organizations (NGOs) also took the floor: All-Win Network, Maat for Peace, Development and Human Rights Association, Cairo Institute for Human Rights Studies on behalf of two other NGOs, CIVICUS: World Alliance for Citizen Participation, International Service for Human Rights and Public Organization “Public Advocacy”."
    );
    assert_eq!(
        report.footnotes(),
        [
            "The Group of Friends consists of 53 Member States from across all regions plus the European Union.",
            "Austria, Denmark, Ghana, Lithuania, Luxembourg and Slovenia."
        ]
    );
    // The footnote marks stand right after the group names.
    let para = report.blocks.iter().find_map(|b| match b {
        Block::Paragraph { content, .. } if plain(content).starts_with("There were") => {
            Some(content.clone())
        }
        _ => None,
    });
    let content = para.unwrap();
    let marks: Vec<usize> = content
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i, rapporteur::report::Inline::Footnote(_)))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(marks.len(), 2);
    assert!(plain(&content[..marks[0]]).ends_with("Responsibility to Protect,"));
}

#[test]
fn the_editor_can_override_the_count_and_order_ngos_alphabetically() {
    let mut session = r2p();
    session.report.states_count = Some(23);
    session.report.ngo_order = NgoOrder::Alphabetical;
    let numbered = assemble(&session, &Options::default()).numbered();
    assert!(
        paragraph_starting(&numbered, "There were")
            .contains("representatives of 23 States and one regional organization")
    );
    assert!(
        paragraph_starting(&numbered, "Delegates of")
            .contains("took the floor: All-Win Network, Cairo Institute")
    );
}

fn floor_person(session: &mut Session) -> u32 {
    session.add_participant(Participant {
        honorific: Honorific::Ms,
        given_names: "Ana".into(),
        family_name: "Pérez Soto".into(),
        title: "Ambassador of Chile".into(),
        role: Role::Floor,
        ..Participant::default()
    })
}

#[test]
fn first_mentions_follow_the_printed_order() {
    let mut session = Session::new("t", ReportKind::PanelSummary);
    session.step_segment(2);
    let ana = floor_person(&mut session);
    let t0 = chrono::DateTime::from_timestamp(1_600_000_000, 0).unwrap();
    for (n, text) in ["noted progress", "recalled the plan"].iter().enumerate() {
        let at = t0 + Duration::minutes(n as i64);
        session.commit(NewIntervention {
            speaker: Speaker::Participant(ana),
            on_behalf_of: None,
            started_at: at,
            ended_at: at,
            text: (*text).into(),
        });
    }
    let texts = |s: &Session| {
        assemble(s, &Options::default())
            .numbered()
            .into_iter()
            .skip(2)
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        texts(&session),
        [
            "The Ambassador of Chile, Ana Pérez Soto, noted progress.",
            "Ms. Pérez Soto recalled the plan."
        ]
    );
    // Reorder: the second statement now comes first and carries the full title.
    session.interventions[1].started_at = t0 - Duration::minutes(5);
    assert_eq!(
        texts(&session),
        [
            "The Ambassador of Chile, Ana Pérez Soto, recalled the plan.",
            "Ms. Pérez Soto noted progress."
        ]
    );
}

#[test]
fn written_statements_keep_their_line_breaks_and_capitals() {
    let mut session = Session::new("t", ReportKind::PanelSummary);
    session.step_segment(2);
    let ana = floor_person(&mut session);
    let at = chrono::DateTime::from_timestamp(1_600_000_000, 0).unwrap();
    session.commit(NewIntervention {
        speaker: Speaker::Participant(ana),
        on_behalf_of: None,
        started_at: at,
        ended_at: at,
        text: "Chile had adopted a plan.\nIt would be reviewed in 2025.".into(),
    });
    let report = assemble(&session, &Options::default());
    let (_, text) = report.numbered().into_iter().last().unwrap();
    assert_eq!(
        text, "Chile had adopted a plan.\nIt would be reviewed in 2025.",
        "a sentence the editor wrote is left as written"
    );
}

#[test]
fn minutes_have_agenda_items_bullets_and_names_in_bold() {
    let mut session = Session::new("Network meeting", ReportKind::Minutes);
    session.meeting.body =
        "UN Network on Racial Discrimination and Protection of Minorities".into();
    session.meeting.title = "Meeting (Senior Level)".into();
    session.meeting.date = chrono::NaiveDate::from_ymd_opt(2021, 12, 6);
    session.meeting.start_time = chrono::NaiveTime::from_hms_opt(14, 0, 0);
    session.meeting.end_time = chrono::NaiveTime::from_hms_opt(15, 0, 0);
    session.meeting.second_time_zone = Some("America/New_York".into());
    session.meeting.venue = "MS Teams".into();
    let item2 = session.add_segment(
        "Brief overview of the Network Pillar Goals",
        rapporteur::core::SegmentKind::AgendaItem,
    );
    let teresa = session.add_participant(Participant {
        given_names: "Teresa".into(),
        family_name: "Whitfield".into(),
        title: "Director, Policy and Mediation Division, UN Department of Political and Peacebuilding Affairs".into(),
        ..Participant::default()
    });
    let t0 = chrono::DateTime::from_timestamp(1_638_795_600, 0).unwrap();
    let log = |s: &mut Session, segment: u32, minute: i64, text: &str| {
        s.current_segment = segment;
        let at = t0 + Duration::minutes(minute);
        s.commit(NewIntervention {
            speaker: Speaker::Participant(teresa),
            on_behalf_of: None,
            started_at: at,
            ended_at: at,
            text: text.into(),
        });
    };
    log(&mut session, 1, 0, "expressed support for the commitments");
    log(&mut session, item2, 5, "presented the work plan");
    log(&mut session, 1, 10, "closed the item");
    let report = assemble(&session, &Options::default());
    let text = rapporteur::report::markdown::to_text(&report);
    assert!(
        text.contains("6 December 2021, 8:00-9:00 (EST) / 14:00-15:00 (CET)"),
        "{text}"
    );
    assert!(text.contains("Venue: MS Teams"));
    let headings: Vec<String> = report
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "1. Opening and introduction",
            "2. Brief overview of the Network Pillar Goals",
            "1. Opening and introduction (continued)"
        ]
    );
    let bullets: Vec<&Block> = report
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Bullet { .. }))
        .collect();
    let Block::Bullet { content, .. } = bullets[0] else {
        unreachable!()
    };
    assert_eq!(content[0], rapporteur::report::Inline::Bold("Teresa Whitfield (Director, Policy and Mediation Division, UN Department of Political and Peacebuilding Affairs)".into()));
    let Block::Bullet { content, .. } = bullets[1] else {
        unreachable!()
    };
    assert_eq!(
        content[0],
        rapporteur::report::Inline::Bold("Teresa Whitfield".into())
    );
    assert!(
        rapporteur::report::markdown::to_markdown(&report)
            .contains("- **Teresa Whitfield** presented the work plan.")
    );
}

#[test]
fn footnotes_attached_by_the_editor_are_numbered_in_printed_order() {
    let mut session = r2p();
    let peru = session
        .interventions
        .iter()
        .position(|i| i.text.contains("made a statement"))
        .unwrap();
    session.interventions[peru]
        .footnotes
        .push("A/HRC/43/37.".into());
    let opening = session
        .interventions
        .iter()
        .position(|i| i.text.starts_with("stressed that the best form"))
        .unwrap();
    session.interventions[opening]
        .footnotes
        .push("Available from www.un.org/en/genocideprevention.".into());
    let report = assemble(&session, &Options::default());
    assert_eq!(
        report.footnotes(),
        [
            "Available from www.un.org/en/genocideprevention.",
            "The Group of Friends consists of 53 Member States from across all regions plus the European Union.",
            "Austria, Denmark, Ghana, Lithuania, Luxembourg and Slovenia.",
            "A/HRC/43/37.",
        ]
    );
}

#[test]
fn minutes_end_with_decisions_and_conclusions() {
    let mut session = Session::new("Network meeting", ReportKind::Minutes);
    session.report.decision_label = "Commitment".into();
    session.report.decisions = "Reaffirm the guidance note\n\nHold a retreat in 2022.".into();
    session.report.conclusions = "Members send comments by 15 January".into();
    let text = rapporteur::report::markdown::to_text(&assemble(&session, &Options::default()));
    assert!(text.contains("Decisions and commitments"), "{text}");
    assert!(
        text.contains("- Commitment 1: Reaffirm the guidance note."),
        "{text}"
    );
    assert!(
        text.contains("- Commitment 2: Hold a retreat in 2022."),
        "{text}"
    );
    assert!(
        text.contains("Conclusions and next steps")
            && text.contains("- Members send comments by 15 January."),
        "{text}"
    );
}

#[test]
fn the_first_page_masthead_follows_the_meeting_data() {
    let issue = chrono::NaiveDate::from_ymd_opt(2021, 8, 2);
    let options = Options {
        kind: None,
        issue_date: issue,
    };
    // Defaults: the organ from the symbol, "General", English, the export's date.
    let report = assemble(&r2p(), &options);
    let first = report
        .first_page
        .clone()
        .expect("a summary report has a first page");
    assert_eq!(first.symbol, "A/HRC/48/xx");
    assert_eq!(first.organ, "General Assembly");
    assert_eq!(first.distribution, "General");
    assert_eq!(first.issued.as_deref(), Some("2 August 2021"));
    assert_eq!(first.original, "English");
    assert_eq!(
        first.body_lines.first().map(String::as_str),
        Some("Human Rights Council")
    );
    assert!(first.body_lines.iter().any(|l| l == "Agenda item 3"));

    // Every field set on the Meeting screen (or in --meeting) shows.
    let mut s = r2p();
    s.meeting.issued = chrono::NaiveDate::from_ymd_opt(2021, 9, 1);
    s.meeting.session_dates = "13 September–1 October 2021".into();
    s.meeting.organ = "Economic and Social Council".into();
    s.meeting.distribution = "Limited".into();
    s.meeting.original_language = "French".into();
    let report = assemble(&s, &options);
    let first = report.first_page.unwrap();
    assert_eq!(first.organ, "Economic and Social Council");
    assert_eq!(first.distribution, "Limited");
    assert_eq!(
        first.issued.as_deref(),
        Some("1 September 2021"),
        "its own date wins"
    );
    assert_eq!(first.original, "French");
    assert!(
        first
            .body_lines
            .contains(&"13 September–1 October 2021".to_string())
    );
    // The Markdown and text writers read the same data.
    for line in [
        "Distr.: Limited",
        "1 September 2021",
        "Original: French",
        "13 September–1 October 2021",
    ] {
        assert!(
            report.masthead.iter().any(|l| l == line),
            "{line} not in {:?}",
            report.masthead
        );
    }
    // An older session file without these fields opens with the defaults.
    let old: Meeting =
        serde_json::from_str(r#"{"title": "Panel", "symbol": "A/HRC/1/1"}"#).unwrap();
    assert_eq!(
        (old.distribution.as_str(), old.original_language.as_str()),
        ("General", "English")
    );
}

#[test]
fn every_note_ends_with_exactly_one_full_stop() {
    let mut s = r2p();
    let speaker = s.interventions[0].speaker.clone();
    let at = s.interventions[0].started_at;
    for text in [
        "“Operational prevention” was key;",
        "stressed prevention,",
        "Accountability mattered:",
    ] {
        s.commit(NewIntervention {
            speaker: speaker.clone(),
            on_behalf_of: None,
            started_at: at,
            ended_at: at,
            text: text.into(),
        });
    }
    let report = assemble(&s, &Options::default());
    let texts: Vec<String> = report.numbered().into_iter().map(|(_, t)| t).collect();
    for ending in [
        "was key.",
        "stressed prevention.",
        "Accountability mattered.",
    ] {
        assert!(
            texts.iter().any(|t| t.ends_with(ending)),
            "no paragraph ends with {ending:?}"
        );
    }
    assert!(
        !texts
            .iter()
            .any(|t| t.ends_with(";.") || t.ends_with(",.") || t.ends_with(":."))
    );
}

#[test]
fn organizations_take_the_in_running_text_and_print_bare_in_the_ngo_list() {
    let texts: Vec<String> = assemble(&r2p(), &Options::default())
        .numbered()
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert!(
        texts.iter().any(|t| t
            == "The representative of the International Service for Human Rights made a statement."),
        "{texts:#?}"
    );
    let list = texts
        .iter()
        .find(|t| t.starts_with("Delegates of the following"))
        .unwrap();
    assert!(
        list.contains(", International Service for Human Rights and "),
        "{list}"
    );
    assert!(!list.contains("the International Service"), "{list}");
}

#[test]
fn the_request_sentence_follows_the_mandate_and_is_reworded_without_one() {
    let request = |mandate: &str| {
        let mut s = r2p();
        s.meeting.mandate = mandate.into();
        let report = assemble(&s, &Options::default());
        let text = report.numbered()[1].1.clone();
        (text, report.warnings)
    };
    let rest = "the present report summarizes the discussions held during the meeting.";
    assert_eq!(
        request("resolution 44/14").0,
        format!("As requested in the resolution, {rest}")
    );
    assert_eq!(
        request("decision 45/113").0,
        format!("As requested in the decision, {rest}")
    );
    assert_eq!(
        request("the President's statement PRST 47/1").0,
        format!("As requested in the President's statement PRST 47/1, {rest}")
    );
    let (text, warnings) = request(" ");
    assert_eq!(
        text,
        "The present report summarizes the discussions held during the meeting."
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("Meeting: no mandate")),
        "{warnings:?}"
    );
    assert!(
        !request("resolution 44/14")
            .1
            .iter()
            .any(|w| w.starts_with("Meeting:"))
    );
}

#[test]
fn the_sample_meeting_exports_without_a_warning() {
    let report = assemble(&rapporteur::core::demo::demo_session(), &Options::default());
    assert_eq!(report.warnings, Vec::<String>::new());
}

#[test]
fn the_summary_opens_with_the_mandate_sentence_of_seed_002() {
    let mut s = r2p();
    s.meeting.title = "Intersessional panel discussion to mark the fifteenth anniversary of the responsibility to protect populations from genocide, war crimes, ethnic cleansing and crimes against humanity".into();
    let report = assemble(&s, &Options::default());
    assert_eq!(
        report.summary,
        [
            "Pursuant to resolution 44/14, the Human Rights Council convened on 11 May 2021 an intersessional panel discussion to mark the fifteenth anniversary of the responsibility to protect populations from genocide, war crimes, ethnic cleansing and crimes against humanity.",
            rapporteur::report::assemble::SUMMARY_PLACEHOLDER,
        ]
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.starts_with("Summary: only its first sentence"))
    );
    // "The moderator and panellists all commended ..." names its speaker by role.
    assert!(
        !report
            .warnings
            .iter()
            .any(|w| w.contains("names no speaker")),
        "{:#?}",
        report.warnings
    );

    // The editor's themes follow the drafted sentence, and the warning goes.
    s.report.summary =
        "Participants pointed out the link.\n\n  \n\nThey also highlighted accountability.".into();
    let report = assemble(&s, &Options::default());
    assert_eq!(report.summary.len(), 3);
    assert_eq!(report.summary[1], "Participants pointed out the link.");
    assert!(!report.warnings.iter().any(|w| w.starts_with("Summary")));

    // A Summary typed whole, with its own mandate sentence, is kept as typed.
    s.report.summary = "Pursuant to resolution 44/14, a panel met.\n\nThemes.".into();
    assert_eq!(
        assemble(&s, &Options::default()).summary,
        ["Pursuant to resolution 44/14, a panel met.", "Themes."]
    );

    // Missing facts are left out, not invented.
    s.report.summary.clear();
    s.meeting.mandate.clear();
    s.meeting.date = None;
    s.meeting.body.clear();
    s.meeting.title.clear();
    assert_eq!(
        assemble(&s, &Options::default()).summary[0],
        "A panel discussion was held."
    );
}

#[test]
fn with_speakers_named_anew_the_concluding_remarks_open_as_paragraph_41_of_seed_002() {
    let mut s = r2p();
    s.report.reintroduce = true;
    let texts: Vec<String> = assemble(&s, &Options::default())
        .numbered()
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert!(
        texts.iter().any(|t| t.starts_with(
            "In her concluding remarks, the Special Adviser to the Secretary-General on the Responsibility to Protect considered"
        )),
        "{texts:#?}"
    );
    // Para. 9: the Special Envoy named in full at his own paragraph.
    assert!(
        texts.iter().any(|t| t.starts_with(
            "The Special Envoy of the Foreign Minister of Qatar for counter-terrorism and mediation of conflict and national focal point for the responsibility to protect, Mutlaq bin Majed Al-Qahtani, began"
        )),
        "{texts:#?}"
    );
}

#[test]
fn a_written_statement_taken_in_is_a_paragraph_and_never_took_the_floor() {
    let csv = "segment,role,name,title,delegation,kind,status,start,text\n\
Interactive dialogue,floor,,,Peru,,,10:00,supported the plan.\n\
,floor,,,Belgium,,not_delivered,,stressed water rights.\n\
,floor,,,Zeta Trust,ngo,written,,“Water” is life.\n";
    let meeting = Meeting {
        title: "Panel on water".into(),
        ..Meeting::default()
    };
    let mut s = import_log_csv(csv, meeting, "w").unwrap();
    let ids: Vec<u32> = s.inscriptions.iter().skip(1).map(|i| i.id).collect();
    let statuses: Vec<_> = s.inscriptions.iter().map(|i| i.status).collect();
    let belgium = s.use_written_statement(ids[0]).unwrap();
    let zeta = s.use_written_statement(ids[1]).unwrap();
    // Taken once: asking again gives the same statement.
    assert_eq!(s.use_written_statement(ids[0]), Some(belgium));
    assert_ne!(belgium, zeta);
    assert_eq!(s.interventions.len(), 3);
    // Peru spoke; nothing in the list of speakers changed.
    assert_eq!(
        s.inscriptions.iter().map(|i| i.status).collect::<Vec<_>>(),
        statuses
    );
    let texts: Vec<String> = assemble(&s, &Options::default())
        .numbered()
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    for wanted in [
        "The representative of Peru took the floor. The delegation of Belgium was also inscribed on the list of speakers, but was not able to deliver its statement owing to time constraints. Its views however are reflected in the present report. Written statements were submitted by Belgium and Zeta Trust.",
        "In a written statement, the delegation of Belgium stressed water rights.",
        "In a written statement, the delegation of Zeta Trust said: “Water” is life.",
    ] {
        assert!(
            texts.iter().any(|t| t == wanted),
            "no {wanted:?} in {texts:#?}"
        );
    }
    assert!(
        !texts.iter().any(|t| t.contains("non-governmental")),
        "Zeta Trust did not take the floor"
    );
    let minutes = assemble(
        &s,
        &Options {
            kind: Some(ReportKind::Minutes),
            issue_date: None,
        },
    );
    assert!(
        minutes.blocks.iter().any(|b| matches!(b, Block::Bullet { content, .. }
            if content.first() == Some(&rapporteur::report::Inline::Bold("Belgium (written statement)".into())))),
        "{:#?}",
        minutes.blocks
    );
}

#[test]
fn co_chairs_are_named_in_the_introduction() {
    let mut s = r2p();
    let chair = s.meeting.chair.unwrap();
    let mut co = s.participant(chair).unwrap().clone();
    co.title = "Permanent Representative of Fiji".into();
    co.short_title.clear();
    let co_id = s.add_participant(co);
    assert_ne!(co_id, chair);
    let intro = assemble(&s, &Options::default()).numbered()[0].1.clone();
    assert!(
        intro.ends_with(
            "The meeting was co-chaired by the Permanent Representative of the Bahamas and Vice-President of the Human Rights Council and the Permanent Representative of Fiji."
        ),
        "{intro}"
    );
}
