//! The answers to st-setup's questions, and `st-setup.json`, which keeps them between runs.
//!
//! Precedence, lowest first: defaults < st-setup.json < flags < what the user types.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::environment::{self, EnvAnswers};
use crate::recipe::Recipes;
use crate::target::{Framework, Side};
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

pub const FILE_NAME: &str = "st-setup.json";
/// The schema version this build writes. Version 1 (one backend and one frontend path)
/// is still read, and becomes version 2 on the next write.
pub const VERSION: u32 = 4;

/// The schema version a setup needs: 4 for environments and several websites, which an
/// st-setup that reads 3 would call unknown fields rather than ask to be upgraded; else 3,
/// so the files of everyone else stay as they were.
pub fn version_for(answers: &Answers) -> u32 {
    let fours = !answers.environments.is_empty()
        || !answers.other_websites.is_empty()
        || answers
            .environments
            .iter()
            .any(|env| !env.other_websites.is_empty());
    if fours { 4 } else { 3 }
}
pub const DEFAULT_CONNECTION_URI: &str = "http://localhost:3567";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Ui {
    /// Pre built UI: supertokens-auth-react draws the login pages.
    Prebuilt,
    /// Custom UI: your own pages call supertokens-web-js.
    Custom,
}

/// How sessions travel between the frontend and the APIs (`tokenTransferMethod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum TokenTransfer {
    /// Cookies: the APIs share one cookie domain, so they must be on one site.
    #[default]
    Cookie,
    /// An Authorization header: the APIs may be on several sites (or serve a mobile app);
    /// the domain then decides which requests the frontend adds the token to.
    Header,
}

impl Ui {
    pub fn sdk(self) -> &'static str {
        match self {
            Ui::Prebuilt => "supertokens-auth-react",
            Ui::Custom => "supertokens-web-js",
        }
    }

    /// The one line each choice is explained by, in both wizards.
    pub fn label(self) -> &'static str {
        match self {
            Ui::Prebuilt => "Pre built UI: supertokens-auth-react draws the login pages for you",
            Ui::Custom => "Custom UI: your own pages call supertokens-web-js",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Ui::Prebuilt => "prebuilt",
            Ui::Custom => "custom",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ts,
    Js,
}

impl Lang {
    pub fn extension(self) -> &'static str {
        match self {
            Lang::Ts => "ts",
            Lang::Js => "js",
        }
    }
}

/// Every question st-setup asks; `None`/empty means "not answered here".
///
/// `apis`, `auth_api` and `website` are a setup's endpoint answers when it has no
/// environments, and the answers for the environment `env` (a flag, or the one a wizard
/// shows) when it has: `folded` moves them there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answers {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apis: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_api: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// More websites that call the APIs (`--website` given again): an admin app, staging.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_websites: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui: Option<Ui>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// The backend init files, one per service; empty: the language's default path.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub backend_out: Vec<PathBuf>,
    /// The frontend init files, one per frontend; empty: the language's default path.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub frontend_out: Vec<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_uri: Option<String>,
    /// appInfo.apiBasePath; unanswered: `/auth`, or `/api/auth` with a Next.js backend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_base_path: Option<String>,
    /// appInfo.websiteBasePath; unanswered: the SDKs' `/auth`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_base_path: Option<String>,
    /// The sign-in recipes beside Session; unanswered: EmailPassword.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipes: Option<Recipes>,
    /// How sessions travel; unanswered: cookies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_transfer: Option<TokenTransfer>,
    /// Named sets of endpoint answers (development, production, …), in the order given;
    /// the first is the one the generated files use when nothing names one at run time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub environments: Vec<EnvAnswers>,
    /// The environment the endpoint answers above are for. Never saved: st-setup.json
    /// keeps each environment's answers in `environments`.
    #[serde(skip)]
    pub env: Option<String>,
}

impl Answers {
    /// `self` with every answer `over` gives replacing ours. Endpoint answers for an
    /// environment (`over.env`) go to that environment, and the result is focused on it
    /// (its answers at the top, as a wizard shows them); values that had no environment
    /// yet become one then, named by `EnvAnswers::natural_name`.
    pub fn overlaid_with(mut self, over: &Answers) -> Answers {
        if !over.environments.is_empty() {
            self.environments = over.environments.clone();
        }
        match &over.env {
            Some(name) => {
                let given = over.endpoint_answers(name);
                self = self.folded();
                if self.environments.is_empty() {
                    let mut own = self.endpoint_answers("");
                    if !own.is_empty() {
                        own.name = own.natural_name().to_owned();
                        self.environments.push(own);
                    }
                    self.set_endpoint_answers(EnvAnswers::default());
                }
                self.environment_mut(name).overlaid_with(&given);
                // Focused on it, as a wizard shows it and `add-api` adds to it.
                let env = self.environment_mut(name).clone();
                self.set_endpoint_answers(env);
                self.env = Some(name.clone());
            }
            None => {
                let mut own = self.endpoint_answers("");
                own.overlaid_with(&over.endpoint_answers(""));
                self.set_endpoint_answers(own);
            }
        }
        if !over.backend_out.is_empty() {
            self.backend_out = over.backend_out.clone();
        }
        if !over.frontend_out.is_empty() {
            self.frontend_out = over.frontend_out.clone();
        }
        macro_rules! take {
            ($($field:ident),*) => {$(
                if over.$field.is_some() {
                    self.$field = over.$field.clone();
                }
            )*};
        }
        take!(
            ui,
            app_name,
            lang,
            connection_uri,
            api_base_path,
            website_base_path,
            recipes,
            token_transfer
        );
        self
    }

