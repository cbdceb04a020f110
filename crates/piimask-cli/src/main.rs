//! The `piimask` binary; everything is in the library so tests and fuzzers can reach it.

fn main() -> std::process::ExitCode {
    piimask_cli::main()
}
