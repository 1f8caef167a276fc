//! Capture speed with a large session: 5,000 interventions, 500 participants.
//! Run: `cargo bench --bench capture`. Prints one line per measure with the median and
//! the 95th percentile of many runs, against the target.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod common;

use std::time::Duration;

use iced::widget::text_editor;
use iced::{Font, Settings};

use rapporteur::core::intervention::Speaker;
use rapporteur::core::participant::{Honorific, Participant, Role};
use rapporteur::core::picker::PickerIndex;
use rapporteur::core::session::Session;
use rapporteur::core::{ReportKind, delegation::catalogue};
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Message};
use rapporteur::ui::capture;
use rapporteur::ui::dialogs::ScriptedDialogs;

fn large_session(interventions: usize, participants: usize) -> Session {
    let mut s = Session::new("Benchmark meeting", ReportKind::PanelSummary);
    let states: Vec<_> = catalogue().iter().filter(|d| d.kind.is_state()).collect();
    for i in 0..participants {
        let d = states[i % states.len()];
        let delegation = s.ensure_delegation(d);
        s.add_participant(Participant {
            honorific: if i % 2 == 0 {
                Honorific::Ms
            } else {
                Honorific::Mr
            },
            given_names: format!("Given{i}"),
            family_name: format!("Family{i}"),
            title: format!("Ambassador and Permanent Representative number {i}"),
            role: Role::Floor,
            delegation: Some(delegation),
            ..Participant::default()
        });
    }
    for i in 0..interventions {
        let speaker = Speaker::Participant((i % participants) as u32 + 1);
        s.interventions.push(common::made_up(i, speaker, 40).into());
    }
    s
}

fn main() {
    let session = large_session(5_000, 500);
    println!(
        "session: {} interventions, {} participants; {} entries in the picker (participants and delegations)",
        session.interventions.len(),
        session.participants.len(),
        PickerIndex::build(&session).len()
    );

    let index = PickerIndex::build(&session);
    let queries = [
        "neth",
        "cote",
        "family42",
        "ambassador 17",
        "zzz",
        "given4 fam",
    ];
    let mut q = 0;
    common::measure(
        "picker query over all participants and delegations",
        Duration::from_millis(1),
        600,
        || {
            let found = index.search(queries[q % queries.len()], 8);
            std::hint::black_box(found);
            q += 1;
        },
    );

    // A slip finds nothing as typed: the near-miss fallback reads every entry again.
    let slips = ["famliy42", "ambasador 17", "nethrelands", "cotte"];
    let mut q = 0;
    common::measure(
        "picker query with a slip (near misses)",
        Duration::from_millis(1),
        600,
        || {
            let found = index.search(slips[q % slips.len()], 8);
            std::hint::black_box(found);
            q += 1;
        },
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.json");
    let mut store = Store::create(&path, &session).unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();
    common::measure(
        &format!(
            "full atomic save ({:.1} MB, with fsync)",
            bytes as f64 / 1e6
        ),
        Duration::from_millis(50),
        40,
        || {
            store.save(&session).unwrap();
        },
    );
    drop(store);

    let store = Store::open(&path).unwrap().0;
    let mut app = App::with_session(store, session, None, Box::new(ScriptedDialogs::default()));
    let keystroke = || {
        Message::Capture(capture::Message::Statement(text_editor::Action::Edit(
            text_editor::Edit::Insert('a'),
        )))
    };
    common::measure(
        "keystroke in the statement box: update + view",
        Duration::from_millis(4),
        300,
        || {
            let _ = app.update(keystroke());
            std::hint::black_box(app.view());
        },
    );
    let mut frames = common::KeptFrames::new(app.view());
    common::measure(
        "keystroke: update + view + layout + draw (kept UI cache)",
        Duration::from_millis(4),
        300,
        || {
            let _ = app.update(keystroke());
            frames.frame(app.view());
        },
    );
    let no_fonts = || Settings {
        default_font: Font::with_name(rapporteur::ui::FONT_NAME),
        ..Settings::default()
    };
    common::measure(
        "first frame of a fresh UI tree (Simulator, all text shaped)",
        Duration::from_millis(16),
        60,
        || {
            let ui = iced_test::Simulator::with_settings(no_fonts(), app.view());
            std::hint::black_box(ui);
        },
    );
}
