//! Generators of hostile inputs: CSV files as spreadsheets in many locales write them,
//! and damaged session files. Deterministic (a seeded xorshift), so a failure names the
//! case that reproduces it.

use rapporteur::core::csv_file::Encoding;
use rapporteur::core::demo::demo_session;
use rapporteur::storage::file::to_bytes;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A word unique to one statement, to find it again in the session and the export.
pub fn marker(case: usize, row: usize) -> String {
    format!("mk{case}x{row}q")
}

const PIECES: [&str; 24] = [
    "stressed that",
    "the plan",
    ", in fact,",
    "; moreover",
    "\t",
    "\"quoted\"",
    "“curly”",
    "\n",
    "\r\n",
    "الحماية",
    "זכויות",
    "🙂",
    "👩🏽‍⚖️",
    "\u{1}",
    "\u{1b}[31m",
    "\u{7}",
    "\u{b}",
    "---",
    "\n- item",
    "\n# heading",
    "<b>&amp;</b>",
    "Côte d'Ivoire",
    "50 %",
    "naïve façade",
];

const DELEGATIONS: [&str; 10] = [
    "Peru",
    "Côte d'Ivoire",
    "Türkiye",
    "Holland",
    "the Netherlands",
    "UNICEF",
    "European Union",
    "Iran (Islamic Republic of)",
    "Bahamas",
    "Switzerland",
];

const PEOPLE: [&str; 6] = [
    "Amina Bouayach",
    "Rita Izsák-Ndiaye",
    "محمد الأحمد",
    "José Ñúñez",
    "Zoë O'Neill",
    "Ana María Pérez",
];

pub fn statement(rng: &mut Rng, marker: &str) -> String {
    let mut text = String::new();
    for _ in 0..rng.below(8) {
        let piece: &str = rng.pick::<&str>(&PIECES);
        text.push_str(piece);
        text.push(' ');
    }
    let at = rng.below(3);
    let mut words: Vec<String> = text.split(' ').map(String::from).collect();
    let at = at.min(words.len());
    words.insert(at, marker.to_string());
    words.join(" ")
}

pub struct GeneratedCsv {
    pub bytes: Vec<u8>,
    /// Markers of the statements logged as spoken, in order.
    pub spoken: Vec<String>,
    /// Markers of statements kept as written or not delivered.
    pub written: Vec<String>,
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Encoding::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        // Latin-1 range only (the test keeps such texts to it).
        Encoding::Windows1252 => text.chars().map(|c| c as u32 as u8).collect(),
    }
}

