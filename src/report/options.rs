//! What the caller chooses of a report: its kind and its date of issue.

use chrono::NaiveDate;

use crate::core::meeting::ReportKind;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Panel summary report or minutes; the session's own choice when None.
    pub kind: Option<ReportKind>,
    /// Date of issue for the masthead (the caller's today; kept out so assembly stays pure).
    pub issue_date: Option<NaiveDate>,
}
