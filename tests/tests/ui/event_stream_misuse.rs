// Event-stream operations: the output must be declared (the stream lives in it), and
// its member is `awsjson::EventStream<_, _>` exactly where the model has a stream.
use awsjson::{EventStream, aws_json_operation, aws_json_shape};

// Without `output = ...` the stream would have nowhere to go.
#[aws_json_operation(target = "Kinesis_20131202.SubscribeToShard")]
struct SubscribeWithoutOutput {
    #[aws(rename = "ConsumerARN")]
    consumer_arn: String,
    shard_id: String,
    starting_position: StartingPosition,
}

#[aws_json_shape(shape = "kinesis#StartingPosition")]
struct StartingPosition {
    r#type: String,
}

// The event-stream member declared as the union itself: it is no JSON value.
#[aws_json_shape(shape = "kinesis#SubscribeToShardOutput")]
struct UnionNotStream {
    event_stream: Events,
}

// A stream where the model has none.
#[aws_json_shape(shape = "kinesis#PutRecordOutput")]
struct StreamNotModeled {
    shard_id: EventStream<Events, ()>,
    sequence_number: String,
}

#[aws_json_shape]
enum Events {
    SubscribeToShardEvent(Event),
}

#[aws_json_shape]
struct Event {
    continuation_sequence_number: String,
}

fn main() {}
