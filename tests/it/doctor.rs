//! `st-setup doctor` over projects written by hand, the way people write them (not by
//! st-setup): each planted mistake is found with its code, each clean project gets no
//! finding, and the SDKs' own installed source is read without a panic or a false init.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{copy_tree, project, run_in};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/doctor")
}

/// `doctor --json` over `dir`: the exit code and the report.
fn doctor(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["doctor", "--json"];
    args.extend_from_slice(extra);
    let dir = dir.to_str().unwrap();
    args.push(dir);
    let run = run_in(Path::new("."), &args);
    let report: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("doctor --json {dir}: {e}\n{}", run.both()));
    (run.code, report)
}

fn codes(report: &Value) -> Vec<String> {
    let mut codes: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// Each fixture: the init calls doctor must find and the codes it must report, no more.
#[test]
fn every_fixture_gets_exactly_its_findings() {
    let expected: [(&str, usize, &[&str]); 20] = [
        ("monorepo-clean", 3, &[]),
        ("monorepo-mismatch", 3, &["cookie-domain-mismatch"]),
        ("nextjs-appinfo", 2, &[]),
        ("vue-app", 2, &[]),
        ("vue-127", 2, &["api-domain-mismatch"]),
        ("nestjs-clean", 1, &[]),
        ("nestjs-forroot", 1, &["cookie-domain-public-suffix"]),
        ("go-service-clean", 1, &[]),
        ("go-service", 1, &["cookie-domain-ignored"]),
        ("not-covering", 1, &["cookie-domain-not-covering"]),
        (
            "frontend-mismatches",
            4,
            &[
                "cookie-domain-mismatch",
                "session-token-backend-domain-missing",
                "website-domain-mismatch",
            ],
        ),
        ("env-driven", 2, &["dynamic-value"]),
        ("older-sdk", 3, &["older-cookie-domain-unsupported"]),
        ("older-sdk-upgraded", 3, &[]),
        // Two apps on two sites in one repository: each is checked on its own.
        ("two-deployments", 4, &[]),
        ("api-typo", 4, &["api-domain-mismatch"]),
        ("header-mode", 3, &["header-mode-broad-domain"]),
        ("header-mode-narrow", 3, &[]),
        ("decoys", 0, &[]),
        // A React Native app beside its API.
        ("react-native-app", 2, &[]),
    ];
    let on_disk = fs::read_dir(fixtures()).unwrap().count();
    assert_eq!(on_disk, expected.len(), "every fixture has its expectation");
    for (name, calls, want) in expected {
        let (code, report) = doctor(&fixtures().join(name), &[]);
        assert_eq!(
            report["files"].as_array().unwrap().len(),
            calls,
            "{name}: init calls found:\n{report:#}"
        );
        assert_eq!(codes(&report), want, "{name}:\n{report:#}");
        let errors = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "error");
        assert_eq!(report["ok"], !errors, "{name}");
        assert_eq!(code, i32::from(errors), "{name}: exit code");
        for finding in report["findings"].as_array().unwrap() {
            let places = finding["locations"].as_array().unwrap();
            assert!(!places.is_empty(), "{name}: {finding}");
            for place in places {
                let path = fixtures().join(name).join(place["path"].as_str().unwrap());
                assert!(
                    path.is_file(),
                    "{name}: {place} names a file of the project"
                );
            }
        }
    }
}

/// The JSON of DESIGN §3: paths relative to the folder, the line of the call, values by
/// the Node SDK's names, a run-time value as `{"dynamic": source}`, absent keys absent.
#[test]
fn the_json_report_has_the_designed_shape() {
    let (_, report) = doctor(&fixtures().join("monorepo-clean"), &[]);
    let python = &report["files"][1];
    assert_eq!(python["path"], "services/billing/app/auth.py");
    assert_eq!(python["line"], 6);
    assert_eq!(python["sdk"], "supertokens-python");
    assert_eq!(python["role"], "backend");
    assert_eq!(python["managed"], false);
    assert_eq!(python["values"]["cookieDomain"], ".example.com");
    assert_eq!(python["values"]["apiDomain"], "https://api.example.com");
    assert!(python["values"].get("olderCookieDomain").is_none());

    // The SDK's version, from the lockfile or pins nearest above the file.
    let (_, report) = doctor(&fixtures().join("older-sdk"), &[]);
    let versions: Vec<&Value> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["sdkVersion"])
        .collect();
    assert_eq!(
        versions,
        [
            &serde_json::json!({ "version": "0.25.1", "from": "services/go/go.mod" }),
            &serde_json::json!({ "version": "17.0.7", "from": "services/node/package-lock.json" }),
            &serde_json::json!({ "version": "0.19.0", "from": "services/py/requirements.txt" }),
        ]
    );

    let (_, report) = doctor(&fixtures().join("env-driven"), &[]);
    assert_eq!(
        report["files"][0]["values"]["websiteDomain"],
        serde_json::json!({ "dynamic": "process.env.WEBSITE_DOMAIN ?? \"http://localhost:3000\"" })
    );
    let finding = &report["findings"][0];
    assert_eq!(finding["severity"], "info");
    assert_eq!(
        finding["locations"][0],
        serde_json::json!({ "path": "api/supertokens.ts", "line": 11 })
    );
}