fn cell(rng: &mut Rng, value: &str, sep: char) -> String {
    let needs =
        value.contains([sep, '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ');
    if needs || rng.chance(15) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// A meeting log as a spreadsheet exports it, well-formed in whatever encoding,
/// separator, quoting and line endings; blank rows and trailing empty cells included.
pub fn meeting_log(case: usize, rng: &mut Rng) -> GeneratedCsv {
    let encoding = *rng.pick(&[
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1252,
    ]);
    let latin1 = matches!(encoding, Encoding::Windows1252);
    let sep = *rng.pick(&[',', ';', '\t']);
    let eol = *rng.pick(&["\n", "\r\n"]);
    let mut columns = vec!["segment", "name", "delegation", "text"];
    for extra in ["status", "role", "start", "on_behalf_of", "entry"] {
        if rng.chance(40) {
            columns.push(extra);
        }
    }
    // Column order as the person left it.
    for i in (1..columns.len()).rev() {
        columns.swap(i, rng.below(i + 1));
    }
    let header: Vec<String> = columns
        .iter()
        .map(|c| match (*c, rng.below(3)) {
            ("on_behalf_of", 0) => "On behalf of".to_string(),
            ("text", 1) => "Text".to_string(),
            (c, _) => c.to_string(),
        })
        .collect();
    let trailing = if rng.chance(20) { 2 } else { 0 };
    let mut out = header
        .iter()
        .map(|h| cell(rng, h, sep))
        .collect::<Vec<_>>()
        .join(&sep.to_string());
    out.push_str(&sep.to_string().repeat(trailing));
    out.push_str(eol);
    let mut spoken = Vec::new();
    let mut written = Vec::new();
    let rows = 1 + rng.below(25);
    for row in 0..rows {
        let mark = marker(case, row);
        let mut text = statement(rng, &mark);
        if latin1 {
            text = text
                .chars()
                .filter(|c| (*c as u32) < 0x80 || ((*c as u32) >= 0xA0 && (*c as u32) <= 0xFF))
                .collect();
            if !text.contains(&mark) {
                text = mark.clone();
            }
        }
        // Steps of the proceedings, written as a person might; only statements are on
        // the list of speakers, so a step is always spoken.
        let entry = if columns.contains(&"entry") {
            *rng.pick(&[
                "",
                "",
                "statement",
                "decision",
                "Commitment",
                "next step",
                "NEXT_STEP",
            ])
        } else {
            ""
        };
        let status = if columns.contains(&"status") {
            if entry.is_empty() || entry == "statement" {
                *rng.pick(&["", "spoke", "not_delivered", "written", ""])
            } else {
                *rng.pick(&["", "spoke"])
            }
        } else {
            ""
        };
        match status {
            "not_delivered" | "written" => written.push(mark.clone()),
            _ => spoken.push(mark.clone()),
        }
        let person = if rng.chance(30) {
            rng.pick::<&str>(&PEOPLE).to_string()
        } else {
            String::new()
        };
        let person = if latin1 && person.chars().any(|c| c as u32 > 0xFF) {
            String::new()
        } else {
            person
        };
        let values: Vec<String> = columns
            .iter()
            .map(|c| match *c {
                "segment" => {
                    if row == 0 || rng.chance(20) {
                        rng.pick(&[
                            "Opening statements",
                            "Interactive dialogue",
                            "Panel discussion",
                        ])
                        .to_string()
                    } else {
                        String::new()
                    }
                }
                "name" => person.clone(),
                "delegation" => {
                    let d = rng.pick::<&str>(&DELEGATIONS).to_string();
                    if latin1 && d.chars().any(|c| c as u32 > 0xFF) {
                        "Peru".into()
                    } else {
                        d
                    }
                }
                "text" => text.clone(),
                "status" => status.to_string(),
                "entry" => entry.to_string(),
                "role" => String::new(),
                "start" => format!("15:{:02}", row % 60),
                "on_behalf_of" => {
                    if rng.chance(10) {
                        "Group of Friends of the Responsibility to Protect".into()
                    } else {
                        String::new()
                    }
                }
                _ => String::new(),
            })
            .collect();
        let line = values
            .iter()
            .map(|v| cell(rng, v, sep))
            .collect::<Vec<_>>()
            .join(&sep.to_string());
        out.push_str(&line);
        out.push_str(&sep.to_string().repeat(trailing));
        out.push_str(eol);
        if rng.chance(10) {
            out.push_str(eol);
        }
    }
    if rng.chance(30) {
        // Excel's trailing all-empty rows.
        for _ in 0..3 {
            out.push_str(&sep.to_string().repeat(columns.len() - 1));
            out.push_str(eol);
        }
    }
    GeneratedCsv {
        bytes: encode(&out, encoding),
        spoken,
        written,
    }
}

/// A log that would lose or misattribute words if read leniently: each must be refused.
pub fn broken_log(rng: &mut Rng) -> (Vec<u8>, &'static str) {
    let good = "segment,name,delegation,text\nOpening statements,,Peru,said that it agreed.\n";
    let (bad, what) = match rng.below(5) {
        0 => (
            format!(
                "{good},,Chile,noted, in passing, that the plan {} worked\n",
                rng.below(100)
            ),
            "an unquoted comma",
        ),
        1 => (
            format!(
                "{good},,Chile,\"unclosed {}\n,,Peru,next\n,,Cuba,more\n",
                rng.below(100)
            ),
            "an unclosed quote",
        ),
        2 => (
            format!(
                "segment,name,delegation,text,Text\nOpening,,Peru,a,b{}\n",
                rng.below(100)
            ),
            "a duplicate column",
        ),
        3 => (
            format!("{good},,Chile,\"He said \"no\" {}\"\n", rng.below(100)),
            "an undoubled quote",
        ),
        _ => (
            format!(
                "segment,name,,delegation,text\nOpening,,x{},Peru,t\n",
                rng.below(100)
            ),
            "an unnamed column",
        ),
    };
    (bad.into_bytes(), what)
}

/// The demo session with a marker in every statement, then damaged in 1-4 ways: fields
/// removed or retyped, ids duplicated or left dangling, a layout repeating statements,
/// control characters, cut short, bytes flipped.
pub fn damaged_session(case: usize, rng: &mut Rng) -> (Vec<u8>, Vec<String>) {
    let mut session = demo_session();
    // Steps of the proceedings too, so that their fields can be damaged.
    for (n, kind) in [
        rapporteur::core::proceedings::EntryKind::Decision,
        rapporteur::core::proceedings::EntryKind::Suspension,
    ]
    .into_iter()
    .enumerate()
    {
        let mut step = (**session.interventions.last().unwrap()).clone();
        step.id += 1000 + n as u64;
        step.kind = kind;
        session.interventions.push(step.into());
    }
    // A team session's fields too: a turn, relay markers, who logged and changed what.
    session.device = Some("AB".into());
    let now = session.interventions.last().unwrap().started_at;
    session.toggle_turn(now);
    session.device = Some("CD".into());
    session.toggle_turn(now);
    session.device = None;
    if let Some(first) = session.interventions.first_mut() {
        let mut i = (**first).clone();
        i.provenance.logged_by = "AB".into();
        i.provenance.edited(Some("CD"));
        i.provenance.mark_conflict("AB");
        *first = i.into();
    }
    let mut markers = Vec::new();
    for (row, i) in session.interventions.iter_mut().enumerate() {
        let m = marker(case, row);
        i.text = format!("{} {m}", i.text);
        markers.push(m);
    }
    let mut value: serde_json::Value = serde_json::from_slice(&to_bytes(&session)).unwrap();
    for _ in 0..1 + rng.below(4) {
        mutate(&mut value, rng);
    }
    let mut bytes = serde_json::to_vec_pretty(&value).unwrap();
    match rng.below(10) {
        0 => bytes.truncate(rng.below(bytes.len())),
        1 => {
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len());
                bytes[at] = rng.next() as u8;
            }
        }
        _ => {}
    }
    (bytes, markers)
}

