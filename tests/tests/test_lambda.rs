//! Lambda (restJson1) against moto: a function's life from CreateFunction to
//! DeleteFunction through its configuration, versions, aliases, concurrency, tags and a
//! dry-run invocation. URI labels (an ARN's `:` escaped), query strings (a list for
//! UntagResource), a request header (`X-Amz-Invocation-Type`), the response code bound
//! to `StatusCode`, and errors named by `X-Amzn-ErrorType`.

use std::collections::HashMap;

use awsjson::{Blob, Client, aws_json_operation, aws_json_shape};
use awsjson_examples::lambda::*;
use awsjson_tests::moto;

/// The execution role scripts/moto_setup.py creates (moto checks that it exists).
const ROLE: &str = "arn:aws:iam::123456789012:role/awsjson-lambda";

#[aws_json_operation(
    operation = "lambda#GetFunctionConfiguration",
    output = FunctionConfiguration,
    errors(ResourceNotFoundException),
)]
struct GetFunctionConfiguration {
    function_name: String,
    qualifier: Option<String>,
}

#[aws_json_operation(
    operation = "lambda#UpdateFunctionConfiguration",
    output = FunctionConfiguration,
    errors(ResourceNotFoundException, ResourceConflictException),
)]
#[derive(Default)]
struct UpdateFunctionConfiguration {
    function_name: String,
    description: Option<String>,
    memory_size: Option<i32>,
    environment: Option<Environment>,
}

#[aws_json_operation(
    operation = "lambda#PublishVersion",
    output = FunctionConfiguration,
    errors(ResourceNotFoundException),
)]
struct PublishVersion {
    function_name: String,
    description: Option<String>,
}

#[aws_json_operation(
    operation = "lambda#ListVersionsByFunction",
    output = ListVersionsByFunctionResponse,
    errors(ResourceNotFoundException),
)]
struct ListVersionsByFunction {
    function_name: String,
    max_items: Option<i32>,
}

#[aws_json_shape(shape = "lambda#ListVersionsByFunctionResponse")]
#[derive(Debug)]
struct ListVersionsByFunctionResponse {
    versions: Option<Vec<FunctionConfiguration>>,
}

#[aws_json_operation(
    operation = "lambda#CreateAlias",
    output = AliasConfiguration,
    errors(ResourceNotFoundException, ResourceConflictException),
)]
struct CreateAlias {
    function_name: String,
    name: String,
    function_version: String,
    description: Option<String>,
}

#[aws_json_operation(
    operation = "lambda#GetAlias",
    output = AliasConfiguration,
    errors(ResourceNotFoundException),
)]
struct GetAlias {
    function_name: String,
    name: String,
}

#[aws_json_operation(operation = "lambda#DeleteAlias", errors(ResourceNotFoundException))]
struct DeleteAlias {
    function_name: String,
    name: String,
}

#[aws_json_shape(shape = "lambda#AliasConfiguration")]
#[derive(Debug)]
struct AliasConfiguration {
    alias_arn: Option<String>,
    name: Option<String>,
    function_version: Option<String>,
    description: Option<String>,
}

#[aws_json_operation(operation = "lambda#TagResource", errors(ResourceNotFoundException))]
struct TagResource {
    resource: String,
    tags: HashMap<String, String>,
}

#[aws_json_operation(
    operation = "lambda#ListTags",
    output = ListTagsResponse,
    errors(ResourceNotFoundException),
)]
struct ListTags {
    /// The function's ARN, a URI label: its `:` travel as `%3A`.
    resource: String,
}

#[aws_json_shape(shape = "lambda#ListTagsResponse")]
#[derive(Debug)]
struct ListTagsResponse {
    tags: Option<HashMap<String, String>>,
}

#[aws_json_operation(operation = "lambda#UntagResource", errors(ResourceNotFoundException))]
struct UntagResource {
    resource: String,
    /// A query list: `?tagKeys=a&tagKeys=b`.
    tag_keys: Vec<String>,
}

#[aws_json_operation(
    operation = "lambda#PutFunctionConcurrency",
    output = Concurrency,
    errors(ResourceNotFoundException),
)]
struct PutFunctionConcurrency {
    function_name: String,
    reserved_concurrent_executions: i32,
}

#[aws_json_shape(shape = "lambda#Concurrency")]
#[derive(Debug)]
struct Concurrency {
    reserved_concurrent_executions: Option<i32>,
}

#[aws_json_operation(
    operation = "lambda#GetFunctionConcurrency",
    output = GetFunctionConcurrencyResponse,
    errors(ResourceNotFoundException),
)]
struct GetFunctionConcurrency {
    function_name: String,
}

#[aws_json_shape(shape = "lambda#GetFunctionConcurrencyResponse")]
#[derive(Debug)]
struct GetFunctionConcurrencyResponse {
    reserved_concurrent_executions: Option<i32>,
}

#[aws_json_operation(
    operation = "lambda#Invoke",
    output = InvocationResponse,
    errors(ResourceNotFoundException, InvalidParameterValueException),
)]
struct Invoke {
    function_name: String,
    /// The header `X-Amz-Invocation-Type`.
    invocation_type: Option<String>,
    payload: Option<Blob>,
}

