//! The command line: clap definitions (what `--help` shows, per subcommand), then
//! `Cli::into_request`, which merges flags given before a subcommand with its own and
//! refuses the ones it has no use for. Every question of the wizard has a flag here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::answers::{Answers, Lang, TokenTransfer, Ui};
use crate::recipe::Recipes;
use crate::target::Side;

const EXAMPLES: &str = "\
Examples:
  st-setup                                   ask in a full-screen wizard
  st-setup domain api.example.com api2.example.com
                                             which cookie domain, and why
  st-setup --yes --api https://api.example.com --api https://api2.example.com \\
      --website https://example.com --ui prebuilt --app-name Acme
                                             write both files without asking
  st-setup add-api https://api3.example.com --dry-run
                                             preview the change an added API makes
  st-setup check                             exit 1 if the files drifted from st-setup.json
  st-setup doctor --format sarif > doctor.sarif
                                             audit every init call in the repository
  st-setup adopt --dry-run                   show how the hand-written inits would be taken over
  st-setup completions bash > ~/.local/share/bash-completion/completions/st-setup
  st-setup man > st-setup.1                  the manual page

st-setup.json is looked for in the current folder, then in each parent (as cargo looks for
Cargo.toml); -C DIR names the project folder instead.

Exit codes: 0 ok, 1 the answers cannot work, the files drifted or a run failed,
2 usage error (or `check` cannot judge), 130 cancelled.";

#[derive(Debug, Parser)]
#[command(
    name = "st-setup",
    about = "Set up SuperTokens sessions shared across several API endpoints",
    long_about = "Set up SuperTokens sessions shared across several API endpoints.\n\n\
        When a frontend talks to several APIs (api.example.com, api2.example.com), the backend's \
        Session.init needs cookieDomain and the frontend's Session.init needs \
        sessionTokenBackendDomain: the same value, the APIs' common domain with a leading dot \
        (\".example.com\"). st-setup works it out with the Public Suffix List, explains every \
        constraint, and writes matching init files: one per backend service \
        (supertokens-node, supertokens-python or supertokens-golang, by the file's \
        extension) and per frontend (supertokens-auth-react or supertokens-web-js).\n\n\
        Answers come from st-setup.json (written after each run), then flags, then the wizard.",
    after_help = EXAMPLES,
    disable_version_flag = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// An API endpoint the frontend calls; repeat for each API (a list separated by
    /// commas, spaces or line breaks is split)
    #[arg(long = "api", value_name = "URL", help_heading = ANSWERS)]
    pub apis: Vec<String>,

    #[command(flatten)]
    pub answers: AnswerFlags,

    #[command(flatten)]
    pub write: WriteFlags,

    /// Ask line by line instead of full-screen (automatic when TERM=dumb)
    #[arg(long, help_heading = HOW)]
    pub plain: bool,

    #[command(flatten)]
    pub project: ProjectFlags,

    #[command(flatten)]
    pub output: OutputFlags,

    /// Print the version and the Public Suffix List's version
    #[arg(short = 'V', long)]
    pub version: bool,
}

const ANSWERS: &str = "Answers (each replaces the one in st-setup.json)";
const HOW: &str = "How to run";

