//! Field value types: fixed-width text and digits held inline (no allocation per record), and
//! the code lists of the records.

use std::borrow::Cow;
use std::fmt;

use time::Date;

use crate::ValueError;

/// Which way a file goes. Several layouts differ by direction (records 70, 71, 72, 88 of
/// assignment type 00, and 89), and some exist in one direction only (35, 36, 73, 76 from MPS;
/// 49, 74 to MPS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Direction {
    /// Sent by the payee to MPS: the transmission start names MPS (`00008080`) as recipient.
    #[default]
    ToMps,
    /// Sent by MPS to the payee: the transmission start names MPS as sender.
    FromMps,
}

impl Direction {
    /// The other direction.
    #[must_use]
    pub fn reverse(self) -> Self {
        match self {
            Self::ToMps => Self::FromMps,
            Self::FromMps => Self::ToMps,
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ToMps => "to MPS",
            Self::FromMps => "from MPS",
        })
    }
}

/// The customer unit id of Mastercard Payment Services, sender or recipient of every file.
pub const MPS_ID: u32 = 8080;

/// What a record parser needs to know besides the record's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context {
    /// The direction of the file.
    pub direction: Direction,
    /// How two-digit years are read ([decision 6](docs/spec-decisions.md#decision-6)): `None` reads `DDMMYY` in the window
    /// 1970-2069; a date reads each year as the one nearest to it (the earlier on a tie).
    pub reference_date: Option<Date>,
}

impl Context {
    /// A context for `direction` with the fixed 1970-2069 window.
    pub fn new(direction: Direction) -> Self {
        Self {
            direction,
            reference_date: None,
        }
    }

    /// The full year of a two-digit year `yy` (0-99), [decision 6](docs/spec-decisions.md#decision-6).
    pub(crate) fn full_year(&self, yy: i32) -> i32 {
        match self.reference_date {
            None => {
                if yy >= 70 {
                    1900 + yy
                } else {
                    2000 + yy
                }
            }
            Some(reference) => {
                // The candidate in the reference's century, moved by a century when one of the
                // neighbours is nearer (a tie goes to the earlier year).
                let year = reference.year();
                let same_century = year - year.rem_euclid(100) + yy;
                let diff = same_century - year;
                if diff >= 50 {
                    same_century - 100
                } else if diff < -50 {
                    same_century + 100
                } else {
                    same_century
                }
            }
        }
    }
}

/// Whether `b` is printable ISO-8859-1: not a C0 or C1 control character, not DEL.
pub(crate) const fn is_printable_latin1(b: u8) -> bool {
    matches!(b, 0x20..=0x7E | 0xA0..=0xFF)
}

/// Whether `bytes` hold the UTF-8 encoding of a letter of ISO-8859-1's upper half (`Ø` is
/// `C3 98`, `å` is `C3 A5`): the mark of a file saved as UTF-8 instead of ISO-8859-1. In
/// ISO-8859-1 these pairs read as `Ã` followed by a control character or a symbol (`Ã¥`), which
/// no name or reference holds.
pub(crate) fn has_utf8_sequence(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| matches!(w, [0xC3, 0x80..=0xBF]))
}

/// An alphanumeric field (`A` in `docs/records.md`) of `N` columns: ISO-8859-1 text, left-justified,
/// padded with blanks.
///
/// Held as the field's `N` bytes, so reading and writing a record allocates nothing and gives
/// back the bytes read; its `Display` (`to_string()`) decodes it (each byte is one character), without the
/// trailing blanks. Leading blanks are kept: they are part of the value.
///
/// ```
/// use autogiro_format::Text;
///
/// let name = Text::<10>::new("Ærlig Ås")?;
/// assert_eq!(name.to_string(), "Ærlig Ås");
/// assert_eq!(name.as_bytes(), b"\xC6rlig \xC5s");
/// assert!(Text::<10>::new("Eleven char").is_err());
/// # Ok::<(), autogiro_format::ValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text<const N: usize>([u8; N]);

