//! The root: which session is open, which screen shows, saving, shortcuts, closing.

use std::path::{Path, PathBuf};

use chrono::Utc;
use iced::keyboard::{self, Key, Modifiers};
use iced::widget::{
    Column, button, center, column, container, opaque, operation, row, space, stack, text,
};
use iced::{Element, Fill, Subscription, Task, window};

use crate::core::demo::demo_session;
use crate::core::session::Session;
use crate::core::speakers_csv::import_speakers_csv;
use crate::storage::backup::{self, Backup};
use crate::storage::draft::Draft;
use crate::storage::file::{Refusal, check_report_output};
use crate::storage::{Store, places};

use super::capture::{self, Capture};
use super::dialogs::Dialogs;
use super::editor::{self, Editor};
use super::effect::{Effect, Request, Save};
use super::meeting::{self, MeetingScreen};
use super::preview::{self, Preview};
use super::revision::Revision;
use super::shortcuts::{self, Command};
use super::style;

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub path: Option<PathBuf>,
    pub demo: bool,
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
}

pub use super::effect::Notice;

pub struct App {
    pub open: Option<Open>,
    pub screen: Screen,
    dialogs: Box<dyn Dialogs>,
    pub notice: Option<Notice>,
    pub help: bool,
    /// Changed by typing in a form: written at the next tick (within a second).
    dirty: bool,
    /// The last save failed: try again every tick until it works.
    retry: bool,
    /// An export waiting for "Replace" because a file is already there.
    pending_export: Option<PathBuf>,
    /// The backups panel: shown for the open session, or on the start screen for a
    /// session that could not be opened.
    pub backups: Option<BackupsPanel>,
    /// The session that failed to open, to offer its backups.
    failed_open: Option<PathBuf>,
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
    CloseRequested(window::Id),
    DismissNotice,
    ReplaceExport,
    CancelExport,
    ShowBackups,
    CloseBackups,
    Restore(PathBuf),
    /// A file dialog answered (None: cancelled, or no dialog could be shown).
    Chosen(Asked, Option<PathBuf>),
}

/// What a file dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Open,
    New,
    SaveAs,
    Export,
    ImportSpeakers,
}

impl App {
    fn new(dialogs: Box<dyn Dialogs>) -> App {
        App {
            open: None,
            screen: Screen::Capture,
            dialogs,
            notice: None,
            help: false,
            dirty: false,
            retry: false,
            pending_export: None,
            backups: None,
            failed_open: None,
        }
    }

