//! A real desktop for the real-process tests: Xvfb on a display of its own, xdotool to
//! find windows and type, ImageMagick's `import` for screenshots (kept in
//! target/screenshots/). Each tool is installed by scripts/test; a test fails, never
//! skips, when one is missing.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process killed and reaped when dropped, so that no test leaves one behind.
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn tool(name: &str) -> Command {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .unwrap();
    assert!(
        found.status.success(),
        "{name} is not installed: run scripts/test, which installs it"
    );
    Command::new(name)
}

pub fn start_xvfb() -> (Killed, String) {
    start_xvfb_sized("1400x900x24")
}

pub fn start_xvfb_sized(screen: &str) -> (Killed, String) {
    // -displayfd: Xvfb picks a free display and tells us which, so runs never collide.
    let mut xvfb = tool("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            screen,
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut reader = std::io::BufReader::new(xvfb.stdout.take().unwrap());
    std::io::BufRead::read_line(&mut reader, &mut line).unwrap();
    // Keep the pipe open: Xvfb must never write into a closed pipe (SIGPIPE would kill it).
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    let display = format!(":{}", line.trim());
    assert!(display.len() > 1, "Xvfb did not say which display it took");
    let xvfb = Killed(xvfb);
    wait_for("Xvfb to start", Duration::from_secs(10), || {
        Command::new("xdotool")
            .env("DISPLAY", &display)
            .arg("getmouselocation")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    (xvfb, display)
}

pub fn wait_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while !done() {
        if start.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    true
}

pub fn wait_for(what: &str, timeout: Duration, done: impl FnMut() -> bool) {
    assert!(wait_until(timeout, done), "timed out waiting for {what}");
}

pub fn xdo(display: &str, args: &[&str]) -> String {
    let out = tool("xdotool")
        .env("DISPLAY", display)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "xdotool {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The first window on `display` whose title contains `title`, if one is shown.
pub fn find_window(display: &str, title: &str) -> Option<String> {
    let out = Command::new("xdotool")
        .env("DISPLAY", display)
        .args(["search", "--name", title])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .map(str::to_string)
}

pub fn screenshot(display: &str, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    let status = tool("import")
        .env("DISPLAY", display)
        .args(["-window", "root"])
        .arg(&file)
        .status()
        .unwrap();
    assert!(
        status.success() && file.metadata().unwrap().len() > 10_000,
        "screenshot {name}"
    );
    file
}

/// Picks `who` in the speaker picker (Ctrl+L) and types `text` into the statement box.
pub fn type_statement(display: &str, window: &str, who: &str, text: &str) {
    let beat = || std::thread::sleep(Duration::from_millis(150));
    xdo(display, &["windowfocus", "--sync", window]);
    xdo(display, &["key", "--clearmodifiers", "ctrl+l"]);
    beat();
    xdo(display, &["type", "--delay", "25", who]);
    xdo(display, &["key", "Return"]);
    beat();
    xdo(display, &["type", "--delay", "15", text]);
}

/// [`type_statement`], then logs it (Ctrl+Enter).
pub fn log_intervention(display: &str, window: &str, who: &str, text: &str) {
    type_statement(display, window, who, text);
    xdo(display, &["key", "--clearmodifiers", "ctrl+Return"]);
}
