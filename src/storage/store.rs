//! An open session on disk: holds the lock, saves atomically, remembers the last durable
//! write and the last failure so the window can be honest about both.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Local};

use super::backup::{self, Reason};
use super::draft::{Draft, load_draft};
use super::file::{self, LoadError};
use super::journal::{self, Journal, Logged};
use super::lock::{LockError, SessionLock};
use super::paths;
use super::writer::{Writer, Written};
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
    #[error("{path}: {source}")]
    Path {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug)]
pub struct Store {
    /// The session's resolved path (links followed): the file that is locked and replaced.
    path: PathBuf,
    /// Writes the session off the caller's thread, started at the first save. Declared
    /// before the lock: dropping the store waits for the last write, then unlocks.
    writer: Option<Writer>,
    _lock: SessionLock,
    /// Time of the last write that reached the disk (reported by the writer).
    pub last_saved: Option<DateTime<Local>>,
    /// The last save failure, cleared by the next success. The session stays in memory.
    pub error: Option<String>,
    /// The last save reported failed (`error` says why).
    failed: bool,
    draft_error: Option<String>,
    /// What to tell the person about the file on opening: repairs made by the check,
    /// statements recovered from a journal, a backup that could not be kept.
    pub notices: Vec<String>,
    journal: Option<Journal>,
    last_backup: Option<Instant>,
}

fn resolved(path: &Path) -> Result<PathBuf, OpenError> {
    paths::resolve(path).map_err(|source| OpenError::Path {
        path: path.to_path_buf(),
        source,
    })
}

impl Store {
    /// Opens an existing session: lock first (a second window is refused), then read and
    /// check; a copy of the file as it was is kept among the backups. A file that cannot
    /// be read is never written to.
    pub fn open(path: &Path) -> Result<(Store, Session, Option<Draft>), OpenError> {
        let path = resolved(path)?;
        let lock = SessionLock::acquire(&path)?;
        let bytes = std::fs::read(&path).map_err(|source| LoadError::Io {
            path: path.clone(),
            source,
        })?;
        let loaded = file::check_bytes(&bytes, &path)?;
        file::sweep_orphans(&path);
        let draft = load_draft(&path);
        let mut store = Store::with_lock(&path, lock);
        store.notices = loaded.repairs;
        match backup::take(&path, &bytes, Reason::Opened) {
            Ok(_) => store.last_backup = Some(Instant::now()),
            Err(e) => store.notices.push(format!(
                "no backup of the session could be kept in {}: {e}",
                backup::folder(&path).display()
            )),
        }
        let session = loaded.session;
        if loaded.replayed > 0 {
            store.notices.push(format!(
                "{} {} logged from the command line recovered from the journal",
                loaded.replayed,
                if loaded.replayed == 1 {
                    "statement"
                } else {
                    "statements"
                }
            ));
            // Into the session file now, so the journal can go.
            let _ = store.save(&session);
        } else if loaded.journal_damaged == 0 && journal::journal_path(&path).exists() {
            // A journal whose lines the file already holds (the process stopped between
            // its last full save and removing the journal), or only a torn line that was
            // never acknowledged: nothing to take in, so it goes. A damaged one stays.
            let _ = journal::remove(&path);
        }
        Ok((store, session, draft))
    }

