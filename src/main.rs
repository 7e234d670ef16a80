#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser as _;
use st_setup::cli::Cli;
use st_setup::run::{Exit, run};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                Exit::Usage as u8
            } else {
                0
            });
        }
    };
    match run(cli) {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(failure) => {
            eprintln!("st-setup: error: {:#}", failure.error);
            ExitCode::from(failure.exit as u8)
        }
    }
}