#[derive(Debug, Subcommand)]
// Each subcommand's arguments are built only when it runs: building them all costs a
// quarter of a short command's start-up.
#[command(defer = true)]
pub enum Command {
    /// Analyse API endpoints only: the shared cookie domain, and why
    Domain(DomainArgs),
    /// Add API endpoints to st-setup.json and regenerate the files
    AddApi(AddApiArgs),
    /// Add a backend service's init file: it gets the same values as every other output
    AddBackend(AddFileArgs),
    /// Add a frontend's init file: it gets the same values as every other output
    AddFrontend(AddFileArgs),
    /// Exit 0 when the files on disk are what st-setup.json generates, 1 when they
    /// drifted, 2 when st-setup.json or a file's st-setup block is broken
    Check(CheckArgs),
    /// Audit every SuperTokens init call in a folder, whoever wrote it: exit 1 when the
    /// calls cannot work together. Writes nothing
    Doctor(DoctorArgs),
    /// Take over the init calls written by hand: their values go into st-setup.json and a
    /// managed block in each file, and the calls read that block (shows the diff first)
    Adopt(AdoptArgs),
    /// Print the iOS (Swift) and Android (Kotlin) init snippets with st-setup.json's
    /// values, to paste into a native app
    Mobile(MobileArgs),
    /// Print a shell completion script
    Completions {
        /// bash, zsh, fish, elvish or powershell
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `st-setup man > st-setup.1`
    Man,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Writes nothing. Reads no st-setup.json, except with --env: then it analyses that environment of the project's st-setup.json (found as for every command, or -C DIR)."
)]
pub struct DomainArgs {
    /// API endpoints, e.g. https://api.example.com or api2.example.com:8443
    #[arg(
        value_name = "URL",
        required_unless_present = "env",
        conflicts_with = "env"
    )]
    pub urls: Vec<String>,

    /// Analyse this environment of st-setup.json instead of URLs given, e.g. production
    #[arg(long, value_name = "NAME")]
    pub env: Option<String>,

    #[command(flatten)]
    pub project: ProjectFlags,

    /// The endpoint serving /auth (appInfo.apiDomain) [default: the first URL]
    #[arg(long, value_name = "URL")]
    pub auth_api: Option<String>,

    /// Where the frontend is served (appInfo.websiteDomain), e.g. https://example.com;
    /// again for each other website that calls the APIs
    #[arg(long = "website", value_name = "URL")]
    pub websites: Vec<String>,

    /// How sessions travel: cookies (the APIs must share one site), or an Authorization
    /// header (the APIs may be on several sites; the domain then decides which requests
    /// the frontend adds the token to)
    /// [default: cookie]
    #[arg(long, value_enum)]
    pub token_transfer: Option<TokenTransfer>,

    #[command(flatten)]
    pub output: OutputFlags,
}

/// What every command that adds to st-setup.json takes besides what it adds.
#[derive(Debug, Args)]
pub struct AddFlags {
    #[command(flatten)]
    pub answers: AnswerFlags,

    #[command(flatten)]
    pub write: WriteFlags,

    #[command(flatten)]
    pub project: ProjectFlags,

    #[command(flatten)]
    pub output: OutputFlags,
}

#[derive(Debug, Args)]
pub struct AddFileArgs {
    /// The new init files: .ts .tsx .mts .cts .js .jsx .mjs .cjs; for a backend also .py
    /// and .go, with a framework after @ if the project's manifests do not say
    /// (app/config.py@flask)
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub flags: AddFlags,
}

#[derive(Debug, Args)]
pub struct AddApiArgs {
    /// The new API endpoints
    #[arg(value_name = "URL", required = true)]
    pub urls: Vec<String>,

    #[command(flatten)]
    pub flags: AddFlags,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Finds the init calls as `st-setup doctor` does, in a project \
without st-setup.json. Each file's values move into an st-setup block placed after its \
imports; its init call then reads them (appInfo: stSetup.appInfo, \
connectionURI: stSetup.connectionURI, Session.init({ ...stSetup.session, yourOptions })). \
Every other line is kept. Where the files disagree, or a value is known only at run time, \
nothing is written and the message names the flag that settles it (--app-name, \
--auth-api, --website, --api for the other APIs sharing the session, --ui, \
--connection-uri). Takes over supertokens-node, -python and -golang backends and \
supertokens-auth-react / supertokens-web-js / supertokens-react-native frontends for now; it \
needs one backend and \
one frontend file among them (or --backend-out / --frontend-out for a new one)."
)]
pub struct AdoptArgs {
    /// The files to take over [default: every one with an init call st-setup does not
    /// manage]
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Another API that shares the session (the files name only the one serving /auth);
    /// repeat for each
    #[arg(long = "api", value_name = "URL", help_heading = ANSWERS)]
    pub apis: Vec<String>,

    #[command(flatten)]
    pub flags: AddFlags,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Reads st-setup.json and writes nothing: the snippets carry its values (apiDomain, apiBasePath, sessionTokenBackendDomain, header-based tokens, which native apps use), analysed as for every other output. With a development and a production environment, a debug build takes development and a release build production."
)]
pub struct MobileArgs {
    /// ios or android [default: both]
    #[arg(value_enum, value_name = "PLATFORM")]
    pub platform: Option<crate::mobile::Platform>,

