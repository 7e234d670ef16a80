//! Python backend conformance: generated supertokens-python files, run against the real
//! SDK pinned in `tests/python/requirements.txt`, by `tests/python/readback.py` (runs one
//! file in a fresh process and prints what the SDK's own state says after `init(...)`).
//!
//! Needs python3 >= 3.11 with the `venv` module on PATH: without it these tests FAIL (never
//! skip). The venv lives in `$CARGO_TARGET_DIR/python-venv`; it is (re)built with pip, once
//! per run of the test binary, when it is missing or its stamp is older than (or differs
//! from) requirements.txt or the python3 that built it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::sync::OnceLock;
use std::time::{Instant, SystemTime};

use serde_json::{Value, json};

use crate::common::project;

// ---------------------------------------------------------------- python3 + venv, once

fn python_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("python")
}

/// `$CARGO_TARGET_DIR/python-venv` (CARGO_TARGET_TMPDIR is `$CARGO_TARGET_DIR/tmp`).
fn venv_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).join("python-venv")
}

fn venv_python() -> PathBuf {
    if cfg!(windows) {
        venv_dir().join("Scripts").join("python.exe")
    } else {
        venv_dir().join("bin").join("python")
    }
}

/// Written after a successful install: which python3 and which requirements it was built for.
fn stamp_path() -> PathBuf {
    venv_dir().join("st-setup-requirements.stamp")
}

/// Panics (fails the test) unless python3 >= 3.11 runs and the venv is current. Returns the
/// venv's python.
pub fn python_ready() -> PathBuf {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    if let Err(message) = READY.get_or_init(prepare_venv) {
        panic!("{message}");
    }
    venv_python()
}

const NEED: &str = "the Python backend tests (tests/it/python.rs) need python3 >= 3.11 with the \
                    venv module (Debian/Ubuntu: apt install python3-venv) on PATH, and PyPI \
                    reachable the first time";

fn prepare_venv() -> Result<(), String> {
    let out = StdCommand::new("python3")
        .args([
            "-c",
            "import sys, venv; print('%d.%d.%d' % sys.version_info[:3])",
        ])
        .output()
        .map_err(|e| format!("{NEED}: running `python3` failed: {e}"))?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() {
        return Err(format!(
            "{NEED}: `python3 -c 'import venv'` failed:\n{}",
            text(&out)
        ));
    }
    let mut parts = version.split('.').map(|p| p.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(major), Some(minor)) if (major, minor) >= (3, 11) => {}
        _ => return Err(format!("{NEED}: found python3 {version:?}")),
    }
    let requirements = python_dir().join("requirements.txt");
    let wanted = format!(
        "python3 {version}\n{}",
        fs::read_to_string(&requirements)
            .map_err(|e| format!("cannot read {}: {e}", requirements.display()))?
    );
    if install_needed(&wanted) {
        let _lock = crate::common::DirLock::acquire("python-venv.lock")?;
        // Another test process may have installed while we waited for the lock.
        if install_needed(&wanted) {
            install(&requirements)?;
            fs::write(stamp_path(), &wanted)
                .map_err(|e| format!("cannot write {}: {e}", stamp_path().display()))?;
        }
    }
    Ok(())
}

/// The venv is missing, half-installed, or its stamp is older than / differs from `wanted`.
fn install_needed(wanted: &str) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    let stamp = modified(&stamp_path());
    let requirements = modified(&python_dir().join("requirements.txt"));
    stamp.is_none_or(|s| s < requirements.unwrap_or(SystemTime::UNIX_EPOCH))
        || fs::read_to_string(stamp_path()).ok().as_deref() != Some(wanted)
        || !venv_python().is_file()
}

