//! One run of st-setup, minus the terminal: answers → analysis → rendered files → plan.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use crate::analysis::{Analysis, DomainInput, analyse};
use crate::answers::{
    self, Answers, Generated, GeneratedEnv, MissingAnswers, SavedSetup, Setup, TokenTransfer,
};
use crate::findings::{self, file_left_behind, older_cookie_domain_replaced, outside_the_project};
use crate::plan::{Change, PlanError, PlannedFile, place, resolve_target};
use crate::project::{Install, install_for, target_for};
use crate::psl::PublicSuffixList;
use crate::render::{EnvValues, FileValues, render};
use crate::target::{JsFramework, Language, Role, Target};

/// Where a Next.js app serves SuperTokens' routes: its route handlers live under /api.
pub const NEXT_API_BASE_PATH: &str = "/api/auth";

/// A base path as the SDKs normalise it: without a trailing slash (but `/` itself).
fn base_path(path: &str) -> &str {
    match path.trim_end_matches('/') {
        "" => "/",
        trimmed => trimmed,
    }
}

/// Everything a run would write, and why.
#[derive(Debug)]
pub struct Outcome {
    pub setup: Setup,
    /// The analysis of the (first) environment, which the files use when nothing names
    /// one at run time.
    pub analysis: Analysis,
    /// Every environment's analysis, in a setup that has them.
    pub environments: Vec<Analysis>,
    pub saved: SavedSetup,
    /// The backends, the frontends, then st-setup.json.
    pub files: Vec<PlannedFile>,
    /// What the user should know about this run beyond the findings.
    pub notes: Vec<String>,
}

impl Outcome {
    pub fn changed(&self) -> impl Iterator<Item = &PlannedFile> {
        self.files.iter().filter(|f| f.change != Change::Unchanged)
    }

    /// The SDK packages the files this run creates need and the project does not list
    /// yet, and how to add them: read from the manifests and lockfiles only when a run has
    /// created files and says what is next.
    pub fn installs(&self) -> Vec<Install> {
        self.files
            .iter()
            .filter(|f| f.change == Change::Create)
            .filter_map(|f| install_for(&f.path, f.target.as_ref()?))
            .collect()
    }

    /// For `check`: where the init calls of the files on disk no longer read the values of
    /// their st-setup block, as `path:line: what`; `Err` names a file that does not parse,
    /// so nothing can be said of its calls.
    pub fn unread_values(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for file in &self.files {
            let (Some(target), Some(text)) = (&file.target, file.old.as_deref()) else {
                continue;
            };
            let name = file.display.display();
            let unread = crate::readback::unread_values(text, target).map_err(|error| {
                format!(
                    "{name} does not parse ({error}), so check cannot see its init calls; mend the syntax, then run `st-setup check` again."
                )
            })?;
            out.extend(unread.into_iter().map(|u| match u.line {
                0 => format!("{name}: {}", u.message),
                line => format!("{name}:{line}: {}", u.message),
            }));
        }
        Ok(out)
    }

    pub fn diff(&self) -> String {
        self.files.iter().map(PlannedFile::diff).collect()
    }

