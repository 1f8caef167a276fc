//! `assemble`: the session in, the report out. Pure: same session, same report.

use chrono::NaiveDate;

use crate::core::intervention::{Intervention, Speaker};
use crate::core::meeting::{ReportKind, SegmentKind, format_date};
use crate::core::participant::Role;
use crate::core::session::Session;
use crate::core::settings::DEFAULT_SUBTITLE;

use super::mentions::{Mention, Mentions, join_mentions, with_article};
use super::model::{Block, Inline, Report};
use super::participation;
use super::words::{end_sentence, indefinite_article, lower_first, roman};
use crate::core::text::capitalize_first;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Panel summary report or minutes; the session's own choice when None.
    pub kind: Option<ReportKind>,
    /// Date of issue for the masthead (the caller's today; kept out so assembly stays pure).
    pub issue_date: Option<NaiveDate>,
}

pub fn assemble(session: &Session, options: &Options) -> Report {
    match options.kind.unwrap_or(session.meeting.report_kind) {
        ReportKind::PanelSummary => summary_report(session, options),
        ReportKind::Minutes => minutes(session, options),
    }
}

/// Interventions in speaking order (ties keep logging order).
fn in_order(session: &Session) -> Vec<&Intervention> {
    let mut list: Vec<&Intervention> = session.interventions.iter().collect();
    list.sort_by_key(|i| (i.started_at, i.id));
    list
}

/// Statement text into inline runs, keeping line breaks.
fn runs(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push(Inline::LineBreak);
        }
        if !line.is_empty() {
            out.push(Inline::text(line));
        }
    }
    out
}