    /// The website and the other websites as one list, as the wizards show them.
    pub fn websites_text(&self) -> String {
        self.website
            .iter()
            .chain(&self.other_websites)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Sets the website, and the other websites, from a list typed in one field.
    pub fn set_websites(&mut self, text: &str) {
        let mut sites = crate::text::split_list(text).into_iter();
        self.website = sites.next();
        self.other_websites = sites.collect();
    }

    /// The top-level endpoint answers, as an environment named `name`.
    pub fn endpoint_answers(&self, name: &str) -> EnvAnswers {
        EnvAnswers {
            name: name.to_owned(),
            apis: self.apis.clone(),
            auth_api: self.auth_api.clone(),
            website: self.website.clone(),
            other_websites: self.other_websites.clone(),
        }
    }

    /// The top-level endpoint answers become `env`'s.
    fn set_endpoint_answers(&mut self, env: EnvAnswers) {
        self.apis = env.apis;
        self.auth_api = env.auth_api;
        self.website = env.website;
        self.other_websites = env.other_websites;
    }

    /// The environment named `name`, added at the end when there is none.
    pub fn environment_mut(&mut self, name: &str) -> &mut EnvAnswers {
        let at = match self.environments.iter().position(|e| e.name == name) {
            Some(at) => at,
            None => {
                self.environments.push(EnvAnswers::named(name));
                self.environments.len() - 1
            }
        };
        &mut self.environments[at]
    }

    /// The answers with the top-level endpoint answers moved into the environment `env`
    /// names, when it names one: they are that environment's (as `focused_on` and
    /// `overlaid_with` put them there, and a wizard edits them), so they replace its own,
    /// a cleared answer included. As they are otherwise.
    pub fn folded(mut self) -> Answers {
        let Some(name) = self.env.clone() else {
            return self;
        };
        let own = self.endpoint_answers(&name);
        *self.environment_mut(&name) = own;
        self.set_endpoint_answers(EnvAnswers::default());
        // Folded, the answers show no environment: folding again changes nothing.
        self.env = None;
        self
    }

    /// The answers with the environment `name`'s endpoint answers on top, for a wizard to
    /// show and edit (`folded` puts them back).
    pub fn focused_on(self, name: &str) -> Answers {
        let mut answers = self.folded();
        let env = answers.environment_mut(name).clone();
        answers.set_endpoint_answers(env);
        answers.env = Some(name.to_owned());
        answers
    }

    /// Environments that cannot be told apart or named: endpoint answers given beside
    /// environments without saying for which, a name that cannot be one.
    pub fn check_environments(&self) -> Result<(), String> {
        if let Some(name) = &self.env {
            environment::check_name(name)?;
        }
        for env in &self.environments {
            environment::check_name(&env.name)?;
        }
        let given = !self.endpoint_answers("").is_empty();
        if given && self.env.is_none() && !self.environments.is_empty() {
            let names = self.environments.iter().map(|e| e.name.as_str());
            return Err(format!(
                "{FILE_NAME} keeps the environments {}: say which one --api, --auth-api and --website are for with --env NAME",
                environment::listed(names)
            ));
        }
        Ok(())
    }

    /// The row of the auth API among the endpoints, adding it when it is not listed: the
    /// wizards take "this serves /auth" to mean "this is an API the frontend calls".
    /// (`--yes` does not guess: there it is the `auth-api-not-listed` error.)
    pub fn list_auth_api(&mut self) -> Option<usize> {
        let auth = self.auth_api.clone()?;
        let origin = crate::endpoint::origin_of(&auth)?;
        let listed = self
            .apis
            .iter()
            .position(|a| crate::endpoint::origin_of(a).as_ref() == Some(&origin));
        Some(listed.unwrap_or_else(|| {
            self.apis.push(auth);
            self.apis.len() - 1
        }))
    }

    /// Output paths that come from st-setup.json, which may arrive with a cloned
    /// repository, must stay inside the project; the same path given on the command line
    /// (`flags`) is the user's own choice and allowed.
    pub fn check_saved_paths(&self, flags: &Answers, project: &Path) -> Result<()> {
        for (saved, flag, name) in [
            (&self.backend_out, &flags.backend_out, "backend"),
            (&self.frontend_out, &flags.frontend_out, "frontend"),
        ] {
            if !flag.is_empty() {
                continue;
            }
            if let Some(path) = saved.iter().find(|path| escapes_project(path, project)) {
                bail!(
                    "{FILE_NAME} asks to write a {name} file to {}, outside the project folder. Paths from {FILE_NAME} must stay inside the project (it may have come with a cloned repository); to write there on purpose, pass --{name}-out {} yourself, or run st-setup with -C at a folder that holds both.",
                    path.display(),
                    path.display()
                );
            }
        }
        Ok(())
    }

    /// The language: answered, else TypeScript when the project has a tsconfig.json,
    /// JavaScript when it has only a package.json, TypeScript in an empty folder.
    pub fn lang_or_detect(&self, project: &Path) -> Lang {
        self.lang.unwrap_or_else(|| {
            if !project.join("tsconfig.json").exists() && project.join("package.json").exists() {
                Lang::Js
            } else {
                Lang::Ts
            }
        })
    }

    /// Fills the defaults and checks every required answer is there.
    pub fn resolve(&self, project: &Path) -> Result<Setup, MissingAnswers> {
        let answers = self.clone().folded();
        let named = !answers.environments.is_empty();
        let sets = match named {
            true => answers.environments.clone(),
            false => vec![answers.endpoint_answers("")],
        };
        let mut missing = MissingAnswers::default();
        let mut environments = Vec::new();
        for set in sets {
            let apis = crate::text::split_all(&set.apis);
            let website = set.website.filter(|w| !w.trim().is_empty());
            if missing.questions.is_empty() && (apis.is_empty() || website.is_none()) {
                missing.env = named.then(|| set.name.clone());
                missing
                    .questions
                    .extend(apis.is_empty().then_some(Question::Apis));
                missing
                    .questions
                    .extend(website.is_none().then_some(Question::Website));
            }
            environments.push(Environment {
                name: named.then_some(set.name),
                // One endpoint per entry, however the answers were put together.
                apis,
                auth_api: set.auth_api,
                website: website.unwrap_or_default(),
                other_websites: set.other_websites,
            });
        }
        if answers.ui.is_none() {
            missing.questions.push(Question::Ui);
        }
        if answers.app_name.is_none() {
            missing.questions.push(Question::AppName);
        }
        if !missing.questions.is_empty() {
            return Err(missing);
        }
        let lang = answers.lang_or_detect(project);
        Ok(Setup {
            environments,
            ui: answers.ui.unwrap_or(Ui::Prebuilt),
            app_name: answers.app_name.clone().unwrap_or_default(),
            backend_out: out_paths(&answers.backend_out, "backend", lang, project),
            frontend_out: out_paths(&answers.frontend_out, "frontend", lang, project),
            lang,
            api_base_path: answers.api_base_path.clone(),
            website_base_path: answers.website_base_path.clone(),
            recipes: answers
                .recipes
                .clone()
                .unwrap_or_else(Recipes::default_choice),
            token_transfer: answers.token_transfer.unwrap_or_default(),
            connection_uri: answers
                .connection_uri
                .clone()
                .unwrap_or_else(|| DEFAULT_CONNECTION_URI.to_owned()),
        })
    }
}

/// `backend/supertokens.ts` and the like: where a file goes when no path was answered.
pub fn default_out(side: &str, lang: Lang) -> PathBuf {
    PathBuf::from(format!("{side}/supertokens.{}", lang.extension()))
}

/// The output paths for `side` in `lang`: the ones given, else the project's default —
/// where its framework's SuperTokens examples keep the file (`project::layout`: a Next.js
/// app router project's `app/config/backend.ts`, an Express package's `config.ts`, a React
/// frontend's `src/config.tsx`, …), else the language's default.
pub fn out_paths(given: &[PathBuf], side: &str, lang: Lang, project: &Path) -> Vec<PathBuf> {
    if !given.is_empty() {
        return given.to_vec();
    }
    let plain = default_out(side, lang);
    // A setup that began before the project had a framework keeps its files.
    if project.join(&plain).exists() {
        return vec![plain];
    }
    vec![crate::project::layout::default_out(project, side, lang).unwrap_or(plain)]
}

/// A list where st-setup.json version 1 held one value (`"backendOut": "a.ts"`).
fn one_or_many<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<PathBuf>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(PathBuf),
        Many(Vec<PathBuf>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(path) => vec![path],
        OneOrMany::Many(paths) => paths,
    })
}

