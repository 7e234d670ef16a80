//! What a run would do to the files on disk: the generated text against what is there,
//! with st-setup's managed block spliced into files the user has edited, unified diffs,
//! and an all-or-nothing atomic write.

mod block;
mod paths;
mod write;

use std::fs;
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::target::Target;

pub use block::BlockProblem;
pub use paths::{lexical, place, resolve_target};
pub use write::write_all;

use block::splice;
use write::backup_display;

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
    /// Where it really is, links followed.
    pub path: PathBuf,
    /// What the file is; `None` for st-setup.json, which is st-setup's as a whole, and for
    /// glue.
    pub target: Option<Target>,
    /// Glue a framework needs beside an output (Next.js's route handler): written once,
    /// when missing, and the user's from then on; never compared by `check`.
    pub glue: bool,
    pub old: Option<String>,
    pub new: String,
    pub change: Change,
    /// With `Change::Replace`: where the old file is kept, beside it under a name no file
    /// has yet (shown as `display`'s sibling), and why it could not be updated in place.
    pub replaced: Option<Replaced>,
}

/// An existing file that `--force` replaces whole.
#[derive(Debug, Clone)]
pub struct Replaced {
    /// The backup's path, as the user would name it (a sibling of `display`).
    pub backup: PathBuf,
    pub because: BlockProblem,
}

/// An output file st-setup cannot plan.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The file is there, but its block is missing, damaged or of another kind.
    #[error("{}", block_refusal(display, target, problem))]
    Block {
        display: PathBuf,
        target: Target,
        problem: BlockProblem,
    },
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// The refusal a writing run gives for a file it will not touch: what is wrong, the repair
/// where there is one, and `--force`.
fn block_refusal(display: &Path, target: &Target, problem: &BlockProblem) -> String {
    let name = crate::text::shown(&display.display().to_string());
    let flag = target.role.out_flag();
    let repair = match problem.repair(target) {
        Some(repair) => format!("{repair}, or choose another path ({flag})"),
        None => format!("Choose another path ({flag})"),
    };
    format!(
        "{name} {}, so st-setup will not touch it. {repair}, or pass --force to replace it (the old file is kept beside it as a .bak copy).",
        problem.describe(target)
    )
}

impl PlannedFile {
    /// Plans one file at `display` (relative to `project`), following links.
    pub fn new(
        project: &Path,
        display: &Path,
        target: Option<Target>,
        rendered: String,
        force: bool,
    ) -> Result<Self, PlanError> {
        let path = resolve_target(project, display, force)?;
        Self::at(project, display, path, target, rendered, force)
    }

    /// Plans one file whose real path is known: a new file is written whole; an existing
    /// one keeps everything outside its managed block.
    pub fn at(
        project: &Path,
        display: &Path,
        path: PathBuf,
        target: Option<Target>,
        rendered: String,
        force: bool,
    ) -> Result<Self, PlanError> {
        Self::at_with(project, display, path, target, rendered, force, None)
    }

    /// As `at`, the block spliced into `base` rather than into the file on disk: a file
    /// being adopted, its init calls already rewritten and an empty block in place. The
    /// diff is still against the file on disk.
    pub fn adopted(
        project: &Path,
        display: &Path,
        path: PathBuf,
        target: Target,
        rendered: String,
        base: &str,
    ) -> Result<Self, PlanError> {
        Self::at_with(
            project,
            display,
            path,
            Some(target),
            rendered,
            false,
            Some(base),
        )
    }

