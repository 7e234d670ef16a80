//! SDK conformance: the files st-setup writes, checked against the real
//! SuperTokens SDKs pinned in `tests/sdk/package-lock.json`, by `tests/sdk/typecheck.mjs`
//! (tsc against the SDKs' types) and `tests/sdk/check.mjs` (runs the files and reads what
//! the SDKs normalised). See tests/sdk/README.md.
//!
//! Needs Node.js >= 20.6 and npm on PATH: without them these tests FAIL (never skip).
//! `tests/sdk/node_modules` is installed here with `npm ci` when it is missing or older
//! than `package-lock.json`, once per run of the test binary.
//!
//! Our own values (cookie domain, apiDomain) are read from `st-setup domain --json`, and
//! checked against the values the domain rules (README) require, before the SDKs are asked.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::sync::OnceLock;
use std::time::SystemTime;

use serde_json::{Value, json};

use crate::common::{project, st_setup};

const WEBSITE: &str = "https://example.com";
/// Hosts a `.example.com` session must never be attached to.
const LOOK_ALIKES: [&str; 3] = [
    "https://evil-example.com/",
    "https://example.com.evil.net/auth/session/refresh",
    "https://notexample.com:8443/x",
];
/// An app name that breaks any string literal that is not escaped properly.
const NASTY_NAME: &str = "Ac\"me\\ ${x} `t` line2\u{2028}end </script> 'q'";

// ---------------------------------------------------------------- Node + npm ci, once

pub fn sdk_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("sdk")
}

/// Panics (fails the test) unless Node >= 20.6 runs and tests/sdk/node_modules is current.
pub fn node_ready() {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    if let Err(message) = READY.get_or_init(prepare_node) {
        panic!("{message}");
    }
}

fn prepare_node() -> Result<(), String> {
    const NEED: &str =
        "the SDK conformance tests (tests/it/sdk.rs) need Node.js >= 20.6 and npm on PATH";
    let out = StdCommand::new("node")
        .arg("--version")
        .output()
        .map_err(|e| format!("{NEED}: running `node --version` failed: {e}"))?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let mut parts = version
        .trim_start_matches('v')
        .split('.')
        .map(|p| p.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(major), Some(minor)) if (major, minor) >= (20, 6) => {}
        _ => return Err(format!("{NEED}: found node {version:?}")),
    }
    if install_needed() {
        let _lock = crate::common::DirLock::acquire("sdk-npm-ci.lock")?;
        // Another test process may have installed while we waited for the lock.
        if install_needed() {
            eprintln!("sdk: npm ci in {} (node {version})", sdk_dir().display());
            let out = StdCommand::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(sdk_dir())
                .output()
                .map_err(|e| format!("{NEED}: running `npm ci` failed: {e}"))?;
            if !out.status.success() {
                return Err(format!(
                    "`npm ci` in {} failed ({}):\n{}",
                    sdk_dir().display(),
                    out.status,
                    text(&out)
                ));
            }
            if install_needed() {
                return Err(format!(
                    "`npm ci` succeeded but node_modules still looks stale:\n{}",
                    text(&out)
                ));
            }
        }
    }
    Ok(())
}

/// node_modules is missing, half-installed, or older than package-lock.json.
fn install_needed() -> bool {
    let dir = sdk_dir();
    let modified = |p: PathBuf| fs::metadata(p).and_then(|m| m.modified()).ok();
    let installed = modified(dir.join("node_modules").join(".package-lock.json"));
    let lock = modified(dir.join("package-lock.json")).unwrap_or(SystemTime::UNIX_EPOCH);
    let tsc = dir
        .join("node_modules")
        .join("typescript")
        .join("bin")
        .join("tsc");
    installed.is_none_or(|t| t < lock) || !tsc.is_file()
}

use crate::common::output_text as text;

// ---------------------------------------------------------------- the Node scripts

/// `node tests/sdk/<script> <args>`: exit code and combined output.
pub fn node_script(script: &str, args: &[&str]) -> (i32, String) {
    node_script_with(script, args, &[])
}

/// `node_script` with these environment variables set (and ST_SETUP_ENV and NODE_ENV
/// cleared unless given), as a deployment would start it.
fn node_script_with(script: &str, args: &[&str], vars: &[(&str, &str)]) -> (i32, String) {
    node_ready();
    let mut cmd = StdCommand::new("node");
    cmd.env_remove("ST_SETUP_ENV").env_remove("NODE_ENV");
    for (name, value) in vars {
        cmd.env(name, value);
    }
    let out = cmd
        .arg(sdk_dir().join(script))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running node {script}: {e}"));
    (out.status.code().unwrap_or(-1), text(&out))
}

/// Generates a TypeScript project for each UI under `tmp/typed` (`generate(folder, ui)`)
/// and asserts its backend and frontend, four files in all, type-check.
fn assert_both_uis_typecheck(tmp: &Path, generate: impl Fn(&Path, &str)) {
    let typed = tmp.join("typed");
    fs::create_dir_all(&typed).unwrap();
    fs::write(typed.join("package.json"), "{}").unwrap();
    for ui in ["prebuilt", "custom"] {
        generate(&typed.join(ui), ui);
    }
    assert_typechecks(&typed, "bundler", 4);
}

/// Type-checks every file under `dir`; asserts it is clean and that `files` files were checked.
fn assert_typechecks(dir: &Path, resolution: &str, files: usize) {
    let (code, out) = node_script(
        "typecheck.mjs",
        &[path_str(dir), "--resolution", resolution],
    );
    assert_eq!(
        code, 0,
        "typecheck.mjs --resolution {resolution} failed:\n{out}"
    );
    let want = format!("typecheck ok ({resolution}): {files} files under");
    assert!(out.contains(&want), "expected {want:?} in:\n{out}");
}

/// Writes `spec` next to the files and runs check.mjs on it.
fn run_check(dir: &Path, spec: &Value) -> (i32, String) {
    run_check_with(dir, spec, &[])
}

