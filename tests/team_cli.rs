//! The real binary around team folders and backups, stopped where people and machines
//! stop it: a `share` killed part-way, a `restore` after a killed `log`, standard
//! output closed under a command, ids read by JavaScript.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use rapporteur::core::demo::demo_session;

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn command(home: &Path) -> Command {
    let mut c = Command::new(support::binary());
    c.env("RAPPORTEUR_HOME", home);
    c
}

/// The app's own folder, a scratch folder, and the demo meeting saved in it.
fn demo_file() -> (tempfile::TempDir, tempfile::TempDir, std::path::PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("panel.json");
    rapporteur::storage::file::save(&file, &demo_session()).unwrap();
    (home, dir, file)
}

/// The demo meeting shared into `folder` by AB.
fn share_demo(folder: &Path) {
    rapporteur::storage::team::session::TeamSession::share(
        &demo_session(),
        folder,
        rapporteur::storage::team::Device::this_run(Some("AB")),
    )
    .unwrap();
}

#[test]
fn a_share_killed_at_any_moment_can_be_shared_into_again() {
    let (home, dir, file) = demo_file();
    let texts: Vec<String> = demo_session()
        .interventions
        .iter()
        .map(|i| i.text.clone())
        .collect();
    let mut stopped_early = 0;
    for round in 0..24u64 {
        let team = dir.path().join(format!("team-{round}"));
        let mut child = command(home.path())
            .args(["share", p(&file), p(&team)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(round * 2));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if !status.success() {
            stopped_early += 1;
        }
        // Whatever it left, sharing again works or says the folder is shared already.
        let again = command(home.path())
            .args(["share", p(&file), p(&team)])
            .output()
            .unwrap();
        // (A share killed after writing team.json, before it exited, had finished.)
        if !again.status.success() {
            assert!(
                stderr(&again).contains("is a team folder already"),
                "round {round}: {}",
                stderr(&again)
            );
        }
        let md = dir.path().join(format!("team-{round}.md"));
        let out = command(home.path())
            .args(["export", p(&team), "-o", p(&md)])
            .output()
            .unwrap();
        assert!(out.status.success(), "round {round}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("rapporteur:"),
            "round {round}: nothing to name: {}",
            stderr(&out)
        );
        let report = std::fs::read_to_string(&md).unwrap();
        for t in texts.iter().filter(|t| t.len() > 40) {
            let probe: String = t.chars().take(40).collect();
            assert!(
                report.matches(&probe).count() <= 1,
                "round {round}: twice: {probe}"
            );
        }
    }
    assert!(
        stopped_early > 3,
        "the kills landed part-way ({stopped_early})"
    );
    // A folder holding the start of another session's share is not shared into.
    let other = dir.path().join("other.json");
    let mut s = demo_session();
    s.name = "Another meeting".into();
    rapporteur::storage::file::save(&other, &s).unwrap();
    let half = dir.path().join("half");
    share_demo(&half);
    std::fs::remove_file(half.join("team.json")).unwrap();
    let out = command(home.path())
        .args(["share", p(&other), p(&half)])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("holds the start of another session's share"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn restore_after_a_killed_log_keeps_the_journals_lines_and_every_before_restore_copy() {
    let (home, dir, file) = demo_file();
    let earlier = dir.path().join("earlier.json");
    std::fs::copy(&file, &earlier).unwrap();
    let mut child = command(home.path())
        .args(["log", p(&file)])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut acks = BufReader::new(child.stdout.take().unwrap()).lines();
    for n in 0..3 {
        writeln!(stdin, "Peru\tLine {n} only the journal may hold.").unwrap();
        let ack = acks.next().unwrap().unwrap();
        assert!(ack.starts_with("logged"), "{ack}");
    }
    child.kill().unwrap();
    child.wait().unwrap();
    for round in 0..11 {
        let out = command(home.path())
            .args(["restore", p(&file), p(&earlier)])
            .output()
            .unwrap();
        assert!(out.status.success(), "round {round}: {}", stderr(&out));
    }
    let out = command(home.path())
        .args(["backups", p(&file)])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    let kept: Vec<&str> = list
        .lines()
        .filter(|l| l.contains("before-restore"))
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(kept.len(), 11, "none pruned:\n{list}");
    // The oldest is the state the killed log left: its three lines in it.
    let first = rapporteur::storage::load(Path::new(kept[kept.len() - 1])).unwrap();
    for n in 0..3 {
        let line = format!("Line {n} only the journal may hold.");
        assert!(
            first.interventions.iter().any(|i| i.text == line),
            "{line} lost by the restore"
        );
    }
}

/// Standard output whose reader has gone: writing to it fails with a broken pipe.
fn closed_stdout() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

#[test]
fn a_closed_standard_output_is_an_error_never_a_panic_and_the_work_is_saved() {
    let (home, dir, file) = demo_file();
    let csv = dir.path().join("speakers.csv");
    std::fs::write(&csv, "delegation\nPeru\nChile\n").unwrap();
    let log =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/r2p-panel.csv");
    let imported = dir.path().join("imported.json");
    let team = dir.path().join("team");
    share_demo(&team);
    let runs: Vec<Vec<&str>> = vec![
        vec!["backups", p(&file)],
        vec!["speakers", p(&file), p(&csv)],
        vec!["speakers", p(&team), p(&csv)],
        vec!["import", p(&log), "-o", p(&imported)],
    ];
    for args in runs {
        let out = command(home.path())
            .args(&args)
            .stdout(closed_stdout())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_ne!(
            out.status.code(),
            Some(101),
            "{args:?} panicked: {}",
            stderr(&out)
        );
        assert!(!out.status.success(), "{args:?}");
        assert!(
            stderr(&out).contains("standard output could not be written"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let s = rapporteur::storage::load(&file).unwrap();
    assert!(s.inscriptions.len() >= 2, "the speakers were saved");
    let (merged, _) = rapporteur::storage::team::session::read_merged(&team).unwrap();
    assert!(
        merged.inscriptions.len() >= 2,
        "the team's speakers were saved"
    );
    assert!(imported.exists(), "the import was saved");
}

#[test]
fn ids_a_team_hands_out_stay_exact_in_javascript() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    share_demo(&team);
    let mut child = command(home.path())
        .args(["log", p(&team), "--device", "CD"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Peru\tOne.\nChile\tTwo.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json = dir.path().join("archive.json");
    let out = command(home.path())
        .args(["export", p(&team), "-o", p(&json)])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let mut ids = Vec::new();
    for i in value["interventions"].as_array().unwrap() {
        ids.push(i["id"].as_u64().unwrap());
    }
    assert!(ids.len() >= 2);
    assert!(ids.iter().all(|&id| id < 1 << 53), "{ids:?}");
    assert!(
        ids.iter().any(|&id| id > 1 << 20),
        "team ids in a band: {ids:?}"
    );
}

#[test]
fn two_shares_run_at_once_into_one_folder_give_one_session_with_every_text_once() {
    let (home, dir, file) = demo_file();
    for round in 0..6 {
        let team = dir.path().join(format!("team-{round}"));
        let children: Vec<_> = ["AB", "CD"]
            .into_iter()
            .map(|device| {
                command(home.path())
                    .args(["share", p(&file), p(&team), "--device", device])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let shared = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.success())
            .filter(|ok| *ok)
            .count();
        assert!(shared >= 1, "round {round}");
        let (session, notices) = rapporteur::storage::team::session::read_merged(&team).unwrap();
        assert!(notices.is_empty(), "round {round}: {notices:?}");
        let original = demo_session();
        assert_eq!(session.interventions.len(), original.interventions.len());
        for (got, want) in session
            .interventions
            .iter()
            .zip(original.interventions.iter())
        {
            assert_eq!(got.text, want.text, "round {round}: every text once");
        }
    }
}
