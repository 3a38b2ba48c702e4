use awsjson::aws_json_operation;

#[aws_json_operation(target = "DynamoDB_20120810.PutItm")]
pub struct PutItem {
    pub table_name: String,
}

#[aws_json_operation(target = "TrentService.Encrpyt")]
pub struct Encrypt {
    pub key_id: String,
}

// Timestream's query and write services share the prefix and this operation.
#[aws_json_operation(target = "Timestream_20181101.TagResource")]
pub struct TagResource {
    pub resource_arn: String,
}

fn main() {}
