//! How large a report may grow from its session. A report summarizes: it is rarely
//! longer than the notes it comes from. A file that would make one vastly larger (a
//! damaged or hostile layout, a template repeating a list thousands of times) is refused
//! with a message instead of filling the disk or the memory.

/// Room for the fixed parts of a document (styles, masthead, numbering) and for reports
/// whose generated paragraphs outgrow very short notes.
const BASE: usize = 4 * 1024 * 1024;
/// How many times the session's size a written report may be.
const FACTOR: usize = 10;

pub fn max_output(session_bytes: usize) -> usize {
    BASE.saturating_add(session_bytes.saturating_mul(FACTOR))
}

/// Ok when a report of `output_bytes` is in proportion to a session of `session_bytes`.
pub fn check_size(session_bytes: usize, output_bytes: usize) -> Result<(), String> {
    if output_bytes <= max_output(session_bytes) {
        return Ok(());
    }
    Err(format!(
        "the report would be {} MB from a session of {} KB, far more than a summary of it can be; the session's report layout or paragraph texts probably repeat something thousands of times (look for repeated {{tokens}} in the editor)",
        output_bytes / (1024 * 1024),
        session_bytes.div_ceil(1024)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_in_proportion_pass_and_blow_ups_are_refused() {
        assert!(check_size(60 * 1024, 2 * 1024 * 1024).is_ok());
        assert!(check_size(5 * 1024 * 1024, 40 * 1024 * 1024).is_ok());
        let e = check_size(60 * 1024, 103 * 1024 * 1024).unwrap_err();
        assert!(e.contains("103 MB") && e.contains("60 KB"), "{e}");
    }
}
