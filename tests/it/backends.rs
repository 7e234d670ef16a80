//! Python and Go backends as st-setup writes them, checked against their SDKs: every
//! generated Python file runs under the real supertokens-python (tests/it/python.rs) and
//! the SDK's own state is compared with `st-setup domain --json`; every generated Go file
//! is gofmt-clean and vets against the stub of supertokens-golang (tests/it/golang.rs).

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{project, st_setup};

const WEBSITE: &str = "https://example.com";

/// App names that break a string literal that is not escaped properly, in either language.
const HOSTILE_NAMES: [&str; 4] = [
    "Ac\"me\\ ${x} `t` line2\u{2028}end </script> 'q'",
    "'''\"\"\" \\N{BULLET} \\x41 {x} %s",
    "Zoë 日本 🎉 \u{2029} para",
    "back\\",
];

/// The setups of the Node conformance tests, with what the domain rules require of each.
use crate::sdk::Setup;

/// The APIs a setup's files end with.
fn final_apis(setup: Setup) -> Vec<&'static str> {
    let mut apis = setup.first_apis().to_vec();
    apis.extend(setup.added_api());
    apis
}

/// Runs st-setup for `setup` in a new project with one backend at `out` (a framework may
/// follow it after `@`); returns the project and the backend file.
fn generate(setup: Setup, out: &str, app_name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = project();
    let mut args: Vec<&str> = vec!["--yes", "--website", WEBSITE, "--ui", "custom"];
    args.extend(["--app-name", app_name, "--backend-out", out]);
    args.extend(["--recipes", setup.recipes()]);
    args.extend(setup.first_apis().iter().flat_map(|api| ["--api", api]));
    st_setup(dir.path()).args(&args).assert().success();
    if let Some(api) = setup.added_api() {
        st_setup(dir.path())
            .args(["add-api", "--yes", api])
            .assert()
            .success();
    }
    let file = dir.path().join(out.split('@').next().unwrap());
    (dir, file)
}

#[test]
fn every_generated_python_backend_agrees_with_supertokens_python() {
    let mut cases = Vec::new();
    for framework in ["fastapi", "flask", "django"] {
        for setup in Setup::ALL {
            cases.push((framework, setup, "Acme"));
        }
    }
    for (i, name) in HOSTILE_NAMES.iter().enumerate() {
        cases.push((["fastapi", "flask", "django"][i % 3], Setup::TwoApis, name));
    }
    let generated: Vec<_> = cases
        .iter()
        .map(|(framework, setup, name)| {
            generate(*setup, &format!("svc/app/st.py@{framework}"), name)
        })
        .collect();
    let files: Vec<PathBuf> = generated.iter().map(|(_, f)| f.clone()).collect();
    let read = crate::python::read_back_all(&files);
    for ((framework, setup, name), (got, file)) in cases.iter().zip(read.iter().zip(&files)) {
        let ours = crate::sdk::ours(&final_apis(*setup));
        let (_, want_api, want_older) = setup.expected();
        assert_eq!(ours.api_domain, want_api, "st-setup domain --json");
        let context = format!(
            "{framework} {setup:?} {name:?}:\n{}",
            fs::read_to_string(file).unwrap()
        );
        assert_eq!(
            got["cookie_domain"].as_str(),
            ours.cookie_domain.as_deref(),
            "{context}"
        );
        assert_eq!(got["older_cookie_domain"].as_str(), want_older, "{context}");
        assert_eq!(got["api_domain"], ours.api_domain, "{context}");
        assert_eq!(got["website_domain"], WEBSITE, "{context}");
        assert_eq!(got["app_name"], *name, "{context}");
        assert_eq!(got["framework"], *framework, "{context}");
        assert_eq!(got["connection_uri"], "http://localhost:3567", "{context}");
        assert_python_recipes(got, setup.recipes(), &context);
    }
}

