//! The commands: reads flags and st-setup.json, runs the core, prints, and chooses the exit
//! code — in one place, from the kind of failure.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use anyhow::anyhow;
use serde_json::{Value, json};

use crate::answers::{Answers, SavedSetup, TokenTransfer};
use crate::cli::{Action, Request};
use crate::endpoint::origin_of;
use crate::generate::{GenerateError, Outcome, generate_adopting};
use crate::plan::{BlockProblem, Change, PlanError, write_all};
use crate::project::Location;
use crate::psl::PublicSuffixList;
use crate::report;
use crate::target::{Side, Target};
use crate::{analysis, answers, plain, terminal, tui};

/// Prints to stdout. A closed pipe (`st-setup domain … | head -1`) is not an error worth a
/// panic: the reader has what it wanted. Any other failure (a full disk) is kept, and the
/// run then fails, so output that was lost is never reported as success.
macro_rules! out {
    ($($arg:tt)*) => {
        emit(format_args!($($arg)*))
    };
}

macro_rules! outln {
    () => {
        emit(format_args!("\n"))
    };
    ($($arg:tt)*) => {{
        emit(format_args!($($arg)*));
        emit(format_args!("\n"));
    }};
}

/// The first error writing to stdout, other than a closed pipe.
static STDOUT_ERROR: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

fn emit(args: std::fmt::Arguments) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_fmt(args).and_then(|()| stdout.flush())
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        let mut first = STDOUT_ERROR.lock().unwrap_or_else(|e| e.into_inner());
        first.get_or_insert(error.to_string());
    }
}

/// What a run printed could not all be written (not a closed pipe): the failure to report.
pub fn stdout_failure() -> Option<Failure> {
    let error = STDOUT_ERROR
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()?;
    Some(Failure::new(
        Kind::Failed,
        anyhow!("cannot write the output: {error}"),
    ))
}

/// Prints to stderr; a closed stderr (`2>&-`) is no reason to panic either.
macro_rules! err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// The process exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    /// The answers cannot work, the files drifted, or a run failed.
    Failed = 1,
    /// A usage error, or `check` cannot judge (a broken st-setup.json or block).
    Usage = 2,
    Cancelled = 130,
}

/// What went wrong, which decides the exit code and `error.kind` under `--json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A flag or an answer that cannot be used.
    Usage,
    /// st-setup.json cannot be read as an st-setup file.
    SetupFile,
    /// An output file's st-setup block is missing, damaged or of another kind.
    Block,
    /// The answers cannot work (error findings).
    Findings,
    /// `check` cannot judge a file: its block is missing or damaged, or it does not parse.
    CannotJudge,
    /// Anything else at run time (a write that failed, a file that cannot be read).
    Failed,
    /// The user stopped the wizard; nothing was written.
    Cancelled,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Usage => "usage",
            Kind::SetupFile => "setup-file",
            Kind::Block => "block",
            Kind::Findings => "findings",
            Kind::CannotJudge => "cannot-judge",
            Kind::Failed => "failed",
            Kind::Cancelled => "cancelled",
        }
    }
}

/// An error with what the exit code and the JSON object need.
#[derive(Debug)]
pub struct Failure {
    pub kind: Kind,
    pub error: anyhow::Error,
    /// Fields the `--json` object carries besides `ok` and `error` (the analysis, the
    /// planned files), so a failure still says everything that is known.
    pub details: Option<Value>,
}

impl Failure {
    pub fn new(kind: Kind, error: anyhow::Error) -> Self {
        Self {
            kind,
            error,
            details: None,
        }
    }

    /// The exit code, which the kind alone decides.
    pub fn exit(&self) -> Exit {
        match self.kind {
            Kind::Usage | Kind::SetupFile | Kind::CannotJudge => Exit::Usage,
            Kind::Block | Kind::Findings | Kind::Failed => Exit::Failed,
            Kind::Cancelled => Exit::Cancelled,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, anyhow!(message.into()))
    }

    fn cancelled() -> Self {
        Self::new(Kind::Cancelled, anyhow!("Cancelled: nothing was written."))
    }

    fn with_details(mut self, details: Value) -> Self {
        self.details = Some(details);
        self
    }