    pub fn boot(launch: Launch, dialogs: Box<dyn Dialogs>) -> (App, Task<Message>) {
        let mut app = App::new(dialogs);
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
        let task = app.focus_task();
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
        });
        self.screen = Screen::Capture;
        self.dirty = false;
        self.retry = false;
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
        self.save_now();
        if self.retry {
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

    fn open_demo(&mut self) -> Result<(), String> {
        let path = places::new_demo_path();
        let store = Store::create(&path, &demo_session()).map_err(|e| e.to_string())?;
        drop(store);
        self.open_path(&path, false)
    }

    pub fn title(&self) -> String {
        match &self.open {
            Some(open) => format!("Rapporteur - {}", open.session.name),
            None => "Rapporteur".into(),
        }
    }

    // ----- saving -----

    /// Hands the session to the writer thread: the window goes on at once, and "Saved"
    /// moves only when the writer reports it on disk (see `writes_reported`).
    fn save_now(&mut self) {
        let Some(open) = &mut self.open else { return };
        self.dirty = false;
        open.store.submit(&open.session);
        self.save_draft();
    }

    /// Saves and waits until the session is on disk (Ctrl+S, closing, and tests that
    /// read the file).
    pub fn flush(&mut self) {
        self.save_now();
        self.settle();
    }

    /// Waits for the saves already handed to the writer, without starting one: what is
    /// on disk is then what the window says (tests read the file after this).
    pub fn settle(&mut self) {
        if let Some(open) = &mut self.open {
            let _ = open.store.wait();
        }
        self.judge_writes();
    }

    /// Takes in what the writer thread reported since the last message.
    fn writes_reported(&mut self) {
        if self.open.as_mut().is_some_and(|open| open.store.poll()) {
            self.judge_writes();
        }
    }

    /// After a report from the writer: a failed save is told and retried every tick (the
    /// session stays in memory), and its end is told too.
    fn judge_writes(&mut self) {
        let Some(open) = &self.open else { return };
        match open.store.failure() {
            Some(message) => {
                self.retry = true;
                self.notice = Some(Notice::error(format!(
                    "{message} Everything is kept in memory; Rapporteur retries every second. Free some space or choose Save as (Ctrl+Shift+S)."
                )));
            }
            // "Everything" only once no newer snapshot is still on its way.
            None if self.retry && !open.store.pending() => {
                self.retry = false;
                self.notice = Some(Notice::info("Saved again: everything is on disk."));
            }
            None => {}
        }
    }

    fn save_draft(&mut self) {
        let Some(open) = &mut self.open else { return };
        if !open.capture.draft_dirty {
            return;
        }
        match open.store.save_draft(&open.capture.draft()) {
            Ok(()) => open.capture.draft_dirty = false,
            Err(message) => self.notice = Some(Notice::error(message)),
        }
    }

    // ----- update -----

    /// Handles a message, then brings the screen on show up to the session's revision:
    /// the only place derived data is refreshed.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        self.writes_reported();
        let task = self.handle(message);
        self.sync();
        task
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
                self.dirty = true;
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
            Message::Key(key, modifiers) => match shortcuts::command_for(&key, modifiers) {
                Some(command) => self.command(command),
                None => Task::none(),
            },
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
                if let Some(open) = &mut self.open {
                    open.capture.now = Utc::now();
                }
                if self.dirty || self.retry {
                    self.save_now();
                } else {
                    self.save_draft();
                }
                Task::none()
            }
            Message::CloseRequested(id) => {
                // Closing waits for the last write.
                self.flush();
                window::close(id)
            }
            Message::Written => Task::none(),
            Message::DismissNotice => {
                self.notice = None;
                Task::none()
            }
            Message::ReplaceExport => {
                if let Some(path) = self.pending_export.take() {
                    self.write_export(path);
                }
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
            Command::Save => {
                self.flush();
                if !self.retry && self.open.is_some() {
                    self.notice = Some(Notice::info("Saved."));
                }
                Task::none()
            }
            Command::Open => self.ask(Asked::Open),
            Command::New => self.ask(Asked::New),
            Command::SaveAs if self.open.is_some() => self.ask(Asked::SaveAs),
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
            Asked::Export => {
                let stem = self
                    .open
                    .as_ref()
                    .and_then(|open| open.store.path().file_stem())
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "report".into());
                self.dialogs.export_report(&format!("{stem}.docx"))
            }
        };
        Task::perform(dialog, move |path| Message::Chosen(asked, path))
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
            Asked::Export => {
                self.export(path);
                Task::none()
            }
            Asked::ImportSpeakers => {
                self.import_speakers(&path);
                Task::none()
            }
        }
    }

    /// Goes on in a new file chosen for the open session ("Save as").
    fn save_as(&mut self, path: &Path) {
        let Some(open) = &mut self.open else { return };
        match Store::create(path, &open.session) {
            Ok(store) => {
                open.store = store;
                places::remember(path);
                self.retry = false;
                self.notice = Some(Notice::info(format!("Now working in {}", path.display())));
                self.save_now();
            }
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }

    /// Exports the report as DOCX to the path chosen in the save dialog. Never over the
    /// session or any other session file; over another existing file only after
    /// "Replace". The file is written whole or not at all; any failure is shown.
    fn export(&mut self, mut path: PathBuf) {
        let Some(open) = &mut self.open else { return };
        open.preview.sync(&open.session, open.revision);
        if path.extension().is_none() {
            path.set_extension("docx");
        }
        match check_report_output(&path, &[open.store.path()], false) {
            Ok(()) => self.write_export(path),
            Err(Refusal::Exists(_)) => {
                self.notice = Some(Notice::error(format!(
                    "{} already exists. Replace it with the report?",
                    path.display()
                )));
                self.pending_export = Some(path);
            }
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }

    fn write_export(&mut self, path: PathBuf) {
        let Some(open) = &mut self.open else { return };
        let result = crate::report::docx::to_docx(&open.preview.report)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                crate::storage::file::write_atomic(&path, &bytes).map_err(|e| e.to_string())
            });
        self.notice = Some(match result {
            Ok(()) => {
                open.preview.last_export = Some(path.display().to_string());
                Notice::info(format!("Exported the report to {}", path.display()))
            }
            Err(e) => Notice::error(format!(
                "Could not export to {}: {e}. Nothing was written.",
                path.display()
            )),
        });
    }

    fn import_speakers(&mut self, path: &Path) {
        let Some(open) = &mut self.open else { return };
        let result = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|text| {
                import_speakers_csv(&mut open.session, &text)
                    .map_err(|e| format!("{}: {e}. Nothing was imported.", path.display()))
            });
        match result {
            Ok(n) => {
                self.session_changed();
                self.notice = Some(Notice::info(format!("{n} speakers added to the list.")));
                self.save_now();
            }
            Err(e) => self.notice = Some(Notice::error(e)),
        }
    }

    /// Whether the clock must run: the capture screen shows the timer; elsewhere only
    /// pending saves need it. An idle preview then costs no frames (and no battery).
    pub fn needs_ticks(&self) -> bool {
        let Some(open) = &self.open else { return false };
        self.screen == Screen::Capture || self.dirty || self.retry || open.capture.draft_dirty
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let tick = if self.needs_ticks() {
            iced::time::every(std::time::Duration::from_millis(500)).map(|_| Message::Tick)
        } else {
            Subscription::none()
        };
        // While a save is on its way to disk, look for its report often, so "Saved"
        // follows within a frame or two.
        let written = if self.open.as_ref().is_some_and(|o| o.store.pending()) {
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
        let mut page = Column::new()
            .spacing(style::gap::M)
            .padding(style::gap::XL)
            .push(self.header());
        if let Some(notice) = &self.notice {
            let actions: Element<'_, Message> = if self.pending_export.is_some() {
                row![
                    button(text("Replace").size(style::size::LABEL))
                        .on_press(Message::ReplaceExport),
                    button(text("Cancel").size(style::size::LABEL))
                        .style(button::secondary)
                        .on_press(Message::CancelExport),
                ]
                .spacing(style::gap::S)
                .into()
            } else {
                button(text("OK").size(style::size::LABEL))
                    .style(button::secondary)
                    .on_press(Message::DismissNotice)
                    .into()
            };
            page = page.push(
                container(
                    row![
                        text(&notice.text).size(style::size::BODY).width(Fill),
                        actions
                    ]
                    .spacing(style::gap::M)
                    .align_y(iced::Center),
                )
                .padding([6, 10])
                .width(Fill)
                .style(style::notice(notice.error)),
            );
        }
        let page = page.push(body);
        if self.help {
            stack![page, opaque(center(self.help_view()))].into()
        } else if let Some(panel) = &self.backups {
            stack![page, opaque(center(backups_view(panel)))].into()
        } else {
            page.into()
        }
    }

    fn header(&self) -> Element<'_, Message> {
        let mut bar = row![
            text("Rapporteur")
                .size(style::size::TITLE)
                .color(style::ACCENT)
        ]
        .spacing(style::gap::XXL)
        .align_y(iced::Center);
        if let Some(open) = &self.open {
            bar = bar.push(text(&open.session.name).size(style::size::HEADING));
            bar = bar.push(space::horizontal());
            if let Some(segment) = open.session.segment(open.session.current_segment) {
                bar = bar.push(
                    text(format!("Segment: {}", segment.title))
                        .size(style::size::INPUT)
                        .color(style::ACCENT),
                );
            }
            let saved = match (&open.store.error, open.store.last_saved) {
                (Some(_), _) => text("NOT SAVED: see message").color(style::ALERT),
                _ if open.store.pending() => text("Saving…").color(style::MUTED),
                (None, Some(at)) => {
                    text(format!("Saved {}", at.format("%H:%M:%S"))).color(style::OK)
                }
                (None, None) => text("No changes yet").color(style::MUTED),
            };
            bar = bar.push(saved.size(style::size::BODY));
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
            button(text("Help  F1").size(style::size::LABEL))
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
            .push(text("Keyboard shortcuts").size(style::size::TITLE));
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
        rows =
            rows.push(button(text("Close (Esc or F1)")).on_press(Message::Command(Command::Help)));
        container(rows)
            .padding(style::gap::PAGE)
            .max_width(720)
            .style(container::bordered_box)
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
