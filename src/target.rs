//! What one output file is, and all that follows from it: the SDK it initialises, its
//! template, how it writes imports, comments and its managed block's markers, the
//! packages it needs and how its init calls are read back. A target is chosen from the
//! answers and the project's facts; adding a language or a framework means adding a case
//! here and a template under `templates/<language>/`.

use crate::answers::Ui;

/// Which of the two lists of outputs a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Backend,
    Frontend,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Side::Backend => "backend",
            Side::Frontend => "frontend",
        })
    }
}

/// What an output file is for: the backend, or a frontend with its login UI. Written into
/// the managed block's begin marker, so a re-run can tell one block from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Backend,
    Frontend(Ui),
}

impl Role {
    pub fn tag(self) -> &'static str {
        match self {
            Role::Backend => "backend",
            Role::Frontend(Ui::Prebuilt) => "frontend-prebuilt",
            Role::Frontend(Ui::Custom) => "frontend-custom",
        }
    }

    /// The list of outputs the file is in.
    pub fn side(self) -> Side {
        match self {
            Role::Backend => Side::Backend,
            Role::Frontend(_) => Side::Frontend,
        }
    }

    /// The question whose answer is this file's path.
    pub fn question(self) -> crate::answers::Question {
        match self {
            Role::Backend => crate::answers::Question::BackendOut,
            Role::Frontend(_) => crate::answers::Question::FrontendOut,
        }
    }

    /// The flag that names this file's path.
    pub fn out_flag(self) -> &'static str {
        match self {
            Role::Backend => "--backend-out",
            Role::Frontend(_) => "--frontend-out",
        }
    }

    /// What a person calls a file of this role, without its language.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Backend => "backend",
            Role::Frontend(Ui::Prebuilt) => "frontend (pre built UI)",
            Role::Frontend(Ui::Custom) => "frontend (custom UI)",
        }
    }
}

/// How a generated file writes its imports so that it compiles and runs where it lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax {
    /// TypeScript: values are checked against the SDK's option types with `satisfies`.
    pub ts: bool,
    pub imports: Imports,
    /// Deep imports of packages without an "exports" map need their file named
    /// (`…/recipe/session/index.js`) where Node's own resolution applies (tsc node16 /
    /// nodenext in an ES module).
    pub index_js: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imports {
    /// `import X from "…"`.
    Esm,
    /// `const X = require("…")`: JavaScript that Node runs as CommonJS.
    Require,
    /// `import X = require("…")`: TypeScript compiled to CommonJS under
    /// `verbatimModuleSyntax`, where tsc refuses ES imports (TS1286, TS1295).
    TsRequire,
}

impl Syntax {
    /// TypeScript as a bundler sees it (and tsc, unless a tsconfig.json says otherwise).
    pub const TYPESCRIPT: Syntax = Syntax {
        ts: true,
        imports: Imports::Esm,
        index_js: false,
    };

    /// JavaScript with these imports.
    pub const fn javascript(imports: Imports) -> Syntax {
        Syntax {
            ts: false,
            imports,
            index_js: false,
        }
    }
}

/// The language of an output file, with what decides how it is written: the module format
/// for JavaScript, the web framework for Python and Go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Language {
    Js(Syntax, JsFramework),
    Python(PythonFramework),
    Go(GoSetup),
}

/// What a JavaScript or TypeScript file runs in, where that changes the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsFramework {
    /// Node (any server framework the SDK's default, express-style, middleware fits) or a
    /// browser bundle.
    Plain,
    /// A Next.js app router project: the backend is initialised on demand in route
    /// handlers (`framework: "custom"`, serverless), the frontend only in the browser.
    NextApp,
    /// A Next.js pages router project: the same, with API routes of Node requests
    /// (`framework: "express"` and the SDK's Next.js wrapper).
    NextPages,
    /// An Express server: CORS for the website, the SDK's middleware and error handler.
    Express,
    /// A Fastify server: the same, as Fastify plugins.
    Fastify,
    /// A Koa server: CORS for the website and the SDK's middleware (which also answers
    /// its errors).
    Koa,
    /// A NestJS app (on Express): CORS for the website, the SDK's middleware, and an
    /// exception filter for its errors.
    Nest,
    /// A Hono app: CORS for the website, and the SDK's handler of web-standard requests
    /// under the API base path (`framework: "custom"`).
    Hono,
    /// A Vue app: supertokens-web-js for its pages, and for the pre built UI SuperTokens'
    /// hosted bundle (a React app of its own) drawing the login pages on one of them.
    Vue,
    /// An Angular app, the same way.
    Angular,
    /// A Svelte app, the same way.
    Svelte,
    /// A React Native app: supertokens-react-native, one init call for the session; its
    /// screens are the login UI (no pre built UI runs there).
    ReactNative,
    /// A page without a bundler: a classic script loaded after supertokens-website's own
    /// bundle, which defines the global `supertokens` (session only, like React Native).
    ScriptTag,
}

