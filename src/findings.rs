//! Every explanation st-setup gives, in one place. The TUI, the plain prompts, `domain`
//! and `--json` all show these texts; nothing else words a domain rule.

use serde::Serialize;

use crate::endpoint::{Endpoint, EndpointError};
use crate::text::{self, join, quoted};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The setup cannot work; nothing is written while one stands.
    Error,
    /// It works, but not the way the user probably wants.
    Warning,
    /// What st-setup decided and why.
    Info,
}

impl Severity {
    /// A mark that reads without colour (NO_COLOR, screen readers, logs).
    pub fn mark(self) -> &'static str {
        match self {
            Severity::Error => "✗",
            Severity::Warning => "!",
            Severity::Info => "i",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Stable identifiers; documented in the README and relied upon by `--json` users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    NoEndpoints,
    InvalidUrl,
    UnsupportedScheme,
    IpAddress,
    LocalhostSubdomains,
    DifferentSites,
    MixedSchemes,
    AuthApiNotListed,
    DuplicateEndpoint,
    WebsiteCrossSite,
    MixedContent,
    PathIgnored,
    SchemeAssumed,
    SingleHost,
    SharedCookieDomain,
    HeaderModeBroadDomain,
    HeaderModeOtherSites,
}

impl Code {
    pub const ALL: [Code; 17] = [
        Code::NoEndpoints,
        Code::InvalidUrl,
        Code::UnsupportedScheme,
        Code::IpAddress,
        Code::LocalhostSubdomains,
        Code::DifferentSites,
        Code::MixedSchemes,
        Code::AuthApiNotListed,
        Code::DuplicateEndpoint,
        Code::WebsiteCrossSite,
        Code::MixedContent,
        Code::PathIgnored,
        Code::SchemeAssumed,
        Code::SingleHost,
        Code::SharedCookieDomain,
        Code::HeaderModeBroadDomain,
        Code::HeaderModeOtherSites,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::NoEndpoints => "no-endpoints",
            Code::InvalidUrl => "invalid-url",
            Code::UnsupportedScheme => "unsupported-scheme",
            Code::IpAddress => "ip-address",
            Code::LocalhostSubdomains => "localhost-subdomains",
            Code::DifferentSites => "different-sites",
            Code::MixedSchemes => "mixed-schemes",
            Code::AuthApiNotListed => "auth-api-not-listed",
            Code::DuplicateEndpoint => "duplicate-endpoint",
            Code::WebsiteCrossSite => "website-cross-site",
            Code::MixedContent => "mixed-content",
            Code::PathIgnored => "path-ignored",
            Code::SchemeAssumed => "scheme-assumed",
            Code::SingleHost => "single-host",
            Code::SharedCookieDomain => "shared-cookie-domain",
            Code::HeaderModeBroadDomain => "header-mode-broad-domain",
            Code::HeaderModeOtherSites => "header-mode-other-sites",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::NoEndpoints
            | Code::InvalidUrl
            | Code::UnsupportedScheme
            | Code::IpAddress
            | Code::LocalhostSubdomains
            | Code::DifferentSites
            | Code::MixedSchemes
            | Code::MixedContent
            | Code::AuthApiNotListed => Severity::Error,
            Code::DuplicateEndpoint
            | Code::WebsiteCrossSite
            | Code::PathIgnored
            | Code::HeaderModeBroadDomain => Severity::Warning,
            Code::SchemeAssumed
            | Code::SingleHost
            | Code::SharedCookieDomain
            | Code::HeaderModeOtherSites => Severity::Info,
        }
    }