    /// For `check`: st-setup.json drifts only in meaning. Reformatting it by hand, or
    /// answers spelt out that are the defaults anyway (as earlier versions saved them), is
    /// no drift.
    pub fn compare_state_by_meaning(&mut self, project: &Path) {
        let (saved, setup) = (&self.saved, &self.setup);
        let Some(state) = self
            .files
            .iter_mut()
            .find(|f| f.target.is_none() && !f.glue)
        else {
            return;
        };
        let same = state
            .old
            .as_deref()
            .and_then(|old| SavedSetup::parse(old).ok())
            .is_some_and(|old| {
                old.generated == saved.generated
                    && old.answers.resolve(project).ok().as_ref() == Some(setup)
            });
        if same {
            state.change = Change::Unchanged;
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("{0}")]
    Missing(MissingAnswers),
    /// The answers cannot work; the analysis says why.
    #[error("the answers cannot work")]
    Findings(Box<Analysis>),
    /// An answer that is there but unusable (an empty app name, two files at one path).
    #[error("{0}")]
    Answer(String),
    /// An output file that cannot be planned (not st-setup's, damaged, unreadable).
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

pub fn analyse_answers(answers: &Answers, psl: &PublicSuffixList) -> Analysis {
    let mut analysis = analyse(
        &DomainInput {
            apis: &answers.apis,
            auth_api: answers.auth_api.as_deref(),
            website: answers.website.as_deref(),
            header: answers.token_transfer == Some(crate::answers::TokenTransfer::Header),
            other_websites: &answers.other_websites,
        },
        psl,
    );
    analysis.api_base_path = answers
        .api_base_path
        .as_deref()
        .map(|p| base_path(p).to_owned());
    analysis
}

pub fn generate(
    project: &Path,
    answers: &Answers,
    previous: Option<&SavedSetup>,
    psl: &PublicSuffixList,
    force: bool,
) -> Result<Outcome, GenerateError> {
    generate_adopting(project, answers, previous, psl, force, &HashMap::new())
}

/// As `generate`, with the files being adopted (`adopt`): each real path in `prepared`
/// gets its block in that prepared text rather than in the file on disk.
pub fn generate_adopting(
    project: &Path,
    answers: &Answers,
    previous: Option<&SavedSetup>,
    psl: &PublicSuffixList,
    force: bool,
    prepared: &HashMap<PathBuf, String>,
) -> Result<Outcome, GenerateError> {
    answers
        .check_environments()
        .map_err(GenerateError::Answer)?;
    let setup = answers.resolve(project).map_err(GenerateError::Missing)?;
    let answered_base_path = setup
        .api_base_path
        .as_deref()
        .map(|p| base_path(p).to_owned());
    // Each environment is analysed on its own: a development set on localhost shares no
    // cookie domain, production's has one.
    let mut analyses = Vec::new();
    for env in &setup.environments {
        let mut analysis = analyse(&env.domain_input(setup.token_transfer), psl);
        analysis.environment = env.name.clone();
        analysis.api_base_path = answered_base_path.clone();
        if analysis.has_errors() {
            return Err(GenerateError::Findings(Box::new(analysis)));
        }
        analyses.push(analysis);
    }
    check_other_answers(&setup, project).map_err(GenerateError::Answer)?;
    let mut notes = Vec::new();
    let mut environments = Vec::new();
    for (env, analysis) in setup.environments.iter().zip(&analyses) {
        environments.push(environment_values(
            env,
            analysis,
            previous.and_then(|p| p.environment_view(env)).as_ref(),
            psl,
            &mut notes,
        )?);
    }

    // Each output's target follows from its role and the project's facts where it lands
    // (its real path's manifests: package.json and tsconfig.json, pyproject.toml, go.mod).
    let mut targets = Vec::new();
    for out in setup.outputs() {
        let path = resolve_target(project, out.path, force).map_err(PlanError::from)?;
        let (target, guess) = target_for(out.role, &path, out.framework)?;
        targets.push((out, path, target, guess));
    }
    // Every output carries the same apiBasePath: a Next.js backend serves the auth routes
    // under its own /api, so it moves them for all.
    let next_app = targets.iter().any(|(_, _, t, _)| {
        t.role == Role::Backend && matches!(t.language, Language::Js(_, f) if f.is_next())
    });
    let api_base_path = match &setup.api_base_path {
        Some(answered) => Some(base_path(answered).to_owned()),
        None => next_app.then(|| NEXT_API_BASE_PATH.to_owned()),
    };
    for env in &environments {
        if next_app && env.api_domain != env.website_domain {
            notes.push(findings::nextjs_cross_origin(
                &env.website_domain,
                &env.api_domain,
            ));
        }
    }
    let values = FileValues {
        app_name: &setup.app_name,
        connection_uri: &setup.connection_uri,
        api_base_path: api_base_path.as_deref(),
        website_base_path: setup.website_base_path.as_deref().map(base_path),
        recipes: &setup.recipes,
        header: setup.token_transfer == TokenTransfer::Header,
        keep_websites_list: false,
        environments,
    };
    crate::render::start_compiling(
        targets.iter().map(|(_, _, target, _)| target.template()),
        crate::render::Features::of(&values),
    );
    let mut files = Vec::new();
    let mut glue = Vec::new();
    for (out, path, target, guess) in targets {
        let route = nextjs_route(
            project,
            &path,
            &target,
            api_base_path.as_deref().unwrap_or("/auth"),
        )?;
        // With no recipe the pre built UI has no page to draw (it throws on one).
        let page = match setup.recipes.is_empty() {
            true => None,
            false => nextjs_auth_page(
                project,
                &path,
                &target,
                values.website_base_path.unwrap_or("/auth"),
            )?,
        };
        let plan = |values: &FileValues, target: Target| {
            let text = render(&target, values);
            match prepared.get(&path) {
                Some(base) => {
                    PlannedFile::adopted(project, out.path, path.clone(), target, text, base)
                }
                None => PlannedFile::at(project, out.path, path.clone(), Some(target), text, force),
            }
        };
        let mut planned = plan(&values, target.clone())?;
        // Code of the user's that reads the list of websites (CORS written when there were
        // several) keeps it defined, with the one website there is now.
        if !crate::render::Features::of(&values).websites()
            && planned
                .old
                .as_deref()
                .is_some_and(|old| reads_websites_list(old, &target))
        {
            let kept = FileValues {
                keep_websites_list: true,
                ..values.clone()
            };
            planned = plan(&kept, target.clone())?;
        }
        // The page draws the frontend file's PreBuiltUIList, which a file written before
        // recipes were a choice does not export.
        if let Some(page) = page {
            if planned.new.contains("export const PreBuiltUIList") {
                glue.push(page);
            } else if planned.change != Change::Unchanged {
                notes.push(findings::no_login_page(out.path));
            }
        }
        // The route calls the backend's ensureSuperTokensInit: a file written before the
        // project was a Next.js app has none (its code outside the block is the user's).
        if let Some(route) = route {
            if planned
                .new
                .contains("export function ensureSuperTokensInit")
            {
                glue.push(route);
            } else {
                notes.push(findings::not_written_for_nextjs(out.path));
            }
        }
        notes.extend(output_notes(&planned)?);
        if let Some(target) = planned
            .target
            .as_ref()
            .filter(|_| planned.change != Change::Unchanged)
            && let Language::Js(_, framework) = target.language
            && framework.session_only()
        {
            if target.role == Role::Frontend(crate::answers::Ui::Prebuilt) {
                let what = match framework {
                    JsFramework::ReactNative => "a React Native app",
                    _ => "a page that loads SuperTokens by a script tag",
                };
                notes.push(findings::no_prebuilt_ui_here(out.path, what, target.sdk()));
            }
            let local = analyses.iter().find_map(|a| {
                a.api_endpoint()
                    .filter(|api| api.is_loopback())
                    .map(|api| api.origin())
            });
            if let (JsFramework::ReactNative, Some(api)) = (framework, local) {
                notes.push(findings::react_native_localhost(out.path, &api));
            }
        }
        if let Some(note) = cors_left_behind(&planned, &values.environments) {
            notes.push(note);
        }
        // Said when the file is written first; later runs keep what it was set up for.
        if let Some(guess) = guess.filter(|_| planned.change == Change::Create) {
            notes.push(findings::framework_guessed(out.path, &guess));
        }
        files.push(planned);
    }

    // Glue goes after the outputs, and only once: two backends of one app need one route.
    for file in glue {
        if files.iter().all(|f| f.path != file.path) {
            files.push(file);
        }
    }
    let mut to_save = setup.to_answers();
    for path in to_save
        .backend_out
        .iter_mut()
        .chain(&mut to_save.frontend_out)
    {
        *path = relative_to(project, path.clone());
    }
    let saved = SavedSetup {
        version: answers::version_for(&to_save),
        answers: to_save,
        generated: Some(generated(&values.environments)),
    };
    let state = PlannedFile::new(
        project,
        Path::new(answers::FILE_NAME),
        None,
        saved.to_json(),
        force,
    )?;
    files.push(state);
    check_distinct(&files).map_err(GenerateError::Answer)?;
    notes.extend(file_notes(project, previous, &setup, &files));
    for analysis in &mut analyses {
        analysis.api_base_path = api_base_path.clone();
    }
    let analysis = analyses[0].clone();
    if setup.environments[0].name.is_none() {
        analyses.clear();
    }
    Ok(Outcome {
        setup,
        analysis,
        environments: analyses,
        saved,
        files,
        notes,
    })
}

/// What to say of one planned output, or why it cannot be written: a recipe the block would
/// bring a second time, values an update leaves unread.
fn output_notes(planned: &PlannedFile) -> Result<Vec<String>, GenerateError> {
    let Some(target) = &planned.target else {
        return Ok(Vec::new());
    };
    if let Some(import) = crate::readback::recipes_imported_twice(&planned.new, target).first() {
        return Err(GenerateError::Answer(findings::recipe_imported_twice(
            &planned.display,
            import.line,
            &import.module,
        )));
    }
    Ok(newly_unread(planned))
}

/// What an update of a file's block leaves unread by its init calls that was read before:
/// a block that gains recipes, say, in a file whose calls (the user's) do not pass them on.
fn newly_unread(file: &PlannedFile) -> Vec<String> {
    let (Change::Update, Some(target), Some(old)) = (file.change, &file.target, &file.old) else {
        return Vec::new();
    };
    let unread = |text: &str| crate::readback::unread_values(text, target).unwrap_or_default();
    let before: Vec<String> = unread(old).into_iter().map(|u| u.message).collect();
    unread(&file.new)
        .into_iter()
        .filter(|u| !before.contains(&u.message))
        .map(|u| findings::unread_after_update(&file.display, u.line, &u.message))
        .collect()
}

/// Next.js's route handler for the auth routes beside a Next.js backend, when the app has
/// none: `app/api/auth/[...path]/route.ts` (app router) or `pages/api/auth/[[...path]].ts`
/// (pages router), calling the backend file's `ensureSuperTokensInit`.
fn nextjs_route(
    project: &Path,
    backend: &Path,
    target: &Target,
    api_base_path: &str,
) -> Result<Option<PlannedFile>, GenerateError> {
    let Some(router) = next_router(target, Role::Backend) else {
        return Ok(None);
    };
    let Some(folder) = free_route_folder(backend, router, api_base_path)? else {
        return Ok(None);
    };
    let ts = target.syntax().is_some_and(|s| s.ts);
    let (route, folder) = match router {
        JsFramework::NextPages => (folder.join(js_file("[[...path]]", ts, false)), folder),
        _ => {
            let folder = folder.join("[...path]");
            (folder.join(js_file("route", ts, false)), folder)
        }
    };
    let text = crate::render::nextjs_route(
        ts,
        router == JsFramework::NextPages,
        &import_specifier(&folder, backend),
        api_base_path,
    );
    Ok(glue_at(project, &route, text))
}

/// Next.js's page for the pre built UI's login pages beside a Next.js frontend, when the
/// app has nothing at the website base path: `app/auth/[[...path]]/page.tsx` (app router)
/// or `pages/auth/[[...path]].tsx` (pages router).
fn nextjs_auth_page(
    project: &Path,
    frontend: &Path,
    target: &Target,
    website_base_path: &str,
) -> Result<Option<PlannedFile>, GenerateError> {
    let Some(router) = next_router(target, Role::Frontend(crate::answers::Ui::Prebuilt)) else {
        return Ok(None);
    };
    let Some(folder) = free_route_folder(frontend, router, website_base_path)? else {
        return Ok(None);
    };
    let ts = target.syntax().is_some_and(|s| s.ts);
    let (page, folder, name) = match router {
        JsFramework::NextPages => (
            folder.join(js_file("[[...path]]", ts, true)),
            folder,
            "pages",
        ),
        _ => {
            let folder = folder.join("[[...path]]");
            (folder.join(js_file("page", ts, true)), folder, "app")
        }
    };
    let text = crate::render::nextjs_auth_page(name, &import_specifier(&folder, frontend));
    Ok(glue_at(project, &page, text))
}

/// The Next.js router of a target of `role`, if it is in a Next.js project.
fn next_router(target: &Target, role: Role) -> Option<JsFramework> {
    match target.language {
        Language::Js(_, framework) if target.role == role && framework.is_next() => Some(framework),
        _ => None,
    }
}

/// `name.ts`, `name.tsx`, `name.js` or `name.jsx`.
fn js_file(name: &str, ts: bool, jsx: bool) -> String {
    let x = if jsx { "x" } else { "" };
    format!("{name}.{}{x}", if ts { "ts" } else { "js" })
}

/// The folder of the Next.js app (the one `file` is in, with `router`) for the URL path
/// `base`, when nothing is routed there yet: any route or page there already
/// (`[...path]`, `[[...path]]`, NextAuth's `[...nextauth]`, a `route.ts`, `page.tsx` or
/// `index.tsx`, or a page file named like the folder) would clash with a second
/// catch-all, and Next.js refuses to build.
fn free_route_folder(
    file: &Path,
    router: JsFramework,
    base: &str,
) -> Result<Option<PathBuf>, GenerateError> {
    let root = match router {
        JsFramework::NextPages => crate::project::next_pages_dir(file)?,
        _ => crate::project::next_app_dir(file)?,
    };
    let Some(root) = root else {
        return Ok(None);
    };
    let base = base.trim_matches('/');
    // A catch-all at the app's root would take every page of the app.
    if base.is_empty() {
        return Ok(None);
    }
    let folder = root.join(base);
    let taken = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .flatten()
        .any(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            ["[", "route.", "page.", "index."]
                .iter()
                .any(|start| name.starts_with(start))
        });
    let page_file = ["ts", "tsx", "js", "jsx"]
        .iter()
        .any(|ext| folder.with_extension(ext).exists());
    Ok((!taken && !page_file).then_some(folder))
}

/// A file st-setup writes once at `path` (absolute), shown relative to the project.
fn glue_at(project: &Path, path: &Path, text: String) -> Option<PlannedFile> {
    let root = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_owned());
    let display = path.strip_prefix(&root).unwrap_or(path).to_owned();
    PlannedFile::glue(project, &display, text)
}

