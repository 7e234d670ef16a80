//! Which version of an SDK a service really installs, read from its lockfile (or its
//! pins), for the rules that depend on it: olderCookieDomain exists only from
//! supertokens-node 17.1.0, supertokens-python 0.20.0 and supertokens-golang 0.19.0 (each
//! SDK's CHANGELOG; node's 17.0.7 backport, released later, does not have it, so versions
//! are compared, never dates).

use std::path::{Path, PathBuf};

/// An installed version and the file that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    pub version: String,
    pub from: PathBuf,
}

/// The first version of each backend SDK whose Session.init takes olderCookieDomain.
pub fn older_cookie_domain_since(sdk: &str) -> Option<&'static str> {
    match sdk {
        "supertokens-node" => Some("17.1.0"),
        "supertokens-python" => Some("0.20.0"),
        "supertokens-golang" => Some("0.19.0"),
        _ => None,
    }
}

/// Reads a package's installed version out of one lockfile format.
type ReadLock = fn(&str, &str) -> Option<String>;

/// The version of `sdk` installed for the file at `path` (relative to `root`): the
/// nearest lockfile above it that names the package, up to `root`.
pub fn installed(root: &Path, path: &Path, sdk: &str) -> Option<Installed> {
    let readers: &[(&str, ReadLock)] = match sdk {
        "supertokens-python" => &[
            ("uv.lock", toml_lock),
            ("poetry.lock", toml_lock),
            ("requirements.txt", requirements),
        ],
        "supertokens-golang" => &[("go.mod", go_mod)],
        _ => &[
            ("package-lock.json", package_lock),
            ("pnpm-lock.yaml", pnpm_lock),
            ("yarn.lock", yarn_lock),
        ],
    };
    let package = match sdk {
        "supertokens-golang" => "github.com/supertokens/supertokens-golang",
        other => other,
    };
    let mut folder = path.parent();
    while let Some(here) = folder {
        for (file, read) in readers {
            let lockfile = here.join(file);
            if let Ok(text) = std::fs::read_to_string(root.join(&lockfile))
                && let Some(version) = read(&text, package)
            {
                return Some(Installed {
                    version,
                    from: lockfile,
                });
            }
        }
        folder = here.parent();
    }
    None
}

/// Whether `version` comes before `than`, by their first three numbers.
pub fn older(version: &str, than: &str) -> bool {
    fn numbers(version: &str) -> [u64; 3] {
        let mut out = [0; 3];
        for (slot, part) in out
            .iter_mut()
            .zip(version.trim_start_matches('v').split('.'))
        {
            let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
            *slot = digits.parse().unwrap_or(0);
        }
        out
    }
    numbers(version) < numbers(than)
}

/// package-lock.json v2/v3 (`packages["node_modules/NAME"]`) or v1 (`dependencies`).
fn package_lock(text: &str, name: &str) -> Option<String> {
    let json: serde_json::Value = serde_json::from_str(text).ok()?;
    let version = json
        .get("packages")
        .and_then(|p| p.get(format!("node_modules/{name}")))
        .or_else(|| json.get("dependencies").and_then(|d| d.get(name)))?
        .get("version")?
        .as_str()?;
    Some(version.to_owned())
}

/// pnpm-lock.yaml: `NAME@1.2.3:` (v9), `/NAME@1.2.3:` (v6), `/NAME/1.2.3:` (v5), each
/// possibly with a peer suffix `(react@18.2.0)`.
fn pnpm_lock(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let key = line
            .trim()
            .trim_start_matches('/')
            .trim_matches(['\'', '"']);
        let rest = key
            .strip_prefix(name)?
            .strip_prefix(['@', '/'])?
            .trim_end_matches(':')
            .trim_matches(['\'', '"']);
        let version = rest.split('(').next()?;
        version
            .starts_with(|c: char| c.is_ascii_digit())
            .then(|| version.to_owned())
    })
}

/// yarn.lock, classic (`NAME@^1.0.0:` then `  version "1.2.3"`) or berry (`"NAME@npm:^1.0.0":`
/// then `  version: 1.2.3`).
fn yarn_lock(text: &str, name: &str) -> Option<String> {
    let mut in_entry = false;
    for line in text.lines() {
        if !line.starts_with(' ') {
            in_entry = line.split(',').any(|spec| {
                spec.trim()
                    .trim_matches('"')
                    .starts_with(&format!("{name}@"))
            });
        } else if in_entry && let Some(version) = line.trim().strip_prefix("version") {
            return Some(
                version
                    .trim_start_matches(':')
                    .trim()
                    .trim_matches('"')
                    .to_owned(),
            );
        }
    }
    None
}