    /// Prints the failure: one JSON object on stdout under `--json`, else a line on stderr.
    pub fn print(&self, json: bool) {
        if json {
            let mut object = match &self.details {
                Some(Value::Object(details)) => details.clone(),
                _ => serde_json::Map::new(),
            };
            object.insert("ok".into(), Value::Bool(false));
            object.insert(
                "error".into(),
                json!({ "kind": self.kind.as_str(), "message": format!("{:#}", self.error) }),
            );
            print_json(&Value::Object(object));
        } else if self.kind == Kind::Cancelled {
            errln!("{:#}", self.error);
        } else {
            errln!("st-setup: error: {:#}", self.error);
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Self::new(Kind::Failed, error)
    }
}

pub type RunResult = Result<Exit, Failure>;

fn print_json(value: &Value) {
    outln!(
        "{}",
        serde_json::to_string_pretty(value).expect("JSON values serialise")
    );
}

pub fn version_text(psl: &PublicSuffixList, from_file: Option<&Path>) -> String {
    let source = match from_file {
        Some(path) => format!("from {}", path.display()),
        None => "embedded; --psl FILE uses another copy".to_owned(),
    };
    format!(
        "st-setup {}\nPublic Suffix List {} ({source})",
        env!("CARGO_PKG_VERSION"),
        psl.version()
    )
}

pub fn run(request: Request) -> RunResult {
    match request.action {
        Action::Completions(shell) => {
            // Into memory first: clap_complete panics when it cannot write.
            let mut command = <crate::cli::Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "st-setup", &mut script);
            out!("{}", String::from_utf8_lossy(&script));
            return Ok(Exit::Ok);
        }
        Action::Man => {
            let command = <crate::cli::Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|e| anyhow!("cannot render the manual page: {e}"))?;
            out!("{}", String::from_utf8_lossy(&page));
            return Ok(Exit::Ok);
        }
        _ => {}
    }
    let psl = match &request.psl {
        Some(path) => PublicSuffixList::from_file(path)
            .map_err(|e| Failure::new(Kind::Usage, e.context("--psl names no usable list")))?,
        None => PublicSuffixList::embedded(),
    };
    if request.action == Action::Version {
        if request.json {
            print_json(&json!({
                "ok": true,
                "version": env!("CARGO_PKG_VERSION"),
                "publicSuffixList": psl.version(),
            }));
        } else {
            outln!("{}", version_text(&psl, request.psl.as_deref()));
        }
        return Ok(Exit::Ok);
    }
    if let Action::Domain(urls, transfer) = &request.action {
        return domain(&request, urls, *transfer, &psl);
    }
    if let Action::Doctor {
        dir,
        everything,
        sarif,
    } = &request.action
    {
        return doctor(&request, dir.as_deref(), *everything, *sarif, &psl);
    }
    if let Some(dir) = &request.dir
        && !dir.is_dir()
    {
        return Err(Failure::usage(format!(
            "the project folder {} does not exist (-C DIR names an existing folder)",
            dir.display()
        )));
    }
    let cwd =
        std::env::current_dir().map_err(|e| anyhow!("cannot read the current folder: {e}"))?;
    let location = Location::find(request.dir.as_deref(), &cwd);
    if matches!(
        request.action,
        Action::Wizard | Action::AddApi(_) | Action::AddFiles(..) | Action::Adopt(_)
    ) {
        terminal::exit_cleanly_on_signals()?;
    }
    let ctx = Context {
        request: &request,
        flags: flags_from_here(&request.answers, &location),
        project: project_path(&location, &cwd),
        psl: &psl,
        prepared: Default::default(),
        adopt_notes: Vec::new(),
    };
    if !location.here.as_os_str().is_empty() {
        errln!(
            "st-setup: the project is {} (its {} is there)",
            location.root.display(),
            answers::FILE_NAME
        );
    }
    match &request.action {
        Action::Check => ctx.check(),
        Action::Mobile(platform) => ctx.mobile(*platform),
        Action::Adopt(files) => ctx.adopt(files),
        Action::AddApi(urls) => ctx.add_api(urls),
        Action::AddFiles(side, paths) => ctx.add_files(*side, paths, &location),
        _ => ctx.wizard(),
    }
}

/// The project folder as the rest of the run names it: `.` when it is the current folder,
/// so messages name files as the user does.
fn project_path(location: &Location, cwd: &Path) -> PathBuf {
    if location.root == cwd {
        PathBuf::from(".")
    } else {
        location.root.clone()
    }
}

