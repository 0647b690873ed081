//! The command's failures in the language asked for: its own messages ([`Told`], made with
//! [`Tell::tell`] and [`told`]) and the libraries' errors, each of which says itself as a
//! `Said` ([`BookError::said`], ...), rendered one cause after another by [`render`], as
//! `anyhow`'s `{:#}` joins them.

use std::fmt;

use autogiro::book::BookError;
use autogiro::model::{Lang, Said};
use autogiro::settings::SettingsError;
use autogiro::transfer::TransferError;

/// A message of the command, in any language, with the error it is about.
#[derive(Debug)]
pub(crate) struct Told {
    said: Said,
    source: Option<anyhow::Error>,
}

impl fmt::Display for Told {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.said, f)
    }
}

impl std::error::Error for Told {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(AsRef::as_ref)
    }
}

/// A failure of the command that `said` says alone.
pub(crate) fn told(said: Said) -> anyhow::Error {
    anyhow::Error::new(Told { said, source: None })
}

/// A failure of the command that `said` says, caused by `error`.
pub(crate) fn because(said: Said, error: impl Into<anyhow::Error>) -> anyhow::Error {
    anyhow::Error::new(Told {
        said,
        source: Some(error.into()),
    })
}

/// `anyhow`'s `context`, in any language: the error, said by `said` first.
pub(crate) trait Tell<T> {
    fn tell(self, said: impl FnOnce() -> Said) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> Tell<T> for Result<T, E> {
    fn tell(self, said: impl FnOnce() -> Said) -> anyhow::Result<T> {
        self.map_err(|e| because(said(), e))
    }
}

impl<T> Tell<T> for Option<T> {
    fn tell(self, said: impl FnOnce() -> Said) -> anyhow::Result<T> {
        self.ok_or_else(|| told(said()))
    }
}

/// An error and its causes in `lang`, joined by `: `: each that says itself in words of the
/// catalogue in `lang`, any other (the system's, a library's outside the project) as it is.
pub(crate) fn render(e: &anyhow::Error, lang: Lang) -> String {
    e.chain()
        .map(|cause| {
            if let Some(t) = cause.downcast_ref::<Told>() {
                t.said.render(lang)
            } else if let Some(b) = cause.downcast_ref::<BookError>() {
                b.said().render(lang)
            } else if let Some(p) = cause.downcast_ref::<autogiro::payee::Error>() {
                p.said().render(lang)
            } else if let Some(s) = cause.downcast_ref::<SettingsError>() {
                s.said().render(lang)
            } else if let Some(t) = cause.downcast_ref::<TransferError>() {
                t.said().render(lang)
            } else {
                cause.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use autogiro::payee::Error as P;
    use std::path::PathBuf;
    use time::macros::date;

    /// Every error of the libraries the command shows, and one of its own with its cause: in
    /// both languages, every place filled, the bokmål words not the English; in English as
    /// the error's own `Display` says it.
    #[test]
    #[allow(clippy::too_many_lines)] // A list of every error.
    fn every_error_is_said_in_both_languages() {
        let path = || PathBuf::from("claims.txt");
        let text = |s: &str| s.to_owned();
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let book = [
            BookError::NoBook(path()),
            BookError::Newer { found: 7, known: 6 },
            BookError::Older { found: 5, known: 6 },
            BookError::Invalid {
                name: text("claims.txt"),
                errors: 2,
                first: text("line 1"),
            },
            BookError::Unreadable {
                name: text("claims.txt"),
                message: text("gone"),
            },
            BookError::Changed(text("claims.txt")),
            BookError::TransmissionNumberUsed {
                sender: 1234,
                number: 7,
                other: text("other.txt"),
            },
            BookError::AssignmentNumberTaken {
                agreement_id: 56789,
                number: 1,
                other: text("other.txt"),
                used: date!(2026 - 01 - 10),
                free: date!(2027 - 01 - 11),
            },
            BookError::OtherCustomerUnit {
                name: text("answer.txt"),
                direction: "from MPS for",
                found: 1,
                expected: 2,
            },
            BookError::OtherCustomerUnit {
                name: text("claims.txt"),
                direction: "to MPS from",
                found: 1,
                expected: 2,
            },
            BookError::NoSuchAnswer(1),
            BookError::NoSuchClaim(1),
            BookError::CannotResolve {
                answer: 1,
                claim: 2,
                reason: text("x"),
            },
            BookError::NotABook {
                location: text("x.db"),
                tables: text("t"),
            },
            BookError::NotEmpty,
            BookError::Storage(text("disk I/O error")),
            BookError::Corrupt(text("x")),
        ];
        let transfer = || {
            let host = || text("sftp.example");
            [
                TransferError::Unreachable {
                    host: host(),
                    port: 22,
                    reason: text("refused"),
                },
                TransferError::UnknownHostKey {
                    host: host(),
                    port: 22,
                    fingerprint: text("ssh-ed25519 SHA256:x"),
                    known_hosts: path(),
                },
                TransferError::HostKeyChanged {
                    host: host(),
                    port: 22,
                    known_hosts: path(),
                    line: 1,
                    expected: text("a"),
                    found: text("b"),
                },
                TransferError::KnownHosts {
                    path: path(),
                    reason: text("x"),
                },
                TransferError::AuthRefused {
                    host: host(),
                    user: text("u"),
                    offered: text("k"),
                },
                TransferError::NoSftp {
                    host: host(),
                    user: text("u"),
                },
                TransferError::Key {
                    path: path(),
                    reason: text("x"),
                },
                TransferError::Agent { reason: text("x") },
                TransferError::NoSuchDirectory { dir: text("/in") },
                TransferError::NoSuchFile {
                    path: text("/in/x"),
                },
                TransferError::PermissionDenied {
                    what: "sftp-op.writing",
                    path: text("/out/x"),
                },
                TransferError::RemoteExists {
                    path: text("/out/x"),
                },
                TransferError::MaybeSent {
                    path: text("/out/x"),
                },
                TransferError::SizeMismatch {
                    path: text("/out/x"),
                    expected: 1,
                    found: 2,
                },
                TransferError::Remote {
                    what: "sftp-op.removing",
                    path: text("/in/x"),
                    message: text("x"),
                },
                TransferError::DiskFull { path: path() },
                TransferError::Local {
                    path: path(),
                    source: io(),
                },
                TransferError::LocalExists { path: path() },
                TransferError::Lost {
                    host: host(),
                    port: 22,
                    what: Said::new("sftp-doing.uploading").with("path", "claims.txt"),
                    attempts: 3,
                    reason: text("reset"),
                },
            ]
        };
        let payee = [
            P::Io {
                what: "io.read",
                path: path(),
                source: io(),
            },
            P::Journal {
                path: path(),
                line: 3,
                message: text("x"),
            },
            P::NoBook,
            P::NoBookForNumbers,
            P::NoTransferSettings,
            P::UnknownHostKey(transfer().into_iter().nth(1).unwrap()),
            P::NotRecorded {
                file: text("claims.txt"),
                source: BookError::NotEmpty,
            },
            P::NoTransmissionStart { path: path() },
            P::ChangedWhileDownloading {
                listed: 1,
                downloaded: 2,
            },
        ];
        let settings = [
            SettingsError::Io {
                path: path(),
                source: io(),
            },
            SettingsError::NotFound,
        ];
        let mut errors: Vec<anyhow::Error> = Vec::new();
        errors.extend(book.into_iter().map(anyhow::Error::new));
        errors.extend(transfer().into_iter().map(anyhow::Error::new));
        errors.extend(payee.into_iter().map(anyhow::Error::new));
        errors.extend(settings.into_iter().map(anyhow::Error::new));
        errors.push(because(
            Said::new("cli.cannot-open-book").with("book", "x.db"),
            BookError::NotEmpty,
        ));
        let mut same = Vec::new();
        for e in &errors {
            let (en, nb) = (render(e, Lang::En), render(e, Lang::Nb));
            assert!(!en.contains('{') && !nb.contains('{'), "{en} / {nb}");
            assert_eq!(en, format!("{e:#}"), "English as anyhow says it");
            if en == nb {
                same.push(en);
            }
        }
        // Only those that are their values alone (`FILE: the system's error`, `FILE:LINE: ...`).
        assert_eq!(
            same,
            ["claims.txt: gone", "claims.txt:3: x"],
            "said the same in both languages"
        );
    }
}
