//! The editor screen driven headless through its real view: keys as the window delivers
//! them, typing in the paragraph's text box, a mouse drag and drop; then the report and
//! the file on disk are checked.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod support;

use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::selector::id;

use rapporteur::core::session::Session;
use rapporteur::report::model::plain;
use rapporteur::report::{Block, Options, Report, assemble};
use rapporteur::ui::app::{App, Message, Screen};
use rapporteur::ui::editor;
use support::ui::{Fixture, demo_app, drag, interact, key_event, simulator};

fn session(app: &App) -> &Session {
    &app.open.as_ref().unwrap().session
}

fn report(s: &Session) -> Report {
    assemble(s, &Options::default())
}

fn numbered(s: &Session, n: u32) -> String {
    report(s)
        .numbered()
        .into_iter()
        .find(|(m, _)| *m == n)
        .map(|(_, t)| t)
        .unwrap_or_default()
}

/// A key that reached the app because no widget took it (what `keyboard::listen` sends).
fn key(app: &mut App, key: Key, modifiers: Modifiers) {
    let _ = app.update(Message::Key(key, modifiers));
}

fn named(app: &mut App, named: Named, modifiers: Modifiers) {
    key(app, Key::Named(named), modifiers);
}

fn ctrl(app: &mut App, c: &str) {
    key(app, Key::Character(c.into()), Modifiers::CTRL);
}

fn open_editor() -> Fixture {
    let mut f = demo_app();
    ctrl(&mut f.app, "2");
    assert_eq!(f.app.screen, Screen::Editor);
    f
}

fn editor(app: &App) -> &rapporteur::ui::editor::Editor {
    &app.open.as_ref().unwrap().editor
}

#[test]
fn arrows_select_and_alt_up_moves_a_paragraph_with_its_first_mention() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = open_editor();
    // Paragraph 8 is Ms. Bouayach's statement, just after the panel paragraph.
    for _ in 0..7 {
        named(&mut app, Named::ArrowDown, Modifiers::empty());
    }
    assert_eq!(
        editor(&app).number_of(editor(&app).selected.unwrap()),
        Some(8)
    );
    let mut ui = simulator(&app);
    ui.find("Paragraph 8")
        .expect("the side panel names the selection");
    ui.find("From the log").expect("its provenance is shown");
    ui.find("highlighted the role of national human rights institutions in detecting early signs of atrocities through monitoring activities, reporting and follow-up of cases of violations with national authorities.")
        .expect("with the original notes");
    drop(ui);

    named(&mut app, Named::ArrowUp, Modifiers::ALT);
    let s = session(&app);
    assert!(
        numbered(s, 7).starts_with(
            "The Chair of the National Human Rights Council of Morocco, Amina Bouayach, highlighted"
        ),
        "{}",
        numbered(s, 7)
    );
    assert!(numbered(s, 8).contains("participation of Ms. Bouayach, the Rapporteur"));
    // Saved at once.
    app.settle();
    let on_disk = support::read_session(&path);
    assert_eq!(report(&on_disk), report(session(&app)));
    assert_eq!(
        editor(&app).number_of(editor(&app).selected.unwrap()),
        Some(7)
    );

    // Ctrl+Z as a key binding inside the text box, and as a plain key.
    interact(&mut app, |ui| {
        ui.click(id(editor::TEXT)).unwrap();
        ui.simulate([key_event(Key::Character("z".into()), Modifiers::CTRL)]);
    });
    assert!(numbered(session(&app), 8).starts_with("Ms. Bouayach highlighted"));
    ctrl(&mut app, "y");
    assert!(numbered(session(&app), 7).starts_with("The Chair of the National"));
}

