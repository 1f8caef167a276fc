//! What ships is what is tested: the packages `scripts/package` wrote into target/package/
//! installed as a user would install them, and the installed programs run.
//! - the MSI into a fresh wine prefix, as a user without administrator rights; the
//!   installed exe imports, exports, logs and opens its window;
//! - the .deb with apt, then the window, then removal.
//!
//! They need the packages built first, so they are ignored by a plain `cargo test`;
//! `scripts/test` builds the packages and runs them (`cargo test --test packages --
//! --ignored`). They fail, never skip, when a package or a tool is missing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use support::desktop::{
    Killed, find_window, log_intervention, screenshot, start_xvfb_sized, tool, wait_until,
};

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn packages() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/package")
}

fn package(name: &str) -> PathBuf {
    let path = packages().join(name);
    assert!(
        path.is_file(),
        "{} is missing: run scripts/package (scripts/test does)",
        path.display()
    );
    path
}

fn msi() -> PathBuf {
    package(&format!("rapporteur-{VERSION}-x86_64.msi"))
}

fn text(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A fresh wine prefix: a Windows user profile nobody has used Rapporteur in.
struct Prefix {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Prefix {
    fn new() -> Prefix {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("wine");
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/wine-prefix");
        let out = Command::new(script).arg(&root).output().unwrap();
        assert!(out.status.success(), "scripts/wine-prefix: {}", text(&out));
        Prefix { _dir: dir, root }
    }

    /// `wine PROGRAM ARGS` in this prefix, without a display unless one is given.
    fn wine(&self) -> Command {
        let mut command = tool("wine");
        command
            .env("WINEPREFIX", &self.root)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=,winemenubuilder.exe=d")
            // Arguments with "Zoë" reach the program whole only in a UTF-8 locale.
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("RAPPORTEUR_HOME")
            .env_remove("RAPPORTEUR_DEVICE");
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.wine()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    /// The one user profile of the prefix (named after the Unix user).
    fn profile(&self) -> PathBuf {
        let users = self.root.join("drive_c/users");
        std::fs::read_dir(&users)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.join("AppData").is_dir())
            .unwrap_or_else(|| panic!("no user profile in {}", users.display()))
    }

    fn install_dir(&self) -> PathBuf {
        self.profile().join("AppData/Local/Programs/Rapporteur")
    }

    /// The Windows path (C:\users\...) of a file inside the prefix's drive C.
    fn windows_path(&self, path: &Path) -> String {
        let inside = path.strip_prefix(self.root.join("drive_c")).unwrap();
        format!("C:\\{}", inside.to_str().unwrap().replace('/', "\\"))
    }

    fn install(&self) {
        let out = self.run(&["msiexec", "/i", msi().to_str().unwrap(), "/qn"]);
        assert!(out.status.success(), "msiexec /i: {}", text(&out));
        self.wait_server();
    }

    /// Lets every program of the prefix end (wine's server keeps files open a moment).
    fn wait_server(&self) {
        let _ = Command::new("wineserver")
            .env("WINEPREFIX", &self.root)
            .arg("--wait")
            .status();
    }

    /// `rapporteur ARGS` as typed in cmd: the console launcher, which runs the exe.
    fn rapporteur(&self, args: &[&str]) -> Output {
        let com = self.install_dir().join("rapporteur.com");
        let mut all = vec![com.to_str().unwrap()];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// The fixture meeting's log and data written into `folder` (made if need be) and
    /// imported there under Windows into the session `name`.
    fn import_fixture(&self, folder: &Path, name: &str) {
        std::fs::create_dir_all(folder).unwrap();
        std::fs::write(folder.join("panel.csv"), fixture("r2p-panel.csv")).unwrap();
        std::fs::write(folder.join("meeting.json"), fixture("r2p-meeting.json")).unwrap();
        let win = |file: &str| self.windows_path(&folder.join(file));
        let out = self.rapporteur(&[
            "import",
            &win("panel.csv"),
            "--meeting",
            &win("meeting.json"),
            "-o",
            &win(name),
        ]);
        assert!(out.status.success(), "import under Windows: {}", text(&out));
    }

    /// `rapporteur log SESSION` as typed in cmd, with `lines` on its standard input.
    fn log(&self, session: &str, lines: &str) -> Output {
        let mut log = self
            .wine()
            .arg(self.install_dir().join("rapporteur.com"))
            .args(["log", session])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        log.stdin
            .take()
            .unwrap()
            .write_all(lines.as_bytes())
            .unwrap();
        log.wait_with_output().unwrap()
    }
}

impl Drop for Prefix {
    fn drop(&mut self) {
        let _ = Command::new("wineserver")
            .env("WINEPREFIX", &self.root)
            .arg("-k")
            .status();
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

/// The Linux build's Markdown of a session.
fn linux_export(session: &Path, format: &str) -> String {
    let out_file = session.with_extension(format!("linux.{format}"));
    let out = support::rapporteur([
        "export",
        session.to_str().unwrap(),
        "--format",
        format,
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    std::fs::read_to_string(out_file).unwrap()
}

fn paragraphs(markdown: &str) -> Vec<&str> {
    markdown
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The MSI asks for no administrator rights: no ALLUSERS=1, and its summary says that
/// elevated privileges are not needed (Word Count bit 8).
#[test]
#[ignore = "needs target/package/ from scripts/package: run by scripts/test"]
fn the_msi_is_per_user_and_needs_no_administrator() {
    let out = tool("msiinfo")
        .args(["export"])
        .arg(msi())
        .arg("Property")
        .output()
        .unwrap();
    assert!(out.status.success(), "msiinfo export: {}", text(&out));
    let properties = String::from_utf8_lossy(&out.stdout).to_string();
    let property = |name: &str| {
        properties
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}\t")))
            .map(str::to_string)
    };
    match property("ALLUSERS").as_deref() {
        None => {}
        Some("2") => assert_eq!(property("MSIINSTALLPERUSER").as_deref(), Some("1")),
        Some(other) => panic!("ALLUSERS={other} would ask for administrator rights"),
    }
    assert!(
        property("UpgradeCode")
            .is_some_and(|c| c.eq_ignore_ascii_case("{B36DFFAB-8EB9-4DBE-8A2B-9D139F14DBBE}")),
        "the upgrade code never changes: {properties}"
    );
    assert_eq!(
        property("ARPPRODUCTICON").as_deref(),
        Some("rapporteur.ico")
    );
    let summary = tool("msiinfo").arg("suminfo").arg(msi()).output().unwrap();
    let summary = String::from_utf8_lossy(&summary.stdout).to_string();
    // msiinfo calls the Word Count property "Source": "Source: 10 (a)".
    let word_count: u32 = summary
        .lines()
        .find_map(|l| l.strip_prefix("Source:"))
        .and_then(|w| w.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no Word Count in {summary}"));
    assert_ne!(
        word_count & 8,
        0,
        "elevation must not be required: {summary}"
    );
}

/// The portable zip holds the programs and their papers; the exe is a window program
/// (no console opens beside it) with its icon and version information, the launcher a
/// console program.
#[test]
#[ignore = "needs target/package/ from scripts/package: run by scripts/test"]
fn the_portable_zip_holds_a_window_program_and_its_console_launcher() {
    let zip_path = package(&format!("rapporteur-{VERSION}-windows-x86_64.zip"));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    let mut names: Vec<String> = archive.file_names().map(str::to_string).collect();
    names.sort();
    for wanted in [
        "Rapporteur/LICENSE-DejaVu.txt",
        "Rapporteur/LICENSE.txt",
        "Rapporteur/README.txt",
        "Rapporteur/rapporteur.com",
        "Rapporteur/rapporteur.exe",
    ] {
        assert!(names.iter().any(|n| n == wanted), "{wanted} in {names:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let mut unpack = |name: &str| {
        let path = dir.path().join(name.rsplit('/').next().unwrap());
        let mut entry = archive.by_name(name).unwrap();
        std::io::copy(&mut entry, &mut std::fs::File::create(&path).unwrap()).unwrap();
        path
    };
    let exe = unpack("Rapporteur/rapporteur.exe");
    let com = unpack("Rapporteur/rapporteur.com");
    let subsystem = |path: &Path| {
        let out = tool("x86_64-w64-mingw32-objdump")
            .arg("-p")
            .arg(path)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.starts_with("Subsystem"))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        subsystem(&exe).contains("Windows GUI"),
        "{}",
        subsystem(&exe)
    );
    assert!(
        subsystem(&com).contains("Windows CUI"),
        "{}",
        subsystem(&com)
    );
    let bytes = std::fs::read(&exe).unwrap();
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    for property in [
        "Rapporteur: UN meeting reports and minutes".to_string(),
        "ProductVersion".to_string(),
        VERSION.to_string(),
    ] {
        let needle = utf16(&property);
        assert!(
            bytes.windows(needle.len()).any(|w| w == needle),
            "the exe's version information has {property:?}"
        );
    }
    // The icon: each image of assets/icon/rapporteur.ico is a resource of the exe as it
    // is in the .ico (its directory: 6 bytes, then 16 a picture, size and offset last).
    let ico =
        std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/icon/rapporteur.ico"))
            .unwrap();
    let le32 = |at: usize| u32::from_le_bytes(ico[at..at + 4].try_into().unwrap()) as usize;
    let pictures = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    assert!(pictures >= 4);
    for n in 0..pictures {
        let entry = 6 + 16 * n;
        let (size, offset) = (le32(entry + 8), le32(entry + 12));
        let picture = &ico[offset..offset + size];
        assert!(
            bytes.windows(picture.len()).any(|w| w == picture),
            "picture {n} of the icon is in the exe"
        );
    }
    let size = std::fs::metadata(&exe).unwrap().len();
    assert!(size < 40 << 20, "stripped, the exe is small: {size} bytes");
}

/// The upgrade code never changes, so a newer version's installer replaces the older
/// one: one entry in the installed programs, the newer version's.
#[test]
#[ignore = "needs target/package/ from scripts/package: run by scripts/test"]
fn a_newer_msi_replaces_the_older_one() {
    // The same files as the shipped MSI (scripts/package keeps them for wixl), as 99.0.0.
    let sources = packages().join("windows/msi");
    let newer = tempfile::tempdir().unwrap();
    let newer_msi = newer.path().join("newer.msi");
    let wxs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("packaging/windows/rapporteur.wxs");
    let out = tool("wixl")
        .current_dir(&sources)
        .args(["--arch", "x64", "-o"])
        .arg(&newer_msi)
        .args([
            "-D",
            "Version=99.0.0",
            "-D",
            "Exe=rapporteur.exe",
            "-D",
            "Com=rapporteur.com",
            "-D",
            "Readme=README.txt",
            "-D",
            "Licence=LICENSE.txt",
            "-D",
            "FontLicence=LICENSE-DejaVu.txt",
            "-D",
            "Icon=rapporteur.ico",
        ])
        .arg(&wxs)
        .output()
        .unwrap();
    assert!(out.status.success(), "wixl: {}", text(&out));

    let prefix = Prefix::new();
    prefix.install();
    let versions = || {
        let mut found = String::new();
        for hive in ["system.reg", "user.reg"] {
            found += &std::fs::read_to_string(prefix.root.join(hive)).unwrap();
        }
        let mut versions: Vec<String> = found
            .lines()
            .filter_map(|l| l.strip_prefix("\"DisplayVersion\"=\""))
            .map(|v| v.trim_end_matches('"').to_string())
            .collect();
        versions.sort();
        versions.dedup();
        versions
    };
    assert_eq!(versions(), [VERSION]);
    let out = prefix.run(&["msiexec", "/i", newer_msi.to_str().unwrap(), "/qn"]);
    assert!(out.status.success(), "msiexec /i newer: {}", text(&out));
    prefix.wait_server();
    assert_eq!(versions(), ["99.0.0"], "the older version is gone");
    assert!(prefix.install_dir().join("rapporteur.exe").is_file());
}

/// Installed from the MSI into a fresh prefix, the program does what the Linux build
/// does with the fixture meeting, in a OneDrive folder whose names have spaces and an
/// "ë", and in a folder deeper than Windows' old 260-character limit; a session written
/// on Linux comes back unchanged, and what Windows logs into it Linux reads.
#[test]
#[ignore = "needs target/package/ from scripts/package: run by scripts/test"]
fn the_installed_windows_program_works_like_the_linux_one() {
    let prefix = Prefix::new();
    prefix.install();
    let installed = prefix.install_dir();
    for file in [
        "rapporteur.exe",
        "rapporteur.com",
        "README.txt",
        "LICENSE.txt",
    ] {
        assert!(installed.join(file).is_file(), "{file} not installed");
    }
    let start_menu = prefix
        .profile()
        .join("AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Rapporteur.lnk");
    assert!(start_menu.is_file(), "no Start menu shortcut");
    let user_registry = std::fs::read_to_string(prefix.root.join("user.reg")).unwrap();
    assert!(
        user_registry.contains("[Software\\\\Rapporteur]"),
        "the install is recorded for this user (HKCU)"
    );

    // --version and an error's exit code, through the console launcher.
    let version = prefix.rapporteur(&["--version"]);
    assert!(version.status.success(), "{}", text(&version));
    assert!(
        String::from_utf8_lossy(&version.stdout)
            .contains(&format!("rapporteur {VERSION} (commit ")),
        "{}",
        text(&version)
    );
    let missing = prefix.rapporteur(&["check", "C:\\no\\such\\meeting.json"]);
    assert_eq!(missing.status.code(), Some(2), "{}", text(&missing));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("meeting.json"),
        "the message names the file: {}",
        text(&missing)
    );

    // The fixture meeting, imported by each build.
    let folder = prefix
        .profile()
        .join("OneDrive - United Nations/Zoë's sessions");
    prefix.import_fixture(&folder, "windows.json");
    let win = |name: &str| prefix.windows_path(&folder.join(name));
    let out = prefix.rapporteur(&["export", &win("windows.json"), "-o", &win("windows.md")]);
    assert!(out.status.success(), "export under Windows: {}", text(&out));
    let windows_md = std::fs::read_to_string(folder.join("windows.md")).unwrap();

    let linux_dir = tempfile::tempdir().unwrap();
    let linux_session = support::import(
        linux_dir.path(),
        &fixture("r2p-panel.csv"),
        &fixture("r2p-meeting.json"),
    );
    let linux_md = linux_export(&linux_session, "md");
    assert!(paragraphs(&linux_md).len() > 40, "{linux_md}");
    assert_eq!(
        paragraphs(&windows_md),
        paragraphs(&linux_md),
        "the same report under Windows"
    );

    // A DOCX in a folder deeper than 260 characters.
    let deep = folder
        .join("a".repeat(90))
        .join("b".repeat(90))
        .join("c".repeat(90));
    std::fs::create_dir_all(&deep).unwrap();
    let docx = deep.join("report.docx");
    assert!(prefix.windows_path(&docx).len() > 260);
    let out = prefix.rapporteur(&[
        "export",
        &win("windows.json"),
        "-o",
        &prefix.windows_path(&docx),
    ]);
    assert!(
        out.status.success(),
        "export to a long path: {}",
        text(&out)
    );
    assert!(std::fs::metadata(&docx).unwrap().len() > 5_000);

    // A session written on Linux, opened under Windows: the same session comes back.
    std::fs::copy(&linux_session, folder.join("from linux.json")).unwrap();
    let out = prefix.rapporteur(&[
        "export",
        &win("from linux.json"),
        "--format",
        "json",
        "-o",
        &win("back.json"),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(folder.join("back.json")).unwrap(),
        linux_export(&linux_session, "json"),
        "a Linux session reads the same under Windows"
    );

    // Logged under Windows, read on Linux: nothing else changed.
    let before = support::read_session(&linux_session);
    let out = prefix.log(
        &win("from linux.json"),
        "Qatar\tstressed that Zoë’s proposal deserved support.\n",
    );
    assert!(out.status.success(), "log under Windows: {}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("logged"));
    prefix.wait_server();
    let after = support::read_session(&folder.join("from linux.json"));
    assert_eq!(after.interventions.len(), before.interventions.len() + 1);
    for earlier in &before.interventions {
        assert!(
            after.interventions.contains(earlier),
            "unchanged under Windows: {earlier:?}"
        );
    }
    assert!(
        after
            .interventions
            .iter()
            .any(|i| i.text == "stressed that Zoë’s proposal deserved support.")
    );

    // Uninstalled: the program and its shortcut are gone.
    let out = prefix.run(&["msiexec", "/x", msi().to_str().unwrap(), "/qn"]);
    assert!(out.status.success(), "msiexec /x: {}", text(&out));
    prefix.wait_server();
    assert!(!installed.join("rapporteur.exe").exists());
    assert!(!start_menu.exists());
}

/// Under Windows too a session has one writer: a second `log` is refused while the first
/// holds it, and once the first is killed (a crash), its lock is free again.
#[test]
#[ignore = "needs target/package/ from scripts/package: run by scripts/test"]
fn under_windows_a_second_writer_is_refused_and_a_crash_frees_the_lock() {
    let prefix = Prefix::new();
    prefix.install();
    // Not Documents: wine links it to the Unix home folder.
    let folder = prefix.profile().join("Sessions");
    std::fs::create_dir_all(&folder).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let linux_session = support::import(
        dir.path(),
        &fixture("r2p-panel.csv"),
        &fixture("r2p-meeting.json"),
    );
    let session = folder.join("locked.json");
    std::fs::copy(&linux_session, &session).unwrap();
    let win_session = prefix.windows_path(&session);

    // The first writer: the exe itself (the process that holds the lock), kept waiting
    // for its next line.
    let exe = prefix.install_dir().join("rapporteur.exe");
    let mut first = Killed(
        prefix
            .wine()
            .arg(&exe)
            .args(["log", &win_session])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut input = first.0.stdin.take().unwrap();
    input.write_all(b"Qatar\tfirst line.\n").unwrap();
    input.flush().unwrap();
    let mut said = String::new();
    BufReader::new(first.0.stdout.take().unwrap())
        .read_line(&mut said)
        .unwrap();
    assert!(said.starts_with("logged"), "the first writer: {said:?}");

    let second = prefix.rapporteur(&["log", &win_session]);
    assert!(!second.status.success(), "{}", text(&second));
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("already open"),
        "the second writer is told why: {}",
        text(&second)
    );

    // The crash: the first writer killed, its lock left behind, taken over.
    first.0.kill().unwrap();
    let _ = first.0.wait();
    drop(input);
    let out = prefix.log(&win_session, "Mexico\tafter the crash.\n");
    assert!(out.status.success(), "after the crash: {}", text(&out));
    prefix.wait_server();
    let texts: Vec<String> = support::read_session(&session)
        .interventions
        .iter()
        .map(|i| i.text.clone())
        .collect();
    assert!(texts.contains(&"first line.".to_string()), "{texts:?}");
    assert!(texts.contains(&"after the crash.".to_string()), "{texts:?}");
}

/// A Windows program that opens FILE without letting others delete or replace it (as an
/// antivirus scan, a sync engine's upload or a preview pane does), says "held", and lets
/// go after MILLISECONDS. Built with MinGW-w64, which scripts/package installs.
const HOLD_C: &str = r#"
#include <windows.h>
#include <stdio.h>
int wmain(int argc, wchar_t **argv) {
    if (argc != 3) return 2;
    HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) return 1;
    printf("held\n");
    fflush(stdout);
    Sleep(_wtoi(argv[2]));
    CloseHandle(h);
    return 0;
}
"#;

/// A report another program holds open for a moment is replaced once it lets go; one
/// held for good is left as it was, no temporary file stays behind, and the message says
/// what to do.
#[test]
#[ignore = "needs target/package/ from scripts/package: run by scripts/test"]
fn under_windows_a_file_held_open_is_waited_for_then_named() {
    let prefix = Prefix::new();
    prefix.install();
    let build = tempfile::tempdir().unwrap();
    std::fs::write(build.path().join("hold.c"), HOLD_C).unwrap();
    let hold = build.path().join("hold.exe");
    let out = tool("x86_64-w64-mingw32-gcc")
        .args(["-municode", "-O2", "-o"])
        .arg(&hold)
        .arg(build.path().join("hold.c"))
        .output()
        .unwrap();
    assert!(out.status.success(), "hold.c: {}", text(&out));

    let folder = prefix.root.join("drive_c/Reports");
    prefix.import_fixture(&folder, "s.json");
    let win = |name: &str| prefix.windows_path(&folder.join(name));
    let report = folder.join("report.md");
    let export = |kind: &str| {
        prefix.rapporteur(&[
            "export",
            &win("s.json"),
            "--kind",
            kind,
            "--force",
            "-o",
            &win("report.md"),
        ])
    };
    assert!(export("summary").status.success());
    let summary = std::fs::read(&report).unwrap();
    let leftovers = || {
        std::fs::read_dir(&folder)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count()
    };
    let held = |ms: &str| {
        let mut holder = Killed(
            prefix
                .wine()
                .arg(&hold)
                .args([&win("report.md"), ms])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let mut said = String::new();
        BufReader::new(holder.0.stdout.take().unwrap())
            .read_line(&mut said)
            .unwrap();
        assert_eq!(said.trim(), "held");
        holder
    };

    // Held for good (longer than the save waits): refused, named, the old file kept.
    let holder = held("20000");
    let out = export("minutes");
    drop(holder);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("held open by another program"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read(&report).unwrap(),
        summary,
        "the old file as it was"
    );
    assert_eq!(leftovers(), 0, "no temporary file left behind");

    // Held for a moment: the save waits, then replaces it whole.
    prefix.wait_server();
    let holder = held("1000");
    let out = export("minutes");
    drop(holder);
    assert!(out.status.success(), "{}", text(&out));
    let minutes = std::fs::read(&report).unwrap();
    assert_ne!(minutes, summary, "replaced by the minutes");
    assert_eq!(leftovers(), 0);
}

/// The installed exe opens its window under wine and Xvfb on a laptop-sized screen, keeps
/// its own folder under %APPDATA%, and takes a statement typed at the keyboard.
#[test]
#[ignore = "needs target/package/ from scripts/package: run by scripts/test"]
fn the_installed_windows_program_opens_its_window() {
    let prefix = Prefix::new();
    prefix.install();
    let (_xvfb, display) = start_xvfb_sized("1366x768x24");
    let app = Killed(
        prefix
            .wine()
            .env("DISPLAY", &display)
            .arg(prefix.install_dir().join("rapporteur.exe"))
            .arg("--demo")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut window = String::new();
    let appeared = wait_until(Duration::from_secs(90), || {
        window = find_window(&display, "Rapporteur - ").unwrap_or_default();
        !window.is_empty()
    });
    assert!(appeared, "no window under wine after 90 s");
    std::thread::sleep(Duration::from_secs(3)); // first frames
    let demos = prefix
        .profile()
        .join("AppData/Roaming/Rapporteur/rapporteur/data/demo");
    let demo = std::fs::read_dir(&demos)
        .unwrap_or_else(|e| panic!("{}: {e}", demos.display()))
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("the demo session is kept in the app's folder under %APPDATA%");

    log_intervention(&display, &window, "qatar", "Logged under Windows.");
    let logged = wait_until(Duration::from_secs(20), || {
        rapporteur::storage::load(&demo).is_ok_and(|s| {
            s.interventions
                .iter()
                .any(|i| i.text == "Logged under Windows.")
        })
    });
    std::thread::sleep(Duration::from_millis(800));
    let shot = screenshot(&display, "windows-wine-1366x768.png");
    assert!(logged, "the statement typed was saved ({})", shot.display());
    drop(app);
}

/// The .deb installs with apt, puts `rapporteur` on the PATH with a valid desktop entry
/// and icon, opens its window, and is removed cleanly.
#[test]
#[ignore = "needs target/package/ from scripts/package: run by scripts/test"]
fn the_deb_installs_runs_and_uninstalls() {
    let deb = package(&format!("rapporteur_{VERSION}-1_amd64.deb"));
    let apt = |args: &[&str]| {
        let out = Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .output()
            .unwrap();
        assert!(out.status.success(), "apt-get {args:?}: {}", text(&out));
    };
    apt(&["install", "-y", "-qq", deb.to_str().unwrap()]);

    let version = Command::new("/usr/bin/rapporteur")
        .arg("--version")
        .output()
        .unwrap();
    let commit = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let commit = String::from_utf8_lossy(&commit.stdout).trim().to_string();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("rapporteur {VERSION} (commit {commit})")
    );
    let entry = Path::new("/usr/share/applications/rapporteur.desktop");
    let valid = tool("desktop-file-validate").arg(entry).output().unwrap();
    assert!(valid.status.success(), "{}", text(&valid));
    assert!(Path::new("/usr/share/icons/hicolor/256x256/apps/rapporteur.png").is_file());
    assert!(Path::new("/usr/share/icons/hicolor/scalable/apps/rapporteur.svg").is_file());

    let home = tempfile::tempdir().unwrap();
    let (_xvfb, display) = start_xvfb_sized("1366x768x24");
    let app = Killed(
        Command::new("rapporteur")
            .arg("--demo")
            .env("DISPLAY", &display)
            .env("RAPPORTEUR_HOME", home.path())
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let appeared = wait_until(Duration::from_secs(60), || {
        find_window(&display, "Rapporteur - ").is_some()
    });
    assert!(appeared, "the installed program opened no window");
    std::thread::sleep(Duration::from_secs(2));
    screenshot(&display, "deb-installed-1366x768.png");
    drop(app);

    apt(&["remove", "-y", "-qq", "rapporteur"]);
    assert!(!Path::new("/usr/bin/rapporteur").exists());
    assert!(!entry.exists());
}
