//! Kinesis `SubscribeToShard` (awsJson 1.1, awsjson's `http2` feature): an operation
//! whose output member `EventStream` is an event-stream union, declared as
//! `awsjson::EventStream<Union, Error>` (the declarations of `awsjson_examples::kinesis`,
//! which the `kinesis_subscribe` example sends too). `send` returns the output with its
//! stream; records arrive typed, exceptions in the stream are the operation's errors.
//!
//! Against the test event servers, which check the request's SigV4 signature: the
//! HTTP/1.1 one over plain HTTP, and the HTTPS one that speaks HTTP/2 only. moto
//! does not implement `SubscribeToShard` (its Kinesis backend has `RegisterStreamConsumer`
//! but no `subscribe_to_shard`), so there is no moto test of it.

use std::time::Duration;

use awsjson::event_stream::Message;
use awsjson::{Credentials, Error, aws_json_operation};
use awsjson_examples::kinesis::{
    ShardIteratorType, StartingPosition, SubscribeToShard, SubscribeToShardError,
    SubscribeToShardEventStream, SubscribeToShardOutput,
};
use awsjson_tests::event_server::{EventServer, Step};
use awsjson_tests::h2_server::H2EventServer;

const WAIT: Duration = Duration::from_secs(10);
const CONSUMER: &str = "arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1";

fn credentials() -> Credentials {
    Credentials::new("AKIDKINESIS", "kinesis-secret", None)
}

fn event(event_type: &str, payload: &str) -> Vec<u8> {
    Message::new(payload.to_owned())
        .with_header(":message-type", "event")
        .with_header(":event-type", event_type)
        .with_header(":content-type", "application/x-amz-json-1.1")
        .encode()
        .unwrap()
}

/// A `SubscribeToShardEvent` with `n` records, as Kinesis frames it.
fn records(first: u32, n: u32) -> Vec<u8> {
    let records: Vec<String> = (first..first + n)
        .map(|i| {
            format!(
                r#"{{"SequenceNumber":"{i}","ApproximateArrivalTimestamp":1.7e9,"Data":"{}","PartitionKey":"pk"}}"#,
                awsjson_tests::base64::encode(format!("record {i}").as_bytes())
            )
        })
        .collect();
    event(
        "SubscribeToShardEvent",
        &format!(
            r#"{{"Records":[{}],"ContinuationSequenceNumber":"{}","MillisBehindLatest":0}}"#,
            records.join(","),
            first + n - 1
        ),
    )
}

fn subscribe() -> SubscribeToShard {
    SubscribeToShard {
        consumer_arn: CONSUMER.into(),
        shard_id: "shardId-000000000000".into(),
        starting_position: StartingPosition {
            r#type: ShardIteratorType::TrimHorizon,
            sequence_number: None,
        },
    }
}

async fn send(
    server: &EventServer,
    credentials: Credentials,
) -> Result<SubscribeToShardOutput, Error<SubscribeToShardError>> {
    let client = awsjson::Client::builder()
        .region("us-east-1")
        .credentials(credentials)
        .endpoint_url(server.url())
        .build()
        .unwrap();
    tokio::time::timeout(WAIT, subscribe().send(&client))
        .await
        .expect("the stream opens within the test's bound")
}

#[tokio::test]
async fn records_arrive_as_typed_events() {
    let server = EventServer::start(
        credentials(),
        vec![
            Step::Chunk(event("initial-response", "{}")),
            Step::Chunk(records(1, 2)),
            Step::Pause(Duration::from_millis(50)),
            Step::Chunk(records(3, 1)),
        ],
    )
    .await
    .unwrap();
    let mut output = send(&server, credentials()).await.unwrap();
    let stream = &mut output.event_stream;
    assert_eq!(stream.request_id(), Some("event-server-1"));
    let mut data = Vec::new();
    let mut continuation = Vec::new();
    while let Some(event) = tokio::time::timeout(WAIT, stream.next()).await.unwrap() {
        match event.unwrap() {
            SubscribeToShardEventStream::SubscribeToShardEvent(e) => {
                continuation.push(e.continuation_sequence_number);
                for record in e.records {
                    assert_eq!(record.partition_key, "pk");
                    assert_eq!(
                        record.approximate_arrival_timestamp.map(|t| t.secs()),
                        Some(1_700_000_000)
                    );
                    data.push(String::from_utf8(record.data.into_inner()).unwrap());
                }
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(data, ["record 1", "record 2", "record 3"]);
    assert_eq!(continuation, ["2", "3"]);

    let received = server.requests();
    assert_eq!(received.len(), 1);
    assert_eq!(
        received[0].rejected, None,
        "the server verified the signature"
    );
    let request = &received[0].request;
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "ConsumerARN": CONSUMER,
            "ShardId": "shardId-000000000000",
            "StartingPosition": {"Type": "TRIM_HORIZON"},
        })
    );
    let target = request.headers.iter().find(|(n, _)| n == "x-amz-target");
    assert_eq!(
        target.map(|(_, v)| v.as_str()),
        Some("Kinesis_20131202.SubscribeToShard")
    );
}

