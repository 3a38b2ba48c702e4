//! API Gateway (restJson1) against moto: a REST API with a resource, a method, a
//! mock integration and a deployment, listed (`items` is `item` on the wire),
//! resources read with the `embed` query list, the stage exported as a blob payload
//! with its `Content-Type` header bound to a member, and NotFoundException by
//! `X-Amzn-ErrorType`.

use std::collections::HashMap;

use awsjson::DateTime;
use awsjson_examples::apigateway::*;
use awsjson_tests::moto;

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
