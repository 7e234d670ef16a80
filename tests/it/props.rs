//! Property tests and a hand-picked corpus: endpoint parsing, the Public Suffix
//! List, the analysis, rendering and the whole `generate` run, fed hostile text.
//!
//! - Nothing panics, whatever the endpoint, app name, output path or st-setup.json says.
//! - A cookie domain, when there is one, covers every endpoint on label boundaries, is no
//!   public suffix and no IP, is lowercase ASCII with its leading dot, and is the longest
//!   such suffix; one registrable domain always gets one.
//! - Every rendered file parses with oxc (a real JavaScript/TypeScript parser) as the
//!   module kind Node would load it as, and every value in the managed block, evaluated,
//!   is byte for byte what went in; the backend's `cookieDomain` is the frontend's
//!   `sessionTokenBackendDomain`.
//!
//! - A list pasted as one text (line breaks, tabs, commas, spaces) is its endpoints; any
//!   other invisible character inside an endpoint is refused and named, never dropped.
//! - Endpoints of any length (past 65,535 characters too) are reported in bounded lines.
//!
//! Each property runs 4096 cases by default (the module takes ~15 s in a debug build on
//! two cores); `PROPTEST_CASES=100000 cargo test --test it props` runs longer. Failures
//! proptest finds are kept in `props.proptest-regressions` beside this file and replayed
//! first on every run; `tests/corpus/endpoints.txt` holds hand-picked inputs, and what
//! each parses to is snapshotted in `snapshots/props-corpus-endpoints.snap`.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use oxc_allocator::Allocator;
use oxc_ast::ast::{BindingPattern, Expression, ObjectPropertyKind, Statement};
use oxc_parser::Parser;
use oxc_span::SourceType;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;
use publicsuffix::Psl as _;

use st_setup::analysis::{Analysis, DomainInput, analyse};
use st_setup::answers::{Answers, Generated, Lang, SavedSetup, TokenTransfer, Ui, VERSION};
use st_setup::endpoint::{self, Endpoint, HostKind, Scheme};
use st_setup::findings::Code;
use st_setup::generate::generate;
use st_setup::psl::{EMBEDDED, PublicSuffixList};
use st_setup::recipe::Recipes;
use st_setup::render::{EnvValues, FileValues, render};
use st_setup::target::{Imports, Role, Target};

use crate::in_snapshots;

static PSL: LazyLock<PublicSuffixList> = LazyLock::new(PublicSuffixList::embedded);

/// The list parsed whole by the `publicsuffix` crate: the reference for `PSL`.
static WHOLE_PSL: LazyLock<publicsuffix::List> =
    LazyLock::new(|| EMBEDDED.parse().expect("the embedded list parses"));

/// `cases` random cases, or `PROPTEST_CASES` when it is set; failures are persisted in
/// `tests/it/props.proptest-regressions` (the repository's regression corpus).
pub fn config(cases: u32) -> ProptestConfig {
    let defaults = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            defaults.cases
        } else {
            cases
        },
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..defaults
    }
}

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

/// Pieces of hostile endpoint text, glued together at random.
const PIECES: &[&str] = &[
    "https://",
    "http://",
    "HTTPS://",
    "ftp://",
    "javascript:",
    "//",
    "\\\\",
    "/",
    "\\",
    ":",
    "@",
    "user:pass@",
    "[::1]",
    "[",
    "]",
    "%00",
    "%2e",
    "%41",
    "%",
    ".",
    "..",
    "xn--",
    "xn--bcher-kva",
    "xn--zz",
    "bücher",
    "\u{0435}xample",
    "example",
    "com",
    "co.uk",
    "vercel.app",
    "github.io",
    "localhost",
    "127.0.0.1",
    "0x7f",
    "1",
    "256",
    "1.2.3",
    ":8080",
    ":0",
    ":99999",
    "?",
    "#",
    "*",
    "_",
    "-",
    " ",
    "\t",
    "\n",
    "\r",
    "\u{0}",
    "\u{7f}",
    "\u{2028}",
    "\u{2029}",
    "\u{ff21}\u{ff30}\u{ff29}",
    "\u{3002}",
    "\u{ff0e}",
    "\u{200b}",
    "\u{feff}",
    "\u{130}",
    "ß",
    "\"",
    "'",
    "`",
    "${x}",
    "</script>",
    "*/",
    "/*",
    "-->",
    "// st-setup:end",
];

const SCHEMES: &[&str] = &[
    "", "", "https://", "http://", "HTTPS://", "ftp://", "//", "https:", "https:/", "ws://",
];
const USERINFO: &[&str] = &["", "", "", "u@", "u:p@", ":@", "@"];
const PORTS: &[&str] = &[
    "", "", "", ":", ":0", ":80", ":443", ":8080", ":65535", ":65536", ":-1", ":x",
];
const PATHS: &[&str] = &[
    "",
    "",
    "/",
    "/auth",
    "?x=1",
    "#top",
    "/a/../b",
    "\\x",
    "/%00",
    "?next=https://evil.com",
    "/ x",
];
const LABELS: &[&str] = &[
    "xn--",
    "xn--bcher-kva",
    "xn--80ak6aa92e",
    "localhost",
    "LOCALHOST",
    "127",
    "0",
    "0x7f",
    "08",
    "4294967296",
    "*",
    "_x",
    "-a",
    "a-",
    "bücher",
    "\u{ff21}\u{ff30}\u{ff29}",
    "\u{4f8b}\u{3048}",
    "%41",
    "com",
    "co",
    "uk",
    "vercel",
    "app",
    "github",
    "io",
    "example",
    "test",
    "",
];

/// Text an endpoint, app name or path could be: anything at all, lossy bytes, printable
/// junk with line terminators and confusables, URL-shaped text, and glued hostile pieces.
pub fn hostile_text() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<u8>(), 0..48)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        "[ -~\t\n\r\u{0}\u{85}\u{a0}\u{2028}\u{2029}\u{200b}\u{feff}\u{ff0e}\u{3002}ßüİı\u{ff21}\u{4f8b}]{0,40}",
        urlish(),
        urlish(),
        prop::collection::vec(select(PIECES), 0..8).prop_map(|p| p.concat()),
    ]
    .boxed()
}

fn label() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[a-zA-Z0-9-]{1,12}",
        3 => select(LABELS).prop_map(str::to_owned),
        1 => "[a-z]{60,66}",
    ]
    .boxed()
}

/// `scheme userinfo host port path`, each part sometimes broken.
fn urlish() -> BoxedStrategy<String> {
    (
        select(SCHEMES),
        select(USERINFO),
        prop_oneof![
            5 => prop::collection::vec(label(), 1..6).prop_map(|l| l.join(".")),
            1 => "[a-z]{60,63}(\\.[a-z]{60,63}){3,4}",
            1 => "[0-9]{1,4}(\\.[0-9]{1,4}){0,4}",
            1 => "\\[[0-9a-f:.]{0,20}\\]",
        ],
        prop::bool::weighted(0.15),
        select(PORTS),
        select(PATHS),
    )
        .prop_map(|(scheme, user, host, dot, port, path)| {
            let dot = if dot { "." } else { "" };
            format!("{scheme}{user}{host}{dot}{port}{path}")
        })
        .boxed()
}