impl<const N: usize> Text<N> {
    /// A field of blanks.
    pub const BLANK: Self = Self([b' '; N]);

    /// Encodes `s` as ISO-8859-1, left-justified. Trailing blanks of `s` are not significant.
    ///
    /// # Errors
    ///
    /// [`ValueError::TooLong`] when `s` (without trailing blanks) has more than `N` characters,
    /// [`ValueError::NotLatin1`] for a character outside ISO-8859-1, [`ValueError::Control`] for
    /// a control character, [`ValueError::LooksLikeUtf8`] for `Ã` followed by a symbol, which
    /// reading would take for UTF-8.
    pub fn new(s: &str) -> Result<Self, ValueError> {
        let s = s.trim_end_matches(' ');
        let count = s.chars().count();
        if count > N {
            return Err(ValueError::TooLong {
                max: N,
                found: count,
            });
        }
        let mut field = [b' '; N];
        for ((i, c), slot) in s.chars().enumerate().zip(field.iter_mut()) {
            let b = u8::try_from(u32::from(c)).map_err(|_| ValueError::NotLatin1 {
                position: i + 1,
                found: c,
            })?;
            if !is_printable_latin1(b) {
                return Err(ValueError::Control {
                    position: i + 1,
                    found: c,
                });
            }
            *slot = b;
        }
        if let Some(i) = field.windows(2).position(has_utf8_sequence) {
            return Err(ValueError::LooksLikeUtf8 { position: i + 1 });
        }
        Ok(Self(field))
    }

    /// Takes the field's bytes as read; the caller has checked them (the field parsers of
    /// `parse.rs` return checked bytes for this).
    pub(crate) const fn from_field(field: [u8; N]) -> Self {
        Self(field)
    }

    /// The ISO-8859-1 bytes without trailing blanks.
    pub fn as_bytes(&self) -> &[u8] {
        let end = self.0.iter().rposition(|&b| b != b' ').map_or(0, |i| i + 1);
        self.0.get(..end).unwrap_or_default()
    }

    /// The whole field, trailing blanks included.
    pub fn as_field(&self) -> &[u8; N] {
        &self.0
    }

    /// Whether the field holds only blanks.
    pub fn is_blank(&self) -> bool {
        self.as_bytes().is_empty()
    }

    /// The text without trailing blanks, decoded from ISO-8859-1: borrowed from the field when
    /// it is ASCII (as it mostly is), a new string when not. What `Display` writes.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use autogiro_format::Text;
    ///
    /// let plain = Text::<10>::new("Nordmann")?;
    /// assert!(matches!(plain.to_str(), Cow::Borrowed("Nordmann")));
    /// assert_eq!(Text::<10>::new("Ærlig Ås")?.to_str(), "Ærlig Ås");
    /// # Ok::<(), autogiro_format::ValueError>(())
    /// ```
    pub fn to_str(&self) -> Cow<'_, str> {
        let bytes = self.as_bytes();
        match std::str::from_utf8(bytes) {
            Ok(ascii) if bytes.is_ascii() => Cow::Borrowed(ascii),
            _ => Cow::Owned(bytes.iter().copied().map(char::from).collect()),
        }
    }
}

impl<const N: usize> Default for Text<N> {
    fn default() -> Self {
        Self::BLANK
    }
}

impl<const N: usize> fmt::Display for Text<N> {
    /// The text without trailing blanks, decoded from ISO-8859-1.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.to_str())
    }
}

impl<const N: usize> fmt::Debug for Text<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

/// A numeric identifier field of `N` columns, digits only, leading zeros significant (an
/// account number, an organisation number).
///
/// ```
/// use autogiro_format::Digits;
///
/// let account = Digits::<11>::new("12345678903")?;
/// assert_eq!(account.as_str(), "12345678903");
/// # Ok::<(), autogiro_format::ValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digits<const N: usize>([u8; N]);

impl<const N: usize> Digits<N> {
    /// All zeros.
    pub const ZERO: Self = Self([b'0'; N]);

