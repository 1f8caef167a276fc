//! The root: which session is open, which screen shows, saving, shortcuts, closing.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::Utc;
use iced::keyboard::{self, Key, Modifiers};
use iced::widget::{
    Column, button, center, column, container, opaque, operation, row, space, stack, text,
};
use iced::{Element, Fill, Subscription, Task, window};

use crate::core::demo::demo_session;
use crate::core::session::Session;
use crate::storage::backup::{self, Backup};
use crate::storage::draft::Draft;
use crate::storage::team::{Device, TeamFolder};
use crate::storage::team_session::TeamSession;
use crate::storage::team_worker::{Answer as TeamAnswer, TeamWorker};
use crate::storage::{Store, places, portable_name};

use super::capture::{self, Capture};
use super::dialogs::{Answer, Dialogs};
use super::editor::{self, Editor};
use super::effect::{Effect, Request, Save};
use super::meeting::{self, MeetingScreen};
use super::path_prompt::{self, PathPrompt};
use super::preview::{self, Preview};
use super::revision::Revision;
use super::shortcuts::{self, Command};
use super::style;

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub path: Option<PathBuf>,
    pub demo: bool,
    /// In a team session, this device's name (the note-taker's initials).
    pub device: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Capture,
    Editor,
    Preview,
    Meeting,
}

pub struct Open {
    pub store: Store,
    pub session: Session,
    pub capture: Capture,
    pub meeting: MeetingScreen,
    pub editor: Editor,
    pub preview: Preview,
    /// Moved by every change to `session` (see `revision.rs`).
    pub revision: Revision,
    /// A team session: every change also goes to this device's log in the team folder,
    /// and what the other devices write is merged in at every tick.
    pub team: Option<TeamWorker>,
}

mod files;
mod saving;
use saving::Saving;

pub use super::effect::Notice;

pub struct App {
    pub open: Option<Open>,
    pub screen: Screen,
    dialogs: Box<dyn Dialogs>,
    pub notice: Option<Notice>,
    /// When the notice was put up: it goes after a few seconds (see `expire_notice`).
    notice_at: Option<Instant>,
    pub help: bool,
    /// Where the saving of the open session stands (see `saving.rs`).
    saving: Saving,
    /// An export waiting for "Replace" because a file is already there.
    pending_export: Option<PathBuf>,
    /// The backups panel: shown for the open session, or on the start screen for a
    /// session that could not be opened.
    pub backups: Option<BackupsPanel>,
    /// The path typed in the window when no file dialog could be shown.
    pub path_prompt: Option<PathPrompt>,
    /// The session that failed to open, to offer its backups.
    failed_open: Option<PathBuf>,
    /// The name this window writes under in a team session.
    device: Option<String>,
}

/// The backups kept of one session, each with a Restore button.
pub struct BackupsPanel {
    pub session: PathBuf,
    pub list: Vec<Backup>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Capture(capture::Message),
    Meeting(meeting::Message),
    Editor(editor::Message),
    Preview(preview::Message),
    Key(Key, Modifiers),
    Modifiers(Modifiers),
    Command(Command),
    Demo,
    Tick,
    /// A save is being written: look for the writer's report (see `writes_reported`).
    Written,
    /// The team worker's answer to job number so-and-so (None: the worker is gone).
    Team(u64, Option<std::sync::Arc<TeamAnswer>>),
    CloseRequested(window::Id),
    DismissNotice,
    ReplaceExport,
    CancelExport,
    /// An export written (or not) off the window's thread.
    Exported(PathBuf, Option<files::Exported>),
    /// A list of speakers read off the window's thread (None: the reading stopped).
    SpeakersRead(PathBuf, Option<Result<String, String>>),
    ShowBackups,
    CloseBackups,
    Restore(PathBuf),
    /// A file dialog answered (None: cancelled).
    Chosen(Asked, Option<PathBuf>),
    /// No file dialog could be shown: the path is asked in the window.
    NoDialog(Asked),
    Prompt(path_prompt::Message),
    /// "Open folder" on an export's notice.
    OpenFolder(PathBuf),
    /// The size of the screen the window opened on (None: not known).
    Monitor(window::Id, Option<iced::Size>),
}

pub use super::dialogs::Asked;

impl App {
    fn new(dialogs: Box<dyn Dialogs>) -> App {
        App {
            open: None,
            screen: Screen::Capture,
            dialogs,
            notice: None,
            notice_at: None,
            help: false,
            saving: Saving::default(),
            pending_export: None,
            backups: None,
            path_prompt: None,
            failed_open: None,
            device: None,
        }
    }

    pub fn boot(launch: Launch, dialogs: Box<dyn Dialogs>) -> (App, Task<Message>) {
        let mut app = App::new(dialogs);
        app.device = launch.device.clone();
        let result = if launch.demo {
            app.open_demo()
        } else if let Some(path) = launch.path.or_else(places::last_session) {
            app.open_path(&path, true)
        } else {
            Ok(())
        };
        if let Err(e) = result {
            app.notice = Some(Notice::error(e));
        }
        app.offer_backups_after_failure();
        // A laptop screen: the window takes the work area the desktop leaves it.
        let fit = window::oldest()
            .and_then(|id| window::monitor_size(id).map(move |size| Message::Monitor(id, size)));
        let task = Task::batch([app.focus_task(), fit]);
        (app, task)
    }