/// The sign-in recipes the SDK initialised from the file are exactly the chosen ones, with
/// the providers' keys from the environment and Passwordless' flow and contact method.
fn assert_python_recipes(got: &Value, chosen: &str, context: &str) {
    let chosen: st_setup::recipe::Recipes = chosen.parse().unwrap();
    let ids: Vec<&str> = got["recipes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .filter(|id| ["emailpassword", "thirdparty", "passwordless"].contains(id))
        .collect();
    let want: Vec<&str> = chosen.iter().map(|r| r.name()).collect();
    assert_eq!(ids, want, "{context}");
    assert!(
        got["recipes"]
            .as_array()
            .unwrap()
            .contains(&"session".into()),
        "{context}"
    );
    if chosen.contains(st_setup::recipe::Recipe::ThirdParty) {
        assert_eq!(
            got["thirdparty_clients"],
            serde_json::json!({
                "google": [["env:GOOGLE_CLIENT_ID", "env:GOOGLE_CLIENT_SECRET"]],
                "github": [["env:GITHUB_CLIENT_ID", "env:GITHUB_CLIENT_SECRET"]],
            }),
            "{context}"
        );
    }
    if chosen.contains(st_setup::recipe::Recipe::Passwordless) {
        assert_eq!(
            got["passwordless"],
            serde_json::json!(["USER_INPUT_CODE_AND_MAGIC_LINK", "ContactEmailOnlyConfig"]),
            "{context}"
        );
    }
}

#[test]
fn a_python_framework_comes_from_the_services_manifest() {
    let dir = project();
    fs::create_dir_all(dir.path().join("svc/app")).unwrap();
    fs::write(
        dir.path().join("svc/pyproject.toml"),
        "[project]\nname = \"svc\"\ndependencies = [\"Django>=5\"]\n",
    )
    .unwrap();
    st_setup(dir.path())
        .args([
            "--yes",
            "--api",
            "https://api.example.com",
            "--website",
            WEBSITE,
        ])
        .args([
            "--ui",
            "custom",
            "--app-name",
            "Acme",
            "--backend-out",
            "svc/app/st.py",
        ])
        .assert()
        .success();
    let got = crate::python::read_back(&dir.path().join("svc/app/st.py"));
    assert_eq!(got["framework"], "django");
    assert_eq!(got["mode"], "wsgi");
}

/// Header mode in Python and Go: supertokens-python's session config answers "header" for
/// new and verified sessions, and `check` holds the call to passing it on; the Go file
/// gives sessmodels its GetTokenTransferMethod and passes gofmt and go vet against the
/// SDK's types.
#[test]
fn python_and_go_backends_in_header_mode_answer_header() {
    let dir = project();
    let args = [
        "--yes",
        "--token-transfer",
        "header",
        "--api",
        "https://api.example.com",
        "--api",
        "https://api.example-api.io",
        "--website",
        WEBSITE,
        "--ui",
        "custom",
        "--app-name",
        "Acme",
    ];
    st_setup(dir.path())
        .args(args)
        .args(["--backend-out", "svc/st.py@fastapi"])
        .assert()
        .success();
    let file = dir.path().join("svc/st.py");
    let got = crate::python::read_back(&file);
    assert_eq!(
        got["token_transfer_method"],
        serde_json::json!(["header", "header"])
    );
    assert_eq!(got["cookie_domain"], serde_json::Value::Null);
    st_setup(dir.path()).arg("check").assert().success();
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replace(
            "            get_token_transfer_method=ST_GET_TOKEN_TRANSFER_METHOD,\n",
            "",
        ),
    )
    .unwrap();
    st_setup(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "get_token_transfer_method=ST_GET_TOKEN_TRANSFER_METHOD",
        ));

    let go = project();
    st_setup(go.path())
        .args(args)
        .args(["--backend-out", "svc/st.go"])
        .assert()
        .success();
    let text = fs::read_to_string(go.path().join("svc/st.go")).unwrap();
    assert!(
        text.contains("GetTokenTransferMethod: stGetTokenTransferMethod,"),
        "{text}"
    );
    crate::golang::go_check(&[("st.go", &text)]).unwrap_or_else(|e| panic!("{e}"));
}

