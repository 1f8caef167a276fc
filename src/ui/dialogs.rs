//! Native file dialogs behind a trait, so tests never open a real one.

use std::path::PathBuf;

pub trait Dialogs {
    fn open_session(&self) -> Option<PathBuf>;
    fn new_session(&self) -> Option<PathBuf>;
    fn import_speakers(&self) -> Option<PathBuf>;
    fn export_report(&self, suggested: &str) -> Option<PathBuf>;
}

/// rfd's native dialogs (a desktop portal on Linux; with none, rfd answers "cancelled").
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn open_session(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open a Rapporteur session")
            .add_filter("Rapporteur session", &["json"])
            .pick_file()
    }

    fn new_session(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("New session: where to keep it")
            .set_file_name("meeting.json")
            .add_filter("Rapporteur session", &["json"])
            .save_file()
    }

    fn import_speakers(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Import a list of speakers")
            .add_filter("CSV", &["csv", "txt"])
            .pick_file()
    }

    fn export_report(&self, suggested: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export the report")
            .set_file_name(suggested)
            .add_filter("Word document", &["docx"])
            .save_file()
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
    fn open_session(&self) -> Option<PathBuf> {
        self.open.clone()
    }

    fn new_session(&self) -> Option<PathBuf> {
        self.new.clone()
    }

    fn import_speakers(&self) -> Option<PathBuf> {
        self.speakers.clone()
    }

    fn export_report(&self, _suggested: &str) -> Option<PathBuf> {
        self.export.clone()
    }
}
