//! One API endpoint as the user typed it, parsed and normalised the way the SuperTokens
//! SDKs normalise `apiDomain` (WHATWG URL rules: lowercase, IDN → punycode, default port
//! dropped).

use std::fmt;
use std::net::Ipv4Addr;

use url::{Host, Url};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    Http,
    Https,
}

impl Scheme {
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }
}

/// What kind of host an endpoint has; cookies treat each kind differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    /// A domain name with at least two labels, e.g. `api.example.com`.
    Domain,
    /// `localhost` itself.
    Localhost,
    /// `api.localhost`: resolves to loopback, but browsers never share cookies across them.
    LocalhostSubdomain,
    Ipv4,
}

/// A parsed endpoint: the origin the SDK will see, plus what was changed to get there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub input: String,
    pub scheme: Scheme,
    /// Lowercase ASCII host without a trailing dot (punycode for IDNs).
    pub host: String,
    /// The port, when it is not the scheme's default.
    pub port: Option<u16>,
    pub kind: HostKind,
    /// The input had no scheme, so one was chosen (https, or http for localhost/IPv4).
    pub scheme_assumed: bool,
    /// Path, query or fragment the input carried; it is not part of an origin.
    pub ignored_path: Option<String>,
}

/// Why a text is not a usable endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointError {
    Empty,
    /// Not a URL at all; the detail comes from the WHATWG parser.
    Invalid(String),
    UnsupportedScheme(String),
    Credentials,
    Ipv6,
    /// A host with one label (other than `localhost`), e.g. `https://api`.
    SingleLabel(String),
    /// A host with an empty label, e.g. `api..example.com`.
    EmptyLabel(String),
    /// A `*` label: a pattern such as `*.example.com`, not one endpoint.
    Wildcard(String),
    /// A character no host name has (quotes, `$`, `{`, …): the WHATWG parser lets many
    /// through, so a pasted `'api.example.com'` would otherwise reach the cookie domain.
    BadCharacter {
        host: String,
        character: char,
    },
    /// A line break, tab or other invisible character inside the text. The WHATWG parser
    /// silently removes tabs and line breaks, which would glue two pasted endpoints into one
    /// host; `position` counts characters from 1.
    Invisible {
        position: usize,
        character: char,
    },
    /// A host longer than the 253 characters DNS allows.
    HostTooLong(usize),
    /// A label longer than the 63 characters DNS allows.
    LabelTooLong(String),
}

/// DNS limits on a host name (RFC 1035), which browsers enforce when they resolve it.
const MAX_HOST: usize = 253;
const MAX_LABEL: usize = 63;

impl Endpoint {
    pub fn parse(input: &str) -> Result<Self, EndpointError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EndpointError::Empty);
        }
        if let Some((position, character)) = crate::text::first_invisible(trimmed) {
            return Err(EndpointError::Invisible {
                position,
                character,
            });
        }
        let explicit_scheme = has_scheme(trimmed);
        let url = if explicit_scheme {
            parse_url(trimmed)?
        } else {
            let bare = trimmed.trim_start_matches('/');
            let guess = parse_url(&format!("https://{bare}"))?;
            // Same default as the SDKs: plain http for local development hosts.
            if is_local(guess.host()) {
                parse_url(&format!("http://{bare}"))?
            } else {
                guess
            }
        };
        let scheme = match url.scheme() {
            "http" => Scheme::Http,
            "https" => Scheme::Https,
            other => return Err(EndpointError::UnsupportedScheme(other.to_owned())),
        };
        if !url.username().is_empty() || url.password().is_some() {
            return Err(EndpointError::Credentials);
        }
        let (host, kind) = match url.host() {
            None => return Err(EndpointError::Invalid("no host".to_owned())),
            Some(Host::Ipv6(_)) => return Err(EndpointError::Ipv6),
            Some(Host::Ipv4(ip)) => (ip.to_string(), HostKind::Ipv4),
            Some(Host::Domain(name)) => {
                let name = name.strip_suffix('.').unwrap_or(name).to_owned();
                (name.clone(), domain_kind(&name)?)
            }
        };
        let ignored_path = ignored_part(&url);
        Ok(Self {
            input: input.to_owned(),
            scheme,
            host,
            port: url.port(),
            kind,
            scheme_assumed: !explicit_scheme,
            ignored_path,
        })
    }

    /// `scheme://host[:port]`, exactly as the SDKs normalise `apiDomain`.
    pub fn origin(&self) -> String {
        match self.port {
            Some(port) => format!("{}://{}:{port}", self.scheme.as_str(), self.host),
            None => format!("{}://{}", self.scheme.as_str(), self.host),
        }
    }

    /// Hosts that reach this machine only, which browsers count as secure even over http
    /// (no mixed-content blocking): `localhost`, `*.localhost`, `127.0.0.0/8`.
    pub fn is_loopback(&self) -> bool {
        match self.kind {
            HostKind::Localhost | HostKind::LocalhostSubdomain => true,
            HostKind::Ipv4 => as_ipv4(&self.host).is_some_and(|ip| ip.is_loopback()),
            HostKind::Domain => false,
        }
    }

    /// Hosts that only ever run on a developer's machine.
    pub fn is_local(&self) -> bool {
        matches!(
            self.kind,
            HostKind::Localhost | HostKind::LocalhostSubdomain | HostKind::Ipv4
        )
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.origin())
    }
}

