//! Executes a validated plan. Each input is read on a thread of its own and cut into blocks
//! at record boundaries (`input::blocks`); batches of blocks are masked in parallel on a
//! pool of `--jobs` threads while the previous batch is written, and results are written
//! strictly in input order, so the output is the same for every `--jobs`. At most a few
//! batches are in memory at once, whatever the size of the input.

use std::collections::VecDeque;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::time::Instant;

use piimask::Masker;
use rayon::prelude::*;

use crate::error::CliError;
use crate::input::blocks::{BLOCK_SIZE, Block, BlockSplitter, CsvBlocks, LineBlocks, TextBlocks};
use crate::input::jsonl::RecordMasker;
use crate::input::{self, Finding, Mode, Processed, csv, jsonl, text};
use crate::output::Output;
use crate::plan::{Input, MaskPlan, OutputTarget, Plan, RecordFormat, ScanPlan, StatsTarget};
use crate::stats::Totals;

/// Batches in flight between reading and writing (one being written, one being masked).
const IN_FLIGHT: usize = 2;

/// Malformed records reported one by one per input; the rest are only counted.
const REPORTED_MALFORMED: u64 = 20;

/// Runs `piimask mask`. A closed standard output (`piimask mask big | head -1`) ends the
/// run successfully.
pub fn mask(plan: &MaskPlan) -> Result<Totals, CliError> {
    let started = Instant::now();
    if plan.output != OutputTarget::Stdout {
        crate::output::remove_temporary_files_on_interrupt();
    }
    if let Some(StatsTarget::File(path)) = &plan.stats {
        check_writable(path).map_err(|error| CliError::Output { file: path.display().to_string(), error })?;
    }
    let mut engine = Engine::new(&plan.plan, Mode::Mask)?;
    let mut totals = Totals::default();
    let mut shared = match &plan.output {
        OutputTarget::Stdout => Some((Output::stdout(), "<stdout>".to_string())),
        OutputTarget::File(path) => Some((open_file(path)?, path.display().to_string())),
        OutputTarget::Dir(_) => None,
    };
    for input in &plan.plan.inputs {
        let (mut own, name) = match &plan.output {
            OutputTarget::Dir(dir) => {
                let path = dir.join(&input.relative);
                (Some(open_file(&path)?), path.display().to_string())
            }
            _ => (None, shared.as_ref().map(|s| s.1.clone()).unwrap_or_default()),
        };
        let output = match (&mut own, &mut shared) {
            (Some(output), _) => output,
            (None, Some((output, _))) => output,
            (None, None) => return Err(CliError::Usage("no output".into())),
        };
        let (input_totals, end) = engine.run_input(input, &mut Sink::Masked(output), &name)?;
        totals.add(&input_totals);
        if end == End::Closed {
            return finish_mask(plan, totals, started);
        }
        if let Some(output) = own {
            output.commit().map_err(|error| CliError::Output { file: name, error })?;
        }
    }
    if let Some((output, name)) = shared {
        match output.commit() {
            Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
                return Err(CliError::Output { file: name, error });
            }
            _ => {}
        }
    }
    engine.warn_of_unmatched_fields();
    finish_mask(plan, totals, started)
}

/// Writes the stats summary, if asked for.
fn finish_mask(plan: &MaskPlan, totals: Totals, started: Instant) -> Result<Totals, CliError> {
    let Some(target) = &plan.stats else { return Ok(totals) };
    let mut json = serde_json::to_vec_pretty(&totals.to_json(started.elapsed())).unwrap_or_default();
    json.push(b'\n');
    match target {
        StatsTarget::Stderr => {
            let _ = io::stderr().write_all(&json);
        }
        StatsTarget::File(path) => {
            std::fs::write(path, json)
                .map_err(|error| CliError::Output { file: path.display().to_string(), error })?;
        }
    }
    Ok(totals)
}

