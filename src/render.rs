//! Renders the backend and frontend init files from the embedded handlebars templates.
//!
//! Every value lands in the output as a string literal of the file's language: handlebars'
//! escape function is replaced by JSON quoting for JavaScript and by `c_style_string` for
//! Python and Go, so `{{appName}}` cannot break out of its string whatever the user typed.
//! Strict mode makes a misspelt variable an error, not "".

use std::sync::OnceLock;

use handlebars::{Handlebars, Template};
use serde::Serialize;

use crate::recipe::{
    PASSWORDLESS_CONTACT, PASSWORDLESS_FLOW, PROVIDERS, Provider, Recipe, Recipes,
};
use crate::target::{Imports, Language, Target};

/// The values one file is rendered from: the same for every output of a setup.
#[derive(Debug, Clone)]
pub struct FileValues<'a> {
    pub app_name: &'a str,
    pub connection_uri: &'a str,
    /// `appInfo.apiBasePath` when it is not the SDKs' default `/auth`.
    pub api_base_path: Option<&'a str>,
    /// `appInfo.websiteBasePath` when answered.
    pub website_base_path: Option<&'a str>,
    /// The sign-in recipes beside Session.
    pub recipes: &'a Recipes,
    /// Header-based sessions (`tokenTransferMethod: "header"`).
    pub header: bool,
    /// At least one: the only one, without a name, in a setup without environments; the
    /// first is the one the files use when nothing names one at run time.
    pub environments: Vec<EnvValues>,
    /// The file's own code (outside the block) reads the list of websites, so the block
    /// keeps defining it even for one website.
    pub keep_websites_list: bool,
}

/// The values that differ between environments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvValues {
    pub name: Option<String>,
    pub api_domain: String,
    pub website_domain: String,
    /// Backend `cookieDomain` = frontend `sessionTokenBackendDomain`; absent for one host.
    pub cookie_domain: Option<String>,
    /// Set when the cookie domain of an existing setup changed (may be `""`).
    pub older_cookie_domain: Option<String>,
    /// Why the cookie domain is what it is: the analysis' own explanation.
    pub why: String,
    /// Header mode: API hosts on other sites than the auth API's, which the frontend
    /// adds the access token to by name.
    pub intercept_hosts: Vec<String>,
    /// More websites calling the APIs, beside `website_domain`: the backends answer the
    /// SDK's `origin` with the one a request comes from.
    pub other_websites: Vec<String>,
}

impl EnvValues {
    /// The website, then the other websites.
    fn websites(&self) -> Vec<&str> {
        std::iter::once(self.website_domain.as_str())
            .chain(self.other_websites.iter().map(String::as_str))
            .collect()
    }

    /// The values of a setup without environments.
    pub fn only(
        api_domain: &str,
        website_domain: &str,
        cookie_domain: Option<&str>,
        older_cookie_domain: Option<&str>,
        why: &str,
    ) -> EnvValues {
        EnvValues {
            name: None,
            api_domain: api_domain.to_owned(),
            website_domain: website_domain.to_owned(),
            cookie_domain: cookie_domain.map(str::to_owned),
            older_cookie_domain: older_cookie_domain.map(str::to_owned),
            why: why.to_owned(),
            intercept_hosts: Vec::new(),
            other_websites: Vec::new(),
        }
    }
}

