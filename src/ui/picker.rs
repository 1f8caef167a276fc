//! The speaker picker: a search box over participants and delegations, with the next
//! speaker on the list pre-selected, and "new person" as the last choice.

use iced::widget::{Column, column, container, text_input};
use iced::{Element, Fill};

use crate::core::picker::{Candidate, PickerIndex};
use crate::core::session::Session;
use crate::core::speakers::InscriptionStatus;

use super::style;

/// Choices listed at most: five keep five lines of the statement box in view on a
/// 1366x768 screen.
const SHOWN: usize = 5;

#[derive(Debug, Clone)]
pub enum Choice {
    Existing {
        candidate: Candidate,
        on_behalf_of: Option<u32>,
        note: Option<&'static str>,
    },
    NewPerson(String),
    /// A speaker known by their organization only (an NGO delegate whose name was not
    /// given): the organization is created and is the speaker.
    NewOrganization(String),
}

impl Choice {
    pub fn label(&self, session: &Session) -> String {
        match self {
            Choice::Existing {
                candidate,
                on_behalf_of,
                ..
            } => match on_behalf_of.and_then(|g| session.group(g)) {
                Some(group) => format!("{} {}", candidate.label, group.behalf_phrase()),
                None => candidate.label.clone(),
            },
            Choice::NewPerson(name) => format!("+ New person: {name}"),
            Choice::NewOrganization(name) => format!("+ New organization: {name}"),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct PickerState {
    pub query: String,
    pub selected: usize,
    pub choices: Vec<Choice>,
    /// The selection was moved with Up/Down since the list was last built.
    moved: bool,
}

impl PickerState {
    pub fn set_query(&mut self, query: String, session: &Session, index: &PickerIndex) {
        // Kept as typed (spaces included) so the box behaves; control characters go.
        self.query = query.chars().filter(|c| !c.is_control()).collect();
        self.refresh(session, index);
    }

    /// Recomputes the choices; the selection goes back to the best match.
    pub fn refresh(&mut self, session: &Session, index: &PickerIndex) {
        self.selected = 0;
        self.moved = false;
        self.choices.clear();
        let pending_behalf = |speaker: &crate::core::Speaker| {
            session
                .inscriptions
                .iter()
                .find(|i| i.status == InscriptionStatus::Pending && &i.speaker == speaker)
                .and_then(|i| i.on_behalf_of)
        };
        if self.query.trim().is_empty() {
            for (n, inscription) in session
                .inscriptions
                .iter()
                .filter(|i| i.status == InscriptionStatus::Pending)
                .take(3)
                .enumerate()
            {
                if let Some(candidate) = Candidate::for_speaker(session, &inscription.speaker) {
                    self.choices.push(Choice::Existing {
                        candidate,
                        on_behalf_of: inscription.on_behalf_of,
                        note: Some(if n == 0 {
                            "next on the list"
                        } else {
                            "on the list"
                        }),
                    });
                }
            }
            for candidate in index.search("", SHOWN.saturating_sub(self.choices.len())) {
                let on_behalf_of = pending_behalf(&candidate.pick.speaker_ref());
                self.choices.push(Choice::Existing {
                    candidate: candidate.clone(),
                    on_behalf_of,
                    note: None,
                });
            }
            return;
        }
        for candidate in index.search(&self.query, SHOWN - 2) {
            let on_behalf_of = pending_behalf(&candidate.pick.speaker_ref());
            self.choices.push(Choice::Existing {
                candidate: candidate.clone(),
                on_behalf_of,
                note: None,
            });
        }
        let typed = self.query.trim().to_string();
        self.choices.push(Choice::NewPerson(typed.clone()));
        self.choices.push(Choice::NewOrganization(typed));
    }

    pub fn step(&mut self, delta: i32) {
        if self.choices.is_empty() {
            return;
        }
        let last = self.choices.len() as i32 - 1;
        self.selected = (self.selected as i32 + delta).clamp(0, last) as usize;
        self.moved = true;
    }

    /// Whether Enter means the selected choice: something was typed, the selection was
    /// moved, or it is the next speaker on the list. With an empty box the top of the
    /// list is only the first name in alphabetical order, never meant by a stray Enter.
    pub fn meant(&self) -> bool {
        !self.query.trim().is_empty()
            || self.moved
            || matches!(self.current(), Some(Choice::Existing { note: Some(_), .. }))
    }

    pub fn current(&self) -> Option<&Choice> {
        self.choices.get(self.selected)
    }

    pub fn clear(&mut self, session: &Session, index: &PickerIndex) {
        self.query.clear();
        self.refresh(session, index);
    }

    /// `compact` hides the list while a speaker is picked and nothing is typed, so the
    /// statement box keeps its room.
    pub fn view<'a, M: Clone + 'a>(
        &'a self,
        compact: bool,
        id: &'static str,
        session: &'a Session,
        on_input: impl Fn(String) -> M + 'a,
        on_submit: M,
        on_choose: impl Fn(usize) -> M + 'a,
    ) -> Element<'a, M> {
        let input = text_input(
            "Speaker: type part of a name, title or delegation…",
            &self.query,
        )
        .id(id)
        .on_input(on_input)
        .on_submit(on_submit)
        .padding(style::gap::M)
        .size(style::size::HEADING);
        let mut list = Column::new().spacing(style::gap::XXS);
        let hidden = compact && self.query.trim().is_empty();
        for (i, choice) in self.choices.iter().enumerate().filter(|_| !hidden) {
            let label = choice.label(session);
            let detail = match choice {
                Choice::Existing {
                    candidate, note, ..
                } => match (note, candidate.detail.is_empty()) {
                    (Some(note), _) => format!("  ({note})"),
                    (None, false) => format!("  {}", candidate.detail),
                    (None, true) => String::new(),
                },
                Choice::NewPerson(_) => "  (create and pick)".into(),
                Choice::NewOrganization(_) => "  (speaker without a name)".into(),
            };
            list = list.push(super::widget::choice_row(
                label,
                detail,
                i == self.selected,
                on_choose(i),
            ));
        }
        column![input, container(list).width(Fill)]
            .spacing(style::gap::XS)
            .into()
    }
}
