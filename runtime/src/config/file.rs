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
use std::path::{Path, PathBuf};

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

    /// Both files from text, `selected` chosen.
    #[cfg(any(test, feature = "test-util"))]
    pub(crate) fn parse(config: &str, credentials: &str, selected: &str) -> Result<Self, String> {
        let mut set = ProfileSet {
            selected: selected.to_owned(),
            ..ProfileSet::default()
        };
        set.merge_config(parse(config, Path::new("config"))?);
        set.merge_credentials(parse(credentials, Path::new("credentials"))?);
        Ok(set)
    }

    #[cfg(test)]
    pub(crate) fn parse_for_test(config: &str, credentials: &str, selected: &str) -> Self {
        Self::parse(config, credentials, selected).unwrap()
    }

    /// Profiles and SSO sessions as the shared profile-parser suite states them.
    #[cfg(feature = "test-util")]
    pub(crate) fn flattened(&self) -> serde_json::Value {
        let flat = |sections: &HashMap<String, Profile>| -> serde_json::Value {
            sections
                .iter()
                .map(|(name, section)| {
                    let props = section
                        .props
                        .iter()
                        .map(|(k, p)| (k.clone(), serde_json::Value::from(p.value.clone())))
                        .collect::<serde_json::Map<_, _>>();
                    (name.clone(), serde_json::Value::Object(props))
                })
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        serde_json::json!({
            "profiles": flat(&self.profiles),
            "sso_sessions": flat(&self.sso_sessions),
        })
    }

    fn merge_config(&mut self, sections: Vec<Section>) {
        let has_profile_default = sections
            .iter()
            .any(|s| split_header(&s.header) == (Some("profile"), "default"));
        for section in sections {
            let (prefix, name) = split_header(&section.header);
            if !valid_identifier(name) {
                // `[profile foo!bar]`: ignored, as the SDKs ignore it.
                continue;
            }
            match prefix {
                Some("services") => {
                    let entry = self.services.entry(name.to_owned()).or_default();
                    entry.extend(valid_props(section.props));
                }
                Some("sso-session") => {
                    let session =
                        self.sso_sessions
                            .entry(name.to_owned())
                            .or_insert_with(|| Profile {
                                name: name.to_owned(),
                                props: HashMap::new(),
                            });
                    session.props.extend(valid_props(section.props));
                }
                Some("profile") => self.add(name, section.props),
                // `[profile default]` wins over a bare `[default]` entirely.
                None if name == "default" && !has_profile_default => {
                    self.add(name, section.props);
                }
                // A bare `[name]`, which the config file does not allow, or a prefix
                // nobody reads.
                _ => {}
            }
        }
    }

    fn merge_credentials(&mut self, sections: Vec<Section>) {
        for section in sections {
            // The credentials file has bare `[name]` sections only: `[profile x]` and
            // `[sso-session x]` there are ignored.
            match split_header(&section.header) {
                (None, name) if valid_identifier(name) => {
                    let name = name.to_owned();
                    self.add(&name, section.props);
                }
                _ => {}
            }
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
        profile.props.extend(valid_props(props));
    }
}

/// The properties with names the SDKs accept (`in valid = x` is ignored).
fn valid_props(props: HashMap<String, Property>) -> impl Iterator<Item = (String, Property)> {
    props.into_iter().filter(|(k, _)| valid_identifier(k))
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

/// Where the config file and the credentials file are, and the profile selected:
/// `AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, `AWS_PROFILE`, else `~/.aws/…` and
/// `default`.
pub(crate) fn file_locations(env: &Env) -> (PathBuf, PathBuf, String) {
    let config = env
        .var("AWS_CONFIG_FILE")
        .map_or_else(|| env.expand_home("~/.aws/config"), |p| env.expand_home(&p));
    let credentials = env.var("AWS_SHARED_CREDENTIALS_FILE").map_or_else(
        || env.expand_home("~/.aws/credentials"),
        |p| env.expand_home(&p),
    );
    let profile = env
        .var("AWS_PROFILE")
        .unwrap_or_else(|| "default".to_owned());
    (config, credentials, profile)
}

/// Reads both files from where the environment says they are.
pub(crate) fn load_profiles(env: &Env) -> Result<ProfileSet, String> {
    let (config, credentials, selected) = file_locations(env);
    let mut set = ProfileSet {
        selected,
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

/// The whitespace of the files' grammar: the SDKs trim spaces and tabs only.
const WHITESPACE: &[char] = &[' ', '\t'];

/// Parses one file. Errors name the file and the line, never the line's text (it may
/// hold a secret); their wording is the shared profile-parser suite's.
fn parse(text: &str, path: &Path) -> Result<Vec<Section>, String> {
    let err = |line: usize, msg: &str| format!("malformed {} line {line}: {msg}", path.display());
    let mut sections: Vec<Section> = Vec::new();
    // The property continuation lines extend: (key, whether it takes sub-properties).
    let mut last: Option<(String, bool)> = None;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim_matches(WHITESPACE);
        // An indented comment is a comment too, as botocore reads it (the Rust SDK
        // would take it as a continuation).
        if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
            continue;
        }
        if line.starts_with(WHITESPACE) {
            let Some(section) = sections.last_mut() else {
                return Err(err(
                    n,
                    "expected a profile definition (a `[section]` header) before an indented line",
                ));
            };
            let Some((key, takes_sub)) = &last else {
                return Err(err(
                    n,
                    "expected a property definition, found continuation (an indented line with \
                     no property above it)",
                ));
            };
            let property = section.props.entry(key.clone()).or_default();
            if *takes_sub {
                let (k, v) =
                    property_line(trimmed).map_err(|e| err(n, e.message("sub-property")))?;
                property.sub.push((k, v.to_owned()));
            }
            property.value.push('\n');
            property.value.push_str(trimmed);
            continue;
        }
        if line.starts_with('[') {
            // In a header a comment needs no whitespace before it: `[profile a]; note`.
            let header = trimmed
                .find(['#', ';'])
                .map_or(trimmed, |i| &trimmed[..i])
                .trim_matches(WHITESPACE);
            let Some(name) = header.strip_prefix('[').and_then(|h| h.strip_suffix(']')) else {
                return Err(err(n, "profile definition must end with ']'"));
            };
            last = None;
            sections.push(Section {
                header: name.trim_matches(WHITESPACE).to_owned(),
                props: HashMap::new(),
            });
            continue;
        }
        let Some(section) = sections.last_mut() else {
            return Err(err(
                n,
                "expected a profile definition (a `[section]` header) before any property",
            ));
        };
        let (key, value) = property_line(line).map_err(|e| err(n, e.message("property")))?;
        let takes_sub = value.is_empty();
        section.props.insert(
            key.clone(),
            Property {
                value: value.to_owned(),
                sub: Vec::new(),
            },
        );
        last = Some((key, takes_sub));
    }
    Ok(sections)
}

/// Why a `key = value` line is not one.
enum LineError {
    NoEquals,
    NoName,
}

impl LineError {
    fn message(&self, what: &str) -> &'static str {
        match (self, what) {
            (LineError::NoEquals, "property") => "expected an '=' sign defining a property",
            (LineError::NoEquals, _) => "expected an '=' sign defining a sub-property",
            (LineError::NoName, "property") => "property did not have a name before `=`",
            (LineError::NoName, _) => "sub-property did not have a name before `=`",
        }
    }
}

/// `Key = value ; comment` → (`key`, `value`).
fn property_line(line: &str) -> Result<(String, &str), LineError> {
    let line = strip_comment(line.trim_matches(WHITESPACE)).trim_matches(WHITESPACE);
    let (key, value) = line.split_once('=').ok_or(LineError::NoEquals)?;
    let key = key.trim_matches(WHITESPACE);
    if key.is_empty() {
        return Err(LineError::NoName);
    }
    Ok((key.to_ascii_lowercase(), value.trim_matches(WHITESPACE)))
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

/// A profile, section or property name the SDKs accept: letters, digits and
/// `_ - / . % @ : +`; sections and properties with other names are ignored.
fn valid_identifier(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_ascii_alphanumeric() || "_-/.%@:+".contains(c))
}

/// A section header split as the SDKs split it: `profile  foo` → (`profile`, `foo`),
/// `default` → (none, `default`).
fn split_header(header: &str) -> (Option<&str>, &str) {
    match header.split_once(WHITESPACE) {
        Some((prefix, name)) => (Some(prefix.trim()), name.trim()),
        None => (None, header.trim()),
    }
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
        // Sessions are not profiles, and live in the config file only: the credentials
        // file has bare `[name]` sections, so `[sso-session corp]` there is ignored.
        assert!(set.profile("corp").is_none() && set.profile("sso-session corp").is_none());
        assert!(corp.get("x").is_none());
        assert_eq!(set.get("sso_session"), Some("corp"));
        let e = parse("[sso-session corp]\nsso_start_url\n", Path::new("/c")).unwrap_err();
        assert_eq!(
            e,
            "malformed /c line 2: expected an '=' sign defining a property"
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
            "malformed /tmp/cfg line 2: expected an '=' sign defining a property"
        );
        assert!(!e.contains("wJalr"));
        let e = parse("x = 1\n", path).unwrap_err();
        assert!(e.contains("line 1") && e.contains("before any"), "{e}");
        let e = parse("[default\n", path).unwrap_err();
        assert!(e.contains("must end with ']'"), "{e}");
        let e = parse("[default]\n  continued\n", path).unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("found continuation"),
            "{e}"
        );
        let e = parse("[default]\ns3 =\n  novalue\n", path).unwrap_err();
        assert!(e.contains("line 3") && e.contains("sub-property"), "{e}");
        let e = parse("[default]\n= x\n", path).unwrap_err();
        assert!(e.contains("did not have a name"), "{e}");
        let e = parse("[default]\ns3 =\n  = x\n", path).unwrap_err();
        assert!(e.contains("sub-property did not have a name"), "{e}");
    }

    #[test]
    fn invalid_names_are_ignored_as_the_sdks_ignore_them() {
        let config = "[profile ok_1-/.%@:+]\nx = 1\nin valid = 2\n[profile in valid]\ny = 1\n\
                      [profile foo!bar]\nz = 1\n[profilefoo]\nw = 1\n";
        let set = ProfileSet::parse_for_test(config, "[in valid 2]\na = 1\n[b!]\nb = 1\n", "x");
        let ok = set.profile("ok_1-/.%@:+").unwrap();
        assert_eq!(ok.get("x"), Some("1"));
        assert!(!ok.props.contains_key("in valid"));
        assert_eq!(set.profiles.len(), 1, "{set:?}");
    }

    #[test]
    fn sub_properties_keep_their_text_as_the_value() {
        let set =
            ProfileSet::parse_for_test("[profile p]\ns3 =\n  Name = v\n\t\n  n2 =\n", "", "p");
        let s3 = &set.profile("p").unwrap().props["s3"];
        assert_eq!(s3.value, "\nName = v\nn2 =");
        assert_eq!(
            s3.sub,
            vec![
                ("name".to_owned(), "v".to_owned()),
                ("n2".to_owned(), String::new())
            ]
        );
    }
}
