//! The editorial checker: reads the assembled report (the model the writers print) and
//! points out what a UN editor would: present tense in reported speech, near misses of
//! registered names, forms the UN does not use ("UN", "Secretary General", "Covid-19",
//! "%", US dates), figures below 10, counts that do not match their list, acronyms not
//! spelled out, doubled words, the report's length against its limit. Pure and
//! precision first: a finding is raised only where the rule is sure.

mod budget;
mod house;
mod names;
mod numbers;
mod structure;
mod tense;
mod words;

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::core::meeting::ReportKind;
use crate::core::session::Session;

use super::model::{Block, Inline, Report, plain};

pub use budget::{
    WordCount, WordMemo, default_limit, thousands, word_count, word_count_memo, word_limit,
};

/// The rules, each switchable in the session (`report.check.off`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Reported speech in the past: "stresses" -> "stressed", "is" -> "was" after "that".
    Tense,
    /// A near miss of a registered name ("Kheris" for Kehris) or its accents.
    Name,
    /// Forms the UN does not use: "UN", "Secretary General", "Covid-19", "%", US dates,
    /// "Resolution 44/14" mid-sentence, and the preferred spellings.
    House,
    /// A figure below 10 in running text.
    Number,
    /// "six commitments" announced, five listed.
    Count,
    /// An acronym used before it is spelled out.
    Acronym,
    /// A `{token}` left over, a bullet ending with ";", doubled spaces or words, and
    /// the report's own warnings (a lone subheading, a statement naming no speaker).
    Structure,
    /// Longer than the report's word limit.
    Length,
}

impl Rule {
    pub const ALL: [Rule; 8] = [
        Rule::Tense,
        Rule::Name,
        Rule::House,
        Rule::Number,
        Rule::Count,
        Rule::Acronym,
        Rule::Structure,
        Rule::Length,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::Tense => "tense",
            Rule::Name => "name",
            Rule::House => "house",
            Rule::Number => "number",
            Rule::Count => "count",
            Rule::Acronym => "acronym",
            Rule::Structure => "structure",
            Rule::Length => "length",
        }
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id.trim())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Against the rules: fix it.
    Error,
    /// Likely a slip: look at it.
    Warning,
}

/// Where a finding is: a numbered paragraph, or another part of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The paragraph's number in a report or record.
    pub paragraph: Option<u32>,
    /// The footnote's number, when the finding is in one.
    pub footnote: Option<u32>,
    /// The editor's paragraph (layout id) it is in, for the editor to jump to.
    pub item: Option<u32>,
    /// How people name the place: "¶12", "¶12, footnote 3", "Summary", "bullet 7",
    /// "heading \"2. Workplan\"".
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub place: Place,
    /// What the rule flags, as it stands in the text.
    pub excerpt: String,
    /// The rule, said plainly.
    pub message: String,
    /// The replacement, where the fix is certain.
    pub suggestion: Option<String>,
}

/// A finding as one rule found it in one piece of text, before its place is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub rule: Rule,
    pub severity: Severity,
    pub excerpt: String,
    pub message: String,
    pub suggestion: Option<String>,
}

/// One piece of text of the report the rules read.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub place: Place,
    pub text: std::sync::Arc<str>,
    pub kind: UnitKind,
    /// What the memo knows the text by: the report's shared runs it came from (a
    /// paragraph the editor did not touch keeps them from one report to the next), or
    /// the text's hash.
    key: UnitKey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum UnitKey {
    /// The address of the block's runs, and which piece of them: 0 the text, n the n-th
    /// footnote.
    Runs(usize, u32, UnitKind),
    Text(u64, UnitKind),
}

/// The texts of the report's shared runs, kept with the runs themselves (so their
/// address cannot be taken by other runs while they are known here).
#[derive(Default)]
pub(crate) struct Texts {
    known: rustc_hash::FxHashMap<usize, (super::model::Content, Vec<std::sync::Arc<str>>)>,
}

