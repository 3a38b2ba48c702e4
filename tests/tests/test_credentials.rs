//! The default credential chain against real local parts: child processes for
//! `credential_process`, loopback HTTP servers for ECS and IMDS, moto for STS.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use awsjson_tests::env::{
    ListTables, base_vars, client_from, credentials_json, env_of, key_used, signed_with,
};
use awsjson_tests::server::{Server, closed_port_url};
use awsjson_tests::temp_dir::TempDir;

fn var(k: &str, v: &str) -> (String, String) {
    (k.to_owned(), v.to_owned())
}

#[tokio::test]
async fn nothing_found_lists_every_source() {
    let home = TempDir::new();
    let err = key_used(&base_vars(&home)).await.unwrap_err();
    for part in [
        "no credentials found",
        "environment: AWS_ACCESS_KEY_ID is not set",
        "profile: no profile `default`",
        "(not found)",
        "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is not set",
        "ECS container: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "EC2 instance metadata: disabled by AWS_EC2_METADATA_DISABLED",
    ] {
        assert!(err.contains(part), "{part}: {err}");
    }
}

#[tokio::test]
async fn credential_process_runs_a_real_child() {
    let home = TempDir::new();
    let script = home.write(
        "creds.sh",
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"PROC\", \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\", \"Expiration\": \"2099-01-01T00:00:00Z\"}'\n",
    );
    // The secret is in what the programs print, not in their command lines.
    let bad_json = home.write(
        "bad.sh",
        "echo '{\"Version\": 1, \"AccessKeyId\": \"X\", \"SecretAccessKey\": \"hunter2secret\"'\n",
    );
    let no_version = home.write(
        "noversion.sh",
        "echo '{\"AccessKeyId\": \"X\", \"SecretAccessKey\": \"hunter2secret\"}'\n",
    );
    home.write(
        ".aws/config",
        &format!(
            "[default]\ncredential_process = sh {script}\n[profile failing]\ncredential_process = sh -c 'echo boom >&2; exit 3'\n[profile badjson]\ncredential_process = sh {bad_json}\n[profile noversion]\ncredential_process = sh {no_version}\n"
        ),
    );
    let vars = base_vars(&home);
    assert_eq!(key_used(&vars).await.unwrap(), "PROC");

    let mut failing = vars.clone();
    failing.push(var("AWS_PROFILE", "failing"));
    let err = key_used(&failing).await.unwrap_err();
    assert!(
        err.contains("profile `failing`") && err.contains("exit status: 3") && err.contains("boom"),
        "{err}"
    );

    for profile in ["badjson", "noversion"] {
        let mut bad = vars.clone();
        bad.push(var("AWS_PROFILE", profile));
        let err = key_used(&bad).await.unwrap_err();
        assert!(err.contains("Version") || err.contains("JSON"), "{err}");
        assert!(!err.contains("hunter2secret"), "{err}");
    }
}

