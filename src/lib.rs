//! Rapporteur: capture the interventions of a meeting and draft its UN-style report.
//!
//! Data flows one way: `core` (the session) -> report -> writers. `core` and `storage`
//! never touch iced; the window lives in `ui`, behind the default `gui` feature.

pub mod cli;
pub mod core;
pub mod report;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
