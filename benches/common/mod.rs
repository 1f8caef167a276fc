//! Shared by the benchmarks: made-up statements of realistic length, and timing.

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

/// Runs `f` once to warm up, then `runs` times; the durations, sorted.
pub fn timings(mut f: impl FnMut(), runs: usize) -> Vec<std::time::Duration> {
    f();
    let mut times: Vec<_> = (0..runs)
        .map(|_| {
            let t = std::time::Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times
}
