//! A sample meeting modelled on the 2021 intersessional panel on the responsibility to
//! protect (A/HRC/48/xx), so that a newcomer has something real to explore.
// The sample is data written here, never read from a file or a person.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::delegation::{Delegation, DelegationKind, find_builtin};
use super::intervention::Speaker;
use super::meeting::ReportKind;
use super::participant::{Honorific, Participant, Pronoun, Role};
use super::session::{NewIntervention, Session};
use super::speakers::{Inscription, InscriptionStatus};

fn builtin(session: &mut Session, name: &str) -> String {
    session.ensure_delegation(find_builtin(name).expect("demo names are in the catalogue"))
}

pub fn demo_session() -> Session {
    let mut s = Session::new(
        "Panel on the responsibility to protect",
        ReportKind::PanelSummary,
    );
    let m = &mut s.meeting;
    m.title = "Intersessional panel discussion to mark the fifteenth anniversary of the responsibility to protect".into();
    m.body = "Human Rights Council".into();
    m.session = "Forty-eighth session".into();
    m.mandate = "resolution 44/14".into();
    m.date = NaiveDate::from_ymd_opt(2021, 5, 11);
    m.start_time = NaiveTime::from_hms_opt(15, 0, 0);
    m.end_time = NaiveTime::from_hms_opt(18, 0, 0);
    m.time_zone = "Europe/Zurich".into();
    m.venue = "Palais des Nations, Geneva, and online".into();
    m.symbol = "A/HRC/48/xx".into();
    m.job_number = "GE.22-29477".into();
    m.agenda_item_number = "3".into();
    m.agenda_item_title = "Promotion and protection of all human rights, civil, political, economic, social and cultural rights, including the right to development".into();
    m.participants_count = Some(112);

    let bahamas = builtin(&mut s, "Bahamas");
    let ohchr = builtin(&mut s, "OHCHR");
    let qatar = builtin(&mut s, "Qatar");
    let morocco_nhri = s.ensure_delegation(&Delegation::new(
        DelegationKind::Nhri,
        "National Human Rights Council of Morocco",
        true,
    ));
    for name in [
        "Argentina",
        "Cameroon",
        "China",
        "Cuba",
        "Denmark",
        "Germany",
        "Indonesia",
        "Mexico",
        "Netherlands",
        "Ukraine",
        "Uruguay",
        "Bahamas",
    ] {
        let id = builtin(&mut s, name);
        s.meeting.council_members.push(id);
    }

    let person = |honorific,
                  given: &str,
                  family: &str,
                  title: &str,
                  pronoun,
                  role,
                  delegation: Option<&String>| Participant {
        honorific,
        given_names: given.into(),
        family_name: family.into(),
        title: title.into(),
        pronoun,
        role,
        delegation: delegation.cloned(),
        ..Participant::default()
    };
    let official = |title: &str, short: &str, role, delegation: Option<&String>| Participant {
        title: title.into(),
        short_title: short.into(),
        title_only: true,
        pronoun: Pronoun::She,
        role,
        delegation: delegation.cloned(),
        ..Participant::default()
    };
    let chair = s.add_participant(official(
        "Permanent Representative of the Bahamas and Vice-President of the Human Rights Council",
        "the Vice-President",
        Role::Chair,
        Some(&bahamas),
    ));
    s.meeting.chair = Some(chair);
    let hc = s.add_participant(official(
        "United Nations High Commissioner for Human Rights",
        "the High Commissioner",
        Role::OpeningSpeaker,
        Some(&ohchr),
    ));
    let envoy = s.add_participant(person(
        Honorific::Mr,
        "Mutlaq bin Majed",
        "Al-Qahtani",
        "Special Envoy of the Foreign Minister of Qatar for counter-terrorism and mediation of conflict and national focal point for the responsibility to protect",
        Pronoun::He,
        Role::OpeningSpeaker,
        Some(&qatar),
    ));
    let adviser = s.add_participant(official(
        "Special Adviser to the Secretary-General on the Responsibility to Protect",
        "the Special Adviser",
        Role::OpeningSpeaker,
        None,
    ));
    let moderator = s.add_participant(person(
        Honorific::Ms,
        "Savita",
        "Pawnday",
        "Deputy Executive Director of the Global Centre for the Responsibility to Protect",
        Pronoun::She,
        Role::Moderator,
        None,
    ));
    let bouayach = s.add_participant(person(
        Honorific::Ms,
        "Amina",
        "Bouayach",
        "Chair of the National Human Rights Council of Morocco",
        Pronoun::She,
        Role::Panellist,
        Some(&morocco_nhri),
    ));
    let izsak = s.add_participant(person(
        Honorific::Ms,
        "Rita",
        "Izsák-Ndiaye",
        "Rapporteur of the Committee on the Elimination of Racial Discrimination and former Special Rapporteur on minority issues",
        Pronoun::She,
        Role::Panellist,
        None,
    ));
    let serbin = s.add_participant(person(
        Honorific::Mr,
        "Andrei",
        "Serbin Pont",
        "Director of the Coordinadora Regional de Investigaciones Económicas y Sociales",
        Pronoun::He,
        Role::Panellist,
        None,
    ));
    let _ = moderator;

    let friends = s.ensure_group(
        "Group of Friends of the Responsibility to Protect",
        "The Group of Friends consists of 53 Member States from across all regions plus the European Union.",
    );
    let focal = s.ensure_group(
        "steering group of the Global Network of the Responsibility to Protect Focal Points",
        "Austria, Denmark, Ghana, Lithuania, Luxembourg and Slovenia.",
    );
    let cairo = s.ensure_delegation(&Delegation::new(
        DelegationKind::Ngo,
        "Cairo Institute for Human Rights Studies",
        true,
    ));

    // The list of speakers from the floor, in order; the first ones have spoken.
    let floor: &[(&str, Option<u32>, InscriptionStatus)] = &[
        ("Netherlands", Some(friends), InscriptionStatus::Pending),
        ("Denmark", Some(focal), InscriptionStatus::Pending),
        ("Peru", None, InscriptionStatus::Pending),
        ("Germany", None, InscriptionStatus::Pending),
        ("Liechtenstein", None, InscriptionStatus::Pending),
        ("Switzerland", None, InscriptionStatus::Pending),
        ("European Union", None, InscriptionStatus::Pending),
        ("Argentina", None, InscriptionStatus::Pending),
        ("Australia", None, InscriptionStatus::Pending),
        ("Cameroon", None, InscriptionStatus::Pending),
        ("China", None, InscriptionStatus::Pending),
        ("Cuba", None, InscriptionStatus::Pending),
        ("Ghana", None, InscriptionStatus::Pending),
        ("Guatemala", None, InscriptionStatus::Pending),
        ("Indonesia", None, InscriptionStatus::Pending),
        ("Ireland", None, InscriptionStatus::Pending),
        ("Mexico", None, InscriptionStatus::Pending),
        ("Montenegro", None, InscriptionStatus::Pending),
        ("Netherlands", None, InscriptionStatus::Pending),
        ("Slovenia", None, InscriptionStatus::Pending),
        ("Syrian Arab Republic", None, InscriptionStatus::Pending),
        ("Ukraine", None, InscriptionStatus::Pending),
        ("United States of America", None, InscriptionStatus::Pending),
        ("Uruguay", None, InscriptionStatus::Pending),
        ("Belgium", None, InscriptionStatus::NotDelivered),
        ("Croatia", None, InscriptionStatus::NotDelivered),
        (
            "Iran (Islamic Republic of)",
            None,
            InscriptionStatus::NotDelivered,
        ),
        ("Italy", None, InscriptionStatus::WrittenOnly),
        ("Russian Federation", None, InscriptionStatus::NotDelivered),
        (
            "Venezuela (Bolivarian Republic of)",
            None,
            InscriptionStatus::NotDelivered,
        ),
        ("UN-Women", None, InscriptionStatus::NotDelivered),
    ];
    for (i, (name, group, status)) in floor.iter().enumerate() {
        let id = builtin(&mut s, name);
        s.inscriptions.push(Inscription {
            id: i as u32 + 1,
            speaker: Speaker::Delegation(id),
            on_behalf_of: *group,
            status: *status,
            text: String::new(),
        });
    }
    s.inscriptions.push(Inscription {
        id: floor.len() as u32 + 1,
        speaker: Speaker::Delegation(cairo.clone()),
        on_behalf_of: None,
        status: InscriptionStatus::Pending,
        text: String::new(),
    });

    let start = DateTime::<Utc>::from_timestamp(1_620_738_000, 0).expect("valid"); // 11 May 2021 13:00 UTC
    let mut minute = 0i64;
    let mut log =
        |s: &mut Session, segment_step: i32, speaker: Speaker, behalf: Option<u32>, text: &str| {
            if segment_step != 0 {
                s.step_segment(segment_step);
            }
            let started_at = start + chrono::Duration::minutes(minute);
            minute += 4;
            s.commit(NewIntervention {
                speaker,
                on_behalf_of: behalf,
                started_at,
                ended_at: started_at + chrono::Duration::minutes(3),
                text: text.into(),
            });
        };
    use Speaker::{Delegation as D, Participant as P};
    log(
        &mut s,
        0,
        P(hc),
        None,
        "stressed that the best form of protection was prevention. Operational prevention to avert or de-escalate ongoing threats should be combined with deeper structural prevention.",
    );
    log(
        &mut s,
        0,
        P(envoy),
        None,
        "began by stating that all Member States were bound by the obligation to protect their populations from atrocity crimes.",
    );
    log(
        &mut s,
        0,
        P(adviser),
        None,
        "recalled that the unanimous adoption of the responsibility to protect during the 2005 World Summit marked a milestone in international efforts.",
    );
    log(
        &mut s,
        1,
        P(bouayach),
        None,
        "highlighted the role of national human rights institutions in detecting early signs of atrocities through monitoring activities, reporting and follow-up of cases of violations with national authorities.",
    );
    log(
        &mut s,
        0,
        P(izsak),
        None,
        "noted how human rights mechanisms, through assessment, recommendations and guidance to Governments, contributed to mitigating the risk of atrocities.",
    );
    log(
        &mut s,
        0,
        P(serbin),
        None,
        "underlined the importance of the two first pillars of the responsibility to protect to prevent atrocities at the national level.",
    );
    let nl = builtin(&mut s, "Netherlands");
    let dk = builtin(&mut s, "Denmark");
    let peru = builtin(&mut s, "Peru");
    let de = builtin(&mut s, "Germany");
    let li = builtin(&mut s, "Liechtenstein");
    let ch = builtin(&mut s, "Switzerland");
    let eu = builtin(&mut s, "European Union");
    log(
        &mut s,
        1,
        D(nl),
        Some(friends),
        "welcomed resolution 44/14 as the first thematic resolution on the responsibility to protect adopted by the Human Rights Council.",
    );
    log(
        &mut s,
        0,
        D(dk),
        Some(focal),
        "encouraged more Governments to appoint national focal points on the responsibility to protect.",
    );
    log(
        &mut s,
        0,
        D(peru),
        None,
        "reported that a report on national good practices had been transmitted to OHCHR.",
    );
    log(
        &mut s,
        0,
        D(de),
        None,
        "mentioned a new law enacted in April 2021 which allowed for better prosecution of hate speech.",
    );
    log(
        &mut s,
        0,
        D(li),
        None,
        "emphasized that national media played a crucial role in preventing the spread of hate speech.",
    );
    log(
        &mut s,
        0,
        D(ch),
        None,
        "was finalizing a manual on atrocity prevention.",
    );
    log(
        &mut s,
        0,
        D(eu),
        None,
        "underscored the need to protect civil society organizations against reprisals.",
    );
    log(
        &mut s,
        0,
        D(cairo),
        None,
        "highlighted selectivity in the use that had been made of the responsibility to protect.",
    );
    log(
        &mut s,
        1,
        P(adviser),
        None,
        "considered that the panel discussion had been a valuable opportunity to share experiences and best practices.",
    );
    s.current_segment = s.segments[2].id;
    // The themes an editor writes after the mandate sentence the report drafts.
    s.report.summary = "Participants pointed out the link between human rights violations and atrocity crimes, and the importance of preventing violations at an early stage. They recalled the primary responsibility of States and mentioned national focal points, national action plans and regular risk assessments.\n\nParticipants also highlighted accountability and other guarantees of non-recurrence, open civic spaces and the role of the Human Rights Council mechanisms and of national human rights institutions.".into();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_a_realistic_meeting() {
        let s = demo_session();
        assert!(s.interventions.len() >= 12);
        assert_eq!(s.participants.len(), 8);
        assert_eq!(
            s.inscriptions
                .iter()
                .filter(|i| i.status == InscriptionStatus::Spoke)
                .count(),
            8
        );
        assert_eq!(
            s.speaker_label(&s.next_pending().unwrap().speaker),
            "Argentina"
        );
        for i in &s.interventions {
            assert!(s.segment(i.segment).is_some());
            assert!(!s.speaker_label(&i.speaker).starts_with("unknown"));
        }
    }
}
