//! Python: supertokens-python's `init(app_info=InputAppInfo(…), recipe_list=[session.init(…)])`,
//! the names bound the way `check` binds them (`readback::python::Names`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use tree_sitter::Node;

use super::{Found, InitCall, Location, Value, tree_value};
use crate::readback::python::{Names, keyword};
use crate::readback::tree::{line, nodes, parse_lenient, text};
use crate::target::Side;

/// `InputAppInfo`'s keyword arguments, with the Node SDK's names for them.
const APP_INFO: [(&str, &str); 5] = [
    ("app_name", "appName"),
    ("api_domain", "apiDomain"),
    ("website_domain", "websiteDomain"),
    ("api_base_path", "apiBasePath"),
    ("website_base_path", "websiteBasePath"),
];

const SESSION: [(&str, &str); 3] = [
    ("cookie_domain", "cookieDomain"),
    ("older_cookie_domain", "olderCookieDomain"),
    ("get_token_transfer_method", "getTokenTransferMethod"),
];

pub fn init_calls(source: &str) -> Vec<InitCall> {
    // A file with a syntax error still has its calls read where the tree has them.
    let Some(tree) = parse_lenient(source, tree_sitter_python::LANGUAGE.into()) else {
        return Vec::new();
    };
    let root = tree.root_node();
    let names = Names::bound_in(root, source);
    if names.init.is_empty() {
        return Vec::new();
    }
    let constants = Constants::of(root, source);
    let callee = |call: Node| {
        call.child_by_field_name("function")
            .map(|f| text(f, source))
            .unwrap_or("")
    };
    let mut session = BTreeMap::new();
    for call in nodes(root).filter(|n| n.kind() == "call") {
        if names.session_init.iter().any(|n| n == callee(call)) {
            session.extend(constants.read(call, &SESSION));
        }
    }
    nodes(root)
        .filter(|n| n.kind() == "call" && names.init.iter().any(|name| name == callee(*n)))
        .map(|call| {
            let mut values = BTreeMap::new();
            if let Some(app_info) = keyword(call, source, "app_info") {
                let app_info = constants.resolve(app_info);
                if app_info.kind() == "call" {
                    values.extend(constants.read(app_info, &APP_INFO));
                } else {
                    let source = text(app_info, source);
                    for key in ["apiDomain", "websiteDomain"] {
                        values.insert(
                            key,
                            Found::on_line(
                                Value::dynamic(&format!("{source}.{key}")),
                                line(app_info),
                            ),
                        );
                    }
                }
            }
            if let Some(config) = keyword(call, source, "supertokens_config") {
                let config = constants.resolve(config);
                if config.kind() == "call" {
                    values.extend(constants.read(config, &[("connection_uri", "connectionURI")]));
                }
            }
            values.extend(session.clone());
            InitCall {
                at: Location {
                    path: PathBuf::new(),
                    line: line(call),
                },
                sdk: "supertokens-python",
                side: Side::Backend,
                managed: false,
                values,
                installed: None,
                config_read: true,
            }
        })
        .collect()
}

/// The module's `NAME = value` assignments, for one hop from a name to its value.
struct Constants<'t, 's> {
    source: &'s str,
    assigned: Vec<(&'s str, Node<'t>)>,
}

impl<'t, 's> Constants<'t, 's> {
    fn of(root: Node<'t>, source: &'s str) -> Self {
        let mut cursor = root.walk();
        let assigned = root
            .named_children(&mut cursor)
            .filter(|n| n.kind() == "expression_statement")
            .filter_map(|statement| statement.named_child(0))
            .filter(|n| n.kind() == "assignment")
            .filter_map(|assignment| {
                let left = assignment.child_by_field_name("left")?;
                let right = assignment.child_by_field_name("right")?;
                (left.kind() == "identifier").then(|| (text(left, source), right))
            })
            .collect();
        Constants { source, assigned }
    }

    /// What a name stands for, one hop; any other node itself.
    fn resolve(&self, node: Node<'t>) -> Node<'t> {
        if node.kind() == "identifier" {
            let name = text(node, self.source);
            if let Some((_, value)) = self.assigned.iter().rev().find(|(n, _)| *n == name) {
                return *value;
            }
        }
        node
    }

    /// The keyword arguments of `call` in `keys`, under the Node SDK's names.
    fn read(&self, call: Node<'t>, keys: &[(&str, &'static str)]) -> Vec<(&'static str, Found)> {
        keys.iter()
            .filter_map(|(python, node)| {
                let value = keyword(call, self.source, python)?;
                let found = tree_value(value, self.resolve(value), self.source, "none", string)?;
                Some((*node, found))
            })
            .collect()
    }
}

/// The text of a plain string literal (no f-string substitutions, no concatenation).
fn string(node: Node<'_>, source: &str) -> Option<String> {
    if node.kind() != "string" {
        return None;
    }
    let mut cursor = node.walk();
    let mut out = String::new();
    for part in node.named_children(&mut cursor) {
        match part.kind() {
            "string_start" | "string_end" => {}
            "string_content" => out.push_str(text(part, source)),
            // An escape is rare in a domain; rather than guess, it is not a literal here.
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_and_session_values_are_read_with_one_hop_through_names() {
        let source = r#"import os
from supertokens_python import init as st_init, InputAppInfo
from supertokens_python.recipe import session

COOKIE_DOMAIN = ".example.com"
APP_INFO = InputAppInfo(
    app_name="Shop",
    api_domain="https://api.example.com",
    website_domain=os.environ["WEBSITE"],
)

st_init(app_info=APP_INFO, framework="fastapi", recipe_list=[session.init(cookie_domain=COOKIE_DOMAIN)])
"#;
        let calls = init_calls(source);
        assert_eq!(calls.len(), 1);
        let call = &calls[0];
        assert_eq!((call.sdk, call.at.line), ("supertokens-python", 12));
        assert_eq!(call.literal("apiDomain"), Some("https://api.example.com"));
        assert_eq!(call.values["apiDomain"].at.line, 8);
        assert_eq!(call.literal("cookieDomain"), Some(".example.com"));
        assert_eq!(
            call.values["websiteDomain"].value,
            Value::dynamic("os.environ[\"WEBSITE\"]")
        );
    }

    #[test]
    fn an_init_of_something_else_is_not_one() {
        assert!(init_calls("from mylib import init\ninit(app_info=1)\n").is_empty());
        assert!(init_calls("def (:\n").is_empty());
    }
}