/// Registrable domains (and a few public suffixes) endpoints are put under.
const SITES: &[&str] = &[
    "example.com",
    "example.co.uk",
    "my-app.vercel.app",
    "me.github.io",
    "Example.COM",
    "eu.example.com",
    "example.test",
    "city.kawasaki.jp",
    "xn--bcher-kva.example",
    "bücher.de",
    "пример.рф",
    "example.xn--p1ai",
    "a.b.c.d.e.example.org",
    "co.uk",
    "vercel.app",
];
const SUBLABELS: &[&str] = &[
    "api",
    "api2",
    "a",
    "b",
    "auth",
    "www",
    "x-y",
    "ÄPI",
    "xn--80ak6aa92e",
    "eu",
    "1",
    "_s",
];
const GOOD_SCHEMES: &[&str] = &["https://", "https://", "", "HTTPS://", "http://"];
const GOOD_PORTS: &[&str] = &["", "", ":443", ":8443", ":3000"];
const GOOD_PATHS: &[&str] = &["", "", "/", "/auth", "/api?x=1#f"];

/// One to four endpoints, mostly under one site, in every spelling the parser accepts.
pub fn site_group() -> BoxedStrategy<Vec<String>> {
    let endpoint = (
        prop::collection::vec(select(SUBLABELS), 0..3),
        prop::bool::weighted(0.15),
        select(SITES),
        select(GOOD_SCHEMES),
        select(GOOD_PORTS),
        select(GOOD_PATHS),
        prop::bool::weighted(0.1),
    );
    (select(SITES), prop::collection::vec(endpoint, 1..5))
        .prop_map(|(site, endpoints)| {
            endpoints
                .into_iter()
                .map(|(sub, other, other_site, scheme, port, path, dot)| {
                    let site = if other { other_site } else { site };
                    let mut host = sub.join(".");
                    if !host.is_empty() {
                        host.push('.');
                    }
                    host.push_str(site);
                    let dot = if dot { "." } else { "" };
                    format!("{scheme}{host}{dot}{port}{path}")
                })
                .collect()
        })
        .boxed()
}

/// Labels that are no host name label: quotes, wildcards, template syntax, numbers.
const ODD_LABELS: &[&str] = &[
    "'a",
    "a'",
    "`a`",
    "*",
    "${x}",
    "{a}",
    "a!",
    "a&b",
    "(a)",
    "a+b",
    "a,b",
    "a;b",
    "a=b",
    "~a",
    "_",
    "a_b",
    "\"a\"",
    "1",
    "0x7f",
    "256",
    "xn--zz",
    "ÄPI",
    "%41",
    "a\u{200b}b",
    "-",
    "a$",
];

/// Two to four endpoints sharing a tail of two or three labels, any of them odd: hosts
/// that share a suffix, so an odd label can reach the cookie domain.
pub fn odd_group() -> BoxedStrategy<Vec<String>> {
    let odd = || {
        prop_oneof![
            select(ODD_LABELS),
            select(SUBLABELS),
            Just("example"),
            Just("com")
        ]
    };
    (
        prop::collection::vec(odd(), 2..4),
        prop::collection::vec(
            (
                prop::collection::vec(odd(), 0..3),
                select(GOOD_SCHEMES),
                select(GOOD_PORTS),
            ),
            2..5,
        ),
    )
        .prop_map(|(tail, endpoints)| {
            let tail = tail.join(".");
            endpoints
                .into_iter()
                .map(|(front, scheme, port)| {
                    let mut host: Vec<&str> = front;
                    host.push(&tail);
                    format!("{scheme}{}{port}", host.join("."))
                })
                .collect()
        })
        .boxed()
}

/// Every rule of the list, in punycode, and every label in them.
static RULES: LazyLock<Vec<String>> = LazyLock::new(|| {
    EMBEDDED
        .lines()
        .filter(|l| !l.starts_with("//"))
        .filter_map(|l| l.split_whitespace().next())
        .filter_map(|rule| idna::domain_to_ascii(&rule.replace('*', "x")).ok())
        .map(|rule| rule.trim_start_matches('!').to_owned())
        .collect()
});
static RULE_LABELS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut labels: Vec<String> = RULES
        .iter()
        .flat_map(|r| r.split('.').map(str::to_owned))
        .collect();
    labels.sort();
    labels.dedup();
    labels
});