/// One environment as the templates' table of environments shows it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EnvContext<'a> {
    name: &'a str,
    api_domain: &'a str,
    website_domain: &'a str,
    cookie_domain: Option<&'a str>,
    older_cookie_domain: Option<Wrapped<'a>>,
    why: Vec<String>,
    intercept_hosts: &'a [String],
    websites: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TemplateContext<'a> {
    kind: &'static str,
    comment: &'static str,
    cjs: bool,
    ts: bool,
    ts_require: bool,
    index_js: bool,
    framework_label: &'static str,
    /// Python's `framework=` and `mode=` arguments, as literals.
    framework_name: String,
    mode: String,
    package: &'a str,
    /// A FastAPI, Flask or Django service: its file also wires middleware and CORS.
    fastapi: bool,
    flask: bool,
    django: bool,
    /// A Next.js pages router project (the app router's templates, other comments).
    next_pages: bool,
    /// A React Native app: its environment is its build's (`__DEV__`).
    react_native: bool,
    /// supertokens-website's bundle, for a file a script tag loads after it.
    script_tag_bundle: &'static str,
    /// The hosted pre built UI bundle's URL, for a frontend of a component framework other
    /// than React.
    hosted_ui: Option<&'static str>,
    wiring: &'static [&'static str],
    /// Every environment, in a setup that has them (else empty, and the values below are
    /// the only ones).
    environments: Vec<EnvContext<'a>>,
    /// The environment used when nothing names one at run time, and how comments name it.
    default_environment: &'a str,
    default_environment_shown: String,
    /// "development, production", for messages.
    environment_names: String,
    /// Some environment names API hosts on other sites (header mode).
    intercepts: bool,
    /// Some environment has more than one website: the backends answer the SDK's origin
    /// from `websites` (`stWebsites`, `ST_WEBSITES`).
    origins: bool,
    /// This file reads the list of websites (`stWebsites`): a backend (the origin callback,
    /// CORS) or a pre built UI (its page's website).
    websites_list: bool,
    websites: Vec<&'a str>,
    app_name: &'a str,
    api_domain: &'a str,
    website_domain: &'a str,
    connection_uri: &'a str,
    cookie_domain: Option<&'a str>,
    header: bool,
    intercept_hosts: &'a [String],
    /// The fields of Go's `stSession`, aligned as gofmt aligns them.
    go_session_fields: Vec<String>,
    api_base_path: Option<&'a str>,
    website_base_path: Option<&'a str>,
    // An object, so that `{{#if}}` is true even for the empty string.
    older_cookie_domain: Option<Wrapped<'a>>,
    why: Vec<String>,
    older_why: Vec<String>,
    recipes: RecipeFlags,
    providers: &'static [Provider],
    passwordless_contact: &'static str,
    passwordless_flow: &'static str,
}

/// Which recipes a template initialises (`{{#if recipes.thirdParty}}`); `any` when at
/// least one: the block then imports and lists them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RecipeFlags {
    any: bool,
    email_password: bool,
    third_party: bool,
    passwordless: bool,
}

impl RecipeFlags {
    fn of(recipes: &Recipes) -> RecipeFlags {
        RecipeFlags {
            any: !recipes.is_empty(),
            email_password: recipes.contains(Recipe::EmailPassword),
            third_party: recipes.contains(Recipe::ThirdParty),
            passwordless: recipes.contains(Recipe::Passwordless),
        }
    }
}

#[derive(Serialize)]
struct Wrapped<'a> {
    value: &'a str,
}

/// SuperTokens' hosted pre built UI bundle, at the release create-supertokens-app's Vue and
/// Angular templates load (boilerplate/frontend/{vue,angular}): a build of
/// github.com/supertokens/prebuiltui, whose src/index.tsx defines the globals the
/// generated file calls.
/// supertokens-website's own bundle (its repository's bundle/bundle.js, which defines the
/// global `supertokens`), at the release the npm package in the tests is.
pub const SCRIPT_TAG_BUNDLE: &str =
    "https://cdn.jsdelivr.net/gh/supertokens/supertokens-website@v20.1.6/bundle/bundle.js";

const PREBUILT_UI_BUNDLE: &str =
    "https://cdn.jsdelivr.net/gh/supertokens/prebuiltui@v0.48.0/build/static/js/main.81589a39.js";

const OLDER_WHY: &str = "The cookie domain changed. For a year (the frontend's token cookie lives that long) the backend must also clear cookies set for the previous domain; remove olderCookieDomain after that.";

type Escape = fn(&str) -> String;

