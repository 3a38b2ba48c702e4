//! restJson1 operations declared from the catalog (`operation = "<service>#<Op>"`,
//! shapes with `shape = "<service>#<Shape>"`), with no binding attribute: the model
//! says where each member goes, end to end against the loopback server. The expected
//! requests are written out by hand from the models (Lambda's `Invoke` binds
//! `FunctionName` to its URI, `InvocationType` to `X-Amz-Invocation-Type`, `Qualifier`
//! to the query, `Payload` to the body).

// Declarations as a user writes them, undocumented.
#![allow(missing_docs)]

use awsjson::{Blob, Error, aws_json_operation, aws_json_shape};
use awsjson_tests::server::{Reply, Server};

#[aws_json_operation(
    operation = "lambda#Invoke",
    output = InvocationResponse,
    errors(ResourceNotFoundException)
)]
pub struct Invoke {
    pub function_name: String,
    pub invocation_type: Option<String>,
    pub qualifier: Option<String>,
    pub payload: Option<Blob>,
}

#[aws_json_shape(shape = "lambda#InvocationResponse")]
#[derive(Debug)]
pub struct InvocationResponse {
    pub status_code: Option<i32>,
    pub function_error: Option<String>,
    pub executed_version: Option<String>,
    pub payload: Option<Blob>,
}

#[aws_json_shape(shape = "lambda#ResourceNotFoundException")]
#[derive(Debug)]
pub struct ResourceNotFoundException {
    pub r#type: Option<String>,
    pub message: Option<String>,
}

// An output declared without `shape = ...` states its bindings, which the operation
// checks against the model's at compile time (a header's case aside).
#[aws_json_shape]
#[derive(Debug)]
pub struct StatedInvokeOutput {
    #[aws(response_code)]
    pub status_code: i32,
    #[aws(header = "x-amz-function-error")]
    pub function_error: Option<String>,
    #[aws(payload, sensitive)]
    pub payload: Option<Blob>,
}

#[aws_json_operation(operation = "lambda#Invoke", output = StatedInvokeOutput)]
pub struct InvokeStated {
    pub function_name: String,
}

#[aws_json_operation(operation = "lambda#ListFunctions")]
pub struct ListFunctions {
    pub marker: Option<String>,
    pub max_items: Option<i32>,
}

// A token bound to the query string, left to awsjson.
#[aws_json_operation(operation = "accessanalyzer#DeleteAnalyzer")]
pub struct DeleteAnalyzer {
    pub analyzer_name: String,
}

// Body members under their `jsonName` (API Gateway's lower camel case), a label.
#[aws_json_operation(operation = "apigateway#UpdateRestApi")]
pub struct UpdateRestApi {
    pub rest_api_id: String,
    pub patch_operations: Option<Vec<PatchOperation>>,
}

#[aws_json_shape(shape = "apigateway#PatchOperation")]
#[derive(Debug)]
pub struct PatchOperation {
    pub op: Option<String>,
    pub path: Option<String>,
    pub value: Option<String>,
}

