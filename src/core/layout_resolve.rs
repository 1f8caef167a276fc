//! The layout brought in line with the session it belongs to: chapters follow the
//! segments, sources that no longer exist are dropped, generated paragraphs and new
//! statements find their usual place. Apart from `layout.rs` so that the layout's types
//! do not depend on the session that holds them.

use rustc_hash::FxHashSet as HashSet;

use super::intervention::{Intervention, InterventionId};
use super::layout::{Chapter, ChapterKey, Generated, Layout};
use super::meeting::SegmentKind;
use super::session::Session;

impl ChapterKey {
    /// The chapter's heading: "Introduction", or its segment's title.
    pub fn title(self, session: &Session) -> String {
        match self {
            ChapterKey::Introduction => "Introduction".to_string(),
            ChapterKey::Segment(id) => session
                .segment(id)
                .map(|s| s.title.clone())
                .unwrap_or_default(),
        }
    }
}

impl Layout {
    /// The layout brought in line with the session; see the module comment.
    pub fn resolve(&self, session: &Session) -> Layout {
        let mut out = self.clone();
        // Chapters follow the segments: add missing ones after their predecessor, fold
        // the paragraphs of a removed segment into the last chapter.
        let mut orphans = Vec::new();
        out.chapters.retain_mut(|c| match c.key {
            ChapterKey::Segment(id) if session.segment(id).is_none() => {
                orphans.append(&mut c.paragraphs);
                false
            }
            _ => true,
        });
        // The introduction always exists, so every paragraph has a chapter to land in.
        if out.chapter_index(ChapterKey::Introduction).is_none() {
            out.chapters.insert(
                0,
                Chapter {
                    key: ChapterKey::Introduction,
                    paragraphs: Vec::new(),
                },
            );
        }
        let mut at = out.chapter_index(ChapterKey::Introduction).unwrap_or(0);
        for segment in &session.segments {
            let key = ChapterKey::Segment(segment.id);
            match out.chapter_index(key) {
                Some(i) => at = i,
                None => {
                    at = (at + 1).min(out.chapters.len());
                    out.chapters.insert(
                        at,
                        Chapter {
                            key,
                            paragraphs: Vec::new(),
                        },
                    );
                }
            }
        }
        if let Some(last) = out.chapters.last_mut() {
            last.paragraphs.append(&mut orphans);
        }

        // Sources must exist and not be excluded; an automatic statement paragraph left
        // without any disappears (its text came from them).
        let existing: HashSet<InterventionId> =
            session.interventions.iter().map(|i| i.id).collect();
        out.excluded.retain(|id| existing.contains(id));
        let excluded: HashSet<InterventionId> = out.excluded.iter().copied().collect();
        let keep = |id: &InterventionId| existing.contains(id) && !excluded.contains(id);
        for chapter in &mut out.chapters {
            chapter.paragraphs.retain_mut(|p| {
                let had = !p.sources.is_empty();
                // Only a paragraph that loses a source is changed (and so copied).
                if !p.sources.iter().all(keep) {
                    p.sources.retain(keep);
                }
                !(had && p.sources.is_empty() && p.text.is_none() && p.generated.is_none())
            });
        }
        for d in &mut out.deleted {
            d.paragraph.sources.retain(|id| existing.contains(id));
        }
        // Twins from a team session's merge (two editors laid out the same new statement
        // or generated paragraph at the same moment): an automatic paragraph holding
        // only what paragraphs before it hold already is dropped; text someone wrote
        // is always kept.
        let mut held: HashSet<InterventionId> = HashSet::default();
        let mut generators: HashSet<Generated> = HashSet::default();
        for chapter in &mut out.chapters {
            chapter.paragraphs.retain(|p| {
                let twin = p.text.is_none()
                    && !p.heading
                    && match p.generated {
                        Some(g) => generators.contains(&g),
                        None => !p.sources.is_empty() && p.sources.iter().all(|s| held.contains(s)),
                    };
                held.extend(p.sources.iter().copied());
                generators.extend(p.generated);
                !twin
            });
        }

        // Generated paragraphs the layout does not know yet go to their usual place.
        let known: HashSet<Generated> = out
            .paragraphs()
            .chain(out.deleted.iter().map(|d| &d.paragraph))
            .filter_map(|p| p.generated)
            .collect();
        let wanted = std::iter::once((ChapterKey::Introduction, Generated::Introduction))
            .chain(std::iter::once((
                ChapterKey::Introduction,
                Generated::Request,
            )))
            .chain(session.segments.iter().flat_map(|s| {
                let key = ChapterKey::Segment(s.id);
                match s.kind {
                    SegmentKind::Opening => vec![(key, Generated::Opening(s.id))],
                    SegmentKind::Panel => vec![(key, Generated::Panel(s.id))],
                    SegmentKind::Dialogue => vec![
                        (key, Generated::Participation(s.id)),
                        (key, Generated::Ngos(s.id)),
                    ],
                    _ => vec![],
                }
            }))
            .collect::<Vec<_>>();
        for (key, generated) in wanted {
            if known.contains(&generated) {
                continue;
            }
            let paragraph = out.new_paragraph(Some(generated), Vec::new());
            let c = out.chapter_index(key).unwrap_or(0);
            if let Some(chapter) = out.chapters.get_mut(c) {
                // After the generated paragraphs already leading the chapter.
                let index = chapter
                    .paragraphs
                    .iter()
                    .take_while(|p| p.generated.is_some())
                    .count();
                chapter.paragraphs.insert(index, paragraph.into());
            }
        }

        // Interventions no paragraph holds: appended to their segment's chapter in
        // speaking order.
        let placed: HashSet<InterventionId> = out
            .paragraphs()
            .chain(out.deleted.iter().map(|d| &d.paragraph))
            .flat_map(|p| p.sources.iter().copied())
            .collect();
        let mut loose: Vec<&Intervention> = session
            .interventions
            .iter()
            .filter(|i| !placed.contains(&i.id) && !excluded.contains(&i.id))
            .map(|i| &**i)
            .collect();
        loose.sort_by_key(|i| (i.started_at, i.id));
        for i in loose {
            let paragraph = out.new_paragraph(None, vec![i.id]);
            let c = out
                .chapter_index(ChapterKey::Segment(i.segment))
                .unwrap_or(out.chapters.len().saturating_sub(1));
            if let Some(chapter) = out.chapters.get_mut(c) {
                chapter.paragraphs.push(paragraph.into());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;

    #[test]
    fn unedited_layout_follows_speaking_order_with_generated_paragraphs_first() {
        let s = demo_session();
        let layout = Layout::default().resolve(&s);
        assert_eq!(layout.chapters.len(), 1 + s.segments.len());
        assert_eq!(
            layout.chapters[0].paragraphs[0].generated,
            Some(Generated::Introduction)
        );
        let sources: Vec<InterventionId> = layout
            .paragraphs()
            .flat_map(|p| p.sources.clone())
            .collect();
        assert_eq!(sources.len(), s.interventions.len());
        // Resolving again changes nothing.
        assert_eq!(layout.resolve(&s), layout);
    }

    #[test]
    fn new_interventions_and_removed_ones_are_followed() {
        let mut s = demo_session();
        let mut layout = Layout::default().resolve(&s);
        let last = layout.chapters.last().unwrap().key;
        let removed = s.interventions.remove(0).id;
        layout.excluded.push(s.interventions[0].id);
        let resolved = layout.resolve(&s);
        assert!(resolved.paragraphs().all(|p| !p.sources.contains(&removed)));
        assert!(
            resolved
                .paragraphs()
                .all(|p| !p.sources.contains(&s.interventions[0].id))
        );
        assert_eq!(resolved.chapters.last().unwrap().key, last);
    }

    #[test]
    fn hand_written_paragraphs_survive_a_layout_whose_every_chapter_is_gone() {
        let s = demo_session();
        let mut layout = Layout::default();
        let mut p = layout.new_paragraph(None, Vec::new());
        p.text = Some("Written by the editor.".into());
        // A damaged file: no introduction, one chapter of a segment that does not exist.
        layout.chapters = vec![Chapter {
            key: ChapterKey::Segment(9_999),
            paragraphs: vec![p.into()],
        }];
        let resolved = layout.resolve(&s);
        assert!(
            resolved
                .paragraphs()
                .any(|p| p.text.as_deref() == Some("Written by the editor."))
        );
        assert_eq!(
            resolved.chapters.first().map(|c| c.key),
            Some(ChapterKey::Introduction)
        );
    }
}
