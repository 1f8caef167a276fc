//! The window never waits for the disk. The app runs in a real window under Xvfb with
//! every fsync and fdatasync it makes slowed to 2 s (an LD_PRELOAD shim, as OneDrive or
//! SMB can be at their worst): Ctrl+Enter is answered within half a second all the same,
//! in a session file and in a team folder, and a SIGKILL once the title no longer says
//! "(saving…)" loses nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::desktop::{
    Killed, find_window, screenshot, start_xvfb_sized, tool, type_statement, wait_until, xdo,
};

const FLUSH_MS: u64 = 2000;
/// What "answers at once" means here: the window's title says "(saving…)" this soon
/// after Ctrl+Enter, i.e. the key was handled and the screen redrawn.
const ANSWER_WITHIN: Duration = Duration::from_millis(500);

/// The shim, built from tests/fixtures/slow_fsync.c, and shown to slow a real fsync.
fn slow_fsync_shim() -> PathBuf {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("slow_fsync.so");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/slow_fsync.c");
    let built = tool("cc")
        .args(["-shared", "-fPIC", "-O2", "-o"])
        .arg(&out)
        .arg(&source)
        .arg("-ldl")
        .status()
        .unwrap();
    assert!(built.success(), "cc builds the slow-fsync shim");
    // dd with conv=fsync calls fsync once: with the shim it takes the time asked.
    let dir = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let dd = Command::new("dd")
        .args(["if=/dev/zero", "bs=1", "count=1", "conv=fsync"])
        .arg(format!("of={}", dir.path().join("probe").display()))
        .env("LD_PRELOAD", &out)
        .env("SLOW_FSYNC_MS", "300")
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(dd.success());
    assert!(
        start.elapsed() >= Duration::from_millis(300),
        "the shim slows fsync ({:?})",
        start.elapsed()
    );
    out
}

/// Starts the app with its flushes slowed and waits for its window and its opening
/// saves. Under Xvfb a client started right after another was killed is sometimes
/// refused its connection: that start is tried again, up to three times.
fn start_slow_app(
    display: &str,
    shim: &Path,
    open: &Path,
    home: &Path,
    device: Option<&str>,
) -> (Killed, String) {
    for attempt in 1..=3 {
        match try_start(display, shim, open, home, device) {
            Ok(started) => return started,
            Err(said) if said.contains("XOpenDisplayFailed") && attempt < 3 => {
                eprintln!("X refused the app's connection (attempt {attempt}); starting it again");
                std::thread::sleep(Duration::from_millis(500));
            }
            Err(said) => panic!("the app did not come up: {said}"),
        }
    }
    unreachable!()
}

fn try_start(
    display: &str,
    shim: &Path,
    open: &Path,
    home: &Path,
    device: Option<&str>,
) -> Result<(Killed, String), String> {
    let mut command = Command::new(support::binary());
    if let Some(d) = device {
        command.args(["--device", d]);
    }
    let app = command
        .arg(open)
        .env("DISPLAY", display)
        .env("RAPPORTEUR_HOME", home)
        .env("LD_PRELOAD", shim)
        .env("SLOW_FSYNC_MS", FLUSH_MS.to_string())
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(home.join("slow-app-stderr.log")).unwrap())
        .spawn()
        .unwrap();
    let mut app = Killed(app);
    let title = match device {
        Some(d) => format!("(team, {d})"),
        None => "Rapporteur - ".into(),
    };
    let mut window = String::new();
    let appeared = wait_until(Duration::from_secs(90), || {
        if let Ok(Some(_)) = app.0.try_wait() {
            return true;
        }
        window = find_window(display, &title).unwrap_or_default();
        !window.is_empty()
    });
    if !appeared || window.is_empty() {
        return Err(std::fs::read_to_string(home.join("slow-app-stderr.log")).unwrap_or_default());
    }
    let settled = wait_until(Duration::from_secs(60), || !saving(display, &window));
    assert!(settled, "the opening saves ended");
    std::thread::sleep(Duration::from_millis(1500)); // first frame
    Ok((app, window))
}

fn saving(display: &str, window: &str) -> bool {
    xdo(display, &["getwindowname", window]).contains("(saving")
}

