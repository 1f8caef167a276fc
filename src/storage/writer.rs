//! Saves off the window's thread, in order, without weakening what "saved" means.
//!
//! Writing a 10,000-statement session (serialise, write, fsync, rename) takes tens of
//! milliseconds: on the window's thread every change would stall typing. The writer
//! thread takes snapshots in the order they were handed in and writes each atomically;
//! when several wait, only the newest is written (it holds everything the others do).
//! A snapshot counts as saved only when the thread reports it on disk, and dropping the
//! writer waits for the last write, so closing never loses one.
//!
//! The statement being typed (the draft) goes through the same thread: on a synced or
//! network folder one flush can take seconds, and the window must never wait for it.
//! Of the jobs waiting at once, the session is written before the draft, so that the
//! draft of a statement just logged is never gone before the statement is on disk.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};

use super::backup::{self, Reason};
use super::draft::{self, Draft};
use super::file;
use super::journal;
use crate::core::session::Session;

/// One backup an hour while a session is being worked on.
const BACKUP_EVERY: Duration = Duration::from_secs(3600);

/// A snapshot reached the disk (or did not) as of this number.
#[derive(Debug, Clone)]
pub struct Written {
    /// The newest snapshot handed in that this write covers.
    pub seq: u64,
    pub at: DateTime<Local>,
    /// Ok: on disk, with perhaps something to tell (a journal that could not go).
    pub result: Result<Option<String>, String>,
}

enum Job {
    Session { seq: u64, session: Box<Session> },
    Draft { seq: u64, draft: Draft },
}

/// What the thread reports: a session written (or not), or a draft.
enum Report {
    Session(Written),
    /// The drafts handed in up to `seq` were written (Ok) or not.
    Draft {
        seq: u64,
        result: Result<(), String>,
    },
}

#[derive(Debug)]
pub struct Writer {
    jobs: Option<Sender<Job>>,
    written: Receiver<Report>,
    /// The last draft report not yet taken (see [`Writer::draft_result`]).
    draft: Option<Result<(), String>>,
    drafts_submitted: u64,
    drafts_finished: u64,
    thread: Option<JoinHandle<()>>,
    submitted: u64,
    finished: u64,
    failed_to_hand_in: bool,
}

