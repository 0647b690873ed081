//! Making a session: TCP within the connect timeout, the host key checked against
//! `known_hosts` in the SSH layer's callback, authentication with a key file or the agent, and
//! the SFTP channel.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use russh::client;
use russh::keys::{HashAlg, PrivateKeyWithHashAlg, PublicKey, PublicKeyOrCertificate};
use russh_sftp::client::SftpSession;

use crate::connection::Failure;
use crate::known_hosts::{self, HostKey};
use crate::{Config, Identity, TransferError};

/// The SSH session and its SFTP channel.
pub(crate) struct Live {
    pub(crate) ssh: client::Handle<Handler>,
    pub(crate) sftp: SftpSession,
}

/// The SSH layer's callbacks: the server's key is checked against `known_hosts` here, and the
/// outcome kept for the caller.
pub(crate) struct Handler {
    host: String,
    port: u16,
    known_hosts: PathBuf,
    accept_new: bool,
    outcome: Arc<Mutex<Option<Result<HostKey, TransferError>>>>,
}

impl client::Handler for Handler {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        server_key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        let outcome = match server_key {
            PublicKeyOrCertificate::PublicKey { key, .. } => known_hosts::check(
                &self.known_hosts,
                &self.host,
                self.port,
                key,
                self.accept_new,
            ),
            PublicKeyOrCertificate::Certificate(_) => Err(TransferError::KnownHosts {
                path: self.known_hosts.clone(),
                reason: "the server showed a host certificate; only plain host keys are pinned"
                    .to_owned(),
            }),
        };
        let accepted = outcome.is_ok();
        if let Ok(mut slot) = self.outcome.lock() {
            *slot = Some(outcome);
        }
        Ok(accepted)
    }
}

/// Connects, checks the host key, authenticates and opens SFTP, all within the connect
/// timeout.
pub(crate) async fn connect(config: &Config) -> Result<(Live, HostKey), Failure> {
    let timeout = config.connect_timeout;
    match tokio::time::timeout(timeout, connect_within(config)).await {
        Ok(result) => result,
        Err(_) => Err(Failure::Lost(format!(
            "no connection within {} s",
            timeout.as_secs()
        ))),
    }
}

async fn connect_within(config: &Config) -> Result<(Live, HostKey), Failure> {
    let outcome = Arc::new(Mutex::new(None));
    let handler = Handler {
        host: config.host.clone(),
        port: config.port,
        known_hosts: config.known_hosts.clone(),
        accept_new: config.accept_new_host_key,
        outcome: Arc::clone(&outcome),
    };
    let ssh_config = client::Config {
        inactivity_timeout: Some(config.idle_timeout),
        keepalive_interval: Some(config.idle_timeout / 4),
        nodelay: true,
        // Bigger than the default 2 MiB so that a loopback or a fast line is not held back by
        // flow control; still bounded.
        window_size: 8 * 1024 * 1024,
        ..client::Config::default()
    };
    let connected = client::connect(
        Arc::new(ssh_config),
        (config.host.as_str(), config.port),
        handler,
    )
    .await;
    let host_key = match outcome.lock().ok().and_then(|mut o| o.take()) {
        Some(Err(e)) => return Err(Failure::Fatal(e)),
        Some(Ok(key)) => Some(key),
        None => None,
    };
    let mut ssh = match connected {
        Ok(ssh) => ssh,
        Err(russh::Error::IO(e))
            if matches!(
                e.kind(),
                std::io::ErrorKind::ConnectionRefused
                    | std::io::ErrorKind::NotFound
                    | std::io::ErrorKind::InvalidInput
            ) =>
        {
            return Err(Failure::Fatal(TransferError::Unreachable {
                host: config.host.clone(),
                port: config.port,
                reason: e.to_string(),
            }));
        }
        Err(e) => return Err(Failure::Lost(e.to_string())),
    };
    let host_key = host_key.ok_or_else(|| TransferError::KnownHosts {
        path: config.known_hosts.clone(),
        reason: "the server's key was never checked".to_owned(),
    })?;
    authenticate(&mut ssh, config).await?;
    let lost = |e: russh::Error| Failure::Lost(e.to_string());
    let mut channel = ssh.channel_open_session().await.map_err(lost)?;
    channel
        .request_subsystem(true, "sftp")
        .await
        .map_err(lost)?;
    // The server's reply: a refusal (no SFTP subsystem for this account) is not a connection
    // lost, and no retry changes it.
    loop {
        match channel.wait().await {
            Some(russh::ChannelMsg::Success) => break,
            Some(russh::ChannelMsg::Failure) => {
                return Err(Failure::Fatal(TransferError::NoSftp {
                    host: config.host.clone(),
                    user: config.user.clone(),
                }));
            }
            Some(_) => {}
            None => return Err(Failure::Lost("the server closed the channel".to_owned())),
        }
    }
    let sftp_config = russh_sftp::client::Config {
        request_timeout_secs: config.idle_timeout.as_secs().max(1),
        ..russh_sftp::client::Config::default()
    };
    let sftp = SftpSession::new_with_config(channel.into_stream(), sftp_config)
        .await
        .map_err(|e| Failure::Lost(format!("the server did not start SFTP: {e}")))?;
    Ok((Live { ssh, sftp }, host_key))
}

