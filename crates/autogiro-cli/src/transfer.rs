//! `autogiro transfer test`, `autogiro send` and `autogiro fetch`: files to and from MPS over
//! SFTP (`autogiro::transfer`), checked before they go, recorded in the transfer journal and
//! the book, so that a run again after a crash or a lost connection sends nothing twice and
//! imports nothing twice.

use std::fs::File;
use std::io::{BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use autogiro::book::Book;
use autogiro::format::{Direction, Reader, Record};
use autogiro::model::ReadOptions;
use autogiro::settings::{Settings, TransferSettings};
use autogiro::transfer::{Connection, Publication, RemoteFile, TransferError};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::{Status, book};

/// The environment variable a key's passphrase is taken from.
const PASSPHRASE: &str = "AUTOGIRO_KEY_PASSPHRASE";

/// One line of the transfer journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case", deny_unknown_fields)]
enum Entry {
    /// A file is on the server under its final name (written right after the rename).
    Sent {
        /// The local file.
        file: String,
        /// Its SHA-256.
        sha256: String,
        /// Record 10's data sender.
        sender: u32,
        /// Record 10's transmission number.
        transmission: u32,
        /// Its remote path.
        remote: String,
        /// Its size.
        size: u64,
        /// When, in seconds since 1970.
        at: u64,
    },
    /// A file is staged on the server under its hidden name and about to be renamed to
    /// `name`: from here on it may have been sent (written before the rename is asked; a
    /// later run looks on the server before anything is uploaded again).
    Renaming {
        /// The local file.
        file: String,
        /// Its SHA-256.
        sha256: String,
        /// Record 10's data sender.
        sender: u32,
        /// Record 10's transmission number.
        transmission: u32,
        /// The remote folder.
        outbox: String,
        /// The name it is renamed to there.
        name: String,
        /// Its size.
        size: u64,
        /// When, in seconds since 1970.
        at: u64,
    },
    /// A file of the inbox is in the archive, complete and synced.
    Fetched {
        /// Its name in the inbox.
        remote: String,
        /// Its size and modification time there: what makes it the same file.
        size: u64,
        /// The server's modification time.
        modified: Option<u32>,
        /// Its SHA-256.
        sha256: String,
        /// Where it is kept.
        archived: String,
        /// When.
        at: u64,
    },
    /// A fetched file was removed from the inbox.
    Removed {
        /// Its name in the inbox.
        remote: String,
        /// Its size.
        size: u64,
        /// The server's modification time.
        modified: Option<u32>,
        /// When.
        at: u64,
    },
}

/// The transfer journal (`.autogiro/transfer-journal.jsonl` in the archive, where no remote
/// name reaches: a hidden name is never fetched): what was sent and fetched,
/// one JSON object a line, each synced to disk before the next step. Held under an exclusive
/// lock (`transfer-journal.lock`) for a whole `send` or `fetch`, so that two runs never work
/// on the same files at once.
struct Journal {
    path: PathBuf,
    entries: Vec<Entry>,
    _lock: File,
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Journal {
    /// Opens the journal at `path` under its lock; one left at `legacy` by an earlier version
    /// (in the archive's own folder, where a remote file of its name could have replaced it)
    /// is moved to `path` first.
    fn open(path: &Path, legacy: &Path) -> anyhow::Result<Self> {
        // Only when the journal's folder is new: once it is there, a file of the legacy name
        // in the archive is one fetched from the inbox, never a journal.
        let fresh = path.parent().is_some_and(|folder| !folder.exists());
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot make the folder {}", folder.display()))?;
        }
        if fresh && legacy.exists() {
            std::fs::rename(legacy, path).with_context(|| {
                format!("cannot move {} to {}", legacy.display(), path.display())
            })?;
            let _ = std::fs::remove_file(legacy.with_extension("lock"));
        }
        let lock_path = path.with_extension("lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("cannot open {}", lock_path.display()))?;
        if lock.try_lock().is_err() {
            eprintln!(
                "{}: another send or fetch is running; waiting for it",
                lock_path.display()
            );
            lock.lock()
                .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        }
        let mut entries = Vec::new();
        match File::open(path) {
            Ok(file) => {
                let mut text = String::new();
                BufReader::new(file)
                    .read_to_string(&mut text)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let lines: Vec<&str> = text.split_inclusive('\n').collect();
                for (i, line) in lines.iter().enumerate() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    match serde_json::from_str(line) {
                        Ok(entry) => entries.push(entry),
                        // A last line cut short by a crash while it was written: the step after
                        // it never ran. It is cut off (under the lock), so that the next entry
                        // starts a line of its own.
                        Err(_) if i + 1 == lines.len() && !line.ends_with('\n') => {
                            let keep = (text.len() - line.len()) as u64;
                            File::options()
                                .write(true)
                                .open(path)
                                .and_then(|f| f.set_len(keep).and_then(|()| f.sync_all()))
                                .with_context(|| format!("cannot repair {}", path.display()))?;
                        }
                        Err(e) => bail!("{}:{}: not a journal entry: {e}", path.display(), i + 1),
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
        Ok(Self {
            path: path.to_path_buf(),
            entries,
            _lock: lock,
        })
    }

    /// Appends `entry` and syncs it to disk.
    fn append(&mut self, entry: Entry) -> anyhow::Result<()> {
        let mut file = File::options()
            .create(true)
            .append(true)
            .open(&self.path)
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        let mut line = serde_json::to_string(&entry)?;
        line.push('\n');
        file.write_all(line.as_bytes())
            .and_then(|()| file.sync_all())
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        self.entries.push(entry);
        Ok(())
    }

    /// A file sent with this content, or this sender and transmission number; or one of this
    /// sender and transmission number with other content that a run was sending when it
    /// stopped.
    fn sent(&self, sha: &str, sender: u32, transmission: u32) -> Option<(&str, String)> {
        self.entries.iter().rev().find_map(|e| match e {
            Entry::Sent {
                file,
                sha256,
                sender: s,
                transmission: t,
                remote,
                ..
            } if sha256 == sha || (*s == sender && *t == transmission) => {
                Some((file.as_str(), remote.clone()))
            }
            Entry::Renaming {
                file,
                sha256,
                sender: s,
                transmission: t,
                outbox,
                name,
                ..
            } if sha256 != sha && *s == sender && *t == transmission => Some((
                file.as_str(),
                format!("{outbox}/{name}, its sending cut short"),
            )),
            _ => None,
        })
    }

    /// The rename into place of a file of this content that a run asked for (or was about to)
    /// when it stopped, with nothing known of its outcome: the last word on the content.
    fn renaming(&self, sha: &str) -> Option<Pending> {
        self.entries.iter().rev().find_map(|e| match e {
            Entry::Sent { sha256, .. } if sha256 == sha => Some(None),
            Entry::Renaming {
                sha256,
                outbox,
                name,
                size,
                ..
            } if sha256 == sha => Some(Some(Pending {
                outbox: outbox.clone(),
                name: name.clone(),
                size: *size,
            })),
            _ => None,
        })?
    }

    /// A file sent with this very content.
    fn sent_same(&self, sha: &str) -> Option<(&str, &str)> {
        self.entries.iter().rev().find_map(|e| match e {
            Entry::Sent {
                file,
                sha256,
                remote,
                ..
            } if sha256 == sha => Some((file.as_str(), remote.as_str())),
            _ => None,
        })
    }

    /// Where a remote file of this name, size and time was archived, if it was: its name in
    /// `archive` (a journal written before names were kept alone has the path as it was then,
    /// relative to the folder the command ran in: the name in it is looked up in `archive`).
    fn fetched(&self, f: &RemoteFile, archive: &Path) -> Option<PathBuf> {
        self.entries.iter().rev().find_map(|e| match e {
            Entry::Fetched {
                remote,
                size,
                modified,
                archived,
                ..
            } if *remote == f.name && *size == f.size && *modified == f.modified => {
                Path::new(archived).file_name().map(|n| archive.join(n))
            }
            _ => None,
        })
    }
}

/// The SHA-256 of a file, read in chunks.
fn sha256_of(path: &Path) -> anyhow::Result<String> {
    File::open(path)
        .and_then(Book::sha256_of)
        .with_context(|| format!("cannot read {}", path.display()))
}

/// The `[transfer]` settings, or why there are none.
fn transfer_settings(settings: &Settings) -> anyhow::Result<&TransferSettings> {
    settings
        .transfer
        .as_ref()
        .context("no [transfer] in the settings: host, user, known_hosts, outbox, inbox and archive are needed (see autogiro config check)")
}

/// Connects as the settings say, the passphrase from `AUTOGIRO_KEY_PASSPHRASE`.
fn connect(t: &TransferSettings, accept_new_host_key: bool) -> anyhow::Result<Connection> {
    let passphrase = std::env::var(PASSPHRASE).ok();
    let connection =
        Connection::open(t.connection(passphrase, accept_new_host_key)).map_err(|e| match e {
            autogiro::transfer::TransferError::UnknownHostKey { .. } => {
                anyhow::anyhow!("{e} (--accept-new-host-key records it)")
            }
            other => other.into(),
        })?;
    let key = connection.host_key();
    if key.recorded {
        say!(
            "{}:{}: host key {} recorded in {}",
            t.host,
            t.port,
            key.fingerprint,
            t.known_hosts.display()
        );
    }
    Ok(connection)
}

/// `autogiro transfer test`.
pub(crate) fn test(settings: &Settings, accept_new_host_key: bool) -> anyhow::Result<Status> {
    let t = transfer_settings(settings)?;
    let mut mps = connect(t, accept_new_host_key)?;
    say!(
        "{}@{}:{}: connected, authenticated; host key {}",
        t.user,
        t.host,
        t.port,
        mps.host_key().fingerprint
    );
    for (what, dir) in [("outbox", &t.outbox), ("inbox", &t.inbox)] {
        let files = mps.list(dir)?;
        let bytes: u64 = files.iter().map(|f| f.size).sum();
        say!("{what} {dir}: {} file(s), {bytes} bytes", files.len());
    }
    Ok(Status::Ok)
}

/// What `send` learnt of a file before it goes.
struct Outgoing {
    path: PathBuf,
    shown: String,
    sha: String,
    size: u64,
    sender: u32,
    transmission: u32,
    remote: String,
    /// The rename of an earlier run that stopped: looked at on the server first.
    pending: Option<Pending>,
}

/// A rename into place asked for by a run that stopped before it knew the outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pending {
    outbox: String,
    name: String,
    size: u64,
}

impl Pending {
    fn remote(&self) -> String {
        format!("{}/{}", self.outbox.trim_end_matches('/'), self.name)
    }
}

/// Record 10 of a file: its direction, data sender, transmission number and data recipient.
fn transmission_start(path: &Path) -> anyhow::Result<(Direction, u32, u32, u32)> {
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut reader = Reader::new(BufReader::new(file));
    match reader.next() {
        Some(Ok((_, Record::TransmissionStart(start)))) => Ok((
            reader.context().direction,
            start.sender,
            start.transmission_number,
            start.recipient,
        )),
        Some(Ok(_)) | None => bail!("{}: does not start with record 10", path.display()),
        Some(Err(e)) => bail!("{}: {e}", path.display()),
    }
}

/// Checks one file for `send`: valid, to MPS, not sent before. `None` (with the reason on
/// standard error) when it must not go.
fn check_outgoing(
    file: &Path,
    t: &TransferSettings,
    journal: &Journal,
    run: &mut TransferJob,
    (resend, accept_rejections): (bool, bool),
) -> anyhow::Result<Option<Outgoing>> {
    let (options, today, dry_run) = (&run.options, run.today, run.dry_run);
    let mut book = run.book.as_mut();
    let shown = file.display().to_string();
    let (errors, first) = crate::validate::errors_of(file, options)?;
    if errors > 0 {
        let first = first.map(|d| d.to_string()).unwrap_or_default();
        eprintln!(
            "{shown}: not sent: {errors} error(s), the first: {first} (autogiro validate {shown} shows all)"
        );
        return Ok(None);
    }
    let (direction, sender, transmission, _) = transmission_start(file)?;
    if direction != Direction::ToMps {
        eprintln!("{shown}: not sent: a file from MPS, not one for it");
        return Ok(None);
    }
    let sha = sha256_of(file)?;
    let size = std::fs::metadata(file)?.len();
    let in_journal = journal.sent(&sha, sender, transmission);
    let in_book = match book.as_deref_mut() {
        Some(b) => b.sent_before(&sha, sender, transmission)?,
        None => None,
    };
    if let (Some((earlier, _)), None, Some(b), false) = (
        journal.sent_same(&sha),
        &in_book,
        book.as_deref_mut(),
        dry_run,
    ) {
        // Sent by a run that stopped before it reached the book: recorded there now (not by
        // a dry run, which changes nothing).
        let name = file_name(file);
        b.import(&name, &std::fs::read(file)?, today, options)?;
        say!("{shown}: sent earlier as {earlier} by a run that stopped; now in the book");
    }
    let pending = if resend { None } else { journal.renaming(&sha) };
    let earlier = in_journal.map(|(f, r)| format!("{f} ({r})")).or(in_book);
    if let Some(earlier) = earlier
        && !resend
    {
        eprintln!(
            "{shown}: not sent: sent before as {earlier}, with the same content or transmission number {transmission:07} of data sender {sender:08}; --resend sends it again"
        );
        return Ok(None);
    }
    if let (Some(b), false) = (book, accept_rejections) {
        // What the book predicts MPS would reject: sent anyway only when told.
        let bytes = std::fs::read(file).with_context(|| format!("cannot read {shown}"))?;
        let read = autogiro::model::Transmission::read_slice(&bytes, options);
        let findings = b.check(&read.transmission, today)?;
        if !findings.is_empty() {
            for f in &findings {
                eprintln!("{shown}: {}", book::finding(f));
            }
            eprintln!(
                "{shown}: not sent: the book predicts {} rejection(s) by MPS (listed above, as `autogiro book check` lists them); fix them, or send with --accept-rejections",
                findings.len()
            );
            return Ok(None);
        }
    }
    let date = format!(
        "{:04}{:02}{:02}",
        today.year(),
        u8::from(today.month()),
        today.day()
    );
    let remote = t.remote_name_of(sender, transmission, &date, &file_name(file));
    Ok(Some(Outgoing {
        path: file.to_path_buf(),
        shown,
        sha,
        size,
        sender,
        transmission,
        remote,
        pending,
    }))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// What `send` and `fetch` work with.
pub(crate) struct TransferJob {
    pub(crate) settings: Settings,
    pub(crate) book: Option<Book>,
    pub(crate) dry_run: bool,
    pub(crate) accept_new_host_key: bool,
    pub(crate) options: ReadOptions,
    pub(crate) today: Date,
}

/// `autogiro send FILE...`.
pub(crate) fn send(
    mut run: TransferJob,
    files: &[PathBuf],
    resend: bool,
    accept_rejections: bool,
) -> anyhow::Result<Status> {
    let t = &transfer_settings(&run.settings)?.clone();
    let mut journal = Journal::open(&t.journal(), &t.archive.join("transfer-journal.jsonl"))?;
    let mut status = Status::Ok;
    let mut outgoing = Vec::new();
    for file in files {
        match check_outgoing(file, t, &journal, &mut run, (resend, accept_rejections))? {
            Some(o) => outgoing.push(o),
            None => status = Status::Problems,
        }
    }
    if run.dry_run {
        for o in &outgoing {
            if let Some(p) = &o.pending {
                say!(
                    "{}: an earlier run stopped while renaming it to {} on the server: send looks there first and uploads nothing twice",
                    o.shown,
                    p.remote()
                );
            } else {
                say!(
                    "{}: would be sent as {}/{} ({} bytes)",
                    o.shown,
                    t.outbox,
                    o.remote,
                    o.size
                );
            }
        }
        return Ok(status);
    }
    if outgoing.is_empty() {
        return Ok(status);
    }
    let mut mps = connect(t, run.accept_new_host_key)?;
    for o in &outgoing {
        let sent = match &o.pending {
            Some(p) => resume(&mut mps, &mut journal, o, p)?,
            None => send_one(&mut mps, &mut journal, t, o)?,
        };
        match sent {
            Some((remote, size, how)) => {
                journal.append(Entry::Sent {
                    file: file_name(&o.path),
                    sha256: o.sha.clone(),
                    sender: o.sender,
                    transmission: o.transmission,
                    remote: remote.clone(),
                    size,
                    at: now(),
                })?;
                let recorded = record_sent(&mut run, o)?;
                say!("{}: {how} {remote} ({size} bytes){recorded}", o.shown);
            }
            None => status = Status::Problems,
        }
    }
    Ok(status)
}

/// Records a file sent in the book, when there is one: what `send` says of it.
fn record_sent(run: &mut TransferJob, o: &Outgoing) -> anyhow::Result<&'static str> {
    let Some(b) = run.book.as_mut() else {
        return Ok("");
    };
    let imported = b
        .import(
            &file_name(&o.path),
            &std::fs::read(&o.path)?,
            run.today,
            &run.options,
        )
        .with_context(|| format!("{}: sent, but not recorded in the book", o.shown))?;
    Ok(if imported.already {
        "; the book had it"
    } else {
        "; recorded in the book"
    })
}

/// Uploads one file: staged under its hidden name, the rename journalled, then asked.
/// `Some((remote path, size, how))` when it is sent; `None` (said why) when it is not.
fn send_one(
    mps: &mut Connection,
    journal: &mut Journal,
    t: &TransferSettings,
    o: &Outgoing,
) -> anyhow::Result<Option<(String, u64, &'static str)>> {
    let pending = Pending {
        outbox: t.outbox.clone(),
        name: o.remote.clone(),
        size: o.size,
    };
    let remote = pending.remote();
    if mps.stat(&t.outbox, &o.remote)?.is_some() {
        eprintln!(
            "{}: not sent: {remote} is on the server already, not yet taken by MPS",
            o.shown
        );
        return Ok(None);
    }
    let size = mps.stage(&o.path, &t.outbox, &o.remote)?;
    publish(mps, journal, o, &Pending { size, ..pending }, "sent as")
}

/// Journals the rename of a staged file, then asks for it.
fn publish(
    mps: &mut Connection,
    journal: &mut Journal,
    o: &Outgoing,
    p: &Pending,
    how: &'static str,
) -> anyhow::Result<Option<(String, u64, &'static str)>> {
    journal.append(Entry::Renaming {
        file: file_name(&o.path),
        sha256: o.sha.clone(),
        sender: o.sender,
        transmission: o.transmission,
        outbox: p.outbox.clone(),
        name: p.name.clone(),
        size: p.size,
        at: now(),
    })?;
    match mps.publish(&p.outbox, &p.name, p.size) {
        Ok(()) => Ok(Some((p.remote(), p.size, how))),
        Err(TransferError::MaybeSent { .. }) => {
            maybe_sent(o, p);
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Finishes the sending of a file that an earlier run stopped in while renaming it: what is
/// on the server tells whether the rename was done.
fn resume(
    mps: &mut Connection,
    journal: &mut Journal,
    o: &Outgoing,
    p: &Pending,
) -> anyhow::Result<Option<(String, u64, &'static str)>> {
    match mps.publication(&p.outbox, &p.name)? {
        Publication::Published(f) if f.size == p.size => Ok(Some((
            p.remote(),
            p.size,
            "found sent, by a run that stopped before it said so, as",
        ))),
        Publication::Published(f) => {
            eprintln!(
                "{}: not sent: {} is on the server with {} bytes, not this file's {}",
                o.shown,
                p.remote(),
                f.size,
                p.size
            );
            Ok(None)
        }
        Publication::Staged(_) => {
            // Never renamed: staged again (what is there may be cut short) and sent.
            let size = mps.stage(&o.path, &p.outbox, &p.name)?;
            let again = Pending { size, ..p.clone() };
            publish(
                mps,
                journal,
                o,
                &again,
                "sent (its earlier run stopped before the rename) as",
            )
        }
        Publication::Absent => {
            maybe_sent(o, p);
            Ok(None)
        }
    }
}

/// Says that `o` may have reached MPS, and how to find out and go on.
fn maybe_sent(o: &Outgoing, p: &Pending) {
    eprintln!(
        "{shown}: not sent: it may have reached MPS already: it was being renamed to {remote} when the connection was lost or the run stopped, and it is no longer on the server. Look in MPS's receipt for transmission {t:07} of data sender {s:08}: if it arrived, `autogiro transfer confirm {shown}` records it as sent; if not, `autogiro send --resend {shown}` sends it",
        shown = o.shown,
        remote = p.remote(),
        t = o.transmission,
        s = o.sender,
    );
}

/// `autogiro transfer confirm FILE...`: records as sent the files that a run stopped in while
/// renaming them and that MPS's receipt shows arrived.
pub(crate) fn confirm(mut run: TransferJob, files: &[PathBuf]) -> anyhow::Result<Status> {
    let t = &transfer_settings(&run.settings)?.clone();
    let mut journal = Journal::open(&t.journal(), &t.archive.join("transfer-journal.jsonl"))?;
    let mut status = Status::Ok;
    for file in files {
        let shown = file.display().to_string();
        let (_, sender, transmission, _) = transmission_start(file)?;
        let sha = sha256_of(file)?;
        let Some(p) = journal.renaming(&sha) else {
            eprintln!(
                "{shown}: nothing to confirm: no run stopped while renaming this file on the server"
            );
            status = Status::Problems;
            continue;
        };
        if run.dry_run {
            say!("{shown}: would be recorded as sent as {}", p.remote());
            continue;
        }
        journal.append(Entry::Sent {
            file: file_name(file),
            sha256: sha.clone(),
            sender,
            transmission,
            remote: p.remote(),
            size: p.size,
            at: now(),
        })?;
        let o = Outgoing {
            path: file.clone(),
            shown: shown.clone(),
            sha,
            size: p.size,
            sender,
            transmission,
            remote: p.name.clone(),
            pending: None,
        };
        let recorded = record_sent(&mut run, &o)?;
        say!("{shown}: recorded as sent as {}{recorded}", p.remote());
    }
    Ok(status)
}

/// The archive path for a remote file: its name, or `name.2`, `name.3`, ... when a different
/// file has it already.
fn archive_path(archive: &Path, name: &str, n: u32) -> PathBuf {
    if n <= 1 {
        archive.join(name)
    } else {
        archive.join(format!("{name}.{n}"))
    }
}

/// Downloads `f` into the archive; a file left there complete by a run that stopped before it
/// wrote the journal is found by its content and not kept twice.
fn download(
    mps: &mut Connection,
    t: &TransferSettings,
    f: &RemoteFile,
) -> anyhow::Result<(PathBuf, String)> {
    let mut n = 1;
    while archive_path(&t.archive, &f.name, n).exists() {
        n += 1;
    }
    let to = archive_path(&t.archive, &f.name, n);
    let size = mps.download(&t.inbox, &f.name, &to)?;
    if size != f.size {
        // Written to (or swapped) since it was listed: what was listed is not what came.
        std::fs::remove_file(&to).with_context(|| format!("cannot remove {}", to.display()))?;
        bail!(
            "listed with {} bytes, {size} bytes downloaded: it changed on the server meanwhile; not fetched",
            f.size
        );
    }
    let sha = sha256_of(&to)?;
    for earlier in 1..n {
        let other = archive_path(&t.archive, &f.name, earlier);
        if sha256_of(&other)? == sha {
            std::fs::remove_file(&to).with_context(|| format!("cannot remove {}", to.display()))?;
            return Ok((other, sha));
        }
    }
    Ok((to, sha))
}

/// Whether a remote name may be kept in the archive under that name: one plain file name of
/// valid UTF-8 (as the server sent it), with no `/`, `\\`, NUL or control character, not `.`
/// or `..`, not hidden (a leading `.`: the archive's own files are hidden), at most 200 bytes.
/// A remote name is data, never a path: anything else is reported and left on the server.
fn plain_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() {
        Err("an empty name")
    } else if name.len() > 200 {
        Err("longer than 200 bytes")
    } else if name.starts_with('.') {
        Err("a hidden name (it starts with a dot)")
    } else if name.contains(['/', '\\']) {
        Err("a path, not a name")
    } else if name
        .chars()
        .any(|c| c.is_control() || c == char::REPLACEMENT_CHARACTER)
    {
        Err("a control character, or bytes that are not UTF-8")
    } else {
        Ok(())
    }
}

/// `autogiro fetch`: each file of the inbox with a plain name, archived, validated, checked to
/// be MPS's to this payee, imported into the book, and only then removed from the server. A
/// file that fails is reported and left on the server; the others are fetched all the same.
pub(crate) fn fetch(mut run: TransferJob, keep_remote: bool) -> anyhow::Result<Status> {
    let t = &transfer_settings(&run.settings)?.clone();
    let mut journal = Journal::open(&t.journal(), &t.archive.join("transfer-journal.jsonl"))?;
    if !run.dry_run {
        remove_partials(&t.archive);
    }
    let mut mps = connect(t, run.accept_new_host_key)?;
    let files = mps.list(&t.inbox)?;
    let mut status = Status::Ok;
    if files.is_empty() {
        say!("inbox {}: nothing to fetch", t.inbox);
    }
    for f in &files {
        if let Err(why) = plain_name(&f.name) {
            eprintln!("{:?}: not fetched: {why}; left on the server", f.name);
            status = Status::Problems;
            continue;
        }
        match fetch_one(&mut run, t, &mut journal, &mut mps, f, keep_remote) {
            Ok(Status::Ok) => {}
            Ok(problem) => status = problem,
            Err(e) => {
                eprintln!("{}: {e:#}; left on the server", f.name);
                status = Status::Problems;
            }
        }
    }
    Ok(status)
}

/// Removes the downloads a killed `fetch` left in the archive (`.NAME.part`, hidden: no remote
/// name reaches them), under the journal's lock, so that no other fetch is writing one. Any
/// other file is left.
fn remove_partials(archive: &Path) {
    let Ok(entries) = std::fs::read_dir(archive) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        // The transfer's own name for a download under way: `.NAME.part`, exactly.
        let partial = name
            .to_str()
            .and_then(|n| n.strip_prefix('.'))
            .and_then(|n| n.strip_suffix(".part"))
            .is_some_and(|n| !n.is_empty());
        if partial && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// One file of the inbox: see [`fetch`].
fn fetch_one(
    run: &mut TransferJob,
    t: &TransferSettings,
    journal: &mut Journal,
    mps: &mut Connection,
    f: &RemoteFile,
    keep_remote: bool,
) -> anyhow::Result<Status> {
    let known = journal.fetched(f, &t.archive);
    if run.dry_run {
        if let Some(a) = &known {
            say!("{}: fetched before, in {}", f.name, a.display());
        } else {
            say!("{}: would be fetched ({} bytes)", f.name, f.size);
        }
        return Ok(Status::Ok);
    }
    let archived = if let Some(a) = known {
        a
    } else {
        let (archived, sha) = download(mps, t, f)?;
        journal.append(Entry::Fetched {
            remote: f.name.clone(),
            size: f.size,
            modified: f.modified,
            sha256: sha,
            archived: file_name(&archived),
            at: now(),
        })?;
        say!("{}: fetched to {}", f.name, archived.display());
        archived
    };
    let (errors, _) = crate::validate::errors_of(&archived, &run.options)?;
    if errors > 0 {
        eprintln!(
            "{}: {errors} error(s) (autogiro validate {} shows them); not imported, left on the server",
            f.name,
            archived.display()
        );
        return Ok(Status::Problems);
    }
    let (direction, sender, _, recipient) = transmission_start(&archived)?;
    let unit = run.settings.payee.customer_unit;
    if direction != Direction::FromMps || sender != autogiro::format::MPS_ID || recipient != unit {
        eprintln!(
            "{}: from data sender {sender:08} to data recipient {recipient:08}, not from MPS ({:08}) to this payee ({unit:08}); not imported, left on the server",
            f.name,
            autogiro::format::MPS_ID
        );
        return Ok(Status::Problems);
    }
    if let Some(b) = run.book.as_mut() {
        let bytes = std::fs::read(&archived)
            .with_context(|| format!("cannot read {}", archived.display()))?;
        match b.import(&file_name(&archived), &bytes, run.today, &run.options) {
            Ok(imported) if imported.already => {
                say!("{}: already in the book", f.name);
            }
            Ok(imported) => book::print_imported(&f.name, &imported)?,
            Err(e) => {
                eprintln!("{}: not imported: {e}; left on the server", f.name);
                return Ok(Status::Problems);
            }
        }
    }
    if !keep_remote {
        // The bytes removed are the bytes fetched: a file changed on the server since it was
        // listed (size or time) is left there for the next fetch, never deleted unseen.
        match mps.stat(&t.inbox, &f.name)? {
            Some(now) if now.size != f.size || now.modified != f.modified => {
                eprintln!(
                    "{}: changed on the server since it was fetched ({} bytes then, {} now); left there, the next fetch takes it",
                    f.name, f.size, now.size
                );
                return Ok(Status::Problems);
            }
            Some(_) => mps.remove(&t.inbox, &f.name)?,
            None => {}
        }
        journal.append(Entry::Removed {
            remote: f.name.clone(),
            size: f.size,
            modified: f.modified,
            at: now(),
        })?;
    }
    Ok(Status::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufRead as _;

    fn lines(path: &Path) -> Vec<String> {
        File::open(path)
            .map(|f| BufReader::new(f).lines().map_while(Result::ok).collect())
            .unwrap_or_default()
    }

    fn sent(n: u32) -> Entry {
        Entry::Sent {
            file: format!("f{n}.txt"),
            sha256: format!("{n:064}"),
            sender: 12345,
            transmission: n,
            remote: format!("/inbound/r{n}"),
            size: 80,
            at: 0,
        }
    }

    #[test]
    fn the_journal_keeps_what_was_synced_and_forgets_a_line_cut_short() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive/.autogiro/transfer-journal.jsonl");
        let legacy = dir.path().join("archive/transfer-journal.jsonl");
        {
            let mut j = Journal::open(&path, &legacy).unwrap();
            j.append(sent(1)).unwrap();
        }
        // A crash in the middle of the second line.
        let mut f = File::options().append(true).open(&path).unwrap();
        f.write_all(br#"{"event":"sent","file":"f2"#).unwrap();
        drop(f);
        let mut j = Journal::open(&path, &legacy).unwrap();
        assert_eq!(j.entries, vec![sent(1)]);
        assert!(j.sent(&format!("{:064}", 1), 0, 0).is_some());
        assert!(
            j.sent("other", 12345, 1).is_some(),
            "same transmission number"
        );
        assert!(j.sent("other", 12345, 2).is_none());
        j.append(sent(3)).unwrap();
        drop(j);
        let j = Journal::open(&path, &legacy).unwrap();
        assert_eq!(j.entries, vec![sent(1), sent(3)]);
        assert_eq!(lines(&path).len(), 2, "the cut line is gone");
        // A damaged line that is not the last is an error naming it.
        std::fs::write(&path, "garbage\n{}\n").unwrap();
        drop(j);
        let err = Journal::open(&path, &legacy).err().unwrap().to_string();
        assert!(err.contains("transfer-journal.jsonl:1:"), "{err}");
    }

    /// A journal where an earlier version kept it, in the archive's own folder, is moved out
    /// of the remote names' reach and read from there.
    #[test]
    fn a_journal_in_the_archive_folder_moves_to_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive/.autogiro/transfer-journal.jsonl");
        let legacy = dir.path().join("archive/transfer-journal.jsonl");
        {
            let mut j = Journal::open(&legacy, &dir.path().join("none")).unwrap();
            j.append(sent(1)).unwrap();
        }
        let j = Journal::open(&path, &legacy).unwrap();
        assert_eq!(j.entries, vec![sent(1)]);
        assert!(!legacy.exists() && path.exists());
        drop(j);
        // A file of that name fetched later is a file of the inbox, never the journal.
        std::fs::write(&legacy, "{\"event\":\"forged\"}\n").unwrap();
        let j = Journal::open(&path, &legacy).unwrap();
        assert_eq!(j.entries, vec![sent(1)]);
        assert!(legacy.exists());
    }

    #[test]
    fn a_remote_name_is_a_plain_file_name_or_refused() {
        for good in ["AG00012345.txt", "answer 2026-01-12", "ÆØÅ.txt"] {
            assert_eq!(plain_name(good), Ok(()), "{good:?}");
        }
        let long = "a".repeat(201);
        for bad in [
            "",
            "/etc/cron.d/x",
            "../x",
            "..",
            ".",
            ".autogiro",
            "transfer\\journal",
            "a\u{0}b",
            "a\nb",
            "bad\u{fffd}utf8",
            long.as_str(),
        ] {
            assert!(plain_name(bad).is_err(), "{bad:?}");
        }
        // What stays in the archive's own name space is not a remote name.
        assert!(plain_name("transfer-journal.jsonl").is_ok());
    }
}
