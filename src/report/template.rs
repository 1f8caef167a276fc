//! Paragraph templates: the text an editor sees and rewrites. `{Name}` stands for a
//! person or a delegation and is printed as the drafting rules want at that place of the
//! report (full title at first mention, short form later, capitalized at the start of a
//! sentence), so moving a paragraph never leaves a wrong first mention behind.
//!
//! - `{Bouayach}`, `{Amina Bouayach}`, `{the High Commissioner}`, `{Peru}`: a mention.
//! - `{delegations}`: the thematic opening of a grouped paragraph, from its sources
//!   ("Some delegations, including Cameroon, China and Cuba,").
//! - `{Bouayach:she}`, `{Bouayach:her}`, `{Peru:its}`: that speaker's pronoun in the form
//!   named (see [`super::pronouns`]); not a mention.
//! - `{note:text}`: a footnote anchored at that place.
//! - `{{` and `}}` print a brace.

use rustc_hash::FxHashMap as HashMap;

use crate::core::intervention::{Intervention, InterventionId, Speaker};
use crate::core::meeting::SegmentKind;
use crate::core::participant::Role;
use crate::core::session::Session;
use crate::core::settings::FirstMention;
use crate::core::text::{capitalize_first, fold};

use super::mentions::{Mention, Mentions};
use super::model::Inline;
use super::pronouns::{self, Form};
use super::themes;
use super::words::end_sentence;

/// The token of a thematic opening.
pub const THEME: &str = "{delegations}";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Name(String),
    /// A speaker's pronoun: the name, the form, and the word as typed.
    Pronoun(String, Form, String),
    Note(String),
    Theme,
}

