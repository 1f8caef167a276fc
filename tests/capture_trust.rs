//! The capture screen in a live meeting: no key puts a phantom or misattributed
//! statement into the record without a question, and every step is one Ctrl+Z from
//! undone. Through the real views (iced_test's Simulator) and the root's key handling.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use support::ui::{Fixture, demo_app, interact, key_event, pick, type_statement, update};

use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::selector::id;

use rapporteur::core::speakers::InscriptionStatus;
use rapporteur::core::{Intervention, Session};
use rapporteur::ui::app::{App, Message};
use rapporteur::ui::capture::{self, Question};

fn session(app: &App) -> &Session {
    &app.open.as_ref().unwrap().session
}

fn capture(app: &App) -> &capture::Capture {
    &app.open.as_ref().unwrap().capture
}

fn picked(app: &App) -> Option<String> {
    let s = session(app);
    capture(app)
        .picked
        .as_ref()
        .map(|p| s.speaker_label(&p.speaker))
}

fn box_text(app: &App) -> String {
    capture(app).draft().text
}

fn last(app: &App) -> Intervention {
    (**session(app).interventions.last().unwrap()).clone()
}

fn count(app: &App) -> usize {
    session(app).interventions.len()
}

fn status_of(app: &App, delegation: &str) -> InscriptionStatus {
    let s = session(app);
    s.inscriptions
        .iter()
        .find(|i| s.speaker_label(&i.speaker) == delegation)
        .unwrap()
        .status
}

/// A key no widget took, as the window's subscription hands it to the root.
fn key(app: &mut App, key: Key, modifiers: Modifiers) {
    update(app, Message::Key(key, modifiers));
}

fn named(app: &mut App, n: Named) {
    key(app, Key::Named(n), Modifiers::empty());
}

fn ctrl(app: &mut App, c: &str) {
    key(app, Key::Character(c.into()), Modifiers::CTRL);
}

fn ctrl_shift(app: &mut App, c: &str) {
    key(
        app,
        Key::Character(c.into()),
        Modifiers::CTRL | Modifiers::SHIFT,
    );
}

/// Clicks the statement box, types, and presses Ctrl+Enter there.
fn type_and_log(app: &mut App, text: &str) {
    interact(app, |ui| {
        ui.click(id("statement")).unwrap();
        ui.typewrite(text);
        ui.simulate([key_event(Key::Named(Named::Enter), Modifiers::CTRL)]);
    });
}

#[test]
fn ctrl_enter_in_the_statement_logs_it_even_with_a_correction_open() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let corrected = session(&app).interventions[0].clone();
    pick(&mut app, "argen");
    // The note-taker opens an earlier statement to correct it, then goes on typing.
    update(
        &mut app,
        Message::Capture(capture::Message::Open(corrected.id)),
    );
    assert!(capture(&app).correction.is_some());
    let before = count(&app);
    type_and_log(&mut app, "supported the call for prevention");
    assert_eq!(count(&app), before + 1, "the statement was logged");
    assert_eq!(last(&app).text, "supported the call for prevention");
    assert_eq!(
        session(&app).speaker_label(&last(&app).speaker),
        "Argentina"
    );
    assert_eq!(box_text(&app), "", "the box is ready for the next speaker");
    assert_eq!(
        session(&app).intervention(corrected.id),
        Some(&*corrected),
        "the correction was not saved by the statement's Ctrl+Enter"
    );
}

#[test]
fn an_empty_ctrl_enter_asks_and_escape_logs_nothing() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "argen");
    let before = count(&app);
    type_and_log(&mut app, "");
    assert_eq!(capture(&app).question, Some(Question::Empty));
    assert_eq!(count(&app), before);
    // A second Ctrl+Enter does not answer for the note-taker.
    key(&mut app, Key::Named(Named::Enter), Modifiers::CTRL);
    assert_eq!(count(&app), before);
    assert_eq!(capture(&app).question, Some(Question::Empty));
    named(&mut app, Named::Escape);
    assert_eq!(capture(&app).question, None);
    assert_eq!(count(&app), before);
    assert_eq!(status_of(&app, "Argentina"), InscriptionStatus::Pending);
    // What is typed next goes to the same speaker, and logs.
    type_and_log(&mut app, "took note");
    assert_eq!(count(&app), before + 1);
    assert_eq!(last(&app).text, "took note");
    assert_eq!(status_of(&app, "Argentina"), InscriptionStatus::Spoke);
}

