//! Facts about the project on disk that decide what st-setup writes: where the project is
//! (the folder holding st-setup.json), the module format Node and tsc give a file, and the
//! package manager that installs the SDKs. Reading only; the writer is `plan::write_all`.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::answers::FILE_NAME;

/// The project folder, and where the command was run from inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Holds st-setup.json (or will); output paths are relative to it.
    pub root: PathBuf,
    /// The current folder relative to `root` (empty when they are the same), so paths
    /// typed on the command line can be taken from where the user is.
    pub here: PathBuf,
}

impl Location {
    /// `-C DIR` when given; else the nearest folder from `cwd` up that holds st-setup.json,
    /// the way cargo finds Cargo.toml. The search stops at the repository's root (the
    /// folder with `.git`), so another project's st-setup.json above it is never taken.
    /// Without any, the project is `cwd`.
    pub fn find(dir: Option<&Path>, cwd: &Path) -> Location {
        if let Some(dir) = dir {
            return Location {
                root: dir.to_owned(),
                here: PathBuf::new(),
            };
        }
        for folder in cwd.ancestors() {
            if folder.join(FILE_NAME).is_file() {
                return Location {
                    root: folder.to_owned(),
                    here: cwd.strip_prefix(folder).unwrap_or(Path::new("")).to_owned(),
                };
            }
            if folder.join(".git").exists() {
                break;
            }
        }
        Location {
            root: cwd.to_owned(),
            here: PathBuf::new(),
        }
    }

    /// A path the user typed, relative to where they are, as a path relative to the root.
    pub fn from_here(&self, typed: &Path) -> PathBuf {
        if typed.is_absolute() || self.here.as_os_str().is_empty() {
            typed.to_owned()
        } else {
            crate::plan::lexical(&self.here.join(typed))
        }
    }
}

/// The nearest `name` in `start` or a folder above it.
fn nearest(start: &Path, name: &str) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

/// Reads a JSON manifest (package.json), a UTF-8 byte order mark allowed.
fn read_json(path: &Path, why: &str) -> Result<serde_json::Value> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(&text)).with_context(|| {
        format!(
            "{} is not valid JSON; st-setup reads it {why}",
            path.display()
        )
    })
}

/// Whether a `.js` file at `path` (its real path) runs as CommonJS: the nearest
/// package.json decides, as in Node; without any package.json the file is taken as ES
/// module (what bundlers expect).
pub fn is_commonjs(path: &Path) -> Result<bool> {
    let start = path.parent().unwrap_or(Path::new("."));
    let Some(manifest) = nearest(start, "package.json") else {
        return Ok(false);
    };
    let json = read_json(&manifest, "for its \"type\", to choose import or require")?;
    Ok(json.get("type").and_then(|t| t.as_str()) != Some("module"))
}

/// A JavaScript package manager, known by its lockfile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackageManager {
    Npm,
    Pnpm,
    Yarn,
    Bun,
}

impl PackageManager {
    /// Lockfiles, in the order they are looked for in one folder.
    const LOCKFILES: [(&'static str, PackageManager); 6] = [
        ("pnpm-lock.yaml", PackageManager::Pnpm),
        ("yarn.lock", PackageManager::Yarn),
        ("bun.lock", PackageManager::Bun),
        ("bun.lockb", PackageManager::Bun),
        ("package-lock.json", PackageManager::Npm),
        ("npm-shrinkwrap.json", PackageManager::Npm),
    ];

    /// The command that adds `packages` to a project.
    pub fn add_command(self, packages: &[&str]) -> String {
        let verb = match self {
            PackageManager::Npm => "npm install",
            PackageManager::Pnpm => "pnpm add",
            PackageManager::Yarn => "yarn add",
            PackageManager::Bun => "bun add",
        };
        format!("{verb} {}", packages.join(" "))
    }
}

/// What to install for a file at `path` (its real path): the `packages` its nearest
/// package.json does not list yet, with the package manager of the nearest lockfile (npm
/// without one), run in the folder of that package.json (the file's folder without one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Install {
    pub folder: PathBuf,
    pub manager: PackageManager,
    pub packages: Vec<&'static str>,
}

