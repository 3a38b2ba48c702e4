//! Credentials from the selected profile of the shared config files: static keys,
//! `credential_process`, web identity, IAM Identity Center (SSO), and roles assumed
//! through STS, chained through `source_profile` or started from a `credential_source`.

use super::process::ProcessCommand;
use super::sso::{self, SsoProfile};
use super::web_identity::{self, WebIdentity};
use super::{Credentials, Loaded, Sources, ecs, env, imds, process, sts};
use crate::config::ProfileSet;
use crate::error::CredentialsError;

/// Where the first credentials of a chain come from.
#[derive(Debug, PartialEq, Eq)]
enum Base {
    Static {
        profile: String,
    },
    Process {
        profile: String,
        command: ProcessCommand,
    },
    WebIdentity {
        profile: String,
    },
    Sso(SsoProfile),
    Named {
        profile: String,
        source: String,
    },
}

/// How a profile's settings are turned into credentials: a base, then roles to assume
/// in order.
#[derive(Debug, PartialEq, Eq)]
struct Chain {
    base: Base,
    roles: Vec<String>,
}

const ROLE_KEYS: &[&str] = &[
    "aws_access_key_id",
    "credential_process",
    "role_arn",
    "web_identity_token_file",
    "sso_session",
    "sso_start_url",
    "sso_region",
    "sso_account_id",
    "sso_role_name",
    "credential_source",
];

pub(crate) async fn load(sources: &Sources) -> Result<Loaded, CredentialsError> {
    let set = &sources.profiles;
    let Some(profile) = set.selected_profile() else {
        return Ok(Loaded::NotFound(format!(
            "no profile `{}` in {}",
            set.selected,
            describe(set)
        )));
    };
    if !ROLE_KEYS.iter().any(|k| profile.has(k)) && !profile.has("aws_secret_access_key") {
        return Ok(Loaded::NotFound(format!(
            "profile `{}` has no credentials ({})",
            set.selected,
            describe(set)
        )));
    }
    let chain = resolve(set, &set.selected).map_err(CredentialsError::new)?;
    run(sources, &chain).await.map(Loaded::Found)
}

fn describe(set: &ProfileSet) -> &str {
    if set.sources.is_empty() {
        "no config files"
    } else {
        &set.sources
    }
}

/// Walks `source_profile` links from `start` (the SDKs' rules: in the first profile a
/// `role_arn` wins over keys; in a source profile, static keys end the chain).
fn resolve(set: &ProfileSet, start: &str) -> Result<Chain, String> {
    let mut visited: Vec<String> = Vec::new();
    let mut roles = Vec::new();
    let mut name = start.to_owned();
    let base = loop {
        let Some(profile) = set.profile(&name) else {
            return Err(match visited.last() {
                Some(from) => format!(
                    "profile `{from}` has source_profile = {name}, but there is no profile `{name}` in {}",
                    describe(set)
                ),
                None => format!("no profile `{name}` in {}", describe(set)),
            });
        };
        if visited.contains(&name) {
            visited.push(name);
            return Err(format!(
                "profiles form a source_profile cycle: {}",
                visited.join(" -> ")
            ));
        }
        visited.push(name.clone());
        if visited.len() > 1 && profile.has("aws_access_key_id") {
            break Base::Static { profile: name };
        }
        let Some(_role_arn) = profile.get("role_arn") else {
            break base_of(set, profile)?;
        };
        if profile.has("web_identity_token_file") {
            break Base::WebIdentity { profile: name };
        }
        match (
            profile.get("source_profile"),
            profile.get("credential_source"),
        ) {
            (Some(_), Some(_)) => {
                return Err(format!(
                    "profile `{name}` has both source_profile and credential_source; \
                     a role needs exactly one of them"
                ));
            }
            (None, None) => {
                return Err(format!(
                    "profile `{name}` has role_arn but neither source_profile nor \
                     credential_source to get the credentials that assume it"
                ));
            }
            (None, Some(source)) => {
                roles.push(name.clone());
                break Base::Named {
                    profile: name.clone(),
                    source: source.to_owned(),
                };
            }
            (Some(next), None) => {
                roles.push(name.clone());
                if next == name {
                    // A profile that assumes its role with its own keys.
                    break Base::Static { profile: name };
                }
                name = next.to_owned();
            }
        }
    };
    roles.reverse();
    Ok(Chain { base, roles })
}

fn base_of(set: &ProfileSet, profile: &crate::config::Profile) -> Result<Base, String> {
    let name = profile.name.clone();
    // Before `credential_process` and keys, as in the SDKs.
    if let Some(sso) = SsoProfile::from_profile(set, profile)? {
        return Ok(Base::Sso(sso));
    }
    if let Some(command) = profile.get("credential_process") {
        return Ok(Base::Process {
            profile: name,
            command: ProcessCommand::new(command),
        });
    }
    if profile.has("aws_access_key_id") || profile.has("aws_secret_access_key") {
        return Ok(Base::Static { profile: name });
    }
    if profile.has("web_identity_token_file") {
        // The SDKs' wording: a token file alone names no role to assume with it.
        return Err(format!(
            "profile `{name}`: `web_identity_token_file` was specified but `role_arn` was missing"
        ));
    }
    Err(format!("profile `{name}` has no credentials"))
}

