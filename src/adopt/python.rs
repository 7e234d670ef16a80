//! Taking over a Python init file: `init(…)` passes `app_info=ST_APP_INFO`,
//! `framework=ST_FRAMEWORK`, `mode=ST_MODE` and `SupertokensConfig(connection_uri=
//! ST_CONNECTION_URI)`, and `session.init(…)` both `ST_*` domains, as `check` requires;
//! an empty block goes after the module's imports. Everything else is kept byte for byte.

use tree_sitter::Node;

use super::Edit;
use crate::readback::python::{MANAGED, Names, keyword};
use crate::readback::tree::{nodes, parse, text};

/// `InputAppInfo`'s keywords st-setup's `ST_APP_INFO` holds.
const APP_INFO: [&str; 5] = [
    "app_name",
    "api_domain",
    "website_domain",
    "api_base_path",
    "website_base_path",
];

/// The rewritten text of `source`, whose framework is `framework` served as `mode`
/// (`init(framework=…, mode=…)`).
pub fn prepare(source: &str, framework: &str, mode: &str) -> Result<String, String> {
    let tree = parse(source, tree_sitter_python::LANGUAGE.into())
        .map_err(|e| format!("it does not parse ({e})"))?;
    let root = tree.root_node();
    for node in nodes(root).filter(|n| n.kind() == "identifier") {
        if MANAGED.contains(&text(node, source)) {
            return Err(format!(
                "it uses the name {}, which st-setup's block assigns",
                text(node, source)
            ));
        }
    }
    let names = Names::bound_in(root, source);
    let callee = |call: Node| {
        call.child_by_field_name("function")
            .map_or("", |f| text(f, source))
    };
    let calls = |names: &[String]| {
        nodes(root)
            .filter(|n| n.kind() == "call" && names.iter().any(|name| name == callee(*n)))
            .collect::<Vec<_>>()
    };
    let inits = calls(&names.init);
    let sessions = calls(&names.session_init);
    let [init] = inits.as_slice() else {
        return Err(format!(
            "it has {} supertokens_python init calls; st-setup takes over a file with one",
            inits.len()
        ));
    };
    if sessions.is_empty() {
        return Err("its init has no session.init in the file".to_owned());
    }
    let mut edits = Vec::new();
    let line = |node: Node| node.start_position().row + 1;
    // init's own keywords.
    for (key, expected, why) in [
        ("framework", framework, "its project's manifests say"),
        ("mode", mode, "st-setup serves that framework as"),
    ] {
        match keyword(*init, source, key) {
            Some(value) if text(value, source).trim_matches(['"', '\'']) != expected => {
                return Err(format!(
                    "its init says {key}={} (line {}), and {why} {expected}",
                    text(value, source),
                    line(value)
                ));
            }
            _ => {}
        }
    }
    // What ST_APP_INFO does not hold would be lost.
    if let Some(app_info) = keyword(*init, source, "app_info") {
        let app_info = assigned(root, source, app_info).unwrap_or(app_info);
        if app_info.kind() == "call"
            && let Some(arguments) = app_info.child_by_field_name("arguments")
        {
            let mut cursor = arguments.walk();
            let extra: Vec<&str> = arguments
                .named_children(&mut cursor)
                .filter(|a| a.kind() != "comment")
                .filter(|a| {
                    a.kind() != "keyword_argument"
                        || a.child_by_field_name("name")
                            .is_none_or(|n| !APP_INFO.contains(&text(n, source)))
                })
                .map(|a| text(a, source))
                .collect();
            if !extra.is_empty() {
                return Err(format!(
                    "its InputAppInfo (line {}) also passes {}, which st-setup's ST_APP_INFO does not hold",
                    line(app_info),
                    extra.join(", ")
                ));
            }
        }
    }
    for (key, name) in [
        ("app_info", "ST_APP_INFO"),
        ("framework", "ST_FRAMEWORK"),
        ("mode", "ST_MODE"),
    ] {
        set_keyword(*init, source, key, name, &mut edits)?;
    }
    let Some(config) = keyword(*init, source, "supertokens_config") else {
        return Err(format!(
            "its init (line {}) has no supertokens_config=SupertokensConfig(connection_uri=…)",
            line(*init)
        ));
    };
    if config.kind() != "call" {
        return Err(format!(
            "its supertokens_config (line {}) is not a SupertokensConfig(…) written in the call",
            line(config)
        ));
    }
    set_keyword(
        config,
        source,
        "connection_uri",
        "ST_CONNECTION_URI",
        &mut edits,
    )?;
    for session in &sessions {
        let arguments = session
            .child_by_field_name("arguments")
            .ok_or("a session.init without arguments")?;
        let mut cursor = arguments.walk();
        if arguments
            .named_children(&mut cursor)
            .any(|a| !matches!(a.kind(), "keyword_argument" | "comment"))
        {
            return Err(format!(
                "its session.init (line {}) takes arguments that are not written as keywords (positional ones changed meaning in supertokens-python 0.20; **options may set the cookie domain after st-setup's); write each as a keyword",
                line(*session)
            ));
        }
        set_keyword(
            *session,
            source,
            "cookie_domain",
            "ST_COOKIE_DOMAIN",
            &mut edits,
        )?;
        set_keyword(
            *session,
            source,
            "older_cookie_domain",
            "ST_OLDER_COOKIE_DOMAIN",
            &mut edits,
        )?;
    }
    // The block, after the module's imports; InputAppInfo named as the block names it.
    // After the imports that open the module (its docstring and comments aside): one
    // further down may come after the init that reads the block (Flask's circular import).
    let mut cursor = root.walk();
    let after_imports = root
        .named_children(&mut cursor)
        .take_while(|n| {
            matches!(
                n.kind(),
                "import_statement"
                    | "import_from_statement"
                    | "future_import_statement"
                    | "comment"
            ) || (n.kind() == "expression_statement"
                && n.named_child(0).is_some_and(|s| s.kind() == "string"))
        })
        .filter(|n| n.kind() != "comment")
        .map(|n| n.end_byte())
        .max()
        .map_or(0, |end| {
            source[end..]
                .find('\n')
                .map_or(source.len(), |i| end + i + 1)
        });
    let imports_input_app_info = nodes(root).any(|n| {
        n.kind() == "import_from_statement"
            && n.child_by_field_name("module_name")
                .is_some_and(|m| text(m, source) == "supertokens_python")
            && {
                let mut c = n.walk();
                n.children_by_field_name("name", &mut c)
                    .any(|name| text(name, source) == "InputAppInfo")
            }
    });
    let import = if imports_input_app_info {
        ""
    } else {
        "from supertokens_python import InputAppInfo\n"
    };
    let separator = if after_imports == 0 { "" } else { "\n" };
    edits.push(Edit {
        start: after_imports,
        end: after_imports,
        text: format!("{separator}{import}# st-setup:begin backend\n# st-setup:end\n"),
    });
    super::apply(source, edits)
}