    /// The rule a check-type code enforces, worded as it reads when it holds (the TUI
    /// shows it with ✓). `None` for codes that only inform. Two codes may share a rule.
    pub fn rule(self) -> Option<&'static str> {
        Some(match self {
            Code::NoEndpoints => "At least one API endpoint",
            Code::InvalidUrl | Code::UnsupportedScheme => "Every endpoint is an http(s) URL",
            Code::IpAddress => "No IP address has to share cookies",
            Code::LocalhostSubdomains => "No *.localhost host has to share cookies",
            Code::DifferentSites => "All APIs are on one site (registrable domain)",
            Code::MixedSchemes => "All APIs use the same scheme",
            Code::AuthApiNotListed => "apiDomain is one of the endpoints",
            Code::WebsiteCrossSite => "The website is on the APIs' site",
            Code::MixedContent => "An https website calls only https APIs",
            _ => return None,
        })
    }

    /// Whether the rule is about the website, so nothing can be said of it before the
    /// website is typed.
    pub fn needs_website(self) -> bool {
        matches!(self, Code::WebsiteCrossSite | Code::MixedContent)
    }

    /// One line for the README's table of codes.
    pub fn summary(self) -> &'static str {
        match self {
            Code::NoEndpoints => "no API endpoint was given",
            Code::InvalidUrl => "an endpoint or the website is not a usable http(s) URL",
            Code::UnsupportedScheme => "a scheme other than http/https",
            Code::IpAddress => "an IP address among several hosts, or any IPv6 literal",
            Code::LocalhostSubdomains => "*.localhost hosts cannot share cookies",
            Code::DifferentSites => "the APIs are on more than one registrable domain",
            Code::MixedSchemes => "http and https mixed across hosts",
            Code::AuthApiNotListed => "the auth API (apiDomain) is not one of the endpoints",
            Code::DuplicateEndpoint => "the same origin was given twice",
            Code::WebsiteCrossSite => "the website is on another site than the APIs",
            Code::MixedContent => "an https website calls an http API: browsers block it",
            Code::PathIgnored => "a path, query or fragment was dropped",
            Code::SchemeAssumed => "no scheme was typed; one was chosen",
            Code::SingleHost => "one host only: no shared cookie domain is needed",
            Code::SharedCookieDomain => "the shared cookie domain and why",
            Code::HeaderModeBroadDomain => {
                "header mode: the domain reaches hosts that are not APIs (the whole site, or the website), which get the access token too"
            }
            Code::HeaderModeOtherSites => {
                "header mode: APIs on other sites than the auth API's, which the frontend names one by one"
            }
        }
    }
}

/// Every rule, in the order the constraints panel lists them.
pub fn rules() -> Vec<&'static str> {
    let mut rules: Vec<&'static str> = Vec::new();
    for rule in Code::ALL.iter().filter_map(|c| c.rule()) {
        if !rules.contains(&rule) {
            rules.push(rule);
        }
    }
    rules
}

/// The names of the answers that hold a URL, as messages call them.
pub const API_ENDPOINT: &str = "API endpoint";
pub const WEBSITE: &str = "website";
pub const AUTH_API: &str = "auth API";

/// One thing st-setup has to say about the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// The endpoints (as typed) this finding is about.
    pub endpoints: Vec<String>,
}

impl Finding {
    fn new(code: Code, message: String, endpoints: Vec<String>) -> Self {
        Self {
            severity: code.severity(),
            code,
            message,
            endpoints,
        }
    }

