//! Names: a word one slip away from a registered person's name or a State's ("Kheris"
//! for Kehris, "Kovalenko-Ruis" for Kovalenko-Ruiz, seed 004), or the same name with
//! other accents ("Izsak-Ndiaye" for Izsák-Ndiaye, seed 002).

use std::collections::HashMap;

use crate::core::delegation::DelegationKind;
use crate::core::picker::osa_distance;
use crate::core::session::Session;
use crate::core::text::fold;

use super::words::words;
use super::{Hit, Rule, Severity};

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

pub fn check(text: &str, names: &Names, hits: &mut Vec<Hit>) {
    if names.exact.is_empty() {
        return;
    }
    for w in words(text) {
        let word = w.text;
        if word.chars().count() < 4
            || !word.chars().next().is_some_and(char::is_uppercase)
            || names.exact.contains(word)
            || word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        {
            continue;
        }
        let folded: Vec<char> = fold(word).chars().collect();
        let Some(first) = folded.first() else {
            continue;
        };
        let Some(candidates) = names.by_letter.get(first) else {
            continue;
        };
        let slips = if folded.len() >= 8 { 2 } else { 1 };
        let near = candidates.iter().find(|(_, reg)| {
            reg.len().abs_diff(folded.len()) <= slips
                && (*reg == folded || osa_distance(&folded, reg) <= slips)
        });
        if let Some((registered, reg)) = near {
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
