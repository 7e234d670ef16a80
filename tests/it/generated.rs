//! Snapshots of every generated-file variant, produced by running the
//! real binary into temporary project folders. They live in the top-level `snapshots/`.

use std::fs;
use std::path::Path;

use crate::common::{EU_APIS, TWO_APIS, project, setup_args, st_setup};
use crate::in_snapshots;

/// The name a snapshot test gives its app: quotes, a backslash, a template literal
/// placeholder, a newline and U+2028 (a line terminator inside old JavaScript strings).
const TRICKY_NAME: &str = "Acme \"Q\" \\ ${x} line2\u{2028}end";

/// Runs `st-setup --yes ARGS` in `dir`; panics unless it exits 0.
fn write(dir: &Path, args: &[&str]) {
    let output = st_setup(dir)
        .arg("--yes")
        .args(args)
        .timeout(std::time::Duration::from_secs(30))
        .write_stdin("")
        .output()
        .expect("st-setup runs");
    assert!(
        output.status.success(),
        "st-setup --yes {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn read(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// TWO_APIS with the UI replaced.
fn two_apis(ui: &str) -> Vec<&str> {
    let mut args = TWO_APIS.to_vec();
    let at = args.iter().position(|a| *a == "--ui").expect("--ui") + 1;
    args[at] = ui;
    args
}

#[derive(Clone, Copy)]
enum Js {
    Ts,
    Esm,
    Cjs,
}

impl Js {
    fn name(self) -> &'static str {
        match self {
            Js::Ts => "ts",
            Js::Esm => "js-esm",
            Js::Cjs => "js-cjs",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Js::Ts => "ts",
            Js::Esm | Js::Cjs => "js",
        }
    }

    /// Prepares the project folder and returns the extra flags.
    fn prepare(self, dir: &Path) -> &'static [&'static str] {
        match self {
            Js::Ts => &[],
            Js::Esm => {
                fs::write(dir.join("package.json"), "{\"type\": \"module\"}\n").expect("write");
                &["--lang", "js"]
            }
            Js::Cjs => {
                fs::write(dir.join("package.json"), "{\"name\": \"app\"}\n").expect("write");
                &["--lang", "js"]
            }
        }
    }
}

/// Writes a two-API setup with `ui` in `js` flavour; returns (backend, frontend).
fn two_api_files(ui: &str, js: Js) -> (String, String) {
    let dir = project();
    let mut args = two_apis(ui);
    args.extend_from_slice(js.prepare(dir.path()));
    write(dir.path(), &args);
    let ext = js.extension();
    (
        read(dir.path(), &format!("backend/supertokens.{ext}")),
        read(dir.path(), &format!("frontend/supertokens.{ext}")),
    )
}

// ---------------------------------------------------------------------------------------
// Backend and frontend, each language flavour, two APIs on example.com

#[test]
fn prebuilt_ui_files_in_every_flavour() {
    for js in [Js::Ts, Js::Esm, Js::Cjs] {
        let (backend, frontend) = two_api_files("prebuilt", js);
        in_snapshots!({
            insta::assert_snapshot!(format!("backend-{}-two-apis", js.name()), backend);
            insta::assert_snapshot!(
                format!("frontend-prebuilt-{}-two-apis", js.name()),
                frontend
            );
        });
    }
}

#[test]
fn custom_ui_frontend_in_every_flavour() {
    for js in [Js::Ts, Js::Esm, Js::Cjs] {
        let (backend, frontend) = two_api_files("custom", js);
        // The backend does not depend on the UI.
        let (prebuilt_backend, _) = two_api_files("prebuilt", js);
        assert_eq!(backend, prebuilt_backend);
        in_snapshots!({
            insta::assert_snapshot!(format!("frontend-custom-{}-two-apis", js.name()), frontend);
        });
    }
}

// ---------------------------------------------------------------------------------------
// One host: no cookieDomain, no sessionTokenBackendDomain

