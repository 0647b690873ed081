//! The server's host key against an OpenSSH `known_hosts` file: known, unknown (recorded only
//! when asked, like OpenSSH's `StrictHostKeyChecking accept-new`), or changed (refused always).

use std::path::Path;

use russh::keys::{HashAlg, PublicKey};

use crate::TransferError;

/// What the check found out about the server's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostKey {
    /// The key's algorithm and SHA-256 fingerprint as OpenSSH prints them:
    /// `ssh-ed25519 SHA256:...`.
    pub fingerprint: String,
    /// The key was not in `known_hosts` and has been recorded there now.
    pub recorded: bool,
}

/// `ALGORITHM SHA256:...` of `key`.
pub(crate) fn fingerprint(key: &PublicKey) -> String {
    format!(
        "{} {}",
        key.algorithm().as_str(),
        key.fingerprint(HashAlg::Sha256)
    )
}

/// Checks `key`, shown by `host:port`, against `known_hosts`; records it when it is unknown and
/// `accept_new` is set.
pub(crate) fn check(
    known_hosts: &Path,
    host: &str,
    port: u16,
    key: &PublicKey,
    accept_new: bool,
) -> Result<HostKey, TransferError> {
    let unusable = |reason: String| TransferError::KnownHosts {
        path: known_hosts.to_path_buf(),
        reason,
    };
    if let Some(open) = crate::session::too_open(known_hosts, 0o022) {
        return Err(unusable(format!(
            "permissions {open:04o}: others may write it, and so pin any server's key (OpenSSH refuses it too); chmod 644 {}",
            known_hosts.display()
        )));
    }
    let text = match std::fs::read_to_string(known_hosts) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(unusable(e.to_string())),
    };
    let found = fingerprint(key);
    let entries = entries(&text, host, port);
    if let Some(line) = entries
        .iter()
        .find(|e| e.revoked && e.key.key_data() == key.key_data())
        .map(|e| e.line)
    {
        return Err(unusable(format!(
            "line {line} marks the key {found} of {host} as revoked"
        )));
    }
    let recorded: Vec<&Entry> = entries.iter().filter(|e| !e.revoked).collect();
    if recorded.iter().any(|e| e.key.key_data() == key.key_data()) {
        return Ok(HostKey {
            fingerprint: found,
            recorded: false,
        });
    }
    // A key of the same algorithm first, else any other key recorded for the host: either way
    // the server is not showing the key recorded for it.
    let other = recorded
        .iter()
        .find(|e| e.key.algorithm() == key.algorithm())
        .or_else(|| recorded.first());
    if let Some(e) = other {
        return Err(TransferError::HostKeyChanged {
            host: host.to_owned(),
            port,
            known_hosts: known_hosts.to_path_buf(),
            line: e.line,
            expected: fingerprint(&e.key),
            found,
        });
    }
    if !accept_new {
        return Err(TransferError::UnknownHostKey {
            host: host.to_owned(),
            port,
            fingerprint: found,
            known_hosts: known_hosts.to_path_buf(),
        });
    }
    learn(known_hosts, host, port, key).map_err(|e| unusable(e.to_string()))?;
    Ok(HostKey {
        fingerprint: found,
        recorded: true,
    })
}

/// One key recorded for the host.
struct Entry {
    /// 1-based line in the file.
    line: usize,
    key: PublicKey,
    /// `@revoked`: this key must never be accepted.
    revoked: bool,
}

/// The keys `text` records for `host:port`: plain names (`host`, `[host]:port` for a port
/// other than 22, several separated by commas) and hashed names (`|1|salt|hash`, as
/// `HashKnownHosts yes` writes them). A line that cannot be parsed, a `@cert-authority` line
/// and a line with a negated pattern that matches are passed over.
fn entries(text: &str, host: &str, port: u16) -> Vec<Entry> {
    let name = if port == 22 {
        host.to_owned()
    } else {
        format!("[{host}]:{port}")
    };
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let mut fields = line.split_whitespace();
        let Some(mut hosts) = fields.next() else {
            continue;
        };
        if hosts.starts_with('#') {
            continue;
        }
        let mut revoked = false;
        if let Some(marker) = hosts.strip_prefix('@') {
            if marker != "revoked" {
                continue;
            }
            revoked = true;
            let Some(h) = fields.next() else { continue };
            hosts = h;
        }
        let (Some(_algorithm), Some(base64)) = (fields.next(), fields.next()) else {
            continue;
        };
        let mut matched = false;
        let mut negated = false;
        for pattern in hosts.split(',') {
            if let Some(p) = pattern.strip_prefix('!') {
                negated |= p == name;
            } else {
                matched |= pattern == name || hashed_match(pattern, &name);
            }
        }
        if !matched || negated {
            continue;
        }
        if let Ok(key) = russh::keys::parse_public_key_base64(base64) {
            found.push(Entry {
                line: line_no,
                key,
                revoked,
            });
        }
    }
    found
}

