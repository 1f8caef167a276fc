//! Two windows on one team folder (two devices): what one logs, the other shows after a
//! tick; a statement both correct at once is marked in the log and in the correction
//! panel, and saving a correction settles the mark.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use iced::keyboard::{Key, Modifiers};
use rapporteur::core::demo::demo_session;
use rapporteur::storage::team::Device;
use rapporteur::storage::team::session::TeamSession;
use rapporteur::ui::app::{App, Launch, Message};
use rapporteur::ui::dialogs::ScriptedDialogs;
use rapporteur::ui::meeting;
use support::ui::{simulator, update};

fn window(folder: &std::path::Path, device: &str) -> App {
    let (app, _) = App::boot(
        Launch {
            path: Some(folder.to_path_buf()),
            demo: false,
            device: Some(device.into()),
        },
        Box::new(ScriptedDialogs::default()),
    );
    assert!(app.open.is_some(), "{:?}", app.notice);
    app
}

fn ctrl_shift(app: &mut App, key: &str) {
    update(
        app,
        Message::Key(
            Key::Character(key.into()),
            Modifiers::CTRL | Modifiers::SHIFT,
        ),
    );
}

/// The statement as the window holds it.
fn statement(app: &App, id: u64) -> rapporteur::core::Intervention {
    app.open
        .as_ref()
        .unwrap()
        .session
        .intervention(id)
        .cloned()
        .unwrap()
}

fn ctrl(app: &mut App, key: &str) {
    update(
        app,
        Message::Key(Key::Character(key.into()), Modifiers::CTRL),
    );
}

/// A message to the correction panel open on the capture screen.
fn panel(message: rapporteur::ui::capture::correction::Message) -> Message {
    Message::Capture(rapporteur::ui::capture::Message::Correction(message))
}

/// Types `text` in the correction panel's text box from `at`.
fn panel_type(app: &mut App, at: iced::widget::text_editor::Motion, text: &str) {
    use iced::widget::text_editor::{Action, Edit};
    use rapporteur::ui::capture::correction::Message::Text;
    update(app, panel(Text(Action::Move(at))));
    for c in text.chars() {
        update(app, panel(Text(Action::Edit(Edit::Insert(c)))));
    }
}

/// The demo shared in a fresh folder (by RS), open in two windows: AB and CD.
fn two_windows() -> (tempfile::TempDir, std::path::PathBuf, App, App) {
    two_windows_on(&demo_session())
}

fn two_windows_on(
    session: &rapporteur::core::session::Session,
) -> (tempfile::TempDir, std::path::PathBuf, App, App) {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("team");
    TeamSession::share(session, &folder, Device::this_run(Some("RS"))).unwrap();
    let a = window(&folder, "AB");
    let b = window(&folder, "CD");
    (dir, folder, a, b)
}

fn log(app: &mut App, text: &str) -> u64 {
    let open = app.open.as_mut().unwrap();
    let now = chrono::Utc::now();
    let id = open
        .session
        .commit(rapporteur::core::session::NewIntervention {
            speaker: rapporteur::core::intervention::Speaker::Delegation("peru".into()),
            on_behalf_of: None,
            started_at: now,
            ended_at: now,
            text: text.into(),
        });
    // As the capture screen does after a commit: saved at once.
    ctrl(app, "s");
    id
}

