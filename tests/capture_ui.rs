//! Headless tests of the real views with iced_test's Simulator: click and type as a user,
//! feed the produced messages to the app, check the session and the file on disk.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use support::ui::{
    Fixture, demo_app, interact, key_event, pick, simulator, type_statement, update,
};

use iced::Event;
use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::selector::id;

use rapporteur::core::demo::demo_session;
use rapporteur::core::intervention::Speaker;
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Asked, Launch, Message, Screen};
use rapporteur::ui::dialogs::ScriptedDialogs;
use rapporteur::ui::shortcuts::Command;

/// Clicks a row of the log to correct it.
fn open_correction(app: &mut App, row_text: &str) {
    interact(app, |ui| {
        ui.click(row_text).unwrap();
    });
}

fn ctrl_enter() -> Event {
    key_event(Key::Named(Named::Enter), Modifiers::CTRL)
}

fn session(app: &App) -> &rapporteur::core::Session {
    &app.open.as_ref().unwrap().session
}

fn picked(app: &App) -> Option<Speaker> {
    app.open
        .as_ref()
        .unwrap()
        .capture
        .picked
        .as_ref()
        .map(|p| p.speaker.clone())
}

/// The id of the logged intervention whose text starts so.
fn logged_id(app: &App, start: &str) -> u64 {
    session(app)
        .interventions
        .iter()
        .find(|i| i.text.starts_with(start))
        .unwrap()
        .id
}

fn participant_named(app: &App, family: &str) -> u32 {
    session(app)
        .participants
        .iter()
        .find(|p| p.family_name == family)
        .unwrap()
        .id
}

#[test]
fn pick_by_typing_write_commit_and_see_it_listed() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    let before = session(&app).interventions.len();

    pick(&mut app, "bouay");
    assert_eq!(
        picked(&app),
        Some(Speaker::Participant(participant_named(&app, "Bouayach")))
    );

    interact(&mut app, |ui| {
        ui.find("Amina Bouayach (National Human Rights Council of Morocco)")
            .expect("the picked speaker is shown");
        ui.click(id("statement")).unwrap();
        ui.typewrite("stressed the role of monitoring");
        ui.simulate([ctrl_enter()]);
    });

    let s = session(&app);
    assert_eq!(s.interventions.len(), before + 1);
    let logged = s.interventions.last().unwrap();
    assert_eq!(logged.text, "stressed the role of monitoring");
    assert_eq!(
        logged.speaker,
        Speaker::Participant(participant_named(&app, "Bouayach"))
    );
    assert_eq!(
        picked(&app),
        None,
        "the form is cleared for the next speaker"
    );
    // Durable: the file on disk already has it.
    app.settle();
    let on_disk = support::read_session(&path);
    assert_eq!(
        on_disk.interventions.last().unwrap().text,
        "stressed the role of monitoring"
    );

    let mut ui = simulator(&app);
    ui.find("stressed the role of monitoring")
        .expect("the new intervention is listed");
}

#[test]
fn the_next_inscription_is_preselected_and_arrows_move() {
    let Fixture { mut app, .. } = demo_app();
    // Enter on an empty picker takes the next speaker on the list (Argentina).
    interact(&mut app, |ui| {
        ui.click(id("picker")).unwrap();
        ui.tap_key(Named::Enter);
    });
    assert_eq!(picked(&app), Some(Speaker::Delegation("argentina".into())));

    // Down (a key the picker leaves to the app) then Enter picks the second choice.
    let _ = app.update(Message::Key(
        Key::Named(Named::ArrowDown),
        Modifiers::empty(),
    ));
    interact(&mut app, |ui| {
        ui.click(id("picker")).unwrap();
        ui.tap_key(Named::Enter);
    });
    assert_eq!(picked(&app), Some(Speaker::Delegation("australia".into())));
}

#[test]
fn segment_switches_from_the_keyboard_and_is_shown() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    assert_eq!(session(&app).current_segment, 3);
    let _ = app.update(Message::Key(Key::Named(Named::PageDown), Modifiers::CTRL));
    simulator(&app)
        .find("Segment: Concluding remarks")
        .expect("segment shown");
    let _ = app.update(Message::Key(Key::Named(Named::PageUp), Modifiers::CTRL));
    let _ = app.update(Message::Key(Key::Named(Named::PageUp), Modifiers::CTRL));
    simulator(&app)
        .find("Segment: Panel discussion")
        .expect("segment shown");
    app.settle();
    assert_eq!(
        support::read_session(&path).current_segment,
        2,
        "the segment is saved too"
    );
}