#[test]
fn ctrl_g_moves_before_a_numbered_paragraph() {
    let Fixture { mut app, .. } = open_editor();
    for _ in 0..20 {
        named(&mut app, Named::ArrowDown, Modifiers::empty());
    }
    assert!(numbered(session(&app), 21).contains("valuable opportunity"));
    ctrl(&mut app, "g");
    interact(&mut app, |ui| {
        ui.click(id(editor::GOTO)).unwrap();
        ui.typewrite("3");
        ui.tap_key(Named::Enter);
    });
    let s = session(&app);
    assert!(numbered(s, 3).starts_with("In her concluding remarks, the Special Adviser to the Secretary-General on the Responsibility to Protect considered"), "{}", numbered(s, 3));
    // A number that does not exist is refused with a message.
    ctrl(&mut app, "g");
    interact(&mut app, |ui| {
        ui.click(id(editor::GOTO)).unwrap();
        ui.typewrite("99");
        ui.tap_key(Named::Enter);
    });
    let notice = app.notice.as_ref().unwrap();
    assert!(
        notice.error && notice.text.contains("There is no paragraph 99"),
        "{}",
        notice.text
    );
}

#[test]
fn grouping_from_the_keyboard_then_typing_the_rest_merging_and_undoing() {
    let Fixture {
        mut app,
        path,
        _dir,
    } = open_editor();
    // Paragraphs 15-18: Peru, Germany, Liechtenstein, Switzerland.
    for _ in 0..14 {
        named(&mut app, Named::ArrowDown, Modifiers::empty());
    }
    for _ in 0..4 {
        named(&mut app, Named::Space, Modifiers::empty());
        named(&mut app, Named::ArrowDown, Modifiers::empty());
    }
    assert_eq!(editor(&app).marked.len(), 4);
    ctrl(&mut app, "t");
    // The text box now holds the proposed opening; type the rest after it.
    interact(&mut app, |ui| {
        ui.click(id(editor::TEXT)).unwrap();
        ui.simulate([key_event(Key::Named(Named::End), Modifiers::CTRL)]);
        ui.typewrite("described national measures.");
    });
    let s = session(&app);
    let text = numbered(s, 15);
    assert_eq!(
        text,
        "Many delegations, including Germany, Liechtenstein, Peru and Switzerland, described national measures."
    );
    // Moved to the top of the interactive dialogue: before paragraph 13 (the Netherlands).
    ctrl(&mut app, "g");
    interact(&mut app, |ui| {
        ui.click(id(editor::GOTO)).unwrap();
        ui.typewrite("13");
        ui.tap_key(Named::Enter);
    });
    assert_eq!(numbered(session(&app), 13), text);
    // Typing is saved within a tick; the move at once.
    let _ = app.update(Message::Tick);
    app.settle();
    assert_eq!(report(&support::read_session(&path)), report(session(&app)));

    // Merge two panellist paragraphs (9 and 10), then undo the merge.
    let before = report(session(&app));
    for _ in 0..20 {
        named(&mut app, Named::ArrowUp, Modifiers::empty());
    }
    for _ in 0..8 {
        named(&mut app, Named::ArrowDown, Modifiers::empty());
    }
    assert!(numbered(session(&app), 9).starts_with("Ms. Izsák-Ndiaye noted"));
    ctrl(&mut app, "m");
    assert!(numbered(session(&app), 9).contains("atrocities. Mr. Serbin Pont underlined"));
    assert_eq!(
        report(session(&app)).numbered().len(),
        before.numbered().len() - 1
    );
    ctrl(&mut app, "z");
    assert_eq!(report(session(&app)), before);
    assert_eq!(app.notice.as_ref().unwrap().text, "Undid: merge.");
}