#[test]
fn two_windows_on_one_team_folder() {
    let (_dir, folder, mut a, mut b) = two_windows();
    assert!(a.title().contains("(team, AB)"), "{}", a.title());

    // A logs; B shows it after a tick, with who logged it.
    let id = log(&mut a, "The representative of Peru stressed prevention.");
    update(&mut b, Message::Tick);
    let shown = b.open.as_ref().unwrap().session.intervention(id).cloned();
    assert_eq!(shown.unwrap().provenance.logged_by, "AB");
    {
        let mut ui = simulator(&b);
        ui.find("The representative of Peru stressed prevention.")
            .expect("the other device's statement in the log");
        ui.find("Team: CD, with AB, RS")
            .expect("who is in the team");
    }

    // Both correct it at once: both corrections are kept, and it is marked.
    for (app, extra) in [(&mut a, " firmly"), (&mut b, " again")] {
        let open = app.open.as_mut().unwrap();
        let mut changed = open.session.intervention(id).unwrap().clone();
        changed.text = changed
            .text
            .replace("stressed", &format!("stressed{extra}"));
        open.session.update_intervention(changed);
        ctrl(app, "s");
    }
    update(&mut a, Message::Tick);
    update(&mut b, Message::Tick);
    update(&mut a, Message::Tick);
    let sa = statement(&a, id);
    let sb = statement(&b, id);
    assert_eq!(sa.text, sb.text);
    assert!(
        sa.text.contains("firmly") && sa.text.contains("again"),
        "{}",
        sa.text
    );
    assert!(!sa.provenance.conflict.is_empty(), "marked");
    {
        let mut ui = simulator(&a);
        let row = format!(
            "⚠ changed at once on {} — {}",
            sa.provenance.conflict.join(" and "),
            sa.text
        );
        ui.find(row.as_str()).expect("the mark in the log");
    }
    // The correction panel says so; saving settles the mark on every device.
    update(
        &mut a,
        Message::Capture(rapporteur::ui::capture::Message::Open(id)),
    );
    let warning = format!(
        "⚠ Changed on {} at the same time: both changes were merged into the text below. Read it, then save to mark it looked at.",
        sa.provenance.conflict.join(" and ")
    );
    support::ui::interact(&mut a, |ui| {
        ui.find(warning.as_str()).expect("the panel says so");
        ui.click("Save correction (Ctrl+Enter)").unwrap();
    });
    update(&mut b, Message::Tick);
    let sb = statement(&b, id);
    assert!(sb.provenance.conflict.is_empty(), "{:?}", sb.provenance);
    assert!(sb.provenance.edited_by.contains(&"AB".to_string()));

    // A relay: A takes the turn to log; B's status bar and log say so after a tick; B
    // takes over, then hands over, and every device's log shows each marker.
    ctrl_shift(&mut a, "r");
    update(&mut b, Message::Tick);
    let session_b = &b.open.as_ref().unwrap().session;
    let turn = session_b.turn.clone().expect("A's turn reached B");
    assert_eq!(turn.device, "AB");
    let since = turn
        .since
        .with_timezone(&session_b.meeting.zone())
        .format("%H:%M")
        .to_string();
    {
        let mut ui = simulator(&b);
        ui.find(format!("Team: CD · AB's turn since {since}").as_str())
            .expect("whose turn it is");
        ui.find("──── AB's turn ────")
            .expect("the marker in the log");
    }
    // B takes over (the log says from whom), then hands over.
    ctrl_shift(&mut b, "r");
    update(&mut a, Message::Tick);
    assert_eq!(
        a.open
            .as_ref()
            .unwrap()
            .session
            .turn
            .as_ref()
            .unwrap()
            .device,
        "CD"
    );
    ctrl_shift(&mut b, "r");
    update(&mut a, Message::Tick);
    assert_eq!(a.open.as_ref().unwrap().session.turn, None, "handed over");
    {
        let mut ui = simulator(&a);
        for marker in [
            "──── AB's turn ────",
            "──── CD's turn, taken over from AB ────",
            "──── CD handed over ────",
        ] {
            ui.find(marker).expect("every marker in the log");
        }
    }
    let marks = |app: &App| app.open.as_ref().unwrap().session.relays.clone();
    update(&mut b, Message::Tick);
    assert_eq!(marks(&a), marks(&b));
    assert_eq!(marks(&a).len(), 3);

    // A second window under the same name is refused (its working copy is locked).
    let (again, _) = App::boot(
        Launch {
            path: Some(folder.clone()),
            demo: false,
            device: Some("AB".into()),
        },
        Box::new(ScriptedDialogs::default()),
    );
    assert!(again.open.is_none());
}

