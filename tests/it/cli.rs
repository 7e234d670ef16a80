//! The command-line contract (README), run against the real binary: subcommands, exit
//! codes, `--yes`, `--dry-run`, `check`, `add-api`, managed blocks and non-terminal errors.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::common::{
    BACKEND, EU_APIS, FRONTEND, STATE, TIMEOUT, TWO_APIS, apis_in_state, finding_codes, listing,
    project, read, run_in, setup_args, yes_two_apis,
};

/// `st-setup domain --json URLS…` in an empty folder, exiting `code`.
#[track_caller]
fn domain_json(urls: &[&str], code: i32) -> Value {
    let dir = project();
    run_in(dir.path(), &[&["domain", "--json"][..], urls].concat())
        .expect_code(code)
        .json()
}

/// One file as it sits on disk: content, mtime and (on unix) inode, so that a rewrite with
/// the same bytes still shows.
#[derive(Debug, PartialEq, Eq)]
struct FileState {
    bytes: Vec<u8>,
    modified: SystemTime,
    inode: u64,
}

/// Every file under `dir` (recursively), keyed by its relative path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, FileState> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, FileState>) {
        for entry in fs::read_dir(dir).expect("read dir") {
            let entry = entry.expect("dir entry");
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).expect("metadata");
            if meta.is_dir() {
                walk(root, &path, out);
            } else {
                #[cfg(unix)]
                let inode = std::os::unix::fs::MetadataExt::ino(&meta);
                #[cfg(not(unix))]
                let inode = 0;
                out.insert(
                    path.strip_prefix(root).expect("under root").to_owned(),
                    FileState {
                        bytes: fs::read(&path).expect("read"),
                        modified: meta.modified().expect("mtime"),
                        inode,
                    },
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[track_caller]
fn assert_empty(dir: &Path) {
    assert_eq!(
        listing(dir),
        Vec::<PathBuf>::new(),
        "the folder must stay empty"
    );
}

fn finding<'a>(json: &'a Value, code: &str) -> &'a Value {
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} finding in {json:#}"))
}

// ---------------------------------------------------------------------------------------
// st-setup domain

#[test]
fn domain_names_the_shared_cookie_domain() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &[
            "domain",
            "https://api.example.com",
            "https://api2.example.com",
        ],
    )
    .expect_code(0);
    assert!(
        run.stdout
            .contains(r#"Session.init({ cookieDomain: ".example.com" })"#),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(r#"Session.init({ sessionTokenBackendDomain: ".example.com" })"#),
        "{}",
        run.stdout
    );
    assert_empty(dir.path());
}

/// APIs on two sites: an error with cookies, a working answer in header mode (the other
/// site's host named for the frontend, and a warning where the domain reaches the website).
#[test]
fn domain_in_header_mode_answers_apis_on_two_sites() {
    let apis = [
        "https://api.example.com",
        "https://api2.example.com",
        "https://api.example-api.io",
    ];
    let cookies = domain_json(&apis, 1);
    assert_eq!(finding(&cookies, "different-sites")["severity"], "error");
    assert_eq!(cookies.get("tokenTransfer"), None);

    let header = domain_json(
        &[
            &[
                "--token-transfer",
                "header",
                "--website",
                "https://example.com",
            ][..],
            &apis,
        ]
        .concat(),
        0,
    );
    assert_eq!(header["ok"], true, "{header:#}");
    assert_eq!(header["tokenTransfer"], "header");
    assert_eq!(header["cookieDomain"], ".example.com");
    assert_eq!(
        header["otherSiteHosts"],
        serde_json::json!(["api.example-api.io"])
    );
    assert_eq!(
        finding(&header, "header-mode-other-sites")["severity"],
        "info"
    );
    assert_eq!(
        finding(&header, "header-mode-broad-domain")["severity"],
        "warning"
    );

    let dir = project();
    run_in(
        dir.path(),
        &["domain", "--token-transfer", "header", apis[0], apis[2]],
    )
    .expect_code(0)
    .expect_stdout(
        r#"Session.init({ tokenTransferMethod: "header", sessionTokenBackendDomain: (none) })"#,
    )
    .expect_stdout("and the hosts on other sites: api.example-api.io");
    run_in(
        dir.path(),
        &["domain", "--token-transfer", "bearer", apis[0]],
    )
    .expect_code(2)
    .expect_stderr("possible values: cookie, header");
}

#[test]
fn domain_json_has_the_documented_shape() {
    let json = domain_json(&["api.example.com", "https://api2.example.com"], 0);
    assert_eq!(json["cookieDomain"], ".example.com");
    assert_eq!(json["apiDomain"], "https://api.example.com");
    let endpoints = json["endpoints"].as_array().expect("endpoints array");
    assert_eq!(endpoints.len(), 2);
    assert_eq!(endpoints[0]["input"], "api.example.com");
    assert_eq!(endpoints[0]["origin"], "https://api.example.com");
    assert_eq!(endpoints[0]["host"], "api.example.com");
    assert_eq!(endpoints[0]["registrableDomain"], "example.com");
    assert_eq!(endpoints[1]["input"], "https://api2.example.com");
    assert_eq!(endpoints[1]["host"], "api2.example.com");
    assert_eq!(endpoints[1]["registrableDomain"], "example.com");
    // Every finding has the four documented fields; the missing scheme is reported.
    for f in json["findings"].as_array().expect("findings array") {
        assert!(
            matches!(f["severity"].as_str(), Some("error" | "warning" | "info")),
            "{f}"
        );
        let code = f["code"].as_str().expect("code");
        assert!(
            !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "code {code:?} is not kebab-case"
        );
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()), "{f}");
        assert!(f["endpoints"].is_array(), "{f}");
    }
    let assumed = finding(&json, "scheme-assumed");
    assert_eq!(assumed["severity"], "info");
    assert_eq!(assumed["endpoints"], serde_json::json!(["api.example.com"]));
    assert!(!finding_codes(&json).contains(&"different-sites"));
}

#[test]
fn domain_json_for_one_host_has_no_cookie_domain() {
    let json = domain_json(
        &["https://api.example.com", "https://api.example.com:8443"],
        0,
    );
    assert_eq!(json["cookieDomain"], Value::Null);
    assert_eq!(finding(&json, "single-host")["severity"], "info");
}

#[test]
fn domain_on_different_sites_exits_1() {
    let json = domain_json(&["https://api.example.com", "https://api.other.com"], 1);
    assert_eq!(json["cookieDomain"], Value::Null);
    let f = finding(&json, "different-sites");
    assert_eq!(f["severity"], "error");
    let endpoints = f["endpoints"].to_string();
    assert!(endpoints.contains("api.other.com"), "{f}");

    let human = run_in(
        project().path(),
        &["domain", "https://api.example.com", "https://api.other.com"],
    )
    .expect_code(1);
    assert!(human.stdout.contains("different-sites"), "{}", human.stdout);
    assert!(human.stdout.contains("other.com"), "{}", human.stdout);
}

