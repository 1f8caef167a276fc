//! One device's working copy of a team session: the CRDT document, this device's log in
//! the team folder, and what it has read of the others' logs.
//!
//! Every change is one update frame appended (and synced) to this device's own log
//! before it is acknowledged. A frame stands alone as far as one damaged frame can
//! take from it: every run opens with a snapshot of what it has read, writes another
//! every few minutes (less often in a large meeting, see `SNAPSHOT_AFTER`) and on
//! closing, and each update holds every change since the end of
//! the frame before the last (its own and those it merged from others), so any one
//! frame lost to damage is held again by the next. Opening reads the newest snapshots
//! and the updates they do not hold; what no readable frame can give back is named.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use loro::VersionVector;

use super::clash::FieldClash;
use super::doc::{Concurrent, TeamDoc, Touched, paragraph_ids};
use super::frame::{self, Frame, Header};
use super::{Batch, Device, DeviceLog, Seen, TeamFolder};
use crate::core::ids;
use crate::core::session::Session;
use crate::core::shared::Shared;

/// Updates between two snapshots of this device, at most.
const SNAPSHOT_EVERY: usize = 500;
/// Time between two snapshots of this device while it writes, at least: once it has
/// passed, a snapshot follows when the updates since the last one reach an eighth of
/// its size (so a large meeting's snapshots never cost more than eight times what was
/// written, and a small one's come every five minutes).
const SNAPSHOT_AFTER: Duration = Duration::from_secs(5 * 60);
const SNAPSHOT_SHARE: usize = 8;

pub struct TeamSession {
    folder: TeamFolder,
    root: PathBuf,
    device: Device,
    log: DeviceLog,
    seen: Seen,
    doc: TeamDoc,
    band: ids::Band,
    /// The document's version at the end of this run's last two frames (the older
    /// first): the next update holds everything since the older.
    written: [VersionVector; 2],
    since_snapshot: usize,
    snapshot_at: Instant,
    /// The last snapshot's size, and the bytes of updates written since.
    snapshot_len: usize,
    written_since: usize,
    /// Who wrote what was read: peer ids of the runs, with their names.
    names: Vec<Device>,
    /// Notices given already (a damaged frame is named once, not on every read).
    named: HashSet<String>,
}

/// What reading the folder brought.
#[derive(Debug, Default, Clone)]
pub struct News {
    /// The merged session, when anything arrived.
    pub session: Option<Session>,
    /// Statements changed here and on another device at once (now marked).
    pub concurrent: usize,
    /// Paragraphs of the layout rewritten or moved here and on another device at once
    /// (both merged), with that device's name.
    pub paragraphs: Vec<(crate::core::layout::ParagraphId, String)>,
    /// Paragraphs deleted here that a move on another device brought back.
    pub restored: Vec<crate::core::layout::ParagraphId>,
    /// Fields and records set here and on another device at the same time (one value
    /// kept, the last writer's).
    pub clashes: Vec<FieldClash>,
    /// Statements changed here while another device deleted them: kept in the log
    /// (marked), with that device's name.
    pub kept: Vec<(crate::core::intervention::InterventionId, String)>,
    /// What could not be read or merged, each naming its file: passed over, the rest
    /// read.
    pub notices: Vec<String>,
}

impl TeamSession {
    /// Makes `dir` a team session holding `session` (left as it is in its own file).
    /// Its first changes are the same on every machine that shares the same session, so
    /// two shares made at once into one folder merge as one (see `TeamDoc::origin`).
    pub fn share(session: &Session, dir: &Path, device: Device) -> Result<TeamSession, String> {
        let mut plain = session.clone();
        plain.id_band = 0;
        plain.device = None;
        let (doc, origin) = TeamDoc::origin(&plain, device.peer)?;
        let folder = TeamFolder::prepare(dir, origin)?;
        let mut team = TeamSession::on(folder, dir, device, doc)?;
        // The first frame whole or not at all, then the marker: a share stopped
        // part-way leaves a folder a share can go on into.
        let blob = team.doc.snapshot()?;
        let version = team.doc.version();
        let payload = frame::encode(&team.header(true, version.clone()), &blob);
        team.log
            .start(&payload)
            .map_err(|e| format!("{}: {e}", team.root.display()))?;
        team.wrote(version);
        team.folder.finish()?;
        // Our own frames are in the document already.
        team.folder.read_new(&mut team.seen, true)?;
        Ok(team)
    }

