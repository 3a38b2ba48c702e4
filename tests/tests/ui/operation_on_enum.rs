use awsjson::aws_json_operation;

#[aws_json_operation(target = "DynamoDB_20120810.DescribeTable")]
pub enum DescribeTable {
    ByName(String),
}

fn main() {}
