//! `assemble`: the session in, the report out. Pure: same session, same report.

use chrono::NaiveDate;

use crate::core::intervention::{Intervention, Speaker};
use crate::core::meeting::{ReportKind, format_date};
use crate::core::participant::Role;
use crate::core::session::Session;
use crate::core::settings::DEFAULT_SUBTITLE;

use std::sync::Arc;

use crate::core::Participant;

use crate::core::layout::{Generated, Layout, Paragraph as LayoutParagraph};
use crate::core::text::{capitalize_first, clean_line};

use super::memo::Kept;
pub use super::memo::Memo;
use super::mentions::with_article;
use super::model::{Block, FirstPage, Inline, Report, Sources};
use super::participation;
use super::template::{self, Keys, Renderer, escape, from_inlines};
use super::words::{end_sentence, indefinite_article, join_and, lower_first, roman};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Panel summary report or minutes; the session's own choice when None.
    pub kind: Option<ReportKind>,
    /// Date of issue for the masthead (the caller's today; kept out so assembly stays pure).
    pub issue_date: Option<NaiveDate>,
}

pub fn assemble(session: &Session, options: &Options) -> Report {
    assemble_with(session, options, &mut Memo::default())
}

/// [`assemble`], reusing from `memo` what the last assembly with it printed (a summary
/// report's paragraphs; minutes are assembled whole).
pub fn assemble_with(session: &Session, options: &Options, memo: &mut Memo) -> Report {
    match options.kind.unwrap_or(session.meeting.report_kind) {
        ReportKind::PanelSummary => assemble_summary(
            session,
            &session.layout.resolve(session),
            &Keys::new(session),
            options,
            memo,
        ),
        ReportKind::Minutes => minutes(session, options),
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
            .filter(|i| i.segment == segment)
            .map(|i| &**i)
            .collect();
        list.sort_by_key(|i| (i.started_at, i.id));
        list
    };
    match generated {
        Generated::Introduction => {
            // Facts that are missing are left out of the sentence, never guessed (the
            // report's warnings say which): "Pursuant to resolution 44/14, on 11 May 2021
            // the Human Rights Council convened ..." (seed 002, para. 1).
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
            if let Some(chair) = m.chair.and_then(|c| session.participant(c)) {
                out.push_str(&format!(
                    " The meeting was chaired by {}.",
                    token_list(keys, session, &[chair])
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
            // As in seed 002 (para. 27): who spoke and who was not heard, one paragraph.
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

/// The summary report from a layout already resolved against the session (the editor
/// keeps one, so a change costs one resolution, not two), reusing from `memo` every
/// paragraph that would print the same words as when it was kept.
///
/// `memo` must come from assembling this same session with only its layout different
/// (the editor's operations change nothing else); start a new one otherwise. Given
/// that, the report is the one [`assemble`] gives.
pub fn assemble_summary(
    session: &Session,
    layout: &Layout,
    keys: &Keys,
    options: &Options,
    memo: &mut Memo,
) -> Report {
    let m = &session.meeting;
    let mut walk = memo.walk(session, keys, &layout.excluded);
    let mut renderer = Renderer::new(session, &layout.excluded, keys);
    let mut blocks = Vec::with_capacity(walk.expected() + layout.chapters.len());
    let mut warnings = Vec::new();
    let mut flagged = Vec::new();
    let mut number = 0;
    let mut chapter_number = 0;
    for chapter in &layout.chapters {
        // The heading goes first and comes out again if nothing in the chapter prints
        // (blocks are too many to collect per chapter and copy).
        let heading = blocks.len();
        blocks.push(Block::Chapter {
            numeral: None,
            title: String::new(),
        });
        let mut subheadings = 0;
        // Speakers whose own statements have begun in this chapter.
        let mut introduced: rustc_hash::FxHashSet<crate::core::participant::ParticipantId> =
            Default::default();
        for p in &chapter.paragraphs {
            // Only a paragraph written here is a subheading (one that holds statements
            // after a merge prints as a paragraph: nothing logged is lost).
            if p.heading && p.sources.is_empty() {
                // A., B. ...: counted here, so a moved subheading is lettered anew.
                let title = clean_line(p.text.as_deref().unwrap_or_default());
                if title.is_empty() {
                    continue;
                }
                subheadings += 1;
                blocks.push(Block::Subheading {
                    letter: subheading_letter(subheadings),
                    content: vec![Inline::Text(title)].into(),
                    item: Some(p.id),
                });
                continue;
            }
            if session.report.reintroduce
                && p.generated.is_none()
                && let Some(Speaker::Participant(id)) = p
                    .sources
                    .first()
                    .and_then(|id| keys.intervention(session, *id))
                    .map(|i| &i.speaker)
                && introduced.insert(*id)
            {
                renderer.mentions.forget(*id);
            }
            let kept = match walk.get(p, |k| renderer.mentions.would_repeat(&k.mentioned)) {
                Some(kept) => {
                    renderer.mentions.replay(&kept.mentioned);
                    kept
                }
                None => {
                    let template = paragraph_template(session, keys, p);
                    let mut unknown = Vec::new();
                    let _ = renderer.mentions.take_trace();
                    renderer.read_whole_log = false;
                    let mut runs = renderer.render(&template, &p.sources, &mut unknown);
                    runs.extend(p.footnotes.iter().map(|f| Inline::Footnote(f.clone())));
                    let prints = !runs
                        .iter()
                        .all(|i| matches!(i, Inline::Text(t) if t.trim().is_empty()));
                    Arc::new(Kept {
                        content: runs.into(),
                        sources: p.sources.as_slice().into(),
                        unknown,
                        unattributed: if p.text.is_none() && p.generated.is_none() {
                            unattributed(session, keys, &p.sources)
                        } else {
                            Vec::new()
                        },
                        mentioned: renderer.mentions.take_trace(),
                        prints,
                        generated: p.generated.is_some() && p.text.is_none(),
                        // Lead-ins ("For her part", "In her concluding remarks")
                        // follow the speaking order of the whole segment.
                        whole_log: p.generated.is_some()
                            || renderer.read_whole_log
                            || (p.text.is_none() && keys.has_lead_in_segment(session, &p.sources)),
                    })
                }
            };
            walk.keep(p, kept.clone());
            if !kept.prints {
                continue;
            }
            number += 1;
            let about_this = kept
                .unknown
                .iter()
                .map(|name| format!("{{{name}}} names no participant or delegation of this session (or more than one)."))
                .chain(kept.unattributed.iter().map(|speaker| {
                    format!("The statement of {speaker} opens with its own sentence and names no speaker; say who spoke.")
                }));
            for warning in about_this {
                warnings.push(format!("Paragraph {number}: {}", lower_first(&warning)));
                flagged.push((p.id, warning));
            }
            blocks.push(Block::Paragraph {
                number: Some(number),
                content: kept.content.clone(),
                generated: kept.generated,
                sources: kept.sources.clone(),
                item: Some(p.id),
            });
        }
        if subheadings == 1 {
            warnings.push(format!(
                "{}: a chapter with a subheading A. needs a B. too (or no subheading).",
                chapter.key.title(session)
            ));
        }
        if blocks.len() == heading + 1 {
            blocks.truncate(heading);
            continue;
        }
        chapter_number += 1;
        if let Some(Block::Chapter { numeral, title }) = blocks.get_mut(heading) {
            *numeral = Some(format!("{}.", roman(chapter_number)));
            *title = chapter.key.title(session);
        }
    }
    *memo = walk.finish();

    let mut masthead = vec![
        m.symbol.clone(),
        format!("Distr.: {}", typed_or(&m.distribution, "General")),
    ];
    if let Some(date) = m.issued.or(options.issue_date) {
        masthead.push(format_date(date));
    }
    masthead.push(format!(
        "Original: {}",
        typed_or(&m.original_language, "English")
    ));
    masthead.extend([m.body.clone(), m.session.clone(), m.session_dates.clone()]);
    if !m.agenda_item_number.is_empty() {
        masthead.push(format!("Agenda item {}", m.agenda_item_number));
    }
    masthead.push(m.agenda_item_title.clone());
    masthead.retain(|l| !l.trim().is_empty());

    let first_page = (!m.symbol.trim().is_empty()).then(|| FirstPage {
        symbol: m.symbol.clone(),
        organ: typed_or(&m.organ, FirstPage::organ_of(&m.symbol)),
        distribution: typed_or(&m.distribution, "General"),
        issued: m.issued.or(options.issue_date).map(format_date),
        original: typed_or(&m.original_language, "English"),
        body_lines: [
            m.body.clone(),
            m.session.clone(),
            m.session_dates.clone(),
            if m.agenda_item_number.is_empty() {
                String::new()
            } else {
                format!("Agenda item {}", m.agenda_item_number)
            },
        ]
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .collect(),
        item_title: m.agenda_item_title.clone(),
    });
    warnings.extend(missing_meeting_data(m));
    let (summary, summary_warning) = drafted_summary(session);
    warnings.extend(summary_warning);
    for p in &session.participants {
        if p.title_only && p.short_title.trim().is_empty() && !p.title.trim().is_empty() {
            warnings.push(format!(
                "{}: named by title only, with no short title; later mentions repeat the full title (person form, Short title).",
                capitalize_first(&with_article(&p.title))
            ));
        }
    }
    let subtitle = if session.report.subtitle.trim().is_empty() {
        DEFAULT_SUBTITLE.to_string()
    } else {
        session.report.subtitle.clone()
    };
    Report {
        kind: ReportKind::PanelSummary,
        masthead,
        title: if m.title.trim().is_empty() {
            TITLE_PLACEHOLDER.to_string()
        } else {
            m.title.clone()
        },
        subtitle,
        summary,
        blocks,
        header: m.symbol.clone(),
        footer: m.job_number.clone(),
        first_page,
        language: "en-GB".into(),
        issued: options.issue_date,
        warnings,
        flagged,
    }
}

/// The speakers of these statements whose notes print as their own sentence (they open
/// with a capital or a quotation mark) without naming them: the report keeps who spoke
/// in the paragraph's sources, the reader of the sentence would not know.
fn unattributed(
    session: &Session,
    keys: &template::Keys,
    sources: &[crate::core::intervention::InterventionId],
) -> Vec<String> {
    let mut out = Vec::new();
    let mut before: Option<&Speaker> = None;
    for i in sources
        .iter()
        .filter_map(|id| keys.intervention(session, *id))
    {
        let body = i.text.trim();
        // A written statement says whose it is ("In a written statement, ... said:").
        let own_sentence = !i.written && !body.is_empty() && !body.starts_with(char::is_lowercase);
        // Going on from the same speaker's statement, "She ..." is attribution enough.
        let goes_on = before == Some(&i.speaker);
        before = Some(&i.speaker);
        if !own_sentence || goes_on {
            continue;
        }
        let folded = crate::core::text::fold(body);
        let names: Vec<String> = match &i.speaker {
            Speaker::Participant(id) => session
                .participant(*id)
                .map(|p| {
                    // "The moderator and panellists all commended ..." says who spoke.
                    let role = (p.role != Role::Floor).then(|| p.role.label().to_string());
                    [
                        p.family_name.clone(),
                        p.title.clone(),
                        p.short_title.clone(),
                    ]
                    .into_iter()
                    .chain(role)
                    .collect()
                })
                .unwrap_or_default(),
            Speaker::Delegation(id) => session
                .delegation(id)
                .map(|d| d.names().map(String::from).collect())
                .unwrap_or_default(),
        };
        let named = names.iter().map(|n| crate::core::text::fold(n)).any(|n| {
            let n = n.strip_prefix("the ").unwrap_or(&n).trim().to_string();
            !n.is_empty() && folded.contains(&n)
        });
        if !named {
            out.push(session.speaker_label(&i.speaker));
        }
    }
    out
}

/// The meeting as the introduction and the Summary name it: "an intersessional panel
/// discussion to mark ...", "a panel discussion" when it has no title.
fn the_panel(m: &crate::core::meeting::Meeting) -> String {
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

/// What the Summary prints until the editor writes the themes.
pub const SUMMARY_PLACEHOLDER: &str =
    "[The main themes of the discussion, in two or three paragraphs.]";

/// The Summary: the mandate sentence (seed 002: "Pursuant to resolution 44/14, the Human
/// Rights Council convened on 11 May 2021 an intersessional panel discussion ..."),
/// then what the editor wrote, or a placeholder and a warning while there is nothing.
/// A typed Summary that opens with its own "Pursuant to" sentence is kept whole.
fn drafted_summary(session: &Session) -> (Vec<String>, Option<String>) {
    let typed: Vec<String> = session
        .report
        .summary
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect();
    if typed.first().is_some_and(|p| p.starts_with("Pursuant to")) {
        return (typed, None);
    }
    let m = &session.meeting;
    let mut sentence = String::new();
    if !m.mandate.trim().is_empty() {
        sentence.push_str(&format!("Pursuant to {}, ", m.mandate.trim()));
    }
    let what = the_panel(m);
    let date = m
        .date_text()
        .map(|d| format!(" on {d}"))
        .unwrap_or_default();
    if m.body.trim().is_empty() {
        sentence.push_str(&format!("{what} was held{date}."));
    } else {
        sentence.push_str(&format!("the {} convened{date} {what}.", m.body.trim()));
    }
    let mut out = vec![capitalize_first(&sentence)];
    if typed.is_empty() {
        out.push(SUMMARY_PLACEHOLDER.to_string());
        return (
            out,
            Some("Summary: only its first sentence is drafted; write the main themes of the discussion (Meeting screen, Summary).".into()),
        );
    }
    out.extend(typed);
    (out, None)
}

/// What the report prints where the meeting has no title: visible, so it is not missed.
pub const TITLE_PLACEHOLDER: &str = "[Title of the panel]";

/// The meeting data a summary report needs and does not have, each with what the report
/// does about it.
fn missing_meeting_data(m: &crate::core::meeting::Meeting) -> Vec<String> {
    let mut out = Vec::new();
    if m.title.trim().is_empty() {
        out.push(format!(
            "Meeting: no title; the report prints \"{TITLE_PLACEHOLDER}\" (Meeting screen, Title of the meeting)."
        ));
    }
    if m.body.trim().is_empty() {
        out.push(
            "Meeting: no body; the introduction says the panel \"was held\" without saying who convened it (Meeting screen, Body)."
                .into(),
        );
    }
    if m.mandate.trim().is_empty() {
        out.push(
            "Meeting: no mandate; the introduction names no resolution and the report does not say it was requested (Meeting screen, Mandate)."
                .into(),
        );
    }
    if m.date.is_none() {
        out.push("Meeting: no date; the introduction gives none (Meeting screen, Date).".into());
    }
    if m.symbol.trim().is_empty() {
        out.push(
            "Meeting: no document symbol; the first page has no masthead and pages no header (Meeting screen, Document symbol)."
                .into(),
        );
    }
    out
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

fn minutes(session: &Session, options: &Options) -> Report {
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
    if let Some(chair) = m.chair.and_then(|c| session.participant(c)) {
        blocks.push(plain(format!(
            "Meeting chaired by {}",
            chair.display_name()
        )));
    }
    let mut seen_items: Vec<u32> = Vec::new();
    let mut current: Option<u32> = None;
    let mut named: std::collections::HashSet<Speaker> = std::collections::HashSet::new();
    for i in in_order(session)
        .into_iter()
        .filter(|i| !session.layout.excluded.contains(&i.id))
    {
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
        let mut name = minutes_name(session, &i.speaker, first);
        if i.written {
            name.push_str(" (written statement)");
        }
        let mut content = vec![Inline::Bold(name)];
        let body = i.text.trim();
        if !body.is_empty() {
            content.push(Inline::text(" "));
            content.extend(runs(&end_sentence(body)));
        }
        content.extend(i.footnotes.iter().map(|f| Inline::Footnote(f.clone())));
        blocks.push(Block::Bullet {
            level: 0,
            content: content.into(),
            sources: [i.id].into(),
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
        warnings: Vec::new(),
        flagged: Vec::new(),
        first_page: None,
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
            // Minutes name officials too (seed 004: "Ilze Brands Kehris (Assistant
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

/// What was typed, or `default` when nothing was.
fn typed_or(typed: &str, default: &str) -> String {
    if typed.trim().is_empty() {
        default.to_string()
    } else {
        typed.trim().to_string()
    }
}

/// "A.", "B." ... "Z.", then "AA.", "AB." (a chapter never gets that far).
fn subheading_letter(n: usize) -> String {
    let letter = |i: usize| char::from(b'A' + u8::try_from(i % 26).unwrap_or(0));
    let mut out = String::new();
    if n > 26 {
        out.push(letter((n - 1) / 26 - 1));
    }
    out.push(letter(n - 1));
    out.push('.');
    out
}
