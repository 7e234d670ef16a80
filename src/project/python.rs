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
                let text = read_text(file)?;
                let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if name == "pyproject.toml" || name == "Pipfile" {
                    let table: toml::Table = toml::from_str(&text).with_context(|| {
                        format!(
                            "{} is not valid TOML; st-setup reads it for the framework the service uses",
                            file.display()
                        )
                    })?;
                    dependencies.extend(toml_dependencies(&table));
                } else {
                    dependencies.extend(requirements(file, &text, 0)?);
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
        .filter(|f| self.lists(f.distribution()))
        .collect()
    }
}

/// `pyproject.toml` and `requirements*.txt` in `dir`, sorted.
fn manifest_files(dir: &Path) -> Vec<PathBuf> {
    super::files_in(dir, |name| {
        matches!(name, "pyproject.toml" | "Pipfile")
            || (name.starts_with("requirements") && name.ends_with(".txt"))
    })
}

/// A manifest's text: UTF-8, or UTF-16 with its byte order mark (what PowerShell's
/// `pip freeze > requirements.txt` writes); anything else read leniently.
fn read_text(file: &Path) -> Result<String> {
    let bytes = fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let utf16 = |bytes: &[u8], read: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    Ok(match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => String::from_utf8_lossy(&bytes).into_owned(),
    })
}

/// The distributions a requirements file names, with the files it includes (`-r`).
fn requirements(file: &Path, text: &str, depth: usize) -> Result<Vec<String>> {
    let mut names: Vec<String> = text.lines().filter_map(requirement_name).collect();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let included = ["-r ", "--requirement ", "--requirement="]
            .iter()
            .find_map(|option| line.strip_prefix(option));
        // A loop of includes, or a deep chain, ends here.
        if let (Some(included), true) = (included, depth < 8) {
            let path = file
                .parent()
                .unwrap_or(Path::new("."))
                .join(included.trim());
            if path.is_file() {
                names.extend(requirements(&path, &read_text(&path)?, depth + 1)?);
            }
        }
    }
    Ok(names)
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
    // `name @ https://…` (PEP 508) names its distribution; a bare URL names none here.
    let line = line.split_once(" @ ").map_or(line, |(name, _)| name.trim());
    if line.is_empty() || line.starts_with('-') || line.contains("://") {
        return None;
    }
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(line.len());
    (end > 0).then(|| normalise(&line[..end]))
}

/// Every dependency a pyproject.toml or a Pipfile names: PEP 621 `[project]` dependencies
/// and optional dependencies, PEP 735 dependency groups, Poetry's tables, Pipenv's
/// `[packages]` and `[dev-packages]`.
fn toml_dependencies(doc: &toml::Table) -> Vec<String> {
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
    let mut tables: Vec<&toml::Value> = poetry
        .and_then(|p| p.get("dependencies"))
        .into_iter()
        .chain(doc.get("packages"))
        .chain(doc.get("dev-packages"))
        .collect();
    let groups = poetry
        .and_then(|p| p.get("group"))
        .and_then(|g| g.as_table());
    tables.extend(
        groups
            .into_iter()
            .flatten()
            .filter_map(|(_, group)| group.get("dependencies")),
    );
    for table in tables.into_iter().filter_map(toml::Value::as_table) {
        names.extend(table.keys().map(|name| normalise(name)));
    }
    names
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
    fn includes_pipfiles_and_utf16_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("base.txt"), "django\n-r requirements.txt\n").unwrap();
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "-r base.txt\nsupertokens-python\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        fs::write(root.join("requirements.txt"), utf16).unwrap();
        let manifest = Manifest::nearest(root).unwrap();
        assert_eq!(manifest.frameworks(), [PythonFramework::Django]);
        assert!(manifest.lists("supertokens-python"));
        fs::remove_file(root.join("requirements.txt")).unwrap();
        fs::write(root.join("Pipfile"), "[packages]\nFlask = \"*\"\n").unwrap();
        assert_eq!(
            Manifest::nearest(root).unwrap().frameworks(),
            [PythonFramework::Flask]
        );
    }

    #[test]
    fn a_broken_pyproject_is_named() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("pyproject.toml"), "[project\n").unwrap();
        let error = Manifest::nearest(dir.path()).unwrap_err();
        assert!(format!("{error:#}").contains("pyproject.toml is not valid TOML"));
    }
}
