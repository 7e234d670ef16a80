//! Facts about the project on disk that decide what st-setup writes: where the project is
//! (the folder holding st-setup.json), the module format Node and tsc give a file, and the
//! package manager that installs the SDKs. Reading only; the writer is `plan::write_all`.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::answers::FILE_NAME;
use crate::target::{
    Framework, GoSetup, Imports, JsFramework, Language, PythonFramework, Role, Syntax, Target,
};

pub mod go;
pub mod layout;
pub mod python;

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
    /// `-C DIR` when given; else, inside a repository (a folder with `.git` above), the
    /// nearest folder from `cwd` up to the repository's root that holds st-setup.json, the
    /// way cargo finds Cargo.toml. Outside a repository, or without one found, the project
    /// is `cwd`: a stray st-setup.json in a home folder never becomes another project's.
    pub fn find(dir: Option<&Path>, cwd: &Path) -> Location {
        if let Some(dir) = dir {
            return Location {
                root: dir.to_owned(),
                here: PathBuf::new(),
            };
        }
        let repository = cwd.ancestors().find(|folder| folder.join(".git").exists());
        let found = repository.and_then(|top| {
            cwd.ancestors()
                .take_while(|folder| folder.starts_with(top))
                .find(|folder| folder.join(FILE_NAME).is_file())
        });
        match found {
            Some(folder) => Location {
                root: folder.to_owned(),
                here: cwd.strip_prefix(folder).unwrap_or(Path::new("")).to_owned(),
            },
            None => Location {
                root: cwd.to_owned(),
                here: PathBuf::new(),
            },
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

/// The files in `dir` whose names `keep` takes, sorted (none when it cannot be read).
fn files_in(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.file_name().and_then(|n| n.to_str()).is_some_and(&keep))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
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

/// The `"type"` of the nearest package.json above `path` (its real path): `None` without
/// a package.json, `Some("")` for one without a "type".
fn package_type(path: &Path) -> Result<Option<String>> {
    let start = path.parent().unwrap_or(Path::new("."));
    let Some(manifest) = nearest(start, "package.json") else {
        return Ok(None);
    };
    let json = read_json(&manifest, "for its \"type\", to choose import or require")?;
    Ok(Some(
        json.get("type")
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .to_owned(),
    ))
}

/// Whether a `.js` file at `path` (its real path) runs as CommonJS: the nearest
/// package.json decides, as in Node; without any package.json the file is taken as ES
/// module (what bundlers expect).
pub fn is_commonjs(path: &Path) -> Result<bool> {
    Ok(package_type(path)?.is_some_and(|t| t != "module"))
}

/// Whether the nearest package.json above `path` says `"type": "module"`.
fn package_is_module(path: &Path) -> Result<bool> {
    Ok(package_type(path)?.is_some_and(|t| t == "module"))
}

/// A framework st-setup chose for a file without being told, when the project does not
/// settle it: none of the frameworks it knows is listed, or several are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    pub chosen: Framework,
    /// The frameworks the manifests list; empty when they list none (or there are none).
    pub listed: Vec<Framework>,
}

/// The target of an output of `role` at `path` (its real path): the extension decides the
/// language, a framework named after the path (`chosen`) wins over the project's
/// manifests, and the manifests over the defaults (FastAPI, net/http).
pub fn target_for(
    role: Role,
    path: &Path,
    chosen: Option<Framework>,
) -> Result<(Target, Option<Guess>)> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let (language, guess) = match extension {
        "py" => {
            let listed = python::Manifest::nearest(folder)?.frameworks();
            let framework = match chosen {
                Some(Framework::Python(framework)) => framework,
                _ => listed.first().copied().unwrap_or(PythonFramework::FastApi),
            };
            let guess = (chosen.is_none() && listed.len() != 1).then(|| Guess {
                chosen: Framework::Python(framework),
                listed: listed.into_iter().map(Framework::Python).collect(),
            });
            (Language::Python(framework), guess)
        }
        "go" => {
            let module = go::GoModule::nearest(folder)?;
            let framework = match chosen {
                Some(Framework::Go(framework)) => framework,
                _ => module.framework(),
            };
            let package = go::package_for(path, &module);
            (Language::Go(GoSetup { package, framework }), None)
        }
        _ => {
            let framework = match chosen {
                // A server framework's wiring is a server's, a component framework's a
                // frontend's.
                Some(Framework::Js(framework))
                    if (role != Role::Backend && framework.is_server())
                        || (role == Role::Backend && framework.is_frontend_only()) =>
                {
                    JsFramework::Plain
                }
                // "nextjs" names Next.js; its router is the project's.
                Some(Framework::Js(JsFramework::NextApp))
                    if next_app_dir(path)?.is_none() && next_pages_dir(path)?.is_some() =>
                {
                    JsFramework::NextPages
                }
                Some(Framework::Js(framework)) => framework,
                _ if next_app_dir(path)?.is_some() => JsFramework::NextApp,
                _ if next_pages_dir(path)?.is_some() => JsFramework::NextPages,
                // NestJS lists its Express platform, so it is asked first.
                _ if role == Role::Backend && lists_dependency(path, "@nestjs/core")? => {
                    JsFramework::Nest
                }
                _ if role == Role::Backend && lists_dependency(path, "express")? => {
                    JsFramework::Express
                }
                _ if role == Role::Backend && lists_dependency(path, "fastify")? => {
                    JsFramework::Fastify
                }
                _ if role == Role::Backend && lists_dependency(path, "koa")? => JsFramework::Koa,
                _ if role == Role::Backend && lists_dependency(path, "hono")? => JsFramework::Hono,
                _ if role != Role::Backend => {
                    component_framework(path).unwrap_or(JsFramework::Plain)
                }
                _ => JsFramework::Plain,
            };
            (Language::Js(syntax_for(path)?, framework), None)
        }
    };
    Ok((Target { role, language }, guess))
}