    fn at_with(
        project: &Path,
        display: &Path,
        path: PathBuf,
        target: Option<Target>,
        rendered: String,
        force: bool,
        base: Option<&str>,
    ) -> Result<Self, PlanError> {
        if path.is_dir() {
            return Err(anyhow::anyhow!(
                "{} is a folder; give a file path for the output",
                display.display()
            )
            .into());
        }
        let old = match fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                return Err(anyhow::Error::new(e)
                    .context(format!("cannot read {}", display.display()))
                    .into());
            }
        };
        let mut replaced = None;
        let (new, change) = match (base.or(old.as_deref()), &target) {
            (None, _) => (rendered, Change::Create),
            (Some(_), None) => (rendered, Change::Update),
            (Some(old), Some(target)) => match splice(old, &rendered, target) {
                Ok(merged) => (merged, Change::Update),
                Err(problem) if force => {
                    replaced = Some(Replaced {
                        backup: backup_display(project, display, &path),
                        because: problem,
                    });
                    (rendered, Change::Replace)
                }
                Err(problem) => {
                    return Err(PlanError::Block {
                        display: display.to_owned(),
                        target: target.clone(),
                        problem,
                    });
                }
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
            target,
            glue: false,
            old,
            new,
            change,
            replaced,
        })
    }

    /// Glue at `display` (relative to `project`): a file to create with `text`, or
    /// nothing when a file is there already (it is the user's).
    pub fn glue(project: &Path, display: &Path, text: String) -> Option<Self> {
        let path = project.join(display);
        (!path.exists() && !path.is_symlink()).then(|| Self {
            display: display.to_owned(),
            path,
            target: None,
            glue: true,
            old: None,
            new: text,
            change: Change::Create,
            replaced: None,
        })
    }

    /// What the replaced file held that the new one does not: its lines that are now only
    /// in the backup (blank lines and comments aside), and the SDK modules among them.
    pub fn lost(&self) -> Option<Lost> {
        self.replaced.as_ref()?;
        let old = self.old.as_deref()?;
        let kept: std::collections::HashSet<&str> = self.new.lines().map(str::trim).collect();
        let lines: Vec<&str> = old
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//") && !kept.contains(l))
            .collect();
        let mut modules: Vec<String> = Vec::new();
        for line in &lines {
            for quoted in line.split(['"', '\'', '`']).skip(1).step_by(2) {
                if quoted.starts_with("supertokens-") && !modules.iter().any(|m| m == quoted) {
                    modules.push(quoted.to_owned());
                }
            }
        }
        Some(Lost {
            lines: lines.len(),
            modules,
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

/// What a replaced file held that only its backup keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    /// Lines of code (not blank, not comments) the new file does not have.
    pub lines: usize,
    /// SuperTokens modules those lines named (`supertokens-node/recipe/emailpassword`).
    pub modules: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backend_ts() -> Target {
        Target::js(
            crate::target::Role::Backend,
            crate::target::Syntax::TYPESCRIPT,
        )
    }

    const RENDERED: &str =
        "head\n// st-setup:begin backend (managed)\nconst v = 2;\n// st-setup:end\ntail\n";

    #[test]
    fn a_backup_never_overwrites_anything() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("st.ts");
        fs::write(
            &file,
            "mine\nimport EmailPassword from \"supertokens-node/recipe/emailpassword\";\n",
        )
        .unwrap();
        fs::write(dir.path().join("st.ts.bak"), "an older backup").unwrap();
        fs::write(dir.path().join("st.ts.1.bak"), "another").unwrap();
        let plan = PlannedFile::new(
            dir.path(),
            Path::new("st.ts"),
            Some(backend_ts()),
            RENDERED.into(),
            true,
        )
        .unwrap();
        let replaced = plan.replaced.clone().unwrap();
        assert_eq!(replaced.backup, Path::new("st.ts.2.bak"));
        assert_eq!(replaced.because, BlockProblem::Foreign);
        assert_eq!(
            plan.lost(),
            Some(Lost {
                lines: 2,
                modules: vec!["supertokens-node/recipe/emailpassword".into()]
            })
        );
        write_all(std::slice::from_ref(&plan)).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("st.ts.bak")).unwrap(),
            "an older backup"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("st.ts.1.bak")).unwrap(),
            "another"
        );
        assert!(
            fs::read_to_string(dir.path().join("st.ts.2.bak"))
                .unwrap()
                .starts_with("mine\n")
        );
        // The name taken between planning and writing: the run fails, nothing overwritten.
        fs::write(&file, "mine again\n").unwrap();
        let plan = PlannedFile::new(
            dir.path(),
            Path::new("st.ts"),
            Some(backend_ts()),
            RENDERED.into(),
            true,
        )
        .unwrap();
        fs::write(dir.path().join("st.ts.3.bak"), "raced").unwrap();
        assert!(write_all(&[plan]).is_err());
        assert_eq!(
            fs::read_to_string(dir.path().join("st.ts.3.bak")).unwrap(),
            "raced"
        );
        assert_eq!(fs::read_to_string(&file).unwrap(), "mine again\n");
    }

    #[test]
    fn the_backup_of_a_linked_file_is_named_where_it_really_is() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("shared")).unwrap();
        fs::create_dir_all(dir.path().join("backend")).unwrap();
        fs::write(dir.path().join("shared/real.ts"), "mine\n").unwrap();
        symlink("../shared/real.ts", dir.path().join("backend/st.ts")).unwrap();
        let plan = PlannedFile::new(
            dir.path(),
            Path::new("backend/st.ts"),
            Some(backend_ts()),
            RENDERED.into(),
            true,
        )
        .unwrap();
        let backup = plan.replaced.clone().unwrap().backup;
        assert_eq!(backup, Path::new("shared/real.ts.bak"));
        write_all(&[plan]).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join(&backup)).unwrap(),
            "mine\n"
        );
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
            target: None,
            glue: false,
            old: None,
            new: "c".into(),
            change: Change::Create,
            replaced: None,
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
    fn diff_of_a_new_file_is_against_dev_null() {
        let dir = tempfile::tempdir().unwrap();
        let f = PlannedFile::new(dir.path(), Path::new("x.js"), None, "a\n".into(), false).unwrap();
        assert_eq!(f.change, Change::Create);
        assert_eq!(f.diff(), "--- /dev/null\n+++ b/x.js\n@@ -0,0 +1 @@\n+a\n");
    }
}
