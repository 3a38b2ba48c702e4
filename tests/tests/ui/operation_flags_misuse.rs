use awsjson::{aws_json_operation, aws_json_shape};

#[aws_json_operation(
    target = "Svc.Flags",
    json_version = "1.0",
    signing_name = "svc",
    endpoint_prefix = "svc",
    query_compatible = true,
    request_compression = "br"
)]
pub struct Flags {}

#[aws_json_operation(
    target = "Svc.Endpoints",
    json_version = "1.0",
    signing_name = "svc",
    endpoint_prefix = "svc"
)]
pub struct Endpoints {
    #[aws(endpoint_url)]
    pub urls: Vec<String>,
    #[aws(endpoint_url)]
    pub other: Option<String>,
}

#[aws_json_shape]
pub struct Target {
    #[aws(endpoint_url)]
    pub url: String,
}

fn main() {}