    /// `what` names the field: `API_ENDPOINT`, `WEBSITE` or `AUTH_API`.
    pub fn unparsable(what: &str, input: &str, error: &EndpointError) -> Self {
        let code = match error {
            EndpointError::UnsupportedScheme(_) => Code::UnsupportedScheme,
            EndpointError::Ipv6 => Code::IpAddress,
            _ => Code::InvalidUrl,
        };
        let shown = quoted(input);
        let message = match error {
            EndpointError::Empty => format!(
                "An empty {what}. Type an origin such as https://api.example.com, or remove it."
            ),
            EndpointError::Invalid(detail) => format!(
                "The {what} {shown} is not a URL ({detail}). Type an origin such as https://api.example.com."
            ),
            EndpointError::UnsupportedScheme(scheme) => format!(
                "The {what} {shown} uses {}://. SuperTokens is reached over http:// or https:// only.",
                text::shown(scheme)
            ),
            EndpointError::Credentials => format!(
                "The {what} {shown} holds a user name or password. Remove the \"user:password@\" part: only scheme://host[:port] is used."
            ),
            EndpointError::Ipv6 => format!(
                "The {what} {shown} is an IPv6 address. The SuperTokens SDKs cannot use an IPv6 literal as a domain; give it a host name (e.g. in /etc/hosts)."
            ),
            EndpointError::SingleLabel(host) => format!(
                "The {what} {shown} has the one-label host {}. Cookies need a full domain name such as {}.example.com (only \"localhost\" may stand alone).",
                quoted(host),
                text::shown(host)
            ),
            EndpointError::Wildcard(host) => format!(
                "The {what} {shown} is a pattern ({}), not one API. List each API host the frontend calls, e.g. https://api.example.com.",
                quoted(host)
            ),
            EndpointError::BadCharacter { host, character } => format!(
                "The {what} {shown} has \"{character}\" in its host {}; a host name has only letters, digits, hyphens and dots. Remove any quotes or stray characters.",
                quoted(host)
            ),
            EndpointError::EmptyLabel(host) => format!(
                "The {what} {shown} has an empty label in {} (two dots in a row). Remove the extra dot.",
                quoted(host)
            ),
            EndpointError::Invisible {
                position,
                character,
            } => {
                let fix = if what == API_ENDPOINT {
                    "One entry holds one URL: give each endpoint its own entry (a list separated by line breaks, commas or spaces is split into entries), and remove any other invisible character."
                } else {
                    "It is one URL: remove the character."
                };
                format!(
                    "The {what} {shown} has {} at character {position}. {fix}",
                    text::name_of(*character)
                )
            }
            EndpointError::HostTooLong(length) => format!(
                "The {what} {shown} has a host of {} characters; DNS allows at most 253. Check that it is one host name.",
                text::thousands(*length)
            ),
            EndpointError::LabelTooLong(label) => format!(
                "The {what} {shown} has the label {} of {} characters; DNS allows at most 63 between two dots.",
                quoted(label),
                label.len()
            ),
        };
        Self::new(code, message, vec![input.to_owned()])
    }

    pub fn no_endpoints() -> Self {
        Self::new(
            Code::NoEndpoints,
            "No API endpoint yet. Add the URL of every API your frontend calls, e.g. https://api.example.com.".to_owned(),
            vec![],
        )
    }

    pub fn scheme_assumed(what: &str, endpoint: &Endpoint) -> Self {
        Self::new(
            Code::SchemeAssumed,
            format!(
                "The {what} {} has no scheme; using {} ({}:// is what the SDKs assume for this host). Type the scheme to choose another.",
                quoted(endpoint.input.trim()),
                endpoint.origin(),
                endpoint.scheme.as_str()
            ),
            vec![endpoint.input.clone()],
        )
    }

    pub fn path_ignored(what: &str, endpoint: &Endpoint, path: &str) -> Self {
        Self::new(
            Code::PathIgnored,
            format!(
                "The {what} {} has {} after its host; only the origin {} is used. The path of the auth routes is apiBasePath (\"/auth\" by default), not part of the domain.",
                quoted(endpoint.input.trim()),
                quoted(path),
                endpoint.origin()
            ),
            vec![endpoint.input.clone()],
        )
    }

    pub fn duplicate(first: &Endpoint, again: &Endpoint) -> Self {
        Self::new(
            Code::DuplicateEndpoint,
            format!(
                "{} and {} are the same origin {}; one entry is enough.",
                quoted(first.input.trim()),
                quoted(again.input.trim()),
                again.origin()
            ),
            vec![again.input.clone()],
        )
    }

    pub fn auth_api_not_listed(auth_api: &str, endpoints: &[&Endpoint]) -> Self {
        let choices = join(endpoints.iter().map(|e| e.origin()));
        Self::new(
            Code::AuthApiNotListed,
            format!(
                "The auth API {} (appInfo.apiDomain, the one serving /auth) is not one of the API endpoints. Choose one of {choices}, or add it as an endpoint too.",
                quoted(auth_api)
            ),
            vec![auth_api.to_owned()],
        )
    }

    pub fn ip_addresses(endpoints: &[&Endpoint]) -> Self {
        Self::new(
            Code::IpAddress,
            format!(
                "{} {} an IP address. Browsers never share a cookie between hosts when one is an IP address, so these APIs cannot share one session. Give every API a name under one domain (for development e.g. api.myapp.test and api2.myapp.test in /etc/hosts).",
                join(endpoints.iter().map(|e| e.origin())),
                if endpoints.len() == 1 {
                    "is"
                } else {
                    "are each"
                }
            ),
            inputs(endpoints),
        )
    }

