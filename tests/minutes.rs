//! Minutes of a meeting that is not the seed, as the model minutes writes them: a network's
//! meeting imported with its agenda items, numbered from 1 whatever segments the session
//! also holds, "on behalf of" kept, enumerations as nested bullets, no other body's name.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

use rapporteur::core::import::import_log_csv;
use rapporteur::core::meeting::{Meeting, ReportKind};
use rapporteur::core::session::Session;
use rapporteur::report::model::plain;
use rapporteur::report::{Block, Options, Report, assemble};

const LOG: &str = "\
segment,role,honorific,name,title,delegation,kind,on_behalf_of,start,text
Opening and introduction,chair,Ms.,Ilze Brands Kehris,Assistant Secretary-General for Human Rights,OHCHR,,,10:00,welcomed the members.
,chair,Ms.,Gabriela Ramos,Assistant Director-General for Social and Human Sciences,UNESCO,,,10:05,presented the agenda.
Workplan 2026,floor,Ms.,Gillian Triggs,Assistant High Commissioner for Protection,UNHCR,,,10:10,\"noted three priorities:
- protection at borders;
- data
on displacement;
- hate speech\"
,floor,,,,UNICEF,,Children's Rights Caucus,10:20,supported the workplan.
Any other business,floor,Ms.,Ilze Brands Kehris,,,,,10:30,thanked the members.
";

fn minutes(body: &str) -> Report {
    // Imported without saying the kind: the session also holds the four segments of a
    // panel, which nobody spoke in.
    let meeting = Meeting {
        body: body.into(),
        ..Meeting::default()
    };
    let s: Session = import_log_csv(LOG, meeting, "network").unwrap();
    assert!(s.segments.len() > 3, "{:?}", s.segments);
    assemble(
        &s,
        &Options {
            kind: Some(ReportKind::Minutes),
            issue_date: None,
        },
    )
}

fn headings(r: &Report) -> Vec<String> {
    r.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn bullets(r: &Report) -> Vec<(u8, String)> {
    r.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Bullet { level, content, .. } => Some((*level, plain(content))),
            _ => None,
        })
        .collect()
}

#[test]
fn agenda_items_are_numbered_from_one_in_agenda_order() {
    assert_eq!(
        headings(&minutes(
            "UN Network on Racial Discrimination and Protection of Minorities"
        )),
        [
            "1. Opening and introduction",
            "2. Workplan 2026",
            "3. Any other business"
        ]
    );
}

#[test]
fn on_behalf_of_and_enumerations_are_kept() {
    let r = minutes("UN Network on Racial Discrimination and Protection of Minorities");
    let b = bullets(&r);
    let triggs = b
        .iter()
        .position(|(_, t)| t.starts_with("Gillian Triggs"))
        .unwrap();
    assert_eq!(
        b[triggs..triggs + 4],
        [
            (0, "Gillian Triggs (Assistant High Commissioner for Protection, UNHCR) noted three priorities:".to_string()),
            (1, "protection at borders;".to_string()),
            (1, "data\non displacement;".to_string()),
            (1, "hate speech".to_string()),
        ]
    );
    assert!(
        b.iter().any(|(l, t)| *l == 0
            && t == "The United Nations Children's Fund, on behalf of the Children's Rights Caucus, supported the workplan."),
        "{b:#?}"
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn a_meeting_without_a_body_gets_a_placeholder_and_a_warning() {
    let r = minutes("");
    assert_eq!(r.title, "[Name of the body or network]");
    assert!(
        r.warnings.iter().any(|w| w.starts_with("Meeting: no body")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn co_chairs_are_named_together() {
    let r = minutes("UN Network on Racial Discrimination and Protection of Minorities");
    assert!(
        r.blocks.iter().any(|b| matches!(b, Block::Plain { content }
            if plain(content) == "Meeting co-chaired by Ilze Brands Kehris and Gabriela Ramos")),
        "{:#?}",
        r.blocks
    );
}