/// Literal text made safe to put into a template.
pub fn escape(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

pub fn parse(template: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    // Plain runs are copied whole; only braces are looked at one by one.
    while let Some(at) = rest.find(['{', '}']) {
        let (before, from) = rest.split_at(at);
        text.push_str(before);
        let mut chars = from.chars();
        let Some(brace) = chars.next() else { break };
        let after = chars.as_str();
        if let Some(rest_after_double) = after.strip_prefix(brace) {
            text.push(brace);
            rest = rest_after_double;
            continue;
        }
        // A token runs to the next single '}' on the same line; otherwise the brace is
        // only a brace.
        match (brace, token_end(after)) {
            ('{', Some((inner, used))) => {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(token(&inner));
                let bytes: usize = after.chars().take(used).map(char::len_utf8).sum();
                rest = after.get(bytes..).unwrap_or_default();
            }
            _ => {
                text.push(brace);
                rest = after;
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    pieces
}

/// The inside of a token (with `}}` read as a brace) and the characters it used.
fn token_end(rest: &str) -> Option<(String, usize)> {
    let mut inner = String::new();
    let mut chars = rest.chars().peekable();
    let mut used = 0;
    while let Some(c) = chars.next() {
        used += 1;
        match c {
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                used += 1;
                inner.push('}');
            }
            '}' => return Some((inner, used)),
            '\n' | '{' => return None,
            _ => inner.push(c),
        }
    }
    None
}

/// The nearest place at or before `at` (a char index) where the template can be cut
/// without cutting a token in two; as a byte index.
pub fn split_point(template: &str, at: usize) -> usize {
    let mut byte = template
        .char_indices()
        .nth(at)
        .map(|(b, _)| b)
        .unwrap_or(template.len());
    // Token spans, found the way `parse` finds them.
    let mut spans = Vec::new();
    let mut iter = template.char_indices().peekable();
    while let Some((b, c)) = iter.next() {
        if (c == '{' || c == '}') && iter.peek().map(|(_, n)| *n) == Some(c) {
            iter.next();
            continue;
        }
        if c == '{'
            && let Some((_, used)) = token_end(&template[b + 1..])
        {
            let mut end = b + 1;
            for ch in template[b + 1..].chars().take(used) {
                end += ch.len_utf8();
            }
            spans.push((b, end));
            while iter.peek().is_some_and(|(nb, _)| *nb < end) {
                iter.next();
            }
        }
    }
    if let Some((start, _)) = spans.iter().find(|(s, e)| *s < byte && byte < *e) {
        byte = *start;
    }
    byte
}

fn token(inner: &str) -> Piece {
    let trimmed = inner.trim();
    if let Some(note) = trimmed.strip_prefix("note:") {
        return Piece::Note(note.trim().to_string());
    }
    if fold(trimmed) == "delegations" {
        return Piece::Theme;
    }
    // The last colon: a name may hold one ("CIVICUS: World Alliance ...").
    // "#d:it" is the key of a delegation whose id is "it", not a pronoun.
    if let Some((name, word)) = trimmed.rsplit_once(':')
        && name.trim() != "#d"
        && let Some(form) = Form::parse(word)
    {
        return Piece::Pronoun(name.trim().to_string(), form, word.trim().to_string());
    }
    Piece::Name(trimmed.to_string())
}

fn key_form(text: &str) -> String {
    let folded = fold(text);
    folded.strip_prefix("the ").unwrap_or(&folded).to_string()
}

/// How a statement's automatic sentence opens, by its place in the meeting (the model report).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadIn {
    /// "{Bouayach} highlighted ..."
    Plain,
    /// A speaker's first statement in the concluding remarks: "In her concluding remarks,
    /// the Special Adviser ... considered ..." (para. 41).
    Concluding,
    /// A panellist answering in turn after another in a later round: "For her part, Ms.
    /// Izsák-Ndiaye emphasized ..." (para. 26).
    ForTheirPart,
}

/// The lead-in of every statement that has one, from speaking order alone (so moving
/// paragraphs never changes it).
fn lead_ins(session: &Session) -> HashMap<InterventionId, LeadIn> {
    let mut out = HashMap::default();
    let mut by_segment: HashMap<u32, Vec<&Intervention>> = HashMap::default();
    for i in &session.interventions {
        let kind = session.segment(i.segment).map(|s| s.kind);
        if matches!(kind, Some(SegmentKind::Concluding | SegmentKind::Panel)) && i.is_statement() {
            by_segment.entry(i.segment).or_default().push(i);
        }
    }
    for (segment, mut list) in by_segment {
        list.sort_by_key(|i| (i.started_at, i.id));
        let concluding = session
            .segment(segment)
            .is_some_and(|s| s.kind == SegmentKind::Concluding);
        // Turns: runs of one speaker's statements, each with how many turns that speaker
        // has had so far.
        let mut turns: HashMap<&Speaker, usize> = HashMap::default();
        let mut previous: Option<(&Speaker, usize)> = None;
        for i in list {
            if previous.is_some_and(|(speaker, _)| *speaker == i.speaker) {
                continue;
            }
            let turn = {
                let n = turns.entry(&i.speaker).or_insert(0);
                *n += 1;
                *n
            };
            let is_person = matches!(i.speaker, Speaker::Participant(_));
            let panellist = |speaker: &Speaker| match speaker {
                Speaker::Participant(id) => session
                    .participant(*id)
                    .is_some_and(|p| p.role == Role::Panellist),
                Speaker::Delegation(_) => false,
            };
            if concluding && turn == 1 && is_person {
                out.insert(i.id, LeadIn::Concluding);
            } else if !concluding
                && turn >= 2
                && panellist(&i.speaker)
                && previous.is_some_and(|(speaker, before)| before == turn && panellist(speaker))
            {
                out.insert(i.id, LeadIn::ForTheirPart);
            }
            previous = Some((&i.speaker, turn));
        }
    }
    out
}

/// Every name a template may use, for one assembly.
#[derive(Debug)]
pub struct Keys {
    map: HashMap<String, Speaker>,
    /// Intervention id -> index in the session, so a long report finds its sources fast.
    index: HashMap<InterventionId, usize>,
    lead_ins: HashMap<InterventionId, LeadIn>,
}

impl Keys {
    pub fn new(session: &Session) -> Keys {
        let mut map: HashMap<String, Speaker> = HashMap::default();
        let mut ambiguous: Vec<String> = Vec::new();
        let mut add = |map: &mut HashMap<String, Speaker>, name: &str, speaker: Speaker| {
            let key = key_form(name);
            if key.is_empty() {
                return;
            }
            match map.get(&key) {
                Some(existing) if *existing != speaker => ambiguous.push(key),
                Some(_) => {}
                None => {
                    map.insert(key, speaker);
                }
            }
        };
        for p in &session.participants {
            let s = Speaker::Participant(p.id);
            add(&mut map, &p.full_name(), s.clone());
            add(&mut map, &p.family_name, s.clone());
            add(&mut map, &p.short_title, s.clone());
            if p.title_only || p.full_name().is_empty() {
                add(&mut map, &p.title, s.clone());
            }
            map.insert(format!("#p{}", p.id), s);
        }
        for d in &session.delegations {
            let s = Speaker::Delegation(d.id.clone());
            add(&mut map, &d.name, s.clone());
            map.insert(format!("#d:{}", d.id), s);
        }
        // A name shared by two speakers names neither: the editor must say which.
        for key in ambiguous {
            map.remove(&key);
        }
        let index = session
            .interventions
            .iter()
            .enumerate()
            .map(|(n, i)| (i.id, n))
            .collect();
        Keys {
            map,
            index,
            lead_ins: lead_ins(session),
        }
    }

    /// Whether any of these statements is in a segment whose statements get lead-ins
    /// (their wording then depends on the segment's other statements).
    pub fn has_lead_in_segment(&self, session: &Session, sources: &[InterventionId]) -> bool {
        sources.iter().any(|id| {
            self.intervention(session, *id)
                .and_then(|i| session.segment(i.segment))
                .is_some_and(|s| matches!(s.kind, SegmentKind::Panel | SegmentKind::Concluding))
        })
    }

    pub fn lead_in(&self, id: InterventionId) -> LeadIn {
        self.lead_ins.get(&id).copied().unwrap_or(LeadIn::Plain)
    }

    pub fn intervention<'s>(
        &self,
        session: &'s Session,
        id: InterventionId,
    ) -> Option<&'s Intervention> {
        self.index
            .get(&id)
            .and_then(|n| session.interventions.get(*n))
            .map(|i| &**i)
            .filter(|i| i.id == id)
    }

    pub fn speaker(&self, name: &str) -> Option<&Speaker> {
        self.map.get(&key_form(name))
    }

    /// The shortest name that leads back to this speaker.
    pub fn key_for(&self, session: &Session, speaker: &Speaker) -> String {
        let candidates: Vec<String> = match speaker {
            Speaker::Participant(id) => match session.participant(*id) {
                Some(p) => vec![
                    p.family_name.clone(),
                    p.short_title.clone(),
                    p.full_name(),
                    p.title.clone(),
                ],
                None => vec![],
            },
            Speaker::Delegation(id) => session
                .delegation(id)
                .map(|d| vec![d.name.clone()])
                .unwrap_or_default(),
        };
        for c in candidates {
            if !c.trim().is_empty() && !c.contains(['{', '}']) && self.speaker(&c) == Some(speaker)
            {
                return c;
            }
        }
        match speaker {
            Speaker::Participant(id) => format!("#p{id}"),
            Speaker::Delegation(id) => format!("#d:{id}"),
        }
    }
}

