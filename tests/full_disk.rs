//! A full disk while saving: a clear message, everything kept in memory, the old file
//! intact, and all of it saved once space returns. Runs on a tiny tmpfs mounted in a
//! private mount namespace (`unshare`), so it needs no root and touches no real disk.

mod support;

use std::io::Write;
use std::process::Command;

use rapporteur::core::demo::demo_session;
use rapporteur::core::intervention::Speaker;
use rapporteur::core::session::NewIntervention;
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Message};
use rapporteur::ui::dialogs::ScriptedDialogs;

const INSIDE: &str = "RAPPORTEUR_TEST_IN_NAMESPACE";

#[test]
fn full_disk_keeps_everything_and_saves_when_space_returns() {
    if std::env::var_os(INSIDE).is_none() {
        // Re-run this very test inside a private mount namespace.
        let run = Command::new("unshare")
            .args(["--user", "--map-root-user", "--mount", "--"])
            .arg(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "full_disk_keeps_everything_and_saves_when_space_returns",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(INSIDE, "1")
            .output()
            .expect("unshare (util-linux) runs");
        assert!(
            run.status.success(),
            "the test failed inside its namespace:\n{}\n{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
        return;
    }
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(mounted.success(), "mount a tiny tmpfs");
    let path = dir.path().join("meeting.json");
    let store = Store::create(&path, &demo_session()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut app = App::with_session(
        store,
        demo_session(),
        None,
        Box::new(ScriptedDialogs::default()),
    );

    // Fill the disk.
    let filler_path = dir.path().join("filler");
    let mut filler = std::fs::File::create(&filler_path).unwrap();
    let block = vec![0u8; 4096];
    while filler.write_all(&block).is_ok() {}
    drop(filler);

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
    assert!(
        app.open.as_ref().unwrap().store.error.is_some(),
        "still failing while the disk is full"
    );

    // Space returns: the next tick saves everything.
    std::fs::remove_file(&filler_path).unwrap();
    let _ = app.update(Message::Tick);
    assert!(app.open.as_ref().unwrap().store.error.is_none());
    let saved = support::read_session(&path);
    assert_eq!(
        saved.interventions.last().unwrap().text,
        "logged while the disk was full"
    );
    drop(app);
    let _ = Command::new("umount").arg(dir.path()).status();
}
