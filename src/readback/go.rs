//! Go files, read with tree-sitter: the managed block declares `st*` variables, and the
//! calls of `supertokens.Init` and `session.Init` must pass them on.

use tree_sitter::Node;

use super::Unread;
use super::tree::{line, nodes, parse, text};

const SUPERTOKENS: &str = "github.com/supertokens/supertokens-golang/supertokens";
const SESSION: &str = "github.com/supertokens/supertokens-golang/recipe/session";
const SESSMODELS: &str = "github.com/supertokens/supertokens-golang/recipe/session/sessmodels";
const MANAGED: [&str; 8] = [
    "stRecipes",
    "stConnectionURI",
    "stAPIBasePath",
    "stWebsiteBasePath",
    "stAppInfo",
    "stCookieDomain",
    "stOlderCookieDomain",
    "stSession",
];

pub fn unread_values(source: &str) -> Result<Vec<Unread>, String> {
    let tree = parse(source, tree_sitter_go::LANGUAGE.into())?;
    let root = tree.root_node();
    let mut unread = Vec::new();
    // The block names the SDK's packages by their own names (supertokens.AppInfo,
    // sessmodels.TypeInput), so the file must import them under those names.
    for path in [SUPERTOKENS, SESSION, SESSMODELS] {
        let own = path.rsplit('/').next().unwrap_or(path);
        if let Some((name, spec)) = imported_as(root, source, path).filter(|(name, _)| name != own)
        {
            unread.push(at(
                spec,
                &format!(
                    "imports {path} as {name}; st-setup's block refers to it as {own}, so import it under its own name"
                ),
            ));
        }
    }
    // Files from before recipes were a choice have no stRecipes to pass on, and an empty
    // list makes no difference either way.
    let block_recipes = nodes(root).any(|n| {
        n.kind() == "var_spec"
            && !inside_function(n)
            && n.child_by_field_name("name")
                .is_some_and(|name| text(name, source) == "stRecipes")
            && n.child_by_field_name("value").is_some_and(|value| {
                nodes(value).any(|v| v.kind() == "literal_element" || v.kind() == "element")
            })
    });
    let (mut inits, mut sessions) = (0, 0);
    for call in nodes(root).filter(|n| n.kind() == "call_expression") {
        let Some(function) = call.child_by_field_name("function") else {
            continue;
        };
        let argument = call
            .child_by_field_name("arguments")
            .and_then(|a| a.named_child(0));
        match text(function, source) {
            "supertokens.Init" => {
                inits += 1;
                let reads = |key: &str, name: &str| {
                    argument.is_some_and(|a| keyed(a, source).any(|(k, v)| k == key && v == name))
                };
                if !reads("AppInfo", "stAppInfo") {
                    unread.push(at(call, "supertokens.Init does not pass AppInfo: stAppInfo, so the app info in st-setup's block never reaches the SDK"));
                }
                let passes_recipes = argument.is_some_and(|a| {
                    nodes(a).any(|n| {
                        n.kind() == "keyed_element"
                            && n.named_child(0)
                                .is_some_and(|k| text(k, source) == "RecipeList")
                            && n.named_child(1).is_some_and(|v| {
                                nodes(v).any(|i| {
                                    i.kind() == "identifier" && text(i, source) == "stRecipes"
                                })
                            })
                    })
                });
                if block_recipes && !passes_recipes {
                    unread.push(at(call, "supertokens.Init's RecipeList does not use stRecipes, so the sign-in recipes st-setup manages never reach the SDK; pass RecipeList: append(stRecipes, session.Init(&stSession))"));
                }
                if !reads("ConnectionURI", "stConnectionURI") {
                    unread.push(at(call, "supertokens.Init does not pass Supertokens: &supertokens.ConnectionInfo{ConnectionURI: stConnectionURI}, so the core's URL in st-setup's block never reaches the SDK"));
                }
            }
            "session.Init" => {
                sessions += 1;
                if argument.map(|a| text(a, source)) != Some("&stSession") {
                    unread.push(at(call, "session.Init does not pass &stSession, so the session options in st-setup's block never reach the SDK"));
                }
            }
            _ => {}
        }
    }
    unread.extend(Unread::if_none(inits, "no supertokens.Init call is left, so st-setup's values never reach the SDK; call supertokens.Init with AppInfo: stAppInfo"));
    unread.extend(Unread::if_none(sessions, "no session.Init call (supertokens-golang/recipe/session) is left, so the session options st-setup manages never reach the SDK; add session.Init(&stSession) to RecipeList"));
    unread.extend(overridden(root, source));
    Ok(unread)
}

