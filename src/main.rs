use std::process::ExitCode;

mod cli;

use clap::Parser;
use cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => match cli::run(command) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rapporteur: {e}");
                ExitCode::FAILURE
            }
        },
        None => rapporteur::ui::run(cli.path, cli.demo),
    }
}
