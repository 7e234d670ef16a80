//! Where a framework's SuperTokens examples keep the init file, for a project laid out the
//! way those examples are: the framework's package at the project's root, or in its
//! `backend/` or `frontend/` folder. Only a default: a path given or saved always wins.

use std::path::{Path, PathBuf};

use crate::answers::Lang;

/// The default output of `side` ("backend" or "frontend") in `project`, relative to it;
/// `None` when no folder holds a framework st-setup knows, or when the framework's file
/// name is taken by a file of the user's.
pub fn default_out(project: &Path, side: &str, lang: Lang) -> Option<PathBuf> {
    for folder in ["", side] {
        let dir = project.join(folder);
        let ext = |jsx: bool| extension(&dir, folder.is_empty(), lang, jsx);
        let found = match side {
            "backend" => backend_file(&dir, ext),
            _ => frontend_file(&dir, ext),
        };
        if let Some(file) = found {
            let path = Path::new(folder).join(file);
            return (!project.join(&path).exists()).then_some(path);
        }
    }
    None
}

/// A backend's file in the package at `dir`, as the SDKs' examples name it.
fn backend_file(dir: &Path, ext: impl Fn(bool) -> String) -> Option<PathBuf> {
    if let Some(app) = next_app(dir) {
        return Some(app.join(format!("config/backend.{}", ext(false))));
    }
    if next_pages(dir) {
        return Some(PathBuf::from(format!(
            "config/backendConfig.{}",
            ext(false)
        )));
    }
    let lists = |name: &str| package_lists(dir, name);
    if lists("@nestjs/core") {
        return Some(PathBuf::from(format!("src/config.{}", ext(false))));
    }
    if ["express", "fastify", "koa", "hono"].into_iter().any(lists) {
        return Some(PathBuf::from(format!("config.{}", ext(false))));
    }
    let python = super::python::Manifest::nearest(dir)
        .ok()
        .filter(|m| m.folder.as_deref() == Some(dir));
    if let Some(manifest) = python {
        return Some(PathBuf::from(if manifest.lists("django") {
            "app/config.py"
        } else {
            "config.py"
        }));
    }
    dir.join("go.mod")
        .is_file()
        .then(|| PathBuf::from("config.go"))
}

/// A frontend's file in the package at `dir`, as the SDKs' examples name it.
fn frontend_file(dir: &Path, ext: impl Fn(bool) -> String) -> Option<PathBuf> {
    if let Some(app) = next_app(dir) {
        return Some(app.join(format!("config/frontend.{}", ext(true))));
    }
    if next_pages(dir) {
        return Some(PathBuf::from(format!(
            "config/frontendConfig.{}",
            ext(true)
        )));
    }
    let lists = |name: &str| package_lists(dir, name);
    if lists("react") {
        Some(PathBuf::from(format!("src/config.{}", ext(true))))
    } else if lists("vue") || lists("@angular/core") {
        Some(PathBuf::from(format!("src/config.{}", ext(false))))
    } else {
        None
    }
}

/// The Next.js app router folder of the package at `dir`, relative to it.
fn next_app(dir: &Path) -> Option<PathBuf> {
    let app = super::next_app_dir(&dir.join("package.json")).ok()??;
    let app = app.strip_prefix(dir).ok()?.to_owned();
    // The package must be `dir`'s own, not one further up.
    dir.join("package.json").is_file().then_some(app)
}

/// Whether the package at `dir` is a Next.js pages router project.
fn next_pages(dir: &Path) -> bool {
    let manifest = dir.join("package.json");
    manifest.is_file() && super::next_pages_dir(&manifest).ok().flatten().is_some()
}

/// Whether `dir`'s own package.json lists `name` as a dependency.
fn package_lists(dir: &Path, name: &str) -> bool {
    let manifest = dir.join("package.json");
    manifest.is_file() && super::lists_dependency(&manifest, name).unwrap_or(false)
}

