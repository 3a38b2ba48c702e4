//! Clients derived from one (`with_region`, `with_endpoint_url`) share its credentials
//! cache: a multi-region program fetches credentials once, not once per region.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use awsjson::stub::{StubRequest, StubResponse, StubServer};
use awsjson::{Client, Credentials, CredentialsCache, CredentialsFuture, ProvideCredentials};
use awsjson_examples::dynamodb::ListTables;

/// A regression that makes a call hang fails the test within this bound.
const BOUND: Duration = Duration::from_secs(10);

/// A source that counts its fetches; its credentials last an hour.
#[derive(Debug, Default)]
struct Counting {
    fetches: Arc<AtomicUsize>,
}

impl ProvideCredentials for Counting {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            self.fetches.fetch_add(1, Ordering::SeqCst);
            Ok(Credentials::new("AKIDSHARED", "shared-secret", None)
                .with_expiry(SystemTime::now() + Duration::from_secs(3600)))
        })
    }
}

fn scope_region(request: &StubRequest) -> &str {
    let authorization = request.header("authorization").unwrap();
    let credential = authorization.split("Credential=").nth(1).unwrap();
    credential.split('/').nth(2).unwrap()
}

#[tokio::test]
async fn two_region_derived_clients_make_one_credential_fetch() {
    let stub = StubServer::builder()
        .credentials(Credentials::new("AKIDSHARED", "shared-secret", None))
        .on("DynamoDB_20120810.ListTables", |_| {
            StubResponse::json(r#"{"TableNames":[]}"#)
        })
        .start()
        .await
        .unwrap();
    let fetches = Arc::new(AtomicUsize::new(0));
    let base = Client::builder()
        .region("us-east-1")
        .credentials_provider(CredentialsCache::new(Counting {
            fetches: fetches.clone(),
        }))
        .endpoint_url(stub.url())
        .build()
        .unwrap();
    let eu = base.with_region("eu-west-1");
    let ap = base.with_region("ap-northeast-1");
    tokio::time::timeout(BOUND, async {
        ListTables::default().send(&eu).await.unwrap();
        ListTables::default().send(&ap).await.unwrap();
        ListTables::default().send(&eu).await.unwrap();
    })
    .await
    .unwrap();
    assert_eq!(fetches.load(Ordering::SeqCst), 1);
    let requests = stub.requests();
    assert!(
        requests.iter().all(|r| r.rejected.is_none()),
        "{requests:?}"
    );
    let regions: Vec<&str> = requests.iter().map(scope_region).collect();
    assert_eq!(regions, ["eu-west-1", "ap-northeast-1", "eu-west-1"]);
    assert_eq!(base.region(), "us-east-1");
}

/// The derived client has its own endpoints: the base keeps its own, and the retry
/// quota both draw from is one.
#[tokio::test]
async fn derived_clients_resolve_their_own_endpoints_and_share_the_quota() {
    let base = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None))
        .build()
        .unwrap();
    let service = <ListTables as awsjson::Operation>::SERVICE;
    let eu = base.with_region("eu-west-1");
    assert_eq!(
        eu.endpoint(service).unwrap(),
        "https://dynamodb.eu-west-1.amazonaws.com"
    );
    assert_eq!(
        base.endpoint(service).unwrap(),
        "https://dynamodb.us-east-1.amazonaws.com"
    );
    let local = eu.with_endpoint_url("http://127.0.0.1:8000");
    assert_eq!(local.endpoint(service).unwrap(), "http://127.0.0.1:8000");
    assert_eq!(local.region(), "eu-west-1");
    let fips = base.with_fips(true);
    assert_eq!(
        fips.endpoint(service).unwrap(),
        "https://dynamodb-fips.us-east-1.amazonaws.com"
    );
    assert_eq!(base.retry_tokens(), eu.retry_tokens());
}
