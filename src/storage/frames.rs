//! Append-only files of frames, for logs that other machines copy while they grow (a
//! team session's per-device update logs, carried by a file-sync engine): each frame is
//! a mark, its length, a checksum and its bytes, synced before it counts as written.
//!
//! A reader takes every whole frame and stops at a torn or zero-filled tail (the rest
//! has not arrived yet, or a crash cut it): it reads again later from where it stopped.
//! A damaged frame in the middle is skipped, never the frames after it: the reader looks
//! for the next mark whose frame checks. A writer cuts its own torn tail before it
//! appends again.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;

/// What opens every frame: a resync point after damage.
const MARK: [u8; 4] = *b"RPF1";
const HEADER: usize = 12;
/// No frame is larger (a whole session snapshot fits many times over).
pub const MAX_FRAME: usize = 64 * 1024 * 1024;
/// No file of frames is read past this: a segment closes at 4 MiB, and its last frame may
/// be a large snapshot. Anything longer is not one of ours (or a link to a device).
pub const MAX_FILE: u64 = 4 * 1024 * 1024 + MAX_FRAME as u64 + 1024;

/// What a read found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Read {
    /// The whole frames, in order.
    pub frames: Vec<Vec<u8>>,
    /// Bytes up to the end of the last whole frame: where the next read can start, and
    /// where the writer cuts a torn tail.
    pub good_len: u64,
    /// Bytes after the last whole frame that do not make a frame (yet).
    pub torn: u64,
    /// Damaged frames skipped in the middle (their offsets).
    pub skipped: Vec<u64>,
}

/// One frame's bytes as written.
pub fn encode(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(&MARK);
    out.extend_from_slice(
        &u32::try_from(payload.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload length the frame header at `at` claims, if a header is there and the
/// file holds that much after it.
fn claimed_len(bytes: &[u8], at: usize) -> Option<usize> {
    let header = bytes.get(at..at.checked_add(HEADER)?)?;
    if header.get(..4)? != MARK {
        return None;
    }
    let len = u32::from_le_bytes(header.get(4..8)?.try_into().ok()?) as usize;
    (len > 0 && len <= MAX_FRAME && bytes.len() - at - HEADER >= len).then_some(len)
}

/// The frame at `at`, if one whole and sound frame starts there: its payload and end.
fn frame_at(bytes: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let len = claimed_len(bytes, at)?;
    let crc = u32::from_le_bytes(bytes.get(at + 8..at + HEADER)?.try_into().ok()?);
    let end = at + HEADER + len;
    let payload = bytes.get(at + HEADER..end)?;
    (crc32fast::hash(payload) == crc).then_some((payload, end))
}

/// The frame at `at` as [`frame_at`], counting the bytes checksummed against `budget`;
/// None once the budget is spent.
fn frame_within<'a>(bytes: &'a [u8], at: usize, budget: &mut usize) -> Option<(&'a [u8], usize)> {
    *budget = budget.checked_sub(claimed_len(bytes, at)?)?;
    frame_at(bytes, at)
}

/// Reads the frames of `bytes` (a whole file as it is now).
///
/// Linear in the file's length, whatever it holds: looking for the next frame after
/// damage checksums at most twice the file's bytes (a file made of frame marks that each
/// claim the rest of the file would otherwise be read once per mark). What lies past a
/// spent budget is counted as torn, never read as frames.
pub fn decode(bytes: &[u8]) -> Read {
    let mut out = Read::default();
    let mut at = 0usize;
    let mut good = 0usize;
    let mut budget = bytes.len().saturating_mul(2);
    while at < bytes.len() {
        if let Some((payload, end)) = frame_at(bytes, at) {
            out.frames.push(payload.to_vec());
            at = end;
            good = end;
            continue;
        }
        // Not a frame here: damage in the middle if a sound frame follows, else the
        // tail that has not arrived (or was cut).
        let next = bytes.get(at + 1..).and_then(|rest| {
            rest.windows(MARK.len())
                .enumerate()
                .filter(|(_, w)| *w == MARK)
                .map(|(i, _)| at + 1 + i)
                .find(|candidate| frame_within(bytes, *candidate, &mut budget).is_some())
        });
        match next {
            Some(next) => {
                out.skipped.push(at as u64);
                at = next;
            }
            None => break,
        }
    }
    out.good_len = good as u64;
    out.torn = (bytes.len() - good) as u64;
    out
}

/// Reads a frame file; a missing file is no news (a sync engine replaces a file by
/// deleting and renaming, so it is opened anew by its path on every read).
pub fn read(path: &Path) -> io::Result<Read> {
    match read_bytes(path) {
        Ok(bytes) => Ok(decode(&bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Read::default()),
        Err(e) => Err(e),
    }
}

/// A regular file's bytes, never through a link and never more than [`MAX_FILE`]: a
/// link, a FIFO or a device put where a file of frames belongs is refused, not followed,
/// waited on or read until memory runs out.
pub fn read_bytes(path: &Path) -> io::Result<Vec<u8>> {
    read_bytes_from(path, 0)
}

/// [`read_bytes`] from byte `from` on (the file's start when it is shorter).
pub fn read_bytes_from(path: &Path, from: u64) -> io::Result<Vec<u8>> {
    use std::io::{Read as _, Seek as _};
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    never_through_links(&mut options);
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(not_a_file());
    }
    let mut file = options.open(path).map_err(|e| {
        if e.raw_os_error() == Some(ELOOP) {
            not_a_file()
        } else {
            e
        }
    })?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_a_file());
    }
    let from = if from <= meta.len() { from } else { 0 };
    file.seek(io::SeekFrom::Start(from))?;
    let left = MAX_FILE.saturating_sub(from);
    let mut bytes =
        Vec::with_capacity(usize::try_from(meta.len().saturating_sub(from).min(left)).unwrap_or(0));
    file.take(left).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(unix)]
