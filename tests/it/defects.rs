//! Field defects, one test each: every test here failed on the behaviour before its fix
//! (named in the test's doc comment) and passes now.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{
    BACKEND, STATE, TWO_APIS, apis_in_state, finding_codes, listing, project, read, run_in,
    setup_args, yes_two_apis,
};

/// Two endpoints glued into one entry by a line break.
const GLUED: &str = "https://api.example.com\nhttps://api2.example.com";

fn origins(json: &Value) -> Vec<&str> {
    json["endpoints"]
        .as_array()
        .expect("endpoints is an array")
        .iter()
        .map(|e| e["origin"].as_str().unwrap_or("(none)"))
        .collect()
}

/// Replaces `answers.apis` in the saved st-setup.json.
fn set_apis_in_state(dir: &Path, apis: &[&str]) {
    let mut state: Value = serde_json::from_str(&read(dir, STATE)).expect("json");
    state["answers"]["apis"] = apis.iter().map(|a| Value::from(*a)).collect();
    fs::write(
        dir.join(STATE),
        serde_json::to_string_pretty(&state).expect("json"),
    )
    .expect("write");
}

/// An endpoint of 70,020 characters: a host far beyond DNS's 253.
fn huge_endpoint() -> String {
    format!("https://{}.example.com", "a".repeat(70_000))
}

#[track_caller]
fn assert_lines_shorter_than(text: &str, max: usize) {
    for line in text.lines() {
        assert!(
            line.chars().count() < max,
            "a line of {} characters: {}…",
            line.chars().count(),
            line.chars().take(200).collect::<String>()
        );
    }
}

// ---- 1. Line breaks inside one value ---------------------------------------------------

/// Before, `domain` glued a line-broken list into one endpoint "https://api.example.comhttps".
#[test]
fn domain_splits_endpoints_at_line_breaks_and_tabs() {
    let dir = project();
    for input in [
        GLUED,
        "api.example.com\napi2.example.com",
        "https://api.example.com\thttps://api2.example.com",
        "https://api.example.com\r\nhttps://api2.example.com",
    ] {
        let json = run_in(dir.path(), &["domain", "--json", input])
            .expect_code(0)
            .json();
        assert_eq!(
            origins(&json),
            ["https://api.example.com", "https://api2.example.com"],
            "{input:?}: {json:#}"
        );
        assert_eq!(json["cookieDomain"], ".example.com", "{input:?}");
        assert_eq!(json["apiDomain"], "https://api.example.com", "{input:?}");
    }
}

/// Before, `--api` with a pasted multi-line list saved one glued endpoint.
#[test]
fn an_api_flag_holding_a_line_broken_list_saves_two_endpoints() {
    let dir = project();
    run_in(
        dir.path(),
        &[&["--yes", "--api", GLUED][..], &TWO_APIS[4..]].concat(),
    )
    .expect_code(0);
    assert_eq!(
        apis_in_state(dir.path()),
        ["https://api.example.com", "https://api2.example.com"]
    );
    assert!(read(dir.path(), BACKEND).contains("cookieDomain: \".example.com\","));
}

/// Before, an st-setup.json entry holding two line-broken endpoints was read as one.
#[test]
fn a_setup_file_entry_holding_two_endpoints_is_read_as_two() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    set_apis_in_state(dir.path(), &[GLUED]);
    run_in(dir.path(), &["check"]).expect_code(0);
    let json = run_in(dir.path(), &["--yes", "--dry-run", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(
        origins(&json),
        ["https://api.example.com", "https://api2.example.com"]
    );
    assert_eq!(json["cookieDomain"], ".example.com");
}

/// Before, a website with an embedded line break was glued into one odd origin.
#[test]
fn a_website_with_a_line_break_is_refused_naming_the_character() {
    let dir = project();
    let website = "https://example.com\nhttps://x.com";
    let run = yes_two_apis(dir.path(), &["--website", website]).expect_code(1);
    // A run's report goes to stderr (stdout is kept for the plan and the diff).
    run.expect_stderr("invalid-url");
    run.expect_stderr("a line break (U+000A)");
    assert_eq!(listing(dir.path()), Vec::<PathBuf>::new());

    let json = run_in(
        dir.path(),
        &["domain", "--json", "--website", website, "api.example.com"],
    )
    .expect_code(1)
    .json();
    let finding = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "invalid-url")
        .unwrap_or_else(|| panic!("no invalid-url finding: {json:#}"));
    assert_eq!(finding["severity"], "error");
    assert!(
        finding["message"]
            .as_str()
            .expect("message")
            .contains("a line break (U+000A)"),
        "{finding}"
    );
}

