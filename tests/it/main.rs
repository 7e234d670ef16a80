//! Integration tests: one test binary, one module per area.

mod common;

mod cli;
mod defects;
mod generated;
mod outputs;
mod props;
mod safety;
mod sdk;
mod tui;
