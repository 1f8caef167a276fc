//! A team session's folder, as a file-sync engine carries it (OneDrive or SharePoint, an
//! SMB share, Syncthing on a LAN): every device writes only its own files, so no file is
//! ever written by two machines.
//!
//! ```text
//! DIR/team.json                              what the folder is (format, team id)
//! DIR/devices/<name>-<peer>/000001.frames    one device's frames, append-only
//! DIR/devices/<name>-<peer>/000002.frames    the next segment, once the last is full
//! ```
//!
//! Segments are never renamed or reused (a sync engine rewrites a whole file on every
//! change it carries, so files stay small). What the sync engines write is read as
//! well: a conflict copy of a segment ("000002 (1).frames", "000002.sync-conflict-….frames",
//! "000002-DESKTOP-7Q2.frames") holds frames like the segment (taking a frame twice
//! changes nothing), and a device folder is read whatever it was renamed to (each frame
//! says who wrote it). Names starting with "." or "~" are the engines' temporary files;
//! anything else not understood is named, never read as ours. Links are never
//! followed, and only regular files are read, each up to [`frames::MAX_FILE`].

pub mod clash;
pub mod doc;
pub mod frame;
pub mod session;
pub mod worker;

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::storage::frames;
use frame::TeamId;

/// The marker file's format name.
const FORMAT: &str = "rapporteur-team";
/// 2: a team id in team.json and a header on every frame (`frame.rs`).
const VERSION: u32 = 2;
const MARKER: &str = "team.json";
const DEVICES: &str = "devices";
/// A segment is closed once it holds this much; the next frame opens a new one.
pub const SEGMENT_MAX: u64 = 4 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    format: String,
    version: u32,
    /// Hexadecimal; absent in a folder of the first format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    team: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    origin: Option<String>,
}

/// A device: the note-taker's name (their initials) and the id of this run of the app
/// (a new one every run: reusing one after a crash could fork the history).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Device {
    pub name: String,
    pub peer: u64,
}

impl Device {
    /// This run of the app on this machine: the name given, else `RAPPORTEUR_DEVICE`,
    /// else the machine's name; a new peer id (never one of an earlier run).
    pub fn this_run(name: Option<&str>) -> Device {
        // One line of printable text: the name is shown in every log and status bar.
        let clean = |n: String| crate::core::text::clean_line(&n);
        let name = name
            .map(str::to_string)
            .map(clean)
            .filter(|n| !n.is_empty())
            .or_else(|| std::env::var("RAPPORTEUR_DEVICE").ok().map(clean))
            .filter(|n| !n.is_empty())
            .or_else(|| machine_name().map(clean))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "device".into());
        Device {
            name,
            peer: fresh_peer(),
        }
    }

    /// The folder name: letters, digits, "-" and "_" of the name (32 at most), then the
    /// peer id in hexadecimal.
    fn folder(&self) -> String {
        let name: String = self
            .name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(32)
            .collect();
        let name = if name.is_empty() {
            "device".into()
        } else {
            name
        };
        // "_vti_" is made of letters and "_" alone, yet SharePoint refuses it in a name.
        crate::storage::portable_name::portable(
            &format!("{name}-{:016x}", self.peer),
            &format!("device-{:016x}", self.peer),
        )
    }

    /// The device a folder of the first team format is named after (its frames do not
    /// say); a folder renamed past recognition keeps its name as the device's.
    pub fn of_folder(folder: &str) -> Device {
        Device::from_folder(folder).unwrap_or_else(|| Device {
            name: folder.to_string(),
            peer: frame::stable_hash(folder.as_bytes()),
        })
    }

    fn from_folder(folder: &str) -> Option<Device> {
        let (name, peer) = folder.rsplit_once('-')?;
        Some(Device {
            name: name.to_string(),
            peer: u64::from_str_radix(peer, 16).ok()?,
        })
    }
}

/// The machine's host name, if it has one.
fn machine_name() -> Option<String> {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())?;
    Some(name.trim().to_string()).filter(|n| !n.is_empty())
}

