//! Work that touches a disk, run on a thread of its own and answered as a message, so
//! that the window never waits for a synced or network folder (as iced's editor example
//! saves files in a task).

use std::sync::{Arc, Mutex};

use iced::Task;
use iced::futures::channel::oneshot;

/// Runs `work` on a new thread; the task yields its result, or None when no thread
/// could be started or the work panicked (the caller says so, nothing is assumed done).
pub fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Task<Option<T>> {
    let (tx, rx) = oneshot::channel();
    let started = std::thread::Builder::new()
        .name("rapporteur file work".into())
        .spawn(move || {
            let _ = tx.send(work());
        });
    if started.is_err() {
        return Task::done(None);
    }
    Task::perform(rx, Result::ok)
}

/// What a thread hands to the window's thread once, inside a message: messages are
/// cloned by the runtime, what is handed (a store and its lock, a memo) is not.
pub struct Handed<T>(Arc<Mutex<Option<T>>>);

impl<T> Clone for Handed<T> {
    fn clone(&self) -> Self {
        Handed(Arc::clone(&self.0))
    }
}

impl<T> std::fmt::Debug for Handed<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Handed(..)")
    }
}

impl<T> Handed<T> {
    pub fn new(value: T) -> Handed<T> {
        Handed(Arc::new(Mutex::new(Some(value))))
    }

    /// The value, the first time only.
    pub fn take(&self) -> Option<T> {
        self.0.lock().ok().and_then(|mut held| held.take())
    }
}
