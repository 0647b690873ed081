//! The `autogiro` command as a library: the command line (`command`, for completions and the
//! man page) and its `main`. The binary `autogiro` is `src/main.rs`, which calls [`main`].
//!
//! Exit codes: 0 success (a file without errors), 1 a file with errors (or not canonical, or
//! something the simulator refused, or claims MPS would reject), 2 a usage or I/O problem, 3
//! files imported into the book with answers that matched no claim.

#![forbid(unsafe_code)]

/// Writes a line to standard output, as `println!` does, but returns the error of a reader
/// that went away (`autogiro book status | head`) instead of panicking: `main` then ends quietly.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?;
    }};
}

/// [`say!`] without the end of line, as `print!`.
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?;
    }};
}

mod args;
mod book;
mod convert;
mod digits;
mod help;
mod input;
mod inspect;
mod json;
#[cfg(target_os = "linux")]
mod new;
mod output;
mod simulate;
mod table;
mod told;
mod transfer;
mod validate;

use autogiro::model::Said;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use args::{
    BookCommand, ColorArg, ConfigCommand, Dialect, ExportFormat, HostArgs, NewCommand, OutArgs,
    OutputFormat, ReadArgs, ServiceArg, SimulateArgs, SimulateCommand, Target, TransferCommand,
};
use time::Date;