/// `ts`/`tsx` or `js`/`jsx` for a file in `dir`: the project's language at its root; in a
/// folder, TypeScript when it has a tsconfig.json, JavaScript when it has only a
/// package.json.
fn extension(dir: &Path, root: bool, lang: Lang, jsx: bool) -> String {
    let ts = if root || !(dir.join("tsconfig.json").is_file() || dir.join("package.json").is_file())
    {
        lang == Lang::Ts
    } else {
        dir.join("tsconfig.json").is_file()
    };
    let base = if ts { "ts" } else { "js" };
    if jsx {
        format!("{base}x")
    } else {
        base.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        dir
    }

    fn defaults(files: &[(&str, &str)], lang: Lang) -> (Option<String>, Option<String>) {
        let dir = project(files);
        let shown = |side| default_out(dir.path(), side, lang).map(|p| p.display().to_string());
        (shown("backend"), shown("frontend"))
    }

    const EXPRESS: &str = r#"{ "dependencies": { "express": "5" } }"#;

    /// Files of a project, and its backend and frontend defaults.
    type Case<'a> = (&'a [(&'a str, &'a str)], Option<&'a str>, Option<&'a str>);

    #[test]
    fn each_framework_gets_the_path_of_its_examples() {
        let cases: [Case; 10] = [
            (&[("package.json", EXPRESS)], Some("config.ts"), None),
            (
                &[
                    ("backend/package.json", EXPRESS),
                    (
                        "frontend/package.json",
                        r#"{ "dependencies": { "react": "19" } }"#,
                    ),
                    ("frontend/tsconfig.json", "{}"),
                ],
                Some("backend/config.js"),
                Some("frontend/src/config.tsx"),
            ),
            (
                &[
                    (
                        "backend/package.json",
                        r#"{ "dependencies": { "@nestjs/core": "11" } }"#,
                    ),
                    ("backend/tsconfig.json", "{}"),
                ],
                Some("backend/src/config.ts"),
                None,
            ),
            (
                &[("backend/requirements.txt", "fastapi==0.115\n")],
                Some("backend/config.py"),
                None,
            ),
            (
                &[(
                    "pyproject.toml",
                    "[project]\nname = \"a\"\ndependencies = [\"Django>=5\"]\n",
                )],
                Some("app/config.py"),
                None,
            ),
            (
                &[("go.mod", "module example.com/api\n\ngo 1.22\n")],
                Some("config.go"),
                None,
            ),
            (
                &[("package.json", r#"{ "dependencies": { "vue": "3" } }"#)],
                None,
                Some("src/config.ts"),
            ),
            (
                &[(
                    "frontend/package.json",
                    r#"{ "dependencies": { "@angular/core": "18" } }"#,
                )],
                None,
                Some("frontend/src/config.js"),
            ),
            (
                &[("package.json", r#"{ "dependencies": { "koa": "3" } }"#)],
                Some("config.ts"),
                None,
            ),
            (
                &[
                    ("package.json", r#"{ "dependencies": { "next": "15" } }"#),
                    ("pages/index.tsx", ""),
                ],
                Some("config/backendConfig.ts"),
                Some("config/frontendConfig.tsx"),
            ),
        ];
        for (files, backend, frontend) in cases {
            let got = defaults(files, Lang::Ts);
            assert_eq!(
                got,
                (backend.map(str::to_owned), frontend.map(str::to_owned)),
                "{files:?}"
            );
        }
    }

    #[test]
    fn a_file_of_the_users_at_that_path_keeps_the_plain_default() {
        let got = defaults(
            &[("package.json", EXPRESS), ("config.ts", "export {}\n")],
            Lang::Ts,
        );
        assert_eq!(got.0, None);
    }

    #[test]
    fn nothing_known_means_no_framework_default() {
        assert_eq!(defaults(&[], Lang::Ts), (None, None));
        assert_eq!(
            defaults(
                &[("package.json", r#"{ "dependencies": { "lodash": "4" } }"#)],
                Lang::Js
            ),
            (None, None)
        );
    }
}