const ELOOP: i32 = libc::ELOOP;
#[cfg(not(unix))]
const ELOOP: i32 = -1;

/// Opens the last component itself, never what a link points to, and a FIFO without
/// waiting for its other end (unix; Windows has neither in a synced folder).
fn never_through_links(options: &mut OpenOptions) {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(options, libc::O_NOFOLLOW | libc::O_NONBLOCK);
    let _ = options;
}

fn not_a_file() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "not a regular file (a link, a folder or a device); not followed",
    )
}

/// Appends frames to this device's own file and syncs them: when it returns Ok, they
/// are on disk. A torn tail left by a crash is cut first, so the new frames follow the
/// last whole one.
pub fn append(path: &Path, payloads: &[&[u8]]) -> io::Result<()> {
    append_after(path, None, payloads).map(|_| ())
}

/// [`append`], told where the last whole frame ends when this writer wrote it itself
/// (then the file is not read again: appending stays as cheap on a full segment as on an
/// empty one). Returns where the frames written end.
pub fn append_after(path: &Path, known: Option<u64>, payloads: &[&[u8]]) -> io::Result<u64> {
    write_frames(path, known, payloads).map_err(super::os_error::plain)
}

fn write_frames(path: &Path, known: Option<u64>, payloads: &[&[u8]]) -> io::Result<u64> {
    if payloads.iter().any(|p| p.is_empty() || p.len() > MAX_FRAME) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a frame holds 1 byte to 64 MiB",
        ));
    }
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    never_through_links(&mut options);
    let mut file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_a_file());
    }
    let on_disk = file.metadata()?.len();
    // Trusted only when the file ends exactly there (a failed write may have left part
    // of a frame after it): otherwise read to find the last whole frame.
    let good_len = match known {
        Some(len) if len == on_disk => len,
        _ => read(path)?.good_len,
    };
    if on_disk > good_len {
        file.set_len(good_len)?;
    }
    let mut bytes = Vec::new();
    for p in payloads {
        bytes.extend_from_slice(&encode(p));
    }
    use std::io::Seek;
    file.seek(io::SeekFrom::Start(good_len))?;
    file.write_all(&bytes)?;
    file.sync_all()?;
    Ok(good_len + bytes.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_frames_read_torn_and_zero_filled_tails_wait() {
        let frames: Vec<Vec<u8>> = vec![b"one".to_vec(), vec![7; 1000], b"three".to_vec()];
        let mut file: Vec<u8> = frames.iter().flat_map(|f| encode(f)).collect();
        let whole = file.len() as u64;
        assert_eq!(decode(&file).frames, frames);
        // Half a frame more: the three still read, the half waits.
        let extra = encode(b"four");
        file.extend_from_slice(&extra[..7]);
        let r = decode(&file);
        assert_eq!((r.frames.len(), r.good_len, r.torn), (3, whole, 7));
        // Zeros where the rest should be (a crash on some file systems): the same.
        file.extend_from_slice(&[0; 64]);
        assert_eq!(decode(&file).frames.len(), 3);
    }

    #[test]
    fn a_damaged_frame_in_the_middle_is_skipped_not_the_ones_after() {
        let mut file = Vec::new();
        for f in [&b"alpha"[..], b"beta", b"gamma"] {
            file.extend_from_slice(&encode(f));
        }
        // A byte of "beta" flipped.
        let at = encode(b"alpha").len() + HEADER + 1;
        file[at] ^= 0xFF;
        let r = decode(&file);
        assert_eq!(r.frames, vec![b"alpha".to_vec(), b"gamma".to_vec()]);
        assert_eq!(r.skipped, vec![encode(b"alpha").len() as u64]);
        assert_eq!(r.torn, 0);
    }

    #[test]
    fn the_writer_cuts_its_own_torn_tail_before_appending() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.frames");
        append(&path, &[b"first"]).unwrap();
        // A crash mid-append left half a frame.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(&encode(b"lost")[..9]);
        std::fs::write(&path, &bytes).unwrap();
        append(&path, &[b"second", b"third"]).unwrap();
        let r = read(&path).unwrap();
        assert_eq!(
            r.frames,
            vec![b"first".to_vec(), b"second".to_vec(), b"third".to_vec()]
        );
        assert_eq!(r.torn, 0);
        assert!(append(&path, &[b""]).is_err(), "an empty frame is refused");
        assert_eq!(read(&dir.path().join("missing")).unwrap(), Read::default());
    }

    #[test]
    fn appending_where_the_writer_left_off_reads_nothing_but_still_cuts_a_torn_tail() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.frames");
        let end = append_after(&path, None, &[b"one"]).unwrap();
        let end = append_after(&path, Some(end), &[b"two"]).unwrap();
        assert_eq!(end, std::fs::metadata(&path).unwrap().len());
        // Half a frame after what this writer knows (a write that failed part way): the
        // file is read again, the half cut, the new frame follows the last whole one.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&encode(b"half")[..5]).unwrap();
        drop(f);
        let end = append_after(&path, Some(end), &[b"three"]).unwrap();
        let r = read(&path).unwrap();
        assert_eq!(
            r.frames,
            vec![b"one".to_vec(), b"two".to_vec(), b"three".to_vec()]
        );
        assert_eq!((r.good_len, r.torn), (end, 0));
    }
}
