//! The shared `config` and `credentials` files, parsed as the official SDKs do.
//!
//! Rules (from the SDKs' shared-config specification): `[profile name]` sections in
//! the config file and `[name]` sections in the credentials file; `[default]` in both,
//! where `[profile default]` beats `[default]` in the config file; `[sso-session x]` and
//! `[services x]` sections; `#` and `;` start a comment at the start of a line, and
//! within a value when whitespace precedes them; an indented line continues the value
//! above it, or, under a property with an empty value, holds a `key = value`
//! sub-property; the credentials file wins over the config file for the same key.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use super::Env;

/// One property: its value and, for a property with an empty value, sub-properties.
// No Debug outside tests: values may be secrets.
#[derive(Clone, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Debug))]
pub(crate) struct Property {
    pub(crate) value: String,
    pub(crate) sub: Vec<(String, String)>,
}

/// A profile's properties after merging both files.
#[derive(Clone, Default)]
pub(crate) struct Profile {
    pub(crate) name: String,
    props: HashMap<String, Property>,
}

impl Profile {
    /// A non-empty property value.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.props
            .get(key)
            .map(|p| p.value.as_str())
            .filter(|v| !v.is_empty())
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// Every profile of both files, and which one is selected.
#[derive(Clone, Default)]
pub(crate) struct ProfileSet {
    /// `AWS_PROFILE`, else `default`.
    pub(crate) selected: String,
    profiles: HashMap<String, Profile>,
    services: HashMap<String, HashMap<String, Property>>,
    /// `[sso-session name]` sections of the config file, by name.
    sso_sessions: HashMap<String, Profile>,
    /// Where the files were looked for, for messages: `config file ~/.aws/config (not found)`.
    pub(crate) sources: String,
}

impl ProfileSet {
    pub(crate) fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.get(name)
    }

    pub(crate) fn selected_profile(&self) -> Option<&Profile> {
        self.profile(&self.selected)
    }

    /// A property of the selected profile.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.selected_profile()?.get(key)
    }

    /// The `[sso-session name]` section of the config file.
    pub(crate) fn sso_session(&self, name: &str) -> Option<&Profile> {
        self.sso_sessions.get(name)
    }

    /// The `endpoint_url` the selected profile's `services` section gives a service key.
    pub(crate) fn service_endpoint(&self, service_key: &str) -> Option<&str> {
        let section = self.services.get(self.get("services")?)?;
        let property = section.get(service_key)?;
        property
            .sub
            .iter()
            .rev()
            .find(|(k, _)| k == "endpoint_url")
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    #[cfg(test)]
    pub(crate) fn parse_for_test(config: &str, credentials: &str, selected: &str) -> Self {
        let mut set = ProfileSet {
            selected: selected.to_owned(),
            ..ProfileSet::default()
        };
        set.merge_config(parse(config, Path::new("config")).unwrap());
        set.merge_credentials(parse(credentials, Path::new("credentials")).unwrap());
        set
    }

    fn merge_config(&mut self, sections: Vec<Section>) {
        let has_profile_default = sections.iter().any(|s| {
            profile_name(&s.header).is_some_and(|n| n == "default") && s.header != "default"
        });
        for section in sections {
            if let Some(name) = section.header.strip_prefix("services") {
                if name.starts_with(char::is_whitespace) {
                    let entry = self.services.entry(name.trim().to_owned()).or_default();
                    entry.extend(section.props);
                }
                continue;
            }
            if let Some(name) = sso_session_name(&section.header) {
                let session = self
                    .sso_sessions
                    .entry(name.to_owned())
                    .or_insert_with(|| Profile {
                        name: name.to_owned(),
                        props: HashMap::new(),
                    });
                session.props.extend(section.props);
                continue;
            }
            let name = if section.header == "default" {
                // `[profile default]` wins over a bare `[default]` entirely.
                if has_profile_default {
                    continue;
                }
                "default"
            } else if let Some(name) = profile_name(&section.header) {
                name
            } else {
                // A bare `[name]`, which the config file does not allow.
                continue;
            };
            self.add(name, section.props);
        }
    }

    fn merge_credentials(&mut self, sections: Vec<Section>) {
        for section in sections {
            // The credentials file has no `profile` prefix; `[profile x]` there is ignored.
            if profile_name(&section.header).is_some() {
                continue;
            }
            let name = section.header.clone();
            self.add(&name, section.props);
        }
    }

    fn add(&mut self, name: &str, props: HashMap<String, Property>) {
        let profile = self
            .profiles
            .entry(name.to_owned())
            .or_insert_with(|| Profile {
                name: name.to_owned(),
                props: HashMap::new(),
            });
        profile.props.extend(props);
    }
}

