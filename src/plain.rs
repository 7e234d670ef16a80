//! The line-by-line wizard (`--plain`, or `TERM=dumb`): one inquire prompt per question,
//! validated with the same findings text the TUI and `domain` show. Readable by a screen
//! reader and in a log.

use std::path::{Path, PathBuf};

use anyhow::Result;
use inquire::validator::Validation;
use inquire::{Confirm, InquireError, MultiSelect, Select, Text};

use crate::answers::{
    Answers, DEFAULT_CONNECTION_URI, Lang, Question, TokenTransfer, Ui, check_app_name,
    check_base_path, check_connection_uri, check_output_path, out_paths,
};
use crate::endpoint::{Endpoint, origin_of};
use crate::findings::{self, API_ENDPOINT, Code, Finding, WEBSITE};
use crate::generate::analyse_answers;
use crate::project::target_for;
use crate::psl::PublicSuffixList;
use crate::recipe::{Recipe, Recipes};
use crate::report;
use crate::target::{Framework, Role, split_framework};
use crate::text::split_list;

/// Asks every question, starting from `prefilled`. `Ok(None)` when the user cancels.
pub fn ask(prefilled: &Answers, project: &Path, psl: &PublicSuffixList) -> Result<Option<Answers>> {
    match ask_all(prefilled, project, psl) {
        Ok(answers) => Ok(Some(answers)),
        Err(InquireError::OperationCanceled | InquireError::OperationInterrupted) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// "Write these files?" `Ok(None)` when cancelled.
pub fn confirm_write() -> Result<Option<bool>> {
    match Confirm::new("Write these files?")
        .with_default(true)
        .prompt()
    {
        Ok(yes) => Ok(Some(yes)),
        Err(InquireError::OperationCanceled | InquireError::OperationInterrupted) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Which of the values the files disagree on to keep (`adopt`): `None` when cancelled.
pub fn choose_value(disagreement: &crate::adopt::Disagreement) -> Result<Option<String>> {
    let options: Vec<String> = disagreement
        .choices
        .iter()
        .map(|(value, places)| format!("{value}  ({})", places.join(", ")))
        .collect();
    let question = format!(
        "The files disagree on {}. Which value should st-setup keep?",
        disagreement.key
    );
    match Select::new(&question, options).raw_prompt() {
        Ok(chosen) => Ok(Some(disagreement.choices[chosen.index].0.clone())),
        Err(InquireError::OperationCanceled | InquireError::OperationInterrupted) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

fn ask_all(
    prefilled: &Answers,
    project: &Path,
    psl: &PublicSuffixList,
) -> Result<Answers, InquireError> {
    let mut answers = prefilled.clone();
    // With environments, the endpoint questions are one environment's.
    let env = match (&answers.env, answers.environments.as_slice()) {
        (Some(name), _) => Some(name.clone()),
        (None, []) => None,
        (None, [only]) => Some(only.name.clone()),
        (None, all) => Some(
            Select::new(
                "Environment (whose API endpoints, auth API and website to ask):",
                all.iter().map(|e| e.name.clone()).collect(),
            )
            .with_help_message("--env NAME chooses it, or adds one")
            .prompt()?,
        ),
    };
    if let Some(name) = env {
        eprintln!("Environment {name}: its API endpoints, auth API and website.");
        answers = answers.focused_on(&name);
    }
    answers.list_auth_api();
    let mut rejected = false;
    'endpoints: loop {
        answers.apis = ask_endpoints(&answers.apis, rejected)?;
        loop {
            let analysis = analyse_answers(
                &Answers {
                    auth_api: None,
                    website: None,
                    ..answers.clone()
                },
                psl,
            );
            eprint!(
                "\n{}\n",
                report::analysis(&analysis, report::width_of_stderr())
            );
            if !analysis.has_errors() {
                break 'endpoints;
            }
            // APIs on several sites work with header-based sessions: offered, once.
            let header_would_do = answers.token_transfer.is_none()
                && analysis.errors().all(|f| f.code == Code::DifferentSites);
            if header_would_do && offer_header_mode()? {
                answers.token_transfer = Some(TokenTransfer::Header);
                continue;
            }
            break;
        }
        eprintln!("These endpoints cannot share a session; change them.");
        rejected = true;
    }

    answers.auth_api = ask_auth_api(&answers)?;

    let uis = vec![UiChoice(Ui::Prebuilt), UiChoice(Ui::Custom)];
    let start = usize::from(answers.ui == Some(Ui::Custom));
    answers.ui = Some(
        Select::new(&prompt(Question::Ui), uis)
            .with_starting_cursor(start)
            .prompt()?
            .0,
    );

    let chosen = answers
        .recipes
        .clone()
        .unwrap_or_else(Recipes::default_choice);
    let defaults: Vec<usize> = Recipe::ALL
        .iter()
        .enumerate()
        .filter(|(_, r)| chosen.contains(**r))
        .map(|(i, _)| i)
        .collect();
    let picked = MultiSelect::new(
        &prompt(Question::Recipes),
        Recipe::ALL.iter().map(|r| RecipeChoice(*r)).collect(),
    )
    .with_default(&defaults)
    .with_help_message("space to pick, enter to accept; none picked: Session only")
    .prompt()?;
    answers.recipes = Some(Recipes::new(picked.into_iter().map(|c| c.0)));

    let websites = ask_text(Question::Website, &answers.websites_text(), |s| {
        first_unparsable(WEBSITE, &split_list(s))
    })?;
    answers.set_websites(&websites);
    let analysis = analyse_answers(&answers, psl);
    for finding in analysis.findings.iter().filter(|f| {
        f.code.needs_website()
            || f.endpoints
                .iter()
                .any(|e| Some(e) == answers.website.as_ref())
    }) {
        eprint!(
            "{}",
            report::wrapped_line(
                &format!("{} {}", finding.severity.mark(), finding.message),
                report::width_of_stderr(),
                2
            )
        );
    }
    // A website on another site than the APIs needs third-party cookies, which Safari
    // blocks: header-based sessions need none.
    if answers.token_transfer.is_none()
        && analysis
            .findings
            .iter()
            .any(|f| f.code == Code::WebsiteCrossSite)
        && offer_header_mode()?
    {
        answers.token_transfer = Some(TokenTransfer::Header);
    }

    answers.app_name = Some(ask_text(
        Question::AppName,
        answers.app_name.as_deref().unwrap_or(""),
        |s| check_app_name(s).err(),
    )?);

    let lang = answers.lang_or_detect(project);
    let langs = vec!["TypeScript", "JavaScript"];
    let chosen = Select::new(&prompt(Question::Lang), langs)
        .with_starting_cursor(usize::from(lang == Lang::Js))
        .with_help_message(Question::Lang.hint())
        .prompt()?;
    let lang = if chosen == "TypeScript" {
        Lang::Ts
    } else {
        Lang::Js
    };
    answers.lang = Some(lang);
    for (question, side) in [
        (Question::BackendOut, "backend"),
        (Question::FrontendOut, "frontend"),
    ] {
        let current = match question {
            Question::BackendOut => &answers.backend_out,
            _ => &answers.frontend_out,
        };
        let suggested: Vec<String> = out_paths(current, side, lang, project)
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let project_dir = project.to_owned();
        let text = ask_text(question, &suggested.join(", "), move |s| {
            let paths = split_list(s);
            if paths.is_empty() {
                return check_output_path(Path::new(""), &project_dir, question).err();
            }
            paths
                .iter()
                .find_map(|p| check_output_path(Path::new(p), &project_dir, question).err())
        })?;
        let mut paths: Vec<PathBuf> = split_list(&text).into_iter().map(PathBuf::from).collect();
        if question == Question::BackendOut {
            for path in &mut paths {
                *path = ask_framework(project, path)?;
            }
        }
        match question {
            Question::BackendOut => answers.backend_out = paths,
            _ => answers.frontend_out = paths,
        }
    }
    answers.connection_uri = Some(ask_text(
        Question::ConnectionUri,
        answers
            .connection_uri
            .as_deref()
            .unwrap_or(DEFAULT_CONNECTION_URI),
        |s| check_connection_uri(s.trim()).err(),
    )?);
    // An empty answer keeps the default (/auth, or /api/auth with a Next.js backend).
    for (question, answer) in [
        (Question::ApiBasePath, &mut answers.api_base_path),
        (Question::WebsiteBasePath, &mut answers.website_base_path),
    ] {
        let given = ask_text(question, answer.as_deref().unwrap_or(""), move |s| {
            check_base_path(s.trim(), question).err()
        })?;
        *answer = Some(given.trim().to_owned()).filter(|g| !g.is_empty());
    }
    Ok(answers)
}

/// A backend file whose framework the project's manifests do not settle is asked about;
/// the answer is kept after the path (`app/config.py@flask`). Every file's setup is shown.
fn ask_framework(project: &Path, given: &Path) -> Result<PathBuf, InquireError> {
    let (path, named) = split_framework(given);
    let guess = match target_for(Role::Backend, &project.join(path), named) {
        Ok((target, None)) => {
            let reason =
                crate::project::framework_reason(&project.join(path), &target, named.is_some());
            match reason {
                Some(reason) => {
                    eprintln!("  {} → {} ({reason})", given.display(), target.summary())
                }
                None => eprintln!("  {} → {}", given.display(), target.summary()),
            }
            return Ok(given.to_owned());
        }
        Ok((_, Some(guess))) => guess,
        Err(error) => {
            eprintln!("  {}: {error:#}", given.display());
            return Ok(given.to_owned());
        }
    };
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let mut names = Framework::names_for(extension);
    names.sort_by_key(|name| *name != guess.chosen.name());
    let chosen = Select::new(&format!("Framework of {}", path.display()), names)
        .with_help_message(if guess.listed.is_empty() {
            "No manifest above the file names one; the init call names it"
        } else {
            "The manifests above the file name several; the init call names one"
        })
        .prompt()?;
    Ok(PathBuf::from(format!("{}@{chosen}", path.display())))
}

/// "Auth API" among several origins. Accepting the suggested one when none was
/// answered before leaves the answer unset, as in the full-screen wizard: the default
/// (the first endpoint) then follows the list.
fn ask_auth_api(answers: &Answers) -> Result<Option<String>, InquireError> {
    let mut origins: Vec<String> = Vec::new();
    for origin in answers.apis.iter().filter_map(|a| origin_of(a)) {
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    // A saved answer whose endpoint was just removed is gone, as when its row is deleted
    // in the full-screen wizard.
    let current = answers
        .auth_api
        .as_deref()
        .and_then(origin_of)
        .filter(|origin| origins.contains(origin));
    if origins.len() < 2 {
        return Ok(current);
    }
    let start = origins
        .iter()
        .position(|o| Some(o) == current.as_ref())
        .unwrap_or(0);
    let chosen = Select::new(&prompt(Question::AuthApi), origins.clone())
        .with_starting_cursor(start)
        .with_help_message(Question::AuthApi.hint())
        .prompt()?;
    let accepted_default = current.is_none() && chosen == origins[0];
    Ok((!accepted_default).then_some(chosen))
}

/// The prompt line of a question: its label.
/// Header-based sessions, offered where they are the way out; no is the default.
fn offer_header_mode() -> Result<bool, InquireError> {
    Confirm::new(findings::HEADER_MODE_OFFER)
        .with_help_message(findings::HEADER_MODE_OFFER_HELP)
        .with_default(false)
        .prompt()
}

fn prompt(question: Question) -> String {
    format!("{}:", question.label())
}

/// A one-line answer, with the question's hint and a check that names what is wrong.
fn ask_text(
    question: Question,
    initial: &str,
    problem: impl Fn(&str) -> Option<String> + Clone + 'static,
) -> Result<String, InquireError> {
    Text::new(&prompt(question))
        .with_initial_value(initial)
        .with_help_message(question.hint())
        .with_validator(move |s: &str| {
            Ok(problem(s).map_or(Validation::Valid, |m| Validation::Invalid(m.into())))
        })
        .prompt()
        .map(|s| s.trim().to_owned())
}

/// After a rejected list the line starts empty (the prompt has no key to clear it) and the
/// old list is shown to copy from.
fn ask_endpoints(current: &[String], rejected: bool) -> Result<Vec<String>, InquireError> {
    let joined = current.join(", ");
    let help = if rejected {
        format!("before: {joined}")
    } else {
        Question::Apis.hint().to_owned()
    };
    let text = Text::new(&format!(
        "{} (separate them with spaces or commas):",
        Question::Apis.label()
    ))
    .with_initial_value(if rejected { "" } else { &joined })
    .with_help_message(&help)
    .with_validator(|s: &str| {
        crate::terminal::test_panic_point();
        let items = split_list(s);
        if items.is_empty() {
            return Ok(Validation::Invalid(Finding::no_endpoints().message.into()));
        }
        Ok(first_unparsable(API_ENDPOINT, &items)
            .map_or(Validation::Valid, |m| Validation::Invalid(m.into())))
    })
    .prompt()?;
    Ok(split_list(&text))
}

fn first_unparsable(what: &str, items: &[String]) -> Option<String> {
    items.iter().find_map(|item| {
        Endpoint::parse(item)
            .err()
            .map(|error| Finding::unparsable(what, item, &error).message)
    })
}

struct UiChoice(Ui);

struct RecipeChoice(Recipe);

impl std::fmt::Display for RecipeChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.0.label(), self.0.describe())
    }
}

impl std::fmt::Display for UiChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_uses_the_findings_text() {
        let message = first_unparsable(API_ENDPOINT, &["ftp://x.com".to_owned()]).unwrap();
        assert!(message.contains("http:// or https://"), "{message}");
    }
}
