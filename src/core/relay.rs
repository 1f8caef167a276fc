//! Relays in a team session: note-takers take turns of ten to thirty minutes. Whose turn
//! it is to log is part of the session, so every device shows it; each statement names
//! the device that logged it (`Provenance`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::session::Session;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// The device (the note-taker's initials) whose turn it is.
    pub device: String,
    pub since: DateTime<Utc>,
}

impl Session {
    /// "My turn" on this device, or, when it is already this device's turn, "handing
    /// over" (nobody's turn until someone takes it). Nothing outside a team session.
    /// True when the turn changed.
    pub fn toggle_turn(&mut self, now: DateTime<Utc>) -> bool {
        let Some(me) = self.device.clone().filter(|d| !d.is_empty()) else {
            return false;
        };
        self.turn = match &self.turn {
            Some(turn) if turn.device == me => None,
            _ => Some(Turn {
                device: me,
                since: now,
            }),
        };
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::meeting::ReportKind;

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
    }
}