/// Pieces the templates share: the block's first lines, and the JavaScript blocks that
/// differ between frameworks only around them.
const PARTIALS: [(&str, &str); 17] = [
    (
        "js/environments",
        include_str!("../templates/js/environments.hbs"),
    ),
    ("js/import", include_str!("../templates/js/import.hbs")),
    ("js/websites", include_str!("../templates/js/websites.hbs")),
    (
        "js/website-domain",
        include_str!("../templates/js/website-domain.hbs"),
    ),
    (
        "js/frontend-access-token",
        include_str!("../templates/js/frontend-access-token.hbs"),
    ),
    (
        "js/backend-recipes",
        include_str!("../templates/js/backend-recipes.hbs"),
    ),
    (
        "js/frontend-custom-values",
        include_str!("../templates/js/frontend-custom-values.hbs"),
    ),
    ("block-begin", include_str!("../templates/block-begin.hbs")),
    (
        "js/backend-values",
        include_str!("../templates/js/backend-values.hbs"),
    ),
    (
        "js/frontend-prebuilt-values",
        include_str!("../templates/js/frontend-prebuilt-values.hbs"),
    ),
    (
        "js/frontend-prebuilt-imports",
        include_str!("../templates/js/frontend-prebuilt-imports.hbs"),
    ),
    (
        "js/frontend-prebuilt-recipes",
        include_str!("../templates/js/frontend-prebuilt-recipes.hbs"),
    ),
    (
        "js/frontend-custom-imports",
        include_str!("../templates/js/frontend-custom-imports.hbs"),
    ),
    (
        "js/frontend-custom-recipes",
        include_str!("../templates/js/frontend-custom-recipes.hbs"),
    ),
    (
        "js/frontend-header-mode",
        include_str!("../templates/js/frontend-header-mode.hbs"),
    ),
    (
        "js/backend-imports",
        include_str!("../templates/js/backend-imports.hbs"),
    ),
    (
        "js/frontend-hosted-ui",
        include_str!("../templates/js/frontend-hosted-ui.hbs"),
    ),
];

/// The templates, each with the string-literal escape of its language.
const TEMPLATES: [(&str, &str, Escape); 18] = [
    (
        "js/frontend-prebuilt-hosted",
        include_str!("../templates/js/frontend-prebuilt-hosted.hbs"),
        js_string,
    ),
    (
        "js/nextjs-pages-route",
        include_str!("../templates/js/nextjs-pages-route.hbs"),
        js_string,
    ),
    (
        "js/backend-nest",
        include_str!("../templates/js/backend-nest.hbs"),
        js_string,
    ),
    (
        "js/backend-hono",
        include_str!("../templates/js/backend-hono.hbs"),
        js_string,
    ),
    (
        "js/backend-koa",
        include_str!("../templates/js/backend-koa.hbs"),
        js_string,
    ),
    (
        "js/nextjs-auth-page",
        include_str!("../templates/js/nextjs-auth-page.hbs"),
        js_string,
    ),
    (
        "js/backend-fastify",
        include_str!("../templates/js/backend-fastify.hbs"),
        js_string,
    ),
    (
        "js/backend-express",
        include_str!("../templates/js/backend-express.hbs"),
        js_string,
    ),
    (
        "js/frontend-custom-nextjs",
        include_str!("../templates/js/frontend-custom-nextjs.hbs"),
        js_string,
    ),
    (
        "js/nextjs-route",
        include_str!("../templates/js/nextjs-route.hbs"),
        js_string,
    ),
    (
        "js/backend",
        include_str!("../templates/js/backend.hbs"),
        js_string,
    ),
    (
        "js/backend-nextjs",
        include_str!("../templates/js/backend-nextjs.hbs"),
        js_string,
    ),
    (
        "js/frontend-prebuilt-nextjs",
        include_str!("../templates/js/frontend-prebuilt-nextjs.hbs"),
        js_string,
    ),
    (
        "js/frontend-prebuilt",
        include_str!("../templates/js/frontend-prebuilt.hbs"),
        js_string,
    ),
    (
        "js/frontend-custom",
        include_str!("../templates/js/frontend-custom.hbs"),
        js_string,
    ),
    (
        "js/frontend-session-only",
        include_str!("../templates/js/frontend-session-only.hbs"),
        js_string,
    ),
    (
        "python/backend",
        include_str!("../templates/python/backend.hbs"),
        c_style_string,
    ),
    (
        "go/backend",
        include_str!("../templates/go/backend.hbs"),
        c_style_string,
    ),
];

/// What a setup renders beyond every setup's values: the partials only these need are
/// compiled only for them (compiling is most of a run's time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Features {
    environments: bool,
    header: bool,
    origins: bool,
}

impl Features {
    pub fn of(values: &FileValues) -> Features {
        Features {
            environments: values.environments[0].name.is_some(),
            header: values.header,
            origins: values.keep_websites_list
                || values
                    .environments
                    .iter()
                    .any(|env| !env.other_websites.is_empty()),
        }
    }

