//! Environments: named sets of the answers that differ between the places an app runs
//! (development against `http://localhost:3001`, production against
//! `https://api.example.com`): the API endpoints, the auth API and the website. Every
//! other answer (UI, recipes, files) is one for all of them.
//!
//! A setup without environments keeps those answers at the top of `Answers`, as before.
//! With environments, st-setup.json keeps each set under its name, each is analysed on its
//! own, and the generated files hold every set, checked, and pick one at run time.

use serde::{Deserialize, Serialize};

use crate::text;

/// The answers of one environment, as st-setup.json keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnvAnswers {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apis: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_api: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_websites: Vec<String>,
}

impl EnvAnswers {
    pub fn named(name: &str) -> EnvAnswers {
        EnvAnswers {
            name: name.to_owned(),
            ..EnvAnswers::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        text::split_all(&self.apis).is_empty() && self.auth_api.is_none() && self.website.is_none()
    }

    /// `self` with every answer `over` gives replacing ours.
    pub fn overlaid_with(&mut self, over: &EnvAnswers) {
        if !over.apis.is_empty() {
            self.apis = over.apis.clone();
        }
        if over.auth_api.is_some() {
            self.auth_api = over.auth_api.clone();
        }
        if over.website.is_some() {
            self.website = over.website.clone();
            self.other_websites = over.other_websites.clone();
        }
    }

    /// The name values without one get when a second environment joins them: development
    /// when every endpoint and the website run on this machine (localhost, an IP address),
    /// else production.
    pub fn natural_name(&self) -> &'static str {
        let mut values = text::split_all(&self.apis);
        values.extend(self.auth_api.clone());
        values.extend(self.website.clone());
        let local = values
            .iter()
            .all(|v| crate::endpoint::Endpoint::parse(v).is_ok_and(|e| e.is_local()));
        if local && !values.is_empty() {
            DEVELOPMENT
        } else {
            PRODUCTION
        }
    }
}

pub const DEVELOPMENT: &str = "development";
pub const PRODUCTION: &str = "production";

/// The variable that names the environment at run time, in every language.
const VARIABLE: &str = "ST_SETUP_ENV";

/// An environment's name becomes an object key, a dictionary key and the value of
/// `ST_SETUP_ENV`: letters, digits, `-` and `_`, starting with a letter.
pub fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        && name.len() <= 40;
    if valid {
        Ok(())
    } else {
        Err(format!(
            "the environment name \"{}\" cannot be used: it is the value of {VARIABLE} and a key in the generated files, so it takes letters, digits, - and _, starts with a letter and has at most 40 characters (e.g. --env development, --env production, --env staging)",
            text::shown(name)
        ))
    }
}

/// The environment names, quoted and comma-separated, for messages.
pub fn listed<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_values_are_development_and_the_rest_production() {
        let local = EnvAnswers {
            apis: vec!["http://localhost:3001, 127.0.0.1:3002".into()],
            website: Some("localhost:3000".into()),
            ..EnvAnswers::named("")
        };
        assert_eq!(local.natural_name(), DEVELOPMENT);
        let deployed = EnvAnswers {
            website: Some("https://example.com".into()),
            ..local
        };
        assert_eq!(deployed.natural_name(), PRODUCTION);
        assert_eq!(EnvAnswers::default().natural_name(), PRODUCTION);
    }

    #[test]
    fn names_are_keys_and_variable_values() {
        for good in ["development", "production", "staging-eu", "qa_2"] {
            assert_eq!(check_name(good), Ok(()), "{good}");
        }
        for bad in ["", "2nd", "prod env", "prod\"", "ünï", &"x".repeat(41)] {
            let error = check_name(bad).unwrap_err();
            assert!(error.contains("--env"), "{error}");
        }
    }
}