/// The steps the selected profile resolves to, as the SDKs' assume-role suite states
/// them: `[{"AccessKey": {...}}, {"AssumeRole": {...}}, ...]`, base first. Static keys
/// are checked as the chain would use them. Values may be secrets: tests only.
#[cfg(feature = "test-util")]
pub(crate) fn steps(set: &ProfileSet) -> Result<serde_json::Value, String> {
    use serde_json::{Map, Value, json};
    let chain = resolve(set, &set.selected)?;
    let profile = |name: &str| set.profile(name).cloned().unwrap_or_default();
    let settings = |p: &crate::config::Profile, keys: &[&str]| -> Value {
        keys.iter()
            .filter_map(|k| Some(((*k).to_owned(), Value::from(p.get(k)?))))
            .collect::<Map<_, _>>()
            .into()
    };
    let base = match &chain.base {
        Base::Static { profile: name } => {
            let creds = static_keys(&profile(name)).map_err(|e| e.to_string())?;
            let mut keys = Map::new();
            keys.insert("access_key_id".into(), creds.access_key_id().into());
            keys.insert("secret_access_key".into(), creds.secret_access_key().into());
            if let Some(token) = creds.session_token() {
                keys.insert("session_token".into(), token.into());
            }
            if let Some(account_id) = creds.account_id() {
                keys.insert("account_id".into(), account_id.into());
            }
            json!({ "AccessKey": keys })
        }
        Base::Process { profile: name, .. } => json!({ "CredentialProcess": name }),
        Base::WebIdentity { profile: name } => json!({
            "WebIdentityToken": settings(
                &profile(name),
                &["role_arn", "web_identity_token_file", "role_session_name"],
            )
        }),
        Base::Sso(sso) => {
            let mut keys = Map::new();
            if let Some(session) = &sso.session {
                keys.insert("sso_session".into(), session.as_str().into());
            }
            keys.insert("sso_start_url".into(), sso.start_url.as_str().into());
            keys.insert("sso_region".into(), sso.region.as_str().into());
            keys.insert("sso_account_id".into(), sso.account_id.as_str().into());
            keys.insert("sso_role_name".into(), sso.role_name.as_str().into());
            json!({ "Sso": keys })
        }
        Base::Named { source, .. } => json!({ "NamedSource": source }),
    };
    let mut steps = vec![base];
    for name in &chain.roles {
        steps.push(json!({
            "AssumeRole": settings(
                &profile(name),
                &["role_arn", "external_id", "role_session_name"],
            )
        }));
    }
    Ok(Value::Array(steps))
}

async fn run(sources: &Sources, chain: &Chain) -> Result<Credentials, CredentialsError> {
    let set = &sources.profiles;
    let profile = |name: &str| set.profile(name).cloned().unwrap_or_default();
    let region_of = |name: &str| {
        profile(name)
            .get("region")
            .map(str::to_owned)
            .or_else(|| sources.region.clone())
    };
    let mut creds = match &chain.base {
        Base::Static { profile: name } => static_keys(&profile(name))?,
        Base::Process {
            profile: name,
            command,
        } => {
            let what = format!("credential_process {command} of profile `{name}`");
            sources.waiting.set(Some(what));
            let ran = process::run(command, name, sources.process_timeout.get()).await;
            sources.waiting.set(None);
            ran?
        }
        Base::WebIdentity { profile: name } => {
            let p = profile(name);
            let origin = format!("profile `{name}`");
            web_identity::exchange(
                sources,
                &WebIdentity {
                    token_file: p.get("web_identity_token_file").unwrap_or_default(),
                    role_arn: p.get("role_arn").unwrap_or_default(),
                    session_name: p.get("role_session_name"),
                    origin: &origin,
                },
                region_of(name).as_deref(),
            )
            .await?
        }
        Base::Sso(settings) => sso::credentials(sources, settings).await?,
        Base::Named {
            profile: name,
            source,
        } => match source.as_str() {
            "Environment" => env::require(&sources.env, name)?,
            "Ec2InstanceMetadata" => imds::require(sources, name).await?,
            "EcsContainer" => ecs::require(sources, name).await?,
            other => {
                return Err(CredentialsError::new(format!(
                    "profile `{name}` has credential_source = {other}; it must be \
                     Environment, Ec2InstanceMetadata or EcsContainer"
                )));
            }
        },
    };
    for name in &chain.roles {
        let p = profile(name);
        if p.has("mfa_serial") {
            return Err(CredentialsError::new(format!(
                "profile `{name}` needs an MFA code (mfa_serial), which awsjson cannot ask for"
            )));
        }
        let role_arn = p.get("role_arn").unwrap_or_default();
        let session_name = p
            .get("role_session_name")
            .map_or_else(sts::default_session_name, str::to_owned);
        let mut params = vec![
            ("RoleArn", role_arn),
            ("RoleSessionName", session_name.as_str()),
        ];
        if let Some(external_id) = p.get("external_id") {
            params.push(("ExternalId", external_id));
        }
        if let Some(duration) = p.get("duration_seconds") {
            params.push(("DurationSeconds", duration));
        }
        let region = region_of(name).unwrap_or_else(|| "us-east-1".to_owned());
        creds = sts::assume_role(sources, &creds, &region, &params).await?;
    }
    Ok(creds)
}

