//! Shared by the team-session tests: a session without what belongs to one run of the
//! app, and its report as Markdown on a fixed date.

use rapporteur::core::session::Session;
use rapporteur::core::shared::Shared;
use rapporteur::report::assemble::{Options, assemble};
use rapporteur::report::markdown::to_markdown;

/// What a session holds, without what belongs to one run of the app (its id band, its
/// device, the layout's next paragraph id).
pub fn plain(s: &Session) -> Session {
    let mut s = s.clone();
    s.id_band = 0;
    s.device = None;
    let mut layout = (*s.layout).clone();
    layout.next_id = 0;
    s.layout = Shared::new(layout);
    s
}

pub fn markdown(s: &Session) -> String {
    to_markdown(&assemble(
        s,
        &Options {
            kind: None,
            issue_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6),
        },
    ))
}
