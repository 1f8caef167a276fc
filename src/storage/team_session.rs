//! One device's working copy of a team session: the CRDT document, this device's log in
//! the team folder, and what it has read of the others' logs.
//!
//! Every change is one update frame appended (and synced) to this device's own log
//! before it is acknowledged; now and then a snapshot frame follows, so that opening
//! reads each device's log from its last snapshot on.

use std::path::{Path, PathBuf};

use super::team::{Device, DeviceLog, Seen, TeamFolder};
use super::team_clash::FieldClash;
use super::team_doc::{Concurrent, TeamDoc, Touched, paragraph_ids};
use crate::core::ids;
use crate::core::session::Session;
use crate::core::shared::Shared;

/// A frame's first byte: what the rest is.
const UPDATE: u8 = b'U';
const SNAPSHOT: u8 = b'S';
/// Updates between two snapshots of this device.
const SNAPSHOT_EVERY: usize = 500;

pub struct TeamSession {
    folder: TeamFolder,
    root: PathBuf,
    device: Device,
    log: DeviceLog,
    seen: Seen,
    doc: TeamDoc,
    band: ids::Band,
    since_snapshot: usize,
    /// Peer ids of the devices that have written, with their names.
    names: Vec<Device>,
}

/// What reading the folder brought.
#[derive(Debug, Default)]
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
    /// Frames that could not be read: named, passed over, the rest read.
    pub notices: Vec<String>,
}

impl TeamSession {
    /// Makes `dir` a team session holding `session` (left as it is in its own file).
    pub fn share(session: &Session, dir: &Path, device: Device) -> Result<TeamSession, String> {
        let folder = TeamFolder::create(dir)?;
        let mut doc = TeamDoc::new(device.peer)?;
        let mut plain = session.clone();
        plain.id_band = 0;
        plain.device = None;
        doc.write(&plain)?;
        let mut team = TeamSession::on(folder, dir, device, doc)?;
        team.write_snapshot()?;
        // Our own frames are in the document already.
        team.folder
            .read_new(&mut team.seen)
            .map_err(|e| format!("{}: {e}", team.root.display()))?;
        Ok(team)
    }

    /// Opens a team folder as `device`: every device's log read from its last snapshot,
    /// a band of ids taken for this run. Notices name frames that could not be read.
    pub fn open(dir: &Path, device: Device) -> Result<(TeamSession, Session, Vec<String>), String> {
        let folder = TeamFolder::open(dir)?;
        let doc = TeamDoc::new(device.peer)?;
        let mut team = TeamSession::on(folder, dir, device, doc)?;
        let news = team.read_folder(true)?;
        if team.names.is_empty() {
            return Err(format!(
                "{}: the team folder holds no session yet (no device has written to it)",
                dir.display()
            ));
        }
        team.band = team.doc.claim_band()?;
        let mut session = match news.session {
            Some(s) => s,
            None => team.doc.read()?,
        };
        team.settle(&mut session);
        team.append_update()?;
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
            since_snapshot: 0,
            names: Vec::new(),
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
        let Some((update, version)) = self.doc.pending_update()? else {
            return Ok(());
        };
        self.append_frame(UPDATE, &update)?;
        self.doc.exported(version);
        self.since_snapshot += 1;
        if self.since_snapshot >= SNAPSHOT_EVERY {
            self.write_snapshot()?;
        }
        Ok(())
    }

    /// A snapshot of everything this device knows, so that opening need not replay the
    /// updates before it.
    pub fn write_snapshot(&mut self) -> Result<(), String> {
        // Updates not yet out go first: the log alone must always be complete.
        if let Some((update, version)) = self.doc.pending_update()? {
            self.append_frame(UPDATE, &update)?;
            self.doc.exported(version);
        }
        let snapshot = self.doc.snapshot()?;
        self.append_frame(SNAPSHOT, &snapshot)?;
        self.since_snapshot = 0;
        Ok(())
    }

    /// One frame of this `kind` appended to this device's log and synced.
    fn append_frame(&mut self, kind: u8, blob: &[u8]) -> Result<(), String> {
        let mut frame = Vec::with_capacity(blob.len() + 1);
        frame.push(kind);
        frame.extend_from_slice(blob);
        self.log
            .append(&[&frame])
            .map_err(|e| format!("{}: {e}", self.root.display()))
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
        let mut frames = self
            .folder
            .read_new(&mut self.seen)
            .map_err(|e| format!("{}: {e}", self.root.display()))?;
        // A device is known once it has written (the folder is not listed twice).
        for (device, _) in &frames {
            if !self.names.contains(device) {
                self.names.push(device.clone());
            }
        }
        if !opening {
            // This run's own frames are in the document already.
            frames.retain(|(device, _)| device.peer != self.device.peer);
        }
        let mut news = News::default();
        if frames.is_empty() {
            return Ok(news);
        }
        let (blobs, notices) = blobs_of(frames, opening, &self.root);
        news.notices = notices;
        let concurrent = import_all(&mut self.doc, &blobs, &self.root, &mut news.notices);
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
    let mut seen = Seen::default();
    let frames = folder
        .read_new(&mut seen)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    if frames.is_empty() {
        return Err(format!(
            "{}: the team folder holds no session yet (no device has written to it)",
            dir.display()
        ));
    }
    let (blobs, mut notices) = blobs_of(frames, true, dir);
    import_all(&mut doc, &blobs, dir, &mut notices);
    Ok((doc.read()?, notices))
}

/// Imports the blobs at once; when one is refused, the others one by one, each refused
/// one named in `notices` and passed over. The statements changed here and elsewhere at
/// once.
fn import_all(
    doc: &mut TeamDoc,
    blobs: &[Vec<u8>],
    root: &Path,
    notices: &mut Vec<String>,
) -> Vec<Concurrent> {
    if let Ok(concurrent) = doc.import(blobs) {
        return concurrent;
    }
    let mut all = Vec::new();
    for blob in blobs {
        match doc.import(std::slice::from_ref(blob)) {
            Ok(c) => all.extend(c),
            Err(e) => notices.push(format!(
                "{}: an update could not be merged ({e}); passed over",
                root.display()
            )),
        }
    }
    all
}

/// The Loro blobs in frames read from the folder; when `from_snapshot`, each device's
/// frames before its last snapshot are passed over (the snapshot holds them).
fn blobs_of(
    frames: Vec<(Device, Vec<u8>)>,
    from_snapshot: bool,
    root: &Path,
) -> (Vec<Vec<u8>>, Vec<String>) {
    let mut start = std::collections::HashMap::new();
    if from_snapshot {
        for (i, (device, frame)) in frames.iter().enumerate() {
            if frame.first() == Some(&SNAPSHOT) {
                start.insert(device.clone(), i);
            }
        }
    }
    let mut blobs = Vec::new();
    let mut notices = Vec::new();
    for (i, (device, frame)) in frames.into_iter().enumerate() {
        if start.get(&device).is_some_and(|&s| i < s) {
            continue;
        }
        match frame.split_first() {
            Some((&UPDATE | &SNAPSHOT, rest)) if !rest.is_empty() => blobs.push(rest.to_vec()),
            _ => notices.push(format!(
                "{}: a frame of device {} is not an update of this version; passed over",
                root.display(),
                device.name
            )),
        }
    }
    (blobs, notices)
}
