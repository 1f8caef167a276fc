//! The root: which session is open, which screen shows, saving, shortcuts, closing.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::Utc;
use iced::keyboard::{self, Key, Modifiers};
use iced::widget::operation;
use iced::{Subscription, Task, window};

use crate::core::session::Session;
use crate::storage::backup::{self, Backup};
use crate::storage::draft::Draft;
use crate::storage::team::worker::{Answer as TeamAnswer, TeamWorker};
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

impl Open {
    /// The preview at the session's revision. The panel summary report is the editor's
    /// own, built once per revision and shared by reference (the export writes it too);
    /// the minutes and the record are the preview's.
    pub fn sync_preview(&mut self) {
        if self.preview.kind() == crate::core::meeting::ReportKind::PanelSummary {
            let report = Arc::clone(self.editor.report_at(&self.session, self.revision));
            let words = self.editor.word_total();
            self.preview
                .sync_with(&self.session, self.revision, &report, words);
        } else {
            self.preview.sync(&self.session, self.revision);
        }
    }
}

mod files;
mod lifecycle;
mod notices;
mod saving;
mod view;
use saving::Saving;

pub use super::effect::Notice;

pub struct App {
    pub open: Option<Open>,
    pub screen: Screen,
    dialogs: Box<dyn Dialogs>,
    pub notice: Option<Notice>,
    /// When the notice was put up: it goes after a few seconds (see `expire_notice`).
    notice_at: Option<Instant>,
    /// The revision at the last tick: a tick that finds it unchanged finds the
    /// note-taker between two changes (see `make_ahead`).
    ticked_at: Option<Revision>,
    /// Notices waiting behind the one on show (see `notices.rs`).
    waiting: std::collections::VecDeque<Notice>,
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
    /// The report assembled ahead off the window's thread (see `make_ahead`).
    MadeAhead(super::background::Handed<Option<editor::Ahead>>),
    /// A session read off the window's thread, to be taken in.
    Loaded(PathBuf, lifecycle::Handed),
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
            waiting: std::collections::VecDeque::new(),
            ticked_at: None,
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

    fn focus_task(&self) -> Task<Message> {
        match &self.open {
            Some(open) if self.screen == Screen::Capture => {
                open.capture.initial_focus().map(Message::Capture)
            }
            _ => Task::none(),
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
            // An information line speaks of the screen it was given on; an error or a
            // lasting notice stays until it is answered.
            self.forget_passing();
            if self.notice.is_some() {
                self.notice_at = Some(Instant::now());
            }
        }
        self.sync();
        // A team session's change or read, handed to its worker once none is on its way.
        let team = self.pump_team();
        Task::batch([task, team])
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
        if let Some(notice) = notice {
            self.tell(notice);
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

    /// Between two changes on the capture or Meeting screen, the report is assembled
    /// ahead on a thread of its own: opening the editor or the preview then only lays it
    /// out, however long the meeting (at 10,000 statements the assembly takes tens of
    /// milliseconds the window would otherwise wait for).
    fn make_ahead(&mut self) -> Task<Message> {
        let Some(open) = &mut self.open else {
            return Task::none();
        };
        let idle = self.ticked_at == Some(open.revision);
        self.ticked_at = Some(open.revision);
        let elsewhere = matches!(self.screen, Screen::Capture | Screen::Meeting);
        if !(idle && elsewhere && open.editor.can_make_ahead(open.revision)) {
            return Task::none();
        }
        let work = open.editor.ahead(&open.session, open.revision);
        // None: the thread stopped; the memos are lost, the next assembly starts afresh.
        super::background::run(work)
            .map(|ahead| Message::MadeAhead(super::background::Handed::new(ahead)))
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
            Screen::Preview => open.sync_preview(),
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
                    self.tell(Notice::error(e));
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
                self.make_ahead()
            }
            Message::MadeAhead(handed) => {
                if let (Some(ahead), Some(open)) = (handed.take(), &mut self.open) {
                    match ahead {
                        Some(ahead) => open.editor.made_ahead(ahead, &open.session, open.revision),
                        None => open.editor.lost_ahead(),
                    }
                }
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
                self.dismiss();
                Task::none()
            }
            // The question is answered: it goes.
            Message::ReplaceExport => match self.pending_export.take() {
                Some(path) => {
                    self.dismiss();
                    self.write_export(path, true)
                }
                None => Task::none(),
            },
            Message::Loaded(path, handed) => self.loaded(&path, &handed),
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
                self.dismiss();
                self.tell(Notice::info("Export cancelled; nothing was written."));
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
                    self.tell(Notice::error(format!(
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
                self.tell(Notice::info(
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
                    self.tell(Notice::info(
                        "Turns are for a team session (Ctrl+Shift+T shares this one).",
                    ));
                    return Task::none();
                }
                let said = match &open.session.turn {
                    Some(_) => "Your turn to log: every device shows it.",
                    None => {
                        "Handed over: every device shows that nobody has the turn until someone takes it (Ctrl+Shift+R)."
                    }
                };
                self.tell(Notice::info(said));
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
            Asked::Open => self.open_in_background(path, false),
            Asked::New => {
                if path.exists() {
                    self.tell(Notice::error(format!(
                        "{} already exists; choose Open (Ctrl+O) to open it.",
                        path.display()
                    )));
                    return self.focus_task();
                }
                self.open_in_background(path, true)
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

    /// An error is never replaced by an information line: the line waits behind it and
    /// shows when the error goes; another screen drops the lines, never the error.
    #[test]
    fn an_error_is_never_covered_by_an_information_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(&dir);
        app.tell(Notice::error("Could not save: the disk is full."));
        app.tell(Notice::info("Saved."));
        assert_eq!(
            app.notice.as_ref().unwrap().text,
            "Could not save: the disk is full."
        );
        app.dismiss();
        assert_eq!(app.notice.as_ref().unwrap().text, "Saved.");
        app.dismiss();
        assert!(app.notice.is_none());

        // A second error covers the first, which waits; repeats are told once.
        app.tell(Notice::error("first"));
        app.tell(Notice::error("second"));
        app.tell(Notice::error("second"));
        app.tell(Notice::info("a line"));
        assert_eq!(app.notice.as_ref().unwrap().text, "second");
        assert_eq!(app.waiting.len(), 2);
        // Another screen: the line goes, the errors stay.
        let _ = app.update(Message::Command(Command::ShowEditor));
        assert_eq!(app.notice.as_ref().unwrap().text, "second");
        app.dismiss();
        assert_eq!(app.notice.as_ref().unwrap().text, "first");
        app.dismiss();
        assert!(app.notice.is_none());

        // A flood of lines behind a lasting notice keeps the newest few.
        app.tell(Notice::lasting("team.frames is damaged"));
        for n in 0..20 {
            app.tell(Notice::info(format!("line {n}")));
        }
        assert_eq!(app.waiting.len(), 4);
        assert_eq!(app.notice.as_ref().unwrap().text, "team.frames is damaged");
        assert_eq!(
            app.waiting.back().unwrap().text,
            "line 19",
            "the newest kept"
        );
    }
}