/// Before, an app name with a newline was accepted and broke the one-line app name.
#[test]
fn an_app_name_with_a_line_break_is_a_usage_error() {
    let dir = project();
    let run = yes_two_apis(dir.path(), &["--app-name", "My\nApp"]).expect_code(2);
    run.expect_stderr("a line break (U+000A)");
    assert_eq!(listing(dir.path()), Vec::<PathBuf>::new());
}

/// Before, an escape character in an endpoint reached the terminal raw.
#[test]
fn an_escape_character_in_an_endpoint_is_printed_escaped_never_raw() {
    let dir = project();
    let endpoint = "https://api\x1b.example.com";
    for args in [
        &["domain", endpoint, "api2.example.com"][..],
        &["domain", "--json", endpoint, "api2.example.com"],
    ] {
        let run = run_in(dir.path(), args).expect_code(1);
        run.expect_stdout("invalid-url");
        assert!(run.stdout.contains("\\u{1b}"), "{args:?}: {}", run.stdout);
        assert!(
            !run.stdout.contains('\x1b') && !run.stderr.contains('\x1b'),
            "{args:?}: a raw ESC byte was printed"
        );
    }
}

// ---- 2. Very long input ----------------------------------------------------------------

/// Before, a 70,000-character endpoint made `domain` panic (exit 101).
#[test]
fn a_70000_character_endpoint_is_refused_briefly_without_panicking() {
    let dir = project();
    let huge = huge_endpoint();
    let run = run_in(dir.path(), &["domain", &huge, "api.example.com"]).expect_code(1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_lines_shorter_than(&run.stdout, 400);
    assert_lines_shorter_than(&run.stderr, 400);
    run.expect_stdout("…");
    run.expect_stdout("(70,020 characters)");

    let run = run_in(dir.path(), &["domain", "--json", &huge, "api.example.com"]).expect_code(1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        finding_codes(&run.json()).contains(&"invalid-url"),
        "{}",
        run.stdout.len()
    );
}

/// Before, a 70,000-character endpoint saved in st-setup.json made `--yes` panic (exit 101).
#[test]
fn a_70000_character_answer_in_a_run_fails_without_panicking() {
    let dir = project();
    let huge = huge_endpoint();
    let state = serde_json::json!({
        "version": 1,
        "answers": {
            "apis": ["https://api.example.com", huge],
            "website": "https://example.com",
            "ui": "prebuilt",
            "appName": "Acme",
        },
    });
    fs::write(dir.path().join(STATE), state.to_string()).expect("write");
    let run = run_in(dir.path(), &["--yes"]).expect_code(1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stderr.len() < 4_000, "{} bytes", run.stderr.len());
    assert_lines_shorter_than(&run.stderr, 400);
    assert_lines_shorter_than(&run.stdout, 400);
    assert!(!dir.path().join(BACKEND).exists());

    // A 70,000-character output path: any error, but no panic.
    let dir = project();
    let path = format!("{}.ts", "b".repeat(70_000));
    let run = yes_two_apis(dir.path(), &["--backend-out", &path]);
    let start: String = run.stderr.chars().take(500).collect();
    assert_ne!(run.code, 101, "{start}");
    assert!(!run.stderr.contains("panicked"), "{start}");
}

// ---- 3. --force keeps every backup -----------------------------------------------------

/// Before, `--force` overwrote an existing FILE.bak and said nothing about the lost code.
#[test]
fn force_keeps_an_existing_backup_and_names_the_new_one() {
    let dir = project();
    fs::create_dir(dir.path().join("backend")).expect("mkdir");
    let mine = "import Dashboard from \"supertokens-node/recipe/dashboard\";\n\
                console.log(Dashboard);\n";
    let old_backup = "an older backup\n";
    fs::write(dir.path().join(BACKEND), mine).expect("write");
    fs::write(dir.path().join("backend/supertokens.ts.bak"), old_backup).expect("write");

    let run = yes_two_apis(dir.path(), &["--force"]).expect_code(0);
    assert_eq!(
        fs::read(dir.path().join("backend/supertokens.ts.bak")).expect("read"),
        old_backup.as_bytes()
    );
    assert_eq!(read(dir.path(), "backend/supertokens.ts.1.bak"), mine);
    run.expect_stdout("(old file kept as backend/supertokens.ts.1.bak)");
    run.expect_stderr("note:")
        .expect_stderr("backend/supertokens.ts.1.bak");
    run.expect_stderr("supertokens-node/recipe/dashboard");
}

/// Before, `--json` runs did not say where a replaced file's old content went.
#[test]
fn json_runs_list_the_backup_of_each_file() {
    let dir = project();
    fs::create_dir(dir.path().join("backend")).expect("mkdir");
    fs::write(dir.path().join(BACKEND), "console.log(1);\n").expect("write");
    fs::write(dir.path().join("backend/supertokens.ts.bak"), "old\n").expect("write");
    let json = yes_two_apis(dir.path(), &["--force", "--json"])
        .expect_code(0)
        .json();
    let files = json["files"].as_array().expect("files");
    for file in files {
        assert!(file.get("backup").is_some(), "{file}");
    }
    let backend = files
        .iter()
        .find(|f| f["path"] == BACKEND)
        .expect("backend");
    assert_eq!(backend["backup"], "backend/supertokens.ts.1.bak");
    let state = files.iter().find(|f| f["path"] == STATE).expect("state");
    assert_eq!(state["backup"], Value::Null);
}

// ---- 4. Output paths -------------------------------------------------------------------

/// Before, an output path naming a folder was accepted and failed late, or wrote inside it.
#[test]
fn an_output_path_that_names_a_folder_is_a_usage_error() {
    let dir = project();
    let run = yes_two_apis(dir.path(), &["--frontend-out", "web/"]).expect_code(2);
    run.expect_stderr("is a folder");
    assert_eq!(listing(dir.path()), Vec::<PathBuf>::new());

    fs::create_dir(dir.path().join("web")).expect("mkdir");
    let run = yes_two_apis(dir.path(), &["--frontend-out", "web"]).expect_code(2);
    run.expect_stderr("is a folder");
    assert_eq!(listing(dir.path()), [PathBuf::from("web")]);
}

/// Before, any extension (".rb", ".tsMy") or none was written as if it were TypeScript.
/// A backend may be Python or Go; a frontend only JavaScript or TypeScript.
#[test]
fn an_output_path_without_a_javascript_extension_is_a_usage_error() {
    let dir = project();
    for (flag, path, supported) in [
        (
            "--backend-out",
            "server/config.rb",
            ".ts .tsx .mts .cts .js .jsx .mjs .cjs .py .go",
        ),
        (
            "--backend-out",
            "x.tsMy",
            ".ts .tsx .mts .cts .js .jsx .mjs .cjs .py .go",
        ),
        (
            "--frontend-out",
            "web/app.py",
            ".ts .tsx .mts .cts .js .jsx .mjs .cjs files",
        ),
    ] {
        let run = yes_two_apis(dir.path(), &[flag, path]).expect_code(2);
        assert!(run.stderr.contains(supported), "{path}: {}", run.stderr);
    }
    for (path, message) in [
        (
            "svc/st.py@gin",
            "is not a framework for .py files; name one of fastapi, flask, django",
        ),
        (
            "svc/st.py@rails",
            "names the framework \"rails\", which st-setup does not know",
        ),
        (
            "svc/st.ts@flask",
            "is not a framework for .ts files; name one of node, express, fastify, koa, hono, nestjs, nextjs",
        ),
    ] {
        yes_two_apis(dir.path(), &["--backend-out", path])
            .expect_code(2)
            .expect_stderr(message);
    }
    let run = yes_two_apis(dir.path(), &["--backend-out", "backend/supertokens"]).expect_code(2);
    run.expect_stderr("has no extension");
    assert_eq!(listing(dir.path()), Vec::<PathBuf>::new());
}

// ---- 5. olderCookieDomain across sites -------------------------------------------------

/// Before, moving to another site set olderCookieDomain to the old site's domain, which the
/// new API can never clear.
#[test]
fn older_cookie_domain_is_set_within_a_site_but_not_across_sites() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let run = run_in(
        dir.path(),
        &[
            "--yes",
            "--api",
            "https://api.example.org",
            "--api",
            "https://api2.example.org",
            "--website",
            "https://example.org",
        ],
    )
    .expect_code(0);
    let backend = read(dir.path(), BACKEND);
    assert!(
        backend.contains("cookieDomain: \".example.org\","),
        "{backend}"
    );
    assert!(!backend.contains("olderCookieDomain"), "{backend}");
    run.expect_stderr("note: No olderCookieDomain:");
    run.expect_stderr("never send");

    // The contrast: widening within one site still sets olderCookieDomain.
    let dir = project();
    run_in(
        dir.path(),
        &[
            &["--yes"][..],
            &setup_args(&["https://api.eu.example.com", "https://api2.eu.example.com"]),
        ]
        .concat(),
    )
    .expect_code(0);
    let run = run_in(
        dir.path(),
        &[
            "--yes",
            "--api",
            "https://api.eu.example.com",
            "--api",
            "https://api.example.com",
        ],
    )
    .expect_code(0);
    assert!(
        read(dir.path(), BACKEND).contains("olderCookieDomain: \".eu.example.com\","),
        "{}",
        read(dir.path(), BACKEND)
    );
    assert!(
        !run.stderr.contains("No olderCookieDomain"),
        "{}",
        run.stderr
    );
}

