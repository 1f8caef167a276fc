//! One named test for each way a file or a person could once crash Rapporteur, lose a
//! word or destroy a file: run through the real binary where the command line is the
//! way in.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use rapporteur::core::demo::demo_session;
use rapporteur::storage::file::{save, to_bytes};

fn run(args: &[&str]) -> Output {
    support::rapporteur(args)
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn export_never_writes_over_a_session_or_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let other = dir.path().join("other.json");
    save(&session, &demo_session()).unwrap();
    save(&other, &demo_session()).unwrap();
    let csv = dir.path().join("log.csv");
    std::fs::write(&csv, "segment,name,delegation,text\nOpening,,Peru,x\n").unwrap();
    let before = std::fs::read(&session).unwrap();
    let other_before = std::fs::read(&other).unwrap();
    let link = dir.path().join("link.docx");
    std::os::unix::fs::symlink(&session, &link).unwrap();
    for (target, why) in [
        (&session, "is the file being read"),
        (&other, "is a Rapporteur session"),
        (&link, "is the file being read"),
        (&csv, "already exists"),
    ] {
        for force in [false, true] {
            let mut args = vec!["export", p(&session), "-o", p(target)];
            if force {
                args.push("--force");
            }
            let out = run(&args);
            if force && target == &csv {
                assert!(
                    out.status.success(),
                    "--force replaces a file that is not a session"
                );
                continue;
            }
            assert_eq!(out.status.code(), Some(1), "{}", p(target));
            assert!(stderr(&out).contains(why), "{}", stderr(&out));
            assert!(stderr(&out).contains("nothing was written"));
        }
    }
    assert_eq!(std::fs::read(&session).unwrap(), before);
    assert_eq!(std::fs::read(&other).unwrap(), other_before);

    // import: the log or the meeting file as the output is refused, both untouched.
    std::fs::write(&csv, "segment,name,delegation,text\nOpening,,Peru,x\n").unwrap();
    let meeting = dir.path().join("meeting.json");
    std::fs::write(&meeting, "{}").unwrap();
    let csv_before = std::fs::read(&csv).unwrap();
    for output in [&csv, &meeting] {
        let out = run(&["import", p(&csv), "--meeting", p(&meeting), "-o", p(output)]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("already there"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read(&csv).unwrap(), csv_before);
    assert_eq!(std::fs::read(&meeting).unwrap(), b"{}");
}

#[test]
fn written_and_undelivered_statements_keep_their_words_and_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("log.csv");
    std::fs::write(
        &csv,
        "segment,name,delegation,status,text\n\
         Interactive dialogue,,Peru,,said that it agreed.\n\
         ,,Belgium,not_delivered,Belgium calls for early warning.\n\
         ,,Italy,written,Italy recalls its pledge.\n",
    )
    .unwrap();
    let session = dir.path().join("s.json");
    assert!(
        run(&["import", p(&csv), "-o", p(&session)])
            .status
            .success()
    );
    let s = support::read_session(&session);
    let texts: Vec<&str> = s.inscriptions.iter().map(|i| i.text.as_str()).collect();
    assert!(texts.contains(&"Belgium calls for early warning."));
    assert!(texts.contains(&"Italy recalls its pledge."));
    let out = run(&["export", p(&session), "-o", "-", "--format", "txt"]);
    let txt = String::from_utf8(out.stdout).unwrap();
    assert!(
        txt.contains("Written statements were submitted by Belgium and Italy."),
        "{txt}"
    );
}

#[test]
fn duplicate_ids_and_dangling_references_lose_nothing_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let mut s = demo_session();
    let first_id = s.interventions[0].id;
    s.interventions[1].id = first_id;
    s.interventions[2].speaker = rapporteur::core::Speaker::Participant(999);
    s.interventions[3].on_behalf_of = Some(77);
    s.groups.clear();
    s.segments.clear();
    s.interventions[4].text = "noted \u{1b}[31mred\u{7} text".into();
    std::fs::write(&session, to_bytes(&s)).unwrap();
    let before = std::fs::read(&session).unwrap();
    let out = run(&["export", p(&session), "-o", "-", "--format", "txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let txt = String::from_utf8(out.stdout).unwrap();
    assert!(
        err.contains("had the id") && err.contains("[unknown speaker 999]"),
        "{err}"
    );
    for i in &demo_session().interventions {
        let words: String = i.text.chars().skip(12).take(30).collect();
        if i.id != demo_session().interventions[4].id {
            assert_eq!(
                txt.matches(words.as_str()).count(),
                1,
                "{words:?} once in {txt}"
            );
        }
    }
    assert!(txt.contains("[unknown speaker 999]") && !txt.contains("{#p"));
    assert!(!txt.contains('\u{1b}') && txt.contains("[31mred text"));
    assert_eq!(
        std::fs::read(&session).unwrap(),
        before,
        "export reads only"
    );
}

#[test]
fn log_keeps_going_past_a_bad_byte_and_never_touches_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    save(&session, &demo_session()).unwrap();
    let backup = dir.path().join(".s.json.backup");
    std::fs::write(&backup, b"my own backup").unwrap();
    let mut child = Command::new(support::binary())
        .args(["log", p(&session)])
        .env("RAPPORTEUR_HOME", support::isolate_home())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let stdin = child.stdin.as_mut().unwrap();
        stdin.write_all(b"Peru\tfirst line\n").unwrap();
        stdin.write_all(b"Chile\tbad \xff\xfe byte\n").unwrap();
        stdin.write_all(b"Cuba\tthird line\n").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("line 2: not UTF-8"));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .matches("logged")
            .count(),
        3
    );
    let s = support::read_session(&session);
    let texts: Vec<&str> = s.interventions.iter().map(|i| i.text.as_str()).collect();
    assert!(texts.contains(&"bad \u{FFFD}\u{FFFD} byte") && texts.contains(&"third line"));
    assert_eq!(std::fs::read(&backup).unwrap(), b"my own backup");
    assert!(!rapporteur::storage::journal::journal_path(&session).exists());
}

