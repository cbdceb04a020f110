//! Where masked output goes: standard output, or a file written through a temporary file in
//! the same directory and renamed into place only when the whole run succeeded, so a failed
//! or interrupted run never leaves a partial (or unmasked) output file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// An output being written.
#[derive(Debug)]
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file that becomes `dest` on [`Output::commit`].
    File {
        /// The temporary file's path.
        temp: PathBuf,
        /// The final path.
        dest: PathBuf,
        /// The writer (taken on commit).
        writer: Option<BufWriter<File>>,
    },
}

impl Output {
    /// Opens standard output, or a temporary file next to `dest`.
    pub fn open(dest: Option<&Path>) -> io::Result<Output> {
        let Some(dest) = dest else {
            return Ok(Output::Stdout(BufWriter::with_capacity(256 * 1024, io::stdout())));
        };
        let dir = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = dir.join(format!(".{name}.piimask-{}.tmp", std::process::id()));
        let file = File::create(&temp)?;
        Ok(Output::File {
            temp,
            dest: dest.to_path_buf(),
            writer: Some(BufWriter::with_capacity(256 * 1024, file)),
        })
    }

    /// Flushes and, for a file, renames the temporary file into place.
    pub fn commit(mut self) -> io::Result<()> {
        match &mut self {
            Output::Stdout(writer) => writer.flush(),
            Output::File { temp, dest, writer } => {
                if let Some(writer) = writer.take() {
                    let file = writer.into_inner().map_err(|err| err.into_error())?;
                    file.sync_all()?;
                }
                std::fs::rename(&*temp, &*dest)
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(writer) => writer.write(buf),
            Output::File { writer: Some(writer), .. } => writer.write(buf),
            Output::File { writer: None, .. } => Err(io::Error::other("output already committed")),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(writer) => writer.write_all(buf),
            Output::File { writer: Some(writer), .. } => writer.write_all(buf),
            Output::File { writer: None, .. } => Err(io::Error::other("output already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(writer) => writer.flush(),
            Output::File { writer: Some(writer), .. } => writer.flush(),
            Output::File { writer: None, .. } => Ok(()),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Not committed (an error happened): remove the temporary file.
        if let Output::File { temp, .. } = self
            && temp.exists()
        {
            let _ = std::fs::remove_file(temp);
        }
    }
}
