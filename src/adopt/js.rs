//! Taking over a JavaScript or TypeScript init file: its init calls are rewritten to read
//! st-setup's block (`appInfo: stSetup.appInfo`, `connectionURI: stSetup.connectionURI`,
//! `Session.init({ ...stSetup.session, yourOptions })`) and an empty block is placed after
//! its imports, for the planner to fill. Everything else in the file is kept byte for byte.

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Argument, CallExpression, Expression, ObjectExpression, ObjectPropertyKind, Statement,
};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};

use super::Edit;
use crate::doctor::extract::js::{APP_INFO, Binding, Module, SDKS};
use crate::target::{Imports, Role, Syntax};

const REACT_NATIVE: &str = "supertokens-react-native";

/// The rewritten text of `text` (a file parsed as `source_type`, written with `syntax`),
/// initialising `sdk` for `role`; `Err` says what keeps it from being taken over.
pub fn prepare(
    text: &str,
    source_type: SourceType,
    syntax: Syntax,
    role: Role,
    sdk: &str,
    comment: &str,
) -> Result<String, String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, text, source_type).parse();
    if parsed.panicked || !parsed.diagnostics.is_empty() {
        return Err("it does not parse".to_owned());
    }
    let module = Module::of(&parsed.program);
    if module.consts.contains_key("stSetup") || module.bindings.contains_key("stSetup") {
        return Err("it already declares stSetup, the name st-setup's block takes".to_owned());
    }
    let index = SDKS
        .iter()
        .position(|(name, _)| *name == sdk)
        .ok_or_else(|| format!("st-setup does not write {sdk} files"))?;
    let mut rewriter = Rewriter {
        module: &module,
        text,
        sdk: index,
        role,
        inits: 0,
        sessions: 0,
        edits: Vec::new(),
        problems: Vec::new(),
    };
    rewriter.visit_program(&parsed.program);
    let Rewriter {
        inits,
        sessions,
        mut edits,
        problems,
        ..
    } = rewriter;
    if let Some(problem) = problems.into_iter().next() {
        return Err(problem);
    }
    if inits != 1 {
        return Err(format!(
            "it has {inits} {sdk} init calls; st-setup takes over a file with one"
        ));
    }
    // supertokens-react-native is the session recipe: its one init takes the block.
    let react_native = sdk == REACT_NATIVE;
    if sessions == 0 && !react_native {
        return Err(
            "its init has no Session.init in the file, where st-setup's session values go"
                .to_owned(),
        );
    }
    // The block goes after the imports that open the file (and directives such as "use
    // client"): an import further down may come after code that reads the block.
    let program = &parsed.program;
    let after_imports = program
        .body
        .iter()
        .take_while(|statement| is_import(statement))
        .map(|statement| statement.span().end)
        .chain(program.directives.iter().map(|d| d.span.end))
        .max()
        .map_or(0, |end| line_end(text, end as usize));
    let mut block = String::new();
    // A TypeScript block checks its values against the SDK's types by these two names.
    if syntax.ts {
        let names = [
            ("SuperTokens", sdk.to_owned(), Binding::Sdk(index)),
            (
                "Session",
                format!("{sdk}/recipe/session"),
                Binding::Session(index),
            ),
        ];
        let names = if react_native {
            &names[..1]
        } else {
            &names[..]
        };
        for (name, module_name, wanted) in names.iter().cloned() {
            match module.bindings.get(name) {
                Some(binding) if *binding == wanted => {}
                Some(_) => {
                    return Err(format!(
                        "it binds {name} to something else than {module_name}, and st-setup's block names the SDK so"
                    ));
                }
                None if module.consts.contains_key(name) => {
                    return Err(format!(
                        "it declares {name}, and st-setup's block names {module_name} so"
                    ));
                }
                None => block.push_str(&import_line(name, &module_name, syntax)),
            }
        }
    }
    let separator = if after_imports == 0 { "" } else { "\n" };
    let spacer = if text[after_imports..].starts_with(['\n', '\r']) {
        ""
    } else {
        "\n"
    };
    let tag = if react_native {
        "frontend-react-native"
    } else {
        role.tag()
    };
    block = format!(
        "{separator}{block}{comment} st-setup:begin {tag}\n{comment} st-setup:end\n{spacer}"
    );
    edits.push(Edit {
        start: after_imports,
        end: after_imports,
        text: block,
    });
    super::apply(text, edits)
}