// ---- 6. mixed-content ------------------------------------------------------------------

/// Before, an https website calling an http API got no error, though browsers block it.
#[test]
fn an_https_website_calling_an_http_api_is_a_mixed_content_error() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &[
            "domain",
            "--json",
            "--website",
            "https://example.com",
            "http://api.example.com",
        ],
    )
    .expect_code(1);
    let json = run.json();
    let finding = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "mixed-content")
        .unwrap_or_else(|| panic!("no mixed-content: {json:#}"));
    assert_eq!(finding["severity"], "error");

    for (website, api) in [
        ("https://localhost:3000", "http://localhost:3001"),
        ("http://example.com", "http://api.example.com"),
    ] {
        let json = run_in(dir.path(), &["domain", "--json", "--website", website, api])
            .expect_code(0)
            .json();
        assert!(
            !finding_codes(&json).contains(&"mixed-content"),
            "{website} {api}: {json:#}"
        );
    }
}

// ---- 7. Symbolic links and the "written by an earlier run" note ------------------------

/// Before, switching to a link that points at the old file said to delete the old file.
#[cfg(unix)]
#[test]
fn a_link_to_the_previous_output_is_not_called_a_leftover() {
    let dir = project();
    yes_two_apis(dir.path(), &["--backend-out", "real/st.ts"]).expect_code(0);
    std::os::unix::fs::symlink("real/st.ts", dir.path().join("linked.ts")).expect("symlink");
    let run = yes_two_apis(dir.path(), &["--backend-out", "linked.ts"]).expect_code(0);
    assert!(
        !run.stderr.contains("was written by an earlier run"),
        "{}",
        run.stderr
    );
    assert!(dir.path().join("real/st.ts").is_file());

    // The contrast: a genuinely different output path still names the old file.
    let dir = project();
    yes_two_apis(dir.path(), &["--backend-out", "real/st.ts"]).expect_code(0);
    let run = yes_two_apis(dir.path(), &["--backend-out", "other/st.ts"]).expect_code(0);
    run.expect_stderr("note: real/st.ts was written by an earlier run");
}

