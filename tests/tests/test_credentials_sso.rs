//! IAM Identity Center (SSO) profiles end to end: the token cache `aws sso login`
//! writes, SSO OIDC `CreateToken` and SSO `GetRoleCredentials` on loopback stubs
//! (through `AWS_ENDPOINT_URL_SSO_OIDC` / `AWS_ENDPOINT_URL_SSO`), STS `AssumeRole` on
//! top of SSO credentials.

use std::time::{Duration, SystemTime};

use awsjson_tests::env::{ListTables, base_vars, client_from, date_time_in, key_used, signed_with};
use awsjson_tests::server::closed_port_url;
use awsjson_tests::server::{Action, Reply, Server};
use awsjson_tests::temp_dir::TempDir;

fn var(k: &str, v: &str) -> (String, String) {
    (k.to_owned(), v.to_owned())
}

/// Every secret the fixtures hold; none may appear in an error.
const SECRETS: &[&str] = &[
    "SECRET-access-token",
    "SECRET-refresh-token",
    "SECRET-client-secret",
    "SECRET-new-access",
    "SECRET-new-refresh",
    "SECRET-role-key",
    "SECRET-role-session",
];

/// SHA-1 of `corp`, the session name: the cache file of `[sso-session corp]`.
const CORP_CACHE: &str = ".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json";
/// SHA-1 of the legacy profile's start URL.
const LEGACY_CACHE: &str = ".aws/sso/cache/76079c82af8bdf7e8bcf07e051b31cb670227b1d.json";

const CONFIG: &str = "\
[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin+Ops
region = eu-west-1

[sso-session corp]
sso_start_url = https://d-corp.awsapps.com/start
sso_region = eu-central-1
sso_registration_scopes = sso:account:access

[profile legacy]
sso_start_url = https://d-legacy.awsapps.com/start
sso_region = us-west-2
sso_account_id = 444455556666
sso_role_name = ReadOnly

[profile norole]
sso_session = corp
sso_account_id = 111122223333

[profile mismatch]
sso_session = corp
sso_start_url = https://d-other.awsapps.com/start
sso_account_id = 111122223333
sso_role_name = Admin

[profile chained]
role_arn = arn:aws:iam::999988887777:role/deploy
source_profile = dev
role_session_name = ci
region = ap-southeast-2
";

fn in_secs(secs: i64) -> String {
    date_time_in(secs)
}

/// A cache file of a session, as the CLI writes it; the token expires in `secs`.
fn session_cache(secs: i64) -> String {
    serde_json::json!({
        "startUrl": "https://d-corp.awsapps.com/start",
        "region": "eu-central-1",
        "accessToken": "SECRET-access-token",
        "expiresAt": in_secs(secs),
        "clientId": "client-id-1",
        "clientSecret": "SECRET-client-secret",
        "registrationExpiresAt": in_secs(90 * 86_400),
        "refreshToken": "SECRET-refresh-token",
        "somethingElse": {"kept": true},
    })
    .to_string()
}

/// `GetRoleCredentials`' answer, the credentials expiring in `secs`.
fn role_reply(key: &str, secs: u64) -> Action {
    let millis = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
        + secs * 1000;
    Action::Respond(Reply::json(
        200,
        serde_json::json!({"roleCredentials": {
            "accessKeyId": key,
            "secretAccessKey": "SECRET-role-key",
            "sessionToken": "SECRET-role-session",
            "expiration": millis,
        }})
        .to_string(),
    ))
}

/// A home with the config above, stubs for the portal and OIDC, the environment
/// pointing at them and selecting `profile`.
struct Fixture {
    home: TempDir,
    portal: Server,
    oidc: Server,
    vars: Vec<(String, String)>,
}

async fn fixture(profile: &str, portal: Action, oidc: Action) -> Fixture {
    let home = TempDir::new();
    home.write(".aws/config", CONFIG);
    let portal = Server::start(vec![], portal).await.unwrap();
    let oidc = Server::start(vec![], oidc).await.unwrap();
    let mut vars = base_vars(&home);
    vars.push(var("AWS_PROFILE", profile));
    vars.push(var("AWS_ENDPOINT_URL_SSO", portal.url()));
    vars.push(var("AWS_ENDPOINT_URL_SSO_OIDC", oidc.url()));
    Fixture {
        home,
        portal,
        oidc,
        vars,
    }
}

fn no_secret(err: &str) {
    for secret in SECRETS {
        assert!(!err.contains(secret), "{secret} in: {err}");
    }
}

