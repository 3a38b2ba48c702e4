//! Timestream end to end: create a database and a table, write records, query them,
//! then delete the table and the database.
//!
//! Timestream's operations require endpoint discovery: against AWS, the first call of
//! each service asks its `DescribeEndpoints` where to send requests, and the client
//! keeps the address for the period the answer gives. With `AWS_ENDPOINT_URL` set (a
//! local server), requests go to that URL instead, as in the official SDKs.
//!
//! Runs against whatever endpoint and credentials the environment names. To run it
//! against a local moto server, which the script installs and starts:
//!
//! ```text
//! scripts/with-moto.sh cargo run -p awsjson-examples --bin timestream
//! ```

use awsjson::{Client, DateTime};
use awsjson_examples::timestream_query::Query;
use awsjson_examples::timestream_write::*;

const DATABASE: &str = "awsjson_example";
const TABLE: &str = "readings";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::var_os("AWS_ENDPOINT_URL").is_none()
        && std::env::var_os("AWS_ACCESS_KEY_ID").is_none()
    {
        return Err(
            "no endpoint or credentials in the environment; to run against a local moto: \
             scripts/with-moto.sh cargo run -p awsjson-examples --bin timestream"
                .into(),
        );
    }
    let client = Client::from_env().await?;

    // What discovery would use. With `AWS_ENDPOINT_URL` set the calls below go to that
    // URL; against AWS they go to this address.
    let endpoints = DescribeEndpoints {}.send(&client).await?.endpoints;
    for endpoint in &endpoints {
        println!(
            "Timestream Write answers at {} (for {} minutes)",
            endpoint.address, endpoint.cache_period_in_minutes
        );
    }

    let database = CreateDatabase {
        database_name: DATABASE.into(),
        ..Default::default()
    }
    .send(&client)
    .await?
    .database
    .ok_or("CreateDatabase returned no database")?;
    println!("created database {:?}", database.arn);

    CreateTable {
        database_name: DATABASE.into(),
        table_name: TABLE.into(),
        retention_properties: Some(RetentionProperties {
            memory_store_retention_period_in_hours: 24,
            magnetic_store_retention_period_in_days: 7,
        }),
        ..Default::default()
    }
    .send(&client)
    .await?;
    println!("created table {TABLE}");

    let now = DateTime::now();
    let now_ms = now.secs() * 1000 + i64::from(now.subsec_nanos() / 1_000_000);
    let records: Vec<Record> = [("kitchen", "21.5"), ("cellar", "12.0")]
        .into_iter()
        .map(|(room, celsius)| Record {
            dimensions: Some(vec![Dimension {
                name: "room".into(),
                value: room.into(),
                ..Default::default()
            }]),
            measure_name: Some("temperature".into()),
            measure_value: Some(celsius.into()),
            measure_value_type: Some(MeasureValueType::Double),
            time: Some(now_ms.to_string()),
            time_unit: Some(TimeUnit::Milliseconds),
            ..Default::default()
        })
        .collect();
    let written = WriteRecords {
        database_name: DATABASE.into(),
        table_name: TABLE.into(),
        records,
        ..Default::default()
    }
    .send(&client)
    .await?;
    let ingested = written.records_ingested.and_then(|r| r.total).unwrap_or(0);
    println!("wrote {ingested} records");

    let rows = Query {
        query_string: format!(r#"SELECT room, measure_value::double FROM "{DATABASE}"."{TABLE}""#),
        ..Default::default()
    }
    .items(&client)
    .try_collect()
    .await?;
    println!("the query returned {} rows", rows.len());

    DeleteTable {
        database_name: DATABASE.into(),
        table_name: TABLE.into(),
    }
    .send(&client)
    .await?;
    DeleteDatabase {
        database_name: DATABASE.into(),
    }
    .send(&client)
    .await?;
    println!("deleted table {TABLE} and database {DATABASE}");
    Ok(())
}
