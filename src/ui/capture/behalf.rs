//! "On behalf of" from the keyboard: Ctrl+B opens a filter over the meeting's groups in
//! place of the speaker picker; type part of a name, Up/Down, Enter.

use iced::Element;
use iced::widget::{Column, column, text, text_input};

use crate::core::session::Session;
use crate::core::text::fold;

use super::super::{style, widget};
use super::{Capture, Message};

pub const BEHALF: &str = "behalf";

/// Choices listed at most, as in the speaker picker.
const SHOWN: usize = 5;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BehalfFilter {
    pub query: String,
    pub selected: usize,
}

/// The choices for `query`: "on its own behalf" first while nothing is typed, then the
/// groups whose name holds every word typed, as they read in the report ("on behalf of
/// the Group of Friends of ...").
pub fn choices(session: &Session, query: &str) -> Vec<(Option<u32>, String)> {
    let words: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
    let own = words.is_empty() || fold("on its own behalf").contains(&fold(query.trim()));
    own.then(|| (None, "on its own behalf".to_string()))
        .into_iter()
        .chain(session.groups.iter().filter_map(|g| {
            let name = fold(&g.name);
            words
                .iter()
                .all(|w| name.contains(w.as_str()))
                .then(|| (Some(g.id), g.behalf_phrase()))
        }))
        .take(SHOWN)
        .collect()
}

impl BehalfFilter {
    pub fn step(&mut self, delta: i32, session: &Session) {
        let last = choices(session, &self.query).len().saturating_sub(1) as i32;
        self.selected = (self.selected as i32 + delta).clamp(0, last.max(0)) as usize;
    }

    /// The group chosen: `Some(None)` for "on its own behalf", None if nothing matches.
    pub fn chosen(&self, session: &Session) -> Option<Option<u32>> {
        choices(session, &self.query)
            .get(self.selected)
            .map(|(id, _)| *id)
    }
}

impl Capture {
    pub(super) fn behalf_view<'a>(
        &'a self,
        filter: &'a BehalfFilter,
        session: &'a Session,
    ) -> Element<'a, Message> {
        let input = text_input(
            "On behalf of: type part of a group's name (Enter picks, Esc leaves it)",
            &filter.query,
        )
        .id(BEHALF)
        .on_input(Message::BehalfInput)
        .on_submit(Message::BehalfSubmit)
        .padding(style::gap::M)
        .size(style::size::HEADING);
        let mut list = Column::new().spacing(style::gap::XXS);
        let found = choices(session, &filter.query);
        if found.is_empty() {
            list = list.push(
                text("No group of this meeting matches (groups are added on the Meeting screen).")
                    .size(style::size::LABEL)
                    .color(style::MUTED),
            );
        }
        for (i, (id, label)) in found.into_iter().enumerate() {
            list = list.push(widget::choice_row(
                label,
                String::new(),
                i == filter.selected,
                Message::BehalfChoose(id),
            ));
        }
        column![input, list].spacing(style::gap::XS).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;

    #[test]
    fn the_filter_finds_groups_by_any_words_and_reads_them_with_the() {
        let s = demo_session();
        let all = choices(&s, "");
        assert_eq!(all.first().map(|c| c.1.as_str()), Some("on its own behalf"));
        assert!(all.len() > 1);
        let friends = choices(&s, "friends");
        assert_eq!(friends.len(), 1, "{friends:?}");
        assert!(
            friends[0]
                .1
                .starts_with("on behalf of the Group of Friends"),
            "{friends:?}"
        );
        assert!(choices(&s, "no such group").is_empty());
        let mut f = BehalfFilter {
            query: "friends".into(),
            selected: 0,
        };
        f.step(5, &s);
        assert_eq!(f.selected, 0, "one match: nowhere to go");
        assert_eq!(f.chosen(&s), Some(friends[0].0));
        assert_eq!(
            BehalfFilter::default().chosen(&s),
            Some(None),
            "own behalf first"
        );
    }
}