fn run_check_with(dir: &Path, spec: &Value, vars: &[(&str, &str)]) -> (i32, String) {
    let spec_path = dir.join("sdk-check-spec.json");
    fs::write(&spec_path, serde_json::to_string_pretty(spec).unwrap()).unwrap();
    let (code, out) = node_script_with("check.mjs", &[path_str(&spec_path)], vars);
    (
        code,
        format!(
            "spec {}:\n{}\n---\n{out}",
            spec_path.display(),
            serde_json::to_string_pretty(spec).unwrap()
        ),
    )
}

/// check.mjs passes, and printed each of `lines` (so no check was silently left out).
pub fn assert_check_ok(dir: &Path, spec: &Value, lines: &[String]) {
    let (code, out) = run_check(dir, spec);
    assert_eq!(code, 0, "check.mjs failed:\n{out}");
    assert!(out.contains("\nALL OK"), "no ALL OK:\n{out}");
    for line in lines {
        assert!(
            out.contains(&format!("{line}\n")),
            "missing line {line:?} in:\n{out}"
        );
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// A value as check.mjs prints it (JSON, with U+2028 escaped).
fn shown(v: &Value) -> String {
    if v.is_null() {
        return "undefined".into();
    }
    v.to_string().replace('\u{2028}', "\\u2028")
}

// ---------------------------------------------------------------- generating projects

/// Language and module system of a generated project.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Flavor {
    /// TypeScript, no package.json.
    Ts,
    /// TypeScript in a `"type": "module"` package.
    TsEsm,
    /// JavaScript, `"type": "module"`.
    Esm,
    /// JavaScript, `"type": "commonjs"`.
    Cjs,
    /// JavaScript, package.json without "type" (CommonJS).
    CjsBare,
    /// JavaScript, CommonJS root with `frontend/package.json` saying `"type": "module"`.
    Mixed,
}

const FLAVORS: [Flavor; 6] = [
    Flavor::Ts,
    Flavor::TsEsm,
    Flavor::Esm,
    Flavor::Cjs,
    Flavor::CjsBare,
    Flavor::Mixed,
];

impl Flavor {
    fn lang(self) -> &'static str {
        match self {
            Flavor::Ts | Flavor::TsEsm => "ts",
            _ => "js",
        }
    }

    fn write_package_jsons(self, dir: &Path) {
        let root = match self {
            Flavor::Ts => return,
            Flavor::TsEsm | Flavor::Esm => r#"{"type":"module"}"#,
            Flavor::Cjs | Flavor::Mixed => r#"{"type":"commonjs"}"#,
            Flavor::CjsBare => "{}",
        };
        fs::write(dir.join("package.json"), root).unwrap();
        if self == Flavor::Mixed {
            fs::create_dir_all(dir.join("frontend")).unwrap();
            fs::write(dir.join("frontend/package.json"), r#"{"type":"module"}"#).unwrap();
        }
    }
}

/// Which APIs, and what the domain rules say the result must be.
#[derive(Clone, Copy, Debug)]
pub enum Setup {
    /// api + api2 on example.com.
    TwoApis,
    /// One host on two ports: no shared domain.
    SingleHost,
    /// api.eu + api2.eu, then `add-api https://api.example.com`: the domain widens.
    Older,
    /// One host, then `add-api https://api2.example.com`: there was no domain before.
    OlderFromNone,
}

impl Setup {
    pub const ALL: [Setup; 4] = [
        Setup::TwoApis,
        Setup::SingleHost,
        Setup::Older,
        Setup::OlderFromNone,
    ];

    pub fn first_apis(self) -> &'static [&'static str] {
        match self {
            Setup::TwoApis => &["https://api.example.com", "https://api2.example.com"],
            Setup::SingleHost => &["https://api.example.com", "https://api.example.com:8443"],
            Setup::Older => &["https://api.eu.example.com", "https://api2.eu.example.com"],
            Setup::OlderFromNone => &["https://api.example.com"],
        }
    }

    /// The sign-in recipes: each setup takes another choice, so that every variant of the
    /// matrix meets each recipe (and Session alone) somewhere.
    pub fn recipes(self) -> &'static str {
        match self {
            Setup::TwoApis => "emailpassword",
            Setup::SingleHost => "emailpassword,thirdparty,passwordless",
            Setup::Older => "thirdparty,passwordless",
            Setup::OlderFromNone => "none",
        }
    }

    pub fn added_api(self) -> Option<&'static str> {
        match self {
            Setup::TwoApis | Setup::SingleHost => None,
            Setup::Older => Some("https://api.example.com"),
            Setup::OlderFromNone => Some("https://api2.example.com"),
        }
    }

    /// (cookieDomain, apiDomain, olderCookieDomain) as the domain rules require them.
    pub fn expected(self) -> (Option<&'static str>, &'static str, Option<&'static str>) {
        match self {
            Setup::TwoApis => (Some(".example.com"), "https://api.example.com", None),
            Setup::SingleHost => (None, "https://api.example.com", None),
            Setup::Older => (
                Some(".example.com"),
                "https://api.eu.example.com",
                Some(".eu.example.com"),
            ),
            Setup::OlderFromNone => (Some(".example.com"), "https://api.example.com", Some("")),
        }
    }
}

/// st-setup's own answer, from `st-setup domain --json`.
pub struct Ours {
    pub cookie_domain: Option<String>,
    pub api_domain: String,
    hosts: Vec<String>,
}

pub fn ours(apis: &[&str]) -> Ours {
    let tmp = project();
    let out = st_setup(tmp.path())
        .arg("domain")
        .arg("--json")
        .args(apis)
        .assert()
        .success();
    let v: Value =
        serde_json::from_slice(&out.get_output().stdout).expect("domain --json prints JSON");
    Ours {
        cookie_domain: v["cookieDomain"].as_str().map(str::to_string),
        api_domain: v["apiDomain"].as_str().expect("apiDomain").to_string(),
        hosts: v["endpoints"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["host"].as_str().unwrap().to_string())
            .collect(),
    }
}

