//! Names: a word one slip away from a registered person's name or a State's ("Kheris"
//! for Kehris, "Kovalenko-Ruis" for Kovalenko-Ruiz, the model minutes), or the same name with
//! other accents ("Izsak-Ndiaye" for Izsák-Ndiaye, the model report); and a name nobody
//! registered spelled two ways in one report.

use std::collections::HashMap;

use crate::core::delegation::DelegationKind;
use crate::core::picker::osa_distance;
use crate::core::session::Session;
use crate::core::text::fold;

use super::words::{sentence_starts, words};
use super::{Finding, Hit, Rule, Severity, Unit};

/// The registered names' words, by their first letter (folded).
pub struct Names {
    /// A fingerprint of the words, for the checker's memo.
    pub key: Vec<String>,
    exact: std::collections::HashSet<String>,
    by_letter: HashMap<char, Vec<(String, Vec<char>)>>,
}

impl Names {
    pub fn of(session: &Session) -> Names {
        let mut words_of: Vec<String> = Vec::new();
        for p in &session.participants {
            for part in [&p.given_names, &p.family_name] {
                words_of.extend(part.split_whitespace().map(String::from));
            }
        }
        // States are single proper names ("Kazakhstan"); other delegations' names are
        // made of common words.
        for d in &session.delegations {
            if matches!(
                d.kind,
                DelegationKind::MemberState | DelegationKind::ObserverState
            ) && !d.name.contains(' ')
            {
                words_of.push(d.name.clone());
            }
        }
        let mut key = words_of.clone();
        key.sort();
        let mut exact = std::collections::HashSet::new();
        let mut by_letter: HashMap<char, Vec<(String, Vec<char>)>> = HashMap::new();
        for w in words_of {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            if w.chars().count() < 4 {
                continue;
            }
            exact.insert(w.clone());
            let folded: Vec<char> = fold(&w).chars().collect();
            if let Some(first) = folded.first() {
                let list = by_letter.entry(*first).or_default();
                if !list.iter().any(|(x, _)| *x == w) {
                    list.push((w, folded));
                }
            }
        }
        Names {
            key,
            exact,
            by_letter,
        }
    }
}

/// Slips allowed in a word of this length: one, two from eight letters on.
fn slips(len: usize) -> usize {
    if len >= 8 { 2 } else { 1 }
}

impl Names {
    /// The registered word `word` is a near miss of (or the same with other accents).
    fn near(&self, word: &str) -> Option<&(String, Vec<char>)> {
        let folded: Vec<char> = fold(word).chars().collect();
        let first = folded.first()?;
        let slips = slips(folded.len());
        self.by_letter.get(first)?.iter().find(|(_, reg)| {
            reg.len().abs_diff(folded.len()) <= slips
                && (*reg == folded || osa_distance(&folded, reg) <= slips)
        })
    }
}

/// A capitalized word of a name's shape: four letters or more, not all capitals.
fn name_like(word: &str) -> bool {
    word.chars().count() >= 4
        && word.chars().next().is_some_and(char::is_uppercase)
        && !word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

pub fn check(text: &str, names: &Names, hits: &mut Vec<Hit>) {
    if names.exact.is_empty() {
        return;
    }
    for w in words(text) {
        let word = w.text;
        if !name_like(word) || names.exact.contains(word) {
            continue;
        }
        if let Some((registered, reg)) = names.near(word) {
            let folded: Vec<char> = fold(word).chars().collect();
            let accents = *reg == folded;
            hits.push(Hit {
                rule: Rule::Name,
                severity: if accents {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                excerpt: word.to_string(),
                message: if accents {
                    format!("the registered name is spelled {registered}")
                } else {
                    format!("a near miss of the registered name {registered}")
                },
                suggestion: Some(registered.clone()),
            });
        }
    }
}

/// Titles whose full stop ends no sentence ("Mr. Ochieng").
const HONORIFICS: [&str; 6] = ["Mr", "Ms", "Mrs", "Dr", "Prof", "H.E"];

/// The names nobody registered in one text: capitalized words of five letters or more
/// inside a sentence (not its first word) that are no registered name or near miss.
pub(super) fn unregistered(text: &str, names: &Names) -> Vec<String> {
    let list = words(text);
    let mut out = Vec::new();
    for (n, w) in list.iter().enumerate() {
        let previous = n.checked_sub(1).and_then(|p| list.get(p));
        if w.text.chars().count() < 5
            || !name_like(w.text)
            || (sentence_starts(text, previous.map(|p| p.end), w.start)
                && !previous.is_some_and(|p| HONORIFICS.contains(&p.text)))
            || names.exact.contains(w.text)
            || names.near(w.text).is_some()
        {
            continue;
        }
        out.push(w.text.to_string());
    }
    out
}

/// One form is the other with an ending ("Dominica", "Dominican"; "Nation", "Nations").
fn one_extends_the_other(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// A name nobody registered, spelled two ways in the report ("Ochieng" and "Ocheing"):
/// the rarer form is flagged where it first stands, the other suggested when it is the
/// more frequent.
pub(super) fn inconsistent(units: &[Unit], found: &[&[String]]) -> Vec<Finding> {
    let mut count: HashMap<&str, (usize, usize)> = HashMap::new();
    for (n, words) in found.iter().enumerate() {
        for w in words.iter() {
            count.entry(w.as_str()).or_insert((0, n)).0 += 1;
        }
    }
    let mut forms: Vec<(&str, Vec<char>)> = count
        .keys()
        .map(|w| (*w, fold(w).chars().collect()))
        .collect();
    forms.sort();
    let mut out = Vec::new();
    for (i, (a, fa)) in forms.iter().enumerate() {
        for (b, fb) in forms.iter().skip(i + 1) {
            if fa.first() != fb.first()
                || fa.len().abs_diff(fb.len()) > 1
                || one_extends_the_other(a, b)
                || (fa != fb && osa_distance(fa, fb) > 1)
            {
                continue;
            }
            let (Some(ca), Some(cb)) = (count.get(a).copied(), count.get(b).copied()) else {
                continue;
            };
            // The rarer form is the slip; on a tie, the one that comes later.
            let (slip, other, suggest) = match ca.0.cmp(&cb.0) {
                std::cmp::Ordering::Less => (*a, *b, true),
                std::cmp::Ordering::Greater => (*b, *a, true),
                std::cmp::Ordering::Equal if ca.1 >= cb.1 => (*a, *b, false),
                std::cmp::Ordering::Equal => (*b, *a, false),
            };
            let at = if slip == *a { ca.1 } else { cb.1 };
            let Some(unit) = units.get(at) else {
                continue;
            };
            out.push(Finding {
                rule: Rule::Name,
                severity: Severity::Warning,
                place: unit.place.clone(),
                excerpt: slip.to_string(),
                message: format!("spelled {other} elsewhere in the report"),
                suggestion: suggest.then(|| other.to_string()),
            });
        }
    }
    out
}
