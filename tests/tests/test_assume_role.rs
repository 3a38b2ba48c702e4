//! Roles assumed in code (`AssumeRoleProvider`) against moto's STS, which checks the
//! signature of every `AssumeRole` (the shared moto runs with authentication on).

use std::time::{Duration, SystemTime};

use awsjson::{AssumeRoleProvider, Credentials, ProvideCredentials};
use awsjson_tests::moto;

const ROLE: &str = "arn:aws:iam::123456789012:role/awsjson-in-code";

fn provider(source: Credentials, duration: Duration) -> AssumeRoleProvider {
    AssumeRoleProvider::builder(ROLE)
        .session_name("in-code")
        .external_id("x-1")
        .duration(duration)
        .region(moto::REGION)
        .endpoint_url(moto::moto().url)
        .source(source)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_role_assumed_in_code_is_fetched_once_and_cached() {
    let moto = moto::moto();
    let role = provider(moto.credentials.clone(), Duration::from_secs(900));
    let first = tokio::time::timeout(Duration::from_secs(30), role.provide_credentials())
        .await
        .unwrap()
        .unwrap();
    assert!(first.access_key_id().starts_with("ASIA"), "{first:?}");
    assert_ne!(first.access_key_id(), moto.credentials.access_key_id());
    assert!(first.session_token().is_some());
    assert_eq!(first.account_id(), Some("123456789012"));
    // DurationSeconds went: the session ends 15 minutes from now.
    let left = first
        .expiry()
        .unwrap()
        .duration_since(SystemTime::now())
        .unwrap();
    assert!(
        (Duration::from_secs(800)..=Duration::from_secs(960)).contains(&left),
        "{left:?}"
    );
    // Cached: the same session again, not a second AssumeRole.
    let second = role.provide_credentials().await.unwrap();
    assert_eq!(second.access_key_id(), first.access_key_id());
}

#[tokio::test]
async fn a_wrong_source_secret_is_refused_by_the_signature_check() {
    let moto = moto::moto();
    let wrong = Credentials::new(moto.credentials.access_key_id(), "not-the-secret", None);
    let role = provider(wrong, Duration::from_secs(900));
    let err = tokio::time::timeout(Duration::from_secs(30), role.provide_credentials())
        .await
        .unwrap()
        .unwrap_err()
        .to_string();
    assert!(err.contains("SignatureDoesNotMatch"), "{err}");
    assert!(err.contains(ROLE), "{err}");
    assert!(!err.contains("not-the-secret"), "{err}");
}
