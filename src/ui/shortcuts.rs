//! Every keyboard shortcut of the app, in one table: the key handler, the statement
//! box's key bindings and the help overlay all read it.

use iced::keyboard::{Key, Modifiers, key::Named};

/// What a shortcut asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    FocusPicker,
    FocusNext,
    FocusPrevious,
    Behalf,
    Commit,
    PreviousSegment,
    NextSegment,
    SelectUp,
    SelectDown,
    Pick,
    Cancel,
    Save,
    SaveAs,
    Open,
    New,
    ShowCapture,
    ShowPreview,
    ShowMeeting,
    ShowEditor,
    Export,
    Help,
    /// Make the open session a team session in a folder a file-sync engine carries.
    ShareTeam,
    /// In a team session: my turn to log, or handing over.
    Turn,
    // The editor's own.
    MoveUp,
    MoveDown,
    GoTo,
    Merge,
    Split,
    Insert,
    Delete,
    Mark,
    Group,
    Undo,
    Redo,
    Heading,
    // Capture: steps of the proceedings and the statement's list items.
    LogDecision,
    LogNextStep,
    Suspend,
    TakeChair,
    ListItem,
    Position,
    // The editorial checker, in the editor.
    Findings,
    NextFinding,
    PreviousFinding,
    FixFinding,
    IgnoreFinding,
}

impl Command {
    /// Commands the editor screen answers itself.
    pub fn is_editor(self) -> bool {
        matches!(
            self,
            Command::SelectUp
                | Command::SelectDown
                | Command::Pick
                | Command::Cancel
                | Command::MoveUp
                | Command::MoveDown
                | Command::GoTo
                | Command::Merge
                | Command::Split
                | Command::Insert
                | Command::Delete
                | Command::Mark
                | Command::Group
                | Command::Undo
                | Command::Redo
                | Command::Heading
                | Command::Findings
                | Command::NextFinding
                | Command::PreviousFinding
                | Command::FixFinding
                | Command::IgnoreFinding
        )
    }
}

