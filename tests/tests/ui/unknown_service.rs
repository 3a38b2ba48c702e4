use awsjson::aws_json_operation;

#[aws_json_operation(target = "DynamoDB_2012081.ListTables")]
pub struct ListTables {
    pub limit: Option<i32>,
}

#[aws_json_operation(target = "ExampleService.Ping", json_version = "1.1")]
pub struct Ping {}

#[aws_json_operation(
    target = "ExampleService.Pong",
    json_version = "2.0",
    signing_name = "example",
    endpoint_prefix = "example",
)]
pub struct Pong {}

fn main() {}
