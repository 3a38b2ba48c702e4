use awsjson::{aws_json_operation, aws_json_shape};

#[aws_json_operation(target = "DynamoDB_20120810.ListTables", output = ListTablesOutput, crate = "nowhere::aws")]
struct ListTables {
    limit: Option<i32>,
}

#[aws_json_shape(crate = "nowhere::aws")]
struct ListTablesOutput {
    table_names: Option<Vec<String>>,
}

fn main() {}
