//! Several services: repeatable --backend-out / --frontend-out, add-backend and
//! add-frontend, st-setup.json version 2 and the migration of version 1.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{STATE, TWO_APIS, project, read, run_in, yes_two_apis};

const AUTH: &str = "services/auth/src/supertokens.ts";
const BILLING: &str = "services/billing/supertokens.mjs";
const WEB: &str = "web/src/supertokens.ts";

fn three_outputs(dir: &Path) {
    yes_two_apis(
        dir,
        &[
            "--backend-out",
            AUTH,
            "--backend-out",
            BILLING,
            "--frontend-out",
            WEB,
        ],
    )
    .expect_code(0);
}

fn state(dir: &Path) -> Value {
    serde_json::from_str(&read(dir, STATE)).expect("st-setup.json is JSON")
}

#[test]
fn every_service_gets_the_same_values_and_follows_an_added_api() {
    let dir = project();
    three_outputs(dir.path());
    for backend in [AUTH, BILLING] {
        let text = read(dir.path(), backend);
        assert!(text.contains("cookieDomain: \".example.com\","), "{text}");
        assert!(
            text.contains("apiDomain: \"https://api.example.com\","),
            "{text}"
        );
    }
    assert!(read(dir.path(), BILLING).contains("import SuperTokens from \"supertokens-node\";"));
    let saved = state(dir.path());
    assert_eq!(saved["version"], 3);
    assert_eq!(
        saved["answers"]["backendOut"],
        serde_json::json!([AUTH, BILLING])
    );
    assert_eq!(saved["answers"]["frontendOut"], serde_json::json!([WEB]));

    // An API on another site is refused for all of them; one on the same site changes
    // no value, so no output changes.
    run_in(
        dir.path(),
        &["add-api", "https://api.eu.example.org", "--yes"],
    )
    .expect_code(1);
    let run = run_in(
        dir.path(),
        &["add-api", "https://billing.example.com", "--yes"],
    )
    .expect_code(0);
    run.expect_stdout("unchanged  services/auth/src/supertokens.ts");
    run_in(dir.path(), &["check"]).expect_code(0);

    // One tampered output among many: check names that one.
    let tampered = read(dir.path(), BILLING).replace("\".example.com\"", "\".other.com\"");
    fs::write(dir.path().join(BILLING), tampered).unwrap();
    let run = run_in(dir.path(), &["check"]).expect_code(1);
    run.expect_stdout(&format!("--- a/{BILLING}"));
    assert!(
        !run.stdout.contains(&format!("--- a/{AUTH}")),
        "{}",
        run.stdout
    );
}

#[test]
fn add_backend_and_add_frontend_join_the_lists() {
    let dir = project();
    yes_two_apis(dir.path(), &[]).expect_code(0);
    let run = run_in(
        dir.path(),
        &["add-backend", "services/mail/config.ts", "--yes"],
    )
    .expect_code(0);
    // The default file stays one of the backends; only the new one is created.
    run.expect_stdout("unchanged  backend/supertokens.ts");
    run.expect_stdout("created    services/mail/config.ts");
    run.expect_stdout("Next: import services/mail/config.ts once");
    assert!(
        !run.stdout.contains("frontend/supertokens.ts at the start"),
        "{}",
        run.stdout
    );
    assert_eq!(
        state(dir.path())["answers"]["backendOut"],
        serde_json::json!(["backend/supertokens.ts", "services/mail/config.ts"])
    );
    let mail = read(dir.path(), "services/mail/config.ts");
    assert_eq!(
        mail,
        read(dir.path(), "backend/supertokens.ts"),
        "the same file, the same values"
    );

    let again = run_in(
        dir.path(),
        &["add-backend", "./services/mail/../mail/config.ts", "--yes"],
    )
    .expect_code(0);
    again.expect_stderr("is already one of the backend files");

    run_in(dir.path(), &["add-frontend", "admin/src/st.js", "--yes"]).expect_code(0);
    assert!(read(dir.path(), "admin/src/st.js").contains("sessionTokenBackendDomain"));
    run_in(dir.path(), &["check"]).expect_code(0);

    let run = run_in(
        dir.path(),
        &["add-backend", "x.ts", "--backend-out", "y.ts", "--yes"],
    )
    .expect_code(2);
    run.expect_stderr("does not take --backend-out");
    let run = run_in(dir.path(), &["add-frontend", "x.py", "--yes"]).expect_code(2);
    run.expect_stderr("has the extension \".py\"");
}

