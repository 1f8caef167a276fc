//! Small value types for drop-down lists (pick_list needs Display + PartialEq).

use std::fmt;

use crate::core::session::Session;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupChoice {
    pub id: Option<u32>,
    pub name: String,
}

impl fmt::Display for GroupChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

pub fn group_choices(session: &Session) -> Vec<GroupChoice> {
    std::iter::once(GroupChoice {
        id: None,
        name: "on its own behalf".into(),
    })
    .chain(session.groups.iter().map(|g| GroupChoice {
        id: Some(g.id),
        name: format!("on behalf of {}", g.name),
    }))
    .collect()
}

pub fn group_choice(session: &Session, id: Option<u32>) -> Option<GroupChoice> {
    group_choices(session).into_iter().find(|c| c.id == id)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentChoice {
    pub id: u32,
    pub title: String,
}

impl fmt::Display for SegmentChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title)
    }
}

pub fn segment_choices(session: &Session) -> Vec<SegmentChoice> {
    session
        .segments
        .iter()
        .map(|s| SegmentChoice {
            id: s.id,
            title: s.title.clone(),
        })
        .collect()
}

pub fn segment_choice(session: &Session, id: u32) -> Option<SegmentChoice> {
    session.segment(id).map(|s| SegmentChoice {
        id: s.id,
        title: s.title.clone(),
    })
}
