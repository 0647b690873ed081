//! The Python library `netsgiro` (AvtaleGiro and OCR giro), the peer the model's differential
//! test reads the same files with: installed from PyPI, at the version pinned here, into a
//! virtual environment of its own under `target/peer/` the first time a test asks for it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The version of `netsgiro` the peer test was written against: its known differences are
/// this version's.
pub const VERSION: &str = "2.0.1";

/// The script that prints what `netsgiro` reads in each file (its docstring says the lines).
const DUMP: &str = include_str!("netsgiro_dump.py");

/// `netsgiro` in its virtual environment.
pub struct Netsgiro {
    python: PathBuf,
}

impl Netsgiro {
    /// The peer for a test, which needs it: the test that calls this is marked
    /// `#[ignore = "needs netsgiro"]` and runs with `cargo test -- --include-ignored`. The
    /// virtual environment is made whole or not at all: in a folder of its own, renamed into
    /// place once `pip` has installed the package.
    ///
    /// # Panics
    ///
    /// When Python's `venv` module is missing (`apt-get install python3-venv`) or `pip` cannot
    /// install the package (no network, no PyPI).
    pub fn for_test() -> Self {
        let dir = crate::workspace_root()
            .join("target/peer")
            .join(format!("netsgiro-{VERSION}"));
        let python = dir.join("bin/python");
        if !python.exists() {
            install(&dir);
        }
        Self { python }
    }

    /// What `netsgiro` reads in each of `files`: the lines of `netsgiro_dump.py`.
    ///
    /// # Panics
    ///
    /// When the script cannot run, or fails other than by `netsgiro` refusing a file.
    pub fn dump(&self, files: &[&Path]) -> String {
        let output = Command::new(&self.python)
            .arg("-c")
            .arg(DUMP)
            .args(files)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.python.display()));
        assert!(
            output.status.success(),
            "netsgiro_dump.py failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("netsgiro_dump.py prints UTF-8")
    }
}

/// Makes the virtual environment at `dir` with `netsgiro` in it.
fn install(dir: &Path) {
    let parent = dir.parent().expect("target/peer");
    std::fs::create_dir_all(parent).expect("target/peer");
    let building = parent.join(format!(".netsgiro-{VERSION}.{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&building);
    let run = |command: &mut Command, what: &str| {
        let output = command
            .output()
            .unwrap_or_else(|e| panic!("this test needs Python 3 ({what}): {e}"));
        assert!(
            output.status.success(),
            "this test needs {what}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    run(
        Command::new("python3").args(["-m", "venv"]).arg(&building),
        "Python's venv module (apt-get install python3-venv)",
    );
    run(
        Command::new(building.join("bin/pip")).args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &format!("netsgiro=={VERSION}"),
        ]),
        "netsgiro from PyPI (pip install netsgiro)",
    );
    // Another test run may have finished first: its environment is as good as this one.
    if std::fs::rename(&building, dir).is_err() {
        let _ = std::fs::remove_dir_all(&building);
        assert!(
            dir.join("bin/python").exists(),
            "cannot put {} in place",
            dir.display()
        );
    }
}
