//! The capture screen, the editor and the report preview on a meeting of 10,000
//! statements, driven through their real views: the lists build only the rows around the
//! viewport, and scrolling to the end, opening the first statement from the log, moving
//! a paragraph to the last place with Ctrl+G and dragging near the bottom work as they
//! do on a short meeting.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use iced::keyboard::{Key, Modifiers, key::Named};
use iced::{Event, Point, mouse, window};
use iced_test::Simulator;

use rapporteur::core::layout::ParagraphId;
use rapporteur::core::session::Session;
use rapporteur::report::{Options, assemble};
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Message, Screen};
use rapporteur::ui::dialogs::ScriptedDialogs;
use rapporteur::ui::{editor, virtual_list};
use support::large::demo_with;
use support::ui::{drag, key_event, simulator};

const STATEMENTS: usize = 10_000;

struct Large {
    app: App,
    _dir: tempfile::TempDir,
}

fn large_app(session: Session) -> Large {
    support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    let store = Store::create(&path, &session).unwrap();
    let app = App::with_session(store, session, None, Box::new(ScriptedDialogs::default()));
    Large { app, _dir: dir }
}

fn large_editor() -> Large {
    let Large { mut app, _dir } = large_app(demo_with(STATEMENTS));
    let _ = app.update(Message::Key(Key::Character("2".into()), Modifiers::CTRL));
    assert_eq!(app.screen, Screen::Editor);
    Large { app, _dir }
}

fn editor(app: &App) -> &editor::Editor {
    &app.open.as_ref().unwrap().editor
}

fn order(app: &App) -> Vec<ParagraphId> {
    editor(app).order()
}

/// The middle of the paragraph list on screen (the left three fifths of the window).
const LIST: Point = Point::new(300.0, 500.0);

/// A simulator of the current view, scrolled to where the app says its list is (a new
/// simulator starts at the top; the app keeps the position).
fn at_scroll(app: &App) -> Simulator<'_, Message> {
    let offset = editor(app).list.offset();
    let mut ui = simulator(app);
    ui.point_at(LIST);
    ui.simulate([Event::Mouse(mouse::Event::WheelScrolled {
        delta: mouse::ScrollDelta::Pixels { x: 0.0, y: -offset },
    })]);
    ui
}

/// The mouse wheel over the list, turned far past its end.
fn wheel_to_the_end(ui: &mut Simulator<'_, Message>) {
    ui.point_at(LIST);
    ui.simulate([Event::Mouse(mouse::Event::WheelScrolled {
        delta: mouse::ScrollDelta::Pixels { x: 0.0, y: -1e9 },
    })]);
}

/// Only the first screenful (and a screenful more) is built: paragraph 1, not `last`.
/// Then the wheel turns to the end; what the list reported is returned.
fn first_page_then_the_end(app: &App, last: impl std::fmt::Display) -> Vec<Message> {
    let mut ui = simulator(app);
    assert!(ui.find("1.").is_ok());
    assert!(ui.find(format!("{last}.")).is_err());
    wheel_to_the_end(&mut ui);
    ui.into_messages().collect()
}

fn apply(app: &mut App, messages: Vec<Message>) {
    for message in messages {
        let _ = app.update(message);
    }
}

/// The paragraph printed with `number`.
fn id_of(app: &App, number: u32) -> ParagraphId {
    editor(app)
        .rows
        .iter()
        .find_map(|r| match r {
            editor::Row::Paragraph(p) if p.number == Some(number) => Some(p.id),
            _ => None,
        })
        .unwrap()
}

fn last_number(app: &App) -> u32 {
    editor(app).report.numbered().len() as u32
}