// ---- 8. Module format of a file outside the project ------------------------------------

/// Before, a .js file outside the project took the project's package.json "type".
#[test]
fn a_js_file_outside_the_project_follows_its_own_package_json() {
    let root = project();
    let (api, web) = (root.path().join("api"), root.path().join("web"));
    fs::create_dir(&api).expect("mkdir");
    fs::create_dir(&web).expect("mkdir");
    fs::write(api.join("package.json"), r#"{"name":"api"}"#).expect("write");
    fs::write(web.join("package.json"), r#"{"type":"module"}"#).expect("write");

    yes_two_apis(&api, &["--frontend-out", "../web/src/st.js"]).expect_code(0);
    let frontend = read(&web, "src/st.js");
    assert!(
        frontend.contains("\nimport SuperTokens from "),
        "{frontend}"
    );
    assert!(!frontend.contains("require("), "{frontend}");
    // The project's own file still follows the project's (CommonJS) package.json.
    let backend = read(&api, "backend/supertokens.js");
    assert!(
        backend.contains("require(\"supertokens-node\")"),
        "{backend}"
    );

    // Without a package.json above it, the outside file is an ES module (the default),
    // whatever the project's package.json says.
    fs::remove_file(web.join("package.json")).expect("rm");
    fs::remove_dir_all(web.join("src")).expect("rm");
    yes_two_apis(&api, &["--frontend-out", "../web/src/st.js"]).expect_code(0);
    let frontend = read(&web, "src/st.js");
    assert!(
        frontend.contains("\nimport SuperTokens from "),
        "{frontend}"
    );
    assert!(!frontend.contains("require("), "{frontend}");
}

// ---- 9. check reads the init calls -----------------------------------------------------

/// Before, `check` passed a file whose Session.init no longer read st-setup's values.
#[test]
fn check_fails_when_session_init_ignores_the_st_setup_block() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let original = read(dir.path(), BACKEND);
    assert!(
        original.contains("Session.init(stSetup.session)"),
        "{original}"
    );

    fs::write(
        dir.path().join(BACKEND),
        original.replace("Session.init(stSetup.session)", "Session.init({})"),
    )
    .expect("write");
    let run = run_in(dir.path(), &["check"]).expect_code(1);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("Session.init does not read stSetup.session"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    let rest = line
        .strip_prefix("backend/supertokens.ts:")
        .unwrap_or_else(|| panic!("no file name: {line}"));
    let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
    assert!(
        !number.is_empty() && rest[number.len()..].starts_with(':'),
        "no line number: {line}"
    );

    // Spreading st-setup's options and adding one's own is fine.
    fs::write(
        dir.path().join(BACKEND),
        original.replace(
            "Session.init(stSetup.session)",
            "Session.init({ ...stSetup.session, exposeAccessTokenToFrontendInCookieBasedAuth: true })",
        ),
    )
    .expect("write");
    run_in(dir.path(), &["check"]).expect_code(0);
}

/// Before, a missing end marker in `check` told the user to rerun with --force.
#[test]
fn check_asks_to_restore_a_missing_end_marker_without_force() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let original = read(dir.path(), BACKEND);
    let damaged: String = original
        .lines()
        .filter(|l| *l != "// st-setup:end")
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(damaged, original);
    fs::write(dir.path().join(BACKEND), damaged).expect("write");
    let run = run_in(dir.path(), &["check"]).expect_code(2);
    run.expect_stderr("Restore the \"// st-setup:end\" line");
    assert!(!run.stderr.contains("--force"), "{}", run.stderr);

    fs::write(dir.path().join(BACKEND), "// my own\nconsole.log(1);\n").expect("write");
    run_in(dir.path(), &["check"]).expect_code(2);

    // A file whose syntax is broken cannot be judged either: exit 2, naming the line.
    fs::write(dir.path().join(BACKEND), format!("{original}const = ;\n")).expect("write");
    let run = run_in(dir.path(), &["check", "--json"]).expect_code(2);
    let json = run.json();
    assert_eq!(json["ok"], false);
    assert_eq!(json["error"]["kind"], "cannot-judge");
    let message = json["error"]["message"].as_str().unwrap();
    let last = original.lines().count() + 1;
    assert!(
        message.contains(&format!("does not parse (line {last}:")),
        "{message}"
    );
}

// ---- 10. Help per subcommand -----------------------------------------------------------

/// Before, every subcommand's --help listed every flag, also those it refuses.
#[test]
fn subcommand_help_lists_only_the_flags_it_takes() {
    let dir = project();
    let check = run_in(dir.path(), &["check", "--help"]).expect_code(0);
    for flag in ["--force", "--yes", "--api"] {
        assert!(!check.stdout.contains(flag), "{flag}: {}", check.stdout);
    }
    let domain = run_in(dir.path(), &["domain", "--help"]).expect_code(0);
    assert!(!domain.stdout.contains("--ui"), "{}", domain.stdout);
    let add_api = run_in(dir.path(), &["add-api", "--help"]).expect_code(0);
    add_api.expect_stdout("--force");
}

// ---- 11. --json prints one object, also on errors --------------------------------------

/// Before, usage errors under --json printed clap's text and no JSON.
#[test]
fn json_usage_errors_are_one_json_object() {
    let dir = project();
    for args in [&["--json", "--bogus"][..], &["--json", "--yes"]] {
        let json = run_in(dir.path(), args).expect_code(2).json();
        assert_eq!(json["ok"], false, "{args:?}: {json:#}");
        assert_eq!(json["error"]["kind"], "usage", "{args:?}: {json:#}");
    }
    assert_eq!(listing(dir.path()), Vec::<PathBuf>::new());
}

/// Before, an error finding under --json gave no "ok"/"error" to tell failure apart.
#[test]
fn json_error_findings_say_ok_false_and_keep_the_findings() {
    let dir = project();
    let mut args = vec!["--json", "--yes"];
    args.extend(setup_args(&[
        "https://a.vercel.app",
        "https://b.vercel.app",
    ]));
    let json = run_in(dir.path(), &args).expect_code(1).json();
    assert_eq!(json["ok"], false, "{json:#}");
    assert_eq!(json["error"]["kind"], "findings", "{json:#}");
    assert!(
        finding_codes(&json).contains(&"different-sites"),
        "{json:#}"
    );
}

/// Before, JSON output had no "ok" field matching the exit code.
#[test]
fn json_ok_matches_the_exit_code() {
    let dir = project();
    let json = yes_two_apis(dir.path(), &["--json"]).expect_code(0).json();
    assert_eq!(json["ok"], true, "{json:#}");
    let json = run_in(dir.path(), &["check", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(json["ok"], true, "{json:#}");
    let drifted = read(dir.path(), BACKEND).replace("\"Acme\"", "\"Other\"");
    fs::write(dir.path().join(BACKEND), drifted).expect("write");
    let json = run_in(dir.path(), &["check", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(json["ok"], false, "{json:#}");

    let json = run_in(
        dir.path(),
        &["domain", "--json", "api.example.com", "api2.example.com"],
    )
    .expect_code(0)
    .json();
    assert_eq!(json["ok"], true, "{json:#}");
    let json = run_in(
        dir.path(),
        &[
            "domain",
            "--json",
            "https://a.vercel.app",
            "https://b.vercel.app",
        ],
    )
    .expect_code(1)
    .json();
    assert_eq!(json["ok"], false, "{json:#}");
}

// ---- 12. --psl -------------------------------------------------------------------------

/// Before, a missing --psl file exited 1 like a failed run instead of 2 (usage).
#[test]
fn a_missing_psl_file_is_a_usage_error() {
    let dir = project();
    run_in(
        dir.path(),
        &["--psl", "/nonexistent", "domain", "api.example.com"],
    )
    .expect_code(2);
}

// ---- 13. BOM ---------------------------------------------------------------------------

/// Before, an st-setup.json saved by an editor with a UTF-8 BOM was a JSON syntax error.
#[test]
fn a_setup_file_with_a_byte_order_mark_still_reads() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let with_bom = format!("\u{feff}{}", read(dir.path(), STATE));
    fs::write(dir.path().join(STATE), with_bom).expect("write");
    run_in(dir.path(), &["check"]).expect_code(0);
    run_in(dir.path(), &["--yes"]).expect_code(0);
}

// ---- 14. The `domain` table ------------------------------------------------------------

/// The column (in characters) where `needle` starts on every line holding it.
fn columns_of(text: &str, needle: &str) -> Vec<usize> {
    text.lines()
        .filter_map(|l| l.find(needle).map(|i| l[..i].chars().count()))
        .collect()
}

/// Before, origins of different lengths shifted the "site" column from row to row.
#[test]
fn domain_table_keeps_the_site_column_aligned() {
    let dir = project();
    let run = run_in(
        dir.path(),
        &[
            "domain",
            "https://api.example.com",
            "https://a-longer-api-name.example.com",
            "https://api2.example.com",
        ],
    )
    .expect_code(0);
    let columns = columns_of(&run.stdout, "site example.com");
    assert_eq!(columns.len(), 3, "{}", run.stdout);
    assert!(
        columns.iter().all(|c| *c == columns[0]),
        "{columns:?}\n{}",
        run.stdout
    );

    // A row too long for the table gets its own line; the short rows stay aligned.
    let long_host = format!("https://{}.example.com", vec!["h".repeat(60); 3].join("."));
    for middle in [
        "https://a-much-longer-name-for-an-api.example.com",
        long_host.as_str(),
    ] {
        let run = run_in(
            dir.path(),
            &[
                "domain",
                "https://api.example.com",
                middle,
                "https://api2.example.com",
            ],
        )
        .expect_code(0);
        let short_rows: Vec<&str> = run
            .stdout
            .lines()
            .filter(|l| {
                l.starts_with("  ✓ https://api.example.com ")
                    || l.starts_with("  ✓ https://api2.example.com ")
            })
            .collect();
        assert_eq!(short_rows.len(), 2, "{}", run.stdout);
        let columns = columns_of(&short_rows.join("\n"), "site example.com");
        assert_eq!(columns.len(), 2, "{}", run.stdout);
        assert_eq!(columns[0], columns[1], "{}", run.stdout);
    }
}

// ---- 15. completions and man -----------------------------------------------------------

/// Before, there was no way to get shell completions or a manual page.
#[test]
fn completions_and_man_page_are_printed() {
    let dir = project();
    for shell in ["bash", "zsh"] {
        let run = run_in(dir.path(), &["completions", shell]).expect_code(0);
        assert!(run.stdout.contains("st-setup"), "{shell}: {}", run.stdout);
    }
    let run = run_in(dir.path(), &["man"]).expect_code(0);
    assert!(
        run.stdout.starts_with(".TH") || run.stdout.contains(".TH st-setup"),
        "{}",
        run.stdout
    );
}

// ---- 16. st-setup.json found in a parent folder ----------------------------------------

/// A git repository (a `.git` folder) with a setup written at its top.
fn repo_with_setup() -> tempfile::TempDir {
    let dir = project();
    fs::create_dir(dir.path().join(".git")).expect("mkdir");
    fs::create_dir_all(dir.path().join("web/src")).expect("mkdir");
    yes_two_apis(dir.path(), &[]).expect_code(0);
    dir
}

/// Before, `check` in a subfolder did not find the project's st-setup.json.
#[test]
fn check_finds_the_setup_file_above_up_to_the_git_folder() {
    let dir = repo_with_setup();
    let run = run_in(&dir.path().join("web/src"), &["check"]).expect_code(0);
    let name = dir.path().file_name().expect("name").to_string_lossy();
    run.expect_stderr("the project is").expect_stderr(&name);

    // The search stops at the repository's top (its `.git` folder): an st-setup.json
    // above it belongs to something else.
    let repo = dir.path().join("nested");
    fs::create_dir_all(repo.join(".git")).expect("mkdir");
    fs::create_dir(repo.join("sub")).expect("mkdir");
    for cwd in [repo.clone(), repo.join("sub")] {
        let run = run_in(&cwd, &["check"]).expect_code(1);
        run.expect_stderr("there is no st-setup.json");
    }
}

/// Before, a relative output path from a subfolder was taken relative to the project.
#[test]
fn an_output_path_given_in_a_subfolder_is_relative_to_that_subfolder() {
    let dir = repo_with_setup();
    let sub = dir.path().join("web/src");
    let run = run_in(&sub, &["--yes", "--dry-run", "--frontend-out", "x.ts"]).expect_code(0);
    run.expect_stdout("+++ b/web/src/x.ts\n");
    run_in(&sub, &["--yes", "--frontend-out", "x.ts"]).expect_code(0);
    assert!(sub.join("x.ts").is_file());
    assert!(!dir.path().join("x.ts").exists());
    run_in(dir.path(), &["check"]).expect_code(0);
}

// ---- 17. Next steps name the package manager -------------------------------------------

/// Before, the next steps did not say which packages to install, or with which tool.
#[test]
fn next_steps_install_the_missing_packages_with_the_projects_package_manager() {
    let dir = project();
    fs::write(dir.path().join("pnpm-lock.yaml"), "").expect("write");
    fs::write(dir.path().join("package.json"), r#"{"name":"x"}"#).expect("write");
    let run = yes_two_apis(dir.path(), &[]).expect_code(0);
    run.expect_stdout("pnpm add supertokens-node");
    // Both files are in one package: one command installs what both need.
    run.expect_stdout("Install: pnpm add supertokens-node supertokens-auth-react");
    assert_eq!(run.stdout.matches("Install").count(), 1, "{}", run.stdout);
    assert!(!run.stdout.contains("npm install"), "{}", run.stdout);

    let dir = project();
    fs::write(dir.path().join("package-lock.json"), "{}").expect("write");
    fs::write(dir.path().join("package.json"), r#"{"name":"x"}"#).expect("write");
    let run = yes_two_apis(dir.path(), &[]).expect_code(0);
    run.expect_stdout("npm install supertokens-node");

    let dir = project();
    fs::write(dir.path().join("pnpm-lock.yaml"), "").expect("write");
    fs::write(
        dir.path().join("package.json"),
        r#"{"name":"x","dependencies":{"supertokens-node":"^24.0.0"}}"#,
    )
    .expect("write");
    let run = yes_two_apis(dir.path(), &[]).expect_code(0);
    assert!(
        !run.stdout.contains("add supertokens-node"),
        "{}",
        run.stdout
    );
    run.expect_stdout("pnpm add supertokens-auth-react");
}

/// Output that cannot be written is a failure, not a success: `domain > /dev/full` exited
/// 0, and `completions bash > /dev/full` panicked (exit 101) inside clap_complete.
#[test]
fn output_that_cannot_be_written_fails_without_a_panic() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = project();
    for args in [
        &["domain", "api.example.com"][..],
        &["domain", "--json", "api.example.com"],
        &["completions", "bash"],
        &["man"],
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("st-setup"))
            .current_dir(dir.path())
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // Under --json too the message goes to stderr: stdout is what failed.
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write the output"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
