//! The root's one way of handling what screens hand back, and the caches keyed on the
//! session's revision: a change on one screen is seen on every other screen when it is
//! shown (no screen is refreshed by hand), and a message that changes nothing moves
//! nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use iced::keyboard::{Key, Modifiers};

use rapporteur::core::intervention::Speaker;
use rapporteur::ui::app::{App, Message, Screen};
use rapporteur::ui::picker::Choice;
use rapporteur::ui::{capture, editor, meeting, person_form};
use support::ui::{Fixture, demo_app};

fn ctrl(app: &mut App, c: &str) {
    let _ = app.update(Message::Key(Key::Character(c.into()), Modifiers::CTRL));
}

/// A statement put in the session directly (the screens' own way is tested elsewhere).
fn commit(app: &mut App, statement: &str) {
    let open = app.open.as_mut().unwrap();
    let now = chrono::Utc::now();
    open.session
        .commit(rapporteur::core::session::NewIntervention {
            speaker: Speaker::Delegation("peru".into()),
            on_behalf_of: None,
            started_at: now,
            ended_at: now,
            text: statement.into(),
        });
}

fn revision(app: &App) -> rapporteur::ui::revision::Revision {
    app.open.as_ref().unwrap().revision
}

#[test]
fn a_person_added_on_the_meeting_screen_is_found_by_the_capture_picker() {
    let Fixture { mut app, _dir, .. } = demo_app();
    ctrl(&mut app, "4");
    assert_eq!(app.screen, Screen::Meeting);
    let before = revision(&app);
    let _ = app.update(Message::Meeting(meeting::Message::AddPerson));
    assert_eq!(revision(&app), before, "opening a form changes nothing");
    for m in [
        person_form::Message::Name("Zebulon Quaxford".into()),
        person_form::Message::Create,
    ] {
        let _ = app.update(Message::Meeting(meeting::Message::Person(m)));
    }
    assert_ne!(revision(&app), before, "a new person moves the revision");
    ctrl(&mut app, "1");
    assert_eq!(app.screen, Screen::Capture);
    let _ = app.update(Message::Capture(capture::Message::PickerInput(
        "Quaxford".into(),
    )));
    let capture = &app.open.as_ref().unwrap().capture;
    assert!(
        capture.picker.choices.iter().any(|c| matches!(
            c,
            Choice::Existing { candidate, .. } if candidate.label.contains("Zebulon Quaxford")
        )),
        "the picker's index was rebuilt for the new revision"
    );
}

#[test]
fn a_statement_logged_on_capture_is_in_the_editor_and_the_preview_when_shown() {
    let Fixture { mut app, _dir, .. } = demo_app();
    // Build both screens once, so that what follows is a cache that must move.
    ctrl(&mut app, "2");
    ctrl(&mut app, "3");
    ctrl(&mut app, "1");
    let statement = "underlined that a revision number keeps every screen in step.";
    commit(&mut app, statement);
    // The way a screen reports a change: through its effect. A segment step is one.
    let before = revision(&app);
    let _ = app.update(Message::Capture(capture::Message::Shortcut(
        rapporteur::ui::shortcuts::Command::NextSegment,
    )));
    assert_eq!(revision(&app), before.next());

    ctrl(&mut app, "3");
    let preview = &app.open.as_ref().unwrap().preview;
    assert!(
        rapporteur::report::markdown::to_text(&preview.report).contains(statement),
        "the preview was assembled again"
    );
    ctrl(&mut app, "2");
    let editor = &app.open.as_ref().unwrap().editor;
    assert!(
        rapporteur::report::markdown::to_text(&editor.report).contains(statement),
        "the editor's report was assembled again"
    );
}

#[test]
fn messages_that_change_nothing_keep_the_revision_and_edits_move_it_once() {
    let Fixture { mut app, _dir, .. } = demo_app();
    ctrl(&mut app, "2");
    let start = revision(&app);
    for _ in 0..3 {
        let _ = app.update(Message::Key(
            Key::Named(iced::keyboard::key::Named::ArrowDown),
            Modifiers::empty(),
        ));
    }
    let _ = app.update(Message::Tick);
    let _ = app.update(Message::Modifiers(Modifiers::CTRL));
    let _ = app.update(Message::Modifiers(Modifiers::empty()));
    assert_eq!(
        revision(&app),
        start,
        "selecting, ticking and pressing Ctrl change nothing"
    );
    let selected = app.open.as_ref().unwrap().editor.selected.unwrap();
    let number = app.open.as_ref().unwrap().editor.number_of(selected);
    let _ = app.update(Message::Key(
        Key::Named(iced::keyboard::key::Named::ArrowUp),
        Modifiers::ALT,
    ));
    assert_eq!(revision(&app), start.next(), "one move, one revision");
    let editor = &app.open.as_ref().unwrap().editor;
    assert_eq!(
        editor.number_of(selected),
        number.map(|n| n - 1),
        "the numbering the editor built during its own update is the one shown"
    );
    let _ = app.update(Message::Editor(editor::Message::GotoInput("x".into())));
    assert_eq!(revision(&app), start.next());
}

