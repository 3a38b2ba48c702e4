use awsjson::{aws_json_operation, aws_json_shape};

#[aws_json_operation(target = "secretsmanager.GetSecretValue", output = GetSecretValueResponse)]
struct GetSecretValue {
    secret_id: String,
}

// Declared without `shape = ...`, the output must mark what the model calls sensitive.
#[aws_json_shape]
#[derive(Debug)]
struct GetSecretValueResponse {
    name: Option<String>,
    secret_string: Option<String>,
}

// So must a structure nested in the input.
#[aws_json_operation(target = "AWSCognitoIdentityProviderService.SignUp")]
struct SignUp {
    client_id: String,
    username: String,
    user_attributes: Option<Vec<AttributeType>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct AttributeType {
    name: String,
    value: Option<String>,
}

#[aws_json_shape]
struct Misused {
    #[aws(sensitive = true)]
    password: String,
    #[aws(sensitive, sensitive)]
    pin: String,
}

#[aws_json_shape]
enum Level {
    #[aws(sensitive)]
    Secret,
    Public,
}

fn main() {}
