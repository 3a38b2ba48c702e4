//! SSM Parameter Store against moto: string enums, versions, timestamps, the
//! (Names under `/aws…` are reserved, hence `/app/`.)
//! GetParametersByPath paginator and ParameterNotFound / ParameterAlreadyExists.

use awsjson::{DateTime, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
enum ParameterType {
    String,
    StringList,
    SecureString,
}

#[aws_json_operation(
    target = "AmazonSSM.PutParameter",
    output = PutParameterResult,
    errors(ParameterAlreadyExists),
)]
#[derive(Default)]
struct PutParameter {
    name: String,
    value: String,
    #[aws(rename = "Type")]
    parameter_type: Option<ParameterType>,
    description: Option<String>,
    overwrite: Option<bool>,
}

#[aws_json_shape]
#[derive(Debug)]
struct PutParameterResult {
    version: Option<i64>,
}

#[aws_json_operation(
    target = "AmazonSSM.GetParameter",
    output = GetParameterResult,
    errors(ParameterNotFound),
)]
struct GetParameter {
    name: String,
    with_decryption: Option<bool>,
}

#[aws_json_shape]
#[derive(Debug)]
struct GetParameterResult {
    parameter: Option<Parameter>,
}

#[aws_json_shape]
#[derive(Debug)]
struct Parameter {
    name: Option<String>,
    #[aws(rename = "Type")]
    parameter_type: Option<ParameterType>,
    value: Option<String>,
    version: Option<i64>,
    last_modified_date: Option<DateTime>,
    #[aws(rename = "ARN")]
    arn: Option<String>,
}

#[aws_json_operation(
    target = "AmazonSSM.GetParametersByPath",
    output = GetParametersByPathResult,
    paginate(
        input_token = next_token,
        output_token = next_token,
        page_size = max_results,
        items = parameters: Parameter,
    ),
)]
#[derive(Default)]
struct GetParametersByPath {
    path: String,
    recursive: Option<bool>,
    with_decryption: Option<bool>,
    max_results: Option<i32>,
    next_token: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct GetParametersByPathResult {
    parameters: Option<Vec<Parameter>>,
    next_token: Option<String>,
}

#[aws_json_operation(
    target = "AmazonSSM.DeleteParameter",
    output = DeleteParameterResult,
    errors(ParameterNotFound),
)]
struct DeleteParameter {
    name: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct DeleteParameterResult {}

#[aws_json_shape]
#[derive(Debug)]
struct ParameterNotFound {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ParameterAlreadyExists {
    message: Option<String>,
}

#[tokio::test]
async fn parameters_put_get_overwrite_delete() {
    let client = moto::client();
    let name = format!("/app/{}/db-url", moto::unique("p"));
    let v1 = PutParameter {
        name: name.clone(),
        value: "postgres://a".into(),
        parameter_type: Some(ParameterType::String),
        description: Some("the database".into()),
        ..PutParameter::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(v1.version, Some(1));

    let again = PutParameter {
        name: name.clone(),
        value: "postgres://b".into(),
        parameter_type: Some(ParameterType::String),
        ..PutParameter::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            again.service_error().map(|e| e.err()),
            Some(PutParameterError::ParameterAlreadyExists(_))
        ),
        "{again:?}"
    );

    let v2 = PutParameter {
        name: name.clone(),
        value: "postgres://b".into(),
        overwrite: Some(true),
        ..PutParameter::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(v2.version, Some(2));

    let parameter = GetParameter {
        name: name.clone(),
        with_decryption: None,
    }
    .send(&client)
    .await
    .unwrap()
    .parameter
    .unwrap();
    assert_eq!(parameter.value.as_deref(), Some("postgres://b"));
    assert_eq!(parameter.parameter_type, Some(ParameterType::String));
    assert_eq!(parameter.version, Some(2));
    assert!(parameter.arn.unwrap().ends_with(&name));
    let modified = parameter.last_modified_date.unwrap();
    assert!((DateTime::now().secs() - modified.secs()).abs() < 600);

    DeleteParameter { name: name.clone() }
        .send(&client)
        .await
        .unwrap();
    let gone = GetParameter {
        name: name.clone(),
        with_decryption: None,
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            gone.service_error().map(|e| e.err()),
            Some(GetParameterError::ParameterNotFound(_))
        ),
        "{gone:?}"
    );
    let gone = DeleteParameter { name }.send(&client).await.unwrap_err();
    assert_eq!(gone.code(), Some("ParameterNotFound"));
}

#[tokio::test]
async fn secure_strings_decrypt_on_request() {
    let client = moto::client();
    let name = format!("/app/{}/secret", moto::unique("s"));
    PutParameter {
        name: name.clone(),
        value: "hunter2".into(),
        parameter_type: Some(ParameterType::SecureString),
        ..PutParameter::default()
    }
    .send(&client)
    .await
    .unwrap();
    let plain = GetParameter {
        name: name.clone(),
        with_decryption: Some(true),
    }
    .send(&client)
    .await
    .unwrap()
    .parameter
    .unwrap();
    assert_eq!(plain.value.as_deref(), Some("hunter2"));
    assert_eq!(plain.parameter_type, Some(ParameterType::SecureString));
    let hidden = GetParameter {
        name,
        with_decryption: Some(false),
    }
    .send(&client)
    .await
    .unwrap()
    .parameter
    .unwrap();
    assert_ne!(hidden.value.as_deref(), Some("hunter2"));
}

#[tokio::test]
async fn parameters_by_path_page_through_tokens() {
    let client = moto::client();
    let path = format!("/app/{}", moto::unique("tree"));
    for i in 0..7 {
        PutParameter {
            name: format!("{path}/p{i}"),
            value: format!("value {i}"),
            parameter_type: Some(ParameterType::StringList),
            ..PutParameter::default()
        }
        .send(&client)
        .await
        .unwrap();
    }
    let by_path = || GetParametersByPath {
        path: path.clone(),
        recursive: Some(true),
        ..GetParametersByPath::default()
    };
    let (_, sizes) =
        moto::pages_and_sizes(by_path().pages(&client).page_size(3), |p| &p.parameters).await;
    assert_eq!(sizes, [3, 3, 1]);
    let mut values: Vec<String> = by_path()
        .items(&client)
        .page_size(3)
        .try_collect()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.value.unwrap())
        .collect();
    values.sort();
    assert_eq!(
        values,
        (0..7).map(|i| format!("value {i}")).collect::<Vec<_>>()
    );
    let first = by_path()
        .items(&client)
        .page_size(3)
        .first(4)
        .await
        .unwrap();
    assert_eq!(first.len(), 4);
}