/// Validate, inspect, make, keep and simulate the Norwegian Autogiro files of Mastercard Payment
/// Services (formerly Nets/BBS).
#[derive(Debug, Parser)]
#[command(
    name = "autogiro",
    version,
    about,
    long_about = None,
    after_help = "Exit codes: 0 success (a file without errors); 1 a file with errors, a file not canonical, claims MPS would reject, something the simulator refused; 2 a usage or I/O problem (a file that cannot be read); 3 answers from MPS imported into the book that matched no claim (kept: `book status --unmatched`)."
)]
struct Cli {
    /// When to color the output: `auto` (a terminal, unless `NO_COLOR` is set), `always`, `never`.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// The payee's settings (default: ./autogiro.toml).
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    /// The payee's book: an SQLite file, or a `postgres://` URL (default: `[book]` of the
    /// settings).
    #[arg(long, global = true, value_name = "PATH|URL")]
    book: Option<String>,
    /// The language of the diagnostics, the summaries and the report: `nb` (bokmål; `no` and
    /// `nn` too) or `en`; default: the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else
    /// English. Codes, JSON keys and the levels `error` and `warning` stay as they are.
    #[arg(long, global = true, value_name = "nb|en", value_parser = args::parse_lang)]
    lang: Option<autogiro::model::Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every rule of the specification, streaming; print each problem with its line,
    /// columns and field. Exit 0 when clean, 1 on any error, 2 when a file cannot be read (the
    /// others are checked all the same).
    Validate {
        /// Files to check (`-` for standard input); a directory checks every file in it, in
        /// name order.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How to print the diagnostics: rustc-style, or JSON lines (each file ends with a
        /// summary object: file, errors, warnings, valid).
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// Print only errors: no warnings, nothing for a valid file.
        #[arg(short, long)]
        quiet: bool,
        /// Print at most N diagnostics a file; the rest are counted, and the summary says how
        /// many were not shown.
        #[arg(long, value_name = "N")]
        max_errors: Option<u64>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Summarise a file: direction, parties, each assignment with its counts, sums and dates,
    /// rejections by error code, mandates by registration type.
    Inspect {
        /// The file (`-` for standard input).
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Convert between the fixed-width file (OCR), JSON (the model's form) and CSV (claims).
    Convert {
        /// The file: fixed-width, or JSON when it ends in `.json` or starts with `{`.
        file: PathBuf,
        /// The form to write.
        #[arg(long, value_enum)]
        to: Target,
        /// The CSV's dialect: plain (`,`, decimal point, UTF-8, LF), or Norwegian Excel (`;`,
        /// decimal comma, UTF-8 with BOM, CRLF, identifiers kept as text).
        #[arg(long, value_enum, default_value_t = Dialect::Plain)]
        dialect: Dialect,
        #[command(flatten)]
        out: OutArgs,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Rewrite a file canonically: every record re-encoded, CRLF line breaks (or LF), a line
    /// break after the last record, no trailing empty lines.
    Fmt {
        /// The file (`-` for standard input).
        file: PathBuf,
        /// Use LF line breaks instead of CRLF.
        #[arg(long)]
        lf: bool,
        /// Write nothing; exit 1 when the file is not canonical.
        #[arg(long, conflicts_with = "output")]
        check: bool,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Make a file for MPS from a table of billing data (CSV, JSON or .xlsx): claims
    /// (Autogiro's or AvtaleGiro's), AvtaleGiro cancellation requests, or mandates. Every problem of every row is reported before anything is written; what is
    /// written validates with every rule.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Whether an account number, a KID or an organisation number is valid, and what its check
    /// digit should be. Exit 0 when every number is valid, 1 when one is not.
    Digits {
        /// The kind of number.
        #[arg(value_enum)]
        kind: digits::Kind,
        /// The numbers (spaces or dots between groups allowed: `1234.56.78903`).
        #[arg(required = true)]
        numbers: Vec<String>,
    },
    /// Shell completions for bash, zsh, fish or PowerShell, on standard output.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// The payee's book: what was sent, what MPS answered, what is outstanding.
    Book {
        #[command(subcommand)]
        command: BookCommand,
    },
    /// The payee's settings file, autogiro.toml.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Run the MPS simulator: update the mandate register from the file's mandates, settle or
    /// reject its claims, and write the file MPS would send back.
    Simulate(SimulateArgs),
    /// The SFTP account at MPS (`[transfer]` of the settings).
    Transfer {
        #[command(subcommand)]
        command: TransferCommand,
    },
    /// Send files to MPS over SFTP: each validated (an invalid file is not sent), refused when
    /// sent before (the same content or transmission number) unless --resend, uploaded under a
    /// temporary name and renamed when complete (the rename journalled first: a file whose
    /// rename an earlier run may have done is looked for on the server, never uploaded twice),
    /// then recorded in the transfer journal and the book.
    Send {
        /// The files for MPS.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Check each file and say where it would go; connect to nothing.
        #[arg(long)]
        dry_run: bool,
        /// Send a file even if it was sent before.
        #[arg(long)]
        resend: bool,
        /// Send a file even when the book predicts MPS would reject some of its claims (as
        /// `book check` lists them).
        #[arg(long)]
        accept_rejections: bool,
        #[command(flatten)]
        host: HostArgs,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Fetch MPS's answers over SFTP: each file of the inbox not fetched before is downloaded
    /// to the archive (synced, then renamed), validated, imported into the book when one is
    /// configured, and only then removed from the server. Run again after a crash, it fetches
    /// and imports nothing twice.
    Fetch {
        /// Leave the files on the server (they are not fetched again).
        #[arg(long)]
        keep_remote: bool,
        /// List what would be fetched; download and remove nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        host: HostArgs,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// The daily run, for a timer: fetch and import MPS's answers (as `fetch`), send every
    /// file of the `[transfer] outgoing` folder the book does not have as sent (as `send`),
    /// and report what needs a person: rejections, unmatched answers, mandates changed,
    /// claims outstanding past their answer date. Exit 0: nothing to look at; 1: something
    /// to look at (listed); 2: the run failed.
    Daily {
        /// Say what would be fetched and sent; change nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        host: HostArgs,
        #[command(flatten)]
        read: ReadArgs,
    },
}

/// Parses `YYYY-MM-DD`.
fn parse_date(s: &str) -> anyhow::Result<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts[..] else {
        bail!("expected a date YYYY-MM-DD, found {s:?}");
    };
    let year: i32 = y.parse().with_context(|| format!("year in {s:?}"))?;
    let month: u8 = m.parse().with_context(|| format!("month in {s:?}"))?;
    let day: u8 = d.parse().with_context(|| format!("day in {s:?}"))?;
    let month = time::Month::try_from(month).with_context(|| format!("month in {s:?}"))?;
    Date::from_calendar_date(year, month, day).with_context(|| format!("no such date: {s}"))
}

/// Today's date in Oslo (`Europe/Oslo`, summer time included): the day MPS and the payee go
/// by, which the UTC date is not between midnight and 01:00 (02:00 in summer). Should the time
/// zone database fail, the UTC date, with a warning.
fn today() -> Date {
    autogiro::ledger::today_in_oslo().unwrap_or_else(|e| {
        let lang = LANG.get().copied().unwrap_or_default();
        let said = Said::new("cli.utc-today").with("error", e);
        eprintln!(
            "{}: {}",
            Said::new("cli.warning").render(lang),
            said.render(lang)
        );
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        let days = i64::try_from(days).unwrap_or(0);
        Date::from_calendar_date(1970, time::Month::January, 1)
            .map_or(Date::MIN, |epoch| epoch + time::Duration::days(days))
    })
}

/// The language of the run, for what is said where no command passes it (the warning of
/// [`today`]): set once, when the command line is read.
static LANG: std::sync::OnceLock<autogiro::model::Lang> = std::sync::OnceLock::new();

/// The outcome of a command that ran: success, or a file with problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Ok,
    Problems,
    /// An input could not be read; the others were done all the same (exit 2).
    Unreadable,
    /// Imported, but answers from MPS matched no claim (exit 3).
    Unmatched,
}

/// The settings of `--config`, or of `./autogiro.toml`.
fn settings(config: Option<&std::path::Path>) -> anyhow::Result<autogiro::settings::Settings> {
    Ok(autogiro::settings::Settings::load(config)?)
}

/// `autogiro config check`.
fn config_check(
    config: Option<&std::path::Path>,
    lang: autogiro::model::Lang,
) -> anyhow::Result<Status> {
    let say = |said: Said| said.render(lang);
    let path = config.map_or_else(
        || autogiro::settings::FILE_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let s = match autogiro::settings::Settings::load(config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", say(e.said()));
            return Ok(Status::Problems);
        }
    };
    say!("{path}: {}", say(Said::new("config.valid")));
    let payee = Said::new("config.payee").with("unit", format!("{:08}", s.payee.customer_unit));
    say!("{}", say(payee));
    for a in &s.agreements {
        let agreement = Said::new("config.agreement")
            .with("id", format!("{:09}", a.id))
            .with("account", a.account);
        say!("{}", say(agreement));
    }
    if s.agreements.is_empty() {
        say!("{}", say(Said::new("config.no-agreement")));
    }
    if let Some(t) = &s.transfer {
        let key = t.private_key.as_ref().map_or_else(
            || Said::new("config.agent-keys"),
            |k| Said::new("config.key").with("path", k.display()),
        );
        let transfer = Said::new("config.transfer")
            .with("user", &t.user)
            .with("host", &t.host)
            .with("port", t.port)
            .with_words("key", key)
            .with("known_hosts", t.known_hosts.display())
            .with("outbox", &t.outbox)
            .with("inbox", &t.inbox)
            .with("archive", t.archive.display())
            .with("outgoing", t.outgoing.display());
        say!("{}", say(transfer));
    }
    Ok(Status::Ok)
}

/// `autogiro book ...` on the book at `path`.
fn run_book(
    command: BookCommand,
    path: &str,
    config: Option<&std::path::Path>,
    lang: autogiro::model::Lang,
) -> anyhow::Result<Status> {
    match command {
        BookCommand::Init => book::init(path, lang),
        BookCommand::Import { files, today: t } => book::import(
            path,
            &files,
            t.unwrap_or_else(today),
            book::customer_unit(config)?,
            lang,
        ),
        BookCommand::Resolve {
            id,
            claim,
            handled,
            today: t,
        } => match (claim, handled) {
            (Some(claim), _) => book::resolve(path, id, claim, lang),
            (None, Some(why)) => book::handle(path, id, &why, t.unwrap_or_else(today), lang),
            (None, None) => Err(told::told(Said::new("cli.resolve-needs"))),
        },
        BookCommand::Check { file, date } => {
            book::check(path, &file, date.unwrap_or_else(today), lang)
        }
        BookCommand::Status {
            outstanding,
            rejected,
            settled,
            handled,
            all,
            unmatched,
            payments,
            since,
            today: t,
            format,
        } => {
            use autogiro::book::Show;
            let show = [
                (outstanding, Show::Outstanding),
                (rejected, Show::Rejected),
                (settled, Show::Settled),
                (handled, Show::Handled),
                (all, Show::All),
                (unmatched, Show::Unmatched),
                (payments, Show::Payments),
            ]
            .into_iter()
            .find_map(|(asked, show)| asked.then_some(show))
            .unwrap_or(Show::Counts);
            book::status(path, show, since, t.unwrap_or_else(today), format, lang)
        }
        BookCommand::Mandates { today: t, format } => {
            book::mandates(path, format, t.unwrap_or_else(today))
        }
        BookCommand::Report {
            month,
            today: t,
            out,
        } => {
            let t = t.unwrap_or_else(today);
            let month = month.unwrap_or_else(|| autogiro::book::ReportMonth::of(t));
            book::report(path, month, t, lang, &out)
        }
        BookCommand::Copy { from, to } => book::copy(&from, &to, lang),
        BookCommand::Export {
            format: ExportFormat::Json,
        } => book::export(path),
    }
}

/// The payee of `send`, `fetch` and `transfer confirm`: the settings, the book and the
/// options.
fn transfer_job(
    config: Option<&std::path::Path>,
    book: Option<&str>,
    dry_run: bool,
    host: &HostArgs,
    read: &ReadArgs,
) -> anyhow::Result<autogiro::payee::Payee> {
    let settings = settings(config)?;
    let book = book::configured(book, &settings)?;
    let mut payee = autogiro::payee::Payee::new(settings, read.today.unwrap_or_else(today))
        .options(read.options());
    if let Some(book) = book {
        payee = payee.book(book);
    }
    if dry_run {
        payee = payee.dry_run();
    }
    if host.accept_new_host_key {
        payee = payee.accept_new_host_key();
    }
    Ok(transfer::with_passphrase(payee))
}

/// `autogiro transfer test|confirm`.
fn run_transfer(
    command: TransferCommand,
    config: Option<&std::path::Path>,
    book: Option<&str>,
    lang: autogiro::model::Lang,
) -> anyhow::Result<Status> {
    match command {
        TransferCommand::Test { host } => {
            let mut payee = autogiro::payee::Payee::new(settings(config)?, today());
            if host.accept_new_host_key {
                payee = payee.accept_new_host_key();
            }
            transfer::test(&transfer::with_passphrase(payee), lang)
        }
        TransferCommand::Confirm {
            files,
            dry_run,
            read,
        } => {
            let host = HostArgs {
                accept_new_host_key: false,
            };
            let job = transfer_job(config, book, dry_run, &host, &read)?;
            transfer::confirm(job, &files, lang)
        }
    }
}

/// `autogiro new claims|cancellations|mandates`.
fn run_new(
    what: NewCommand,
    config: Option<&std::path::Path>,
    book: Option<&str>,
    lang: autogiro::model::Lang,
) -> anyhow::Result<Status> {
    use autogiro::payee::Making;
    let (making, args) = match what {
        NewCommand::Claims {
            service: ServiceArg::Autogiro,
            args,
        } => (Making::Claims, args),
        NewCommand::Claims {
            service: ServiceArg::Avtalegiro,
            args,
        } => (Making::AvtaleGiroClaims, args),
        NewCommand::Cancellations(a) => (Making::AvtaleGiroCancellations, a),
        NewCommand::Mandates(a) => (Making::Mandates, a),
    };
    let settings = settings(config)?;
    let book = book::configured(book, &settings)?;
    let numbers = match (args.transmission, args.assignment, &book) {
        (Some(transmission), Some(assignment), _) => autogiro::payee::Numbers::Given {
            transmission,
            assignment,
        },
        (_, _, Some(_)) => autogiro::payee::Numbers::Book,
        (_, _, None) => return Err(autogiro::payee::Error::NoBookForNumbers.into()),
    };
    let mut payee = autogiro::payee::Payee::new(settings, args.today.unwrap_or_else(today));
    if let Some(book) = book {
        payee = payee.book(book);
    }
    new::run(new::Job {
        making,
        input: &args.input,
        numbers,
        payee,
        format: args.format,
        out: &args.out,
        lang,
    })
}

fn run(cli: Cli, lang: autogiro::model::Lang) -> anyhow::Result<Status> {
    let config = cli.config.as_deref();
    match cli.command {
        Command::New { what } => run_new(what, config, cli.book.as_deref(), lang),
        Command::Config {
            command: ConfigCommand::Check,
        } => config_check(config, lang),
        Command::Transfer { command } => run_transfer(command, config, cli.book.as_deref(), lang),
        Command::Send {
            files,
            dry_run,
            resend,
            accept_rejections,
            host,
            read,
        } => transfer::send(
            transfer_job(config, cli.book.as_deref(), dry_run, &host, &read)?,
            &files,
            autogiro::payee::Send {
                resend,
                accept_rejections,
            },
            lang,
        ),
        Command::Fetch {
            keep_remote,
            dry_run,
            host,
            read,
        } => transfer::fetch(
            transfer_job(config, cli.book.as_deref(), dry_run, &host, &read)?,
            keep_remote,
            lang,
        ),
        Command::Daily {
            dry_run,
            host,
            read,
        } => transfer::daily(
            transfer_job(config, cli.book.as_deref(), dry_run, &host, &read)?,
            lang,
        ),
        Command::Book {
            command: command @ BookCommand::Copy { .. },
        } => run_book(command, "", config, lang),
        Command::Book { command } => run_book(
            command,
            &book::path(cli.book.as_deref(), config)?,
            config,
            lang,
        ),
        Command::Validate {
            files,
            format,
            quiet,
            max_errors,
            read,
        } => validate::run(
            &files,
            &validate::Show {
                format,
                quiet,
                color: cli.color.colors(),
                max: max_errors,
                lang,
            },
            &read.options(),
        ),
        Command::Completions { shell } => completions(shell),
        Command::Digits { kind, numbers } => Ok(digits::run(kind, &numbers, lang)),
        Command::Inspect { file, read } => inspect::run(&file, &read.options(), lang),
        Command::Convert {
            file,
            to,
            dialect,
            out,
            read,
        } => convert::run(&file, to, dialect, &out, &read.options(), lang),
        Command::Fmt {
            file,
            lf,
            check,
            out,
        } => convert::fmt(&file, lf, check, &out, lang),
        Command::Simulate(args) => run_simulate(args, config, lang),
    }
}

/// `autogiro completions SHELL`.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<Status> {
    // Into memory first: the generator panics on a write error (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command(), "autogiro", &mut script);
    output::write(
        &OutArgs {
            output: None,
            force: false,
        },
        &script,
    )?;
    Ok(Status::Ok)
}

/// `autogiro simulate ...`.
fn run_simulate(
    args: SimulateArgs,
    config: Option<&std::path::Path>,
    lang: autogiro::model::Lang,
) -> anyhow::Result<Status> {
    match args.action {
        Some(SimulateCommand::SignUp {
            state,
            kid,
            agreement,
            written_notice,
        }) => simulate::sign_up(
            &state,
            &settings(config)?,
            &kid,
            agreement,
            written_notice,
            lang,
        ),
        Some(SimulateCommand::Block {
            state,
            agreement,
            reference,
            from,
            to,
        }) => simulate::block(&state, agreement, &reference, Some((Some(from), to)), lang),
        Some(SimulateCommand::Unblock {
            state,
            agreement,
            reference,
        }) => simulate::block(&state, agreement, &reference, None, lang),
        None => match (args.state, args.date) {
            (Some(state), Some(date)) => simulate::run(
                args.file.as_deref(),
                &state,
                date,
                args.until,
                &args.out,
                lang,
            ),
            _ => Err(told::told(Said::new("cli.simulate-needs"))),
        },
    }
}

/// The command line, as clap describes it: for shell completions and the man page.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// Whether an error is standard output's reader gone away (EPIPE).
pub(crate) fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs the command with the process's arguments; the exit code.
pub fn main() -> ExitCode {
    use clap::FromArgMatches as _;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The command line read as clap has it; its help, or what is wrong with it, again in
    // bokmål when that is asked for (building the bokmål help costs a run a millisecond).
    let parsed = match command().try_get_matches_from(&args) {
        Err(_) if help::lang_of(&args) == autogiro::model::Lang::Nb => {
            help::command(autogiro::model::Lang::Nb).try_get_matches_from(&args)
        }
        read => read,
    }
    .and_then(|mut m| Cli::from_arg_matches_mut(&mut m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let lang = cli.lang.unwrap_or_else(autogiro::model::Lang::from_env);
    let _ = LANG.set(lang);
    match run(cli, lang) {
        Ok(Status::Ok) => ExitCode::SUCCESS,
        Ok(Status::Problems) => ExitCode::from(1),
        Ok(Status::Unreadable) => ExitCode::from(2),
        Ok(Status::Unmatched) => ExitCode::from(3),
        // The reader of the output went away (a pipe into `head`): it has what it wanted.
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let error = Said::new("cli.error").render(lang);
            eprintln!("autogiro: {error}: {}", told::render(&e, lang));
            ExitCode::from(2)
        }
    }
}