pub fn install_for(path: &Path, packages: &[&'static str]) -> Option<Install> {
    let start = path.parent().unwrap_or(Path::new("."));
    let manifest = nearest(start, "package.json");
    let listed = |name: &str| {
        let Some(json) = manifest
            .as_deref()
            .and_then(|m| read_json(m, "for its dependencies").ok())
        else {
            return false;
        };
        ["dependencies", "devDependencies", "peerDependencies"]
            .iter()
            .any(|section| json.get(section).and_then(|d| d.get(name)).is_some())
    };
    let missing: Vec<&'static str> = packages.iter().copied().filter(|p| !listed(p)).collect();
    if missing.is_empty() {
        return None;
    }
    let manager = start
        .ancestors()
        .find_map(|dir| {
            PackageManager::LOCKFILES
                .iter()
                .find(|(name, _)| dir.join(name).is_file())
                .map(|(_, manager)| *manager)
        })
        .unwrap_or(PackageManager::Npm);
    let folder = manifest
        .as_deref()
        .and_then(Path::parent)
        .unwrap_or(start)
        .to_owned();
    Some(Install {
        folder,
        manager,
        packages: missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_is_found_upwards_but_not_past_the_repository() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("repo/web/src")).unwrap();
        fs::create_dir(root.join("repo/.git")).unwrap();
        let cwd = root.join("repo/web/src");
        assert_eq!(Location::find(None, &cwd).root, cwd, "none: here");
        fs::write(root.join(FILE_NAME), "{}").unwrap();
        assert_eq!(
            Location::find(None, &cwd).root,
            cwd,
            "above the repository: not taken"
        );
        fs::write(root.join("repo").join(FILE_NAME), "{}").unwrap();
        let found = Location::find(None, &cwd);
        assert_eq!(found.root, root.join("repo"));
        assert_eq!(found.here, Path::new("web/src"));
        assert_eq!(
            found.from_here(Path::new("x.ts")),
            Path::new("web/src/x.ts")
        );
        assert_eq!(found.from_here(Path::new("../y.ts")), Path::new("web/y.ts"));
        assert_eq!(found.from_here(Path::new("/abs.ts")), Path::new("/abs.ts"));
        let given = Location::find(Some(Path::new("/elsewhere")), &cwd);
        assert_eq!(given.root, Path::new("/elsewhere"));
        assert_eq!(given.from_here(Path::new("x.ts")), Path::new("x.ts"));
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
        fs::write(
            dir.path().join("web/package.json"),
            "\u{FEFF}{\"type\":\"module\"}",
        )
        .unwrap();
        assert!(!is_commonjs(&file).unwrap(), "a byte order mark is fine");
        fs::write(dir.path().join("web/package.json"), "{oops").unwrap();
        assert!(is_commonjs(&file).is_err());
    }

    #[test]
    fn installs_use_the_lockfiles_manager_and_skip_listed_packages() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("web/src/supertokens.ts");
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        let install = |p: &[&'static str]| install_for(&file, p);
        let none = install(&["supertokens-node"]).unwrap();
        assert_eq!(none.manager, PackageManager::Npm);
        assert_eq!(none.folder, dir.path().join("web/src"));
        fs::write(dir.path().join("pnpm-lock.yaml"), "").unwrap();
        fs::write(
            dir.path().join("web/package.json"),
            r#"{"dependencies": {"supertokens-web-js": "^0.16"}}"#,
        )
        .unwrap();
        let found = install(&["supertokens-auth-react", "supertokens-web-js"]).unwrap();
        assert_eq!(found.manager, PackageManager::Pnpm);
        assert_eq!(found.folder, dir.path().join("web"));
        assert_eq!(found.packages, vec!["supertokens-auth-react"]);
        assert_eq!(
            found.manager.add_command(&found.packages),
            "pnpm add supertokens-auth-react"
        );
        assert_eq!(install(&["supertokens-web-js"]), None, "already listed");
        fs::write(dir.path().join("web/yarn.lock"), "").unwrap();
        assert_eq!(
            install(&["supertokens-node"]).unwrap().manager,
            PackageManager::Yarn,
            "the nearest lockfile wins"
        );
    }
}
