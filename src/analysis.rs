//! From the typed endpoints to the shared cookie domain, with a finding for every rule
//! that holds, fails or needed a decision (the domain rules in the README).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use serde::Serialize;

use crate::endpoint::{Endpoint, HostKind, Scheme};
use crate::findings::{API_ENDPOINT, AUTH_API, Code, Finding, Severity, WEBSITE};
use crate::psl::PublicSuffixList;

/// What the user answered that bears on domains.
#[derive(Debug, Clone, Copy, Default)]
pub struct DomainInput<'a> {
    pub apis: &'a [String],
    /// The endpoint serving `/auth`; `None` means the first API.
    pub auth_api: Option<&'a str>,
    pub website: Option<&'a str>,
    /// More websites calling the APIs (an admin app, staging): each is analysed against
    /// them as the website is; the SDK's `origin` callback picks one per request.
    pub other_websites: &'a [String],
    /// Header-based sessions (`tokenTransferMethod: "header"`): the domain then decides
    /// which requests the frontend adds the access token to, not where cookies go.
    pub header: bool,
}

/// One API endpoint as typed, and what it became.
#[derive(Debug, Clone)]
pub struct EndpointReport {
    pub input: String,
    pub parsed: Option<Endpoint>,
    pub registrable_domain: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub endpoints: Vec<EndpointReport>,
    pub website: Option<Endpoint>,
    /// `.example.com`, or `None` when one host needs none or the hosts cannot share one.
    pub cookie_domain: Option<String>,
    /// `appInfo.apiDomain`: the origin of the endpoint serving `/auth`.
    pub api_domain: Option<String>,
    /// Errors first, then warnings, then information.
    pub findings: Vec<Finding>,
    /// `appInfo.apiBasePath` where it is known and not the SDKs' `/auth` (the answer, or
    /// a Next.js backend's `/api/auth`): only how the auth API is described.
    pub api_base_path: Option<String>,
    /// Header mode: the API hosts on other sites than the auth API's, which the domain
    /// cannot cover; the frontend is told them one by one.
    pub other_site_hosts: Vec<String>,
    /// Header-based sessions: the domain decides which requests carry the access token.
    pub header: bool,
    /// The environment analysed, in a setup that has them.
    pub environment: Option<String>,
    /// The other websites that call the APIs (`DomainInput::other_websites`), parsed.
    pub other_websites: Vec<Endpoint>,
}

impl Analysis {
    /// The path the auth API serves SuperTokens' routes under, for the texts that name it.
    pub fn auth_routes(&self) -> &str {
        self.api_base_path.as_deref().unwrap_or("/auth")
    }

    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    /// The worst finding that names this input, for a per-row status mark.
    pub fn worst_for(&self, input: &str) -> Option<Severity> {
        self.findings
            .iter()
            .filter(|f| f.endpoints.iter().any(|e| e == input))
            .map(|f| f.severity)
            .min()
    }

    /// The endpoint serving `/auth`, whose origin is `api_domain`.
    pub fn api_endpoint(&self) -> Option<&Endpoint> {
        let api = self.api_domain.as_deref()?;
        self.valid_endpoints().find(|e| e.origin() == api)
    }

    /// The parsed endpoints, in the order typed.
    pub fn valid_endpoints(&self) -> impl Iterator<Item = &Endpoint> {
        self.endpoints.iter().filter_map(|r| r.parsed.as_ref())
    }

    /// The JSON object `st-setup domain --json` prints.
    pub fn to_json(&self) -> serde_json::Value {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct EndpointJson<'a> {
            input: &'a str,
            origin: Option<String>,
            host: Option<&'a str>,
            registrable_domain: Option<&'a str>,
        }
        let endpoints: Vec<EndpointJson> = self
            .endpoints
            .iter()
            .map(|r| EndpointJson {
                input: &r.input,
                origin: r.parsed.as_ref().map(Endpoint::origin),
                host: r.parsed.as_ref().map(|e| e.host.as_str()),
                registrable_domain: r.registrable_domain.as_deref(),
            })
            .collect();
        let mut json = serde_json::json!({
            "cookieDomain": self.cookie_domain,
            "apiDomain": self.api_domain,
            "websiteDomain": self.website.as_ref().map(Endpoint::origin),
            "endpoints": endpoints,
            "findings": self.findings,
        });
        if let Some(name) = &self.environment {
            json["environment"] = serde_json::json!(name);
        }
        if !self.other_websites.is_empty() {
            json["otherWebsites"] = serde_json::json!(
                self.other_websites
                    .iter()
                    .map(Endpoint::origin)
                    .collect::<Vec<_>>()
            );
        }
        if self.header {
            json["tokenTransfer"] = serde_json::json!("header");
            json["otherSiteHosts"] = serde_json::json!(self.other_site_hosts);
        }
        json
    }
}

