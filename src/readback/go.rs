//! Go files, read with tree-sitter: the managed block declares `st*` variables, and the
//! calls of `supertokens.Init` and `session.Init` must pass them on.

use tree_sitter::Node;

use super::Unread;
use super::tree::{line, nodes, parse, text};

const SUPERTOKENS: &str = "github.com/supertokens/supertokens-golang/supertokens";
const SESSION: &str = "github.com/supertokens/supertokens-golang/recipe/session";
const MANAGED: [&str; 5] = [
    "stConnectionURI",
    "stAppInfo",
    "stCookieDomain",
    "stOlderCookieDomain",
    "stSession",
];

pub fn unread_values(source: &str) -> Result<Vec<Unread>, String> {
    let tree = parse(source, tree_sitter_go::LANGUAGE.into())?;
    let root = tree.root_node();
    let (supertokens, session) = (
        imported_as(root, source, SUPERTOKENS),
        imported_as(root, source, SESSION),
    );
    let mut unread = Vec::new();
    let (mut inits, mut sessions) = (0, 0);
    for call in nodes(root).filter(|n| n.kind() == "call_expression") {
        let Some(function) = call.child_by_field_name("function") else {
            continue;
        };
        let function = text(function, source);
        let argument = call
            .child_by_field_name("arguments")
            .and_then(|a| a.named_child(0));
        if supertokens
            .as_deref()
            .map(|p| format!("{p}.Init"))
            .as_deref()
            == Some(function)
        {
            inits += 1;
            let reads = |key: &str, name: &str| {
                argument.is_some_and(|a| keyed(a, source).any(|(k, v)| k == key && v == name))
            };
            if !reads("AppInfo", "stAppInfo") {
                unread.push(at(call, "supertokens.Init does not pass AppInfo: stAppInfo, so the app info in st-setup's block never reaches the SDK"));
            }
            if !reads("ConnectionURI", "stConnectionURI") {
                unread.push(at(call, "supertokens.Init does not pass Supertokens: &supertokens.ConnectionInfo{ConnectionURI: stConnectionURI}, so the core's URL in st-setup's block never reaches the SDK"));
            }
        } else if session.as_deref().map(|p| format!("{p}.Init")).as_deref() == Some(function) {
            sessions += 1;
            if argument.map(|a| text(a, source)) != Some("&stSession") {
                unread.push(at(call, "session.Init does not pass &stSession, so the session options in st-setup's block never reach the SDK"));
            }
        }
    }
    if inits == 0 {
        unread.push(Unread {
            line: 0,
            message: "no supertokens.Init call is left, so st-setup's values never reach the SDK; call supertokens.Init with AppInfo: stAppInfo".to_owned(),
        });
    }
    if sessions == 0 {
        unread.push(Unread {
            line: 0,
            message: "no session.Init call (supertokens-golang/recipe/session) is left, so the session options st-setup manages never reach the SDK; add session.Init(&stSession) to RecipeList".to_owned(),
        });
    }
    // Package variables cannot be declared twice, but they can be assigned anywhere.
    for assignment in nodes(root).filter(|n| {
        matches!(
            n.kind(),
            "assignment_statement" | "inc_statement" | "dec_statement"
        )
    }) {
        let left = assignment
            .child_by_field_name("left")
            .or_else(|| assignment.named_child(0));
        let assigned = left.map_or("", |l| text(l, source));
        let root_name = assigned
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        if let Some(name) = MANAGED.iter().find(|m| **m == root_name) {
            unread.push(at(
                assignment,
                &format!(
                    "{name} is assigned outside st-setup's block, so the SDK may get that value instead of st-setup's"
                ),
            ));
        }
    }
    Ok(unread)
}

fn at(node: Node<'_>, message: &str) -> Unread {
    Unread {
        line: line(node),
        message: message.to_owned(),
    }
}

/// The name a file gives the package at `path`; `None` when it does not import it.
fn imported_as(root: Node<'_>, source: &str, path: &str) -> Option<String> {
    let quoted = format!("\"{path}\"");
    nodes(root)
        .filter(|n| n.kind() == "import_spec")
        .find(|spec| {
            spec.child_by_field_name("path")
                .is_some_and(|p| text(p, source) == quoted)
        })
        .map(|spec| match spec.child_by_field_name("name") {
            Some(name) => text(name, source).to_owned(),
            None => path.rsplit('/').next().unwrap_or(path).to_owned(),
        })
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
    fn the_generated_shape_reads_every_value() {
        assert_eq!(unread(GOOD), Vec::<String>::new());
        let aliased = GOOD
            .replace(
                "\t\"github.com/supertokens/supertokens-golang/supertokens\"",
                "\tst \"github.com/supertokens/supertokens-golang/supertokens\"",
            )
            .replace(
                "supertokens.Init(supertokens.TypeInput",
                "st.Init(st.TypeInput",
            );
        assert_eq!(unread(&aliased), Vec::<String>::new());
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
