//! Entry points for the official SDKs' conformance suites (the `test-util` feature):
//! the shared profile-parser suite and the default credential chain's recorded cases.
//! The test crate's runners (`tests/tests/conformance_*.rs`) drive them.

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::{Env, ProfileSet};
use crate::{ClientBuilder, Credentials, CredentialsError, ProvideCredentials};

/// The profiles and `[sso-session]` sections a config file and a credentials file
/// give after merging, as the shared profile-parser suite states its outputs:
/// `{"profiles": {name: {key: value}}, "sso_sessions": {name: {key: value}}}`, a
/// property with sub-properties holding their text (`"\nname = value"`). Errors are
/// the parser's, naming the file and line.
///
/// Values may be secrets: this is for tests that compare them, never for logs.
pub fn parse_profiles(config: &str, credentials: &str) -> Result<serde_json::Value, String> {
    let set = ProfileSet::parse(config, credentials, "default")?;
    Ok(set.flattened())
}

/// The steps of the profile chain a set of profiles resolves to, as the SDKs'
/// assume-role suite states its inputs and outputs: `input` is
/// `{"profiles": {name: {key: value}}, "sso_sessions": {...}, "selected_profile": name}`,
/// written out as a config file and parsed; the result is
/// `[{"AccessKey": {...}}, {"AssumeRole": {"role_arn": ...}}, ...]`, base first.
pub fn profile_chain(input: &serde_json::Value) -> Result<serde_json::Value, String> {
    let mut config = String::new();
    for (prefix, key) in [("profile", "profiles"), ("sso-session", "sso_sessions")] {
        let Some(sections) = input.get(key).and_then(serde_json::Value::as_object) else {
            continue;
        };
        for (name, props) in sections {
            config.push_str(&format!("[{prefix} {name}]\n"));
            for (k, v) in props.as_object().into_iter().flatten() {
                let v = v.as_str().ok_or_else(|| format!("`{k}` is not text"))?;
                config.push_str(&format!("{k} = {v}\n"));
            }
        }
    }
    let selected = input["selected_profile"]
        .as_str()
        .ok_or("`selected_profile` is missing")?;
    let set = ProfileSet::parse(&config, "", selected)?;
    crate::credentials::profile::steps(&set)
}

/// Where the config file and the credentials file are read from, and the profile
/// selected, as `env` says (the SDKs' file-location suite).
pub fn profile_file_locations(env: &Env) -> (PathBuf, PathBuf, String) {
    crate::config::file_locations(env)
}

/// The credentials the default chain (environment, profile, web identity, ECS,
/// instance metadata) resolves from `env`, as [`ClientBuilder::from_env`] builds it.
/// Point the network at recorded traffic with [`Env::replaying_to`].
pub async fn default_chain_credentials(env: &Env) -> Result<Credentials, CredentialsError> {
    let builder = ClientBuilder::from_env(env)
        .await
        .map_err(|e| CredentialsError::new(e.to_string()))?;
    let provider: Arc<dyn ProvideCredentials> = builder
        .credentials_provider_set()
        .ok_or_else(|| CredentialsError::new("from_env set no credentials provider"))?;
    provider.provide_credentials().await
}
