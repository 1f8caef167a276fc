//! What every screen and form hands back after handling a message: one shape for all of
//! them, so that the root handles every screen in one function (`App::absorb`) and a form
//! inside a screen is handled the same way by the screen.

use iced::Task;

use super::shortcuts::Command;

/// When the session must reach the disk after a message. Anything but `No` also means
/// the session changed, so the root moves its revision (see `revision.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Save {
    /// Nothing in the session changed.
    #[default]
    No,
    /// Typing in a field: within the next tick.
    Soon,
    /// A statement logged, a paragraph moved, a structural change: at once.
    Now,
}

/// Something only the owner of a screen or form can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A command that belongs to the root (save, open, other screens...).
    Command(Command),
    /// Read a list of speakers through the file dialog.
    ImportSpeakers,
    /// Open the Backups panel.
    ShowBackups,
    /// A form is done (saved or cancelled): its owner closes it.
    Close,
}

/// A line for the person at the top of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
    /// A folder the notice speaks of (an export's): offered as "Open folder".
    pub folder: Option<std::path::PathBuf>,
    /// Stays until dismissed (a damaged file in a team folder: what it names must not
    /// scroll by unread).
    pub lasting: bool,
}

impl Notice {
    pub fn new(text: impl Into<String>, error: bool) -> Self {
        Notice {
            text: text.into(),
            error,
            folder: None,
            lasting: false,
        }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Notice::new(text, false)
    }

    pub fn error(text: impl Into<String>) -> Self {
        Notice::new(text, true)
    }

    /// An error that stays until it is dismissed.
    pub fn lasting(text: impl Into<String>) -> Self {
        Notice {
            lasting: true,
            ..Notice::error(text)
        }
    }
}

#[must_use]
pub struct Effect<M> {
    pub task: Task<M>,
    pub save: Save,
    pub notice: Option<Notice>,
    pub request: Option<Request>,
}

impl<M> Default for Effect<M> {
    fn default() -> Self {
        Effect {
            task: Task::none(),
            save: Save::No,
            notice: None,
            request: None,
        }
    }
}

impl<M> Effect<M> {
    pub fn none() -> Self {
        Effect::default()
    }

    pub fn task(task: Task<M>) -> Self {
        Effect {
            task,
            ..Effect::default()
        }
    }

    /// The session changed: save now, then run `task`.
    pub fn changed(task: Task<M>) -> Self {
        Effect {
            task,
            save: Save::Now,
            ..Effect::default()
        }
    }

    /// Typing changed the session: save within the tick.
    pub fn touched() -> Self {
        Effect {
            save: Save::Soon,
            ..Effect::default()
        }
    }

    pub fn notice(text: impl Into<String>) -> Self {
        Effect {
            notice: Some(Notice::info(text)),
            ..Effect::default()
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Effect {
            notice: Some(Notice::error(text)),
            ..Effect::default()
        }
    }

    pub fn request(request: Request) -> Self {
        Effect {
            request: Some(request),
            ..Effect::default()
        }
    }

    /// The sooner of the two saves (a change and a keystroke in one message: now).
    pub fn with_save(mut self, save: Save) -> Self {
        self.save = self.save.max(save);
        self
    }

    pub fn closes(&self) -> bool {
        self.request == Some(Request::Close)
    }

    /// The same effect for the owner, whose messages wrap these.
    pub fn map<N>(self, wrap: impl Fn(M) -> N + Send + 'static) -> Effect<N>
    where
        M: Send + 'static,
        N: Send + 'static,
    {
        Effect {
            task: self.task.map(wrap),
            save: self.save,
            notice: self.notice,
            request: self.request,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_and_a_keystroke_in_one_message_save_now() {
        let effect: Effect<()> = Effect::touched().with_save(Save::Now);
        assert_eq!(effect.save, Save::Now);
        let effect: Effect<()> = Effect::changed(Task::none()).with_save(Save::Soon);
        assert_eq!(effect.save, Save::Now);
        let effect: Effect<()> = Effect::none().with_save(Save::No);
        assert_eq!(effect.save, Save::No);
    }

    #[test]
    fn mapping_keeps_everything_but_the_message_type() {
        let effect: Effect<u8> = Effect {
            save: Save::Soon,
            notice: Some(Notice::error("full disk")),
            request: Some(Request::Close),
            ..Effect::default()
        };
        let mapped: Effect<String> = effect.map(|n| n.to_string());
        assert_eq!(mapped.save, Save::Soon);
        assert_eq!(mapped.notice, Some(Notice::error("full disk")));
        assert!(mapped.closes());
    }
}
