//! Renders the backend and frontend init files from the embedded handlebars templates.
//!
//! Every value lands in the output as a JavaScript string literal: handlebars' escape
//! function is replaced by JSON quoting, so `{{appName}}` cannot break out of its string
//! whatever the user typed. Strict mode makes a misspelt variable an error, not "".

use std::sync::LazyLock;

use handlebars::Handlebars;
use serde::Serialize;

use crate::answers::Ui;
use crate::target::{Imports, Role, Target};

/// The values one file is rendered from: the same for every output of a setup.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileValues<'a> {
    pub app_name: &'a str,
    pub api_domain: &'a str,
    pub website_domain: &'a str,
    pub connection_uri: &'a str,
    /// Backend `cookieDomain` = frontend `sessionTokenBackendDomain`; absent for one host.
    pub cookie_domain: Option<&'a str>,
    /// Set when the cookie domain of an existing setup changed (may be `""`).
    pub older_cookie_domain: Option<&'a str>,
    /// Why the cookie domain is what it is: the analysis' own explanation.
    pub why: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TemplateContext<'a> {
    kind: &'static str,
    cjs: bool,
    ts: bool,
    ts_require: bool,
    index_js: bool,
    app_name: &'a str,
    api_domain: &'a str,
    website_domain: &'a str,
    connection_uri: &'a str,
    cookie_domain: Option<&'a str>,
    // An object, so that `{{#if}}` is true even for the empty string.
    older_cookie_domain: Option<Wrapped<'a>>,
    why: Vec<String>,
    older_why: Vec<String>,
}

#[derive(Serialize)]
struct Wrapped<'a> {
    value: &'a str,
}

const OLDER_WHY: &str = "The cookie domain changed. For a year (the frontend's token cookie lives that long) the backend must also clear cookies set for the previous domain; remove olderCookieDomain after that.";

/// One registry per template, each compiled on first use: compiling a template is most of
/// what a run that renders files spends, and a run renders two of the three.
fn registry(target: Target) -> &'static Handlebars<'static> {
    fn compile(name: &str, text: &str) -> Handlebars<'static> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(js_string);
        for (name, text) in [
            (name, text),
            (
                "block-begin",
                include_str!("../templates/js/block-begin.hbs"),
            ),
        ] {
            registry
                .register_template_string(name, text)
                .unwrap_or_else(|e| panic!("template {name} is invalid: {e}"));
        }
        registry
    }
    static BACKEND: LazyLock<Handlebars<'static>> =
        LazyLock::new(|| compile("js/backend", include_str!("../templates/js/backend.hbs")));
    static PREBUILT: LazyLock<Handlebars<'static>> = LazyLock::new(|| {
        compile(
            "js/frontend-prebuilt",
            include_str!("../templates/js/frontend-prebuilt.hbs"),
        )
    });
    static CUSTOM: LazyLock<Handlebars<'static>> = LazyLock::new(|| {
        compile(
            "js/frontend-custom",
            include_str!("../templates/js/frontend-custom.hbs"),
        )
    });
    match target.role {
        Role::Backend => &BACKEND,
        Role::Frontend(Ui::Prebuilt) => &PREBUILT,
        Role::Frontend(Ui::Custom) => &CUSTOM,
    }
}

/// The text of `target`'s file for these values.
pub fn render(target: Target, values: &FileValues) -> String {
    let syntax = target.syntax;
    let context = TemplateContext {
        kind: target.role.tag(),
        cjs: syntax.imports == Imports::Require,
        ts: syntax.ts,
        ts_require: syntax.imports == Imports::TsRequire,
        index_js: syntax.index_js,
        app_name: values.app_name,
        api_domain: values.api_domain,
        website_domain: values.website_domain,
        connection_uri: values.connection_uri,
        cookie_domain: values.cookie_domain,
        older_cookie_domain: values.older_cookie_domain.map(|value| Wrapped { value }),
        why: comment_lines(values.why),
        older_why: comment_lines(OLDER_WHY),
    };
    registry(target)
        .render(target.template(), &context)
        .unwrap_or_else(|e| panic!("template {} failed to render: {e}", target.template()))
}

/// A JavaScript string literal for any text: JSON escaping, plus U+2028/U+2029, which
/// older JavaScript engines take as line breaks inside a string.
pub fn js_string(value: &str) -> String {
    serde_json::to_string(value)
        .expect("a string serialises")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Text wrapped for `// ` comment lines. Every JavaScript line terminator becomes a space,
/// so no text can end the comment early.
fn comment_lines(text: &str) -> Vec<String> {
    const WIDTH: usize = 86;
    let flat: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in flat.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::target::Syntax;

    /// A JavaScript ES module file for `role`.
    fn esm(role: Role) -> Target {
        target(role, Imports::Esm)
    }

    fn target(role: Role, imports: Imports) -> Target {
        Target {
            role,
            syntax: Syntax::javascript(imports),
        }
    }

    fn values<'a>(app_name: &'a str, cookie_domain: Option<&'a str>) -> FileValues<'a> {
        FileValues {
            app_name,
            api_domain: "https://api.example.com",
            website_domain: "https://example.com",
            connection_uri: "http://localhost:3567",
            cookie_domain,
            older_cookie_domain: None,
            why: "because",
        }
    }

    #[test]
    fn values_become_js_string_literals() {
        let out = render(
            esm(Role::Backend),
            &values("a\"b\\c${x}\n\u{2028}</script>", None),
        );
        assert!(
            out.contains(r#"appName: "a\"b\\c${x}\n\u2028</script>","#),
            "{out}"
        );
    }

    #[test]
    fn one_host_renders_no_domain_options() {
        for role in [
            Role::Backend,
            Role::Frontend(Ui::Prebuilt),
            Role::Frontend(Ui::Custom),
        ] {
            let out = render(esm(role), &values("A", None));
            assert!(
                !out.contains("cookieDomain") && !out.contains("sessionTokenBackendDomain"),
                "{out}"
            );
        }
    }

    #[test]
    fn backend_and_frontend_carry_the_same_domain() {
        let backend = render(esm(Role::Backend), &values("A", Some(".example.com")));
        let frontend = render(
            esm(Role::Frontend(Ui::Custom)),
            &values("A", Some(".example.com")),
        );
        assert!(backend.contains(r#"cookieDomain: ".example.com","#));
        assert!(frontend.contains(r#"sessionTokenBackendDomain: ".example.com","#));
        assert!(
            !frontend.contains("websiteDomain:"),
            "web-js takes no websiteDomain"
        );
    }

    #[test]
    fn empty_older_cookie_domain_is_still_written() {
        let mut v = values("A", Some(".example.com"));
        v.older_cookie_domain = Some("");
        let out = render(esm(Role::Backend), &v);
        assert!(out.contains(r#"olderCookieDomain: "","#), "{out}");
    }

    #[test]
    fn comments_cannot_be_broken_out_of() {
        let lines = comment_lines("one\ntwo\u{2028}three");
        assert_eq!(lines, vec!["one two three"]);
        let long = "word ".repeat(40);
        assert!(comment_lines(&long).iter().all(|l| l.chars().count() <= 86));
    }

    #[test]
    fn commonjs_uses_require() {
        let out = render(
            target(Role::Frontend(Ui::Prebuilt), Imports::Require),
            &values("A", None),
        );
        assert!(out.contains(r#"const SuperTokens = require("supertokens-auth-react");"#));
        assert!(!out.contains("import "));
    }
}
