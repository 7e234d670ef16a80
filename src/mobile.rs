//! iOS (Swift) and Android (Kotlin) snippets with a setup's values, for `st-setup mobile`:
//! st-setup writes no native files (an Xcode or Gradle project is the user's), so it
//! prints what to paste, from the same analysis every other output gets.

use std::fmt::Write;

/// One environment's values as a mobile SDK takes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MobileValues {
    /// `None` in a setup without environments.
    pub environment: Option<String>,
    /// The auth API's origin: `apiDomain`.
    pub api_domain: String,
    /// `sessionTokenBackendDomain`, when the APIs share one.
    pub session_token_backend_domain: Option<String>,
    /// API hosts on other sites (header mode), which the SDKs do not intercept.
    pub other_site_hosts: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Platform {
    Ios,
    Android,
}

impl Platform {
    pub const ALL: [Platform; 2] = [Platform::Ios, Platform::Android];

    pub fn name(self) -> &'static str {
        match self {
            Platform::Ios => "ios",
            Platform::Android => "android",
        }
    }
}

/// The snippet for `platform`: the SDK's init call with every environment's values (a
/// debug build takes development, a release build production, where both exist).
pub fn snippet(platform: Platform, values: &[MobileValues], api_base_path: Option<&str>) -> String {
    match platform {
        Platform::Ios => ios(values, api_base_path),
        Platform::Android => android(values, api_base_path),
    }
}

/// Which values a debug and a release build take, when the environments are development
/// and production; `None` otherwise (each is printed for the user to choose).
fn debug_and_release(values: &[MobileValues]) -> Option<(&MobileValues, &MobileValues)> {
    let named = |name: &str| {
        values
            .iter()
            .find(|v| v.environment.as_deref() == Some(name))
    };
    match values.len() {
        2 => Some((
            named(crate::environment::DEVELOPMENT)?,
            named(crate::environment::PRODUCTION)?,
        )),
        _ => None,
    }
}

fn ios(values: &[MobileValues], api_base_path: Option<&str>) -> String {
    let mut out = String::from(
        "// iOS (supertokens-ios, Swift Package Manager or CocoaPods \"SuperTokensIOS\"):\n\
         // in application(_:didFinishLaunchingWithOptions:), before the app calls your APIs.\n\
         import SuperTokensIOS\n\n",
    );
    let call = |v: &MobileValues, indent: &str| {
        let mut args = vec![format!("apiDomain: {}", swift_string(&v.api_domain))];
        if let Some(path) = api_base_path {
            args.push(format!("apiBasePath: {}", swift_string(path)));
        }
        if let Some(domain) = &v.session_token_backend_domain {
            args.push(format!(
                "sessionTokenBackendDomain: {}",
                swift_string(domain)
            ));
        }
        args.push("tokenTransferMethod: .header".to_owned());
        let mut text = format!("{indent}try SuperTokens.initialize(\n");
        for (i, arg) in args.iter().enumerate() {
            let comma = if i + 1 < args.len() { "," } else { "" };
            let _ = writeln!(text, "{indent}    {arg}{comma}");
        }
        let _ = writeln!(text, "{indent})");
        text
    };
    out.push_str("do {\n");
    match debug_and_release(values) {
        Some((debug, release)) => {
            out.push_str("    #if DEBUG\n");
            out.push_str(&call(debug, "    "));
            out.push_str("    #else\n");
            out.push_str(&call(release, "    "));
            out.push_str("    #endif\n");
        }
        None => push_each(&mut out, values, "    ", "//", |v| call(v, "    ")),
    }
    out.push_str(
        "} catch {\n    print(\"SuperTokens did not start: \\(error.localizedDescription)\")\n}\n\
         // URLSession.shared gets the session from here on; a URLSession of your own needs\n\
         // SuperTokensURLProtocol in its configuration's protocolClasses.\n\
         URLProtocol.registerClass(SuperTokensURLProtocol.self)\n",
    );
    push_other_sites(&mut out, values, "//", "SuperTokens.getAccessToken()");
    push_localhost(&mut out, values, "//");
    out
}

