//! One logged intervention: who spoke, for whom, when, and what was said.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::participant::ParticipantId;
use super::proceedings::EntryKind;

pub type InterventionId = u64;

/// Who took the floor: a known person, or "the representative of" a delegation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Participant(ParticipantId),
    Delegation(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intervention {
    pub id: InterventionId,
    pub speaker: Speaker,
    /// Id of a group of the session ("on behalf of").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<u32>,
    pub segment: u32,
    /// Stored in UTC; shown in the meeting's zone.
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub text: String,
    /// Footnotes the editor attaches to this paragraph (a document symbol, "Available
    /// from ..."); printed at the end of the paragraph, numbered with the others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    /// A written statement the editor took into the report (a delegation inscribed but
    /// not heard, or one that only sent its text): it prints "In a written statement,
    /// ..." and counts in no "took the floor".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub written: bool,
    /// A statement, or a step of the proceedings (a decision, a next step, a suspension,
    /// a change of the presiding officer).
    #[serde(default, skip_serializing_if = "EntryKind::is_statement")]
    pub kind: EntryKind,
    /// Who logged and changed it, in a team session.
    #[serde(default, skip_serializing_if = "Provenance::is_empty")]
    pub provenance: Provenance,
}

/// Who did what to a statement in a team session: the device (the note-taker's
/// initials) that logged it, those that changed it since, and the devices whose changes
/// met another's made at the same time (an editor should look; both were merged).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Provenance {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub logged_by: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edited_by: Vec<String>,
    /// "Also changed on device X": the devices whose edits of this statement were
    /// concurrent. Cleared when someone saves a correction of it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflict: Vec<String>,
}

impl Provenance {
    pub fn is_empty(&self) -> bool {
        self.logged_by.is_empty() && self.edited_by.is_empty() && self.conflict.is_empty()
    }

    pub fn logged_by(device: Option<&str>) -> Provenance {
        Provenance {
            logged_by: device.unwrap_or_default().to_string(),
            ..Provenance::default()
        }
    }

    /// A device saved a change: it is named once among the editors and the conflict
    /// mark is settled (the statement was looked at).
    pub fn edited(&mut self, device: Option<&str>) {
        self.conflict.clear();
        if let Some(d) = device.filter(|d| !d.is_empty())
            && !self.edited_by.iter().any(|e| e == d)
        {
            self.edited_by.push(d.to_string());
        }
    }

    /// Marks concurrent changes by `device`.
    pub fn mark_conflict(&mut self, device: &str) {
        if !self.conflict.iter().any(|e| e == device) {
            self.conflict.push(device.to_string());
        }
    }
}

impl Intervention {
    /// A statement someone made (not a step of the proceedings).
    pub fn is_statement(&self) -> bool {
        self.kind.is_statement()
    }
}
