//! The list of speakers: who is inscribed, and what became of each inscription. Read from
//! a CSV by `speakers_csv.rs`.

use serde::{Deserialize, Serialize};

use super::intervention::Speaker;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InscriptionStatus {
    #[default]
    Pending,
    Spoke,
    /// Inscribed but not able to deliver the statement owing to time constraints.
    NotDelivered,
    WrittenOnly,
    Withdrew,
}

impl InscriptionStatus {
    pub const ALL: [InscriptionStatus; 5] = [
        Self::Pending,
        Self::Spoke,
        Self::NotDelivered,
        Self::WrittenOnly,
        Self::Withdrew,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Spoke => "spoke",
            Self::NotDelivered => "not_delivered",
            Self::WrittenOnly => "written",
            Self::Withdrew => "withdrew",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Spoke => "spoke",
            Self::NotDelivered => "not heard (time)",
            Self::WrittenOnly => "written only",
            Self::Withdrew => "withdrew",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        if text.is_empty() {
            return Some(Self::Pending);
        }
        Self::ALL
            .into_iter()
            .find(|s| s.code() == text)
            .or(match text.as_str() {
                "written_only" | "written_statement" => Some(Self::WrittenOnly),
                "not_heard" => Some(Self::NotDelivered),
                _ => None,
            })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inscription {
    pub id: u32,
    pub speaker: Speaker,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<u32>,
    #[serde(default)]
    pub status: InscriptionStatus,
    /// The statement as submitted in writing (a delegation not heard for lack of time,
    /// or one that only sent its text): kept for the editor and named in the report.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl Inscription {
    /// A statement the meeting did not hear but whose text was handed in: the report
    /// names its delegation, the editor reads the text.
    pub fn is_written_statement(&self) -> bool {
        matches!(
            self.status,
            InscriptionStatus::NotDelivered | InscriptionStatus::WrittenOnly
        ) && !self.text.trim().is_empty()
    }
}
