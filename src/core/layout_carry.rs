//! Taking back an editor's step on the report's paragraphs, and doing it again, while
//! leaving alone what changed in between: in a team session another editor's moves,
//! texts and deletions merge into the layout at any moment, and undo must not wipe them.
//!
//! A step keeps the layout before and after it; undo carries the difference between
//! after and before over to the layout as it is now ([`carry`]), paragraph by paragraph
//! and field by field, as `log_undo` does for the log.

use rustc_hash::{FxHashMap, FxHashSet};

use super::layout::{Chapter, ChapterKey, Layout, Paragraph, ParagraphId};
use super::order::longest_increasing;
use super::shared::Shared;

struct Indexed<'a> {
    paragraph: &'a Shared<Paragraph>,
    chapter: ChapterKey,
    /// Its place among all the layout's paragraphs.
    at: usize,
}

fn index(layout: &Layout) -> FxHashMap<ParagraphId, Indexed<'_>> {
    let mut out = FxHashMap::default();
    let mut at = 0;
    for chapter in &layout.chapters {
        for p in &chapter.paragraphs {
            out.insert(
                p.id,
                Indexed {
                    paragraph: p,
                    chapter: chapter.key,
                    at,
                },
            );
            at += 1;
        }
    }
    out
}

/// The paragraphs a step from `from` to `to` moved: those that changed chapter, and
/// those outside the longest run of paragraphs still in the same order (so that the
/// neighbours of a moved paragraph do not count as moved, and a later move of theirs
/// by another editor stays). `moving`: the paragraph the step itself moved, when it
/// says (one place up or down could be read either way).
fn moved_by(
    from: &FxHashMap<ParagraphId, Indexed<'_>>,
    to: &Layout,
    moving: Option<ParagraphId>,
) -> FxHashSet<ParagraphId> {
    let order: Vec<(ParagraphId, ChapterKey)> = to
        .chapters
        .iter()
        .flat_map(|c| c.paragraphs.iter().map(move |p| (p.id, c.key)))
        .collect();
    let sequence: Vec<Option<usize>> = order
        .iter()
        .map(|(id, _)| match from.get(id) {
            Some(f) if Some(*id) != moving => Some(f.at),
            _ => None,
        })
        .collect();
    let stay = longest_increasing(&sequence);
    order
        .iter()
        .enumerate()
        .filter(|(n, (id, chapter))| {
            from.get(id)
                .is_some_and(|f| f.chapter != *chapter || !stay.contains(n))
        })
        .map(|(_, (id, _))| *id)
        .collect()
}

/// What [`carry`] left as it found it because it changed after the step.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Kept {
    /// Paragraphs the step removed (merged, deleted) that were changed since: still there.
    pub paragraphs: Vec<ParagraphId>,
    /// Paragraphs whose field the step changed and which was changed since: the later
    /// change stays.
    pub fields: Vec<ParagraphId>,
}

impl Kept {
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty() && self.fields.is_empty()
    }
}

