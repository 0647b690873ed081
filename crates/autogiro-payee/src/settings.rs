//! The payee's settings: what is the same in every file a payee sends, kept in `autogiro.toml`.
//!
//! ```toml
//! [payee]
//! customer_unit = "00012345"      # data sender, record 10 positions 9-16
//!
//! [[agreement]]
//! id = "000056789"                # agreement id, record 20 positions 9-17
//! account = "1234.56.78903"       # the assignment account, record 20 positions 25-35
//!
//! [[agreement]]
//! id = "000067890"                # an AvtaleGiro (and OCR giro) agreement
//! account = "1234.56.78903"
//! service = "avtalegiro"          # "autogiro" when left out
//! ```
//!
//! `[book] path = "autogiro.db"` says where the payee's book is kept (relative to the settings
//! file), or `[book] url = "postgres://user@host/db"` for one in PostgreSQL. `[transfer]`
//! holds the SFTP account at MPS ([`TransferSettings`]). Several `[[agreement]]` tables may stand in one file. A key the file does not know is an
//! error that names it and its line: a misspelt key must not be ignored.

use std::path::{Path, PathBuf};

use autogiro_checksum::AccountNumber;
use autogiro_format::Service;
use serde::{Deserialize, Deserializer};

/// The file name looked for in the current directory when no path is given.
pub const FILE_NAME: &str = "autogiro.toml";

/// The payee's settings, as read from `autogiro.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `[payee]`: who sends the files.
    pub payee: Payee,
    /// `[[agreement]]`: the payee's agreements with MPS, in the file's order.
    #[serde(rename = "agreement", default)]
    pub agreements: Vec<Agreement>,
    /// `[book]`: where the payee's book is kept.
    #[serde(default)]
    pub book: Option<BookSettings>,
    /// `[transfer]`: how files go to and come from MPS over SFTP.
    #[serde(default)]
    pub transfer: Option<TransferSettings>,
}

/// `[transfer]`: the SFTP account at MPS. Relative paths are relative to the settings file's
/// folder.
///
/// ```toml
/// [transfer]
/// host = "sftp.example.no"
/// port = 22
/// user = "c00012345"
/// private_key = "keys/id_ed25519"      # OpenSSH format, Ed25519 or RSA >= 2048 bits
/// known_hosts = "keys/known_hosts"     # OpenSSH known_hosts format
/// outbox = "/inbound"                  # remote directory where files for MPS go
/// inbox = "/outbound"                  # remote directory where MPS puts its answers
/// archive = "archive"                  # local directory for fetched files
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferSettings {
    /// `host`: the SFTP server.
    pub host: String,
    /// `port`: 22 unless given.
    #[serde(default = "default_port")]
    pub port: u16,
    /// `user`: the SFTP user MPS gave.
    pub user: String,
    /// `private_key`: the private key file (OpenSSH format). Absent: the keys of the ssh-agent
    /// at `SSH_AUTH_SOCK`. A passphrase comes from `AUTOGIRO_KEY_PASSPHRASE`.
    #[serde(default)]
    pub private_key: Option<PathBuf>,
    /// `known_hosts`: the OpenSSH `known_hosts` file that pins the server's key.
    pub known_hosts: PathBuf,
    /// `outbox`: the remote directory files for MPS are put in.
    pub outbox: String,
    /// `inbox`: the remote directory MPS puts its answers in.
    pub inbox: String,
    /// `archive`: the local directory fetched files are kept in. The transfer journal,
    /// `.autogiro/transfer-journal.jsonl`, is kept in it too, in a folder no remote name reaches.
    pub archive: PathBuf,
    /// `outgoing`: the local directory of files waiting to be sent, which `autogiro daily`
    /// sends (those not sent yet; default `outgoing`, beside the settings file).
    #[serde(default = "default_outgoing")]
    pub outgoing: PathBuf,
    /// `remote_name`: the name a file sent gets on the server, from `{customer_unit}` (the
    /// data sender of record 10, 8 digits), `{transmission}` (its transmission number, 7
    /// digits), `{date}` (the day it is sent, `YYYYMMDD`) and `{file}` (the local file's name).
    /// Default `autogiro-{customer_unit}-{transmission}.txt`.
    #[serde(default = "default_remote_name")]
    pub remote_name: String,
    /// `timeout`: seconds to wait for the connection, and for any one answer of the server
    /// (default 30).
    #[serde(default = "default_timeout")]
    pub timeout: u64,
    /// `retries`: how many times a lost connection is made again for one operation, waiting
    /// 1, 2, 4, ... seconds (default 3).
    #[serde(default = "default_retries")]
    pub retries: u32,
}

