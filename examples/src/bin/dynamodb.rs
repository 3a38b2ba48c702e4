//! DynamoDB end to end: create a table, write items in one batch and with a
//! conditional put, read one back, query a partition and scan the table through the
//! paginators, then delete the table.
//!
//! Runs against whatever endpoint and credentials the environment names
//! (`AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`). To
//! run it against a local moto server, which the script installs and starts:
//!
//! ```text
//! scripts/with-moto.sh cargo run -p awsjson-examples --bin dynamodb
//! ```

use std::collections::HashMap;

use awsjson::Client;
use awsjson_examples::dynamodb::*;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = client().await?;
    let table = format!("awsjson-example-{}", std::process::id());

    let created = CreateTable {
        table_name: table.clone(),
        key_schema: vec![
            KeySchemaElement {
                attribute_name: "author".into(),
                key_type: KeyType::Hash,
            },
            KeySchemaElement {
                attribute_name: "year".into(),
                key_type: KeyType::Range,
            },
        ],
        attribute_definitions: vec![
            AttributeDefinition {
                attribute_name: "author".into(),
                attribute_type: ScalarAttributeType::S,
            },
            AttributeDefinition {
                attribute_name: "year".into(),
                attribute_type: ScalarAttributeType::N,
            },
        ],
        billing_mode: Some(BillingMode::PayPerRequest),
    }
    .send(&client)
    .await?;
    let status = created.table_description.and_then(|t| t.table_status);
    println!("created table {table} ({status:?})");

    let result = run(&client, &table).await;
    // Delete the table even when a step failed, then report that failure.
    DeleteTable {
        table_name: table.clone(),
    }
    .send(&client)
    .await?;
    println!("deleted table {table}");
    result
}

async fn run(client: &Client, table: &str) -> Result<(), Box<dyn std::error::Error>> {
    let books = [
        ("Ursula K. Le Guin", 1969, "The Left Hand of Darkness"),
        ("Ursula K. Le Guin", 1971, "The Lathe of Heaven"),
        ("Ursula K. Le Guin", 1974, "The Dispossessed"),
        ("Ursula K. Le Guin", 2000, "The Telling"),
        ("Octavia E. Butler", 1979, "Kindred"),
        ("Octavia E. Butler", 1993, "Parable of the Sower"),
        ("Iain M. Banks", 1987, "Consider Phlebas"),
    ];
    let writes = books
        .iter()
        .map(|(author, year, title)| WriteRequest {
            put_request: Some(PutRequest {
                item: item([
                    ("author", AttributeValue::s(*author)),
                    ("year", AttributeValue::n(year)),
                    ("title", AttributeValue::s(*title)),
                ]),
            }),
            delete_request: None,
        })
        .collect();
    BatchWriteItem {
        request_items: HashMap::from([(table.to_owned(), writes)]),
    }
    .send(client)
    .await?;
    println!("wrote {} books in one BatchWriteItem", books.len());

    // One more, only if no book of that author and year is there yet.
    let put = PutItem {
        table_name: table.to_owned(),
        item: item([
            ("author", AttributeValue::s("Iain M. Banks")),
            ("year", AttributeValue::n(1988)),
            ("title", AttributeValue::s("The Player of Games")),
        ]),
        condition_expression: Some("attribute_not_exists(author)".into()),
        ..PutItem::default()
    };
    put.send(client).await?;
    match put.send(client).await {
        Err(err)
            if matches!(
                err.service_error().map(|e| e.err()),
                Some(PutItemError::ConditionalCheckFailedException(_))
            ) =>
        {
            println!("PutItem: written once; the second, conditional put was refused");
        }
        other => {
            return Err(format!("expected ConditionalCheckFailedException, got {other:?}").into());
        }
    }

    let kindred = GetItem {
        table_name: table.to_owned(),
        key: item([
            ("author", AttributeValue::s("Octavia E. Butler")),
            ("year", AttributeValue::n(1979)),
        ]),
        ..GetItem::default()
    }
    .send(client)
    .await?
    .item
    .ok_or("the book just written is not there")?;
    println!("GetItem: {:?}", kindred["title"].as_s());

    // Pages of 2: the paginator follows LastEvaluatedKey until the partition ends.
    println!("Query, Le Guin after 1970, newest first:");
    let mut le_guin = Query {
        table_name: table.to_owned(),
        key_condition_expression: Some("author = :a AND #y > :y".into()),
        expression_attribute_names: Some(HashMap::from([("#y".into(), "year".into())])),
        expression_attribute_values: Some(item([
            (":a", AttributeValue::s("Ursula K. Le Guin")),
            (":y", AttributeValue::n(1970)),
        ])),
        scan_index_forward: Some(false),
        ..Query::default()
    }
    .items(client)
    .page_size(2);
    while let Some(book) = le_guin.next().await {
        let book = book?;
        println!(
            "  {} {}",
            book["year"].as_n::<i32>().unwrap_or_default(),
            book["title"].as_s().unwrap_or_default()
        );
    }

    println!("Scan, in pages of 3:");
    let mut pages = Scan {
        table_name: table.to_owned(),
        ..Scan::default()
    }
    .pages(client)
    .page_size(3);
    let mut n = 0;
    while let Some(page) = pages.next().await {
        let page = page?;
        n += 1;
        let titles: Vec<&str> = page
            .items
            .iter()
            .flatten()
            .filter_map(|book| book["title"].as_s())
            .collect();
        println!("  page {n}: {titles:?}");
    }
    Ok(())
}

async fn client() -> Result<Client, Box<dyn std::error::Error>> {
    if std::env::var_os("AWS_ENDPOINT_URL").is_none()
        && std::env::var_os("AWS_ACCESS_KEY_ID").is_none()
    {
        return Err(
            "no endpoint or credentials in the environment; to run against a local moto: \
             scripts/with-moto.sh cargo run -p awsjson-examples --bin dynamodb"
                .into(),
        );
    }
    Ok(Client::from_env().await?)
}
