//! Time zones as people type them: IANA names are checked, and a near miss or the name of
//! a UN duty station gets the right name suggested ("Europe/Geneva" -> "Europe/Zurich").

use chrono_tz::{TZ_VARIANTS, Tz};

use super::text::fold;

/// UN duty stations whose city is not itself an IANA zone name.
const DUTY_STATIONS: [(&str, &str); 6] = [
    ("geneva", "Europe/Zurich"),
    ("the hague", "Europe/Amsterdam"),
    ("bonn", "Europe/Berlin"),
    ("montreal", "America/Toronto"),
    ("washington", "America/New_York"),
    ("new york", "America/New_York"),
];

/// The zone named `name`, or a message saying it is unknown and what was probably meant.
pub fn check(name: &str) -> Result<Tz, String> {
    if let Ok(tz) = name.trim().parse::<Tz>() {
        return Ok(tz);
    }
    Err(match suggest(name) {
        Some(s) => format!("unknown time zone {name:?} (did you mean {s:?}?)"),
        None => format!("unknown time zone {name:?} (use an IANA name such as \"Europe/Zurich\")"),
    })
}

fn suggest(name: &str) -> Option<&'static str> {
    let wanted = fold(name.trim()).replace(['_', '-'], " ");
    let city = wanted
        .rsplit('/')
        .next()
        .unwrap_or(&wanted)
        .trim()
        .to_string();
    if let Some((_, zone)) = DUTY_STATIONS.iter().find(|(c, _)| *c == city) {
        return Some(zone);
    }
    // Same name but for case or spaces, else the closest by edit distance (at most 2).
    let mut best: Option<(usize, &'static str)> = None;
    for tz in TZ_VARIANTS.iter() {
        let candidate = tz.name();
        let folded = fold(candidate).replace(['_', '-'], " ");
        let distance = edit_distance(&wanted, &folded);
        if distance <= 2 && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, name)| name)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        let mut next = Vec::with_capacity(row.len());
        next.push(left);
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX - 1);
            let cost = usize::from(ca != *cb);
            left = (diagonal + cost).min(up + 1).min(left + 1);
            diagonal = up;
            next.push(left);
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_checked_and_near_misses_suggested() {
        assert!(check("Europe/Zurich").is_ok());
        assert!(
            check("Europe/Geneva")
                .unwrap_err()
                .contains("Europe/Zurich")
        );
        assert!(
            check("europe/zurich")
                .unwrap_err()
                .contains("\"Europe/Zurich\"")
        );
        assert!(
            check("America/New York")
                .unwrap_err()
                .contains("America/New_York")
        );
        assert!(check("Mars/Olympus").unwrap_err().contains("IANA"));
        assert_eq!(edit_distance("kheris", "kehris"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
