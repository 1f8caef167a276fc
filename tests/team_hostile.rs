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
use rapporteur::storage::team_doc::TeamDoc;
use rapporteur::storage::team_frame::{self, Frame};
use rapporteur::storage::team_session::read_merged;
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
            if let Ok(Frame::Current { blob, .. }) = team_frame::decode(&payload) {
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
        for at in [s, s + 7, (s + e) / 2] {
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
    for seed in 1..=14u64 {
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
