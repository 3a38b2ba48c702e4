use awsjson::{aws_json_operation, aws_json_shape};

// An output declared without `shape = ...` mirrors the model's bindings: the header
// the model binds `FunctionError` to is `X-Amz-Function-Error`.
#[aws_json_shape]
pub struct InvokeOutput {
    #[aws(response_code)]
    pub status_code: i32,
    #[aws(header = "X-Amz-Function-Eror")]
    pub function_error: Option<String>,
}

#[aws_json_operation(operation = "lambda#Invoke", output = InvokeOutput)]
pub struct Invoke {
    pub function_name: String,
}

fn main() {}
