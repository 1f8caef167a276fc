//! The command line end to end: import the seed meeting's log, export it in each format,
//! and fail cleanly (non-zero, a message, no partial file).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

fn rapporteur(args: &[&str]) -> std::process::Output {
    support::rapporteur(args)
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn import_then_export_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("r2p.json");
    let s = session.to_str().unwrap();
    let out = rapporteur(&[
        "import",
        &fixture("r2p-panel.csv"),
        "--meeting",
        &fixture("r2p-meeting.json"),
        "-o",
        s,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("38 interventions imported"));

    let md = rapporteur(&["export", s, "-o", "-", "--format", "md"]);
    assert!(md.status.success());
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("## I. Introduction")
            && md.contains("[^1]: The Group of Friends consists of 53 Member States"),
        "{md}"
    );

    let txt = rapporteur(&[
        "export", s, "-o", "-", "--format", "txt", "--kind", "minutes",
    ]);
    let txt = String::from_utf8(txt.stdout).unwrap();
    assert!(
        txt.contains("Minutes") && txt.contains("1. Opening statements"),
        "{txt}"
    );

    let docx = dir.path().join("r2p.docx");
    let out = rapporteur(&["export", s, "-o", docx.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(&std::fs::read(&docx).unwrap()[..2], b"PK");
}

#[test]
fn failures_exit_non_zero_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("bad.json");
    let csv = dir.path().join("log.csv");
    std::fs::write(
        &csv,
        "segment,name,delegation,text\nOpening,,Narnia,hello\n",
    )
    .unwrap();
    let out = rapporteur(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        session.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("row 2") && err.contains("delegation") && err.contains("Narnia"),
        "{err}"
    );
    assert!(!session.exists(), "nothing written");

    let missing = dir.path().join("missing.json");
    let out = rapporteur(&[
        "export",
        missing.to_str().unwrap(),
        "-o",
        dir.path().join("x.docx").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json"));

    let good = dir.path().join("good.json");
    assert!(
        rapporteur(&[
            "import",
            &fixture("r2p-panel.csv"),
            "-o",
            good.to_str().unwrap()
        ])
        .status
        .success()
    );
    let nowhere = dir.path().join("no-such-folder").join("r.docx");
    let out = rapporteur(&[
        "export",
        good.to_str().unwrap(),
        "-o",
        nowhere.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-folder"));
    assert!(!nowhere.exists());
}

#[test]
fn export_prints_the_report_s_warnings_and_strict_refuses_to_write() {
    use rapporteur::report::edit::{Op, apply};
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let mut s = rapporteur::core::demo::demo_session();
    let first = s.layout.resolve(&s).paragraphs().next().unwrap().id;
    let id = support::write_after(&mut s, first, "{Nobody Known} agreed.");
    std::fs::write(&session, rapporteur::storage::file::to_bytes(&s)).unwrap();
    let path = session.to_str().unwrap();

    let out = rapporteur(&["export", path, "-o", "-", "--format", "md"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("warning: Paragraph 2: {Nobody Known} names no participant"),
        "{said}"
    );

    let docx = dir.path().join("r.docx");
    let out = rapporteur(&["export", path, "-o", docx.to_str().unwrap(), "--strict"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        said.contains("1 warning with --strict; nothing was written"),
        "{said}"
    );
    assert!(!docx.exists(), "nothing written");

    // Without warnings, --strict writes as usual.
    apply(
        &mut s,
        &Op::SetText {
            id,
            text: "{Peru} agreed.".into(),
        },
    )
    .unwrap();
    std::fs::write(&session, rapporteur::storage::file::to_bytes(&s)).unwrap();
    let out = rapporteur(&["export", path, "-o", docx.to_str().unwrap(), "--strict"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(docx.exists());
}

/// `rapporteur --version`: the version and the commit the program was built from.
#[test]
fn version_names_the_commit() {
    let out = rapporteur(&["--version"]);
    assert!(out.status.success());
    let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let commit = String::from_utf8_lossy(&commit.stdout).trim().to_string();
    assert!(!commit.is_empty(), "the tests run in a git checkout");
    assert_eq!(
        line,
        format!("rapporteur {} (commit {commit})", env!("CARGO_PKG_VERSION"))
    );
}

/// The console launcher (`rapporteur.com` on Windows) runs the program beside it with
/// the same arguments, passes its output through and returns its exit code.
#[test]
fn the_console_launcher_passes_output_and_exit_codes_through() {
    let launcher = env!("CARGO_BIN_EXE_rapporteur-console");
    let run = |args: &[&str]| {
        std::process::Command::new(launcher)
            .args(args)
            .env("RAPPORTEUR_HOME", support::isolate_home())
            .output()
            .unwrap()
    };
    let missing = run(&["check", "/no/such/meeting.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/meeting.json"));
    let version = run(&["--version"]);
    assert!(version.status.success());
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("rapporteur "));
    let session = tempfile::tempdir().unwrap();
    let path = session.path().join("s.json");
    let imported = run(&[
        "import",
        &fixture("r2p-panel.csv"),
        "--meeting",
        &fixture("r2p-meeting.json"),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(imported.status.success(), "{imported:?}");
    let findings = run(&["check", path.to_str().unwrap()]);
    assert!(
        matches!(findings.status.code(), Some(0 | 1)),
        "check exits 0 or 1 on a readable session: {findings:?}"
    );
}
