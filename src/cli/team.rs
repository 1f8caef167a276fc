//! The command line on team folders: share a session, log into a team folder as one
//! device, import a list of speakers into one.

use std::io::Write;
use std::path::Path;

use rapporteur::core::speakers_csv::import_speakers_csv;
use rapporteur::storage::team::Device;
use rapporteur::storage::team::session::TeamSession;

use super::log_lines::{commit_line, each_log_line};
use super::output::{say, tell, tell_files};

/// `rapporteur share SESSION DIR`: the session file is read, never changed.
pub fn share(session: &Path, dir: &Path, device: Option<&str>) -> Result<(), String> {
    let loaded = rapporteur::storage::file::load_checked(session).map_err(|e| e.to_string())?;
    tell(session, &loaded.repairs);
    let device = Device::this_run(device);
    TeamSession::share(&loaded.session, dir, device.clone())?;
    eprintln!(
        "{} is now a team session shared from {} (device {}); synchronize the folder and open it with `rapporteur {}`",
        dir.display(),
        session.display(),
        device.name,
        dir.display()
    );
    Ok(())
}

/// `rapporteur log DIR --device NAME`: each line is in this device's log (synced)
/// before `logged N` is printed.
pub fn log_from_stdin(dir: &Path, device: Option<&str>) -> Result<(), String> {
    let (mut team, mut session, notices) = TeamSession::open(dir, Device::this_run(device))?;
    tell_files(&notices);
    let stdout = std::io::stdout();
    each_log_line(|n, who, text| {
        let Some((id, _)) = commit_line(&mut session, n, who, text) else {
            return Ok(());
        };
        team.record(&session).map_err(|e| {
            format!(
                "line {n} was NOT saved ({e}); it and the lines after it are not in the team session"
            )
        })?;
        let mut out = stdout.lock();
        let _ = writeln!(out, "logged {id}");
        let _ = out.flush();
        Ok(())
    })?;
    // A snapshot for whoever opens the folder next.
    team.write_snapshot()
}

/// `rapporteur speakers DIR CSV`.
pub fn speakers(dir: &Path, csv: &Path, text: &[u8]) -> Result<(), String> {
    let (mut team, mut session, notices) = TeamSession::open(dir, Device::this_run(None))?;
    tell_files(&notices);
    let n = import_speakers_csv(&mut session, text)
        .map_err(|e| format!("{}: {e}; nothing was imported", csv.display()))?;
    team.record(&session)?;
    team.write_snapshot()?;
    say(format_args!(
        "{n} speakers added to the list of {}",
        dir.display()
    ))
}
