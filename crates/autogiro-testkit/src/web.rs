//! The validator's web page built: what `cargo xtask web` runs, and the page's browser tests
//! before they serve it.
//!
//! The crate `autogiro-web` is compiled to `wasm32-unknown-unknown` in its own target folder
//! (`target/web-build`, so that a build started from inside `cargo test` never waits on the
//! test's own lock), its JavaScript bindings made by the `wasm-bindgen` command of the same
//! version as the `wasm-bindgen` crate in `Cargo.lock`, and the page's files copied beside
//! them. The page appears in `target/web/` whole or not at all: it is built beside and
//! renamed into place.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `wasm-bindgen` version that `Cargo.lock` pins.
///
/// # Errors
///
/// When `Cargo.lock` cannot be read or names no `wasm-bindgen`.
pub fn wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
        {
            return Ok(version.to_owned());
        }
    }
    Err("Cargo.lock names no wasm-bindgen".to_owned())
}

/// What is missing to build the page, in a sentence with the command that installs it; `None`
/// when the `wasm-bindgen` command of the pinned version and the wasm target are there.
pub fn tools_missing(root: &Path) -> Option<String> {
    let version = match wasm_bindgen_version(root) {
        Ok(version) => version,
        Err(e) => return Some(e),
    };
    let install = format!("cargo install wasm-bindgen-cli --version {version}");
    let found = match Command::new("wasm-bindgen").arg("--version").output() {
        Ok(out) => String::from_utf8_lossy(&out.stdout).trim().to_owned(),
        Err(e) => return Some(format!("no wasm-bindgen command ({e}): {install}")),
    };
    if found.split_whitespace().nth(1) != Some(version.as_str()) {
        return Some(format!(
            "wasm-bindgen {version} is needed, {found:?} is installed: {install}"
        ));
    }
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
    let target = sysroot.map(|s| s.join("lib/rustlib/wasm32-unknown-unknown"));
    if !target.is_some_and(|t| t.exists()) {
        return Some(
            "no wasm32-unknown-unknown target: rustup target add wasm32-unknown-unknown".to_owned(),
        );
    }
    None
}

/// Builds the page into `ROOT/target/web/` and returns that folder.
///
/// # Errors
///
/// A sentence naming the step that failed: the `wasm-bindgen` command missing or of another
/// version (with the command that installs the right one), the wasm target missing, the build.
pub fn build(root: &Path) -> Result<PathBuf, String> {
    if let Some(missing) = tools_missing(root) {
        return Err(missing);
    }
    let target = root.join("target");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args([
            "build",
            "--release",
            "--locked",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "autogiro-web",
            "--target-dir",
        ])
        .arg(target.join("web-build"))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("the wasm build of autogiro-web failed ({status})"));
    }
    let wasm = target.join("web-build/wasm32-unknown-unknown/release/autogiro_web.wasm");
    let stage = target.join("web.new");
    let out = target.join("web");
    let _ = std::fs::remove_dir_all(&stage);
    let status = Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&stage)
        .arg(&wasm)
        .status()
        .map_err(|e| format!("cannot run wasm-bindgen: {e}"))?;
    if !status.success() {
        return Err(format!("wasm-bindgen failed ({status})"));
    }
    let www = root.join("crates/autogiro-web/www");
    let entries = std::fs::read_dir(&www).map_err(|e| format!("{}: {e}", www.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, stage.join(name))
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    std::fs::rename(&stage, &out).map_err(|e| format!("cannot move the page into place: {e}"))?;
    Ok(out)
}
