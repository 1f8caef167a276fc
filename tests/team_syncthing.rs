//! A team session carried by two real Syncthing instances on loopback (no discovery, no
//! relays, no internet): device A logs and device B sees it; both log at once and end
//! with the same session; B offline catches up after 500 statements; a note-taker's
//! process killed mid-append loses nothing it acknowledged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::DateTime;
use rapporteur::core::demo::demo_session;
use rapporteur::core::intervention::Speaker;
use rapporteur::core::session::{NewIntervention, Session};
use rapporteur::storage::team::Device;
use rapporteur::storage::team::session::{TeamSession, read_merged};
use support::syncthing::{team_pair, wait_for};

fn say(s: &mut Session, text: &str, minute: i64) {
    let at = DateTime::from_timestamp(1_620_738_000 + minute * 60, 0).unwrap();
    s.commit(NewIntervention {
        speaker: Speaker::Delegation("peru".into()),
        on_behalf_of: None,
        started_at: at,
        ended_at: at,
        text: text.into(),
    });
}

fn texts(folder: &Path) -> Vec<String> {
    match read_merged(folder) {
        Ok((s, _)) => s.interventions.iter().map(|i| i.text.clone()).collect(),
        Err(_) => Vec::new(),
    }
}

fn holds(folder: &Path, wanted: &[String]) -> bool {
    let have: std::collections::HashSet<String> = texts(folder).into_iter().collect();
    wanted.iter().all(|w| have.contains(w))
}

/// What every device's copy holds, without what belongs to one run.
fn plain(folder: &Path) -> Option<String> {
    let (s, _) = read_merged(folder).ok()?;
    Some(String::from_utf8(rapporteur::storage::file::to_bytes(&s)).unwrap())
}

#[test]
fn a_team_session_through_syncthing() {
    let dir = tempfile::tempdir().unwrap();
    let mut meeting = demo_session();
    meeting.interventions.clear();
    let (a, b, sa, sb) = team_pair(dir.path(), &meeting);

    // Device A logs, device B sees it: the end-to-end latency, one statement at a time.
    let (mut ta, mut session_a, _) = TeamSession::open(&a, Device::this_run(Some("AB"))).unwrap();
    let mut latencies = Vec::new();
    for n in 0..6 {
        let text = format!("A's statement {n}.");
        say(&mut session_a, &text, n);
        ta.record(&session_a).unwrap();
        let started = Instant::now();
        wait_for(Duration::from_secs(60), &text, || {
            holds(&b, std::slice::from_ref(&text))
        });
        latencies.push(started.elapsed());
    }
    latencies.sort();
    eprintln!(
        "Syncthing end to end: median {:?}, max {:?} over {} statements",
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1],
        latencies.len()
    );

    // Both log at once, B from its own folder: both folders end with the same session.
    let (mut tb, mut session_b, _) = TeamSession::open(&b, Device::this_run(Some("CD"))).unwrap();
    let mut wanted = Vec::new();
    for n in 0..20 {
        let (ta_text, tb_text) = (
            format!("A in the relay {n}."),
            format!("B in the relay {n}."),
        );
        say(&mut session_a, &ta_text, 100 + n);
        say(&mut session_b, &tb_text, 100 + n);
        ta.record(&session_a).unwrap();
        tb.record(&session_b).unwrap();
        wanted.extend([ta_text, tb_text]);
        std::thread::sleep(Duration::from_millis(50));
    }
    wait_for(
        Duration::from_secs(90),
        "both folders to hold both relays",
        || holds(&a, &wanted) && holds(&b, &wanted),
    );
    wait_for(
        Duration::from_secs(60),
        "the two copies to be the same",
        || plain(&a).is_some() && plain(&a) == plain(&b),
    );

    // A network cut: B is offline while A logs 500 statements, then catches up.
    sa.set_paused(&sb, true);
    sb.set_paused(&sa, true);
    wait_for(Duration::from_secs(30), "the cut (devices paused)", || {
        !sa.connected_to(&sb) && !sb.connected_to(&sa)
    });
    let news = ta.refresh(&session_a).unwrap();
    if let Some(merged) = news.session {
        session_a = merged;
    }
    let mut offline = Vec::new();
    for n in 0..500 {
        let text = format!("Logged while B was offline {n}.");
        say(&mut session_a, &text, 200 + n);
        ta.record(&session_a).unwrap();
        offline.push(text);
    }
    say(&mut session_b, "B logged offline too.", 900);
    tb.record(&session_b).unwrap();
    // Longer than Syncthing needs when connected (about a second, see above).
    std::thread::sleep(Duration::from_secs(4));
    assert!(!holds(&b, &offline[..1]), "B was cut off");
    sa.set_paused(&sb, false);
    sb.set_paused(&sa, false);
    let took = wait_for(Duration::from_secs(120), "B to catch up after 500", || {
        holds(&b, &offline)
    });
    eprintln!("Syncthing: B caught up on 500 statements in {took:?} after the cut ended");
    wait_for(
        Duration::from_secs(60),
        "A to see B's offline statement",
        || holds(&a, &["B logged offline too.".to_string()]),
    );

    // A note-taker's process killed mid-append: every line it acknowledged reaches B.
    let mut child = Command::new(support::binary())
        .args(["log", a.to_str().unwrap(), "--device", "KX"])
        .env("RAPPORTEUR_HOME", support::isolate_home())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for n in 0.. {
            if writeln!(input, "Chile\tKilled while logging, line {n}.").is_err() {
                break;
            }
        }
    });
    let mut acknowledged = 0;
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while acknowledged < 40 && out.read_line(&mut line).unwrap() > 0 {
        if line.starts_with("logged ") {
            acknowledged += 1;
        }
        line.clear();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = writer.join();
    let killed: Vec<String> = (0..acknowledged)
        .map(|n| format!("Killed while logging, line {n}."))
        .collect();
    assert!(holds(&a, &killed), "on A's disk");
    wait_for(
        Duration::from_secs(90),
        "the killed device's lines to reach B",
        || holds(&b, &killed),
    );
    let (merged_b, notices) = read_merged(&b).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert!(merged_b.interventions.len() >= 6 + 40 + 501 + acknowledged);
}

