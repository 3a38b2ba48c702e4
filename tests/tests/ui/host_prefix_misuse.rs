use awsjson::{aws_json_operation, aws_json_shape};

#[aws_json_operation(
    target = "Svc.NoPrefix",
    json_version = "1.0",
    signing_name = "svc",
    endpoint_prefix = "svc"
)]
pub struct NoPrefix {
    #[aws(host_label)]
    pub label: String,
}

#[aws_json_operation(
    target = "Svc.Mismatch",
    json_version = "1.0",
    signing_name = "svc",
    endpoint_prefix = "svc",
    host_prefix = "{Tenant}.{Region}.{Zone}."
)]
pub struct Mismatch {
    #[aws(host_label)]
    pub tenant: String,
    #[aws(host_label)]
    pub shard: String,
    #[aws(host_label)]
    pub region: Option<String>,
}

#[aws_json_operation(
    target = "Svc.Malformed",
    json_version = "1.0",
    signing_name = "svc",
    endpoint_prefix = "svc",
    host_prefix = "foo_{Label"
)]
pub struct Malformed {
    #[aws(host_label)]
    pub label: String,
}

#[aws_json_shape]
pub struct Nested {
    #[aws(host_label)]
    pub label: String,
}

fn main() {}