fn parse_url(text: &str) -> Result<Url, EndpointError> {
    Url::parse(text).map_err(|e| EndpointError::Invalid(e.to_string()))
}

fn is_local(host: Option<Host<&str>>) -> bool {
    match host {
        Some(Host::Ipv4(_)) => true,
        Some(Host::Domain(name)) => {
            let name = name.strip_suffix('.').unwrap_or(name);
            name == "localhost" || name.ends_with(".localhost")
        }
        _ => false,
    }
}

/// `https://…`, `HTTP:…`, `ftp://…`: a scheme at the start, not a URL inside the query.
fn has_scheme(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // `localhost:3000` and `api.example.com:8443` are a host and a port; `mailto:x` and
    // `https:api.example.com` have a scheme.
    let host_and_port =
        scheme.contains('.') || rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit());
    is_scheme && (rest.starts_with("//") || !host_and_port)
}

fn domain_kind(name: &str) -> Result<HostKind, EndpointError> {
    if name.split('.').any(str::is_empty) {
        return Err(EndpointError::EmptyLabel(name.to_owned()));
    }
    if name.len() > MAX_HOST {
        return Err(EndpointError::HostTooLong(name.len()));
    }
    if let Some(label) = name.split('.').find(|label| label.len() > MAX_LABEL) {
        return Err(EndpointError::LabelTooLong(label.to_owned()));
    }
    if name.split('.').any(|label| label == "*") {
        return Err(EndpointError::Wildcard(name.to_owned()));
    }
    // Letters, digits and hyphens (punycode included); underscores too, which browsers
    // accept in host names.
    if let Some(character) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(EndpointError::BadCharacter {
            host: name.to_owned(),
            character,
        });
    }
    if name == "localhost" {
        Ok(HostKind::Localhost)
    } else if name.ends_with(".localhost") {
        Ok(HostKind::LocalhostSubdomain)
    } else if !name.contains('.') {
        Err(EndpointError::SingleLabel(name.to_owned()))
    } else {
        Ok(HostKind::Domain)
    }
}

fn ignored_part(url: &Url) -> Option<String> {
    let mut rest = String::new();
    if url.path() != "/" {
        rest.push_str(url.path());
    }
    if let Some(query) = url.query() {
        rest.push('?');
        rest.push_str(query);
    }
    if let Some(fragment) = url.fragment() {
        rest.push('#');
        rest.push_str(fragment);
    }
    (!rest.is_empty()).then_some(rest)
}

/// The origin a typed text stands for, if it is a usable endpoint: how two spellings of
/// one API (`api.example.com`, `https://API.example.com/`) are told to be the same.
pub fn origin_of(text: &str) -> Option<String> {
    Endpoint::parse(text).ok().map(|e| e.origin())
}

/// A cookie domain as written in a file, as the SDKs compare it: `.Example.com` and
/// `example.com` are both `.example.com`.
pub fn dotted_domain(value: &str) -> String {
    format!(
        ".{}",
        value.trim().trim_start_matches('.').to_ascii_lowercase()
    )
}

/// Whether a cookie domain (without its dot) is `localhost` or an IP address, whose dot
/// the SDKs drop: such a value means host-only cookies whatever it says.
pub fn is_host_only_cookie_domain(bare: &str) -> bool {
    bare == "localhost" || as_ipv4(bare).is_some() || bare.contains(':')
}

/// Whether `host` is `domain` or lies under it on a label boundary — the rule browsers
/// and supertokens-website use: `api.example.com` is under `.example.com`,
/// `evil-example.com` is not.
pub fn host_is_covered_by(host: &str, cookie_domain: &str) -> bool {
    let domain = cookie_domain.strip_prefix('.').unwrap_or(cookie_domain);
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|prefix| prefix.ends_with('.'))
}