pub fn analyse(input: &DomainInput, psl: &PublicSuffixList) -> Analysis {
    let mut findings = Vec::new();
    let endpoints: Vec<EndpointReport> = input
        .apis
        .iter()
        .map(|text| {
            let parsed = parse_noting(API_ENDPOINT, text, &mut findings);
            let registrable_domain = parsed
                .as_ref()
                .filter(|e| e.kind == HostKind::Domain)
                .and_then(|e| psl.registrable_domain(&e.host))
                .map(str::to_owned);
            EndpointReport {
                input: text.clone(),
                parsed,
                registrable_domain,
            }
        })
        .collect();
    let website = input
        .website
        .and_then(|text| parse_noting(WEBSITE, text, &mut findings));

    let valid: Vec<&Endpoint> = endpoints.iter().filter_map(|r| r.parsed.as_ref()).collect();
    note_duplicates(&valid, &mut findings);
    if input.apis.iter().all(|a| a.trim().is_empty()) {
        findings.retain(|f| f.endpoints.iter().all(|e| !e.trim().is_empty()));
        findings.push(Finding::no_endpoints());
    }

    let api_domain = choose_api_domain(input.auth_api, &valid, &mut findings);
    let api_endpoint = api_domain
        .as_ref()
        .and_then(|api| valid.iter().copied().find(|e| &e.origin() == api));
    // In header mode APIs on other sites than the auth API's are fine: the frontend is told
    // their hosts one by one, and the domain covers the auth API's site only.
    let (valid, other_site_hosts) = match (input.header, api_endpoint) {
        (true, Some(api)) => {
            let site = site_of(api, psl);
            let (same, other): (Vec<&Endpoint>, Vec<&Endpoint>) =
                valid.iter().partition(|e| site_of(e, psl) == site);
            let other_hosts: Vec<String> = distinct_hosts(&other)
                .into_iter()
                .map(str::to_owned)
                .collect();
            if !other_hosts.is_empty() {
                findings.push(Finding::header_mode_other_sites(&other_hosts, &site));
            }
            (same, other_hosts)
        }
        _ => (valid, Vec::new()),
    };
    let hosts = distinct_hosts(&valid);
    let cookie_domain = match hosts.as_slice() {
        [] => None,
        [only] => {
            findings.push(match input.header {
                true => Finding::single_host_header(only),
                false => Finding::single_host(only),
            });
            None
        }
        _ => shared_cookie_domain(&valid, &hosts, psl, input.header, &mut findings),
    };
    if input.header
        && let Some(domain) = &cookie_domain
    {
        note_header_reach(domain, &hosts, website.as_ref(), psl, &mut findings);
    }

    // Header mode sends no cookie across sites: the website may be on any.
    if !input.header
        && let (Some(website), Some(api)) = (&website, api_domain.as_ref())
    {
        let api_endpoint = valid.iter().find(|e| &e.origin() == api);
        if let Some(api_endpoint) = api_endpoint {
            let (website_site, api_site) = (site_of(website, psl), site_of(api_endpoint, psl));
            if website_site != api_site {
                findings.push(Finding::website_cross_site(
                    website,
                    &website_site,
                    api_endpoint,
                    &api_site,
                ));
            }
        }
    }
    if let Some(website) = &website {
        note_mixed_content(website, &valid, &mut findings);
    }

    let other_websites = analyse_other_websites(input, psl, &mut findings);
    // An error anywhere (a bad website, an unlisted auth API) means no working setup, so
    // no domain is offered as if it were one.
    let cookie_domain = if findings.iter().any(|f| f.severity == Severity::Error) {
        findings.retain(|f| f.code != Code::SharedCookieDomain);
        None
    } else {
        cookie_domain
    };
    findings.sort_by_key(|f| f.severity);
    Analysis {
        endpoints,
        website,
        cookie_domain,
        api_domain,
        findings,
        api_base_path: None,
        other_site_hosts,
        header: input.header,
        environment: None,
        other_websites,
    }
}

