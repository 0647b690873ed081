//! What a diagnostic says ([`Said`]): the catalogue's key (`autogiro-i18n`) and the values of its
//! places, made into words in a language only when shown. The English words are the ones the
//! model has always given (`Diagnostic::message`); the bokmål ones are the same sentences in
//! the specification's Norwegian terms.

pub use autogiro_i18n::{Lang, Said};

/// The catalogue's keys of what MPS's error `code` (record 36 positions 76-78) means and what
/// to do about it: `code.131.meaning`, `code.131.todo`, ..., `code.other.*` for a code the
/// specification does not list.
pub fn error_code_keys(code: u16) -> (&'static str, &'static str) {
    match code {
        131 => ("code.131.meaning", "code.131.todo"),
        133 => ("code.133.meaning", "code.133.todo"),
        181 => ("code.181.meaning", "code.181.todo"),
        221 => ("code.221.meaning", "code.221.todo"),
        222 => ("code.222.meaning", "code.222.todo"),
        252 => ("code.252.meaning", "code.252.todo"),
        _ => ("code.other.meaning", "code.other.todo"),
    }
}

/// A check digit's error in words (`autogiro-checksum`'s, said again for each language).
pub fn checksum_said(e: &autogiro_checksum::ChecksumError) -> Said {
    use autogiro_checksum::ChecksumError as E;
    match *e {
        E::Empty => Said::new("sum.empty"),
        E::TooShort { min, found } => Said::new("sum.too-short")
            .with("min", min)
            .with("found", found),
        E::TooLong { max, found } => Said::new("sum.too-long")
            .with("max", max)
            .with("found", found),
        E::WrongLength { expected, found } => Said::new("sum.wrong-length")
            .with("expected", expected)
            .with("found", found),
        E::NotADigit { position, found } => Said::new("sum.not-a-digit")
            .with("position", position)
            .with("found", format!("{found:?}")),
        E::NonZeroPadding { position, found } => Said::new("sum.non-zero-padding")
            .with("position", position)
            .with("found", format!("{found:?}")),
        E::CheckDigitMismatch {
            modulus,
            expected,
            found,
        } => Said::new("sum.mismatch")
            .with("modulus", modulus)
            .with("expected", expected)
            .with("found", found),
        E::NoCheckDigit => Said::new("sum.no-check-digit"),
        E::AllZeros => Said::new("sum.all-zeros"),
        E::NoScheme {
            mod10,
            mod11: Some(mod11),
            found,
        } => Said::new("sum.no-scheme")
            .with("found", found)
            .with("mod10", mod10)
            .with("mod11", mod11),
        E::NoScheme {
            mod10,
            mod11: None,
            found,
        } => Said::new("sum.no-scheme-11")
            .with("found", found)
            .with("mod10", mod10),
        _ => Said::plain(e),
    }
}

/// A value's error in words (`autogiro-format`'s [`ValueError`](autogiro_format::ValueError),
/// said again for each language): text too long for its field, a character the files cannot
/// carry.
pub(crate) fn value_said(e: &autogiro_format::ValueError) -> Said {
    use autogiro_format::ValueError as E;
    match *e {
        E::TooLong { max, found } => Said::new("value.too-long")
            .with("found", found)
            .with("max", max),
        E::NotLatin1 { position, found } => Said::new("value.not-latin1")
            .with("found", format!("{found:?}"))
            .with("position", position),
        E::Control { position, found } => Said::new("value.control")
            .with("found", format!("{found:?}"))
            .with("position", position),
        E::LooksLikeUtf8 { position } => {
            Said::new("value.looks-like-utf8").with("position", position)
        }
        E::NotADigit { position, found } => Said::new("value.not-a-digit")
            .with("position", position)
            .with("found", format!("{found:?}")),
        E::WrongLength { expected, found } => Said::new("value.wrong-length")
            .with("expected", expected)
            .with("found", found),
        _ => Said::plain(e),
    }
}

impl crate::DateError {
    /// What this error says, for any language.
    pub fn said(&self) -> Said {
        match self {
            Self::Form(s) => Said::new("date.form").with("found", format!("{s:?}")),
            Self::NoSuchDay(s) => Said::new("date.no-such-day").with("found", format!("{s:?}")),
        }
    }
}

impl crate::AmountError {
    /// What this error says, for any language.
    pub fn said(&self) -> Said {
        match self {
            Self::Negative(d) => Said::new("amount.negative").with("amount", d),
            Self::FractionOfOre(d) => Said::new("amount.fraction").with("amount", d),
            Self::TooLarge(d) => Said::new("amount.too-large").with("amount", d),
            Self::NotAnAmount(s) => {
                Said::new("amount.not-an-amount").with("found", format!("{s:?}"))
            }
            Self::Ambiguous(s) => Said::new("amount.ambiguous").with("found", format!("{s:?}")),
        }
    }
}

impl crate::BuildError {
    /// What this error says, for any language.
    pub fn said(&self) -> Said {
        match self {
            Self::SpecificationWithoutNotice => Said::new("build.specification-without-notice"),
            Self::TooManySpecifications => Said::new("build.too-many-specifications"),
            Self::SpecificationPlace { line, column } => Said::new("build.specification-place")
                .with("line", line)
                .with("column", column),
            Self::SpecificationTaken { line, column } => Said::new("build.specification-taken")
                .with("line", line)
                .with("column", column),
            Self::StandardWithoutPeriod => Said::new("build.standard-without-period"),
            Self::BlankShortName => Said::new("build.blank-short-name"),
            Self::StandardWithoutLimit => Said::new("build.standard-without-limit"),
            Self::MissingPayerDetails => Said::new("build.missing-payer-details"),
            Self::DeletionWithDetails => Said::new("build.deletion-with-details"),
            Self::ValidityReversed { from, to } => Said::new("build.validity-reversed")
                .with("from", from)
                .with("to", to),
            Self::WrongDirection { kind, direction } => Said::new("build.wrong-direction")
                .with_words("kind", Said::new(kind.key()))
                .with_words(
                    "direction",
                    Said::new(match direction {
                        autogiro_format::Direction::ToMps => "dir.to-mps",
                        autogiro_format::Direction::FromMps => "dir.from-mps",
                    }),
                ),
            Self::TooManyTransactions => Said::new("build.too-many-transactions"),
            Self::BlankPayer => Said::new("row.payer-blank"),
            Self::ZeroPayer => Said::new("row.payer-zeros"),
            Self::AvtaleGiroWithoutKid => Said::new("build.avtalegiro-without-kid"),
            Self::AvtaleGiroMisplaced {
                transaction_type,
                kind,
            } => Said::new("build.avtalegiro-misplaced")
                .with("type", transaction_type.code())
                .with_words("kind", Said::new(kind.key())),
            Self::Text { field, source } => Said::new("build.text")
                .with("field", field)
                .with_words("error", value_said(source)),
        }
    }
}

/// `said!("key", name = value, ...)`: a [`Said`] with its values.
macro_rules! said {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        crate::said::Said::new($key)$(.with(stringify!($name), $value))*
    };
}
pub(crate) use said;