    pub fn localhost_subdomains(endpoints: &[&Endpoint]) -> Self {
        Self::new(
            Code::LocalhostSubdomains,
            format!(
                "{} {} on localhost. Browsers keep the cookies of localhost and each *.localhost host apart, so these APIs cannot share one session. For development use a domain of your own, e.g. api.myapp.test and api2.myapp.test mapped to 127.0.0.1 in /etc/hosts.",
                join(endpoints.iter().map(|e| e.origin())),
                if endpoints.len() == 1 { "is" } else { "are" }
            ),
            inputs(endpoints),
        )
    }

    /// `sites` pairs each registrable domain (or the host itself, when it is a public
    /// suffix) with the endpoints on it, largest group first.
    pub fn different_sites(
        sites: &[(String, Vec<&Endpoint>)],
        shared_suffix: Option<&str>,
    ) -> Self {
        let odd: Vec<&Endpoint> = sites
            .iter()
            .skip(1)
            .flat_map(|(_, e)| e.iter().copied())
            .collect();
        let listing = join(sites.iter().map(|(site, _)| site.clone()));
        let message = match shared_suffix {
            Some(suffix) => format!(
                "These APIs only have \"{suffix}\" in common, and {suffix} is a public suffix: browsers refuse cookies for it, so every *.{suffix} site keeps its own cookies ({listing}). Put the APIs on a custom domain of yours, e.g. api.example.com and api2.example.com."
            ),
            None if sites[0].1.len() == 1 => format!(
                "The APIs are on different sites ({listing}). A session cookie can only be shared within one registrable domain. Serve every API from a subdomain of one domain, e.g. api.example.com and api2.example.com."
            ),
            None => format!(
                "{} {} not under {}: the APIs are on different sites ({listing}). A session cookie can only be shared within one registrable domain. Serve every API from a subdomain of {}.",
                join(odd.iter().map(|e| e.origin())),
                if odd.len() == 1 { "is" } else { "are" },
                sites[0].0,
                sites[0].0
            ),
        };
        let endpoints = if shared_suffix.is_some() || sites[0].1.len() == 1 {
            sites.iter().flat_map(|(_, e)| inputs(e)).collect()
        } else {
            inputs(&odd)
        };
        Self::new(Code::DifferentSites, message, endpoints)
    }

    pub fn mixed_schemes(http: &[&Endpoint], https: &[&Endpoint]) -> Self {
        Self::new(
            Code::MixedSchemes,
            format!(
                "{} {} http:// while {} {} https://. With an https apiDomain the session cookies are Secure and browsers never send them to an http:// API; with an http apiDomain they are not Secure and travel unencrypted. Serve every API over https.",
                join(http.iter().map(|e| e.origin())),
                if http.len() == 1 { "uses" } else { "use" },
                join(https.iter().map(|e| e.origin())),
                if https.len() == 1 { "uses" } else { "use" },
            ),
            inputs(http),
        )
    }

    pub fn single_host(host: &str) -> Self {
        Self::new(
            Code::SingleHost,
            format!(
                "Every API is on {host}, so no cookieDomain and no sessionTokenBackendDomain are set: host-only cookies already reach every port of {host}, and the frontend adds the session to every request to it."
            ),
            vec![],
        )
    }

    /// `single_host` in header mode: one host on the auth API's site.
    pub fn single_host_header(host: &str) -> Self {
        Self::new(
            Code::SingleHost,
            format!(
                "The auth API's site has one API host, {host}, so no sessionTokenBackendDomain is set: in header mode the frontend adds the access token to every request to {host}, any port."
            ),
            vec![],
        )
    }

    pub fn shared_cookie_domain(hosts: &[&str], cookie_domain: &str) -> Self {
        Self::new(
            Code::SharedCookieDomain,
            format!(
                "{} share the domain {}, so the backend's cookieDomain and the frontend's sessionTokenBackendDomain are both \"{cookie_domain}\", which covers every API and nothing outside it.",
                join(hosts.iter().map(|h| h.to_string())),
                &cookie_domain[1..]
            ),
            vec![],
        )
    }