/// Every file a Go setup produces, in one module, gofmt-clean and vetted against the stub.
#[test]
fn every_generated_go_backend_vets_against_supertokens_golang() {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut n = 0;
    let mut add = |setup: Setup, framework: &str, name: &str| {
        // Each file in its own package folder, as its own service would be.
        let (dir, file) = generate(setup, &format!("st.go@{framework}"), name);
        let text = fs::read_to_string(&file).unwrap();
        n += 1;
        files.push((format!("svc{n}/st.go"), text));
        drop(dir);
    };
    for setup in Setup::ALL {
        add(setup, "net/http", "Acme");
    }
    for framework in ["gin", "chi", "echo"] {
        add(Setup::TwoApis, framework, "Acme");
    }
    for name in HOSTILE_NAMES {
        add(Setup::TwoApis, "net/http", name);
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    if let Err(error) = crate::golang::go_check(&refs) {
        panic!("{error}");
    }
}

/// The stub is strict enough to matter: a value where the SDK takes a pointer fails.
#[test]
fn a_mistyped_go_field_fails_the_check() {
    let (_dir, file) = generate(Setup::TwoApis, "st.go", "Acme");
    let text = fs::read_to_string(file).unwrap();
    let broken = text.replace(
        "CookieDomain: &stCookieDomain,",
        "CookieDomain: stCookieDomain,",
    );
    assert_ne!(broken, text);
    let error = crate::golang::go_check(&[("svc/st.go", &broken)]).unwrap_err();
    assert!(error.contains("CookieDomain"), "{error}");
}

// ---------------------------------------------------------------- any value, both languages

use proptest::prelude::*;
use proptest::sample::select;
use st_setup::recipe::Recipes;
use st_setup::render::{EnvValues, FileValues, render};
use st_setup::target::{GoFramework, GoSetup, Language, PythonFramework, Role, Target};

/// One file's values, owned.
#[derive(Debug, Clone)]
struct Values {
    app_name: String,
    api_domain: String,
    website_domain: String,
    connection_uri: String,
    cookie_domain: Option<String>,
    older_cookie_domain: Option<String>,
    api_base_path: Option<String>,
    website_base_path: Option<String>,
    why: String,
    recipes: Recipes,
}

impl Values {
    fn file_values(&self) -> FileValues<'_> {
        FileValues {
            app_name: &self.app_name,
            connection_uri: &self.connection_uri,
            api_base_path: self.api_base_path.as_deref(),
            website_base_path: self.website_base_path.as_deref(),
            recipes: &self.recipes,
            header: false,
            keep_websites_list: false,
            environments: vec![EnvValues::only(
                &self.api_domain,
                &self.website_domain,
                self.cookie_domain.as_deref(),
                self.older_cookie_domain.as_deref(),
                &self.why,
            )],
        }
    }
}

fn values() -> impl Strategy<Value = Values> {
    let text = crate::props::hostile_text;
    (
        (text(), text(), text(), text()),
        // "" never comes from the analysis as a cookie domain (one host sets none).
        prop::option::of(text().prop_filter("non-empty", |s| !s.is_empty())),
        prop::option::of(text()),
        // Next.js's "/api/auth", or any text, for both base paths.
        (
            prop::option::of(text().prop_filter("non-empty", |s| !s.is_empty())),
            prop::option::of(text().prop_filter("non-empty", |s| !s.is_empty())),
        ),
        (text(), select(Recipes::choices())),
    )
        .prop_map(
            |(
                (app_name, api_domain, website_domain, connection_uri),
                cookie_domain,
                older_cookie_domain,
                (api_base_path, website_base_path),
                (why, recipes),
            )| Values {
                app_name,
                api_domain,
                website_domain,
                connection_uri,
                cookie_domain,
                older_cookie_domain,
                api_base_path,
                website_base_path,
                why,
                recipes,
            },
        )
}

