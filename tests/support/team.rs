//! Shared by the team-session tests: a session without what belongs to one run of the
//! app, and its report as Markdown on a fixed date.

use rapporteur::core::session::Session;
use rapporteur::core::shared::Shared;
use rapporteur::report::assemble::{Options, assemble};
use rapporteur::report::markdown::to_markdown;

/// What a session holds, without what belongs to one run of the app (its id band, its
/// device, the layout's next paragraph id).
pub fn plain(s: &Session) -> Session {
    let mut s = s.clone();
    s.id_band = 0;
    s.device = None;
    let mut layout = (*s.layout).clone();
    layout.next_id = 0;
    s.layout = Shared::new(layout);
    s
}

pub fn markdown(s: &Session) -> String {
    to_markdown(&assemble(
        s,
        &Options {
            kind: None,
            issue_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6),
        },
    ))
}

/// A device's log in a team folder that cannot be written: its first segment becomes a
/// directory (no append succeeds, even as root). Undone when the value is dropped.
pub struct Unwritable {
    segment: std::path::PathBuf,
    kept: std::path::PathBuf,
}

/// The folder of the device called `name` in the team folder `folder`.
pub fn device_folder(folder: &std::path::Path, name: &str) -> std::path::PathBuf {
    std::fs::read_dir(folder.join("devices"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{name}-"))
        })
        .unwrap()
}

/// A byte in the middle of frame `frame` of device `name`'s first segment flipped by
/// `mask` (a disk, a cable or an engine without checksums).
pub fn damage_frame(folder: &std::path::Path, name: &str, frame: usize, mask: u8) {
    let segment = device_folder(folder, name).join("000001.frames");
    let mut bytes = std::fs::read(&segment).unwrap();
    let (s, e) = super::team_folders::frame_bounds(&bytes)[frame];
    bytes[(s + e) / 2] ^= mask;
    std::fs::write(&segment, &bytes).unwrap();
}

impl Unwritable {
    /// The log of the device whose name starts `name` in `folder`.
    pub fn device(folder: &std::path::Path, name: &str) -> Unwritable {
        let mine = device_folder(folder, name);
        let segment = mine.join("000001.frames");
        let kept = mine.join(".kept-while-unwritable");
        std::fs::rename(&segment, &kept).unwrap();
        std::fs::create_dir(&segment).unwrap();
        Unwritable { segment, kept }
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir(&self.segment);
        let _ = std::fs::rename(&self.kept, &self.segment);
    }
}
