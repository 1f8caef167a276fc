//! What the command line says: notices on standard error, results on standard output.

use std::path::Path;

/// What opening a session repaired or recovered, on standard error.
pub fn tell(path: &Path, notices: &[String]) {
    for notice in notices {
        eprintln!("rapporteur: {}: {notice}", path.display());
    }
}

/// One line on standard output; a closed or failing output is an error (the command
/// exits non-zero with a message), never a panic, and what was saved stays saved.
pub fn say(line: std::fmt::Arguments) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .map_err(|e| format!("standard output could not be written ({e}); what was done is saved"))
}

/// What reading a team folder passed over, on standard error: each notice names its
/// own file.
pub fn tell_files(notices: &[String]) {
    for notice in notices {
        eprintln!("rapporteur: {notice}");
    }
}
