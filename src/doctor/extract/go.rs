//! Go: `supertokens.Init(supertokens.TypeInput{AppInfo: supertokens.AppInfo{…}, …})` and
//! `session.Init(&sessmodels.TypeInput{CookieDomain: &cookieDomain})`, the packages found
//! by their import path under any name (`readback::go::imported_as`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use tree_sitter::Node;

use super::{Found, InitCall, Location, Value, tree_value};
use crate::readback::go::imported_as;
use crate::readback::tree::{line, nodes, parse_lenient, text};
use crate::target::Side;

const SDK: &str = "github.com/supertokens/supertokens-golang/supertokens";
const SESSION: &str = "github.com/supertokens/supertokens-golang/recipe/session";

const APP_INFO: [(&str, &str); 5] = [
    ("AppName", "appName"),
    ("APIDomain", "apiDomain"),
    ("WebsiteDomain", "websiteDomain"),
    ("APIBasePath", "apiBasePath"),
    ("WebsiteBasePath", "websiteBasePath"),
];

const SESSION_KEYS: [(&str, &str); 3] = [
    ("CookieDomain", "cookieDomain"),
    ("OlderCookieDomain", "olderCookieDomain"),
    ("GetTokenTransferMethod", "getTokenTransferMethod"),
];

pub fn init_calls(source: &str) -> Vec<InitCall> {
    // A file with a syntax error still has its calls read where the tree has them.
    let Some(tree) = parse_lenient(source, tree_sitter_go::LANGUAGE.into()) else {
        return Vec::new();
    };
    let root = tree.root_node();
    let Some((sdk, _)) = imported_as(root, source, SDK) else {
        return Vec::new();
    };
    let session = imported_as(root, source, SESSION).map(|(name, _)| name);
    let variables = Variables::of(root, source);
    let calls_of = |package: &str| {
        let callee = format!("{package}.Init");
        nodes(root)
            .filter(|n| n.kind() == "call_expression")
            .filter(move |call| {
                call.child_by_field_name("function")
                    .is_some_and(|f| text(f, source) == callee)
            })
            .collect::<Vec<_>>()
    };
    let mut session_values = BTreeMap::new();
    for call in session.as_deref().map(calls_of).unwrap_or_default() {
        if let Some(input) = first_argument(call).map(|a| variables.resolve(a)) {
            session_values.extend(variables.read(input, &SESSION_KEYS));
        }
    }
    calls_of(&sdk)
        .into_iter()
        .map(|call| {
            let mut values = BTreeMap::new();
            let input = first_argument(call).map(|a| variables.resolve(a));
            if let Some(app_info) = input.and_then(|i| field(i, source, "AppInfo")) {
                let resolved = variables.resolve(app_info);
                if resolved.kind() == "composite_literal" {
                    values.extend(variables.read(resolved, &APP_INFO));
                } else {
                    let text = text(app_info, source);
                    for key in ["apiDomain", "websiteDomain"] {
                        values.insert(
                            key,
                            Found::on_line(
                                Value::dynamic(&format!("{text}.{key}")),
                                line(app_info),
                            ),
                        );
                    }
                }
            }
            values.extend(session_values.clone());
            InitCall {
                at: Location {
                    path: PathBuf::new(),
                    line: line(call),
                },
                sdk: "supertokens-golang",
                side: Side::Backend,
                managed: false,
                values,
                installed: None,
                config_read: true,
            }
        })
        .collect()
}

fn first_argument(call: Node<'_>) -> Option<Node<'_>> {
    call.child_by_field_name("arguments")?.named_child(0)
}

/// The value of `Key:` in the composite literal `literal` (its own elements only).
pub(crate) fn field<'t>(literal: Node<'t>, source: &str, key: &str) -> Option<Node<'t>> {
    let body = literal.child_by_field_name("body")?;
    let mut cursor = body.walk();
    let found = body
        .named_children(&mut cursor)
        .filter(|n| n.kind() == "keyed_element")
        .find(|element| {
            element
                .named_child(0)
                .is_some_and(|k| text(k, source) == key)
        })?;
    let value = found.named_child(1)?;
    // tree-sitter-go wraps each side of a keyed element in a literal_element.
    Some(if value.kind() == "literal_element" {
        value.named_child(0).unwrap_or(value)
    } else {
        value
    })
}