#[test]
fn domain_names_the_odd_endpoint_out() {
    let json = domain_json(
        &[
            "https://api.example.com",
            "https://api2.example.com",
            "https://api.other.com",
        ],
        1,
    );
    assert_eq!(
        finding(&json, "different-sites")["endpoints"],
        serde_json::json!(["https://api.other.com"])
    );
}

#[test]
fn domain_on_a_public_suffix_explains_it() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &["domain", "https://a.vercel.app", "https://b.vercel.app"],
    )
    .expect_code(1);
    assert!(run.stdout.contains("different-sites"), "{}", run.stdout);
    assert!(run.stdout.contains("vercel.app"), "{}", run.stdout);
    assert!(run.stdout.contains("public suffix"), "{}", run.stdout);
    // It never proposes the public suffix as a cookie domain.
    assert!(!run.stdout.contains("\".vercel.app\""), "{}", run.stdout);
}

#[test]
fn domain_without_a_url_is_a_usage_error() {
    let dir = project();
    let run = run_in(dir.path(), &["domain"]).expect_code(2);
    assert!(run.stderr.contains("<URL>"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let dir = project();
    run_in(dir.path(), &["--yes", "--no-such-flag"]).expect_code(2);
    assert_empty(dir.path());
}

// ---------------------------------------------------------------------------------------
// --yes

#[test]
fn yes_writes_both_files_and_a_second_run_changes_nothing() {
    let dir = project();
    let first = yes_two_apis(dir.path(), &[]).expect_code(0);
    assert_eq!(
        listing(dir.path()),
        ["backend", BACKEND, "frontend", FRONTEND, STATE]
            .map(PathBuf::from)
            .to_vec()
    );
    assert!(first.stdout.contains("created"), "{}", first.stdout);
    let backend = read(dir.path(), BACKEND);
    assert!(
        backend.contains(r#"    cookieDomain: ".example.com","#),
        "{backend}"
    );
    assert!(backend.contains(r#"appName: "Acme","#), "{backend}");
    let frontend = read(dir.path(), FRONTEND);
    assert!(
        frontend.contains(r#"sessionTokenBackendDomain: ".example.com","#),
        "{frontend}"
    );
    assert!(frontend.contains("supertokens-auth-react"), "{frontend}");
    assert_eq!(
        apis_in_state(dir.path()),
        ["https://api.example.com", "https://api2.example.com"]
    );

    let before = tree(dir.path());
    std::thread::sleep(Duration::from_millis(20));
    let second = yes_two_apis(dir.path(), &[]).expect_code(0);
    assert!(
        second.stdout.contains("Nothing to change"),
        "{}",
        second.stdout
    );
    assert_eq!(
        tree(dir.path()),
        before,
        "a second identical run touched a file"
    );

    // Answers come back from st-setup.json: `--yes` alone is enough now.
    let third = run_in(dir.path(), &["--yes"]).expect_code(0);
    assert!(
        third.stdout.contains("Nothing to change"),
        "{}",
        third.stdout
    );
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn yes_with_a_missing_answer_names_the_flags_and_writes_nothing() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &[
            "--yes",
            "--api",
            "https://api.example.com",
            "--ui",
            "prebuilt",
        ],
    )
    .expect_code(2);
    assert!(run.stderr.contains("--website"), "{}", run.stderr);
    assert!(run.stderr.contains("--app-name"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("--api URL"),
        "--api was given: {}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("--ui"),
        "--ui was given: {}",
        run.stderr
    );
    assert_empty(dir.path());
}

#[test]
fn yes_with_nothing_names_every_required_flag() {
    let dir = project();
    let run = run_in(dir.path(), &["--yes"]).expect_code(2);
    for flag in ["--api", "--website", "--ui", "--app-name"] {
        assert!(run.stderr.contains(flag), "{flag}: {}", run.stderr);
    }
    assert_empty(dir.path());
}

#[test]
fn yes_with_an_unusable_connection_uri_fails_and_writes_nothing() {
    let dir = project();
    let run = yes_two_apis(dir.path(), &["--connection-uri", "localhost:3567"]).expect_code(2);
    assert!(run.stderr.contains("--connection-uri"), "{}", run.stderr);
    assert_empty(dir.path());
}

#[test]
fn json_on_a_write_run_lists_the_files() {
    let dir = project();
    let run = yes_two_apis(dir.path(), &["--json"]).expect_code(0);
    let json = run.json();
    assert_eq!(json["cookieDomain"], ".example.com");
    let files = json["files"].as_array().expect("files array");
    let summary: Vec<(&str, &str, bool)> = files
        .iter()
        .map(|f| {
            (
                f["path"].as_str().expect("path"),
                f["change"].as_str().expect("change"),
                f["written"].as_bool().expect("written"),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (BACKEND, "create", true),
            (FRONTEND, "create", true),
            (STATE, "create", true)
        ]
    );
    assert!(dir.path().join(BACKEND).exists());

    let again = yes_two_apis(dir.path(), &["--json"]).expect_code(0);
    let json = again.json();
    for f in json["files"].as_array().expect("files") {
        assert_eq!(f["change"], "unchanged", "{f}");
        assert_eq!(f["written"], false, "{f}");
    }

    let dry =
        yes_two_apis(dir.path(), &["--json", "--dry-run", "--app-name", "New"]).expect_code(0);
    let json = dry.json();
    assert_eq!(json["files"][0]["change"], "update");
    assert_eq!(json["files"][0]["written"], false);
    assert!(read(dir.path(), BACKEND).contains("\"Acme\""));
}

// ---------------------------------------------------------------------------------------
// No terminal

#[test]
fn without_yes_and_without_a_terminal_it_fails_at_once() {
    let dir = project();
    let started = std::time::Instant::now();
    let run = run_in(dir.path(), &["--api", "https://api.example.com"]).expect_code(2);
    assert!(started.elapsed() < TIMEOUT);
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    for flag in ["--website", "--ui", "--app-name"] {
        assert!(run.stderr.contains(flag), "{flag}: {}", run.stderr);
    }
    assert!(
        run.stdout.is_empty(),
        "no prompt may be drawn: {}",
        run.stdout
    );
    assert_empty(dir.path());
}

#[test]
fn without_yes_all_answers_given_it_still_asks_for_yes() {
    let dir = project();
    let run = run_in(dir.path(), TWO_APIS).expect_code(2);
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert_empty(dir.path());
}

#[test]
fn without_yes_a_stdin_left_open_does_not_hang() {
    // stdin is a pipe nobody writes to or closes: a prompt would wait forever.
    let dir = project();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_st-setup"))
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("TERM")
        .args(TWO_APIS)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let _stdin = child.stdin.take();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("st-setup waited on stdin instead of failing");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(2));
    assert_empty(dir.path());
}

#[test]
fn add_api_without_yes_and_without_a_terminal_asks_for_yes() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let before = tree(dir.path());
    let run = run_in(dir.path(), &["add-api", "https://api3.example.com"]).expect_code(2);
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert_eq!(tree(dir.path()), before);
}

// ---------------------------------------------------------------------------------------
// --dry-run

#[track_caller]
fn assert_new_backend_diff(stdout: &str) {
    assert!(
        stdout.contains("--- /dev/null\n+++ b/backend/supertokens.ts\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n+    cookieDomain: \".example.com\",\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("+++ b/frontend/supertokens.ts\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n+    sessionTokenBackendDomain: \".example.com\",\n"),
        "{stdout}"
    );
    assert!(stdout.contains("+++ b/st-setup.json\n"), "{stdout}");
}

#[test]
fn dry_run_with_yes_prints_a_diff_and_writes_nothing() {
    let dir = project();
    let run = yes_two_apis(dir.path(), &["--dry-run"]).expect_code(0);
    assert_new_backend_diff(&run.stdout);
    assert_empty(dir.path());
}

#[test]
fn dry_run_without_yes_prints_a_diff_and_writes_nothing() {
    let dir = project();
    let mut args = vec!["--dry-run"];
    args.extend_from_slice(TWO_APIS);
    let run = run_in(dir.path(), &args).expect_code(0);
    assert_new_backend_diff(&run.stdout);
    assert_empty(dir.path());
}

#[test]
fn dry_run_of_an_update_diffs_against_the_file_on_disk() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let before = tree(dir.path());
    let run = yes_two_apis(dir.path(), &["--dry-run", "--app-name", "Beta"]).expect_code(0);
    assert!(
        run.stdout
            .contains("--- a/backend/supertokens.ts\n+++ b/backend/supertokens.ts\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\n-    appName: \"Acme\",\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\n+    appName: \"Beta\",\n"),
        "{}",
        run.stdout
    );
    assert_eq!(tree(dir.path()), before);
}

// ---------------------------------------------------------------------------------------
// Error findings

#[test]
fn error_findings_exit_1_and_write_nothing() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &[
            "--yes",
            "--api",
            "https://a.vercel.app",
            "--api",
            "https://b.vercel.app",
            "--website",
            "https://a.vercel.app",
            "--ui",
            "prebuilt",
            "--app-name",
            "Acme",
        ],
    )
    .expect_code(1);
    assert!(run.both().contains("different-sites"), "{}", run.both());
    assert!(run.both().contains("vercel.app"), "{}", run.both());
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_empty(dir.path());
}

#[test]
fn error_findings_in_a_dry_run_exit_1_too() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &[
            "--dry-run",
            "--api",
            "https://api.example.com",
            "--api",
            "https://api.other.com",
            "--website",
            "https://example.com",
            "--ui",
            "custom",
            "--app-name",
            "Acme",
        ],
    )
    .expect_code(1);
    assert!(run.both().contains("different-sites"), "{}", run.both());
    assert!(
        !run.stdout.contains("+++ b/"),
        "no diff for answers that cannot work"
    );
    assert_empty(dir.path());
}

