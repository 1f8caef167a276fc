//! The generated paragraphs of the interactive dialogue (drafting rules, section 3): who
//! took the floor, who was inscribed but not heard, which NGOs spoke.
//!
//! Counting: "representatives of N States" counts distinct States that took the floor,
//! whether for themselves or for a group (the model report says 23 where 22 distinct States
//! spoke, counting the Netherlands twice); `report.states_count` overrides the figure.

use crate::core::delegation::{Delegation, DelegationKind};
use crate::core::intervention::Intervention;
use crate::core::session::Session;
use crate::core::settings::NgoOrder;
use crate::core::speakers::InscriptionStatus;
use crate::core::text::capitalize_first;

use super::model::Inline;
use super::words::{count, counted, join_and};

fn sorted(mut list: Vec<&Delegation>) -> Vec<&Delegation> {
    list.sort_by_cached_key(|d| d.sort_key());
    list.dedup_by_key(|d| d.id.clone());
    list
}

fn names(list: &[&Delegation]) -> Vec<String> {
    list.iter().map(|d| d.running_name()).collect()
}

/// "There were 112 participants ... took the floor, including ..., followed by ..., as well as ...".
pub fn took_the_floor(session: &Session, dialogue: &[&Intervention]) -> Option<Vec<Inline>> {
    let delegation_of = |i: &Intervention| session.speaker_delegation(&i.speaker);
    let mut states: Vec<&Delegation> = Vec::new();
    let mut all_states: Vec<&Delegation> = Vec::new();
    let mut others: Vec<&Delegation> = Vec::new();
    let mut groups: Vec<(&Delegation, u32)> = Vec::new();
    // A written statement taken into the report was not delivered: not "took the floor".
    for i in dialogue.iter().filter(|i| !i.written) {
        let Some(d) = delegation_of(i) else { continue };
        match (d.kind, i.on_behalf_of) {
            (DelegationKind::Ngo, _) => {}
            (_, Some(group)) => {
                if !groups.iter().any(|(g, id)| g.id == d.id && *id == group) {
                    groups.push((d, group));
                }
                if d.kind.is_state() {
                    all_states.push(d);
                }
            }
            (kind, None) if kind.is_state() => {
                states.push(d);
                all_states.push(d);
            }
            _ => others.push(d),
        }
    }
    if states.is_empty() && others.is_empty() && groups.is_empty() {
        return None;
    }
    let states = sorted(states);
    let n_states = session
        .report
        .states_count
        .map(|n| n as usize)
        .unwrap_or_else(|| sorted(all_states).len());
    let regional = sorted(
        others
            .iter()
            .copied()
            .filter(|d| d.kind == DelegationKind::Regional)
            .collect(),
    );
    let un = sorted(
        others
            .iter()
            .copied()
            .filter(|d| d.kind == DelegationKind::UnEntity)
            .collect(),
    );
    let rest = sorted(
        others
            .iter()
            .copied()
            .filter(|d| !matches!(d.kind, DelegationKind::Regional | DelegationKind::UnEntity))
            .collect(),
    );

    // Organizations that spoke only for a group are counted with their kind too.
    let with_groups = |named: &[&Delegation], of_kind: &dyn Fn(DelegationKind) -> bool| {
        let only_for_groups: Vec<&Delegation> = groups
            .iter()
            .map(|(d, _)| *d)
            .filter(|d| of_kind(d.kind) && !named.iter().any(|n| n.id == d.id))
            .collect();
        named.len() + sorted(only_for_groups).len()
    };
    let n_regional = with_groups(&regional, &|k| k == DelegationKind::Regional);
    let n_un = with_groups(&un, &|k| k == DelegationKind::UnEntity);
    let n_rest = with_groups(&rest, &|k| {
        !k.is_state() && !matches!(k, DelegationKind::Regional | DelegationKind::UnEntity)
    });
    let mut counts = Vec::new();
    if n_states > 0 {
        counts.push(counted(n_states, "State", "States"));
    }
    if n_regional > 0 {
        counts.push(counted(
            n_regional,
            "regional organization",
            "regional organizations",
        ));
    }
    if n_un > 0 {
        counts.push(counted(
            n_un,
            "United Nations entity",
            "United Nations entities",
        ));
    }
    if n_rest > 0 {
        counts.push(counted(n_rest, "other organization", "other organizations"));
    }

    let mut out = Vec::new();
    let mut opening = String::new();
    if let Some(n) = session.meeting.participants_count {
        opening.push_str(&if n == 1 {
            "There was one participant at the panel discussion. Among them, ".to_string()
        } else {
            format!(
                "There were {} participants at the panel discussion. Among them, ",
                count(n as usize)
            )
        });
    }
    // One delegation alone is named, not counted: "The representative of Peru took the
    // floor." (never "representatives of one State").
    let speakers = states.len() + regional.len() + un.len() + rest.len();
    let alone = match (speakers, groups.as_slice()) {
        (1, []) => states
            .iter()
            .chain(&regional)
            .chain(&un)
            .chain(&rest)
            .next()
            .map(|d| (*d, None)),
        (0, [(d, group)]) => Some((*d, Some(*group))),
        _ => None,
    };
    if let Some((d, group)) = alone.filter(|_| session.report.states_count.is_none()) {
        opening.push_str(&format!("the representative of {}", d.running_name()));
        let mut opening = capitalize_first(&opening);
        match group.and_then(|g| session.group(g)) {
            Some(group) => {
                opening.push_str(&format!(", speaking {},", group.behalf_phrase()));
                out.push(Inline::Text(opening));
                if !group.members.trim().is_empty() {
                    out.push(Inline::Footnote(group.members.clone()));
                }
                out.push(Inline::text(" took the floor."));
            }
            None => {
                opening.push_str(" took the floor.");
                out.push(Inline::Text(opening));
            }
        }
        return Some(out);
    }
    opening.push_str(&format!(
        "representatives of {} took the floor",
        join_and(&counts)
    ));
    let opening = capitalize_first(&opening);
    let followers: Vec<String> = names(&states);
    let also: Vec<String> = names(&regional)
        .into_iter()
        .chain(names(&un))
        .chain(names(&rest))
        .collect();
    if groups.is_empty() {
        out.push(Inline::Text(format!("{opening}: ")));
    } else {
        out.push(Inline::Text(format!("{opening}, including ")));
        // A checked session has every group it names; an unknown one is left out of the
        // sentence rather than stopping the report.
        let known: Vec<_> = groups
            .iter()
            .filter_map(|(d, g)| session.group(*g).map(|g| (d, g)))
            .collect();
        // The last group closes the sentence when nobody else is named after it.
        let closes = followers.is_empty() && also.is_empty();
        for (n, (d, group)) in known.iter().enumerate() {
            let last = n + 1 == known.len();
            out.push(Inline::Text(format!(
                "{} {}{}",
                d.running_name(),
                group.behalf_phrase(),
                if last && closes { "." } else { "," }
            )));
            if !group.members.trim().is_empty() {
                out.push(Inline::Footnote(group.members.clone()));
            }
            if !last {
                out.push(Inline::text(" "));
            }
        }
        if closes {
            return Some(out);
        }
        if followers.is_empty() {
            out.push(Inline::Text(format!(" as well as {}.", join_and(&also))));
            return Some(out);
        }
        out.push(Inline::text(" followed by "));
    }
    let mut tail = join_and(&followers);
    if !also.is_empty() {
        tail.push_str(", as well as ");
        tail.push_str(&join_and(&also));
    }
    tail.push('.');
    out.push(Inline::Text(tail));
    Some(out)
}

