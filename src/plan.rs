//! What a run would do to the files on disk: the generated text against what is there,
//! with st-setup's managed block spliced into files the user has edited, unified diffs,
//! and an all-or-nothing atomic write.

use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};
use similar::TextDiff;

use crate::render::FileKind;

pub const BEGIN_MARKER: &str = "// st-setup:begin";
pub const END_MARKER: &str = "// st-setup:end";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Create,
    Update,
    Unchanged,
    /// The file is not st-setup's; `--force` replaces it and keeps a `.bak`.
    Replace,
}

impl Change {
    pub fn verb(self) -> &'static str {
        match self {
            Change::Create => "create",
            Change::Update => "update",
            Change::Unchanged => "unchanged",
            Change::Replace => "replace",
        }
    }
}

#[derive(Debug, Clone)]
pub struct PlannedFile {
    /// As the user named it (relative to the project, usually).
    pub display: PathBuf,
    pub path: PathBuf,
    /// `None` for st-setup.json, which is st-setup's as a whole.
    pub kind: Option<FileKind>,
    pub old: Option<String>,
    pub new: String,
    pub change: Change,
}

impl PlannedFile {
    /// Plans one file: a new file is written whole; an existing one keeps everything outside
    /// its managed block.
    pub fn new(
        project: &Path,
        display: &Path,
        kind: Option<FileKind>,
        rendered: String,
        force: bool,
    ) -> Result<Self> {
        let path = resolve_target(project, display, force)?;
        if path.is_dir() {
            bail!(
                "{} is a folder; give a file path for the output",
                display.display()
            );
        }
        let old = match fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", display.display())),
        };
        let (new, change) = match (&old, kind) {
            (None, _) => (rendered, Change::Create),
            (Some(_), None) => (rendered, Change::Update),
            (Some(old), Some(kind)) => match splice(old, &rendered, kind) {
                Ok(merged) => (merged, Change::Update),
                Err(_) if force => (rendered, Change::Replace),
                Err(why) => bail!(
                    "{} {why}, so st-setup will not touch it. Choose another path (--{}-out), or pass --force to replace it (a copy is kept as {}.bak).",
                    display.display(),
                    if kind == FileKind::Backend {
                        "backend"
                    } else {
                        "frontend"
                    },
                    display.display()
                ),
            },
        };
        let change = if old.as_deref() == Some(new.as_str()) {
            Change::Unchanged
        } else {
            change
        };
        Ok(Self {
            display: display.to_owned(),
            path,
            kind,
            old,
            new,
            change,
        })
    }

    /// A unified diff from what is on disk to what would be written ("" when unchanged).
    pub fn diff(&self) -> String {
        if self.change == Change::Unchanged {
            return String::new();
        }
        let name = self.display.display().to_string();
        let old = self.old.as_deref().unwrap_or("");
        TextDiff::from_lines(old, &self.new)
            .unified_diff()
            .context_radius(3)
            .header(
                &if self.old.is_some() {
                    format!("a/{name}")
                } else {
                    "/dev/null".to_owned()
                },
                &format!("b/{name}"),
            )
            .to_string()
    }
}

/// `./a/../b.ts` and `b.ts` are the same file; compared without touching the disk.
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// One spelling per place, without touching the disk: `./web/../src/a.ts`, `src/a.ts`
/// and `/project/src/a.ts` (run in /project) are the same place.
pub fn place(path: &Path) -> PathBuf {
    lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned()))
}

/// Where `display` (relative to `project`) really is once symbolic links are followed.
/// Writing there keeps a link in place. A link that leads out of the project folder is
/// refused without `--force`: a cloned repository must not be able to make st-setup
/// write somewhere else through a link it ships.
fn resolve_target(project: &Path, display: &Path, force: bool) -> Result<PathBuf> {
    let path = project.join(display);
    let name = display.display();
    let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    let real = match fs::canonicalize(&path) {
        Ok(real) => real,
        Err(_) if is_link => {
            if force {
                return Ok(path);
            }
            bail!(
                "{name} is a symbolic link to a file that does not exist; remove the link, or pass --force to replace it"
            );
        }
        // Not there yet: resolve the folders that are, then add the rest. The missing
        // part cannot hold links, so its `..` are taken lexically.
        Err(_) => {
            let mut existing = path.as_path();
            while let Some(parent) = existing
                .parent()
                .filter(|_| fs::symlink_metadata(existing).is_err())
            {
                existing = parent;
            }
            let base = if existing.as_os_str().is_empty() {
                Path::new(".")
            } else {
                existing
            };
            let mut real = fs::canonicalize(base)
                .with_context(|| format!("cannot resolve the folder of {name}"))?;
            for part in path.strip_prefix(existing).unwrap_or(&path).components() {
                match part {
                    Component::ParentDir => {
                        real.pop();
                    }
                    Component::Normal(name) => real.push(name),
                    _ => {}
                }
            }
            real
        }
    };
    let root = fs::canonicalize(project)
        .with_context(|| format!("cannot resolve the project folder {}", project.display()))?;
    let lexically_inside = place(&path).starts_with(place(project));
    if lexically_inside && !real.starts_with(&root) && !force {
        bail!(
            "{name} leads out of the project folder through a symbolic link (to {}); st-setup does not follow links out of the project. Pass --force to write there.",
            real.display()
        );
    }
    Ok(real)
}

