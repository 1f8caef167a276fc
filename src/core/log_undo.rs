//! Taking back a change to the log and the list of speakers, and doing it again, while
//! leaving alone whatever else changed in between (a status set on the Meeting screen,
//! a statement corrected later).
//!
//! A step keeps the log as it was before and after it ([`LogState`]: statements and
//! inscriptions, each a few reference counts to copy). Undo carries the difference
//! between after and before over to the session as it is now ([`LogState::carry`]),
//! statement by statement and inscription by inscription, instead of putting the old
//! log back whole.

use rustc_hash::FxHashMap;

use super::intervention::{Intervention, InterventionId};
use super::session::Session;
use super::shared::Shared;
use super::speakers::Inscription;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogState {
    pub interventions: Shared<Vec<Shared<Intervention>>>,
    pub inscriptions: Vec<Inscription>,
}

impl LogState {
    pub fn of(session: &Session) -> LogState {
        LogState {
            interventions: session.interventions.clone(),
            inscriptions: session.inscriptions.clone(),
        }
    }

    /// Makes in `session` the changes that lead from `from` to `to`: statements added,
    /// removed or changed, inscriptions whose status or text changed. Statements and
    /// inscriptions the step did not touch stay as they are now.
    pub fn carry(session: &mut Session, from: &LogState, to: &LogState) {
        if !Shared::same(&from.interventions, &to.interventions) {
            carry_statements(
                &mut session.interventions,
                &from.interventions,
                &to.interventions,
            );
        }
        for wanted in &to.inscriptions {
            let was = from.inscriptions.iter().find(|i| i.id == wanted.id);
            if was == Some(wanted) {
                continue;
            }
            if let Some(now) = session.inscriptions.iter_mut().find(|i| i.id == wanted.id) {
                *now = wanted.clone();
            }
        }
    }
}

fn by_id(list: &[Shared<Intervention>]) -> FxHashMap<InterventionId, &Shared<Intervention>> {
    list.iter().map(|i| (i.id, i)).collect()
}

fn carry_statements(
    now: &mut Shared<Vec<Shared<Intervention>>>,
    from: &[Shared<Intervention>],
    to: &[Shared<Intervention>],
) {
    let from_ids = by_id(from);
    let to_ids = by_id(to);
    let changed = |id: InterventionId| match (from_ids.get(&id), to_ids.get(&id)) {
        (Some(a), Some(b)) => !Shared::same(a, b) && a != b,
        (Some(_), None) => true,
        _ => false,
    };
    // Nothing to do on the common path (a step that added one statement, undone): only
    // the list is copied, never the statements.
    if now.iter().any(|i| changed(i.id)) {
        let list: &mut Vec<Shared<Intervention>> = now;
        list.retain(|i| to_ids.contains_key(&i.id) || !from_ids.contains_key(&i.id));
        for slot in list.iter_mut() {
            if let (Some(a), Some(b)) = (from_ids.get(&slot.id), to_ids.get(&slot.id))
                && !Shared::same(a, b)
                && a != b
            {
                *slot = (*b).clone();
            }
        }
    }
    // Statements the step removed come back after the statement that preceded them.
    let missing: Vec<usize> = to
        .iter()
        .enumerate()
        .filter(|(_, i)| !from_ids.contains_key(&i.id))
        .map(|(n, _)| n)
        .collect();
    if missing.is_empty() {
        return;
    }
    let list: &mut Vec<Shared<Intervention>> = now;
    for n in missing {
        let Some(back) = to.get(n) else { continue };
        if list.iter().any(|i| i.id == back.id) {
            continue;
        }
        let after = to
            .get(..n)
            .unwrap_or_default()
            .iter()
            .rev()
            .find_map(|before| list.iter().position(|i| i.id == before.id));
        let at = after.map_or(0, |p| p + 1);
        list.insert(at, back.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;
    use crate::core::speakers::InscriptionStatus;

    fn ids(s: &Session) -> Vec<InterventionId> {
        s.interventions.iter().map(|i| i.id).collect()
    }

    #[test]
    fn a_deleted_statement_comes_back_in_its_place_and_later_changes_stay() {
        let mut s = demo_session();
        let before = LogState::of(&s);
        let order = ids(&s);
        let third = order[2];
        s.delete_intervention(third);
        let after = LogState::of(&s);
        // Elsewhere, later: the first statement corrected.
        let mut first = (*s.interventions[0]).clone();
        first.text = "corrected later.".into();
        s.update_intervention(first);
        LogState::carry(&mut s, &after, &before);
        assert_eq!(ids(&s), order);
        assert_eq!(s.interventions[0].text, "corrected later.");
        // And done again.
        LogState::carry(&mut s, &before, &after);
        assert!(!ids(&s).contains(&third));
    }

    #[test]
    fn a_status_set_elsewhere_survives_an_undo_of_another_inscription() {
        let mut s = demo_session();
        for i in &mut s.inscriptions {
            i.status = InscriptionStatus::Pending;
        }
        let before = LogState::of(&s);
        s.inscriptions[0].status = InscriptionStatus::Spoke;
        let after = LogState::of(&s);
        s.inscriptions[1].status = InscriptionStatus::Withdrew;
        LogState::carry(&mut s, &after, &before);
        assert_eq!(s.inscriptions[0].status, InscriptionStatus::Pending);
        assert_eq!(s.inscriptions[1].status, InscriptionStatus::Withdrew);
    }
}