/// Each other website, analysed against the APIs as the website is: its parse error, or
/// what the website rules say of it (another site, mixed content), beside the website's.
/// A website listed twice counts once.
fn analyse_other_websites(
    input: &DomainInput,
    psl: &PublicSuffixList,
    findings: &mut Vec<Finding>,
) -> Vec<Endpoint> {
    let mut websites: Vec<Endpoint> = Vec::new();
    let first = input
        .website
        .and_then(|w| Endpoint::parse(w).ok())
        .map(|w| w.origin());
    for text in input.other_websites {
        let Some(website) = parse_noting(WEBSITE, text, findings) else {
            continue;
        };
        let origin = website.origin();
        if first.as_ref() == Some(&origin) || websites.iter().any(|w| w.origin() == origin) {
            continue;
        }
        let alone = analyse(
            &DomainInput {
                website: Some(text),
                other_websites: &[],
                ..*input
            },
            psl,
        );
        findings.extend(
            alone
                .findings
                .into_iter()
                .filter(|f| f.code.needs_website()),
        );
        websites.push(website);
    }
    websites
}

/// In header mode supertokens-website (20 and later) adds the access token to requests to
/// every host under the domain, on any port: a domain that is the whole site, or that
/// covers the website, reaches hosts that are not the APIs.
fn note_header_reach(
    domain: &str,
    hosts: &[&str],
    website: Option<&Endpoint>,
    psl: &PublicSuffixList,
    findings: &mut Vec<Finding>,
) {
    let bare = &domain[1..];
    let whole_site = psl.registrable_domain(bare) == Some(bare);
    let website = website
        .filter(|w| crate::endpoint::host_is_covered_by(&w.host, domain))
        .filter(|w| !hosts.contains(&w.host.as_str()));
    if whole_site || website.is_some() {
        findings.push(Finding::header_mode_broad_domain(
            domain,
            hosts,
            website.map(|w| w.host.as_str()),
        ));
    }
}

fn parse_noting(what: &str, text: &str, findings: &mut Vec<Finding>) -> Option<Endpoint> {
    match Endpoint::parse(text) {
        Ok(endpoint) => {
            if endpoint.scheme_assumed {
                findings.push(Finding::scheme_assumed(what, &endpoint));
            }
            if let Some(path) = &endpoint.ignored_path {
                findings.push(Finding::path_ignored(what, &endpoint, path));
            }
            Some(endpoint)
        }
        Err(error) => {
            findings.push(Finding::unparsable(what, text, &error));
            None
        }
    }
}

/// An https page cannot call an http API: browsers block the request as mixed content.
/// The exception is development on one machine: an http API on a loopback host
/// (`localhost`, `127.0.0.1`) counts as secure, so a local https website may call it.
fn note_mixed_content(website: &Endpoint, valid: &[&Endpoint], findings: &mut Vec<Finding>) {
    if website.scheme != Scheme::Https {
        return;
    }
    let blocked: Vec<&Endpoint> = valid
        .iter()
        .copied()
        .filter(|api| api.scheme == Scheme::Http)
        .filter(|api| !(website.is_local() && api.is_loopback()))
        .collect();
    if !blocked.is_empty() {
        findings.push(Finding::mixed_content(website, &blocked));
    }
}

/// Linear, so a keystroke stays cheap with many endpoints.
fn note_duplicates(valid: &[&Endpoint], findings: &mut Vec<Finding>) {
    let mut first_seen: HashMap<String, &Endpoint> = HashMap::with_capacity(valid.len());
    for endpoint in valid {
        match first_seen.entry(endpoint.origin()) {
            Entry::Occupied(first) => findings.push(Finding::duplicate(first.get(), endpoint)),
            Entry::Vacant(slot) => {
                slot.insert(endpoint);
            }
        }
    }
}

