use awsjson::aws_json_operation;

#[aws_json_operation(target = "AWSPartnerCentralSelling.CreateEngagement")]
pub struct CreateEngagement {
    pub catalog: String,
    #[idempotency]
    pub client_token: String,
}

#[aws_json_operation(target = "AWSPartnerCentralSelling.CreateOpportunity")]
pub struct CreateOpportunity {
    pub catalog: String,
    #[idempotency]
    pub client_token: Option<u64>,
}

fn main() {}
