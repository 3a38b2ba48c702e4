//! Bedrock Runtime `ConverseStream` (restJson1): ask a model one question and print its
//! answer token by token, as the event stream brings it. No `http2` feature: Bedrock
//! streams responses over HTTP/1.1 too.
//!
//! With AWS credentials in the environment (and `BEDROCK_MODEL_ID`, Claude 3 Haiku by
//! default) it asks Bedrock. Otherwise it starts awsjson's local stub endpoint, which
//! verifies the request's SigV4 signature and answers with a short stream framed as
//! Bedrock frames it (moto does not implement `ConverseStream`).
//!
//! ```text
//! cargo run -p awsjson-examples --bin bedrock_converse_stream
//! ```

use std::io::Write as _;

use awsjson::event_stream::Message as Frame;
use awsjson::stub::{StubResponse, StubServer};
use awsjson::{Client, Credentials};
use awsjson_examples::bedrock_converse::*;

const DEFAULT_MODEL: &str = "anthropic.claude-3-haiku-20240307-v1:0";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model_id = std::env::var("BEDROCK_MODEL_ID").unwrap_or_else(|_| DEFAULT_MODEL.to_owned());
    let (client, _stub) = if std::env::var_os("AWS_ACCESS_KEY_ID").is_some()
        || std::env::var_os("AWS_PROFILE").is_some()
    {
        (Client::from_env().await?, None)
    } else {
        let creds = Credentials::new("AKIDEXAMPLESTUB", "example-secret-key", None);
        let route = format!("POST /model/{}/converse-stream", label(&model_id));
        let stub = StubServer::builder()
            .credentials(creds.clone())
            .region("us-east-1")
            .signing_name("bedrock")
            .on(&route, |_| local_stream())
            .start()
            .await?;
        println!(
            "no AWS credentials set: asking the local stub endpoint at {}",
            stub.url()
        );
        let client = Client::builder()
            .region("us-east-1")
            .credentials(creds)
            .endpoint_url(stub.url())
            .build()?;
        (client, Some(stub))
    };

    let question = "In one sentence: what is an event stream?";
    println!("ConverseStream {model_id}: {question}");
    let mut output = ConverseStream {
        model_id,
        messages: Some(vec![Message {
            role: ConversationRole::User,
            content: vec![ContentBlock::Text(question.to_owned())],
        }]),
        inference_config: Some(InferenceConfiguration {
            max_tokens: Some(200),
            ..InferenceConfiguration::default()
        }),
        ..ConverseStream::default()
    }
    .send(&client)
    .await?;

    let mut stdout = std::io::stdout();
    while let Some(event) = output.stream.next().await {
        match event? {
            ConverseStreamOutput::ContentBlockDelta(delta) => {
                if let ContentBlockDelta::Text(text) = delta.delta {
                    print!("{text}");
                    stdout.flush()?;
                }
            }
            ConverseStreamOutput::MessageStop(stop) => {
                println!("\n[stop: {:?}]", stop.stop_reason);
            }
            ConverseStreamOutput::Metadata(meta) => println!(
                "[{} tokens in, {} out, {} ms]",
                meta.usage.input_tokens, meta.usage.output_tokens, meta.metrics.latency_ms
            ),
            _ => {}
        }
    }
    Ok(())
}

/// The model id as a URI label carries it (`:` percent-encoded), for the stub's route.
fn label(model_id: &str) -> String {
    model_id.replace(':', "%3A")
}

/// What the local endpoint answers: a reply streamed as Bedrock frames it, one event
/// per token.
fn local_stream() -> StubResponse {
    let event = |event_type: &str, payload: String| {
        Frame::new(payload)
            .with_header(":message-type", "event")
            .with_header(":event-type", event_type)
            .with_header(":content-type", "application/json")
            .encode()
            .unwrap_or_default()
    };
    let mut body = event("messageStart", r#"{"role":"assistant"}"#.to_owned());
    let tokens = [
        "An",
        " event",
        " stream",
        " is",
        " a",
        " response",
        " that",
        " arrives",
        " as",
        " a",
        " sequence",
        " of",
        " framed",
        " messages",
        ".",
    ];
    for token in tokens {
        body.extend(event(
            "contentBlockDelta",
            format!(r#"{{"contentBlockIndex":0,"delta":{{"text":"{token}"}}}}"#),
        ));
    }
    body.extend(event(
        "contentBlockStop",
        r#"{"contentBlockIndex":0}"#.to_owned(),
    ));
    body.extend(event(
        "messageStop",
        r#"{"stopReason":"end_turn"}"#.to_owned(),
    ));
    body.extend(event(
        "metadata",
        r#"{"usage":{"inputTokens":12,"outputTokens":15,"totalTokens":27},"metrics":{"latencyMs":42}}"#
            .to_owned(),
    ));
    StubResponse::raw(200, "application/vnd.amazon.eventstream", body)
}