/// The string values of a Python file's managed names, read by Python's own parser:
/// `{"ST_APP_INFO.app_name": "…", "ST_COOKIE_DOMAIN": null, …}`, or the parse error.
fn python_values(texts: &[String]) -> Vec<Result<Value, String>> {
    const SCRIPT: &str = r#"
import ast, json, sys
out = []
for text in json.load(sys.stdin):
    try:
        tree = ast.parse(text)
    except SyntaxError as e:
        out.append({"error": f"line {e.lineno}: {e.msg}"})
        continue
    values = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if isinstance(node.value, ast.Constant):
            values[name] = node.value.value
        elif isinstance(node.value, ast.Call):
            for keyword in node.value.keywords:
                values[f"{name}.{keyword.arg}"] = ast.literal_eval(keyword.value)
    out.append({"values": values})
json.dump(out, sys.stdout)
"#;
    use std::io::Write as _;
    let mut child = std::process::Command::new(crate::python::python_ready())
        .args(["-I", "-c", SCRIPT])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python runs");
    let input = serde_json::to_vec(texts).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("python runs");
    writer.join().unwrap().expect("python reads its input");
    assert!(out.status.success(), "the Python reader failed");
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    results
        .into_iter()
        .map(|r| match r.get("error") {
            Some(error) => Err(error.to_string()),
            None => Ok(r["values"].clone()),
        })
        .collect()
}

