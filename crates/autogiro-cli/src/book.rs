//! `autogiro book`: the payee's book of what was sent, what MPS answered and what is
//! outstanding.

use std::path::{Path, PathBuf};

use crate::told::{Tell as _, told};
use autogiro::book::{Book, BookClaim, BookMandate, ClaimStatus, Show, Status as BookStatus};
use autogiro::model::{Lang, ReadOptions, Said, Transmission};
use time::Date;

use crate::{Status, input};

/// Where the book is: `--book`, else `[book]` of the settings; a path or a `postgres://` URL.
pub(crate) fn path(book: Option<&str>, config: Option<&Path>) -> anyhow::Result<String> {
    if let Some(p) = book {
        return Ok(p.to_owned());
    }
    let settings = match autogiro::settings::Settings::load(config) {
        Ok(s) => s,
        Err(autogiro::settings::SettingsError::NotFound) => {
            return Err(told(Said::new("cli.no-book")));
        }
        Err(e) => return Err(e.into()),
    };
    settings
        .book
        .and_then(|b| b.location())
        .tell(|| Said::new("cli.no-book-path"))
}

/// The book, when one is configured (for `new`): `--book`, or `[book]` of the settings.
pub(crate) fn configured(
    book: Option<&str>,
    settings: &autogiro::settings::Settings,
) -> anyhow::Result<Option<Book>> {
    let location = book.map(str::to_owned).or_else(|| {
        settings
            .book
            .as_ref()
            .and_then(autogiro::settings::BookSettings::location)
    });
    let mut book = location.map(|l| open(&l)).transpose()?;
    if let Some(b) = book.as_mut() {
        b.expect_customer_unit(settings.payee.customer_unit);
    }
    Ok(book)
}

