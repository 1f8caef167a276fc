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
}

impl Intervention {
    /// A statement someone made (not a step of the proceedings).
    pub fn is_statement(&self) -> bool {
        self.kind.is_statement()
    }
}