/// Why a file at `path` (its real path) has `target`'s framework, for the wizard's row:
/// "next 15.5.29 in package.json", "flask in requirements.txt", "named after the path".
/// `None` when nothing chose one (a plain Node file, or a default).
pub fn framework_reason(path: &Path, target: &Target, named: bool) -> Option<String> {
    if named {
        return Some("named after the path".to_owned());
    }
    let start = path.parent().unwrap_or(Path::new("."));
    let in_package_json = |name: &str| {
        let manifest = nearest(start, "package.json")?;
        let json = read_json(&manifest, "for its dependencies").ok()?;
        let version = ["dependencies", "devDependencies"]
            .iter()
            .find_map(|section| json.get(section)?.get(name)?.as_str().map(str::to_owned))?;
        Some(format!("{name} {version} in package.json"))
    };
    match &target.language {
        Language::Js(_, JsFramework::NextApp | JsFramework::NextPages) => in_package_json("next"),
        Language::Js(_, JsFramework::Express) => in_package_json("express"),
        Language::Js(_, JsFramework::Fastify) => in_package_json("fastify"),
        Language::Js(_, JsFramework::Koa) => in_package_json("koa"),
        Language::Js(_, JsFramework::Hono) => in_package_json("hono"),
        Language::Js(_, JsFramework::Nest) => in_package_json("@nestjs/core"),
        Language::Js(_, framework) if framework.hosts_prebuilt_ui() => COMPONENT_FRAMEWORKS
            .iter()
            .find(|(_, f)| f == framework)
            .and_then(|(package, _)| in_package_json(package)),
        Language::Js(..) => None,
        Language::Python(framework) => {
            let manifest = python::Manifest::nearest(start).ok()?;
            if !manifest.lists(framework.distribution()) {
                return Some("the default: no manifest above names a framework".to_owned());
            }
            Some({
                let files: Vec<String> = manifest
                    .files
                    .iter()
                    .filter_map(|f| f.file_name()?.to_str().map(str::to_owned))
                    .collect();
                format!("{} in {}", framework.distribution(), files.join(", "))
            })
        }
        Language::Go(go) => {
            let module = go::GoModule::nearest(start).ok()?;
            (go.framework != crate::target::GoFramework::NetHttp)
                .then(|| format!("{} in go.mod", go.framework.label()))
                .or_else(|| {
                    module
                        .folder
                        .is_some()
                        .then(|| "no router in go.mod".to_owned())
                })
        }
    }
}

