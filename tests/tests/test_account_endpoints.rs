//! Account- and ARN-based endpoints on the path `send` takes: DynamoDB's
//! `https://{account}.ddb.{region}.amazonaws.com` from the credentials' account id
//! (`AWS_ACCOUNT_ID`, a profile's `aws_account_id`) under `AWS_ACCOUNT_ID_ENDPOINT_MODE`,
//! and Kinesis' `{account}.control-kinesis` / `data-kinesis` hosts from a `StreamARN`
//! input member and the operation's `OperationType`.

use awsjson::{AccountIdEndpointMode, Client, Credentials, aws_json_operation};
use awsjson_tests::env::{base_vars, env_of};
use awsjson_tests::temp_dir::TempDir;

#[aws_json_operation(target = "DynamoDB_20120810.ListTables")]
struct ListTables {}

#[aws_json_operation(target = "DynamoDB_20120810.DescribeTable")]
struct DescribeTable {
    table_name: String,
}

#[aws_json_operation(target = "Kinesis_20131202.DescribeStreamSummary")]
struct DescribeStreamSummary {
    stream_arn: Option<String>,
    stream_name: Option<String>,
}

#[aws_json_operation(target = "Kinesis_20131202.GetRecords")]
struct GetRecords {
    shard_iterator: String,
    stream_arn: Option<String>,
}

fn client(credentials: Credentials, mode: Option<AccountIdEndpointMode>) -> Client {
    let mut builder = Client::builder()
        .region("us-east-1")
        .credentials(credentials);
    if let Some(mode) = mode {
        builder = builder.account_id_endpoint_mode(mode);
    }
    builder.build().unwrap()
}

fn with_account() -> Credentials {
    Credentials::new("AKID", "SECRET", None).with_account_id("111122223333")
}

#[tokio::test]
async fn dynamodb_goes_to_the_account_endpoint_when_the_credentials_name_one() {
    let request = client(with_account(), None)
        .build_request(&ListTables {})
        .await
        .unwrap();
    assert_eq!(
        request.url,
        "https://111122223333.ddb.us-east-1.amazonaws.com/"
    );
    // Without an account id, or with the mode `disabled`, the regional endpoint.
    let plain = Credentials::new("AKID", "SECRET", None);
    let request = client(plain.clone(), None)
        .build_request(&ListTables {})
        .await
        .unwrap();
    assert_eq!(request.url, "https://dynamodb.us-east-1.amazonaws.com/");
    let request = client(with_account(), Some(AccountIdEndpointMode::Disabled))
        .build_request(&ListTables {})
        .await
        .unwrap();
    assert_eq!(request.url, "https://dynamodb.us-east-1.amazonaws.com/");
    // `required` without an account id is the rules' error, before anything is sent.
    let err = client(plain, Some(AccountIdEndpointMode::Required))
        .build_request(&ListTables {})
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("AccountIdEndpointMode is required"), "{err}");
}

#[tokio::test]
async fn a_table_arn_chooses_its_own_account() {
    let client = client(with_account(), None);
    let by_arn = DescribeTable {
        table_name: "arn:aws:dynamodb:us-east-1:444455556666:table/orders".into(),
    };
    let request = client.build_request(&by_arn).await.unwrap();
    assert_eq!(
        request.url,
        "https://444455556666.ddb.us-east-1.amazonaws.com/"
    );
    let by_name = DescribeTable {
        table_name: "orders".into(),
    };
    let request = client.build_request(&by_name).await.unwrap();
    assert_eq!(
        request.url,
        "https://111122223333.ddb.us-east-1.amazonaws.com/"
    );
}