/// Whether each Go file is gofmt-clean, and its string values as Go reads them
/// (tests/go/literals: go/parser, go/format, strconv.Unquote).
fn go_values(texts: &[String]) -> Vec<Result<Value, String>> {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let tool = BUILT.get_or_init(|| {
        crate::golang::go_ready();
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go/literals");
        let binary = Path::new(env!("CARGO_TARGET_TMPDIR")).join("go-literals");
        let out = crate::golang::go_command(&source)
            .args(["build", "-o"])
            .arg(&binary)
            .arg(".")
            .output()
            .expect("go build runs");
        assert!(
            out.status.success(),
            "go build tests/go/literals: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        binary
    });
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = dir.path().join(format!("f{i}.go"));
            fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let out = std::process::Command::new(tool)
        .args(&paths)
        .output()
        .expect("literals runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    results
        .into_iter()
        .map(|r| match r.get("error") {
            Some(error) => Err(error.to_string()),
            None if r["gofmt"] != true => Err(format!(
                "not gofmt-clean; gofmt would make it:\n{}",
                r["formatted"].as_str().unwrap_or("")
            )),
            None => Ok(r["strings"].clone()),
        })
        .collect()
}

/// What a Python file of `v` must hold, by managed name.
fn python_expected(v: &Values) -> Value {
    let mut expected = serde_json::json!({
        "ST_FRAMEWORK": "django",
        "ST_MODE": "wsgi",
        "ST_CONNECTION_URI": v.connection_uri,
        "ST_APP_INFO.app_name": v.app_name,
        "ST_APP_INFO.api_domain": v.api_domain,
        "ST_APP_INFO.website_domain": v.website_domain,
        "ST_COOKIE_DOMAIN": v.cookie_domain,
        "ST_OLDER_COOKIE_DOMAIN": v.older_cookie_domain,
    });
    if let Some(path) = &v.api_base_path {
        expected["ST_APP_INFO.api_base_path"] = path.clone().into();
    }
    if let Some(path) = &v.website_base_path {
        expected["ST_APP_INFO.website_base_path"] = path.clone().into();
    }
    expected
}

/// What a Go file of `v` must hold (absent options are no variable at all).
fn go_expected(v: &Values) -> Value {
    let mut expected = serde_json::json!({
        "stConnectionURI": v.connection_uri,
        "stAppInfo.AppName": v.app_name,
        "stAppInfo.APIDomain": v.api_domain,
        "stAppInfo.WebsiteDomain": v.website_domain,
    });
    if let Some(domain) = &v.cookie_domain {
        expected["stCookieDomain"] = domain.clone().into();
    }
    if let Some(older) = &v.older_cookie_domain {
        expected["stOlderCookieDomain"] = older.clone().into();
    }
    if let Some(path) = &v.api_base_path {
        expected["stAPIBasePath"] = path.clone().into();
    }
    if let Some(path) = &v.website_base_path {
        expected["stWebsiteBasePath"] = path.clone().into();
    }
    expected
}

proptest! {
    #![proptest_config(crate::props::config(3))]

    /// Any app name, URL text or explanation renders to Python that Python parses and Go
    /// that is gofmt-clean, each value reading back byte for byte. Values come in batches:
    /// one Python and one Go process per case.
    #[test]
    fn python_and_go_renders_parse_and_hold_every_value(batch in prop::collection::vec(values(), 1..120)) {
        let python = Target { role: Role::Backend, language: Language::Python(PythonFramework::Django) };
        let go = Target {
            role: Role::Backend,
            language: Language::Go(GoSetup { package: "svc".to_owned(), framework: GoFramework::Echo }),
        };
        let py_texts: Vec<String> = batch.iter().map(|v| render(&python, &v.file_values())).collect();
        let go_texts: Vec<String> = batch.iter().map(|v| render(&go, &v.file_values())).collect();
        for (((v, got), text), language) in batch.iter().zip(python_values(&py_texts)).zip(&py_texts).zip(std::iter::repeat("Python"))
            .chain(batch.iter().zip(go_values(&go_texts)).zip(&go_texts).zip(std::iter::repeat("Go")))
        {
            let expected = if language == "Python" { python_expected(v) } else { go_expected(v) };
            prop_assert_eq!(got.as_ref(), Ok(&expected), "{} file for {:?}:\n{}", language, v, text);
        }
    }
}

// ---------------------------------------------------------------- where the SDKs disagree

/// Whether a value is one on which the SDKs' normalisers disagree (read in their sources
/// and run: supertokens-node 24.0, supertokens-python 0.31, supertokens-golang 0.25): a
/// non-ASCII host (Node punycodes it, Python and Go do not), an upper-case letter (all
/// lower-case, but Go's net/http then drops a Domain it finds invalid), a default port in
/// an origin (Node drops it, Python and Go keep it), an IP or `localhost` behind a dot (Go
/// keeps the dot), an empty cookie domain (Go takes it, Node and Python throw).
fn sdks_disagree_on_cookie_domain(domain: &str) -> bool {
    let bare = domain.strip_prefix('.').unwrap_or(domain);
    !domain.is_ascii()
        || domain.chars().any(|c| c.is_ascii_uppercase())
        || bare.is_empty()
        || bare == "localhost"
        || bare.parse::<std::net::IpAddr>().is_ok()
        || bare.starts_with('[')
        || bare.contains(':')
}

fn sdks_disagree_on_origin(origin: &str) -> bool {
    !origin.is_ascii()
        || origin.chars().any(|c| c.is_ascii_uppercase())
        || origin.ends_with(":443") && origin.starts_with("https:")
        || origin.ends_with(":80") && origin.starts_with("http:")
}

/// The inputs that lead to the disagreements, typed as users type them: st-setup's values
/// for them are all ones the three SDKs read alike.
#[test]
fn no_output_falls_where_the_sdks_disagree() {
    let groups: [&[&str]; 7] = [
        &[
            "https://API.Bücher.example:443",
            "https://api2.bücher.example",
        ],
        &[
            "http://api.example.com:80/auth",
            "http://API2.example.com:80",
        ],
        &["https://127.0.0.1:3001", "https://127.0.0.1:3002"],
        &["http://localhost:3001", "http://localhost:3002"],
        &["https://[::1]:8080", "https://[::1]:8081"],
        &["https://api.example.com.", "https://api2.example.com."],
        &[
            "https://api.xn--bcher-kva.example",
            "https://bücher.example",
        ],
    ];
    for apis in groups {
        let analysis = crate::props::analyse_apis(apis);
        if let Some(domain) = &analysis.cookie_domain {
            assert!(
                !sdks_disagree_on_cookie_domain(domain),
                "{apis:?} → {domain:?}"
            );
        }
        if let Some(api) = analysis.api_endpoint() {
            assert!(
                !sdks_disagree_on_origin(&api.origin()),
                "{apis:?} → {}",
                api.origin()
            );
        }
    }
    // The one value spelt per SDK: an empty older cookie domain reaches each as "".
    let (_dir, py) = generate(Setup::OlderFromNone, "st.py", "Acme");
    assert!(
        fs::read_to_string(py)
            .unwrap()
            .contains("ST_OLDER_COOKIE_DOMAIN = \"\"\n")
    );
    let (_dir, go) = generate(Setup::OlderFromNone, "st.go", "Acme");
    let go = fs::read_to_string(go).unwrap();
    assert!(go.contains("var stOlderCookieDomain = \"\"\n"));
    assert!(go.contains("OlderCookieDomain: &stOlderCookieDomain,"));
}

proptest! {
    #![proptest_config(crate::props::config(256))]

    /// Any endpoints: the cookie domain and apiDomain st-setup derives are never values
    /// on which the SDKs disagree.
    #[test]
    fn derived_values_mean_the_same_in_every_sdk(
        apis in prop_oneof![crate::props::site_group(), crate::props::odd_group()],
    ) {
        let apis: Vec<&str> = apis.iter().map(String::as_str).collect();
        let analysis = crate::props::analyse_apis(&apis);
        if let Some(domain) = &analysis.cookie_domain {
            prop_assert!(!sdks_disagree_on_cookie_domain(domain), "{:?} → {:?}", apis, domain);
        }
        for endpoint in analysis.valid_endpoints() {
            prop_assert!(!sdks_disagree_on_origin(&endpoint.origin()), "{:?} → {}", apis, endpoint.origin());
        }
    }
}

// ---------------------------------------------------------------- three languages, end to end

/// A Node, a Python and a Go service with one frontend: created, an API added that widens
/// the cookie domain, a Python service added; the user's code around every block survives,
/// each SDK reads the new values, `check` is green, and a tampered block is named.
#[test]
fn a_three_language_project_stays_in_step() {
    use crate::common::{read, run_in};
    const NODE: &str = "services/auth/src/supertokens.ts";
    const PYTHON: &str = "services/billing/app/supertokens_config.py";
    const GO: &str = "services/search/supertokens.go";
    const MAIL: &str = "services/mail/config.py";
    const WEB: &str = "web/src/supertokens.ts";
    let dir = project();
    let root = dir.path();
    fs::create_dir_all(root.join("services/billing")).unwrap();
    fs::write(root.join("services/billing/requirements.txt"), "flask>=3\n").unwrap();
    fs::create_dir_all(root.join("services/search")).unwrap();
    fs::write(
        root.join("services/search/go.mod"),
        "module example.com/search\n\ngo 1.19\n",
    )
    .unwrap();
    run_in(
        root,
        &[
            "--yes",
            "--api",
            "https://api.eu.example.com",
            "--api",
            "https://api2.eu.example.com",
            "--website",
            "https://example.com",
            "--ui",
            "prebuilt",
            "--app-name",
            "Acme",
            "--backend-out",
            NODE,
            "--backend-out",
            PYTHON,
            "--backend-out",
            GO,
            "--frontend-out",
            WEB,
        ],
    )
    .expect_code(0)
    .expect_stdout("backend (supertokens-python, Flask)");

    // The user's own code, outside every block.
    let mine = [
        (NODE, "\nexport const mine = 1;\n"),
        (PYTHON, "\nMINE = 1  # mine\n"),
        (
            GO,
            "\n// Mine is the user's.\nfunc Mine() int { return 1 }\n",
        ),
        (WEB, "\nexport const mine = 2;\n"),
    ];
    for (file, code) in mine {
        let mut text = read(root, file);
        text.push_str(code);
        fs::write(root.join(file), text).unwrap();
    }

    run_in(root, &["add-api", "--yes", "https://api.example.com"]).expect_code(0);
    run_in(root, &["add-backend", "--yes", MAIL]).expect_code(0);
    let check = run_in(root, &["check", "--json"]).expect_code(0);
    let json: Value = serde_json::from_str(&check.stdout).expect("one JSON object");
    let what: Vec<(String, Value, Value)> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["sdk"].clone(),
                f["framework"].clone(),
            )
        })
        .collect();
    assert_eq!(
        what,
        [
            (NODE.to_owned(), "supertokens-node".into(), Value::Null),
            (
                PYTHON.to_owned(),
                "supertokens-python".into(),
                "flask".into()
            ),
            (
                GO.to_owned(),
                "supertokens-golang".into(),
                "net/http".into()
            ),
            (
                MAIL.to_owned(),
                "supertokens-python".into(),
                "fastapi".into()
            ),
            (WEB.to_owned(), "supertokens-auth-react".into(), Value::Null),
            ("st-setup.json".to_owned(), Value::Null, Value::Null),
        ]
    );
    for (file, code) in mine {
        assert!(
            read(root, file).ends_with(code),
            "{file} lost the user's code"
        );
    }

    // Every SDK sees the widened domain, and the older one to clear.
    for python in [PYTHON, MAIL] {
        let got = crate::python::read_back(&root.join(python));
        assert_eq!(got["cookie_domain"], ".example.com", "{python}");
        assert_eq!(got["older_cookie_domain"], ".eu.example.com", "{python}");
        assert_eq!(got["api_domain"], "https://api.eu.example.com", "{python}");
    }
    assert_eq!(
        crate::python::read_back(&root.join(PYTHON))["framework"],
        "flask"
    );
    let go = read(root, GO);
    assert!(
        go.starts_with("// SuperTokens") && go.contains("\npackage main\n"),
        "{go}"
    );
    assert!(
        go.contains("var stCookieDomain = \".example.com\"\n"),
        "{go}"
    );
    assert!(
        go.contains("var stOlderCookieDomain = \".eu.example.com\"\n"),
        "{go}"
    );
    crate::golang::go_check(&[("search/supertokens.go", &go)]).unwrap();
    assert!(read(root, NODE).contains("olderCookieDomain: \".eu.example.com\","));

    // A hand edit inside one block is drift, and check names the file.
    let tampered = read(root, PYTHON).replace(
        "ST_COOKIE_DOMAIN = \".example.com\"",
        "ST_COOKIE_DOMAIN = \".eu.example.com\"",
    );
    fs::write(root.join(PYTHON), tampered).unwrap();
    let run = run_in(root, &["check"]).expect_code(1);
    let status = |file: &str| {
        let line = run.stdout.lines().find(|l| l.contains(file)).unwrap_or("");
        line.split_whitespace().next().unwrap_or("").to_owned()
    };
    assert_eq!(status(PYTHON), "update", "{}", run.stdout);
    for file in [NODE, GO, MAIL, WEB] {
        assert_eq!(status(file), "unchanged", "{}", run.stdout);
    }
}

