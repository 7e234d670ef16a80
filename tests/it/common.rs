//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

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

/// Long enough for a slow CI machine, short enough that a prompt waiting on stdin fails.
pub const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

pub const BACKEND: &str = "backend/supertokens.ts";
pub const FRONTEND: &str = "frontend/supertokens.ts";
pub const STATE: &str = "st-setup.json";

/// What one run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn both(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }

    #[track_caller]
    pub fn expect_code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Fails, showing stdout, unless stdout holds `needle`.
    #[track_caller]
    pub fn expect_stdout(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "no {needle:?} in stdout:\n{}",
            self.stdout
        );
        self
    }

    /// Fails, showing stderr, unless stderr holds `needle`.
    #[track_caller]
    pub fn expect_stderr(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "no {needle:?} in stderr:\n{}",
            self.stderr
        );
        self
    }

    /// stdout as one JSON value (serde refuses anything after the first value).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON value ({e}):\n{}", self.stdout))
    }
}

/// Runs st-setup in `dir` with `args`, stdin empty and closed (never a terminal).
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_cmd(st_setup(dir).args(args))
}

pub fn run_cmd(cmd: &mut Command) -> Run {
    let output = cmd
        .timeout(TIMEOUT)
        .write_stdin("")
        .output()
        .expect("st-setup runs");
    Run {
        code: output
            .status
            .code()
            .unwrap_or_else(|| panic!("st-setup was killed (a hang hit the timeout?): {output:?}")),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    }
}

/// `--yes` plus the two-API answers plus `extra`; a flag in `extra` that TWO_APIS also
/// gives (other than `--api`) replaces TWO_APIS' value.
pub fn yes_two_apis(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["--yes"];
    for pair in TWO_APIS.chunks(2) {
        if pair[0] == "--api" || !extra.contains(&pair[0]) {
            args.extend_from_slice(pair);
        }
    }
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

pub fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The relative paths of every file and folder under `dir` (links not followed).
pub fn listing(dir: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("dir entry").path();
            out.push(path.strip_prefix(root).expect("under root").to_owned());
            if path.is_dir() && !path.is_symlink() {
                walk(root, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

pub fn finding_codes(json: &Value) -> Vec<&str> {
    json["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .map(|f| f["code"].as_str().expect("code is a string"))
        .collect()
}

/// The endpoints saved in st-setup.json.
pub fn apis_in_state(dir: &Path) -> Vec<String> {
    let state: Value = serde_json::from_str(&read(dir, STATE)).expect("st-setup.json is JSON");
    state["answers"]["apis"]
        .as_array()
        .expect("answers.apis")
        .iter()
        .map(|a| a.as_str().expect("string").to_owned())
        .collect()
}

/// A lock directory under the test target folder, so two test processes never install
/// the same SDKs at once (npm ci, the Python venv). One left by a killed run is taken
/// after 10 minutes.
pub struct DirLock(std::path::PathBuf);

impl DirLock {
    pub fn acquire(name: &str) -> Result<Self, String> {
        use std::time::{Duration, Instant};
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let start = Instant::now();
        loop {
            match std::fs::create_dir_all(path.parent().unwrap())
                .and_then(|()| std::fs::create_dir(&path))
            {
                Ok(()) => return Ok(DirLock(path)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let age = std::fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .unwrap_or_default();
                    if age > Duration::from_secs(600) {
                        let _ = std::fs::remove_dir(&path); // left behind by a killed run
                    } else if start.elapsed() > Duration::from_secs(600) {
                        return Err(format!("waited 10 minutes for {}", path.display()));
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(e) => return Err(format!("cannot create {}: {e}", path.display())),
            }
        }
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir(&self.0);
    }
}

/// A finished process's stdout then stderr, as text.
/// Links the conformance tests' node_modules (the pinned SDKs and frameworks) into `dir`,
/// a project of a test, as if it had installed them itself.
pub fn link_node_modules(dir: &Path) {
    std::os::unix::fs::symlink(
        crate::sdk::sdk_dir().join("node_modules"),
        dir.join("node_modules"),
    )
    .expect("node_modules links");
}

/// tsc over the project at `root`, as its tsconfig.json says; `what` names it on failure.
pub fn assert_tsc(root: &Path, what: &str) {
    let out = std::process::Command::new(root.join("node_modules/.bin/tsc"))
        .args(["-p", "."])
        .current_dir(root)
        .output()
        .expect("tsc runs");
    assert!(out.status.success(), "tsc ({what}):\n{}", output_text(&out));
}

pub fn output_text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// How an app answered two CORS preflights for the SDK's refresh route (`{"website": …,
/// "other": …}`, each with `origin`, `credentials`, `headers`): the website is allowed,
/// with credentials and the headers the SDK sends; the look-alike origin gets no
/// Access-Control-Allow-Origin.
pub fn assert_preflights(answers: &serde_json::Value, website: &str) {
    let allowed = &answers["website"];
    assert_eq!(allowed["origin"], website, "{answers}");
    assert_eq!(allowed["credentials"], "true", "{answers}");
    let headers = allowed["headers"]
        .as_str()
        .unwrap_or("")
        .to_ascii_lowercase();
    for header in [
        "content-type",
        "rid",
        "fdi-version",
        "st-auth-mode",
        "anti-csrf",
    ] {
        assert!(
            headers.split(',').any(|h| h.trim() == header),
            "{header} is not allowed: {answers}"
        );
    }
    assert_eq!(
        answers["other"]["origin"],
        serde_json::Value::Null,
        "another origin is allowed: {answers}"
    );
}

/// Copies the folder `from` into `to` (which exists), files and folders alike.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
