//! Unit tests of `value.rs`.

use super::{leading_blanks, padded_digits_problem};
use proptest::prelude::*;

/// The rule, byte by byte: blanks, then digits only.
fn first_problem(field: &[u8]) -> Option<usize> {
    let mut digits_begun = false;
    for (i, &b) in field.iter().enumerate() {
        match b {
            b' ' if !digits_begun => {}
            b'0'..=b'9' => digits_begun = true,
            _ => return Some(i),
        }
    }
    None
}

proptest! {
    /// The bit-per-byte hot path and the fallback agree with the rule, for fields of
    /// blanks, digits and a few other bytes, of every length up to past 64.
    #[test]
    fn padded_digits_as_the_rule_says(
        field in prop::collection::vec(prop::sample::select(&b" 0123456789a\x00\xff/:"[..]), 0..80),
    ) {
        prop_assert_eq!(padded_digits_problem(&field), first_problem(&field));
    }

    /// Eight bytes at a time, as one at a time, for every length up to past 24.
    #[test]
    fn leading_blanks_as_counted(
        blanks in 0usize..30,
        tail in prop::collection::vec(prop::sample::select(&b" 09\x00\xa0"[..]), 0..10),
    ) {
        let field = [vec![b' '; blanks], tail].concat();
        let counted = field.iter().take_while(|&&b| b == b' ').count();
        prop_assert_eq!(leading_blanks(&field), counted);
    }

    /// Right fields (blanks, then digits), and each with one byte changed.
    #[test]
    fn padded_digits_right_and_once_wrong(
        blanks in 0usize..40,
        digits in "[0-9]{0,40}",
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(&b" 0a\x00\xff"[..]),
    ) {
        let mut field = [" ".repeat(blanks), digits].concat().into_bytes();
        prop_assert_eq!(padded_digits_problem(&field), None);
        if !field.is_empty() {
            let i = at.index(field.len());
            field[i] = byte;
            prop_assert_eq!(padded_digits_problem(&field), first_problem(&field));
        }
    }
}
