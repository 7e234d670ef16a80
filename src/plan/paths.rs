//! Output paths: one spelling per place, and where a path really leads once links are
//! followed (never out of the project without `--force`).

use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

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
pub fn resolve_target(project: &Path, display: &Path, force: bool) -> Result<PathBuf> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_paths() {
        assert_eq!(lexical(Path::new("./a/../b.ts")), PathBuf::from("b.ts"));
        assert_eq!(lexical(Path::new("../x/./y")), PathBuf::from("../x/y"));
        assert_eq!(lexical(Path::new("a/../../y")), PathBuf::from("../y"));
    }
}