#[test]
fn a_version_1_setup_file_is_read_and_migrated_on_the_next_write() {
    let dir = project();
    // The first release initialised Session only.
    yes_two_apis(
        dir.path(),
        &[
            "--recipes",
            "none",
            "--backend-out",
            "server/st.ts",
            "--frontend-out",
            "web/st.ts",
        ],
    )
    .expect_code(0);
    // st-setup.json exactly as the first release wrote it.
    let v1 = r#"{
  "version": 1,
  "answers": {
    "apis": [
      "https://api.example.com",
      "https://api2.example.com"
    ],
    "website": "https://example.com",
    "ui": "prebuilt",
    "appName": "Acme",
    "backendOut": "server/st.ts",
    "frontendOut": "web/st.ts",
    "lang": "ts",
    "connectionUri": "http://localhost:3567"
  },
  "generated": {
    "cookieDomain": ".example.com"
  }
}
"#;
    fs::write(dir.path().join(STATE), v1).unwrap();
    // Same meaning: check passes and changes nothing.
    run_in(dir.path(), &["check"]).expect_code(0);
    assert_eq!(read(dir.path(), STATE), v1);
    let run = run_in(dir.path(), &["--yes", "--dry-run"]).expect_code(0);
    run.expect_stdout("-  \"version\": 1,");
    run.expect_stdout("+  \"version\": 3,");
    run_in(
        dir.path(),
        &["add-api", "https://api3.example.com", "--yes"],
    )
    .expect_code(0);
    let saved = state(dir.path());
    assert_eq!(saved["version"], 3);
    assert_eq!(
        saved["answers"]["backendOut"],
        serde_json::json!(["server/st.ts"])
    );
    assert_eq!(
        saved["answers"]["frontendOut"],
        serde_json::json!(["web/st.ts"])
    );
}

#[test]
fn two_outputs_of_one_side_at_one_file_are_refused() {
    let dir = project();
    let mut args: Vec<&str> = TWO_APIS.to_vec();
    args.extend([
        "--yes",
        "--backend-out",
        "a/st.ts",
        "--backend-out",
        "./a/../a/st.ts",
    ]);
    let run = run_in(dir.path(), &args).expect_code(2);
    run.expect_stderr("are the same file");
    assert!(crate::common::listing(dir.path()).is_empty());
}

/// A file from before recipes were a choice has no `...stSetup.recipes` in its init call
/// (the user's code): adding recipes later says so, with the line to change, and `check`
/// holds it as drift until it is done.
#[test]
fn recipes_added_to_an_older_file_name_the_init_call_to_change() {
    let dir = project();
    yes_two_apis(dir.path(), &["--recipes", "none"]).expect_code(0);
    let path = dir.path().join("backend/supertokens.ts");
    let generated = fs::read_to_string(&path).unwrap();
    // As the first release wrote it: no recipes in the block, none passed on.
    let older = generated
        .replace("    ...stSetup.recipes,\n", "")
        .replace(
            "  // The sign-in recipes: none chosen (add yours to recipeList below, or re-run st-setup\n  // with --recipes).\n  recipes: [],\n",
            "",
        );
    assert_eq!(older.matches("recipes").count(), 0, "{older}");
    fs::write(&path, &older).unwrap();

    let run = yes_two_apis(dir.path(), &["--recipes", "emailpassword"]).expect_code(0);
    run.expect_stderr("backend/supertokens.ts:")
        .expect_stderr("does not spread stSetup.recipes");
    let text = read(dir.path(), "backend/supertokens.ts");
    assert!(text.contains("    EmailPassword.init(),\n"), "{text}");
    run_in(dir.path(), &["check"])
        .expect_code(1)
        .expect_stdout("does not spread stSetup.recipes");

    // Done as said: in step again.
    fs::write(
        &path,
        text.replace(
            "recipeList: [\n",
            "recipeList: [\n    ...stSetup.recipes,\n",
        ),
    )
    .unwrap();
    run_in(dir.path(), &["check"]).expect_code(0);
}

