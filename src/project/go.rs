//! What a Go module says about a file in it: its package (the package clause every file in a
//! folder must share) and the router the module requires.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::target::GoFramework;

/// The nearest go.mod above a file, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoModule {
    pub folder: Option<PathBuf>,
    /// The module paths of its `require` directives.
    pub requires: Vec<String>,
}

impl GoModule {
    pub fn nearest(start: &Path) -> Result<GoModule> {
        let Some(go_mod) = super::nearest(start, "go.mod") else {
            return Ok(GoModule::default());
        };
        let text = fs::read_to_string(&go_mod)
            .with_context(|| format!("cannot read {}", go_mod.display()))?;
        Ok(GoModule {
            folder: go_mod.parent().map(Path::to_owned),
            requires: requires(&text),
        })
    }

    pub fn requires(&self, module: &str) -> bool {
        self.requires
            .iter()
            .any(|r| r == module || r.strip_prefix(module).is_some_and(|v| v.starts_with("/v")))
    }

    /// The router the module requires, net/http when none (chi and the standard library
    /// share `http.Handler`).
    pub fn framework(&self) -> GoFramework {
        [
            ("github.com/gin-gonic/gin", GoFramework::Gin),
            ("github.com/labstack/echo", GoFramework::Echo),
            ("github.com/go-chi/chi", GoFramework::Chi),
        ]
        .into_iter()
        .find(|(module, _)| self.requires(module))
        .map_or(GoFramework::NetHttp, |(_, framework)| framework)
    }
}

/// The module paths a go.mod requires directly, from `require x v1` and `require ( … )`
/// blocks; `// indirect` ones are some dependency's, not the service's.
fn requires(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        let (code, comment) = line.split_once("//").unwrap_or((line, ""));
        let code = code.trim();
        let direct = comment.trim() != "indirect";
        let module = if in_block {
            in_block = code != ")";
            code.split_whitespace().next().filter(|_| in_block)
        } else if let Some(rest) = code.strip_prefix("require") {
            in_block = rest.trim() == "(";
            rest.split_whitespace().next().filter(|_| !in_block)
        } else {
            None
        };
        out.extend(module.filter(|_| direct).map(str::to_owned));
    }
    out
}

/// The package a new Go file at `path` (its real path) belongs to: the package clause of
/// the other Go files in its folder; without any, `main` at a module's root (or without a
/// go.mod) and the folder's name (made an identifier) below it.
pub fn package_for(path: &Path, module: &GoModule) -> String {
    let folder = path.parent().unwrap_or(Path::new("."));
    let own = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let siblings = super::files_in(folder, |name| {
        name.ends_with(".go") && !name.ends_with("_test.go") && name != own
    });
    if let Some(package) = siblings.iter().find_map(|file| {
        fs::read_to_string(file)
            .ok()
            .and_then(|text| package_clause(&text))
    }) {
        return package;
    }
    let name: String = folder
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase();
    let usable = name.starts_with(|c: char| c.is_ascii_lowercase()) && !is_keyword(&name);
    // A service without a go.mod is a module of its own to be (`go mod init`): its root.
    let at_root = module.folder.is_none() || module.folder.as_deref() == Some(folder);
    if at_root || !usable {
        "main".to_owned()
    } else {
        name
    }
}

/// The package a Go file declares, read with a Go parser; `None` for a file that is not
/// built with the others (`//go:build ignore`, as generators are) or has no clause.
fn package_clause(text: &str) -> Option<String> {
    use crate::readback::tree::{nodes, text as text_of};
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&tree_sitter_go::LANGUAGE.into()).ok()?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let tree = parser.parse(text, None)?;
    let root = tree.root_node();
    let mut cursor = root.walk();
    for node in root.children(&mut cursor) {
        match node.kind() {
            "comment" => {
                let comment = text_of(node, text);
                if comment.starts_with("//go:build") && comment.contains("ignore") {
                    return None;
                }
            }
            "package_clause" => {
                return nodes(node)
                    .find(|n| n.kind() == "package_identifier")
                    .map(|n| text_of(n, text).to_owned());
            }
            _ => return None,
        }
    }
    None
}

fn is_keyword(name: &str) -> bool {
    const KEYWORDS: [&str; 25] = [
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    ];
    KEYWORDS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_mod_requires_are_read() {
        let text = "module example.com/x\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n\
                    require (\n\tgithub.com/gin-gonic/gin v1.10.0 // indirect\n\tgolang.org/x/net v0.1.0\n)\n";
        let module = GoModule {
            folder: None,
            requires: requires(text),
        };
        assert_eq!(
            module.requires,
            ["github.com/go-chi/chi/v5", "golang.org/x/net"],
            "an indirect requirement is not the service's router"
        );
        assert!(module.requires("github.com/go-chi/chi"));
        assert_eq!(module.framework(), GoFramework::Chi);
    }

    #[test]
    fn the_package_follows_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("internal/auth-2")).unwrap();
        fs::create_dir_all(root.join("cmd/api")).unwrap();
        fs::write(root.join("go.mod"), "module example.com/x\n").unwrap();
        fs::write(
            root.join("cmd/api/main.go"),
            "\u{FEFF}// Command api.\n/* block\npackage nope */\npackage main // the binary\n",
        )
        .unwrap();
        fs::create_dir_all(root.join("lib")).unwrap();
        fs::write(
            root.join("lib/a_gen.go"),
            "//go:build ignore\n\npackage main\n",
        )
        .unwrap();
        fs::write(root.join("lib/lib.go"), "/* c */ package lib\n").unwrap();
        let module = GoModule::nearest(root).unwrap();
        assert_eq!(package_for(&root.join("st.go"), &module), "main");
        assert_eq!(package_for(&root.join("cmd/api/st.go"), &module), "main");
        assert_eq!(package_for(&root.join("lib/st.go"), &module), "lib");
        assert_eq!(
            package_for(&root.join("internal/auth-2/st.go"), &module),
            "auth2"
        );
        fs::create_dir_all(root.join("internal/type")).unwrap();
        assert_eq!(
            package_for(&root.join("internal/type/st.go"), &module),
            "main"
        );
    }
}
