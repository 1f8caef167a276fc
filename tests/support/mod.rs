//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod desktop;
pub mod hostile;
pub mod large;
pub mod syncthing;
pub mod tasks;
pub mod team;
pub mod team_folders;
pub mod ui;

use std::path::{Path, PathBuf};
use std::sync::Once;

/// Points the app's own folder (last session, demos) at a scratch folder for this process.
pub fn isolate_home() -> PathBuf {
    static ONCE: Once = Once::new();
    let home = std::env::temp_dir().join(format!("rapporteur-test-home-{}", std::process::id()));
    ONCE.call_once(|| {
        std::fs::create_dir_all(&home).unwrap();
        // SAFETY: set once, before any test thread reads it (all readers go through here first).
        unsafe { std::env::set_var("RAPPORTEUR_HOME", &home) };
    });
    home
}

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rapporteur"))
}

/// Runs the real binary with the app's folder isolated, and waits for it.
pub fn rapporteur<S: AsRef<std::ffi::OsStr>>(
    args: impl IntoIterator<Item = S>,
) -> std::process::Output {
    std::process::Command::new(binary())
        .args(args)
        .env("RAPPORTEUR_HOME", isolate_home())
        .output()
        .unwrap()
}

pub fn read_session(path: &Path) -> rapporteur::core::Session {
    rapporteur::storage::load(path).unwrap_or_else(|e| panic!("{e}"))
}

/// `rapporteur import` of this log (CSV text) with this meeting data (JSON) into a new
/// session file in `dir`; the session's path.
pub fn import(dir: &Path, log: &str, meeting: &str) -> PathBuf {
    let (csv, json, session) = (
        dir.join("log.csv"),
        dir.join("meeting.json"),
        dir.join("s.json"),
    );
    std::fs::write(&csv, log).unwrap();
    std::fs::write(&json, meeting).unwrap();
    let text = |p: &Path| p.to_str().unwrap().to_string();
    let out = rapporteur([
        "import".to_string(),
        text(&csv),
        "--meeting".into(),
        text(&json),
        "-o".into(),
        text(&session),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    session
}

/// A paragraph written by hand after `after`, as the editor's Ctrl+I and typing make it;
/// its id.
pub fn write_after(
    s: &mut rapporteur::core::Session,
    after: rapporteur::core::layout::ParagraphId,
    text: &str,
) -> rapporteur::core::layout::ParagraphId {
    use rapporteur::report::edit::{Op, apply};
    let id = apply(s, &Op::InsertAfter(after)).unwrap();
    apply(
        s,
        &Op::SetText {
            id,
            text: text.into(),
        },
    )
    .unwrap();
    id
}

/// A report as lines to compare: headings as "## ...", bullets as "level: text", plain
/// lines as they are, numbered paragraphs as "N. text".
pub fn report_lines(r: &rapporteur::report::Report) -> Vec<String> {
    use rapporteur::report::Block;
    use rapporteur::report::model::plain;
    r.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } => Some(format!("## {text}")),
            Block::Bullet { level, content, .. } => Some(format!("{level}: {}", plain(content))),
            Block::Plain { content } => Some(plain(content)),
            Block::Paragraph {
                number: Some(n),
                content,
                ..
            } => Some(format!("{n}. {}", plain(content))),
            _ => None,
        })
        .collect()
}