/// The meeting's title set in two windows at once: after a tick each window says which
/// title was kept, and both hold it.
#[test]
fn a_title_set_in_two_windows_at_once_is_named_in_both() {
    let (_dir, _folder, mut a, mut b) = two_windows();
    // Typed on each Meeting screen (Ctrl+4).
    for (app, title) in [(&mut a, "Title typed on AB"), (&mut b, "Title typed on CD")] {
        ctrl(app, "4");
        update(
            app,
            Message::Meeting(meeting::Message::Edit(meeting::Field::Title, title.into())),
        );
        ctrl(app, "s");
    }
    update(&mut a, Message::Tick);
    update(&mut b, Message::Tick);
    let title = |app: &App| app.open.as_ref().unwrap().session.meeting.title.clone();
    assert_eq!(title(&a), title(&b));
    let (kept_on, lost_on, other) = if title(&a) == "Title typed on AB" {
        (&a, &b, "AB")
    } else {
        (&b, &a, "CD")
    };
    let mine = kept_on.notice.clone().unwrap().text;
    assert!(
        mine.contains("The meeting's title was also changed on")
            && mine.contains("the value set here is kept"),
        "{mine}"
    );
    let theirs = lost_on.notice.clone().unwrap().text;
    assert!(
        theirs.contains(&format!(
            "The meeting's title was also changed on {other} at the same time: theirs is kept"
        )),
        "{theirs}"
    );
    let mut ui = simulator(lost_on);
    ui.find(theirs.as_str()).expect("the notice on screen");
    // The screen where it was typed shows the title kept, not the one typed.
    let kept = title(lost_on);
    ui.find(kept.as_str()).expect("the kept title in its field");
    let typed = if kept == "Title typed on AB" {
        "Title typed on CD"
    } else {
        "Title typed on AB"
    };
    assert!(ui.find(typed).is_err(), "the replaced title is not shown");
}

/// A statement corrected in the panel while another device corrected it too: the panel
/// says so, and saving keeps both corrections and the other device's new speaker.
#[test]
fn a_correction_saved_after_another_device_changed_the_statement_keeps_both() {
    use iced::widget::text_editor::{Action, Edit, Motion};
    use rapporteur::ui::capture::{self, correction};
    let (_dir, _folder, mut a, mut b) = two_windows();
    let id = log(&mut a, "The representative of Peru stressed prevention.");
    update(&mut b, Message::Tick);
    // A opens the panel; B then corrects the statement and gives it another speaker.
    update(&mut a, Message::Capture(capture::Message::Open(id)));
    {
        let open = b.open.as_mut().unwrap();
        let mut changed = open.session.intervention(id).unwrap().clone();
        changed.text = changed.text.replace("prevention", "early prevention");
        changed.speaker = rapporteur::core::intervention::Speaker::Delegation("chile".into());
        open.session.update_intervention(changed);
        ctrl(&mut b, "s");
    }
    update(&mut a, Message::Tick);
    {
        let mut ui = simulator(&a);
        ui.find("⚠ Changed on CD since this panel opened: saving keeps that change with yours (both, where you changed the same text).")
            .expect("the panel says the statement changed meanwhile");
    }
    // A adds a word at the start of the text (as it was when the panel opened) and saves.
    panel_type(&mut a, Motion::DocumentStart, "Firmly, t");
    update(
        &mut a,
        panel(correction::Message::Text(Action::Edit(Edit::Delete))),
    );
    update(&mut a, panel(correction::Message::Save));
    update(&mut b, Message::Tick);
    for app in [&a, &b] {
        let s = statement(app, id);
        assert_eq!(
            s.text, "Firmly, the representative of Peru stressed early prevention.",
            "both corrections"
        );
        assert_eq!(
            s.speaker,
            rapporteur::core::intervention::Speaker::Delegation("chile".into()),
            "the speaker chosen on CD stays"
        );
    }
}