/// A host under some rule of the list, with labels from other rules in front.
fn psl_host() -> BoxedStrategy<String> {
    (
        prop::collection::vec(
            prop_oneof![select(RULE_LABELS.clone()), "[a-z0-9]{1,3}"],
            0..3,
        ),
        select(RULES.clone()),
        prop::bool::weighted(0.05),
    )
        .prop_map(|(mut labels, rule, whole_hostile)| {
            labels.push(rule);
            let host = labels.join(".");
            if whole_hostile {
                host.to_uppercase()
            } else {
                host
            }
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------

/// The rules a parsed endpoint keeps (domain rule 1).
fn check_endpoint(input: &str, e: &Endpoint) -> Result<(), TestCaseError> {
    prop_assert_eq!(&e.input, input);
    prop_assert!(!e.host.is_empty());
    prop_assert!(
        e.host
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase()),
        "host {:?} is not lowercase ASCII",
        e.host
    );
    prop_assert!(!e.host.split('.').any(str::is_empty), "{:?}", e.host);
    let ip = endpoint::as_ipv4(&e.host).is_some();
    prop_assert_eq!(ip, e.kind == HostKind::Ipv4, "{:?}", e);
    if e.kind == HostKind::Domain {
        prop_assert!(e.host.contains('.'));
        prop_assert!(!e.host.ends_with(".localhost") && e.host != "localhost");
    }
    if e.scheme_assumed {
        let expected = if e.is_local() {
            Scheme::Http
        } else {
            Scheme::Https
        };
        prop_assert_eq!(e.scheme, expected, "{:?}", e);
    }
    // The origin is a fixed point: parsing it again gives the same endpoint.
    let again = Endpoint::parse(&e.origin());
    prop_assert!(again.is_ok(), "{} re-parses as {:?}", e.origin(), again);
    let again = again.unwrap();
    prop_assert_eq!(again.origin(), e.origin());
    prop_assert_eq!(again.kind, e.kind);
    prop_assert_eq!(again.ignored_path, None);
    Ok(())
}

/// The hosts of the parsed endpoints, first-typed order, no repeats.
fn distinct_hosts(a: &Analysis) -> Vec<&str> {
    let mut hosts: Vec<&str> = Vec::new();
    for e in a.valid_endpoints() {
        if !hosts.contains(&e.host.as_str()) {
            hosts.push(&e.host);
        }
    }
    hosts
}

/// Everything the domain rules promise about a cookie domain, whatever the input was.
fn check_cookie_domain(a: &Analysis) -> Result<(), TestCaseError> {
    let hosts = distinct_hosts(a);
    let Some(domain) = &a.cookie_domain else {
        if hosts.len() >= 2 {
            prop_assert!(
                a.has_errors(),
                "{hosts:?} share no cookie domain, yet no error says why: {:#?}",
                a.findings
            );
        }
        return Ok(());
    };
    prop_assert!(
        hosts.len() >= 2,
        "one host needs no cookie domain: {domain}"
    );
    let bare = domain.strip_prefix('.');
    prop_assert!(bare.is_some(), "{domain:?} has no leading dot");
    let bare = bare.unwrap();
    prop_assert!(
        !bare.is_empty() && !bare.split('.').any(str::is_empty),
        "{domain:?}"
    );
    prop_assert!(
        bare.bytes()
            .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase()),
        "{domain:?} is not lowercase ASCII"
    );
    prop_assert!(endpoint::as_ipv4(bare).is_none(), "{domain:?} is an IP");
    prop_assert!(
        !bare.contains(':') && !bare.contains('['),
        "{domain:?} is an IP"
    );
    prop_assert!(!PSL.is_public_suffix(bare), "{domain:?} is a public suffix");
    let site = PSL.registrable_domain(bare);
    prop_assert!(site.is_some(), "{domain:?} has no registrable domain");
    for e in a.valid_endpoints() {
        prop_assert_eq!(e.kind, HostKind::Domain, "{} shares cookies", e.host);
        prop_assert!(
            endpoint::host_is_covered_by(&e.host, domain),
            "{} is not under {domain}",
            e.host
        );
        let under = e.host.ends_with(&format!(".{bare}"));
        prop_assert!(e.host == bare || under, "{} is not under {}", e.host, bare);
        prop_assert_eq!(PSL.registrable_domain(&e.host), site, "{}", e.host);
    }
    // The longest: the hosts do not all share the label in front of it.
    let in_front: Vec<Option<&str>> = hosts
        .iter()
        .map(|h| {
            h.strip_suffix(bare)
                .and_then(|p| p.strip_suffix('.'))
                .map(|p| p.rsplit('.').next().unwrap_or(p))
        })
        .collect();
    prop_assert!(
        in_front.contains(&None) || in_front.iter().any(|l| *l != in_front[0]),
        "{domain} is not the longest common suffix of {hosts:?}"
    );
    let said = a
        .findings
        .iter()
        .any(|f| f.code == Code::SharedCookieDomain && f.message.contains(domain.as_str()));
    prop_assert!(said, "no finding explains {domain}: {:#?}", a.findings);
    Ok(())
}

/// A rendered file read back through oxc.
#[derive(Debug)]
struct ParsedFile {
    /// Every value of `const stSetup = {…}`, by dotted path (`appInfo.appName`), as
    /// JavaScript evaluates the literal.
    values: BTreeMap<String, String>,
    /// The kinds of the top-level statements, in order.
    statements: Vec<&'static str>,
}

fn parse_file(text: &str, source_type: SourceType) -> Result<ParsedFile, String> {
    let allocator = Allocator::default();
    let ret = Parser::new(&allocator, text, source_type).parse();
    if ret.panicked || !ret.diagnostics.is_empty() {
        let errors: Vec<String> = ret.diagnostics.iter().map(|d| d.to_string()).collect();
        return Err(format!("oxc ({source_type:?}): {errors:?}"));
    }
    let mut values = BTreeMap::new();
    let mut statements = Vec::new();
    let mut found = 0;
    for statement in &ret.program.body {
        statements.push(match statement {
            Statement::ImportDeclaration(_) => "import",
            Statement::VariableDeclaration(_) => "variable",
            Statement::ExpressionStatement(_) => "expression",
            _ => "other",
        });
        let Statement::VariableDeclaration(declaration) = statement else {
            continue;
        };
        for declarator in &declaration.declarations {
            let BindingPattern::BindingIdentifier(id) = &declarator.id else {
                continue;
            };
            if id.name.as_str() != "stSetup" {
                continue;
            }
            found += 1;
            let init = declarator.init.as_ref().ok_or("stSetup has no value")?;
            flatten(init, "", &mut values)?;
        }
    }
    if found != 1 {
        return Err(format!("{found} stSetup declarations"));
    }
    Ok(ParsedFile { values, statements })
}

fn flatten(
    expression: &Expression,
    path: &str,
    out: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    match expression.get_inner_expression() {
        Expression::ObjectExpression(object) => {
            for property in &object.properties {
                let ObjectPropertyKind::ObjectProperty(property) = property else {
                    return Err(format!("a spread in {path}"));
                };
                let name = property
                    .key
                    .static_name()
                    .ok_or_else(|| format!("a computed key in {path}"))?;
                let inner = if path.is_empty() {
                    name.into_owned()
                } else {
                    format!("{path}.{name}")
                };
                flatten(&property.value, &inner, out)?;
            }
            Ok(())
        }
        Expression::StringLiteral(literal) => {
            match out.insert(path.to_owned(), literal.value.as_str().to_owned()) {
                None => Ok(()),
                Some(_) => Err(format!("{path} twice")),
            }
        }
        // The recipe inits are code, not values: how many there are is what can differ.
        Expression::ArrayExpression(array) if matches!(path, "recipes" | "preBuiltUI") => {
            out.insert(path.to_owned(), format!("{} items", array.elements.len()));
            Ok(())
        }
        _ => Err(format!("{path} is neither an object nor a string literal")),
    }
}

/// What `stSetup` must hold for these values.
fn expected_values(kind: Role, v: &FileValues) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut put = |k: &str, v: &str| {
        out.insert(k.to_owned(), v.to_owned());
    };
    put("appInfo.appName", v.app_name);
    let env = &v.environments[0];
    put("appInfo.apiDomain", &env.api_domain);
    if let Some(path) = v.api_base_path {
        put("appInfo.apiBasePath", path);
    }
    match kind {
        Role::Backend | Role::Frontend(Ui::Prebuilt) => {
            if let Some(path) = v.website_base_path {
                put("appInfo.websiteBasePath", path);
            }
        }
        Role::Frontend(Ui::Custom) => {}
    }
    match kind {
        Role::Backend => {
            put("connectionURI", v.connection_uri);
            put("appInfo.websiteDomain", &env.website_domain);
            if let Some(d) = &env.cookie_domain {
                put("session.cookieDomain", d);
            }
            if let Some(d) = &env.older_cookie_domain {
                put("session.olderCookieDomain", d);
            }
        }
        Role::Frontend(ui) => {
            if ui == Ui::Prebuilt {
                put("appInfo.websiteDomain", &env.website_domain);
            }
            if let Some(d) = &env.cookie_domain {
                put("session.sessionTokenBackendDomain", d);
            }
        }
    }
    let count = format!("{} items", v.recipes.iter().count());
    put("recipes", &count);
    if kind == Role::Frontend(Ui::Prebuilt) {
        put("preBuiltUI", &count);
    }
    out
}

/// Lines that begin and end st-setup's managed block (a JavaScript file's markers).
fn marker_lines(text: &str) -> (usize, usize) {
    let begin = text
        .lines()
        .filter(|l| l.starts_with("// st-setup:begin"))
        .count();
    let end = text
        .lines()
        .filter(|l| l.trim_end() == "// st-setup:end")
        .count();
    (begin, end)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Ts,
    /// TypeScript compiled to CommonJS under verbatimModuleSyntax: `import X = require()`.
    TsRequire,
    Esm,
    Cjs,
}

impl Syntax {
    const ALL: [Syntax; 4] = [Syntax::Ts, Syntax::TsRequire, Syntax::Esm, Syntax::Cjs];

    fn source_type(self) -> SourceType {
        match self {
            Syntax::Ts | Syntax::TsRequire => SourceType::ts(),
            Syntax::Esm => SourceType::mjs(),
            Syntax::Cjs => SourceType::cjs(),
        }
    }

    /// The target st-setup renders `kind` as in this syntax.
    fn target(self, kind: Role) -> Target {
        let syntax = st_setup::target::Syntax {
            ts: matches!(self, Syntax::Ts | Syntax::TsRequire),
            imports: match self {
                Syntax::Cjs => Imports::Require,
                Syntax::TsRequire => Imports::TsRequire,
                Syntax::Ts | Syntax::Esm => Imports::Esm,
            },
            index_js: self == Syntax::Esm,
        };
        Target::js(kind, syntax)
    }
}

const KINDS: [Role; 3] = [
    Role::Backend,
    Role::Frontend(Ui::Prebuilt),
    Role::Frontend(Ui::Custom),
];