fn oidc_unreachable() -> Action {
    Action::Respond(Reply::error(
        500,
        "ShouldNotBeCalled",
        "no refresh expected",
    ))
}

#[tokio::test]
async fn modern_profile_with_a_cached_token() {
    let f = fixture("dev", role_reply("ASIASSO2", 3600), oidc_unreachable()).await;
    f.portal.push([role_reply("ASIASSO1", 1)]);
    f.home.write(CORP_CACHE, &session_cache(3600));
    let client = client_from(&f.vars).await;
    assert_eq!(client.region(), "eu-west-1");
    let first = client
        .build_request(&ListTables { limit: None })
        .await
        .unwrap();
    assert_eq!(signed_with(&first), "ASIASSO1");
    // The role's account routes DynamoDB to its account endpoint, as in the SDKs.
    assert_eq!(
        first.url,
        "https://111122223333.ddb.eu-west-1.amazonaws.com/"
    );
    assert_eq!(
        first.header("x-amz-security-token"),
        Some("SECRET-role-session")
    );

    let requests = f.portal.requests();
    let request = &requests[0];
    assert_eq!(request.method, "GET");
    assert_eq!(request.path_only(), "/federation/credentials");
    // `+` is sent percent-encoded, so that it is not read as a space.
    assert!(
        request.path.contains("role_name=Admin%2BOps"),
        "{}",
        request.path
    );
    assert_eq!(
        request.query_param("account_id").as_deref(),
        Some("111122223333")
    );
    assert_eq!(
        request.query_param("role_name").as_deref(),
        Some("Admin+Ops")
    );
    assert_eq!(
        request.header("x-amz-sso_bearer_token"),
        Some("SECRET-access-token")
    );
    assert_eq!(request.header("authorization"), None);
    assert_eq!(f.oidc.count(), 0);

    // The role credentials carry their expiry: once they expire, new ones are fetched.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let second = client
        .build_request(&ListTables { limit: None })
        .await
        .unwrap();
    assert_eq!(signed_with(&second), "ASIASSO2");
    assert_eq!(f.portal.count(), 2);
}

#[tokio::test]
async fn legacy_profile_and_the_global_endpoint_variable() {
    let mut f = fixture("legacy", role_reply("ASIALEGACY", 3600), oidc_unreachable()).await;
    // `AWS_ENDPOINT_URL` serves SSO too when no service variable is set.
    f.vars.retain(|(k, _)| k != "AWS_ENDPOINT_URL_SSO");
    f.vars.push(var("AWS_ENDPOINT_URL", f.portal.url()));
    f.home.write(
        LEGACY_CACHE,
        &format!(
            r#"{{"startUrl":"https://d-legacy.awsapps.com/start","region":"us-west-2","accessToken":"SECRET-access-token","expiresAt":"{}"}}"#,
            in_secs(600)
        ),
    );
    assert_eq!(key_used(&f.vars).await.unwrap(), "ASIALEGACY");
    let request = &f.portal.requests()[0];
    assert_eq!(
        request.query_param("account_id").as_deref(),
        Some("444455556666")
    );
    assert_eq!(
        request.query_param("role_name").as_deref(),
        Some("ReadOnly")
    );
    assert_eq!(
        request.header("x-amz-sso_bearer_token"),
        Some("SECRET-access-token")
    );

    // An expired legacy token is not refreshed (the SDKs do not): log in again.
    f.home.write(
        LEGACY_CACHE,
        &format!(
            r#"{{"accessToken":"SECRET-access-token","expiresAt":"{}"}}"#,
            in_secs(-10)
        ),
    );
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(
        err.contains("has expired") && err.contains("aws sso login --profile legacy"),
        "{err}"
    );
    no_secret(&err);
    assert_eq!(f.portal.count(), 1);
}

