//! The summary record of a formal meeting (treaty bodies, Main Committees, the Council's
//! own meetings), as the UN writes them: the first page, "Summary record of the ...
//! meeting", where and when it was held, the Chair, the contents; "The meeting was called
//! to order at 10.05 a.m."; agenda items with their paragraphs in speaking order, each
//! speaker in indirect speech ("Mr. Bultrikov (Kazakhstan) said that ..."); "The meeting
//! rose at 12.30 p.m."

use chrono::{DateTime, NaiveTime, TimeZone, Utc};

use crate::core::intervention::{Intervention, InterventionId, Speaker};
use crate::core::layout::Layout;
use crate::core::meeting::{Meeting, ReportKind};
use crate::core::participant::ParticipantId;
use crate::core::proceedings::EntryKind;
use crate::core::session::Session;
use crate::core::text::capitalize_first;

use super::decisions::{stop, suspension, with_note};
use super::model::{Block, Inline, Report};
use super::options::Options;
use super::summary::first_page;
use super::template::{Keys, Renderer};
use super::times::un_time;
use super::words::end_sentence;

/// What the record prints where the meeting has no title.
pub const RECORD_TITLE_PLACEHOLDER: &str = "[Summary record of the … meeting]";

/// A moment of the log in the meeting's own time.
fn local(m: &Meeting, at: DateTime<Utc>) -> NaiveTime {
    m.zone().from_utc_datetime(&at.naive_utc()).time()
}

/// How a record names a speaker: "The Chair" for the presiding officer, "Mr. Bultrikov
/// (Kazakhstan)", "Ms. Ramos (UNESCO)", "The representative of Peru".
fn speaker_name(session: &Session, chair: Option<ParticipantId>, speaker: &Speaker) -> String {
    match speaker {
        Speaker::Delegation(id) => format!(
            "The representative of {}",
            session
                .delegation(id)
                .map(|d| d.running_name())
                .unwrap_or_else(|| id.clone())
        ),
        Speaker::Participant(id) => {
            let Some(p) = session.participant(*id) else {
                return "A participant".into();
            };
            if chair == Some(p.id) {
                return "The Chair".into();
            }
            if p.full_name().is_empty() || p.title_only {
                return capitalize_first(&p.display_name());
            }
            let name = p.later_mention();
            match session.speaker_delegation(speaker) {
                Some(d) => format!(
                    "{name} ({})",
                    d.acronym.clone().unwrap_or_else(|| d.name.clone())
                ),
                None => name,
            }
        }
    }
}

/// One statement in indirect speech: a note that begins with a verb follows the name
/// ("said that ...", "asked whether ..."); one that begins with a capital is introduced
/// ("... said: ...").
fn paragraph(session: &Session, chair: Option<ParticipantId>, i: &Intervention) -> String {
    let mut subject = speaker_name(session, chair, &i.speaker);
    if let Some(group) = i.on_behalf_of.and_then(|g| session.group(g)) {
        subject = format!("{subject}, speaking {},", group.behalf_phrase());
    }
    if i.written {
        subject = format!("{subject}, in a written statement,");
    }
    let note = i.text.trim();
    if note.is_empty() {
        format!("{subject} took the floor.")
    } else if note.starts_with(char::is_lowercase) {
        end_sentence(&format!("{subject} {note}"))
    } else {
        end_sentence(&format!("{subject} said: {note}"))
    }
}

/// "Mr. Amir (Vice-Chair) took the Chair.", or "Ms. Shepherd resumed the Chair." when the
/// meeting's own Chair comes back to it.
fn chair_taken(
    session: &Session,
    chair: Option<ParticipantId>,
    presiding: Option<ParticipantId>,
    speaker: &Speaker,
) -> String {
    let Speaker::Participant(id) = speaker else {
        return format!("{} took the Chair.", speaker_name(session, None, speaker));
    };
    let Some(p) = session.participant(*id) else {
        return "A participant took the Chair.".into();
    };
    let name = if p.full_name().is_empty() {
        capitalize_first(&p.display_name())
    } else {
        p.later_mention()
    };
    if chair == Some(p.id) && presiding != chair {
        return format!("{name} resumed the Chair.");
    }
    let office = Some(p.short_title.trim())
        .filter(|t| !t.is_empty())
        .or_else(|| Some(p.title.trim()).filter(|t| !t.is_empty()));
    match office {
        Some(office) if !p.full_name().is_empty() => format!("{name} ({office}) took the Chair."),
        _ => format!("{name} took the Chair."),
    }
}

/// One paragraph of the record: the statements it holds, and the editor's text for it if
/// the editor rewrote it.
struct Unit {
    segment: Option<u32>,
    sources: Vec<InterventionId>,
    text: Option<String>,
    footnotes: Vec<String>,
    heading: bool,
    item: Option<u32>,
}

