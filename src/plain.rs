//! The line-by-line wizard (`--plain`, or `TERM=dumb`): one inquire prompt per question,
//! validated with the same findings text the TUI and `domain` show. Readable by a screen
//! reader and in a log.

use std::path::{Path, PathBuf};

use anyhow::Result;
use inquire::validator::Validation;
use inquire::{Confirm, InquireError, Select, Text};

use crate::answers::{Answers, Lang, Ui, out_path};
use crate::endpoint::Endpoint;
use crate::findings::Finding;
use crate::generate::analyse_answers;
use crate::psl::PublicSuffixList;
use crate::report;

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

fn ask_all(
    prefilled: &Answers,
    project: &Path,
    psl: &PublicSuffixList,
) -> Result<Answers, InquireError> {
    let mut answers = prefilled.clone();
    answers.list_auth_api();
    let mut rejected = false;
    loop {
        answers.apis = ask_endpoints(&answers.apis, rejected)?;
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
            break;
        }
        eprintln!("These endpoints cannot share a session; change them.");
        rejected = true;
    }

    let origins: Vec<String> = answers
        .apis
        .iter()
        .filter_map(|a| Endpoint::parse(a).ok().map(|e| e.origin()))
        .collect();
    answers.auth_api = if origins.len() > 1 {
        let current = answers
            .auth_api
            .as_deref()
            .and_then(|a| Endpoint::parse(a).ok())
            .map(|e| e.origin());
        let start = origins
            .iter()
            .position(|o| Some(o) == current.as_ref())
            .unwrap_or(0);
        Some(
            Select::new(
                "Which API serves /auth (appInfo.apiDomain)?",
                origins.clone(),
            )
            .with_starting_cursor(start)
            .prompt()?,
        )
    } else {
        origins.first().cloned()
    };

    let uis = vec![UiChoice(Ui::Prebuilt), UiChoice(Ui::Custom)];
    let start = usize::from(answers.ui == Some(Ui::Custom));
    answers.ui = Some(
        Select::new("Which login UI?", uis)
            .with_starting_cursor(start)
            .prompt()?
            .0,
    );

    answers.website = Some(ask_url(
        "Website URL (where the frontend is served, appInfo.websiteDomain):",
        answers.website.as_deref().unwrap_or(""),
    )?);
    let analysis = analyse_answers(&answers, psl);
    for finding in analysis
        .findings
        .iter()
        .filter(|f| f.code == crate::findings::Code::WebsiteCrossSite)
    {
        eprintln!("{} {}", finding.severity.mark(), finding.message);
    }

    answers.app_name = Some(
        Text::new("App name (appInfo.appName):")
            .with_initial_value(answers.app_name.as_deref().unwrap_or(""))
            .with_validator(|s: &str| {
                Ok(if s.trim().is_empty() {
                    Validation::Invalid("The app name cannot be empty.".into())
                } else {
                    Validation::Valid
                })
            })
            .prompt()?,
    );

    let lang = answers.lang_or_detect(project);
    let langs = vec!["TypeScript", "JavaScript"];
    let chosen = Select::new("Language of the generated files?", langs)
        .with_starting_cursor(usize::from(lang == Lang::Js))
        .prompt()?;
    let lang = if chosen == "TypeScript" {
        Lang::Ts
    } else {
        Lang::Js
    };
    answers.lang = Some(lang);
    let suggested = |side: &str, current: &Option<PathBuf>| {
        out_path(current.as_deref(), side, lang)
            .display()
            .to_string()
    };
    answers.backend_out = Some(PathBuf::from(ask_path(
        "Backend file:",
        &suggested("backend", &answers.backend_out),
    )?));
    answers.frontend_out = Some(PathBuf::from(ask_path(
        "Frontend file:",
        &suggested("frontend", &answers.frontend_out),
    )?));
    Ok(answers)
}

/// After a rejected list the line starts empty (the prompt has no key to clear it) and the
/// old list is shown to copy from.
fn ask_endpoints(current: &[String], rejected: bool) -> Result<Vec<String>, InquireError> {
    let joined = current.join(", ");
    let help = if rejected {
        format!("before: {joined}")
    } else {
        "e.g. https://api.example.com, https://api2.example.com".to_owned()
    };
    let text = Text::new("API endpoints (separate them with spaces or commas):")
        .with_initial_value(if rejected { "" } else { &joined })
        .with_help_message(&help)
        .with_validator(|s: &str| {
            crate::terminal::test_panic_point();
            let items = split_list(s);
            if items.is_empty() {
                return Ok(Validation::Invalid(Finding::no_endpoints().message.into()));
            }
            Ok(first_unparsable("API endpoint", &items)
                .map_or(Validation::Valid, |m| Validation::Invalid(m.into())))
        })
        .prompt()?;
    Ok(split_list(&text))
}

fn ask_url(message: &str, initial: &str) -> Result<String, InquireError> {
    Text::new(message)
        .with_initial_value(initial)
        .with_validator(|s: &str| {
            Ok(first_unparsable("website", &[s.to_owned()])
                .map_or(Validation::Valid, |m| Validation::Invalid(m.into())))
        })
        .prompt()
}

fn ask_path(message: &str, initial: &str) -> Result<String, InquireError> {
    Text::new(message)
        .with_initial_value(initial)
        .with_validator(|s: &str| {
            Ok(if s.trim().is_empty() {
                Validation::Invalid("Give a file path, relative to the project folder.".into())
            } else {
                Validation::Valid
            })
        })
        .prompt()
}

fn first_unparsable(what: &str, items: &[String]) -> Option<String> {
    items.iter().find_map(|item| {
        Endpoint::parse(item)
            .err()
            .map(|error| Finding::unparsable(what, item, &error).message)
    })
}

fn split_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

struct UiChoice(Ui);

impl std::fmt::Display for UiChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_commas_and_spaces() {
        assert_eq!(
            split_list(" a.com, b.com  c.com,,"),
            vec!["a.com", "b.com", "c.com"]
        );
    }

    #[test]
    fn validation_uses_the_findings_text() {
        let message = first_unparsable("API endpoint", &["ftp://x.com".to_owned()]).unwrap();
        assert!(message.contains("http:// or https://"), "{message}");
    }
}
