//! Saves run on a writer thread, and the window says "Saved" only for what is on disk.
//! Proved with a real process: a child logs statements through the app one after
//! another and announces each as soon as the app counts it saved; the parent kills the
//! child (SIGKILL) the moment it reads the announcement, then reads the file: the
//! statement is there, every time.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use iced::widget::text_editor::{Action, Edit};

use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Message};
use rapporteur::ui::capture;
use rapporteur::ui::dialogs::ScriptedDialogs;

const CHILD: &str = "RAPPORTEUR_TEST_ACK_CHILD";

fn statement(n: usize) -> String {
    format!("acknowledged statement number {n}")
}

/// The child: logs statements one by one and prints "ACK n" once the app counts the
/// n-th saved (no save pending, none failed). Never returns by itself.
fn child(path: &Path) {
    let (store, session, _) = Store::open(path).unwrap();
    let mut app = App::with_session(store, session, None, Box::new(ScriptedDialogs::default()));
    let mut out = std::io::stdout();
    for n in 1.. {
        for message in [
            capture::Message::PickerInput("Peru".into()),
            capture::Message::PickerSubmit,
            capture::Message::Statement(Action::Edit(Edit::Paste(Arc::new(statement(n))))),
            capture::Message::Commit,
        ] {
            let _ = app.update(Message::Capture(message));
        }
        let logged = app.open.as_ref().unwrap().session.interventions.last();
        assert_eq!(logged.map(|i| i.text.clone()), Some(statement(n)));
        // What the window does while a save is on its way: look for the report.
        loop {
            let _ = app.update(Message::Written);
            let store = &app.open.as_ref().unwrap().store;
            if !store.pending() {
                assert!(store.failure().is_none(), "{:?}", store.failure());
                break;
            }
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        writeln!(out, "ACK {n}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn a_statement_counted_as_saved_survives_a_kill_right_after() {
    if let Some(path) = std::env::var_os(CHILD) {
        child(Path::new(&path));
        return;
    }
    let home = support::isolate_home();
    // A session of some size, so writes take a while and kills land in the middle.
    let session = support::large::demo_with(1_500);
    for target in [1, 2, 3, 5, 8, 13, 21, 34] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meeting.json");
        drop(Store::create(&path, &session).unwrap());
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "a_statement_counted_as_saved_survives_a_kill_right_after",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, &path)
            .env("RAPPORTEUR_HOME", &home)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut acknowledged = 0;
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            // The test harness may print its own words before ours on the first line.
            if let Some((_, n)) = line.split_once("ACK ") {
                acknowledged = n.trim().parse::<usize>().unwrap();
                if acknowledged >= target {
                    child.kill().unwrap();
                    break;
                }
            }
        }
        let _ = child.wait();
        assert_eq!(
            acknowledged, target,
            "the child stopped before statement {target}"
        );
        let on_disk = support::read_session(&path);
        let texts: Vec<&str> = on_disk
            .interventions
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        for n in 1..=target {
            assert!(
                texts.contains(&statement(n).as_str()),
                "statement {n} was acknowledged but is not on disk after the kill"
            );
        }
    }
}