/// The customer unit of the settings, when there are settings: `book import` then refuses
/// another unit's files.
pub(crate) fn customer_unit(config: Option<&Path>) -> anyhow::Result<Option<u32>> {
    match autogiro::settings::Settings::load(config) {
        Ok(s) => Ok(Some(s.payee.customer_unit)),
        Err(autogiro::settings::SettingsError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

pub(crate) fn init(location: &str, lang: Lang) -> anyhow::Result<Status> {
    let existed = !location.starts_with("postgres") && Path::new(location).exists();
    Book::init_at(location)
        .tell(|| Said::new("cli.cannot-make-book").with("book", shown(location)))?;
    let said = Said::new(if existed {
        "book.up-to-date"
    } else {
        "book.ready"
    });
    say!("{}: {}", shown(location), said.render(lang));
    Ok(Status::Ok)
}

fn shown(location: &str) -> String {
    autogiro::book::shown_location(location)
}

fn open(location: &str) -> anyhow::Result<Book> {
    Book::open_at(location).tell(|| Said::new("cli.cannot-open-book").with("book", shown(location)))
}

pub(crate) fn copy(from: &str, to: &str, lang: Lang) -> anyhow::Result<Status> {
    let mut source = open(from)?;
    let mut target =
        Book::init_at(to).tell(|| Said::new("cli.cannot-make-book").with("book", shown(to)))?;
    let (files, claims) = source.copy_to(&mut target)?;
    let said = Said::new("book.copied")
        .with("files", files)
        .with("claims", claims);
    say!("{} -> {}: {}", shown(from), shown(to), said.render(lang));
    Ok(Status::Ok)
}

/// `book import`: exit 0 when every file was imported and every answer matched, 3 when
/// answers were left unmatched (kept in the book), 1 when a file was refused.
pub(crate) fn import(
    path: &str,
    files: &[PathBuf],
    today: Date,
    customer_unit: Option<u32>,
    lang: Lang,
) -> anyhow::Result<Status> {
    let mut book = open(path)?;
    if let Some(unit) = customer_unit {
        book.expect_customer_unit(unit);
    }
    let mut status = Status::Ok;
    for file in files {
        let name = input::name(file);
        let shown = file
            .file_name()
            .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
        let options = ReadOptions::new().today(today);
        // The book reads a file twice (its rules, then its records): standard input is kept
        // in memory for that, a file is read where it lies.
        let imported = if input::is_stdin(file) {
            let bytes = std::io::Cursor::new(input::bytes(file)?);
            book.import(&shown, bytes, today, &options)
        } else {
            book.import(&shown, input::open_file(file)?, today, &options)
        };
        let imported = match imported {
            Ok(i) => i,
            Err(e @ autogiro::book::BookError::Storage(_)) => {
                // One transaction per file: a failure of the storage (a server gone, a full
                // disk) left nothing of it.
                let said = Said::new("book.not-imported-storage").with("error", e);
                eprintln!("{name}: {}", said.render(lang));
                status = Status::Problems;
                continue;
            }
            Err(e) => {
                let said = Said::new("book.not-imported").with("error", e);
                eprintln!("{name}: {}", said.render(lang));
                status = Status::Problems;
                continue;
            }
        };
        if imported.already {
            say!("{name}: {}", Said::new("book.already").render(lang));
            continue;
        }
        print_imported(&name, &imported, lang)?;
        if !imported.unmatched.is_empty() && status == Status::Ok {
            status = Status::Unmatched;
        }
    }
    Ok(status)
}

/// What an import did, a line each: to standard output, unmatched answers and notes to
/// standard error.
pub(crate) fn print_imported(
    name: &str,
    imported: &autogiro::book::Imported,
    lang: Lang,
) -> anyhow::Result<()> {
    let say = |said: Said| said.render(lang);
    let giro = imported.giro_claims
        + imported.cancelled
        + imported.payments
        + imported.settled
        + imported.giro_mandates;
    let autogiro = imported.claims + imported.answered + imported.rematched + imported.mandates;
    match imported.direction {
        // A file of AvtaleGiro or OCR giro alone says only what it did of them.
        _ if giro > 0 && autogiro == 0 => {}
        autogiro::format::Direction::ToMps => say!(
            "{name}: {}",
            say(Said::new("book.imported-sent")
                .with("claims", imported.claims)
                .with("mandates", imported.mandates))
        ),
        autogiro::format::Direction::FromMps => say!(
            "{name}: {}",
            say(Said::new("book.imported-answer")
                .with("answered", imported.answered)
                .with("mandates", imported.mandates))
        ),
    }
    let counted = |key: &'static str, n: usize| say(Said::new(key).with("n", n));
    if imported.replaced > 0 {
        say!("{name}: {}", counted("book.replaced", imported.replaced));
    }
    if imported.rematched > 0 {
        say!("{name}: {}", counted("book.rematched", imported.rematched));
    }
    for u in &imported.unmatched {
        eprintln!("{name}: {}", say(unmatched_sentence(u)));
    }
    let more = imported
        .unmatched_total
        .saturating_sub(imported.unmatched.len());
    if more > 0 {
        eprintln!("{name}: {}", counted("book.unmatched-more", more));
    }
    if imported.giro_claims > 0 || imported.cancelled > 0 {
        say!(
            "{name}: {}",
            say(Said::new("book.giro-claims")
                .with("claims", imported.giro_claims)
                .with("cancelled", imported.cancelled))
        );
    }
    if imported.payments > 0 || imported.settled > 0 {
        say!(
            "{name}: {}",
            say(Said::new("book.giro-payments")
                .with("payments", imported.payments)
                .with("settled", imported.settled))
        );
    }
    if imported.giro_mandates > 0 {
        say!(
            "{name}: {}",
            counted("book.giro-mandates", imported.giro_mandates)
        );
    }
    if imported.unsettling > 0 {
        eprintln!(
            "{name}: {}",
            counted("book.unsettling", imported.unsettling)
        );
    }
    for change in &imported.listing {
        say!("{name}: {}", say(listing_change(change)));
    }
    let more = imported
        .listing_total
        .saturating_sub(imported.listing.len());
    if more > 0 {
        say!("{name}: {}", counted("book.listing-more", more));
    }
    for note in &imported.notes {
        eprintln!("{name}: {}", note.render(lang));
    }
    Ok(())
}

/// An answer kept unmatched, in a sentence that says what to do.
fn unmatched_sentence(u: &autogiro::book::Unmatched) -> Said {
    let what = if u.candidates == 0 {
        Said::new("book.unmatched-none")
    } else {
        Said::new("book.unmatched-many").with("n", u.candidates)
    };
    let kid = u
        .kid
        .as_deref()
        .map_or_else(|| Said::new("book.kid-none"), Said::plain);
    let code = u.code.map_or_else(
        || Said::plain(""),
        |c| Said::new("book.code").with("code", format!("{c:03}")),
    );
    Said::new("book.unmatched")
        .with("id", u.id)
        .with("payer", &u.payer)
        .with("agreement", format!("{:09}", u.agreement_id))
        .with("amount", u.amount)
        .with_words("kid", kid)
        .with("date", u.processing_date)
        .with_words("code", code)
        .with_words("what", what)
}

fn listing_change(change: &autogiro::book::ListingChange) -> Said {
    use autogiro::book::ListingChange as C;
    let (key, agreement_id, reference) = match change {
        C::Added {
            agreement_id,
            reference,
        } => ("book.listing-added", agreement_id, reference),
        C::Removed {
            agreement_id,
            reference,
        } => ("book.listing-removed", agreement_id, reference),
        C::Changed {
            agreement_id,
            reference,
        } => ("book.listing-changed", agreement_id, reference),
    };
    Said::new(key)
        .with("reference", reference)
        .with("agreement", format!("{agreement_id:09}"))
}

pub(crate) fn check(path: &str, file: &Path, date: Date, lang: Lang) -> anyhow::Result<Status> {
    let mut book = open(path)?;
    let name = input::name(file);
    let bytes = input::bytes(file)?;
    let read = Transmission::read_slice(&bytes, &ReadOptions::new().today(date));
    if read.has_errors() {
        for d in read.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{name}: {}", d.to_string_in(lang));
        }
        eprintln!("{name}: {}", Said::new("book.not-checked").render(lang));
        return Ok(Status::Problems);
    }
    let findings = book.check(&read.transmission, date)?;
    for f in &findings {
        say!("{name}: {}", f.said().render(lang));
    }
    if findings.is_empty() {
        say!("{name}: {}", Said::new("book.check-clean").render(lang));
        Ok(Status::Ok)
    } else {
        Ok(Status::Problems)
    }
}

/// How `book status` and `book mandates` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum BookFormat {
    /// Aligned columns, for people.
    Table,
    /// JSON, for programs.
    Json,
    /// A header line, then a line per claim or mandate.
    Csv,
}

pub(crate) fn status(
    path: &str,
    show: Show,
    since: Option<Date>,
    today: Date,
    format: BookFormat,
    lang: Lang,
) -> anyhow::Result<Status> {
    let mut book = open(path)?;
    if show == Show::Unmatched {
        return unmatched(&mut book, format, lang);
    }
    if show == Show::Payments {
        return payments(&mut book, format, lang);
    }
    let status = book.status(today, show, since)?;
    match format {
        BookFormat::Json => say!("{}", serde_json::to_string_pretty(&status)?),
        BookFormat::Csv => say_raw!(
            "{}",
            csv_text(CLAIM_HEADER, status.claims.iter().map(claim_cells))?
        ),
        BookFormat::Table => say_raw!("{}", status_table(&status, show, lang)),
    }
    Ok(Status::Ok)
}

const CLAIM_HEADER: [&str; 17] = [
    "id",
    "status",
    "agreement",
    "assignment",
    "transaction",
    "payer",
    "kid",
    "amount",
    "due_date",
    "processing_date",
    "error_code",
    "reason",
    "own_reference",
    "matched_by",
    "handled_on",
    "handled_by",
    "handled_why",
];

fn claim_cells(c: &BookClaim) -> [String; 17] {
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let handled = c.handled.as_ref();
    [
        c.id.to_string(),
        if c.outstanding {
            "outstanding".to_owned()
        } else {
            c.status.as_str().to_owned()
        },
        format!("{:09}", c.agreement_id),
        c.assignment_number.to_string(),
        c.transaction_number.to_string(),
        c.payer.clone(),
        c.kid.clone().unwrap_or_default(),
        c.amount.to_string(),
        c.due_date.to_string(),
        date(c.processing_date),
        c.error_code.map(|e| format!("{e:03}")).unwrap_or_default(),
        c.reason.clone().unwrap_or_default(),
        c.own_reference.clone(),
        c.matched_by
            .map(|m| m.as_str().to_owned())
            .unwrap_or_default(),
        date(handled.map(|h| h.on)),
        handled.map(|h| h.by.clone()).unwrap_or_default(),
        handled.map(|h| h.why.clone()).unwrap_or_default(),
    ]
}

const UNMATCHED_HEADER: [&str; 10] = [
    "answer",
    "file",
    "agreement",
    "payer",
    "kid",
    "amount",
    "processing_date",
    "error_code",
    "own_reference",
    "candidates",
];

fn unmatched_cells(u: &autogiro::book::Unmatched) -> [String; 10] {
    [
        u.id.to_string(),
        u.file.clone(),
        format!("{:09}", u.agreement_id),
        u.payer.clone(),
        u.kid.clone().unwrap_or_default(),
        u.amount.to_string(),
        u.processing_date.to_string(),
        u.code.map(|e| format!("{e:03}")).unwrap_or_default(),
        u.own_reference.clone(),
        u.candidates.to_string(),
    ]
}

const PAYMENT_HEADER: [&str; 10] = [
    "payment",
    "file",
    "agreement",
    "account",
    "type",
    "nets_date",
    "amount",
    "credit",
    "kid",
    "settles",
];

fn payment_cells(p: &autogiro::book::Payment) -> [String; 10] {
    [
        p.id.to_string(),
        p.file.clone(),
        format!("{:09}", p.agreement_id),
        p.account.clone(),
        p.transaction_type.code().to_owned(),
        p.nets_date.to_string(),
        p.amount.to_string(),
        if p.credit { "yes" } else { "" }.to_owned(),
        p.kid.clone().unwrap_or_default(),
        p.settles.map(|c| c.to_string()).unwrap_or_default(),
    ]
}

/// `book status --payments`: the OCR giro payments received.
fn payments(book: &mut Book, format: BookFormat, lang: Lang) -> anyhow::Result<Status> {
    let received = book.payments(None)?;
    match format {
        BookFormat::Json => say!("{}", serde_json::to_string_pretty(&received)?),
        BookFormat::Csv => say_raw!(
            "{}",
            csv_text(PAYMENT_HEADER, received.iter().map(payment_cells))?
        ),
        BookFormat::Table if received.is_empty() => {
            say!("{}", Said::new("book.no-payments").render(lang));
        }
        BookFormat::Table => say_raw!(
            "{}",
            table_text(PAYMENT_HEADER, received.iter().map(payment_cells))
        ),
    }
    Ok(Status::Ok)
}

/// `book status --unmatched`: the answers kept unmatched.
fn unmatched(book: &mut Book, format: BookFormat, lang: Lang) -> anyhow::Result<Status> {
    let kept = book.unmatched()?;
    match format {
        BookFormat::Json => say!("{}", serde_json::to_string_pretty(&kept)?),
        BookFormat::Csv => say_raw!(
            "{}",
            csv_text(UNMATCHED_HEADER, kept.iter().map(unmatched_cells))?
        ),
        BookFormat::Table if kept.is_empty() => {
            say!("{}", Said::new("book.no-unmatched").render(lang));
        }
        BookFormat::Table => say_raw!(
            "{}",
            table_text(UNMATCHED_HEADER, kept.iter().map(unmatched_cells))
        ),
    }
    Ok(Status::Ok)
}

/// `book resolve ANSWER --claim CLAIM`: an answer kept unmatched attributed by hand.
pub(crate) fn resolve(path: &str, answer: i64, claim: i64, lang: Lang) -> anyhow::Result<Status> {
    let mut book = open(path)?;
    let c = book.resolve(answer, claim)?;
    let said = Said::new("book.resolved")
        .with("answer", answer)
        .with("claim", claim)
        .with("payer", &c.payer)
        .with("amount", c.amount)
        .with("due", c.due_date)
        .with_words("status", Said::new(state_key(c.status)));
    say!("{}", said.render(lang));
    Ok(Status::Ok)
}

/// The catalogue's word of a claim's status.
fn state_key(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Sent => "book.state.sent",
        ClaimStatus::Retry => "book.state.retry",
        ClaimStatus::Settled => "book.state.settled",
        ClaimStatus::Rejected => "book.state.rejected",
        ClaimStatus::Handled => "book.state.handled",
    }
}

