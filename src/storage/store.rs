//! An open session on disk: holds the lock, saves atomically, remembers the last durable
//! write and the last failure so the window can be honest about both.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use super::draft::{Draft, load_draft, save_draft};
use super::file::{self, LoadError};
use super::lock::{LockError, SessionLock};
use crate::core::meeting::ReportKind;
use crate::core::session::Session;

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("cannot create {path}: {source}")]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    _lock: SessionLock,
    /// Time of the last write that reached the disk.
    pub last_saved: Option<DateTime<Local>>,
    /// The last save failure, cleared by the next success. The session stays in memory.
    pub error: Option<String>,
    draft_error: Option<String>,
}

impl Store {
    /// Opens an existing session: lock first (a second window is refused), then read.
    /// A file that cannot be read is never written to.
    pub fn open(path: &Path) -> Result<(Store, Session, Option<Draft>), OpenError> {
        let lock = SessionLock::acquire(path)?;
        let session = file::load(path)?;
        file::sweep_orphans(path);
        let draft = load_draft(path);
        Ok((Store::with_lock(path, lock), session, draft))
    }

    /// Creates a new session file at `path` (which must not exist yet).
    pub fn create(path: &Path, session: &Session) -> Result<Store, OpenError> {
        let lock = SessionLock::acquire(path)?;
        if path.exists() {
            return Err(OpenError::Create {
                path: path.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a file is already there",
                ),
            });
        }
        file::save(path, session).map_err(|source| OpenError::Create {
            path: path.to_path_buf(),
            source,
        })?;
        let mut store = Store::with_lock(path, lock);
        store.last_saved = Some(Local::now());
        Ok(store)
    }

    /// `rapporteur PATH`: open it, or start a new session there if nothing is there.
    pub fn open_or_create(path: &Path) -> Result<(Store, Session, Option<Draft>), OpenError> {
        if path.exists() {
            return Store::open(path);
        }
        let name = path
            .file_stem()
            .map(|s| {
                s.to_string_lossy()
                    .trim_end_matches(".rapporteur")
                    .to_string()
            })
            .unwrap_or_else(|| "New meeting".into());
        let session = Session::new(&name, ReportKind::PanelSummary);
        let store = Store::create(path, &session)?;
        Ok((store, session, None))
    }

    fn with_lock(path: &Path, lock: SessionLock) -> Store {
        Store {
            path: path.to_path_buf(),
            _lock: lock,
            last_saved: None,
            error: None,
            draft_error: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the whole session atomically. On failure (full disk, read-only folder) the
    /// old file stays intact, the error is kept for display, and the caller keeps the
    /// session in memory and tries again later.
    pub fn save(&mut self, session: &Session) -> Result<(), String> {
        match file::save(&self.path, session) {
            Ok(()) => {
                self.last_saved = Some(Local::now());
                self.error = None;
                Ok(())
            }
            Err(e) => {
                let message = format!(
                    "Could not save {}: {e}. Everything is kept in memory; Rapporteur retries every second. Free some space or choose Save as (Ctrl+Shift+S).",
                    self.path.display()
                );
                self.error = Some(message.clone());
                Err(message)
            }
        }
    }

    pub fn save_draft(&mut self, draft: &Draft) -> Result<(), String> {
        match save_draft(&self.path, draft) {
            Ok(()) => {
                self.draft_error = None;
                Ok(())
            }
            Err(e) => {
                let message = format!("Could not save the statement being typed: {e}");
                self.draft_error = Some(message.clone());
                Err(message)
            }
        }
    }

    pub fn draft_error(&self) -> Option<&str> {
        self.draft_error.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;

    #[test]
    fn open_or_create_then_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("panel.json");
        let (mut store, mut session, draft) = Store::open_or_create(&path).unwrap();
        assert!(draft.is_none());
        assert_eq!(session.name, "panel");
        session.name = "Renamed".into();
        store.save(&session).unwrap();
        assert!(store.last_saved.is_some());
        let refused = Store::open(&path).unwrap_err();
        assert!(matches!(refused, OpenError::Lock(_)), "{refused}");
        drop(store);
        let (_store, reopened, _) = Store::open(&path).unwrap();
        assert_eq!(reopened.name, "Renamed");
    }

    #[test]
    fn a_corrupt_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.json");
        std::fs::write(&path, b"{\"format_version\": \"1.0\", \"name\": ").unwrap();
        let err = Store::open_or_create(&path).unwrap_err();
        assert!(err.to_string().contains("bad.json"), "{err}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"{\"format_version\": \"1.0\", \"name\": "
        );
    }

    #[test]
    fn a_failed_save_keeps_the_old_file_and_reports() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let (mut store, session, _) = Store::open_or_create(&path).unwrap();
        let before = std::fs::read(&path).unwrap();
        // A folder in the way of the rename makes the save fail as a full disk would.
        let blocked = dir.path().join("blocked.json");
        std::fs::create_dir(&blocked).unwrap();
        store.path = blocked;
        let err = store.save(&demo_session()).unwrap_err();
        assert!(err.contains("Could not save"), "{err}");
        assert!(store.error.is_some());
        store.path = path.clone();
        store.save(&session).unwrap();
        assert!(store.error.is_none());
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}