fn android(values: &[MobileValues], api_base_path: Option<&str>) -> String {
    let mut out = String::from(
        "// Android (supertokens-android from JitPack, com.github.supertokens:supertokens-android):\n\
         // in your Application's onCreate(), before the app calls your APIs.\n\
         import com.supertokens.session.SuperTokens\n\
         import com.supertokens.session.SuperTokensInterceptor\n\
         import okhttp3.OkHttpClient\n\n",
    );
    let call = |v: &MobileValues, indent: &str| {
        let mut text = format!(
            "{indent}SuperTokens.Builder(applicationContext, {})\n",
            kotlin_string(&v.api_domain)
        );
        if let Some(path) = api_base_path {
            let _ = writeln!(text, "{indent}    .apiBasePath({})", kotlin_string(path));
        }
        if let Some(domain) = &v.session_token_backend_domain {
            let _ = writeln!(
                text,
                "{indent}    .sessionTokenBackendDomain({})",
                kotlin_string(domain)
            );
        }
        let _ = writeln!(text, "{indent}    .tokenTransferMethod(\"header\")");
        let _ = writeln!(text, "{indent}    .build()");
        text
    };
    match debug_and_release(values) {
        Some((debug, release)) => {
            out.push_str("if (BuildConfig.DEBUG) {\n");
            out.push_str(&call(debug, "    "));
            out.push_str("} else {\n");
            out.push_str(&call(release, "    "));
            out.push_str("}\n");
        }
        None => push_each(&mut out, values, "", "//", |v| call(v, "")),
    }
    out.push_str(
        "// OkHttp (and Retrofit) clients get the session through the interceptor:\n\
         val client = OkHttpClient.Builder().addInterceptor(SuperTokensInterceptor()).build()\n",
    );
    push_other_sites(
        &mut out,
        values,
        "//",
        "SuperTokens.getAccessToken(applicationContext)",
    );
    push_localhost(&mut out, values, "//");
    out
}

/// An auth API on localhost: on a phone, and in an emulator, that is the device itself.
fn push_localhost(out: &mut String, values: &[MobileValues], comment: &str) {
    let local = values
        .iter()
        .find(|v| crate::endpoint::Endpoint::parse(&v.api_domain).is_ok_and(|e| e.is_loopback()));
    if let Some(v) = local {
        let _ = writeln!(
            out,
            "{comment} {} is the device itself on a phone and in an emulator: use your machine's\n\
             {comment} address on the network (the Android emulator reaches it at 10.0.2.2).",
            v.api_domain
        );
    }
}

/// Each environment's call under a comment naming it (only one may run).
fn push_each(
    out: &mut String,
    values: &[MobileValues],
    indent: &str,
    comment: &str,
    call: impl Fn(&MobileValues) -> String,
) {
    let named = values.len() > 1;
    for (i, v) in values.iter().enumerate() {
        if let Some(name) = v.environment.as_deref().filter(|_| named) {
            let choose = if i == 0 {
                " (call one of these, for the build at hand)"
            } else {
                ""
            };
            let _ = writeln!(out, "{indent}{comment} {name}{choose}:");
        }
        out.push_str(&call(v));
    }
}

/// The APIs on other sites: no mobile SDK intercepts them, so the app adds the token.
fn push_other_sites(out: &mut String, values: &[MobileValues], comment: &str, token: &str) {
    let mut hosts: Vec<&str> = values
        .iter()
        .flat_map(|v| v.other_site_hosts.iter().map(String::as_str))
        .collect();
    hosts.dedup();
    if hosts.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{comment} {} on another site than the auth API: the SDK adds no token to requests\n\
         {comment} there, so set the header yourself: \"Authorization: Bearer \" + {token}.",
        hosts.join(", ")
    );
}

