//! The report's paragraph layout as the editor leaves it: which paragraphs, in which
//! chapter, in which order, with which text. Kept in the session file.
//!
//! An empty layout means "not edited yet": the report follows speaking order. Whatever
//! the editor stored, [`Layout::resolve`] brings it in line with the session (a statement
//! logged after editing began is appended to its chapter; a deleted intervention leaves
//! the paragraphs that held it), so capture and editing can go on side by side.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::intervention::{Intervention, InterventionId};
use super::meeting::SegmentKind;
use super::session::Session;

pub type ParagraphId = u32;

/// The chapters of a summary report: the introduction, then one per segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChapterKey {
    Introduction,
    Segment(u32),
}

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

/// A paragraph the report writes itself from the session's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Generated {
    /// "Pursuant to ..., the Council convened ... chaired by ..."
    Introduction,
    /// "As requested in the resolution, the present report summarizes ..."
    Request,
    /// "... delivered opening statements." (for one segment)
    Opening(u32),
    /// "The panel discussion was moderated by ..., with the participation of ..."
    Panel(u32),
    /// Who took the floor and who was not heard.
    Participation(u32),
    /// Which NGOs took the floor.
    Ngos(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: ParagraphId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Generated>,
    /// The logged interventions this paragraph came from (its provenance).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<InterventionId>,
    /// The editor's text, a template where `{Name}` stands for a person or delegation
    /// named as the drafting rules want at that place. None: written automatically
    /// (from the notes, or by the generator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Footnotes the editor attached (document symbol, address, free text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
}

impl Paragraph {
    pub fn is_automatic(&self) -> bool {
        self.text.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub key: ChapterKey,
    pub paragraphs: Vec<Paragraph>,
}

/// A deleted paragraph, kept so that it can be restored where it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deleted {
    pub chapter: ChapterKey,
    pub index: usize,
    pub paragraph: Paragraph,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Layout {
    pub chapters: Vec<Chapter>,
    /// Interventions left out of the report (still in the log).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<InterventionId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Deleted>,
    pub next_id: ParagraphId,
}

/// Where a paragraph sits: chapter index, index in the chapter.
pub type Place = (usize, usize);

impl Layout {
    pub fn is_edited(&self) -> bool {
        !self.chapters.is_empty()
    }

    /// Nothing to write to the file.
    pub fn is_unused(&self) -> bool {
        self.chapters.is_empty() && self.excluded.is_empty() && self.deleted.is_empty()
    }

    fn new_id(&mut self) -> ParagraphId {
        let id = self.next_id.max(1);
        // At the type's limit (a file may say so), the smallest free id is next.
        self.next_id = match id.checked_add(1) {
            Some(next) => next,
            None => super::ids::smallest_free(
                self.paragraphs()
                    .chain(self.deleted.iter().map(|d| &d.paragraph))
                    .map(|p| p.id)
                    .chain([id]),
            ),
        };
        id
    }

    pub fn new_paragraph(
        &mut self,
        generated: Option<Generated>,
        sources: Vec<InterventionId>,
    ) -> Paragraph {
        Paragraph {
            id: self.new_id(),
            generated,
            sources,
            text: None,
            footnotes: Vec::new(),
        }
    }

    pub fn find(&self, id: ParagraphId) -> Option<Place> {
        self.chapters.iter().enumerate().find_map(|(c, chapter)| {
            chapter
                .paragraphs
                .iter()
                .position(|p| p.id == id)
                .map(|i| (c, i))
        })
    }

    pub fn paragraph(&self, id: ParagraphId) -> Option<&Paragraph> {
        self.paragraphs().find(|p| p.id == id)
    }

    pub fn paragraph_mut(&mut self, id: ParagraphId) -> Option<&mut Paragraph> {
        self.chapters
            .iter_mut()
            .flat_map(|c| c.paragraphs.iter_mut())
            .find(|p| p.id == id)
    }

    pub fn chapter_index(&self, key: ChapterKey) -> Option<usize> {
        self.chapters.iter().position(|c| c.key == key)
    }

    /// All paragraphs in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.chapters.iter().flat_map(|c| c.paragraphs.iter())
    }

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
                p.sources.retain(keep);
                !(had && p.sources.is_empty() && p.text.is_none() && p.generated.is_none())
            });
        }
        for d in &mut out.deleted {
            d.paragraph.sources.retain(|id| existing.contains(id));
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
                chapter.paragraphs.insert(index, paragraph);
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
            .collect();
        loose.sort_by_key(|i| (i.started_at, i.id));
        for i in loose {
            let paragraph = out.new_paragraph(None, vec![i.id]);
            let c = out
                .chapter_index(ChapterKey::Segment(i.segment))
                .unwrap_or(out.chapters.len().saturating_sub(1));
            if let Some(chapter) = out.chapters.get_mut(c) {
                chapter.paragraphs.push(paragraph);
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
            paragraphs: vec![p],
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
