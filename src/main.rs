// On Windows the program is a window: no console opens beside it. Typed in cmd or
// PowerShell, `rapporteur` runs `rapporteur.com` (the console launcher shipped beside
// it, see src/bin/rapporteur-console.rs), which hands over its console and returns the
// exit code; run directly from a console, the program attaches to it.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

mod cli;
#[cfg(windows)]
mod console;

use clap::Parser;
use cli::Cli;

fn main() -> ExitCode {
    #[cfg(windows)]
    console::attach();
    let cli = Cli::parse();
    match cli.command {
        // Exit 0: no finding; 1: findings; 2: the session could not be read.
        Some(cli::Command::Check {
            session,
            kind,
            format,
            words,
        }) => match cli::check(&session, kind, format, words) {
            Ok(0) => ExitCode::SUCCESS,
            Ok(_) => ExitCode::from(1),
            Err(e) => {
                eprintln!("rapporteur: {e}");
                ExitCode::from(2)
            }
        },
        Some(command) => match cli::run(command) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rapporteur: {e}");
                ExitCode::FAILURE
            }
        },
        None => rapporteur::ui::run(cli.path, cli.demo, cli.device),
    }
}