#[test]
fn scrolling_to_the_end_of_the_editor_builds_the_last_paragraphs_and_not_the_first() {
    let Large { mut app, _dir } = large_editor();
    let last = last_number(&app);
    assert!(last as usize > STATEMENTS, "one paragraph per statement");
    let messages = first_page_then_the_end(&app, last);
    assert!(
        messages.iter().any(|m| matches!(
            m,
            Message::Editor(editor::Message::List(virtual_list::Event::Scrolled(_)))
        )),
        "the list reports its position"
    );
    apply(&mut app, messages);
    assert!(editor(&app).list.offset() > 100_000.0);

    let measured: Vec<Message> = {
        let mut ui = at_scroll(&app);
        let row = ui
            .find(format!("{last}."))
            .expect("the last paragraph is built");
        assert!(
            row.visible_bounds().is_some(),
            "and on screen at the bottom of the list"
        );
        assert!(ui.find("1.").is_err(), "the first paragraph is not built");
        ui.simulate([Event::Window(window::Event::RedrawRequested(
            iced::time::Instant::now(),
        ))]);
        ui.into_messages().collect()
    };
    // The rows on screen report their laid-out heights; only the built rows do.
    let sizes = measured
        .iter()
        .filter(|m| {
            matches!(
                m,
                Message::Editor(editor::Message::List(virtual_list::Event::Measured(..)))
            )
        })
        .count();
    assert!(sizes > 0, "rows on screen are measured");
    assert!(
        sizes < 200,
        "{sizes} rows measured: only the window is built"
    );
    apply(&mut app, measured);
    let mut ui = at_scroll(&app);
    assert!(
        ui.find(format!("{last}."))
            .unwrap()
            .visible_bounds()
            .is_some(),
        "measured heights keep the end of the list in place"
    );
}

#[test]
fn ctrl_g_moves_a_paragraph_to_the_last_place_and_the_list_follows_it() {
    let Large { mut app, _dir } = large_editor();
    for _ in 0..3 {
        let _ = app.update(Message::Key(
            Key::Named(Named::ArrowDown),
            Modifiers::empty(),
        ));
    }
    let moved = editor(&app).selected.unwrap();
    let number = editor(&app).number_of(moved).unwrap();
    assert_eq!(number, 4);
    let last = last_number(&app);
    let before_last = *order(&app).last().unwrap();

    let _ = app.update(Message::Key(Key::Character("g".into()), Modifiers::CTRL));
    let messages: Vec<Message> = {
        let mut ui = simulator(&app);
        ui.click(iced_test::selector::id(editor::GOTO)).unwrap();
        let _ = ui.typewrite(&last.to_string());
        ui.simulate([key_event(Key::Named(Named::Enter), Modifiers::empty())]);
        ui.into_messages().collect()
    };
    apply(&mut app, messages);

    // Moved before the paragraph that was last: it is now last but one.
    let now = order(&app);
    assert_eq!(now[now.len() - 2], moved);
    assert_eq!(now[now.len() - 1], before_last);
    assert_eq!(editor(&app).selected, Some(moved));
    assert_eq!(editor(&app).number_of(moved), Some(last - 1));
    // The list scrolled to it: it is built and on screen.
    let mut ui = at_scroll(&app);
    let row = ui.find(format!("{}.", last - 1)).unwrap();
    assert!(row.visible_bounds().is_some());
    // And the report agrees.
    let s = &app.open.as_ref().unwrap().session;
    let report = assemble(s, &Options::default());
    assert_eq!(report.numbered().len() as u32, last);
}

#[test]
fn a_paragraph_dragged_near_the_bottom_of_the_list_lands_there() {
    let Large { mut app, _dir } = large_editor();
    // Scroll to the end through the view.
    let messages: Vec<Message> = {
        let mut ui = simulator(&app);
        wheel_to_the_end(&mut ui);
        ui.into_messages().collect()
    };
    apply(&mut app, messages);
    let last = last_number(&app);
    // The last two paragraphs (the closing ones are long: both fill a 720-pixel window).
    let (from_number, to_number) = (last, last - 1);
    let dragged = id_of(&app, from_number);
    let target = id_of(&app, to_number);
    let messages: Vec<Message> = {
        let mut ui = at_scroll(&app);
        let from = ui
            .find(format!("{from_number}."))
            .unwrap()
            .visible_bounds()
            .unwrap()
            .center();
        let to = ui
            .find(format!("{to_number}."))
            .unwrap()
            .visible_bounds()
            .unwrap()
            .center();
        drag(&mut ui, from, to);
        ui.into_messages().collect()
    };
    apply(&mut app, messages);
    // It took the place of the paragraph it was dropped on, which moved down one.
    assert_eq!(editor(&app).number_of(dragged), Some(to_number));
    assert_eq!(editor(&app).number_of(target), Some(to_number + 1));
    assert_eq!(last_number(&app), last);
}

#[test]
fn the_report_preview_of_a_long_meeting_builds_only_its_first_page() {
    let Large { mut app, _dir } = large_editor();
    let _ = app.update(Message::Key(Key::Character("3".into()), Modifiers::CTRL));
    assert_eq!(app.screen, Screen::Preview);
    let last = app.open.as_ref().unwrap().preview.report.numbered().len();
    let messages = first_page_then_the_end(&app, last);
    apply(&mut app, messages);
    // Scrolled to the end, the last paragraph is built (a new simulator starts at the
    // top, so it is found in the tree rather than on screen).
    let mut ui = simulator(&app);
    assert!(ui.find(format!("{last}.")).is_ok());
    assert!(ui.find("1.").is_err());
}

