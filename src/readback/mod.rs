//! Whether a generated file's own code still hands st-setup's values to the SDK. The
//! managed block only holds the values; the init calls below it are the user's, and an
//! edit there (`Session.init({})`) would leave the block right and the session wrong. Each
//! language is read with a real parser: oxc for JavaScript and TypeScript, tree-sitter for
//! Python and Go.

mod go;
mod js;
mod python;
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

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}
