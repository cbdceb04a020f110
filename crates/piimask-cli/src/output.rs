//! Where masked output goes: standard output, or a file written through a temporary file in
//! the same directory and renamed into place only when its input was read, masked and
//! written in full, so a failed or interrupted run never leaves a partial (or unmasked)
//! output file. A file named `*.gz` or `*.zst` is compressed. An interrupt (Ctrl-C,
//! `SIGTERM`, `SIGHUP`) removes the temporary files being written before the process ends.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The temporary files being written, for the interrupt handler to remove.
static TEMPORARY_FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temporary_files() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARY_FILES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Makes an interrupt (`SIGINT`, `SIGTERM`, `SIGHUP`) remove the temporary files being
/// written and end the process with status 128 + the signal's number, as a shell reports a
/// process the signal ended. Outputs already renamed into place are complete and stay.
#[cfg(unix)]
pub fn remove_temporary_files_on_interrupt() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let mut files = temporary_files();
            for file in files.drain(..) {
                let _ = std::fs::remove_file(file);
            }
            eprintln!("piimask: interrupted (signal {signal}); the output being written was removed");
            std::process::exit(128 + signal);
        }
    });
}

/// Without Unix signals, an interrupt ends the process where it is (see the README).
#[cfg(not(unix))]
pub fn remove_temporary_files_on_interrupt() {}

const BUFFER: usize = 256 * 1024;

/// An output being written.
#[derive(Debug)]
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file that becomes its destination on [`Output::commit`].
    File(PendingFile),
    /// A device or pipe, written directly.
    Device(BufWriter<File>),
}

/// A file output: written to `temp`, renamed to `dest` on commit, removed if dropped first.
#[derive(Debug)]
pub struct PendingFile {
    temp: PathBuf,
    dest: PathBuf,
    encoder: Option<Encoder>,
}

/// The file writer, compressing or not.
enum Encoder {
    Plain(BufWriter<File>),
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
    Zstd(zstd::stream::write::Encoder<'static, BufWriter<File>>),
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Encoder::Plain(_) => "Plain",
            Encoder::Gzip(_) => "Gzip",
            Encoder::Zstd(_) => "Zstd",
        })
    }
}

impl Encoder {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Encoder::Plain(w) => w,
            Encoder::Gzip(w) => w,
            Encoder::Zstd(w) => w,
        }
    }

    /// Ends the compressed stream and flushes everything to the file.
    fn finish(self) -> io::Result<File> {
        let buffered = match self {
            Encoder::Plain(w) => w,
            Encoder::Gzip(w) => w.finish()?,
            Encoder::Zstd(w) => w.finish()?,
        };
        buffered.into_inner().map_err(io::IntoInnerError::into_error)
    }
}

impl Output {
    /// Standard output.
    pub fn stdout() -> Output {
        Output::Stdout(BufWriter::with_capacity(BUFFER, io::stdout()))
    }

    /// A temporary file next to `dest` (creating `dest`'s directory if needed), compressed
    /// when `dest` ends in `.gz` or `.zst`.
    pub fn file(dest: &Path) -> io::Result<Output> {
        // A device or pipe (`-o /dev/null`, a FIFO) is written directly: it cannot be
        // replaced by a rename, and holds nothing a partial run could corrupt.
        if std::fs::metadata(dest).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = BufWriter::with_capacity(BUFFER, std::fs::OpenOptions::new().write(true).open(dest)?);
            return Ok(Output::Device(file));
        }
        let dir = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = dir.join(format!(".{name}.piimask-{}.tmp", std::process::id()));
        // Registered before it exists, so an interrupt in between cannot miss it.
        temporary_files().push(temp.clone());
        let file = match File::create(&temp) {
            Ok(file) => BufWriter::with_capacity(BUFFER, file),
            Err(error) => {
                forget_temporary_file(&temp);
                return Err(error);
            }
        };
        let extension = dest.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
        let pending =
            |encoder| Output::File(PendingFile { temp: temp.clone(), dest: dest.to_path_buf(), encoder });
        Ok(match extension.as_str() {
            "gz" => pending(Some(Encoder::Gzip(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::default(),
            )))),
            "zst" | "zstd" => match zstd::stream::write::Encoder::new(file, 3) {
                Ok(encoder) => pending(Some(Encoder::Zstd(encoder))),
                Err(error) => {
                    let _ = std::fs::remove_file(&temp);
                    forget_temporary_file(&temp);
                    return Err(error);
                }
            },
            _ => pending(Some(Encoder::Plain(file))),
        })
    }

    /// Flushes and, for a file, ends compression, syncs and renames it into place.
    pub fn commit(mut self) -> io::Result<()> {
        match &mut self {
            Output::Stdout(writer) => writer.flush(),
            Output::Device(writer) => writer.flush(),
            Output::File(pending) => {
                if let Some(encoder) = pending.encoder.take() {
                    encoder.finish()?.sync_all()?;
                }
                // Under the lock: an interrupt either removes the file before the rename (which
                // then fails, and the process ends) or finds it renamed.
                let mut files = temporary_files();
                let renamed = std::fs::rename(&pending.temp, &pending.dest);
                files.retain(|file| *file != pending.temp);
                renamed
            }
        }
    }

    fn writer(&mut self) -> io::Result<&mut dyn Write> {
        match self {
            Output::Stdout(writer) => Ok(writer),
            Output::Device(writer) => Ok(writer),
            Output::File(PendingFile { encoder: Some(encoder), .. }) => Ok(encoder.writer()),
            Output::File(PendingFile { encoder: None, .. }) => {
                Err(io::Error::other("output already committed"))
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer()?.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer()?.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer()?.flush()
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        // Not committed (an error happened): remove the temporary file.
        if self.encoder.is_some() || self.temp.exists() {
            self.encoder = None;
            let _ = std::fs::remove_file(&self.temp);
        }
        forget_temporary_file(&self.temp);
    }
}

fn forget_temporary_file(temp: &Path) {
    temporary_files().retain(|file| file != temp);
}
