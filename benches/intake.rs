//! Intake speed: importing a meeting log of 1,000 and of 100,000 rows (every row a
//! distinct person, as the slow case used to be), and `rapporteur log` (the release
//! binary) appending 10,000 lines to a session: lines per second for the first and the
//! last thousand, which must not fall as the file grows.
//! Run: `cargo bench --bench intake`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

use rapporteur::core::import::import_log_csv;
use rapporteur::core::meeting::Meeting;

fn log_csv(rows: usize) -> Vec<u8> {
    let mut out = String::from("segment,name,honorific,delegation,kind,text\n");
    for i in 0..rows {
        let segment = if i == 0 { "Interactive dialogue" } else { "" };
        out.push_str(&format!(
            "{segment},Speaker {i} Person{i},Ms.,Organization number {i},ngo,\"{}\"\n",
            common::statement(i)
        ));
    }
    out.into_bytes()
}

fn main() {
    for rows in [1_000, 100_000] {
        let bytes = log_csv(rows);
        let started = Instant::now();
        let session = import_log_csv(&bytes, Meeting::default(), "bench").expect("imports");
        let took = started.elapsed();
        assert_eq!(session.interventions.len(), rows);
        println!(
            "import {rows:>7} rows ({:.1} MB, {} people, {} delegations): {:.2} s, {:.0} rows/s",
            bytes.len() as f64 / 1e6,
            session.participants.len(),
            session.delegations.len(),
            took.as_secs_f64(),
            rows as f64 / took.as_secs_f64()
        );
    }

    let dir = std::env::temp_dir().join(format!("rapporteur-bench-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let session = dir.join("log.json");
    let _ = std::fs::remove_file(&session);
    let binary = env!("CARGO_BIN_EXE_rapporteur");
    let mut child = Command::new(binary)
        .arg("log")
        .arg(&session)
        .env("RAPPORTEUR_HOME", &dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut acks = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let lines = 10_000;
    let mut marks = Vec::new();
    let started = Instant::now();
    for i in 0..lines {
        // One line at a time, as a note-taker's script would: wait for each acknowledgement.
        writeln!(stdin, "Peru\t{}", common::statement(i)).expect("write");
        stdin.flush().expect("flush");
        acks.next().expect("an acknowledgement").expect("read");
        if i % 1000 == 999 {
            marks.push(started.elapsed());
        }
    }
    drop(stdin);
    child.wait().expect("log ends");
    let first = marks.first().copied().unwrap_or_default();
    let last = marks
        .last()
        .zip(marks.get(marks.len().saturating_sub(2)))
        .map(|(a, b)| *a - *b)
        .unwrap_or_default();
    let size = std::fs::metadata(&session).map(|m| m.len()).unwrap_or(0);
    println!(
        "log {lines} lines: first thousand {:.0} lines/s, last thousand {:.0} lines/s, session {:.1} MB",
        1000.0 / first.as_secs_f64(),
        1000.0 / last.as_secs_f64(),
        size as f64 / 1e6
    );
    let _ = std::fs::remove_dir_all(&dir);
}
