//! JavaScript and TypeScript files, read with oxc: the managed block holds `const stSetup =
//! {…}`, and the SDK's init calls are found by what they are imported as.

use std::collections::HashMap;

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Argument, ArrayExpressionElement, BindingPattern, CallExpression, Expression,
    ImportDeclarationSpecifier, ObjectExpression, ObjectPropertyKind, Program, Statement,
    TSModuleReference,
};
use oxc_ast_visit::Visit;
use oxc_parser::Parser;

use super::{Unread, line_of};
use crate::doctor::extract::js::{property, required_module};
use crate::target::{Role, Syntax};

/// The name the managed block gives its values.
const BLOCK_CONST: &str = "stSetup";

const REACT_NATIVE: &str = "supertokens-react-native";
const WEBSITE: &str = "supertokens-website";

/// The keys of supertokens-react-native's and supertokens-website's config the block
/// manages: nothing after a spread of it may override them.
pub const SESSION_ONLY_KEYS: &[&str] = &[
    "apiDomain",
    "apiBasePath",
    "sessionTokenBackendDomain",
    "tokenTransferMethod",
];

/// The init calls in `text` (a file of `target`) that do not read
/// the block's values; empty when every value reaches the SDK. `Err` when the file does
/// not parse, so nothing can be said about it.
pub fn unread_values(
    text: &str,
    syntax: Syntax,
    kind: Role,
    sdk: &str,
) -> Result<Vec<Unread>, String> {
    let allocator = Allocator::default();
    let parsed = parse(&allocator, text, syntax);
    if parsed.panicked || !parsed.diagnostics.is_empty() {
        let first = parsed.diagnostics.first();
        let line = first
            .and_then(|d| d.labels.first())
            .map(|label| line_of(text, label.offset() as usize));
        let message = first.map_or_else(|| "it cannot be parsed".to_owned(), |e| e.to_string());
        return Err(match line {
            Some(line) => format!("line {line}: {message}"),
            None => message,
        });
    }
    let session = format!("{sdk}/recipe/session");
    let module = crate::doctor::extract::js::Module::of(&parsed.program);
    let mut bindings = bindings(&parsed.program, sdk, &session);
    // A page's script tag loads supertokens-website's bundle, which defines this global.
    if sdk == WEBSITE {
        bindings
            .entry("supertokens".to_owned())
            .or_insert(Binding::Sdk);
    }
    let mut calls = InitCalls {
        module: &module,
        bindings,
        block_recipes: block_has_recipes(&parsed.program),
        kind,
        sdk,
        text,
        sdk_calls: 0,
        session_calls: 0,
        unread: Vec::new(),
    };
    calls.visit_program(&parsed.program);
    let session_only = calls.session_only();
    let mut unread = calls.unread;
    if calls.sdk_calls == 0 {
        unread.push(Unread {
            line: 0,
            message: format!(
                "no {sdk} init call is left, so st-setup's values never reach the SDK; call SuperTokens.init with the block's {BLOCK_CONST} values"
            ),
        });
    }
    // supertokens-react-native and -website are the session recipe: one init call takes
    // it all.
    if calls.session_calls == 0 && !session_only {
        unread.push(Unread {
            line: 0,
            message: format!(
                "no Session.init call ({session}) is left, so the session options st-setup manages never reach the SDK; add Session.init({BLOCK_CONST}.session) to the recipe list"
            ),
        });
    }
    Ok(unread)
}

/// The properties of `SuperTokens.init`'s argument that must read the block, each with the
/// block's keys under it that nothing after a spread may override.
fn expected_reads(kind: Role) -> Vec<(Vec<&'static str>, &'static [&'static str])> {
    let app_info: &[&str] = &["appName", "apiDomain", "websiteDomain"];
    let mut out = vec![(vec!["appInfo"], app_info)];
    if kind == Role::Backend {
        out.push((vec!["supertokens", "connectionURI"], &[]));
    }
    out
}

/// How the expected value is written: `stSetup.appInfo`, or for the core's URL
/// `{ connectionURI: stSetup.connectionURI }`.
fn expected_source(path: &[&str]) -> String {
    match path {
        [object, key] => format!("{object}: {{ {key}: {BLOCK_CONST}.{key} }}"),
        _ => format!("{BLOCK_CONST}.{}", path.join(".")),
    }
}

fn session_keys(kind: Role) -> &'static [&'static str] {
    match kind {
        Role::Backend => &["cookieDomain", "olderCookieDomain"],
        Role::Frontend(_) => &["sessionTokenBackendDomain"],
    }
}