/// Authenticates with the configured key file, or with each key of the ssh-agent in turn.
async fn authenticate(ssh: &mut client::Handle<Handler>, config: &Config) -> Result<(), Failure> {
    let lost = |e: russh::Error| Failure::Lost(e.to_string());
    let refused = |offered: String| {
        Failure::Fatal(TransferError::AuthRefused {
            host: config.host.clone(),
            user: config.user.clone(),
            offered,
        })
    };
    // The hash for an RSA key's signature that the server takes (rsa-sha2-512/256).
    let rsa_hash = ssh.best_supported_rsa_hash().await.map_err(lost)?.flatten();
    match &config.identity {
        Identity::KeyFile { path, passphrase } => {
            let key = load_key(path, passphrase.as_deref())?;
            let offered = format!(
                "the key {} ({})",
                path.display(),
                known_hosts::fingerprint(key.public_key())
            );
            let result = ssh
                .authenticate_publickey(
                    config.user.as_str(),
                    PrivateKeyWithHashAlg::new(Arc::new(key), rsa_hash),
                )
                .await
                .map_err(lost)?;
            if result.success() {
                Ok(())
            } else {
                Err(refused(offered))
            }
        }
        Identity::Agent => agent(ssh, config, rsa_hash, refused).await,
    }
}

/// Reads a private key, refusing an RSA key under 2048 bits.
fn load_key(path: &Path, passphrase: Option<&str>) -> Result<russh::keys::PrivateKey, Failure> {
    let bad = |reason: String| {
        Failure::Fatal(TransferError::Key {
            path: path.to_path_buf(),
            reason,
        })
    };
    if let Some(open) = too_open(path, 0o077) {
        return Err(bad(format!(
            "permissions {open:04o} are too open: a private key must not be readable or writable by others (OpenSSH refuses it too: \"UNPROTECTED PRIVATE KEY FILE\"); chmod 600 {}",
            path.display()
        )));
    }
    let key = russh::keys::load_secret_key(path, passphrase).map_err(|e| match e {
        russh::keys::Error::KeyIsEncrypted => {
            bad("it is protected by a passphrase: set AUTOGIRO_KEY_PASSPHRASE".to_owned())
        }
        russh::keys::Error::IO(io) => bad(io.to_string()),
        other if passphrase.is_some() => bad(format!("{other} (is the passphrase right?)")),
        other => bad(other.to_string()),
    })?;
    if let Some(bits) = rsa_bits(key.public_key())
        && bits < 2048
    {
        return Err(bad(format!(
            "an RSA key of {bits} bits; MPS and this tool need at least 2048"
        )));
    }
    Ok(key)
}

/// The permission bits of the file at `path` when any of `forbidden` is set (`0o077`: group
/// or others may read or write it); `None` when it is safe, or cannot be looked at (reading it
/// then says why).
#[cfg(unix)]
pub(crate) fn too_open(path: &Path, forbidden: u32) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & forbidden != 0).then_some(mode)
}

/// Permissions are not looked at where there are no Unix modes.
#[cfg(not(unix))]
pub(crate) fn too_open(_path: &Path, _forbidden: u32) -> Option<u32> {
    None
}

/// The size of an RSA key's modulus in bits; `None` for other keys.
fn rsa_bits(key: &PublicKey) -> Option<usize> {
    let rsa = key.key_data().rsa()?;
    let n = rsa.n().as_positive_bytes()?;
    let first = n.first().copied().unwrap_or(0);
    Some(n.len() * 8 - first.leading_zeros() as usize)
}

#[cfg(unix)]
async fn agent(
    ssh: &mut client::Handle<Handler>,
    config: &Config,
    rsa_hash: Option<HashAlg>,
    refused: impl Fn(String) -> Failure,
) -> Result<(), Failure> {
    use russh::keys::agent::AgentIdentity;
    use russh::keys::agent::client::AgentClient;
    let no_agent = |reason: String| Failure::Fatal(TransferError::Agent { reason });
    let mut agent = AgentClient::connect_env().await.map_err(|e| {
        no_agent(format!(
            "{e} (no private_key is set, so the keys of an ssh-agent at SSH_AUTH_SOCK are used)"
        ))
    })?;
    let identities = agent
        .request_identities()
        .await
        .map_err(|e| no_agent(e.to_string()))?;
    let mut offered = Vec::new();
    for identity in identities {
        let AgentIdentity::PublicKey { key, comment } = identity else {
            continue;
        };
        offered.push(format!("{} {comment}", known_hosts::fingerprint(&key)));
        let hash = (key.algorithm().is_rsa()).then_some(rsa_hash).flatten();
        let result = ssh
            .authenticate_publickey_with(config.user.as_str(), key, hash, &mut agent)
            .await
            .map_err(|e| no_agent(e.to_string()))?;
        if result.success() {
            return Ok(());
        }
    }
    if offered.is_empty() {
        return Err(no_agent("the agent holds no key".to_owned()));
    }
    Err(refused(format!(
        "the ssh-agent's keys {}",
        offered.join(", ").trim_end()
    )))
}

#[cfg(not(unix))]
async fn agent(
    _ssh: &mut client::Handle<Handler>,
    _config: &Config,
    _rsa_hash: Option<HashAlg>,
    _refused: impl Fn(String) -> Failure,
) -> Result<(), Failure> {
    Err(Failure::Fatal(TransferError::Agent {
        reason: "an ssh-agent is used on Unix only here; set private_key".to_owned(),
    }))
}
