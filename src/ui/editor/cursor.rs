//! The text box's cursor kept where the editor was typing when the paragraph's text
//! changes under it (another editor's change merged in from a team session): the text
//! is reloaded, and the cursor follows the words it stood by instead of jumping to the
//! start, so that what is typed next goes where it was meant.

use iced::widget::text_editor::{Content, Cursor, Position};

/// Replaces the box's text with `new`, keeping the cursor by the same words.
pub fn reload(content: &mut Content, new: &str) {
    let old = content.text();
    let at = offset(&old, content.cursor().position);
    let moved = shift(&old, new, at);
    *content = Content::with_text(new);
    content.move_to(Cursor {
        position: position(new, moved),
        selection: None,
    });
}

/// A position (line, byte in the line) as a byte offset into `text`.
fn offset(text: &str, at: Position) -> usize {
    let mut start = 0;
    for (n, line) in text.split('\n').enumerate() {
        if n == at.line {
            return start + at.column.min(line.len());
        }
        start += line.len() + 1;
    }
    text.len()
}

/// A byte offset into `text` (on a character boundary) as a position.
fn position(text: &str, at: usize) -> Position {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count();
    let column = before.len() - before.rfind('\n').map_or(0, |n| n + 1);
    Position { line, column }
}

/// Where the byte offset `at` of `old` is in `new`: the same before the changed part,
/// moved by the change's length after it, at the end of the change inside it.
fn shift(old: &str, new: &str, at: usize) -> usize {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let suffix = old
        .get(prefix..)
        .unwrap_or_default()
        .chars()
        .rev()
        .zip(new.get(prefix..).unwrap_or_default().chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let moved = if at <= prefix {
        at
    } else if at >= old.len() - suffix {
        at + new.len() - old.len()
    } else {
        new.len() - suffix
    };
    let mut moved = moved.min(new.len());
    while !new.is_char_boundary(moved) {
        moved -= 1;
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_follows_its_words_when_text_comes_before_or_after_it() {
        let old = "The panel was moderated by X.";
        let at = old.find("moderated").unwrap_or(0);
        // Inserted before: the cursor moves along.
        let new = "In short, the panel was moderated by X.";
        assert_eq!(
            new.get(shift(old, new, at)..).unwrap_or_default(),
            "moderated by X."
        );
        // Inserted after: it stays.
        let new = "The panel was moderated by X. (As amended.)";
        assert_eq!(shift(old, new, at), at);
        // At the very end, typing there: still at the end of its words.
        let new = "Before. The panel was moderated by X.";
        assert_eq!(shift(old, new, old.len()), new.len());
    }

    #[test]
    fn positions_count_lines_and_bytes_of_non_ascii_text() {
        let text = "Pérou a dit.\nLe représentant a souligné.";
        let at = text.find("souligné").unwrap_or(0);
        let p = position(text, at);
        assert_eq!((p.line, p.column), (1, "Le représentant a ".len()));
        assert_eq!(offset(text, p), at);
        // A change inside a multi-byte character's neighbourhood stays on a boundary.
        let moved = shift("é", "éé", 1);
        assert!("éé".is_char_boundary(moved));
    }

    #[test]
    fn reloading_keeps_the_cursor_by_its_words() {
        let mut content = Content::with_text("The panel was moderated by X.");
        let at = "The panel was ".len();
        content.move_to(Cursor {
            position: Position {
                line: 0,
                column: at,
            },
            selection: None,
        });
        reload(&mut content, "In short, the panel was moderated by X.");
        let cursor = content.cursor().position;
        assert_eq!(
            (cursor.line, cursor.column),
            (0, "In short, the panel was ".len())
        );
    }
}
