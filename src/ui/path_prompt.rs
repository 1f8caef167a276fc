//! Where no file dialog can be shown (a desktop without a portal, a remote session), the
//! path is typed instead: a field with the folder, the session's name and the extension
//! already proposed, checked before anything is opened or written.

use std::path::{Path, PathBuf};

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Element, Fill};

use super::dialogs::Asked;
use super::style;

pub const INPUT: &str = "path-prompt";

#[derive(Debug, Clone)]
pub enum Message {
    Input(String),
    Submit,
    Cancel,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    pub asked: Asked,
    pub value: String,
    /// Relative paths are taken from here (the session's folder).
    folder: PathBuf,
    pub error: Option<String>,
}

/// What the prompt says once it is done.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Open,
    Chosen(PathBuf),
    Cancelled,
}

impl PathPrompt {
    /// `folder`: the session's folder (or the home folder); `stem`: the session's name.
    pub fn new(asked: Asked, folder: &Path, stem: &str) -> PathPrompt {
        let name = match asked {
            Asked::Export => format!("{stem}.docx"),
            Asked::New => "meeting.json".into(),
            Asked::SaveAs => format!("{stem} copy.json"),
            Asked::Open | Asked::ImportSpeakers => String::new(),
            Asked::ShareTeam => format!("{stem} team"),
        };
        let mut value = folder.join(name).display().to_string();
        if matches!(asked, Asked::Open | Asked::ImportSpeakers)
            && !value.ends_with(std::path::MAIN_SEPARATOR)
        {
            value.push(std::path::MAIN_SEPARATOR);
        }
        PathPrompt {
            asked,
            value,
            folder: folder.to_path_buf(),
            error: None,
        }
    }

    pub fn update(&mut self, message: Message) -> Outcome {
        match message {
            Message::Input(value) => {
                self.value = value.chars().filter(|c| !c.is_control()).collect();
                self.error = None;
                Outcome::Open
            }
            Message::Cancel => Outcome::Cancelled,
            Message::Submit => match self.path().and_then(|p| check(self.asked, &p).map(|_| p)) {
                Ok(path) => Outcome::Chosen(path),
                Err(message) => {
                    self.error = Some(message);
                    Outcome::Open
                }
            },
        }
    }

    /// The path typed: `~` is the home folder, a relative path is in the session's
    /// folder.
    fn path(&self) -> Result<PathBuf, String> {
        let typed = self.value.trim();
        if typed.is_empty() {
            return Err("Type the path of the file.".into());
        }
        let path = match typed.strip_prefix("~/") {
            Some(rest) => crate::storage::places::home().join(rest),
            None => PathBuf::from(typed),
        };
        Ok(if path.is_absolute() {
            path
        } else {
            self.folder.join(path)
        })
    }

    pub fn view(&self) -> Element<'_, Message> {
        let (title, action) = match self.asked {
            Asked::Open => ("Open a session", "Open"),
            Asked::New => ("New session: where to keep it", "Create"),
            Asked::SaveAs => ("Save the session as", "Save"),
            Asked::Export => ("Export the report as DOCX", "Export"),
            Asked::ImportSpeakers => ("Import a list of speakers (CSV)", "Import"),
            Asked::ShareTeam => (
                "Share for team capture: a new or empty folder your file-sync engine keeps in step",
                "Share",
            ),
        };
        let mut body = column![
            text(title).size(style::size::TITLE),
            text("No file dialog could be shown on this desktop: type the path of the file.")
                .size(style::size::BODY)
                .color(style::MUTED),
            text_input("/path/to/the/file", &self.value)
                .id(INPUT)
                .on_input(Message::Input)
                .on_submit(Message::Submit)
                .padding(style::gap::M)
                .size(style::size::INPUT)
                .width(Fill),
        ]
        .spacing(style::gap::M);
        if let Some(error) = &self.error {
            body = body.push(text(error).size(style::size::BODY).color(style::ALERT));
        }
        body = body.push(
            row![
                button(text(format!("{action}  Enter"))).on_press(Message::Submit),
                button(text("Cancel  Esc"))
                    .style(button::secondary)
                    .on_press(Message::Cancel),
            ]
            .spacing(style::gap::M),
        );
        container(body)
            .padding(style::gap::PAGE)
            .max_width(760)
            .style(container::bordered_box)
            .into()
    }
}

