use awsjson::aws_json_operation;

#[aws_json_operation(
    http = "FETCH /things",
    target = "Things.Get",
    json_version = "1.1",
    signing_name = "things",
    endpoint_prefix = "things"
)]
pub struct BadMethod {}

#[aws_json_operation(http = "GET things/{Id}", signing_name = "things", endpoint_prefix = "things")]
pub struct NoSlash {
    #[aws(label)]
    pub id: String,
}

#[aws_json_operation(http = "GET /things/{Id", signing_name = "things", endpoint_prefix = "things")]
pub struct Unbalanced {
    #[aws(label)]
    pub id: String,
}

#[aws_json_operation(http = "GET /a/{A+}/{B+}", code = 600, signing_name = "things", endpoint_prefix = "things")]
pub struct TwoGreedy {
    #[aws(label)]
    pub a: String,
    #[aws(label)]
    pub b: String,
}

#[aws_json_operation(http = "GET /things")]
pub struct NoMetadata {}

fn main() {}
