//! Go backends: files st-setup writes for supertokens-golang are checked with `gofmt` and
//! `go vet` against `tests/go/stub`, a stub of the SDK's exported types transcribed from
//! supertokens-golang v0.25.2 (each stub file names its source). Go modules cannot be
//! downloaded here, so the stub is wired in with a `replace` directive and the go tool runs
//! with the network and the checksum database off.
//!
//! Needs `go` and `gofmt` on PATH (Debian's golang-go): without them these tests FAIL (never
//! skip). GOCACHE and GOPATH live under target/, so the standard library is compiled once
//! per clone (the first `go vet` takes seconds, later ones a fraction of a second).

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The stub module `github.com/supertokens/supertokens-golang`.
fn stub_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("go")
        .join("stub")
}

/// GOCACHE and GOPATH, shared by every check in a run (and across runs).
fn go_home() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("go")
}

/// Panics (fails the test) unless `go` and `gofmt` run.
pub fn go_ready() {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    if let Err(message) = READY.get_or_init(probe_go) {
        panic!("{message}");
    }
}

fn probe_go() -> Result<(), String> {
    const NEED: &str = "the Go backend tests (tests/it/golang.rs) need `go` and `gofmt` on PATH: \
                        install Debian's golang-go (`apt-get install golang-go`)";
    let go = go_command(&std::env::temp_dir())
        .arg("version")
        .output()
        .map_err(|e| format!("{NEED}; running `go version` failed: {e}"))?;
    if !go.status.success() {
        return Err(format!("{NEED}; `go version` failed:\n{}", text(&go)));
    }
    let gofmt = Command::new("gofmt")
        .arg("-l")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{NEED}; running `gofmt` failed: {e}"))?;
    if !gofmt.status.success() {
        return Err(format!("{NEED}; `gofmt -l` failed:\n{}", text(&gofmt)));
    }
    Ok(())
}