/// Output paths typed on the command line are relative to where the user is; the core
/// takes them relative to the project.
fn flags_from_here(flags: &Answers, location: &Location) -> Answers {
    let mut flags = flags.clone();
    for path in flags.backend_out.iter_mut().chain(&mut flags.frontend_out) {
        *path = location.from_here(path);
    }
    flags
}

fn domain(
    request: &Request,
    urls: &[String],
    transfer: TokenTransfer,
    psl: &PublicSuffixList,
) -> RunResult {
    let saved;
    let input = match &request.answers.env {
        None => analysis::DomainInput {
            apis: urls,
            auth_api: request.answers.auth_api.as_deref(),
            website: request.answers.website.as_deref(),
            header: transfer == TokenTransfer::Header,
            other_websites: &request.answers.other_websites,
        },
        Some(name) => {
            saved = saved_environment(request, name)?;
            let header = request
                .answers
                .token_transfer
                .or(saved.1)
                .unwrap_or_default();
            analysis::DomainInput {
                apis: &saved.0.apis,
                auth_api: saved.0.auth_api.as_deref(),
                website: saved.0.website.as_deref(),
                header: header == TokenTransfer::Header,
                other_websites: &saved.0.other_websites,
            }
        }
    };
    let mut result = analysis::analyse(&input, psl);
    result.environment = request.answers.env.clone();
    if request.json {
        let mut object = result.to_json();
        object["ok"] = Value::Bool(!result.has_errors());
        print_json(&object);
    } else {
        out!("{}", report::analysis(&result, report::width_of_stdout()));
    }
    Ok(if result.has_errors() {
        Exit::Failed
    } else {
        Exit::Ok
    })
}

/// `domain --env NAME`: that environment's answers in the project's st-setup.json, and
/// the project's token transfer.
fn saved_environment(
    request: &Request,
    name: &str,
) -> Result<(crate::environment::EnvAnswers, Option<TokenTransfer>), Failure> {
    let cwd =
        std::env::current_dir().map_err(|e| anyhow!("cannot read the current folder: {e}"))?;
    let project = project_path(&Location::find(request.dir.as_deref(), &cwd), &cwd);
    let saved = SavedSetup::load(&project)
        .map_err(|e| Failure::new(Kind::SetupFile, e))?
        .ok_or_else(|| {
            Failure::usage(format!(
                "domain --env {name} reads the environment from {}, and there is none in {} or above; run `st-setup --env {name} …` first, or pass the URLs",
                answers::FILE_NAME,
                project.display()
            ))
        })?;
    let answers = saved.answers;
    match answers.environments.iter().find(|e| e.name == name) {
        Some(env) => Ok((env.clone(), answers.token_transfer)),
        None if answers.environments.is_empty() => Err(Failure::usage(format!(
            "{} in {} has no environments; `st-setup domain` without --env analyses URLs, and `st-setup --env {name}` names its values",
            answers::FILE_NAME,
            project.display()
        ))),
        None => Err(Failure::usage(format!(
            "{} has no environment \"{name}\"; it has {}",
            answers::FILE_NAME,
            crate::environment::listed(answers.environments.iter().map(|e| e.name.as_str()))
        ))),
    }
}

fn doctor(
    request: &Request,
    dir: Option<&Path>,
    everything: bool,
    sarif: bool,
    psl: &PublicSuffixList,
) -> RunResult {
    let cwd =
        std::env::current_dir().map_err(|e| anyhow!("cannot read the current folder: {e}"))?;
    let root = match dir.or(request.dir.as_deref()) {
        Some(dir) if !dir.is_dir() => {
            return Err(Failure::usage(format!(
                "{} is not a folder: doctor audits the folder given (or the project)",
                dir.display()
            )));
        }
        Some(dir) => dir.to_owned(),
        None => project_path(&Location::find(None, &cwd), &cwd),
    };
    let audit = crate::doctor::audit(&root, everything, psl);
    if sarif {
        print_json(&crate::doctor::report::sarif(
            &audit,
            &from_repository_root(&root),
        ));
    } else if request.json {
        print_json(&audit.to_json());
    } else {
        out!("{}", crate::doctor::report::human(&audit, &root));
    }
    Ok(if audit.has_errors() {
        Exit::Failed
    } else {
        Exit::Ok
    })
}

