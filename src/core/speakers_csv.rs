//! The list of speakers read from a CSV, and the index of people, delegations and groups
//! that both importers (this one and the meeting log's) use to find who is who in linear
//! time.

use std::collections::{HashMap, HashSet};

use super::delegation::{Delegation, DelegationKind, find_builtin, fresh_key, lookup_key};
use super::intervention::Speaker;
use super::participant::{Honorific, Participant, ParticipantId, Role};
use super::session::Session;
use super::speakers::{Inscription, InscriptionStatus};
use super::text::{clean_line, fold};

pub use super::csv_file::CsvError;

/// Imports a list of speakers (CSV bytes in any encoding and separator the reader
/// detects). Columns by name, any order: `delegation` (required), `kind`, `name`,
/// `honorific`, `title`, `on_behalf_of`, `group_members`, `status`, and `text` for the
/// statement of a delegation that submitted it in writing.
/// All or nothing: on any error the session is left untouched.
pub fn import_speakers_csv(
    session: &mut Session,
    csv: impl AsRef<[u8]>,
) -> Result<usize, CsvError> {
    const COLUMNS: [&str; 9] = [
        "delegation",
        "kind",
        "name",
        "honorific",
        "title",
        "on_behalf_of",
        "group_members",
        "status",
        "text",
    ];
    let table = super::csv_file::read(csv.as_ref(), &COLUMNS)?;
    if table.column("delegation").is_none() {
        return Err(table.error(1, "delegation", "the header row has no delegation column"));
    }
    let mut work = session.clone();
    let mut index = Index::of(&work);
    let mut next_id = super::ids::next_in(work.id_band, work.inscriptions.iter().map(|i| i.id));
    let mut added = 0;
    for row in &table.rows {
        let number = row.number;
        let cell = |name: &str| table.cell(row, name);
        let delegation_name = clean_line(cell("delegation"));
        let person = clean_line(cell("name"));
        if delegation_name.is_empty() && person.is_empty() {
            return Err(table.error(
                number,
                "delegation",
                "this row names neither a delegation nor a person",
            ));
        }
        let delegation = if delegation_name.is_empty() {
            None
        } else {
            Some(index.delegation(&mut work, &delegation_name, cell("kind"), number, &table)?)
        };
        let status = InscriptionStatus::parse(cell("status")).ok_or_else(|| {
            table.error(
                number,
                "status",
                format!(
                    "unknown status {:?}; use pending, spoke, not_delivered, written or withdrew",
                    cell("status")
                ),
            )
        })?;
        let on_behalf_of = match clean_line(cell("on_behalf_of")) {
            g if g.is_empty() => None,
            g => Some(index.group(&mut work, &g, cell("group_members"))),
        };
        let speaker = match (person.is_empty(), delegation.clone()) {
            (true, Some(d)) => Speaker::Delegation(d),
            _ => {
                let honorific = Honorific::parse(cell("honorific")).ok_or_else(|| {
                    table.error(
                        number,
                        "honorific",
                        format!(
                            "unknown honorific {:?}; use Ms., Mr. or leave empty",
                            cell("honorific")
                        ),
                    )
                })?;
                let id = match index.person(&person) {
                    Some(id) => id,
                    None => {
                        let (given_names, family_name) = Participant::split_name(&person, "");
                        let id = work.add_participant(Participant {
                            honorific,
                            given_names,
                            family_name,
                            title: cell("title").to_string(),
                            role: Role::Floor,
                            delegation: delegation.clone(),
                            ..Participant::default()
                        });
                        if let Some(p) = work.participants.last() {
                            index.add_person(p);
                        }
                        id
                    }
                };
                Speaker::Participant(id)
            }
        };
        work.inscriptions.push(Inscription {
            id: next_id,
            speaker,
            on_behalf_of,
            status,
            text: super::text::clean(cell("text")),
        });
        next_id = super::ids::next_in(work.id_band, std::iter::once(next_id));
        added += 1;
    }
    *session = work;
    Ok(added)
}

/// The session's names for constant-time look-ups while a file of thousands of rows is
/// imported: delegations by every name, people by full name, officials by title, groups.
pub struct Index {
    delegations: HashMap<String, String>,
    delegation_ids: HashSet<String>,
    people: HashMap<String, ParticipantId>,
    officials: HashMap<String, ParticipantId>,
    groups: HashMap<String, u32>,
}

impl Index {
    pub fn of(s: &Session) -> Index {
        let mut index = Index {
            delegations: HashMap::new(),
            delegation_ids: HashSet::new(),
            people: HashMap::new(),
            officials: HashMap::new(),
            groups: s
                .groups
                .iter()
                .map(|g| (group_key(&g.name), g.id))
                .collect(),
        };
        for d in &s.delegations {
            index.add_delegation(d);
        }
        for p in &s.participants {
            index.add_person(p);
        }
        index
    }

    fn add_delegation(&mut self, d: &Delegation) {
        self.delegation_ids.insert(d.id.clone());
        for name in d.names() {
            self.delegations
                .entry(lookup_key(name))
                .or_insert_with(|| d.id.clone());
        }
    }

    pub fn add_person(&mut self, p: &Participant) {
        self.people.entry(fold(&p.full_name())).or_insert(p.id);
        if p.title_only {
            self.officials.entry(fold(&p.title)).or_insert(p.id);
        }
    }

    pub fn person(&self, name: &str) -> Option<ParticipantId> {
        self.people.get(&fold(name)).copied()
    }

