//! A team session's folder, as a file-sync engine carries it (OneDrive or SharePoint, an
//! SMB share, Syncthing on a LAN): every device writes only its own files, so no file is
//! ever written by two machines.
//!
//! ```text
//! DIR/team.json                              what the folder is (format, version)
//! DIR/devices/<name>-<peer>/000001.frames    one device's updates, append-only frames
//! DIR/devices/<name>-<peer>/000002.frames    the next segment, once the last is full
//! ```
//!
//! Segments are never renamed or reused (a sync engine rewrites a whole file on every
//! change it carries, so files stay small); names starting with "." or "~" are the sync
//! engines' own and are passed over; a file gone between listing and reading is no news.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::frames;

/// The marker file's format name.
const FORMAT: &str = "rapporteur-team";
const VERSION: u32 = 1;
const MARKER: &str = "team.json";
const DEVICES: &str = "devices";
/// A segment is closed once it holds this much; the next frame opens a new one.
pub const SEGMENT_MAX: u64 = 4 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    format: String,
    version: u32,
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
        super::portable_name::portable(
            &format!("{name}-{:016x}", self.peer),
            &format!("device-{:016x}", self.peer),
        )
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
}

impl TeamFolder {
    /// Makes `root` a team folder (created if missing; it must hold nothing of ours yet).
    pub fn create(root: &Path) -> Result<TeamFolder, String> {
        let marker = root.join(MARKER);
        if marker.exists() {
            return Err(format!("{} is a team folder already", root.display()));
        }
        // Never into a folder holding files of someone else (a sync engine's own
        // ".stfolder" or "~" files may be there already).
        if let Ok(entries) = std::fs::read_dir(root)
            && let Some(other) = entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .find(|n| !ignored(n))
        {
            return Err(format!(
                "{} is not empty (it holds {other}); a team folder is made in a new or empty folder, and nothing was written",
                root.display()
            ));
        }
        std::fs::create_dir_all(root.join(DEVICES))
            .map_err(|e| format!("{}: {e}", root.display()))?;
        let text = serde_json::to_vec_pretty(&Marker {
            format: FORMAT.into(),
            version: VERSION,
        })
        .map_err(|e| e.to_string())?;
        super::file::write_atomic(&marker, &text)
            .map_err(|e| format!("{}: {e}", marker.display()))?;
        Ok(TeamFolder {
            root: root.to_path_buf(),
        })
    }

    /// Opens a team folder, with a message naming the folder when it is none.
    pub fn open(root: &Path) -> Result<TeamFolder, String> {
        let marker = root.join(MARKER);
        let bytes = std::fs::read(&marker).map_err(|e| {
            format!(
                "{} is not a team folder ({}: {e})",
                root.display(),
                marker.display()
            )
        })?;
        let m: Marker = serde_json::from_slice(&bytes)
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
        Ok(TeamFolder {
            root: root.to_path_buf(),
        })
    }

    pub fn is_team_folder(root: &Path) -> bool {
        root.join(MARKER).is_file()
    }

    /// This device's log in the folder (its own files only).
    pub fn device_log(&self, device: &Device) -> io::Result<DeviceLog> {
        let dir = self.root.join(DEVICES).join(device.folder());
        std::fs::create_dir_all(&dir)?;
        let last = segments(&dir)?.into_iter().last();
        let (segment, size) = match last {
            Some((n, path)) => (n, std::fs::metadata(path).map_or(0, |m| m.len())),
            None => (1, 0),
        };
        Ok(DeviceLog {
            dir,
            segment,
            size,
            written: None,
        })
    }

    /// The devices that have written into the folder.
    pub fn devices(&self) -> io::Result<Vec<Device>> {
        let mut out = Vec::new();
        let entries = match std::fs::read_dir(self.root.join(DEVICES)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(e),
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if ignored(&name) || !entry.path().is_dir() {
                continue;
            }
            if let Some(d) = Device::from_folder(&name) {
                out.push(d);
            }
        }
        out.sort();
        Ok(out)
    }

    /// The frames every device has written since the last call with `seen`, device by
    /// device, segment by segment, in order. A torn tail is left for the next call.
    pub fn read_new(&self, seen: &mut Seen) -> io::Result<Vec<(Device, Vec<u8>)>> {
        let mut out = Vec::new();
        for device in self.devices()? {
            let dir = self.root.join(DEVICES).join(device.folder());
            for (_, path) in segments(&dir)? {
                // A file whose size has not moved holds nothing new (a sync engine
                // replaces a file whole, so its size changes with it).
                let size = std::fs::metadata(&path).map_or(0, |m| m.len());
                if seen.sizes.get(&path) == Some(&size) {
                    continue;
                }
                let read = frames::read(&path)?;
                seen.sizes.insert(path.clone(), read.good_len);
                let done = seen.frames.entry(path).or_insert(0);
                for frame in read.frames.into_iter().skip(*done) {
                    out.push((device.clone(), frame));
                    *done += 1;
                }
            }
        }
        Ok(out)
    }
}

/// How many frames of each file were taken already.
#[derive(Debug, Default)]
pub struct Seen {
    frames: HashMap<PathBuf, usize>,
    /// Each file's length up to its last whole frame when last read.
    sizes: HashMap<PathBuf, u64>,
}

/// A device's segments in order: (number, path); other names passed over.
fn segments(dir: &Path) -> io::Result<Vec<(u32, PathBuf)>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e),
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if ignored(&name) {
            continue;
        }
        if let Some(n) = name
            .strip_suffix(".frames")
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

    pub fn segment(&self) -> u32 {
        self.segment
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

    #[test]
    fn devices_write_their_own_files_and_read_each_others_news() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("team");
        let team = TeamFolder::create(&root).unwrap();
        assert!(TeamFolder::create(&root).is_err(), "a team folder already");
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
        let news: Vec<(String, Vec<u8>)> = team
            .read_new(&mut seen)
            .unwrap()
            .into_iter()
            .map(|(d, f)| (d.name, f))
            .collect();
        assert_eq!(
            news,
            vec![
                ("AB".into(), b"a1".to_vec()),
                ("AB".into(), b"a2".to_vec()),
                ("C_D__".into(), b"b1".to_vec()),
            ]
        );
        // Only what is new comes the next time.
        log_b.append(&[b"b2"]).unwrap();
        let news = team.read_new(&mut seen).unwrap();
        assert_eq!(news.len(), 1);
        assert_eq!(news[0].1, b"b2".to_vec());
        assert!(team.read_new(&mut seen).unwrap().is_empty());
    }

    #[test]
    fn a_full_segment_opens_the_next_and_names_are_never_reused() {
        let dir = tempfile::tempdir().unwrap();
        let team = TeamFolder::create(dir.path()).unwrap();
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
        let frames = team.read_new(&mut Seen::default()).unwrap();
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
        std::fs::write(
            dir.path().join(MARKER),
            br#"{"format": "rapporteur-team", "version": 9}"#,
        )
        .unwrap();
        let e = TeamFolder::open(dir.path()).unwrap_err();
        assert!(e.contains("newer version"), "{e}");
    }
}
