//! How records pair up: the one rule for the checker, which reports what does not pair, and the
//! assembler, which builds what does, so that the model holds exactly the claims and mandate
//! details the diagnostics leave standing.
//!
//! * An item 2 (record 31 or 36) belongs to the item 1 (30 or 35) right before it; any other
//!   record between them, a line that cannot be read, or the end of the assignment leaves the
//!   item 1 without its item 2 ([`Items`]).
//! * A mandate's later posts belong to the post 1 before them when they carry its transaction
//!   type and sequence number ([`post_belongs`]), and come in the order of [`later_posts`].

use autogiro_format::{Direction, MandateType};

/// The item 1 waiting for its item 2.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Items<T>(Option<T>);

impl<T> Default for Items<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<T> Items<T> {
    /// An item 1: held for its item 2. The one held before it, left without one, is returned.
    pub(crate) fn item1(&mut self, item: T) -> Option<T> {
        self.0.replace(item)
    }

    /// An item 2: the item 1 it belongs to, if the record before it was one.
    pub(crate) fn item2(&mut self) -> Option<T> {
        self.0.take()
    }

    /// Any other record, an unreadable line, or the end of the assignment: the item 1 left
    /// without its item 2, if one was held.
    pub(crate) fn other(&mut self) -> Option<T> {
        self.0.take()
    }
}

/// Whether `record` is an item 2 (records 31 and 36), which pairs with the item 1 before it.
pub(crate) fn is_item2(record: &autogiro_format::Record) -> bool {
    matches!(
        record,
        autogiro_format::Record::AmountItem2(_) | autogiro_format::Record::RejectedItem2(_)
    )
}

/// The record types of a mandate's posts after post 1, in their order, in files of
/// `direction`: 71, 72, 74 to MPS; 71, 72, 73, 76 from MPS (76 in a full listing only,
/// [decision 24](docs/spec-decisions.md#decision-24)).
pub(crate) fn later_posts(direction: Direction) -> &'static [u8] {
    match direction {
        Direction::ToMps => &[71, 72, 74],
        Direction::FromMps => &[71, 72, 73, 76],
    }
}

/// Whether a later post of transaction type `mandate_type` and sequence number `sequence`
/// belongs to the post 1 `post1` (its type and sequence number).
pub(crate) fn post_belongs(
    post1: (MandateType, u32),
    mandate_type: MandateType,
    sequence: u32,
) -> bool {
    post1 == (mandate_type, sequence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_1_pairs_only_with_the_item_2_right_after_it() {
        let mut items = Items::default();
        assert_eq!(items.item1(1), None);
        assert_eq!(items.item2(), Some(1));
        assert_eq!(items.item2(), None);
        assert_eq!(items.item1(2), None);
        assert_eq!(items.item1(3), Some(2));
        assert_eq!(items.other(), Some(3));
        assert_eq!(items.item2(), None);
    }
}
