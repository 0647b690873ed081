//! Where to connect and as whom: the [`Config`] of a connection and its [`Identity`].

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// Where to connect and as whom.
#[derive(Clone)]
pub struct Config {
    /// The server's host name or address.
    pub host: String,
    /// The port (22).
    pub port: u16,
    /// The user name MPS gave (the customer's SFTP user).
    pub user: String,
    /// The key pair to authenticate with.
    pub identity: Identity,
    /// The OpenSSH `known_hosts` file that pins the server's key.
    pub known_hosts: PathBuf,
    /// Record a server key that `known_hosts` does not have yet (OpenSSH's `accept-new`). A
    /// changed key is refused whatever this says.
    pub accept_new_host_key: bool,
    /// How long to wait for the connection and the authentication.
    pub connect_timeout: Duration,
    /// How long any one request may go unanswered before the connection counts as lost.
    pub idle_timeout: Duration,
    /// How many times a lost connection is made again, for one operation.
    pub retries: u32,
    /// The wait before the first retry; doubled before each next one.
    pub backoff: Duration,
}

impl Config {
    /// A configuration with the defaults: port 22, a 30 s connect timeout, a 60 s idle
    /// timeout, 3 retries after 1, 2 and 4 s, new host keys refused.
    pub fn new(
        host: impl Into<String>,
        user: impl Into<String>,
        identity: Identity,
        known_hosts: impl Into<PathBuf>,
    ) -> Self {
        Self {
            host: host.into(),
            port: 22,
            user: user.into(),
            identity,
            known_hosts: known_hosts.into(),
            accept_new_host_key: false,
            connect_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            retries: 3,
            backoff: Duration::from_secs(1),
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &self.user)
            .field("identity", &self.identity)
            .field("known_hosts", &self.known_hosts)
            .field("accept_new_host_key", &self.accept_new_host_key)
            .field("connect_timeout", &self.connect_timeout)
            .field("idle_timeout", &self.idle_timeout)
            .field("retries", &self.retries)
            .field("backoff", &self.backoff)
            .finish()
    }
}

/// The key pair that authenticates the payee.
#[derive(Clone)]
pub enum Identity {
    /// A private key file in OpenSSH format (Ed25519, or RSA of at least 2048 bits), with the
    /// passphrase that protects it, if any.
    KeyFile {
        /// The private key file.
        path: PathBuf,
        /// Its passphrase.
        passphrase: Option<String>,
    },
    /// The keys of the running ssh-agent (`SSH_AUTH_SOCK`), each offered in turn.
    Agent,
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::KeyFile { path, passphrase } => f
                .debug_struct("KeyFile")
                .field("path", path)
                .field("passphrase", &passphrase.as_ref().map(|_| "(hidden)"))
                .finish(),
            Self::Agent => f.write_str("Agent"),
        }
    }
}
