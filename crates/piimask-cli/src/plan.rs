//! Turns raw arguments into a validated plan: the masker is built (every option checked),
//! directories are expanded, and the output layout is decided before any input is read.

use std::path::{Path, PathBuf};

use piimask::{Kind, Masker, MaskerConfig, Style};

use crate::cli::{Format, InputArgs, MaskArgs, MaskerArgs, ScanArgs};
use crate::error::CliError;
use crate::input::jsonl::FieldPath;

/// One input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Where it is: `None` for standard input.
    pub path: Option<PathBuf>,
    /// Its path relative to the argument it came from (for `-o DIR`).
    pub relative: PathBuf,
}

impl Input {
    /// The name used in messages and findings.
    pub fn name(&self) -> String {
        self.path.as_ref().map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
    }
}

/// How records are read and masked.
#[derive(Clone, Debug)]
pub enum RecordFormat {
    /// Any text.
    Text,
    /// JSON lines, optionally restricted to some fields.
    Jsonl(Vec<FieldPath>),
    /// CSV with a header, optionally restricted to some columns.
    Csv {
        /// Column names to mask (empty: all).
        columns: Vec<String>,
        /// The delimiter byte.
        delimiter: u8,
    },
}

/// What every run does with its inputs.
#[derive(Debug)]
pub struct Plan {
    /// The masker.
    pub masker: Masker,
    /// Inputs, in order.
    pub inputs: Vec<Input>,
    /// The record format.
    pub format: RecordFormat,
    /// Stop at the first record that does not parse.
    pub strict: bool,
    /// Worker threads.
    pub jobs: usize,
    /// No progress bar.
    pub quiet: bool,
}

/// Where masked output goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutputTarget {
    /// Standard output (every input, in order).
    Stdout,
    /// One file (every input, in order).
    File(PathBuf),
    /// A directory: each input at its relative path.
    Dir(PathBuf),
}

/// Where the stats summary goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatsTarget {
    /// Standard error.
    Stderr,
    /// A file.
    File(PathBuf),
}

/// A validated `piimask mask` run.
#[derive(Debug)]
pub struct MaskPlan {
    /// Inputs, format and masker.
    pub plan: Plan,
    /// Where output goes.
    pub output: OutputTarget,
    /// Where the stats summary goes, if anywhere.
    pub stats: Option<StatsTarget>,
}

impl MaskPlan {
    /// Validates the arguments of `piimask mask`.
    pub fn from_args(args: MaskArgs) -> Result<MaskPlan, CliError> {
        let (plan, dir_arguments) = Plan::from_args(args.input, &args.masker)?;
        let output = match args.output {
            None => OutputTarget::Stdout,
            Some(path) => {
                let as_dir = plan.inputs.len() > 1
                    || dir_arguments
                    || path.is_dir()
                    || path.as_os_str().to_string_lossy().ends_with('/');
                if as_dir { OutputTarget::Dir(path) } else { OutputTarget::File(path) }
            }
        };
        if let OutputTarget::Dir(dir) = &output {
            // Two inputs of one relative path (`x/a.txt y/a.txt`, or two directories that
            // both hold `a.txt`) would overwrite each other's output.
            let mut targets = std::collections::HashMap::new();
            for input in &plan.inputs {
                if let Some(first) = targets.insert(&input.relative, input) {
                    return Err(CliError::Usage(format!(
                        "{}: two inputs would be written there ({} and {}); mask them in separate runs",
                        dir.join(&input.relative).display(),
                        first.name(),
                        input.name()
                    )));
                }
            }
        }
        for input in &plan.inputs {
            let Some(source) = &input.path else { continue };
            let target = match &output {
                OutputTarget::Stdout => continue,
                OutputTarget::File(path) => path.clone(),
                OutputTarget::Dir(dir) => dir.join(&input.relative),
            };
            if same_file(source, &target) {
                return Err(CliError::Usage(format!("{}: the output is also an input", target.display())));
            }
        }
        let stats = args
            .stats
            .map(|path| if path.as_os_str() == "-" { StatsTarget::Stderr } else { StatsTarget::File(path) });
        Ok(MaskPlan { plan, output, stats })
    }
}

/// A validated `piimask scan` run.
#[derive(Debug)]
pub struct ScanPlan {
    /// Inputs, format and masker.
    pub plan: Plan,
}

impl ScanPlan {
    /// Validates the arguments of `piimask scan`.
    pub fn from_args(args: ScanArgs) -> Result<ScanPlan, CliError> {
        let (plan, _) = Plan::from_args(args.input, &args.masker)?;
        Ok(ScanPlan { plan })
    }
}