#[test]
fn an_empty_statement_is_logged_only_when_enter_confirms_it() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "argen");
    let before = count(&app);
    type_and_log(&mut app, "   ");
    assert_eq!(capture(&app).question, Some(Question::Empty));
    named(&mut app, Named::Enter);
    assert_eq!(count(&app), before + 1);
    assert_eq!(last(&app).text, "");
    assert_eq!(picked(&app), None);
}

#[test]
fn ctrl_enter_in_the_picker_with_nobody_picked_picks_nobody() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let before = count(&app);
    update(&mut app, Message::Modifiers(Modifiers::CTRL));
    interact(&mut app, |ui| {
        ui.click(id("picker")).unwrap();
        ui.tap_key(Named::Enter);
    });
    update(&mut app, Message::Modifiers(Modifiers::empty()));
    assert_eq!(
        picked(&app),
        None,
        "the next speaker on the list was not picked"
    );
    assert_eq!(count(&app), before);
}

#[test]
fn a_stray_enter_in_an_empty_picker_picks_nobody_unless_meant() {
    let Fixture { mut app, _dir, .. } = demo_app();
    // With nobody left on the list of speakers, the top of the picker is just the first
    // name in order.
    let open = app.open.as_mut().unwrap();
    for i in &mut open.session.inscriptions {
        i.status = InscriptionStatus::Spoke;
    }
    open.revision = open.revision.next();
    update(&mut app, Message::Tick);
    pick(&mut app, "");
    assert_eq!(picked(&app), None);
    // Moving the selection means it.
    interact(&mut app, |ui| {
        ui.click(id("picker")).unwrap();
    });
    named(&mut app, Named::ArrowDown);
    interact(&mut app, |ui| {
        ui.click(id("picker")).unwrap();
        ui.tap_key(Named::Enter);
    });
    assert!(picked(&app).is_some());
}

#[test]
fn the_next_speaker_on_the_list_is_picked_by_enter_in_the_empty_picker() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "");
    assert_eq!(picked(&app).as_deref(), Some("Argentina"));
}

#[test]
fn picking_someone_else_with_text_in_the_box_asks_where_it_goes() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let before = count(&app);
    pick(&mut app, "argen");
    type_statement(&mut app, "called for accountability");
    pick(&mut app, "cairo");
    assert!(matches!(capture(&app).question, Some(Question::Switch(_))));
    assert_eq!(
        picked(&app).as_deref(),
        Some("Argentina"),
        "nothing moved yet"
    );
    assert_eq!(box_text(&app), "called for accountability");
    // Enter: the text was Argentina's; it is logged for them, then Cairo is picked.
    named(&mut app, Named::Enter);
    assert_eq!(count(&app), before + 1);
    assert_eq!(last(&app).text, "called for accountability");
    assert_eq!(
        session(&app).speaker_label(&last(&app).speaker),
        "Argentina"
    );
    assert_ne!(picked(&app).as_deref(), Some("Argentina"));
    assert!(picked(&app).is_some());
    assert_eq!(box_text(&app), "");
}

#[test]
fn text_typed_for_the_wrong_speaker_moves_to_the_right_one() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let before = count(&app);
    pick(&mut app, "argen");
    type_statement(&mut app, "welcomed the report");
    let started = capture(&app).started_at;
    pick(&mut app, "cairo");
    key(&mut app, Key::Character("m".into()), Modifiers::empty());
    assert_eq!(count(&app), before, "nothing logged");
    assert_ne!(picked(&app).as_deref(), Some("Argentina"));
    assert_eq!(box_text(&app), "welcomed the report");
    assert_eq!(capture(&app).started_at, started, "the clock is kept");
    // Escape on the question instead keeps everything as it was.
    pick(&mut app, "argen");
    let now = picked(&app);
    named(&mut app, Named::Escape);
    assert_eq!(picked(&app), now);
    assert_eq!(box_text(&app), "welcomed the report");
}

