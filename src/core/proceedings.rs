//! Steps of the proceedings logged beside the statements: decisions and commitments,
//! next steps, suspensions and changes of the presiding officer. Minutes print them inside
//! their agenda item (the model minutes, item 4: "*Commitment 1:* Agencies and entities commit to
//! ..."); summary records as their own paragraphs ("The meeting was suspended at 11.15
//! a.m. and resumed at 11.30 a.m.", "Mr. Y (Vice-Chair) took the Chair.").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::meeting::month_number;

/// What a log entry records. Nearly every entry is a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    #[default]
    Statement,
    /// A decision taken or a commitment adopted, numbered in the minutes with the
    /// meeting's label ("Commitment 1:"); the speaker is who presented it.
    Decision,
    /// A next step: the speaker is its owner, a date in its text its deadline.
    NextStep,
    /// The meeting suspended at the entry's start and resumed at its end (still
    /// suspended while the two are equal).
    Suspension,
    /// The speaker took the Chair.
    ChairTaken,
}

impl EntryKind {
    pub fn is_statement(&self) -> bool {
        *self == EntryKind::Statement
    }

    /// The word the log shows before the entry.
    pub fn tag(self) -> Option<&'static str> {
        match self {
            EntryKind::Statement => None,
            EntryKind::Decision => Some("Decision"),
            EntryKind::NextStep => Some("Next step"),
            EntryKind::Suspension => Some("Suspension"),
            EntryKind::ChairTaken => Some("Took the Chair"),
        }
    }

    /// The name of the kind in the log CSV's `kind` column.
    pub fn csv_name(self) -> &'static str {
        match self {
            EntryKind::Statement => "statement",
            EntryKind::Decision => "decision",
            EntryKind::NextStep => "next_step",
            EntryKind::Suspension => "suspension",
            EntryKind::ChairTaken => "chair",
        }
    }

    /// Reads the `kind` column: the CSV name, the log's tag, or a few plain words.
    pub fn from_csv(word: &str) -> Option<EntryKind> {
        let w: String = word
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == '-' || c == ' ' { '_' } else { c })
            .collect();
        Some(match w.as_str() {
            "" | "statement" | "intervention" => EntryKind::Statement,
            "decision" | "commitment" | "adopted" => EntryKind::Decision,
            "next_step" | "action" | "follow_up" => EntryKind::NextStep,
            "suspension" | "suspended" => EntryKind::Suspension,
            "chair" | "took_the_chair" | "chair_change" => EntryKind::ChairTaken,
            _ => return None,
        })
    }
}

/// A statement's position on a numbered decision: the line "- Commitment 2: Agreed with
/// the proposal." of the note (the model minutes, item 4) is the speaker's position on the
/// second decision of the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub decision: u32,
    pub text: String,
}

/// Labels a position line may start with besides the meeting's own.
const LABELS: [&str; 4] = ["commitment", "decision", "recommendation", "proposal"];

/// Splits a note into its own lines and its positions on numbered decisions ("- Commitment
/// 2: ...", "- Decision 1: ...", or the meeting's own label). Lines that follow a position
/// line without a "- " of their own belong to it.
pub fn positions(note: &str, label: &str) -> (String, Vec<Position>) {
    let label = label.trim().to_lowercase();
    let mut rest: Vec<&str> = Vec::new();
    let mut found: Vec<Position> = Vec::new();
    let mut in_position = false;
    for line in note.split('\n') {
        let trimmed = line.trim_start();
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some(position) = position_line(item, &label) {
                found.push(position);
                in_position = true;
                continue;
            }
            in_position = false;
        } else if in_position && !trimmed.is_empty() {
            if let Some(last) = found.last_mut() {
                last.text.push('\n');
                last.text.push_str(trimmed);
            }
            continue;
        }
        rest.push(line);
    }
    (rest.join("\n").trim().to_string(), found)
}

/// "Commitment 2: Agreed." -> position 2, "Agreed."
fn position_line(item: &str, label: &str) -> Option<Position> {
    let (head, text) = item.split_once(':')?;
    let mut words = head.split_whitespace();
    let word = words.next()?.to_lowercase();
    let number: u32 = words.next()?.trim_end_matches('.').parse().ok()?;
    if words.next().is_some() || number == 0 {
        return None;
    }
    if word != label && !LABELS.contains(&word.as_str()) {
        return None;
    }
    Some(Position {
        decision: number,
        text: text.trim().to_string(),
    })
}

/// The deadline of a next step: the first date of its text written as the UN writes dates
/// ("by 21 December 2021") or in ISO form ("2021-12-21").
pub fn deadline(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (n, word) in words.iter().enumerate() {
        let word = word.trim_matches(['(', '.', ';', ')']);
        if let Ok(date) = NaiveDate::parse_from_str(word, "%Y-%m-%d") {
            return Some(date);
        }
        let Ok(day) = word.parse::<u32>() else {
            continue;
        };
        let month = words
            .get(n + 1)
            .and_then(|m| month_number(m.trim_end_matches(['.', ';', ')'])));
        let year = words
            .get(n + 2)
            .and_then(|y| y.trim_end_matches(['.', ';', ')']).parse::<i32>().ok());
        if let (Some(month), Some(year)) = (month, year)
            && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_taken_out_of_the_note() {
        let note = "congratulated the co-chairs.\n- Commitment 1: Explained that it can support.\n  but not with staff.\n- Commitment 4: Agreed with the proposal.\n- a point of its own";
        let (rest, found) = positions(note, "Commitment");
        assert_eq!(rest, "congratulated the co-chairs.\n- a point of its own");
        assert_eq!(
            found,
            vec![
                Position {
                    decision: 1,
                    text: "Explained that it can support.\nbut not with staff.".into()
                },
                Position {
                    decision: 4,
                    text: "Agreed with the proposal.".into()
                },
            ]
        );
    }

    #[test]
    fn the_meetings_own_label_is_a_position_too() {
        let (_, found) = positions("- Pledge 2: Will fund it.", "Pledge");
        assert_eq!(found.len(), 1);
        let (rest, found) = positions("- Pledge 2: Will fund it.", "Commitment");
        assert!(found.is_empty());
        assert_eq!(rest, "- Pledge 2: Will fund it.");
        // A colon in running text is no position.
        let (_, found) = positions("- Commitment to act: strong", "Commitment");
        assert!(found.is_empty());
    }

    #[test]
    fn deadlines_in_un_and_iso_form() {
        assert_eq!(
            deadline("OHCHR to circulate the draft by 21 December 2021."),
            NaiveDate::from_ymd_opt(2021, 12, 21)
        );
        assert_eq!(
            deadline("report back (2022-01-15)"),
            NaiveDate::from_ymd_opt(2022, 1, 15)
        );
        assert_eq!(deadline("within 3 weeks"), None);
        assert_eq!(deadline("by 31 February 2022"), None);
    }

    #[test]
    fn kinds_read_from_the_csv() {
        for kind in [
            EntryKind::Statement,
            EntryKind::Decision,
            EntryKind::NextStep,
            EntryKind::Suspension,
            EntryKind::ChairTaken,
        ] {
            assert_eq!(EntryKind::from_csv(kind.csv_name()), Some(kind));
        }
        assert_eq!(EntryKind::from_csv("Next step"), Some(EntryKind::NextStep));
        assert_eq!(EntryKind::from_csv("banana"), None);
    }
}
