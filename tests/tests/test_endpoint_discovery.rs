//! Endpoint discovery against the signature-checking stub: the "regional" stub answers
//! the discovery operation (`DescribeEndpoints`) with the address of another stub, where
//! the calls must then go. The cache's timing (period, background refresh, one
//! discovery at a time) is unit-tested on a paused clock in
//! `runtime/src/endpoint/discovery.rs`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use awsjson::stub::{StubRequest, StubResponse, StubServer};
use awsjson::{Client, ClientBuilder, Credentials, Error};
use awsjson_examples::dynamodb::ListTables;
use awsjson_examples::timestream_query::Query;
use awsjson_examples::timestream_write::{CreateDatabase, CreateDatabaseError};

const DESCRIBE: &str = "Timestream_20181101.DescribeEndpoints";
const CREATE: &str = "Timestream_20181101.CreateDatabase";
/// Every wait of these tests is bounded by this.
const BOUND: Duration = Duration::from_secs(20);

fn creds() -> Credentials {
    Credentials::new("AKIDDISCOVERY", "discovery-secret", None)
}

fn endpoints(address: &str, minutes: i64) -> StubResponse {
    StubResponse::json(format!(
        r#"{{"Endpoints":[{{"Address":"{address}","CachePeriodInMinutes":{minutes}}}]}}"#
    ))
}

fn database(name: &str) -> StubResponse {
    StubResponse::json(format!(
        r#"{{"Database":{{"DatabaseName":"{name}","TableCount":0}}}}"#
    ))
}

/// How a stub answers one target.
type Handler = Box<dyn Fn(&StubRequest) -> StubResponse + Send + Sync>;

async fn stub(signing_name: &str, routes: Vec<(&str, Handler)>) -> StubServer {
    let mut builder = StubServer::builder()
        .credentials(creds())
        .region("us-east-1")
        .signing_name(signing_name);
    for (target, handler) in routes {
        builder = builder.on(target, handler);
    }
    builder.start().await.unwrap()
}

/// A Timestream stub answering `CreateDatabase` with `answer`.
async fn cell(answer: impl Fn(&StubRequest) -> StubResponse + Send + Sync + 'static) -> StubServer {
    stub("timestream", vec![(CREATE, Box::new(answer))]).await
}

/// The regional stub: answers `DescribeEndpoints` with the addresses in turn (the last
/// one again once they run out), and `CreateDatabase` itself.
async fn regional(addresses: Vec<String>) -> StubServer {
    let next = AtomicUsize::new(0);
    stub(
        "timestream",
        vec![
            (
                DESCRIBE,
                Box::new(move |_| {
                    let i = next.fetch_add(1, Ordering::SeqCst).min(addresses.len() - 1);
                    endpoints(&addresses[i], 1440)
                }),
            ),
            (CREATE, Box::new(|_| database("at-the-regional-endpoint"))),
        ],
    )
    .await
}

fn builder(endpoint: &StubServer) -> ClientBuilder {
    Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .endpoint_url(endpoint.url())
        // Long enough that a retry which waited for it would blow `BOUND`.
        .initial_backoff(Duration::from_secs(60))
        .max_backoff(Duration::from_secs(60))
}

fn create(name: &str) -> CreateDatabase {
    CreateDatabase {
        database_name: name.into(),
        ..Default::default()
    }
}

fn targets(stub: &StubServer) -> Vec<String> {
    stub.requests()
        .iter()
        .map(|r| {
            assert_eq!(r.rejected, None, "{r:?}");
            r.target.clone()
        })
        .collect()
}

async fn bounded<T>(future: impl Future<Output = T>) -> T {
    tokio::time::timeout(BOUND, future)
        .await
        .expect("the call finished within the bound")
}