impl Plan {
    /// Validates the input and masker arguments; also says whether a directory was given.
    fn from_args(input: InputArgs, masker: &MaskerArgs) -> Result<(Plan, bool), CliError> {
        let masker = build_masker(masker)?;
        let format = match input.format {
            Format::Text => RecordFormat::Text,
            Format::Jsonl => RecordFormat::Jsonl(
                input
                    .fields
                    .iter()
                    .map(|f| FieldPath::parse(f))
                    .collect::<Result<_, _>>()
                    .map_err(CliError::Usage)?,
            ),
            Format::Csv => {
                let delimiter = delimiter(input.delimiter.as_deref().unwrap_or(","))?;
                RecordFormat::Csv { columns: input.columns.clone(), delimiter }
            }
        };
        if !input.fields.is_empty() && input.format != Format::Jsonl {
            return Err(CliError::Usage("--field only applies to --format jsonl".into()));
        }
        if !input.columns.is_empty() && input.format != Format::Csv {
            return Err(CliError::Usage("--column only applies to --format csv".into()));
        }
        if input.delimiter.is_some() && input.format != Format::Csv {
            return Err(CliError::Usage("--delimiter only applies to --format csv".into()));
        }
        if input.strict && input.format == Format::Text {
            return Err(CliError::Usage("--strict only applies to --format jsonl and csv".into()));
        }
        if input.jobs == Some(0) {
            return Err(CliError::Usage("--jobs must be at least 1".into()));
        }
        let jobs = input.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
        let (inputs, dir_arguments) = expand_inputs(&input.paths)?;
        let plan = Plan { masker, inputs, format, strict: input.strict, jobs, quiet: input.quiet };
        Ok((plan, dir_arguments))
    }
}

/// Builds the masker from `--config`, then `--kinds`, `--style` and `--mask-char` on top.
fn build_masker(args: &MaskerArgs) -> Result<Masker, CliError> {
    let mut config = match &args.config {
        Some(path) => read_config(path)?,
        None => MaskerConfig::default(),
    };
    if let Some(kinds) = &args.kinds {
        let kinds: Vec<Kind> = kinds
            .iter()
            .map(|name| name.parse::<Kind>())
            .collect::<Result<_, _>>()
            .map_err(|error| CliError::Config { file: None, error })?;
        config.kinds = kinds.into_iter().collect();
    }
    for setting in &args.styles {
        let (kind, style) = setting
            .split_once('=')
            .ok_or_else(|| CliError::Usage(format!("--style expects KIND=STYLE, got {setting:?}")))?;
        let kind: Kind = kind.parse().map_err(|error| CliError::Config { file: None, error })?;
        let style: Style = style.parse().map_err(|error| CliError::Config { file: None, error })?;
        let options = config.options_mut(kind);
        options.style = style;
        if !style.keeps_characters() {
            // The command line overrides the file: a `keep_head` there means nothing now.
            options.keep_head = None;
            options.keep_tail = None;
        }
    }
    if let Some(c) = args.mask_char {
        config.mask_char = c;
    }
    Masker::new(config).map_err(|error| CliError::Config { file: None, error })
}

/// The delimiter byte from `--delimiter` (`\t` and `tab` mean a tab).
fn delimiter(text: &str) -> Result<u8, CliError> {
    match text {
        "\\t" | "tab" | "\t" => Ok(b'\t'),
        _ if text.len() == 1 && text.is_ascii() && !matches!(text, "\"" | "\n" | "\r") => {
            Ok(text.as_bytes()[0])
        }
        _ => Err(CliError::Usage(format!(
            "--delimiter must be one ASCII character other than a quote, got {text:?}"
        ))),
    }
}

/// Expands directories (recursively, in name order) into their files.
fn expand_inputs(paths: &[PathBuf]) -> Result<(Vec<Input>, bool), CliError> {
    if paths.is_empty() {
        return Ok((vec![Input { path: None, relative: PathBuf::from("stdin") }], false));
    }
    let mut inputs = Vec::new();
    let mut dir_arguments = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if inputs.iter().any(|i: &Input| i.path.is_none()) {
                return Err(CliError::Usage("standard input (-) can be read only once".into()));
            }
            inputs.push(Input { path: None, relative: PathBuf::from("stdin") });
        } else if path.is_dir() {
            dir_arguments = true;
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                let entry = entry.map_err(|error| CliError::Input {
                    file: path.display().to_string(),
                    error: std::io::Error::other(error.to_string()),
                })?;
                if entry.file_type().is_file() {
                    let relative = entry.path().strip_prefix(path).unwrap_or(entry.path()).to_path_buf();
                    inputs.push(Input { path: Some(entry.path().to_path_buf()), relative });
                }
            }
        } else {
            let relative = PathBuf::from(path.file_name().unwrap_or(path.as_os_str()));
            inputs.push(Input { path: Some(path.clone()), relative });
        }
    }
    Ok((inputs, dir_arguments))
}

/// Reads and checks a masker configuration file.
pub fn read_config(path: &Path) -> Result<MaskerConfig, CliError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|error| CliError::Usage(format!("{file}: cannot read the configuration: {error}")))?;
    MaskerConfig::parse(&text)
        .and_then(|config| config.check().map(|()| config))
        .map_err(|error| CliError::Config { file: Some(file), error })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
