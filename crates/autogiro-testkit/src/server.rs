//! A real PostgreSQL server for a test, in a temporary folder, on 127.0.0.1 and a free port.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A PostgreSQL server for a test.
pub struct Postgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
    as_user: bool,
    databases: u32,
}

/// The newest `bin` folder of Debian's PostgreSQL packages.
fn bin() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path().join("bin"))
        .filter(|p| p.join("initdb").exists())
        .collect();
    found.sort_by_key(|p| {
        p.parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(0)
    });
    found.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

impl Postgres {
    /// Starts a server for a test, which needs it: the tests that call this are marked
    /// `#[ignore = "needs PostgreSQL"]` and run with `cargo test -- --include-ignored`.
    ///
    /// # Panics
    ///
    /// When PostgreSQL is not installed, or the server cannot be started.
    pub fn for_test() -> Self {
        Self::start().unwrap_or_else(|| {
            panic!("this test needs PostgreSQL's server (apt-get install postgresql)")
        })
    }

    /// Starts a server, or `None` when PostgreSQL is not installed (for a benchmark, which
    /// says so and goes on).
    ///
    /// # Panics
    ///
    /// When the server cannot be started.
    pub fn start() -> Option<Self> {
        let bin = bin()?;
        let dir = tempfile::Builder::new()
            .prefix("autogiro-pg-")
            .tempdir()
            .expect("a temporary folder");
        let as_user = is_root();
        if as_user {
            let status = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown postgres {}", dir.path().display());
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let server = Self {
            bin,
            dir,
            port,
            as_user,
            databases: 0,
        };
        let data = server.dir.path().join("data");
        server.run(
            "initdb",
            &[
                "-D",
                &data.to_string_lossy(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        server.start_again();
        Some(server)
    }

    /// Starts the server stopped by [`Postgres::stop_now`] again, on the same port with the
    /// same databases.
    ///
    /// # Panics
    ///
    /// When it does not start.
    pub fn start_again(&self) {
        let data = self.dir.path().join("data");
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40",
            self.port,
            self.dir.path().display()
        );
        self.run(
            "pg_ctl",
            &[
                "-D",
                &data.to_string_lossy(),
                "-l",
                &self.dir.path().join("log").to_string_lossy(),
                "-o",
                &options,
                "-w",
                "start",
            ],
        );
    }

    /// Stops the server at once, as a crash would: every session is cut, every open
    /// transaction lost.
    ///
    /// # Panics
    ///
    /// When it does not stop.
    pub fn stop_now(&self) {
        let data = self.dir.path().join("data");
        self.run(
            "pg_ctl",
            &[
                "-D",
                &data.to_string_lossy(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }

    /// Runs a PostgreSQL program (as `postgres` when root); panics when it fails.
    fn run(&self, program: &str, args: &[&str]) {
        let path = self.bin.join(program);
        let mut command = if self.as_user {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        };
        let out = command
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{program}: {e}"));
        assert!(
            out.status.success(),
            "{program} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A new, empty database; its URL.
    ///
    /// # Panics
    ///
    /// When the server refuses.
    pub fn database(&mut self) -> String {
        self.databases += 1;
        let name = format!("book_{}", self.databases);
        let mut client = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .expect("connect to the test server");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create a database");
        self.url(&name)
    }

    /// The URL of database `name`.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let path = self.bin.join("pg_ctl");
        let mut command = if self.as_user {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        };
        let _ = command
            .args([
                "-D",
                &data.to_string_lossy(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ])
            .output();
    }
}