    /// The files define the list of websites (several, or code of the user's reads it).
    pub fn websites(self) -> bool {
        self.origins
    }

    /// Whether a setup with these features renders `partial` (the templates include these
    /// only under the same conditions).
    fn renders(self, partial: &str) -> bool {
        match partial {
            "js/environments" => self.environments,
            "js/websites" => self.origins,
            "js/frontend-header-mode" | "js/frontend-access-token" => self.header,
            _ => true,
        }
    }
}

/// One registry per template and set of features, made on first use from the compiled
/// texts it needs: a run renders few templates.
fn registry(name: &str, features: Features) -> &'static Handlebars<'static> {
    type Registries = Vec<((usize, Features), &'static Handlebars<'static>)>;
    static REGISTRIES: std::sync::Mutex<Registries> = std::sync::Mutex::new(Vec::new());
    let index = template_index(name);
    let mut registries = REGISTRIES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, registry)) = registries.iter().find(|(key, _)| *key == (index, features)) {
        return registry;
    }
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(TEMPLATES[index].2);
    for source in sources_of(index, features) {
        registry.register_template(self::source(source).0, compiled(source).clone());
    }
    let registry: &'static Handlebars<'static> = Box::leak(Box::new(registry));
    registries.push(((index, features), registry));
    registry
}

/// The texts template `index` needs compiled (as `source` indices): itself, and only the
/// partials it includes that a setup with `features` renders.
fn sources_of(index: usize, features: Features) -> Vec<usize> {
    let (name, text, _) = TEMPLATES[index];
    let partials = partials_of(text)
        .into_iter()
        .map(|(partial, _)| partial)
        .filter(|partial| features.renders(partial));
    std::iter::once(name)
        .chain(partials)
        .map(source_index)
        .collect()
}

fn template_index(name: &str) -> usize {
    TEMPLATES
        .iter()
        .position(|(n, _, _)| *n == name)
        .unwrap_or_else(|| panic!("no template {name}"))
}

/// Every text handlebars compiles: the templates, then the partials.
fn source(index: usize) -> (&'static str, &'static str) {
    match TEMPLATES.get(index) {
        Some(&(name, text, _)) => (name, text),
        None => PARTIALS[index - TEMPLATES.len()],
    }
}

fn source_index(name: &str) -> usize {
    (0..TEMPLATES.len() + PARTIALS.len())
        .find(|&i| source(i).0 == name)
        .unwrap_or_else(|| panic!("no template {name}"))
}

/// Each text compiled once, by whichever thread needs it first (the others wait for it).
fn compiled(index: usize) -> &'static Template {
    static COMPILED_SOURCES: [OnceLock<Template>; TEMPLATES.len() + PARTIALS.len()] =
        [const { OnceLock::new() }; TEMPLATES.len() + PARTIALS.len()];
    COMPILED_SOURCES[index].get_or_init(|| {
        let (name, text) = source(index);
        Template::compile_with_name(text, name.to_owned())
            .unwrap_or_else(|e| panic!("template {name} is invalid: {e}"))
    })
}

/// Starts compiling the templates named, and their partials, on every core, and returns
/// at once: `render` takes each as it is ready, and compiles itself what no thread has
/// started. Handlebars' parser spends thousands of instructions on each tag and locates
/// every token by counting from the text's start, so compiling is most of a run that
/// renders files; this way it is spread over the cores, and the run goes on planning
/// one file while the next one's templates compile.
pub fn start_compiling<'a>(names: impl IntoIterator<Item = &'a str>, features: Features) {
    let mut sources: Vec<usize> = names
        .into_iter()
        .flat_map(|name| sources_of(template_index(name), features))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    // The longest first, so that no thread is left with a long one at the end.
    sources.sort_by_key(|&i| std::cmp::Reverse(source(i).1.len()));
    let sources = std::sync::Arc::new(sources);
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for _ in 0..threads.min(sources.len()) {
        let (sources, next) = (sources.clone(), next.clone());
        // A thread that cannot start leaves its share to `render`.
        let _ = std::thread::Builder::new().spawn(move || {
            while let Some(&index) =
                sources.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
            {
                compiled(index);
            }
        });
    }
}