#[tokio::test]
async fn calls_go_to_the_discovered_address_which_is_discovered_once() {
    let cell = cell(|r| database(r.json()["DatabaseName"].as_str().unwrap())).await;
    let regional = regional(vec![cell.url().to_owned()]).await;
    let client = builder(&regional).endpoint_discovery(true).build().unwrap();
    for name in ["one", "two", "three"] {
        let out = bounded(create(name).send(&client)).await.unwrap();
        assert_eq!(out.database.unwrap().database_name.as_deref(), Some(name));
    }
    // One discovery, signed for Timestream like every call; the calls at the cell.
    assert_eq!(targets(&regional), [DESCRIBE]);
    assert_eq!(targets(&cell), [CREATE, CREATE, CREATE]);
    assert_eq!(regional.requests()[0].body, b"{}");
    // `build_request` shows the discovered address too.
    let request = client.build_request(&create("four")).await.unwrap();
    assert_eq!(request.url, format!("{}/", cell.url()));
    assert_eq!(targets(&regional), [DESCRIBE]);
}

#[tokio::test]
async fn invalid_endpoint_exception_drops_the_address_and_retries_at_once() {
    let stale = cell(|_| StubResponse::error(400, "InvalidEndpointException", "wrong cell")).await;
    let fresh = cell(|_| database("db")).await;
    let regional = regional(vec![stale.url().to_owned(), fresh.url().to_owned()]).await;
    let client = builder(&regional).endpoint_discovery(true).build().unwrap();
    let out = bounded(create("db").send(&client)).await.unwrap();
    assert_eq!(out.database.unwrap().database_name.as_deref(), Some("db"));
    assert_eq!(targets(&regional), [DESCRIBE, DESCRIBE]);
    assert_eq!(targets(&stale), [CREATE]);
    assert_eq!(targets(&fresh), [CREATE]);
    // The retry is the call's second attempt, taken without backoff (`bounded`) and
    // without drawing on the retry quota.
    assert_eq!(
        fresh.requests()[0].header("amz-sdk-request"),
        Some("attempt=2; max=3")
    );
    assert_eq!(client.retry_tokens(), 500);
    // Later calls go to the new address without discovering again.
    bounded(create("db2").send(&client)).await.unwrap();
    assert_eq!(targets(&regional), [DESCRIBE, DESCRIBE]);
    assert_eq!(targets(&fresh), [CREATE, CREATE]);
}

#[tokio::test]
async fn an_address_that_stays_invalid_ends_with_the_modeled_error() {
    let bad = cell(|_| StubResponse::error(400, "InvalidEndpointException", "wrong cell")).await;
    let regional = regional(vec![bad.url().to_owned()]).await;
    let client = builder(&regional).endpoint_discovery(true).build().unwrap();
    let err = bounded(create("db").send(&client)).await.unwrap_err();
    // Unlike botocore, which retries this without end, the call stops after its
    // attempts.
    let Error::Service(service) = &err else {
        panic!("expected the service error, got {err}")
    };
    assert!(
        matches!(
            service.err(),
            CreateDatabaseError::InvalidEndpointException(_)
        ),
        "{err}"
    );
    assert!(err.to_string().contains("after 3 attempts"), "{err}");
    assert_eq!(targets(&regional), [DESCRIBE, DESCRIBE, DESCRIBE]);
    assert_eq!(targets(&bad), [CREATE, CREATE, CREATE]);
}

#[tokio::test]
async fn a_configured_endpoint_url_turns_discovery_off_by_default() {
    let cell = cell(|_| database("wrong")).await;
    let regional = regional(vec![cell.url().to_owned()]).await;
    let client = builder(&regional).build().unwrap();
    let out = bounded(create("db").send(&client)).await.unwrap();
    assert_eq!(
        out.database.unwrap().database_name.as_deref(),
        Some("at-the-regional-endpoint")
    );
    assert_eq!(targets(&regional), [CREATE]);
    assert!(cell.requests().is_empty());
    // Disabled, a configured URL is where the calls go as well.
    let client = builder(&regional)
        .endpoint_discovery(false)
        .build()
        .unwrap();
    bounded(create("db").send(&client)).await.unwrap();
    assert_eq!(targets(&regional), [CREATE, CREATE]);
}

