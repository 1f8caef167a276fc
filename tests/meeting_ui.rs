//! The Meeting screen typed through: errors under the field with the field kept, and
//! segments and groups renamed, reordered and removed (never one that statements use).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use support::ui::{Fixture, demo_app, simulator, update};

use iced::keyboard::{Key, Modifiers, key::Named};

use rapporteur::core::Session;
use rapporteur::core::meeting::SegmentKind;
use rapporteur::ui::app::{App, Message, Screen};
use rapporteur::ui::meeting::{self, Field, ListField};
use rapporteur::ui::shortcuts::{Command, command_for};

fn session(app: &App) -> &Session {
    &app.open.as_ref().unwrap().session
}

fn meeting_screen(app: &mut App) {
    update(
        app,
        Message::Key(Key::Character("4".into()), Modifiers::CTRL),
    );
    assert_eq!(app.screen, Screen::Meeting);
}

fn send(app: &mut App, message: meeting::Message) {
    update(app, Message::Meeting(message));
}

#[test]
fn a_bad_date_is_said_under_its_field_which_keeps_what_was_typed() {
    let Fixture { mut app, _dir, .. } = demo_app();
    meeting_screen(&mut app);
    let date = session(&app).meeting.date;
    send(
        &mut app,
        meeting::Message::Edit(Field::Date, "31 Febr".into()),
    );
    assert_eq!(session(&app).meeting.date, date, "not applied");
    let mut ui = simulator(&app);
    assert!(ui.find("31 Febr").is_ok(), "the field keeps what was typed");
    assert!(
        ui.find("Expected a date as YYYY-MM-DD; not applied yet.")
            .is_ok(),
        "the reason is on screen"
    );
}

#[test]
fn segments_are_renamed_moved_and_removed_only_when_empty() {
    let Fixture { mut app, _dir, .. } = demo_app();
    meeting_screen(&mut app);
    let first = session(&app).segments[0].id;
    send(
        &mut app,
        meeting::Message::ListEdit(ListField::Segment(first), "Opening remarks".into()),
    );
    assert_eq!(session(&app).segments[0].title, "Opening remarks");
    // Emptied: kept as typed with the reason, the session keeps the title.
    send(
        &mut app,
        meeting::Message::ListEdit(ListField::Segment(first), String::new()),
    );
    assert_eq!(session(&app).segments[0].title, "Opening remarks");
    assert!(simulator(&app).find("A segment needs a title.").is_ok());
    send(&mut app, meeting::Message::MoveSegment(first, 1));
    assert_eq!(session(&app).segments[1].id, first);
    send(&mut app, meeting::Message::RemoveSegment(first));
    assert!(
        session(&app).segment(first).is_some(),
        "statements are in it"
    );
    assert!(app.notice.as_ref().unwrap().text.contains("statement"));
    let spare = app
        .open
        .as_mut()
        .unwrap()
        .session
        .add_segment("Spare", SegmentKind::Custom);
    send(&mut app, meeting::Message::RemoveSegment(spare));
    assert!(session(&app).segment(spare).is_none());
}

#[test]
fn a_group_statements_speak_for_stays_and_its_name_can_change() {
    let Fixture { mut app, _dir, .. } = demo_app();
    meeting_screen(&mut app);
    let used = session(&app)
        .interventions
        .iter()
        .find_map(|i| i.on_behalf_of)
        .unwrap();
    send(&mut app, meeting::Message::RemoveGroup(used));
    assert!(session(&app).group(used).is_some());
    send(
        &mut app,
        meeting::Message::ListEdit(ListField::GroupName(used), "Friends of R2P".into()),
    );
    assert_eq!(session(&app).group(used).unwrap().name, "Friends of R2P");
    assert!(simulator(&app).find("Friends of R2P").is_ok());
}

#[test]
fn tab_and_shift_tab_move_between_fields() {
    assert_eq!(
        command_for(&Key::Named(Named::Tab), Modifiers::empty()),
        Some(Command::FocusNext)
    );
    assert_eq!(
        command_for(&Key::Named(Named::Tab), Modifiers::SHIFT),
        Some(Command::FocusPrevious)
    );
}

#[test]
fn the_editor_text_box_follows_a_change_made_on_the_meeting_screen() {
    let Fixture { mut app, _dir, .. } = demo_app();
    update(
        &mut app,
        Message::Key(Key::Character("2".into()), Modifiers::CTRL),
    );
    let text_box = |app: &App| app.open.as_ref().unwrap().editor.text_box();
    assert!(text_box(&app).contains("11 May 2021"), "{}", text_box(&app));
    meeting_screen(&mut app);
    send(
        &mut app,
        meeting::Message::Edit(Field::Date, "2021-05-12".into()),
    );
    update(
        &mut app,
        Message::Key(Key::Character("2".into()), Modifiers::CTRL),
    );
    update(&mut app, Message::Tick);
    assert!(text_box(&app).contains("12 May 2021"), "{}", text_box(&app));
}

#[test]
fn an_agenda_items_presenters_are_chosen_here_and_named_in_its_heading() {
    use rapporteur::core::meeting::ReportKind;
    use rapporteur::report::{Block, Options, assemble};
    use rapporteur::ui::choices::Labelled;

    let Fixture { mut app, _dir, .. } = demo_app();
    meeting_screen(&mut app);
    // Offered for minutes only.
    assert!(simulator(&app).find("Presented by").is_err());
    app.open.as_mut().unwrap().session.meeting.report_kind = ReportKind::Minutes;
    assert!(simulator(&app).find("Presented by").is_ok());

    let item = session(&app).segments[0].id;
    let chair = session(&app).meeting.chair.unwrap();
    let name = session(&app).participant(chair).unwrap().display_name();
    send(
        &mut app,
        meeting::Message::AddPresenter(item, Labelled::new(Some(chair), name.clone())),
    );
    assert_eq!(session(&app).segments[0].presenters, [chair]);
    // The chip shows who presents; pressing it takes them off again.
    let chip = format!("{name} ×");
    assert!(simulator(&app).find(chip.as_str()).is_ok());
    let r = assemble(
        session(&app),
        &Options {
            kind: Some(ReportKind::Minutes),
            issue_date: None,
        },
    );
    let heading = r
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading { text } if text.starts_with("1. ") => Some(text.clone()),
            _ => None,
        })
        .unwrap();
    assert!(heading.contains(" by "), "{heading}");
    send(&mut app, meeting::Message::RemovePresenter(item, chair));
    assert!(simulator(&app).find(chip.as_str()).is_err());
    assert!(session(&app).segments[0].presenters.is_empty());
}
