//! One run of st-setup, minus the terminal: answers → analysis → rendered files → plan.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use crate::analysis::{Analysis, DomainInput, analyse};
use crate::answers::{self, Answers, Generated, Lang, MissingAnswers, SavedSetup, Setup};
use crate::findings::{Code, file_left_behind, older_cookie_domain_replaced, outside_the_project};
use crate::plan::{Change, PlannedFile, is_commonjs, place};
use crate::psl::PublicSuffixList;
use crate::render::{FileKind, FileValues, render};

/// Everything a run would write, and why.
#[derive(Debug)]
pub struct Outcome {
    pub setup: Setup,
    pub analysis: Analysis,
    pub saved: SavedSetup,
    /// Backend, frontend, then st-setup.json.
    pub files: Vec<PlannedFile>,
    /// What the user should know about this run beyond the findings.
    pub notes: Vec<String>,
}

impl Outcome {
    pub fn changed(&self) -> impl Iterator<Item = &PlannedFile> {
        self.files.iter().filter(|f| f.change != Change::Unchanged)
    }

    pub fn diff(&self) -> String {
        self.files.iter().map(PlannedFile::diff).collect()
    }

    /// For `check`: st-setup.json drifts only in meaning. Reformatting it by hand, or
    /// answers spelt out that are the defaults anyway (as earlier versions saved them), is
    /// no drift.
    pub fn compare_state_by_meaning(&mut self, project: &Path) {
        let (saved, setup) = (&self.saved, &self.setup);
        let Some(state) = self.files.iter_mut().find(|f| f.kind.is_none()) else {
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
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

pub fn analyse_answers(answers: &Answers, psl: &PublicSuffixList) -> Analysis {
    analyse(
        &DomainInput {
            apis: &answers.apis,
            auth_api: answers.auth_api.as_deref(),
            website: answers.website.as_deref(),
        },
        psl,
    )
}

pub fn generate(
    project: &Path,
    answers: &Answers,
    previous: Option<&SavedSetup>,
    psl: &PublicSuffixList,
    force: bool,
) -> Result<Outcome, GenerateError> {
    let setup = answers.resolve(project).map_err(GenerateError::Missing)?;
    let analysis = analyse_answers(&setup.to_answers(), psl);
    if analysis.has_errors() {
        return Err(GenerateError::Findings(Box::new(analysis)));
    }
    check_other_answers(&setup, project).map_err(GenerateError::Answer)?;
    let api_domain = analysis
        .api_domain
        .clone()
        .ok_or_else(|| anyhow!("no apiDomain"))?;
    let website = analysis
        .website
        .as_ref()
        .map(|w| w.origin())
        .unwrap_or_default();
    let cookie_domain = analysis.cookie_domain.clone();

    let notes = notes_for(project, previous, &setup, cookie_domain.as_deref());
    let previous_generation = previous.and_then(|p| p.generated.as_ref());
    let older_cookie_domain = previous_generation.and_then(|generated| {
        if generated.cookie_domain == cookie_domain {
            generated.older_cookie_domain.clone()
        } else {
            Some(generated.cookie_domain.clone().unwrap_or_default())
        }
    });
    let why = analysis
        .findings
        .iter()
        .find(|f| matches!(f.code, Code::SharedCookieDomain | Code::SingleHost))
        .map(|f| f.message.clone())
        .unwrap_or_default();

    let render_file = |kind: FileKind, out: &Path| -> Result<PlannedFile> {
        let (ts, cjs) = syntax_for(&project.join(out), setup.lang)?;
        let values = FileValues {
            cjs,
            ts,
            app_name: &setup.app_name,
            api_domain: &api_domain,
            website_domain: &website,
            connection_uri: &setup.connection_uri,
            cookie_domain: cookie_domain.as_deref(),
            older_cookie_domain: older_cookie_domain.as_deref(),
            why: &why,
        };
        PlannedFile::new(project, out, Some(kind), render(kind, &values), force)
    };
    let backend = render_file(FileKind::Backend, &setup.backend_out)?;
    let frontend = render_file(FileKind::Frontend(setup.ui), &setup.frontend_out)?;

    let mut to_save = setup.to_answers();
    to_save.backend_out = to_save.backend_out.map(|p| relative_to(project, p));
    to_save.frontend_out = to_save.frontend_out.map(|p| relative_to(project, p));
    let saved = SavedSetup {
        version: answers::VERSION,
        answers: to_save,
        generated: Some(Generated {
            cookie_domain: cookie_domain.clone(),
            older_cookie_domain,
        }),
    };
    let state = PlannedFile::new(
        project,
        Path::new(answers::FILE_NAME),
        None,
        saved.to_json(),
        force,
    )?;
    let files = vec![backend, frontend, state];
    check_distinct(&files).map_err(GenerateError::Answer)?;
    Ok(Outcome {
        setup,
        analysis,
        saved,
        files,
        notes,
    })
}

/// What the user should hear about this run beyond the findings.
fn notes_for(
    project: &Path,
    previous: Option<&SavedSetup>,
    setup: &Setup,
    cookie_domain: Option<&str>,
) -> Vec<String> {
    let mut notes = Vec::new();
    // The SDK clears one older domain only; replacing one that is still being cleared
    // strands its cookies.
    let previous_generation = previous.and_then(|p| p.generated.as_ref());
    if let Some(dropped) = previous_generation
        .filter(|generated| generated.cookie_domain.as_deref() != cookie_domain)
        .and_then(|generated| generated.older_cookie_domain.as_deref())
        .filter(|dropped| !dropped.is_empty() && Some(*dropped) != cookie_domain)
    {
        notes.push(older_cookie_domain_replaced(dropped));
    }
    // A file st-setup wrote before, at a path it no longer writes (another --lang or
    // --*-out), is left alone but should not be forgotten.
    if let Some(before) = previous
        .filter(|p| p.generated.is_some())
        .and_then(|p| p.answers.resolve(project).ok())
    {
        for (old, new) in [
            (&before.backend_out, &setup.backend_out),
            (&before.frontend_out, &setup.frontend_out),
        ] {
            let moved = same_place(project, old) != same_place(project, new);
            if moved && project.join(old).exists() {
                notes.push(file_left_behind(old, new));
            }
        }
    }
    for (path, flag) in [
        (&setup.backend_out, "--backend-out"),
        (&setup.frontend_out, "--frontend-out"),
    ] {
        if answers::escapes_project(path, project) {
            notes.push(outside_the_project(path, flag));
        }
    }
    notes
}

/// TypeScript or not, and `require` or not, for a file at `path`. The extension decides
/// as it does for Node and tsc (`.mjs` is always an ES module, `.cjs` always CommonJS, a
/// `.js` file follows the nearest package.json); `lang` only decides for a file without one.
fn syntax_for(path: &Path, lang: Lang) -> Result<(bool, bool)> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    Ok(match extension {
        "ts" | "tsx" | "mts" | "cts" => (true, false),
        "mjs" => (false, false),
        "cjs" => (false, true),
        "js" | "jsx" => (false, is_commonjs(path)?),
        _ if lang == Lang::Ts => (true, false),
        _ => (false, is_commonjs(path)?),
    })
}

/// Answers beyond the domains that would still produce a broken file.
fn check_other_answers(setup: &Setup, project: &Path) -> Result<(), String> {
    // Before planning, so a clash is not first reported as "not st-setup's file".
    let places = [
        (same_place(project, &setup.backend_out), "the backend file"),
        (
            same_place(project, &setup.frontend_out),
            "the frontend file",
        ),
        (
            same_place(project, Path::new(answers::FILE_NAME)),
            answers::FILE_NAME,
        ),
    ];
    for (i, (place, role)) in places.iter().enumerate() {
        if let Some((_, other)) = places[i + 1..].iter().find(|(p, _)| p == place) {
            return Err(format!(
                "{role} and {other} are the same file ({}); give each its own path with --backend-out and --frontend-out",
                place.display()
            ));
        }
    }
    if setup.app_name.trim().is_empty() {
        return Err(
            "the app name is empty; pass --app-name NAME (it is shown in emails and the login UI)"
                .to_owned(),
        );
    }
    match url::Url::parse(&setup.connection_uri) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => Ok(()),
        _ => Err(format!(
            "the connection URI \"{}\" is not an http(s) URL; pass --connection-uri, e.g. http://localhost:3567 or your SuperTokens core's URL",
            setup.connection_uri
        )),
    }
}

/// Two outputs at one file (spelt differently, or through a link) would silently lose one.
fn check_distinct(files: &[PlannedFile]) -> Result<(), String> {
    let role = |file: &PlannedFile| match file.kind {
        Some(kind) => format!("the {} file", kind.describe()),
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

    #[test]
    fn the_extension_decides_the_syntax() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("package.json"), "{}").unwrap();
        let at = |name: &str, lang| syntax_for(&dir.path().join(name), lang).unwrap();
        assert_eq!(
            at("a.mjs", Lang::Js),
            (false, false),
            ".mjs is ESM under a CommonJS package"
        );
        assert_eq!(at("a.cjs", Lang::Ts), (false, true));
        assert_eq!(
            at("a.js", Lang::Ts),
            (false, true),
            "a .js file is never TypeScript"
        );
        assert_eq!(at("a.ts", Lang::Js), (true, false));
        assert_eq!(at("a", Lang::Ts), (true, false));
        std::fs::write(dir.path().join("package.json"), r#"{"type":"module"}"#).unwrap();
        assert_eq!(at("a.js", Lang::Js), (false, false));
        assert_eq!(
            at("a.cjs", Lang::Js),
            (false, true),
            ".cjs is CommonJS under a module package"
        );
    }
}