fn choose_api_domain(
    auth_api: Option<&str>,
    valid: &[&Endpoint],
    findings: &mut Vec<Finding>,
) -> Option<String> {
    let Some(auth_api) = auth_api.filter(|a| !a.trim().is_empty()) else {
        return valid.first().map(|e| e.origin());
    };
    let wanted = match Endpoint::parse(auth_api) {
        Ok(endpoint) => endpoint.origin(),
        Err(error) => {
            findings.push(Finding::unparsable(AUTH_API, auth_api, &error));
            return None;
        }
    };
    match valid.iter().find(|e| e.origin() == wanted) {
        Some(endpoint) => Some(endpoint.origin()),
        None => {
            if !valid.is_empty() {
                findings.push(Finding::auth_api_not_listed(auth_api, valid));
            }
            None
        }
    }
}

/// Hosts in first-typed order; scheme and port do not matter to cookies.
fn distinct_hosts<'a>(valid: &[&'a Endpoint]) -> Vec<&'a str> {
    let mut hosts: Vec<&str> = Vec::new();
    for endpoint in valid {
        if !hosts.contains(&endpoint.host.as_str()) {
            hosts.push(&endpoint.host);
        }
    }
    hosts
}

/// Several hosts: they must all be plain domains on one site; the cookie domain is their
/// longest common label-wise suffix.
fn shared_cookie_domain(
    valid: &[&Endpoint],
    hosts: &[&str],
    psl: &PublicSuffixList,
    header: bool,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    let errors_before = findings.len();
    let of_kind = |kinds: &[HostKind]| -> Vec<&Endpoint> {
        valid
            .iter()
            .copied()
            .filter(|e| kinds.contains(&e.kind))
            .collect()
    };
    let ips = of_kind(&[HostKind::Ipv4]);
    if !ips.is_empty() {
        findings.push(Finding::ip_addresses(&ips));
    }
    let local = of_kind(&[HostKind::Localhost, HostKind::LocalhostSubdomain]);
    if !local.is_empty() {
        findings.push(Finding::localhost_subdomains(&local));
    }

    let domains = of_kind(&[HostKind::Domain]);
    let sites = group_by_site(&domains, psl);
    if sites.len() > 1 {
        let domain_hosts: Vec<&str> = domains.iter().map(|e| e.host.as_str()).collect();
        let common = common_suffix(&domain_hosts);
        // A shared platform or second-level suffix (vercel.app, co.uk) is the surprising
        // case worth its own words; two different .com sites just differ, and when some
        // APIs do share a site the odd one out is the more useful thing to name.
        let shared_suffix = common.filter(|c| {
            sites.iter().all(|(_, members)| members.len() == 1)
                && c.contains('.')
                && psl.is_public_suffix(c)
        });
        findings.push(Finding::different_sites(&sites, shared_suffix.as_deref()));
    }

    if !valid.iter().all(|e| e.is_local()) {
        let (http, https): (Vec<&Endpoint>, Vec<&Endpoint>) =
            valid.iter().partition(|e| e.scheme == Scheme::Http);
        if !http.is_empty() && !https.is_empty() {
            findings.push(Finding::mixed_schemes(&http, &https));
        }
    }

    if findings[errors_before..]
        .iter()
        .any(|f| f.severity == Severity::Error)
    {
        return None;
    }
    // Same site for all, so the common suffix is the registrable domain or longer and
    // never a public suffix.
    let common = common_suffix(hosts)?;
    let cookie_domain = format!(".{common}");
    findings.push(match header {
        true => Finding::shared_header_domain(hosts, &cookie_domain),
        false => Finding::shared_cookie_domain(hosts, &cookie_domain),
    });
    Some(cookie_domain)
}

/// Endpoints grouped by registrable domain, largest group first (ties: first typed). A host
/// that is itself a public suffix is a site of its own.
fn group_by_site<'a>(
    domains: &[&'a Endpoint],
    psl: &PublicSuffixList,
) -> Vec<(String, Vec<&'a Endpoint>)> {
    let mut sites: Vec<(String, Vec<&Endpoint>)> = Vec::new();
    for endpoint in domains {
        let site = psl
            .registrable_domain(&endpoint.host)
            .unwrap_or(&endpoint.host)
            .to_owned();
        match sites.iter_mut().find(|(s, _)| *s == site) {
            Some((_, members)) => members.push(endpoint),
            None => sites.push((site, vec![endpoint])),
        }
    }
    sites.sort_by_key(|(_, members)| std::cmp::Reverse(members.len()));
    sites
}

