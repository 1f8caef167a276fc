//! Saving without waiting: the session file and the statement being typed go to the
//! store's writer thread, a team session's changes to its worker; the window goes on at
//! once and says "Saving…" until the thread or the worker reports the change on disk.
//! "Saved" keeps its meaning: on disk.

use std::sync::Arc;

use iced::Task;
use iced::futures::channel::oneshot;

use crate::storage::team::worker::{Answer, Work};

use super::{App, Message, Notice};
use crate::ui::revision::Revision;

/// Where the saving of the open session stands.
#[derive(Debug, Default)]
pub struct Saving {
    /// A change made by typing in a form: handed in at the next tick.
    pub due: bool,
    /// What failed last, retried every tick until it works.
    pub failing: Failing,
    /// Ctrl+S asked to be told once everything is on disk.
    pub announce: bool,
    pub team: TeamSync,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Failing {
    #[default]
    Nothing,
    /// The session file (or this device's working copy).
    File,
    /// The team folder.
    Team,
}

/// A team session's jobs: one on its way at a time.
#[derive(Debug, Default)]
pub struct TeamSync {
    /// The job on its way: its number and the revision it was handed in at.
    pub in_flight: Option<(u64, Revision)>,
    /// The number of the last job handed in.
    pub jobs: u64,
    /// A change not yet handed in.
    pub wanted: bool,
    /// The folder is to be read (a tick passed).
    pub read_due: bool,
    /// The last answer's merge was taken (see `storage::team::worker::Work::adopted`).
    pub took_last: bool,
}

impl Saving {
    pub fn failing(&self) -> bool {
        self.failing != Failing::Nothing
    }
}

impl App {
    /// Hands the session to the writer thread (and a team session's change to its
    /// worker): the window goes on at once.
    pub(super) fn save_now(&mut self) {
        let Some(open) = &mut self.open else { return };
        self.saving.due = false;
        if open.team.is_some() {
            self.saving.team.wanted = true;
        }
        open.store.submit(&open.session);
        self.save_draft();
    }

    /// Saves and waits until the session is on disk (closing, switching sessions, and
    /// tests that read the file); a team session's change is in its log too.
    pub fn flush(&mut self) {
        self.save_now();
        self.settle();
        self.finish_team(false);
    }

    /// Hands a team session's change to its worker and waits for the answer (closing
    /// writes a snapshot too).
    pub(super) fn finish_team(&mut self, snapshot: bool) {
        let (answer, revision) = {
            let Some(open) = &mut self.open else { return };
            let Some(team) = &open.team else { return };
            let sync = &mut self.saving.team;
            let work = Work {
                session: open.session.clone(),
                // The answer on its way (if any) is never seen: its merge not taken.
                adopted: sync.took_last && sync.in_flight.is_none(),
                read: false,
                snapshot,
            };
            sync.wanted = false;
            sync.in_flight = None;
            sync.jobs += 1;
            (team.run(work), open.revision)
        };
        self.team_answered(&answer, Some(revision));
    }

    /// Waits for the saves already handed to the writer, without starting one: what is
    /// on disk is then what the window says (tests read the file after this).
    pub fn settle(&mut self) {
        if let Some(open) = &mut self.open {
            let _ = open.store.wait();
        }
        self.judge_writes();
    }

    /// Takes in what the writer thread reported since the last message.
    pub(super) fn writes_reported(&mut self) {
        if self.open.as_mut().is_some_and(|open| open.store.poll()) {
            self.judge_writes();
            if let Some(message) = self.open.as_ref().and_then(|o| o.store.draft_error()) {
                self.tell(Notice::error(message.to_owned()));
            }
        }
    }

    /// After a report from the writer: a failed save is told and retried every tick (the
    /// session stays in memory), and its end is told too.
    fn judge_writes(&mut self) {
        let Some(open) = &self.open else { return };
        match open.store.failure() {
            Some(message) => {
                self.saving.failing = Failing::File;
                self.tell(Notice::error(format!(
                    "{message} Everything is kept in memory; Rapporteur retries every second. Free some space or choose Save as (Ctrl+Shift+S)."
                )));
            }
            // "Everything" only once no newer snapshot is still on its way.
            None if self.saving.failing == Failing::File && !open.store.pending() => {
                self.saving.failing = Failing::Nothing;
                self.tell(Notice::info("Saved again: everything is on disk."));
            }
            None => {}
        }
        self.announce_if_saved();
    }

    /// "Saved." after Ctrl+S, once nothing is on its way any more; the least of the
    /// notices, it never covers another (a merge's, an error).
    fn announce_if_saved(&mut self) {
        if self.saving.announce && !self.saving_now() && !self.saving.failing() {
            self.saving.announce = false;
            if self.notice.is_none() {
                self.tell(Notice::info("Saved."));
            }
        }
    }

    /// Something handed in is not reported on disk yet.
    pub fn saving_now(&self) -> bool {
        self.open.as_ref().is_some_and(|open| {
            open.store.pending()
                || (open.team.is_some()
                    && (self.saving.team.in_flight.is_some() || self.saving.team.wanted))
        })
    }

