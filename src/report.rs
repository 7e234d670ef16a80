//! Plain-text reports of an analysis and a plan, for `domain`, `--yes` runs, `check` and
//! the line-prompt mode. The words come from the findings; this only lays them out.

use std::fmt::Write as _;
use std::path::Path;

use crate::analysis::Analysis;
use crate::findings::Severity;
use crate::generate::Outcome;
use crate::plan::Change;
use crate::target::{JsFramework, Language, PythonFramework, Side};
use crate::text;

/// The width to wrap text for stdout: the terminal's, or `None` (no wrapping) for a pipe
/// or a file, where a line per finding reads and greps better.
pub fn width_of_stdout() -> Option<usize> {
    width_of(&std::io::stdout())
}

/// As `width_of_stdout`, for stderr.
pub fn width_of_stderr() -> Option<usize> {
    width_of(&std::io::stderr())
}

fn width_of(stream: &impl std::io::IsTerminal) -> Option<usize> {
    stream.is_terminal().then(terminal_width).flatten()
}

fn terminal_width() -> Option<usize> {
    crossterm::terminal::size()
        .ok()
        .map(|(columns, _)| usize::from(columns).max(40))
}

/// `line` wrapped to `width` (if any), continuation lines indented by `indent` columns.
pub fn wrapped_line(line: &str, width: Option<usize>, indent: usize) -> String {
    let Some(width) = width else {
        return format!("{line}\n");
    };
    let pad = " ".repeat(indent);
    let options = textwrap::Options::new(width)
        .subsequent_indent(&pad)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    textwrap::wrap(line, options)
        .iter()
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The two lines that must match, then every endpoint and every finding; findings wrapped
/// to `width` when it is given (a terminal).
pub fn analysis(analysis: &Analysis, width: Option<usize>) -> String {
    let mut out = String::new();
    let quoted = |v: &Option<String>| match v {
        Some(v) => format!("\"{v}\""),
        None => "(none)".to_owned(),
    };
    if let Some(name) = &analysis.environment {
        let _ = writeln!(out, "Environment \"{name}\"");
    }
    if analysis.has_errors() {
        let _ = writeln!(out, "No working setup yet: fix the errors below.");
    } else {
        let (backend_mode, frontend_mode) = crate::findings::session_mode_options(analysis.header);
        let _ = writeln!(
            out,
            "backend   Session.init({{ {backend_mode}cookieDomain: {} }})",
            quoted(&analysis.cookie_domain)
        );
        let _ = writeln!(
            out,
            "frontend  Session.init({{ {frontend_mode}sessionTokenBackendDomain: {} }})",
            quoted(&analysis.cookie_domain)
        );
        if !analysis.other_site_hosts.is_empty() {
            let _ = writeln!(
                out,
                "          and the hosts on other sites: {}",
                analysis.other_site_hosts.join(", ")
            );
        }
        let _ = writeln!(out, "appInfo.apiDomain: {}", quoted(&analysis.api_domain));
        if !analysis.other_websites.is_empty() {
            let websites: Vec<String> = analysis
                .website
                .iter()
                .chain(&analysis.other_websites)
                .map(|w| format!("\"{}\"", w.origin()))
                .collect();
            let _ = writeln!(
                out,
                "appInfo.origin: the website a request comes from, among {}",
                websites.join(", ")
            );
        }
    }
    if !analysis.endpoints.is_empty() {
        let _ = writeln!(out, "\nEndpoints");
        let rows: Vec<[String; 4]> = analysis
            .endpoints
            .iter()
            .map(|report| endpoint_row(analysis, report))
            .collect();
        let column =
            |i: usize| column_width(&rows.iter().map(|r| r[i].as_str()).collect::<Vec<_>>());
        let (input_width, origin_width) = (column(1), column(2));
        for [mark, input, origin, site] in &rows {
            // A value too long for its column gets a line of its own, so one long row
            // cannot push every other row's columns out of line.
            let origin = if site.is_empty() {
                origin.clone()
            } else {
                format!("{}  {site}", text::pad(origin, origin_width))
            };
            if text::width(input) > input_width {
                let _ = writeln!(out, "  {mark} {input}");
                let _ = writeln!(out, "    {}  →  {origin}", text::pad("", input_width));
            } else {
                let _ = writeln!(
                    out,
                    "  {mark} {}  →  {origin}",
                    text::pad(input, input_width)
                );
            }
        }
    }
    if !analysis.findings.is_empty() {
        let _ = writeln!(out, "\nFindings");
        for finding in &analysis.findings {
            let line = format!(
                "  {} {} [{}]: {}",
                finding.severity.mark(),
                finding.severity.as_str(),
                finding.code.as_str(),
                finding.message
            );
            out.push_str(&wrapped_line(&line, width, 4));
        }
    }
    out
}

/// The widest a table column grows before longer values get a line of their own.
const COLUMN_MAX: usize = 40;

/// The width of a column holding `values`: the widest one that fits `COLUMN_MAX`.
fn column_width(values: &[&str]) -> usize {
    values
        .iter()
        .map(|v| text::width(v))
        .filter(|w| *w <= COLUMN_MAX)
        .max()
        .unwrap_or(0)
}

/// Mark, input as shown, origin, and site (with the apiDomain remark) of one endpoint.
fn endpoint_row(analysis: &Analysis, report: &crate::analysis::EndpointReport) -> [String; 4] {
    let mark = match analysis.worst_for(&report.input) {
        _ if report.parsed.is_none() => "✗",
        Some(Severity::Error) => "✗",
        Some(Severity::Warning) => "!",
        _ => "✓",
    };
    let input = text::shown(&report.input);
    let Some(endpoint) = &report.parsed else {
        return [
            mark.to_owned(),
            input,
            "not a usable URL".to_owned(),
            String::new(),
        ];
    };
    let origin = endpoint.origin();
    let site = report
        .registrable_domain
        .as_deref()
        .unwrap_or(&endpoint.host);
    let api = if analysis.api_domain.as_deref() == Some(origin.as_str()) {
        format!("  (apiDomain, serves {})", analysis.auth_routes())
    } else {
        String::new()
    };
    [mark.to_owned(), input, origin, format!("site {site}{api}")]
}

/// One line per file: what happens to it.
pub fn plan(outcome: &Outcome, dry_run: bool) -> String {
    let mut out = String::new();
    let verbs: Vec<&str> = outcome
        .files
        .iter()
        .map(|file| match (file.change, dry_run) {
            (Change::Unchanged, _) => "unchanged",
            (Change::Create, false) => "created",
            (Change::Create, true) => "create",
            (Change::Update, false) => "updated",
            (Change::Update, true) => "update",
            (Change::Replace, false) => "replaced",
            (Change::Replace, true) => "replace",
        })
        .collect();
    let verb_width = verbs.iter().map(|v| v.len()).max().unwrap_or(0);
    let paths: Vec<String> = outcome
        .files
        .iter()
        .map(|f| text::shown(&f.display.display().to_string()))
        .collect();
    let path_width = column_width(&paths.iter().map(String::as_str).collect::<Vec<_>>());
    for ((file, verb), path) in outcome.files.iter().zip(verbs).zip(&paths) {
        let what = match &file.target {
            Some(target) => target.describe(),
            None if file.glue => "glue the framework needs (yours from now on)".to_owned(),
            None => "st-setup's answers".to_owned(),
        };
        let backup = match &file.replaced {
            Some(replaced) => format!(" (old file kept as {})", replaced.backup.display()),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "  {verb:verb_width$}  {}  {what}{backup}",
            text::pad(path, path_width)
        );
    }
    out
}

/// The files of a run, for "Nothing to change: a, b and c are up to date."
pub fn names(outcome: &Outcome) -> String {
    let names: Vec<String> = outcome
        .files
        .iter()
        .filter(|f| f.target.is_some())
        .map(|f| text::shown(&f.display.display().to_string()))
        .collect();
    text::join(names.into_iter())
}

/// What to do after files were written: install the SDKs with the project's own package
/// manager, import each new file where it is needed, set what the backends read from the
/// environment. Empty when there is nothing to do.
pub fn next_steps(outcome: &Outcome, project: &Path) -> String {
    let mut out = String::new();
    for (folder, command) in install_commands(outcome, project) {
        if folder.as_os_str().is_empty() {
            let _ = writeln!(out, "Install: {command}");
        } else {
            let _ = writeln!(out, "Install (in {}): {command}", folder.display());
        }
    }
    // How each kind of file is put to work: most are imported once; a Go file's init()
    // runs in the binary its package is built into; Next.js initialises on demand.
    #[derive(PartialEq)]
    enum Use {
        Import(Side),
        PythonApp,
        DjangoSettings,
        GoBuild,
        NextBackend,
        NextFrontend,
        NextCustomFrontend,
        PagesFrontend,
        PagesCustomFrontend,
        HostedUiFrontend,
        ReactNativeFrontend,
        ScriptTagFrontend,
        ExpressBackend,
        FastifyBackend,
        KoaBackend,
        HonoBackend,
        NestBackend,
    }
    let use_of = |target: &crate::target::Target| match (&target.language, target.role.side()) {
        (Language::Go(_), _) => Use::GoBuild,
        (Language::Python(PythonFramework::FastApi | PythonFramework::Flask), _) => Use::PythonApp,
        (Language::Python(PythonFramework::Django), _) => Use::DjangoSettings,
        (Language::Js(_, f), Side::Backend) if f.is_next() => Use::NextBackend,
        (Language::Js(_, JsFramework::Express), Side::Backend) => Use::ExpressBackend,
        (Language::Js(_, JsFramework::Fastify), Side::Backend) => Use::FastifyBackend,
        (Language::Js(_, JsFramework::Koa), Side::Backend) => Use::KoaBackend,
        (Language::Js(_, JsFramework::Hono), Side::Backend) => Use::HonoBackend,
        (Language::Js(_, JsFramework::Nest), Side::Backend) => Use::NestBackend,
        (Language::Js(_, JsFramework::NextApp), Side::Frontend) => match target.role {
            crate::target::Role::Frontend(crate::answers::Ui::Custom) => Use::NextCustomFrontend,
            _ => Use::NextFrontend,
        },
        (Language::Js(_, JsFramework::ReactNative), Side::Frontend) => Use::ReactNativeFrontend,
        (Language::Js(_, JsFramework::ScriptTag), Side::Frontend) => Use::ScriptTagFrontend,
        (Language::Js(_, f), Side::Frontend)
            if f.hosts_prebuilt_ui()
                && target.role == crate::target::Role::Frontend(crate::answers::Ui::Prebuilt) =>
        {
            Use::HostedUiFrontend
        }
        (Language::Js(_, JsFramework::NextPages), Side::Frontend) => match target.role {
            crate::target::Role::Frontend(crate::answers::Ui::Custom) => Use::PagesCustomFrontend,
            _ => Use::PagesFrontend,
        },
        (_, side) => Use::Import(side),
    };
    let created = |kind: Use| -> Vec<String> {
        outcome
            .files
            .iter()
            .filter(|f| f.change == Change::Create)
            .filter(|f| f.target.as_ref().is_some_and(|t| use_of(t) == kind))
            .map(|f| text::shown(&f.display.display().to_string()))
            .collect()
    };
    let import = |files: Vec<String>, place: &str| match files.len() {
        0 => None,
        1 => Some(format!("import {} {place}", text::join(files.into_iter()))),
        _ => Some(format!(
            "import each of {} {place}",
            text::join(files.into_iter())
        )),
    };
    let step = |files: Vec<String>, say: fn(String) -> String| {
        (!files.is_empty()).then(|| say(text::join(files.into_iter())))
    };
    // The glue st-setup wrote (what was there already is not spoken of): the auth route
    // (a .ts/.js module) and the login page (a .tsx/.jsx component).
    let glue = |page: bool| {
        outcome
            .files
            .iter()
            .filter(|f| f.glue && f.change == Change::Create)
            .find(|f| {
                let ext = f.path.extension().map(|e| e.to_string_lossy());
                ext.is_some_and(|e| e.ends_with('x')) == page
            })
            .map(|f| text::shown(&f.display.display().to_string()))
    };
    let route = glue(false);
    let page = glue(true);
    let steps: Vec<String> = [
        import(
            created(Use::Import(Side::Backend)),
            "once at the start of its API server (before its routes)",
        ),
        step(created(Use::PythonApp), |files| {
            format!(
                "import {files} in its service and call its add_supertokens(app) on the app (the SDK's routes and CORS for the website)"
            )
        }),
        step(created(Use::DjangoSettings), |files| {
            format!(
                "in settings.py, import add_supertokens from {files} and call add_supertokens(globals()) at its end (the SDK's middleware and CORS for the website)"
            )
        }),
        step(created(Use::GoBuild), |files| {
            format!(
                "build {files} into its service (its init() runs there; a package other than main needs a blank import, `import _ \"<module>/<folder>\"`) and serve your handler through its WithSuperTokens (the SDK's routes and CORS for the website)"
            )
        }),
        step(created(Use::ExpressBackend), |files| {
            format!(
                "in your Express app, import {files} and add app.use(superTokensCors()) and app.use(middleware()) before your routes, app.use(errorHandler()) after them"
            )
        }),
        step(created(Use::FastifyBackend), |files| {
            format!(
                "in your Fastify app, import {files} and await registerSuperTokens(app) before your routes"
            )
        }),
        step(created(Use::KoaBackend), |files| {
            format!(
                "in your Koa app, import {files} and add app.use(superTokensCors()) and app.use(middleware()) before your routes (behind a proxy that ends TLS, set app.proxy = true, or Koa refuses the SDK's Secure cookies)"
            )
        }),
        step(created(Use::HonoBackend), |files| {
            format!(
                "in your Hono app, import {files} and call registerSuperTokens(app) before your routes"
            )
        }),
        step(created(Use::NestBackend), |files| {
            format!(
                "in main.ts, import registerSuperTokens from {files} and call registerSuperTokens(app) right after NestFactory.create"
            )
        }),
        step(created(Use::NextBackend), |files| {
            format!(
                "call ensureSuperTokensInit() from {files} in every route handler that uses the SDK"
            )
        })
        .map(|step| match &route {
            Some(route) => format!("{step} (the auth route {route} does)"),
            None => format!("{step}, the route that serves /api/auth included"),
        }),
        step(created(Use::NextFrontend), |files| {
            format!(
                "wrap the children of your root layout in <SuperTokensProvider> from {files}: <body><SuperTokensProvider>{{children}}</SuperTokensProvider></body>"
            )
        })
        .map(|step| match &page {
            Some(page) => format!("{step} (the login pages are drawn by {page})"),
            None => step,
        }),
        step(created(Use::PagesFrontend), |files| {
            format!(
                "wrap the page in pages/_app.tsx in <SuperTokensProvider> from {files}: <SuperTokensProvider><Component {{...pageProps}} /></SuperTokensProvider>"
            )
        })
        .map(|step| match &page {
            Some(page) => format!("{step} (the login pages are drawn by {page})"),
            None => step,
        }),
        step(created(Use::PagesCustomFrontend), |files| {
            format!("import {files} from pages/_app.tsx, before anything calls your APIs")
        }),
        step(created(Use::NextCustomFrontend), |files| {
            format!(
                "import {files} from a client component (\"use client\") that every page renders"
            )
        }),
        step(created(Use::HostedUiFrontend), |files| {
            format!(
                "call initSuperTokensWebJS() from {files} once at the start of your app (main.ts), and on your login page (its route {{base}} and {{base}}/*) render <div id=\"supertokensui\"></div> and call loadSuperTokensUI() once it is mounted (it returns the function that removes the bundle when the page unmounts)"
            )
        })
        .map(|step| step.replace("{base}", outcome.setup.website_base_path.as_deref().unwrap_or("/auth"))),
        import(
            created(Use::Import(Side::Frontend)),
            "at the start of its frontend, before anything calls your APIs",
        ),
        import(
            created(Use::ReactNativeFrontend),
            "in the app's entry file (index.js or App.tsx) before anything calls your APIs: fetch is intercepted from then on, and an axios instance once you pass it to addAxiosInterceptors from supertokens-react-native; your own screens call the backend's sign-in APIs",
        ),
        step(created(Use::ScriptTagFrontend), |files| {
            format!(
                "load SuperTokens' bundle and then {files} on every page, before your own scripts call your APIs: <script src=\"{}\"></script> and a script tag for the file",
                crate::render::SCRIPT_TAG_BUNDLE
            )
        }),
        login_pages(outcome, &created(Use::Import(Side::Frontend))),
        provider_keys(outcome),
    ]
    .into_iter()
    .flatten()
    .collect();
    if steps.is_empty() {
        return out;
    }
    let _ = write!(
        out,
        "Next: {}. Re-run `st-setup add-api URL` when you add an API, `st-setup add-backend PATH` when you add a service.",
        text::join(steps.into_iter())
    );
    out
}

/// Where the pre built UI draws its login pages: the routes line for react-router-dom (the
/// router its examples use), for frontends written now.
fn login_pages(outcome: &Outcome, frontends: &[String]) -> Option<String> {
    let prebuilt = outcome.setup.ui == crate::answers::Ui::Prebuilt;
    (prebuilt && !outcome.setup.recipes.is_empty() && !frontends.is_empty()).then(|| {
        format!(
            "render the login pages at {}: wrap your app in <SuperTokensWrapper> (supertokens-auth-react) and, with react-router-dom, add {{getSuperTokensRoutesForReactRouterDom(reactRouterDom, PreBuiltUIList)}} inside <Routes> (PreBuiltUIList from {}, getSuperTokensRoutesForReactRouterDom from supertokens-auth-react/ui)",
            outcome.setup.website_base_path.as_deref().unwrap_or("/auth"),
            text::join(frontends.iter().cloned())
        )
    })
}

/// The environment variables the backends read the ThirdParty providers' keys from.
fn provider_keys(outcome: &Outcome) -> Option<String> {
    let names = outcome.setup.recipes.env_vars();
    (!names.is_empty()).then(|| {
        format!(
            "set {} in every backend's environment (the OAuth apps' keys from Google and GitHub; unset, those sign-ins fail)",
            text::join(names.into_iter().map(str::to_owned))
        )
    })
}

/// One install command per folder and package manager (both files in one package need one
/// command), with the folder relative to the project.
fn install_commands(outcome: &Outcome, project: &Path) -> Vec<(std::path::PathBuf, String)> {
    let root = project.canonicalize().unwrap_or_default();
    let installs = outcome.installs();
    let mut grouped: Vec<(&Path, crate::project::PackageManager, Vec<&str>)> = Vec::new();
    for install in &installs {
        let key = (install.folder.as_path(), install.manager);
        match grouped.iter_mut().find(|(f, m, _)| (*f, *m) == key) {
            Some((_, _, packages)) => {
                for package in &install.packages {
                    if !packages.contains(package) {
                        packages.push(package);
                    }
                }
            }
            None => grouped.push((key.0, key.1, install.packages.clone())),
        }
    }
    grouped
        .into_iter()
        .map(|(folder, manager, packages)| {
            let shown = folder
                .strip_prefix(&root)
                .map_or_else(|_| folder.to_owned(), Path::to_owned);
            let command = manager.add_command(&packages, folder);
            (shown, command)
        })
        .collect()
}

/// Colours a unified diff for a terminal: additions green, removals red, hunks cyan.
pub fn coloured_diff(diff: &str) -> String {
    use crossterm::style::Stylize as _;
    diff.lines()
        .map(|line| {
            let styled = if line.starts_with("+++") || line.starts_with("---") {
                line.bold().to_string()
            } else if line.starts_with('+') {
                line.green().to_string()
            } else if line.starts_with('-') {
                line.red().to_string()
            } else if line.starts_with("@@") {
                line.cyan().to_string()
            } else {
                line.to_owned()
            };
            styled + "\n"
        })
        .collect()
}

/// The decision in one or two lines, for runs that write files.
pub fn analysis_summary(analysis: &Analysis) -> String {
    let mut out = String::new();
    match &analysis.cookie_domain {
        Some(domain) => {
            let _ = writeln!(
                out,
                "cookieDomain = sessionTokenBackendDomain = \"{domain}\""
            );
        }
        None => {
            let _ = writeln!(
                out,
                "No cookieDomain / sessionTokenBackendDomain: one API host."
            );
        }
    }
    for finding in analysis
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
    {
        let _ = writeln!(
            out,
            "{} {} [{}]: {}",
            finding.severity.mark(),
            finding.severity.as_str(),
            finding.code.as_str(),
            finding.message
        );
    }
    out
}
