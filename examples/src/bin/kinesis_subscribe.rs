//! Kinesis `SubscribeToShard` (enhanced fan-out) with awsjson's `http2` feature:
//! records pushed over an HTTP/2 event stream, read as typed events as they arrive.
//!
//! With `KINESIS_CONSUMER_ARN` and `KINESIS_SHARD_ID` set it subscribes, with the
//! credentials and region of the environment, to that shard of a real stream (a
//! consumer registered with `RegisterStreamConsumer`). Otherwise it starts awsjson's
//! local stub endpoint, which verifies the request's SigV4 signature and answers with
//! a short event stream (moto does not implement `SubscribeToShard`).
//!
//! ```text
//! cargo run -p awsjson-examples --features http2 --bin kinesis_subscribe
//! ```

use awsjson::event_stream::Message;
use awsjson::stub::{StubResponse, StubServer};
use awsjson::{Client, Credentials};
use awsjson_examples::kinesis::{
    ShardIteratorType, StartingPosition, SubscribeToShard, SubscribeToShardEventStream,
};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let real = (
        std::env::var("KINESIS_CONSUMER_ARN"),
        std::env::var("KINESIS_SHARD_ID"),
    );
    let (client, consumer_arn, shard_id, _stub) = match real {
        (Ok(arn), Ok(shard)) => {
            println!("subscribing to {shard} of {arn}");
            (Client::from_env().await?, arn, shard, None)
        }
        _ => {
            let creds = Credentials::new("AKIDEXAMPLESTUB", "example-secret-key", None);
            let stub = StubServer::builder()
                .credentials(creds.clone())
                .region("us-east-1")
                .signing_name("kinesis")
                .on("Kinesis_20131202.SubscribeToShard", |_| local_stream())
                .start()
                .await?;
            println!("started the local stub endpoint at {}", stub.url());
            let client = Client::builder()
                .region("us-east-1")
                .credentials(creds)
                .endpoint_url(stub.url())
                .build()?;
            let arn = "arn:aws:kinesis:us-east-1:123456789012:stream/example/consumer/app:1";
            (
                client,
                arn.to_owned(),
                "shardId-000000000000".to_owned(),
                Some(stub),
            )
        }
    };

    let subscribe = SubscribeToShard {
        consumer_arn,
        shard_id,
        starting_position: StartingPosition {
            r#type: ShardIteratorType::TrimHorizon,
            sequence_number: None,
        },
    };
    let mut output = subscribe.send(&client).await?;
    let mut events = 0;
    while let Some(event) = output.event_stream.next().await {
        match event {
            Ok(SubscribeToShardEventStream::SubscribeToShardEvent(batch)) => {
                events += 1;
                for record in &batch.records {
                    println!(
                        "record {} ({}): {}",
                        record.sequence_number,
                        record.partition_key,
                        String::from_utf8_lossy(record.data.as_ref())
                    );
                }
                println!(
                    "  continue after {}, {} ms behind",
                    batch.continuation_sequence_number, batch.millis_behind_latest
                );
            }
            Ok(other) => println!("an event this program does not know: {other:?}"),
            Err(awsjson::Error::Service(e)) => {
                println!("the service ended the stream: {}", e.err());
                break;
            }
            Err(e) => return Err(e.into()),
        }
    }
    println!("{events} events; the subscription ended");
    Ok(())
}

/// What the local endpoint answers: the stream's `initial-response`, then two batches
/// of records, as Kinesis frames them.
fn local_stream() -> StubResponse {
    let event = |event_type: &str, payload: String| {
        Message::new(payload)
            .with_header(":message-type", "event")
            .with_header(":event-type", event_type)
            .with_header(":content-type", "application/x-amz-json-1.1")
            .encode()
            .unwrap_or_default()
    };
    // Record data is a blob: base64 on the wire ("hello", "from", "an event stream").
    let batch = |first: u32, data: &[&str]| {
        let records: Vec<String> = data
            .iter()
            .enumerate()
            .map(|(i, data)| {
                format!(
                    r#"{{"SequenceNumber":"{}","Data":"{data}","PartitionKey":"greetings"}}"#,
                    first + i as u32,
                )
            })
            .collect();
        event(
            "SubscribeToShardEvent",
            format!(
                r#"{{"Records":[{}],"ContinuationSequenceNumber":"{}","MillisBehindLatest":0}}"#,
                records.join(","),
                first + data.len() as u32 - 1
            ),
        )
    };
    let mut body = event("initial-response", "{}".to_owned());
    body.extend(batch(1, &["aGVsbG8=", "ZnJvbQ=="]));
    body.extend(batch(3, &["YW4gZXZlbnQgc3RyZWFt"]));
    StubResponse::raw(200, "application/vnd.amazon.eventstream", body)
}