impl JsFramework {
    /// A Next.js project, either router.
    pub fn is_next(self) -> bool {
        matches!(self, JsFramework::NextApp | JsFramework::NextPages)
    }

    /// A component framework other than React: the pre built UI comes from SuperTokens'
    /// hosted bundle, which draws supertokens-auth-react into one element of the page.
    pub fn hosts_prebuilt_ui(self) -> bool {
        matches!(
            self,
            JsFramework::Vue | JsFramework::Angular | JsFramework::Svelte
        )
    }

    /// A framework whose files are frontends only.
    pub fn is_frontend_only(self) -> bool {
        self.hosts_prebuilt_ui() || self.session_only()
    }

    /// A frontend whose SDK is the session alone, configured by one flat init call:
    /// supertokens-react-native, supertokens-website.
    pub fn session_only(self) -> bool {
        matches!(self, JsFramework::ReactNative | JsFramework::ScriptTag)
    }

    /// A server framework: its wiring is a backend's only.
    pub fn is_server(self) -> bool {
        matches!(
            self,
            JsFramework::Express
                | JsFramework::Fastify
                | JsFramework::Koa
                | JsFramework::Hono
                | JsFramework::Nest
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            JsFramework::Plain => "Node",
            JsFramework::Express => "Express",
            JsFramework::Fastify => "Fastify",
            JsFramework::Koa => "Koa",
            JsFramework::Hono => "Hono",
            JsFramework::Nest => "NestJS",
            JsFramework::NextApp => "Next.js app router",
            JsFramework::NextPages => "Next.js pages router",
            JsFramework::Vue => "Vue",
            JsFramework::Angular => "Angular",
            JsFramework::Svelte => "Svelte",
            JsFramework::ReactNative => "React Native",
            JsFramework::ScriptTag => "script tag",
        }
    }
}

/// The frameworks supertokens-python integrates with; the init call names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PythonFramework {
    FastApi,
    Flask,
    Django,
}

/// The routers a Go service uses supertokens-golang's middleware with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoFramework {
    NetHttp,
    Gin,
    Chi,
    Echo,
}

/// A Go file's package clause and router.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoSetup {
    pub package: String,
    pub framework: GoFramework,
}

/// A framework named by hand after an output path (`config.py@flask`), over what the
/// project's manifests say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framework {
    Js(JsFramework),
    Python(PythonFramework),
    Go(GoFramework),
}

impl Framework {
    pub const ALL: [Framework; 20] = [
        Framework::Js(JsFramework::Plain),
        Framework::Js(JsFramework::Express),
        Framework::Js(JsFramework::Fastify),
        Framework::Js(JsFramework::Koa),
        Framework::Js(JsFramework::Hono),
        Framework::Js(JsFramework::Nest),
        Framework::Js(JsFramework::NextApp),
        Framework::Js(JsFramework::NextPages),
        Framework::Js(JsFramework::Vue),
        Framework::Js(JsFramework::Angular),
        Framework::Js(JsFramework::Svelte),
        Framework::Js(JsFramework::ReactNative),
        Framework::Js(JsFramework::ScriptTag),
        Framework::Python(PythonFramework::FastApi),
        Framework::Python(PythonFramework::Flask),
        Framework::Python(PythonFramework::Django),
        Framework::Go(GoFramework::NetHttp),
        Framework::Go(GoFramework::Gin),
        Framework::Go(GoFramework::Chi),
        Framework::Go(GoFramework::Echo),
    ];

