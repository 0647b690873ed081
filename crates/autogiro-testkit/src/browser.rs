//! A real headless Chromium driven through Debian's `chromedriver`, and a static file server
//! on 127.0.0.1 that records every request: what the web page's tests and `cargo xtask
//! bench-web` run the page in.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Map, Value, json};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// Serves the files of a folder over HTTP on 127.0.0.1 and a free port, one thread a
/// connection, and records the path of every request. Stopped when dropped.
pub struct StaticServer {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl StaticServer {
    /// Serves `dir`.
    ///
    /// # Panics
    ///
    /// When no port can be bound.
    pub fn start(dir: &Path) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port for the page");
        let port = listener.local_addr().expect("its address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (dir, seen, stopped) = (dir.to_owned(), requests.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (dir, seen) = (dir.clone(), seen.clone());
                std::thread::spawn(move || serve(&stream, &dir, &seen));
            }
        });
        Self {
            port,
            requests,
            stop,
        }
    }

    /// `http://127.0.0.1:PORT/` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }

    /// The paths requested so far, in order.
    ///
    /// # Panics
    ///
    /// When a serving thread panicked.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("requests").clone()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(stream: &TcpStream, dir: &Path, seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream);
    let mut request = String::new();
    // A connection opened ahead (Chromium preconnects) and closed without a request asks for
    // nothing.
    if reader.read_line(&mut request).is_err() || request.trim().is_empty() {
        return;
    }
    // The headers are read and ignored.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    if let Ok(mut seen) = seen.lock() {
        seen.push(path.clone());
    }
    let name = path
        .split('?')
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let name = if name.is_empty() { "index.html" } else { name };
    let file = (!name.contains("..") && !name.contains('/'))
        .then(|| std::fs::read(dir.join(name)).ok())
        .flatten();
    let mut out = stream;
    let _ = match file {
        Some(body) => {
            let kind = match name.rsplit('.').next() {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("css") => "text/css; charset=utf-8",
                Some("wasm") => "application/wasm",
                Some("png") => "image/png",
                _ => "application/octet-stream",
            };
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                body.len()
            )
            .and_then(|()| out.write_all(&body))
        }
        None => out
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    };
}

/// Debian's `chromedriver` on 127.0.0.1 and a free port, driving Debian's `chromium`
/// headless. Stopped when dropped.
pub struct ChromeDriver {
    child: Child,
    port: u16,
}

impl ChromeDriver {
    /// Starts it for a test, which needs it: the tests that call this are marked
    /// `#[ignore = "needs Chromium"]` and run with `cargo test -- --include-ignored`.
    ///
    /// # Panics
    ///
    /// When Chromium or `ChromeDriver` is not installed, or it does not start.
    pub fn for_test() -> Self {
        Self::start().unwrap_or_else(|| {
            panic!("this test needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
        })
    }

    /// Starts it, or `None` when Chromium or `ChromeDriver` is not installed (for a benchmark,
    /// which says so and goes on).
    ///
    /// # Panics
    ///
    /// When it does not start.
    pub fn start() -> Option<Self> {
        if !Path::new(CHROMEDRIVER).exists() || !Path::new(CHROMIUM).exists() {
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Self { child, port })
    }

    /// A new headless browser whose preferred language is `language` (`nb`, `en-US`), with
    /// its own empty profile, downloads going to `downloads`. Without the background
    /// networking flags Chromium would try to reach Google's hosts.
    ///
    /// # Panics
    ///
    /// When the session cannot be made.
    pub async fn browser(&self, language: &str, profile: &Path, downloads: &Path) -> Client {
        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--window-size=1200,1400".to_owned(),
            format!("--lang={language}"),
            format!("--user-data-dir={}", profile.display()),
        ];
        let options = json!({
            "binary": CHROMIUM,
            "args": args,
            "prefs": {
                "intl.accept_languages": language,
                "download.default_directory": downloads,
                "download.prompt_for_download": false,
            },
        });
        let mut capabilities = Map::new();
        capabilities.insert("goog:chromeOptions".to_owned(), options);
        capabilities.insert("browserName".to_owned(), Value::from("chrome"));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a browser session through chromedriver")
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `script` in the page every 20 ms until it gives `true`.
///
/// # Errors
///
/// A sentence when it has not within `limit`, or the browser fails.
pub async fn until(client: &Client, script: &str, limit: Duration) -> Result<(), String> {
    let started = Instant::now();
    loop {
        let done = client
            .execute(script, Vec::new())
            .await
            .map_err(|e| e.to_string())?;
        if done == Value::Bool(true) {
            return Ok(());
        }
        if started.elapsed() > limit {
            return Err(format!("not there after {limit:?}: {script}"));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub use crate::workspace_root;
