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

#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
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