    /// Hands the statement being typed to the writer thread (after the session handed
    /// in before it); a failure comes back through `writes_reported`.
    pub(super) fn save_draft(&mut self) {
        let Some(open) = &mut self.open else { return };
        if !open.capture.draft_dirty {
            return;
        }
        open.store.save_draft(&open.capture.draft());
        open.capture.draft_dirty = false;
    }

    /// Every tick: what typing left due, a retry of what failed, and a read of the team
    /// folder.
    pub(super) fn tick_saves(&mut self) {
        if self.saving.due || self.saving.failing() {
            self.save_now();
        } else {
            self.save_draft();
        }
        self.saving.team.read_due = true;
    }

    /// Hands a team session's next job to its worker, if one is due and none is on its
    /// way; the answer comes back as [`Message::Team`].
    pub(super) fn pump_team(&mut self) -> Task<Message> {
        let Some(open) = &self.open else {
            return Task::none();
        };
        let Some(team) = &open.team else {
            return Task::none();
        };
        let sync = &mut self.saving.team;
        if sync.in_flight.is_some() || !(sync.wanted || sync.read_due) {
            return Task::none();
        }
        let work = Work {
            session: open.session.clone(),
            adopted: sync.took_last,
            read: sync.read_due,
            snapshot: false,
        };
        sync.jobs += 1;
        let job = sync.jobs;
        sync.in_flight = Some((job, open.revision));
        sync.wanted = false;
        sync.read_due = false;
        let (tx, rx) = oneshot::channel();
        team.submit(work, move |answer| {
            let _ = tx.send(answer);
        });
        Task::perform(rx, move |answer| {
            Message::Team(job, answer.ok().map(Arc::new))
        })
    }

    /// The worker's answer: saved or not, and what reading the folder brought. A merge is
    /// taken only when the session has not changed since the job was handed in.
    pub(super) fn team_answer(&mut self, job: u64, answer: Option<Arc<Answer>>) {
        // An answer to a job handed in before a flush is older than the flush's.
        let sent = match self.saving.team.in_flight {
            Some((on_way, revision)) if on_way == job => {
                self.saving.team.in_flight = None;
                Some(revision)
            }
            _ => None,
        };
        let answer = answer.unwrap_or_else(|| {
            Arc::new(Answer {
                saved: Err(crate::storage::team::worker::TeamError(
                    "The team folder could not be written: its worker stopped".into(),
                )),
                news: None,
                names: Vec::new(),
            })
        });
        self.team_answered(&answer, sent);
        self.announce_if_saved();
    }

    fn team_answered(&mut self, answer: &Answer, sent: Option<Revision>) {
        let told = self.take_answer(answer, sent);
        for notice in told {
            self.tell(notice);
        }
    }

    /// What an answer changes; the notices it brings, in the order they are told.
    fn take_answer(&mut self, answer: &Answer, sent: Option<Revision>) -> Vec<Notice> {
        let mut told = Vec::new();
        let Some(open) = &mut self.open else {
            return told;
        };
        let Some(team) = &mut open.team else {
            return told;
        };
        team.answered(answer);
        let Some(sent) = sent else {
            // Older than an answer already taken: only what it names is new.
            if let Some(news) = answer.news.as_ref().filter(|n| !n.notices.is_empty()) {
                told.push(Notice::lasting(news.notices.join("; ")));
            }
            return told;
        };
        self.saving.team.took_last = false;
        match &answer.saved {
            Err(e) => {
                self.saving.failing = Failing::Team;
                told.push(Notice::error(format!(
                    "{e}. NOT SAVED to the team folder: everything is kept in memory and in this device's copy; Rapporteur retries every second."
                )));
            }
            Ok(()) if self.saving.failing == Failing::Team => {
                self.saving.failing = Failing::Nothing;
                told.push(Notice::info(
                    "Saved again: everything is in the team folder.",
                ));
            }
            Ok(()) => {}
        }
        let Some(news) = &answer.news else {
            return told;
        };
        if news.concurrent > 0 {
            told.push(Notice::info(crate::ui::team::concurrent_notice(
                news.concurrent,
            )));
        }
        if let Some(merged) = &news.session
            && let Some(said) =
                crate::ui::team::paragraph_notice(merged, &news.paragraphs, &news.restored)
        {
            told.push(Notice::info(said));
        }
        if let Some(said) = crate::ui::team::clash_notice(&news.clashes) {
            told.push(Notice::info(said));
        }
        if let Some(said) = crate::ui::team::kept_notice(&news.kept) {
            told.push(Notice::info(said));
        }
        if let Some(merged) = &news.session {
            if sent == open.revision {
                self.saving.team.took_last = true;
                if *merged != open.session {
                    open.meeting.merged(merged);
                    open.session = merged.clone();
                    open.revision = open.revision.next();
                    open.store.submit(&open.session);
                }
            } else {
                // Changed here meanwhile: the worker offers the merge again with the
                // answer to this change.
                self.saving.team.wanted = true;
            }
        }
        // Last, so that no passing notice hides it: a damaged or foreign file stays
        // named until it is dismissed.
        if !news.notices.is_empty() {
            told.push(Notice::lasting(news.notices.join("; ")));
        }
        told
    }
}
