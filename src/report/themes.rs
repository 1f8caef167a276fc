//! The opening of a thematic paragraph: how many spoke to the theme, out of how many,
//! and who, alphabetically with UN names ("Some delegations, including Cameroon, China
//! and Cuba").
//!
//! Thresholds (count = distinct speakers in the paragraph, whole = distinct speakers in
//! the same segments of the report):
//! - more than half of the whole: "the majority of speakers";
//! - at least a third: "many delegations";
//! - five or more: "several delegations";
//! - otherwise "some delegations" (a single one is named: "the representative of Peru").
//!
//! "speakers" replaces "delegations" when someone in the paragraph speaks for no delegation.

use std::collections::HashSet;

use crate::core::delegation::Delegation;
use crate::core::intervention::{InterventionId, Speaker};
use crate::core::session::Session;

use super::words::join_and;

/// Who a speaker counts as: their delegation when they have one.
fn who(session: &Session, speaker: &Speaker) -> String {
    match session.speaker_delegation(speaker) {
        Some(d) => format!("d:{}", d.id),
        None => format!("{speaker:?}"),
    }
}

pub fn quantifier(count: usize, whole: usize, noun: &str) -> String {
    if count * 2 > whole {
        "the majority of speakers".into()
    } else if count * 3 >= whole {
        format!("many {noun}")
    } else if count >= 5 {
        format!("several {noun}")
    } else {
        format!("some {noun}")
    }
}

pub fn opening(
    session: &Session,
    sources: &[InterventionId],
    excluded: &[InterventionId],
) -> String {
    let items: Vec<_> = sources
        .iter()
        .filter_map(|id| session.intervention(*id))
        .collect();
    let speakers: HashSet<String> = items.iter().map(|i| who(session, &i.speaker)).collect();
    let mut delegations: Vec<&Delegation> = items
        .iter()
        .filter_map(|i| session.speaker_delegation(&i.speaker))
        .collect();
    delegations.sort_by_key(|d| d.sort_key());
    delegations.dedup_by_key(|d| d.id.clone());
    if speakers.len() <= 1 {
        return match items.first() {
            Some(i) => match session.speaker_delegation(&i.speaker) {
                Some(d) => format!("the representative of {}", d.running_name()),
                None => session.speaker_label(&i.speaker),
            },
            None => "delegations".into(),
        };
    }
    let segments: HashSet<u32> = items.iter().map(|i| i.segment).collect();
    let whole: HashSet<String> = session
        .interventions
        .iter()
        .filter(|i| segments.contains(&i.segment) && !excluded.contains(&i.id))
        .map(|i| who(session, &i.speaker))
        .chain(speakers.iter().cloned())
        .collect();
    let noun = if delegations.len() == speakers.len() {
        "delegations"
    } else {
        "speakers"
    };
    let mut text = quantifier(speakers.len(), whole.len(), noun);
    if !delegations.is_empty() {
        let names: Vec<String> = delegations.iter().map(|d| d.running_name()).collect();
        text.push_str(", including ");
        text.push_str(&join_and(&names));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds() {
        assert_eq!(quantifier(2, 30, "delegations"), "some delegations");
        assert_eq!(quantifier(4, 30, "delegations"), "some delegations");
        assert_eq!(quantifier(5, 30, "delegations"), "several delegations");
        assert_eq!(quantifier(10, 30, "delegations"), "many delegations");
        assert_eq!(quantifier(15, 30, "delegations"), "many delegations");
        assert_eq!(
            quantifier(16, 30, "delegations"),
            "the majority of speakers"
        );
        assert_eq!(quantifier(3, 9, "speakers"), "many speakers");
    }
}
