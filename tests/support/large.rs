//! A large meeting for the tests and benchmarks of scale: the demo meeting with any
//! number of made-up statements of realistic length.

use chrono::DateTime;

use rapporteur::core::intervention::{Intervention, Speaker};
use rapporteur::core::session::Session;
use rapporteur::core::{ReportKind, delegation::catalogue, demo::demo_session};

const WORDS: &[&str] = &[
    "stressed",
    "that",
    "the",
    "prevention",
    "of",
    "atrocity",
    "crimes",
    "required",
    "early",
    "warning",
    "and",
    "national",
    "focal",
    "points",
    "accountability",
    "civil",
    "society",
    "participation",
    "human",
    "rights",
    "mechanisms",
];

/// A 90-word statement, different for each `i`.
pub fn statement(i: usize) -> String {
    let words: Vec<&str> = (0..90)
        .map(|w| WORDS[(i * 7 + w * 3) % WORDS.len()])
        .collect();
    words.join(" ")
}

/// Made-up statement `i` (id `i + 1`) by `speaker`, `every` seconds after the one before,
/// in one of the four segments in turn.
pub fn made_up(i: usize, speaker: Speaker, every: i64) -> Intervention {
    let start = DateTime::from_timestamp(1_620_738_000, 0).unwrap();
    let at = start + chrono::Duration::seconds(i as i64 * every);
    Intervention {
        id: i as u64 + 1,
        speaker,
        on_behalf_of: None,
        segment: 1 + (i % 4) as u32,
        started_at: at,
        ended_at: at,
        text: statement(i),
        footnotes: Vec::new(),
        written: false,
        kind: Default::default(),
        provenance: Default::default(),
    }
}

/// The demo meeting with `interventions` made-up statements spread over its four
/// segments, most by States, every fifth by a participant.
pub fn demo_with(interventions: usize) -> Session {
    let mut s = demo_session();
    s.interventions.clear();
    s.meeting.report_kind = ReportKind::PanelSummary;
    let states: Vec<_> = catalogue().iter().filter(|d| d.kind.is_state()).collect();
    let ids: Vec<String> = states.iter().map(|d| s.ensure_delegation(d)).collect();
    for i in 0..interventions {
        let speaker = if i % 5 == 0 {
            Speaker::Participant(1 + (i % 8) as u32)
        } else {
            Speaker::Delegation(ids[i % ids.len()].clone())
        };
        s.interventions.push(made_up(i, speaker, 30).into());
    }
    s
}
