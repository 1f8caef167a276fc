//! The editorial checker in the editor: the findings panel (Ctrl+K), F8 / Shift+F8 to
//! the next or previous finding (its paragraph selected, the words it flags selected in
//! the text box), Ctrl+Shift+F to apply the suggested fix (one undo step), Ctrl+Shift+I
//! to ignore it here (kept with the meeting).

use iced::widget::{Column, button, column, text, text_editor};

use crate::core::session::Session;
use crate::report::assemble::paragraph_template;
use crate::report::checker::{self, Finding};
use crate::report::edit::Op;

use super::{Editor, Effect, Message, Since};
use crate::ui::effect::Save;
use crate::ui::style;

/// How many findings the panel lists around the current one (the rest are counted).
const SHOWN: usize = 40;

/// Where `excerpt` stands in `text` as a whole word (or, for marks and spaces, at all):
/// its byte range.
pub(super) fn locate(text: &str, excerpt: &str) -> Option<(usize, usize)> {
    if excerpt.is_empty() {
        return None;
    }
    let wordy = excerpt.chars().any(char::is_alphanumeric);
    text.match_indices(excerpt)
        .map(|(at, _)| (at, at + excerpt.len()))
        .find(|(start, end)| {
            !wordy
                || (!text
                    .get(..*start)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(char::is_alphanumeric)
                    && !text
                        .get(*end..)
                        .and_then(|a| a.chars().next())
                        .is_some_and(char::is_alphanumeric))
        })
}

/// A byte offset of `text` as the text box's line and column (the text box counts
/// columns in bytes of the line, as its text engine does).
fn position(text: &str, at: usize) -> text_editor::Position {
    let before = text.get(..at).unwrap_or_default();
    let line = before.matches('\n').count();
    let column = before.rsplit('\n').next().map_or(0, str::len);
    text_editor::Position { line, column }
}

/// Reports with more blocks than this are checked when typing pauses, not at every
/// keystroke (at 10,000 paragraphs a check costs more than a frame).
const CHECK_AT_ONCE: usize = 1_500;

/// How long typing must pause before a large report is checked again.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(400);

impl Editor {
    /// Checks the report just built at once when it is small; a large one when typing
    /// pauses (`tick`).
    pub(super) fn check_or_defer(&mut self, session: &Session) {
        if self.report.blocks.len() <= CHECK_AT_ONCE {
            self.check(session);
        } else {
            self.findings_stale = true;
            self.changed_at = Some(std::time::Instant::now());
        }
    }

    /// The app's clock: a large report waiting for its check gets it once typing has
    /// paused.
    pub fn tick(&mut self, session: &Session) {
        if self.findings_stale && self.changed_at.is_none_or(|at| at.elapsed() >= PAUSE) {
            self.check(session);
        }
    }

    /// The findings of the report just built (the memo keeps a re-check to the
    /// paragraphs that changed).
    pub(super) fn check(&mut self, session: &Session) {
        let settings =
            checker::Settings::of(session, crate::core::meeting::ReportKind::PanelSummary);
        self.findings = checker::check_memo(session, &self.report, &settings, &mut self.checker);
        self.findings_stale = false;
        if self.finding.is_some_and(|n| n >= self.findings.len()) {
            self.finding = None;
        }
    }

    pub(super) fn current_finding(&self) -> Option<&Finding> {
        self.finding.and_then(|n| self.findings.get(n))
    }

