// Event structures and unions named by `shape = ...`: the catalog binds their members
// (Lambda's `InvokeResponseStreamUpdate` has its `Payload` as the event payload), a
// binding stated by hand must be the model's, and `exception` marks only a member that
// targets an error.
use awsjson::aws_json_shape;

#[aws_json_shape(shape = "lambda#InvokeResponseStreamUpdate")]
struct Update {
    #[aws(event_header)]
    payload: Option<awsjson::Blob>,
}

#[aws_json_shape(shape = "lambda#InvokeWithResponseStreamCompleteEvent")]
struct Complete {
    error_code: Option<String>,
}

#[aws_json_shape(shape = "lambda#InvokeWithResponseStreamResponseEvent")]
enum Events {
    PayloadChunk(Update),
    #[aws(exception)]
    InvokeComplete(Complete),
}

fn main() {}
