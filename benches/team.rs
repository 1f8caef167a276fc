//! A team session's costs, on a small meeting and a large one side by side: one
//! statement appended and synced to the device's log; one and 500 statements from
//! another device merged; a team session opened from snapshots and updates.
//! Run: `cargo bench --bench team`. (End-to-end latency through Syncthing is printed by
//! `cargo test --test team_syncthing -- --nocapture`.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod common;

use std::time::{Duration, Instant};

use chrono::DateTime;
use rapporteur::core::intervention::Speaker;
use rapporteur::core::session::{NewIntervention, Session};
use rapporteur::storage::team::Device;
use rapporteur::storage::team::session::TeamSession;

fn say(s: &mut Session, n: usize) {
    let at = DateTime::from_timestamp(1_620_738_000 + n as i64, 0).unwrap();
    s.commit(NewIntervention {
        speaker: Speaker::Delegation("peru".into()),
        on_behalf_of: None,
        started_at: at,
        ended_at: at,
        text: common::statement(n),
    });
}

fn device(name: &str) -> Device {
    Device::this_run(Some(name))
}

/// Median and maximum of `runs` timed runs, each after its own untimed set-up.
fn report(name: &str, target: Duration, mut times: Vec<Duration>) {
    times.sort();
    let median = times[times.len() / 2];
    let max = times[times.len() - 1];
    let verdict = if median < target { "ok" } else { "OVER TARGET" };
    println!(
        "{name:<62} median {:>9.3} ms   max {:>9.3} ms   target < {:>6.1} ms   {verdict}",
        median.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
        target.as_secs_f64() * 1e3
    );
}

fn main() {
    for statements in [500, 5_000] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("team");
        TeamSession::share(&common::demo_with(statements), &root, device("RS")).unwrap();

        // One statement logged: the diff written into the document, the update appended
        // to this device's log and synced.
        let (mut team, mut session, _) = TeamSession::open(&root, device("AB")).unwrap();
        let mut times = Vec::new();
        for n in 0..200 {
            say(&mut session, n);
            let t = Instant::now();
            team.record(&session).unwrap();
            times.push(t.elapsed());
        }
        report(
            &format!("append + fsync one statement ({statements} statements)"),
            Duration::from_millis(10),
            times,
        );

        // 500 statements another device logged, merged here.
        let mut times = Vec::new();
        for round in 0..5 {
            let (mut other, mut theirs, _) =
                TeamSession::open(&root, device(&format!("CD{round}"))).unwrap();
            let (mut here, mine, _) = TeamSession::open(&root, device("EF")).unwrap();
            for n in 0..500 {
                say(&mut theirs, n);
                other.record(&theirs).unwrap();
            }
            let t = Instant::now();
            let news = here.refresh(&mine).unwrap();
            times.push(t.elapsed());
            assert!(news.session.unwrap().interventions.len() >= statements + 500);
        }
        // The window's usual tick in a relay: one statement from the other device.
        let (mut other, mut theirs, _) = TeamSession::open(&root, device("GH")).unwrap();
        let (mut here, mut mine, _) = TeamSession::open(&root, device("IJ")).unwrap();
        let mut one = Vec::new();
        for n in 0..50 {
            say(&mut theirs, n);
            other.record(&theirs).unwrap();
            let t = Instant::now();
            if let Some(merged) = here.refresh(&mine).unwrap().session {
                mine = merged;
            }
            one.push(t.elapsed());
        }
        report(
            &format!("merge 1 remote statement ({statements} statements)"),
            Duration::from_millis(50),
            one,
        );
        report(
            &format!("merge 500 remote statements ({statements} statements)"),
            Duration::from_millis(500),
            times,
        );
    }

    for statements in [1_000, 10_000] {
        // A long meeting on two devices: snapshots, then updates after them.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("team");
        TeamSession::share(&common::demo_with(statements), &root, device("RS")).unwrap();
        let (mut a, mut sa, _) = TeamSession::open(&root, device("AB")).unwrap();
        for n in 0..300 {
            say(&mut sa, n);
            a.record(&sa).unwrap();
        }
        let mut times = Vec::new();
        for run in 0..5 {
            let t = Instant::now();
            let (_, opened, _) = TeamSession::open(&root, device(&format!("R{run}"))).unwrap();
            times.push(t.elapsed());
            assert_eq!(opened.interventions.len(), statements + 300);
        }
        report(
            &format!("open a team session of {} statements", statements + 300),
            Duration::from_millis(2_000),
            times,
        );
    }

    // A segment damaged into frame marks, each claiming the rest of the file: found
    // damaged in one pass whatever its size.
    for mib in [1usize, 16] {
        let n = mib * 1024 * 1024 / 16;
        let mut flood = Vec::with_capacity(n * 16);
        for i in 0..n {
            flood.extend_from_slice(b"RPF1");
            flood.extend_from_slice(&(((n - i - 1) * 16 + 4) as u32).to_le_bytes());
            flood.extend_from_slice(&[0xAA; 8]);
        }
        let mut times = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let read = rapporteur::storage::frames::decode(&flood);
            times.push(t.elapsed());
            assert!(read.frames.is_empty());
        }
        report(
            &format!("read a {mib} MiB segment of frame marks claiming the rest"),
            Duration::from_millis(2_000),
            times,
        );
    }
}
