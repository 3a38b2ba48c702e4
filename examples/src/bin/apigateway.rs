//! API Gateway (restJson1) end to end: create a REST API, add a `/pets` resource with
//! a mock `GET`, deploy it to a stage, list the resources, export the stage's Swagger
//! document, show the modeled error for an id that does not exist, then delete the API.
//!
//! Runs against whatever endpoint and credentials the environment names. To run it
//! against a local moto server, which the script installs and starts:
//!
//! ```text
//! scripts/with-moto.sh cargo run -p awsjson-examples --bin apigateway
//! ```

use std::collections::HashMap;

use awsjson::Client;
use awsjson_examples::apigateway::*;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::var_os("AWS_ENDPOINT_URL").is_none()
        && std::env::var_os("AWS_ACCESS_KEY_ID").is_none()
    {
        return Err(
            "no endpoint or credentials in the environment; to run against a local moto: \
             scripts/with-moto.sh cargo run -p awsjson-examples --bin apigateway"
                .into(),
        );
    }
    let client = Client::from_env().await?;
    let api = CreateRestApi {
        name: format!("awsjson-example-{}", std::process::id()),
        description: Some("created by awsjson's API Gateway example".into()),
        tags: Some(HashMap::from([("example".into(), "awsjson".into())])),
    }
    .send(&client)
    .await?;
    let id = api.id.ok_or("CreateRestApi returned no id")?;
    println!("created REST API {id} ({:?})", api.name.unwrap_or_default());

    let result = run(&client, &id, api.root_resource_id).await;
    // Delete the API even when a step failed, then report that failure.
    DeleteRestApi {
        rest_api_id: id.clone(),
    }
    .send(&client)
    .await?;
    println!("deleted REST API {id}");
    result
}

async fn run(
    client: &Client,
    id: &str,
    root: Option<String>,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = root.ok_or("CreateRestApi returned no root resource")?;
    let pets = CreateResource {
        rest_api_id: id.to_owned(),
        parent_id: root,
        path_part: "pets".into(),
    }
    .send(client)
    .await?;
    let pets_id = pets.id.ok_or("CreateResource returned no id")?;
    PutMethod {
        rest_api_id: id.to_owned(),
        resource_id: pets_id.clone(),
        http_method: "GET".into(),
        authorization_type: "NONE".into(),
    }
    .send(client)
    .await?;
    PutIntegration {
        rest_api_id: id.to_owned(),
        resource_id: pets_id,
        http_method: "GET".into(),
        r#type: "MOCK".into(),
    }
    .send(client)
    .await?;
    println!(
        "added GET {} (mock integration)",
        pets.path.unwrap_or_default()
    );

    let deployment = CreateDeployment {
        rest_api_id: id.to_owned(),
        stage_name: Some("dev".into()),
        description: Some("first deployment".into()),
    }
    .send(client)
    .await?;
    println!(
        "deployed {} to stage dev",
        deployment.id.unwrap_or_default()
    );

    let resources = GetResources {
        rest_api_id: id.to_owned(),
        embed: Some(vec!["methods".into()]),
    }
    .send(client)
    .await?;
    for resource in resources.items.unwrap_or_default() {
        println!("  resource {}", resource.path.unwrap_or_default());
    }

    let export = GetExport {
        rest_api_id: id.to_owned(),
        stage_name: "dev".into(),
        export_type: "swagger".into(),
    }
    .send(client)
    .await?;
    let document = export.body.map(|b| b.as_bytes().len()).unwrap_or_default();
    println!(
        "exported the stage as Swagger: {document} bytes ({})",
        export.content_type.unwrap_or_default()
    );

    match (GetRestApi {
        rest_api_id: "no-such-api".into(),
    })
    .send(client)
    .await
    {
        Err(err) => match err.service_error().map(|e| e.err()) {
            Some(GetRestApiError::NotFoundException(e)) => {
                println!(
                    "GetRestApi of an unknown id: NotFoundException ({:?})",
                    e.message
                );
            }
            _ => return Err(format!("expected NotFoundException, got {err:?}").into()),
        },
        Ok(other) => return Err(format!("an unknown id was found: {other:?}").into()),
    }
    Ok(())
}
