//! The panel summary report (drafting rules, sections 1-3; the model report): the first page, the
//! boxed Summary, chapters with Roman numerals and paragraphs numbered 1 to N, printed
//! from the editor's layout and reusing what the last assembly printed.

use std::sync::Arc;

use crate::core::intervention::{InterventionId, Speaker};
use crate::core::layout::Layout;
use crate::core::meeting::{Meeting, ReportKind, format_date};
use crate::core::participant::{ParticipantId, Role};
use crate::core::session::Session;
use crate::core::settings::DEFAULT_SUBTITLE;
use crate::core::text::{capitalize_first, clean_line, fold};

use super::generated::{paragraph_template, the_panel};
use super::memo::{Kept, Memo};
use super::mentions::with_article;
use super::model::{Block, FirstPage, Inline, Report};
use super::options::Options;
use super::template::{Keys, Renderer};
use super::words::{lower_first, roman};

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
        let mut introduced: rustc_hash::FxHashSet<ParticipantId> = Default::default();
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

    let (masthead, first_page) = first_page(m, options);
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

/// The masthead lines (for the writers without a first page) and the UN first page of a
/// report with a symbol: shared by the summary report and the summary record.
pub(super) fn first_page(m: &Meeting, options: &Options) -> (Vec<String>, Option<FirstPage>) {
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
    (masthead, first_page)
}

/// The speakers of these statements whose notes print as their own sentence (they open
/// with a capital or a quotation mark) without naming them: the report keeps who spoke
/// in the paragraph's sources, the reader of the sentence would not know.
fn unattributed(session: &Session, keys: &Keys, sources: &[InterventionId]) -> Vec<String> {
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
        let folded = fold(body);
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
        let named = names.iter().map(|n| fold(n)).any(|n| {
            let n = n.strip_prefix("the ").unwrap_or(&n).trim().to_string();
            !n.is_empty() && folded.contains(&n)
        });
        if !named {
            out.push(session.speaker_label(&i.speaker));
        }
    }
    out
}

/// What the Summary prints until the editor writes the themes.
pub const SUMMARY_PLACEHOLDER: &str =
    "[The main themes of the discussion, in two or three paragraphs.]";

/// The Summary: the mandate sentence (the model report: "Pursuant to resolution 44/14, the Human
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
fn missing_meeting_data(m: &Meeting) -> Vec<String> {
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
