//! The transfer against a real OpenSSH server (`autogiro_testkit::Sshd`), on 127.0.0.1.
#![cfg(test)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use autogiro_testkit::{Relay, Sshd};
use autogiro_transfer::{Config, Connection, Identity, Publication, RemoteFile, TransferError};

struct Setup {
    sshd: Sshd,
    local: tempfile::TempDir,
    key: PathBuf,
    known_hosts: PathBuf,
}

/// A server with an authorised Ed25519 key, whose host key is pinned.
fn setup() -> Setup {
    let sshd = Sshd::for_test();
    let local = tempfile::tempdir().expect("tempdir");
    let key = sshd.client_key(local.path(), "ed25519", 256, "", true);
    let known_hosts = local.path().join("known_hosts");
    std::fs::write(&known_hosts, sshd.known_hosts_line()).expect("known_hosts");
    for dir in ["inbound", "outbound"] {
        std::fs::create_dir_all(sshd.remote().join(dir)).expect("remote dir");
    }
    Setup {
        sshd,
        local,
        key,
        known_hosts,
    }
}

impl Setup {
    fn config(&self, key: &Path) -> Config {
        let mut c = Config::new(
            "127.0.0.1",
            self.sshd.user(),
            Identity::KeyFile {
                path: key.to_path_buf(),
                passphrase: None,
            },
            &self.known_hosts,
        );
        c.port = self.sshd.port();
        c.connect_timeout = Duration::from_secs(10);
        c.idle_timeout = Duration::from_secs(10);
        c.retries = 1;
        c.backoff = Duration::from_millis(50);
        c
    }

    /// A configuration that connects through `relay`, whose port `known_hosts` then names.
    fn through(&self, relay: &Relay) -> Config {
        let mut config = self.config(&self.key);
        config.port = relay.port();
        std::fs::write(
            &self.known_hosts,
            self.sshd
                .known_hosts_line()
                .replace(&self.sshd.port().to_string(), &relay.port().to_string()),
        )
        .expect("known_hosts");
        config
    }

    fn dir(&self, name: &str) -> String {
        self.sshd.remote().join(name).to_string_lossy().into_owned()
    }
}

#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn upload_list_download_remove_with_ed25519_and_rsa_2048() {
    let s = setup();
    let rsa = s.sshd.client_key(s.local.path(), "rsa", 2048, "", true);
    for key in [&s.key, &rsa] {
        let mut mps = Connection::open(s.config(key)).expect("connect");
        assert!(
            mps.host_key()
                .fingerprint
                .starts_with("ssh-ed25519 SHA256:")
        );
        assert!(!mps.host_key().recorded);
        let file = s.local.path().join("claims.txt");
        let body = "x".repeat(80 * 1000);
        std::fs::write(&file, &body).expect("write");
        let inbound = s.dir("inbound");
        assert_eq!(
            mps.publication(&inbound, "sent.txt").unwrap(),
            Publication::Absent
        );
        assert_eq!(
            mps.stage(&file, &inbound, "sent.txt").expect("stage"),
            80_000
        );
        let on_server = s.sshd.remote().join("inbound/sent.txt");
        assert!(!on_server.exists(), "staged under its hidden name only");
        assert!(matches!(
            mps.publication(&inbound, "sent.txt").unwrap(),
            Publication::Staged(RemoteFile { size: 80_000, .. })
        ));
        mps.publish(&inbound, "sent.txt", 80_000).expect("publish");
        assert_eq!(std::fs::read_to_string(&on_server).expect("arrived"), body);
        assert!(matches!(
            mps.publication(&inbound, "sent.txt").unwrap(),
            Publication::Published(RemoteFile { size: 80_000, .. })
        ));
        // Nothing is overwritten, and nothing staged is renamed twice.
        let again = mps.stage(&file, &inbound, "sent.txt").expect_err("exists");
        assert!(
            matches!(again, TransferError::RemoteExists { .. }),
            "{again}"
        );
        // The temporary name is gone and hidden files are not listed.
        let listed = mps.list(&inbound).expect("list");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].name, "sent.txt");
        assert_eq!(listed[0].size, 80_000);
        let to = s.local.path().join("back.txt");
        assert_eq!(
            mps.download(&inbound, "sent.txt", &to).expect("download"),
            80_000
        );
        assert_eq!(std::fs::read_to_string(&to).expect("local"), body);
        assert!(matches!(
            mps.download(&inbound, "sent.txt", &to),
            Err(TransferError::LocalExists { .. })
        ));
        mps.remove(&inbound, "sent.txt").expect("remove");
        assert!(!on_server.exists());
        assert!(mps.stat(&inbound, "sent.txt").expect("stat").is_none());
        std::fs::remove_file(&to).expect("clean");
    }
}

