//! `autogiro transfer test`, `autogiro send`, `autogiro fetch` and `autogiro transfer
//! confirm`: the payee's jobs of `autogiro::payee`, each [`Event`] printed as a line.

use std::path::PathBuf;

use autogiro::model::{Lang, Said};
use autogiro::payee::{Event, Fetching, Payee, Send};

use crate::{Status, book};

/// The environment variable a key's passphrase is taken from.
const PASSPHRASE: &str = "AUTOGIRO_KEY_PASSPHRASE";

/// The payee of a command, with the passphrase from `AUTOGIRO_KEY_PASSPHRASE`.
pub(crate) fn with_passphrase(payee: Payee) -> Payee {
    match std::env::var(PASSPHRASE) {
        Ok(passphrase) => payee.passphrase(passphrase),
        Err(_) => payee,
    }
}

/// Prints an event: a problem or a note to standard error, anything else to standard output;
/// an import as `book import` says it.
fn print(event: &Event, lang: Lang) -> anyhow::Result<()> {
    if let Event::Fetch {
        name,
        what: Fetching::Imported(imported),
    } = event
    {
        return book::print_imported(name, imported, lang);
    }
    let said = event.said().render(lang);
    if event.is_problem() || event.is_note() {
        eprintln!("{said}");
    } else {
        say!("{said}");
    }
    Ok(())
}

/// Runs a job that tells its events, printing each; what it returns.
fn printing<T>(
    lang: Lang,
    job: impl FnOnce(&mut dyn FnMut(Event)) -> Result<T, autogiro::payee::Error>,
) -> anyhow::Result<T> {
    let mut failed = None;
    let value = job(&mut |event| {
        if let Err(e) = print(&event, lang) {
            failed.get_or_insert(e);
        }
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(value),
    }
}

/// Exit 1 when a job's files had problems.
fn status(done: autogiro::payee::Done) -> Status {
    if done.problems == 0 {
        Status::Ok
    } else {
        Status::Problems
    }
}

/// `autogiro transfer test`.
pub(crate) fn test(payee: &Payee, lang: Lang) -> anyhow::Result<Status> {
    let t = payee.transfer_settings()?;
    let mut mps = printing(lang, |mut on| payee.connect(&mut on))?;
    let connected = Said::new("transfer.connected")
        .with("user", &t.user)
        .with("host", &t.host)
        .with("port", t.port)
        .with("fingerprint", &mps.host_key().fingerprint);
    say!("{}", connected.render(lang));
    for (key, dir) in [("transfer.outbox", &t.outbox), ("transfer.inbox", &t.inbox)] {
        let files = mps.list(dir)?;
        let bytes: u64 = files.iter().map(|f| f.size).sum();
        let said = Said::new(key)
            .with("dir", dir)
            .with("n", files.len())
            .with("bytes", bytes);
        say!("{}", said.render(lang));
    }
    Ok(Status::Ok)
}

/// `autogiro send FILE...`.
pub(crate) fn send(
    mut payee: Payee,
    files: &[PathBuf],
    how: Send,
    lang: Lang,
) -> anyhow::Result<Status> {
    printing(lang, |on| payee.send(files, how, on)).map(status)
}

/// `autogiro transfer confirm FILE...`.
pub(crate) fn confirm(mut payee: Payee, files: &[PathBuf], lang: Lang) -> anyhow::Result<Status> {
    printing(lang, |on| payee.confirm(files, on)).map(status)
}

/// `autogiro fetch`.
pub(crate) fn fetch(mut payee: Payee, keep_remote: bool, lang: Lang) -> anyhow::Result<Status> {
    printing(lang, |on| payee.fetch(keep_remote, on)).map(status)
}

/// `autogiro daily`: each file's line as `fetch` and `send` print it, then the report; exit 1
/// when something needs a person.
pub(crate) fn daily(mut payee: Payee, lang: Lang) -> anyhow::Result<Status> {
    let daily = printing(lang, |on| payee.daily(on))?;
    say!("{}", daily.render(lang));
    Ok(if daily.needs_attention() {
        Status::Problems
    } else {
        Status::Ok
    })
}
