use awsjson::aws_json_operation;

#[aws_json_operation(output = ())]
pub struct ListTables {
    pub limit: Option<i32>,
}

fn main() {}
