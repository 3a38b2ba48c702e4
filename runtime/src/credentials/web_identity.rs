//! Web identity: a token file (a Kubernetes service account, a CI job's OIDC token)
//! exchanged for role credentials through STS `AssumeRoleWithWebIdentity`.

use super::sts::default_session_name;
use super::{Credentials, Loaded, Sources, sts};
use crate::error::CredentialsError;

/// What one exchange needs.
pub(crate) struct WebIdentity<'a> {
    pub(crate) token_file: &'a str,
    pub(crate) role_arn: &'a str,
    pub(crate) session_name: Option<&'a str>,
    /// Where the settings came from, for messages.
    pub(crate) origin: &'a str,
}

/// From `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN`, `AWS_ROLE_SESSION_NAME`.
pub(crate) async fn load(sources: &Sources) -> Result<Loaded, CredentialsError> {
    let env = &sources.env;
    let Some(token_file) = env.var("AWS_WEB_IDENTITY_TOKEN_FILE") else {
        return Ok(Loaded::NotFound(
            "AWS_WEB_IDENTITY_TOKEN_FILE is not set".to_owned(),
        ));
    };
    let Some(role_arn) = env.var("AWS_ROLE_ARN") else {
        return Err(CredentialsError::new(
            "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not",
        ));
    };
    let session_name = env.var("AWS_ROLE_SESSION_NAME");
    let creds = exchange(
        sources,
        &WebIdentity {
            token_file: &token_file,
            role_arn: &role_arn,
            session_name: session_name.as_deref(),
            origin: "the environment",
        },
        sources.region.as_deref(),
    )
    .await?;
    Ok(Loaded::Found(creds))
}

/// Reads the token (afresh each time: it rotates) and calls STS.
pub(crate) async fn exchange(
    sources: &Sources,
    w: &WebIdentity<'_>,
    region: Option<&str>,
) -> Result<Credentials, CredentialsError> {
    let path = sources.env.expand_home(w.token_file);
    let token = std::fs::read_to_string(&path).map_err(|e| {
        CredentialsError::new(format!(
            "web identity from {}: could not read the token file {}: {e}",
            w.origin,
            path.display()
        ))
    })?;
    let token = token.trim();
    let session_name = w
        .session_name
        .map_or_else(default_session_name, str::to_owned);
    sts::assume_role_with_web_identity(
        sources,
        region.unwrap_or("us-east-1"),
        &[
            ("RoleArn", w.role_arn),
            ("RoleSessionName", &session_name),
            ("WebIdentityToken", token),
        ],
    )
    .await
}

/// Credentials of an IAM role, exchanged through STS `AssumeRoleWithWebIdentity` for
/// an OpenID Connect token read from a file (a Kubernetes service account's, a CI
/// job's), as `AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN` are, but set up in
/// code. The file is read again at each refresh (the token rotates); cached and
/// refreshed like the default chain.
///
/// ```
/// let role = awsjson::WebIdentityProvider::builder(
///     "arn:aws:iam::111122223333:role/ci",
///     "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
/// )
/// .session_name("deploy")
/// .region("eu-west-1")
/// .build()
/// .unwrap();
/// # let _ = role;
/// ```
#[derive(Debug)]
pub struct WebIdentityProvider {
    cache: super::CredentialsCache,
}

/// Configures a [`WebIdentityProvider`].
#[derive(Debug)]
#[must_use]
pub struct WebIdentityBuilder {
    role_arn: String,
    token_file: std::path::PathBuf,
    session_name: Option<String>,
    sts: super::assume_role::StsSettings,
}

impl WebIdentityProvider {
    /// A builder for assuming `role_arn` with the token in `token_file`.
    pub fn builder(
        role_arn: impl Into<String>,
        token_file: impl Into<std::path::PathBuf>,
    ) -> WebIdentityBuilder {
        WebIdentityBuilder {
            role_arn: role_arn.into(),
            token_file: token_file.into(),
            session_name: None,
            sts: super::assume_role::StsSettings::default(),
        }
    }
}

impl WebIdentityBuilder {
    /// The role session's name. Default `awsjson-<milliseconds since the epoch>`.
    pub fn session_name(mut self, name: impl Into<String>) -> Self {
        self.session_name = Some(name.into());
        self
    }

    /// The region whose STS endpoint is called. Default `us-east-1`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.sts.region = Some(region.into());
        self
    }

    /// Calls STS at this URL instead (a VPC endpoint, a local emulator).
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.sts.endpoint_url = Some(url.into());
        self
    }

    /// Calls STS through this HTTP client. Default: a client of its own.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.sts.http = Some(client);
        self
    }

    /// The provider; fails on an empty role ARN or an invalid STS endpoint (the token
    /// file is read when credentials are first needed).
    pub fn build(self) -> Result<WebIdentityProvider, crate::ConfigError> {
        if self.role_arn.is_empty() {
            return Err(crate::ConfigError::new(
                "web identity: the role ARN is empty",
            ));
        }
        let fetcher = InCode {
            role_arn: self.role_arn,
            token_file: self.token_file,
            session_name: self.session_name,
            sts: self.sts.build()?,
        };
        Ok(WebIdentityProvider {
            cache: super::CredentialsCache::new(fetcher),
        })
    }
}

/// One exchange per fetch; the cache around it decides when.
#[derive(Debug)]
struct InCode {
    role_arn: String,
    token_file: std::path::PathBuf,
    session_name: Option<String>,
    sts: super::assume_role::StsAccess,
}

impl InCode {
    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let token = std::fs::read_to_string(&self.token_file).map_err(|e| {
            CredentialsError::new(format!(
                "web identity for {}: could not read the token file {}: {e}",
                self.role_arn,
                self.token_file.display()
            ))
        })?;
        let session_name = self
            .session_name
            .clone()
            .unwrap_or_else(default_session_name);
        let params = [
            ("RoleArn", self.role_arn.as_str()),
            ("RoleSessionName", session_name.as_str()),
            ("WebIdentityToken", token.trim()),
        ];
        let via = (&self.sts.http, &self.sts.endpoints);
        sts::call(
            via,
            &self.sts.region,
            "AssumeRoleWithWebIdentity",
            &params,
            None,
        )
        .await
    }
}

impl super::ProvideCredentials for InCode {
    fn provide_credentials(&self) -> super::CredentialsFuture<'_> {
        Box::pin(self.fetch())
    }
}

impl super::ProvideCredentials for WebIdentityProvider {
    fn provide_credentials(&self) -> super::CredentialsFuture<'_> {
        self.cache.provide_credentials()
    }

    fn provide_credentials_now(&self) -> Option<Credentials> {
        self.cache.provide_credentials_now()
    }
}