#[test]
fn ctrl_pressed_on_the_capture_screen_reaches_the_editor_without_building_it() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let built = |app: &App| app.open.as_ref().unwrap().editor.report.numbered_count();
    assert_eq!(built(&app), 0, "the editor is built when first shown");
    let _ = app.update(Message::Modifiers(Modifiers::CTRL));
    assert_eq!(built(&app), 0, "a modifier does not build it");
    ctrl(&mut app, "2");
    assert!(built(&app) > 0);
    // Ctrl still held from before: a click marks the paragraph instead of picking it up.
    let first = app.open.as_ref().unwrap().editor.order()[1];
    let _ = app.update(Message::Editor(editor::Message::Press(first)));
    let editor = &app.open.as_ref().unwrap().editor;
    assert_eq!(editor.marked, vec![first]);
    assert_eq!(editor.dragging, None);
}

/// One report per revision: the panel summary report the editor builds is the very one
/// the preview shows (shared, not built again), after a move in the editor too; the
/// minutes are the preview's own.
#[test]
fn the_editor_and_the_preview_share_one_report_per_revision() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let shared = |app: &App| {
        let open = app.open.as_ref().unwrap();
        std::sync::Arc::ptr_eq(&open.editor.report, &open.preview.report)
    };
    ctrl(&mut app, "2");
    ctrl(&mut app, "3");
    assert!(shared(&app), "the preview shows the editor's report");
    let first = app.open.as_ref().unwrap().preview.report.clone();

    // A move in the editor: a new report, shown as it is by the preview.
    ctrl(&mut app, "2");
    let _ = app.update(Message::Key(
        Key::Named(iced::keyboard::key::Named::ArrowDown),
        Modifiers::ALT,
    ));
    ctrl(&mut app, "3");
    assert!(shared(&app));
    assert!(
        !std::sync::Arc::ptr_eq(&first, &app.open.as_ref().unwrap().preview.report),
        "the move made a new report"
    );

    // Opened from capture straight away, the preview builds it through the editor.
    ctrl(&mut app, "1");
    let _ = app.update(Message::Capture(capture::Message::Shortcut(
        rapporteur::ui::shortcuts::Command::NextSegment,
    )));
    ctrl(&mut app, "3");
    assert!(shared(&app));

    // The minutes are not the editor's.
    let minutes = rapporteur::ui::choices::report_kinds()
        .into_iter()
        .find(|k| k.value == rapporteur::core::meeting::ReportKind::Minutes)
        .unwrap();
    let _ = app.update(Message::Preview(rapporteur::ui::preview::Message::Kind(
        minutes,
    )));
    assert!(!shared(&app));
    assert_eq!(
        app.open.as_ref().unwrap().preview.report.kind,
        rapporteur::core::meeting::ReportKind::Minutes
    );
}

/// Between two changes on the capture screen the report is assembled ahead, on a thread
/// of its own: the editor and the preview, opened next, take it as it is.
#[test]
fn the_report_is_made_ahead_while_the_capture_screen_is_idle() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let statement = "welcomed a report made while nobody was looking.";
    commit(&mut app, statement);
    let _ = app.update(Message::Capture(capture::Message::Shortcut(
        rapporteur::ui::shortcuts::Command::NextSegment,
    )));
    let made = |app: &App| {
        rapporteur::report::markdown::to_text(&app.open.as_ref().unwrap().editor.report)
            .contains(statement)
    };
    assert!(
        !made(&app),
        "nothing is assembled on the capture screen's own time"
    );
    // The first tick sees the change; the second finds nothing changed since.
    support::ui::update(&mut app, Message::Tick);
    assert!(!made(&app));
    support::ui::update(&mut app, Message::Tick);
    assert!(made(&app), "assembled ahead");
    let ahead = app.open.as_ref().unwrap().editor.report.clone();
    ctrl(&mut app, "3");
    assert!(std::sync::Arc::ptr_eq(
        &ahead,
        &app.open.as_ref().unwrap().preview.report
    ));
    ctrl(&mut app, "2");
    assert!(
        std::sync::Arc::ptr_eq(&ahead, &app.open.as_ref().unwrap().editor.report),
        "the editor took it as it is"
    );
    assert!(editor_rows(&app) > 0);
}

fn editor_rows(app: &App) -> usize {
    app.open.as_ref().unwrap().editor.order().len()
}