// ---------------------------------------------------------------------------------------
// Managed blocks, foreign files, --force

#[test]
fn rerun_rewrites_only_the_managed_block() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let original = read(dir.path(), BACKEND);
    let begin = original.find("// st-setup:begin").expect("begin marker");
    let end = original.find("// st-setup:end\n").expect("end marker") + "// st-setup:end\n".len();
    let header = original[..begin].replacen(
        "// SuperTokens backend setup",
        "// My own words about this backend setup",
        1,
    );
    assert_ne!(header, original[..begin]);
    let tail = format!(
        "{}\n// my code\nexport const answer = 42; // café ✓\n",
        &original[end..]
    );
    let edited = format!("{header}{}{tail}", &original[begin..end]);
    fs::write(dir.path().join(BACKEND), &edited).expect("edit");

    yes_two_apis(dir.path(), &["--app-name", "Renamed"]).expect_code(0);
    let after = read(dir.path(), BACKEND);
    assert!(after.starts_with(&header), "the header changed:\n{after}");
    assert!(after.ends_with(&tail), "the user's code changed:\n{after}");
    let block = &after[header.len()..after.len() - tail.len()];
    assert!(block.starts_with("// st-setup:begin backend"), "{block}");
    assert!(block.ends_with("// st-setup:end\n"), "{block}");
    assert!(block.contains("appName: \"Renamed\","), "{block}");
    assert!(!after.contains("\"Acme\""), "{after}");
    // The frontend followed too.
    assert!(read(dir.path(), FRONTEND).contains("appName: \"Renamed\","));
    // And the edited file is up to date now.
    run_in(dir.path(), &["check"]).expect_code(0);
}

#[test]
fn a_file_without_markers_is_refused_without_force() {
    let dir = project();
    fs::create_dir(dir.path().join("backend")).expect("mkdir");
    let mine = "// my own backend\nconsole.log(1);\n";
    fs::write(dir.path().join(BACKEND), mine).expect("write");
    let run = yes_two_apis(dir.path(), &[]).expect_code(1);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert!(run.stderr.contains(BACKEND), "{}", run.stderr);
    assert_eq!(read(dir.path(), BACKEND), mine);
    assert_eq!(
        listing(dir.path()),
        [PathBuf::from("backend"), PathBuf::from(BACKEND)],
        "a failed run writes no file at all"
    );

    // A dry run with --force previews the replacement and still writes nothing.
    let dry = yes_two_apis(dir.path(), &["--force", "--dry-run"]).expect_code(0);
    assert!(dry.stdout.contains("replace"), "{}", dry.stdout);
    assert!(dry.stdout.contains("supertokens.ts.bak"), "{}", dry.stdout);
    assert!(
        dry.stdout.contains("\n-console.log(1);\n"),
        "{}",
        dry.stdout
    );
    assert_eq!(read(dir.path(), BACKEND), mine);
    assert!(!dir.path().join("backend/supertokens.ts.bak").exists());

    yes_two_apis(dir.path(), &["--force"]).expect_code(0);
    assert_eq!(read(dir.path(), "backend/supertokens.ts.bak"), mine);
    let backend = read(dir.path(), BACKEND);
    assert!(backend.contains("// st-setup:begin backend"), "{backend}");
    assert!(!backend.contains("console.log(1)"), "{backend}");
    run_in(dir.path(), &["check"]).expect_code(0);
}