/// A generated FastAPI, Flask or Django file's own add_supertokens, in a bare app: a preflight
/// from the website is allowed with credentials and the SDK's headers, a look-alike origin
/// gets no Access-Control-Allow-Origin.
#[test]
fn python_backends_answer_the_websites_preflight_and_no_one_elses() {
    for framework in ["fastapi", "flask", "django"] {
        python_preflight(framework);
    }
}

fn python_preflight(framework: &str) {
    let (dir, file) = generate(Setup::TwoApis, &format!("svc/st.py@{framework}"), "Acme");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/preflight.py");
    let out = std::process::Command::new(crate::python::python_ready())
        .arg(script)
        .arg(&file)
        .arg(WEBSITE)
        .current_dir(dir.path())
        .env("SUPERTOKENS_TLDEXTRACT_DISABLE_HTTP", "1")
        .output()
        .expect("python runs");
    let text = crate::common::output_text(&out);
    assert!(out.status.success(), "{text}");
    let answers: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {text}"));
    crate::common::assert_preflights(&answers, WEBSITE);
}

/// Environments in Python and Go: supertokens-python, started with ST_SETUP_ENV (or
/// without it), holds that environment's values in its own state; a name st-setup never
/// checked stops the start. The Go file passes gofmt and go vet against the SDK's types.
#[test]
fn python_and_go_backends_read_the_environment_they_are_started_for() {
    let dir = project();
    let sets: [(&str, &[&str], &str); 2] = [
        (
            "development",
            &["http://localhost:3001", "http://localhost:3002"],
            "http://localhost:3000",
        ),
        (
            "production",
            &["https://api.example.com", "https://api2.example.com"],
            WEBSITE,
        ),
    ];
    for (name, apis, website) in sets {
        let mut cmd = st_setup(dir.path());
        cmd.args(["--yes", "--env", name, "--website", website])
            .args(["--ui", "custom", "--app-name", "Acme"])
            .args([
                "--backend-out",
                "svc/st.py@fastapi",
                "--backend-out",
                "go/st.go",
            ]);
        for api in apis {
            cmd.args(["--api", api]);
        }
        cmd.assert().success();
    }
    st_setup(dir.path()).arg("check").assert().success();
    let file = dir.path().join("svc/st.py");
    for (vars, api, cookie_domain) in [
        (
            &[("ST_SETUP_ENV", "production")][..],
            "https://api.example.com",
            Value::from(".example.com"),
        ),
        (
            &[("ST_SETUP_ENV", "development")][..],
            "http://localhost:3001",
            Value::Null,
        ),
        (&[][..], "http://localhost:3001", Value::Null),
    ] {
        let got = crate::python::try_read_back_with(&file, vars).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got["api_domain"], Value::from(api), "{vars:?}: {got}");
        assert_eq!(got["cookie_domain"], cookie_domain, "{vars:?}: {got}");
    }
    let error = crate::python::try_read_back_with(&file, &[("ST_SETUP_ENV", "staging")])
        .expect_err("an unknown environment must stop the start");
    assert!(
        error.contains("ST_SETUP_ENV is 'staging', which is none of st-setup's environments: development, production"),
        "{error}"
    );
    let text = fs::read_to_string(dir.path().join("go/st.go")).unwrap();
    assert!(
        text.contains("CookieDomain:      stEnvironment.cookieDomain,"),
        "{text}"
    );
    crate::golang::go_check(&[("st.go", &text)]).unwrap_or_else(|e| panic!("{e}"));
}

