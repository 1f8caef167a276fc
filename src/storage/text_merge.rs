//! Two edits of one text made from the same starting point, merged character by
//! character as a team session merges them (Loro's text): a statement corrected in the
//! panel while another device corrected it too keeps both corrections.

use loro::{ExportMode, LoroDoc, UpdateOptions};

/// `mine` and `theirs` both started from `base`: the text with both changes. Where they
/// changed the same characters both insertions are kept, one after the other, in an
/// order that is the same whichever side merges. Should the merge fail (it does not on
/// valid text), `mine` (the edit in front of the person) is returned: nothing of it is
/// lost.
pub fn merge3(base: &str, mine: &str, theirs: &str) -> String {
    if mine == base || mine == theirs {
        return theirs.to_string();
    }
    if theirs == base {
        return mine.to_string();
    }
    merged(base, mine, theirs).unwrap_or_else(|| mine.to_string())
}

fn merged(base: &str, mine: &str, theirs: &str) -> Option<String> {
    let ours = LoroDoc::new();
    ours.set_peer_id(1).ok()?;
    let text = ours.get_text("t");
    text.insert(0, base).ok()?;
    ours.commit();
    let other = ours.fork();
    other.set_peer_id(2).ok()?;
    let start = ours.oplog_vv();
    edit(&ours, mine)?;
    edit(&other, theirs)?;
    let update = other.export(ExportMode::updates(&start)).ok()?;
    ours.import(&update).ok()?;
    Some(text.to_string())
}

fn edit(doc: &LoroDoc, wanted: &str) -> Option<()> {
    let text = doc.get_text("t");
    if text.update(wanted, UpdateOptions::default()).is_err() {
        text.delete(0, text.len_unicode()).ok()?;
        text.insert(0, wanted).ok()?;
    }
    doc.commit();
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_two_places_both_stay() {
        let base = "The representative of Peru stressed prevention.";
        let mine = "The representative of Peru firmly stressed prevention.";
        let theirs = "The representative of Peru stressed early prevention.";
        assert_eq!(
            merge3(base, mine, theirs),
            "The representative of Peru firmly stressed early prevention."
        );
    }

    #[test]
    fn one_side_unchanged_gives_the_other() {
        assert_eq!(merge3("a b", "a b", "a c"), "a c");
        assert_eq!(merge3("a b", "a x", "a b"), "a x");
        assert_eq!(merge3("a b", "a x", "a x"), "a x");
    }

    #[test]
    fn the_same_place_keeps_both_insertions_whoever_merges() {
        let one = merge3("Peru said.", "Peru firmly said.", "Peru also said.");
        assert!(one.contains("firmly") && one.contains("also"), "{one}");
        let other = merge3("Peru said.", "Peru also said.", "Peru firmly said.");
        assert!(
            other.contains("firmly") && other.contains("also"),
            "{other}"
        );
    }

    #[test]
    fn non_ascii_text_merges_by_character() {
        let base = "Le représentant du Pérou a souligné la prévention.";
        let mine = "Le représentant du Pérou a fermement souligné la prévention.";
        let theirs = "Le représentant du Pérou a souligné la prévention précoce.";
        assert_eq!(
            merge3(base, mine, theirs),
            "Le représentant du Pérou a fermement souligné la prévention précoce."
        );
    }
}
