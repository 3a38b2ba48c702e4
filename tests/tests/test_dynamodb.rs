//! DynamoDB against moto: tables, items of every attribute type, conditional writes,
//! batches, transactions, and Query / Scan / ListTables through their paginators.

use std::collections::HashMap;

use awsjson::{Blob, Client, Error};
use awsjson_examples::dynamodb::*;
use awsjson_tests::moto;

async fn create_table(client: &Client, name: &str) -> TableDescription {
    CreateTable {
        table_name: name.to_owned(),
        key_schema: vec![
            KeySchemaElement {
                attribute_name: "pk".into(),
                key_type: KeyType::Hash,
            },
            KeySchemaElement {
                attribute_name: "sk".into(),
                key_type: KeyType::Range,
            },
        ],
        attribute_definitions: vec![
            AttributeDefinition {
                attribute_name: "pk".into(),
                attribute_type: ScalarAttributeType::S,
            },
            AttributeDefinition {
                attribute_name: "sk".into(),
                attribute_type: ScalarAttributeType::N,
            },
        ],
        billing_mode: Some(BillingMode::PayPerRequest),
    }
    .send(client)
    .await
    .unwrap()
    .table_description
    .unwrap()
}

fn key(pk: &str, sk: i64) -> Item {
    item([("pk", AttributeValue::s(pk)), ("sk", AttributeValue::n(sk))])
}