#[tokio::test]
async fn an_expiring_token_is_refreshed_and_written_back() {
    let f = fixture(
        "dev",
        role_reply("ASIAREFRESHED", 3600),
        Action::Respond(Reply::json(
            200,
            r#"{"accessToken":"SECRET-new-access","expiresIn":28800,"refreshToken":"SECRET-new-refresh","tokenType":"Bearer"}"#,
        )),
    )
    .await;
    // Due within the 5 minutes before expiry.
    let cache = f.home.write(CORP_CACHE, &session_cache(120));
    let before: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cache).unwrap()).unwrap();
    let started = SystemTime::now();
    assert_eq!(key_used(&f.vars).await.unwrap(), "ASIAREFRESHED");

    let oidc = &f.oidc.requests()[0];
    assert_eq!(
        (oidc.method.as_str(), oidc.path.as_str()),
        ("POST", "/token")
    );
    assert_eq!(oidc.header("content-type"), Some("application/json"));
    assert_eq!(oidc.header("authorization"), None);
    assert_eq!(
        oidc.json(),
        serde_json::json!({
            "clientId": "client-id-1",
            "clientSecret": "SECRET-client-secret",
            "grantType": "refresh_token",
            "refreshToken": "SECRET-refresh-token",
        })
    );
    assert_eq!(
        f.portal.requests()[0].header("x-amz-sso_bearer_token"),
        Some("SECRET-new-access")
    );

    // The file holds the new token, its expiry and refresh token; the rest is kept.
    let after: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cache).unwrap()).unwrap();
    assert_eq!(after["accessToken"], "SECRET-new-access");
    assert_eq!(after["refreshToken"], "SECRET-new-refresh");
    let expires = awsjson_tests::timestamp::parse_date_time(after["expiresAt"].as_str().unwrap())
        .unwrap()
        / 1000;
    let expected = awsjson::DateTime::from(started).secs() + 28_800;
    assert!((expected - 5..=expected + 5).contains(&expires), "{after}");
    for key in [
        "clientId",
        "clientSecret",
        "registrationExpiresAt",
        "region",
        "startUrl",
        "somethingElse",
    ] {
        assert_eq!(after[key], before[key], "{key}");
    }
    // Written through a temporary file that is gone now.
    let dir = std::path::Path::new(&cache).parent().unwrap();
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&cache).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    // A second client uses the refreshed token as it is, with no new refresh.
    assert_eq!(key_used(&f.vars).await.unwrap(), "ASIAREFRESHED");
    assert_eq!(f.oidc.count(), 1);
    assert_eq!(
        f.portal.requests()[1].header("x-amz-sso_bearer_token"),
        Some("SECRET-new-access")
    );
}

fn invalid_grant() -> Action {
    Action::Respond(
        Reply::json(
            400,
            r#"{"error":"invalid_grant","error_description":"Invalid refresh token SECRET-refresh-token"}"#,
        )
        .with_header("x-amzn-errortype", "InvalidGrantException:http://internal/"),
    )
}

#[tokio::test]
async fn a_failed_refresh_of_an_expired_token_asks_for_a_login() {
    let f = fixture("dev", role_reply("ASIANEVER", 3600), invalid_grant()).await;
    let cache = f.home.write(CORP_CACHE, &session_cache(-60));
    let before = std::fs::read_to_string(&cache).unwrap();
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(
        err.contains("profile `dev`")
            && err.contains("has expired and refreshing it failed")
            && err.contains("InvalidGrantException: Invalid refresh token")
            && err.contains("run `aws sso login --sso-session corp`"),
        "{err}"
    );
    no_secret(&err);
    assert_eq!(f.oidc.count(), 1);
    assert_eq!(f.portal.count(), 0);
    assert_eq!(std::fs::read_to_string(&cache).unwrap(), before);
}

#[tokio::test]
async fn a_dead_session_is_not_refreshed_on_every_request() {
    let f = fixture("dev", role_reply("ASIANEVER", 3600), invalid_grant()).await;
    f.home.write(CORP_CACHE, &session_cache(-60));
    let client = client_from(&f.vars).await;
    let mut errors = Vec::new();
    for _ in 0..3 {
        let err = client
            .build_request(&ListTables { limit: None })
            .await
            .unwrap_err()
            .to_string();
        no_secret(&err);
        errors.push(err);
    }
    // One CreateToken call; the requests after it fail at once, for the same reason.
    assert_eq!(f.oidc.count(), 1);
    assert!(errors[0].contains("InvalidGrantException"), "{}", errors[0]);
    for err in &errors[1..] {
        assert!(
            err.contains(
                "refreshing it failed moments ago; run `aws sso login --sso-session corp`"
            ),
            "{err}"
        );
    }
    assert_eq!(f.portal.count(), 0);
}

