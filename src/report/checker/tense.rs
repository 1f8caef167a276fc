//! Reported speech is in the past (drafting rules, section 5): "stresses" -> "stressed"
//! where a speaker is the subject or the sentence opens with it ("Expresses hopes",
//! the model minutes), and the backshift after a verb of saying: "stressed that prevention is
//! ..." -> "was", "will" -> "would", "has" -> "had".

use super::words::{clause_ends, same_case, sentence_starts, words};
use super::{Hit, Rule, Severity};

/// Verbs of saying in the present, with their past.
const SAYING: &[(&str, &str)] = &[
    ("acknowledges", "acknowledged"),
    ("adds", "added"),
    ("affirms", "affirmed"),
    ("agrees", "agreed"),
    ("announces", "announced"),
    ("argues", "argued"),
    ("asks", "asked"),
    ("believes", "believed"),
    ("calls", "called"),
    ("commends", "commended"),
    ("commits", "committed"),
    ("concludes", "concluded"),
    ("condemns", "condemned"),
    ("confirms", "confirmed"),
    ("congratulates", "congratulated"),
    ("considers", "considered"),
    ("deplores", "deplored"),
    ("describes", "described"),
    ("emphasises", "emphasized"),
    ("emphasizes", "emphasized"),
    ("encourages", "encouraged"),
    ("explains", "explained"),
    ("expresses", "expressed"),
    ("highlights", "highlighted"),
    ("indicates", "indicated"),
    ("informs", "informed"),
    ("insists", "insisted"),
    ("invites", "invited"),
    ("mentions", "mentioned"),
    ("notes", "noted"),
    ("observes", "observed"),
    ("points", "pointed"),
    ("proposes", "proposed"),
    ("reaffirms", "reaffirmed"),
    ("recalls", "recalled"),
    ("recognizes", "recognized"),
    ("recommends", "recommended"),
    ("regrets", "regretted"),
    ("reiterates", "reiterated"),
    ("requests", "requested"),
    ("says", "said"),
    ("states", "stated"),
    ("stresses", "stressed"),
    ("suggests", "suggested"),
    ("thanks", "thanked"),
    ("underlines", "underlined"),
    ("underscores", "underscored"),
    ("urges", "urged"),
    ("welcomes", "welcomed"),
];

/// After "<verb of saying> that", the present or future moves one step back.
const BACKSHIFT: &[(&str, &str)] = &[
    ("is", "was"),
    ("are", "were"),
    ("will", "would"),
    ("has", "had"),
    ("have", "had"),
    ("can", "could"),
];

/// Present forms that are also nouns.
const AMBIGUOUS: &[&str] = &["states", "points", "notes", "calls", "thanks", "requests"];

fn past_of(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    SAYING
        .iter()
        .find(|(present, _)| *present == lower)
        .map(|(_, past)| *past)
}

fn said(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower == "said" || SAYING.iter().any(|(_, past)| *past == lower)
}

/// Words after which a present verb has a speaker for its subject.
fn subject_like(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "she" | "he" | "they" | "it" | "also" | "further"
    ) || word.chars().next().is_some_and(char::is_uppercase)
}

pub fn check(text: &str, hits: &mut Vec<Hit>) {
    let list = words(text);
    let mut after_that = false;
    for (n, w) in list.iter().enumerate() {
        let previous = n.checked_sub(1).and_then(|p| list.get(p));
        let opens = sentence_starts(text, previous.map(|p| p.end), w.start);
        if let Some(prev) = previous
            && clause_ends(text, prev.end, w.start)
        {
            after_that = false;
        }
        if let Some(past) = past_of(w.text) {
            let capitalized = w.text.chars().next().is_some_and(char::is_uppercase);
            let subject = previous.is_some_and(|p| {
                subject_like(p.text) && !sentence_starts(text, Some(p.end), w.start)
            }) || text
                .get(..w.start)
                .is_some_and(|before| before.trim_end().ends_with(')'));
            // A word that is also a noun ("States should ...", "Points of view") is a
            // verb at the start of a sentence only before what a verb takes.
            let next = list.get(n + 1).map(|x| x.text.to_lowercase());
            let verb_at_start = !AMBIGUOUS.contains(&w.text.to_lowercase().as_str())
                || next.as_deref().is_some_and(|x| {
                    matches!(x, "that" | "out" | "for" | "on" | "upon" | "the" | "all")
                });
            // Mid-sentence, a verb is in lower case ("Member States" is a name).
            if (opens && capitalized && verb_at_start) || (!opens && !capitalized && subject) {
                hits.push(Hit {
                    rule: Rule::Tense,
                    severity: Severity::Error,
                    excerpt: w.text.to_string(),
                    message: "reported speech is in the past".into(),
                    suggestion: Some(same_case(w.text, past)),
                });
            }
            continue;
        }
        if w.text.eq_ignore_ascii_case("that") && previous.is_some_and(|p| said(p.text)) {
            after_that = true;
            continue;
        }
        if after_that
            && let Some((_, back)) = BACKSHIFT
                .iter()
                .find(|(present, _)| w.text.eq_ignore_ascii_case(present))
        {
            hits.push(Hit {
                rule: Rule::Tense,
                severity: Severity::Warning,
                excerpt: w.text.to_string(),
                message: "after a verb of saying the tense moves back (backshift)".into(),
                suggestion: Some(same_case(w.text, back)),
            });
            after_that = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Vec<(String, Option<String>)> {
        let mut hits = Vec::new();
        check(text, &mut hits);
        hits.into_iter()
            .map(|h| (h.excerpt, h.suggestion))
            .collect()
    }

    #[test]
    fn present_verbs_of_saying_and_backshift() {
        assert_eq!(
            flagged("Expresses hopes that the work will deliver."),
            [("Expresses".into(), Some("Expressed".into()))]
        );
        assert_eq!(
            flagged("Ms. Ramos stresses the point."),
            [("stresses".into(), Some("stressed".into()))]
        );
        assert_eq!(
            flagged("She stressed that prevention is the best protection."),
            [("is".into(), Some("was".into()))]
        );
        assert!(flagged("The present report summarizes the discussions.").is_empty());
        assert!(flagged("The High Commissioner stressed that prevention was key.").is_empty());
        assert!(flagged("She took note of the statements.").is_empty());
        assert!(flagged("Member States were invited. States should act.").is_empty());
        assert!(flagged("Points of view differed. Thanks to the support, it worked.").is_empty());
        assert_eq!(
            flagged("Notes that UNDP can also support programming work."),
            [("Notes".into(), Some("Noted".into()))]
        );
        assert_eq!(
            flagged("Peru states that it agrees."),
            [
                ("states".into(), Some("stated".into())),
                ("agrees".into(), Some("agreed".into()))
            ]
        );
    }
}