#[test]
fn insert_type_split_and_footnote() {
    let Fixture { mut app, .. } = open_editor();
    ctrl(&mut app, "i");
    interact(&mut app, |ui| {
        ui.click(id(editor::TEXT)).unwrap();
        ui.typewrite("{Peru} stressed prevention. {Bouayach} agreed.");
    });
    let s = session(&app);
    assert_eq!(
        numbered(s, 2),
        "The representative of Peru stressed prevention. The Chair of the National Human Rights Council of Morocco, Amina Bouayach, agreed."
    );
    // The panel paragraph no longer carries her first mention.
    assert!(
        report(s)
            .numbered()
            .iter()
            .any(|(_, t)| t.contains("participation of Ms. Bouayach"))
    );

    // Split at the cursor: put it just before "{Bouayach}".
    interact(&mut app, |ui| {
        ui.click(id(editor::TEXT)).unwrap();
        ui.simulate([key_event(Key::Named(Named::End), Modifiers::CTRL)]);
        for _ in 0.."{Bouayach} agreed.".chars().count() {
            ui.simulate([key_event(Key::Named(Named::ArrowLeft), Modifiers::empty())]);
        }
        ui.simulate([key_event(Key::Named(Named::Enter), Modifiers::ALT)]);
    });
    let s = session(&app);
    assert_eq!(
        numbered(s, 2),
        "The representative of Peru stressed prevention."
    );
    assert!(numbered(s, 3).starts_with(
        "The Chair of the National Human Rights Council of Morocco, Amina Bouayach, agreed."
    ));

    interact(&mut app, |ui| {
        ui.click(id(editor::FOOTNOTE)).unwrap();
        ui.typewrite("A/HRC/RES/44/14.");
        ui.tap_key(Named::Enter);
    });
    let r = report(session(&app));
    assert_eq!(r.footnotes()[0], "A/HRC/RES/44/14.");
    let carrier = r
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph {
                number: Some(n),
                content,
                ..
            } if content
                .iter()
                .any(|i| matches!(i, rapporteur::report::Inline::Footnote(_))) =>
            {
                Some((*n, plain(content)))
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(
        carrier.0, 3,
        "the footnote sits on the selected (second) half"
    );
}

#[test]
fn a_paragraph_dragged_with_the_mouse_takes_the_place_of_another() {
    let Fixture { mut app, .. } = open_editor();
    let messages: Vec<Message> = {
        let mut ui = simulator(&app);
        let from = ui.find("5.").unwrap().visible_bounds().unwrap().center();
        let to = ui.find("3.").unwrap().visible_bounds().unwrap().center();
        drag(&mut ui, from, to);
        ui.into_messages().collect()
    };
    for message in messages {
        let _ = app.update(message);
    }
    let s = session(&app);
    // Mr. Al-Qahtani's statement now comes before the list of opening speakers, so it
    // carries his full title.
    assert!(
        numbered(s, 3).starts_with("The Special Envoy of the Foreign Minister of Qatar"),
        "{}",
        numbered(s, 3)
    );
    assert!(numbered(s, 3).contains("Mutlaq bin Majed Al-Qahtani, began by stating"));
    assert!(
        numbered(s, 4).contains("Mr. Al-Qahtani and the Special Adviser"),
        "{}",
        numbered(s, 4)
    );
}

#[test]
fn keys_meant_for_another_screen_do_nothing_harmful() {
    let Fixture { mut app, .. } = demo_app();
    assert_eq!(app.screen, Screen::Capture);
    let before = session(&app).clone();
    // Esc with nothing to close, and the editor's keys, on the capture screen.
    named(&mut app, Named::Escape, Modifiers::empty());
    named(&mut app, Named::ArrowUp, Modifiers::ALT);
    ctrl(&mut app, "m");
    ctrl(&mut app, "z");
    named(&mut app, Named::Space, Modifiers::empty());
    assert_eq!(session(&app), &before);
    ctrl(&mut app, "4");
    named(&mut app, Named::Escape, Modifiers::empty());
    ctrl(&mut app, "m");
    assert_eq!(session(&app), &before);
}

/// A statement handed in writing (not heard for lack of time) is named in the
/// participation paragraph, and its text is there for the editor beside that paragraph.
#[test]
fn written_statements_are_readable_beside_the_participation_paragraph() {
    use rapporteur::core::intervention::Speaker;
    use rapporteur::core::layout::Generated;
    use rapporteur::core::speakers::{Inscription, InscriptionStatus};

    let Fixture {
        mut app,
        path: _path,
        _dir,
    } = demo_app();
    {
        let open = app.open.as_mut().unwrap();
        let belgium = open
            .session
            .ensure_delegation(rapporteur::core::delegation::find_builtin("Belgium").unwrap());
        open.session.inscriptions.push(Inscription {
            id: 900,
            speaker: Speaker::Delegation(belgium),
            on_behalf_of: None,
            status: InscriptionStatus::NotDelivered,
            text: "Belgium underlined the value of early warning mechanisms.".into(),
        });
    }
    ctrl(&mut app, "2");
    let participation = app
        .open
        .as_ref()
        .unwrap()
        .session
        .layout
        .resolve(session(&app))
        .paragraphs()
        .find(|p| matches!(p.generated, Some(Generated::Participation(_))))
        .map(|p| p.id)
        .expect("the demo has an interactive dialogue");
    let _ = app.update(Message::Editor(editor::Message::Press(participation)));
    let _ = app.update(Message::Editor(editor::Message::Release(participation)));
    assert_eq!(editor(&app).selected, Some(participation));
    let mut ui = simulator(&app);
    ui.find("Written statements")
        .expect("the section is shown for the participation paragraph");
    ui.find("Belgium underlined the value of early warning mechanisms.")
        .expect("with the text handed in");
    let n = editor(&app).number_of(participation).unwrap();
    assert!(numbered(session(&app), n).contains("A written statement was submitted by Belgium."));
}

#[test]
fn ctrl_h_makes_a_written_paragraph_a_lettered_subheading_and_back() {
    let Fixture { mut app, .. } = open_editor();
    let before = report(session(&app)).numbered().len();
    ctrl(&mut app, "i");
    interact(&mut app, |ui| {
        ui.click(id(editor::TEXT)).unwrap();
        ui.typewrite("Prevention at the national level");
    });
    assert_eq!(report(session(&app)).numbered().len(), before + 1);
    // Ctrl+H typed in the paragraph's own text box.
    interact(&mut app, |ui| {
        ui.click(id(editor::TEXT)).unwrap();
        ui.simulate([key_event(Key::Character("h".into()), Modifiers::CTRL)]);
    });
    let r = report(session(&app));
    assert_eq!(r.numbered().len(), before, "a subheading takes no number");
    assert!(r.blocks.iter().any(|b| matches!(
        b,
        Block::Subheading { letter, content, .. }
            if letter == "A." && plain(content) == "Prevention at the national level"
    )));
    // The list and the side panel say what it is.
    let mut ui = simulator(&app);
    assert!(ui.find("A.").is_ok());
    assert!(ui.find("Subheading A. (Ctrl+H: a paragraph again)").is_ok());
    drop(ui);
    // A statement's paragraph refuses, with why.
    named(&mut app, Named::ArrowDown, Modifiers::empty());
    ctrl(&mut app, "h");
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.error && n.text.contains("Only a paragraph written here")),
        "{:?}",
        app.notice
    );
    // Back up and Ctrl+H again: a numbered paragraph once more.
    named(&mut app, Named::ArrowUp, Modifiers::empty());
    ctrl(&mut app, "h");
    assert_eq!(report(session(&app)).numbered().len(), before + 1);
}