fn mutate(value: &mut serde_json::Value, rng: &mut Rng) {
    use serde_json::json;
    let n = |v: &serde_json::Value, key: &str| v[key].as_array().map_or(0, |a| a.len());
    match rng.below(9) {
        0 => {
            // Remove a field somewhere.
            let target = random_object(value, rng);
            if let Some(map) = target.as_object_mut()
                && !map.is_empty()
            {
                let key = map.keys().nth(rng.below(map.len())).cloned().unwrap();
                map.remove(&key);
            }
        }
        1 => {
            // Retype a field.
            let target = random_object(value, rng);
            if let Some(map) = target.as_object_mut()
                && !map.is_empty()
            {
                let key = map.keys().nth(rng.below(map.len())).cloned().unwrap();
                let new = match rng.below(7) {
                    0 => json!(null),
                    1 => json!(-1),
                    2 => json!(u64::MAX),
                    3 => json!("x"),
                    4 => json!([]),
                    5 => json!({}),
                    _ => json!(true),
                };
                map.insert(key, new);
            }
        }
        2 => {
            let len = n(value, "interventions");
            if len > 1 {
                let a = rng.below(len);
                let b = rng.below(len);
                let id = value.pointer(&format!("/interventions/{b}/id")).cloned();
                set(
                    value,
                    &format!("/interventions/{a}/id"),
                    id.unwrap_or(json!(1)),
                );
            }
        }
        3 => {
            let len = n(value, "interventions");
            if len > 0 {
                let i = rng.below(len);
                let speaker = match rng.below(3) {
                    0 => json!({"participant": 999}),
                    1 => json!({"delegation": "narnia"}),
                    _ => json!({"delegation": "fiji"}),
                };
                set(value, &format!("/interventions/{i}/speaker"), speaker);
            }
        }
        4 => {
            let len = n(value, "interventions");
            if len > 0 {
                let i = rng.below(len);
                set(
                    value,
                    &format!("/interventions/{i}/on_behalf_of"),
                    json!(77),
                );
                set(value, &format!("/interventions/{i}/segment"), json!(42));
            }
        }
        5 => {
            set(value, "/groups", json!([]));
            set(value, "/segments", json!([]));
            set(value, "/meeting/time_zone", json!("Europe/Geneva"));
            set(value, "/meeting/chair", json!(555));
        }
        6 => {
            // A layout listing one statement thousands of times.
            let sources: Vec<u64> = vec![1; 2000];
            let paragraphs: Vec<serde_json::Value> = (0..50)
                .map(|id| json!({"id": id % 7, "sources": sources}))
                .collect();
            set(
                value,
                "/layout",
                json!({
                    "chapters": [{"key": {"segment": 3}, "paragraphs": paragraphs},
                                 {"key": {"segment": 3}, "paragraphs": []}],
                    "excluded": [2, 2, 2],
                    "next_id": u32::MAX
                }),
            );
        }
        7 => {
            set(value, "/delegations/0/name", json!("\u{1b}[2J\u{0}\u{7}"));
            set(value, "/name", json!("\u{0}\u{1}"));
            set(value, "/interventions/0/id", json!(u64::MAX));
        }
        _ => {
            let len = n(value, "delegations");
            if len > 1 {
                let id = value.pointer("/delegations/0/id").cloned();
                set(value, "/delegations/1/id", id.unwrap_or(json!("x")));
            }
        }
    }
}