/// Whether `path` (relative to `project`, or absolute) lies outside the project folder,
/// judged on the text alone (links are plan.rs's business).
pub fn escapes_project(path: &Path, project: &Path) -> bool {
    use crate::plan::place;
    !place(&project.join(path)).starts_with(place(project))
}

/// Whether `path` can be the output file that `question` (`BackendOut` or `FrontendOut`)
/// asks for: it names a file (not a folder) with an extension st-setup writes for that side
/// (`target::extensions`), in one line, that a file system can hold; a framework named after
/// it (`@flask`) must be one of its language's. Reads the disk only to see whether the path is
/// an existing folder.
pub fn check_output_path(path: &Path, project: &Path, question: Question) -> Result<(), String> {
    let (name, flag, side) = match question {
        Question::FrontendOut => ("the frontend file", "--frontend-out", Side::Frontend),
        _ => ("the backend file", "--backend-out", Side::Backend),
    };
    let given = path.to_string_lossy();
    let (path, framework) = crate::target::split_framework(path);
    let text = path.to_string_lossy();
    let shown = crate::text::quoted(&text);
    if text.trim().is_empty() {
        return Err(format!(
            "{name} is empty; give a file path relative to the project folder, e.g. {flag} supertokens.ts"
        ));
    }
    if let Some((position, character)) = crate::text::first_invisible(&text) {
        return Err(format!(
            "{name} {shown} has {} at character {position}; a file path is one line. Pass {flag} PATH without it.",
            crate::text::name_of(character)
        ));
    }
    // File systems take 255 bytes a name (and Linux 4,096 a path): say so up front rather
    // than as an operating system error with the whole path in it.
    if text.len() > 4096 {
        return Err(format!(
            "{name} {shown} is a path of {} bytes; Linux allows 4,096. Pass {flag} with a shorter path.",
            crate::text::thousands(text.len())
        ));
    }
    if let Some(long) = path
        .components()
        .map(|c| c.as_os_str())
        .find(|part| part.len() > 255)
    {
        return Err(format!(
            "{name} {shown} has a name of {} bytes ({}); file systems allow 255. Pass {flag} with a shorter path.",
            crate::text::thousands(long.len()),
            crate::text::quoted(&long.to_string_lossy())
        ));
    }
    let last = path.components().next_back();
    let folder_like = text.ends_with('/')
        || text.ends_with(std::path::MAIN_SEPARATOR)
        || !matches!(last, Some(std::path::Component::Normal(_)));
    if folder_like || project.join(path).is_dir() {
        let folder = text.trim_end_matches('/');
        return Err(format!(
            "{name} {shown} is a folder; st-setup writes one file there. Name the file, e.g. {flag} {}",
            Path::new(folder).join("supertokens.ts").display()
        ));
    }
    let extension = path.extension().map(|e| e.to_string_lossy());
    let suggestion = match path.file_stem() {
        // `.ts` alone is a name without an extension, to a file system.
        Some(stem) if !stem.to_string_lossy().starts_with('.') => path.with_extension("ts"),
        _ => path.with_file_name("supertokens.ts"),
    };
    let extensions = crate::target::extensions(side);
    match extension.as_deref() {
        Some(_)
            if side == Side::Frontend
                && matches!(framework, Some(Framework::Js(f)) if f.is_server()) =>
        {
            Err(format!(
                "{name} {} names a server framework; a frontend file is plain (@node) or in a Next.js app (@nextjs, @nextjs-pages)",
                crate::text::quoted(&given)
            ))
        }
        Some(e) if extensions.contains(&e) => check_framework(&given, e, framework, flag),
        Some(e)
            if e.split_once('@').is_some_and(|(e, _)| {
                extensions.contains(&e) && !Framework::names_for(e).is_empty()
            }) =>
        {
            let (e, named) = e.split_once('@').unwrap_or_default();
            Err(format!(
                "{name} {} names the framework {}, which st-setup does not know; for a .{e} file name one of {}, or leave it out to use what the project's manifests say",
                crate::text::quoted(&given),
                crate::text::quoted(named),
                Framework::names_for(e).join(", ")
            ))
        }
        _ => Err(format!(
            "{name} {shown} {}; st-setup writes {} files (the extension decides the language and module format). Pass {flag} with one of them, e.g. {flag} {}",
            match &extension {
                Some(e) => format!(
                    "has the extension {}",
                    crate::text::quoted(&format!(".{e}"))
                ),
                None => "has no extension".to_owned(),
            },
            extensions
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(" "),
            suggestion.display()
        )),
    }
}