/// The component framework of a frontend file's package, when it is not React: the pre
/// built UI (supertokens-auth-react) draws React components, which a Vue, Angular or Svelte
/// app gets from SuperTokens' hosted bundle instead.
fn component_framework(path: &Path) -> Option<JsFramework> {
    let lists = |name| lists_dependency(path, name).unwrap_or(false);
    // A React Native app lists react too.
    if lists("react-native") {
        return Some(JsFramework::ReactNative);
    }
    if lists("react") {
        return None;
    }
    COMPONENT_FRAMEWORKS
        .into_iter()
        .find(|(package, _)| lists(package))
        .map(|(_, framework)| framework)
}

/// The package that makes an app one of the non-React component frameworks.
const COMPONENT_FRAMEWORKS: [(&str, JsFramework); 3] = [
    ("vue", JsFramework::Vue),
    ("@angular/core", JsFramework::Angular),
    ("svelte", JsFramework::Svelte),
];

/// Whether the nearest package.json above `path` lists `name` as a dependency.
fn lists_dependency(path: &Path, name: &str) -> Result<bool> {
    let start = path.parent().unwrap_or(Path::new("."));
    let Some(manifest) = nearest(start, "package.json") else {
        return Ok(false);
    };
    let json = read_json(&manifest, "for its dependencies")?;
    Ok(["dependencies", "devDependencies"]
        .iter()
        .any(|section| json.get(section).and_then(|d| d.get(name)).is_some()))
}

/// The `app` folder of the Next.js app router project a file at `path` (its real path)
/// belongs to: its nearest package.json lists `next`, and beside it is `app/` or
/// `src/app/`. `None` for any other file.
pub fn next_app_dir(path: &Path) -> Result<Option<PathBuf>> {
    let start = path.parent().unwrap_or(Path::new("."));
    let Some(manifest) = nearest(start, "package.json") else {
        return Ok(None);
    };
    let lists_next = lists_dependency(path, "next")?;
    let root = manifest.parent().unwrap_or(Path::new("."));
    Ok(lists_next
        .then(|| [root.join("app"), root.join("src/app")])
        .and_then(|dirs| dirs.into_iter().find(|dir| dir.is_dir())))
}

/// The `pages` folder of the Next.js pages router project a file at `path` belongs to:
/// its nearest package.json lists `next`, beside it is `pages/` or `src/pages/`, and no
/// app router folder (a project with both is an app router one that kept old pages).
pub fn next_pages_dir(path: &Path) -> Result<Option<PathBuf>> {
    if next_app_dir(path)?.is_some() || !lists_dependency(path, "next")? {
        return Ok(None);
    }
    let start = path.parent().unwrap_or(Path::new("."));
    let Some(manifest) = nearest(start, "package.json") else {
        return Ok(None);
    };
    let root = manifest.parent().unwrap_or(Path::new("."));
    Ok([root.join("pages"), root.join("src/pages")]
        .into_iter()
        .find(|dir| dir.is_dir()))
}

/// The syntax for a file at `path` (its real path, links followed, as Node and tsc see
/// it). The extension decides as it does for Node and tsc: `.mjs` is always an ES module,
/// `.cjs` always CommonJS, `.js` follows the nearest package.json; TypeScript follows the
/// nearest tsconfig.json as well.
pub fn syntax_for(path: &Path) -> Result<Syntax> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let js = Syntax::javascript;
    Ok(match extension {
        "mjs" => js(Imports::Esm),
        "cjs" => js(Imports::Require),
        "js" | "jsx" if is_commonjs(path)? => js(Imports::Require),
        "js" | "jsx" => js(Imports::Esm),
        _ => {
            let options = TsOptions::for_file(path)?;
            let commonjs = options.emits_commonjs(extension, package_is_module(path)?);
            Syntax {
                imports: if commonjs && options.verbatim_module_syntax {
                    Imports::TsRequire
                } else {
                    Imports::Esm
                },
                index_js: !commonjs && options.resolves_like_node(),
                ..Syntax::TYPESCRIPT
            }
        }
    })
}

/// The compiler options of the nearest tsconfig.json that decide how imports are written,
/// `extends` followed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TsOptions {
    /// `module`, lowercase.
    pub module: Option<String>,
    /// `moduleResolution`, lowercase.
    pub module_resolution: Option<String>,
    pub verbatim_module_syntax: bool,
}

/// `module` values under which tsc gives each file the format Node would.
const NODE_MODULES: [&str; 4] = ["node16", "node18", "node20", "nodenext"];

