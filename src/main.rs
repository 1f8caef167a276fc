use std::process::ExitCode;

use clap::Parser;
use rapporteur::cli::{Cli, Command};
use rapporteur::core::speakers::import_speakers_csv;
use rapporteur::storage::Store;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Speakers { session, csv }) => run(|| {
            let text = std::fs::read_to_string(&csv).map_err(|e| format!("{}: {e}", csv.display()))?;
            let (mut store, mut s, _) = Store::open(&session).map_err(|e| e.to_string())?;
            let n = import_speakers_csv(&mut s, &text).map_err(|e| format!("{}: {e}; nothing was imported", csv.display()))?;
            store.save(&s)?;
            println!("{n} speakers added to the list of {}", session.display());
            Ok(())
        }),
        None => rapporteur::ui::run(cli.path, cli.demo),
    }
}

fn run(f: impl FnOnce() -> Result<(), String>) -> ExitCode {
    match f() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rapporteur: {e}");
            ExitCode::FAILURE
        }
    }
}
