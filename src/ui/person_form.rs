//! The person form: inline in the capture screen to create a participant without leaving
//! the keyboard (compact), and on the Meeting screen to correct one (all fields).

use iced::Element;
use iced::widget::{button, checkbox, column, pick_list, row, text, text_input};

use crate::core::delegation::{Delegation, DelegationKind, find_builtin};
use crate::core::intervention::Speaker;
use crate::core::participant::{Honorific, Participant, ParticipantId, Pronoun, Role};
use crate::core::session::Session;
use crate::core::text::clean_line;

use super::choices::{Labelled, fixed, selected};
use super::effect::{Request, Save};
use super::style;

pub const NAME: &str = "new-person-name";

#[derive(Debug, Clone)]
pub struct PersonForm {
    /// The participant being corrected; None creates a new one.
    pub editing: Option<ParticipantId>,
    pub name: String,
    pub family_name: String,
    pub honorific: Honorific,
    pub title: String,
    pub short_title: String,
    pub title_only: bool,
    pub pronoun: Pronoun,
    pub delegation: String,
    pub kind: DelegationKind,
    /// Whether a delegation not on the UN list takes "the"; None: as its name suggests
    /// (`Delegation::guess_the`).
    pub the: Option<bool>,
    pub role: Role,
    pub error: Option<String>,
    /// Set when the form is done (then it asks to close): the participant created or
    /// corrected, or, with no name and no title, the organization itself as the
    /// speaker ("the representative of the International Service for Human Rights").
    pub done: Option<Speaker>,
    /// The participant as the form opened on it: in a team session another device may
    /// correct them meanwhile, and saving keeps what was changed there and not here.
    base: Option<Participant>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Name(String),
    FamilyName(String),
    Honorific(Honorific),
    Title(String),
    ShortTitle(String),
    TitleOnly(bool),
    Pronoun(PronounChoice),
    Delegation(String),
    Kind(DelegationKind),
    The(bool),
    Role(Role),
    Create,
    Cancel,
}

pub type Effect = super::effect::Effect<Message>;

pub type PronounChoice = Labelled<Pronoun>;

fn pronouns() -> Vec<PronounChoice> {
    fixed(&[Pronoun::She, Pronoun::He, Pronoun::They], |p| match p {
        Pronoun::She => "she",
        Pronoun::He => "he",
        Pronoun::They => "they",
    })
}

impl PersonForm {
    pub fn new(name: &str) -> Self {
        PersonForm {
            editing: None,
            name: name.to_string(),
            family_name: String::new(),
            honorific: Honorific::None,
            title: String::new(),
            short_title: String::new(),
            title_only: false,
            pronoun: Pronoun::They,
            delegation: String::new(),
            kind: DelegationKind::Ngo,
            the: None,
            role: Role::Floor,
            error: None,
            done: None,
            base: None,
        }
    }

    /// A form for a speaker known by their organization: the organization filled in,
    /// the name left to type if it is known (Enter without one picks the organization).
    pub fn organization(name: &str) -> Self {
        PersonForm {
            delegation: name.to_string(),
            ..PersonForm::new("")
        }
    }

    /// A form filled with an existing participant, to correct it.
    pub fn edit(participant: &Participant, session: &Session) -> Self {
        PersonForm {
            editing: Some(participant.id),
            name: participant.full_name(),
            family_name: participant.family_name.clone(),
            honorific: participant.honorific,
            title: participant.title.clone(),
            short_title: participant.short_title.clone(),
            title_only: participant.title_only,
            pronoun: participant.pronoun,
            delegation: participant
                .delegation
                .as_deref()
                .and_then(|d| session.delegation(d))
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            kind: DelegationKind::Ngo,
            the: None,
            role: participant.role,
            error: None,
            done: None,
            base: Some(participant.clone()),
        }
    }

    pub fn update(&mut self, message: Message, session: &mut Session) -> Effect {
        match message {
            Message::ShortTitle(v) => self.short_title = v,
            Message::TitleOnly(v) => self.title_only = v,
            Message::Pronoun(choice) => self.pronoun = choice.value,
            Message::Name(v) => self.name = v,
            Message::FamilyName(v) => self.family_name = v,
            Message::Honorific(h) => {
                // The pronoun follows the honorific unless set by hand.
                if self.pronoun == pronoun_for(self.honorific) {
                    self.pronoun = pronoun_for(h);
                }
                self.honorific = h;
            }
            Message::Title(v) => self.title = v,
            Message::Delegation(v) => self.delegation = v,
            Message::Kind(k) => self.kind = k,
            Message::The(the) => self.the = Some(the),
            Message::Role(r) => self.role = r,
            Message::Cancel => return Effect::request(Request::Close),
            Message::Create => return self.create(session),
        }
        Effect::none()
    }

