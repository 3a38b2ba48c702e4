use awsjson::aws_json_operation;

// Every mistake in `paginate(...)` is reported in one compilation.
#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    paginate(input_token = nxt_token, page_size = max_results, page = 2, items = secret_list: String),
)]
pub struct ListSecrets {
    pub max_results: i32,
    pub next_token: Option<String>,
}

// A service outside the catalog, so that only the paginate check speaks.
#[aws_json_operation(
    target = "Example_20200101.ListThings",
    json_version = "1.1",
    signing_name = "example",
    endpoint_prefix = "example",
    output = Out,
    paginate(input_token = token, output_token = next_token),
)]
pub struct IdempotentToken {
    #[idempotency]
    pub token: Option<String>,
}

#[awsjson::aws_json_shape]
pub struct Out {
    pub next_token: Option<String>,
}

fn main() {}