/// "The delegations of ..., as well as a representative of ..., were also inscribed on
/// the list of speakers, but were not able to deliver statements owing to time
/// constraints.", then the sentence naming written statements (that sentence alone when
/// every delegation was heard).
pub fn not_heard(session: &Session) -> Option<String> {
    let not_heard: Vec<&Delegation> = session
        .inscriptions
        .iter()
        .filter(|i| i.status == InscriptionStatus::NotDelivered)
        .filter_map(|i| session.speaker_delegation(&i.speaker))
        .collect();
    if not_heard.is_empty() {
        return written_statements(session);
    }
    let states = sorted(
        not_heard
            .iter()
            .copied()
            .filter(|d| d.kind.is_state())
            .collect(),
    );
    let others = sorted(
        not_heard
            .iter()
            .copied()
            .filter(|d| !d.kind.is_state())
            .collect(),
    );
    let mut subject = String::new();
    if !states.is_empty() {
        subject = format!(
            "The {} of {}",
            if states.len() == 1 {
                "delegation"
            } else {
                "delegations"
            },
            join_and(&names(&states))
        );
    }
    if !others.is_empty() {
        let reps: Vec<String> = others
            .iter()
            .map(|d| format!("a representative of {}", d.running_name()))
            .collect();
        subject = if subject.is_empty() {
            crate::core::text::capitalize_first(&join_and(&reps))
        } else {
            format!("{subject}, as well as {},", join_and(&reps))
        };
    }
    // The model report (para. 27) words the plural; one delegation alone agrees in the singular
    // ("was ... not able to deliver its statement ... Its views"), one representative
    // of an organization keeps the singular "they".
    let mut text = match (states.len(), others.len()) {
        (1, 0) => format!(
            "{subject} was also inscribed on the list of speakers, but was not able to deliver its statement owing to time constraints. Its views however are reflected in the present report."
        ),
        (0, 1) => format!(
            "{subject} was also inscribed on the list of speakers, but was not able to deliver a statement owing to time constraints. Their views however are reflected in the present report."
        ),
        _ => format!(
            "{subject} were also inscribed on the list of speakers, but were not able to deliver statements owing to time constraints. Their views however are reflected in the present report."
        ),
    };
    if let Some(written) = written_statements(session) {
        text.push(' ');
        text.push_str(&written);
    }
    Some(text)
}