    /// The name written after `@`.
    pub fn name(self) -> &'static str {
        match self {
            Framework::Js(JsFramework::Plain) => "node",
            Framework::Js(JsFramework::Express) => "express",
            Framework::Js(JsFramework::Fastify) => "fastify",
            Framework::Js(JsFramework::Koa) => "koa",
            Framework::Js(JsFramework::Hono) => "hono",
            Framework::Js(JsFramework::Nest) => "nestjs",
            Framework::Js(JsFramework::NextApp) => "nextjs",
            Framework::Js(JsFramework::NextPages) => "nextjs-pages",
            Framework::Js(JsFramework::Vue) => "vue",
            Framework::Js(JsFramework::Angular) => "angular",
            Framework::Js(JsFramework::Svelte) => "svelte",
            Framework::Js(JsFramework::ReactNative) => "react-native",
            Framework::Js(JsFramework::ScriptTag) => "script-tag",
            Framework::Python(PythonFramework::FastApi) => "fastapi",
            Framework::Python(PythonFramework::Flask) => "flask",
            Framework::Python(PythonFramework::Django) => "django",
            Framework::Go(GoFramework::NetHttp) => "net/http",
            Framework::Go(GoFramework::Gin) => "gin",
            Framework::Go(GoFramework::Chi) => "chi",
            Framework::Go(GoFramework::Echo) => "echo",
        }
    }

    pub fn parse(name: &str) -> Option<Framework> {
        let name = name.to_ascii_lowercase();
        let name = match name.as_str() {
            "nethttp" | "http" => "net/http",
            "next" | "next.js" => "nextjs",
            _ => &name,
        };
        Framework::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The names of the frameworks of the language files with `extension` are in.
    pub fn names_for(extension: &str) -> Vec<&'static str> {
        Framework::ALL
            .into_iter()
            .filter(|f| f.fits(extension))
            .map(Framework::name)
            .collect()
    }

    /// The framework's own name for itself: "FastAPI".
    pub fn label(self) -> &'static str {
        match self {
            Framework::Js(framework) => framework.label(),
            Framework::Python(framework) => framework.label(),
            Framework::Go(framework) => framework.label(),
        }
    }

    /// Whether a file with `extension` can be in this framework.
    fn fits(self, extension: &str) -> bool {
        match self {
            // A script tag loads JavaScript as it is.
            Framework::Js(JsFramework::ScriptTag) => extension == "js",
            Framework::Js(_) => extensions(Side::Frontend).contains(&extension),
            Framework::Python(_) => extension == "py",
            Framework::Go(_) => extension == "go",
        }
    }
}

impl PythonFramework {
    /// What `init(framework=…)` takes.
    pub fn sdk_name(self) -> &'static str {
        match self {
            PythonFramework::FastApi => "fastapi",
            PythonFramework::Flask => "flask",
            PythonFramework::Django => "django",
        }
    }

    /// The framework's package on PyPI, as a manifest names it.
    pub fn distribution(self) -> &'static str {
        self.sdk_name()
    }

    pub fn label(self) -> &'static str {
        match self {
            PythonFramework::FastApi => "FastAPI",
            PythonFramework::Flask => "Flask",
            PythonFramework::Django => "Django",
        }
    }

    /// `init(mode=…)`: how the framework serves requests.
    pub fn mode(self) -> &'static str {
        match self {
            PythonFramework::FastApi => "asgi",
            PythonFramework::Flask | PythonFramework::Django => "wsgi",
        }
    }
}

impl GoFramework {
    pub fn label(self) -> &'static str {
        match self {
            GoFramework::NetHttp => "net/http",
            GoFramework::Gin => "Gin",
            GoFramework::Chi => "chi",
            GoFramework::Echo => "Echo",
        }
    }
}

/// The extensions of the files st-setup writes for `side`; the extension decides the
/// language.
pub fn extensions(side: Side) -> &'static [&'static str] {
    match side {
        Side::Backend => &[
            "ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs", "py", "go",
        ],
        Side::Frontend => &["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"],
    }
}

/// Splits a framework named by hand off an output path: `app/config.py@flask` is the
/// path `app/config.py` with Flask. Text after the last `@` that is no framework is part
/// of the path.
pub fn split_framework(path: &std::path::Path) -> (&std::path::Path, Option<Framework>) {
    let Some(text) = path.to_str() else {
        return (path, None);
    };
    match text.rsplit_once('@') {
        Some((before, name)) => match Framework::parse(name) {
            Some(framework) => (std::path::Path::new(before), Some(framework)),
            None => (path, None),
        },
        None => (path, None),
    }
}

