//! The states the book keeps, as types: a claim's status, a file's state, a mandate's status,
//! a file's direction. The store writes each as its name and reads it back with `parse`; the
//! schema's CHECK constraints (migration 3 of either backend) hold the tables to the same
//! names, so a state the program does not know can only come from a book edited by hand, and
//! is reported as such ([`BookError::Corrupt`]).

use autogiro_format::Direction;

use crate::BookError;

/// Defines an enumeration stored by name.
macro_rules! named {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[serde(rename_all = "kebab-case")]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The name the book stores and shows.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }

            /// The value of a stored name.
            pub(crate) fn parse(name: &str) -> Result<Self, BookError> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|s| s.as_str() == name)
                    .ok_or_else(|| BookError::Corrupt(format!(concat!("unknown ", $what, " {:?}"), name)))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

named! {
    /// Where a claim sent to MPS stands.
    pub enum ClaimStatus ("claim status") {
        /// Sent, no answer yet.
        Sent = "sent",
        /// MPS answered 252: it is retrying the charge.
        Retry = "retry",
        /// MPS settled it.
        Settled = "settled",
        /// MPS rejected it (the answer's error code says why).
        Rejected = "rejected",
        /// Closed by the payee: billed again by another claim, or settled another way
        /// (`autogiro book resolve CLAIM --handled WHY`).
        Handled = "handled",
    }
}

impl ClaimStatus {
    /// Whether the claim waits for MPS's answer (sent, or being retried).
    pub const fn is_waiting(self) -> bool {
        matches!(self, Self::Sent | Self::Retry)
    }

    /// The status an answer from MPS gives a claim: settled, sent to retry (252), rejected.
    pub(crate) fn of_answer(code: Option<u16>) -> Self {
        match code {
            None => Self::Settled,
            Some(crate::matching::RETRY) => Self::Retry,
            Some(_) => Self::Rejected,
        }
    }
}

named! {
    /// Where a file of the book stands.
    pub(crate) enum FileState ("file state") {
        /// Numbers taken by `new` for a file not yet made.
        Reserved = "reserved",
        /// Made by `new`, not yet sent.
        Prepared = "prepared",
        /// Sent to MPS.
        Sent = "sent",
        /// An answer from MPS.
        Answer = "answer",
    }
}

named! {
    /// Where a mandate of the book stands, as the book last heard.
    pub(crate) enum MandateStatus ("mandate status") {
        /// Sent to MPS, not yet confirmed.
        Sent = "sent",
        /// Confirmed or listed by MPS.
        Active = "active",
        /// Deleted, by the payee or by MPS (kept, so that it can still be shown).
        Deleted = "deleted",
    }
}

/// A file's direction as the book stores it.
pub(crate) const fn direction_name(direction: Direction) -> &'static str {
    match direction {
        Direction::ToMps => "to-mps",
        Direction::FromMps => "from-mps",
    }
}

/// A stored direction.
pub(crate) fn direction(name: &str) -> Result<Direction, BookError> {
    match name {
        "to-mps" => Ok(Direction::ToMps),
        "from-mps" => Ok(Direction::FromMps),
        _ => Err(BookError::Corrupt(format!("unknown direction {name:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_and_others_are_corrupt() {
        for s in ClaimStatus::ALL {
            assert_eq!(ClaimStatus::parse(s.as_str()).unwrap(), *s);
        }
        for s in FileState::ALL {
            assert_eq!(FileState::parse(s.as_str()).unwrap(), *s);
        }
        for s in MandateStatus::ALL {
            assert_eq!(MandateStatus::parse(s.as_str()).unwrap(), *s);
        }
        for d in [Direction::ToMps, Direction::FromMps] {
            assert_eq!(direction(direction_name(d)).unwrap(), d);
        }
        assert!(matches!(
            ClaimStatus::parse("outstanding"),
            Err(BookError::Corrupt(_))
        ));
    }
}

named! {
    /// Where an AvtaleGiro claim sent to MPS stands. MPS answers only what it settles (as an
    /// OCR giro payment of type 15); a claim still sent after its due date and three business
    /// days was not settled.
    pub enum GiroClaimStatus ("AvtaleGiro claim status") {
        /// Sent, not settled (yet).
        Sent = "sent",
        /// Settled: an OCR giro payment of type 15 of its account, KID and amount, on or
        /// after its due date.
        Settled = "settled",
        /// Cancelled by a cancellation request sent (decision A5).
        Cancelled = "cancelled",
    }
}

named! {
    /// An AvtaleGiro mandate as MPS listed it.
    pub enum GiroMandateStatus ("AvtaleGiro mandate status") {
        /// Listed, new or changed: the payer pays the agreement's claims by AvtaleGiro.
        Active = "active",
        /// Deleted, or left out of a full listing (decision A9).
        Deleted = "deleted",
    }
}
