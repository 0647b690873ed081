//! The arguments of the subcommands and the values options take: clap's definitions, which
//! `lib.rs`'s `Command` is made of.

use std::path::PathBuf;

use autogiro::checksum::Modulus;
use autogiro::model::{Edition, KidCheck, ReadOptions};
use clap::{Args, Subcommand, ValueEnum};
use time::Date;

use crate::{book, parse_date, today};

/// `autogiro transfer ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum TransferCommand {
    /// Connect, authenticate, list the outbox and the inbox, print the server's key
    /// fingerprint: the connectivity test MPS runs with each customer.
    Test {
        #[command(flatten)]
        host: HostArgs,
    },
    /// Record as sent files that a `send` stopped in while renaming them on the server, once
    /// MPS's receipt shows they arrived (`send` says when this is needed). Connects to
    /// nothing.
    Confirm {
        /// The files MPS's receipt shows.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Say what would be recorded; record nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
}

/// How an unknown host key is taken.
#[derive(Debug, Args)]
pub(crate) struct HostArgs {
    /// Record the server's key in `known_hosts` when it has none for the server (like OpenSSH's
    /// accept-new). Compare the fingerprint printed with the one MPS gave first. A changed key
    /// is refused always.
    #[arg(long)]
    pub(crate) accept_new_host_key: bool,
}

/// `autogiro simulate FILE ...`, or `autogiro simulate block|unblock ...`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub(crate) struct SimulateArgs {
    #[command(subcommand)]
    pub(crate) action: Option<SimulateCommand>,
    /// A file to MPS. Without one, the answers kept for later days (`--until`) that are due by
    /// `--date` are sent.
    pub(crate) file: Option<PathBuf>,
    /// The simulator's state (register, charges, numbers, answers) as JSON; created when
    /// missing. Runs on one state take turns (a lock beside it).
    #[arg(long, required = true)]
    pub(crate) state: Option<PathBuf>,
    /// The date MPS reads the file (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, required = true)]
    pub(crate) date: Option<Date>,
    /// Answer only the claims processed by this day (YYYY-MM-DD); the rest are kept in the
    /// state, and a later run with no FILE and that day's --date sends them, as MPS would. By
    /// default the whole answer is given at once.
    #[arg(long, value_parser = parse_date)]
    pub(crate) until: Option<Date>,
    #[command(flatten)]
    pub(crate) out: OutArgs,
}

#[derive(Debug, Subcommand)]
pub(crate) enum SimulateCommand {
    /// The payer's bank blocks a mandate: MPS rejects its claims with 133 on those days.
    Block {
        /// The simulator's state.
        #[arg(long)]
        state: PathBuf,
        /// The agreement id.
        #[arg(long)]
        agreement: u32,
        /// The mandate's payer reference.
        #[arg(long)]
        reference: String,
        /// The first day blocked (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        from: Date,
        /// The last day blocked; default: until unblocked.
        #[arg(long, value_parser = parse_date)]
        to: Option<Date>,
    },
    /// A payer signs up for AvtaleGiro in the net bank with a KID: MPS lists the mandate to
    /// the payee in its next answer, and settles the agreement's claims of that KID (as OCR
    /// giro payments of type 15) from then on. The payee and agreement are the settings'
    /// (`--config`).
    SignUp {
        /// The simulator's state.
        #[arg(long)]
        state: PathBuf,
        /// The KID the payer signs up with.
        #[arg(long)]
        kid: String,
        /// The AvtaleGiro agreement id; default: the settings' only AvtaleGiro agreement.
        #[arg(long)]
        agreement: Option<u32>,
        /// The payer wants a written notice of each claim.
        #[arg(long)]
        written_notice: bool,
    },
    /// Lifts a block.
    Unblock {
        /// The simulator's state.
        #[arg(long)]
        state: PathBuf,
        /// The agreement id.
        #[arg(long)]
        agreement: u32,
        /// The mandate's payer reference.
        #[arg(long)]
        reference: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum NewCommand {
    /// Claims (betalingskrav) from billing rows: columns `payer_reference`, `amount`,
    /// `due_date`, `short_name`, and optionally `kid`, `own_reference`, `foreign_reference`,
    /// `specification`, `replaces`, `agreement` (docs/columns.md: each column's form and rules).
    /// With `--service avtalegiro`, AvtaleGiro claims: `amount`, `due_date`, `kid`,
    /// `short_name`, and optionally `foreign_reference`, `specification`, `agreement`.
    Claims {
        /// The service of the claims: Autogiro's, or AvtaleGiro's (for the settings'
        /// agreements with `service = "avtalegiro"`).
        #[arg(long, value_enum, default_value_t = ServiceArg::Autogiro)]
        service: ServiceArg,
        #[command(flatten)]
        args: NewArgs,
    },
    /// AvtaleGiro cancellation requests (sletteanmodninger) of claims sent: columns `amount`,
    /// `due_date`, `kid` as the claim had them, and optionally `short_name`,
    /// `foreign_reference`, `agreement`.
    Cancellations(NewArgs),
    /// Mandates (fullmakter) from rows: columns `registration`, `account`; to register or
    /// change, `name`, `postal_code`, `postal_town`, `organisation_number`, `signatory`,
    /// `signatory_birth_date`; optionally `payer_reference`, `period`, `limit`, `valid_from`,
    /// `valid_to`, `address1`, `address2`, `country_code`, `agreement` (docs/columns.md).
    Mandates(NewArgs),
}

/// The service of `new claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ServiceArg {
    /// Autogiro.
    Autogiro,
    /// AvtaleGiro.
    Avtalegiro,
}

#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The table: .csv (`,` or `;`, UTF-8 or Windows-1252), .json (an array of objects) or
    /// .xlsx (the first sheet); `-` for CSV on standard input.
    pub(crate) input: PathBuf,
    /// The transmission number (record 10): the payee's own numbering. Default: the next one
    /// from the book, which records the file as prepared.
    #[arg(long, requires = "assignment")]
    pub(crate) transmission: Option<u32>,
    /// The assignment number of the first assignment (record 20); further agreements take the
    /// next numbers. Default: the next ones from the book.
    #[arg(long, requires = "transmission")]
    pub(crate) assignment: Option<u32>,
    /// The date the file will be read (YYYY-MM-DD), for the 12-month window of due dates;
    /// default: today.
    #[arg(long, value_parser = parse_date)]
    pub(crate) today: Option<Date>,
    /// How to print the problems: one line each, or JSON lines (file, row, column, code,
    /// message).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub(crate) format: OutputFormat,
    #[command(flatten)]
    pub(crate) out: OutArgs,
}

