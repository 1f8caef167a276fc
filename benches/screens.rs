//! What one key press or one screen costs as the meeting grows: the same steps on 100
//! statements (one paragraph each), 2,000 grouped into about 300 paragraphs, and 10,000
//! (one paragraph each), side by side. Each step is timed as the window runs it: the
//! update, the view, and the frame (layout and draw with the widget cache kept).
//! Run: `cargo bench --bench screens`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod common;
#[path = "../tests/support/tasks.rs"]
mod tasks;

use std::time::Instant;

use iced::keyboard::{Key, Modifiers, key::Named};
use iced::widget::text_editor;

use rapporteur::core::session::Session;
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Message};
use rapporteur::ui::dialogs::ScriptedDialogs;
use rapporteur::ui::{capture, editor};

struct Meeting {
    label: String,
    app: App,
    frames: common::KeptFrames,
    _dir: tempfile::TempDir,
}

impl Meeting {
    fn new(label: &str, session: Session) -> Meeting {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("bench.json"), &session).unwrap();
        let app = App::with_session(store, session, None, Box::new(ScriptedDialogs::default()));
        let frames = common::KeptFrames::new(app.view());
        Meeting {
            label: label.into(),
            app,
            frames,
            _dir: dir,
        }
    }

    /// One step as the event loop runs it: update, view, layout and draw; what the
    /// update's task produces (a report assembled ahead on another thread) is applied,
    /// as the runtime would a moment later.
    fn step(&mut self, message: Message) {
        let task = self.app.update(message);
        self.run(task);
        self.frames.frame(self.app.view());
    }

    fn run(&mut self, task: iced::Task<Message>) {
        for message in tasks::produced(task) {
            let task = self.app.update(message);
            self.run(task);
        }
    }

    /// Back on the capture screen, a statement picked, typed and logged.
    fn log(&mut self, text: &str) {
        self.key(Key::Character("1".into()), Modifiers::CTRL);
        self.step(Message::Capture(capture::Message::PickerInput("a".into())));
        self.step(Message::Capture(capture::Message::PickerSubmit));
        self.step(Message::Capture(capture::Message::Statement(
            text_editor::Action::Edit(text_editor::Edit::Paste(std::sync::Arc::new(
                text.to_string(),
            ))),
        )));
        self.step(Message::Capture(capture::Message::Commit));
    }

    fn key(&mut self, key: Key, modifiers: Modifiers) {
        self.step(Message::Key(key, modifiers));
    }

    fn paragraphs(&self) -> usize {
        self.app
            .open
            .as_ref()
            .unwrap()
            .editor
            .report
            .numbered()
            .len()
    }
}

fn ctrl(c: &str) -> (Key, Modifiers) {
    (Key::Character(c.into()), Modifiers::CTRL)
}

/// Median of `runs` runs of `f`, in milliseconds.
fn median(runs: usize, f: impl FnMut()) -> f64 {
    let times = common::timings(f, runs);
    times[runs / 2].as_secs_f64() * 1e3
}

/// One run of `f`, in milliseconds (for what is done once: opening a screen the first time).
fn once(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let mut meetings = vec![
        Meeting::new("100", common::demo_with(100)),
        Meeting::new("2,000 grouped", common::grouped(common::demo_with(2_000))),
        Meeting::new("10,000", common::demo_with(10_000)),
    ];
    let mut table: Vec<(String, Vec<f64>)> = Vec::new();
    let mut row = |name: &str, f: &mut dyn FnMut(&mut Meeting) -> f64| {
        let figures = meetings.iter_mut().map(&mut *f).collect();
        table.push((name.into(), figures));
    };

    row("capture: a keystroke in the statement box", &mut |m| {
        median(200, || {
            m.step(Message::Capture(capture::Message::Statement(
                text_editor::Action::Edit(text_editor::Edit::Insert('a')),
            )))
        })
    });
    row("capture: a clock tick while idle", &mut |m| {
        median(200, || m.step(Message::Tick))
    });
    // The ticks above found the capture screen idle: the report was assembled ahead.
    row(
        "open the editor the first time (assembled ahead)",
        &mut |m| {
            once(|| {
                let (k, mods) = ctrl("2");
                m.key(k, mods);
            })
        },
    );
    // From the top, as far as the smallest report goes (so no size is timed at its end,
    // where Down does nothing).
    row("editor: select the next paragraph (Down)", &mut |m| {
        median(60, || {
            m.key(Key::Named(Named::ArrowDown), Modifiers::empty())
        })
    });
    let mut flip = false;
    row("editor: move a paragraph (Alt+Down / Alt+Up)", &mut |m| {
        median(40, || {
            flip = !flip;
            let key = if flip {
                Named::ArrowDown
            } else {
                Named::ArrowUp
            };
            m.key(Key::Named(key), Modifiers::ALT)
        })
    });
    row("editor: a character typed in the paragraph", &mut |m| {
        median(40, || {
            m.step(Message::Editor(editor::Message::Edit(
                text_editor::Action::Edit(text_editor::Edit::Insert('a')),
            )))
        })
    });
    row("back to capture", &mut |m| {
        once(|| {
            let (k, mods) = ctrl("1");
            m.key(k, mods);
        })
    });
    row("open the report preview (the editor's report)", &mut |m| {
        once(|| {
            let (k, mods) = ctrl("3");
            m.key(k, mods);
        })
    });
    row("log a statement, then open the editor again", &mut |m| {
        m.log("thanked the panellists.");
        once(|| {
            let (k, mods) = ctrl("2");
            m.key(k, mods);
        })
    });
    row(
        "log a statement, a second on capture, then the editor",
        &mut |m| {
            m.log("welcomed the report.");
            // Two ticks: the second finds nothing changed since the first.
            m.step(Message::Tick);
            m.step(Message::Tick);
            once(|| {
                let (k, mods) = ctrl("2");
                m.key(k, mods);
            })
        },
    );
    row("move a paragraph, then open the preview again", &mut |m| {
        m.key(Key::Named(Named::ArrowDown), Modifiers::ALT);
        once(|| {
            let (k, mods) = ctrl("3");
            m.key(k, mods);
        })
    });

    let width = 58;
    print!("{:<width$}", "paragraphs in the report:");
    for m in &meetings {
        print!("{:>16}", m.paragraphs());
    }
    println!();
    print!("{:<width$}", "statements:");
    for m in &meetings {
        print!("{:>16}", m.label);
    }
    println!();
    for (name, figures) in &table {
        print!("{name:<width$}");
        for f in figures {
            print!("{:>13.2} ms", f);
        }
        println!();
    }
}
