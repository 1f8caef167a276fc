//! Command-line interface: open the window on a session, or work headless.

mod log_lines;
mod output;
mod team;

pub use log_lines::{commit_line, each_log_line};
pub use output::{say, tell, tell_files};

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use rapporteur::core::meeting::{Meeting, ReportKind};
use rapporteur::core::speakers_csv::import_speakers_csv;
use rapporteur::report::{Options, assemble, checker, export};
use rapporteur::storage::journal::Logged;
use rapporteur::storage::team::TeamFolder;
use rapporteur::storage::{Store, file};

#[derive(Debug, Parser)]
#[command(
    name = "rapporteur",
    version = rapporteur::VERSION,
    about = "Capture a UN meeting and draft its report"
)]
pub struct Cli {
    /// Session file or team folder to open (a file is created if it does not exist).
    /// Without it, the last session.
    pub path: Option<PathBuf>,
    /// Open a new copy of the sample meeting (an HRC panel discussion).
    #[arg(long, conflicts_with = "path")]
    pub demo: bool,
    /// In a team folder: this device's name, the note-taker's initials (default:
    /// RAPPORTEUR_DEVICE, else the machine's name).
    #[arg(long)]
    pub device: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    Summary,
    Minutes,
    /// The summary record of a formal meeting.
    Record,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Docx,
    Md,
    Txt,
    /// The session itself in the plain JSON form (a team session merged), for archives
    /// and other tools.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a list of speakers (CSV) into a session.
    Speakers { session: PathBuf, csv: PathBuf },
    /// Log interventions from standard input, one per line: `SPEAKER<TAB>TEXT`, where
    /// SPEAKER is a participant's name or a delegation. Each line is on disk before
    /// `logged N` is printed. SESSION may be a team folder.
    Log {
        session: PathBuf,
        /// In a team folder: the device's name, the note-taker's initials (default:
        /// RAPPORTEUR_DEVICE, else the machine's name).
        #[arg(long)]
        device: Option<String>,
    },
    /// Make a team folder from a session, for several note-takers and editors to work
    /// on at once through a file-sync engine (the session file is left as it is).
    Share {
        session: PathBuf,
        /// The folder to make (new or empty).
        dir: PathBuf,
        /// This device's name (default: RAPPORTEUR_DEVICE, else the machine's name).
        #[arg(long)]
        device: Option<String>,
    },
    /// Create a session from a meeting log kept in a spreadsheet (CSV).
    Import {
        log: PathBuf,
        /// The session file to create (must not exist).
        #[arg(short, long)]
        output: PathBuf,
        /// The meeting data (the `meeting` object of the session format, as JSON).
        #[arg(long)]
        meeting: Option<PathBuf>,
    },
    /// Export the report of a session as DOCX, Markdown or text. Never writes over a
    /// session or the file being read; another existing file needs --force.
    Export {
        session: PathBuf,
        /// Output file, or - for standard output.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists (never a session file).
        #[arg(long)]
        force: bool,
        /// Panel summary report or minutes (default: the session's choice).
        #[arg(long)]
        kind: Option<Kind>,
        /// Default: from the output's extension, else docx.
        #[arg(long)]
        format: Option<Format>,
        /// Refuse to write when the report has warnings (they are printed either way).
        #[arg(long)]
        strict: bool,
    },
    /// Check the report against the UN's editorial rules: one finding a line (or a JSON
    /// array). Exit 0: no finding; 1: findings; 2: the session could not be read.
    Check {
        session: PathBuf,
        /// Panel summary report, minutes or record (default: the session's choice).
        #[arg(long)]
        kind: Option<Kind>,
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
        /// Print the report's words by chapter and the limit instead of the findings.
        #[arg(long)]
        words: bool,
    },
    /// List the backups kept of a session, newest first.
    Backups { session: PathBuf },
    /// Replace a session with one of its backups (the current file is kept as a backup).
    Restore { session: PathBuf, backup: PathBuf },
}

pub fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Speakers { session, csv } => speakers(&session, &csv),
        Command::Log { session, device } => {
            if TeamFolder::is_team_folder(&session) {
                team::log_from_stdin(&session, device.as_deref())
            } else {
                log_from_stdin(&session)
            }
        }
        Command::Share {
            session,
            dir,
            device,
        } => team::share(&session, &dir, device.as_deref()),
        Command::Import {
            log,
            output,
            meeting,
        } => import(&log, &output, meeting.as_deref()),
        Command::Export {
            session,
            output,
            force,
            kind,
            format,
            strict,
        } => export(&session, &output, force, kind, format, strict),
        Command::Check {
            session,
            kind,
            format,
            words,
        } => check(&session, kind, format, words).map(|_| ()),
        Command::Backups { session } => backups(&session),
        Command::Restore { session, backup } => restore(&session, &backup),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = read_bytes(path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "{}: is not UTF-8 text (byte {})",
            path.display(),
            e.utf8_error().valid_up_to() + 1
        )
    })
}