#[test]
fn reattribute_an_earlier_intervention() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    let target = logged_id(&app, "was finalizing");
    open_correction(&mut app, "was finalizing a manual on atrocity prevention.");
    assert!(app.open.as_ref().unwrap().capture.correction.is_some());
    interact(&mut app, |ui| {
        ui.click(id("correction-picker")).unwrap();
        ui.typewrite("liecht");
        ui.tap_key(Named::Enter);
    });
    interact(&mut app, |ui| {
        ui.find("Liechtenstein")
            .expect("new speaker shown in the panel");
        ui.click("Save correction (Ctrl+Enter)").unwrap();
    });
    app.settle();
    let corrected = session(&app).intervention(target).unwrap();
    assert_eq!(
        corrected.speaker,
        Speaker::Delegation("liechtenstein".into())
    );
    assert_eq!(
        corrected.text,
        "was finalizing a manual on atrocity prevention."
    );
    assert_eq!(
        support::read_session(&path)
            .intervention(target)
            .unwrap()
            .speaker,
        corrected.speaker
    );
}

#[test]
fn a_footnote_is_attached_to_an_earlier_intervention() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    let target = logged_id(&app, "was finalizing");
    open_correction(&mut app, "was finalizing a manual on atrocity prevention.");
    interact(&mut app, |ui| {
        ui.click(id("correction-footnote")).unwrap();
        ui.typewrite("A/HRC/43/37.");
        ui.tap_key(Named::Enter);
    });
    interact(&mut app, |ui| {
        ui.find("Footnote: A/HRC/43/37.")
            .expect("listed in the panel");
        ui.click("Save correction (Ctrl+Enter)").unwrap();
    });
    app.settle();
    assert_eq!(
        support::read_session(&path)
            .intervention(target)
            .unwrap()
            .footnotes,
        ["A/HRC/43/37."]
    );
}

#[test]
fn delete_asks_for_confirmation() {
    let Fixture { mut app, .. } = demo_app();
    let count = session(&app).interventions.len();
    open_correction(&mut app, "was finalizing a manual on atrocity prevention.");
    interact(&mut app, |ui| {
        ui.click("Delete…").unwrap();
    });
    assert_eq!(
        session(&app).interventions.len(),
        count,
        "nothing deleted before confirming"
    );
    interact(&mut app, |ui| {
        ui.click("Keep").unwrap();
    });
    assert_eq!(session(&app).interventions.len(), count);
    interact(&mut app, |ui| {
        ui.click("Delete…").unwrap();
    });
    interact(&mut app, |ui| {
        ui.click("Delete").unwrap();
    });
    assert_eq!(session(&app).interventions.len(), count - 1);
}

#[test]
fn a_new_person_is_created_inline_and_picked() {
    let Fixture { mut app, .. } = demo_app();
    pick(&mut app, "Tomás Ruiz");
    assert!(
        app.open.as_ref().unwrap().capture.new_person.is_some(),
        "no match: the new-person choice is taken"
    );
    interact(&mut app, |ui| {
        ui.click(id("new-person-title")).unwrap();
        ui.typewrite("Director of Example Watch");
        ui.click(id("new-person-delegation")).unwrap();
        ui.typewrite("Peru");
        ui.tap_key(Named::Enter);
    });
    let s = session(&app);
    let person = s
        .participants
        .iter()
        .find(|p| p.family_name == "Ruiz")
        .expect("created");
    assert_eq!(person.given_names, "Tomás");
    assert_eq!(person.title, "Director of Example Watch");
    assert_eq!(person.delegation.as_deref(), Some("peru"));
    assert_eq!(picked(&app), Some(Speaker::Participant(person.id)));
}

#[test]
fn the_statement_being_typed_survives_a_crash() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    pick(&mut app, "peru");
    type_statement(&mut app, "half a sentence");
    let _ = app.update(Message::Tick);
    // The tick handed the draft to the writer thread; it is on disk once reported.
    app.settle();
    // A crash: the app is gone without closing.
    std::mem::forget(app);
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("meeting.json");
    std::fs::copy(&path, &copy).unwrap();
    let draft_name = |p: &std::path::Path| {
        p.with_file_name(format!(
            ".{}.draft",
            p.file_name().unwrap().to_string_lossy()
        ))
    };
    std::fs::copy(draft_name(&path), draft_name(&copy)).unwrap();
    let (store, reopened, draft) = Store::open(&copy).unwrap();
    let draft = draft.expect("the draft is recovered");
    assert_eq!(draft.text, "half a sentence");
    assert_eq!(draft.speaker, Some(Speaker::Delegation("peru".into())));
    let app = App::with_session(
        store,
        reopened,
        Some(draft),
        Box::new(ScriptedDialogs::default()),
    );
    assert_eq!(
        app.open.as_ref().unwrap().capture.draft().text,
        "half a sentence"
    );
}