/// The automatic template of one intervention: the notes as written, with the speaker
/// put in front when they open with a lower-case word ("highlighted ..." ->
/// "{Bouayach} highlighted ..."), after the lead-in their place in the meeting calls
/// for, or as a pronoun when `again` (the same speaker's statement just before, in the
/// same paragraph: "She added ...").
pub fn statement(session: &Session, keys: &Keys, i: &Intervention, again: bool) -> String {
    let body = i.text.trim();
    let mut out = if !i.is_statement() {
        proceeding(session, keys, i)
    } else if i.written {
        // Not heard: said to be written, and a delegation speaks through its delegation,
        // not a representative ("In a written statement, the delegation of Belgium ...").
        let who = match &i.speaker {
            Speaker::Delegation(id) => escape(&format!(
                "the delegation of {}",
                session
                    .delegation(id)
                    .map(|d| d.running_name())
                    .unwrap_or_else(|| id.clone())
            )),
            speaker => format!("{{{}}}", keys.key_for(session, speaker)),
        };
        if body.starts_with(char::is_lowercase) {
            end_sentence(&format!("In a written statement, {who} {}", escape(body)))
        } else {
            // Its own sentences, attributed before them.
            end_sentence(&format!(
                "In a written statement, {who} said: {}",
                escape(body)
            ))
        }
    } else if body.is_empty() || body.starts_with(char::is_lowercase) {
        let key = keys.key_for(session, &i.speaker);
        let mut subject = match (again, keys.lead_in(i.id)) {
            // A delegation's representative is not "it": named again.
            (true, _) if matches!(i.speaker, Speaker::Participant(_)) => {
                format!("{{{key}:they}}")
            }
            (_, LeadIn::Plain) | (true, _) => format!("{{{key}}}"),
            (false, LeadIn::Concluding) => {
                format!("In {{{key}:their}} concluding remarks, {{{key}}}")
            }
            (false, LeadIn::ForTheirPart) => format!("For {{{key}:their}} part, {{{key}}}"),
        };
        if let Some(group) = i.on_behalf_of.and_then(|g| session.group(g)) {
            subject = format!("{subject}, speaking {},", escape(&group.behalf_phrase()));
        }
        if body.is_empty() {
            format!("{subject} took the floor.")
        } else {
            end_sentence(&format!("{subject} {}", escape(body)))
        }
    } else {
        // The editor's own sentence: still exactly one final stop.
        end_sentence(&escape(body))
    };
    for note in &i.footnotes {
        out.push_str(&format!("{{note:{}}}", escape(note)));
    }
    out
}

