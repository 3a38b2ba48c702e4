//! Bedrock Runtime: ask a model one question with InvokeModel (the Anthropic
//! Messages format) and print its answer.
//!
//! Runs against whatever endpoint and credentials the environment names (the model in
//! `BEDROCK_MODEL_ID`, Claude 3 Haiku by default). To run it against a local moto
//! server, which answers every model with `{}`:
//!
//! ```text
//! scripts/with-moto.sh cargo run -p awsjson-examples --bin bedrock_runtime
//! ```

use awsjson::{Blob, Client};
use awsjson_examples::bedrock_runtime::*;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::var_os("AWS_ENDPOINT_URL").is_none()
        && std::env::var_os("AWS_ACCESS_KEY_ID").is_none()
    {
        return Err(
            "no endpoint or credentials in the environment; to run against a local moto: \
             scripts/with-moto.sh cargo run -p awsjson-examples --bin bedrock_runtime"
                .into(),
        );
    }
    let client = Client::from_env().await?;
    let model_id = std::env::var("BEDROCK_MODEL_ID")
        .unwrap_or_else(|_| "anthropic.claude-3-haiku-20240307-v1:0".to_owned());
    let request = r#"{"anthropic_version":"bedrock-2023-05-31","max_tokens":200,"messages":[{"role":"user","content":"In one sentence: what is a URI label?"}]}"#;
    println!("InvokeModel {model_id}: {request}");
    let answer = InvokeModel {
        model_id,
        content_type: Some("application/json".into()),
        accept: Some("application/json".into()),
        body: Some(Blob::new(request.as_bytes().to_vec())),
        ..InvokeModel::default()
    }
    .send(&client)
    .await?;
    println!(
        "answer ({}): {}",
        answer.content_type,
        String::from_utf8_lossy(answer.body.as_bytes())
    );
    Ok(())
}