    /// F8 / Shift+F8: the next or previous finding, its paragraph selected and the words
    /// it flags selected in the text box.
    pub(super) fn step_finding(&mut self, session: &Session, forward: bool) -> Effect {
        let count = self.findings.len();
        if count == 0 {
            return Effect::notice("The checker finds nothing in this report.");
        }
        self.show_findings = true;
        let next = match (self.finding, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(n), true) => (n + 1) % count,
            (Some(n), false) => (n + count - 1) % count,
        };
        self.go_to_finding(session, next)
    }

    pub(super) fn go_to_finding(&mut self, session: &Session, n: usize) -> Effect {
        self.finding = Some(n);
        let Some(finding) = self.findings.get(n).cloned() else {
            return Effect::none();
        };
        let Some(item) = finding.place.item else {
            return Effect::none();
        };
        let task = self.select(session, item);
        let content = self.content.text();
        if let Some((start, end)) = locate(&content, &finding.excerpt) {
            self.content.move_to(text_editor::Cursor {
                position: position(&content, end),
                selection: Some(position(&content, start)),
            });
        }
        // The text box takes the keyboard, so the selection shows and can be typed over.
        Effect {
            task: iced::Task::batch([task, iced::widget::operation::focus(super::TEXT)]),
            ..Effect::default()
        }
    }

    /// Ctrl+Shift+F: the suggestion replaces the words flagged in the paragraph's text,
    /// as one step of the editor's undo.
    pub(super) fn fix_finding(&mut self, session: &mut Session) -> Effect {
        let Some(finding) = self.current_finding().cloned() else {
            return Effect::notice("Go to a finding first (F8).");
        };
        let Some(suggestion) = finding.suggestion.clone() else {
            return Effect::notice(format!(
                "No fix is certain for \"{}\": correct it in the text box.",
                finding.excerpt
            ));
        };
        let (Some(item), Some(keys)) = (finding.place.item, &self.keys) else {
            return Effect::notice("This finding is not in a paragraph of the editor.");
        };
        let Some(template) = self
            .layout_paragraph(item)
            .map(|p| paragraph_template(session, keys, p))
        else {
            return Effect::none();
        };
        let Some((start, end)) = locate(&template, &finding.excerpt) else {
            return Effect::notice(format!(
                "\"{}\" is not in the paragraph's own text (it comes from a name or a generated sentence): correct it where it is written.",
                finding.excerpt
            ));
        };
        let text = format!(
            "{}{suggestion}{}",
            template.get(..start).unwrap_or_default(),
            template.get(end..).unwrap_or_default()
        );
        let effect = self.run(session, Op::SetText { id: item, text });
        // The same place in the list: the next finding is now where this one was.
        self.finding = self
            .finding
            .map(|n| n.saturating_sub(1))
            .filter(|_| !self.findings.is_empty());
        effect
    }

    /// Ctrl+Shift+I: this finding is left alone from now on (kept in the session).
    pub(super) fn ignore_finding(&mut self, session: &mut Session) -> Effect {
        let Some(finding) = self.current_finding().cloned() else {
            return Effect::notice("Go to a finding first (F8).");
        };
        let entry = (finding.rule.id().to_string(), finding.excerpt.clone());
        if !session.report.check.ignored.contains(&entry) {
            session.report.check.ignored.push(entry);
        }
        self.refresh(session, Since::Elsewhere);
        Effect {
            save: Save::Now,
            ..Effect::notice(format!(
                "\"{}\" ({}) is ignored from now on.",
                finding.excerpt,
                finding.rule.id()
            ))
        }
    }

    /// The findings panel: the current one with its rule and fix, then the list around it.
    pub(super) fn findings_panel(&self) -> Column<'_, Message> {
        let mut panel = Column::new().spacing(style::gap::XS).push(
            text(format!(
                "CHECKER: {} (F8 next, Shift+F8 previous, Ctrl+Shift+F fix, Ctrl+Shift+I ignore, Ctrl+K close)",
                crate::ui::widget::counted(self.findings.len(), "finding", "findings")
            ))
            .size(style::size::LABEL)
            .color(style::MUTED),
        );
        // The words by chapter, as the limit counts them.
        let chapters: Vec<String> = self
            .words
            .chapters
            .iter()
            .filter(|(title, _)| !title.is_empty())
            .map(|(title, n)| format!("{title}: {}", checker::thousands(*n)))
            .collect();
        if !chapters.is_empty() {
            panel = panel.push(
                text(format!("Words by chapter: {}", chapters.join(" · ")))
                    .size(style::size::LABEL)
                    .color(style::MUTED),
            );
        }
        if self.findings.is_empty() {
            return panel.push(
                text("Nothing to point out.")
                    .size(style::size::BODY)
                    .color(style::OK),
            );
        }
        if let Some(f) = self.current_finding() {
            let fix = match &f.suggestion {
                Some(s) => format!("\"{}\" -> \"{s}\"", f.excerpt),
                None if f.excerpt.is_empty() => String::new(),
                None => format!("\"{}\"", f.excerpt),
            };
            panel = panel.push(
                column![
                    text(format!("{} · {}", f.place.label, f.rule.id()))
                        .size(style::size::LABEL)
                        .color(style::ACCENT),
                    text(fix).size(style::size::READ),
                    text(f.message.clone()).size(style::size::BODY),
                ]
                .spacing(style::gap::XXS),
            );
        }
        let from = self.finding.unwrap_or(0).saturating_sub(SHOWN / 2);
        for (n, f) in self.findings.iter().enumerate().skip(from).take(SHOWN) {
            let label = match &f.suggestion {
                Some(s) => format!(
                    "{} {}: \"{}\" -> \"{s}\"",
                    f.place.label,
                    f.rule.id(),
                    f.excerpt
                ),
                None if f.excerpt.is_empty() => {
                    format!("{} {}: {}", f.place.label, f.rule.id(), f.message)
                }
                None => format!("{} {}: \"{}\"", f.place.label, f.rule.id(), f.excerpt),
            };
            let row = text(label)
                .size(style::size::LABEL)
                .color(if Some(n) == self.finding {
                    style::ACCENT
                } else if f.severity == checker::Severity::Error {
                    style::ALERT
                } else {
                    style::MUTED
                });
            panel = panel.push(
                button(row)
                    .padding([1, 4])
                    .style(style::plain_row)
                    .on_press(Message::GoToFinding(n)),
            );
        }
        let rest = self.findings.len().saturating_sub(from + SHOWN);
        if rest > 0 {
            panel = panel.push(
                text(format!("… and {rest} more (F8 goes on)"))
                    .size(style::size::LABEL)
                    .color(style::MUTED),
            );
        }
        panel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_found_as_whole_words() {
        assert_eq!(locate("This is it", "is"), Some((5, 7)));
        assert_eq!(locate("a  b", "  "), Some((1, 3)));
        assert_eq!(locate("nothing", "is"), None);
        let p = position("one\ntwo three", 8);
        assert_eq!((p.line, p.column), (1, 4));
        // Bytes: "á" is two.
        let p = position("Izsák UN", 7);
        assert_eq!((p.line, p.column), (0, 7));
    }
}