#[test]
fn a_paragraph_s_warning_shows_next_to_it_in_the_editor_and_the_preview() {
    let Fixture { mut app, .. } = open_editor();
    ctrl(&mut app, "i");
    interact(&mut app, |ui| {
        ui.click(id(editor::TEXT)).unwrap();
        ui.typewrite("{Nobody Known} agreed.");
    });
    let wanted =
        "{Nobody Known} names no participant or delegation of this session (or more than one).";
    {
        let mut ui = simulator(&app);
        ui.find("1 warning").expect("the red tag in the list");
        ui.find(wanted).expect("the warning in the side panel");
    }
    // Another paragraph selected: its own panel says where the warning is.
    named(&mut app, Named::Escape, Modifiers::empty());
    named(&mut app, Named::ArrowDown, Modifiers::empty());
    {
        let mut ui = simulator(&app);
        assert!(ui.find(wanted).is_err(), "not under another paragraph");
        ui.find("1 other paragraph with warnings: see the red tags in the list.")
            .expect("the count of the others");
    }
    ctrl(&mut app, "3");
    let mut ui = simulator(&app);
    ui.find(wanted)
        .expect("the warning under the paragraph in the preview");
}

#[test]
fn a_written_statement_is_taken_into_the_report_from_the_editor() {
    let mut s = rapporteur::core::demo::demo_session();
    let italy = s
        .inscriptions
        .iter_mut()
        .find(|i| i.status == rapporteur::core::speakers::InscriptionStatus::WrittenOnly)
        .unwrap();
    italy.text = "stressed the role of national action plans.".into();
    let Fixture {
        mut app,
        path,
        _dir,
    } = support::ui::app_on(s);
    ctrl(&mut app, "2");
    // The participation paragraph offers the written statements.
    let participation = report(session(&app))
        .numbered()
        .into_iter()
        .find(|(_, t)| t.contains("A written statement was submitted by Italy."))
        .unwrap()
        .0;
    for _ in 1..participation {
        named(&mut app, Named::ArrowDown, Modifiers::empty());
    }
    interact(&mut app, |ui| {
        ui.click("Use in the report").unwrap();
    });
    let wanted = "In a written statement, the delegation of Italy stressed the role of national action plans.";
    let r = report(session(&app));
    assert!(
        r.numbered().iter().any(|(_, t)| t == wanted),
        "{:#?}",
        r.numbered()
    );
    // It is selected, the button says it is in, and it is saved.
    let selected = editor(&app).selected.unwrap();
    assert_eq!(
        numbered(session(&app), editor(&app).number_of(selected).unwrap()),
        wanted
    );
    app.settle();
    let on_disk = support::read_session(&path);
    assert!(
        on_disk.interventions.iter().any(|i| i.written),
        "saved at once"
    );
    for _ in 0..40 {
        named(&mut app, Named::ArrowUp, Modifiers::empty());
    }
    for _ in 1..participation {
        named(&mut app, Named::ArrowDown, Modifiers::empty());
    }
    let mut ui = simulator(&app);
    ui.find("in the report").expect("taken in");
    assert!(ui.find("Use in the report").is_err());
}