    fn created(&mut self, speaker: Speaker) -> Effect {
        self.done = Some(speaker);
        Effect::request(Request::Close).with_save(Save::Now)
    }

    /// The delegation typed, without "the" and whether it takes it (None: empty).
    fn typed_delegation(&self) -> Option<(String, bool)> {
        let (bare, the) = Delegation::typed_name(self.kind, &clean_line(&self.delegation));
        if bare.is_empty() {
            return None;
        }
        Some((bare, self.the.unwrap_or(the)))
    }

    fn create(&mut self, session: &mut Session) -> Effect {
        let name = clean_line(&self.name);
        let unnamed = name.is_empty() && self.title.trim().is_empty();
        if unnamed && (self.editing.is_some() || self.typed_delegation().is_none()) {
            self.error = Some(if self.editing.is_some() {
                "Give a name or a title.".into()
            } else {
                "Give a name, a title or an organization.".into()
            });
            return Effect::none();
        }
        let delegation_text = clean_line(&self.delegation);
        let delegation = if delegation_text.is_empty() {
            None
        } else if let Some(found) = session
            .delegations
            .iter()
            .find(|d| d.is_named(&delegation_text))
        {
            Some(found.id.clone())
        } else if let Some(builtin) = find_builtin(&delegation_text) {
            Some(session.ensure_delegation(builtin))
        } else {
            // Not a UN name: kept as typed, with the kind and article chosen in the form.
            self.typed_delegation().map(|(bare, the)| {
                session.ensure_delegation(&Delegation::new(self.kind, &bare, the))
            })
        };
        if unnamed && let Some(id) = delegation {
            // Nobody named: the organization is the speaker.
            return self.created(Speaker::Delegation(id));
        }
        let (given_names, family_name) = Participant::split_name(&name, &self.family_name);
        let person = Participant {
            id: self.editing.unwrap_or(0),
            honorific: self.honorific,
            given_names,
            family_name,
            title: clean_line(&self.title),
            short_title: clean_line(&self.short_title),
            title_only: self.title_only,
            pronoun: self.pronoun,
            role: self.role,
            delegation,
        };
        match self.editing {
            Some(id) => match session.participants.iter_mut().find(|p| p.id == id) {
                Some(slot) => {
                    *slot = match &self.base {
                        Some(base) => changed_here(base, person, slot),
                        None => person,
                    };
                    self.created(Speaker::Participant(id))
                }
                None => {
                    self.error = Some("This participant no longer exists.".into());
                    Effect::none()
                }
            },
            None => {
                let id = session.add_participant(person);
                self.created(Speaker::Participant(id))
            }
        }
    }