    /// Header mode: the domain reaches more hosts than the APIs (the whole site, or the
    /// website). Doctor says the same of a frontend's hand-written value.
    pub fn header_mode_broad_domain(domain: &str, apis: &[&str], website: Option<&str>) -> Self {
        let beyond = match website {
            Some(website) => format!("the website {website} included"),
            None => format!("every host of {}", &domain[1..]),
        };
        Self::new(
            Code::HeaderModeBroadDomain,
            format!(
                "In header mode the frontend adds the access token, as an Authorization header, to every request to a host under \"{domain}\" on any port (supertokens-website 20 and later match every subdomain): not only {}, but {beyond}. Any of them the page calls gets the token. Give the APIs a subdomain of their own (a.api.{d} and b.api.{d} share \".api.{d}\").",
                join(apis.iter().map(|h| h.to_string())),
                d = &domain[1..],
            ),
            vec![],
        )
    }

    /// Header mode with APIs on other sites than the auth API's: the one domain cannot
    /// cover them, so the frontend lists their hosts.
    pub fn header_mode_other_sites(hosts: &[String], auth_site: &str) -> Self {
        let (is, it, host) = match hosts.len() {
            1 => ("is", "it", "that host"),
            _ => ("are", "them", "those hosts"),
        };
        Self::new(
            Code::HeaderModeOtherSites,
            format!(
                "{} {is} not on {auth_site}, the auth API's site, so no sessionTokenBackendDomain can cover {it}: in header mode that is fine, as long as the frontend's Session.init names {host} (overriding shouldDoInterceptionBasedOnUrl). Then the SDK adds the access token to requests to {it} as well, and refreshes the session through the auth API.",
                join(hosts.iter().map(|h| h.to_string())),
            ),
            vec![],
        )
    }

    /// `shared_cookie_domain` in header mode, where the domain steers the access token.
    pub fn shared_header_domain(hosts: &[&str], domain: &str) -> Self {
        Self::new(
            Code::SharedCookieDomain,
            format!(
                "{} share the domain {}, so the frontend's sessionTokenBackendDomain is \"{domain}\": in header mode it decides which requests get the access token in an Authorization header (every host under it, any port). The backends' cookieDomain is the same, for the cookies they clear.",
                join(hosts.iter().map(|h| h.to_string())),
                &domain[1..]
            ),
            vec![],
        )
    }

    pub fn website_cross_site(
        website: &Endpoint,
        website_site: &str,
        api: &Endpoint,
        api_site: &str,
    ) -> Self {
        let fix = match (website.is_local(), api.is_local()) {
            // localhost and 127.0.0.1 look alike to people, not to browsers.
            (true, true) => format!(
                "Browsers tell {website_site} and {api_site} apart even on one machine: give the website and the APIs the same host, e.g. {}://{}:3000 for the website.",
                website.scheme.as_str(),
                api.host
            ),
            (false, true) => format!(
                "Develop the website on this machine too (e.g. http://{}:3000), or put the APIs on the website's domain.",
                api.host
            ),
            (_, false) => format!(
                "Host the website under {api_site} (e.g. app.{api_site}), or use header-based sessions (tokenTransferMethod: \"header\")."
            ),
        };
        Self::new(
            Code::WebsiteCrossSite,
            format!(
                "The website {} is on {website_site} but the APIs are on {api_site}. The backend then has to send SameSite=None cookies, which need https on the API, and Safari blocks such cross-site cookies. {fix}",
                website.origin()
            ),
            vec![website.input.clone()],
        )
    }

    pub fn mixed_content(website: &Endpoint, http_apis: &[&Endpoint]) -> Self {
        // Loopback counts as secure to browsers, so a public page calling it is not blocked
        // as mixed content but as a request into the user's own machine.
        if http_apis.iter().all(|api| api.is_loopback()) {
            return Self::new(
                Code::MixedContent,
                format!(
                    "The website {} is a public https page, but {} {} on the user's own machine over http. Browsers refuse requests from public pages into the local machine (Private Network Access), so the frontend cannot reach {}. Develop the website on this machine too (e.g. http://localhost:3000), or serve the APIs over https on a public name.",
                    website.origin(),
                    join(http_apis.iter().map(|e| e.origin())),
                    if http_apis.len() == 1 { "is" } else { "are" },
                    if http_apis.len() == 1 { "it" } else { "them" },
                ),
                inputs(http_apis),
            );
        }
        Self::new(
            Code::MixedContent,
            format!(
                "The website {} is served over https, but {} {} http://. Browsers block every request from an https page to an http API (mixed content), so the frontend cannot reach {}. Serve the APIs over https{}.",
                website.origin(),
                join(http_apis.iter().map(|e| e.origin())),
                if http_apis.len() == 1 { "uses" } else { "use" },
                if http_apis.len() == 1 { "it" } else { "them" },
                if website.is_local() {
                    ", or in development serve the website over http too"
                } else {
                    ""
                }
            ),
            inputs(http_apis),
        )
    }
}

