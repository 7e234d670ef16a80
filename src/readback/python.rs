//! Python files, read with tree-sitter: the managed block assigns `ST_*` names, and the
//! calls of supertokens-python's `init` and the session recipe's `init` must pass them on.

use tree_sitter::Node;

use super::Unread;
use super::tree::{line, nodes, parse, text};

/// The keyword arguments that must read the block, by the call they belong to.
const INIT_READS: [(&str, &str); 3] = [
    ("app_info", "ST_APP_INFO"),
    ("framework", "ST_FRAMEWORK"),
    ("mode", "ST_MODE"),
];
const CONFIG_READS: [(&str, &str); 1] = [("connection_uri", "ST_CONNECTION_URI")];
const SESSION_READS: [(&str, &str); 2] = [
    ("cookie_domain", "ST_COOKIE_DOMAIN"),
    ("older_cookie_domain", "ST_OLDER_COOKIE_DOMAIN"),
];

/// Header mode's, where the block has it.
const TRANSFER_READS: [(&str, &str); 1] =
    [("get_token_transfer_method", "ST_GET_TOKEN_TRANSFER_METHOD")];

pub fn unread_values(source: &str) -> Result<Vec<Unread>, String> {
    let tree = parse(source, tree_sitter_python::LANGUAGE.into())?;
    let root = tree.root_node();
    let names = Names::bound_in(root, source);
    // Files from before recipes were a choice have no ST_RECIPES to pass on, and an empty
    // list makes no difference either way.
    let block_recipes = nodes(root).any(|n| {
        n.kind() == "assignment"
            && at_module_level(n)
            && n.child_by_field_name("left")
                .is_some_and(|l| text(l, source) == "ST_RECIPES")
            && n.child_by_field_name("right").is_some_and(|list| {
                let mut cursor = list.walk();
                list.kind() != "list"
                    || list
                        .named_children(&mut cursor)
                        .any(|item| item.kind() != "comment")
            })
    });
    // Only a header-mode block has ST_GET_TOKEN_TRANSFER_METHOD; then session.init must
    // pass it on.
    let block_transfer = nodes(root).any(|n| {
        n.kind() == "assignment"
            && at_module_level(n)
            && n.child_by_field_name("left")
                .is_some_and(|l| text(l, source) == TRANSFER_READS[0].1)
    });
    let mut unread = Vec::new();
    let (mut inits, mut sessions) = (0, 0);
    for call in nodes(root).filter(|n| n.kind() == "call") {
        let Some(function) = call.child_by_field_name("function") else {
            continue;
        };
        let function = text(function, source);
        if names.init.iter().any(|n| n == function) {
            inits += 1;
            unread.extend(missing(call, source, &INIT_READS, "init"));
            if block_recipes && !passes_recipes(call, source) {
                unread.push(Unread {
                    line: line(call),
                    message: "init's recipe_list does not include *ST_RECIPES, so the sign-in recipes st-setup manages never reach the SDK; add *ST_RECIPES to the list".to_owned(),
                });
            }
            let config = keyword(call, source, "supertokens_config");
            let reads_uri =
                config.is_some_and(|c| missing(c, source, &CONFIG_READS, "").is_empty());
            if !reads_uri {
                unread.push(Unread {
                    line: line(call),
                    message: "init does not pass supertokens_config=SupertokensConfig(connection_uri=ST_CONNECTION_URI), so the core's URL in st-setup's block never reaches the SDK".to_owned(),
                });
            }
        } else if names.session_init.iter().any(|n| n == function) {
            sessions += 1;
            unread.extend(missing(call, source, &SESSION_READS, "session.init"));
            if block_transfer {
                unread.extend(missing(call, source, &TRANSFER_READS, "session.init"));
            }
        }
    }
    unread.extend(Unread::if_none(inits, "no supertokens_python init call is left, so st-setup's values never reach the SDK; call init(app_info=ST_APP_INFO, …)"));
    unread.extend(Unread::if_none(sessions, "no session.init call (supertokens_python.recipe.session) is left, so the session options st-setup manages never reach the SDK; add session.init(cookie_domain=ST_COOKIE_DOMAIN, older_cookie_domain=ST_OLDER_COOKIE_DOMAIN) to recipe_list"));
    unread.extend(reassigned(root, source));
    Ok(unread)
}

/// Every module the file imports, anywhere: `import a.b` is `a.b`, `from a.b import c`
/// is `a.b.c` (a module or a name in it: both bind `c`).
pub fn imports(source: &str) -> Result<Vec<super::Import>, String> {
    let tree = parse(source, tree_sitter_python::LANGUAGE.into())?;
    let mut out = Vec::new();
    for statement in nodes(tree.root_node()) {
        let module = match statement.kind() {
            "import_statement" => None,
            "import_from_statement" => statement
                .child_by_field_name("module_name")
                .map(|m| text(m, source)),
            _ => continue,
        };
        let mut cursor = statement.walk();
        for imported in statement.children_by_field_name("name", &mut cursor) {
            let (name, _) = aliased(imported, source);
            out.push(super::Import {
                module: match module {
                    Some(module) => format!("{module}.{name}"),
                    None => name.to_owned(),
                },
                line: line(statement),
            });
        }
    }
    Ok(out)
}

