use awsjson::{aws_json_operation, aws_json_shape};

// The output's members are checked by the compiler, at the names in `paginate(...)`.
#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    output = Out,
    paginate(input_token = next_token, output_token = next_marker, items = secret_list: u32),
)]
pub struct ListSecrets {
    pub next_token: Option<String>,
}

#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    output = Out,
    paginate(input_token = next_token, output_token = next_token),
)]
pub struct PagesOnly {
    pub next_token: Option<String>,
}

#[aws_json_shape]
pub struct Out {
    pub next_token: Option<String>,
    pub secret_list: Option<Vec<String>>,
}

async fn misuse(client: &awsjson::Client) {
    // No `page_size` in its `paginate(...)`.
    let _ = PagesOnly { next_token: None }.pages(client).page_size(10);
    // No `items` in its `paginate(...)`.
    let _ = PagesOnly { next_token: None }.items(client);
}

fn main() {
    let _ = misuse;
}
