//! Web identity: a token file (a Kubernetes service account, a CI job's OIDC token)
//! exchanged for role credentials through STS `AssumeRoleWithWebIdentity`.

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

/// `awsjson-<milliseconds>`, as the SDKs name sessions nobody named.
pub(crate) fn default_session_name() -> String {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    format!("awsjson-{millis}")
}
