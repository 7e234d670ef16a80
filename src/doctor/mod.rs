//! `st-setup doctor`: every SuperTokens init call under a folder, whoever wrote it, read
//! with real parsers, and what is wrong with them together. It never writes.

pub mod extract;
pub mod report;
mod rules;
pub mod versions;
mod walk;

use std::path::Path;

use serde_json::json;

pub use rules::Finding;

use crate::findings::Severity;
use crate::psl::PublicSuffixList;
use extract::InitCall;

/// What doctor found under a folder.
#[derive(Debug)]
pub struct Audit {
    pub calls: Vec<InitCall>,
    pub findings: Vec<Finding>,
}

impl Audit {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The `--json` object (the README shows its shape): each call with its values, then
    /// the findings.
    pub fn to_json(&self) -> serde_json::Value {
        let files: Vec<serde_json::Value> = self
            .calls
            .iter()
            .map(|call| {
                let values: serde_json::Map<String, serde_json::Value> = call
                    .values
                    .iter()
                    .map(|(key, found)| ((*key).to_owned(), json!(found.value)))
                    .collect();
                let mut file = json!({
                    "path": call.at.path,
                    "line": call.at.line,
                    "sdk": call.sdk,
                    "role": call.side.to_string(),
                    "managed": call.managed,
                    "values": values,
                });
                if let Some(installed) = &call.installed {
                    file["sdkVersion"] =
                        json!({ "version": installed.version, "from": installed.from });
                }
                file
            })
            .collect();
        json!({ "ok": !self.has_errors(), "files": files, "findings": self.findings })
    }
}

/// Every init call under `root` and what is wrong with them together. `everything` also
/// reads ignored files and dependency folders.
pub fn audit(root: &Path, everything: bool, psl: &PublicSuffixList) -> Audit {
    let mut calls = walk::init_calls_under(root, everything);
    for call in &mut calls {
        call.installed = versions::installed(root, &call.at.path, call.sdk);
    }
    let findings = rules::findings(&calls, psl);
    Audit { calls, findings }
}
