use awsjson::{aws_json_operation, aws_json_shape};

#[aws_json_operation(
    target = "DynamoDB_20120810.DescribeTable",
    errors(ResourceNotFoundException, ResourceNotFound, ValidationException)
)]
pub struct DescribeTable {
    pub table_name: String,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct ResourceNotFoundException {
    pub message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct ResourceNotFound {
    pub message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
pub struct ValidationException {
    pub message: Option<String>,
}

fn main() {}
