//! Reading and writing the session file (JSON, see docs/session-format.md).

use std::io::Write;
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;
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
    #[error(
        "{path}: is damaged or cut short ({detail}). It has not been changed; open a backup, or repair it in a text editor."
    )]
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

/// Parses a session from bytes. Never panics, whatever the bytes.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Session, LoadError> {
    let path = path.to_path_buf();
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

pub fn load(path: &Path) -> Result<Session, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&bytes, path)
}

/// Serialises a session as written to disk (`format_version` is the struct's first
/// field, so it leads the file).
pub fn to_bytes(session: &Session) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(256 + session.interventions.len() * 600);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut bytes,
        serde_json::ser::PrettyFormatter::with_indent(b" "),
    );
    serde::Serialize::serialize(session, &mut ser).expect("a session always serialises");
    bytes.push(b'\n');
    bytes
}

/// Atomic save: temporary file in the same folder, fsync, rename over the old file,
/// fsync of the folder. A crash at any moment leaves the old file or the new one.
pub fn save(path: &Path, session: &Session) -> std::io::Result<()> {
    write_atomic(path, &to_bytes(session))
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = AtomicWriteFile::options().open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Removes temporary files an interrupted save left beside `path` (`.NAME.xxxxxx`).
pub fn sweep_orphans(path: &Path) -> usize {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if let Some(suffix) = file_name.strip_prefix(&prefix)
            && suffix.len() == 6
            && suffix.chars().all(|c| c.is_ascii_alphanumeric())
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
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
    fn orphans_of_interrupted_saves_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        std::fs::write(dir.path().join(".s.json.AbC123"), b"partial").unwrap();
        std::fs::write(dir.path().join(".s.json.lock"), b"").unwrap();
        assert_eq!(sweep_orphans(&path), 1);
        assert!(dir.path().join(".s.json.lock").exists());
    }
}