    #[command(flatten)]
    pub project: ProjectFlags,

    #[command(flatten)]
    pub output: OutputFlags,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Compares with st-setup.json exactly as saved: it takes no answers and writes nothing."
)]
pub struct CheckArgs {
    #[command(flatten)]
    pub project: ProjectFlags,

    #[command(flatten)]
    pub output: OutputFlags,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Finds the init calls of supertokens-node, -python and -golang, \
supertokens-auth-react, -web-js, -website and -react-native by their imports (any alias), \
in .ts .tsx .js .jsx .mjs .cjs .mts .cts, the <script> of .vue .svelte .astro, .py and .go \
files, reading each value or naming the expression it comes from at run time. Then \
checks them together: one cookie domain for every backend and frontend, covering every \
API, usable by browsers; the same apiDomain and websiteDomain on both sides. \
Files .gitignore excludes and node_modules, .venv, venv, target, vendor, dist and \
__pycache__ are skipped (--no-ignore reads them). Exit 0: no error found; 1: an error; \
2: usage."
)]
pub struct DoctorArgs {
    /// The folder to audit [default: the project (where st-setup.json is), else the
    /// current folder]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The report's format: human (grouped by problem), json (as --json), sarif (SARIF
    /// 2.1.0, for GitHub code scanning)
    #[arg(long, value_enum, value_name = "FORMAT", help_heading = HOW)]
    pub format: Option<DoctorFormat>,

    /// Also read the files .gitignore excludes and the dependency and build folders
    #[arg(long, help_heading = HOW)]
    pub no_ignore: bool,

    #[command(flatten)]
    pub output: OutputFlags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DoctorFormat {
    Human,
    Json,
    Sarif,
}

#[derive(Debug, Default, Args)]
pub struct AnswerFlags {
    /// The environment that --api, --auth-api and --website answer for (development,
    /// production, staging, …). Each environment is analysed on its own, and the files
    /// hold every one, picking one at run time: ST_SETUP_ENV, else NODE_ENV (Node), the
    /// page's own origin (browsers), __DEV__ (React Native), else the first environment.
    /// A project's first --env turns the values it had into an environment: development
    /// when they all run on localhost, else production
    #[arg(long, value_name = "NAME", help_heading = ANSWERS)]
    pub env: Option<String>,

    /// The endpoint serving SuperTokens' routes (appInfo.apiDomain) [default: the first --api]
    #[arg(long, value_name = "URL", help_heading = ANSWERS)]
    pub auth_api: Option<String>,

    /// Where the frontend is served (appInfo.websiteDomain), e.g. https://example.com.
    /// Repeat for each other website that calls the APIs (an admin app, staging): each
    /// is analysed against them, the backends answer the SDK's origin with the one a
    /// request comes from (else the first), and CORS allows them all
    #[arg(long = "website", value_name = "URL", help_heading = ANSWERS)]
    pub websites: Vec<String>,

    /// Login pages from supertokens-auth-react (prebuilt), or your own pages using
    /// supertokens-web-js (custom)
    #[arg(long, value_enum, help_heading = ANSWERS)]
    pub ui: Option<Ui>,

    /// The sign-in recipes, initialised on every backend and frontend beside Session:
    /// emailpassword, thirdparty (Google and GitHub; the backends read GOOGLE_CLIENT_ID,
    /// GOOGLE_CLIENT_SECRET, GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET from the environment),
    /// passwordless (a code or magic link by email), comma-separated; none: Session only
    /// [default: emailpassword]
    #[arg(long, value_name = "LIST", help_heading = ANSWERS)]
    pub recipes: Option<Recipes>,

    /// How sessions travel: cookies (every API on the website's site), or an
    /// Authorization header (header-based sessions: APIs on several sites, or a mobile
    /// app). In header mode the domain decides which requests the frontend adds the token
    /// to; APIs on other sites than the auth API's are named one by one [default: cookie]
    #[arg(long, value_enum, help_heading = ANSWERS)]
    pub token_transfer: Option<TokenTransfer>,