/// Whether `init`'s `recipe_list` unpacks the block's recipes: `[*ST_RECIPES, …]`, or
/// `ST_RECIPES + […]`.
fn passes_recipes(call: Node<'_>, source: &str) -> bool {
    let Some(list) = keyword(call, source, "recipe_list") else {
        return false;
    };
    let mut cursor = list.walk();
    match list.kind() {
        "list" => list.named_children(&mut cursor).any(|item| {
            item.kind() == "list_splat"
                && item
                    .named_child(0)
                    .is_some_and(|n| text(n, source) == "ST_RECIPES")
        }),
        "binary_operator" => list
            .child_by_field_name("left")
            .is_some_and(|n| text(n, source) == "ST_RECIPES"),
        _ => text(list, source) == "ST_RECIPES",
    }
}

/// The keyword arguments of `call` in `reads` that do not pass the block's name.
fn missing(call: Node<'_>, source: &str, reads: &[(&str, &str)], what: &str) -> Vec<Unread> {
    reads
        .iter()
        .filter(|(key, name)| keyword(call, source, key).map(|v| text(v, source)) != Some(*name))
        .map(|(key, name)| Unread {
            line: line(call),
            message: format!(
                "{what} does not pass {key}={name}, so the value in st-setup's block never reaches the SDK"
            ),
        })
        .collect()
}

/// The value of `call`'s keyword argument `key`.
pub(crate) fn keyword<'t>(call: Node<'t>, source: &str, key: &str) -> Option<Node<'t>> {
    let arguments = call.child_by_field_name("arguments")?;
    let mut cursor = arguments.walk();
    let found = arguments
        .named_children(&mut cursor)
        .filter(|a| a.kind() == "keyword_argument")
        .find(|a| {
            a.child_by_field_name("name")
                .is_some_and(|n| text(n, source) == key)
        })?;
    found.child_by_field_name("value")
}

/// A block name assigned again at module level after the block wins over st-setup's value
/// (a local variable of the same name in a function is another variable).
fn reassigned(root: Node<'_>, source: &str) -> Vec<Unread> {
    let block_end = source
        .lines()
        .position(|l| l.trim_end() == "# st-setup:end")
        .unwrap_or(0);
    nodes(root)
        .filter(|n| matches!(n.kind(), "assignment" | "augmented_assignment"))
        .filter(|n| n.start_position().row > block_end && at_module_level(*n))
        .filter_map(|assignment| {
            let name = text(assignment.child_by_field_name("left")?, source);
            let name = MANAGED.iter().find(|m| **m == name)?;
            Some(Unread {
                line: line(assignment),
                message: format!(
                    "{name} is assigned again after st-setup's block, so the SDK gets that value instead of st-setup's"
                ),
            })
        })
        .collect()
}

/// The names st-setup's Python block assigns.
pub(crate) const MANAGED: [&str; 8] = [
    "ST_RECIPES",
    "ST_GET_TOKEN_TRANSFER_METHOD",
    "ST_FRAMEWORK",
    "ST_MODE",
    "ST_CONNECTION_URI",
    "ST_APP_INFO",
    "ST_COOKIE_DOMAIN",
    "ST_OLDER_COOKIE_DOMAIN",
];

/// Whether `node` runs in the module's own scope: not inside a function or a class.
fn at_module_level(node: Node<'_>) -> bool {
    std::iter::successors(node.parent(), Node::parent)
        .all(|n| !matches!(n.kind(), "function_definition" | "class_definition"))
}

/// What the file calls supertokens-python's `init` and the session recipe's `init`.
pub(crate) struct Names {
    pub init: Vec<String>,
    pub session_init: Vec<String>,
}

