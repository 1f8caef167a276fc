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
//! Kept paragraphs are in the order last printed: an edit moves a paragraph a few
//! places at most, so the walk finds nearly every paragraph at or next to where it
//! expects it, reading one compact list; only a paragraph moved far is looked up by id.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::core::intervention::InterventionId;
use crate::core::layout::{Paragraph, ParagraphId};
use crate::core::participant::ParticipantId;
use crate::core::shared::Shared;

use super::model::{Content, Sources};

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
}

/// One paragraph as printed.
#[derive(Debug)]
pub struct Kept {
    pub content: Content,
    pub sources: Sources,
    /// `{Name}`s in its template that name nobody.
    pub unknown: Vec<String>,
    /// Whom it mentioned, and whether for the first time.
    pub mentioned: Vec<(ParticipantId, bool)>,
    /// Whether it prints at all (it may come out empty).
    pub prints: bool,
    pub generated: bool,
}

/// The memo being built by one assembly, from the memo of the one before.
pub struct Walk {
    old: Memo,
    new: Memo,
}

impl Memo {
    /// How many paragraphs the last assembly took from the memo (for tests and figures).
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// Starts an assembly with the statements left out as they are now: a change there
    /// changes thematic openings anywhere, so the memo then starts empty.
    pub(super) fn walk(&mut self, excluded: &[InterventionId]) -> Walk {
        let mut old = std::mem::take(self);
        if old.excluded != excluded {
            old = Memo::default();
        }
        let capacity = old.paragraphs.len();
        Walk {
            old,
            new: Memo {
                excluded: excluded.to_vec(),
                paragraphs: Vec::with_capacity(capacity),
                kept: Vec::with_capacity(capacity),
                ..Memo::default()
            },
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

impl Walk {
    /// The paragraph as printed last time, if it is unchanged; `reusable` says whether
    /// its mentions still hold where it is now.
    pub fn get(
        &mut self,
        p: &Shared<Paragraph>,
        reusable: impl FnOnce(&Kept) -> bool,
    ) -> Option<Arc<Kept>> {
        let i = self.old.find(p)?;
        let same = self.old.paragraphs.get(i).is_some_and(|q| q == p);
        let kept = self.old.kept.get(i).filter(|k| same && reusable(k))?;
        self.new.reused += 1;
        Some(kept.clone())
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

    pub fn finish(self) -> Memo {
        self.new
    }
}