fn open_store(path: &Path) -> Result<(Store, rapporteur::core::Session), String> {
    let (store, session, _) = Store::open(path).map_err(|e| e.to_string())?;
    tell(path, &store.notices);
    Ok((store, session))
}

fn speakers(session: &Path, csv: &Path) -> Result<(), String> {
    let text = read_bytes(csv)?;
    if TeamFolder::is_team_folder(session) {
        return team::speakers(session, csv, &text);
    }
    let (mut store, mut s) = open_store(session)?;
    let n = import_speakers_csv(&mut s, &text)
        .map_err(|e| format!("{}: {e}; nothing was imported", csv.display()))?;
    store.save(&s)?;
    say(format_args!(
        "{n} speakers added to the list of {}",
        session.display()
    ))
}

fn import(log: &Path, output: &Path, meeting: Option<&Path>) -> Result<(), String> {
    let text = read_bytes(log)?;
    let meeting: Meeting = match meeting {
        Some(path) => {
            let meeting: Meeting = serde_json::from_str(&read_text(path)?)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            rapporteur::core::timezone::check(&meeting.time_zone)
                .map_err(|e| format!("{}: time_zone: {e}; nothing was written", path.display()))?;
            if let Some(zone) = &meeting.second_time_zone {
                rapporteur::core::timezone::check(zone).map_err(|e| {
                    format!(
                        "{}: second_time_zone: {e}; nothing was written",
                        path.display()
                    )
                })?;
            }
            meeting
        }
        None => Meeting::default(),
    };
    let name = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let session = rapporteur::core::import::import_log_csv(&text, meeting, &name)
        .map_err(|e| format!("{}: {e}; nothing was written", log.display()))?;
    Store::create(output, &session).map_err(|e| e.to_string())?;
    say(format_args!(
        "{} interventions imported into {}",
        session.interventions.len(),
        output.display()
    ))
}

fn export(
    session: &Path,
    output: &Path,
    force: bool,
    kind: Option<Kind>,
    format: Option<Format>,
    strict: bool,
) -> Result<(), String> {
    // Read only: exporting works while a window has the session open.
    let s = read_any(session)?;
    let to_stdout = output == Path::new("-");
    if !to_stdout {
        file::check_report_output(output, &[session], force).map_err(|e| e.to_string())?;
    }
    let format = format.unwrap_or_else(|| match output.extension().and_then(|e| e.to_str()) {
        Some("md") => Format::Md,
        Some("txt") => Format::Txt,
        Some("json") => Format::Json,
        _ => Format::Docx,
    });
    if format == Format::Json {
        return write_output(output, &file::to_bytes(&s));
    }
    let options = Options {
        kind: report_kind(kind),
        issue_date: Some(chrono::Local::now().date_naive()),
    };
    let format = match format {
        Format::Docx | Format::Json => export::Format::Docx,
        Format::Md => export::Format::Markdown,
        Format::Txt => export::Format::Text,
    };
    let rendered = export::render(&s, &options, format)
        .map_err(|e| format!("{}: {e}; nothing was written", session.display()))?;
    // What the editor shows beside the paragraphs, the command line says too.
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
    if !rendered.findings.is_empty() {
        eprintln!(
            "{}: {} of the editorial checker (rapporteur check {} lists them)",
            session.display(),
            export::counted(rendered.findings.len(), "finding", "findings"),
            session.display()
        );
    }
    if strict && !rendered.warnings.is_empty() {
        return Err(format!(
            "{}: {} with --strict; nothing was written",
            session.display(),
            export::counted(rendered.warnings.len(), "warning", "warnings")
        ));
    }
    let bytes = rendered.bytes;
    write_output(output, &bytes)
}

/// The output file written whole (atomic: complete or absent), or standard output.
fn write_output(output: &Path, bytes: &[u8]) -> Result<(), String> {
    if output == Path::new("-") {
        std::io::stdout()
            .write_all(bytes)
            .map_err(|e| format!("standard output: {e}"))?;
        return Ok(());
    }
    file::write_atomic(output, bytes)
        .map_err(|e| format!("{}: {e}; nothing was written", output.display()))?;
    eprintln!("wrote {}", output.display());
    Ok(())
}

/// A session file or a team folder (merged), read without writing anything; what was
/// repaired or passed over on standard error.
fn read_any(path: &Path) -> Result<rapporteur::core::Session, String> {
    if TeamFolder::is_team_folder(path) {
        let (session, notices) = rapporteur::storage::team::session::read_merged(path)?;
        tell_files(&notices);
        return Ok(session);
    }
    let loaded = file::load_checked(path).map_err(|e| e.to_string())?;
    tell(path, &loaded.repairs);
    Ok(loaded.session)
}

