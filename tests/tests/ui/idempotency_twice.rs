use awsjson::aws_json_operation;

// Outside the catalog, `#[idempotency]` is what marks the token.
#[aws_json_operation(
    target = "ExampleService.CreateThing",
    json_version = "1.0",
    signing_name = "example",
    endpoint_prefix = "example"
)]
pub struct CreateEngagement {
    pub catalog: String,
    #[idempotency]
    pub client_token: Option<String>,
    #[idempotency]
    pub other_token: Option<String>,
}

fn main() {}