#[aws_json_shape(shape = "lambda#InvocationResponse")]
#[derive(Debug)]
struct InvocationResponse {
    /// The response code.
    status_code: Option<i32>,
    payload: Option<Blob>,
}

const HANDLER: &[u8] = b"def handler(event, context):\n    return event\n";

async fn create(client: &Client, name: &str) -> FunctionConfiguration {
    CreateFunction {
        function_name: name.to_owned(),
        runtime: Some("python3.12".into()),
        role: ROLE.into(),
        handler: Some("index.handler".into()),
        code: FunctionCode {
            zip_file: Some(Blob::new(zip_one_file("index.py", HANDLER))),
        },
        description: Some("awsjson's restJson1 test".into()),
        timeout: Some(7),
        memory_size: Some(192),
        environment: Some(Environment {
            variables: Some(HashMap::from([("STAGE".into(), "test".into())])),
        }),
        tags: Some(HashMap::from([
            ("team".into(), "awsjson".into()),
            ("tier".into(), "test".into()),
        ])),
    }
    .send(client)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_function_from_creation_to_deletion() {
    let client = moto::client();
    let name = moto::unique("fn");
    let created = create(&client, &name).await;
    assert_eq!(created.function_name.as_deref(), Some(name.as_str()));
    let arn = created.function_arn.clone().unwrap();
    assert_eq!(
        arn,
        format!("arn:aws:lambda:us-east-1:123456789012:function:{name}")
    );
    assert_eq!(created.runtime.as_deref(), Some("python3.12"));
    assert_eq!(created.role.as_deref(), Some(ROLE));
    assert_eq!((created.timeout, created.memory_size), (Some(7), Some(192)));
    let zip = zip_one_file("index.py", HANDLER);
    assert_eq!(created.code_size, Some(zip.len() as i64));

    // The same function again: ResourceConflictException.
    let again = CreateFunction {
        function_name: name.clone(),
        role: ROLE.into(),
        code: FunctionCode {
            zip_file: Some(Blob::new(zip)),
        },
        ..CreateFunction::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = again.service_error().unwrap();
    assert!(
        matches!(
            service.err(),
            CreateFunctionError::ResourceConflictException(_)
        ),
        "{again:?}"
    );
    assert_eq!(service.status(), 409);

    // By its full ARN, a label whose `:` must be escaped (and signed escaped twice).
    let got = GetFunction {
        function_name: arn.clone(),
        qualifier: None,
    }
    .send(&client)
    .await
    .unwrap();
    let configuration = got.configuration.unwrap();
    assert_eq!(configuration.function_name.as_deref(), Some(name.as_str()));
    assert_eq!(
        configuration
            .environment
            .and_then(|e| e.variables)
            .unwrap_or_default()
            .get("STAGE")
            .map(String::as_str),
        Some("test")
    );
    assert_eq!(got.tags.unwrap().len(), 2);
    assert!(got.code.unwrap().location.is_some());

    let updated = UpdateFunctionConfiguration {
        function_name: name.clone(),
        description: Some("updated".into()),
        memory_size: Some(256),
        ..UpdateFunctionConfiguration::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(updated.memory_size, Some(256));
    let read = GetFunctionConfiguration {
        function_name: name.clone(),
        qualifier: None,
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(read.description.as_deref(), Some("updated"));
    assert_eq!(read.memory_size, Some(256));

    // Versions and an alias on version 1.
    let v1 = PublishVersion {
        function_name: name.clone(),
        description: Some("first".into()),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(v1.version.as_deref(), Some("1"));
    let versions = ListVersionsByFunction {
        function_name: name.clone(),
        max_items: Some(10),
    }
    .send(&client)
    .await
    .unwrap()
    .versions
    .unwrap();
    let listed: Vec<_> = versions
        .iter()
        .filter_map(|v| v.version.as_deref())
        .collect();
    assert_eq!(listed, ["$LATEST", "1"]);
    let alias = CreateAlias {
        function_name: name.clone(),
        name: "live".into(),
        function_version: "1".into(),
        description: Some("what users call".into()),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(alias.alias_arn, Some(format!("{arn}:live")));
    let alias = GetAlias {
        function_name: name.clone(),
        name: "live".into(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(
        (alias.name.as_deref(), alias.function_version.as_deref()),
        (Some("live"), Some("1"))
    );
    assert_eq!(alias.description.as_deref(), Some("what users call"));
    // GetFunction of the alias: `Qualifier` in the query string.
    let qualified = GetFunction {
        function_name: name.clone(),
        qualifier: Some("live".into()),
    }
    .send(&client)
    .await
    .unwrap()
    .configuration
    .unwrap();
    // moto answers the ARN of the version the alias points to.
    assert_eq!(qualified.function_arn, Some(format!("{arn}:1")));
    DeleteAlias {
        function_name: name.clone(),
        name: "live".into(),
    }
    .send(&client)
    .await
    .unwrap();
    let gone = GetAlias {
        function_name: name.clone(),
        name: "live".into(),
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            gone.service_error().map(|e| e.err()),
            Some(GetAliasError::ResourceNotFoundException(_))
        ),
        "{gone:?}"
    );

    let put = PutFunctionConcurrency {
        function_name: name.clone(),
        reserved_concurrent_executions: 5,
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(put.reserved_concurrent_executions, Some(5));
    let concurrency = GetFunctionConcurrency {
        function_name: name.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(concurrency.reserved_concurrent_executions, Some(5));

    // The invocation type travels as a header; moto answers a dry run 204, a call
    // that is queued 202: the status lands in `StatusCode`.
    for (kind, status) in [("DryRun", 204), ("Event", 202)] {
        let invoked = Invoke {
            function_name: name.clone(),
            invocation_type: Some(kind.into()),
            payload: Some(Blob::new(b"{\"ping\":1}".to_vec())),
        }
        .send(&client)
        .await
        .unwrap();
        assert_eq!(invoked.status_code, Some(status), "{kind}");
    }

    let deleted = DeleteFunction {
        function_name: name.clone(),
        qualifier: None,
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(deleted.status_code, Some(204));
    let missing = GetFunction {
        function_name: name.clone(),
        qualifier: None,
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = missing.service_error().unwrap();
    assert!(
        matches!(
            service.err(),
            GetFunctionError::ResourceNotFoundException(_)
        ),
        "{missing:?}"
    );
    assert_eq!(service.status(), 404);
    assert_eq!(
        service.message(),
        Some(format!("Function not found: {arn}").as_str())
    );
}

#[tokio::test]
async fn tags_by_arn_and_a_query_list_of_keys() {
    let client = moto::client();
    let name = moto::unique("fn-tags");
    let arn = create(&client, &name).await.function_arn.unwrap();
    let tags = |client: &Client| {
        let resource = arn.clone();
        let client = client.clone();
        async move {
            ListTags { resource }
                .send(&client)
                .await
                .unwrap()
                .tags
                .unwrap_or_default()
        }
    };
    assert_eq!(
        tags(&client).await,
        HashMap::from([
            ("team".into(), "awsjson".into()),
            ("tier".into(), "test".into())
        ])
    );
    TagResource {
        resource: arn.clone(),
        tags: HashMap::from([
            ("owner".into(), "rj moto".into()),
            ("cost/center".into(), "42".into()),
        ]),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(tags(&client).await.len(), 4);
    // Two keys in one query list, one of them with a `/` and one absent.
    UntagResource {
        resource: arn.clone(),
        tag_keys: vec!["team".into(), "cost/center".into(), "nope".into()],
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(
        tags(&client).await,
        HashMap::from([
            ("tier".into(), "test".into()),
            ("owner".into(), "rj moto".into())
        ])
    );
    DeleteFunction {
        function_name: arn,
        qualifier: None,
    }
    .send(&client)
    .await
    .unwrap();
}

#[tokio::test]
async fn list_functions_follows_next_marker() {
    // A region of its own: the listing sees only this test's functions.
    let client = moto::client_in("eu-west-3");
    let mut names = Vec::new();
    for _ in 0..3 {
        let name = moto::unique("fn-list");
        CreateFunction {
            function_name: name.clone(),
            runtime: Some("python3.12".into()),
            role: ROLE.into(),
            handler: Some("index.handler".into()),
            code: FunctionCode {
                zip_file: Some(Blob::new(zip_one_file("index.py", HANDLER))),
            },
            ..CreateFunction::default()
        }
        .send(&client)
        .await
        .unwrap();
        names.push(name);
    }
    let mut seen = Vec::new();
    let mut marker = None;
    let mut pages = 0;
    loop {
        let page = ListFunctions {
            marker: marker.take(),
            max_items: Some(2),
        }
        .send(&client)
        .await
        .unwrap();
        pages += 1;
        let functions = page.functions.unwrap_or_default();
        seen.extend(functions.into_iter().filter_map(|f| f.function_name));
        match page.next_marker {
            Some(next) => marker = Some(next),
            None => break,
        }
        assert!(pages < 10, "ListFunctions does not end");
    }
    seen.sort();
    names.sort();
    assert_eq!(seen, names);
    // moto 5.2.5 ignores MaxItems: every function in one page, no NextMarker (AWS
    // would answer two pages). The loop above follows the marker either way.
    assert_eq!(pages, 1);
    for name in names {
        DeleteFunction {
            function_name: name,
            qualifier: None,
        }
        .send(&client)
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn a_role_moto_does_not_know_is_a_modeled_error() {
    let client = moto::client();
    let err = CreateFunction {
        function_name: moto::unique("fn-role"),
        role: "arn:aws:iam::123456789012:role/no-such-role".into(),
        code: FunctionCode {
            zip_file: Some(Blob::new(zip_one_file("index.py", HANDLER))),
        },
        ..CreateFunction::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = err.service_error().unwrap();
    assert!(
        matches!(
            service.err(),
            CreateFunctionError::InvalidParameterValueException(_)
        ),
        "{err:?}"
    );
    assert_eq!(
        service.message(),
        Some("The role defined for the function cannot be assumed by Lambda.")
    );
}
