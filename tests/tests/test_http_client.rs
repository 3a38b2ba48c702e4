//! A `reqwest::Client` the application built itself (`ClientBuilder::http_client`)
//! carries the calls: here one that trusts a private CA, set in code, reaching an
//! HTTPS endpoint that CA signed.

use std::sync::Arc;
use std::time::Duration;

use awsjson::{Client, Credentials};
use awsjson_examples::partner_central::*;
use awsjson_tests::tls::{TlsServer, ca_pem_path};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject as _;

fn job() -> CreateResourceSnapshotJob {
    CreateResourceSnapshotJob {
        catalog: "Sandbox".into(),
        engagement_identifier: "eng-abcdefghij1234".into(),
        resource_identifier: "O1234567".into(),
        resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
        resource_type: ResourceType::Opportunity,
        client_token: None,
        tags: None,
    }
}

/// What an application does: a rustls config whose only root is its own CA.
fn own_http_client() -> reqwest::Client {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca_pem_path()).unwrap() {
        roots.add(cert.unwrap()).unwrap();
    }
    let mut tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    tls.alpn_protocols = vec![b"http/1.1".to_vec()];
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn builder(server: &TlsServer) -> awsjson::ClientBuilder {
    Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None))
        .endpoint_url(server.url())
        .max_attempts(1)
        .attempt_timeout(Duration::from_secs(20))
}

#[tokio::test]
async fn a_users_client_with_its_own_root_reaches_the_endpoint() {
    let server = TlsServer::start(r#"{"Id":"job-1"}"#).unwrap();
    // awsjson's own client does not know the CA.
    let plain = builder(&server).build().unwrap();
    let err = job().send(&plain).await.unwrap_err();
    assert!(matches!(err, awsjson::Error::Transport(_)), "{err}");
    assert_eq!(server.count(), 0);
    // The application's client does.
    let client = builder(&server)
        .http_client(own_http_client())
        .build()
        .unwrap();
    let out = job().send(&client).await.unwrap();
    assert_eq!(out.id.as_deref(), Some("job-1"));
    assert_eq!(server.count(), 1);
}