fn is_import(statement: &Statement) -> bool {
    match statement {
        Statement::ImportDeclaration(_) | Statement::TSImportEqualsDeclaration(_) => true,
        Statement::VariableDeclaration(declaration) => declaration.declarations.iter().any(|d| {
            matches!(d.init.as_ref().map(|i| i.get_inner_expression()),
                Some(Expression::CallExpression(call)) if matches!(&call.callee, Expression::Identifier(id) if id.name == "require"))
        }),
        _ => false,
    }
}

fn import_line(name: &str, module: &str, syntax: Syntax) -> String {
    match syntax.imports {
        Imports::TsRequire => format!("import {name} = require(\"{module}\");\n"),
        Imports::Require => format!("const {name} = require(\"{module}\");\n"),
        Imports::Esm => format!("import {name} from \"{module}\";\n"),
    }
}

/// The offset just after the line that `offset` is on.
fn line_end(text: &str, offset: usize) -> usize {
    text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1)
}

struct Rewriter<'m, 'a, 't> {
    module: &'m Module<'a>,
    text: &'t str,
    sdk: usize,
    role: Role,
    inits: usize,
    sessions: usize,
    edits: Vec<Edit>,
    problems: Vec<String>,
}

impl<'a> Rewriter<'_, 'a, '_> {
    fn line(&self, offset: u32) -> usize {
        self.text[..offset as usize].matches('\n').count() + 1
    }

    fn replace(&mut self, start: u32, end: u32, text: String) {
        self.edits.push(Edit {
            start: start as usize,
            end: end as usize,
            text,
        });
    }

    /// `appInfo` and (for a backend) `supertokens.connectionURI` read the block.
    fn init(&mut self, call: &CallExpression<'a>, object: Option<&ObjectExpression<'a>>) {
        self.inits += 1;
        let Some(object) = object else {
            self.problems.push(format!(
                "the config of its init (line {}) is not written in the file",
                self.line(call.span.start)
            ));
            return;
        };
        // supertokens-react-native takes the block's values at its config's top level.
        if SDKS[self.sdk].0 == REACT_NATIVE {
            self.spread_block(object, crate::readback::SESSION_ONLY_KEYS, "stSetup");
            return;
        }
        self.read_block(object, "appInfo", &APP_INFO, "stSetup.appInfo");
        if self.role == Role::Backend {
            let supertokens = own_property(object, "supertokens")
                .and_then(|(_, value, _)| self.module.object(value));
            match supertokens {
                Some(core) => {
                    self.read_block(core, "connectionURI", &[], "stSetup.connectionURI")
                }
                // A module's config (NestJS's forRoot) takes it at its top level.
                None if own_property(object, "connectionURI").is_some() => {
                    self.read_block(object, "connectionURI", &[], "stSetup.connectionURI")
                }
                None => self.problems.push(format!(
                    "its init (line {}) has no supertokens: {{ connectionURI }} written in the file",
                    self.line(call.span.start)
                )),
            }
        }
    }

    /// The property `key` of `object` becomes `block`; an object value keeps the keys that
    /// are not `managed`, after a spread of the block's.
    fn read_block(
        &mut self,
        object: &ObjectExpression<'a>,
        key: &str,
        managed: &[&str],
        block: &str,
    ) {
        let Some((property_span, value, shorthand)) = own_property(object, key) else {
            self.problems.push(format!(
                "its {key} (line {}) is not written in the init's object",
                self.line(object.span.start)
            ));
            return;
        };
        if let Expression::ObjectExpression(value) = value.get_inner_expression() {
            self.spread_block(value, managed, block);
            return;
        }
        // A name for an object of the file: what the block does not hold would be lost.
        if let Some(named) = self.module.object(value) {
            let extra: Vec<String> = named
                .properties
                .iter()
                .filter(|p| !is_managed(p, managed))
                .map(|p| p.span().source_text(self.text).to_owned())
                .collect();
            if !extra.is_empty() {
                self.problems.push(format!(
                    "its {key} (line {}) also holds {}, which st-setup's block does not; write them in the init as {key}: {{ ...{block}, … }} after adopting, or inline the object first",
                    self.line(value.span().start),
                    extra.join(", ")
                ));
                return;
            }
        }
        if shorthand {
            self.replace(property_span.0, property_span.1, format!("{key}: {block}"));
            return;
        }
        let span = value.span();
        self.replace(span.start, span.end, block.to_owned());
    }

