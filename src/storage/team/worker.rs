//! A team session on a thread of its own, so that the window never waits for the team
//! folder: every change is appended and synced to this device's log, and the others'
//! logs read and merged, while the note-taker goes on typing. On OneDrive or SMB one
//! flush can take seconds.
//!
//! One job is on its way at a time, and each is answered once. A job carries the
//! session as the window holds it; the answer says whether it is on disk ("Saved"
//! follows it) and brings the merged session when the others wrote anything. The window
//! takes the merged session only when it has not changed since it handed the job in;
//! otherwise it says so with its next job, and the worker writes that job's changes
//! against the session the window had, not against the merge the window never saw, and
//! offers the merge again. So nothing the others wrote is taken for a deletion here.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use super::Device;
use super::session::{News, TeamSession};
use crate::core::session::Session;

/// Why a job could not be done: the team folder could not be written or read. The
/// working copy on this device keeps everything meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamError(pub String);

impl std::fmt::Display for TeamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the window hands in.
#[derive(Debug, Clone)]
pub struct Work {
    /// The session as the window holds it.
    pub session: Session,
    /// Whether the window took the merged session of the last answer (a job answered
    /// without one counts as taken).
    pub adopted: bool,
    /// Read and merge what the others wrote (a tick), or only record (a change).
    pub read: bool,
    /// Write a snapshot too (closing).
    pub snapshot: bool,
}

/// The answer to one job.
#[derive(Debug, Clone)]
pub struct Answer {
    /// Ok: the session handed in is in this device's log on disk.
    pub saved: Result<(), TeamError>,
    /// What reading brought (a merged session to take, notices to show).
    pub news: Option<Arc<News>>,
    /// The names of the devices that have written into the folder.
    pub names: Vec<String>,
}

type Reply = Box<dyn FnOnce(Answer) + Send>;

struct Job {
    work: Work,
    reply: Reply,
}

/// The window's end of the worker.
pub struct TeamWorker {
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    device: Device,
    root: PathBuf,
    names: Vec<String>,
}

impl std::fmt::Debug for TeamWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamWorker")
            .field("device", &self.device.name)
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

impl TeamWorker {
    /// Moves an open team session onto its own thread.
    pub fn start(team: TeamSession) -> TeamWorker {
        let device = team.device().clone();
        let root = team.root().to_path_buf();
        let names = team.device_names();
        let (jobs, inbox) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("team folder".into())
            .spawn(move || run(team, &inbox));
        TeamWorker {
            jobs: Some(jobs),
            // Without a thread every job is answered at once as not saved.
            thread: thread.ok(),
            device,
            root,
            names,
        }
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The names of the devices that have written into the folder, as of the last answer.
    pub fn device_names(&self) -> &[String] {
        &self.names
    }

    /// Takes in what an answer says of the folder.
    pub fn answered(&mut self, answer: &Answer) {
        if !answer.names.is_empty() {
            self.names.clone_from(&answer.names);
        }
    }

    /// Hands in a job; `reply` is called once, on the worker's thread, with its answer
    /// (at once, as not saved, when the worker is gone).
    pub fn submit(&self, work: Work, reply: impl FnOnce(Answer) + Send + 'static) {
        let job = Job {
            work,
            reply: Box::new(reply),
        };
        let Some(jobs) = &self.jobs else {
            return gone(job);
        };
        if let Err(mpsc::SendError(job)) = jobs.send(job) {
            gone(job);
        }
    }

    /// Hands in a job and waits for its answer (closing, and the command line).
    pub fn run(&self, work: Work) -> Answer {
        let (tx, rx) = mpsc::channel();
        self.submit(work, move |answer| {
            let _ = tx.send(answer);
        });
        rx.recv().unwrap_or_else(|_| stopped())
    }
}

impl Drop for TeamWorker {
    /// Closing waits for the job on its way.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn stopped() -> Answer {
    Answer {
        saved: Err(TeamError(
            "The team folder could not be written: its worker stopped".into(),
        )),
        news: None,
        names: Vec::new(),
    }
}

fn gone(job: Job) {
    (job.reply)(stopped());
}

/// The worker's side: the team session, the session the window last handed in, and
/// whether the last answer offered a merge.
struct Worker {
    team: TeamSession,
    sent: Option<Session>,
    offered: bool,
}

fn run(team: TeamSession, inbox: &Receiver<Job>) {
    let mut worker = Worker {
        team,
        sent: None,
        offered: false,
    };
    while let Ok(job) = inbox.recv() {
        let answer = worker.take(job.work);
        (job.reply)(answer);
    }
}

impl Worker {
    fn take(&mut self, work: Work) -> Answer {
        // A merge the window did not take: its changes were made on the session it
        // handed in last, and the merge is offered again.
        let refused = self.offered && !work.adopted;
        if refused && let Some(sent) = &self.sent {
            self.team.rebase(sent);
        }
        let result = self.work(&work, refused);
        self.sent = Some(work.session);
        let names = self.team.device_names();
        match result {
            Ok(news) => {
                self.offered = news.session.is_some();
                Answer {
                    saved: Ok(()),
                    news: Some(Arc::new(news)),
                    names,
                }
            }
            Err(e) => {
                // What was not taken is still to be offered.
                self.offered = refused;
                Answer {
                    saved: Err(TeamError(e)),
                    news: None,
                    names,
                }
            }
        }
    }