#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn a_key_the_server_does_not_know_is_refused_and_named() {
    let s = setup();
    let stranger = s.sshd.client_key(s.local.path(), "ed25519", 1, "", false);
    let err = Connection::open(s.config(&stranger)).expect_err("refused");
    assert!(matches!(err, TransferError::AuthRefused { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains(&*stranger.to_string_lossy()), "{message}");
    assert!(message.contains("SHA256:"), "{message}");
}

#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn a_passphrase_protected_key_needs_its_passphrase_and_weak_rsa_is_refused() {
    let s = setup();
    let locked = s
        .sshd
        .client_key(s.local.path(), "ed25519", 2, "sesam", true);
    let err = Connection::open(s.config(&locked)).expect_err("no passphrase");
    assert!(err.to_string().contains("AUTOGIRO_KEY_PASSPHRASE"), "{err}");
    let mut config = s.config(&locked);
    config.identity = Identity::KeyFile {
        path: locked.clone(),
        passphrase: Some("sesam".to_owned()),
    };
    Connection::open(config).expect("with the passphrase");
    let weak = s.sshd.client_key(s.local.path(), "rsa", 1024, "", true);
    let err = Connection::open(s.config(&weak)).expect_err("weak");
    assert!(err.to_string().contains("1024 bits"), "{err}");
}

#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn an_unknown_host_key_is_refused_unless_accepted_then_pinned() {
    let s = setup();
    std::fs::remove_file(&s.known_hosts).expect("forget the host");
    let err = Connection::open(s.config(&s.key)).expect_err("unknown");
    assert!(matches!(err, TransferError::UnknownHostKey { .. }), "{err}");
    assert!(!s.known_hosts.exists(), "nothing recorded");
    let mut accept = s.config(&s.key);
    accept.accept_new_host_key = true;
    let first = Connection::open(accept).expect("accepted");
    assert!(first.host_key().recorded);
    drop(first);
    let recorded = std::fs::read_to_string(&s.known_hosts).expect("recorded");
    assert_eq!(recorded, s.sshd.known_hosts_line());
    let again = Connection::open(s.config(&s.key)).expect("known now");
    assert!(!again.host_key().recorded);
}

#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn a_changed_host_key_is_refused_with_both_fingerprints() {
    let mut s = setup();
    let before = Connection::open(s.config(&s.key))
        .expect("connect")
        .host_key()
        .fingerprint
        .clone();
    s.sshd.replace_host_key();
    let mut accept = s.config(&s.key);
    accept.accept_new_host_key = true;
    let err = Connection::open(accept).expect_err("changed");
    let TransferError::HostKeyChanged {
        expected, found, ..
    } = &err
    else {
        panic!("{err}");
    };
    assert_eq!(expected, &before);
    assert_ne!(found, &before);
    assert!(err.to_string().contains(&before), "{err}");
}

#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn a_missing_remote_directory_is_named() {
    let s = setup();
    let mut mps = Connection::open(s.config(&s.key)).expect("connect");
    let missing = s.dir("nowhere");
    let err = mps.list(&missing).expect_err("missing");
    assert_eq!(
        err.to_string(),
        format!("no such remote directory: {missing}")
    );
    let file = s.local.path().join("f.txt");
    std::fs::write(&file, "x").expect("write");
    let err = mps.stage(&file, &missing, "f.txt").expect_err("missing");
    assert!(
        matches!(err, TransferError::NoSuchDirectory { .. }),
        "{err}"
    );
}

