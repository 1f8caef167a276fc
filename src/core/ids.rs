//! New ids for the session's records: one past the largest, never wrapping. A file may
//! carry any id up to the type's limit; when the largest is at the limit, the smallest
//! free one is taken instead.

use std::collections::HashSet;
use std::hash::Hash;

pub trait Id: Copy + Eq + Hash + Ord {
    const ONE: Self;
    fn checked_next(self) -> Option<Self>;
    fn from_index(index: usize) -> Option<Self>;
}

impl Id for u32 {
    const ONE: Self = 1;
    fn checked_next(self) -> Option<Self> {
        self.checked_add(1)
    }
    fn from_index(index: usize) -> Option<Self> {
        u32::try_from(index).ok()
    }
}

impl Id for u64 {
    const ONE: Self = 1;
    fn checked_next(self) -> Option<Self> {
        self.checked_add(1)
    }
    fn from_index(index: usize) -> Option<Self> {
        u64::try_from(index).ok()
    }
}

/// A fresh id: not among `ids`.
pub fn next<T: Id>(ids: impl Iterator<Item = T> + Clone) -> T {
    match ids.clone().max() {
        None => T::ONE,
        Some(max) => match max.checked_next() {
            Some(id) => id,
            None => smallest_free(ids),
        },
    }
}

/// The smallest id from 1 up that is not among `ids`; there is always one no larger than
/// their count + 1.
pub fn smallest_free<T: Id>(ids: impl Iterator<Item = T>) -> T {
    let taken: HashSet<T> = ids.collect();
    (1..=taken.len() + 1)
        .filter_map(T::from_index)
        .find(|id| !taken.contains(id))
        .unwrap_or(T::ONE)
}

/// Hands out fresh ids for many new records at once (an import, a repair) in linear time.
pub struct Allocator<T: Id> {
    taken: HashSet<T>,
    next: Option<T>,
}

impl<T: Id> Allocator<T> {
    pub fn new(ids: impl Iterator<Item = T>) -> Self {
        let taken: HashSet<T> = ids.collect();
        let next = match taken.iter().max() {
            None => Some(T::ONE),
            Some(max) => max.checked_next(),
        };
        Allocator { taken, next }
    }

    pub fn take(&mut self) -> T {
        let id = match self.next {
            Some(id) if !self.taken.contains(&id) => id,
            _ => smallest_free(self.taken.iter().copied()),
        };
        self.taken.insert(id);
        self.next = id.checked_next();
        id
    }

    /// Marks an id as used; false if it already was.
    pub fn claim(&mut self, id: T) -> bool {
        self.taken.insert(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_never_wrap() {
        assert_eq!(next([3u64, 7].into_iter()), 8);
        assert_eq!(next(std::iter::empty::<u32>()), 1);
        assert_eq!(next([u64::MAX, 1, 2].into_iter()), 3);
        assert_eq!(next([u32::MAX].into_iter()), 1);
        let mut a = Allocator::new([u32::MAX - 1, 1].into_iter());
        assert_eq!(a.take(), u32::MAX);
        assert_eq!(a.take(), 2);
        assert_eq!(a.take(), 3);
        assert!(!a.claim(3));
        assert!(a.claim(10));
    }
}