    /// appInfo.appName, shown in emails and the login UI
    #[arg(long, value_name = "NAME", help_heading = ANSWERS)]
    pub app_name: Option<String>,

    /// A backend init file; repeat for each backend service, all get the same values.
    /// The extension decides the SDK: .ts .tsx .mts .cts .js .jsx .mjs .cjs supertokens-node,
    /// .py supertokens-python, .go supertokens-golang. The framework comes from the
    /// project's manifests, or after @: PATH@node|express|fastify|koa|hono|nestjs|nextjs|nextjs-pages,
    /// PATH@fastapi|flask|django,
    /// PATH@net/http|gin|chi|echo
    /// [default: where the framework's SuperTokens examples keep it, in the project or its
    /// backend/ folder: config.ts (Express, Fastify, Koa, Hono), src/config.ts (NestJS),
    /// app/config/backend.ts (Next.js app router; config/backendConfig.ts with the pages router), config.py (app/config.py for Django),
    /// config.go; else backend/supertokens.ts, or .js]
    #[arg(long, value_name = "PATH[@FRAMEWORK]", help_heading = ANSWERS)]
    pub backend_out: Vec<PathBuf>,

    /// A frontend init file (.ts .tsx .mts .cts .js .jsx .mjs .cjs); repeat for each
    /// frontend. The framework comes from package.json, or after @:
    /// PATH@node|nextjs|nextjs-pages|vue|angular|svelte|react-native|script-tag (vue,
    /// angular, svelte: the pre built UI from SuperTokens' hosted bundle, beside
    /// supertokens-web-js; react-native: supertokens-react-native, also found from
    /// package.json; script-tag: a .js page script for supertokens-website's bundle)
    /// [default: where the framework's SuperTokens examples keep it, in the project or its
    /// frontend/ folder: src/config.tsx (React), src/config.ts (Vue, Angular),
    /// app/config/frontend.tsx (Next.js app router; config/frontendConfig.tsx with the pages
    /// router); else frontend/supertokens.ts, or .js]
    #[arg(long, value_name = "PATH[@FRAMEWORK]", help_heading = ANSWERS)]
    pub frontend_out: Vec<PathBuf>,

    /// TypeScript or JavaScript for the default file names [default: ts, or js when the
    /// project has a package.json and no tsconfig.json]. An output path's own extension
    /// decides: .ts/.mts/.cts TypeScript, .mjs ES module, .cjs CommonJS, .js as the
    /// nearest package.json's "type" says
    #[arg(long, value_enum, help_heading = ANSWERS)]
    pub lang: Option<Lang>,

    /// Where the backend reaches the SuperTokens core [default: http://localhost:3567]
    #[arg(long, value_name = "URL", help_heading = ANSWERS)]
    pub connection_uri: Option<String>,

    /// appInfo.apiBasePath, where the auth API serves SuperTokens' routes, on every
    /// output [default: /auth, or /api/auth with a Next.js backend]
    #[arg(long, value_name = "PATH", help_heading = ANSWERS)]
    pub api_base_path: Option<String>,

    /// appInfo.websiteBasePath, where the website shows the login pages [default: /auth]
    #[arg(long, value_name = "PATH", help_heading = ANSWERS)]
    pub website_base_path: Option<String>,
}

#[derive(Debug, Default, Args)]
pub struct WriteFlags {
    /// Ask nothing: use flags, st-setup.json and defaults; fail naming any missing flag
    #[arg(short = 'y', long, help_heading = HOW)]
    pub yes: bool,

    /// Print what would change as a unified diff; write nothing
    #[arg(long, help_heading = HOW)]
    pub dry_run: bool,

    /// Replace output files st-setup did not generate (the old file is kept beside it as
    /// FILE.bak, or FILE.1.bak when that is taken), or follow a link out of the project
    #[arg(long, help_heading = HOW)]
    pub force: bool,
}

#[derive(Debug, Default, Args)]
pub struct ProjectFlags {
    /// The project folder: it holds st-setup.json, and relative paths start there
    /// [default: the nearest folder up from here with a st-setup.json, else here]
    #[arg(short = 'C', long, value_name = "DIR", help_heading = HOW)]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Default, Args)]
pub struct OutputFlags {
    /// Print one machine-readable JSON object on stdout (with "ok": true|false), also on
    /// errors
    #[arg(long, help_heading = HOW)]
    pub json: bool,