#[test]
fn a_session_reached_through_a_link_is_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    save(&real, &demo_session()).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (store, _, _) = rapporteur::storage::Store::open(&link).unwrap();
    // The lock is the real file's: opening either name again is refused.
    assert!(rapporteur::storage::Store::open(&real).is_err());
    drop(store);
    let mut child = Command::new(support::binary())
        .args(["log", p(&link)])
        .env("RAPPORTEUR_HOME", support::isolate_home())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .as_mut()
            .unwrap()
            .write_all(b"Peru\tthrough the link\n")
            .unwrap();
    }
    assert!(child.wait().unwrap().success());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let s = support::read_session(&real);
    assert!(s.interventions.iter().any(|i| i.text == "through the link"));
}

#[test]
fn spreadsheets_from_excel_in_other_locales_import() {
    let dir = tempfile::tempdir().unwrap();
    let text = "segment;name;delegation;text\nOpening statements;;Perú;dijo, que sí\n;;;\n;;;\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        text.replace(';', "\t")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let cp1252: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    for (name, bytes) in [
        ("semicolons.csv", text.as_bytes().to_vec()),
        ("unicode.txt", utf16),
        ("ansi.csv", cp1252),
    ] {
        let csv = dir.path().join(name);
        std::fs::write(&csv, bytes).unwrap();
        let session = dir.path().join(format!("{name}.json"));
        let out = run(&["import", p(&csv), "-o", p(&session)]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let s = support::read_session(&session);
        assert_eq!(s.interventions.len(), 1, "{name}");
        assert_eq!(s.interventions[0].text, "dijo, que sí", "{name}");
    }
    // What is still wrong says how the file was read.
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "segment;name;delegation;texte\n").unwrap();
    let out = run(&["import", p(&csv), "-o", p(&dir.path().join("bad.json"))]);
    assert!(
        stderr(&out).contains("separated by semicolons"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_longest_legal_file_names_can_be_exported_and_opened() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join(format!("{}.json", "s".repeat(250)));
    save(&session, &demo_session()).unwrap();
    let (store, _, _) = rapporteur::storage::Store::open(&session).unwrap();
    drop(store);
    let out_file = dir.path().join(format!("{}.docx", "r".repeat(250)));
    let out = run(&["export", p(&session), "-o", p(&out_file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out_file.exists());
}

#[test]
fn a_mistyped_time_zone_is_named_with_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("log.csv");
    std::fs::write(&csv, "segment,name,delegation,text\nOpening,,Peru,x\n").unwrap();
    let meeting = dir.path().join("meeting.json");
    std::fs::write(&meeting, r#"{"time_zone": "Europe/Geneva"}"#).unwrap();
    let session = dir.path().join("s.json");
    let out = run(&[
        "import",
        p(&csv),
        "--meeting",
        p(&meeting),
        "-o",
        p(&session),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean \"Europe/Zurich\""),
        "{}",
        stderr(&out)
    );
    assert!(!session.exists());
}

#[test]
fn markdown_and_text_carry_no_escape_codes_or_injected_structure() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let mut s = demo_session();
    s.interventions[8].text = "said:\n---\n- not a list\n# not a heading\n1. not numbered".into();
    std::fs::write(&session, to_bytes(&s)).unwrap();
    let md = String::from_utf8(run(&["export", p(&session), "-o", "-", "--format", "md"]).stdout)
        .unwrap();
    for line in md.lines() {
        assert!(
            !(line == "---"
                || line.starts_with("- not")
                || line.starts_with("# not")
                || line.starts_with("1. not")),
            "{line:?} would change the document's structure"
        );
    }
    // A line that starts with "- " is a sub-paragraph (a), written as text, never a
    // Markdown list.
    assert!(
        md.contains("\\---") && md.contains("(a) not a list"),
        "{md}"
    );
}

#[test]
fn a_damaged_session_points_to_its_backups_and_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    save(&session, &demo_session()).unwrap();
    // Opening keeps a backup of the file as it was.
    let (store, _, _) = rapporteur::storage::Store::open(&session).unwrap();
    drop(store);
    std::fs::write(&session, b"{\"format_version\": \"1.0\", \"name\": ").unwrap();
    let out = run(&["export", p(&session), "-o", "-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("1 backup of it is kept"),
        "{}",
        stderr(&out)
    );
    let list = String::from_utf8(run(&["backups", p(&session)]).stdout).unwrap();
    let backup = list
        .lines()
        .next()
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    let out = run(&["restore", p(&session), &backup]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(support::read_session(&session), demo_session());
    // The damaged file it replaced is kept too.
    let list = String::from_utf8(run(&["backups", p(&session)]).stdout).unwrap();
    assert!(list.contains("replaced by a restore"), "{list}");
}
