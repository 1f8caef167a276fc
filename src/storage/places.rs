//! Where the app keeps its own things: the last session opened and the demo meetings.
//! `RAPPORTEUR_HOME` overrides the platform folder (tests and portable installs).

use std::path::PathBuf;

pub fn home() -> PathBuf {
    #[cfg(test)]
    if let Some(dir) = TEST_HOME.with(|h| h.borrow().clone()) {
        return dir;
    }
    if let Some(dir) = std::env::var_os("RAPPORTEUR_HOME") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "Rapporteur", "rapporteur")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".rapporteur"))
}

/// Where a new session is proposed: the user's Documents folder (on Windows the one
/// OneDrive may have moved), else the home folder; the app's folder when
/// `RAPPORTEUR_HOME` is set, so that tests and portable installs stay inside it.
pub fn documents() -> PathBuf {
    #[cfg(test)]
    if TEST_HOME.with(|h| h.borrow().is_some()) {
        return home();
    }
    if std::env::var_os("RAPPORTEUR_HOME").is_some() {
        return home();
    }
    directories::UserDirs::new()
        .and_then(|dirs| {
            dirs.document_dir()
                .map(std::path::Path::to_path_buf)
                .or_else(|| Some(dirs.home_dir().to_path_buf()))
        })
        .unwrap_or_else(home)
}

fn last_session_file() -> PathBuf {
    home().join("last-session.txt")
}

pub fn last_session() -> Option<PathBuf> {
    let text = std::fs::read_to_string(last_session_file()).ok()?;
    let path = PathBuf::from(text.trim());
    path.exists().then_some(path)
}

pub fn remember(path: &std::path::Path) {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let _ = std::fs::create_dir_all(home());
    let _ =
        super::atomic::write_atomic(&last_session_file(), absolute.to_string_lossy().as_bytes());
}

/// A fresh file name for a new demo meeting; never an existing file.
pub fn new_demo_path() -> PathBuf {
    let dir = home().join("demo");
    let _ = std::fs::create_dir_all(&dir);
    let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
    let mut path = dir.join(format!("demo-{stamp}.json"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("demo-{stamp}-{n}.json"));
        n += 1;
    }
    path
}

#[cfg(test)]
thread_local! {
    static TEST_HOME: std::cell::RefCell<Option<PathBuf>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with the app's folder at `dir`, on this thread only (unit tests run in
/// parallel threads; the environment is shared by all of them).
#[cfg(test)]
pub fn with_home<T>(dir: &std::path::Path, f: impl FnOnce() -> T) -> T {
    TEST_HOME.with(|h| *h.borrow_mut() = Some(dir.to_path_buf()));
    let out = f();
    TEST_HOME.with(|h| *h.borrow_mut() = None);
    out
}
