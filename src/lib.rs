//! st-setup: SuperTokens sessions shared across several API endpoints.
//!
//! The core (everything but `tui`, `plain`, `terminal`, `report` and `run`) does no terminal I/O, so every front end
//! shares one source of truth.
#![forbid(unsafe_code)]

pub mod adopt;
pub mod analysis;
pub mod answers;
pub mod cli;
pub mod doctor;
pub mod endpoint;
pub mod environment;
pub mod findings;
pub mod generate;
pub mod mobile;
pub mod plain;
pub mod plan;
pub mod project;
pub mod psl;
pub mod readback;
pub mod recipe;
pub mod render;
pub mod report;
pub mod run;
pub mod target;
pub mod terminal;
pub mod text;
pub mod tui;
