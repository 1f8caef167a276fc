//! Text hygiene shared by capture and export.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Removes what XML 1.0 cannot carry and normalises line breaks.
///
/// Text pasted from Word or PDFs carries vertical tabs and form feeds (Word's manual line
/// and page breaks); those become line breaks rather than vanishing, so words stay apart.
/// Other C0 controls and the non-characters U+FFFE/U+FFFF are dropped.
pub fn clean(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{000B}' | '\u{000C}' | '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push('\n'),
            '\t' | '\n' => out.push(c),
            '\u{0000}'..='\u{001F}' | '\u{007F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Single-line variant of [`clean`] for names and titles: breaks become spaces and runs
/// of white space collapse.
pub fn clean_line(input: &str) -> String {
    clean(input)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `clean` would change the text (cheap check before allocating).
pub fn is_clean(input: &str) -> bool {
    !input.chars().any(|c| {
        matches!(c, '\u{0000}'..='\u{0008}' | '\u{000B}' | '\u{000C}' | '\u{000E}'..='\u{001F}'
            | '\u{007F}' | '\u{FFFE}' | '\u{FFFF}' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}')
    })
}

/// Accent- and case-insensitive form used for searching and sorting:
/// "Côte d'Ivoire" -> "cote d'ivoire", "Izsák-Ndiaye" -> "izsak-ndiaye".
pub fn fold(input: &str) -> String {
    input
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '`' => '\'',
            'ß' => 's',
            'ø' => 'o',
            'đ' => 'd',
            'ł' => 'l',
            _ => c,
        })
        .collect()
}

/// A stable identifier made from a name: "Côte d'Ivoire" -> "cote-d-ivoire".
pub fn slug(input: &str) -> String {
    let mut out = String::new();
    for c in fold(input).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Capitalises the first letter: "the Netherlands" -> "The Netherlands".
pub fn capitalize_first(input: &str) -> String {
    let mut chars = input.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_xml_forbidden_characters_and_keeps_breaks() {
        assert_eq!(clean("a\u{0000}b\u{0007}c\u{FFFF}d"), "abcd");
        assert_eq!(clean("line one\u{000B}line two"), "line one\nline two");
        assert_eq!(clean("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(clean("tab\tkept"), "tab\tkept");
        assert_eq!(clean("Côte d'Ivoire"), "Côte d'Ivoire");
        assert!(is_clean(&clean("x\u{0001}\u{000C}y\r")));
        assert!(!is_clean("x\u{0001}"));
    }

    #[test]
    fn clean_line_collapses_breaks_and_spaces() {
        assert_eq!(clean_line("  Amina\n  Bouayach\u{000B} "), "Amina Bouayach");
    }

    #[test]
    fn fold_ignores_accents_and_case() {
        assert_eq!(fold("Côte d'Ivoire"), "cote d'ivoire");
        assert_eq!(fold("TÜRKIYE"), "turkiye");
        assert_eq!(fold("Izsák-Ndiaye"), "izsak-ndiaye");
        assert_eq!(fold("d’Ivoire"), "d'ivoire");
    }

    #[test]
    fn slug_and_capitalize() {
        assert_eq!(slug("Côte d'Ivoire"), "cote-d-ivoire");
        assert_eq!(
            slug("Iran (Islamic Republic of)"),
            "iran-islamic-republic-of"
        );
        assert_eq!(capitalize_first("the Netherlands"), "The Netherlands");
        assert_eq!(capitalize_first(""), "");
    }
}
