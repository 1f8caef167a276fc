//! Every kind of session the suite makes becomes a team session and reads back the same:
//! the demo meeting in each report kind, long meetings, layouts an editor reworked,
//! thousands of generated meeting logs and the sessions damaged files repair to.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use rapporteur::core::demo::demo_session;
use rapporteur::core::meeting::{Meeting, ReportKind};
use rapporteur::core::session::Session;
use rapporteur::report::edit::{self, Op};
use rapporteur::storage::team::Device;
use rapporteur::storage::team::session::{TeamSession, read_merged};
use support::hostile::{Rng, damaged_session, meeting_log};
use support::team::{markdown, plain};

/// Shares `s` and reads the folder back: the same session, the same report.
fn migrates(s: &Session, what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("team");
    TeamSession::share(s, &root, Device::this_run(Some("T")))
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let (back, notices) = read_merged(&root).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(notices.is_empty(), "{what}: {notices:?}");
    assert_eq!(plain(&back), plain(s), "{what}");
    assert_eq!(markdown(&back), markdown(s), "{what}");
    // And a device opening it works on from there.
    let (_, opened, _) = TeamSession::open(&root, Device::this_run(Some("U"))).unwrap();
    assert_eq!(plain(&opened), plain(s), "{what}: opened");
}

#[test]
fn the_demo_meeting_in_every_kind_and_a_long_one() {
    for kind in [
        ReportKind::PanelSummary,
        ReportKind::Minutes,
        ReportKind::SummaryRecord,
    ] {
        let mut s = demo_session();
        s.meeting.report_kind = kind;
        migrates(&s, &format!("{kind:?}"));
    }
    migrates(&support::large::demo_with(1500), "1,500 statements");
}

#[test]
fn layouts_an_editor_reworked() {
    let mut rng = Rng::new(15);
    for case in 0..60 {
        let mut s = demo_session();
        for _ in 0..1 + rng.below(12) {
            let layout = s.layout.resolve(&s);
            let ids: Vec<u32> = layout.paragraphs().map(|p| p.id).collect();
            let id = ids[rng.below(ids.len())];
            let op = match rng.below(7) {
                0 => Op::MoveUp(id),
                1 => Op::MoveDown(id),
                2 => Op::SetText {
                    id,
                    text: format!("Rewritten in case {case}."),
                },
                3 => Op::Delete(id),
                4 => Op::MergeWithNext(id),
                5 => Op::ToggleHeading(id),
                _ => Op::InsertAfter(id),
            };
            let _ = edit::apply(&mut s, &op);
        }
        migrates(&s, &format!("layout case {case}"));
    }
}

#[test]
fn generated_meeting_logs() {
    let mut rng = Rng::new(1515);
    for case in 0..400 {
        let log = meeting_log(case, &mut rng);
        let s = rapporteur::core::import::import_log_csv(&log.bytes, Meeting::default(), "t")
            .unwrap_or_else(|e| panic!("case {case}: {e}"));
        migrates(&s, &format!("log case {case}"));
    }
}

#[test]
fn sessions_repaired_from_damaged_files() {
    let mut rng = Rng::new(2015);
    let mut repaired = 0;
    for case in 0..400 {
        let (bytes, _) = damaged_session(case, &mut rng);
        let Ok(s) = rapporteur::storage::file::parse(&bytes, std::path::Path::new("d.json")) else {
            continue;
        };
        migrates(&s, &format!("damaged case {case}"));
        repaired += 1;
    }
    assert!(repaired > 100, "only {repaired} cases could be read");
}