/// Checks, before a long run, that the `--stats` file can be written at its end: an
/// existing file is opened for appending (and left as it is), a new one is created and
/// removed again.
fn check_writable(path: &std::path::Path) -> io::Result<()> {
    if path.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
    }
    if path.exists() {
        return std::fs::OpenOptions::new().append(true).open(path).map(drop);
    }
    std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    std::fs::remove_file(path)
}

/// Runs `piimask scan`, writing findings to standard output; returns whether anything was
/// found.
pub fn scan(plan: &ScanPlan) -> Result<bool, CliError> {
    let mut engine = Engine::new(&plan.plan, Mode::Scan)?;
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
    let mut found = false;
    for input in &plan.plan.inputs {
        let (totals, end) = engine.run_input(input, &mut Sink::Findings(&mut out), "<stdout>")?;
        found |= totals.matches.total() > 0;
        if end == End::Closed {
            return Ok(found);
        }
    }
    match out.flush() {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            return Err(CliError::Output { file: "<stdout>".into(), error });
        }
        _ => {}
    }
    engine.warn_of_unmatched_fields();
    Ok(found)
}

fn open_file(path: &std::path::Path) -> Result<Output, CliError> {
    Output::file(path).map_err(|error| CliError::Output { file: path.display().to_string(), error })
}

/// Where processed blocks go.
enum Sink<'a> {
    /// Masked output.
    Masked(&'a mut Output),
    /// Findings as JSON lines.
    Findings(&'a mut dyn Write),
}

/// How an input ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    /// Read to its end.
    Complete,
    /// Standard output was closed by its reader: stop quietly.
    Closed,
}

/// What workers need to process blocks.
#[derive(Debug)]
struct Context {
    masker: Masker,
    format: RecordFormat,
    strict: bool,
    mode: Mode,
    /// Output buffers, handed back once written and reused for later blocks.
    buffers: BufferPool,
}

/// Output buffers in circulation between the workers and the writer. Reusing them keeps
/// the allocator from returning memory to the system after each batch and faulting it in
/// again for the next (about a fifth of the CPU time of `piimask mask` on a large text,
/// in page faults and page clearing).
#[derive(Debug, Default)]
struct BufferPool {
    free: std::sync::Mutex<Vec<Vec<u8>>>,
}

impl BufferPool {
    /// Buffers kept at most (more than the blocks in flight: a few batches).
    const KEPT: usize = 64;
    /// A buffer larger than this (a block around a huge record) is not kept.
    const LARGEST: usize = 4 * BLOCK_SIZE;

    /// An empty buffer, reused when one is free.
    fn take(&self) -> Vec<u8> {
        self.free.lock().ok().and_then(|mut free| free.pop()).unwrap_or_default()
    }

    /// Hands a buffer back for reuse.
    fn give(&self, mut buffer: Vec<u8>) {
        if buffer.capacity() == 0 || buffer.capacity() > Self::LARGEST {
            return;
        }
        buffer.clear();
        if let Ok(mut free) = self.free.lock()
            && free.len() < Self::KEPT
        {
            free.push(buffer);
        }
    }
}

/// One processed block and its input size.
type Done = Vec<(usize, Processed)>;

/// A batch being masked, or already masked.
enum Pending {
    Waiting(Receiver<Done>),
    Ready(Done),
}

/// Why reading stopped early.
enum ReadFailure {
    Io(io::Error),
    Format(String),
}

/// Runs inputs through reader threads, the worker pool and a sink.
struct Engine<'p> {
    plan: &'p Plan,
    context: Arc<Context>,
    pool: Option<rayon::ThreadPool>,
    progress: Progress,
    /// JSONL with `--field`: per path, whether it has named a field in any record.
    fields_seen: Vec<bool>,
    /// Whether any record has been read, in any input.
    any_record: bool,
}

