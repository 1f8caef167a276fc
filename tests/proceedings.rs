//! Steps of the proceedings logged with the statements, from logs that are not the
//! seeds': in the minutes, commitments numbered inside their agenda item with each
//! entity's position under them, next steps with owner and deadline, item headings that
//! name their presenters (the model minutes); in a summary record, suspensions and resumptions,
//! a Vice-Chair taking the Chair and the Chair resuming it, decisions as their own
//! paragraphs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use rapporteur::core::import::import_log_csv;
use rapporteur::core::meeting::{Meeting, ReportKind};
use rapporteur::core::session::Session;
use rapporteur::report::markdown::to_markdown;
use rapporteur::report::{Block, Options, Report, assemble};

const NETWORK: &str = "\
segment,role,honorific,name,title,delegation,kind,presenter,entry,start,end,text
Opening and Introduction,chair,Ms.,Ilze Brands Kehris,Assistant Secretary-General for Human Rights,OHCHR,,yes,,08:00,,welcomed all participants.
,chair,Ms.,Gabriela Ramos,Assistant Director-General for Social and Human Sciences,UNESCO,,yes,,08:05,,highlighted the importance of joint efforts.
Discussion and Adoption of Commitments,chair,Ms.,Ilze Brands Kehris,,,,,,08:30,,presented the commitments for adoption:
,chair,Ms.,Ilze Brands Kehris,,,,,commitment,08:31,,agencies and entities commit to redoubling efforts to support the Network
,chair,Ms.,Ilze Brands Kehris,,,,,commitment,08:32,,Agencies and entities commit to mobilizing resources toward the work of the Network.
,floor,Mr.,Martin Ejidike,Senior Political Affairs Officer,OSAPG,un,,,08:35,,\"congratulated the co-chairs.
- Commitment 1: Explained that OSAPG can support the Network but cannot commit a full-time staff.
- Commitment 2: Agreed with the proposal.\"
,floor,Ms.,Beate Andrees,Director of the ILO Office for the United Nations in New York,ILO,,,,08:40,,\"- Commitment 2: Supported the high-level event.\"
,,,,,,,,suspension,08:45,08:50,
A.O.B.,,,,,OHCHR,,,next_step,08:55,,Circulate the revised workplan to all members by 21 December 2021
,,,,,UNESCO,,,next_step,08:56,,Approach agencies bilaterally on the rotating co-chair
";

const MEETING: &str = r#"{"title": "Meeting (Senior Level)", "body": "UN Network on Racial Discrimination and Protection of Minorities", "date": "2021-12-06", "time_zone": "America/New_York", "report_kind": "minutes"}"#;

fn network() -> Session {
    let meeting: Meeting = serde_json::from_str(MEETING).unwrap();
    // The log says "commitment": the minutes number "Commitment 1:", "Commitment 2:".
    import_log_csv(NETWORK, meeting, "network").unwrap()
}

fn minutes(s: &Session) -> Report {
    assemble(
        s,
        &Options {
            kind: Some(ReportKind::Minutes),
            issue_date: None,
        },
    )
}

fn lines(r: &Report) -> Vec<String> {
    support::report_lines(r)
}

#[test]
fn commitments_print_inside_their_item_with_each_position_under_them() {
    let r = minutes(&network());
    assert_eq!(
        lines(&r),
        [
            "Meeting (Senior Level)",
            "6 December 2021",
            "Meeting co-chaired by Ilze Brands Kehris and Gabriela Ramos",
            "## 1. Opening and Introduction by Ilze Brands Kehris (Assistant Secretary-General for Human Rights, OHCHR) and Gabriela Ramos (Assistant Director-General for Social and Human Sciences, UNESCO)",
            "0: Ilze Brands Kehris (Assistant Secretary-General for Human Rights, OHCHR) welcomed all participants.",
            "0: Gabriela Ramos (Assistant Director-General for Social and Human Sciences, UNESCO) highlighted the importance of joint efforts.",
            "## 2. Discussion and Adoption of Commitments",
            // Announcing the commitments: the colon stays.
            "0: Ilze Brands Kehris presented the commitments for adoption:",
            "0: Commitment 1: Agencies and entities commit to redoubling efforts to support the Network.",
            "1: OSAPG: Explained that OSAPG can support the Network but cannot commit a full-time staff.",
            "0: Commitment 2: Agencies and entities commit to mobilizing resources toward the work of the Network.",
            "1: OSAPG: Agreed with the proposal.",
            "1: ILO: Supported the high-level event.",
            // What OSAPG said besides its positions; ILO said nothing else.
            "0: Martin Ejidike (Senior Political Affairs Officer, OSAPG) congratulated the co-chairs.",
            "0: The meeting was suspended at 8.45 a.m. and resumed at 8.50 a.m.",
            "## 3. A.O.B.",
            "0: Next step: Circulate the revised workplan to all members by 21 December 2021 (owner: OHCHR).",
            "0: Next step: Approach agencies bilaterally on the rotating co-chair (owner: UNESCO).",
        ]
    );
    // The label is in italics, the entity of a position and the owner in bold.
    let md = to_markdown(&r);
    assert!(md.contains("- *Commitment 2:* Agencies"), "{md}");
    assert!(md.contains("  - **ILO:** Supported"), "{md}");
    assert!(md.contains("(owner: **OHCHR**)."), "{md}");
    // A next step without a date is pointed out; the one with a date is not.
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("Approach agencies") && r.warnings[0].contains("no deadline"));
}

