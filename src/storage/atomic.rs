//! Atomic replacement of a file: a temporary file in the same folder, written and synced,
//! renamed over the target, then the folder synced. A crash at any moment leaves the old
//! file or the new one, never a mix; a failure leaves the old file as it was.
//!
//! On Windows another program may hold the target open for a moment (OneDrive uploading
//! it, an antivirus scanning it, a preview pane): the rename is tried again for a few
//! seconds, then fails with a message that says so, the old file untouched.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::paths::{TEMP_SUFFIX, temp_prefix};

/// Writes `bytes` to `path` atomically. The temporary file's name is short whatever the
/// target's (a legal 255-byte name can be written) and recognisably ours (see [`sweep`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(path, bytes).map_err(super::os_error::plain)
}

fn replace_with(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = folder(path);
    let (temp, mut file) = create_temp(&dir, path)?;
    let result = (|| {
        // Keep the permissions of the file being replaced (a read-only-for-others
        // session stays so). Windows has only a read-only flag, which would make the
        // temporary file impossible to rename over the target or to delete.
        #[cfg(unix)]
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        // `sync_all` is FlushFileBuffers on Windows: the bytes are on disk before the
        // name points at them.
        super::os_error::retry(
            || std::fs::rename(&temp, path),
            super::os_error::may_pass,
            &super::os_error::HOLD_WAITS,
        )
        .map_err(super::os_error::still_held)?;
        sync_folder(&dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Syncs a folder so that a file created or renamed in it survives a power cut. Some file
/// systems cannot sync a folder; the file itself is synced already, so that is not an error.
pub fn sync_folder(dir: &Path) -> io::Result<()> {
    // Windows has no handle to sync a folder through; NTFS journals the rename itself.
    if cfg!(windows) {
        return Ok(());
    }
    match File::open(dir).and_then(|d| d.sync_all()) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Ok(()),
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::EINVAL) => Ok(()),
        other => other,
    }
}

/// Removes the temporary files that interrupted saves of `target` left behind. Only names
/// this module makes are touched; anything else beside the session (a hidden backup, a
/// file of another program) is left alone.
pub fn sweep(target: &Path) -> usize {
    let dir = folder(target);
    let prefix = temp_prefix(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
            .is_some_and(|id| id.len() == 12 && id.bytes().all(|b| b.is_ascii_hexdigit()));
        if ours
            && entry.file_type().is_ok_and(|t| t.is_file())
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn create_temp(dir: &Path, target: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let prefix = temp_prefix(target);
    let mut last = None;
    for _ in 0..16 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let id = (u64::from(std::process::id()) << 32 ^ u64::from(nanos) ^ n.rotate_left(17))
            & 0xffff_ffff_ffff;
        let temp = dir.join(format!("{prefix}{id:012x}{TEMP_SUFFIX}"));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_and_sweeps_only_its_own_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left after a save");

        let leftover = dir
            .path()
            .join(format!("{}0123456789ab{TEMP_SUFFIX}", temp_prefix(&path)));
        std::fs::write(&leftover, b"partial").unwrap();
        let backup = dir.path().join(".s.json.backup");
        std::fs::write(&backup, b"mine").unwrap();
        let other = dir.path().join(format!(
            "{}0123456789ab{TEMP_SUFFIX}",
            temp_prefix(&dir.path().join("t.json"))
        ));
        std::fs::write(&other, b"another session's").unwrap();
        assert_eq!(sweep(&path), 1);
        assert!(!leftover.exists());
        assert!(backup.exists() && other.exists());
    }

    #[test]
    fn the_longest_legal_name_can_be_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{}.docx", "r".repeat(250)));
        write_atomic(&path, b"report").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"report");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("x"), b"").unwrap();
        assert!(write_atomic(&blocked, b"new").is_err());
        assert!(blocked.is_dir());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
