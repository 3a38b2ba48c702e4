use awsjson::aws_json_operation;

#[aws_json_operation(target = "AWSPartnerCentralSelling.CreateEngagement")]
pub struct CreateEngagement {
    pub catalog: String,
    #[idempotency]
    pub client_token: Option<String>,
    #[idempotency]
    pub other_token: Option<String>,
}

fn main() {}