/// A Swift string literal.
fn swift_string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || c as u32 >= 0x7f => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Kotlin string literal: `$` starts a template there.
fn kotlin_string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '$' => out.push_str("\\$"),
            c if c.is_control() || c as u32 >= 0x7f => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(environment: Option<&str>, api: &str, domain: Option<&str>) -> MobileValues {
        MobileValues {
            environment: environment.map(str::to_owned),
            api_domain: api.to_owned(),
            session_token_backend_domain: domain.map(str::to_owned),
            other_site_hosts: Vec::new(),
        }
    }

    #[test]
    fn values_are_string_literals_of_each_language() {
        assert_eq!(swift_string("a\"b\\c\n\u{e9}"), r#""a\"b\\c\u{a}\u{e9}""#);
        assert_eq!(
            kotlin_string("a\"b\\c$x\n😀"),
            r#""a\"b\\c\$x\u000a\ud83d\ude00""#
        );
    }

    #[test]
    fn one_set_of_values_is_one_call() {
        let only = [values(
            None,
            "https://api.example.com",
            Some(".example.com"),
        )];
        let swift = snippet(Platform::Ios, &only, None);
        assert!(swift.contains("    try SuperTokens.initialize(\n        apiDomain: \"https://api.example.com\",\n        sessionTokenBackendDomain: \".example.com\",\n        tokenTransferMethod: .header\n    )\n"), "{swift}");
        assert!(!swift.contains("#if DEBUG"), "{swift}");
        let kotlin = snippet(Platform::Android, &only, Some("/v2/auth"));
        assert!(kotlin.contains("SuperTokens.Builder(applicationContext, \"https://api.example.com\")\n    .apiBasePath(\"/v2/auth\")\n    .sessionTokenBackendDomain(\".example.com\")\n"), "{kotlin}");
    }

    #[test]
    fn a_debug_build_takes_development_and_a_release_build_production() {
        let both = [
            values(Some("development"), "http://10.0.2.2:3001", None),
            values(
                Some("production"),
                "https://api.example.com",
                Some(".example.com"),
            ),
        ];
        let swift = snippet(Platform::Ios, &both, None);
        let debug = swift.find("#if DEBUG").unwrap();
        let local = swift.find("http://10.0.2.2:3001").unwrap();
        let release = swift.find("#else").unwrap();
        let deployed = swift.find("https://api.example.com").unwrap();
        assert!(
            debug < local && local < release && release < deployed,
            "{swift}"
        );
        let kotlin = snippet(Platform::Android, &both, None);
        assert!(kotlin.contains("if (BuildConfig.DEBUG) {\n    SuperTokens.Builder(applicationContext, \"http://10.0.2.2:3001\")"), "{kotlin}");
        // Other names: each set, named, for the user to choose.
        let staging = [
            values(Some("staging"), "https://api.staging.example.com", None),
            values(Some("production"), "https://api.example.com", None),
        ];
        let kotlin = snippet(Platform::Android, &staging, None);
        assert!(kotlin.contains("// staging (call one of these"), "{kotlin}");
        assert!(kotlin.contains("// production:\n"), "{kotlin}");
    }

    /// The whole snippets of a development and a production environment, reviewed.
    #[test]
    fn snippets_for_two_environments() {
        let mut production = values(
            Some("production"),
            "https://api.example.com",
            Some(".example.com"),
        );
        production.other_site_hosts = vec!["api.example-api.io".to_owned()];
        let both = [
            values(Some("development"), "http://localhost:3001", None),
            production,
        ];
        for platform in Platform::ALL {
            insta::with_settings!({
                snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"),
                prepend_module_to_snapshot => false,
            }, {
                insta::assert_snapshot!(
                    format!("mobile-{}-environments", platform.name()),
                    snippet(platform, &both, Some("/v2/auth"))
                );
            });
        }
    }

    #[test]
    fn apis_on_other_sites_get_the_token_by_hand() {
        let mut header = values(None, "https://api.example.com", None);
        header.other_site_hosts = vec!["api.example-api.io".to_owned()];
        let kotlin = snippet(Platform::Android, &[header], None);
        assert!(
            kotlin.contains("api.example-api.io on another site than the auth API"),
            "{kotlin}"
        );
        assert!(
            kotlin.contains("SuperTokens.getAccessToken(applicationContext)"),
            "{kotlin}"
        );
    }
}