#[test]
fn the_word_count_and_its_limit_are_always_in_view_red_when_over() {
    let mut f = open_editor();
    let words = rapporteur::report::checker::word_count(&editor(&f.app).report).total;
    assert!(words > 500, "{words}");
    let shown = format!(
        "{} of 8,500 words",
        rapporteur::report::checker::thousands(words)
    );
    assert!(simulator(&f.app).find(shown.as_str()).is_ok(), "{shown}");
    // The meeting's own limit, set below the count: said to be over.
    f.app.open.as_mut().unwrap().session.report.check.word_limit = Some(100);
    ctrl(&mut f.app, "3");
    ctrl(&mut f.app, "2");
    let _ = f
        .app
        .update(Message::Key(Key::Character("3".into()), Modifiers::CTRL));
    assert_eq!(f.app.screen, Screen::Preview);
    let over = format!(
        "{} of 100 words: over the limit",
        rapporteur::report::checker::thousands(
            rapporteur::report::checker::word_count(&f.app.open.as_ref().unwrap().preview.report)
                .total
        )
    );
    assert!(simulator(&f.app).find(over.as_str()).is_ok(), "{over}");
}

/// The demo meeting with a slip typed into one statement's notes.
fn editor_with_a_slip() -> (Fixture, u64) {
    let mut s = rapporteur::core::demo::demo_session();
    let last = s.interventions.len() - 1;
    let id = s.interventions[last].id;
    let mut changed = (*s.interventions[last]).clone();
    changed.text = "stresses that prevention was the best protection.".into();
    s.update_intervention(changed);
    let mut f = support::ui::app_on(s);
    ctrl(&mut f.app, "2");
    assert_eq!(f.app.screen, Screen::Editor);
    (f, id)
}

