//! `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`.

use super::{Credentials, Loaded};
use crate::config::Env;
use crate::error::CredentialsError;

/// The environment's static credentials.
pub(crate) fn load(env: &Env) -> Loaded {
    match (
        env.var("AWS_ACCESS_KEY_ID"),
        env.var("AWS_SECRET_ACCESS_KEY"),
    ) {
        (Some(id), Some(secret)) => Loaded::Found(
            Credentials::new(id, secret, env.var("AWS_SESSION_TOKEN"))
                .with_account_id_from(env.var("AWS_ACCOUNT_ID").as_deref()),
        ),
        (Some(_), None) => {
            Loaded::NotFound("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not".to_owned())
        }
        (None, Some(_)) => {
            Loaded::NotFound("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not".to_owned())
        }
        (None, None) => Loaded::NotFound("AWS_ACCESS_KEY_ID is not set".to_owned()),
    }
}

/// For `credential_source = Environment`, where the environment must have them.
pub(crate) fn require(env: &Env, profile: &str) -> Result<Credentials, CredentialsError> {
    match load(env) {
        Loaded::Found(creds) => Ok(creds),
        Loaded::NotFound(why) => Err(CredentialsError::new(format!(
            "profile `{profile}` has credential_source = Environment, but {why}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_vars_need_both_halves() {
        let env = Env::from_vars([
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "S"),
            ("AWS_SESSION_TOKEN", "T"),
        ]);
        let Loaded::Found(creds) = load(&env) else {
            panic!("expected credentials")
        };
        assert_eq!(creds.session_token(), Some("T"));
        let Loaded::NotFound(why) = load(&Env::from_vars([("AWS_ACCESS_KEY_ID", "AKID")])) else {
            panic!("expected nothing")
        };
        assert!(why.contains("AWS_SECRET_ACCESS_KEY is not"), "{why}");
        let err = require(&Env::from_vars([("X", "y")]), "p").unwrap_err();
        assert!(err.to_string().contains("credential_source = Environment"));
    }
}