#[tokio::test]
async fn a_failed_refresh_of_a_valid_token_keeps_using_it() {
    let f = fixture("dev", role_reply("ASIASTILL", 3600), invalid_grant()).await;
    let cache = f.home.write(CORP_CACHE, &session_cache(120));
    let before = std::fs::read_to_string(&cache).unwrap();
    assert_eq!(key_used(&f.vars).await.unwrap(), "ASIASTILL");
    assert_eq!(f.oidc.count(), 1);
    assert_eq!(
        f.portal.requests()[0].header("x-amz-sso_bearer_token"),
        Some("SECRET-access-token")
    );
    assert_eq!(std::fs::read_to_string(&cache).unwrap(), before);
}

#[tokio::test]
async fn an_expired_registration_is_not_refreshed() {
    let f = fixture("dev", role_reply("ASIANEVER", 3600), oidc_unreachable()).await;
    let mut doc: serde_json::Value = serde_json::from_str(&session_cache(-60)).unwrap();
    doc["registrationExpiresAt"] = in_secs(-1).into();
    f.home.write(CORP_CACHE, &doc.to_string());
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(
        err.contains("has expired; run `aws sso login --sso-session corp`"),
        "{err}"
    );
    assert_eq!(f.oidc.count(), 0);
}

#[tokio::test]
async fn missing_or_malformed_cache_files() {
    let f = fixture("dev", role_reply("ASIANEVER", 3600), oidc_unreachable()).await;
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(
        err.contains("no cached SSO token at")
            && err.contains("ee0bfd2552fbd840c02cc48b6e823320543c450f.json")
            && err.contains("run `aws sso login --sso-session corp` first"),
        "{err}"
    );
    f.home
        .write(CORP_CACHE, r#"{"accessToken": "SECRET-access-token", "#);
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(
        err.contains("is unusable: it is not JSON") && err.contains("aws sso login"),
        "{err}"
    );
    no_secret(&err);
    f.home
        .write(CORP_CACHE, r#"{"accessToken": "SECRET-access-token"}"#);
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(err.contains("has no `expiresAt`"), "{err}");
    assert_eq!(f.portal.count() + f.oidc.count(), 0);
}

#[tokio::test]
async fn bad_profiles_are_clear_errors() {
    let f = fixture("norole", role_reply("ASIANEVER", 3600), oidc_unreachable()).await;
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(
        err.contains("profile `norole` uses IAM Identity Center but has no sso_role_name"),
        "{err}"
    );
    let mut vars = f.vars.clone();
    vars.retain(|(k, _)| k != "AWS_PROFILE");
    vars.push(var("AWS_PROFILE", "mismatch"));
    let err = key_used(&vars).await.unwrap_err();
    assert!(
        err.contains("profile `mismatch` has sso_start_url = https://d-other.awsapps.com/start")
            && err.contains("https://d-corp.awsapps.com/start; they must match"),
        "{err}"
    );
    assert_eq!(f.portal.count(), 0);
}

#[tokio::test]
async fn an_sso_profile_as_the_source_of_a_role() {
    let sts = Server::start(
        vec![],
        Action::Respond(Reply::raw(
            200,
            "text/xml",
            r#"<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>
<AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>
<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>"#,
        )),
    )
    .await
    .unwrap();
    let mut f = fixture("chained", role_reply("ASIASSO", 3600), oidc_unreachable()).await;
    f.vars.push(var("AWS_ENDPOINT_URL_STS", sts.url()));
    f.home.write(CORP_CACHE, &session_cache(3600));
    assert_eq!(key_used(&f.vars).await.unwrap(), "ASIAROLE");
    assert_eq!(f.portal.count(), 1);
    let request = &sts.requests()[0];
    // AssumeRole is signed with the SSO role credentials, in the role profile's region.
    let auth = request.header("authorization").unwrap();
    assert!(
        auth.contains("Credential=ASIASSO/") && auth.contains("/ap-southeast-2/sts/"),
        "{auth}"
    );
    assert_eq!(
        request.header("x-amz-security-token"),
        Some("SECRET-role-session")
    );
    let body = String::from_utf8_lossy(&request.body);
    assert!(
        body.contains("Action=AssumeRole&")
            && body.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A999988887777%3Arole%2Fdeploy"),
        "{body}"
    );
}

#[tokio::test]
async fn portal_errors() {
    let unauthorized = Action::Respond(
        Reply::json(401, r#"{"message":"Session token not found or invalid"}"#)
            .with_header("x-amzn-errortype", "UnauthorizedException"),
    );
    let f = fixture("dev", unauthorized, oidc_unreachable()).await;
    f.home.write(CORP_CACHE, &session_cache(3600));
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(
        err.contains("SSO GetRoleCredentials for account 111122223333, role Admin+Ops")
            && err.contains("the SSO session has expired or is not authorized")
            && err.contains("UnauthorizedException")
            && err.contains("run `aws sso login --sso-session corp`"),
        "{err}"
    );
    no_secret(&err);

    // Other errors carry the service's code and message (a token it echoes is hidden).
    f.portal.set_fallback(Action::Respond(Reply::error(
        429,
        "TooManyRequestsException",
        "slow down, SECRET-access-token",
    )));
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(
        err.contains("TooManyRequestsException: slow down, ** redacted ** (HTTP 429)"),
        "{err}"
    );
    no_secret(&err);

    // A success without credentials in it.
    f.portal.set_fallback(Action::Respond(Reply::json(
        200,
        r#"{"roleCredentials":{}}"#,
    )));
    let err = key_used(&f.vars).await.unwrap_err();
    assert!(err.contains("no `roleCredentials.accessKeyId`"), "{err}");
}

#[tokio::test]
async fn no_secret_in_any_error_or_debug() {
    // Every failure above, gathered: none may show a token, secret or key.
    let f = fixture("dev", role_reply("ASIAX", 3600), invalid_grant()).await;
    let mut errors = Vec::new();
    for (cache, portal) in [
        (session_cache(-60), None),
        (
            r#"{"accessToken":"SECRET-access-token","expiresAt":"SECRET-x"}"#.to_owned(),
            None,
        ),
        (r#"{"accessToken":"SECRET-access-token""#.to_owned(), None),
        (
            session_cache(3600),
            Some(Reply::json(403, r#"{"message":"no SECRET-access-token"}"#)),
        ),
        (
            session_cache(3600),
            Some(Reply::json(
                500,
                r#"{"__type":"x#Boom","message":"SECRET-access-token"}"#,
            )),
        ),
        (
            session_cache(3600),
            Some(Reply::json(200, "SECRET-role-key")),
        ),
    ] {
        f.home.write(CORP_CACHE, &cache);
        if let Some(reply) = portal {
            f.portal.set_fallback(Action::Respond(reply));
        }
        errors.push(key_used(&f.vars).await.unwrap_err());
    }
    // Unreachable OIDC and portal endpoints.
    let mut vars = f.vars.clone();
    vars.retain(|(k, _)| !k.starts_with("AWS_ENDPOINT_URL"));
    let closed = closed_port_url();
    vars.push(var("AWS_ENDPOINT_URL_SSO_OIDC", &closed));
    vars.push(var("AWS_ENDPOINT_URL_SSO", &closed));
    f.home.write(CORP_CACHE, &session_cache(-60));
    errors.push(key_used(&vars).await.unwrap_err());
    f.home.write(CORP_CACHE, &session_cache(3600));
    errors.push(key_used(&vars).await.unwrap_err());
    assert_eq!(errors.len(), 8);
    for err in &errors {
        assert!(err.contains("IAM Identity Center"), "{err}");
        no_secret(err);
    }

    // A request signed with the role's credentials carries the session token: its
    // Debug hides it. (The client's Debug never shows cached credentials at all; it is
    // checked too, once the cache holds them.)
    f.portal.set_fallback(role_reply("ASIADEBUG", 3600));
    let client = client_from(&f.vars).await;
    let request = client
        .build_request(&ListTables { limit: None })
        .await
        .unwrap();
    assert_eq!(signed_with(&request), "ASIADEBUG");
    assert_eq!(
        request.header("x-amz-security-token"),
        Some("SECRET-role-session")
    );
    no_secret(&format!("{request:?}"));
    no_secret(&format!("{client:?}"));
}

/// GetRoleCredentials is retried as the standard mode retries: a throttling error and
/// a 503 are followed by the credentials.
#[tokio::test]
async fn the_portal_is_retried_when_busy() {
    let f = fixture("dev", role_reply("ASIASSORETRY", 3600), oidc_unreachable()).await;
    f.portal.push([
        Action::Respond(
            Reply::json(429, r#"{"message":"slow down"}"#)
                .with_header("x-amzn-errortype", "TooManyRequestsException"),
        ),
        Action::Respond(Reply::json(503, "{}")),
    ]);
    f.home.write(CORP_CACHE, &session_cache(3600));
    let client = client_from(&f.vars).await;
    let request = client
        .build_request(&ListTables { limit: None })
        .await
        .unwrap();
    assert_eq!(signed_with(&request), "ASIASSORETRY");
    assert_eq!(f.portal.count(), 3);
}
