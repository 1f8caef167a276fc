//! Rapporteur: capture the interventions of a meeting and draft its UN-style report.
//!
//! Data flows one way: `core` (the session) -> report -> writers. `core` and `storage`
//! never touch iced; the window lives in `ui`, behind the default `gui` feature.
//!
//! Nothing read from a file or typed by a person may panic the program: outside tests,
//! `unwrap`, `expect` and indexing are refused by the linter (`scripts/test` runs it).
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod cli;
pub mod core;
pub mod report;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