#[test]
fn discarded_text_comes_back_with_ctrl_z() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "argen");
    type_statement(&mut app, "a false start");
    pick(&mut app, "cairo");
    key(&mut app, Key::Character("d".into()), Modifiers::empty());
    assert_eq!(box_text(&app), "");
    assert_ne!(picked(&app).as_deref(), Some("Argentina"));
    ctrl(&mut app, "z");
    assert_eq!(box_text(&app), "a false start");
    assert_eq!(picked(&app).as_deref(), Some("Argentina"));
}

#[test]
fn ctrl_z_takes_back_a_logged_statement_with_its_tick_and_redo_logs_it_again() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    let before = count(&app);
    // Picked from the list of speakers, so logging ticks Argentina as spoken.
    let argentina = session(&app)
        .inscriptions
        .iter()
        .find(|i| i.status == InscriptionStatus::Pending)
        .unwrap()
        .id;
    update(
        &mut app,
        Message::Capture(capture::Message::PickInscription(argentina)),
    );
    type_and_log(&mut app, "thanked the panellists");
    assert_eq!(count(&app), before + 1);
    assert_eq!(status_of(&app, "Argentina"), InscriptionStatus::Spoke);

    ctrl(&mut app, "z");
    assert_eq!(count(&app), before, "the statement left the log");
    assert_eq!(status_of(&app, "Argentina"), InscriptionStatus::Pending);
    assert_eq!(
        box_text(&app),
        "thanked the panellists",
        "and is back in the box"
    );
    assert_eq!(picked(&app).as_deref(), Some("Argentina"));
    assert!(
        capture(&app)
            .undone
            .as_deref()
            .is_some_and(|u| u.contains("logging the statement of Argentina")),
        "the log says what was undone: {:?}",
        capture(&app).undone
    );
    app.settle();
    assert_eq!(support::read_session(&path).interventions.len(), before);

    ctrl_shift(&mut app, "z");
    assert_eq!(count(&app), before + 1);
    assert_eq!(last(&app).text, "thanked the panellists");
    assert_eq!(status_of(&app, "Argentina"), InscriptionStatus::Spoke);
    assert_eq!(box_text(&app), "");
    app.settle();
    assert_eq!(support::read_session(&path).interventions.len(), before + 1);
}

#[test]
fn a_deletion_and_a_reattribution_are_undone_in_place() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let original: Vec<Intervention> = session(&app)
        .interventions
        .iter()
        .map(|i| (**i).clone())
        .collect();
    let third = original[2].clone();
    update(&mut app, Message::Capture(capture::Message::Open(third.id)));
    update(
        &mut app,
        Message::Capture(capture::Message::Correction(
            rapporteur::ui::capture::correction::Message::ConfirmDelete(true),
        )),
    );
    assert!(session(&app).intervention(third.id).is_none());
    ctrl(&mut app, "z");
    let now: Vec<Intervention> = session(&app)
        .interventions
        .iter()
        .map(|i| (**i).clone())
        .collect();
    assert_eq!(now, original, "back in its place");
    ctrl(&mut app, "y");
    assert!(session(&app).intervention(third.id).is_none());

    // The first statement re-attributed to another speaker, then undone.
    use rapporteur::ui::capture::correction::Message as Fix;
    let first = original[0].clone();
    update(&mut app, Message::Capture(capture::Message::Open(first.id)));
    for message in [
        Fix::PickerInput("argentina".into()),
        Fix::PickerSubmit,
        Fix::Save,
    ] {
        update(
            &mut app,
            Message::Capture(capture::Message::Correction(message)),
        );
    }
    let moved = session(&app).intervention(first.id).unwrap().clone();
    assert_eq!(session(&app).speaker_label(&moved.speaker), "Argentina");
    assert_eq!(status_of(&app, "Argentina"), InscriptionStatus::Spoke);
    ctrl(&mut app, "z");
    assert_eq!(session(&app).intervention(first.id), Some(&first));
    assert_eq!(status_of(&app, "Argentina"), InscriptionStatus::Pending);
}

