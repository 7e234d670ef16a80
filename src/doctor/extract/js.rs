//! JavaScript and TypeScript: an init is a call of `init` on (or imported from) an SDK
//! package, or an object literal with `appInfo` and `recipeList` handed to a framework's
//! module (NestJS's `SupertokensModule.forRoot({...})`) in a file that imports the SDK.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Argument, ArrowFunctionBody, BindingPattern, CallExpression, Declaration, Expression, Function,
    FunctionBody, ImportDeclarationSpecifier, ObjectExpression, ObjectPropertyKind, Program,
    Statement, TSModuleReference,
};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};

use super::{Found, InitCall, Location, ReadFile, Value, line_at};
use crate::target::Side;

/// The packages whose `init` starts SuperTokens.
pub(crate) const SDKS: [(&str, Side); 5] = [
    ("supertokens-node", Side::Backend),
    ("supertokens-auth-react", Side::Frontend),
    ("supertokens-web-js", Side::Frontend),
    ("supertokens-website", Side::Frontend),
    ("supertokens-react-native", Side::Frontend),
];

/// `appInfo`'s keys, the same in every JavaScript SDK.
pub(crate) const APP_INFO: [&str; 5] = [
    "appName",
    "apiDomain",
    "websiteDomain",
    "apiBasePath",
    "websiteBasePath",
];

/// The session recipe's keys that decide where the session goes.
const SESSION: [&str; 5] = [
    "cookieDomain",
    "olderCookieDomain",
    "sessionTokenBackendDomain",
    "tokenTransferMethod",
    "getTokenTransferMethod",
];

/// supertokens-website and supertokens-react-native take the session's values and the
/// API's at the top level of their one init.
const FLAT: [&str; 4] = [
    "apiDomain",
    "apiBasePath",
    "sessionTokenBackendDomain",
    "tokenTransferMethod",
];

/// How the file is parsed.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Source(SourceType),
    /// A component's `<script>`: TypeScript or not.
    Script {
        ts: bool,
    },
}

impl Kind {
    pub fn from_extension(extension: &str) -> Kind {
        Kind::Source(
            SourceType::from_extension(extension)
                .unwrap_or_default()
                .with_jsx(!matches!(extension, "ts" | "mts" | "cts")),
        )
    }

    fn source_type(self) -> SourceType {
        match self {
            Kind::Source(source_type) => source_type,
            Kind::Script { ts: true } => SourceType::ts(),
            Kind::Script { ts: false } => SourceType::mjs(),
        }
    }
}

pub fn init_calls(path: &Path, text: &str, kind: Kind, read: ReadFile) -> Vec<InitCall> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, text, kind.source_type()).parse();
    if parsed.panicked {
        return Vec::new();
    }
    let module = Module::of(&parsed.program);
    if module.bindings.is_empty() {
        return Vec::new();
    }
    let mut collector = Collector {
        module: &module,
        text,
        path,
        read,
        inits: Vec::new(),
        sessions: Vec::new(),
    };
    collector.visit_program(&parsed.program);
    let Collector {
        mut inits,
        sessions,
        ..
    } = collector;
    // Session.init is usually in the init's recipeList, sometimes in a list built apart:
    // its values belong to the file's inits of the same SDK family.
    for init in &mut inits {
        for (side, values) in &sessions {
            if *side == init.side {
                for (key, found) in values {
                    init.values.entry(key).or_insert_with(|| found.clone());
                }
            }
        }
    }
    inits
}

/// What a local name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Binding {
    /// The SDK's module (`import SuperTokens from "supertokens-node"`): `X.init`.
    Sdk(usize),
    /// Its `init` itself (`import { init } from "supertokens-node"`).
    SdkInit(usize),
    Session(usize),
    SessionInit(usize),
}

impl Binding {
    pub(crate) fn sdk(self) -> usize {
        match self {
            Binding::Sdk(i)
            | Binding::SdkInit(i)
            | Binding::Session(i)
            | Binding::SessionInit(i) => i,
        }
    }
}

/// The top-level facts of one parsed file: the SDK bindings, the constants, and what each
/// name imported from a relative module is.
pub(crate) struct Module<'a> {
    pub(crate) bindings: HashMap<&'a str, Binding>,
    pub(crate) consts: HashMap<&'a str, &'a Expression<'a>>,
    /// Local name → (the module as written, the name it exports).
    relative: HashMap<&'a str, (&'a str, &'a str)>,
    /// The file's function declarations, for a config built by one (`backendConfig()`).
    functions: HashMap<&'a str, &'a FunctionBody<'a>>,
}

