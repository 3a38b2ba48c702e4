//! Timestream Write and Query against moto (signature checking on), with the
//! scaffolded declarations of `examples/src/timestream_*.rs`.
//!
//! moto quirks met here:
//! - its `DescribeEndpoints` answers AWS's own address
//!   (`ingest.timestream.us-east-1.amazonaws.com`, `query.timestream...`), which a local
//!   test cannot reach: with moto's URL configured, the calls go to moto itself
//!   (discovery is off where an endpoint URL is configured, the default); with
//!   discovery enabled, the request is built for the discovered address and not sent;
//! - on one URL it serves both services' `Timestream_20181101.*` targets from Timestream
//!   Write's handler, so Timestream Query's `DescribeEndpoints` answers the `ingest.`
//!   address as well;
//! - its `Query` does not read what `WriteRecords` stored: it answers what its
//!   `/moto-api/static/timestream/query-results` was given, else no rows.

use awsjson::{Client, Error};
use awsjson_examples::timestream_query::Query;
use awsjson_examples::timestream_write::*;
use awsjson_tests::moto::{self, REGION};

fn discovering_client() -> Client {
    let moto = moto::moto();
    Client::builder()
        .region(REGION)
        .credentials(moto.credentials)
        .endpoint_url(&moto.url)
        .endpoint_discovery(true)
        .build()
        .unwrap()
}

