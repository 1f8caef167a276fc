//! The speaker picker's search: participants of the session plus every delegation,
//! matched by any part of name, title or delegation, ignoring accents and case.

use super::delegation::{Delegation, catalogue};
use super::intervention::Speaker;
use super::participant::ParticipantId;
use super::session::Session;
use super::text::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    Participant(ParticipantId),
    /// A delegation with no named person: "the representative of ...". May come from the
    /// catalogue and not be part of the session yet.
    Delegation(Delegation),
}

#[derive(Debug, Clone)]
pub struct Candidate {
    pub pick: Pick,
    /// "Amina Bouayach", "the Netherlands".
    pub label: String,
    /// "panellist, Chair of the National Human Rights Council of Morocco", "Member State".
    pub detail: String,
    label_key: String,
    haystack: String,
}

impl Pick {
    /// The speaker this pick stands for, without touching the session.
    pub fn speaker_ref(&self) -> Speaker {
        match self {
            Pick::Participant(id) => Speaker::Participant(*id),
            Pick::Delegation(d) => Speaker::Delegation(d.id.clone()),
        }
    }
}

impl Candidate {
    /// A candidate for a speaker already in the session (e.g. the next inscription).
    pub fn for_speaker(session: &Session, speaker: &Speaker) -> Option<Candidate> {
        let pick = match speaker {
            Speaker::Participant(id) => Pick::Participant(session.participant(*id)?.id),
            Speaker::Delegation(id) => Pick::Delegation(session.delegation(id)?.clone()),
        };
        let label = session.speaker_label(speaker);
        Some(Candidate {
            pick,
            label_key: fold(&label),
            detail: String::new(),
            haystack: String::new(),
            label,
        })
    }

    /// The speaker this candidate stands for once its delegation is in the session.
    pub fn speaker(&self, session: &mut Session) -> Speaker {
        match &self.pick {
            Pick::Participant(id) => Speaker::Participant(*id),
            Pick::Delegation(d) => Speaker::Delegation(session.ensure_delegation(d)),
        }
    }
}

/// Pre-folded search entries; rebuild when participants or delegations change.
#[derive(Debug, Clone, Default)]
pub struct PickerIndex {
    entries: Vec<Candidate>,
}

impl PickerIndex {
    pub fn build(session: &Session) -> Self {
        let mut entries = Vec::with_capacity(session.participants.len() + catalogue().len());
        for p in &session.participants {
            let delegation = p.delegation.as_deref().and_then(|d| session.delegation(d));
            let label = p.display_name();
            let mut detail = p.role.label().to_string();
            if !p.title.is_empty() {
                detail = format!("{detail}, {}", p.title);
            }
            if let Some(d) = delegation {
                detail = format!("{detail}, {}", d.name);
            }
            let haystack = fold(&format!(
                "{} {} {} {} {}",
                p.full_name(),
                p.title,
                p.short_title,
                delegation.map(|d| d.name.as_str()).unwrap_or(""),
                delegation.and_then(|d| d.acronym.as_deref()).unwrap_or("")
            ));
            entries.push(Candidate {
                pick: Pick::Participant(p.id),
                label_key: fold(&label),
                label,
                detail,
                haystack,
            });
        }
        let session_ids: Vec<&str> = session.delegations.iter().map(|d| d.id.as_str()).collect();
        let builtin = catalogue()
            .iter()
            .filter(|d| !session_ids.contains(&d.id.as_str()));
        for d in session.delegations.iter().chain(builtin) {
            let haystack = fold(&format!(
                "{} {} {}",
                d.name,
                d.acronym.as_deref().unwrap_or(""),
                d.aliases.join(" ")
            ));
            let label = match &d.acronym {
                Some(a) => format!("{} ({a})", d.running_name()),
                None => d.running_name(),
            };
            entries.push(Candidate {
                pick: Pick::Delegation(d.clone()),
                label_key: fold(&d.name),
                label,
                detail: d.kind.label().to_string(),
                haystack,
            });
        }
        Self { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Best matches first: name starts with the query, then a word starts with it, then
    /// anywhere. Every word of the query must match. An empty query lists participants.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Candidate> {
        let query = fold(query.trim());
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return self.entries.iter().take(limit).collect();
        }
        let mut ranked: Vec<(u8, usize, &Candidate)> = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            if !words.iter().all(|w| entry.haystack.contains(w)) {
                continue;
            }
            let rank = if entry.label_key.starts_with(&query) {
                0
            } else if words
                .first()
                .is_some_and(|w| starts_a_word(&entry.haystack, w))
            {
                1
            } else {
                2
            };
            ranked.push((rank, index, entry));
        }
        if ranked.is_empty() {
            // Nothing has the words as typed: offer the near misses ("Kheris" for Ilze
            // Brands Kehris) rather than let a second person be created for a slip.
            let typed: Vec<(&str, Vec<char>)> =
                words.iter().map(|w| (*w, w.chars().collect())).collect();
            for (index, entry) in self.entries.iter().enumerate() {
                // Each word as typed, or (four letters or more) one slip away.
                let near = |(w, letters): &(&str, Vec<char>)| {
                    entry.haystack.contains(w) || near_a_word(&entry.haystack, letters)
                };
                if typed.iter().all(near) {
                    ranked.push((3, index, entry));
                }
            }
        }
        ranked.sort_unstable_by_key(|(rank, index, _)| (*rank, *index));
        ranked.into_iter().take(limit).map(|(_, _, c)| c).collect()
    }
}

