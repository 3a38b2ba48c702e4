use awsjson::{aws_json_operation, aws_json_shape};

// A binding stated by hand must be the model's: another header, and a label stated as
// a query parameter. The header's case does not matter, as in HTTP.
#[aws_json_operation(operation = "lambda#Invoke")]
pub struct Invoke {
    #[aws(query = "FunctionName")]
    pub function_name: String,
    #[aws(header = "X-Amz-Log-Type")]
    pub invocation_type: Option<String>,
    #[aws(header = "x-amz-client-context")]
    pub client_context: Option<String>,
    #[aws(payload)]
    pub payload: Option<awsjson::Blob>,
}

// An awsJson operation sends every member in its JSON body.
#[aws_json_operation(operation = "dynamodb#DeleteTable")]
pub struct DeleteTable {
    #[aws(header = "X-Table")]
    pub table_name: String,
}

// The catalog gives the route: `http` would declare another.
#[aws_json_operation(operation = "lambda#ListFunctions", http = "GET /2015-03-31/functions")]
pub struct ListFunctions {
    pub marker: Option<String>,
}

// A shape's stated bindings are checked against its model shape too.
#[aws_json_shape(shape = "lambda#InvocationResponse")]
pub struct InvocationResponse {
    #[aws(response_code)]
    pub function_error: Option<String>,
    // A media type names a payload's or a header's.
    #[aws(media_type = "text/plain")]
    pub status_code: Option<i32>,
}

// An awsJson shape's members are all in its JSON body.
#[aws_json_shape(shape = "dynamodb#TableDescription")]
pub struct TableDescription {
    #[aws(header = "X-Table")]
    pub table_name: Option<String>,
}

fn main() {}