impl<'p> Engine<'p> {
    fn new(plan: &'p Plan, mode: Mode) -> Result<Engine<'p>, CliError> {
        let pool = if plan.jobs > 1 {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(plan.jobs)
                .thread_name(|i| format!("piimask-worker-{i}"))
                .build()
                .map_err(|error| {
                    CliError::Usage(format!("cannot start {} worker threads: {error}", plan.jobs))
                })?;
            Some(pool)
        } else {
            None
        };
        let context = Context {
            masker: plan.masker.clone(),
            format: plan.format.clone(),
            strict: plan.strict,
            mode,
            buffers: BufferPool::default(),
        };
        Ok(Engine {
            plan,
            context: Arc::new(context),
            pool,
            progress: Progress::new(plan),
            fields_seen: Vec::new(),
            any_record: false,
        })
    }

    /// Warns of each `--field` path that named no field in any record of the run (a typo,
    /// or the wrong export): its values, if any, were not masked.
    fn warn_of_unmatched_fields(&self) {
        let RecordFormat::Jsonl(fields) = &self.plan.format else { return };
        if !self.any_record {
            return;
        }
        for (i, field) in fields.iter().enumerate() {
            if !self.fields_seen.get(i).copied().unwrap_or(false) {
                self.progress
                    .message(&format!("piimask: warning: --field {field} named no field in any record"));
            }
        }
    }

    /// Reads, processes and writes one input.
    fn run_input(
        &mut self,
        input: &Input,
        sink: &mut Sink<'_>,
        output_name: &str,
    ) -> Result<(Totals, End), CliError> {
        let name = input.name();
        let batch_blocks = (self.plan.jobs * 4).max(4);
        let (sender, batches) = mpsc::sync_channel(1);
        spawn_reader(
            input.clone(),
            self.plan.format.clone(),
            batch_blocks,
            self.progress.read.clone(),
            sender,
        );
        let mut totals = Totals { files: 1, ..Totals::default() };
        let mut pending: VecDeque<Pending> = VecDeque::new();
        let mut last_byte = None;
        loop {
            let next = batches.recv();
            let reading = next.is_ok();
            match next {
                Ok(Ok(batch)) => {
                    if let Some(block) = batch.last() {
                        last_byte = block.bytes.last().copied().or(last_byte);
                    }
                    pending.push_back(self.start(batch));
                }
                Ok(Err(ReadFailure::Io(error))) => return Err(CliError::Input { file: name, error }),
                Ok(Err(ReadFailure::Format(message))) => {
                    return Err(CliError::Usage(format!("{name}: {message}")));
                }
                Err(_) => {}
            }
            while pending.len() > if reading { IN_FLIGHT - 1 } else { 0 } {
                let done = match pending.pop_front() {
                    Some(Pending::Ready(done)) => done,
                    Some(Pending::Waiting(receiver)) => receiver
                        .recv()
                        .map_err(|_| CliError::Usage("a worker thread stopped unexpectedly".into()))?,
                    None => break,
                };
                if self.write(&name, done, sink, output_name, &mut totals)? == End::Closed {
                    return Ok((totals, End::Closed));
                }
                self.progress.update();
            }
            if !reading {
                break;
            }
        }
        if matches!(self.plan.format, RecordFormat::Text) && last_byte.is_some_and(|b| b != b'\n') {
            totals.records += 1;
        }
        if totals.malformed > 0 {
            let (records, malformed) = (totals.records, totals.malformed);
            self.progress.message(&format!(
                "piimask: {name}: {malformed} of {records} records did not parse and were {} as text",
                if self.context.mode == Mode::Mask { "masked" } else { "scanned" }
            ));
        }
        Ok((totals, End::Complete))
    }

    /// Starts masking a batch on the pool (or masks it here with one job).
    fn start(&self, batch: Vec<Block>) -> Pending {
        let Some(pool) = &self.pool else {
            let mut worker = Worker::new(&self.context);
            return Pending::Ready(
                batch.iter().map(|block| (block.bytes.len(), worker.process(block))).collect(),
            );
        };
        let (sender, receiver) = mpsc::sync_channel(1);
        let context = Arc::clone(&self.context);
        pool.spawn(move || {
            let done: Done = batch
                .par_iter()
                .map_init(
                    || Worker::new(&context),
                    |worker, block| (block.bytes.len(), worker.process(block)),
                )
                .collect();
            let _ = sender.send(done);
        });
        Pending::Waiting(receiver)
    }

    /// Writes a masked batch in order, reporting malformed records.
    fn write(
        &mut self,
        name: &str,
        done: Done,
        sink: &mut Sink<'_>,
        output_name: &str,
        totals: &mut Totals,
    ) -> Result<End, CliError> {
        let format = match self.plan.format {
            RecordFormat::Csv { .. } => "CSV",
            _ => "JSON",
        };
        for (bytes_in, processed) in done {
            totals.bytes_in += bytes_in as u64;
            totals.records += processed.records;
            self.any_record |= processed.records > 0;
            if self.fields_seen.len() < processed.fields_seen.len() {
                self.fields_seen.resize(processed.fields_seen.len(), false);
            }
            for (seen, now) in self.fields_seen.iter_mut().zip(&processed.fields_seen) {
                *seen |= now;
            }
            totals.matches.merge(&processed.counts);
            for (line, error) in &processed.malformed {
                totals.malformed += 1;
                if totals.malformed <= REPORTED_MALFORMED {
                    let verb = if self.context.mode == Mode::Mask { "masked" } else { "scanned" };
                    self.progress.message(&format!(
                        "piimask: {name}:{line}: not valid {format} ({error}); {verb} as text"
                    ));
                }
            }
            let written = match sink {
                Sink::Masked(output) => {
                    totals.bytes_out += processed.out.len() as u64;
                    output.write_all(&processed.out)
                }
                Sink::Findings(out) => write_findings(*out, name, &processed.findings),
            };
            self.context.buffers.give(processed.out);
            match written {
                Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(End::Closed),
                Err(error) => return Err(CliError::Output { file: output_name.to_string(), error }),
                Ok(()) => {}
            }
            if let Some((line, error)) = processed.stopped {
                return Err(CliError::Record { file: name.to_string(), line, format, error });
            }
        }
        Ok(End::Complete)
    }
}

/// Writes findings as JSON lines.
fn write_findings(out: &mut dyn Write, file: &str, findings: &[Finding]) -> io::Result<()> {
    for finding in findings {
        let json = serde_json::json!({
            "file": file,
            "line": finding.line,
            "kind": finding.kind.name(),
            "start": finding.start,
            "end": finding.end,
            "masked": finding.masked,
        });
        serde_json::to_writer(&mut *out, &json)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One worker's state (JSONL buffers are reused from block to block).
struct Worker<'c> {
    context: &'c Context,
    records: Option<RecordMasker>,
}

impl<'c> Worker<'c> {
    fn new(context: &'c Context) -> Worker<'c> {
        Worker { context, records: None }
    }

    fn process(&mut self, block: &Block) -> Processed {
        let Context { masker, format, strict, mode, buffers } = self.context;
        let out = buffers.take();
        match format {
            RecordFormat::Text => text::process(masker, block, *mode, out),
            RecordFormat::Jsonl(fields) => {
                let records =
                    self.records.get_or_insert_with(|| RecordMasker::new(masker.clone(), fields.clone()));
                jsonl::process(records, block, *mode, *strict, out)
            }
            RecordFormat::Csv { delimiter, .. } => {
                csv::process(masker, block, *mode, *strict, *delimiter, out)
            }
        }
    }
}

/// Reads an input on its own thread, sending batches of blocks. Stops when the receiver
/// is gone.
fn spawn_reader(
    input: Input,
    format: RecordFormat,
    batch_blocks: usize,
    read: Arc<AtomicU64>,
    sender: SyncSender<Result<Vec<Block>, ReadFailure>>,
) {
    std::thread::spawn(move || {
        let mut splitter: Box<dyn BlockSplitter> = match &format {
            RecordFormat::Text => Box::new(TextBlocks::new()),
            RecordFormat::Jsonl(_) => Box::new(LineBlocks::default()),
            RecordFormat::Csv { columns, delimiter } => Box::new(CsvBlocks::new(*delimiter, columns.clone())),
        };
        if let Err(failure) = read_input(&input, splitter.as_mut(), batch_blocks, read, &sender) {
            let _ = sender.send(Err(failure));
        }
    });
}

fn read_input(
    input: &Input,
    splitter: &mut dyn BlockSplitter,
    batch_blocks: usize,
    read: Arc<AtomicU64>,
    sender: &SyncSender<Result<Vec<Block>, ReadFailure>>,
) -> Result<(), ReadFailure> {
    let mut reader = input::open(input.path.as_deref(), read).map_err(ReadFailure::Io)?;
    let mut buffer = vec![0; 1 << 20];
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    let mut receiver_gone = false;
    let mut emit = |block: Block| {
        batch_bytes += block.bytes.len();
        batch.push(block);
        if (batch.len() >= batch_blocks || batch_bytes >= batch_blocks * BLOCK_SIZE) && !receiver_gone {
            receiver_gone = sender.send(Ok(std::mem::take(&mut batch))).is_err();
            batch_bytes = 0;
        }
    };
    // The first bytes tell the encoding: nothing is masked before they are checked.
    let head = input::read_head(&mut reader, &mut buffer).map_err(ReadFailure::Io)?;
    input::check_encoding(&buffer[..head]).map_err(ReadFailure::Io)?;
    if head > 0 {
        splitter.feed(&buffer[..head], &mut emit).map_err(ReadFailure::Format)?;
    }
    loop {
        let read = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(ReadFailure::Io(error)),
        };
        splitter.feed(&buffer[..read], &mut emit).map_err(ReadFailure::Format)?;
    }
    splitter.finish(&mut emit).map_err(ReadFailure::Format)?;
    let _ = &mut emit;
    if !batch.is_empty() && !receiver_gone {
        let _ = sender.send(Ok(batch));
    }
    Ok(())
}

/// The progress bar on standard error: shown when it is a terminal, the total input size
/// is known (no standard input) and `--quiet` was not given.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    read: Arc<AtomicU64>,
}

impl Progress {
    fn new(plan: &Plan) -> Progress {
        let read = Arc::new(AtomicU64::new(0));
        if plan.quiet || !io::stderr().is_terminal() {
            return Progress { bar: None, read };
        }
        let sizes: Option<Vec<u64>> = plan
            .inputs
            .iter()
            .map(|i| i.path.as_ref().and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()))
            .collect();
        let bar = sizes.map(|sizes| {
            let bar = indicatif::ProgressBar::new(sizes.iter().sum());
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, {eta})",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar, read }
    }

    fn update(&self) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.read.load(Ordering::Relaxed));
        }
    }

    /// Prints a line on standard error without breaking the bar.
    fn message(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RecordError;

    #[test]
    fn findings_are_json_lines_without_the_value() {
        let finding = Finding {
            line: 3,
            kind: piimask::Kind::Phone,
            start: 5,
            end: 18,
            masked: "*********7542".into(),
        };
        let mut out = Vec::new();
        write_findings(&mut out, "a.txt", &[finding]).unwrap();
        let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(line["kind"], "phone");
        assert_eq!(line["masked"], "*********7542");
        assert_eq!(
            (line["line"].as_u64(), line["start"].as_u64(), line["end"].as_u64()),
            (Some(3), Some(5), Some(18))
        );
    }

    #[test]
    fn record_errors_name_an_offset_not_the_text() {
        let error = RecordError { offset: 12, what: "unterminated string" };
        assert_eq!(error.to_string(), "unterminated string at byte 12");
    }
}
