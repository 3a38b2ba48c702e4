use awsjson::aws_json_operation;

#[aws_json_operation(target = "DynamoDB_20120810.DescribeTable")]
pub struct DescribeTable {
    pub table_nme: String,
}

#[aws_json_operation(target = "TrentService.Encrypt")]
pub struct Encrypt {
    pub key_id: String,
    pub plaintext: awsjson::Blob,
    #[aws(rename = "EncryptionAlgo")]
    pub algorithm: Option<String>,
    pub colour: Option<String>,
}

fn main() {}
