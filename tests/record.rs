//! The summary record of a formal meeting (a treaty body's), from a log that is not the
//! seed's: when and where it was held, the Chair, the contents, called to order and
//! rose in the UN's time form, speakers in indirect speech with their State in
//! brackets, the presiding officer as "The Chair", "speaking on behalf of".

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use rapporteur::core::import::import_log_csv;
use rapporteur::core::meeting::{Meeting, ReportKind};
use rapporteur::report::{Options, Report, assemble};

const LOG: &str = "\
segment,role,honorific,name,title,delegation,kind,on_behalf_of,start,text
Opening of the session,chair,Ms.,Verene Albertha Shepherd,Chair of the Committee,,,,10:05,declared the session open.
Consideration of reports submitted by States parties,floor,Mr.,Yerlan Bultrikov,,Kazakhstan,,,10:10,said that his Government had adopted a new action plan.
,floor,Ms.,Ana López,,Spain,,European Union,10:40,\"said that the Union welcomed the report.\"
,floor,,,,Peru,,,11:00,asked whether the plan covered migrants.
,chair,Ms.,Verene Albertha Shepherd,,,,,11:20,Thanked the delegation.
Opening of the session,chair,Ms.,Verene Albertha Shepherd,,,,,12:20,said that the Committee would resume the next day.
";

const MEETING: &str = r#"{"title": "Summary record of the 3101st meeting", "body": "Committee on the Elimination of Racial Discrimination", "session": "115th session", "symbol": "CERD/C/SR.3101", "venue": "the Palais Wilson, Geneva", "date": "2026-03-10", "start_time": "10:00:00", "end_time": "12:30:00", "time_zone": "Europe/Zurich", "report_kind": "summary_record"}"#;

fn record() -> Report {
    let meeting: Meeting = serde_json::from_str(MEETING).unwrap();
    let s = import_log_csv(LOG, meeting, "cerd").unwrap();
    assemble(&s, &Options::default())
}

fn lines(r: &Report) -> Vec<String> {
    support::report_lines(r)
}

#[test]
fn a_treaty_body_meeting_reads_as_a_summary_record() {
    let r = record();
    assert_eq!(r.kind, ReportKind::SummaryRecord);
    assert_eq!(r.title, "Summary record of the 3101st meeting");
    assert_eq!(
        r.subtitle,
        "Held at the Palais Wilson, Geneva, on Tuesday, 10 March 2026, at 10 a.m."
    );
    assert_eq!(r.first_page.as_ref().unwrap().symbol, "CERD/C/SR.3101");
    assert_eq!(
        lines(&r),
        [
            "Chair: Ms. Shepherd",
            "## Contents",
            "Opening of the session",
            "Consideration of reports submitted by States parties",
            "The meeting was called to order at 10 a.m.",
            "## Opening of the session",
            "1. The Chair declared the session open.",
            "## Consideration of reports submitted by States parties",
            "2. Mr. Bultrikov (Kazakhstan) said that his Government had adopted a new action plan.",
            "3. Ms. López (Spain), speaking on behalf of the European Union, said that the Union welcomed the report.",
            "4. The representative of Peru asked whether the plan covered migrants.",
            "5. The Chair said: Thanked the delegation.",
            "## Opening of the session (continued)",
            "6. The Chair said that the Committee would resume the next day.",
            "The meeting rose at 12.30 p.m.",
        ]
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn without_meeting_times_the_log_says_when_it_opened_and_rose() {
    let meeting = Meeting {
        title: "Summary record of the 3101st meeting".into(),
        report_kind: ReportKind::SummaryRecord,
        time_zone: "Europe/Zurich".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 10),
        ..Meeting::default()
    };
    let s = import_log_csv(LOG, meeting, "cerd").unwrap();
    let l = lines(&assemble(&s, &Options::default()));
    assert!(
        l.contains(&"The meeting was called to order at 10.05 a.m.".to_string()),
        "{l:#?}"
    );
    assert_eq!(l.last().unwrap(), "The meeting rose at 12.20 p.m.");
}

#[test]
fn the_command_line_exports_a_summary_record() {
    let dir = tempfile::tempdir().unwrap();
    // The meeting data says a panel summary; `--kind record` asks for the record.
    let session = support::import(
        dir.path(),
        LOG,
        &MEETING.replace("summary_record", "panel_summary"),
    );
    let path = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let out = support::rapporteur([
        "export",
        &path(&session),
        "--kind",
        "record",
        "-o",
        "-",
        "--format",
        "txt",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for wanted in [
        "Summary record of the 3101st meeting",
        "Held at the Palais Wilson, Geneva, on Tuesday, 10 March 2026, at 10 a.m.",
        "Mr. Bultrikov (Kazakhstan) said that his Government had adopted a new action plan.",
        "The meeting rose at 12.30 p.m.",
    ] {
        assert!(text.contains(wanted), "no {wanted:?} in {text}");
    }
}