/// Makes in `now` the changes that lead from `from` to `to`: paragraphs added, removed,
/// moved or rewritten, exclusions and deleted paragraphs. What the step did not touch
/// stays as it is now; where the step and a later change touched the same field, or the
/// step removed a paragraph changed since, the later change stays (nothing is lost) and
/// is named in the result.
pub fn carry(now: &mut Layout, from: &Layout, to: &Layout, moving: Option<ParagraphId>) -> Kept {
    let mut kept = Kept::default();
    if *now == *from {
        *now = to.clone();
        return kept;
    }
    let was = index(from);
    let wanted = index(to);
    let moved = moved_by(&was, to, moving);

    // Removed by the step, and fields the step changed.
    for chapter in &mut now.chapters {
        chapter
            .paragraphs
            .retain(|p| match (was.get(&p.id), wanted.get(&p.id)) {
                (Some(f), None) if **p != **f.paragraph => {
                    kept.paragraphs.push(p.id);
                    true
                }
                (Some(_), None) => false,
                _ => true,
            });
        for p in &mut chapter.paragraphs {
            if let (Some(f), Some(t)) = (was.get(&p.id), wanted.get(&p.id))
                && !Shared::same(f.paragraph, t.paragraph)
                && f.paragraph != t.paragraph
                && merge_fields(p, f.paragraph, t.paragraph)
            {
                kept.fields.push(p.id);
            }
        }
    }

    // Added or moved by the step: put where `to` has them, after the nearest paragraph
    // before them that is still there.
    let present: FxHashSet<ParagraphId> = now.paragraphs().map(|p| p.id).collect();
    for chapter in &to.chapters {
        for (n, p) in chapter.paragraphs.iter().enumerate() {
            let placed = match was.get(&p.id) {
                // Moved by the step; a paragraph deleted since stays deleted.
                Some(_) if moved.contains(&p.id) && present.contains(&p.id) => take(now, p.id),
                // Added by the step (a split, a deleted paragraph restored).
                None if !present.contains(&p.id) => Some(p.clone()),
                _ => None,
            };
            if let Some(placed) = placed {
                let before = chapter.paragraphs.get(..n).unwrap_or_default();
                put(now, to, chapter.key, before, placed);
            }
        }
    }

    // The list of deleted paragraphs (for restoring) and the exclusions.
    let in_place: FxHashSet<ParagraphId> = now.paragraphs().map(|p| p.id).collect();
    let deleted_from: FxHashSet<ParagraphId> =
        from.deleted.iter().map(|d| d.paragraph.id).collect();
    let deleted_to: FxHashSet<ParagraphId> = to.deleted.iter().map(|d| d.paragraph.id).collect();
    now.deleted.retain(|d| {
        deleted_to.contains(&d.paragraph.id) || !deleted_from.contains(&d.paragraph.id)
    });
    for d in &to.deleted {
        let id = d.paragraph.id;
        if !deleted_from.contains(&id)
            && !in_place.contains(&id)
            && !now.deleted.iter().any(|n| n.paragraph.id == id)
        {
            now.deleted.push(d.clone());
        }
    }
    now.excluded
        .retain(|i| to.excluded.contains(i) || !from.excluded.contains(i));
    for i in &to.excluded {
        if !from.excluded.contains(i) && !now.excluded.contains(i) {
            now.excluded.push(*i);
        }
    }
    now.next_id = now.next_id.max(to.next_id);
    kept
}

/// Three-way, field by field: a field the step changed takes `to`'s value unless it was
/// changed since. Whether a later change was kept over the step's. A team session's
/// conflict mark is not the step's: it stays as it is now.
fn merge_fields(now: &mut Shared<Paragraph>, from: &Paragraph, to: &Shared<Paragraph>) -> bool {
    if **now == *from {
        *now = to.clone();
        return false;
    }
    let mut kept = false;
    let p: &mut Paragraph = now;
    macro_rules! field {
        ($f:ident) => {
            if from.$f != to.$f {
                if p.$f == from.$f {
                    p.$f = to.$f.clone();
                } else if p.$f != to.$f {
                    kept = true;
                }
            }
        };
    }
    field!(generated);
    field!(sources);
    field!(text);
    field!(footnotes);
    field!(heading);
    kept
}

/// Takes a paragraph out of wherever it is.
fn take(layout: &mut Layout, id: ParagraphId) -> Option<Shared<Paragraph>> {
    let (c, i) = layout.find(id)?;
    let chapter = layout.chapters.get_mut(c)?;
    (i < chapter.paragraphs.len()).then(|| chapter.paragraphs.remove(i))
}

