//! What the editor decides about the report, kept in the session.

use serde::{Deserialize, Serialize};

pub const DEFAULT_SUBTITLE: &str =
    "Summary report of the Office of the United Nations High Commissioner for Human Rights";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NgoOrder {
    /// As in seed reports: the order in which they took the floor.
    #[default]
    Speaking,
    Alphabetical,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportSettings {
    pub subtitle: String,
    /// The unnumbered Summary; paragraphs separated by blank lines.
    pub summary: String,
    /// The purpose clause of the introduction: "in order to share best practices ...".
    pub purpose: String,
    pub ngo_order: NgoOrder,
    /// The editor's figure for "representatives of N States", when the counted one is not wanted.
    pub states_count: Option<u32>,
    /// Minutes: decisions or commitments, one per line ("Commitment 1: ...").
    pub decisions: String,
    /// The label numbered before each decision: "Commitment", "Decision".
    pub decision_label: String,
    /// Minutes: conclusions and next steps, one per line.
    pub conclusions: String,
}

impl Default for ReportSettings {
    fn default() -> Self {
        ReportSettings {
            subtitle: DEFAULT_SUBTITLE.into(),
            summary: String::new(),
            purpose: String::new(),
            ngo_order: NgoOrder::Speaking,
            states_count: None,
            decisions: String::new(),
            decision_label: "Decision".into(),
            conclusions: String::new(),
        }
    }
}
