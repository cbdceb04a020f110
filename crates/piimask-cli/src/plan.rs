//! Turns raw arguments into a validated plan: the masker is built (every option checked)
//! and every argument understood before any input is read.

use std::path::PathBuf;

use piimask::{Kind, Masker, MaskerConfig, Style};

use crate::cli::{Format, MaskArgs};
use crate::error::CliError;
use crate::input::jsonl::FieldPath;

/// One input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The name used in messages.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(path) => path.display().to_string(),
        }
    }
}

/// A validated `piimask mask` run.
#[derive(Debug)]
pub struct MaskPlan {
    /// The masker.
    pub masker: Masker,
    /// Inputs, in order.
    pub inputs: Vec<Input>,
    /// The output file, or `None` for standard output.
    pub output: Option<PathBuf>,
    /// The input format.
    pub format: Format,
    /// JSONL field selection (empty = everything).
    pub fields: Vec<FieldPath>,
    /// Stop at the first malformed JSONL record.
    pub strict: bool,
}

impl MaskPlan {
    /// Validates the arguments.
    pub fn from_args(args: MaskArgs) -> Result<MaskPlan, CliError> {
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
            config.options_mut(kind).style = style;
        }
        if let Some(c) = args.mask_char {
            config.mask_char = c;
        }
        let masker = Masker::new(config).map_err(|error| CliError::Config { file: None, error })?;
        if !args.fields.is_empty() && args.format != Format::Jsonl {
            return Err(CliError::Usage("--field only applies to --format jsonl".into()));
        }
        if args.strict && args.format != Format::Jsonl {
            return Err(CliError::Usage("--strict only applies to --format jsonl".into()));
        }
        let fields = args
            .fields
            .iter()
            .map(|f| FieldPath::parse(f))
            .collect::<Result<_, _>>()
            .map_err(CliError::Usage)?;
        let mut inputs: Vec<Input> = args
            .files
            .into_iter()
            .map(|path| if path.as_os_str() == "-" { Input::Stdin } else { Input::File(path) })
            .collect();
        if inputs.is_empty() {
            inputs.push(Input::Stdin);
        }
        if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
            return Err(CliError::Usage("standard input (-) can be read only once".into()));
        }
        if let Some(output) = &args.output
            && inputs.iter().any(|input| matches!(input, Input::File(path) if same_file(path, output)))
        {
            return Err(CliError::Usage(format!("{}: the output is also an input", output.display())));
        }
        Ok(MaskPlan { masker, inputs, output: args.output, format: args.format, fields, strict: args.strict })
    }
}

/// Reads and checks a masker configuration file.
pub fn read_config(path: &std::path::Path) -> Result<MaskerConfig, CliError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|error| CliError::Usage(format!("{file}: cannot read the configuration: {error}")))?;
    MaskerConfig::parse(&text)
        .and_then(|config| config.check().map(|()| config))
        .map_err(|error| CliError::Config { file: Some(file), error })
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
