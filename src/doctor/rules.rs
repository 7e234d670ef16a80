//! What is wrong with a set of init calls together: each rule reads the values found and
//! names the files, the lines and the fix. The domain facts are the wizard's own
//! (`endpoint`, `psl`), so doctor and the wizard cannot disagree on what a cookie domain
//! covers.

use std::collections::BTreeMap;

use serde::Serialize;

use super::extract::{InitCall, Location, Value};
use crate::endpoint::{self, Endpoint};
use crate::findings::Severity;
use crate::psl::PublicSuffixList;
use crate::target::Side;

/// One problem, with every place it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub locations: Vec<Location>,
}

/// How a backend without cookieDomain is listed among the cookie domains.
const NO_COOKIE_DOMAIN: &str = "(none: host-only cookies)";

/// The values that decide where the session goes: a run-time one is named, not judged.
const JUDGED: [&str; 5] = [
    "apiDomain",
    "websiteDomain",
    "cookieDomain",
    "olderCookieDomain",
    "sessionTokenBackendDomain",
];

pub fn findings(calls: &[InitCall], psl: &PublicSuffixList) -> Vec<Finding> {
    let mut out = Vec::new();
    for call in calls {
        cookie_domain_itself(call, psl, &mut out);
        older_cookie_domain_supported(call, &mut out);
        dynamic_values(call, &mut out);
    }
    let all_backends: Vec<&InitCall> = calls.iter().filter(|c| c.side == Side::Backend).collect();
    for deployment in deployments(calls, psl) {
        let frontends: Vec<&InitCall> = deployment
            .iter()
            .copied()
            .filter(|c| c.side == Side::Frontend)
            .collect();
        if deployment.iter().any(|c| c.side == Side::Backend) {
            together(&deployment, &mut out);
        } else {
            // A frontend whose API no backend of the tree serves: wrong, or a typo.
            origins_agree(
                &all_backends,
                &frontends,
                "apiDomain",
                "api-domain-mismatch",
                &mut out,
            );
        }
    }
    out.sort_by(|a, b| (a.severity, a.code, &a.locations).cmp(&(b.severity, b.code, &b.locations)));
    out.dedup();
    out
}

/// The calls that make one deployment: those whose API is on one site (the registrable
/// domain; every local development host is one site).
fn deployments<'c>(calls: &'c [InitCall], psl: &PublicSuffixList) -> Vec<Vec<&'c InitCall>> {
    let mut sites: BTreeMap<String, Vec<&InitCall>> = BTreeMap::new();
    let mut unknown = Vec::new();
    for call in calls {
        let endpoint = call
            .literal("apiDomain")
            .and_then(|v| Endpoint::parse(v).ok());
        match endpoint {
            Some(endpoint) if endpoint.is_local() => {
                sites.entry(String::new()).or_default().push(call)
            }
            Some(endpoint) => {
                let site = psl
                    .registrable_domain(&endpoint.host)
                    .unwrap_or(&endpoint.host);
                sites.entry(site.to_owned()).or_default().push(call);
            }
            None => unknown.push(call),
        }
    }
    // With one site, a call of unknown API belongs to it; with several, to none (it would
    // fail all but one).
    match sites.len() {
        0 => vec![unknown],
        1 => {
            let mut calls: Vec<&InitCall> = sites.into_values().flatten().collect();
            calls.extend(unknown);
            vec![calls]
        }
        _ => sites.into_values().collect(),
    }
}

