//! Forms the UN does not use in running text, with the form it does: "United Nations"
//! for "UN", "Secretary-General", "COVID-19", "per cent", "11 May 2021", "resolution
//! 44/14" in lower case, and Oxford spelling with -ize (organization, programme,
//! labour), as the drafting rules (sections 5 and 7) and the UN Editorial Manual say.

use super::words::{same_case, sentence_starts, words};
use super::{Hit, Rule, Severity};
use crate::core::meeting::MONTHS;

/// The UN's preferred spellings: (what is written, what the UN writes).
const SPELLINGS: &[(&str, &str)] = &[
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("organise", "organize"),
    ("organised", "organized"),
    ("recognise", "recognize"),
    ("recognised", "recognized"),
    ("emphasise", "emphasize"),
    ("emphasised", "emphasized"),
    ("realise", "realize"),
    ("prioritise", "prioritize"),
    ("mobilise", "mobilize"),
    ("mobilising", "mobilizing"),
    ("criticise", "criticize"),
    ("criticised", "criticized"),
    ("summarise", "summarize"),
    ("summarised", "summarized"),
    ("program", "programme"),
    ("programs", "programmes"),
    ("labor", "labour"),
    ("center", "centre"),
    ("centers", "centres"),
    ("behavior", "behaviour"),
    ("favor", "favour"),
    ("honor", "honour"),
    ("defense", "defence"),
    ("analyze", "analyse"),
    ("analyzed", "analysed"),
    ("judgement", "judgment"),
    ("fulfill", "fulfil"),
    ("enroll", "enrol"),
];

/// The built-in list and the editor's own lines ("wrong -> right").
pub fn spelling_list(extra: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = SPELLINGS
        .iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect();
    for line in extra.lines() {
        if let Some((wrong, right)) = line.split_once("->") {
            let (wrong, right) = (wrong.trim().to_lowercase(), right.trim().to_string());
            if !wrong.is_empty() && !right.is_empty() {
                out.retain(|(w, _)| *w != wrong);
                out.push((wrong, right));
            }
        }
    }
    out
}

fn hit(excerpt: &str, message: &str, suggestion: Option<String>) -> Hit {
    Hit {
        rule: Rule::House,
        severity: Severity::Error,
        excerpt: excerpt.to_string(),
        message: message.to_string(),
        suggestion,
    }
}