impl TsOptions {
    /// The options for a TypeScript file at `path`; defaults when no tsconfig.json is above
    /// it. A tsconfig that cannot be read is an error naming it; an `extends` that cannot be
    /// found is skipped (tsc reports it on its own).
    pub fn for_file(path: &Path) -> Result<TsOptions> {
        let start = path.parent().unwrap_or(Path::new("."));
        let mut options = TsOptions::default();
        if let Some(config) = nearest(start, "tsconfig.json") {
            options.read(&config, 0)?;
        }
        Ok(options)
    }

    /// Lays `config`'s options (and those it extends, first) over `self`.
    fn read(&mut self, config: &Path, depth: usize) -> Result<()> {
        const MAX_DEPTH: usize = 16;
        let text = fs::read_to_string(config)
            .with_context(|| format!("cannot read {}", config.display()))?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        let json: serde_json::Value =
            jsonc_parser::parse_to_serde_value(text, &Default::default()).with_context(|| {
                format!(
                    "{} is not valid JSON with comments; st-setup reads its \"module\" and \"verbatimModuleSyntax\" to choose how to import",
                    config.display()
                )
            })?;
        let folder = config.parent().unwrap_or(Path::new("."));
        let extends = match json.get("extends") {
            Some(serde_json::Value::String(one)) => vec![one.as_str()],
            Some(serde_json::Value::Array(many)) => {
                many.iter().filter_map(|v| v.as_str()).collect()
            }
            _ => Vec::new(),
        };
        if depth < MAX_DEPTH {
            for base in extends {
                if let Some(base) = resolve_extends(folder, base) {
                    self.read(&base, depth + 1)?;
                }
            }
        }
        let options = json.get("compilerOptions");
        let text_of = |key: &str| {
            options
                .and_then(|o| o.get(key))
                .and_then(|v| v.as_str())
                .map(str::to_ascii_lowercase)
        };
        if let Some(module) = text_of("module") {
            self.module = Some(module);
        }
        if let Some(resolution) = text_of("moduleResolution") {
            self.module_resolution = Some(resolution);
        }
        if let Some(verbatim) = options
            .and_then(|o| o.get("verbatimModuleSyntax"))
            .and_then(|v| v.as_bool())
        {
            self.verbatim_module_syntax = verbatim;
        }
        Ok(())
    }

    /// Whether tsc compiles a file with `extension` to CommonJS (`package_is_module`: the
    /// nearest package.json says `"type": "module"`).
    fn emits_commonjs(&self, extension: &str, package_is_module: bool) -> bool {
        let module = self.module.as_deref().unwrap_or("");
        let node = NODE_MODULES.contains(&module);
        match extension {
            "cts" => node || matches!(module, "commonjs" | "preserve"),
            "mts" => false,
            _ => module == "commonjs" || (node && !package_is_module),
        }
    }

    /// Whether imports are resolved as Node resolves them (no directory imports in ES
    /// modules).
    fn resolves_like_node(&self) -> bool {
        let implied = self.module.as_deref().filter(|m| NODE_MODULES.contains(m));
        match self.module_resolution.as_deref().or(implied) {
            Some(resolution) => matches!(resolution, "node16" | "nodenext"),
            None => false,
        }
    }
}

/// Where an `extends` entry of a tsconfig in `folder` points: a relative path (".json"
/// optional), or a package in node_modules (its "tsconfig" field or tsconfig.json, or a
/// file inside it).
fn resolve_extends(folder: &Path, base: &str) -> Option<PathBuf> {
    let with_json = |path: PathBuf| {
        if path.is_file() {
            Some(path)
        } else {
            let mut named = path.into_os_string();
            named.push(".json");
            Some(PathBuf::from(named)).filter(|p| p.is_file())
        }
    };
    if base.starts_with('.') || Path::new(base).is_absolute() {
        return with_json(folder.join(base));
    }
    folder.ancestors().find_map(|dir| {
        let package = dir.join("node_modules").join(base);
        if package.is_dir() {
            let manifest = read_json(&package.join("package.json"), "").ok();
            let named = manifest
                .as_ref()
                .and_then(|m| m.get("tsconfig"))
                .and_then(|t| t.as_str())
                .unwrap_or("tsconfig.json");
            with_json(package.join(named))
        } else {
            with_json(package)
        }
    })
}

/// A package manager, known by its lockfile (or, for Go, its language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PackageManager {
    Npm,
    Pnpm,
    Yarn,
    Bun,
    Pip,
    Uv,
    Poetry,
    Pipenv,
    Go,
    /// Go in a folder without a go.mod: the module is made first.
    GoNewModule,
}

