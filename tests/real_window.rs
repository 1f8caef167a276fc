//! The app in a real window under Xvfb, driven by xdotool like a person at a keyboard.
//! Needs Xvfb, xdotool and ImageMagick's `import` (scripts/test installs them); it fails,
//! never skips, when they are missing. Screenshots are kept in target/screenshots/.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use support::desktop::{
    Killed, find_window, log_intervention, screenshot, start_xvfb, start_xvfb_sized,
    type_statement, wait_for, wait_until, xdo,
};

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Starts the app and waits for its window. Under Xvfb, a client started right after
/// another was killed is sometimes refused its connection (XOpenDisplay fails, nothing in
/// the server's log); that start is retried, up to three times, and said so.
fn start_app(display: &str, session: &Path, home: &Path) -> (Killed, String) {
    start_app_as(display, session, home, None)
}

/// [`start_app`] under a device name (a team folder), waiting for the window whose title
/// names that device.
fn start_app_as(
    display: &str,
    session: &Path,
    home: &Path,
    device: Option<&str>,
) -> (Killed, String) {
    for attempt in 1..=3 {
        match try_start_app(display, session, home, device) {
            Ok(started) => {
                if attempt > 1 {
                    // X was busy enough to refuse a client: give the first frame longer
                    // before keys are sent, or they reach a window not drawn yet.
                    std::thread::sleep(Duration::from_millis(2000));
                }
                return started;
            }
            Err(said) if said.contains("XOpenDisplayFailed") && attempt < 3 => {
                eprintln!("X refused the app's connection (attempt {attempt}); starting it again");
                std::thread::sleep(Duration::from_millis(500));
            }
            Err(said) => panic!("the app did not come up: {said}"),
        }
    }
    unreachable!()
}

fn try_start_app(
    display: &str,
    session: &Path,
    home: &Path,
    device: Option<&str>,
) -> Result<(Killed, String), String> {
    let stderr = home.join(format!("app-stderr-{}.log", device.unwrap_or("one")));
    let title = match device {
        Some(d) => format!("(team, {d})"),
        None => "Rapporteur - ".into(),
    };
    let mut command = Command::new(support::binary());
    if let Some(d) = device {
        command.args(["--device", d]);
    }
    let app = command
        .arg(session)
        .env("DISPLAY", display)
        .env("RAPPORTEUR_HOME", home)
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .spawn()
        .unwrap();
    let mut app = Killed(app);
    let mut window = String::new();
    let mut exited = None;
    let appeared = wait_until(Duration::from_secs(60), || {
        if let Ok(Some(status)) = app.0.try_wait() {
            exited = Some(status);
            return true;
        }
        window = find_window(display, &title).unwrap_or_default();
        !window.is_empty()
    });
    let said = || std::fs::read_to_string(&stderr).unwrap_or_default();
    if let Some(status) = exited {
        return Err(format!("it exited ({status}): {}", said()));
    }
    if !appeared {
        return Err(format!("no window after 60 s: {}", said()));
    }
    std::thread::sleep(Duration::from_millis(1500)); // first frame
    Ok((app, window))
}

/// The demo meeting in a session file of its own, in a fresh folder.
fn demo_file(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join(name);
    drop(
        rapporteur::storage::Store::create(&session, &rapporteur::core::demo::demo_session())
            .unwrap(),
    );
    (dir, session)
}