/// "Written statements were submitted by Belgium and Italy.": the delegations whose
/// statement, not delivered or sent in writing only, was kept with its text.
pub fn written_statements(session: &Session) -> Option<String> {
    let mut written: Vec<&Delegation> = session
        .inscriptions
        .iter()
        .filter(|i| i.is_written_statement())
        .filter_map(|i| session.speaker_delegation(&i.speaker))
        .collect();
    written.dedup_by(|a, b| a.id == b.id);
    let written = sorted(written);
    match written.len() {
        0 => None,
        1 => Some(format!(
            "A written statement was submitted by {}.",
            join_and(&names(&written))
        )),
        _ => Some(format!(
            "Written statements were submitted by {}.",
            join_and(&names(&written))
        )),
    }
}

/// "Delegates of the following non-governmental organizations (NGOs) also took the floor: ...".
pub fn ngos(session: &Session, dialogue: &[&Intervention]) -> Option<String> {
    // An NGO may speak for others: "Cairo Institute ... on behalf of two other NGOs".
    let mut list: Vec<(&Delegation, Option<u32>)> = Vec::new();
    for i in dialogue.iter().filter(|i| !i.written) {
        if let Some(d) = session.speaker_delegation(&i.speaker)
            && d.kind == DelegationKind::Ngo
            && !list.iter().any(|(x, _)| x.id == d.id)
        {
            list.push((d, i.on_behalf_of));
        }
    }
    if list.is_empty() {
        return None;
    }
    if session.report.ngo_order == NgoOrder::Alphabetical {
        list.sort_by_cached_key(|(d, _)| d.sort_key());
    }
    // The list prints the names bare, as the model report does (para. 28: "... International
    // Service for Human Rights and ..."); running text gives them their "the".
    let names: Vec<String> = list
        .iter()
        .map(|(d, group)| match group.and_then(|g| session.group(g)) {
            Some(group) => format!("{} {}", d.name, group.behalf_phrase()),
            None => d.name.clone(),
        })
        .collect();
    Some(match names.as_slice() {
        [one] => format!(
            "A delegate of the following non-governmental organization (NGO) also took the floor: {one}."
        ),
        _ => format!(
            "Delegates of the following non-governmental organizations (NGOs) also took the floor: {}.",
            join_and(&names)
        ),
    })
}