/// `masked` is the text with registered names blanked out ("UN Department of Global
/// Communications" as the session names it is not flagged).
pub fn check(masked: &str, hits: &mut Vec<Hit>) {
    let list = words(masked);
    for (n, w) in list.iter().enumerate() {
        let next = list.get(n + 1);
        let previous = n.checked_sub(1).and_then(|p| list.get(p));
        match w.text {
            // "UN-Women", "UN-Habitat" are names; "UN" alone is not written.
            "UN" => hits.push(hit(
                "UN",
                "the UN is never abbreviated in running text",
                Some("United Nations".into()),
            )),
            "Secretary" | "secretary"
                if next.is_some_and(|n| {
                    n.text.eq_ignore_ascii_case("general")
                        && masked.get(w.end..n.start) == Some(" ")
                }) =>
            {
                let excerpt = masked.get(w.start..next.map_or(w.end, |n| n.end));
                hits.push(hit(
                    excerpt.unwrap_or("Secretary General"),
                    "Secretary-General takes a hyphen",
                    Some(same_case(w.text, "Secretary-General")),
                ));
            }
            t if t.to_lowercase().starts_with("covid") && t != "COVID-19" => {
                hits.push(hit(t, "the UN writes COVID-19", Some("COVID-19".into())))
            }
            "Resolution"
                if next.is_some_and(|n| n.text.contains('/'))
                    && !sentence_starts(masked, previous.map(|p| p.end), w.start) =>
            {
                hits.push(hit(
                    "Resolution",
                    "resolution is lower case before its number",
                    Some("resolution".into()),
                ));
            }
            _ => {}
        }
        // "50%", "50 %" -> "50 per cent".
        if w.text.chars().all(|c| c.is_ascii_digit() || c == '.')
            && let Some(after) = masked.get(w.end..)
        {
            let gap = after.len() - after.trim_start_matches(' ').len();
            if after.get(gap..).is_some_and(|a| a.starts_with('%')) {
                let excerpt = masked.get(w.start..w.end + gap + 1).unwrap_or(w.text);
                hits.push(hit(
                    excerpt,
                    "the UN writes \"per cent\"",
                    Some(format!("{} per cent", w.text)),
                ));
            }
        }
        // "May 11, 2021" -> "11 May 2021".
        if MONTHS.contains(&w.text)
            && let (Some(day), Some(year)) = (next, list.get(n + 2))
            && day.text.len() <= 2
            && day.text.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
            && masked.get(day.end..year.start) == Some(", ")
            && year.text.len() == 4
            && year.text.parse::<u32>().is_ok()
        {
            hits.push(hit(
                masked.get(w.start..year.end).unwrap_or(w.text),
                "dates are written day, month, year",
                Some(format!("{} {} {}", day.text, w.text, year.text)),
            ));
        }
        // "05/11/2021" (month first, as written in the United States) -> "11 May 2021".
        let parts: Vec<&str> = w.text.split('/').collect();
        if let [m, d, y] = parts.as_slice()
            && y.len() == 4
            && let (Ok(m), Ok(d), Ok(y)) = (m.parse::<u32>(), d.parse::<u32>(), y.parse::<i32>())
            && chrono::NaiveDate::from_ymd_opt(y, m, d).is_some()
            && let Some(month) = MONTHS.get((m as usize).saturating_sub(1))
        {
            hits.push(hit(
                w.text,
                "dates are written day, month, year in words",
                Some(format!("{d} {month} {y}")),
            ));
        }
    }
}

/// Words spelled otherwise than the UN spells them.
pub fn spellings(text: &str, list: &[(String, String)], hits: &mut Vec<Hit>) {
    for w in words(text) {
        let lower = w.text.to_lowercase();
        if let Some((_, right)) = list.iter().find(|(wrong, _)| *wrong == lower) {
            hits.push(hit(
                w.text,
                "the UN's spelling",
                Some(same_case(w.text, right)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Vec<(String, Option<String>)> {
        let mut hits = Vec::new();
        check(text, &mut hits);
        spellings(text, &spelling_list(""), &mut hits);
        hits.into_iter()
            .map(|h| (h.excerpt, h.suggestion))
            .collect()
    }

    #[test]
    fn house_forms() {
        assert_eq!(
            flagged("The UN system"),
            [("UN".into(), Some("United Nations".into()))]
        );
        assert!(flagged("UN-Women and UNESCO").is_empty());
        assert_eq!(
            flagged("the Secretary General said"),
            [("Secretary General".into(), Some("Secretary-General".into()))]
        );
        assert_eq!(
            flagged("Covid-19"),
            [("Covid-19".into(), Some("COVID-19".into()))]
        );
        assert!(flagged("the COVID-19 pandemic").is_empty());
        assert_eq!(
            flagged("rose by 5%"),
            [("5%".into(), Some("5 per cent".into()))]
        );
        assert_eq!(
            flagged("on May 11, 2021 the Council"),
            [("May 11, 2021".into(), Some("11 May 2021".into()))]
        );
        assert_eq!(
            flagged("on 05/11/2021 the Council"),
            [("05/11/2021".into(), Some("11 May 2021".into()))]
        );
        assert_eq!(
            flagged("pursuant to Resolution 44/14"),
            [("Resolution".into(), Some("resolution".into()))]
        );
        assert!(flagged("Resolution 44/14 was adopted.").is_empty());
        assert_eq!(
            flagged("Organisations and labor"),
            [
                ("Organisations".into(), Some("Organizations".into())),
                ("labor".into(), Some("labour".into()))
            ]
        );
        assert_eq!(
            spelling_list("program -> program\nwhilst -> while").last(),
            Some(&("whilst".to_string(), "while".to_string()))
        );
    }
}