/// A step of the proceedings in a summary report: a decision or next step in its own
/// words, "The meeting was suspended at ...", "{Name} took the Chair."
fn proceeding(session: &Session, keys: &Keys, i: &Intervention) -> String {
    use super::decisions::{suspension, with_note};
    use crate::core::proceedings::EntryKind;
    let note = escape(i.text.trim());
    match i.kind {
        EntryKind::Suspension => with_note(escape(&suspension(&session.meeting, i)), &note),
        EntryKind::ChairTaken => with_note(
            format!("{{{}}} took the Chair.", keys.key_for(session, &i.speaker)),
            &note,
        ),
        _ => end_sentence(&escape(&capitalize_first(i.text.trim()))),
    }
}

/// The automatic template of a paragraph made of these interventions: a speaker who goes
/// on from the statement before is "she", "he" or "they" (the model report: "She emphasized
/// ... She called on ...").
pub fn statements(session: &Session, keys: &Keys, sources: &[InterventionId]) -> String {
    let mut before: Option<&Speaker> = None;
    let mut out = Vec::with_capacity(sources.len());
    for i in sources
        .iter()
        .filter_map(|id| keys.intervention(session, *id))
    {
        out.push(statement(session, keys, i, before == Some(&i.speaker)));
        before = Some(&i.speaker);
    }
    out.join(" ")
}

/// Inline runs (as generators build them) as a template.
pub fn from_inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) => out.push_str(&escape(t)),
            Inline::Footnote(t) => out.push_str(&format!("{{note:{}}}", escape(t))),
            Inline::LineBreak => out.push('\n'),
            Inline::Item(level) => out.push_str(if *level <= 1 { "\n- " } else { "\n-- " }),
        }
    }
    out
}

/// Prints templates in report order; the mention tracker makes first mentions right.
pub struct Renderer<'a> {
    pub session: &'a Session,
    pub keys: &'a Keys,
    pub mentions: Mentions,
    /// Interventions the report leaves out (not counted in thematic openings).
    pub excluded: &'a [InterventionId],
    /// What thematic openings need, built at the first one.
    themes: Option<themes::Context<'a>>,
    /// Set when a template read more of the log than its own statements (a thematic
    /// opening counts every statement of the segment); the caller resets it.
    pub read_whole_log: bool,
}

