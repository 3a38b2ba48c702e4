use awsjson::aws_json_shape;

#[aws_json_shape(shape = "ecr#Repositry")]
pub struct Repository {
    pub repository_name: Option<String>,
}

#[aws_json_shape(shape = "ecs#Repository")]
pub struct Repository2 {
    pub repository_name: Option<String>,
}

#[aws_json_shape(shape = "ecr#Repository")]
pub struct Repository3 {
    pub repository_nam: Option<String>,
    pub created_at: Option<String>,
}

// Tag is sent in requests: its required members must be there, and not optional.
#[aws_json_shape(shape = "ecr#Tag")]
pub struct Tag {
    pub key: Option<String>,
}

#[aws_json_shape(shape = "ecr#ImageTagMutability")]
pub struct NotAStruct {
    pub value: String,
}

#[aws_json_shape(shape = "ecr#ImageTagMutability")]
pub enum ImageTagMutability {
    Mutable,
    Immutable,
    Frozen,
    #[aws(rename = "mutable")]
    Lower,
}

// A union's variants are its members.
#[aws_json_shape(shape = "dynamodb#AttributeValue")]
pub enum Value {
    S(u32),
    Text(String),
}

#[aws_json_shape(shape = "EcrRepository")]
pub struct Malformed {}

fn main() {}