/// A generated project and what its files must hold.
struct Gen {
    dir: PathBuf,
    backend: PathBuf,
    frontend: PathBuf,
    ui: &'static str,
    app_name: String,
    setup: Setup,
    ours: Ours,
    /// `Some` when the backend must have `olderCookieDomain`.
    older: Option<String>,
}

/// Runs st-setup (and `add-api` for the Older setups) in `dir`.
fn generate(dir: &Path, flavor: Flavor, ui: &'static str, setup: Setup, app_name: &str) -> Gen {
    fs::create_dir_all(dir).unwrap();
    flavor.write_package_jsons(dir);
    let mut cmd = st_setup(dir);
    cmd.args([
        "--yes",
        "--ui",
        ui,
        "--app-name",
        app_name,
        "--website",
        WEBSITE,
        "--lang",
        flavor.lang(),
        "--recipes",
        setup.recipes(),
    ]);
    for api in setup.first_apis() {
        cmd.args(["--api", api]);
    }
    cmd.assert().success();
    let mut apis = setup.first_apis().to_vec();
    if let Some(added) = setup.added_api() {
        st_setup(dir)
            .args(["add-api", added, "--yes"])
            .assert()
            .success();
        apis.push(added);
    }

    let ext = flavor.lang();
    let (backend, frontend) = (
        dir.join(format!("backend/supertokens.{ext}")),
        dir.join(format!("frontend/supertokens.{ext}")),
    );
    assert!(
        backend.is_file() && frontend.is_file(),
        "{flavor:?}/{ui}/{setup:?}: no {} or {}",
        backend.display(),
        frontend.display()
    );

    // Our values, from `st-setup domain --json`, must be what the domain rules say.
    let (want_domain, want_api, want_older) = setup.expected();
    let now = ours(&apis);
    assert_eq!(
        now.cookie_domain.as_deref(),
        want_domain,
        "st-setup domain --json {apis:?}: cookieDomain"
    );
    assert_eq!(
        now.api_domain, want_api,
        "st-setup domain --json {apis:?}: apiDomain"
    );
    let older = setup
        .added_api()
        .map(|_| ours(setup.first_apis()).cookie_domain.unwrap_or_default());
    assert_eq!(
        older.as_deref(),
        want_older,
        "olderCookieDomain = the cookie domain before add-api"
    );

    Gen {
        dir: dir.to_path_buf(),
        backend,
        frontend,
        ui,
        app_name: app_name.to_string(),
        setup,
        ours: now,
        older,
    }
}

impl Gen {
    fn backend_spec(&self) -> Value {
        let mut expect = json!({
            "appName": self.app_name,
            "apiDomain": self.ours.api_domain,
            "websiteDomain": WEBSITE,
            "cookieDomain": self.ours.cookie_domain,
        });
        // Without `older`, the SDK must also have no olderCookieDomain.
        expect["olderCookieDomain"] = json!(self.older);
        expect["recipes"] = self.recipe_ids();
        json!({ "file": self.backend, "expect": expect })
    }

    /// Every API host on its own, other and no port, with paths; and what must not match.
    fn frontend_spec(&self) -> Value {
        let mut intercept = vec![format!("{}/auth/session/refresh", self.ours.api_domain)];
        for host in &self.ours.hosts {
            intercept.push(format!("https://{host}/"));
            intercept.push(format!("https://{host}:8443/v1/items?page=2#top"));
            intercept.push(format!("http://{host}:3001/graphql"));
        }
        let mut reject: Vec<String> = LOOK_ALIKES.iter().map(|s| s.to_string()).collect();
        match self.setup {
            // Host-only: neither a sibling API host nor the website gets the session.
            Setup::SingleHost => reject.extend([
                "https://api2.example.com/".into(),
                "https://example.com/".into(),
            ]),
            Setup::Older => reject.push("https://eu.example.com.evil.net/".into()),
            _ => {}
        }
        json!({
            "file": self.frontend,
            "ui": self.ui,
            "expect": {
                "appName": self.app_name,
                "apiDomain": self.ours.api_domain,
                "websiteDomain": WEBSITE,
                "sessionTokenBackendDomain": self.ours.cookie_domain,
                "recipes": self.recipe_ids(),
            },
            "intercept": intercept,
            "reject": reject,
        })
    }

    /// The recipe ids both SDKs must have initialised, beside Session.
    fn recipe_ids(&self) -> Value {
        let recipes: st_setup::recipe::Recipes = self.setup.recipes().parse().unwrap();
        json!(recipes.iter().map(|r| r.name()).collect::<Vec<_>>())
    }

    /// The lines check.mjs must print for the values that matter.
    fn must_print(&self) -> Vec<String> {
        let domain = json!(self.ours.cookie_domain);
        let recipes = self.recipe_ids();
        let ids: Vec<&str> = recipes
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let ids = json!(ids.join(","));
        let mut lines = vec![
            format!("ok backend recipes {}", shown(&ids)),
            format!("ok frontend recipes {}", shown(&ids)),
            format!("ok backend appName {}", shown(&json!(self.app_name))),
            format!("ok backend cookieDomain {}", shown(&domain)),
            format!("ok frontend appName {}", shown(&json!(self.app_name))),
            format!("ok frontend sessionTokenBackendDomain {}", shown(&domain)),
        ];
        if let Some(older) = &self.older {
            lines.push(format!(
                "ok backend olderCookieDomain {}",
                shown(&json!(older))
            ));
        }
        lines
    }

    /// Backend and frontend of this project, both run by their SDKs.
    fn assert_sdks_agree(&self) {
        let spec = json!({ "backend": self.backend_spec(), "frontend": self.frontend_spec() });
        assert_check_ok(&self.dir, &spec, &self.must_print());
    }
}

// ---------------------------------------------------------------- tests