/// What .gitignore excludes and node_modules are skipped, as ripgrep skips them, unless
/// `--no-ignore`; a file of the user's that only mentions SuperTokens is not an init.
#[test]
fn ignored_files_and_dependencies_are_skipped_unless_asked() {
    let dir = project();
    let root = dir.path();
    copy_tree(&fixtures().join("decoys"), root);
    let bundle = "const supertokens = require(\"supertokens-node\");\nsupertokens.init({ appInfo: { apiDomain: \"https://api.co.uk\" } });\n";
    for file in ["node_modules/some-sdk/index.js", "generated/bundle.js"] {
        fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
        fs::write(root.join(file), bundle).unwrap();
    }
    let (code, report) = doctor(root, &[]);
    assert_eq!(
        (code, report["files"].as_array().unwrap().len()),
        (0, 0),
        "{report:#}"
    );
    let (_, report) = doctor(root, &["--no-ignore"]);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["generated/bundle.js", "node_modules/some-sdk/index.js"]
    );
}

/// The report for people, grouped by problem, with the fix in each message.
#[test]
fn the_human_report_names_each_problem_and_its_fix() {
    let run = run_in(&fixtures().join("frontend-mismatches"), &["doctor"]);
    assert_eq!(run.code, 1, "{}", run.both());
    crate::in_snapshots!({
        insta::assert_snapshot!("doctor-frontend-mismatches", run.stdout);
    });
}

/// SARIF 2.1.0 for code scanning: one result per finding, its rule declared, the places
/// relative to the source root; the exit code as for --json.
#[test]
fn sarif_lists_each_finding_under_its_rule() {
    let run = run_in(
        Path::new("."),
        &[
            "doctor",
            "--format",
            "sarif",
            fixtures().join("frontend-mismatches").to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.both());
    let sarif: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    let rules: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for result in results {
        let rule = result["ruleId"].as_str().unwrap();
        assert_eq!(rules[result["ruleIndex"].as_u64().unwrap() as usize], rule);
        assert_eq!(result["level"], "error");
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    // Valid against the SARIF 2.1.0 schema, here and with notes only.
    crate::sdk::node_ready();
    for (fixture, sarif) in [
        ("frontend-mismatches", run.stdout.clone()),
        (
            "env-driven",
            run_in(
                Path::new("."),
                &[
                    "doctor",
                    "--format",
                    "sarif",
                    fixtures().join("env-driven").to_str().unwrap(),
                ],
            )
            .stdout,
        ),
    ] {
        let dir = project();
        let file = dir.path().join("doctor.sarif");
        fs::write(&file, sarif).unwrap();
        let (code, out) = crate::sdk::node_script("sarif-check.mjs", &[file.to_str().unwrap()]);
        assert_eq!((code, out.trim()), (0, "valid SARIF 2.1.0"), "{fixture}");
    }
    // Paths from the repository's root, which is where code scanning reads them from.
    let repository = project();
    fs::create_dir_all(repository.path().join(".git")).unwrap();
    let services = repository.path().join("services");
    fs::create_dir_all(&services).unwrap();
    copy_tree(&fixtures().join("frontend-mismatches"), &services);
    let run = run_in(
        repository.path(),
        &["doctor", "--format", "sarif", "services"],
    );
    let sarif: Value = serde_json::from_str(&run.stdout).unwrap();
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "services/admin/session.ts", "{sarif:#}");
    let usage = run_in(Path::new("."), &["doctor", "--json", "--format", "sarif"]);
    assert_eq!(usage.code, 2, "{}", usage.both());
    let missing = run_in(Path::new("."), &["doctor", "no/such/folder"]);
    assert_eq!(missing.code, 2, "{}", missing.both());
    missing.expect_stderr("no/such/folder is not a folder");
}

/// The SDKs' own installed code: thousands of real files, read without a panic; the one
/// init found in the JavaScript SDKs is real (supertokens-web-js initialising
/// supertokens-website).
#[test]
fn the_sdks_own_source_is_read_without_a_false_init() {
    crate::sdk::node_ready();
    let node_modules = crate::sdk::sdk_dir().join("node_modules");
    let (code, report) = doctor(&node_modules, &["--no-ignore"]);
    assert!(code == 0 || code == 1, "{report:#}");
    let found: Vec<(&str, &str)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["sdk"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [(
            "supertokens-web-js/lib/build/recipe/session/recipe.js",
            "supertokens-website"
        )]
    );
}

/// Files st-setup wrote are read through their block (`stSetup.appInfo`, `ST_APP_INFO`,
/// `stAppInfo`): literal values, `managed`, and nothing to report.
#[test]
fn files_st_setup_wrote_are_read_through_their_block() {
    let dir = project();
    let root = dir.path();
    crate::common::yes_two_apis(
        root,
        &[
            "--backend-out",
            "api/st.ts",
            "--backend-out",
            "billing/config.py",
            "--backend-out",
            "inventory/config.go",
            "--frontend-out",
            "web/config.tsx",
        ],
    )
    .expect_code(0);
    let (code, report) = doctor(root, &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["findings"], serde_json::json!([]), "{report:#}");
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 4);
    for file in files {
        assert_eq!(file["managed"], true, "{file}");
        assert_eq!(
            file["values"]["apiDomain"], "https://api.example.com",
            "{file}"
        );
        let domain = if file["role"] == "backend" {
            &file["values"]["cookieDomain"]
        } else {
            &file["values"]["sessionTokenBackendDomain"]
        };
        assert_eq!(domain, ".example.com", "{file}");
    }
}