/// Whether a typed word (four letters or more) is one slip (a letter wrong, missing,
/// added, or two swapped) from the start of a word of the haystack; two slips for a
/// word of eight letters or more.
fn near_a_word(haystack: &str, typed: &[char]) -> bool {
    if typed.len() < 4 {
        return false;
    }
    let slips = if typed.len() >= 8 { 2 } else { 1 };
    let (t0, t1) = (typed.first(), typed.get(1));
    haystack.split_whitespace().any(|word| {
        // A slip keeps the first letter or swaps it with the second: most words are
        // ruled out here, before any distance is computed.
        let mut letters = word.chars();
        let (w0, w1) = (letters.next(), letters.next());
        if !(w0.as_ref() == t0 || w0.as_ref() == t1 || w1.as_ref() == t0) {
            return false;
        }
        let word: Vec<char> = word.chars().take(typed.len() + slips).collect();
        // The typed word may be a beginning: compare with the word's starts, a letter or
        // two either side of the typed length (one table gives them all).
        let shortest = typed.len().saturating_sub(slips);
        word.len() >= shortest
            && distances(typed, &word)
                .get(shortest..)
                .is_some_and(|row| row.iter().any(|d| *d <= slips))
    })
}

/// Edits between two words, a swap of neighbours counting as one (optimal string
/// alignment distance).
pub fn osa_distance(a: &[char], b: &[char]) -> usize {
    distances(a, b).last().copied().unwrap_or(usize::MAX)
}

/// The edits between `a` and each start of `b` (empty, one letter, ... all of it), a swap
/// of neighbours counting as one (optimal string alignment distance).
fn distances(a: &[char], b: &[char]) -> Vec<usize> {
    // One flat table, (a + 1) rows of (b + 1): cell (i, j) is the distance between the
    // first i letters of a and the first j of b.
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    let at = |table: &[usize], i: usize, j: usize| {
        table.get(i * width + j).copied().unwrap_or(usize::MAX / 2)
    };
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            let value = if i == 0 || j == 0 {
                i + j
            } else {
                let same = a.get(i - 1) == b.get(j - 1);
                let mut best = (at(&table, i - 1, j) + 1)
                    .min(at(&table, i, j - 1) + 1)
                    .min(at(&table, i - 1, j - 1) + usize::from(!same));
                if i > 1 && j > 1 && a.get(i - 1) == b.get(j - 2) && a.get(i - 2) == b.get(j - 1) {
                    best = best.min(at(&table, i - 2, j - 2) + 1);
                }
                best
            };
            if let Some(cell) = table.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    table
        .get(a.len() * width..)
        .map(<[usize]>::to_vec)
        .unwrap_or_default()
}

fn starts_a_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(at, _)| {
        at == 0
            || !haystack[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;

    fn first_label(index: &PickerIndex, query: &str) -> String {
        index
            .search(query, 5)
            .first()
            .map(|c| c.label.clone())
            .unwrap_or_default()
    }

    #[test]
    fn finds_by_any_part_ignoring_accents() {
        let index = PickerIndex::build(&demo_session());
        assert_eq!(first_label(&index, "neth"), "the Netherlands");
        assert_eq!(first_label(&index, "cote"), "Côte d'Ivoire");
        assert_eq!(first_label(&index, "bouay"), "Amina Bouayach");
        assert_eq!(first_label(&index, "izsak"), "Rita Izsák-Ndiaye");
        assert_eq!(first_label(&index, "morocco chair"), "Amina Bouayach");
        assert_eq!(
            first_label(&index, "unicef"),
            "the United Nations Children's Fund (UNICEF)"
        );
        assert!(index.search("zzzz", 5).is_empty());
    }

    #[test]
    fn a_slip_in_a_name_offers_the_registered_person() {
        let index = PickerIndex::build(&demo_session());
        // Two letters swapped, one missing, one wrong, one added; a beginning.
        for slip in [
            "Buoayach",
            "Bouyach",
            "Bouayash",
            "Bouayacch",
            "amina buoay",
        ] {
            assert_eq!(first_label(&index, slip), "Amina Bouayach", "{slip}");
        }
        assert_eq!(
            first_label(&index, "Al-Qathani"),
            "Mutlaq bin Majed Al-Qahtani"
        );
        // An exact match is never crowded out, and short or far words find nothing.
        assert_eq!(first_label(&index, "peru"), "Peru");
        assert!(index.search("xyzw", 5).is_empty());
        assert!(index.search("Bxxxxach", 5).is_empty());
        assert_eq!(osa_distance(&['a', 'b'], &['b', 'a']), 1);
        assert_eq!(osa_distance(&['k', 'h', 'e'], &['k', 'e', 'h']), 1);
        assert_eq!(osa_distance(&[], &['a', 'b']), 2);
    }

    #[test]
    fn empty_query_lists_participants_first() {
        let session = demo_session();
        let index = PickerIndex::build(&session);
        let found = index.search("", 3);
        assert!(matches!(found[0].pick, Pick::Participant(_)));
    }

    #[test]
    fn picking_a_catalogue_delegation_adds_it_to_the_session() {
        let mut session = demo_session();
        let index = PickerIndex::build(&session);
        let candidate = index.search("fiji", 1)[0].clone();
        assert!(session.delegation("fiji").is_none());
        assert_eq!(
            candidate.speaker(&mut session),
            Speaker::Delegation("fiji".into())
        );
        assert!(session.delegation("fiji").is_some());
    }
}