#[test]
fn switching_the_ui_on_the_same_file_needs_force() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let before = tree(dir.path());
    let run = run_in(dir.path(), &["--yes", "--ui", "custom"]).expect_code(1);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(tree(dir.path()), before);
    run_in(dir.path(), &["--yes", "--ui", "custom", "--force"]).expect_code(0);
    let frontend = read(dir.path(), FRONTEND);
    assert!(frontend.contains("supertokens-web-js"), "{frontend}");
    assert!(!frontend.contains("supertokens-auth-react"), "{frontend}");
    assert!(read(dir.path(), "frontend/supertokens.ts.bak").contains("supertokens-auth-react"));
}

#[cfg(unix)]
#[test]
fn an_update_keeps_the_file_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let path = dir.path().join(BACKEND);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    yes_two_apis(dir.path(), &["--app-name", "Other"]).expect_code(0);
    assert!(read(dir.path(), BACKEND).contains("\"Other\""));
    let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

// ---------------------------------------------------------------------------------------
// add-api

#[test]
fn add_api_dry_run_shows_the_new_api_and_writes_nothing() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let before = tree(dir.path());
    let run = run_in(
        dir.path(),
        &["add-api", "https://api3.example.com", "--dry-run"],
    )
    .expect_code(0);
    assert!(
        run.stdout
            .contains("--- a/st-setup.json\n+++ b/st-setup.json\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("\n+      \"https://api3.example.com\"\n"),
        "{}",
        run.stdout
    );
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn add_api_with_yes_adds_a_third_api() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let (backend, frontend) = (read(dir.path(), BACKEND), read(dir.path(), FRONTEND));
    let run = run_in(
        dir.path(),
        &["add-api", "https://api3.example.com", "--yes"],
    )
    .expect_code(0);
    // No value changed, so neither file does: not even its comment.
    assert_eq!(read(dir.path(), BACKEND), backend);
    assert_eq!(read(dir.path(), FRONTEND), frontend);
    assert!(
        run.stdout.contains("unchanged  backend/supertokens.ts"),
        "{}",
        run.stdout
    );
    assert_eq!(
        apis_in_state(dir.path()),
        [
            "https://api.example.com",
            "https://api2.example.com",
            "https://api3.example.com"
        ]
    );
    // Same cookie domain: no olderCookieDomain.
    let backend = read(dir.path(), BACKEND);
    assert!(
        backend.contains(r#"cookieDomain: ".example.com","#),
        "{backend}"
    );
    assert!(!backend.contains("olderCookieDomain"), "{backend}");
    run_in(dir.path(), &["check"]).expect_code(0);

    // Adding a known endpoint again changes nothing.
    let before = tree(dir.path());
    let again = run_in(dir.path(), &["add-api", "api3.example.com", "--yes"]).expect_code(0);
    assert!(again.stderr.contains("already"), "{}", again.stderr);
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn add_api_that_changes_the_cookie_domain_sets_older_cookie_domain() {
    let dir = project();
    run_in(dir.path(), &[&["--yes"][..], &setup_args(EU_APIS)].concat()).expect_code(0);
    let backend = read(dir.path(), BACKEND);
    assert!(
        backend.contains(r#"cookieDomain: ".eu.example.com","#),
        "{backend}"
    );
    assert!(!backend.contains("olderCookieDomain"), "{backend}");

    run_in(dir.path(), &["add-api", "https://api.example.com", "--yes"]).expect_code(0);
    let backend = read(dir.path(), BACKEND);
    assert!(
        backend.contains("    cookieDomain: \".example.com\",\n"),
        "{backend}"
    );
    assert!(
        backend.contains("    olderCookieDomain: \".eu.example.com\",\n"),
        "{backend}"
    );
    assert!(backend.contains("For a year"), "{backend}");
    let frontend = read(dir.path(), FRONTEND);
    assert!(
        frontend.contains("sessionTokenBackendDomain: \".example.com\","),
        "{frontend}"
    );
    assert!(!frontend.contains("older"), "{frontend}");

    // Stable: re-running keeps olderCookieDomain and changes nothing.
    run_in(dir.path(), &["check"]).expect_code(0);
    let before = tree(dir.path());
    let again = run_in(dir.path(), &["--yes"]).expect_code(0);
    assert!(
        again.stdout.contains("Nothing to change"),
        "{}",
        again.stdout
    );
    assert_eq!(tree(dir.path()), before);
    // Even when another answer changes, olderCookieDomain stays.
    run_in(dir.path(), &["--yes", "--app-name", "Acme 2"]).expect_code(0);
    assert!(read(dir.path(), BACKEND).contains("olderCookieDomain: \".eu.example.com\","));
}

#[test]
fn going_from_one_host_to_two_sets_an_empty_older_cookie_domain() {
    let dir = project();
    run_in(
        dir.path(),
        &[
            "--yes",
            "--api",
            "https://api.example.com",
            "--website",
            "https://example.com",
            "--ui",
            "custom",
            "--app-name",
            "Acme",
        ],
    )
    .expect_code(0);
    let backend = read(dir.path(), BACKEND);
    assert!(!backend.contains("cookieDomain:"), "{backend}");
    assert!(
        !read(dir.path(), FRONTEND).contains("sessionTokenBackendDomain:"),
        "one host needs no sessionTokenBackendDomain"
    );

    run_in(
        dir.path(),
        &["add-api", "https://api2.example.com", "--yes"],
    )
    .expect_code(0);
    let backend = read(dir.path(), BACKEND);
    assert!(
        backend.contains("    cookieDomain: \".example.com\",\n"),
        "{backend}"
    );
    assert!(
        backend.contains("    olderCookieDomain: \"\",\n"),
        "{backend}"
    );
    run_in(dir.path(), &["check"]).expect_code(0);
    let before = tree(dir.path());
    run_in(dir.path(), &["--yes"]).expect_code(0);
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn add_api_without_a_setup_file_fails_clearly() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &["add-api", "https://api3.example.com", "--yes"],
    )
    .expect_code(1);
    assert!(run.stderr.contains("st-setup.json"), "{}", run.stderr);
    assert!(run.stderr.contains("run `st-setup`"), "{}", run.stderr);
    assert_empty(dir.path());
}

#[test]
fn add_api_with_the_api_flag_is_a_usage_error() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let before = tree(dir.path());
    let run = run_in(
        dir.path(),
        &[
            "add-api",
            "https://api3.example.com",
            "--api",
            "https://api4.example.com",
            "--yes",
        ],
    )
    .expect_code(2);
    assert!(run.stderr.contains("--api"), "{}", run.stderr);
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn add_api_of_an_endpoint_on_another_site_writes_nothing() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let before = tree(dir.path());
    let run = run_in(dir.path(), &["add-api", "https://api.other.com", "--yes"]).expect_code(1);
    assert!(run.stderr.contains("different-sites"), "{}", run.stderr);
    assert_eq!(tree(dir.path()), before);
}