/// Every `name := value`, `var name = value` and `const name = value` in the file, for one
/// hop from a name (or its address, `&name`) to its value.
struct Variables<'t, 's> {
    source: &'s str,
    assigned: Vec<(&'s str, Node<'t>)>,
}

impl<'t, 's> Variables<'t, 's> {
    fn of(root: Node<'t>, source: &'s str) -> Self {
        let mut assigned = Vec::new();
        for node in nodes(root) {
            let (left, right) = match node.kind() {
                "short_var_declaration" | "assignment_statement" => (
                    node.child_by_field_name("left"),
                    node.child_by_field_name("right"),
                ),
                "var_spec" | "const_spec" => (
                    node.child_by_field_name("name"),
                    node.child_by_field_name("value"),
                ),
                _ => continue,
            };
            let (Some(left), Some(right)) = (left, right) else {
                continue;
            };
            let left = if left.kind() == "expression_list" {
                left.named_child(0)
            } else {
                Some(left)
            };
            let right = if right.kind() == "expression_list" {
                right.named_child(0)
            } else {
                Some(right)
            };
            if let (Some(left), Some(right)) = (left, right) {
                assigned.push((text(left, source), right));
            }
        }
        Variables { source, assigned }
    }

    /// What `&x`, `x` or `&T{…}` stands for, one hop; any other node itself.
    fn resolve(&self, node: Node<'t>) -> Node<'t> {
        let node = match node.kind() {
            "unary_expression" if text(node, self.source).starts_with('&') => {
                node.child_by_field_name("operand").unwrap_or(node)
            }
            _ => node,
        };
        if node.kind() == "identifier" {
            let name = text(node, self.source);
            if let Some((_, value)) = self.assigned.iter().rev().find(|(n, _)| *n == name) {
                return *value;
            }
        }
        node
    }

    fn read(&self, literal: Node<'t>, keys: &[(&str, &'static str)]) -> Vec<(&'static str, Found)> {
        keys.iter()
            .filter_map(|(go, node)| {
                let value = field(literal, self.source, go)?;
                let found = tree_value(value, self.resolve(value), self.source, "nil", string)?;
                Some((*node, found))
            })
            .collect()
    }
}

/// The text of a Go string literal without escapes.
fn string(node: Node<'_>, source: &str) -> Option<String> {
    let text = text(node, source);
    match node.kind() {
        "raw_string_literal" => text.strip_prefix('`')?.strip_suffix('`').map(str::to_owned),
        "interpreted_string_literal" if !text.contains('\\') => {
            text.strip_prefix('"')?.strip_suffix('"').map(str::to_owned)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_and_session_values_are_read_through_pointers() {
        let source = r#"package main

import (
	"os"

	st "github.com/supertokens/supertokens-golang/supertokens"
	"github.com/supertokens/supertokens-golang/recipe/session"
	"github.com/supertokens/supertokens-golang/recipe/session/sessmodels"
)

func main() {
	cookieDomain := ".example.com"
	apiBasePath := "/auth"
	err := st.Init(st.TypeInput{
		AppInfo: st.AppInfo{
			AppName:       "Shop",
			APIDomain:     "https://api.example.com",
			WebsiteDomain: os.Getenv("WEBSITE"),
			APIBasePath:   &apiBasePath,
		},
		RecipeList: []st.Recipe{session.Init(&sessmodels.TypeInput{CookieDomain: &cookieDomain})},
	})
	_ = err
}
"#;
        let calls = init_calls(source);
        assert_eq!(calls.len(), 1);
        let call = &calls[0];
        assert_eq!((call.sdk, call.at.line), ("supertokens-golang", 14));
        assert_eq!(call.literal("apiDomain"), Some("https://api.example.com"));
        assert_eq!(call.literal("apiBasePath"), Some("/auth"));
        assert_eq!(call.literal("cookieDomain"), Some(".example.com"));
        assert_eq!(call.values["cookieDomain"].at.line, 21);
        assert_eq!(
            call.values["websiteDomain"].value,
            Value::dynamic("os.Getenv(\"WEBSITE\")")
        );
    }

    #[test]
    fn a_package_named_supertokens_of_someone_else_is_not_the_sdk() {
        let source = "package main\n\nimport \"example.com/supertokens\"\n\nfunc main() { supertokens.Init(supertokens.TypeInput{}) }\n";
        assert!(init_calls(source).is_empty());
    }
}