    /// Exactly `N` ASCII digits.
    ///
    /// # Errors
    ///
    /// [`ValueError::NotADigit`] or [`ValueError::WrongLength`].
    pub fn new(s: &str) -> Result<Self, ValueError> {
        check_digits(s)?;
        let field: [u8; N] = s
            .as_bytes()
            .try_into()
            .map_err(|_| ValueError::WrongLength {
                expected: N,
                found: s.len(),
            })?;
        Ok(Self(field))
    }

    /// Takes the field's bytes as read; the caller has checked them (the field parsers of
    /// `parse.rs` return checked bytes for this).
    pub(crate) const fn from_field(field: [u8; N]) -> Self {
        Self(field)
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        ascii(&self.0)
    }

    /// Whether every digit is `0`.
    pub fn is_zero(&self) -> bool {
        self.0.iter().all(|&b| b == b'0')
    }
}

impl<const N: usize> Default for Digits<N> {
    fn default() -> Self {
        Self::ZERO
    }
}

impl<const N: usize> fmt::Display for Digits<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl<const N: usize> fmt::Debug for Digits<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A digit field of `N` columns that is right-justified and padded on the left with blanks, or
/// all blanks: the payer's reference (record 30 positions 22-32, record 70 positions 17-27) and
/// the KID (record 30 positions 50-74). The spec calls them numeric; [decision 2](docs/spec-decisions.md#decision-2)
/// reads them as "digits, optionally left-padded with blanks".
///
/// The field is kept exactly as written: `"  012345678"` and `"00012345678"` differ, as they
/// do for MPS, which matches a claim's payer reference against the mandate's, padding included.
///
/// ```
/// use autogiro_format::PaddedDigits;
///
/// let kid = PaddedDigits::<25>::new("123456782")?;
/// assert_eq!(kid.as_field(), "                123456782");
/// assert_eq!(kid.digits(), "123456782");
/// assert!(PaddedDigits::<25>::BLANK.is_blank());
/// # Ok::<(), autogiro_format::ValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaddedDigits<const N: usize>([u8; N]);

impl<const N: usize> PaddedDigits<N> {
    /// All blanks: no value.
    pub const BLANK: Self = Self([b' '; N]);

    /// Right-justifies up to `N` digits, padding with blanks. An empty string gives
    /// [`PaddedDigits::BLANK`].
    ///
    /// # Errors
    ///
    /// [`ValueError::NotADigit`] or [`ValueError::TooLong`].
    pub fn new(digits: &str) -> Result<Self, ValueError> {
        check_digits(digits)?;
        let len = digits.len();
        let start = N
            .checked_sub(len)
            .ok_or(ValueError::TooLong { max: N, found: len })?;
        let mut field = [b' '; N];
        if let Some(tail) = field.get_mut(start..) {
            tail.copy_from_slice(digits.as_bytes());
        }
        Ok(Self(field))
    }

    /// The field exactly as written: `N` characters, blanks then digits.
    ///
    /// # Errors
    ///
    /// [`ValueError::WrongLength`] or [`ValueError::NotADigit`] (a blank after a digit counts).
    pub fn from_field_str(field: &str) -> Result<Self, ValueError> {
        let bytes: [u8; N] = field
            .as_bytes()
            .try_into()
            .map_err(|_| ValueError::WrongLength {
                expected: N,
                found: field.chars().count(),
            })?;
        match padded_digits_problem(&bytes) {
            Some(i) => Err(ValueError::NotADigit {
                position: i + 1,
                found: field.chars().nth(i).unwrap_or(' '),
            }),
            None => Ok(Self(bytes)),
        }
    }

    /// Takes the field's bytes as read; the caller has checked them (the field parsers of
    /// `parse.rs` return checked bytes for this).
    pub(crate) const fn from_field(field: [u8; N]) -> Self {
        Self(field)
    }

    /// The digits without the padding blanks (empty when blank).
    pub fn digits(&self) -> &str {
        ascii(self.digit_bytes())
    }