    /// Creates a new session file at `path` (which must not exist yet).
    pub fn create(path: &Path, session: &Session) -> Result<Store, OpenError> {
        let path = resolved(path)?;
        let lock = SessionLock::acquire(&path)?;
        if std::fs::symlink_metadata(&path).is_ok() {
            return Err(OpenError::Create {
                path,
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a file is already there",
                ),
            });
        }
        file::save(&path, session).map_err(|source| OpenError::Create {
            path: path.clone(),
            source,
        })?;
        let mut store = Store::with_lock(&path, lock);
        store.last_saved = Some(Local::now());
        Ok(store)
    }

    /// `rapporteur PATH`: open it, or start a new session there if nothing is there.
    pub fn open_or_create(path: &Path) -> Result<(Store, Session, Option<Draft>), OpenError> {
        if resolved(path)?.exists() {
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
            writer: None,
            _lock: lock,
            last_saved: None,
            error: None,
            failed: false,
            draft_error: None,
            notices: Vec::new(),
            journal: None,
            last_backup: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the whole session atomically (and so takes in, and removes, the journal),
    /// and waits until it is on disk. On failure (full disk, read-only folder) the old
    /// file stays intact, the error is kept for display, and the caller keeps the
    /// session in memory.
    pub fn save(&mut self, session: &Session) -> Result<(), String> {
        self.submit(session);
        self.wait()
    }

    /// Hands a snapshot of the session to the writer thread and returns at once;
    /// [`Store::poll`] or [`Store::wait`] learn when it is on disk. Snapshots are
    /// written in order.
    pub fn submit(&mut self, session: &Session) {
        let (path, backed_up) = (&self.path, self.last_backup);
        self.writer
            .get_or_insert_with(|| Writer::new(path, backed_up))
            .submit(session);
    }

    /// A snapshot handed in is not on disk yet.
    pub fn pending(&self) -> bool {
        self.writer.as_ref().is_some_and(Writer::pending)
    }

    /// A snapshot or a draft handed in is not on disk yet.
    pub fn busy(&self) -> bool {
        self.writer.as_ref().is_some_and(Writer::busy)
    }

    /// Takes in what the writer reported, without waiting: `last_saved` and `error`
    /// then say what is on disk. Returns whether anything was reported.
    pub fn poll(&mut self) -> bool {
        let reports = match &mut self.writer {
            Some(writer) => writer.poll(),
            None => return false,
        };
        let any = !reports.is_empty();
        for report in reports {
            self.take_in(report);
        }
        self.take_draft_report() || any
    }

    /// The writer's word on the drafts: whether it changed what `draft_error` says.
    fn take_draft_report(&mut self) -> bool {
        let Some(result) = self.writer.as_mut().and_then(Writer::draft_result) else {
            return false;
        };
        let was = self.draft_error.take();
        self.draft_error = result
            .err()
            .map(|e| format!("Could not save the statement being typed: {e}"));
        was != self.draft_error
    }

    /// Waits until every snapshot handed in is on disk (or failed); the result of the
    /// last one.
    pub fn wait(&mut self) -> Result<(), String> {
        let reports = match &mut self.writer {
            Some(writer) => writer.wait(),
            None => return Ok(()),
        };
        let mut last = Ok(());
        for report in reports {
            last = report.result.as_ref().map(|_| ()).map_err(String::clone);
            self.take_in(report);
        }
        self.take_draft_report();
        last
    }

    fn take_in(&mut self, report: Written) {
        match report.result {
            Ok(warning) => {
                self.last_saved = Some(report.at);
                self.journal = None;
                self.error = warning;
                self.failed = false;
            }
            Err(message) => {
                self.error = Some(message);
                self.failed = true;
            }
        }
    }

    /// Why the last save reported did not reach the disk, if it did not.
    pub fn failure(&self) -> Option<&str> {
        match &self.error {
            Some(message) if self.failed => Some(message),
            _ => None,
        }
    }

    /// Appends one logged statement to the journal: on disk when this returns Ok, at the
    /// cost of a small write however large the session. The next [`Store::save`] takes
    /// it into the session file.
    pub fn append_logged(&mut self, entry: &Logged) -> Result<(), String> {
        // A save still being written would remove the journal this line goes to.
        let _ = self.wait();
        let result = match &mut self.journal {
            Some(journal) => journal.append(entry),
            None => Journal::open(&self.path).and_then(|mut journal| {
                journal.append(entry)?;
                self.journal = Some(journal);
                Ok(())
            }),
        };
        result.map_err(|e| {
            self.journal = None;
            format!(
                "Could not write to {}: {e}",
                journal::journal_path(&self.path).display()
            )
        })
    }

    /// Replaces the session with a backup, after keeping the file it replaces (even a
    /// damaged one) among the backups. Returns the restored session.
    pub fn restore(&mut self, from: &Path) -> Result<Session, String> {
        // A save still being written would land over the restored file.
        let _ = self.wait();
        let session = restore_file(&self.path, from)?;
        self.journal = None;
        self.last_saved = Some(Local::now());
        self.error = None;
        self.failed = false;
        Ok(session)
    }

    /// Hands the statement being typed to the writer thread (written after the session
    /// handed in before it); a failure is reported by [`Store::poll`] in `draft_error`.
    pub fn save_draft(&mut self, draft: &Draft) {
        let (path, backed_up) = (&self.path, self.last_backup);
        self.writer
            .get_or_insert_with(|| Writer::new(path, backed_up))
            .submit_draft(draft.clone());
    }

    pub fn draft_error(&self) -> Option<&str> {
        self.draft_error.as_deref()
    }
}

/// Restores a session no window has open: takes its lock for the time of the restore (a
/// session open elsewhere is refused), then [`restore_file`].
pub fn restore_closed(session_path: &Path, from: &Path) -> Result<Session, String> {
    let _lock = SessionLock::acquire(session_path).map_err(|e| e.to_string())?;
    restore_file(session_path, from)
}

/// Restores the session at `session_path` (resolved, locked by the caller or not open at
/// all) from the backup `from`: the backup must be a readable session; the current file,
/// whatever its state, is kept as a backup first; the journal goes (a restore means
/// "back to that state").
pub fn restore_file(session_path: &Path, from: &Path) -> Result<Session, String> {
    let bytes = std::fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
    let loaded = file::check_bytes(&bytes, from).map_err(|e| e.to_string())?;
    match std::fs::read(session_path) {
        Ok(current) => {
            let kept = with_journal(session_path, &current);
            let taken = backup::take(session_path, &kept, Reason::BeforeRestore).map_err(|e| {
                format!(
                    "The current file could not be kept as a backup ({e}); nothing was restored."
                )
            })?;
            // Lines the journal held that could not go into the kept copy (the file
            // itself unreadable): kept beside it, whole.
            if kept == current
                && let Ok(lines) = std::fs::read(journal::journal_path(session_path))
                && !lines.is_empty()
            {
                let mut beside = taken.into_os_string();
                beside.push(".journal");
                super::file::write_atomic(Path::new(&beside), &lines).map_err(|e| {
                    format!(
                        "The journal could not be kept beside the backup ({e}); nothing was restored."
                    )
                })?;
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(format!(
                "{}: {e}; nothing was restored",
                session_path.display()
            ));
        }
    }
    file::write_atomic(session_path, &bytes)
        .map_err(|e| format!("Could not restore {}: {e}", session_path.display()))?;
    journal::remove(session_path).map_err(|e| format!("{e}"))?;
    Ok(loaded.session)
}

/// The session file's content with the journal's statements in it (what opening it
/// would show), or the content as it is when it cannot be read or the journal adds
/// nothing.
fn with_journal(session_path: &Path, current: &[u8]) -> Vec<u8> {
    let journal = std::fs::metadata(journal::journal_path(session_path)).map_or(0, |m| m.len());
    if journal == 0 {
        return current.to_vec();
    }
    // Reading the file takes in its journal.
    match file::check_bytes(current, session_path) {
        Ok(loaded) => file::to_bytes(&loaded.session),
        Err(_) => current.to_vec(),
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
    fn a_failed_save_is_reported_never_as_saved_and_the_next_one_lands() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let (mut store, session, _) = Store::open_or_create(&path).unwrap();
        let saved_at = store.last_saved;
        // A folder in the way of the rename makes the save fail as a full disk would.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        let err = store.save(&demo_session()).unwrap_err();
        assert!(err.contains("Could not save"), "{err}");
        assert_eq!(store.failure(), Some(err.as_str()));
        assert_eq!(store.last_saved, saved_at, "a failed save is not a save");
        std::fs::remove_dir(&path).unwrap();
        store.save(&session).unwrap();
        assert!(store.error.is_none() && store.failure().is_none());
        assert_eq!(
            file::parse(&std::fs::read(&path).unwrap(), &path).unwrap(),
            session
        );
    }

    #[test]
    fn snapshots_handed_in_land_in_order_and_the_newest_is_what_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let (mut store, mut session, _) = Store::open_or_create(&path).unwrap();
        for n in 0..200 {
            session.name = format!("version {n}");
            store.submit(&session);
        }
        assert!(store.wait().is_ok());
        assert!(!store.pending());
        let on_disk = file::parse(&std::fs::read(&path).unwrap(), &path).unwrap();
        assert_eq!(on_disk.name, "version 199");
    }

    #[test]
    fn dropping_the_store_waits_for_the_last_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let (mut store, mut session, _) = Store::open_or_create(&path).unwrap();
        session.interventions = demo_session().interventions;
        session.name = "last".into();
        store.submit(&session);
        drop(store);
        let on_disk = file::parse(&std::fs::read(&path).unwrap(), &path).unwrap();
        assert_eq!(on_disk.name, "last");
        assert!(Store::open(&path).is_ok(), "and the lock is free");
    }
}
