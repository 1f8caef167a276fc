//! A full disk while saving: a clear message, everything kept in memory, the old file
//! intact, and all of it saved once space returns. Runs on a tiny tmpfs mounted in a
//! private mount namespace (`unshare`), so it needs no root and touches no real disk.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use std::io::Write;
use std::path::Path;
use std::process::Command;

use rapporteur::core::demo::demo_session;
use rapporteur::core::intervention::Speaker;
use rapporteur::core::session::NewIntervention;
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Message};
use rapporteur::ui::dialogs::ScriptedDialogs;

const INSIDE: &str = "RAPPORTEUR_TEST_IN_NAMESPACE";

/// Runs the named test again inside a private user and mount namespace and asserts it
/// passed there; returns true when already inside (the caller then does the work).
fn inside_namespace(test: &str) -> bool {
    if std::env::var_os(INSIDE).is_some() {
        return true;
    }
    let run = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "--"])
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(INSIDE, "1")
        .output()
        .expect("unshare (util-linux) runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success() && stdout.contains("1 passed"),
        "the test failed inside its namespace:\n{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    false
}

/// A tmpfs of this size on `dir`, seen only by this namespace.
fn mount_tmpfs(dir: &Path, options: &str) {
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", options, "tmpfs"])
        .arg(dir)
        .status()
        .unwrap();
    assert!(mounted.success(), "mount a tmpfs with {options}");
}

fn fill(dir: &Path) -> std::path::PathBuf {
    let filler_path = dir.join("filler");
    let mut filler = std::fs::File::create(&filler_path).unwrap();
    let block = vec![0u8; 4096];
    while filler.write_all(&block).is_ok() {}
    let byte = [0u8; 1];
    while filler.write_all(&byte).is_ok() {}
    filler_path
}

#[test]
fn full_disk_keeps_everything_and_saves_when_space_returns() {
    if !inside_namespace("full_disk_keeps_everything_and_saves_when_space_returns") {
        return;
    }
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    mount_tmpfs(dir.path(), "size=256k");
    let path = dir.path().join("meeting.json");
    let store = Store::create(&path, &demo_session()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut app = App::with_session(
        store,
        demo_session(),
        None,
        Box::new(ScriptedDialogs::default()),
    );

    let filler_path = fill(dir.path());

    // Log an intervention: the save fails, the user is told, nothing is lost.
    {
        let open = app.open.as_mut().unwrap();
        open.session.commit(NewIntervention {
            speaker: Speaker::Delegation("peru".into()),
            on_behalf_of: None,
            started_at: chrono::Utc::now(),
            ended_at: chrono::Utc::now(),
            text: "logged while the disk was full".into(),
        });
    }
    let _ = app.update(Message::Command(rapporteur::ui::shortcuts::Command::Save));
    // Ctrl+S hands the session to the writer thread; its report brings the message.
    app.settle();
    let notice = app.notice.clone().expect("a message");
    assert!(
        notice.error
            && notice.text.contains("Could not save")
            && notice.text.contains("kept in memory"),
        "{}",
        notice.text
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the old file is intact"
    );
    assert!(rapporteur::storage::load(&path).is_ok());
    let _ = app.update(Message::Tick);
    app.settle();
    assert!(
        app.open.as_ref().unwrap().store.error.is_some(),
        "still failing while the disk is full"
    );

    // Space returns: the next tick saves everything.
    std::fs::remove_file(&filler_path).unwrap();
    let _ = app.update(Message::Tick);
    // The tick hands the session to the writer; its report says it is on disk.
    app.settle();
    assert!(app.open.as_ref().unwrap().store.error.is_none());
    let saved = support::read_session(&path);
    assert_eq!(
        saved.interventions.last().unwrap().text,
        "logged while the disk was full"
    );
    drop(app);
    let _ = Command::new("umount").arg(dir.path()).status();
}

/// `rapporteur log` with the disk filling up under it: every acknowledged line is in the
/// session, the line that could not be written is named, and the exit is non-zero.
#[test]
fn log_on_a_full_disk_says_which_line_was_not_saved_and_keeps_the_rest() {
    if !inside_namespace("log_on_a_full_disk_says_which_line_was_not_saved_and_keeps_the_rest") {
        return;
    }
    let home = support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    mount_tmpfs(dir.path(), "size=256k");
    let path = dir.path().join("meeting.json");
    Store::create(&path, &demo_session()).unwrap();
    let before = support::read_session(&path).interventions.len();
    fill(dir.path());

    let statement = "a statement long enough to need a new block of the journal ".repeat(40);
    let mut input = String::new();
    for n in 0..200 {
        input.push_str(&format!("Peru\t{n}: {statement}\n"));
    }
    let mut child = Command::new(support::binary())
        .arg("log")
        .arg(&path)
        .env("RAPPORTEUR_HOME", &home)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The writer may stop reading at the failing line; a broken pipe here is expected.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("was NOT saved") && stderr.contains("Free some space"),
        "{stderr}"
    );
    assert!(!stderr.contains("retries every second"), "{stderr}");
    let acknowledged = stdout.lines().filter(|l| l.starts_with("logged ")).count();
    assert!(
        acknowledged < 200,
        "the disk never filled: {acknowledged} lines"
    );

    // What was acknowledged is there when the session is next opened (journal included).
    let (_store, session, _) = Store::open(&path).unwrap();
    assert_eq!(session.interventions.len(), before + acknowledged);
    for n in 0..acknowledged {
        let prefix = format!("{n}: ");
        assert!(
            session
                .interventions
                .iter()
                .any(|i| i.text.starts_with(&prefix)),
            "acknowledged line {n} is missing"
        );
    }
}

/// A session on a read-only file system: `log` and the window name the folder and say
/// what to do; nothing is written and the file is unchanged.
#[test]
fn a_session_in_a_read_only_folder_gets_a_clear_message_and_stays_untouched() {
    if !inside_namespace("a_session_in_a_read_only_folder_gets_a_clear_message_and_stays_untouched")
    {
        return;
    }
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    mount_tmpfs(dir.path(), "size=1m");
    let path = dir.path().join("meeting.json");
    drop(Store::create(&path, &demo_session()).unwrap());
    let before = std::fs::read(&path).unwrap();
    let remount = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(remount.success());

    let mut child = Command::new(support::binary())
        .arg("log")
        .arg(&path)
        .env("RAPPORTEUR_HOME", support::isolate_home())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Peru\tnot to be lost\n");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&dir.path().display().to_string())
            && stderr.contains("cannot be written to")
            && stderr.contains("Copy the file"),
        "{stderr}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).is_empty(),
        "no line acknowledged"
    );

    // The window's open path gives the same message.
    let error = Store::open(&path).unwrap_err().to_string();
    assert!(error.contains("cannot be written to"), "{error}");
    // Reading for export still works.
    let out = support::rapporteur([
        std::ffi::OsStr::new("export"),
        path.as_os_str(),
        std::ffi::OsStr::new("--format"),
        std::ffi::OsStr::new("txt"),
        std::ffi::OsStr::new("-o"),
        std::ffi::OsStr::new("-"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let _ = Command::new("umount").arg(dir.path()).status();
}