/// Puts a paragraph in chapter `key` after the last of `before` still in that chapter,
/// else first; a chapter `now` lacks is added where `to` has it.
fn put(
    now: &mut Layout,
    to: &Layout,
    key: ChapterKey,
    before: &[Shared<Paragraph>],
    paragraph: Shared<Paragraph>,
) {
    let c = match now.chapter_index(key) {
        Some(c) => c,
        None => {
            let at = to
                .chapters
                .iter()
                .take_while(|c| c.key != key)
                .filter_map(|c| now.chapter_index(c.key))
                .max()
                .map_or(0, |c| c + 1);
            now.chapters.insert(
                at,
                Chapter {
                    key,
                    paragraphs: Vec::new(),
                },
            );
            at
        }
    };
    let Some(chapter) = now.chapters.get_mut(c) else {
        return;
    };
    let at = before
        .iter()
        .rev()
        .find_map(|b| chapter.paragraphs.iter().position(|p| p.id == b.id))
        .map_or(0, |i| i + 1);
    chapter.paragraphs.insert(at, paragraph);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(id: ParagraphId, text: &str) -> Shared<Paragraph> {
        Shared::new(Paragraph {
            id,
            generated: None,
            sources: Vec::new(),
            text: Some(text.into()),
            footnotes: Vec::new(),
            heading: false,
            conflict: Vec::new(),
        })
    }

    fn layout(chapters: &[&[(ParagraphId, &str)]]) -> Layout {
        Layout {
            chapters: chapters
                .iter()
                .enumerate()
                .map(|(c, ps)| Chapter {
                    key: if c == 0 {
                        ChapterKey::Introduction
                    } else {
                        ChapterKey::Segment(c as u32)
                    },
                    paragraphs: ps.iter().map(|(id, t)| paragraph(*id, t)).collect(),
                })
                .collect(),
            next_id: 100,
            ..Layout::default()
        }
    }

    fn ids(l: &Layout) -> Vec<Vec<ParagraphId>> {
        l.chapters
            .iter()
            .map(|c| c.paragraphs.iter().map(|p| p.id).collect())
            .collect()
    }

    fn set_text(l: &mut Layout, id: ParagraphId, text: &str) {
        if let Some(p) = l.paragraph_mut(id) {
            p.text = Some(text.into());
        }
    }

    fn text(l: &Layout, id: ParagraphId) -> Option<String> {
        l.paragraph(id).and_then(|p| p.text.clone())
    }

    #[test]
    fn nothing_changed_since_gives_back_the_layout_exactly() {
        let before = layout(&[&[(1, "a"), (2, "b")]]);
        let mut after = before.clone();
        after.chapters[0].paragraphs.swap(0, 1);
        let mut now = after.clone();
        assert!(carry(&mut now, &after, &before, None).is_empty());
        assert_eq!(now, before);
    }

    #[test]
    fn undoing_my_move_keeps_a_move_and_a_text_from_elsewhere() {
        // Chapter II holds 1, 2, 3; chapter III holds 4, 5.
        let before = layout(&[&[], &[(1, "a"), (2, "b"), (3, "c")], &[(4, "d"), (5, "e")]]);
        // My step: 1 to the end of chapter II.
        let mut after = before.clone();
        let one = after.chapters[1].paragraphs.remove(0);
        after.chapters[1].paragraphs.push(one);
        // Since, elsewhere: 5 moved before 4 and 4 rewritten.
        let mut now = after.clone();
        let five = now.chapters[2].paragraphs.remove(1);
        now.chapters[2].paragraphs.insert(0, five);
        set_text(&mut now, 4, "d, rewritten");
        assert!(carry(&mut now, &after, &before, None).is_empty());
        assert_eq!(ids(&now), vec![vec![], vec![1, 2, 3], vec![5, 4]]);
        assert_eq!(text(&now, 4).as_deref(), Some("d, rewritten"));
        // Redo moves only mine again.
        let undone = now.clone();
        carry(&mut now, &before, &after, None);
        assert_eq!(ids(&now), vec![vec![], vec![2, 3, 1], vec![5, 4]]);
        carry(&mut now, &after, &before, None);
        assert_eq!(now, undone);
    }

    #[test]
    fn a_neighbour_of_my_move_moved_since_by_another_editor_stays_where_they_put_it() {
        let before = layout(&[&[(1, "a"), (2, "b"), (3, "c"), (4, "d"), (5, "e")]]);
        // My step: 2 to the end.
        let mut after = before.clone();
        let two = after.chapters[0].paragraphs.remove(1);
        after.chapters[0].paragraphs.push(two);
        // Since, elsewhere: 3 (which followed 2 before my move) to the end.
        let mut now = after.clone();
        let three = now.chapters[0].paragraphs.remove(1);
        now.chapters[0].paragraphs.push(three);
        assert_eq!(ids(&now), vec![vec![1, 4, 5, 2, 3]]);
        carry(&mut now, &after, &before, Some(2));
        assert_eq!(ids(&now), vec![vec![1, 2, 4, 5, 3]]);
    }

    #[test]
    fn undoing_a_merge_brings_the_paragraph_back_and_keeps_a_later_text() {
        let before = layout(&[&[(1, "a"), (2, "b"), (3, "c")]]);
        let mut after = before.clone();
        after.chapters[0].paragraphs.remove(1);
        set_text(&mut after, 1, "a b");
        // Since: 3 rewritten elsewhere, and 1's footnote added.
        let mut now = after.clone();
        set_text(&mut now, 3, "c2");
        if let Some(p) = now.paragraph_mut(1) {
            p.footnotes.push("A/HRC/1".into());
        }
        let kept = carry(&mut now, &after, &before, None);
        assert!(kept.is_empty(), "{kept:?}");
        assert_eq!(ids(&now), vec![vec![1, 2, 3]]);
        assert_eq!(text(&now, 1).as_deref(), Some("a"));
        assert_eq!(text(&now, 3).as_deref(), Some("c2"));
        assert_eq!(now.paragraph(1).map(|p| p.footnotes.len()), Some(1));
    }

    #[test]
    fn a_later_text_wins_over_the_step_and_is_named() {
        let before = layout(&[&[(1, "a")]]);
        let mut after = before.clone();
        set_text(&mut after, 1, "mine");
        let mut now = after.clone();
        set_text(&mut now, 1, "theirs");
        let kept = carry(&mut now, &after, &before, None);
        assert_eq!(kept.fields, vec![1]);
        assert_eq!(text(&now, 1).as_deref(), Some("theirs"));
    }

    #[test]
    fn redoing_a_split_keeps_a_half_changed_since_and_a_paragraph_deleted_since_stays_deleted() {
        let before = layout(&[&[(1, "a b"), (2, "c")]]);
        let mut after = before.clone();
        set_text(&mut after, 1, "a");
        after.chapters[0].paragraphs.insert(1, paragraph(3, "b"));
        // Undo the split, then elsewhere 2 is deleted; redo.
        let mut now = after.clone();
        carry(&mut now, &after, &before, None);
        assert_eq!(ids(&now), vec![vec![1, 2]]);
        now.chapters[0].paragraphs.retain(|p| p.id != 2);
        carry(&mut now, &before, &after, None);
        assert_eq!(ids(&now), vec![vec![1, 3]]);
        assert_eq!(text(&now, 1).as_deref(), Some("a"));
    }

    #[test]
    fn a_paragraph_my_step_deleted_but_changed_since_is_kept() {
        let before = layout(&[&[(1, "a"), (2, "b")]]);
        let mut now = before.clone();
        set_text(&mut now, 2, "b, rewritten");
        // Redo of a deletion of 2, carried onto a layout where 2 was rewritten.
        let mut after = before.clone();
        after.chapters[0].paragraphs.remove(1);
        let kept = carry(&mut now, &before, &after, None);
        assert_eq!(kept.paragraphs, vec![2]);
        assert_eq!(ids(&now), vec![vec![1, 2]]);
    }
}
