//! The statement being typed, saved beside the session about once a second so that a
//! crash loses at most a second of typing.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::intervention::Speaker;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub speaker: Option<Speaker>,
    #[serde(default)]
    pub on_behalf_of: Option<u32>,
    #[serde(default)]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub text: String,
}

impl Draft {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.speaker.is_none()
    }
}

pub fn draft_path(session: &Path) -> PathBuf {
    super::paths::side_path(session, "draft")
}

/// A missing or unreadable draft is no draft: it is a convenience, the session is the record.
pub fn load_draft(session: &Path) -> Option<Draft> {
    let bytes = std::fs::read(draft_path(session)).ok()?;
    serde_json::from_slice::<Draft>(&bytes)
        .ok()
        .filter(|d| !d.is_empty())
}

pub fn save_draft(session: &Path, draft: &Draft) -> std::io::Result<()> {
    let path = draft_path(session);
    if draft.is_empty() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    let bytes = serde_json::to_vec(draft).map_err(std::io::Error::other)?;
    super::atomic::write_atomic(&path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_round_trip_and_clear() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        assert_eq!(load_draft(&session), None);
        let draft = Draft {
            speaker: Some(Speaker::Delegation("peru".into())),
            text: "half a sent".into(),
            ..Draft::default()
        };
        save_draft(&session, &draft).unwrap();
        assert_eq!(load_draft(&session), Some(draft));
        save_draft(&session, &Draft::default()).unwrap();
        assert_eq!(load_draft(&session), None);
        std::fs::write(draft_path(&session), b"{garbage").unwrap();
        assert_eq!(load_draft(&session), None);
    }
}