/// The log, below the picker and the statement box on the capture screen.
const LOG: Point = Point::new(640.0, 640.0);

/// The list of speakers, on the left of the capture screen.
const SPEAKERS: Point = Point::new(120.0, 300.0);

fn wheel(ui: &mut Simulator<'_, Message>, at: Point, y: f32) {
    ui.point_at(at);
    ui.simulate([Event::Mouse(mouse::Event::WheelScrolled {
        delta: mouse::ScrollDelta::Pixels { x: 0.0, y },
    })]);
}

fn capture(app: &App) -> &rapporteur::ui::capture::Capture {
    &app.open.as_ref().unwrap().capture
}

#[test]
fn the_capture_log_builds_the_newest_rows_and_reaches_the_first_statement() {
    let mut session = demo_with(STATEMENTS);
    session.interventions.first_mut().unwrap().text = "The very first statement.".into();
    session.interventions.last_mut().unwrap().text = "The latest statement.".into();
    let first = session.interventions.first().unwrap().id;
    let Large { mut app, _dir } = large_app(session);
    assert_eq!(app.screen, Screen::Capture);
    let messages: Vec<Message> = {
        let mut ui = simulator(&app);
        assert!(ui.find("The latest statement.").is_ok(), "newest first");
        assert!(ui.find("The very first statement.").is_err(), "not built");
        wheel(&mut ui, LOG, -1e9);
        ui.into_messages().collect()
    };
    apply(&mut app, messages);
    let offset = capture(&app).log.offset();
    assert!(offset > 100_000.0, "scrolled to the end: {offset}");
    let messages: Vec<Message> = {
        let mut ui = simulator(&app);
        wheel(&mut ui, LOG, -offset);
        assert!(
            ui.find("The latest statement.").is_err(),
            "the newest are gone"
        );
        ui.click("The very first statement.")
            .expect("the first statement is built and on screen");
        ui.into_messages().collect()
    };
    apply(&mut app, messages);
    let correction = capture(&app)
        .correction
        .as_ref()
        .expect("its correction opens");
    assert_eq!(correction.id, first);
}

#[test]
fn a_long_list_of_speakers_builds_only_what_is_in_view() {
    let mut session = demo_with(100);
    let template = session.inscriptions.first().unwrap().clone();
    session.inscriptions = (1..=3_000)
        .map(|id| rapporteur::core::Inscription {
            id,
            ..template.clone()
        })
        .collect();
    let Large { mut app, _dir } = large_app(session);
    let speakers = |app: &App| capture(app).speakers.window().rows;
    let top = speakers(&app);
    assert!(
        top.start == 0 && top.len() < 200,
        "the first rows only: {top:?}"
    );
    let messages: Vec<Message> = {
        let mut ui = simulator(&app);
        wheel(&mut ui, SPEAKERS, -1e9);
        ui.into_messages().collect()
    };
    assert!(
        messages.iter().any(|m| matches!(
            m,
            Message::Capture(rapporteur::ui::capture::Message::Speakers(
                virtual_list::Event::Scrolled(_)
            ))
        )),
        "the list of speakers reports its position"
    );
    apply(&mut app, messages);
    assert_eq!(capture(&app).speakers.len(), 3_000);
    let end = speakers(&app);
    assert!(
        end.start > 2_800 && end.end == 3_000,
        "the window follows the scroll to the end: {end:?}"
    );
    assert!(end.len() < 200, "only the rows in view: {end:?}");
}

#[test]
fn a_large_report_is_checked_when_typing_pauses_not_at_every_keystroke() {
    let Large { mut app, _dir } = large_editor();
    let e = editor(&app);
    assert!(e.report.blocks.len() > 1_500);
    assert!(e.findings_stale, "not checked while the editor opened");
    assert!(app.needs_ticks(), "the clock runs for the check");
    // A tick before the pause leaves it waiting; one after it checks.
    std::thread::sleep(std::time::Duration::from_millis(450));
    let _ = app.update(Message::Tick);
    let e = editor(&app);
    assert!(!e.findings_stale);
    let session = &app.open.as_ref().unwrap().session;
    assert_eq!(
        e.findings,
        rapporteur::report::checker::check(session, &e.report),
        "the findings of the report shown"
    );
    assert!(simulator(&app).find("(checking…)").is_err());
}