impl<'a> Module<'a> {
    pub(crate) fn of(program: &'a Program<'a>) -> Module<'a> {
        let mut module = Module {
            bindings: HashMap::new(),
            consts: HashMap::new(),
            relative: HashMap::new(),
            functions: HashMap::new(),
        };
        for statement in &program.body {
            match statement {
                Statement::ImportDeclaration(import) => {
                    let source = import.source.value.as_str();
                    for specifier in import.specifiers.iter().flatten() {
                        let (local, imported) = match specifier {
                            ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                                (s.local.name.as_str(), None)
                            }
                            ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                                (s.local.name.as_str(), None)
                            }
                            ImportDeclarationSpecifier::ImportSpecifier(s) => {
                                (s.local.name.as_str(), Some(s.imported.name().as_str()))
                            }
                        };
                        module.bind(local, source, imported);
                    }
                }
                Statement::TSImportEqualsDeclaration(import) => {
                    if let TSModuleReference::ExternalModuleReference(reference) =
                        &import.module_reference
                    {
                        module.bind(
                            import.id.name.as_str(),
                            reference.expression.value.as_str(),
                            None,
                        );
                    }
                }
                Statement::VariableDeclaration(declaration) => {
                    module.declare(&declaration.declarations);
                }
                Statement::ExportDeclaration(export) => match &export.declaration {
                    Declaration::VariableDeclaration(declaration) => {
                        module.declare(&declaration.declarations);
                    }
                    Declaration::FunctionDeclaration(function) => module.function(function),
                    _ => {}
                },
                Statement::FunctionDeclaration(function) => module.function(function),
                _ => {}
            }
        }
        module
    }

    fn function(&mut self, function: &'a Function<'a>) {
        if let (Some(id), Some(body)) = (&function.id, &function.body) {
            self.functions.insert(id.name.as_str(), body);
        }
    }

    fn declare(&mut self, declarators: &'a [oxc_ast::ast::VariableDeclarator<'a>]) {
        for declarator in declarators {
            let Some(init) = &declarator.init else {
                continue;
            };
            match &declarator.id {
                BindingPattern::BindingIdentifier(id) => {
                    if let Some(source) = required_module(init) {
                        self.bind(id.name.as_str(), source, None);
                    } else {
                        self.consts.insert(id.name.as_str(), init);
                    }
                }
                // `const { init } = require("supertokens-node")`
                BindingPattern::ObjectPattern(pattern) => {
                    if let Some(source) = required_module(init) {
                        for property in &pattern.properties {
                            if let (Some(name), BindingPattern::BindingIdentifier(local)) =
                                (property.key.static_name(), &property.value)
                            {
                                let name: &'a str = match name {
                                    std::borrow::Cow::Borrowed(name) => name,
                                    std::borrow::Cow::Owned(_) => continue,
                                };
                                self.bind(local.name.as_str(), source, Some(name));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn bind(&mut self, local: &'a str, source: &'a str, imported: Option<&'a str>) {
        if source.starts_with('.') {
            if let Some(imported) = imported {
                self.relative.insert(local, (source, imported));
            }
            return;
        }
        let source = source.strip_suffix("/index.js").unwrap_or(source);
        let source = source.strip_suffix(".js").unwrap_or(source);
        for (index, (sdk, _)) in SDKS.iter().enumerate() {
            let session = source
                .strip_prefix(sdk)
                .is_some_and(|rest| rest == "/recipe/session");
            let binding = match (source == *sdk, session, imported) {
                (true, _, None | Some("default")) => Binding::Sdk(index),
                (true, _, Some("init")) => Binding::SdkInit(index),
                (_, true, None | Some("default")) => Binding::Session(index),
                (_, true, Some("init")) => Binding::SessionInit(index),
                _ => continue,
            };
            self.bindings.insert(local, binding);
        }
    }

    /// The object a name or an expression stands for, one hop through a constant.
    /// The SDK binding a callee is: `X.init`, `X.default.init`, or `init`.
    pub(crate) fn callee(&self, callee: &Expression) -> Option<Binding> {
        let name = match callee.get_inner_expression() {
            Expression::Identifier(id) => {
                return self
                    .bindings
                    .get(id.name.as_str())
                    .copied()
                    .filter(|b| matches!(b, Binding::SdkInit(_) | Binding::SessionInit(_)));
            }
            Expression::StaticMemberExpression(member) if member.property.name == "init" => {
                match member.object.get_inner_expression() {
                    Expression::Identifier(id) => id.name.as_str(),
                    Expression::StaticMemberExpression(inner)
                        if inner.property.name == "default" =>
                    {
                        match inner.object.get_inner_expression() {
                            Expression::Identifier(id) => id.name.as_str(),
                            _ => return None,
                        }
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        let binding = self.bindings.get(name).copied()?;
        Some(match binding {
            Binding::Sdk(i) => Binding::SdkInit(i),
            Binding::Session(i) => Binding::SessionInit(i),
            other => other,
        })
    }

    /// The object a name or an expression stands for, one hop through a constant or a
    /// function of the file that returns it (`SuperTokens.init(backendConfig())`).
    pub(crate) fn object<'e>(
        &'e self,
        expression: &'e Expression<'a>,
    ) -> Option<&'e ObjectExpression<'a>> {
        match expression.get_inner_expression() {
            Expression::ObjectExpression(object) => Some(object),
            Expression::Identifier(id) => match self.consts.get(id.name.as_str()) {
                Some(init) => match init.get_inner_expression() {
                    Expression::ObjectExpression(object) => Some(object),
                    _ => None,
                },
                None => None,
            },
            // `stSetup.session`: a property of an object the file holds.
            Expression::StaticMemberExpression(member) => {
                let owner = self.object(&member.object)?;
                match self
                    .property_of(owner, &member.property.name)?
                    .get_inner_expression()
                {
                    Expression::ObjectExpression(object) => Some(object),
                    _ => None,
                }
            }
            Expression::CallExpression(call) => {
                let Expression::Identifier(id) = call.callee.get_inner_expression() else {
                    return None;
                };
                let name = id.name.as_str();
                if let Some(body) = self.functions.get(name) {
                    return returned_object(body);
                }
                match self.consts.get(name)?.get_inner_expression() {
                    Expression::ArrowFunctionExpression(arrow) => match &arrow.body {
                        ArrowFunctionBody::FunctionBody(body) => returned_object(body),
                        _ => match arrow.get_expression()?.get_inner_expression() {
                            Expression::ObjectExpression(object) => Some(object),
                            _ => None,
                        },
                    },
                    Expression::FunctionExpression(function) => {
                        returned_object(function.body.as_ref()?)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The property `name` of `object`, also from a spread of an object the file holds
    /// (`{ ...stSetup.session, other }`): the last one written wins, as in JavaScript.
    pub(crate) fn property_of<'e>(
        &'e self,
        object: &'e ObjectExpression<'a>,
        name: &str,
    ) -> Option<&'e Expression<'a>> {
        object.properties.iter().rev().find_map(|p| match p {
            ObjectPropertyKind::SpreadProperty(spread) => self
                .object(&spread.argument)
                .and_then(|inner| property(inner, name)),
            ObjectPropertyKind::ObjectProperty(_) => named(p, name),
        })
    }

    /// A value as the SDK gets it: a literal (one hop through a constant), or the source
    /// of what decides it at run time.
    fn value(&self, expression: &Expression, text: &str) -> Value {
        let expression = expression.get_inner_expression();
        if let Some(literal) = string(expression) {
            return Value::Literal(literal);
        }
        // A property of an object the file holds: `stSetup.connectionURI`.
        if let Expression::StaticMemberExpression(member) = expression
            && let Some(owner) = self.object(&member.object)
            && let Some(literal) = self
                .property_of(owner, &member.property.name)
                .and_then(|e| string(e))
        {
            return Value::Literal(literal);
        }
        // One hop through a constant: its literal, or the expression it holds.
        if let Expression::Identifier(id) = expression
            && let Some(init) = self.consts.get(id.name.as_str())
        {
            return match string(init) {
                Some(literal) => Value::Literal(literal),
                None => Value::dynamic(init.span().source_text(text)),
            };
        }
        Value::dynamic(expression.span().source_text(text))
    }
}

/// The object a function body returns at its top level.
fn returned_object<'e, 'a>(body: &'e FunctionBody<'a>) -> Option<&'e ObjectExpression<'a>> {
    body.statements
        .iter()
        .find_map(|statement| match statement {
            Statement::ReturnStatement(ret) => {
                match ret.argument.as_ref()?.get_inner_expression() {
                    Expression::ObjectExpression(object) => Some(&**object),
                    _ => None,
                }
            }
            _ => None,
        })
}

/// `"…"`, or a template without substitutions.
fn string(expression: &Expression) -> Option<String> {
    match expression.get_inner_expression() {
        Expression::StringLiteral(s) => Some(s.value.to_string()),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() => t
            .quasis
            .first()
            .and_then(|q| q.value.cooked.as_ref())
            .map(|c| c.to_string()),
        _ => None,
    }
}

/// `"m"` for `require("m")`.
pub(crate) fn required_module<'e>(expression: &'e Expression) -> Option<&'e str> {
    let Expression::CallExpression(call) = expression.get_inner_expression() else {
        return None;
    };
    let Expression::Identifier(callee) = &call.callee else {
        return None;
    };
    match call.arguments.as_slice() {
        [Argument::StringLiteral(source)] if callee.name == "require" => {
            Some(source.value.as_str())
        }
        _ => None,
    }
}

/// The property `name` of `object` (the last one written wins, as in JavaScript).
pub(crate) fn property<'e, 'a>(
    object: &'e ObjectExpression<'a>,
    name: &str,
) -> Option<&'e Expression<'a>> {
    object.properties.iter().rev().find_map(|p| named(p, name))
}

/// The value of `property` when it is written `name: value` (not computed, not a spread).
fn named<'e, 'a>(property: &'e ObjectPropertyKind<'a>, name: &str) -> Option<&'e Expression<'a>> {
    match property {
        ObjectPropertyKind::ObjectProperty(p)
            if !p.computed && p.key.static_name().is_some_and(|n| n == name) =>
        {
            Some(&p.value)
        }
        _ => None,
    }
}

struct Collector<'m, 'a, 'r> {
    module: &'m Module<'a>,
    text: &'r str,
    path: &'r Path,
    read: ReadFile<'r>,
    inits: Vec<InitCall>,
    /// The values of each Session.init call, with its SDK's side.
    sessions: Vec<(Side, BTreeMap<&'static str, Found>)>,
}

impl<'a> Collector<'_, 'a, '_> {
    fn found(&self, key: &'static str, value: &Expression) -> Option<(&'static str, Found)> {
        // `undefined` is the option left out.
        if matches!(value.get_inner_expression(), Expression::Identifier(id) if id.name == "undefined")
        {
            return None;
        }
        let line = line_at(self.text, value.span().start as usize);
        Some((
            key,
            Found::on_line(self.module.value(value, self.text), line),
        ))
    }

    /// The keys of `keys` that `object` has.
    fn read_keys(
        &self,
        object: &ObjectExpression,
        keys: &[&'static str],
    ) -> Vec<(&'static str, Found)> {
        keys.iter()
            .filter_map(|key| {
                self.module
                    .property_of(object, key)
                    .and_then(|value| self.found(key, value))
            })
            .collect()
    }

    /// An init call, its config `object` when the file writes it (else each domain value
    /// is the run-time expression the config comes from).
    fn init(
        &mut self,
        call: &CallExpression<'a>,
        object: Option<&ObjectExpression<'a>>,
        sdk: usize,
    ) {
        let (name, side) = SDKS[sdk];
        let flat = matches!(name, "supertokens-website" | "supertokens-react-native");
        let mut values = BTreeMap::new();
        match object {
            Some(object) if flat => values.extend(self.read_keys(object, &FLAT)),
            Some(object) => {
                if let Some(app_info) = self.module.property_of(object, "appInfo") {
                    values.extend(self.app_info(app_info));
                }
                // Where a backend finds the core, for adopt.
                let core = self
                    .module
                    .property_of(object, "supertokens")
                    .and_then(|core| self.module.object(core));
                // At the top level of a module's config (NestJS's forRoot).
                values.extend(self.read_keys(core.unwrap_or(object), &["connectionURI"]));
            }
            None => {
                if let Some(config) = call.arguments.first().and_then(Argument::as_expression) {
                    let source = config.span().source_text(self.text);
                    let line = line_at(self.text, config.span().start as usize);
                    let path = if flat { "" } else { ".appInfo" };
                    for key in ["apiDomain", "websiteDomain"] {
                        let value = Value::dynamic(&format!("{source}{path}.{key}"));
                        values.insert(key, Found::on_line(value, line));
                    }
                }
            }
        }
        self.inits.push(InitCall {
            at: Location {
                path: PathBuf::new(),
                line: line_at(self.text, call.span.start as usize),
            },
            sdk: name,
            side,
            managed: false,
            values,
            installed: None,
            config_read: object.is_some(),
        });
    }

    /// `appInfo`'s values: written in place, in a constant of the file, or in a constant
    /// another file of the project exports (one hop); else each key is the run-time
    /// expression that holds it.
    fn app_info(&self, app_info: &Expression<'a>) -> Vec<(&'static str, Found)> {
        if let Some(object) = self.module.object(app_info) {
            return self.read_keys(object, &APP_INFO);
        }
        if let Expression::Identifier(id) = app_info.get_inner_expression()
            && let Some((module, name)) = self.module.relative.get(id.name.as_str())
            && let Some(values) = imported_object(self.path, module, name, self.read)
        {
            return values;
        }
        let source = app_info.span().source_text(self.text);
        let line = line_at(self.text, app_info.span().start as usize);
        ["apiDomain", "websiteDomain"]
            .into_iter()
            .map(|key| {
                (
                    key,
                    Found::on_line(Value::dynamic(&format!("{source}.{key}")), line),
                )
            })
            .collect()
    }
}

impl<'a> Visit<'a> for Collector<'_, 'a, '_> {
    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        let module = self.module;
        let object = call
            .arguments
            .first()
            .and_then(Argument::as_expression)
            .and_then(|e| module.object(e));
        match (module.callee(&call.callee), object) {
            (Some(Binding::SdkInit(sdk)), object) => self.init(call, object, sdk),
            (Some(Binding::SessionInit(sdk)), object) => {
                let values = object
                    .map(|o| self.read_keys(o, &SESSION).into_iter().collect())
                    .unwrap_or_default();
                self.sessions.push((SDKS[sdk].1, values));
            }
            // A framework's module given the SDK's config (NestJS's forRoot).
            (None, Some(object))
                if property(object, "appInfo").is_some()
                    && property(object, "recipeList").is_some() =>
            {
                // The file's SDK (a backend's first, as the order of SDKS says).
                if let Some(sdk) = self.module.bindings.values().map(|b| b.sdk()).min() {
                    self.init(call, Some(object), sdk);
                }
            }
            _ => {}
        }
        walk::walk_call_expression(self, call);
    }
}

/// `appInfo`'s values from the constant `name` that the project's file `module` (relative
/// to `from`) exports; `None` when that file or constant is not found.
fn imported_object(
    from: &Path,
    module: &str,
    name: &str,
    read: ReadFile,
) -> Option<Vec<(&'static str, Found)>> {
    let base = normalise(&from.parent().unwrap_or(Path::new("")).join(module));
    let candidates = [
        "",
        ".ts",
        ".tsx",
        ".js",
        ".mjs",
        ".cjs",
        ".jsx",
        "/index.ts",
        "/index.js",
    ]
    .into_iter()
    .map(|suffix| PathBuf::from(format!("{}{suffix}", base.display())));
    let (path, text) = candidates
        .filter(|path| path.extension().is_some())
        .find_map(|path| read(&path).map(|text| (path, text)))?;
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let allocator = Allocator::default();
    let parsed = Parser::new(
        &allocator,
        &text,
        Kind::from_extension(extension).source_type(),
    )
    .parse();
    if parsed.panicked {
        return None;
    }
    let other = Module::of(&parsed.program);
    let object = other.object(other.consts.get(name)?)?;
    Some(
        APP_INFO
            .iter()
            .filter_map(|key| {
                let value = other.property_of(object, key)?;
                Some((
                    *key,
                    Found {
                        value: other.value(value, &text),
                        at: Location {
                            path: path.clone(),
                            line: line_at(&text, value.span().start as usize),
                        },
                    },
                ))
            })
            .collect(),
    )
}

/// `a/b/../c` as `a/c`, without touching the disk (the path is the project's, relative).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(path: &str, text: &str) -> Vec<InitCall> {
        calls_with(path, text, &|_| None)
    }

    fn calls_with(path: &str, text: &str, read: ReadFile) -> Vec<InitCall> {
        let path = Path::new(path);
        let extension = path.extension().unwrap().to_str().unwrap();
        init_calls(path, text, Kind::from_extension(extension), read)
    }

    fn shown(call: &InitCall) -> Vec<String> {
        call.values
            .iter()
            .map(|(key, found)| match &found.value {
                Value::Literal(v) => format!("{key}={v}@{}", found.at.line),
                Value::Dynamic { dynamic } => format!("{key}~{dynamic}@{}", found.at.line),
            })
            .collect()
    }

    #[test]
    fn a_backend_init_is_read_with_its_session_values() {
        let text = r#"import supertokens from "supertokens-node";
import Session from "supertokens-node/recipe/session";
const cookieDomain = ".example.com";
supertokens.init({
  framework: "express",
  appInfo: {
    appName: "Shop",
    apiDomain: "https://api.example.com",
    websiteDomain: process.env.WEBSITE_URL,
  },
  recipeList: [Session.init({ cookieDomain })],
});
"#;
        let found = calls("server/st.ts", text);
        assert_eq!(found.len(), 1);
        let call = &found[0];
        assert_eq!(
            (call.sdk, call.side, call.at.line),
            ("supertokens-node", Side::Backend, 4)
        );
        assert_eq!(
            shown(call),
            [
                "apiDomain=https://api.example.com@8",
                "appName=Shop@7",
                "cookieDomain=.example.com@11",
                "websiteDomain~process.env.WEBSITE_URL@9",
            ]
        );
    }

    #[test]
    fn aliases_requires_and_named_inits_are_followed() {
        let text = r#"const { init: startST } = require("supertokens-node");
const S = require("supertokens-node/recipe/session");
startST({ appInfo: { apiDomain: `https://api.example.com` }, recipeList: [S.init({ cookieDomain: ".example.com" })] });
"#;
        let found = calls("a.cjs", text);
        assert_eq!(
            shown(&found[0]),
            [
                "apiDomain=https://api.example.com@3",
                "cookieDomain=.example.com@3"
            ]
        );
        let namespace = r#"import * as ST from "supertokens-auth-react";
import { init as sessionInit } from "supertokens-auth-react/recipe/session";
ST.default.init({ appInfo: { apiDomain: "http://localhost:3001", websiteDomain: "http://localhost:3000" }, recipeList: [sessionInit()] });
"#;
        let found = calls("a.tsx", namespace);
        assert_eq!(found[0].sdk, "supertokens-auth-react");
        assert_eq!(found[0].side, Side::Frontend);
    }

    #[test]
    fn an_init_of_something_else_is_not_one() {
        let text = r#"import SuperTokens from "./my-wrapper";
const Session = { init() {} };
SuperTokens.init({ appInfo: { apiDomain: "https://x.example" } });
Session.init({ cookieDomain: ".x" });
"#;
        assert!(calls("a.ts", text).is_empty());
        assert!(calls("a.ts", "this is not { javascript").is_empty());
    }

    #[test]
    fn an_imported_app_info_is_read_from_its_file() {
        let text = r#"import SuperTokens from "supertokens-auth-react";
import { appInfo } from "../config/appInfo";
SuperTokens.init({ appInfo, recipeList: [] });
"#;
        let read = |path: &Path| {
            (path == Path::new("config/appInfo.ts")).then(|| {
                "export const appInfo = {\n  apiDomain: \"https://api.example.com\",\n  websiteDomain: \"https://example.com\",\n};\n".to_owned()
            })
        };
        let found = calls_with("app/frontend.tsx", text, &read);
        let values = &found[0].values;
        assert_eq!(
            values["apiDomain"].at,
            Location {
                path: "config/appInfo.ts".into(),
                line: 2
            }
        );
        assert_eq!(
            values["websiteDomain"].value,
            Value::Literal("https://example.com".into())
        );
    }

    #[test]
    fn a_nest_module_config_is_an_init() {
        let text = r#"import { Module } from "@nestjs/common";
import Session from "supertokens-node/recipe/session";
@Module({
  imports: [SupertokensModule.forRoot({ connectionURI: "http://localhost:3567", appInfo: { apiDomain: "https://api.example.com" }, recipeList: [Session.init({ cookieDomain: ".example.com" })] })],
})
export class AppModule {}
"#;
        let found = calls("src/app.module.ts", text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].sdk, "supertokens-node");
        assert_eq!(found[0].literal("cookieDomain"), Some(".example.com"));
    }

    #[test]
    fn the_website_sdk_takes_its_values_flat() {
        let text = r#"import SuperTokens from "supertokens-website";
SuperTokens.init({ apiDomain: "https://api.example.com", sessionTokenBackendDomain: ".example.com" });
"#;
        let found = calls("a.js", text);
        assert_eq!(
            found[0].literal("sessionTokenBackendDomain"),
            Some(".example.com")
        );
    }
}
