//! The `piimask` command line: raw arguments ([`cli`]) become a validated plan ([`plan`]),
//! which [`run`] executes over the input formats in [`input`]; [`replies`] checks, searches
//! and renders quick-reply libraries. All detection and masking
//! rules live in the `piimask` core crate; this crate only reads, writes and reports.

pub mod cli;
pub mod error;
pub mod input;
mod output;
pub mod plan;
pub mod replies;
pub mod run;

use std::process::ExitCode;

use clap::Parser;

/// Runs the command line with the process arguments; returns the exit status
/// (0 success, 1 input error, 2 usage error).
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        cli::Command::Mask(args) => {
            plan::MaskPlan::from_args(args).and_then(|plan| run::run(&plan)).map(|_| ())
        }
        cli::Command::Replies(command) => replies::run(command),
    };
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(err.exit_code())
        }
    }
}
