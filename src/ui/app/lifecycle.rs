//! Opening, creating, sharing and letting go of a session: the root's life cycle. The
//! session on screen is let go of only once it is on disk; a file that failed to open
//! is never written to.

use std::path::{Path, PathBuf};

use iced::Task;

use crate::core::demo::demo_session;
use crate::core::session::Session;
use crate::storage::backup;
use crate::storage::draft::Draft;
use crate::storage::team::session::TeamSession;
use crate::storage::team::worker::TeamWorker;
use crate::storage::team::{Device, TeamFolder};
use crate::storage::{Store, places};

use crate::ui::background;

use super::{
    App, BackupsPanel, Capture, Editor, MeetingScreen, Message, Notice, Open, Preview, Revision,
    Saving, Screen,
};

impl App {
    pub(super) fn install(&mut self, store: Store, session: Session, draft: Option<Draft>) {
        let capture = Capture::new(&session, draft);
        let preview = Preview::new(&session);
        let revision = Revision::default();
        let meeting = MeetingScreen::new(&session);
        let editor = Editor::new();
        self.open = Some(Open {
            store,
            session,
            capture,
            meeting,
            editor,
            preview,
            revision,
            team: None,
        });
        self.screen = Screen::Capture;
        self.saving = Saving::default();
        // What was said of the session let go of is said no more.
        self.notice = None;
        self.waiting.clear();
    }

    /// Closes the current session (saved first) and opens another, waiting for the
    /// disk (at start-up, and for a session made here). On failure the current session
    /// stays open and nothing is written to the file that failed.
    pub(super) fn open_path(&mut self, path: &Path, create: bool) -> Result<(), String> {
        if self.is_open(path) {
            return Ok(());
        }
        let device = self.device.clone();
        let loaded = load(path, create, device.as_deref());
        self.adopt(path, loaded)
    }

    /// [`App::open_path`] with the reading (and a team folder's merge) on a thread of its
    /// own: on OneDrive or SMB it can take seconds, and the window goes on meanwhile.
    pub(super) fn open_in_background(&mut self, path: PathBuf, create: bool) -> Task<Message> {
        if self.is_open(&path) {
            return Task::none();
        }
        let device = self.device.clone();
        let from = path.clone();
        background::run(move || load(&from, create, device.as_deref())).map(move |loaded| {
            let loaded = loaded.unwrap_or_else(|| {
                Err(Failed::Other(format!(
                    "{}: the opening stopped; nothing was changed",
                    path.display()
                )))
            });
            Message::Loaded(path.clone(), Handed::new(loaded))
        })
    }

    /// A session read in the background, taken in (or its failure told).
    pub(super) fn loaded(&mut self, path: &Path, handed: &Handed) -> Task<Message> {
        let Some(loaded) = handed.take() else {
            return Task::none();
        };
        if let Err(e) = self.adopt(path, loaded) {
            self.tell(Notice::error(e));
        }
        self.focus_task()
    }

    fn is_open(&self, path: &Path) -> bool {
        self.open.as_ref().is_some_and(|o| {
            o.store.path() == path || o.team.as_ref().is_some_and(|t| t.root() == path)
        })
    }

    /// Lets go of the session on screen (on disk first) and takes in the one loaded.
    fn adopt(&mut self, path: &Path, loaded: Result<Loaded, Failed>) -> Result<(), String> {
        let loaded = match loaded {
            Ok(loaded) => loaded,
            Err(Failed::File(e)) => {
                self.failed_open = Some(path.to_path_buf());
                return Err(e);
            }
            Err(Failed::Other(e)) => return Err(e),
        };
        // Letting go of the session on screen: on disk first.
        self.flush();
        if self.saving.failing() {
            // The session on screen is not on disk: keep it open rather than lose it.
            return Err(format!(
                "{} was not opened: the current session could not be saved, and it stays open so that nothing is lost.",
                path.display()
            ));
        }
        match loaded {
            Loaded::File {
                store,
                session,
                draft,
            } => {
                let recovered = draft.is_some();
                places::remember(store.path());
                let mut lines = store.notices.clone();
                if recovered {
                    lines.push(
                        "Recovered the statement you were typing when Rapporteur last stopped."
                            .into(),
                    );
                }
                self.install(store, session, draft);
                if !lines.is_empty() {
                    self.tell(Notice::info(match lines.as_slice() {
                        [one] => one.clone(),
                        many => format!(
                            "The session was checked on opening: {}. A copy of the file as it was is kept among its backups.",
                            many.join("; ")
                        ),
                    }));
                }
            }
            Loaded::Team {
                store,
                team,
                session,
                draft,
                notices,
            } => {
                places::remember(team.root());
                self.install(store, session, draft);
                if let Some(open) = &mut self.open {
                    open.team = Some(TeamWorker::start(*team));
                    open.store.submit(&open.session);
                }
                if !notices.is_empty() {
                    self.tell(Notice::lasting(notices.join("; ")));
                }
            }
        }
        Ok(())
    }

    pub(super) fn open_demo(&mut self) -> Result<(), String> {
        let path = places::new_demo_path();
        let store = Store::create(&path, &demo_session()).map_err(|e| e.to_string())?;
        drop(store);
        self.open_path(&path, false)
    }

