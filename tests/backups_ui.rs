//! Backups and the export guard, driven headless through the real views: the Backups
//! panel opened from the Report screen, a Restore that brings an earlier state back
//! (keeping the replaced one), the panel offered after a damaged file failed to open,
//! and the Replace/Cancel prompt before an export writes over an existing file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use std::path::{Path, PathBuf};

use iced::keyboard::{Key, Modifiers};

use rapporteur::core::demo::demo_session;
use rapporteur::core::intervention::Speaker;
use rapporteur::core::session::NewIntervention;
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Launch, Message, Screen};
use rapporteur::ui::dialogs::ScriptedDialogs;
use support::ui::{interact, simulator, update};

/// The demo meeting saved to a file, then opened the way the window opens a path (which
/// keeps an "opened" backup of it).
fn opened(dir: &Path, dialogs: ScriptedDialogs) -> (App, PathBuf) {
    support::isolate_home();
    let path = dir.join("meeting.json");
    drop(Store::create(&path, &demo_session()).unwrap());
    let (app, _) = App::boot(
        Launch {
            path: Some(path.clone()),
            demo: false,
            device: None,
        },
        Box::new(dialogs),
    );
    assert!(
        app.open.is_some(),
        "{:?}",
        app.notice.as_ref().map(|n| &n.text)
    );
    (app, path)
}

/// A Ctrl shortcut, with the file dialog it may open answered from the script.
fn ctrl(app: &mut App, c: &str) {
    update(app, Message::Key(Key::Character(c.into()), Modifiers::CTRL));
}

fn statements(app: &App) -> usize {
    app.open.as_ref().unwrap().session.interventions.len()
}

fn log_one(app: &mut App, text: &str) {
    let open = app.open.as_mut().unwrap();
    let now = chrono::Utc::now();
    open.session.commit(NewIntervention {
        speaker: Speaker::Delegation("peru".into()),
        on_behalf_of: None,
        started_at: now,
        ended_at: now,
        text: text.into(),
    });
    ctrl(app, "s");
}

#[test]
fn restore_from_the_report_screen_brings_back_the_opened_state_and_keeps_the_replaced_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = opened(dir.path(), ScriptedDialogs::default());
    let original = statements(&app);
    log_one(&mut app, "logged after opening, then undone by a restore");
    app.settle();
    assert_eq!(
        support::read_session(&path).interventions.len(),
        original + 1
    );

    ctrl(&mut app, "3");
    assert_eq!(app.screen, Screen::Preview);
    interact(&mut app, |ui| {
        ui.click("Backups…")
            .expect("the Report screen offers the backups");
    });
    {
        let mut ui = simulator(&app);
        ui.find("Backups").expect("the panel is shown");
        let listed = rapporteur::storage::backup::list(&path);
        let opening = listed
            .iter()
            .find(|b| b.describe().contains("when it was opened"))
            .expect("a backup was taken on opening");
        ui.find(opening.describe().as_str())
            .expect("the backup taken on opening is listed");
    }
    interact(&mut app, |ui| {
        ui.click("Restore")
            .expect("each backup has a Restore button");
    });
    assert!(app.backups.is_none(), "the panel closes after restoring");
    assert_eq!(
        statements(&app),
        original,
        "the opened state is back on screen"
    );
    app.settle();
    assert_eq!(
        support::read_session(&path).interventions.len(),
        original,
        "and in the file"
    );

    // The state that was replaced is itself kept, so the restore can be undone.
    let kept = rapporteur::storage::backup::list(&path);
    let replaced = kept
        .iter()
        .find(|b| b.describe().contains("replaced by a restore"))
        .expect("the replaced state is among the backups");
    let replaced = rapporteur::storage::load(&replaced.path).unwrap();
    assert!(
        replaced
            .interventions
            .iter()
            .any(|i| i.text == "logged after opening, then undone by a restore")
    );
}

#[test]
fn a_damaged_session_offers_its_backups_and_restore_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path(), ScriptedDialogs::default());
    let original = statements(&app);
    drop(app);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&path, &bytes).unwrap();

    let (mut app, _) = App::boot(
        Launch {
            path: Some(path.clone()),
            demo: false,
            device: None,
        },
        Box::new(ScriptedDialogs::default()),
    );
    assert!(app.open.is_none());
    let notice = app.notice.clone().expect("the failure is explained");
    assert!(
        notice.error && notice.text.contains("backup"),
        "{}",
        notice.text
    );
    app.settle();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the damaged file is untouched"
    );
    assert!(app.backups.is_some(), "its backups are offered at once");
    interact(&mut app, |ui| {
        ui.click("Restore").expect("a backup to restore");
    });
    assert_eq!(statements(&app), original);
    app.settle();
    assert_eq!(support::read_session(&path).interventions.len(), original);
    // The damaged bytes were kept too, in case they held something.
    let damaged_kept = rapporteur::storage::backup::list(&path)
        .iter()
        .any(|b| std::fs::read(&b.path).is_ok_and(|kept| kept == bytes));
    assert!(damaged_kept, "the damaged file is kept among the backups");
}

#[test]
fn export_over_an_existing_file_asks_first_and_never_over_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("report.docx");
    std::fs::write(&existing, b"an earlier report, not to be lost by accident").unwrap();
    let (mut app, path) = opened(
        dir.path(),
        ScriptedDialogs {
            export: Some(existing.clone()),
            ..ScriptedDialogs::default()
        },
    );

    ctrl(&mut app, "e");
    {
        let mut ui = simulator(&app);
        ui.find(
            format!(
                "{} already exists. Replace it with the report?",
                existing.display()
            )
            .as_str(),
        )
        .expect("the prompt names the file");
    }
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        b"an earlier report, not to be lost by accident"
    );
    interact(&mut app, |ui| {
        ui.click("Cancel").expect("the prompt can be cancelled");
    });
    assert!(
        app.notice
            .as_ref()
            .unwrap()
            .text
            .contains("nothing was written")
    );
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        b"an earlier report, not to be lost by accident"
    );

    ctrl(&mut app, "e");
    interact(&mut app, |ui| {
        ui.click("Replace").expect("the prompt offers Replace");
    });
    let written = std::fs::read(&existing).unwrap();
    assert!(written.starts_with(b"PK"), "a DOCX replaced the file");

    // Another session as the target: refused outright, no prompt.
    let other = dir.path().join("other.json");
    drop(Store::create(&other, &demo_session()).unwrap());
    let other_bytes = std::fs::read(&other).unwrap();
    let mut app = {
        drop(app);
        let (app, _) = App::boot(
            Launch {
                path: Some(path.clone()),
                demo: false,
                device: None,
            },
            Box::new(ScriptedDialogs {
                export: Some(other.clone()),
                ..ScriptedDialogs::default()
            }),
        );
        app
    };
    ctrl(&mut app, "e");
    let notice = app.notice.clone().expect("a refusal");
    assert!(
        notice.error && notice.text.contains("session"),
        "{}",
        notice.text
    );
    {
        let mut ui = simulator(&app);
        assert!(
            ui.find("Replace").is_err(),
            "no Replace offered for a session"
        );
    }
    assert_eq!(std::fs::read(&other).unwrap(), other_bytes);
}