#[test]
fn numbers_follow_the_decisions_and_a_position_on_a_missing_one_stays_in_the_statement() {
    let mut s = network();
    // The first commitment is left out by the editor: the second becomes number 1, and
    // OSAPG's position on "Commitment 2" no longer names one the minutes have.
    let first = s
        .interventions
        .iter()
        .find(|i| !i.is_statement())
        .unwrap()
        .id;
    s.layout.excluded.push(first);
    let r = minutes(&s);
    let l = lines(&r);
    assert!(
        l.contains(&"0: Commitment 1: Agencies and entities commit to mobilizing resources toward the work of the Network.".to_string()),
        "{l:#?}"
    );
    assert!(
        !l.iter().any(|x| x.starts_with("0: Commitment 2")),
        "{l:#?}"
    );
    // Statements with a position on a number that no longer exists print whole.
    let at = l
        .iter()
        .position(|x| x.starts_with("0: Martin Ejidike"))
        .unwrap();
    assert_eq!(
        l[at + 1..at + 3],
        [
            "1: Commitment 1: Explained that OSAPG can support the Network but cannot commit a full-time staff.",
            "1: Commitment 2: Agreed with the proposal."
        ],
        "{l:#?}"
    );
    // Nothing is printed twice: no position went under the decision as well.
    assert!(!l.iter().any(|x| x.starts_with("1: OSAPG")), "{l:#?}");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("Commitment 2") && w.contains("Ejidike")),
        "{:?}",
        r.warnings
    );
    // The decisions the editor lists by hand number on after the logged ones.
    s.report.decisions = "Agencies agree to meet again in June".into();
    let l = lines(&minutes(&s));
    assert!(
        l.contains(&"0: Commitment 2: Agencies agree to meet again in June.".to_string()),
        "{l:#?}"
    );
}

#[test]
fn steps_of_the_proceedings_are_not_taking_the_floor() {
    let s = network();
    // Steps are not on the list of speakers: only the statements made inscriptions.
    let statements = s.interventions.iter().filter(|i| i.is_statement()).count();
    assert_eq!(s.inscriptions.len(), statements);
    // A panel summary of the same log counts nobody for a next step or a decision, and
    // prints the steps in their own words.
    let r = assemble(
        &s,
        &Options {
            kind: Some(ReportKind::PanelSummary),
            issue_date: None,
        },
    );
    let text: Vec<String> = lines(&r);
    assert!(
        text.iter()
            .any(|l| l.ends_with("The meeting was suspended at 8.45 a.m. and resumed at 8.50 a.m.")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|l| l
                .ends_with("Circulate the revised workplan to all members by 21 December 2021.")),
        "{text:#?}"
    );
}

#[test]
fn a_bad_entry_or_end_is_named_with_its_row_and_column() {
    let meeting: Meeting = serde_json::from_str(MEETING).unwrap();
    let bad_entry = "segment,name,delegation,entry,start,text\nItem,,OHCHR,adjourned,10:00,x\n";
    let e = import_log_csv(bad_entry, meeting.clone(), "x").unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (2, "entry"), "{e:?}");
    assert!(e.message.contains("adjourned"), "{e:?}");
    let bad_end =
        "segment,name,delegation,entry,start,end,text\nItem,,OHCHR,suspension,10:00,09:00,\n";
    let e = import_log_csv(bad_end, meeting.clone(), "x").unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (2, "end"), "{e:?}");
    let bad_presenter =
        "segment,name,delegation,presenter,start,text\nItem,,OHCHR,yes,10:00,spoke\n";
    let e = import_log_csv(bad_presenter, meeting, "x").unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (2, "presenter"), "{e:?}");
}

const COMMITTEE: &str = "\
segment,role,honorific,name,title,short_title,delegation,entry,start,end,text
Opening of the session,chair,Ms.,Verene Albertha Shepherd,Chair of the Committee,,,,10:05,,declared the session open.
Organizational matters,floor,Mr.,Yerlan Bultrikov,,,Kazakhstan,,10:10,,said that his Government supported the programme of work.
,,,,,,,suspension,10:40,11:05,
,floor,Mr.,Bakari Sidiki Diaby,Vice-Chair,,,chair,11:05,,
,floor,Mr.,Bakari Sidiki Diaby,,,,,11:06,,invited the Committee to adopt the programme of work.
,floor,Mr.,Bakari Sidiki Diaby,,,,decision,11:10,,The programme of work was adopted
,floor,,,,,Peru,,11:15,,asked whether the session would be extended.
,chair,Ms.,Verene Albertha Shepherd,,,,chair,12:00,,
,chair,Ms.,Verene Albertha Shepherd,,,,,12:10,,said that the session would not be extended.
";