/// A byte of one device's file damaged on the other machine's disk (bit rot, a bad
/// cable on an SMB share, an engine without checksums): the other machine names the
/// file and still holds every statement; Syncthing takes the damage for a local change
/// and carries it on, and both machines end with every statement all the same.
#[test]
fn a_file_damaged_on_the_way_loses_nothing_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut meeting = demo_session();
    meeting.interventions.clear();
    let (a, b, _sa, _sb) = team_pair(dir.path(), &meeting);
    let (mut ta, mut session_a, _) = TeamSession::open(&a, Device::this_run(Some("AB"))).unwrap();
    let mut wanted = Vec::new();
    for n in 0..6 {
        let text = format!("Before the damage {n}.");
        say(&mut session_a, &text, n);
        ta.record(&session_a).unwrap();
        wanted.push(text);
    }
    wait_for(Duration::from_secs(60), "B to hold A's six", || {
        holds(&b, &wanted)
    });
    // A's log as B holds it: a byte in the middle of its third frame flipped.
    support::team::damage_frame(&b, "AB", 2, 0x40);
    let (merged, notices) = read_merged(&b).unwrap();
    let have: Vec<String> = merged
        .interventions
        .iter()
        .map(|i| i.text.clone())
        .collect();
    for w in &wanted {
        assert!(have.contains(w), "{w} lost on B");
    }
    assert!(
        notices
            .iter()
            .any(|n| n.contains("000001.frames") && n.contains("damaged frame")),
        "{notices:?}"
    );
    // A logs on; whatever Syncthing makes of the damaged copy, both end with all.
    for n in 0..4 {
        let text = format!("After the damage {n}.");
        say(&mut session_a, &text, 10 + n);
        ta.record(&session_a).unwrap();
        wanted.push(text);
    }
    wait_for(
        Duration::from_secs(90),
        "both to hold every statement",
        || holds(&a, &wanted) && holds(&b, &wanted),
    );
    for folder in [&a, &b] {
        let texts = texts(folder);
        for w in &wanted {
            assert_eq!(texts.iter().filter(|t| *t == w).count(), 1, "{w}");
        }
    }
}
