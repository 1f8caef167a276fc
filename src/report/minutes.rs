//! Minutes (the model minutes): agenda items as numbered headings, one bullet per statement with
//! the speaker's name in bold, then decisions and conclusions.

use crate::core::intervention::{Intervention, Speaker};
use crate::core::meeting::ReportKind;
use crate::core::proceedings::EntryKind;
use crate::core::session::Session;
use crate::core::text::capitalize_first;

use super::decisions::Steps;
use super::mentions::with_article;
use super::model::{Block, Inline, Report, Sources};
use super::options::Options;
use super::words::end_sentence;

/// An agenda item's heading, naming its presenters where the item has them: "Opening and
/// Introduction by Ilze Brands Kehris (Assistant Secretary-General for Human Rights,
/// OHCHR) and Gabriela Ramos (...)" (the model minutes, item 1).
fn item_heading(session: &Session, segment: u32, title: &str) -> String {
    let presenters: Vec<String> = session
        .segment(segment)
        .map(|s| s.presenters.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|id| session.participant(*id))
        .map(|p| minutes_name(session, &Speaker::Participant(p.id), true))
        .collect();
    if presenters.is_empty() {
        title.to_string()
    } else {
        format!("{title} by {}", super::words::join_and(&presenters))
    }
}

/// Interventions in speaking order (ties keep logging order).
fn in_order(session: &Session) -> Vec<&Intervention> {
    let mut list: Vec<&Intervention> = session.interventions.iter().map(|i| &**i).collect();
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

pub(super) fn minutes(session: &Session, options: &Options) -> Report {
    let m = &session.meeting;
    let mut blocks = Vec::new();
    let plain = |s: String| Block::Plain {
        content: vec![Inline::Text(s)].into(),
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
    let chairs: Vec<String> = session.chairs().iter().map(|p| p.display_name()).collect();
    if !chairs.is_empty() {
        blocks.push(plain(format!(
            "Meeting {} by {}",
            if chairs.len() > 1 {
                "co-chaired"
            } else {
                "chaired"
            },
            super::words::join_and(&chairs)
        )));
    }
    let mut seen_items: Vec<u32> = Vec::new();
    let mut current: Option<u32> = None;
    let mut named: std::collections::HashSet<Speaker> = std::collections::HashSet::new();
    let printed: Vec<&Intervention> = in_order(session)
        .into_iter()
        .filter(|i| !session.layout.excluded.contains(&i.id))
        .collect();
    // Items are numbered 1..N in agenda order among those the minutes print: a segment
    // nobody spoke in (a panel's defaults in a network's session) takes no number.
    let spoken: std::collections::HashSet<u32> = printed.iter().map(|i| i.segment).collect();
    let numbers: std::collections::HashMap<u32, usize> = session
        .segments
        .iter()
        .filter(|s| spoken.contains(&s.id))
        .enumerate()
        .map(|(n, s)| (s.id, n + 1))
        .collect();
    let label = session.report.decisions_label().to_string();
    let steps = Steps::of(session, &printed, &label);
    let mut warnings = steps.warnings.clone();
    // A statement that announces the decisions logged right after it keeps its colon
    // ("presented the 5 commitments for adoption:", the model minutes).
    let announcing: std::collections::HashSet<u64> = printed
        .windows(2)
        .filter_map(|pair| match pair {
            [a, b] if a.segment == b.segment && b.kind == EntryKind::Decision => Some(a.id),
            _ => None,
        })
        .collect();
    for i in printed {
        if current != Some(i.segment) {
            let position = numbers
                .get(&i.segment)
                .copied()
                .unwrap_or(numbers.len() + 1);
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
                text: format!(
                    "{position}. {}{continued}",
                    item_heading(session, i.segment, title)
                ),
            });
            seen_items.push(i.segment);
            current = Some(i.segment);
        }
        if !i.is_statement() {
            steps.print(session, i, &label, &mut blocks);
            continue;
        }
        // Positions on numbered decisions print under the decision (the model minutes, item 4).
        let (note, positions) = super::decisions::positions_of(i, &label, &steps.numbers);
        if note.is_empty() && !positions.is_empty() {
            continue;
        }
        let first = named.insert(i.speaker.clone());
        let mut name = minutes_name(session, &i.speaker, first);
        if i.written {
            name.push_str(" (written statement)");
        }
        let mut content = vec![Inline::Bold(name)];
        // The model minutes: "**Name (title, entity)**, on behalf of the Group, expressed ...".
        if let Some(group) = i.on_behalf_of.and_then(|g| session.group(g)) {
            content.push(Inline::Text(format!(", {},", group.behalf_phrase())));
        }
        // Lines of the note that start with "- " are its enumeration: sub-bullets.
        let (said, items) = enumeration(&note);
        if !said.is_empty() {
            content.push(Inline::text(" "));
            // "... noted three points:" announces its items and keeps its colon.
            let said = if (!items.is_empty() || announcing.contains(&i.id)) && said.ends_with(':') {
                said
            } else {
                end_sentence(&said)
            };
            content.extend(runs(&said));
        }
        content.extend(i.footnotes.iter().map(|f| Inline::Footnote(f.clone())));
        blocks.push(Block::Bullet {
            level: 0,
            content: content.into(),
            sources: [i.id].into(),
        });
        for item in items {
            blocks.push(Block::Bullet {
                level: 1,
                content: runs(&item).into(),
                sources: [i.id].into(),
            });
        }
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
        // Numbered on from the decisions logged in their agenda items.
        let first = steps.numbers.len() + 1;
        for (n, decision) in decisions.iter().enumerate() {
            let mut content = Vec::new();
            if !label.is_empty() {
                content.push(Inline::Italic(format!("{label} {}:", first + n)));
                content.push(Inline::text(" "));
            }
            content.push(Inline::Text(end_sentence(decision)));
            blocks.push(Block::Bullet {
                level: 0,
                content: content.into(),
                sources: Sources::default(),
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
                content: vec![Inline::Text(end_sentence(&line))].into(),
                sources: Sources::default(),
            });
        }
    }
    if m.body.trim().is_empty() {
        warnings.push(format!(
            "Meeting: no body; the minutes print \"{BODY_PLACEHOLDER}\" (Meeting screen, Body)."
        ));
    }
    Report {
        kind: ReportKind::Minutes,
        masthead: Vec::new(),
        title: if m.body.trim().is_empty() {
            BODY_PLACEHOLDER.into()
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
        warnings,
        flagged: Vec::new(),
        first_page: None,
    }
}

/// What the minutes print where the meeting names no body (never another body's name).
pub const BODY_PLACEHOLDER: &str = "[Name of the body or network]";

/// A note split into what was said and the items of its enumeration: each line starting
/// with "- " opens an item; the lines after it, up to the next, belong to it.
fn enumeration(note: &str) -> (String, Vec<String>) {
    let mut said: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    for line in note.split('\n') {
        match line.trim_start().strip_prefix("- ") {
            Some(item) => items.push(item.trim().to_string()),
            None => match items.last_mut() {
                Some(item) => {
                    item.push('\n');
                    item.push_str(line.trim());
                }
                None => said.push(line),
            },
        }
    }
    (said.join("\n").trim().to_string(), items)
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
            // Minutes name officials too (the model minutes: "Ilze Brands Kehris (Assistant
            // Secretary-General for Human Rights, OHCHR)"); only one logged without a name
            // goes by title.
            let official = p.full_name().is_empty();
            if !first {
                return if official {
                    capitalize_first(&p.display_name())
                } else {
                    p.full_name()
                };
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
