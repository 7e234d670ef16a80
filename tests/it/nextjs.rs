//! A Next.js app router project as a new user has it: st-setup's defaults there, the files
//! wired the way the README says, and a real `next build` (next pinned in
//! tests/sdk/package-lock.json, installed with the other SDK packages).

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::common::{output_text, project, run_in};

/// The app's layout, as the README's next step says to wrap it; `{children}` typed in
/// TypeScript.
const LAYOUT: &str = r#"import { SuperTokensProvider } from "./config/frontend";

export default function RootLayout({ children }CHILDREN_TYPE) {
  return (
    <html lang="en">
      <body>
        <SuperTokensProvider>{children}</SuperTokensProvider>
      </body>
    </html>
  );
}
"#;

/// A client component that loads the custom UI's file in the browser.
const CUSTOM_PROVIDER: &str = r#""use client";
import "./config/frontend";

export function SuperTokensProvider({ children }: { children: React.ReactNode }) {
  return children;
}
"#;

/// What create-next-app writes into tsconfig.json.
const TSCONFIG: &str = r#"{
  "compilerOptions": {
    "target": "ES2017", "lib": ["dom", "dom.iterable", "esnext"], "allowJs": true,
    "skipLibCheck": true, "strict": true, "noEmit": true, "esModuleInterop": true,
    "module": "esnext", "moduleResolution": "bundler", "resolveJsonModule": true,
    "isolatedModules": true, "jsx": "preserve", "incremental": true,
    "plugins": [{ "name": "next" }], "paths": { "@/*": ["./*"] }
  },
  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
  "exclude": ["node_modules"]
}
"#;

/// A Next.js app router project with the SDK packages beside it (the conformance tests'
/// node_modules, linked), in TypeScript or JavaScript.
fn next_app(dir: &Path, ts: bool) {
    next_project(dir, ts, "app");
}

/// A Next.js project whose pages are in `router` (`app` or `pages`).
fn next_project(dir: &Path, ts: bool, router: &str) {
    crate::sdk::node_ready();
    fs::create_dir_all(dir.join(router)).unwrap();
    fs::write(
        dir.join("package.json"),
        r#"{ "name": "next-app", "private": true, "dependencies": { "next": "15.5.29", "react": "19.3.1", "react-dom": "19.3.1" } }"#,
    )
    .unwrap();
    if ts {
        fs::write(dir.join("tsconfig.json"), TSCONFIG).unwrap();
    }
    let (page, x) = match router {
        "app" => ("page", if ts { "tsx" } else { "jsx" }),
        _ => ("index", if ts { "tsx" } else { "jsx" }),
    };
    fs::write(
        dir.join(format!("{router}/{page}.{x}")),
        "export default function Home() {\n  return <main>Hello</main>;\n}\n",
    )
    .unwrap();
    crate::common::link_node_modules(dir);
}

