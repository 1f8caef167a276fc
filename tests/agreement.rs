//! Agreement in the generated paragraphs: meetings with none, one or several of each kind
//! of participant (States, regional organizations, United Nations entities, NGOs, groups,
//! delegations not heard, opening speakers, panellists), every generated sentence read
//! word for word for the cases that matter and checked for slips in every combination.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

use rapporteur::core::import::import_log_csv;
use rapporteur::core::meeting::{Meeting, ReportKind};
use rapporteur::report::{Options, assemble};

const HEADER: &str = "segment,role,honorific,name,family_name,title,short_title,delegation,kind,on_behalf_of,group_members,status,start,text\n";

#[derive(Debug, Clone, Copy, Default)]
struct Mix {
    opening: usize,
    panellists: usize,
    states: usize,
    regional: usize,
    un: usize,
    ngos: usize,
    /// Regional organizations speaking for a group (each its own group).
    groups: usize,
    not_heard_states: usize,
    not_heard_others: usize,
    participants: Option<u32>,
}

const STATES: [&str; 3] = ["Peru", "Chile", "Ghana"];
const REGIONAL: [&str; 3] = ["the Andean Community", "Caribbean Forum", "Nordic Union"];
const UN: [&str; 3] = ["UNICEF", "UNHCR", "UNDP"];
const NGOS: [&str; 3] = ["Alpha Rights Watch", "Beta Legal Aid", "Gamma Forum"];
const NOT_HEARD: [&str; 3] = ["Belgium", "Italy", "Kenya"];
const NOT_HEARD_OTHERS: [&str; 3] = ["Delta Observatory", "Epsilon Network", "Zeta Trust"];

fn csv(mix: &Mix) -> String {
    let mut out = String::from(HEADER);
    let mut minute = 0;
    // The first row of a segment names it; the rows after it leave the cell empty.
    let mut row = |segment: &mut &str,
                   role: &str,
                   name: &str,
                   title: &str,
                   delegation: &str,
                   kind: &str,
                   behalf: &str,
                   status: &str| {
        minute += 1;
        out.push_str(&format!(
            "{},{role},,{name},,{title},,{delegation},{kind},{behalf},{members},{status},10:{minute:02},said something.\n",
            std::mem::take(segment),
            members = if behalf.is_empty() { "" } else { "Members listed here" },
        ));
    };
    let mut segment = "Opening statements";
    row(
        &mut segment,
        "chair",
        "",
        "Chair of the Council",
        "",
        "",
        "",
        "",
    );
    for n in 0..mix.opening {
        row(
            &mut segment,
            "opening",
            &format!("Opener{n} Aa"),
            "Minister",
            "",
            "",
            "",
            "",
        );
    }
    segment = "Panel discussion";
    row(
        &mut segment,
        "moderator",
        "Mod Era",
        "Journalist",
        "",
        "",
        "",
        "",
    );
    for n in 0..mix.panellists {
        row(
            &mut segment,
            "panellist",
            &format!("Panel{n} Bb"),
            "Professor",
            "",
            "",
            "",
            "",
        );
    }
    segment = "Interactive dialogue";
    for name in STATES.iter().take(mix.states) {
        row(&mut segment, "floor", "", "", name, "state", "", "");
    }
    for name in REGIONAL.iter().take(mix.regional) {
        row(&mut segment, "floor", "", "", name, "regional", "", "");
    }
    for name in UN.iter().take(mix.un) {
        row(&mut segment, "floor", "", "", name, "un", "", "");
    }
    for name in NGOS.iter().take(mix.ngos) {
        row(&mut segment, "floor", "", "", name, "ngo", "", "");
    }
    for (name, group) in [
        ("European Union", "Group of Friends of Water"),
        ("African Union", "Group of African States"),
        ("League of Arab States", "Group of Arab States"),
    ]
    .iter()
    .take(mix.groups)
    {
        row(&mut segment, "floor", "", "", name, "regional", group, "");
    }
    for name in NOT_HEARD.iter().take(mix.not_heard_states) {
        row(
            &mut segment,
            "floor",
            "",
            "",
            name,
            "state",
            "",
            "not_delivered",
        );
    }
    for name in NOT_HEARD_OTHERS.iter().take(mix.not_heard_others) {
        row(
            &mut segment,
            "floor",
            "",
            "",
            name,
            "ngo",
            "",
            "not_delivered",
        );
    }
    out
}

