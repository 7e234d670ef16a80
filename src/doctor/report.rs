//! Doctor's report for people (the calls found, then each problem with its places) and
//! for GitHub code scanning (SARIF 2.1.0). `--json` is `Audit::to_json`.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use super::Audit;
use super::extract::Value as Found;
use crate::findings::Severity;

/// The calls, then the findings grouped by code, errors first.
pub fn human(audit: &Audit, root: &Path) -> String {
    // Piped, a finding stays on one line (for grep); on a terminal it wraps.
    let width = crate::report::width_of_stdout().map_or(usize::MAX, |w| w.max(40));
    let mut out = String::new();
    if audit.calls.is_empty() {
        let _ = writeln!(
            out,
            "No SuperTokens init call under {} (files .gitignore excludes and node_modules, .venv, venv, target, vendor, dist and __pycache__ were not read: --no-ignore reads them; hidden files are never read).",
            root.display()
        );
        return out;
    }
    let count = audit.calls.len();
    let _ = writeln!(
        out,
        "{count} SuperTokens init call{} under {}:",
        if count == 1 { "" } else { "s" },
        root.display()
    );
    for call in &audit.calls {
        let managed = if call.managed {
            ", managed by st-setup"
        } else {
            ""
        };
        let version = call
            .installed
            .as_ref()
            .map(|i| format!(" {}", i.version))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}:{}  {}{version} ({}{managed})",
            call.at.path.display(),
            call.at.line,
            call.sdk,
            call.side
        );
        let values: Vec<String> = call
            .values
            .iter()
            .map(|(key, found)| match &found.value {
                Found::Literal(value) => format!("{key} {value:?}"),
                Found::Dynamic { dynamic } => format!("{key} (dynamic: {dynamic})"),
            })
            .collect();
        if !values.is_empty() {
            let options = textwrap::Options::new(width)
                .initial_indent("      ")
                .subsequent_indent("      ");
            let _ = writeln!(out, "{}", textwrap::fill(&values.join(", "), options));
        }
    }
    let mut last_code = "";
    for finding in &audit.findings {
        if finding.code != last_code {
            let _ = writeln!(
                out,
                "\n{} {} {}",
                finding.severity.mark(),
                finding.severity.as_str(),
                finding.code
            );
            last_code = finding.code;
        }
        let options = textwrap::Options::new(width)
            .initial_indent("  ")
            .subsequent_indent("    ");
        let _ = writeln!(out, "{}", textwrap::fill(&finding.message, options));
    }
    let count = |severity| {
        audit
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    };
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let _ = writeln!(
        out,
        "\n{errors} error{}, {warnings} warning{}, {notes} note{}.",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
        if notes == 1 { "" } else { "s" },
    );
    out
}

/// The rules doctor applies, each with its one-line description (SARIF's rule metadata).
pub const RULES: [(&str, &str); 10] = [
    (
        "cookie-domain-mismatch",
        "Backends, or a backend and a frontend, name different cookie domains",
    ),
    (
        "cookie-domain-public-suffix",
        "The cookie domain is a public suffix, which browsers refuse",
    ),
    (
        "cookie-domain-not-covering",
        "An API's host is not under the cookie domain",
    ),
    (
        "cookie-domain-ignored",
        "A dotted localhost or IP cookie domain, which the SDK silently changes",
    ),
    (
        "api-domain-mismatch",
        "The frontend's apiDomain is not a backend's",
    ),
    (
        "website-domain-mismatch",
        "The frontend and the backends name different websites",
    ),
    (
        "session-token-backend-domain-missing",
        "A frontend without sessionTokenBackendDomain while the backends share a cookie domain",
    ),
    (
        "header-mode-broad-domain",
        "In header mode, a sessionTokenBackendDomain broader than the APIs' hosts",
    ),
    (
        "older-cookie-domain-unsupported",
        "olderCookieDomain set where the installed SDK predates it",
    ),
    (
        "dynamic-value",
        "A value known only at run time, which doctor cannot check",
    ),
];

/// SARIF 2.1.0: one run of st-setup, its rules, one result per finding with its places.
/// Paths are given from the source root, as code scanning maps them: `base` is the
/// audited folder's path from there.
pub fn sarif(audit: &Audit, base: &std::path::Path) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|(id, text)| json!({ "id": id, "shortDescription": { "text": text } }))
        .collect();
    let results: Vec<Value> = audit
        .findings
        .iter()
        .map(|finding| {
            let locations: Vec<Value> = finding
                .locations
                .iter()
                .map(|location| {
                    json!({ "physicalLocation": {
                        "artifactLocation": {
                            "uri": base.join(&location.path).to_string_lossy().replace('\\', "/"),
                            "uriBaseId": "%SRCROOT%",
                        },
                        "region": { "startLine": location.line.max(1) },
                    }})
                })
                .collect();
            let mut result = json!({
                "ruleId": finding.code,
                "level": match finding.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "note",
                },
                "message": { "text": finding.message },
                "locations": locations,
            });
            if let Some(index) = RULES.iter().position(|(id, _)| *id == finding.code) {
                result["ruleIndex"] = json!(index);
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "st-setup",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://supertokens.com/docs",
                "rules": rules,
            }},
            "results": results,
        }],
    })
}