    /// Use this public_suffix_list.dat instead of the embedded copy
    #[arg(long, value_name = "FILE", help_heading = HOW)]
    pub psl: Option<PathBuf>,
}

/// What to do, with every flag checked and merged: the command line after clap.
#[derive(Debug)]
pub struct Request {
    pub action: Action,
    /// The answers given as flags (`--api`, `--website`, …), to lay over st-setup.json.
    pub answers: Answers,
    pub yes: bool,
    pub dry_run: bool,
    pub force: bool,
    pub plain: bool,
    pub json: bool,
    /// `-C DIR`; `None` means: look for st-setup.json here and in the parents.
    pub dir: Option<PathBuf>,
    pub psl: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Wizard,
    Version,
    Domain(Vec<String>, TokenTransfer),
    AddApi(Vec<String>),
    /// Output files to add: backends, or frontends.
    AddFiles(Side, Vec<PathBuf>),
    Check,
    /// Print the native apps' snippets (`None`: both platforms).
    Mobile(Option<crate::mobile::Platform>),
    /// Take over the init calls of these files (none: every one found).
    Adopt(Vec<PathBuf>),
    /// Audit the init calls under a folder (`None`: the project's).
    Doctor {
        dir: Option<PathBuf>,
        everything: bool,
        sarif: bool,
    },
    Completions(clap_complete::Shell),
    Man,
}

impl AnswerFlags {
    fn to_answers(&self, apis: &[String]) -> Answers {
        let sites = &self.websites;
        Answers {
            apis: crate::text::split_all(apis),
            auth_api: self.auth_api.clone(),
            website: sites.first().cloned(),
            other_websites: sites.iter().skip(1).cloned().collect(),
            ui: self.ui,
            app_name: self.app_name.clone(),
            backend_out: self.backend_out.clone(),
            frontend_out: self.frontend_out.clone(),
            lang: self.lang,
            connection_uri: self.connection_uri.clone(),
            api_base_path: self.api_base_path.clone(),
            website_base_path: self.website_base_path.clone(),
            recipes: self.recipes.clone(),
            token_transfer: self.token_transfer,
            environments: Vec::new(),
            env: self.env.clone(),
        }
    }

    /// `self`, with every flag given in `later` replacing it.
    fn merged(self, later: AnswerFlags) -> AnswerFlags {
        AnswerFlags {
            env: later.env.or(self.env),
            auth_api: later.auth_api.or(self.auth_api),
            websites: non_empty_or(later.websites, self.websites),
            ui: later.ui.or(self.ui),
            app_name: later.app_name.or(self.app_name),
            backend_out: non_empty_or(later.backend_out, self.backend_out),
            frontend_out: non_empty_or(later.frontend_out, self.frontend_out),
            lang: later.lang.or(self.lang),
            connection_uri: later.connection_uri.or(self.connection_uri),
            api_base_path: later.api_base_path.or(self.api_base_path),
            website_base_path: later.website_base_path.or(self.website_base_path),
            recipes: later.recipes.or(self.recipes),
            token_transfer: later.token_transfer.or(self.token_transfer),
        }
    }

    /// The flags given, by name.
    fn given(&self) -> Vec<&'static str> {
        [
            ("--env", self.env.is_some()),
            ("--auth-api", self.auth_api.is_some()),
            ("--website", !self.websites.is_empty()),
            ("--ui", self.ui.is_some()),
            ("--recipes", self.recipes.is_some()),
            ("--token-transfer", self.token_transfer.is_some()),
            ("--app-name", self.app_name.is_some()),
            ("--backend-out", !self.backend_out.is_empty()),
            ("--frontend-out", !self.frontend_out.is_empty()),
            ("--lang", self.lang.is_some()),
            ("--connection-uri", self.connection_uri.is_some()),
            ("--api-base-path", self.api_base_path.is_some()),
            ("--website-base-path", self.website_base_path.is_some()),
        ]
        .into_iter()
        .filter_map(|(flag, given)| given.then_some(flag))
        .collect()
    }
}

/// `later` when it holds anything, else `earlier`.
fn non_empty_or<T>(later: Vec<T>, earlier: Vec<T>) -> Vec<T> {
    if later.is_empty() { earlier } else { later }
}

impl WriteFlags {
    fn merged(self, later: WriteFlags) -> WriteFlags {
        WriteFlags {
            yes: self.yes || later.yes,
            dry_run: self.dry_run || later.dry_run,
            force: self.force || later.force,
        }
    }