/// The record's paragraphs in the order the meeting took them. Without the editor: one
/// per entry. With the editor's layout: its paragraphs (merged, rewritten, deleted,
/// inserted ones), each placed at its first statement's time; a paragraph without
/// statements follows the one before it in the layout. A record keeps the meeting's
/// order, so the editor's moves do not reorder it.
fn units(session: &Session, layout: &Layout, list: &[&Intervention]) -> Vec<Unit> {
    if session.layout.is_unused() {
        return list
            .iter()
            .map(|i| Unit {
                segment: Some(i.segment),
                sources: vec![i.id],
                text: None,
                footnotes: Vec::new(),
                heading: false,
                item: None,
            })
            .collect();
    }
    let at: std::collections::HashMap<InterventionId, (DateTime<Utc>, InterventionId, u32)> = list
        .iter()
        .map(|i| (i.id, (i.started_at, i.id, i.segment)))
        .collect();
    let mut keyed = Vec::new();
    let mut last = None;
    for chapter in &layout.chapters {
        for p in &chapter.paragraphs {
            if p.generated.is_some() && p.text.is_none() {
                continue;
            }
            let first = p.sources.iter().filter_map(|id| at.get(id)).min().copied();
            let Some(key) = first.or(last) else {
                // Written before any statement: opens the record.
                keyed.push(((DateTime::<Utc>::MIN_UTC, 0, 0), keyed.len(), p));
                continue;
            };
            last = Some(key);
            keyed.push((key, keyed.len(), p));
        }
    }
    keyed.sort_by_key(|(key, n, _)| (key.0, key.1, *n));
    keyed
        .into_iter()
        .map(|((_, _, segment), _, p)| Unit {
            segment: p
                .sources
                .iter()
                .find_map(|id| at.get(id))
                .map(|k| k.2)
                .or(Some(segment).filter(|s| *s != 0)),
            // A statement the editor left out of the report is not printed from it.
            sources: if p.text.is_some() {
                p.sources.clone()
            } else {
                p.sources
                    .iter()
                    .copied()
                    .filter(|id| at.contains_key(id))
                    .collect()
            },
            text: p.text.clone(),
            footnotes: p.footnotes.clone(),
            heading: p.heading && p.sources.is_empty(),
            item: Some(p.id),
        })
        .collect()
}