/// Several `scheme-assumed` findings in one line, where space is short (the TUI panel).
pub fn schemes_assumed(inputs: &[&str]) -> String {
    format!(
        "No scheme typed for {}: https:// assumed (http:// for localhost and IPv4), as the SDKs do. Type the scheme to choose another.",
        join(inputs.iter().map(|i| text::shown(i.trim())))
    )
}

/// A second change of cookie domain within the year the first is still being cleared.
pub fn older_cookie_domain_replaced(dropped: &str) -> String {
    format!(
        "olderCookieDomain was \"{dropped}\" and now names the domain this change replaces. The SDK clears only one older domain, so cookies still set for {dropped} are no longer cleared; if that earlier change is less than a year old, users with such cookies may need to sign in again."
    )
}

/// The olderCookieDomain a change would need, but that the auth API can never use.
pub fn older_cookie_domain_unreachable(previous: &str, api_host: &str) -> String {
    let what = if previous.is_empty() {
        "host-only cookies of the previous auth API".to_owned()
    } else {
        format!("cookies for {previous}")
    };
    format!(
        "No olderCookieDomain: {what} were set for another host or site than {api_host}, the auth API of this setup, and no API of this setup is under it. Browsers never send those cookies to these APIs, so they are harmless here and expire on their own; users signed in before sign in again."
    )
}

/// A cookie domain change that moved the auth API out of reach of the old cookies while
/// other APIs still receive them.
pub fn older_cookie_domain_stranded(previous: &str, api_host: &str, stranded: &[&str]) -> String {
    let (what, under) = if previous.is_empty() {
        (
            "host-only cookies of the previous auth API".to_owned(),
            "on that host".to_owned(),
        )
    } else {
        (
            format!("cookies for {previous}"),
            format!("under {previous}"),
        )
    };
    format!(
        "No olderCookieDomain: {what} can only be cleared by an auth API {under}, and the auth API is now {api_host}. {} {} still {under}, so browsers send {} both the old and the new session cookies until the old ones expire, and users may be stuck refreshing their session. Keep the auth API {under} (--auth-api) until then, or expect those users to sign in again.",
        join(stranded.iter().map(|h| h.to_string())),
        if stranded.len() == 1 { "is" } else { "are" },
        if stranded.len() == 1 { "it" } else { "them" },
    )
}

/// An existing file `--force` replaced whole, and what only its backup holds now.
pub fn replaced_file(
    path: &std::path::Path,
    why: &str,
    backup: &std::path::Path,
    lost: &crate::plan::Lost,
) -> String {
    let among = if lost.modules.is_empty() {
        String::new()
    } else {
        format!(
            ", among them what uses {}",
            join(lost.modules.iter().map(|m| text::shown(m)))
        )
    };
    format!(
        "{} {why}, so --force replaces it whole. Its old content is kept in {}: {} line{} of code that the new file does not have{among}. Copy back what you need (e.g. your sign-in recipes) outside the st-setup block.",
        path.display(),
        backup.display(),
        lost.lines,
        if lost.lines == 1 { "" } else { "s" }
    )
}

/// The comment above the managed values of a setup with a shared cookie domain.
pub fn shared_cookie_domain_comment(cookie_domain: &str) -> String {
    format!(
        "Every API is under {}, so the backend's cookieDomain and the frontend's sessionTokenBackendDomain are both \"{cookie_domain}\": one session for all of them. Re-run `st-setup` (or `st-setup add-api URL`) when the APIs change.",
        cookie_domain.trim_start_matches('.')
    )
}