#[test]
fn ctrl_z_in_the_statement_box_takes_back_the_last_word() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "argen");
    type_statement(&mut app, "expressed deep concern");
    interact(&mut app, |ui| {
        ui.click(id("statement")).unwrap();
        ui.simulate([key_event(Key::Character("z".into()), Modifiers::CTRL)]);
    });
    assert_eq!(box_text(&app), "expressed deep ");
    ctrl(&mut app, "z");
    ctrl(&mut app, "z");
    assert_eq!(box_text(&app), "");
    assert_eq!(picked(&app).as_deref(), Some("Argentina"));
    ctrl(&mut app, "z");
    assert_eq!(picked(&app), None, "then the pick itself");
    ctrl(&mut app, "z");
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("Nothing to undo")),
    );
}

#[test]
fn the_question_is_on_screen_with_its_keys() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "argen");
    type_and_log(&mut app, "");
    interact(&mut app, |ui| {
        ui.find("Enter: log “took the floor”").unwrap();
        ui.click("Esc: back to the statement").unwrap();
    });
    assert_eq!(capture(&app).question, None);
}

mod generated {
    //! Any run of capture steps, then Ctrl+Z until nothing is left: the log and the list
    //! of speakers are as they were before; Ctrl+Shift+Z until nothing is left: as they
    //! were after.