/// Several websites in Python and Go: each Python framework's CORS answers the admin
/// website's preflight too (and still no look-alike's), supertokens-python starts with the
/// origin callback; the Go file, with environments as well, passes gofmt and go vet.
#[test]
fn python_and_go_backends_serve_every_website() {
    let admin = "https://admin.example.com";
    for framework in ["fastapi", "flask", "django"] {
        let dir = project();
        st_setup(dir.path())
            .args(["--yes", "--ui", "custom", "--app-name", "Acme"])
            .args([
                "--api",
                "https://api.example.com",
                "--api",
                "https://api2.example.com",
            ])
            .args(["--website", WEBSITE, "--website", admin])
            .args(["--backend-out", &format!("svc/st.py@{framework}")])
            .args(["--backend-out", "inventory/main.go"])
            .assert()
            .success();
        let go = fs::read_to_string(dir.path().join("inventory/main.go")).unwrap();
        assert!(go.contains("GetOrigin:     stGetOrigin,"), "{go}");
        crate::golang::go_check(&[("main.go", &go)]).unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("svc/st.py");
        let got = crate::python::read_back(&file);
        assert_eq!(got["website_domain"], Value::from(WEBSITE), "{got}");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/preflight.py");
        for website in [WEBSITE, admin] {
            let out = std::process::Command::new(crate::python::python_ready())
                .arg(&script)
                .arg(&file)
                .arg(website)
                .current_dir(dir.path())
                .env("SUPERTOKENS_TLDEXTRACT_DISABLE_HTTP", "1")
                .output()
                .expect("python runs");
            let text = crate::common::output_text(&out);
            assert!(out.status.success(), "{text}");
            let answers: Value =
                serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {text}"));
            crate::common::assert_preflights(&answers, website);
        }
    }
    let dir = project();
    for (env, apis, websites) in [
        (
            "production",
            ["https://api.example.com", "https://api2.example.com"],
            [WEBSITE, admin],
        ),
        (
            "development",
            ["http://localhost:3001", "http://localhost:3002"],
            ["http://localhost:3000", "http://localhost:3100"],
        ),
    ] {
        st_setup(dir.path())
            .args([
                "--yes",
                "--env",
                env,
                "--ui",
                "custom",
                "--app-name",
                "Acme",
            ])
            .args(["--api", apis[0], "--api", apis[1]])
            .args(["--website", websites[0], "--website", websites[1]])
            .args([
                "--website-base-path",
                "/login",
                "--backend-out",
                "svc/st.go",
            ])
            .assert()
            .success();
    }
    let text = fs::read_to_string(dir.path().join("svc/st.go")).unwrap();
    assert!(text.contains("appInfo.GetOrigin = stGetOrigin"), "{text}");
    crate::golang::go_check(&[("st.go", &text)]).unwrap_or_else(|e| panic!("{e}"));
}