#[tokio::test]
async fn table_lifecycle_and_its_modeled_errors() {
    let client = moto::client();
    let name = moto::unique("tbl");
    let created = create_table(&client, &name).await;
    assert_eq!(created.table_name.as_deref(), Some(name.as_str()));
    assert!(
        created
            .table_arn
            .unwrap()
            .ends_with(&format!(":table/{name}"))
    );

    let table = DescribeTable {
        table_name: name.clone(),
    }
    .send(&client)
    .await
    .unwrap()
    .table
    .unwrap();
    assert_eq!(table.table_status, Some(TableStatus::Active));
    assert_eq!(table.item_count, Some(0));
    // moto sends the creation time as fractional epoch seconds.
    let created_at = table.creation_date_time.unwrap();
    let now = awsjson::DateTime::from(std::time::SystemTime::now());
    assert!(
        (now.secs() - created_at.secs()).abs() < 600,
        "{created_at:?}"
    );
    let schema = table.key_schema.unwrap();
    assert_eq!(schema[0].key_type, KeyType::Hash);
    assert_eq!(schema[1].attribute_name, "sk");
    assert_eq!(
        table.billing_mode_summary.and_then(|b| b.billing_mode),
        Some(BillingMode::PayPerRequest)
    );

    let again = CreateTable {
        table_name: name.clone(),
        key_schema: schema,
        attribute_definitions: table.attribute_definitions.unwrap(),
        billing_mode: Some(BillingMode::PayPerRequest),
    }
    .send(&client)
    .await
    .unwrap_err();
    match &again {
        Error::Service(err) => {
            assert!(
                matches!(err.err(), CreateTableError::ResourceInUseException(e)
                    if e.message.as_deref().is_some_and(|m| m.contains(&name))),
                "{err:?}"
            );
            assert_eq!(err.status(), 400);
            assert!(err.request_id().is_some());
        }
        other => panic!("expected ResourceInUseException, got {other}"),
    }

    let deleted = DeleteTable {
        table_name: name.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(
        deleted.table_description.unwrap().table_name.as_deref(),
        Some(name.as_str())
    );
    let gone = DescribeTable { table_name: name }
        .send(&client)
        .await
        .unwrap_err();
    assert!(
        matches!(gone.service_error().map(|e| e.err()), Some(DescribeTableError::ResourceNotFoundException(e))
            if e.message.as_deref().is_some_and(|m| m.contains("not found"))),
        "{gone:?}"
    );
}

#[tokio::test]
async fn items_of_every_attribute_type_round_trip() {
    let client = moto::client();
    let table = moto::unique("items");
    create_table(&client, &table).await;

    let mut full = key("a", 1);
    full.extend(item([
        (
            "blob",
            AttributeValue::B(Blob::new(vec![0u8, 159, 146, 150, 255])),
        ),
        ("flag", AttributeValue::Bool(true)),
        ("nothing", AttributeValue::Null(true)),
        (
            "list",
            AttributeValue::L(vec![AttributeValue::s("x"), AttributeValue::n(2.5)]),
        ),
        (
            "map",
            AttributeValue::M(item([("inner", AttributeValue::s("deep"))])),
        ),
        (
            "tags",
            AttributeValue::Ss(vec!["red".into(), "blue".into()]),
        ),
        ("nums", AttributeValue::Ns(vec!["2.5".into(), "-1".into()])),
        (
            "blobs",
            AttributeValue::Bs(vec![Blob::new(vec![2u8, 3]), Blob::new(vec![1u8])]),
        ),
        ("count", AttributeValue::n(10)),
    ]));
    let put = PutItem {
        table_name: table.clone(),
        item: full.clone(),
        ..PutItem::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert!(put.attributes.is_none());

    let got = GetItem {
        table_name: table.clone(),
        key: key("a", 1),
        consistent_read: Some(true),
        ..GetItem::default()
    }
    .send(&client)
    .await
    .unwrap()
    .item
    .unwrap();
    let AttributeValue::Ss(mut tags) = got["tags"].clone() else {
        panic!("tags is not a string set: {got:?}")
    };
    tags.sort();
    assert_eq!(tags, ["blue", "red"]);
    let AttributeValue::Ns(mut nums) = got["nums"].clone() else {
        panic!("nums is not a number set: {got:?}")
    };
    nums.sort();
    assert_eq!(nums, ["-1", "2.5"]);
    let AttributeValue::Bs(mut blobs) = got["blobs"].clone() else {
        panic!("blobs is not a binary set: {got:?}")
    };
    blobs.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    assert_eq!(blobs, [Blob::new(vec![1u8]), Blob::new(vec![2u8, 3])]);
    // Sets come back in any order.
    let without_sets = |mut i: Item| {
        for set in ["tags", "nums", "blobs"] {
            i.remove(set);
        }
        i
    };
    assert_eq!(without_sets(got), without_sets(full));

    let updated = UpdateItem {
        table_name: table.clone(),
        key: key("a", 1),
        update_expression: Some("SET #c = #c + :inc".into()),
        expression_attribute_names: Some(HashMap::from([("#c".into(), "count".into())])),
        expression_attribute_values: Some(item([(":inc", AttributeValue::n(5))])),
        return_values: Some(ReturnValue::AllNew),
        ..UpdateItem::default()
    }
    .send(&client)
    .await
    .unwrap()
    .attributes
    .unwrap();
    assert_eq!(updated["count"].as_n::<i64>(), Some(15));
    assert_eq!(
        updated["map"],
        AttributeValue::M(item([("inner", AttributeValue::s("deep"))]))
    );

    let conflict = PutItem {
        table_name: table.clone(),
        item: key("a", 1),
        condition_expression: Some("attribute_not_exists(pk)".into()),
        ..PutItem::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            conflict.service_error().map(|e| e.err()),
            Some(PutItemError::ConditionalCheckFailedException(_))
        ),
        "{conflict:?}"
    );
    assert_eq!(conflict.code(), Some("ConditionalCheckFailedException"));

    let old = DeleteItem {
        table_name: table.clone(),
        key: key("a", 1),
        return_values: Some(ReturnValue::AllOld),
    }
    .send(&client)
    .await
    .unwrap()
    .attributes
    .unwrap();
    assert_eq!(old["count"].as_n::<i64>(), Some(15));
    let none = GetItem {
        table_name: table.clone(),
        key: key("a", 1),
        ..GetItem::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert!(none.item.is_none());

    let missing = GetItem {
        table_name: moto::unique("no-such-table"),
        key: key("a", 1),
        ..GetItem::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            missing.service_error().map(|e| e.err()),
            Some(GetItemError::ResourceNotFoundException(_))
        ),
        "{missing:?}"
    );
}

/// 25 items under one partition key, written with one BatchWriteItem.
async fn filled_table(client: &Client) -> String {
    let table = moto::unique("pages");
    create_table(client, &table).await;
    let writes = (0..25)
        .map(|sk| WriteRequest {
            put_request: Some(PutRequest {
                item: {
                    let mut i = key("p", sk);
                    i.insert("n".into(), AttributeValue::n(sk * 10));
                    i
                },
            }),
            delete_request: None,
        })
        .collect();
    let out = BatchWriteItem {
        request_items: HashMap::from([(table.clone(), writes)]),
    }
    .send(client)
    .await
    .unwrap();
    assert!(out.unprocessed_items.unwrap_or_default().is_empty());
    table
}

fn sk_of(item: &Item) -> i64 {
    item["sk"].as_n().unwrap()
}

#[tokio::test]
async fn query_pages_follow_the_last_evaluated_key() {
    let client = moto::client();
    let table = filled_table(&client).await;
    let query = || Query {
        table_name: table.clone(),
        key_condition_expression: Some("pk = :p".into()),
        expression_attribute_values: Some(item([(":p", AttributeValue::s("p"))])),
        ..Query::default()
    };

    let pages = query()
        .pages(&client)
        .page_size(4)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 7, "25 items in pages of 4");
    assert!(pages.iter().all(|p| p.count.unwrap() <= 4));
    assert!(
        pages[..6].iter().all(|p| p.last_evaluated_key.is_none()),
        "tokens are moved into the next request"
    );
    let sks: Vec<i64> = pages
        .iter()
        .flat_map(|p| p.items.iter().flatten())
        .map(sk_of)
        .collect();
    assert_eq!(sks, (0..25).collect::<Vec<_>>());

    let items = query()
        .items(&client)
        .page_size(4)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.iter().map(sk_of).collect::<Vec<_>>(), sks);

    // Stop after 6 items: the second page (items 4..8) is the last one fetched.
    let first = query().items(&client).page_size(4).first(6).await.unwrap();
    assert_eq!(
        first.iter().map(sk_of).collect::<Vec<_>>(),
        [0, 1, 2, 3, 4, 5]
    );
    assert_eq!(first[5]["n"].as_n::<i64>(), Some(50));

    let backwards = Query {
        scan_index_forward: Some(false),
        ..query()
    }
    .items(&client)
    .page_size(10)
    .first(3)
    .await
    .unwrap();
    assert_eq!(
        backwards.iter().map(sk_of).collect::<Vec<_>>(),
        [24, 23, 22]
    );
}