/// The partials `text` includes (`{{> name}}`), and theirs, each once.
fn partials_of(text: &str) -> Vec<(&'static str, &'static str)> {
    let mut found: Vec<(&str, &str)> = Vec::new();
    let mut pending = vec![text];
    while let Some(text) = pending.pop() {
        for (at, _) in text.match_indices("{{> ") {
            let rest = &text[at + 4..];
            let name = &rest[..rest.find([' ', '}']).unwrap_or(rest.len())];
            let partial = PARTIALS.iter().find(|(n, _)| *n == name);
            if let Some(&(name, partial)) = partial
                && !found.iter().any(|(n, _)| *n == name)
            {
                found.push((name, partial));
                pending.push(partial);
            }
        }
    }
    found
}

/// `Field: value,` lines of Go's `sessmodels.TypeInput`, the values padded to one column as
/// gofmt pads them (the longest key and its colon, then a space).
fn go_session_fields(values: &FileValues) -> Vec<String> {
    let first = &values.environments[0];
    // With environments, the one picked at run time holds them (nil where it has none).
    let named = first.name.is_some();
    let fields: Vec<(&str, &str)> = [
        (
            named || first.cookie_domain.is_some(),
            "CookieDomain",
            if named {
                "stEnvironment.cookieDomain"
            } else {
                "&stCookieDomain"
            },
        ),
        (
            named || first.older_cookie_domain.is_some(),
            "OlderCookieDomain",
            if named {
                "stEnvironment.olderCookieDomain"
            } else {
                "&stOlderCookieDomain"
            },
        ),
        (
            values.header,
            "GetTokenTransferMethod",
            "stGetTokenTransferMethod",
        ),
    ]
    .into_iter()
    .filter(|(wanted, _, _)| *wanted)
    .map(|(_, key, value)| (key, value))
    .collect();
    let width = fields
        .iter()
        .map(|(key, _)| key.len() + 1)
        .max()
        .unwrap_or(0);
    fields
        .into_iter()
        .map(|(key, value)| format!("{:<width$} {value},", format!("{key}:")))
        .collect()
}

fn env_context(env: &EnvValues) -> EnvContext<'_> {
    EnvContext {
        name: env.name.as_deref().unwrap_or_default(),
        api_domain: &env.api_domain,
        website_domain: &env.website_domain,
        cookie_domain: env.cookie_domain.as_deref(),
        older_cookie_domain: env
            .older_cookie_domain
            .as_deref()
            .map(|value| Wrapped { value }),
        why: comment_lines(&env.why),
        intercept_hosts: &env.intercept_hosts,
        websites: env.websites(),
    }
}