/// tsc against the SDKs' types: every language/module system × both UIs × every setup
/// (two APIs, one host, both olderCookieDomain cases) and the nasty app name, in one tsc run;
/// then the backends alone with `--resolution nodenext` (what plain Node accepts).
#[test]
fn every_variant_typechecks_against_the_sdks() {
    let tree = project();
    let root = tree.path().join("bundler");
    let backends = tree.path().join("nodenext");
    // A package.json without "type" above the projects, so no outer one leaks in.
    for top in [&root, &backends] {
        fs::create_dir_all(top).unwrap();
        fs::write(top.join("package.json"), "{}").unwrap();
    }
    let mut projects = 0;
    let mut add = |name: String, g: &Gen| {
        projects += 1;
        let copy = backends.join(&name);
        fs::create_dir_all(copy.join("backend")).unwrap();
        if g.dir.join("package.json").is_file() {
            fs::copy(g.dir.join("package.json"), copy.join("package.json")).unwrap();
        }
        fs::copy(
            &g.backend,
            copy.join("backend").join(g.backend.file_name().unwrap()),
        )
        .unwrap();
    };
    for flavor in FLAVORS {
        for ui in ["prebuilt", "custom"] {
            for setup in [
                Setup::TwoApis,
                Setup::SingleHost,
                Setup::Older,
                Setup::OlderFromNone,
            ] {
                let name = format!("{flavor:?}-{ui}-{setup:?}");
                add(
                    name.clone(),
                    &generate(&root.join(&name), flavor, ui, setup, "Acme"),
                );
            }
            if matches!(flavor, Flavor::Ts | Flavor::Esm | Flavor::Cjs) {
                let name = format!("{flavor:?}-{ui}-nasty-name");
                add(
                    name.clone(),
                    &generate(&root.join(&name), flavor, ui, Setup::TwoApis, NASTY_NAME),
                );
            }
        }
    }
    assert_typechecks(&root, "bundler", 2 * projects);
    assert_typechecks(&backends, "nodenext", projects);
}