impl Texts {
    /// The text of `content` and of its footnotes, read once per shared runs.
    fn of(&mut self, content: &super::model::Content) -> &[std::sync::Arc<str>] {
        let at = std::sync::Arc::as_ptr(content).cast::<u8>() as usize;
        &self
            .known
            .entry(at)
            .or_insert_with(|| {
                let mut texts: Vec<std::sync::Arc<str>> = vec![plain(content).into()];
                texts.extend(content.iter().filter_map(|i| match i {
                    Inline::Footnote(note) => Some(note.as_str().into()),
                    _ => None,
                }));
                (content.clone(), texts)
            })
            .1
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum UnitKind {
    /// A numbered or unnumbered body paragraph, the Summary.
    Body,
    Bullet(u8),
    Footnote,
    /// Headings, title, masthead lines: names and spellings only.
    Heading,
}

/// What the editor set for the checker in the session.
pub struct Settings<'a> {
    pub off: &'a [String],
    /// Extra preferred spellings, one "wrong -> right" a line.
    pub spellings: &'a str,
    /// Findings the editor ignored: (rule id, excerpt).
    pub ignored: &'a [(String, String)],
    pub word_limit: Option<u32>,
}

impl<'a> Settings<'a> {
    pub fn of(session: &'a Session, kind: ReportKind) -> Settings<'a> {
        let c = &session.report.check;
        Settings {
            off: &c.off,
            spellings: &c.spellings,
            ignored: &c.ignored,
            word_limit: word_limit(session, kind),
        }
    }
}

/// Every finding in the report, in reading order.
pub fn check(session: &Session, report: &Report) -> Vec<Finding> {
    check_with(session, report, &Settings::of(session, report.kind))
}

pub fn check_with(session: &Session, report: &Report, settings: &Settings) -> Vec<Finding> {
    check_memo(session, report, settings, &mut Memo::default())
}

/// What the last check found in each piece of text, reused while the session's names,
/// the spellings and the rules switched on are the same: after an edit only the
/// paragraphs that changed are read again.
#[derive(Default)]
pub struct Memo {
    key: u64,
    facts: rustc_hash::FxHashMap<UnitKey, Facts>,
    texts: Texts,
}

/// What the rules find in one piece of text on its own: its findings, and what the rules
/// that read across the report need of it.
#[derive(Debug, Clone, Default)]
struct Facts {
    hits: Vec<Hit>,
    acronyms: Vec<(String, bool)>,
    counts: numbers::CountFacts,
    /// Names nobody registered, for the spelled-two-ways rule.
    names: Vec<String>,
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

/// [`check_with`], reading again only the pieces of text `memo` has not seen.
pub fn check_memo(
    session: &Session,
    report: &Report,
    settings: &Settings,
    memo: &mut Memo,
) -> Vec<Finding> {
    let on: HashSet<Rule> = Rule::ALL
        .into_iter()
        .filter(|r| !settings.off.iter().any(|o| o.trim() == r.id()))
        .collect();
    let units = units(report, &mut memo.texts);
    let context = Context::new(session, settings.spellings);
    let mut rules: Vec<Rule> = on.iter().copied().collect();
    rules.sort();
    let key = hash_of(&(
        &context.registered,
        &context.spellings,
        &rules,
        &context.names.key,
    ));
    if memo.key != key {
        memo.key = key;
        memo.facts.clear();
    }
    for unit in &units {
        memo.facts.entry(unit.key).or_insert_with(|| Facts {
            hits: unit_hits(unit, &on, &context),
            acronyms: if on.contains(&Rule::Acronym) {
                structure::acronym_uses(unit, &context)
            } else {
                Vec::new()
            },
            counts: if on.contains(&Rule::Count) {
                numbers::count_facts(unit)
            } else {
                numbers::CountFacts::default()
            },
            names: if on.contains(&Rule::Name) && unit.kind != UnitKind::Heading {
                names::unregistered(&unit.text, &context.names)
            } else {
                Vec::new()
            },
        });
    }
    let empty = Facts::default();
    let facts: Vec<&Facts> = units
        .iter()
        .map(|u| memo.facts.get(&u.key).unwrap_or(&empty))
        .collect();
    let mut out: Vec<Finding> = units
        .iter()
        .zip(&facts)
        .flat_map(|(unit, f)| f.hits.iter().cloned().map(|h| h.at(&unit.place)))
        .collect();
    if on.contains(&Rule::Acronym) {
        let uses: Vec<&[(String, bool)]> = facts.iter().map(|f| f.acronyms.as_slice()).collect();
        out.extend(structure::acronyms(&units, &uses));
    }
    if on.contains(&Rule::Count) {
        let counts: Vec<&numbers::CountFacts> = facts.iter().map(|f| &f.counts).collect();
        out.extend(numbers::counts(&units, &counts));
    }
    if on.contains(&Rule::Name) {
        let found: Vec<&[String]> = facts.iter().map(|f| f.names.as_slice()).collect();
        out.extend(names::inconsistent(&units, &found));
    }
    drop(facts);
    // What no longer prints is forgotten.
    let seen: rustc_hash::FxHashSet<UnitKey> = units.iter().map(|u| u.key).collect();
    memo.facts.retain(|id, _| seen.contains(id));
    let runs: rustc_hash::FxHashSet<usize> = seen
        .iter()
        .filter_map(|k| match k {
            UnitKey::Runs(at, 0, _) => Some(*at),
            _ => None,
        })
        .collect();
    memo.texts.known.retain(|at, _| runs.contains(at));
    cross_rules(report, settings, &on, out)
}

/// The rules that read one piece of text on its own.
fn unit_hits(unit: &Unit, on: &HashSet<Rule>, context: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    let masked = context.mask(&unit.text);
    if unit.kind != UnitKind::Heading {
        if on.contains(&Rule::Tense) && unit.kind != UnitKind::Footnote {
            tense::check(&unit.text, &mut hits);
        }
        if on.contains(&Rule::House) {
            house::check(&masked, &mut hits);
        }
        if on.contains(&Rule::Number) && unit.kind != UnitKind::Footnote {
            numbers::figures(&unit.text, &mut hits);
        }
        if on.contains(&Rule::Structure) {
            structure::check(unit, &mut hits);
        }
    }
    if on.contains(&Rule::House) {
        house::spellings(&unit.text, &context.spellings, &mut hits);
    }
    if on.contains(&Rule::Name) {
        names::check(&unit.text, &context.names, &mut hits);
    }
    hits
}

/// The report's warnings and its length; then what the editor ignored is taken out.
fn cross_rules(
    report: &Report,
    settings: &Settings,
    on: &HashSet<Rule>,
    mut out: Vec<Finding>,
) -> Vec<Finding> {
    if on.contains(&Rule::Structure) {
        out.extend(structure::report_warnings(report));
    }
    if on.contains(&Rule::Length)
        && let Some(limit) = settings.word_limit
    {
        let count = word_count(report);
        if count.total > limit as usize {
            out.push(Finding {
                rule: Rule::Length,
                severity: Severity::Error,
                place: Place {
                    paragraph: None,
                    footnote: None,
                    item: None,
                    label: "report".into(),
                },
                excerpt: format!("{} words", budget::thousands(count.total)),
                message: format!(
                    "The report has {} words (body, footnotes and headings); its limit is {}.",
                    budget::thousands(count.total),
                    budget::thousands(limit as usize)
                ),
                suggestion: None,
            });
        }
    }
    out.retain(|f| {
        !settings
            .ignored
            .iter()
            .any(|(rule, excerpt)| rule == f.rule.id() && *excerpt == f.excerpt)
    });
    out
}

impl Hit {
    fn at(self, place: &Place) -> Finding {
        Finding {
            rule: self.rule,
            severity: self.severity,
            place: place.clone(),
            excerpt: self.excerpt,
            message: self.message,
            suggestion: self.suggestion,
        }
    }
}

/// What the rules know of the session: the registered names (never flagged as "UN" or
/// an acronym, and the words near misses are measured against) and the spellings.
pub(crate) struct Context {
    /// Registered names and acronyms, longest first, masked before the house and
    /// acronym rules read a text.
    registered: Vec<String>,
    /// Which of them start with a word: only those whose first word is in a text are
    /// looked for in it.
    by_first_word: HashMap<String, Vec<usize>>,
    pub acronyms: HashSet<String>,
    pub names: names::Names,
    pub spellings: Vec<(String, String)>,
}

impl Context {
    fn new(session: &Session, extra: &str) -> Context {
        let mut registered: Vec<String> = Vec::new();
        let mut acronyms = HashSet::new();
        for d in &session.delegations {
            registered.push(d.name.clone());
            if let Some(a) = &d.acronym {
                registered.push(a.clone());
                acronyms.insert(a.clone());
            }
        }
        for p in &session.participants {
            for t in [&p.title, &p.short_title] {
                if !t.trim().is_empty() {
                    registered.push(t.clone());
                }
            }
        }
        for g in &session.groups {
            registered.push(g.name.clone());
        }
        for s in &session.segments {
            registered.push(s.title.clone());
        }
        for t in [&session.meeting.body, &session.meeting.title] {
            if !t.trim().is_empty() {
                registered.push(t.clone());
            }
        }
        registered.retain(|r| r.trim().chars().count() > 1);
        registered.sort_by_key(|r| std::cmp::Reverse(r.len()));
        registered.dedup();
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (n, name) in registered.iter().enumerate() {
            if let Some(first) = words::words(name).first() {
                by_first_word
                    .entry(first.text.to_string())
                    .or_default()
                    .push(n);
            }
        }
        Context {
            registered,
            by_first_word,
            acronyms,
            names: names::Names::of(session),
            spellings: house::spelling_list(extra),
        }
    }