/// The comment above the managed values of a setup with environments.
pub fn environments_comment(names: &[&str]) -> String {
    format!(
        "The environments {}, each with its own values, every one checked on its own; the code after them picks one when the program starts. Re-run `st-setup --env NAME` to change one.",
        crate::environment::listed(names.iter().copied()),
    )
}

/// What goes before the domain in the backend's and the frontend's Session.init options,
/// as the front ends show the two values that must match: the header-mode option, if any.
pub fn session_mode_options(header: bool) -> (&'static str, &'static str) {
    match header {
        true => (
            "getTokenTransferMethod: () => \"header\", ",
            "tokenTransferMethod: \"header\", ",
        ),
        false => ("", ""),
    }
}

/// The question the wizards ask where only header-based sessions can make the APIs work
/// (APIs on several sites), and its help line.
pub const HEADER_MODE_OFFER: &str = "Use header-based sessions (--token-transfer header)?";
pub const HEADER_MODE_OFFER_HELP: &str = "the access token then travels in an Authorization header, not in cookies, so APIs on several sites can share one session";

/// The comment above the managed values of a header-mode setup.
pub fn header_mode_comment(
    domain: Option<&str>,
    api_host: Option<&str>,
    others: &[String],
) -> String {
    let reach = match (domain, api_host) {
        (Some(domain), _) => format!(
            "the APIs under {} get it by sessionTokenBackendDomain \"{domain}\"",
            &domain[1..]
        ),
        (None, Some(host)) => format!("{host} gets it as the auth API"),
        (None, None) => "the auth API gets it".to_owned(),
    };
    let others = match others {
        [] => String::new(),
        hosts => format!(
            ", and {} (another site) by name",
            join(hosts.iter().map(|h| h.to_string()))
        ),
    };
    format!(
        "Header-based sessions: the access token travels in an Authorization header, not in cookies. In the frontend, {reach}{others}. Re-run `st-setup` (or `st-setup add-api URL`) when the APIs change."
    )
}

/// The comment above the managed values of a setup with one API host.
pub fn single_host_comment(host: &str) -> String {
    format!(
        "Every API is on {host}, so no cookieDomain and no sessionTokenBackendDomain are set: host-only cookies already reach every port of {host}. Re-run `st-setup` (or `st-setup add-api URL`) when the APIs change."
    )
}

/// An output path outside the project, which only a flag can ask for.
pub fn outside_the_project(path: &std::path::Path, flag: &str) -> String {
    format!(
        "{} is outside the project folder. st-setup.json alone never sends files outside it, so later runs need {flag} {} again (or -C at a folder that holds both).",
        path.display(),
        path.display()
    )
}

/// A backend file in a Next.js app whose code outside the block was written for plain Node.
pub fn not_written_for_nextjs(path: &std::path::Path) -> String {
    format!(
        "{} is in a Next.js app, but its code outside st-setup's block was written for plain Node (it has no ensureSuperTokensInit), so no auth route was written for it. Regenerate it for Next.js with `st-setup --yes --force` (the old file is kept as a .bak copy), or initialise the SDK in your route handlers yourself with framework \"custom\".",
        path.display()
    )
}

/// A recipe the file's own code imports (and so initialises) that the block now brings
/// too.
pub fn recipe_imported_twice(path: &std::path::Path, line: usize, module: &str) -> String {
    let recipe = module
        .rsplit(['/', '.'])
        .find(|part| crate::recipe::Recipe::ALL.iter().any(|r| r.name() == *part))
        .unwrap_or(module);
    format!(
        "{}:{line} imports {module} outside st-setup's block, and the block now brings the {recipe} recipe itself (--recipes): the file would import it twice and initialise it twice. Remove your import and your {recipe} init from the recipe list (the block's takes its place), or leave {recipe} out of --recipes and keep configuring it yourself. Nothing was written.",
        path.display()
    )
}

/// A value the update puts in a file's block that the file's own init calls do not pass on.
pub fn unread_after_update(path: &std::path::Path, line: usize, message: &str) -> String {
    let at = match line {
        0 => path.display().to_string(),
        line => format!("{}:{line}", path.display()),
    };
    format!("{at}: {message}. That code is yours, so st-setup leaves it to you.")
}