#[test]
fn single_host_files_have_no_domain_options() {
    for ui in ["prebuilt", "custom"] {
        let dir = project();
        write(
            dir.path(),
            &[
                "--api",
                "https://api.example.com",
                "--api",
                "https://api.example.com:8443",
                "--website",
                "https://example.com",
                "--ui",
                ui,
                "--app-name",
                "Acme",
            ],
        );
        let backend = read(dir.path(), "backend/supertokens.ts");
        let frontend = read(dir.path(), "frontend/supertokens.ts");
        assert!(!backend.contains("cookieDomain:"), "{backend}");
        assert!(
            !frontend.contains("sessionTokenBackendDomain:"),
            "{frontend}"
        );
        in_snapshots!({
            if ui == "prebuilt" {
                insta::assert_snapshot!("backend-ts-single-host", backend);
            }
            insta::assert_snapshot!(format!("frontend-{ui}-ts-single-host"), frontend);
        });
    }
}

// ---------------------------------------------------------------------------------------
// olderCookieDomain after the cookie domain changed

#[test]
fn older_cookie_domain_after_the_cookie_domain_widened() {
    let dir = project();
    write(dir.path(), &setup_args(EU_APIS));
    write(
        dir.path(),
        &[
            "--api",
            "https://api.eu.example.com",
            "--api",
            "https://api2.eu.example.com",
            "--api",
            "https://api.example.com",
        ],
    );
    let backend = read(dir.path(), "backend/supertokens.ts");
    let frontend = read(dir.path(), "frontend/supertokens.ts");
    let state = read(dir.path(), "st-setup.json");
    in_snapshots!({
        insta::assert_snapshot!("backend-ts-older-cookie-domain", backend);
        insta::assert_snapshot!("frontend-prebuilt-ts-older-cookie-domain", frontend);
        insta::assert_snapshot!("st-setup-json-older-cookie-domain", state);
    });
}

#[test]
fn older_cookie_domain_is_empty_when_one_host_became_two() {
    let dir = project();
    Js::Cjs.prepare(dir.path());
    let one = [
        "--api",
        "https://api.example.com",
        "--website",
        "https://example.com",
        "--ui",
        "custom",
        "--app-name",
        "Acme",
        "--lang",
        "js",
    ];
    write(dir.path(), &one);
    write(
        dir.path(),
        &[
            "--api",
            "https://api.example.com",
            "--api",
            "https://api2.example.com",
        ],
    );
    let backend = read(dir.path(), "backend/supertokens.js");
    in_snapshots!({
        insta::assert_snapshot!("backend-js-cjs-older-cookie-domain-empty", backend);
    });
}

#[test]
fn older_cookie_domain_when_two_hosts_became_one() {
    let dir = project();
    write(dir.path(), TWO_APIS);
    write(dir.path(), &["--api", "https://api.example.com"]);
    let backend = read(dir.path(), "backend/supertokens.ts");
    assert!(!backend.contains("    cookieDomain:"), "{backend}");
    in_snapshots!({
        insta::assert_snapshot!("backend-ts-older-cookie-domain-back-to-one-host", backend);
    });
}

// ---------------------------------------------------------------------------------------
// Escaping

#[test]
fn an_app_name_that_needs_escaping() {
    for js in [Js::Ts, Js::Cjs] {
        let dir = project();
        let mut args = two_apis("custom");
        let at = args
            .iter()
            .position(|a| *a == "--app-name")
            .expect("--app-name")
            + 1;
        args[at] = TRICKY_NAME;
        args.extend_from_slice(js.prepare(dir.path()));
        write(dir.path(), &args);
        let ext = js.extension();
        let backend = read(dir.path(), &format!("backend/supertokens.{ext}"));
        let frontend = read(dir.path(), &format!("frontend/supertokens.{ext}"));
        let literal = r#""Acme \"Q\" \\ ${x} line2\u2028end""#;
        assert!(
            backend.contains(&format!("    appName: {literal},\n")),
            "{backend}"
        );
        assert!(
            frontend.contains(&format!("    appName: {literal},\n")),
            "{frontend}"
        );
        for text in [&backend, &frontend] {
            assert!(!text.contains('\u{2028}'), "a raw U+2028 is left: {text}");
            assert!(!text.contains("line2\u{2028}"), "{text}");
        }
        // st-setup.json keeps the exact name and reads back to it.
        let state = read(dir.path(), "st-setup.json");
        let json: serde_json::Value = serde_json::from_str(&state).expect("json");
        assert_eq!(json["answers"]["appName"], TRICKY_NAME);
        in_snapshots!({
            insta::assert_snapshot!(format!("backend-{}-escaped-app-name", js.name()), backend);
            insta::assert_snapshot!(
                format!("frontend-custom-{}-escaped-app-name", js.name()),
                frontend
            );
        });
    }
}

