//! Native file dialogs behind a trait, so tests never open a real one. Each dialog is a
//! future the root runs as a `Task` (as iced's own `editor` example does), so the
//! window keeps drawing, and saving, while a dialog is open.

use std::future::{Future, ready};
use std::path::PathBuf;
use std::pin::Pin;

/// The path chosen, or None when the dialog was cancelled (or none could be shown).
pub type Chosen = Pin<Box<dyn Future<Output = Option<PathBuf>> + Send>>;

pub trait Dialogs {
    fn open_session(&self) -> Chosen;
    fn new_session(&self) -> Chosen;
    fn import_speakers(&self) -> Chosen;
    fn export_report(&self, suggested: &str) -> Chosen;
}

fn pick(dialog: rfd::AsyncFileDialog) -> Chosen {
    Box::pin(async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) })
}

fn save(dialog: rfd::AsyncFileDialog) -> Chosen {
    Box::pin(async move { dialog.save_file().await.map(|f| f.path().to_path_buf()) })
}

/// rfd's native dialogs (a desktop portal on Linux; with none, rfd answers "cancelled").
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn open_session(&self) -> Chosen {
        pick(
            rfd::AsyncFileDialog::new()
                .set_title("Open a Rapporteur session")
                .add_filter("Rapporteur session", &["json"]),
        )
    }

    fn new_session(&self) -> Chosen {
        save(
            rfd::AsyncFileDialog::new()
                .set_title("New session: where to keep it")
                .set_file_name("meeting.json")
                .add_filter("Rapporteur session", &["json"]),
        )
    }

    fn import_speakers(&self) -> Chosen {
        pick(
            rfd::AsyncFileDialog::new()
                .set_title("Import a list of speakers")
                .add_filter("CSV", &["csv", "txt"]),
        )
    }

    fn export_report(&self, suggested: &str) -> Chosen {
        save(
            rfd::AsyncFileDialog::new()
                .set_title("Export the report")
                .set_file_name(suggested)
                .add_filter("Word document", &["docx"]),
        )
    }
}

/// Answers from a script: what tests and headless runs use.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub open: Option<PathBuf>,
    pub new: Option<PathBuf>,
    pub speakers: Option<PathBuf>,
    pub export: Option<PathBuf>,
}

impl Dialogs for ScriptedDialogs {
    fn open_session(&self) -> Chosen {
        Box::pin(ready(self.open.clone()))
    }

    fn new_session(&self) -> Chosen {
        Box::pin(ready(self.new.clone()))
    }

    fn import_speakers(&self) -> Chosen {
        Box::pin(ready(self.speakers.clone()))
    }

    fn export_report(&self, _suggested: &str) -> Chosen {
        Box::pin(ready(self.export.clone()))
    }
}