// ---------------------------------------------------------------------------------------
// check

#[test]
fn check_passes_right_after_a_write() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let before = tree(dir.path());
    let run = run_in(dir.path(), &["check"]).expect_code(0);
    assert!(run.stdout.contains("Up to date"), "{}", run.stdout);
    assert_eq!(tree(dir.path()), before, "check never writes");
}

#[test]
fn check_fails_with_a_diff_after_a_hand_edit_of_the_block() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let path = dir.path().join(BACKEND);
    let edited = read(dir.path(), BACKEND).replace(
        "cookieDomain: \".example.com\"",
        "cookieDomain: \".example.org\"",
    );
    fs::write(&path, &edited).expect("edit");
    let before = tree(dir.path());
    let run = run_in(dir.path(), &["check"]).expect_code(1);
    assert!(
        run.stdout
            .contains("--- a/backend/supertokens.ts\n+++ b/backend/supertokens.ts\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("\n-    cookieDomain: \".example.org\",\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("\n+    cookieDomain: \".example.com\",\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("+++ b/frontend"), "{}", run.stdout);
    assert_eq!(tree(dir.path()), before, "check never writes");

    // Editing outside the block is the user's business.
    yes_two_apis(dir.path(), &[]).expect_code(0);
    fs::write(&path, read(dir.path(), BACKEND) + "\n// mine\n").expect("append");
    run_in(dir.path(), &["check"]).expect_code(0);
}

#[test]
fn check_fails_when_a_file_is_missing() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    fs::remove_file(dir.path().join(FRONTEND)).expect("rm");
    let run = run_in(dir.path(), &["check"]).expect_code(1);
    assert!(
        run.stdout.contains("+++ b/frontend/supertokens.ts"),
        "{}",
        run.stdout
    );
    assert!(!dir.path().join(FRONTEND).exists(), "check never writes");
}

#[test]
fn check_without_a_setup_file_fails() {
    let dir = project();
    let run = run_in(dir.path(), &["check"]).expect_code(1);
    assert!(run.stderr.contains("st-setup.json"), "{}", run.stderr);
    assert_empty(dir.path());
}

// ---------------------------------------------------------------------------------------
// st-setup.json problems

#[test]
fn a_corrupt_setup_file_is_reported_with_its_position_and_kept() {
    let dir = project();
    let corrupt = "{\n  \"version\": 1,\n  \"answers\": {\n    \"apis\": [\"https://api.example.com\",]\n  }\n}\n";
    fs::write(dir.path().join(STATE), corrupt).expect("write");
    let run = yes_two_apis(dir.path(), &[]).expect_code(2);
    assert!(run.stderr.contains("st-setup.json"), "{}", run.stderr);
    assert!(run.stderr.contains("line 4"), "{}", run.stderr);
    assert!(run.stderr.contains("column"), "{}", run.stderr);
    assert_eq!(read(dir.path(), STATE), corrupt);
    assert_eq!(listing(dir.path()), [PathBuf::from(STATE)]);

    for command in [
        &["check"][..],
        &["add-api", "https://api3.example.com", "--yes"],
    ] {
        let run = run_in(dir.path(), command).expect_code(2);
        assert!(run.stderr.contains("line 4"), "{command:?}: {}", run.stderr);
        assert_eq!(read(dir.path(), STATE), corrupt);
    }
}

#[test]
fn a_setup_file_from_a_newer_st_setup_is_refused() {
    let dir = project();
    let newer = "{\"version\": 5, \"answers\": {\"apis\": [\"https://api.example.com\"]}, \"somethingNew\": true}\n";
    fs::write(dir.path().join(STATE), newer).expect("write");
    let run = yes_two_apis(dir.path(), &[]).expect_code(2);
    assert!(run.stderr.contains("newer st-setup"), "{}", run.stderr);
    assert_eq!(read(dir.path(), STATE), newer);
    assert_eq!(listing(dir.path()), [PathBuf::from(STATE)]);
}

#[test]
fn an_unknown_field_in_the_setup_file_is_refused() {
    let dir = project();
    let typo = "{\"version\": 1, \"answers\": {\"appname\": \"Acme\"}}\n";
    fs::write(dir.path().join(STATE), typo).expect("write");
    let run = yes_two_apis(dir.path(), &[]).expect_code(2);
    assert!(run.stderr.contains("appname"), "{}", run.stderr);
    assert_eq!(read(dir.path(), STATE), typo);
}

// ---------------------------------------------------------------------------------------
// JavaScript

