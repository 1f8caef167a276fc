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

/// How a person is named at first mention in the summary report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FirstMention {
    /// "the Chair of the National Human Rights Council of Morocco, Amina Bouayach," and
    /// United Nations officials by title only (the model report).
    #[default]
    TitleFirst,
    /// "Ms. Ilze Brands Kehris, Assistant Secretary-General for Human Rights," officials
    /// included, then "The Assistant Secretary-General" (the Forum report).
    NameFirst,
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
    pub first_mention: FirstMention,
    /// Each speaker is named in full again where their own statements begin in a chapter
    /// (the model report, paras 9, 12 and 41), not only at their first mention in the report.
    pub reintroduce: bool,
    /// What the editorial checker is told.
    pub check: CheckSettings,
}

/// The editorial checker's settings, kept with the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckSettings {
    /// Rules switched off, by id ("number", "acronym", ...).
    pub off: Vec<String>,
    /// The meeting's own preferred spellings, one "wrong -> right" a line.
    pub spellings: String,
    /// Findings the editor chose to ignore: (rule id, excerpt).
    pub ignored: Vec<(String, String)>,
    /// The meeting's word limit; None: the limit of the report's kind.
    pub word_limit: Option<u32>,
}

impl ReportSettings {
    /// The label numbered before each decision: the meeting's ("Commitment"), else
    /// "Decision".
    pub fn decisions_label(&self) -> &str {
        match self.decision_label.trim() {
            "" => "Decision",
            label => label,
        }
    }
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
            first_mention: FirstMention::TitleFirst,
            reintroduce: false,
            check: CheckSettings::default(),
        }
    }
}
