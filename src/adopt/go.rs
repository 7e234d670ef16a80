//! Taking over a Go init file: `supertokens.Init` passes `AppInfo: stAppInfo` and
//! `ConnectionURI: stConnectionURI`, and `session.Init(&stSession)`, as `check` requires;
//! an empty block goes after the imports. Local variables only those values used are
//! removed (Go refuses unused ones); everything else is kept byte for byte.

use tree_sitter::Node;

use super::Edit;
use crate::doctor::extract::go::field;
use crate::readback::go::imported_as;
use crate::readback::tree::{nodes, parse, text};

const SUPERTOKENS: &str = "github.com/supertokens/supertokens-golang/supertokens";
const SESSION: &str = "github.com/supertokens/supertokens-golang/recipe/session";
const SESSMODELS: &str = "github.com/supertokens/supertokens-golang/recipe/session/sessmodels";

/// The session options st-setup's `stSession` holds: a call with others cannot read it.
const SESSION_FIELDS: [&str; 2] = ["CookieDomain", "OlderCookieDomain"];

pub fn prepare(source: &str) -> Result<String, String> {
    let tree = parse(source, tree_sitter_go::LANGUAGE.into())
        .map_err(|e| format!("it does not parse ({e})"))?;
    let root = tree.root_node();
    if let Some(taken) = nodes(root)
        .filter(|n| n.kind() == "identifier")
        .map(|n| text(n, source))
        .find(|name| {
            name.starts_with("st") && name[2..].starts_with(|c: char| c.is_ascii_uppercase())
        })
    {
        return Err(format!(
            "it uses the name {taken}, and st-setup's block names its values st…"
        ));
    }
    for path in [SUPERTOKENS, SESSION, SESSMODELS] {
        let own = path.rsplit('/').next().unwrap_or(path);
        if let Some((name, _)) = imported_as(root, source, path).filter(|(name, _)| name != own) {
            return Err(format!(
                "it imports {path} as {name}; st-setup's block names it {own}, so import it under its own name"
            ));
        }
    }
    let calls = |callee: &str| {
        nodes(root)
            .filter(|n| n.kind() == "call_expression")
            .filter(|n| {
                n.child_by_field_name("function")
                    .is_some_and(|f| text(f, source) == callee)
            })
            .collect::<Vec<_>>()
    };
    let inits = calls("supertokens.Init");
    let sessions = calls("session.Init");
    let [init] = inits.as_slice() else {
        return Err(format!(
            "it has {} supertokens.Init calls; st-setup takes over a file with one",
            inits.len()
        ));
    };
    if sessions.is_empty() {
        return Err("its Init has no session.Init in the file".to_owned());
    }
    let line = |node: Node| node.start_position().row + 1;
    let mut edits = Vec::new();
    let replace = |node: Node, text: &str, edits: &mut Vec<Edit>| {
        edits.push(Edit {
            start: node.start_byte(),
            end: node.end_byte(),
            text: text.to_owned(),
        });
    };
    let input = first_argument(*init)
        .filter(|a| a.kind() == "composite_literal")
        .ok_or_else(|| {
            format!(
                "its supertokens.Init (line {}) does not take a supertokens.TypeInput{{…}} written in the call",
                line(*init)
            )
        })?;
    let app_info = field(input, source, "AppInfo")
        .ok_or_else(|| format!("its supertokens.Init (line {}) has no AppInfo", line(*init)))?;
    // What stAppInfo does not hold would be lost.
    let written = if app_info.kind() == "identifier" {
        declared(root, source, text(app_info, source)).map(|(_, value)| value)
    } else {
        Some(app_info)
    };
    if let Some(body) = written
        .filter(|w| w.kind() == "composite_literal")
        .and_then(|w| w.child_by_field_name("body"))
    {
        let mut cursor = body.walk();
        let extra: Vec<&str> = body
            .named_children(&mut cursor)
            .filter(|e| e.kind() != "comment")
            .filter(|e| {
                e.named_child(0)
                    .is_none_or(|k| !APP_INFO.contains(&text(k, source)))
            })
            .map(|e| text(e, source))
            .collect();
        if !extra.is_empty() {
            return Err(format!(
                "its AppInfo (line {}) also sets {}, which st-setup's stAppInfo does not hold",
                line(app_info),
                extra.join(", ")
            ));
        }
    }
    replace(app_info, "stAppInfo", &mut edits);
    let core = field(input, source, "Supertokens")
        .map(|c| address_of(c).unwrap_or(c))
        .filter(|c| c.kind() == "composite_literal")
        .and_then(|c| field(c, source, "ConnectionURI"))
        .ok_or_else(|| {
            format!(
                "its supertokens.Init (line {}) has no Supertokens: &supertokens.ConnectionInfo{{ConnectionURI: …}} written in the call",
                line(*init)
            )
        })?;
    replace(core, "stConnectionURI", &mut edits);
    for session in &sessions {
        let argument = first_argument(*session).ok_or("a session.Init without its argument")?;
        if text(argument, source) != "nil" {
            let options = address_of(argument)
                .filter(|o| o.kind() == "composite_literal")
                .ok_or_else(|| {
                    format!(
                        "its session.Init (line {}) takes options not written in the call",
                        line(*session)
                    )
                })?;
            let body = options.child_by_field_name("body").ok_or("no body")?;
            let mut cursor = body.walk();
            for element in body.named_children(&mut cursor) {
                let key = element.named_child(0).map_or("", |k| text(k, source));
                if element.kind() != "keyed_element" || !SESSION_FIELDS.contains(&key) {
                    return Err(format!(
                        "its session.Init (line {}) sets {} too, which st-setup's stSession cannot hold; move it out of the call first",
                        line(element),
                        text(element, source)
                    ));
                }
            }
        }
        replace(argument, "&stSession", &mut edits);
    }
    // Locals only the replaced values used would be unused now, which Go refuses.
    let replaced: Vec<(usize, usize)> = edits.iter().map(|e| (e.start, e.end)).collect();
    let inside = |node: Node| {
        replaced
            .iter()
            .any(|(s, e)| node.start_byte() >= *s && node.end_byte() <= *e)
    };
    let locals = nodes(root).filter_map(|n| match n.kind() {
        "short_var_declaration" => {
            let left = n.child_by_field_name("left")?;
            (left.named_child_count() == 1).then_some((n, left))
        }
        // `var x = …` in a function, alone in its declaration.
        "var_declaration" if n.named_child_count() == 1 => {
            let spec = n.named_child(0)?;
            let name = spec.child_by_field_name("name")?;
            (spec.kind() == "var_spec" && inside_function(n)).then_some((n, name))
        }
        _ => None,
    });
    for (declaration, left) in locals {
        let name = text(left, source);
        let uses_left = nodes(root).any(|n| {
            n.kind() == "identifier"
                && text(n, source) == name
                && !inside(n)
                && n.start_byte() != left.start_byte()
        });
        let was_used =
            nodes(root).any(|n| n.kind() == "identifier" && text(n, source) == name && inside(n));
        if was_used && !uses_left {
            let start = source[..declaration.start_byte()]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let end = source[declaration.end_byte()..]
                .find('\n')
                .map_or(source.len(), |i| declaration.end_byte() + i + 1);
            let alone = source[start..declaration.start_byte()].trim().is_empty();
            let (start, end) = if alone {
                (start, end)
            } else {
                (declaration.start_byte(), declaration.end_byte())
            };
            edits.push(Edit {
                start,
                end,
                text: String::new(),
            });
        }
    }
    // The block (after the imports), and sessmodels for it.
    let imports: Vec<Node> = nodes(root)
        .filter(|n| n.kind() == "import_declaration")
        .collect();
    let after_imports = imports
        .iter()
        .map(|n| n.end_byte())
        .max()
        .map(|end| {
            source[end..]
                .find('\n')
                .map_or(source.len(), |i| end + i + 1)
        })
        .ok_or("it imports nothing")?;
    let mut block = String::new();
    if imported_as(root, source, SESSMODELS).is_none() {
        block.push_str(&format!("\nimport \"{SESSMODELS}\"\n"));
    }
    block.push_str("\n// st-setup:begin backend\n// st-setup:end\n");
    edits.push(Edit {
        start: after_imports,
        end: after_imports,
        text: block,
    });
    super::apply(source, edits)
}

