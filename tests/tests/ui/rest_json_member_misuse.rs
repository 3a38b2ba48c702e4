use awsjson::aws_json_operation;

// A member the input does not have.
#[aws_json_operation(operation = "lambda#GetFunction")]
pub struct GetFunction {
    pub function_name: String,
    pub qualifer: Option<String>,
}

// A URI label left out: a label is always required.
#[aws_json_operation(operation = "lambda#Invoke")]
pub struct Invoke {
    pub payload: Option<awsjson::Blob>,
}

// A URI label declared optional.
#[aws_json_operation(operation = "lambda#DeleteFunction")]
pub struct DeleteFunction {
    pub function_name: Option<String>,
}

// A query parameter of the wrong type.
#[aws_json_operation(operation = "lambda#ListFunctions")]
pub struct ListFunctions {
    pub max_items: Option<String>,
}

// A streaming payload held as bytes.
#[aws_json_operation(operation = "glacier#UploadArchive")]
pub struct UploadArchive {
    pub vault_name: String,
    pub account_id: String,
    pub body: Option<awsjson::Blob>,
}

// A payload of bytes held as a stream.
#[aws_json_operation(operation = "bedrock-runtime#InvokeModel")]
pub struct InvokeModel {
    pub model_id: String,
    pub body: Option<awsjson::ByteStream>,
}

fn main() {}
