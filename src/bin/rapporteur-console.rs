//! `rapporteur.com`, shipped beside `rapporteur.exe` on Windows. The exe is a window
//! program, so a command typed in cmd or PowerShell would not be waited for and its exit
//! code would be lost. Both shells try `.com` before `.exe`: this console program runs the
//! exe beside it with the same arguments and the same console, waits, and returns its
//! exit code (`rapporteur export ...`, `rapporteur check ...` in scripts).

use std::process::ExitCode;

fn main() -> ExitCode {
    let exe = match std::env::current_exe() {
        Ok(me) => me.with_file_name(if cfg!(windows) {
            "rapporteur.exe"
        } else {
            "rapporteur"
        }),
        Err(e) => {
            eprintln!("rapporteur: cannot find where this program is: {e}");
            return ExitCode::FAILURE;
        }
    };
    match std::process::Command::new(&exe)
        .args(std::env::args_os().skip(1))
        .status()
    {
        // Windows exit codes are 32 bits; the ones Rapporteur returns fit in a byte.
        Ok(status) => ExitCode::from(status.code().map_or(1, |c| u8::try_from(c).unwrap_or(1))),
        Err(e) => {
            eprintln!("rapporteur: cannot start {}: {e}", exe.display());
            ExitCode::FAILURE
        }
    }
}