// ---------------------------------------------------------------------------------------
// st-setup.json

#[test]
fn st_setup_json_of_a_two_api_setup() {
    let dir = project();
    write(dir.path(), TWO_APIS);
    in_snapshots!({
        insta::assert_snapshot!("st-setup-json-two-apis", read(dir.path(), "st-setup.json"));
    });
}

#[test]
fn st_setup_json_with_every_answer() {
    let dir = project();
    write(
        dir.path(),
        &[
            "--api",
            "https://api.example.com",
            "--api",
            "api2.example.com:8443/v1",
            "--auth-api",
            "api2.example.com:8443",
            "--website",
            "https://app.example.com",
            "--ui",
            "custom",
            "--app-name",
            "Acme",
            "--backend-out",
            "server/src/auth.ts",
            "--frontend-out",
            "web/src/auth.ts",
            "--lang",
            "ts",
            "--connection-uri",
            "https://core.example.net:3567",
        ],
    );
    let backend = read(dir.path(), "server/src/auth.ts");
    let frontend = read(dir.path(), "web/src/auth.ts");
    in_snapshots!({
        insta::assert_snapshot!(
            "st-setup-json-every-answer",
            read(dir.path(), "st-setup.json")
        );
        insta::assert_snapshot!("backend-ts-every-answer", backend);
        insta::assert_snapshot!("frontend-custom-ts-every-answer", frontend);
    });
}

// ---------------------------------------------------------------------------------------
// A file the user edited outside the block, after a re-run

#[test]
fn user_code_around_the_block_after_a_rerun() {
    let dir = project();
    write(dir.path(), TWO_APIS);
    let path = dir.path().join("backend/supertokens.ts");
    let text = fs::read_to_string(&path).expect("read");
    let text = text.replacen(
        "import Session from \"supertokens-node/recipe/session\";\n",
        "import Session from \"supertokens-node/recipe/session\";\nimport Dashboard from \"supertokens-node/recipe/dashboard\";\n",
        1,
    );
    let text = text.replacen(
        "    ...stSetup.recipes,\n",
        "    ...stSetup.recipes,\n    Dashboard.init(),\n",
        1,
    ) + "\nexport { SuperTokens };\n";
    fs::write(&path, text).expect("write");
    write(dir.path(), &["--app-name", "Acme Two"]);
    in_snapshots!({
        insta::assert_snapshot!(
            "backend-ts-user-code-kept",
            read(dir.path(), "backend/supertokens.ts")
        );
    });
}

// ---------------------------------------------------------------------------------------
// Python and Go backends

/// The two-API setup with one backend file at `backend_out`.
fn with_backend<'a>(args: &[&'a str], backend_out: &'a str) -> Vec<&'a str> {
    let mut args = args.to_vec();
    args.extend(["--backend-out", backend_out]);
    args
}

#[test]
fn python_and_go_backends_in_every_framework() {
    for (out, file, name) in [
        (
            "svc/st.py@fastapi",
            "svc/st.py",
            "backend-python-fastapi-two-apis",
        ),
        (
            "svc/st.py@flask",
            "svc/st.py",
            "backend-python-flask-two-apis",
        ),
        (
            "svc/st.py@django",
            "svc/st.py",
            "backend-python-django-two-apis",
        ),
        ("svc/st.go", "svc/st.go", "backend-go-net-http-two-apis"),
        ("svc/st.go@gin", "svc/st.go", "backend-go-gin-two-apis"),
        ("svc/st.go@chi", "svc/st.go", "backend-go-chi-two-apis"),
        ("svc/st.go@echo", "svc/st.go", "backend-go-echo-two-apis"),
    ] {
        let dir = project();
        write(dir.path(), &with_backend(TWO_APIS, out));
        in_snapshots!({
            insta::assert_snapshot!(name, read(dir.path(), file));
        });
    }
}

#[test]
fn python_and_go_single_host_and_escaped_names() {
    for (file, language) in [("svc/st.py", "python"), ("svc/main.go", "go")] {
        let dir = project();
        let mut args = with_backend(&setup_args(&["https://api.example.com"]), file);
        let at = args
            .iter()
            .position(|a| *a == "--app-name")
            .expect("--app-name")
            + 1;
        args[at] = TRICKY_NAME;
        write(dir.path(), &args);
        in_snapshots!({
            insta::assert_snapshot!(
                format!("backend-{language}-single-host-escaped-app-name"),
                read(dir.path(), file)
            );
        });
    }
}