/// uv.lock and poetry.lock: `[[package]]` tables with `name` and `version`.
fn toml_lock(text: &str, name: &str) -> Option<String> {
    let lock: toml::Table = toml::from_str(text).ok()?;
    lock.get("package")?.as_array()?.iter().find_map(|package| {
        let table = package.as_table()?;
        (normalised(table.get("name")?.as_str()?) == normalised(name))
            .then(|| table.get("version")?.as_str().map(str::to_owned))?
    })
}

/// requirements.txt: `NAME==1.2.3` (a pin; a range says nothing of what is installed).
fn requirements(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let line = line.split('#').next()?.trim();
        let (package, version) = line.split_once("==")?;
        let package = package.split('[').next()?.trim();
        (normalised(package) == normalised(name)).then(|| version.trim().to_owned())
    })
}

/// go.mod's `require` of the module (the version the build selects).
fn go_mod(text: &str, module: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let line = line.trim().trim_start_matches("require").trim();
        let version = line.strip_prefix(module)?.split_whitespace().next()?;
        Some(version.trim_start_matches('v').to_owned())
    })
}

/// PyPI names compare with `-`, `_` and `.` alike, case-insensitively.
fn normalised(name: &str) -> String {
    name.to_ascii_lowercase().replace(['_', '.'], "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_lockfile_format_gives_the_installed_version() {
        let lock = r#"{"lockfileVersion": 3, "packages": {"": {}, "node_modules/supertokens-node": {"version": "17.0.7"}}}"#;
        assert_eq!(
            package_lock(lock, "supertokens-node").as_deref(),
            Some("17.0.7")
        );
        let v1 = r#"{"lockfileVersion": 1, "dependencies": {"supertokens-node": {"version": "16.7.1"}}}"#;
        assert_eq!(
            package_lock(v1, "supertokens-node").as_deref(),
            Some("16.7.1")
        );
        let pnpm9 = "packages:\n\n  supertokens-node@17.1.2:\n    resolution: {integrity: x}\n";
        assert_eq!(
            pnpm_lock(pnpm9, "supertokens-node").as_deref(),
            Some("17.1.2")
        );
        let pnpm6 =
            "packages:\n  /supertokens-auth-react@0.49.1(react-dom@18.2.0)(react@18.2.0):\n";
        assert_eq!(
            pnpm_lock(pnpm6, "supertokens-auth-react").as_deref(),
            Some("0.49.1")
        );
        assert_eq!(
            pnpm_lock(pnpm9, "supertokens"),
            None,
            "a prefix of another name"
        );
        let classic = "supertokens-node@^17.0.0:\n  version \"17.0.4\"\n  resolved \"x\"\n";
        assert_eq!(
            yarn_lock(classic, "supertokens-node").as_deref(),
            Some("17.0.4")
        );
        let berry = "\"supertokens-node@npm:^17.0.0\":\n  version: 17.2.0\n";
        assert_eq!(
            yarn_lock(berry, "supertokens-node").as_deref(),
            Some("17.2.0")
        );
        let uv =
            "version = 1\n\n[[package]]\nname = \"supertokens-python\"\nversion = \"0.19.0\"\n";
        assert_eq!(
            toml_lock(uv, "supertokens-python").as_deref(),
            Some("0.19.0")
        );
        let pins = "fastapi==0.110.0\nSupertokens_Python[fastapi] == 0.20.2  # auth\n";
        assert_eq!(
            requirements(pins, "supertokens-python").as_deref(),
            Some("0.20.2")
        );
        assert_eq!(
            requirements("supertokens-python>=0.19\n", "supertokens-python"),
            None
        );
        let go = "module x\n\nrequire (\n\tgithub.com/supertokens/supertokens-golang v0.18.0\n)\n";
        let module = "github.com/supertokens/supertokens-golang";
        assert_eq!(go_mod(go, module).as_deref(), Some("0.18.0"));
    }

    #[test]
    fn versions_compare_by_number() {
        assert!(older("17.0.7", "17.1.0"));
        assert!(!older("17.1.0", "17.1.0"));
        assert!(!older("24.0.3", "17.1.0"));
        assert!(older("0.19.9", "0.20.0"));
        assert!(!older("v0.25.1", "0.19.0"));
        assert!(older("0.9.0", "0.19.0"), "numbers, not text");
    }
}
