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
            #[cfg(unix)]
            let link = source.raw_os_error() == Some(libc::ELOOP);
            #[cfg(not(unix))]
            let link = false;
            #[cfg(unix)]
            let read_only = matches!(source.raw_os_error(), Some(libc::EROFS | libc::EACCES));
            #[cfg(not(unix))]
            let read_only = source.kind() == std::io::ErrorKind::PermissionDenied;
            if link {
                LockError::Link(path.clone())
            } else if read_only {
                LockError::ReadOnly {
                    session: session.to_path_buf(),
                    folder: session
                        .parent()
                        .filter(|p| !p.as_os_str().is_empty())
                        .unwrap_or(Path::new("."))
                        .to_path_buf(),
                    source,
                }
            } else {
                LockError::Io {
                    path: path.clone(),
                    source,
                }
            }
        })?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held(session.to_path_buf())),
            Err(TryLockError::Error(source)) => Err(LockError::Io { path, source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
