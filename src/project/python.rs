//! What a Python project's manifests say: the web framework a service uses and whether it
//! lists supertokens-python. The nearest folder above a file with a `pyproject.toml` or a
//! `requirements*.txt` is the file's project, as for pip and uv.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::target::PythonFramework;

/// The dependencies of the nearest Python project above `start`, as normalised
/// distribution names (PEP 503: lower case, runs of `-_.` as `-`), with the folder they
/// were found in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub folder: Option<PathBuf>,
    pub files: Vec<PathBuf>,
    pub dependencies: Vec<String>,
}

impl Manifest {
    /// Reads the manifests of the nearest folder at or above `start` that has any.
    pub fn nearest(start: &Path) -> Result<Manifest> {
        for dir in start.ancestors() {
            let files = manifest_files(dir);
            if files.is_empty() {
                if dir.join(".git").exists() {
                    break;
                }
                continue;
            }
            let mut dependencies = Vec::new();
            for file in &files {
                let text = fs::read_to_string(file)
                    .with_context(|| format!("cannot read {}", file.display()))?;
                if file.extension().is_some_and(|e| e == "toml") {
                    dependencies.extend(pyproject_dependencies(&text).with_context(|| {
                        format!(
                            "{} is not valid TOML; st-setup reads it for the framework the service uses",
                            file.display()
                        )
                    })?);
                } else {
                    dependencies.extend(text.lines().filter_map(requirement_name));
                }
            }
            return Ok(Manifest {
                folder: Some(dir.to_owned()),
                files,
                dependencies,
            });
        }
        Ok(Manifest::default())
    }

    pub fn lists(&self, distribution: &str) -> bool {
        let name = normalise(distribution);
        self.dependencies.contains(&name)
    }

    /// The frameworks the manifest lists, in the order st-setup prefers them when a
    /// service lists more than one.
    pub fn frameworks(&self) -> Vec<PythonFramework> {
        [
            PythonFramework::FastApi,
            PythonFramework::Django,
            PythonFramework::Flask,
        ]
        .into_iter()
        .filter(|f| self.lists(f.sdk_name()))
        .collect()
    }
}

/// `pyproject.toml` and `requirements*.txt` in `dir`, sorted.
fn manifest_files(dir: &Path) -> Vec<PathBuf> {
    super::files_in(dir, |name| {
        name == "pyproject.toml" || (name.starts_with("requirements") && name.ends_with(".txt"))
    })
}

/// PEP 503 normalisation of a distribution name.
fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.trim().chars() {
        if matches!(c, '-' | '_' | '.') {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The distribution a requirement names: `Django>=4.2`, `flask[async] ; python_version…`,
/// `fastapi==0.115`. Options (`-r`, `-e`), URLs and comments name none.
fn requirement_name(line: &str) -> Option<String> {
    let line = line.split('#').next().unwrap_or("").trim();
    if line.is_empty() || line.starts_with('-') || line.contains("://") {
        return None;
    }
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(line.len());
    (end > 0).then(|| normalise(&line[..end]))
}

/// Every dependency a pyproject.toml names: PEP 621 `[project]` dependencies and optional
/// dependencies, PEP 735 dependency groups and Poetry's tables.
fn pyproject_dependencies(text: &str) -> Result<Vec<String>, toml::de::Error> {
    let doc: toml::Table = toml::from_str(text)?;
    let mut names = Vec::new();
    let mut requirements = |value: Option<&toml::Value>| {
        let items = value.and_then(toml::Value::as_array).into_iter().flatten();
        names.extend(
            items
                .filter_map(toml::Value::as_str)
                .filter_map(requirement_name),
        );
    };
    let project = doc.get("project");
    requirements(project.and_then(|p| p.get("dependencies")));
    for table in [
        project.and_then(|p| p.get("optional-dependencies")),
        doc.get("dependency-groups"),
    ] {
        for group in table.and_then(toml::Value::as_table).into_iter().flatten() {
            requirements(Some(group.1));
        }
    }
    let poetry = doc.get("tool").and_then(|t| t.get("poetry"));
    let mut poetry_tables: Vec<&toml::Value> = poetry
        .and_then(|p| p.get("dependencies"))
        .into_iter()
        .collect();
    let groups = poetry
        .and_then(|p| p.get("group"))
        .and_then(|g| g.as_table());
    poetry_tables.extend(
        groups
            .into_iter()
            .flatten()
            .filter_map(|(_, group)| group.get("dependencies")),
    );
    for table in poetry_tables.into_iter().filter_map(toml::Value::as_table) {
        names.extend(table.keys().map(|name| normalise(name)));
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_name_their_distributions() {
        assert_eq!(requirement_name("Django>=4.2"), Some("django".into()));
        assert_eq!(
            requirement_name("flask[async] ; python_version > '3.8'"),
            Some("flask".into())
        );
        assert_eq!(
            requirement_name("supertokens_python==0.31.1  # auth"),
            Some("supertokens-python".into())
        );
        assert_eq!(requirement_name("-r base.txt"), None);
        assert_eq!(requirement_name("# fastapi"), None);
        assert_eq!(requirement_name("https://example.com/fastapi.whl"), None);
    }

    #[test]
    fn the_nearest_manifests_decide() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("svc/app")).unwrap();
        fs::write(
            root.join("svc/pyproject.toml"),
            "[project]\nname = \"svc\"\ndependencies = [\"Flask>=3\"]\n\
             [tool.poetry.group.dev.dependencies]\nSuperTokens_Python = \"*\"\n",
        )
        .unwrap();
        fs::write(root.join("svc/requirements-dev.txt"), "pytest\n").unwrap();
        fs::write(root.join("requirements.txt"), "fastapi\n").unwrap();
        let manifest = Manifest::nearest(&root.join("svc/app")).unwrap();
        assert_eq!(manifest.folder.as_deref(), Some(root.join("svc").as_path()));
        assert_eq!(manifest.frameworks(), [PythonFramework::Flask]);
        assert!(manifest.lists("supertokens-python"));
        assert!(manifest.lists("pytest"));
        let top = Manifest::nearest(root).unwrap();
        assert_eq!(top.frameworks(), [PythonFramework::FastApi]);
    }

    #[test]
    fn a_broken_pyproject_is_named() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("pyproject.toml"), "[project\n").unwrap();
        let error = Manifest::nearest(dir.path()).unwrap_err();
        assert!(format!("{error:#}").contains("pyproject.toml is not valid TOML"));
    }
}
