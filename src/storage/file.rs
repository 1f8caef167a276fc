//! Reading and writing the session file (JSON, see docs/session-format.md).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::core::session::{FORMAT_MAJOR, FORMAT_VERSION, Session};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot be read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: is not a Rapporteur session file ({detail}). It has not been changed.")]
    NotASession { path: PathBuf, detail: String },
    #[error("{path}: is damaged or cut short ({detail}). It has not been changed.")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path}: was written by a newer Rapporteur (format {found}; this version reads {FORMAT_MAJOR}.x). Update Rapporteur to open it; the file has not been changed."
    )]
    NewerVersion { path: PathBuf, found: String },
}

#[derive(Deserialize)]
struct Header {
    format_version: Option<serde_json::Value>,
}

/// Parses and checks a session from bytes. Never panics, whatever the bytes.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Session, LoadError> {
    let mut session = parse_unchecked(bytes, path)?;
    crate::core::repair::repair(&mut session);
    Ok(session)
}

/// A session as read from disk, with what its check repaired (for the window to show
/// and the command line to print).
#[derive(Debug)]
pub struct Loaded {
    pub session: Session,
    pub repairs: Vec<String>,
    /// Statements taken from the journal of an interrupted `rapporteur log`.
    pub replayed: usize,
    /// Lines of that journal that could not be read (the journal is then kept).
    pub journal_damaged: usize,
}

/// Reads a session: the file, then its journal, then the check. Read only.
pub fn load_checked(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    check_bytes(&bytes, path)
}

/// [`load_checked`] on bytes already read from `path`.
pub fn check_bytes(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    let mut session = parse_unchecked(bytes, path).map_err(|e| with_backup_hint(e, path))?;
    let mut repairs = Vec::new();
    let replay = super::journal::replay(path, &mut session).map_err(|source| LoadError::Io {
        path: super::journal::journal_path(path),
        source,
    })?;
    for line in &replay.damaged {
        repairs.push(format!(
            "line {line} of the journal {} is damaged and was skipped",
            super::journal::journal_path(path).display()
        ));
    }
    repairs.extend(crate::core::repair::repair(&mut session));
    Ok(Loaded {
        session,
        repairs,
        replayed: replay.applied,
        journal_damaged: replay.damaged.len(),
    })
}

/// The message of a damaged file says where its backups are.
fn with_backup_hint(error: LoadError, path: &Path) -> LoadError {
    match error {
        LoadError::Corrupt { path: p, detail } => {
            let resolved = super::paths::resolve(path).unwrap_or_else(|_| path.to_path_buf());
            let backups = super::backup::list(&resolved);
            let detail = match backups.first() {
                Some(newest) => format!(
                    "{detail}. {} {} kept (newest: {}); restore one from the start screen or with `rapporteur restore`",
                    backups.len(),
                    if backups.len() == 1 {
                        "backup of it is"
                    } else {
                        "backups of it are"
                    },
                    newest.describe()
                ),
                None => format!("{detail}. No backup of it has been kept"),
            };
            LoadError::Corrupt { path: p, detail }
        }
        other => other,
    }
}

fn parse_unchecked(bytes: &[u8], path: &Path) -> Result<Session, LoadError> {
    let path = path.to_path_buf();
    // Notepad and some editors save UTF-8 with a byte-order mark; JSON has none.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => {
            return Err(LoadError::Corrupt {
                path,
                detail: "the file is empty".into(),
            });
        }
        Some(b'{') => {}
        Some(_) => {
            return Err(LoadError::NotASession {
                path,
                detail: "it is not a JSON object".into(),
            });
        }
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => LoadError::NotASession {
            path: path.clone(),
            detail: e.to_string(),
        },
        _ => LoadError::Corrupt {
            path: path.clone(),
            detail: e.to_string(),
        },
    })?;
    let version = match header.format_version {
        Some(serde_json::Value::String(v)) => v,
        Some(other) => other.to_string(),
        None => {
            return Err(LoadError::NotASession {
                path,
                detail: "it has no format_version".into(),
            });
        }
    };
    let major: u32 = version
        .split('.')
        .next()
        .and_then(|m| m.trim().parse().ok())
        .ok_or_else(|| LoadError::NotASession {
            path: path.clone(),
            detail: format!("unreadable format_version {version:?}"),
        })?;
    if major > FORMAT_MAJOR {
        return Err(LoadError::NewerVersion {
            path,
            found: version,
        });
    }
    let mut session: Session = serde_json::from_slice(bytes).map_err(|e| LoadError::Corrupt {
        path,
        detail: e.to_string(),
    })?;
    // Written back as the current version; fields it does not know are kept in `extra`.
    session.format_version = FORMAT_VERSION.into();
    Ok(session)
}

/// Whether the file at `path` is a Rapporteur session (whatever its state): a JSON
/// object with a `format_version`. Used to refuse writing a report over one.
pub fn looks_like_session(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return false;
    }
    // A damaged session (cut short) is still one: look for the field near the start.
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    head.windows(16).any(|w| w == b"\"format_version\"")
}

/// Why a report may not be written to a file.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// Another file is there: replaced only when asked to (`--force`, "Replace").
    #[error("{}: already exists; add --force to replace it; nothing was written", .0.display())]
    Exists(PathBuf),
    /// Never: the file being read, a session, a folder.
    #[error("{}: {why}; nothing was written", path.display())]
    Never { path: PathBuf, why: &'static str },
}

