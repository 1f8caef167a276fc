//! Derived data keyed on the session's revision. The root moves the revision whenever an
//! effect says the session changed; each screen stamps what it derived (rows, the
//! assembled report, the picker's index) and rebuilds only when the stamp is behind, when
//! it is shown. No screen is refreshed by hand.

/// The open session's revision: 0 when opened, one more after every change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Revision(u64);

impl Revision {
    pub fn next(self) -> Revision {
        Revision(self.0.wrapping_add(1))
    }
}

/// When a screen's derived data was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stamp {
    /// Not yet: build before showing.
    #[default]
    Never,
    At(Revision),
    /// Built inside the screen's own update from the session as it is now (the editor
    /// needs its new numbering at once); good for the revision the root gives that change.
    Current,
}

impl Stamp {
    /// Whether data with this stamp must be rebuilt to show `revision`.
    pub fn behind(self, revision: Revision) -> bool {
        match self {
            Stamp::Never => true,
            Stamp::At(at) => at != revision,
            Stamp::Current => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_is_behind_exactly_when_the_session_moved_since() {
        let opened = Revision::default();
        assert!(Stamp::Never.behind(opened));
        assert!(!Stamp::At(opened).behind(opened));
        assert!(Stamp::At(opened).behind(opened.next()));
        assert!(!Stamp::Current.behind(opened.next()));
        assert_ne!(opened, opened.next());
    }
}
