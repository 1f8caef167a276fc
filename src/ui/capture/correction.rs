//! Correcting an earlier intervention: text, speaker, group, segment, or deleting it.

use iced::widget::text_editor;
use iced::widget::{
    button, column, container, operation, pick_list, row, space, text, text_editor as editor,
    text_input,
};
use iced::{Element, Fill};

use crate::core::intervention::{Intervention, InterventionId, Speaker};
use crate::core::picker::PickerIndex;
use crate::core::proceedings::EntryKind;
use crate::core::session::Session;

use crate::ui::choices::{
    GroupChoice, SegmentChoice, group_choice, group_choices, segment_choice, segment_choices,
};
use crate::ui::effect::{Request, Save};
use crate::ui::picker::{Choice, PickerState};
use crate::ui::shortcuts::Command;
use crate::ui::style;
use crate::ui::widget;

pub const TEXT: &str = "correction-text";
pub const PICKER: &str = "correction-picker";

pub struct Correction {
    pub id: InterventionId,
    pub picker: PickerState,
    pub speaker: Speaker,
    pub on_behalf_of: Option<u32>,
    pub segment: u32,
    pub text: text_editor::Content,
    pub confirm_delete: bool,
    pub footnotes: Vec<String>,
    pub new_footnote: String,
    /// A statement or a step of the proceedings: a key pressed for the wrong one
    /// (Ctrl+D for Ctrl+Enter) is put right here.
    pub kind: EntryKind,
    /// The statement as it was when the panel opened: in a team session another device
    /// may change it meanwhile, and saving keeps what was changed there and not here.
    base: Intervention,
}

/// "Correcting statement 12 of 40 (10:32)": its place in the log and the time it was
/// given, never its id (a team session's ids run to 16 digits).
fn title(session: &Session, id: InterventionId) -> String {
    let total = session.interventions.len();
    match session.interventions.iter().position(|i| i.id == id) {
        Some(at) => {
            let since = session
                .interventions
                .get(at)
                .map(|i| {
                    i.started_at
                        .with_timezone(&session.meeting.zone())
                        .format("%H:%M")
                        .to_string()
                })
                .unwrap_or_default();
            format!("Correcting statement {} of {total} ({since})", at + 1)
        }
        None => "Correcting a statement deleted since".to_string(),
    }
}

/// What an entry can be, as the correction panel offers it.
pub type KindChoice = crate::ui::choices::Labelled<EntryKind>;

fn kind_choices() -> Vec<KindChoice> {
    crate::ui::choices::fixed(
        &[
            EntryKind::Statement,
            EntryKind::Decision,
            EntryKind::NextStep,
            EntryKind::Suspension,
            EntryKind::ChairTaken,
        ],
        |k| k.tag().unwrap_or("Statement"),
    )
}

#[derive(Debug, Clone)]
pub enum Message {
    PickerInput(String),
    PickerSubmit,
    Choose(usize),
    Behalf(GroupChoice),
    Segment(SegmentChoice),
    Text(text_editor::Action),
    Shortcut(Command),
    Save,
    Cancel,
    Delete,
    ConfirmDelete(bool),
    NewFootnote(String),
    AddFootnote,
    RemoveFootnote(usize),
    Kind(KindChoice),
}

pub type Effect = crate::ui::effect::Effect<Message>;

