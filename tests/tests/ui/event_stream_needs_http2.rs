// An awsJson operation whose output streams goes over HTTP/2: without awsjson's `http2`
// feature (off here) its `send` does not compile; the error names the feature.
use awsjson::{EventStream, aws_json_operation, aws_json_shape};

#[aws_json_operation(target = "Kinesis_20131202.SubscribeToShard", output = Output)]
struct Subscribe {
    #[aws(rename = "ConsumerARN")]
    consumer_arn: String,
    shard_id: String,
    starting_position: StartingPosition,
}

#[aws_json_shape(shape = "kinesis#StartingPosition")]
struct StartingPosition {
    r#type: String,
}

#[aws_json_shape]
struct Output {
    event_stream: EventStream<Events, SubscribeError>,
}

#[aws_json_shape]
enum Events {
    SubscribeToShardEvent(Event),
}

#[aws_json_shape]
struct Event {
    continuation_sequence_number: String,
}

async fn send(client: &awsjson::Client, op: &Subscribe) {
    let _ = op.send(client).await;
}

fn main() {
    let _ = send;
}
