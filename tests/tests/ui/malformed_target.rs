use awsjson::aws_json_operation;

#[aws_json_operation(target = "DynamoDB_20120810/ListTables")]
pub struct ListTables {
    pub limit: Option<i32>,
}

#[aws_json_operation(target = "ListTables")]
pub struct ListTables2 {
    pub limit: Option<i32>,
}

fn main() {}
