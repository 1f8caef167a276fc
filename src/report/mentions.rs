//! How people are named (drafting rules, section 2). "First" means first in the report
//! as printed, so the tracker is fed in printed order, every time the report is built.

use rustc_hash::FxHashSet as HashSet;

use crate::core::intervention::Speaker;
use crate::core::participant::{Participant, ParticipantId};
use crate::core::session::Session;
use crate::core::text::capitalize_first;

/// A name as it stands in a sentence. An appositive ("the Chair of ..., Amina Bouayach")
/// needs a closing comma unless the sentence ends right after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub text: String,
    pub appositive: bool,
}

impl Mention {
    /// As the subject that opens a sentence: capitalized, closing comma added.
    pub fn subject(&self) -> String {
        let text = capitalize_first(&self.text);
        if self.appositive {
            format!("{text},")
        } else {
            text
        }
    }
}

/// Joins mentions as a list: "A, the Special Envoy ..., Name, and B".
pub fn join_mentions(items: &[Mention]) -> String {
    let mut out = String::new();
    for (i, m) in items.iter().enumerate() {
        if i > 0 {
            let closes_appositive = i
                .checked_sub(1)
                .and_then(|j| items.get(j))
                .is_some_and(|m| m.appositive);
            out.push_str(match (i + 1 == items.len(), closes_appositive) {
                (true, true) => ", and ",
                (true, false) => " and ",
                (false, _) => ", ",
            });
        }
        out.push_str(&m.text);
    }
    out
}

#[derive(Debug, Default)]
pub struct Mentions {
    /// The Forum report's house style (drafting rules, section 2): name first, officials named too.
    name_first: bool,
    seen: HashSet<ParticipantId>,
    /// Every person mentioned since the last [`Mentions::take_trace`], and whether it was
    /// their first mention: what a paragraph's wording depended on.
    trace: Vec<(ParticipantId, bool)>,
}

pub fn with_article(title: &str) -> String {
    let lower = title.to_lowercase();
    if lower.starts_with("the ") {
        title.to_string()
    } else {
        format!("the {title}")
    }
}

impl Mentions {
    pub fn new(name_first: bool) -> Self {
        Mentions {
            name_first,
            ..Mentions::default()
        }
    }

    /// The mention of a person at this point of the report; marks them as mentioned.
    pub fn person(&mut self, p: &Participant) -> Mention {
        let first = self.seen.insert(p.id);
        self.trace.push((p.id, first));
        let name = p.full_name();
        if self.name_first && first && !name.is_empty() && !p.title.is_empty() {
            // "Ms. Ilze Brands Kehris, Assistant Secretary-General for Human Rights,"
            let named = match p.honorific.as_str() {
                "" => name,
                h => format!("{h} {name}"),
            };
            let title = p.title.strip_prefix("the ").unwrap_or(&p.title);
            return Mention {
                text: format!("{named}, {title}"),
                appositive: true,
            };
        }
        if p.title_only || name.is_empty() {
            let text = if first || p.short_title.is_empty() {
                with_article(if p.title.is_empty() {
                    "participant"
                } else {
                    &p.title
                })
            } else {
                p.short_title.clone()
            };
            return Mention {
                text,
                appositive: false,
            };
        }
        if first && !p.title.is_empty() {
            return Mention {
                text: format!("{}, {name}", with_article(&p.title)),
                appositive: true,
            };
        }
        Mention {
            text: p.later_mention(),
            appositive: false,
        }
    }

    /// The next mention of this person is a first mention again (a speaker introduced
    /// anew where their own statements begin).
    pub fn forget(&mut self, id: ParticipantId) {
        self.seen.remove(&id);
    }

    /// The people mentioned since the last call, each with whether it was a first mention.
    pub fn take_trace(&mut self) -> Vec<(ParticipantId, bool)> {
        std::mem::take(&mut self.trace)
    }

    /// Whether a paragraph that mentioned these people would print the same words here:
    /// each was (or was not) mentioned before exactly as then.
    pub fn would_repeat(&self, trace: &[(ParticipantId, bool)]) -> bool {
        trace.iter().enumerate().all(|(k, (id, first))| {
            // A person named twice in the paragraph is a first mention only the first time.
            let earlier = trace
                .get(..k)
                .is_some_and(|before| before.iter().any(|(p, _)| p == id));
            let new = !self.seen.contains(id) && !earlier;
            new == *first
        })
    }

    /// Marks these people as mentioned, as printing the paragraph again would.
    pub fn replay(&mut self, trace: &[(ParticipantId, bool)]) {
        self.seen.extend(trace.iter().map(|(id, _)| *id));
    }

    pub fn speaker(&mut self, session: &Session, speaker: &Speaker) -> Mention {
        match speaker {
            Speaker::Participant(id) => match session.participant(*id) {
                Some(p) => self.person(p),
                None => Mention {
                    text: "a participant".into(),
                    appositive: false,
                },
            },
            Speaker::Delegation(id) => {
                let name = session
                    .delegation(id)
                    .map(|d| d.running_name())
                    .unwrap_or_else(|| id.clone());
                Mention {
                    text: format!("the representative of {name}"),
                    appositive: false,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_session;

    fn person<'a>(s: &'a Session, family: &str) -> &'a Participant {
        s.participants
            .iter()
            .find(|p| p.family_name == family || p.short_title == family)
            .unwrap()
    }

    #[test]
    fn first_mention_full_then_short() {
        let s = demo_session();
        let mut m = Mentions::default();
        let bouayach = person(&s, "Bouayach");
        let first = m.person(bouayach);
        assert_eq!(
            first.subject(),
            "The Chair of the National Human Rights Council of Morocco, Amina Bouayach,"
        );
        assert_eq!(m.person(bouayach).subject(), "Ms. Bouayach");
        let hc = person(&s, "the High Commissioner");
        assert_eq!(
            m.person(hc).subject(),
            "The United Nations High Commissioner for Human Rights"
        );
        assert_eq!(m.person(hc).subject(), "The High Commissioner");
        let serbin = person(&s, "Serbin Pont");
        m.person(serbin);
        assert_eq!(m.person(serbin).text, "Mr. Serbin Pont");
    }

    #[test]
    fn lists_of_mentions_close_appositives() {
        let s = demo_session();
        let mut m = Mentions::default();
        let items = vec![
            m.person(person(&s, "the High Commissioner")),
            m.person(person(&s, "Al-Qahtani")),
            m.person(person(&s, "the Special Adviser")),
        ];
        let joined = join_mentions(&items);
        assert!(
            joined.starts_with(
                "the United Nations High Commissioner for Human Rights, the Special Envoy"
            ),
            "{joined}"
        );
        assert!(
            joined.contains("Mutlaq bin Majed Al-Qahtani, and the Special Adviser"),
            "{joined}"
        );
        let mut m = Mentions::default();
        let panel = vec![
            m.person(person(&s, "Bouayach")),
            m.person(person(&s, "Izsák-Ndiaye")),
            m.person(person(&s, "Serbin Pont")),
        ];
        let joined = join_mentions(&panel);
        assert!(
            joined.contains("Amina Bouayach, the Rapporteur"),
            "{joined}"
        );
        assert!(
            joined.contains("Rita Izsák-Ndiaye, and the Director"),
            "{joined}"
        );
        assert!(joined.ends_with("Andrei Serbin Pont"), "{joined}");
    }

    #[test]
    fn delegations_are_represented() {
        let s = demo_session();
        let mut m = Mentions::default();
        assert_eq!(
            m.speaker(&s, &Speaker::Delegation("netherlands".into()))
                .subject(),
            "The representative of the Netherlands"
        );
    }
}
