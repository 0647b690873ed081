//! `cargo xtask bench-transfer [N]`: `send` and `fetch` of a large file through a real sshd on
//! 127.0.0.1, next to `scp` of the same file.

use std::path::{Path, PathBuf};

use crate::{Timing, mib, release_and_claims, root, time_once};

/// A real sshd on 127.0.0.1 with its inbound and outbound folders, and a payee's folder
/// `target/bench-data/NAME` (made anew) with a key, the server's key pinned and settings
/// (`autogiro.toml`) to it.
pub(crate) struct SftpPayee {
    pub(crate) sshd: autogiro_testkit::Sshd,
    pub(crate) dir: PathBuf,
    pub(crate) key: PathBuf,
    pub(crate) settings: String,
}

impl SftpPayee {
    pub(crate) fn start(root: &Path, name: &str) -> Result<Self, String> {
        let sshd = autogiro_testkit::Sshd::start().ok_or("sshd is not installed")?;
        let dir = root.join("target/bench-data").join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let key = sshd.client_key(&dir, "ed25519", 256, "", true);
        for d in ["inbound", "outbound"] {
            std::fs::create_dir_all(sshd.remote().join(d)).map_err(|e| e.to_string())?;
        }
        std::fs::write(dir.join("known_hosts"), sshd.known_hosts_line())
            .map_err(|e| e.to_string())?;
        let settings = transfer_settings(&sshd, &dir, &key)?;
        Ok(Self {
            sshd,
            dir,
            key,
            settings,
        })
    }
}

/// `cargo xtask bench-transfer [N]`: the file of N claims up and down through OpenSSH's sshd
/// on 127.0.0.1 (started for the run), by `autogiro send` / `fetch` and by `scp`, alternating,
/// three times each; the median and the largest peak RSS.
pub(crate) fn bench_transfer(n: Option<&str>) -> Result<(), String> {
    let root = root();
    let (n, data, bytes) = release_and_claims(&root, n, 9_999_999)?;
    let cli = root.join("target/release/autogiro");
    let SftpPayee {
        sshd,
        dir: payee,
        key,
        settings,
    } = SftpPayee::start(&root, "transfer")?;
    let remote = sshd.remote();
    let known_hosts = payee.join("known_hosts");

    let file = data.to_string_lossy().into_owned();
    let archive = payee.join("archive");
    let scp_options = scp_options(&sshd, &key, &known_hosts);
    let up_target = format!(
        "{}@127.0.0.1:{}/inbound/scp.txt",
        sshd.user(),
        remote.display()
    );
    let down_source = format!(
        "{}@127.0.0.1:{}/outbound/answer.txt",
        sshd.user(),
        remote.display()
    );
    let scp_down_to = payee.join("scp-down.txt").to_string_lossy().into_owned();
    let send_args = [
        "--config",
        &settings,
        "send",
        &file,
        "--today",
        "2026-01-10",
    ];
    let fetch_args = [
        "--config",
        &settings,
        "fetch",
        "--keep-remote",
        "--today",
        "2026-01-10",
    ];
    let scp_up: Vec<&str> = scp_options
        .iter()
        .map(String::as_str)
        .chain([file.as_str(), up_target.as_str()])
        .collect();
    let scp_down: Vec<&str> = scp_options
        .iter()
        .map(String::as_str)
        .chain([down_source.as_str(), scp_down_to.as_str()])
        .collect();
    std::fs::read(&data).map_err(|e| e.to_string())?;
    let mut results: Vec<Vec<Timing>> = (0..4).map(|_| Vec::new()).collect();
    for _ in 0..3 {
        // Each run starts from nothing sent and nothing fetched.
        let clean = || -> Result<(), String> {
            let _ = std::fs::remove_dir_all(&archive);
            for f in ["inbound/scp.txt", "inbound/autogiro-00012345-0000001.txt"] {
                let _ = std::fs::remove_file(remote.join(f));
            }
            let _ = std::fs::remove_file(&scp_down_to);
            let answer = remote.join("outbound/answer.txt");
            if !answer.exists() {
                std::fs::hard_link(&data, &answer).map_err(|e| e.to_string())?;
            }
            Ok(())
        };
        clean()?;
        results[0].push(time_once(
            "autogiro send (validated, hashed, uploaded, renamed)",
            &cli,
            &send_args,
        )?);
        clean()?;
        results[1].push(time_once("scp up", Path::new("scp"), &scp_up)?);
        clean()?;
        results[2].push(time_once(
            "autogiro fetch (downloaded, synced, renamed, validated)",
            &cli,
            &fetch_args,
        )?);
        clean()?;
        results[3].push(time_once("scp down", Path::new("scp"), &scp_down)?);
    }
    print_transfer_table(n, bytes, results);
    Ok(())
}

/// The medians of the runs of each command, each beside the scp run after it.
fn print_transfer_table(n: u32, bytes: u64, results: Vec<Vec<Timing>>) {
    let timings: Vec<Timing> = results
        .into_iter()
        .map(|mut runs| {
            let rss_kib = runs.iter().filter_map(|t| t.rss_kib).max();
            runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
            let name = runs.first().map(|t| t.name.clone()).unwrap_or_default();
            let seconds = runs.get(1).map_or(0.0, |t| t.seconds);
            Timing {
                name,
                seconds,
                rss_kib,
            }
        })
        .collect();
    println!("{n} claims ({bytes} bytes) through sshd on 127.0.0.1, median of 3, alternating:\n");
    println!("| command | seconds | MB/s | x scp | peak RSS |");
    println!("|---|---|---|---|---|");
    for (i, t) in timings.iter().enumerate() {
        let scp = timings.get(i | 1).map_or(1.0, |s| s.seconds);
        #[allow(clippy::cast_precision_loss)] // Figures for a report.
        let mb_s = bytes as f64 / 1e6 / t.seconds;
        println!(
            "| {} | {:.2} | {mb_s:.0} | {:.2} | {} |",
            t.name,
            t.seconds,
            t.seconds / scp,
            mib(t.rss_kib)
        );
    }
}

/// The options of `scp` to `sshd` with `key`, the host key checked against `known_hosts`.
fn scp_options(sshd: &autogiro_testkit::Sshd, key: &Path, known_hosts: &Path) -> Vec<String> {
    vec![
        "-q".to_owned(),
        "-P".to_owned(),
        sshd.port().to_string(),
        "-i".to_owned(),
        key.to_string_lossy().into_owned(),
        "-o".to_owned(),
        format!("UserKnownHostsFile={}", known_hosts.display()),
        "-o".to_owned(),
        "StrictHostKeyChecking=yes".to_owned(),
    ]
}

/// Settings for the bench's payee in `payee`, to `sshd` with `key`; their path.
fn transfer_settings(
    sshd: &autogiro_testkit::Sshd,
    payee: &Path,
    key: &Path,
) -> Result<String, String> {
    let remote = sshd.remote();
    let settings = payee.join("autogiro.toml");
    std::fs::write(
        &settings,
        format!(
            "[payee]\ncustomer_unit = \"00012345\"\n\n[transfer]\nhost = \"127.0.0.1\"\nport = {}\nuser = \"{}\"\nprivate_key = \"{}\"\nknown_hosts = \"known_hosts\"\noutbox = \"{}/inbound\"\ninbox = \"{}/outbound\"\narchive = \"archive\"\n",
            sshd.port(),
            sshd.user(),
            key.display(),
            remote.display(),
            remote.display()
        ),
    )
    .map_err(|e| e.to_string())?;
    Ok(settings.to_string_lossy().into_owned())
}
