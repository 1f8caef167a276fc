//! The longest run of a sequence already in order: what stays put when a list is
//! brought to a new order, so that only the rest counts as moved (one paragraph moved is
//! one move, for the team document and for undo alike).

use std::collections::HashSet;

/// The indexes (into `sequence`) of a longest strictly increasing run of its values.
pub fn longest_increasing(sequence: &[Option<usize>]) -> HashSet<usize> {
    // Patience sorting: tails[k] is the index ending the best run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; sequence.len()];
    let value = |i: usize| sequence.get(i).copied().flatten().unwrap_or(0);
    for (i, v) in sequence.iter().enumerate() {
        let Some(v) = *v else { continue };
        let k = tails.partition_point(|&t| value(t) < v);
        if let Some(b) = before.get_mut(i) {
            *b = k.checked_sub(1).and_then(|p| tails.get(p).copied());
        }
        if k == tails.len() {
            tails.push(i);
        } else if let Some(t) = tails.get_mut(k) {
            *t = i;
        }
    }
    let mut out = HashSet::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        out.insert(i);
        at = before.get(i).copied().flatten();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_run_in_order_stays_and_gaps_are_passed_over() {
        // 3 and 4 out of place; None (new, or said to be moving) never stays.
        let seq = [Some(0), Some(3), Some(1), None, Some(2), Some(4)];
        let stay = longest_increasing(&seq);
        let mut stay: Vec<usize> = stay.into_iter().collect();
        stay.sort_unstable();
        assert_eq!(stay, vec![0, 2, 4, 5]);
        assert!(longest_increasing(&[]).is_empty());
    }
}
