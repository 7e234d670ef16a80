//! Integration tests: one test binary, one module per area.

mod common;

mod adopt;
mod backends;
mod cli;
mod defects;
mod doctor;
mod frontends;
mod generated;
mod golang;
mod nextjs;
mod outputs;
mod props;
mod python;
mod safety;
mod sdk;
mod servers;
mod tui;
