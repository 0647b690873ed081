use std::fmt;
use std::iter::Sum;
use std::str::FromStr;

use rust_decimal::Decimal;

/// An amount of money in øre (1/100 NOK), as the records carry it: a whole number of at most
/// 17 digits (positions 33-49 of record 30, 42-58 of record 70).
///
/// Exact integer arithmetic; [`Amount::to_nok`] and [`Amount::from_nok`] convert to and from
/// kroner as a [`Decimal`] at the API's edge.
///
/// ```
/// use autogiro_model::Amount;
/// use rust_decimal::Decimal;
///
/// let a = Amount::from_nok(Decimal::new(123450, 2))?; // 1234.50 NOK
/// assert_eq!(a.ore(), 123_450);
/// assert_eq!(a.to_string(), "1234.50");
/// assert!(Amount::from_nok(Decimal::new(12345, 3)).is_err()); // 12.345 NOK: a fraction of an øre
/// # Ok::<(), autogiro_model::AmountError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(u64);

/// Why a value is not an [`Amount`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AmountError {
    /// Below zero.
    #[error("amount {0} NOK is negative")]
    Negative(Decimal),
    /// Finer than one øre.
    #[error("amount {0} NOK has a fraction of an øre")]
    FractionOfOre(Decimal),
    /// More than the 17 digits of øre a record holds.
    #[error("amount {0} is more than the 17 digits of øre a record holds")]
    TooLarge(Decimal),
    /// Text that is not an amount as people write one ([`Amount::from_str`]).
    #[error("{0:?} is not an amount in NOK (write it like 1234.50 or 1 234,50)")]
    NotAnAmount(String),
    /// Both a point and a comma: `1,234.50` could be either convention.
    #[error(
        "{0:?} is ambiguous: use one decimal mark and no other separator than spaces (1234.50 or 1 234,50)"
    )]
    Ambiguous(String),
}

impl Amount {
    /// Zero.
    pub const ZERO: Self = Self(0);
    /// The largest amount a record holds: 17 digits of øre.
    pub const MAX: Self = Self(99_999_999_999_999_999);

    /// An amount of `ore` øre.
    ///
    /// # Errors
    ///
    /// [`AmountError::TooLarge`] above [`Amount::MAX`].
    pub fn from_ore(ore: u64) -> Result<Self, AmountError> {
        if ore > Self::MAX.0 {
            Err(AmountError::TooLarge(Decimal::from(ore)))
        } else {
            Ok(Self(ore))
        }
    }

    /// The amount in øre.
    pub const fn ore(self) -> u64 {
        self.0
    }

    /// The amount in kroner, exactly, with two decimals.
    pub fn to_nok(self) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(self.0), 2)
    }

    /// An amount given in kroner.
    ///
    /// # Errors
    ///
    /// [`AmountError::Negative`], [`AmountError::FractionOfOre`], [`AmountError::TooLarge`].
    pub fn from_nok(nok: Decimal) -> Result<Self, AmountError> {
        if nok.is_sign_negative() && !nok.is_zero() {
            return Err(AmountError::Negative(nok));
        }
        let ore = nok * Decimal::ONE_HUNDRED;
        if ore.fract() != Decimal::ZERO {
            return Err(AmountError::FractionOfOre(nok));
        }
        let ore = u64::try_from(ore.trunc()).map_err(|_| AmountError::TooLarge(nok))?;
        Self::from_ore(ore).map_err(|_| AmountError::TooLarge(nok))
    }

    /// The sum, or `None` past [`Amount::MAX`].
    pub fn checked_add(self, other: Self) -> Option<Self> {
        self.0
            .checked_add(other.0)
            .filter(|&s| s <= Self::MAX.0)
            .map(Self)
    }

    /// The sum, saturating at [`u64::MAX`] øre; for totals that are checked afterwards.
    pub(crate) fn saturating_add(self, other: Self) -> Self {
        Self(self.0.saturating_add(other.0))
    }

    /// An amount read from a record (at most 17 digits, so never above the maximum).
    pub(crate) const fn from_record(ore: u64) -> Self {
        Self(ore)
    }
}

impl FromStr for Amount {
    type Err = AmountError;

