use std::collections::HashMap;

use awsjson::{ByteStream, aws_json_operation, aws_json_shape};

// A binding on an awsJson operation: every member is in its body.
#[aws_json_operation(target = "DynamoDB_20120810.ListTables", code = 201, checksum_required)]
pub struct ListTables {
    #[aws(header = "X-Limit")]
    pub limit: Option<i32>,
}

#[aws_json_operation(
    http = "GET /things/{ThingName}/{Missing}",
    signing_name = "things",
    endpoint_prefix = "things"
)]
pub struct GetThing {
    #[aws(label)]
    pub thing_name: String,
    // Its wire name `Other` is no label of the URI.
    #[aws(label)]
    pub other: String,
    #[aws(label, rename = "Optional")]
    pub optional: Option<String>,
    #[aws(header = "X-One", query = "one")]
    pub one: Option<String>,
    #[aws(response_code)]
    pub status: Option<i32>,
    #[aws(query_params)]
    pub params: Option<Vec<String>>,
    pub stream: Option<ByteStream>,
}

#[aws_json_operation(
    http = "POST /upload",
    signing_name = "things",
    endpoint_prefix = "things"
)]
pub struct Upload {
    #[aws(payload)]
    pub body: Option<awsjson::Blob>,
    // A body member beside the payload.
    pub name: Option<String>,
    #[aws(payload)]
    pub again: Option<String>,
    #[aws(header = "Bad Header")]
    pub bad: Option<String>,
    #[aws(prefix_headers = "X-Meta-")]
    pub meta: Option<HashMap<String, String>>,
}

#[aws_json_shape]
pub struct UploadOutput {
    #[aws(label)]
    pub id: String,
    #[aws(query = "q")]
    pub q: Option<String>,
    #[aws(response_code)]
    pub status: Option<String>,
    #[aws(media_type = "text/plain")]
    pub text: Option<String>,
}

fn main() {}