#[tokio::test]
async fn invoke_binds_each_member_where_the_model_says() {
    let server = Server::start(
        Vec::new(),
        Reply::raw(200, "application/json", br#"{"ok":true}"#.to_vec())
            .with_header("X-Amz-Function-Error", "Unhandled")
            .with_header("X-Amz-Executed-Version", "$LATEST")
            .into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let out = Invoke {
        function_name: "my function".into(),
        invocation_type: Some("RequestResponse".into()),
        qualifier: Some("prod".into()),
        payload: Some(Blob::new(br#"{"n":1}"#.to_vec())),
    }
    .send(&client)
    .await
    .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.path,
        "/2015-03-31/functions/my%20function/invocations?Qualifier=prod"
    );
    assert_eq!(
        request.header("x-amz-invocation-type"),
        Some("RequestResponse")
    );
    assert_eq!(request.body, br#"{"n":1}"#);
    assert_eq!(
        request.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(request.header("x-amz-target"), None);
    let authorization = request.header("authorization").unwrap();
    assert!(
        authorization.contains("/us-east-1/lambda/aws4_request"),
        "{authorization}"
    );
    assert_eq!(out.status_code, Some(200));
    assert_eq!(out.function_error.as_deref(), Some("Unhandled"));
    assert_eq!(out.executed_version.as_deref(), Some("$LATEST"));
    assert_eq!(out.payload, Some(Blob::new(br#"{"ok":true}"#.to_vec())));
}

#[tokio::test]
async fn a_modeled_error_is_chosen_by_x_amzn_errortype() {
    let server = Server::start(
        Vec::new(),
        Reply::json(404, r#"{"Type":"User","message":"Function not found"}"#)
            .with_header("X-Amzn-ErrorType", "ResourceNotFoundException")
            .into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let err = Invoke {
        function_name: "nope".into(),
        invocation_type: None,
        qualifier: None,
        payload: None,
    }
    .send(&client)
    .await
    .unwrap_err();
    let Error::Service(err) = err else {
        panic!("expected a service error, got {err:?}");
    };
    let InvokeError::ResourceNotFoundException(e) = err.err() else {
        panic!("expected ResourceNotFoundException, got {:?}", err.err());
    };
    assert_eq!(e.message.as_deref(), Some("Function not found"));
    assert_eq!(e.r#type.as_deref(), Some("User"));
}

#[tokio::test]
async fn a_query_token_is_sent_when_no_field_holds_it() {
    let server = Server::start(Vec::new(), Reply::json(200, "").into())
        .await
        .unwrap();
    let client = server.client_builder().build().unwrap();
    DeleteAnalyzer {
        analyzer_name: "a".into(),
    }
    .send(&client)
    .await
    .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.method, "DELETE");
    let (path, token) = request.path.split_once("?clientToken=").unwrap();
    assert_eq!(path, "/analyzer/a");
    assert_eq!(token.len(), 36, "a UUID: {token}");
    assert!(request.body.is_empty());
    assert_eq!(request.header("content-type"), None);
}

#[tokio::test]
async fn body_members_go_under_their_json_names() {
    let server = Server::start(Vec::new(), Reply::json(200, "{}").into())
        .await
        .unwrap();
    let client = server.client_builder().build().unwrap();
    UpdateRestApi {
        rest_api_id: "abc".into(),
        patch_operations: Some(vec![PatchOperation {
            op: Some("replace".into()),
            path: Some("/name".into()),
            value: Some("n".into()),
        }]),
    }
    .send(&client)
    .await
    .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.method, "PATCH");
    assert_eq!(request.path, "/restapis/abc");
    assert_eq!(
        request.json(),
        serde_json::json!({"patchOperations": [{"op": "replace", "path": "/name", "value": "n"}]})
    );
}

#[tokio::test]
async fn the_endpoint_comes_from_the_catalog() {
    let client = awsjson::Client::builder()
        .region("eu-west-1")
        .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
        .build()
        .unwrap();
    let request = client
        .build_request(&ListFunctions {
            marker: None,
            max_items: Some(10),
        })
        .await
        .unwrap();
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.url,
        "https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions?MaxItems=10"
    );
}

#[tokio::test]
async fn an_output_with_stated_bindings_decodes_as_the_model_says() {
    let server = Server::start(
        Vec::new(),
        Reply::raw(202, "application/json", b"[]".to_vec())
            .with_header("X-Amz-Function-Error", "Handled")
            .into(),
    )
    .await
    .unwrap();
    let client = server.client_builder().build().unwrap();
    let out = InvokeStated {
        function_name: "f".into(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(out.status_code, 202);
    assert_eq!(out.function_error.as_deref(), Some("Handled"));
    assert_eq!(out.payload, Some(Blob::new(b"[]".to_vec())));
}