/// A framework named after an output path must be one of its language's.
fn check_framework(
    given: &str,
    extension: &str,
    framework: Option<Framework>,
    flag: &str,
) -> Result<(), String> {
    let Some(framework) = framework else {
        return Ok(());
    };
    let fits = Framework::names_for(extension);
    if fits.contains(&framework.name()) {
        return Ok(());
    }
    Err(match fits.as_slice() {
        [] => format!(
            "{} names the framework {} after a .{extension} file; st-setup chooses a JavaScript file's setup from its package.json and tsconfig.json, so pass {flag} without \"@{}\"",
            crate::text::quoted(given),
            framework.name(),
            framework.name()
        ),
        fits => format!(
            "{} names {}, which is not a framework for .{extension} files; name one of {}",
            crate::text::quoted(given),
            framework.name(),
            fits.join(", ")
        ),
    })
}

/// A base path (`--api-base-path`, `--website-base-path`) is a URL path: it starts with
/// `/`, and holds no spaces, query, fragment or invisible character. An empty answer
/// means the default.
pub fn check_base_path(path: &str, question: Question) -> Result<(), String> {
    let flag = question.flag();
    let shown = crate::text::quoted(path);
    if path.is_empty() {
        return Ok(());
    }
    if let Some((position, character)) = crate::text::first_invisible(path) {
        return Err(format!(
            "the base path {shown} has {} at character {position}; pass {flag} without it",
            crate::text::name_of(character)
        ));
    }
    if !path.starts_with('/') {
        return Err(format!(
            "the base path {shown} does not start with \"/\"; pass {flag} with a path such as /auth"
        ));
    }
    if let Some(bad) = path.chars().find(|c| matches!(c, ' ' | '?' | '#' | '\\')) {
        return Err(format!(
            "the base path {shown} has {bad:?}; a base path is the path part of a URL only, such as /auth. Pass {flag} without it"
        ));
    }
    if path.contains("//") {
        return Err(format!(
            "the base path {shown} has an empty segment (\"//\"); pass {flag} such as /api/auth"
        ));
    }
    Ok(())
}

/// An app name must be there and fit on one line.
pub fn check_app_name(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err(
            "the app name is empty; pass --app-name NAME (it is shown in emails and the login UI)"
                .to_owned(),
        );
    }
    match crate::text::first_invisible(name) {
        Some((position, character)) => Err(format!(
            "the app name {} has {} at character {position}; it is shown in emails and the login UI on one line. Pass --app-name NAME without it.",
            crate::text::quoted(name),
            crate::text::name_of(character)
        )),
        None => Ok(()),
    }
}

/// The SuperTokens core's URL, as supertokens-node takes it.
pub fn check_connection_uri(uri: &str) -> Result<(), String> {
    if let Some((position, character)) = crate::text::first_invisible(uri) {
        return Err(format!(
            "the connection URI {} has {} at character {position}; pass --connection-uri URL without it.",
            crate::text::quoted(uri),
            crate::text::name_of(character)
        ));
    }
    let usable = url::Url::parse(uri)
        .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.has_host());
    if usable {
        Ok(())
    } else {
        Err(format!(
            "the connection URI {} is not an http(s) URL; pass --connection-uri, e.g. http://localhost:3567 or your SuperTokens core's URL",
            crate::text::quoted(uri)
        ))
    }
}

/// The endpoint answers of one environment, complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Environment {
    /// `None` for a setup without environments.
    pub name: Option<String>,
    pub apis: Vec<String>,
    pub auth_api: Option<String>,
    pub website: String,
    pub other_websites: Vec<String>,
}

impl Environment {
    /// What the domain analysis takes from it.
    pub fn domain_input(&self, token_transfer: TokenTransfer) -> crate::analysis::DomainInput<'_> {
        crate::analysis::DomainInput {
            apis: &self.apis,
            auth_api: self.auth_api.as_deref(),
            website: Some(&self.website),
            other_websites: &self.other_websites,
            header: token_transfer == TokenTransfer::Header,
        }
    }
}

/// Complete answers, ready to generate from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    /// At least one; one without a name when the setup has no environments.
    pub environments: Vec<Environment>,
    pub ui: Ui,
    pub app_name: String,
    /// At least one backend file and one frontend file.
    pub backend_out: Vec<PathBuf>,
    pub frontend_out: Vec<PathBuf>,
    pub lang: Lang,
    pub connection_uri: String,
    pub api_base_path: Option<String>,
    pub website_base_path: Option<String>,
    pub recipes: Recipes,
    pub token_transfer: TokenTransfer,
}

/// One output of a setup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output<'a> {
    pub role: crate::target::Role,
    /// As given, with a framework named after it: `app/config.py@flask`.
    pub given: &'a Path,
    /// The file: `app/config.py`.
    pub path: &'a Path,
    pub framework: Option<crate::target::Framework>,
}

