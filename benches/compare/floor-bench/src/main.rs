//! The floor: raw reqwest requests (awsJson POSTs, a restJson1 GET) built and signed
//! once, up front.
//!
//! What any client on this HTTP stack must at least spend per call; awsjson's cost above
//! it is encoding, signing and decoding.

use std::hint::black_box;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

include!("../../driver.rs");

const TARGETS: [(&str, &str); 4] = [
    (
        "AWSPartnerCentralSelling.CreateResourceSnapshotJob",
        r#"{"ClientToken":"2c8a4c8e-51a4-4d5c-9f27-6d1f0e5e3a11","Catalog":"Sandbox","EngagementIdentifier":"eng-abcdefghij1234","ResourceIdentifier":"O1234567","ResourceSnapshotTemplateIdentifier":"AWSOpportunitySummary","ResourceType":"Opportunity","Tags":[{"Key":"team","Value":"sales"}]}"#,
    ),
    (
        "DynamoDB_20120810.PutItem",
        r#"{"TableName":"bench","Item":{"pk":{"S":"user#1"},"sk":{"S":"profile"},"name":{"S":"Ada Lovelace"},"age":{"N":"36"}},"ReturnConsumedCapacity":"TOTAL"}"#,
    ),
    (
        "DynamoDB_20120810.GetItem",
        r#"{"TableName":"bench","Key":{"pk":{"S":"user#1"},"sk":{"S":"profile"}},"ConsistentRead":true}"#,
    ),
    (
        "DynamoDB_20120810.Query",
        r#"{"TableName":"bench","KeyConditionExpression":"pk = :pk","ExpressionAttributeValues":{":pk":{"S":"user#1"}},"Limit":10}"#,
    ),
];

#[derive(Clone)]
struct Ctx {
    http: reqwest::Client,
    url: String,
    requests: Vec<(HeaderMap, &'static str)>,
    get_function: (String, HeaderMap),
}

async fn setup(endpoint: &str) -> Ctx {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder().build().expect("client");
    let host = endpoint
        .split("://")
        .nth(1)
        .unwrap_or(endpoint)
        .trim_end_matches('/');
    let requests = TARGETS
        .iter()
        .map(|&(target, body)| {
            let mut headers = HeaderMap::new();
            let mut add = |name: &'static str, value: &str| {
                headers.insert(
                    HeaderName::from_static(name),
                    HeaderValue::from_str(value).expect("header"),
                );
            };
            add("host", host);
            add("content-type", "application/x-amz-json-1.0");
            add("x-amz-target", target);
            add("x-amz-date", "20261126T120000Z");
            add(
                "authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/dynamodb/aws4_request, \
                 SignedHeaders=content-type;host;x-amz-date;x-amz-target, \
                 Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            );
            add("user-agent", "floor/0");
            (headers, body)
        })
        .collect();
    let mut headers = HeaderMap::new();
    let mut add = |name: &'static str, value: &str| {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_str(value).expect("header"),
        );
    };
    add("host", host);
    add("x-amz-date", "20261126T120000Z");
    add(
        "authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/lambda/aws4_request, \
         SignedHeaders=host;x-amz-date, \
         Signature=0b1c9f3e0d6e6f8c1a4c2e5b7d9f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f",
    );
    add("user-agent", "floor/0");
    let get_function = (
        format!(
            "{}/2015-03-31/functions/bench-fn?Qualifier=live",
            endpoint.trim_end_matches('/')
        ),
        headers,
    );
    Ctx {
        http,
        url: endpoint.to_owned(),
        requests,
        get_function,
    }
}

/// The floor reads no configuration: its start-up is the HTTP client's and the process's.
async fn setup_from_env(endpoint: &str) -> Ctx {
    setup(endpoint).await
}

async fn call(ctx: &Ctx, i: usize) {
    let (headers, body) = &ctx.requests[i % 4];
    let response = ctx
        .http
        .post(&ctx.url)
        .headers(headers.clone())
        .body(*body)
        .send()
        .await
        .expect("send");
    assert!(response.status().is_success(), "status"); // BENCH-EDIT-CALL
    black_box(response.bytes().await.expect("body"));
}

async fn call_rest_json(ctx: &Ctx, _: usize) {
    let (url, headers) = &ctx.get_function;
    let response = ctx
        .http
        .get(url)
        .headers(headers.clone())
        .send()
        .await
        .expect("send");
    assert!(response.status().is_success(), "status");
    black_box(response.bytes().await.expect("body"));
}