/// A Next.js frontend whose code (the user's) has no `PreBuiltUIList` for a login page.
pub fn no_login_page(path: &std::path::Path) -> String {
    format!(
        "{} exports no PreBuiltUIList (its code outside st-setup's block is from before sign-in recipes were a choice), so no login page was written for it. Add `export const PreBuiltUIList = stSetup.preBuiltUI;` to it and run st-setup again, or render SuperTokens' getRoutingComponent in your own page.",
        path.display()
    )
}

/// A Next.js backend whose auth API another origin calls: its route answers no CORS.
pub fn nextjs_cross_origin(website: &str, api: &str) -> String {
    format!(
        "The website {website} calls the auth API {api}, another origin, and the Next.js route handler answers no CORS: browsers will block its requests. Serve the website and the auth routes from one Next.js app (one origin), or add CORS headers for the website to the route."
    )
}

/// A React Native app or a script-tag page (`what`, whose SDK is `sdk`) in a setup with the
/// pre built UI, which neither can draw.
pub fn no_prebuilt_ui_here(path: &std::path::Path, what: &str, sdk: &str) -> String {
    format!(
        "{} is {what}: the pre built UI (supertokens-auth-react) is a React app for bundled websites, so it gets {sdk}'s session alone, and its own pages or screens call the backend's sign-in APIs.",
        crate::text::shown(&path.display().to_string())
    )
}

/// A React Native app whose environment calls an API on this machine.
pub fn react_native_localhost(path: &std::path::Path, api: &str) -> String {
    format!(
        "{} is a React Native app, and it calls {api}: on a phone, and in the Android emulator, localhost is the device itself. Give that environment your machine's address on the network (the Android emulator reaches this machine at 10.0.2.2), and the backends the same apiDomain.",
        crate::text::shown(&path.display().to_string())
    )
}

/// A backend whose CORS code, written for one website, now has several to allow.
pub fn cors_for_one_website(path: &std::path::Path, list: &str) -> String {
    format!(
        "{} allows only the website it was first written for in its CORS code, outside the st-setup block (yours to edit): allow every website of {list} there, as a new file does, or the other websites' requests are refused.",
        crate::text::shown(&path.display().to_string())
    )
}

/// A Python service whose manifests do not settle its framework.
pub fn framework_guessed(path: &std::path::Path, guess: &crate::project::Guess) -> String {
    use crate::target::Framework;
    let same_language = |f: &&Framework| {
        **f != guess.chosen && std::mem::discriminant(*f) == std::mem::discriminant(&guess.chosen)
    };
    // Another framework the manifests list is the likelier one to name.
    let other = guess
        .listed
        .iter()
        .find(same_language)
        .or_else(|| Framework::ALL.iter().find(same_language))
        .map_or("flask", |f| f.name());
    let listed = match guess.listed.as_slice() {
        [] => "no pyproject.toml, Pipfile or requirements*.txt above it names FastAPI, Flask or Django".to_owned(),
        several => format!(
            "its manifests list {}",
            crate::text::join(several.iter().map(|f| f.label().to_owned()))
        ),
    };
    format!(
        "{} is set up for {}: {listed}. If the service uses another, name it after the path (e.g. {}@{other}).",
        path.display(),
        guess.chosen.label(),
        path.display(),
    )
}

/// An output moved (another language or path); the old file stays where it was.
pub fn file_left_behind(old: &std::path::Path, instead: &[&std::path::Path]) -> String {
    format!(
        "{} was written by an earlier run; this run writes {} instead and leaves the old file alone. Delete it once nothing imports it.",
        old.display(),
        join(instead.iter().map(|p| p.display().to_string()))
    )
}

fn inputs(endpoints: &[&Endpoint]) -> Vec<String> {
    endpoints.iter().map(|e| e.input.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_kebab_case_and_match_serde() {
        for code in Code::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn the_readme_documents_every_code_with_its_severity() {
        let readme = include_str!("../README.md");
        for code in Code::ALL {
            let row = format!("| `{}` | {} |", code.as_str(), code.severity().as_str());
            assert!(readme.contains(&row), "README.md lacks the row {row}");
        }
    }
}
