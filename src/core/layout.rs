//! The report's paragraph layout as the editor leaves it: which paragraphs, in which
//! chapter, in which order, with which text. Kept in the session file.
//!
//! An empty layout means "not edited yet": the report follows speaking order. Whatever
//! the editor stored, `Layout::resolve` (in `layout_resolve.rs`) brings it in line with the session (a statement
//! logged after editing began is appended to its chapter; a deleted intervention leaves
//! the paragraphs that held it), so capture and editing can go on side by side.

use serde::{Deserialize, Serialize};

use super::intervention::InterventionId;
use super::shared::Shared;

pub type ParagraphId = u32;

/// The chapters of a summary report: the introduction, then one per segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChapterKey {
    Introduction,
    Segment(u32),
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
    /// A subheading under the chapter ("A.", "B." ...): its text is the title; it is
    /// not numbered and holds no statements.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
    /// In a team session: the devices whose editors changed it at the same moment (both
    /// changes merged), until an editor works on its text. Never printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflict: Vec<String>,
}

impl Paragraph {
    pub fn is_automatic(&self) -> bool {
        self.text.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub key: ChapterKey,
    /// Shared with earlier copies of the layout (undo, saves) until changed.
    pub paragraphs: Vec<Shared<Paragraph>>,
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
            heading: false,
            conflict: Vec::new(),
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
            .map(|p| &mut **p)
    }

    pub fn chapter_index(&self, key: ChapterKey) -> Option<usize> {
        self.chapters.iter().position(|c| c.key == key)
    }

    /// All paragraphs in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.chapters
            .iter()
            .flat_map(|c| c.paragraphs.iter().map(|p| &**p))
    }
}
