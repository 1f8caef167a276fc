//! The journal: statements logged from the command line are appended to a small file
//! beside the session (one line each, with a checksum, synced before the statement is
//! acknowledged) instead of rewriting the whole session every time, so logging keeps its
//! pace however long the meeting grows. The next full save takes them into the session
//! file and removes the journal; whoever reads the session reads the journal too.
//!
//! A line cut short by a crash was never acknowledged: it is ignored. Replaying is
//! idempotent (a statement already in the session is skipped), so a crash between the
//! full save and the journal's removal loses and doubles nothing.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::paths::side_path;
use crate::core::delegation::Delegation;
use crate::core::intervention::Intervention;
use crate::core::session::Session;
use crate::core::speakers::InscriptionStatus;

/// One logged statement and what logging it changed in the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Logged {
    pub intervention: Intervention,
    /// Delegations the line named for the first time (copied from the catalogue).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_delegations: Vec<Delegation>,
    /// The inscription the statement ticked as spoken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spoke: Option<u32>,
}

pub fn journal_path(session: &Path) -> PathBuf {
    side_path(session, "journal")
}

/// What replaying found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Replay {
    /// Statements taken from the journal into the session.
    pub applied: usize,
    /// Lines (1-based) whose checksum or content was wrong, other than a torn last line.
    pub damaged: Vec<usize>,
}

/// Applies the journal beside `session_path` (if any) to `session`.
pub fn replay(session_path: &Path, session: &mut Session) -> io::Result<Replay> {
    let mut out = Replay::default();
    let bytes = match std::fs::read(journal_path(session_path)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e),
    };
    let mut known: std::collections::HashSet<u64> =
        session.interventions.iter().map(|i| i.id).collect();
    let complete = complete_lines(&bytes);
    for (index, line) in complete.split(|b| *b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let Some(entry) = decode(line) else {
            out.damaged.push(index + 1);
            continue;
        };
        if !known.insert(entry.intervention.id) {
            continue;
        }
        for d in entry.new_delegations {
            if session.delegation(&d.id).is_none() {
                session.delegations.push(d);
            }
        }
        if let Some(id) = entry.spoke
            && let Some(inscription) = session.inscriptions.iter_mut().find(|i| i.id == id)
        {
            inscription.status = InscriptionStatus::Spoke;
        }
        session.interventions.push(entry.intervention.into());
        out.applied += 1;
    }
    Ok(out)
}

/// Everything before the last line break: a torn last line is left out.
fn complete_lines(bytes: &[u8]) -> &[u8] {
    match bytes.iter().rposition(|b| *b == b'\n') {
        Some(end) => bytes.get(..end).unwrap_or_default(),
        None => &[],
    }
}

fn encode(entry: &Logged) -> io::Result<Vec<u8>> {
    let json = serde_json::to_vec(entry).map_err(io::Error::other)?;
    let mut line = format!("{:08x} ", crc32fast::hash(&json)).into_bytes();
    line.extend(json);
    line.push(b'\n');
    Ok(line)
}

fn decode(line: &[u8]) -> Option<Logged> {
    let (crc, json) = (line.get(..8)?, line.get(9..)?);
    let crc = u32::from_str_radix(std::str::from_utf8(crc).ok()?, 16).ok()?;
    (crc32fast::hash(json) == crc)
        .then(|| serde_json::from_slice(json).ok())
        .flatten()
}

/// The journal open for appending.
#[derive(Debug)]
pub struct Journal {
    file: File,
}

impl Journal {
    /// Opens (or creates) the journal beside `session_path`. A torn last line is cut off
    /// first, so the next line starts clean.
    pub fn open(session_path: &Path) -> io::Result<Journal> {
        Self::open_at(&journal_path(session_path)).map_err(super::os_error::plain)
    }

    fn open_at(path: &Path) -> io::Result<Journal> {
        let existed = path.exists();
        // Written at its end by this writer alone (the session's lock), not in append
        // mode: Windows refuses to cut a torn tail off a file opened for appending.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .truncate(false)
            .create(true)
            .open(path)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        let keep = complete_lines(&bytes).len();
        let keep = if keep == 0 { 0 } else { keep + 1 };
        if keep < bytes.len() {
            file.set_len(keep as u64)?;
            file.seek(SeekFrom::End(0))?;
            file.sync_all()?;
        }
        if !existed && let Some(dir) = path.parent() {
            super::atomic::sync_folder(dir)?;
        }
        Ok(Journal { file })
    }

    /// Appends one statement; it is on disk when this returns Ok.
    pub fn append(&mut self, entry: &Logged) -> io::Result<()> {
        let line = encode(entry)?;
        self.file
            .write_all(&line)
            .and_then(|()| self.file.sync_data())
            .map_err(super::os_error::plain)
    }
}

/// Removes the journal once a full save holds everything in it.
pub fn remove(session_path: &Path) -> io::Result<()> {
    match std::fs::remove_file(journal_path(session_path)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;

    fn entry(id: u64, text: &str) -> Logged {
        let mut intervention = demo_session().interventions[0].clone().into_inner();
        intervention.id = id;
        intervention.text = text.into();
        Logged {
            intervention,
            new_delegations: Vec::new(),
            spoke: None,
        }
    }

    #[test]
    fn appended_statements_are_replayed_once_and_a_torn_line_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let mut journal = Journal::open(&path).unwrap();
        journal.append(&entry(1001, "first")).unwrap();
        journal.append(&entry(1002, "second")).unwrap();
        drop(journal);
        // A crash in the middle of the third line.
        let mut raw = OpenOptions::new()
            .append(true)
            .open(journal_path(&path))
            .unwrap();
        raw.write_all(b"0badc0de {\"intervention\": {\"id\"")
            .unwrap();
        drop(raw);

        let mut session = demo_session();
        let before = session.interventions.len();
        let replay1 = replay(&path, &mut session).unwrap();
        assert_eq!(replay1.applied, 2);
        assert!(replay1.damaged.is_empty());
        assert_eq!(session.interventions.len(), before + 2);
        // Replaying again (a crash between the full save and the removal) adds nothing.
        assert_eq!(replay(&path, &mut session).unwrap().applied, 0);

        // Appending after the crash cuts the torn line first.
        let mut journal = Journal::open(&path).unwrap();
        journal.append(&entry(1003, "third")).unwrap();
        let mut fresh = demo_session();
        assert_eq!(replay(&path, &mut fresh).unwrap().applied, 3);
        remove(&path).unwrap();
        assert!(!journal_path(&path).exists());
    }

    #[test]
    fn a_damaged_line_in_the_middle_is_reported_and_the_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let mut bytes = encode(&entry(2001, "a")).unwrap();
        let mut bad = encode(&entry(2002, "b")).unwrap();
        bad[20] ^= 0x55;
        bytes.extend(bad);
        bytes.extend(encode(&entry(2003, "c")).unwrap());
        std::fs::write(journal_path(&path), bytes).unwrap();
        let mut session = demo_session();
        let r = replay(&path, &mut session).unwrap();
        assert_eq!((r.applied, r.damaged), (2, vec![2]));
    }
}
