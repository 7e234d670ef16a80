//! Express, Fastify, Koa, Hono and NestJS servers as a new user has them: the generated backend wired the way
//! its next step says, type-checked with tsc against the framework and supertokens-node,
//! and run to answer CORS preflights (the frameworks, their CORS packages and the SDKs
//! pinned in tests/sdk/package-lock.json).

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::{output_text, project, run_in};

const WEBSITE: &str = "https://example.com";

/// What every app served on 127.0.0.1 asks itself, as a browser would: the preflight
/// before the SDK's refresh call from the website (argv[2]) and from somewhere else, and
/// the refresh itself without a session (the SDK answers it when its routes are served).
const ASK_OVER_HTTP: &str = r#"
async function ask(base: string, origin: string) {
  const response = await fetch(`${base}/auth/session/refresh`, {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "content-type,rid,fdi-version,st-auth-mode,anti-csrf",
    },
  });
  return {
    status: response.status,
    origin: response.headers.get("access-control-allow-origin"),
    credentials: response.headers.get("access-control-allow-credentials"),
    headers: response.headers.get("access-control-allow-headers"),
  };
}

async function questions(base: string) {
  // As a proxy that ends TLS forwards it.
  const refresh = await fetch(`${base}/auth/session/refresh`, {
    method: "POST",
    headers: { Origin: process.argv[2], "X-Forwarded-Proto": "https" },
  });
  return {
    website: await ask(base, process.argv[2]),
    other: await ask(base, "https://example.com.evil.net"),
    refresh: refresh.status,
  };
}
"#;

/// How an Express-style app (`app.listen` returning Node's server) is asked.
const LISTEN_AND_ASK: &str = r#"
const server = app.listen(0, "127.0.0.1", async () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(JSON.stringify(await questions(`http://127.0.0.1:${port}`)));
  server.close();
});
"#;

/// The Express app the README's next step describes, around the generated file.
fn express_app() -> String {
    let head = r#"import express from "express";
import { errorHandler, middleware, superTokensCors } from "./supertokens.js";

const app = express();
app.use(superTokensCors());
app.use(middleware());
app.get("/hello", (_req, res) => {
  res.send("hello");
});
app.use(errorHandler());
"#;
    format!("{head}{LISTEN_AND_ASK}{ASK_OVER_HTTP}")
}

/// An app's TypeScript as JavaScript: the same text without its annotations.
fn as_javascript(app: &str) -> String {
    app.replace(": string", "")
        .replace(": any", "")
        .replace(")!);", "));")
}

/// An Express project's dependency, as its package.json lists it.
const EXPRESS: &str = r#""express": "5.3.0""#;

