use awsjson::aws_json_operation;

pub struct ListTablesOutput {
    pub table_names: Vec<String>,
}

#[aws_json_operation(target = "DynamoDB_20120810.ListTables", output = ListTablesOutput)]
pub struct ListTables {
    pub limit: Option<i32>,
}

fn main() {}