fn report_kind(kind: Option<Kind>) -> Option<ReportKind> {
    kind.map(|k| match k {
        Kind::Summary => ReportKind::PanelSummary,
        Kind::Minutes => ReportKind::Minutes,
        Kind::Record => ReportKind::SummaryRecord,
    })
}

/// The checker's findings on standard output; how many there are. Err when the session
/// cannot be read.
pub fn check(
    session: &Path,
    kind: Option<Kind>,
    format: CheckFormat,
    words: bool,
) -> Result<usize, String> {
    let s = read_any(session)?;
    let report = assemble(
        &s,
        &Options {
            kind: report_kind(kind),
            issue_date: Some(chrono::Local::now().date_naive()),
        },
    );
    if words {
        let count = checker::word_count(&report);
        let mut out = String::new();
        for (chapter, n) in &count.chapters {
            let chapter = if chapter.is_empty() {
                "(before the first chapter)"
            } else {
                chapter
            };
            out.push_str(&format!("{chapter}: {}\n", checker::thousands(*n)));
        }
        let limit = checker::word_limit(&s, report.kind);
        out.push_str(&match limit {
            Some(l) => format!(
                "total: {} of {} words\n",
                checker::thousands(count.total),
                checker::thousands(l as usize)
            ),
            None => format!("total: {} words\n", checker::thousands(count.total)),
        });
        std::io::stdout()
            .write_all(out.as_bytes())
            .map_err(|e| format!("standard output: {e}"))?;
        return Ok(0);
    }
    let findings = checker::check(&s, &report);
    let out = match format {
        CheckFormat::Json => checker::to_json(&findings) + "\n",
        CheckFormat::Text => findings
            .iter()
            .map(|f| checker::line(f) + "\n")
            .collect::<String>(),
    };
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| format!("standard output: {e}"))?;
    Ok(findings.len())
}

fn backups(session: &Path) -> Result<(), String> {
    not_a_team_folder(session)?;
    let path = rapporteur::storage::paths::resolve(session)
        .map_err(|e| format!("{}: {e}", session.display()))?;
    let list = rapporteur::storage::backup::list(&path);
    if list.is_empty() {
        say(format_args!("no backups of {} are kept", session.display()))?;
    }
    for b in list {
        say(format_args!("{}\t{}", b.path.display(), b.describe()))?;
    }
    Ok(())
}

fn restore(session: &Path, backup: &Path) -> Result<(), String> {
    not_a_team_folder(session)?;
    let path = rapporteur::storage::paths::resolve(session)
        .map_err(|e| format!("{}: {e}", session.display()))?;
    rapporteur::storage::store::restore_closed(&path, backup)?;
    eprintln!("restored {} from {}", session.display(), backup.display());
    Ok(())
}

/// Backups are kept of session files; a team folder keeps every device's whole history.
fn not_a_team_folder(path: &Path) -> Result<(), String> {
    if TeamFolder::is_team_folder(path) {
        return Err(format!(
            "{} is a team folder: it keeps every change of every device, and has no backups to list or restore (export it with --format json for a copy)",
            path.display()
        ));
    }
    Ok(())
}

/// Full saves while logging: at least this many lines apart; every line is on disk
/// through the journal before it is acknowledged.
const COMPACT_EVERY: usize = 1000;

fn log_from_stdin(path: &Path) -> Result<(), String> {
    let (mut store, mut session, _) = Store::open_or_create(path).map_err(|e| e.to_string())?;
    tell(path, &store.notices);
    let stdout = std::io::stdout();
    let mut since_save = 0;
    each_log_line(|n, who, text| {
        let known = session.delegations.len();
        let Some((id, spoke)) = commit_line(&mut session, n, who, text) else {
            return Ok(());
        };
        let entry = Logged {
            intervention: match session.intervention(id) {
                Some(i) => i.clone(),
                None => return Err(format!("line {n}: the statement could not be logged")),
            },
            new_delegations: session
                .delegations
                .get(known..)
                .unwrap_or_default()
                .to_vec(),
            spoke,
        };
        if let Err(e) = store.append_logged(&entry) {
            return Err(format!(
                "line {n} was NOT saved ({e}); it and the lines after it are not in the session. Free some space and log them again"
            ));
        }
        since_save += 1;
        // A full save costs in proportion to the session; doing one every half session
        // of lines keeps the cost per line flat as the meeting grows.
        if since_save >= COMPACT_EVERY.max(session.interventions.len() / 2) {
            // A failed full save loses nothing: the journal still holds every line.
            if store.save(&session).is_ok() {
                since_save = 0;
            }
        }
        let mut out = stdout.lock();
        let _ = writeln!(out, "logged {id}");
        let _ = out.flush();
        Ok(())
    })?;
    if since_save > 0 {
        store.save(&session).map_err(|e| {
            format!("{e} Every logged line is safe in the journal beside it and will be taken in when the session is next opened.")
        })?;
    }
    Ok(())
}
