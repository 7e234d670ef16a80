//! What one output file is, and all that follows from it: the SDK it initialises, its
//! template, how it writes imports, comments and its managed block's markers, the
//! packages it needs and how its init calls are read back. A target is chosen from the
//! answers and the project's facts; adding a language or a framework means adding a case
//! here and a template under `templates/<language>/`.

use crate::answers::Ui;

/// Which of the two lists of outputs a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Backend,
    Frontend,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Side::Backend => "backend",
            Side::Frontend => "frontend",
        })
    }
}

/// What an output file is for: the backend, or a frontend with its login UI. Written into
/// the managed block's begin marker, so a re-run can tell one block from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Backend,
    Frontend(Ui),
}

impl Role {
    pub fn tag(self) -> &'static str {
        match self {
            Role::Backend => "backend",
            Role::Frontend(Ui::Prebuilt) => "frontend-prebuilt",
            Role::Frontend(Ui::Custom) => "frontend-custom",
        }
    }

    /// The npm packages this file imports, with the peers they need.
    pub fn packages(self) -> &'static [&'static str] {
        match self {
            Role::Backend => &["supertokens-node"],
            Role::Frontend(Ui::Prebuilt) => &[
                "supertokens-auth-react",
                "supertokens-web-js",
                "react",
                "react-dom",
            ],
            Role::Frontend(Ui::Custom) => &["supertokens-web-js"],
        }
    }

    /// The list of outputs the file is in.
    pub fn side(self) -> Side {
        match self {
            Role::Backend => Side::Backend,
            Role::Frontend(_) => Side::Frontend,
        }
    }

    /// The question whose answer is this file's path.
    pub fn question(self) -> crate::answers::Question {
        match self {
            Role::Backend => crate::answers::Question::BackendOut,
            Role::Frontend(_) => crate::answers::Question::FrontendOut,
        }
    }

    /// The flag that names this file's path.
    pub fn out_flag(self) -> &'static str {
        match self {
            Role::Backend => "--backend-out",
            Role::Frontend(_) => "--frontend-out",
        }
    }

    /// What a person calls this file.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Backend => "backend (supertokens-node)",
            Role::Frontend(Ui::Prebuilt) => "frontend (supertokens-auth-react, pre built UI)",
            Role::Frontend(Ui::Custom) => "frontend (supertokens-web-js, custom UI)",
        }
    }
}

/// How a generated file writes its imports so that it compiles and runs where it lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax {
    /// TypeScript: values are checked against the SDK's option types with `satisfies`.
    pub ts: bool,
    pub imports: Imports,
    /// Deep imports of packages without an "exports" map need their file named
    /// (`…/recipe/session/index.js`) where Node's own resolution applies (tsc node16 /
    /// nodenext in an ES module).
    pub index_js: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imports {
    /// `import X from "…"`.
    Esm,
    /// `const X = require("…")`: JavaScript that Node runs as CommonJS.
    Require,
    /// `import X = require("…")`: TypeScript compiled to CommonJS under
    /// `verbatimModuleSyntax`, where tsc refuses ES imports (TS1286, TS1295).
    TsRequire,
}

impl Syntax {
    /// TypeScript as a bundler sees it (and tsc, unless a tsconfig.json says otherwise).
    pub const TYPESCRIPT: Syntax = Syntax {
        ts: true,
        imports: Imports::Esm,
        index_js: false,
    };

    /// JavaScript with these imports.
    pub const fn javascript(imports: Imports) -> Syntax {
        Syntax {
            ts: false,
            imports,
            index_js: false,
        }
    }
}

/// One output file's target: its role and its language, as its module format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub role: Role,
    pub syntax: Syntax,
}

impl Target {
    /// The template, as registered: `<language>/<role>`.
    pub fn template(self) -> &'static str {
        match self.role {
            Role::Backend => "js/backend",
            Role::Frontend(Ui::Prebuilt) => "js/frontend-prebuilt",
            Role::Frontend(Ui::Custom) => "js/frontend-custom",
        }
    }

    /// What starts a line comment in this language.
    pub fn comment(self) -> &'static str {
        "//"
    }

    /// The line that opens st-setup's block, before its tag: `// st-setup:begin`.
    pub fn begin_marker(self) -> String {
        format!("{} st-setup:begin", self.comment())
    }

    /// The line that closes st-setup's block: `// st-setup:end`.
    pub fn end_marker(self) -> String {
        format!("{} st-setup:end", self.comment())
    }

    /// How the file's parser reads it back: TypeScript, an ES module or a CommonJS script.
    pub fn source_type(self) -> oxc_span::SourceType {
        match (self.syntax.ts, self.syntax.imports) {
            (true, _) => oxc_span::SourceType::ts(),
            (false, Imports::Require) => oxc_span::SourceType::cjs(),
            (false, _) => oxc_span::SourceType::mjs(),
        }
    }
}
