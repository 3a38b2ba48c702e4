use awsjson::aws_json_operation;

#[aws_json_operation(target = "DynamoDB_20120810.DescribeTable")]
pub struct DescribeTable {
    pub table_name: Option<String>,
}

fn main() {}