/// Where a managed block sits in a text: byte range of the whole block (begin line through
/// end line) and the kind written in its begin marker.
#[derive(Debug, PartialEq, Eq)]
struct Block<'a> {
    start: usize,
    end: usize,
    tag: &'a str,
}

fn find_block(text: &str) -> Result<Block<'_>, String> {
    let mut begin: Option<(usize, &str)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(rest) = content.strip_prefix(BEGIN_MARKER) {
            if begin.is_some() {
                return Err(format!("has two \"{BEGIN_MARKER}\" lines"));
            }
            let tag = rest.split_whitespace().next().unwrap_or("");
            begin = Some((offset, tag));
        } else if content.trim_end() == END_MARKER {
            let Some((start, tag)) = begin else {
                return Err(format!(
                    "has \"{END_MARKER}\" before any \"{BEGIN_MARKER}\""
                ));
            };
            let after = &text[offset + line.len()..];
            if after.lines().any(|l| l.starts_with(BEGIN_MARKER)) {
                return Err(format!("has two \"{BEGIN_MARKER}\" lines"));
            }
            return Ok(Block {
                start,
                end: offset + line.len(),
                tag,
            });
        }
        offset += line.len();
    }
    Err(match begin {
        Some(_) => format!("has \"{BEGIN_MARKER}\" but no \"{END_MARKER}\""),
        None => "has no st-setup block (it was not generated by st-setup)".to_owned(),
    })
}

/// `existing` with its managed block replaced by the one in `rendered`; every byte outside
/// the block stays as the user left it.
fn splice(existing: &str, rendered: &str, kind: FileKind) -> Result<String, String> {
    let old = find_block(existing)?;
    if old.tag != kind.tag() {
        // The usual case: the UI answer changed, and the file's imports (outside the block,
        // so the user's) are for the other SDK.
        let ui_changed = old.tag.starts_with("frontend-") && matches!(kind, FileKind::Frontend(_));
        return Err(if ui_changed {
            format!(
                "was generated for another login UI (\"{}\") and now the answer is the {}; its imports are for the other SDK",
                old.tag,
                kind.describe()
            )
        } else {
            format!(
                "holds an st-setup block for \"{}\", not for the {}",
                old.tag,
                kind.describe()
            )
        });
    }
    let new = find_block(rendered).expect("every template has one managed block");
    let mut block = rendered[new.start..new.end].to_owned();
    // A file checked out with CRLF (git autocrlf) keeps CRLF inside the block too.
    if existing[old.start..old.end].contains("\r\n") {
        block = block.replace('\n', "\r\n");
    }
    Ok(format!(
        "{}{block}{}",
        &existing[..old.start],
        &existing[old.end..]
    ))
}

/// Whether a `.js` file at `path` runs as CommonJS: the nearest package.json decides, as in
/// Node; without any package.json the file is taken as ES module (what bundlers expect).
pub fn is_commonjs(path: &Path) -> Result<bool> {
    let start = path.parent().unwrap_or(Path::new("."));
    for dir in start.ancestors() {
        let manifest = dir.join("package.json");
        let text = match fs::read_to_string(&manifest) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", manifest.display())),
        };
        let json: serde_json::Value = serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is not valid JSON; st-setup reads its \"type\" to choose import or require",
                manifest.display()
            )
        })?;
        return Ok(json.get("type").and_then(|t| t.as_str()) != Some("module"));
    }
    Ok(false)
}