/// Whether `pattern` is `|1|salt|hash` with hash = HMAC-SHA1(salt, name).
fn hashed_match(pattern: &str, name: &str) -> bool {
    use hmac::{KeyInit as _, Mac as _};
    let Some(rest) = pattern.strip_prefix("|1|") else {
        return false;
    };
    let Some((salt, hash)) = rest.split_once('|') else {
        return false;
    };
    let b64 = data_encoding::BASE64;
    let (Ok(salt), Ok(hash)) = (b64.decode(salt.as_bytes()), b64.decode(hash.as_bytes())) else {
        return false;
    };
    let Ok(mac) = hmac::Hmac::<sha1::Sha1>::new_from_slice(&salt) else {
        return false;
    };
    mac.chain_update(name.as_bytes())
        .verify_slice(&hash)
        .is_ok()
}

/// Appends `host:port key` to the file, as OpenSSH's `accept-new` does (the folder made if
/// need be), and syncs it.
fn learn(path: &Path, host: &str, port: u16, key: &PublicKey) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let before = std::fs::read(path).unwrap_or_default();
    let name = if port == 22 {
        host.to_owned()
    } else {
        format!("[{host}]:{port}")
    };
    let openssh = key
        .to_openssh()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let separator = if before.last().is_some_and(|b| *b != b'\n') {
        "\n"
    } else {
        ""
    };
    let line = format!("{separator}{name} {openssh}\n");
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(line.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED25519: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
    const OTHER: &str = "AAAAC3NzaC1lZDI1NTE5AAAAILM+rvN+ot98qgEN796jTiQfZfG1KaT0PtFDJ/XFSqti";

    fn key(b64: &str) -> PublicKey {
        russh::keys::parse_public_key_base64(b64).expect("a test key")
    }

    #[test]
    fn unknown_refused_then_recorded_then_known() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("known_hosts");
        let k = key(ED25519);
        let err = check(&path, "127.0.0.1", 2222, &k, false).expect_err("unknown");
        assert!(matches!(err, TransferError::UnknownHostKey { .. }), "{err}");
        assert!(!path.exists(), "nothing recorded without accept_new");
        let first = check(&path, "127.0.0.1", 2222, &k, true).expect("recorded");
        assert!(first.recorded);
        let text = std::fs::read_to_string(&path).expect("written");
        assert!(text.starts_with("[127.0.0.1]:2222 ssh-ed25519 "), "{text}");
        let again = check(&path, "127.0.0.1", 2222, &k, false).expect("known");
        assert!(!again.recorded);
        assert_eq!(again.fingerprint, first.fingerprint);
        assert!(again.fingerprint.starts_with("ssh-ed25519 SHA256:"));
    }

    #[test]
    fn a_changed_key_is_refused_even_with_accept_new() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("known_hosts");
        std::fs::write(
            &path,
            format!("# pinned\nsftp.example.no ssh-ed25519 {ED25519}\n"),
        )
        .expect("write");
        let err = check(&path, "sftp.example.no", 22, &key(OTHER), true).expect_err("changed");
        let TransferError::HostKeyChanged {
            line,
            expected,
            found,
            ..
        } = &err
        else {
            panic!("{err}");
        };
        assert_eq!(*line, 2);
        assert_eq!(expected, &fingerprint(&key(ED25519)));
        assert_eq!(found, &fingerprint(&key(OTHER)));
        assert!(err.to_string().contains("has changed"), "{err}");
        // The other port of the same host is another entry.
        assert!(matches!(
            check(&path, "sftp.example.no", 2222, &key(OTHER), false),
            Err(TransferError::UnknownHostKey { .. })
        ));
    }

    #[test]
    fn hashed_names_negations_and_revoked_keys() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("known_hosts");
        // `ssh-keygen -H` of "[127.0.0.1]:2222" with this salt.
        let salt = [7u8; 20];
        let hash = {
            use hmac::{KeyInit as _, Mac as _};
            let mut mac = hmac::Hmac::<sha1::Sha1>::new_from_slice(&salt).expect("key");
            mac.update(b"[127.0.0.1]:2222");
            mac.finalize().into_bytes()
        };
        let b64 = |b: &[u8]| data_encoding::BASE64.encode(b);
        std::fs::write(
            &path,
            format!(
                "|1|{}|{} ssh-ed25519 {ED25519}\nfoo,!bar ssh-ed25519 {ED25519}\n@revoked * ssh-ed25519 {OTHER}\n@revoked bar ssh-ed25519 {OTHER}\n",
                b64(&salt),
                b64(&hash)
            ),
        )
        .expect("write");
        assert!(check(&path, "127.0.0.1", 2222, &key(ED25519), false).is_ok());
        assert!(check(&path, "foo", 22, &key(ED25519), false).is_ok());
        assert!(matches!(
            check(&path, "bar", 22, &key(ED25519), false),
            Err(TransferError::UnknownHostKey { .. })
        ));
        let revoked = check(&path, "bar", 22, &key(OTHER), true).expect_err("revoked");
        assert!(revoked.to_string().contains("revoked"), "{revoked}");
    }
}
