//! Hermetic environments for the credential, config and endpoint tests: variables that
//! never reach the developer's `~/.aws` or instance metadata, the clients built from
//! them, and the credential documents the loopback credential sources serve.

use crate::temp_dir::TempDir;

/// Variables every hermetic test starts from: a home directory of its own (so the
/// developer's `~/.aws` is never read) and instance metadata switched off.
pub fn base_vars(home: &TempDir) -> Vec<(String, String)> {
    vec![
        ("HOME".into(), home.path().to_string_lossy().into_owned()),
        ("AWS_EC2_METADATA_DISABLED".into(), "true".into()),
    ]
}

/// The environment made of exactly `vars`.
pub fn env_of(vars: &[(String, String)]) -> awsjson::Env {
    awsjson::Env::from_vars(vars.iter().cloned())
}

/// The credentials document ECS and IMDS serve, expiring `secs` from now, with the
/// session token under `token_key` (`Token` for both, as the services name it).
pub fn credentials_json(id: &str, secs: i64, token_key: &str) -> String {
    format!(
        r#"{{"Code":"Success","Type":"AWS-HMAC","AccessKeyId":"{id}","SecretAccessKey":"secret-{id}","{token_key}":"token-{id}","Expiration":"{}"}}"#,
        date_time_in(secs)
    )
}

/// The RFC 3339 time `secs` from now (whole seconds), written by the tests crate's own
/// timestamp code rather than the runtime's formatter the client reads it back with.
pub fn date_time_in(secs: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs();
    let now = i64::try_from(now).expect("seconds since 1970 fit an i64");
    crate::timestamp::format_date_time((now + secs) * 1000)
}

/// The access key id a signed request was signed with.
pub fn signed_with(request: &awsjson::HttpRequest) -> String {
    let auth = request.header("authorization").expect("signed");
    let cred = auth.split("Credential=").nth(1).expect("credential");
    cred.split('/').next().unwrap_or_default().to_owned()
}

/// An operation to sign requests with.
#[awsjson::aws_json_operation(target = "DynamoDB_20120810.ListTables")]
pub struct ListTables {
    /// Never set: the tests only sign.
    pub limit: Option<i32>,
}

/// The client `from_env` sets up from `vars`.
pub async fn client_from(vars: &[(String, String)]) -> awsjson::Client {
    awsjson::ClientBuilder::from_env(&env_of(vars))
        .await
        .expect("a client from the environment")
        .build()
        .expect("a valid client")
}

/// Builds a client from `vars` and signs one request: the access key it used, or the
/// text of the error on the way.
pub async fn key_used(vars: &[(String, String)]) -> Result<String, String> {
    let client = awsjson::ClientBuilder::from_env(&env_of(vars))
        .await
        .map_err(|e| e.to_string())?
        .region("us-east-1")
        .build()
        .map_err(|e| e.to_string())?;
    let request = client
        .build_request(&ListTables { limit: None })
        .await
        .map_err(|e| e.to_string())?;
    Ok(signed_with(&request))
}
