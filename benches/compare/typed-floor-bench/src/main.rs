//! The typed floor: the floor (raw reqwest on awsjson's HTTP stack) plus the work no
//! typed, signing client can skip, written by hand for exactly these operations: the
//! input built as a user builds it, written with serde_json, an idempotency token from
//! the system's randomness, SigV4 (the signing key derived once a day, as a cache does),
//! and the answer read into typed outputs with serde_json.
//!
//! What it leaves out is what awsjson adds as a client: retries and their quota, the
//! attempt and response-header timeouts, endpoint rules, invocation ids, interceptors,
//! tracing spans, error decoding, the checks of the request it builds. awsjson's cost
//! above this variant is that machinery; this variant's above the floor is the typed
//! work itself.

use std::collections::HashMap;
use std::hint::black_box;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use ring::rand::SecureRandom;
use ring::{digest, hmac};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

include!("../../driver.rs");

const ACCESS_KEY: &str = "AKIDEXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const REGION: &str = "us-east-1";

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct CreateResourceSnapshotJob {
    #[serde(skip_serializing_if = "Option::is_none")]
    client_token: Option<String>,
    catalog: String,
    engagement_identifier: String,
    resource_identifier: String,
    resource_snapshot_template_identifier: String,
    resource_type: ResourceType,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<Vec<Tag>>,
}

