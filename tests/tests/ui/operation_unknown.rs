use awsjson::aws_json_operation;

// An operation the service does not have: the closest names are suggested.
#[aws_json_operation(operation = "lambda#Invok")]
pub struct Invoke {
    pub function_name: String,
}

// A service the catalog does not have, in either protocol.
#[aws_json_operation(operation = "lamda#Invoke")]
pub struct InvokeElsewhere {
    pub function_name: String,
}

// A target where the operation's name goes.
#[aws_json_operation(operation = "Lambda.Invoke")]
pub struct InvokeByTarget {
    pub function_name: String,
}

// awsJson operations are named the same way.
#[aws_json_operation(operation = "dynamodb#PutItm")]
pub struct PutItem {
    pub table_name: String,
}

fn main() {}
