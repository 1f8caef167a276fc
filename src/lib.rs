//! Rapporteur: capture the interventions of a meeting and draft its UN-style report.
//!
//! Data flows one way: `core` (the session) -> report -> writers. `core` and `storage`
//! never touch iced; the window lives in `ui`, behind the default `gui` feature.
//!
//! Nothing read from a file or typed by a person may panic the program: outside tests,
//! `unwrap`, `expect` and indexing are refused by the linter (`[lints]` in Cargo.toml;
//! `scripts/test` runs it with warnings as errors).

/// "0.1.0 (commit 1a2b3c4d5e)": what `rapporteur --version` and the help overlay say.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("RAPPORTEUR_COMMIT"),
    ")"
);

pub mod core;
pub mod report;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
