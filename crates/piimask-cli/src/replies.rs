//! `piimask replies check|search|render`: reads the library (and context and configuration)
//! files, calls the core, prints. Errors name files, blocks, fields and variables, never values.

use std::io::{self, Write};
use std::path::Path;

use piimask::{DateTime, Masker, MaskerConfig, RenderContext, TextBlockLibrary, Values, is_variable_name};

use crate::cli::{CheckArgs, RenderArgs, RepliesCommand, SearchArgs};
use crate::error::CliError;
use crate::plan::read_config;

/// Runs one `piimask replies` subcommand.
pub fn run(command: RepliesCommand) -> Result<(), CliError> {
    match command {
        RepliesCommand::Check(args) => check(&args),
        RepliesCommand::Search(args) => search(&args),
        RepliesCommand::Render(args) => render(args),
    }
}

fn check(args: &CheckArgs) -> Result<(), CliError> {
    let library = read_library(&args.library)?;
    let count = library.len();
    print(&format!(
        "{}: {count} text block{}, no problems\n",
        args.library.display(),
        if count == 1 { "" } else { "s" }
    ))
}

fn search(args: &SearchArgs) -> Result<(), CliError> {
    let library = read_library(&args.library)?;
    let mut out = String::new();
    for hit in library.search(&args.query, args.limit) {
        let block = hit.block;
        match block.language() {
            Some(language) => {
                out.push_str(&format!("#{} [{language}] {}\n", block.shortcut(), block.title()))
            }
            None => out.push_str(&format!("#{} {}\n", block.shortcut(), block.title())),
        }
    }
    print(&out)
}

fn render(args: RenderArgs) -> Result<(), CliError> {
    // Every argument is understood before any file is read.
    let mut values = Values::new();
    for setting in &args.vars {
        // The value is never echoed: only the name, once it is known to be one.
        let Some((name, value)) = setting.split_once('=') else {
            return Err(CliError::Usage("--var expects NAME=VALUE (no `=` found)".into()));
        };
        if !is_variable_name(name) {
            return Err(CliError::Usage(
                "--var expects NAME=VALUE with NAME a variable name like order.id".into(),
            ));
        }
        if values.contains(name) {
            return Err(CliError::Usage(format!("--var {name} is given twice")));
        }
        values.insert(name, value);
    }
    let masker = match &args.config {
        Some(path) => read_config(path)?,
        None => MaskerConfig::default(),
    };
    let masker = Masker::new(masker).map_err(|error| CliError::Config { file: None, error })?;
    let mut context = match &args.context {
        Some(path) => read_context(path)?,
        None => RenderContext::default(),
    };
    context.date.get_or_insert_with(DateTime::now_utc);

    let file = args.library.display().to_string();
    let library = read_library(&args.library)?;
    let block = library.get(&args.shortcut).ok_or_else(|| {
        CliError::Usage(format!("{file}: no text block has the shortcut {:?}", args.shortcut))
    })?;
    let template = block.body();
    for name in values.names() {
        if !template.variables().any(|variable| variable == name) {
            eprintln!("piimask: warning: --var {name}: #{} has no such variable", block.shortcut());
        }
    }
    let text = template.render(&values, &context, &masker).map_err(|error| CliError::Render {
        file,
        shortcut: block.shortcut().to_string(),
        error,
    })?;
    print(&format!("{text}\n"))
}

fn read_library(path: &Path) -> Result<TextBlockLibrary, CliError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|error| CliError::LibraryUnreadable { file: file.clone(), error })?;
    TextBlockLibrary::parse(&text).map_err(|error| CliError::Library { file, error })
}

fn read_context(path: &Path) -> Result<RenderContext, CliError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|error| CliError::Usage(format!("{file}: cannot read the context: {error}")))?;
    RenderContext::parse(&text).map_err(|error| CliError::Context { file, error })
}

/// Writes to standard output; a closed pipe is not an error.
fn print(text: &str) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(CliError::Output { file: "<stdout>".into(), error })
        }
        _ => Ok(()),
    }
}