/// A 64-bit id no earlier run had: the standard library's random hash keys, the clock
/// and the process id mixed (no crate needed for so little).
fn fresh_peer() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.finish()
}

/// The sync engines' own files: ".stfolder", ".syncthing.x.tmp", "~$lock".
fn ignored(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('~')
}

#[derive(Debug)]
pub struct TeamFolder {
    root: PathBuf,
    id: TeamId,
}

/// One frame read from a device folder, with where it lies.
#[derive(Debug, Clone)]
pub struct Found {
    /// The device folder's name on disk.
    pub folder: String,
    /// The file, as a path to show.
    pub file: PathBuf,
    pub payload: Vec<u8>,
}

/// What one read of the folder brought: the new frames, and what could not be read,
/// each named with its file.
#[derive(Debug, Default)]
pub struct Batch {
    pub frames: Vec<Found>,
    pub notices: Vec<String>,
}

impl TeamFolder {
    /// Makes `root` ready for a share of a session whose first changes hash to `origin`:
    /// a new or empty folder, or one a share stopped part-way left (no session in it yet,
    /// or only the very start of a share of the same session). Nothing is written yet:
    /// the share writes its first frames, then [`TeamFolder::finish`] the marker.
    pub fn prepare(root: &Path, origin: u64) -> Result<TeamFolder, String> {
        let marker = root.join(MARKER);
        let existing = match TeamFolder::open(root) {
            Ok(folder) => Some(folder),
            Err(_) if marker.exists() => {
                return Err(format!(
                    "{} holds a team.json that cannot be read; nothing was written",
                    root.display()
                ));
            }
            Err(_) => None,
        };
        let mut team = None;
        let devices = root.join(DEVICES);
        if let Ok(meta) = std::fs::symlink_metadata(&devices) {
            if !meta.is_dir() {
                return Err(format!(
                    "{} is not a folder (a link or a file); nothing was written",
                    devices.display()
                ));
            }
            let probe = TeamFolder {
                root: root.to_path_buf(),
                id: TeamId::default(),
            };
            let batch = probe.read_new(&mut Seen::default(), true)?;
            for found in &batch.frames {
                match frame::decode(&found.payload) {
                    Ok(frame::Frame::Current { header, .. })
                        if existing.is_none() && header.team.origin == origin && origin != 0 =>
                    {
                        team = Some(header.team.team);
                    }
                    _ => {
                        let what = match &existing {
                            Some(_) => "is a team folder already",
                            None => "holds the start of another session's share",
                        };
                        return Err(format!(
                            "{} {what} ({}); nothing was written",
                            root.display(),
                            found.file.display()
                        ));
                    }
                }
            }
        }
        // Never into a folder holding files of someone else (a sync engine's own
        // ".stfolder" or "~" files may be there already).
        if let Ok(entries) = std::fs::read_dir(root)
            && let Some(other) = entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .find(|n| !ignored(n) && n != DEVICES && n != MARKER)
        {
            return Err(format!(
                "{} is not empty (it holds {other}); a team folder is made in a new or empty folder, and nothing was written",
                root.display()
            ));
        }
        std::fs::create_dir_all(&devices).map_err(|e| format!("{}: {e}", root.display()))?;
        Ok(TeamFolder {
            root: root.to_path_buf(),
            id: TeamId {
                team: team.unwrap_or_else(fresh_peer),
                origin,
            },
        })
    }

    /// Writes the marker that makes the folder a team folder (once its first frames are
    /// on disk: a share stopped before leaves a folder a share can go on into).
    pub fn finish(&self) -> Result<(), String> {
        let marker = self.root.join(MARKER);
        let text = serde_json::to_vec_pretty(&Marker {
            format: FORMAT.into(),
            version: VERSION,
            team: Some(format!("{:016x}", self.id.team)),
            origin: Some(format!("{:016x}", self.id.origin)),
        })
        .map_err(|e| e.to_string())?;
        crate::storage::file::write_atomic(&marker, &text)
            .map_err(|e| format!("{}: {e}", marker.display()))
    }

