//! Numbers: figures below 10 are words in running text ("five delegations"), except in
//! dates, percentages, symbols, times and numbered references; and a count announcing
//! items ("six commitments (summarized below)", "four priorities:") matches the items
//! that follow (the model minutes announces six commitments and lists five).

use super::words::words;
use super::{Finding, Hit, Rule, Severity, Unit, UnitKind};
use crate::core::meeting::month_number;

const WORDS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

const COUNTS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Words before a figure that make it a reference, not a quantity.
const REFERENCES: &[&str] = &[
    "resolution",
    "decision",
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "article",
    "articles",
    "item",
    "items",
    "commitment",
    "chapter",
    "annex",
    "section",
    "goal",
    "target",
    "sdg",
    "no",
    "page",
    "pillar",
    "rule",
    "principle",
    "recommendation",
    "step",
    "level",
    "phase",
    "version",
    "session",
    "meeting",
    "table",
    "figure",
];

pub fn figures(text: &str, hits: &mut Vec<Hit>) {
    let list = words(text);
    for (n, w) in list.iter().enumerate() {
        let Ok(value) = w.text.parse::<usize>() else {
            continue;
        };
        if w.text.len() != 1 || value == 0 {
            continue;
        }
        let previous = n.checked_sub(1).and_then(|p| list.get(p));
        let next = list.get(n + 1);
        let before = text.get(..w.start).unwrap_or_default();
        let after = text.get(w.end..).unwrap_or_default();
        let reference = previous.is_some_and(|p| {
            REFERENCES.contains(&p.text.to_lowercase().trim_end_matches('.'))
                || month_number(p.text).is_some()
        });
        let date_or_unit = next.is_some_and(|x| {
            let t = x.text.to_lowercase();
            month_number(&t).is_some()
                || matches!(t.as_str(), "per" | "a.m" | "p.m" | "percent" | "km" | "kg")
        });
        // "(1)", "1.", "1)" open an enumeration; "5%" is a percentage; "3:00" a time.
        let marked = before.ends_with('(')
            || after.starts_with(['%', ')', ':', '.', '/', '-', '–'])
            || before.ends_with(['/', '-', '–', '.', '#', '§']);
        if reference || date_or_unit || marked {
            continue;
        }
        hits.push(Hit {
            rule: Rule::Number,
            severity: Severity::Warning,
            excerpt: w.text.to_string(),
            message: "numbers below 10 are written in words in running text".into(),
            suggestion: WORDS.get(value).map(|w| (*w).to_string()),
        });
    }
}

/// A count and the plural noun after it: ("six", 6, "commitments").
fn announced(text: &str) -> Option<(String, usize, String)> {
    let announces = text.trim_end().ends_with(':')
        || text.contains("summarized below")
        || text.contains("listed below")
        || text.contains("as follows");
    if !announces {
        return None;
    }
    let list = words(text);
    list.windows(2).find_map(|pair| match pair {
        [count, noun] => {
            let lower = count.text.to_lowercase();
            let value = COUNTS
                .iter()
                .position(|c| *c == lower)
                .or_else(|| count.text.parse::<usize>().ok().filter(|v| *v < 100))?;
            let plural = noun.text.len() > 3 && noun.text.ends_with('s') && value > 1;
            plural.then(|| (count.text.to_string(), value, noun.text.to_string()))
        }
        _ => None,
    })
}

/// What the count rule needs of one text: the count it announces, the label it opens
/// with ("commitment" for "Commitment 3: ..."), and how many sub-paragraphs it holds.
#[derive(Debug, Clone, Default)]
pub(super) struct CountFacts {
    announced: Option<(String, usize, String)>,
    label: Option<String>,
    items: usize,
}

pub(super) fn count_facts(unit: &Unit) -> CountFacts {
    if unit.kind == UnitKind::Heading || unit.kind == UnitKind::Footnote {
        return CountFacts::default();
    }
    let mut w = words(&unit.text).into_iter();
    let label = match (w.next(), w.next()) {
        (Some(a), Some(b))
            if b.text.parse::<u32>().is_ok()
                && unit.text.get(b.end..).is_some_and(|r| r.starts_with(':')) =>
        {
            Some(a.text.to_lowercase())
        }
        _ => None,
    };
    CountFacts {
        announced: announced(&unit.text),
        label,
        items: unit.text.matches("\n(").count(),
    }
}

/// Counts that do not match the items they announce: the sub-items under the unit,
/// or, for a noun whose singular labels items ("Commitment 1:"), those labels.
pub(super) fn counts(units: &[Unit], facts: &[&CountFacts]) -> Vec<Finding> {
    let mut labels: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for label in facts.iter().filter_map(|f| f.label.as_deref()) {
        *labels.entry(label).or_default() += 1;
    }
    let mut out = Vec::new();
    for (n, (unit, f)) in units.iter().zip(facts).enumerate() {
        let Some((count, value, noun)) = &f.announced else {
            continue;
        };
        let singular = noun.trim_end_matches('s').to_lowercase();
        let labelled = labels.get(singular.as_str()).copied().unwrap_or(0);
        // Sub-items right under it: the bullets one level down, or its own (a), (b).
        let listed = match unit.kind {
            UnitKind::Bullet(level) => units
                .iter()
                .skip(n + 1)
                .filter(|u| u.kind != UnitKind::Footnote)
                .take_while(|u| matches!(u.kind, UnitKind::Bullet(l) if l > level))
                .filter(|u| u.kind == UnitKind::Bullet(level + 1))
                .count(),
            _ => f.items,
        };
        let found = if labelled > 0 { labelled } else { listed };
        if found > 0 && found != *value {
            out.push(Finding {
                rule: Rule::Count,
                severity: Severity::Error,
                place: unit.place.clone(),
                excerpt: format!("{count} {noun}"),
                message: format!("{count} {noun} are announced and {found} are given"),
                suggestion: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Vec<String> {
        let mut hits = Vec::new();
        figures(text, &mut hits);
        hits.into_iter().map(|h| h.excerpt).collect()
    }

    #[test]
    fn figures_below_ten_but_not_references() {
        assert_eq!(flagged("There were 5 panellists."), ["5"]);
        for clean in [
            "resolution 44/14 and paragraph 5",
            "on 6 December 2021 at 8 a.m.",
            "rose by 5% or 5 per cent",
            "(1) Leave No One Behind",
            "Commitment 3: agreed",
            "Goal 5 and SDG 4",
            "15 States",
        ] {
            assert!(flagged(clean).is_empty(), "{clean}: {:?}", flagged(clean));
        }
    }

    #[test]
    fn counts_are_read() {
        assert_eq!(
            announced(
                "She pointed to the background documents requesting to reaffirm six commitments (summarized below)."
            ),
            Some(("six".into(), 6, "commitments".into()))
        );
        assert_eq!(
            announced("noted four priorities:"),
            Some(("four".into(), 4, "priorities".into()))
        );
        assert_eq!(announced("noted four priorities."), None);
    }
}
