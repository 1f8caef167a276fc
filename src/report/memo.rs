//! Paragraphs as last printed, for [`super::assemble::assemble_summary`] to reuse after
//! an edit, so that moving or rewriting one paragraph of a long report does not print
//! every other one again.
//!
//! A paragraph's words depend on its own template (the same while the paragraph and the
//! rest of the session are unchanged), the statements left out (for thematic openings)
//! and who was already mentioned before it (first mentions carry full titles). So each
//! kept paragraph remembers whom it mentioned and whether for the first time, and is
//! reused only where that still holds.
//!
//! The memo checks for itself what else changed since: the same session data apart
//! from the statements and the layout (names, titles, groups, the meeting, the list of
//! speakers, the report's settings), or it starts empty. When only statements changed
//! (some logged, one corrected), a paragraph written from statements is reused if its
//! own statements are as they were; paragraphs that read the whole log (generated ones,
//! thematic openings) are printed again. So a paragraph is reused exactly when printing
//! it again would give the same words.
//!
//! Kept paragraphs are in the order last printed: an edit moves a paragraph a few
//! places at most, so the walk finds nearly every paragraph at or next to where it
//! expects it, reading one compact list; only a paragraph moved far is looked up by id.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::core::intervention::{Intervention, InterventionId};
use crate::core::layout::{Paragraph, ParagraphId};
use crate::core::participant::ParticipantId;
use crate::core::session::Session;
use crate::core::shared::Shared;

use super::model::{Content, Sources};
use super::template::Keys;

/// How far from where it was expected a paragraph is looked for before asking by id.
const NEAR: usize = 4;

#[derive(Debug, Default)]
pub struct Memo {
    /// The statements left out when these were printed.
    pub(super) excluded: Vec<InterventionId>,
    /// The layout's paragraphs in the order printed (compared by address first).
    paragraphs: Vec<Shared<Paragraph>>,
    kept: Vec<Arc<Kept>>,
    /// Id -> place in the lists above, built only when a paragraph moved far.
    at: Option<FxHashMap<ParagraphId, usize>>,
    /// Where the walk expects the next paragraph.
    cursor: usize,
    reused: usize,
    /// The session these were printed from, its layout left out. Its statements are
    /// shared with the session (reference counts, not copies); its names and settings
    /// are what the next assembly compares.
    printed_from: Option<Session>,
}

/// One paragraph as printed.
#[derive(Debug)]
pub struct Kept {
    pub content: Content,
    pub sources: Sources,
    /// `{Name}`s in its template that name nobody.
    pub unknown: Vec<String>,
    /// Speakers whose statement prints as its own sentence naming nobody.
    pub unattributed: Vec<String>,
    /// Whom it mentioned, and whether for the first time.
    pub mentioned: Vec<(ParticipantId, bool)>,
    /// Whether it prints at all (it may come out empty).
    pub prints: bool,
    pub generated: bool,
    /// It read the whole log (a generated paragraph, a thematic opening), not only its
    /// own statements.
    pub whole_log: bool,
}

/// The memo being built by one assembly, from the memo of the one before.
pub struct Walk<'s> {
    old: Memo,
    new: Memo,
    session: &'s Session,
    keys: &'s Keys,
    /// The statements changed since the old memo was printed (see the module comment).
    statements_changed: bool,
    /// Statement id -> place in the old memo's statements, built when first needed.
    old_index: Option<FxHashMap<InterventionId, usize>>,
}

/// The same session data apart from statements and layout: every name, title, group,
/// the meeting's data, the list of speakers and the report's settings.
fn same_context(a: &Session, b: &Session) -> bool {
    a.meeting == b.meeting
        && a.participants == b.participants
        && a.delegations == b.delegations
        && a.groups == b.groups
        && a.segments == b.segments
        && a.inscriptions == b.inscriptions
        && a.report == b.report
}

