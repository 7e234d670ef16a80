//! Plain-text reports of an analysis and a plan, for `domain`, `--yes` runs, `check` and
//! the line-prompt mode. The words come from the findings; this only lays them out.

use std::fmt::Write as _;

use crate::analysis::Analysis;
use crate::findings::Severity;
use crate::generate::Outcome;
use crate::plan::{Change, backup_path};

/// The two lines that must match, then every endpoint and every finding.
pub fn analysis(analysis: &Analysis) -> String {
    let mut out = String::new();
    let quoted = |v: &Option<String>| match v {
        Some(v) => format!("\"{v}\""),
        None => "(none)".to_owned(),
    };
    if analysis.has_errors() {
        let _ = writeln!(out, "No working setup yet: fix the errors below.");
    } else {
        let _ = writeln!(
            out,
            "backend   Session.init({{ cookieDomain: {} }})",
            quoted(&analysis.cookie_domain)
        );
        let _ = writeln!(
            out,
            "frontend  Session.init({{ sessionTokenBackendDomain: {} }})",
            quoted(&analysis.cookie_domain)
        );
        let _ = writeln!(out, "appInfo.apiDomain: {}", quoted(&analysis.api_domain));
    }
    if !analysis.endpoints.is_empty() {
        let _ = writeln!(out, "\nEndpoints");
        let width = analysis
            .endpoints
            .iter()
            .map(|r| r.input.chars().count())
            .max()
            .unwrap_or(0);
        for report in &analysis.endpoints {
            let mark = match analysis.worst_for(&report.input) {
                _ if report.parsed.is_none() => "✗",
                Some(Severity::Error) => "✗",
                Some(Severity::Warning) => "!",
                _ => "✓",
            };
            let detail = match &report.parsed {
                Some(endpoint) => {
                    let site = report
                        .registrable_domain
                        .as_deref()
                        .unwrap_or(&endpoint.host);
                    let api = if analysis.api_domain.as_deref() == Some(endpoint.origin().as_str())
                    {
                        "  (apiDomain, serves /auth)"
                    } else {
                        ""
                    };
                    format!("{}  site {site}{api}", endpoint.origin())
                }
                None => "not a usable URL".to_owned(),
            };
            let _ = writeln!(out, "  {mark} {:width$}  →  {detail}", report.input);
        }
    }
    if !analysis.findings.is_empty() {
        let _ = writeln!(out, "\nFindings");
        for finding in &analysis.findings {
            let _ = writeln!(
                out,
                "  {} {} [{}]: {}",
                finding.severity.mark(),
                finding.severity.as_str(),
                finding.code.as_str(),
                finding.message
            );
        }
    }
    out
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
    let path_width = outcome
        .files
        .iter()
        .map(|f| f.display.as_os_str().len())
        .max()
        .unwrap_or(0);
    for (file, verb) in outcome.files.iter().zip(verbs) {
        let what = file
            .kind
            .map(|k| k.describe())
            .unwrap_or("st-setup's answers");
        let backup = if file.change == Change::Replace {
            format!(
                " (old copy kept as {})",
                backup_path(&file.display).display()
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {verb:verb_width$}  {:path_width$}  {what}{backup}",
            file.display.display()
        );
    }
    out
}

/// What to do after the files are written.
pub fn next_steps(outcome: &Outcome) -> String {
    let setup = &outcome.setup;
    format!(
        "Next: import {} once at the start of your API server (before its routes), and {} at the start of your frontend, before anything calls your APIs. Re-run `st-setup add-api URL` when you add an API.",
        setup.backend_out.display(),
        setup.frontend_out.display()
    )
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