#[test]
fn a_corrupt_file_gets_a_message_and_is_left_alone() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    let bytes = b"{\"format_version\": \"1.0\", \"interventions\": [";
    std::fs::write(&path, bytes).unwrap();
    let (app, _) = App::boot(
        Launch {
            path: Some(path.clone()),
            demo: false,
            device: None,
        },
        Box::new(ScriptedDialogs::default()),
    );
    assert!(app.open.is_none());
    let notice = app.notice.as_ref().expect("a message");
    assert!(
        notice.error && notice.text.contains("broken.json"),
        "{}",
        notice.text
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let mut ui = simulator(&app);
    ui.find("No session open").expect("start screen");
}

#[test]
fn a_second_window_on_the_same_session_is_refused() {
    let Fixture { app, path, _dir } = demo_app();
    let (second, _) = App::boot(
        Launch {
            path: Some(path.clone()),
            demo: false,
            device: None,
        },
        Box::new(ScriptedDialogs::default()),
    );
    assert!(second.open.is_none());
    assert!(second.notice.unwrap().text.contains("already open"));
    drop(app);
}

#[test]
fn meeting_screen_edits_are_saved_within_a_tick() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    let _ = app.update(Message::Key(Key::Character("4".into()), Modifiers::CTRL));
    assert_eq!(app.screen, Screen::Meeting);
    interact(&mut app, |ui| {
        ui.click("A/HRC/48/xx").unwrap();
        ui.tap_key(Named::End);
        ui.typewrite("9");
    });
    assert_eq!(session(&app).meeting.symbol, "A/HRC/48/xx9");
    assert!(app.needs_ticks(), "a pending save keeps the clock running");
    let _ = app.update(Message::Tick);
    app.settle();
    assert_eq!(support::read_session(&path).meeting.symbol, "A/HRC/48/xx9");
    assert!(
        !app.needs_ticks(),
        "nothing pending off the capture screen: no frames"
    );
}

#[test]
fn importing_a_list_of_speakers_through_the_dialog() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.json");
    let csv = dir.path().join("speakers.csv");
    std::fs::write(&csv, "delegation,status\nFiji,\nNarnia,\n").unwrap();
    let store = Store::create(&path, &demo_session()).unwrap();
    let dialogs = ScriptedDialogs {
        speakers: Some(csv.clone()),
        ..ScriptedDialogs::default()
    };
    let mut app = App::with_session(store, demo_session(), None, Box::new(dialogs));
    let count = session(&app).inscriptions.len();
    update(
        &mut app,
        Message::Meeting(rapporteur::ui::meeting::Message::ImportSpeakers),
    );
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("Narnia") && notice.text.contains("row 3"),
        "{}",
        notice.text
    );
    assert_eq!(session(&app).inscriptions.len(), count, "nothing imported");
    std::fs::write(&csv, "delegation,status\nFiji,\nTuvalu,not_delivered\n").unwrap();
    update(
        &mut app,
        Message::Meeting(rapporteur::ui::meeting::Message::ImportSpeakers),
    );
    assert_eq!(session(&app).inscriptions.len(), count + 2);
    app.settle();
    assert_eq!(support::read_session(&path).inscriptions.len(), count + 2);
}

#[test]
fn ctrl_enter_in_the_picker_logs_instead_of_picking_someone_else() {
    let Fixture { mut app, .. } = demo_app();
    pick(&mut app, "peru");
    type_statement(&mut app, "reported progress");
    let count = session(&app).interventions.len();
    // Back in the picker (Ctrl+L), the note-taker presses Ctrl+Enter.
    let _ = app.update(Message::Modifiers(Modifiers::CTRL));
    interact(&mut app, |ui| {
        ui.click(id("picker")).unwrap();
        ui.simulate([ctrl_enter()]);
    });
    let s = session(&app);
    assert_eq!(s.interventions.len(), count + 1);
    assert_eq!(
        s.interventions.last().unwrap().speaker,
        Speaker::Delegation("peru".into())
    );
    assert_eq!(s.interventions.last().unwrap().text, "reported progress");
}