/// Whether `argument` (an object expression) has `path` reading the block: `appInfo:
/// stSetup.appInfo`, or `supertokens: { connectionURI: stSetup.connectionURI }`.
fn reads_path(argument: &Expression, path: &[&str], managed: &[&str]) -> bool {
    let Expression::ObjectExpression(object) = argument.get_inner_expression() else {
        return false;
    };
    object_reads_path(object, path, managed)
}

/// `reads_path` of an object.
fn object_reads_path(object: &ObjectExpression, path: &[&str], managed: &[&str]) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    let Some(value) = property(object, first) else {
        return false;
    };
    match rest {
        [] => reads(value, path, managed),
        [key] => reads(value, &[key], managed) || reads_path(value, &[key], managed),
        _ => reads_path(value, rest, managed),
    }
}

/// Whether `value` is the block's value at `path` (`stSetup.session`), or an object that
/// spreads it and overrides none of its `managed` keys afterwards.
fn reads(value: &Expression, path: &[&str], managed: &[&str]) -> bool {
    let value = value.get_inner_expression();
    if is_block_member(value, path) {
        return true;
    }
    let Expression::ObjectExpression(object) = value else {
        return false;
    };
    let Some(spread_at) = object.properties.iter().position(|p| {
        matches!(p, ObjectPropertyKind::SpreadProperty(spread) if is_block_member(spread.argument.get_inner_expression(), path))
    }) else {
        return false;
    };
    object.properties[spread_at + 1..].iter().all(|p| match p {
        ObjectPropertyKind::ObjectProperty(property) => property
            .key
            .static_name()
            .is_some_and(|name| !managed.contains(&name.as_ref())),
        ObjectPropertyKind::SpreadProperty(_) => false,
    })
}

/// `stSetup.a.b` for `path` = `["a", "b"]`.
fn is_block_member(expression: &Expression, path: &[&str]) -> bool {
    let Some((last, init)) = path.split_last() else {
        return matches!(expression, Expression::Identifier(id) if id.name == BLOCK_CONST);
    };
    match expression.get_inner_expression() {
        Expression::StaticMemberExpression(member) => {
            member.property.name == *last && is_block_member(&member.object, init)
        }
        _ => false,
    }
}

/// What a local name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Binding {
    /// The SDK's module (`import SuperTokens from "supertokens-node"`): `X.init`.
    Sdk,
    /// Its `init` itself (`import { init } from "supertokens-node"`).
    SdkInit,
    Session,
    SessionInit,
}

