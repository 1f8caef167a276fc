//! The steps of the proceedings entered on the capture screen through the real view:
//! Ctrl+D logs the statement box as a decision, Ctrl+Shift+A as a next step owned by the
//! speaker picked, Ctrl+P suspends and resumes, Ctrl+Shift+C gives the Chair to the
//! person picked, Ctrl+Shift+L starts a list item; each one undo step, each on disk at
//! once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use support::ui::{Fixture, demo_app, interact, key_event, pick, simulator, type_statement};

use iced::keyboard::{Key, Modifiers};

use rapporteur::core::intervention::Speaker;
use rapporteur::core::proceedings::EntryKind;
use rapporteur::ui::app::{App, Message};
use rapporteur::ui::shortcuts::Command;

fn session(app: &App) -> &rapporteur::core::Session {
    &app.open.as_ref().unwrap().session
}

/// A chord pressed while the statement box has the cursor.
fn chord_in_statement(app: &mut App, c: &str, modifiers: Modifiers) {
    interact(app, |ui| {
        ui.click(iced_test::selector::id("statement")).unwrap();
        ui.simulate([key_event(Key::Character(c.into()), modifiers)]);
    });
}

fn statement_text(app: &App) -> String {
    app.open.as_ref().unwrap().capture.statement.text()
}

#[test]
fn a_decision_is_logged_from_the_statement_box_and_undone_in_one_step() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    let before = session(&app).interventions.len();
    pick(&mut app, "bouay");
    type_statement(&mut app, "The panel endorsed the workplan");
    chord_in_statement(&mut app, "d", Modifiers::CTRL);

    let s = session(&app);
    assert_eq!(s.interventions.len(), before + 1);
    let logged = s.interventions.last().unwrap();
    assert_eq!(logged.kind, EntryKind::Decision);
    assert_eq!(logged.text, "The panel endorsed the workplan");
    assert!(statement_text(&app).trim().is_empty(), "the box is cleared");
    app.settle();
    let on_disk = support::read_session(&path);
    assert_eq!(
        on_disk.interventions.last().unwrap().kind,
        EntryKind::Decision
    );
    // The log says what the entry is.
    simulator(&app)
        .find("DECISION: The panel endorsed the workplan")
        .expect("the log tags the decision");

    let _ = app.update(Message::Command(Command::Undo));
    assert_eq!(session(&app).interventions.len(), before);
    assert_eq!(
        statement_text(&app).trim_end(),
        "The panel endorsed the workplan",
        "the text is back in the box"
    );
}

#[test]
fn an_empty_box_logs_no_decision_and_a_next_step_needs_its_owner() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let before = session(&app).interventions.len();
    let _ = app.update(Message::Command(Command::LogDecision));
    assert_eq!(session(&app).interventions.len(), before);
    type_statement(&mut app, "OHCHR to circulate the draft by 21 December 2021");
    // Nobody picked: the next step has no owner yet, and the text stays.
    chord_in_statement(&mut app, "a", Modifiers::CTRL | Modifiers::SHIFT);
    assert_eq!(session(&app).interventions.len(), before);
    assert!(statement_text(&app).contains("circulate the draft"));
    pick(&mut app, "bouay");
    chord_in_statement(&mut app, "a", Modifiers::CTRL | Modifiers::SHIFT);
    let logged = session(&app).interventions.last().unwrap().clone();
    assert_eq!(logged.kind, EntryKind::NextStep);
    assert!(logged.text.ends_with("by 21 December 2021"));
    assert!(matches!(logged.speaker, Speaker::Participant(_)));
}

