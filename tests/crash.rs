//! The real binary, killed with SIGKILL at random moments while it logs interventions:
//! every intervention it acknowledged is in the file, and the file always opens.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small deterministic generator, so a failing round can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

/// `rapporteur log PATH`, fed through a pipe.
fn spawn_log(path: &std::path::Path, home: &std::path::Path, stderr: Stdio) -> std::process::Child {
    Command::new(support::binary())
        .arg("log")
        .arg(path)
        .env("RAPPORTEUR_HOME", home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap()
}

#[test]
fn sigkill_at_random_moments_loses_nothing_acknowledged() {
    let home = support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.json");
    let speakers = [
        "Peru",
        "the Netherlands",
        "Côte d'Ivoire",
        "Türkiye",
        "UNICEF",
    ];
    let mut rng = Lcg(0x5eed);
    let mut acknowledged: Vec<String> = Vec::new();
    let rounds = 40;
    for round in 0..rounds {
        let mut child = spawn_log(&path, &home, Stdio::null());
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        // A reader thread collects acknowledgements as they come.
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let kill_after = Duration::from_millis(5 + rng.next(120));
        let started = Instant::now();
        let mut sent = Vec::new();
        let mut n = 0;
        while started.elapsed() < kill_after {
            let text = format!("round {round} statement {n} with\u{0007} control and “quotes”");
            if writeln!(
                stdin,
                "{}\t{text}",
                speakers[rng.next(speakers.len() as u64) as usize]
            )
            .is_err()
            {
                break;
            }
            sent.push(text.replace('\u{0007}', ""));
            n += 1;
            std::thread::sleep(Duration::from_millis(rng.next(4)));
        }
        child.kill().unwrap(); // SIGKILL
        let _ = child.wait();
        drop(stdin);
        reader.join().unwrap();
        let acks = rx.try_iter().filter(|l| l.starts_with("logged ")).count();
        acknowledged.extend(sent.into_iter().take(acks));

        // Whatever the moment of the kill, the file opens and holds every acknowledged line.
        let session =
            rapporteur::storage::load(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let texts: std::collections::HashSet<&str> = session
            .interventions
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        for text in &acknowledged {
            assert!(
                texts.contains(text.as_str()),
                "round {round}: lost {text:?}"
            );
        }
    }
    assert!(
        acknowledged.len() > rounds,
        "the test logged too little to mean anything: {}",
        acknowledged.len()
    );
    // No temporary files pile up beside the session once it is reopened.
    let _ = rapporteur::storage::Store::open(&path).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(".crash.json.") && n != ".crash.json.lock" && n != ".crash.json.draft"
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn log_reports_bad_lines_and_keeps_going() {
    let home = support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.json");
    let mut child = spawn_log(&path, &home, Stdio::piped());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Narnia\tnot a state\nno tab here\nPeru\treported progress\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 1") && stderr.contains("Narnia"),
        "{stderr}"
    );
    assert!(stderr.contains("line 2"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "logged 1");
    assert_eq!(
        support::read_session(&path).interventions[0].text,
        "reported progress"
    );
}