    use super::*;
    use iced::widget::text_editor::{Action, Edit};
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Pick(&'static str),
        Type(&'static str),
        Log,
        Answer(&'static str),
        Delete(usize),
        Reattribute(usize, &'static str),
    }

    fn step() -> impl Strategy<Value = Step> {
        let who = prop::sample::select(vec!["argen", "cairo", "bouay", "chile", "fiji", ""]);
        prop_oneof![
            3 => who.clone().prop_map(Step::Pick),
            4 => prop::sample::select(vec!["noted ", "the ", "report.", "  ", "\n"]).prop_map(Step::Type),
            3 => Just(Step::Log),
            2 => prop::sample::select(vec!["enter", "escape", "m", "d"]).prop_map(Step::Answer),
            1 => (0usize..20).prop_map(Step::Delete),
            1 => ((0usize..20), who).prop_map(|(n, w)| Step::Reattribute(n, w)),
        ]
    }

    fn run(app: &mut App, step: &Step) {
        let c = |m: capture::Message| Message::Capture(m);
        match step {
            Step::Pick(query) => {
                update(app, c(capture::Message::PickerInput((*query).into())));
                update(app, c(capture::Message::PickerSubmit));
            }
            Step::Type(text) => {
                for ch in text.chars() {
                    let edit = if ch == '\n' {
                        Edit::Enter
                    } else {
                        Edit::Insert(ch)
                    };
                    update(app, c(capture::Message::Statement(Action::Edit(edit))));
                }
            }
            Step::Log => update(app, c(capture::Message::Commit)),
            Step::Answer(k) => {
                let key = match *k {
                    "enter" => Key::Named(Named::Enter),
                    "escape" => Key::Named(Named::Escape),
                    other => Key::Character(other.into()),
                };
                update(app, Message::Key(key, Modifiers::empty()));
            }
            Step::Delete(n) | Step::Reattribute(n, _) => {
                let list = &session(app).interventions;
                let Some(id) = list.get(n % list.len().max(1)).map(|i| i.id) else {
                    return;
                };
                update(app, c(capture::Message::Open(id)));
                use rapporteur::ui::capture::correction::Message as Fix;
                let fixes = match step {
                    Step::Reattribute(_, who) => {
                        vec![
                            Fix::PickerInput((*who).into()),
                            Fix::PickerSubmit,
                            Fix::Save,
                        ]
                    }
                    _ => vec![Fix::ConfirmDelete(true)],
                };
                for fix in fixes {
                    update(app, c(capture::Message::Correction(fix)));
                }
                update(app, c(capture::Message::Correction(Fix::Cancel)));
            }
        }
    }

    type State = (Vec<Intervention>, Vec<rapporteur::core::Inscription>);

    fn state(app: &App) -> State {
        let s = session(app);
        (
            s.interventions.iter().map(|i| (**i).clone()).collect(),
            s.inscriptions.clone(),
        )
    }

    /// Presses `keys` until the screen says there is nothing left to take back or redo.
    fn exhaust(app: &mut App, redo: bool) {
        for _ in 0..2_000 {
            app.notice = None;
            if redo {
                ctrl_shift(app, "z");
            } else {
                ctrl(app, "z");
            }
            if app
                .notice
                .as_ref()
                .is_some_and(|n| n.text.starts_with("Nothing to"))
            {
                return;
            }
        }
        panic!("the history never ran out");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn undo_all_gives_the_log_before_and_redo_all_the_log_after(
            steps in prop::collection::vec(step(), 1..30)
        ) {
            let Fixture { mut app, _dir, .. } = demo_app();
            let before = state(&app);
            for step in &steps {
                run(&mut app, step);
            }
            let after = state(&app);
            let typed = box_text(&app);
            exhaust(&mut app, false);
            prop_assert_eq!(&state(&app), &before);
            prop_assert_eq!(box_text(&app), "");
            prop_assert_eq!(picked(&app), None);
            exhaust(&mut app, true);
            prop_assert_eq!(&state(&app), &after);
            prop_assert_eq!(box_text(&app), typed.trim_end_matches('\n'));
        }
    }
}

#[test]
fn ctrl_enter_in_the_correction_saves_it_and_logs_nothing() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "argen");
    type_statement(&mut app, "half a statement");
    let first = session(&app).interventions[0].id;
    update(&mut app, Message::Capture(capture::Message::Open(first)));
    let before = count(&app);
    interact(&mut app, |ui| {
        ui.click(id(rapporteur::ui::capture::correction::TEXT))
            .unwrap();
        ui.typewrite(" Corrected.");
        ui.simulate([key_event(Key::Named(Named::Enter), Modifiers::CTRL)]);
    });
    assert_eq!(
        count(&app),
        before,
        "the statement being typed was not logged"
    );
    assert!(
        capture(&app).correction.is_none(),
        "the correction was saved and closed"
    );
    assert!(
        session(&app)
            .intervention(first)
            .unwrap()
            .text
            .ends_with(" Corrected.")
    );
    assert_eq!(box_text(&app), "half a statement");
    assert_eq!(picked(&app).as_deref(), Some("Argentina"));
}

#[test]
fn a_notice_moves_no_control() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let bounds = |app: &App| {
        let mut ui = support::ui::simulator(app);
        let picker = ui.find(id("picker")).unwrap().visible_bounds().unwrap();
        let statement = ui.find(id("statement")).unwrap().visible_bounds().unwrap();
        (picker, statement)
    };
    let before = bounds(&app);
    update(
        &mut app,
        Message::Command(rapporteur::ui::shortcuts::Command::Save),
    );
    // "Saved." comes with the writer's report.
    app.settle();
    assert!(app.notice.is_some());
    support::ui::simulator(&app)
        .find("Saved.")
        .expect("the notice is on screen");
    assert_eq!(bounds(&app), before);
}