#[tokio::test]
async fn an_exception_in_the_stream_is_the_operations_error() {
    let exception = Message::new(r#"{"message":"another consumer took over"}"#)
        .with_header(":message-type", "exception")
        .with_header(":exception-type", "ResourceInUseException")
        .encode()
        .unwrap();
    let server = EventServer::start(
        credentials(),
        vec![Step::Chunk(records(1, 1)), Step::Chunk(exception)],
    )
    .await
    .unwrap();
    // No initial-response: the output is read from `{}`, the first event kept.
    let mut output = send(&server, credentials()).await.unwrap();
    let first = output.event_stream.next().await.unwrap().unwrap();
    assert!(matches!(
        first,
        SubscribeToShardEventStream::SubscribeToShardEvent(_)
    ));
    match output.event_stream.next().await.unwrap() {
        Err(Error::Service(e)) => match e.err() {
            SubscribeToShardError::ResourceInUseException(inner) => {
                assert_eq!(inner.message.as_deref(), Some("another consumer took over"));
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    assert!(output.event_stream.next().await.is_none());
}

#[tokio::test]
async fn a_refused_signature_is_an_error_before_any_stream() {
    let server = EventServer::start(credentials(), vec![]).await.unwrap();
    let err = send(&server, Credentials::new("AKIDKINESIS", "wrong", None))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Service(e) if e.code() == "InvalidSignatureException"
            && matches!(e.err(), SubscribeToShardError::Unmodeled(_))),
        "{err:?}"
    );
}

#[tokio::test]
async fn dropping_the_output_closes_the_connection() {
    let server = EventServer::start(
        credentials(),
        vec![Step::Chunk(event("initial-response", "{}")), Step::Hold],
    )
    .await
    .unwrap();
    let output = send(&server, credentials()).await.unwrap();
    drop(output);
    let deadline = tokio::time::Instant::now() + WAIT;
    while !server.hung_up() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the server saw no hang-up"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn the_stream_comes_over_http2_where_the_endpoint_speaks_it() {
    let server = H2EventServer::start(
        credentials(),
        vec![event("initial-response", "{}"), records(1, 2)],
    )
    .await
    .unwrap();
    let client = awsjson::Client::builder()
        .region("us-east-1")
        .credentials(credentials())
        .endpoint_url(server.url())
        .ca_bundle(awsjson_tests::tls::ca_pem_path())
        .build()
        .unwrap();
    let mut output = tokio::time::timeout(WAIT, subscribe().send(&client))
        .await
        .unwrap()
        .unwrap();
    let mut sequence = Vec::new();
    while let Some(event) = tokio::time::timeout(WAIT, output.event_stream.next())
        .await
        .unwrap()
    {
        let SubscribeToShardEventStream::SubscribeToShardEvent(e) = event.unwrap() else {
            panic!("an unknown event");
        };
        sequence.extend(e.records.into_iter().map(|r| r.sequence_number));
    }
    assert_eq!(sequence, ["1", "2"]);
    let received = server.requests();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].version, "HTTP/2.0");
    assert_eq!(
        received[0].rejected, None,
        "the server verified the signature"
    );

    // The client's other calls stay on HTTP/1.1: they offer no `h2`, and this server
    // takes nothing else.
    let err = tokio::time::timeout(
        WAIT,
        DescribeStreamSummary {
            stream_name: "s".into(),
        }
        .send(&client),
    )
    .await
    .unwrap()
    .unwrap_err();
    assert!(
        matches!(&err, Error::Transport(e) if e.kind() == awsjson::TransportErrorKind::Connect),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[aws_json_operation(target = "Kinesis_20131202.DescribeStreamSummary")]
struct DescribeStreamSummary {
    stream_name: String,
}

#[tokio::test]
async fn a_customized_call_streams_with_its_settings() {
    use awsjson::Customize as _;
    let steps = vec![
        Step::Chunk(event("initial-response", "{}")),
        Step::Chunk(records(1, 1)),
    ];
    let server = EventServer::start(credentials(), steps).await.unwrap();
    server.fail_next(400, "LimitExceededException");
    let client = awsjson::Client::builder()
        .region("us-east-1")
        .credentials(credentials())
        .endpoint_url(server.url())
        .initial_backoff(Duration::from_millis(1))
        .build()
        .unwrap();
    let call = subscribe();
    let sent = call
        .customize()
        .operation_timeout(Duration::from_secs(5))
        .header("x-call-header", "subscribed")
        .send(&client);
    let mut output = tokio::time::timeout(WAIT, sent).await.unwrap().unwrap();
    let event = tokio::time::timeout(WAIT, output.event_stream.next())
        .await
        .unwrap();
    assert!(
        matches!(&event, Some(Ok(SubscribeToShardEventStream::SubscribeToShardEvent(b))) if b.records.len() == 1),
        "{event:?}"
    );
    // Kinesis' LimitExceededException is a throttling error: retried before the stream.
    let received = server.requests();
    assert_eq!(received.len(), 2);
    assert!(received.iter().all(|r| {
        r.rejected.is_none()
            && r.request
                .headers
                .iter()
                .any(|(n, v)| n == "x-call-header" && v == "subscribed")
    }));
}

#[tokio::test]
async fn the_mock_answers_a_stream_from_memory() {
    use awsjson::mock::{Mock, Rule};
    let mut body = event("initial-response", "{}");
    body.extend_from_slice(&records(7, 2));
    let mock = Mock::new();
    mock.add(Rule::<SubscribeToShard>::any().response(
        200,
        [("content-type", "application/vnd.amazon.eventstream")],
        body,
    ));
    let client = mock.client().unwrap();
    let mut output = subscribe().send(&client).await.unwrap();
    match output.event_stream.next().await {
        Some(Ok(SubscribeToShardEventStream::SubscribeToShardEvent(batch))) => {
            assert_eq!(batch.records.len(), 2);
            assert_eq!(batch.continuation_sequence_number, "8");
        }
        other => panic!("{other:?}"),
    }
    assert!(output.event_stream.next().await.is_none());
}