/// A statement deleted on another device while it was being corrected here: the panel
/// says so, and saving the correction brings it back (nothing typed is lost).
#[test]
fn a_correction_of_a_statement_deleted_elsewhere_brings_it_back() {
    use iced::widget::text_editor::Motion;
    use rapporteur::ui::capture::{self, correction};
    let (_dir, _folder, mut a, mut b) = two_windows();
    let id = log(&mut a, "The representative of Peru stressed prevention.");
    update(&mut b, Message::Tick);
    update(&mut a, Message::Capture(capture::Message::Open(id)));
    b.open.as_mut().unwrap().session.delete_intervention(id);
    ctrl(&mut b, "s");
    update(&mut a, Message::Tick);
    assert!(a.open.as_ref().unwrap().session.intervention(id).is_none());
    {
        let mut ui = simulator(&a);
        ui.find("⚠ Deleted on another device since this panel opened: saving a correction brings it back, with the correction; Esc leaves it deleted.")
            .expect("the panel says the statement went");
    }
    panel_type(&mut a, Motion::DocumentEnd, " Early.");
    update(&mut a, panel(correction::Message::Save));
    assert!(
        a.notice
            .as_ref()
            .unwrap()
            .text
            .contains("it is back in the log, with your correction"),
        "{:?}",
        a.notice
    );
    update(&mut b, Message::Tick);
    for app in [&a, &b] {
        assert_eq!(
            statement(app, id).text,
            "The representative of Peru stressed prevention. Early."
        );
    }
}

/// A statement corrected in one window while the other deleted it: kept on both, and
/// the window that corrected it says so.
#[test]
fn a_statement_corrected_while_deleted_in_the_other_window_is_kept() {
    let (_dir, _folder, mut a, mut b) = two_windows();
    let id = log(&mut a, "The representative of Peru stressed prevention.");
    update(&mut b, Message::Tick);
    {
        let open = a.open.as_mut().unwrap();
        let mut changed = open.session.intervention(id).unwrap().clone();
        changed.text = "The representative of Peru stressed early prevention.".into();
        open.session.update_intervention(changed);
    }
    ctrl(&mut a, "s");
    b.open.as_mut().unwrap().session.delete_intervention(id);
    ctrl(&mut b, "s");
    update(&mut a, Message::Tick);
    let said = a.notice.clone().unwrap().text;
    assert!(
        said.starts_with(
            "A statement corrected here was deleted on CD at the same time: it is kept"
        ),
        "{said}"
    );
    update(&mut b, Message::Tick);
    for app in [&a, &b] {
        assert_eq!(
            statement(app, id).text,
            "The representative of Peru stressed early prevention."
        );
    }
}

/// An editor's undo after the other editor rewrote the same paragraph: the rewrite made
/// there stays, and the window says so.
#[test]
fn undo_in_the_editor_leaves_a_paragraph_the_other_editor_rewrote_since() {
    use rapporteur::report::edit::{self, Op};
    let (_dir, _folder, mut a, mut b) = two_windows();
    ctrl(&mut a, "2");
    let target = {
        let open = a.open.as_mut().unwrap();
        let layout = open.session.layout.resolve(&open.session);
        let id = layout.paragraphs().nth(5).unwrap().id;
        open.editor
            .history
            .apply(
                &mut open.session,
                &Op::SetText {
                    id,
                    text: "Rewritten on AB.".into(),
                },
            )
            .unwrap();
        id
    };
    ctrl(&mut a, "s");
    update(&mut b, Message::Tick);
    {
        let open = b.open.as_mut().unwrap();
        edit::apply(
            &mut open.session,
            &Op::SetText {
                id: target,
                text: "Rewritten on AB, then on CD.".into(),
            },
        )
        .unwrap();
    }
    ctrl(&mut b, "s");
    update(&mut a, Message::Tick);
    ctrl(&mut a, "z");
    let said = a.notice.clone().unwrap().text;
    assert!(
        said.contains("One paragraph changed since by another editor is left as they made it."),
        "{said}"
    );
    update(&mut b, Message::Tick);
    for app in [&a, &b] {
        let s = &app.open.as_ref().unwrap().session;
        assert_eq!(
            s.layout.paragraph(target).unwrap().text.as_deref(),
            Some("Rewritten on AB, then on CD.")
        );
    }
}

