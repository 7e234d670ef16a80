//! Reading SuperTokens init calls out of source files, whoever wrote them: JavaScript and
//! TypeScript (and the `<script>` of `.vue` / `.svelte` files) with oxc, Python and Go with
//! tree-sitter. A call is recognised by what its callee is imported as (the SDK packages,
//! under any alias), never by its name alone, so a function of the user's called `init`
//! is not one.

pub(crate) mod go;
pub(crate) mod js;
mod python;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::target::Side;

/// One value of an init call: the literal the SDK gets, or the source of an expression
/// only known at run time (`process.env.API_DOMAIN`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Literal(String),
    Dynamic { dynamic: String },
}

impl Value {
    pub fn dynamic(source: &str) -> Value {
        // One line, bounded: a whole function as a "value" would drown the report.
        let mut text: String = source.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() > 120 {
            text = text.chars().take(117).collect::<String>() + "...";
        }
        Value::Dynamic { dynamic: text }
    }

    pub fn literal(&self) -> Option<&str> {
        match self {
            Value::Literal(value) => Some(value),
            Value::Dynamic { .. } => None,
        }
    }
}

/// Where something is: a file (relative to the audited folder) and a line from 1.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
}

/// A value with the line it is written on (in another file, for an imported `appInfo`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub value: Value,
    pub at: Location,
}

impl Found {
    /// A value on line `line` of the file being read (its path is set once the file is).
    pub fn on_line(value: Value, line: usize) -> Found {
        Found {
            value,
            at: Location {
                path: PathBuf::new(),
                line,
            },
        }
    }
}

/// A value read from a tree-sitter tree, written as `written` and standing for `resolved`
/// (one hop through a name): `None` for the language's `absent` (`None`, `nil`: the option
/// left out), the literal that `string` reads, else the source as written.
fn tree_value(
    written: tree_sitter::Node,
    resolved: tree_sitter::Node,
    source: &str,
    absent: &str,
    string: fn(tree_sitter::Node, &str) -> Option<String>,
) -> Option<Found> {
    if resolved.kind() == absent {
        return None;
    }
    let value = match string(resolved, source) {
        Some(literal) => Value::Literal(literal),
        None => Value::dynamic(crate::readback::tree::text(written, source)),
    };
    Some(Found::on_line(value, crate::readback::tree::line(written)))
}

/// One SuperTokens init: the call that holds the values, its SDK, and every value found
/// in it (under the Node SDK's camelCase names, whatever the language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitCall {
    pub at: Location,
    /// The npm / PyPI / Go package: `supertokens-node`, `supertokens-golang`, …
    pub sdk: &'static str,
    pub side: Side,
    /// The file has st-setup's managed block.
    pub managed: bool,
    pub values: BTreeMap<&'static str, Found>,
    /// The SDK's version, when a lockfile above the file says (set by the audit).
    pub installed: Option<super::versions::Installed>,
    /// The call's config was read where it is written: a key missing from `values` is
    /// missing from the call (not written in another file, out of doctor's sight).
    pub config_read: bool,
}

impl InitCall {
    pub fn literal(&self, key: &str) -> Option<&str> {
        self.values.get(key).and_then(|f| f.value.literal())
    }
}

/// The file extensions whose files can hold an init call.
pub const EXTENSIONS: [&str; 13] = [
    "ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs", "vue", "svelte", "py", "go", "astro",
];

/// Reads other files of the project, for a value imported from one (`import { appInfo }
/// from "./appInfo"`): `None` when it cannot be read.
pub type ReadFile<'r> = &'r dyn Fn(&Path) -> Option<String>;

/// The init calls in `text`, the file at `path` (relative to the audited folder, whose
/// real location is `root`). Never fails: a file that does not parse holds no call
/// anyone could have run.
pub fn init_calls(path: &Path, text: &str, read: ReadFile) -> Vec<InitCall> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let mut calls = match extension {
        "py" => python::init_calls(text),
        "go" => go::init_calls(text),
        "vue" | "svelte" | "astro" => scripts(text)
            .into_iter()
            .flat_map(|(script, first_line, ts)| {
                let mut calls = js::init_calls(path, script, js::Kind::Script { ts }, read);
                for call in &mut calls {
                    shift(call, path, first_line - 1);
                }
                calls
            })
            .collect(),
        _ => js::init_calls(path, text, js::Kind::from_extension(extension), read),
    };
    let managed = text.contains("st-setup:begin");
    for call in &mut calls {
        call.managed = managed;
        call.at.path = path.to_owned();
        for found in call.values.values_mut() {
            if found.at.path.as_os_str().is_empty() {
                found.at.path = path.to_owned();
            }
        }
    }
    calls
}

/// Moves the lines of a call read from a script of a component file by `lines`.
fn shift(call: &mut InitCall, path: &Path, lines: usize) {
    call.at.line += lines;
    for found in call.values.values_mut() {
        if found.at.path.as_os_str().is_empty() || found.at.path == path {
            found.at.line += lines;
        }
    }
}

/// The `<script>` elements of a Vue, Svelte or Astro component (Astro's frontmatter too):
/// each body, the line it starts on, and whether it is TypeScript.
fn scripts(text: &str) -> Vec<(&str, usize, bool)> {
    let mut out = Vec::new();
    if let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        && let Some(end) = rest.find("\n---")
    {
        out.push((&rest[..end], 2, true));
    }
    let mut from = 0;
    while let Some(open) = text[from..].find("<script").map(|i| from + i) {
        let Some(tag_end) = text[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        let Some(close) = text[tag_end..].find("</script>").map(|i| tag_end + i) else {
            break;
        };
        let tag = &text[open..tag_end];
        let ts = tag.contains("lang=\"ts\"")
            || tag.contains("lang='ts'")
            || tag.contains("lang=\"typescript\"");
        let line = text[..tag_end].matches('\n').count() + 1;
        out.push((&text[tag_end..close], line, ts));
        from = close;
    }
    out
}

/// The line (from 1) of byte `offset` in `text`.
fn line_at(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..offset]).count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_components_scripts_are_found_with_their_lines() {
        let vue =
            "<template>\n<p/>\n</template>\n<script setup lang=\"ts\">\nconst a = 1;\n</script>\n";
        let found = scripts(vue);
        assert_eq!(found, vec![("\nconst a = 1;\n", 4, true)]);
        let astro = "---\nimport x from \"y\";\n---\n<p/>";
        assert_eq!(scripts(astro)[0], ("import x from \"y\";", 2, true));
        let crlf = "---\r\nimport x from \"y\";\r\n---\r\n<p/>";
        assert_eq!(scripts(crlf)[0], ("import x from \"y\";\r", 2, true));
        assert!(
            scripts("<script").is_empty(),
            "an unclosed tag is no script"
        );
    }
}
