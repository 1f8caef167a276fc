//! Backups of sessions, kept in the app's own folder: a copy of the file as it was when
//! it was opened, one per hour of work, and the file as it was before a restore. A
//! damaged session can then be brought back from the last good state, and a restore
//! never loses the file it replaces.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDateTime, TimeZone};

use super::atomic::write_atomic;
use super::places;

/// How many backups of each reason are kept per session.
const KEEP: usize = 8;

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The file as it was on disk when it was opened.
    Opened,
    /// At most one an hour while the session is being worked on.
    Hourly,
    /// The file a restore replaced (kept even when damaged).
    BeforeRestore,
}

impl Reason {
    fn code(self) -> &'static str {
        match self {
            Reason::Opened => "opened",
            Reason::Hourly => "hourly",
            Reason::BeforeRestore => "before-restore",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Reason::Opened => "when it was opened",
            Reason::Hourly => "while working",
            Reason::BeforeRestore => "replaced by a restore",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        [Reason::Opened, Reason::Hourly, Reason::BeforeRestore]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub taken: DateTime<Local>,
    pub reason: Reason,
    pub bytes: u64,
    /// Orders backups taken within the same millisecond.
    seq: u32,
}

impl Backup {
    /// "2026-11-23 14:05:09, when it was opened (52 KB)".
    pub fn describe(&self) -> String {
        format!(
            "{}, {} ({} KB)",
            self.taken.format("%Y-%m-%d %H:%M:%S"),
            self.reason.label(),
            self.bytes.div_ceil(1024)
        )
    }
}

/// The folder holding the backups of the session at `session` (a resolved path): named
/// after the file and a hash of its full path, so two `panel.json` in different folders
/// never share backups.
pub fn folder(session: &Path) -> PathBuf {
    let stem: String = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        .take(40)
        .collect();
    let hash = super::paths::stable_hash(session.as_os_str().as_encoded_bytes());
    places::home()
        .join("backups")
        .join(format!("{stem}-{hash:016x}"))
}

/// Keeps `bytes` (the session file's content) as a backup, then prunes the oldest of the
/// same reason. Returns where it was written.
pub fn take(session: &Path, bytes: &[u8], reason: Reason) -> std::io::Result<PathBuf> {
    let dir = folder(session);
    std::fs::create_dir_all(&dir)?;
    let stamp = Local::now().format("%Y-%m-%dT%H%M%S%.3f");
    // Backups taken within the same millisecond are numbered in the order taken,
    // whatever their reason, so that the list's order is the order they were kept in.
    let stamp = stamp.to_string();
    let same_stamp = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with(&stamp))
                .count()
        })
        .unwrap_or(0);
    let mut n = same_stamp + 1;
    let name = |n: usize| match n {
        1 => format!("{stamp}-{}.json", reason.code()),
        n => format!("{stamp}-{}-{n}.json", reason.code()),
    };
    let mut path = dir.join(name(n));
    while path.exists() {
        n += 1;
        path = dir.join(name(n));
    }
    write_atomic(&path, bytes)?;
    // The copies taken before a restore are the only way back from it: never pruned.
    for old in list(session)
        .into_iter()
        .filter(|b| b.reason == reason && reason != Reason::BeforeRestore)
        .skip(KEEP)
    {
        let _ = std::fs::remove_file(old.path);
    }
    Ok(path)
}

/// The backups of a session, newest first.
pub fn list(session: &Path) -> Vec<Backup> {
    let Ok(entries) = std::fs::read_dir(folder(session)) else {
        return Vec::new();
    };
    let mut out: Vec<Backup> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            let stem = name.strip_suffix(".json")?;
            // 2026-11-23T140509.123-opened[-2]
            let (stamp, rest) = stem.split_at_checked(21)?;
            let naive = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%dT%H%M%S%.3f").ok()?;
            let taken = Local.from_local_datetime(&naive).earliest()?;
            let code = rest.strip_prefix('-')?;
            let seq = code
                .rsplit_once('-')
                .and_then(|(_, n)| n.parse::<u32>().ok())
                .unwrap_or(1);
            let code = code.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
            let reason = Reason::parse(code)?;
            let bytes = entry.metadata().ok()?.len();
            Some(Backup {
                path: entry.path(),
                taken,
                reason,
                bytes,
                seq,
            })
        })
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse((b.taken, b.seq)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_are_listed_newest_first_and_pruned_per_reason() {
        let home = tempfile::tempdir().unwrap();
        let session = home.path().join("work").join("panel.json");
        let dir = places::with_home(home.path(), || {
            for i in 0..(KEEP + 3) {
                take(
                    &session,
                    format!("{{\"n\": {i}}}").as_bytes(),
                    Reason::Hourly,
                )
                .unwrap();
            }
            take(&session, b"{}", Reason::Opened).unwrap();
            let all = list(&session);
            assert_eq!(all.len(), KEEP + 1);
            assert_eq!(all[0].reason, Reason::Opened);
            let newest_hourly = all.iter().find(|b| b.reason == Reason::Hourly).unwrap();
            assert_eq!(
                std::fs::read(&newest_hourly.path).unwrap(),
                format!("{{\"n\": {}}}", KEEP + 2).as_bytes()
            );
            assert!(all[0].describe().contains("when it was opened"));
            folder(&session)
        });
        assert!(dir.starts_with(home.path()));
        let other = home.path().join("elsewhere").join("panel.json");
        assert_ne!(folder(&other), dir);
    }
}
