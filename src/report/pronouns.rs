//! Pronouns in templates: `{Bouayach:she}` prints the subject pronoun of that person
//! (she, he or they), `{Bouayach:her}` the possessive before a noun (her, his, their),
//! and so on: the form is named by any of its words, so an editor writes the one that
//! comes to mind. A delegation is "it" ("Switzerland, for its part, ...").

use crate::core::participant::Pronoun;

/// The grammatical form a template asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// she, he, they, it
    Subject,
    /// her, him, them, it (`{X:him}`, `{X:them}`; `her` is read as the possessive)
    Object,
    /// her, his, their, its, before a noun ("In her concluding remarks")
    Determiner,
    /// hers, his, theirs, its, standing alone
    Possessive,
    /// herself, himself, themselves, itself
    Reflexive,
}

impl Form {
    /// The form named by a pronoun word, any case; None for a word that is none.
    pub fn parse(word: &str) -> Option<Form> {
        Some(match word.trim().to_lowercase().as_str() {
            "she" | "he" | "they" | "it" => Form::Subject,
            "him" | "them" => Form::Object,
            "her" | "his" | "their" | "its" => Form::Determiner,
            "hers" | "theirs" => Form::Possessive,
            "herself" | "himself" | "themselves" | "themself" | "itself" => Form::Reflexive,
            _ => return None,
        })
    }
}

/// The word for a person's pronoun (`None`: a delegation, "it") in this form.
pub fn word(pronoun: Option<Pronoun>, form: Form) -> &'static str {
    match (pronoun, form) {
        (Some(Pronoun::She), Form::Subject) => "she",
        (Some(Pronoun::She), Form::Object | Form::Determiner) => "her",
        (Some(Pronoun::She), Form::Possessive) => "hers",
        (Some(Pronoun::She), Form::Reflexive) => "herself",
        (Some(Pronoun::He), Form::Subject) => "he",
        (Some(Pronoun::He), Form::Object) => "him",
        (Some(Pronoun::He), Form::Determiner | Form::Possessive) => "his",
        (Some(Pronoun::He), Form::Reflexive) => "himself",
        (Some(Pronoun::They), Form::Subject) => "they",
        (Some(Pronoun::They), Form::Object) => "them",
        (Some(Pronoun::They), Form::Determiner) => "their",
        (Some(Pronoun::They), Form::Possessive) => "theirs",
        (Some(Pronoun::They), Form::Reflexive) => "themselves",
        (None, Form::Subject | Form::Object) => "it",
        (None, Form::Determiner | Form::Possessive) => "its",
        (None, Form::Reflexive) => "itself",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_for_every_pronoun() {
        let forms = ["she", "him", "her", "hers", "herself"];
        let expected = [
            (Some(Pronoun::She), ["she", "her", "her", "hers", "herself"]),
            (Some(Pronoun::He), ["he", "him", "his", "his", "himself"]),
            (
                Some(Pronoun::They),
                ["they", "them", "their", "theirs", "themselves"],
            ),
            (None, ["it", "it", "its", "its", "itself"]),
        ];
        for (pronoun, words) in expected {
            for (form, want) in forms.iter().zip(words) {
                let form = Form::parse(form).unwrap();
                assert_eq!(word(pronoun, form), want, "{pronoun:?} {form:?}");
            }
        }
        assert_eq!(Form::parse(" HIS "), Some(Form::Determiner));
        assert_eq!(
            Form::parse("World Alliance for Citizen Participation"),
            None
        );
    }
}
