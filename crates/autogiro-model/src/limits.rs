//! The limits of the specification and the tallies of what an end record declares: used by the
//! checker, the builders, the writer and the streaming writer alike.

use time::Date;

/// The most transactions one transmission may hold.
pub(crate) const MAX_TRANSACTIONS: u64 = 9_999_999;

/// The most specification records (49) one claim may have: 21 lines of 2 columns.
pub(crate) const MAX_SPECIFICATIONS: u32 = 42;

/// The lines of a notice that specification records may fill (1-21), in 2 columns.
pub(crate) const SPECIFICATION_LINES: u16 = 21;

/// The lines of an AvtaleGiro claim's notice that specification records may fill (1-42), in
/// 2 columns: at most 84 records (AvtaleGiro's record 49).
pub(crate) const AVTALEGIRO_LINES: u16 = 42;

/// Counts, sum and date range of what an end record declares.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Tally {
    pub(crate) transactions: u64,
    pub(crate) records: u64,
    /// Wide enough that no file can overflow it; compared with the 17 digits a field holds.
    pub(crate) sum: u128,
    /// The amounts of credits, kept out of `sum`: they count negative (OCR giro's sign `-`,
    /// decision O2).
    pub(crate) credit: u128,
    pub(crate) first: Option<Date>,
    pub(crate) last: Option<Date>,
}

impl Tally {
    /// Counts one transaction of `amount` øre dated `date`.
    pub(crate) fn add(&mut self, amount: u64, date: Option<Date>) {
        self.transactions += 1;
        self.sum += u128::from(amount);
        if let Some(d) = date {
            self.first = Some(self.first.map_or(d, |f| f.min(d)));
            self.last = Some(self.last.map_or(d, |l| l.max(d)));
        }
    }
}