    /// Opens a team folder, with a message naming the folder when it is none.
    pub fn open(root: &Path) -> Result<TeamFolder, String> {
        let marker = root.join(MARKER);
        let bytes = frames::read_bytes(&marker).map_err(|e| {
            format!(
                "{} is not a team folder ({}: {e})",
                root.display(),
                marker.display()
            )
        })?;
        // Notepad and some sync clients put a byte-order mark before the text.
        let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
        let m: Marker = serde_json::from_slice(text)
            .map_err(|e| format!("{}: not a team folder's marker ({e})", marker.display()))?;
        if m.format != FORMAT {
            return Err(format!("{}: not a team folder's marker", marker.display()));
        }
        if m.version > VERSION {
            return Err(format!(
                "{} was written by a newer version of Rapporteur (team format {}); it has not been changed",
                root.display(),
                m.version
            ));
        }
        let hex = |field: &Option<String>, what: &str| -> Result<u64, String> {
            match field {
                None => Ok(0),
                Some(h) => u64::from_str_radix(h.trim(), 16).map_err(|_| {
                    format!(
                        "{}: the {what} {h:?} is not an id; the folder was not read",
                        marker.display()
                    )
                }),
            }
        };
        let id = TeamId {
            team: hex(&m.team, "team")?,
            origin: hex(&m.origin, "origin")?,
        };
        Ok(TeamFolder {
            root: root.to_path_buf(),
            id,
        })
    }

    pub fn is_team_folder(root: &Path) -> bool {
        root.join(MARKER).is_file()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Which team session this folder is.
    pub fn id(&self) -> TeamId {
        self.id
    }

    /// This device's log in the folder (its own files only). Never through a link: a
    /// `devices` folder or a device folder that is a link is refused.
    pub fn device_log(&self, device: &Device) -> io::Result<DeviceLog> {
        let devices = self.root.join(DEVICES);
        let dir = devices.join(device.folder());
        for folder in [&devices, &dir] {
            match std::fs::symlink_metadata(folder) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!(
                            "{} is a link or a file, not a folder; nothing is written through it",
                            folder.display()
                        ),
                    ));
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => std::fs::create_dir(folder)?,
                Err(e) => return Err(e),
            }
        }
        let last = own_segments(&dir)?.into_iter().last();
        let (segment, size) = match last {
            Some((n, path)) => (n, std::fs::symlink_metadata(path).map_or(0, |m| m.len())),
            None => (1, 0),
        };
        Ok(DeviceLog {
            dir,
            segment,
            size,
            written: None,
        })
    }

    /// The frames written since the last call with `seen`, folder by folder, segment by
    /// segment, in order; what could not be read is named in the batch's notices. A
    /// torn tail is left for the next call, and named at once when `settled` (the
    /// folder is read once, by export or on opening), else when a later read finds it
    /// still there. A file whose earlier bytes changed (a sync engine delivering a
    /// repaired copy) is read again whole.
    pub fn read_new(&self, seen: &mut Seen, settled: bool) -> Result<Batch, String> {
        let mut batch = Batch::default();
        let devices = self.root.join(DEVICES);
        let entries = match std::fs::symlink_metadata(&devices) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(batch),
            Ok(meta) if !meta.is_dir() => {
                seen.name_once(
                    &mut batch,
                    format!(
                        "{} is a link or a file, not a folder; not followed, nothing in it read",
                        devices.display()
                    ),
                );
                return Ok(batch);
            }
            _ => std::fs::read_dir(&devices).map_err(|e| format!("{}: {e}", devices.display()))?,
        };
        let mut folders = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if ignored(&name) {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => folders.push((name, entry.path())),
                _ => seen.name_once(
                    &mut batch,
                    format!(
                        "{}: not a device folder (a file or a link); passed over",
                        entry.path().display()
                    ),
                ),
            }
        }
        folders.sort();
        for (folder, dir) in folders {
            for path in segments(&dir, seen, &mut batch) {
                seen.read_file(&folder, &path, settled, &mut batch);
            }
        }
        Ok(batch)
    }
}

