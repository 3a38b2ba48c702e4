//! The benchmark program written with the official AWS SDK for Rust.

use std::collections::HashMap;
use std::hint::black_box;

use aws_config::{BehaviorVersion, Region};
use aws_sdk_dynamodb::config::Credentials;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnConsumedCapacity};
use aws_sdk_partnercentralselling::types::{ResourceType, Tag};

include!("../../driver.rs");

#[derive(Clone)]
struct Ctx {
    dynamodb: aws_sdk_dynamodb::Client,
    partner: aws_sdk_partnercentralselling::Client,
    lambda: aws_sdk_lambda::Client,
}

async fn setup(endpoint: &str) -> Ctx {
    let config = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            None,
            None,
            "bench",
        ))
        .endpoint_url(endpoint)
        .load()
        .await;
    Ctx {
        dynamodb: aws_sdk_dynamodb::Client::new(&config),
        partner: aws_sdk_partnercentralselling::Client::new(&config),
        lambda: aws_sdk_lambda::Client::new(&config),
    }
}

/// As a program starts: `aws_config::load_defaults` reads the environment and the shared
/// config files (run.sh sets `AWS_ENDPOINT_URL` and a `HOME` with both files).
async fn setup_from_env(_endpoint: &str) -> Ctx {
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    Ctx {
        dynamodb: aws_sdk_dynamodb::Client::new(&config),
        partner: aws_sdk_partnercentralselling::Client::new(&config),
        lambda: aws_sdk_lambda::Client::new(&config),
    }
}

fn s(value: &str) -> AttributeValue {
    AttributeValue::S(value.to_owned())
}

async fn call(ctx: &Ctx, i: usize) {
    match i % 4 {
        0 => {
            let out = ctx
                .partner
                .create_resource_snapshot_job()
                .catalog("Sandbox")
                .engagement_identifier("eng-abcdefghij1234")
                .resource_identifier("O1234567")
                .resource_snapshot_template_identifier("AWSOpportunitySummary")
                .resource_type(ResourceType::Opportunity)
                .tags(
                    Tag::builder()
                        .key("team")
                        .value("sales")
                        .build()
                        .expect("tag"),
                )
                .send()
                .await
                .expect("CreateResourceSnapshotJob");
            black_box(out.id.expect("Id"));
        }
        1 => {
            let item = HashMap::from([
                ("pk".to_owned(), s("user#1")),
                ("sk".to_owned(), s("profile")),
                ("name".to_owned(), s("Ada Lovelace")), // BENCH-EDIT-CALL
                ("age".to_owned(), AttributeValue::N("36".to_owned())),
            ]);
            let out = ctx
                .dynamodb
                .put_item()
                .table_name("bench")
                .set_item(Some(item))
                .return_consumed_capacity(ReturnConsumedCapacity::Total)
                .send()
                .await
                .expect("PutItem");
            black_box(out.consumed_capacity.expect("ConsumedCapacity"));
        }
        2 => {
            let out = ctx
                .dynamodb
                .get_item()
                .table_name("bench")
                .set_key(Some(HashMap::from([
                    ("pk".to_owned(), s("user#1")),
                    ("sk".to_owned(), s("profile")),
                ])))
                .consistent_read(true)
                .send()
                .await
                .expect("GetItem");
            black_box(out.item.expect("Item"));
        }
        _ => {
            let out = ctx
                .dynamodb
                .query()
                .table_name("bench")
                .key_condition_expression("pk = :pk")
                .expression_attribute_values(":pk", s("user#1"))
                .limit(10)
                .send()
                .await
                .expect("Query");
            assert_eq!(out.items.expect("Items").len(), 3);
        }
    }
}

async fn call_rest_json(ctx: &Ctx, _: usize) {
    let out = ctx
        .lambda
        .get_function()
        .function_name("bench-fn")
        .qualifier("live")
        .send()
        .await
        .expect("GetFunction");
    let configuration = out.configuration.expect("Configuration");
    assert_eq!(configuration.memory_size, Some(256));
    black_box((configuration, out.code, out.tags));
}