pub(super) fn record(session: &Session, options: &Options) -> Report {
    let m = &session.meeting;
    let mut warnings = Vec::new();
    let plain = |s: String| Block::Plain {
        content: vec![Inline::Text(s)].into(),
    };
    let mut list: Vec<&Intervention> = session
        .interventions
        .iter()
        .map(|i| &**i)
        .filter(|i| !session.layout.excluded.contains(&i.id))
        .collect();
    list.sort_by_key(|i| (i.started_at, i.id));

    let mut blocks = Vec::new();
    let chairs = session.chairs();
    // Found once: "The Chair" in every paragraph of the presiding officer.
    let presiding = chairs.first().map(|p| p.id);
    let chair = chairs.first().map(|p| match p.full_name().is_empty() {
        true => capitalize_first(&p.display_name()),
        false => p.later_mention(),
    });
    match &chair {
        Some(chair) => blocks.push(plain(format!("Chair: {chair}"))),
        None => warnings
            .push("Meeting: no chair; the record names none (Meeting screen, Chair).".into()),
    }
    let layout = session.layout.resolve(session);
    let units = units(session, &layout, &list);
    // Contents: the agenda items taken up, in the order taken up.
    let mut items: Vec<u32> = Vec::new();
    for segment in units.iter().filter_map(|u| u.segment) {
        if !items.contains(&segment) {
            items.push(segment);
        }
    }
    let title_of = |segment: u32| {
        session
            .segment(segment)
            .map(|s| s.title.clone())
            .unwrap_or_else(|| "Other matters".into())
    };
    if !items.is_empty() {
        blocks.push(Block::Heading {
            text: "Contents".into(),
        });
        for segment in &items {
            blocks.push(plain(title_of(*segment)));
        }
    }
    let opened = m
        .start_time
        .or_else(|| list.first().map(|i| local(m, i.started_at)));
    match opened {
        Some(t) => blocks.push(plain(stop(format!(
            "The meeting was called to order at {}",
            un_time(t)
        )))),
        None => warnings.push("Meeting: no start time and no statement; the record does not say when the meeting was called to order.".into()),
    }
    let mut number = 0;
    let mut current = None;
    let mut seen: Vec<u32> = Vec::new();
    // Who presides changes with "took the Chair": "The Chair" is whoever presides then.
    let mut presiding = presiding;
    let keys = Keys::new(session);
    let mut renderer = Renderer::new(session, &layout.excluded, &keys);
    let mut unknown = Vec::new();
    for unit in units {
        if let Some(segment) = unit.segment
            && current != Some(segment)
        {
            let continued = if seen.contains(&segment) {
                " (continued)"
            } else {
                ""
            };
            blocks.push(Block::Heading {
                text: format!("{}{continued}", title_of(segment)),
            });
            seen.push(segment);
            current = Some(segment);
        }
        if unit.heading {
            if let Some(title) = unit
                .text
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                blocks.push(Block::Heading {
                    text: title.to_string(),
                });
            }
            continue;
        }
        let mut content = match &unit.text {
            // The editor's own words, names as the report's templates print them.
            Some(template) => {
                let mut names = Vec::new();
                let runs = renderer.render(template, &unit.sources, &mut names);
                unknown.extend(names.into_iter().map(|name| (number + 1, name)));
                runs
            }
            None => {
                let mut sentences = Vec::new();
                for i in unit
                    .sources
                    .iter()
                    .filter_map(|id| keys.intervention(session, *id))
                {
                    // Suspensions and changes of the presiding officer are narrative
                    // lines without a number; decisions and statements are numbered.
                    match i.kind {
                        EntryKind::Suspension => {
                            blocks.push(plain(with_note(suspension(m, i), &i.text)));
                        }
                        EntryKind::ChairTaken => {
                            blocks.push(Block::Plain {
                                content: vec![Inline::Italic(with_note(
                                    chair_taken(
                                        session,
                                        chairs.first().map(|p| p.id),
                                        presiding,
                                        &i.speaker,
                                    ),
                                    &i.text,
                                ))]
                                .into(),
                            });
                            if let Speaker::Participant(id) = i.speaker {
                                presiding = Some(id);
                            }
                        }
                        EntryKind::Decision | EntryKind::NextStep => {
                            sentences.push(end_sentence(&capitalize_first(i.text.trim())));
                        }
                        EntryKind::Statement => sentences.push(paragraph(session, presiding, i)),
                    }
                }
                let text = sentences
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                if text.is_empty() {
                    continue;
                }
                let mut content = vec![Inline::Text(text)];
                for i in unit
                    .sources
                    .iter()
                    .filter_map(|id| keys.intervention(session, *id))
                {
                    content.extend(i.footnotes.iter().map(|f| Inline::Footnote(f.clone())));
                }
                content
            }
        };
        if content
            .iter()
            .all(|i| matches!(i, Inline::Text(t) if t.trim().is_empty()))
        {
            continue;
        }
        content.extend(unit.footnotes.iter().map(|f| Inline::Footnote(f.clone())));
        number += 1;
        blocks.push(Block::Paragraph {
            number: Some(number),
            content: content.into(),
            generated: false,
            sources: unit.sources.as_slice().into(),
            item: unit.item,
        });
    }
    for (number, name) in unknown {
        warnings.push(format!(
            "Paragraph {number}: {{{name}}} names no participant or delegation of this session (or more than one)."
        ));
    }
    let rose = m
        .end_time
        .or_else(|| list.last().map(|i| local(m, i.ended_at)));
    if let Some(t) = rose {
        blocks.push(plain(stop(format!("The meeting rose at {}", un_time(t)))));
    }

    let title = if m.title.trim().is_empty() {
        warnings.push(format!(
            "Meeting: no title; the record prints \"{RECORD_TITLE_PLACEHOLDER}\" (Meeting screen, Title of the meeting)."
        ));
        RECORD_TITLE_PLACEHOLDER.to_string()
    } else {
        m.title.clone()
    };
    // "Held at the Palais Wilson, Geneva, on Tuesday, 10 March 2026, at 10 a.m."
    let mut held = String::new();
    if !m.venue.trim().is_empty() {
        held.push_str(&format!("Held at {}", m.venue.trim()));
    }
    if let Some(date) = m.date {
        held.push_str(&format!(
            "{}on {}",
            if held.is_empty() { "Held " } else { ", " },
            date.format("%A, %-d %B %Y")
        ));
    }
    if let (Some(t), false) = (m.start_time, held.is_empty()) {
        held.push_str(&format!(", at {}", un_time(t)));
    }
    if !held.is_empty() {
        held = stop(held);
    }
    let (masthead, first_page) = first_page(m, options);
    Report {
        kind: ReportKind::SummaryRecord,
        masthead,
        title,
        subtitle: held,
        summary: Vec::new(),
        blocks,
        header: m.symbol.clone(),
        footer: m.job_number.clone(),
        language: "en-GB".into(),
        issued: options.issue_date,
        warnings,
        flagged: Vec::new(),
        first_page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_as_un_records_write_them() {
        let t = |h, m| un_time(NaiveTime::from_hms_opt(h, m, 0).unwrap());
        assert_eq!(t(10, 0), "10 a.m.");
        assert_eq!(t(10, 5), "10.05 a.m.");
        assert_eq!(t(12, 0), "12 noon");
        assert_eq!(t(12, 30), "12.30 p.m.");
        assert_eq!(t(15, 0), "3 p.m.");
        assert_eq!(t(0, 0), "midnight");
        assert_eq!(t(0, 15), "12.15 a.m.");
    }
}