    /// An app on an already opened session (tests build it this way).
    pub fn with_session(
        store: Store,
        session: Session,
        draft: Option<Draft>,
        dialogs: Box<dyn Dialogs>,
    ) -> App {
        let mut app = App::new(dialogs);
        app.install(store, session, draft);
        app
    }

    fn install(&mut self, store: Store, session: Session, draft: Option<Draft>) {
        let capture = Capture::new(&session, draft);
        let preview = Preview::new(&session);
        let revision = Revision::default();
        let meeting = MeetingScreen::new(&session);
        let editor = Editor::new();
        self.open = Some(Open {
            store,
            session,
            capture,
            meeting,
            editor,
            preview,
            revision,
            team: None,
        });
        self.screen = Screen::Capture;
        self.saving = Saving::default();
    }

    fn focus_task(&self) -> Task<Message> {
        match &self.open {
            Some(open) if self.screen == Screen::Capture => {
                open.capture.initial_focus().map(Message::Capture)
            }
            _ => Task::none(),
        }
    }

    /// Closes the current session (saved first) and opens another. On failure the
    /// current session stays open and nothing is written to the file that failed.
    fn open_path(&mut self, path: &Path, create: bool) -> Result<(), String> {
        if self.open.as_ref().is_some_and(|o| o.store.path() == path) {
            return Ok(());
        }
        if TeamFolder::is_team_folder(path) {
            return self.open_team(path);
        }
        // A team folder chosen through its marker file in the Open dialog.
        if path.file_name().is_some_and(|n| n == "team.json")
            && let Some(folder) = path.parent().filter(|f| TeamFolder::is_team_folder(f))
        {
            return self.open_team(folder);
        }
        // Try the new one before letting go of the old one.
        let result = if create {
            Store::open_or_create(path)
        } else {
            Store::open(path)
        };
        let (store, session, draft) = result.map_err(|e| {
            self.failed_open = Some(path.to_path_buf());
            e.to_string()
        })?;
        // Letting go of the session on screen: on disk first.
        self.flush();
        if self.saving.failing() {
            // The session on screen is not on disk: keep it open rather than lose it.
            return Err(format!(
                "{} was not opened: the current session could not be saved, and it stays open so that nothing is lost.",
                path.display()
            ));
        }
        let recovered = draft.is_some();
        places::remember(store.path());
        let mut lines = store.notices.clone();
        if recovered {
            lines.push(
                "Recovered the statement you were typing when Rapporteur last stopped.".into(),
            );
        }
        self.install(store, session, draft);
        self.notice = (!lines.is_empty()).then(|| Notice::info(match lines.as_slice() {
                [one] => one.clone(),
                many => format!(
                    "The session was checked on opening: {}. A copy of the file as it was is kept among its backups.",
                    many.join("; ")
                ),
            }));
        Ok(())
    }

    /// Opens a team folder: the merged session, written to under this device's name,
    /// with a local working copy (lock, the statement being typed) in the app's folder.
    fn open_team(&mut self, folder: &Path) -> Result<(), String> {
        if self
            .open
            .as_ref()
            .and_then(|o| o.team.as_ref())
            .is_some_and(|t| t.root() == folder)
        {
            return Ok(());
        }
        let device = Device::this_run(self.device.as_deref());
        let copy = super::team::working_copy(folder, &device.name);
        if let Some(dir) = copy.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        // The local copy's lock keeps a second window off this team folder; what it
        // held is replaced by the merged session.
        let (store, local, draft) = Store::open_or_create(&copy).map_err(|e| e.to_string())?;
        let (mut team, mut session, mut notices) = TeamSession::open(folder, device)?;
        // Statements this device logged while the folder could not be written, kept in
        // its working copy: into the team session now.
        match team.recover(&local, &mut session) {
            Ok(0) => {}
            Ok(n) => notices.push(format!(
                "{n} {} logged here while the team folder could not be written {} now in it",
                if n == 1 { "statement" } else { "statements" },
                if n == 1 { "is" } else { "are" }
            )),
            Err(e) => notices.push(e),
        }
        self.flush();
        if self.saving.failing() {
            return Err(format!(
                "{} was not opened: the current session could not be saved, and it stays open so that nothing is lost.",
                folder.display()
            ));
        }
        places::remember(folder);
        self.install(store, session, draft);
        if let Some(open) = &mut self.open {
            open.team = Some(TeamWorker::start(team));
            open.store.submit(&open.session);
        }
        if !notices.is_empty() {
            self.notice = Some(Notice::lasting(notices.join("; ")));
        }
        Ok(())
    }

    fn open_demo(&mut self) -> Result<(), String> {
        let path = places::new_demo_path();
        let store = Store::create(&path, &demo_session()).map_err(|e| e.to_string())?;
        drop(store);
        self.open_path(&path, false)
    }

    /// The window's title; "(saving…)" while a change is on its way to disk, so that the
    /// taskbar says it too.
    pub fn title(&self) -> String {
        let title = self.plain_title();
        if self.saving_now() {
            format!("{title} (saving…)")
        } else {
            title
        }
    }

