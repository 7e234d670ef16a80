//! Finding the files that can hold an init call the way ripgrep finds files: the `ignore`
//! crate's parallel walk (.gitignore honoured, hidden files skipped), the dependency and
//! build folders left out unless asked, and a byte search before any parsing: every
//! SuperTokens SDK is imported by a name that contains `supertokens`.

use std::path::Path;
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use super::extract::{EXTENSIONS, InitCall, init_calls};

/// Folders of other people's code and of build output: never a service's own init.
pub const SKIPPED: [&str; 7] = [
    "node_modules",
    ".venv",
    "venv",
    "target",
    "vendor",
    "__pycache__",
    "dist",
];

/// A file larger than this is a bundle or generated code, not a hand-written init.
const LARGEST: u64 = 1 << 20;

/// Every init call under `root`, in path and line order. `everything` walks what is
/// normally skipped: ignored files and the folders in `SKIPPED`.
pub fn init_calls_under(root: &Path, everything: bool) -> Vec<InitCall> {
    let found = Mutex::new(Vec::new());
    let finder = memchr::memmem::Finder::new(b"supertokens");
    let mut builder = WalkBuilder::new(root);
    builder
        .require_git(false)
        .git_ignore(!everything)
        .git_exclude(!everything)
        .git_global(!everything)
        .ignore(!everything)
        .parents(!everything);
    if !everything {
        builder.filter_entry(|entry| {
            !(entry.file_type().is_some_and(|t| t.is_dir())
                && entry
                    .file_name()
                    .to_str()
                    .is_some_and(|name| SKIPPED.contains(&name)))
        });
    }
    let read = |relative: &Path| std::fs::read_to_string(root.join(relative)).ok();
    builder.build_parallel().run(|| {
        let finder = &finder;
        let found = &found;
        let read = &read;
        Box::new(move |entry| {
            let Ok(entry) = entry else {
                return WalkState::Continue;
            };
            let path = entry.path();
            let wanted = entry.file_type().is_some_and(|t| t.is_file())
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| EXTENSIONS.contains(&e))
                && entry.metadata().is_ok_and(|m| m.len() <= LARGEST);
            if !wanted {
                return WalkState::Continue;
            }
            let Ok(bytes) = std::fs::read(path) else {
                return WalkState::Continue;
            };
            if finder.find(&bytes).is_none() {
                return WalkState::Continue;
            }
            let Ok(text) = String::from_utf8(bytes) else {
                return WalkState::Continue;
            };
            let relative = path.strip_prefix(root).unwrap_or(path);
            let calls = init_calls(relative, &text, read);
            if !calls.is_empty() {
                found
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend(calls);
            }
            WalkState::Continue
        })
    });
    let mut calls = found.into_inner().unwrap_or_else(|e| e.into_inner());
    calls.sort_by(|a, b| a.at.cmp(&b.at));
    calls
}