    fn given(&self) -> Vec<&'static str> {
        [
            ("--yes", self.yes),
            ("--dry-run", self.dry_run),
            ("--force", self.force),
        ]
        .into_iter()
        .filter_map(|(flag, given)| given.then_some(flag))
        .collect()
    }
}

impl OutputFlags {
    fn merged(self, later: OutputFlags) -> OutputFlags {
        OutputFlags {
            json: self.json || later.json,
            psl: later.psl.or(self.psl),
        }
    }
}

impl Cli {
    /// Flags may come before the subcommand (`st-setup --yes add-api URL`) or after it;
    /// the ones a subcommand has no use for are refused rather than silently ignored.
    pub fn into_request(self) -> Result<Request, String> {
        let Cli {
            command,
            apis,
            answers,
            write,
            plain,
            project,
            output,
            version,
        } = self;
        // Every flag given before the subcommand, by name, for refusing the unused ones.
        let mut root_flags = answers.given();
        if !apis.is_empty() {
            root_flags.insert(0, "--api");
        }
        root_flags.extend(write.given());
        for (flag, given) in [
            ("--plain", plain),
            ("-C", project.dir.is_some()),
            ("--version", version),
        ] {
            if given {
                root_flags.push(flag);
            }
        }
        let refuse = |command: &str, allowed: &[&str], why: &str| {
            let unused: Vec<&str> = root_flags
                .iter()
                .copied()
                .filter(|flag| !allowed.contains(flag))
                .collect();
            if unused.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "{command} does not take {}: {why}",
                    unused.join(", ")
                ))
            }
        };
        let mut request = Request {
            action: Action::Wizard,
            answers: Answers::default(),
            yes: false,
            dry_run: false,
            force: false,
            plain,
            json: false,
            dir: project.dir.clone(),
            psl: None,
        };
        let adding = match &command {
            Some(Command::AddBackend(_)) => Some(Side::Backend),
            Some(Command::AddFrontend(_)) => Some(Side::Frontend),
            _ => None,
        };
        let (output, write) = match command {
            None => {
                if version {
                    request.action = Action::Version;
                }
                request.answers = answers.to_answers(&apis);
                (output, write)
            }
            Some(Command::Domain(domain)) => {
                refuse(
                    "domain",
                    &["--auth-api", "--website", "--env", "-C"],
                    "it analyses the URLs given as arguments (with --auth-api and --website), or an environment of st-setup.json (--env)",
                )?;
                let merged = answers.merged(AnswerFlags {
                    env: domain.env,
                    auth_api: domain.auth_api,
                    websites: domain.websites,
                    token_transfer: domain.token_transfer,
                    ..AnswerFlags::default()
                });
                request.action = Action::Domain(
                    crate::text::split_all(&domain.urls),
                    merged.token_transfer.unwrap_or_default(),
                );
                if merged.env.is_some()
                    && (merged.auth_api.is_some() || !merged.websites.is_empty())
                {
                    return Err("domain --env analyses the environment as st-setup.json keeps it; it does not take --auth-api or --website".to_owned());
                }
                request.answers = merged.to_answers(&[]);
                request.dir = domain.project.dir.or(request.dir);
                (output.merged(domain.output), WriteFlags::default())
            }
            Some(Command::AddApi(add)) => {
                if !apis.is_empty() {
                    return Err("add-api adds to the endpoints in st-setup.json; pass the new ones as arguments, not with --api".to_owned());
                }
                let mut allowed = answers.given();
                allowed.extend(write.given());
                allowed.push("-C");
                refuse(
                    "add-api",
                    &allowed,
                    "it asks nothing but whether to write, and only without --yes",
                )?;
                request.action = Action::AddApi(crate::text::split_all(&add.urls));
                request.answers = answers.merged(add.flags.answers).to_answers(&[]);
                request.dir = add.flags.project.dir.or(request.dir);
                (
                    output.merged(add.flags.output),
                    write.merged(add.flags.write),
                )
            }
            Some(Command::AddBackend(add) | Command::AddFrontend(add)) => {
                let side = adding.expect("set for add-backend and add-frontend");
                if !apis.is_empty() {
                    return Err(format!(
                        "add-{side} does not take --api: add endpoints with `st-setup add-api URL`"
                    ));
                }
                let paths_given = !answers.backend_out.is_empty()
                    || !answers.frontend_out.is_empty()
                    || !add.flags.answers.backend_out.is_empty()
                    || !add.flags.answers.frontend_out.is_empty();
                if paths_given {
                    return Err(format!(
                        "add-{side} adds the files given as its arguments; it does not take --backend-out or --frontend-out"
                    ));
                }
                let mut allowed = answers.given();
                allowed.extend(write.given());
                allowed.push("-C");
                refuse(
                    &format!("add-{side}"),
                    &allowed,
                    "it asks nothing but whether to write, and only without --yes",
                )?;
                request.action = Action::AddFiles(side, add.paths);
                request.answers = answers.merged(add.flags.answers).to_answers(&[]);
                request.dir = add.flags.project.dir.or(request.dir);
                (
                    output.merged(add.flags.output),
                    write.merged(add.flags.write),
                )
            }
            Some(Command::Check(check)) => {
                refuse(
                    "check",
                    &["-C"],
                    "it compares the files with what st-setup.json generates, exactly as saved",
                )?;
                request.action = Action::Check;
                request.dir = check.project.dir.or(request.dir);
                (output.merged(check.output), WriteFlags::default())
            }
            Some(Command::Mobile(mobile)) => {
                refuse(
                    "mobile",
                    &["-C"],
                    "it prints snippets with the values st-setup.json keeps",
                )?;
                request.action = Action::Mobile(mobile.platform);
                request.dir = mobile.project.dir.or(request.dir);
                (output.merged(mobile.output), WriteFlags::default())
            }
            Some(Command::Adopt(adopt)) => {
                let mut allowed = answers.given();
                allowed.extend(write.given());
                allowed.extend(["-C", "--api"]);
                refuse(
                    "adopt",
                    &allowed,
                    "it reads the values from the files, with answers only where they disagree",
                )?;
                request.action = Action::Adopt(adopt.files);
                let mut apis = apis;
                apis.extend(adopt.apis);
                request.answers = answers.merged(adopt.flags.answers).to_answers(&apis);
                request.dir = adopt.flags.project.dir.or(request.dir);
                (
                    output.merged(adopt.flags.output),
                    write.merged(adopt.flags.write),
                )
            }
            Some(Command::Doctor(doctor)) => {
                refuse(
                    "doctor",
                    &["-C"],
                    "it reads the init calls in the files, not answers, and writes nothing",
                )?;
                let mut output = output.merged(doctor.output);
                match doctor.format {
                    Some(DoctorFormat::Json) => output.json = true,
                    Some(DoctorFormat::Sarif) if output.json => {
                        return Err("doctor takes --json or --format sarif, not both".to_owned());
                    }
                    _ => {}
                }
                request.action = Action::Doctor {
                    dir: doctor.dir,
                    everything: doctor.no_ignore,
                    sarif: doctor.format == Some(DoctorFormat::Sarif),
                };
                (output, WriteFlags::default())
            }
            Some(Command::Completions { shell }) => {
                request.action = Action::Completions(shell);
                (output, write)
            }
            Some(Command::Man) => {
                request.action = Action::Man;
                (output, write)
            }
        };
        if matches!(request.action, Action::Completions(_) | Action::Man) {
            let printed_by_clap = "it prints what clap knows of st-setup's command line";
            refuse("this command", &[], printed_by_clap)?;
            if output.json || output.psl.is_some() {
                return Err(format!(
                    "this command does not take --json or --psl: {printed_by_clap}"
                ));
            }
        }
        request.yes = write.yes;
        request.dry_run = write.dry_run;
        request.force = write.force;
        request.json = output.json;
        request.psl = output.psl;
        Ok(request)
    }
}