/// A recipe the user set up by hand (as the first release's comment asked) is not added a
/// second time by the block: the run refuses, names the line, and writes nothing.
#[test]
fn a_recipe_the_user_imports_is_not_brought_twice() {
    let dir = project();
    yes_two_apis(dir.path(), &["--recipes", "none"]).expect_code(0);
    let path = dir.path().join("backend/supertokens.ts");
    let mine = fs::read_to_string(&path)
        .unwrap()
        .replacen(
            "import Session from \"supertokens-node/recipe/session\";\n",
            "import Session from \"supertokens-node/recipe/session\";\nimport EmailPassword from \"supertokens-node/recipe/emailpassword\";\n",
            1,
        )
        .replace(
            "    ...stSetup.recipes,\n",
            "    ...stSetup.recipes,\n    EmailPassword.init(),\n",
        );
    fs::write(&path, &mine).unwrap();
    let run = yes_two_apis(dir.path(), &["--recipes", "emailpassword,thirdparty"]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    run.expect_stderr("backend/supertokens.ts:6 imports supertokens-node/recipe/emailpassword outside st-setup's block")
        .expect_stderr("leave emailpassword out of --recipes");
    assert_eq!(fs::read_to_string(&path).unwrap(), mine, "nothing written");
    // Without it, the rest is added.
    yes_two_apis(dir.path(), &["--recipes", "thirdparty"]).expect_code(0);
    assert!(read(dir.path(), "backend/supertokens.ts").contains("ThirdParty.init("));
}

/// A project laid out as SuperTokens' examples are (an Express backend/, a React
/// frontend/) gets its files where those examples keep them, each with its framework; a
/// Vue frontend with the pre built UI gets it from SuperTokens' hosted bundle.
#[test]
fn files_land_where_the_frameworks_examples_keep_them() {
    let dir = project();
    let root = dir.path();
    for (file, text) in [
        (
            "backend/package.json",
            r#"{ "dependencies": { "express": "5.3.0" } }"#,
        ),
        ("backend/tsconfig.json", "{}"),
        (
            "frontend/package.json",
            r#"{ "dependencies": { "react": "19.3.1" } }"#,
        ),
        ("frontend/tsconfig.json", "{}"),
    ] {
        fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
        fs::write(root.join(file), text).unwrap();
    }
    let run = yes_two_apis(root, &[]).expect_code(0);
    run.expect_stdout("backend/config.ts")
        .expect_stdout("backend (supertokens-node, Express)")
        .expect_stdout("frontend/src/config.tsx");
    assert!(read(root, "backend/config.ts").contains("superTokensCors"));
    // The paths are saved: the files stay there whatever the project becomes.
    assert_eq!(
        state(root)["answers"]["backendOut"],
        serde_json::json!(["backend/config.ts"])
    );

    let dir = project();
    let root = dir.path();
    fs::create_dir_all(root.join("frontend")).unwrap();
    fs::write(
        root.join("frontend/package.json"),
        r#"{ "dependencies": { "vue": "3.5.13" } }"#,
    )
    .unwrap();
    yes_two_apis(root, &["--ui", "prebuilt"])
        .expect_code(0)
        .expect_stdout("frontend/src/config.js")
        .expect_stdout("frontend (supertokens-web-js, Vue, pre built UI)")
        .expect_stdout("Install (in frontend): npm install supertokens-web-js\n");
    assert!(read(root, "frontend/src/config.js").contains("supertokensUIInit"));
}