/// A paragraph rewritten in both windows at once: both rewrites merged, and the
/// paragraph marked in the editor's list and side panel until an editor works on it.
#[test]
fn a_paragraph_rewritten_in_both_windows_is_marked_until_worked_on() {
    use rapporteur::report::edit::Op;
    use rapporteur::ui::editor;
    let (_dir, _folder, mut a, mut b) = two_windows();
    // The layout made on A and shared first (each device numbers new paragraphs in
    // its own band).
    ctrl(&mut a, "2");
    let id = {
        let open = a.open.as_mut().unwrap();
        let id = open
            .session
            .layout
            .resolve(&open.session)
            .paragraphs()
            .nth(6)
            .unwrap()
            .id;
        open.editor
            .history
            .apply(&mut open.session, &Op::Freeze(id))
            .unwrap();
        id
    };
    ctrl(&mut a, "s");
    update(&mut b, Message::Tick);
    for (app, text) in [(&mut a, "Rewritten on AB."), (&mut b, "Rewritten on CD.")] {
        ctrl(app, "2");
        let open = app.open.as_mut().unwrap();
        open.editor
            .history
            .apply(
                &mut open.session,
                &Op::SetText {
                    id,
                    text: text.into(),
                },
            )
            .unwrap();
        ctrl(app, "s");
    }
    update(&mut a, Message::Tick);
    update(&mut b, Message::Tick);
    update(&mut a, Message::Tick);
    for app in [&mut a, &mut b] {
        update(app, Message::Editor(editor::Message::Press(id)));
        update(app, Message::Editor(editor::Message::Release(id)));
        let mut ui = simulator(app);
        ui.find("⚠ changed at once").expect("the mark in the list");
        ui.find("⚠ Changed on AB and CD at the same time: both changes are merged in the text below. Read it; working on it (typing, moving) clears the mark.")
            .expect("the mark in the side panel");
    }
    // B moves it: looked at; the mark goes on both.
    let open = b.open.as_mut().unwrap();
    open.editor
        .history
        .apply(&mut open.session, &Op::MoveDown(id))
        .unwrap();
    ctrl(&mut b, "s");
    update(&mut a, Message::Tick);
    for app in [&a, &b] {
        let s = &app.open.as_ref().unwrap().session;
        let p = s.layout.paragraph(id).unwrap();
        assert!(p.conflict.is_empty());
        let text = p.text.clone().unwrap();
        assert!(text.contains("AB") && text.contains("CD"), "{text}");
    }
}

/// A participant corrected in the form while another device corrected them too: saving
/// keeps the field changed there (the title) with the one changed here (the name).
#[test]
fn a_person_saved_after_another_device_corrected_them_keeps_both() {
    use rapporteur::ui::person_form;
    let session = demo_session();
    let person = session
        .participants
        .iter()
        .find(|p| p.family_name == "Bouayach")
        .unwrap()
        .id;
    let (_dir, _folder, mut a, mut b) = two_windows_on(&session);
    ctrl(&mut a, "4");
    update(
        &mut a,
        Message::Meeting(meeting::Message::EditPerson(person)),
    );
    {
        let open = b.open.as_mut().unwrap();
        let p = open
            .session
            .participants
            .iter_mut()
            .find(|p| p.id == person)
            .unwrap();
        p.title = "Chair of the National Human Rights Council of Morocco (re-elected)".into();
        ctrl(&mut b, "s");
    }
    update(&mut a, Message::Tick);
    for m in [
        person_form::Message::Name("Amina Bouayach-Test".into()),
        person_form::Message::FamilyName("Bouayach-Test".into()),
        person_form::Message::Create,
    ] {
        update(&mut a, Message::Meeting(meeting::Message::Person(m)));
    }
    update(&mut b, Message::Tick);
    for app in [&a, &b] {
        let s = &app.open.as_ref().unwrap().session;
        let p = s.participant(person).unwrap();
        assert_eq!(p.family_name, "Bouayach-Test");
        assert_eq!(
            p.title,
            "Chair of the National Human Rights Council of Morocco (re-elected)"
        );
    }
}