    fn plain_title(&self) -> String {
        match &self.open {
            Some(open) => match &open.team {
                Some(team) => format!(
                    "Rapporteur - {} (team, {})",
                    open.session.name,
                    team.device().name
                ),
                None => format!("Rapporteur - {}", open.session.name),
            },
            None => "Rapporteur".into(),
        }
    }

    // ----- update -----

    /// Handles a message, then brings the screen on show up to the session's revision:
    /// the only place derived data is refreshed.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let (notice, screen) = (self.notice.clone(), self.screen);
        // A report's notice (saved again, not saved) starts its clock like any other.
        self.writes_reported();
        let task = self.handle(message);
        if self.notice != notice {
            self.notice_at = self.notice.as_ref().map(|_| Instant::now());
        } else if self.screen != screen && self.pending_export.is_none() {
            // A notice speaks of the screen it was given on.
            self.notice = None;
        }
        self.sync();
        // A team session's change or read, handed to its worker once none is on its way.
        let team = self.pump_team();
        Task::batch([task, team])
    }

    /// Notices go by themselves: information after a few seconds, an error after a
    /// while longer; a question (replace an export?) stays until it is answered.
    fn expire_notice(&mut self, now: Instant) {
        let (Some(notice), Some(at)) = (&self.notice, self.notice_at) else {
            return;
        };
        let shown_for = std::time::Duration::from_secs(if notice.error { 20 } else { 6 });
        if self.pending_export.is_none() && !notice.lasting && now.duration_since(at) >= shown_for {
            self.notice = None;
            self.notice_at = None;
        }
    }

    /// What a screen handed back, applied in one place for every screen: its notice, the
    /// save it asks for (moving the revision, since the session changed), and the part of
    /// its request only the root can do.
    fn absorb<M: Send + 'static>(
        &mut self,
        effect: Effect<M>,
        wrap: impl Fn(M) -> Message + Send + 'static,
    ) -> Task<Message> {
        let Effect {
            task,
            save,
            notice,
            request,
        } = effect;
        if notice.is_some() {
            self.notice = notice;
        }
        match save {
            Save::No => {}
            Save::Soon => {
                self.session_changed();
                self.saving.due = true;
            }
            Save::Now => {
                self.session_changed();
                self.save_now();
            }
        }
        let task = task.map(wrap);
        let more = match request {
            None | Some(Request::Close) => Task::none(),
            Some(Request::Command(command)) => self.handed_back(command),
            Some(Request::ImportSpeakers) => self.ask(Asked::ImportSpeakers),
            Some(Request::ShowBackups) => self.handle(Message::ShowBackups),
        };
        Task::batch([task, more])
    }

    fn session_changed(&mut self) {
        if let Some(open) = &mut self.open {
            open.revision = open.revision.next();
        }
    }

    /// The screen on show rebuilds what it derives from the session if the session moved
    /// since; hidden screens wait until they are shown.
    fn sync(&mut self) {
        let Some(open) = &mut self.open else { return };
        match self.screen {
            Screen::Capture => open.capture.sync(&open.session, open.revision),
            Screen::Editor => open.editor.sync(&open.session, open.revision),
            Screen::Preview => open.preview.sync(&open.session, open.revision),
            Screen::Meeting => {}
        }
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Capture(message) => {
                let Some(open) = &mut self.open else {
                    return Task::none();
                };
                let effect = open.capture.update(message, &mut open.session);
                self.absorb(effect, Message::Capture)
            }
            Message::Meeting(message) => {
                let Some(open) = &mut self.open else {
                    return Task::none();
                };
                let effect = open.meeting.update(message, &mut open.session);
                self.absorb(effect, Message::Meeting)
            }
            Message::Editor(message) => {
                let Some(open) = &mut self.open else {
                    return Task::none();
                };
                let effect = open
                    .editor
                    .update(message, &mut open.session, open.revision);
                self.absorb(effect, Message::Editor)
            }
            Message::Preview(message) => {
                let Some(open) = &mut self.open else {
                    return Task::none();
                };
                let effect = open.preview.update(message, &open.session);
                self.absorb(effect, Message::Preview)
            }
            Message::Key(key, modifiers) => {
                // A question on the capture screen takes its keys before any shortcut.
                let answer = match (&self.open, self.screen) {
                    (Some(open), Screen::Capture) => open.capture.answer_for(&key, modifiers),
                    _ => None,
                };
                if let Some(answer) = answer {
                    return self.update(Message::Capture(capture::Message::Answer(answer)));
                }
                match shortcuts::command_for(&key, modifiers) {
                    Some(command) => self.command(command),
                    None => Task::none(),
                }
            }
            // Both screens act on Ctrl (Ctrl+Enter in the picker, Ctrl+click in the list),
            // whichever is shown when it is pressed.
            Message::Modifiers(modifiers) => Task::batch([
                self.update(Message::Capture(capture::Message::Modifiers(modifiers))),
                self.update(Message::Editor(editor::Message::Modifiers(modifiers))),
            ]),
            Message::Command(command) => self.command(command),
            Message::Demo => {
                if let Err(e) = self.open_demo() {
                    self.notice = Some(Notice::error(e));
                }
                self.focus_task()
            }
            Message::Tick => {
                self.expire_notice(Instant::now());
                if let Some(open) = &mut self.open {
                    open.capture.now = Utc::now();
                    if self.screen == Screen::Editor {
                        open.editor.tick(&open.session);
                    }
                }
                self.tick_saves();
                Task::none()
            }
            Message::CloseRequested(id) => {
                // Closing waits for the last write, and leaves a snapshot of the team
                // session for whoever opens it next.
                self.save_now();
                self.settle();
                self.finish_team(true);
                window::close(id)
            }
            Message::Written => Task::none(),
            Message::Team(job, answer) => {
                self.team_answer(job, answer);
                Task::none()
            }
            Message::DismissNotice => {
                self.notice = None;
                Task::none()
            }
            Message::ReplaceExport => match self.pending_export.take() {
                Some(path) => self.write_export(path, true),
                None => Task::none(),
            },
            Message::Exported(path, result) => {
                self.exported(&path, result);
                Task::none()
            }
            Message::SpeakersRead(path, text) => {
                self.speakers_read(&path, text);
                Task::none()
            }
            Message::CancelExport => {
                self.pending_export = None;
                self.notice = Some(Notice::info("Export cancelled; nothing was written."));
                Task::none()
            }
            Message::ShowBackups => {
                if let Some(open) = &self.open {
                    self.backups = Some(BackupsPanel {
                        session: open.store.path().to_path_buf(),
                        list: backup::list(open.store.path()),
                    });
                }
                Task::none()
            }
            Message::CloseBackups => {
                self.backups = None;
                Task::none()
            }
            Message::Chosen(asked, path) => self.chosen(asked, path),
            Message::NoDialog(asked) => {
                let folder = self
                    .open
                    .as_ref()
                    .and_then(|open| open.store.path().parent().map(Path::to_path_buf))
                    .or_else(|| places::last_session()?.parent().map(Path::to_path_buf))
                    .filter(|folder| !folder.as_os_str().is_empty())
                    .unwrap_or_else(places::documents);
                let stem = self.session_stem();
                self.path_prompt = Some(PathPrompt::new(asked, &folder, &stem));
                Task::batch([
                    operation::focus(path_prompt::INPUT),
                    operation::move_cursor_to_end(path_prompt::INPUT),
                ])
            }
            Message::Prompt(message) => {
                let Some(prompt) = &mut self.path_prompt else {
                    return Task::none();
                };
                let asked = prompt.asked;
                match prompt.update(message) {
                    path_prompt::Outcome::Open => Task::none(),
                    path_prompt::Outcome::Cancelled => {
                        self.path_prompt = None;
                        self.focus_task()
                    }
                    path_prompt::Outcome::Chosen(path) => {
                        self.path_prompt = None;
                        self.chosen(asked, Some(path))
                    }
                }
            }
            Message::OpenFolder(folder) => {
                if let Err(e) = open_folder(&folder) {
                    self.notice = Some(Notice::error(format!(
                        "Could not open {}: {e}",
                        folder.display()
                    )));
                }
                Task::none()
            }
            Message::Monitor(id, Some(screen)) if super::window_fit::maximize_on(screen) => {
                window::maximize(id, true)
            }
            Message::Monitor(..) => Task::none(),
            Message::Restore(from) => {
                self.restore(&from);
                self.focus_task()
            }
        }
    }

    /// After a session failed to open (a damaged file), its backups are offered.
    fn offer_backups_after_failure(&mut self) {
        if let Some(path) = self.failed_open.take() {
            let resolved = crate::storage::paths::resolve(&path).unwrap_or(path);
            let list = backup::list(&resolved);
            if self.open.is_none() && !list.is_empty() {
                self.backups = Some(BackupsPanel {
                    session: resolved,
                    list,
                });
            }
        }
    }

    /// Replaces a session with one of its backups. The open session is saved first, so
    /// the state it replaces is itself kept as a backup.
    fn restore(&mut self, from: &Path) {
        let Some(panel) = self.backups.take() else {
            return;
        };
        let result = match self.open.take() {
            Some(mut open) if open.store.path() == panel.session => {
                let _ = open.store.save(&open.session);
                match open.store.restore(from) {
                    Ok(session) => {
                        self.install(open.store, session, None);
                        Ok(())
                    }
                    Err(e) => {
                        self.open = Some(open);
                        Err(e)
                    }
                }
            }
            other => {
                self.open = other;
                crate::storage::store::restore_closed(&panel.session, from)
                    .and_then(|_| self.open_path(&panel.session, false))
            }
        };
        self.notice = Some(match result {
            Ok(()) => Notice::info(format!(
                "Restored {} from the backup taken {}. The file it replaced is kept among the backups.",
                panel.session.display(),
                panel
                    .list
                    .iter()
                    .find(|b| b.path == from)
                    .map(|b| b.describe())
                    .unwrap_or_else(|| from.display().to_string())
            )),
            Err(e) => Notice::error(e),
        });
    }

    fn command(&mut self, command: Command) -> Task<Message> {
        self.dispatch(command, false)
    }

    /// A command a screen handed back because it is not its own: handled by the root or
    /// dropped, never sent to a screen again (that would go round in circles).
    fn handed_back(&mut self, command: Command) -> Task<Message> {
        self.dispatch(command, true)
    }

    fn dispatch(&mut self, command: Command, from_screen: bool) -> Task<Message> {
        match command {
            Command::Help => {
                self.help = !self.help;
                Task::none()
            }
            Command::Cancel if self.help => {
                self.help = false;
                Task::none()
            }
            Command::Cancel if self.path_prompt.is_some() => {
                self.path_prompt = None;
                self.focus_task()
            }
            // "Saved." once on disk; the window does not wait for it.
            Command::Save => {
                if self.open.is_some() {
                    self.saving.announce = true;
                    self.save_now();
                }
                Task::none()
            }
            Command::FocusNext => operation::focus_next(),
            Command::FocusPrevious => operation::focus_previous(),
            Command::Open => self.ask(Asked::Open),
            Command::New => self.ask(Asked::New),
            Command::SaveAs if self.open.is_some() => self.ask(Asked::SaveAs),
            Command::ShareTeam if self.open.as_ref().is_some_and(|o| o.team.is_some()) => {
                self.notice = Some(Notice::info(
                    "This session is a team session already: the others open its folder.",
                ));
                Task::none()
            }
            Command::ShareTeam if self.open.is_some() => self.ask(Asked::ShareTeam),
            Command::Turn => {
                let Some(open) = &mut self.open else {
                    return Task::none();
                };
                if open.team.is_none() || !open.session.toggle_turn(Utc::now()) {
                    self.notice = Some(Notice::info(
                        "Turns are for a team session (Ctrl+Shift+T shares this one).",
                    ));
                    return Task::none();
                }
                self.notice = Some(Notice::info(match &open.session.turn {
                    Some(_) => "Your turn to log: every device shows it.",
                    None => {
                        "Handed over: every device shows that nobody has the turn until someone takes it (Ctrl+Shift+R)."
                    }
                }));
                self.session_changed();
                self.save_now();
                Task::none()
            }
            Command::ShowCapture => {
                self.screen = Screen::Capture;
                self.focus_task()
            }
            Command::ShowEditor => {
                if self.open.is_some() {
                    self.screen = Screen::Editor;
                }
                Task::none()
            }
            Command::ShowPreview => {
                if self.open.is_some() {
                    self.screen = Screen::Preview;
                }
                Task::none()
            }
            Command::Export if self.open.is_some() => self.ask(Asked::Export),
            Command::ShowMeeting => {
                if self.open.is_some() {
                    self.screen = Screen::Meeting;
                }
                Task::none()
            }
            Command::FocusPicker if self.open.is_some() && self.screen != Screen::Capture => {
                self.screen = Screen::Capture;
                operation::focus(capture::PICKER)
            }
            _ if from_screen => Task::none(),
            other => match (&mut self.open, self.screen) {
                (Some(_), Screen::Capture) => {
                    self.update(Message::Capture(capture::Message::Shortcut(other)))
                }
                (Some(_), Screen::Editor) if other.is_editor() => {
                    self.update(Message::Editor(editor::Message::Shortcut(other)))
                }
                _ => Task::none(),
            },
        }
    }

    /// Opens the file dialog for `asked` as a task; its answer comes back as
    /// [`Message::Chosen`] and is handled by [`App::chosen`].
    fn ask(&self, asked: Asked) -> Task<Message> {
        let dialog = match asked {
            Asked::Open => self.dialogs.open_session(),
            Asked::New | Asked::SaveAs => self.dialogs.new_session(),
            Asked::ImportSpeakers => self.dialogs.import_speakers(),
            Asked::ShareTeam => self.dialogs.team_folder(),
            Asked::Export => self
                .dialogs
                .export_report(&format!("{}.docx", self.session_stem())),
        };
        Task::perform(dialog, move |answer| match answer {
            Answer::Path(path) => Message::Chosen(asked, Some(path)),
            Answer::Cancelled => Message::Chosen(asked, None),
            Answer::NoDialog => Message::NoDialog(asked),
        })
    }

    /// The open session's file name without its extension ("report" with none open),
    /// as a name Windows, OneDrive and SharePoint take (files proposed are named after it).
    fn session_stem(&self) -> String {
        let stem = self
            .open
            .as_ref()
            .and_then(|open| open.store.path().file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        portable_name::portable(&stem, "report")
    }

    /// What a file dialog answered. A cancelled dialog changes nothing.
    fn chosen(&mut self, asked: Asked, path: Option<PathBuf>) -> Task<Message> {
        let Some(path) = path else {
            return Task::none();
        };
        match asked {
            Asked::Open => {
                if let Err(e) = self.open_path(&path, false) {
                    self.notice = Some(Notice::error(e));
                }
                self.focus_task()
            }
            Asked::New => {
                if path.exists() {
                    self.notice = Some(Notice::error(format!(
                        "{} already exists; choose Open (Ctrl+O) to open it.",
                        path.display()
                    )));
                } else if let Err(e) = self.open_path(&path, true) {
                    self.notice = Some(Notice::error(e));
                }
                self.focus_task()
            }
            Asked::SaveAs => {
                self.save_as(&path);
                Task::none()
            }
            Asked::Export => self.export(path),
            Asked::ImportSpeakers => self.import_speakers(path),
            Asked::ShareTeam => {
                self.share_team(&path);
                self.focus_task()
            }
        }
    }

    /// "Share for team capture": the open session becomes a team session in `folder`
    /// and the window goes on in it; the session file is left as it is.
    fn share_team(&mut self, folder: &Path) {
        let Some(open) = &self.open else { return };
        let file = open.store.path().to_path_buf();
        let device = Device::this_run(self.device.as_deref());
        let mut session = open.session.clone();
        session.device = None;
        if let Err(e) = TeamSession::share(&session, folder, device) {
            self.notice = Some(Notice::error(e));
            return;
        }
        match self.open_team(folder) {
            Ok(()) => {
                self.notice = Some(Notice::info(format!(
                    "Shared for team capture in {}: the others open that folder once their file-sync engine has it. {} stays as it was.",
                    folder.display(),
                    file.display()
                )))
            }
            Err(e) => self.notice = Some(Notice::error(e)),
        }
    }

    /// Goes on in a new file chosen for the open session ("Save as").
    fn save_as(&mut self, path: &Path) {
        let Some(open) = &mut self.open else { return };
        match Store::create(path, &open.session) {
            Ok(store) => {
                open.store = store;
                places::remember(path);
                self.saving.failing = saving::Failing::Nothing;
                self.notice = Some(Notice::info(format!("Now working in {}", path.display())));
                self.save_now();
            }
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }

    /// Whether the clock must run: the capture screen shows the timer; elsewhere only
    /// pending saves need it. An idle preview then costs no frames (and no battery).
    pub fn needs_ticks(&self) -> bool {
        let Some(open) = &self.open else { return false };
        self.screen == Screen::Capture
            // A team session watches its folder.
            || open.team.is_some()
            || (self.screen == Screen::Editor && open.editor.findings_stale)
            || self.saving.due
            || self.saving.failing()
            || open.capture.draft_dirty
            || self.notice.is_some()
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let tick = if self.needs_ticks() {
            iced::time::every(std::time::Duration::from_millis(500)).map(|_| Message::Tick)
        } else {
            Subscription::none()
        };
        // While a save is on its way to disk, look for its report often, so "Saved"
        // follows within a frame or two.
        let written = if self.open.as_ref().is_some_and(|o| o.store.busy()) || self.saving.announce
        {
            iced::time::every(std::time::Duration::from_millis(20)).map(|_| Message::Written)
        } else {
            Subscription::none()
        };
        Subscription::batch([
            written,
            keyboard::listen().filter_map(|event| match event {
                keyboard::Event::KeyPressed { key, modifiers, .. } => {
                    Some(Message::Key(key, modifiers))
                }
                keyboard::Event::ModifiersChanged(modifiers) => Some(Message::Modifiers(modifiers)),
                _ => None,
            }),
            tick,
            window::close_requests().map(Message::CloseRequested),
        ])
    }

    // ----- view -----

    pub fn view(&self) -> Element<'_, Message> {
        let body: Element<'_, Message> = match &self.open {
            None => self.start_view(),
            Some(open) => match self.screen {
                Screen::Capture => open.capture.view(&open.session).map(Message::Capture),
                Screen::Meeting => open.meeting.view(&open.session).map(Message::Meeting),
                Screen::Editor => open.editor.view(&open.session).map(Message::Editor),
                Screen::Preview => open.preview.view().map(Message::Preview),
            },
        };
        let page = Column::new()
            .spacing(style::gap::M)
            .padding(style::gap::XL)
            .push(self.header());
        // The same layers whatever is shown, so that the page keeps its widgets' state
        // (the focused box, the cursor, scroll positions) when a notice or a dialog comes
        // or goes: a notice that appeared or went while someone typed used to take the
        // focus from the box and lose the next keystrokes.
        let toast: Element<'_, Message> = match self.toast() {
            // Over the page, bottom right: it never moves what is under the pointer.
            Some(toast) => container(toast)
                .width(Fill)
                .height(Fill)
                .align_x(iced::alignment::Horizontal::Right)
                .align_y(iced::alignment::Vertical::Bottom)
                .padding(style::gap::XL)
                .into(),
            None => space().into(),
        };
        let overlay: Element<'_, Message> = if self.help {
            opaque(
                center(
                    container(self.help_view())
                        .max_height(660)
                        .style(container::bordered_box),
                )
                .padding(style::gap::M),
            )
        } else if let Some(prompt) = &self.path_prompt {
            opaque(center(prompt.view().map(Message::Prompt)).padding(style::gap::M))
        } else if let Some(panel) = &self.backups {
            opaque(center(backups_view(panel)))
        } else {
            space().into()
        };
        stack![page.push(body), toast, overlay].into()
    }

    /// The notice, as a toast.
    fn toast(&self) -> Option<Element<'_, Message>> {
        let notice = self.notice.as_ref()?;
        let actions: Element<'_, Message> = if self.pending_export.is_some() {
            row![
                button(text("Replace").size(style::size::LABEL)).on_press(Message::ReplaceExport),
                button(text("Cancel").size(style::size::LABEL))
                    .style(button::secondary)
                    .on_press(Message::CancelExport),
            ]
            .spacing(style::gap::S)
            .into()
        } else {
            let ok = button(text("OK").size(style::size::LABEL))
                .style(button::secondary)
                .on_press(Message::DismissNotice);
            match &notice.folder {
                Some(folder) => row![
                    button(text("Open folder").size(style::size::LABEL))
                        .on_press(Message::OpenFolder(folder.clone())),
                    ok
                ]
                .spacing(style::gap::S)
                .into(),
                None => ok.into(),
            }
        };
        Some(
            container(
                row![
                    text(&notice.text).size(style::size::BODY).width(Fill),
                    actions
                ]
                .spacing(style::gap::M)
                .align_y(iced::Center),
            )
            .padding([6, 10])
            .max_width(620)
            .style(style::notice(notice.error))
            .into(),
        )
    }

    fn header(&self) -> Element<'_, Message> {
        let mut bar = row![
            text("Rapporteur")
                .size(style::size::TITLE)
                .color(style::ACCENT)
        ]
        .spacing(style::gap::L)
        .align_y(iced::Center);
        if let Some(open) = &self.open {
            // The name takes the room the buttons leave, cut at its edge: a long name
            // never pushes them (or "Saved") out of the window.
            bar = bar.push(
                container(
                    text(super::widget::ellipsis(&open.session.name, 60))
                        .size(style::size::HEADING)
                        .wrapping(text::Wrapping::None),
                )
                .width(Fill)
                .clip(true),
            );
            // The segment matters while capturing; the other screens have no use for it.
            if self.screen == Screen::Capture
                && let Some(segment) = open.session.segment(open.session.current_segment)
            {
                bar = bar.push(
                    text(format!(
                        "Segment: {}",
                        super::widget::ellipsis(&segment.title, 28)
                    ))
                    .size(style::size::INPUT)
                    .color(style::ACCENT)
                    .wrapping(text::Wrapping::None),
                );
            }
            let saved = match (&open.store.error, open.store.last_saved) {
                (Some(_), _) => text("NOT SAVED: see message").color(style::ALERT),
                _ if self.saving.failing() => text("NOT SAVED: see message").color(style::ALERT),
                _ if self.saving_now() => text("Saving…").color(style::MUTED),
                // In the meeting's time zone, named, as every time the app shows.
                (None, Some(at)) => text(format!(
                    "Saved {}",
                    at.with_timezone(&open.session.meeting.zone())
                        .format("%H:%M:%S %Z")
                ))
                .color(style::OK),
                (None, None) => text("No changes yet").color(style::MUTED),
            };
            bar = bar.push(saved.size(style::size::BODY));
            if let Some(team) = &open.team {
                bar = bar.push(
                    text(super::team::status(team, &open.session))
                        .size(style::size::BODY)
                        .color(style::ACCENT)
                        .wrapping(text::Wrapping::None),
                );
            }
            let tab = |label: &'static str, screen: Screen, command: Command| {
                button(text(label).size(style::size::LABEL))
                    .style(if self.screen == screen {
                        button::primary
                    } else {
                        button::secondary
                    })
                    .on_press(Message::Command(command))
            };
            bar = bar.push(tab("Capture", Screen::Capture, Command::ShowCapture));
            bar = bar.push(tab("Editor", Screen::Editor, Command::ShowEditor));
            bar = bar.push(tab("Report", Screen::Preview, Command::ShowPreview));
            bar = bar.push(tab("Meeting", Screen::Meeting, Command::ShowMeeting));
        } else {
            bar = bar.push(space::horizontal());
        }
        bar.push(
            button(
                text("Help  F1")
                    .size(style::size::LABEL)
                    .wrapping(text::Wrapping::None),
            )
            .style(button::secondary)
            .on_press(Message::Command(Command::Help)),
        )
        .into()
    }

    fn start_view(&self) -> Element<'_, Message> {
        center(
            column![
                text("No session open").size(style::size::DISPLAY),
                text("Start a new session for a meeting, open one, or explore the sample meeting.")
                    .size(style::size::READ)
                    .color(style::MUTED),
                row![
                    button(text("New session…  Ctrl+N")).on_press(Message::Command(Command::New)),
                    button(text("Open…  Ctrl+O"))
                        .style(button::secondary)
                        .on_press(Message::Command(Command::Open)),
                    button(text("Open the sample meeting"))
                        .style(button::secondary)
                        .on_press(Message::Demo),
                ]
                .spacing(style::gap::L),
            ]
            .spacing(style::gap::XXL)
            .align_x(iced::Center),
        )
        .into()
    }

    fn help_view(&self) -> Element<'_, Message> {
        let mut rows = Column::new()
            .spacing(style::gap::XS)
            .push(text("Keyboard shortcuts").size(style::size::TITLE))
            .push(
                text(format!("Rapporteur {}", crate::VERSION))
                    .size(style::size::READ)
                    .color(style::MUTED),
            );
        for (keys, description) in shortcuts::help_rows() {
            rows = rows.push(
                row![
                    text(keys)
                        .size(style::size::READ)
                        .width(160)
                        .color(style::ACCENT),
                    text(description).size(style::size::READ)
                ]
                .spacing(style::gap::L),
            );
        }
        // The list is longer than a laptop screen: it scrolls, the Close button stays.
        column![
            iced::widget::scrollable(rows.padding([0, style::gap::M as u16]))
                .spacing(style::gap::S)
                .height(Fill),
            button(text("Close (Esc or F1)")).on_press(Message::Command(Command::Help)),
        ]
        .spacing(style::gap::M)
        .padding(style::gap::PAGE)
        .max_width(760)
        .into()
    }
}