/// `AppInfo`'s fields st-setup's `stAppInfo` holds.
const APP_INFO: [&str; 5] = [
    "AppName",
    "APIDomain",
    "WebsiteDomain",
    "APIBasePath",
    "WebsiteBasePath",
];

/// The declaration of `name` in the file (`name := …` or `var name = …`) and its value.
fn declared<'t>(root: Node<'t>, source: &str, name: &str) -> Option<(Node<'t>, Node<'t>)> {
    nodes(root).find_map(|n| {
        let (left, right) = match n.kind() {
            "short_var_declaration" => (
                n.child_by_field_name("left")?,
                n.child_by_field_name("right")?,
            ),
            "var_spec" => (
                n.child_by_field_name("name")?,
                n.child_by_field_name("value")?,
            ),
            _ => return None,
        };
        (text(left, source) == name).then(|| (n, right.named_child(0).unwrap_or(right)))
    })
}

fn inside_function(node: Node<'_>) -> bool {
    std::iter::successors(node.parent(), Node::parent).any(|n| {
        matches!(
            n.kind(),
            "function_declaration" | "method_declaration" | "func_literal"
        )
    })
}

fn first_argument(call: Node<'_>) -> Option<Node<'_>> {
    call.child_by_field_name("arguments")?.named_child(0)
}

/// `T{…}` of `&T{…}`.
fn address_of(node: Node<'_>) -> Option<Node<'_>> {
    (node.kind() == "unary_expression")
        .then(|| node.child_by_field_name("operand"))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERVICE: &str =
        include_str!("../../tests/fixtures/doctor/go-service-clean/cmd/api/main.go");

    #[test]
    fn init_and_session_read_the_block_and_unused_locals_go() {
        let out = prepare(SERVICE).unwrap();
        assert!(out.contains("\t\tAppInfo: stAppInfo,\n"), "{out}");
        assert!(out.contains("ConnectionURI: stConnectionURI,"), "{out}");
        assert!(out.contains("session.Init(&stSession),"), "{out}");
        assert!(!out.contains("cookieDomain :="), "{out}");
        assert!(!out.contains("apiBasePath :="), "{out}");
        assert!(out.contains("emailpassword.Init(nil),"), "{out}");
        assert!(
            out.contains(")\n\n// st-setup:begin backend\n// st-setup:end\n\nfunc main() {"),
            "{out}"
        );
    }

    #[test]
    fn a_var_only_the_old_values_used_goes_and_extra_app_info_is_named() {
        let with_var = SERVICE.replace(
            "\tcookieDomain := \".example.com\"",
            "\tvar cookieDomain = \".example.com\"",
        );
        let out = prepare(&with_var).unwrap();
        assert!(!out.contains("var cookieDomain"), "{out}");
        let gateway = SERVICE.replace(
            "WebsiteBasePath: &websiteBasePath,",
            "WebsiteBasePath: &websiteBasePath,\n\t\t\tAPIGatewayPath:  &apiBasePath,",
        );
        assert!(prepare(&gateway).unwrap_err().contains("APIGatewayPath"));
    }

    #[test]
    fn other_session_options_are_named() {
        let other = SERVICE.replace(
            "CookieDomain: &cookieDomain,",
            "CookieDomain: &cookieDomain,\n\t\t\t\tAntiCsrf: &antiCsrf,",
        );
        assert!(prepare(&other).unwrap_err().contains("AntiCsrf"));
    }
}