/// What was read of each file, and what was named already.
#[derive(Debug, Default)]
pub struct Seen {
    files: HashMap<PathBuf, FileSeen>,
    named: HashSet<String>,
}

#[derive(Debug, Default)]
struct FileSeen {
    stamp: Option<Stamp>,
    /// The bytes up to the last whole frame when last read, and their checksum: a file
    /// that still starts with them is read on from there.
    good_len: u64,
    good_crc: u32,
    /// The torn tail found last time (named when found again unchanged).
    torn: u64,
    /// The checksum of the last [`TAIL`] bytes before `good_len`: a file that is the same
    /// file on disk (same identity) and still ends its read part with them is read on
    /// from there, without reading its start again.
    tail_crc: u32,
    /// This run's own segment, as long as this run made it: nothing new to read.
    own_len: Option<u64>,
}

/// How much of a file's read part is checked again before reading on.
const TAIL: u64 = 4096;

/// What tells a file changed: its length, its time and its identity on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    ino: u64,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let ino = 0;
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            ino,
        }
    }
}

impl Seen {
    fn name_once(&mut self, batch: &mut Batch, notice: String) {
        if self.named.insert(notice.clone()) {
            batch.notices.push(notice);
        }
    }

    /// This run appended to its own segment at `path`, which now ends at `len`.
    pub fn written(&mut self, path: &Path, len: u64) {
        self.files.entry(path.to_path_buf()).or_default().own_len = Some(len);
    }

    fn read_file(&mut self, folder: &str, path: &Path, settled: bool, batch: &mut Batch) {
        let stamp = match std::fs::symlink_metadata(path) {
            Ok(meta) => Stamp::of(&meta),
            // Gone between listing and reading: no news.
            Err(_) => return,
        };
        let known = self.files.entry(path.to_path_buf()).or_default();
        if known.stamp.as_ref() == Some(&stamp) {
            return;
        }
        if known.own_len == Some(stamp.len) {
            known.stamp = Some(stamp);
            return;
        }
        // The same file grown in place (its writer on this machine, an SMB share): only
        // what follows the part read, once the end of that part is found unchanged.
        // A file replaced whole (what sync engines do) is read again from its start.
        let same_file = known
            .stamp
            .as_ref()
            .is_some_and(|s| s.ino == stamp.ino && s.ino != 0);
        if same_file && known.good_len > 0 && stamp.len >= known.good_len {
            let check = known.good_len.min(TAIL);
            if let Ok(tail) = frames::read_bytes_from(path, known.good_len - check)
                && tail.get(..check as usize).map(crc32fast::hash) == Some(known.tail_crc)
            {
                let start = known.good_len - check;
                // The whole part read is not checksummed again: a later full read
                // starts from the file's start.
                known.good_crc = 0;
                self.took(folder, path, stamp, &tail, start, check, settled, batch);
                return;
            }
        }
        let bytes = match frames::read_bytes(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return,
            Err(e) => {
                let notice = format!("{}: {e}; not read", path.display());
                self.name_once(batch, notice);
                return;
            }
        };
        let known = self.files.entry(path.to_path_buf()).or_default();
        let good = usize::try_from(known.good_len).unwrap_or(usize::MAX);
        let from = match bytes.get(..good) {
            Some(prefix) if good > 0 && crc32fast::hash(prefix) == known.good_crc => good,
            _ => 0,
        };
        if known.good_len > 0 && from == 0 && (bytes.len() as u64) < known.good_len {
            let notice = format!(
                "{}: shorter than when it was read before (an older copy delivered by the sync engine, or cut); what it held stays in the session",
                path.display()
            );
            self.name_once(batch, notice);
        }
        let good_len = self.took(folder, path, stamp, &bytes, 0, from as u64, settled, batch);
        let end = usize::try_from(good_len).unwrap_or(usize::MAX);
        let known = self.files.entry(path.to_path_buf()).or_default();
        known.good_crc = crc32fast::hash(bytes.get(..end).unwrap_or_default());
    }