// Values may be secrets (aws_secret_access_key): Debug shows names and keys only.
impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut keys: Vec<&String> = self.props.keys().collect();
        keys.sort();
        f.debug_struct("Profile")
            .field("name", &self.name)
            .field("keys", &keys)
            .finish()
    }
}

impl fmt::Debug for ProfileSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut profiles: Vec<&Profile> = self.profiles.values().collect();
        profiles.sort_by(|a, b| a.name.cmp(&b.name));
        let mut sessions: Vec<&Profile> = self.sso_sessions.values().collect();
        sessions.sort_by(|a, b| a.name.cmp(&b.name));
        f.debug_struct("ProfileSet")
            .field("selected", &self.selected)
            .field("profiles", &profiles)
            .field("sso_sessions", &sessions)
            .field("sources", &self.sources)
            .finish_non_exhaustive()
    }
}

fn sso_session_name(header: &str) -> Option<&str> {
    let rest = header.strip_prefix("sso-session")?;
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim())
        .filter(|n| !n.is_empty())
}

fn profile_name(header: &str) -> Option<&str> {
    let rest = header.strip_prefix("profile")?;
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim())
        .filter(|n| !n.is_empty())
}

/// Reads both files from where the environment says they are.
pub(crate) fn load_profiles(env: &Env) -> Result<ProfileSet, String> {
    let config = env
        .var("AWS_CONFIG_FILE")
        .map_or_else(|| env.expand_home("~/.aws/config"), |p| env.expand_home(&p));
    let credentials = env.var("AWS_SHARED_CREDENTIALS_FILE").map_or_else(
        || env.expand_home("~/.aws/credentials"),
        |p| env.expand_home(&p),
    );
    let mut set = ProfileSet {
        selected: env
            .var("AWS_PROFILE")
            .unwrap_or_else(|| "default".to_owned()),
        ..ProfileSet::default()
    };
    let mut sources = Vec::new();
    if let Some(text) = read_optional(&config, &mut sources, "config file")? {
        set.merge_config(parse(&text, &config)?);
    }
    if let Some(text) = read_optional(&credentials, &mut sources, "credentials file")? {
        set.merge_credentials(parse(&text, &credentials)?);
    }
    set.sources = sources.join(", ");
    Ok(set)
}