/// "Share for team capture" (Ctrl+Shift+T): the open session becomes a team folder and
/// the window goes on in it; the session file stays as it was.
#[test]
fn share_for_team_capture_from_the_window() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("meeting.json");
    let folder = dir.path().join("shared");
    let session = demo_session();
    let store = rapporteur::storage::Store::create(&file, &session).unwrap();
    let dialogs = ScriptedDialogs {
        team: Some(folder.clone()),
        ..ScriptedDialogs::default()
    };
    let mut app = App::with_session(store, session, None, Box::new(dialogs));
    app.flush();
    let before = std::fs::read(&file).unwrap();
    ctrl_shift(&mut app, "t");
    assert!(
        app.open.as_ref().unwrap().team.is_some(),
        "{:?}",
        app.notice
    );
    assert!(
        app.notice
            .as_ref()
            .unwrap()
            .text
            .contains("stays as it was")
    );
    let id = log(&mut app, "Logged after sharing.");
    app.flush();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is left alone"
    );
    let (merged, _) = rapporteur::storage::team::session::read_merged(&folder).unwrap();
    assert_eq!(
        merged.intervention(id).unwrap().text,
        "Logged after sharing."
    );
    assert_eq!(
        merged.interventions.len(),
        demo_session().interventions.len() + 1
    );
    // A second share of the same session says what it is.
    ctrl_shift(&mut app, "t");
    assert!(
        app.notice
            .as_ref()
            .unwrap()
            .text
            .contains("team session already")
    );
    // A folder holding someone's files is refused, nothing written into it.
    let busy = dir.path().join("busy");
    std::fs::create_dir_all(&busy).unwrap();
    std::fs::write(busy.join("notes.txt"), b"mine").unwrap();
    let Err(e) = TeamSession::share(&demo_session(), &busy, Device::this_run(Some("X"))) else {
        panic!("shared into a folder holding a file");
    };
    assert!(e.contains("not empty"), "{e}");
    assert_eq!(std::fs::read_dir(&busy).unwrap().count(), 1);
}

/// The team folder cannot be written (a network share gone, a full disk): the window
/// says so and keeps everything; closed and opened again once the folder is back, what
/// was logged meanwhile is in the team session.
#[test]
fn statements_logged_while_the_folder_cannot_be_written_are_not_lost() {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("team");
    TeamSession::share(&demo_session(), &folder, Device::this_run(Some("RS"))).unwrap();
    let mut a = window(&folder, "GH");
    // This device's segment becomes a folder: no append can succeed, even as root.
    let gone = support::team::Unwritable::device(&folder, "GH");
    let id = log(&mut a, "Logged while the folder could not be written.");
    let notice = a.notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("NOT SAVED to the team folder"),
        "{}",
        notice.text
    );
    a.flush();
    drop(a);
    // The folder is back; the window opens again under the same name.
    drop(gone);
    let a = window(&folder, "GH");
    assert_eq!(
        statement(&a, id).text,
        "Logged while the folder could not be written."
    );
    assert!(a.notice.as_ref().unwrap().text.contains(
        "1 statement logged here while the team folder could not be written is now in it"
    ));
    let (merged, _) = rapporteur::storage::team::session::read_merged(&folder).unwrap();
    assert!(merged.intervention(id).is_some(), "in the team folder now");
}

/// Ctrl+Enter in the statement box.
fn ctrl_enter(app: &mut App) {
    support::ui::interact(app, |ui| {
        ui.click(iced_test::selector::id("statement")).unwrap();
        ui.simulate([support::ui::key_event(
            Key::Named(iced::keyboard::key::Named::Enter),
            Modifiers::CTRL,
        )]);
    });
}

/// A key the window's keyboard subscription hands to the root (a question's answers).
fn interact_keys(app: &mut App, key: iced::keyboard::key::Named, modifiers: Modifiers) {
    update(app, Message::Key(Key::Named(key), modifiers));
}