impl Setup {
    /// Every output file with its role: the backends, then the frontends.
    pub fn outputs(&self) -> impl Iterator<Item = Output<'_>> {
        use crate::target::Role;
        let backends = self.backend_out.iter().map(|p| (Role::Backend, p));
        let frontends = self
            .frontend_out
            .iter()
            .map(|p| (Role::Frontend(self.ui), p));
        backends.chain(frontends).map(|(role, given)| {
            let (path, framework) = crate::target::split_framework(given);
            Output {
                role,
                given,
                path,
                framework,
            }
        })
    }

    pub fn to_answers(&self) -> Answers {
        let (mut flat, mut environments) = (EnvAnswers::default(), Vec::new());
        for env in &self.environments {
            let answers = EnvAnswers {
                name: env.name.clone().unwrap_or_default(),
                apis: env.apis.clone(),
                auth_api: env.auth_api.clone(),
                website: Some(env.website.clone()),
                other_websites: env.other_websites.clone(),
            };
            match env.name {
                Some(_) => environments.push(answers),
                None => flat = answers,
            }
        }
        Answers {
            apis: flat.apis,
            auth_api: flat.auth_api,
            website: flat.website,
            other_websites: flat.other_websites,
            environments,
            env: None,
            ui: Some(self.ui),
            app_name: Some(self.app_name.clone()),
            // Default paths are not answers: saved, they would stop following --lang.
            backend_out: not_default(&self.backend_out, "backend", self.lang),
            frontend_out: not_default(&self.frontend_out, "frontend", self.lang),
            lang: Some(self.lang),
            connection_uri: Some(self.connection_uri.clone()),
            api_base_path: self.api_base_path.clone(),
            website_base_path: self.website_base_path.clone(),
            recipes: Some(self.recipes.clone()),
            // Cookies are what a setup without the answer has: saved only when not.
            token_transfer: (self.token_transfer == TokenTransfer::Header)
                .then_some(TokenTransfer::Header),
        }
    }
}

/// `paths`, or nothing when they are just the language's default path.
fn not_default(paths: &[PathBuf], side: &str, lang: Lang) -> Vec<PathBuf> {
    if paths == [default_out(side, lang)] {
        Vec::new()
    } else {
        paths.to_vec()
    }
}

/// Every question st-setup asks, in the order both wizards ask them. Each owns its label,
/// its one-line hint and the flag that answers it, so the TUI, the line prompts, the help
/// screen and the errors for missing answers all say the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Apis,
    AuthApi,
    Ui,
    Recipes,
    Website,
    AppName,
    Lang,
    BackendOut,
    FrontendOut,
    ConnectionUri,
    ApiBasePath,
    WebsiteBasePath,
}

impl Question {
    pub const ALL: [Question; 12] = [
        Question::Apis,
        Question::AuthApi,
        Question::Ui,
        Question::Recipes,
        Question::Website,
        Question::AppName,
        Question::Lang,
        Question::BackendOut,
        Question::FrontendOut,
        Question::ConnectionUri,
        Question::ApiBasePath,
        Question::WebsiteBasePath,
    ];

