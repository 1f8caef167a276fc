//! End-to-end latency of a team session through two real Syncthing instances on
//! loopback (no discovery, relays or internet): a statement recorded on device A until
//! it is in B's merged session, for statements logged one at a time and for a burst.
//! Run: `cargo bench --bench sync_latency` (needs `syncthing` and `curl`, which
//! scripts/test installs).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

#[allow(dead_code)]
#[path = "../tests/support/syncthing.rs"]
mod syncthing;

use std::time::{Duration, Instant};

use chrono::DateTime;
use rapporteur::core::demo::demo_session;
use rapporteur::core::intervention::Speaker;
use rapporteur::core::session::NewIntervention;
use rapporteur::storage::team::Device;
use rapporteur::storage::team::session::{TeamSession, read_merged};

fn holds(folder: &std::path::Path, text: &str) -> bool {
    read_merged(folder).is_ok_and(|(s, _)| s.interventions.iter().any(|i| i.text == text))
}

fn line(name: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{name:<58} median {:>7.2} s   max {:>7.2} s   ({} statements)",
        times[times.len() / 2].as_secs_f64(),
        times[times.len() - 1].as_secs_f64(),
        times.len()
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut meeting = demo_session();
    meeting.interventions.clear();
    let (a, b, _sa, _sb) = syncthing::team_pair(dir.path(), &meeting);
    let (mut team, mut session, _) = TeamSession::open(&a, Device::this_run(Some("AB"))).unwrap();
    let mut say = |n: i64, text: &str| {
        let at = DateTime::from_timestamp(1_620_738_000 + n * 60, 0).unwrap();
        session.commit(NewIntervention {
            speaker: Speaker::Delegation("peru".into()),
            on_behalf_of: None,
            started_at: at,
            ended_at: at,
            text: text.into(),
        });
        team.record(&session).unwrap();
    };

    // One at a time: each logged once the one before has arrived.
    let mut times = Vec::new();
    for n in 0..15 {
        let text = format!("One at a time {n}.");
        say(n, &text);
        let t = Instant::now();
        syncthing::wait_for(Duration::from_secs(60), &text, || holds(&b, &text));
        times.push(t.elapsed());
    }
    line(
        "one statement at a time, logged on A until merged on B",
        times,
    );

    // A note-taker's pace: one every 2 s, each timed from its own logging; B is read
    // every 100 ms all along.
    let mut logged: Vec<(String, Duration)> = Vec::new();
    let mut arrived: Vec<Option<Duration>> = Vec::new();
    let start = Instant::now();
    let look = |logged: &[(String, Duration)], arrived: &mut Vec<Option<Duration>>| {
        arrived.resize(logged.len(), None);
        let Ok((s, _)) = read_merged(&b) else { return };
        let now = start.elapsed();
        for (slot, (text, _)) in arrived.iter_mut().zip(logged) {
            if slot.is_none() && s.interventions.iter().any(|i| i.text == *text) {
                *slot = Some(now);
            }
        }
    };
    for n in 0..15 {
        let text = format!("At a note-taker's pace {n}.");
        say(100 + n, &text);
        logged.push((text, start.elapsed()));
        let next = start.elapsed() + Duration::from_secs(2);
        while start.elapsed() < next {
            look(&logged, &mut arrived);
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    syncthing::wait_for(Duration::from_secs(60), "the paced statements", || {
        look(&logged, &mut arrived);
        arrived.iter().all(Option::is_some)
    });
    let times: Vec<Duration> = arrived
        .iter()
        .zip(&logged)
        .map(|(got, (_, at))| got.unwrap_or_default().saturating_sub(*at))
        .collect();
    line(
        "one statement every 2 s (the later ones arrive while A logs)",
        times,
    );
}
