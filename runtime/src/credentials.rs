//! AWS credentials and where they come from.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::SystemTime;

use crate::error::CredentialsError;

/// An access key id, its secret and an optional session token.
///
/// Cheap to clone. `Debug` shows the access key id only: the secret key and the
/// session token never appear in `Debug`, logs or error messages.
///
/// ```
/// let creds = awsjson::Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG", None);
/// assert!(!format!("{creds:?}").contains("wJalr"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials(Arc<Inner>);

#[derive(PartialEq, Eq)]
struct Inner {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    expiry: Option<SystemTime>,
}

impl Credentials {
    /// Credentials that do not expire.
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
    ) -> Self {
        Credentials(Arc::new(Inner {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token,
            expiry: None,
        }))
    }

    /// The same credentials, valid until `expiry`.
    #[must_use]
    pub fn with_expiry(self, expiry: SystemTime) -> Self {
        let inner = Arc::unwrap_or_clone(self.0);
        Credentials(Arc::new(Inner {
            expiry: Some(expiry),
            ..inner
        }))
    }

    /// The access key id (not a secret).
    pub fn access_key_id(&self) -> &str {
        &self.0.access_key_id
    }

    /// The secret access key. Never log it.
    pub fn secret_access_key(&self) -> &str {
        &self.0.secret_access_key
    }

    /// The session token of temporary credentials. Never log it.
    pub fn session_token(&self) -> Option<&str> {
        self.0.session_token.as_deref()
    }

    /// When temporary credentials stop working.
    pub fn expiry(&self) -> Option<SystemTime> {
        self.0.expiry
    }
}

impl Clone for Inner {
    fn clone(&self) -> Self {
        Inner {
            access_key_id: self.access_key_id.clone(),
            secret_access_key: self.secret_access_key.clone(),
            session_token: self.session_token.clone(),
            expiry: self.expiry,
        }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.0.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field(
                "session_token",
                &self.0.session_token.as_ref().map(|_| "** redacted **"),
            )
            .field("expiry", &self.0.expiry)
            .finish()
    }
}

/// The future a [`ProvideCredentials`] returns.
pub type CredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials, asked before each request is signed.
///
/// Implement it to plug in your own source; the client calls it on every attempt, so
/// a provider that fetches over the network should cache what it fetched.
///
/// ```
/// use awsjson::{Credentials, CredentialsError, CredentialsFuture, ProvideCredentials};
///
/// #[derive(Debug)]
/// struct FromVault;
///
/// impl ProvideCredentials for FromVault {
///     fn provide_credentials(&self) -> CredentialsFuture<'_> {
///         Box::pin(async { Ok(Credentials::new("AKID", "SECRET", None)) })
///     }
/// }
///
/// let client = awsjson::Client::builder()
///     .region("us-east-1")
///     .credentials_provider(FromVault)
///     .build()
///     .unwrap();
/// # let _ = client;
/// ```
pub trait ProvideCredentials: fmt::Debug + Send + Sync {
    /// Credentials to sign the next request with.
    fn provide_credentials(&self) -> CredentialsFuture<'_>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let creds = self.clone();
        Box::pin(async move { Ok(creds) })
    }
}

/// Reads `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
pub(crate) fn from_env_vars(
    var: impl Fn(&str) -> Option<String>,
) -> Result<Credentials, CredentialsError> {
    let non_empty = |name: &str| var(name).filter(|v| !v.trim().is_empty());
    match (
        non_empty("AWS_ACCESS_KEY_ID"),
        non_empty("AWS_SECRET_ACCESS_KEY"),
    ) {
        (Some(id), Some(secret)) => Ok(Credentials::new(
            id.trim(),
            secret.trim(),
            non_empty("AWS_SESSION_TOKEN").map(|t| t.trim().to_owned()),
        )),
        (Some(_), None) => Err(CredentialsError::new(
            "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
        )),
        (None, Some(_)) => Err(CredentialsError::new(
            "environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not",
        )),
        (None, None) => Err(CredentialsError::new(
            "no credentials found: read AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and \
             AWS_SESSION_TOKEN from the environment, none set",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secrets() {
        let creds = Credentials::new("AKID", "very-secret", Some("session-tok".into()));
        let debug = format!("{creds:?}");
        assert!(debug.contains("AKID"));
        assert!(!debug.contains("very-secret"));
        assert!(!debug.contains("session-tok"));
    }

    #[test]
    fn env_vars_need_both_halves() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let creds = from_env_vars(vars(&[
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "S"),
            ("AWS_SESSION_TOKEN", "T"),
        ]))
        .unwrap();
        assert_eq!(creds.session_token(), Some("T"));
        let err = from_env_vars(vars(&[("AWS_ACCESS_KEY_ID", "AKID")])).unwrap_err();
        assert!(err.to_string().contains("AWS_SECRET_ACCESS_KEY is not"));
        let err = from_env_vars(vars(&[])).unwrap_err();
        assert!(err.to_string().contains("AWS_ACCESS_KEY_ID"));
    }
}
