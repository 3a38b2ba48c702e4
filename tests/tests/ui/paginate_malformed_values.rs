use awsjson::aws_json_operation;

#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    output = Out,
    paginate(input_token = "NextToken", output_token = next_token),
)]
pub struct ListSecrets {
    pub next_token: Option<String>,
}

#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    output = Out,
    paginate(input_token = next_token, output_token = next_token, items = secret_list),
)]
pub struct NoItemType {
    pub next_token: Option<String>,
}

#[awsjson::aws_json_shape]
pub struct Out {
    pub next_token: Option<String>,
}

fn main() {}