impl PackageManager {
    /// JavaScript lockfiles, in the order they are looked for in one folder.
    const LOCKFILES: [(&'static str, PackageManager); 6] = [
        ("pnpm-lock.yaml", PackageManager::Pnpm),
        ("yarn.lock", PackageManager::Yarn),
        ("bun.lock", PackageManager::Bun),
        ("bun.lockb", PackageManager::Bun),
        ("package-lock.json", PackageManager::Npm),
        ("npm-shrinkwrap.json", PackageManager::Npm),
    ];

    /// Python lockfiles; pip without one.
    const PYTHON_LOCKFILES: [(&'static str, PackageManager); 3] = [
        ("uv.lock", PackageManager::Uv),
        ("poetry.lock", PackageManager::Poetry),
        ("Pipfile", PackageManager::Pipenv),
    ];

    /// The command that adds `packages` to the project in `folder`.
    pub fn add_command(self, packages: &[&str], folder: &Path) -> String {
        if self == PackageManager::GoNewModule {
            let name = folder
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("service");
            return format!(
                "go mod init {name} && {}",
                PackageManager::Go.add_command(packages, folder)
            );
        }
        let verb = match self {
            PackageManager::Npm => "npm install",
            PackageManager::Pnpm => "pnpm add",
            PackageManager::Yarn => "yarn add",
            PackageManager::Bun => "bun add",
            PackageManager::Pip => "pip install",
            PackageManager::Uv => "uv add",
            PackageManager::Poetry => "poetry add",
            PackageManager::Pipenv => "pipenv install",
            PackageManager::Go | PackageManager::GoNewModule => "go get",
        };
        // Type declarations are for the compiler only: a development dependency.
        let (types, runtime): (Vec<&str>, Vec<&str>) =
            packages.iter().partition(|p| p.starts_with("@types/"));
        match (runtime.is_empty(), types.is_empty()) {
            (_, true) => format!("{verb} {}", runtime.join(" ")),
            (true, false) => format!("{verb} -D {}", types.join(" ")),
            (false, false) => format!(
                "{verb} {} && {verb} -D {}",
                runtime.join(" "),
                types.join(" ")
            ),
        }
    }
}

/// What to install for a file at `path` (its real path): the packages `target` needs that
/// the project does not list yet, with the package manager of the nearest lockfile, run in
/// the folder of the nearest manifest (the file's folder without one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Install {
    pub folder: PathBuf,
    pub manager: PackageManager,
    pub packages: Vec<&'static str>,
}

pub fn install_for(path: &Path, target: &Target) -> Option<Install> {
    let start = path.parent().unwrap_or(Path::new("."));
    let packages = target.packages();
    let in_folder = |folder: Option<PathBuf>, manager, listed: &dyn Fn(&str) -> bool| {
        let missing: Vec<&'static str> = packages.iter().copied().filter(|p| !listed(p)).collect();
        (!missing.is_empty()).then(|| Install {
            folder: folder.unwrap_or_else(|| start.to_owned()),
            manager,
            packages: missing,
        })
    };
    match &target.language {
        Language::Python(_) => {
            let manifest = python::Manifest::nearest(start).unwrap_or_default();
            let manager = start
                .ancestors()
                .find_map(|dir| lockfile_in(dir, &PackageManager::PYTHON_LOCKFILES))
                .unwrap_or(PackageManager::Pip);
            in_folder(manifest.folder.clone(), manager, &|p| manifest.lists(p))
        }
        Language::Go(_) => {
            let module = go::GoModule::nearest(start).unwrap_or_default();
            let manager = match module.folder {
                Some(_) => PackageManager::Go,
                None => PackageManager::GoNewModule,
            };
            in_folder(module.folder.clone(), manager, &|p| module.requires(p))
        }
        Language::Js(..) => {
            let manifest = nearest(start, "package.json");
            let json = manifest
                .as_deref()
                .and_then(|m| read_json(m, "for its dependencies").ok());
            let listed = |name: &str| {
                ["dependencies", "devDependencies", "peerDependencies"]
                    .iter()
                    .any(|section| {
                        json.as_ref()
                            .and_then(|j| j.get(section))
                            .and_then(|d| d.get(name))
                            .is_some()
                    })
            };
            let manager = start
                .ancestors()
                .find_map(|dir| lockfile_in(dir, &PackageManager::LOCKFILES))
                .unwrap_or(PackageManager::Npm);
            in_folder(
                manifest
                    .as_deref()
                    .and_then(Path::parent)
                    .map(Path::to_owned),
                manager,
                &listed,
            )
        }
    }
}

fn lockfile_in(dir: &Path, lockfiles: &[(&str, PackageManager)]) -> Option<PackageManager> {
    lockfiles
        .iter()
        .find(|(name, _)| dir.join(name).is_file())
        .map(|(_, manager)| *manager)
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
        // Outside a repository there is no search at all.
        fs::create_dir_all(root.join("plain/new")).unwrap();
        fs::write(root.join("plain").join(FILE_NAME), "{}").unwrap();
        let outside = root.join("plain/new");
        assert_eq!(Location::find(None, &outside).root, outside);
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

    /// The rules tsc 5.9 applies (each case checked with the real tsc): under
    /// `verbatimModuleSyntax`, a file compiled to CommonJS needs `import X = require()`;
    /// under node16/nodenext an ES module names the file of a deep import.
    #[test]
    fn typescript_follows_the_nearest_tsconfig() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| syntax_for(&dir.path().join(name)).unwrap();
        let config = |text: &str| fs::write(dir.path().join("tsconfig.json"), text).unwrap();
        let package = |text: &str| fs::write(dir.path().join("package.json"), text).unwrap();
        let esm = Syntax::TYPESCRIPT;
        let ts_require = Syntax {
            imports: Imports::TsRequire,
            ..esm
        };
        assert_eq!(at("a.ts"), esm, "no tsconfig: as a bundler sees it");
        package(r#"{"name": "api"}"#);
        config(r#"{ "compilerOptions": { "module": "nodenext", "verbatimModuleSyntax": true } }"#);
        assert_eq!(at("a.ts"), ts_require, "TS1295 otherwise");
        assert_eq!(at("a.cts"), ts_require, "TS1286 otherwise");
        assert_eq!(
            at("a.mts"),
            Syntax {
                index_js: true,
                ..esm
            }
        );
        package(r#"{"type": "module"}"#);
        assert_eq!(
            at("a.ts"),
            Syntax {
                index_js: true,
                ..esm
            }
        );
        config(
            "{\n  // comments and trailing commas, as tsc allows\n  \"compilerOptions\": { \"module\": \"NodeNext\", },\n}",
        );
        assert_eq!(
            at("a.ts"),
            Syntax {
                index_js: true,
                ..esm
            },
            "no verbatimModuleSyntax"
        );
        config(
            r#"{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler", "verbatimModuleSyntax": true } }"#,
        );
        assert_eq!(at("a.ts"), esm, "TS1202: no import = require under esnext");
        config(r#"{ "compilerOptions": { "module": "commonjs", "verbatimModuleSyntax": true } }"#);
        assert_eq!(at("a.ts"), ts_require, "commonjs even in a module package");
        config(r#"{ "compilerOptions": { "module": "preserve", "verbatimModuleSyntax": true } }"#);
        assert_eq!((at("a.ts"), at("a.cts")), (esm, ts_require));
        assert_eq!(
            at("a.js").imports,
            Imports::Esm,
            "JavaScript ignores tsconfig"
        );
    }

    #[test]
    fn tsconfig_extends_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("package.json"), "{}").unwrap();
        let base = root.join("node_modules/@tsconfig/node20");
        fs::create_dir_all(&base).unwrap();
        fs::write(base.join("package.json"), "{}").unwrap();
        fs::write(
            base.join("tsconfig.json"),
            r#"{"compilerOptions": {"module": "nodenext"}}"#,
        )
        .unwrap();
        fs::write(
            root.join("tsconfig.base.json"),
            r#"{"compilerOptions": {"verbatimModuleSyntax": true}}"#,
        )
        .unwrap();
        fs::write(
            root.join("tsconfig.json"),
            r#"{"extends": ["@tsconfig/node20", "./tsconfig.base"], "compilerOptions": {"strict": true}}"#,
        )
        .unwrap();
        let options = TsOptions::for_file(&root.join("src/a.ts")).unwrap();
        assert_eq!(options.module.as_deref(), Some("nodenext"));
        assert!(options.verbatim_module_syntax);
        assert_eq!(
            syntax_for(&root.join("src/a.ts")).unwrap().imports,
            Imports::TsRequire
        );
        // A child's option wins over what it extends; a missing base is skipped.
        fs::write(
            root.join("tsconfig.json"),
            r#"{"extends": ["./missing.json", "./tsconfig.base.json"], "compilerOptions": {"verbatimModuleSyntax": false}}"#,
        )
        .unwrap();
        assert!(
            !TsOptions::for_file(&root.join("a.ts"))
                .unwrap()
                .verbatim_module_syntax
        );
        // Extending itself ends.
        fs::write(
            root.join("tsconfig.json"),
            r#"{"extends": "./tsconfig.json"}"#,
        )
        .unwrap();
        assert!(TsOptions::for_file(&root.join("a.ts")).is_ok());
        fs::write(root.join("tsconfig.json"), "{ oops").unwrap();
        let err = TsOptions::for_file(&root.join("a.ts")).unwrap_err();
        assert!(
            format!("{err:#}").contains("tsconfig.json is not valid JSON"),
            "{err:#}"
        );
    }

    #[test]
    fn installs_use_the_lockfiles_manager_and_skip_listed_packages() {
        use crate::answers::Ui;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("web/src/supertokens.ts");
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        let install = |role: Role| install_for(&file, &Target::js(role, Syntax::TYPESCRIPT));
        let none = install(Role::Backend).unwrap();
        assert_eq!(none.manager, PackageManager::Npm);
        assert_eq!(none.folder, dir.path().join("web/src"));
        fs::write(dir.path().join("pnpm-lock.yaml"), "").unwrap();
        fs::write(
            dir.path().join("web/package.json"),
            r#"{"dependencies": {"supertokens-web-js": "^0.16", "react": "19", "react-dom": "19"}}"#,
        )
        .unwrap();
        let found = install(Role::Frontend(Ui::Prebuilt)).unwrap();
        assert_eq!(found.manager, PackageManager::Pnpm);
        assert_eq!(found.folder, dir.path().join("web"));
        assert_eq!(found.packages, vec!["supertokens-auth-react"]);
        assert_eq!(
            found.manager.add_command(&found.packages, &found.folder),
            "pnpm add supertokens-auth-react"
        );
        assert_eq!(install(Role::Frontend(Ui::Custom)), None, "already listed");
        assert_eq!(
            PackageManager::Npm.add_command(&["supertokens-node", "cors", "@types/cors"], &file),
            "npm install supertokens-node cors && npm install -D @types/cors",
            "type declarations are development dependencies"
        );
        fs::write(dir.path().join("web/yarn.lock"), "").unwrap();
        assert_eq!(
            install(Role::Backend).unwrap().manager,
            PackageManager::Yarn,
            "the nearest lockfile wins"
        );
    }

    #[test]
    fn python_and_go_installs_read_their_own_manifests() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("py/app")).unwrap();
        fs::create_dir_all(root.join("go/internal")).unwrap();
        let py = root.join("py/app/st.py");
        let go = root.join("go/internal/st.go");
        let target = |path: &Path| target_for(Role::Backend, path, None).unwrap().0;
        let install = |path: &Path| install_for(path, &target(path));
        assert_eq!(
            install(&py).map(|i| i.manager.add_command(&i.packages, &i.folder)),
            Some("pip install supertokens-python".to_owned())
        );
        fs::write(root.join("py/requirements.txt"), "flask\n").unwrap();
        fs::write(root.join("py/uv.lock"), "").unwrap();
        let found = install(&py).unwrap();
        assert_eq!(
            (found.manager, found.folder),
            (PackageManager::Uv, root.join("py"))
        );
        fs::write(
            root.join("py/requirements.txt"),
            "flask\nflask-cors\nsupertokens-python\n",
        )
        .unwrap();
        assert_eq!(install(&py), None);
        fs::write(
            root.join("go/go.mod"),
            "module x\nrequire github.com/supertokens/supertokens-golang v0.25.0\n",
        )
        .unwrap();
        assert_eq!(install(&go), None);
        let alone = root.join("alone/st.go");
        assert_eq!(
            install(&alone).map(|i| i.manager.add_command(&i.packages, &i.folder)),
            Some(
                "go mod init alone && go get github.com/supertokens/supertokens-golang".to_owned()
            ),
            "a service without a go.mod needs one first"
        );
        fs::write(root.join("go/go.mod"), "module x\n").unwrap();
        assert_eq!(
            install(&go).map(|i| (i.manager.add_command(&i.packages, &i.folder), i.folder)),
            Some((
                "go get github.com/supertokens/supertokens-golang".to_owned(),
                root.join("go")
            ))
        );
    }

    #[test]
    fn a_javascript_target_takes_its_framework_from_package_json_or_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("server.ts");
        let framework = |role, named| match target_for(role, &file, named).unwrap().0.language {
            Language::Js(_, framework) => framework,
            other => panic!("{other:?}"),
        };
        assert_eq!(framework(Role::Backend, None), JsFramework::Plain);
        let express = Some(Framework::Js(JsFramework::Express));
        assert_eq!(framework(Role::Backend, express), JsFramework::Express);
        fs::write(
            dir.path().join("package.json"),
            r#"{"dependencies":{"express":"5"}}"#,
        )
        .unwrap();
        assert_eq!(framework(Role::Backend, None), JsFramework::Express);
        let node = Some(Framework::Js(JsFramework::Plain));
        assert_eq!(
            framework(Role::Backend, node),
            JsFramework::Plain,
            "named wins"
        );
        let ui = Role::Frontend(crate::answers::Ui::Custom);
        assert_eq!(
            framework(ui, express),
            JsFramework::Plain,
            "Express wires servers only"
        );
        // A Vue app's frontend is Vue's (the hosted pre built UI); its server is not.
        fs::write(
            dir.path().join("package.json"),
            r#"{"dependencies":{"vue":"3","@angular/core":"20"}}"#,
        )
        .unwrap();
        assert_eq!(framework(ui, None), JsFramework::Vue);
        assert_eq!(framework(Role::Backend, None), JsFramework::Plain);
        let angular = Some(Framework::Js(JsFramework::Angular));
        assert_eq!(framework(ui, angular), JsFramework::Angular, "named wins");
        assert_eq!(framework(Role::Backend, angular), JsFramework::Plain);
        fs::write(
            dir.path().join("package.json"),
            r#"{"dependencies":{"vue":"3","react":"19"}}"#,
        )
        .unwrap();
        assert_eq!(
            framework(ui, None),
            JsFramework::Plain,
            "with React, the pre built UI is drawn by the app itself"
        );
    }

