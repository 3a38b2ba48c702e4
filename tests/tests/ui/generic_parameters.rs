use awsjson::{aws_json_operation, aws_json_shape};

#[aws_json_shape]
pub struct Page<T> {
    pub items: Vec<T>,
}

#[aws_json_operation(target = "DynamoDB_20120810.ListTables")]
pub struct ListTables<T> {
    pub exclusive_start_table_name: Option<T>,
}

fn main() {}