impl Names {
    pub fn bound_in(root: Node<'_>, source: &str) -> Names {
        let mut names = Names {
            init: Vec::new(),
            session_init: Vec::new(),
        };
        // Imports anywhere count: under `try:`, or in a function that runs init (Django's
        // `AppConfig.ready`).
        for statement in nodes(root) {
            match statement.kind() {
                "import_from_statement" => {
                    let module = statement
                        .child_by_field_name("module_name")
                        .map_or("", |m| text(m, source));
                    let mut c = statement.walk();
                    for imported in statement.children_by_field_name("name", &mut c) {
                        let (name, alias) = aliased(imported, source);
                        match (module, name) {
                            ("supertokens_python", "init") => names.init.push(alias),
                            ("supertokens_python.recipe", "session") => {
                                names.session_init.push(format!("{alias}.init"));
                            }
                            ("supertokens_python.recipe.session", "init") => {
                                names.session_init.push(alias);
                            }
                            _ => {}
                        }
                    }
                }
                "import_statement" => {
                    let mut c = statement.walk();
                    for imported in statement.children_by_field_name("name", &mut c) {
                        let (name, alias) = aliased(imported, source);
                        match name {
                            "supertokens_python" => names.init.push(format!("{alias}.init")),
                            "supertokens_python.recipe.session" => {
                                names.session_init.push(format!("{alias}.init"));
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        names
    }
}

/// `name` or `name as alias`: the imported name and what the file calls it.
fn aliased<'s>(node: Node<'_>, source: &'s str) -> (&'s str, String) {
    if node.kind() == "aliased_import" {
        let name = node
            .child_by_field_name("name")
            .map_or("", |n| text(n, source));
        let alias = node
            .child_by_field_name("alias")
            .map_or("", |n| text(n, source));
        (name, alias.to_owned())
    } else {
        let name = text(node, source);
        (name, name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"from supertokens_python import InputAppInfo, SupertokensConfig, init
from supertokens_python.recipe import session

# st-setup:begin backend
ST_FRAMEWORK = "fastapi"
ST_MODE = "asgi"
ST_CONNECTION_URI = "http://localhost:3567"
ST_APP_INFO = InputAppInfo(app_name="A", api_domain="https://a.b", website_domain="https://b")
ST_COOKIE_DOMAIN = ".b"
ST_OLDER_COOKIE_DOMAIN = None
# st-setup:end

init(
    app_info=ST_APP_INFO,
    supertokens_config=SupertokensConfig(connection_uri=ST_CONNECTION_URI),
    framework=ST_FRAMEWORK,
    mode=ST_MODE,
    recipe_list=[session.init(cookie_domain=ST_COOKIE_DOMAIN, older_cookie_domain=ST_OLDER_COOKIE_DOMAIN)],
)
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
            "ST_OLDER_COOKIE_DOMAIN = None\n",
            "ST_OLDER_COOKIE_DOMAIN = None\nST_RECIPES = [emailpassword.init()]\n",
        );
        let found = unread(&with);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("14: init's recipe_list does not include *ST_RECIPES"),
            "{found:?}"
        );
        let splat = with.replace("recipe_list=[", "recipe_list=[*ST_RECIPES, ");
        assert_eq!(unread(&splat), Vec::<String>::new());
        let added = with.replace("recipe_list=[", "recipe_list=ST_RECIPES + [");
        assert_eq!(unread(&added), Vec::<String>::new());
        let later = format!("{splat}ST_RECIPES = []\n");
        assert!(unread(&later)[0].contains("ST_RECIPES is assigned again"));
        let none = GOOD.replace(
            "ST_OLDER_COOKIE_DOMAIN = None\n",
            "ST_OLDER_COOKIE_DOMAIN = None\nST_RECIPES = []\n",
        );
        assert_eq!(unread(&none), Vec::<String>::new());
    }

    #[test]
    fn the_generated_shape_reads_every_value() {
        assert_eq!(unread(GOOD), Vec::<String>::new());
        let aliased = GOOD
            .replace(
                "SupertokensConfig, init\n",
                "SupertokensConfig, init as st_init\n",
            )
            .replace("\ninit(", "\nst_init(")
            .replace(
                "from supertokens_python.recipe import session\n",
                "import supertokens_python.recipe.session as s\n",
            )
            .replace("session.init(", "s.init(");
        assert_eq!(unread(&aliased), Vec::<String>::new());
        let guarded = GOOD.replace(
            "from supertokens_python import InputAppInfo, SupertokensConfig, init\n",
            "try:\n    from supertokens_python import InputAppInfo, SupertokensConfig, init\nexcept ImportError:\n    raise\n",
        );
        assert_eq!(unread(&guarded), Vec::<String>::new());
    }

    #[test]
    fn an_edited_call_is_named_with_its_line() {
        let edited = GOOD.replace(
            "cookie_domain=ST_COOKIE_DOMAIN,",
            "cookie_domain=\".x.com\",",
        );
        assert_eq!(
            unread(&edited),
            [
                "18: session.init does not pass cookie_domain=ST_COOKIE_DOMAIN, so the value in st-setup's block never reaches the SDK"
            ]
        );
        let no_uri = GOOD.replace(
            "connection_uri=ST_CONNECTION_URI",
            "connection_uri=\"http://x\"",
        );
        assert!(
            unread(&no_uri)[0]
                .contains("supertokens_config=SupertokensConfig(connection_uri=ST_CONNECTION_URI)")
        );
        let gone = GOOD.replace("session.init(", "other.init(");
        assert!(unread(&gone)[0].starts_with("0: no session.init call"));
        let again = format!("{GOOD}ST_COOKIE_DOMAIN = \".evil.com\"\n");
        assert!(unread(&again)[0].starts_with("20: ST_COOKIE_DOMAIN is assigned again"));
        let local = format!("{GOOD}def helper():\n    ST_COOKIE_DOMAIN = \"x\"\n");
        assert_eq!(
            unread(&local),
            Vec::<String>::new(),
            "a local is another variable"
        );
        let fixed = GOOD.replace("framework=ST_FRAMEWORK,", "framework=\"flask\",");
        assert!(unread(&fixed)[0].contains("does not pass framework=ST_FRAMEWORK"));
    }

    #[test]
    fn a_broken_file_cannot_be_judged() {
        let err = unread_values("x = (\n\ninit(").unwrap_err();
        assert!(err.starts_with("line "), "{err}");
    }
}