/// How a module in `from` imports the file `to`: relative, without its extension, as
/// bundlers resolve it (`../../../config/backend`).
fn import_specifier(from: &Path, to: &Path) -> String {
    let from: Vec<_> = from.components().collect();
    let to_dir: Vec<_> = to.parent().unwrap_or(Path::new("")).components().collect();
    let common = from.iter().zip(&to_dir).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    if parts.is_empty() {
        parts.push(".".to_owned());
    }
    parts.extend(
        to_dir[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    let stem = to
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    parts.push(stem.into_owned());
    parts.join("/")
}

/// One environment's values for the files: its analysis' domains, and the older cookie
/// domain its backends keep clearing.
fn environment_values(
    env: &crate::answers::Environment,
    analysis: &Analysis,
    previous: Option<&SavedSetup>,
    psl: &PublicSuffixList,
    notes: &mut Vec<String>,
) -> Result<EnvValues, GenerateError> {
    let api = analysis
        .api_endpoint()
        .ok_or_else(|| anyhow!("no apiDomain"))?;
    let hosts: Vec<&str> = analysis
        .valid_endpoints()
        .map(|e| e.host.as_str())
        .collect();
    let mut own_notes = Vec::new();
    let older_cookie_domain = older_cookie_domain(
        previous,
        analysis.cookie_domain.as_deref(),
        (&api.host, &hosts),
        psl,
        &mut own_notes,
    );
    notes.extend(own_notes.into_iter().map(|note| match &env.name {
        Some(name) => format!("{name}: {note}"),
        None => note,
    }));
    Ok(EnvValues {
        name: env.name.clone(),
        api_domain: api.origin(),
        website_domain: analysis
            .website
            .as_ref()
            .map(|w| w.origin())
            .unwrap_or_default(),
        cookie_domain: analysis.cookie_domain.clone(),
        older_cookie_domain,
        why: block_comment(analysis),
        intercept_hosts: analysis.other_site_hosts.clone(),
        other_websites: analysis.other_websites.iter().map(|w| w.origin()).collect(),
    })
}

/// A backend whose CORS wiring (outside the block: the user's since the file was first
/// written) allows the one website it was written for, when there are several now.
fn cors_left_behind(planned: &PlannedFile, environments: &[EnvValues]) -> Option<String> {
    let target = planned.target.as_ref()?;
    let several = environments
        .iter()
        .any(|env| !env.other_websites.is_empty());
    let list = websites_list_name(target)?;
    (several && planned.change == Change::Update && !reads_websites_list(&planned.new, target))
        .then(|| findings::cors_for_one_website(&planned.display, list))
}

/// The name a backend's CORS code (outside the block) reads the websites by, when it was
/// written for several.
fn websites_list_name(target: &Target) -> Option<&'static str> {
    match (&target.language, target.role) {
        (_, Role::Frontend(_)) => None,
        (Language::Js(_, framework), _) if framework.is_server() => Some("stWebsites"),
        (Language::Python(_), _) => Some("ST_WEBSITES"),
        (Language::Go(_), _) => Some("stIsWebsite("),
        (Language::Js(..), _) => None,
    }
}

/// Whether `text`'s code after its block reads the list of websites.
fn reads_websites_list(text: &str, target: &Target) -> bool {
    let Some(name) = websites_list_name(target) else {
        return false;
    };
    text.split_once("st-setup:end")
        .is_some_and(|(_, after)| after.contains(name))
}

/// What st-setup.json keeps of the values generated, for the next run to compare with.
fn generated(environments: &[EnvValues]) -> Generated {
    match environments {
        [only] if only.name.is_none() => Generated {
            cookie_domain: only.cookie_domain.clone(),
            older_cookie_domain: only.older_cookie_domain.clone(),
            environments: Vec::new(),
        },
        named => Generated {
            cookie_domain: None,
            older_cookie_domain: None,
            environments: named
                .iter()
                .map(|env| GeneratedEnv {
                    name: env.name.clone().unwrap_or_default(),
                    cookie_domain: env.cookie_domain.clone(),
                    older_cookie_domain: env.older_cookie_domain.clone(),
                })
                .collect(),
        },
    }
}

/// The comment above the managed values. It depends on the values alone, so a run that
/// changes no value (another API under the same domain) leaves the files as they are.
fn block_comment(analysis: &Analysis) -> String {
    if analysis.header {
        return findings::header_mode_comment(
            analysis.cookie_domain.as_deref(),
            analysis.api_endpoint().map(|api| api.host.as_str()),
            &analysis.other_site_hosts,
        );
    }
    match (&analysis.cookie_domain, analysis.api_endpoint()) {
        (Some(domain), _) => findings::shared_cookie_domain_comment(domain),
        (None, Some(api)) => findings::single_host_comment(&api.host),
        (None, None) => String::new(),
    }
}

/// The olderCookieDomain this run writes. When the cookie domain changes, the previous one
/// (`""` for host-only cookies) is kept for a year so the backend clears the cookies set
/// for it; it is only written while the auth API (`api.0`, among all API hosts `api.1`) can
/// still reach those cookies: for a domain, when its host is that domain or under it; for
/// host-only cookies, when it is the same host. Otherwise a note says whether the old
/// cookies are harmless (no API receives them) or strand the APIs that still do.
fn older_cookie_domain(
    previous: Option<&SavedSetup>,
    cookie_domain: Option<&str>,
    (api_host, hosts): (&str, &[&str]),
    psl: &PublicSuffixList,
    notes: &mut Vec<String>,
) -> Option<String> {
    let previous_setup = previous?;
    let generated = previous_setup.generated.as_ref()?;
    let changed = generated.cookie_domain.as_deref() != cookie_domain;
    let candidate = if changed {
        generated.cookie_domain.clone().unwrap_or_default()
    } else {
        generated.older_cookie_domain.clone()?
    };
    let previous_api_host = candidate.is_empty().then(|| {
        analyse_answers(&previous_setup.answers, psl)
            .api_endpoint()
            .map(|e| e.host.clone())
    });
    let receives = |host: &str| match &previous_api_host {
        Some(previous) => previous.as_deref().is_none_or(|h| h == host),
        None => crate::endpoint::host_is_covered_by(host, &candidate),
    };
    if !receives(api_host) {
        let stranded: Vec<&str> = hosts.iter().copied().filter(|h| receives(h)).collect();
        notes.push(if stranded.is_empty() {
            findings::older_cookie_domain_unreachable(&candidate, api_host)
        } else {
            findings::older_cookie_domain_stranded(&candidate, api_host, &stranded)
        });
        return None;
    }
    // The SDK clears one older domain only; replacing one that is still being cleared
    // strands its cookies.
    if let Some(dropped) = generated
        .older_cookie_domain
        .as_deref()
        .filter(|dropped| changed && !dropped.is_empty() && *dropped != candidate)
        .filter(|dropped| Some(*dropped) != cookie_domain)
    {
        notes.push(older_cookie_domain_replaced(dropped));
    }
    Some(candidate)
}

/// What the user should hear about the files of this run: old outputs left behind, files
/// outside the project, and what a replaced file held.
fn file_notes(
    project: &Path,
    previous: Option<&SavedSetup>,
    setup: &Setup,
    files: &[PlannedFile],
) -> Vec<String> {
    let mut notes = Vec::new();
    // A file st-setup wrote before, at a path it no longer writes (another --lang or
    // --*-out), is left alone but should not be forgotten — unless it is still in use:
    // the same file as an output of this run, through a link or another spelling.
    if let Some(before) = previous
        .filter(|p| p.generated.is_some())
        .and_then(|p| p.answers.resolve(project).ok())
    {
        for old in before.outputs() {
            let Ok(real) = std::fs::canonicalize(project.join(old.path)) else {
                continue;
            };
            if files.iter().all(|f| f.path != real) {
                let instead: Vec<&Path> = setup
                    .outputs()
                    .filter(|o| o.role.side() == old.role.side())
                    .map(|o| o.path)
                    .collect();
                notes.push(file_left_behind(old.path, &instead));
            }
        }
    }
    for out in setup.outputs() {
        if answers::escapes_project(out.path, project) {
            notes.push(outside_the_project(out.path, out.role.out_flag()));
        }
    }
    for file in files {
        if let (Some(replaced), Some(lost), Some(target)) =
            (&file.replaced, file.lost(), &file.target)
        {
            let why = replaced.because.describe(target);
            notes.push(findings::replaced_file(
                &file.display,
                &why,
                &replaced.backup,
                &lost,
            ));
        }
    }
    notes
}

/// Answers beyond the domains that would still produce a broken file.
fn check_other_answers(setup: &Setup, project: &Path) -> Result<(), String> {
    for out in setup.outputs() {
        answers::check_output_path(out.given, project, out.role.question())?;
    }
    // Before planning, so a clash is not first reported as "not st-setup's file".
    let mut places: Vec<(PathBuf, String)> = setup
        .outputs()
        .map(|out| {
            let name = format!("the {} file {}", out.role.side(), out.path.display());
            (same_place(project, out.path), name)
        })
        .collect();
    places.push((
        same_place(project, Path::new(answers::FILE_NAME)),
        answers::FILE_NAME.to_owned(),
    ));
    for (i, (place, role)) in places.iter().enumerate() {
        if let Some((_, other)) = places[i + 1..].iter().find(|(p, _)| p == place) {
            return Err(format!(
                "{role} and {other} are the same file ({}); give each its own path with --backend-out and --frontend-out",
                place.display()
            ));
        }
    }
    for (answer, question) in [
        (&setup.api_base_path, answers::Question::ApiBasePath),
        (&setup.website_base_path, answers::Question::WebsiteBasePath),
    ] {
        answers::check_base_path(answer.as_deref().unwrap_or(""), question)?;
    }
    answers::check_app_name(&setup.app_name)?;
    answers::check_connection_uri(&setup.connection_uri)
}

/// Two outputs at one file (spelt differently, or through a link) would silently lose one.
fn check_distinct(files: &[PlannedFile]) -> Result<(), String> {
    let role = |file: &PlannedFile| match &file.target {
        Some(target) => format!("the {} file", target.describe()),
        None => format!("{}, where st-setup keeps its answers,", answers::FILE_NAME),
    };
    for (i, a) in files.iter().enumerate() {
        if let Some(b) = files[i + 1..].iter().find(|b| b.path == a.path) {
            return Err(format!(
                "{} and {} are the same file ({}); give each its own path with --backend-out and --frontend-out",
                role(a),
                role(b),
                b.display.display()
            ));
        }
    }
    Ok(())
}

fn same_place(project: &Path, path: &Path) -> PathBuf {
    place(&project.join(path))
}

/// An absolute path inside the project is saved relative to it, so st-setup.json keeps
/// working in another clone.
fn relative_to(project: &Path, path: PathBuf) -> PathBuf {
    let root = same_place(project, Path::new(""));
    match same_place(project, &path).strip_prefix(&root) {
        Ok(inside) if path.is_absolute() => inside.to_owned(),
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::LazyLock;

    static PSL: LazyLock<PublicSuffixList> = LazyLock::new(PublicSuffixList::embedded);

    fn previous(apis: &[&str], cookie: Option<&str>, older: Option<&str>) -> SavedSetup {
        SavedSetup {
            version: answers::VERSION,
            answers: Answers {
                apis: apis.iter().map(|a| a.to_string()).collect(),
                ..Default::default()
            },
            generated: Some(Generated {
                cookie_domain: cookie.map(str::to_owned),
                older_cookie_domain: older.map(str::to_owned),
                environments: Vec::new(),
            }),
        }
    }

    fn older(
        previous: &SavedSetup,
        cookie: Option<&str>,
        api_host: &str,
    ) -> (Option<String>, Vec<String>) {
        let mut notes = Vec::new();
        let older = older_cookie_domain(
            Some(previous),
            cookie,
            (api_host, &[api_host]),
            &PSL,
            &mut notes,
        );
        (older, notes)
    }

    #[test]
    fn older_cookie_domain_only_where_the_auth_api_can_clear_it() {
        let eu = previous(
            &["api.eu.example.com", "b.eu.example.com"],
            Some(".eu.example.com"),
            None,
        );
        let (o, notes) = older(&eu, Some(".example.com"), "api.eu.example.com");
        assert_eq!(
            (o.as_deref(), notes.len()),
            (Some(".eu.example.com"), 0),
            "widened"
        );
        let com = previous(
            &["api.example.com", "b.example.com"],
            Some(".example.com"),
            None,
        );
        let (o, notes) = older(&com, Some(".example.org"), "api.example.org");
        assert_eq!(o, None, "another site can never clear .example.com");
        assert!(
            notes[0].starts_with("No olderCookieDomain: cookies for .example.com"),
            "{notes:?}"
        );
        let one = previous(&["api.example.com"], None, None);
        let (o, _) = older(&one, Some(".example.com"), "api.example.com");
        assert_eq!(o.as_deref(), Some(""), "host-only cookies of the same host");
        let (o, notes) = older(&one, Some(".example.org"), "api.example.org");
        assert_eq!(o, None, "host-only cookies of another host");
        assert!(notes[0].contains("host-only cookies"), "{notes:?}");
        // Kept while unchanged, dropped once the auth API moved out of its reach.
        let kept = previous(
            &["api.eu.example.com", "x.example.com"],
            Some(".example.com"),
            Some(".eu.example.com"),
        );
        assert_eq!(
            older(&kept, Some(".example.com"), "api.eu.example.com")
                .0
                .as_deref(),
            Some(".eu.example.com")
        );
        assert_eq!(
            older(&kept, Some(".example.com"), "api.example.com").0,
            None
        );
    }

    #[test]
    fn an_auth_api_moved_away_from_apis_still_under_the_old_domain_is_called_out() {
        let eu = previous(
            &["api.eu.example.com", "b.eu.example.com"],
            Some(".eu.example.com"),
            None,
        );
        let mut notes = Vec::new();
        let hosts = ["api.eu.example.com", "b.eu.example.com", "c.example.com"];
        let o = older_cookie_domain(
            Some(&eu),
            Some(".example.com"),
            ("c.example.com", &hosts),
            &PSL,
            &mut notes,
        );
        assert_eq!(o, None);
        assert!(
            notes[0].contains(
                "api.eu.example.com and b.eu.example.com are still under .eu.example.com"
            ),
            "{notes:?}"
        );
        assert!(!notes[0].contains("harmless"), "{notes:?}");
    }

    #[test]
    fn a_second_change_says_which_cookies_are_no_longer_cleared() {
        let twice = previous(
            &["a.eu.example.com", "b.example.com"],
            Some(".example.com"),
            Some(".eu.example.com"),
        );
        let (o, notes) = older(&twice, Some(".a.eu.example.com"), "a.eu.example.com");
        assert_eq!(o.as_deref(), Some(".example.com"));
        assert!(
            notes[0].contains("olderCookieDomain was \".eu.example.com\""),
            "{notes:?}"
        );
    }
}
