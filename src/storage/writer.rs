//! Saves off the window's thread, in order, without weakening what "saved" means.
//!
//! Writing a 10,000-statement session (serialise, write, fsync, rename) takes tens of
//! milliseconds: on the window's thread every change would stall typing. The writer
//! thread takes snapshots in the order they were handed in and writes each atomically;
//! when several wait, only the newest is written (it holds everything the others do).
//! A snapshot counts as saved only when the thread reports it on disk, and dropping the
//! writer waits for the last write, so closing never loses one.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};

use super::backup::{self, Reason};
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

struct Job {
    seq: u64,
    session: Box<Session>,
}

#[derive(Debug)]
pub struct Writer {
    jobs: Option<Sender<Job>>,
    written: Receiver<Written>,
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
        let (outbox, written) = mpsc::channel::<Written>();
        let path = path.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("session writer".into())
            .spawn(move || run(&path, backed_up, &inbox, &outbox));
        Writer {
            jobs: Some(jobs),
            written,
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
        let job = Job {
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

    /// Snapshots handed in and not yet reported.
    pub fn pending(&self) -> bool {
        self.finished < self.submitted
    }

    /// The reports that arrived, without waiting.
    pub fn poll(&mut self) -> Vec<Written> {
        let mut out = self.take_failure();
        loop {
            match self.written.try_recv() {
                Ok(w) => {
                    self.finished = self.finished.max(w.seq);
                    out.push(w);
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    if self.pending() {
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
        Written {
            seq: self.submitted,
            at: Local::now(),
            result: Err("The session could not be saved: its writer stopped.".into()),
        }
    }

    /// Waits until every snapshot handed in is reported; returns the reports.
    pub fn wait(&mut self) -> Vec<Written> {
        let mut out = self.poll();
        while self.pending() {
            match self.written.recv() {
                Ok(w) => {
                    self.finished = self.finished.max(w.seq);
                    out.push(w);
                }
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
    outbox: &Sender<Written>,
) {
    while let Ok(mut job) = inbox.recv() {
        // Newer snapshots hold everything older ones do: write only the newest.
        while let Ok(newer) = inbox.try_recv() {
            job = newer;
        }
        let result = write(path, &job.session, &mut backed_up);
        let report = Written {
            seq: job.seq,
            at: Local::now(),
            result,
        };
        // Nobody may listen any more (the store is closing): keep writing what was
        // handed in all the same.
        let _ = outbox.send(report);
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