    /// `object` reads the block: its `managed` properties go (with their comma, and their
    /// line when they stand alone on it) and `...block` comes first. Every other
    /// property, comment and line break stays where it is.
    fn spread_block(&mut self, object: &ObjectExpression<'a>, managed: &[&str], block: &str) {
        let kept = object
            .properties
            .iter()
            .filter(|p| !is_managed(p, managed))
            .count();
        if kept == 0 {
            self.replace(object.span.start, object.span.end, block.to_owned());
            return;
        }
        let text = self.text;
        for property in object.properties.iter().filter(|p| is_managed(p, managed)) {
            let (start, mut end) = (property.span().start as usize, property.span().end as usize);
            let rest = &text[end..];
            let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            if rest[spaces..].starts_with(',') {
                end += spaces + 1;
            }
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
            let alone =
                text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty();
            let (start, end) = if alone {
                (line_start, line_end)
            } else {
                let rest = &text[end..];
                (
                    start,
                    end + rest.len() - rest.trim_start_matches([' ', '\t']).len(),
                )
            };
            self.edits.push(Edit {
                start,
                end,
                text: String::new(),
            });
        }
        // After `{`: on a line of its own, indented as the first property, when the object
        // spans lines.
        let open = object.span.start as usize + 1;
        let first = object
            .properties
            .first()
            .map_or(open, |p| p.span().start as usize);
        let spread = if text[open..first].contains('\n') {
            let line_start = text[..first].rfind('\n').map_or(0, |i| i + 1);
            format!("\n{}...{block},", &text[line_start..first])
        } else {
            format!(" ...{block},")
        };
        self.edits.push(Edit {
            start: open,
            end: open,
            text: spread,
        });
    }

    /// `Session.init(…)` reads the block's session values, keeping the caller's others.
    fn session(&mut self, call: &CallExpression<'a>) {
        self.sessions += 1;
        let managed: &[&str] = match self.role {
            Role::Backend => &["cookieDomain", "olderCookieDomain"],
            Role::Frontend(_) => &["sessionTokenBackendDomain"],
        };
        let Some(argument) = call.arguments.first() else {
            // `Session.init()`: the block's values go between the parentheses.
            let close = call.span.end - 1;
            self.replace(close, close, "stSetup.session".to_owned());
            return;
        };
        let Some(Expression::ObjectExpression(options)) =
            argument.as_expression().map(|e| e.get_inner_expression())
        else {
            self.problems.push(format!(
                "its Session.init (line {}) takes options not written in the call",
                self.line(call.span.start)
            ));
            return;
        };
        if options
            .properties
            .iter()
            .any(|p| matches!(p, ObjectPropertyKind::SpreadProperty(_)))
        {
            self.problems.push(format!(
                "its Session.init (line {}) spreads other options, which could set the session's domains after st-setup's",
                self.line(call.span.start)
            ));
            return;
        }
        self.spread_block(options, managed, "stSetup.session");
    }
}

/// Whether `property` is one of the `managed` keys (the block holds those).
fn is_managed(property: &ObjectPropertyKind, managed: &[&str]) -> bool {
    matches!(property, ObjectPropertyKind::ObjectProperty(p)
        if !p.computed && p.key.static_name().is_some_and(|n| managed.contains(&n.as_ref())))
}

/// The property `key` written in `object` itself: its span, its value, and whether it is
/// shorthand (`{ appInfo }`).
fn own_property<'e, 'a>(
    object: &'e ObjectExpression<'a>,
    key: &str,
) -> Option<((u32, u32), &'e Expression<'a>, bool)> {
    object.properties.iter().rev().find_map(|p| match p {
        ObjectPropertyKind::ObjectProperty(property)
            if !property.computed && property.key.static_name().is_some_and(|n| n == key) =>
        {
            Some((
                (property.span.start, property.span.end),
                &property.value,
                property.shorthand,
            ))
        }
        _ => None,
    })
}

impl<'a> Visit<'a> for Rewriter<'_, 'a, '_> {
    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        let module = self.module;
        match module.callee(&call.callee) {
            Some(Binding::SdkInit(sdk)) if sdk == self.sdk => {
                let object = call
                    .arguments
                    .first()
                    .and_then(Argument::as_expression)
                    .and_then(|e| module.object(e));
                self.init(call, object);
            }
            Some(Binding::SessionInit(sdk)) if sdk == self.sdk => self.session(call),
            // A framework's module given the whole config (NestJS's forRoot).
            None if self.role == Role::Backend => {
                let object = call
                    .arguments
                    .first()
                    .and_then(Argument::as_expression)
                    .and_then(|e| module.object(e))
                    .filter(|o| {
                        module.property_of(o, "appInfo").is_some()
                            && module.property_of(o, "recipeList").is_some()
                    });
                if object.is_some() {
                    self.init(call, object);
                }
            }
            _ => {}
        }
        walk::walk_call_expression(self, call);
    }
}