/// A real `next build` of the app in `root` (its wall time printed, for the notes): the
/// build's log.
fn next_build(root: &Path, what: &str) -> String {
    let started = Instant::now();
    let out = Command::new(root.join("node_modules/.bin/next"))
        .arg("build")
        .current_dir(root)
        .env("NEXT_TELEMETRY_DISABLED", "1")
        .output()
        .expect("next build runs");
    eprintln!(
        "next build ({what}): {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let log = output_text(&out);
    assert!(out.status.success(), "next build ({what}) failed:\n{log}");
    log
}

#[test]
fn a_next_app_router_project_builds_with_the_generated_files() {
    for (ts, ui, recipes) in [
        (true, "prebuilt", "emailpassword"),
        (false, "prebuilt", "emailpassword,thirdparty,passwordless"),
        (true, "custom", "thirdparty,passwordless"),
    ] {
        let (x, jsx) = if ts { ("ts", "tsx") } else { ("js", "jsx") };
        let dir = project();
        let root = dir.path();
        next_app(root, ts);
        let name = "Ac\"me ${x}";
        let answers = ["--ui", ui, "--recipes", recipes, "--app-name", name];
        let run = crate::common::yes_two_apis(root, &answers).expect_code(0);
        let mut written = vec![
            format!("app/config/backend.{x}"),
            format!("app/config/frontend.{jsx}"),
            format!("app/api/auth/[...path]/route.{x}"),
        ];
        if ui == "prebuilt" {
            written.push(format!("app/auth/[[...path]]/page.{jsx}"));
        } else {
            assert!(
                !root.join("app/auth").exists(),
                "no login page for a custom UI"
            );
        }
        for file in written {
            assert!(
                run.stdout.contains(&file),
                "{file} not written:\n{}",
                run.stdout
            );
        }
        let backend = fs::read_to_string(root.join(format!("app/config/backend.{x}"))).unwrap();
        assert!(backend.contains("apiBasePath: \"/api/auth\","), "{backend}");
        assert!(backend.contains("framework: \"custom\","), "{backend}");
        let children = if ts {
            ": { children: React.ReactNode }"
        } else {
            ""
        };
        let layout = if ui == "prebuilt" {
            LAYOUT.replace("CHILDREN_TYPE", children)
        } else {
            // The custom UI's file is imported by a client component, as its next step says.
            fs::write(root.join(format!("app/providers.{jsx}")), CUSTOM_PROVIDER).unwrap();
            LAYOUT
                .replace("CHILDREN_TYPE", children)
                .replace("./config/frontend", "./providers")
        };
        fs::write(root.join(format!("app/layout.{jsx}")), layout).unwrap();

        let log = next_build(root, &format!("{x}, {ui}, {recipes}"));
        assert!(
            log.contains("/api/auth/[...path]"),
            "the auth route is not built:\n{log}"
        );
        if ui == "prebuilt" {
            assert!(
                log.contains("/auth/[[...path]]"),
                "the login page is not built:\n{log}"
            );
        }

        // next build's own type check is skipped where it cannot find its TypeScript
        // setup; tsc itself leaves no doubt that the files fit the SDKs' types.
        if ts {
            crate::common::assert_tsc(root, ui);
        }

        // check is green: the route is the user's now, the outputs are in step.
        run_in(root, &["check"]).expect_code(0);
    }
}

/// What a project that is, or becomes, a Next.js app gets without a build: the old files
/// kept, no clashing route, apiBasePath moved only by a Next.js backend, a note when the
/// website and the auth API are on different origins.
#[test]
fn next_app_edge_cases_are_said_and_not_broken() {
    let args = [
        "--yes",
        "--api",
        "https://example.com",
        "--website",
        "https://example.com",
        "--ui",
        "prebuilt",
        "--app-name",
        "Acme",
    ];
    // Set up before the project was a Next.js app: the files stay where they are.
    let dir = project();
    let root = dir.path();
    run_in(root, &args).expect_code(0);
    next_app(root, true);
    let run = run_in(root, &["--yes"]).expect_code(0);
    assert!(!root.join("app/config").exists(), "{}", run.stdout);
    assert!(
        !root.join("app/api").exists(),
        "no route for a file with no ensureSuperTokensInit"
    );
    assert!(
        run.stderr.contains("written for plain Node"),
        "{}",
        run.stderr
    );

    // A route of the app's own under /api/auth: none is added beside it.
    let dir = project();
    let root = dir.path();
    next_app(root, true);
    fs::create_dir_all(root.join("app/api/auth/[[...path]]")).unwrap();
    fs::write(root.join("app/api/auth/[[...path]]/route.ts"), "// mine\n").unwrap();
    run_in(root, &args).expect_code(0);
    assert!(!root.join("app/api/auth/[...path]").exists());

    // A login page of the app's own at the website base path: none is added beside it.
    let dir = project();
    let root = dir.path();
    next_app(root, true);
    fs::create_dir_all(root.join("app/login")).unwrap();
    fs::write(root.join("app/login/page.tsx"), "// mine\n").unwrap();
    let mut login = args.to_vec();
    login.extend(["--website-base-path", "/login"]);
    run_in(root, &login).expect_code(0);
    assert!(!root.join("app/login/[[...path]]").exists());
    assert!(!root.join("app/auth").exists());

    // No recipe, no login page: the pre built UI would have nothing to draw (it throws).
    let dir = project();
    let root = dir.path();
    next_app(root, true);
    let mut none = args.to_vec();
    none.extend(["--recipes", "none"]);
    let run = run_in(root, &none).expect_code(0);
    assert!(!root.join("app/auth").exists(), "{}", run.stdout);
    assert!(!run.stderr.contains("PreBuiltUIList"), "{}", run.stderr);

    // A Next.js frontend of an API elsewhere moves no route; a Next.js backend called from
    // another origin is said to answer no CORS.
    let dir = project();
    let root = dir.path();
    next_app(root, true);
    let mut split = args.to_vec();
    split.extend(["--backend-out", "api/st.ts@node"]);
    run_in(root, &split).expect_code(0);
    assert!(
        !fs::read_to_string(root.join("app/config/frontend.tsx"))
            .unwrap()
            .contains("apiBasePath")
    );
    let dir = project();
    let root = dir.path();
    next_app(root, true);
    let mut cross = args.to_vec();
    cross[2] = "https://api.example.com";
    run_in(root, &cross)
        .expect_code(0)
        .expect_stderr("answers no CORS");
}

/// A pages router project gets the files where SuperTokens' pages router example keeps
/// them (config/backendConfig.ts, config/frontendConfig.tsx), its API route and login
/// page, and builds.
#[test]
fn a_next_pages_router_project_builds_with_the_generated_files() {
    let dir = project();
    let root = dir.path();
    next_project(root, true, "pages");
    let run = run_in(
        root,
        &[
            "--yes",
            "--api",
            "https://example.com",
            "--website",
            "https://example.com",
            "--ui",
            "prebuilt",
            "--recipes",
            "emailpassword,thirdparty",
            "--app-name",
            "Acme",
        ],
    )
    .expect_code(0);
    run.expect_stdout("backend (supertokens-node, Next.js pages router)")
        .expect_stdout("pages/_app.tsx");
    for file in [
        "config/backendConfig.ts",
        "config/frontendConfig.tsx",
        "pages/api/auth/[[...path]].ts",
        "pages/auth/[[...path]].tsx",
    ] {
        assert!(
            run.stdout.contains(file),
            "{file} not written:\n{}",
            run.stdout
        );
    }
    let backend = fs::read_to_string(root.join("config/backendConfig.ts")).unwrap();
    assert!(backend.contains("framework: \"express\","), "{backend}");
    assert!(backend.contains("apiBasePath: \"/api/auth\","), "{backend}");
    // The app wrapped as the next step says.
    fs::write(
        root.join("pages/_app.tsx"),
        "import type { AppProps } from \"next/app\";\nimport { SuperTokensProvider } from \"../config/frontendConfig\";\n\nexport default function App({ Component, pageProps }: AppProps) {\n  return (\n    <SuperTokensProvider>\n      <Component {...pageProps} />\n    </SuperTokensProvider>\n  );\n}\n",
    )
    .unwrap();

    let log = next_build(root, "pages router");
    for route in ["/api/auth/[[...path]]", "/auth/[[...path]]"] {
        assert!(log.contains(route), "{route} is not built:\n{log}");
    }
    crate::common::assert_tsc(root, "pages router");
    run_in(root, &["check"]).expect_code(0);
}
