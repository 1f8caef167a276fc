//! What an editor does to the report's paragraphs, as data: every operation is an [`Op`]
//! applied to the session's layout, and [`History`] keeps the layouts before each one
//! for undo and redo. Pure: no window, no file.

use crate::core::intervention::InterventionId;
use crate::core::layout::{ChapterKey, Deleted, Layout, Paragraph, ParagraphId, Place};
use crate::core::layout_carry::{Kept, carry};
use crate::core::session::Session;
use crate::core::shared::Shared;
use crate::core::text::{clean, clean_line};

use super::assemble::paragraph_template;
use super::template::{Keys, THEME, split_point};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// One place up; from the top of a chapter to the end of the one before.
    MoveUp(ParagraphId),
    /// One place down; from the end of a chapter to the top of the next.
    MoveDown(ParagraphId),
    /// Just before another paragraph (Ctrl+G).
    MoveBefore {
        id: ParagraphId,
        target: ParagraphId,
    },
    /// Into another paragraph's place (drag and drop): after it when coming from above.
    DropOn {
        id: ParagraphId,
        target: ParagraphId,
    },
    /// To the end of a chapter.
    MoveToChapter {
        id: ParagraphId,
        chapter: ChapterKey,
    },
    /// The paragraph and the next one become one.
    MergeWithNext(ParagraphId),
    /// Two paragraphs, cut at this character of the template.
    Split {
        id: ParagraphId,
        at: usize,
    },
    Delete(ParagraphId),
    Restore(ParagraphId),
    /// A new empty paragraph after this one.
    InsertAfter(ParagraphId),
    SetText {
        id: ParagraphId,
        text: String,
    },
    /// A generated or automatic paragraph becomes editable text.
    Freeze(ParagraphId),
    /// Back to the generator or to the notes.
    Regenerate(ParagraphId),
    Exclude(InterventionId),
    Include(InterventionId),
    /// One thematic paragraph from these paragraphs' interventions, in the first one's place.
    Group(Vec<ParagraphId>),
    AddFootnote {
        id: ParagraphId,
        text: String,
    },
    RemoveFootnote {
        id: ParagraphId,
        index: usize,
    },
    /// A paragraph written here becomes a subheading ("A.", "B."), or a paragraph again.
    ToggleHeading(ParagraphId),
}

impl Op {
    /// The paragraph this works on: an editor working on it is the look a team
    /// session's conflict mark asks for.
    fn works_on(&self) -> Option<ParagraphId> {
        match self {
            Op::MoveUp(id)
            | Op::MoveDown(id)
            | Op::MoveBefore { id, .. }
            | Op::DropOn { id, .. }
            | Op::MoveToChapter { id, .. }
            | Op::SetText { id, .. }
            | Op::Freeze(id)
            | Op::Regenerate(id)
            | Op::Split { id, .. }
            | Op::MergeWithNext(id)
            | Op::AddFootnote { id, .. }
            | Op::RemoveFootnote { id, .. }
            | Op::ToggleHeading(id) => Some(*id),
            _ => None,
        }
    }

    /// For messages: "Undid: move".
    pub fn label(&self) -> &'static str {
        match self {
            Op::MoveUp(_)
            | Op::MoveDown(_)
            | Op::MoveBefore { .. }
            | Op::DropOn { .. }
            | Op::MoveToChapter { .. } => "move",
            Op::MergeWithNext(_) => "merge",
            Op::Split { .. } => "split",
            Op::Delete(_) => "delete",
            Op::Restore(_) => "restore",
            Op::InsertAfter(_) => "new paragraph",
            Op::SetText { .. } => "typing",
            Op::Freeze(_) => "freeze",
            Op::Regenerate(_) => "regenerate",
            Op::Exclude(_) => "exclude",
            Op::Include(_) => "include",
            Op::Group(_) => "group",
            Op::AddFootnote { .. } => "add footnote",
            Op::RemoveFootnote { .. } => "remove footnote",
            Op::ToggleHeading(_) => "subheading",
        }
    }
}