/// A project of a server framework (`dependency`, as package.json lists it).
fn server_project(dir: &Path, module: bool, dependency: &str) {
    crate::sdk::node_ready();
    let kind = if module { r#""type": "module", "# } else { "" };
    fs::write(
        dir.join("package.json"),
        format!(
            r#"{{ "name": "api", "private": true, {kind}"dependencies": {{ {dependency} }} }}"#
        ),
    )
    .unwrap();
    crate::common::link_node_modules(dir);
}

/// Runs `server/app.mjs` in `root` and reads the preflight answers it prints.
fn preflights_of(root: &Path) -> Value {
    let out = Command::new("node")
        .arg("server/app.mjs")
        .arg(WEBSITE)
        .current_dir(root)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "the app failed:\n{}",
        output_text(&out)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", output_text(&out)))
}

fn generate_for(dir: &Path, backend: &str, framework: &str) {
    run_in(
        dir,
        &[
            "--yes",
            "--api",
            "https://api.example.com",
            "--api",
            "https://api2.example.com",
            "--website",
            WEBSITE,
            "--ui",
            "custom",
            "--app-name",
            "Acme",
            "--backend-out",
            backend,
            // Every recipe, so each framework's file is checked with all of their code.
            "--recipes",
            "emailpassword,thirdparty,passwordless",
        ],
    )
    .expect_code(0)
    .expect_stdout(&format!("backend (supertokens-node, {framework})"));
}

/// tsc (nodenext, strict) over the generated `server/supertokens.ts` of a `framework`
/// package (an ES module one, listing `dependency`) and `app`, the app its next step
/// describes; `options` adds compiler options (e.g. decorators).
fn assert_typechecks_with(dependency: &str, framework: &str, app: &str, options: &str) {
    let dir = project();
    let root = dir.path();
    server_project(root, true, dependency);
    fs::write(
        root.join("tsconfig.json"),
        format!(
            r#"{{ "compilerOptions": {{ "module": "nodenext", "target": "es2022", "strict": true, "noEmit": true, "skipLibCheck": true{options} }}, "include": ["server"] }}"#
        ),
    )
    .unwrap();
    generate_for(root, "server/supertokens.ts", framework);
    fs::write(root.join("server/app.ts"), app).unwrap();
    crate::common::assert_tsc(root, framework);
}

/// The generated `server/supertokens.js` of a `framework` package (an ES module one, or
/// CommonJS) run with `app` (TypeScript: its annotations dropped) after `extra` runs of
/// st-setup: what it printed, its preflights and the SDK's own answer checked.
fn run_with(dependency: &str, framework: &str, app: &str, module: bool, extra: &[&str]) -> Value {
    let dir = project();
    let root = dir.path();
    server_project(root, module, dependency);
    generate_for(root, "server/supertokens.js", framework);
    if !extra.is_empty() {
        run_in(root, extra).expect_code(0);
    }
    fs::write(root.join("server/app.mjs"), as_javascript(app)).unwrap();
    let answers = preflights_of(root);
    crate::common::assert_preflights(&answers, WEBSITE);
    // The SDK answered the refresh itself: no session, so sign in first.
    assert_eq!(
        answers["refresh"], 401,
        "the SDK serves its routes: {answers}"
    );
    answers
}

#[test]
fn an_express_backend_type_checks_with_its_app() {
    assert_typechecks_with(EXPRESS, "Express", &express_app(), "");
}

#[test]
fn an_express_backend_answers_the_websites_preflight_and_no_one_elses() {
    // An ES module package, and a CommonJS one (its file uses require and module.exports;
    // the app, an ES module, imports it as Node allows).
    for module in [true, false] {
        let dir = project();
        let root = dir.path();
        server_project(root, module, EXPRESS);
        generate_for(root, "server/supertokens.js", "Express");
        let written = fs::read_to_string(root.join("server/supertokens.js")).unwrap();
        assert_eq!(written.contains("module.exports"), !module, "{written}");
        fs::write(root.join("server/app.mjs"), as_javascript(&express_app())).unwrap();
        let answers = preflights_of(root);
        crate::common::assert_preflights(&answers, WEBSITE);
        assert_eq!(
            answers["refresh"], 401,
            "the SDK serves its routes: {answers}"
        );
    }
}

/// The Koa app its next step describes: the Express app's questions, around Koa.
fn koa_app() -> String {
    let head = r#"import Koa from "koa";
import { middleware, superTokensCors } from "./supertokens.js";

const app = new Koa();
// Behind a proxy that ends TLS, as the next step says.
app.proxy = true;
app.use(superTokensCors());
app.use(middleware());
app.use(async (ctx) => {
  ctx.body = "hello";
});

"#;
    format!("{head}{LISTEN_AND_ASK}{ASK_OVER_HTTP}")
}

#[test]
fn a_koa_backend_type_checks_and_answers_the_websites_preflight_only() {
    const KOA: &str = r#""koa": "3.3.0""#;
    assert_typechecks_with(KOA, "Koa", &koa_app(), "");
    for module in [true, false] {
        run_with(KOA, "Koa", &koa_app(), module, &[]);
    }
}

/// The Hono app its next step describes, asked with Hono's own app.request (no socket);
/// a refresh without a session shows that the SDK's handler serves the auth routes.
const HONO_APP: &str = r#"import { Hono } from "hono";
import { registerSuperTokens } from "./supertokens.js";

const app = new Hono();
registerSuperTokens(app);
app.get("/hello", (c) => c.text("hello"));

const ask = async (origin: string) => {
  const response = await app.request("/auth/session/refresh", {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "content-type,rid,fdi-version,st-auth-mode,anti-csrf",
    },
  });
  return {
    status: response.status,
    origin: response.headers.get("access-control-allow-origin"),
    credentials: response.headers.get("access-control-allow-credentials"),
    headers: response.headers.get("access-control-allow-headers"),
  };
};
const refresh = await app.request("/auth/session/refresh", { method: "POST", headers: { Origin: process.argv[2] } });
const hello = await app.request("/hello");
console.log(JSON.stringify({
  website: await ask(process.argv[2]),
  other: await ask("https://example.com.evil.net"),
  refresh: refresh.status,
  hello: await hello.text(),
}));
"#;

#[test]
fn a_hono_backend_type_checks_serves_the_auth_routes_and_answers_the_websites_preflight_only() {
    const HONO: &str = r#""hono": "4.13.19""#;
    assert_typechecks_with(HONO, "Hono", HONO_APP, "");
    for module in [true, false] {
        let answers = run_with(HONO, "Hono", HONO_APP, module, &[]);
        assert_eq!(answers["hello"], "hello", "{answers}");
    }
    // Another API base path: the SDK's routes move with it.
    let moved = HONO_APP.replace("/auth/session/refresh", "/api/st/session/refresh");
    let extra = ["--yes", "--api-base-path", "/api/st"];
    run_with(HONO, "Hono", &moved, true, &extra);
}

/// The NestJS main.ts its next step describes (decorators applied by hand, so the same
/// text runs as JavaScript), asked over 127.0.0.1: a refresh without a session shows that
/// the SDK's middleware serves the auth routes, and a route of the app that asks for the
/// session without one shows that the filter answers the SDK's error (401, where Nest
/// alone answers 500).
const NEST_HEAD: &str = r#"import "reflect-metadata";
import { Controller, Get, Module, Req, Res } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import Session from "supertokens-node/recipe/session";
import { registerSuperTokens } from "./supertokens.js";

