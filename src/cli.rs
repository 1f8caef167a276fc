//! Command-line interface: open the window on a session, or work headless.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a list of speakers (CSV) into a session.
    Speakers { session: PathBuf, csv: PathBuf },
    /// Log interventions from standard input, one per line: `SPEAKER<TAB>TEXT`, where
    /// SPEAKER is a participant's name or a delegation. Each line is on disk before
    /// `logged N` is printed. For scripts, speech-to-text pipes and crash tests.
    Log { session: PathBuf },
}