/// The statement kinds of a file rendered from plain values: hostile values must not add,
/// drop or reorder a statement.
fn reference_statements(kind: Role, syntax: Syntax, recipes: &Recipes) -> Vec<&'static str> {
    let values = FileValues {
        app_name: "A",
        connection_uri: "http://localhost:3567",
        api_base_path: Some("/api/auth"),
        website_base_path: Some("/login"),
        recipes,
        header: false,
        keep_websites_list: false,
        environments: vec![EnvValues::only(
            "https://api.example.com",
            "https://example.com",
            Some(".example.com"),
            Some(""),
            "because",
        )],
    };
    parse_file(&render(&syntax.target(kind), &values), syntax.source_type())
        .expect("a plain render parses")
        .statements
}

/// Renders `values` as `kind` in `syntax` and checks the file against them.
fn check_render(kind: Role, syntax: Syntax, values: &FileValues) -> Result<(), TestCaseError> {
    let text = render(&syntax.target(kind), values);
    let parsed = parse_file(&text, syntax.source_type());
    prop_assert!(
        parsed.is_ok(),
        "{kind:?} {syntax:?} does not parse: {}\n{text}",
        parsed.unwrap_err()
    );
    let parsed = parsed.unwrap();
    prop_assert_eq!(&parsed.values, &expected_values(kind, values), "{}", text);
    prop_assert_eq!(
        &parsed.statements,
        &reference_statements(kind, syntax, values.recipes)
    );
    prop_assert_eq!(marker_lines(&text), (1, 1), "{}", text);
    Ok(())
}

/// A project folder per module setting: none, CommonJS, ES module. `generate` only reads.
struct Projects {
    bare: tempfile::TempDir,
    commonjs: tempfile::TempDir,
    module: tempfile::TempDir,
}

static PROJECTS: LazyLock<Projects> = LazyLock::new(|| {
    let projects = Projects {
        bare: crate::common::project(),
        commonjs: crate::common::project(),
        module: crate::common::project(),
    };
    std::fs::write(projects.commonjs.path().join("package.json"), "{}").unwrap();
    std::fs::write(
        projects.module.path().join("package.json"),
        r#"{"type":"module"}"#,
    )
    .unwrap();
    projects
});

#[derive(Debug, Clone, Copy)]
enum Package {
    Bare,
    CommonJs,
    Module,
}

impl Package {
    fn dir(self) -> &'static Path {
        match self {
            Package::Bare => PROJECTS.bare.path(),
            Package::CommonJs => PROJECTS.commonjs.path(),
            Package::Module => PROJECTS.module.path(),
        }
    }
}

/// How Node/tsc would take a file at `path` in `package` (worked out here, not by the code
/// under test): its source type, and whether it must be free of `import`.
fn expected_syntax(path: &Path, package: Package, lang: Lang) -> (SourceType, bool) {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let by_package = || match package {
        Package::CommonJs => (SourceType::cjs(), true),
        Package::Bare | Package::Module => (SourceType::mjs(), false),
    };
    match extension {
        "ts" | "mts" | "cts" | "tsx" => (SourceType::from_path(path).unwrap(), false),
        "mjs" => (SourceType::mjs(), false),
        "cjs" => (SourceType::cjs(), true),
        "js" | "jsx" => by_package(),
        _ if lang == Lang::Ts => (SourceType::ts(), false),
        _ => by_package(),
    }
}

const BACKEND_OUTS: &[&str] = &[
    "backend/supertokens.ts",
    "backend/supertokens.js",
    "api/st.mjs",
    "api/st.cjs",
    "api/st.mts",
    "api/st.cts",
    "st-backend",
    "./a/../backend.ts",
];
const FRONTEND_OUTS: &[&str] = &[
    "frontend/supertokens.ts",
    "frontend/supertokens.js",
    "web/st.mjs",
    "web/st.cjs",
    "web/st.tsx",
    "web/st.jsx",
    "st-frontend",
];

/// Any text as a path inside the project: the named parts only (no root, no `..`).
fn inside(text: &str) -> PathBuf {
    let path: PathBuf = Path::new(text)
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect();
    if path.as_os_str().is_empty() {
        PathBuf::from("x")
    } else {
        path
    }
}

fn out_path(fixed: &'static [&'static str]) -> BoxedStrategy<PathBuf> {
    prop_oneof![
        4 => select(fixed).prop_map(PathBuf::from),
        1 => hostile_text().prop_map(|t| inside(&t)),
    ]
    .boxed()
}

fn arb_saved() -> BoxedStrategy<SavedSetup> {
    let text = || prop::option::of(hostile_text());
    (
        (
            prop::collection::vec(hostile_text(), 0..3),
            text(),
            text(),
            prop::option::of(prop_oneof![Just(Ui::Prebuilt), Just(Ui::Custom)]),
            text(),
        ),
        (
            text(),
            text(),
            prop::option::of(prop_oneof![Just(Lang::Ts), Just(Lang::Js)]),
            text(),
        ),
        prop::option::of((text(), text())),
        (
            text(),
            text(),
            prop::option::of(select(Recipes::choices())),
            prop::option::of(prop_oneof![
                Just(TokenTransfer::Cookie),
                Just(TokenTransfer::Header)
            ]),
        ),
    )
        .prop_map(
            |(
                (apis, auth_api, website, ui, app_name),
                (backend_out, frontend_out, lang, connection_uri),
                generated,
                (api_base_path, website_base_path, recipes, token_transfer),
            )| SavedSetup {
                version: VERSION,
                answers: Answers {
                    apis,
                    auth_api,
                    website,
                    ui,
                    app_name,
                    backend_out: backend_out.into_iter().map(PathBuf::from).collect(),
                    frontend_out: frontend_out.into_iter().map(PathBuf::from).collect(),
                    lang,
                    connection_uri,
                    api_base_path,
                    website_base_path,
                    recipes,
                    token_transfer,
                    environments: Vec::new(),
                    env: None,
                    other_websites: Vec::new(),
                },
                generated: generated.map(|(cookie_domain, older_cookie_domain)| Generated {
                    cookie_domain,
                    older_cookie_domain,
                    environments: Vec::new(),
                }),
            },
        )
        .boxed()
}

