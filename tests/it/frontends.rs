//! Frontend apps as a new user has them, built with Vite or compiled by Angular's compiler
//! (pinned in tests/sdk/package-lock.json with the SDKs): a React app with the pre built UI,
//! Vue apps with a custom UI and with the hosted pre built UI, and an Angular app with each,
//! every file where st-setup puts it by default, used the way its next step says.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::common::{output_text, project};

/// A Vite app listing `dependencies`, with the SDK packages beside it, its page loading
/// `src/main.ts(x)`.
fn vite_app(dir: &Path, dependencies: &str, main: &str) {
    crate::sdk::node_ready();
    fs::create_dir_all(dir.join("src")).unwrap();
    fs::write(
        dir.join("package.json"),
        format!(r#"{{ "name": "web", "private": true, "type": "module", "dependencies": {{ {dependencies} }} }}"#),
    )
    .unwrap();
    fs::write(
        dir.join("tsconfig.json"),
        r#"{ "compilerOptions": { "jsx": "react-jsx", "strict": true, "module": "esnext", "moduleResolution": "bundler", "target": "es2022", "noEmit": true, "skipLibCheck": true }, "include": ["src"] }"#,
    )
    .unwrap();
    fs::write(
        dir.join("index.html"),
        format!("<!doctype html>\n<html><body><div id=\"app\"></div><script type=\"module\" src=\"/src/{main}\"></script></body></html>\n"),
    )
    .unwrap();
    crate::common::link_node_modules(dir);
}

/// st-setup, two APIs, for a frontend with `ui` and `recipes` in the app at `root`.
fn set_up(root: &Path, ui: &str, recipes: &str) -> crate::common::Run {
    crate::common::yes_two_apis(root, &["--ui", ui, "--recipes", recipes]).expect_code(0)
}

/// tsc over the app, then `vite build`, its wall time printed for the notes.
fn assert_builds(root: &Path, what: &str) {
    crate::common::assert_tsc(root, what);
    let started = Instant::now();
    let out = Command::new(root.join("node_modules/.bin/vite"))
        .arg("build")
        .current_dir(root)
        .output()
        .expect("vite build runs");
    eprintln!(
        "vite build ({what}): {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        out.status.success(),
        "vite build ({what}):\n{}",
        output_text(&out)
    );
    assert!(root.join("dist/index.html").is_file());
}

#[test]
fn a_react_app_builds_with_the_pre_built_ui_and_its_login_pages() {
    let dir = project();
    let root = dir.path();
    vite_app(
        root,
        r#""react": "19.3.1", "react-dom": "19.3.1""#,
        "main.tsx",
    );
    set_up(root, "prebuilt", "emailpassword,thirdparty,passwordless")
        .expect_stdout("src/config.tsx")
        .expect_stdout("getSuperTokensRoutesForReactRouterDom");
    // The app renders the login pages of the file's PreBuiltUIList inside the wrapper.
    fs::write(
        root.join("src/main.tsx"),
        "import { createRoot } from \"react-dom/client\";\nimport { SuperTokensWrapper } from \"supertokens-auth-react\";\nimport { getRoutingComponent } from \"supertokens-auth-react/ui\";\nimport { PreBuiltUIList } from \"./config\";\n\ncreateRoot(document.getElementById(\"app\")!).render(\n  <SuperTokensWrapper>{getRoutingComponent(PreBuiltUIList)}</SuperTokensWrapper>,\n);\n",
    )
    .unwrap();
    assert_builds(root, "React, pre built UI");
}

#[test]
fn a_vue_app_builds_with_a_custom_ui() {
    let dir = project();
    let root = dir.path();
    vite_app(root, r#""vue": "3.5.45""#, "main.ts");
    set_up(root, "custom", "emailpassword,thirdparty,passwordless").expect_stdout("src/config.ts");
    fs::write(
        root.join("src/main.ts"),
        "import { createApp, h } from \"vue\";\nimport \"./config\";\n\ncreateApp({ render: () => h(\"p\", \"Hello\") }).mount(\"#app\");\n",
    )
    .unwrap();
    assert_builds(root, "Vue, custom UI");
}

/// The pre built UI in a Vue app, as SuperTokens' own Vue template has it: supertokens-web-js
/// for the app's pages, and the hosted bundle drawing the login pages on one of them.
#[test]
fn a_vue_app_builds_with_the_hosted_pre_built_ui_and_both_inits_reach_the_sdks() {
    let dir = project();
    let root = dir.path();
    vite_app(root, r#""vue": "3.5.45""#, "main.ts");
    set_up(root, "prebuilt", "emailpassword,thirdparty,passwordless")
        .expect_stdout("src/config.ts")
        .expect_stdout("frontend (supertokens-web-js, Vue, pre built UI)")
        .expect_stdout("call initSuperTokensWebJS() from src/config.ts")
        .expect_stdout("call loadSuperTokensUI()");
    // The app starts web-js; its login page draws the bundle into #supertokensui.
    fs::write(
        root.join("src/main.ts"),
        "import { createApp, h, onMounted, onUnmounted } from \"vue\";\nimport { initSuperTokensWebJS, loadSuperTokensUI } from \"./config\";\n\ninitSuperTokensWebJS();\n\nconst AuthPage = {\n  setup() {\n    let unload = () => {};\n    onMounted(() => { unload = loadSuperTokensUI(); });\n    onUnmounted(() => unload());\n    return () => h(\"div\", { id: \"supertokensui\" });\n  },\n};\n\ncreateApp(AuthPage).mount(\"#app\");\n",
    )
    .unwrap();
    assert_builds(root, "Vue, hosted pre built UI");

    // The same file as JavaScript, run: each init reaches its SDK with the setup's values.
    let js = project();
    let js_root = js.path();
    vite_app(js_root, r#""vue": "3.5.45""#, "main.js");
    fs::remove_file(js_root.join("tsconfig.json")).unwrap();
    set_up(js_root, "prebuilt", "emailpassword,thirdparty,passwordless")
        .expect_stdout("src/config.js");
    let recipes = ["emailpassword", "thirdparty", "passwordless"];
    let part = |ui: &str, call: &str| {
        serde_json::json!({ "frontend": {
            "file": js_root.join("src/config.js"),
            "ui": ui,
            "call": call,
            "bundle": ui == "prebuilt",
            "expect": {
                "appName": "Acme",
                "apiDomain": "https://api.example.com",
                "websiteDomain": "https://example.com",
                "sessionTokenBackendDomain": ".example.com",
                "recipes": recipes,
            },
            "intercept": ["https://api2.example.com/items"],
            "reject": ["https://example.org/"],
        }})
    };
    crate::sdk::assert_check_ok(
        js_root,
        &part("custom", "initSuperTokensWebJS"),
        &["ok frontend sdk supertokens-web-js initialised (not auth-react)".to_owned()],
    );
    crate::sdk::assert_check_ok(
        js_root,
        &part("prebuilt", "initSuperTokensUI"),
        &[
            "ok frontend called initSuperTokensUI() with the pre built UI bundle's globals"
                .to_owned(),
            "ok frontend websiteDomain \"https://example.com\"".to_owned(),
        ],
    );
}

/// An Angular app (standalone components, zoneless, as `ng new` makes them) with each UI:
/// its component uses the file as the next step says, and Angular's own compiler (`ngc`,
/// what `ng build` runs, with strict templates) compiles the app ahead of time.
#[test]
fn an_angular_app_compiles_with_each_ui() {
    for (ui, component) in [
        (
            "custom",
            "import { Component } from \"@angular/core\";\nimport \"../config\";\n\n@Component({ selector: \"app-root\", template: \"<p>Hello</p>\" })\nexport class AppComponent {}\n",
        ),
        (
            "prebuilt",
            "import { AfterViewInit, Component, OnDestroy } from \"@angular/core\";\nimport { initSuperTokensWebJS, loadSuperTokensUI } from \"../config\";\n\ninitSuperTokensWebJS();\n\n@Component({ selector: \"app-root\", template: '<div id=\"supertokensui\"></div>' })\nexport class AppComponent implements AfterViewInit, OnDestroy {\n  private unload = () => {};\n  ngAfterViewInit() {\n    this.unload = loadSuperTokensUI();\n  }\n  ngOnDestroy() {\n    this.unload();\n  }\n}\n",
        ),
    ] {
        crate::sdk::node_ready();
        let dir = project();
        let root = dir.path();
        fs::create_dir_all(root.join("src/app")).unwrap();
        fs::write(
            root.join("package.json"),
            r#"{ "name": "web", "private": true, "type": "module", "dependencies": { "@angular/core": "20.3.35", "@angular/platform-browser": "20.3.35" } }"#,
        )
        .unwrap();
        fs::write(
            root.join("tsconfig.json"),
            r#"{ "compilerOptions": { "strict": true, "target": "es2022", "module": "es2022", "moduleResolution": "bundler", "lib": ["es2022", "dom"], "outDir": "out-tsc", "skipLibCheck": true }, "angularCompilerOptions": { "strictTemplates": true, "strictInjectionParameters": true }, "files": ["src/main.ts"] }"#,
        )
        .unwrap();
        crate::common::link_node_modules(root);
        set_up(root, ui, "emailpassword,thirdparty,passwordless").expect_stdout("src/config.ts");
        fs::write(root.join("src/app/app.component.ts"), component).unwrap();
        fs::write(
            root.join("src/main.ts"),
            "import { provideZonelessChangeDetection } from \"@angular/core\";\nimport { bootstrapApplication } from \"@angular/platform-browser\";\nimport { AppComponent } from \"./app/app.component\";\n\nbootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] });\n",
        )
        .unwrap();
        let started = Instant::now();
        let out = Command::new(root.join("node_modules/.bin/ngc"))
            .args(["-p", "tsconfig.json"])
            .current_dir(root)
            .output()
            .expect("ngc runs");
        eprintln!(
            "ngc (Angular, {ui} UI): {:.1} s",
            started.elapsed().as_secs_f64()
        );
        assert!(
            out.status.success(),
            "ngc ({ui} UI):\n{}",
            output_text(&out)
        );
        // The component was compiled ahead of time, with the file beside it.
        let compiled = fs::read_to_string(root.join("out-tsc/app/app.component.js")).unwrap();
        assert!(compiled.contains("ɵɵdefineComponent"), "{compiled}");
        assert!(root.join("out-tsc/config.js").is_file());
    }
}