#[test]
fn ctrl_p_suspends_and_resumes_and_the_chair_changes_hands() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let before = session(&app).interventions.len();
    let _ = app.update(Message::Command(Command::Suspend));
    let s = session(&app);
    assert_eq!(s.interventions.len(), before + 1);
    let open = s.interventions.last().unwrap().clone();
    assert_eq!(open.kind, EntryKind::Suspension);
    assert_eq!(open.started_at, open.ended_at, "still suspended");
    assert_eq!(
        open.speaker,
        Speaker::Participant(s.meeting.chair.unwrap()),
        "the Chair suspends"
    );
    simulator(&app)
        .find("SUSPENDED (Ctrl+P when it resumes)")
        .expect("the log shows the open suspension");
    let _ = app.update(Message::Command(Command::Suspend));
    let s = session(&app);
    assert_eq!(s.interventions.len(), before + 1, "the same entry resumes");
    let closed = s.interventions.last().unwrap();
    assert!(closed.ended_at > closed.started_at);

    // Ctrl+Shift+C with nobody picked logs nothing; with someone picked, they preside.
    let _ = app.update(Message::Command(Command::TakeChair));
    assert_eq!(session(&app).interventions.len(), before + 1);
    pick(&mut app, "bouay");
    type_statement(&mut app, "thanked the Chair");
    chord_in_statement(&mut app, "c", Modifiers::CTRL | Modifiers::SHIFT);
    let s = session(&app);
    assert_eq!(s.interventions.last().unwrap().kind, EntryKind::ChairTaken);
    // What was typed stays in the box for the new presiding officer's own words.
    assert_eq!(statement_text(&app).trim_end(), "thanked the Chair");
}

#[test]
fn ctrl_shift_l_starts_a_list_item_in_the_statement_box() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "bouay");
    type_statement(&mut app, "noted three priorities:");
    chord_in_statement(&mut app, "l", Modifiers::CTRL | Modifiers::SHIFT);
    assert_eq!(statement_text(&app), "noted three priorities:\n- ");
    // On an empty line it only adds the dash.
    type_statement(&mut app, "\n");
    chord_in_statement(&mut app, "l", Modifiers::CTRL | Modifiers::SHIFT);
    assert!(
        !statement_text(&app).contains("\n\n"),
        "{:?}",
        statement_text(&app)
    );
    // The picker's Ctrl+L is not taken for it.
    assert!(
        app.open.as_ref().unwrap().capture.picked.is_some(),
        "the speaker stays picked"
    );
}

#[test]
fn a_step_logged_with_the_wrong_key_is_put_right_in_the_correction_panel() {
    use rapporteur::ui::capture::correction;
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "bouay");
    type_statement(&mut app, "stressed the role of monitoring");
    // Ctrl+D pressed where Ctrl+Enter was meant.
    chord_in_statement(&mut app, "d", Modifiers::CTRL);
    let id = session(&app).interventions.last().unwrap().id;
    assert_eq!(
        session(&app).interventions.last().unwrap().kind,
        EntryKind::Decision
    );
    interact(&mut app, |ui| {
        ui.click("DECISION: stressed the role of monitoring")
            .unwrap();
    });
    assert_eq!(
        app.open
            .as_ref()
            .unwrap()
            .capture
            .correction
            .as_ref()
            .unwrap()
            .kind,
        EntryKind::Decision,
        "the panel holds what the entry is"
    );
    let statement = rapporteur::ui::choices::Labelled::new(EntryKind::Statement, "Statement");
    for message in [
        correction::Message::Kind(statement),
        correction::Message::Save,
    ] {
        support::ui::update(
            &mut app,
            Message::Capture(rapporteur::ui::capture::Message::Correction(message)),
        );
    }
    let logged = session(&app).intervention(id).unwrap();
    assert_eq!(logged.kind, EntryKind::Statement);
    assert_eq!(logged.text, "stressed the role of monitoring");
}

#[test]
fn ctrl_shift_p_starts_a_position_on_the_latest_decision() {
    let Fixture { mut app, _dir, .. } = demo_app();
    // No decision yet: nothing is typed.
    pick(&mut app, "bouay");
    type_statement(&mut app, "agreed.");
    chord_in_statement(&mut app, "p", Modifiers::CTRL | Modifiers::SHIFT);
    assert_eq!(statement_text(&app).trim_end(), "agreed.");
    // Two commitments logged: a position goes to the second.
    app.open.as_mut().unwrap().session.report.decision_label = "Commitment".into();
    let _ = app.update(Message::Command(Command::Undo));
    for text in ["States commit to report", "States commit to meet"] {
        pick(&mut app, "bouay");
        type_statement(&mut app, text);
        chord_in_statement(&mut app, "d", Modifiers::CTRL);
    }
    pick(&mut app, "bouay");
    type_statement(&mut app, "welcomed both.");
    chord_in_statement(&mut app, "p", Modifiers::CTRL | Modifiers::SHIFT);
    assert_eq!(statement_text(&app), "welcomed both.\n- Commitment 2: ");
}