/// Whether the raw arguments ask for JSON, for errors found before the flags are parsed:
/// `--json` then still gets one JSON object.
pub fn wants_json(args: &[std::ffi::OsString]) -> bool {
    args.iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn request(args: &[&str]) -> Result<Request, String> {
        let cli = Cli::try_parse_from(std::iter::once("st-setup").chain(args.iter().copied()))
            .map_err(|e| e.to_string())?;
        cli.into_request()
    }

    #[test]
    fn flags_before_a_subcommand_count() {
        let r = request(&[
            "--yes",
            "--website",
            "https://example.com",
            "add-api",
            "x.example.com",
            "--dry-run",
        ])
        .unwrap();
        assert_eq!(r.action, Action::AddApi(vec!["x.example.com".into()]));
        assert!(r.yes && r.dry_run);
        assert_eq!(r.answers.website.as_deref(), Some("https://example.com"));
        let r = request(&["--json", "-C", "/tmp", "check"]).unwrap();
        assert!(r.json);
        assert_eq!(r.dir, Some(PathBuf::from("/tmp")));
    }

    #[test]
    fn a_subcommand_refuses_flags_it_would_ignore() {
        let err = request(&["--force", "check"]).unwrap_err();
        assert!(err.contains("check does not take --force"), "{err}");
        let err = request(&["check", "--force"]).unwrap_err();
        assert!(err.contains("unexpected argument '--force'"), "{err}");
        let err = request(&["--ui", "custom", "domain", "a.example.com"]).unwrap_err();
        assert!(err.contains("domain does not take --ui"), "{err}");
        assert!(
            request(&[
                "--website",
                "https://example.com",
                "domain",
                "a.example.com"
            ])
            .is_ok()
        );
        // -C names the project whose environment --env analyses.
        assert!(request(&["-C", "/tmp", "domain", "--env", "production"]).is_ok());
        let err = request(&[
            "domain",
            "--env",
            "production",
            "--website",
            "https://example.com",
        ])
        .unwrap_err();
        assert!(
            err.contains("does not take --auth-api or --website"),
            "{err}"
        );
        let err = request(&["-V", "check"]).unwrap_err();
        assert!(err.contains("check does not take --version"), "{err}");
        let err = request(&["--plain", "add-api", "x.example.com"]).unwrap_err();
        assert!(err.contains("add-api does not take --plain"), "{err}");
        let err = request(&["add-api", "x.example.com", "--plain"]).unwrap_err();
        assert!(err.contains("unexpected argument '--plain'"), "{err}");
    }

    #[test]
    fn each_subcommand_help_lists_only_its_flags() {
        let mut cli = Cli::command();
        let help = |name: &str, cli: &mut clap::Command| {
            cli.find_subcommand_mut(name)
                .unwrap()
                .render_long_help()
                .to_string()
        };
        let check = help("check", &mut cli);
        for absent in [
            "--force",
            "--yes",
            "--dry-run",
            "--api",
            "--website",
            "--plain",
        ] {
            assert!(
                !check.contains(absent),
                "check --help offers {absent}:\n{check}"
            );
        }
        for present in ["--json", "--dir", "--psl"] {
            assert!(check.contains(present), "{check}");
        }
        let domain = help("domain", &mut cli);
        for absent in ["--force", "--yes", "--ui", "--backend-out"] {
            assert!(
                !domain.contains(absent),
                "domain --help offers {absent}:\n{domain}"
            );
        }
        let add = help("add-api", &mut cli);
        assert!(!add.contains("--api <"), "{add}");
        assert!(
            add.contains("--force") && add.contains("--website"),
            "{add}"
        );
    }

    #[test]
    fn json_is_seen_before_parsing() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert!(wants_json(&args(&["st-setup", "--bogus", "--json"])));
        assert!(!wants_json(&args(&["st-setup", "--", "--json"])));
        assert!(!wants_json(&args(&["--json"])));
    }
}