#[derive(Serialize)]
enum ResourceType {
    Opportunity,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Tag {
    key: String,
    value: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct CreateResourceSnapshotJobResponse {
    id: Option<String>,
    #[allow(dead_code)]
    arn: Option<String>,
}

/// A DynamoDB attribute value: exactly one member is set.
#[derive(Serialize, Deserialize, Default, Debug)]
struct AttributeValue {
    #[serde(rename = "S", skip_serializing_if = "Option::is_none")]
    s: Option<String>,
    #[serde(rename = "N", skip_serializing_if = "Option::is_none")]
    n: Option<String>,
    #[serde(rename = "BOOL", skip_serializing_if = "Option::is_none")]
    bool: Option<bool>,
    #[serde(rename = "L", skip_serializing_if = "Option::is_none")]
    l: Option<Vec<AttributeValue>>,
    #[serde(rename = "M", skip_serializing_if = "Option::is_none")]
    m: Option<HashMap<String, AttributeValue>>,
}

fn s(value: &str) -> AttributeValue {
    AttributeValue {
        s: Some(value.to_owned()),
        ..AttributeValue::default()
    }
}

fn n(value: &str) -> AttributeValue {
    AttributeValue {
        n: Some(value.to_owned()),
        ..AttributeValue::default()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct PutItem {
    table_name: String,
    item: HashMap<String, AttributeValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    condition_expression: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    return_consumed_capacity: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "PascalCase")]
struct ConsumedCapacity {
    #[allow(dead_code)]
    table_name: Option<String>,
    #[allow(dead_code)]
    capacity_units: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PutItemOutput {
    #[allow(dead_code)]
    attributes: Option<HashMap<String, AttributeValue>>,
    consumed_capacity: Option<ConsumedCapacity>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct GetItem {
    table_name: String,
    key: HashMap<String, AttributeValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consistent_read: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct GetItemOutput {
    item: Option<HashMap<String, AttributeValue>>,
    #[allow(dead_code)]
    consumed_capacity: Option<ConsumedCapacity>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Query {
    table_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    key_condition_expression: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expression_attribute_values: Option<HashMap<String, AttributeValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<i32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct QueryOutput {
    items: Option<Vec<HashMap<String, AttributeValue>>>,
    #[allow(dead_code)]
    count: Option<i32>,
    #[allow(dead_code)]
    scanned_count: Option<i32>,
    #[allow(dead_code)]
    last_evaluated_key: Option<HashMap<String, AttributeValue>>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct GetFunctionResponse {
    configuration: Option<FunctionConfiguration>,
    code: Option<FunctionCodeLocation>,
    tags: Option<HashMap<String, String>>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct FunctionConfiguration {
    function_name: Option<String>,
    function_arn: Option<String>,
    runtime: Option<String>,
    role: Option<String>,
    handler: Option<String>,
    code_size: Option<i64>,
    description: Option<String>,
    timeout: Option<i32>,
    memory_size: Option<i32>,
    last_modified: Option<String>,
    code_sha256: Option<String>,
    version: Option<String>,
    environment: Option<EnvironmentResponse>,
    revision_id: Option<String>,
    state: Option<String>,
    last_update_status: Option<String>,
    package_type: Option<String>,
    architectures: Option<Vec<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct EnvironmentResponse {
    variables: Option<HashMap<String, String>>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct FunctionCodeLocation {
    repository_type: Option<String>,
    location: Option<String>,
}

/// One service's signing key for one day, derived once (four HMACs) and reused.
struct SigningKey {
    day: String,
    key: hmac::Key,
}

/// Each signing name's key, by the `service` index `sign` takes.
type SigningKeys = [(&'static str, Mutex<Option<SigningKey>>); 3];

#[derive(Clone)]
struct Ctx {
    http: reqwest::Client,
    url: reqwest::Url,
    get_function_url: reqwest::Url,
    host: HeaderValue,
    host_text: std::sync::Arc<str>,
    keys: std::sync::Arc<SigningKeys>,
}

async fn setup(endpoint: &str) -> Ctx {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder().build().expect("client");
    let url = reqwest::Url::parse(endpoint).expect("endpoint");
    let host_text = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().expect("host")),
        None => url.host_str().expect("host").to_owned(),
    };
    let mut get_function_url = url.clone();
    get_function_url.set_path("/2015-03-31/functions/bench-fn");
    get_function_url.set_query(Some("Qualifier=live"));
    Ctx {
        http,
        url,
        get_function_url,
        host: HeaderValue::from_str(&host_text).expect("host"),
        host_text: host_text.into(),
        keys: std::sync::Arc::new([
            ("partnercentral-selling", Mutex::new(None)),
            ("dynamodb", Mutex::new(None)),
            ("lambda", Mutex::new(None)),
        ]),
    }
}

/// The typed floor reads no configuration: its start-up is the HTTP client's.
async fn setup_from_env(endpoint: &str) -> Ctx {
    setup(endpoint).await
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut String, bytes: &[u8]) {
    for &b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
}

/// `YYYYMMDDTHHMMSSZ` of a time since the epoch (days to a civil date: H. Hinnant).
fn amz_date(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

impl Ctx {
    /// SigV4's headers for one request: `x-amz-date` and `authorization`, over `host`,
    /// `content-type` and `x-amz-target` when given, as awsjson signs them.
    fn sign(
        &self,
        service: usize,
        method: &str,
        path: &str,
        query: &str,
        json: Option<(&str, &str)>,
        body: &[u8],
    ) -> (String, String) {
        let date = amz_date(SystemTime::now());
        let day = &date[..8];
        let (name, slot) = &self.keys[service];
        let mut canonical = String::with_capacity(512);
        canonical.push_str(method);
        canonical.push('\n');
        canonical.push_str(path);
        canonical.push('\n');
        canonical.push_str(query);
        canonical.push('\n');
        if let Some((content_type, _)) = json {
            canonical.push_str("content-type:");
            canonical.push_str(content_type);
            canonical.push('\n');
        }
        canonical.push_str("host:");
        canonical.push_str(&self.host_text);
        canonical.push_str("\nx-amz-date:");
        canonical.push_str(&date);
        canonical.push('\n');
        let signed = match json {
            Some((_, target)) => {
                canonical.push_str("x-amz-target:");
                canonical.push_str(target);
                canonical.push('\n');
                "content-type;host;x-amz-date;x-amz-target"
            }
            None => "host;x-amz-date",
        };
        canonical.push('\n');
        canonical.push_str(signed);
        canonical.push('\n');
        push_hex(
            &mut canonical,
            digest::digest(&digest::SHA256, body).as_ref(),
        );
        let scope = format!("{day}/{REGION}/{name}/aws4_request");
        let mut to_sign = String::with_capacity(160);
        to_sign.push_str("AWS4-HMAC-SHA256\n");
        to_sign.push_str(&date);
        to_sign.push('\n');
        to_sign.push_str(&scope);
        to_sign.push('\n');
        push_hex(
            &mut to_sign,
            digest::digest(&digest::SHA256, canonical.as_bytes()).as_ref(),
        );
        let mut key = slot.lock().expect("signing key");
        if key.as_ref().is_none_or(|key| key.day != day) {
            let derive = |key: &[u8], data: &str| {
                hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, key), data.as_bytes())
            };
            let k = derive(format!("AWS4{SECRET_KEY}").as_bytes(), day);
            let k = derive(k.as_ref(), REGION);
            let k = derive(k.as_ref(), name);
            let k = derive(k.as_ref(), "aws4_request");
            *key = Some(SigningKey {
                day: day.to_owned(),
                key: hmac::Key::new(hmac::HMAC_SHA256, k.as_ref()),
            });
        }
        let signature = hmac::sign(
            &key.as_ref().expect("derived above").key,
            to_sign.as_bytes(),
        );
        drop(key);
        let mut authorization = String::with_capacity(200);
        authorization.push_str("AWS4-HMAC-SHA256 Credential=");
        authorization.push_str(ACCESS_KEY);
        authorization.push('/');
        authorization.push_str(&scope);
        authorization.push_str(", SignedHeaders=");
        authorization.push_str(signed);
        authorization.push_str(", Signature=");
        push_hex(&mut authorization, signature.as_ref());
        (date, authorization)
    }

    /// The headers every request carries: host, the signature's two and the user agent,
    /// in a map with room for `capacity`.
    fn headers(&self, capacity: usize, date: &str, authorization: &str) -> HeaderMap {
        let mut headers = HeaderMap::with_capacity(capacity);
        headers.insert(HeaderName::from_static("host"), self.host.clone());
        headers.insert(
            HeaderName::from_static("x-amz-date"),
            HeaderValue::from_str(date).expect("date"),
        );
        headers.insert(
            HeaderName::from_static("authorization"),
            HeaderValue::from_str(authorization).expect("authorization"),
        );
        headers.insert(
            HeaderName::from_static("user-agent"),
            HeaderValue::from_static("typed-floor/0"),
        );
        headers
    }

    async fn send<I: Serialize, O: DeserializeOwned>(
        &self,
        service: usize,
        target: &'static str,
        input: &I,
    ) -> O {
        const CONTENT_TYPE: &str = "application/x-amz-json-1.0";
        let body = serde_json::to_vec(input).expect("encode");
        let (date, authorization) = self.sign(
            service,
            "POST",
            "/",
            "",
            Some((CONTENT_TYPE, target)),
            &body,
        );
        let mut headers = self.headers(6, &date, &authorization);
        headers.insert(
            HeaderName::from_static("content-type"),
            HeaderValue::from_static(CONTENT_TYPE),
        );
        headers.insert(
            HeaderName::from_static("x-amz-target"),
            HeaderValue::from_static(target),
        );
        let response = self
            .http
            .post(self.url.clone())
            .headers(headers)
            .body(body)
            .send()
            .await
            .expect("send");
        assert!(response.status().is_success(), "status");
        serde_json::from_slice(&response.bytes().await.expect("body")).expect("decode")
    }
}

/// An idempotency token: a version 4 UUID from the system's randomness, as awsjson's.
fn token() -> String {
    let mut bytes = [0u8; 16];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .expect("randomness");
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        push_hex(&mut out, &[*b]);
    }
    out
}

async fn call(ctx: &Ctx, i: usize) {
    match i % 4 {
        0 => {
            let input = CreateResourceSnapshotJob {
                client_token: Some(token()),
                catalog: "Sandbox".into(),
                engagement_identifier: "eng-abcdefghij1234".into(),
                resource_identifier: "O1234567".into(),
                resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
                resource_type: ResourceType::Opportunity,
                tags: Some(vec![Tag {
                    key: "team".into(),
                    value: "sales".into(),
                }]),
            };
            let out: CreateResourceSnapshotJobResponse = ctx
                .send(
                    0,
                    "AWSPartnerCentralSelling.CreateResourceSnapshotJob",
                    &input,
                )
                .await;
            black_box(out.id.expect("Id"));
        }
        1 => {
            let item = HashMap::from([
                ("pk".to_owned(), s("user#1")),
                ("sk".to_owned(), s("profile")),
                ("name".to_owned(), s("Ada Lovelace")), // BENCH-EDIT-CALL
                ("age".to_owned(), n("36")),
            ]);
            let input = PutItem {
                table_name: "bench".into(),
                item,
                condition_expression: None,
                return_consumed_capacity: Some("TOTAL".into()),
            };
            let out: PutItemOutput = ctx.send(1, "DynamoDB_20120810.PutItem", &input).await;
            black_box(out.consumed_capacity.expect("ConsumedCapacity"));
        }
        2 => {
            let input = GetItem {
                table_name: "bench".into(),
                key: HashMap::from([
                    ("pk".to_owned(), s("user#1")),
                    ("sk".to_owned(), s("profile")),
                ]),
                consistent_read: Some(true),
            };
            let out: GetItemOutput = ctx.send(1, "DynamoDB_20120810.GetItem", &input).await;
            black_box(out.item.expect("Item"));
        }
        _ => {
            let input = Query {
                table_name: "bench".into(),
                key_condition_expression: Some("pk = :pk".into()),
                expression_attribute_values: Some(HashMap::from([(":pk".to_owned(), s("user#1"))])),
                limit: Some(10),
            };
            let out: QueryOutput = ctx.send(1, "DynamoDB_20120810.Query", &input).await;
            assert_eq!(out.items.expect("Items").len(), 3);
        }
    }
}

async fn call_rest_json(ctx: &Ctx, _: usize) {
    let function_name = String::from("bench-fn");
    let qualifier = Some(String::from("live"));
    let mut url = ctx.get_function_url.clone();
    url.set_path(&format!("/2015-03-31/functions/{function_name}"));
    if let Some(qualifier) = &qualifier {
        url.set_query(Some(&format!("Qualifier={qualifier}")));
    }
    let (date, authorization) =
        ctx.sign(2, "GET", url.path(), url.query().unwrap_or(""), None, b"");
    let headers = ctx.headers(4, &date, &authorization);
    let response = ctx
        .http
        .get(url)
        .headers(headers)
        .send()
        .await
        .expect("send");
    assert!(response.status().is_success(), "status");
    let out: GetFunctionResponse =
        serde_json::from_slice(&response.bytes().await.expect("body")).expect("decode");
    let configuration = out.configuration.expect("Configuration");
    assert_eq!(configuration.memory_size, Some(256));
    black_box((configuration, out.code, out.tags));
}
