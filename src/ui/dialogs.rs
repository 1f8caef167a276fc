//! Native file dialogs behind a trait, so tests never open a real one. Each dialog is a
//! future the root runs as a `Task` (as iced's own `editor` example does), so the
//! window keeps drawing, and saving, while a dialog is open.

use std::future::{Future, ready};
use std::path::PathBuf;
use std::pin::Pin;
use std::time::{Duration, Instant};

/// What a file dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Open,
    New,
    SaveAs,
    Export,
    ImportSpeakers,
    ShareTeam,
}

/// How a file dialog ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Path(PathBuf),
    Cancelled,
    /// No dialog could be shown: the path is typed in the window instead.
    NoDialog,
}

pub type Chosen = Pin<Box<dyn Future<Output = Answer> + Send>>;

/// rfd answers "nothing chosen" both when the person cancels and when no dialog could
/// be shown (on Linux, a desktop without a portal). Nobody cancels a dialog this fast.
const TOO_QUICK_TO_CANCEL: Duration = Duration::from_millis(400);

fn answered(started: Instant, path: Option<PathBuf>) -> Answer {
    match path {
        Some(path) => Answer::Path(path),
        None if started.elapsed() < TOO_QUICK_TO_CANCEL => Answer::NoDialog,
        None => Answer::Cancelled,
    }
}

pub trait Dialogs {
    fn open_session(&self) -> Chosen;
    fn new_session(&self) -> Chosen;
    fn import_speakers(&self) -> Chosen;
    fn export_report(&self, suggested: &str) -> Chosen;
    /// A new or empty folder for a team session.
    fn team_folder(&self) -> Chosen;
}

fn pick(dialog: rfd::AsyncFileDialog) -> Chosen {
    Box::pin(async move {
        let started = Instant::now();
        let path = dialog.pick_file().await.map(|f| f.path().to_path_buf());
        answered(started, path)
    })
}

fn save(dialog: rfd::AsyncFileDialog) -> Chosen {
    Box::pin(async move {
        let started = Instant::now();
        let path = dialog.save_file().await.map(|f| f.path().to_path_buf());
        answered(started, path)
    })
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
                .set_directory(crate::storage::places::documents())
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

    fn team_folder(&self) -> Chosen {
        let dialog = rfd::AsyncFileDialog::new().set_title(
            "Share for team capture: a new or empty folder your file-sync engine keeps in step",
        );
        Box::pin(async move {
            let started = Instant::now();
            let path = dialog.pick_folder().await.map(|f| f.path().to_path_buf());
            answered(started, path)
        })
    }
}

/// Answers from a script: what tests and headless runs use. A dialog without a path
/// is cancelled, or with `unavailable` one that could not be shown.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub open: Option<PathBuf>,
    pub new: Option<PathBuf>,
    pub speakers: Option<PathBuf>,
    pub export: Option<PathBuf>,
    pub team: Option<PathBuf>,
    pub unavailable: bool,
}

impl ScriptedDialogs {
    fn answer(&self, path: &Option<PathBuf>) -> Chosen {
        let answer = match path {
            Some(path) => Answer::Path(path.clone()),
            None if self.unavailable => Answer::NoDialog,
            None => Answer::Cancelled,
        };
        Box::pin(ready(answer))
    }
}

impl Dialogs for ScriptedDialogs {
    fn open_session(&self) -> Chosen {
        self.answer(&self.open)
    }

    fn new_session(&self) -> Chosen {
        self.answer(&self.new)
    }

    fn import_speakers(&self) -> Chosen {
        self.answer(&self.speakers)
    }

    fn export_report(&self, _suggested: &str) -> Chosen {
        self.answer(&self.export)
    }

    fn team_folder(&self) -> Chosen {
        self.answer(&self.team)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_chosen_at_once_means_no_dialog_and_later_a_cancel() {
        let now = Instant::now();
        assert_eq!(answered(now, None), Answer::NoDialog);
        assert_eq!(
            answered(now, Some(PathBuf::from("/a.json"))),
            Answer::Path(PathBuf::from("/a.json"))
        );
        let earlier = now.checked_sub(Duration::from_secs(2)).unwrap_or(now);
        if earlier != now {
            assert_eq!(answered(earlier, None), Answer::Cancelled);
        }
    }
}
