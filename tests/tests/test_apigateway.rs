//! API Gateway (restJson1) against moto: a REST API with a resource, a method, a
//! mock integration and a deployment, listed (`items` is `item` on the wire),
//! resources read with the `embed` query list, the stage exported as a blob payload
//! with its `Content-Type` header bound to a member, and NotFoundException by
//! `X-Amzn-ErrorType`.

use std::collections::HashMap;

use awsjson::{Blob, DateTime, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(
    operation = "apigateway#CreateRestApi",
    output = RestApi,
    errors(BadRequestException, ConflictException),
)]
#[derive(Default)]
struct CreateRestApi {
    name: String,
    description: Option<String>,
    tags: Option<HashMap<String, String>>,
}

#[aws_json_shape(shape = "apigateway#RestApi")]
#[derive(Debug)]
struct RestApi {
    id: Option<String>,
    name: Option<String>,
    description: Option<String>,
    created_date: Option<DateTime>,
    root_resource_id: Option<String>,
    tags: Option<HashMap<String, String>>,
}

#[aws_json_operation(
    operation = "apigateway#GetRestApis",
    output = RestApis,
    errors(BadRequestException)
)]
struct GetRestApis {
    limit: Option<i32>,
}

#[aws_json_shape(shape = "apigateway#RestApis")]
#[derive(Debug)]
struct RestApis {
    items: Option<Vec<RestApi>>,
}

#[aws_json_operation(
    operation = "apigateway#GetRestApi",
    output = RestApi,
    errors(NotFoundException)
)]
struct GetRestApi {
    rest_api_id: String,
}

#[aws_json_operation(
    operation = "apigateway#GetResources",
    output = Resources,
    errors(NotFoundException)
)]
struct GetResources {
    rest_api_id: String,
    /// A query list: `?embed=methods`.
    embed: Option<Vec<String>>,
}

#[aws_json_shape(shape = "apigateway#Resources")]
#[derive(Debug)]
struct Resources {
    items: Option<Vec<Resource>>,
}

#[aws_json_shape(shape = "apigateway#Resource")]
#[derive(Debug)]
struct Resource {
    id: Option<String>,
    parent_id: Option<String>,
    path_part: Option<String>,
    path: Option<String>,
}

#[aws_json_operation(
    operation = "apigateway#CreateResource",
    output = Resource,
    errors(NotFoundException, ConflictException),
)]
struct CreateResource {
    rest_api_id: String,
    parent_id: String,
    path_part: String,
}

#[aws_json_operation(
    operation = "apigateway#PutMethod",
    output = Method,
    errors(NotFoundException, ConflictException),
)]
struct PutMethod {
    rest_api_id: String,
    resource_id: String,
    http_method: String,
    authorization_type: String,
}

#[aws_json_shape(shape = "apigateway#Method")]
#[derive(Debug)]
struct Method {
    http_method: Option<String>,
    authorization_type: Option<String>,
    api_key_required: Option<bool>,
}

#[aws_json_operation(
    operation = "apigateway#PutIntegration",
    output = Integration,
    errors(NotFoundException),
)]
struct PutIntegration {
    rest_api_id: String,
    resource_id: String,
    http_method: String,
    r#type: String,
}

#[aws_json_shape(shape = "apigateway#Integration")]
#[derive(Debug)]
struct Integration {
    r#type: Option<String>,
}

#[aws_json_operation(
    operation = "apigateway#CreateDeployment",
    output = Deployment,
    errors(NotFoundException, BadRequestException),
)]
struct CreateDeployment {
    rest_api_id: String,
    stage_name: Option<String>,
    description: Option<String>,
}

#[aws_json_shape(shape = "apigateway#Deployment")]
#[derive(Debug)]
struct Deployment {
    id: Option<String>,
    description: Option<String>,
    created_date: Option<DateTime>,
}

#[aws_json_operation(
    operation = "apigateway#GetExport",
    output = ExportResponse,
    errors(NotFoundException),
)]
struct GetExport {
    rest_api_id: String,
    stage_name: String,
    export_type: String,
}

#[aws_json_shape(shape = "apigateway#ExportResponse")]
#[derive(Debug)]
struct ExportResponse {
    content_type: Option<String>,
    content_disposition: Option<String>,
    body: Option<Blob>,
}