impl Correction {
    pub fn new(intervention: &Intervention, session: &Session, index: &PickerIndex) -> Self {
        let mut picker = PickerState::default();
        picker.set_query(String::new(), session, index);
        picker.choices.clear();
        Correction {
            id: intervention.id,
            picker,
            speaker: intervention.speaker.clone(),
            on_behalf_of: intervention.on_behalf_of,
            segment: intervention.segment,
            text: text_editor::Content::with_text(&intervention.text),
            confirm_delete: false,
            footnotes: intervention.footnotes.clone(),
            new_footnote: String::new(),
            kind: intervention.kind,
            base: intervention.clone(),
        }
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &mut Session,
        index: &PickerIndex,
    ) -> Effect {
        match message {
            Message::PickerInput(query) => {
                self.picker.set_query(query, session, index);
                // Re-attribution picks existing speakers only.
                self.picker
                    .choices
                    .retain(|c| matches!(c, Choice::Existing { .. }));
                Effect::none()
            }
            Message::PickerSubmit => self.choose(self.picker.selected, session),
            Message::Choose(i) => self.choose(i, session),
            Message::Behalf(choice) => {
                self.on_behalf_of = choice.value;
                Effect::none()
            }
            Message::Segment(choice) => {
                self.segment = choice.value;
                Effect::none()
            }
            Message::Kind(choice) => {
                self.kind = choice.value;
                Effect::none()
            }
            Message::Text(action) => {
                self.text.perform(action);
                Effect::none()
            }
            Message::Shortcut(Command::Commit) => self.update(Message::Save, session, index),
            Message::Shortcut(Command::Cancel) => self.update(Message::Cancel, session, index),
            Message::Shortcut(_) => Effect::none(),
            Message::Save => {
                let Some(original) = session.intervention(self.id).cloned() else {
                    // Deleted on another device while the panel was open: what was
                    // typed here is not lost; the statement comes back with it.
                    let mut back = Intervention {
                        speaker: self.speaker.clone(),
                        on_behalf_of: self.on_behalf_of,
                        segment: self.segment,
                        text: self.text.text().trim_end_matches('\n').to_string(),
                        footnotes: self.footnotes.clone(),
                        kind: self.kind,
                        ..self.base.clone()
                    };
                    let mut effect = Effect::request(Request::Close);
                    if back == self.base {
                        effect.notice = Some(crate::ui::effect::Notice::info(
                            "This statement was deleted on another device while the panel was open.",
                        ));
                        return effect;
                    }
                    back.provenance.edited(session.device.as_deref());
                    if session.bring_back(back) {
                        effect = effect.with_save(Save::Now);
                        effect.notice = Some(crate::ui::effect::Notice::info(
                            "This statement was deleted on another device while you corrected it: it is back in the log, with your correction. Delete it again if it should go.",
                        ));
                    }
                    return effect;
                };
                // What changed here replaces the statement's; what changed only on
                // another device since the panel opened stays; a text changed on both
                // keeps both changes.
                let base = &self.base;
                let typed = self.text.text().trim_end_matches('\n').to_string();
                let changed = Intervention {
                    speaker: mine_or_now(&base.speaker, &self.speaker, &original.speaker),
                    on_behalf_of: mine_or_now(
                        &base.on_behalf_of,
                        &self.on_behalf_of,
                        &original.on_behalf_of,
                    ),
                    segment: mine_or_now(&base.segment, &self.segment, &original.segment),
                    text: crate::storage::text_merge::merge3(&base.text, &typed, &original.text),
                    footnotes: mine_or_now(&base.footnotes, &self.footnotes, &original.footnotes),
                    kind: mine_or_now(&base.kind, &self.kind, &original.kind),
                    ..original
                };
                // Saving is also the look a conflict mark asked for: it goes.
                let differs = session.intervention(self.id) != Some(&changed)
                    || !changed.provenance.conflict.is_empty();
                session.update_intervention(changed);
                Effect::request(Request::Close).with_save(if differs {
                    Save::Now
                } else {
                    Save::No
                })
            }
            Message::Cancel => Effect::request(Request::Close),
            Message::NewFootnote(text) => {
                self.new_footnote = text;
                Effect::none()
            }
            Message::AddFootnote => {
                let note = crate::core::text::clean_line(&self.new_footnote);
                if !note.is_empty() {
                    self.footnotes.push(note);
                    self.new_footnote.clear();
                }
                Effect::none()
            }
            Message::RemoveFootnote(n) => {
                if n < self.footnotes.len() {
                    self.footnotes.remove(n);
                }
                Effect::none()
            }
            Message::Delete => {
                self.confirm_delete = true;
                Effect::none()
            }
            Message::ConfirmDelete(yes) => {
                self.confirm_delete = false;
                if yes {
                    session.delete_intervention(self.id);
                    return Effect::request(Request::Close).with_save(Save::Now);
                }
                Effect::none()
            }
        }
    }

