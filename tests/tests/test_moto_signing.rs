//! moto, with signature checking on, verifies every request awsjson signs, and its
//! rejections (an XML body even for JSON services) come back as service errors with
//! moto's code and message.

use awsjson::{Credentials, Error, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(target = "DynamoDB_20120810.ListTables", output = ListTablesOutput)]
struct ListTables {
    limit: Option<i32>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ListTablesOutput {
    table_names: Option<Vec<String>>,
}

#[tokio::test]
async fn the_right_key_is_accepted() {
    let out = ListTables { limit: Some(1) }
        .send(&moto::client())
        .await
        .unwrap();
    assert!(out.table_names.is_some_and(|names| names.len() <= 1));
}

#[tokio::test]
async fn a_wrong_secret_is_signature_does_not_match() {
    let moto = moto::moto();
    let wrong = Credentials::new(moto.credentials.access_key_id(), "not-the-secret", None);
    let err = ListTables { limit: None }
        .send(&moto::client_with(&moto.url, wrong))
        .await
        .unwrap_err();
    let Error::Service(err) = &err else {
        panic!("expected a service error, got {err}")
    };
    assert_eq!(err.code(), "SignatureDoesNotMatch");
    assert_eq!(err.status(), 403);
    assert!(
        err.message()
            .is_some_and(|m| m.starts_with("The request signature we calculated")),
        "{err}"
    );
}

#[tokio::test]
async fn an_unknown_key_is_invalid_client_token_id() {
    let moto = moto::moto();
    let unknown = Credentials::new("AKIAUNKNOWNKEY000000", "whatever", None);
    let err = ListTables { limit: None }
        .send(&moto::client_with(&moto.url, unknown))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("InvalidClientTokenId"), "{err}");
    assert!(err.to_string().contains("HTTP 403"), "{err}");
}

// An operation DynamoDB does not have, declared with every metadata key so that no
// catalog of known operations stands in the way of sending it.
#[aws_json_operation(
    target = "DynamoDB_20120810.FooBar",
    json_version = "1.0",
    signing_name = "dynamodb",
    endpoint_prefix = "dynamodb"
)]
struct FooBar {}

#[tokio::test]
async fn an_html_500_page_is_a_decode_error_naming_status_and_body() {
    let err = FooBar {}.send(&moto::client()).await.unwrap_err();
    let Error::Decode(decode) = &err else {
        panic!("expected a decode error, got {err}")
    };
    assert_eq!(decode.status(), 500);
    let text = err.to_string();
    assert!(
        text.contains("HTTP 500") && text.contains("text/html") && text.contains("<!doctype html>"),
        "{text}"
    );
}

#[tokio::test]
async fn calls_in_a_row_and_at_once_survive_connection_close() {
    // moto (Werkzeug) closes the connection after every response: the client's pool
    // must never hand out one of those connections again.
    let client = moto::client();
    for _ in 0..20 {
        ListTables { limit: Some(1) }.send(&client).await.unwrap();
    }
    let calls: Vec<_> = (0..20)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { ListTables { limit: Some(1) }.send(&client).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
}

// A restJson1 GET without a body or query string: moto's own check rebuilt such
// requests wrongly (scripts/moto_server.py fixes it); these two show that the fixed
// check accepts the right signature and still refuses a wrong one.
#[aws_json_operation(operation = "lambda#GetFunction", errors(ResourceNotFoundException))]
struct GetFunction {
    function_name: String,
}

#[aws_json_shape(shape = "lambda#ResourceNotFoundException")]
#[derive(Debug)]
struct ResourceNotFoundException {
    message: Option<String>,
}

#[tokio::test]
async fn a_bodiless_get_is_checked_too() {
    let name = moto::unique("no-such-function");
    // The right key: past the signature check, to Lambda's own answer.
    let err = GetFunction {
        function_name: name.clone(),
    }
    .send(&moto::client())
    .await
    .unwrap_err();
    assert!(
        matches!(
            err.service_error().map(|e| e.err()),
            Some(GetFunctionError::ResourceNotFoundException(_))
        ),
        "{err:?}"
    );
    let moto = moto::moto();
    let wrong = Credentials::new(moto.credentials.access_key_id(), "not-the-secret", None);
    let err = GetFunction {
        function_name: name,
    }
    .send(&moto::client_with(&moto.url, wrong))
    .await
    .unwrap_err();
    assert_eq!(err.code(), Some("SignatureDoesNotMatch"), "{err}");
}