impl Memo {
    /// How many paragraphs the last assembly took from the memo (for tests and figures).
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// Starts an assembly of `session` with the statements left out as they are now.
    /// A change of those (thematic openings anywhere) or of anything but the statements
    /// and the layout starts the memo empty.
    pub(super) fn walk<'s>(
        &mut self,
        session: &'s Session,
        keys: &'s Keys,
        excluded: &[InterventionId],
    ) -> Walk<'s> {
        let mut old = std::mem::take(self);
        let usable = old.excluded == excluded
            && old
                .printed_from
                .as_ref()
                .is_some_and(|from| same_context(from, session));
        if !usable {
            old = Memo::default();
        }
        let statements_changed = old
            .printed_from
            .as_ref()
            .is_some_and(|from| !Shared::same(&from.interventions, &session.interventions));
        let capacity = old.paragraphs.len();
        Walk {
            old,
            new: Memo {
                excluded: excluded.to_vec(),
                paragraphs: Vec::with_capacity(capacity),
                kept: Vec::with_capacity(capacity),
                ..Memo::default()
            },
            session,
            keys,
            statements_changed,
            old_index: None,
        }
    }

    fn find(&mut self, p: &Shared<Paragraph>) -> Option<usize> {
        let start = self.cursor.saturating_sub(NEAR);
        let end = (self.cursor + NEAR + 1).min(self.paragraphs.len());
        // Same address: the same paragraph, unchanged, without reading it; else the
        // same id (the paragraph was changed in place).
        let near = self.paragraphs.get(start..end).and_then(|list| {
            list.iter()
                .position(|q| Shared::same(q, p))
                .or_else(|| list.iter().position(|q| q.id == p.id))
                .map(|i| start + i)
        });
        let found = near.or_else(|| {
            let paragraphs = &self.paragraphs;
            self.at
                .get_or_insert_with(|| {
                    paragraphs
                        .iter()
                        .enumerate()
                        .map(|(i, q)| (q.id, i))
                        .collect()
                })
                .get(&p.id)
                .copied()
        })?;
        self.cursor = found + 1;
        Some(found)
    }
}

impl Walk<'_> {
    /// The paragraph as printed last time, if it is unchanged and so are the statements
    /// it was written from; `reusable` says whether its mentions still hold where it is.
    pub fn get(
        &mut self,
        p: &Shared<Paragraph>,
        reusable: impl FnOnce(&Kept) -> bool,
    ) -> Option<Arc<Kept>> {
        let i = self.old.find(p)?;
        let same = self.old.paragraphs.get(i).is_some_and(|q| q == p);
        let kept = self.old.kept.get(i).filter(|_| same)?.clone();
        if self.statements_changed && (kept.whole_log || !self.same_statements(&kept.sources)) {
            return None;
        }
        if !reusable(&kept) {
            return None;
        }
        self.new.reused += 1;
        Some(kept)
    }

    /// Whether these statements are as they were when the old memo was printed.
    fn same_statements(&mut self, sources: &[InterventionId]) -> bool {
        let Some(old) = self.old.printed_from.as_ref() else {
            return false;
        };
        let index = self.old_index.get_or_insert_with(|| {
            old.interventions
                .iter()
                .enumerate()
                .map(|(n, i)| (i.id, n))
                .collect()
        });
        let then = |id: &InterventionId| -> Option<&Intervention> {
            index
                .get(id)
                .and_then(|n| old.interventions.get(*n))
                .map(|i| &**i)
        };
        let (session, keys) = (self.session, self.keys);
        let now = |id: &InterventionId| keys.intervention(session, *id);
        sources.iter().all(|id| match then(id) {
            // The same statement in memory (the old list keeps it alive, so an equal
            // address is the same value) or an equal one.
            Some(before) => {
                now(id).is_some_and(|after| std::ptr::eq(after, before) || after == before)
            }
            None => false,
        })
    }

    /// How many paragraphs the last assembly went through (to size the new lists).
    pub fn expected(&self) -> usize {
        self.old.paragraphs.len()
    }

    /// Keeps this paragraph as printed now for the next assembly.
    pub fn keep(&mut self, p: &Shared<Paragraph>, kept: Arc<Kept>) {
        self.new.paragraphs.push(p.clone());
        self.new.kept.push(kept);
    }

    pub fn finish(mut self) -> Memo {
        // The names and settings were found equal to the old memo's: keep those rather
        // than copy them again on every keystroke; only the statements are the new ones.
        self.new.printed_from = Some(match self.old.printed_from.take() {
            Some(from) => Session {
                interventions: self.session.interventions.clone(),
                ..from
            },
            None => Session {
                // Its layout is not what the memo compares: leave it out.
                layout: Shared::default(),
                ..self.session.clone()
            },
        });
        self.new
    }
}
