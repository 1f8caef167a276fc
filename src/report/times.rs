//! Times as the UN's summary records and reports print them.

use chrono::{NaiveTime, Timelike};

/// A time as UN records write it: "10 a.m.", "10.05 a.m.", "12 noon", "12.30 p.m.",
/// "midnight".
pub fn un_time(t: NaiveTime) -> String {
    let (h, m) = (t.hour(), t.minute());
    match (h, m) {
        (0, 0) => "midnight".into(),
        (12, 0) => "12 noon".into(),
        _ => {
            let (hour, half) = match h {
                0 => (12, "a.m."),
                1..=11 => (h, "a.m."),
                12 => (12, "p.m."),
                _ => (h - 12, "p.m."),
            };
            if m == 0 {
                format!("{hour} {half}")
            } else {
                format!("{hour}.{m:02} {half}")
            }
        }
    }
}
