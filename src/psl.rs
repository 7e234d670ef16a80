//! The Public Suffix List, vendored in `data/` and embedded in the binary.
//!
//! Browsers refuse a cookie whose `Domain` is a public suffix (`co.uk`, `vercel.app`,
//! `github.io`), so every cookie-domain decision goes through this list — including its
//! private section, which is where the hosting platforms live.

use std::path::Path;

use anyhow::{Context, Result, bail};
use publicsuffix::{List, Psl as _};

/// The copy of the list shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../data/public_suffix_list.dat");

/// A parsed Public Suffix List together with the version named in its header.
pub struct PublicSuffixList {
    list: List,
    version: String,
}

impl PublicSuffixList {
    /// The list embedded in the binary.
    pub fn embedded() -> Self {
        Self::parse(EMBEDDED).expect("the embedded Public Suffix List is valid")
    }

    /// Loads another copy of the list, e.g. a newer download given with `--psl`.
    pub fn from_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the Public Suffix List {}", path.display()))?;
        Self::parse(&text).with_context(|| {
            format!(
                "{} is not a Public Suffix List (expected the format of public_suffix_list.dat)",
                path.display()
            )
        })
    }

    /// Parses list text; fails when it holds no ICANN or private section.
    pub fn parse(text: &str) -> Result<Self> {
        if !text.contains("===BEGIN ICANN DOMAINS===") {
            bail!("no \"===BEGIN ICANN DOMAINS===\" section");
        }
        let list: List = text.parse().map_err(|e| anyhow::anyhow!("{e:?}"))?;
        Ok(Self {
            list,
            version: version_of(text).unwrap_or_else(|| "unknown".to_owned()),
        })
    }

    /// The `VERSION:` header of the list, e.g. `2026-10-22_08-36-41_UTC`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The public suffix of an ASCII (punycode) lowercase host, e.g. `co.uk` for
    /// `api.example.co.uk`. Hosts under no rule get the implicit `*` rule (their last label).
    pub fn suffix<'h>(&self, host: &'h str) -> Option<&'h str> {
        let suffix = self.list.suffix(host.as_bytes())?;
        std::str::from_utf8(suffix.as_bytes()).ok()
    }

    /// The registrable domain ("eTLD+1") of a host: `example.co.uk` for `api.example.co.uk`;
    /// `None` when the host itself is a public suffix.
    pub fn registrable_domain<'h>(&self, host: &'h str) -> Option<&'h str> {
        let domain = self.list.domain(host.as_bytes())?;
        std::str::from_utf8(domain.as_bytes()).ok()
    }

    /// Whether `name` is itself a public suffix, i.e. a domain no cookie may be set for.
    pub fn is_public_suffix(&self, name: &str) -> bool {
        self.suffix(name) == Some(name)
    }
}

/// Reads `// VERSION: …` from the list's header comment.
pub fn version_of(text: &str) -> Option<String> {
    text.lines()
        .take_while(|line| line.starts_with("//") || line.trim().is_empty())
        .find_map(|line| line.strip_prefix("// VERSION:"))
        .map(|v| v.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn psl() -> PublicSuffixList {
        PublicSuffixList::embedded()
    }

    #[test]
    fn embedded_list_has_a_2026_version() {
        assert!(psl().version().starts_with("2026-"), "{}", psl().version());
    }

    #[test]
    fn icann_suffixes() {
        let psl = psl();
        assert_eq!(
            psl.registrable_domain("api.example.co.uk"),
            Some("example.co.uk")
        );
        assert_eq!(
            psl.registrable_domain("a.b.example.com"),
            Some("example.com")
        );
        assert!(psl.is_public_suffix("co.uk"));
        assert!(!psl.is_public_suffix("example.co.uk"));
    }

    #[test]
    fn private_section_is_included() {
        let psl = psl();
        assert!(psl.is_public_suffix("vercel.app"));
        assert!(psl.is_public_suffix("github.io"));
        assert_eq!(
            psl.registrable_domain("my-app.vercel.app"),
            Some("my-app.vercel.app")
        );
    }

    #[test]
    fn unknown_tld_uses_the_implicit_wildcard_rule() {
        let psl = psl();
        assert_eq!(psl.suffix("api.myapp.test"), Some("test"));
        assert_eq!(psl.registrable_domain("api.myapp.test"), Some("myapp.test"));
    }

    #[test]
    fn a_file_that_is_not_a_list_is_refused() {
        assert!(PublicSuffixList::parse("hello\nworld\n").is_err());
    }
}
