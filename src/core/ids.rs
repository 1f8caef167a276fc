//! New ids for the session's records: one past the largest, never wrapping. A file may
//! carry any id up to the type's limit; when the largest is at the limit, the smallest
//! free one is taken instead.

use std::collections::HashSet;
use std::hash::Hash;

pub trait Id: Copy + Eq + Hash + Ord {
    const ONE: Self;
    /// How many low bits number the records within one band (see `Band`).
    const BAND_SHIFT: u32;
    fn checked_next(self) -> Option<Self>;
    fn from_index(index: usize) -> Option<Self>;
    /// The part of a band this type's ids carry (u32 ids the low 12 bits, u64 ids all 24).
    fn band_part(band: Band) -> Band;
    /// The band's first id (band 0: 1).
    fn band_start(band: Band) -> Self;
    /// Which band an id is in.
    fn band_of(self) -> Band;
}

/// A range of ids only one device of a team session hands out, so that records two
/// devices create at the same moment never share an id (their maps merge by id). Band 0
/// is the one of a session kept by one person and of everything before it was shared.
pub type Band = u32;

/// Bands are 24 bits: ids of statements (u64) carry all of them, 2^29 ids per band, so
/// that every id stays below 2^53 (a number JavaScript, jq and Excel read exactly); the
/// u32 ids of participants, groups, segments, inscriptions and paragraphs carry the low
/// 12 bits (4,095 bands of 1,048,576 ids).
pub const MAX_BAND: Band = 0xFF_FFFF;
pub const SMALL_BANDS: Band = 0xFFF;

impl Id for u32 {
    const ONE: Self = 1;
    const BAND_SHIFT: u32 = 20;
    fn band_part(band: Band) -> Band {
        band & SMALL_BANDS
    }
    fn band_start(band: Band) -> Self {
        (Self::band_part(band) << Self::BAND_SHIFT).max(1)
    }
    fn band_of(self) -> Band {
        self >> Self::BAND_SHIFT
    }
    fn checked_next(self) -> Option<Self> {
        self.checked_add(1)
    }
    fn from_index(index: usize) -> Option<Self> {
        u32::try_from(index).ok()
    }
}

impl Id for u64 {
    const ONE: Self = 1;
    const BAND_SHIFT: u32 = 29;
    fn band_part(band: Band) -> Band {
        band & MAX_BAND
    }
    fn band_start(band: Band) -> Self {
        (u64::from(Self::band_part(band)) << Self::BAND_SHIFT).max(1)
    }
    fn band_of(self) -> Band {
        u32::try_from(self >> Self::BAND_SHIFT).unwrap_or(u32::MAX)
    }
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

/// A fresh id in `band`: one past the largest of the band's ids; in band 0 (a session
/// nobody shares) simply `next`.
pub fn next_in<T: Id>(band: Band, ids: impl Iterator<Item = T> + Clone) -> T {
    let band = T::band_part(band);
    if band == 0 {
        return next(ids);
    }
    let mine = ids.filter(|id| id.band_of() == band);
    match mine.clone().max() {
        None => T::band_start(band),
        Some(max) => match max.checked_next().filter(|n| n.band_of() == band) {
            Some(id) => id,
            // The band is full (a million records of one kind): the smallest free id.
            None => smallest_free(mine),
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

    #[test]
    fn bands_keep_two_devices_apart() {
        let ids = [1u32, 2, 3, (5 << 20) + 7];
        assert_eq!(next_in(0, ids.into_iter()), (5 << 20) + 8);
        assert_eq!(next_in(5, ids.into_iter()), (5 << 20) + 8);
        assert_eq!(next_in(6, ids.into_iter()), 6 << 20);
        assert_eq!(next_in(6u32, std::iter::empty::<u64>()), 6 << 29);
        assert_eq!(next_in(9, [(9u64 << 29) + 1].into_iter()), (9 << 29) + 2);
        assert_eq!((6u32 << 20).band_of(), 6);
        // u32 ids take the band's low 12 bits, u64 ids all 24.
        let wide = 0x12_3456;
        assert_eq!(next_in(wide, std::iter::empty::<u32>()), 0x456 << 20);
        assert_eq!(next_in(wide, std::iter::empty::<u64>()), 0x12_3456 << 29);
        // The largest band's last id is still exact in a JavaScript number.
        let last = (u64::from(MAX_BAND) << 29) + (1 << 29) - 1;
        assert_eq!(last, (1 << 53) - 1);
        assert_eq!(last.band_of(), MAX_BAND);
    }
}
