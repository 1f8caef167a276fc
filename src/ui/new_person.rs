//! Creating a participant inline, from the picker, without leaving the keyboard.

use iced::Element;
use iced::widget::{button, column, pick_list, row, text, text_input};

use crate::core::delegation::{Delegation, DelegationKind, find_builtin};
use crate::core::participant::{Honorific, Participant, ParticipantId, Pronoun, Role};
use crate::core::session::Session;
use crate::core::text::clean_line;

use super::style;

pub const NAME: &str = "new-person-name";

#[derive(Debug, Clone)]
pub struct NewPerson {
    pub name: String,
    pub family_name: String,
    pub honorific: Honorific,
    pub title: String,
    pub delegation: String,
    pub kind: DelegationKind,
    pub role: Role,
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Name(String),
    FamilyName(String),
    Honorific(Honorific),
    Title(String),
    Delegation(String),
    Kind(DelegationKind),
    Role(Role),
    Create,
    Cancel,
}

pub enum Outcome {
    Nothing,
    Cancel,
    Created(ParticipantId),
}

impl NewPerson {
    pub fn new(name: &str) -> Self {
        NewPerson {
            name: name.to_string(),
            family_name: String::new(),
            honorific: Honorific::None,
            title: String::new(),
            delegation: String::new(),
            kind: DelegationKind::Ngo,
            role: Role::Floor,
            error: None,
        }
    }

    pub fn update(&mut self, message: Message, session: &mut Session) -> Outcome {
        match message {
            Message::Name(v) => self.name = v,
            Message::FamilyName(v) => self.family_name = v,
            Message::Honorific(h) => self.honorific = h,
            Message::Title(v) => self.title = v,
            Message::Delegation(v) => self.delegation = v,
            Message::Kind(k) => self.kind = k,
            Message::Role(r) => self.role = r,
            Message::Cancel => return Outcome::Cancel,
            Message::Create => return self.create(session),
        }
        Outcome::Nothing
    }

    fn create(&mut self, session: &mut Session) -> Outcome {
        let name = clean_line(&self.name);
        if name.is_empty() && self.title.trim().is_empty() {
            self.error = Some("Give a name or a title.".into());
            return Outcome::Nothing;
        }
        let delegation_text = clean_line(&self.delegation);
        let delegation = if delegation_text.is_empty() {
            None
        } else if let Some(found) = session.delegations.iter().find(|d| d.is_named(&delegation_text)) {
            Some(found.id.clone())
        } else if let Some(builtin) = find_builtin(&delegation_text) {
            Some(session.ensure_delegation(builtin))
        } else {
            // Not a UN name: kept as typed, with the kind chosen in the form.
            let (the, bare) = match delegation_text.strip_prefix("the ") {
                Some(rest) => (true, rest),
                None => (false, delegation_text.as_str()),
            };
            Some(session.ensure_delegation(&Delegation::new(self.kind, bare, the)))
        };
        let (given_names, family_name) = Participant::split_name(&name, &self.family_name);
        let pronoun = match self.honorific {
            Honorific::Ms => Pronoun::She,
            Honorific::Mr => Pronoun::He,
            Honorific::None => Pronoun::They,
        };
        let id = session.add_participant(Participant {
            honorific: self.honorific,
            given_names,
            family_name,
            title: self.title.clone(),
            pronoun,
            role: self.role,
            delegation,
            ..Participant::default()
        });
        Outcome::Created(id)
    }

    pub fn view<'a>(&'a self, _session: &'a Session) -> Element<'a, Message> {
        let honorific = |h: Honorific, label: &'static str| {
            button(text(label).size(14))
                .padding([4, 10])
                .style(if self.honorific == h { button::primary } else { button::secondary })
                .on_press(Message::Honorific(h))
        };
        let known = find_builtin(&self.delegation).is_some() || self.delegation.trim().is_empty();
        let mut delegation_row = row![
            text_input("Delegation (UN name, e.g. Netherlands) — optional", &self.delegation)
                .id("new-person-delegation")
                .on_input(Message::Delegation)
                .on_submit(Message::Create)
                .padding(6),
        ]
        .spacing(6)
        .align_y(iced::Center);
        if !known {
            delegation_row = delegation_row
                .push(text("not a UN name; kind:").size(13).color(style::MUTED))
                .push(pick_list(DelegationKind::ALL, Some(self.kind), Message::Kind).text_size(13));
        }
        let mut form = column![
            text("NEW PERSON  (Enter creates and picks, Esc cancels)").size(13).color(style::ACCENT),
            row![
                honorific(Honorific::Ms, "Ms."),
                honorific(Honorific::Mr, "Mr."),
                honorific(Honorific::None, "—"),
                text_input("Full name", &self.name).id(NAME).on_input(Message::Name).on_submit(Message::Create).padding(6),
                text_input("Family name if several words", &self.family_name)
                    .on_input(Message::FamilyName)
                    .on_submit(Message::Create)
                    .padding(6),
            ]
            .spacing(6)
            .align_y(iced::Center),
            text_input("Full title (first mention), e.g. Chair of the National Human Rights Council of Morocco", &self.title)
                .id("new-person-title")
                .on_input(Message::Title)
                .on_submit(Message::Create)
                .padding(6),
            delegation_row,
            row![
                text("Role").size(13).color(style::MUTED),
                pick_list(Role::ALL, Some(self.role), Message::Role).text_size(13),
                button(text("Create and pick")).on_press(Message::Create),
                button(text("Cancel")).style(button::secondary).on_press(Message::Cancel),
            ]
            .spacing(8)
            .align_y(iced::Center),
        ]
        .spacing(6);
        if let Some(error) = &self.error {
            form = form.push(text(error).color(style::ALERT));
        }
        form.into()
    }
}
