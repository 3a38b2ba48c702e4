//! awsjson installs no process-wide rustls provider: after a client is built and has
//! called a server over TLS, the application can still install its own.
//!
//! A binary of its own: the provider is process-global, and this test asserts that
//! nothing else set it.

use std::time::Duration;

use awsjson::{Client, Credentials};
use awsjson_tests::fixture::job;
use awsjson_tests::tls::{TlsServer, ca_pem_path};

#[tokio::test]
async fn a_call_over_tls_leaves_the_process_provider_to_the_application() {
    let server = TlsServer::start(r#"{"Id":"job-1"}"#).unwrap();
    let client = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None))
        .endpoint_url(server.url())
        .ca_bundle(ca_pem_path())
        .attempt_timeout(Duration::from_secs(20))
        .max_attempts(1)
        .build()
        .unwrap();
    let out = job().send(&client).await.unwrap();
    assert_eq!(out.id.as_deref(), Some("job-1"));
    assert_eq!(server.count(), 1);

    assert!(
        rustls::crypto::CryptoProvider::get_default().is_none(),
        "awsjson installed a process-wide rustls provider"
    );
    // What an application does at start-up, unwrapping as rustls' examples do.
    rustls::crypto::ring::default_provider()
        .install_default()
        .expect("the application's provider is the first");
    // The client keeps its own provider and still works beside the application's.
    job().send(&client).await.unwrap();
    assert_eq!(server.count(), 2);
}
