//! Delegations: who a speaker speaks for, named as the UN names them.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::text::{capitalize_first, fold, slug};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DelegationKind {
    MemberState,
    ObserverState,
    Regional,
    UnEntity,
    Nhri,
    Ngo,
    Other,
}

impl DelegationKind {
    pub const ALL: [DelegationKind; 7] = [
        Self::MemberState,
        Self::ObserverState,
        Self::Regional,
        Self::UnEntity,
        Self::Nhri,
        Self::Ngo,
        Self::Other,
    ];

    /// The short code used in CSV files and the asset catalogue.
    pub fn code(self) -> &'static str {
        match self {
            Self::MemberState => "state",
            Self::ObserverState => "observer",
            Self::Regional => "regional",
            Self::UnEntity => "un",
            Self::Nhri => "nhri",
            Self::Ngo => "ngo",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::MemberState => "Member State",
            Self::ObserverState => "observer State",
            Self::Regional => "regional or intergovernmental organization",
            Self::UnEntity => "United Nations entity",
            Self::Nhri => "national human rights institution",
            Self::Ngo => "non-governmental organization",
            Self::Other => "other",
        }
    }

    pub fn is_state(self) -> bool {
        matches!(self, Self::MemberState | Self::ObserverState)
    }
}

impl std::fmt::Display for DelegationKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    /// Stable key, a slug of the name ("cote-d-ivoire").
    pub id: String,
    pub kind: DelegationKind,
    /// UN short name without article: "Netherlands", "Iran (Islamic Republic of)".
    pub name: String,
    /// Takes "the" in running text ("the Netherlands").
    #[serde(default)]
    pub the: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Other names people type ("Holland", "Turkey"): found by the picker and importers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl Delegation {
    pub fn new(kind: DelegationKind, name: &str, the: bool) -> Self {
        Self {
            id: slug(name),
            kind,
            name: name.to_string(),
            the,
            acronym: None,
            aliases: Vec::new(),
        }
    }

    /// Whether an organization not on the UN list takes "the" in running text, as UN
    /// reports write them: a name built on a common noun and a complement does ("the
    /// International Service for Human Rights", "the World Organisation Against
    /// Torture"), a proper name does not ("Amnesty International", "Human Rights
    /// Watch", "CIVICUS"). States come from the UN list, which says it for each.
    pub fn guess_the(kind: DelegationKind, name: &str) -> bool {
        if matches!(
            kind,
            DelegationKind::MemberState | DelegationKind::ObserverState
        ) {
            return false;
        }
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let Some(last) = words.last() else {
            return false;
        };
        if words.len() == 1 || ["international", "watch", "info"].contains(&last.as_str()) {
            return false;
        }
        const LINKS: [&str; 6] = ["for", "of", "on", "against", "to", "in"];
        const OPENINGS: [&str; 12] = [
            "international",
            "world",
            "global",
            "united",
            "european",
            "african",
            "asian",
            "arab",
            "inter-american",
            "commonwealth",
            "national",
            "permanent",
        ];
        words.iter().skip(1).any(|w| LINKS.contains(&w.as_str()))
            || words
                .first()
                .is_some_and(|w| OPENINGS.contains(&w.as_str()))
    }

    /// A name as a person typed it: without a leading "the" (any case), and whether it
    /// takes "the" in running text, typed or guessed ([`Delegation::guess_the`]).
    pub fn typed_name(kind: DelegationKind, typed: &str) -> (String, bool) {
        let typed = typed.trim();
        let article = typed
            .get(..4)
            .is_some_and(|head| head.eq_ignore_ascii_case("the "));
        let bare = if article {
            typed.get(4..).unwrap_or_default().trim_start()
        } else {
            typed
        };
        (bare.to_string(), article || Self::guess_the(kind, bare))
    }

    /// As in running text: "the Netherlands", "Peru".
    pub fn running_name(&self) -> String {
        if self.the {
            format!("the {}", self.name)
        } else {
            self.name.clone()
        }
    }

    /// At the start of a sentence: "The Netherlands".
    pub fn sentence_name(&self) -> String {
        capitalize_first(&self.running_name())
    }

    /// Sort key for lists: ignores the article and accents (Côte d'Ivoire sorts as Cote).
    pub fn sort_key(&self) -> String {
        fold(&self.name)
    }

    /// Whether `text` names this delegation: its name with or without "the", an alias
    /// or its acronym, ignoring case and accents.
    pub fn is_named(&self, text: &str) -> bool {
        let wanted = lookup_key(text);
        self.names().any(|n| fold(n) == wanted)
    }

    /// Its name, aliases and acronym.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.acronym.as_deref())
    }
}

