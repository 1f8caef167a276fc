//! Notices: one on show, the others waiting behind it, so that an error is never
//! replaced by an information line; information goes after a few seconds, an error
//! after a while longer, a lasting notice and a question only when answered.

use std::time::Instant;

use super::{App, Notice};

/// Notices kept waiting at most (the oldest information goes first).
const WAITING: usize = 4;

/// An error or a lasting notice: what must not scroll by unread.
fn weighs(notice: &Notice) -> bool {
    notice.error || notice.lasting
}

impl App {
    /// Puts a notice up. An information line never covers an error or a lasting notice:
    /// it waits behind it. An error covers what is on show, which waits if it weighs too.
    pub(super) fn tell(&mut self, notice: Notice) {
        match self.notice.take() {
            None => self.notice = Some(notice),
            Some(shown) if shown == notice => self.notice = Some(shown),
            Some(shown) if weighs(&shown) && !weighs(&notice) => {
                self.notice = Some(shown);
                self.wait_behind(notice, false);
            }
            Some(shown) => {
                if weighs(&shown) {
                    self.wait_behind(shown, true);
                }
                self.notice = Some(notice);
            }
        }
    }

    fn wait_behind(&mut self, notice: Notice, first: bool) {
        self.waiting.retain(|w| *w != notice);
        if first {
            self.waiting.push_front(notice);
        } else {
            self.waiting.push_back(notice);
        }
        while self.waiting.len() > WAITING {
            // The oldest information line goes first; errors only when nothing else can.
            match self.waiting.iter().position(|w| !weighs(w)) {
                Some(at) => {
                    self.waiting.remove(at);
                }
                None => {
                    self.waiting.pop_back();
                }
            }
        }
    }

    /// The notice on show goes (dismissed, or its time is up); the next one waiting
    /// takes its place.
    pub(super) fn dismiss(&mut self) {
        self.notice = self.waiting.pop_front();
    }

    /// On another screen: information lines go, errors and lasting notices stay.
    pub(super) fn forget_passing(&mut self) {
        self.waiting.retain(weighs);
        if self.notice.as_ref().is_some_and(|n| !weighs(n)) {
            self.dismiss();
        }
    }

    /// Notices go by themselves: information after a few seconds, an error after a
    /// while longer; a lasting notice and a question (replace an export?) stay until
    /// they are answered.
    pub(super) fn expire_notice(&mut self, now: Instant) {
        let (Some(notice), Some(at)) = (&self.notice, self.notice_at) else {
            return;
        };
        let shown_for = std::time::Duration::from_secs(if notice.error { 20 } else { 6 });
        if self.pending_export.is_none() && !notice.lasting && now.duration_since(at) >= shown_for {
            self.dismiss();
            self.notice_at = self.notice.as_ref().map(|_| now);
        }
    }
}