/// The text of `target`'s file for these values.
pub fn render(target: &Target, values: &FileValues) -> String {
    let syntax = target.syntax();
    let imports = syntax.map(|s| s.imports);
    let hosted_ui = matches!(target.language, Language::Js(_, f) if f.hosts_prebuilt_ui())
        && target.role == crate::target::Role::Frontend(crate::answers::Ui::Prebuilt);
    let (framework_label, framework_name, mode, package) = match &target.language {
        Language::Python(framework) => (
            framework.label(),
            c_style_string(framework.sdk_name()),
            c_style_string(framework.mode()),
            "",
        ),
        Language::Go(go) => (
            go.framework.label(),
            String::new(),
            String::new(),
            go.package.as_str(),
        ),
        Language::Js(_, framework) => (framework.label(), String::new(), String::new(), ""),
    };
    let name = target.template();
    let first = &values.environments[0];
    let context = TemplateContext {
        kind: target.tag(),
        comment: target.comment(),
        cjs: imports == Some(Imports::Require),
        ts: syntax.is_some_and(|s| s.ts),
        ts_require: imports == Some(Imports::TsRequire),
        index_js: syntax.is_some_and(|s| s.index_js),
        framework_label,
        framework_name,
        mode,
        package,
        fastapi: target.language == Language::Python(crate::target::PythonFramework::FastApi),
        flask: target.language == Language::Python(crate::target::PythonFramework::Flask),
        django: target.language == Language::Python(crate::target::PythonFramework::Django),
        next_pages: matches!(
            target.language,
            Language::Js(_, crate::target::JsFramework::NextPages)
        ),
        react_native: matches!(
            target.language,
            Language::Js(_, crate::target::JsFramework::ReactNative)
        ),
        script_tag_bundle: SCRIPT_TAG_BUNDLE,
        hosted_ui: hosted_ui.then_some(PREBUILT_UI_BUNDLE),
        wiring: target.wiring(),
        environments: match first.name {
            Some(_) => values.environments.iter().map(env_context).collect(),
            None => Vec::new(),
        },
        default_environment: first.name.as_deref().unwrap_or_default(),
        default_environment_shown: format!(
            "\"{}\" (the first)",
            first.name.as_deref().unwrap_or_default()
        ),
        environment_names: values
            .environments
            .iter()
            .filter_map(|env| env.name.as_deref())
            .collect::<Vec<_>>()
            .join(", "),
        intercepts: values
            .environments
            .iter()
            .any(|env| !env.intercept_hosts.is_empty()),
        origins: Features::of(values).origins,
        websites_list: Features::of(values).origins
            && match target.role {
                crate::target::Role::Backend => true,
                crate::target::Role::Frontend(ui) => {
                    hosted_ui
                        || ui == crate::answers::Ui::Prebuilt
                            && !matches!(target.language, Language::Js(_, f) if f.session_only())
                }
            },
        websites: first.websites(),
        app_name: values.app_name,
        api_domain: &first.api_domain,
        website_domain: &first.website_domain,
        connection_uri: values.connection_uri,
        cookie_domain: first.cookie_domain.as_deref(),
        header: values.header,
        intercept_hosts: &first.intercept_hosts,
        go_session_fields: go_session_fields(values),
        api_base_path: values.api_base_path,
        website_base_path: values.website_base_path,
        older_cookie_domain: first
            .older_cookie_domain
            .as_deref()
            .map(|value| Wrapped { value }),
        why: match first.name {
            Some(_) => {
                let names: Vec<&str> = values
                    .environments
                    .iter()
                    .filter_map(|env| env.name.as_deref())
                    .collect();
                comment_lines(&crate::findings::environments_comment(&names))
            }
            None => comment_lines(&first.why),
        },
        older_why: comment_lines(OLDER_WHY),
        recipes: RecipeFlags::of(values.recipes),
        providers: &PROVIDERS,
        passwordless_contact: PASSWORDLESS_CONTACT,
        passwordless_flow: PASSWORDLESS_FLOW,
    };
    registry(name, Features::of(values))
        .render(name, &context)
        .unwrap_or_else(|e| panic!("template {name} failed to render: {e}"))
}

/// Next.js's route handler for the auth routes, importing the backend module at
/// `backend_module` (a relative specifier): an app router `route.ts`, or with `pages` a
/// pages router API route serving everything under `api_base_path`.
pub fn nextjs_route(ts: bool, pages: bool, backend_module: &str, api_base_path: &str) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Route<'a> {
        ts: bool,
        backend_module: &'a str,
        api_base_path: &'a str,
    }
    let name = if pages {
        "js/nextjs-pages-route"
    } else {
        "js/nextjs-route"
    };
    let route = Route {
        ts,
        backend_module,
        api_base_path,
    };
    registry(name, Features::default())
        .render(name, &route)
        .unwrap_or_else(|e| panic!("template {name} failed to render: {e}"))
}

/// Next.js's page for the pre built UI's login pages (`router`: "app" or "pages"),
/// importing `PreBuiltUIList` from the frontend module at `frontend_module` (a relative
/// specifier).
pub fn nextjs_auth_page(router: &str, frontend_module: &str) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Page<'a> {
        router: &'a str,
        frontend_module: &'a str,
    }
    let name = "js/nextjs-auth-page";
    let page = Page {
        router,
        frontend_module,
    };
    registry(name, Features::default())
        .render(name, &page)
        .unwrap_or_else(|e| panic!("template {name} failed to render: {e}"))
}

