//! A value shared between copies of the session until one of them changes it.
//!
//! The session is copied whole for every save (the writer thread writes the copy) and
//! for every undo step; the statements and the report's paragraphs are most of it and
//! most of them never change between two copies. [`Shared`] makes such a copy one
//! reference count: reading goes straight through, and the first change made through a
//! copy that is still shared copies that one value first (`Arc::make_mut`), so the other
//! copies keep what they had. On disk it is the value itself.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Default, Clone)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }

    /// The value itself, copied only if other copies still hold it.
    pub fn into_inner(self) -> T
    where
        T: Clone,
    {
        Arc::unwrap_or_clone(self.0)
    }

    /// Whether both are the same value in memory (so equal without comparing).
    pub fn same(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Changing a value other copies still hold copies it first; those copies keep theirs.
impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

/// `for x in &shared` as over the value itself.
impl<'a, T> IntoIterator for &'a Shared<T>
where
    &'a T: IntoIterator,
{
    type Item = <&'a T as IntoIterator>::Item;
    type IntoIter = <&'a T as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        (&*self.0).into_iter()
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Shared::same(self, other) || *self.0 == *other.0
    }
}

impl<T: Eq> Eq for Shared<T> {}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_through_one_copy_leaves_the_other_as_it_was() {
        let mut a = Shared::new(vec![1, 2, 3]);
        let b = a.clone();
        assert!(Shared::same(&a, &b));
        a.push(4);
        assert_eq!(*a, vec![1, 2, 3, 4]);
        assert_eq!(*b, vec![1, 2, 3]);
        assert!(!Shared::same(&a, &b));
        assert_ne!(a, b);
    }

    #[test]
    fn a_value_no_one_else_holds_is_changed_in_place() {
        let mut a = Shared::new(vec![1]);
        let before: *const Vec<i32> = &*a;
        a.push(2);
        assert!(
            std::ptr::eq(&*a, before),
            "no copy when nothing else holds it"
        );
        assert_eq!(*a, vec![1, 2]);
    }

    #[test]
    fn on_disk_it_is_the_value_itself() {
        let a = Shared::new(vec!["x".to_string()]);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"["x"]"#);
        let back: Shared<Vec<String>> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
    }
}
