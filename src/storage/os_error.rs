//! The same words for the same trouble on every system: a full disk, a read-only folder,
//! a refused access or a file held open by another program read alike on Linux and on
//! Windows (whose own texts differ, and are translated into the user's language by
//! Windows, not by us). The error keeps its kind, so callers still tell cases apart.

use std::io;
use std::time::Duration;

/// `error` with our wording when it is one of the cases a user can act on; any other
/// error is returned as the system gave it, and one already in words as it is.
pub fn plain(error: io::Error) -> io::Error {
    if error.get_ref().is_some() {
        return error;
    }
    let words = match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full (or your quota on it is used up); free some space and try again"
        }
        io::ErrorKind::ReadOnlyFilesystem => "the disk or folder is read-only",
        io::ErrorKind::PermissionDenied if held_open(&error) => HELD_OPEN,
        io::ErrorKind::PermissionDenied => "access denied: you may not write there",
        io::ErrorKind::ResourceBusy => HELD_OPEN,
        _ if held_open(&error) => HELD_OPEN,
        _ => return error,
    };
    io::Error::new(error.kind(), words)
}

const HELD_OPEN: &str = "the file is held open by another program (OneDrive, an antivirus, Word or a preview pane); close it or wait a moment, then try again";

/// Windows refuses to replace or delete a file that another program has open without
/// sharing it: a sync engine uploading it, an antivirus scanning it, a preview pane.
/// These codes are Windows' own (winerror.h); they mean nothing on Linux.
pub fn held_open(error: &io::Error) -> bool {
    cfg!(windows) && error.raw_os_error().is_some_and(is_held_open_code)
}

/// ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION, ERROR_USER_MAPPED_FILE.
fn is_held_open_code(code: i32) -> bool {
    matches!(code, 32 | 33 | 1224)
}

/// Whether replacing a file may succeed if tried again a moment later: held open, or
/// ERROR_ACCESS_DENIED, which Windows also gives while a replaced file's delete is still
/// pending (a sync engine or antivirus holding the old one).
pub fn may_pass(error: &io::Error) -> bool {
    held_open(error) || (cfg!(windows) && error.raw_os_error() == Some(5))
}

/// A replace still refused after [`HOLD_WAITS`]: Windows says "access denied" both for a
/// file another program holds open and for one you may not write, so both are named.
pub fn still_held(error: io::Error) -> io::Error {
    if may_pass(&error) {
        io::Error::new(error.kind(), HELD_OR_DENIED)
    } else {
        error
    }
}

const HELD_OR_DENIED: &str = "the file is held open by another program (OneDrive, an antivirus, Word or a preview pane), or you may not write there; the old file is as it was; close it or wait a moment, then try again";

/// How long a save waits for another program to let go of the file before it gives up:
/// an antivirus scan or a sync engine's upload usually takes well under a second.
pub const HOLD_WAITS: [Duration; 6] = [
    Duration::from_millis(50),
    Duration::from_millis(100),
    Duration::from_millis(200),
    Duration::from_millis(400),
    Duration::from_millis(800),
    Duration::from_millis(1500),
];

/// Runs `op`, and again after each of `waits` while it fails with an error `busy` says
/// will pass; the last error is returned when the waits are spent.
pub fn retry<T>(
    mut op: impl FnMut() -> io::Result<T>,
    busy: impl Fn(&io::Error) -> bool,
    waits: &[Duration],
) -> io::Result<T> {
    let mut waits = waits.iter();
    loop {
        match op() {
            Err(e) if busy(&e) => match waits.next() {
                Some(wait) => std::thread::sleep(*wait),
                None => return Err(e),
            },
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cases_a_user_can_act_on_read_the_same_everywhere() {
        let full = plain(io::Error::from(io::ErrorKind::StorageFull));
        assert_eq!(full.kind(), io::ErrorKind::StorageFull);
        assert!(full.to_string().starts_with("the disk is full"), "{full}");
        let read_only = plain(io::Error::from(io::ErrorKind::ReadOnlyFilesystem));
        assert_eq!(read_only.to_string(), "the disk or folder is read-only");
        let denied = plain(io::Error::from(io::ErrorKind::PermissionDenied));
        assert!(denied.to_string().starts_with("access denied"), "{denied}");
        // Linux's own codes arrive as the same words.
        let enospc = plain(io::Error::from_raw_os_error(libc::ENOSPC));
        assert!(
            enospc.to_string().starts_with("the disk is full"),
            "{enospc}"
        );
        let erofs = plain(io::Error::from_raw_os_error(libc::EROFS));
        assert_eq!(erofs.to_string(), "the disk or folder is read-only");
        // Anything else keeps the system's text, and words already given stay.
        let other = plain(io::Error::other("something else"));
        assert_eq!(other.to_string(), "something else");
        let worded = plain(io::Error::new(io::ErrorKind::PermissionDenied, "held"));
        assert_eq!(worded.to_string(), "held");
        // A replace still refused after the waits: on Linux the error is untouched.
        let eacces = still_held(io::Error::from_raw_os_error(libc::EACCES));
        assert_eq!(eacces.raw_os_error(), Some(libc::EACCES));
    }

    #[test]
    fn windows_sharing_codes_are_the_held_open_ones() {
        for code in [32, 33, 1224] {
            assert!(is_held_open_code(code), "{code}");
        }
        for code in [2, 3, 5, 80, 112, 183] {
            assert!(!is_held_open_code(code), "{code}");
        }
        // On Linux these numbers are other errors (EAGAIN is 11, EPIPE 32): never "held open".
        if cfg!(unix) {
            assert!(!held_open(&io::Error::from_raw_os_error(32)));
            assert!(!may_pass(&io::Error::from_raw_os_error(5)));
        }
    }

    #[test]
    fn retry_waits_for_a_busy_file_then_gives_up_with_its_error() {
        let waits = [Duration::ZERO; 3];
        let busy = |e: &io::Error| e.kind() == io::ErrorKind::ResourceBusy;
        // Let go of on the third try: the operation succeeds.
        let mut tries = 0;
        let done = retry(
            || {
                tries += 1;
                if tries < 3 {
                    Err(io::Error::from(io::ErrorKind::ResourceBusy))
                } else {
                    Ok(tries)
                }
            },
            busy,
            &waits,
        );
        assert_eq!(done.unwrap(), 3);
        // Never let go of: one try and one after each wait, then the error.
        let mut tries = 0;
        let err = retry(
            || -> io::Result<()> {
                tries += 1;
                Err(io::Error::from(io::ErrorKind::ResourceBusy))
            },
            busy,
            &waits,
        )
        .unwrap_err();
        assert_eq!((tries, err.kind()), (4, io::ErrorKind::ResourceBusy));
        // Any other error is returned at once.
        let mut tries = 0;
        let err = retry(
            || -> io::Result<()> {
                tries += 1;
                Err(io::Error::from(io::ErrorKind::NotFound))
            },
            busy,
            &waits,
        )
        .unwrap_err();
        assert_eq!((tries, err.kind()), (1, io::ErrorKind::NotFound));
    }
}