/// JSON shaped like st-setup.json, with wrong types, unknown keys and odd numbers.
fn json_like() -> BoxedStrategy<serde_json::Value> {
    use serde_json::{Value, json};
    const KEYS: &[&str] = &[
        "version",
        "answers",
        "generated",
        "apis",
        "authApi",
        "website",
        "ui",
        "appName",
        "backendOut",
        "frontendOut",
        "lang",
        "connectionUri",
        "cookieDomain",
        "olderCookieDomain",
        "colour",
        "",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        select(vec![0i64, 1, 2, -1, i64::MAX, i64::MIN]).prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        select(vec![
            "prebuilt",
            "custom",
            "ts",
            "js",
            "https://api.example.com",
            ".example.com"
        ])
        .prop_map(|s| json!(s)),
        hostile_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![select(KEYS).prop_map(str::to_owned), hostile_text()],
                    inner
                ),
                0..6
            )
            .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
    .prop_map(|v| match v {
        // Mostly a versioned object, as a real file is.
        Value::Object(mut map) => {
            map.entry("version").or_insert(json!(1));
            Value::Object(map)
        }
        other => other,
    })
    .boxed()
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(4096))]

    /// Any text: no panic; what parses is normalised and its origin is a fixed point.
    #[test]
    fn endpoint_parse_never_panics_and_normalises(input in hostile_text()) {
        if let Ok(e) = Endpoint::parse(&input) {
            check_endpoint(&input, &e)?;
        }
    }

    /// Coverage is label-wise: `host` is the domain or ends with `.` + the domain.
    #[test]
    fn coverage_is_on_label_boundaries(
        host in "[ab.-]{0,8}",
        domain in "[ab-]{1,3}(\\.[ab-]{1,3}){0,2}",
        dot in any::<bool>(),
    ) {
        let cookie_domain = if dot { format!(".{domain}") } else { domain.clone() };
        let labels = |s: &str| s.split('.').map(str::to_owned).collect::<Vec<_>>();
        let (h, d) = (labels(&host), labels(&domain));
        let by_labels = h.len() >= d.len() && h[h.len() - d.len()..] == d[..];
        prop_assert_eq!(endpoint::host_is_covered_by(&host, &cookie_domain), by_labels);
    }

    /// The per-site answers equal the whole list's, for hosts mixing labels of many rules.
    #[test]
    fn psl_answers_equal_the_whole_list(host in psl_host()) {
        let whole = &*WHOLE_PSL;
        prop_assert_eq!(
            PSL.suffix(&host).map(str::as_bytes),
            whole.suffix(host.as_bytes()).map(|s| s.as_bytes()),
            "suffix of {}", host
        );
        prop_assert_eq!(
            PSL.registrable_domain(&host).map(str::as_bytes),
            whole.domain(host.as_bytes()).map(|d| d.as_bytes()),
            "domain of {}", host
        );
    }

    /// The list never panics, whatever it is asked about.
    #[test]
    fn psl_never_panics(host in hostile_text()) {
        let _ = PSL.suffix(&host);
        let _ = PSL.registrable_domain(&host);
        let _ = PSL.is_public_suffix(&host);
    }

    /// Any endpoints, auth API and website: no panic, and a cookie domain keeps every rule.
    #[test]
    fn analysis_never_panics_and_keeps_the_cookie_domain_rules(
        apis in prop_oneof![
            3 => prop::collection::vec(hostile_text(), 0..4),
            1 => odd_group(),
        ],
        auth_api in prop::option::of(hostile_text()),
        website in prop::option::of(hostile_text()),
    ) {
        let a = analyse(&DomainInput { apis: &apis, auth_api: auth_api.as_deref(), website: website.as_deref(), header: false, other_websites: &[] }, &PSL);
        check_cookie_domain(&a)?;
        let _ = a.to_json();
        for input in &apis {
            let _ = a.worst_for(input);
        }
    }

    /// Endpoints under one site share exactly their longest common suffix; other mixes are
    /// refused for the reason the domain rules give.
    #[test]
    fn one_site_shares_its_longest_common_suffix(apis in site_group()) {
        let a = analyse(&DomainInput { apis: &apis, ..Default::default() }, &PSL);
        check_cookie_domain(&a)?;
        let parsed: Vec<Endpoint> = apis.iter().map(|t| Endpoint::parse(t)).collect::<Result<_, _>>()
            .map_err(|e| TestCaseError::fail(format!("{apis:?}: {e:?}")))?;
        let mut hosts: Vec<&str> = parsed.iter().map(|e| e.host.as_str()).collect();
        hosts.dedup();
        hosts.sort();
        hosts.dedup();
        let sites: Vec<Option<&str>> = hosts.iter().map(|h| PSL.registrable_domain(h)).collect();
        let one_site = sites.iter().all(|s| s.is_some() && *s == sites[0]);
        let one_scheme = parsed.iter().all(|e| e.scheme == parsed[0].scheme);
        let codes: Vec<Code> = a.findings.iter().map(|f| f.code).collect();
        if hosts.len() == 1 {
            prop_assert_eq!(&a.cookie_domain, &None);
            prop_assert!(codes.contains(&Code::SingleHost));
        } else if !one_site {
            prop_assert_eq!(&a.cookie_domain, &None);
            prop_assert!(codes.contains(&Code::DifferentSites), "{:#?}", a.findings);
        } else if !one_scheme {
            prop_assert_eq!(&a.cookie_domain, &None);
            prop_assert!(codes.contains(&Code::MixedSchemes), "{:#?}", a.findings);
        } else {
            // Worked out here from the labels, not by the code under test.
            let split: Vec<Vec<&str>> = hosts.iter().map(|h| h.rsplit('.').collect()).collect();
            let shared = (0..).take_while(|&i| split.iter().all(|l| l.get(i).is_some() && l[i] == split[0][i])).count();
            let mut common: Vec<&str> = split[0][..shared].to_vec();
            common.reverse();
            let expected = format!(".{}", common.join("."));
            prop_assert_eq!(a.cookie_domain.as_deref(), Some(expected.as_str()), "{:#?}", a.findings);
            prop_assert!(!a.has_errors(), "{:#?}", a.findings);
        }
    }

    /// Hosts sharing odd labels: the cookie domain keeps every rule all the same.
    #[test]
    fn odd_hosts_keep_the_cookie_domain_rules(apis in odd_group()) {
        let a = analyse(&DomainInput { apis: &apis, ..Default::default() }, &PSL);
        check_cookie_domain(&a)?;
    }

    /// Any app name, URL text, cookie domain or explanation renders to a file oxc parses in
    /// every syntax, holding each value byte for byte and the same statements as always.
    #[test]
    fn rendered_files_parse_and_hold_every_value(
        app_name in hostile_text(),
        api_domain in hostile_text(),
        website_domain in hostile_text(),
        connection_uri in hostile_text(),
        // "" never comes from the analysis, and handlebars' {{#if}} takes it as false.
        cookie_domain in prop::option::of(hostile_text().prop_filter("non-empty", |s| !s.is_empty())),
        older_cookie_domain in prop::option::of(hostile_text()),
        api_base_path in prop::option::of(hostile_text().prop_filter("non-empty", |s| !s.is_empty())),
        website_base_path in prop::option::of(hostile_text().prop_filter("non-empty", |s| !s.is_empty())),
        why in hostile_text().prop_filter("no marker", |s| !s.contains("st-setup:")),
        kind in select(KINDS.to_vec()),
        syntax in select(Syntax::ALL.to_vec()),
        recipes in select(Recipes::choices()),
    ) {
        let older_cookie_domain = if kind == Role::Backend { older_cookie_domain } else { None };
        let values = FileValues {
            app_name: &app_name,
            connection_uri: &connection_uri,
            api_base_path: api_base_path.as_deref(),
            website_base_path: website_base_path.as_deref(),
            recipes: &recipes,
            header: false,
            keep_websites_list: false,
            environments: vec![EnvValues::only(
                &api_domain,
                &website_domain,
                cookie_domain.as_deref(),
                older_cookie_domain.as_deref(),
                &why,
            )],
        };
        check_render(kind, syntax, &values)?;
    }

    /// A whole run, from any answers and any previous st-setup.json: no panic; when it
    /// succeeds both files parse as Node would load them, agree with each other and with the
    /// analysis, and st-setup.json reads back as what was saved.
    #[test]
    fn generate_never_panics_and_its_files_agree(
        apis in prop_oneof![
            3 => site_group(),
            1 => odd_group(),
            1 => prop::collection::vec(hostile_text(), 0..3),
        ],
        website in prop_oneof![
            3 => select(vec!["https://example.com", "example.com", "http://localhost:3000", "https://app.example.co.uk"]).prop_map(str::to_owned),
            1 => hostile_text(),
        ],
        app_name in hostile_text(),
        ui in prop_oneof![Just(Ui::Prebuilt), Just(Ui::Custom)],
        lang in prop_oneof![Just(Lang::Ts), Just(Lang::Js)],
        backend_out in out_path(BACKEND_OUTS),
        frontend_out in out_path(FRONTEND_OUTS),
        connection_uri in prop_oneof![
            3 => Just("http://localhost:3567".to_owned()),
            1 => hostile_text(),
        ],
        package in prop_oneof![Just(Package::Bare), Just(Package::CommonJs), Just(Package::Module)],
        previous in prop::option::of(arb_saved()),
        recipes in select(Recipes::choices()),
    ) {
        let answers = Answers {
            apis,
            auth_api: None,
            website: Some(website),
            ui: Some(ui),
            app_name: Some(app_name),
            backend_out: vec![backend_out.clone()],
            frontend_out: vec![frontend_out.clone()],
            lang: Some(lang),
            connection_uri: Some(connection_uri),
            api_base_path: None,
            website_base_path: None,
            recipes: Some(recipes),
            token_transfer: None,
            environments: Vec::new(),
            env: None,
            other_websites: Vec::new(),
        };
        let project = package.dir();
        let Ok(outcome) = generate(project, &answers, previous.as_ref(), &PSL, false) else {
            return Ok(());
        };
        let a = &outcome.analysis;
        prop_assert!(!a.has_errors());
        check_cookie_domain(a)?;
        prop_assert_eq!(outcome.files.len(), 3);
        let mut read = Vec::new();
        for (file, out, kind) in [
            (&outcome.files[0], &backend_out, Role::Backend),
            (&outcome.files[1], &frontend_out, Role::Frontend(ui)),
        ] {
            prop_assert_eq!(file.target.as_ref().map(|t| t.role), Some(kind));
            let (source_type, commonjs) = expected_syntax(out, package, lang);
            let parsed = parse_file(&file.new, source_type);
            prop_assert!(parsed.is_ok(), "{} does not parse: {}\n{}", out.display(), parsed.unwrap_err(), file.new);
            let parsed = parsed.unwrap();
            prop_assert_eq!(commonjs, !parsed.statements.contains(&"import"), "{}\n{}", out.display(), file.new);
            prop_assert_eq!(marker_lines(&file.new), (1, 1));
            read.push(parsed.values);
        }
        let (backend, frontend) = (&read[0], &read[1]);
        let setup = &outcome.setup;
        prop_assert_eq!(backend.get("appInfo.appName"), Some(&setup.app_name));
        prop_assert_eq!(frontend.get("appInfo.appName"), Some(&setup.app_name));
        prop_assert_eq!(backend.get("connectionURI"), Some(&setup.connection_uri));
        prop_assert_eq!(backend.get("appInfo.apiDomain"), a.api_domain.as_ref());
        prop_assert_eq!(frontend.get("appInfo.apiDomain"), a.api_domain.as_ref());
        prop_assert_eq!(backend.get("session.cookieDomain"), a.cookie_domain.as_ref());
        prop_assert_eq!(
            frontend.get("session.sessionTokenBackendDomain"),
            backend.get("session.cookieDomain")
        );
        let website = a.website.as_ref().map(Endpoint::origin);
        prop_assert_eq!(backend.get("appInfo.websiteDomain"), website.as_ref());
        // The previous cookie domain is kept when it changed, while the auth API can still
        // reach its cookies: a domain it is under, or host-only cookies of the same host.
        let before = previous.as_ref().and_then(|p| p.generated.as_ref());
        let candidate = match before {
            None => None,
            Some(g) if g.cookie_domain == a.cookie_domain => g.older_cookie_domain.clone(),
            Some(g) => Some(g.cookie_domain.clone().unwrap_or_default()),
        };
        let api_host = a.api_endpoint().map(|e| e.host.clone()).unwrap_or_default();
        let previous_api_host = previous.as_ref().and_then(|p| {
            st_setup::generate::analyse_answers(&p.answers, &PSL).api_endpoint().map(|e| e.host.clone())
        });
        let older = candidate.filter(|d| match d.strip_prefix('.').unwrap_or(d) {
            "" if d.is_empty() => previous_api_host.as_ref().is_none_or(|h| *h == api_host),
            domain => api_host == domain || api_host.ends_with(&format!(".{domain}")),
        });
        prop_assert_eq!(backend.get("session.olderCookieDomain"), older.as_ref());
        let saved = SavedSetup::parse(&outcome.files[2].new);
        prop_assert!(saved.is_ok(), "{:?}", saved);
        prop_assert_eq!(saved.unwrap(), outcome.saved.clone());
    }

    /// st-setup.json: any text, or JSON of any shape, is read or refused without a panic.
    #[test]
    fn saved_setup_parse_never_panics(
        text in prop_oneof![
            hostile_text(),
            json_like().prop_map(|v| v.to_string()),
            (json_like(), any::<prop::sample::Index>()).prop_map(|(v, cut)| {
                let text = serde_json::to_string_pretty(&v).unwrap();
                let chars: Vec<char> = text.chars().collect();
                chars[..cut.index(chars.len() + 1)].iter().collect()
            }),
        ],
    ) {
        if let Ok(saved) = SavedSetup::parse(&text) {
            prop_assert_eq!(saved.version, st_setup::answers::version_for(&saved.answers));
        }
    }

    /// Whatever st-setup saves, it reads back as it was.
    #[test]
    fn saved_setup_round_trips(mut saved in arb_saved()) {
        // Endpoints are kept one per entry; an entry holding a list is read as that list.
        saved.answers.apis = st_setup::text::split_all(&saved.answers.apis);
        // Saved as the version its answers need.
        saved.version = st_setup::answers::version_for(&saved.answers);
        let text = saved.to_json();
        let back = SavedSetup::parse(&text);
        prop_assert!(back.is_ok(), "{:?}\n{}", back, text);
        prop_assert_eq!(back.unwrap(), saved);
    }
}