#[tokio::test]
async fn source_profile_cycle_is_an_error_not_a_hang() {
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "[default]\nrole_arn = arn:aws:iam::123456789012:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/b\nsource_profile = default\n",
    );
    let started = Instant::now();
    let err = key_used(&base_vars(&home)).await.unwrap_err();
    assert!(err.contains("cycle: default -> b -> default"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn ecs_full_uri_with_token_file() {
    let server = Server::answering(|r| match r.header("authorization") {
        Some("Bearer tok") => (200, credentials_json("ECSKEY", 3600, "Token")),
        _ => (401, String::new()),
    })
    .await
    .expect("a loopback server");
    let home = TempDir::new();
    let token = home.write("token", "Bearer tok\n");
    let mut vars = base_vars(&home);
    vars.push(var(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        &format!("{}/creds", server.url()),
    ));
    vars.push(var("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", &token));
    vars.push(var(
        "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "ignored-when-file-set",
    ));
    assert_eq!(key_used(&vars).await.unwrap(), "ECSKEY");
    assert_eq!(server.count_of("GET", "/creds"), 1);

    // A plain-HTTP URL off loopback is refused before any request.
    let mut remote = base_vars(&home);
    remote.push(var(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "http://10.1.2.3/creds",
    ));
    let err = key_used(&remote).await.unwrap_err();
    assert!(err.contains("must be https"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_sends_on_an_expired_cache_fetch_once() {
    let served = Arc::new(AtomicUsize::new(0));
    let n = served.clone();
    // The first credentials expire after 1 s, the next ones after an hour.
    let server = Server::answering(move |_| {
        let i = n.fetch_add(1, Ordering::SeqCst);
        let lifetime = if i == 0 { 1 } else { 3600 };
        (200, credentials_json(&format!("ECS{i}"), lifetime, "Token"))
    })
    .await
    .expect("a loopback server");
    // The service verifies every signature against the second credentials.
    let stub = awsjson::stub::StubServer::builder()
        .credentials(awsjson::Credentials::new(
            "ECS1",
            "secret-ECS1",
            Some("token-ECS1".into()),
        ))
        .on("DynamoDB_20120810.ListTables", |_| {
            awsjson::stub::StubResponse::json(r#"{"TableNames":[]}"#)
        })
        .start()
        .await
        .unwrap();
    let home = TempDir::new();
    let mut vars = base_vars(&home);
    vars.push(var(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        &format!("{}/c", server.url()),
    ));
    let client = awsjson::ClientBuilder::from_env(&env_of(&vars))
        .await
        .unwrap()
        .region("us-east-1")
        .endpoint_url(stub.url())
        // A call that never ends fails after a minute instead of hanging the suite.
        .operation_timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let first = client
        .build_request(&ListTables { limit: None })
        .await
        .unwrap();
    assert_eq!(signed_with(&first), "ECS0");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    // Expired now: a thousand concurrent sends, one fetch, every signature valid.
    let tasks: Vec<_> = (0..1000)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { ListTables { limit: None }.send(&client).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(served.load(Ordering::SeqCst), 2);
    let requests = stub.requests();
    assert_eq!(requests.len(), 1000);
    assert!(
        requests.iter().all(|r| r.rejected.is_none()),
        "{:?}",
        requests.iter().find_map(|r| r.rejected.as_ref())
    );
}

/// An IMDSv2 server: tokens from `PUT /latest/api/token` (TTL header required), the
/// first token it issues "expires" after one use, role listing and credentials.
async fn imds_server() -> Server {
    let issued = Arc::new(AtomicUsize::new(0));
    let used_first = Arc::new(AtomicUsize::new(0));
    Server::answering(move |r| {
        let token = r.header("x-aws-ec2-metadata-token").unwrap_or("");
        match (r.method.as_str(), r.path.as_str()) {
            ("PUT", "/latest/api/token") => {
                if r.header("x-aws-ec2-metadata-token-ttl-seconds").is_none() {
                    return (400, String::new());
                }
                let n = issued.fetch_add(1, Ordering::SeqCst);
                (200, format!("token-{n}"))
            }
            (_, _) if token.is_empty() => (401, String::new()),
            (_, _) if token == "token-0" && used_first.fetch_add(1, Ordering::SeqCst) >= 1 => {
                (401, String::new())
            }
            ("GET", "/latest/meta-data/iam/security-credentials/") => (200, "my-role\n".into()),
            ("GET", "/latest/meta-data/iam/security-credentials/my-role") => {
                (200, credentials_json("IMDSKEY", 3600, "Token"))
            }
            ("GET", "/latest/meta-data/placement/region") => (200, "ap-northeast-3".into()),
            _ => (404, String::new()),
        }
    })
    .await
    .expect("a loopback server")
}

#[tokio::test]
async fn imds_v2_token_role_and_credentials_and_region() {
    let server = imds_server().await;
    let home = TempDir::new();
    let mut vars = base_vars(&home);
    vars.retain(|(k, _)| k != "AWS_EC2_METADATA_DISABLED");
    vars.push(var("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url()));
    let client = client_from(&vars).await;
    // The region came from instance metadata with token-0 (its one use).
    assert_eq!(client.region(), "ap-northeast-3");
    let request = client
        .build_request(&ListTables { limit: None })
        .await
        .unwrap();
    assert_eq!(signed_with(&request), "IMDSKEY");
    assert_eq!(
        request.header("x-amz-security-token"),
        Some("token-IMDSKEY")
    );
    // token-0 was rejected once it "expired", and a new token fetched.
    assert_eq!(server.count_of("PUT", "/latest/api/token"), 2);
    assert!(
        server
            .requests()
            .iter()
            .filter(|r| r.method == "GET")
            .all(|r| r.header("x-aws-ec2-metadata-token").is_some())
    );
}

#[tokio::test]
async fn imds_disabled_or_unreachable_fails_fast() {
    let home = TempDir::new();
    let mut vars = base_vars(&home);
    vars.retain(|(k, _)| k != "AWS_EC2_METADATA_DISABLED");
    let closed = closed_port_url();
    vars.push(var("AWS_EC2_METADATA_SERVICE_ENDPOINT", &closed));
    let started = Instant::now();
    let err = key_used(&vars).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(
        err.contains("EC2 instance metadata") && err.contains(&closed),
        "{err}"
    );

    // Disabled: no request at all, even with an endpoint set.
    let server = imds_server().await;
    let mut vars = base_vars(&home);
    vars.push(var("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url()));
    let err = key_used(&vars).await.unwrap_err();
    assert!(
        err.contains("disabled by AWS_EC2_METADATA_DISABLED"),
        "{err}"
    );
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn credential_source_and_static_provider() {
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "[default]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n",
    );
    // The environment source is asked for but empty.
    let err = key_used(&base_vars(&home)).await.unwrap_err();
    assert!(
        err.contains("credential_source = Environment") && err.contains("AWS_ACCESS_KEY_ID"),
        "{err}"
    );

    let client = awsjson::Client::builder()
        .region("us-east-1")
        .credentials(awsjson::Credentials::new("STATIC", "s", None))
        .build()
        .unwrap();
    let request = client
        .build_request(&ListTables { limit: None })
        .await
        .unwrap();
    assert_eq!(signed_with(&request), "STATIC");
}

/// Role chains through moto's STS: `scripts/test.sh` turns the `moto` feature on.
#[cfg(feature = "moto")]
mod sts {
    use super::*;

    /// A home whose profiles assume roles through moto's STS.
    fn moto_vars(home: &TempDir, config: &str) -> Vec<(String, String)> {
        let moto = awsjson_tests::moto::moto();
        home.write(
            ".aws/credentials",
            &format!(
                "[base]\naws_access_key_id = {}\naws_secret_access_key = {}\n",
                moto.credentials.access_key_id(),
                moto.credentials.secret_access_key()
            ),
        );
        home.write(".aws/config", config);
        let mut vars = base_vars(home);
        vars.push(var("AWS_ENDPOINT_URL_STS", &moto.url));
        vars.push(var("AWS_REGION", "us-east-1"));
        vars
    }

    #[tokio::test]
    async fn assume_role_through_source_profile() {
        let home = TempDir::new();
        let vars = moto_vars(
            &home,
            "[default]\nrole_arn = arn:aws:iam::123456789012:role/awsjson-test\nsource_profile = base\nrole_session_name = it\nexternal_id = x-1\n",
        );
        let key = key_used(&vars).await.unwrap();
        let moto = awsjson_tests::moto::moto();
        assert!(key.starts_with("ASIA"), "{key}");
        assert_ne!(key, moto.credentials.access_key_id());
    }

    /// moto checks signatures on every action once its authentication is on (as the
    /// shared one is), but STS takes `AssumeRoleWithWebIdentity` unsigned and so do the
    /// SDKs; this test runs a moto of its own, from the harness's virtualenv, with
    /// authentication off as moto starts.
    struct PrivateMoto {
        child: std::process::Child,
        url: String,
    }

    impl Drop for PrivateMoto {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    async fn private_moto() -> PrivateMoto {
        let bin = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../.venv/bin/moto_server");
        assert!(
            bin.exists(),
            "{} is missing: run the tests through scripts/test.sh, which installs moto",
            bin.display()
        );
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let child = std::process::Command::new(bin)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start moto_server");
        let moto = PrivateMoto {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                Instant::now() < deadline,
                "moto_server did not start on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        moto
    }

    #[tokio::test]
    async fn assume_role_with_web_identity_from_the_environment() {
        let moto = private_moto().await;
        let home = TempDir::new();
        let token = home.write("token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.\n");
        let mut vars = base_vars(&home);
        vars.push(var("AWS_REGION", "us-east-1"));
        vars.push(var("AWS_ENDPOINT_URL_STS", &moto.url));
        vars.push(var("AWS_WEB_IDENTITY_TOKEN_FILE", &token));
        vars.push(var("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/web"));
        vars.push(var("AWS_ROLE_SESSION_NAME", "ci"));
        let key = key_used(&vars).await.unwrap();
        assert!(key.starts_with("ASIA"), "{key}");

        // Without AWS_ROLE_ARN it is a configuration error, not a silent fall-through.
        vars.retain(|(k, _)| k != "AWS_ROLE_ARN");
        let err = key_used(&vars).await.unwrap_err();
        assert!(err.contains("AWS_ROLE_ARN"), "{err}");
    }

    #[tokio::test]
    async fn web_identity_from_a_profile_is_sent_unsigned() {
        let sts = Server::answering(|_| {
            (
                200,
                r#"<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult><Credentials>
    <SessionToken>tok&amp;en</SessionToken><SecretAccessKey>s</SecretAccessKey>
    <Expiration>2099-01-01T00:00:00Z</Expiration><AccessKeyId>ASIAWEB</AccessKeyId>
  </Credentials></AssumeRoleWithWebIdentityResult>
</AssumeRoleWithWebIdentityResponse>"#
                    .to_owned(),
            )
        })
        .await
.expect("a loopback server");
        let home = TempDir::new();
        let token = home.write("token", "the-token\n");
        home.write(
            ".aws/config",
            &format!(
                "[default]\nrole_arn = arn:aws:iam::123456789012:role/w\nweb_identity_token_file = {token}\nrole_session_name = s1\nregion = eu-west-3\n"
            ),
        );
        let mut vars = base_vars(&home);
        vars.push(var("AWS_ENDPOINT_URL_STS", sts.url()));
        assert_eq!(key_used(&vars).await.unwrap(), "ASIAWEB");
        let request = &sts.requests()[0];
        assert_eq!(request.header("authorization"), None);
        assert_eq!(
            request.text(),
            "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fw&RoleSessionName=s1&WebIdentityToken=the-token"
        );
    }

    /// STS calls are retried as the standard mode retries: a 503 and a throttling error
    /// are followed by the answer; a non-retryable error is final at once.
    #[tokio::test]
    async fn sts_retries_transient_errors_and_throttling() {
        const OK: &str = r#"<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>
<SessionToken>t</SessionToken><SecretAccessKey>s</SecretAccessKey>
<Expiration>2099-01-01T00:00:00Z</Expiration><AccessKeyId>ASIARETRIED</AccessKeyId>
</Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>"#;
        const THROTTLED: &str = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>\
<Message>Rate exceeded</Message></Error></ErrorResponse>";
        const DENIED: &str = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>\
<Message>no</Message></Error></ErrorResponse>";
        let calls = Arc::new(AtomicUsize::new(0));
        let seen = calls.clone();
        let sts = Server::answering(move |_| match seen.fetch_add(1, Ordering::SeqCst) {
            0 => (503, "busy".to_owned()),
            1 => (400, THROTTLED.to_owned()),
            2 => (200, OK.to_owned()),
            _ => (403, DENIED.to_owned()),
        })
        .await
        .expect("a loopback server");
        let home = TempDir::new();
        let token = home.write("token", "the-token\n");
        home.write(
            ".aws/config",
            &format!(
                "[default]\nrole_arn = arn:aws:iam::123456789012:role/w\nweb_identity_token_file = {token}\nregion = eu-west-3\n"
            ),
        );
        let mut vars = base_vars(&home);
        vars.push(var("AWS_ENDPOINT_URL_STS", sts.url()));
        assert_eq!(key_used(&vars).await.unwrap(), "ASIARETRIED");
        assert_eq!(sts.requests().len(), 3);
        // Denied is not retried: one more request, and its error.
        let err = key_used(&vars).await.unwrap_err();
        assert!(
            err.contains("AccessDenied") && err.contains("HTTP 403"),
            "{err}"
        );
        assert_eq!(sts.requests().len(), 4);
    }

    /// Creates an IAM role allowed everything in the shared moto, with boto3 from the
    /// harness's virtualenv: moto checks the second hop's signature against the first
    /// hop's role, so that role must exist there.
    fn create_role(name: &str) {
        let moto = awsjson_tests::moto::moto();
        let python = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../.venv/bin/python");
        let script = r#"
import json, sys, boto3
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])
allow = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
iam.create_role(RoleName=sys.argv[4], AssumeRolePolicyDocument=json.dumps(trust))
iam.put_role_policy(RoleName=sys.argv[4], PolicyName="all", PolicyDocument=json.dumps(allow))
"#;
        let status = std::process::Command::new(python)
            .args([
                "-c",
                script,
                &moto.url,
                moto.credentials.access_key_id(),
                moto.credentials.secret_access_key(),
                name,
            ])
            .status()
            .expect("run the harness's python");
        assert!(status.success(), "could not create role {name} in moto");
    }

    #[tokio::test]
    async fn role_chaining_through_two_source_profiles() {
        let mid = awsjson_tests::moto::unique("mid");
        create_role(&mid);
        let home = TempDir::new();
        let vars = moto_vars(
            &home,
            &format!(
                "[profile mid]\nrole_arn = arn:aws:iam::123456789012:role/{mid}\nsource_profile = base\n[default]\nrole_arn = arn:aws:iam::123456789012:role/top\nsource_profile = mid\nduration_seconds = 900\n"
            ),
        );
        let key = key_used(&vars).await.unwrap();
        assert!(key.starts_with("ASIA"), "{key}");
    }

    #[tokio::test]
    async fn sts_errors_are_reported() {
        let home = TempDir::new();
        let mut vars = moto_vars(
            &home,
            "[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = wrongkeys\n[profile wrongkeys]\naws_access_key_id = AKIANOTKNOWN\naws_secret_access_key = nope\n",
        );
        vars.push(var("AWS_PROFILE", "default"));
        let err = key_used(&vars).await.unwrap_err();
        assert!(
            err.contains("STS AssumeRole for arn:aws:iam::123456789012:role/r"),
            "{err}"
        );
        assert!(
            err.contains("HTTP 403") || err.contains("HTTP 400"),
            "{err}"
        );
        assert!(!err.contains("nope"), "{err}");
    }
}
