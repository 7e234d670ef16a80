//! Frontend apps as a new user has them, built with Vite (pinned in
//! tests/sdk/package-lock.json with the SDKs): a React app with the pre built UI and a Vue
//! app with a custom UI, each file where st-setup puts it by default, imported the way its
//! next step says.

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
    // The pre built UI is React's: a Vue app is told so.
    let dir = project();
    let root = dir.path();
    vite_app(root, r#""vue": "3.5.45""#, "main.ts");
    set_up(root, "prebuilt", "emailpassword").expect_stderr("is in a Vue app");
}