    /// `full` shows every field (Meeting screen); the compact form is for the meeting room.
    pub fn view<'a>(&'a self, full: bool) -> Element<'a, Message> {
        let honorific = |h: Honorific, label: &'static str| {
            button(text(label).size(style::size::BODY))
                .padding([4, 10])
                .style(if self.honorific == h {
                    button::primary
                } else {
                    button::secondary
                })
                .on_press(Message::Honorific(h))
        };
        // On the Meeting screen every field has its label (a filled field shows no
        // placeholder); in the meeting room the placeholders say it in less room.
        let labelled = |label: &'static str, input: Element<'a, Message>| -> Element<'a, Message> {
            if full {
                row![field_label(label), input]
                    .spacing(style::gap::S)
                    .align_y(iced::Center)
                    .into()
            } else {
                input
            }
        };
        let known = find_builtin(&self.delegation).is_some() || self.delegation.trim().is_empty();
        let mut delegation_row = iced::widget::Row::new();
        if full {
            delegation_row = delegation_row.push(field_label("Delegation"));
        }
        delegation_row = delegation_row.push(
            text_input(
                "Delegation (UN name, e.g. Netherlands) — optional",
                &self.delegation,
            )
            .id("new-person-delegation")
            .on_input(Message::Delegation)
            .on_submit(Message::Create)
            .padding(style::gap::S)
            .width(iced::Length::Fill),
        );
        delegation_row = delegation_row
            .width(iced::Length::Fill)
            .spacing(style::gap::S)
            .align_y(iced::Center);
        let mut printed = None;
        if !known {
            delegation_row = delegation_row
                .push(
                    text("not a UN name; kind:")
                        .size(style::size::LABEL)
                        .color(style::MUTED),
                )
                .push(
                    pick_list(DelegationKind::ALL, Some(self.kind), Message::Kind)
                        .text_size(style::size::LABEL),
                );
            if let Some((bare, the)) = self.typed_delegation() {
                delegation_row = delegation_row.push(
                    checkbox(the)
                        .label("“the”")
                        .on_toggle(Message::The)
                        .text_size(style::size::LABEL),
                );
                let unnamed = self.name.trim().is_empty() && self.title.trim().is_empty();
                printed = unnamed.then(|| {
                    format!(
                        "Printed: the representative of {}{bare}",
                        if the { "the " } else { "" }
                    )
                });
            }
        }
        let mut form = column![
            text(match (self.editing, full) {
                (Some(_), _) => "CORRECT PARTICIPANT  (Enter saves)",
                (None, true) => "NEW PARTICIPANT  (Enter creates)",
                (None, false) => "NEW PERSON  (Enter creates and picks, Esc cancels)",
            })
            .size(style::size::LABEL)
            .color(style::ACCENT),
            row![
                honorific(Honorific::Ms, "Ms."),
                honorific(Honorific::Mr, "Mr."),
                honorific(Honorific::None, "—"),
                text_input("Full name", &self.name).id(NAME).on_input(Message::Name).on_submit(Message::Create).padding(style::gap::S),
            ]
            .spacing(style::gap::S)
            .align_y(iced::Center),
            labelled(
                "Family name",
                text_input("Family name, if several words (\"Serbin Pont\")", &self.family_name)
                    .on_input(Message::FamilyName)
                    .on_submit(Message::Create)
                    .padding(style::gap::S)
                    .into()
            ),
            labelled(
                "Title",
                text_input("Full title (first mention), e.g. Chair of the National Human Rights Council of Morocco", &self.title)
                    .id("new-person-title")
                    .on_input(Message::Title)
                    .on_submit(Message::Create)
                    .padding(style::gap::S)
                    .into()
            ),
            delegation_row,
        ]
        .spacing(style::gap::S);
        if let Some(printed) = printed {
            form = form.push(text(printed).size(style::size::LABEL).color(style::MUTED));
        }
        if full {
            form = form.push(labelled(
                "Short title",
                text_input(
                    "Short title for later mentions, e.g. the High Commissioner",
                    &self.short_title,
                )
                .on_input(Message::ShortTitle)
                .on_submit(Message::Create)
                .padding(style::gap::S)
                .into(),
            ));
            form = form.push(
                row![
                    checkbox(self.title_only)
                        .label("named by title only (UN official)")
                        .on_toggle(Message::TitleOnly),
                    text("pronoun").size(style::size::LABEL).color(style::MUTED),
                    pick_list(
                        pronouns(),
                        selected(&pronouns(), &self.pronoun),
                        Message::Pronoun
                    )
                    .text_size(style::size::LABEL),
                ]
                .spacing(style::gap::M)
                .align_y(iced::Center),
            );
        }
        form = form.push(
            row![
                text("Role").size(style::size::LABEL).color(style::MUTED),
                pick_list(Role::ALL, Some(self.role), Message::Role).text_size(style::size::LABEL),
                button(text(match (self.editing, full) {
                    (Some(_), _) => "Save",
                    (None, true) => "Create",
                    (None, false) => "Create and pick",
                }))
                .on_press(Message::Create),
                button(text("Cancel"))
                    .style(button::secondary)
                    .on_press(Message::Cancel),
            ]
            .spacing(style::gap::M)
            .align_y(iced::Center),
        );
        if let Some(error) = &self.error {
            form = form.push(text(error).color(style::ALERT));
        }
        form.into()
    }
}

/// A field's label in front of it (the full form, on the Meeting screen).
fn field_label<'a>(label: &'static str) -> iced::widget::Text<'a> {
    text(label)
        .size(style::size::LABEL)
        .color(style::MUTED)
        .width(90)
}

fn pronoun_for(honorific: Honorific) -> Pronoun {
    match honorific {
        Honorific::Ms => Pronoun::She,
        Honorific::Mr => Pronoun::He,
        Honorific::None => Pronoun::They,
    }
}

/// The participant saved from the form: each field changed in the form, the others as
/// they are now (changed on another device since the form opened, perhaps).
fn changed_here(base: &Participant, mut form: Participant, now: &Participant) -> Participant {
    macro_rules! keep_unchanged {
        ($($f:ident),*) => {$(
            if form.$f == base.$f {
                form.$f = now.$f.clone();
            }
        )*};
    }
    keep_unchanged!(
        honorific,
        given_names,
        family_name,
        title,
        short_title,
        title_only,
        pronoun,
        role,
        delegation
    );
    form
}
