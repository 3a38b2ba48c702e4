//! Secrets Manager against moto: the `ClientRequestToken` idempotency token (filled
//! by awsjson when left `None`), versions, timestamps, the ListSecrets paginator and
//! its 404 ResourceNotFoundException.

use std::collections::HashMap;

use awsjson::{Blob, DateTime, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(
    target = "secretsmanager.CreateSecret",
    output = CreateSecretResponse,
    errors(ResourceExistsException, InvalidParameterException),
)]
#[derive(Default)]
struct CreateSecret {
    name: String,
    #[idempotency]
    client_request_token: Option<String>,
    description: Option<String>,
    secret_string: Option<String>,
    secret_binary: Option<Blob>,
    tags: Option<Vec<Tag>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct Tag {
    key: String,
    value: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct CreateSecretResponse {
    #[aws(rename = "ARN")]
    arn: Option<String>,
    name: Option<String>,
    version_id: Option<String>,
}

#[aws_json_operation(
    target = "secretsmanager.GetSecretValue",
    output = GetSecretValueResponse,
    errors(ResourceNotFoundException),
)]
#[derive(Default)]
struct GetSecretValue {
    secret_id: String,
    version_id: Option<String>,
    version_stage: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct GetSecretValueResponse {
    #[aws(rename = "ARN")]
    arn: Option<String>,
    name: Option<String>,
    version_id: Option<String>,
    #[aws(sensitive)]
    secret_string: Option<String>,
    #[aws(sensitive)]
    secret_binary: Option<Blob>,
    version_stages: Option<Vec<String>>,
    created_date: Option<DateTime>,
}

#[aws_json_operation(
    target = "secretsmanager.PutSecretValue",
    output = PutSecretValueResponse,
    errors(ResourceNotFoundException, ResourceExistsException),
)]
#[derive(Default)]
struct PutSecretValue {
    secret_id: String,
    #[idempotency]
    client_request_token: Option<String>,
    secret_string: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct PutSecretValueResponse {
    version_id: Option<String>,
    version_stages: Option<Vec<String>>,
}

#[aws_json_operation(
    target = "secretsmanager.DescribeSecret",
    output = DescribeSecretResponse,
    errors(ResourceNotFoundException),
)]
struct DescribeSecret {
    secret_id: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct DescribeSecretResponse {
    name: Option<String>,
    description: Option<String>,
    created_date: Option<DateTime>,
    last_changed_date: Option<DateTime>,
    deleted_date: Option<DateTime>,
    version_ids_to_stages: Option<HashMap<String, Vec<String>>>,
    tags: Option<Vec<Tag>>,
}

#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    output = ListSecretsResponse,
    errors(InvalidNextTokenException),
    paginate(
        input_token = next_token,
        output_token = next_token,
        page_size = max_results,
        items = secret_list: SecretListEntry,
    ),
)]
#[derive(Default)]
struct ListSecrets {
    max_results: Option<i32>,
    next_token: Option<String>,
    filters: Option<Vec<Filter>>,
}

#[aws_json_shape]
struct Filter {
    key: FilterName,
    values: Vec<String>,
}

#[aws_json_shape(rename_all = "kebab-case")]
enum FilterName {
    Description,
    Name,
    TagKey,
    TagValue,
    PrimaryRegion,
    OwningService,
    All,
}

#[aws_json_shape]
#[derive(Debug)]
struct ListSecretsResponse {
    secret_list: Option<Vec<SecretListEntry>>,
    next_token: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct SecretListEntry {
    name: Option<String>,
    #[aws(rename = "ARN")]
    arn: Option<String>,
    created_date: Option<DateTime>,
}

#[aws_json_operation(
    target = "secretsmanager.DeleteSecret",
    output = DeleteSecretResponse,
    errors(ResourceNotFoundException),
)]
struct DeleteSecret {
    secret_id: String,
    force_delete_without_recovery: Option<bool>,
}

#[aws_json_shape]
#[derive(Debug)]
struct DeleteSecretResponse {
    name: Option<String>,
    deletion_date: Option<DateTime>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ResourceNotFoundException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ResourceExistsException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct InvalidParameterException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct InvalidNextTokenException {
    message: Option<String>,
}

fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && b[14] == b'4'
        && s.chars()
            .filter(|c| *c != '-')
            .all(|c| c.is_ascii_hexdigit())
}

