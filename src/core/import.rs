//! Import of a meeting log kept in a spreadsheet (CSV), for notes taken outside the app
//! and for tests. Columns by name, any order; see README. All or nothing.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use std::collections::HashMap;

use super::csv_file::{self, CsvError};
use super::ids::Allocator;
use super::intervention::{Intervention, Speaker};
use super::meeting::{Meeting, ReportKind, SegmentKind};
use super::participant::{Honorific, Participant, Pronoun, Role};
use super::proceedings::EntryKind;
use super::session::Session;
use super::shared::Shared;
use super::speakers::{Inscription, InscriptionStatus};
use super::speakers_csv::Index;
use super::text::{clean, clean_line, fold};

const COLUMNS: [&str; 19] = [
    "segment",
    "role",
    "honorific",
    "name",
    "family_name",
    "title",
    "short_title",
    "title_only",
    "pronoun",
    "delegation",
    "kind",
    "on_behalf_of",
    "group_members",
    "status",
    "start",
    "end",
    "entry",
    "presenter",
    "text",
];

/// A yes/no cell: empty is None.
fn yes_no(cell: &str) -> Result<Option<bool>, String> {
    match cell.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "y" | "true" | "1" => Ok(Some(true)),
        "no" | "n" | "false" | "0" => Ok(Some(false)),
        other => Err(format!("{other:?} is not yes or no")),
    }
}

fn segment_kind(title: &str) -> SegmentKind {
    let t = fold(title);
    if t.contains("opening") {
        SegmentKind::Opening
    } else if t.contains("dialogue") {
        SegmentKind::Dialogue
    } else if t.contains("panel") {
        SegmentKind::Panel
    } else if t.contains("conclu") {
        SegmentKind::Concluding
    } else {
        SegmentKind::Custom
    }
}

fn parse_start(
    text: &str,
    meeting: &Meeting,
    last: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt.with_timezone(&Utc));
    }
    let zone = meeting.zone();
    let local = |naive: NaiveDateTime| {
        zone.from_local_datetime(&naive)
            .earliest()
            .map(|d| d.with_timezone(&Utc))
    };
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return local(naive);
        }
    }
    for format in ["%H:%M:%S", "%H:%M"] {
        if let Ok(time) = NaiveTime::parse_from_str(text, format) {
            let date = meeting
                .date
                .or_else(|| last.map(|l| l.with_timezone(&zone).date_naive()))
                .unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1)?);
            return local(NaiveDateTime::new(date, time));
        }
    }
    None
}