/// The checks of one deployment's calls together.
fn together(calls: &[&InitCall], out: &mut Vec<Finding>) {
    let backends: Vec<&InitCall> = calls
        .iter()
        .copied()
        .filter(|c| c.side == Side::Backend)
        .collect();
    let frontends: Vec<&InitCall> = calls
        .iter()
        .copied()
        .filter(|c| c.side == Side::Frontend)
        .collect();
    let mut cookie_domains = distinct(&backends, "cookieDomain", endpoint::dotted_domain);
    // A backend that sets none sets host-only cookies: another session beside the shared one.
    if !cookie_domains.is_empty() {
        for backend in &backends {
            if backend.config_read && !backend.values.contains_key("cookieDomain") {
                cookie_domains
                    .entry(NO_COOKIE_DOMAIN.to_owned())
                    .or_default()
                    .push(backend.at.clone());
            }
        }
    }
    if cookie_domains.len() > 1 {
        out.push(Finding {
            severity: Severity::Error,
            code: "cookie-domain-mismatch",
            message: format!(
                "The backends set different cookie domains ({}): each sets the session cookies for its own domain, so a browser holds several sessions and sends the wrong one. Set one cookieDomain, the same in every backend.",
                listed(&cookie_domains)
            ),
            locations: locations(&cookie_domains),
        });
    }
    let shared = (cookie_domains.len() == 1)
        .then(|| cookie_domains.keys().next().cloned())
        .flatten();
    if let Some(shared) = &shared {
        covering(calls, shared, &cookie_domains[shared], out);
        for frontend in &frontends {
            match frontend.values.get("sessionTokenBackendDomain") {
                // Its config is written in another file: doctor cannot say it is missing.
                None if !frontend.config_read => {}
                None => out.push(Finding {
                    severity: Severity::Error,
                    code: "session-token-backend-domain-missing",
                    message: format!(
                        "{} initialises {} without sessionTokenBackendDomain, while the backends share the session under {shared}: the frontend then attaches the session to its apiDomain's host only. Add sessionTokenBackendDomain: \"{shared}\" to its {}.",
                        at(&frontend.at),
                        frontend.sdk,
                        // supertokens-website and -react-native take it in their one init.
                        if matches!(frontend.sdk, "supertokens-website" | "supertokens-react-native") {
                            "init"
                        } else {
                            "Session.init"
                        }
                    ),
                    locations: vec![frontend.at.clone()],
                }),
                Some(found) => {
                    if let Some(value) = found.value.literal()
                        && endpoint::dotted_domain(value) != *shared {
                            let mut places = vec![found.at.clone()];
                            places.extend(cookie_domains[shared].iter().cloned());
                            out.push(Finding {
                                severity: Severity::Error,
                                code: "cookie-domain-mismatch",
                                message: format!(
                                    "{} sets sessionTokenBackendDomain \"{value}\", but the backends' cookieDomain is {shared}: the frontend must name the same domain, or it attaches the session to other hosts than the cookies reach. Set sessionTokenBackendDomain: \"{shared}\" there.",
                                    at(&found.at)
                                ),
                                locations: places,
                            });
                        }
                }
            }
        }
    }
    origins_agree(
        &backends,
        &frontends,
        "apiDomain",
        "api-domain-mismatch",
        out,
    );
    origins_agree(
        &backends,
        &frontends,
        "websiteDomain",
        "website-domain-mismatch",
        out,
    );
    header_mode_reach(calls, &frontends, shared.as_deref(), out);
}

/// In header mode the frontend sends the access token, as a bearer header, to every host
/// under its sessionTokenBackendDomain (supertokens-website 20 matches subdomains and
/// ignores ports): a domain broader than the APIs' own reaches hosts that are not APIs.
fn header_mode_reach(
    calls: &[&InitCall],
    frontends: &[&InitCall],
    shared: Option<&str>,
    out: &mut Vec<Finding>,
) {
    let hosts: Vec<String> = calls
        .iter()
        .filter_map(|c| c.literal("apiDomain"))
        .filter_map(|v| Endpoint::parse(v).ok())
        .map(|e| e.host)
        .collect();
    let host_refs: Vec<&str> = hosts.iter().map(String::as_str).collect();
    let Some(narrowest) = crate::analysis::common_suffix(&host_refs) else {
        return;
    };
    for frontend in frontends {
        if frontend.literal("tokenTransferMethod") != Some("header") {
            continue;
        }
        let Some(found) = frontend.values.get("sessionTokenBackendDomain") else {
            continue;
        };
        let Some(value) = found.value.literal() else {
            continue;
        };
        let domain = value.trim().trim_start_matches('.').to_ascii_lowercase();
        // The backends' cookie domain: narrowing it here alone would break the cookies
        // (cookie-domain-mismatch); a shared cookie domain that wide is the backends' call.
        if shared == Some(endpoint::dotted_domain(value).as_str()) {
            continue;
        }
        if domain != narrowest && endpoint::host_is_covered_by(&narrowest, &domain) {
            out.push(Finding {
                severity: Severity::Warning,
                code: "header-mode-broad-domain",
                message: format!(
                    "{} sends the access token in a header to every host under \"{value}\" (header mode; supertokens-website matches every subdomain, any port), while the APIs are under {narrowest}: other {domain} hosts the page calls get the token too. Narrow sessionTokenBackendDomain to \".{narrowest}\".",
                    at(&found.at)
                ),
                locations: vec![found.at.clone()],
            });
        }
    }
}

