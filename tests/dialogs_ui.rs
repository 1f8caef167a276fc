//! No dead ends when no file dialog can be shown (a desktop without a portal): the path
//! is typed in the window, with the folder, the name and the extension proposed, and a
//! bad path is said under the field, which keeps what was typed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use support::ui::{simulator, update};

use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::selector::id;

use rapporteur::core::demo::demo_session;
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Asked, Message};
use rapporteur::ui::dialogs::ScriptedDialogs;
use rapporteur::ui::path_prompt;

fn without_dialogs() -> (App, std::path::PathBuf, tempfile::TempDir) {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.json");
    let store = Store::create(&path, &demo_session()).unwrap();
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let app = App::with_session(store, demo_session(), None, Box::new(dialogs));
    (app, path, dir)
}

fn ctrl(app: &mut App, c: &str) {
    update(app, Message::Key(Key::Character(c.into()), Modifiers::CTRL));
}

fn prompt(app: &App) -> &path_prompt::PathPrompt {
    app.path_prompt
        .as_ref()
        .expect("the path is asked in the window")
}

fn type_path(app: &mut App, value: &str) {
    update(
        app,
        Message::Prompt(path_prompt::Message::Input(value.into())),
    );
    update(app, Message::Prompt(path_prompt::Message::Submit));
}

#[test]
fn an_export_without_a_dialog_is_typed_and_ends_with_the_path_and_its_folder() {
    let (mut app, _session, dir) = without_dialogs();
    ctrl(&mut app, "e");
    assert_eq!(prompt(&app).asked, Asked::Export);
    let proposed = dir.path().join("meeting.docx");
    assert_eq!(prompt(&app).value, proposed.display().to_string());
    let mut ui = simulator(&app);
    assert!(ui.find(id(path_prompt::INPUT)).is_ok());
    assert!(
        ui.find("No file dialog could be shown on this desktop: type the path of the file.")
            .is_ok()
    );
    drop(ui);
    update(&mut app, Message::Prompt(path_prompt::Message::Submit));
    assert!(app.path_prompt.is_none());
    assert!(proposed.is_file(), "the report was written");
    let notice = app.notice.clone().unwrap();
    assert!(!notice.error, "{}", notice.text);
    assert!(notice.text.starts_with("Exported the report at "));
    assert!(notice.text.ends_with(&proposed.display().to_string()));
    assert_eq!(notice.folder.as_deref(), Some(dir.path()));
    assert!(simulator(&app).find("Open folder").is_ok());
}

#[test]
fn a_bad_path_is_said_under_the_field_and_escape_closes_it() {
    let (mut app, session_path, dir) = without_dialogs();
    let title = app.title();
    ctrl(&mut app, "n");
    assert_eq!(prompt(&app).asked, Asked::New);
    // The proposal is the session's own file: refused, the field kept.
    update(&mut app, Message::Prompt(path_prompt::Message::Submit));
    let error = prompt(&app).error.clone().unwrap();
    assert!(error.contains("already exists"), "{error}");
    assert!(simulator(&app).find(error.as_str()).is_ok());
    assert_eq!(prompt(&app).value, session_path.display().to_string());
    update(
        &mut app,
        Message::Key(Key::Named(Named::Escape), Modifiers::empty()),
    );
    assert!(app.path_prompt.is_none());
    assert_eq!(app.title(), title, "nothing was opened or created");

    // Open: a file that is not there, then a relative name in the session's folder.
    ctrl(&mut app, "o");
    type_path(&mut app, "no-such-meeting.json");
    assert!(
        prompt(&app)
            .error
            .as_deref()
            .unwrap()
            .contains("There is no file")
    );
    assert_eq!(prompt(&app).value, "no-such-meeting.json");
    let other = dir.path().join("other.json");
    let mut s = demo_session();
    s.name = "Another meeting".into();
    drop(Store::create(&other, &s).unwrap());
    type_path(&mut app, "other.json");
    assert!(app.path_prompt.is_none());
    assert_eq!(app.open.as_ref().unwrap().session.name, "Another meeting");
}

#[test]
fn a_cancelled_dialog_asks_for_no_path() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("m.json"), &demo_session()).unwrap();
    let mut app = App::with_session(
        store,
        demo_session(),
        None,
        Box::new(ScriptedDialogs::default()),
    );
    for c in ["e", "n", "o"] {
        ctrl(&mut app, c);
        assert!(app.path_prompt.is_none());
    }
}

/// An export is rendered and written off the window's thread: the message that asks for
/// it returns at once with a task, the file comes when the task has run, and its notice
/// counts what the editorial checker found, as the command line does.
#[test]
fn an_export_runs_as_a_task_and_its_notice_counts_the_findings() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.json");
    let mut session = demo_session();
    // A slip the checker names, in the summary the editor writes: "is" after "stressed that".
    session.report.summary =
        "The High Commissioner stressed that the best form of protection is prevention.".into();
    let store = Store::create(&path, &session).unwrap();
    let mut app = App::with_session(store, session, None, Box::<ScriptedDialogs>::default());
    let out = dir.path().join("report.docx");
    let task = app.update(Message::Chosen(Asked::Export, Some(out.clone())));
    assert!(!out.exists(), "nothing is written on the window's thread");
    for message in support::tasks::produced(task) {
        update(&mut app, message);
    }
    assert!(out.is_file(), "the report was written by the task");
    let notice = app.notice.clone().unwrap();
    assert!(!notice.error, "{}", notice.text);
    assert!(
        notice
            .text
            .contains("of the editorial checker (see the Editor)"),
        "{}",
        notice.text
    );
}

/// Another session is read off the window's thread: the message that asks for it returns
/// at once with a task, the window keeps the session on screen until the task has run,
/// then shows the other one.
#[test]
fn a_session_is_opened_as_a_task() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path().join("here.json");
    let there = dir.path().join("there.json");
    let mut other = demo_session();
    other.name = "The other meeting".into();
    drop(Store::create(&there, &other).unwrap());
    let store = Store::create(&here, &demo_session()).unwrap();
    let mut app = App::with_session(
        store,
        demo_session(),
        None,
        Box::<ScriptedDialogs>::default(),
    );
    let before = app.title();
    let task = app.update(Message::Chosen(Asked::Open, Some(there.clone())));
    assert_eq!(
        app.title(),
        before,
        "nothing was opened on the window's thread"
    );
    for message in support::tasks::produced(task) {
        update(&mut app, message);
    }
    assert_eq!(app.title(), "Rapporteur - The other meeting");
    assert_eq!(app.open.as_ref().unwrap().store.path(), there);
}
