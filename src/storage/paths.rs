//! Where a session's files are: the one resolved path of the session itself and the names
//! of the files kept beside it (lock, draft, journal, temporary files of a save).
//!
//! A session is always worked on through its resolved path, so that a symbolic link (a
//! session reached through a shortcut, a synced folder mounted twice) never gets a lock
//! of its own or is replaced by a copy: the real file is locked and replaced.

use std::io;
use std::path::{Path, PathBuf};

/// Longest file name most file systems accept (ext4, NTFS, APFS: 255 bytes).
const NAME_MAX: usize = 255;

/// The session's real location: symbolic links followed, `.` and `..` gone. A file that
/// does not exist yet is placed in the real folder it will be created in.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut path = std::path::absolute(path)?;
    // A dangling link: follow it by hand to where the file will be.
    for _ in 0..40 {
        match canonicalize(&path) {
            Ok(real) => return Ok(real),
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            Err(_) => {}
        }
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
                path = std::path::absolute(base.join(target))?;
            }
            _ => {
                let name = path.file_name().ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidInput, "the path names no file")
                })?;
                let parent = path.parent().unwrap_or(Path::new("/"));
                return Ok(canonicalize(parent)?.join(name));
            }
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// A file kept beside the session: `.NAME.SUFFIX`, or `.~rap-HASH.SUFFIX` when the session's
/// own name is so long that the first form would not be a legal file name.
pub fn side_path(session: &Path, suffix: &str) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plain = format!(".{name}.{suffix}");
    if plain.len() <= NAME_MAX {
        session.with_file_name(plain)
    } else {
        session.with_file_name(format!(".~rap-{:016x}.{suffix}", name_hash(session)))
    }
}

/// The prefix of every temporary file a save of `target` makes: short whatever the
/// target's name, and recognisably ours, so that only our own leftovers are ever swept.
pub fn temp_prefix(target: &Path) -> String {
    format!(".~rap-{:016x}-", name_hash(target))
}

pub const TEMP_SUFFIX: &str = ".tmp";

fn name_hash(path: &Path) -> u64 {
    stable_hash(
        path.file_name()
            .map(|n| n.as_encoded_bytes())
            .unwrap_or_default(),
    )
}

/// FNV-1a: stable across runs and platforms (std's hasher is not), so names made from it
/// are found again by the next run.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether two paths name the same file (also through links): the same device and inode,
/// or on Windows the same volume and file index.
pub fn same_file(a: &Path, b: &Path) -> bool {
    same_file::is_same_file(a, b).unwrap_or(false)
}

/// `std::fs::canonicalize` without Windows' `\\?\` prefix where the plain path names the
/// same file (long paths keep it: the standard library reads them either way).
fn canonicalize(path: &Path) -> io::Result<PathBuf> {
    dunce::canonicalize(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_to_the_real_file_even_before_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("real");
        std::fs::create_dir(&real_dir).unwrap();
        let real = real_dir.join("s.json");
        std::fs::write(&real, b"{}").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(resolve(&link).unwrap(), real.canonicalize().unwrap());
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink(real_dir.join("new.json"), &dangling).unwrap();
        assert_eq!(
            resolve(&dangling).unwrap(),
            real_dir.canonicalize().unwrap().join("new.json")
        );
        let fresh = dir.path().join("real/../fresh.json");
        assert_eq!(
            resolve(&fresh).unwrap(),
            dir.path().canonicalize().unwrap().join("fresh.json")
        );
        let looped = dir.path().join("loop.json");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        assert!(resolve(&looped).is_err());
    }

    #[test]
    fn side_files_of_long_names_stay_legal() {
        let short = side_path(Path::new("/x/s.json"), "lock");
        assert_eq!(short, Path::new("/x/.s.json.lock"));
        let long = format!("/x/{}.json", "n".repeat(250));
        let side = side_path(Path::new(&long), "lock");
        let name = side.file_name().unwrap().to_str().unwrap();
        assert!(
            name.len() <= NAME_MAX && name.starts_with(".~rap-"),
            "{name}"
        );
        assert!(temp_prefix(Path::new(&long)).len() < 30);
    }
}