    /// An amount in NOK as people write it: `1234.50`, `1234,50`, `1 234,50` (a space, a
    /// no-break space or a narrow no-break space between thousands), `1234`; at most two
    /// decimals. Nothing else: `1,234.50` is refused as ambiguous, `12,34,5` and `-5` as not
    /// amounts.
    ///
    /// ```
    /// use autogiro_model::Amount;
    ///
    /// for text in ["1234.50", "1234,50", "1 234,50", "1\u{a0}234.5"] {
    ///     assert_eq!(text.parse::<Amount>()?.ore(), 123_450);
    /// }
    /// assert_eq!("1234".parse::<Amount>()?.ore(), 123_400);
    /// assert!("1,234.50".parse::<Amount>().is_err());
    /// assert!("12,345".parse::<Amount>().is_err()); // a fraction of an øre
    /// # Ok::<(), autogiro_model::AmountError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, AmountError> {
        let s = text.trim();
        let not = || AmountError::NotAnAmount(text.to_owned());
        if s.contains('.') && s.contains(',') {
            return Err(AmountError::Ambiguous(text.to_owned()));
        }
        let (whole, fraction) = match s.split_once(['.', ',']) {
            Some((w, f)) => (w, Some(f)),
            None => (s, None),
        };
        // Groups of digits separated by single spaces: the first 1-3 digits, the rest 3.
        let groups: Vec<&str> = whole.split([' ', '\u{a0}', '\u{202f}']).collect();
        let grouped = groups.len() > 1;
        let mut digits = String::with_capacity(whole.len() + 3);
        for (i, g) in groups.iter().enumerate() {
            let ok = !g.is_empty()
                && g.bytes().all(|b| b.is_ascii_digit())
                && (!grouped || if i == 0 { g.len() <= 3 } else { g.len() == 3 });
            if !ok {
                return Err(not());
            }
            digits.push_str(g);
        }
        if let Some(f) = fraction {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return Err(not());
            }
            digits.push('.');
            digits.push_str(f);
        }
        let nok = Decimal::from_str(&digits).map_err(|_| not())?;
        Self::from_nok(nok)
    }
}

impl fmt::Display for Amount {
    /// Kroner with two decimals and a point: `1234.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{}.{:02}", self.0 / 100, self.0 % 100))
    }
}

impl Sum for Amount {
    /// Saturates at `u64::MAX` øre rather than wrap; compare with [`Amount::MAX`] to check.
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, Self::saturating_add)
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use std::str::FromStr;

    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Amount;

    impl Serialize for Amount {
        /// A decimal string in kroner: `"1234.50"`.
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(self)
        }
    }

    /// What the JSON form of an amount looks like, for error messages.
    const EXPECTED: &str = "an amount in NOK such as \"125.50\"";

    struct Visitor;

    impl serde::de::Visitor<'_> for Visitor {
        type Value = Amount;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(EXPECTED)
        }

        /// Only the canonical form: digits, optionally a point and one or two decimals. A
        /// comma, a space or an exponent is refused with what was found, not guessed at.
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Amount, E> {
            let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
            let canonical = match s.split_once('.') {
                None => digits(s),
                Some((whole, fraction)) => digits(whole) && digits(fraction) && fraction.len() <= 2,
            };
            let nok = Decimal::from_str(s).ok().filter(|_| canonical);
            let Some(nok) = nok else {
                return Err(E::custom(format!("expected {EXPECTED}, found {s:?}")));
            };
            Amount::from_nok(nok).map_err(E::custom)
        }
    }

    impl<'de> Deserialize<'de> for Amount {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_str(Visitor)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_people_write_them() {
        let ore = |s: &str| s.parse::<Amount>().map(Amount::ore);
        assert_eq!(ore("1 234,50"), Ok(123_450));
        assert_eq!(ore("1\u{202f}234\u{a0}567.8"), Ok(123_456_780));
        assert_eq!(ore(" 1234 "), Ok(123_400));
        assert_eq!(ore("1,2"), Ok(120));
        assert_eq!(ore("0"), Ok(0));
        for bad in [
            "12,34,5", "1  234", "1234 567", "12 34", "-5", "", ".50", "1.", "1e3", "12 kr", "½",
        ] {
            assert!(
                matches!(ore(bad), Err(AmountError::NotAnAmount(_))),
                "{bad}: {:?}",
                ore(bad)
            );
        }
        assert!(matches!(ore("1,234.50"), Err(AmountError::Ambiguous(_))));
        assert!(matches!(ore("1.005"), Err(AmountError::FractionOfOre(_))));
        assert_eq!(
            ore("12,34,5").unwrap_err().to_string(),
            "\"12,34,5\" is not an amount in NOK (write it like 1234.50 or 1 234,50)"
        );
    }

    #[test]
    fn nok_conversions_are_exact() {
        assert_eq!(Amount::from_nok(Decimal::new(1, 2)), Ok(Amount(1)));
        assert_eq!(Amount::from_nok(Decimal::new(100, 0)), Ok(Amount(10_000)));
        assert_eq!(Amount::from_nok(Decimal::ZERO), Ok(Amount::ZERO));
        assert!(matches!(
            Amount::from_nok(Decimal::new(-1, 2)),
            Err(AmountError::Negative(_))
        ));
        assert!(matches!(
            Amount::from_nok(Decimal::new(1, 3)),
            Err(AmountError::FractionOfOre(_))
        ));
        assert!(matches!(
            Amount::from_nok(Decimal::new(1_000_000_000_000_000, 0)),
            Err(AmountError::TooLarge(_))
        ));
        assert_eq!(Amount(123_450).to_nok(), Decimal::new(123_450, 2));
        assert_eq!(Amount(5).to_string(), "0.05");
        assert_eq!(Amount::MAX.checked_add(Amount(1)), None);
        assert_eq!(Amount(1).checked_add(Amount(2)), Some(Amount(3)));
    }
}
