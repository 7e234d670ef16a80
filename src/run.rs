//! The commands: reads flags and st-setup.json, runs the core, prints, sets the exit code.

use std::io::IsTerminal as _;
use std::path::Path;

use anyhow::{Context as _, anyhow};

use crate::answers::{Answers, SavedSetup};
use crate::cli::{Cli, Command};
use crate::endpoint::origin_of;
use crate::generate::{GenerateError, Outcome, generate};
use crate::plan::{Change, write_all};
use crate::psl::PublicSuffixList;
use crate::report;
use crate::{analysis, answers, plain, terminal, tui};

/// Prints to stdout. A closed pipe (`st-setup domain … | head -1`) is not an error worth a
/// panic: the reader has what it wanted.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// The process exit codes of DESIGN §3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    /// The answers cannot work, the files drifted, or a run failed.
    Failed = 1,
    Usage = 2,
    Cancelled = 130,
}

/// An error with the exit code it warrants.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub error: anyhow::Error,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            exit: Exit::Usage,
            error: anyhow!(message.into()),
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Self {
            exit: Exit::Failed,
            error,
        }
    }
}

pub type RunResult = Result<Exit, Failure>;

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

pub fn run(cli: Cli) -> RunResult {
    let psl = match &cli.run.psl {
        Some(path) => PublicSuffixList::from_file(path)?,
        None => PublicSuffixList::embedded(),
    };
    if cli.version {
        outln!("{}", version_text(&psl, cli.run.psl.as_deref()));
        return Ok(Exit::Ok);
    }
    reject_unused_flags(&cli)?;
    let reads_project = !matches!(cli.command, Some(Command::Domain { .. }));
    if reads_project && !cli.run.dir.is_dir() {
        return Err(Failure::usage(format!(
            "the project folder {} does not exist (-C DIR names an existing folder)",
            cli.run.dir.display()
        )));
    }
    if matches!(cli.command, None | Some(Command::AddApi { .. })) {
        terminal::exit_cleanly_on_signals()?;
    }
    let ctx = Context {
        cli: &cli,
        psl: &psl,
    };
    match &cli.command {
        Some(Command::Domain { urls }) => ctx.domain(urls),
        Some(Command::Check) => ctx.check(),
        Some(Command::AddApi { urls }) => ctx.add_api(urls),
        None => ctx.wizard(),
    }
}

/// Flags are global so they read naturally after a subcommand; the ones a subcommand has
/// no use for are refused rather than silently ignored.
fn reject_unused_flags(cli: &Cli) -> Result<(), Failure> {
    let (command, allowed): (&str, &[&str]) = match cli.command {
        Some(Command::Domain { .. }) => ("domain", &["--auth-api", "--website"]),
        Some(Command::Check) => ("check", &[]),
        _ => return Ok(()),
    };
    let (a, r) = (&cli.answers, &cli.run);
    let given = [
        ("--api", !a.apis.is_empty()),
        ("--auth-api", a.auth_api.is_some()),
        ("--website", a.website.is_some()),
        ("--ui", a.ui.is_some()),
        ("--app-name", a.app_name.is_some()),
        ("--backend-out", a.backend_out.is_some()),
        ("--frontend-out", a.frontend_out.is_some()),
        ("--lang", a.lang.is_some()),
        ("--connection-uri", a.connection_uri.is_some()),
        ("--yes", r.yes),
        ("--dry-run", r.dry_run),
        ("--force", r.force),
        ("--plain", r.plain),
    ];
    let unused: Vec<&str> = given
        .iter()
        .filter(|(flag, is_given)| *is_given && !allowed.contains(flag))
        .map(|(flag, _)| *flag)
        .collect();
    if unused.is_empty() {
        return Ok(());
    }
    let why = match command {
        "domain" => {
            "it analyses the URLs given as arguments (with --auth-api and --website) and reads no st-setup.json"
        }
        _ => "it compares the files with what st-setup.json generates, exactly as saved",
    };
    Err(Failure::usage(format!(
        "{command} does not take {}: {why}",
        unused.join(", ")
    )))
}

struct Context<'a> {
    cli: &'a Cli,
    psl: &'a PublicSuffixList,
}

