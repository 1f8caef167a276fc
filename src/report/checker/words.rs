//! Words of a text with where they stand, and the sentence they close.

/// A word: letters, digits and the marks inside names ("Kovalenko-Ruiz", "O'Flaherty",
/// "COVID-19", "44/14"), with its byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

fn inner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '/' | '.')
}

/// The words of `text`. A mark inside a word belongs to it only between two letters
/// or digits ("44/14", "a.m" stays one word; the final stop of a sentence does not).
pub fn words(text: &str) -> Vec<Word<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(&(start, c)) = chars.get(i) else {
            break;
        };
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while let Some(&(_, c)) = chars.get(j) {
            let joins = inner(c)
                && chars
                    .get(j + 1)
                    .is_some_and(|(_, next)| next.is_alphanumeric());
            if c.is_alphanumeric() || joins {
                j += if joins { 2 } else { 1 };
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |(at, _)| *at);
        out.push(Word {
            text: text.get(start..end).unwrap_or_default(),
            start,
            end,
        });
        i = j;
    }
    out
}

/// Whether a sentence ends between two offsets of the text (a ".", "!", "?" or ":"
/// between them), or `start` is the first word.
pub fn sentence_starts(text: &str, previous_end: Option<usize>, start: usize) -> bool {
    match previous_end {
        None => true,
        Some(end) => text
            .get(end..start)
            .is_some_and(|gap| gap.contains(['.', '!', '?', ':', '\n'])),
    }
}

/// Whether a clause ends between two offsets (",", ";", ":" or a sentence end).
pub fn clause_ends(text: &str, end: usize, start: usize) -> bool {
    text.get(end..start)
        .is_some_and(|gap| gap.contains([',', ';', ':', '.', '!', '?', '(', ')', '\n']))
}

/// `replacement` with the first letter's case of `like`.
pub fn same_case(like: &str, replacement: &str) -> String {
    let upper = like.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if upper => first.to_uppercase().chain(chars).collect(),
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_symbols_and_times_are_one_word() {
        let w: Vec<&str> =
            words("Ms. Kovalenko-Ruiz cited resolution 44/14 (COVID-19), at 10.05 a.m.")
                .iter()
                .map(|w| w.text)
                .collect();
        assert_eq!(
            w,
            [
                "Ms",
                "Kovalenko-Ruiz",
                "cited",
                "resolution",
                "44/14",
                "COVID-19",
                "at",
                "10.05",
                "a.m"
            ]
        );
    }
}