fn starts_lower(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// One intervention as a paragraph: a statement opening with a lower-case word gets its
/// speaker put in front ("highlighted ..." -> "Ms. Bouayach highlighted ...").
fn intervention_text(session: &Session, mentions: &mut Mentions, i: &Intervention) -> String {
    let body = i.text.trim();
    let attribute = body.is_empty() || starts_lower(body);
    if !attribute {
        return body.to_string();
    }
    let mention = mentions.speaker(session, &i.speaker);
    let mut subject = mention.subject();
    if let Some(group) = i.on_behalf_of.and_then(|g| session.group(g)) {
        let bare = subject.trim_end_matches(',').to_string();
        subject = format!("{bare}, speaking {},", group.behalf_phrase());
    }
    if body.is_empty() {
        format!("{subject} took the floor.")
    } else {
        end_sentence(&format!("{subject} {body}"))
    }
}

struct Numbering {
    next: u32,
}

impl Numbering {
    fn paragraph(&mut self, content: Vec<Inline>, generated: bool, sources: Vec<u64>) -> Block {
        let number = self.next;
        self.next += 1;
        Block::Paragraph {
            number: Some(number),
            content,
            generated,
            sources,
        }
    }
}

fn summary_report(session: &Session, options: &Options) -> Report {
    let m = &session.meeting;
    let mut mentions = Mentions::default();
    let mut numbering = Numbering { next: 1 };
    let mut blocks = Vec::new();
    let order = in_order(session);

    // I. Introduction
    blocks.push(Block::Chapter {
        numeral: Some("I.".into()),
        title: "Introduction".into(),
    });
    let mut intro = String::new();
    if !m.mandate.is_empty() {
        intro.push_str(&format!("Pursuant to {}, ", m.mandate));
    }
    if let Some(date) = m.date_text() {
        intro.push_str(&format!("on {date} "));
    }
    let what = if m.title.is_empty() {
        "a panel discussion".to_string()
    } else {
        lower_first(&m.title)
    };
    let article = if what.starts_with("a ") || what.starts_with("an ") || what.starts_with("the ") {
        String::new()
    } else {
        format!("{} ", indefinite_article(&what))
    };
    intro.push_str(&format!(
        "the {} convened {article}{what}",
        if m.body.is_empty() {
            "meeting"
        } else {
            &m.body
        }
    ));
    let purpose = session.report.purpose.trim();
    if !purpose.is_empty() {
        intro.push_str(&format!(", {}", purpose.trim_end_matches('.')));
    }
    intro.push('.');
    if let Some(chair) = m.chair.and_then(|c| session.participant(c)) {
        let mention = mentions.person(chair);
        intro.push_str(&format!(" The meeting was chaired by {}.", mention.text));
    }
    blocks.push(numbering.paragraph(vec![Inline::Text(capitalize_first(&intro))], true, vec![]));
    blocks.push(numbering.paragraph(
        vec![Inline::text("As requested in the resolution, the present report summarizes the discussions held during the meeting.")],
        true,
        vec![],
    ));

    let mut chapter = 1;
    for segment in &session.segments {
        let items: Vec<&Intervention> = order
            .iter()
            .copied()
            .filter(|i| i.segment == segment.id)
            .collect();
        let mut content = Vec::new();
        match segment.kind {
            SegmentKind::Opening => {
                let speakers = people_in_order(session, &items, Role::OpeningSpeaker);
                if !speakers.is_empty() {
                    let list: Vec<Mention> = speakers.iter().map(|p| mentions.person(p)).collect();
                    let text = format!(
                        "{} delivered opening statements.",
                        capitalize_first(&join_mentions(&list))
                    );
                    content.push(numbering.paragraph(vec![Inline::Text(text)], true, vec![]));
                }
            }
            SegmentKind::Panel => {
                let moderators = people_in_order(session, &items, Role::Moderator);
                let panellists = people_in_order(session, &items, Role::Panellist);
                if !moderators.is_empty() || !panellists.is_empty() {
                    let mods: Vec<Mention> =
                        moderators.iter().map(|p| mentions.person(p)).collect();
                    let pans: Vec<Mention> =
                        panellists.iter().map(|p| mentions.person(p)).collect();
                    let text = match (mods.is_empty(), pans.is_empty()) {
                        (false, false) => format!(
                            "The panel discussion was moderated by {}, with the participation of {}.",
                            join_mentions(&mods),
                            join_mentions(&pans)
                        ),
                        (false, true) => format!(
                            "The panel discussion was moderated by {}.",
                            join_mentions(&mods)
                        ),
                        _ => format!("The panellists were {}.", join_mentions(&pans)),
                    };
                    content.push(numbering.paragraph(vec![Inline::Text(text)], true, vec![]));
                }
            }
            SegmentKind::Dialogue => {
                // As in seed 002 (para. 27): who spoke and who was not heard, one paragraph.
                let mut runs = participation::took_the_floor(session, &items).unwrap_or_default();
                if let Some(text) = participation::not_heard(session) {
                    if !runs.is_empty() {
                        runs.push(Inline::text(" "));
                    }
                    runs.push(Inline::Text(text));
                }
                if !runs.is_empty() {
                    content.push(numbering.paragraph(runs, true, vec![]));
                }
                if let Some(text) = participation::ngos(session, &items) {
                    content.push(numbering.paragraph(vec![Inline::Text(text)], true, vec![]));
                }
            }
            _ => {}
        }
        for i in &items {
            let text = intervention_text(session, &mut mentions, i);
            let mut inline = runs(&text);
            inline.extend(i.footnotes.iter().map(|f| Inline::Footnote(f.clone())));
            content.push(numbering.paragraph(inline, false, vec![i.id]));
        }
        if content.is_empty() {
            continue;
        }
        chapter += 1;
        blocks.push(Block::Chapter {
            numeral: Some(format!("{}.", roman(chapter))),
            title: segment.title.clone(),
        });
        blocks.extend(content);
    }

    let mut masthead = vec![m.symbol.clone(), "Distr.: General".into()];
    if let Some(date) = options.issue_date {
        masthead.push(format_date(date));
    }
    masthead.push("Original: English".into());
    masthead.extend([m.body.clone(), m.session.clone()]);
    if !m.agenda_item_number.is_empty() {
        masthead.push(format!("Agenda item {}", m.agenda_item_number));
    }
    masthead.push(m.agenda_item_title.clone());
    masthead.retain(|l| !l.trim().is_empty());

    let subtitle = if session.report.subtitle.trim().is_empty() {
        DEFAULT_SUBTITLE.to_string()
    } else {
        session.report.subtitle.clone()
    };
    Report {
        kind: ReportKind::PanelSummary,
        masthead,
        title: m.title.clone(),
        subtitle,
        summary: session
            .report
            .summary
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect(),
        blocks,
        header: m.symbol.clone(),
        footer: m.job_number.clone(),
        language: "en-GB".into(),
        issued: options.issue_date,
    }
}

/// Participants of a role: those who spoke in this segment first (speaking order), then
/// the others of that role in registry order.
fn people_in_order<'a>(
    session: &'a Session,
    items: &[&Intervention],
    role: Role,
) -> Vec<&'a crate::core::Participant> {
    let mut out: Vec<&crate::core::Participant> = Vec::new();
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