class Me {
  async me(req: any, res: any) {
    const session = await Session.getSession(req, res);
    return session.getUserId();
  }
}
Controller()(Me);
Get("me")(Me.prototype, "me", Object.getOwnPropertyDescriptor(Me.prototype, "me")!);
Req()(Me.prototype, "me", 0);
Res({ passthrough: true })(Me.prototype, "me", 1);

class AppModule {}
Module({ controllers: [Me] })(AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
registerSuperTokens(app);
await app.listen(0, "127.0.0.1");
const address = app.getHttpServer().address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
const me = await fetch(`${base}/me`);
console.log(JSON.stringify({ ...(await questions(base)), me: me.status }));
await app.close();
"#;

fn nest_app() -> String {
    format!("{NEST_HEAD}{ASK_OVER_HTTP}")
}

#[test]
fn a_nestjs_backend_type_checks_serves_the_auth_routes_and_answers_the_websites_preflight_only() {
    const NEST: &str = r#""@nestjs/core": "12.5.1", "@nestjs/common": "12.5.1", "@nestjs/platform-express": "12.5.1""#;
    let decorators = r#", "experimentalDecorators": true, "emitDecoratorMetadata": true"#;
    assert_typechecks_with(NEST, "NestJS", &nest_app(), decorators);
    // JavaScript, run: NestJS 12 is an ES module package.
    let answers = run_with(NEST, "NestJS", &nest_app(), true, &[]);
    assert_eq!(
        answers["me"], 401,
        "the filter answers the SDK's error: {answers}"
    );
}

/// The Fastify app its next step describes, asked with Fastify's own inject (no socket).
const FASTIFY_APP: &str = r#"import Fastify from "fastify";
import { registerSuperTokens } from "./supertokens.js";

const app = Fastify();
await registerSuperTokens(app);
app.get("/hello", async () => "hello");

const ask = async (origin: string) => {
  const response = await app.inject({
    method: "OPTIONS",
    url: "/auth/session/refresh",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type,rid,fdi-version,st-auth-mode,anti-csrf",
    },
  });
  return {
    status: response.statusCode,
    origin: response.headers["access-control-allow-origin"] ?? null,
    credentials: response.headers["access-control-allow-credentials"] ?? null,
    headers: response.headers["access-control-allow-headers"] ?? null,
  };
};
const refresh = await app.inject({ method: "POST", url: "/auth/session/refresh", headers: { origin: process.argv[2] } });
console.log(JSON.stringify({
  website: await ask(process.argv[2]),
  other: await ask("https://example.com.evil.net"),
  refresh: refresh.statusCode,
}));
"#;

#[test]
fn a_fastify_backend_type_checks_and_answers_the_websites_preflight_only() {
    const FASTIFY: &str = r#""fastify": "4.29.1""#;
    assert_typechecks_with(FASTIFY, "Fastify", FASTIFY_APP, "");
    for module in [true, false] {
        run_with(FASTIFY, "Fastify", FASTIFY_APP, module, &[]);
    }
}

/// TypeScript compiled to CommonJS under verbatimModuleSyntax writes `import X = require`
/// and `export =`: both servers' files type-check there with an app that uses them.
#[test]
fn server_files_type_check_as_import_require() {
    for (dependency, framework, app) in [
        (
            EXPRESS,
            "Express",
            "import express = require(\"express\");\nimport st = require(\"./supertokens\");\n\nconst app = express();\napp.use(st.superTokensCors());\napp.use(st.middleware());\napp.use(st.errorHandler());\n",
        ),
        (
            r#""fastify": "4.29.1""#,
            "Fastify",
            "import Fastify = require(\"fastify\");\nimport st = require(\"./supertokens\");\n\nconst app = Fastify();\nvoid st.registerSuperTokens(app);\n",
        ),
        (
            r#""hono": "4.13.19""#,
            "Hono",
            "import hono = require(\"hono\");\nimport st = require(\"./supertokens\");\n\nconst app = new hono.Hono();\nst.registerSuperTokens(app);\n",
        ),
        (
            r#""koa": "3.3.0""#,
            "Koa",
            "import Koa = require(\"koa\");\nimport st = require(\"./supertokens\");\n\nconst app = new Koa();\napp.use(st.superTokensCors());\napp.use(st.middleware());\n",
        ),
    ] {
        let dir = project();
        let root = dir.path();
        server_project(root, false, dependency);
        fs::write(
            root.join("tsconfig.json"),
            r#"{ "compilerOptions": { "module": "nodenext", "target": "es2022", "strict": true, "noEmit": true, "skipLibCheck": true, "verbatimModuleSyntax": true }, "include": ["server"] }"#,
        )
        .unwrap();
        generate_for(root, "server/supertokens.ts", framework);
        let written = fs::read_to_string(root.join("server/supertokens.ts")).unwrap();
        assert!(written.contains("export = {"), "{written}");
        fs::write(root.join("server/app.ts"), app).unwrap();
        crate::common::assert_tsc(root, framework);
    }
}
