//! The sign-in recipes a setup initialises beside Session, and what each needs on both
//! sides: the same choice reaches every backend and every frontend, so a login page
//! never offers a method its API does not serve.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One sign-in method, as the SDKs name their recipes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Recipe {
    EmailPassword,
    ThirdParty,
    Passwordless,
}

impl Recipe {
    pub const ALL: [Recipe; 3] = [
        Recipe::EmailPassword,
        Recipe::ThirdParty,
        Recipe::Passwordless,
    ];

    /// The name on the command line and in st-setup.json.
    pub fn name(self) -> &'static str {
        match self {
            Recipe::EmailPassword => "emailpassword",
            Recipe::ThirdParty => "thirdparty",
            Recipe::Passwordless => "passwordless",
        }
    }

    /// The name people know it by.
    pub fn label(self) -> &'static str {
        match self {
            Recipe::EmailPassword => "EmailPassword",
            Recipe::ThirdParty => "ThirdParty",
            Recipe::Passwordless => "Passwordless",
        }
    }

    /// What the user signs in with.
    pub fn describe(self) -> &'static str {
        match self {
            Recipe::EmailPassword => "email and password",
            Recipe::ThirdParty => "Google or GitHub (OAuth)",
            Recipe::Passwordless => "a code or magic link sent by email",
        }
    }
}

/// A sign-in provider of the ThirdParty recipe. Its client id and secret are read from
/// the environment when the backend starts: a secret never lands in a generated file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    /// `thirdPartyId`, and the frontend's `ThirdParty.<Name>` builder.
    pub id: &'static str,
    pub name: &'static str,
    pub client_id_var: &'static str,
    pub client_secret_var: &'static str,
}

/// The providers a ThirdParty setup offers: the two the SDKs' own examples start with.
pub const PROVIDERS: [Provider; 2] = [
    Provider {
        id: "google",
        name: "Google",
        client_id_var: "GOOGLE_CLIENT_ID",
        client_secret_var: "GOOGLE_CLIENT_SECRET",
    },
    Provider {
        id: "github",
        name: "Github",
        client_id_var: "GITHUB_CLIENT_ID",
        client_secret_var: "GITHUB_CLIENT_SECRET",
    },
];

/// Passwordless' contact method and flow, the same on both sides (the frontend's form must
/// ask for what the backend sends to).
pub const PASSWORDLESS_CONTACT: &str = "EMAIL";
pub const PASSWORDLESS_FLOW: &str = "USER_INPUT_CODE_AND_MAGIC_LINK";

/// The chosen recipes, in one order whatever order they were given in; empty: Session
/// only (the user adds their own sign-in recipes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Recipes(Vec<Recipe>);

impl Recipes {
    /// What a new setup gets when nobody chose: the simplest working login.
    pub fn default_choice() -> Recipes {
        Recipes(vec![Recipe::EmailPassword])
    }

    pub fn new(recipes: impl IntoIterator<Item = Recipe>) -> Recipes {
        let mut list: Vec<Recipe> = recipes.into_iter().collect();
        list.sort();
        list.dedup();
        Recipes(list)
    }

    pub fn contains(&self, recipe: Recipe) -> bool {
        self.0.contains(&recipe)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = Recipe> + '_ {
        self.0.iter().copied()
    }

    /// The environment variables the backends read: set them before starting.
    pub fn env_vars(&self) -> Vec<&'static str> {
        if !self.contains(Recipe::ThirdParty) {
            return Vec::new();
        }
        PROVIDERS
            .iter()
            .flat_map(|p| [p.client_id_var, p.client_secret_var])
            .collect()
    }

    /// Every choice the wizard cycles through, the default first.
    pub fn choices() -> Vec<Recipes> {
        use Recipe::*;
        [
            vec![EmailPassword],
            vec![EmailPassword, ThirdParty],
            vec![ThirdParty],
            vec![Passwordless],
            vec![ThirdParty, Passwordless],
            vec![EmailPassword, Passwordless],
            vec![EmailPassword, ThirdParty, Passwordless],
            vec![],
        ]
        .into_iter()
        .map(Recipes::new)
        .collect()
    }

    /// `EmailPassword + ThirdParty`, or `none (Session only)`.
    pub fn label(&self) -> String {
        if self.is_empty() {
            return "none (Session only)".to_owned();
        }
        self.iter()
            .map(Recipe::label)
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

impl fmt::Display for Recipes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        let names: Vec<_> = self.iter().map(Recipe::name).collect();
        f.write_str(&names.join(","))
    }
}

