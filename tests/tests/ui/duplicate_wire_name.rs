use awsjson::aws_json_operation;

#[aws_json_operation(target = "TrentService.Encrypt")]
pub struct Encrypt {
    pub key_id: String,
    #[aws(rename = "KeyId")]
    pub key: String,
    pub plaintext: awsjson::Blob,
}

fn main() {}