/// Sets the value at a JSON pointer when the place exists (an earlier mutation may have
/// retyped its parent), or in a map one level up.
fn set(value: &mut serde_json::Value, pointer: &str, new: serde_json::Value) {
    if let Some(slot) = value.pointer_mut(pointer) {
        *slot = new;
    } else if let Some((parent, key)) = pointer.rsplit_once('/')
        && let Some(serde_json::Value::Object(map)) = value.pointer_mut(parent)
    {
        map.insert(key.to_string(), new);
    }
}

fn random_object<'a>(value: &'a mut serde_json::Value, rng: &mut Rng) -> &'a mut serde_json::Value {
    let depth = rng.below(4);
    let mut current = value;
    for _ in 0..depth {
        let next_key = match &*current {
            serde_json::Value::Object(map) if !map.is_empty() => Some(serde_json::Value::String(
                map.keys().nth(rng.below(map.len())).cloned().unwrap(),
            )),
            serde_json::Value::Array(a) if !a.is_empty() => {
                Some(serde_json::json!(rng.below(a.len())))
            }
            _ => None,
        };
        let Some(key) = next_key else { break };
        let is_container = match &key {
            serde_json::Value::String(k) => {
                current[k.as_str()].is_object() || current[k.as_str()].is_array()
            }
            serde_json::Value::Number(i) => {
                let i = i.as_u64().unwrap() as usize;
                current[i].is_object() || current[i].is_array()
            }
            _ => false,
        };
        if !is_container {
            break;
        }
        current = match key {
            serde_json::Value::String(k) => &mut current[k.as_str()],
            serde_json::Value::Number(i) => &mut current[i.as_u64().unwrap() as usize],
            _ => unreachable!(),
        };
    }
    current
}
