//! `st-setup adopt`: init calls written by hand become st-setup's. Their values go into
//! st-setup.json and a managed block in each file; the calls are rewritten to read the
//! block, keeping every other option, comment and line of the file. What doctor found is
//! the input; the planner (`generate`) then fills the blocks exactly as it does for files
//! it wrote, so `check` and `add-api` treat adopted files like any other.

mod go;
mod js;
mod python;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::answers::{Answers, Ui};
use crate::doctor::extract::{InitCall, Value};
use crate::psl::PublicSuffixList;
use crate::recipe::Recipes;
use crate::target::{Language, Role, Side};

/// One replacement in a text: bytes `start..end` become `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// `text` with `edits` made; `Err` when two of them overlap.
fn apply(text: &str, mut edits: Vec<Edit>) -> Result<String, String> {
    edits.sort_by_key(|e| (e.start, e.end));
    for pair in edits.windows(2) {
        if pair[0].end > pair[1].start {
            return Err("two of its values are written in one place".to_owned());
        }
    }
    // A file with CRLF line ends (git autocrlf) gets CRLF in the lines added too; the
    // planner then keeps its block CRLF as well.
    let crlf = text.contains("\r\n");
    let mut out = text.to_owned();
    for edit in edits.iter().rev() {
        let added = if crlf {
            edit.text.replace("\r\n", "\n").replace('\n', "\r\n")
        } else {
            edit.text.clone()
        };
        out.replace_range(edit.start..edit.end, &added);
    }
    Ok(out)
}

/// Why the calls cannot be adopted as they are: every problem, and among them the values
/// the files disagree on, which a person can settle by choosing one.
#[derive(Debug, Default)]
pub struct Refusal {
    pub problems: Vec<String>,
    pub disagreements: Vec<Disagreement>,
}

/// Files that give one answer different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The Node SDK's name of the value: `appName`.
    pub key: &'static str,
    /// The values, each with where it is written.
    pub choices: Vec<(String, Vec<String>)>,
}

impl Disagreement {
    /// `answers` with `choice` as the answer this disagreement is about.
    pub fn settle(&self, answers: &mut Answers, choice: &str) {
        let value = Some(choice.to_owned());
        match self.key {
            "appName" => answers.app_name = value,
            "apiDomain" => answers.auth_api = value,
            "websiteDomain" => answers.website = value,
            "connectionURI" => answers.connection_uri = value,
            "apiBasePath" => answers.api_base_path = value,
            _ => answers.website_base_path = value,
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.problems.join("\n"))
    }
}

/// What adopting a project's init calls takes: the answers to save, and each file's text
/// prepared for the planner (its calls reading the block, an empty block in place).
#[derive(Debug)]
pub struct Adoption {
    pub answers: Answers,
    /// Real path of each adopted file → its prepared text.
    pub prepared: HashMap<PathBuf, String>,
    /// What the files were set up with before, for the planner: the shared cookie domain
    /// and the older one the backends still clear (`None` without one).
    pub previous: Option<crate::answers::SavedSetup>,
    /// What changes beyond moving values into the block: cookie domains st-setup corrects.
    pub notes: Vec<String>,
}