    /// Opens a team folder as `device`: the newest snapshots and the updates they do not
    /// hold, a band of ids taken for this run, and a snapshot of it all written first.
    /// Notices name what could not be read.
    pub fn open(dir: &Path, device: Device) -> Result<(TeamSession, Session, Vec<String>), String> {
        let folder = TeamFolder::open(dir)?;
        let doc = TeamDoc::new(device.peer)?;
        let mut team = TeamSession::on(folder, dir, device, doc)?;
        let news = team.read_folder(true)?;
        if team.names.is_empty() {
            return Err(no_session(dir, &news.notices));
        }
        let read = team.doc.version();
        team.written = [read.clone(), read];
        team.band = team.doc.claim_band()?;
        let mut session = match news.session {
            Some(s) => s,
            None => team.doc.read()?,
        };
        team.settle(&mut session);
        // From here on this run's frames need nothing but this snapshot and each other.
        team.write_snapshot()?;
        Ok((team, session, news.notices))
    }

    /// This device on a team folder, with its log there, nothing read yet.
    fn on(
        folder: TeamFolder,
        dir: &Path,
        device: Device,
        doc: TeamDoc,
    ) -> Result<TeamSession, String> {
        let log = folder
            .device_log(&device)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(TeamSession {
            folder,
            root: dir.to_path_buf(),
            device,
            log,
            seen: Seen::default(),
            doc,
            band: 0,
            written: Default::default(),
            since_snapshot: 0,
            snapshot_at: Instant::now(),
            snapshot_len: 0,
            written_since: 0,
            names: Vec::new(),
            named: HashSet::new(),
        })
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The names of the devices that have written into the folder (one per run).
    pub fn device_names(&self) -> Vec<String> {
        self.names.iter().map(|d| d.name.clone()).collect()
    }

    /// The name of the device behind a peer id, if it has written here.
    pub fn device_name(&self, peer: u64) -> String {
        self.names
            .iter()
            .find(|d| d.peer == peer)
            .map(|d| d.name.clone())
            .unwrap_or_else(|| format!("{peer:016x}"))
    }

    /// This run's band and name on a session read from the document.
    fn settle(&self, session: &mut Session) {
        session.id_band = self.band;
        session.device = Some(self.device.name.clone());
        let next = ids::next_in(self.band, paragraph_ids(session));
        if session.layout.next_id != next {
            let mut layout = (*session.layout).clone();
            layout.next_id = next;
            session.layout = Shared::new(layout);
        }
    }

    /// Takes into `session` the statements of `local` (this device's working copy, as
    /// the window last saved it) that the team document never held: logged while the
    /// team folder could not be written, then the app closed. How many; they are
    /// recorded at once.
    pub fn recover(&mut self, local: &Session, session: &mut Session) -> Result<usize, String> {
        let lost: Vec<_> = local
            .interventions
            .iter()
            .filter(|i| !self.doc.knows(i.id) && session.intervention(i.id).is_none())
            .cloned()
            .collect();
        if lost.is_empty() {
            return Ok(0);
        }
        let mut list = (*session.interventions).clone();
        list.extend(lost.iter().cloned());
        session.interventions = Shared::new(list);
        self.record(session)?;
        Ok(lost.len())
    }

    /// Records what changed in `session`; when it returns Ok the change is on disk in
    /// this device's log. False: nothing had changed.
    pub fn record(&mut self, session: &Session) -> Result<bool, String> {
        let changed = self.doc.write(session)?;
        // Also what an append that failed left pending (a folder that could not be
        // written a moment ago).
        self.append_update()?;
        Ok(changed)
    }

    fn append_update(&mut self) -> Result<(), String> {
        let [older, newer] = &self.written;
        if !self.doc.changed_here_since(newer) {
            return Ok(());
        }
        let (update, version) = self.doc.update_since(older)?;
        self.append_frame(false, &update, version)?;
        self.since_snapshot += 1;
        self.written_since += update.len();
        if self.since_snapshot >= SNAPSHOT_EVERY
            || (self.snapshot_at.elapsed() >= SNAPSHOT_AFTER
                && self.written_since >= self.snapshot_len / SNAPSHOT_SHARE)
        {
            self.write_snapshot()?;
        }
        Ok(())
    }

    /// A snapshot of everything this device knows: opening reads from it on, and it
    /// holds again whatever a damaged frame before it held.
    pub fn write_snapshot(&mut self) -> Result<(), String> {
        let snapshot = self.doc.snapshot()?;
        let version = self.doc.version();
        self.append_frame(true, &snapshot, version)?;
        self.since_snapshot = 0;
        self.snapshot_at = Instant::now();
        self.snapshot_len = snapshot.len();
        self.written_since = 0;
        Ok(())
    }

    fn header(&self, snapshot: bool, version: VersionVector) -> Header {
        Header {
            snapshot,
            team: self.folder.id(),
            peer: self.device.peer,
            name: self.device.name.clone(),
            version,
        }
    }

    /// Everything up to `version` is in a frame on disk.
    fn wrote(&mut self, version: VersionVector) {
        let [older, newer] = &mut self.written;
        *older = std::mem::replace(newer, version);
    }

    /// One frame appended to this device's log and synced.
    fn append_frame(
        &mut self,
        snapshot: bool,
        blob: &[u8],
        version: VersionVector,
    ) -> Result<(), String> {
        let payload = frame::encode(&self.header(snapshot, version.clone()), blob);
        self.log
            .append(&[&payload])
            .map_err(|e| format!("{}: {e}", self.root.display()))?;
        // What this run wrote is in its document: not read back.
        let (segment, end) = self.log.end();
        self.seen.written(&segment, end);
        self.wrote(version);
        Ok(())
    }

    /// The next change is written against `base` (the session the window holds), not
    /// against a merge it did not take: what the others wrote is then no deletion here.
    pub fn rebase(&mut self, base: &Session) {
        self.doc.rebase(base);
    }

    /// The merged session as the document holds it now, with this run's band and name.
    pub fn current(&mut self) -> Result<Session, String> {
        let mut session = self.doc.read()?;
        self.settle(&mut session);
        Ok(session)
    }

    /// Reads what the other devices wrote since the last call and merges it; marks the
    /// statements changed here and there at once (and records the marks).
    pub fn refresh(&mut self, current: &Session) -> Result<News, String> {
        // What is here goes first, so the merge starts from it.
        self.record(current)?;
        let mut news = self.read_folder(false)?;
        if news.session.is_some() && self.doc.band_clash(self.band) {
            // From now on, ids from a band nobody else has.
            self.band = self.doc.claim_band()?;
            self.append_update()?;
        }
        if let Some(session) = &mut news.session {
            self.settle(session);
        }
        Ok(news)
    }

    fn read_folder(&mut self, opening: bool) -> Result<News, String> {
        let batch = self.folder.read_new(&mut self.seen, opening)?;
        let mut news = News::default();
        let mut reading = Reading {
            folder: &self.folder,
            names: &mut self.names,
            named: &mut self.named,
            notices: &mut news.notices,
        };
        let Some(concurrent) = reading.take(&mut self.doc, batch, opening) else {
            return Ok(news);
        };
        let mut session = self.doc.read()?;
        news.restored = self.doc.restored().to_vec();
        news.clashes = self
            .doc
            .clashes()
            .iter()
            .map(|c| FieldClash::of(&session, c, self.device_name(c.peer)))
            .collect();
        for c in &concurrent {
            if let Touched::Paragraph(id) = c.touched {
                news.paragraphs.push((id, self.device_name(c.peer)));
            }
        }
        news.concurrent = self.mark(&mut session, &concurrent);
        let paragraphs_marked = self.mark_paragraphs(&mut session, &news.paragraphs);
        news.kept = self.keep_edited(&mut session);
        if news.concurrent > 0 || paragraphs_marked || !news.kept.is_empty() {
            self.doc.write(&session)?;
            self.append_update()?;
        }
        news.session = Some(session);
        Ok(news)
    }

    /// The same mark on each paragraph of the layout changed here and on another device
    /// at once, for an editor to look at (working on its text clears it). Whether any.
    fn mark_paragraphs(
        &self,
        session: &mut Session,
        changed: &[(crate::core::layout::ParagraphId, String)],
    ) -> bool {
        let mut any = false;
        for (id, other) in changed {
            if session.layout.paragraph(*id).is_none() {
                continue;
            }
            if let Some(p) = session.layout.paragraph_mut(*id) {
                for device in [&self.device.name, other] {
                    if !p.conflict.contains(device) {
                        p.conflict.push(device.clone());
                    }
                }
                // The same on every device, so that their marks agree.
                p.conflict.sort();
                any = true;
            }
        }
        any
    }

    /// A statement changed here while another device deleted it stays: a change is
    /// never dropped unseen (as a paragraph moved while deleted comes back). It is put
    /// back in the log as the document holds it, marked with both devices.
    fn keep_edited(
        &self,
        session: &mut Session,
    ) -> Vec<(crate::core::intervention::InterventionId, String)> {
        let mut kept = Vec::new();
        for &(id, peer) in self.doc.edited_and_dropped() {
            if session.intervention(id).is_some() {
                continue;
            }
            let Some(mut statement) = self.doc.statement(id) else {
                continue;
            };
            let name = self.device_name(peer);
            statement.provenance.mark_conflict(&self.device.name);
            statement.provenance.mark_conflict(&name);
            if session.bring_back(statement) {
                kept.push((id, name));
            }
        }
        kept
    }

    /// "Also changed on device X" on each statement edited here and there at once; how
    /// many were marked.
    fn mark(&self, session: &mut Session, concurrent: &[Concurrent]) -> usize {
        let mut marked = 0;
        for c in concurrent {
            let Touched::Statement(id) = c.touched else {
                continue;
            };
            let name = self.device_name(c.peer);
            let me = self.device.name.clone();
            if let Some(slot) = session.interventions.iter_mut().find(|i| i.id == id) {
                let mut changed = (**slot).clone();
                changed.provenance.mark_conflict(&me);
                changed.provenance.mark_conflict(&name);
                *slot = Shared::new(changed);
                marked += 1;
            }
        }
        marked
    }
}

/// The merged session of a team folder, read without writing anything (export, check).
pub fn read_merged(dir: &Path) -> Result<(Session, Vec<String>), String> {
    let folder = TeamFolder::open(dir)?;
    let mut doc = TeamDoc::new(Device::this_run(None).peer)?;
    let batch = folder.read_new(&mut Seen::default(), true)?;
    let mut names = Vec::new();
    let mut named = HashSet::new();
    let mut notices = Vec::new();
    Reading {
        folder: &folder,
        names: &mut names,
        named: &mut named,
        notices: &mut notices,
    }
    .take(&mut doc, batch, true);
    if names.is_empty() {
        return Err(no_session(dir, &notices));
    }
    Ok((doc.read()?, notices))
}

/// A team folder none of whose frames could be taken, with what was named reading it.
fn no_session(dir: &Path, notices: &[String]) -> String {
    let mut said = format!(
        "{}: the team folder holds no session yet (no device has written to it)",
        dir.display()
    );
    if !notices.is_empty() {
        said.push_str(&format!(" ({})", notices.join("; ")));
    }
    said
}

/// Frames read from the folder, on their way into the document.
struct Reading<'a> {
    folder: &'a TeamFolder,
    names: &'a mut Vec<Device>,
    named: &'a mut HashSet<String>,
    notices: &'a mut Vec<String>,
}