    /// The text with every registered name blanked out (same length, so offsets hold).
    pub fn mask(&self, text: &str) -> String {
        let mut out = text.to_string();
        let mut candidates: Vec<usize> = words::words(text)
            .iter()
            .filter_map(|w| self.by_first_word.get(w.text))
            .flatten()
            .copied()
            .collect();
        // Longest first, as `registered` is sorted.
        candidates.sort_unstable();
        candidates.dedup();
        for name in candidates.iter().filter_map(|n| self.registered.get(*n)) {
            if !out.contains(name.as_str()) {
                continue;
            }
            let blank: String = name
                .chars()
                .map(|c| if c.is_whitespace() { c } else { '_' })
                .collect();
            // Same byte length only for ASCII; otherwise leave the rest as it is.
            if blank.len() == name.len() {
                out = out.replace(name.as_str(), &blank);
            }
        }
        out
    }
}

/// The report's text, piece by piece, with where each piece is.
pub(crate) fn units(report: &Report, texts: &mut Texts) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut footnote = 0u32;
    let mut bullet = 0u32;
    let place = |paragraph: Option<u32>, item: Option<u32>, label: String| Place {
        paragraph,
        footnote: None,
        item,
        label,
    };
    let plain_unit = |place: Place, text: &str, kind: UnitKind| Unit {
        place,
        key: UnitKey::Text(hash_of(&text), kind),
        text: text.into(),
        kind,
    };
    for (n, text) in report.summary.iter().enumerate() {
        out.push(plain_unit(
            place(None, None, format!("Summary, paragraph {}", n + 1)),
            text,
            UnitKind::Body,
        ));
    }
    for block in &report.blocks {
        let (content, at, kind) = match block {
            Block::Chapter { title, .. } => {
                out.push(plain_unit(
                    place(None, None, format!("heading \"{title}\"")),
                    title,
                    UnitKind::Heading,
                ));
                continue;
            }
            Block::Heading { text } => {
                out.push(plain_unit(
                    place(None, None, format!("heading \"{text}\"")),
                    text,
                    UnitKind::Heading,
                ));
                continue;
            }
            Block::Subheading {
                letter,
                content,
                item,
            } => (
                content,
                place(None, *item, format!("subheading {letter}")),
                UnitKind::Heading,
            ),
            Block::Paragraph {
                number,
                content,
                item,
                ..
            } => (
                content,
                place(
                    *number,
                    *item,
                    number.map_or_else(|| "paragraph".to_string(), |n| format!("¶{n}")),
                ),
                UnitKind::Body,
            ),
            Block::Bullet { level, content, .. } => {
                bullet += 1;
                (
                    content,
                    place(None, None, format!("bullet {bullet}")),
                    UnitKind::Bullet(*level),
                )
            }
            Block::Plain { content } => (content, place(None, None, "line".into()), UnitKind::Body),
        };
        let address = std::sync::Arc::as_ptr(content).cast::<u8>() as usize;
        for (n, text) in texts.of(content).iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            if n == 0 {
                out.push(Unit {
                    place: at.clone(),
                    text: text.clone(),
                    kind,
                    key: UnitKey::Runs(address, 0, kind),
                });
                continue;
            }
            footnote += 1;
            out.push(Unit {
                place: Place {
                    footnote: Some(footnote),
                    label: format!("{}, footnote {footnote}", at.label),
                    ..at.clone()
                },
                text: text.clone(),
                kind: UnitKind::Footnote,
                key: UnitKey::Runs(address, n, UnitKind::Footnote),
            });
        }
    }
    out
}

/// One finding a line, as the command line prints them: `¶12 tense: "stresses" ->
/// "stressed" (reported speech is in the past)`.
pub fn line(f: &Finding) -> String {
    if f.excerpt.is_empty() {
        return format!("{} {}: {}", f.place.label, f.rule.id(), f.message);
    }
    let mut out = format!("{} {}: \"{}\"", f.place.label, f.rule.id(), f.excerpt);
    if let Some(s) = &f.suggestion {
        out.push_str(&format!(" -> \"{s}\""));
    }
    out.push_str(&format!(" ({})", f.message));
    out
}

/// The findings as one JSON array of objects (`rule`, `severity`, `paragraph`,
/// `footnote`, `place`, `message`, `excerpt`, `suggestion`).
pub fn to_json(findings: &[Finding]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        rule: &'static str,
        severity: Severity,
        paragraph: Option<u32>,
        footnote: Option<u32>,
        place: &'a str,
        message: &'a str,
        excerpt: &'a str,
        suggestion: Option<&'a str>,
    }
    let out: Vec<Out> = findings
        .iter()
        .map(|f| Out {
            rule: f.rule.id(),
            severity: f.severity,
            paragraph: f.place.paragraph,
            footnote: f.place.footnote,
            place: &f.place.label,
            message: &f.message,
            excerpt: &f.excerpt,
            suggestion: f.suggestion.as_deref(),
        })
        .collect();
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| "[]".into())
}
