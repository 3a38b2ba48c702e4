//! The client's TLS: the system's roots by default, plus a CA bundle from
//! `AWS_CA_BUNDLE`, the profile's `ca_bundle` or the builder; bad bundles and
//! unreachable proxies give errors that name them.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use awsjson::{Client, ClientBuilder, Credentials, Env};
use awsjson_tests::fixture::job;
use awsjson_tests::tls::{TlsServer, ca_pem_path};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("awsjson-test-tls-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn from_env(server: &TlsServer, extra: &[(&str, &str)]) -> Result<Client, String> {
    let mut vars = vec![
        ("HOME", "/nonexistent"),
        ("AWS_EC2_METADATA_DISABLED", "true"),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "AKID"),
        ("AWS_SECRET_ACCESS_KEY", "SECRET"),
        ("AWS_ENDPOINT_URL", server.url()),
        ("AWS_MAX_ATTEMPTS", "1"),
    ];
    vars.extend_from_slice(extra);
    ClientBuilder::from_env(&Env::from_vars(vars.iter().copied()))
        .await
        .map_err(|e| e.to_string())?
        .attempt_timeout(Duration::from_secs(20))
        .build()
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn a_server_signed_by_an_unknown_ca_is_refused() {
    let server = TlsServer::start(r#"{"Id":"job-1"}"#).unwrap();
    let client = from_env(&server, &[]).await.unwrap();
    let err = job().send(&client).await.unwrap_err();
    let chain = format!("{:?}", anyhow_like_chain(&err));
    assert!(
        chain.contains("certificate") || chain.contains("UnknownIssuer"),
        "{chain}"
    );
    assert_eq!(server.count(), 0);
}

#[tokio::test]
async fn aws_ca_bundle_adds_its_roots() {
    let server = TlsServer::start(r#"{"Id":"job-1"}"#).unwrap();
    let ca = ca_pem_path();
    let client = from_env(&server, &[("AWS_CA_BUNDLE", ca.to_str().unwrap())])
        .await
        .unwrap();
    let out = job().send(&client).await.unwrap();
    assert_eq!(out.id.as_deref(), Some("job-1"));
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn the_profiles_ca_bundle_adds_its_roots() {
    let server = TlsServer::start(r#"{"Id":"job-2"}"#).unwrap();
    let dir = scratch("profile");
    let config = dir.join("config");
    std::fs::write(
        &config,
        format!("[default]\nca_bundle = {}\n", ca_pem_path().display()),
    )
    .unwrap();
    let client = from_env(&server, &[("AWS_CONFIG_FILE", config.to_str().unwrap())])
        .await
        .unwrap();
    let out = job().send(&client).await.unwrap();
    assert_eq!(out.id.as_deref(), Some("job-2"));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn an_unreadable_or_invalid_bundle_is_an_error_naming_the_file() {
    let server = TlsServer::start("{}").unwrap();
    let err = from_env(&server, &[("AWS_CA_BUNDLE", "/nonexistent/bundle.pem")])
        .await
        .unwrap_err();
    assert!(
        err.contains("/nonexistent/bundle.pem") && err.contains("AWS_CA_BUNDLE"),
        "{err}"
    );

    let dir = scratch("invalid");
    let bad = dir.join("bad.pem");
    std::fs::write(
        &bad,
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let config = dir.join("config");
    std::fs::write(
        &config,
        format!("[default]\nca_bundle = {}\n", bad.display()),
    )
    .unwrap();
    let err = from_env(&server, &[("AWS_CONFIG_FILE", config.to_str().unwrap())])
        .await
        .unwrap_err();
    assert!(
        err.contains(bad.to_str().unwrap()) && err.contains("ca_bundle"),
        "{err}"
    );

    let err = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None))
        .ca_bundle(&bad)
        .build()
        .unwrap_err()
        .to_string();
    assert!(err.contains(bad.to_str().unwrap()), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Every message of an error's `source()` chain, outermost first.
fn anyhow_like_chain(err: &dyn std::error::Error) -> Vec<String> {
    let mut chain = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        chain.push(cause.to_string());
        source = cause.source();
    }
    chain
}

/// Set in the child process of `a_proxy_that_cannot_be_reached_is_named`.
const PROXY_CHILD: &str = "AWSJSON_TEST_PROXY_CHILD";

/// The proxy comes from the process environment, which a test may not change in its
/// own process: this test runs itself again in a child process with `HTTPS_PROXY`
/// set to a closed loopback port (with a password that must not print).
#[test]
fn a_proxy_that_cannot_be_reached_is_named() {
    if std::env::var_os(PROXY_CHILD).is_some() {
        return proxy_child();
    }
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_proxy_that_cannot_be_reached_is_named",
            "--nocapture",
        ])
        .env(PROXY_CHILD, "1")
        .env(
            "HTTPS_PROXY",
            format!("http://proxyuser:proxy-secret@127.0.0.1:{port}"),
        )
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("the child test did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("proxy error: "))
        .unwrap_or_else(|| panic!("no error line in:\n{stdout}\n{stderr}"));
    assert!(
        line.contains(&format!("http://127.0.0.1:{port}")) && line.contains("proxy"),
        "{line}"
    );
    assert!(!line.contains("proxy-secret"), "{line}");
}

fn proxy_child() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = Client::builder()
            .region("us-east-1")
            .credentials(Credentials::new("AKID", "SECRET", None))
            .endpoint_url("https://partnercentral.example.com")
            .max_attempts(1)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .unwrap();
        let err = job().send(&client).await.unwrap_err();
        // The top-level message only: what a log line of the error shows.
        println!("proxy error: {err}");
    });
}