/// The top-level names bound to the SDK and its session recipe: ES imports (default,
/// namespace, `{ init }`), `import X = require(…)` and `const X = require(…)`.
fn bindings(program: &Program, sdk: &str, session: &str) -> HashMap<String, Binding> {
    // A deep import may name its file, as Node's own resolution needs in an ES module.
    let module =
        |source: &str, init: bool| match (source.strip_suffix("/index.js").unwrap_or(source), init)
        {
            (s, false) if s == sdk => Some(Binding::Sdk),
            (s, true) if s == sdk => Some(Binding::SdkInit),
            (s, false) if s == session => Some(Binding::Session),
            (s, true) if s == session => Some(Binding::SessionInit),
            _ => None,
        };
    let mut out = HashMap::new();
    for statement in &program.body {
        match statement {
            Statement::ImportDeclaration(import) => {
                for specifier in import.specifiers.iter().flatten() {
                    let (local, init) = match specifier {
                        ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => (&s.local, false),
                        ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                            (&s.local, false)
                        }
                        ImportDeclarationSpecifier::ImportSpecifier(s) => {
                            if s.imported.name() != "init" {
                                continue;
                            }
                            (&s.local, true)
                        }
                    };
                    if let Some(binding) = module(import.source.value.as_str(), init) {
                        out.insert(local.name.to_string(), binding);
                    }
                }
            }
            Statement::TSImportEqualsDeclaration(import) => {
                if let TSModuleReference::ExternalModuleReference(reference) =
                    &import.module_reference
                    && let Some(binding) = module(reference.expression.value.as_str(), false)
                {
                    out.insert(import.id.name.to_string(), binding);
                }
            }
            Statement::VariableDeclaration(declaration) => {
                for declarator in &declaration.declarations {
                    let (BindingPattern::BindingIdentifier(id), Some(init)) =
                        (&declarator.id, &declarator.init)
                    else {
                        continue;
                    };
                    if let Some(source) = required_module(init)
                        && let Some(binding) = module(source, false)
                    {
                        out.insert(id.name.to_string(), binding);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// `text` parsed as `syntax` says, or, where that fails, with JSX too: the syntax comes
/// from the file's language and imports, and a `.jsx`/`.tsx` file (or JSX in a `.js` one,
/// as React projects write it) needs the JSX grammar, which would break a `.ts` file's
/// `<Type>value` casts if it were always on.
fn parse<'a>(
    allocator: &'a Allocator,
    text: &'a str,
    syntax: Syntax,
) -> oxc_parser::ParserReturn<'a> {
    let parsed = Parser::new(allocator, text, syntax.source_type()).parse();
    if !parsed.panicked && parsed.diagnostics.is_empty() {
        return parsed;
    }
    let jsx = Parser::new(allocator, text, syntax.source_type().with_jsx(true)).parse();
    if jsx.panicked || !jsx.diagnostics.is_empty() {
        return parsed;
    }
    jsx
}

/// Every module the file imports at its top level: ES imports, `import X = require(…)`,
/// `const … = require(…)`.
pub fn imports(text: &str, syntax: Syntax) -> Result<Vec<super::Import>, String> {
    let allocator = Allocator::default();
    let parsed = parse(&allocator, text, syntax);
    if parsed.panicked || !parsed.diagnostics.is_empty() {
        return Err("it cannot be parsed".to_owned());
    }
    let mut out = Vec::new();
    let mut add = |source: &str, offset: u32| {
        let module = source.strip_suffix("/index.js").unwrap_or(source);
        let module = module.strip_suffix(".js").unwrap_or(module);
        out.push(super::Import {
            module: module.to_owned(),
            line: line_of(text, offset as usize),
        });
    };
    for statement in &parsed.program.body {
        match statement {
            Statement::ImportDeclaration(import) => {
                add(import.source.value.as_str(), import.span.start);
            }
            Statement::TSImportEqualsDeclaration(import) => {
                if let TSModuleReference::ExternalModuleReference(reference) =
                    &import.module_reference
                {
                    add(reference.expression.value.as_str(), import.span.start);
                }
            }
            Statement::VariableDeclaration(declaration) => {
                for declarator in &declaration.declarations {
                    if let Some(source) = declarator.init.as_ref().and_then(required_module) {
                        add(source, declaration.span.start);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Whether the top-level `const stSetup = {…}` lists sign-in recipes (`recipes: […]`, not
/// empty: an empty list passed on or not makes no difference).
fn block_has_recipes(program: &Program) -> bool {
    program.body.iter().any(|statement| {
        let Statement::VariableDeclaration(declaration) = statement else {
            return false;
        };
        declaration.declarations.iter().any(|declarator| {
            matches!(&declarator.id, BindingPattern::BindingIdentifier(id) if id.name == BLOCK_CONST)
                && matches!(declarator.init.as_ref().map(|i| i.get_inner_expression()),
                    Some(Expression::ObjectExpression(object)) if property(object, "recipes").is_some_and(|list| {
                        !matches!(list.get_inner_expression(), Expression::ArrayExpression(array) if array.elements.is_empty())
                    }))
        })
    })
}

/// Checks every `SuperTokens.init(…)` and `Session.init(…)` call anywhere in the file.
struct InitCalls<'t, 'm, 'a> {
    /// The file's constants and functions: a config built apart
    /// (`SuperTokens.init(backendConfig())`, as SuperTokens' Next.js examples do) is read
    /// where it is written.
    module: &'m crate::doctor::extract::js::Module<'a>,
    bindings: HashMap<String, Binding>,
    /// The block lists sign-in recipes (files from before they were a choice do not, nor
    /// does a block of none).
    block_recipes: bool,
    kind: Role,
    sdk: &'t str,
    text: &'t str,
    sdk_calls: usize,
    session_calls: usize,
    unread: Vec<Unread>,
}

impl<'a> InitCalls<'_, '_, 'a> {
    fn line_of(&self, offset: u32) -> usize {
        line_of(self.text, offset as usize)
    }

    fn session_only(&self) -> bool {
        self.sdk == REACT_NATIVE || self.sdk == WEBSITE
    }

    fn check_sdk_init(&mut self, line: usize, argument: Option<&Expression<'a>>) {
        self.sdk_calls += 1;
        if self.session_only() {
            if !argument.is_some_and(|a| reads(a, &[], SESSION_ONLY_KEYS)) {
                self.unread.push(Unread {
                    line,
                    message: format!(
                        "SuperTokens.init does not read {BLOCK_CONST}, so st-setup's values never reach the SDK; pass it: SuperTokens.init({BLOCK_CONST}), or SuperTokens.init({{ ...{BLOCK_CONST}, yourOption }})"
                    ),
                });
            }
            return;
        }
        let module = self.module;
        let config = argument.and_then(|a| module.object(a));
        for (path, managed) in expected_reads(self.kind) {
            // A module's config (NestJS's forRoot) takes the core's URL at its top level.
            let module_config = |c: &ObjectExpression| {
                path == ["supertokens", "connectionURI"]
                    && property(c, "supertokens").is_none()
                    && object_reads_path(c, &["connectionURI"], managed)
            };
            if !config.is_some_and(|c| object_reads_path(c, &path, managed) || module_config(c)) {
                self.unread.push(Unread {
                    line,
                    message: format!(
                        "SuperTokens.init does not read {BLOCK_CONST}.{}, so st-setup's value never reaches the SDK; pass {} there (spread it to add options of your own)",
                        path.last().copied().unwrap_or_default(),
                        expected_source(&path)
                    ),
                });
            }
        }
    }

    fn check_recipe_list(&mut self, line: usize, argument: Option<&Expression<'a>>) {
        let module = self.module;
        let spreads = argument
            .and_then(|a| module.object(a))
            .and_then(|object| property(object, "recipeList"))
            .is_some_and(|list| match list.get_inner_expression() {
                Expression::ArrayExpression(array) => array.elements.iter().any(|e| {
                    matches!(e, ArrayExpressionElement::SpreadElement(spread)
                        if is_block_member(&spread.argument, &["recipes"]))
                }),
                _ => false,
            });
        if !spreads {
            self.unread.push(Unread {
                line,
                message: format!(
                    "SuperTokens.init's recipeList does not spread {BLOCK_CONST}.recipes, so the sign-in recipes st-setup manages never reach the SDK; add ...{BLOCK_CONST}.recipes to the list"
                ),
            });
        }
    }

    fn check_session_init(&mut self, line: usize, argument: Option<&Expression>) {
        self.session_calls += 1;
        if !argument.is_some_and(|a| reads(a, &["session"], session_keys(self.kind))) {
            self.unread.push(Unread {
                line,
                message: format!(
                    "Session.init does not read {BLOCK_CONST}.session, so the session options st-setup manages never reach the SDK; pass it: Session.init({BLOCK_CONST}.session), or Session.init({{ ...{BLOCK_CONST}.session, yourOption }})"
                ),
            });
        }
    }
}

impl<'a> Visit<'a> for InitCalls<'_, '_, 'a> {
    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        let binding = match call.callee.get_inner_expression() {
            Expression::StaticMemberExpression(member) if member.property.name == "init" => {
                match member.object.get_inner_expression() {
                    Expression::Identifier(id) => match self.bindings.get(id.name.as_str()) {
                        Some(Binding::Sdk) => Some(Binding::Sdk),
                        Some(Binding::Session) => Some(Binding::Session),
                        _ => None,
                    },
                    _ => None,
                }
            }
            Expression::Identifier(id) => match self.bindings.get(id.name.as_str()) {
                Some(Binding::SdkInit) => Some(Binding::Sdk),
                Some(Binding::SessionInit) => Some(Binding::Session),
                _ => None,
            },
            _ => None,
        };
        let argument = call.arguments.first().and_then(Argument::as_expression);
        let line = self.line_of(call.span.start);
        // A framework's module given the SDK's whole config (NestJS's
        // `SupertokensModule.forRoot({ appInfo, recipeList, … })`) initialises it.
        let module = self.module;
        let binding = binding.or_else(|| {
            let config = argument.and_then(|a| module.object(a))?;
            (self.kind == Role::Backend
                && !self.bindings.is_empty()
                && property(config, "appInfo").is_some()
                && property(config, "recipeList").is_some())
            .then_some(Binding::Sdk)
        });
        match binding {
            Some(Binding::Sdk) => {
                self.check_sdk_init(line, argument);
                if self.block_recipes {
                    self.check_recipe_list(line, argument);
                }
            }
            Some(Binding::Session) => self.check_session_init(line, argument),
            _ => {}
        }
        oxc_ast_visit::walk::walk_call_expression(self, call);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Ui;

    const BACKEND_HEAD: &str = "import SuperTokens from \"supertokens-node\";\nimport Session from \"supertokens-node/recipe/session\";\nconst stSetup = { connectionURI: \"x\", appInfo: {}, session: {} };\n";

    /// A TypeScript file of `role`.
    fn ts(role: Role) -> crate::target::Target {
        crate::target::Target::js(role, Syntax::TYPESCRIPT)
    }

    /// supertokens-react-native takes the whole block in its one init call: passed or
    /// spread it is read; a managed key after the spread, or no call, is not.
    #[test]
    fn a_react_native_app_passes_the_whole_block() {
        let head = "import SuperTokens from \"supertokens-react-native\";\nconst stSetup = { apiDomain: \"x\" };\n";
        let unread = |call: &str| {
            unread_values(
                &format!("{head}{call}"),
                Syntax::TYPESCRIPT,
                Role::Frontend(Ui::Custom),
                REACT_NATIVE,
            )
            .unwrap()
            .into_iter()
            .map(|u| u.message)
            .collect::<Vec<_>>()
        };
        assert_eq!(unread("SuperTokens.init(stSetup);\n"), Vec::<String>::new());
        assert_eq!(
            unread("SuperTokens.init({ ...stSetup, enableDebugLogs: true });\n"),
            Vec::<String>::new()
        );
        let overridden = unread("SuperTokens.init({ ...stSetup, apiDomain: \"y\" });\n");
        assert!(
            overridden[0].contains("does not read stSetup"),
            "{overridden:?}"
        );
        let none = unread("");
        assert_eq!(none.len(), 1, "{none:?}");
        assert!(
            none[0].contains("no supertokens-react-native init call"),
            "{none:?}"
        );
    }

    /// JSX in a `.jsx`/`.tsx` file (or a React project's `.js`) parses; a `.ts` file's
    /// `<Type>` cast still does too.
    #[test]
    fn jsx_is_read_where_the_file_has_it() {
        let text = format!(
            "{BACKEND_HEAD}SuperTokens.init({{ appInfo: stSetup.appInfo, recipeList: [Session.init(stSetup.session)] }});\nexport const App = () => <div>{{1}}</div>;\n"
        );
        for syntax in [
            Syntax::TYPESCRIPT,
            Syntax::javascript(crate::target::Imports::Esm),
        ] {
            assert!(unread_values(&text, syntax, Role::Backend, "supertokens-node").is_ok());
        }
        let cast = format!("{BACKEND_HEAD}const n = <number>(1 as unknown);\n");
        assert!(imports(&cast, Syntax::TYPESCRIPT).is_ok());
    }

    fn unread(text: &str, kind: Role) -> Vec<String> {
        super::super::unread_values(text, &ts(kind))
            .unwrap()
            .into_iter()
            .map(|u| format!("{}: {}", u.line, u.message))
            .collect()
    }

    fn backend(calls: &str) -> Vec<String> {
        unread(&format!("{BACKEND_HEAD}{calls}"), Role::Backend)
    }

    #[test]
    fn a_block_with_recipes_must_reach_the_recipe_list() {
        let head = BACKEND_HEAD.replace("session: {} }", "session: {}, recipes: [a] }");
        let without = format!("{head}{GOOD}");
        let found = unread(&without, Role::Backend);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .starts_with("4: SuperTokens.init's recipeList does not spread stSetup.recipes"),
            "{found:?}"
        );
        let spread = without.replace("recipeList: [", "recipeList: [...stSetup.recipes, ");
        assert_eq!(unread(&spread, Role::Backend), Vec::<String>::new());
        // A file from before recipes were a choice has none to pass on, nor has a block of
        // none (what such a file's setup migrates to).
        assert_eq!(backend(GOOD), Vec::<String>::new());
        let none = format!(
            "{}{GOOD}",
            BACKEND_HEAD.replace("session: {} }", "session: {}, recipes: [] }")
        );
        assert_eq!(unread(&none, Role::Backend), Vec::<String>::new());
    }

    const GOOD: &str = "SuperTokens.init({ supertokens: { connectionURI: stSetup.connectionURI }, appInfo: stSetup.appInfo, recipeList: [Session.init(stSetup.session)] });\n";

    #[test]
    fn the_generated_calls_read_every_value() {
        assert!(backend(GOOD).is_empty());
    }

    #[test]
    fn spreading_the_values_with_options_of_ones_own_is_fine() {
        let calls = "SuperTokens.init({ supertokens: { ...stSetup.supertokens, connectionURI: stSetup.connectionURI, apiKey: k }, appInfo: { ...stSetup.appInfo, apiBasePath: \"/api\" }, recipeList: [Session.init({ ...stSetup.session, exposeAccessTokenToFrontendInCookieBasedAuth: true })] });\n";
        assert_eq!(backend(calls), Vec::<String>::new());
    }

    #[test]
    fn a_call_that_drops_or_overrides_a_value_is_named_with_its_line() {
        let dropped = GOOD.replace("Session.init(stSetup.session)", "Session.init({})");
        let found = backend(&dropped);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("4: Session.init does not read stSetup.session"),
            "{found:?}"
        );
        let overridden = GOOD.replace(
            "Session.init(stSetup.session)",
            "Session.init({ ...stSetup.session, cookieDomain: \".other.com\" })",
        );
        assert_eq!(backend(&overridden).len(), 1);
        let app_info = GOOD.replace("appInfo: stSetup.appInfo", "appInfo: { appName: \"x\" }");
        let found = backend(&app_info);
        assert!(
            found[0].contains("does not read stSetup.appInfo"),
            "{found:?}"
        );
        let core = GOOD.replace(
            "connectionURI: stSetup.connectionURI",
            "connectionURI: \"http://c\"",
        );
        let found = backend(&core);
        assert!(
            found[0].contains("connectionURI: stSetup.connectionURI"),
            "{found:?}"
        );
    }

    #[test]
    fn a_missing_call_is_named() {
        let found = backend(
            "SuperTokens.init({ supertokens: { connectionURI: stSetup.connectionURI }, appInfo: stSetup.appInfo, recipeList: [] });\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("no Session.init call"), "{found:?}");
        assert_eq!(backend("").len(), 2);
    }

    #[test]
    fn imports_are_followed_whatever_their_form() {
        let commonjs = "const ST = require(\"supertokens-web-js\");\nconst S = require(\"supertokens-web-js/recipe/session\");\nST.init({ appInfo: stSetup.appInfo, recipeList: [S.init(stSetup.session)] });\n";
        assert!(unread(commonjs, Role::Frontend(Ui::Custom)).is_empty());
        let named = "import { init } from \"supertokens-auth-react\";\nimport * as Session from \"supertokens-auth-react/recipe/session/index.js\";\ninit({ appInfo: stSetup.appInfo, recipeList: [Session.init(stSetup.session)] });\n";
        assert!(unread(named, Role::Frontend(Ui::Prebuilt)).is_empty());
        let require_ts = "import SuperTokens = require(\"supertokens-node\");\nimport Session = require(\"supertokens-node/recipe/session\");\n";
        assert!(unread(&format!("{require_ts}{GOOD}"), Role::Backend).is_empty());
        // Another package's init is not the SDK's.
        let other = "import Other from \"other\";\nOther.init({});\n";
        assert_eq!(unread(other, Role::Frontend(Ui::Custom)).len(), 2);
    }

    #[test]
    fn a_file_that_does_not_parse_cannot_be_judged() {
        let err =
            super::super::unread_values("// fine\nconst = ;", &ts(Role::Backend)).unwrap_err();
        assert!(err.starts_with("line 2: "), "{err}");
    }
}
