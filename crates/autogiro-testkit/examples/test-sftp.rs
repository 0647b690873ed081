//! An SFTP subsystem for OpenSSH's `sshd` (`Subsystem sftp PATH TWISTS`) that serves the real
//! files, with the twists of a hostile server that the file `TWISTS` lists, a line each:
//!
//! - `extra HEX`: a name (hex of its UTF-8 bytes: it may hold `/` or NUL) listed in every
//!   folder beside the real files, with a size; no file is behind it.
//! - `grow NAME`: the file NAME grows by a line when it is opened for reading, after it was
//!   listed: the download is longer than the listing said.
//! - `swap NAME`: the file NAME is replaced (another size and time) once it has been read to
//!   its end: what is on the server when it is removed is not what was downloaded.
//!
//! Built by `cargo test --workspace` (it builds the examples) into
//! `target/debug/examples/test-sftp`; `Sshd::with_subsystem` runs it.
// A test server: a failure is a panic with a message, as in a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashMap;
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use russh_sftp::protocol::{
    Attrs, Data, File, FileAttributes, Handle, Name, OpenFlags, Status, StatusCode,
};
use russh_sftp::server::Handler;

/// What the server twists.
#[derive(Default)]
struct Twists {
    extra: Vec<String>,
    grow: Vec<String>,
    swap: Vec<String>,
}

impl Twists {
    fn read(path: &Path) -> Self {
        let mut twists = Self::default();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("extra", hex)) => twists.extra.push(unhex(hex)),
                Some(("grow", name)) => twists.grow.push(name.to_owned()),
                Some(("swap", name)) => twists.swap.push(name.to_owned()),
                _ => {}
            }
        }
        twists
    }
}

