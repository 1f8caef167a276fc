//! The domain: what a meeting is, who spoke, what was said. No I/O, no GUI.

pub mod csv_file;
pub mod delegation;
pub mod demo;
pub mod ids;
pub mod import;
pub mod intervention;
pub mod layout;
pub mod layout_carry;
pub mod layout_resolve;
pub mod log_undo;
pub mod meeting;
pub mod order;
pub mod participant;
pub mod picker;
pub mod proceedings;
pub mod relay;
pub mod repair;
pub mod segments_groups;
pub mod session;
pub mod settings;
pub mod shared;
pub mod speakers;
pub mod speakers_csv;
pub mod text;
pub mod timezone;
pub mod turns;

pub use delegation::{Delegation, DelegationKind};
pub use intervention::{Intervention, Speaker};
pub use meeting::{Meeting, ReportKind, Segment, SegmentKind};
pub use participant::{Honorific, Participant, Pronoun, Role};
pub use session::{Group, Session};
pub use speakers::{Inscription, InscriptionStatus};