    pub fn official(&self, title: &str) -> Option<ParticipantId> {
        self.officials.get(&fold(title)).copied()
    }

    /// Finds a group by name (ignoring case, accents and a leading "the") or creates it.
    pub fn group(&mut self, s: &mut Session, name: &str, members: &str) -> u32 {
        let key = group_key(name);
        if let Some(id) = self.groups.get(&key).copied() {
            if let Some(group) = s.groups.iter_mut().find(|g| g.id == id)
                && group.members.is_empty()
            {
                group.members = clean_line(members);
            }
            return id;
        }
        let id = s.ensure_group(name, members);
        self.groups.insert(key, id);
        id
    }

    /// Resolves a delegation named in a CSV cell: the session's own delegations first,
    /// then the built-in catalogue; an unknown name needs a kind to be created, and gets a
    /// key of its own even when it looks like another's ("Peru!" is not Peru).
    pub fn delegation(
        &mut self,
        s: &mut Session,
        name: &str,
        kind: &str,
        row: usize,
        table: &super::csv_file::Table,
    ) -> Result<String, CsvError> {
        let name = clean_line(name);
        if let Some(id) = self.delegations.get(&lookup_key(&name)) {
            return Ok(id.clone());
        }
        let kind_parsed = if kind.trim().is_empty() {
            None
        } else {
            Some(DelegationKind::from_code(kind).ok_or_else(|| {
                table.error(
                    row,
                    "kind",
                    format!(
                        "unknown kind {kind:?}; use state, observer, regional, un, nhri, ngo or other"
                    ),
                )
            })?)
        };
        if let Some(builtin) = find_builtin(&name) {
            let id = s.ensure_delegation(builtin);
            if let Some(d) = s.delegation(&id).cloned() {
                self.add_delegation(&d);
            }
            return Ok(id);
        }
        let Some(kind) = kind_parsed else {
            return Err(table.error(
                row,
                "delegation",
                format!(
                    "{name:?} is not a known UN delegation name; check the spelling or fill in the kind column"
                ),
            ));
        };
        let (bare, the) = Delegation::typed_name(kind, &name);
        let mut d = Delegation::new(kind, &bare, the);
        d.id = fresh_key(&d.id, |id| self.delegation_ids.contains(id));
        s.delegations.push(d.clone());
        self.add_delegation(&d);
        Ok(d.id)
    }
}

fn group_key(name: &str) -> String {
    let name = clean_line(name);
    fold(name.strip_prefix("the ").unwrap_or(&name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::meeting::ReportKind;

    #[test]
    fn imports_a_list_of_speakers_with_groups_and_statuses() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        let csv = "Status,Delegation,On behalf of,Group members,kind\n\
                   ,Netherlands,Group of Friends of the Responsibility to Protect,53 Member States,\n\
                   pending,Côte d'Ivoire,,,\n\
                   not_delivered,Belgium,,,\n\
                   ,Cairo Institute for Human Rights Studies,,,ngo\n";
        assert_eq!(import_speakers_csv(&mut s, csv).unwrap(), 4);
        assert_eq!(s.inscriptions.len(), 4);
        assert_eq!(s.inscriptions[2].status, InscriptionStatus::NotDelivered);
        assert_eq!(s.groups[0].members, "53 Member States");
        assert_eq!(
            s.delegation("netherlands").unwrap().running_name(),
            "the Netherlands"
        );
        assert_eq!(
            s.delegation("cairo-institute-for-human-rights-studies")
                .unwrap()
                .kind,
            DelegationKind::Ngo
        );
    }

    #[test]
    fn an_unknown_delegation_names_the_row_and_changes_nothing() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        let before = s.clone();
        let err = import_speakers_csv(&mut s, "delegation\nPeru\nNarnia\n").unwrap_err();
        assert_eq!((err.row, err.column.as_str()), (3, "delegation"));
        assert!(err.to_string().contains("Narnia"));
        assert_eq!(s, before);
        let err = import_speakers_csv(&mut s, "delegation,status\nPeru,asleep\n").unwrap_err();
        assert_eq!((err.row, err.column.as_str()), (2, "status"));
        let err = import_speakers_csv(&mut s, "country\nPeru\n").unwrap_err();
        assert_eq!(err.row, 1);
    }

    #[test]
    fn a_row_of_control_characters_is_refused_not_a_crash() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        let err = import_speakers_csv(&mut s, "delegation,name\n,\u{1}\n").unwrap_err();
        assert_eq!((err.row, err.column.as_str()), (2, "delegation"));
    }

    #[test]
    fn look_alike_names_stay_apart_and_written_texts_are_kept() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        import_speakers_csv(
            &mut s,
            "delegation,kind,status,text\nPeru,,not_delivered,We support the plan.\nPeru!,ngo,,\n",
        )
        .unwrap();
        assert_eq!(s.delegations.len(), 2);
        assert_ne!(s.inscriptions[0].speaker, s.inscriptions[1].speaker);
        assert_eq!(s.inscriptions[0].text, "We support the plan.");
    }

    #[test]
    fn named_speakers_become_participants() {
        let mut s = Session::new("Panel", ReportKind::PanelSummary);
        import_speakers_csv(
            &mut s,
            "delegation,name,honorific,title\nPeru,Ana María Pérez,Ms.,Ambassador\n",
        )
        .unwrap();
        let p = &s.participants[0];
        assert_eq!(
            (p.family_name.as_str(), p.honorific),
            ("Pérez", Honorific::Ms)
        );
        assert_eq!(s.inscriptions[0].speaker, Speaker::Participant(p.id));
    }
}