fn default_port() -> u16 {
    22
}

fn default_outgoing() -> PathBuf {
    PathBuf::from("outgoing")
}

fn default_remote_name() -> String {
    "autogiro-{customer_unit}-{transmission}.txt".to_owned()
}

fn default_timeout() -> u64 {
    30
}

fn default_retries() -> u32 {
    3
}

impl TransferSettings {
    /// The remote name of the file `file` with data sender `customer_unit` and transmission
    /// number `transmission`, sent on `date`, after [`TransferSettings::remote_name`].
    ///
    /// ```
    /// use autogiro_payee::settings::Settings;
    ///
    /// let s = Settings::parse("[payee]\ncustomer_unit = \"12345\"\n[transfer]\nhost = \"h\"\nuser = \"u\"\nknown_hosts = \"k\"\noutbox = \"/in\"\ninbox = \"/out\"\narchive = \"a\"\n")?;
    /// let t = s.transfer.expect("[transfer]");
    /// assert_eq!(t.remote_name_of(12345, 42, "20261201", "claims.txt"), "autogiro-00012345-0000042.txt");
    /// # Ok::<(), String>(())
    /// ```
    pub fn remote_name_of(
        &self,
        customer_unit: u32,
        transmission: u32,
        date: &str,
        file: &str,
    ) -> String {
        self.remote_name
            .replace("{customer_unit}", &format!("{customer_unit:08}"))
            .replace("{transmission}", &format!("{transmission:07}"))
            .replace("{date}", date)
            .replace("{file}", file)
    }

    /// What is wrong with `remote_name`, if anything: an unknown `{placeholder}`, a `/`, no
    /// `{transmission}` or `{file}` (two files would get one name), or a leading `.`.
    fn check_remote_name(&self) -> Result<(), String> {
        let name = &self.remote_name;
        let mut rest = name.as_str();
        while let Some(open) = rest.find('{') {
            let after = rest.get(open + 1..).unwrap_or_default();
            let Some(close) = after.find('}') else {
                return Err(format!("[transfer] remote_name {name:?}: a {{ without }}"));
            };
            let placeholder = after.get(..close).unwrap_or_default();
            if !matches!(
                placeholder,
                "customer_unit" | "transmission" | "date" | "file"
            ) {
                return Err(format!(
                    "[transfer] remote_name {name:?}: unknown {{{placeholder}}}, expected {{customer_unit}}, {{transmission}}, {{date}} or {{file}}"
                ));
            }
            rest = after.get(close + 1..).unwrap_or_default();
        }
        if name.contains('/') || name.starts_with('.') || name.is_empty() {
            return Err(format!(
                "[transfer] remote_name {name:?}: a file name, without / and not starting with ."
            ));
        }
        if !name.contains("{transmission}") && !name.contains("{file}") {
            return Err(format!(
                "[transfer] remote_name {name:?}: needs {{transmission}} or {{file}}, or every file would get the same name"
            ));
        }
        Ok(())
    }

    /// The transfer journal: what was sent and fetched, one JSON object a line.
    pub fn journal(&self) -> PathBuf {
        self.archive
            .join(".autogiro")
            .join("transfer-journal.jsonl")
    }

