//! Small drafting rules: list joining, numbers in words, Roman numerals, articles.

/// "A", "A and B", "A, B and C": commas and a single "and", no comma before it.
pub fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

/// Numbers below 10 in words, 10 and above in figures ("one", "nine", "23").
pub fn count(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .get(n)
        .map(|w| w.to_string())
        .unwrap_or_else(|| n.to_string())
}

/// "one regional organization", "two regional organizations", "23 States".
pub fn counted(n: usize, singular: &str, plural: &str) -> String {
    format!("{} {}", count(n), if n == 1 { singular } else { plural })
}

/// Chapter numbers: 1 -> "I", 4 -> "IV", 9 -> "IX", 14 -> "XIV".
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// "a" or "an" before a word, by its sound as far as spelling tells.
pub fn indefinite_article(word: &str) -> &'static str {
    let lower = word.to_lowercase();
    let vowel = lower.starts_with(['a', 'e', 'i', 'o'])
        || (lower.starts_with('u') && !lower.starts_with("uni"));
    let silent_h = lower.starts_with("hour") || lower.starts_with("honou");
    if vowel || silent_h { "an" } else { "a" }
}

/// Lower-cases the first letter unless the first word is an acronym or a proper name
/// written in capitals ("Intersessional panel" -> "intersessional panel", "HRC" stays).
pub fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let all_caps = first_word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first_word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if all_caps {
        return text.to_string();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Ends a sentence with a full stop unless it already ends with punctuation.
pub fn end_sentence(text: &str) -> String {
    // Exactly one final stop: a note cut off after ";", "," or ":" ends with "." (never
    // ";.").
    let trimmed = text.trim_end().trim_end_matches([';', ',', ':']).trim_end();
    if trimmed.is_empty()
        || trimmed.ends_with(['.', '!', '?', '…'])
        || trimmed.ends_with(".”")
        || trimmed.ends_with(".\"")
    {
        trimmed.to_string()
    } else {
        format!("{trimmed}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_with_a_single_and() {
        assert_eq!(join_and::<&str>(&[]), "");
        assert_eq!(join_and(&["Peru"]), "Peru");
        assert_eq!(join_and(&["Peru", "Cuba"]), "Peru and Cuba");
        assert_eq!(
            join_and(&["Cameroon", "China", "Cuba"]),
            "Cameroon, China and Cuba"
        );
    }

    #[test]
    fn numbers_below_ten_in_words() {
        assert_eq!(count(1), "one");
        assert_eq!(count(9), "nine");
        assert_eq!(count(10), "10");
        assert_eq!(count(112), "112");
        assert_eq!(
            counted(1, "regional organization", "regional organizations"),
            "one regional organization"
        );
        assert_eq!(counted(23, "State", "States"), "23 States");
    }

    #[test]
    fn roman_numerals() {
        let expected = [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XIV", "XIX", "XL",
        ];
        let numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 19, 40];
        for (n, r) in numbers.iter().zip(expected) {
            assert_eq!(roman(*n), r);
        }
    }

    #[test]
    fn articles_and_sentences() {
        assert_eq!(indefinite_article("intersessional"), "an");
        assert_eq!(indefinite_article("panel"), "a");
        assert_eq!(indefinite_article("universal"), "a");
        assert_eq!(indefinite_article("hour-long"), "an");
        assert_eq!(lower_first("Intersessional panel"), "intersessional panel");
        assert_eq!(lower_first("HRC panel"), "HRC panel");
        assert_eq!(end_sentence("noted progress"), "noted progress.");
        assert_eq!(end_sentence("noted progress."), "noted progress.");
        assert_eq!(end_sentence("asked why?"), "asked why?");
        for cut in [
            "noted progress;",
            "noted progress,",
            "noted progress:",
            "noted progress ; ",
        ] {
            assert_eq!(end_sentence(cut), "noted progress.", "{cut:?}");
        }
        assert_eq!(end_sentence("said “enough.”"), "said “enough.”");
    }
}