/// Where `folder` is inside the git repository that holds it (empty outside one, or at
/// its root): SARIF's paths are read from the repository's root.
fn from_repository_root(folder: &Path) -> PathBuf {
    let Ok(real) = std::fs::canonicalize(folder) else {
        return PathBuf::new();
    };
    real.ancestors()
        .find(|dir| dir.join(".git").exists())
        .and_then(|repository| real.strip_prefix(repository).ok())
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

struct Context<'a> {
    request: &'a Request,
    /// The answers given as flags, paths taken relative to the project.
    flags: Answers,
    project: PathBuf,
    psl: &'a PublicSuffixList,
    /// The files being adopted, prepared for their blocks (`adopt` only).
    prepared: std::collections::HashMap<PathBuf, String>,
    /// What adopting changes beyond moving values into the blocks (`adopt` only).
    adopt_notes: Vec<String>,
}

impl Context<'_> {
    fn project(&self) -> &Path {
        &self.project
    }

    fn interactive(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
    }

    fn colour(&self) -> bool {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    }

    /// st-setup.json, with its output paths checked when this run will write (`check`
    /// only reads, so a path outside the project is no risk there).
    fn load_previous(&self) -> Result<Option<SavedSetup>, Failure> {
        let previous =
            SavedSetup::load(self.project()).map_err(|e| Failure::new(Kind::SetupFile, e))?;
        if let (Some(previous), false) = (&previous, self.request.action == Action::Check) {
            previous
                .answers
                .check_saved_paths(&self.flags, self.project())
                .map_err(|e| Failure::new(Kind::SetupFile, e))?;
        }
        Ok(previous)
    }

    fn require_previous(&self, command: &str) -> Result<SavedSetup, Failure> {
        self.load_previous()?.ok_or_else(|| {
            Failure::new(
                Kind::Failed,
                anyhow!(
                    "there is no {} {}, so there is nothing to {command}; run `st-setup` there first (or pass -C DIR)",
                    answers::FILE_NAME,
                    match &self.request.dir {
                        Some(dir) => format!("in {}", dir.display()),
                        None => "here (nor, in a repository, in a folder above up to its root)"
                            .to_owned(),
                    }
                ),
            )
        })
    }

    fn check(&self) -> RunResult {
        let previous = self.require_previous("check")?;
        let answers = previous.answers.clone();
        let mut outcome = match self.plan(&answers, Some(&previous)) {
            Ok(outcome) => outcome,
            Err(GenerateError::Plan(PlanError::Block {
                display,
                target,
                problem,
            })) => return Err(block_failure_for_check(&display, &target, &problem)),
            Err(error) => return Err(self.failure(error)),
        };
        outcome.compare_state_by_meaning(self.project());
        // Glue is the user's once written: a moved or deleted route is no drift.
        outcome.files.retain(|f| !f.glue);
        let drifted: Vec<_> = outcome.changed().collect();
        let unread = outcome
            .unread_values()
            .map_err(|message| Failure::new(Kind::CannotJudge, anyhow!(message)))?;
        let in_step = drifted.is_empty() && unread.is_empty();
        if self.request.json {
            let mut object = self.outcome_json(&outcome, false);
            object["ok"] = Value::Bool(in_step);
            object["unread"] = json!(unread);
            print_json(&object);
        } else if in_step {
            outln!(
                "Up to date: {} are what {} generates, and their init calls read st-setup's values.",
                report::names(&outcome),
                answers::FILE_NAME
            );
        } else {
            for problem in &unread {
                outln!("{problem}");
            }
            if !drifted.is_empty() {
                outln!("These files are not what {} generates:", answers::FILE_NAME);
                out!("{}", report::plan(&outcome, true));
                outln!();
                self.print_diff(&outcome);
            }
            outln!(
                "Run `st-setup --yes` to regenerate the st-setup blocks; an init call that no longer reads them is yours to mend."
            );
        }
        Ok(if in_step { Exit::Ok } else { Exit::Failed })
    }

    /// `adopt`: doctor's init calls (of `files`, or all) become st-setup's.
    fn adopt(&self, files: &[PathBuf]) -> RunResult {
        if self.load_previous()?.is_some() {
            return Err(Failure::usage(format!(
                "{} is here already, so this project is st-setup's: `st-setup doctor` lists the init calls it does not manage, and `st-setup add-backend PATH` / `add-frontend PATH` add files",
                answers::FILE_NAME
            )));
        }
        let mut calls = crate::doctor::audit(self.project(), false, self.psl).calls;
        if !files.is_empty() {
            // Named as the user sees them (from here); doctor names them from the project.
            let project = std::fs::canonicalize(self.project())
                .map_err(|e| anyhow!("cannot read the project folder: {e}"))?;
            let mut wanted = Vec::new();
            for file in files {
                let real = std::fs::canonicalize(file)
                    .map_err(|e| Failure::usage(format!("cannot adopt {}: {e}", file.display())))?;
                let inside = real.strip_prefix(&project).map_err(|_| {
                    Failure::usage(format!(
                        "{} is outside the project {}: adopt takes over the project's files",
                        file.display(),
                        project.display()
                    ))
                })?;
                wanted.push(inside.to_path_buf());
            }
            calls.retain(|c| wanted.contains(&c.at.path));
            for file in &wanted {
                if !calls.iter().any(|c| &c.at.path == file) {
                    return Err(Failure::usage(format!(
                        "{} holds no SuperTokens init call st-setup can see (`st-setup doctor` lists them)",
                        file.display()
                    )));
                }
            }
        }
        // Values the files disagree on are asked for, one by one, where someone can answer.
        let mut flags = self.flags.clone();
        let ask = self.interactive() && !self.request.yes && !self.request.json;
        let adoption = loop {
            match crate::adopt::adopt(self.project(), &calls, &flags, self.psl) {
                Ok(adoption) => break adoption,
                Err(refusal)
                    if ask
                        && !refusal.disagreements.is_empty()
                        && refusal.problems.len() == refusal.disagreements.len() =>
                {
                    for disagreement in &refusal.disagreements {
                        match plain::choose_value(disagreement)? {
                            Some(choice) => disagreement.settle(&mut flags, &choice),
                            None => return Err(Failure::cancelled()),
                        }
                    }
                }
                Err(refusal) => {
                    return Err(Failure::new(
                        Kind::Failed,
                        anyhow!("cannot adopt; nothing was written:\n{refusal}"),
                    ));
                }
            }
        };
        let adopting = Context {
            request: self.request,
            flags,
            project: self.project.clone(),
            psl: self.psl,
            prepared: adoption.prepared,
            adopt_notes: adoption.notes,
        };
        // Each file's calls must read the block as `check` will require.
        let outcome = adopting
            .plan(&adoption.answers, adoption.previous.as_ref())
            .map_err(|e| adopting.failure(e))?;
        let mut unread = Vec::new();
        for file in outcome
            .files
            .iter()
            .filter(|f| adopting.prepared.contains_key(&f.path))
        {
            let Some(target) = &file.target else { continue };
            match crate::readback::unread_values(&file.new, target) {
                Ok(found) => unread.extend(
                    found
                        .into_iter()
                        .map(|u| format!("{}:{}: {}", file.display.display(), u.line, u.message)),
                ),
                Err(error) => unread.push(format!("{}: {error}", file.display.display())),
            }
        }
        if !unread.is_empty() {
            return Err(Failure::new(
                Kind::Failed,
                anyhow!(
                    "cannot adopt; nothing was written: the rewritten calls would not read st-setup's values:\n{}",
                    unread.join("\n")
                ),
            ));
        }
        // The block must keep the older domain the backends clear.
        let older = adoption
            .previous
            .as_ref()
            .and_then(|p| p.generated.as_ref()?.older_cookie_domain.clone());
        if older.is_some()
            && outcome
                .saved
                .generated
                .as_ref()
                .and_then(|g| g.older_cookie_domain.clone())
                != older
        {
            adopting.print_notes(&outcome);
            return Err(Failure::new(
                Kind::Failed,
                anyhow!(
                    "cannot adopt; nothing was written: the backends clear cookies of the older domain \"{}\", which the auth API could not reach with the APIs given; see the notes above",
                    older.unwrap_or_default()
                ),
            ));
        }
        adopting.generate_and_apply(
            &adoption.answers,
            adoption.previous.as_ref(),
            self.request.yes,
        )
    }

    /// `st-setup mobile`: the native snippets, from the values a run would write.
    fn mobile(&self, platform: Option<crate::mobile::Platform>) -> RunResult {
        let previous = self.require_previous("print mobile snippets for")?;
        let outcome = self
            .plan(&previous.answers, Some(&previous))
            .map_err(|e| self.failure(e))?;
        let analyses = match outcome.environments.as_slice() {
            [] => std::slice::from_ref(&outcome.analysis),
            all => all,
        };
        let values: Vec<crate::mobile::MobileValues> = analyses
            .iter()
            .map(|a| crate::mobile::MobileValues {
                environment: a.environment.clone(),
                api_domain: a.api_domain.clone().unwrap_or_default(),
                session_token_backend_domain: a.cookie_domain.clone(),
                other_site_hosts: a.other_site_hosts.clone(),
            })
            .collect();
        let platforms = match platform {
            Some(one) => vec![one],
            None => crate::mobile::Platform::ALL.to_vec(),
        };
        let base = outcome.analysis.api_base_path.as_deref();
        if self.request.json {
            let mut json = json!({ "ok": true });
            for platform in platforms {
                json[platform.name()] =
                    Value::String(crate::mobile::snippet(platform, &values, base));
            }
            print_json(&json);
        } else {
            let texts: Vec<String> = platforms
                .into_iter()
                .map(|p| crate::mobile::snippet(p, &values, base))
                .collect();
            out!("{}", texts.join("\n"));
        }
        Ok(Exit::Ok)
    }

    fn add_api(&self, urls: &[String]) -> RunResult {
        let previous = self.require_previous("add an API to")?;
        let mut answers = previous.answers.clone().overlaid_with(&self.flags);
        if answers.env.is_none() && !answers.environments.is_empty() {
            return Err(Failure::usage(format!(
                "{} keeps the environments {}: say which one the API joins with --env NAME",
                answers::FILE_NAME,
                crate::environment::listed(answers.environments.iter().map(|e| e.name.as_str()))
            )));
        }
        // With environments, the top-level answers are the chosen one's (`overlaid_with`).
        let apis = &mut answers.apis;
        for url in urls {
            let origin = origin_of(url);
            let known = origin.is_some() && apis.iter().any(|a| origin_of(a) == origin);
            if known {
                errln!(
                    "{} is already one of the endpoints.",
                    crate::text::shown(url)
                );
            } else {
                apis.push(url.clone());
            }
        }
        self.generate_and_apply(&answers, Some(&previous), self.request.yes)
    }

    /// `add-backend` / `add-frontend`: the files join the list of their side (the default
    /// path, when that is all there was, stays in it), then every output is written.
    fn add_files(&self, side: Side, paths: &[PathBuf], location: &Location) -> RunResult {
        let previous = self.require_previous(&format!("add a {side} file to"))?;
        let mut answers = previous.answers.clone().overlaid_with(&self.flags);
        let lang = answers.lang_or_detect(self.project());
        let list = match side {
            Side::Backend => &mut answers.backend_out,
            Side::Frontend => &mut answers.frontend_out,
        };
        *list = answers::out_paths(list, &side.to_string(), lang, self.project());
        let place = |path: &Path| {
            let (file, _) = crate::target::split_framework(path);
            crate::plan::place(&self.project().join(file))
        };
        for path in paths {
            let path = location.from_here(path);
            let (_, framework) = crate::target::split_framework(&path);
            let shown = crate::text::shown(&path.display().to_string());
            match list.iter_mut().find(|known| place(known) == place(&path)) {
                // Naming another framework for a file in the list changes its setup.
                Some(known)
                    if framework
                        .is_some_and(|f| crate::target::split_framework(known).1 != Some(f)) =>
                {
                    *known = path;
                }
                Some(_) => errln!("{shown} is already one of the {side} files."),
                None => list.push(path),
            }
        }
        self.generate_and_apply(&answers, Some(&previous), self.request.yes)
    }

    fn wizard(&self) -> RunResult {
        let previous = self.load_previous()?;
        let base = previous
            .as_ref()
            .map(|p| p.answers.clone())
            .unwrap_or_default();
        let answers = base.overlaid_with(&self.flags);
        // Checked before any question, so that no answer given as a flag is dropped.
        answers.check_environments().map_err(Failure::usage)?;
        let request = self.request;
        if request.yes || request.dry_run && !self.interactive() {
            return self.generate_and_apply(&answers, previous.as_ref(), true);
        }
        if !self.interactive() {
            return Err(Failure::usage(format!(
                "st-setup needs a terminal to ask its questions, and stdin or stdout is not one.\n\
                 Pass every answer as a flag and add --yes (or --dry-run to preview):\n  \
                 st-setup --yes --api URL [--api URL …] --website URL --ui prebuilt|custom --app-name NAME\n\
                 See `st-setup --help` for the optional ones.{}",
                missing_hint(&answers, self.project())
            )));
        }
        if request.plain || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
            let Some(answers) = plain::ask(&answers, self.project(), self.psl)? else {
                return Err(Failure::cancelled());
            };
            return self.generate_and_apply(&answers, previous.as_ref(), false);
        }
        let options = tui::Options {
            project: self.project(),
            previous: previous.as_ref(),
            psl: self.psl,
            force: request.force,
            dry_run: request.dry_run,
            colour: self.colour(),
        };
        match tui::run(&answers, &options)? {
            tui::Ending::Cancelled => Err(Failure::cancelled()),
            tui::Ending::Done(outcome) => {
                self.print_notes(&outcome);
                self.print_done(&outcome, !request.dry_run);
                Ok(Exit::Ok)
            }
        }
    }

    fn plan(
        &self,
        answers: &Answers,
        previous: Option<&SavedSetup>,
    ) -> Result<Outcome, GenerateError> {
        let mut outcome = generate_adopting(
            self.project(),
            answers,
            previous,
            self.psl,
            self.request.force,
            &self.prepared,
        )?;
        outcome.notes.splice(0..0, self.adopt_notes.iter().cloned());
        Ok(outcome)
    }

    /// Why no plan could be made, as a failure with its kind (and, for error findings, the
    /// report of them on stderr unless `--json` prints it).
    fn failure(&self, error: GenerateError) -> Failure {
        match error {
            GenerateError::Missing(missing) => Failure::new(
                Kind::Usage,
                anyhow!("{missing}").context("cannot generate the files"),
            ),
            GenerateError::Findings(analysis) => {
                if !self.request.json {
                    err!("{}", report::analysis(&analysis, report::width_of_stderr()));
                }
                let see = if self.request.json {
                    "the findings"
                } else {
                    "the errors above"
                };
                Failure::new(
                    Kind::Findings,
                    anyhow!("nothing was written: the answers cannot work (see {see})"),
                )
                .with_details(analysis.to_json())
            }
            GenerateError::Answer(message) => Failure::usage(message),
            GenerateError::Plan(error @ PlanError::Block { .. }) => {
                Failure::new(Kind::Block, anyhow!(error))
            }
            GenerateError::Plan(PlanError::Other(error)) | GenerateError::Other(error) => {
                Failure::new(Kind::Failed, error)
            }
        }
    }

    /// Plans the files; then prints the diff (`--dry-run`), or writes after `confirmed` or
    /// a yes at the prompt.
    fn generate_and_apply(
        &self,
        answers: &Answers,
        previous: Option<&SavedSetup>,
        confirmed: bool,
    ) -> RunResult {
        let outcome = self.plan(answers, previous).map_err(|e| self.failure(e))?;
        self.print_notes(&outcome);
        let dry_run = self.request.dry_run;
        let nothing_to_do = outcome.changed().next().is_none();
        if !dry_run && !nothing_to_do && !confirmed {
            if !self.interactive() {
                return Err(Failure::usage(
                    "stdin or stdout is not a terminal, so st-setup cannot ask before writing: pass --yes to write, or --dry-run to preview",
                ));
            }
            // Under --json, stdout holds the one object; the question goes to the terminal.
            let preview = format!("{}{}", report::plan(&outcome, true), self.diff(&outcome));
            if self.request.json {
                err!("{preview}");
            } else {
                out!("{preview}");
            }
            match plain::confirm_write()? {
                Some(true) => {}
                Some(false) | None => return Err(Failure::cancelled()),
            }
        }
        if !dry_run && !nothing_to_do {
            write_all(&outcome.files).map_err(|e| {
                Failure::from(e.context("nothing was changed"))
                    .with_details(self.outcome_json(&outcome, false))
            })?;
        }
        self.print_done(&outcome, !dry_run);
        Ok(Exit::Ok)
    }

    /// What a run did: the JSON object, or the report and the next steps.
    fn print_done(&self, outcome: &Outcome, written: bool) {
        if self.request.json {
            let mut object = self.outcome_json(outcome, written);
            object["ok"] = Value::Bool(true);
            print_json(&object);
        } else {
            self.print_outcome(outcome);
        }
    }

    /// Notes come before any question about writing, so they can change the answer.
    fn print_notes(&self, outcome: &Outcome) {
        for note in &outcome.notes {
            let note = report::wrapped_line(&format!("note: {note}"), report::width_of_stderr(), 6);
            err!("{note}");
        }
    }

    /// What a run did (or, with `--dry-run`, would do), and what to do next.
    fn print_outcome(&self, outcome: &Outcome) {
        let dry_run = self.request.dry_run;
        match outcome.environments.as_slice() {
            [] => out!("{}", report::analysis_summary(&outcome.analysis)),
            environments => {
                for analysis in environments {
                    let name = analysis.environment.as_deref().unwrap_or_default();
                    out!("{name}: {}", report::analysis_summary(analysis));
                }
            }
        }
        if outcome.changed().next().is_none() {
            outln!(
                "Nothing to change: {} are up to date.",
                report::names(outcome)
            );
            return;
        }
        out!("{}", report::plan(outcome, dry_run));
        if dry_run {
            outln!();
            self.print_diff(outcome);
            outln!("Dry run: nothing was written.");
        } else {
            let steps = report::next_steps(outcome, self.project());
            if !steps.is_empty() {
                outln!();
            }
            for line in steps.lines() {
                out!(
                    "{}",
                    report::wrapped_line(line, report::width_of_stdout(), 2)
                );
            }
        }
    }

    fn print_diff(&self, outcome: &Outcome) {
        out!("{}", self.diff(outcome));
    }

    /// The unified diff of a plan, coloured for a terminal.
    fn diff(&self, outcome: &Outcome) -> String {
        let diff = outcome.diff();
        if self.colour() {
            report::coloured_diff(&diff)
        } else {
            diff
        }
    }

    /// The analysis, notes and planned files, as `--json` prints them.
    fn outcome_json(&self, outcome: &Outcome, written: bool) -> Value {
        let mut json = outcome.analysis.to_json();
        if !outcome.environments.is_empty() {
            json["environments"] = outcome.environments.iter().map(|a| a.to_json()).collect();
        }
        json["notes"] = json!(outcome.notes);
        json["recipes"] = json!(
            outcome
                .setup
                .recipes
                .iter()
                .map(|r| r.name())
                .collect::<Vec<_>>()
        );
        // What the backends read from the environment when they start.
        json["env"] = json!(outcome.setup.recipes.env_vars());
        json["files"] = outcome
            .files
            .iter()
            .map(|f| {
                let target = f.target.as_ref();
                json!({
                    "path": f.display,
                    // What the file is: absent for st-setup.json.
                    "role": match target {
                        Some(t) => Some(t.role.side().to_string()),
                        None if f.glue => Some("glue".to_owned()),
                        None => None,
                    },
                    "sdk": target.map(|t| t.sdk()),
                    "framework": target.and_then(|t| t.framework()).map(|f| f.name()),
                    "change": f.change.verb(),
                    "written": written && f.change != Change::Unchanged,
                    "backup": f.replaced.as_ref().map(|r| &r.backup),
                    "diff": f.diff(),
                })
            })
            .collect();
        json
    }
}