fn read_optional(
    path: &Path,
    sources: &mut Vec<String>,
    what: &str,
) -> Result<Option<String>, String> {
    match std::fs::read(path) {
        Ok(bytes) => {
            sources.push(format!("{what} {}", path.display()));
            String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| format!("{what} {} is not UTF-8", path.display()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            sources.push(format!("{what} {} (not found)", path.display()));
            Ok(None)
        }
        // A directory where the file should be, no permission: say so rather than
        // silently falling through to other sources.
        Err(e) => Err(format!("could not read {what} {}: {e}", path.display())),
    }
}

#[cfg_attr(test, derive(Debug))]
struct Section {
    header: String,
    props: HashMap<String, Property>,
}

/// Parses one file. Errors name the file and the line, never the line's text (it may
/// hold a secret).
fn parse(text: &str, path: &Path) -> Result<Vec<Section>, String> {
    let err = |line: usize, msg: &str| format!("malformed {} line {line}: {msg}", path.display());
    let mut sections: Vec<Section> = Vec::new();
    // The property continuation lines extend: (key, whether it takes sub-properties).
    let mut last: Option<(String, bool)> = None;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            let Some(section) = sections.last_mut() else {
                return Err(err(n, "expected a `[section]` header first"));
            };
            let Some((key, takes_sub)) = &last else {
                return Err(err(
                    n,
                    "an indented line continues a property, but there is none above it",
                ));
            };
            let property = section.props.entry(key.clone()).or_default();
            if *takes_sub {
                let Some((k, v)) = trimmed.split_once('=') else {
                    return Err(err(n, "expected a `key = value` sub-property"));
                };
                let k = k.trim();
                if k.is_empty() {
                    return Err(err(n, "a sub-property has no name before `=`"));
                }
                property
                    .sub
                    .push((k.to_ascii_lowercase(), strip_comment(v).trim().to_owned()));
            } else {
                property.value.push('\n');
                property.value.push_str(trimmed);
            }
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('[') {
            let Some((name, after)) = rest.split_once(']') else {
                return Err(err(n, "a section header has no closing `]`"));
            };
            let after = after.trim();
            if !(after.is_empty() || after.starts_with('#') || after.starts_with(';')) {
                return Err(err(n, "unexpected text after a section header's `]`"));
            }
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            if name.is_empty() {
                return Err(err(n, "a section header has no name"));
            }
            last = None;
            sections.push(Section {
                header: name,
                props: HashMap::new(),
            });
            continue;
        }
        let Some(section) = sections.last_mut() else {
            return Err(err(n, "a property before any `[section]` header"));
        };
        let Some((key, value)) = trimmed.split_once('=') else {
            return Err(err(n, "expected `key = value`, found a line without `=`"));
        };
        let key = key.trim().to_ascii_lowercase();
        if key.is_empty() {
            return Err(err(n, "a property has no name before `=`"));
        }
        let value = strip_comment(value).trim().to_owned();
        let takes_sub = value.is_empty();
        section.props.insert(
            key.clone(),
            Property {
                value,
                sub: Vec::new(),
            },
        );
        last = Some((key, takes_sub));
    }
    Ok(sections)
}