/// Writes every changed file, all or nothing as far as the file system allows: each file
/// goes to a temporary file beside its target first, and only when all of them are
/// written and synced are they renamed into place. A failure before that leaves every
/// target untouched.
pub fn write_all(files: &[PlannedFile]) -> Result<()> {
    let _whole_write = crate::terminal::WRITE_LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut staged = Vec::new();
    for file in files.iter().filter(|f| f.change != Change::Unchanged) {
        staged.push((file, stage(file)?));
    }
    for (file, _) in &staged {
        if file.change == Change::Replace {
            let backup = backup_path(&file.path);
            fs::copy(&file.path, &backup).with_context(|| {
                format!(
                    "cannot keep a copy of {} as {}",
                    file.display.display(),
                    backup.display()
                )
            })?;
        }
    }
    for (file, temp) in staged {
        temp.persist(&file.path).with_context(|| {
            format!("cannot move the new {} into place", file.display.display())
        })?;
    }
    Ok(())
}

fn stage(file: &PlannedFile) -> Result<tempfile::NamedTempFile> {
    let name = file.display.display();
    let parent = file
        .path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent)
        .with_context(|| format!("cannot create the folder {} for {name}", parent.display()))?;
    // A new file gets what the user's umask allows of rw-rw-rw-, as any editor would
    // create it; an existing one keeps its mode.
    let mut temp = tempfile::Builder::new()
        .prefix(".st-setup-")
        .permissions(new_file_permissions())
        .tempfile_in(parent)
        .with_context(|| format!("cannot write in {} (for {name})", parent.display()))?;
    temp.write_all(file.new.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {name}"))?;
    if let Ok(meta) = fs::metadata(&file.path) {
        fs::set_permissions(temp.path(), meta.permissions())
            .with_context(|| format!("cannot keep the permissions of {name}"))?;
    }
    Ok(temp)
}

#[cfg(unix)]
fn new_file_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt as _;
    fs::Permissions::from_mode(0o666)
}

#[cfg(not(unix))]
fn new_file_permissions() -> fs::Permissions {
    tempfile::tempfile()
        .and_then(|f| f.metadata())
        .map(|m| m.permissions())
        .expect("a temp file")
}

pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Ui;

    const RENDERED: &str =
        "head\n// st-setup:begin backend (managed)\nconst v = 2;\n// st-setup:end\ntail\n";

    #[test]
    fn splice_keeps_user_text_byte_for_byte() {
        let existing = "// mine\r\nimport x;\n// st-setup:begin backend (managed)\nconst v = 1;\n// st-setup:end\nmy code();\n";
        let merged = splice(existing, RENDERED, FileKind::Backend).unwrap();
        assert_eq!(
            merged,
            "// mine\r\nimport x;\n// st-setup:begin backend (managed)\nconst v = 2;\n// st-setup:end\nmy code();\n"
        );
    }

    #[test]
    fn a_crlf_block_stays_crlf() {
        let existing = "x\r\n// st-setup:begin backend\r\nconst v = 1;\r\n// st-setup:end\r\ny\r\n";
        let merged = splice(existing, RENDERED, FileKind::Backend).unwrap();
        assert_eq!(
            merged,
            "x\r\n// st-setup:begin backend (managed)\r\nconst v = 2;\r\n// st-setup:end\r\ny\r\n"
        );
    }

    #[test]
    fn damaged_or_foreign_files_are_refused() {
        let kind = FileKind::Backend;
        assert!(
            splice("plain file\n", RENDERED, kind)
                .unwrap_err()
                .contains("not generated by st-setup")
        );
        assert!(
            splice("// st-setup:begin backend\n", RENDERED, kind)
                .unwrap_err()
                .contains("no \"// st-setup:end\"")
        );
        assert!(
            splice("// st-setup:end\n", RENDERED, kind)
                .unwrap_err()
                .contains("before any")
        );
        let twice = "// st-setup:begin backend\n// st-setup:end\n// st-setup:begin backend\n// st-setup:end\n";
        assert!(splice(twice, RENDERED, kind).unwrap_err().contains("two"));
        let frontend = "// st-setup:begin frontend-custom\n// st-setup:end\n";
        assert!(
            splice(frontend, RENDERED, kind)
                .unwrap_err()
                .contains("\"frontend-custom\"")
        );
        let prebuilt = "// st-setup:begin frontend-prebuilt\n// st-setup:end\n";
        assert!(splice(prebuilt, RENDERED, FileKind::Frontend(Ui::Custom)).is_err());
    }

    #[test]
    fn writes_are_all_or_nothing_and_keep_the_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.js"), "old").unwrap();
        fs::set_permissions(dir.path().join("a.js"), fs::Permissions::from_mode(0o600)).unwrap();
        let a =
            PlannedFile::new(dir.path(), Path::new("a.js"), None, "new a".into(), false).unwrap();
        let b = PlannedFile::new(
            dir.path(),
            Path::new("sub/b.js"),
            None,
            "new b".into(),
            false,
        )
        .unwrap();
        write_all(&[a, b]).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("a.js")).unwrap(),
            "new a"
        );
        assert_eq!(
            fs::metadata(dir.path().join("a.js"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("sub/b.js")).unwrap(),
            "new b"
        );

        // A target whose folder cannot be created stops the run before anything moves.
        fs::write(dir.path().join("blocker"), "").unwrap();
        let a =
            PlannedFile::new(dir.path(), Path::new("a.js"), None, "newer a".into(), false).unwrap();
        let c = PlannedFile {
            display: "blocker/c.js".into(),
            path: dir.path().join("blocker/c.js"),
            kind: None,
            old: None,
            new: "c".into(),
            change: Change::Create,
        };
        assert!(write_all(&[a, c]).is_err());
        assert_eq!(
            fs::read_to_string(dir.path().join("a.js")).unwrap(),
            "new a"
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with(".st-setup-"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn module_format_follows_the_nearest_package_json() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("web/src/supertokens.js");
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        assert!(!is_commonjs(&file).unwrap(), "no package.json: ES module");
        fs::write(dir.path().join("package.json"), r#"{"name":"x"}"#).unwrap();
        assert!(
            is_commonjs(&file).unwrap(),
            "no \"type\": CommonJS, as in Node"
        );
        fs::write(dir.path().join("web/package.json"), r#"{"type":"module"}"#).unwrap();
        assert!(!is_commonjs(&file).unwrap());
        fs::write(dir.path().join("web/package.json"), "{oops").unwrap();
        assert!(is_commonjs(&file).is_err());
    }

    #[test]
    fn links_inside_the_project_are_followed_and_kept() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        fs::write(dir.path().join("real/st.js"), "old").unwrap();
        symlink("real/st.js", dir.path().join("st.js")).unwrap();
        let file =
            PlannedFile::new(dir.path(), Path::new("st.js"), None, "new".into(), false).unwrap();
        assert_eq!(file.old.as_deref(), Some("old"));
        write_all(&[file]).unwrap();
        assert!(
            fs::symlink_metadata(dir.path().join("st.js"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("real/st.js")).unwrap(),
            "new"
        );
    }

    #[test]
    fn links_out_of_the_project_need_force() {
        use std::os::unix::fs::symlink;
        let project = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("victim.js"), "theirs").unwrap();
        symlink(
            outside.path().join("victim.js"),
            project.path().join("st.js"),
        )
        .unwrap();
        symlink(outside.path(), project.path().join("linked-dir")).unwrap();
        for name in ["st.js", "linked-dir/new.js"] {
            let err = PlannedFile::new(project.path(), Path::new(name), None, "x".into(), false)
                .unwrap_err();
            assert!(
                err.to_string().contains("leads out of the project folder"),
                "{name}: {err}"
            );
        }
        let forced =
            PlannedFile::new(project.path(), Path::new("st.js"), None, "x".into(), true).unwrap();
        assert_eq!(
            forced.path,
            fs::canonicalize(outside.path().join("victim.js")).unwrap()
        );
        symlink("missing.js", project.path().join("dangling.js")).unwrap();
        let err = PlannedFile::new(
            project.path(),
            Path::new("dangling.js"),
            None,
            "x".into(),
            false,
        )
        .unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn dot_dot_through_missing_folders_lands_where_it_says() {
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        let file = PlannedFile::new(
            dir.path(),
            Path::new("web/../src/st.ts"),
            None,
            "x".into(),
            false,
        )
        .unwrap();
        assert_eq!(file.path, real.join("src/st.ts"));
        let file = PlannedFile::new(
            dir.path(),
            Path::new("./a/b/../../c.ts"),
            None,
            "x".into(),
            false,
        )
        .unwrap();
        assert_eq!(file.path, real.join("c.ts"));
    }

    #[test]
    fn lexical_paths() {
        assert_eq!(lexical(Path::new("./a/../b.ts")), PathBuf::from("b.ts"));
        assert_eq!(lexical(Path::new("../x/./y")), PathBuf::from("../x/y"));
        assert_eq!(lexical(Path::new("a/../../y")), PathBuf::from("../y"));
    }

    #[test]
    fn diff_of_a_new_file_is_against_dev_null() {
        let dir = tempfile::tempdir().unwrap();
        let f = PlannedFile::new(dir.path(), Path::new("x.js"), None, "a\n".into(), false).unwrap();
        assert_eq!(f.change, Change::Create);
        assert_eq!(f.diff(), "--- /dev/null\n+++ b/x.js\n@@ -0,0 +1 @@\n+a\n");
    }
}