proptest! {
    #![proptest_config(config(4096))]

    /// A cookie domain is a host name: every label letters, digits, `-` (or `_`). The WHATWG
    /// parser lets `'`, `` ` ``, `*`, `$`, `{`, `!`, … into a host, so `'api.example.com'`
    /// (quoted, as copied from code) and `'api2.example.com'` share `.example.com'`.
    #[test]
    fn cookie_domain_is_a_host_name(apis in prop_oneof![site_group(), odd_group()]) {
        let a = analyse(&DomainInput { apis: &apis, ..Default::default() }, &PSL);
        if let Some(domain) = &a.cookie_domain {
            let host_name = domain[1..].split('.').all(|label| {
                !label.is_empty()
                    && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
            });
            prop_assert!(host_name, "{:?} gives the cookie domain {:?}", apis, domain);
        }
    }

    /// Domain rule 1: text without a scheme is https (http for local hosts), whatever its path,
    /// query or fragment holds.
    #[test]
    fn scheme_less_input_is_https(
        sub in prop::collection::vec(select(SUBLABELS), 0..3),
        site in select(SITES),
        port in select(GOOD_PORTS),
        path in select(vec!["", "/auth", "/auth?next=https://example.com", "?r=http://x", "#https://y", "/a://b"]),
    ) {
        let mut host = sub.join(".");
        if !host.is_empty() {
            host.push('.');
        }
        host.push_str(site);
        let bare = format!("{host}{port}{path}");
        let with_scheme = Endpoint::parse(&format!("https://{bare}"));
        prop_assume!(with_scheme.is_ok());
        let parsed = Endpoint::parse(&bare);
        prop_assert!(parsed.is_ok(), "{:?}: {:?}", bare, parsed);
        prop_assert_eq!(parsed.unwrap().origin(), with_scheme.unwrap().origin());
    }
}