    /// What a read found: `buf` holds the file from byte `buf_start` on, the frames
    /// are read from `skip` bytes into it; the frames are handed on, what is wrong named.
    /// Returns where the last whole frame ends in the file.
    #[allow(clippy::too_many_arguments)]
    fn took(
        &mut self,
        folder: &str,
        path: &Path,
        stamp: Stamp,
        buf: &[u8],
        buf_start: u64,
        skip: u64,
        settled: bool,
        batch: &mut Batch,
    ) -> u64 {
        let from = buf_start + skip;
        let read = frames::decode(buf.get(skip as usize..).unwrap_or_default());
        let file_len = buf_start + buf.len() as u64;
        let known = self.files.entry(path.to_path_buf()).or_default();
        let good_len = from + read.good_len;
        // The last bytes of the part read, checked before the next read goes on.
        let check = good_len.min(TAIL);
        let tail = (good_len - check).saturating_sub(buf_start) as usize;
        known.tail_crc = crc32fast::hash(buf.get(tail..tail + check as usize).unwrap_or_default());
        known.good_len = good_len;
        known.stamp = Some(stamp);
        known.own_len = None;
        let torn = read.torn;
        let torn_before = std::mem::replace(&mut known.torn, torn);
        if file_len >= frames::MAX_FILE {
            let notice = format!(
                "{}: longer than any file of frames ({} MiB); only its start was read",
                path.display(),
                frames::MAX_FILE / (1024 * 1024)
            );
            self.name_once(batch, notice);
        }
        for at in &read.skipped {
            let notice = format!(
                "{}: a damaged frame at byte {} was passed over (what it held is taken from the frames after it wherever they hold it)",
                path.display(),
                from + at
            );
            self.name_once(batch, notice);
        }
        if torn > 0 && (settled || torn == torn_before) {
            let notice = format!(
                "{}: its last {torn} bytes are not a whole frame (still arriving, or cut); passed over",
                path.display()
            );
            self.name_once(batch, notice);
        }
        for payload in read.frames {
            batch.frames.push(Found {
                folder: folder.to_string(),
                file: path.to_path_buf(),
                payload,
            });
        }
        good_len
    }
}

/// The files of frames in a device folder, conflict copies included, in the order
/// their device wrote them (by the segment's number, then by name); anything else in
/// the folder that is not a sync engine's temporary file is named.
fn segments(dir: &Path, seen: &mut Seen, batch: &mut Batch) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            if e.kind() != io::ErrorKind::NotFound {
                seen.name_once(batch, format!("{}: {e}; not read", dir.display()));
            }
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if ignored(&name) {
            continue;
        }
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if !name.to_ascii_lowercase().ends_with(".frames") || !regular {
            let what = if regular {
                "not a file of frames"
            } else {
                "a link, a folder or a device, not a file of frames"
            };
            seen.name_once(
                batch,
                format!("{}: {what}; passed over", entry.path().display()),
            );
            continue;
        }
        let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
        let number = digits.parse::<u64>().unwrap_or(u64::MAX);
        out.push((number, name, entry.path()));
    }
    out.sort();
    out.into_iter().map(|(_, _, path)| path).collect()
}

/// A device's own segments, numbered as it writes them: (number, path).
fn own_segments(dir: &Path) -> io::Result<Vec<(u32, PathBuf)>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e),
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(n) = name
            .strip_suffix(".frames")
            .filter(|n| n.len() == 6 && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<u32>().ok())
        {
            out.push((n, entry.path()));
        }
    }
    out.sort();
    Ok(out)
}

/// One device's own log: it appends to its last segment and opens the next one when
/// that is full.
#[derive(Debug)]
pub struct DeviceLog {
    dir: PathBuf,
    segment: u32,
    size: u64,
    /// Where this run's last frame in the current segment ends (None until it wrote
    /// one: the segment is read once then, to cut a torn tail).
    written: Option<u64>,
}

impl DeviceLog {
    fn path(&self) -> PathBuf {
        self.dir.join(format!("{:06}.frames", self.segment))
    }