    /// [`Self::digits`] as bytes (ASCII digits).
    pub fn digit_bytes(&self) -> &[u8] {
        self.0.get(leading_blanks(&self.0)..).unwrap_or_default()
    }

    /// The whole field as written.
    pub fn as_field(&self) -> &str {
        ascii(&self.0)
    }

    /// The whole field as its bytes (blanks and ASCII digits).
    pub fn as_bytes(&self) -> &[u8; N] {
        &self.0
    }

    /// The field with its padding blanks as zeros: the same number in `N` digits. Zeros in
    /// front add nothing to a weighted sum, so this is what a check digit of a KID is
    /// computed over on the hot path, without first finding where the digits start.
    pub fn zero_padded(&self) -> [u8; N] {
        // A blank (0x20) gains the bit a digit (0x30-0x39) has already: it becomes `0`.
        self.0.map(|b| b | 0x10)
    }

    /// Whether the field is all blanks. The blanks lead, so its last byte says.
    pub fn is_blank(&self) -> bool {
        self.0.last().is_none_or(|&b| b == b' ')
    }
}

/// How many blanks `bytes` start with, eight bytes at a time: the padding of a KID or payer's
/// reference is looked up for every claim.
#[inline]
fn leading_blanks(bytes: &[u8]) -> usize {
    const BLANKS: u64 = u64::from_le_bytes([b' '; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let differ = word ^ BLANKS;
        if differ != 0 {
            // Little-endian: the first byte that is not a blank holds the lowest set bit.
            return count + differ.trailing_zeros() as usize / 8;
        }
        count += 8;
    }
    count
        + chunks
            .remainder()
            .iter()
            .take_while(|&&b| b == b' ')
            .count()
}

impl<const N: usize> Default for PaddedDigits<N> {
    fn default() -> Self {
        Self::BLANK
    }
}

impl<const N: usize> fmt::Display for PaddedDigits<N> {
    /// The digits without padding.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.digits())
    }
}

impl<const N: usize> fmt::Debug for PaddedDigits<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_field(), f)
    }
}

/// The index of the first byte that breaks "blanks, then digits", if any.
#[inline]
pub(crate) fn padded_digits_problem(field: &[u8]) -> Option<usize> {
    // The hot path, without a branch per byte: a bit per byte for the digits and one for the
    // blanks (every such field is shorter than 64 bytes). The field is right when each byte is
    // one or the other and the blanks are a prefix (their bits 2^k - 1).
    if field.len() < 64 {
        let (mut digits, mut blanks) = (0u64, 0u64);
        for (i, &b) in field.iter().enumerate() {
            digits |= u64::from(b.is_ascii_digit()) << i;
            blanks |= u64::from(b == b' ') << i;
        }
        if digits | blanks == (1u64 << field.len()) - 1 && blanks & (blanks + 1) == 0 {
            return None;
        }
    }
    let start = leading_blanks(field);
    field
        .iter()
        .skip(start)
        .position(|b| !b.is_ascii_digit())
        .map(|i| i + start)
}

fn check_digits(s: &str) -> Result<(), ValueError> {
    match s.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, found)) => Err(ValueError::NotADigit {
            position: i + 1,
            found,
        }),
        None => Ok(()),
    }
}

/// The text of bytes checked to be ASCII.
fn ascii(bytes: &[u8]) -> &str {
    // Only ASCII digits and blanks are ever stored, so the fallback is never taken.
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// A code list, for the field parsers and writers.
pub(crate) trait Code: Copy {
    /// Every code as written.
    const CODES: &'static [&'static str];
    /// The value of a code.
    fn from_code(code: &[u8]) -> Option<Self>;
    /// The code of a value.
    fn code(self) -> &'static str;
}

/// A code of one or two bytes as one integer, for [`Code::from_code`]: the bytes, and the
/// length, so that `0` and `00` differ. Longer codes are none of this crate's.
pub(crate) const fn code_key(code: &[u8]) -> u16 {
    match *code {
        [a] => a as u16,
        [a, b] => (a as u16) | ((b as u16) << 8),
        _ => 0,
    }
}