#[tokio::test]
async fn account_id_and_mode_come_from_the_environment_and_profile() {
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "[default]\nregion = us-east-1\naws_access_key_id = AKID\naws_secret_access_key = S\n\
         aws_account_id = 777788889999\n\n[profile off]\nregion = us-east-1\n\
         aws_access_key_id = AKID\naws_secret_access_key = S\naws_account_id = 777788889999\n\
         account_id_endpoint_mode = disabled\n",
    );
    let vars = base_vars(&home);
    let url = |vars: Vec<(String, String)>| async move {
        let client = awsjson::ClientBuilder::from_env(&env_of(&vars))
            .await
            .map_err(|e| e.to_string())?
            .build()
            .map_err(|e| e.to_string())?;
        client
            .build_request(&ListTables {})
            .await
            .map(|r| r.url)
            .map_err(|e| e.to_string())
    };
    assert_eq!(
        url(vars.clone()).await.unwrap(),
        "https://777788889999.ddb.us-east-1.amazonaws.com/"
    );
    let mut off = vars.clone();
    off.push(("AWS_PROFILE".into(), "off".into()));
    assert_eq!(
        url(off).await.unwrap(),
        "https://dynamodb.us-east-1.amazonaws.com/"
    );
    let mut env = vars.clone();
    env.extend([
        ("AWS_ACCESS_KEY_ID".into(), "AKID".into()),
        ("AWS_SECRET_ACCESS_KEY".into(), "S".into()),
        ("AWS_ACCOUNT_ID".into(), "123456789012".into()),
    ]);
    assert_eq!(
        url(env.clone()).await.unwrap(),
        "https://123456789012.ddb.us-east-1.amazonaws.com/"
    );
    env.push(("AWS_ACCOUNT_ID_ENDPOINT_MODE".into(), "sometimes".into()));
    let err = url(env).await.unwrap_err();
    assert!(
        err.contains("AWS_ACCOUNT_ID_ENDPOINT_MODE") && err.contains("`preferred`"),
        "{err}"
    );
}

#[tokio::test]
async fn kinesis_stream_arns_choose_control_and_data_hosts() {
    let client = client(Credentials::new("AKID", "SECRET", None), None);
    let arn = "arn:aws:kinesis:us-east-1:123456789012:stream/orders";
    let control = DescribeStreamSummary {
        stream_arn: Some(arn.into()),
        stream_name: None,
    };
    let request = client.build_request(&control).await.unwrap();
    assert_eq!(
        request.url,
        "https://123456789012.control-kinesis.us-east-1.amazonaws.com/"
    );
    let data = GetRecords {
        shard_iterator: "AAAA".into(),
        stream_arn: Some(arn.into()),
    };
    let request = client.build_request(&data).await.unwrap();
    assert_eq!(
        request.url,
        "https://123456789012.data-kinesis.us-east-1.amazonaws.com/"
    );
    // By name, the regional endpoint; the cache keeps the two apart.
    let by_name = DescribeStreamSummary {
        stream_arn: None,
        stream_name: Some("orders".into()),
    };
    let request = client.build_request(&by_name).await.unwrap();
    assert_eq!(request.url, "https://kinesis.us-east-1.amazonaws.com/");
    let request = client.build_request(&control).await.unwrap();
    assert_eq!(
        request.url,
        "https://123456789012.control-kinesis.us-east-1.amazonaws.com/"
    );
}

#[aws_json_operation(target = "DynamoDB_20120810.BatchGetItem")]
struct BatchGetItem {
    request_items: std::collections::HashMap<String, KeysAndAttributes>,
}

#[awsjson::aws_json_shape]
struct KeysAndAttributes {
    keys: Vec<std::collections::HashMap<String, awsjson::Document>>,
}

#[tokio::test]
async fn a_batch_of_table_arns_chooses_their_account() {
    let client = client(with_account(), None);
    let arn = "arn:aws:dynamodb:us-east-1:444455556666:table/orders";
    let batch = BatchGetItem {
        request_items: [(arn.to_owned(), KeysAndAttributes { keys: Vec::new() })].into(),
    };
    let request = client.build_request(&batch).await.unwrap();
    assert_eq!(
        request.url,
        "https://444455556666.ddb.us-east-1.amazonaws.com/"
    );
    let batch = BatchGetItem {
        request_items: [("orders".to_owned(), KeysAndAttributes { keys: Vec::new() })].into(),
    };
    let request = client.build_request(&batch).await.unwrap();
    assert_eq!(
        request.url,
        "https://111122223333.ddb.us-east-1.amazonaws.com/"
    );
}
