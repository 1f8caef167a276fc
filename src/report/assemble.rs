//! `assemble`: the session in, the report out. Pure: same session, same report. Each
//! kind has its module: [`super::summary`] (the panel summary report), [`super::minutes`].

use crate::core::meeting::ReportKind;
use crate::core::session::Session;

pub use super::generated::{generated_template, paragraph_template};
pub use super::memo::Memo;
use super::model::Report;
pub use super::options::Options;
pub use super::summary::{SUMMARY_PLACEHOLDER, TITLE_PLACEHOLDER, assemble_summary};
use super::template::Keys;

pub fn assemble(session: &Session, options: &Options) -> Report {
    assemble_with(session, options, &mut Memo::default())
}

/// [`assemble`], reusing from `memo` what the last assembly with it printed (a summary
/// report's paragraphs; minutes are assembled whole).
pub fn assemble_with(session: &Session, options: &Options, memo: &mut Memo) -> Report {
    match options.kind.unwrap_or(session.meeting.report_kind) {
        ReportKind::PanelSummary => assemble_summary(
            session,
            &session.layout.resolve(session),
            &Keys::new(session),
            options,
            memo,
        ),
        ReportKind::Minutes => super::minutes::minutes(session, options),
        ReportKind::SummaryRecord => super::record::record(session, options),
    }
}