/// A paragraph the report generates, merged or grouped into another, is kept among the
/// deleted ones: the report must not generate it again (its text is in the other now),
/// and it can be restored. Its statements and footnotes went with it.
fn retire(layout: &mut Layout, (c, i): Place, gone: &Paragraph) -> Result<(), String> {
    if gone.generated.is_none() {
        return Ok(());
    }
    let chapter = layout.chapters.get(c).ok_or_else(missing)?.key;
    layout.deleted.push(Deleted {
        chapter,
        index: i,
        paragraph: Paragraph {
            sources: Vec::new(),
            footnotes: Vec::new(),
            ..gone.clone()
        },
    });
    Ok(())
}

fn missing() -> String {
    "That paragraph is no longer in the report.".into()
}

/// Applies one operation to the session's layout. Returns the paragraph to select
/// afterwards. On error nothing has changed.
pub fn apply(session: &mut Session, op: &Op) -> Result<ParagraphId, String> {
    let resolved = session.layout.resolve(session);
    apply_resolved(session, resolved, op)
}

/// [`apply`] to `layout`, the session's layout already resolved against the session as
/// it is now (the editor keeps one): no second resolution. The session's layout is
/// resolved afterwards too.
pub fn apply_resolved(
    session: &mut Session,
    mut layout: Layout,
    op: &Op,
) -> Result<ParagraphId, String> {
    let selected = change(session, &mut layout, op)?;
    if let Some(id) = op.works_on()
        && layout.paragraph(id).is_some_and(|p| !p.conflict.is_empty())
        && let Some(p) = layout.paragraph_mut(id)
    {
        p.conflict.clear();
    }
    session.moved.0 = match op {
        Op::MoveUp(id)
        | Op::MoveDown(id)
        | Op::MoveBefore { id, .. }
        | Op::DropOn { id, .. }
        | Op::MoveToChapter { id, .. } => Some(*id),
        _ => None,
    };
    // Every other operation keeps each statement placed exactly once by construction.
    if matches!(op, Op::Exclude(_) | Op::Include(_)) {
        layout = layout.resolve(session);
    }
    session.layout = layout.into();
    Ok(selected)
}

/// The paragraphs of the chapter at this place; places come from [`Layout::find`], so a
/// miss means the layout changed under the operation.
fn paras(layout: &mut Layout, c: usize) -> Result<&mut Vec<Shared<Paragraph>>, String> {
    layout
        .chapters
        .get_mut(c)
        .map(|chapter| &mut chapter.paragraphs)
        .ok_or_else(missing)
}

fn take(
    layout: &mut Layout,
    id: ParagraphId,
) -> Result<(Shared<Paragraph>, (usize, usize)), String> {
    let (c, i) = layout.find(id).ok_or_else(missing)?;
    Ok((paras(layout, c)?.remove(i), (c, i)))
}