#[tokio::test]
async fn tokens_become_versions() {
    let client = moto::client();
    let name = moto::unique("secret");
    let created = CreateSecret {
        name: name.clone(),
        description: Some("made by awsjson".into()),
        secret_string: Some("v1".into()),
        tags: Some(vec![Tag {
            key: "k".into(),
            value: "v".into(),
        }]),
        ..CreateSecret::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(created.name.as_deref(), Some(name.as_str()));
    assert!(created.arn.unwrap().contains(&name));
    // moto uses the request's ClientRequestToken as the version id: awsjson sent one.
    let v1 = created.version_id.unwrap();
    assert!(is_uuid_v4(&v1), "{v1}");

    let token = "0f7d7c0e-5d4e-4a43-9a5f-0123456789ab".to_owned();
    let put = PutSecretValue {
        secret_id: name.clone(),
        client_request_token: Some(token.clone()),
        secret_string: Some("v2".into()),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(put.version_id.as_deref(), Some(token.as_str()));
    assert_eq!(put.version_stages.unwrap(), ["AWSCURRENT"]);

    let current = GetSecretValue {
        secret_id: name.clone(),
        ..GetSecretValue::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(current.secret_string.as_deref(), Some("v2"));
    assert_eq!(current.version_id.as_deref(), Some(token.as_str()));
    assert!(current.created_date.is_some());
    let previous = GetSecretValue {
        secret_id: name.clone(),
        version_id: Some(v1.clone()),
        ..GetSecretValue::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(previous.secret_string.as_deref(), Some("v1"));
    assert_eq!(previous.version_stages.unwrap(), ["AWSPREVIOUS"]);

    let described = DescribeSecret {
        secret_id: name.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(described.description.as_deref(), Some("made by awsjson"));
    assert_eq!(described.tags.unwrap()[0].key, "k");
    let versions = described.version_ids_to_stages.unwrap();
    assert_eq!(versions[&token], ["AWSCURRENT"]);
    assert_eq!(versions[&v1], ["AWSPREVIOUS"]);
    let created_at = described.created_date.unwrap();
    assert!(described.last_changed_date.unwrap() >= created_at);

    let exists = CreateSecret {
        name: name.clone(),
        secret_string: Some("again".into()),
        ..CreateSecret::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            exists.service_error().map(|e| e.err()),
            Some(CreateSecretError::ResourceExistsException(_))
        ),
        "{exists:?}"
    );

    let deleted = DeleteSecret {
        secret_id: name.clone(),
        force_delete_without_recovery: Some(true),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(deleted.name.as_deref(), Some(name.as_str()));
    assert!(deleted.deletion_date.unwrap() >= created_at);
}

#[tokio::test]
async fn binary_secrets_round_trip() {
    let client = moto::client();
    let name = moto::unique("binary");
    let bytes: Vec<u8> = vec![0, 1, 2, 254, 255, b'=', b'/'];
    CreateSecret {
        name: name.clone(),
        secret_binary: Some(Blob::new(bytes.clone())),
        ..CreateSecret::default()
    }
    .send(&client)
    .await
    .unwrap();
    let got = GetSecretValue {
        secret_id: name,
        ..GetSecretValue::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(got.secret_binary.unwrap().as_bytes(), &bytes[..]);
    assert!(got.secret_string.is_none());
}

#[tokio::test]
async fn a_missing_secret_is_a_404_resource_not_found() {
    let err = GetSecretValue {
        secret_id: moto::unique("missing"),
        ..GetSecretValue::default()
    }
    .send(&moto::client())
    .await
    .unwrap_err();
    let service = err.service_error().expect("a service error");
    assert_eq!(service.status(), 404);
    let GetSecretValueError::ResourceNotFoundException(e) = service.err() else {
        panic!("expected ResourceNotFoundException, got {err:?}")
    };
    assert!(e.message.as_deref().unwrap().contains("can't find"));
}

#[tokio::test]
async fn list_secrets_pages_through_tokens() {
    let client = moto::client();
    let prefix = moto::unique("list");
    for i in 0..5 {
        CreateSecret {
            name: format!("{prefix}-{i}"),
            secret_string: Some(i.to_string()),
            ..CreateSecret::default()
        }
        .send(&client)
        .await
        .unwrap();
    }
    let ours = || ListSecrets {
        filters: Some(vec![Filter {
            key: FilterName::Name,
            values: vec![prefix.clone()],
        }]),
        ..ListSecrets::default()
    };
    let (pages, sizes) =
        moto::pages_and_sizes(ours().pages(&client).page_size(2), |p| &p.secret_list).await;
    assert_eq!(sizes, [2, 2, 1]);
    let mut names: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.secret_list.unwrap())
        .map(|s| s.name.unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        (0..5).map(|i| format!("{prefix}-{i}")).collect::<Vec<_>>()
    );

    let first = ours().items(&client).page_size(2).first(3).await.unwrap();
    assert_eq!(first.len(), 3);
    assert!(
        first
            .iter()
            .all(|s| s.created_date.is_some() && s.arn.is_some())
    );
}