#[test]
fn f8_goes_to_a_finding_and_ctrl_shift_f_fixes_it_in_one_undo_step() {
    let (mut f, id) = editor_with_a_slip();
    let findings = editor(&f.app).findings.clone();
    let at = findings
        .iter()
        .position(|x| x.excerpt == "stresses")
        .unwrap_or_else(|| panic!("{findings:#?}"));
    // The count is on the toolbar; Ctrl+K opens the panel.
    let count = format!("{} findings  Ctrl+K", findings.len());
    let count = if findings.len() == 1 {
        "1 finding  Ctrl+K".to_string()
    } else {
        count
    };
    assert!(simulator(&f.app).find(count.as_str()).is_ok(), "{count}");
    ctrl(&mut f.app, "k");
    assert!(editor(&f.app).show_findings);
    assert!(
        simulator(&f.app)
            .find("reported speech is in the past")
            .is_err(),
        "no finding gone to yet"
    );
    for _ in 0..=at {
        named(&mut f.app, Named::F8, Modifiers::empty());
    }
    assert_eq!(editor(&f.app).finding, Some(at));
    // Its paragraph is selected, and the words it flags are selected in the text box.
    let paragraph = editor(&f.app).selected.unwrap();
    assert!(
        editor(&f.app)
            .report
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Paragraph { item: Some(i), sources, .. } if *i == paragraph && sources.contains(&id)))
    );
    assert_eq!(
        editor(&f.app).content.selection().as_deref(),
        Some("stresses")
    );
    assert!(
        simulator(&f.app)
            .find("reported speech is in the past")
            .is_ok()
    );
    let before = session(&f.app).layout.clone();
    key(
        &mut f.app,
        Key::Character("f".into()),
        Modifiers::CTRL | Modifiers::SHIFT,
    );
    let printed = |app: &App| {
        editor(app)
            .report
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph {
                    sources, content, ..
                } if sources.contains(&id) => Some(plain(content)),
                _ => None,
            })
            .unwrap()
    };
    assert!(
        printed(&f.app).contains("stressed that prevention"),
        "{}",
        printed(&f.app)
    );
    assert!(
        !editor(&f.app)
            .findings
            .iter()
            .any(|x| x.excerpt == "stresses")
    );
    // One undo step takes the fix back.
    ctrl(&mut f.app, "z");
    assert!(printed(&f.app).contains("stresses that prevention"));
    assert_eq!(session(&f.app).layout.chapters, before.chapters);
}

#[test]
fn ctrl_shift_i_ignores_a_finding_for_the_meeting() {
    let (mut f, _) = editor_with_a_slip();
    let before = editor(&f.app).findings.len();
    let at = editor(&f.app)
        .findings
        .iter()
        .position(|x| x.excerpt == "stresses")
        .unwrap();
    for _ in 0..=at {
        named(&mut f.app, Named::F8, Modifiers::empty());
    }
    key(
        &mut f.app,
        Key::Character("i".into()),
        Modifiers::CTRL | Modifiers::SHIFT,
    );
    assert!(
        session(&f.app)
            .report
            .check
            .ignored
            .contains(&("tense".to_string(), "stresses".to_string()))
    );
    assert_eq!(editor(&f.app).findings.len(), before - 1);
    // Kept on disk with the meeting.
    f.app.settle();
    let on_disk = support::read_session(&f.path);
    assert_eq!(on_disk.report.check.ignored.len(), 1);
}
