//! One window per session: a lock on a side file (not the session file itself, which an
//! atomic save replaces).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{0} is already open in another Rapporteur window. Switch to that window, or close it first."
    )]
    Held(PathBuf),
    #[error(
        "{0} is a symbolic link; Rapporteur does not follow links for its lock files. Remove it and try again."
    )]
    Link(PathBuf),
    #[error(
        "{folder} cannot be written to ({source}), so {session} cannot be opened for work: its lock, saves and journal live beside it. Nothing was changed. Copy the file to a folder you can write to and open the copy."
    )]
    ReadOnly {
        session: PathBuf,
        folder: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}, the lock that keeps a session to one window, cannot be opened for writing ({source}). Nothing was changed. If no Rapporteur has this session open, give yourself write access to that file (or delete it) and open the session again."
    )]
    LockDenied {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot lock {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Held for as long as the session is open; released when dropped or when the process dies.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
}

pub fn lock_path(session: &Path) -> PathBuf {
    super::paths::side_path(session, "lock")
}

impl SessionLock {
    pub fn acquire(session: &Path) -> Result<Self, LockError> {
        let path = lock_path(session);
        // Never through a link: a planted `.NAME.lock` link must not get its target
        // created or truncated.
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
        let file = options.open(&path).map_err(|source| {
            // Whether the lock file was already there (not through a link).
            let existed = std::fs::symlink_metadata(&path).is_ok();
            match refusal(&source, existed) {
                Refusal::Link => LockError::Link(path.clone()),
                Refusal::LockFile => LockError::LockDenied {
                    path: path.clone(),
                    source,
                },
                Refusal::Folder => LockError::ReadOnly {
                    session: session.to_path_buf(),
                    folder: session
                        .parent()
                        .filter(|p| !p.as_os_str().is_empty())
                        .unwrap_or(Path::new("."))
                        .to_path_buf(),
                    source,
                },
                Refusal::Other => LockError::Io {
                    path: path.clone(),
                    source,
                },
            }
        })?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held(session.to_path_buf())),
            Err(TryLockError::Error(source)) => Err(LockError::Io { path, source }),
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    Link,
    /// The folder is read-only, or the lock file could not be created in it.
    Folder,
    /// The lock file is there but may not be written (another user's, or made read-only).
    LockFile,
    Other,
}

/// Why the lock file could not be opened: a permission refusal on a lock file already
/// there is that file's, not the folder's.
fn refusal(source: &std::io::Error, lock_existed: bool) -> Refusal {
    #[cfg(unix)]
    let (link, read_only_fs, denied) = {
        let code = source.raw_os_error();
        (
            code == Some(libc::ELOOP),
            code == Some(libc::EROFS),
            code == Some(libc::EACCES) || code == Some(libc::EPERM),
        )
    };
    // Windows: ERROR_CANT_RESOLVE_FILENAME (a link loop), ERROR_WRITE_PROTECT, and
    // ERROR_ACCESS_DENIED as the refusal.
    #[cfg(not(unix))]
    let (link, read_only_fs, denied) = {
        let code = source.raw_os_error();
        (
            code == Some(1921),
            code == Some(19) || source.kind() == std::io::ErrorKind::ReadOnlyFilesystem,
            source.kind() == std::io::ErrorKind::PermissionDenied,
        )
    };
    if link {
        Refusal::Link
    } else if read_only_fs || (denied && !lock_existed) {
        Refusal::Folder
    } else if denied {
        Refusal::LockFile
    } else {
        Refusal::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_lock_file_is_not_blamed_on_its_folder() {
        let err = |code| std::io::Error::from_raw_os_error(code);
        assert_eq!(refusal(&err(libc::EACCES), true), Refusal::LockFile);
        assert_eq!(refusal(&err(libc::EACCES), false), Refusal::Folder);
        assert_eq!(refusal(&err(libc::EROFS), true), Refusal::Folder);
        assert_eq!(refusal(&err(libc::ELOOP), true), Refusal::Link);
        assert_eq!(refusal(&err(libc::EIO), true), Refusal::Other);
        let message = LockError::LockDenied {
            path: PathBuf::from("/m/.s.json.lock"),
            source: err(libc::EACCES),
        }
        .to_string();
        assert!(message.contains("/m/.s.json.lock") && message.contains("Nothing was changed"));
    }

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let first = SessionLock::acquire(&session).unwrap();
        let second = SessionLock::acquire(&session).unwrap_err();
        assert!(second.to_string().contains("already open"), "{second}");
        drop(first);
        assert!(SessionLock::acquire(&session).is_ok());
    }

    #[test]
    fn a_planted_lock_link_is_refused_and_its_target_never_created() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let target = dir.path().join("victim");
        std::os::unix::fs::symlink(&target, lock_path(&session)).unwrap();
        let err = SessionLock::acquire(&session).unwrap_err();
        assert!(matches!(err, LockError::Link(_)), "{err}");
        assert!(!target.exists());
    }
}