/// One endpoint of `site_group`, for joining two of them.
fn one_endpoint() -> BoxedStrategy<String> {
    site_group().prop_map(|group| group[0].clone()).boxed()
}

/// A character that must never be silently dropped from inside an endpoint: line breaks,
/// tabs, the C0 and C1 controls, and the invisible format characters URL parsers skip.
fn invisible_char() -> BoxedStrategy<char> {
    prop_oneof![
        select(vec![
            '\n', '\r', '\t', '\u{b}', '\u{c}', '\u{85}', '\u{7f}', '\u{1b}', '\0'
        ]),
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
        (0x80u32..0xa0).prop_map(|c| char::from_u32(c).unwrap()),
        select(vec![
            '\u{ad}', '\u{200b}', '\u{200d}', '\u{202e}', '\u{2060}', '\u{feff}'
        ]),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config(4096))]

    /// Two endpoints pasted as one text, separated by a line break, tab, comma or space, are
    /// read as the two endpoints; never as one host glued from both.
    #[test]
    fn a_pasted_list_is_its_endpoints(
        a in one_endpoint(),
        b in one_endpoint(),
        separator in select(vec!["\n", "\r\n", "\t", ",", " ", ", ", "\n\n", " \t\r\n"]),
    ) {
        let pasted = format!("{a}{separator}{b}");
        let items = st_setup::text::split_all(std::slice::from_ref(&pasted));
        prop_assert_eq!(&items, &vec![a.clone(), b.clone()], "{:?}", pasted);
        let analysed = analyse(&DomainInput { apis: &items, ..Default::default() }, &PSL);
        let origins: Vec<String> = analysed.valid_endpoints().map(Endpoint::origin).collect();
        let expected: Vec<String> = [&a, &b].iter().filter_map(|e| endpoint::origin_of(e)).collect();
        prop_assert_eq!(origins, expected);
    }

    /// Any invisible character inside an endpoint makes it unusable, and the message names
    /// the character and where it is, escaped: the text is never silently glued together.
    #[test]
    fn an_invisible_character_inside_is_refused_and_named(
        endpoint in one_endpoint(),
        c in invisible_char(),
        at in any::<prop::sample::Index>(),
    ) {
        let chars: Vec<char> = endpoint.chars().collect();
        // Inside, not at the ends, where white space is trimmed as a person expects.
        prop_assume!(chars.len() > 2);
        let at = 1 + at.index(chars.len() - 1);
        let text: String = chars[..at].iter().chain([c].iter()).chain(chars[at..].iter()).collect();
        let parsed = Endpoint::parse(&text);
        let refused = matches!(
            &parsed,
            Err(st_setup::endpoint::EndpointError::Invisible { character, .. }) if *character == c
        );
        prop_assert!(refused, "{:?} -> {:?}", text, parsed);
        let a = analyse(&DomainInput { apis: std::slice::from_ref(&text), ..Default::default() }, &PSL);
        let message = &a.findings.iter().find(|f| f.code == Code::InvalidUrl).unwrap().message;
        prop_assert!(message.contains(&format!("U+{:04X}", u32::from(c))), "{}", message);
        prop_assert!(!message.contains(c), "the raw character reached the message: {:?}", message);
    }

}

proptest! {
    // Each case parses texts of up to 140,000 characters several times: a few dozen cases
    // cover every part of an endpoint at each length class.
    #![proptest_config(config(48))]

    /// Endpoints of any length, past the 65,535 a formatting width takes, are analysed and
    /// reported without a panic, and every report line stays short.
    #[test]
    fn any_length_is_reported_in_bounded_lines(
        length in prop_oneof![0usize..100, 65_530usize..65_540, 65_536usize..140_000],
        part in select(vec!["host", "label", "path", "junk"]),
        other in one_endpoint(),
    ) {
        let long = match part {
            "host" => format!("https://{}.example.com", ["a"; 40].join(".").repeat(length / 80 + 1)),
            "label" => format!("https://{}.example.com", "a".repeat(length)),
            "path" => format!("https://api.example.com/{}", "p".repeat(length)),
            _ => "é\u{1b}".repeat(length / 2 + 1),
        };
        let apis = vec![long, other];
        let a = analyse(&DomainInput { apis: &apis, auth_api: Some(&apis[0]), website: Some(&apis[0]), header: false, other_websites: &[] }, &PSL);
        let report = st_setup::report::analysis(&a, None);
        let widest = report.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        prop_assert!(widest < 1_500, "a report line of {} characters", widest);
        let wrapped = st_setup::report::analysis(&a, Some(60));
        prop_assert!(wrapped.lines().count() < 400);
        let _ = serde_json::to_string(&a.to_json()).unwrap();
    }
}

// ---------------------------------------------------------------------------------------
// The hand-picked corpus
// ---------------------------------------------------------------------------------------

/// `tests/corpus/endpoints.txt`: one input a line, taken literally; `#` starts a comment
/// line, blank lines are skipped, and a line `json:"…"` is a JSON string (for NUL, line
/// breaks and other bytes a text line cannot hold).
fn corpus() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/endpoints.txt");
    let text = std::fs::read_to_string(&path).expect("tests/corpus/endpoints.txt");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.strip_prefix("json:") {
            Some(json) => serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("corpus line {l:?} is not a JSON string: {e}")),
            None => l.to_owned(),
        })
        .collect()
}

fn run_check(what: &str, check: Result<(), TestCaseError>) {
    if let Err(e) = check {
        panic!("{what}: {e}");
    }
}

/// Every corpus input goes through parse, analysis (alone, beside a good endpoint, as the
/// auth API and the website), rendering in every kind and syntax (as every value), a whole
/// `generate` run and st-setup.json parsing; what each parses to is snapshotted.
#[test]
fn corpus_endpoints_survive_everything() {
    let inputs = corpus();
    assert!(inputs.len() >= 60, "only {} corpus inputs", inputs.len());
    let mut table = String::new();
    for input in &inputs {
        let shown = format!("{input:?}");
        match Endpoint::parse(input) {
            Ok(e) => {
                run_check(&shown, check_endpoint(input, &e));
                table.push_str(&format!("{shown} -> {} ({:?})\n", e.origin(), e.kind));
            }
            Err(err) => table.push_str(&format!("{shown} -> {}\n", error_name(&err))),
        }
        let good = "https://api.example.com".to_owned();
        for apis in [
            vec![input.clone()],
            vec![input.clone(), good.clone()],
            vec![
                good.clone(),
                input.clone(),
                "https://a.b.example.com".to_owned(),
            ],
        ] {
            for (auth_api, website) in [(None, None), (Some(input.as_str()), Some(input.as_str()))]
            {
                let a = analyse(
                    &DomainInput {
                        apis: &apis,
                        auth_api,
                        website,
                        header: false,
                        other_websites: &[],
                    },
                    &PSL,
                );
                run_check(&format!("analysis of {apis:?}"), check_cookie_domain(&a));
            }
        }
        let all_recipes: Recipes = "emailpassword,thirdparty,passwordless".parse().unwrap();
        for kind in KINDS {
            for syntax in Syntax::ALL {
                let values = FileValues {
                    app_name: input,
                    connection_uri: input,
                    api_base_path: Some(input.as_str()).filter(|s| !s.is_empty()),
                    website_base_path: Some(input.as_str()).filter(|s| !s.is_empty()),
                    recipes: &all_recipes,
                    header: false,
                    keep_websites_list: false,
                    environments: vec![EnvValues::only(
                        input,
                        input,
                        Some(input.as_str()).filter(|s| !s.is_empty()),
                        Some(input.as_str()).filter(|_| kind == Role::Backend),
                        input,
                    )],
                };
                run_check(
                    &format!("{shown} rendered as {kind:?} {syntax:?}"),
                    check_render(kind, syntax, &values),
                );
            }
        }
        for package in [Package::Bare, Package::CommonJs, Package::Module] {
            let answers = Answers {
                apis: vec![input.clone(), "https://api2.example.com".to_owned()],
                website: Some("https://example.com".to_owned()),
                ui: Some(Ui::Custom),
                app_name: Some(input.clone()),
                backend_out: vec![inside(input)],
                lang: Some(Lang::Js),
                ..Default::default()
            };
            if let Ok(outcome) = generate(package.dir(), &answers, None, &PSL, false) {
                for file in &outcome.files[..2] {
                    let (source_type, _) = expected_syntax(&file.display, package, Lang::Js);
                    if let Err(e) = parse_file(&file.new, source_type) {
                        panic!("{shown}: {} does not parse: {e}", file.display.display());
                    }
                }
            }
        }
        let _ = SavedSetup::parse(input);
    }
    in_snapshots!({
        insta::assert_snapshot!("props-corpus-endpoints", table);
    });
}

