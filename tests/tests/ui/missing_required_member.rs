use awsjson::aws_json_operation;

#[aws_json_operation(target = "DynamoDB_20120810.PutItem")]
pub struct PutItem {
    pub table_name: String,
}

fn main() {}