#[test]
fn a_participant_is_corrected_on_the_meeting_screen() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    let _ = app.update(Message::Key(Key::Character("4".into()), Modifiers::CTRL));
    interact(&mut app, |ui| {
        ui.click("Savita Pawnday").unwrap();
    });
    interact(&mut app, |ui| {
        ui.click("Short title for later mentions, e.g. the High Commissioner")
            .unwrap();
        ui.typewrite("the moderator");
        ui.click("Save").unwrap();
    });
    let id = participant_named(&app, "Pawnday");
    let person = session(&app).participant(id).unwrap().clone();
    assert_eq!(person.short_title, "the moderator");
    assert_eq!(
        person.title,
        "Deputy Executive Director of the Global Centre for the Responsibility to Protect"
    );
    app.settle();
    assert_eq!(
        support::read_session(&path)
            .participant(id)
            .unwrap()
            .short_title,
        "the moderator"
    );
}

#[test]
fn the_report_preview_shows_numbered_paragraphs_and_exports_docx() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.json");
    let out = dir.path().join("report.docx");
    let store = Store::create(&path, &demo_session()).unwrap();
    let dialogs = ScriptedDialogs {
        export: Some(out.clone()),
        ..ScriptedDialogs::default()
    };
    let mut app = App::with_session(store, demo_session(), None, Box::new(dialogs));
    let _ = app.update(Message::Key(Key::Character("3".into()), Modifiers::CTRL));
    assert_eq!(app.screen, Screen::Preview);
    let last = app.open.as_ref().unwrap().preview.report.numbered().len();
    assert!(
        last > 15,
        "every intervention and the generated paragraphs are numbered"
    );
    {
        let mut ui = simulator(&app);
        ui.find("I.  Introduction").expect("chapter heading");
        ui.find("IV.  Interactive dialogue")
            .expect("chapter heading");
        // The boxed Summary comes first, then the numbered paragraphs as far as the
        // window shows them.
        ui.find("Summary").expect("the Summary");
        ui.find("10.").expect("a paragraph number");
    }
    interact(&mut app, |ui| {
        ui.click("Export DOCX…  Ctrl+E").unwrap();
    });
    let notice = app.notice.clone().unwrap();
    assert!(
        !notice.error && notice.text.contains("report.docx"),
        "{}",
        notice.text
    );
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip package");

    // The kind switches to minutes.
    let _ = app.update(Message::Preview(rapporteur::ui::preview::Message::Kind(
        rapporteur::ui::choices::Labelled::new(rapporteur::core::ReportKind::Minutes, "Minutes"),
    )));
    simulator(&app).find("Minutes").expect("minutes heading");
}

#[test]
fn an_export_that_cannot_be_written_says_so() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.json");
    let out = dir.path().join("no-such-folder").join("report.docx");
    let store = Store::create(&path, &demo_session()).unwrap();
    let dialogs = ScriptedDialogs {
        export: Some(out.clone()),
        ..ScriptedDialogs::default()
    };
    let mut app = App::with_session(store, demo_session(), None, Box::new(dialogs));
    update(
        &mut app,
        Message::Key(Key::Character("e".into()), Modifiers::CTRL),
    );
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.error
            && notice.text.contains("Could not export")
            && notice.text.contains("Nothing was written"),
        "{}",
        notice.text
    );
    assert!(!out.exists());
}

#[test]
fn council_members_are_set_by_un_name_and_change_the_limit() {
    use rapporteur::ui::meeting::{Field, Message as M};
    let Fixture { mut app, .. } = demo_app();
    let _ = app.update(Message::Meeting(M::Edit(
        Field::CouncilMembers,
        "Peru; Narnia".into(),
    )));
    assert!(
        !session(&app)
            .meeting
            .council_members
            .contains(&"peru".to_string()),
        "nothing applied while a name is unknown"
    );
    let _ = app.update(Message::Key(Key::Character("4".into()), Modifiers::CTRL));
    simulator(&app)
        .find("Expected UN names of States; not known: Narnia; not applied yet.")
        .expect("the problem is shown");
    let _ = app.update(Message::Meeting(M::Edit(
        Field::CouncilMembers,
        "Peru; Côte d'Ivoire".into(),
    )));
    let s = session(&app);
    assert_eq!(s.meeting.council_members, ["peru", "cote-d-ivoire"]);
    assert_eq!(s.speaking_limit(&Speaker::Delegation("peru".into())), 180);
    assert_eq!(s.speaking_limit(&Speaker::Delegation("cuba".into())), 120);
}