fn unhex(hex: &str) -> String {
    let bytes: Vec<u8> = (0..hex.len() / 2)
        .filter_map(|i| hex.get(2 * i..2 * i + 2))
        .filter_map(|b| u8::from_str_radix(b, 16).ok())
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

enum Open {
    Dir { listed: bool, path: PathBuf },
    File { file: std::fs::File, path: PathBuf },
}

struct Server {
    twists: Twists,
    open: HashMap<String, Open>,
    next: u64,
}

impl Drop for Server {
    /// The stream ended (the client closed the channel): the process ends with it.
    fn drop(&mut self) {
        std::process::exit(0);
    }
}

fn status(id: u32) -> Status {
    Status {
        id,
        status_code: StatusCode::Ok,
        error_message: "Ok".to_owned(),
        language_tag: "en-US".to_owned(),
    }
}

fn io(e: &std::io::Error) -> StatusCode {
    match e.kind() {
        std::io::ErrorKind::NotFound => StatusCode::NoSuchFile,
        std::io::ErrorKind::PermissionDenied => StatusCode::PermissionDenied,
        _ => StatusCode::Failure,
    }
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Server {
    fn handle(&mut self, open: Open) -> String {
        self.next += 1;
        let handle = self.next.to_string();
        self.open.insert(handle.clone(), open);
        handle
    }
}

impl Handler for Server {
    type Error = StatusCode;

    fn unimplemented(&self) -> Self::Error {
        StatusCode::OpUnsupported
    }

    async fn realpath(&mut self, id: u32, path: String) -> Result<Name, Self::Error> {
        let real = std::fs::canonicalize(&path).map_err(|e| io(&e))?;
        Ok(Name {
            id,
            files: vec![File::dummy(real.to_string_lossy())],
        })
    }

    async fn opendir(&mut self, id: u32, path: String) -> Result<Handle, Self::Error> {
        if !Path::new(&path).is_dir() {
            return Err(StatusCode::NoSuchFile);
        }
        let handle = self.handle(Open::Dir {
            listed: false,
            path: PathBuf::from(path),
        });
        Ok(Handle { id, handle })
    }

    async fn readdir(&mut self, id: u32, handle: String) -> Result<Name, Self::Error> {
        let Some(Open::Dir { listed, path }) = self.open.get_mut(&handle) else {
            return Err(StatusCode::Failure);
        };
        if *listed {
            return Err(StatusCode::Eof);
        }
        *listed = true;
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&*path).map_err(|e| io(&e))?.flatten() {
            let meta = entry.metadata().map_err(|e| io(&e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            files.push(File::new(name, FileAttributes::from(&meta)));
        }
        for extra in &self.twists.extra {
            let mut attrs = FileAttributes::empty();
            attrs.size = Some(80);
            attrs.mtime = Some(1_767_000_000);
            attrs.permissions = Some(0o100_644);
            files.push(File::new(extra.clone(), attrs));
        }
        Ok(Name { id, files })
    }

    async fn stat(&mut self, id: u32, path: String) -> Result<Attrs, Self::Error> {
        let meta = std::fs::metadata(&path).map_err(|e| io(&e))?;
        Ok(Attrs {
            id,
            attrs: FileAttributes::from(&meta),
        })
    }

    async fn lstat(&mut self, id: u32, path: String) -> Result<Attrs, Self::Error> {
        self.stat(id, path).await
    }

    async fn fstat(&mut self, id: u32, handle: String) -> Result<Attrs, Self::Error> {
        let Some(Open::File { file, .. }) = self.open.get(&handle) else {
            return Err(StatusCode::Failure);
        };
        let meta = file.metadata().map_err(|e| io(&e))?;
        Ok(Attrs {
            id,
            attrs: FileAttributes::from(&meta),
        })
    }

    async fn open(
        &mut self,
        id: u32,
        filename: String,
        pflags: OpenFlags,
        _attrs: FileAttributes,
    ) -> Result<Handle, Self::Error> {
        let path = PathBuf::from(&filename);
        let writing = pflags.contains(OpenFlags::WRITE);
        if !writing && self.twists.grow.contains(&name_of(&path)) {
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(&path)
                .map_err(|e| io(&e))?;
            f.write_all(b"and a line more, written while it was fetched\n")
                .map_err(|e| io(&e))?;
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(writing)
            .create(pflags.contains(OpenFlags::CREATE))
            .truncate(pflags.contains(OpenFlags::TRUNCATE))
            .open(&path)
            .map_err(|e| io(&e))?;
        let handle = self.handle(Open::File { file, path });
        Ok(Handle { id, handle })
    }

    async fn read(
        &mut self,
        id: u32,
        handle: String,
        offset: u64,
        len: u32,
    ) -> Result<Data, Self::Error> {
        let Some(Open::File { file, path }) = self.open.get_mut(&handle) else {
            return Err(StatusCode::Failure);
        };
        file.seek(SeekFrom::Start(offset)).map_err(|e| io(&e))?;
        let mut data = vec![0; len.min(1 << 16) as usize];
        let n = file.read(&mut data).map_err(|e| io(&e))?;
        if n == 0 {
            // Read to its end: a swapped file is replaced now, before the client removes it.
            if self.twists.swap.contains(&name_of(path)) {
                let mut bytes = std::fs::read(&*path).map_err(|e| io(&e))?;
                bytes.extend_from_slice(b"a new file of MPS's under the same name\n");
                std::fs::write(&*path, bytes).map_err(|e| io(&e))?;
            }
            return Err(StatusCode::Eof);
        }
        data.truncate(n);
        Ok(Data { id, data })
    }

    async fn write(
        &mut self,
        id: u32,
        handle: String,
        offset: u64,
        data: Vec<u8>,
    ) -> Result<Status, Self::Error> {
        let Some(Open::File { file, .. }) = self.open.get_mut(&handle) else {
            return Err(StatusCode::Failure);
        };
        file.seek(SeekFrom::Start(offset)).map_err(|e| io(&e))?;
        file.write_all(&data).map_err(|e| io(&e))?;
        Ok(status(id))
    }

    async fn close(&mut self, id: u32, handle: String) -> Result<Status, Self::Error> {
        self.open.remove(&handle);
        Ok(status(id))
    }

    async fn remove(&mut self, id: u32, filename: String) -> Result<Status, Self::Error> {
        std::fs::remove_file(&filename).map_err(|e| io(&e))?;
        Ok(status(id))
    }

    async fn rename(
        &mut self,
        id: u32,
        oldpath: String,
        newpath: String,
    ) -> Result<Status, Self::Error> {
        std::fs::rename(&oldpath, &newpath).map_err(|e| io(&e))?;
        Ok(status(id))
    }

    async fn setstat(
        &mut self,
        id: u32,
        _path: String,
        _attrs: FileAttributes,
    ) -> Result<Status, Self::Error> {
        Ok(status(id))
    }

    async fn fsetstat(
        &mut self,
        id: u32,
        _handle: String,
        _attrs: FileAttributes,
    ) -> Result<Status, Self::Error> {
        Ok(status(id))
    }
}

fn main() {
    let twists = std::env::args_os()
        .nth(1)
        .map(|p| Twists::read(Path::new(&p)))
        .unwrap_or_default();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let stream = tokio::io::join(tokio::io::stdin(), tokio::io::stdout());
        let server = Server {
            twists,
            open: HashMap::new(),
            next: 0,
        };
        russh_sftp::server::run(stream, server).await;
        // The server runs as a task until the stream ends; its drop ends the process.
        std::future::pending::<()>().await;
    });
}
