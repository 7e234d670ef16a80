#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser as _;
use st_setup::cli::{Cli, wants_json};
use st_setup::run::{Exit, Failure, run};

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    let json = wants_json(&args);
    let request = match Cli::try_parse_from(&args) {
        Ok(cli) => cli.into_request().map_err(Failure::usage),
        Err(error) if !error.use_stderr() => {
            // --help and --version: what was asked for, on stdout.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) if json => {
            let text = error.to_string();
            let message = text.trim().strip_prefix("error: ").unwrap_or(text.trim());
            Err(Failure::usage(message))
        }
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(Exit::Usage as u8);
        }
    };
    let result = request.and_then(run);
    if let (Ok(_), Some(failure)) = (&result, st_setup::run::stdout_failure()) {
        // stdout is what failed, so the message goes to stderr, --json or not.
        failure.print(false);
        return ExitCode::from(failure.exit() as u8);
    }
    match result {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(failure) => {
            failure.print(json);
            ExitCode::from(failure.exit() as u8)
        }
    }
}