impl Context<'_> {
    fn project(&self) -> &Path {
        &self.cli.run.dir
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
        let previous = SavedSetup::load(self.project())?;
        let writes = !matches!(self.cli.command, Some(Command::Check));
        if let (Some(previous), true) = (&previous, writes) {
            previous
                .answers
                .check_saved_paths(&self.cli.answers.to_answers(), self.project())?;
        }
        Ok(previous)
    }

    fn require_previous(&self, command: &str) -> Result<SavedSetup, Failure> {
        self.load_previous()?.ok_or_else(|| Failure {
            exit: Exit::Failed,
            error: anyhow!(
                "there is no {} in {}, so there is nothing to {command}; run `st-setup` there first (or pass -C DIR)",
                answers::FILE_NAME,
                self.project().display()
            ),
        })
    }

    fn domain(&self, urls: &[String]) -> RunResult {
        let flags = self.cli.answers.to_answers();
        let input = analysis::DomainInput {
            apis: urls,
            auth_api: flags.auth_api.as_deref(),
            website: flags.website.as_deref(),
        };
        let result = analysis::analyse(&input, self.psl);
        if self.cli.run.json {
            outln!(
                "{}",
                serde_json::to_string_pretty(&result.to_json()).expect("json")
            );
        } else {
            out!("{}", report::analysis(&result));
        }
        Ok(if result.has_errors() {
            Exit::Failed
        } else {
            Exit::Ok
        })
    }

    fn check(&self) -> RunResult {
        let previous = self.require_previous("check")?;
        let answers = previous.answers.clone();
        let mut outcome = self.generate(&answers, Some(&previous))?;
        outcome.compare_state_by_meaning(self.project());
        let drifted: Vec<_> = outcome.changed().collect();
        if self.cli.run.json {
            self.print_json(&outcome, false);
        } else if drifted.is_empty() {
            outln!(
                "Up to date: {} and {} are what {} generates.",
                outcome.setup.backend_out.display(),
                outcome.setup.frontend_out.display(),
                answers::FILE_NAME
            );
        } else {
            outln!("These files are not what {} generates:", answers::FILE_NAME);
            out!("{}", report::plan(&outcome, true));
            outln!();
            self.print_diff(&outcome);
            outln!("Run `st-setup --yes` to regenerate them.");
        }
        Ok(if drifted.is_empty() {
            Exit::Ok
        } else {
            Exit::Failed
        })
    }

    fn add_api(&self, urls: &[String]) -> RunResult {
        if !self.cli.answers.apis.is_empty() {
            return Err(Failure::usage(
                "add-api adds to the endpoints in st-setup.json; pass the new ones as arguments, not with --api",
            ));
        }
        let previous = self.require_previous("add an API to")?;
        let mut answers = previous
            .answers
            .clone()
            .overlaid_with(&self.cli.answers.to_answers());
        for url in urls {
            let origin = origin_of(url);
            let known = origin.is_some() && answers.apis.iter().any(|a| origin_of(a) == origin);
            if known {
                eprintln!("{url} is already one of the endpoints.");
            } else {
                answers.apis.push(url.clone());
            }
        }
        self.generate_and_apply(&answers, Some(&previous), self.cli.run.yes)
    }

    fn wizard(&self) -> RunResult {
        let previous = self.load_previous()?;
        let base = previous
            .as_ref()
            .map(|p| p.answers.clone())
            .unwrap_or_default();
        let answers = base.overlaid_with(&self.cli.answers.to_answers());
        if self.cli.run.yes || self.cli.run.dry_run && !self.interactive() {
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
        if self.cli.run.plain || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
            let Some(answers) = plain::ask(&answers, self.project(), self.psl)? else {
                return Ok(cancelled());
            };
            return self.generate_and_apply(&answers, previous.as_ref(), false);
        }
        let options = tui::Options {
            project: self.project(),
            previous: previous.as_ref(),
            psl: self.psl,
            force: self.cli.run.force,
            dry_run: self.cli.run.dry_run,
            colour: self.colour(),
        };
        match tui::run(&answers, &options)? {
            tui::Ending::Cancelled => Ok(cancelled()),
            tui::Ending::Done(outcome) => {
                self.print_notes(&outcome);
                self.print_outcome(&outcome);
                Ok(Exit::Ok)
            }
        }
    }

    fn generate(
        &self,
        answers: &Answers,
        previous: Option<&SavedSetup>,
    ) -> Result<Outcome, Failure> {
        generate(
            self.project(),
            answers,
            previous,
            self.psl,
            self.cli.run.force,
        )
        .map_err(|e| match e {
            GenerateError::Missing(missing) => Failure {
                exit: Exit::Usage,
                error: anyhow!("{missing}").context("cannot generate the files"),
            },
            GenerateError::Findings(analysis) => {
                if self.cli.run.json {
                    outln!(
                        "{}",
                        serde_json::to_string_pretty(&analysis.to_json()).expect("json")
                    );
                } else {
                    eprint!("{}", report::analysis(&analysis));
                }
                Failure {
                    exit: Exit::Failed,
                    error: anyhow!(
                        "nothing was written: the answers cannot work (see the errors above)"
                    ),
                }
            }
            GenerateError::Answer(message) => Failure::usage(message),
            GenerateError::Other(error) => Failure {
                exit: Exit::Failed,
                error,
            },
        })
    }

    /// Plans the files; then prints the diff (`--dry-run`), or writes after `confirmed` or
    /// a yes at the prompt.
    fn generate_and_apply(
        &self,
        answers: &Answers,
        previous: Option<&SavedSetup>,
        confirmed: bool,
    ) -> RunResult {
        let outcome = self.generate(answers, previous)?;
        self.print_notes(&outcome);
        let dry_run = self.cli.run.dry_run;
        let nothing_to_do = outcome.changed().next().is_none();
        if !dry_run && !nothing_to_do && !confirmed {
            if !self.interactive() {
                return Err(Failure::usage(
                    "stdin or stdout is not a terminal, so st-setup cannot ask before writing: pass --yes to write, or --dry-run to preview",
                ));
            }
            out!("{}", report::plan(&outcome, true));
            self.print_diff(&outcome);
            match plain::confirm_write()? {
                Some(true) => {}
                Some(false) | None => return Ok(cancelled()),
            }
        }
        if !dry_run && !nothing_to_do {
            write_all(&outcome.files).context("nothing was changed")?;
        }
        if self.cli.run.json {
            self.print_json(&outcome, !dry_run);
        } else {
            self.print_outcome(&outcome);
        }
        Ok(Exit::Ok)
    }

    /// Notes come before any question about writing, so they can change the answer.
    fn print_notes(&self, outcome: &Outcome) {
        for note in &outcome.notes {
            eprintln!("note: {note}");
        }
    }

    /// What a run did (or, with `--dry-run`, would do), and what to do next.
    fn print_outcome(&self, outcome: &Outcome) {
        let dry_run = self.cli.run.dry_run;
        out!("{}", report::analysis_summary(&outcome.analysis));
        if outcome.changed().next().is_none() {
            outln!("Nothing to change: {} are up to date.", names(outcome));
            return;
        }
        out!("{}", report::plan(outcome, dry_run));
        if dry_run {
            outln!();
            self.print_diff(outcome);
            outln!("Dry run: nothing was written.");
        } else if outcome
            .files
            .iter()
            .any(|f| f.kind.is_some() && f.change == Change::Create)
        {
            outln!("\n{}", report::next_steps(outcome));
        }
    }

    fn print_diff(&self, outcome: &Outcome) {
        let diff = outcome.diff();
        if self.colour() {
            out!("{}", report::coloured_diff(&diff));
        } else {
            out!("{diff}");
        }
    }

    fn print_json(&self, outcome: &Outcome, written: bool) {
        let mut json = outcome.analysis.to_json();
        json["notes"] = serde_json::json!(outcome.notes);
        json["files"] = outcome
            .files
            .iter()
            .map(|f| {
                serde_json::json!({
                    "path": f.display,
                    "change": f.change.verb(),
                    "written": written && f.change != Change::Unchanged,
                    "diff": f.diff(),
                })
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&json).expect("json"));
    }
}

fn cancelled() -> Exit {
    eprintln!("Cancelled: nothing was written.");
    Exit::Cancelled
}

fn names(outcome: &Outcome) -> String {
    let names: Vec<String> = outcome
        .files
        .iter()
        .map(|f| f.display.display().to_string())
        .collect();
    names.join(", ")
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
                .0
                .iter()
                .map(|q| q.flag())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}
