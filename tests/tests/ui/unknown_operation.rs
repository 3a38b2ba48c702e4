use awsjson::aws_json_operation;

#[aws_json_operation(target = "DynamoDB_20120810.PutItm")]
pub struct PutItem {
    pub table_name: String,
}

#[aws_json_operation(target = "TrentService.Encrpyt")]
pub struct Encrypt {
    pub key_id: String,
}

fn main() {}
