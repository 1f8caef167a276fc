//! The DOCX read back: every part parses, footnotes carry their marks, styles and
//! properties are set, text survives control characters; and a real LibreOffice opens it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

use std::io::Read;
use std::process::Command;

use proptest::prelude::*;

use rapporteur::core::import::import_log_csv;
use rapporteur::core::meeting::Meeting;
use rapporteur::report::docx::to_docx;
use rapporteur::report::{Block, Inline, Options, Report, assemble};

const LOG: &str = include_str!("fixtures/r2p-panel.csv");
const MEETING: &str = include_str!("fixtures/r2p-meeting.json");

fn r2p_report() -> Report {
    let meeting: Meeting = serde_json::from_str(MEETING).unwrap();
    let session = import_log_csv(LOG, meeting, "r2p").unwrap();
    assemble(
        &session,
        &Options {
            kind: None,
            issue_date: chrono::NaiveDate::from_ymd_opt(2021, 8, 2),
        },
    )
}

/// Every part of the package, as text.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap();
            (f.name().to_string(), text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"))
        .1
}

fn all_xml_parses(parts: &[(String, String)]) {
    for (name, text) in parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(text)
                .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
        }
    }
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[test]
fn the_package_is_well_formed_with_styles_footnotes_and_properties() {
    let report = r2p_report();
    let bytes = to_docx(&report).unwrap();
    let parts = parts(&bytes);
    all_xml_parses(&parts);

    // Footnotes: the membership texts, each with its number mark.
    let footnotes = roxmltree::Document::parse(part(&parts, "word/footnotes.xml")).unwrap();
    let notes: Vec<_> = footnotes
        .descendants()
        .filter(|n| n.has_tag_name((W, "footnote")))
        .collect();
    assert_eq!(notes.len(), 2);
    for (note, expected) in notes.iter().zip(report.footnotes()) {
        assert!(
            note.descendants()
                .any(|n| n.has_tag_name((W, "footnoteRef"))),
            "footnote without its mark"
        );
        let text: String = note
            .descendants()
            .filter(|n| n.has_tag_name((W, "t")))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(text.trim(), expected);
    }
    let document = part(&parts, "word/document.xml");
    assert_eq!(document.matches("<w:footnoteReference").count(), 2);

    // Styles: headings with outline levels, superscript footnote reference, language.
    let styles = roxmltree::Document::parse(part(&parts, "word/styles.xml")).unwrap();
    let style = |id: &str| {
        styles
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("style {id}"))
    };
    let outline = |id: &str| {
        style(id)
            .descendants()
            .find(|n| n.has_tag_name((W, "outlineLvl")))
            .and_then(|n| n.attribute((W, "val")))
            .map(String::from)
    };
    // The Summary is boxed: its heading and text styles carry the same four borders and
    // indents (so one box is drawn round them), and its paragraphs use them.
    for id in ["SummaryHeading", "SummaryText"] {
        let borders: Vec<&str> = style(id)
            .descendants()
            .find(|n| n.has_tag_name((W, "pBdr")))
            .unwrap_or_else(|| panic!("{id} has no borders"))
            .children()
            .filter(|n| n.is_element() && n.attribute((W, "val")) == Some("single"))
            .map(|n| n.tag_name().name())
            .collect();
        assert_eq!(borders, ["top", "left", "bottom", "right"], "{id}");
    }
    let boxed = document
        .matches("<w:pStyle w:val=\"SummaryText\" />")
        .count()
        + document
            .matches("<w:pStyle w:val=\"SummaryText\"/>")
            .count();
    assert_eq!(boxed, report.summary.len());
    assert!(boxed >= 2, "the mandate sentence and the themes");
    assert_eq!(outline("Heading1").as_deref(), Some("0"));
    assert_eq!(outline("Heading2").as_deref(), Some("1"));
    assert!(style("FootnoteReference").descendants().any(
        |n| n.has_tag_name((W, "vertAlign")) && n.attribute((W, "val")) == Some("superscript")
    ));
    assert!(
        style("NumberedParagraph")
            .descendants()
            .any(|n| n.has_tag_name((W, "ind")) && n.attribute((W, "hanging")).is_some())
    );
    assert!(
        styles
            .descendants()
            .any(|n| n.has_tag_name((W, "lang")) && n.attribute((W, "val")) == Some("en-GB"))
    );
    assert!(part(&parts, "word/styles.xml").contains("Times New Roman"));

    // Numbered paragraphs: one per numbered paragraph of the report, all on one list.
    let numbered = report.numbered().len();
    assert_eq!(
        document
            .matches(r#"<w:pStyle w:val="NumberedParagraph" />"#)
            .count(),
        numbered
    );
    assert_eq!(
        document.matches(r#"<w:numId w:val="2" />"#).count(),
        numbered
    );
    // Every list defined once (docx-rs writes a list of its own with id 1).
    let numbering = roxmltree::Document::parse(part(&parts, "word/numbering.xml")).unwrap();
    for (tag, attribute) in [("abstractNum", "abstractNumId"), ("num", "numId")] {
        let mut ids: Vec<&str> = numbering
            .descendants()
            .filter(|n| n.has_tag_name((W, tag)))
            .filter_map(|n| n.attribute((W, attribute)))
            .collect();
        let all = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all, "a {tag} id defined twice: {ids:?}");
    }
    // The theme Word's own documents carry, related from the document.
    assert!(part(&parts, "word/theme/theme1.xml").contains("Times New Roman"));
    assert!(part(&parts, "word/_rels/document.xml.rels").contains("theme/theme1.xml"));
    // A4 with explicit margins.
    assert!(document.contains(r#"w:w="11906""#) && document.contains(r#"w:h="16838""#));
    assert!(document.contains("w:pgMar"));

    // Header and footer: symbol; job number and page number field.
    let header = parts
        .iter()
        .find(|(n, t)| n.starts_with("word/header") && t.contains("A/HRC/48/xx"))
        .expect("a running header with the symbol");
    // Its text bold (the runs, not only the paragraph mark).
    let header_xml = roxmltree::Document::parse(&header.1).unwrap();
    let symbol_run = header_xml
        .descendants()
        .find(|n| {
            n.has_tag_name((W, "r")) && n.descendants().any(|t| t.text() == Some("A/HRC/48/xx"))
        })
        .unwrap();
    assert!(symbol_run.descendants().any(|n| n.has_tag_name((W, "b"))));
    // The job number on page 1's footer, the page number on the others'; page 1 has
    // no running header (a first page of its own: `w:titlePg`).
    let footers: Vec<&str> = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/footer"))
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(footers.len(), 3, "first, odd and even pages: {footers:?}");
    assert!(
        footers
            .iter()
            .any(|f| f.contains("GE.22-29477") && !f.contains("PAGE"))
    );
    assert!(
        footers
            .iter()
            .any(|f| f.contains("PAGE") && !f.contains("GE.22-29477"))
    );
    assert!(document.contains("<w:titlePg"));
    assert!(document.contains(r#"w:headerReference w:type="first""#));
    // The symbol and the page number on the outer side: right on odd pages, left on
    // even ones.
    assert!(document.contains(r#"w:headerReference w:type="even""#));
    assert!(part(&parts, "word/settings.xml").contains("w:evenAndOddHeaders"));
    let headers: Vec<&str> = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/header"))
        .map(|(_, t)| t.as_str())
        .collect();
    assert!(
        headers
            .iter()
            .any(|h| h.contains("A/HRC/48/xx") && h.contains(r#"w:jc w:val="right""#))
    );
    assert!(
        headers
            .iter()
            .any(|h| h.contains("A/HRC/48/xx") && h.contains(r#"w:jc w:val="left""#))
    );

    // Document properties.
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:title>Intersessional panel discussion to mark the fifteenth anniversary of the responsibility to protect</dc:title>"));
    assert!(core.contains("<dc:creator>Rapporteur</dc:creator>"));
    assert!(core.contains("2021-08-02T00:00:00Z"));
    assert!(!core.contains("1970"));
}

fn report_with(text: &str) -> Report {
    Report {
        title: text.to_string(),
        masthead: vec![text.to_string()],
        blocks: vec![
            Block::Chapter {
                numeral: Some("I.".into()),
                title: text.to_string(),
            },
            Block::Paragraph {
                number: Some(1),
                content: vec![
                    Inline::Text(text.to_string()),
                    Inline::Footnote(text.to_string()),
                ]
                .into(),
                generated: false,
                sources: Default::default(),
                item: None,
            },
            Block::Bullet {
                level: 1,
                content: vec![
                    Inline::Bold(text.to_string()),
                    Inline::LineBreak,
                    Inline::Text(text.to_string()),
                ]
                .into(),
                sources: Default::default(),
            },
        ],
        header: text.to_string(),
        footer: text.to_string(),
        language: "en-GB".into(),
        ..Report::default()
    }
}

#[test]
fn line_breaks_become_breaks() {
    let bytes = to_docx(&report_with("first line\nsecond line")).unwrap();
    let document = parts(&bytes)
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1;
    assert!(document.contains("first line") && document.contains("second line"));
    assert!(document.contains("<w:b />"), "bold runs stay bold");
    assert!(
        document
            .matches(r#"<w:br w:type="textWrapping" />"#)
            .count()
            >= 2,
        "{document}"
    );
}

fn nasty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ]{1,6}",
        Just("<&>\"'".to_string()),
        Just("]]>".to_string()),
        Just("\u{000B}\u{000C}\u{0001}\u{0000}\u{001F}".to_string()),
        Just("\u{FFFE}\u{FFFF}".to_string()),
        Just("Côte d'Ivoire — “quoted”".to_string()),
        Just("\r\n".to_string()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..10).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_text_gives_a_well_formed_package(text in nasty()) {
        let bytes = to_docx(&report_with(&text)).unwrap();
        let parts = parts(&bytes);
        all_xml_parses(&parts);
        let letters: String = text.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        let document = part(&parts, "word/document.xml");
        let doc = roxmltree::Document::parse(document).unwrap();
        let written: String = doc.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect();
        let written_letters: String = written.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        prop_assert!(written_letters.contains(&letters), "letters lost: {:?} not in {:?}", letters, written_letters);
    }
}

/// What LibreOffice shows of a DOCX: converted to PDF by a real `soffice`, then read back
/// with `pdftotext -layout`. Returns the text and the PDF's path.
fn libreoffice_text(
    dir: &std::path::Path,
    name: &str,
    bytes: &[u8],
) -> (String, std::path::PathBuf) {
    let docx = dir.join(format!("{name}.docx"));
    std::fs::write(&docx, bytes).unwrap();
    let found = Command::new("sh")
        .arg("-c")
        .arg("command -v soffice && command -v pdftotext")
        .output()
        .unwrap();
    assert!(
        found.status.success(),
        "soffice and pdftotext are needed: run scripts/test, which installs them"
    );
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    let status = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(&docx)
        .output()
        .unwrap();
    // soffice exits 0 even when it could not load the file: the PDF must exist.
    let pdf = dir.join(format!("{name}.pdf"));
    assert!(
        pdf.exists(),
        "LibreOffice could not convert the file: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let text = Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    (String::from_utf8_lossy(&text.stdout).into_owned(), pdf)
}

#[test]
fn an_edited_report_opens_in_libreoffice_with_its_numbers_mentions_and_lists() {
    use rapporteur::core::demo::demo_session;
    use rapporteur::report::edit::{History, Op};
    use rapporteur::report::{Options, assemble};

    // The issue's "done": group four statements, move the group to the top of the
    // interactive dialogue, merge two panellist paragraphs, undo the merge, export.
    let mut s = demo_session();
    let mut history = History::default();
    let find = |s: &rapporteur::core::Session, needle: &str| -> u32 {
        assemble(s, &Options::default())
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph {
                    content,
                    item: Some(id),
                    ..
                } if rapporteur::report::model::plain(content).contains(needle) => Some(*id),
                _ => None,
            })
            .unwrap()
    };
    let ids = [
        "reported that a report",
        "mentioned a new law",
        "national media",
        "finalizing a manual",
    ]
    .map(|t| find(&s, t));
    let group = history.apply(&mut s, &Op::Group(ids.to_vec())).unwrap();
    history
        .apply(
            &mut s,
            &Op::SetText {
                id: group,
                text: "{delegations} described national measures.".into(),
            },
        )
        .unwrap();
    let netherlands = find(&s, "welcomed resolution 44/14");
    history
        .apply(
            &mut s,
            &Op::MoveBefore {
                id: group,
                target: netherlands,
            },
        )
        .unwrap();
    let izsak = find(&s, "noted how human rights mechanisms");
    history.apply(&mut s, &Op::MergeWithNext(izsak)).unwrap();
    history.undo(&mut s).unwrap();

    let report = assemble(&s, &Options::default());
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = libreoffice_text(dir.path(), "edited", &to_docx(&report).unwrap());
    // The text as it runs on, without the running header and footer a page break puts
    // inside a paragraph.
    let flat = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            *l != report.header
                && *l != report.footer
                && !l.chars().all(|c| c.is_ascii_digit() || c == '\u{c}')
        })
        .collect::<Vec<_>>()
        .join(" ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "13. Many delegations, including Germany, Liechtenstein, Peru and Switzerland, described national measures.",
        "14. The representative of the Netherlands, speaking on behalf of the Group of Friends",
        "with the participation of the Chair of the National Human Rights Council of Morocco, Amina Bouayach,",
        "8. Ms. Bouayach highlighted",
        "9. Ms. Izsák-Ndiaye noted",
        "10. Mr. Serbin Pont underlined",
        "followed by Germany, Liechtenstein, Peru and Switzerland, as well as the European Union.",
        "18. In her concluding remarks, the Special Adviser considered",
    ] {
        assert!(
            flat.contains(expected),
            "{expected:?} not in what LibreOffice shows:\n{text}"
        );
    }
    assert!(
        !flat.contains("19. "),
        "18 paragraphs after grouping four into one"
    );
}

#[test]
fn libreoffice_opens_it_and_shows_numbers_and_footnotes() {
    let dir = tempfile::tempdir().unwrap();
    let (text, pdf) = libreoffice_text(dir.path(), "r2p", &to_docx(&r2p_report()).unwrap());
    // Kept for people to look at: the text and the first page as LibreOffice shows them.
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&target).unwrap();
    let _ = std::fs::write(target.join("r2p-libreoffice.txt"), &text);
    let page = Command::new("pdftoppm")
        .args(["-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(target.join("r2p-page-1"))
        .status()
        .unwrap();
    assert!(
        page.success() && target.join("r2p-page-1.png").exists(),
        "pdftoppm renders the first page"
    );
    // Page 1 as the UN sets it: "United Nations" and the symbol on the first line, the
    // organ beside "Distr.", then the body; no running header above them.
    let first_page = text.split('\u{c}').next().unwrap();
    let lines: Vec<&str> = first_page
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(
        lines[0].starts_with("United Nations") && lines[0].ends_with("A/HRC/48/xx"),
        "{lines:#?}"
    );
    assert!(lines[1].starts_with("General Assembly") && lines[1].ends_with("Distr.: General"));
    assert!(lines.contains(&"Human Rights Council"));
    assert_eq!(
        first_page.matches("A/HRC/48/xx").count(),
        1,
        "no running header on page 1"
    );
    assert!(
        first_page.contains("GE.22-29477"),
        "the job number in page 1's footer"
    );
    for expected in [
        "A/HRC/48/xx",
        "Introduction",
        "Interactive dialogue",
        "GE.22-29477",
        "Austria, Denmark, Ghana, Lithuania, Luxembourg and Slovenia.",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the PDF text"
        );
    }
    let numbers: Vec<u32> = text
        .lines()
        .filter_map(|l| {
            l.trim_start()
                .split_once(". ")
                .and_then(|(n, _)| n.parse().ok())
        })
        .collect();
    let expected: Vec<u32> = (1..=r2p_report().numbered().len() as u32).collect();
    for n in &expected {
        assert!(
            numbers.contains(n),
            "paragraph number {n} not rendered (found {numbers:?})"
        );
    }
}

/// Every kind of DOCX the suite writes, checked against the Open XML schemas and
/// Office's semantic rules by openxml-audit (the Open XML SDK's schema data, no .NET;
/// scripts/test installs it), and read back by python-docx. No finding is allowed.
#[test]
fn every_kind_of_docx_has_no_schema_finding_and_reads_back() {
    use rapporteur::core::demo::demo_session;
    use rapporteur::core::meeting::ReportKind;
    use rapporteur::core::proceedings::EntryKind;
    use rapporteur::core::session::NewIntervention;
    use rapporteur::report::edit::{History, Op};

    let dir = tempfile::tempdir().unwrap();
    let mut written = Vec::new();
    let mut write = |name: &str, report: &Report| {
        let path = dir.path().join(format!("{name}.docx"));
        std::fs::write(&path, to_docx(report).unwrap()).unwrap();
        written.push(path);
    };
    let seed = demo_session();
    write("seed-summary", &assemble(&seed, &Options::default()));
    write(
        "seed-minutes",
        &assemble(
            &seed,
            &Options {
                kind: Some(ReportKind::Minutes),
                issue_date: None,
            },
        ),
    );
    write(
        "seed-record",
        &assemble(
            &seed,
            &Options {
                kind: Some(ReportKind::SummaryRecord),
                issue_date: None,
            },
        ),
    );
    write("r2p-import", &r2p_report());
    // Steps of the proceedings: italic labels and lines, positions nested under a
    // decision, in the minutes and the record.
    let mut steps = seed.clone();
    let at = steps.interventions.last().unwrap().ended_at;
    let chair = rapporteur::core::Speaker::Participant(steps.meeting.chair.unwrap());
    let peru = rapporteur::core::Speaker::Delegation("peru".into());
    steps.report.decision_label = "Commitment".into();
    for (kind, speaker, text) in [
        (
            EntryKind::Decision,
            chair.clone(),
            "States commit to a follow-up panel",
        ),
        (
            EntryKind::Statement,
            peru.clone(),
            "welcomed it.\n- Commitment 1: Agreed.",
        ),
        (EntryKind::Suspension, chair.clone(), ""),
        (EntryKind::ChairTaken, chair.clone(), ""),
        (EntryKind::NextStep, peru, "Report back by 1 June 2022"),
    ] {
        steps.commit_entry(
            NewIntervention {
                speaker,
                on_behalf_of: None,
                started_at: at,
                ended_at: at + chrono::Duration::minutes(5),
                text: text.into(),
            },
            kind,
        );
    }
    for (name, kind) in [
        ("steps-minutes", ReportKind::Minutes),
        ("steps-record", ReportKind::SummaryRecord),
    ] {
        let report = assemble(
            &steps,
            &Options {
                kind: Some(kind),
                issue_date: None,
            },
        );
        let docx = to_docx(&report).unwrap();
        let document = parts(&docx)
            .into_iter()
            .find(|(n, _)| n == "word/document.xml")
            .unwrap()
            .1;
        assert!(document.contains("<w:i />"), "{name}: an italic run");
        write(name, &report);
    }
    // Edited: a thematic group, a footnote on it, a paragraph moved.
    let mut edited = seed.clone();
    let mut history = History::default();
    let ids: Vec<u32> = assemble(&edited, &Options::default())
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph {
                item: Some(id),
                number: Some(n),
                ..
            } if (13..=15).contains(n) => Some(*id),
            _ => None,
        })
        .collect();
    assert_eq!(ids.len(), 3);
    let group = history.apply(&mut edited, &Op::Group(ids)).unwrap();
    history
        .apply(
            &mut edited,
            &Op::AddFootnote {
                id: group,
                text: "A/HRC/47/1.".into(),
            },
        )
        .unwrap();
    history.apply(&mut edited, &Op::MoveUp(group)).unwrap();
    // Two subheadings, A. and B., in the interactive dialogue.
    for (after, title) in [(group, "National measures"), (group, "Prevention")] {
        let id = history.apply(&mut edited, &Op::InsertAfter(after)).unwrap();
        history
            .apply(
                &mut edited,
                &Op::SetText {
                    id,
                    text: title.into(),
                },
            )
            .unwrap();
        history.apply(&mut edited, &Op::ToggleHeading(id)).unwrap();
    }
    // Sub-paragraphs (a), (b) with (i) under (b), in the group's paragraph.
    history
        .apply(
            &mut edited,
            &Op::SetText {
                id: group,
                text: "{delegations} recommended:\n- national action plans;\n- risk assessments:\n-- at home;\n-- abroad.".into(),
            },
        )
        .unwrap();
    let edited_report = assemble(&edited, &Options::default());
    let docx = to_docx(&edited_report).unwrap();
    let document = parts(&docx)
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1;
    let heading2 = document.matches(r#"<w:pStyle w:val="Heading2" />"#).count();
    assert_eq!(heading2, 2, "both subheadings in the subheading style");
    assert!(document.contains("National measures") && document.contains(">A.\t<"));
    // Word numbers the sub-paragraphs: the list's second and third levels.
    assert_eq!(document.matches(r#"<w:ilvl w:val="1" />"#).count(), 2);
    assert_eq!(document.matches(r#"<w:ilvl w:val="2" />"#).count(), 2);
    let numbering = parts(&docx)
        .into_iter()
        .find(|(n, _)| n == "word/numbering.xml")
        .unwrap()
        .1;
    assert!(numbering.contains("lowerLetter") && numbering.contains("(%2)"));
    assert!(numbering.contains("lowerRoman") && numbering.contains("(%3)"));
    write("edited", &edited_report);
    // Hostile text in every place a report has text.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for n in 0..12 {
        let text = proptest::strategy::ValueTree::current(&nasty().new_tree(&mut runner).unwrap());
        write(&format!("hostile-{n}"), &report_with(&text));
    }

    // One file per run: run over a folder (`--recursive`), openxml-audit 0.8 mixed up
    // the footnotes of one file with another's and reported references as missing.
    let runs: Vec<_> = written
        .iter()
        .map(|path| {
            let child = Command::new("openxml-audit")
                .args(["--output", "json", "--max-errors", "0"])
                .arg(path)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("openxml-audit is not installed: run scripts/test, which installs it");
            (path, child)
        })
        .collect();
    for (path, child) in runs {
        let audit = child.wait_with_output().unwrap();
        let said: serde_json::Value = serde_json::from_slice(&audit.stdout).unwrap_or_else(|e| {
            panic!(
                "openxml-audit said no JSON for {} ({e}): {}{}",
                path.display(),
                String::from_utf8_lossy(&audit.stdout),
                String::from_utf8_lossy(&audit.stderr)
            )
        });
        let file = &said[0];
        assert_eq!(
            file["valid"].as_bool(),
            Some(true),
            "{}: {file:#}",
            path.display()
        );
        assert_eq!(
            file["error_count"].as_u64(),
            Some(0),
            "{}: {:#}",
            path.display(),
            file["errors"]
        );
        assert_eq!(file["warning_count"].as_u64(), Some(0), "{file:#}");
    }

    // python-docx reads styles, the numbering and the footnotes back.
    let read_back = r#"
import sys, docx
from docx.oxml.ns import qn
for path in sys.argv[1:]:
    d = docx.Document(path)
    names = {s.name for s in d.styles}
    assert "Numbered paragraph" in names and "Heading 1" in names, (path, names)
    numbering = d.part.numbering_part.element
    nums = [n.get(qn("w:numId")) for n in numbering.findall(qn("w:num"))]
    assert len(nums) == len(set(nums)), (path, nums)
    numbered = [p for p in d.paragraphs if p.style.name == "Numbered paragraph"]
    assert all(p._p.pPr.numPr is not None for p in numbered), path
    print(path.rsplit("/", 1)[-1], len(d.paragraphs), len(numbered))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(read_back)
        .args(&written)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python-docx could not read them back (scripts/test installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = String::from_utf8_lossy(&out.stdout);
    assert_eq!(lines.lines().count(), written.len(), "{lines}");
    assert!(
        lines
            .lines()
            .any(|l| l.starts_with("seed-summary.docx ") && !l.ends_with(" 0")),
        "{lines}"
    );
    // The summary record's paragraphs are numbered as Word numbers them too.
    assert!(
        lines
            .lines()
            .any(|l| l.starts_with("seed-record.docx ") && !l.ends_with(" 0")),
        "{lines}"
    );
}

#[test]
fn libreoffice_numbers_the_sub_paragraphs() {
    let mut report = report_with("Participants");
    report.blocks = vec![
        Block::Chapter {
            numeral: Some("I.".into()),
            title: "Recommendations".into(),
        },
        Block::Paragraph {
            number: Some(1),
            content: vec![
                Inline::text("Participants recommended:"),
                Inline::Item(1),
                Inline::text("national action plans;"),
                Inline::Item(1),
                Inline::text("risk assessments:"),
                Inline::Item(2),
                Inline::text("at home;"),
                Inline::Item(2),
                Inline::text("abroad."),
            ]
            .into(),
            generated: false,
            sources: Default::default(),
            item: None,
        },
    ];
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = libreoffice_text(dir.path(), "items", &to_docx(&report).unwrap());
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    for expected in [
        "1. Participants recommended:",
        "(a) national action plans;",
        "(b) risk assessments:",
        "(i) at home;",
        "(ii) abroad.",
    ] {
        assert!(
            lines.iter().any(|l| l == expected),
            "{expected:?} not in {lines:#?}"
        );
    }
}