fn change(session: &Session, layout: &mut Layout, op: &Op) -> Result<ParagraphId, String> {
    // Names are needed only to write templates out (merge, split, freeze).
    let keys = || Keys::new(session);
    match op {
        Op::MoveUp(id) => {
            let (c, i) = layout.find(*id).ok_or_else(missing)?;
            if i > 0 {
                paras(layout, c)?.swap(i, i - 1);
            } else if c > 0 {
                let p = paras(layout, c)?.remove(i);
                paras(layout, c - 1)?.push(p);
            } else {
                return Err("This is already the first paragraph.".into());
            }
            Ok(*id)
        }
        Op::MoveDown(id) => {
            let (c, i) = layout.find(*id).ok_or_else(missing)?;
            if i + 1 < paras(layout, c)?.len() {
                paras(layout, c)?.swap(i, i + 1);
            } else if c + 1 < layout.chapters.len() {
                let p = paras(layout, c)?.remove(i);
                paras(layout, c + 1)?.insert(0, p);
            } else {
                return Err("This is already the last paragraph.".into());
            }
            Ok(*id)
        }
        Op::MoveBefore { id, target } | Op::DropOn { id, target } => {
            if id == target {
                return Ok(*id);
            }
            let from = layout.find(*id).ok_or_else(missing)?;
            let to = layout.find(*target).ok_or_else(missing)?;
            let (p, _) = take(layout, *id)?;
            let (c, mut i) = layout.find(*target).ok_or_else(missing)?;
            if matches!(op, Op::DropOn { .. }) && from < to {
                i += 1;
            }
            paras(layout, c)?.insert(i, p);
            Ok(*id)
        }
        Op::MoveToChapter { id, chapter } => {
            let c = layout
                .chapter_index(*chapter)
                .ok_or("That chapter is no longer in the report.")?;
            let (p, _) = take(layout, *id)?;
            paras(layout, c)?.push(p);
            Ok(*id)
        }
        Op::MergeWithNext(id) => {
            let (c, i) = layout.find(*id).ok_or_else(missing)?;
            let next = if i + 1 < paras(layout, c)?.len() {
                (c, i + 1)
            } else {
                ((c + 1)..layout.chapters.len())
                    .find(|n| {
                        layout
                            .chapters
                            .get(*n)
                            .is_some_and(|ch| !ch.paragraphs.is_empty())
                    })
                    .map(|n| (n, 0))
                    .ok_or("The last paragraph has no next paragraph to merge with.")?
            };
            let second = paras(layout, next.0)?.remove(next.1).into_inner();
            let first = paras(layout, c)?.get(i).ok_or_else(missing)?;
            let both_notes = first.text.is_none()
                && first.generated.is_none()
                && second.text.is_none()
                && second.generated.is_none();
            let text = if both_notes {
                None
            } else {
                let keys = keys();
                let a = paragraph_template(session, &keys, first);
                let b = paragraph_template(session, &keys, &second);
                Some(
                    format!("{} {}", a.trim_end(), b.trim_start())
                        .trim()
                        .to_string(),
                )
            };
            // The first keeps its kind (a generated paragraph, its text now written).
            retire(layout, next, &second)?;
            let first = paras(layout, c)?.get_mut(i).ok_or_else(missing)?;
            first.text = text;
            for s in second.sources {
                if !first.sources.contains(&s) {
                    first.sources.push(s);
                }
            }
            first.footnotes.extend(second.footnotes);
            Ok(*id)
        }
        Op::Split { id, at } => {
            let (c, i) = layout.find(*id).ok_or_else(missing)?;
            let template = paragraph_template(
                session,
                &keys(),
                paras(layout, c)?.get(i).ok_or_else(missing)?,
            );
            let cut = split_point(&template, *at);
            let (a, b) = template
                .split_at_checked(cut)
                .unwrap_or((template.as_str(), ""));
            let (a, b) = (a.trim_end(), b.trim_start());
            if a.is_empty() || b.is_empty() {
                return Err(
                    "Put the cursor inside the text, where the new paragraph should begin.".into(),
                );
            }
            let mut second = layout.new_paragraph(None, Vec::new());
            let first = paras(layout, c)?.get_mut(i).ok_or_else(missing)?;
            second.sources = first.sources.clone();
            second.text = Some(b.to_string());
            second.footnotes = std::mem::take(&mut first.footnotes);
            // The first part keeps its kind (a generated paragraph, its text now
            // written): else the report would generate it again.
            first.text = Some(a.to_string());
            let new = second.id;
            paras(layout, c)?.insert(i + 1, second.into());
            Ok(new)
        }
        Op::Delete(id) => {
            let (paragraph, (c, i)) = take(layout, *id)?;
            let chapter = layout.chapters.get(c).ok_or_else(missing)?.key;
            let left = paras(layout, c)?;
            let next = left
                .get(i)
                .or_else(|| i.checked_sub(1).and_then(|j| left.get(j)))
                .map(|p| p.id)
                .unwrap_or(*id);
            layout.deleted.push(Deleted {
                chapter,
                index: i,
                paragraph: paragraph.into_inner(),
            });
            Ok(next)
        }
        Op::Restore(id) => {
            let n = layout
                .deleted
                .iter()
                .position(|d| d.paragraph.id == *id)
                .ok_or("That paragraph is not among the deleted ones.")?;
            let d = layout.deleted.remove(n);
            let c = layout
                .chapter_index(d.chapter)
                .unwrap_or(layout.chapters.len().saturating_sub(1));
            let Ok(list) = paras(layout, c) else {
                // A layout always has chapters; if not, the paragraph stays deleted.
                layout.deleted.insert(n, d);
                return Err(missing());
            };
            let index = d.index.min(list.len());
            list.insert(index, d.paragraph.into());
            Ok(*id)
        }
        Op::InsertAfter(id) => {
            let (c, i) = layout.find(*id).ok_or_else(missing)?;
            let mut p = layout.new_paragraph(None, Vec::new());
            p.text = Some(String::new());
            let new = p.id;
            paras(layout, c)?.insert(i + 1, p.into());
            Ok(new)
        }
        Op::SetText { id, text } => {
            let p = layout.paragraph_mut(*id).ok_or_else(missing)?;
            p.text = Some(clean(text));
            Ok(*id)
        }
        Op::Freeze(id) => {
            let p = layout.paragraph(*id).ok_or_else(missing)?;
            let text = paragraph_template(session, &keys(), p);
            layout.paragraph_mut(*id).ok_or_else(missing)?.text = Some(text);
            Ok(*id)
        }
        Op::ToggleHeading(id) => {
            let p = layout.paragraph_mut(*id).ok_or_else(missing)?;
            if !p.sources.is_empty() || p.generated.is_some() {
                return Err("Only a paragraph written here can be a subheading: insert one (Ctrl+I), type the subheading's title, then Ctrl+H.".into());
            }
            p.heading = !p.heading;
            Ok(*id)
        }
        Op::Regenerate(id) => {
            let p = layout.paragraph_mut(*id).ok_or_else(missing)?;
            if p.generated.is_none() && p.sources.is_empty() {
                return Err(
                    "This paragraph was written by hand: there is nothing to regenerate it from."
                        .into(),
                );
            }
            p.text = None;
            Ok(*id)
        }
        Op::Exclude(intervention) => {
            if !layout.excluded.contains(intervention) {
                layout.excluded.push(*intervention);
            }
            let holder = layout
                .paragraphs()
                .find(|p| p.sources.contains(intervention))
                .map(|p| p.id);
            Ok(holder.unwrap_or(0))
        }
        Op::Include(intervention) => {
            layout.excluded.retain(|i| i != intervention);
            Ok(0)
        }
        Op::Group(ids) => {
            // Only paragraphs holding statements are grouped: one the report generates
            // (or a subheading) stays where it is.
            let mut places: Vec<(usize, usize, ParagraphId)> = ids
                .iter()
                .filter(|id| {
                    layout
                        .paragraph(**id)
                        .is_some_and(|p| !p.sources.is_empty())
                })
                .filter_map(|id| layout.find(*id).map(|(c, i)| (c, i, *id)))
                .collect();
            places.sort();
            places.dedup();
            if places.len() < 2 {
                return Err(
                    "Select at least two paragraphs holding statements to group (Space marks a paragraph).".into(),
                );
            }
            let mut sources = Vec::new();
            for (_, _, id) in &places {
                for s in &layout.paragraph(*id).ok_or_else(missing)?.sources {
                    if !sources.contains(s) {
                        sources.push(*s);
                    }
                }
            }
            if sources.is_empty() {
                return Err("The selected paragraphs hold no statements to group.".into());
            }
            let mut group = layout.new_paragraph(None, sources);
            group.text = Some(format!("{THEME} "));
            let new = group.id;
            let Some(&(c, i, _)) = places.first() else {
                return Err(missing());
            };
            for (c, i, id) in places.iter().rev() {
                let (taken, _) = take(layout, *id)?;
                retire(layout, (*c, *i), &taken)?;
            }
            let list = paras(layout, c)?;
            let index = i.min(list.len());
            list.insert(index, group.into());
            Ok(new)
        }
        Op::AddFootnote { id, text } => {
            let text = clean_line(text);
            if text.is_empty() {
                return Err(
                    "Type the footnote's text first (a document symbol, an address or a sentence)."
                        .into(),
                );
            }
            layout
                .paragraph_mut(*id)
                .ok_or_else(missing)?
                .footnotes
                .push(text);
            Ok(*id)
        }
        Op::RemoveFootnote { id, index } => {
            let p = layout.paragraph_mut(*id).ok_or_else(missing)?;
            if *index >= p.footnotes.len() {
                return Err("That footnote is already gone.".into());
            }
            p.footnotes.remove(*index);
            Ok(*id)
        }
    }
}

