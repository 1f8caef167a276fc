use std::process::ExitCode;

use clap::Parser;
use rapporteur::cli::{Cli, Command};
use rapporteur::core::speakers::import_speakers_csv;
use rapporteur::storage::Store;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Speakers { session, csv }) => run(|| {
            let text =
                std::fs::read_to_string(&csv).map_err(|e| format!("{}: {e}", csv.display()))?;
            let (mut store, mut s, _) = Store::open(&session).map_err(|e| e.to_string())?;
            let n = import_speakers_csv(&mut s, &text)
                .map_err(|e| format!("{}: {e}; nothing was imported", csv.display()))?;
            store.save(&s)?;
            println!("{n} speakers added to the list of {}", session.display());
            Ok(())
        }),
        Some(Command::Log { session }) => run(|| log_from_stdin(&session)),
        None => rapporteur::ui::run(cli.path, cli.demo),
    }
}

fn log_from_stdin(path: &std::path::Path) -> Result<(), String> {
    use std::io::{BufRead, Write};
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
        let speaker = match rapporteur::core::session::resolve_speaker(&mut session, who) {
            Ok(speaker) => speaker,
            Err(e) => {
                eprintln!("rapporteur: line {}: {e}; skipped", n + 1);
                continue;
            }
        };
        let now = chrono::Utc::now();
        let id = session.commit(rapporteur::core::session::NewIntervention {
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

fn run(f: impl FnOnce() -> Result<(), String>) -> ExitCode {
    match f() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rapporteur: {e}");
            ExitCode::FAILURE
        }
    }
}
