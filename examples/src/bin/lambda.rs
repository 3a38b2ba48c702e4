//! Lambda (restJson1) end to end: create a Python function from a .zip built in
//! memory, list the account's functions page by page, read the function back by its
//! ARN, show the modeled error for a name that does not exist, then delete it.
//!
//! Runs against whatever endpoint and credentials the environment names, with the
//! execution role in `LAMBDA_ROLE_ARN`. To run it against a local moto server (which
//! the script installs and starts, with a role for it):
//!
//! ```text
//! scripts/with-moto.sh cargo run -p awsjson-examples --bin lambda
//! ```

use std::collections::HashMap;

use awsjson::{Blob, Client};
use awsjson_examples::lambda::*;

/// The role `scripts/with-moto.sh`'s moto has (scripts/moto_setup.py creates it).
const MOTO_ROLE: &str = "arn:aws:iam::123456789012:role/awsjson-lambda";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::var_os("AWS_ENDPOINT_URL").is_none()
        && std::env::var_os("AWS_ACCESS_KEY_ID").is_none()
    {
        return Err(
            "no endpoint or credentials in the environment; to run against a local moto: \
             scripts/with-moto.sh cargo run -p awsjson-examples --bin lambda"
                .into(),
        );
    }
    let role = match std::env::var("LAMBDA_ROLE_ARN") {
        Ok(role) => role,
        Err(_) if std::env::var_os("AWS_ENDPOINT_URL").is_some() => MOTO_ROLE.to_owned(),
        Err(_) => return Err("set LAMBDA_ROLE_ARN to the function's execution role".into()),
    };
    let client = Client::from_env().await?;
    let name = format!("awsjson-example-{}", std::process::id());

    let handler =
        b"def handler(event, context):\n    return {\"hello\": event.get(\"name\", \"world\")}\n";
    let created = CreateFunction {
        function_name: name.clone(),
        runtime: Some("python3.12".into()),
        role,
        handler: Some("index.handler".into()),
        code: FunctionCode {
            zip_file: Some(Blob::new(zip_one_file("index.py", handler))),
        },
        description: Some("created by awsjson's Lambda example".into()),
        memory_size: Some(128),
        environment: Some(Environment {
            variables: Some(HashMap::from([("GREETING".into(), "hello".into())])),
        }),
        tags: Some(HashMap::from([("example".into(), "awsjson".into())])),
        ..CreateFunction::default()
    }
    .send(&client)
    .await?;
    let arn = created.function_arn.clone().unwrap_or_default();
    println!(
        "created {arn} ({} bytes of code, state {:?})",
        created.code_size.unwrap_or_default(),
        created.state
    );

    let result = run(&client, &name, &arn).await;
    // Delete the function even when a step failed, then report that failure.
    let deleted = DeleteFunction {
        function_name: name.clone(),
        qualifier: None,
    }
    .send(&client)
    .await?;
    println!(
        "deleted {name} (HTTP {})",
        deleted.status_code.unwrap_or_default()
    );
    result
}

async fn run(client: &Client, name: &str, arn: &str) -> Result<(), Box<dyn std::error::Error>> {
    // Pages of 5: NextMarker goes back as the Marker query parameter.
    println!("ListFunctions, in pages of 5:");
    let mut marker = None;
    let mut found = false;
    for page in 1.. {
        let listed = ListFunctions {
            marker: marker.take(),
            max_items: Some(5),
        }
        .send(client)
        .await?;
        let names: Vec<String> = listed
            .functions
            .unwrap_or_default()
            .into_iter()
            .filter_map(|f| f.function_name)
            .collect();
        found |= names.iter().any(|n| n == name);
        println!("  page {page}: {names:?}");
        match listed.next_marker {
            Some(next) => marker = Some(next),
            None => break,
        }
    }
    if !found {
        return Err(format!("{name} was not listed").into());
    }

    // By ARN: the label's `:` are escaped on the wire.
    let got = GetFunction {
        function_name: arn.to_owned(),
        qualifier: None,
    }
    .send(client)
    .await?;
    let configuration = got
        .configuration
        .ok_or("GetFunction returned no configuration")?;
    println!(
        "GetFunction: {} {} {:?}, tags {:?}",
        configuration.runtime.unwrap_or_default(),
        configuration.handler.unwrap_or_default(),
        configuration.environment.and_then(|e| e.variables),
        got.tags.unwrap_or_default()
    );

    match (GetFunction {
        function_name: format!("{name}-missing"),
        qualifier: None,
    })
    .send(client)
    .await
    {
        Err(err) => match err.service_error().map(|e| e.err()) {
            Some(GetFunctionError::ResourceNotFoundException(_)) => {
                println!("GetFunction of a missing function: ResourceNotFoundException");
            }
            _ => return Err(format!("expected ResourceNotFoundException, got {err:?}").into()),
        },
        Ok(other) => return Err(format!("a missing function was found: {other:?}").into()),
    }
    Ok(())
}