/// Undo and redo for the whole time a session is open. A step keeps the layout before
/// and after it; when nothing else changed the layout since (the usual case) undo puts
/// back the layout before exactly, else it takes back only what the step did
/// (`core::layout_carry`): a team session merges other editors' work in at any moment.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Typing in one paragraph is one step until something else happens.
    typing: Option<ParagraphId>,
    /// What the last undo or redo left as others had changed it since.
    kept: Kept,
}

#[derive(Debug)]
struct Step {
    before: Shared<Layout>,
    after: Shared<Layout>,
    label: &'static str,
    /// The paragraph the step moved, if it was a move.
    moving: Option<ParagraphId>,
}

impl History {
    pub fn apply(&mut self, session: &mut Session, op: &Op) -> Result<ParagraphId, String> {
        let resolved = session.layout.resolve(session);
        self.apply_resolved(session, resolved, op)
    }

    /// [`History::apply`] from the layout already resolved (see [`apply_resolved`]);
    /// undo still brings back the session's layout exactly as it was.
    pub fn apply_resolved(
        &mut self,
        session: &mut Session,
        resolved: Layout,
        op: &Op,
    ) -> Result<ParagraphId, String> {
        let before = session.layout.clone();
        let selected = apply_resolved(session, resolved, op)?;
        let typing = match op {
            Op::SetText { id, .. } => Some(*id),
            _ => None,
        };
        let same_burst = typing.is_some() && typing == self.typing;
        if session.layout != before {
            match self.undo.last_mut() {
                // Typing goes on in one step, unless something else changed the layout
                // since the last keystroke (another editor's work merged in): the step
                // must not swallow it.
                Some(step) if same_burst && step.after == before => {
                    step.after = session.layout.clone();
                }
                _ => {
                    self.undo.push(Step {
                        before,
                        after: session.layout.clone(),
                        label: op.label(),
                        moving: session.moved.0,
                    });
                    self.redo.clear();
                }
            }
        }
        self.typing = typing;
        Ok(selected)
    }