#[test]
fn opening_another_session_saves_and_releases_the_first() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.json");
    let second = dir.path().join("second.json");
    drop(
        Store::create(
            &second,
            &rapporteur::core::Session::new(
                "Second meeting",
                rapporteur::core::ReportKind::Minutes,
            ),
        )
        .unwrap(),
    );
    let store = Store::create(&first, &demo_session()).unwrap();
    let dialogs = ScriptedDialogs {
        open: Some(second.clone()),
        ..ScriptedDialogs::default()
    };
    let mut app = App::with_session(store, demo_session(), None, Box::new(dialogs));
    app.open.as_mut().unwrap().session.name = "Renamed before switching".into();
    update(
        &mut app,
        Message::Key(Key::Character("o".into()), Modifiers::CTRL),
    );
    assert_eq!(app.title(), "Rapporteur - Second meeting");
    app.settle();
    assert_eq!(
        support::read_session(&first).name,
        "Renamed before switching",
        "saved before closing"
    );
    assert!(
        Store::open(&first).is_ok(),
        "the first session's lock is released"
    );
    assert!(Store::open(&second).is_err(), "the second one is held");
}

#[test]
fn closing_the_window_saves_first() {
    use rapporteur::ui::meeting::{Field, Message as M};
    let Fixture {
        mut app,
        path,
        _dir,
    } = demo_app();
    // Typing in the meeting form waits for the next tick to be saved...
    let _ = app.update(Message::Meeting(M::Edit(Field::Venue, "Room XX".into())));
    app.settle();
    assert_ne!(support::read_session(&path).meeting.venue, "Room XX");
    // ...but a close request saves at once, before the window goes.
    let _ = app.update(Message::CloseRequested(iced::window::Id::unique()));
    app.settle();
    assert_eq!(support::read_session(&path).meeting.venue, "Room XX");
}

/// A dialog the person has not answered yet.
struct Unanswered;

impl rapporteur::ui::dialogs::Dialogs for Unanswered {
    fn open_session(&self) -> rapporteur::ui::dialogs::Chosen {
        Box::pin(std::future::pending())
    }
    fn new_session(&self) -> rapporteur::ui::dialogs::Chosen {
        Box::pin(std::future::pending())
    }
    fn import_speakers(&self) -> rapporteur::ui::dialogs::Chosen {
        Box::pin(std::future::pending())
    }
    fn export_report(&self, _suggested: &str) -> rapporteur::ui::dialogs::Chosen {
        Box::pin(std::future::pending())
    }
    fn team_folder(&self) -> rapporteur::ui::dialogs::Chosen {
        Box::pin(std::future::pending())
    }
}

#[test]
fn an_open_file_dialog_does_not_hold_up_the_window() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.json");
    let store = Store::create(&path, &demo_session()).unwrap();
    let mut app = App::with_session(store, demo_session(), None, Box::new(Unanswered));
    // Each returns at once with the dialog as a task still to run.
    for c in ["o", "n", "e"] {
        let task = app.update(Message::Key(Key::Character(c.into()), Modifiers::CTRL));
        assert!(task.units() > 0, "Ctrl+{c}: the dialog is a task");
    }
    // Meanwhile the note-taker goes on logging.
    pick(&mut app, "peru");
    type_statement(&mut app, "reported progress while a dialog was open");
    let _ = app.update(Message::Command(Command::Commit));
    assert!(
        session(&app)
            .interventions
            .iter()
            .any(|i| i.text == "reported progress while a dialog was open")
    );
    // A dialog that answers "cancelled" changes nothing.
    let before = app.title();
    for asked in [
        Asked::Open,
        Asked::New,
        Asked::SaveAs,
        Asked::Export,
        Asked::ImportSpeakers,
    ] {
        let _ = app.update(Message::Chosen(asked, None));
    }
    assert_eq!(app.title(), before);
    assert!(app.notice.as_ref().is_none_or(|n| !n.error));
}

#[test]
fn a_slip_in_a_typed_name_picks_the_registered_person_not_a_new_one() {
    let Fixture { mut app, .. } = demo_app();
    let people = session(&app).participants.len();
    pick(&mut app, "Buoayach");
    assert_eq!(
        picked(&app),
        Some(Speaker::Participant(participant_named(&app, "Bouayach")))
    );
    assert!(app.open.as_ref().unwrap().capture.new_person.is_none());
    assert_eq!(session(&app).participants.len(), people);
}

/// F1 names the version and the commit the program was built from, as `--version` does.
#[test]
fn the_help_overlay_names_the_version_and_the_commit() {
    let Fixture { mut app, _dir, .. } = demo_app();
    let _ = app.update(Message::Key(Key::Named(Named::F1), Modifiers::empty()));
    let line = format!("Rapporteur {}", rapporteur::VERSION);
    assert!(
        line.contains(" (commit ") && !line.contains("unknown"),
        "{line}"
    );
    simulator(&app)
        .find(line.as_str())
        .expect("the version line in the help overlay");
}