impl<'a> Renderer<'a> {
    pub fn new(session: &'a Session, excluded: &'a [InterventionId], keys: &'a Keys) -> Self {
        Renderer {
            session,
            keys,
            mentions: Mentions::new(session.report.first_mention == FirstMention::NameFirst),
            excluded,
            themes: None,
            read_whole_log: false,
        }
    }

    /// The runs of one paragraph, and the names in it that name nobody.
    pub fn render(
        &mut self,
        template: &str,
        sources: &[InterventionId],
        unknown: &mut Vec<String>,
    ) -> Vec<Inline> {
        let pieces = parse(template);
        let mut out: Vec<Inline> = Vec::new();
        let mut buffer = String::new();
        // All text so far, to tell whether a name opens a sentence.
        let mut so_far = String::new();
        for (n, piece) in pieces.iter().enumerate() {
            let next_is_punctuation = match pieces.get(n + 1) {
                Some(Piece::Text(t)) => t.starts_with([',', '.', ';', ':', ')', '?', '!']),
                Some(Piece::Note(_)) | None => true,
                _ => false,
            };
            let opens_sentence = {
                let t = so_far.trim_end();
                t.is_empty() || t.ends_with(['.', '!', '?', '\n'])
            };
            let mention = match piece {
                Piece::Text(t) => {
                    buffer.push_str(t);
                    so_far.push_str(t);
                    continue;
                }
                Piece::Note(note) => {
                    flush(&mut buffer, &mut out);
                    out.push(Inline::Footnote(note.clone()));
                    continue;
                }
                Piece::Name(name) => match self.keys.speaker(name).cloned() {
                    Some(speaker) => self.mentions.speaker(self.session, &speaker),
                    None => {
                        unknown.push(name.clone());
                        let literal = format!("{{{name}}}");
                        buffer.push_str(&literal);
                        so_far.push_str(&literal);
                        continue;
                    }
                },
                Piece::Pronoun(name, form, typed) => {
                    let pronoun = match self.keys.speaker(name) {
                        Some(Speaker::Participant(id)) => {
                            self.session.participant(*id).map(|p| Some(p.pronoun))
                        }
                        Some(Speaker::Delegation(_)) => Some(None),
                        None => None,
                    };
                    let Some(pronoun) = pronoun else {
                        unknown.push(name.clone());
                        let literal = format!("{{{name}:{typed}}}");
                        buffer.push_str(&literal);
                        so_far.push_str(&literal);
                        continue;
                    };
                    let word = pronouns::word(pronoun, *form);
                    let text = if opens_sentence {
                        capitalize_first(word)
                    } else {
                        word.to_string()
                    };
                    buffer.push_str(&text);
                    so_far.push_str(&text);
                    continue;
                }
                Piece::Theme => {
                    self.read_whole_log = true;
                    let (session, excluded) = (self.session, self.excluded);
                    let context = self
                        .themes
                        .get_or_insert_with(|| themes::Context::new(session, excluded));
                    Mention {
                        text: themes::opening(
                            self.session,
                            &sources
                                .iter()
                                .filter_map(|id| self.keys.intervention(self.session, *id))
                                .collect::<Vec<_>>(),
                            context,
                        ),
                        appositive: true,
                    }
                }
            };
            let mut text = if opens_sentence {
                capitalize_first(&mention.text)
            } else {
                mention.text
            };
            if mention.appositive && !next_is_punctuation {
                text.push(',');
            }
            buffer.push_str(&text);
            so_far.push_str(&text);
        }
        flush(&mut buffer, &mut out);
        out
    }
}

