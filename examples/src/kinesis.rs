//! Kinesis `SubscribeToShard` (enhanced fan-out): an output event stream over HTTP/2
//! (awsjson's `http2` feature).

// Members are the service's own; their documentation is the Kinesis API reference.
#![allow(missing_docs)]

use awsjson::{Blob, DateTime, EventStream, aws_json_operation, aws_json_shape};

#[aws_json_operation(
    target = "Kinesis_20131202.SubscribeToShard",
    output = SubscribeToShardOutput,
    errors(ResourceNotFoundException, ResourceInUseException, LimitExceededException)
)]
#[derive(Debug)]
pub struct SubscribeToShard {
    #[aws(rename = "ConsumerARN")]
    pub consumer_arn: String,
    pub shard_id: String,
    pub starting_position: StartingPosition,
}

#[aws_json_shape(shape = "kinesis#StartingPosition")]
#[derive(Debug)]
pub struct StartingPosition {
    pub r#type: ShardIteratorType,
    pub sequence_number: Option<String>,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug)]
pub enum ShardIteratorType {
    Latest,
    TrimHorizon,
}

#[aws_json_shape(shape = "kinesis#SubscribeToShardOutput")]
#[derive(Debug)]
pub struct SubscribeToShardOutput {
    pub event_stream: EventStream<SubscribeToShardEventStream, SubscribeToShardError>,
}

#[aws_json_shape(shape = "kinesis#SubscribeToShardEventStream")]
#[derive(Debug)]
pub enum SubscribeToShardEventStream {
    SubscribeToShardEvent(SubscribeToShardEvent),
}

#[aws_json_shape]
#[derive(Debug)]
pub struct SubscribeToShardEvent {
    pub records: Vec<Record>,
    pub continuation_sequence_number: String,
    pub millis_behind_latest: i64,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct Record {
    pub sequence_number: String,
    pub approximate_arrival_timestamp: Option<DateTime>,
    pub data: Blob,
    pub partition_key: String,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct ResourceNotFoundException {
    pub message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct ResourceInUseException {
    pub message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct LimitExceededException {
    pub message: Option<String>,
}