#[tokio::test]
async fn scan_streams_every_item_across_pages() {
    let client = moto::client();
    let table = filled_table(&client).await;
    let scan = || Scan {
        table_name: table.clone(),
        ..Scan::default()
    };
    let mut pages = scan().pages(&client).page_size(10);
    let mut sizes = Vec::new();
    let mut seen = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.unwrap();
        sizes.push(page.items.as_ref().map_or(0, Vec::len));
        seen.extend(page.items.unwrap_or_default().iter().map(sk_of));
    }
    assert!(
        pages.next().await.is_none(),
        "a finished stream stays finished"
    );
    assert_eq!(sizes, [10, 10, 5]);
    seen.sort_unstable();
    assert_eq!(seen, (0..25).collect::<Vec<_>>());

    let filtered = Scan {
        filter_expression: Some("n >= :min".into()),
        expression_attribute_values: Some(item([(":min", AttributeValue::n(200))])),
        ..scan()
    }
    .items(&client)
    .page_size(7)
    .try_collect()
    .await
    .unwrap();
    let mut sks: Vec<i64> = filtered.iter().map(sk_of).collect();
    sks.sort_unstable();
    assert_eq!(sks, [20, 21, 22, 23, 24]);
}

#[tokio::test]
async fn list_tables_pages_and_stops_after_n() {
    // A region no other test uses: moto lists tables in creation order, and a table
    // another test deleted meanwhile would end a listing whose token it was.
    let client = moto::client_in("eu-west-3");
    let mut ours = Vec::new();
    for _ in 0..5 {
        let name = moto::unique("list");
        create_table(&client, &name).await;
        ours.push(name);
    }
    let (pages, sizes) =
        moto::pages_and_sizes(ListTables::default().pages(&client).page_size(2), |p| {
            &p.table_names
        })
        .await;
    assert_eq!(sizes, [2, 2, 1]);
    let all: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.table_names.unwrap())
        .collect();
    assert_eq!(all, ours);

    let first = ListTables::default()
        .items(&client)
        .page_size(2)
        .first(3)
        .await
        .unwrap();
    assert_eq!(first, ours[..3]);
}

#[tokio::test]
async fn transactions_write_all_or_nothing() {
    let client = moto::client();
    let table = moto::unique("txn");
    create_table(&client, &table).await;
    let put = |sk, condition: Option<&str>| TransactWriteItem {
        put: Some(Put {
            table_name: table.clone(),
            item: key("t", sk),
            condition_expression: condition.map(str::to_owned),
        }),
        ..TransactWriteItem::default()
    };

    // No token given: awsjson fills a fresh one.
    TransactWriteItems {
        transact_items: vec![put(1, None), put(2, None)],
        client_request_token: None,
    }
    .send(&client)
    .await
    .unwrap();

    let err = TransactWriteItems {
        transact_items: vec![
            put(3, None),
            put(1, Some("attribute_not_exists(pk)")),
            TransactWriteItem {
                condition_check: Some(ConditionCheck {
                    table_name: table.clone(),
                    key: key("t", 2),
                    condition_expression: "attribute_exists(pk)".into(),
                    expression_attribute_values: None,
                }),
                ..TransactWriteItem::default()
            },
        ],
        client_request_token: Some(moto::unique("token")),
    }
    .send(&client)
    .await
    .unwrap_err();
    let Some(TransactWriteItemsError::TransactionCanceledException(cancelled)) =
        err.service_error().map(|e| e.err())
    else {
        panic!("expected TransactionCanceledException, got {err:?}")
    };
    let codes: Vec<Option<&str>> = cancelled
        .cancellation_reasons
        .as_ref()
        .unwrap()
        .iter()
        .map(|r| r.code.as_deref())
        .collect();
    assert_eq!(codes[1], Some("ConditionalCheckFailed"), "{cancelled:?}");

    let items = Scan {
        table_name: table.clone(),
        ..Scan::default()
    }
    .items(&client)
    .try_collect()
    .await
    .unwrap();
    let mut sks: Vec<i64> = items.iter().map(sk_of).collect();
    sks.sort_unstable();
    assert_eq!(sks, [1, 2], "the cancelled transaction wrote nothing");

    TransactWriteItems {
        transact_items: vec![TransactWriteItem {
            delete: Some(Delete {
                table_name: table.clone(),
                key: key("t", 2),
            }),
            ..TransactWriteItem::default()
        }],
        client_request_token: None,
    }
    .send(&client)
    .await
    .unwrap();
    let left = Scan {
        table_name: table,
        ..Scan::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(left.count, Some(1));
}