fn static_keys(profile: &crate::config::Profile) -> Result<Credentials, CredentialsError> {
    let name = &profile.name;
    match (
        profile.get("aws_access_key_id"),
        profile.get("aws_secret_access_key"),
    ) {
        (Some(id), Some(secret)) => Ok(Credentials::new(
            id,
            secret,
            profile.get("aws_session_token").map(str::to_owned),
        )
        .with_account_id_from(profile.get("aws_account_id"))),
        (Some(_), None) => Err(CredentialsError::new(format!(
            "profile `{name}` has aws_access_key_id but no aws_secret_access_key"
        ))),
        (None, _) => Err(CredentialsError::new(format!(
            "profile `{name}` has aws_secret_access_key but no aws_access_key_id"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(config: &str, start: &str) -> Result<Chain, String> {
        resolve(&ProfileSet::parse_for_test(config, "", start), start)
    }

    #[test]
    fn role_chains() {
        let config = "\
[profile base]
aws_access_key_id = A
aws_secret_access_key = S
[profile mid]
role_arn = arn:aws:iam::1:role/mid
source_profile = base
[profile top]
role_arn = arn:aws:iam::1:role/top
source_profile = mid
[profile self]
role_arn = arn:aws:iam::1:role/self
source_profile = self
aws_access_key_id = A
aws_secret_access_key = S
[profile env]
role_arn = arn:aws:iam::1:role/env
credential_source = Environment
[profile proc]
credential_process = echo hi
aws_access_key_id = A
[profile wi]
role_arn = arn:aws:iam::1:role/wi
web_identity_token_file = /t
[profile sso]
sso_session = corp
sso_account_id = 1
sso_role_name = R
credential_process = echo ignored
[profile via-sso]
role_arn = arn:aws:iam::1:role/via
source_profile = sso
[sso-session corp]
sso_start_url = https://d-1.awsapps.com/start
sso_region = eu-west-1
";
        assert_eq!(
            chain(config, "top").unwrap(),
            Chain {
                base: Base::Static {
                    profile: "base".into()
                },
                roles: vec!["mid".into(), "top".into()],
            }
        );
        assert_eq!(
            chain(config, "self").unwrap(),
            Chain {
                base: Base::Static {
                    profile: "self".into()
                },
                roles: vec!["self".into()],
            }
        );
        assert_eq!(
            chain(config, "env").unwrap().base,
            Base::Named {
                profile: "env".into(),
                source: "Environment".into()
            }
        );
        assert!(matches!(
            chain(config, "proc").unwrap().base,
            Base::Process { .. }
        ));
        assert!(matches!(
            chain(config, "wi").unwrap().base,
            Base::WebIdentity { .. }
        ));
        // IAM Identity Center wins over `credential_process`, and can start a role chain.
        let sso = chain(config, "via-sso").unwrap();
        assert_eq!(sso.roles, vec!["via-sso".to_owned()]);
        let Base::Sso(sso) = sso.base else {
            panic!("{:?}", sso.base)
        };
        assert_eq!(
            (sso.profile.as_str(), sso.session.as_deref()),
            ("sso", Some("corp"))
        );
    }

    #[test]
    fn bad_chains_are_clear_errors() {
        let config = "\
[profile a]
role_arn = arn:aws:iam::1:role/a
source_profile = b
[profile b]
role_arn = arn:aws:iam::1:role/b
source_profile = a
[profile c]
role_arn = arn:aws:iam::1:role/c
source_profile = missing
[profile d]
role_arn = arn:aws:iam::1:role/d
[profile e]
role_arn = arn:aws:iam::1:role/e
source_profile = a
credential_source = Environment
[profile sso]
sso_session = corp
sso_account_id = 1
[profile f]
role_arn = arn:aws:iam::1:role/f
source_profile = sso
";
        let e = chain(config, "a").unwrap_err();
        assert!(e.contains("cycle: a -> b -> a"), "{e}");
        let e = chain(config, "c").unwrap_err();
        assert!(e.contains("no profile `missing`"), "{e}");
        let e = chain(config, "d").unwrap_err();
        assert!(
            e.contains("neither source_profile nor credential_source"),
            "{e}"
        );
        let e = chain(config, "e").unwrap_err();
        assert!(e.contains("both"), "{e}");
        let e = chain(config, "f").unwrap_err();
        assert!(
            e.contains("profile `sso` has sso_session = corp, but the config file has no [sso-session corp]"),
            "{e}"
        );
    }
}