/// A frame to import, with where it came from.
struct Picked {
    source: Source,
    blob: Vec<u8>,
}

/// Where a frame came from and how far it reaches.
struct Source {
    file: PathBuf,
    name: String,
    /// The version it reaches (None for a frame of the first format).
    version: Option<VersionVector>,
}

impl Reading<'_> {
    fn name_once(&mut self, notice: String) {
        if self.named.insert(notice.clone()) {
            self.notices.push(notice);
        }
    }

    fn know(&mut self, device: Device) {
        if !self.names.iter().any(|d| d.peer == device.peer) {
            self.names.push(device);
        }
    }

    /// Imports what `batch` holds of this team session into `doc`: when `opening`, the
    /// newest snapshots and the updates they do not hold; else whatever the document
    /// does not hold yet. Names frames of another team, frames that cannot be read or
    /// merged, and changes that wait for an earlier change no readable frame holds.
    /// None when nothing was imported, else the statements and paragraphs changed here
    /// that a change imported touched at the same time.
    fn take(&mut self, doc: &mut TeamDoc, batch: Batch, opening: bool) -> Option<Vec<Concurrent>> {
        self.notices.extend(batch.notices);
        let id = self.folder.id();
        let mut snapshots = Vec::new();
        let mut updates = Vec::new();
        // Frames of the first format, by folder: (snapshot, blob, file).
        let mut legacy: Vec<(String, bool, PathBuf, Vec<u8>)> = Vec::new();
        for found in batch.frames {
            match frame::decode(&found.payload) {
                Ok(Frame::Current { header, blob }) => {
                    if !id.takes(&header.team) {
                        let dir = found.file.parent().unwrap_or(&found.file).to_path_buf();
                        self.name_once(format!(
                            "{}: frames of another team session (team {:016x}, not {:016x} as team.json says); not merged",
                            dir.display(),
                            header.team.team,
                            id.team
                        ));
                        continue;
                    }
                    self.know(Device {
                        name: header.name.clone(),
                        peer: header.peer,
                    });
                    let picked = Picked {
                        source: Source {
                            file: found.file,
                            name: header.name,
                            version: Some(header.version),
                        },
                        blob,
                    };
                    if header.snapshot {
                        snapshots.push(picked);
                    } else {
                        updates.push(picked);
                    }
                }
                Ok(Frame::Legacy { .. }) if id.team != 0 => {
                    let dir = found.file.parent().unwrap_or(&found.file).to_path_buf();
                    self.name_once(format!(
                        "{}: frames of an older team folder (no team id), not of this one; not merged",
                        dir.display()
                    ));
                }
                Ok(Frame::Legacy { snapshot, blob }) => {
                    legacy.push((found.folder, snapshot, found.file, blob));
                }
                Err(why) => self.name_once(format!(
                    "{}: a frame this version cannot read ({why}); passed over",
                    found.file.display()
                )),
            }
        }
        // Held already: what the document holds, and the snapshots taken (the largest
        // first, so that the newest snapshot usually holds all the others).
        let mut held = doc.version();
        let weight = |v: &Option<VersionVector>| -> i64 {
            v.as_ref()
                .map_or(0, |v| v.values().map(|c| i64::from(*c)).sum())
        };
        snapshots.sort_by_key(|p: &Picked| std::cmp::Reverse(weight(&p.source.version)));
        let mut picked = Vec::new();
        for s in snapshots {
            if let Some(v) = &s.source.version
                && !held.includes_vv(v)
            {
                held.merge(v);
                picked.push(s);
            }
        }
        picked.extend(updates.into_iter().filter(|u| {
            u.source
                .version
                .as_ref()
                .is_none_or(|v| !held.includes_vv(v))
        }));
        picked.extend(self.legacy(legacy, opening));
        if picked.is_empty() {
            return None;
        }
        let (sources, blobs): (Vec<Source>, Vec<Vec<u8>>) =
            picked.into_iter().map(|p| (p.source, p.blob)).unzip();
        let concurrent = self.import(doc, &sources, &blobs);
        // What still waits: changes whose earlier changes no readable frame holds.
        let now = doc.version();
        for p in &sources {
            if p.version.as_ref().is_some_and(|v| !now.includes_vv(v)) {
                self.name_once(format!(
                    "{}: changes written by {} wait for an earlier change that no readable frame holds (a damaged or missing frame); they are not in the session until it arrives",
                    p.file.display(),
                    p.name
                ));
            }
        }
        if sources.iter().any(|p| p.version.is_none()) && doc.has_pending() {
            self.name_once(format!(
                "{}: changes of an older team folder wait for an earlier change that no readable frame holds; they are not in the session",
                self.folder_root().display()
            ));
        }
        Some(concurrent)
    }

    fn folder_root(&self) -> PathBuf {
        self.folder.root().to_path_buf()
    }

    /// Frames of the first format: each device folder's from its last snapshot on, when
    /// opening (the folder said which device wrote them).
    fn legacy(
        &mut self,
        frames: Vec<(String, bool, PathBuf, Vec<u8>)>,
        opening: bool,
    ) -> Vec<Picked> {
        let mut start = std::collections::HashMap::new();
        if opening {
            for (i, (folder, snapshot, _, _)) in frames.iter().enumerate() {
                if *snapshot {
                    start.insert(folder.clone(), i);
                }
            }
        }
        let mut out = Vec::new();
        for (i, (folder, _, file, blob)) in frames.into_iter().enumerate() {
            if start.get(&folder).is_some_and(|&s| i < s) {
                continue;
            }
            let device = Device::of_folder(&folder);
            let name = device.name.clone();
            self.know(device);
            out.push(Picked {
                source: Source {
                    file,
                    name,
                    version: None,
                },
                blob,
            });
        }
        out
    }

    /// Imports the frames at once; when that fails, one by one, each refused one named
    /// with its file and passed over.
    fn import(
        &mut self,
        doc: &mut TeamDoc,
        sources: &[Source],
        blobs: &[Vec<u8>],
    ) -> Vec<Concurrent> {
        if let Ok(concurrent) = doc.import(blobs) {
            return concurrent;
        }
        let mut all = Vec::new();
        for (p, blob) in sources.iter().zip(blobs) {
            match doc.import(std::slice::from_ref(blob)) {
                Ok(c) => all.extend(c),
                Err(e) => self.name_once(format!(
                    "{}: a frame written by {} could not be merged ({e}); passed over",
                    p.file.display(),
                    p.name
                )),
            }
        }
        all
    }
}
