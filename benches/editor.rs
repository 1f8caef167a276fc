//! Editing speed on a large report: 2,000 interventions made into 300 paragraphs (most
//! of them thematic groups). Run: `cargo bench --bench editor`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod common;

use std::time::Duration;

use rapporteur::report::edit::Op;
use rapporteur::report::{Options, assemble};
use rapporteur::storage::Store;
use rapporteur::ui::app::{App, Message};
use rapporteur::ui::dialogs::ScriptedDialogs;
use rapporteur::ui::editor;
use rapporteur::ui::shortcuts::Command;

fn main() {
    // The statements of each chapter grouped by sevens: about 300 paragraphs in all.
    let mut s = common::grouped(common::demo_with(2_000));
    let report = assemble(&s, &Options::default());
    println!(
        "report: {} numbered paragraphs from {} interventions",
        report.numbered().len(),
        s.interventions.len()
    );

    let options = Options::default();
    let target_id = s.layout.chapters[2].paragraphs[3].id;
    let mut flip = false;
    common::measure(
        "apply an edit to the layout (a move)",
        Duration::from_millis(5),
        200,
        || {
            flip = !flip;
            let op = if flip {
                Op::MoveUp(target_id)
            } else {
                Op::MoveDown(target_id)
            };
            rapporteur::report::edit::apply(&mut s, &op).unwrap();
        },
    );
    common::measure(
        "reassemble the report after an edit",
        Duration::from_millis(5),
        200,
        || {
            std::hint::black_box(assemble(&s, &options));
        },
    );

    // Undo in a team session: another editor's move was merged in after mine, so undo
    // carries back only my step (`core::layout_carry`) instead of putting the old layout
    // back. The sample meeting and the large one side by side.
    for (name, mut team) in [
        (
            "sample (15)",
            common::grouped(rapporteur::core::demo::demo_session()),
        ),
        ("large (2,000)", s.clone()),
    ] {
        let ids: Vec<u32> = team
            .layout
            .resolve(&team)
            .paragraphs()
            .map(|p| p.id)
            .collect();
        let (mine, theirs) = (ids[ids.len() / 3], ids[ids.len() * 2 / 3]);
        let mut history = rapporteur::report::edit::History::default();
        history.apply(&mut team, &Op::MoveDown(mine)).unwrap();
        rapporteur::report::edit::apply(&mut team, &Op::MoveUp(theirs)).unwrap();
        let mut undone = false;
        common::measure(
            &format!("undo/redo my move after another's, {name}"),
            Duration::from_millis(5),
            200,
            || {
                undone = !undone;
                if undone {
                    history.undo(&mut team).unwrap();
                } else {
                    history.redo(&mut team).unwrap();
                }
            },
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.json");
    let store = Store::create(&path, &s).unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();
    let mut app = App::with_session(store, s, None, Box::new(ScriptedDialogs::default()));
    let _ = app.update(Message::Command(Command::ShowEditor));
    let _ = app.update(Message::Editor(editor::Message::Press(target_id)));
    let _ = app.update(Message::Editor(editor::Message::Release(target_id)));

    let mut frames = common::KeptFrames::new(app.view());
    let mut frame = |app: &App| frames.frame(app.view());
    frame(&app);
    let mut flip = false;
    // The editor's own update (the operation, the report rebuilt, the list), then the
    // frame; the root's save that follows an operation is timed on its own below.
    let mut step = |app: &mut App| {
        flip = !flip;
        let command = if flip {
            Command::MoveDown
        } else {
            Command::MoveUp
        };
        let open = app.open.as_mut().unwrap();
        let effect = open.editor.update(
            editor::Message::Shortcut(command),
            &mut open.session,
            open.revision,
        );
        assert_eq!(effect.save, rapporteur::ui::effect::Save::Now);
    };
    common::measure(
        "move a paragraph: update + view + layout + draw (kept UI cache)",
        Duration::from_millis(16),
        100,
        || {
            step(&mut app);
            frame(&app);
        },
    );
    // The app holds the session's lock: time the save on a copy beside it.
    let session = app.open.as_ref().unwrap().session.clone();
    let mut store = Store::create(&dir.path().join("copy.json"), &session).unwrap();
    common::measure(
        &format!(
            "the atomic save after it ({:.1} MB, with fsync)",
            bytes as f64 / 1e6
        ),
        Duration::from_millis(50),
        40,
        || store.save(&session).unwrap(),
    );
}
