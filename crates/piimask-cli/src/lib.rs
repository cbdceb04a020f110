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
pub mod stats;

use std::process::ExitCode;

use clap::Parser;

/// Runs the command line with the process arguments; returns the exit status. `mask`: 0
/// success, 1 input or output error, 2 usage error. `scan`: 0 nothing found, 1 something
/// found, 2 any error.
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        cli::Command::Mask(args) => match plan::MaskPlan::from_args(args).and_then(|plan| run::mask(&plan)) {
            Ok(_) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("{err}");
                ExitCode::from(err.exit_code())
            }
        },
        cli::Command::Replies(command) => match replies::run(command) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("{err}");
                ExitCode::from(err.exit_code())
            }
        },
        cli::Command::Scan(args) => match plan::ScanPlan::from_args(args).and_then(|plan| run::scan(&plan)) {
            Ok(found) => ExitCode::from(u8::from(found)),
            Err(err) => {
                eprintln!("{err}");
                ExitCode::from(2)
            }
        },
    }
}
