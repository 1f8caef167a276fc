//! The report: assembled from the session by a pure function, written by pure writers.

pub mod assemble;
pub mod checker;
mod decisions;
pub mod docx;
pub mod edit;
pub mod export;
mod generated;
pub mod limits;
pub mod markdown;
pub mod memo;
pub mod mentions;
mod minutes;
pub mod model;
pub mod options;
pub mod participation;
pub mod pronouns;
mod record;
mod summary;
pub mod template;
pub mod themes;
mod times;
pub mod words;

pub use assemble::{Options, assemble};
pub use model::{Block, FirstPage, Inline, Report};
