//! Whether a generated file's own code still hands st-setup's values to the SDK. The
//! managed block only holds the values; the init calls below it are the user's, and an
//! edit there (`Session.init({})`) would leave the block right and the session wrong. Each
//! language is read with a real parser: oxc for JavaScript and TypeScript, tree-sitter for
//! Python and Go.

pub(crate) mod go;
mod js;

pub use js::SESSION_ONLY_KEYS;
pub(crate) mod python;
pub(crate) mod tree;

use crate::target::{Language, Target};

/// One way the file's init calls do not read the block's values, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub line: usize,
    pub message: String,
}

impl Unread {
    /// Something missing from the whole file (no line to point at), when `count` is 0.
    fn if_none(count: usize, message: &str) -> Option<Unread> {
        (count == 0).then(|| Unread {
            line: 0,
            message: message.to_owned(),
        })
    }
}

/// The init calls in `text` (a file of `target`) that do not read the block's values;
/// empty when every value reaches the SDK. `Err` when the file does not parse, so nothing
/// can be said about it.
pub fn unread_values(text: &str, target: &Target) -> Result<Vec<Unread>, String> {
    match &target.language {
        Language::Js(syntax, _) => js::unread_values(text, *syntax, target.role, target.sdk()),
        Language::Python(_) => python::unread_values(text),
        Language::Go(_) => go::unread_values(text),
    }
}

/// A module a file imports, with the line of its import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// As written (`supertokens-node/recipe/emailpassword`), a JavaScript deep import's
    /// `/index.js` or `.js` left out; Python's `from a.b import c` is `a.b.c`.
    pub module: String,
    pub line: usize,
}

/// Every module `text` imports at its top level, in order. `Err` when it does not parse.
pub fn imports(text: &str, target: &Target) -> Result<Vec<Import>, String> {
    match &target.language {
        Language::Js(syntax, _) => js::imports(text, *syntax),
        Language::Python(_) => python::imports(text),
        Language::Go(_) => go::imports(text),
    }
}

/// The SDK recipe modules that `text` imports both inside st-setup's block and outside
/// it: the file would bind the recipe twice (JavaScript and Go refuse to compile that) and
/// initialise it twice. Each with the line of the import outside the block.
pub fn recipes_imported_twice(text: &str, target: &Target) -> Vec<Import> {
    let Ok(all) = imports(text, target) else {
        return Vec::new();
    };
    let lines: Vec<&str> = text.lines().collect();
    let (begin, end) = (target.begin_marker(), target.end_marker());
    let at = |marker: &str| {
        lines
            .iter()
            .position(|l| l.trim_start().starts_with(marker))
    };
    let (Some(begin), Some(end)) = (at(&begin), at(&end)) else {
        return Vec::new();
    };
    let inside = |line: usize| line > begin && line <= end;
    let recipe = |module: &str| module.contains("/recipe/") || module.contains(".recipe.");
    let in_block: Vec<&str> = all
        .iter()
        .filter(|i| inside(i.line) && recipe(&i.module))
        .map(|i| i.module.as_str())
        .collect();
    all.iter()
        .filter(|i| !inside(i.line) && in_block.contains(&i.module.as_str()))
        .cloned()
        .collect()
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}
