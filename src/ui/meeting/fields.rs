//! The Meeting screen's one-line fields: what each is, how the session shows it, and how
//! what was typed goes back into the session (checked: a bad date is refused, with why).

use chrono::{NaiveDate, NaiveTime};

use crate::core::session::Session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Title,
    Body,
    SessionName,
    Mandate,
    Date,
    Start,
    End,
    Zone,
    SecondZone,
    Venue,
    Symbol,
    JobNumber,
    AgendaNumber,
    AgendaTitle,
    Issued,
    SessionDates,
    Organ,
    Distribution,
    Original,
    Participants,
    CouncilLimit,
    ObserverLimit,
    PanelLimit,
    Subtitle,
    Purpose,
    StatesCount,
    DecisionLabel,
    CouncilMembers,
}

pub(super) const FIELDS: &[(Field, &str, &str)] = &[
    (Field::Name, "Session name", "shown in the window title"),
    (
        Field::Title,
        "Title of the meeting",
        "Intersessional panel discussion on …",
    ),
    (Field::Body, "Body", "Human Rights Council"),
    (
        Field::SessionName,
        "Session",
        "Forty-eighth session, or intersessional",
    ),
    (Field::Mandate, "Mandate", "resolution 44/14"),
    (Field::Date, "Date", "YYYY-MM-DD"),
    (Field::Start, "Start time", "HH:MM (meeting's zone)"),
    (Field::End, "End time", "HH:MM"),
    (Field::Zone, "Time zone", "IANA name, e.g. Europe/Zurich"),
    (
        Field::SecondZone,
        "Second zone for display",
        "e.g. America/New_York (optional)",
    ),
    (
        Field::Venue,
        "Venue or platform",
        "Palais des Nations / MS Teams",
    ),
    (Field::Symbol, "Document symbol", "A/HRC/48/xx"),
    (Field::JobNumber, "Job number", "GE.22-29477"),
    (Field::AgendaNumber, "Agenda item number", "3"),
    (Field::AgendaTitle, "Agenda item title", ""),
    (
        Field::Issued,
        "Date of issue",
        "YYYY-MM-DD (empty: the day of the export)",
    ),
    (
        Field::SessionDates,
        "Session dates",
        "13 September–1 October 2021",
    ),
    (
        Field::Organ,
        "Parent organ",
        "empty: from the symbol (General Assembly for A/)",
    ),
    (
        Field::Distribution,
        "Distribution",
        "General, Limited or Restricted",
    ),
    (Field::Original, "Original language", "English"),
    (
        Field::Participants,
        "Number of participants",
        "e.g. 112 (optional)",
    ),
    (
        Field::CouncilLimit,
        "Speaking limit, Council members (s)",
        "180",
    ),
    (Field::ObserverLimit, "Speaking limit, observers (s)", "120"),
    (Field::PanelLimit, "Speaking limit, panellists (s)", "420"),
    (
        Field::Subtitle,
        "Report subtitle",
        "Summary report of the Office of ...",
    ),
    (
        Field::Purpose,
        "Purpose (introduction)",
        "in order to share best practices ...",
    ),
    (
        Field::StatesCount,
        "Figure for “representatives of N States”",
        "empty: counted",
    ),
    (
        Field::DecisionLabel,
        "Label of decisions (minutes)",
        "Decision, Commitment",
    ),
    (
        Field::CouncilMembers,
        "Council members (longer speaking limit)",
        "UN names, separated by semicolons",
    ),
];

pub(super) fn value(session: &Session, field: Field) -> String {
    let m = &session.meeting;
    let opt = |v: Option<String>| v.unwrap_or_default();
    match field {
        Field::Name => session.name.clone(),
        Field::Title => m.title.clone(),
        Field::Body => m.body.clone(),
        Field::SessionName => m.session.clone(),
        Field::Mandate => m.mandate.clone(),
        Field::Date => opt(m.date.map(|d| d.to_string())),
        Field::Start => opt(m.start_time.map(|t| t.format("%H:%M").to_string())),
        Field::End => opt(m.end_time.map(|t| t.format("%H:%M").to_string())),
        Field::Zone => m.time_zone.clone(),
        Field::SecondZone => opt(m.second_time_zone.clone()),
        Field::Venue => m.venue.clone(),
        Field::Symbol => m.symbol.clone(),
        Field::JobNumber => m.job_number.clone(),
        Field::AgendaNumber => m.agenda_item_number.clone(),
        Field::AgendaTitle => m.agenda_item_title.clone(),
        Field::Issued => opt(m.issued.map(|d| d.to_string())),
        Field::SessionDates => m.session_dates.clone(),
        Field::Organ => m.organ.clone(),
        Field::Distribution => m.distribution.clone(),
        Field::Original => m.original_language.clone(),
        Field::Participants => opt(m.participants_count.map(|n| n.to_string())),
        Field::CouncilLimit => m.limits.council_member.to_string(),
        Field::ObserverLimit => m.limits.observer.to_string(),
        Field::PanelLimit => m.limits.panel.to_string(),
        Field::Subtitle => session.report.subtitle.clone(),
        Field::Purpose => session.report.purpose.clone(),
        Field::DecisionLabel => session.report.decision_label.clone(),
        Field::CouncilMembers => m
            .council_members
            .iter()
            .map(|id| {
                session
                    .delegation(id)
                    .map(|d| d.name.clone())
                    .unwrap_or_else(|| id.clone())
            })
            .collect::<Vec<_>>()
            .join("; "),
        Field::StatesCount => opt(session.report.states_count.map(|n| n.to_string())),
    }
}