#[test]
fn python_and_go_older_cookie_domains() {
    for (file, language) in [("svc/st.py", "python"), ("svc/main.go", "go")] {
        // One host became two: the older cookies were host-only ("").
        let dir = project();
        write(
            dir.path(),
            &with_backend(&setup_args(&["https://api.example.com"]), file),
        );
        write(
            dir.path(),
            &[
                "--api",
                "https://api.example.com",
                "--api",
                "https://api2.example.com",
            ],
        );
        let widened = read(dir.path(), file);
        // The shared domain widened: the older cookies were for .eu.example.com.
        let dir = project();
        write(dir.path(), &with_backend(&setup_args(EU_APIS), file));
        write(
            dir.path(),
            &[
                "--api",
                "https://api.eu.example.com",
                "--api",
                "https://api.example.com",
            ],
        );
        let moved = read(dir.path(), file);
        in_snapshots!({
            insta::assert_snapshot!(
                format!("backend-{language}-older-cookie-domain-empty"),
                widened
            );
            insta::assert_snapshot!(format!("backend-{language}-older-cookie-domain"), moved);
        });
    }
}

// ---------------------------------------------------------------------------------------
// Next.js app router

#[test]
fn nextjs_app_router_files() {
    for ui in ["prebuilt", "custom"] {
        let dir = project();
        fs::create_dir_all(dir.path().join("app")).unwrap();
        fs::write(
            dir.path().join("package.json"),
            r#"{ "dependencies": { "next": "15.5.29" } }"#,
        )
        .unwrap();
        fs::write(dir.path().join("tsconfig.json"), "{}").unwrap();
        write(dir.path(), &two_apis(ui));
        in_snapshots!({
            if ui == "prebuilt" {
                insta::assert_snapshot!(
                    "backend-ts-nextjs-two-apis",
                    read(dir.path(), "app/config/backend.ts")
                );
                insta::assert_snapshot!(
                    "nextjs-route-ts",
                    read(dir.path(), "app/api/auth/[...path]/route.ts")
                );
                insta::assert_snapshot!(
                    "nextjs-auth-page-tsx",
                    read(dir.path(), "app/auth/[[...path]]/page.tsx")
                );
            }
            insta::assert_snapshot!(
                format!("frontend-{ui}-ts-nextjs-two-apis"),
                read(dir.path(), "app/config/frontend.tsx")
            );
        });
    }
}

#[test]
fn nextjs_pages_router_files() {
    let dir = project();
    fs::create_dir_all(dir.path().join("pages")).unwrap();
    fs::write(
        dir.path().join("package.json"),
        r#"{ "dependencies": { "next": "15.5.29" } }"#,
    )
    .unwrap();
    fs::write(dir.path().join("tsconfig.json"), "{}").unwrap();
    write(dir.path(), &two_apis("prebuilt"));
    in_snapshots!({
        insta::assert_snapshot!(
            "backend-ts-nextjs-pages-two-apis",
            read(dir.path(), "config/backendConfig.ts")
        );
        insta::assert_snapshot!(
            "nextjs-pages-route-ts",
            read(dir.path(), "pages/api/auth/[[...path]].ts")
        );
        insta::assert_snapshot!(
            "nextjs-pages-auth-page-tsx",
            read(dir.path(), "pages/auth/[[...path]].tsx")
        );
        insta::assert_snapshot!(
            "frontend-prebuilt-ts-nextjs-pages-two-apis",
            read(dir.path(), "config/frontendConfig.tsx")
        );
    });
}

