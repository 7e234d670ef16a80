//! `st-setup adopt` on the hand-written fixtures of doctor: the values move into
//! st-setup.json and a block per file, the calls read the block, every other line stays,
//! and then `check`, `add-api` and `doctor` treat the files as st-setup's own.

use std::fs;
use std::path::Path;

use crate::common::{copy_tree, project, read, run_in};

fn fixture(name: &str) -> tempfile::TempDir {
    let dir = project();
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/doctor")
            .join(name),
        dir.path(),
    );
    dir
}

/// Every line of `before` that held no value st-setup now manages is in `after`, in order.
fn assert_kept(before: &str, after: &str, managed: &[&str], file: &str) {
    let mut rest = after.lines();
    for line in before.lines() {
        if managed.iter().any(|m| line.contains(m)) {
            continue;
        }
        assert!(
            rest.any(|l| l == line),
            "{file}: the line {line:?} was not kept:\n{after}"
        );
    }
}

/// The managed values' lines: st-setup's block holds them now.
const MANAGED: &[&str] = &[
    "appName",
    "apiDomain",
    "websiteDomain",
    "apiBasePath",
    "websiteBasePath",
    "connectionURI",
    "cookieDomain",
    "sessionTokenBackendDomain",
    "appInfo",
    "Session.init",
    "SessionNode.init",
    "SessionReact.init",
    "recipeList",
    "supertokens: {",
    "},",
    "}),",
    "app_info=",
    "app_name=",
    "api_domain=",
    "website_domain=",
    "api_base_path=",
    "website_base_path=",
    "connection_uri=",
    "cookie_domain=",
    "framework=",
    "mode=",
    "),",
    // Go's names, and its locals that only the old values used.
    "AppName",
    "APIDomain",
    "WebsiteDomain",
    "APIBasePath",
    "WebsiteBasePath",
    "ConnectionURI",
    "CookieDomain",
    ":= \"",
    "AppInfo:",
    "session.Init(",
    "\t\t\t}),",
];

/// doctor → adopt → check → add-api → check → doctor, each fixture of JavaScript and
/// TypeScript files.
#[test]
fn adopted_projects_round_trip_through_check_add_api_and_doctor() {
    let cases: [(&str, &[&str], &[&str], &str); 5] = [
        (
            "vue-app",
            &[],
            &["server/index.js", "src/main.ts"],
            "http://localhost:3002",
        ),
        (
            "nextjs-appinfo",
            &[],
            &["app/config/backend.ts", "app/config/frontend.tsx"],
            "https://notes.example.com:8443",
        ),
        (
            "monorepo-clean",
            &[
                "--api",
                "https://billing.example.com",
                "--connection-uri",
                "http://localhost:3567",
            ],
            &[
                "services/api/src/supertokens.ts",
                "services/billing/app/auth.py",
                "web/src/config.tsx",
            ],
            "https://search.example.com",
        ),
        // A NestJS module's forRoot config; its frontend is a new file.
        (
            "nestjs-clean",
            &[
                "--api",
                "https://orders.shop.co.uk",
                "--frontend-out",
                "web/st.ts",
            ],
            &["src/app.module.ts"],
            "https://search.shop.co.uk",
        ),
        // Some files of several, named: the billing service sets its own cookie domain.
        (
            "monorepo-mismatch",
            &[
                "services/api/src/supertokens.ts",
                "web/src/config.tsx",
                "--api",
                "https://billing.example.com",
                "--connection-uri",
                "http://localhost:3567",
            ],
            &["services/api/src/supertokens.ts", "web/src/config.tsx"],
            "https://api.example.com:8443",
        ),
    ];
    for (name, args, files, new_api) in cases {
        // The file left out is still doctor's to report.
        let left_out = name == "monorepo-mismatch";
        let _ = round_trip(name, "", args, files, new_api, left_out);
    }
}