    /// Appends frames; when it returns Ok they are on disk.
    pub fn append(&mut self, payloads: &[&[u8]]) -> io::Result<()> {
        if self.size >= SEGMENT_MAX {
            self.segment += 1;
            self.size = 0;
            self.written = None;
        }
        let path = self.path();
        match frames::append_after(&path, self.written, payloads) {
            Ok(end) => {
                self.size = end;
                self.written = Some(end);
                Ok(())
            }
            Err(e) => {
                // Read the segment again before the next append.
                self.written = None;
                Err(e)
            }
        }
    }

    /// Writes the first frame of a new log whole or not at all (a share stopped
    /// part-way leaves no half frame behind).
    pub fn start(&mut self, payload: &[u8]) -> io::Result<()> {
        let path = self.path();
        let bytes = frames::encode(payload);
        crate::storage::file::write_atomic(&path, &bytes)?;
        self.size = bytes.len() as u64;
        self.written = Some(self.size);
        Ok(())
    }

    pub fn segment(&self) -> u32 {
        self.segment
    }

    /// The segment written last and where its last frame ends.
    pub fn end(&self) -> (PathBuf, u64) {
        (self.path(), self.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_folders_and_segments_are_named_as_windows_and_onedrive_take_them() {
        use crate::storage::portable_name::refusal;
        for name in [
            "CON",
            "nul",
            "COM1",
            "LPT9",
            "a:b",
            "x.",
            " y",
            "~$z",
            "desktop.ini",
            ".lock",
            "_vti_",
            "AB",
            "Zoë",
            "",
            "<>|?*\"",
            "a/b\\c",
        ] {
            let folder = Device::this_run(Some(name)).folder();
            assert_eq!(refusal(&folder), None, "{name:?} -> {folder:?}");
        }
        let log = DeviceLog {
            dir: PathBuf::from("devices/AB-0000000000000001"),
            segment: 999_999,
            size: 0,
            written: None,
        };
        let segment = log.path();
        let segment = segment.file_name().and_then(|n| n.to_str()).unwrap();
        assert_eq!(refusal(segment), None, "{segment}");
    }

    #[test]
    fn a_device_name_is_one_line_of_printable_text() {
        assert_eq!(Device::this_run(Some("  A\tB\u{7}\nC  ")).name, "A B C");
        assert_eq!(Device::this_run(Some("AB")).name, "AB");
        assert!(!Device::this_run(Some("\u{1}\u{2}")).name.is_empty());
    }

    /// A team folder made for frames of team 1 (these tests write raw frames).
    fn create(root: &Path) -> TeamFolder {
        let team = TeamFolder::prepare(root, 1).unwrap();
        team.finish().unwrap();
        TeamFolder::open(root).unwrap()
    }

    fn read(team: &TeamFolder, seen: &mut Seen) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
        let batch = team.read_new(seen, true).unwrap();
        let frames = batch
            .frames
            .into_iter()
            .map(|f| (Device::of_folder(&f.folder).name, f.payload))
            .collect();
        (frames, batch.notices)
    }

    #[test]
    fn devices_write_their_own_files_and_read_each_others_news() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("team");
        let team = create(&root);
        let a = Device {
            name: "AB".into(),
            peer: 1,
        };
        let b = Device {
            name: "C D/é".into(),
            peer: 0xff,
        };
        let mut log_a = team.device_log(&a).unwrap();
        let mut log_b = team.device_log(&b).unwrap();
        log_a.append(&[b"a1", b"a2"]).unwrap();
        log_b.append(&[b"b1"]).unwrap();
        // The sync engine's own files are passed over.
        std::fs::write(root.join(DEVICES).join(".stfolder"), b"").unwrap();
        std::fs::write(
            root.join(DEVICES)
                .join(a.folder())
                .join(".syncthing.000002.frames.tmp"),
            b"junk",
        )
        .unwrap();
        let team = TeamFolder::open(&root).unwrap();
        let mut seen = Seen::default();
        let (news, notices) = read(&team, &mut seen);
        assert_eq!(
            news,
            vec![
                ("AB".into(), b"a1".to_vec()),
                ("AB".into(), b"a2".to_vec()),
                ("C_D__".into(), b"b1".to_vec()),
            ]
        );
        assert_eq!(notices, Vec::<String>::new());
        // Only what is new comes the next time.
        log_b.append(&[b"b2"]).unwrap();
        let (news, _) = read(&team, &mut seen);
        assert_eq!(news, vec![("C_D__".into(), b"b2".to_vec())]);
        assert!(read(&team, &mut seen).0.is_empty());
        // A folder another share began is not shared into.
        let e = TeamFolder::prepare(&root, 2).unwrap_err();
        assert!(e.contains("is a team folder already"), "{e}");
    }