    /// The connection settings of `autogiro_transfer`: the key file (with `passphrase`), or
    /// the ssh-agent when `private_key` is absent; a new host key recorded when
    /// `accept_new_host_key`.
    pub fn connection(
        &self,
        passphrase: Option<String>,
        accept_new_host_key: bool,
    ) -> autogiro_transfer::Config {
        let identity = match &self.private_key {
            Some(path) => autogiro_transfer::Identity::KeyFile {
                path: path.clone(),
                passphrase,
            },
            None => autogiro_transfer::Identity::Agent,
        };
        let mut config = autogiro_transfer::Config::new(
            self.host.clone(),
            self.user.clone(),
            identity,
            self.known_hosts.clone(),
        );
        config.port = self.port;
        config.accept_new_host_key = accept_new_host_key;
        config.connect_timeout = std::time::Duration::from_secs(self.timeout);
        config.idle_timeout = std::time::Duration::from_secs(self.timeout);
        config.retries = self.retries;
        config
    }
}

/// `[book]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookSettings {
    /// `path`: the book's SQLite file; relative to the settings file's folder.
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// `url`: a PostgreSQL database instead (`postgres://user@host/db`, `?sslmode=require` for
    /// TLS), for a book shared by several machines.
    #[serde(default)]
    pub url: Option<String>,
}

impl BookSettings {
    /// Where the book is: the URL, or the path, as `autogiro_book::Book::open_at` takes it.
    pub fn location(&self) -> Option<String> {
        self.url
            .clone()
            .or_else(|| self.path.as_ref().map(|p| p.to_string_lossy().into_owned()))
    }
}

/// `[payee]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payee {
    /// `customer_unit`: the customer unit id (kundeenhet-ID), the data sender of record 10
    /// (positions 9-16), up to 8 digits.
    #[serde(deserialize_with = "digits::<_, 8>")]
    pub customer_unit: u32,
}

/// `[[agreement]]`: one agreement (avtale) with MPS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// `id`: the agreement id MPS gave, record 20 positions 9-17, up to 9 digits.
    #[serde(deserialize_with = "digits::<_, 9>")]
    pub id: u32,
    /// `account`: the payee's account the agreement credits, record 20 positions 25-35
    /// (`1234.56.78903`, `1234 56 78903` or `12345678903`).
    #[serde(deserialize_with = "account")]
    pub account: AccountNumber,
    /// `service`: `"autogiro"` (the default) or `"avtalegiro"`: which files the agreement's
    /// claims go in (`new claims --service`, `new cancellations`), and, for AvtaleGiro, the
    /// agreement whose OCR giro payments (the settled claims among them) the book keeps.
    #[serde(default = "autogiro", deserialize_with = "service")]
    pub service: Service,
}

fn autogiro() -> Service {
    Service::Autogiro
}

/// An agreement's service: `autogiro` or `avtalegiro` (OCR giro is what MPS reports of an
/// agreement, not one of its own here).
fn service<'de, D: Deserializer<'de>>(d: D) -> Result<Service, D::Error> {
    let s = String::deserialize(d)?;
    match s.as_str() {
        "autogiro" => Ok(Service::Autogiro),
        "avtalegiro" => Ok(Service::AvtaleGiro),
        _ => Err(serde::de::Error::custom(format!(
            "service {s:?}: expected \"autogiro\" or \"avtalegiro\""
        ))),
    }
}

/// Why the settings could not be had.
#[derive(Debug)]
#[non_exhaustive]
pub enum SettingsError {
    /// The file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// No path was given and there is no `autogiro.toml` in the current directory.
    NotFound,
    /// The file is not valid settings: the message names the key and the line.
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where (`line 5, column 1: unknown field ...`).
        message: String,
    },
}

impl SettingsError {
    /// What it says, in any language ([`Said::render`](autogiro_model::Said::render)); its
    /// `Display` is the English.
    pub fn said(&self) -> autogiro_model::Said {
        use autogiro_model::Said;
        match self {
            Self::Io { path, source } => Said::new("err.settings.io")
                .with("path", path.display())
                .with("error", source),
            Self::NotFound => Said::new("err.settings.not-found").with("file", FILE_NAME),
            Self::Invalid { path, message } => Said::new("err.settings.invalid")
                .with("path", path.display())
                .with("message", message),
        }
    }
}

/// [`SettingsError::said`] in English.
impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said().render(autogiro_model::Lang::En))
    }
}