/// The backups of one session, newest first, each with a Restore button.
fn backups_view(panel: &BackupsPanel) -> Element<'_, Message> {
    let mut rows = Column::new()
        .spacing(style::gap::S)
        .push(text("Backups").size(style::size::TITLE))
        .push(
            text(format!(
                "Copies of {} kept by Rapporteur. Restoring one keeps the current file among the backups.",
                panel.session.display()
            ))
            .size(style::size::BODY)
            .color(style::MUTED),
        );
    if panel.list.is_empty() {
        rows = rows.push(text("No backup has been kept yet.").size(style::size::READ));
    }
    for b in panel.list.iter().take(24) {
        rows = rows.push(
            row![
                text(b.describe()).size(style::size::READ).width(Fill),
                button(text("Restore").size(style::size::LABEL))
                    .on_press(Message::Restore(b.path.clone())),
            ]
            .spacing(style::gap::L)
            .align_y(iced::Center),
        );
    }
    rows = rows.push(
        button(text("Close"))
            .style(button::secondary)
            .on_press(Message::CloseBackups),
    );
    container(iced::widget::scrollable(rows.padding(style::gap::XS)))
        .padding(style::gap::PAGE)
        .max_width(760)
        .max_height(600)
        .style(container::bordered_box)
        .into()
}