/// Applies a typed value; Err names what is wrong (the raw text is kept on screen).
pub(super) fn apply(session: &mut Session, field: Field, raw: &str) -> Result<(), String> {
    let v = crate::core::text::clean_line(raw);
    let m = &mut session.meeting;
    let number = |v: &str| v.parse::<u32>().map_err(|_| "a whole number".to_string());
    match field {
        Field::Name => session.name = v,
        Field::Title => m.title = v,
        Field::Body => m.body = v,
        Field::SessionName => m.session = v,
        Field::Mandate => m.mandate = v,
        Field::Date if v.is_empty() => m.date = None,
        Field::Date => {
            m.date = Some(
                NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| "a date as YYYY-MM-DD".to_string())?,
            )
        }
        Field::Start | Field::End => {
            let t = if v.is_empty() {
                None
            } else {
                Some(
                    NaiveTime::parse_from_str(&v, "%H:%M")
                        .map_err(|_| "a time as HH:MM".to_string())?,
                )
            };
            if field == Field::Start {
                m.start_time = t
            } else {
                m.end_time = t
            }
        }
        Field::Zone => {
            v.parse::<chrono_tz::Tz>()
                .map_err(|_| "an IANA zone such as Europe/Zurich".to_string())?;
            m.time_zone = v;
        }
        Field::SecondZone if v.is_empty() => m.second_time_zone = None,
        Field::SecondZone => {
            v.parse::<chrono_tz::Tz>()
                .map_err(|_| "an IANA zone such as America/New_York".to_string())?;
            m.second_time_zone = Some(v);
        }
        Field::Venue => m.venue = v,
        Field::Symbol => m.symbol = v,
        Field::JobNumber => m.job_number = v,
        Field::AgendaNumber => m.agenda_item_number = v,
        Field::AgendaTitle => m.agenda_item_title = v,
        Field::Issued if v.is_empty() => m.issued = None,
        Field::Issued => {
            m.issued = Some(
                NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| "a date as YYYY-MM-DD".to_string())?,
            )
        }
        Field::SessionDates => m.session_dates = v,
        Field::Organ => m.organ = v,
        Field::Distribution => {
            m.distribution = ["General", "Limited", "Restricted"]
                .into_iter()
                .find(|d| d.eq_ignore_ascii_case(&v))
                .ok_or_else(|| "General, Limited or Restricted".to_string())?
                .to_string()
        }
        Field::Original => m.original_language = v,
        Field::Participants if v.is_empty() => m.participants_count = None,
        Field::Participants => m.participants_count = Some(number(&v)?),
        Field::CouncilLimit => m.limits.council_member = number(&v)?,
        Field::ObserverLimit => m.limits.observer = number(&v)?,
        Field::PanelLimit => m.limits.panel = number(&v)?,
        Field::Subtitle => session.report.subtitle = v,
        Field::Purpose => session.report.purpose = v,
        Field::DecisionLabel => session.report.decision_label = v,
        Field::CouncilMembers => {
            let mut ids = Vec::new();
            let mut unknown = Vec::new();
            for name in v.split(';').map(str::trim).filter(|n| !n.is_empty()) {
                let known = session
                    .delegations
                    .iter()
                    .find(|d| d.is_named(name))
                    .cloned();
                match known.or_else(|| crate::core::delegation::find_builtin(name).cloned()) {
                    Some(d) if d.kind.is_state() => ids.push(session.ensure_delegation(&d)),
                    _ => unknown.push(name.to_string()),
                }
            }
            if !unknown.is_empty() {
                return Err(format!(
                    "UN names of States; not known: {}",
                    unknown.join(", ")
                ));
            }
            session.meeting.council_members = ids;
        }
        Field::StatesCount if v.is_empty() => session.report.states_count = None,
        Field::StatesCount => session.report.states_count = Some(number(&v)?),
    }
    Ok(())
}
