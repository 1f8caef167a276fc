//! Shared by the benchmarks: made-up statements of realistic length.

const WORDS: &[&str] = &[
    "stressed",
    "that",
    "the",
    "prevention",
    "of",
    "atrocity",
    "crimes",
    "required",
    "early",
    "warning",
    "and",
    "national",
    "focal",
    "points",
    "accountability",
    "civil",
    "society",
    "participation",
    "human",
    "rights",
    "mechanisms",
];

/// A 90-word statement, different for each `i`.
pub fn statement(i: usize) -> String {
    let words: Vec<&str> = (0..90)
        .map(|w| WORDS[(i * 7 + w * 3) % WORDS.len()])
        .collect();
    words.join(" ")
}