/// One output file's target: its role and its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub role: Role,
    pub language: Language,
}

impl Target {
    /// A JavaScript or TypeScript file of `role`.
    pub fn js(role: Role, syntax: Syntax) -> Target {
        Target {
            role,
            language: Language::Js(syntax, JsFramework::Plain),
        }
    }

    /// The template, as registered: `<language>/<role>`.
    pub fn template(&self) -> &'static str {
        match (&self.language, self.role) {
            (Language::Python(_), _) => "python/backend",
            (Language::Go(_), _) => "go/backend",
            (Language::Js(_, f), Role::Backend) if f.is_next() => "js/backend-nextjs",
            (Language::Js(_, JsFramework::Express), Role::Backend) => "js/backend-express",
            (Language::Js(_, JsFramework::Fastify), Role::Backend) => "js/backend-fastify",
            (Language::Js(_, JsFramework::Koa), Role::Backend) => "js/backend-koa",
            (Language::Js(_, JsFramework::Hono), Role::Backend) => "js/backend-hono",
            (Language::Js(_, JsFramework::Nest), Role::Backend) => "js/backend-nest",
            (Language::Js(_, f), Role::Frontend(_)) if f.session_only() => {
                "js/frontend-session-only"
            }
            (Language::Js(_, f), Role::Frontend(Ui::Prebuilt)) if f.is_next() => {
                "js/frontend-prebuilt-nextjs"
            }
            (Language::Js(_, f), Role::Frontend(Ui::Custom)) if f.is_next() => {
                "js/frontend-custom-nextjs"
            }
            (Language::Js(..), Role::Backend) => "js/backend",
            (Language::Js(_, f), Role::Frontend(Ui::Prebuilt)) if f.hosts_prebuilt_ui() => {
                "js/frontend-prebuilt-hosted"
            }
            (Language::Js(..), Role::Frontend(Ui::Prebuilt)) => "js/frontend-prebuilt",
            (Language::Js(..), Role::Frontend(Ui::Custom)) => "js/frontend-custom",
        }
    }

    /// The tag of the file's block: its role's, but a React Native app's whatever the UI
    /// (it has one file for either).
    pub fn tag(&self) -> &'static str {
        match (&self.language, self.role) {
            (Language::Js(_, JsFramework::ReactNative), Role::Frontend(_)) => {
                "frontend-react-native"
            }
            (Language::Js(_, JsFramework::ScriptTag), Role::Frontend(_)) => "frontend-script-tag",
            (_, role) => role.tag(),
        }
    }

    /// The SDK the file initialises.
    pub fn sdk(&self) -> &'static str {
        match (&self.language, self.role) {
            (Language::Python(_), _) => "supertokens-python",
            (Language::Go(_), _) => "supertokens-golang",
            (Language::Js(..), Role::Backend) => "supertokens-node",
            (Language::Js(_, JsFramework::ReactNative), Role::Frontend(_)) => {
                "supertokens-react-native"
            }
            (Language::Js(_, JsFramework::ScriptTag), Role::Frontend(_)) => "supertokens-website",
            // The pre built UI's own supertokens-auth-react comes in the hosted bundle.
            (Language::Js(_, f), Role::Frontend(Ui::Prebuilt)) if f.hosts_prebuilt_ui() => {
                "supertokens-web-js"
            }
            (Language::Js(..), Role::Frontend(Ui::Prebuilt)) => "supertokens-auth-react",
            (Language::Js(..), Role::Frontend(Ui::Custom)) => "supertokens-web-js",
        }
    }

    /// The packages this file imports, with the peers they need, as its package manager
    /// names them.
    pub fn packages(&self) -> &'static [&'static str] {
        match (&self.language, self.role) {
            (Language::Python(PythonFramework::Flask), _) => &["supertokens-python", "flask-cors"],
            (Language::Python(PythonFramework::Django), _) => {
                &["supertokens-python", "django-cors-headers"]
            }
            (Language::Python(_), _) => &["supertokens-python"],
            (Language::Go(_), _) => &["github.com/supertokens/supertokens-golang"],
            (Language::Js(syntax, JsFramework::Express), Role::Backend) => {
                if syntax.ts {
                    &["supertokens-node", "cors", "@types/cors"]
                } else {
                    &["supertokens-node", "cors"]
                }
            }
            (Language::Js(_, JsFramework::Fastify), Role::Backend) => {
                &["supertokens-node", "@fastify/cors", "@fastify/formbody"]
            }
            (Language::Js(_, JsFramework::Hono), Role::Backend) => &["supertokens-node", "hono"],
            (Language::Js(_, JsFramework::Nest), Role::Backend) => &["supertokens-node"],
            (Language::Js(syntax, JsFramework::Koa), Role::Backend) => {
                if syntax.ts {
                    &["supertokens-node", "@koa/cors", "@types/koa__cors"]
                } else {
                    &["supertokens-node", "@koa/cors"]
                }
            }
            (Language::Js(..), Role::Backend) => &["supertokens-node"],
            // Where it keeps the tokens; and axios, which the SDK names as a peer.
            (Language::Js(_, JsFramework::ReactNative), Role::Frontend(_)) => &[
                "supertokens-react-native",
                "@react-native-async-storage/async-storage",
            ],
            // It comes from the CDN, by its script tag.
            (Language::Js(_, JsFramework::ScriptTag), Role::Frontend(_)) => &[],
            (Language::Js(_, f), Role::Frontend(Ui::Prebuilt)) if f.hosts_prebuilt_ui() => {
                &["supertokens-web-js"]
            }
            (Language::Js(..), Role::Frontend(Ui::Prebuilt)) => &[
                "supertokens-auth-react",
                "supertokens-web-js",
                "react",
                "react-dom",
            ],
            (Language::Js(..), Role::Frontend(Ui::Custom)) => &["supertokens-web-js"],
        }
    }

    /// The framework, for the languages that name one.
    pub fn framework(&self) -> Option<Framework> {
        match &self.language {
            Language::Js(_, JsFramework::Plain) => None,
            Language::Js(_, framework) => Some(Framework::Js(*framework)),
            Language::Python(framework) => Some(Framework::Python(*framework)),
            Language::Go(go) => Some(Framework::Go(go.framework)),
        }
    }

    /// What a person calls this file: "backend (supertokens-python, FastAPI)".
    pub fn describe(&self) -> String {
        let framework = match &self.language {
            Language::Python(framework) => format!(", {}", framework.label()),
            Language::Go(go) => format!(", {}", go.framework.label()),
            Language::Js(_, framework) => {
                // A server framework's wiring is a backend's only.
                let next = match framework {
                    JsFramework::Plain => String::new(),
                    f if f.is_server() && self.role != Role::Backend => String::new(),
                    f => format!(", {}", f.label()),
                };
                let ui = match self.role {
                    // The app's own screens are its login UI.
                    Role::Frontend(_) if framework.session_only() => "",
                    Role::Frontend(Ui::Prebuilt) => ", pre built UI",
                    Role::Frontend(Ui::Custom) => ", custom UI",
                    Role::Backend => "",
                };
                format!("{next}{ui}")
            }
        };
        let side = match self.role {
            Role::Backend => "backend",
            Role::Frontend(_) => "frontend",
        };
        format!("{side} ({}{framework})", self.sdk())
    }

    /// The SDK and how the file is written, for a row that names the file:
    /// "supertokens-python · FastAPI", "supertokens-node · JavaScript (CommonJS)".
    pub fn summary(&self) -> String {
        let how = match &self.language {
            Language::Python(framework) => framework.label().to_owned(),
            Language::Go(go) => format!("{} · package {}", go.framework.label(), go.package),
            Language::Js(syntax, framework) => {
                let language = match (syntax.ts, syntax.imports) {
                    (true, Imports::TsRequire) => "TypeScript (import = require)",
                    (true, _) => "TypeScript",
                    (false, Imports::Require) => "JavaScript (CommonJS)",
                    (false, _) => "JavaScript (ES module)",
                };
                match framework {
                    JsFramework::Plain => language.to_owned(),
                    f => format!("{} · {language}", f.label()),
                }
            }
        };
        format!("{} · {how}", self.sdk())
    }

    /// What starts a line comment in this language.
    pub fn comment(&self) -> &'static str {
        match self.language {
            Language::Python(_) => "#",
            Language::Js(..) | Language::Go(_) => "//",
        }
    }

    /// The line that opens st-setup's block, before its tag: `// st-setup:begin`.
    pub fn begin_marker(&self) -> String {
        format!("{} st-setup:begin", self.comment())
    }

    /// The line that closes st-setup's block: `// st-setup:end`.
    pub fn end_marker(&self) -> String {
        format!("{} st-setup:end", self.comment())
    }

    /// How the service hands its requests to the SDK, as comment lines above the init call.
    pub fn wiring(&self) -> &'static [&'static str] {
        match &self.language {
            Language::Python(PythonFramework::FastApi) => &[
                "Then call add_supertokens(app) (below) on your FastAPI app: the SDK's routes, and",
                "CORS for the website.",
            ],
            Language::Python(PythonFramework::Flask) => &[
                "Then call add_supertokens(app) (below) on your Flask app, before your routes: the",
                "SDK's routes, and CORS for the website (pip install flask-cors).",
            ],
            Language::Python(PythonFramework::Django) => &[
                "Then, at the end of settings.py, call add_supertokens(globals()) (below): the",
                "SDK's middleware, and CORS for the website (pip install django-cors-headers).",
            ],
            Language::Go(go) => match go.framework {
                GoFramework::NetHttp => &[
                    "Serve your handler through it: http.ListenAndServe(addr, WithSuperTokens(mux)).",
                ],
                GoFramework::Chi => &["With chi, before your routes: r.Use(WithSuperTokens)."],
                GoFramework::Echo => {
                    &["With Echo, before your routes: e.Use(echo.WrapMiddleware(WithSuperTokens))."]
                }
                GoFramework::Gin => &[
                    "With gin, wrap the engine: http.ListenAndServe(addr, WithSuperTokens(router)), so",
                    "the SDK answers its routes and CORS before gin routes the rest.",
                ],
            },
            Language::Js(..) => &[],
        }
    }

    /// The JavaScript syntax, for the files oxc reads.
    pub fn syntax(&self) -> Option<Syntax> {
        match self.language {
            Language::Js(syntax, _) => Some(syntax),
            _ => None,
        }
    }
}

