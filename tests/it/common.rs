//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The st-setup binary, run in `dir`, with no colour and no terminal.
pub fn st_setup(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("st-setup").expect("binary built");
    cmd.current_dir(dir).env("NO_COLOR", "1").env_remove("TERM");
    cmd
}

/// A fresh empty project folder.
pub fn project() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The top-level `snapshots/` folder, where every insta snapshot lives.
pub fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots")
}

/// Runs insta assertions with snapshots stored in the top-level `snapshots/` folder.
#[macro_export]
macro_rules! in_snapshots {
    ($body:block) => {
        insta::with_settings!({ snapshot_path => $crate::common::snapshot_dir(), prepend_module_to_snapshot => false }, $body)
    };
}

/// The flags of a complete two-API setup.
pub const TWO_APIS: &[&str] = &[
    "--api",
    "https://api.example.com",
    "--api",
    "https://api2.example.com",
    "--website",
    "https://example.com",
    "--ui",
    "prebuilt",
    "--app-name",
    "Acme",
];

/// `TWO_APIS` with other endpoints: `--api` for each, then the same website, UI and name.
pub fn setup_args(apis: &[&'static str]) -> Vec<&'static str> {
    let mut args: Vec<&str> = apis.iter().flat_map(|api| ["--api", api]).collect();
    args.extend(TWO_APIS.iter().skip_while(|a| **a != "--website"));
    args
}

/// Two APIs under `.eu.example.com`: a setup whose cookie domain a third API widens.
pub const EU_APIS: &[&str] = &["https://api.eu.example.com", "https://api2.eu.example.com"];
