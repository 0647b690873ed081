//! The payee's settings: what is the same in every file a payee sends, kept in `autogiro.toml`.
//!
//! ```toml
//! [payee]
//! customer_unit = "00012345"      # data sender, record 10 positions 9-16
//!
//! [[agreement]]
//! id = "000056789"                # agreement id, record 20 positions 9-17
//! account = "1234.56.78903"       # the assignment account, record 20 positions 25-35
//! ```
//!
//! `[book] path = "autogiro.db"` says where the payee's book is kept (relative to the settings
//! file), or `[book] url = "postgres://user@host/db"` for one in PostgreSQL. Several `[[agreement]]` tables may stand in one file. A key the file does not know is an
//! error that names it and its line: a misspelt key must not be ignored.

use std::path::{Path, PathBuf};

use autogiro_checksum::AccountNumber;
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
}

/// Why the settings could not be had.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// No path was given and there is no `autogiro.toml` in the current directory.
    #[error("no settings: give --config PATH or put an {FILE_NAME} in the current directory")]
    NotFound,
    /// The file is not valid settings: the message names the key and the line.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where (`line 5, column 1: unknown field ...`).
        message: String,
    },
}

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
        Ok(settings)
    }

    /// The settings in `text` (TOML); the error names the key and the line.
    ///
    /// ```
    /// use autogiro::settings::Settings;
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