#[derive(Debug, Deserialize)]
struct CatalogueRow {
    kind: String,
    name: String,
    article: String,
    acronym: String,
    aliases: String,
}

const CATALOGUE_CSV: &str = include_str!("../../assets/delegations.csv");

/// The built-in delegations shipped in `assets/delegations.csv`: the 193 Member States,
/// the two observer States, common regional organizations and United Nations entities.
pub fn catalogue() -> &'static [Delegation] {
    static CATALOGUE: OnceLock<Vec<Delegation>> = OnceLock::new();
    // The catalogue is compiled in and checked by a unit test; were it ever broken, the
    // app would work on without built-in names rather than stop.
    CATALOGUE.get_or_init(|| parse_catalogue(CATALOGUE_CSV).unwrap_or_default())
}

fn parse_catalogue(csv_text: &str) -> Result<Vec<Delegation>, String> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut out = Vec::new();
    for (index, row) in reader.deserialize::<CatalogueRow>().enumerate() {
        let row = row.map_err(|e| format!("row {}: {e}", index + 2))?;
        let kind = DelegationKind::from_code(&row.kind)
            .ok_or_else(|| format!("row {}: unknown kind {:?}", index + 2, row.kind))?;
        let mut delegation = Delegation::new(kind, &row.name, row.article == "the");
        if !row.acronym.is_empty() {
            delegation.acronym = Some(row.acronym);
        }
        delegation.aliases = row
            .aliases
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect();
        out.push(delegation);
    }
    Ok(out)
}

/// The catalogue by every folded name, alias and acronym, built once: an import of
/// thousands of rows looks each name up in constant time.
fn catalogue_index() -> &'static HashMap<String, usize> {
    static INDEX: OnceLock<HashMap<String, usize>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = HashMap::new();
        for (i, d) in catalogue().iter().enumerate() {
            let names = std::iter::once(d.name.as_str())
                .chain(d.aliases.iter().map(String::as_str))
                .chain(d.acronym.as_deref());
            for name in names {
                index.entry(fold(name)).or_insert(i);
            }
        }
        index
    })
}

/// A key not yet `taken`: `base` itself, else `base-2`, `base-3`... A delegation that
/// merely looks like another ("Peru!" and Peru) keeps a key of its own.
pub fn fresh_key(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !base.is_empty() && !taken(base) {
        return base.to_string();
    }
    let base = if base.is_empty() { "delegation" } else { base };
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|key| !taken(key))
        .unwrap_or_else(|| base.to_string())
}

/// The form of a typed name that look-ups compare: folded, without a leading "the".
pub fn lookup_key(text: &str) -> String {
    let folded = fold(text.trim());
    match folded.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => folded,
    }
}

/// Finds a built-in delegation by any of its names ("Netherlands", "the Netherlands",
/// "Holland", "UNICEF").
pub fn find_builtin(text: &str) -> Option<&'static Delegation> {
    catalogue_index()
        .get(&lookup_key(text))
        .and_then(|i| catalogue().get(*i))
}