#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn a_connection_cut_in_the_middle_of_an_upload_leaves_no_file_under_its_name() {
    let s = setup();
    let file = s.local.path().join("large.txt");
    std::fs::write(&file, vec![b'7'; 8 * 1024 * 1024]).expect("write");
    let inbound = s.dir("inbound");
    let target = s.sshd.remote().join("inbound/large.txt");
    // Every connection (the first and its one retry) is cut after 2 MiB went up.
    let relay = Relay::start(s.sshd.port(), 2 * 1024 * 1024, 2);
    let config = s.through(&relay);
    let mut mps = Connection::open(config.clone()).expect("connect");
    let err = mps.stage(&file, &inbound, "large.txt").expect_err("cut");
    assert!(matches!(err, TransferError::Lost { .. }), "{err}");
    assert_eq!(relay.cut(), 2);
    assert!(!target.exists(), "no file under its final name");
    drop(mps);
    // The relay passes the next connections whole: the next upload succeeds.
    let mut mps = Connection::open(config).expect("connect again");
    let size = mps.stage(&file, &inbound, "large.txt").expect("stage");
    mps.publish(&inbound, "large.txt", size).expect("publish");
    assert_eq!(
        std::fs::metadata(&target).expect("arrived").len(),
        8 * 1024 * 1024
    );
}

#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn a_lost_connection_is_made_again_and_the_upload_completes() {
    let s = setup();
    let file = s.local.path().join("large.txt");
    std::fs::write(&file, vec![b'5'; 4 * 1024 * 1024]).expect("write");
    let relay = Relay::start(s.sshd.port(), 1024 * 1024, 1);
    let config = s.through(&relay);
    let mut mps = Connection::open(config).expect("connect");
    let size = mps
        .stage(&file, &s.dir("inbound"), "large.txt")
        .expect("the retry completes it");
    mps.publish(&s.dir("inbound"), "large.txt", size)
        .expect("publish");
    assert_eq!(mps.connections(), 2);
    assert_eq!(
        std::fs::metadata(s.sshd.remote().join("inbound/large.txt"))
            .expect("arrived")
            .len(),
        4 * 1024 * 1024
    );
}

#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn nothing_staged_is_never_published_and_a_file_taken_away_is_absent() {
    let s = setup();
    let mut mps = Connection::open(s.config(&s.key)).expect("connect");
    let inbound = s.dir("inbound");
    let err = mps
        .publish(&inbound, "never.txt", 80)
        .expect_err("nothing staged");
    assert!(matches!(err, TransferError::NoSuchFile { .. }), "{err}");
    let file = s.local.path().join("f.txt");
    std::fs::write(&file, "x".repeat(80)).expect("write");
    let size = mps.stage(&file, &inbound, "taken.txt").expect("stage");
    mps.publish(&inbound, "taken.txt", size).expect("publish");
    // MPS takes the file: neither name is on the server any more.
    std::fs::remove_file(s.sshd.remote().join("inbound/taken.txt")).expect("taken");
    assert_eq!(
        mps.publication(&inbound, "taken.txt").expect("look"),
        Publication::Absent
    );
}

/// An account the server gives no SFTP is a fault no retry changes: refused on the first
/// connection, with a sentence that says so (not "connection lost" after every retry).
#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn an_account_without_sftp_is_refused_at_once() {
    let mut s = setup();
    s.sshd.without_sftp();
    let relay = Relay::start(s.sshd.port(), u64::MAX, 0);
    let mut config = s.through(&relay);
    config.retries = 3;
    let err = Connection::open(config).expect_err("no sftp");
    assert!(matches!(err, TransferError::NoSftp { .. }), "{err}");
    assert!(err.to_string().contains("refused to start SFTP"), "{err}");
    assert_eq!(relay.connections(), 1, "not retried");
}
