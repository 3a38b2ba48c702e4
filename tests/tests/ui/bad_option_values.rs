use awsjson::{aws_json_operation, aws_json_shape, DateTime};

#[aws_json_operation(target = "DynamoDB_20120810.ListTables", rename_all = "camelcase")]
pub struct ListTables {
    pub limit: Option<i32>,
}

#[aws_json_shape]
pub struct Table {
    #[aws(timestamp = "iso8601")]
    pub created: Option<DateTime>,
}

fn main() {}