    /// The field's name in the wizards.
    pub fn label(self) -> &'static str {
        match self {
            Question::Apis => "API endpoints",
            Question::AuthApi => "Auth API",
            Question::Ui => "Login UI",
            Question::Recipes => "Sign-in",
            Question::Website => "Website",
            Question::AppName => "App name",
            Question::Lang => "Language",
            Question::BackendOut => "Backend files",
            Question::FrontendOut => "Frontend files",
            Question::ConnectionUri => "Core URI",
            Question::ApiBasePath => "API base path",
            Question::WebsiteBasePath => "Login path",
        }
    }

    /// One line on what the answer is for.
    pub fn hint(self) -> &'static str {
        match self {
            Question::Apis => {
                "Every API your frontend calls, e.g. https://api.example.com (a pasted list splits itself)"
            }
            Question::AuthApi => {
                "The API serving SuperTokens' routes (under the API base path, /auth by default): appInfo.apiDomain, the same on both sides"
            }
            Question::Ui => {
                "Pre built UI: supertokens-auth-react draws the login pages; custom UI: your pages call supertokens-web-js"
            }
            Question::Recipes => {
                "The sign-in methods, the same on every backend and frontend: EmailPassword, ThirdParty (Google, GitHub), Passwordless"
            }
            Question::Website => {
                "Where the frontend is served: appInfo.websiteDomain, e.g. https://example.com (more websites calling the APIs, e.g. an admin app: list them after it)"
            }
            Question::AppName => "appInfo.appName: shown in emails and on the login pages",
            Question::Lang => {
                "TypeScript or JavaScript for the default file names (a path's own extension decides)"
            }
            Question::BackendOut => {
                "One init file per backend service: .ts/.js (Node), .py (Python), .go (Go); app/st.py@flask names a framework"
            }
            Question::FrontendOut => {
                "One init file per frontend, relative to the project folder (.ts .tsx .js .jsx …)"
            }
            Question::ConnectionUri => {
                "Where the backend reaches the SuperTokens core, e.g. http://localhost:3567"
            }
            Question::ApiBasePath => {
                "appInfo.apiBasePath: where the auth API serves its routes; empty: /auth (/api/auth in Next.js)"
            }
            Question::WebsiteBasePath => {
                "appInfo.websiteBasePath: where the website shows the login pages; empty: /auth"
            }
        }
    }

    /// The flag that answers it, as an error for a missing answer names it.
    pub fn flag(self) -> &'static str {
        match self {
            Question::Apis => "--api URL (once per API, e.g. --api https://api.example.com)",
            Question::AuthApi => {
                "--auth-api URL (the API serving the auth routes; default: the first --api)"
            }
            Question::Website => {
                "--website URL (where the frontend is served, e.g. https://example.com; again for each other website)"
            }
            Question::Ui => {
                "--ui prebuilt|custom (pre built UI: supertokens-auth-react; custom UI: supertokens-web-js)"
            }
            Question::Recipes => {
                "--recipes LIST (emailpassword, thirdparty, passwordless, comma-separated; none: Session only)"
            }
            Question::AppName => "--app-name NAME",
            Question::Lang => "--lang ts|js",
            Question::BackendOut => "--backend-out PATH",
            Question::FrontendOut => "--frontend-out PATH",
            Question::ConnectionUri => "--connection-uri URL",
            Question::ApiBasePath => "--api-base-path PATH",
            Question::WebsiteBasePath => "--website-base-path PATH",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MissingAnswers {
    pub questions: Vec<Question>,
    /// The environment whose endpoint answers are missing, if it has a name.
    pub env: Option<String>,
}

impl fmt::Display for MissingAnswers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "these answers are missing; pass them as flags (or keep them in {FILE_NAME}):"
        )?;
        for question in &self.questions {
            match (&self.env, question) {
                (Some(env), Question::Apis | Question::Website) => {
                    writeln!(f, "  {} with --env {env}", question.flag())?
                }
                _ => writeln!(f, "  {}", question.flag())?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for MissingAnswers {}

/// What `st-setup.json` holds: the answers, plus what the last run generated that the
/// next one must know (the cookie domain, to notice when it changes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedSetup {
    pub version: u32,
    #[serde(default)]
    pub answers: Answers,
    /// Absent until st-setup has written files from these answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Generated>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Generated {
    /// The cookie domain the files were last generated with; `null` for none.
    #[serde(default)]
    pub cookie_domain: Option<String>,
    /// Set when the cookie domain changed: the previous one (`""` for none), which the
    /// backend keeps clearing for a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older_cookie_domain: Option<String>,
    /// The same, for each environment of a setup that has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub environments: Vec<GeneratedEnv>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GeneratedEnv {
    pub name: String,
    #[serde(default)]
    pub cookie_domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older_cookie_domain: Option<String>,
}

impl SavedSetup {
    /// This (previous) setup as it was for the environment `env`, as a setup without
    /// environments: what the next run compares that environment's cookie domain with.
    /// Values that had no environment yet count for the environment that lists their auth
    /// API, which is the one they became.
    pub fn environment_view(&self, env: &Environment) -> Option<SavedSetup> {
        let Some(name) = &env.name else {
            return self.answers.environments.is_empty().then(|| self.clone());
        };
        if self.answers.environments.is_empty() {
            let auth = self
                .answers
                .auth_api
                .as_deref()
                .or(self.answers.apis.first().map(String::as_str))
                .and_then(crate::endpoint::origin_of)?;
            let listed = env
                .apis
                .iter()
                .any(|a| crate::endpoint::origin_of(a).as_ref() == Some(&auth));
            return listed.then(|| self.clone());
        }
        let own = self.answers.environments.iter().find(|e| &e.name == name)?;
        let generated = self.generated.as_ref().map(|g| {
            let own = g.environments.iter().find(|e| &e.name == name);
            Generated {
                cookie_domain: own.and_then(|e| e.cookie_domain.clone()),
                older_cookie_domain: own.and_then(|e| e.older_cookie_domain.clone()),
                environments: Vec::new(),
            }
        });
        Some(SavedSetup {
            version: self.version,
            answers: Answers {
                apis: own.apis.clone(),
                auth_api: own.auth_api.clone(),
                website: own.website.clone(),
                other_websites: own.other_websites.clone(),
                environments: Vec::new(),
                ..self.answers.clone()
            },
            generated,
        })
    }

    /// Reads `st-setup.json` in `project`; `Ok(None)` when there is none.
    pub fn load(project: &Path) -> Result<Option<SavedSetup>> {
        let path = project.join(FILE_NAME);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        Self::parse(&text).map(Some).with_context(|| {
            format!(
                "{} is not a valid st-setup file; fix or delete it",
                path.display()
            )
        })
    }

    /// Reads st-setup.json's text: any error names its line and column, the field it is
    /// in, and what was expected there, in words rather than type names.
    pub fn parse(text: &str) -> Result<SavedSetup> {
        // Editors on Windows may save a byte order mark; it is not part of the JSON.
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let located = |e: &serde_json::Error, path: &str| {
            let position = format!(" at line {} column {}", e.line(), e.column());
            let message = e.to_string();
            let message = message.strip_suffix(&position).unwrap_or(&message);
            let message = in_words(message);
            let field = if path.is_empty() || path == "." {
                String::new()
            } else {
                format!("{path}: ")
            };
            anyhow::anyhow!("line {}, column {}: {field}{message}", e.line(), e.column())
        };
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| located(&e, ""))?;
        let Some(object) = value.as_object() else {
            bail!(
                "it holds {}, not an object; st-setup.json is an object such as {{\"version\": {VERSION}, \"answers\": {{…}}}}",
                json_kind(&value)
            );
        };
        match object.get("version") {
            // Version 1 held one path per side, which is read as a list of one; version 2
            // had no sign-in recipes; version 4 adds environments and several websites.
            Some(serde_json::Value::Number(n)) if matches!(n.as_u64(), Some(1..=4)) => {}
            Some(serde_json::Value::Number(n))
                if n.as_u64().is_some_and(|v| v > u64::from(VERSION)) =>
            {
                bail!(
                    "it was written by a newer st-setup (schema version {n}); this one reads version {VERSION}: upgrade st-setup"
                )
            }
            Some(other) => bail!("\"version\" is {other}; expected {VERSION}"),
            None => bail!("\"version\" is missing; expected \"version\": {VERSION}"),
        }
        // serde would take a list for an object (its fields in order); nobody means that.
        for (key, value) in object {
            if matches!(key.as_str(), "answers" | "generated") && !value.is_object() {
                bail!("\"{key}\" holds {}; expected an object", json_kind(value));
            }
        }
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let mut saved: SavedSetup = serde_path_to_error::deserialize(&mut deserializer)
            .map_err(|e| located(e.inner(), &e.path().to_string()))?;
        let written_by = saved.version;
        // A hand-edited entry holding a pasted list is read as the list it is.
        saved.answers.apis = crate::text::split_all(&saved.answers.apis);
        // Files generated before recipes were a choice initialise Session only: keep them
        // so rather than add a sign-in method nobody asked for.
        if written_by < 3 && saved.generated.is_some() && saved.answers.recipes.is_none() {
            saved.answers.recipes = Some(Recipes::default());
        }
        // Read in the form this build writes: version 1 is migrated on the next write.
        saved.version = version_for(&saved.answers);
        Ok(saved)
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("answers serialise");
        text.push('\n');
        text
    }
}