/// Picks the speaker and types the statement, like a fast person: focus moves are tasks
/// the app runs after the key that asked for them, so keys sent within the same
/// millisecond could still reach the old field.
fn texts(path: &Path) -> Vec<String> {
    rapporteur::storage::load(path)
        .map(|s| s.interventions.iter().map(|i| i.text.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn type_interventions_in_a_real_window_kill_it_and_find_them_all() {
    let home = support::isolate_home();
    let (_dir, session) = demo_file("hrc-panel.json");

    let (_xvfb, display) = start_xvfb();
    let (mut app, window) = start_app(&display, &session, &home);
    let title = xdo(&display, &["getwindowname", &window]);
    assert_eq!(title, "Rapporteur - Panel on the responsibility to protect");

    // Ten interventions from the keyboard alone, as the issue's "done" asks.
    let statements = [
        ("neth", "welcomed the resolution as a first step"),
        ("cote", "called for national action plans"),
        ("bouay", "highlighted the role of national institutions"),
        ("peru", "reported on national good practices"),
        ("liecht", "emphasized the role of national media"),
        ("izsak", "noted the deterrent effect of the mechanisms"),
        ("turkey", "recalled the primary responsibility of States"),
        ("unicef", "stressed the protection of children"),
        (
            "serbin",
            "underlined the importance of the two first pillars",
        ),
        ("high commissioner", "concluded by emphasizing prevention"),
    ];
    let before = texts(&session).len();
    for (who, text) in statements {
        log_intervention(&display, &window, who, text);
        wait_for(text, Duration::from_secs(30), || {
            texts(&session).iter().any(|t| t == text)
        });
    }
    let saved = rapporteur::storage::load(&session).unwrap();
    assert_eq!(saved.interventions.len(), before + 10);
    let labels: Vec<String> = saved.interventions[before..]
        .iter()
        .map(|i| saved.speaker_label(&i.speaker))
        .collect();
    assert_eq!(
        labels,
        [
            "the Netherlands",
            "Côte d'Ivoire",
            "Amina Bouayach (National Human Rights Council of Morocco)",
            "Peru",
            "Liechtenstein",
            "Rita Izsák-Ndiaye (panellist)",
            "Türkiye",
            "the United Nations Children's Fund",
            "Andrei Serbin Pont (panellist)",
            "the High Commissioner (Office of the United Nations High Commissioner for Human Rights)",
        ]
    );
    std::thread::sleep(Duration::from_millis(500)); // the frame after the last save
    screenshot(&display, "capture-after-ten-interventions.png");

    // Start typing the next one, give the draft its second, then pull the plug.
    type_statement(&display, &window, "peru", "was still speaking when");
    std::thread::sleep(Duration::from_millis(1600));
    app.0.kill().unwrap(); // SIGKILL
    let _ = app.0.wait();
    // Let the X server finish with the dead client before a new one connects.
    wait_for("the killed window to go", Duration::from_secs(10), || {
        find_window(&display, "Rapporteur - ").is_none()
    });

    let after = texts(&session);
    for (_, text) in statements {
        assert!(
            after.iter().any(|t| t == text),
            "lost {text:?} after the kill"
        );
    }
    let draft = rapporteur::storage::draft::load_draft(&session)
        .expect("the statement being typed was kept");
    assert_eq!(draft.text, "was still speaking when");

    // Reopen: everything is there and the half-typed statement is back in the box.
    let (_app, window) = start_app(&display, &session, &home);
    assert!(!window.is_empty());
    screenshot(&display, "capture-reopened-after-kill.png");
    xdo(&display, &["windowfocus", "--sync", &window]);
    xdo(&display, &["key", "--clearmodifiers", "ctrl+Return"]);
    wait_for(
        "the recovered statement to be logged",
        Duration::from_secs(10),
        || {
            texts(&session)
                .iter()
                .any(|t| t == "was still speaking when")
        },
    );
}

fn markdown(session: &Path) -> String {
    let out = Command::new(support::binary())
        .args(["export"])
        .arg(session)
        .args(["-o", "-", "--format", "md"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn move_a_paragraph_with_alt_up_save_and_export_the_new_order() {
    let home = support::isolate_home();
    let (_dir, session) = demo_file("editing.json");
    let before = markdown(&session);
    assert!(
        before.contains("\n8\\. Ms. Bouayach highlighted"),
        "{before}"
    );

    let (_xvfb, display) = start_xvfb();
    let (_app, window) = start_app(&display, &session, &home);
    let beat = || std::thread::sleep(Duration::from_millis(150));
    xdo(&display, &["windowfocus", "--sync", &window]);
    xdo(&display, &["key", "--clearmodifiers", "ctrl+2"]);
    beat();
    // Sent at once, as a fast person types them: every key reaches the app in order
    // (a text box without the cursor once took Alt+Up ahead of the Downs still queued,
    // and the move landed on the paragraph above).
    for _ in 0..7 {
        xdo(&display, &["key", "Down"]);
    }
    xdo(&display, &["key", "--clearmodifiers", "alt+Up"]);
    beat();
    xdo(&display, &["key", "--clearmodifiers", "ctrl+s"]);
    let moved = wait_until(Duration::from_secs(10), || {
        markdown(&session).contains("\n7\\. The Chair of the National Human Rights Council of Morocco, Amina Bouayach, highlighted")
    });
    if !moved {
        let shot = screenshot(&display, "editor-move-not-saved.png");
        let numbered: Vec<String> = markdown(&session)
            .lines()
            .filter(|l| l.starts_with(['6', '7', '8', '9']))
            .map(|l| l.chars().take(80).collect())
            .collect();
        panic!(
            "the new order is not on disk ({}): {numbered:#?}",
            shot.display()
        );
    }
    let after = markdown(&session);
    assert!(
        after.contains("\n8\\. The panel discussion was moderated by"),
        "{after}"
    );
    assert!(after.contains("participation of Ms. Bouayach, the Rapporteur"));

    // Group four statements (paragraphs 15-18) into a thematic paragraph.
    for _ in 0..8 {
        xdo(&display, &["key", "Down"]);
    }
    for _ in 0..4 {
        xdo(&display, &["key", "space"]);
        xdo(&display, &["key", "Down"]);
    }
    xdo(&display, &["key", "--clearmodifiers", "ctrl+t"]);
    // The group is saved by the update that made it; the text box takes the focus just
    // after. Type only then, or the first letters reach no widget (slow machines).
    wait_for("the group on disk", Duration::from_secs(10), || {
        markdown(&session).contains("\n15\\. Many delegations, including")
    });
    std::thread::sleep(Duration::from_millis(500));
    xdo(
        &display,
        &["type", "--delay", "15", "described national measures."],
    );
    let grouped = "\n15\\. Many delegations, including Germany, Liechtenstein, Peru and Switzerland, described national measures.";
    let found = wait_until(Duration::from_secs(10), || {
        markdown(&session).contains(grouped)
    });
    assert!(found, "no {grouped:?} in\n{}", markdown(&session));
    std::thread::sleep(Duration::from_millis(500));
    screenshot(&display, "editor-after-move-and-group.png");
}

/// The window's size as the X server has it: (width, height).
fn window_size(display: &str, window: &str) -> (u32, u32) {
    let geometry = xdo(display, &["getwindowgeometry", "--shell", window]);
    let field = |name: &str| {
        geometry
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap()
    };
    (field("WIDTH="), field("HEIGHT="))
}

#[test]
fn on_a_laptop_screen_an_empty_log_asks_escape_goes_back_and_ctrl_z_takes_back() {
    let home = support::isolate_home();
    let (_dir, session) = demo_file("laptop.json");
    let before = texts(&session);
    let (_xvfb, display) = start_xvfb_sized("1366x768x24");
    let (mut app, window) = start_app(&display, &session, &home);
    let (width, height) = window_size(&display, &window);
    assert!(
        width <= 1366 && height <= 768,
        "the window fits the screen: {width}x{height}"
    );
    let beat = || std::thread::sleep(Duration::from_millis(300));

    // Argentina picked, Ctrl+Enter with nothing typed: a question, nothing logged.
    xdo(&display, &["windowfocus", "--sync", &window]);
    xdo(&display, &["key", "--clearmodifiers", "ctrl+l"]);
    beat();
    xdo(&display, &["type", "--delay", "25", "argen"]);
    xdo(&display, &["key", "Return"]);
    beat();
    xdo(&display, &["key", "--clearmodifiers", "ctrl+Return"]);
    beat();
    screenshot(&display, "laptop-empty-statement-question.png");
    // Escape: back to the statement box, where the typing lands.
    xdo(&display, &["key", "Escape"]);
    beat();
    xdo(
        &display,
        &["type", "--delay", "15", "supported the call for prevention"],
    );
    xdo(&display, &["key", "--clearmodifiers", "ctrl+Return"]);
    wait_for("the statement on disk", Duration::from_secs(20), || {
        texts(&session).last().map(String::as_str) == Some("supported the call for prevention")
    });
    assert_eq!(texts(&session).len(), before.len() + 1, "no phantom logged");

    // Ctrl+Z takes it back: off the disk, back in the box.
    xdo(&display, &["key", "--clearmodifiers", "ctrl+z"]);
    wait_for("the undo on disk", Duration::from_secs(20), || {
        texts(&session) == before
    });
    beat();
    screenshot(&display, "laptop-after-undo.png");
    let draft_back = wait_until(Duration::from_secs(10), || {
        rapporteur::storage::draft::load_draft(&session)
            .is_some_and(|d| d.text == "supported the call for prevention")
    });
    assert!(
        draft_back,
        "the statement is back in the box (and its draft)"
    );

    // Pulled plug: the CLI export shows the log as it stands, the undone statement out.
    app.0.kill().unwrap();
    let _ = app.0.wait();
    let exported = markdown(&session);
    assert!(!exported.contains("supported the call for prevention"));
    assert!(exported.contains(
        "The representative of the Cairo Institute for Human Rights Studies highlighted"
    ));
}

/// Two note-takers in relay, each in a real window on one team folder, a third logging
/// from the command line: every statement in the merged session, each window showing
/// the others' statements, one window killed without losing what it logged.
#[test]
fn two_note_takers_in_real_windows_on_one_team_folder() {
    let home = support::isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("team");
    let mut meeting = rapporteur::core::demo::demo_session();
    meeting.interventions.clear();
    rapporteur::storage::team::session::TeamSession::share(
        &meeting,
        &folder,
        rapporteur::storage::team::Device::this_run(Some("RS")),
    )
    .unwrap();
    let merged = |folder: &Path| -> Vec<String> {
        rapporteur::storage::team::session::read_merged(folder)
            .map(|(s, _)| s.interventions.iter().map(|i| i.text.clone()).collect())
            .unwrap_or_default()
    };
    let (_xvfb, display) = start_xvfb_sized("1366x768x24");
    let (mut ab, window_ab) = start_app_as(&display, &folder, &home, Some("AB"));
    let (_cd, window_cd) = start_app_as(&display, &folder, &home, Some("CD"));
    assert_ne!(window_ab, window_cd);
    let relay = [
        (&window_ab, "peru", "AB logged the first statement"),
        (&window_cd, "chile", "CD took over for the second"),
        (&window_ab, "neth", "AB logged the third"),
        (&window_cd, "cote", "CD logged the fourth"),
    ];
    for (window, who, text) in relay {
        log_intervention(&display, window, who, text);
        wait_for(text, Duration::from_secs(30), || {
            merged(&folder).iter().any(|t| t == text)
        });
    }
    // A third note-taker logs from the command line meanwhile.
    let mut log = Command::new(support::binary())
        .args(["log", folder.to_str().unwrap(), "--device", "EF"])
        .env("RAPPORTEUR_HOME", &home)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut input = log.stdin.take().unwrap();
        writeln!(input, "Mexico\tEF logged from the command line").unwrap();
    }
    assert!(log.wait().unwrap().success());
    // AB is killed right after its last statement is on disk.
    log_intervention(
        &display,
        &window_ab,
        "ghana",
        "AB logged this just before the kill",
    );
    wait_for("AB's last statement", Duration::from_secs(30), || {
        merged(&folder)
            .iter()
            .any(|t| t == "AB logged this just before the kill")
    });
    ab.0.kill().unwrap();
    let _ = ab.0.wait();
    // CD's window merges everything within a tick or two: its working copy (kept in
    // the app's folder) holds what AB and EF logged.
    let copy = rapporteur::ui::team::working_copy(&folder, "CD");
    wait_for("CD's window to merge", Duration::from_secs(20), || {
        let have = texts(&copy);
        have.iter()
            .any(|t| t == "AB logged this just before the kill")
            && have.iter().any(|t| t == "EF logged from the command line")
    });
    std::thread::sleep(Duration::from_millis(500));
    let shot = screenshot(&display, "team-two-windows-1366x768.png");
    assert!(shot.exists());
    let all = merged(&folder);
    for text in [
        "AB logged the first statement",
        "CD took over for the second",
        "AB logged the third",
        "CD logged the fourth",
        "EF logged from the command line",
        "AB logged this just before the kill",
    ] {
        assert_eq!(all.iter().filter(|t| *t == text).count(), 1, "{text}");
    }
    // CD's window logs on after AB is gone, and its copy holds what AB and EF logged.
    log_intervention(
        &display,
        &window_cd,
        "mexico",
        "CD logged after AB's window died",
    );
    wait_for(
        "CD's statement after the kill",
        Duration::from_secs(30),
        || {
            merged(&folder)
                .iter()
                .any(|t| t == "CD logged after AB's window died")
        },
    );
    let md = markdown(&folder);
    assert!(md.contains("EF logged from the command line"), "{md}");
    assert!(md.contains("AB logged this just before the kill"), "{md}");
}

/// A notice that appears, and one that goes, while a statement is being typed leave the
/// focus in the box: the rest of the statement still goes in (it used to go nowhere,
/// the window's widgets being rebuilt under the notice).
#[test]
fn typing_goes_on_into_the_box_while_a_notice_comes_and_goes() {
    let home = support::isolate_home();
    let (_dir, session) = demo_file("hrc-panel.json");
    let (_xvfb, display) = start_xvfb();
    let (_app, window) = start_app(&display, &session, &home);
    let beat = || std::thread::sleep(Duration::from_millis(300));
    type_statement(&display, &window, "peru", "stressed");
    // A notice appears ("Turns are for a team session ..."), typing goes on.
    xdo(&display, &["key", "--clearmodifiers", "ctrl+shift+r"]);
    beat();
    xdo(&display, &["type", "--delay", "15", " early"]);
    // An information notice goes by itself after six seconds: typing goes on after.
    std::thread::sleep(Duration::from_secs(9));
    xdo(&display, &["type", "--delay", "15", " prevention."]);
    xdo(&display, &["key", "--clearmodifiers", "ctrl+Return"]);
    wait_for("the whole statement", Duration::from_secs(20), || {
        texts(&session)
            .iter()
            .any(|t| t == "stressed early prevention.")
    });
}