#[test]
fn an_organization_without_a_named_delegate_is_the_speaker_with_the() {
    let Fixture { mut app, _dir, .. } = demo_app();
    update(
        &mut app,
        Message::Capture(capture::Message::PickerInput(
            "International Service for Human Rights".into(),
        )),
    );
    // "+ New organization" is offered, by the keyboard: Up from the end of the list.
    let choices = &capture(&app).picker.choices;
    let at = choices
        .iter()
        .position(|c| matches!(c, rapporteur::ui::picker::Choice::NewOrganization(_)))
        .expect("offered");
    assert_eq!(at, choices.len() - 1);
    for _ in 0..at {
        named(&mut app, Named::ArrowDown);
    }
    update(&mut app, Message::Capture(capture::Message::PickerSubmit));
    let form = capture(&app).new_person.as_ref().expect("the form opens");
    assert_eq!(form.name, "");
    assert_eq!(form.delegation, "International Service for Human Rights");
    support::ui::simulator(&app)
        .find("Printed: the representative of the International Service for Human Rights")
        .expect("the form says how it will read");
    // No name is known: Enter picks the organization itself.
    interact(&mut app, |ui| {
        ui.click(id(rapporteur::ui::person_form::NAME)).unwrap();
        ui.tap_key(Named::Enter);
    });
    assert_eq!(
        picked(&app).as_deref(),
        Some("the International Service for Human Rights")
    );
    type_and_log(&mut app, "highlighted the situation of defenders");
    let report = rapporteur::report::assemble::assemble(
        session(&app),
        &rapporteur::report::assemble::Options::default(),
    );
    let text = rapporteur::report::markdown::to_text(&report);
    assert!(
        text.contains(
            "The representative of the International Service for Human Rights highlighted"
        ),
        "{text}"
    );
}

#[test]
fn the_person_form_still_wants_a_name_title_or_organization() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "Nobody Known");
    interact(&mut app, |ui| {
        ui.click(id(rapporteur::ui::person_form::NAME)).unwrap();
        ui.typewrite(""); // the name was filled from the picker: clear it
    });
    update(
        &mut app,
        Message::Capture(capture::Message::NewPerson(
            rapporteur::ui::person_form::Message::Name(String::new()),
        )),
    );
    update(
        &mut app,
        Message::Capture(capture::Message::NewPerson(
            rapporteur::ui::person_form::Message::Create,
        )),
    );
    let form = capture(&app).new_person.as_ref().expect("still open");
    assert_eq!(
        form.error.as_deref(),
        Some("Give a name, a title or an organization.")
    );
    assert_eq!(picked(&app), None);
}

#[test]
fn ctrl_b_chooses_the_group_by_typing_and_ctrl_z_takes_it_back() {
    let Fixture { mut app, _dir, .. } = demo_app();
    ctrl(&mut app, "b");
    assert!(
        capture(&app).behalf.is_none(),
        "nobody picked: nothing to say"
    );
    pick(&mut app, "argen");
    type_statement(&mut app, "spoke for the group");
    ctrl(&mut app, "b");
    assert!(capture(&app).behalf.is_some());
    interact(&mut app, |ui| {
        ui.click(id(capture::BEHALF)).unwrap();
        ui.typewrite("friends");
    });
    let shown = support::ui::simulator(&app)
        .find("› on behalf of the Group of Friends of the Responsibility to Protect")
        .is_ok();
    assert!(shown, "the group reads with its article");
    interact(&mut app, |ui| {
        ui.click(id(capture::BEHALF)).unwrap();
        ui.tap_key(Named::Enter);
    });
    assert!(capture(&app).behalf.is_none());
    let friends = session(&app)
        .groups
        .iter()
        .find(|g| g.name.contains("Friends"))
        .unwrap()
        .id;
    let on_behalf = |app: &App| capture(app).picked.as_ref().unwrap().on_behalf_of;
    assert_eq!(on_behalf(&app), Some(friends));
    assert_eq!(box_text(&app), "spoke for the group", "the text stays");
    ctrl(&mut app, "z");
    assert_eq!(on_behalf(&app), None);
    ctrl_shift(&mut app, "z");
    type_and_log(&mut app, "");
    assert_eq!(last(&app).on_behalf_of, Some(friends));
    assert_eq!(last(&app).text, "spoke for the group");
}

#[test]
fn picking_the_same_speaker_again_keeps_the_text_and_the_clock() {
    let Fixture { mut app, _dir, .. } = demo_app();
    pick(&mut app, "argen");
    type_statement(&mut app, "was still speaking");
    let started = capture(&app).started_at;
    app.open.as_mut().unwrap().capture.now += chrono::Duration::seconds(30);
    pick(&mut app, "argen");
    assert_eq!(capture(&app).question, None, "nothing to ask");
    assert_eq!(box_text(&app), "was still speaking");
    assert_eq!(capture(&app).started_at, started);
}
