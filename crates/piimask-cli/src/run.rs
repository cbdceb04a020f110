//! Executes a validated plan: reads each input in order, masks it in its format, writes the
//! output, and reports malformed records on stderr (never their text).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};

use crate::cli::Format;
use crate::error::CliError;
use crate::input::jsonl::{Outcome, RecordMasker};
use crate::input::text;
use crate::output::Output;
use crate::plan::{Input, MaskPlan};

/// What a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records (lines) read, JSONL only.
    pub records: u64,
    /// Records that were not valid JSON and were masked as text.
    pub malformed: u64,
}

/// Runs the plan. A closed standard output (`piimask mask big | head -1`) ends the run
/// successfully.
pub fn run(plan: &MaskPlan) -> Result<Summary, CliError> {
    let output_name = plan.output.as_ref().map_or("<stdout>".to_string(), |p| p.display().to_string());
    let mut output = Output::open(plan.output.as_deref())
        .map_err(|error| CliError::Output { file: output_name.clone(), error })?;
    let mut summary = Summary::default();
    for input in &plan.inputs {
        match mask_input(plan, input, &mut output, &mut summary) {
            Ok(()) => {}
            Err(RunError::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(summary),
            Err(RunError::Output(error)) => return Err(CliError::Output { file: output_name, error }),
            Err(RunError::Cli(error)) => return Err(error),
        }
    }
    match output.commit() {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(summary),
        Err(error) => Err(CliError::Output { file: output_name, error }),
        Ok(()) => Ok(summary),
    }
}

enum RunError {
    Output(io::Error),
    Cli(CliError),
}

fn mask_input(
    plan: &MaskPlan,
    input: &Input,
    output: &mut Output,
    summary: &mut Summary,
) -> Result<(), RunError> {
    let name = input.name();
    let input_error = |error: io::Error| RunError::Cli(CliError::Input { file: name.clone(), error });
    let mut reader: Box<dyn BufRead> = match input {
        Input::Stdin => Box::new(BufReader::with_capacity(text::BLOCK, io::stdin())),
        Input::File(path) => {
            Box::new(BufReader::with_capacity(text::BLOCK, File::open(path).map_err(input_error)?))
        }
    };
    match plan.format {
        Format::Text => {
            // Read and write errors are told apart by wrapping the writer.
            let mut writer = Tracked { inner: output, error: None };
            match text::mask_stream(&plan.masker, &mut reader, &mut writer) {
                Ok(_) => Ok(()),
                Err(error) => match writer.error.take() {
                    Some(write_error) => Err(RunError::Output(write_error)),
                    None => Err(input_error(error)),
                },
            }
        }
        Format::Jsonl => mask_jsonl(plan, &name, &mut reader, output, summary),
    }
}

fn mask_jsonl(
    plan: &MaskPlan,
    name: &str,
    reader: &mut dyn BufRead,
    output: &mut Output,
    summary: &mut Summary,
) -> Result<(), RunError> {
    let mut records = RecordMasker::new(plan.masker.clone(), plan.fields.clone());
    let mut line = Vec::new();
    let mut out = Vec::new();
    let mut number = 0u64;
    let mut malformed = 0u64;
    loop {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|error| RunError::Cli(CliError::Input { file: name.to_string(), error }))?;
        if read == 0 {
            break;
        }
        number += 1;
        let terminator = match line.as_slice() {
            [.., b'\r', b'\n'] => 2,
            [.., b'\n'] => 1,
            _ => 0,
        };
        let record_end = line.len() - terminator;
        out.clear();
        if let Outcome::Malformed(error) = records.mask_record(&line[..record_end], &mut out) {
            if plan.strict {
                return Err(RunError::Cli(CliError::Record { file: name.to_string(), line: number, error }));
            }
            malformed += 1;
            eprintln!("piimask: {name}:{number}: not valid JSON ({error}); masked as text");
        }
        out.extend_from_slice(&line[record_end..]);
        output.write_all(&out).map_err(RunError::Output)?;
    }
    if malformed > 0 {
        eprintln!(
            "piimask: {name}: {malformed} of {number} records were not valid JSON and were masked as text"
        );
    }
    summary.records += number;
    summary.malformed += malformed;
    Ok(())
}

/// A writer that remembers its own error, so a failed write is not mistaken for a failed read.
struct Tracked<'a> {
    inner: &'a mut Output,
    error: Option<io::Error>,
}

impl Write for Tracked<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner
            .write(buf)
            .inspect_err(|err| self.error = Some(io::Error::new(err.kind(), err.to_string())))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner
            .write_all(buf)
            .inspect_err(|err| self.error = Some(io::Error::new(err.kind(), err.to_string())))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