/// A JavaScript string literal for any text: JSON escaping, plus U+2028/U+2029, which
/// older JavaScript engines take as line breaks inside a string.
pub fn js_string(value: &str) -> String {
    serde_json::to_string(value)
        .expect("a string serialises")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// A Python or Go string literal for any text: double quotes, backslash escapes for the
/// quote, the backslash and every character that is not plain to see (controls, line and
/// paragraph separators, zero-width and direction marks), so the literal stays on one line
/// and reads back byte for byte. Only escapes both languages read alike are used: `\xNN`
/// below 0x80 (in Go it is a byte), `\uNNNN` / `\UNNNNNNNN` above.
pub fn c_style_string(value: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x80 && (c.is_ascii_control()) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if crate::text::is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = match c as u32 {
                    n @ ..=0xFFFF => write!(out, "\\u{n:04x}"),
                    n => write!(out, "\\U{n:08x}"),
                };
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text wrapped for comment lines. Every line terminator (JavaScript's include U+2028 and
/// U+2029) and every other control or invisible character becomes a space, so no text can
/// end the comment early or put a character in it that a compiler refuses (Python and Go
/// take no NUL in a source file, Go no byte order mark after its start).
fn comment_lines(text: &str) -> Vec<String> {
    const WIDTH: usize = 86;
    let flat: String = text
        .chars()
        .map(|c| {
            if crate::text::is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in flat.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Ui;
    use crate::target::{Role, Syntax};

    /// A JavaScript ES module file for `role`.
    fn esm(role: Role) -> Target {
        target(role, Imports::Esm)
    }

    fn target(role: Role, imports: Imports) -> Target {
        Target::js(role, Syntax::javascript(imports))
    }

    fn values<'a>(app_name: &'a str, cookie_domain: Option<&'a str>) -> FileValues<'a> {
        FileValues {
            app_name,
            connection_uri: "http://localhost:3567",
            api_base_path: None,
            website_base_path: None,
            recipes: Box::leak(Box::new(Recipes::default_choice())),
            header: false,
            keep_websites_list: false,
            environments: vec![EnvValues::only(
                "https://api.example.com",
                "https://example.com",
                cookie_domain,
                None,
                "because",
            )],
        }
    }

    #[test]
    fn values_become_js_string_literals() {
        let out = render(
            &esm(Role::Backend),
            &values("a\"b\\c${x}\n\u{2028}</script>", None),
        );
        assert!(
            out.contains(r#"appName: "a\"b\\c${x}\n\u2028</script>","#),
            "{out}"
        );
    }

    #[test]
    fn one_host_renders_no_domain_options() {
        for role in [
            Role::Backend,
            Role::Frontend(Ui::Prebuilt),
            Role::Frontend(Ui::Custom),
        ] {
            let out = render(&esm(role), &values("A", None));
            assert!(
                !out.contains("cookieDomain") && !out.contains("sessionTokenBackendDomain"),
                "{out}"
            );
        }
    }

    #[test]
    fn backend_and_frontend_carry_the_same_domain() {
        let backend = render(&esm(Role::Backend), &values("A", Some(".example.com")));
        let frontend = render(
            &esm(Role::Frontend(Ui::Custom)),
            &values("A", Some(".example.com")),
        );
        assert!(backend.contains(r#"cookieDomain: ".example.com","#));
        assert!(frontend.contains(r#"sessionTokenBackendDomain: ".example.com","#));
        assert!(
            !frontend.contains("websiteDomain:"),
            "web-js takes no websiteDomain"
        );
    }

    #[test]
    fn empty_older_cookie_domain_is_still_written() {
        let mut v = values("A", Some(".example.com"));
        v.environments[0].older_cookie_domain = Some(String::new());
        let out = render(&esm(Role::Backend), &v);
        assert!(out.contains(r#"olderCookieDomain: "","#), "{out}");
    }

    #[test]
    fn comments_cannot_be_broken_out_of() {
        let lines = comment_lines("one\ntwo\u{2028}three");
        assert_eq!(lines, vec!["one two three"]);
        let long = "word ".repeat(40);
        assert!(comment_lines(&long).iter().all(|l| l.chars().count() <= 86));
    }

    #[test]
    fn commonjs_uses_require() {
        let out = render(
            &target(Role::Frontend(Ui::Prebuilt), Imports::Require),
            &values("A", None),
        );
        assert!(out.contains(r#"const SuperTokens = require("supertokens-auth-react");"#));
        assert!(!out.contains("import "));
    }
}