fn paragraphs(mix: &Mix) -> Vec<String> {
    let meeting = Meeting {
        title: "Panel on water".into(),
        body: "Human Rights Council".into(),
        mandate: "resolution 1/1".into(),
        report_kind: ReportKind::PanelSummary,
        participants_count: mix.participants,
        ..Meeting::default()
    };
    let session = import_log_csv(csv(mix), meeting, "agreement").unwrap();
    assemble(&session, &Options::default())
        .numbered()
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

fn has(paragraphs: &[String], wanted: &str) {
    assert!(
        paragraphs.iter().any(|t| t == wanted),
        "no {wanted:?} in {paragraphs:#?}"
    );
}

fn starting<'a>(paragraphs: &'a [String], start: &str) -> Option<&'a str> {
    paragraphs
        .iter()
        .find(|p| p.contains(start))
        .map(String::as_str)
}

#[test]
fn one_of_each_is_named_in_the_singular() {
    let one = Mix {
        opening: 1,
        panellists: 1,
        states: 1,
        ngos: 1,
        not_heard_states: 1,
        ..Mix::default()
    };
    let p = paragraphs(&one);
    has(
        &p,
        "The Minister, Opener0 Aa, delivered an opening statement.",
    );
    has(
        &p,
        "The panel discussion was moderated by the Journalist, Mod Era, with the participation of the Professor, Panel0 Bb.",
    );
    assert_eq!(
        starting(&p, "took the floor.").unwrap(),
        "The representative of Peru took the floor. The delegation of Belgium was also inscribed on the list of speakers, but was not able to deliver its statement owing to time constraints. Its views however are reflected in the present report. A written statement was submitted by Belgium."
    );
    assert_eq!(
        starting(&p, "non-governmental").unwrap(),
        "A delegate of the following non-governmental organization (NGO) also took the floor: Alpha Rights Watch."
    );
}

#[test]
fn several_of_each_are_counted_in_the_plural() {
    let many = Mix {
        opening: 2,
        panellists: 2,
        states: 2,
        regional: 1,
        un: 2,
        ngos: 2,
        not_heard_states: 2,
        not_heard_others: 1,
        participants: Some(40),
        ..Mix::default()
    };
    let p = paragraphs(&many);
    has(
        &p,
        "The Minister, Opener0 Aa, and the Minister, Opener1 Aa, delivered opening statements.",
    );
    assert_eq!(
        starting(&p, "participants at the panel").unwrap(),
        "There were 40 participants at the panel discussion. Among them, representatives of two States, one regional organization and two United Nations entities took the floor: Chile and Peru, as well as the Andean Community, the Office of the United Nations High Commissioner for Refugees and the United Nations Children's Fund. The delegations of Belgium and Italy, as well as a representative of Delta Observatory, were also inscribed on the list of speakers, but were not able to deliver statements owing to time constraints. Their views however are reflected in the present report. Written statements were submitted by Belgium, Delta Observatory and Italy."
    );
    assert_eq!(
        starting(&p, "non-governmental").unwrap(),
        "Delegates of the following non-governmental organizations (NGOs) also took the floor: Alpha Rights Watch and Beta Legal Aid."
    );
}

#[test]
fn one_group_or_one_organization_not_heard_agree_too() {
    let p = paragraphs(&Mix {
        groups: 1,
        not_heard_others: 1,
        participants: Some(1),
        ..Mix::default()
    });
    assert_eq!(
        starting(&p, "took the floor.").unwrap(),
        "There was one participant at the panel discussion. Among them, the representative of the European Union, speaking on behalf of the Group of Friends of Water, took the floor. A representative of Delta Observatory was also inscribed on the list of speakers, but was not able to deliver a statement owing to time constraints. Their views however are reflected in the present report. A written statement was submitted by Delta Observatory."
    );
    let p = paragraphs(&Mix {
        panellists: 1,
        ..Mix::default()
    });
    has(
        &p,
        "The panel discussion was moderated by the Journalist, Mod Era, with the participation of the Professor, Panel0 Bb.",
    );
}