/// Defines an enumeration of fixed-width codes with its code list.
macro_rules! codes {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in code order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// The codes as written in the files, in the order of [`Self::ALL`].
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The code as written in the files.
            pub const fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }

            /// The value of a code as written in the files. Each code (one or two bytes) is
            /// compared as one integer, not as a slice: OCR giro's twelve transaction types
            /// took 65 instructions a record compared as slices (callgrind).
            #[inline]
            pub fn from_code(code: &[u8]) -> Option<Self> {
                const KEYS: &[u16] = &[$(crate::value::code_key($code.as_bytes())),+];
                let key = match *code {
                    [a] => crate::value::code_key(&[a]),
                    [a, b] => crate::value::code_key(&[a, b]),
                    _ => return None,
                };
                let at = KEYS.iter().position(|&k| k == key)?;
                Self::ALL.get(at).copied()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl crate::value::Code for $name {
            const CODES: &'static [&'static str] = Self::CODES;

            #[inline]
            fn from_code(code: &[u8]) -> Option<Self> {
                Self::from_code(code)
            }

            fn code(self) -> &'static str {
                Self::code(self)
            }
        }
    };
}
pub(crate) use codes;

codes! {
    /// Transaction type of a claim (positions 5-6 of records 30, 31, 35, 36, 49).
    ClaimType {
        /// `02`: Autogiro without notice (u/melding).
        WithoutNotice = "02",
        /// `03`: Autogiro with notice (m/melding); may carry specification records 49.
        WithNotice = "03",
    }
}

codes! {
    /// Transaction type of a mandate (positions 5-6 of records 70-76).
    MandateType {
        /// `22`: a standard mandate, with a period code and an amount limit.
        Standard = "22",
        /// `23`: a simplified mandate (forenklet), without a limit.
        Simplified = "23",
    }
}

codes! {
    /// Assignment type (positions 5-6 of records 20 and 88).
    AssignmentType {
        /// `00`: claims (to MPS), settled claims (from MPS).
        Claims = "00",
        /// `24`: mandates.
        Mandates = "24",
        /// `25`: rejected claims (from MPS only).
        Rejected = "25",
    }
}

codes! {
    /// Registration type of mandate post 1 (record 70, position 16).
    RegistrationType {
        /// `0`: part of a full listing of an agreement's mandates (from MPS only).
        Listing = "0",
        /// `1`: a new mandate.
        New = "1",
        /// `2`: a change.
        Change = "2",
        /// `3`: a deletion.
        Delete = "3",
    }
}

codes! {
    /// Period code of an amount limit (record 70 positions 40-41, record 73 positions 51-52).
    /// [Decision 7](docs/spec-decisions.md#decision-7) counts calendar periods.
    PeriodCode {
        /// `00`: no period: a simplified mandate, or no new limit.
        NoPeriod = "00",
        /// `01`: per day.
        Daily = "01",
        /// `02`: per ISO week, Monday to Sunday.
        Weekly = "02",
        /// `03`: per calendar month.
        Monthly = "03",
        /// `04`: per calendar quarter.
        Quarterly = "04",
        /// `05`: per half-year, January-June and July-December.
        HalfYearly = "05",
        /// `06`: per calendar year.
        Yearly = "06",
    }
}

impl PeriodCode {
    /// The period's name as billing data spells it (`daily`, `weekly`, `monthly`,
    /// `quarterly`, `half-yearly`, `yearly`; empty for no period).
    pub const fn name(self) -> &'static str {
        match self {
            Self::NoPeriod => "",
            Self::Daily => "daily",
            Self::Weekly => "weekly",
            Self::Monthly => "monthly",
            Self::Quarterly => "quarterly",
            Self::HalfYearly => "half-yearly",
            Self::Yearly => "yearly",
        }
    }
}