impl FromStr for Recipes {
    type Err = String;

    /// `emailpassword,thirdparty` (any case, any order, spaces allowed), or `none`.
    fn from_str(text: &str) -> Result<Recipes, String> {
        let mut words: Vec<String> = text
            .split([',', ' ', '+'])
            .map(|w| w.trim().to_ascii_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        words.sort_unstable();
        words.dedup();
        if words.is_empty() {
            return Err("no recipe given; name some of emailpassword, thirdparty, passwordless (comma-separated), or none for Session only".to_owned());
        }
        if words == ["none"] {
            return Ok(Recipes::default());
        }
        let mut recipes = Vec::new();
        for word in &words {
            let recipe = Recipe::ALL
                .into_iter()
                .find(|r| r.name() == word.replace(['-', '_'], ""))
                .ok_or_else(|| {
                    if word == "none" {
                        "none means Session only: it cannot be combined with a recipe".to_owned()
                    } else {
                        format!(
                            "unknown recipe {word:?}; the recipes are emailpassword, thirdparty and passwordless (comma-separated), or none for Session only"
                        )
                    }
                })?;
            recipes.push(recipe);
        }
        Ok(Recipes::new(recipes))
    }
}

// Saved as a list: `"recipes": ["emailpassword", "thirdparty"]`, `[]` for Session only.
impl Serialize for Recipes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Recipes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Recipes, D::Error> {
        Vec::<Recipe>::deserialize(deserializer).map(Recipes::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_in_any_order_and_case() {
        let recipes: Recipes = "ThirdParty, emailpassword".parse().unwrap();
        assert_eq!(recipes.to_string(), "emailpassword,thirdparty");
        assert_eq!(recipes.label(), "EmailPassword + ThirdParty");
        let all: Recipes = "passwordless+thirdparty+email-password".parse().unwrap();
        assert_eq!(all.to_string(), "emailpassword,thirdparty,passwordless");
        assert!("none".parse::<Recipes>().unwrap().is_empty());
        assert!("none,none".parse::<Recipes>().unwrap().is_empty());
    }

    #[test]
    fn refuses_unknown_and_mixed_none() {
        let unknown = "emailpassword,magic".parse::<Recipes>().unwrap_err();
        assert!(
            unknown.contains("\"magic\"") && unknown.contains("passwordless"),
            "{unknown}"
        );
        let mixed = "none,thirdparty".parse::<Recipes>().unwrap_err();
        assert!(mixed.contains("cannot be combined"), "{mixed}");
        assert!("".parse::<Recipes>().is_err());
    }

    #[test]
    fn only_thirdparty_needs_environment_variables() {
        assert!(Recipes::default_choice().env_vars().is_empty());
        let tp: Recipes = "thirdparty".parse().unwrap();
        assert_eq!(
            tp.env_vars(),
            [
                "GOOGLE_CLIENT_ID",
                "GOOGLE_CLIENT_SECRET",
                "GITHUB_CLIENT_ID",
                "GITHUB_CLIENT_SECRET"
            ]
        );
    }

    #[test]
    fn the_choices_are_every_combination_once() {
        let choices = Recipes::choices();
        assert_eq!(choices.len(), 8);
        assert_eq!(choices[0], Recipes::default_choice());
        let mut unique = choices.clone();
        unique.sort_by_key(|r| r.to_string());
        unique.dedup();
        assert_eq!(unique.len(), 8);
    }

    #[test]
    fn saves_as_a_list() {
        let recipes: Recipes = "passwordless,emailpassword".parse().unwrap();
        let json = serde_json::to_string(&recipes).unwrap();
        assert_eq!(json, r#"["emailpassword","passwordless"]"#);
        assert_eq!(serde_json::from_str::<Recipes>(&json).unwrap(), recipes);
        assert!(serde_json::from_str::<Recipes>(r#"["magic"]"#).is_err());
    }
}
