//! Drop-down lists: one value type for all of them. A `pick_list` needs items it can
//! show (Display) and compare (PartialEq); [`Labelled`] pairs any value with the words
//! shown for it, so a screen builds its list from data and gets the value back.

use std::fmt;

use crate::core::meeting::ReportKind;
use crate::core::session::Session;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled<T> {
    pub value: T,
    pub label: String,
}

impl<T> Labelled<T> {
    pub fn new(value: T, label: impl Into<String>) -> Labelled<T> {
        Labelled {
            value,
            label: label.into(),
        }
    }
}

impl<T> fmt::Display for Labelled<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// The item of `list` that holds `value`, to show as selected.
pub fn selected<T: PartialEq + Clone>(list: &[Labelled<T>], value: &T) -> Option<Labelled<T>> {
    list.iter().find(|c| c.value == *value).cloned()
}

/// "on its own behalf", then "on behalf of" each group.
pub type GroupChoice = Labelled<Option<u32>>;

pub fn group_choices(session: &Session) -> Vec<GroupChoice> {
    std::iter::once(Labelled::new(None, "on its own behalf"))
        .chain(
            session
                .groups
                .iter()
                .map(|g| Labelled::new(Some(g.id), g.behalf_phrase())),
        )
        .collect()
}

pub fn group_choice(session: &Session, id: Option<u32>) -> Option<GroupChoice> {
    selected(&group_choices(session), &id)
}

/// The meeting's segments by title.
pub type SegmentChoice = Labelled<u32>;

pub fn segment_choices(session: &Session) -> Vec<SegmentChoice> {
    session
        .segments
        .iter()
        .map(|s| Labelled::new(s.id, s.title.clone()))
        .collect()
}

pub fn segment_choice(session: &Session, id: u32) -> Option<SegmentChoice> {
    session
        .segment(id)
        .map(|s| Labelled::new(s.id, s.title.clone()))
}

/// The kinds of report, as the Meeting screen and the preview offer them.
pub type KindChoice = Labelled<ReportKind>;

pub fn report_kinds() -> Vec<KindChoice> {
    fixed(
        &[
            ReportKind::PanelSummary,
            ReportKind::Minutes,
            ReportKind::SummaryRecord,
        ],
        |k| match k {
            ReportKind::PanelSummary => "Panel summary report",
            ReportKind::Minutes => "Minutes",
            ReportKind::SummaryRecord => "Summary record",
        },
    )
}

/// A fixed list from values and how each reads.
pub fn fixed<T: Clone>(values: &[T], label: impl Fn(&T) -> &'static str) -> Vec<Labelled<T>> {
    values
        .iter()
        .map(|v| Labelled::new(v.clone(), label(v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selected_item_is_found_by_value_and_shows_its_label() {
        let list = fixed(&[1, 2, 3], |n| match n {
            1 => "one",
            2 => "two",
            _ => "three",
        });
        let two = selected(&list, &2).unwrap();
        assert_eq!(two.to_string(), "two");
        assert_eq!(two.value, 2);
        assert!(selected(&list, &4).is_none());
    }
}
