//! One export for the command line and the window: the report rendered in a format,
//! with the warnings of its assembly and the findings of the editorial checker, and
//! refused when it would be out of all proportion to its session (see `limits`).
//! Pure: nothing here touches a disk; the caller writes the bytes.

use crate::core::session::Session;

use super::assemble::assemble;
use super::checker::{self, Finding};
use super::model::Report;
use super::options::Options;
use super::{docx, limits, markdown};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Markdown,
    Text,
}

/// A report ready to be written.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// What assembly could not do as asked (a paragraph that names no statement...).
    pub warnings: Vec<String>,
    /// What the editorial checker found in the report.
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The DOCX could not be put together.
    Docx(String),
    /// The report would be far larger than a summary of its session can be.
    TooLarge(String),
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Docx(e) => write!(f, "DOCX: {e}"),
            ExportError::TooLarge(e) => f.write_str(e),
        }
    }
}

/// Assembles the report of `session` and renders it.
pub fn render(
    session: &Session,
    options: &Options,
    format: Format,
) -> Result<Rendered, ExportError> {
    render_report(session, &assemble(session, options), format)
}

/// Renders a report already assembled from `session` (the window's, built once per
/// revision).
pub fn render_report(
    session: &Session,
    report: &Report,
    format: Format,
) -> Result<Rendered, ExportError> {
    let bytes = match format {
        Format::Docx => docx::to_docx(report).map_err(|e| ExportError::Docx(e.to_string()))?,
        Format::Markdown => markdown::to_markdown(report).into_bytes(),
        Format::Text => markdown::to_text(report).into_bytes(),
    };
    limits::check_size(session_size(session), bytes.len()).map_err(ExportError::TooLarge)?;
    Ok(Rendered {
        bytes,
        warnings: report.warnings.clone(),
        findings: checker::check(session, report),
    })
}

/// The session's size as its file holds it (pretty JSON, one space of indent), counted
/// without keeping the bytes.
pub fn session_size(session: &Session) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut count,
        serde_json::ser::PrettyFormatter::with_indent(b" "),
    );
    let _ = serde::Serialize::serialize(session, &mut ser);
    count.0 + 1
}

/// "1 finding", "3 findings": how the command line and the window count them.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

    use super::*;
    use crate::core::demo::demo_session;

    #[test]
    fn each_format_renders_with_the_checkers_findings() {
        let session = demo_session();
        let options = Options::default();
        let docx = render(&session, &options, Format::Docx).unwrap();
        assert!(docx.bytes.starts_with(b"PK"), "a zip");
        let md = render(&session, &options, Format::Markdown).unwrap();
        let text = String::from_utf8(md.bytes).unwrap();
        assert!(text.contains("responsibility to protect"), "{text}");
        let report = assemble(&session, &options);
        assert_eq!(md.findings, checker::check(&session, &report));
        assert_eq!(md.warnings, report.warnings);
        let txt = render(&session, &options, Format::Text).unwrap();
        assert!(!String::from_utf8(txt.bytes).unwrap().contains("**"));
    }

    #[test]
    fn a_report_out_of_proportion_is_refused() {
        let session = demo_session();
        let mut report = assemble(&session, &Options::default());
        // The limit: 4 MB and ten times the session.
        let limit = limits::max_output(session_size(&session));
        report.summary = vec!["A summary repeated without end. ".repeat(limit / 30)];
        // (A DOCX is compressed: the same text stays small in it.)
        for format in [Format::Markdown, Format::Text] {
            match render_report(&session, &report, format) {
                Err(ExportError::TooLarge(e)) => assert!(e.contains("MB"), "{e}"),
                other => panic!("{format:?}: {:?}", other.map(|r| r.bytes.len())),
            }
        }
        report.summary = vec!["A summary of a reasonable length.".into()];
        assert!(render_report(&session, &report, Format::Docx).is_ok());
    }

    #[test]
    fn the_size_counted_is_the_files() {
        let session = demo_session();
        let mut bytes = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(
            &mut bytes,
            serde_json::ser::PrettyFormatter::with_indent(b" "),
        );
        serde::Serialize::serialize(&session, &mut ser).unwrap();
        assert_eq!(session_size(&session), bytes.len() + 1);
    }
}