/// `value ;comment` → `value`; `value;not-a-comment` stays whole.
fn strip_comment(value: &str) -> &str {
    let bytes = value.as_bytes();
    for i in 1..bytes.len() {
        if (bytes[i] == b'#' || bytes[i] == b';') && bytes[i - 1].is_ascii_whitespace() {
            return &value[..i];
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_comments_and_continuations() {
        let config = "\
# a comment
; another
[default]
region = us-west-2 ; trailing comment
output=json#not-a-comment

[profile dev]   # comment after header
region   =   eu-west-1
s3 =
  max_concurrent_requests = 20
  addressing_style=path
description = first
  second line

[dev-bare]
region = ap-south-1

[services local]
dynamodb =
  endpoint_url = http://localhost:8000
";
        let set = ProfileSet::parse_for_test(config, "", "default");
        let default = set.profile("default").unwrap();
        assert_eq!(default.get("region"), Some("us-west-2"));
        assert_eq!(default.get("output"), Some("json#not-a-comment"));
        let dev = set.profile("dev").unwrap();
        assert_eq!(dev.get("region"), Some("eu-west-1"));
        assert_eq!(dev.get("description"), Some("first\nsecond line"));
        assert_eq!(
            dev.props["s3"].sub,
            vec![
                ("max_concurrent_requests".to_owned(), "20".to_owned()),
                ("addressing_style".to_owned(), "path".to_owned())
            ]
        );
        // A bare `[name]` is not a profile in the config file.
        assert!(set.profile("dev-bare").is_none());
        assert_eq!(
            set.services["local"]["dynamodb"].sub[0].1,
            "http://localhost:8000"
        );
    }

    #[test]
    fn profile_default_beats_default_and_credentials_beat_config() {
        let config = "[default]\nregion = a\nx = 1\n[profile default]\nregion = b\n[profile p]\naws_access_key_id = CFG\n";
        let credentials =
            "[p]\naws_access_key_id = CRED\n[profile q]\naws_access_key_id = IGNORED\n";
        let set = ProfileSet::parse_for_test(config, credentials, "default");
        assert_eq!(set.get("region"), Some("b"));
        assert_eq!(set.get("x"), None);
        assert_eq!(
            set.profile("p").unwrap().get("aws_access_key_id"),
            Some("CRED")
        );
        assert!(set.profile("q").is_none());
    }

    #[test]
    fn debug_shows_keys_not_values() {
        let set = ProfileSet::parse_for_test(
            "",
            "[default]\naws_access_key_id = AKID\naws_secret_access_key = very-secret\n",
            "default",
        );
        let debug = format!("{set:?}");
        assert!(debug.contains("aws_secret_access_key"), "{debug}");
        assert!(
            !debug.contains("very-secret") && !debug.contains("AKID"),
            "{debug}"
        );
    }

    #[test]
    fn sso_session_sections() {
        let config = "\
[profile dev]
sso_session = corp
sso_account_id = 111122223333
[sso-session corp]
sso_start_url = https://d-abc123.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
[sso-session   other  ]
sso_region = us-east-1
[sso-session corp]
sso_region = eu-central-1
[sso-session]
sso_region = nowhere
";
        let set = ProfileSet::parse_for_test(config, "[sso-session corp]\nx = 1\n", "dev");
        let corp = set.sso_session("corp").unwrap();
        assert_eq!(
            corp.get("sso_start_url"),
            Some("https://d-abc123.awsapps.com/start")
        );
        // Repeated sections merge, the later value winning, as for profiles.
        assert_eq!(corp.get("sso_region"), Some("eu-central-1"));
        assert_eq!(
            corp.get("sso_registration_scopes"),
            Some("sso:account:access")
        );
        assert_eq!(
            set.sso_session("other").unwrap().get("sso_region"),
            Some("us-east-1")
        );
        // Sessions are not profiles, and live in the config file only.
        assert!(set.profile("corp").is_none() && set.profile("sso-session corp").is_some());
        assert!(corp.get("x").is_none());
        assert_eq!(set.get("sso_session"), Some("corp"));
        let e = parse("[sso-session corp]\nsso_start_url\n", Path::new("/c")).unwrap_err();
        assert_eq!(
            e,
            "malformed /c line 2: expected `key = value`, found a line without `=`"
        );
    }

    #[test]
    fn duplicate_sections_merge_later_wins() {
        let set =
            ProfileSet::parse_for_test("[profile a]\nx = 1\ny = 1\n[profile a]\ny = 2\n", "", "a");
        assert_eq!((set.get("x"), set.get("y")), (Some("1"), Some("2")));
    }

    #[test]
    fn errors_name_file_and_line_not_content() {
        let path = Path::new("/tmp/cfg");
        let e = parse("[default]\naws_secret_access_key wJalrXUtnFEMI\n", path).unwrap_err();
        assert_eq!(
            e,
            "malformed /tmp/cfg line 2: expected `key = value`, found a line without `=`"
        );
        assert!(!e.contains("wJalr"));
        let e = parse("x = 1\n", path).unwrap_err();
        assert!(e.contains("line 1") && e.contains("before any"), "{e}");
        let e = parse("[default\n", path).unwrap_err();
        assert!(e.contains("closing `]`"), "{e}");
        let e = parse("[default]\n  continued\n", path).unwrap_err();
        assert!(e.contains("line 2") && e.contains("continues"), "{e}");
        let e = parse("[default]\ns3 =\n  novalue\n", path).unwrap_err();
        assert!(e.contains("line 3") && e.contains("sub-property"), "{e}");
        let e = parse("[default]\n= x\n", path).unwrap_err();
        assert!(e.contains("no name"), "{e}");
    }
}