/// serde's messages name Rust types ("expected struct Answers"); a user reads "an
/// object".
fn in_words(message: &str) -> String {
    let mut out = message.to_owned();
    for name in ["SavedSetup", "Answers", "Generated"] {
        out = out.replace(&format!("struct {name}"), "an object");
    }
    out.replace("a sequence", "a list")
        .replace("sequence", "a list")
        .replace("map,", "an object,")
        .replace("unit variant", "value")
}

/// "an array", "a number", … for what a JSON value is.
fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_the_file_field_by_field() {
        let file = Answers {
            apis: vec!["https://api.example.com".into()],
            app_name: Some("Old".into()),
            ui: Some(Ui::Custom),
            ..Default::default()
        };
        let flags = Answers {
            app_name: Some("New".into()),
            ..Default::default()
        };
        let merged = file.overlaid_with(&flags);
        assert_eq!(merged.app_name.as_deref(), Some("New"));
        assert_eq!(merged.ui, Some(Ui::Custom));
        assert_eq!(merged.apis, vec!["https://api.example.com".to_string()]);
    }

    /// A wizard edits one environment's answers at the top: folded back, they replace
    /// that environment's, a cleared one included, and no other environment changes.
    #[test]
    fn an_environment_edited_at_the_top_is_replaced_whole() {
        let saved = Answers {
            apis: vec![
                "https://api.example.com".into(),
                "https://api2.example.com".into(),
            ],
            auth_api: Some("https://api2.example.com".into()),
            website: Some("https://example.com".into()),
            ..Default::default()
        };
        let flags = Answers {
            env: Some("development".into()),
            apis: vec!["http://localhost:3001".into()],
            ..Default::default()
        };
        // The values it had become production (they are not on localhost).
        let both = saved.overlaid_with(&flags);
        assert_eq!(both.env.as_deref(), Some("development"));
        assert_eq!(both.apis, ["http://localhost:3001"]);
        let mut production = both.clone().focused_on("production");
        assert_eq!(
            production.auth_api.as_deref(),
            Some("https://api2.example.com")
        );
        production.auth_api = None;
        production.apis.pop();
        let folded = production.folded();
        assert_eq!(folded.env, None);
        assert!(folded.apis.is_empty());
        let names: Vec<&str> = folded
            .environments
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names, ["production", "development"]);
        assert_eq!(folded.environments[0].auth_api, None);
        assert_eq!(folded.environments[0].apis, ["https://api.example.com"]);
        assert_eq!(folded.environments[1].apis, ["http://localhost:3001"]);
        assert_eq!(
            folded.clone().folded(),
            folded,
            "folding again changes nothing"
        );
    }

    #[test]
    fn missing_answers_name_their_flags() {
        let err = Answers::default()
            .resolve(Path::new("/nonexistent"))
            .unwrap_err();
        let text = err.to_string();
        for flag in [
            "--api URL",
            "--website URL",
            "--ui prebuilt|custom",
            "--app-name NAME",
        ] {
            assert!(text.contains(flag), "{text}");
        }
    }

    #[test]
    fn defaults_follow_the_language() {
        let answers = Answers {
            apis: vec!["api.example.com".into()],
            website: Some("example.com".into()),
            ui: Some(Ui::Prebuilt),
            app_name: Some("A".into()),
            lang: Some(Lang::Js),
            ..Default::default()
        };
        let setup = answers.resolve(Path::new("/nonexistent")).unwrap();
        assert_eq!(setup.backend_out, [PathBuf::from("backend/supertokens.js")]);
        assert_eq!(
            setup.frontend_out,
            [PathBuf::from("frontend/supertokens.js")]
        );
        assert_eq!(setup.connection_uri, DEFAULT_CONNECTION_URI);
        assert!(
            setup.to_answers().backend_out.is_empty(),
            "defaults are not saved"
        );
    }

    #[test]
    fn saved_paths_must_stay_inside_unless_given_as_flags() {
        let project = Path::new("/srv/app");
        for path in [
            "/etc/cron.d/x.js",
            "../outside.ts",
            "a/../../outside.ts",
            "/srv/app-other/x.ts",
        ] {
            let saved = Answers {
                backend_out: vec![path.into()],
                ..Default::default()
            };
            let err = saved
                .check_saved_paths(&Answers::default(), project)
                .unwrap_err();
            assert!(
                err.to_string().contains("outside the project folder"),
                "{path}: {err}"
            );
            let flags = Answers {
                backend_out: vec![path.into()],
                ..Default::default()
            };
            assert!(saved.check_saved_paths(&flags, project).is_ok());
        }
        for path in ["web/../src/st.ts", "/srv/app/web/st.ts"] {
            let inside = Answers {
                frontend_out: vec![path.into()],
                ..Default::default()
            };
            assert!(
                inside
                    .check_saved_paths(&Answers::default(), project)
                    .is_ok(),
                "{path}"
            );
        }
    }

    #[test]
    fn saved_file_round_trips() {
        let saved = SavedSetup {
            version: 3,
            answers: Answers {
                apis: vec!["https://api.example.com".into()],
                ui: Some(Ui::Prebuilt),
                recipes: Some("thirdparty,passwordless".parse().unwrap()),
                ..Default::default()
            },
            generated: Some(Generated {
                cookie_domain: Some(".example.com".into()),
                older_cookie_domain: Some(String::new()),
                environments: Vec::new(),
            }),
        };
        assert_eq!(SavedSetup::parse(&saved.to_json()).unwrap(), saved);
        // Environments and several websites are version 4's.
        let environments = SavedSetup {
            version: 4,
            answers: Answers {
                environments: vec![EnvAnswers {
                    name: "production".into(),
                    apis: vec!["https://api.example.com".into()],
                    auth_api: None,
                    website: Some("https://example.com".into()),
                    other_websites: vec!["https://admin.example.com".into()],
                }],
                ..saved.answers.clone()
            },
            generated: saved.generated.clone(),
        };
        assert_eq!(
            SavedSetup::parse(&environments.to_json()).unwrap(),
            environments
        );
    }

    #[test]
    fn files_generated_before_recipes_keep_session_only() {
        let old =
            r#"{"version": 2, "answers": {"ui": "prebuilt"}, "generated": {"cookieDomain": null}}"#;
        let saved = SavedSetup::parse(old).unwrap();
        assert_eq!(saved.answers.recipes, Some(Recipes::default()));
        // Answers that were never generated from get the default when resolved.
        let fresh = SavedSetup::parse(r#"{"version": 2, "answers": {}}"#).unwrap();
        assert_eq!(fresh.answers.recipes, None);
        // Version 3 saves the recipes: a file of it without them left them unanswered.
        let edited = old.replace("\"version\": 2", "\"version\": 3");
        assert_eq!(SavedSetup::parse(&edited).unwrap().answers.recipes, None);
        assert_eq!(SavedSetup::parse(&edited).unwrap().version, 3);
    }

    #[test]
    fn corrupt_file_errors_name_line_and_column() {
        let err =
            SavedSetup::parse("{\n  \"version\": 1,\n  \"answers\": {\n    \"apis\": [1]\n  }\n}")
                .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("line 4, column 14: answers.apis[0]: invalid type"),
            "{err}"
        );
        let err = SavedSetup::parse("{\"version\": 1, \"colour\": 1}").unwrap_err();
        assert!(err.to_string().contains("unknown field `colour`"), "{err}");
        let err = SavedSetup::parse("{\"version\": 1,").unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn errors_say_where_and_what_in_words() {
        let err = SavedSetup::parse("[]").unwrap_err().to_string();
        assert!(err.contains("it holds a list, not an object"), "{err}");
        assert!(!err.contains("VersionOnly"), "{err}");
        let err = SavedSetup::parse("{\"version\": 1, \"answers\": []}")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("\"answers\" holds a list; expected an object"),
            "{err}"
        );
        let err = SavedSetup::parse("{\"version\": 1, \"answers\": {\"apis\": {}}}")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("answers.apis: invalid type: an object, expected a list"),
            "{err}"
        );
        let err = SavedSetup::parse("{\"version\": 1, \"answers\": {\"ui\": \"fancy\"}}")
            .unwrap_err()
            .to_string();
        assert!(err.contains("answers.ui: unknown variant `fancy`"), "{err}");
        assert!(err.starts_with("line 1, column "), "{err}");
    }

    #[test]
    fn output_paths_name_a_file_st_setup_can_write() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("web")).unwrap();
        let check = |p: &str| check_output_path(Path::new(p), dir.path(), Question::FrontendOut);
        for ok in [
            "web/st.ts",
            "a.tsx",
            "b.mts",
            "c.cts",
            "d.js",
            "e.jsx",
            "f.mjs",
            "g.cjs",
            "../x/y.ts",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
        assert!(check("").unwrap_err().contains("is empty"));
        for folder in ["web/", "web", ".", "web/.."] {
            let err = check(folder).unwrap_err();
            assert!(err.contains("is a folder"), "{folder}: {err}");
        }
        let err = check("web/").unwrap_err();
        assert!(
            err.contains("e.g. --frontend-out web/supertokens.ts"),
            "{err}"
        );
        for (bad, said) in [
            ("server/config.py", "has the extension \".py\""),
            ("web/st.tsMy", "has the extension \".tsMy\""),
            ("web/supertokens", "has no extension"),
            ("web/.ts", "e.g. --frontend-out web/supertokens.ts"),
        ] {
            let err = check(bad).unwrap_err();
            assert!(err.contains(said), "{bad}: {err}");
            assert!(
                err.contains(".ts .tsx .mts .cts .js .jsx .mjs .cjs"),
                "{err}"
            );
        }
        assert!(
            check("web/a\nb.ts")
                .unwrap_err()
                .contains("a line break (U+000A)")
        );
    }

    #[test]
    fn app_names_and_core_uris_fit_on_one_line() {
        assert!(check_app_name("Acme \"Q\" ${x} \u{2028}").is_ok());
        assert!(check_app_name("  ").unwrap_err().contains("empty"));
        assert!(
            check_app_name("My\nApp")
                .unwrap_err()
                .contains("a line break (U+000A) at character 3")
        );
        assert!(check_connection_uri("https://core.example.com:3567").is_ok());
        for bad in ["localhost:3567", "ftp://x", "http://local\nhost:3567", ""] {
            assert!(check_connection_uri(bad).is_err(), "{bad}");
        }
        assert!(
            check_connection_uri("http://local\thost:3567")
                .unwrap_err()
                .contains("a tab (U+0009) at character 13")
        );
    }

    #[test]
    fn a_byte_order_mark_is_fine() {
        let saved = SavedSetup::parse("\u{FEFF}{\"version\": 1}").unwrap();
        assert_eq!(saved.version, 3);
    }

    #[test]
    fn future_versions_are_refused() {
        let err = SavedSetup::parse("{\"version\": 5, \"newThing\": true}").unwrap_err();
        assert!(err.to_string().contains("newer st-setup"), "{err}");
        assert!(
            SavedSetup::parse("{}")
                .unwrap_err()
                .to_string()
                .contains("missing")
        );
    }
}
