use awsjson::aws_json_operation;

#[aws_json_operation(target = "AWSPartnerCentralSelling.CreateEngagement")]
pub struct CreateEngagement {
    #[idempotency]
    pub catalog: Option<String>,
    pub title: String,
    pub description: String,
}

#[aws_json_operation(target = "DynamoDB_20120810.DescribeTable")]
pub struct DescribeTable {
    #[idempotency]
    pub table_name: Option<String>,
}

fn main() {}
