//! Work that touches a disk, run on a thread of its own and answered as a message, so
//! that the window never waits for a synced or network folder (as iced's editor example
//! saves files in a task).

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
