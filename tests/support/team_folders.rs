//! Team folders made the way note-takers make them, for the hostile-folder tests: a
//! session shared, devices opening it one after another, logging and correcting
//! statements, reading each other, then closing or being killed. What each device was
//! told is saved (its acknowledged statements) is kept beside the folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use rapporteur::core::intervention::Speaker;
use rapporteur::core::session::{NewIntervention, Session};
use rapporteur::storage::team::Device;
use rapporteur::storage::team::session::TeamSession;

/// A small deterministic random source (the same folders on every run).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

pub struct Built {
    pub dir: tempfile::TempDir,
    pub root: PathBuf,
    /// Every acknowledged statement: its id and its last acknowledged text.
    pub acked: BTreeMap<u64, String>,
    /// Every text a statement was acknowledged with, first to last (a damaged frame
    /// may take the last correction away, never give a text no one wrote).
    pub history: BTreeMap<u64, Vec<String>>,
    pub title: String,
}

pub fn session(title: &str) -> Session {
    let mut s = rapporteur::core::demo::demo_session();
    s.name = title.into();
    s
}

/// `who` (a delegation) says `text`, `minute` minutes into a fixed morning.
pub fn say(s: &mut Session, who: &str, text: &str, minute: i64) -> u64 {
    let at = DateTime::from_timestamp(1_620_738_000 + minute * 60, 0).unwrap_or_default();
    s.commit(NewIntervention {
        speaker: Speaker::Delegation(who.into()),
        on_behalf_of: None,
        started_at: at,
        ended_at: at,
        text: text.into(),
    })
}

/// A team folder as `seed` has it: 1 to 3 devices (some open at the same time), each
/// logging 1 to 4 statements and correcting some, reading the others now and then,
/// then closing (a snapshot) or killed (none).
pub fn build(seed: u64) -> Built {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("team");
    let title = format!("Meeting {seed}");
    let shared = session(&title);
    let mut acked = BTreeMap::new();
    let mut history: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    let mut note = |acked: &mut BTreeMap<u64, String>, id: u64, text: &str| {
        acked.insert(id, text.to_string());
        history.entry(id).or_default().push(text.to_string());
    };
    for i in shared.interventions.iter() {
        note(&mut acked, i.id, &i.text);
    }
    TeamSession::share(
        &shared,
        &root,
        Device {
            name: "origin".into(),
            peer: 0x5000 + seed,
        },
    )
    .unwrap();
    let devices = 1 + rng.below(3);
    let mut open: Vec<(TeamSession, Session)> = Vec::new();
    let mut n = 0;
    for d in 0..devices {
        let name = ["AB", "CD", "EF"][d as usize % 3];
        let (team, s, notices) = TeamSession::open(
            &root,
            Device {
                name: name.into(),
                peer: 0x1_0000 * (seed + 1) + d,
            },
        )
        .unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        open.push((team, s));
        // Some devices are open at once: each writes a few steps, others read.
        let steps = 1 + rng.below(4);
        for _ in 0..steps {
            let k = rng.below(open.len() as u64) as usize;
            let Some((team, s)) = open.get_mut(k) else {
                continue;
            };
            n += 1;
            if rng.below(3) == 0 && !s.interventions.is_empty() {
                let pick = rng.below(s.interventions.len() as u64) as usize;
                let mut c = (*s.interventions[pick]).clone();
                c.text = format!("{} Corrected {n}.", c.text);
                s.update_intervention(c.clone());
                team.record(s).unwrap();
                note(&mut acked, c.id, &c.text);
            } else {
                let text = format!("Statement {n} of {seed}, logged by {name}.");
                let id = say(s, "Mexico", &text, n);
                team.record(s).unwrap();
                note(&mut acked, id, &text);
            }
            if rng.below(2) == 0 {
                let k = rng.below(open.len() as u64) as usize;
                if let Some((team, s)) = open.get_mut(k) {
                    let news = team.refresh(s).unwrap();
                    if let Some(merged) = news.session {
                        *s = merged;
                    }
                }
            }
        }
        // Closed (a snapshot) or killed (none), now or later.
        if rng.below(2) == 0
            && let Some((mut team, _)) = open.pop()
            && rng.below(2) == 0
        {
            team.write_snapshot().unwrap();
        }
    }
    for (mut team, _) in open {
        if rng.below(2) == 0 {
            team.write_snapshot().unwrap();
        }
    }
    Built {
        dir,
        root,
        acked,
        history,
        title,
    }
}

/// Every file of frames under the folder's devices, in a stable order.
pub fn frame_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for device in std::fs::read_dir(root.join("devices")).unwrap().flatten() {
        for file in std::fs::read_dir(device.path()).unwrap().flatten() {
            out.push(file.path());
        }
    }
    out.sort();
    out
}

/// Where each frame of a sound file starts and ends.
pub fn frame_bounds(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 12 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
        out.push((at, at + 12 + len));
        at += 12 + len;
    }
    out
}

/// A copy of a whole folder (files and folders only).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