/// Package variables cannot be declared twice, but they can be assigned anywhere, and a
/// function can declare its own variable of the same name that hides st-setup's.
fn overridden(root: Node<'_>, source: &str) -> Vec<Unread> {
    let mut out = Vec::new();
    let managed = |text: &str| {
        let root_name = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        MANAGED.iter().find(|m| **m == root_name).copied()
    };
    for node in nodes(root) {
        let (left, what) = match node.kind() {
            "assignment_statement" | "inc_statement" | "dec_statement" => (
                node.child_by_field_name("left")
                    .or_else(|| node.named_child(0)),
                "is assigned outside st-setup's block, so the SDK may get that value instead of st-setup's",
            ),
            "short_var_declaration" => (
                node.child_by_field_name("left"),
                "is declared again inside a function, which hides st-setup's value there",
            ),
            "var_spec" if inside_function(node) => (
                node.child_by_field_name("name"),
                "is declared again inside a function, which hides st-setup's value there",
            ),
            _ => continue,
        };
        let Some(left) = left else { continue };
        let mut cursor = left.walk();
        let names: Vec<Node<'_>> = if left.kind() == "expression_list" {
            left.named_children(&mut cursor).collect()
        } else {
            vec![left]
        };
        for name in names.into_iter().filter_map(|n| managed(text(n, source))) {
            out.push(at(node, &format!("{name} {what}")));
        }
    }
    out
}

fn inside_function(node: Node<'_>) -> bool {
    std::iter::successors(node.parent(), Node::parent).any(|n| {
        matches!(
            n.kind(),
            "function_declaration" | "method_declaration" | "func_literal"
        )
    })
}

fn at(node: Node<'_>, message: &str) -> Unread {
    Unread {
        line: line(node),
        message: message.to_owned(),
    }
}

/// The name a file gives the package at `path`, with its import spec; `None` when it does
/// not import it.
pub(crate) fn imported_as<'t>(
    root: Node<'t>,
    source: &str,
    path: &str,
) -> Option<(String, Node<'t>)> {
    let quoted = format!("\"{path}\"");
    nodes(root)
        .filter(|n| n.kind() == "import_spec")
        .find(|spec| {
            spec.child_by_field_name("path")
                .is_some_and(|p| text(p, source) == quoted)
        })
        .map(|spec| {
            let name = match spec.child_by_field_name("name") {
                Some(name) => text(name, source).to_owned(),
                None => path.rsplit('/').next().unwrap_or(path).to_owned(),
            };
            (name, spec)
        })
}

/// Every package the file imports, by path.
pub fn imports(source: &str) -> Result<Vec<super::Import>, String> {
    let tree = parse(source, tree_sitter_go::LANGUAGE.into())?;
    Ok(nodes(tree.root_node())
        .filter(|n| n.kind() == "import_spec")
        .filter_map(|spec| {
            let path = text(spec.child_by_field_name("path")?, source);
            Some(super::Import {
                module: path.trim_matches('"').to_owned(),
                line: line(spec),
            })
        })
        .collect())
}

/// Every `Key: value` in a composite literal under `node`, at any depth, as text.
fn keyed<'s>(node: Node<'_>, source: &'s str) -> impl Iterator<Item = (&'s str, &'s str)> {
    nodes(node)
        .filter(|n| n.kind() == "keyed_element")
        .filter_map(move |element| {
            let key = element.named_child(0)?;
            let value = element.named_child(1)?;
            Some((text(key, source), text(value, source)))
        })
        .collect::<Vec<_>>()
        .into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"package main