/// `book resolve CLAIM --handled WHY`: a rejected or outstanding claim closed by hand, as the
/// person running the command (`$USER`) on `today`.
pub(crate) fn handle(
    path: &str,
    claim: i64,
    why: &str,
    today: Date,
    lang: Lang,
) -> anyhow::Result<Status> {
    let mut book = open(path)?;
    let by = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "unknown".to_owned());
    let c = book.handle(claim, today, &by, why)?;
    let said = Said::new("book.handled")
        .with("claim", claim)
        .with("payer", &c.payer)
        .with("amount", c.amount)
        .with("due", c.due_date)
        .with("by", &by)
        .with("why", why);
    say!("{}", said.render(lang));
    Ok(Status::Ok)
}

/// A header line, then a line per row, as CSV, each cell safe to open in a spreadsheet.
fn csv_text<const N: usize>(
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(
            row.iter()
                .map(|c| autogiro::rows::spreadsheet_safe(c).into_owned()),
        )?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// A header, then a row each, as columns padded to their widest cell.
fn table_text<const N: usize>(
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> String {
    let mut all = vec![header.map(str::to_owned).to_vec()];
    all.extend(rows.map(|r| r.to_vec()));
    table(&all)
}

/// Rows as columns padded to their widest cell.
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn status_table(status: &BookStatus, show: Show, lang: Lang) -> String {
    let word = |key: &'static str| Said::new(key).render(lang);
    let state = |s: &ClaimStatus| word(state_key(*s));
    let mut rows = vec![vec![
        word("book.col.status"),
        word("book.col.claims"),
        word("book.col.nok"),
    ]];
    // The claims waiting (sent, retry) first, then the outstanding among them: a part of
    // those rows, not more claims; then the answered ones.
    let rank = |s: &ClaimStatus| match s {
        ClaimStatus::Sent => 0,
        ClaimStatus::Retry => 1,
        _ => 2,
    };
    let mut counts: Vec<_> = status.counts.iter().collect();
    counts.sort_by_key(|(s, _, _)| rank(s));
    for (s, n, sum) in counts.iter().filter(|(s, _, _)| rank(s) < 2) {
        rows.push(vec![state(s), n.to_string(), sum.to_string()]);
    }
    rows.push(vec![
        format!("  {}", word("book.row.outstanding")),
        status.outstanding.0.to_string(),
        status.outstanding.1.to_string(),
    ]);
    for (s, n, sum) in counts.iter().filter(|(s, _, _)| rank(s) == 2) {
        rows.push(vec![state(s), n.to_string(), sum.to_string()]);
    }
    rows.push(vec![
        word("book.row.unmatched"),
        status.unmatched.0.to_string(),
        status.unmatched.1.to_string(),
    ]);
    let giro = &status.giro;
    if !giro.is_empty() {
        for (s, n, sum) in &giro.claims {
            let s = word(match s {
                autogiro::book::GiroClaimStatus::Sent => "book.state.sent",
                autogiro::book::GiroClaimStatus::Settled => "book.state.settled",
                autogiro::book::GiroClaimStatus::Cancelled => "book.giro-state.cancelled",
            });
            rows.push(vec![
                format!("AvtaleGiro {s}"),
                n.to_string(),
                sum.to_string(),
            ]);
        }
        rows.push(vec![
            word("book.row.giro-not-settled"),
            giro.not_settled.0.to_string(),
            giro.not_settled.1.to_string(),
        ]);
        rows.push(vec![
            word("book.row.payments"),
            giro.payments.0.to_string(),
            giro.payments.1.to_string(),
        ]);
        rows.push(vec![
            word("book.row.unsettling"),
            giro.unsettling.0.to_string(),
            giro.unsettling.1.to_string(),
        ]);
        rows.push(vec![
            word("book.row.giro-mandates"),
            giro.mandates.to_string(),
            String::new(),
        ]);
    }
    let mut out = table(&rows);
    if show != Show::Counts {
        out.push('\n');
        if status.claims.is_empty() {
            out.push_str(&word("book.no-claims"));
            out.push('\n');
        } else {
            out.push_str(&table_text(
                CLAIM_HEADER,
                status.claims.iter().map(claim_cells),
            ));
        }
    }
    out
}

const MANDATE_HEADER: [&str; 13] = [
    "agreement",
    "reference",
    "state",
    "account",
    "type",
    "period",
    "limit",
    "valid_from",
    "valid_to",
    "active_from",
    "blocked_from",
    "blocked_to",
    "blocked_seen",
];

fn mandate_cells(m: &BookMandate) -> [String; 13] {
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    [
        format!("{:09}", m.agreement_id),
        m.reference.clone(),
        m.state.as_str().to_owned(),
        m.account.clone(),
        m.mandate_type.to_owned(),
        m.period.to_owned(),
        m.limit.map(|l| l.to_string()).unwrap_or_default(),
        date(m.valid_from),
        date(m.valid_to),
        m.active_from.to_string(),
        date(m.blocked_from),
        date(m.blocked_to),
        date(m.blocked_seen),
    ]
}

/// `book mandates`: every mandate the book knows, deleted ones too, in its state on `today`.
pub(crate) fn mandates(path: &str, format: BookFormat, today: Date) -> anyhow::Result<Status> {
    let mut book = open(path)?;
    let mandates = book.mandates(today)?;
    match format {
        BookFormat::Json => say!("{}", serde_json::to_string_pretty(&mandates)?),
        BookFormat::Csv => say_raw!(
            "{}",
            csv_text(MANDATE_HEADER, mandates.iter().map(mandate_cells))?
        ),
        BookFormat::Table => say_raw!(
            "{}",
            table_text(MANDATE_HEADER, mandates.iter().map(mandate_cells))
        ),
    }
    Ok(Status::Ok)
}

/// `book report`: the month's page, written where `-o` says (standard output without it).
pub(crate) fn report(
    path: &str,
    month: autogiro::book::ReportMonth,
    today: Date,
    lang: autogiro::payee::Lang,
    out: &crate::OutArgs,
) -> anyhow::Result<Status> {
    let mut book = open(path)?;
    let report = book.report(month, today)?;
    let html = autogiro::payee::report_html(&report, lang, &autogiro::book::shown_location(path));
    crate::output::write(out, html.as_bytes())?;
    if let Some(file) = &out.output {
        let said = Said::new("book.report-written").with("month", month);
        eprintln!("{}: {}", file.display(), said.render(lang));
    }
    Ok(Status::Ok)
}

pub(crate) fn export(path: &str) -> anyhow::Result<Status> {
    let mut book = open(path)?;
    say!("{}", serde_json::to_string_pretty(&book.export()?)?);
    Ok(Status::Ok)
}
