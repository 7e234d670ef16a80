//! The Public Suffix List, vendored in `data/` and embedded in the binary.
//!
//! Browsers refuse a cookie whose `Domain` is a public suffix (`co.uk`, `vercel.app`,
//! `github.io`), so every cookie-domain decision goes through this list — including its
//! private section, which is where the hosting platforms live.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, Result, bail};
use publicsuffix::{List, Psl as _};

/// The copy of the list shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../../data/public_suffix_list.dat");

const ICANN_BEGIN: &str = "===BEGIN ICANN DOMAINS===";
const PRIVATE_BEGIN: &str = "===BEGIN PRIVATE DOMAINS===";

mod index;

use index::Index;

/// The embedded list's index, made by build.rs from `data/public_suffix_list.dat`.
const EMBEDDED_INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/psl-index.txt"));
const EMBEDDED_OFFSETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/psl-offsets.bin"));

/// The Public Suffix List, parsed a few rules at a time.
///
/// Parsing all ~10,000 rules costs several milliseconds, more than everything else a run
/// does. The list is a tree keyed from the right, so a host's public suffix only depends
/// on the rules that end in its top-level domain *and* whose next label is the host's
/// second-level label or `*` (`example.com` can only match `com`, `*.com`,
/// `example.com`, `x.example.com`, …). Those few rules are found in a sorted index (see
/// `index`), parsed, and kept per second-level domain. The answers are the whole list's:
/// a unit test compares them for every rule in it.
pub struct PublicSuffixList {
    index: Index<Cow<'static, str>, Cow<'static, [u8]>>,
    version: String,
    by_site: Mutex<HashMap<String, Arc<List>>>,
}

impl PublicSuffixList {
    /// The list embedded in the binary.
    pub fn embedded() -> Self {
        Self {
            index: Index {
                text: Cow::Borrowed(EMBEDDED_INDEX),
                offsets: Cow::Borrowed(EMBEDDED_OFFSETS),
            },
            // build.rs read it, so that the list's own text need not be in the binary.
            version: env!("ST_SETUP_PSL_VERSION").to_owned(),
            by_site: Mutex::default(),
        }
    }

    /// Loads another copy of the list, e.g. a newer download given with `--psl`. The whole
    /// file is checked here, so a broken one fails at once and names itself.
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

    /// Checks list text in full; fails when it has no ICANN section or a malformed rule.
    pub fn parse(text: &str) -> Result<Self> {
        if !text.contains(ICANN_BEGIN) {
            bail!("no \"{ICANN_BEGIN}\" section");
        }
        text.parse::<List>().map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let index = index::build(text);
        Ok(Self {
            index: Index {
                text: Cow::Owned(index.text),
                offsets: Cow::Owned(index.offsets),
            },
            version: version_of(text).unwrap_or_else(|| "unknown".to_owned()),
            by_site: Mutex::default(),
        })
    }