import (
	"github.com/supertokens/supertokens-golang/recipe/session"
	"github.com/supertokens/supertokens-golang/recipe/session/sessmodels"
	"github.com/supertokens/supertokens-golang/supertokens"
)

// st-setup:begin backend
var stConnectionURI = "http://localhost:3567"

var stAppInfo = supertokens.AppInfo{AppName: "A"}

var stSession = sessmodels.TypeInput{}
// st-setup:end

func init() {
	err := supertokens.Init(supertokens.TypeInput{
		Supertokens: &supertokens.ConnectionInfo{
			ConnectionURI: stConnectionURI,
		},
		AppInfo: stAppInfo,
		RecipeList: []supertokens.Recipe{
			session.Init(&stSession),
		},
	})
	if err != nil {
		panic(err)
	}
}
"#;

    fn unread(text: &str) -> Vec<String> {
        unread_values(text)
            .unwrap()
            .into_iter()
            .map(|u| format!("{}: {}", u.line, u.message))
            .collect()
    }

    #[test]
    fn a_block_with_recipes_must_reach_the_recipe_list() {
        let with = GOOD.replace(
            "var stSession = sessmodels.TypeInput{}\n",
            "var stSession = sessmodels.TypeInput{}\n\nvar stRecipes = []supertokens.Recipe{emailpassword.Init(nil)}\n",
        );
        let found = unread(&with);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("RecipeList does not use stRecipes"),
            "{found:?}"
        );
        let appended = with.replace(
            "RecipeList: []supertokens.Recipe{\n\t\t\tsession.Init(&stSession),\n\t\t},",
            "RecipeList: append(stRecipes, session.Init(&stSession)),",
        );
        assert_ne!(appended, with);
        assert_eq!(unread(&appended), Vec::<String>::new());
        let none = GOOD.replace(
            "var stSession = sessmodels.TypeInput{}\n",
            "var stSession = sessmodels.TypeInput{}\n\nvar stRecipes = []supertokens.Recipe{}\n",
        );
        assert_eq!(unread(&none), Vec::<String>::new());
    }

    #[test]
    fn the_generated_shape_reads_every_value() {
        assert_eq!(unread(GOOD), Vec::<String>::new());
        // The block says supertokens.AppInfo: an alias would not compile.
        let aliased = GOOD.replace(
            "\t\"github.com/supertokens/supertokens-golang/supertokens\"",
            "\tst \"github.com/supertokens/supertokens-golang/supertokens\"",
        );
        assert!(
            unread(&aliased)[0].contains("as st; st-setup's block refers to it as supertokens")
        );
        let shadowed = GOOD.replace(
            "\terr := supertokens.Init(",
            "\tstAppInfo := supertokens.AppInfo{}\n\terr := supertokens.Init(",
        );
        assert!(
            unread(&shadowed)[0].contains("stAppInfo is declared again inside a function"),
            "{:?}",
            unread(&shadowed)
        );
    }

    #[test]
    fn an_edited_call_is_named_with_its_line() {
        let edited = GOOD.replace("session.Init(&stSession)", "session.Init(nil)");
        assert_eq!(
            unread(&edited),
            [
                "24: session.Init does not pass &stSession, so the session options in st-setup's block never reach the SDK"
            ]
        );
        let no_app = GOOD.replace("AppInfo: stAppInfo,", "AppInfo: supertokens.AppInfo{},");
        assert!(unread(&no_app)[0].starts_with("18: supertokens.Init does not pass AppInfo"));
        let assigned = GOOD.replace(
            "\tif err != nil {",
            "\tstSession.CookieDomain = nil\n\tif err != nil {",
        );
        assert!(unread(&assigned)[0].contains("stSession is assigned outside"));
        let gone = GOOD.replace("supertokens.Init(", "other.Init(");
        assert!(unread(&gone)[0].starts_with("0: no supertokens.Init call"));
    }

    #[test]
    fn a_broken_file_cannot_be_judged() {
        assert!(
            unread_values("package main\nfunc {")
                .unwrap_err()
                .starts_with("line ")
        );
    }
}