/// Buffered text into runs, line breaks kept.
fn flush(buffer: &mut String, out: &mut Vec<Inline>) {
    if buffer.is_empty() {
        return;
    }
    for (n, line) in buffer.split('\n').enumerate() {
        let mut line = line;
        if n > 0 {
            // A line that starts with "- " or "-- " is a sub-paragraph: (a), then (i).
            if let Some(rest) = line.strip_prefix("-- ") {
                out.push(Inline::Item(2));
                line = rest;
            } else if let Some(rest) = line.strip_prefix("- ") {
                out.push(Inline::Item(1));
                line = rest;
            } else {
                out.push(Inline::LineBreak);
            }
        }
        if !line.is_empty() {
            out.push(Inline::text(line));
        }
    }
    buffer.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;
    use crate::report::model::plain;

    #[test]
    fn tokens_and_escapes() {
        assert_eq!(
            parse("{Peru} said {{x}} {note:A/HRC/1} { open"),
            vec![
                Piece::Name("Peru".into()),
                Piece::Text(" said {x} ".into()),
                Piece::Note("A/HRC/1".into()),
                Piece::Text(" { open".into()),
            ]
        );
        assert_eq!(parse("{Delegations} agreed")[0], Piece::Theme);
        assert_eq!(
            parse("{Bouayach:Her}")[0],
            Piece::Pronoun("Bouayach".into(), Form::Determiner, "Her".into())
        );
        assert_eq!(parse("{#d:it}")[0], Piece::Name("#d:it".into()));
        assert_eq!(
            parse("{#d:it:its}")[0],
            Piece::Pronoun("#d:it".into(), Form::Determiner, "its".into())
        );
        assert_eq!(
            parse("{CIVICUS: World Alliance}")[0],
            Piece::Name("CIVICUS: World Alliance".into())
        );
        let text = "a {b} c}}";
        assert_eq!(parse(&escape(text)), vec![Piece::Text(text.into())]);
    }

    #[test]
    fn splits_never_cut_a_token() {
        let t = "Ab {Bouayach} said";
        assert_eq!(split_point(t, 2), 2);
        assert_eq!(split_point(t, 6), 3);
        assert_eq!(split_point(t, 13), 13);
        assert_eq!(split_point("é{x}", 2), 2);
        assert_eq!(split_point(t, 99), t.len());
    }

    #[test]
    fn names_print_as_first_then_later_mentions() {
        let s = demo_session();
        let keys = Keys::new(&s);
        let mut r = Renderer::new(&s, &[], &keys);
        let mut unknown = Vec::new();
        let first = plain(&r.render("{Bouayach} said that {Peru} agreed.", &[], &mut unknown));
        assert_eq!(
            first,
            "The Chair of the National Human Rights Council of Morocco, Amina Bouayach, said that the representative of Peru agreed."
        );
        let later = plain(&r.render("Asked by {amina bouayach}, she replied.", &[], &mut unknown));
        assert_eq!(later, "Asked by Ms. Bouayach, she replied.");
        assert!(unknown.is_empty());
        r.render("{Nobody} spoke.", &[], &mut unknown);
        assert_eq!(unknown, vec!["Nobody".to_string()]);
    }

    #[test]
    fn a_delegation_going_on_in_one_paragraph_is_named_again_a_person_is_she() {
        let s = demo_session();
        let keys = Keys::new(&s);
        let by = |speaker: &Speaker| -> Vec<InterventionId> {
            s.interventions
                .iter()
                .filter(|i| &i.speaker == speaker)
                .map(|i| i.id)
                .take(1)
                .collect()
        };
        let peru = Speaker::Delegation("peru".into());
        let twice = [by(&peru), by(&peru)].concat();
        let template = statements(&s, &keys, &twice);
        assert_eq!(template.matches("{Peru}").count(), 2, "{template}");
        let bouayach = s
            .interventions
            .iter()
            .find(|i| i.text.starts_with("highlighted"))
            .unwrap();
        let template = statements(&s, &keys, &[bouayach.id, bouayach.id]);
        assert!(
            template.contains(". {Bouayach:they} highlighted"),
            "{template}"
        );
    }

    #[test]
    fn every_speaker_has_a_key_that_leads_back() {
        let s = demo_session();
        let keys = Keys::new(&s);
        for i in &s.interventions {
            let key = keys.key_for(&s, &i.speaker);
            assert_eq!(keys.speaker(&key), Some(&i.speaker), "{key}");
        }
    }
}