/// The fixtures with planted mistakes, adopted as their owner would: the flags settle
/// what the files disagree on (a typo'd apiDomain, two app names, localhost against
/// 127.0.0.1), name the APIs st-setup cannot see, or pick one deployment of two (-C).
/// Then the round trip as above, and doctor finds nothing left to report.
#[test]
fn fixtures_with_planted_mistakes_round_trip_once_the_flags_settle_them() {
    struct Case {
        fixture: &'static str,
        /// The folder adopted (-C): one deployment of two.
        folder: &'static str,
        args: Vec<&'static str>,
        files: &'static [&'static str],
        new_api: &'static str,
        /// What adopt says beyond the diff: the cookie domain it corrects, and why.
        note: &'static str,
        /// Files with mistakes are left out, so doctor still reports them.
        left_out: bool,
    }
    let core = ["--connection-uri", "http://localhost:3567"];
    let cases = [
        Case {
            fixture: "api-typo",
            folder: "blog",
            // One API: the cookie domain goes, and the backend keeps clearing its cookies.
            args: [&["--auth-api", "https://api.blog.org"][..], &core].concat(),
            files: &["backend.ts", "frontend.tsx"],
            new_api: "https://search.blog.org",
            note: "sets sessionTokenBackendDomain \".blog.org\"; the block gives it the backends' cookie domain instead: none",
            left_out: false,
        },
        Case {
            fixture: "two-deployments",
            folder: "shop",
            args: [&["--api", "https://api2.example.com"][..], &core].concat(),
            files: &["backend.ts", "frontend.tsx"],
            new_api: "https://api3.example.com",
            note: "",
            left_out: false,
        },
        // Two frontends of four: another UI and supertokens-website stay doctor's.
        Case {
            fixture: "frontend-mismatches",
            folder: "",
            args: vec![
                "backend/supertokens.mjs",
                "www/auth.jsx",
                "--app-name",
                "Shop",
                "--website",
                "https://example.com",
                "--api",
                "https://api2.example.com",
            ],
            files: &["backend/supertokens.mjs", "www/auth.jsx"],
            new_api: "https://api3.example.com",
            note: "",
            left_out: true,
        },
        Case {
            fixture: "vue-127",
            folder: "",
            args: vec!["--auth-api", "http://localhost:3001"],
            files: &["server/index.js", "src/main.ts"],
            new_api: "http://localhost:3002",
            note: "",
            left_out: false,
        },
        // Header mode: the frontend's own tokenTransferMethod stays as it was.
        Case {
            fixture: "header-mode-narrow",
            folder: "",
            args: vec![
                "--auth-api",
                "https://a.api.example.com",
                "--api",
                "https://b.api.example.com",
            ],
            files: &["api/server.ts", "billing/server.ts", "web/auth.ts"],
            new_api: "https://c.api.example.com",
            note: "sets tokenTransferMethod \"header\", so the setup is adopted with header-based sessions",
            left_out: false,
        },
        // A React Native app: its one init call reads the whole block, its own option
        // (enableDebugLogs) kept after the spread.
        Case {
            fixture: "react-native-app",
            folder: "",
            args: vec!["--api", "https://api2.example.com"],
            files: &["api/server.ts", "mobile/src/auth.ts"],
            new_api: "https://api3.example.com",
            note: "",
            left_out: false,
        },
        // The frontend's token header reached all of example.com: now the APIs' domain.
        Case {
            fixture: "header-mode",
            folder: "",
            // Header mode comes from the frontend's own tokenTransferMethod.
            args: vec![
                "--auth-api",
                "https://a.api.example.com",
                "--api",
                "https://b.api.example.com",
            ],
            files: &["api/server.ts", "billing/server.ts", "web/auth.ts"],
            new_api: "https://c.api.example.com",
            note: "the block gives it the backends' cookie domain instead: \".api.example.com\"",
            left_out: false,
        },
        // Cookie domains browsers never stored a cookie for, or the SDK reads as host-only.
        Case {
            fixture: "not-covering",
            folder: "",
            args: vec![
                "--api",
                "https://api.example.com",
                "--frontend-out",
                "web/st.ts",
            ],
            files: &["auth.ts"],
            new_api: "https://api2.example.com",
            note: "does not cover the auth API auth.example.com: browsers refused every session cookie",
            left_out: false,
        },
        Case {
            fixture: "nestjs-forroot",
            folder: "",
            args: vec!["--frontend-out", "web/st.ts"],
            files: &["src/app.module.ts"],
            new_api: "https://orders.shop.co.uk",
            note: "a public suffix: browsers refused every session cookie",
            left_out: false,
        },
        Case {
            fixture: "go-service",
            folder: "",
            args: vec!["--frontend-out", "web/st.ts"],
            files: &["cmd/api/main.go"],
            new_api: "http://localhost:8081",
            note: "which the SDK reads as host-only cookies",
            left_out: false,
        },
        Case {
            fixture: "go-service-clean",
            folder: "",
            args: vec![
                "--api",
                "https://api2.example.com",
                "--frontend-out",
                "web/st.ts",
            ],
            files: &["cmd/api/main.go"],
            new_api: "https://api3.example.com",
            note: "",
            left_out: false,
        },
    ];
    for case in cases {
        // One API now: the backend keeps clearing the cookies of the old domain.
        let older = |root: &Path| {
            if case.fixture == "api-typo" {
                let backend = read(root, "backend.ts");
                assert!(
                    backend.contains("olderCookieDomain: \".blog.org\","),
                    "{backend}"
                );
            }
            // Adopted as header mode, the block says so too.
            if case.fixture == "header-mode" {
                let saved = read(root, "st-setup.json");
                assert!(saved.contains(r#""tokenTransfer": "header""#), "{saved}");
                let frontend = read(root, "web/auth.ts");
                assert!(frontend.contains("const stSetup"), "{frontend}");
                let start = frontend.find("const stSetup").unwrap();
                let end = frontend.find("st-setup:end").unwrap();
                let block = &frontend[start..end];
                assert!(
                    block.contains(r#"tokenTransferMethod: "header","#),
                    "{frontend}"
                );
            }
        };
        round_trip_checking(
            case.fixture,
            case.folder,
            &case.args,
            case.files,
            case.new_api,
            case.left_out,
            older,
        )
        .expect_stderr(case.note);
    }
}

/// The planted mistakes that adopt must not settle by itself: backends that set different
/// cookie domains (browsers hold cookies for each, and one can be cleared), an older
/// domain the auth API never receives, a domain known only at run time. Nothing is
/// written, and the message says what to fix first.
#[test]
fn cookie_domains_adopt_cannot_keep_clearing_are_refused_with_doctors_fix() {
    let cases = [
        (
            "monorepo-mismatch",
            vec![
                "--api",
                "https://billing.example.com",
                "--connection-uri",
                "http://localhost:3567",
            ],
            "the backends set different cookie domains",
        ),
        // The old cookies were the host api.shop.example.com's: the auth API never gets
        // them to clear.
        (
            "older-sdk-upgraded",
            vec![
                "--app-name",
                "Shop",
                "--api",
                "https://api2.example.com",
                "--frontend-out",
                "web/st.ts",
            ],
            "older domain \"api.shop.example.com\"",
        ),
        (
            "env-driven",
            vec![
                "--auth-api",
                "https://api.example.com",
                "--website",
                "https://example.com",
            ],
            "process.env.COOKIE_DOMAIN",
        ),
    ];
    for (name, args, expected) in cases {
        let dir = fixture(name);
        let root = dir.path();
        let listing = crate::common::listing(root);
        let mut adopt = vec!["adopt", "--yes"];
        adopt.extend_from_slice(&args);
        let run = run_in(root, &adopt);
        assert_eq!(run.code, 1, "{name}: {}", run.both());
        run.expect_stderr(expected)
            .expect_stderr("nothing was written");
        assert_eq!(
            crate::common::listing(root),
            listing,
            "{name}: nothing written"
        );
    }
}

/// doctor → adopt `args` in `folder` of fixture `name` → check → add-api `new_api` →
/// check → doctor (exit 1 only when `left_out` files still have mistakes), with every
/// line of `files` that held no managed value kept.
fn round_trip(
    name: &str,
    folder: &str,
    args: &[&str],
    files: &[&str],
    new_api: &str,
    left_out: bool,
) -> crate::common::Run {
    round_trip_checking(name, folder, args, files, new_api, left_out, |_| {})
}

/// `round_trip`, with `adopted` checking the project right after adopt.
fn round_trip_checking(
    name: &str,
    folder: &str,
    args: &[&str],
    files: &[&str],
    new_api: &str,
    left_out: bool,
    adopted_check: impl Fn(&Path),
) -> crate::common::Run {
    let dir = fixture(name);
    let root = &dir.path().join(folder);
    let before: Vec<String> = files.iter().map(|f| read(root, f)).collect();
    let mut adopt = vec!["adopt", "--yes"];
    adopt.extend_from_slice(args);
    let adopted = run_in(root, &adopt).expect_code(0);
    adopted_check(root);
    run_in(root, &["check"]).expect_code(0);
    for (file, before) in files.iter().zip(&before) {
        let after = read(root, file);
        assert!(after.contains(" st-setup:begin"), "{name} {file}:\n{after}");
        assert_kept(before, &after, MANAGED, &format!("{name} {file}"));
    }
    for file in files.iter().filter(|f| f.ends_with(".py")) {
        crate::python::python_parses(&read(root, file))
            .unwrap_or_else(|e| panic!("{name} {file}: {e}"));
    }
    run_in(root, &["add-api", "--yes", new_api]).expect_code(0);
    run_in(root, &["check"]).expect_code(0);
    let doctor = run_in(root, &["doctor", "--json"]).expect_code(i32::from(left_out));
    let report: serde_json::Value = serde_json::from_str(&doctor.stdout).unwrap();
    let managed: Vec<&serde_json::Value> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| files.contains(&f["path"].as_str().unwrap()))
        .collect();
    assert_eq!(managed.len(), files.len(), "{name}: {report:#}");
    assert!(
        managed.iter().all(|f| f["managed"] == true),
        "{name}: {report:#}"
    );
    if !left_out {
        assert_eq!(
            report["findings"],
            serde_json::json!([]),
            "{name}: {report:#}"
        );
    }
    adopted
}

/// The adopted TypeScript files type-check against the real SDKs (tsc, pinned in
/// tests/sdk): the block's `satisfies` finds SuperTokens and Session, added where the
/// file named them otherwise.
#[test]
fn adopted_typescript_files_type_check() {
    crate::sdk::node_ready();
    let dir = fixture("nextjs-appinfo");
    let root = dir.path();
    run_in(root, &["adopt", "--yes"]).expect_code(0);
    fs::write(
        root.join("tsconfig.json"),
        r#"{ "compilerOptions": { "jsx": "react-jsx", "strict": true, "module": "esnext", "moduleResolution": "bundler", "target": "es2022", "noEmit": true, "skipLibCheck": true }, "include": ["app"] }"#,
    )
    .unwrap();
    crate::common::link_node_modules(root);
    crate::common::assert_tsc(root, "adopted Next.js configs");
}

/// Where the files disagree or a value is known only at run time, nothing is written and
/// the message names the flag that settles it; a project of st-setup's is not adopted.
#[test]
fn conflicts_write_nothing_and_name_the_flag() {
    let dir = fixture("frontend-mismatches");
    let root = dir.path();
    let listing = crate::common::listing(root);
    let run = run_in(root, &["adopt", "--yes"]);
    assert_eq!(run.code, 1, "{}", run.both());
    run.expect_stderr("nothing was written")
        .expect_stderr("--app-name")
        .expect_stderr("--website")
        .expect_stderr("supertokens-website");
    assert_eq!(crate::common::listing(root), listing, "nothing written");

    let dir = fixture("env-driven");
    let run = run_in(dir.path(), &["adopt", "--yes"]);
    assert_eq!(run.code, 1, "{}", run.both());
    run.expect_stderr("process.env.WEBSITE_DOMAIN")
        .expect_stderr("--auth-api");

    let dir = fixture("vue-app");
    let root = dir.path();
    run_in(root, &["adopt", "--dry-run"])
        .expect_code(0)
        .expect_stdout("+const stSetup = {");
    assert!(
        !root.join("st-setup.json").exists(),
        "--dry-run writes nothing"
    );
    run_in(root, &["adopt", "--yes"]).expect_code(0);
    run_in(root, &["adopt", "--yes"])
        .expect_code(2)
        .expect_stderr("st-setup.json is here already");
    // A frontend alone would leave st-setup.json a backend to create beside the user's.
    let dir = fixture("monorepo-clean");
    run_in(
        dir.path(),
        &[
            "adopt",
            "--yes",
            "web/src/config.tsx",
            "--api",
            "https://billing.example.com",
        ],
    )
    .expect_code(1)
    .expect_stderr("no backend file is among the adopted ones");
    let none = fixture("decoys");
    run_in(none.path(), &["adopt", "--yes"])
        .expect_code(1)
        .expect_stderr("found no init call");
}

/// A Go service and a React frontend adopted together: the Go file passes gofmt and
/// `go vet` against the SDK stub (the locals only its old values used are gone, as Go
/// requires), and the project then round-trips like the others.
#[test]
fn an_adopted_go_service_vets_and_round_trips() {
    let dir = project();
    let root = dir.path();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/doctor");
    fs::create_dir_all(root.join("api")).unwrap();
    fs::create_dir_all(root.join("web")).unwrap();
    copy_tree(&fixtures.join("go-service-clean"), &root.join("api"));
    copy_tree(&fixtures.join("monorepo-clean/web"), &root.join("web"));
    let before = read(root, "api/cmd/api/main.go");
    run_in(
        root,
        &[
            "adopt",
            "--yes",
            "--app-name",
            "Shop",
            "--api",
            "https://billing.example.com",
        ],
    )
    .expect_code(0);
    run_in(root, &["check"]).expect_code(0);
    let after = read(root, "api/cmd/api/main.go");
    assert!(after.contains("AppInfo: stAppInfo,"), "{after}");
    assert!(after.contains("session.Init(&stSession)"), "{after}");
    assert_kept(&before, &after, MANAGED, "api/cmd/api/main.go");
    crate::golang::go_check(&[("main.go", &after)]).unwrap_or_else(|e| panic!("{e}"));
    run_in(root, &["add-api", "--yes", "https://search.example.com"]).expect_code(0);
    run_in(root, &["check"]).expect_code(0);
    run_in(root, &["doctor"]).expect_code(0);
}

/// A backend that still clears the cookies of an older domain keeps doing so: the block
/// holds its olderCookieDomain, with st-setup's comment, and st-setup.json remembers it.
#[test]
fn an_older_cookie_domain_is_kept() {
    let dir = fixture("monorepo-clean");
    let root = dir.path();
    let node = "services/api/src/supertokens.ts";
    let python = "services/billing/app/auth.py";
    fs::write(
        root.join(node),
        read(root, node).replace(
            "cookieDomain: \".example.com\",",
            "cookieDomain: \".example.com\",\n            olderCookieDomain: \"api.example.com\",",
        ),
    )
    .unwrap();
    fs::write(
        root.join(python),
        read(root, python).replace(
            "session.init(cookie_domain=\".example.com\")",
            "session.init(cookie_domain=\".example.com\", older_cookie_domain=\"api.example.com\")",
        ),
    )
    .unwrap();
    run_in(
        root,
        &[
            "adopt",
            "--yes",
            "--api",
            "https://billing.example.com",
            "--connection-uri",
            "http://localhost:3567",
        ],
    )
    .expect_code(0);
    run_in(root, &["check"]).expect_code(0);
    assert!(read(root, node).contains("olderCookieDomain: \"api.example.com\","));
    assert!(read(root, python).contains("ST_OLDER_COOKIE_DOMAIN = \"api.example.com\""));
    assert!(read(root, "st-setup.json").contains("\"olderCookieDomain\": \"api.example.com\""));
    let doctor = run_in(root, &["doctor", "--json"]).expect_code(0);
    assert!(
        doctor
            .stdout
            .contains("\"olderCookieDomain\": \"api.example.com\""),
        "{}",
        doctor.stdout
    );
}

/// Files checked out with CRLF (git autocrlf) stay CRLF, the block included.
#[test]
fn crlf_files_stay_crlf() {
    let dir = fixture("vue-app");
    let root = dir.path();
    for file in ["server/index.js", "src/main.ts"] {
        fs::write(root.join(file), read(root, file).replace('\n', "\r\n")).unwrap();
    }
    run_in(root, &["adopt", "--yes"]).expect_code(0);
    run_in(root, &["check"]).expect_code(0);
    for file in ["server/index.js", "src/main.ts"] {
        let text = read(root, file);
        assert!(text.contains("// st-setup:begin"), "{file}");
        assert_eq!(
            text.matches('\n').count(),
            text.matches("\r\n").count(),
            "{file}: every line ends with CRLF:\n{text:?}"
        );
    }
}

/// A CommonJS server that requires more after its init: the block goes before the init
/// (after the requires that open the file), so the adopted server runs; files named with
/// an absolute path are found.
#[test]
fn the_block_comes_before_the_code_that_reads_it() {
    crate::sdk::node_ready();
    let dir = fixture("vue-app");
    let root = dir.path();
    let server = read(root, "server/index.js");
    // The SDK's init first, express required after it, nothing served.
    let late = server
        .replace("const express = require(\"express\");\n", "")
        .replace("const cors = require(\"cors\");\n", "")
        .replace("const app = express();", "const express = require(\"express\");\nconst cors = require(\"cors\");\nconst app = express();")
        .replace("app.listen(3001);\n", "");
    fs::write(root.join("server/index.js"), &late).unwrap();
    let absolute = root.join("server/index.js");
    run_in(
        root,
        &["adopt", "--yes", absolute.to_str().unwrap(), "src/main.ts"],
    )
    .expect_code(0);
    crate::common::link_node_modules(root);
    let out = std::process::Command::new("node")
        .arg("server/index.js")
        .current_dir(root)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}\n{}",
        crate::common::output_text(&out),
        read(root, "server/index.js")
    );
    let outside = project();
    fs::write(outside.path().join("x.js"), "").unwrap();
    let dir = fixture("vue-app");
    run_in(
        dir.path(),
        &[
            "adopt",
            "--yes",
            outside.path().join("x.js").to_str().unwrap(),
        ],
    )
    .expect_code(2)
    .expect_stderr("is outside the project");
}