/// The site cookies are judged by: the registrable domain, `localhost`, or the IP.
fn site_of(endpoint: &Endpoint, psl: &PublicSuffixList) -> String {
    match endpoint.kind {
        HostKind::Domain => psl
            .registrable_domain(&endpoint.host)
            .unwrap_or(&endpoint.host)
            .to_owned(),
        HostKind::Localhost | HostKind::LocalhostSubdomain => "localhost".to_owned(),
        HostKind::Ipv4 => endpoint.host.clone(),
    }
}

/// The longest run of whole labels all hosts end with: `eu.example.com` for
/// `a.eu.example.com` and `b.eu.example.com`.
pub fn common_suffix(hosts: &[&str]) -> Option<String> {
    let (first, rest) = hosts.split_first()?;
    let mut common: Vec<&str> = first.rsplit('.').collect();
    for host in rest {
        let shared = common
            .iter()
            .zip(host.rsplit('.'))
            .take_while(|(a, b)| *a == b)
            .count();
        common.truncate(shared);
    }
    if common.is_empty() {
        return None;
    }
    common.reverse();
    Some(common.join("."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Code;
    use std::sync::LazyLock;

    static PSL: LazyLock<PublicSuffixList> = LazyLock::new(PublicSuffixList::embedded);

    fn run(apis: &[&str]) -> Analysis {
        let apis: Vec<String> = apis.iter().map(|s| s.to_string()).collect();
        analyse(
            &DomainInput {
                apis: &apis,
                ..Default::default()
            },
            &PSL,
        )
    }

    fn codes(a: &Analysis) -> Vec<Code> {
        a.findings.iter().map(|f| f.code).collect()
    }

    fn finding(a: &Analysis, code: Code) -> &Finding {
        a.findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("no {code:?} in {:#?}", a.findings))
    }

    #[test]
    fn rule1_scheme_assumed_and_path_ignored_are_reported() {
        let a = run(&["api.example.com/auth"]);
        assert_eq!(
            codes(&a),
            vec![Code::PathIgnored, Code::SchemeAssumed, Code::SingleHost]
        );
        assert_eq!(a.api_domain.as_deref(), Some("https://api.example.com"));
    }

    #[test]
    fn rule1_invalid_inputs_are_errors_naming_the_input() {
        for (input, code) in [
            ("ftp://api.example.com", Code::UnsupportedScheme),
            ("https://[::1]", Code::IpAddress),
            ("https://api", Code::InvalidUrl),
            ("https://exa mple.com", Code::InvalidUrl),
        ] {
            let a = run(&[input, "https://api.example.com"]);
            let f = finding(&a, code);
            assert_eq!(f.severity, Severity::Error);
            assert_eq!(f.endpoints, vec![input.to_string()]);
            assert!(f.message.contains(input), "{}", f.message);
        }
    }

    #[test]
    fn rule2_and_3_one_host_on_several_ports_needs_no_cookie_domain() {
        let a = run(&[
            "https://api.example.com",
            "https://api.example.com:8443",
            "http://api.example.com:3000",
        ]);
        assert_eq!(a.cookie_domain, None);
        assert!(!a.has_errors(), "{:#?}", a.findings);
        assert!(codes(&a).contains(&Code::SingleHost));
    }

    #[test]
    fn rule4_different_registrable_domains_name_the_odd_endpoint() {
        let a = run(&[
            "https://api.example.com",
            "https://api2.example.com",
            "https://api.other.com",
        ]);
        assert_eq!(a.cookie_domain, None);
        let f = finding(&a, Code::DifferentSites);
        assert_eq!(f.endpoints, vec!["https://api.other.com".to_string()]);
        assert!(f.message.contains("not under example.com"), "{}", f.message);
    }

    #[test]
    fn rule4_public_suffix_in_common_is_explained() {
        for (a_host, b_host, suffix) in [
            ("https://a.vercel.app", "https://b.vercel.app", "vercel.app"),
            ("https://me.github.io", "https://you.github.io", "github.io"),
            ("https://api.foo.co.uk", "https://api.bar.co.uk", "co.uk"),
        ] {
            let a = run(&[a_host, b_host]);
            let f = finding(&a, Code::DifferentSites);
            assert!(
                f.message.contains(&format!("\"{suffix}\" in common")),
                "{}",
                f.message
            );
            assert_eq!(a.cookie_domain, None);
        }
    }

    #[test]
    fn rule5_cookie_domain_is_the_longest_common_suffix() {
        for (hosts, expected) in [
            (
                &["https://api.example.com", "https://api2.example.com"][..],
                ".example.com",
            ),
            (
                &["api.example.co.uk", "api2.example.co.uk"][..],
                ".example.co.uk",
            ),
            (
                &["a.eu.example.com", "b.eu.example.com"][..],
                ".eu.example.com",
            ),
            (&["example.com", "api.example.com"][..], ".example.com"),
            (
                &["HTTPS://API.EXAMPLE.COM", "https://bücher.example.com"][..],
                ".example.com",
            ),
            (
                &["a.my-app.vercel.app", "b.my-app.vercel.app"][..],
                ".my-app.vercel.app",
            ),
        ] {
            let a = run(hosts);
            assert_eq!(
                a.cookie_domain.as_deref(),
                Some(expected),
                "{hosts:?}: {:#?}",
                a.findings
            );
            assert!(
                finding(&a, Code::SharedCookieDomain)
                    .message
                    .contains(expected)
            );
        }
    }

    #[test]
    fn rule6_ip_addresses_cannot_share() {
        let a = run(&["http://127.0.0.1:3001", "http://10.0.0.2:3001"]);
        assert_eq!(finding(&a, Code::IpAddress).severity, Severity::Error);
        assert_eq!(a.cookie_domain, None);
        // One IP host alone is fine: host-only cookies.
        let a = run(&["http://127.0.0.1:3001", "http://127.0.0.1:3002"]);
        assert!(!a.has_errors());
    }

    #[test]
    fn rule6_localhost_subdomains_cannot_share() {
        let a = run(&["http://api.localhost:3001", "http://api2.localhost:3001"]);
        let f = finding(&a, Code::LocalhostSubdomains);
        assert!(f.message.contains("api.myapp.test"));
        assert_eq!(a.cookie_domain, None);
        let a = run(&["http://localhost:3001", "http://localhost:3002"]);
        assert!(!a.has_errors());
    }

    #[test]
    fn rule7_mixed_schemes_across_hosts() {
        let a = run(&["http://api.example.com", "https://api2.example.com"]);
        let f = finding(&a, Code::MixedSchemes);
        assert_eq!(f.endpoints, vec!["http://api.example.com".to_string()]);
        assert_eq!(a.cookie_domain, None);
    }

    #[test]
    fn rule8_api_domain_is_the_chosen_endpoint_origin() {
        let apis = vec![
            "https://api.example.com".to_string(),
            "https://auth.example.com/x".to_string(),
        ];
        let a = analyse(
            &DomainInput {
                apis: &apis,
                auth_api: Some("auth.example.com"),
                website: None,
                header: false,
                other_websites: &[],
            },
            &PSL,
        );
        assert_eq!(a.api_domain.as_deref(), Some("https://auth.example.com"));
        let a = analyse(
            &DomainInput {
                apis: &apis,
                auth_api: Some("https://other.example.com"),
                website: None,
                header: false,
                other_websites: &[],
            },
            &PSL,
        );
        assert_eq!(a.api_domain, None);
        assert!(
            finding(&a, Code::AuthApiNotListed)
                .message
                .contains("https://api.example.com")
        );
    }

    #[test]
    fn rule9_website_on_another_site_is_a_warning() {
        let apis = vec![
            "https://api.example.com".to_string(),
            "https://api2.example.com".to_string(),
        ];
        let input = |website| DomainInput {
            apis: &apis,
            auth_api: None,
            website: Some(website),
            header: false,
            other_websites: &[],
        };
        let a = analyse(&input("https://example.net"), &PSL);
        assert_eq!(
            finding(&a, Code::WebsiteCrossSite).severity,
            Severity::Warning
        );
        assert_eq!(a.cookie_domain.as_deref(), Some(".example.com"));
        let a = analyse(&input("https://app.example.com"), &PSL);
        assert!(!codes(&a).contains(&Code::WebsiteCrossSite));
    }

    /// Every website is analysed against the APIs: one on another site is named in its
    /// own finding, a bad one is an error, and one listed twice counts once.
    #[test]
    fn each_other_website_is_analysed_as_the_website_is() {
        let apis = ["https://api.example.com".to_owned()];
        let others = [
            "https://admin.example.com".to_owned(),
            "https://shop.example.org".to_owned(),
            "https://admin.example.com/".to_owned(),
        ];
        let a = analyse(
            &DomainInput {
                apis: &apis,
                website: Some("https://example.com"),
                other_websites: &others,
                ..DomainInput::default()
            },
            &PSL,
        );
        assert!(!a.has_errors(), "{:?}", a.findings);
        let origins: Vec<String> = a.other_websites.iter().map(Endpoint::origin).collect();
        assert_eq!(
            origins,
            ["https://admin.example.com", "https://shop.example.org"]
        );
        let cross: Vec<&Finding> = a
            .findings
            .iter()
            .filter(|f| f.code == Code::WebsiteCrossSite)
            .collect();
        assert_eq!(cross.len(), 1, "{cross:?}");
        assert!(
            cross[0].message.contains("shop.example.org"),
            "{}",
            cross[0].message
        );
        let bad = ["ftp://admin.example.com".to_owned()];
        let a = analyse(
            &DomainInput {
                apis: &apis,
                website: Some("https://example.com"),
                other_websites: &bad,
                ..DomainInput::default()
            },
            &PSL,
        );
        assert!(a.has_errors(), "{:?}", a.findings);
    }

    fn header_mode(apis: &[&str], website: Option<&str>) -> Analysis {
        let apis: Vec<String> = apis.iter().map(|s| s.to_string()).collect();
        analyse(
            &DomainInput {
                apis: &apis,
                auth_api: None,
                website,
                header: true,
                other_websites: &[],
            },
            &PSL,
        )
    }

    /// Header mode: APIs on another site than the auth API's are listed, not an error;
    /// the domain covers the auth API's site only, and is called broad where it reaches
    /// the whole site or the website.
    #[test]
    fn header_mode_lists_other_sites_and_warns_of_a_broad_domain() {
        let apis = [
            "https://api.example.com",
            "https://api.example-api.io",
            "https://api2.example.com",
        ];
        assert!(codes(&run(&apis)).contains(&Code::DifferentSites));
        let a = header_mode(&apis, Some("https://example.com"));
        assert!(!a.has_errors(), "{:?}", a.findings);
        assert_eq!(a.cookie_domain.as_deref(), Some(".example.com"));
        assert_eq!(a.other_site_hosts, ["api.example-api.io"]);
        assert!(codes(&a).contains(&Code::HeaderModeOtherSites));
        let broad = finding(&a, Code::HeaderModeBroadDomain);
        assert!(
            broad.message.contains("the website example.com"),
            "{}",
            broad.message
        );

        // APIs under a subdomain of their own: nothing else is reached, and a website on
        // another site is fine without cookies.
        let a = header_mode(
            &["https://a.api.example.com", "https://b.api.example.com"],
            Some("https://shop.example.org"),
        );
        assert_eq!(a.cookie_domain.as_deref(), Some(".api.example.com"));
        assert!(a.other_site_hosts.is_empty());
        let found = codes(&a);
        assert!(!found.contains(&Code::HeaderModeBroadDomain), "{found:?}");
        assert!(!found.contains(&Code::WebsiteCrossSite), "{found:?}");

        // One API on the auth API's site: no domain, the other one by name.
        let a = header_mode(&["https://api.example.com", "https://api.other.io"], None);
        assert_eq!(a.cookie_domain, None);
        assert_eq!(a.other_site_hosts, ["api.other.io"]);
        assert!(!a.has_errors(), "{:?}", a.findings);
    }

    fn with_website(apis: &[&str], website: &str) -> Analysis {
        let apis: Vec<String> = apis.iter().map(|s| s.to_string()).collect();
        analyse(
            &DomainInput {
                apis: &apis,
                auth_api: None,
                website: Some(website),
                header: false,
                other_websites: &[],
            },
            &PSL,
        )
    }

    #[test]
    fn rule9_localhost_and_127_0_0_1_get_advice_that_works() {
        let a = with_website(&["http://127.0.0.1:3001"], "http://localhost:3000");
        let message = &finding(&a, Code::WebsiteCrossSite).message;
        assert!(message.contains("http://127.0.0.1:3000"), "{message}");
        assert!(!message.contains(".localhost"), "{message}");
        let a = with_website(&["http://localhost:3001"], "http://127.0.0.1:3000");
        let message = &finding(&a, Code::WebsiteCrossSite).message;
        assert!(message.contains("http://localhost:3000"), "{message}");
        assert!(!message.contains("app.localhost"), "{message}");
        let a = with_website(&["http://localhost:3001"], "https://example.com");
        let message = &finding(&a, Code::WebsiteCrossSite).message;
        assert!(message.contains("on this machine too"), "{message}");
    }

    #[test]
    fn an_https_website_cannot_call_an_http_api() {
        let a = with_website(
            &["http://api.example.com", "http://api2.example.com"],
            "https://example.com",
        );
        let f = finding(&a, Code::MixedContent);
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.endpoints.len(), 2);
        assert!(f.message.contains("mixed content"), "{}", f.message);
        // Loopback APIs count as secure for a local https website.
        for api in [
            "http://localhost:3001",
            "http://127.0.0.1:3001",
            "http://api.localhost",
        ] {
            let a = with_website(&[api], "https://localhost:3000");
            assert!(!codes(&a).contains(&Code::MixedContent), "{api}");
        }
        // Not for a public website, nor a LAN address.
        let a = with_website(&["http://localhost:3001"], "https://example.com");
        assert!(codes(&a).contains(&Code::MixedContent));
        let a = with_website(&["http://192.168.1.5:3001"], "https://localhost:3000");
        assert!(codes(&a).contains(&Code::MixedContent));
        let a = with_website(&["http://api.example.com"], "http://example.com");
        assert!(!codes(&a).contains(&Code::MixedContent));
    }

    #[test]
    fn an_unusable_auth_api_is_named_as_such() {
        let apis = vec!["https://api.example.com".to_string()];
        let a = analyse(
            &DomainInput {
                apis: &apis,
                auth_api: Some("https://api.example.com\nx"),
                website: None,
                header: false,
                other_websites: &[],
            },
            &PSL,
        );
        let f = finding(&a, Code::InvalidUrl);
        assert!(f.message.starts_with("The auth API"), "{}", f.message);
        assert!(f.message.contains("a line break (U+000A)"), "{}", f.message);
    }

    #[test]
    fn no_cookie_domain_is_offered_next_to_an_error() {
        let a = run(&["a.example.com", "b.example.com", "https://[::1]"]);
        assert!(a.has_errors());
        assert_eq!(a.cookie_domain, None);
        assert!(!codes(&a).contains(&Code::SharedCookieDomain));
    }

    #[test]
    fn the_odd_endpoint_is_named_even_under_a_shared_public_suffix() {
        let a = run(&[
            "https://a.example.co.uk",
            "https://b.example.co.uk",
            "https://c.other.co.uk",
        ]);
        let f = finding(&a, Code::DifferentSites);
        assert!(
            f.message
                .contains("https://c.other.co.uk is not under example.co.uk"),
            "{}",
            f.message
        );
    }

    #[test]
    fn empty_list_says_what_to_do() {
        assert_eq!(codes(&run(&[])), vec![Code::NoEndpoints]);
        assert_eq!(codes(&run(&["", " "])), vec![Code::NoEndpoints]);
    }

    #[test]
    fn duplicates_are_warned_about() {
        let a = run(&["api.example.com", "https://API.example.com/"]);
        assert_eq!(
            finding(&a, Code::DuplicateEndpoint).severity,
            Severity::Warning
        );
    }

    #[test]
    fn findings_are_sorted_errors_first() {
        let a = run(&["api.example.com", "https://api.other.com"]);
        assert_eq!(a.findings[0].severity, Severity::Error);
        assert!(
            a.findings
                .windows(2)
                .all(|w| w[0].severity <= w[1].severity)
        );
    }

    #[test]
    fn common_suffix_works_on_labels_not_characters() {
        assert_eq!(
            common_suffix(&["evil-example.com", "example.com"]).as_deref(),
            Some("com")
        );
        assert_eq!(common_suffix(&["a.b", "c.d"]), None);
    }
}
