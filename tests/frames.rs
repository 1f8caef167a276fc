//! Frame files as a file-sync engine delivers them, by the thousand: cut at any byte,
//! zero-filled tails, a byte flipped anywhere, a crash between two appends. Whole frames
//! always read, in order; a damaged one never hides the ones after it; the writer goes on
//! after its own torn tail.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use rapporteur::storage::frames::{append, decode, encode, read};
use support::hostile::Rng;

fn payloads(rng: &mut Rng) -> Vec<Vec<u8>> {
    (0..1 + rng.below(12))
        .map(|_| {
            let most = if rng.chance(10) { 5000 } else { 60 };
            let len = 1 + rng.below(most);
            // Now and then a payload holding the frame mark itself.
            let mut p: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            if rng.chance(20) && p.len() > 8 {
                p[2..6].copy_from_slice(b"RPF1");
            }
            p
        })
        .collect()
}

#[test]
fn cut_anywhere_or_zero_filled_the_whole_frames_before_read() {
    let mut rng = Rng::new(15);
    for case in 0..2000 {
        let frames = payloads(&mut rng);
        let mut bytes = Vec::new();
        let mut ends = Vec::new();
        for f in &frames {
            bytes.extend_from_slice(&encode(f));
            ends.push(bytes.len());
        }
        let cut = rng.below(bytes.len() + 1);
        let mut file = bytes[..cut].to_vec();
        if rng.chance(30) {
            file.extend(std::iter::repeat_n(0u8, rng.below(200)));
        }
        let whole = ends.iter().filter(|e| **e <= cut).count();
        let r = decode(&file);
        assert_eq!(r.frames, frames[..whole].to_vec(), "case {case}");
        assert_eq!(
            r.good_len as usize,
            if whole == 0 { 0 } else { ends[whole - 1] }
        );
        assert!(r.skipped.is_empty(), "case {case}");
    }
}

#[test]
fn a_byte_flipped_costs_its_own_frame_only() {
    let mut rng = Rng::new(16);
    for case in 0..2000 {
        let frames = payloads(&mut rng);
        let mut bytes = Vec::new();
        let mut starts = Vec::new();
        for f in &frames {
            starts.push(bytes.len());
            bytes.extend_from_slice(&encode(f));
        }
        let at = rng.below(bytes.len());
        bytes[at] ^= 1 + (rng.next() as u8 % 255);
        let hit = starts.iter().rposition(|s| *s <= at).unwrap();
        let r = decode(&bytes);
        let mut expected = frames.clone();
        expected.remove(hit);
        assert_eq!(r.frames, expected, "case {case}: byte {at} of frame {hit}");
    }
}

#[test]
fn appends_after_crashes_lose_nothing_acknowledged() {
    let mut rng = Rng::new(17);
    let dir = tempfile::tempdir().unwrap();
    for case in 0..200 {
        let path = dir.path().join(format!("device-{case}.frames"));
        let mut acknowledged: Vec<Vec<u8>> = Vec::new();
        for _ in 0..1 + rng.below(6) {
            let batch = payloads(&mut rng);
            let refs: Vec<&[u8]> = batch.iter().map(Vec::as_slice).collect();
            append(&path, &refs).unwrap();
            acknowledged.extend(batch);
            if rng.chance(40) {
                // A crash in the middle of the next append: part of a frame on disk.
                let mut bytes = std::fs::read(&path).unwrap();
                let torn = encode(b"never acknowledged");
                bytes.extend_from_slice(&torn[..1 + rng.below(torn.len() - 1)]);
                std::fs::write(&path, &bytes).unwrap();
            }
        }
        let r = read(&path).unwrap();
        assert_eq!(r.frames, acknowledged, "case {case}");
    }
}