/// Whether `path` can be used for `asked`: an existing file to read, a folder that
/// exists to write in, and for a new session no file already there.
pub fn check(asked: Asked, path: &Path) -> Result<(), String> {
    let shown = path.display();
    match asked {
        // A team folder opens as it is.
        Asked::Open if crate::storage::team::TeamFolder::is_team_folder(path) => Ok(()),
        Asked::ShareTeam => {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            if path.is_file() {
                Err(format!("{shown} is a file: a team session is a folder."))
            } else if !path.exists() && !parent.is_some_and(Path::is_dir) {
                Err(format!("There is no folder to make {shown} in."))
            } else {
                Ok(())
            }
        }
        Asked::Open | Asked::ImportSpeakers => {
            if path.is_dir() {
                Err(format!("{shown} is a folder: add the file's name."))
            } else if !path.is_file() {
                Err(format!("There is no file at {shown}."))
            } else {
                Ok(())
            }
        }
        Asked::New | Asked::SaveAs | Asked::Export => {
            if path.is_dir() || path.file_name().is_none() {
                return Err(format!("{shown} is a folder: add the file's name."));
            }
            let parent = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            if !parent.is_dir() {
                return Err(format!("There is no folder {}.", parent.display()));
            }
            if asked == Asked::New && path.exists() {
                return Err(format!(
                    "{shown} already exists: choose another name, or Open (Ctrl+O) to open it."
                ));
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proposal_is_the_folder_the_name_and_the_extension() {
        let folder = Path::new("/meetings");
        let p = PathPrompt::new(Asked::Export, folder, "hrc-panel");
        assert_eq!(p.value, "/meetings/hrc-panel.docx");
        assert_eq!(
            PathPrompt::new(Asked::Open, folder, "x").value,
            format!("/meetings{}", std::path::MAIN_SEPARATOR)
        );
        assert_eq!(
            PathPrompt::new(Asked::New, folder, "x").value,
            "/meetings/meeting.json"
        );
    }

    #[test]
    fn bad_paths_are_said_under_the_field_and_the_field_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let existing = dir.path().join("meeting.json");
        std::fs::write(&existing, "{}").unwrap();
        let mut p = PathPrompt::new(Asked::Open, dir.path(), "meeting");
        assert_eq!(p.update(Message::Submit), Outcome::Open);
        assert!(p.error.as_deref().unwrap().contains("is a folder"));
        p.update(Message::Input("nowhere.json".into()));
        assert_eq!(p.error, None);
        assert_eq!(p.update(Message::Submit), Outcome::Open);
        assert!(p.error.as_deref().unwrap().contains("There is no file"));
        assert_eq!(p.value, "nowhere.json", "what was typed stays");
        p.update(Message::Input("meeting.json".into()));
        assert_eq!(p.update(Message::Submit), Outcome::Chosen(existing.clone()));

        let mut n = PathPrompt::new(Asked::New, dir.path(), "meeting");
        assert_eq!(n.update(Message::Submit), Outcome::Open);
        assert!(n.error.as_deref().unwrap().contains("already exists"));
        n.update(Message::Input(String::new()));
        assert_eq!(n.update(Message::Submit), Outcome::Open);
        assert!(n.error.as_deref().unwrap().contains("Type the path"));
        let mut e = PathPrompt::new(Asked::Export, dir.path(), "meeting");
        e.update(Message::Input(format!(
            "{}/no/such/folder/r.docx",
            dir.path().display()
        )));
        assert_eq!(e.update(Message::Submit), Outcome::Open);
        assert!(e.error.as_deref().unwrap().contains("There is no folder"));
        assert_eq!(e.update(Message::Cancel), Outcome::Cancelled);
    }
}
