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

use std::collections::{HashMap, HashSet};

use crate::core::delegation::Delegation;
use crate::core::intervention::{Intervention, InterventionId, Speaker};
use crate::core::session::Session;

use super::words::join_and;

/// Who a speaker counts as: their delegation when they have one.
fn who(session: &Session, speaker: &Speaker) -> String {
    match speaker {
        Speaker::Delegation(id) => format!("d:{id}"),
        Speaker::Participant(p) => match session
            .participant(*p)
            .and_then(|p| p.delegation.as_deref())
        {
            Some(d) => format!("d:{d}"),
            None => format!("p:{p}"),
        },
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

/// Built once per assembly: the distinct speakers of each segment (leaving out the
/// excluded interventions), and the delegations by id with their sort keys.
pub struct Context<'a> {
    by_segment: HashMap<u32, HashSet<String>>,
    delegations: HashMap<&'a str, (&'a Delegation, String)>,
}

impl<'a> Context<'a> {
    pub fn new(session: &'a Session, excluded: &[InterventionId]) -> Self {
        let excluded: HashSet<&InterventionId> = excluded.iter().collect();
        let mut by_segment: HashMap<u32, HashSet<String>> = HashMap::new();
        for i in &session.interventions {
            if !excluded.contains(&i.id) && i.is_statement() {
                by_segment
                    .entry(i.segment)
                    .or_default()
                    .insert(who(session, &i.speaker));
            }
        }
        let delegations = session
            .delegations
            .iter()
            .map(|d| (d.id.as_str(), (d, d.sort_key())))
            .collect();
        Context {
            by_segment,
            delegations,
        }
    }

    fn delegation(
        &self,
        session: &Session,
        speaker: &Speaker,
    ) -> Option<&(&'a Delegation, String)> {
        let id = match speaker {
            Speaker::Delegation(id) => id.as_str(),
            Speaker::Participant(p) => session.participant(*p)?.delegation.as_deref()?,
        };
        self.delegations.get(id)
    }
}

pub fn opening(session: &Session, items: &[&Intervention], context: &Context) -> String {
    let by_segment = &context.by_segment;
    let speakers: HashSet<String> = items.iter().map(|i| who(session, &i.speaker)).collect();
    let mut delegations: Vec<&(&Delegation, String)> = items
        .iter()
        .filter_map(|i| context.delegation(session, &i.speaker))
        .collect();
    delegations.sort_by(|a, b| a.1.cmp(&b.1));
    delegations.dedup_by(|a, b| a.0.id == b.0.id);
    if speakers.len() <= 1 {
        return match items.first() {
            Some(i) => match context.delegation(session, &i.speaker) {
                Some((d, _)) => format!("the representative of {}", d.running_name()),
                None => session.speaker_label(&i.speaker),
            },
            None => "delegations".into(),
        };
    }
    let segments: HashSet<u32> = items.iter().map(|i| i.segment).collect();
    let sets: Vec<&HashSet<String>> = segments.iter().filter_map(|s| by_segment.get(s)).collect();
    // Counted without building the union when there is one segment (the usual case).
    let whole = match sets.as_slice() {
        [one] => one.len() + speakers.iter().filter(|s| !one.contains(*s)).count(),
        _ => {
            let mut union: HashSet<&String> = speakers.iter().collect();
            for set in sets {
                union.extend(set.iter());
            }
            union.len()
        }
    };
    let noun = if delegations.len() == speakers.len() {
        "delegations"
    } else {
        "speakers"
    };
    let mut text = quantifier(speakers.len(), whole, noun);
    if !delegations.is_empty() {
        let names: Vec<String> = delegations.iter().map(|(d, _)| d.running_name()).collect();
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