#[test]
fn lang_js_under_a_module_package_uses_import() {
    let dir = project();
    fs::write(dir.path().join("package.json"), r#"{"type":"module"}"#).expect("write");
    yes_two_apis(dir.path(), &["--lang", "js"]).expect_code(0);
    assert!(!dir.path().join(BACKEND).exists());
    for path in ["backend/supertokens.js", "frontend/supertokens.js"] {
        let text = read(dir.path(), path);
        assert!(
            text.contains("\nimport SuperTokens from "),
            "{path}: {text}"
        );
        assert!(!text.contains("require("), "{path}: {text}");
        assert!(
            !text.contains("satisfies"),
            "no TypeScript in {path}: {text}"
        );
    }
}

#[test]
fn lang_js_under_a_commonjs_package_uses_require() {
    let dir = project();
    fs::write(dir.path().join("package.json"), "{}").expect("write");
    yes_two_apis(dir.path(), &["--lang", "js"]).expect_code(0);
    for path in ["backend/supertokens.js", "frontend/supertokens.js"] {
        let text = read(dir.path(), path);
        assert!(
            text.contains("\nconst SuperTokens = require(\"supertokens-"),
            "{path}: {text}"
        );
        assert!(!text.contains("import "), "{path}: {text}");
    }
    let state: Value = serde_json::from_str(&read(dir.path(), STATE)).expect("json");
    assert_eq!(state["answers"]["lang"], "js");
    assert_eq!(
        state["answers"]["backendOut"],
        Value::Null,
        "a default path is not an answer"
    );
}

#[test]
fn a_project_with_only_a_package_json_defaults_to_js() {
    let dir = project();
    fs::write(dir.path().join("package.json"), r#"{"type":"module"}"#).expect("write");
    yes_two_apis(dir.path(), &[]).expect_code(0);
    assert!(dir.path().join("backend/supertokens.js").exists());
    assert!(dir.path().join("frontend/supertokens.js").exists());
    assert!(!dir.path().join(BACKEND).exists());
}

// ---------------------------------------------------------------------------------------
// -C, --version, --psl

#[test]
fn dir_flag_works_from_another_cwd() {
    let dir = project();
    let elsewhere = project();
    let target = dir.path().to_str().expect("utf-8 path");
    let mut args = vec!["-C", target, "--yes"];
    args.extend_from_slice(TWO_APIS);
    run_in(elsewhere.path(), &args).expect_code(0);
    assert!(dir.path().join(BACKEND).exists());
    assert!(dir.path().join(FRONTEND).exists());
    assert!(dir.path().join(STATE).exists());
    assert_empty(elsewhere.path());

    let run = run_in(elsewhere.path(), &["check", "-C", target]).expect_code(0);
    assert!(run.stdout.contains("Up to date"), "{}", run.stdout);
    run_in(
        elsewhere.path(),
        &[
            "--dir",
            target,
            "add-api",
            "https://api3.example.com",
            "--yes",
        ],
    )
    .expect_code(0);
    assert_eq!(apis_in_state(dir.path()).len(), 3);
    assert_empty(elsewhere.path());
}

#[test]
fn version_names_the_public_suffix_list_version() {
    let dir = project();
    let run = run_in(dir.path(), &["--version"]).expect_code(0);
    assert!(run.stdout.starts_with("st-setup "), "{}", run.stdout);
    let psl_line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Public Suffix List "))
        .unwrap_or_else(|| panic!("no PSL line: {}", run.stdout));
    assert!(
        psl_line["Public Suffix List ".len()..].starts_with("2026-"),
        "{psl_line}"
    );
    assert_eq!(
        run_in(dir.path(), &["-V"]).expect_code(0).stdout,
        run.stdout
    );
}

const TINY_PSL: &str = "// VERSION: 2099-01-01_00-00-00_UTC\n\
    // ===BEGIN ICANN DOMAINS===\n\
    com\n\
    example.com\n\
    // ===END ICANN DOMAINS===\n";

#[test]
fn a_custom_public_suffix_list_changes_the_answer() {
    let dir = project();
    let psl = dir.path().join("tiny.dat");
    fs::write(&psl, TINY_PSL).expect("write");
    let psl = psl.to_str().expect("utf-8");
    let apis = ["https://api.example.com", "https://api2.example.com"];

    let embedded = run_in(dir.path(), &["domain", "--json", apis[0], apis[1]]).expect_code(0);
    assert_eq!(embedded.json()["cookieDomain"], ".example.com");

    let custom = run_in(
        dir.path(),
        &["--psl", psl, "domain", "--json", apis[0], apis[1]],
    )
    .expect_code(1);
    let json = custom.json();
    assert_eq!(json["cookieDomain"], Value::Null);
    assert!(
        finding_codes(&json).contains(&"different-sites"),
        "{json:#}"
    );
    assert_eq!(json["endpoints"][0]["registrableDomain"], "api.example.com");
}

#[test]
fn a_missing_public_suffix_list_is_an_error_naming_it() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &[
            "--psl",
            "/nonexistent/list.dat",
            "domain",
            "api.example.com",
        ],
    )
    .expect_code(2);
    assert!(
        run.stderr.contains("/nonexistent/list.dat"),
        "{}",
        run.stderr
    );
    let mut args = vec!["--psl", "/nonexistent/list.dat", "--yes"];
    args.extend_from_slice(TWO_APIS);
    run_in(dir.path(), &args).expect_code(2);
    assert_empty(dir.path());
}