/// TypeScript follows the project's tsconfig.json: compiled to CommonJS under
/// `verbatimModuleSyntax` (module nodenext, a package.json without "type"), tsc refuses ES
/// imports (TS1295), so every file uses `import X = require(…)`; in an ES module package
/// under nodenext, the frontends name the file of their deep imports (TS2307 otherwise).
#[test]
fn typescript_follows_the_projects_tsconfig() {
    let tmp = project();
    for (case, package, verbatim) in [
        ("cjs-verbatim", r#"{"name":"app"}"#, true),
        ("esm-nodenext", r#"{"type":"module"}"#, false),
    ] {
        let root = tmp.path().join(case);
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("package.json"), package).unwrap();
        let tsconfig = json!({ "compilerOptions": { "module": "nodenext", "verbatimModuleSyntax": verbatim } });
        fs::write(root.join("tsconfig.json"), tsconfig.to_string()).unwrap();
        for ui in ["prebuilt", "custom"] {
            st_setup(&root)
                .args([
                    "--yes",
                    "--ui",
                    ui,
                    "--app-name",
                    "Acme",
                    "--website",
                    WEBSITE,
                ])
                .args([
                    "--api",
                    "https://api.example.com",
                    "--api",
                    "https://api2.example.com",
                ])
                .args(["--backend-out", &format!("{ui}/backend.ts")])
                .args(["--frontend-out", &format!("{ui}/frontend.ts")])
                .assert()
                .success();
            let backend = fs::read_to_string(root.join(ui).join("backend.ts")).unwrap();
            let frontend = fs::read_to_string(root.join(ui).join("frontend.ts")).unwrap();
            if verbatim {
                assert!(
                    backend.contains("import SuperTokens = require(\"supertokens-node\");"),
                    "{backend}"
                );
                assert!(frontend.contains("import Session = require("), "{frontend}");
            } else {
                assert!(
                    frontend.contains("/recipe/session/index.js\";"),
                    "{frontend}"
                );
                assert!(
                    backend.contains("from \"supertokens-node/recipe/session\";"),
                    "{backend}"
                );
            }
        }
        // st-setup reads its own files back: their init calls read the block's values.
        st_setup(&root).arg("check").assert().success();
        let mut args = vec![path_str(&root), "--resolution", "nodenext"];
        if verbatim {
            args.push("--verbatim");
        }
        let (code, out) = node_script("typecheck.mjs", &args);
        assert_eq!(code, 0, "{case}: typecheck.mjs {args:?} failed:\n{out}");
        assert!(
            out.contains("typecheck ok (nodenext): 4 files under"),
            "{out}"
        );
    }
}

/// Two APIs: the backend runs SuperTokens.init and the frontend runs in jsdom, in ESM and
/// CommonJS, with both UIs; the SDKs' cookieDomain / sessionTokenBackendDomain equal
/// ours, and supertokens-website intercepts every API (any port, any path), no look-alike.
#[test]
fn two_apis_run_in_every_module_system() {
    let tmp = project();
    for (flavor, ui) in [
        (Flavor::Esm, "prebuilt"),
        (Flavor::Cjs, "custom"),
        (Flavor::CjsBare, "prebuilt"),
        // CommonJS backend next to an ESM frontend: each file follows its nearest package.json.
        (Flavor::Mixed, "custom"),
    ] {
        let g = generate(
            &tmp.path().join(format!("{flavor:?}-{ui}")),
            flavor,
            ui,
            Setup::TwoApis,
            "Acme",
        );
        g.assert_sdks_agree();
    }
}

/// One host on two ports: no cookieDomain in supertokens-node, no
/// sessionTokenBackendDomain in supertokens-website, and every port of the host is still
/// intercepted while sibling hosts and the website are not.
#[test]
fn single_host_shares_no_domain() {
    let tmp = project();
    for (flavor, ui) in [(Flavor::Esm, "custom"), (Flavor::Cjs, "prebuilt")] {
        let g = generate(
            &tmp.path().join(format!("{flavor:?}-{ui}")),
            flavor,
            ui,
            Setup::SingleHost,
            "Acme",
        );
        for file in [&g.backend, &g.frontend] {
            let src = fs::read_to_string(file).unwrap();
            assert!(
                !src.contains("cookieDomain:") && !src.contains("sessionTokenBackendDomain:"),
                "{}:\n{src}",
                file.display()
            );
        }
        g.assert_sdks_agree();
    }
}

/// After a domain change (`add-api`), supertokens-node has olderCookieDomain = the previous
/// cookie domain (`""` when there was none), and the frontend follows the new domain.
#[test]
fn older_cookie_domain_after_a_domain_change() {
    let tmp = project();
    let widened = generate(
        &tmp.path().join("widened"),
        Flavor::Cjs,
        "custom",
        Setup::Older,
        "Acme",
    );
    widened.assert_sdks_agree();
    let from_none = generate(
        &tmp.path().join("from-none"),
        Flavor::Esm,
        "prebuilt",
        Setup::OlderFromNone,
        "Acme",
    );
    from_none.assert_sdks_agree();
}

/// `"`, `\`, `${x}`, a backtick and U+2028 (a line separator to JavaScript) in the app
/// name come back from supertokens-node, supertokens-auth-react and supertokens-web-js
/// byte for byte.
#[test]
fn nasty_app_name_survives_every_sdk() {
    let tmp = project();
    for (flavor, ui) in [(Flavor::Esm, "prebuilt"), (Flavor::Cjs, "custom")] {
        let g = generate(
            &tmp.path().join(format!("{flavor:?}-{ui}")),
            flavor,
            ui,
            Setup::TwoApis,
            NASTY_NAME,
        );
        g.assert_sdks_agree();
    }
}

/// The harness can fail: a copy of a generated project with a wrong cookieDomain in the
/// backend and a misspelt key in the frontend (which tsc cannot see) makes check.mjs exit 1,
/// and a wrongly typed value makes typecheck.mjs exit 1.
#[test]
fn harness_rejects_a_tampered_copy() {
    let tmp = project();
    let g = generate(
        &tmp.path().join("good"),
        Flavor::Esm,
        "prebuilt",
        Setup::TwoApis,
        "Acme",
    );
    let bad = tmp.path().join("tampered");
    for sub in ["backend", "frontend"] {
        fs::create_dir_all(bad.join(sub)).unwrap();
    }
    fs::copy(g.dir.join("package.json"), bad.join("package.json")).unwrap();
    let tamper = |from: &Path, to: &Path, old: &str, new: &str| {
        let src = fs::read_to_string(from).unwrap();
        assert_eq!(
            src.matches(old).count(),
            1,
            "{old:?} once in {}:\n{src}",
            from.display()
        );
        fs::write(to, src.replace(old, new)).unwrap();
    };
    let (backend, frontend) = (
        bad.join("backend/supertokens.js"),
        bad.join("frontend/supertokens.js"),
    );
    tamper(
        &g.backend,
        &backend,
        r#"cookieDomain: ".example.com""#,
        r#"cookieDomain: ".other.com""#,
    );
    tamper(
        &g.frontend,
        &frontend,
        "sessionTokenBackendDomain:",
        "sessionTokenBackendDomian:",
    );

    let mut spec = json!({ "backend": g.backend_spec(), "frontend": g.frontend_spec() });
    spec["backend"]["file"] = json!(backend);
    spec["frontend"]["file"] = json!(frontend);
    let (code, out) = run_check(&bad, &spec);
    assert_eq!(code, 1, "check.mjs must exit 1 on a tampered copy:\n{out}");
    for line in [
        r#"FAIL backend cookieDomain: expected ".example.com", got ".other.com""#,
        r#"FAIL frontend sessionTokenBackendDomain: expected ".example.com", got undefined"#,
        // Without sessionTokenBackendDomain the second API loses its session.
        r#"FAIL frontend intercept "https://api2.example.com/""#,
        "\nFAILED",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }

    // The original still passes (so the failure above is the tampering, nothing else).
    g.assert_sdks_agree();

    // A value of the wrong type fails tsc.
    tamper(
        &g.backend,
        &backend,
        r#"websiteDomain: "https://example.com""#,
        "websiteDomain: 42",
    );
    fs::remove_file(&frontend).unwrap();
    let (code, out) = node_script("typecheck.mjs", &[path_str(&bad)]);
    assert_eq!(code, 1, "typecheck.mjs must exit 1:\n{out}");
    assert!(
        out.contains("backend/supertokens.js(") && out.contains("error TS"),
        "{out}"
    );
}

/// `.mjs` is always ESM and `.cjs` always CommonJS, whatever package.json says (Node's
/// rule), so `--backend-out x.cjs` in a `"type": "module"` project must use `require`.
#[test]
fn output_extension_decides_the_module_system() {
    let tmp = project();
    for (package_json, backend_out, frontend_out) in [
        (r#"{"type":"module"}"#, "server/st.cjs", "web/st.cjs"),
        ("{}", "server/st.mjs", "web/st.mjs"),
    ] {
        let dir = tmp.path().join(backend_out.replace(['/', '.'], "-"));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("package.json"), package_json).unwrap();
        let mut cmd = st_setup(&dir);
        cmd.args([
            "--yes",
            "--ui",
            "custom",
            "--app-name",
            "Acme",
            "--website",
            WEBSITE,
            "--lang",
            "js",
        ]);
        cmd.args([
            "--api",
            "https://api.example.com",
            "--api",
            "https://api2.example.com",
        ]);
        cmd.args(["--backend-out", backend_out, "--frontend-out", frontend_out])
            .assert()
            .success();
        let g = Gen {
            backend: dir.join(backend_out),
            frontend: dir.join(frontend_out),
            dir,
            ui: "custom",
            app_name: "Acme".into(),
            setup: Setup::TwoApis,
            ours: ours(Setup::TwoApis.first_apis()),
            older: None,
        };
        g.assert_sdks_agree();
    }
}

/// A frontend file may be loaded where there is no `window` (a server rendering pages):
/// every JavaScript frontend st-setup writes imports there without throwing, in every
/// module format, for both UIs. (TypeScript ones compile to the same code; the Next.js
/// ones are proven by a real `next build`, which renders on the server.)
#[test]
fn every_frontend_imports_where_there_is_no_window() {
    node_ready();
    for (package, files) in [
        (r#"{"type":"module"}"#, ["web/a.mjs", "web/b.js"]),
        (r#"{"type":"commonjs"}"#, ["web/a.cjs", "web/b.js"]),
        // A Vue app's pre built UI comes from the hosted bundle, loaded only when called.
        (
            r#"{"type":"module","dependencies":{"vue":"3"}}"#,
            ["web/a.mjs", "web/b.js"],
        ),
        (
            r#"{"type":"commonjs","dependencies":{"vue":"3"}}"#,
            ["web/a.cjs", "web/b.js"],
        ),
    ] {
        for ui in ["prebuilt", "custom"] {
            let dir = project();
            fs::write(dir.path().join("package.json"), package).unwrap();
            let mut args = vec![
                "--yes",
                "--api",
                "https://api.example.com",
                "--website",
                WEBSITE,
            ];
            args.extend(["--ui", ui, "--app-name", "Acme"]);
            for file in files {
                args.extend(["--frontend-out", file]);
            }
            st_setup(dir.path()).args(&args).assert().success();
            let paths: Vec<PathBuf> = files.iter().map(|f| dir.path().join(f)).collect();
            let out = StdCommand::new("node")
                .arg(sdk_dir().join("import-without-window.mjs"))
                .args(&paths)
                .env(
                    "ST_COMMONJS",
                    if package.contains("commonjs") {
                        "1"
                    } else {
                        "0"
                    },
                )
                .output()
                .expect("node runs");
            assert!(out.status.success(), "{ui} {package}:\n{}", text(&out));
        }
    }
}

/// Header mode across two sites (`--token-transfer header`): supertokens-node answers
/// "header" for new and verified sessions; each frontend SDK (auth-react, web-js) has
/// tokenTransferMethod "header", adds the token to the auth API's site by the domain and
/// to the API on the other site by name (supertokens-website's own interception, through
/// the generated override), and to no other host. The TypeScript files type-check.
#[test]
fn header_mode_reaches_apis_on_two_sites() {
    let tmp = project();
    let apis = [
        "https://api.example.com",
        "https://api2.example.com",
        "https://api.example-api.io",
    ];
    let generate_header = |dir: &Path, flavor: Flavor, ui: &str| {
        fs::create_dir_all(dir).unwrap();
        flavor.write_package_jsons(dir);
        let mut cmd = st_setup(dir);
        cmd.args(["--yes", "--token-transfer", "header", "--ui", ui])
            .args([
                "--app-name",
                "Acme",
                "--website",
                WEBSITE,
                "--lang",
                flavor.lang(),
            ])
            .args(["--recipes", "emailpassword"]);
        for api in apis {
            cmd.args(["--api", api]);
        }
        cmd.assert().success();
    };
    for (flavor, ui) in [(Flavor::Esm, "custom"), (Flavor::Cjs, "prebuilt")] {
        let dir = tmp.path().join(format!("{flavor:?}-{ui}"));
        generate_header(&dir, flavor, ui);
        let ext = flavor.lang();
        let spec = json!({
            "backend": {
                "file": dir.join(format!("backend/supertokens.{ext}")),
                "expect": {
                    "appName": "Acme",
                    "apiDomain": apis[0],
                    "websiteDomain": WEBSITE,
                    "cookieDomain": ".example.com",
                    "tokenTransferMethod": "header",
                },
            },
            "frontend": {
                "file": dir.join(format!("frontend/supertokens.{ext}")),
                "ui": ui,
                "expect": {
                    "appName": "Acme",
                    "apiDomain": apis[0],
                    "websiteDomain": WEBSITE,
                    "sessionTokenBackendDomain": ".example.com",
                    "tokenTransferMethod": "header",
                },
                "intercept": [
                    "https://api.example.com/auth/session/refresh",
                    "https://api2.example.com:8443/v1/items",
                    "https://api.example-api.io/v1/items?page=2",
                    "http://api.example-api.io:3001/graphql",
                ],
                "reject": [
                    "https://other.example-api.io/",
                    "https://example-api.io/",
                    "https://evil-example.com/",
                    "https://api.example-api.io.evil.net/",
                ],
                "accessToken": "header.payload.signature",
            },
        });
        let lines: Vec<String> = [
            "ok backend tokenTransferMethod (new session) \"header\"",
            "ok backend tokenTransferMethod (verified session) \"header\"",
            "ok frontend tokenTransferMethod \"header\"",
            "ok frontend intercept \"https://api.example-api.io/v1/items?page=2\"",
            "ok frontend reject \"https://other.example-api.io/\"",
            "ok frontend access token header without a session \"{}\"",
            "ok frontend access token header \"{\\\"Authorization\\\":\\\"Bearer header.payload.signature\\\"}\"",
        ]
        .map(str::to_owned)
        .to_vec();
        assert_check_ok(&dir, &spec, &lines);
    }
    assert_both_uis_typecheck(tmp.path(), |dir, ui| generate_header(dir, Flavor::Ts, ui));
}

/// A development and a production environment: the generated files hold both, and each
/// process reads the one it is started for, as the real SDKs normalise it — the backend by
/// ST_SETUP_ENV (else NODE_ENV), the frontend by the page's own origin.
#[test]
fn each_environment_reaches_the_sdks_it_is_started_for() {
    let tmp = project();
    let development = (
        ["http://localhost:3001", "http://localhost:3002"],
        "http://localhost:3000",
    );
    let production = (
        ["https://api.example.com", "https://api2.example.com"],
        WEBSITE,
    );
    let generate = |dir: &Path, flavor: Flavor, ui: &str| {
        fs::create_dir_all(dir).unwrap();
        flavor.write_package_jsons(dir);
        for (name, (apis, website)) in [("development", development), ("production", production)] {
            let mut cmd = st_setup(dir);
            cmd.args(["--yes", "--env", name, "--website", website, "--ui", ui])
                .args(["--app-name", "Acme", "--lang", flavor.lang()]);
            for api in apis {
                cmd.args(["--api", api]);
            }
            cmd.assert().success();
        }
    };
    let spec =
        |dir: &Path, ext: &str, ui: &str, (apis, website): ([&str; 2], &str), domain: Value| {
            json!({
                "backend": {
                    "file": dir.join(format!("backend/supertokens.{ext}")),
                    "expect": {
                        "appName": "Acme",
                        "apiDomain": apis[0],
                        "websiteDomain": website,
                        "cookieDomain": domain,
                    },
                },
                "frontend": {
                    "file": dir.join(format!("frontend/supertokens.{ext}")),
                    "ui": ui,
                    "expect": {
                        "appName": "Acme",
                        "apiDomain": apis[0],
                        "websiteDomain": website,
                        "sessionTokenBackendDomain": domain,
                    },
                },
            })
        };
    for (flavor, ui) in [(Flavor::Esm, "custom"), (Flavor::Cjs, "prebuilt")] {
        let dir = tmp.path().join(format!("{flavor:?}-{ui}"));
        generate(&dir, flavor, ui);
        let ext = flavor.lang();
        let production_spec = spec(&dir, ext, ui, production, json!(".example.com"));
        let development_spec = spec(&dir, ext, ui, development, Value::Null);
        for (vars, spec) in [
            (&[("ST_SETUP_ENV", "production")][..], &production_spec),
            (&[("NODE_ENV", "production")][..], &production_spec),
            (
                &[("ST_SETUP_ENV", "development"), ("NODE_ENV", "production")][..],
                &development_spec,
            ),
            // Nothing names one: the first, development.
            (&[][..], &development_spec),
        ] {
            let (code, out) = run_check_with(&dir, spec, vars);
            assert_eq!(code, 0, "{vars:?}: check.mjs failed:\n{out}");
            assert!(out.contains("\nALL OK"), "{vars:?}: no ALL OK:\n{out}");
            let api = spec["backend"]["expect"]["apiDomain"].as_str().unwrap();
            assert!(
                out.contains(&format!("ok backend apiDomain {}\n", shown(&json!(api)))),
                "{vars:?}:\n{out}"
            );
        }
        // An environment st-setup never checked is refused when the backend starts.
        let (code, out) = run_check_with(&dir, &production_spec, &[("ST_SETUP_ENV", "staging")]);
        assert_ne!(code, 0, "{out}");
        assert!(
            out.contains("ST_SETUP_ENV is \"staging\", which is none of st-setup's environments: development, production"),
            "{out}"
        );
    }
    assert_both_uis_typecheck(tmp.path(), |dir, ui| generate(dir, Flavor::Ts, ui));
}

/// React Native: the generated frontend type-checks against the real supertokens-react-native
/// (and react-native's own types), with cookies, in header mode with an API on another
/// site, and with a development and a production environment; `check` holds its init call
/// to reading the block.
#[test]
fn a_react_native_frontend_typechecks_against_the_sdk() {
    let tmp = project();
    let root = tmp.path().join("apps");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("package.json"), "{}").unwrap();
    let app = |name: &str, args: &[&[&str]]| {
        let dir = root.join(name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("package.json"),
            r#"{"dependencies": {"react-native": "0.86.3", "react": "19.3.1"}}"#,
        )
        .unwrap();
        for run in args {
            st_setup(&dir)
                .args(["--yes", "--ui", "custom", "--app-name", "Acme"])
                .args([
                    "--frontend-out",
                    "app/supertokens.ts",
                    "--backend-out",
                    "api/supertokens.ts",
                ])
                .args(*run)
                .assert()
                .success();
        }
        let text = fs::read_to_string(dir.join("app/supertokens.ts")).unwrap();
        assert!(text.contains("from \"supertokens-react-native\""), "{text}");
        st_setup(&dir).arg("check").assert().success();
        // The backend is checked elsewhere; here only the app.
        fs::remove_dir_all(dir.join("api")).unwrap();
        text
    };
    let two = [
        "--api",
        "https://api.example.com",
        "--api",
        "https://api2.example.com",
        "--website",
        WEBSITE,
    ];
    let cookies = app("cookies", &[&two]);
    assert!(
        cookies.contains("sessionTokenBackendDomain: \".example.com\","),
        "{cookies}"
    );
    let header = app(
        "header",
        &[&[
            "--token-transfer",
            "header",
            "--api",
            "https://api.example.com",
            "--api",
            "https://api.example-api.io",
            "--website",
            WEBSITE,
        ]],
    );
    assert!(
        header.contains("[\"api.example-api.io\"].includes(host)"),
        "{header}"
    );
    let environments = app(
        "environments",
        &[
            &[&["--env", "production"][..], &two].concat(),
            &[
                "--env",
                "development",
                "--api",
                "http://10.0.2.2:3001",
                "--website",
                "http://localhost:8081",
            ],
        ],
    );
    assert!(
        environments.contains("__DEV__ ? \"development\" : \"production\""),
        "{environments}"
    );
    assert_typechecks(&root, "bundler", 3);
}

/// A page without a bundler: the script-tag file, loaded after supertokens-website's own
/// bundle (vendored from its repository at the npm package's tag), makes the SDK intercept
/// every API and no other host, and refresh through the auth API; in header mode it names
/// the API on another site; with environments the page's own origin picks the set.
#[test]
fn a_script_tag_page_runs_the_real_bundle() {
    let tmp = project();
    let page = |name: &str, runs: &[&[&str]]| {
        let dir = tmp.path().join(name);
        fs::create_dir_all(&dir).unwrap();
        for run in runs {
            st_setup(&dir)
                .args(["--yes", "--ui", "custom", "--app-name", "Acme"])
                .args(["--frontend-out", "public/supertokens.js@script-tag"])
                .args(*run)
                .assert()
                .success();
        }
        st_setup(&dir).arg("check").assert().success();
        dir.join("public/supertokens.js")
    };
    let run = |file: &Path, spec: Value| {
        let spec_path = file.with_extension("spec.json");
        let mut spec = spec;
        spec["file"] = json!(file);
        fs::write(&spec_path, spec.to_string()).unwrap();
        let (code, out) = node_script("script-tag-check.mjs", &[path_str(&spec_path)]);
        assert_eq!(code, 0, "{spec:#}\n{out}");
        assert!(out.contains("ALL OK"), "{out}");
        out
    };
    let two = [
        "--api",
        "https://api.example.com",
        "--api",
        "https://api2.example.com:8443",
        "--website",
        WEBSITE,
    ];
    let cookies = page("cookies", &[&two]);
    run(
        &cookies,
        json!({
            "page": "https://example.com/",
            "refresh": "https://api.example.com/auth/session/refresh",
            "authMode": "cookie",
            "intercept": ["https://api2.example.com:8443/v1/items", "https://api.example.com/x"],
            "reject": ["https://other.io/x", "https://example.org/"],
        }),
    );
    let header = page(
        "header",
        &[&[
            "--token-transfer",
            "header",
            "--api",
            "https://api.example.com",
            "--api",
            "https://api.example-api.io",
            "--website",
            WEBSITE,
            "--api-base-path",
            "/v2/auth",
        ]],
    );
    run(
        &header,
        json!({
            "page": "https://example.com/",
            "refresh": "https://api.example.com/v2/auth/session/refresh",
            "authMode": "header",
            "intercept": ["https://api.example.com/x", "https://api.example-api.io/v1/items"],
            "reject": ["https://other.example-api.io/", "https://api2.example.com/"],
        }),
    );
    let environments = page(
        "environments",
        &[
            &[&["--env", "production"][..], &two].concat(),
            &[
                "--env",
                "development",
                "--api",
                "http://localhost:3001",
                "--website",
                "http://localhost:3000",
            ],
        ],
    );
    run(
        &environments,
        json!({
            "page": "http://localhost:3000/",
            "refresh": "http://localhost:3001/auth/session/refresh",
            "authMode": "cookie",
            "intercept": ["http://localhost:3001/x"],
            "reject": ["https://api2.example.com:8443/v1/items"],
        }),
    );
    // Production's second website is production's too.
    let admin = page(
        "admin",
        &[
            &[
                &[
                    "--env",
                    "production",
                    "--website",
                    "https://admin.example.com",
                ][..],
                &two,
            ]
            .concat(),
            &[
                "--env",
                "development",
                "--api",
                "http://localhost:3001",
                "--website",
                "http://localhost:3000",
            ],
        ],
    );
    run(
        &admin,
        json!({
            "page": "https://admin.example.com/",
            "refresh": "https://api.example.com/auth/session/refresh",
            "authMode": "cookie",
            "intercept": ["https://api2.example.com:8443/v1/items"],
            "reject": ["http://localhost:3001/x"],
        }),
    );
    run(
        &environments,
        json!({
            "page": "https://example.com/shop",
            "refresh": "https://api.example.com/auth/session/refresh",
            "authMode": "cookie",
            "intercept": ["https://api2.example.com:8443/v1/items"],
            "reject": ["http://localhost:3001/x"],
        }),
    );
}

/// Several websites: supertokens-node answers each request's origin with the website it
/// comes from, when it is one of them, else the first; the pre built UI on the admin
/// website takes its own origin as websiteDomain; and the Express backend and the frontends
/// type-check with the origin callback.
#[test]
fn several_websites_each_get_their_own_origin() {
    let tmp = project();
    let websites = ["https://example.com", "https://admin.example.com"];
    let generate = |dir: &Path, flavor: Flavor, ui: &str, extra: &[&str]| {
        fs::create_dir_all(dir).unwrap();
        flavor.write_package_jsons(dir);
        st_setup(dir)
            .args([
                "--yes",
                "--ui",
                ui,
                "--app-name",
                "Acme",
                "--lang",
                flavor.lang(),
            ])
            .args([
                "--api",
                "https://api.example.com",
                "--api",
                "https://api2.example.com",
            ])
            .args(["--website", websites[0], "--website", websites[1]])
            .args(extra)
            .assert()
            .success();
    };
    for (flavor, ui) in [(Flavor::Esm, "custom"), (Flavor::Cjs, "prebuilt")] {
        let dir = tmp.path().join(format!("{flavor:?}-{ui}"));
        generate(&dir, flavor, ui, &[]);
        let ext = flavor.lang();
        let spec = json!({
            "backend": {
                "file": dir.join(format!("backend/supertokens.{ext}")),
                "expect": {
                    "appName": "Acme",
                    "apiDomain": "https://api.example.com",
                    "websiteDomain": websites[0],
                    "cookieDomain": ".example.com",
                    "origins": [
                        [websites[1], websites[1]],
                        [websites[0], websites[0]],
                        ["https://evil.example.org", websites[0]],
                    ],
                },
            },
            "frontend": {
                "file": dir.join(format!("frontend/supertokens.{ext}")),
                "ui": ui,
                "expect": {
                    "appName": "Acme",
                    "apiDomain": "https://api.example.com",
                    // The page is the first website's: the pre built UI takes it.
                    "websiteDomain": websites[0],
                    "sessionTokenBackendDomain": ".example.com",
                },
            },
        });
        let lines = [format!(
            "ok backend origin for a request from {} {}",
            websites[1],
            shown(&json!(websites[1]))
        )];
        assert_check_ok(&dir, &spec, &lines);
        // On the admin website's pages, the pre built UI builds its links for that one.
        if ui == "prebuilt" {
            let mut admin = spec.clone();
            admin["frontend"]["expect"]["websiteDomain"] = json!(websites[1]);
            let lines = [format!(
                "ok frontend websiteDomain {}",
                shown(&json!(websites[1]))
            )];
            assert_check_ok(&dir, &admin, &lines);
        }
    }
    assert_both_uis_typecheck(tmp.path(), |dir, ui| {
        generate(
            dir,
            Flavor::Ts,
            ui,
            &["--backend-out", "backend/supertokens.ts@express"],
        )
    });
}