#[derive(Debug, Subcommand)]
pub(crate) enum BookCommand {
    /// Make the book (or bring an existing one to this version).
    Init,
    /// Import files sent (or to be sent) to MPS, and files from MPS: answers are matched to
    /// the claims sent. The same file twice changes nothing; a file with errors, or of another
    /// customer unit than the settings', is refused.
    ///
    /// Exit 0 when everything was imported and matched; 3 when answers matched no claim (they
    /// are kept in the book and tried again at every import: `book status --unmatched`); 1
    /// when a file was refused (the others are imported all the same).
    Import {
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The day MPS reads the files sent (YYYY-MM-DD); default: today.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
    /// Before sending: which claims of the file MPS would reject, and why. Exit 1 when any
    /// would be.
    Check {
        /// A file to MPS.
        file: PathBuf,
        /// The day MPS will read it (YYYY-MM-DD); default: today.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
    /// Claims by status, with counts and sums; `--outstanding`, `--rejected`, `--settled` or
    /// `--all` lists them.
    Status {
        /// List the claims with no answer by their processing date + 3 business days.
        #[arg(long, group = "show")]
        outstanding: bool,
        /// List the claims MPS rejected, with the reason.
        #[arg(long, group = "show")]
        rejected: bool,
        /// List the claims MPS settled.
        #[arg(long, group = "show")]
        settled: bool,
        /// List the claims closed by hand, with who, when and why.
        #[arg(long, group = "show")]
        handled: bool,
        /// List every claim.
        #[arg(long, group = "show")]
        all: bool,
        /// List the answers from MPS that match no claim, kept in the book (each with the id
        /// `book resolve` takes).
        #[arg(long, group = "show")]
        unmatched: bool,
        /// List the OCR giro payments received (a KID each, and the AvtaleGiro claim a
        /// settlement settles): which invoices were paid by giro.
        #[arg(long, group = "show")]
        payments: bool,
        /// Only claims processed (or due) on or after this day: the counts, the outstanding and
        /// the claims listed.
        #[arg(long, value_parser = parse_date)]
        since: Option<Date>,
        /// The day to count outstanding claims on (YYYY-MM-DD); default: today.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// How to print.
        #[arg(long, value_enum, default_value_t = book::BookFormat::Table)]
        format: book::BookFormat,
    },
    /// By hand: `ANSWER --claim CLAIM` attributes an answer that matched no claim (`book status
    /// --unmatched`) to a claim of the same agreement and amount with no final answer yet;
    /// `CLAIM --handled WHY` closes a rejected or outstanding claim settled another way (kept,
    /// with the day, `$USER` and why, and counted as handled).
    Resolve {
        /// The answer's id (with `--claim`), or the claim's (with `--handled`).
        id: i64,
        /// The claim the answer is for (`book status --all` lists the claims with their ids).
        #[arg(long, conflicts_with = "handled", required_unless_present = "handled")]
        claim: Option<i64>,
        /// Why the claim is closed by hand.
        #[arg(long, value_name = "WHY")]
        handled: Option<String>,
        /// The day it is closed (YYYY-MM-DD); default: today.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
    /// The mandates the book knows, deleted ones too, each with its state on the day: sent
    /// (not yet confirmed), pending (before its first chargeable day), active, blocked,
    /// expired, deleted.
    Mandates {
        /// The day (YYYY-MM-DD); default: today.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// How to print.
        #[arg(long, value_enum, default_value_t = book::BookFormat::Table)]
        format: book::BookFormat,
    },
    /// A month of the book as one HTML page to look at or print (A4): claims per month by
    /// status, the month's rejections by code with what each means and what to do, amount
    /// limits close to their end, mandates registered and deleted, claims outstanding past
    /// their answer date, answers nobody could match. Self-contained: no script, nothing
    /// loaded from elsewhere.
    Report {
        /// The month (YYYY-MM); default: the month of today.
        #[arg(long, value_parser = parse_month)]
        month: Option<autogiro::book::ReportMonth>,
        /// The day the report is made (YYYY-MM-DD): what is outstanding is as of it; default:
        /// today.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Copies a whole book into a new one, SQLite and PostgreSQL either way; both then export
    /// the same document.
    Copy {
        /// The book to copy: an SQLite file or a `postgres://` URL.
        #[arg(long, value_name = "PATH|URL")]
        from: String,
        /// The book to make: a new SQLite file or an empty PostgreSQL database.
        #[arg(long, value_name = "PATH|URL")]
        to: String,
    },
    /// Everything in the book as JSON, for backup and for moving to another store.
    Export {
        /// The form (JSON).
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// JSON.
    Json,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ConfigCommand {
    /// Check the settings and print what they say.
    Check,
}

/// How to read a file.
#[derive(Debug, Args)]
pub(crate) struct ReadArgs {
    /// The date the file is read (YYYY-MM-DD), for the 12-month window of due dates and for
    /// two-digit years; default: today.
    #[arg(long, value_parser = parse_date)]
    pub(crate) today: Option<Date>,
    /// The edition of the specification.
    #[arg(long, value_enum, default_value_t = EditionArg::V3_9)]
    pub(crate) edition: EditionArg,
    /// Which KID check digits are valid.
    #[arg(long, value_enum, default_value_t = KidArg::Any)]
    pub(crate) kid: KidArg,
}

impl ReadArgs {
    pub(crate) fn options(&self) -> ReadOptions {
        let today = self.today.unwrap_or_else(today);
        let edition = match self.edition {
            EditionArg::V3_9 => Edition::V3_9,
            EditionArg::Before3_9 => Edition::Before3_9,
        };
        let kid = match self.kid {
            KidArg::Any => KidCheck::Any,
            KidArg::Mod10 => KidCheck::Only(Modulus::Mod10),
            KidArg::Mod11 => KidCheck::Only(Modulus::Mod11),
            KidArg::Off => KidCheck::Off,
        };
        ReadOptions::new().edition(edition).kid(kid).today(today)
    }
}

/// Where to write.
#[derive(Debug, Args)]
pub(crate) struct OutArgs {
    /// Write to this file instead of standard output (through a temporary file, renamed into
    /// place).
    #[arg(short, long)]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite the output file when it exists.
    #[arg(long, requires = "output")]
    pub(crate) force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Rustc-style, with the record and the columns underlined.
    Human,
    /// One JSON object per line per diagnostic.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Target {
    /// The model as JSON.
    Json,
    /// One row per claim (or per mandate, for a file of mandates), in the columns
    /// `autogiro new` reads.
    Csv,
    /// The fixed-width file (CRLF).
    Ocr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorArg {
    /// On a terminal, unless the environment sets `NO_COLOR`.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorArg {
    /// Whether to color what goes to standard output.
    pub(crate) fn colors(self) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::IsTerminal::is_terminal(&std::io::stdout())
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Dialect {
    /// Comma-separated, decimal point, UTF-8, LF.
    Plain,
    /// Norwegian Excel: semicolons, decimal comma, UTF-8 with BOM, CRLF.
    Excel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum EditionArg {
    /// Spec 3.9 (April 2024).
    #[value(name = "3.9")]
    V3_9,
    /// The editions before 3.9.
    #[value(name = "before-3.9")]
    Before3_9,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum KidArg {
    /// Modulus 10 or 11.
    Any,
    /// Modulus 10 only.
    Mod10,
    /// Modulus 11 only.
    Mod11,
    /// Digits only, the check digit not checked.
    Off,
}

/// A month as `--month` takes it (`2026-03`).
fn parse_month(s: &str) -> Result<autogiro::book::ReportMonth, String> {
    s.parse()
        .map_err(|e: autogiro::book::NotAMonth| e.to_string())
}

/// A language as `--lang` takes it.
pub(crate) fn parse_lang(s: &str) -> Result<autogiro::model::Lang, String> {
    autogiro::model::Lang::from_tag(s)
        .ok_or_else(|| format!("{s:?}: expected nb (bokmål; no and nn too) or en"))
}
