use awsjson::{aws_json_operation, aws_json_shape};

// The output's fields must be members of the operation's output.
#[aws_json_operation(target = "DynamoDB_20120810.ListTables", output = ListTablesOutput)]
pub struct ListTables {
    pub limit: Option<i32>,
}

#[aws_json_shape]
pub struct ListTablesOutput {
    pub table_names: Option<Vec<String>>,
    pub next_token: Option<String>,
}

// A shape that mirrors another model shape is not this operation's output.
#[aws_json_operation(target = "DynamoDB_20120810.DescribeTable", output = Table)]
pub struct DescribeTable {
    pub table_name: String,
}

#[aws_json_shape(shape = "dynamodb#TableDescription")]
pub struct Table {
    pub table_name: Option<String>,
}

// An operation without output members takes no `output`.
#[aws_json_operation(target = "Logs_20140328.CreateLogGroup", output = ListTablesOutput)]
pub struct CreateLogGroup {
    pub log_group_name: String,
}

fn main() {}