#[aws_json_operation(operation = "apigateway#DeleteRestApi", errors(NotFoundException))]
struct DeleteRestApi {
    rest_api_id: String,
}

#[aws_json_shape(shape = "apigateway#NotFoundException")]
#[derive(Debug)]
struct NotFoundException {
    message: Option<String>,
}

#[aws_json_shape(shape = "apigateway#BadRequestException")]
#[derive(Debug)]
struct BadRequestException {
    message: Option<String>,
}

#[aws_json_shape(shape = "apigateway#ConflictException")]
#[derive(Debug)]
struct ConflictException {
    message: Option<String>,
}

#[tokio::test]
async fn a_rest_api_built_deployed_and_exported() {
    let client = moto::client();
    let name = moto::unique("pets api");
    let api = CreateRestApi {
        name: name.clone(),
        description: Some("the pet store".into()),
        tags: Some(HashMap::from([("team".into(), "rj".into())])),
    }
    .send(&client)
    .await
    .unwrap();
    let id = api.id.unwrap();
    assert_eq!(api.name.as_deref(), Some(name.as_str()));
    assert!((DateTime::now().secs() - api.created_date.unwrap().secs()).abs() < 600);
    let root = api.root_resource_id.unwrap();

    let listed = GetRestApis { limit: Some(500) }
        .send(&client)
        .await
        .unwrap()
        .items
        .unwrap();
    let mine = listed
        .iter()
        .find(|a| a.id.as_deref() == Some(id.as_str()))
        .unwrap();
    assert_eq!(mine.description.as_deref(), Some("the pet store"));
    let got = GetRestApi {
        rest_api_id: id.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(
        got.tags.unwrap(),
        HashMap::from([("team".into(), "rj".into())])
    );

    let pets = CreateResource {
        rest_api_id: id.clone(),
        parent_id: root.clone(),
        path_part: "pets".into(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(pets.path.as_deref(), Some("/pets"));
    assert_eq!(pets.parent_id.as_deref(), Some(root.as_str()));
    let pets_id = pets.id.unwrap();
    let method = PutMethod {
        rest_api_id: id.clone(),
        resource_id: pets_id.clone(),
        http_method: "GET".into(),
        authorization_type: "NONE".into(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(method.http_method.as_deref(), Some("GET"));
    assert_eq!(method.authorization_type.as_deref(), Some("NONE"));
    let integration = PutIntegration {
        rest_api_id: id.clone(),
        resource_id: pets_id.clone(),
        http_method: "GET".into(),
        r#type: "MOCK".into(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(integration.r#type.as_deref(), Some("MOCK"));

    let mut paths: Vec<String> = GetResources {
        rest_api_id: id.clone(),
        embed: Some(vec!["methods".into()]),
    }
    .send(&client)
    .await
    .unwrap()
    .items
    .unwrap()
    .into_iter()
    .filter_map(|r| r.path)
    .collect();
    paths.sort();
    assert_eq!(paths, ["/", "/pets"]);

    let deployment = CreateDeployment {
        rest_api_id: id.clone(),
        stage_name: Some("dev".into()),
        description: Some("first".into()),
    }
    .send(&client)
    .await
    .unwrap();
    assert!(deployment.id.is_some());

    let export = GetExport {
        rest_api_id: id.clone(),
        stage_name: "dev".into(),
        export_type: "swagger".into(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(
        export.content_type.as_deref(),
        Some("application/octet-stream")
    );
    assert!(
        export
            .content_disposition
            .unwrap()
            .starts_with("attachment; filename=\"swagger_")
    );
    let document = export.body.unwrap();
    let text = std::str::from_utf8(document.as_bytes()).unwrap();
    assert!(text.contains("\"/pets\""), "{text}");
    assert!(text.contains(&name), "{text}");

    DeleteRestApi {
        rest_api_id: id.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    let err = GetRestApi { rest_api_id: id }
        .send(&client)
        .await
        .unwrap_err();
    let service = err.service_error().unwrap();
    let GetRestApiError::NotFoundException(e) = service.err() else {
        panic!("expected NotFoundException, got {err:?}")
    };
    assert_eq!(e.message.as_deref(), Some("Invalid Rest API Id specified"));
    assert_eq!(service.status(), 404);
}