/// Logs one statement; returns how long the window took to answer Ctrl+Enter, and how
/// long the change took to reach the disk.
fn log_and_time(display: &str, window: &str, who: &str, text: &str) -> (Duration, Duration) {
    type_statement(display, window, who, text);
    // Picking the speaker may have saved: let that reach the disk first.
    let idle = wait_until(Duration::from_secs(60), || !saving(display, window));
    assert!(idle, "the saves before Ctrl+Enter ended");
    // One more word, and a tick hands the statement being typed to the writer: its
    // flush is on its way when Ctrl+Enter comes (where the window used to freeze).
    xdo(display, &["type", "--delay", "15", " now"]);
    std::thread::sleep(Duration::from_millis(800));
    let start = Instant::now();
    xdo(display, &["key", "--clearmodifiers", "ctrl+Return"]);
    let answered = wait_until(Duration::from_secs(20), || saving(display, window));
    let answer = start.elapsed();
    assert!(answered, "the window never said it was saving");
    let saved = wait_until(Duration::from_secs(60), || !saving(display, window));
    assert!(saved, "the change reached the disk within a minute");
    (answer, start.elapsed())
}

const STATEMENTS: [(&str, &str); 3] = [
    ("peru", "stressed that prevention begins at home now"),
    ("neth", "welcomed the report of the Secretary-General now"),
    ("cote", "called for national action plans now"),
];

/// Logs the statements, checks each answer and save, then kills the app (SIGKILL).
fn log_all_then_kill(display: &str, mut app: Killed, window: &str, name: &str) {
    let mut figures = Vec::new();
    for (who, text) in STATEMENTS {
        let typed = text.strip_suffix(" now").unwrap_or(text);
        let (answer, saved) = log_and_time(display, window, who, typed);
        figures.push((answer, saved));
        assert!(
            answer <= ANSWER_WITHIN,
            "{name}: Ctrl+Enter answered after {answer:?}, the disk taking {FLUSH_MS} ms a flush"
        );
        assert!(
            saved >= Duration::from_millis(FLUSH_MS),
            "{name}: saved after {saved:?}: the flushes were not slowed"
        );
    }
    eprintln!("{name}: (answer, saved) with {FLUSH_MS} ms flushes: {figures:?}");
    screenshot(display, &format!("slow-disk-{name}.png"));
    app.0.kill().unwrap();
    let _ = app.0.wait();
}

#[test]
fn ctrl_enter_is_answered_at_once_in_a_session_file_while_each_flush_takes_two_seconds() {
    let home = support::isolate_home().join("slow-file");
    std::fs::create_dir_all(&home).unwrap();
    let shim = slow_fsync_shim();
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("panel.json");
    drop(
        rapporteur::storage::Store::create(&session, &rapporteur::core::demo::demo_session())
            .unwrap(),
    );
    let (_xvfb, display) = start_xvfb_sized("1366x768x24");
    let (app, window) = start_slow_app(&display, &shim, &session, &home, None);
    log_all_then_kill(&display, app, &window, "session-file");

    let saved = rapporteur::storage::load(&session).unwrap();
    for (_, text) in STATEMENTS {
        assert!(
            saved.interventions.iter().any(|i| i.text == text),
            "{text:?} lost after the kill"
        );
    }
}

#[test]
fn ctrl_enter_is_answered_at_once_in_a_team_folder_while_each_flush_takes_two_seconds() {
    let home = support::isolate_home().join("slow-team");
    std::fs::create_dir_all(&home).unwrap();
    let shim = slow_fsync_shim();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("team");
    rapporteur::storage::team::session::TeamSession::share(
        &rapporteur::core::demo::demo_session(),
        &folder,
        rapporteur::storage::team::Device::this_run(Some("RS")),
    )
    .unwrap();
    let (_xvfb, display) = start_xvfb_sized("1366x768x24");
    let (app, window) = start_slow_app(&display, &shim, &folder, &home, Some("AB"));
    log_all_then_kill(&display, app, &window, "team-folder");

    let (merged, notices) = rapporteur::storage::team::session::read_merged(&folder).unwrap();
    for (_, text) in STATEMENTS {
        assert!(
            merged.interventions.iter().any(|i| i.text == text),
            "{text:?} lost after the kill ({notices:?})"
        );
    }
}
