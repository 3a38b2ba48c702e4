// Members bound to an event's message: `event_header` on a type no event header
// carries, two payloads, a payload beside an implicit member, an event binding mixed
// with an HTTP one, an event binding on a request, a flag given a value, and
// `exception` on an enum value. Each is one error, at the binding or the type.
use awsjson::{aws_json_operation, aws_json_shape};

#[aws_json_shape]
struct WrongHeaderType {
    #[aws(event_header)]
    tags: Vec<String>,
}

#[aws_json_shape]
struct TwoPayloads {
    #[aws(event_payload)]
    first: Option<awsjson::Blob>,
    #[aws(event_payload)]
    second: Option<String>,
}

#[aws_json_shape]
struct PayloadAndImplicit {
    #[aws(event_payload)]
    payload: Option<String>,
    note: Option<String>,
}

#[aws_json_shape]
struct EventAndHttp {
    #[aws(event_header)]
    kind: Option<String>,
    #[aws(header = "x-kind")]
    http_kind: Option<String>,
}

#[aws_json_operation(http = "POST /send", signing_name = "svc", endpoint_prefix = "svc")]
struct OnARequest {
    #[aws(event_header)]
    kind: Option<String>,
}

#[aws_json_shape]
struct FlagWithValue {
    #[aws(event_payload = "body")]
    payload: Option<String>,
}

#[aws_json_shape]
enum Color {
    #[aws(exception)]
    Red,
}

fn main() {}
