//! Undo and redo on the capture screen: logging, corrections, deletions,
//! re-attributions, picking a speaker and typing, with the list of speakers and the
//! timer. The same model as the editor's history (a stack of states before and after
//! each step, typing kept as one step per word), over the log and the statement box.

use std::collections::VecDeque;

use crate::core::log_undo::LogState;
use crate::core::session::Session;
use crate::storage::draft::Draft;

/// Steps kept; the oldest go first (a day of capture is a few thousand).
const KEPT: usize = 2_000;

/// What a capture step can change: the log, the list of speakers, and the statement
/// being typed with its speaker and timer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snapshot {
    pub log: LogState,
    pub draft: Draft,
}

impl Snapshot {
    pub fn new(session: &Session, draft: Draft) -> Snapshot {
        Snapshot {
            log: LogState::of(session),
            draft,
        }
    }
}

#[derive(Debug, Clone)]
struct Step {
    /// Says what was done: "logging Argentina's statement".
    label: String,
    before: Snapshot,
    after: Snapshot,
}

#[derive(Debug, Default)]
pub struct History {
    /// Oldest first; the oldest go when there are more than `KEPT`.
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    /// Typing continues the last step until a word ends or something else happens.
    typing: Typing,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Typing {
    #[default]
    No,
    InWord,
    AfterSpace,
}

impl History {
    /// Keeps a step that changed the state from `before` to `after` (nothing if it did
    /// not change anything).
    pub fn push(&mut self, label: impl Into<String>, before: Snapshot, after: Snapshot) {
        self.typing = Typing::No;
        if before == after {
            return;
        }
        self.keep(Step {
            label: label.into(),
            before,
            after,
        });
    }

    fn keep(&mut self, step: Step) {
        self.undo.push_back(step);
        if self.undo.len() > KEPT {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Typing in the statement box, from `before` (the state before this keystroke):
    /// a new step starts at the first keystroke and at each new word, so Ctrl+Z takes
    /// back the last word, then the one before.
    pub fn typed(&mut self, before: impl FnOnce() -> Snapshot, inserted: Option<char>) {
        let starts = match (self.typing, inserted) {
            (Typing::No, _) => true,
            (Typing::AfterSpace, Some(c)) => !c.is_whitespace(),
            _ => false,
        };
        if starts {
            let before = before();
            self.keep(Step {
                label: "typing".into(),
                after: before.clone(),
                before,
            });
        }
        self.typing = match inserted {
            Some(c) if c.is_whitespace() => Typing::AfterSpace,
            Some(_) => Typing::InWord,
            // A paste or a deletion is a step of its own.
            None => Typing::No,
        };
    }

    /// Ends a run of typing: the next keystroke starts a new step.
    pub fn break_typing(&mut self) {
        self.typing = Typing::No;
    }

    /// Takes back the last step: changes `session` as the step's reverse would and
    /// returns the statement box to put back, with what was undone.
    pub fn undo(&mut self, session: &mut Session, now: Draft) -> Option<(Draft, String)> {
        let mut step = self.undo.pop_back()?;
        // Typing after the step belongs to it (the statement box is the step's).
        step.after.draft = now;
        LogState::carry(session, &step.after.log, &step.before.log);
        let answer = (step.before.draft.clone(), step.label.clone());
        self.redo.push(step);
        self.typing = Typing::No;
        Some(answer)
    }

    pub fn redo(&mut self, session: &mut Session) -> Option<(Draft, String)> {
        let step = self.redo.pop()?;
        LogState::carry(session, &step.before.log, &step.after.log);
        let answer = (step.after.draft.clone(), step.label.clone());
        self.undo.push_back(step);
        self.typing = Typing::No;
        Some(answer)
    }

    #[cfg(test)]
    fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    #[cfg(test)]
    fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;
    use crate::core::session::NewIntervention;

    fn draft(text: &str) -> Draft {
        Draft {
            text: text.into(),
            ..Draft::default()
        }
    }

    #[test]
    fn typing_is_one_step_per_word_and_undo_takes_words_back_in_order() {
        let mut s = demo_session();
        let mut h = History::default();
        let mut text = String::new();
        for c in "took the floor".chars() {
            let before = text.clone();
            h.typed(|| Snapshot::new(&s, draft(&before)), Some(c));
            text.push(c);
        }
        let mut seen = Vec::new();
        while let Some((back, label)) = h.undo(&mut s, draft(&text)) {
            assert_eq!(label, "typing");
            text = back.text;
            seen.push(text.clone());
        }
        assert_eq!(seen, ["took the ", "took ", ""]);
        let (again, _) = h.redo(&mut s).unwrap();
        assert_eq!(again.text, "took ");
    }

    #[test]
    fn a_logged_statement_undone_goes_back_to_the_box_and_redo_logs_it_again() {
        let mut s = demo_session();
        let mut h = History::default();
        let speaker = s.interventions[0].speaker.clone();
        let typed = Draft {
            speaker: Some(speaker.clone()),
            text: "thanked the panel.".into(),
            ..Draft::default()
        };
        let count = s.interventions.len();
        let before = Snapshot::new(&s, typed.clone());
        s.commit(NewIntervention {
            speaker,
            on_behalf_of: None,
            started_at: chrono::Utc::now(),
            ended_at: chrono::Utc::now(),
            text: typed.text.clone(),
        });
        h.push("logging", before, Snapshot::new(&s, Draft::default()));
        let (back, label) = h.undo(&mut s, Draft::default()).unwrap();
        assert_eq!((back, label.as_str()), (typed, "logging"));
        assert_eq!(s.interventions.len(), count);
        let (box_after, _) = h.redo(&mut s).unwrap();
        assert_eq!(box_after, Draft::default());
        assert_eq!(s.interventions.len(), count + 1);
        assert!(h.redo(&mut s).is_none());
    }

    #[test]
    fn a_new_step_after_undo_drops_the_redo_and_no_change_is_no_step() {
        let s = demo_session();
        let mut h = History::default();
        h.push(
            "nothing",
            Snapshot::new(&s, draft("a")),
            Snapshot::new(&s, draft("a")),
        );
        assert!(!h.can_undo());
        h.push(
            "picking",
            Snapshot::new(&s, draft("a")),
            Snapshot::new(&s, draft("b")),
        );
        let mut s2 = s.clone();
        assert!(h.undo(&mut s2, draft("b")).is_some());
        assert!(h.can_redo());
        h.push(
            "other",
            Snapshot::new(&s, draft("a")),
            Snapshot::new(&s, draft("c")),
        );
        assert!(!h.can_redo());
    }
}
