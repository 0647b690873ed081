//! The codes of the services beside Autogiro that share its envelope: OCR giro (service code
//! `09`, files from MPS only) and AvtaleGiro (service code `21`); their layouts are in
//! `docs/records.md`, their decisions O1-O6 and A1-A9 in `docs/spec-decisions.md`.

use std::fmt;

use crate::value::codes;

codes! {
    /// The service of a record (positions 3-4 of every record but the transmission's, which
    /// carry `00`).
    Service {
        /// `01`: Autogiro, direct debits of companies' accounts.
        Autogiro = "01",
        /// `09`: OCR giro, payments with a KID reported by MPS (files from MPS only).
        OcrGiro = "09",
        /// `21`: AvtaleGiro, direct debits of consumers' accounts.
        AvtaleGiro = "21",
    }
}

impl Service {
    /// The service's name in messages.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Autogiro => "Autogiro",
            Self::OcrGiro => "OCR giro",
            Self::AvtaleGiro => "AvtaleGiro",
        }
    }
}

codes! {
    /// Transaction type of an OCR giro transaction (records 30, 31 and 32 of service `09`,
    /// positions 5-6): where the payment came from.
    OcrType {
        /// `10`: giro debited to an account.
        GiroDebited = "10",
        /// `11`: standing order.
        StandingOrder = "11",
        /// `12`: direct remittance.
        DirectRemittance = "12",
        /// `13`: business terminal giro (BTG).
        BusinessTerminalGiro = "13",
        /// `14`: counter giro.
        CounterGiro = "14",
        /// `15`: AvtaleGiro, a settled AvtaleGiro claim.
        AvtaleGiro = "15",
        /// `16`: telegiro.
        Telegiro = "16",
        /// `17`: giro paid in cash.
        Cash = "17",
        /// `18`: terminal or internet payment, a reversal with a KID.
        ReversalWithKid = "18",
        /// `19`: terminal or internet payment, a purchase with a KID.
        PurchaseWithKid = "19",
        /// `20`: terminal or internet payment, a reversal with free text (item 3).
        ReversalWithText = "20",
        /// `21`: terminal or internet payment, a purchase with free text (item 3).
        PurchaseWithText = "21",
    }
}

impl OcrType {
    /// Whether a transaction of this type has an amount item 3 (free text): types 20 and 21.
    pub const fn has_free_text(self) -> bool {
        matches!(self, Self::ReversalWithText | Self::PurchaseWithText)
    }

    /// Whether this type is a payment from a terminal or the internet (18-21), whose partial
    /// settlement number is `0` and debit account zeros (decision O3).
    pub const fn is_terminal(self) -> bool {
        matches!(
            self,
            Self::ReversalWithKid
                | Self::PurchaseWithKid
                | Self::ReversalWithText
                | Self::PurchaseWithText
        )
    }
}

codes! {
    /// The sign of an OCR giro amount (record 30 of service `09`, position 32): `-` makes the
    /// transaction a credit, which counts negative in the totals (decision O2).
    OcrSign {
        /// `0`: the amount as it stands.
        Plus = "0",
        /// `-`: a credit note.
        Minus = "-",
    }
}

codes! {
    /// Transaction type of an AvtaleGiro item (records 30 and 31 of service `21`, positions
    /// 5-6).
    AvtaleGiroType {
        /// `02`: a claim of which the payer's bank sends no notice.
        WithoutNotice = "02",
        /// `21`: a claim of which the payer's bank notifies the payer (AvtaleGiro info); may
        /// carry specification records 49.
        WithNotice = "21",
        /// `93`: a request to cancel a claim.
        Cancellation = "93",
    }
}

codes! {
    /// Assignment type of an AvtaleGiro assignment (records 20 and 88 of service `21`,
    /// positions 5-6).
    AvtaleGiroAssignmentType {
        /// `00`: claims (to MPS).
        Claims = "00",
        /// `24`: mandates (from MPS).
        Mandates = "24",
        /// `36`: cancellation requests (to MPS).
        Cancellations = "36",
    }
}

codes! {
    /// Registration type of an AvtaleGiro mandate record (record 70 of service `21`, position
    /// 16).
    AvtaleGiroRegistration {
        /// `0`: part of a full listing of the agreement's mandates (decision A9).
        Listing = "0",
        /// `1`: a new or changed mandate.
        NewOrChanged = "1",
        /// `2`: a deleted mandate.
        Deleted = "2",
    }
}

codes! {
    /// Whether the payer of an AvtaleGiro mandate wants a written notice (record 70 of
    /// service `21`, position 42).
    WrittenNotice {
        /// `J`: the payer wants a written notice.
        Yes = "J",
        /// `N`: the payer does not.
        No = "N",
    }
}