/// `check` cannot judge a file whose block is missing or damaged (exit 2), and its advice
/// is to mend the file, not to pass `--force` to a command that writes nothing. A block of
/// another kind is a clear answer: the file drifted (exit 1).
fn block_failure_for_check(display: &Path, target: &Target, problem: &BlockProblem) -> Failure {
    let name = crate::text::shown(&display.display().to_string());
    let what = problem.describe(target);
    let regenerate = "regenerate the file with `st-setup --yes --force`, which keeps the current one as a .bak copy";
    let (kind, message) = match problem.repair(target) {
        Some(repair) => (
            Kind::CannotJudge,
            format!(
                "{name} {what}, so check cannot compare it. {repair}; then run `st-setup check` again."
            ),
        ),
        None if *problem == BlockProblem::Foreign => (
            Kind::CannotJudge,
            format!(
                "{name} {what}, so check cannot compare it. Restore st-setup's block (e.g. from version control), or {regenerate}."
            ),
        ),
        None => (
            Kind::Block,
            format!("{name} {what}. To follow st-setup.json, {regenerate}."),
        ),
    };
    Failure::new(kind, anyhow!(message))
}

fn missing_hint(answers: &Answers, project: &Path) -> String {
    match answers.resolve(project) {
        Ok(_) => {
            "\nAll answers are known (from st-setup.json and flags): --yes is all that is missing."
                .to_owned()
        }
        Err(missing) => format!(
            "\nStill missing: {}",
            missing
                .questions
                .iter()
                .map(|q| q.flag())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}