fn error_name(e: &st_setup::endpoint::EndpointError) -> String {
    use st_setup::endpoint::EndpointError::*;
    match e {
        Empty => "error: empty".into(),
        Invalid(why) => format!("error: invalid ({why})"),
        UnsupportedScheme(s) => format!("error: unsupported scheme {s:?}"),
        Credentials => "error: credentials".into(),
        Ipv6 => "error: IPv6".into(),
        SingleLabel(h) => format!("error: single label {h:?}"),
        EmptyLabel(h) => format!("error: empty label {h:?}"),
        Wildcard(h) => format!("error: wildcard {h:?}"),
        BadCharacter { host, character } => {
            format!("error: bad character {character:?} in {host:?}")
        }
        Invisible {
            position,
            character,
        } => format!("error: invisible {character:?} at {position}"),
        HostTooLong(length) => format!("error: host of {length} characters"),
        LabelTooLong(label) => format!("error: label {label:?} too long"),
    }
}

/// st-setup.json texts no property is likely to hit: deep nesting, huge numbers, BOMs.
#[test]
fn saved_setup_survives_hand_picked_files() {
    let deep_array = "[".repeat(100_000);
    let deep_object = "{\"version\":1,\"answers\":".repeat(10_000);
    for text in [
        "",
        "\u{feff}{\"version\": 1}",
        "{\"version\": 1.0}",
        "{\"version\": 1e400}",
        "{\"version\": 18446744073709551616}",
        "{\"version\": -1}",
        "{\"version\": \"1\"}",
        "{\"version\": 1, \"version\": 1}",
        "{\"version\": 1, \"answers\": {\"apis\": \"https://api.example.com\"}}",
        "{\"version\": 1, \"answers\": {\"ui\": \"Prebuilt\"}}",
        "{\"version\": 1, \"generated\": {\"cookieDomain\": 7}}",
        "{\"version\": 1, \"answers\": {\"backendOut\": \"\\u0000\"}}",
        "{\"version\": 1, \"answers\": {\"appName\": \"\\ud800\"}}",
        "null",
        "[]",
        &deep_array,
        &deep_object,
    ] {
        let _ = SavedSetup::parse(text);
    }
    assert!(SavedSetup::parse("{\"version\": 1}").is_ok());
}

// ---------------------------------------------------------------------------------------
// Minimal cases of bugs the properties found; they fail until src/ is fixed.
// ---------------------------------------------------------------------------------------

pub fn analyse_apis(apis: &[&str]) -> Analysis {
    let apis: Vec<String> = apis.iter().map(|s| (*s).to_owned()).collect();
    analyse(
        &DomainInput {
            apis: &apis,
            ..Default::default()
        },
        &PSL,
    )
}

/// Endpoints copied from code with their quotes: the WHATWG parser takes `'` as part of
/// the host, so both hosts "share" the registrable domain `example.com'` (unknown TLD
/// `com'`, implicit `*` rule) and the files get `cookieDomain: ".example.com'"`.
#[test]
fn quoted_hosts_are_refused() {
    let a = analyse_apis(&["'api.example.com'", "'api2.example.com'"]);
    assert_eq!(a.cookie_domain, None);
    assert!(a.has_errors(), "{:#?}", a.findings);
}

/// `*.example.com` is a pattern, not an endpoint; today it becomes `apiDomain`.
#[test]
fn wildcard_hosts_are_refused() {
    assert!(Endpoint::parse("https://*.example.com").is_err());
    let a = analyse_apis(&["https://a.*.example.com", "https://b.*.example.com"]);
    assert_eq!(a.cookie_domain, None, "{:#?}", a.findings);
}

/// No scheme, and a URL in the query: still `https://api.example.com` (domain rule 1).
#[test]
fn a_url_in_the_query_is_no_scheme() {
    for input in [
        "api.example.com/auth?next=https://example.com",
        "api.example.com?x=https://y",
        "localhost:3000/#http://x",
    ] {
        let e = Endpoint::parse(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert!(e.scheme_assumed, "{input}");
    }
}

/// Real init files of every language doctor reads, to mutate.
const DOCTOR_SEEDS: [(&str, &str); 5] = [
    (
        "a.ts",
        include_str!("../fixtures/doctor/monorepo-clean/services/api/src/supertokens.ts"),
    ),
    (
        "a.py",
        include_str!("../fixtures/doctor/monorepo-clean/services/billing/app/auth.py"),
    ),
    (
        "a.go",
        include_str!("../fixtures/doctor/go-service/cmd/api/main.go"),
    ),
    (
        "a.vue",
        include_str!("../fixtures/doctor/vue-app/src/App.vue"),
    ),
    (
        "a.tsx",
        include_str!("../fixtures/doctor/nextjs-appinfo/app/config/frontend.tsx"),
    ),
];

proptest! {
    #![proptest_config(config(2048))]

    /// doctor's extractors take any bytes in any language without a panic: arbitrary text,
    /// and real init files with bytes cut, doubled or replaced (deep parser paths).
    #[test]
    fn doctor_extractors_never_panic(
        text in hostile_text(),
        seed in 0..DOCTOR_SEEDS.len(),
        cut in any::<prop::sample::Index>(),
        length in 0usize..40,
        insert in "[\\x00-\\x7f\\u{80}-\\u{10ffff}]{0,8}",
    ) {
        let read = |_: &std::path::Path| Some(text.clone());
        for extension in st_setup::doctor::extract::EXTENSIONS {
            let path = std::path::PathBuf::from(format!("x.{extension}"));
            let _ = st_setup::doctor::extract::init_calls(&path, &text, &read);
        }
        let (name, original) = DOCTOR_SEEDS[seed];
        let mut at = cut.index(original.len());
        while !original.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + length).min(original.len());
        while !original.is_char_boundary(end) {
            end -= 1;
        }
        let mutated = format!("{}{insert}{}", &original[..at], &original[end..]);
        let calls = st_setup::doctor::extract::init_calls(std::path::Path::new(name), &mutated, &read);
        for call in calls {
            prop_assert!(call.at.line >= 1 && call.at.line <= mutated.lines().count().max(1) + 1);
        }
    }
}