impl Syntax {
    /// How oxc reads a file of this syntax back: TypeScript, an ES module or a CommonJS
    /// script.
    pub fn source_type(self) -> oxc_span::SourceType {
        match (self.ts, self.imports) {
            (true, _) => oxc_span::SourceType::ts(),
            (false, Imports::Require) => oxc_span::SourceType::cjs(),
            (false, _) => oxc_span::SourceType::mjs(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_framework_after_the_path_is_split_off() {
        assert_eq!(
            split_framework(Path::new("app/config.py@Flask")),
            (
                Path::new("app/config.py"),
                Some(Framework::Python(PythonFramework::Flask))
            )
        );
        assert_eq!(
            split_framework(Path::new("svc/st.go@net/http")).1,
            Some(Framework::Go(GoFramework::NetHttp))
        );
        // An `@` that names no framework belongs to the path.
        assert_eq!(
            split_framework(Path::new("@scope/x.ts")),
            (Path::new("@scope/x.ts"), None)
        );
        assert_eq!(
            split_framework(Path::new("a@b/x.py")),
            (Path::new("a@b/x.py"), None)
        );
    }

    #[test]
    fn every_framework_name_reads_back() {
        for framework in Framework::ALL {
            assert_eq!(Framework::parse(framework.name()), Some(framework));
        }
        assert_eq!(Framework::names_for("py"), ["fastapi", "flask", "django"]);
        assert_eq!(
            Framework::names_for("tsx"),
            [
                "node",
                "express",
                "fastify",
                "koa",
                "hono",
                "nestjs",
                "nextjs",
                "nextjs-pages",
                "vue",
                "angular",
                "svelte",
                "react-native"
            ]
        );
        assert!(Framework::names_for("js").contains(&"script-tag"));
        assert_eq!(
            Framework::parse("Next.js"),
            Some(Framework::Js(JsFramework::NextApp))
        );
    }
}