    #[test]
    fn the_wizard_says_why_a_framework_was_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("app")).unwrap();
        fs::write(
            root.join("package.json"),
            r#"{"dependencies":{"next":"15.5.29"}}"#,
        )
        .unwrap();
        fs::write(root.join("requirements.txt"), "flask\n").unwrap();
        let reason = |file: &str, named| {
            let path = root.join(file);
            let (target, _) = target_for(Role::Backend, &path, None).unwrap();
            framework_reason(&path, &target, named)
        };
        assert_eq!(
            reason("app/b.ts", false).as_deref(),
            Some("next 15.5.29 in package.json")
        );
        assert_eq!(
            reason("st.py", false).as_deref(),
            Some("flask in requirements.txt")
        );
        assert_eq!(
            reason("st.py", true).as_deref(),
            Some("named after the path")
        );
        fs::remove_file(root.join("requirements.txt")).unwrap();
        assert!(reason("st.py", false).unwrap().starts_with("the default"));
    }

    #[test]
    fn a_python_target_takes_its_framework_from_the_manifest_or_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("st.py");
        let chosen = |named| target_for(Role::Backend, &file, named).unwrap();
        let (target, guess) = chosen(None);
        assert_eq!(target.language, Language::Python(PythonFramework::FastApi));
        assert_eq!(guess.unwrap().listed, []);
        fs::write(dir.path().join("requirements.txt"), "Django\nfastapi\n").unwrap();
        let (_, guess) = chosen(None);
        assert_eq!(guess.unwrap().listed.len(), 2, "both listed: a guess");
        fs::write(dir.path().join("requirements.txt"), "Django\n").unwrap();
        assert_eq!(
            chosen(None),
            (
                Target {
                    role: Role::Backend,
                    language: Language::Python(PythonFramework::Django)
                },
                None
            )
        );
        let flask = Some(Framework::Python(PythonFramework::Flask));
        assert_eq!(
            chosen(flask).0.language,
            Language::Python(PythonFramework::Flask)
        );
    }
}