impl Writer {
    /// A writer for the session file at `path`; `backed_up` is when the last backup of
    /// it was kept (the next is due an hour later).
    pub fn new(path: &Path, backed_up: Option<Instant>) -> Writer {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, written) = mpsc::channel::<Report>();
        let path = path.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("session writer".into())
            .spawn(move || run(&path, backed_up, &inbox, &outbox));
        Writer {
            jobs: Some(jobs),
            written,
            draft: None,
            drafts_submitted: 0,
            drafts_finished: 0,
            // Without a thread (the system refused one) every write fails visibly below.
            thread: thread.ok(),
            submitted: 0,
            finished: 0,
            failed_to_hand_in: false,
        }
    }

    /// Hands in a snapshot to write; returns its number.
    pub fn submit(&mut self, session: &Session) -> u64 {
        self.submitted += 1;
        let job = Job::Session {
            seq: self.submitted,
            session: Box::new(session.clone()),
        };
        let sent = self.thread.is_some() && self.jobs.as_ref().is_some_and(|j| j.send(job).is_ok());
        if !sent {
            // No writer thread: the snapshot is reported as not saved, never as saved.
            self.finished = self.submitted;
            self.failed_to_hand_in = true;
        }
        self.submitted
    }

    /// Hands in the statement being typed, written after any session handed in before.
    pub fn submit_draft(&mut self, draft: Draft) {
        self.drafts_submitted += 1;
        let job = Job::Draft {
            seq: self.drafts_submitted,
            draft,
        };
        let sent = self.thread.is_some() && self.jobs.as_ref().is_some_and(|j| j.send(job).is_ok());
        if !sent {
            self.drafts_finished = self.drafts_submitted;
            self.draft = Some(Err("no writer thread could be started".into()));
        }
    }

    /// The last draft report since the last call: Err while drafts cannot be saved.
    pub fn draft_result(&mut self) -> Option<Result<(), String>> {
        self.draft.take()
    }

    /// Snapshots handed in and not yet reported.
    pub fn pending(&self) -> bool {
        self.finished < self.submitted
    }

    /// Snapshots or drafts handed in and not yet reported.
    pub fn busy(&self) -> bool {
        self.pending() || self.drafts_finished < self.drafts_submitted
    }

    fn took_draft(&mut self, seq: u64, result: Result<(), String>) {
        self.drafts_finished = self.drafts_finished.max(seq);
        self.draft = Some(result);
    }

    /// The reports that arrived, without waiting.
    pub fn poll(&mut self) -> Vec<Written> {
        let mut out = self.take_failure();
        loop {
            match self.written.try_recv() {
                Ok(Report::Session(w)) => {
                    self.finished = self.finished.max(w.seq);
                    out.push(w);
                }
                Ok(Report::Draft { seq, result }) => self.took_draft(seq, result),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    if self.busy() {
                        out.push(self.stopped());
                    }
                    break;
                }
            }
        }
        out
    }

    /// The thread is gone: what it did not report was not saved.
    fn stopped(&mut self) -> Written {
        self.finished = self.submitted;
        if self.drafts_finished < self.drafts_submitted {
            self.took_draft(self.drafts_submitted, Err("its writer stopped".into()));
        }
        Written {
            seq: self.submitted,
            at: Local::now(),
            result: Err("The session could not be saved: its writer stopped.".into()),
        }
    }

    /// Waits until every snapshot and draft handed in is reported; returns the reports.
    pub fn wait(&mut self) -> Vec<Written> {
        let mut out = self.poll();
        while self.busy() {
            match self.written.recv() {
                Ok(Report::Session(w)) => {
                    self.finished = self.finished.max(w.seq);
                    out.push(w);
                }
                Ok(Report::Draft { seq, result }) => self.took_draft(seq, result),
                Err(_) => out.push(self.stopped()),
            }
        }
        out
    }

    fn take_failure(&mut self) -> Vec<Written> {
        if std::mem::take(&mut self.failed_to_hand_in) {
            vec![Written {
                seq: self.finished,
                at: Local::now(),
                result: Err(
                    "The session could not be saved: no writer thread could be started.".into(),
                ),
            }]
        } else {
            Vec::new()
        }
    }
}

impl Drop for Writer {
    /// Closing waits for the last write.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(
    path: &Path,
    mut backed_up: Option<Instant>,
    inbox: &Receiver<Job>,
    outbox: &Sender<Report>,
) {
    while let Ok(first) = inbox.recv() {
        // Newer snapshots hold everything older ones do: write only the newest session
        // and the newest draft, the session first.
        let (mut session, mut typed) = (None, None);
        for job in std::iter::once(first).chain(std::iter::from_fn(|| inbox.try_recv().ok())) {
            match job {
                Job::Session { seq, session: s } => session = Some((seq, s)),
                Job::Draft { seq, draft } => typed = Some((seq, draft)),
            }
        }
        // Nobody may listen any more (the store is closing): keep writing what was
        // handed in all the same.
        if let Some((seq, session)) = session {
            let result = write(path, &session, &mut backed_up);
            let _ = outbox.send(Report::Session(Written {
                seq,
                at: Local::now(),
                result,
            }));
        }
        if let Some((seq, typed)) = typed {
            let result = draft::save_draft(path, &typed).map_err(|e| e.to_string());
            let _ = outbox.send(Report::Draft { seq, result });
        }
    }
}

/// One atomic save of the whole session: the journal it takes in goes, and a backup is
/// kept once an hour. On failure the old file stays intact.
pub fn write(
    path: &Path,
    session: &Session,
    backed_up: &mut Option<Instant>,
) -> Result<Option<String>, String> {
    let bytes = file::to_bytes(session);
    file::write_atomic(path, &bytes).map_err(|e| {
        format!(
            "Could not save {}: {e}. The file on disk is as it was before this change.",
            path.display()
        )
    })?;
    let warning = journal::remove(path).err().map(|e| {
        format!(
            "Saved, but the journal beside {} could not be removed: {e}",
            path.display()
        )
    });
    if backed_up.is_none_or(|t| t.elapsed() >= BACKUP_EVERY) {
        *backed_up = Some(Instant::now());
        let _ = backup::take(path, &bytes, Reason::Hourly);
    }
    Ok(warning)
}
