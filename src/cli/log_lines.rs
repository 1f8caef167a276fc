//! Statements read from standard input, one `SPEAKER<TAB>TEXT` line each, and logged.

use std::io::BufRead;

use rapporteur::core::session::{NewIntervention, resolve_speaker};

/// Logs one line's statement now, by the speaker it names (a delegation named for the
/// first time is added); the statement's id and the inscription it ticked. None, said on
/// standard error, when the speaker cannot be made out.
pub fn commit_line(
    session: &mut rapporteur::core::Session,
    n: usize,
    who: &str,
    text: &str,
) -> Option<(rapporteur::core::intervention::InterventionId, Option<u32>)> {
    let speaker = match resolve_speaker(session, who) {
        Ok(speaker) => speaker,
        Err(e) => {
            eprintln!("rapporteur: line {n}: {e}; skipped");
            return None;
        }
    };
    let spoke = session.next_pending_of(&speaker).map(|i| i.id);
    let now = chrono::Utc::now();
    let id = session.commit(NewIntervention {
        speaker,
        on_behalf_of: None,
        started_at: now,
        ended_at: now,
        text: text.to_string(),
    });
    Some((id, spoke))
}

/// Standard input's lines as `SPEAKER<TAB>TEXT`, numbered from 1: a line that is not
/// UTF-8 is kept with U+FFFD for its bad bytes, a blank one passed over, one without a
/// tab named and skipped.
pub fn each_log_line(
    mut on_line: impl FnMut(usize, &str, &str) -> Result<(), String>,
) -> Result<(), String> {
    let mut input = std::io::stdin().lock();
    let mut buffer = Vec::new();
    for n in 1.. {
        buffer.clear();
        let read = input
            .read_until(b'\n', &mut buffer)
            .map_err(|e| format!("standard input, line {n}: {e}"))?;
        if read == 0 {
            break;
        }
        let line = match String::from_utf8(std::mem::take(&mut buffer)) {
            Ok(line) => line,
            Err(e) => {
                eprintln!("rapporteur: line {n}: not UTF-8; the bad bytes became U+FFFD");
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        let Some((who, text)) = line.split_once('\t') else {
            eprintln!("rapporteur: line {n}: expected SPEAKER<TAB>TEXT; skipped");
            continue;
        };
        on_line(n, who, text)?;
    }
    Ok(())
}
