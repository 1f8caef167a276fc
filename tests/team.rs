//! Team sessions: several devices writing into one team folder converge to one session,
//! nothing lost; every session the suite makes survives becoming a team session.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use chrono::DateTime;
use proptest::prelude::*;
use rapporteur::core::demo::demo_session;
use rapporteur::core::session::Session;
use rapporteur::report::edit::{self, Op};
use rapporteur::storage::team::Device;
use rapporteur::storage::team::session::{TeamSession, read_merged};
use support::team::{markdown, plain};
use support::team_folders::say;

fn device(name: &str, peer: u64) -> Device {
    Device {
        name: name.into(),
        peer,
    }
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

/// Every device records, then reads the others, until a whole round brings nothing
/// new (a device may settle what it read, say a layout's order, once more).
fn sync_all(devices: &mut [(TeamSession, Session)]) {
    for _ in 0..6 {
        let mut quiet = true;
        for (t, s) in devices.iter_mut() {
            let news = t.refresh(s).unwrap();
            if let Some(merged) = news.session {
                quiet = false;
                *s = merged;
            }
        }
        if quiet {
            return;
        }
    }
    panic!("the devices never settled");
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

/// Two app processes (two devices) log into one team folder at the same moment; the
/// folder then holds every line of both, and exports the same whoever reads it.
#[test]
fn two_processes_log_into_one_folder_at_once() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("meeting.json");
    rapporteur::storage::save(&file, &demo_session()).unwrap();
    let team = dir.path().join("team");
    let arg = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let out = support::rapporteur(["share", &arg(&file), &arg(&team), "--device", "RS"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = std::fs::read(&file).unwrap();
    let lines = 150;
    let children: Vec<_> = ["AB", "CD"]
        .iter()
        .map(|name| {
            let mut child = Command::new(support::binary())
                .args(["log", &arg(&team), "--device", name])
                .env("RAPPORTEUR_HOME", support::isolate_home())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut input = child.stdin.take().unwrap();
            let name = name.to_string();
            let writer = std::thread::spawn(move || {
                for i in 0..lines {
                    let who = ["Peru", "Chile", "Mexico"][i % 3];
                    writeln!(input, "{who}\tLine {i} logged by {name}.").unwrap();
                }
            });
            (child, writer)
        })
        .collect();
    for (child, writer) in children {
        writer.join().unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).lines().count(),
            lines,
            "every line acknowledged"
        );
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the shared file is left as it was"
    );
    let (merged, notices) = read_merged(&team).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    eprintln!(
        "{:?}",
        (
            merged.interventions.len(),
            merged
                .interventions
                .iter()
                .rev()
                .map(|i| (i.id, i.text.clone(), i.provenance.clone()))
                .take(3)
                .collect::<Vec<_>>()
        )
    );
    for name in ["AB", "CD"] {
        for i in 0..lines {
            let line = format!("Line {i} logged by {name}.");
            assert_eq!(
                merged
                    .interventions
                    .iter()
                    .filter(|s| s.text == line)
                    .count(),
                1,
                "{line}"
            );
        }
        assert_eq!(
            merged
                .interventions
                .iter()
                .filter(|s| s.provenance.logged_by == name)
                .count(),
            lines
        );
    }
    // Every command reads a team folder where it reads a session.
    let md = |n: &str| {
        let out_path = dir.path().join(n);
        let out = support::rapporteur(["export", &arg(&team), "-o", &arg(&out_path)]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(out_path).unwrap()
    };
    assert_eq!(md("a.md"), md("b.md"));
    assert!(md("c.md").contains("Line 149 logged by CD."));
    let json = dir.path().join("archive.json");
    let out = support::rapporteur(["export", &arg(&team), "-o", &arg(&json)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let archived = support::read_session(&json);
    assert_eq!(plain(&archived), plain(&merged));
    let out = support::rapporteur(["check", &arg(&team), "--words"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = support::rapporteur(["backups", &arg(&team)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a team folder"));
    // A folder already holding something is never made a team folder.
    let out = support::rapporteur(["share", &arg(&file), &arg(&team)]);
    assert!(!out.status.success());
}

/// One step of a random team meeting.
#[derive(Debug, Clone)]
enum Step {
    Log,
    Correct(usize),
    Delete(usize),
    Edit(usize, u8),
    /// The device's editor undoes its last step (others' work merged in since stays).
    Undo,
    /// My turn / handing over (a relay marker).
    Turn,
    AddGroup,
    Sync,
}

fn step() -> impl Strategy<Value = (usize, Step)> {
    let step = prop_oneof![
        4 => Just(Step::Log),
        2 => any::<usize>().prop_map(Step::Correct),
        1 => any::<usize>().prop_map(Step::Delete),
        3 => (any::<usize>(), 0u8..5).prop_map(|(p, k)| Step::Edit(p, k)),
        1 => Just(Step::Undo),
        1 => Just(Step::Turn),
        1 => Just(Step::AddGroup),
        3 => Just(Step::Sync),
    ];
    (0usize..3, step)
}

fn marker(text: &str) -> Option<&str> {
    text.split_whitespace().find(|w| w.starts_with("[M"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random concurrent work on two and three devices (logging, correcting, deleting,
    /// editing the report with undo, relays), synchronized at random moments: all end
    /// with the same session and the same report, every statement logged is there once
    /// unless someone deleted it (and then kept, marked, only if corrected elsewhere at
    /// the same time).
    #[test]
    fn random_concurrent_work_converges(peers in 2usize..=3, steps in prop::collection::vec(step(), 1..40)) {
        let mut s = demo_session();
        s.interventions.truncate(3);
        let (_dir, mut d) = team_of(&s, peers);
        let mut logged = std::collections::BTreeSet::new();
        let mut deleted = std::collections::BTreeSet::new();
        let mut histories: Vec<edit::History> = (0..peers).map(|_| edit::History::default()).collect();
        for (n, (who, step)) in steps.into_iter().enumerate() {
            let history = &mut histories[who % peers];
            let (team, session) = &mut d[who % peers];
            match step {
                Step::Log => {
                    let m = format!("[M{n}]");
                    say(session, "peru", &format!("{m} was said."), n as i64);
                    logged.insert(m);
                }
                Step::Correct(i) if !session.interventions.is_empty() => {
                    let mut c = (*session.interventions[i % session.interventions.len()]).clone();
                    c.text.push_str(&format!(" More {n}."));
                    session.update_intervention(c);
                }
                Step::Delete(i) if !session.interventions.is_empty() => {
                    let gone = session.interventions[i % session.interventions.len()].clone();
                    if let Some(m) = marker(&gone.text) {
                        deleted.insert(m.to_string());
                    }
                    session.delete_intervention(gone.id);
                }
                Step::Edit(p, kind) => {
                    let layout = session.layout.resolve(session);
                    let ids: Vec<u32> = layout.paragraphs().map(|p| p.id).collect();
                    if let Some(&id) = ids.get(p % ids.len().max(1)) {
                        let op = match kind {
                            0 => Op::MoveUp(id),
                            1 => Op::MoveDown(id),
                            2 => Op::SetText { id, text: format!("Edited at step {n}.") },
                            3 => Op::Delete(id),
                            _ => Op::InsertAfter(id),
                        };
                        let _ = history.apply(session, &op);
                    }
                }
                Step::Undo => {
                    if history.undo(session).is_none() {
                        continue;
                    }
                }
                Step::Turn => {
                    let at = DateTime::from_timestamp(1_620_738_000 + n as i64 * 60, 0).unwrap();
                    session.toggle_turn(at);
                }
                Step::AddGroup => {
                    session.ensure_group(&format!("Group {n}"), "");
                }
                Step::Sync => {
                    let news = team.refresh(session).unwrap();
                    if let Some(merged) = news.session {
                        *session = merged;
                    }
                    continue;
                }
                _ => continue,
            }
            team.record(session).unwrap();
        }
        sync_all(&mut d);
        let first = plain(&d[0].1);
        for (_, s) in &d[1..] {
            prop_assert_eq!(&plain(s), &first);
            prop_assert_eq!(markdown(s), markdown(&first));
        }
        for m in &logged {
            let found: Vec<_> = first.interventions.iter().filter(|i| marker(&i.text) == Some(m.as_str())).collect();
            if deleted.contains(m) && found.len() == 1 {
                // Deleted on one device while corrected on another: kept, and marked.
                prop_assert!(!found[0].provenance.conflict.is_empty(), "{} kept unmarked", m);
            } else {
                prop_assert_eq!(found.len(), usize::from(!deleted.contains(m)), "{}", m);
            }
        }
        let ids: std::collections::HashSet<u64> = first.interventions.iter().map(|i| i.id).collect();
        prop_assert_eq!(ids.len(), first.interventions.len(), "no id twice");
        let (read, _) = read_merged(d[0].0.root()).unwrap();
        prop_assert_eq!(&plain(&read), &first);
    }
}

fn refresh(device: &mut (TeamSession, Session)) -> rapporteur::storage::team::session::News {
    let (t, s) = device;
    t.refresh(s).unwrap()
}

/// Two editors on one paragraph at once: a rewrite on each merges and both hear of it;
/// a paragraph deleted on one while the other moved it comes back, and the one who
/// deleted it is told.
#[test]
fn two_editors_on_one_paragraph() {
    let s = demo_session();
    let (_dir, mut d) = team_of(&s, 2);
    // Both have the editor's layout, the same one.
    {
        let (t, session) = &mut d[0];
        let id = session
            .layout
            .resolve(session)
            .paragraphs()
            .nth(4)
            .unwrap()
            .id;
        edit::apply(session, &Op::Freeze(id)).unwrap();
        t.record(session).unwrap();
    }
    sync_all(&mut d);
    let layout = d[0].1.layout.resolve(&d[0].1);
    let frozen = layout
        .paragraphs()
        .find(|p| p.text.is_some())
        .unwrap()
        .clone();
    let text = frozen.text.clone().unwrap();
    // Each rewrites a different end of it.
    let (a, b) = (format!("In short, {text}"), format!("{text} (As amended.)"));
    edit::apply(
        &mut d[0].1,
        &Op::SetText {
            id: frozen.id,
            text: a,
        },
    )
    .unwrap();
    edit::apply(
        &mut d[1].1,
        &Op::SetText {
            id: frozen.id,
            text: b,
        },
    )
    .unwrap();
    for (t, s) in d.iter_mut() {
        t.record(s).unwrap();
    }
    let news_a = refresh(&mut d[0]);
    let news_b = refresh(&mut d[1]);
    assert_eq!(news_a.paragraphs, vec![(frozen.id, "D1".to_string())]);
    assert_eq!(news_b.paragraphs, vec![(frozen.id, "D0".to_string())]);
    d[0].1 = news_a.session.unwrap();
    d[1].1 = news_b.session.unwrap();
    sync_all(&mut d);
    let merged = d[0]
        .1
        .layout
        .paragraph(frozen.id)
        .unwrap()
        .text
        .clone()
        .unwrap();
    assert!(
        merged.starts_with("In short, ") && merged.ends_with("(As amended.)"),
        "{merged}"
    );
    assert_eq!(plain(&d[0].1), plain(&d[1].1));
    // Marked on both for an editor to look at, and told once only.
    for (_, s) in &d {
        assert_eq!(
            s.layout.paragraph(frozen.id).unwrap().conflict,
            ["D0", "D1"]
        );
    }
    for device in d.iter_mut() {
        assert!(refresh(device).paragraphs.is_empty());
    }
    // Working on it clears the mark everywhere.
    edit::apply(
        &mut d[1].1,
        &Op::SetText {
            id: frozen.id,
            text: merged.clone(),
        },
    )
    .unwrap();
    let (t, s) = &mut d[1];
    t.record(s).unwrap();
    sync_all(&mut d);
    for (_, s) in &d {
        assert!(s.layout.paragraph(frozen.id).unwrap().conflict.is_empty());
    }

    // One deletes a paragraph while the other moves it: it comes back.
    let target = d[0]
        .1
        .layout
        .resolve(&d[0].1)
        .paragraphs()
        .nth(6)
        .unwrap()
        .id;
    edit::apply(&mut d[0].1, &Op::Delete(target)).unwrap();
    edit::apply(&mut d[1].1, &Op::MoveDown(target)).unwrap();
    for (t, s) in d.iter_mut() {
        t.record(s).unwrap();
    }
    let news_a = refresh(&mut d[0]);
    assert_eq!(news_a.restored, vec![target], "the deleting device is told");
    d[0].1 = news_a.session.unwrap();
    sync_all(&mut d);
    for (_, s) in &d {
        assert!(s.layout.paragraph(target).is_some(), "back in place");
        assert!(
            s.layout
                .deleted
                .iter()
                .all(|del| del.paragraph.id != target)
        );
    }
    assert_eq!(plain(&d[0].1), plain(&d[1].1));
    assert_eq!(markdown(&d[0].1), markdown(&d[1].1));
}

/// An editor's undo after the other editor's work was merged in takes back only its
/// own step: the other's move and rewrite survive on every device.
#[test]
fn undo_after_a_merge_takes_back_only_my_step() {
    let s = demo_session();
    let (_dir, mut d) = team_of(&s, 2);
    let ids: Vec<u32> = d[0]
        .1
        .layout
        .resolve(&d[0].1)
        .paragraphs()
        .map(|p| p.id)
        .collect();
    let (mine, theirs) = (ids[4], ids[12]);
    // D0 moves one paragraph down, with undo.
    let mut history = edit::History::default();
    history.apply(&mut d[0].1, &Op::MoveDown(mine)).unwrap();
    let (t, session) = &mut d[0];
    t.record(session).unwrap();
    sync_all(&mut d);
    // D1, later, moves another and rewrites it.
    edit::apply(&mut d[1].1, &Op::MoveUp(theirs)).unwrap();
    edit::apply(
        &mut d[1].1,
        &Op::SetText {
            id: theirs,
            text: "Rewritten on D1.".into(),
        },
    )
    .unwrap();
    let (t, session) = &mut d[1];
    t.record(session).unwrap();
    sync_all(&mut d);
    let merged = d[0].1.layout.clone();
    // D0 takes its move back.
    assert!(history.undo(&mut d[0].1).is_some());
    assert!(history.kept().is_empty());
    let (t, session) = &mut d[0];
    t.record(session).unwrap();
    sync_all(&mut d);
    for (_, s) in &d {
        let order: Vec<u32> = s.layout.paragraphs().map(|p| p.id).collect();
        let at = |id: u32| order.iter().position(|p| *p == id).unwrap();
        // Mine back where it was, before the paragraph it had passed.
        assert!(at(mine) < at(ids[5]), "{order:?}");
        // Theirs still moved and rewritten.
        let was: Vec<u32> = merged.paragraphs().map(|p| p.id).collect();
        let before_theirs = was[was.iter().position(|p| *p == theirs).unwrap() + 1];
        assert!(at(theirs) < at(before_theirs), "{order:?}");
        assert_eq!(
            s.layout.paragraph(theirs).unwrap().text.as_deref(),
            Some("Rewritten on D1.")
        );
    }
    assert_eq!(plain(&d[0].1), plain(&d[1].1));
}

/// A field or a record set on two devices at once: one value is kept on both (the last
/// writer's) and both devices are told which, naming what it was; a field only one
/// device changed, or set to the same value on both, is no clash.
#[test]
fn a_field_set_on_two_devices_at_once_is_named_on_both() {
    let s = demo_session();
    let (_dir, mut d) = team_of(&s, 2);
    let person = s.participants[0].id;
    d[0].1.meeting.title = "Title set on D0".into();
    d[0].1.participants[0].family_name = "Fixed-on-D0".into();
    d[1].1.meeting.title = "Title set on D1".into();
    d[1].1.meeting.venue = "Room XX, Palais des Nations".into();
    d[1].1.participants[0].given_names = "Fixed on D1".into();
    // The same value set on both is no clash.
    for (_, s) in d.iter_mut() {
        s.meeting.session = "Fifty-ninth session".into();
    }
    for (t, s) in d.iter_mut() {
        t.record(s).unwrap();
    }
    let news_a = refresh(&mut d[0]);
    let news_b = refresh(&mut d[1]);
    for (news, other) in [(&news_a, "D1"), (&news_b, "D0")] {
        let said: Vec<&str> = news.clashes.iter().map(|c| c.what.as_str()).collect();
        assert_eq!(said.len(), 2, "{:?}", news.clashes);
        assert!(said.contains(&"the meeting's title"), "{said:?}");
        assert!(
            said.iter().any(|w| w.starts_with("the participant ")),
            "{said:?}"
        );
        assert!(news.clashes.iter().all(|c| c.device == other));
    }
    // Exactly one device's value of each is kept, the same on both.
    for what in ["the meeting's title", "the participant "] {
        let kept = |news: &rapporteur::storage::team::session::News| {
            news.clashes
                .iter()
                .find(|c| c.what.starts_with(what))
                .unwrap()
                .mine_kept
        };
        assert_ne!(kept(&news_a), kept(&news_b), "{what}");
    }
    d[0].1 = news_a.session.unwrap();
    d[1].1 = news_b.session.unwrap();
    sync_all(&mut d);
    assert_eq!(plain(&d[0].1), plain(&d[1].1));
    let title = d[0].1.meeting.title.clone();
    let winner = if title == "Title set on D0" { 0 } else { 1 };
    assert_eq!(title, format!("Title set on D{winner}"));
    // The venue, set on one device only, is there.
    assert_eq!(d[0].1.meeting.venue, "Room XX, Palais des Nations");
    assert!(d[0].1.participant(person).is_some());
    // Nothing more to say once both have seen everything.
    let (t, s) = &mut d[0];
    s.meeting.title = "Agreed title".into();
    t.record(s).unwrap();
    assert!(refresh(&mut d[1]).clashes.is_empty());
}

/// A statement corrected on one device while another deleted it is kept, with the
/// correction, marked on both (a change is never dropped unseen); one this device
/// deleted itself after correcting it stays deleted.
#[test]
fn a_statement_corrected_while_deleted_elsewhere_is_kept() {
    let s = demo_session();
    let (_dir, mut d) = team_of(&s, 2);
    let ids: Vec<u64> = s.interventions.iter().map(|i| i.id).collect();
    let (target, own) = (ids[3], ids[5]);
    // D0 corrects `target`; D1 deletes it at the same time.
    let mut corrected = d[0].1.intervention(target).unwrap().clone();
    corrected.text = "Corrected on D0 while D1 deleted it.".into();
    d[0].1.update_intervention(corrected);
    // D0 also corrects `own`, then deletes it itself.
    let mut mine = d[0].1.intervention(own).unwrap().clone();
    mine.text = "Corrected, then deleted, on D0.".into();
    d[0].1.update_intervention(mine);
    {
        let (t, s) = &mut d[0];
        t.record(s).unwrap();
        s.delete_intervention(own);
        t.record(s).unwrap();
    }
    d[1].1.delete_intervention(target);
    say(&mut d[1].1, "peru", "Logged on D1 meanwhile.", 300);
    let (t, s) = &mut d[1];
    t.record(s).unwrap();
    let news = refresh(&mut d[0]);
    assert_eq!(news.kept, vec![(target, "D1".to_string())]);
    d[0].1 = news.session.unwrap();
    sync_all(&mut d);
    for (_, s) in &d {
        let kept = s.intervention(target).expect("kept on every device");
        assert_eq!(kept.text, "Corrected on D0 while D1 deleted it.");
        assert!(
            !kept.provenance.conflict.is_empty(),
            "marked: {:?}",
            kept.provenance
        );
        assert!(
            s.intervention(own).is_none(),
            "deleted by the one who corrected it"
        );
    }
    assert_eq!(plain(&d[0].1), plain(&d[1].1));
}

/// A change whose frame could not be written stays pending: the next record, once the
/// folder can be written again, carries it (nothing acknowledged is lost, nothing is
/// acknowledged that is not on disk).
#[test]
fn a_frame_that_could_not_be_written_goes_with_the_next_one() {
    let s = demo_session();
    let (dir, mut d) = team_of(&s, 1);
    let (team, session) = &mut d[0];
    let gone = support::team::Unwritable::device(&dir.path().join("team"), "D0");
    let id = say(session, "peru", "Said while the folder was gone.", 1);
    assert!(team.record(session).is_err(), "not acknowledged");
    drop(gone);
    // Nothing changed since, yet the pending change is written now.
    assert!(!team.record(session).unwrap());
    let (merged, _) = read_merged(&dir.path().join("team")).unwrap();
    assert_eq!(
        merged.intervention(id).unwrap().text,
        "Said while the folder was gone."
    );
}