const COMMITTEE_MEETING: &str = r#"{"title": "Summary record of the 3102nd meeting", "body": "Committee on the Elimination of Racial Discrimination", "symbol": "CERD/C/SR.3102", "venue": "the Palais Wilson, Geneva", "date": "2026-03-10", "start_time": "10:00:00", "end_time": "12:30:00", "time_zone": "Europe/Zurich", "report_kind": "summary_record"}"#;

#[test]
fn a_record_tells_suspensions_chair_changes_and_decisions() {
    let meeting: Meeting = serde_json::from_str(COMMITTEE_MEETING).unwrap();
    let s = import_log_csv(COMMITTEE, meeting, "cerd").unwrap();
    let r = assemble(&s, &Options::default());
    assert_eq!(r.kind, ReportKind::SummaryRecord);
    let l = lines(&r);
    let body: Vec<&str> = l
        .iter()
        .map(String::as_str)
        .skip_while(|l| !l.starts_with("The meeting was called to order"))
        .collect();
    assert_eq!(
        body,
        [
            "The meeting was called to order at 10 a.m.",
            "## Opening of the session",
            "1. The Chair declared the session open.",
            "## Organizational matters",
            "2. Mr. Bultrikov (Kazakhstan) said that his Government supported the programme of work.",
            // Unnumbered, as records print them.
            "The meeting was suspended at 10.40 a.m. and resumed at 11.05 a.m.",
            "Mr. Diaby (Vice-Chair) took the Chair.",
            // Whoever presides is "The Chair".
            "3. The Chair invited the Committee to adopt the programme of work.",
            "4. The programme of work was adopted.",
            "5. The representative of Peru asked whether the session would be extended.",
            "Ms. Shepherd resumed the Chair.",
            "6. The Chair said that the session would not be extended.",
            "The meeting rose at 12.30 p.m.",
        ]
    );
    // The chair change is in italics, as records set it.
    let md = to_markdown(&r);
    assert!(
        md.contains("*Mr. Diaby (Vice-Chair) took the Chair.*"),
        "{md}"
    );
}

#[test]
fn the_editors_merges_rewrites_and_deletions_reach_the_record_in_the_meetings_order() {
    use rapporteur::report::edit::{History, Op};
    let meeting: Meeting = serde_json::from_str(COMMITTEE_MEETING).unwrap();
    let mut s = import_log_csv(COMMITTEE, meeting, "cerd").unwrap();
    // The editor works on the paragraphs as the editor shows them (the summary's).
    let paragraph = |s: &Session, start: &str| {
        let summary = assemble(
            s,
            &Options {
                kind: Some(ReportKind::PanelSummary),
                issue_date: None,
            },
        );
        let id = s
            .interventions
            .iter()
            .find(|i| i.text.starts_with(start))
            .unwrap()
            .id;
        summary
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph {
                    item: Some(item),
                    sources,
                    ..
                } if sources.contains(&id) => Some(*item),
                _ => None,
            })
            .unwrap()
    };
    let mut history = History::default();
    let opened = paragraph(&s, "declared");
    history.apply(&mut s, &Op::Delete(opened)).unwrap();
    let invited = paragraph(&s, "invited");
    history.apply(&mut s, &Op::MergeWithNext(invited)).unwrap();
    let peru = paragraph(&s, "asked whether");
    history
        .apply(
            &mut s,
            &Op::SetText {
                id: peru,
                text: "{Peru} asked whether the session would be extended to Friday.".into(),
            },
        )
        .unwrap();
    // A move does not reorder a record: it follows the meeting.
    history.apply(&mut s, &Op::MoveUp(peru)).unwrap();

    let r = assemble(&s, &Options::default());
    let l = lines(&r);
    let body: Vec<&str> = l
        .iter()
        .map(String::as_str)
        .skip_while(|l| *l != "## Contents")
        .collect();
    assert_eq!(
        body,
        [
            // Nothing of the opening prints, so it is not among the contents either.
            "## Contents",
            "Organizational matters",
            "The meeting was called to order at 10 a.m.",
            "## Organizational matters",
            "1. Mr. Bultrikov (Kazakhstan) said that his Government supported the programme of work.",
            "The meeting was suspended at 10.40 a.m. and resumed at 11.05 a.m.",
            "Mr. Diaby (Vice-Chair) took the Chair.",
            "2. The Chair invited the Committee to adopt the programme of work. The programme of work was adopted.",
            "3. The representative of Peru asked whether the session would be extended to Friday.",
            "Ms. Shepherd resumed the Chair.",
            "4. The Chair said that the session would not be extended.",
            "The meeting rose at 12.30 p.m.",
        ],
        "{l:#?}"
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}