fn minutes(session: &Session, options: &Options) -> Report {
    let m = &session.meeting;
    let mut blocks = Vec::new();
    let plain = |s: String| Block::Plain {
        content: vec![Inline::Text(s)],
    };
    if !m.title.trim().is_empty() {
        blocks.push(plain(m.title.clone()));
    }
    let when = [m.date_text(), m.time_range_text()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    if !when.is_empty() {
        blocks.push(plain(when));
    }
    if !m.venue.is_empty() {
        blocks.push(plain(format!("Venue: {}", m.venue)));
    }
    blocks.push(Block::Chapter {
        numeral: None,
        title: "Minutes".into(),
    });
    if let Some(chair) = m.chair.and_then(|c| session.participant(c)) {
        blocks.push(plain(format!(
            "Meeting chaired by {}",
            chair.display_name()
        )));
    }
    let mut seen_items: Vec<u32> = Vec::new();
    let mut current: Option<u32> = None;
    let mut named: std::collections::HashSet<Speaker> = std::collections::HashSet::new();
    for i in in_order(session) {
        if current != Some(i.segment) {
            let position = session
                .segments
                .iter()
                .position(|s| s.id == i.segment)
                .map(|p| p + 1)
                .unwrap_or(0);
            let title = session
                .segment(i.segment)
                .map(|s| s.title.as_str())
                .unwrap_or("Other business");
            let continued = if seen_items.contains(&i.segment) {
                " (continued)"
            } else {
                ""
            };
            blocks.push(Block::Heading {
                text: format!("{position}. {title}{continued}"),
            });
            seen_items.push(i.segment);
            current = Some(i.segment);
        }
        let first = named.insert(i.speaker.clone());
        let name = minutes_name(session, &i.speaker, first);
        let mut content = vec![Inline::Bold(name)];
        let body = i.text.trim();
        if !body.is_empty() {
            content.push(Inline::text(" "));
            content.extend(runs(&end_sentence(body)));
        }
        content.extend(i.footnotes.iter().map(|f| Inline::Footnote(f.clone())));
        blocks.push(Block::Bullet {
            level: 0,
            content,
            sources: vec![i.id],
        });
    }
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    };
    let decisions = lines(&session.report.decisions);
    if !decisions.is_empty() {
        blocks.push(Block::Heading {
            text: "Decisions and commitments".into(),
        });
        let label = session.report.decision_label.trim();
        for (n, decision) in decisions.iter().enumerate() {
            let mut content = Vec::new();
            if !label.is_empty() {
                content.push(Inline::Bold(format!("{label} {}:", n + 1)));
                content.push(Inline::text(" "));
            }
            content.push(Inline::Text(end_sentence(decision)));
            blocks.push(Block::Bullet {
                level: 0,
                content,
                sources: vec![],
            });
        }
    }
    let conclusions = lines(&session.report.conclusions);
    if !conclusions.is_empty() {
        blocks.push(Block::Heading {
            text: "Conclusions and next steps".into(),
        });
        for line in conclusions {
            blocks.push(Block::Bullet {
                level: 0,
                content: vec![Inline::Text(end_sentence(&line))],
                sources: vec![],
            });
        }
    }
    Report {
        kind: ReportKind::Minutes,
        masthead: Vec::new(),
        title: if m.body.is_empty() {
            "Minutes".into()
        } else {
            m.body.clone()
        },
        subtitle: String::new(),
        summary: Vec::new(),
        blocks,
        header: m.body.clone(),
        footer: m.job_number.clone(),
        language: "en-GB".into(),
        issued: options.issue_date,
    }
}

/// Minutes name people by name; at first mention with "(title, entity)".
fn minutes_name(session: &Session, speaker: &Speaker, first: bool) -> String {
    match speaker {
        Speaker::Delegation(id) => session
            .delegation(id)
            .map(|d| capitalize_first(&d.running_name()))
            .unwrap_or_else(|| id.clone()),
        Speaker::Participant(id) => {
            let Some(p) = session.participant(*id) else {
                return "A participant".into();
            };
            let official = p.title_only || p.full_name().is_empty();
            if !first {
                return capitalize_first(&p.display_name());
            }
            let name = if official {
                capitalize_first(&with_article(&p.title))
            } else {
                p.full_name()
            };
            let entity = session
                .speaker_delegation(speaker)
                .filter(|d| !p.title.contains(&d.name))
                .map(|d| d.acronym.clone().unwrap_or_else(|| d.name.clone()));
            let title = Some(p.title.clone()).filter(|t| !t.is_empty() && !official);
            let details: Vec<String> = [title, entity].into_iter().flatten().collect();
            if details.is_empty() {
                name
            } else {
                format!("{name} ({})", details.join(", "))
            }
        }
    }
}