/// Shows a folder in the desktop's file manager.
fn open_folder(folder: &Path) -> std::io::Result<()> {
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    // Not waited for: the file manager lives on after us.
    std::process::Command::new(opener)
        .arg(folder)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;
    use crate::ui::dialogs::ScriptedDialogs;
    use std::time::Duration;

    /// Waits for "Saved." as the window does: the writer's reports looked for.
    fn saved(app: &mut App) {
        for _ in 0..5000 {
            if app.notice.is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
            let _ = app.update(Message::Written);
        }
    }

    fn app(dir: &tempfile::TempDir) -> App {
        let session = demo_session();
        let store = Store::create(&dir.path().join("m.json"), &session).unwrap();
        App::with_session(store, session, None, Box::new(ScriptedDialogs::default()))
    }

    #[test]
    fn notices_go_by_themselves_errors_later_and_a_question_never() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(&dir);
        let _ = app.update(Message::Command(Command::Save));
        saved(&mut app);
        assert!(app.notice.is_some());
        let at = app.notice_at.unwrap();
        app.expire_notice(at + Duration::from_secs(5));
        assert!(app.notice.is_some(), "still up after 5 s");
        app.expire_notice(at + Duration::from_secs(6));
        assert!(app.notice.is_none(), "gone after 6 s");

        app.notice = Some(Notice::error("The file could not be written."));
        app.notice_at = Some(at);
        app.expire_notice(at + Duration::from_secs(10));
        assert!(app.notice.is_some(), "an error stays longer");
        app.expire_notice(at + Duration::from_secs(20));
        assert!(app.notice.is_none());

        app.notice = Some(Notice::lasting(
            "devices/AB-1/000001.frames: a damaged frame",
        ));
        app.notice_at = Some(at);
        app.expire_notice(at + Duration::from_secs(3600));
        assert!(
            app.notice.is_some(),
            "a damaged file stays named until dismissed"
        );

        app.notice = Some(Notice::info("A file is already there. Replace it?"));
        app.notice_at = Some(at);
        app.pending_export = Some(dir.path().join("report.docx"));
        app.expire_notice(at + Duration::from_secs(3600));
        assert!(app.notice.is_some(), "a question waits for its answer");
    }

    #[test]
    fn files_proposed_are_named_as_windows_and_onedrive_take_them() {
        let dir = tempfile::tempdir().unwrap();
        // A name Linux allows; synced to a Windows laptop it would not arrive.
        let path = dir.path().join("HRC 59: panel?..json");
        let session = demo_session();
        let store = Store::create(&path, &session).unwrap();
        let app = App::with_session(store, session, None, Box::new(ScriptedDialogs::default()));
        assert_eq!(app.session_stem(), "HRC 59- panel-");
        let prompt = PathPrompt::new(Asked::Export, dir.path(), &app.session_stem());
        let name = Path::new(&prompt.value)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        assert_eq!(portable_name::refusal(name), None, "{name}");
        assert_eq!(name, "HRC 59- panel-.docx");
    }

    #[test]
    fn a_notice_goes_when_the_screen_changes_and_ticks_run_while_one_is_up() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(&dir);
        let _ = app.update(Message::Command(Command::ShowPreview));
        assert!(!app.needs_ticks(), "an idle preview needs no ticks");
        let _ = app.update(Message::Command(Command::Save));
        saved(&mut app);
        assert!(app.notice.is_some());
        assert!(app.needs_ticks(), "the notice must be able to go");
        let _ = app.update(Message::Command(Command::ShowEditor));
        assert!(app.notice.is_none());
    }
}
