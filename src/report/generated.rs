//! The paragraphs the report writes itself (drafting rules, section 1): the introduction,
//! "As requested in the resolution ...", the opening speakers, the panel, the
//! participation paragraphs; and the template any layout paragraph prints.

use crate::core::Participant;
use crate::core::intervention::{Intervention, Speaker};
use crate::core::layout::{Generated, Paragraph as LayoutParagraph};
use crate::core::meeting::Meeting;
use crate::core::participant::Role;
use crate::core::session::Session;
use crate::core::text::capitalize_first;

use super::model::Inline;
use super::participation;
use super::template::{self, Keys, escape, from_inlines};
use super::words::{indefinite_article, join_and, lower_first};

/// Names as template tokens joined as a list ("{A}, {B} and {C}"); the renderer adds
/// the comma that closes an appositive.
fn token_list(keys: &Keys, session: &Session, people: &[&Participant]) -> String {
    let tokens: Vec<String> = people
        .iter()
        .map(|p| format!("{{{}}}", keys.key_for(session, &Speaker::Participant(p.id))))
        .collect();
    join_and(&tokens)
}

/// The template a generator writes for this place of the report (empty: nothing to say).
pub fn generated_template(session: &Session, keys: &Keys, generated: Generated) -> String {
    let m = &session.meeting;
    // One segment's statements in speaking order (only those are sorted).
    let items = |segment: u32| -> Vec<&Intervention> {
        let mut list: Vec<&Intervention> = session
            .interventions
            .iter()
            .filter(|i| i.segment == segment && i.is_statement())
            .map(|i| &**i)
            .collect();
        list.sort_by_key(|i| (i.started_at, i.id));
        list
    };
    match generated {
        Generated::Introduction => {
            // Facts that are missing are left out of the sentence, never guessed (the
            // report's warnings say which): "Pursuant to resolution 44/14, on 11 May 2021
            // the Human Rights Council convened ..." (the model report, para. 1).
            let mut intro = String::new();
            if !m.mandate.trim().is_empty() {
                intro.push_str(&format!("Pursuant to {}, ", m.mandate.trim()));
            }
            if let Some(date) = m.date_text() {
                intro.push_str(&format!("on {date} "));
            }
            let what = the_panel(m);
            if m.body.trim().is_empty() {
                intro.push_str(&format!("{what} was held"));
            } else {
                intro.push_str(&format!("the {} convened {what}", m.body.trim()));
            }
            let purpose = session.report.purpose.trim();
            if !purpose.is_empty() {
                intro.push_str(&format!(", {}", purpose.trim_end_matches('.')));
            }
            intro.push('.');
            let mut out = escape(&capitalize_first(&intro));
            let chairs = session.chairs();
            if !chairs.is_empty() {
                out.push_str(&format!(
                    " The meeting was {} by {}.",
                    if chairs.len() > 1 {
                        "co-chaired"
                    } else {
                        "chaired"
                    },
                    token_list(keys, session, &chairs)
                ));
            }
            out
        }
        Generated::Request => {
            // "As requested in the resolution" only when there is one to have asked.
            let mandate = m.mandate.trim();
            let kind = mandate
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_lowercase();
            let rest = "the present report summarizes the discussions held during the meeting.";
            if mandate.is_empty() {
                capitalize_first(rest)
            } else if ["resolution", "decision"].contains(&kind.as_str()) {
                format!("As requested in the {kind}, {rest}")
            } else {
                escape(&format!("As requested in {mandate}, {rest}"))
            }
        }
        Generated::Opening(segment) => {
            let speakers = people_in_order(session, &items(segment), Role::OpeningSpeaker);
            if speakers.is_empty() {
                return String::new();
            }
            let what = if speakers.len() == 1 {
                "an opening statement"
            } else {
                "opening statements"
            };
            format!("{} delivered {what}.", token_list(keys, session, &speakers))
        }
        Generated::Panel(segment) => {
            let items = items(segment);
            let moderators = people_in_order(session, &items, Role::Moderator);
            let panellists = people_in_order(session, &items, Role::Panellist);
            let mods = token_list(keys, session, &moderators);
            let pans = token_list(keys, session, &panellists);
            match (moderators.is_empty(), panellists.is_empty()) {
                (true, true) => String::new(),
                (false, false) => format!(
                    "The panel discussion was moderated by {mods}, with the participation of {pans}."
                ),
                (false, true) => format!("The panel discussion was moderated by {mods}."),
                _ if panellists.len() == 1 => format!("The panellist was {pans}."),
                _ => format!("The panellists were {pans}."),
            }
        }
        Generated::Participation(segment) => {
            // As in the model report (para. 27): who spoke and who was not heard, one paragraph.
            let mut runs =
                participation::took_the_floor(session, &items(segment)).unwrap_or_default();
            if let Some(text) = participation::not_heard(session) {
                if !runs.is_empty() {
                    runs.push(Inline::text(" "));
                }
                runs.push(Inline::Text(text));
            }
            from_inlines(&runs)
        }
        Generated::Ngos(segment) => participation::ngos(session, &items(segment))
            .map(|t| escape(&t))
            .unwrap_or_default(),
    }
}

/// The template a paragraph prints: the editor's text, or what it is generated from.
pub fn paragraph_template(session: &Session, keys: &Keys, p: &LayoutParagraph) -> String {
    match (&p.text, p.generated) {
        (Some(text), _) => text.clone(),
        (None, Some(generated)) => generated_template(session, keys, generated),
        (None, None) => template::statements(session, keys, &p.sources),
    }
}

/// Participants of a role: those who spoke in this segment first (speaking order), then
/// the others of that role in registry order.
fn people_in_order<'a>(
    session: &'a Session,
    items: &[&Intervention],
    role: Role,
) -> Vec<&'a Participant> {
    let mut out: Vec<&Participant> = Vec::new();
    for i in items {
        if let Speaker::Participant(id) = i.speaker
            && let Some(p) = session.participant(id)
            && p.role == role
            && !out.iter().any(|q| q.id == p.id)
        {
            out.push(p);
        }
    }
    for p in session.participants.iter().filter(|p| p.role == role) {
        if !out.iter().any(|q| q.id == p.id) {
            out.push(p);
        }
    }
    out
}

/// The meeting as the introduction and the Summary name it: "an intersessional panel
/// discussion to mark ...", "a panel discussion" when it has no title.
pub(super) fn the_panel(m: &Meeting) -> String {
    let what = if m.title.trim().is_empty() {
        "a panel discussion".to_string()
    } else {
        lower_first(m.title.trim())
    };
    if what.starts_with("a ") || what.starts_with("an ") || what.starts_with("the ") {
        what
    } else {
        format!("{} {what}", indefinite_article(&what))
    }
}