/// Error code of a rejected claim (record 36, positions 76-78).
///
/// Spec 3.9 lists six codes; older files carry others (132, 134, 253, ...), kept as
/// [`ErrorCode::Other`] ([decision 9](docs/spec-decisions.md#decision-9)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorCode {
    /// `131`: mandate not found.
    MandateNotFound,
    /// `133`: mandate blocked.
    MandateBlocked,
    /// `181`: mandate balance exceeded (the amount limit of the period).
    LimitExceeded,
    /// `221`: rejected in the payer's bank.
    RejectedByBank,
    /// `222`: account not found.
    AccountNotFound,
    /// `252`: sent to retry; the claim is still being processed.
    SentToRetry,
    /// Any other three-digit code.
    Other(u16),
}

impl ErrorCode {
    /// The codes spec 3.9 lists.
    pub const LISTED: &'static [Self] = &[
        Self::MandateNotFound,
        Self::MandateBlocked,
        Self::LimitExceeded,
        Self::RejectedByBank,
        Self::AccountNotFound,
        Self::SentToRetry,
    ];

    /// The code's number.
    pub const fn number(self) -> u16 {
        match self {
            Self::MandateNotFound => 131,
            Self::MandateBlocked => 133,
            Self::LimitExceeded => 181,
            Self::RejectedByBank => 221,
            Self::AccountNotFound => 222,
            Self::SentToRetry => 252,
            Self::Other(n) => n,
        }
    }

    /// The code of a number; unlisted numbers give [`ErrorCode::Other`].
    pub const fn from_number(n: u16) -> Self {
        match n {
            131 => Self::MandateNotFound,
            133 => Self::MandateBlocked,
            181 => Self::LimitExceeded,
            221 => Self::RejectedByBank,
            222 => Self::AccountNotFound,
            252 => Self::SentToRetry,
            other => Self::Other(other),
        }
    }

    /// What the code means, in English; `None` for an unlisted code.
    pub const fn meaning(self) -> Option<&'static str> {
        match self {
            Self::MandateNotFound => Some("mandate not found"),
            Self::MandateBlocked => Some("mandate blocked"),
            Self::LimitExceeded => Some("mandate amount limit for the period exceeded"),
            Self::RejectedByBank => Some("rejected in the payer's bank"),
            Self::AccountNotFound => Some("account not found"),
            Self::SentToRetry => Some("sent to retry, still being processed"),
            Self::Other(_) => None,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.number())
    }
}

/// Serde support: text and digit fields as strings (text without trailing blanks, blank-padded
/// digits as the whole field so that padding survives), error codes as numbers.
#[cfg(feature = "serde")]
mod serde_impls {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Digits, ErrorCode, PaddedDigits, Text};

    impl<const N: usize> Serialize for Text<N> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(self)
        }
    }

    impl<'de, const N: usize> Deserialize<'de> for Text<N> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let s = String::deserialize(d)?;
            Self::new(&s).map_err(D::Error::custom)
        }
    }

    impl<const N: usize> Serialize for Digits<N> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }

    impl<'de, const N: usize> Deserialize<'de> for Digits<N> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let s = String::deserialize(d)?;
            Self::new(&s).map_err(D::Error::custom)
        }
    }

    impl<const N: usize> Serialize for PaddedDigits<N> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.as_field())
        }
    }

    impl<'de, const N: usize> Deserialize<'de> for PaddedDigits<N> {
        /// Takes the whole field (`"      12345"`); a shorter string of digits is
        /// right-justified.
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let s = String::deserialize(d)?;
            if s.len() == N {
                Self::from_field_str(&s).map_err(D::Error::custom)
            } else {
                Self::new(&s).map_err(D::Error::custom)
            }
        }
    }

    impl Serialize for ErrorCode {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_u16(self.number())
        }
    }

    impl<'de> Deserialize<'de> for ErrorCode {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let n = u16::deserialize(d)?;
            if n > 999 {
                return Err(D::Error::custom("an error code has three digits"));
            }
            Ok(Self::from_number(n))
        }
    }
}

#[cfg(test)]
mod tests;
