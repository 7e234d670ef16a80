//! The command line (DESIGN §3). Every question of the wizard has a flag here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::answers::{Answers, Lang, Ui};

const EXAMPLES: &str = "\
Examples:
  st-setup                                   ask in a full-screen wizard
  st-setup domain api.example.com api2.example.com
                                             which cookie domain, and why
  st-setup --yes --api https://api.example.com --api https://api2.example.com \\
      --website https://example.com --ui prebuilt --app-name Acme
                                             write both files without asking
  st-setup add-api https://api3.example.com --dry-run
                                             preview the change an added API makes
  st-setup check                             exit 1 if the files drifted from st-setup.json

Exit codes: 0 ok, 1 the answers cannot work or a run failed, 2 usage error, 130 cancelled.";

#[derive(Debug, Parser)]
#[command(
    name = "st-setup",
    about = "Set up SuperTokens sessions shared across several API endpoints",
    long_about = "Set up SuperTokens sessions shared across several API endpoints.\n\n\
        When a frontend talks to several APIs (api.example.com, api2.example.com), the backend's \
        Session.init needs cookieDomain and the frontend's Session.init needs \
        sessionTokenBackendDomain: the same value, the APIs' common domain with a leading dot \
        (\".example.com\"). st-setup works it out with the Public Suffix List, explains every \
        constraint, and writes matching backend (supertokens-node) and frontend \
        (supertokens-auth-react or supertokens-web-js) init files.\n\n\
        Answers come from st-setup.json (written after each run), then flags, then the wizard.",
    after_help = EXAMPLES,
    disable_version_flag = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub answers: AnswerFlags,

    #[command(flatten)]
    pub run: RunFlags,

    /// Print the version and the Public Suffix List's version
    #[arg(short = 'V', long, global = true)]
    pub version: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse API endpoints only: the shared cookie domain, and why
    Domain {
        /// API endpoints, e.g. https://api.example.com or api2.example.com:8443
        #[arg(value_name = "URL", required = true)]
        urls: Vec<String>,
    },
    /// Add API endpoints to st-setup.json and regenerate the files
    AddApi {
        /// The new API endpoints
        #[arg(value_name = "URL", required = true)]
        urls: Vec<String>,
    },
    /// Exit 1 when the files on disk are not what st-setup.json generates
    Check,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Answers (each replaces the one in st-setup.json)")]
pub struct AnswerFlags {
    /// An API endpoint the frontend calls; repeat for each API
    #[arg(long = "api", value_name = "URL", global = true)]
    pub apis: Vec<String>,

    /// The endpoint serving /auth (appInfo.apiDomain) [default: the first --api]
    #[arg(long, value_name = "URL", global = true)]
    pub auth_api: Option<String>,

    /// Where the frontend is served (appInfo.websiteDomain), e.g. https://example.com
    #[arg(long, value_name = "URL", global = true)]
    pub website: Option<String>,

    /// Login pages from supertokens-auth-react (prebuilt), or your own pages using
    /// supertokens-web-js (custom)
    #[arg(long, value_enum, global = true)]
    pub ui: Option<Ui>,

    /// appInfo.appName, shown in emails and the login UI
    #[arg(long, value_name = "NAME", global = true)]
    pub app_name: Option<String>,

    /// The backend init file [default: backend/supertokens.ts, or .js]
    #[arg(long, value_name = "PATH", global = true)]
    pub backend_out: Option<PathBuf>,

    /// The frontend init file [default: frontend/supertokens.ts, or .js]
    #[arg(long, value_name = "PATH", global = true)]
    pub frontend_out: Option<PathBuf>,

    /// TypeScript or JavaScript for the default file names [default: ts, or js when the
    /// project has a package.json and no tsconfig.json]. An output path's own extension
    /// decides: .ts/.mts/.cts TypeScript, .mjs ES module, .cjs CommonJS, .js as the
    /// nearest package.json's "type" says
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,

    /// Where the backend reaches the SuperTokens core [default: http://localhost:3567]
    #[arg(long, value_name = "URL", global = true)]
    pub connection_uri: Option<String>,
}

impl AnswerFlags {
    pub fn to_answers(&self) -> Answers {
        Answers {
            apis: self.apis.clone(),
            auth_api: self.auth_api.clone(),
            website: self.website.clone(),
            ui: self.ui,
            app_name: self.app_name.clone(),
            backend_out: self.backend_out.clone(),
            frontend_out: self.frontend_out.clone(),
            lang: self.lang,
            connection_uri: self.connection_uri.clone(),
        }
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "How to run")]
pub struct RunFlags {
    /// Ask nothing: use flags, st-setup.json and defaults; fail naming any missing flag
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,

    /// Print what would change as a unified diff; write nothing
    #[arg(long, global = true)]
    pub dry_run: bool,

    /// Replace output files st-setup did not generate (a copy is kept as FILE.bak)
    #[arg(long, global = true)]
    pub force: bool,

    /// Print machine-readable JSON on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// Ask line by line instead of full-screen (automatic when TERM=dumb)
    #[arg(long, global = true)]
    pub plain: bool,

    /// The project folder: st-setup.json and relative output paths live here
    #[arg(
        short = 'C',
        long,
        value_name = "DIR",
        default_value = ".",
        global = true
    )]
    pub dir: PathBuf,

    /// Use this public_suffix_list.dat instead of the embedded copy
    #[arg(long, value_name = "FILE", global = true)]
    pub psl: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
