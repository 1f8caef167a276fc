#![warn(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::ExitCode;

use clap::Parser;
use rapporteur::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => match rapporteur::cli::run(command) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rapporteur: {e}");
                ExitCode::FAILURE
            }
        },
        None => rapporteur::ui::run(cli.path, cli.demo),
    }
}