/// The adoption of `calls` (doctor's, paths relative to `project`), with `flags` deciding
/// what the calls leave open or disagree on. `Err` names every conflict and the flag that
/// settles it.
pub fn adopt(
    project: &Path,
    calls: &[InitCall],
    flags: &Answers,
    psl: &PublicSuffixList,
) -> Result<Adoption, Refusal> {
    let calls: Vec<&InitCall> = calls.iter().filter(|c| !c.managed).collect();
    if calls.is_empty() {
        return Err(Refusal {
            problems: vec![
                "found no init call that st-setup does not manage yet (`st-setup doctor` lists every one)"
                    .to_owned(),
            ],
            disagreements: Vec::new(),
        });
    }
    let mut problems = Vec::new();
    let mut disagreements = Vec::new();
    let mut per_file: BTreeMap<&Path, Vec<&InitCall>> = BTreeMap::new();
    for call in &calls {
        per_file.entry(&call.at.path).or_default().push(call);
    }
    for (path, here) in &per_file {
        if here.len() > 1 {
            problems.push(format!(
                "{} has {} init calls; st-setup takes over a file with one",
                path.display(),
                here.len()
            ));
        }
    }
    let ui = match flags.ui {
        Some(ui) => Some(ui),
        None => agreed(
            &calls,
            &mut problems,
            "the login UI (--ui prebuilt|custom)",
            |c| match c.sdk {
                "supertokens-auth-react" => Some(Ui::Prebuilt),
                "supertokens-web-js" => Some(Ui::Custom),
                _ => None,
            },
        ),
    };
    for call in &calls {
        let fits = matches!(
            (call.side, call.sdk, ui),
            (
                Side::Backend,
                "supertokens-node" | "supertokens-python" | "supertokens-golang",
                _
            ) | (Side::Frontend, "supertokens-auth-react", Some(Ui::Prebuilt))
                | (Side::Frontend, "supertokens-web-js", Some(Ui::Custom))
                | (Side::Frontend, "supertokens-react-native", _)
        );
        if !fits {
            problems.push(format!(
                "{}:{} initialises {}; adopt takes over supertokens-node, -python and -golang backends and supertokens-auth-react (--ui prebuilt), supertokens-web-js (--ui custom) or supertokens-react-native frontends for now: leave this file out (adopt FILE…), or set it up with `st-setup add-backend` / `add-frontend` after adopting the others",
                call.at.path.display(),
                call.at.line,
                call.sdk
            ));
        }
    }
    let mut value = |key: &'static str, flag: &str, given: &Option<String>| -> Option<String> {
        if given.is_some() {
            return given.clone();
        }
        literal(&calls, key, flag, &mut problems, &mut disagreements)
    };
    let app_name = value("appName", "--app-name", &flags.app_name);
    let auth_api = value("apiDomain", "--auth-api", &flags.auth_api);
    let website = value("websiteDomain", "--website", &flags.website);
    let connection_uri = value("connectionURI", "--connection-uri", &flags.connection_uri);
    let api_base_path = value("apiBasePath", "--api-base-path", &flags.api_base_path);
    let website_base_path = value(
        "websiteBasePath",
        "--website-base-path",
        &flags.website_base_path,
    );
    // The older domain the backends still clear: kept, as a run after a domain change
    // keeps it (the block says why, and for how long).
    let older_cookie_domain = literal(
        &calls,
        "olderCookieDomain",
        "one value in every backend (adopt then keeps it)",
        &mut problems,
        &mut Vec::new(),
    );
    let mut apis = flags.apis.clone();
    if let Some(auth) = &auth_api {
        let known = crate::endpoint::origin_of(auth);
        if !apis.iter().any(|a| crate::endpoint::origin_of(a) == known) {
            apis.insert(0, auth.clone());
        }
    }
    // A frontend that sends its tokens in a header already is a header-mode setup.
    let mut notes = Vec::new();
    // (A React Native app sends a header by default, whatever the web does.)
    let header_frontend = calls
        .iter()
        .filter(|c| c.side == Side::Frontend && c.sdk != "supertokens-react-native")
        .find_map(|c| {
            let found = c.values.get("tokenTransferMethod")?;
            matches!(&found.value, Value::Literal(v) if v == "header").then_some(found)
        });
    let token_transfer = match (flags.token_transfer, header_frontend) {
        (Some(given), _) => Some(given),
        (None, Some(found)) => {
            notes.push(format!(
                "{}:{} sets tokenTransferMethod \"header\", so the setup is adopted with header-based sessions (--token-transfer header): every frontend sends its tokens in the Authorization header, and every backend answers \"header\". Pass --token-transfer cookie to adopt it with cookies instead.",
                found.at.path.display(),
                found.at.line
            ));
            Some(crate::answers::TokenTransfer::Header)
        }
        (None, None) => None,
    };
    let mut answers = Answers {
        apis,
        auth_api,
        website,
        ui: Some(ui.unwrap_or(Ui::Custom)),
        app_name,
        connection_uri,
        api_base_path,
        website_base_path,
        recipes: Some(Recipes::new([])),
        token_transfer,
        ..Answers::default()
    };
    // What the backends set is what browsers hold session cookies for. When st-setup's
    // cookie domain differs, the planner treats it as any change of the APIs: the backends
    // keep clearing the old cookies (olderCookieDomain) where the auth API reaches them.
    let analysis = crate::generate::analyse_answers(&answers, psl);
    let computed = analysis.cookie_domain.clone();
    let auth_host = analysis.api_endpoint().map(|e| e.host.clone());
    let held = held_cookie_domain(&calls, auth_host.as_deref(), psl, &mut problems, &mut notes);
    for call in calls.iter().filter(|c| c.side == Side::Frontend) {
        let Some(found) = call.values.get("sessionTokenBackendDomain") else {
            continue;
        };
        match &found.value {
            Value::Literal(value) if Some(crate::endpoint::dotted_domain(value)) != computed => notes.push(format!(
                "{}:{} sets sessionTokenBackendDomain \"{value}\"; the block gives it the backends' cookie domain instead: {}.",
                found.at.path.display(),
                found.at.line,
                computed.as_deref().map_or("none (one API host)".to_owned(), |d| format!("\"{d}\"")),
            )),
            Value::Literal(_) => {}
            Value::Dynamic { dynamic } => problems.push(run_time_domain(
                found,
                "sessionTokenBackendDomain",
                dynamic,
            )),
        }
    }
    if !problems.is_empty() {
        return Err(Refusal {
            problems,
            disagreements,
        });
    }
    let mut prepared = HashMap::new();
    for (path, here) in &per_file {
        let call = here[0];
        let role = match call.side {
            Side::Backend => Role::Backend,
            Side::Frontend => Role::Frontend(answers.ui.unwrap_or(Ui::Custom)),
        };
        let list = match role {
            Role::Backend => &mut answers.backend_out,
            Role::Frontend(_) => &mut answers.frontend_out,
        };
        // A React Native app's file is that whatever its package.json says.
        let react_native = call.sdk == "supertokens-react-native";
        list.push(match react_native {
            true => PathBuf::from(format!("{}@react-native", path.display())),
            false => path.to_path_buf(),
        });
        let real = project.join(path);
        let text = match std::fs::read_to_string(&real) {
            Ok(text) => text,
            Err(e) => {
                problems.push(format!("cannot read {}: {e}", path.display()));
                continue;
            }
        };
        let framework = react_native.then_some(crate::target::Framework::Js(
            crate::target::JsFramework::ReactNative,
        ));
        let target = match crate::project::target_for(role, &real, framework) {
            Ok((target, _)) => target,
            Err(e) => {
                problems.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let prepared_text = match &target.language {
            Language::Js(syntax, _) => {
                let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("js");
                let source_type = oxc_span::SourceType::from_extension(extension)
                    .unwrap_or_default()
                    .with_jsx(!matches!(extension, "ts" | "mts" | "cts"));
                js::prepare(
                    &text,
                    source_type,
                    *syntax,
                    role,
                    call.sdk,
                    target.comment(),
                )
            }
            Language::Python(framework) => {
                python::prepare(&text, framework.sdk_name(), framework.mode())
            }
            Language::Go(_) => go::prepare(&text),
        };
        match prepared_text {
            Ok(text) => match crate::plan::resolve_target(project, path, false) {
                Ok(key) => {
                    prepared.insert(key, text);
                }
                Err(e) => problems.push(format!("{}: {e}", path.display())),
            },
            Err(why) => problems.push(format!(
                "{}:{}: {why}; st-setup cannot take it over as it is",
                path.display(),
                call.at.line
            )),
        }
    }
    // st-setup.json always lists a file of each side: one that is not adopted would be
    // created at the default path, beside the user's own.
    for (side, list, flag) in [
        ("backend", &answers.backend_out, &flags.backend_out),
        ("frontend", &answers.frontend_out, &flags.frontend_out),
    ] {
        if list.is_empty() && flag.is_empty() {
            problems.push(format!(
                "no {side} file is among the adopted ones, and st-setup keeps one of each: adopt one with the others (adopt FILE…), or pass --{side}-out PATH for a new one"
            ));
        }
    }
    answers
        .backend_out
        .extend(flags.backend_out.iter().cloned());
    answers
        .frontend_out
        .extend(flags.frontend_out.iter().cloned());
    if !problems.is_empty() {
        return Err(Refusal {
            problems,
            disagreements,
        });
    }
    let previous_cookie_domain = match held {
        Held::Domain(domain) => Some(domain),
        Held::HostOnly => None,
        // No cookies to clear: as if the setup had st-setup's domain already.
        Held::Nothing => computed.clone(),
    };
    let previous =
        (previous_cookie_domain != computed || older_cookie_domain.is_some()).then(|| {
            crate::answers::SavedSetup {
                version: crate::answers::VERSION,
                answers: answers.clone(),
                generated: Some(crate::answers::Generated {
                    cookie_domain: previous_cookie_domain,
                    older_cookie_domain,
                    environments: Vec::new(),
                }),
            }
        });
    Ok(Adoption {
        answers,
        prepared,
        previous,
        notes,
    })
}

/// What browsers hold the backends' session cookies for.
#[derive(Debug, PartialEq, Eq)]
enum Held {
    /// Cookies for this domain (with its dot, lowercase).
    Domain(String),
    /// Host-only cookies of the auth API.
    HostOnly,
    /// None: browsers refused every cookie the backends' domain asked for.
    Nothing,
}

/// The cookie domain the backends' calls give, as browsers hold it. A dotted localhost or
/// IP is host-only (the SDK drops the dot); a public suffix, or a domain the auth API is
/// not under, is refused by browsers, so they hold nothing. Backends that disagree, or a
/// value known only at run time, are problems: which cookies exist is then unknown.
fn held_cookie_domain(
    calls: &[&InitCall],
    auth_host: Option<&str>,
    psl: &PublicSuffixList,
    problems: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> Held {
    let mut seen: BTreeMap<Option<String>, Vec<String>> = BTreeMap::new();
    for call in calls.iter().filter(|c| c.side == Side::Backend) {
        match call.values.get("cookieDomain") {
            None => seen.entry(None).or_default().push(format!(
                "{}:{}",
                call.at.path.display(),
                call.at.line
            )),
            Some(found) => match &found.value {
                Value::Literal(value) => seen
                    .entry(Some(crate::endpoint::dotted_domain(value)))
                    .or_default()
                    .push(format!("{}:{}", found.at.path.display(), found.at.line)),
                Value::Dynamic { dynamic } => {
                    problems.push(run_time_domain(found, "cookieDomain", dynamic))
                }
            },
        }
    }
    if seen.len() > 1 {
        let listed: Vec<String> = seen
            .iter()
            .map(|(domain, places)| {
                let domain = domain
                    .as_deref()
                    .map_or("none".to_owned(), |d| format!("\"{d}\""));
                format!("{domain} in {}", places.join(", "))
            })
            .collect();
        problems.push(format!(
            "the backends set different cookie domains ({}): browsers hold cookies for each, and st-setup's backends can keep clearing one; make them one first, as `st-setup doctor` says",
            listed.join("; ")
        ));
        return Held::Nothing;
    }
    let Some((Some(domain), places)) = seen.into_iter().next() else {
        return Held::HostOnly;
    };
    let bare = domain.trim_start_matches('.');
    let place = places.join(", ");
    if crate::endpoint::is_host_only_cookie_domain(bare) {
        notes.push(format!(
            "{place} sets cookieDomain \"{domain}\", which the SDK reads as host-only cookies (it drops the dot of localhost and IP addresses)."
        ));
        Held::HostOnly
    } else if psl.is_public_suffix(bare) {
        notes.push(format!(
            "{place} sets cookieDomain \"{domain}\", a public suffix: browsers refused every session cookie for it, so there are none to clear."
        ));
        Held::Nothing
    } else if auth_host.is_some_and(|host| !crate::endpoint::host_is_covered_by(host, &domain)) {
        notes.push(format!(
            "{place} sets cookieDomain \"{domain}\", which does not cover the auth API {}: browsers refused every session cookie it set, so there are none to clear.",
            auth_host.unwrap_or_default()
        ));
        Held::Nothing
    } else {
        Held::Domain(domain)
    }
}

fn run_time_domain(found: &crate::doctor::extract::Found, key: &str, dynamic: &str) -> String {
    format!(
        "{}:{} sets {key} from {dynamic}: st-setup's block holds literals; set it to the value it has in production first",
        found.at.path.display(),
        found.at.line,
    )
}

/// The one literal value the calls give `key`: `None` when none gives it; a problem (with
/// the flag that settles it) when they disagree or one is known only at run time.
fn literal(
    calls: &[&InitCall],
    key: &'static str,
    flag: &str,
    problems: &mut Vec<String>,
    disagreements: &mut Vec<Disagreement>,
) -> Option<String> {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for call in calls {
        let Some(found) = call.values.get(key) else {
            continue;
        };
        let place = format!("{}:{}", found.at.path.display(), found.at.line);
        match &found.value {
            // One origin spelt two ways (`https://api.example.com/`) is no disagreement.
            Value::Literal(value) if matches!(key, "apiDomain" | "websiteDomain") => seen
                .entry(crate::endpoint::origin_of(value).unwrap_or_else(|| value.clone()))
                .or_default()
                .push(place),
            Value::Literal(value) => seen.entry(value.clone()).or_default().push(place),
            Value::Dynamic { dynamic } => problems.push(format!(
                "{place} sets {key} from {dynamic}, known only at run time: pass the value st-setup should keep with {flag}"
            )),
        }
    }
    match seen.len() {
        0 => None,
        1 => seen.into_keys().next(),
        _ => {
            let listed: Vec<String> = seen
                .iter()
                .map(|(value, places)| format!("\"{value}\" in {}", places.join(", ")))
                .collect();
            problems.push(format!(
                "the files disagree on {key} ({}): pass the one to keep with {flag}",
                listed.join("; ")
            ));
            disagreements.push(Disagreement {
                key,
                choices: seen.into_iter().collect(),
            });
            None
        }
    }
}

/// The one answer every call that has an opinion gives, or a problem naming `what`.
fn agreed<T: PartialEq + Copy>(
    calls: &[&InitCall],
    problems: &mut Vec<String>,
    what: &str,
    of: impl Fn(&InitCall) -> Option<T>,
) -> Option<T> {
    let mut answers = calls.iter().filter_map(|c| of(c));
    let first = answers.next()?;
    if answers.any(|other| other != first) {
        problems.push(format!("the files disagree on {what}: pass it"));
        return None;
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_the_files_line_ends() {
        let edit = |start, text: &str| Edit {
            start,
            end: start,
            text: text.to_owned(),
        };
        let crlf = "a\r\nb\r\n";
        assert_eq!(
            apply(crlf, vec![edit(3, "// x\n")]).unwrap(),
            "a\r\n// x\r\nb\r\n"
        );
        assert_eq!(
            apply("a\nb\n", vec![edit(2, "// x\n")]).unwrap(),
            "a\n// x\nb\n"
        );
        let overlapping = vec![
            Edit {
                start: 0,
                end: 2,
                text: String::new(),
            },
            Edit {
                start: 1,
                end: 3,
                text: String::new(),
            },
        ];
        assert!(apply("abcd", overlapping).is_err());
    }
}