    /// After a session failed to open (a damaged file), its backups are offered.
    pub(super) fn offer_backups_after_failure(&mut self) {
        if let Some(path) = self.failed_open.take() {
            let resolved = crate::storage::paths::resolve(&path).unwrap_or(path);
            let list = backup::list(&resolved);
            if self.open.is_none() && !list.is_empty() {
                self.backups = Some(BackupsPanel {
                    session: resolved,
                    list,
                });
            }
        }
    }

    /// Replaces a session with one of its backups. The open session is saved first, so
    /// the state it replaces is itself kept as a backup.
    pub(super) fn restore(&mut self, from: &Path) {
        let Some(panel) = self.backups.take() else {
            return;
        };
        let result = match self.open.take() {
            Some(mut open) if open.store.path() == panel.session => {
                let _ = open.store.save(&open.session);
                match open.store.restore(from) {
                    Ok(session) => {
                        self.install(open.store, session, None);
                        Ok(())
                    }
                    Err(e) => {
                        self.open = Some(open);
                        Err(e)
                    }
                }
            }
            other => {
                self.open = other;
                crate::storage::store::restore_closed(&panel.session, from)
                    .and_then(|_| self.open_path(&panel.session, false))
            }
        };
        self.tell(match result {
            Ok(()) => Notice::info(format!(
                "Restored {} from the backup taken {}. The file it replaced is kept among the backups.",
                panel.session.display(),
                panel
                    .list
                    .iter()
                    .find(|b| b.path == from)
                    .map(|b| b.describe())
                    .unwrap_or_else(|| from.display().to_string())
            )),
            Err(e) => Notice::error(e),
        });
    }

    /// "Share for team capture": the open session becomes a team session in `folder`
    /// and the window goes on in it; the session file is left as it is.
    pub(super) fn share_team(&mut self, folder: &Path) {
        let Some(open) = &self.open else { return };
        let file = open.store.path().to_path_buf();
        let device = Device::this_run(self.device.as_deref());
        let mut session = open.session.clone();
        session.device = None;
        if let Err(e) = TeamSession::share(&session, folder, device) {
            self.tell(Notice::error(e));
            return;
        }
        match self.open_path(folder, false) {
            Ok(()) => {
                self.tell(Notice::info(format!(
                    "Shared for team capture in {}: the others open that folder once their file-sync engine has it. {} stays as it was.",
                    folder.display(),
                    file.display()
                )))
            }
            Err(e) => self.tell(Notice::error(e)),
        }
    }

    /// Goes on in a new file chosen for the open session ("Save as").
    pub(super) fn save_as(&mut self, path: &Path) {
        let Some(open) = &mut self.open else { return };
        match Store::create(path, &open.session) {
            Ok(store) => {
                open.store = store;
                places::remember(path);
                self.saving.failing = super::saving::Failing::Nothing;
                self.tell(Notice::info(format!("Now working in {}", path.display())));
                self.save_now();
            }
            Err(e) => self.tell(Notice::error(e.to_string())),
        }
    }
}

/// A session read from the disk, ready to be taken in.
pub enum Loaded {
    File {
        store: Store,
        session: Session,
        draft: Option<Draft>,
    },
    /// A team folder: the merged session, written to under this device's name, with a
    /// local working copy (lock, the statement being typed) in the app's folder.
    Team {
        store: Store,
        team: Box<TeamSession>,
        session: Session,
        draft: Option<Draft>,
        notices: Vec<String>,
    },
}

/// Why a session was not opened: the file itself (its backups are offered), or
/// something else (a team folder, the working copy).
#[derive(Debug)]
pub enum Failed {
    File(String),
    Other(String),
}

/// A background opening's result, handed to the window's thread once.
pub type Handed = background::Handed<Result<Loaded, Failed>>;

/// Reads a session file (made when `create`), or a team folder (also when named by its
/// `team.json`), touching nothing of the window.
fn load(path: &Path, create: bool, device: Option<&str>) -> Result<Loaded, Failed> {
    if TeamFolder::is_team_folder(path) {
        return load_team(path, device).map_err(Failed::Other);
    }
    // A team folder chosen through its marker file in the Open dialog.
    if path.file_name().is_some_and(|n| n == "team.json")
        && let Some(folder) = path.parent().filter(|f| TeamFolder::is_team_folder(f))
    {
        return load_team(folder, device).map_err(Failed::Other);
    }
    let result = if create {
        Store::open_or_create(path)
    } else {
        Store::open(path)
    };
    let (store, session, draft) = result.map_err(|e| Failed::File(e.to_string()))?;
    Ok(Loaded::File {
        store,
        session,
        draft,
    })
}

fn load_team(folder: &Path, device: Option<&str>) -> Result<Loaded, String> {
    let device = Device::this_run(device);
    let copy = crate::ui::team::working_copy(folder, &device.name);
    if let Some(dir) = copy.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    // The local copy's lock keeps a second window off this team folder; what it held is
    // replaced by the merged session.
    let (store, local, draft) = Store::open_or_create(&copy).map_err(|e| e.to_string())?;
    let (mut team, mut session, mut notices) = TeamSession::open(folder, device)?;
    // Statements this device logged while the folder could not be written, kept in its
    // working copy: into the team session now.
    match team.recover(&local, &mut session) {
        Ok(0) => {}
        Ok(n) => notices.push(format!(
            "{n} {} logged here while the team folder could not be written {} now in it",
            if n == 1 { "statement" } else { "statements" },
            if n == 1 { "is" } else { "are" }
        )),
        Err(e) => notices.push(e),
    }
    Ok(Loaded::Team {
        store,
        team: Box::new(team),
        session,
        draft,
        notices,
    })
}
