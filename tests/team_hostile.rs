//! Team folders damaged as disks, networks and sync engines damage them: every frame of
//! every file of generated team folders truncated, zero-filled, bit-flipped, duplicated
//! or swapped with the next. Each damaged folder is read as `export` reads it, and:
//! - nothing is lost that an intact frame holds (the result is what importing every
//!   readable frame gives);
//! - where only one frame was damaged and its run wrote another after it, every
//!   acknowledged statement is there with its last acknowledged text;
//! - every statement's text is one its device acknowledged (nothing doubled, nothing
//!   made up);
//! - damage is named with the damaged file; a duplicated or swapped frame is no damage.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use rapporteur::storage::frames;
use rapporteur::storage::team::doc::TeamDoc;
use rapporteur::storage::team::frame::{self, Frame};
use rapporteur::storage::team::session::read_merged;
use support::team_folders::{build, copy_tree, frame_bounds, frame_files};

/// The statements of a session: id and text.
fn texts(s: &rapporteur::core::session::Session) -> BTreeMap<u64, String> {
    s.interventions
        .iter()
        .map(|i| (i.id, i.text.clone()))
        .collect()
}

/// What importing every readable frame of the folder gives: the most any reader can.
fn ideal(root: &Path) -> BTreeMap<u64, String> {
    let mut doc = TeamDoc::new(0xfeed).unwrap();
    let mut blobs = Vec::new();
    for file in frame_files(root) {
        let bytes = std::fs::read(&file).unwrap();
        for payload in frames::decode(&bytes).frames {
            if let Ok(Frame::Current { blob, .. }) = frame::decode(&payload) {
                blobs.push(blob);
            }
        }
    }
    let _ = doc.import(&blobs);
    texts(&doc.read().unwrap())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Family {
    BitFlipped,
    ZeroFilled,
    Truncated,
    /// Cut exactly between two frames: what an earlier copy of the file looks like
    /// while the sync engine brings the rest (nothing to name; nothing an intact frame
    /// holds may be lost).
    CutBetweenFrames,
    Duplicated,
    Swapped,
}

/// Every damage of one frame: (family, what, the file's damaged bytes, whether a later
/// frame of the same run is left whole).
fn damages(bytes: &[u8]) -> Vec<(Family, String, Vec<u8>, bool)> {
    let bounds = frame_bounds(bytes);
    let mut out = Vec::new();
    for (j, &(s, e)) in bounds.iter().enumerate() {
        let later = j + 1 < bounds.len();
        for at in [s, s + 5, s + 9, s + 12, (s + e) / 2, e - 1] {
            let mut b = bytes.to_vec();
            b[at] ^= 0x10;
            out.push((Family::BitFlipped, format!("frame {j} byte {at}"), b, later));
        }
        let mut b = bytes.to_vec();
        b[s..e].fill(0);
        out.push((Family::ZeroFilled, format!("frame {j}"), b, later));
        out.push((
            Family::CutBetweenFrames,
            format!("at byte {s} (before frame {j})"),
            bytes[..s].to_vec(),
            false,
        ));
        for at in [s + 7, (s + e) / 2] {
            out.push((
                Family::Truncated,
                format!("at byte {at} (frame {j})"),
                bytes[..at].to_vec(),
                false,
            ));
        }
        let mut b = bytes[..e].to_vec();
        b.extend_from_slice(&bytes[s..]);
        out.push((Family::Duplicated, format!("frame {j}"), b, true));
        if let Some(&(_, e2)) = bounds.get(j + 1) {
            let mut b = bytes[..s].to_vec();
            b.extend_from_slice(&bytes[e..e2]);
            b.extend_from_slice(&bytes[s..e]);
            b.extend_from_slice(&bytes[e2..]);
            out.push((
                Family::Swapped,
                format!("frames {j} and {}", j + 1),
                b,
                true,
            ));
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    cases: usize,
    lost: usize,
    silent_wrong: usize,
}

#[test]
fn every_frame_damaged_every_way_loses_nothing_an_intact_frame_holds_and_is_named() {
    let mut tally: BTreeMap<Family, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    let scratch = tempfile::tempdir().unwrap();
    for seed in 1..=30u64 {
        let built = build(seed);
        let (whole, notices) = read_merged(&built.root).unwrap();
        assert!(notices.is_empty(), "seed {seed}: {notices:?}");
        assert_eq!(texts(&whole), built.acked, "seed {seed}: the sound folder");
        for file in frame_files(&built.root) {
            let bytes = std::fs::read(&file).unwrap();
            let relative = file.strip_prefix(&built.root).unwrap().to_path_buf();
            for (family, what, damaged, survivable) in damages(&bytes) {
                let case = scratch.path().join(format!("case-{seed}"));
                let _ = std::fs::remove_dir_all(&case);
                copy_tree(&built.root, &case);
                std::fs::write(case.join(&relative), &damaged).unwrap();
                let label = format!("seed {seed}, {}: {family:?} {what}", relative.display());
                let t = tally.entry(family).or_default();
                t.cases += 1;
                let (session, notices) = match read_merged(&case) {
                    Ok(read) => read,
                    Err(e) => {
                        // Only a folder left with no readable frame at all may refuse,
                        // and it says so.
                        if !ideal(&case).is_empty() {
                            t.lost += 1;
                            failures.push(format!("{label}: refused ({e})"));
                        }
                        continue;
                    }
                };
                let got = texts(&session);
                let named = notices
                    .iter()
                    .any(|n| n.contains(&*relative.file_name().unwrap().to_string_lossy()));
                let mut lost = got != ideal(&case);
                if survivable && got != built.acked {
                    lost = true;
                }
                let made_up = got.iter().any(|(id, text)| {
                    !built
                        .history
                        .get(id)
                        .is_some_and(|texts| texts.contains(text))
                });
                let silent = match family {
                    Family::Duplicated | Family::Swapped => !notices.is_empty() && !lost,
                    Family::CutBetweenFrames => !notices.is_empty(),
                    _ => !named,
                };
                if lost {
                    t.lost += 1;
                    failures.push(format!("{label}: lost ({got:?} vs {:?})", built.acked));
                }
                if made_up || silent || session.name != built.title {
                    t.silent_wrong += 1;
                    failures.push(format!(
                        "{label}: wrong (made up {made_up}, silent {silent}, notices {notices:?})"
                    ));
                }
            }
        }
    }
    let mut table = String::from("family        cases  lost  silent-wrong\n");
    for (family, t) in &tally {
        table.push_str(&format!(
            "{:<13} {:>5} {:>5} {:>13}\n",
            format!("{family:?}"),
            t.cases,
            t.lost,
            t.silent_wrong
        ));
    }
    eprintln!("{table}");
    let cases: usize = tally.values().map(|t| t.cases).sum();
    assert!(cases > 2_000, "only {cases} damaged folders");
    assert!(
        failures.is_empty(),
        "{} of {cases}:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The statements of a folder as read, and what was named.
fn read_texts(root: &Path) -> (BTreeMap<u64, String>, Vec<String>, String) {
    let (session, notices) = read_merged(root).unwrap();
    (texts(&session), notices, session.name)
}

/// The names sync engines give the second copy of `file` (stem "000001").
fn conflict_names(stem: &str) -> Vec<String> {
    vec![
        format!("{stem} (1).frames"),
        format!("{stem}.sync-conflict-20261207-101010-ABCDEF7.frames"),
        format!("{stem}-DESKTOP-7Q2.frames"),
        format!("{stem} (conflicted copy 2026-12-07).frames"),
        format!("{stem} (Rapporteur's conflicted copy 2026-12-07).frames"),
        format!("{stem}(1).frames"),
    ]
}

#[test]
fn conflict_copies_under_every_engines_naming_are_read_whatever_they_hold() {
    let scratch = tempfile::tempdir().unwrap();
    let mut cases = 0;
    for seed in 1..=8u64 {
        let built = build(seed);
        for file in frame_files(&built.root) {
            let bytes = std::fs::read(&file).unwrap();
            let bounds = frame_bounds(&bytes);
            let relative = file.strip_prefix(&built.root).unwrap().to_path_buf();
            let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
            // The engine kept an older copy under the segment's name and the whole one
            // as the conflict copy, or the other way round.
            let older = &bytes[..bounds.get(1).map_or(0, |b| b.0)];
            for name in conflict_names(&stem) {
                for (segment, copy) in [(older, &bytes[..]), (&bytes[..], older)] {
                    cases += 1;
                    let case = scratch.path().join(format!("case-{seed}"));
                    let _ = std::fs::remove_dir_all(&case);
                    copy_tree(&built.root, &case);
                    std::fs::write(case.join(&relative), segment).unwrap();
                    std::fs::write(case.join(&relative).with_file_name(&name), copy).unwrap();
                    let (got, notices, title) = read_texts(&case);
                    assert_eq!(got, built.acked, "seed {seed} {name}: {notices:?}");
                    assert!(notices.is_empty(), "seed {seed} {name}: {notices:?}");
                    assert_eq!(title, built.title);
                }
            }
        }
    }
    eprintln!("conflict copies: {cases} folders, 0 lost, 0 named wrongly");
    assert!(cases > 200, "{cases}");
}

#[test]
fn device_folders_are_read_whatever_they_were_renamed_to() {
    let scratch = tempfile::tempdir().unwrap();
    let mut cases = 0;
    for seed in 1..=6u64 {
        let built = build(seed);
        let devices: Vec<_> = std::fs::read_dir(built.root.join("devices"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        for folder in &devices {
            for renamed in [
                format!("{folder} (1)"),
                folder.to_uppercase(),
                format!("{folder} copy"),
                "a folder someone renamed".to_string(),
                format!("{folder}-DESKTOP-7Q2"),
            ] {
                let case = scratch.path().join(format!("case-{seed}"));
                let _ = std::fs::remove_dir_all(&case);
                copy_tree(&built.root, &case);
                let devices = case.join("devices");
                std::fs::rename(devices.join(folder), devices.join(&renamed)).unwrap();
                let (got, notices, _) = read_texts(&case);
                cases += 2;
                assert_eq!(got, built.acked, "seed {seed} {renamed}");
                assert!(notices.is_empty(), "{notices:?}");
                // The folder's copy beside the original changes nothing either.
                copy_tree(
                    &built.root.join("devices").join(folder),
                    &devices.join(folder),
                );
                assert_eq!(read_texts(&case).0, built.acked, "seed {seed} {renamed}");
            }
        }
    }
    eprintln!("renamed device folders: {cases} folders");
    assert!(cases > 50, "{cases}");
}

#[test]
fn another_meetings_device_folder_or_segment_is_refused_and_named() {
    let scratch = tempfile::tempdir().unwrap();
    let mut cases = 0;
    for seed in 1..=6u64 {
        let ours = build(seed);
        let theirs = build(seed + 100);
        for entry in std::fs::read_dir(theirs.root.join("devices"))
            .unwrap()
            .flatten()
        {
            let case = scratch.path().join(format!("case-{seed}"));
            let _ = std::fs::remove_dir_all(&case);
            copy_tree(&ours.root, &case);
            let name = entry.file_name().to_string_lossy().into_owned();
            copy_tree(&entry.path(), &case.join("devices").join(&name));
            let (got, notices, title) = read_texts(&case);
            assert_eq!(got, ours.acked, "seed {seed}: their texts kept out");
            assert_eq!(title, ours.title, "their title kept out");
            assert!(
                notices
                    .iter()
                    .any(|n| n.contains(&name) && n.contains("another team session")),
                "{notices:?}"
            );
            // Their segment dropped into one of our device folders: the same.
            let case2 = scratch.path().join(format!("case2-{seed}"));
            let _ = std::fs::remove_dir_all(&case2);
            copy_tree(&ours.root, &case2);
            let our_file = frame_files(&case2).into_iter().last().unwrap();
            let their_file = frame_files(&theirs.root).into_iter().last().unwrap();
            std::fs::copy(their_file, our_file.with_file_name("000009.frames")).unwrap();
            let (got, notices, title) = read_texts(&case2);
            assert_eq!((got, title), (ours.acked.clone(), ours.title.clone()));
            assert!(notices.iter().any(|n| n.contains("another team session")));
            cases += 2;
        }
    }
    eprintln!("another meeting's folder or segment: {cases} folders");
    assert!(cases >= 12, "{cases}");
}

#[test]
fn two_shares_of_one_session_into_one_folder_converge_with_every_text_once() {
    use rapporteur::storage::team::Device;
    use rapporteur::storage::team::session::TeamSession;
    let dir = tempfile::tempdir().unwrap();
    let shared = support::team_folders::session("Panel on prevention");
    // Two machines share the same session before either sees the other's files.
    let mut logged = Vec::new();
    let mut folders = Vec::new();
    for (k, name) in ["AB", "CD"].into_iter().enumerate() {
        let root = dir.path().join(format!("machine-{name}"));
        TeamSession::share(
            &shared,
            &root,
            Device {
                name: format!("{name} sharing"),
                peer: 0x77 + k as u64,
            },
        )
        .unwrap();
        let (mut team, mut s, _) = TeamSession::open(
            &root,
            Device {
                name: name.into(),
                peer: 0x100 + k as u64,
            },
        )
        .unwrap();
        let mut c = (*s.interventions[0]).clone();
        c.text = format!("{} Said on {name}'s machine.", c.text);
        s.update_intervention(c.clone());
        team.record(&s).unwrap();
        logged.push(c.text);
        folders.push(root);
    }
    // The sync engine brings both together: one team.json wins, whichever it is.
    let mut reads = Vec::new();
    for winner in 0..2 {
        let merged = dir.path().join(format!("merged-{winner}"));
        for f in &folders {
            copy_tree(&f.join("devices"), &merged.join("devices"));
        }
        std::fs::copy(folders[winner].join("team.json"), merged.join("team.json")).unwrap();
        let (session, notices) = read_merged(&merged).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        let texts = texts(&session);
        for original in shared.interventions.iter().skip(1) {
            assert_eq!(
                texts.values().filter(|t| **t == original.text).count(),
                1,
                "{}",
                original.text
            );
        }
        // Both corrections of the first statement merged into one text, each once.
        let first = &texts[&shared.interventions[0].id];
        assert_eq!(
            first.matches(&*shared.interventions[0].text).count(),
            1,
            "{first}"
        );
        for said in ["Said on AB's machine.", "Said on CD's machine."] {
            assert_eq!(first.matches(said).count(), 1, "{first}");
        }
        assert_eq!(texts.len(), shared.interventions.len());
        reads.push(texts);
    }
    assert_eq!(
        reads[0], reads[1],
        "the same whichever team.json the engine kept"
    );
}

#[test]
fn floods_of_frame_marks_are_read_once_and_named() {
    let scratch = tempfile::tempdir().unwrap();
    let built = build(3);
    let mark = b"RPF1";
    let mut floods: Vec<(&str, Vec<u8>)> = Vec::new();
    floods.push(("bare marks", mark.repeat(256 * 1024)));
    let mut small = Vec::new();
    for _ in 0..64 * 1024 {
        small.extend_from_slice(mark);
        small.extend_from_slice(&4u32.to_le_bytes());
        small.extend_from_slice(&[0; 8]);
    }
    floods.push(("marks with short bad frames", small));
    // Every mark claims the rest of the file: read once per mark, this would take
    // hours.
    let n = 64 * 1024;
    let mut greedy = Vec::new();
    for i in 0..n {
        greedy.extend_from_slice(mark);
        greedy.extend_from_slice(&(((n - i - 1) * 16) as u32 + 4).to_le_bytes());
        greedy.extend_from_slice(&[0xAA; 8]);
    }
    floods.push(("marks claiming the rest", greedy));
    for (what, bytes) in floods {
        let case = scratch.path().join("case");
        let _ = std::fs::remove_dir_all(&case);
        copy_tree(&built.root, &case);
        let file = frame_files(&case).into_iter().next().unwrap();
        let flood = file.with_file_name("000002.frames");
        std::fs::write(&flood, &bytes).unwrap();
        let (got, notices, _) = read_texts(&case);
        assert_eq!(got, built.acked, "{what}");
        assert!(
            notices.iter().any(|n| n.contains("000002.frames")),
            "{what}: {notices:?}"
        );
    }
}

#[test]
fn a_folder_of_the_first_team_format_is_still_read_and_written() {
    use rapporteur::storage::team::Device;
    use rapporteur::storage::team::session::TeamSession;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("team");
    let device = root.join("devices").join("AB-00000000000000aa");
    std::fs::create_dir_all(&device).unwrap();
    std::fs::write(
        root.join("team.json"),
        br#"{"format": "rapporteur-team", "version": 1}"#,
    )
    .unwrap();
    // What the first format wrote: 'S' and a snapshot, 'U' and an update.
    let mut session = support::team_folders::session("An older folder");
    let mut doc = TeamDoc::new(0xaa).unwrap();
    doc.write(&session).unwrap();
    let snapshot = doc.snapshot().unwrap();
    let before = doc.version();
    let mut changed = (*session.interventions[0]).clone();
    changed.text = "Corrected in the first format.".into();
    session.update_intervention(changed);
    doc.write(&session).unwrap();
    let (update, _) = doc.update_since(&before).unwrap();
    let mut bytes = frames::encode(&[b"S".as_slice(), &snapshot].concat());
    bytes.extend(frames::encode(&[b"U".as_slice(), &update].concat()));
    std::fs::write(device.join("000001.frames"), &bytes).unwrap();
    let (read, notices) = read_merged(&root).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(texts(&read), texts(&session));
    // A device of this version writes into it, and both read it back.
    let (mut team, mut s, notices) = TeamSession::open(
        &root,
        Device {
            name: "CD".into(),
            peer: 0xcd,
        },
    )
    .unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let mut c = (*s.interventions[1]).clone();
    c.text = "Corrected by this version.".into();
    s.update_intervention(c);
    team.record(&s).unwrap();
    let (read, notices) = read_merged(&root).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let got = texts(&read);
    assert_eq!(
        got[&session.interventions[0].id],
        "Corrected in the first format."
    );
    assert_eq!(
        got[&session.interventions[1].id],
        "Corrected by this version."
    );
}

#[test]
fn every_run_opens_with_a_snapshot_and_each_update_holds_the_one_before() {
    use rapporteur::storage::team::Device;
    use rapporteur::storage::team::session::TeamSession;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("team");
    TeamSession::share(
        &support::team_folders::session("Cadence"),
        &root,
        Device {
            name: "RS".into(),
            peer: 0x51,
        },
    )
    .unwrap();
    let (mut team, mut s, _) = TeamSession::open(
        &root,
        Device {
            name: "AB".into(),
            peer: 0xab,
        },
    )
    .unwrap();
    for n in 0..3 {
        let mut c = (*s.interventions[n]).clone();
        c.text = format!("Corrected {n}.");
        s.update_intervention(c);
        team.record(&s).unwrap();
    }
    team.write_snapshot().unwrap();
    let file = frame_files(&root)
        .into_iter()
        .find(|f| f.to_string_lossy().contains("AB-"))
        .unwrap();
    let kinds: Vec<(bool, u64)> = frames::decode(&std::fs::read(&file).unwrap())
        .frames
        .iter()
        .map(|p| match frame::decode(p).unwrap() {
            Frame::Current { header, .. } => (
                header.snapshot,
                header.version.get(&0xab).copied().unwrap_or(0) as u64,
            ),
            Frame::Legacy { .. } => panic!("a frame of the first format"),
        })
        .collect();
    let snapshots: Vec<bool> = kinds.iter().map(|k| k.0).collect();
    assert_eq!(snapshots, [true, false, false, false, true], "{kinds:?}");
    // Each update reaches further than the one before.
    assert!(kinds.windows(2).all(|w| w[0].1 <= w[1].1), "{kinds:?}");
    // Any one update lost, the folder still holds all three corrections.
    let bytes = std::fs::read(&file).unwrap();
    let bounds = frame_bounds(&bytes);
    for k in 1..=2 {
        let (s0, e0) = bounds[k];
        let mut damaged = bytes.clone();
        damaged[s0 + 20..e0].fill(0);
        std::fs::write(&file, &damaged).unwrap();
        // Only the updates: the closing snapshot taken away.
        let (s4, _) = bounds[4];
        std::fs::write(&file, &damaged[..s4]).unwrap();
        let got = texts(&read_merged(&root).unwrap().0);
        for n in 0..3 {
            assert_eq!(
                got[&s.interventions[n].id],
                format!("Corrected {n}."),
                "frame {k}"
            );
        }
    }
}

#[test]
fn a_snapshot_copied_into_another_devices_folder_hides_nothing() {
    let scratch = tempfile::tempdir().unwrap();
    let mut cases = 0;
    for seed in 1..=10u64 {
        let built = build(seed);
        let files = frame_files(&built.root);
        for from in &files {
            let bytes = std::fs::read(from).unwrap();
            // The file's first frame is its run's snapshot.
            let Some(&(s, e)) = frame_bounds(&bytes).first() else {
                continue;
            };
            for to in files.iter().filter(|f| f.parent() != from.parent()) {
                let case = scratch.path().join(format!("case-{seed}"));
                let _ = std::fs::remove_dir_all(&case);
                copy_tree(&built.root, &case);
                let target = case.join(to.strip_prefix(&built.root).unwrap());
                // Copied in as a segment of its own, and appended after its frames.
                std::fs::write(target.with_file_name("000009.frames"), &bytes[s..e]).unwrap();
                let mut grown = std::fs::read(&target).unwrap();
                grown.extend_from_slice(&bytes[s..e]);
                std::fs::write(&target, &grown).unwrap();
                let (got, notices, title) = read_texts(&case);
                assert_eq!(
                    got,
                    built.acked,
                    "seed {seed}: {} into {}",
                    from.display(),
                    to.display()
                );
                assert!(notices.is_empty(), "{notices:?}");
                assert_eq!(title, built.title);
                cases += 1;
            }
        }
    }
    eprintln!("snapshots copied into other device folders: {cases} folders");
    assert!(cases > 20, "{cases}");
}
