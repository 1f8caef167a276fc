//! File names every desk can hold: what Windows (NTFS), OneDrive and SharePoint refuse is
//! never proposed, whatever the session or the meeting is called. A name made on Linux
//! may contain ":" or end in a dot; synced to a Windows laptop it would not arrive.

/// Names Windows keeps for devices, whatever follows the first dot ("CON.docx" too).
const DEVICE_NAMES: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// Characters Windows refuses in a name (besides control characters).
const REFUSED_CHARS: [char; 9] = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Longest name in UTF-16 units that NTFS and OneDrive take.
const MAX_UNITS: usize = 255;

/// Why Windows, OneDrive or SharePoint would refuse `name` as a file or folder name;
/// `None` when all three take it.
pub fn refusal(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("the name is empty");
    }
    if name.chars().any(|c| c.is_control()) {
        return Some("control characters are not allowed in a name");
    }
    if name.contains(REFUSED_CHARS) {
        return Some("a name may not contain < > : \" / \\ | ? *");
    }
    if name.ends_with(['.', ' ']) {
        return Some("Windows drops a dot or space at the end of a name");
    }
    if name.starts_with(' ') {
        return Some("OneDrive and SharePoint refuse a space at the start of a name");
    }
    if is_device_name(name) {
        return Some("CON, PRN, AUX, NUL, COM1-9 and LPT1-9 are devices on Windows");
    }
    let lower = name.to_lowercase();
    if lower == ".lock" || lower == "desktop.ini" || lower.contains("_vti_") {
        return Some("OneDrive and SharePoint refuse .lock, desktop.ini and _vti_ in a name");
    }
    if name.starts_with("~$") {
        return Some("OneDrive and SharePoint refuse a name starting with ~$");
    }
    if name.encode_utf16().count() > MAX_UNITS {
        return Some("the name is longer than 255 characters");
    }
    None
}

/// The device check: the part before the first dot, trailing spaces ignored, in any case;
/// COM and LPT with a digit 0-9 or a superscript 1, 2, 3.
fn is_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let upper = stem.to_uppercase();
    if DEVICE_NAMES.contains(&upper.as_str()) {
        return true;
    }
    let mut chars = upper.chars();
    let head: String = chars.by_ref().take(3).collect();
    let rest: Vec<char> = chars.collect();
    (head == "COM" || head == "LPT")
        && matches!(rest.as_slice(), [c] if c.is_ascii_digit() || matches!(c, '¹' | '²' | '³'))
}

/// `name` made acceptable everywhere, changed as little as possible: refused characters
/// become "-", control characters go, the ends are trimmed, a device name or a name
/// OneDrive blocks gets "_" added, a long name is cut (its extension kept). An empty
/// result becomes `fallback`, which must itself be acceptable.
pub fn portable(name: &str, fallback: &str) -> String {
    let mut out = name.to_string();
    // A pass can uncover what another must mend (a cut that ends on "CON ").
    for _ in 0..4 {
        if refusal(&out).is_none() {
            return out;
        }
        out = mend(&out);
        if out.is_empty() {
            break;
        }
    }
    if refusal(&out).is_none() {
        out
    } else {
        fallback.to_string()
    }
}

fn mend(name: &str) -> String {
    let mut out: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if REFUSED_CHARS.contains(&c) { '-' } else { c })
        .collect();
    loop {
        let trimmed = out.trim_start_matches(' ').trim_end_matches(['.', ' ']);
        let trimmed = trimmed.strip_prefix("~$").unwrap_or(trimmed);
        if trimmed.len() == out.len() {
            break;
        }
        out = trimmed.to_string();
    }
    out = out.replace("_vti_", "_vti-");
    if out.is_empty() {
        return out;
    }
    let lower = out.to_lowercase();
    if is_device_name(&out) || lower == ".lock" || lower == "desktop.ini" {
        out = match out.split_once('.') {
            Some((stem, ext)) if !stem.trim_end().is_empty() => {
                format!("{}_.{ext}", stem.trim_end())
            }
            _ => format!("_{out}"),
        };
    }
    shorten(out)
}

/// Cuts a name to [`MAX_UNITS`], keeping a short extension ("….docx").
fn shorten(name: String) -> String {
    if name.encode_utf16().count() <= MAX_UNITS {
        return name;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= 8 => {
            (stem.to_string(), format!(".{ext}"))
        }
        _ => (name.clone(), String::new()),
    };
    let room = MAX_UNITS - ext.encode_utf16().count();
    let mut kept = String::new();
    let mut units = 0;
    for c in stem.chars() {
        units += c.len_utf16();
        if units > room {
            break;
        }
        kept.push(c);
    }
    let kept = kept.trim_end_matches(['.', ' ']);
    format!("{kept}{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn what_windows_onedrive_and_sharepoint_refuse_is_named() {
        for name in [
            "CON",
            "con.docx",
            "Nul",
            "COM1",
            "lpt9.json",
            "COM¹",
            "AUX .txt",
            "a:b",
            "what?",
            "x*y",
            "a|b",
            "<a>",
            "\"q\"",
            "back\\slash",
            "trailing.",
            "trailing ",
            " leading",
            ".lock",
            "desktop.ini",
            "~$report.docx",
            "my_vti_folder",
            "tab\there",
            "",
        ] {
            assert!(refusal(name).is_some(), "{name:?} should be refused");
        }
        for name in [
            "HRC 59 panel.docx",
            "Zoë’s minutes — 2026.docx",
            "CONFERENCE.docx",
            "COM10",
            "console",
            ".meeting.json.lock",
            "000001.frames",
            "AB-0123456789abcdef",
            "team.json",
            "report (1).docx",
            "#1 50%.docx",
        ] {
            assert_eq!(refusal(name), None, "{name:?} should be accepted");
        }
        assert!(refusal(&"é".repeat(256)).is_some());
        assert_eq!(refusal(&"é".repeat(255)), None);
    }

    #[test]
    fn portable_names_change_as_little_as_possible() {
        assert_eq!(portable("HRC 59: panel?", "report"), "HRC 59- panel-");
        assert_eq!(portable("CON", "report"), "_CON");
        assert_eq!(portable("con.docx", "report"), "con_.docx");
        assert_eq!(portable("Minutes.", "report"), "Minutes");
        assert_eq!(portable("  ~$draft ", "report"), "draft");
        assert_eq!(portable("...", "report"), "report");
        assert_eq!(portable("Zoë.docx", "report"), "Zoë.docx");
        let long = format!("{}.docx", "ü".repeat(300));
        let cut = portable(&long, "report");
        assert!(cut.ends_with("ü.docx") && cut.encode_utf16().count() == 255);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Whatever a person or a file calls a meeting, the name proposed is accepted.
        #[test]
        fn every_portable_name_is_accepted(
            name in prop_oneof![
                any::<String>(),
                "[ .~$:<>|?*\"\\\\/a-zA-Z0-9_\u{0}-\u{1f}é]{0,40}",
                "(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9]|desktop|\\.lock|_vti_)( *)(\\.[a-z]{0,4})?",
                ".{250,300}",
            ]
        ) {
            let made = portable(&name, "report");
            prop_assert_eq!(refusal(&made), None, "{:?} -> {:?}", name, made);
            // An acceptable name is left exactly as it was.
            if refusal(&name).is_none() {
                prop_assert_eq!(made, name);
            }
        }
    }
}