/// Builds a new session from a log (CSV bytes in any encoding and separator the reader
/// detects). `meeting` gives the meeting data (masthead, mandate, date...) that a log does
/// not hold. Linear in the number of rows: every look-up goes through an index.
pub fn import_log_csv(
    csv: impl AsRef<[u8]>,
    meeting: Meeting,
    name: &str,
) -> Result<Session, CsvError> {
    let mut s = Session::new(name, meeting.report_kind);
    s.meeting = meeting;
    if s.meeting.report_kind != ReportKind::PanelSummary {
        s.segments.clear();
    }
    let table = csv_file::read(csv.as_ref(), &COLUMNS)?;
    for h in &table.headers {
        if !COLUMNS.contains(&h.as_str()) {
            return Err(table.error(
                1,
                h,
                format!("unknown column; the columns are {}", COLUMNS.join(", ")),
            ));
        }
    }
    for required in ["name", "delegation", "text"] {
        if table.column(required).is_none() {
            return Err(table.error(1, required, "the header row lacks this column"));
        }
    }
    let mut index = Index::of(&s);
    let mut segments: HashMap<String, u32> =
        s.segments.iter().map(|x| (fold(&x.title), x.id)).collect();
    let mut intervention_ids = Allocator::<u64>::new(std::iter::empty());
    let mut inscription_ids = Allocator::<u32>::new(std::iter::empty());
    let mut participant_ids = Allocator::<u32>::new(s.participants.iter().map(|p| p.id));
    let mut last_start: Option<DateTime<Utc>> = None;
    for row in &table.rows {
        let number = row.number;
        let cell = |name: &str| table.cell(row, name);
        let err = |column: &str, message: String| table.error(number, column, message);

        let segment_title = clean_line(cell("segment"));
        let segment = if segment_title.is_empty() {
            if s.segments.is_empty() {
                return Err(err("segment", "the first row must name its segment".into()));
            }
            s.current_segment
        } else {
            match segments.get(&fold(&segment_title)) {
                Some(found) => *found,
                None => {
                    let kind = if s.meeting.report_kind != ReportKind::PanelSummary {
                        SegmentKind::AgendaItem
                    } else {
                        segment_kind(&segment_title)
                    };
                    let id = s.add_segment(&segment_title, kind);
                    segments.insert(fold(&segment_title), id);
                    id
                }
            }
        };
        s.current_segment = segment;

        let delegation_name = clean_line(cell("delegation"));
        let delegation = if delegation_name.is_empty() {
            None
        } else {
            Some(index.delegation(&mut s, &delegation_name, cell("kind"), number, &table)?)
        };
        let role = Role::parse(cell("role")).ok_or_else(|| {
            err(
                "role",
                format!(
                    "unknown role {:?}; use chair, moderator, panellist, opening or floor",
                    cell("role")
                ),
            )
        })?;
        let person = clean_line(cell("name"));
        let title = clean_line(cell("title"));
        let title_only = yes_no(cell("title_only")).map_err(|e| err("title_only", e))?;
        // A row with a title but no name is an official, named by title only; a named
        // United Nations official is one when the row says so (`title_only`: yes).
        let official = !title.is_empty()
            && match title_only {
                Some(said) => said,
                None => person.is_empty() && role != Role::Floor,
            };
        if title_only == Some(true) && title.is_empty() {
            return Err(err(
                "title",
                "a person named by title only (title_only: yes) needs a title".into(),
            ));
        }
        let entry = EntryKind::from_csv(cell("entry")).ok_or_else(|| {
            err(
                "entry",
                format!(
                    "unknown entry {:?}; use statement, decision, next_step, suspension or chair",
                    cell("entry")
                ),
            )
        })?;
        // A log that says "commitment" numbers its decisions "Commitment 1:" (the model minutes).
        if cell("entry").trim().eq_ignore_ascii_case("commitment") {
            s.report.decision_label = "Commitment".into();
        }
        let chair = s.meeting.chair.map(Speaker::Participant);
        let speaker = if person.is_empty() && !official {
            match (delegation.clone(), chair) {
                (Some(d), _) => Speaker::Delegation(d),
                // The Chair suspends the meeting and announces what it decides.
                (None, Some(chair))
                    if matches!(entry, EntryKind::Suspension | EntryKind::Decision) =>
                {
                    chair
                }
                (None, _) => {
                    return Err(err(
                        "name",
                        "a row needs a name, a title or a delegation".into(),
                    ));
                }
            }
        } else {
            let existing = if official && person.is_empty() {
                index.official(&title)
            } else {
                index.person(&person)
            };
            let id = match existing {
                Some(id) => id,
                None => {
                    let honorific = Honorific::parse(cell("honorific")).ok_or_else(|| {
                        err(
                            "honorific",
                            format!(
                                "unknown honorific {:?}; use Ms., Mr. or leave empty",
                                cell("honorific")
                            ),
                        )
                    })?;
                    let (given_names, family_name) =
                        Participant::split_name(&person, cell("family_name"));
                    let pronoun = match cell("pronoun").trim().to_lowercase().as_str() {
                        "" => match honorific {
                            Honorific::Ms => Pronoun::She,
                            Honorific::Mr => Pronoun::He,
                            Honorific::None => Pronoun::They,
                        },
                        "she" => Pronoun::She,
                        "he" => Pronoun::He,
                        "they" => Pronoun::They,
                        other => {
                            return Err(err(
                                "pronoun",
                                format!("unknown pronoun {other:?}; use she, he or they"),
                            ));
                        }
                    };
                    let id = participant_ids.take();
                    s.participants.push(Participant {
                        id,
                        honorific,
                        given_names: clean_line(&given_names),
                        family_name: clean_line(&family_name),
                        title: title.clone(),
                        short_title: clean_line(cell("short_title")),
                        title_only: official,
                        pronoun,
                        role,
                        delegation: delegation.clone(),
                    });
                    if let Some(p) = s.participants.last() {
                        index.add_person(p);
                    }
                    id
                }
            };
            // The first chair row is the chair; the others co-chair.
            if role == Role::Chair && s.meeting.chair.is_none() {
                s.meeting.chair = Some(id);
            }
            Speaker::Participant(id)
        };
        // "presenter: yes": the item's heading names this person ("... by X (title,
        // entity)", the model minutes).
        if yes_no(cell("presenter")).map_err(|e| err("presenter", e))? == Some(true) {
            match &speaker {
                Speaker::Participant(id) => {
                    if let Some(seg) = s.segments.iter_mut().find(|x| x.id == segment)
                        && !seg.presenters.contains(id)
                    {
                        seg.presenters.push(*id);
                    }
                }
                Speaker::Delegation(_) => {
                    return Err(err(
                        "presenter",
                        "a presenter is a person: give a name or a title".into(),
                    ));
                }
            }
        }
        let on_behalf_of = match clean_line(cell("on_behalf_of")) {
            g if g.is_empty() => None,
            g => Some(index.group(&mut s, &g, cell("group_members"))),
        };
        let status = match cell("status").trim() {
            "" => InscriptionStatus::Spoke,
            other => match InscriptionStatus::parse(other) {
                Some(
                    st @ (InscriptionStatus::Spoke
                    | InscriptionStatus::NotDelivered
                    | InscriptionStatus::WrittenOnly),
                ) => st,
                _ => {
                    return Err(err(
                        "status",
                        format!("unknown status {other:?}; use spoke, not_delivered or written"),
                    ));
                }
            },
        };
        let text = clean(cell("text"));
        // A row with neither text nor time only registers the person (a chair, say).
        if text.trim().is_empty()
            && cell("start").is_empty()
            && status == InscriptionStatus::Spoke
            && entry.is_statement()
        {
            continue;
        }
        if !entry.is_statement() && status != InscriptionStatus::Spoke {
            return Err(err(
                "status",
                format!(
                    "a {} row has no status on the list of speakers",
                    entry.csv_name()
                ),
            ));
        }
        // Statements not delivered keep their text on the list of speakers; steps of the
        // proceedings are not on it.
        if entry.is_statement() {
            s.inscriptions.push(Inscription {
                id: inscription_ids.take(),
                speaker: speaker.clone(),
                on_behalf_of,
                status,
                text: if status == InscriptionStatus::Spoke {
                    String::new()
                } else {
                    text.clone()
                },
            });
        }
        if status != InscriptionStatus::Spoke {
            continue;
        }
        let start_text = cell("start");
        let started_at = if start_text.is_empty() {
            last_start
                .map(|l| l + chrono::Duration::minutes(1))
                .unwrap_or_else(|| parse_start("00:00", &s.meeting, None).unwrap_or_default())
        } else {
            parse_start(start_text, &s.meeting, last_start).ok_or_else(|| err("start", format!("{start_text:?} is not an ISO 8601 time (2021-05-11T15:02, 15:02 or 2021-05-11T13:02:00Z)")))?
        };
        last_start = Some(started_at);
        let end_text = cell("end");
        let ended_at = if end_text.is_empty() {
            started_at
        } else {
            match parse_start(end_text, &s.meeting, Some(started_at)) {
                Some(end) if end >= started_at => end,
                Some(_) => {
                    return Err(err(
                        "end",
                        format!("{end_text:?} is before the row's start"),
                    ));
                }
                None => {
                    return Err(err(
                        "end",
                        format!("{end_text:?} is not an ISO 8601 time (15:30 or 2021-05-11T15:30)"),
                    ));
                }
            }
        };
        s.interventions.push(Shared::new(Intervention {
            id: intervention_ids.take(),
            speaker,
            on_behalf_of,
            segment,
            started_at,
            ended_at,
            text,
            footnotes: Vec::new(),
            written: false,
            kind: entry,
            provenance: Default::default(),
        }));
    }
    if let Some(first) = s.segments.first() {
        s.current_segment = first.id;
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting() -> Meeting {
        Meeting {
            date: NaiveDate::from_ymd_opt(2021, 5, 11),
            ..Meeting::default()
        }
    }

    #[test]
    fn imports_people_delegations_groups_and_times() {
        let csv = "segment,role,honorific,name,family_name,title,delegation,on_behalf_of,group_members,start,text\n\
            Panel discussion,panellist,Mr.,Tomás Ruiz de la Peña,Ruiz de la Peña,Director of X,,,,15:10,noted things\n\
            Interactive dialogue,floor,,,,,the Netherlands,Group of Friends,\"A, B and C.\",15:30,welcomed it\n\
            ,,,,,,Côte d'Ivoire,,,,called for plans\n";
        let s = import_log_csv(csv, meeting(), "t").unwrap();
        let p = &s.participants[0];
        assert_eq!(
            (p.given_names.as_str(), p.family_name.as_str()),
            ("Tomás", "Ruiz de la Peña")
        );
        assert_eq!(s.interventions.len(), 3);
        assert_eq!(s.interventions[1].on_behalf_of, Some(s.groups[0].id));
        assert_eq!(s.groups[0].members, "A, B and C.");
        assert_eq!(
            s.interventions[2].started_at - s.interventions[1].started_at,
            chrono::Duration::minutes(1)
        );
        assert_eq!(
            s.segment(s.interventions[2].segment).unwrap().title,
            "Interactive dialogue"
        );
        assert_eq!(
            s.interventions[0].started_at.to_rfc3339(),
            "2021-05-11T13:10:00+00:00",
            "15:10 in Geneva"
        );
    }

    #[test]
    fn written_and_undelivered_statements_keep_their_text() {
        let csv = "segment,name,delegation,status,text\n\
            Interactive dialogue,,Belgium,not_delivered,Belgium supports early warning.\n\
            ,,Italy,written,Italy recalls its pledge.\n\
            ,,Peru,,said that it agreed.\n";
        let s = import_log_csv(csv, meeting(), "t").unwrap();
        assert_eq!(s.interventions.len(), 1);
        let texts: Vec<&str> = s.inscriptions.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Belgium supports early warning.",
                "Italy recalls its pledge.",
                ""
            ]
        );
    }

    #[test]
    fn a_family_name_spelled_differently_is_not_doubled() {
        let csv = "segment,name,family_name,delegation,text\n\
            Opening,Tomás Ruiz de la Peña,ruiz de la pena,Peru,x\n";
        let s = import_log_csv(csv, meeting(), "t").unwrap();
        assert_eq!(s.participants[0].full_name(), "Tomás Ruiz de la Peña");
    }

    #[test]
    fn bad_rows_are_named() {
        let head = "segment,name,delegation,start,text,role\n";
        let e = import_log_csv(format!("{head}Opening,,Narnia,,x,\n"), meeting(), "t").unwrap_err();
        assert_eq!((e.row, e.column.as_str()), (2, "delegation"));
        let e = import_log_csv(
            format!("{head}Opening,,Peru,,x,\nOpening,,Peru,half past,y,\n"),
            meeting(),
            "t",
        )
        .unwrap_err();
        assert_eq!((e.row, e.column.as_str()), (3, "start"));
        let e =
            import_log_csv(format!("{head}Opening,Ann,,,x,king\n"), meeting(), "t").unwrap_err();
        assert_eq!((e.row, e.column.as_str()), (2, "role"));
        let e =
            import_log_csv("segment,name,delegation,text,colour\n", meeting(), "t").unwrap_err();
        assert_eq!((e.row, e.column.as_str()), (1, "colour"));
        let e = import_log_csv("segment,name,text\n", meeting(), "t").unwrap_err();
        assert_eq!(e.column, "delegation");
    }
}