    fn work(&mut self, work: &Work, refused: bool) -> Result<News, String> {
        let mut news = if work.read {
            self.team.refresh(&work.session)?
        } else {
            self.team.record(&work.session)?;
            News::default()
        };
        if work.snapshot {
            self.team.write_snapshot()?;
        }
        if refused && news.session.is_none() {
            news.session = Some(self.team.current()?);
        }
        Ok(news)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

    use super::*;
    use crate::core::demo::demo_session;
    use crate::core::intervention::Speaker;
    use crate::core::session::NewIntervention;
    use crate::storage::team::session::read_merged;

    fn log(session: &mut Session, text: &str) {
        let now = chrono::Utc::now();
        session.commit(NewIntervention {
            speaker: Speaker::Delegation("peru".into()),
            on_behalf_of: None,
            started_at: now,
            ended_at: now,
            text: text.into(),
        });
    }

    fn texts(session: &Session) -> Vec<String> {
        let mut t: Vec<String> = session
            .interventions
            .iter()
            .map(|i| i.text.clone())
            .collect();
        t.sort();
        t
    }

    fn work(session: &Session, adopted: bool, read: bool) -> Work {
        Work {
            session: session.clone(),
            adopted,
            read,
            snapshot: false,
        }
    }

    /// The window changed its session while the worker merged another device's
    /// statement: the merge is not taken, the change is written against what the window
    /// had (not taken for deleting the other's statement), and the merge comes again.
    #[test]
    fn a_merge_not_taken_is_offered_again_and_nothing_is_lost() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("team");
        TeamSession::share(&demo_session(), &folder, Device::this_run(Some("RS"))).unwrap();
        let (a, mut here, _) = TeamSession::open(&folder, Device::this_run(Some("AB"))).unwrap();
        let (mut b, mut there, _) =
            TeamSession::open(&folder, Device::this_run(Some("CD"))).unwrap();
        log(&mut there, "Logged on CD.");
        b.record(&there).unwrap();

        let worker = TeamWorker::start(a);
        let answer = worker.run(work(&here, false, true));
        assert_eq!(answer.saved, Ok(()));
        let merged = answer
            .news
            .unwrap()
            .session
            .clone()
            .expect("CD's statement merged");
        assert!(texts(&merged).contains(&"Logged on CD.".to_string()));

        // Not taken: the window logged meanwhile on the session it had.
        log(&mut here, "Logged on AB.");
        let answer = worker.run(work(&here, false, false));
        assert_eq!(answer.saved, Ok(()));
        let again = answer
            .news
            .unwrap()
            .session
            .clone()
            .expect("the merge offered again");
        let both = vec!["Logged on AB.".to_string(), "Logged on CD.".to_string()];
        let mine: Vec<String> = texts(&again)
            .into_iter()
            .filter(|t| t.starts_with("Logged on"))
            .collect();
        assert_eq!(mine, both);

        // Taken; the next change is written against it.
        let mut taken = again;
        log(&mut taken, "Logged on AB again.");
        let answer = worker.run(work(&taken, true, true));
        assert_eq!(answer.saved, Ok(()));
        assert!(
            answer.news.unwrap().session.is_none(),
            "nothing new to offer"
        );
        drop(worker);

        let (on_disk, _) = read_merged(&folder).unwrap();
        let logged: Vec<String> = texts(&on_disk)
            .into_iter()
            .filter(|t| t.starts_with("Logged on"))
            .collect();
        assert_eq!(
            logged,
            vec![
                "Logged on AB again.".to_string(),
                "Logged on AB.".to_string(),
                "Logged on CD.".to_string()
            ]
        );
    }

    /// A worker whose thread is gone answers at once, as not saved.
    #[test]
    fn a_job_for_a_stopped_worker_is_answered_as_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("team");
        TeamSession::share(&demo_session(), &folder, Device::this_run(Some("RS"))).unwrap();
        let (a, here, _) = TeamSession::open(&folder, Device::this_run(Some("AB"))).unwrap();
        let mut worker = TeamWorker::start(a);
        worker.jobs = None;
        let answer = worker.run(work(&here, false, false));
        assert!(answer.saved.is_err());
    }
}