    fn choose(&mut self, index: usize, session: &mut Session) -> Effect {
        if let Some(Choice::Existing {
            candidate,
            on_behalf_of,
            ..
        }) = self.picker.choices.get(index).cloned()
        {
            self.speaker = candidate.speaker(session);
            if on_behalf_of.is_some() {
                self.on_behalf_of = on_behalf_of;
            }
            self.picker.query.clear();
            self.picker.choices.clear();
            return Effect::task(operation::focus(TEXT));
        }
        Effect::none()
    }

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let header = row![
            text(title(session, self.id)).size(style::size::INPUT),
            space::horizontal(),
            text("Speaker:").size(style::size::BODY).color(style::MUTED),
            text(session.speaker_label(&self.speaker)).size(style::size::READ),
            pick_list(
                group_choices(session),
                group_choice(session, self.on_behalf_of),
                Message::Behalf
            )
            .text_size(style::size::LABEL)
            .width(260),
            pick_list(
                segment_choices(session),
                segment_choice(session, self.segment),
                Message::Segment
            )
            .text_size(style::size::LABEL),
        ]
        .spacing(style::gap::M)
        .align_y(iced::Center);
        let picker = self.picker.view(
            false,
            PICKER,
            session,
            Message::PickerInput,
            Message::PickerSubmit,
            Message::Choose,
        );
        let body = editor(&self.text)
            .id(TEXT)
            .on_action(Message::Text)
            .key_binding(widget::typing_keys(Message::Shortcut))
            .height(110)
            .size(style::size::READ)
            .padding(style::gap::S);
        let actions = if self.confirm_delete {
            row![
                text("Delete this intervention from the log? This cannot be undone.")
                    .color(style::ALERT),
                button(text("Delete"))
                    .style(button::danger)
                    .on_press(Message::ConfirmDelete(true)),
                button(text("Keep"))
                    .style(button::secondary)
                    .on_press(Message::ConfirmDelete(false)),
            ]
        } else {
            row![
                button(text("Save correction (Ctrl+Enter)")).on_press(Message::Save),
                button(text("Cancel (Esc)"))
                    .style(button::secondary)
                    .on_press(Message::Cancel),
                space::horizontal(),
                text("Entry:").size(style::size::BODY).color(style::MUTED),
                pick_list(
                    kind_choices(),
                    kind_choices().into_iter().find(|c| c.value == self.kind),
                    Message::Kind
                )
                .text_size(style::size::LABEL),
                button(text("Delete…"))
                    .style(button::danger)
                    .on_press(Message::Delete),
            ]
        }
        .spacing(style::gap::M)
        .align_y(iced::Center);
        container(
            column![
                header,
                provenance(session, self.id, &self.base),
                // Actions first: they stay in view however tall the panel grows.
                actions,
                widget::clipped(body),
                self.footnotes_view(),
                text("Re-attribute: type another speaker below (optional)")
                    .size(style::size::HINT)
                    .color(style::MUTED),
                picker,
            ]
            .spacing(style::gap::S),
        )
        .padding(style::gap::L)
        .width(Fill)
        .style(style::panel)
        .into()
    }

    fn footnotes_view(&self) -> Element<'_, Message> {
        let mut list = column![].spacing(style::gap::XXS);
        for (n, note) in self.footnotes.iter().enumerate() {
            list = list.push(
                row![
                    text(format!("Footnote: {note}"))
                        .size(style::size::LABEL)
                        .width(Fill),
                    button(text("Remove").size(style::size::HINT))
                        .style(button::text)
                        .on_press(Message::RemoveFootnote(n)),
                ]
                .align_y(iced::Center),
            );
        }
        list.push(
            row![
                text_input(
                    "Footnote for this paragraph: a document symbol, “Available from …”",
                    &self.new_footnote
                )
                .id("correction-footnote")
                .on_input(Message::NewFootnote)
                .on_submit(Message::AddFootnote)
                .padding(style::gap::XS)
                .size(style::size::LABEL),
                button(text("Add footnote").size(style::size::LABEL))
                    .style(button::secondary)
                    .on_press(Message::AddFootnote),
            ]
            .spacing(style::gap::S),
        )
        .into()
    }
}

/// In a team session: who logged and changed the statement, and the mark left where two
/// devices changed it at once (saving clears it).
fn provenance<'a>(
    session: &'a Session,
    id: InterventionId,
    base: &Intervention,
) -> Element<'a, Message> {
    let Some(now) = session.intervention(id) else {
        return text("⚠ Deleted on another device since this panel opened: saving a correction brings it back, with the correction; Esc leaves it deleted.")
            .size(style::size::LABEL)
            .color(style::ALERT)
            .into();
    };
    let p = &now.provenance;
    // Changed on another device while the panel was open (what it shows is older): said
    // instead of who logged and changed it, so that the panel keeps its height.
    let since = now.text != base.text
        || now.speaker != base.speaker
        || now.on_behalf_of != base.on_behalf_of
        || now.segment != base.segment
        || now.footnotes != base.footnotes
        || now.kind != base.kind;
    if p.is_empty() && !since {
        return space().into();
    }
    let first = if since {
        text(format!(
            "⚠ Changed on {} since this panel opened: saving keeps that change with yours (both, where you changed the same text).",
            p.edited_by.last().map_or("another device", String::as_str)
        ))
        .size(style::size::LABEL)
        .color(style::ALERT)
    } else {
        let mut line = String::new();
        if !p.logged_by.is_empty() {
            line.push_str(&format!("Logged on {}", p.logged_by));
        }
        if !p.edited_by.is_empty() {
            if !line.is_empty() {
                line.push_str("; ");
            }
            line.push_str(&format!("changed on {}", p.edited_by.join(", ")));
        }
        text(line).size(style::size::HINT).color(style::MUTED)
    };
    let mut col = column![first];
    if !p.conflict.is_empty() {
        col = col.push(crate::ui::team::changed_at_once(
            &p.conflict,
            "both changes were merged into the text below. Read it, then save to mark it looked at.",
        ));
    }
    col.into()
}

/// A field of the panel: its value if changed here, else the statement's as it is now.
fn mine_or_now<T: PartialEq + Clone>(base: &T, mine: &T, now: &T) -> T {
    if mine == base {
        now.clone()
    } else {
        mine.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_names_a_statement_by_its_place_and_time_never_its_id() {
        let mut session = crate::core::demo::demo_session();
        let mut list = (*session.interventions).clone();
        if let Some(first) = list.first_mut() {
            let mut changed = (**first).clone();
            changed.id = (0x12_3456 << 29) + 7;
            *first = crate::core::shared::Shared::new(changed);
        }
        session.interventions = crate::core::shared::Shared::new(list);
        let total = session.interventions.len();
        let shown = title(&session, (0x12_3456 << 29) + 7);
        assert!(
            shown.starts_with(&format!("Correcting statement 1 of {total} (")),
            "{shown}"
        );
        let id = ((0x12_3456u64 << 29) + 7).to_string();
        assert!(!shown.contains(&id) && !shown.contains('#'), "{shown}");
        assert_eq!(title(&session, 1), "Correcting a statement deleted since");
    }
}