#[derive(Debug, Clone, Copy)]
enum Trigger {
    Char(&'static str),
    Named(Named),
}

#[derive(Debug, Clone, Copy)]
pub struct Shortcut {
    /// As shown to people: "Ctrl+Enter".
    pub keys: &'static str,
    pub command: Command,
    pub description: &'static str,
    trigger: Trigger,
    ctrl: bool,
    shift: bool,
    alt: bool,
    /// Also fires while the statement box has the focus (which otherwise keeps keys).
    in_text: bool,
}

/// A key with no modifier; `in_text`: also while a text box has the cursor.
const fn plain(
    keys: &'static str,
    trigger: Trigger,
    command: Command,
    description: &'static str,
    in_text: bool,
) -> Shortcut {
    Shortcut {
        keys,
        command,
        description,
        trigger,
        ctrl: false,
        shift: false,
        alt: false,
        in_text,
    }
}

// Chords with Ctrl or Alt act in a text box too (typing is never a chord); Shift+key alone
// does not.
const fn ctrl(k: &'static str, t: Trigger, c: Command, d: &'static str) -> Shortcut {
    Shortcut {
        ctrl: true,
        ..plain(k, t, c, d, true)
    }
}

const fn ctrl_shift(k: &'static str, t: Trigger, c: Command, d: &'static str) -> Shortcut {
    Shortcut {
        shift: true,
        ..ctrl(k, t, c, d)
    }
}

const fn alt(k: &'static str, t: Trigger, c: Command, d: &'static str) -> Shortcut {
    Shortcut {
        alt: true,
        ..plain(k, t, c, d, true)
    }
}

const fn shift(k: &'static str, t: Trigger, c: Command, d: &'static str) -> Shortcut {
    Shortcut {
        shift: true,
        ..plain(k, t, c, d, false)
    }
}

use Trigger::{Char, Named as N};

pub const SHORTCUTS: &[Shortcut] = &[
    ctrl(
        "Ctrl+L",
        Char("l"),
        Command::FocusPicker,
        "Focus the speaker picker",
    ),
    ctrl(
        "Ctrl+B",
        Char("b"),
        Command::Behalf,
        "On behalf of: the group the speaker speaks for (type part of its name, Enter)",
    ),
    plain(
        "Tab / Shift+Tab",
        N(Named::Tab),
        Command::FocusNext,
        "Next / previous field, in reading order",
        false,
    ),
    shift("", N(Named::Tab), Command::FocusPrevious, ""),
    plain(
        "Up / Down",
        N(Named::ArrowUp),
        Command::SelectUp,
        "Move in the picker's list; in the editor, select a paragraph",
        false,
    ),
    plain("", N(Named::ArrowDown), Command::SelectDown, "", false),
    plain(
        "Enter",
        N(Named::Enter),
        Command::Pick,
        "In the picker: pick the speaker and go to the statement; in the editor, edit the paragraph's text",
        false,
    ),
    ctrl(
        "Ctrl+Enter",
        N(Named::Enter),
        Command::Commit,
        "Log the intervention (saved at once) and go back to the picker",
    ),
    ctrl(
        "Ctrl+PageUp",
        N(Named::PageUp),
        Command::PreviousSegment,
        "Previous segment",
    ),
    ctrl(
        "Ctrl+PageDown",
        N(Named::PageDown),
        Command::NextSegment,
        "Next segment",
    ),
    plain(
        "Esc",
        N(Named::Escape),
        Command::Cancel,
        "Close the correction panel, the form, the group filter or the help; back to the statement from a question; leave the paragraph's text",
        true,
    ),
    ctrl(
        "Ctrl+S",
        Char("s"),
        Command::Save,
        "Save now (every change is already saved within a second)",
    ),
    ctrl_shift(
        "Ctrl+Shift+S",
        Char("s"),
        Command::SaveAs,
        "Save as another file",
    ),
    ctrl_shift(
        "Ctrl+Shift+T",
        Char("t"),
        Command::ShareTeam,
        "Share for team capture: make the session a team folder that a file-sync engine keeps in step (the session file stays as it is)",
    ),
    ctrl_shift(
        "Ctrl+Shift+R",
        Char("r"),
        Command::Turn,
        "Team session: my turn to log (every device shows it); again to hand over",
    ),
    ctrl(
        "Ctrl+O",
        Char("o"),
        Command::Open,
        "Open a session (or a team folder's team.json)",
    ),
    ctrl("Ctrl+N", Char("n"), Command::New, "New session"),
    ctrl("Ctrl+1", Char("1"), Command::ShowCapture, "Capture screen"),
    ctrl(
        "Ctrl+2",
        Char("2"),
        Command::ShowEditor,
        "Editor: reorganize the report's paragraphs",
    ),
    ctrl("Ctrl+3", Char("3"), Command::ShowPreview, "Report preview"),
    ctrl(
        "Ctrl+E",
        Char("e"),
        Command::Export,
        "Export the report as DOCX",
    ),
    ctrl(
        "Ctrl+4",
        Char("4"),
        Command::ShowMeeting,
        "Meeting data, segments and participants",
    ),
    alt(
        "Alt+Up / Alt+Down",
        N(Named::ArrowUp),
        Command::MoveUp,
        "Editor: move the paragraph one place (across chapters at the ends)",
    ),
    alt("", N(Named::ArrowDown), Command::MoveDown, ""),
    ctrl(
        "Ctrl+G",
        Char("g"),
        Command::GoTo,
        "Editor: move the paragraph before paragraph number … (type it, then Enter)",
    ),
    ctrl(
        "Ctrl+M",
        Char("m"),
        Command::Merge,
        "Editor: merge the paragraph with the next one",
    ),
    alt(
        "Alt+Enter",
        N(Named::Enter),
        Command::Split,
        "Editor: split the paragraph at the text cursor",
    ),
    ctrl(
        "Ctrl+I",
        Char("i"),
        Command::Insert,
        "Editor: insert a new paragraph after this one",
    ),
    ctrl(
        "Ctrl+Delete",
        N(Named::Delete),
        Command::Delete,
        "Editor: delete the paragraph (restore it from the deleted list, or undo)",
    ),
    plain(
        "Space",
        N(Named::Space),
        Command::Mark,
        "Editor: mark or unmark the paragraph for a thematic group",
        false,
    ),
    ctrl(
        "Ctrl+T",
        Char("t"),
        Command::Group,
        "Editor: make one thematic paragraph of the marked paragraphs",
    ),
    ctrl(
        "Ctrl+H",
        Char("h"),
        Command::Heading,
        "Editor: make the paragraph a subheading (A., B. under the chapter), or a paragraph again",
    ),
    ctrl(
        "Ctrl+Z",
        Char("z"),
        Command::Undo,
        "Undo: on the capture screen the last word, pick, statement logged, correction or deletion; in the editor the last change",
    ),
    ctrl_shift(
        "Ctrl+Shift+Z / Ctrl+Y",
        Char("z"),
        Command::Redo,
        "Redo what Ctrl+Z took back",
    ),
    ctrl("", Char("y"), Command::Redo, ""),
    ctrl(
        "Ctrl+K",
        Char("k"),
        Command::Findings,
        "Editor: show or hide the editorial checker's findings",
    ),
    plain(
        "F8 / Shift+F8",
        N(Named::F8),
        Command::NextFinding,
        "Editor: next / previous finding (selects its paragraph and the words it flags)",
        true,
    ),
    Shortcut {
        in_text: true,
        ..shift("", N(Named::F8), Command::PreviousFinding, "")
    },
    ctrl_shift(
        "Ctrl+Shift+F",
        Char("f"),
        Command::FixFinding,
        "Editor: apply the finding's suggested fix (one undo step)",
    ),
    ctrl_shift(
        "Ctrl+Shift+I",
        Char("i"),
        Command::IgnoreFinding,
        "Editor: ignore the finding here (remembered with the meeting)",
    ),
    ctrl(
        "Ctrl+D",
        Char("d"),
        Command::LogDecision,
        "Capture: log the text as a decision or commitment of this agenda item (numbered in the minutes)",
    ),
    ctrl_shift(
        "Ctrl+Shift+A",
        Char("a"),
        Command::LogNextStep,
        "Capture: log the text as a next step; the speaker picked owns it, a date in it (\"by 21 December 2021\") is its deadline",
    ),
    ctrl(
        "Ctrl+P",
        Char("p"),
        Command::Suspend,
        "Capture: the meeting is suspended now; again: it resumes",
    ),
    ctrl_shift(
        "Ctrl+Shift+C",
        Char("c"),
        Command::TakeChair,
        "Capture: the person picked takes the Chair",
    ),
    ctrl_shift(
        "Ctrl+Shift+L",
        Char("l"),
        Command::ListItem,
        "Statement box: a new list item (a line starting \"- \"; \"- Commitment 2: ...\" is a position on commitment 2)",
    ),
    ctrl_shift(
        "Ctrl+Shift+P",
        Char("p"),
        Command::Position,
        "Statement box: the speaker's position on the latest decision (a line \"- Commitment 3: \")",
    ),
    plain(
        "F1",
        N(Named::F1),
        Command::Help,
        "Show or hide this list",
        true,
    ),
];

impl Shortcut {
    fn matches(&self, key: &Key, modifiers: Modifiers) -> bool {
        if self.ctrl != modifiers.command()
            || self.shift != modifiers.shift()
            || self.alt != modifiers.alt()
        {
            return false;
        }
        match (self.trigger, key.as_ref()) {
            (Trigger::Char(c), Key::Character(k)) => k.eq_ignore_ascii_case(c),
            (Trigger::Named(n), Key::Named(k)) => n == k,
            _ => false,
        }
    }
}

/// The command for a key that no widget used (the picker's own Enter is its submit).
pub fn command_for(key: &Key, modifiers: Modifiers) -> Option<Command> {
    SHORTCUTS
        .iter()
        .find(|s| s.matches(key, modifiers))
        .map(|s| s.command)
}

/// The command for a key pressed inside a multi-line text box, where only chords
/// (and Esc, F1) act as shortcuts so that typing is never taken over.
pub fn command_in_text(key: &Key, modifiers: Modifiers) -> Option<Command> {
    SHORTCUTS
        .iter()
        .filter(|s| s.in_text)
        .find(|s| s.matches(key, modifiers))
        .map(|s| s.command)
}

/// Rows for the help overlay and the README: (keys, description).
pub fn help_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    SHORTCUTS
        .iter()
        .filter(|s| !s.keys.is_empty())
        .map(|s| (s.keys, s.description))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_map_to_commands() {
        let c = |s: &str| Key::Character(s.into());
        assert_eq!(
            command_for(&c("l"), Modifiers::CTRL),
            Some(Command::FocusPicker)
        );
        assert_eq!(
            command_for(&c("L"), Modifiers::CTRL),
            Some(Command::FocusPicker)
        );
        assert_eq!(
            command_for(&c("s"), Modifiers::CTRL | Modifiers::SHIFT),
            Some(Command::SaveAs)
        );
        assert_eq!(command_for(&c("s"), Modifiers::CTRL), Some(Command::Save));
        assert_eq!(command_for(&c("l"), Modifiers::empty()), None);
        assert_eq!(
            command_for(&Key::Named(Named::ArrowDown), Modifiers::empty()),
            Some(Command::SelectDown)
        );
        assert_eq!(
            command_for(&Key::Named(Named::Enter), Modifiers::empty()),
            Some(Command::Pick)
        );
        assert_eq!(
            command_in_text(&Key::Named(Named::Enter), Modifiers::CTRL),
            Some(Command::Commit)
        );
        assert_eq!(
            command_in_text(&Key::Named(Named::Enter), Modifiers::empty()),
            None
        );
        assert_eq!(
            command_in_text(&Key::Named(Named::ArrowUp), Modifiers::empty()),
            None
        );
        assert_eq!(command_in_text(&c("a"), Modifiers::empty()), None);
        assert_eq!(
            command_in_text(&Key::Named(Named::ArrowUp), Modifiers::ALT),
            Some(Command::MoveUp)
        );
        assert_eq!(
            command_for(&Key::Named(Named::ArrowUp), Modifiers::ALT),
            Some(Command::MoveUp)
        );
        assert_eq!(
            command_in_text(&c("Z"), Modifiers::CTRL | Modifiers::SHIFT),
            Some(Command::Redo)
        );
        assert_eq!(
            command_in_text(&c("y"), Modifiers::CTRL),
            Some(Command::Redo)
        );
        assert_eq!(
            command_in_text(&Key::Named(Named::Space), Modifiers::empty()),
            None
        );
    }

    #[test]
    fn every_documented_shortcut_is_unique() {
        let keys: Vec<_> = help_rows().map(|(k, _)| k).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(keys.len(), sorted.len());
    }
}

#[cfg(test)]
mod readme {
    #[test]
    fn the_readme_lists_every_shortcut() {
        let readme = include_str!("../../README.md");
        for (keys, description) in super::help_rows() {
            let row = format!("| `{keys}` | {description} |");
            assert!(readme.contains(&row), "README.md lacks the row {row}");
        }
    }
}