    /// The `VERSION:` header of the list, e.g. `2026-10-22_08-36-41_UTC`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The public suffix of an ASCII (punycode) lowercase host, e.g. `co.uk` for
    /// `api.example.co.uk`. Hosts under no rule get the implicit `*` rule (their last label).
    pub fn suffix<'h>(&self, host: &'h str) -> Option<&'h str> {
        let suffix = self.list_for(host).suffix(host.as_bytes())?;
        std::str::from_utf8(suffix.as_bytes()).ok()
    }

    /// The registrable domain ("eTLD+1") of a host: `example.co.uk` for `api.example.co.uk`;
    /// `None` when the host itself is a public suffix.
    pub fn registrable_domain<'h>(&self, host: &'h str) -> Option<&'h str> {
        let domain = self.list_for(host).domain(host.as_bytes())?;
        std::str::from_utf8(domain.as_bytes()).ok()
    }

    /// Whether `name` is itself a public suffix, i.e. a domain no cookie may be set for.
    pub fn is_public_suffix(&self, name: &str) -> bool {
        self.suffix(name) == Some(name)
    }

    /// The parsed rules that can match `host`.
    fn list_for(&self, host: &str) -> Arc<List> {
        let mut labels = host.trim_end_matches('.').rsplit('.');
        let tld = labels.next().unwrap_or("");
        let second = labels.next();
        let key = match second {
            Some(second) => format!("{second}.{tld}"),
            None => tld.to_owned(),
        };
        let mut cache = self.by_site.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(list) = cache.get(&key) {
            return list.clone();
        }
        let rules = self.rules_matching(tld, second);
        let list: Arc<List> = Arc::new(rules.parse().unwrap_or_default());
        cache.insert(key, list.clone());
        list
    }

    /// The rules that can match a host ending in `second.tld`, as list text.
    fn rules_matching(&self, tld: &str, second: Option<&str>) -> String {
        let mut tlds = vec![tld.to_owned()];
        let mut seconds: Vec<String> = second.map(str::to_owned).into_iter().collect();
        // The list writes internationalised rules in Unicode; hosts arrive in punycode.
        if host_has_punycode(tld, second) {
            let (unicode_tld, _) = idna::domain_to_unicode(tld);
            if let Some(second) = second {
                let (unicode, _) = idna::domain_to_unicode(&format!("{second}.{unicode_tld}"));
                if let Some((unicode_second, _)) = unicode.split_once('.') {
                    seconds.push(unicode_second.to_owned());
                }
            }
            if unicode_tld != tld {
                tlds.push(unicode_tld);
            }
        }
        let mut icann = String::new();
        let mut private = String::new();
        let mut add = |is_private: bool, rule: &str| {
            let out = if is_private { &mut private } else { &mut icann };
            out.push_str(rule);
            out.push('\n');
        };
        for tld in &tlds {
            // The TLD's own rule and its wildcard: keys `com` and `com.*` exactly.
            for exact in [format!("{tld} "), format!("{tld}.* ")] {
                for (_, is_private, rule) in self.index.with_prefix(&exact) {
                    add(is_private, rule);
                }
            }
            // Every rule under `second.tld`: keys `com.example` and `com.example.…`.
            for second in &seconds {
                let under = format!("{tld}.{second}");
                for (key, is_private, rule) in self.index.with_prefix(&under) {
                    if matches!(key.as_bytes().get(under.len()), None | Some(b'.')) {
                        add(is_private, rule);
                    }
                }
            }
        }
        format!("// {ICANN_BEGIN}\n{icann}// {PRIVATE_BEGIN}\n{private}")
    }
}

fn host_has_punycode(tld: &str, second: Option<&str>) -> bool {
    tld.starts_with("xn--") || second.is_some_and(|s| s.starts_with("xn--"))
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
        assert_eq!(Some(psl().version()), version_of(EMBEDDED).as_deref());
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

    /// Every rule of the list, looked up as a host under it and as the suffix itself,
    /// answers the same per TLD as the whole list parsed at once.
    #[test]
    fn per_site_answers_equal_the_whole_list() {
        let whole: List = EMBEDDED.parse().unwrap();
        let psl = psl();
        let mut checked = 0;
        for line in EMBEDDED.lines().filter(|l| !l.starts_with("//")) {
            let Some(rule) = line.split_whitespace().next() else {
                continue;
            };
            let Ok(rule) =
                idna::domain_to_ascii(rule.trim_start_matches('!').replace('*', "x").as_str())
            else {
                continue;
            };
            for host in [rule.clone(), format!("a.{rule}"), format!("b.a.{rule}")] {
                let suffix = whole.suffix(host.as_bytes()).map(|s| s.as_bytes().to_vec());
                let domain = whole.domain(host.as_bytes()).map(|d| d.as_bytes().to_vec());
                assert_eq!(
                    psl.suffix(&host).map(|s| s.as_bytes().to_vec()),
                    suffix,
                    "suffix of {host}"
                );
                assert_eq!(
                    psl.registrable_domain(&host).map(|s| s.as_bytes().to_vec()),
                    domain,
                    "domain of {host}"
                );
                checked += 1;
            }
        }
        assert!(checked > 25_000, "only {checked} hosts checked");
    }

    #[test]
    fn the_embedded_list_parses_whole_and_its_index_is_the_one_built_at_run_time() {
        assert!(PublicSuffixList::parse(EMBEDDED).is_ok());
        let index = index::build(EMBEDDED);
        assert_eq!(index.text, EMBEDDED_INDEX);
        assert_eq!(index.offsets, EMBEDDED_OFFSETS);
    }

    #[test]
    fn a_list_with_crlf_and_trailing_words_still_answers() {
        let text = "// ===BEGIN ICANN DOMAINS===\r\ncom\r\nco.uk  some comment\r\nuk\r\n// ===BEGIN PRIVATE DOMAINS===\r\nvercel.app\r\n";
        let psl = PublicSuffixList::parse(text).unwrap();
        assert_eq!(
            psl.registrable_domain("api.example.co.uk"),
            Some("example.co.uk")
        );
        assert!(psl.is_public_suffix("vercel.app"));
    }

    #[test]
    fn a_file_that_is_not_a_list_is_refused() {
        assert!(PublicSuffixList::parse("hello\nworld\n").is_err());
    }
}