    #[test]
    fn conflict_copies_renamed_folders_and_repaired_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("team");
        let team = create(&root);
        let a = Device {
            name: "AB".into(),
            peer: 0xabc,
        };
        let mut log = team.device_log(&a).unwrap();
        log.append(&[b"one", b"two"]).unwrap();
        let own = root.join(DEVICES).join(a.folder());
        let segment = own.join("000001.frames");
        for copy in [
            "000001 (1).frames",
            "000001.sync-conflict-20261207-101010-ABCDEF7.frames",
            "000001-DESKTOP-7Q2.frames",
            "000001 (conflicted copy 2026-12-07).frames",
        ] {
            std::fs::copy(&segment, own.join(copy)).unwrap();
        }
        // OneDrive's "(1)" on a copied folder, and a name that is no device's.
        let renamed = root.join(DEVICES).join(format!("{} (1)", a.folder()));
        std::fs::create_dir(&renamed).unwrap();
        std::fs::copy(&segment, renamed.join("000001.frames")).unwrap();
        std::fs::write(own.join("notes.txt"), b"x").unwrap();
        let mut seen = Seen::default();
        let (news, notices) = read(&team, &mut seen);
        assert_eq!(news.len(), 12, "every copy read");
        assert!(
            notices
                .iter()
                .any(|n| n.contains("notes.txt") && n.contains("not a file of frames")),
            "{notices:?}"
        );
        // A copy delivered again with a byte repaired is read again whole.
        let mut bytes = std::fs::read(&segment).unwrap();
        let good = bytes.clone();
        bytes[14] ^= 1;
        std::fs::write(&segment, &bytes).unwrap();
        let (_, notices) = read(&team, &mut seen);
        assert!(
            notices
                .iter()
                .any(|n| n.contains("000001.frames: a damaged frame at byte 0")),
            "{notices:?}"
        );
        std::fs::write(&segment, &good).unwrap();
        let (news, _) = read(&team, &mut seen);
        assert_eq!(news.len(), 2, "{news:?}");
    }

    #[test]
    fn a_file_grown_in_place_is_read_on_from_where_it_was_and_a_replaced_one_again() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("team");
        let team = create(&root);
        let a = Device {
            name: "AB".into(),
            peer: 0xa,
        };
        let mut log = team.device_log(&a).unwrap();
        let mut seen = Seen::default();
        for n in 0..12u8 {
            // Frames larger and smaller than the part checked before reading on.
            let frame = vec![n + 1; if n % 3 == 0 { 9_000 } else { 300 }];
            log.append(&[&frame]).unwrap();
            let (news, notices) = read(&team, &mut seen);
            assert_eq!(
                news.into_iter().map(|f| f.1).collect::<Vec<_>>(),
                vec![frame]
            );
            assert!(notices.is_empty(), "{notices:?}");
        }
        // The engine delivers the same file anew (a new file renamed into place), with a
        // byte damaged early on: read again whole, the damage named.
        let segment = root.join(DEVICES).join(a.folder()).join("000001.frames");
        let mut bytes = std::fs::read(&segment).unwrap();
        bytes[20] ^= 1;
        let fresh = segment.with_file_name(".incoming");
        std::fs::write(&fresh, &bytes).unwrap();
        std::fs::rename(&fresh, &segment).unwrap();
        let (news, notices) = read(&team, &mut seen);
        assert_eq!(news.len(), 11, "every sound frame again");
        assert!(
            notices
                .iter()
                .any(|n| n.contains("damaged frame at byte 0")),
            "{notices:?}"
        );
        assert_eq!(read(&team, &mut Seen::default()).0.len(), 11);
    }

    #[cfg(unix)]
    #[test]
    fn links_fifos_and_devices_are_never_followed_or_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("team");
        let team = create(&root);
        let a = Device {
            name: "AB".into(),
            peer: 5,
        };
        let mut log = team.device_log(&a).unwrap();
        log.append(&[b"mine"]).unwrap();
        let own = root.join(DEVICES).join(a.folder());
        std::os::unix::fs::symlink("/dev/zero", own.join("000002.frames")).unwrap();
        let outside = dir.path().join("outside");
        std::fs::create_dir(&outside).unwrap();
        std::fs::write(outside.join("000001.frames"), frames::encode(b"theirs")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join(DEVICES).join("XY-0000000000000009"))
            .unwrap();
        let fifo = own.join("000003.frames");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let (news, notices) = read(&team, &mut Seen::default());
        assert_eq!(news, vec![("AB".into(), b"mine".to_vec())]);
        for name in ["000002.frames", "000003.frames", "XY-0000000000000009"] {
            assert!(
                notices.iter().any(|n| n.contains(name)),
                "{name}: {notices:?}"
            );
        }
        // A devices folder that is a link is neither read nor written through.
        let other = dir.path().join("other");
        let linked = create(&other);
        std::fs::remove_dir(other.join(DEVICES)).unwrap();
        std::os::unix::fs::symlink(&outside, other.join(DEVICES)).unwrap();
        assert!(linked.device_log(&a).is_err());
        let (news, notices) = read(&linked, &mut Seen::default());
        assert!(news.is_empty());
        assert!(
            notices.iter().any(|n| n.contains("not followed")),
            "{notices:?}"
        );
        assert_eq!(
            std::fs::read_dir(&outside).unwrap().count(),
            1,
            "nothing written outside"
        );
    }

    #[test]
    fn a_full_segment_opens_the_next_and_names_are_never_reused() {
        let dir = tempfile::tempdir().unwrap();
        let team = create(dir.path());
        let d = Device {
            name: "X".into(),
            peer: 7,
        };
        let mut log = team.device_log(&d).unwrap();
        let big = vec![1u8; (SEGMENT_MAX / 2) as usize];
        for _ in 0..5 {
            log.append(&[&big]).unwrap();
        }
        assert_eq!(log.segment(), 3);
        // A new run of the same device goes on after the last segment.
        let again = team.device_log(&d).unwrap();
        assert_eq!(again.segment(), 3);
        let (frames, _) = read(&team, &mut Seen::default());
        assert_eq!(frames.len(), 5);
    }

    #[test]
    fn every_run_is_a_new_peer_under_the_name_given() {
        let a = Device::this_run(Some("AB"));
        let b = Device::this_run(Some("AB"));
        assert_eq!((a.name.as_str(), b.name.as_str()), ("AB", "AB"));
        assert_ne!(a.peer, b.peer, "a new peer id every run");
        assert!(!Device::this_run(None).name.is_empty());
        assert_eq!(Device::from_folder(&a.folder()), Some(a));
    }

    #[test]
    fn a_folder_that_is_not_a_team_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let e = TeamFolder::open(dir.path()).unwrap_err();
        assert!(e.contains("is not a team folder"), "{e}");
        // A byte-order mark (Notepad) is no reason to refuse the marker.
        std::fs::write(
            dir.path().join(MARKER),
            "\u{feff}{\"format\": \"rapporteur-team\", \"version\": 2, \"team\": \"00000000000000ff\"}",
        )
        .unwrap();
        assert_eq!(TeamFolder::open(dir.path()).unwrap().id().team, 0xff);
        std::fs::write(
            dir.path().join(MARKER),
            br#"{"format": "rapporteur-team", "version": 9}"#,
        )
        .unwrap();
        let e = TeamFolder::open(dir.path()).unwrap_err();
        assert!(e.contains("newer version"), "{e}");
    }
}