/// Its message says its cause (the system's error): no source is told again after it.
impl std::error::Error for SettingsError {}

impl Settings {
    /// Reads the settings from `path`, or from `./autogiro.toml` when `path` is `None`.
    ///
    /// # Errors
    ///
    /// [`SettingsError`].
    pub fn load(path: Option<&Path>) -> Result<Self, SettingsError> {
        let path = path.map_or_else(|| PathBuf::from(FILE_NAME), Path::to_path_buf);
        if !path.exists() && path.as_os_str() == FILE_NAME {
            return Err(SettingsError::NotFound);
        }
        let text = std::fs::read_to_string(&path).map_err(|source| SettingsError::Io {
            path: path.clone(),
            source,
        })?;
        let mut settings = Self::parse(&text).map_err(|message| SettingsError::Invalid {
            path: path.clone(),
            message,
        })?;
        if let Some(book) = &mut settings.book
            && let Some(p) = &book.path
            && p.is_relative()
            && let Some(folder) = path.parent()
        {
            book.path = Some(folder.join(p));
        }
        if let Some(t) = &mut settings.transfer
            && let Some(folder) = path.parent()
        {
            for p in [
                Some(&mut t.known_hosts),
                Some(&mut t.archive),
                Some(&mut t.outgoing),
                t.private_key.as_mut(),
            ]
            .into_iter()
            .flatten()
            {
                if p.is_relative() {
                    *p = folder.join(&*p);
                }
            }
        }
        Ok(settings)
    }

    /// The settings in `text` (TOML); the error names the key and the line.
    ///
    /// ```
    /// use autogiro_payee::settings::Settings;
    ///
    /// let s = Settings::parse("[payee]\ncustomer_unit = \"00012345\"\n\n[[agreement]]\nid = \"56789\"\naccount = \"1234 56 78903\"\n")?;
    /// assert_eq!(s.payee.customer_unit, 12345);
    /// assert_eq!(s.agreements[0].account.as_str(), "12345678903");
    ///
    /// let typo = Settings::parse("[payee]\ncustomer_unti = \"00012345\"\n").unwrap_err();
    /// assert!(typo.contains("line 2") && typo.contains("customer_unti"), "{typo}");
    /// # Ok::<(), String>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A message naming the line, the key and what was expected.
    pub fn parse(text: &str) -> Result<Self, String> {
        let settings: Self = toml::from_str(text).map_err(|e| one_line(&e, text))?;
        if let Some(book) = &settings.book
            && book.path.is_some() == book.url.is_some()
        {
            return Err("[book] takes either path (an SQLite file) or url (PostgreSQL)".to_owned());
        }
        if let Some(t) = &settings.transfer {
            t.check_remote_name()?;
        }
        let mut seen = std::collections::BTreeSet::new();
        for a in &settings.agreements {
            if !seen.insert(a.id) {
                return Err(format!("agreement {:09} is listed twice", a.id));
            }
        }
        Ok(settings)
    }

    /// The agreement with `id`.
    pub fn agreement(&self, id: u32) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.id == id)
    }
}

/// A TOML error as one line: `line 5, column 1: unknown field ...`.
fn one_line(e: &toml::de::Error, text: &str) -> String {
    let message = e.message().trim_end().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}

/// A number of at most `N` digits written as a string (`"00012345"`), as the records carry it.
fn digits<'de, D: Deserializer<'de>, const N: usize>(d: D) -> Result<u32, D::Error> {
    use serde::de::Error as _;
    let s = String::deserialize(d)?;
    if s.is_empty() || s.len() > N || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(D::Error::custom(format!(
            "expected up to {N} digits in quotes, found {s:?}"
        )));
    }
    s.parse()
        .map_err(|_| D::Error::custom(format!("{s:?} is too large")))
}

fn account<'de, D: Deserializer<'de>>(d: D) -> Result<AccountNumber, D::Error> {
    use serde::de::Error as _;
    let s = String::deserialize(d)?;
    AccountNumber::parse(&s).map_err(|e| D::Error::custom(format!("account {s:?}: {e}")))
}
