//! A field or a record set here and on another device at the same time, named as the
//! people at the meeting would name it. The last writer's value is kept; both devices
//! are told, so that no one's change disappears unnoticed.

use crate::core::session::Session;
use crate::storage::team::doc::Clash;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldClash {
    /// "the meeting's title", "the participant “Amina Bouayach”".
    pub what: String,
    /// The other device's name.
    pub device: String,
    /// Whether the value set here is the one kept.
    pub mine_kept: bool,
}

impl FieldClash {
    pub fn of(session: &Session, clash: &Clash, device: String) -> FieldClash {
        FieldClash {
            what: describe(session, &clash.map, &clash.key),
            device,
            mine_kept: clash.mine_kept,
        }
    }
}

fn words(key: &str) -> String {
    key.replace('_', " ")
}

/// What a key of the team document holds, in words.
pub fn describe(session: &Session, map: &str, key: &str) -> String {
    let number = key.parse::<u32>().ok();
    let named = |kind: &str, name: Option<String>| match name {
        Some(name) if !name.trim().is_empty() => format!("the {kind} “{name}”"),
        _ => format!("a {kind} deleted since"),
    };
    match map {
        "session" => match key {
            "name" => "the session's name".into(),
            "turn" => "whose turn it is".into(),
            "current_segment" => "the current segment".into(),
            _ => format!("the session's {}", words(key)),
        },
        "meeting" => format!("the meeting's {}", words(key)),
        "report" => format!("the report setting “{}”", words(key)),
        "participants" => named(
            "participant",
            number.and_then(|id| session.participant(id).map(|p| p.display_name())),
        ),
        "delegations" => named(
            "delegation",
            session.delegation(key).map(|d| d.running_name()),
        ),
        "groups" => named(
            "group",
            number.and_then(|id| {
                session
                    .groups
                    .iter()
                    .find(|g| g.id == id)
                    .map(|g| g.name.clone())
            }),
        ),
        "segments" => named(
            "segment",
            number.and_then(|id| session.segment(id).map(|s| s.title.clone())),
        ),
        "inscriptions" => number
            .and_then(|id| session.inscriptions.iter().find(|i| i.id == id))
            .map(|i| {
                format!(
                    "the entry of {} on the list of speakers",
                    session.speaker_label(&i.speaker)
                )
            })
            .unwrap_or_else(|| "an entry deleted since from the list of speakers".into()),
        _ => format!("{map} {key}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;

    #[test]
    fn keys_are_named_as_the_meeting_names_them() {
        let s = demo_session();
        assert_eq!(describe(&s, "meeting", "title"), "the meeting's title");
        assert_eq!(describe(&s, "session", "turn"), "whose turn it is");
        let p = s.participants.first().map(|p| p.id).unwrap_or_default();
        let said = describe(&s, "participants", &p.to_string());
        assert!(
            said.starts_with("the participant “") && said.ends_with('”'),
            "{said}"
        );
        assert_eq!(describe(&s, "groups", "4000000"), "a group deleted since");
    }
}