/// The dotted IPv4 form, if `host` is one (used to refuse IPs as cookie domains).
pub fn as_ipv4(host: &str) -> Option<Ipv4Addr> {
    host.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> Endpoint {
        Endpoint::parse(input).unwrap_or_else(|e| panic!("{input}: {e:?}"))
    }

    #[test]
    fn full_url_is_normalised() {
        let e = ok("HTTPS://API.Example.COM:443/");
        assert_eq!(e.origin(), "https://api.example.com");
        assert!(!e.scheme_assumed);
        assert_eq!(e.ignored_path, None);
    }

    #[test]
    fn non_default_port_is_kept() {
        assert_eq!(
            ok("https://api.example.com:8443").origin(),
            "https://api.example.com:8443"
        );
        assert_eq!(
            ok("http://api.example.com:80").origin(),
            "http://api.example.com"
        );
    }

    #[test]
    fn missing_scheme_is_https_for_domains() {
        let e = ok("api.example.com");
        assert_eq!(e.origin(), "https://api.example.com");
        assert!(e.scheme_assumed);
        assert_eq!(
            ok("api.example.com:8080").origin(),
            "https://api.example.com:8080"
        );
    }

    #[test]
    fn missing_scheme_is_http_for_localhost_and_ipv4() {
        assert_eq!(ok("localhost:3001").origin(), "http://localhost:3001");
        assert_eq!(ok("127.0.0.1:3001").origin(), "http://127.0.0.1:3001");
        assert_eq!(ok("api.localhost").origin(), "http://api.localhost");
        assert_eq!(ok("127.0.0.1").kind, HostKind::Ipv4);
    }

    #[test]
    fn idn_becomes_punycode() {
        assert_eq!(
            ok("https://bücher.example.com").host,
            "xn--bcher-kva.example.com"
        );
    }

    #[test]
    fn only_a_leading_scheme_counts() {
        let e = ok("api.example.com/auth?next=https://example.com");
        assert_eq!(e.origin(), "https://api.example.com");
        assert!(e.scheme_assumed);
        assert!(!ok("https:api.example.com").scheme_assumed);
        assert_eq!(
            ok("HTTP://api.example.com").origin(),
            "http://api.example.com"
        );
        assert!(ok("localhost:3000").scheme_assumed);
        assert!(ok("api.example.com:8443").scheme_assumed);
        use EndpointError::UnsupportedScheme;
        assert_eq!(
            Endpoint::parse("mailto:x@y.com"),
            Err(UnsupportedScheme("mailto".into()))
        );
        assert_eq!(
            Endpoint::parse("javascript:alert(1)"),
            Err(UnsupportedScheme("javascript".into()))
        );
    }

    #[test]
    fn trailing_dot_is_removed() {
        assert_eq!(
            ok("https://api.example.com./x").origin(),
            "https://api.example.com"
        );
    }

    #[test]
    fn path_query_and_fragment_are_reported_and_dropped() {
        let e = ok("https://api.example.com/auth?x=1#top");
        assert_eq!(e.origin(), "https://api.example.com");
        assert_eq!(e.ignored_path.as_deref(), Some("/auth?x=1#top"));
    }

    #[test]
    fn rejects() {
        use EndpointError::*;
        assert_eq!(Endpoint::parse("  "), Err(Empty));
        assert_eq!(
            Endpoint::parse("ftp://api.example.com"),
            Err(UnsupportedScheme("ftp".into()))
        );
        assert_eq!(Endpoint::parse("https://[::1]:3000"), Err(Ipv6));
        assert_eq!(
            Endpoint::parse("https://api"),
            Err(SingleLabel("api".into()))
        );
        assert_eq!(
            Endpoint::parse("https://u:p@api.example.com"),
            Err(Credentials)
        );
        assert_eq!(
            Endpoint::parse("https://api..example.com"),
            Err(EmptyLabel("api..example.com".into()))
        );
        assert!(matches!(
            Endpoint::parse("https://exa mple.com"),
            Err(Invalid(_))
        ));
        assert!(matches!(Endpoint::parse("http://"), Err(Invalid(_))));
        assert_eq!(
            Endpoint::parse("https://*.example.com"),
            Err(Wildcard("*.example.com".into()))
        );
        assert_eq!(
            Endpoint::parse("https://api.example.com\nhttps://api2.example.com"),
            Err(Invisible {
                position: 24,
                character: '\n'
            }),
            "a line break inside one endpoint is refused, never glued"
        );
        assert_eq!(
            Endpoint::parse("api.example.com\tapi2.example.com"),
            Err(Invisible {
                position: 16,
                character: '\t'
            })
        );
        assert!(matches!(
            Endpoint::parse("api.exa\u{200B}mple.com"),
            Err(Invisible { .. })
        ));
        assert_eq!(
            ok(" https://api.example.com\n").origin(),
            "https://api.example.com",
            "surrounding white space is trimmed"
        );
        let label = "a".repeat(64);
        assert_eq!(
            Endpoint::parse(&format!("https://{label}.example.com")),
            Err(LabelTooLong(label))
        );
        assert!(ok(&format!("https://{}.example.com", "a".repeat(63))).kind == HostKind::Domain);
        let host = format!("{}.example.com", vec!["a".repeat(60); 5].join("."));
        assert_eq!(
            Endpoint::parse(&format!("https://{host}")),
            Err(HostTooLong(host.len()))
        );
        assert_eq!(
            Endpoint::parse("'api.example.com'"),
            Err(BadCharacter {
                host: "'api.example.com'".into(),
                character: '\''
            })
        );
    }

    #[test]
    fn coverage_is_on_label_boundaries() {
        assert!(host_is_covered_by("api.example.com", ".example.com"));
        assert!(host_is_covered_by("example.com", ".example.com"));
        assert!(host_is_covered_by("a.b.example.com", ".example.com"));
        assert!(!host_is_covered_by("evil-example.com", ".example.com"));
        assert!(!host_is_covered_by("example.com.evil.net", ".example.com"));
    }
}
