//! Command-line interface: open the window on a session, or work headless.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::meeting::{Meeting, ReportKind};
use crate::core::session::{NewIntervention, resolve_speaker};
use crate::core::speakers::import_speakers_csv;
use crate::report::{Options, assemble};
use crate::storage::{Store, file};

#[derive(Debug, Parser)]
#[command(
    name = "rapporteur",
    version,
    about = "Capture a UN meeting and draft its report"
)]
pub struct Cli {
    /// Session file to open (created if it does not exist). Without it, the last session.
    pub path: Option<PathBuf>,
    /// Open a new copy of the sample meeting (an HRC panel discussion).
    #[arg(long, conflicts_with = "path")]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    Summary,
    Minutes,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Docx,
    Md,
    Txt,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a list of speakers (CSV) into a session.
    Speakers { session: PathBuf, csv: PathBuf },
    /// Log interventions from standard input, one per line: `SPEAKER<TAB>TEXT`, where
    /// SPEAKER is a participant's name or a delegation. Each line is on disk before
    /// `logged N` is printed.
    Log { session: PathBuf },
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
    /// Export the report of a session as DOCX, Markdown or text.
    Export {
        session: PathBuf,
        /// Output file, or - for standard output.
        #[arg(short, long)]
        output: PathBuf,
        /// Panel summary report or minutes (default: the session's choice).
        #[arg(long)]
        kind: Option<Kind>,
        /// Default: from the output's extension, else docx.
        #[arg(long)]
        format: Option<Format>,
    },
}

pub fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Speakers { session, csv } => speakers(&session, &csv),
        Command::Log { session } => log_from_stdin(&session),
        Command::Import {
            log,
            output,
            meeting,
        } => import(&log, &output, meeting.as_deref()),
        Command::Export {
            session,
            output,
            kind,
            format,
        } => export(&session, &output, kind, format),
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn speakers(session: &Path, csv: &Path) -> Result<(), String> {
    let text = read_text(csv)?;
    let (mut store, mut s, _) = Store::open(session).map_err(|e| e.to_string())?;
    let n = import_speakers_csv(&mut s, &text)
        .map_err(|e| format!("{}: {e}; nothing was imported", csv.display()))?;
    store.save(&s)?;
    println!("{n} speakers added to the list of {}", session.display());
    Ok(())
}

fn import(log: &Path, output: &Path, meeting: Option<&Path>) -> Result<(), String> {
    let text = read_text(log)?;
    let meeting: Meeting = match meeting {
        Some(path) => serde_json::from_str(&read_text(path)?)
            .map_err(|e| format!("{}: {e}", path.display()))?,
        None => Meeting::default(),
    };
    let name = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let session = crate::core::import::import_log_csv(&text, meeting, &name)
        .map_err(|e| format!("{}: {e}; nothing was written", log.display()))?;
    Store::create(output, &session).map_err(|e| e.to_string())?;
    println!(
        "{} interventions imported into {}",
        session.interventions.len(),
        output.display()
    );
    Ok(())
}

fn export(
    session: &Path,
    output: &Path,
    kind: Option<Kind>,
    format: Option<Format>,
) -> Result<(), String> {
    // Read only: exporting works while a window has the session open.
    let s = file::load(session).map_err(|e| e.to_string())?;
    let format = format.unwrap_or_else(|| match output.extension().and_then(|e| e.to_str()) {
        Some("md") => Format::Md,
        Some("txt") => Format::Txt,
        _ => Format::Docx,
    });
    let options = Options {
        kind: kind.map(|k| match k {
            Kind::Summary => ReportKind::PanelSummary,
            Kind::Minutes => ReportKind::Minutes,
        }),
        issue_date: Some(chrono::Local::now().date_naive()),
    };
    let report = assemble(&s, &options);
    let bytes = match format {
        Format::Docx => crate::report::docx::to_docx(&report).map_err(|e| format!("DOCX: {e}"))?,
        Format::Md => crate::report::markdown::to_markdown(&report).into_bytes(),
        Format::Txt => crate::report::markdown::to_text(&report).into_bytes(),
    };
    if output == Path::new("-") {
        std::io::stdout()
            .write_all(&bytes)
            .map_err(|e| format!("standard output: {e}"))?;
        return Ok(());
    }
    // Atomic: the output is complete or absent, never partial.
    file::write_atomic(output, &bytes).map_err(|e| format!("{}: {e}", output.display()))?;
    eprintln!("wrote {}", output.display());
    Ok(())
}

fn log_from_stdin(path: &Path) -> Result<(), String> {
    let (mut store, mut session, _) = Store::open_or_create(path).map_err(|e| e.to_string())?;
    let stdout = std::io::stdout();
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line.map_err(|e| format!("standard input: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let Some((who, text)) = line.split_once('\t') else {
            eprintln!(
                "rapporteur: line {}: expected SPEAKER<TAB>TEXT; skipped",
                n + 1
            );
            continue;
        };
        let speaker = match resolve_speaker(&mut session, who) {
            Ok(speaker) => speaker,
            Err(e) => {
                eprintln!("rapporteur: line {}: {e}; skipped", n + 1);
                continue;
            }
        };
        let now = chrono::Utc::now();
        let id = session.commit(NewIntervention {
            speaker,
            on_behalf_of: None,
            started_at: now,
            ended_at: now,
            text: text.to_string(),
        });
        store.save(&session)?;
        let mut out = stdout.lock();
        let _ = writeln!(out, "logged {id}");
        let _ = out.flush();
    }
    Ok(())
}