    /// Takes back the last change; returns what was undone.
    pub fn undo(&mut self, session: &mut Session) -> Option<&'static str> {
        let step = self.undo.pop()?;
        self.kept = carry_over(session, &step.after, &step.before, step.moving);
        let label = step.label;
        self.redo.push(step);
        self.typing = None;
        Some(label)
    }

    pub fn redo(&mut self, session: &mut Session) -> Option<&'static str> {
        let step = self.redo.pop()?;
        self.kept = carry_over(session, &step.before, &step.after, step.moving);
        let label = step.label;
        self.undo.push(step);
        self.typing = None;
        Some(label)
    }

    /// Paragraphs the last undo or redo left as another editor had changed them.
    pub fn kept(&self) -> &Kept {
        &self.kept
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Ends a typing burst: the next keystroke starts a new undo step.
    pub fn break_typing(&mut self) {
        self.typing = None;
    }
}

/// The change from `from` to `to` made in the session's layout as it is now. A layout
/// not edited yet (the report in speaking order) is taken as the report shows it: the
/// first step only writes down what was shown, and that is no change to carry.
fn carry_over(
    session: &mut Session,
    from: &Shared<Layout>,
    to: &Shared<Layout>,
    moving: Option<ParagraphId>,
) -> Kept {
    if session.layout == *from {
        session.layout = to.clone();
        return Kept::default();
    }
    let shown = |layout: &Shared<Layout>| -> Shared<Layout> {
        if layout.is_edited() {
            layout.clone()
        } else {
            Shared::new(layout.resolve(session))
        }
    };
    let (from, to) = (shown(from), shown(to));
    carry(&mut session.layout, &from, &to, moving)
}