/// What the module-level name `node` is assigned (one hop), if it is a name.
fn assigned<'t>(root: Node<'t>, source: &str, node: Node<'t>) -> Option<Node<'t>> {
    if node.kind() != "identifier" {
        return None;
    }
    let name = text(node, source);
    let mut cursor = root.walk();
    root.named_children(&mut cursor)
        .filter(|n| n.kind() == "expression_statement")
        .filter_map(|n| n.named_child(0))
        .filter(|n| n.kind() == "assignment")
        .filter(|n| {
            n.child_by_field_name("left")
                .is_some_and(|l| text(l, source) == name)
        })
        .filter_map(|n| n.child_by_field_name("right"))
        .last()
}

/// `call`'s keyword `key` becomes `name`: its value replaced, or the keyword added last.
fn set_keyword(
    call: Node,
    source: &str,
    key: &str,
    name: &str,
    edits: &mut Vec<Edit>,
) -> Result<(), String> {
    if let Some(value) = keyword(call, source, key) {
        edits.push(Edit {
            start: value.start_byte(),
            end: value.end_byte(),
            text: name.to_owned(),
        });
        return Ok(());
    }
    let arguments = call
        .child_by_field_name("arguments")
        .ok_or_else(|| "a call without arguments".to_owned())?;
    let mut cursor = arguments.walk();
    let last = arguments
        .named_children(&mut cursor)
        .filter(|a| a.kind() != "comment")
        .last();
    let edit = match last {
        // After the last argument (a trailing comma stays after the new one).
        Some(last) => Edit {
            start: last.end_byte(),
            end: last.end_byte(),
            text: format!(", {key}={name}"),
        },
        None => {
            let close = arguments.end_byte() - 1;
            Edit {
                start: close,
                end: close,
                text: format!("{key}={name}"),
            }
        }
    };
    // Two keywords added after one argument go in the order they were asked for.
    if let Some(previous) = edits
        .iter_mut()
        .find(|e| e.start == edit.start && e.end == edit.end && e.start == e.end)
    {
        let joiner = if edit.text.starts_with(", ") {
            ""
        } else {
            ", "
        };
        previous.text.push_str(joiner);
        previous.text.push_str(&edit.text);
        return Ok(());
    }
    edits.push(edit);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_and_session_read_the_block_and_the_rest_is_kept() {
        let source = r#"from fastapi import FastAPI
from supertokens_python import init, InputAppInfo, SupertokensConfig
from supertokens_python.recipe import session, emailpassword

init(
    app_info=InputAppInfo(app_name="A", api_domain="https://api.example.com", website_domain="https://example.com"),
    supertokens_config=SupertokensConfig(connection_uri="http://localhost:3567", api_key="k"),
    framework="fastapi",
    recipe_list=[emailpassword.init(), session.init(cookie_domain=".example.com", expose_access_token_to_frontend_in_cookie_based_auth=True)],
)
app = FastAPI()
"#;
        let out = prepare(source, "fastapi", "asgi").unwrap();
        assert!(out.contains("from supertokens_python.recipe import session, emailpassword\n\n# st-setup:begin backend\n# st-setup:end\n\ninit("), "{out}");
        assert!(out.contains("    app_info=ST_APP_INFO,\n"), "{out}");
        assert!(
            out.contains("SupertokensConfig(connection_uri=ST_CONNECTION_URI, api_key=\"k\")"),
            "{out}"
        );
        assert!(out.contains("    framework=ST_FRAMEWORK,\n"), "{out}");
        assert!(out.contains("session.init(cookie_domain=ST_COOKIE_DOMAIN, expose_access_token_to_frontend_in_cookie_based_auth=True, older_cookie_domain=ST_OLDER_COOKIE_DOMAIN)"), "{out}");
        assert!(
            out.contains("recipe_list=[emailpassword.init(), session.init("),
            "{out}"
        );
        assert!(
            out.contains(", mode=ST_MODE,\n)\napp = FastAPI()\n"),
            "{out}"
        );
    }

    #[test]
    fn what_cannot_be_taken_over_is_named() {
        let positional = "from supertokens_python import init\nfrom supertokens_python.recipe import session\ninit(app_info=1, supertokens_config=SupertokensConfig(connection_uri='x'), recipe_list=[session.init('.a.com')])\n";
        assert!(
            prepare(positional, "fastapi", "asgi")
                .unwrap_err()
                .contains("positional")
        );
        let other = "from supertokens_python import init\nfrom supertokens_python.recipe import session\ninit(framework='flask', recipe_list=[session.init()])\n";
        assert!(
            prepare(other, "fastapi", "asgi")
                .unwrap_err()
                .contains("framework='flask'")
        );
        let gateway = "from supertokens_python import init, InputAppInfo\nfrom supertokens_python.recipe import session\nAPP = InputAppInfo(app_name='a', api_gateway_path='/dev')\ninit(app_info=APP, recipe_list=[session.init()])\n";
        assert!(
            prepare(gateway, "fastapi", "asgi")
                .unwrap_err()
                .contains("api_gateway_path='/dev'")
        );
        let wsgi = "from supertokens_python import init\nfrom supertokens_python.recipe import session\ninit(mode='wsgi', recipe_list=[session.init()])\n";
        assert!(
            prepare(wsgi, "fastapi", "asgi")
                .unwrap_err()
                .contains("mode='wsgi'")
        );
        let taken = "ST_MODE = 1\nfrom supertokens_python import init\n";
        assert!(
            prepare(taken, "fastapi", "asgi")
                .unwrap_err()
                .contains("ST_MODE")
        );
    }
}