fn logged_texts(app: &App) -> Vec<String> {
    app.open
        .as_ref()
        .unwrap()
        .session
        .interventions
        .iter()
        .map(|i| i.text.clone())
        .collect()
}

#[test]
fn logging_in_anothers_turn_is_asked_once_and_a_speaker_logged_twice_is_marked() {
    let (_dir, _folder, mut a, mut b) = two_windows();
    // CD takes the turn; AB sees it after a tick.
    ctrl_shift(&mut b, "r");
    update(&mut a, Message::Tick);
    support::ui::pick(&mut a, "mexico");
    support::ui::type_statement(&mut a, "welcomed the report.");
    ctrl_enter(&mut a);
    support::ui::interact(&mut a, |ui| {
        ui.find("It is CD's turn – log here anyway?")
            .expect("asked before logging in another's turn");
    });
    assert!(!logged_texts(&a).contains(&"welcomed the report.".to_string()));
    // Esc: nothing logged, the text kept; asked again; Enter logs.
    interact_keys(
        &mut a,
        iced::keyboard::key::Named::Escape,
        Modifiers::empty(),
    );
    assert!(!logged_texts(&a).contains(&"welcomed the report.".to_string()));
    ctrl_enter(&mut a);
    interact_keys(
        &mut a,
        iced::keyboard::key::Named::Enter,
        Modifiers::empty(),
    );
    assert!(logged_texts(&a).contains(&"welcomed the report.".to_string()));
    // Asked once a turn: the next statement goes straight in.
    support::ui::pick(&mut a, "peru");
    support::ui::type_statement(&mut a, "stressed prevention.");
    ctrl_enter(&mut a);
    assert!(logged_texts(&a).contains(&"stressed prevention.".to_string()));
    // CD, whose turn it is, logs Mexico too: never asked. After the merge, both logs
    // mark the two statements as possibly one.
    support::ui::pick(&mut b, "mexico");
    support::ui::type_statement(&mut b, "welcomed the report warmly.");
    ctrl_enter(&mut b);
    assert!(logged_texts(&b).contains(&"welcomed the report warmly.".to_string()));
    update(&mut a, Message::Tick);
    update(&mut b, Message::Tick);
    let session = &a.open.as_ref().unwrap().session;
    let pairs = rapporteur::core::turns::possible_duplicates(session);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    for app in [&a, &b] {
        let mut ui = simulator(app);
        for mark in [
            "⚠ possibly also logged by CD at",
            "⚠ possibly also logged by AB at",
        ] {
            let contains = |c: iced_test::selector::Candidate<'_>| match c {
                iced_test::selector::Candidate::Text { content, .. } if content.contains(mark) => {
                    Some(())
                }
                _ => None,
            };
            ui.find(contains).expect(mark);
        }
    }
}

#[test]
fn a_damaged_file_is_named_in_the_window_until_dismissed_and_nothing_is_lost() {
    let (_dir, folder, mut a, _b) = two_windows();
    let texts: Vec<String> = (0..3)
        .map(|n| format!("Damage test statement {n}."))
        .collect();
    for t in &texts {
        log(&mut a, t);
    }
    // A byte in the middle of one of AB's frames flipped on the way.
    support::team::damage_frame(&folder, "AB", 1, 0x01);
    let c = window(&folder, "EF");
    let session = &c.open.as_ref().unwrap().session;
    for t in &texts {
        assert!(session.interventions.iter().any(|i| &i.text == t), "{t}");
    }
    let notice = c.notice.clone().expect("the damage named");
    assert!(notice.lasting, "{notice:?}");
    assert!(
        notice.text.contains("000001.frames") && notice.text.contains("damaged frame"),
        "{}",
        notice.text
    );
    let mut ui = simulator(&c);
    let named = |candidate: iced_test::selector::Candidate<'_>| match candidate {
        iced_test::selector::Candidate::Text { content, .. }
            if content.contains("000001.frames: a damaged frame") =>
        {
            Some(())
        }
        _ => None,
    };
    ui.find(named).expect("the notice on screen");
}
