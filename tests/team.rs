//! Team sessions: several devices writing into one team folder converge to one session,
//! nothing lost; every session the suite makes survives becoming a team session.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use chrono::DateTime;
use rapporteur::core::demo::demo_session;
use rapporteur::core::intervention::Speaker;
use rapporteur::core::session::{NewIntervention, Session};
use rapporteur::core::shared::Shared;
use rapporteur::report::assemble::{Options, assemble};
use rapporteur::report::edit::{self, Op};
use rapporteur::report::markdown::to_markdown;
use rapporteur::storage::team::Device;
use rapporteur::storage::team_session::{TeamSession, read_merged};

fn device(name: &str, peer: u64) -> Device {
    Device {
        name: name.into(),
        peer,
    }
}

/// What a session holds, without what belongs to one run of the app.
fn plain(s: &Session) -> Session {
    let mut s = s.clone();
    s.id_band = 0;
    s.device = None;
    let mut layout = (*s.layout).clone();
    layout.next_id = 0;
    s.layout = Shared::new(layout);
    s
}

fn markdown(s: &Session) -> String {
    to_markdown(&assemble(
        s,
        &Options {
            kind: None,
            issue_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6),
        },
    ))
}

fn say(s: &mut Session, who: &str, text: &str, minute: i64) -> u64 {
    let at = DateTime::from_timestamp(1_620_738_000 + minute * 60, 0).unwrap();
    s.commit(NewIntervention {
        speaker: Speaker::Delegation(who.into()),
        on_behalf_of: None,
        started_at: at,
        ended_at: at,
        text: text.into(),
    })
}

/// Shares `s` in a fresh folder and opens it on `n` devices.
fn team_of(s: &Session, n: usize) -> (tempfile::TempDir, Vec<(TeamSession, Session)>) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("team");
    TeamSession::share(s, &root, device("origin", 999)).unwrap();
    let devices = (0..n)
        .map(|i| {
            let (t, s, notices) =
                TeamSession::open(&root, device(&format!("D{i}"), 1000 + i as u64)).unwrap();
            assert!(notices.is_empty(), "{notices:?}");
            (t, s)
        })
        .collect();
    (dir, devices)
}

/// Every device records, then reads the others until nothing new comes.
fn sync_all(devices: &mut [(TeamSession, Session)]) {
    for _ in 0..2 {
        for (t, s) in devices.iter_mut() {
            let news = t.refresh(s).unwrap();
            if let Some(merged) = news.session {
                *s = merged;
            }
        }
    }
}

#[test]
fn a_shared_session_reads_back_as_it_was() {
    let s = demo_session();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("team");
    TeamSession::share(&s, &root, device("AB", 1)).unwrap();
    let (back, notices) = read_merged(&root).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(plain(&back), plain(&s));
    assert_eq!(markdown(&back), markdown(&s));
}

#[test]
fn two_note_takers_and_an_editor_converge() {
    let mut s = demo_session();
    s.interventions.clear();
    let (_dir, mut d) = team_of(&s, 3);
    // A relay: the first note-taker logs, the second goes on, both at once for a while.
    let peru = say(&mut d[0].1, "peru", "Peru said one thing.", 1);
    say(&mut d[1].1, "chile", "Chile said another.", 2);
    for (t, s) in d.iter_mut() {
        t.record(s).unwrap();
    }
    sync_all(&mut d);
    // The editor works on the report while the dialogue is still logged.
    let editor = &mut d[2].1;
    let first = editor
        .layout
        .resolve(editor)
        .paragraphs()
        .nth(2)
        .unwrap()
        .id;
    edit::apply(
        editor,
        &Op::SetText {
            id: first,
            text: "The editor's words.".into(),
        },
    )
    .unwrap();
    say(&mut d[1].1, "mexico", "Mexico spoke third.", 3);
    // Two devices correct one statement at once: both corrections are kept.
    let mut a = d[0].1.intervention(peru).unwrap().clone();
    a.text = "Peru said one important thing.".into();
    d[0].1.update_intervention(a);
    let mut b = d[1].1.intervention(peru).unwrap().clone();
    b.text = "Peru said one thing, firmly.".into();
    d[1].1.update_intervention(b);
    for (t, s) in d.iter_mut() {
        t.record(s).unwrap();
    }
    sync_all(&mut d);
    let first = plain(&d[0].1);
    for (_, s) in &d[1..] {
        assert_eq!(plain(s), first);
        assert_eq!(markdown(s), markdown(&first));
    }
    let peru = first.intervention(peru).unwrap();
    assert_eq!(peru.text, "Peru said one important thing, firmly.");
    // Marked for an editor to look at: changed on D0 and D1 at once.
    let mut marks = peru.provenance.conflict.clone();
    marks.sort();
    assert_eq!(marks, vec!["D0".to_string(), "D1".to_string()]);
    assert_eq!(first.interventions.len(), 3);
    assert!(markdown(&first).contains("The editor's words."));
    // What a fresh reader makes of the folder is the same.
    let (read, _) = read_merged(d[0].0.root()).unwrap();
    assert_eq!(plain(&read), first);
}

#[test]
fn ids_made_on_two_devices_at_once_never_meet() {
    let s = demo_session();
    let (_dir, mut d) = team_of(&s, 2);
    let a = say(&mut d[0].1, "peru", "A", 1);
    let b = say(&mut d[1].1, "peru", "B", 1);
    assert_ne!(a, b);
    let ga = d[0].1.ensure_group("Group of Friends A", "");
    let gb = d[1].1.ensure_group("Group of Friends B", "");
    assert_ne!(ga, gb);
    sync_all(&mut d);
    assert_eq!(plain(&d[0].1), plain(&d[1].1));
    assert_eq!(d[0].1.groups.len(), s.groups.len() + 2);
}
