//! What the meeting is: the data of the masthead, the introduction and the minutes header.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::participant::ParticipantId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    #[default]
    PanelSummary,
    Minutes,
    /// The summary record of a formal meeting.
    SummaryRecord,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    Opening,
    Panel,
    Dialogue,
    Concluding,
    AgendaItem,
    Custom,
}

/// A part of the meeting: a chapter of the report, or an agenda item of the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub id: u32,
    pub title: String,
    pub kind: SegmentKind,
    /// Who presents the item: the minutes' heading names them ("Opening and Introduction
    /// by X (title, entity) and Y (title, entity)", the model minutes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presenters: Vec<super::participant::ParticipantId>,
}

impl Segment {
    /// The four parts of an HRC panel discussion.
    pub fn panel_defaults() -> Vec<Segment> {
        [
            ("Opening statements", SegmentKind::Opening),
            ("Panel discussion", SegmentKind::Panel),
            ("Interactive dialogue", SegmentKind::Dialogue),
            ("Concluding remarks", SegmentKind::Concluding),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, (title, kind))| Segment {
            id: i as u32 + 1,
            title: title.into(),
            kind,
            presenters: Vec::new(),
        })
        .collect()
    }
}

/// Speaking time limits in seconds, by category of speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakingLimits {
    pub council_member: u32,
    pub observer: u32,
    /// Panellists, moderators and opening speakers.
    pub panel: u32,
}

impl Default for SpeakingLimits {
    fn default() -> Self {
        Self {
            council_member: 180,
            observer: 120,
            panel: 420,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    pub title: String,
    pub body: String,
    /// "Forty-eighth session" or "intersessional".
    pub session: String,
    /// "resolution 44/14".
    pub mandate: String,
    pub date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    /// IANA zone of the venue, e.g. "Europe/Zurich".
    pub time_zone: String,
    /// Optional second zone for display, e.g. "America/New_York".
    pub second_time_zone: Option<String>,
    pub venue: String,
    pub chair: Option<ParticipantId>,
    /// "A/HRC/48/xx".
    pub symbol: String,
    /// "GE.22-29477".
    pub job_number: String,
    pub agenda_item_number: String,
    pub agenda_item_title: String,
    /// The first page's masthead. Date of issue (None: the day of the export).
    pub issued: Option<NaiveDate>,
    /// "13 September–1 October 2021": under the session on the first page.
    pub session_dates: String,
    /// The parent organ ("General Assembly"); empty: the one the symbol names.
    pub organ: String,
    /// "General", "Limited" or "Restricted".
    pub distribution: String,
    pub original_language: String,
    pub report_kind: ReportKind,
    /// Number of participants, when the secretariat gives one ("112 participants").
    pub participants_count: Option<u32>,
    pub limits: SpeakingLimits,
    /// Delegation ids of the members of the body (Council members get the longer limit).
    pub council_members: Vec<String>,
}

impl Default for Meeting {
    fn default() -> Self {
        Self {
            title: String::new(),
            // Never a default of one body for another's meeting: empty until typed.
            body: String::new(),
            session: String::new(),
            mandate: String::new(),
            date: None,
            start_time: None,
            end_time: None,
            time_zone: "Europe/Zurich".into(),
            second_time_zone: None,
            venue: String::new(),
            chair: None,
            symbol: String::new(),
            job_number: String::new(),
            agenda_item_number: String::new(),
            agenda_item_title: String::new(),
            issued: None,
            session_dates: String::new(),
            organ: String::new(),
            distribution: "General".into(),
            original_language: "English".into(),
            report_kind: ReportKind::PanelSummary,
            participants_count: None,
            limits: SpeakingLimits::default(),
            council_members: Vec::new(),
        }
    }
}

impl Meeting {
    /// The meeting's zone; an unknown name falls back to UTC rather than failing.
    pub fn zone(&self) -> Tz {
        self.time_zone.parse().unwrap_or(Tz::UTC)
    }

    /// "11 May 2021".
    pub fn date_text(&self) -> Option<String> {
        self.date.map(format_date)
    }

    /// "8:00-9:00 (EST) / 14:00-15:00 (CET)": the time in the second zone first when
    /// one is set (as the minutes of the model minutes do), then in the meeting's zone.
    pub fn time_range_text(&self) -> Option<String> {
        let (date, start, end) = (self.date?, self.start_time?, self.end_time?);
        let venue = self.zone();
        let in_zone = |tz: Tz| -> Option<String> {
            let s = venue
                .from_local_datetime(&NaiveDateTime::new(date, start))
                .earliest()?;
            let e = venue
                .from_local_datetime(&NaiveDateTime::new(date, end))
                .earliest()?;
            let (s, e) = (s.with_timezone(&tz), e.with_timezone(&tz));
            Some(format!(
                "{}-{} ({})",
                s.format("%-H:%M"),
                e.format("%-H:%M"),
                s.format("%Z")
            ))
        };
        let local = in_zone(venue)?;
        match self
            .second_time_zone
            .as_deref()
            .and_then(|z| z.parse::<Tz>().ok())
        {
            Some(second) => Some(format!("{} / {local}", in_zone(second)?)),
            None => Some(local),
        }
    }
}

/// The months as dates print them.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month a word names ("may", "May"), 1 to 12.
pub fn month_number(word: &str) -> Option<u32> {
    let n = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(word))?;
    u32::try_from(n).ok().map(|n| n + 1)
}

/// "11 May 2021" (UN style: day, month, year; no leading zero).
pub fn format_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_in_two_zones() {
        let meeting = Meeting {
            date: NaiveDate::from_ymd_opt(2021, 12, 6),
            start_time: NaiveTime::from_hms_opt(14, 0, 0),
            end_time: NaiveTime::from_hms_opt(15, 0, 0),
            time_zone: "Europe/Zurich".into(),
            second_time_zone: Some("America/New_York".into()),
            ..Meeting::default()
        };
        assert_eq!(meeting.date_text().unwrap(), "6 December 2021");
        assert_eq!(
            meeting.time_range_text().unwrap(),
            "8:00-9:00 (EST) / 14:00-15:00 (CET)"
        );
    }

    #[test]
    fn unknown_zone_falls_back_to_utc() {
        let meeting = Meeting {
            time_zone: "Mars/Olympus".into(),
            ..Meeting::default()
        };
        assert_eq!(meeting.zone(), Tz::UTC);
    }
}
