//! What the Python and Go read-backs share: a tree-sitter parse that refuses broken files,
//! and a walk over every node.

use tree_sitter::{Language, Node, Parser, Tree};

/// The syntax tree of `text`; `Err` names the line of the first syntax error.
pub fn parse(text: &str, language: Language) -> Result<Tree, String> {
    let mut parser = Parser::new();
    parser
        .set_language(&language)
        .map_err(|e| format!("the parser cannot load its grammar: {e}"))?;
    let tree = parser
        .parse(text, None)
        .ok_or_else(|| "it cannot be parsed".to_owned())?;
    if tree.root_node().has_error() {
        let broken = nodes(tree.root_node())
            .find(|n| n.is_error() || n.is_missing())
            .unwrap_or(tree.root_node());
        let what = if broken.is_missing() {
            format!("missing {}", broken.kind())
        } else {
            "a syntax error".to_owned()
        };
        return Err(format!("line {}: {what}", broken.start_position().row + 1));
    }
    Ok(tree)
}

/// The syntax tree of `text` even where it has errors (doctor reads what it can of any
/// file); `None` only when the grammar does not load.
pub fn parse_lenient(text: &str, language: Language) -> Option<Tree> {
    let mut parser = Parser::new();
    parser.set_language(&language).ok()?;
    parser.parse(text, None)
}

/// Every node under `root`, itself first, in source order.
pub fn nodes(root: Node<'_>) -> impl Iterator<Item = Node<'_>> {
    let mut cursor = root.walk();
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let node = cursor.node();
        if !cursor.goto_first_child() {
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    done = true;
                    break;
                }
            }
        }
        Some(node)
    })
}

/// The source text of `node`.
pub fn text<'a>(node: Node<'_>, source: &'a str) -> &'a str {
    source.get(node.byte_range()).unwrap_or("")
}

/// The line (from 1) `node` starts on.
pub fn line(node: Node<'_>) -> usize {
    node.start_position().row + 1
}
