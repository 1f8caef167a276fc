//! People who take the floor, and how the report names them.

use serde::{Deserialize, Serialize};

pub type ParticipantId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Honorific {
    Ms,
    Mr,
    #[default]
    None,
}

impl Honorific {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ms => "Ms.",
            Self::Mr => "Mr.",
            Self::None => "",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text
            .trim()
            .trim_end_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "ms" | "mrs" | "miss" => Some(Self::Ms),
            "mr" => Some(Self::Mr),
            "" | "none" => Some(Self::None),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pronoun {
    She,
    He,
    #[default]
    They,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Chair,
    Moderator,
    Panellist,
    OpeningSpeaker,
    #[default]
    Floor,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Self::Chair,
        Self::Moderator,
        Self::Panellist,
        Self::OpeningSpeaker,
        Self::Floor,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Chair => "chair",
            Self::Moderator => "moderator",
            Self::Panellist => "panellist",
            Self::OpeningSpeaker => "opening speaker",
            Self::Floor => "speaker from the floor",
        }
    }

    /// Code used in CSV files: chair, moderator, panellist, opening, floor.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "chair" => Some(Self::Chair),
            "moderator" => Some(Self::Moderator),
            "panellist" | "panelist" => Some(Self::Panellist),
            "opening" | "opening speaker" | "opening_speaker" => Some(Self::OpeningSpeaker),
            "floor" | "" => Some(Self::Floor),
            _ => None,
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Participant {
    pub id: ParticipantId,
    #[serde(default)]
    pub honorific: Honorific,
    #[serde(default)]
    pub given_names: String,
    /// May be several words: "Serbin Pont", "Al-Qahtani".
    #[serde(default)]
    pub family_name: String,
    /// Full title for the first mention: "Chair of the National Human Rights Council of Morocco".
    #[serde(default)]
    pub title: String,
    /// Title for later mentions: "the High Commissioner".
    #[serde(default)]
    pub short_title: String,
    /// UN officials are referred to by title only.
    #[serde(default)]
    pub title_only: bool,
    #[serde(default)]
    pub pronoun: Pronoun,
    #[serde(default)]
    pub role: Role,
    /// Id of a delegation of the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegation: Option<String>,
}

impl Participant {
    /// "Amina Bouayach".
    pub fn full_name(&self) -> String {
        match (self.given_names.is_empty(), self.family_name.is_empty()) {
            (false, false) => format!("{} {}", self.given_names, self.family_name),
            (true, _) => self.family_name.clone(),
            (false, true) => self.given_names.clone(),
        }
    }

    /// "Ms. Bouayach", or the short title for officials.
    pub fn later_mention(&self) -> String {
        if self.title_only && !self.short_title.is_empty() {
            return self.short_title.clone();
        }
        match self.honorific {
            Honorific::None => self.full_name(),
            h => format!("{} {}", h.as_str(), self.family_name),
        }
    }

    /// What the capture screen shows: the name, or the title for officials.
    pub fn display_name(&self) -> String {
        let name = self.full_name();
        if name.is_empty() || self.title_only {
            if !self.short_title.is_empty() {
                return self.short_title.clone();
            }
            if !self.title.is_empty() {
                return self.title.clone();
            }
        }
        name
    }

    /// Splits "Tomás Ruiz de la Peña" given the family name, or on the last word.
    pub fn split_name(name: &str, family_name: &str) -> (String, String) {
        let name = name.trim();
        let family = family_name.trim();
        if !family.is_empty() {
            // The family name as written in the name wins (accents, case); a family name
            // that is not part of the name adds to it ("Ana María" + "Pérez").
            let words: Vec<&str> = name.split_whitespace().collect();
            let wanted: Vec<String> = family.split_whitespace().map(super::text::fold).collect();
            let n = wanted.len();
            let found = (0..=words.len().saturating_sub(n)).rev().find(|start| {
                words.get(*start..start + n).is_some_and(|w| {
                    w.iter()
                        .map(|x| super::text::fold(x))
                        .eq(wanted.iter().cloned())
                })
            });
            return match found {
                Some(start) if n > 0 => {
                    let given: Vec<&str> = words
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i < start || *i >= start + n)
                        .map(|(_, w)| *w)
                        .collect();
                    let family = words.get(start..start + n).unwrap_or_default().join(" ");
                    (given.join(" "), family)
                }
                _ => (name.to_string(), family.to_string()),
            };
        }
        match name.rsplit_once(' ') {
            Some((given, family)) => (given.trim().to_string(), family.to_string()),
            None => (String::new(), name.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_for_mentions() {
        let p = Participant {
            honorific: Honorific::Mr,
            given_names: "Andrei".into(),
            family_name: "Serbin Pont".into(),
            ..Default::default()
        };
        assert_eq!(p.full_name(), "Andrei Serbin Pont");
        assert_eq!(p.later_mention(), "Mr. Serbin Pont");
        let hc = Participant {
            title: "United Nations High Commissioner for Human Rights".into(),
            short_title: "the High Commissioner".into(),
            title_only: true,
            ..Default::default()
        };
        assert_eq!(hc.later_mention(), "the High Commissioner");
        assert_eq!(hc.display_name(), "the High Commissioner");
    }

    #[test]
    fn split_names() {
        assert_eq!(
            Participant::split_name("Tomás Ruiz de la Peña", "Ruiz de la Peña"),
            ("Tomás".into(), "Ruiz de la Peña".into())
        );
        assert_eq!(
            Participant::split_name("Amina Bouayach", ""),
            ("Amina".into(), "Bouayach".into())
        );
        assert_eq!(
            Participant::split_name("Plato", ""),
            ("".into(), "Plato".into())
        );
    }

    #[test]
    fn parse_codes() {
        assert_eq!(Honorific::parse("Ms."), Some(Honorific::Ms));
        assert_eq!(Honorific::parse("Dr"), None);
        assert_eq!(Role::parse("opening"), Some(Role::OpeningSpeaker));
        assert_eq!(Role::parse("jester"), None);
    }
}
