//! Turns taken and handed over in a relay, and statements a relay may have logged twice.

use chrono::{DateTime, Utc};

use super::intervention::InterventionId;
use super::relay::{RelayMark, Turn};
use super::session::Session;

/// Statements of one speaker logged on two devices this close together are likely one
/// statement logged twice (a relay handed over late, or not at all).
pub const DUPLICATE_WINDOW: chrono::Duration = chrono::Duration::minutes(5);

/// Pairs of statements that may be one statement logged on two devices: the same
/// speaker (on behalf of the same group), logged by different devices, started within
/// [`DUPLICATE_WINDOW`] of each other. Each pair once, the earlier first.
pub fn possible_duplicates(session: &Session) -> Vec<(InterventionId, InterventionId)> {
    use super::proceedings::EntryKind;
    let mut by_speaker: std::collections::HashMap<_, Vec<_>> = Default::default();
    for i in session.interventions.iter() {
        if i.kind == EntryKind::Statement && !i.provenance.logged_by.is_empty() {
            by_speaker
                .entry((&i.speaker, i.on_behalf_of))
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    for list in by_speaker.values_mut() {
        list.sort_by_key(|i| (i.started_at, i.id));
        for (k, a) in list.iter().enumerate() {
            for b in list.iter().skip(k + 1) {
                if b.started_at - a.started_at > DUPLICATE_WINDOW {
                    break;
                }
                if b.provenance.logged_by != a.provenance.logged_by {
                    out.push((a.id, b.id));
                }
            }
        }
    }
    out.sort_unstable();
    out
}

impl Session {
    /// Whose turn it is when it is not this device's: the device asks before logging
    /// in another's turn. None in a one-person session or when nobody has the turn.
    pub fn others_turn(&self) -> Option<&Turn> {
        let me = self.device.as_deref().filter(|d| !d.is_empty())?;
        self.turn.as_ref().filter(|t| t.device != me)
    }

    /// "My turn" on this device, or, when it is already this device's turn, "handing
    /// over" (nobody's turn until someone takes it). Nothing outside a team session.
    /// True when the turn changed.
    pub fn toggle_turn(&mut self, now: DateTime<Utc>) -> bool {
        let Some(me) = self.device.clone().filter(|d| !d.is_empty()) else {
            return false;
        };
        let after = self.interventions.last().map(|i| i.id);
        let (turn, mark) = match &self.turn {
            Some(turn) if turn.device == me => (
                None,
                RelayMark {
                    device: me,
                    at: now,
                    took: false,
                    from: None,
                    after,
                },
            ),
            other => (
                Some(Turn {
                    device: me.clone(),
                    since: now,
                }),
                RelayMark {
                    device: me,
                    at: now,
                    took: true,
                    from: other.as_ref().map(|t| t.device.clone()),
                    after,
                },
            ),
        };
        self.turn = turn;
        // A mark's key (device and millisecond) names it in a team session: two in one
        // millisecond (a key held down) go a millisecond apart.
        let mut mark = mark;
        while self.relays.iter().any(|m| m.key() == mark.key()) {
            mark.at += chrono::Duration::milliseconds(1);
        }
        self.relays.push(mark);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::intervention::Speaker;
    use crate::core::meeting::ReportKind;
    use crate::core::session::NewIntervention;

    fn log(s: &mut Session, device: &str, who: &str, minute: i64) -> InterventionId {
        s.device = Some(device.into());
        let at = DateTime::from_timestamp(1_620_738_000 + minute * 60, 0).unwrap_or_default();
        s.commit(NewIntervention {
            speaker: Speaker::Delegation(who.into()),
            on_behalf_of: None,
            started_at: at,
            ended_at: at,
            text: format!("{who} at {minute}"),
        })
    }

    #[test]
    fn one_speaker_logged_on_two_devices_within_minutes_is_a_possible_duplicate() {
        let mut s = Session::new("m", ReportKind::PanelSummary);
        let a = log(&mut s, "AB", "mexico", 0);
        let b = log(&mut s, "CD", "mexico", 2);
        log(&mut s, "AB", "peru", 3);
        log(&mut s, "CD", "mexico", 30);
        log(&mut s, "AB", "chile", 40);
        log(&mut s, "AB", "chile", 41);
        assert_eq!(possible_duplicates(&s), vec![(a, b)]);
    }

    #[test]
    fn the_turn_is_anothers_only_in_a_team_session_and_not_on_its_own_device() {
        let mut s = Session::new("m", ReportKind::PanelSummary);
        s.turn = Some(Turn {
            device: "CD".into(),
            since: Utc::now(),
        });
        assert!(s.others_turn().is_none(), "one person's session");
        s.device = Some("AB".into());
        assert_eq!(s.others_turn().map(|t| t.device.as_str()), Some("CD"));
        s.device = Some("CD".into());
        assert!(s.others_turn().is_none());
    }

    #[test]
    fn a_turn_is_taken_and_handed_over_only_in_a_team_session() {
        let mut s = Session::new("m", ReportKind::PanelSummary);
        let now = Utc::now();
        assert!(!s.toggle_turn(now), "one person's session has no turns");
        s.device = Some("AB".into());
        assert!(s.toggle_turn(now));
        assert_eq!(s.turn.as_ref().map(|t| t.device.as_str()), Some("AB"));
        s.device = Some("CD".into());
        assert!(s.toggle_turn(now));
        assert_eq!(s.turn.as_ref().map(|t| t.device.as_str()), Some("CD"));
        assert!(s.toggle_turn(now), "handing over");
        assert_eq!(s.turn, None);
        let marks: Vec<String> = s.relays.iter().map(RelayMark::describe).collect();
        assert_eq!(
            marks,
            [
                "AB's turn",
                "CD's turn, taken over from AB",
                "CD handed over"
            ]
        );
    }
}
