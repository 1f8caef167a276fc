//! Storage: the session file, its lock, the draft side-file and the app's own places.
//! Knows nothing of the window.

pub mod atomic;
pub mod backup;
pub mod draft;
pub mod file;
pub mod frames;
pub mod journal;
pub mod lock;
pub mod os_error;
pub mod paths;
pub mod places;
pub mod portable_name;
pub mod store;
pub mod team;
pub mod text_merge;
pub mod writer;

pub use file::{LoadError, load, parse, save};
pub use store::{OpenError, Store};
