//! Structure and typing: a `{token}` left over, a bullet ending with ";" (the model minutes),
//! doubled spaces and words; acronyms used before they are spelled out; and the report's
//! own warnings (a lone subheading A., a statement that names no speaker, a missing
//! Summary) as findings.

use std::collections::HashSet;

use super::super::model::Report;
use super::words::words;
use super::{Context, Finding, Hit, Place, Rule, Severity, Unit, UnitKind};

/// Acronyms the UN uses without spelling them out.
/// ("UN" is the house rule's: never abbreviated.)
const KNOWN: &[&str] = &[
    "UN", "AIDS", "COVID-19", "HIV", "NATO", "NGO", "NGOs", "UNESCO", "UNICEF", "UNHCR", "OK",
    "TV", "ID", "IDs", "LGBTI", "LGBTIQ", "SDG", "SDGs", "MS",
];

fn hit(excerpt: &str, message: &str, suggestion: Option<String>, severity: Severity) -> Hit {
    Hit {
        rule: Rule::Structure,
        severity,
        excerpt: excerpt.to_string(),
        message: message.to_string(),
        suggestion,
    }
}

pub(super) fn check(unit: &Unit, hits: &mut Vec<Hit>) {
    let text = &unit.text;
    // A token the template could not resolve prints as it was typed.
    if let Some(open) = text.find('{')
        && let Some(close) = text.get(open..).and_then(|t| t.find('}'))
    {
        let token = text.get(open..open + close + 1).unwrap_or("{");
        hits.push(hit(
            token,
            "a {token} left in the text names nobody",
            None,
            Severity::Error,
        ));
    }
    if matches!(unit.kind, UnitKind::Bullet(_)) && text.trim_end().ends_with(';') {
        hits.push(hit(
            ";",
            "a bullet ends with a full stop, not a semicolon",
            Some(".".into()),
            Severity::Error,
        ));
    }
    if text.contains("  ") {
        hits.push(hit(
            "  ",
            "a doubled space",
            Some(" ".into()),
            Severity::Warning,
        ));
    }
    let list = words(text);
    for pair in list.windows(2) {
        if let [a, b] = pair
            && a.text.eq_ignore_ascii_case(b.text)
            && a.text.chars().all(char::is_alphabetic)
            && text
                .get(a.end..b.start)
                .is_some_and(|g| g.trim().is_empty())
            && !matches!(a.text.to_lowercase().as_str(), "that" | "had")
        {
            hits.push(hit(
                text.get(a.start..b.end).unwrap_or(a.text),
                "a doubled word",
                Some(a.text.to_string()),
                Severity::Error,
            ));
        }
    }
}

fn acronym(word: &str) -> bool {
    let letters = word.trim_end_matches('s');
    letters.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        && letters
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && !letters
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
}

/// The acronyms of one text in order, each with whether it is spelled out right there
/// ("... Office (OHCHR)"); those the session registers and the UN's short list are left
/// out.
pub(super) fn acronym_uses(unit: &Unit, context: &Context) -> Vec<(String, bool)> {
    // Most text holds no two capitals in a row: nothing to mask or read.
    let capitals = unit
        .text
        .as_bytes()
        .windows(2)
        .any(|p| p.iter().all(u8::is_ascii_uppercase));
    if unit.kind == UnitKind::Heading || !capitals {
        return Vec::new();
    }
    let masked = context.mask(&unit.text);
    let mut out = Vec::new();
    for w in words(&masked) {
        if w.text.contains('/') || !acronym(w.text) {
            continue;
        }
        let base = w.text.trim_end_matches('s');
        if KNOWN.contains(&w.text)
            || KNOWN.contains(&base)
            || context.acronyms.contains(w.text)
            || context.acronyms.contains(base)
        {
            continue;
        }
        let defined = masked.get(..w.start).is_some_and(|b| b.ends_with('('))
            && masked.get(w.end..).is_some_and(|a| a.starts_with(')'));
        out.push((w.text.to_string(), defined));
    }
    out
}

/// Acronyms whose first use comes before they are spelled out, or that are never spelled
/// out (`uses`: each unit's, from [`acronym_uses`]).
pub(super) fn acronyms(units: &[Unit], uses: &[&[(String, bool)]]) -> Vec<Finding> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for (unit, uses) in units.iter().zip(uses) {
        for (word, defined) in uses.iter() {
            if !seen.insert(word.trim_end_matches('s')) || *defined {
                continue;
            }
            out.push(Finding {
                rule: Rule::Acronym,
                severity: Severity::Warning,
                place: unit.place.clone(),
                excerpt: word.clone(),
                message: format!(
                    "{word} is used before it is spelled out: write the full name with \"({word})\" at its first use"
                ),
                suggestion: None,
            });
        }
    }
    out
}

/// The report's own warnings about its paragraphs ("Paragraph 12: ...") and about the
/// report ("Meeting: no title ...").
pub(super) fn report_warnings(report: &Report) -> Vec<Finding> {
    report
        .warnings
        .iter()
        .map(|w| {
            let (paragraph, message) = match w.strip_prefix("Paragraph ") {
                Some(rest) => match rest.split_once(": ") {
                    Some((n, message)) => (n.parse::<u32>().ok(), message.to_string()),
                    None => (None, w.clone()),
                },
                None => (None, w.clone()),
            };
            Finding {
                rule: Rule::Structure,
                severity: Severity::Warning,
                place: Place {
                    paragraph,
                    footnote: None,
                    item: None,
                    label: paragraph.map_or_else(|| "report".into(), |n| format!("¶{n}")),
                },
                excerpt: String::new(),
                message,
                suggestion: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_told_from_numerals() {
        assert!(acronym("OHCHR") && acronym("NHRIs") && acronym("CERD"));
        assert!(!acronym("II") && !acronym("IV") && !acronym("Peru") && !acronym("A"));
    }
}