#[test]
fn server_framework_backend_files() {
    for (module, file, name, dependency) in [
        (
            true,
            "server/supertokens.ts",
            "backend-ts-express-two-apis",
            "express",
        ),
        (
            false,
            "server/supertokens.js",
            "backend-js-cjs-express-two-apis",
            "express",
        ),
        (
            true,
            "server/supertokens.ts",
            "backend-ts-fastify-two-apis",
            "fastify",
        ),
        (
            false,
            "server/supertokens.js",
            "backend-js-cjs-fastify-two-apis",
            "fastify",
        ),
        (
            true,
            "server/supertokens.ts",
            "backend-ts-koa-two-apis",
            "koa",
        ),
        (
            true,
            "server/supertokens.ts",
            "backend-ts-hono-two-apis",
            "hono",
        ),
        (
            true,
            "server/supertokens.ts",
            "backend-ts-nestjs-two-apis",
            "@nestjs/core",
        ),
    ] {
        let dir = project();
        let kind = if module { r#""type": "module", "# } else { "" };
        fs::write(
            dir.path().join("package.json"),
            format!(r#"{{ {kind}"dependencies": {{ "{dependency}": "5" }} }}"#),
        )
        .unwrap();
        let mut args = two_apis("custom");
        args.extend(["--backend-out", file]);
        write(dir.path(), &args);
        in_snapshots!({
            insta::assert_snapshot!(name, read(dir.path(), file));
        });
    }
}

/// A Vue app's pre built UI: supertokens-web-js for its pages and the hosted bundle's init,
/// in TypeScript and in CommonJS.
#[test]
fn hosted_pre_built_ui_files_match_their_snapshots() {
    for (module, file, name) in [
        (true, "src/config.ts", "frontend-prebuilt-ts-vue-two-apis"),
        (
            false,
            "src/config.js",
            "frontend-prebuilt-js-cjs-vue-two-apis",
        ),
    ] {
        let dir = project();
        let kind = if module { r#""type": "module", "# } else { "" };
        fs::write(
            dir.path().join("package.json"),
            format!(r#"{{ {kind}"dependencies": {{ "vue": "3.5.45" }} }}"#),
        )
        .unwrap();
        let mut args = two_apis("prebuilt");
        args.extend([
            "--frontend-out",
            file,
            "--recipes",
            "emailpassword,thirdparty",
        ]);
        write(dir.path(), &args);
        in_snapshots!({
            insta::assert_snapshot!(name, read(dir.path(), file));
        });
    }
}

// ---------------------------------------------------------------------------------------
// header-based sessions

/// `--token-transfer header` with an API on another site: the backend answers "header",
/// each frontend sets tokenTransferMethod and names the other site's host.
#[test]
fn header_mode_across_two_sites() {
    for ui in ["prebuilt", "custom"] {
        let dir = project();
        write(
            dir.path(),
            &[
                "--token-transfer",
                "header",
                "--api",
                "https://api.example.com",
                "--api",
                "https://api2.example.com",
                "--api",
                "https://api.example-api.io",
                "--website",
                "https://example.com",
                "--ui",
                ui,
                "--app-name",
                "Acme",
                "--lang",
                "ts",
            ],
        );
        if ui == "custom" {
            write(
                dir.path(),
                &[
                    "--backend-out",
                    "backend/supertokens.ts",
                    "--backend-out",
                    "api/config.py@fastapi",
                    "--backend-out",
                    "inventory/config.go",
                ],
            );
        }
        in_snapshots!({
            if ui == "custom" {
                insta::assert_snapshot!(
                    "backend-ts-header-mode",
                    read(dir.path(), "backend/supertokens.ts")
                );
                insta::assert_snapshot!(
                    "backend-py-header-mode",
                    read(dir.path(), "api/config.py")
                );
                insta::assert_snapshot!(
                    "backend-go-header-mode",
                    read(dir.path(), "inventory/config.go")
                );
            }
            insta::assert_snapshot!(
                format!("frontend-{ui}-ts-header-mode"),
                read(dir.path(), "frontend/supertokens.ts")
            );
        });
    }
}

// ---------------------------------------------------------------------------------------
// environments

/// A development and a production environment: every file holds both sets, each with its
/// own domain and explanation, and picks one at run time. With the custom UI the setup is
/// in header mode and production has an API on another site, which only its set names.
#[test]
fn development_and_production_environments() {
    for ui in ["prebuilt", "custom"] {
        let dir = project();
        let production_apis: &[&str] = match ui {
            "prebuilt" => &["https://api.example.com", "https://api2.example.com"],
            _ => &["https://api.example.com", "https://api.example-api.io"],
        };
        let mut common = vec!["--ui", ui, "--app-name", "Acme", "--lang", "ts"];
        match ui {
            "prebuilt" => common.extend([
                "--website-base-path",
                "/login",
                "--backend-out",
                "backend/supertokens.ts",
                "--backend-out",
                "api/config.py@fastapi",
                "--backend-out",
                "inventory/config.go",
            ]),
            _ => common.extend(["--token-transfer", "header"]),
        }
        let mut development = vec![
            "--env",
            "development",
            "--api",
            "http://localhost:3001",
            "--api",
            "http://localhost:3002",
            "--website",
            "http://localhost:3000",
        ];
        development.extend(&common);
        write(dir.path(), &development);
        let mut production = vec!["--env", "production", "--website", "https://example.com"];
        for api in production_apis {
            production.extend(["--api", api]);
        }
        write(dir.path(), &production);
        if ui == "prebuilt" {
            let go = read(dir.path(), "inventory/config.go");
            crate::golang::go_check(&[("config.go", &go)]).unwrap_or_else(|e| panic!("{e}"));
        }
        in_snapshots!({
            insta::assert_snapshot!(
                format!("backend-ts-environments-{ui}"),
                read(dir.path(), "backend/supertokens.ts")
            );
            if ui == "prebuilt" {
                insta::assert_snapshot!(
                    "backend-py-environments",
                    read(dir.path(), "api/config.py")
                );
                insta::assert_snapshot!(
                    "backend-go-environments",
                    read(dir.path(), "inventory/config.go")
                );
            }
            insta::assert_snapshot!(
                format!("frontend-{ui}-ts-environments"),
                read(dir.path(), "frontend/supertokens.ts")
            );
            insta::assert_snapshot!(
                format!("st-setup-json-environments-{ui}"),
                read(dir.path(), "st-setup.json")
            );
        });
    }
}

// ---------------------------------------------------------------------------------------
// React Native

/// A React Native app (its package.json lists react-native): supertokens-react-native's one
/// init call, with the APIs' domain; and with environments, picked by `__DEV__`.
#[test]
fn react_native_app() {
    let dir = project();
    fs::write(
        dir.path().join("package.json"),
        r#"{"dependencies": {"react-native": "0.86.3", "react": "19.3.1"}}"#,
    )
    .unwrap();
    let app = [
        "--ui",
        "custom",
        "--app-name",
        "Acme",
        "--frontend-out",
        "app/supertokens.ts",
    ];
    let mut production = vec![
        "--api",
        "https://api.example.com",
        "--api",
        "https://api2.example.com",
        "--website",
        "https://example.com",
    ];
    production.extend(app);
    write(dir.path(), &production);
    in_snapshots!({
        insta::assert_snapshot!(
            "frontend-react-native-ts",
            read(dir.path(), "app/supertokens.ts")
        );
    });
    write(
        dir.path(),
        &[
            "--env",
            "development",
            "--api",
            "http://10.0.2.2:3001",
            "--website",
            "http://localhost:8081",
        ],
    );
    in_snapshots!({
        insta::assert_snapshot!(
            "frontend-react-native-ts-environments",
            read(dir.path(), "app/supertokens.ts")
        );
    });
}

/// A page without a bundler (`@script-tag`): one classic script for supertokens-website's
/// global, loaded after its bundle.
#[test]
fn script_tag_page() {
    let dir = project();
    write(
        dir.path(),
        &[
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
            "--frontend-out",
            "public/supertokens.js@script-tag",
        ],
    );
    in_snapshots!({
        insta::assert_snapshot!(
            "frontend-script-tag-js",
            read(dir.path(), "public/supertokens.js")
        );
    });
}

// ---------------------------------------------------------------------------------------
// several websites

/// `--website` twice: the backends answer the SDK's origin with the website a request
/// comes from (else the first) and allow both in CORS; the pre built UI takes the page's
/// own website.
#[test]
fn several_websites() {
    let dir = project();
    write(
        dir.path(),
        &[
            "--api",
            "https://api.example.com",
            "--api",
            "https://api2.example.com",
            "--website",
            "https://example.com",
            "--website",
            "https://admin.example.com",
            "--ui",
            "prebuilt",
            "--app-name",
            "Acme",
            "--lang",
            "ts",
            "--backend-out",
            "backend/supertokens.ts@express",
            "--backend-out",
            "api/config.py@fastapi",
            "--backend-out",
            "inventory/config.go",
        ],
    );
    in_snapshots!({
        for (name, file) in [
            ("backend-express-ts-websites", "backend/supertokens.ts"),
            ("backend-py-websites", "api/config.py"),
            ("backend-go-websites", "inventory/config.go"),
            ("frontend-prebuilt-ts-websites", "frontend/supertokens.ts"),
            ("st-setup-json-websites", "st-setup.json"),
        ] {
            insta::assert_snapshot!(name, read(dir.path(), file));
        }
    });
}
