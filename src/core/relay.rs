//! Relays in a team session: note-takers take turns of ten to thirty minutes. Whose turn
//! it is to log is part of the session, so every device shows it; each statement names
//! the device that logged it (`Provenance`). What the session does with turns is in
//! `turns` (this module is the session's data, so it does not depend on the session).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::intervention::InterventionId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// The device (the note-taker's initials) whose turn it is.
    pub device: String,
    pub since: DateTime<Utc>,
}

/// A turn taken or handed over, kept so that the log shows who covered which part of
/// the meeting (a marker between the statements, never part of the report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayMark {
    pub device: String,
    pub at: DateTime<Utc>,
    /// True: the device took the turn (from `from`, if it was someone's); false: it
    /// handed over.
    pub took: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The last statement of the log when the turn changed (on that device): the
    /// marker sits after it. Times alone cannot say, a statement's time being when its
    /// speaker was picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<InterventionId>,
}

impl RelayMark {
    /// Unique in a team session: one device marks one turn at a time.
    pub fn key(&self) -> String {
        format!("{}@{}", self.device, self.at.timestamp_millis())
    }

    /// "AB's turn, taken over from CD", "AB handed over": the log's marker line, with
    /// the time in front.
    pub fn describe(&self) -> String {
        match (self.took, &self.from) {
            (true, Some(from)) => format!("{}'s turn, taken over from {from}", self.device),
            (true, None) => format!("{}'s turn", self.device),
            (false, _) => format!("{} handed over", self.device),
        }
    }
}