#[tokio::test]
async fn disabled_discovery_refuses_operations_that_require_it() {
    let client = Client::builder()
        .region("us-east-1")
        .credentials(creds())
        .endpoint_discovery(false)
        .build()
        .unwrap();
    let err = client.build_request(&create("db")).await.unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains("Timestream_20181101.CreateDatabase requires endpoint discovery"),
        "{err}"
    );
}

#[tokio::test]
async fn a_failed_discovery_fails_the_call_and_names_the_cause() {
    let regional = stub(
        "timestream",
        vec![(
            DESCRIBE,
            Box::new(|_| StubResponse::error(400, "AccessDeniedException", "no describe for you")),
        )],
    )
    .await;
    let client = builder(&regional).endpoint_discovery(true).build().unwrap();
    let err = bounded(create("db").send(&client)).await.unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("endpoint discovery of Timestream Write")
            && text.contains("AccessDeniedException")
            && text.contains("no describe for you"),
        "{text}"
    );
    assert_eq!(targets(&regional), [DESCRIBE]);
}

#[tokio::test]
async fn write_and_query_discover_their_own_addresses() {
    // Both services have the target prefix `Timestream_20181101` and a
    // `DescribeEndpoints`: each discovers its own address, at its own endpoint.
    const QUERY: &str = "Timestream_20181101.Query";
    let write_cell = cell(|_| database("db")).await;
    let query_cell = stub(
        "timestream",
        vec![(
            QUERY,
            Box::new(|_| StubResponse::json(r#"{"QueryId":"q1","Rows":[],"ColumnInfo":[]}"#)),
        )],
    )
    .await;
    let write_regional = regional(vec![write_cell.url().to_owned()]).await;
    let query_regional = regional(vec![query_cell.url().to_owned()]).await;
    let env = awsjson::Env::from_vars([
        ("HOME", "/nonexistent"),
        ("AWS_EC2_METADATA_DISABLED", "true"),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "AKIDDISCOVERY"),
        ("AWS_SECRET_ACCESS_KEY", "discovery-secret"),
        ("AWS_ENDPOINT_URL_TIMESTREAM_WRITE", write_regional.url()),
        ("AWS_ENDPOINT_URL_TIMESTREAM_QUERY", query_regional.url()),
        ("AWS_ENDPOINT_DISCOVERY_ENABLED", "true"),
    ]);
    let client = ClientBuilder::from_env(&env)
        .await
        .unwrap()
        .build()
        .unwrap();
    bounded(create("db").send(&client)).await.unwrap();
    let out = bounded(
        Query {
            query_string: "SELECT 1".into(),
            ..Default::default()
        }
        .send(&client),
    )
    .await
    .unwrap();
    assert_eq!(out.query_id, "q1");
    bounded(create("db").send(&client)).await.unwrap();
    assert_eq!(targets(&write_regional), [DESCRIBE]);
    assert_eq!(targets(&query_regional), [DESCRIBE]);
    assert_eq!(targets(&write_cell), [CREATE, CREATE]);
    assert_eq!(targets(&query_cell), [QUERY]);
}

#[tokio::test]
async fn the_setting_is_true_false_or_auto() {
    for (value, ok) in [
        ("true", true),
        ("FALSE", true),
        (" auto ", true),
        ("yes", false),
    ] {
        let env = awsjson::Env::from_vars([
            ("HOME", "/nonexistent"),
            ("AWS_EC2_METADATA_DISABLED", "true"),
            ("AWS_ENDPOINT_DISCOVERY_ENABLED", value),
        ]);
        match ClientBuilder::from_env(&env).await {
            Ok(_) => assert!(ok, "{value:?} was accepted"),
            Err(err) => {
                assert!(!ok, "{value:?}: {err}");
                assert_eq!(
                    err.to_string(),
                    "configuration: AWS_ENDPOINT_DISCOVERY_ENABLED is \"yes\": expected `true`, `false` or `auto`"
                );
            }
        }
    }
}

#[tokio::test]
async fn optional_discovery_is_off_unless_enabled() {
    let cell = stub(
        "dynamodb",
        vec![(
            "DynamoDB_20120810.ListTables",
            Box::new(|_| StubResponse::json(r#"{"TableNames":["at-the-cell"]}"#)),
        )],
    )
    .await;
    let cell_url = cell.url().to_owned();
    let regional = stub(
        "dynamodb",
        vec![
            (
                "DynamoDB_20120810.DescribeEndpoints",
                Box::new(move |_| endpoints(&cell_url, 10)),
            ),
            (
                "DynamoDB_20120810.ListTables",
                Box::new(|_| StubResponse::json(r#"{"TableNames":["at-the-regional-endpoint"]}"#)),
            ),
        ],
    )
    .await;
    let client = builder(&regional).build().unwrap();
    let out = bounded(ListTables::default().send(&client)).await.unwrap();
    assert_eq!(out.table_names.unwrap(), ["at-the-regional-endpoint"]);
    let client = builder(&regional).endpoint_discovery(true).build().unwrap();
    let out = bounded(ListTables::default().send(&client)).await.unwrap();
    assert_eq!(out.table_names.unwrap(), ["at-the-cell"]);
    assert_eq!(
        targets(&regional),
        [
            "DynamoDB_20120810.ListTables",
            "DynamoDB_20120810.DescribeEndpoints"
        ]
    );
    // Without a configured URL, auto mode leaves DynamoDB at its regional endpoint.
    let client = Client::builder()
        .region("eu-west-1")
        .credentials(creds())
        .build()
        .unwrap();
    let request = client.build_request(&ListTables::default()).await.unwrap();
    assert_eq!(request.url, "https://dynamodb.eu-west-1.amazonaws.com/");
}

#[test]
fn the_macro_takes_the_discovery_trait_from_the_catalog() {
    use awsjson::__private::EndpointDiscovery;
    use awsjson::Operation;
    use awsjson_examples::timestream_write::DescribeEndpoints;
    assert_eq!(
        CreateDatabase::ENDPOINT_DISCOVERY,
        Some(EndpointDiscovery {
            operation: DESCRIBE,
            required: true
        })
    );
    assert_eq!(
        Query::ENDPOINT_DISCOVERY,
        Some(EndpointDiscovery {
            operation: DESCRIBE,
            required: true
        })
    );
    assert_eq!(
        ListTables::ENDPOINT_DISCOVERY,
        Some(EndpointDiscovery {
            operation: "DynamoDB_20120810.DescribeEndpoints",
            required: false
        })
    );
    // The discovery operation itself goes to the service's endpoint.
    assert_eq!(DescribeEndpoints::ENDPOINT_DISCOVERY, None);
    // No key spells the trait out: `scaffold --explicit` declarations get it from the
    // catalog too.
    assert_eq!(
        ExplicitDeleteDatabase::ENDPOINT_DISCOVERY,
        Some(EndpointDiscovery {
            operation: DESCRIBE,
            required: true
        })
    );
}

#[awsjson::aws_json_operation(
    target = "Timestream_20181101.DeleteDatabase",
    json_version = "1.0",
    signing_name = "timestream",
    endpoint_prefix = "ingest.timestream",
    service_id = "Timestream Write",
    hostname = "ingest.timestream.{region}.{dnsSuffix}"
)]
struct ExplicitDeleteDatabase {
    #[aws(rename = "DatabaseName")]
    database_name: String,
}

#[tokio::test]
async fn a_mocked_client_answers_without_discovering() {
    use awsjson::mock::{Mock, Rule};
    use awsjson_examples::timestream_write::{CreateDatabaseResponse, Database};
    let mock = Mock::new();
    mock.add(
        Rule::<CreateDatabase>::any().output(CreateDatabaseResponse {
            database: Some(Database {
                database_name: Some("db".into()),
                ..Default::default()
            }),
        }),
    );
    let client = mock.client().unwrap();
    let out = bounded(create("db").send(&client)).await.unwrap();
    assert_eq!(out.database.unwrap().database_name.as_deref(), Some("db"));
    let calls = mock.calls();
    assert_eq!(calls.len(), 1);
    assert!(calls[0].is::<CreateDatabase>());
}
