use awsjson::aws_json_operation;

// One name for the operation: `operation` gives the target from the catalog.
#[aws_json_operation(operation = "dynamodb#DeleteTable", target = "DynamoDB_20120810.DeleteTable")]
pub struct DeleteTable {
    pub table_name: String,
}

// A restJson1 service's requests carry no JSON version.
#[aws_json_operation(operation = "lambda#GetFunction", json_version = "1.1")]
pub struct GetFunction {
    pub function_name: String,
}

// The catalog says whether a request carries `Content-MD5`.
#[aws_json_operation(operation = "lambda#DeleteFunction", checksum_required)]
pub struct DeleteFunction {
    pub function_name: String,
}

fn main() {}
