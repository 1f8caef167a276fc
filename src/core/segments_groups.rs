//! Renaming, reordering and removing the meeting's segments (agenda items) and groups.
//! A segment or group that statements use is never removed: the message says how many
//! use it, so nothing logged loses its place or its "on behalf of".

use super::session::Session;
use super::text::clean_line;

fn statements(n: usize) -> String {
    if n == 1 {
        "1 statement".into()
    } else {
        format!("{n} statements")
    }
}

impl Session {
    /// Gives a segment a new title; an empty title is refused.
    pub fn rename_segment(&mut self, id: u32, title: &str) -> Result<(), String> {
        let title = clean_line(title);
        if title.is_empty() {
            return Err("A segment needs a title.".into());
        }
        let segment = self
            .segments
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or("That segment no longer exists.")?;
        segment.title = title;
        Ok(())
    }

    /// Moves a segment one place up (`-1`) or down (`1`) in the meeting's order.
    pub fn move_segment(&mut self, id: u32, step: i32) {
        let Some(at) = self.segments.iter().position(|s| s.id == id) else {
            return;
        };
        let to = if step < 0 {
            at.checked_sub(1)
        } else {
            Some(at + 1).filter(|t| *t < self.segments.len())
        };
        if let Some(to) = to {
            self.segments.swap(at, to);
        }
    }

    /// Removes a segment no statement is in. The current segment moves to the first.
    pub fn remove_segment(&mut self, id: u32) -> Result<(), String> {
        let used = self
            .interventions
            .iter()
            .filter(|i| i.segment == id)
            .count();
        let title = self
            .segment(id)
            .map(|s| s.title.clone())
            .ok_or("That segment no longer exists.")?;
        if used > 0 {
            return Err(format!(
                "“{title}” holds {}: move them to another segment (correct them in the log) before removing it.",
                statements(used)
            ));
        }
        if self.segments.len() == 1 {
            return Err("The meeting needs at least one segment.".into());
        }
        self.segments.retain(|s| s.id != id);
        if self.current_segment == id
            && let Some(first) = self.segments.first()
        {
            self.current_segment = first.id;
        }
        Ok(())
    }

    /// Gives a group a new name and membership; an empty name is refused.
    pub fn edit_group(&mut self, id: u32, name: &str, members: &str) -> Result<(), String> {
        let name = clean_line(name);
        if name.is_empty() {
            return Err("A group needs a name.".into());
        }
        let group = self
            .groups
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or("That group no longer exists.")?;
        group.name = name;
        group.members = clean_line(members);
        Ok(())
    }

    /// Removes a group no statement and no inscription speaks for.
    pub fn remove_group(&mut self, id: u32) -> Result<(), String> {
        let name = self
            .group(id)
            .map(|g| g.name.clone())
            .ok_or("That group no longer exists.")?;
        let used = self
            .interventions
            .iter()
            .filter(|i| i.on_behalf_of == Some(id))
            .count();
        let inscribed = self
            .inscriptions
            .iter()
            .filter(|i| i.on_behalf_of == Some(id))
            .count();
        if used > 0 || inscribed > 0 {
            return Err(format!(
                "{} {} on behalf of “{name}”: it stays.",
                if used > 0 {
                    statements(used)
                } else {
                    format!("{inscribed} on the list of speakers")
                },
                if used + inscribed == 1 { "is" } else { "are" }
            ));
        }
        self.groups.retain(|g| g.id != id);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::core::demo::demo_session;
    use crate::core::meeting::SegmentKind;

    #[test]
    fn segments_are_renamed_reordered_and_removed_only_when_empty() {
        let mut s = demo_session();
        let ids = |s: &crate::core::Session| s.segments.iter().map(|x| x.id).collect::<Vec<_>>();
        let first = s.segments[0].id;
        s.rename_segment(first, "  Opening  remarks ").unwrap();
        assert_eq!(s.segments[0].title, "Opening remarks");
        assert!(s.rename_segment(first, "   ").is_err());
        let before = ids(&s);
        s.move_segment(first, 1);
        assert_eq!(ids(&s)[1], first);
        s.move_segment(first, -1);
        s.move_segment(first, -1);
        assert_eq!(ids(&s), before, "the first stays first");
        let used = s.remove_segment(first).unwrap_err();
        assert!(
            used.contains("Opening remarks") && used.contains("statement"),
            "{used}"
        );
        let spare = s.add_segment("Closing", SegmentKind::Custom);
        s.current_segment = spare;
        s.remove_segment(spare).unwrap();
        assert_eq!(s.current_segment, s.segments[0].id);
        assert!(s.segment(spare).is_none());
    }

    #[test]
    fn groups_in_use_stay_and_others_go() {
        let mut s = demo_session();
        let used = s
            .interventions
            .iter()
            .find_map(|i| i.on_behalf_of)
            .expect("the demo has a statement on behalf of a group");
        let why = s.remove_group(used).unwrap_err();
        assert!(why.contains("it stays"), "{why}");
        let spare = s.ensure_group("Core Group on Human Rights Defenders", "");
        s.edit_group(spare, "Core Group on Defenders", "Norway and Ireland")
            .unwrap();
        assert_eq!(s.group(spare).unwrap().members, "Norway and Ireland");
        assert!(s.edit_group(spare, "", "").is_err());
        s.remove_group(spare).unwrap();
        assert!(s.group(spare).is_none());
    }
}
