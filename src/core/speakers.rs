//! The list of speakers (inscriptions) and its CSV import.

use serde::{Deserialize, Serialize};

use super::delegation::{Delegation, DelegationKind, find_builtin};
use super::intervention::Speaker;
use super::participant::{Honorific, Participant, Role};
use super::session::Session;
use super::text::{clean_line, fold};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InscriptionStatus {
    #[default]
    Pending,
    Spoke,
    /// Inscribed but not able to deliver the statement owing to time constraints.
    NotDelivered,
    WrittenOnly,
    Withdrew,
}

impl InscriptionStatus {
    pub const ALL: [InscriptionStatus; 5] = [
        Self::Pending,
        Self::Spoke,
        Self::NotDelivered,
        Self::WrittenOnly,
        Self::Withdrew,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Spoke => "spoke",
            Self::NotDelivered => "not_delivered",
            Self::WrittenOnly => "written",
            Self::Withdrew => "withdrew",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Spoke => "spoke",
            Self::NotDelivered => "not heard (time)",
            Self::WrittenOnly => "written only",
            Self::Withdrew => "withdrew",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        if text.is_empty() {
            return Some(Self::Pending);
        }
        Self::ALL
            .into_iter()
            .find(|s| s.code() == text)
            .or(match text.as_str() {
                "written_only" | "written_statement" => Some(Self::WrittenOnly),
                "not_heard" => Some(Self::NotDelivered),
                _ => None,
            })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inscription {
    pub id: u32,
    pub speaker: Speaker,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<u32>,
    #[serde(default)]
    pub status: InscriptionStatus,
}

/// A CSV problem, naming the row (as a spreadsheet numbers it, header = 1) and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("row {row}, column {column}: {message}")]
pub struct CsvError {
    pub row: usize,
    pub column: String,
    pub message: String,
}

/// Resolves a delegation named in a CSV cell: the session's own delegations first, then
/// the built-in catalogue; an unknown name needs a kind to be created.
pub fn resolve_delegation(
    session: &mut Session,
    name: &str,
    kind: &str,
    row: usize,
) -> Result<String, CsvError> {
    let name = clean_line(name);
    if let Some(found) = session.delegations.iter().find(|d| d.is_named(&name)) {
        return Ok(found.id.clone());
    }
    let kind_parsed = if kind.trim().is_empty() {
        None
    } else {
        Some(DelegationKind::from_code(kind).ok_or_else(|| CsvError {
            row,
            column: "kind".into(),
            message: format!(
                "unknown kind {kind:?}; use state, observer, regional, un, nhri, ngo or other"
            ),
        })?)
    };
    if let Some(builtin) = find_builtin(&name) {
        return Ok(session.ensure_delegation(builtin));
    }
    match kind_parsed {
        Some(kind) => {
            let (the, bare) = match name.strip_prefix("the ") {
                Some(rest) => (true, rest),
                None => (false, name.as_str()),
            };
            Ok(session.ensure_delegation(&Delegation::new(kind, bare, the)))
        }
        None => Err(CsvError {
            row,
            column: "delegation".into(),
            message: format!(
                "{name:?} is not a known UN delegation name; check the spelling or fill in the kind column"
            ),
        }),
    }
}

/// A CSV reader and its header row, names folded ("On behalf of" -> "on_behalf_of").
pub fn csv_reader(csv_text: &str) -> Result<(csv::Reader<&[u8]>, Vec<String>), CsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(csv_text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| CsvError {
            row: 1,
            column: "-".into(),
            message: e.to_string(),
        })?
        .iter()
        .map(|h| fold(h.trim()).replace(' ', "_"))
        .collect();
    Ok((reader, headers))
}

/// One data row of a CSV file, numbered as a spreadsheet shows it (header = 1).
pub struct CsvRow<'h> {
    pub number: usize,
    record: csv::StringRecord,
    headers: &'h [String],
}

impl CsvRow<'_> {
    /// The cell of a column by (folded) name; empty when the column or cell is absent.
    pub fn cell(&self, name: &str) -> String {
        self.headers
            .iter()
            .position(|h| h == name)
            .and_then(|c| self.record.get(c))
            .unwrap_or("")
            .to_string()
    }
}

pub fn csv_rows<'h>(
    reader: &'h mut csv::Reader<&[u8]>,
    headers: &'h [String],
) -> impl Iterator<Item = Result<CsvRow<'h>, CsvError>> + 'h {
    reader.records().enumerate().map(move |(index, record)| {
        let number = index + 2;
        record
            .map(|record| CsvRow {
                number,
                record,
                headers,
            })
            .map_err(|e| CsvError {
                row: number,
                column: "-".into(),
                message: e.to_string(),
            })
    })
}

/// Imports a list of speakers. Columns by name, any order: `delegation` (required),
/// `kind`, `name`, `honorific`, `title`, `on_behalf_of`, `group_members`, `status`.
/// All or nothing: on any error the session is left untouched.
pub fn import_speakers_csv(session: &mut Session, csv_text: &str) -> Result<usize, CsvError> {
    let mut work = session.clone();
    let (mut reader, headers) = csv_reader(csv_text)?;
    let column = |name: &str| headers.iter().position(|h| h == name);
    let Some(delegation_col) = column("delegation") else {
        return Err(CsvError {
            row: 1,
            column: "delegation".into(),
            message: "the header row has no delegation column".into(),
        });
    };
    let mut next_id = work.inscriptions.iter().map(|i| i.id).max().unwrap_or(0) + 1;
    let mut added = 0;
    for record in csv_rows(&mut reader, &headers) {
        let record = record?;
        let row = record.number;
        let cell = |name: &str| record.cell(name);
        let delegation_name = record.cell(&headers[delegation_col]);
        let delegation_name = delegation_name.as_str();
        if delegation_name.is_empty() && cell("name").is_empty() {
            continue;
        }
        let delegation = if delegation_name.is_empty() {
            None
        } else {
            Some(resolve_delegation(
                &mut work,
                delegation_name,
                &cell("kind"),
                row,
            )?)
        };
        let status = InscriptionStatus::parse(&cell("status")).ok_or_else(|| CsvError {
            row,
            column: "status".into(),
            message: format!(
                "unknown status {:?}; use pending, spoke, not_delivered, written or withdrew",
                cell("status")
            ),
        })?;
        let on_behalf_of = match cell("on_behalf_of") {
            g if g.is_empty() => None,
            g => Some(work.ensure_group(&g, &cell("group_members"))),
        };
        let person = clean_line(&cell("name"));
        let speaker = if person.is_empty() {
            Speaker::Delegation(delegation.expect("checked above"))
        } else {
            let honorific = Honorific::parse(&cell("honorific")).ok_or_else(|| CsvError {
                row,
                column: "honorific".into(),
                message: format!(
                    "unknown honorific {:?}; use Ms., Mr. or leave empty",
                    cell("honorific")
                ),
            })?;
            let existing = work
                .participants
                .iter()
                .find(|p| fold(&p.full_name()) == fold(&person))
                .map(|p| p.id);
            let id = match existing {
                Some(id) => id,
                None => {
                    let (given_names, family_name) = Participant::split_name(&person, "");
                    work.add_participant(Participant {
                        honorific,
                        given_names,
                        family_name,
                        title: cell("title"),
                        role: Role::Floor,
                        delegation: delegation.clone(),
                        ..Participant::default()
                    })
                }
            };
            Speaker::Participant(id)
        };
        work.inscriptions.push(Inscription {
            id: next_id,
            speaker,
            on_behalf_of,
            status,
        });
        next_id += 1;
        added += 1;
    }
    *session = work;
    Ok(added)
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