/// supertokens-python's installed package, read whole: no init in the SDK's own source
/// (its wheel also ships its test suite, whose init calls are real ones).
#[test]
fn the_python_sdks_own_source_holds_no_init() {
    let python = crate::python::python_ready();
    let out = std::process::Command::new(&python)
        .args(["-c", "import supertokens_python, os; print(os.path.dirname(os.path.dirname(supertokens_python.__file__)))"])
        .output()
        .expect("python runs");
    let site = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    assert!(
        site.join("supertokens_python").is_dir(),
        "{}",
        site.display()
    );
    let (code, report) = doctor(&site, &["--no-ignore"]);
    assert!(code == 0 || code == 1, "{report:#}");
    let files = report["files"].as_array().unwrap();
    assert!(
        files.iter().all(|f| !f["path"]
            .as_str()
            .unwrap()
            .starts_with("supertokens_python/")),
        "{report:#}"
    );
    assert!(files.iter().all(|f| f["sdk"] == "supertokens-python"));
}

/// Layouts that once gave false findings: the frontend config built in another file (the
/// SuperTokens Next.js examples), a frontend whose API is known only at run time beside two
/// deployments, header mode on the backends' own cookie domain; and a finding once missed:
/// a backend without cookieDomain beside one with it.
#[test]
fn layouts_people_use_are_judged_right() {
    let case = |files: &[(&str, &str)]| {
        let dir = project();
        for (path, text) in files {
            let path = dir.path().join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        let (_, report) = doctor(dir.path(), &[]);
        codes(&report)
    };
    let backend = |api: &str, cookie: &str| {
        format!(
            "import supertokens from \"supertokens-node\";\nimport Session from \"supertokens-node/recipe/session\";\nsupertokens.init({{ supertokens: {{ connectionURI: \"http://localhost:3567\" }}, appInfo: {{ appName: \"A\", apiDomain: \"{api}\", websiteDomain: \"https://example.com\" }}, recipeList: [Session.init({{ {cookie} }})] }});\n"
        )
    };
    let shared = backend("https://api.example.com", "cookieDomain: \".example.com\"");
    let provider = "\"use client\";\nimport SuperTokensReact from \"supertokens-auth-react\";\nimport { frontendConfig } from \"../config/frontend\";\nSuperTokensReact.init(frontendConfig());\n";
    let config = "import SessionReact from \"supertokens-auth-react/recipe/session\";\nexport const frontendConfig = () => ({ appInfo: { appName: \"A\", apiDomain: \"https://api.example.com\", websiteDomain: \"https://example.com\" }, recipeList: [SessionReact.init({ sessionTokenBackendDomain: \".example.com\" })] });\n";
    assert_eq!(
        case(&[
            ("api/st.ts", &shared),
            ("components/provider.tsx", provider),
            ("config/frontend.tsx", config)
        ]),
        ["dynamic-value"],
        "a config written in another file is not called missing"
    );
    let blog = backend("https://api.blog.org", "cookieDomain: \".blog.org\"");
    let admin = "import SuperTokens from \"supertokens-web-js\";\nimport Session from \"supertokens-web-js/recipe/session\";\nSuperTokens.init({ appInfo: { appName: \"A\", apiDomain: process.env.API_URL }, recipeList: [Session.init({ sessionTokenBackendDomain: \".example.com\" })] });\n";
    assert_eq!(
        case(&[
            ("shop/st.ts", &shared),
            ("blog/st.ts", &blog),
            ("admin/st.ts", admin)
        ]),
        ["dynamic-value"],
        "a run-time API beside two deployments fails neither"
    );
    let header = "import SuperTokens from \"supertokens-web-js\";\nimport Session from \"supertokens-web-js/recipe/session\";\nSuperTokens.init({ appInfo: { appName: \"A\", apiDomain: \"https://api.example.com\" }, recipeList: [Session.init({ tokenTransferMethod: \"header\", sessionTokenBackendDomain: \".example.com\" })] });\n";
    assert_eq!(
        case(&[("api/st.ts", &shared), ("web/st.ts", header)]),
        Vec::<String>::new(),
        "header mode on the backends' cookie domain: no advice that contradicts it"
    );
    let host_only = backend("https://billing.example.com", "");
    assert_eq!(
        case(&[("api/st.ts", &shared), ("billing/st.ts", &host_only)]),
        ["cookie-domain-mismatch"],
        "a backend without cookieDomain beside one with it"
    );
}