/// Rebuilds the venv from scratch: `python3 -m venv`, then `pip install -r requirements.txt`.
fn install(requirements: &Path) -> Result<(), String> {
    let dir = venv_dir();
    let start = Instant::now();
    eprintln!(
        "python: building {} from {}",
        dir.display(),
        requirements.display()
    );
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    let run = |cmd: &mut StdCommand, what: &str| -> Result<(), String> {
        let out = cmd
            .output()
            .map_err(|e| format!("{NEED}: running {what} failed: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!("{what} failed ({}):\n{}", out.status, text(&out)))
        }
    };
    run(
        StdCommand::new("python3").arg("-m").arg("venv").arg(&dir),
        "`python3 -m venv`",
    )
    .map_err(|e| format!("{NEED}: {e}"))?;
    run(
        StdCommand::new(venv_python())
            .args(["-m", "pip", "install", "--disable-pip-version-check"])
            .args(["--no-input", "--quiet", "-r"])
            .arg(requirements),
        "`pip install -r tests/python/requirements.txt`",
    )?;
    run(
        StdCommand::new(venv_python()).args(["-m", "pip", "check", "--disable-pip-version-check"]),
        "`pip check`",
    )?;
    eprintln!(
        "python: venv ready in {:.1}s",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

use crate::common::output_text as text;

// ---------------------------------------------------------------- read-back and parsing

/// Starts readback.py on `file` (isolated mode: no PYTHONPATH, no user site-packages).
fn spawn_read_back(file: &Path) -> std::process::Child {
    spawn_read_back_with(file, &[])
}

/// `spawn_read_back` with these environment variables (ST_SETUP_ENV cleared unless given).
fn spawn_read_back_with(file: &Path, vars: &[(&str, &str)]) -> std::process::Child {
    let mut cmd = StdCommand::new(python_ready());
    cmd.env_remove("ST_SETUP_ENV");
    for (name, value) in vars {
        cmd.env(name, value);
    }
    cmd.arg("-I")
        .arg(python_dir().join("readback.py"))
        .arg(file)
        .env("SUPERTOKENS_TLDEXTRACT_DISABLE_HTTP", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("running readback.py: {e}"))
}

fn finish_read_back(file: &Path, child: std::process::Child) -> Result<Value, String> {
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("waiting for readback.py: {e}"));
    let shown = || {
        format!(
            "readback.py {} ({}):\n--- stdout\n{}--- stderr\n{}--- file\n{}",
            file.display(),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            fs::read_to_string(file).unwrap_or_default()
        )
    };
    if !out.status.success() {
        return Err(shown());
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("bad JSON ({e}) from {}", shown()))
}

/// Runs `file` under the real SDK; `Err` holds the exit status, stdout, stderr and the file.
pub fn try_read_back(file: &Path) -> Result<Value, String> {
    finish_read_back(file, spawn_read_back(file))
}

/// `try_read_back` in a process started with these environment variables.
pub fn try_read_back_with(file: &Path, vars: &[(&str, &str)]) -> Result<Value, String> {
    finish_read_back(file, spawn_read_back_with(file, vars))
}

/// What the SDK's own state says after running `file` (see readback.py for the keys).
/// Panics with readback.py's stdout and stderr when the file fails to run.
pub fn read_back(file: &Path) -> Value {
    try_read_back(file).unwrap_or_else(|e| panic!("{e}"))
}

/// `read_back` of several files, in concurrent processes.
pub fn read_back_all(files: &[PathBuf]) -> Vec<Value> {
    let children: Vec<_> = files.iter().map(|f| spawn_read_back(f)).collect();
    files
        .iter()
        .zip(children)
        .map(|(f, child)| finish_read_back(f, child).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// `ast.parse` of each text in ONE venv python process: `Err("line L, col C: message")`.
pub fn python_parse_all(texts: &[String]) -> Vec<Result<(), String>> {
    const SCRIPT: &str = r#"
import ast, json, sys
out = []
for i, text in enumerate(json.load(sys.stdin)):
    try:
        ast.parse(text, filename=f"<text {i}>")
        out.append(None)
    except (SyntaxError, ValueError) as e:
        where = f"line {e.lineno}, col {e.offset}: " if isinstance(e, SyntaxError) else ""
        out.append(where + (e.msg if isinstance(e, SyntaxError) else str(e)))
json.dump(out, sys.stdout)
"#;
    let mut child = StdCommand::new(python_ready())
        .args(["-I", "-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("running python ast.parse: {e}"));
    let input = serde_json::to_vec(texts).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Written from a thread: a large batch must not deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("python ast.parse");
    writer.join().unwrap().expect("writing texts to python");
    assert!(
        out.status.success(),
        "python ast.parse batch failed:\n{}",
        text(&out)
    );
    let results: Vec<Option<String>> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON from ast.parse batch ({e}):\n{}", text(&out)));
    assert_eq!(results.len(), texts.len(), "ast.parse batch lost texts");
    results.into_iter().map(|r| r.map_or(Ok(()), Err)).collect()
}

/// `ast.parse` of one text (a process per call: prefer `python_parse_all` for many).
pub fn python_parses(text: &str) -> Result<(), String> {
    python_parse_all(&[text.to_string()]).remove(0)
}

// ---------------------------------------------------------------- hand-written samples

/// Exactly the shape st-setup generates; the `{…}` holes are Python expressions.
const SAMPLE: &str = r#"# SuperTokens backend setup (supertokens-python, {title}), generated by st-setup.
from supertokens_python import InputAppInfo, SupertokensConfig, init
from supertokens_python.recipe import session

# st-setup:begin backend (managed by st-setup: re-run `st-setup` to change it)
ST_CONNECTION_URI = {connection_uri}
ST_APP_INFO = InputAppInfo(
    app_name={app_name},
    api_domain={api_domain},
    website_domain={website_domain},
)
ST_COOKIE_DOMAIN = {cookie_domain}
ST_OLDER_COOKIE_DOMAIN = {older_cookie_domain}
# st-setup:end

init(
    app_info=ST_APP_INFO,
    supertokens_config=SupertokensConfig(connection_uri=ST_CONNECTION_URI),
    framework="{framework}",
    mode="{mode}",
    recipe_list=[
        session.init(
            cookie_domain=ST_COOKIE_DOMAIN,
            older_cookie_domain=ST_OLDER_COOKIE_DOMAIN,
        ),
    ],
)
"#;

/// A sample file; `holes` override the defaults (Python source for each hole).
struct Sample {
    framework: &'static str,
    mode: &'static str,
    holes: Vec<(&'static str, String)>,
}

impl Sample {
    fn new(framework: &'static str, mode: &'static str) -> Self {
        Sample {
            framework,
            mode,
            holes: Vec::new(),
        }
    }

    fn with(mut self, hole: &'static str, python: &str) -> Self {
        self.holes.push((hole, python.to_string()));
        self
    }

    fn render(&self) -> String {
        let title = match self.framework {
            "fastapi" => "FastAPI",
            "flask" => "Flask",
            "django" => "Django",
            other => other,
        };
        let mut holes = vec![
            ("title", title.to_string()),
            ("framework", self.framework.to_string()),
            ("mode", self.mode.to_string()),
            ("connection_uri", r#""http://localhost:3567""#.to_string()),
            ("app_name", r#""Acme""#.to_string()),
            ("api_domain", r#""https://api.example.com""#.to_string()),
            ("website_domain", r#""https://example.com""#.to_string()),
            ("cookie_domain", r#"".example.com""#.to_string()),
            ("older_cookie_domain", "None".to_string()),
        ];
        for (hole, python) in &self.holes {
            let slot = holes
                .iter_mut()
                .find(|(h, _)| h == hole)
                .expect("known hole");
            slot.1.clone_from(python);
        }
        let mut out = SAMPLE.to_string();
        for (hole, python) in holes {
            let hole = format!("{{{hole}}}");
            assert!(out.contains(&hole), "{hole} not in SAMPLE");
            out = out.replace(&hole, &python);
        }
        out
    }

    /// Writes the sample as `<dir>/<name>.py`.
    fn write(&self, dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(format!("{name}.py"));
        fs::write(&path, self.render()).unwrap();
        path
    }
}

/// The values readback.py reports for the default sample under `framework` / `mode`.
fn expected(framework: &str, mode: &str) -> Value {
    json!({
        "cookie_domain": ".example.com",
        "older_cookie_domain": null,
        // The SDK's default: header or cookie, as the request asks.
        "token_transfer_method": ["any", "any"],
        "api_domain": "https://api.example.com",
        "website_domain": "https://example.com",
        "app_name": "Acme",
        "connection_uri": "http://localhost:3567",
        "framework": framework,
        "mode": mode,
        "core_hosts": ["http://localhost:3567"],
        "top_level_api_domain": "example.com",
        "api_base_path": "/auth",
        "website_base_path": "/auth",
        "cookie_secure": true,
        "cookie_same_site": "lax",
        "middleware": format!(
            "supertokens_python.framework.{framework}.{}",
            match framework {
                "fastapi" => "get_middleware",
                "flask" => "Middleware",
                _ => "middleware",
            }
        ),
        // Session only; the rest the SDK adds by itself.
        "recipes": ["session", "accountlinking", "jwt", "openid", "multitenancy", "usermetadata", "oauth2provider"],
    })
}

/// A sample named after a framework (flask.py, django.py) must not shadow the framework.
#[test]
fn python_sample_runs_under_each_framework() {
    let dir = project();
    let cases = [
        ("fastapi", "asgi"),
        ("flask", "wsgi"),
        ("django", "wsgi"),
        ("django", "asgi"),
    ];
    let files: Vec<PathBuf> = cases
        .iter()
        .enumerate()
        .map(|(i, (fw, mode))| Sample::new(fw, mode).write(dir.path(), &format!("{fw}{i}")))
        .collect();
    let started = Instant::now();
    let got = read_back_all(&files);
    eprintln!(
        "python: {} read-backs in {} ms",
        files.len(),
        started.elapsed().as_millis()
    );
    for ((fw, mode), got) in cases.iter().zip(got) {
        assert_eq!(got, expected(fw, mode), "{fw} / {mode}");
    }
    let started = Instant::now();
    let one = read_back(&files[0]);
    eprintln!(
        "python: one read-back in {} ms",
        started.elapsed().as_millis()
    );
    assert_eq!(one, expected("fastapi", "asgi"));
}

#[test]
fn python_sample_values_read_back_from_the_sdk() {
    let dir = project();
    // (sample, the fields readback.py must report differently from `expected`)
    let cases: Vec<(Sample, Value)> = vec![
        (
            Sample::new("fastapi", "asgi").with("cookie_domain", "None"),
            json!({ "cookie_domain": null }),
        ),
        (
            // "" is kept as "" (the SDK then clears host-only cookies), not normalised.
            Sample::new("flask", "wsgi").with("older_cookie_domain", r#""""#),
            json!({ "older_cookie_domain": "" }),
        ),
        (
            Sample::new("django", "wsgi").with("older_cookie_domain", r#"".old.example.com""#),
            json!({ "older_cookie_domain": ".old.example.com" }),
        ),
        (
            Sample::new("fastapi", "asgi").with(
                "app_name",
                r#""Ac\"me\\ ${x} `t` line2\u2028end </script> 'q' Zo\u00eb 日本""#,
            ),
            json!({ "app_name": "Ac\"me\\ ${x} `t` line2\u{2028}end </script> 'q' Zoë 日本" }),
        ),
        (
            // Not from st-setup: what the SDK itself does to the values (see the report).
            Sample::new("fastapi", "asgi")
                .with("cookie_domain", r#"".Example.COM:8080""#)
                .with("older_cookie_domain", r#""Old.Example.com""#)
                .with("api_domain", r#""HTTPS://API.Example.com/""#)
                .with("website_domain", r#""https://Example.com:443/app""#),
            json!({
                "cookie_domain": ".example.com",
                "older_cookie_domain": "old.example.com",
                "website_domain": "https://example.com:443",
            }),
        ),
        (
            // No punycode: the SDK keeps (and lower-cases) what it is given.
            Sample::new("fastapi", "asgi")
                .with("cookie_domain", r#"".B\u00fccher.de""#)
                .with("older_cookie_domain", r#"".xn--bcher-kva.de""#)
                .with("api_domain", r#""https://api.xn--bcher-kva.de""#)
                .with("website_domain", r#""https://xn--bcher-kva.de""#),
            json!({
                "cookie_domain": ".bücher.de",
                "older_cookie_domain": ".xn--bcher-kva.de",
                "api_domain": "https://api.xn--bcher-kva.de",
                "website_domain": "https://xn--bcher-kva.de",
                "top_level_api_domain": "xn--bcher-kva.de",
            }),
        ),
    ];
    let files: Vec<PathBuf> = cases
        .iter()
        .enumerate()
        .map(|(i, (sample, _))| sample.write(dir.path(), &format!("backend{i}")))
        .collect();
    for (((sample, changes), got), file) in cases.iter().zip(read_back_all(&files)).zip(&files) {
        let mut want = expected(sample.framework, sample.mode);
        for (key, value) in changes.as_object().unwrap() {
            want[key] = value.clone();
        }
        assert_eq!(got, want, "{}:\n{}", file.display(), sample.render());
    }
}

#[test]
fn python_read_back_fails_loudly() {
    let dir = project();
    // The SDK rejects an empty cookie domain at init().
    let file = Sample::new("fastapi", "asgi")
        .with("cookie_domain", r#""""#)
        .write(dir.path(), "empty_cookie_domain");
    let err = try_read_back(&file).expect_err("empty cookie domain must fail");
    assert!(
        err.contains("Please provide a valid session_scope"),
        "{err}"
    );
    assert!(err.contains("Traceback"), "{err}");
    // A framework the SDK does not know fails its pydantic validation.
    let file = Sample::new("bottle", "wsgi").write(dir.path(), "bottle");
    let err = try_read_back(&file).expect_err("unknown framework must fail");
    assert!(
        err.contains("Input should be 'fastapi', 'flask' or 'django'"),
        "{err}"
    );
}

#[test]
fn python_parse_batch() {
    let good = Sample::new("django", "wsgi").render();
    let texts = vec![
        good.clone(),
        good.replace("mode=\"wsgi\",", "mode=\"wsgi\""),
        "x = \"unterminated\n".to_string(),
        String::new(),
    ];
    let results = python_parse_all(&texts);
    assert_eq!(results[0], Ok(()));
    let err = results[1].as_ref().expect_err("missing comma");
    assert!(err.starts_with("line 20, col "), "{err}");
    assert!(
        results[2]
            .as_ref()
            .unwrap_err()
            .contains("unterminated string"),
        "{results:?}"
    );
    assert_eq!(results[3], Ok(()));
    assert_eq!(python_parses(&good), Ok(()));
    assert!(python_parses("def f(:\n").is_err());
}