/// The go tool, offline and hermetic: no proxy, no checksum database, no go.work, no
/// user go.env, no toolchain switching, no cgo; caches under target/.
pub fn go_command(dir: &Path) -> Command {
    let home = go_home();
    let mut cmd = Command::new("go");
    cmd.current_dir(dir)
        .env("GO111MODULE", "on")
        .env("GOENV", "off")
        .env("GOWORK", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .env("GOSUMDB", "off")
        .env("GONOSUMDB", "*")
        .env("GOFLAGS", "-mod=mod")
        .env("CGO_ENABLED", "0")
        .env("GOCACHE", home.join("cache"))
        .env("GOPATH", home.join("path"))
        .env("GOMODCACHE", home.join("path").join("pkg").join("mod"))
        .stdin(Stdio::null());
    cmd
}

use crate::common::output_text as text;

/// The files, numbered, to read next to a compiler message.
fn listing(files: &[(&str, &str)]) -> String {
    use std::fmt::Write as _;
    let mut all = String::new();
    for (name, body) in files {
        let _ = writeln!(all, "---- {name}");
        for (n, line) in body.lines().enumerate() {
            let _ = writeln!(all, "{:4} | {line}", n + 1);
        }
    }
    all
}

/// Writes `files` (relative paths, e.g. `supertokens.go`) into a fresh module
/// `example.com/app` that requires the stub SDK, then runs `gofmt -l -e` (every file must
/// be gofmt-clean) and `go vet ./...`. Err carries the full tool output.
pub fn go_check(files: &[(&str, &str)]) -> Result<(), String> {
    go_ready();
    let dir = tempfile::Builder::new()
        .prefix("st-setup-go-")
        .tempdir()
        .map_err(|e| format!("temp dir: {e}"))?;
    let go_mod = format!(
        "module example.com/app\n\ngo 1.19\n\n\
         require github.com/supertokens/supertokens-golang v0.0.0\n\n\
         replace github.com/supertokens/supertokens-golang => {}\n",
        stub_dir().display()
    );
    fs::write(dir.path().join("go.mod"), go_mod).map_err(|e| format!("go.mod: {e}"))?;
    for (name, body) in files {
        let rel = Path::new(name);
        if *name == "go.mod" || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(format!("go_check: bad file name {name:?}"));
        }
        let path = dir.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).map_err(|e| format!("{name}: {e}"))?;
        fs::write(&path, body).map_err(|e| format!("{name}: {e}"))?;
    }

    let go_files: Vec<&str> = files
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| name.ends_with(".go"))
        .collect();
    if !go_files.is_empty() {
        let gofmt = |flag: &str, names: &[&str]| {
            Command::new("gofmt")
                .arg(flag)
                .arg("-e")
                .args(names)
                .current_dir(dir.path())
                .stdin(Stdio::null())
                .output()
                .map_err(|e| format!("running gofmt: {e}"))
        };
        let listed = gofmt("-l", &go_files)?;
        if !listed.status.success() {
            return Err(format!(
                "gofmt -l -e failed ({}):\n{}\n{}",
                listed.status,
                text(&listed),
                listing(files)
            ));
        }
        let unclean: Vec<&str> = String::from_utf8_lossy(&listed.stdout)
            .lines()
            .filter_map(|l| go_files.iter().copied().find(|f| *f == l.trim()))
            .collect();
        if !unclean.is_empty() {
            let diff = gofmt("-d", &unclean)?;
            return Err(format!(
                "not gofmt-clean: {}\n{}",
                unclean.join(", "),
                text(&diff)
            ));
        }
    }

    let vet = go_command(dir.path())
        .args(["vet", "./..."])
        .output()
        .map_err(|e| format!("running go vet: {e}"))?;
    if !vet.status.success() {
        return Err(format!(
            "go vet ./... failed ({}):\n{}\n{}",
            vet.status,
            text(&vet),
            listing(files)
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------- the harness itself

/// The shape of the file st-setup writes for a supertokens-golang backend.
const GENERATED: &str = r#"// SuperTokens backend setup (supertokens-golang), generated by st-setup.
package main

import (
	"github.com/supertokens/supertokens-golang/recipe/session"
	"github.com/supertokens/supertokens-golang/recipe/session/sessmodels"
	"github.com/supertokens/supertokens-golang/supertokens"
)

// st-setup:begin backend (managed by st-setup: re-run `st-setup` to change it)
var stConnectionURI = "http://localhost:3567"

var stAppInfo = supertokens.AppInfo{
	AppName:       "Acme",
	APIDomain:     "https://api.example.com",
	WebsiteDomain: "https://example.com",
}

var stCookieDomain = ".example.com"

var stSession = sessmodels.TypeInput{
	CookieDomain: &stCookieDomain,
}

// st-setup:end

func initSuperTokens() error {
	return supertokens.Init(supertokens.TypeInput{
		Supertokens: &supertokens.ConnectionInfo{ConnectionURI: stConnectionURI},
		AppInfo:     stAppInfo,
		RecipeList: []supertokens.Recipe{
			session.Init(&stSession),
		},
	})
}
"#;

fn replaced(from: &str, to: &str) -> String {
    assert!(GENERATED.contains(from), "{from:?} not in GENERATED");
    GENERATED.replacen(from, to, 1)
}

#[test]
fn go_check_accepts_the_generated_shape() {
    if let Err(e) = go_check(&[("supertokens.go", GENERATED)]) {
        panic!("{e}");
    }
}

#[test]
fn go_check_accepts_a_package_in_a_subfolder() {
    let file = GENERATED.replace("package main", "package backend");
    let main = "package main\n\nimport \"example.com/app/backend\"\n\nfunc main() {\n\t_ = backend.Middleware\n}\n";
    let file = file.replace(
        "// st-setup:end\n",
        "// st-setup:end\n\n// Middleware is the SuperTokens middleware.\nvar Middleware = supertokens.Middleware\n",
    );
    if let Err(e) = go_check(&[("backend/supertokens.go", &file), ("main.go", main)]) {
        panic!("{e}");
    }
}

#[test]
fn go_check_rejects_a_string_where_the_sdk_wants_a_pointer() {
    // sessmodels.TypeInput.CookieDomain is *string upstream.
    let file = replaced(
        "CookieDomain: &stCookieDomain,",
        "CookieDomain: \".example.com\",",
    );
    let err = go_check(&[("supertokens.go", &file)]).expect_err("a string for *string compiled");
    assert!(err.contains("go vet"), "{err}");
    assert!(err.contains("*string"), "{err}");
}

#[test]
fn go_check_rejects_a_field_the_sdk_does_not_have() {
    let file = replaced(
        "CookieDomain: &stCookieDomain,",
        "CookieDomian: &stCookieDomain,",
    );
    let err = go_check(&[("supertokens.go", &file)]).expect_err("an unknown field compiled");
    assert!(err.contains("CookieDomian"), "{err}");
}

#[test]
fn go_check_rejects_files_that_are_not_gofmt_clean() {
    // gofmt aligns the single-line keys of a literal; a multi-line value breaks the run.
    let file = replaced("AppInfo:     stAppInfo,", "AppInfo: stAppInfo,");
    let err = go_check(&[("supertokens.go", &file)]).expect_err("unformatted file passed");
    assert!(err.starts_with("not gofmt-clean: supertokens.go"), "{err}");
    assert!(err.contains("+\t\tAppInfo:     stAppInfo,"), "{err}");

    let file = replaced("RecipeList: []", "RecipeList:  []");
    let err = go_check(&[("supertokens.go", &file)]).expect_err("unformatted file passed");
    assert!(err.starts_with("not gofmt-clean"), "{err}");

    let file = replaced(
        "func initSuperTokens() error {",
        "func initSuperTokens() error",
    );
    let err = go_check(&[("supertokens.go", &file)]).expect_err("syntax error passed");
    assert!(err.starts_with("gofmt -l -e failed"), "{err}");
}
