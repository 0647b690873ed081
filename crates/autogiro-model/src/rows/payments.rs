//! OCR giro payments as rows: the columns `convert --to csv` writes for them, one row a
//! payment.

use crate::OcrPayment;

use super::Context;

/// The columns of OCR giro payments, in the order `convert --to csv` writes them.
pub const PAYMENT_COLUMNS: &[&str] = &[
    "kind",
    "agreement",
    "assignment_number",
    "transaction_number",
    "transaction_type",
    "nets_date",
    "amount",
    "credit",
    "kid",
    "form_number",
    "reference",
    "bank_date",
    "debit_account",
    "free_text",
];

/// The cells of one OCR giro payment, in the order of [`PAYMENT_COLUMNS`]: the transaction
/// type as its code (`15` a settled AvtaleGiro claim), `credit` `yes` for a credit (sign `-`),
/// dates as `YYYY-MM-DD`, an amount in kroner with two decimals.
pub fn payment_cells(context: Context, payment: &OcrPayment) -> Vec<String> {
    vec![
        context.kind.tag().to_owned(),
        format!("{:09}", context.agreement),
        context.assignment_number.to_string(),
        payment.transaction_number.to_string(),
        payment.transaction_type.code().to_owned(),
        payment.nets_date.to_string(),
        payment.amount.to_string(),
        if payment.credit { "yes" } else { "" }.to_owned(),
        payment
            .kid
            .as_ref()
            .map(|k| k.as_str().to_owned())
            .unwrap_or_default(),
        format!("{:010}", payment.form_number),
        format!("{:09}", payment.reference),
        payment.bank_date.map(|d| d.to_string()).unwrap_or_default(),
        payment.debit_account.to_string(),
        payment.free_text.map(|t| t.to_string()).unwrap_or_default(),
    ]
}
