//! Export and import, run off the window's thread: the report is rendered and written,
//! a list of speakers read, while the note-taker goes on; the answer comes back as a
//! message and is told in a notice.

use std::path::{Path, PathBuf};

use iced::Task;

use crate::core::speakers_csv::import_speakers_csv;
use crate::report::export::{self, Format, counted};
use crate::storage::file::{Refusal, check_report_output};

use super::{App, Message, Notice};
use crate::ui::background;

/// How an export went.
#[derive(Debug, Clone)]
pub enum Exported {
    /// Written whole, with what the checker found and the warnings of assembly.
    Done { findings: usize, warnings: usize },
    /// A file is there already: written only after "Replace".
    Exists,
    /// Refused or failed; nothing was written.
    Failed(String),
}

impl App {
    /// Exports the report as DOCX to the path chosen in the save dialog. Never over the
    /// session or any other session file; over another existing file only after
    /// "Replace". The file is written whole or not at all.
    pub(super) fn export(&mut self, mut path: PathBuf) -> Task<Message> {
        if path.extension().is_none() {
            path.set_extension("docx");
        }
        self.write_export(path, false)
    }

    /// Renders the report the preview holds (built once for this revision) and writes it
    /// on a thread of its own.
    pub(super) fn write_export(&mut self, path: PathBuf, replace: bool) -> Task<Message> {
        let Some(open) = &mut self.open else {
            return Task::none();
        };
        open.sync_preview();
        let session = open.session.clone();
        let report = open.preview.report.clone();
        let session_path = open.store.path().to_path_buf();
        let target = path.clone();
        background::run(move || {
            match check_report_output(&target, &[session_path.as_path()], replace) {
                Ok(()) => {}
                Err(Refusal::Exists(_)) => return Exported::Exists,
                Err(e) => return Exported::Failed(e.to_string()),
            }
            let rendered = match export::render_report(&session, &report, Format::Docx) {
                Ok(r) => r,
                Err(e) => return Exported::Failed(format!("{e}. Nothing was written.")),
            };
            match crate::storage::file::write_atomic(&target, &rendered.bytes) {
                Ok(()) => Exported::Done {
                    findings: rendered.findings.len(),
                    warnings: rendered.warnings.len(),
                },
                Err(e) => Exported::Failed(format!(
                    "Could not export to {}: {e}. Nothing was written.",
                    target.display()
                )),
            }
        })
        .map(move |done| Message::Exported(path.clone(), done))
    }

    pub(super) fn exported(&mut self, path: &Path, result: Option<Exported>) {
        let Some(open) = &mut self.open else { return };
        let result = result.unwrap_or_else(|| {
            Exported::Failed(format!(
                "Could not export to {}: the export stopped. Nothing was written.",
                path.display()
            ))
        });
        let notice = match result {
            Exported::Done { findings, warnings } => {
                open.preview.last_export = Some(path.display().to_string());
                let at = chrono::Utc::now().with_timezone(&open.session.meeting.zone());
                let mut said = format!(
                    "Exported the report at {} to {}",
                    at.format("%H:%M %Z"),
                    path.display()
                );
                // What the command line says on exporting, the window says too.
                let mut more = Vec::new();
                if warnings > 0 {
                    more.push(format!(
                        "{} (see the Report screen)",
                        counted(warnings, "warning", "warnings")
                    ));
                }
                if findings > 0 {
                    more.push(format!(
                        "{} of the editorial checker (see the Editor)",
                        counted(findings, "finding", "findings")
                    ));
                }
                if !more.is_empty() {
                    said.push_str(&format!("; {}", more.join(", ")));
                }
                let mut notice = Notice::info(said);
                notice.folder = path.parent().map(Path::to_path_buf);
                notice
            }
            Exported::Exists => {
                self.pending_export = Some(path.to_path_buf());
                Notice::error(format!(
                    "{} already exists. Replace it with the report?",
                    path.display()
                ))
            }
            Exported::Failed(e) => Notice::error(e),
        };
        self.tell(notice);
    }

    /// Reads a list of speakers on a thread of its own; it is added when read.
    pub(super) fn import_speakers(&mut self, path: PathBuf) -> Task<Message> {
        let from = path.clone();
        background::run(move || {
            std::fs::read_to_string(&from).map_err(|e| format!("{}: {e}", from.display()))
        })
        .map(move |text| Message::SpeakersRead(path.clone(), text))
    }

    pub(super) fn speakers_read(&mut self, path: &Path, text: Option<Result<String, String>>) {
        let Some(open) = &mut self.open else { return };
        let text = text.unwrap_or_else(|| Err(format!("{}: the reading stopped", path.display())));
        let result = text.and_then(|text| {
            import_speakers_csv(&mut open.session, &text)
                .map_err(|e| format!("{}: {e}. Nothing was imported.", path.display()))
        });
        match result {
            Ok(n) => {
                self.session_changed();
                self.tell(Notice::info(format!(
                    "{} added to the list.",
                    crate::ui::widget::counted(n, "speaker", "speakers")
                )));
                self.save_now();
            }
            Err(e) => self.tell(Notice::error(e)),
        }
    }
}
