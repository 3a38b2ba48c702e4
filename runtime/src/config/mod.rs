//! Where the default chains look: the environment and the shared config files.

mod file;
mod settings;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

#[cfg(feature = "test-util")]
pub(crate) use file::file_locations;
pub(crate) use file::{Profile, ProfileSet, load_profiles};
pub(crate) use settings::{configured, configured_number, retry_settings};

/// The environment variables (and, through `HOME` and `AWS_CONFIG_FILE`, the files)
/// that [`ClientBuilder::from_env`](crate::ClientBuilder::from_env) reads.
///
/// [`Env::process`] is the real process environment; [`Env::from_vars`] is a fixed
/// set, so that tests (and programs that configure several clients) resolve
/// credentials, region and endpoints without touching the process's variables or the
/// user's `~/.aws`. Files are read from the paths these variables give.
///
/// ```
/// let env = awsjson::Env::from_vars([("AWS_REGION", "eu-west-1"), ("HOME", "/nonexistent")]);
/// assert_eq!(env.var("AWS_REGION").as_deref(), Some("eu-west-1"));
/// assert_eq!(env.var("AWS_PROFILE"), None);
/// ```
#[derive(Clone)]
pub struct Env {
    vars: Option<Arc<HashMap<String, String>>>,
    /// Where the credential sources' HTTP requests go instead (replayed traffic).
    replay: Option<Arc<str>>,
}

impl Env {
    /// The process environment.
    pub fn process() -> Env {
        Env {
            vars: None,
            replay: None,
        }
    }

    /// Exactly these variables and no others.
    pub fn from_vars<K: Into<String>, V: Into<String>>(
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Env {
        Env {
            vars: Some(Arc::new(
                vars.into_iter()
                    .map(|(k, v)| (k.into(), v.into()))
                    .collect(),
            )),
            replay: None,
        }
    }

    /// The same environment, with every HTTP request of the credential sources
    /// (instance metadata, ECS, STS, IAM Identity Center) sent to `base` (a loopback
    /// `http://host:port`) instead, with the URL it was meant for in an
    /// `x-awsjson-replay-url` header: for replaying the official SDKs' recorded
    /// traffic in tests. Instance metadata is then not asked for the region (the
    /// recordings hold the credential providers' traffic alone, as the SDKs' harness
    /// records it): the region comes from the environment and the profile. Only with
    /// the `test-util` feature.
    #[cfg(feature = "test-util")]
    #[must_use]
    pub fn replaying_to(self, base: &str) -> Env {
        Env {
            replay: Some(base.trim_end_matches('/').into()),
            ..self
        }
    }

    /// Where a replaying environment sends the credential sources' requests.
    pub(crate) fn replay(&self) -> Option<&str> {
        self.replay.as_deref()
    }

    /// A variable's value, trimmed; `None` when unset or blank, as the SDKs treat both.
    pub fn var(&self, name: &str) -> Option<String> {
        let value = match &self.vars {
            None => std::env::var(name).ok(),
            Some(vars) => vars.get(name).cloned(),
        }?;
        let value = value.trim();
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// Every set, non-blank variable whose name starts with `prefix`.
    pub(crate) fn vars_with_prefix(&self, prefix: &str) -> Vec<(String, String)> {
        let all: Vec<(String, String)> = match &self.vars {
            None => std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .collect(),
            Some(vars) => vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        };
        all.into_iter()
            .filter(|(k, v)| k.starts_with(prefix) && !v.trim().is_empty())
            .map(|(k, v)| (k, v.trim().to_owned()))
            .collect()
    }

    /// A boolean setting: `true`/`false` in any case; anything else is an error.
    pub(crate) fn flag(&self, name: &str) -> Result<Option<bool>, String> {
        self.var(name).map(|v| parse_bool(name, &v)).transpose()
    }

    /// The user's home directory, as the SDKs find it.
    pub(crate) fn home_dir(&self) -> Option<PathBuf> {
        if let Some(home) = self.var("HOME") {
            return Some(PathBuf::from(home));
        }
        if let Some(profile) = self.var("USERPROFILE") {
            return Some(PathBuf::from(profile));
        }
        match (self.var("HOMEDRIVE"), self.var("HOMEPATH")) {
            (Some(drive), Some(path)) => Some(PathBuf::from(format!("{drive}{path}"))),
            _ => None,
        }
    }

    /// `~/x` and `~` relative to the home directory; other paths as given.
    pub(crate) fn expand_home(&self, path: &str) -> PathBuf {
        let rest = path
            .strip_prefix("~/")
            .or_else(|| path.strip_prefix("~\\"))
            .or_else(|| (path == "~").then_some(""));
        match (rest, self.home_dir()) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => PathBuf::from(path),
        }
    }
}

impl Default for Env {
    fn default() -> Self {
        Env::process()
    }
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Values may be secrets (AWS_SECRET_ACCESS_KEY): show names only.
        match &self.vars {
            None => f.write_str("Env(process)"),
            Some(vars) => {
                let mut names: Vec<&String> = vars.keys().collect();
                names.sort();
                f.debug_tuple("Env").field(&names).finish()
            }
        }
    }
}

pub(crate) fn parse_bool(name: &str, value: &str) -> Result<bool, String> {
    if value.eq_ignore_ascii_case("true") {
        Ok(true)
    } else if value.eq_ignore_ascii_case("false") {
        Ok(false)
    } else {
        Err(format!("{name} must be `true` or `false`, not {value:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_unset_and_home_expands() {
        let env = Env::from_vars([("A", "  "), ("HOME", "/home/u"), ("B", " x ")]);
        assert_eq!(env.var("A"), None);
        assert_eq!(env.var("B").as_deref(), Some("x"));
        assert_eq!(
            env.expand_home("~/.aws/config"),
            PathBuf::from("/home/u/.aws/config")
        );
        assert_eq!(env.expand_home("/etc/x"), PathBuf::from("/etc/x"));
        let env = Env::from_vars([("USERPROFILE", "C:\\Users\\u")]);
        assert_eq!(env.home_dir(), Some(PathBuf::from("C:\\Users\\u")));
        assert!(!format!("{env:?}").contains("Users"));
    }

    #[test]
    fn flags() {
        let env = Env::from_vars([("X", "TRUE"), ("Y", "nope")]);
        assert_eq!(env.flag("X"), Ok(Some(true)));
        assert_eq!(env.flag("Z"), Ok(None));
        assert!(env.flag("Y").unwrap_err().contains("`true` or `false`"));
    }
}