#[test]
fn a_file_that_is_not_a_public_suffix_list_is_refused() {
    let dir = project();
    let psl = dir.path().join("not-a-list.txt");
    fs::write(&psl, "hello\n").expect("write");
    let run = run_in(
        dir.path(),
        &[
            "--psl",
            psl.to_str().expect("utf-8"),
            "domain",
            "api.example.com",
        ],
    )
    .expect_code(2);
    assert!(run.stderr.contains("not-a-list.txt"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------
// Output into a closed pipe (`st-setup domain --json … | head -1`)

#[test]
fn a_closed_stdout_does_not_make_it_panic() {
    // When the reader of stdout has gone, as with `| head -1`, a CLI ends quietly: no
    // "failed printing to stdout" panic, no exit 101.
    let dir = project();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_st-setup"))
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("TERM")
        .env_remove("RUST_BACKTRACE")
        .args(["domain", "--json", "api.example.com", "api2.example.com"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Close the read end before st-setup gets to print.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(output.status.code(), Some(101), "{stderr}");
}

// ---- Found in review ----------------------------------------------------------------

#[test]
fn two_outputs_at_one_file_are_refused_however_spelt() {
    let dir = project();
    let absolute = dir.path().join("x.ts").display().to_string();
    let run = yes_two_apis(
        dir.path(),
        &["--backend-out", "x.ts", "--frontend-out", &absolute],
    )
    .expect_code(2);
    assert!(run.stderr.contains("are the same file"), "{}", run.stderr);
    assert_empty(dir.path());
    // st-setup.json is never an output: it is not a JavaScript file either.
    let run =
        yes_two_apis(dir.path(), &["--backend-out", "./st-setup.json", "--force"]).expect_code(2);
    assert!(
        run.stderr.contains("has the extension \".json\""),
        "{}",
        run.stderr
    );
    assert_empty(dir.path());
}

/// A monorepo: run in `api/`, frontend in `../web/`. Writing there needs the flag each
/// time (a cloned st-setup.json must not send files outside), but `check` only reads.
#[test]
fn an_outside_path_given_as_a_flag_still_lets_check_run() {
    let root = project();
    let api = root.path().join("api");
    fs::create_dir(&api).unwrap();
    let run = yes_two_apis(&api, &["--frontend-out", "../web/st.ts"]).expect_code(0);
    assert!(
        run.stderr
            .contains("later runs need --frontend-out ../web/st.ts again"),
        "{}",
        run.stderr
    );
    run_in(&api, &["check"]).expect_code(0);
    let run = run_in(&api, &["add-api", "https://api3.example.com", "--yes"]).expect_code(2);
    assert!(
        run.stderr.contains("outside the project folder"),
        "{}",
        run.stderr
    );
    run_in(
        &api,
        &[
            "add-api",
            "https://api3.example.com",
            "--yes",
            "--frontend-out",
            "../web/st.ts",
        ],
    )
    .expect_code(0);
}

#[test]
fn lang_on_a_rerun_moves_the_default_files() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let run = run_in(dir.path(), &["--yes", "--lang", "js"]).expect_code(0);
    assert!(
        run.stderr
            .contains("note: backend/supertokens.ts was written by an earlier run"),
        "the moved file is mentioned: {}",
        run.stderr
    );
    let backend = read(dir.path(), "backend/supertokens.js");
    assert!(
        !backend.contains("satisfies"),
        "JavaScript, not TypeScript: {backend}"
    );
    run_in(dir.path(), &["check"]).expect_code(0);
    let run = run_in(dir.path(), &["--yes"]).expect_code(0);
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);
}

#[test]
fn check_accepts_a_reformatted_st_setup_json() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let mut state: Value = serde_json::from_str(&read(dir.path(), STATE)).unwrap();
    let write = |state: &Value| {
        fs::write(
            dir.path().join(STATE),
            serde_json::to_string(state).unwrap(),
        )
        .unwrap()
    };
    write(&state);
    run_in(dir.path(), &["check"]).expect_code(0);
    // Defaults spelt out, as earlier versions saved them, mean the same.
    state["answers"]["backendOut"] = "backend/supertokens.ts".into();
    state["answers"]["frontendOut"] = "frontend/supertokens.ts".into();
    write(&state);
    run_in(dir.path(), &["check"]).expect_code(0);
    state["answers"]["appName"] = "Changed".into();
    write(&state);
    run_in(dir.path(), &["check"]).expect_code(1);
}

#[test]
fn subcommands_refuse_flags_they_would_ignore() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &["domain", "a.example.com", "--api", "https://b.example.com"],
    )
    .expect_code(2);
    assert!(
        run.stderr.contains("unexpected argument '--api'"),
        "{}",
        run.stderr
    );
    let run = run_in(
        dir.path(),
        &["--api", "https://b.example.com", "domain", "a.example.com"],
    )
    .expect_code(2);
    assert!(
        run.stderr.contains("domain does not take --api"),
        "{}",
        run.stderr
    );
    run_in(
        dir.path(),
        &[
            "domain",
            "a.example.com",
            "--website",
            "https://example.com",
        ],
    )
    .expect_code(0);
    let run = run_in(dir.path(), &["check", "--app-name", "X"]).expect_code(2);
    assert!(
        run.stderr.contains("unexpected argument '--app-name'"),
        "{}",
        run.stderr
    );
    let run = run_in(dir.path(), &["--app-name", "X", "check"]).expect_code(2);
    assert!(
        run.stderr.contains("check does not take --app-name"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_ui_change_on_an_existing_frontend_says_so() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let run = run_in(dir.path(), &["--yes", "--ui", "custom"]).expect_code(1);
    assert!(
        run.stderr.contains("was generated for another login UI"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
}

/// Two changes of cookie domain within a year: the SDK clears one older domain only, so
/// the first one's cookies are stranded, and the run says so.
#[test]
fn a_second_domain_change_warns_about_the_domain_no_longer_cleared() {
    let dir = project();
    run_in(dir.path(), &[&["--yes"][..], &setup_args(EU_APIS)].concat()).expect_code(0);
    let run = run_in(dir.path(), &["add-api", "https://api.example.com", "--yes"]).expect_code(0);
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);
    let run = run_in(dir.path(), &["--yes", "--api", "https://api.example.com"]).expect_code(0);
    assert!(
        run.stderr
            .contains("note: olderCookieDomain was \".eu.example.com\""),
        "{}",
        run.stderr
    );
    assert!(read(dir.path(), BACKEND).contains("olderCookieDomain: \".example.com\""));
}

#[cfg(unix)]
#[test]
fn new_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = project();
    let binary = assert_cmd::cargo::cargo_bin("st-setup");
    let script = format!(
        "umask 077; '{}' --yes {}",
        binary.display(),
        TWO_APIS
            .iter()
            .map(|a| format!("'{a}'"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let status = std::process::Command::new("sh")
        .args(["-c", &script])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    for file in [BACKEND, FRONTEND, STATE] {
        let mode = fs::metadata(dir.path().join(file))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{file}");
    }
}

/// The base paths are answers: every output carries them, st-setup.json keeps them, and
/// a path that is no URL path is a usage error naming the flag.
#[test]
fn base_paths_reach_every_output() {
    let dir = project();
    let mut args = vec!["--yes"];
    args.extend(TWO_APIS);
    args.extend([
        "--api-base-path",
        "/api/st/",
        "--website-base-path",
        "/login",
    ]);
    args.extend([
        "--backend-out",
        "svc/st.py",
        "--backend-out",
        "backend/supertokens.ts",
    ]);
    run_in(dir.path(), &args).expect_code(0);
    let node = read(dir.path(), "backend/supertokens.ts");
    assert!(node.contains("apiBasePath: \"/api/st\","), "{node}");
    assert!(node.contains("websiteBasePath: \"/login\","), "{node}");
    let python = read(dir.path(), "svc/st.py");
    assert!(python.contains("api_base_path=\"/api/st\","), "{python}");
    assert!(python.contains("website_base_path=\"/login\","), "{python}");
    let web = read(dir.path(), "frontend/supertokens.ts");
    assert!(web.contains("websiteBasePath: \"/login\","), "{web}");
    assert!(read(dir.path(), STATE).contains("\"apiBasePath\": \"/api/st/\""));
    run_in(dir.path(), &["check"]).expect_code(0);

    for bad in ["auth", "/a b", "/auth?x=1", "//auth"] {
        let mut args = vec!["--yes"];
        args.extend(TWO_APIS);
        args.extend(["--api-base-path", bad]);
        run_in(dir.path(), &args)
            .expect_code(2)
            .expect_stderr("--api-base-path PATH");
    }
}

// ---------------------------------------------------------------------------------------
// environments

/// `--env` names the environment the endpoint flags answer for: a project's values become
/// one, `domain --env` analyses each as saved, `add-api --env` adds to one, and every flag
/// that could go to either is refused rather than guessed.
#[test]
fn environments_from_flags() {
    let dir = project();
    let dir = dir.path();
    // A project without environments, on localhost: its values become "development".
    run_in(
        dir,
        &[
            "--yes",
            "--api",
            "http://localhost:3001",
            "--website",
            "http://localhost:3000",
            "--ui",
            "custom",
            "--app-name",
            "Acme",
        ],
    )
    .expect_code(0);
    let production = [
        "--yes",
        "--env",
        "production",
        "--api",
        "https://api.example.com",
        "--api",
        "https://api2.example.com",
        "--website",
        "https://example.com",
    ];
    let run = run_in(dir, &[&production[..], &["--json"]].concat()).expect_code(0);
    let json = run.json();
    let names: Vec<&str> = json["environments"]
        .as_array()
        .expect("environments in --json")
        .iter()
        .map(|e| e["environment"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["development", "production"], "{json:#}");
    assert_eq!(json["environments"][1]["cookieDomain"], ".example.com");
    assert_eq!(json["environments"][0]["cookieDomain"], Value::Null);

    let domain = |env: &str| run_in(dir, &["domain", "--env", env, "--json"]);
    let production = domain("production").expect_code(0).json();
    assert_eq!(production["environment"], "production");
    assert_eq!(production["cookieDomain"], ".example.com");
    let development = domain("development").expect_code(0).json();
    assert_eq!(development["apiDomain"], "http://localhost:3001");
    let unknown = domain("staging").expect_code(2).json();
    assert!(
        unknown["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no environment \"staging\"; it has \"development\", \"production\""),
        "{unknown:#}"
    );

    // An API for one environment only changes that environment.
    run_in(
        dir,
        &[
            "add-api",
            "https://api3.example.com",
            "--env",
            "production",
            "--yes",
        ],
    )
    .expect_code(0);
    let production = domain("production").expect_code(0).json();
    assert_eq!(production["endpoints"].as_array().unwrap().len(), 3);
    assert_eq!(
        domain("development").json()["endpoints"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Flags that could answer for either environment are refused, naming --env.
    for args in [
        &["--yes", "--api", "https://api4.example.com"][..],
        &["add-api", "https://api4.example.com", "--yes"][..],
    ] {
        let run = run_in(dir, args).expect_code(2);
        assert!(
            run.stderr.contains("--env NAME"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run = run_in(dir, &["--yes", "--env", "prod env"]).expect_code(2);
    assert!(
        run.stderr.contains("letters, digits, - and _"),
        "{}",
        run.stderr
    );
    // A new environment without values names what it misses, with --env.
    let run = run_in(dir, &["--yes", "--env", "staging"]).expect_code(2);
    assert!(
        run.stderr.contains("--website URL (where the frontend is served, e.g. https://example.com; again for each other website) with --env staging"),
        "{}",
        run.stderr
    );
    run_in(dir, &["check"]).expect_code(0);
}

/// `st-setup mobile`: the iOS and Android snippets carry st-setup.json's values, as
/// analysed: the auth API, the APIs' domain, header-based tokens; with a development and a
/// production environment, a debug build takes one and a release build the other.
#[test]
fn mobile_prints_the_native_snippets_with_the_saved_values() {
    let dir = project();
    let dir = dir.path();
    let none = run_in(dir, &["mobile"]).expect_code(1);
    assert!(none.stderr.contains("no st-setup.json"), "{}", none.stderr);
    let production = [
        "--yes",
        "--env",
        "production",
        "--api",
        "https://api.example.com",
        "--api",
        "https://api2.example.com",
        "--website",
        "https://example.com",
        "--ui",
        "custom",
        "--app-name",
        "Acme",
    ];
    run_in(dir, &production).expect_code(0);
    let ios = run_in(dir, &["mobile", "ios"]).expect_code(0).stdout;
    assert!(ios.contains("apiDomain: \"https://api.example.com\",\n        sessionTokenBackendDomain: \".example.com\",\n        tokenTransferMethod: .header\n"), "{ios}");
    assert!(!ios.contains("Android"), "{ios}");
    run_in(
        dir,
        &[
            "--yes",
            "--env",
            "development",
            "--api",
            "http://localhost:3001",
            "--website",
            "http://localhost:3000",
        ],
    )
    .expect_code(0);
    let json = run_in(dir, &["mobile", "--json"]).expect_code(0).json();
    assert_eq!(json["ok"], true);
    let android = json["android"].as_str().unwrap();
    let debug = android.find("if (BuildConfig.DEBUG)").expect(android);
    let local = android.find("\"http://localhost:3001\"").expect(android);
    let release = android.find("} else {").expect(android);
    let deployed = android
        .find(".sessionTokenBackendDomain(\".example.com\")")
        .expect(android);
    assert!(
        debug < local && local < release && release < deployed,
        "{android}"
    );
    assert!(
        android.contains("10.0.2.2"),
        "the localhost hint: {android}"
    );
    assert!(
        json["ios"].as_str().unwrap().contains("#if DEBUG"),
        "{json:#}"
    );
}

/// What the review of environments and several websites found, each kept fixed: an API
/// added for a new environment does not rename the deployed values; endpoint flags without
/// --env are refused before any question; a backend whose CORS reads the list of websites
/// keeps it defined when one website is left.
#[test]
fn environments_and_websites_keep_what_was_there() {
    let dir = project();
    let dir = dir.path();
    let deployed = [
        "--yes",
        "--api",
        "https://api.example.com",
        "--website",
        "https://example.com",
        "--website",
        "https://admin.example.com",
        "--ui",
        "custom",
        "--app-name",
        "Acme",
        "--backend-out",
        "svc/st.go",
        "--backend-out",
        "py/st.py@fastapi",
        "--backend-out",
        "js/st.ts@express",
    ];
    run_in(dir, &deployed).expect_code(0);
    let saved = read(dir, "st-setup.json");
    assert!(
        saved.contains("\"version\": 4"),
        "several websites need version 4: {saved}"
    );
    // Back to one website: the CORS code outside the blocks still reads the list.
    run_in(dir, &["--yes", "--website", "https://example.com"]).expect_code(0);
    run_in(dir, &["check"]).expect_code(0);
    let go = read(dir, "svc/st.go");
    assert!(
        go.contains("var stWebsites = []string{\"https://example.com\"}"),
        "{go}"
    );
    crate::golang::go_check(&[("st.go", &go)]).unwrap_or_else(|e| panic!("{e}"));
    assert!(read(dir, "py/st.py").contains("ST_WEBSITES = [\"https://example.com\"]"));
    assert!(read(dir, "js/st.ts").contains("const stWebsites = [\"https://example.com\"];"));
    // A development environment started by add-api: the deployed values become
    // production, whatever name --env gives.
    run_in(
        dir,
        &[
            "add-api",
            "http://localhost:3001",
            "--env",
            "development",
            "--website",
            "http://localhost:3000",
            "--yes",
        ],
    )
    .expect_code(0);
    let production = run_in(dir, &["domain", "--env", "production", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(
        production["apiDomain"], "https://api.example.com",
        "{production:#}"
    );
    let development = run_in(dir, &["domain", "--env", "development", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(
        development["apiDomain"], "http://localhost:3001",
        "{development:#}"
    );
    // The wizard refuses an endpoint flag without --env before asking anything.
    let run = run_in(dir, &["--api", "https://api9.example.com"]).expect_code(2);
    assert!(run.stderr.contains("--env NAME"), "{}", run.stderr);
}