/// Slips an editor would mark, as (pattern, why).
const SLIPS: [(&str, &str); 10] = [
    ("one States", "one with a plural"),
    ("one regional organizations", "one with a plural"),
    ("one United Nations entities", "one with a plural"),
    ("one other organizations", "one with a plural"),
    (
        "representatives of one State took",
        "one State counted, not named",
    ),
    (
        "representatives of one regional organization took",
        "one counted, not named",
    ),
    (
        "delegations of Belgium was",
        "plural subject, singular verb",
    ),
    (
        "delegation of Belgium were",
        "singular subject, plural verb",
    ),
    (
        "organizations (NGOs) also took the floor: Alpha Rights Watch.",
        "one NGO in the plural",
    ),
    ("  ", "double space"),
];

#[test]
fn no_combination_of_none_one_or_several_leaves_a_slip() {
    let counts = [0, 1, 2];
    let mut checked = 0;
    for opening in counts {
        for states in counts {
            for regional in counts {
                for un in [0, 1] {
                    for ngos in counts {
                        for groups in [0, 1, 2] {
                            for not_heard_states in counts {
                                for not_heard_others in [0, 1] {
                                    let mix = Mix {
                                        opening,
                                        panellists: opening,
                                        states,
                                        regional,
                                        un,
                                        ngos,
                                        groups,
                                        not_heard_states,
                                        not_heard_others,
                                        participants: None,
                                    };
                                    check(&mix, &paragraphs(&mix));
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 3 * 3 * 3 * 2 * 3 * 3 * 3 * 2);
}

fn check(mix: &Mix, paragraphs: &[String]) {
    for text in paragraphs {
        for (slip, why) in SLIPS {
            assert!(!text.contains(slip), "{why}: {text:?} in {mix:?}");
        }
        assert!(text.ends_with('.'), "no final stop: {text:?} in {mix:?}");
    }
    let opening = paragraphs.iter().find(|t| t.contains("opening statement"));
    match mix.opening {
        0 => assert!(opening.is_none(), "{mix:?}"),
        1 => assert!(
            opening
                .unwrap()
                .ends_with("delivered an opening statement.")
        ),
        _ => assert!(opening.unwrap().ends_with("delivered opening statements.")),
    }
    let heard = mix.states + mix.regional + mix.un + mix.groups;
    let floor = paragraphs
        .iter()
        .find(|t| t.contains("took the floor") && !t.contains("NGO"));
    match heard {
        0 if mix.not_heard_states + mix.not_heard_others == 0 => {
            assert!(floor.is_none(), "{mix:?}: {floor:?}")
        }
        0 => {}
        1 => assert!(
            floor.unwrap().starts_with("The representative of "),
            "{mix:?}: {floor:?}"
        ),
        _ => assert!(
            floor.unwrap().starts_with("Representatives of "),
            "{mix:?}: {floor:?}"
        ),
    }
    let not_heard = paragraphs.iter().find(|t| t.contains("inscribed"));
    match (mix.not_heard_states, mix.not_heard_others) {
        (0, 0) => assert!(not_heard.is_none()),
        (1, 0) => assert!(not_heard.unwrap().contains(
            "was not able to deliver its statement owing to time constraints. Its views"
        )),
        (0, 1) => assert!(
            not_heard
                .unwrap()
                .contains("A representative of Delta Observatory was also inscribed")
        ),
        _ => assert!(not_heard.unwrap().contains(
            "were not able to deliver statements owing to time constraints. Their views"
        )),
    }
    let ngos = paragraphs.iter().find(|t| t.contains("(NGO"));
    match mix.ngos {
        0 => assert!(ngos.is_none()),
        1 => assert!(
            ngos.unwrap()
                .starts_with("A delegate of the following non-governmental organization (NGO) ")
        ),
        _ => assert!(
            ngos.unwrap()
                .starts_with("Delegates of the following non-governmental organizations (NGOs) ")
        ),
    }
}