/// Finds a built-in delegation by its key ("cote-d-ivoire").
pub fn find_builtin_id(id: &str) -> Option<&'static Delegation> {
    catalogue().iter().find(|d| d.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organizations_named_by_a_noun_and_its_complement_take_the() {
        let ngo = DelegationKind::Ngo;
        for name in [
            "International Service for Human Rights",
            "World Organisation Against Torture",
            "Asian Forum for Human Rights and Development",
            "International Federation for Human Rights Leagues",
            "Cairo Institute for Human Rights Studies",
            "Global Centre for the Responsibility to Protect",
        ] {
            assert!(Delegation::guess_the(ngo, name), "{name}");
        }
        for name in [
            "Amnesty International",
            "Human Rights Watch",
            "CIVICUS",
            "UPR Info",
            "Franciscans International",
            "",
        ] {
            assert!(!Delegation::guess_the(ngo, name), "{name}");
        }
        assert!(!Delegation::guess_the(
            DelegationKind::MemberState,
            "Republic of Narnia"
        ));
    }

    #[test]
    fn a_typed_the_sets_the_article_and_leaves_the_sorting_key() {
        let ngo = DelegationKind::Ngo;
        for (typed, bare, the) in [
            ("the Andean Community", "Andean Community", true),
            ("The Andean Community", "Andean Community", true),
            ("THE  Nordic Union", "Nordic Union", true),
            ("Andean Community", "Andean Community", false),
            (
                "International Service for Human Rights",
                "International Service for Human Rights",
                true,
            ),
            ("Amnesty International", "Amnesty International", false),
            ("Theatre Alliance", "Theatre Alliance", false),
            ("the", "the", false),
        ] {
            assert_eq!(
                Delegation::typed_name(ngo, typed),
                (bare.to_string(), the),
                "{typed}"
            );
        }
        let (bare, the) = Delegation::typed_name(ngo, "the Zeta Trust");
        let d = Delegation::new(ngo, &bare, the);
        assert_eq!(
            (d.sort_key(), d.running_name()),
            ("zeta trust".to_string(), "the Zeta Trust".to_string())
        );
    }

    #[test]
    fn catalogue_has_every_member_and_observer_state() {
        let states = catalogue()
            .iter()
            .filter(|d| d.kind == DelegationKind::MemberState)
            .count();
        let observers = catalogue()
            .iter()
            .filter(|d| d.kind == DelegationKind::ObserverState)
            .count();
        assert_eq!(states, 193);
        assert_eq!(observers, 2);
        let mut ids: Vec<_> = catalogue().iter().map(|d| d.id.as_str()).collect();
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "delegation ids are unique");
    }

    #[test]
    fn un_names_and_articles() {
        let nl = find_builtin("Netherlands").unwrap();
        assert_eq!(nl.running_name(), "the Netherlands");
        assert_eq!(nl.sentence_name(), "The Netherlands");
        assert_eq!(find_builtin("the Netherlands").unwrap().id, nl.id);
        assert_eq!(find_builtin("Holland").unwrap().id, nl.id);
        assert_eq!(
            find_builtin("Iran").unwrap().name,
            "Iran (Islamic Republic of)"
        );
        assert!(!find_builtin("Iran").unwrap().the);
        assert_eq!(find_builtin("turkey").unwrap().name, "Türkiye");
        assert_eq!(find_builtin("cote d'ivoire").unwrap().name, "Côte d'Ivoire");
        assert_eq!(
            find_builtin("Syrian Arab Republic").unwrap().running_name(),
            "the Syrian Arab Republic"
        );
        assert_eq!(
            find_builtin("UNICEF").unwrap().kind,
            DelegationKind::UnEntity
        );
        assert_eq!(
            find_builtin("European Union").unwrap().kind,
            DelegationKind::Regional
        );
        assert!(find_builtin("Narnia").is_none());
    }

    #[test]
    fn sort_key_ignores_article_and_accents() {
        let cote = find_builtin("Côte d'Ivoire").unwrap();
        let croatia = find_builtin("Croatia").unwrap();
        assert!(cote.sort_key() < croatia.sort_key());
        assert_eq!(
            find_builtin("Netherlands").unwrap().sort_key(),
            "netherlands"
        );
    }

    #[test]
    fn bad_catalogue_rows_are_reported() {
        let err =
            parse_catalogue("kind,name,article,acronym,aliases\nplanet,Mars,,,\n").unwrap_err();
        assert!(err.contains("row 2"), "{err}");
    }
}