/// The origin a literal URL stands for; the text itself when it is no usable URL.
fn normalised_origin(value: &str) -> String {
    endpoint::origin_of(value).unwrap_or_else(|| value.to_owned())
}

/// Each distinct literal value of `key` among `calls` (normalised), with where it is set.
fn distinct(
    calls: &[&InitCall],
    key: &str,
    normalise: fn(&str) -> String,
) -> BTreeMap<String, Vec<Location>> {
    let mut out: BTreeMap<String, Vec<Location>> = BTreeMap::new();
    for call in calls {
        if let Some(found) = call.values.get(key)
            && let Some(value) = found.value.literal()
        {
            out.entry(normalise(value))
                .or_default()
                .push(found.at.clone());
        }
    }
    out
}

fn listed(values: &BTreeMap<String, Vec<Location>>) -> String {
    values
        .iter()
        .map(|(value, places)| {
            let places: Vec<String> = places.iter().map(at).collect();
            format!("\"{value}\" in {}", places.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn locations(values: &BTreeMap<String, Vec<Location>>) -> Vec<Location> {
    let mut out: Vec<Location> = values.values().flatten().cloned().collect();
    out.sort();
    out
}

fn at(location: &Location) -> String {
    format!("{}:{}", location.path.display(), location.line)
}

/// A cookie domain the browser or the SDK will not use as written.
fn cookie_domain_itself(call: &InitCall, psl: &PublicSuffixList, out: &mut Vec<Finding>) {
    let Some(found) = call.values.get("cookieDomain") else {
        return;
    };
    let Some(value) = found.value.literal() else {
        return;
    };
    let bare = value.trim().trim_start_matches('.').to_ascii_lowercase();
    let local = endpoint::is_host_only_cookie_domain(&bare);
    if local && value.trim().starts_with('.') {
        out.push(Finding {
            severity: Severity::Error,
            code: "cookie-domain-ignored",
            message: format!(
                "{} sets cookieDomain \"{value}\": the SDK silently drops the dot of localhost and IP addresses (a cookie cannot be shared by their \"subdomains\"), so the value does not do what it says. For local development leave cookieDomain out (one host), or give the APIs names under one domain.",
                at(&found.at)
            ),
            locations: vec![found.at.clone()],
        });
    } else if !local && psl.is_public_suffix(&bare) {
        out.push(Finding {
            severity: Severity::Error,
            code: "cookie-domain-public-suffix",
            message: format!(
                "{} sets cookieDomain \"{value}\", a public suffix: the SDK accepts it, but browsers refuse cookies for it, so no session cookie is ever stored. Use the domain the APIs share under it (the registrable domain, e.g. \".example.{bare}\").",
                at(&found.at)
            ),
            locations: vec![found.at.clone()],
        });
    }
}

/// olderCookieDomain in a service whose installed SDK predates it.
fn older_cookie_domain_supported(call: &InitCall, out: &mut Vec<Finding>) {
    let (Some(found), Some(installed), Some(since)) = (
        call.values.get("olderCookieDomain"),
        &call.installed,
        super::versions::older_cookie_domain_since(call.sdk),
    ) else {
        return;
    };
    if super::versions::older(&installed.version, since) {
        out.push(Finding {
            severity: Severity::Error,
            code: "older-cookie-domain-unsupported",
            message: format!(
                "{} sets olderCookieDomain, but {} installs {} {}, older than {since}, the first version that has it: the old cookies are never cleared (refresh loops, duplicate sAccessToken cookies), or the option is refused. Upgrade {} to {since} or later.",
                at(&found.at),
                installed.from.display(),
                call.sdk,
                installed.version,
                call.sdk
            ),
            locations: vec![
                found.at.clone(),
                Location {
                    path: installed.from.clone(),
                    line: 1,
                },
            ],
        });
    }
}

/// Every API host the calls name must lie under the shared cookie domain.
fn covering(calls: &[&InitCall], shared: &str, set_at: &[Location], out: &mut Vec<Finding>) {
    for call in calls {
        let Some(found) = call.values.get("apiDomain") else {
            continue;
        };
        let Some(endpoint) = found.value.literal().and_then(|v| Endpoint::parse(v).ok()) else {
            continue;
        };
        if !endpoint::host_is_covered_by(&endpoint.host, shared) {
            let mut places = vec![found.at.clone()];
            places.extend(set_at.iter().cloned());
            out.push(Finding {
                severity: Severity::Error,
                code: "cookie-domain-not-covering",
                message: format!(
                    "{} names the API {}, which is not under the cookie domain {shared}: the session cookies never reach it. Give it a host under {shared}, or set a cookie domain that covers every API (`st-setup domain` computes it).",
                    at(&found.at),
                    endpoint.origin()
                ),
                locations: places,
            });
        }
    }
}

/// The frontends' and backends' `key` (an origin) must be one and the same.
fn origins_agree(
    backends: &[&InitCall],
    frontends: &[&InitCall],
    key: &str,
    code: &'static str,
    out: &mut Vec<Finding>,
) {
    let theirs = distinct(backends, key, normalised_origin);
    if key == "websiteDomain" && theirs.len() > 1 {
        out.push(Finding {
            severity: Severity::Error,
            code,
            message: format!(
                "The backends name different websites ({}): the SDK sends emails and redirects to the websiteDomain it has, and answers CORS for it only. Set the same websiteDomain in every backend (several websites need the SDK's origin callback).",
                listed(&theirs)
            ),
            locations: locations(&theirs),
        });
    }
    if theirs.is_empty() {
        return;
    }
    for frontend in frontends {
        let Some(found) = frontend.values.get(key) else {
            continue;
        };
        let Some(value) = found.value.literal() else {
            continue;
        };
        let origin = normalised_origin(value);
        if theirs.contains_key(&origin) {
            continue;
        }
        let mut places = vec![found.at.clone()];
        places.extend(locations(&theirs));
        let loopback = |o: &str| o.contains("://localhost") || o.contains("://127.0.0.1");
        let hint = if loopback(&origin) && theirs.keys().any(|o| loopback(o)) {
            " localhost and 127.0.0.1 are different sites to a browser: cookies set for one are not sent to the other (401s)."
        } else {
            ""
        };
        let what = if key == "apiDomain" { "API" } else { "website" };
        out.push(Finding {
            severity: Severity::Error,
            code,
            message: format!(
                "{} gives the frontend the {what} {origin}, but the backends say {}.{hint} Use the same origin on both sides: {key}: \"{}\".",
                at(&found.at),
                listed(&theirs),
                theirs.keys().next().map(String::as_str).unwrap_or_default()
            ),
            locations: places,
        });
    }
}

/// A value known only at run time: named, so the reader knows what doctor could not see.
fn dynamic_values(call: &InitCall, out: &mut Vec<Finding>) {
    for key in JUDGED {
        if let Some(found) = call.values.get(key)
            && let Value::Dynamic { dynamic } = &found.value
        {
            out.push(Finding {
                    severity: Severity::Info,
                    code: "dynamic-value",
                    message: format!(
                        "{} sets {key} from {dynamic}, known only at run time: doctor did not check it. Check its value in each environment against the others (st-setup's managed block keeps such values as literals).",
                        at(&found.at)
                    ),
                    locations: vec![found.at.clone()],
                });
        }
    }
}
