//! Settings that come from an environment variable, else the selected profile: read,
//! checked, and named by their source in errors.

use super::{Env, ProfileSet};
use crate::error::ConfigError;

/// A setting from the environment variable `var`, else the selected profile's `key`,
/// with where it came from, for messages.
pub(crate) fn configured(
    env: &Env,
    profiles: &ProfileSet,
    var: &str,
    key: &str,
) -> Option<(String, String)> {
    match env.var(var) {
        Some(value) => Some((var.to_owned(), value)),
        None => profiles.get(key).map(|v| {
            (
                format!("`{key}` of profile `{}`", profiles.selected),
                v.to_owned(),
            )
        }),
    }
}

/// A whole-number setting (`var`, else the profile's `key`) that `valid` accepts; an
/// error names its source and says what `expected` is.
pub(crate) fn configured_number<T: std::str::FromStr>(
    env: &Env,
    profiles: &ProfileSet,
    (var, key): (&str, &str),
    valid: impl Fn(&T) -> bool,
    expected: &str,
) -> Result<Option<T>, ConfigError> {
    let Some((source, value)) = configured(env, profiles, var, key) else {
        return Ok(None);
    };
    match value.trim().parse::<T>() {
        Ok(n) if valid(&n) => Ok(Some(n)),
        _ => Err(ConfigError::new(format!(
            "{source} is {value:?}: {expected}"
        ))),
    }
}

/// `AWS_MAX_ATTEMPTS` / `max_attempts`, checked, and `AWS_RETRY_MODE` / `retry_mode`.
pub(crate) fn retry_settings(env: &Env, profiles: &ProfileSet) -> Result<Option<u32>, ConfigError> {
    let max_attempts = configured_number(
        env,
        profiles,
        ("AWS_MAX_ATTEMPTS", "max_attempts"),
        |n: &u32| *n >= 1,
        "the number of attempts is a whole number of 1 or more",
    )?;
    if let Some((source, value)) = configured(env, profiles, "AWS_RETRY_MODE", "retry_mode") {
        match value.trim() {
            "standard" => {}
            "legacy" | "adaptive" => tracing::warn!(
                "{source} is {value:?}: awsjson retries in standard mode (it has no \
                 client-side rate limiter)"
            ),
            _ => {
                return Err(ConfigError::new(format!(
                    "{source} is {value:?}: the retry mode is standard, adaptive or legacy"
                )));
            }
        }
    }
    Ok(max_attempts)
}