/// Whether a report may be written to `output`: never over one of the run's `inputs`, any
/// Rapporteur session or a folder, and over another existing file only when `force`d.
/// The command line and the window follow this one rule.
pub fn check_report_output(output: &Path, inputs: &[&Path], force: bool) -> Result<(), Refusal> {
    let never = |why| {
        Err(Refusal::Never {
            path: output.to_path_buf(),
            why,
        })
    };
    let Ok(meta) = std::fs::metadata(output) else {
        return Ok(());
    };
    if meta.is_dir() {
        return never("is a folder; give a file name");
    }
    if inputs
        .iter()
        .any(|input| super::paths::same_file(output, input))
    {
        return never("is the file being read; choose another output file");
    }
    if looks_like_session(output) {
        return never("is a Rapporteur session; a report never replaces a session");
    }
    if !force {
        return Err(Refusal::Exists(output.to_path_buf()));
    }
    Ok(())
}

pub fn load(path: &Path) -> Result<Session, LoadError> {
    load_checked(path).map(|l| l.session)
}

/// Serialises a session as written to disk (`format_version` is the struct's first
/// field, so it leads the file).
pub fn to_bytes(session: &Session) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(256 + session.interventions.len() * 600);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut bytes,
        serde_json::ser::PrettyFormatter::with_indent(b" "),
    );
    // Serialising a session to memory cannot fail (no maps with non-string keys, no I/O);
    // were it ever to, the save reports it instead of writing a partial file.
    if serde::Serialize::serialize(session, &mut ser).is_err() {
        bytes.clear();
    }
    bytes.push(b'\n');
    bytes
}

/// Atomic save: temporary file in the same folder, fsync, rename over the old file,
/// fsync of the folder. A crash at any moment leaves the old file or the new one.
pub fn save(path: &Path, session: &Session) -> std::io::Result<()> {
    let bytes = to_bytes(session);
    if bytes.len() < 2 {
        return Err(std::io::Error::other("the session could not be serialised"));
    }
    write_atomic(path, &bytes)
}

pub use super::atomic::write_atomic;

/// Removes temporary files that interrupted saves of this session (and of its draft)
/// left beside it; nothing else.
pub fn sweep_orphans(path: &Path) -> usize {
    super::atomic::sweep(path) + super::atomic::sweep(&super::draft::draft_path(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;

    #[test]
    fn round_trip_keeps_everything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let session = demo_session();
        save(&path, &session).unwrap();
        assert_eq!(load(&path).unwrap(), session);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("{\n \"format_version\": \"1.0\""),
            "{}",
            &text[..40]
        );
    }

    #[test]
    fn unknown_fields_of_a_newer_minor_version_are_kept() {
        let mut value = serde_json::to_value(demo_session()).unwrap();
        value["format_version"] = "1.7".into();
        value["future_feature"] = serde_json::json!({"x": 1});
        let bytes = serde_json::to_vec(&value).unwrap();
        let session = parse(&bytes, Path::new("f.json")).unwrap();
        assert_eq!(session.extra["future_feature"], serde_json::json!({"x": 1}));
        let again: serde_json::Value = serde_json::from_slice(&to_bytes(&session)).unwrap();
        assert_eq!(again["future_feature"], serde_json::json!({"x": 1}));
        assert_eq!(again["format_version"], "1.0");
    }

    #[test]
    fn bad_files_get_clear_errors() {
        let p = Path::new("/tmp/x.json");
        let full = to_bytes(&demo_session());
        let cut = parse(&full[..full.len() / 2], p).unwrap_err();
        assert!(matches!(cut, LoadError::Corrupt { .. }), "{cut}");
        assert!(cut.to_string().contains("/tmp/x.json"));
        let newer = parse(br#"{"format_version": "2.0", "name": "x"}"#, p).unwrap_err();
        assert!(matches!(newer, LoadError::NewerVersion { .. }), "{newer}");
        assert!(newer.to_string().contains("newer Rapporteur"));
        let other = parse(br#"{"hello": 1}"#, p).unwrap_err();
        assert!(matches!(other, LoadError::NotASession { .. }), "{other}");
        let array = parse(b"[1,2]", p).unwrap_err();
        assert!(matches!(array, LoadError::NotASession { .. }), "{array}");
        assert!(matches!(
            parse(b"", p).unwrap_err(),
            LoadError::Corrupt { .. }
        ));
        assert!(matches!(
            load(Path::new("/nonexistent/s.json")).unwrap_err(),
            LoadError::Io { .. }
        ));
    }

    #[test]
    fn hidden_files_beside_a_session_are_never_swept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        // What an older save path left, or a person's own hidden backup: not ours to remove.
        for name in [".s.json.AbC123", ".s.json.backup", ".s.json.lock"] {
            std::fs::write(dir.path().join(name), b"kept").unwrap();
        }
        assert_eq!(sweep_orphans(&path), 0);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    #[test]
    fn a_session_saved_with_a_byte_order_mark_opens() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(to_bytes(&demo_session()));
        assert_eq!(
            parse(&bytes, Path::new("bom.json")).unwrap(),
            demo_session()
        );
    }
}