#[tokio::test]
async fn discovery_asks_moto_which_answers_aws_own_address() {
    let client = discovering_client();
    // Signed and sent to moto: a signature moto rejected would fail the discovery.
    let request = client
        .build_request(&CreateDatabase {
            database_name: "unsent".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        request.url,
        format!("https://ingest.timestream.{REGION}.amazonaws.com/")
    );
    assert_eq!(
        request.header("host"),
        Some("ingest.timestream.us-east-1.amazonaws.com")
    );
    // On one URL, moto answers both services' `Timestream_20181101.*` targets from
    // Timestream Write's handler: Query's discovery gets the `ingest.` address too.
    // (`test_endpoint_discovery.rs` shows each service discovering its own.)
    let request = client
        .build_request(&Query {
            query_string: "SELECT 1".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        request.url,
        format!("https://ingest.timestream.{REGION}.amazonaws.com/")
    );
    // The discovery operation itself, as declared: address and period.
    let endpoints = DescribeEndpoints {}
        .send(&moto::client())
        .await
        .unwrap()
        .endpoints;
    assert_eq!(endpoints.len(), 1);
    assert_eq!(
        endpoints[0].address,
        format!("ingest.timestream.{REGION}.amazonaws.com")
    );
    assert_eq!(endpoints[0].cache_period_in_minutes, 1440);
}

fn record(room: &str, celsius: &str, time_ms: i64) -> Record {
    Record {
        dimensions: Some(vec![Dimension {
            name: "room".into(),
            value: room.into(),
            ..Default::default()
        }]),
        measure_name: Some("temperature".into()),
        measure_value: Some(celsius.into()),
        measure_value_type: Some(MeasureValueType::Double),
        time: Some(time_ms.to_string()),
        time_unit: Some(TimeUnit::Milliseconds),
        ..Default::default()
    }
}

#[tokio::test]
async fn databases_tables_and_records() {
    let client = moto::client();
    let database = moto::unique("awsjson-db");
    let created = CreateDatabase {
        database_name: database.clone(),
        tags: Some(vec![Tag {
            key: "suite".into(),
            value: "awsjson".into(),
        }]),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap()
    .database
    .unwrap();
    assert_eq!(created.database_name.as_deref(), Some(database.as_str()));
    assert!(
        created
            .arn
            .as_deref()
            .is_some_and(|arn| arn.ends_with(&format!(":database/{database}"))),
        "{created:?}"
    );

    let table = CreateTable {
        database_name: database.clone(),
        table_name: "readings".into(),
        retention_properties: Some(RetentionProperties {
            memory_store_retention_period_in_hours: 24,
            magnetic_store_retention_period_in_days: 7,
        }),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap()
    .table
    .unwrap();
    assert_eq!(table.table_name.as_deref(), Some("readings"));
    let retention = table.retention_properties.unwrap();
    assert_eq!(retention.memory_store_retention_period_in_hours, 24);
    assert_eq!(retention.magnetic_store_retention_period_in_days, 7);

    let written = WriteRecords {
        database_name: database.clone(),
        table_name: "readings".into(),
        records: vec![
            record("kitchen", "21.5", 1_700_000_000_000),
            record("cellar", "12.0", 1_700_000_000_000),
        ],
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(written.records_ingested.unwrap().total, Some(2));

    let err = WriteRecords {
        database_name: database.clone(),
        table_name: "missing".into(),
        records: vec![record("attic", "30.0", 1_700_000_000_000)],
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    let Error::Service(service) = &err else {
        panic!("expected a service error, got {err}")
    };
    assert!(
        matches!(
            service.err(),
            WriteRecordsError::ResourceNotFoundException(_)
        ),
        "{err}"
    );

    DeleteTable {
        database_name: database.clone(),
        table_name: "readings".into(),
    }
    .send(&client)
    .await
    .unwrap();
    DeleteDatabase {
        database_name: database,
    }
    .send(&client)
    .await
    .unwrap();
}

/// Queues `pages` as moto's answers to `query` (its moto-api; not an AWS call, so a
/// plain HTTP/1.1 POST).
async fn queue_query_results(query: &str, pages: serde_json::Value) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let moto = moto::moto();
    let body = serde_json::json!({ "region": REGION, "results": { query: pages } }).to_string();
    let authority = moto.url.trim_start_matches("http://").trim_end_matches('/');
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(authority).await?;
        let head = format!(
            "POST /moto-api/static/timestream/query-results HTTP/1.1\r\nhost: {authority}\r\n\
             content-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body.as_bytes()).await?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await?;
        std::io::Result::Ok(answer)
    };
    let answer = tokio::time::timeout(std::time::Duration::from_secs(20), exchange)
        .await
        .expect("moto answered within 20 s")
        .unwrap();
    let status = String::from_utf8_lossy(&answer);
    assert!(status.starts_with("HTTP/1.1 201"), "{status}");
}

#[tokio::test]
async fn query_results_over_pages() {
    let sql = format!(
        r#"SELECT room, measure_value::double FROM "{}"."readings""#,
        moto::unique("awsjson-query")
    );
    let columns = serde_json::json!([
        {"Name": "room", "Type": {"ScalarType": "VARCHAR"}},
        {"Name": "measure_value::double", "Type": {"ScalarType": "DOUBLE"}},
    ]);
    let row = |room: &str, celsius: &str| serde_json::json!({"Data": [{"ScalarValue": room}, {"ScalarValue": celsius}]});
    queue_query_results(
        &sql,
        serde_json::json!([
            {"QueryId": "q-1", "NextToken": "page-2", "ColumnInfo": columns,
             "Rows": [row("kitchen", "21.5"), row("cellar", "12.0")]},
            {"QueryId": "q-1", "ColumnInfo": columns, "Rows": [row("attic", "30.0")]},
        ]),
    )
    .await;
    let client = moto::client();
    let rows = Query {
        query_string: sql,
        ..Default::default()
    }
    .items(&client)
    .try_collect()
    .await
    .unwrap();
    let cells: Vec<Vec<Option<String>>> = rows
        .into_iter()
        .map(|row| row.data.into_iter().map(|d| d.scalar_value).collect())
        .collect();
    let some = |a: &str, b: &str| vec![Some(a.to_owned()), Some(b.to_owned())];
    assert_eq!(
        cells,
        [
            some("kitchen", "21.5"),
            some("cellar", "12.0"),
            some("attic", "30.0")
        ]
    );
}
