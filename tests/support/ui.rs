//! Shared helpers for the Simulator tests: an app on a copy of the demo meeting, a
//! headless view of it, and "run these clicks and keys, then apply what they produced".

use iced::keyboard::{self, Key, Modifiers};
use iced::{Event, Font, Point, Settings, mouse};
use iced_test::Simulator;

use rapporteur::core::demo::demo_session;
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Message};
use rapporteur::ui::dialogs::ScriptedDialogs;
use rapporteur::ui::{FONT_BOLD, FONT_NAME, FONT_REGULAR};

pub struct Fixture {
    pub app: App,
    pub path: std::path::PathBuf,
    pub _dir: tempfile::TempDir,
}

pub fn demo_app() -> Fixture {
    app_on(demo_session())
}

/// An app on this session, saved in a fresh folder.
pub fn app_on(session: rapporteur::core::Session) -> Fixture {
    super::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.json");
    let store = Store::create(&path, &session).unwrap();
    let app = App::with_session(store, session, None, Box::new(ScriptedDialogs::default()));
    Fixture {
        app,
        path,
        _dir: dir,
    }
}

pub fn simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(
        Settings {
            fonts: vec![FONT_REGULAR.into(), FONT_BOLD.into()],
            default_font: Font::with_name(FONT_NAME),
            ..Settings::default()
        },
        rapporteur::ui::window_fit::OPENING,
        app.view(),
    )
}

/// Runs an interaction on a fresh simulator of the current view, then applies its messages.
pub fn interact(app: &mut App, steps: impl FnOnce(&mut Simulator<'_, Message>)) {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        steps(&mut ui);
        ui.into_messages().collect()
    };
    for message in messages {
        update(app, message);
    }
}

/// Applies a message, then runs the task it returned as the window's runtime would:
/// what the task produces (a file dialog's answer) is applied in turn. Widget
/// operations (focus, scrolling) need a real tree and are left out.
pub fn update(app: &mut App, message: Message) {
    let task = app.update(message);
    for message in super::tasks::produced(task) {
        update(app, message);
    }
}

/// A key press as the window delivers it (for keys a focused widget should see).
pub fn key_event(key: Key, modifiers: Modifiers) -> Event {
    Event::Keyboard(keyboard::Event::KeyPressed {
        modified_key: key.clone(),
        key,
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers,
        text: None,
        repeat: false,
    })
}

/// A mouse drag as the window delivers it: press at `from`, four moves to `to`, release.
pub fn drag(ui: &mut Simulator<'_, Message>, from: Point, to: Point) {
    ui.point_at(from);
    ui.simulate([
        Event::Mouse(mouse::Event::CursorMoved { position: from }),
        Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)),
    ]);
    for step in 1..=4 {
        let t = step as f32 / 4.0;
        let at = Point::new(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        ui.point_at(at);
        ui.simulate([Event::Mouse(mouse::Event::CursorMoved { position: at })]);
    }
    ui.simulate([Event::Mouse(mouse::Event::ButtonReleased(
        mouse::Button::Left,
    ))]);
}

/// Ctrl+L's target: click the picker, type, Enter.
pub fn pick(app: &mut App, query: &str) {
    interact(app, |ui| {
        ui.click(iced_test::selector::id("picker")).unwrap();
        ui.typewrite(query);
        ui.tap_key(keyboard::key::Named::Enter);
    });
}

/// Clicks the statement box and types.
pub fn type_statement(app: &mut App, text: &str) {
    interact(app, |ui| {
        ui.click(iced_test::selector::id("statement")).unwrap();
        ui.typewrite(text);
    });
}
