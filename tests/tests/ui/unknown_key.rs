use awsjson::aws_json_operation;

#[aws_json_operation(target = "DynamoDB_20120810.ListTables", ouput = ListTablesOutput)]
pub struct ListTables {
    pub limit: Option<i32>,
}

#[aws_json_operation(target = "DynamoDB_20120810.DeleteTable")]
pub struct DeleteTable {
    #[aws(renme = "TableName")]
    pub table_name: String,
}

fn main() {}
