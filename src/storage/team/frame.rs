//! What one frame of a team folder says about itself: which team session it belongs to,
//! which run of the app wrote it, and up to which version of the document it reaches.
//! A frame stands alone with this: it is taken or refused, and known to be held by a
//! snapshot or not, without reading which folder it lies in.
//!
//! ```text
//! kind     1 byte    's' a snapshot of the whole document, 'u' an update
//! team     8 bytes   the team session's id (team.json), little-endian
//! origin   8 bytes   the id of the session it was shared from (team.json)
//! peer     8 bytes   the run of the app that wrote it
//! name     1 + n     the device's name (UTF-8, at most 255 bytes)
//! version  4 + n     the document's version vector when it was written (Loro encoding)
//! blob     the rest  the Loro snapshot or update
//! ```
//!
//! Frames of the first team format (`'S'` or `'U'`, then the blob alone) are still read,
//! in folders of that format.

use loro::VersionVector;

const SNAPSHOT: u8 = b's';
const UPDATE: u8 = b'u';
const LEGACY_SNAPSHOT: u8 = b'S';
const LEGACY_UPDATE: u8 = b'U';

/// Which team session a frame is for. Both 0 in a folder of the first team format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TeamId {
    /// Drawn at random when the folder was made.
    pub team: u64,
    /// Drawn from what was shared: two people sharing the same session into one folder
    /// at once (neither seeing the other's files yet) make two teams of one origin,
    /// whose documents hold the very same first changes, so they merge as one.
    pub origin: u64,
}

impl TeamId {
    /// Whether a frame of `other` belongs to this team session.
    pub fn takes(&self, other: &TeamId) -> bool {
        self.team == other.team || (self.origin != 0 && self.origin == other.origin)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub snapshot: bool,
    pub team: TeamId,
    pub peer: u64,
    pub name: String,
    pub version: VersionVector,
}

/// A frame as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Frame {
    Current {
        header: Header,
        blob: Vec<u8>,
    },
    /// The first team format: the folder says which device wrote it.
    Legacy {
        snapshot: bool,
        blob: Vec<u8>,
    },
}

pub fn encode(header: &Header, blob: &[u8]) -> Vec<u8> {
    let name = clip(&header.name, 255);
    let version = header.version.encode();
    let mut out = Vec::with_capacity(40 + name.len() + version.len() + blob.len());
    out.push(if header.snapshot { SNAPSHOT } else { UPDATE });
    out.extend_from_slice(&header.team.team.to_le_bytes());
    out.extend_from_slice(&header.team.origin.to_le_bytes());
    out.extend_from_slice(&header.peer.to_le_bytes());
    out.push(u8::try_from(name.len()).unwrap_or(0));
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(&u32::try_from(version.len()).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(&version);
    out.extend_from_slice(blob);
    out
}

/// The frame in `payload`, or why it is not one of this version.
pub fn decode(payload: &[u8]) -> Result<Frame, &'static str> {
    let (&kind, rest) = payload.split_first().ok_or("an empty frame")?;
    match kind {
        LEGACY_SNAPSHOT | LEGACY_UPDATE if !rest.is_empty() => {
            return Ok(Frame::Legacy {
                snapshot: kind == LEGACY_SNAPSHOT,
                blob: rest.to_vec(),
            });
        }
        SNAPSHOT | UPDATE => {}
        _ => return Err("a frame of a kind this version does not know"),
    }
    let mut r = Reader(rest);
    let team = r.u64()?;
    let origin = r.u64()?;
    let peer = r.u64()?;
    let n = usize::from(r.take(1)?.first().copied().unwrap_or(0));
    let name = String::from_utf8_lossy(r.take(n)?).into_owned();
    let len = u32::from_le_bytes(r.take(4)?.try_into().map_err(|_| SHORT)?) as usize;
    let version = VersionVector::decode(r.take(len)?).map_err(|_| "a damaged version")?;
    if r.0.is_empty() {
        return Err("a frame with nothing in it");
    }
    Ok(Frame::Current {
        header: Header {
            snapshot: kind == SNAPSHOT,
            team: TeamId { team, origin },
            peer,
            name,
            version,
        },
        blob: r.0.to_vec(),
    })
}

const SHORT: &str = "a frame cut short";

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        if self.0.len() < n {
            return Err(SHORT);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u64(&mut self) -> Result<u64, &'static str> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().map_err(|_| SHORT)?,
        ))
    }
}

/// At most `max` bytes of `text`, cut at a character boundary.
fn clip(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// A 64-bit FNV-1a hash: the same on every machine and every version (the origin of a
/// share is computed on each machine that shares, and must agree).
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_says_its_team_its_writer_and_its_version() {
        let mut version = VersionVector::default();
        version.insert(7, 42);
        version.insert(9, 3);
        let header = Header {
            snapshot: true,
            team: TeamId {
                team: 0xdead_beef,
                origin: 5,
            },
            peer: 7,
            name: "Zoë".into(),
            version,
        };
        let bytes = encode(&header, b"blob");
        assert_eq!(
            decode(&bytes),
            Ok(Frame::Current {
                header,
                blob: b"blob".to_vec()
            })
        );
        // Cut anywhere in the header or right after it (the frame's checksum guards
        // the blob).
        for cut in 0..=bytes.len() - 4 {
            let short = bytes.get(..cut).unwrap();
            assert!(decode(short).is_err(), "cut at {cut}");
        }
        assert_eq!(
            decode(b"Uold"),
            Ok(Frame::Legacy {
                snapshot: false,
                blob: b"old".to_vec()
            })
        );
        assert!(decode(b"Xjunk").is_err());
        assert!(decode(b"U").is_err());
    }

    #[test]
    fn a_long_name_is_cut_at_a_character() {
        let name = "é".repeat(200);
        let header = Header {
            snapshot: false,
            team: TeamId::default(),
            peer: 1,
            name,
            version: VersionVector::default(),
        };
        let Ok(Frame::Current { header: back, .. }) = decode(&encode(&header, b"x")) else {
            panic!("not read back");
        };
        assert_eq!(back.name.chars().count(), 127);
    }

    #[test]
    fn frames_of_the_same_team_or_the_same_origin_are_taken() {
        let ours = TeamId { team: 1, origin: 9 };
        assert!(ours.takes(&TeamId { team: 1, origin: 9 }));
        assert!(ours.takes(&TeamId { team: 2, origin: 9 }), "a second share");
        assert!(
            !ours.takes(&TeamId { team: 2, origin: 8 }),
            "another meeting"
        );
        let legacy = TeamId::default();
        assert!(legacy.takes(&TeamId::default()));
        assert!(!legacy.takes(&TeamId { team: 3, origin: 0 }));
        assert_eq!(stable_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
