use awsjson::aws_json_operation;

// Every model mistake here is reported in one compilation.
#[aws_json_operation(
    target = "AWSPartnerCentralSelling.CreateResourceSnapshotJob",
    errors(AccessDenied)
)]
pub struct CreateResourceSnapshotJob {
    pub catalog: Option<String>,
    pub engagement_id: String,
    pub resource_identifier: u32,
    #[idempotency]
    pub resource_type: Option<String>,
}

fn main() {}
